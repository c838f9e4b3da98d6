/*
 * improve.c -- `supplysim improve SCENARIO.cfg [--budget YUAN] [--levers
 * ID,ID,...]`: the cheapest set of levers (the configuration's `levers` and
 * `scenario_levers`) whose verdict is PASS, and the cost-promise frontier.
 * Every plan (a combination of levers, results/study_improve.h) is a
 * variant of the scenario on the baseline's replications (common random
 * numbers).
 *
 * The search.  Up to 12 levers, every combination within the budget is a
 * candidate.  Stage 1 (screening): each runs replications 0 .. m - 1, m =
 * max(min(n, 50), n / 10), which every shard runs in full so that all
 * select alike; a candidate that some other no dearer surely beats is
 * dropped (improve_screen: paired Newcombe intervals, Bonferroni over the
 * pairs compared -- a screening in the manner of Nelson, Swann, Goldsman and
 * Song 2001, "Simple procedures for selecting the best simulated system
 * when the number of alternatives is large", Operations Research
 * 49:950-963, aimed at the frontier instead of the best).  Guarantee: if
 * every one of those intervals covers its true difference (probability at
 * least 95% by Bonferroni), no plan on the true frontier is dropped -- a
 * frontier plan has no plan no dearer that truly keeps the promise more
 * often -- and with it the cheapest plan that truly reaches any level.
 * Stage 2: the survivors (and the baseline) run the rest, shared among
 * shards; the recommended plan is the cheapest whose own interval at the
 * run's confidence lies above the required level, as `supplysim` gives it
 * for plans/NAME.cfg.  Beyond 12 levers a heuristic visits the plans
 * (greedy: add the lever with the largest gain per yuan in promise kept,
 * else in sites on time; then from the cheapest plan reaching the required
 * level, drop or swap levers for cheaper ones while the promise does not
 * fall), all on the first m replications in every shard, then screens and
 * completes as above.
 *
 * After the replications (and after a merge), the recommended plan -- or,
 * when none passes, the best -- is rerun whole for its sites: what is still
 * late with it, and why.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/landmark_store.h"
#include "cmd/study_cmd.h"
#include "engine/grow.h"
#include "model/experiment.h"
#include "results/study_improve.h"
#include "results/study_variants.h"

/* What the search knows: the levers considered and the budget. */
struct search {
    const struct definition *d;
    int chosen[IMPROVE_MAX_LEVERS], n;
    double budget;
    uint64_t *mask; int n_mask, cap_mask;     /* mask of every variant added, in order */
};

static long screen_size(long n)
{
    long m = n / 10, floor = n < 50 ? n : 50;
    return m > floor ? m : floor;
}

static double cost_of(const struct search *x, uint64_t mask)
{
    return improve_cost(x->d, x->chosen, x->n, mask, 0);
}

/* ---- the command line: --levers and --budget -------------------------------- */

static int pick_levers(struct search *x, const struct opts *o, char *err, size_t errlen)
{
    const struct definition *d = x->d;
    for (int i = 0; i < d->n_levers; i++) {
        size_t len = strlen(d->levers[i].id);
        int on = !o->levers;
        for (const char *p = o->levers; p && *p && !on; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
            on = !strncmp(p, d->levers[i].id, len) && (p[len] == ',' || p[len] == '\0');
        if (on && x->n == IMPROVE_MAX_LEVERS) {
            snprintf(err, errlen, lang_text(o->lang, T_IMP_TOO_MANY), d->source_file,
                     IMPROVE_MAX_LEVERS);
            return -2;
        }
        if (on)
            x->chosen[x->n++] = i;
    }
    for (const char *p = o->levers; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
        size_t len = strcspn(p, ",");
        int known = 0;
        for (int k = 0; k < x->n && !known; k++)
            known = strlen(d->levers[x->chosen[k]].id) == len
                    && !strncmp(p, d->levers[x->chosen[k]].id, len);
        if (!known) {
            snprintf(err, errlen, lang_text(o->lang, T_IMP_UNKNOWN_LEVER), d->source_file,
                     (int)len, p);
            return -2;
        }
    }
    if (x->n == 0) {
        snprintf(err, errlen, lang_text(o->lang, T_IMP_NO_LEVERS), d->source_file);
        return -2;
    }
    return 0;
}

static int read_budget(struct search *x, const struct opts *o, char *err, size_t errlen)
{
    char *end;
    x->budget = INFINITY;
    if (!o->budget)
        return 0;
    x->budget = strtod(o->budget, &end);
    if (!*o->budget || *end || !(x->budget >= 0) || !isfinite(x->budget)) {
        snprintf(err, errlen, lang_text(o->lang, T_IMP_BUDGET), o->budget);
        return -2;
    }
    int cheapest = 0;
    for (int k = 1; k < x->n; k++)
        if (x->d->levers[x->chosen[k]].annual_yuan < x->d->levers[x->chosen[cheapest]].annual_yuan)
            cheapest = k;
    const struct lever *l = &x->d->levers[x->chosen[cheapest]];
    if (x->budget < l->annual_yuan) {
        char yuan[64];
        improve_yuan(yuan, sizeof yuan, l->annual_yuan);
        snprintf(err, errlen, lang_text(o->lang, T_IMP_BUDGET_LOW), yuan, l->id, l->where,
                 o->budget);
        return -2;
    }
    return 0;
}

/* ---- adding plans ------------------------------------------------------------ */

/* Adds the plan `mask` as a variant (loaded and checked when check);
 * its index, -2 bad input, -1 out of memory. */
static int add_plan(struct study *s, const struct opts *o, const struct definition *base,
                    struct search *x, uint64_t mask, int check, char *err, size_t errlen)
{
    char name[4096], **sets;
    int n_sets, v;
    improve_name(x->d, x->chosen, x->n, mask, name, sizeof name);
    if (improve_sets(x->d, x->chosen, x->n, mask, &sets, &n_sets) < 0) {
        snprintf(err, errlen, lang_text(o->lang, T_IMP_PLAN_SETS), name);
        return -1;
    }
    if (check) {
        v = study_variant(s, o, base, name, NULL, (const char *const *)sets, n_sets, err, errlen);
    } else if ((v = study_add(s, name, NULL, (const char *const *)sets, n_sets)) < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
    }
    for (int i = 0; i < n_sets; i++)
        free(sets[i]);
    free(sets);
    if (v >= 0 && grow_array(&x->mask, &x->cap_mask, x->n_mask + 1, sizeof *x->mask) < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    if (v >= 0)
        x->mask[x->n_mask++] = mask;
    return v;
}

/* Each lever alone and all together must load before anything runs (a plan
 * of levers that each load can still fail, e.g. on storage: then the run
 * stops when it comes to it).  A lever that fails is reported at its entry. */
static int check_levers(struct study *s, const struct opts *o, const struct definition *base,
                        struct search *x, char *err, size_t errlen)
{
    char why[3072];
    uint64_t all = x->n == 64 ? ~0ull : (1ull << x->n) - 1;
    for (int k = 0; k <= x->n; k++) {
        uint64_t mask = k < x->n ? 1ull << k : all;
        if (k == x->n && x->n == 1)
            break;
        int v = add_plan(s, o, base, x, mask, 1, why, sizeof why);
        if (v == -1) {
            snprintf(err, errlen, "%s", why);
            return -1;
        }
        if (v < 0) {
            const struct lever *l = &x->d->levers[x->chosen[k < x->n ? k : 0]];
            const char *at = why, *cmdline = lang_text(o->lang, T_CFG_CMDLINE);
            if (!strncmp(why, cmdline, strlen(cmdline)) && strstr(why, ": "))
                at = strstr(why, ": ") + 2;   /* the setting, without "command line:N: " */
            if (k < x->n)
                snprintf(err, errlen, lang_text(o->lang, T_IMP_LEVER_AT), l->where, l->id, at);
            else
                snprintf(err, errlen, lang_text(o->lang, T_IMP_ALL_TOGETHER), at);
            return -2;
        }
        study_pop(s);
        x->n_mask--;
    }
    return 0;
}

/* ---- the two stages ------------------------------------------------------- */

static const struct search *sort_x;     /* qsort has no context argument */

static int by_cost(const void *a, const void *b)
{
    uint64_t p = *(const uint64_t *)a, q = *(const uint64_t *)b;
    double cp = cost_of(sort_x, p), cq = cost_of(sort_x, q);
    if (cp != cq)
        return cp < cq ? -1 : 1;
    return (p > q) - (p < q);
}

static int variant_by_cost(const void *a, const void *b)
{
    return by_cost(&sort_x->mask[*(const int *)a], &sort_x->mask[*(const int *)b]);
}

static long kept_of(const struct study *s, int v, long m)
{
    long k = 0;
    for (long i = 0; i < m; i++)
        k += s->v[v].kept[i];
    return k;
}

/* The confirmation: in cost order, every plan left whose first m
 * replications keep the promise at least at the required level runs them
 * all (in every shard), until one passes; the plans dearer than it stop at
 * m.  That plan's variant, or -1; full[v] = 1 for each plan run whole. */
static int confirm(struct study *s, const struct opts *o, const int *order,
                   unsigned char *full, long m, long *beyond, char *err, size_t errlen)
{
    long need = (long)ceil(s->required * (double)m - 1e-9);
    int found = -1;
    *beyond = 0;
    for (int i = 0; i < s->n_v; i++) {
        int v = order[i];
        if (s->v[v].end < s->n)
            continue;
        if (found >= 0) {
            s->v[v].end = m;
            ++*beyond;
        } else if (kept_of(s, v, m) >= need) {
            if (study_run(s, o, &v, 1, m, s->n, 0, err, errlen) < 0)
                return -2;
            full[v] = 1;
            if (stats_wilson(kept_of(s, v, s->n), s->n, s->conf).lo >= s->required)
                found = v;
        }
    }
    return found;
}

/* Records the count of key as a parameter of the study. */
static int count_param(struct study *s, const char *key, long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", value);
    return study_set_param(s, key, buf);
}

/* Stage 1's rules on the variants' first m replications (the head
 * comment), the confirmation, then the rest of the replications of what is
 * left, shared among shards. */
static int screen_and_finish(struct study *s, const struct opts *o, struct search *x, long m,
                             char *err, size_t errlen)
{
    int n = s->n_v, k = 0, rc = -1;
    int *order = calloc((size_t)n + 1, sizeof *order);
    double *cost = calloc((size_t)n + 1, sizeof *cost);
    unsigned char *full = calloc((size_t)n + 1, 1);
    long beyond = 0, dominated = 0, pairs = -1, inert = -1;
    if (order && cost && full) {
        for (int v = 0; v < n; v++)
            order[v] = v, cost[v] = cost_of(x, x->mask[v]);
        pairs = improve_screen(s, order, cost, n, m);
        for (int v = 0; v < n; v++)
            dominated += s->v[v].end < s->n;
        inert = pairs < 0 ? -1 : improve_inert(s, x->mask, cost, n, m);
        sort_x = x;
        qsort(order, (size_t)n, sizeof *order, variant_by_cost);
    }
    if (pairs < 0 || inert < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        goto done;
    }
    int found = confirm(s, o, order, full, m, &beyond, err, errlen);
    if (found == -2)
        goto done;
    if (count_param(s, "pairs", pairs) < 0 || count_param(s, "dominated", dominated) < 0
        || count_param(s, "inert", inert) < 0 || count_param(s, "beyond", beyond) < 0
        || (found >= 0 && study_set_param(s, "confirmed", s->v[found].name) < 0)) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        goto done;
    }
    for (int v = 0; v < n; v++)
        if (s->v[v].end == s->n && !full[v])
            order[k++] = v;
    rc = study_run(s, o, order, k, m, s->n, 1, err, errlen);
done:
    free(order);
    free(cost);
    free(full);
    return rc;
}

/* Up to 12 levers: every combination within the budget, by cost. */
static int exhaustive(struct study *s, const struct opts *o, const struct definition *base,
                      struct search *x, char *err, size_t errlen)
{
    size_t total = (size_t)1 << x->n, k = 0;
    uint64_t *cand = malloc(total * sizeof *cand);
    if (!cand) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    for (uint64_t mask = 1; mask < total; mask++)
        if (cost_of(x, mask) <= x->budget)
            cand[k++] = mask;
    sort_x = x;
    qsort(cand, k, sizeof *cand, by_cost);
    int rc = 0;
    for (size_t i = 0; i < k && rc >= 0; i++)
        rc = add_plan(s, o, base, x, cand[i], 0, err, errlen);
    free(cand);
    if (rc < 0)
        return rc;
    long m = screen_size(s->n);
    if (m >= s->n || s->n_v < 3)
        return study_run(s, o, NULL, 0, 0, s->n, 1, err, errlen);
    s->screen = m;
    rc = study_run(s, o, NULL, 0, 0, m, 0, err, errlen);   /* the first: -2 when the
                                                         * output folder is refused */
    if (rc < 0)
        return rc;
    return screen_and_finish(s, o, x, m, err, errlen);
}

/* ---- beyond 12 levers: greedy, then swaps ---------------------------------- */

/* The variant of plan mask, added and run on the first m replications (in
 * every shard) when not visited yet; -1 or -2 on failure. */
static int visit(struct study *s, const struct opts *o, const struct definition *base,
                 struct search *x, uint64_t mask, long m, char *err, size_t errlen)
{
    for (int v = 0; v < x->n_mask; v++)
        if (x->mask[v] == mask)
            return v;
    int v = add_plan(s, o, base, x, mask, 0, err, errlen);
    if (v >= 0 && study_run(s, o, &v, 1, 0, m, 0, err, errlen) < 0)
        return -1;
    return v;
}

static double sites_of(const struct study *s, int v, long m)
{
    double sum = 0;
    for (long i = 0; i < m; i++)
        sum += s->v[v].on_time[i];
    return sum;
}

/* Adds to plan S the lever with the largest gain per yuan in promise kept,
 * else in sites on time; *mask unchanged when none helps.  0, or < 0. */
static int greedy_step(struct study *s, const struct opts *o, const struct definition *base,
                       struct search *x, uint64_t *mask, long m, char *err, size_t errlen)
{
    int here = visit(s, o, base, x, *mask, m, err, errlen), best = -1, best_kind = 2;
    double best_gain = 0;
    if (here < 0)
        return here;
    for (int k = 0; k < x->n; k++) {
        uint64_t next = *mask | 1ull << k;
        if (next == *mask || cost_of(x, next) > x->budget)
            continue;
        int v = visit(s, o, base, x, next, m, err, errlen);
        if (v < 0)
            return v;
        double yuan = fmax(x->d->levers[x->chosen[k]].annual_yuan, 1e-9);
        double dk = (double)(kept_of(s, v, m) - kept_of(s, here, m));
        double ds = sites_of(s, v, m) - sites_of(s, here, m);
        int kind = dk > 0 ? 0 : ds > 0 ? 1 : 2;      /* promise first, then sites on time */
        double gain = (kind == 0 ? dk : ds) / yuan;
        if (kind < best_kind || (kind == best_kind && kind < 2 && gain > best_gain))
            best = k, best_kind = kind, best_gain = gain;
    }
    if (best >= 0 && best_kind < 2)
        *mask |= 1ull << best;
    return 0;
}

/* From plan T, drop a lever or swap one for a cheaper while the promise
 * kept on the first m replications does not fall; until nothing changes. */
static int swaps(struct study *s, const struct opts *o, const struct definition *base,
                 struct search *x, uint64_t t, long m, char *err, size_t errlen)
{
    for (int changed = 1, passes = 0; changed && passes < 2 * x->n; passes++) {
        changed = 0;
        int here = visit(s, o, base, x, t, m, err, errlen);
        if (here < 0)
            return here;
        for (int i = 0; i < x->n && !changed; i++) {
            if (!(t >> i & 1))
                continue;
            for (int j = -1; j < x->n && !changed; j++) {     /* j = -1: drop i */
                uint64_t u = (t & ~(1ull << i)) | (j >= 0 ? 1ull << j : 0);
                if (j >= 0 && ((t >> j & 1) || !(cost_of(x, u) < cost_of(x, t))))
                    continue;
                int v = visit(s, o, base, x, u, m, err, errlen);
                if (v < 0)
                    return v;
                if (kept_of(s, v, m) >= kept_of(s, here, m))
                    t = u, changed = 1;
            }
        }
    }
    return 0;
}

static int greedy(struct study *s, const struct opts *o, const struct definition *base,
                  struct search *x, char *err, size_t errlen)
{
    long m = screen_size(s->n);
    uint64_t path = 0, target = 0;
    int zero = 0;
    s->screen = m < s->n ? m : 0;
    if (study_set_param(s, "search", "greedy") < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    int first = study_run(s, o, &zero, 1, 0, m, 0, err, errlen);   /* the baseline, first: */
    if (first < 0)                                                  /* -2, a refused folder */
        return first;
    for (int step = 0, rc; step <= x->n; step++) {
        uint64_t before = path;
        if ((rc = greedy_step(s, o, base, x, &path, m, err, errlen)) < 0)
            return rc;
        if (path == before)
            break;
    }
    long need = (long)ceil(s->required * (double)m - 1e-9);
    double best_cost = INFINITY;
    for (int v = 0; v < x->n_mask; v++)       /* the cheapest visited plan that reaches it */
        if (kept_of(s, v, m) >= need && cost_of(x, x->mask[v]) < best_cost)
            best_cost = cost_of(x, x->mask[v]), target = x->mask[v];
    int rc = swaps(s, o, base, x, isfinite(best_cost) ? target : path, m, err, errlen);
    if (rc < 0)
        return rc;
    if (m >= s->n)
        return 0;
    return screen_and_finish(s, o, x, m, err, errlen);
}

/* ---- the command ------------------------------------------------------------ */

/* Records what each chosen lever costs now (a year; at the low and high ends
 * of its range) as the study's "costs", so that a report made from study.dat
 * later can tell that the configuration has costed them otherwise since
 * (improve_build).  0, or -1 when out of memory. */
static int record_costs(struct study *s, const struct definition *d, const struct search *x)
{
    size_t cap = 1, len = 0;
    for (int k = 0; k < x->n; k++)     /* the id, '=', three %.17g and their separators */
        cap += strlen(d->levers[x->chosen[k]].id) + 3 * 26 + 4;
    char *list = malloc(cap);
    if (!list)
        return -1;
    list[0] = '\0';
    for (int k = 0; k < x->n; k++) {
        double c[3];
        for (int end = 0; end < 3; end++)
            c[end] = improve_cost(d, x->chosen, x->n, (uint64_t)1 << k, end);
        len += (size_t)snprintf(list + len, cap - len, "%s%s=%.17g/%.17g/%.17g", k ? "," : "",
                                d->levers[x->chosen[k]].id, c[0], c[1], c[2]);
    }
    int rc = study_set_param(s, "costs", list);
    free(list);
    return rc;
}

static int improve_run(struct study *s, const struct opts *o, const struct definition *base,
                       char *err, size_t errlen)
{
    struct search x = { .d = base };
    char list[8192] = "", budget[64] = "none";
    int rc = pick_levers(&x, o, err, errlen);
    if (rc == 0)
        rc = read_budget(&x, o, err, errlen);
    for (int k = 0; rc == 0 && k < x.n; k++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? "," : "",
                 base->levers[x.chosen[k]].id);
    if (isfinite(x.budget))
        snprintf(budget, sizeof budget, "%.17g", x.budget);
    if (rc == 0 && (study_set_param(s, "levers", list) < 0
                    || study_set_param(s, "budget", budget) < 0
                    || record_costs(s, base, &x) < 0
                    || grow_array(&x.mask, &x.cap_mask, 1, sizeof *x.mask) < 0)) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        rc = -1;
    }
    if (rc == 0) {
        x.mask[x.n_mask++] = 0;          /* the baseline, variant 0 */
        rc = check_levers(s, o, base, &x, err, errlen);
    }
    if (rc == 0)
        rc = x.n <= IMPROVE_EXHAUSTIVE ? exhaustive(s, o, base, &x, err, errlen)
                                       : greedy(s, o, base, &x, err, errlen);
    free(x.mask);
    return rc;
}

/* ---- after the replications: the plans, and the focus plan rerun whole ------- */

struct sink { struct tally *t; enum lang lang; };

static int tally_sink(void *arg, long index, const struct rep_result *res, char *err,
                      size_t errlen)
{
    const struct sink *k = arg;
    (void)index;
    if (tally_add(k->t, res) == 0)
        return 0;
    snprintf(err, errlen, "%s", lang_text(k->lang, T_CMD_OUT_OF_MEMORY));
    return -1;
}

/* Reruns plan p whole into im->focus; the study's own count of runs that
 * kept the promise must come out again. */
static int rerun(struct improve *im, int p, const struct study *s, const struct opts *o,
                 char *err, size_t errlen)
{
    int v = im->plan[p].v, jobs = o->jobs ? (int)o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    struct definition *d = study_load(s, o, v, err, errlen);
    struct experiment xp;
    struct tally t;
    int rc = -1;
    if (!d)
        return -1;
    struct landmark_store ls = landmark_store_for(d, v == 0);   /* the baseline's only */
    if (experiment_init_kept(&xp, d, 0, &ls, err, errlen) == 0) {
        if (tally_init(&t, d) == 0) {
            struct sink k = { &t, o->lang };
            rc = experiment_run(&xp, s->n, jobs, tally_sink, &k, NULL, NULL, err, errlen);
            if (rc == 0 && summary_make(&im->focus, d, &t) < 0) {
                snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
                rc = -1;
            }
            im->has_focus = rc == 0;
            long kept = 0;
            for (long k = 0; k < s->n; k++)
                kept += s->v[v].kept[k];
            if (rc == 0 && t.kept != kept) {
                snprintf(err, errlen, lang_text(o->lang, T_IMP_RERUN), s->v[v].name, t.kept, kept);
                rc = -1;
            }
            tally_free(&t);
        } else {
            snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        }
        experiment_free(&xp);
    }
    definition_free(d);
    return rc;
}

static int improve_prepare(const struct study *s, const struct opts *o,
                           const struct definition *base, const struct variant_stats *st,
                           void **extra, char *err, size_t errlen)
{
    struct improve *im = calloc(1, sizeof *im);
    if (!im) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    *extra = im;
    int rc = improve_build(im, base, s, st, o->lang, err, errlen);
    if (rc < 0)
        return rc;                     /* -2: a study.dat that does not fit the configuration */
    int p = improve_focus(im);
    return p >= 0 ? rerun(im, p, s, o, err, errlen) : 0;
}

static void improve_release(void *extra)
{
    improve_free(extra);
    free(extra);
}

static int improve_files(const char *dir, const struct study_view *w, const struct opts *o,
                         struct study_charts *done, char *err, size_t errlen)
{
    const struct improve *im = w->improve;
    int *which = malloc(((size_t)im->n_plans + 1) * sizeof *which), n = 0;
    if (!which) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    for (int k = 0; k < im->n_plans; k++)
        if (im->plan[im->order[k]].frontier)
            which[n++] = im->plan[im->order[k]].v;
    int rc = study_file_out(dir, "improve.csv", w, improve_csv, err, errlen) < 0
        || study_file_out(dir, "levers.csv", w, improve_levers_csv, err, errlen) < 0
        || study_write_some(dir, "plans", w->s, which, n, o->file, w->version, w->lang, err,
                            errlen) < 0
        ? -1 : 0;
    free(which);
    if (rc < 0)
        return -1;
    return improve_charts(dir, w, o->no_plot, o->verbose, done, err, errlen);
}

const struct study_cmd improve_cmd = {
    "improve", 0, improve_run, improve_files, improve_decision, improve_text, improve_csv,
    improve_json, improve_html_table, T_IM_HTML_H, T_HELP_IMPROVE, 1, improve_prepare,
    improve_release
};

int improve_main(int argc, char **argv)
{
    return study_main(&improve_cmd, argc, argv);
}
