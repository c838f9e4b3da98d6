/*
 * get.c -- typed, range-checked getters over libconfig settings, and
 * sorted id maps: the vocabulary system.c and scenario.c are written
 * in.  Errors are sticky (see struct reader in internal.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"

const char *cfg_found(const config_setting_t *s)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_GROUP:  return "a group";
    case CONFIG_TYPE_INT:    return "an integer";
    case CONFIG_TYPE_INT64:  return "a 64-bit integer (with L)";
    case CONFIG_TYPE_FLOAT:  return "a number";
    case CONFIG_TYPE_STRING: return "a string";
    case CONFIG_TYPE_BOOL:   return "a boolean";
    case CONFIG_TYPE_ARRAY:  return "an array";
    case CONFIG_TYPE_LIST:   return "a list";
    default:                 return "nothing";
    }
}

/* ---- small typed getters ------------------------------------------------ */

int cfg_in_range(struct reader *r, const config_setting_t *s, double v, enum range rg)
{
    if ((rg == POS && !(v > 0)) || (rg == NONNEG && !(v >= 0)) || !isfinite(v)) {
        FAIL(r, s, NULL, "expected a %s number, found %g",
             rg == POS ? "positive" : "non-negative", v);
        return 0;
    }
    return 1;
}

/* A number (an integer is accepted where a number is wanted). */
double cfg_num_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    int t = config_setting_type(s);
    if (t != CONFIG_TYPE_FLOAT && t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
        FAIL(r, s, NULL, "expected a number, found %s", cfg_found(s));
        return 0;
    }
    double v = t == CONFIG_TYPE_FLOAT ? config_setting_get_float(s)
                                      : (double)config_setting_get_int64(s);
    return cfg_in_range(r, s, v, rg) ? v : 0;
}

const config_setting_t *cfg_opt(const config_setting_t *g, const char *name)
{
    return g ? config_setting_get_member(g, name) : NULL;
}

const config_setting_t *cfg_req(struct reader *r, const config_setting_t *g,
                                   const char *name, const char *what)
{
    const config_setting_t *s = cfg_opt(g, name);
    if (!s)
        FAIL(r, g, name, "expected %s, found nothing (the setting is missing)", what);
    return s;
}

double cfg_get_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg)
{
    const config_setting_t *s = cfg_req(r, g, name, "a number");
    return (s && !r->bad) ? cfg_num_of(r, s, rg) : 0;
}

double cfg_opt_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg, double dflt)
{
    const config_setting_t *s = cfg_opt(g, name);
    return (s && !r->bad) ? cfg_num_of(r, s, rg) : dflt;
}

int cfg_int_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    if (config_setting_type(s) != CONFIG_TYPE_INT) {
        FAIL(r, s, NULL, "expected an integer, found %s", cfg_found(s));
        return 0;
    }
    int v = config_setting_get_int(s);
    return cfg_in_range(r, s, v, rg) ? v : 0;
}

int cfg_int_in(struct reader *r, const config_setting_t *s, int lo, int hi)
{
    int v = cfg_int_of(r, s, ANY);
    if (!r->bad && (v < lo || v > hi))
        FAIL(r, s, NULL, "expected an integer from %d to %d, found %d", lo, hi, v);
    return r->bad ? lo : v;
}

double cfg_at_most(struct reader *r, const config_setting_t *s, double v, double max,
                   const char *unit)
{
    if (!r->bad && v > max)
        FAIL(r, s, NULL, "expected at most %g%s, found %g", max, unit, v);
    return r->bad ? 0 : v;
}

void cfg_check_cv(struct reader *r, const config_setting_t *s, double cv, double max)
{
    if (!r->bad && cv != 0 && !(cv >= CFG_MIN_CV && cv <= max))
        FAIL(r, s, NULL, "expected 0 (no variability) or a coefficient of variation from %g "
             "to %g, found %g", CFG_MIN_CV, max, cv);
}

const char *cfg_str_of(struct reader *r, const config_setting_t *s)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        FAIL(r, s, NULL, "expected a string, found %s", cfg_found(s));
        return "";
    }
    return config_setting_get_string(s);
}

const char *cfg_get_str(struct reader *r, const config_setting_t *g, const char *name)
{
    const config_setting_t *s = cfg_req(r, g, name, "a string");
    return (s && !r->bad) ? cfg_str_of(r, s) : "";
}

const char *cfg_opt_str(struct reader *r, const config_setting_t *g, const char *name,
                           const char *dflt)
{
    const config_setting_t *s = cfg_opt(g, name);
    return (s && !r->bad) ? cfg_str_of(r, s) : dflt;
}

char *cfg_dup(struct reader *r, const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "out of memory");
        r->bad = 1;
    }
    return p;
}

void *cfg_alloc(struct reader *r, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "out of memory");
        r->bad = 1;
    }
    return p;
}

/* Index of s in names[0..n), or -1 (with an error naming the choices). */
int cfg_choice(struct reader *r, const config_setting_t *g, const char *name,
                  const char *const *names, int n)
{
    const config_setting_t *s = cfg_req(r, g, name, "a string");
    if (!s || r->bad)
        return -1;
    const char *v = cfg_str_of(r, s);
    for (int i = 0; i < n; i++)
        if (!strcmp(v, names[i]))
            return i;
    char list[256] = "";
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
    FAIL(r, s, NULL, "expected one of %s, found \"%s\"", list, v);
    return -1;
}

/* Every member of g must be one of known[] (NULL-terminated). */
void cfg_only_known(struct reader *r, const config_setting_t *g, const char *const *known)
{
    for (int i = 0; g && !r->bad && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        const char *name = config_setting_name(s);
        int ok = 0;
        for (const char *const *k = known; *k && !ok; k++)
            ok = !strcmp(*k, name);
        if (!ok) {
            char list[512] = "";
            for (const char *const *k = known; *k; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         k == known ? "" : ", ", *k);
            FAIL(r, s, NULL, "expected one of the settings %s; found an unknown setting", list);
        }
    }
}

/* The most entries a list may hold: what the model's memory and a county's
 * system make sensible (config/README.md, "Limits"). */
int cfg_list_max(const char *name)
{
    static const struct { const char *name; int max; } caps[] = {
        { "items", 1000 }, { "truck_types", 100 }, { "townships", 100000 },
        { "nodes", 1000000 }, { "roads", CFG_MAX_ROADS }, { "facilities", 100000 },
        { "fleet", 100000 }, { "sites", 100000 }, { "road_damage", 10000 },
        { "waves", 1000 },
    };
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (!strcmp(caps[i].name, name))
            return caps[i].max;
    return 1000000;
}

/* A required group, or a required list of groups. */
const config_setting_t *cfg_get_group(struct reader *r, const config_setting_t *g,
                                         const char *name)
{
    const config_setting_t *s = cfg_req(r, g, name, "a group { ... }");
    if (s && !r->bad && !config_setting_is_group(s))
        FAIL(r, s, NULL, "expected a group { ... }, found %s", cfg_found(s));
    return r->bad ? NULL : s;
}

const config_setting_t *cfg_get_list(struct reader *r, const config_setting_t *g,
                                        const char *name, int min)
{
    const config_setting_t *s = cfg_req(r, g, name, "a list ( { ... }, ... )");
    if (!s || r->bad)
        return NULL;
    if (!config_setting_is_list(s)) {
        FAIL(r, s, NULL, "expected a list ( { ... }, ... ), found %s", cfg_found(s));
        return NULL;
    }
    if (config_setting_length(s) < min)
        FAIL(r, s, NULL, "expected at least %d entries, found %d", min, config_setting_length(s));
    int max = cfg_list_max(name);
    if (!r->bad && config_setting_length(s) > max)
        FAIL(r, s, NULL, "expected at most %d entries, found %d", max, config_setting_length(s));
    for (int i = 0; !r->bad && i < config_setting_length(s); i++)
        if (!config_setting_is_group(config_setting_get_elem(s, i)))
            FAIL(r, config_setting_get_elem(s, i), NULL, "expected a group { ... }, found %s",
                 cfg_found(config_setting_get_elem(s, i)));
    return r->bad ? NULL : s;
}

/* ---- ids ------------------------------------------------------------------
 * Each kind of id gets a sorted index, so that resolving a reference costs
 * O(log n) and a network of a million nodes loads in O(n log n). */


int cfg_ident_cmp(const void *a, const void *b)
{
    const struct ident *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Sorts the map; a duplicate id is an error at its second occurrence. */
void cfg_idmap_seal(struct reader *r, struct idmap *m, const char *kind)
{
    if (r->bad)
        return;
    qsort(m->v, (size_t)m->n, sizeof *m->v, cfg_ident_cmp);
    for (int i = 1; i < m->n; i++)
        if (!strcmp(m->v[i].id, m->v[i - 1].id)) {
            const char *file;
            int line;
            cfg_where(r->c, m->v[i - 1].s, &file, &line);
            FAIL(r, m->v[i].s, "id", "expected a unique %s id, found \"%s\" again (first at %s:%d)",
                 kind, m->v[i].id, file, line);
            return;
        }
}

int cfg_idmap_find(const struct idmap *m, const char *id)
{
    int lo = 0, hi = m->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(m->v[mid].id, id);
        if (!c)
            return m->v[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Resolves the string setting g.name as an id of kind; -1 and an error if unknown. */
int cfg_ref(struct reader *r, const config_setting_t *g, const char *name,
               const struct idmap *m, const char *kind)
{
    const config_setting_t *s = cfg_req(r, g, name, "a string");
    if (!s || r->bad)
        return -1;
    const char *id = cfg_str_of(r, s);
    int i = cfg_idmap_find(m, id);
    if (i < 0 && !r->bad)
        FAIL(r, s, NULL, "expected the id of a %s, found \"%s\", which is not one", kind, id);
    return i;
}


void cfg_maps_free(struct maps *m)
{
    free(m->items.v);
    free(m->nodes.v);
    free(m->townships.v);
    free(m->trucks.v);
    free(m->facilities.v);
    free(m->node_src);
}
