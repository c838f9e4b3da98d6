/*
 * levers.c -- the measures a city could take, with their costs, as
 * `supplysim improve` reads them:
 *
 *   lever_costs = { discount_rate = 0.08; };
 *   levers = ( { id = "duty_crews"; name = "..."; name_zh = "...";
 *                cost_yuan = 1500000.0; cost_per = "year";      # or "once" + life_years
 *                cost_range = [1000000.0, 2200000.0];             # optional
 *                set = [ "facility_kinds.township.mobilise_night_min = 15.0" ];
 *                protect = [ "maqiao-site_maqiao" ];              # optional
 *                why = "where the cost comes from"; }, ... );
 *   scenario_levers = ( ... );      # a scenario's own, after the definition's
 *
 * Checked here once the tree is laid: ids unique (letters, digits, '_', '-'),
 * costs not negative, every `set` path a setting of the configuration (or a
 * new one directly under one of its groups, as -D may add; a path under
 * `disaster` or `run` is skipped when the configuration has no such group),
 * no setting set by two levers (their combination would depend on the
 * order), `protect` naming roads.  The invariant: every lever's annual_yuan
 * is its one cost figure, a once-only cost annualised with the capital
 * recovery factor at lever_costs.discount_rate over its life.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"
#include "engine/text.h"

static int is_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
            return 0;
    return 1;
}

/* A list of strings into a new array; its length in *n. */
static char **strings(struct reader *r, const config_setting_t *s, int *n)
{
    *n = 0;
    if (!s || r->bad)
        return NULL;
    if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_STRINGS), cfg_found(r, s));
        return NULL;
    }
    int len = config_setting_length(s);
    char **v = cfg_alloc(r, (size_t)len, sizeof *v);
    for (int i = 0; v && i < len && !r->bad; i++) {
        v[i] = cfg_dup(r, cfg_str_of(r, config_setting_get_elem(s, i)));
        *n = i + 1;
    }
    return v;
}

/* The path of "PATH=VALUE", spaces trimmed, into buf; 0, or -1 without '='. */
static int set_path(const char *set, char *buf, size_t n)
{
    const char *eq = strchr(set, '=');
    char path[512];
    if (!eq)
        return -1;
    snprintf(path, sizeof path, "%.*s", (int)(eq - set), set);
    snprintf(buf, n, "%s", text_trim(path));
    return 0;
}

static void check_sets(struct reader *r, const config_setting_t *root, const config_setting_t *l,
                       const struct lever *lv)
{
    for (int k = 0; k < lv->n_sets && !r->bad; k++) {
        const config_setting_t *e = config_setting_get_elem(l, (unsigned)k);
        char path[512], bad[128], head[64], near[128] = "", hint[192] = "";
        if (set_path(lv->sets[k], path, sizeof path) < 0) {
            FAIL(r, e, NULL, T_CFG_LEVER_NO_EQUALS, lv->sets[k]);
            return;
        }
        snprintf(head, sizeof head, "%.*s", (int)strcspn(path, "."), path);
        if (!strcmp(path, "disaster.protect"))
            FAIL(r, e, NULL, T_CFG_LEVER_PROTECT_SET);
        else if ((!strcmp(head, "disaster") || !strcmp(head, "run"))
                 && !config_setting_get_member(root, head))
            continue;             /* a system alone: checked with the scenario */
        else if (!cfg_settable(root, path, bad, sizeof bad, near, sizeof near)) {
            if (near[0])
                snprintf(hint, sizeof hint, cfg_words(r, T_CFG_DID_YOU_MEAN), near);
            FAIL(r, e, NULL, T_CFG_LEVER_PATH, bad, path, hint);
        }
    }
}

static void check_protect(struct reader *r, const struct maps *m, const config_setting_t *l,
                          const struct lever *lv)
{
    const struct definition *d = r->d;
    unsigned char *mark = d->road_protected ? cfg_alloc(r, (size_t)d->n_roads, 1) : NULL;
    for (int k = 0; mark && k < lv->n_protect && !r->bad; k++)
        cfg_road_ref(r, m, config_setting_get_elem(l, (unsigned)k), lv->protect[k], mark);
    free(mark);
}

static void read_cost(struct reader *r, const config_setting_t *e, struct lever *lv)
{
    static const char *const per[] = { "year", "once" };
    lv->cost_yuan = cfg_get_num(r, e, "cost_yuan", NONNEG);
    lv->once = cfg_choice(r, e, "cost_per", per, 2) == 1;
    const config_setting_t *life = cfg_opt(e, "life_years"), *upkeep = cfg_opt(e, "upkeep_yuan");
    if (!r->bad && lv->once) {
        lv->life_years = cfg_get_num(r, e, "life_years", POS);
        lv->upkeep_yuan = cfg_opt_num(r, e, "upkeep_yuan", NONNEG, 0.0);
    } else if (!r->bad && (life || upkeep)) {
        FAIL(r, life ? life : upkeep, NULL, T_CFG_LEVER_ONCE_ONLY,
             life ? "life_years" : "upkeep_yuan");
    }
    lv->cost_lo = lv->cost_hi = lv->cost_yuan;
    const config_setting_t *range = cfg_opt(e, "cost_range");
    if (range && !r->bad) {
        if (!config_setting_is_array(range) || config_setting_length(range) != 2) {
            FAIL(r, range, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_COST_RANGE),
                 cfg_found(r, range));
            return;
        }
        lv->cost_lo = cfg_num_of(r, config_setting_get_elem(range, 0), NONNEG);
        lv->cost_hi = cfg_num_of(r, config_setting_get_elem(range, 1), NONNEG);
        if (!r->bad && !(lv->cost_lo <= lv->cost_yuan && lv->cost_yuan <= lv->cost_hi))
            FAIL(r, range, NULL, T_CFG_LEVER_RANGE, lv->cost_yuan, lv->cost_lo, lv->cost_hi);
    }
}

static void read_lever(struct reader *r, const config_setting_t *root, const struct maps *m,
                       const config_setting_t *e, struct lever *lv)
{
    static const char *const known[] = { "id", "name", "name_zh", "label", "label_zh",
        "cost_yuan", "cost_per", "life_years", "upkeep_yuan", "cost_range", "set", "protect",
        "why", "why_zh", NULL };
    const char *file;
    int line;
    char where[600];
    cfg_only_known(r, e, known);
    lv->id = cfg_dup(r, cfg_get_str(r, e, "id"));
    if (!r->bad && !is_id(lv->id))
        FAIL(r, cfg_opt(e, "id"), NULL, T_CFG_LEVER_ID, lv->id);
    lv->name = cfg_dup(r, cfg_get_str(r, e, "name"));
    lv->name_zh = cfg_dup(r, cfg_opt_str(r, e, "name_zh", lv->name));
    lv->label = cfg_dup(r, cfg_opt_str(r, e, "label", lv->id));
    lv->label_zh = cfg_dup(r, cfg_opt_str(r, e, "label_zh", lv->name_zh));
    lv->why = cfg_dup(r, cfg_get_str(r, e, "why"));
    lv->why_zh = cfg_dup(r, cfg_opt_str(r, e, "why_zh", ""));
    read_cost(r, e, lv);
    lv->sets = strings(r, cfg_opt(e, "set"), &lv->n_sets);
    lv->protect = strings(r, cfg_opt(e, "protect"), &lv->n_protect);
    if (!r->bad && lv->n_sets + lv->n_protect == 0)
        FAIL(r, e, NULL, T_CFG_LEVER_EMPTY);
    if (!r->bad)
        check_sets(r, root, cfg_opt(e, "set"), lv);
    if (!r->bad)
        check_protect(r, m, cfg_opt(e, "protect"), lv);
    cfg_where(r->c, e, &file, &line);
    snprintf(where, sizeof where, "%s:%d", file, line);
    lv->where = cfg_dup(r, where);
}

/* Does path a name b or a setting inside it (or the other way round)? */
static int overlaps(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;
    return !strncmp(a, b, n) && (la == lb || (la < lb ? b[n] : a[n]) == '.');
}

/* Unique ids, and no setting changed by two levers. */
static void check_pairs(struct reader *r, const config_setting_t *const *entry)
{
    const struct definition *d = r->d;
    for (int i = 0; i < d->n_levers && !r->bad; i++)
        for (int j = 0; j < i && !r->bad; j++) {
            const struct lever *a = &d->levers[i], *b = &d->levers[j];
            if (!strcmp(a->id, b->id)) {
                const char *file;
                int line;
                cfg_where(r->c, entry[j], &file, &line);
                FAIL(r, cfg_opt(entry[i], "id"), NULL, T_CFG_DUP_ID, cfg_words(r, T_CFG_KIND_LEVER),
                     a->id, file, line);
                return;
            }
            for (int k = 0; k < a->n_sets; k++)
                for (int m = 0; m < b->n_sets; m++) {
                    char pa[512], pb[512];
                    set_path(a->sets[k], pa, sizeof pa);
                    set_path(b->sets[m], pb, sizeof pb);
                    if (overlaps(pa, pb)) {
                        FAIL(r, config_setting_get_elem(cfg_opt(entry[i], "set"), (unsigned)k),
                             NULL, T_CFG_LEVER_OVERLAP, pa, b->id, b->where);
                        return;
                    }
                }
        }
}

/* The discount rate, and every lever's annual cost. */
static void annualise(struct reader *r, const config_setting_t *root,
                      const config_setting_t *const *entry)
{
    struct definition *d = r->d;
    const config_setting_t *g = cfg_opt(root, "lever_costs");
    static const char *const known[] = { "discount_rate", NULL };
    int once = -1;
    for (int i = d->n_levers - 1; i >= 0; i--)
        once = d->levers[i].once ? i : once;
    if (g && !config_setting_is_group(g))
        FAIL(r, g, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_LEVER_COSTS), cfg_found(r, g));
    cfg_only_known(r, g, known);
    if (once >= 0 && !g && !r->bad)
        FAIL(r, cfg_opt(entry[once], "cost_per"), NULL, T_CFG_LEVER_NO_RATE);
    d->discount_rate = g ? cfg_get_num(r, g, "discount_rate", NONNEG) : 0;
    if (!r->bad && d->discount_rate >= 1)
        FAIL(r, cfg_opt(g, "discount_rate"), NULL, T_CFG_LEVER_RATE, d->discount_rate);
    for (int i = 0; i < d->n_levers && !r->bad; i++) {
        struct lever *lv = &d->levers[i];
        lv->annual_yuan = lv->once ? definition_annualise(lv->cost_yuan, d->discount_rate,
                                                          lv->life_years) + lv->upkeep_yuan
                                   : lv->cost_yuan;
    }
}

void cfg_read_levers(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const char *lists[2] = { "levers", "scenario_levers" };
    const config_setting_t *l[2];
    int total = 0;
    for (int k = 0; k < 2 && !r->bad; k++) {
        l[k] = cfg_opt(root, lists[k]) ? cfg_get_list(r, root, lists[k], 0) : NULL;
        total += l[k] ? config_setting_length(l[k]) : 0;
    }
    if (r->bad)
        return;
    struct definition *d = r->d;
    const config_setting_t **entry = cfg_alloc(r, (size_t)total, sizeof *entry);
    d->levers = cfg_alloc(r, (size_t)total, sizeof *d->levers);
    for (int k = 0; k < 2 && !r->bad; k++)
        for (int i = 0; l[k] && i < config_setting_length(l[k]) && !r->bad; i++) {
            entry[d->n_levers] = config_setting_get_elem(l[k], (unsigned)i);
            read_lever(r, root, m, entry[d->n_levers], &d->levers[d->n_levers]);
            d->n_levers++;
        }
    if (!r->bad)
        check_pairs(r, entry);
    if (!r->bad)
        annualise(r, root, entry);
    free(entry);
}
