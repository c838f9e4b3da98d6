/*
 * study_improve.c -- the plans of `supplysim improve` (see study_improve.h):
 * names and costs of combinations of levers, their settings, the screening
 * rule, and from a study's statistics the frontier and the recommended
 * plan.  The outputs are in study_improve_out.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/study_improve.h"
#include "results/study_roads.h"

void improve_name(const struct definition *d, const int *chosen, int n, uint64_t mask, char *buf,
                  size_t len)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        if (mask >> i & 1 && k < len)
            k += (size_t)snprintf(buf + k, len - k, "%s%s", k ? "+" : "", d->levers[chosen[i]].id);
    if (!mask)
        snprintf(buf, len, "baseline");
}

double improve_cost(const struct definition *d, const int *chosen, int n, uint64_t mask, int end)
{
    double sum = 0;
    for (int i = 0; i < n; i++) {
        if (!(mask >> i & 1))
            continue;
        const struct lever *l = &d->levers[chosen[i]];
        double c = end == 1 ? l->cost_lo : end == 2 ? l->cost_hi : l->cost_yuan;
        sum += l->once ? definition_annualise(c, d->discount_rate, l->life_years) + l->upkeep_yuan
                       : c;
    }
    return sum;
}

int improve_sets(const struct definition *d, const int *chosen, int n, uint64_t mask,
                 char ***sets, int *n_sets)
{
    int total = 1, roads = 0;
    for (int i = 0; i < n; i++)
        if (mask >> i & 1) {
            total += d->levers[chosen[i]].n_sets;
            roads += d->levers[chosen[i]].n_protect;
        }
    char **v = calloc((size_t)total, sizeof *v);
    const char **tokens = calloc((size_t)roads + 1, sizeof *tokens);
    int k = 0, t = 0, ok = v && tokens;
    for (int i = 0; ok && i < n; i++) {
        const struct lever *l = &d->levers[chosen[i]];
        for (int j = 0; mask >> i & 1 && ok && j < l->n_sets; j++)
            ok = (v[k++] = strdup(l->sets[j])) != NULL;
        for (int j = 0; mask >> i & 1 && j < l->n_protect; j++)
            tokens[t++] = l->protect[j];
    }
    if (ok && t > 0) {
        char buf[16384];
        ok = roads_list_setting(d, 0, tokens, t, buf, sizeof buf) == 0
             && (v[k++] = strdup(buf)) != NULL;
    }
    free(tokens);
    if (!ok) {
        for (int i = 0; v && i < k; i++)
            free(v[i]);
        free(v);
        return -1;
    }
    *sets = v;
    *n_sets = k;
    return 0;
}

/* ---- screening ------------------------------------------------------------- */

static int popcount(uint64_t x)
{
    return __builtin_popcountll(x);
}

/* Is variant i surely beaten by some other no dearer, on replications
 * 0 .. m - 1 (bits, kept counts)?  Only a pair whose estimate favours the
 * other can have its lower limit above 0. */
static int dominated(const uint64_t *bits, const long *kept, const double *cost, int n, int i,
                     size_t words, long m, double conf)
{
    for (int j = 0; j < n; j++) {
        if (j == i || !(cost[j] <= cost[i]) || kept[j] <= kept[i])
            continue;
        long both = 0;
        for (size_t w = 0; w < words; w++)
            both += popcount(bits[(size_t)j * words + w] & bits[(size_t)i * words + w]);
        struct paired_table t = { both, kept[j] - both, kept[i] - both,
                                  m - kept[j] - kept[i] + both };
        if (stats_paired_diff(t, conf).lo > 0)
            return 1;
    }
    return 0;
}

long improve_screen(struct study *s, const int *cand, const double *cost, int n, long m)
{
    size_t words = ((size_t)m + 63) / 64;
    uint64_t *bits = calloc((size_t)n * words + 1, sizeof *bits);
    long *kept = calloc((size_t)n + 1, sizeof *kept), pairs = 0;
    unsigned char *drop = calloc((size_t)n + 1, 1);
    if (!bits || !kept || !drop) {
        free(bits), free(kept), free(drop);
        return -1;
    }
    for (int i = 0; i < n; i++)
        for (long k = 0; k < m; k++)
            if (s->v[cand[i]].kept[k]) {
                bits[(size_t)i * words + (size_t)k / 64] |= 1ull << (k % 64);
                kept[i]++;
            }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            pairs += j != i && cost[j] <= cost[i];
    double conf = 1 - (1 - s->conf) / (double)(pairs > 0 ? pairs : 1);
    for (int i = 0; i < n; i++)
        drop[i] = cand[i] != 0 && dominated(bits, kept, cost, n, i, words, m, conf);
    for (int i = 0; i < n; i++)
        if (drop[i])
            s->v[cand[i]].end = m;
    free(bits), free(kept), free(drop);
    return pairs;
}

/* Did variants u and v do the same on every one of replications 0 .. m - 1
 * (promise, share of sites on time, mean response, to the bit)? */
static int same_runs(const struct study *s, int u, int v, long m)
{
    const struct study_variant *a = &s->v[u], *b = &s->v[v];
    for (long k = 0; k < m; k++)
        if (a->kept[k] != b->kept[k] || a->on_time[k] != b->on_time[k]
            || a->response[k] != b->response[k])
            return 0;
    return 1;
}

struct by_mask { uint64_t mask; int v; };

static int mask_cmp(const void *a, const void *b)
{
    uint64_t x = ((const struct by_mask *)a)->mask, y = ((const struct by_mask *)b)->mask;
    return (x > y) - (x < y);
}

int improve_inert(struct study *s, const uint64_t *mask, const double *cost, int n, long m)
{
    struct by_mask *index = malloc(((size_t)n + 1) * sizeof *index);
    int dropped = 0;
    if (!index)
        return -1;
    for (int v = 0; v < n; v++)
        index[v] = (struct by_mask){ mask[v], v };
    qsort(index, (size_t)n, sizeof *index, mask_cmp);
    for (int v = 1; v < n; v++) {
        if (s->v[v].end < s->n)
            continue;                     /* dropped already */
        for (int b = 0; b < IMPROVE_MAX_LEVERS; b++) {
            struct by_mask key = { mask[v] & ~(1ull << b), -1 }, *hit;
            if (key.mask == mask[v]
                || !(hit = bsearch(&key, index, (size_t)n, sizeof *index, mask_cmp)))
                continue;
            if (cost[hit->v] < cost[v] && same_runs(s, hit->v, v, m)) {
                s->v[v].end = m;
                dropped++;
                break;
            }
        }
    }
    free(index);
    return dropped;
}

/* ---- the plans of a study ------------------------------------------------ */

/* "a,b,c" into chosen lever indices (ascending); -2 when none of them or
 * too many is a lever of d, -1 when out of memory. */
static int parse_levers(struct improve *im, const struct definition *d, const char *list,
                        enum lang l, char *err, size_t errlen)
{
    im->chosen = calloc((size_t)d->n_levers + 1, sizeof *im->chosen);
    if (!im->chosen) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    for (int i = 0; i < d->n_levers; i++) {
        const char *id = d->levers[i].id, *p = list;
        size_t len = strlen(id);
        for (; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
            if (!strncmp(p, id, len) && (p[len] == ',' || p[len] == '\0'))
                im->chosen[im->n_chosen++] = i;
    }
    if (im->n_chosen == 0 || im->n_chosen > IMPROVE_MAX_LEVERS) {
        snprintf(err, errlen, lang_text(l, T_IO_IMPROVE_LEVERS), IMPROVE_MAX_LEVERS, im->n_chosen,
                 list);
        return -2;
    }
    return 0;
}

/* "?" for a cost the study did not record, else improve_yuan's. */
static void yuan_or_unknown(char *buf, size_t n, double yuan)
{
    if (isnan(yuan))
        snprintf(buf, n, "?");
    else
        improve_yuan(buf, n, yuan);
}

/* The costs the study was made with (its "costs": ID=ANNUAL/LOW/HIGH for
 * each lever, written by improve) against what the configuration makes of
 * them now: a study whose plans were ordered and stopped by other costs
 * would recommend by them.  0, or -1 with the first lever that differs. */
static int check_costs(const struct improve *im, const struct definition *d, const char *list,
                       enum lang l, char *err, size_t errlen)
{
    for (int k = 0; k < im->n_chosen; k++) {
        const char *id = d->levers[im->chosen[k]].id, *p = list;
        size_t len = strlen(id);
        double then[3] = { NAN, NAN, NAN };
        for (; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
            if (!strncmp(p, id, len) && p[len] == '=') {
                if (sscanf(p + len + 1, "%lf/%lf/%lf", &then[0], &then[1], &then[2]) != 3)
                    then[0] = then[1] = then[2] = NAN;
                break;
            }
        for (int end = 0; end < 3; end++) {
            double now = improve_cost(d, im->chosen, im->n_chosen, (uint64_t)1 << k, end);
            /* the same to a part in 10^9: annualising calls pow(), whose
             * last bit may differ between the machines that made the study
             * and that read it */
            if (!(fabs(now - then[end]) <= 1e-9 * fmax(fabs(now), fabs(then[end])))) {
                char was[64], is[64];
                yuan_or_unknown(was, sizeof was, then[end]);
                improve_yuan(is, sizeof is, now);
                snprintf(err, errlen, lang_text(l, T_IO_IMPROVE_COSTS), id, was, is);
                return -1;
            }
        }
    }
    return 0;
}

/* A variant's name into its lever mask; -1 when a part names no chosen lever. */
static int parse_name(const struct improve *im, const struct definition *d, const char *name,
                      uint64_t *mask)
{
    *mask = 0;
    if (!strcmp(name, "baseline"))
        return 0;
    for (const char *p = name; p; p = strchr(p, '+') ? strchr(p, '+') + 1 : NULL) {
        size_t len = strcspn(p, "+");
        int found = 0;
        for (int k = 0; k < im->n_chosen && !found; k++) {
            const char *id = d->levers[im->chosen[k]].id;
            if (strlen(id) == len && !strncmp(p, id, len)) {
                *mask |= 1ull << k;
                found = 1;
            }
        }
        if (!found)
            return -1;
    }
    return 0;
}

static const struct improve *order_im;       /* qsort has no context argument */
static const struct variant_stats *order_st;

static int by_cost(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    const struct improve_plan *p = &order_im->plan[i], *q = &order_im->plan[j];
    if (p->cost != q->cost)
        return p->cost < q->cost ? -1 : 1;
    double x = order_st[p->v].kept.est, y = order_st[q->v].kept.est;
    if (x != y)
        return x > y ? -1 : 1;
    return (i > j) - (i < j);
}

/* The frontier, the recommended plan and the best, among full plans; then
 * the next: after the recommended plan in cost order, the first that is not
 * it with more levers and that passes (run in full) or may (its first runs
 * at the required level or above). */
static void choose(struct improve *im, const struct variant_stats *st, double required)
{
    double top = -1;
    int after = 0;
    im->recommended = im->next = im->best = -1;
    for (int k = 0; k < im->n_plans; k++) {
        int p = im->order[k];
        struct improve_plan *x = &im->plan[p];
        if (!x->full)
            continue;
        double kept = st[x->v].kept.est;
        x->frontier = kept > top;
        if (x->frontier)
            top = kept, im->best = p;
        if (st[x->v].verdict == VERDICT_PASS && im->recommended < 0)
            im->recommended = p, after = k + 1;
    }
    if (im->recommended < 0)
        return;
    uint64_t rec = im->plan[im->recommended].mask;
    for (int k = after; k < im->n_plans && im->next < 0; k++) {
        const struct improve_plan *x = &im->plan[im->order[k]];
        int may = x->full ? st[x->v].verdict == VERDICT_PASS : st[x->v].kept.est >= required;
        if (may && (x->mask & rec) != rec)
            im->next = im->order[k];
    }
}

int improve_build(struct improve *im, const struct definition *d, const struct study *s,
                  const struct variant_stats *st, enum lang l, char *err, size_t errlen)
{
    memset(im, 0, sizeof *im);
    im->d = d;
    const char *levers = study_param(s, "levers"), *budget = study_param(s, "budget");
    const char *search = study_param(s, "search");
    int rc;
    if (!levers) {
        snprintf(err, errlen, "%s", lang_text(l, T_IO_IMPROVE_NONE));
        return -2;
    }
    if ((rc = parse_levers(im, d, levers, l, err, errlen)) < 0)
        return rc;
    const char *costs = study_param(s, "costs");   /* studies before it was kept: none */
    if (costs && check_costs(im, d, costs, l, err, errlen) < 0)
        return -2;
    im->budget = budget && strcmp(budget, "none") ? strtod(budget, NULL) : INFINITY;
    im->heuristic = search && !strcmp(search, "greedy");
    im->n_plans = s->n_v;
    im->plan = calloc((size_t)s->n_v + 1, sizeof *im->plan);
    im->order = calloc((size_t)s->n_v + 1, sizeof *im->order);
    if (!im->plan || !im->order) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    for (int v = 0; v < s->n_v; v++) {
        struct improve_plan *x = &im->plan[v];
        if (parse_name(im, d, s->v[v].name, &x->mask) < 0) {
            snprintf(err, errlen, lang_text(l, T_IO_IMPROVE_PLAN), s->v[v].name);
            return -2;
        }
        x->v = v;
        x->cost = improve_cost(d, im->chosen, im->n_chosen, x->mask, 0);
        x->cost_lo = improve_cost(d, im->chosen, im->n_chosen, x->mask, 1);
        x->cost_hi = improve_cost(d, im->chosen, im->n_chosen, x->mask, 2);
        x->full = s->v[v].end == s->n;
        im->n_full += x->full;
        im->order[v] = v;
    }
    order_im = im;
    order_st = st;
    qsort(im->order, (size_t)im->n_plans, sizeof *im->order, by_cost);
    choose(im, st, s->required);
    const char *keys[4] = { "pairs", "dominated", "inert", "beyond" };
    long *vals[4] = { &im->pairs, &im->dominated, &im->inert, &im->beyond };
    for (int k = 0; k < 4; k++) {
        const char *p = study_param(s, keys[k]);
        *vals[k] = p ? strtol(p, NULL, 10) : 0;
    }
    const char *confirmed = study_param(s, "confirmed");
    im->confirmed = -1;
    for (int v = 0; confirmed && v < s->n_v; v++)
        if (!strcmp(s->v[v].name, confirmed))
            im->confirmed = v;
    return 0;
}

void improve_free(struct improve *im)
{
    if (im->has_focus)
        summary_free(&im->focus);
    free(im->chosen);
    free(im->plan);
    free(im->order);
    memset(im, 0, sizeof *im);
}

int improve_focus(const struct improve *im)
{
    return im->recommended >= 0 ? im->recommended : im->best;
}

void improve_yuan(char *buf, size_t n, double yuan)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", fabs(yuan) + 0.0);
    size_t len = strlen(digits), k = 0;
    k += (size_t)snprintf(buf, n, "%s¥", yuan < -0.5 ? "-" : "");
    for (size_t i = 0; i < len && k + 2 < n; i++) {
        buf[k++] = digits[i];
        if ((len - i - 1) % 3 == 0 && i + 1 < len)
            buf[k++] = ',';
    }
    buf[k < n ? k : n - 1] = '\0';
}

/* Plan p's levers, each by its name (label 0) or chart label (1) in the
 * view's language, joined with sep; T_IM_NO_LEVER for none. */
static void plan_join(const struct study_view *w, int p, int label, const char *sep, char *buf,
                      size_t n)
{
    const struct improve *im = w->improve;
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < im->n_chosen && k < n; i++)
        if (im->plan[p].mask >> i & 1) {
            const struct lever *l = &w->d->levers[im->chosen[i]];
            k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? sep : "",
                                  label ? lang_name(w->lang, l->label, l->label_zh)
                                        : lang_name(w->lang, l->name, l->name_zh));
        }
    if (!im->plan[p].mask)
        snprintf(buf, n, "%s", lang_text(w->lang, T_IM_NO_LEVER));
}

void improve_plan_words(const struct study_view *w, int p, char *buf, size_t n)
{
    plan_join(w, p, 0, " + ", buf, n);
}

void improve_plan_label(const struct study_view *w, int p, char *buf, size_t n)
{
    plan_join(w, p, 1, "+", buf, n);
}

void improve_lever_cost(const struct study_view *w, const struct lever *lv, char *buf, size_t n)
{
    char annual[64], once[64], upkeep[64], what[256];
    improve_yuan(annual, sizeof annual, lv->annual_yuan);
    if (!lv->once) {
        snprintf(buf, n, "%s", annual);
        return;
    }
    improve_yuan(once, sizeof once, lv->cost_yuan);
    improve_yuan(upkeep, sizeof upkeep, lv->upkeep_yuan);
    snprintf(what, sizeof what, lang_text(w->lang, T_IM_ONCE), once, lv->life_years, upkeep);
    snprintf(buf, n, "%s (%s)", annual, what);
}
