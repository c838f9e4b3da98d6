/*
 * assumptions.c -- `assumption_ranges`: the numbers of a configuration that
 * are guesses rather than facts, each with the range it could plausibly
 * take and why, as `supplysim sensitivity` reads them:
 *
 *   assumption_ranges = ( { path = "facility_kinds.central.mobilise_night_min";
 *                           low = 30.0; high = 90.0; why = "..."; },
 *                         { path = "disaster.sites.*.report_min"; relative = true;
 *                           low = 0.5; high = 2.0; why = "..."; }, ... );
 *
 * A path names settings as -D does; '*' stands for every element of a list
 * or every member of a group; a path that ends at an array of numbers (a
 * [lo, hi] draw) stands for its elements.  low and high are the values the
 * settings take, or with `relative = true` factors on each setting's own
 * value.  Checked here once the tree is laid: every path names numbers (a
 * path under `disaster` or `run` is skipped when the configuration has no
 * such group, as a system definition alone has not), low <= high, integer
 * settings get integer values, no number is named twice.  The invariant:
 * every range's `paths` are the single values it sets, as -D takes them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"

struct found { struct assumption_range *a; int cap; };

static int add_path(struct reader *r, struct found *f, const config_setting_t *s)
{
    struct assumption_range *a = f->a;
    if (a->n_paths == f->cap) {
        int cap = f->cap ? 2 * f->cap : 8;
        char **p = realloc(a->paths, (size_t)cap * sizeof *p);
        double *b = p ? realloc(a->base, (size_t)cap * sizeof *b) : NULL;
        if (p)
            a->paths = p;
        unsigned char *i = b ? realloc(a->is_int, (size_t)cap) : NULL;
        if (b)
            a->base = b;
        if (!i) {
            FAIL(r, s, NULL, T_CMD_OUT_OF_MEMORY);
            return -1;
        }
        a->is_int = i;
        f->cap = cap;
    }
    char path[512];
    cfg_path(s, path, sizeof path);
    int is_int = config_setting_type(s) == CONFIG_TYPE_INT
        || config_setting_type(s) == CONFIG_TYPE_INT64;
    a->paths[a->n_paths] = cfg_dup(r, path);
    a->base[a->n_paths] = is_int ? (double)config_setting_get_int64(s)
                                 : config_setting_get_float(s);
    a->is_int[a->n_paths++] = (unsigned char)is_int;
    return 0;
}

static int is_number(const config_setting_t *s)
{
    int t = config_setting_type(s);
    return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 || t == CONFIG_TYPE_FLOAT;
}

/* The settings under s that the components comp[0..n) name (a '*' each of
 * its children), numbers and arrays of numbers only. */
static void walk(struct reader *r, struct found *f, const config_setting_t *s, char **comp,
                 int n)
{
    if (n == 0) {
        if (is_number(s)) {
            add_path(r, f, s);
        } else if (config_setting_is_array(s)) {
            for (int i = 0; i < config_setting_length(s) && !r->bad; i++)
                if (is_number(config_setting_get_elem(s, i)))
                    add_path(r, f, config_setting_get_elem(s, i));
        }
        return;
    }
    if (!config_setting_is_aggregate(s))
        return;
    for (int i = 0; i < config_setting_length(s) && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(s, i);
        const char *name = config_setting_name(e), *id = NULL;
        char index[16];
        snprintf(index, sizeof index, "[%d]", i);
        if (config_setting_is_group(e))
            config_setting_lookup_string(e, "id", &id);
        if (!strcmp(comp[0], "*") || (name && !strcmp(comp[0], name))
            || (id && !name && !strcmp(comp[0], id)) || !strcmp(comp[0], index))
            walk(r, f, e, comp + 1, n - 1);
    }
}

/* Expands a->path in the tree; 0 when the path belongs to a group the
 * configuration does not have (skipped), 1 when it found numbers. */
static int expand(struct reader *r, const config_setting_t *root, const config_setting_t *e,
                  struct assumption_range *a)
{
    char buf[512], *comp[32], *save = NULL;
    int n = 0;
    snprintf(buf, sizeof buf, "%s", a->path);
    for (char *c = strtok_r(buf, ".", &save); c && n < 32; c = strtok_r(NULL, ".", &save))
        comp[n++] = c;
    if (n > 0 && (!strcmp(comp[0], "disaster") || !strcmp(comp[0], "run"))
        && !config_setting_get_member(root, comp[0]))
        return 0;
    struct found f = { a, 0 };
    walk(r, &f, root, comp, n);
    if (!r->bad && a->n_paths == 0)
        FAIL(r, config_setting_get_member(e, "path"), NULL, T_CFG_RANGE_PATH,
             a->path);
    return 1;
}

/* Values the range gives each of its integer settings must be integers. */
static void check_values(struct reader *r, const config_setting_t *e,
                         const struct assumption_range *a)
{
    for (int k = 0; k < a->n_paths && !r->bad; k++)
        if (a->is_int[k] && !a->relative && (a->low != floor(a->low) || a->high != floor(a->high)))
            FAIL(r, e, NULL, T_CFG_RANGE_WHOLE,
                 a->paths[k], a->low, a->high);
}

static void read_range(struct reader *r, const config_setting_t *root, const config_setting_t *e,
                       struct assumption_range *a)
{
    static const char *const known[] = { "path", "low", "high", "why", "relative", NULL };
    if (!config_setting_is_group(e)) {
        FAIL(r, e, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_RANGE), cfg_found(r, e));
        return;
    }
    cfg_only_known(r, e, known);
    a->path = cfg_dup(r, cfg_get_str(r, e, "path"));
    a->why = cfg_dup(r, cfg_get_str(r, e, "why"));
    a->low = cfg_get_num(r, e, "low", ANY);
    a->high = cfg_get_num(r, e, "high", ANY);
    const config_setting_t *rel = cfg_opt(e, "relative");
    if (rel && config_setting_type(rel) != CONFIG_TYPE_BOOL)
        FAIL(r, rel, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_BOOL), cfg_found(r, rel));
    a->relative = rel && !r->bad && config_setting_get_bool(rel);
    if (!r->bad && a->low > a->high)
        FAIL(r, cfg_opt(e, "low"), NULL, T_CFG_LOW_HIGH,
             a->low, a->high);
    if (!r->bad && a->relative && !(a->low >= 0))
        FAIL(r, cfg_opt(e, "low"), NULL, T_CFG_FACTOR0, a->low);
    if (!r->bad && expand(r, root, e, a))
        check_values(r, e, a);
}

/* No single value named by two ranges: the corners of a study set each
 * once. */
static void check_overlap(struct reader *r, const config_setting_t *l)
{
    const struct definition *d = r->d;
    for (int i = 0; i < d->n_ranges && !r->bad; i++)
        for (int k = 0; k < d->ranges[i].n_paths && !r->bad; k++)
            for (int j = 0; j < i && !r->bad; j++)
                for (int m = 0; m < d->ranges[j].n_paths; m++)
                    if (!strcmp(d->ranges[i].paths[k], d->ranges[j].paths[m])) {
                        FAIL(r, config_setting_get_elem(l, (unsigned)d->ranges[i].entry), NULL, T_CFG_RANGE_OVERLAP, d->ranges[i].paths[k], d->ranges[j].entry,
                             d->ranges[j].path);
                        break;
                    }
}

void cfg_read_assumptions(struct reader *r, const config_setting_t *root)
{
    const config_setting_t *l = cfg_opt(root, "assumption_ranges");
    if (!l || r->bad)
        return;
    if (!config_setting_is_list(l)) {
        FAIL(r, l, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_RANGES), cfg_found(r, l));
        return;
    }
    int n = config_setting_length(l);
    r->d->ranges = cfg_alloc(r, (size_t)n, sizeof *r->d->ranges);
    for (int i = 0; i < n && !r->bad; i++) {
        struct assumption_range *a = &r->d->ranges[r->d->n_ranges];
        a->entry = i;
        read_range(r, root, config_setting_get_elem(l, (unsigned)i), a);
        if (a->n_paths > 0 || r->bad)
            r->d->n_ranges++;
        else                               /* skipped: free what it holds */
            free(a->path), free(a->why), memset(a, 0, sizeof *a);
    }
    check_overlap(r, l);
}
