/*
 * test_tally.c -- the streaming statistics (results/tally.h, summary.h)
 * against the statistics of the same replications kept in memory, computed
 * here independently the way the summary computed them before it streamed:
 * every response sorted for its quantiles, every replication's share of
 * sites and people reached at every 5-minute step, every replication's
 * trucks away at every sample, sorted for their percentiles.
 *
 * Everything but the quantiles of continuous values must agree to the bit
 * (counts, sums in replication order, exact shares k/n, whole trucks); the
 * response quantiles within 0.05 min (half the 0.1-minute resolution) and
 * equal to the exact quantiles of the responses rounded to 0.1 min; the
 * people shares within 0.00005; the mean share of sites on time, computed
 * from counts instead of GSL's running mean, within 1e-12.
 *
 * On the shipped flood scenario (14 sites competing, road damage) and
 * each_township (each_site: resources are means over 31 runs, k/31).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "engine/stats.h"
#include "model/experiment.h"
#include "results/summary.h"
#include "results/tally.h"

#define ERRLEN 2048

/* Every replication's result, copied as it is handed over, and the tally. */
struct kept {
    const struct definition *d;
    struct tally t;
    struct rep_result *all;
    long n, cap;
};

static int keep(void *arg, long index, const struct rep_result *r, char *err, size_t errlen)
{
    struct kept *k = arg;
    if (index != k->n || k->n >= k->cap || result_init(&k->all[k->n], k->d) < 0
        || result_copy(&k->all[k->n], r, k->d) < 0) {
        snprintf(err, errlen, "replication %ld out of order or out of room", index);
        return -1;
    }
    k->n++;
    return tally_add(&k->t, r);
}

static struct definition *load(const char *path, struct cfg **c)
{
    char err[ERRLEN] = "";
    *c = cfg_load(path, NULL, 0, LANG_EN, err, sizeof err);
    struct definition *d = *c ? cfg_definition(*c, err, sizeof err) : NULL;
    if (!d)
        fail_msg("%s: %s", path, err);
    return d;
}

/* ---- the reference: sort what is held in memory ------------------------- */

static double quantile(double *v, size_t n, double q)
{
    stats_sort(v, n);
    return stats_quantile_sorted(v, n, q);
}

/* Every finite value rounded to the 0.1-minute lattice. */
static void round_to(double *v, size_t n, double per)
{
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]))
            v[i] = (double)lround(v[i] * per) / per;
}

static void same_quantile(double got, double exact, double within, const char *what, int k)
{
    if (!(got == exact || (isinf(got) && isinf(exact)) || fabs(got - exact) <= within))
        fail_msg("%s [%d]: %.17g, exact %.17g (allowed %g)", what, k, got, exact, within);
}

static void check_responses(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    size_t ns = (size_t)d->n_sites, m = (size_t)k->n * ns;
    double *all = malloc((m + 1) * sizeof *all), *one = malloc(((size_t)k->n + 1) * sizeof *one);
    assert_true(all && one);
    static const double q[4] = { 0.5, 0.9, 0.95, 0.99 };
    double got[4] = { s->p50, s->p90, s->p95, s->p99 };
    for (int j = 0; j < 4; j++) {
        for (long i = 0; i < k->n; i++)
            memcpy(&all[(size_t)i * ns], k->all[i].response, ns * sizeof(double));
        double exact = quantile(all, m, q[j]);
        same_quantile(got[j], exact, 0.05 + 1e-9, "response quantile", j);
        round_to(all, m, RESPONSE_PER_MIN);
        assert_true(got[j] == quantile(all, m, q[j]) || (isinf(got[j]) && isinf(exact)));
    }
    for (long i = 0; i < k->n; i++)
        memcpy(&all[(size_t)i * ns], k->all[i].response, ns * sizeof(double));
    stats_sort(all, m);
    assert_true(s->max == all[m - 1]);
    long long bars[1000] = { 0 }, never = 0;
    for (size_t i = 0; i < m; i++) {
        if (!isfinite(all[i])) {
            never++;
            continue;
        }
        for (int b = 0; b < s->n_chart; b++)    /* the chart's own rule, by brute force */
            bars[b] += all[i] >= b * CHART_BIN_MIN && all[i] < (b + 1) * CHART_BIN_MIN;
    }
    assert_true(s->n_chart <= 1000);
    for (int b = 0; b < s->n_chart; b++)
        assert_true(s->chart[b] == bars[b]);
    assert_true(s->never == never);
    for (size_t site = 0; site < ns; site++) {
        for (long i = 0; i < k->n; i++)
            one[i] = k->all[i].response[site];
        same_quantile(s->sites[site].p95_response, quantile(one, (size_t)k->n, 0.95),
                      0.05 + 1e-9, "site p95", (int)site);
    }
    free(all);
    free(one);
}

/* Per site and over all late site-replications: every sum in replication
 * order, as the tally adds it, so equal to the bit. */
static void check_sites(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    double promise = d->run.promise_min, cause_late[CAUSES] = { 0 };
    long late_all = 0;
    for (int site = 0; site < d->n_sites; site++) {
        long on = 0, reached = 0, filled = 0, late = 0;
        double sum = 0, fill = 0, people = 0, cause[CAUSES] = { 0 };
        for (long i = 0; i < k->n; i++) {
            const struct rep_result *r = &k->all[i];
            double x = r->response[site];
            people += r->people[site];
            if (isfinite(x))
                reached++, sum += x;
            if (isfinite(r->fill[site]))
                filled++, fill += r->fill[site];
            if (x <= promise) {
                on++;
                continue;
            }
            late++;
            for (int c = 0; c < CAUSES; c++)
                cause[c] += r->cause[(size_t)site * CAUSES + (size_t)c];
        }
        const struct site_summary *ss = &s->sites[site];
        struct interval w = stats_wilson(on, k->n, 0.95);
        assert_true(ss->on_time.est == w.est && ss->on_time.lo == w.lo && ss->on_time.hi == w.hi);
        assert_true(ss->reached == (double)reached / k->n);
        assert_true(ss->mean_response == (reached ? sum / reached : INFINITY));
        assert_true(ss->mean_fill == (filled ? fill / filled : INFINITY));
        assert_true(ss->mean_people == people / k->n);
        for (int c = 0; c < CAUSES; c++)
            assert_true(ss->cause[c] == (late ? cause[c] / late : 0));
    }
    for (long i = 0; i < k->n; i++)
        for (int site = 0; site < d->n_sites; site++)
            if (!(k->all[i].response[site] <= promise)) {
                late_all++;
                for (int c = 0; c < CAUSES; c++)
                    cause_late[c] += k->all[i].cause[(size_t)site * CAUSES + (size_t)c];
            }
    assert_int_equal(s->late, late_all);
    for (int c = 0; c < CAUSES; c++)
        assert_true(s->cause_late[c] == (late_all ? cause_late[c] / late_all : 0));
}

/* The promise, the thresholds (each from its clock), the mean share of sites on time. */
static void check_verdict(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    double *share = malloc(((size_t)k->n + 1) * sizeof *share);
    assert_non_null(share);
    long kept = 0;
    for (long i = 0; i < k->n; i++) {
        int on = 0;
        for (int site = 0; site < d->n_sites; site++)
            on += k->all[i].response[site] <= d->run.promise_min;
        share[i] = (double)on / d->n_sites;
        kept += on == d->n_sites;
    }
    assert_int_equal(s->kept, kept);
    for (int t = 0; t < d->run.n_thresholds; t++) {
        long within = 0;
        for (long i = 0; i < k->n; i++) {
            int all = 1;
            for (int site = 0; site < d->n_sites; site++) {
                /* from the dispatch order: the reporting delay after the disaster */
                double wait = d->run.thresholds_from[t] == CLOCK_ORDER
                    ? k->all[i].cause[(size_t)site * CAUSES + CAUSE_REPORT] : 0;
                all &= k->all[i].response[site] - wait <= d->run.thresholds_min[t];
            }
            within += all;
        }
        assert_true(s->thr_kept[t].est == stats_wilson(within, k->n, 0.95).est);
    }
    struct interval m = stats_mean_t(share, (size_t)k->n, 0.95);
    same_quantile(s->sites_on_time.est, m.est, 1e-12, "sites on time", 0);
    same_quantile(s->sites_on_time.lo, m.lo, 1e-12, "sites on time lo", 0);
    same_quantile(s->sites_on_time.hi, m.hi, 1e-12, "sites on time hi", 0);
    free(share);
}

/* Coverage at every step: the share of sites (exact) and of people (within
 * half of 1/10000) reached by minute 5k, as reached_share computed it. */
static void check_coverage(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    static const double q[3] = { 0.05, 0.50, 0.95 };
    double *col = malloc(((size_t)k->n + 1) * sizeof *col);
    assert_non_null(col);
    for (int step = 0; step < s->n_steps; step++)
        for (int by = 0; by < 2; by++) {
            double t = step * COVERAGE_STEP_MIN;
            for (long i = 0; i < k->n; i++) {
                double got = 0, all = 0;
                for (int site = 0; site < d->n_sites; site++) {
                    double w = by ? k->all[i].people[site] : 1.0;
                    all += w;
                    if (k->all[i].response[site] <= t)
                        got += w;
                }
                col[i] = all > 0 ? got / all : 1.0;
            }
            for (int j = 0; j < 3; j++) {
                double exact = quantile(col, (size_t)k->n, q[j]);
                if (by)
                    same_quantile(s->cov_people[j][step], exact, 0.5 / PEOPLE_SHARE_BINS + 1e-12,
                                  "people coverage", step);
                else if (s->cov_sites[j][step] != exact)
                    fail_msg("sites coverage step %d q %g: %.17g, exact %.17g", step, q[j],
                             s->cov_sites[j][step], exact);
            }
        }
    free(col);
}

/* The share of runs with every site reached by minute 5k: counted here run
 * by run (every response <= t), its Wilson interval; at the promise (120
 * min, a multiple of 5) it is the verdict's promise_kept, which counts the
 * runs with every site on time in its own way (add_sites). */
static void check_all_reached(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    int promise_step = -1;
    for (int step = 0; step < s->n_steps; step++) {
        double t = step * COVERAGE_STEP_MIN;
        long runs = 0;
        for (long i = 0; i < k->n; i++) {
            int all = 1;
            for (int site = 0; site < d->n_sites; site++)
                all &= k->all[i].response[site] <= t;
            runs += all;
        }
        struct interval w = stats_wilson(runs, k->n, 0.95);
        if (s->cov_all[step].est != w.est || s->cov_all[step].lo != w.lo
            || s->cov_all[step].hi != w.hi)
            fail_msg("every site by minute %g: %.17g, counted %ld of %ld", t,
                     s->cov_all[step].est, runs, k->n);
        if (t == d->run.promise_min)
            promise_step = step;
    }
    assert_true(promise_step >= 0);
    assert_true(s->cov_all[promise_step].est == (double)s->kept / (double)k->n);
    assert_true(s->cov_all[promise_step].est == s->promise_kept.est);
}

/* Counts v (a late run's causes) by its largest main cause (the first of
 * equals), and when that is road delays also by their largest part. */
static void count_largest(long *by, const double *v)
{
    int best = 0, part = MAIN_CAUSES;
    for (int c = 0; c < MAIN_CAUSES; c++)
        if (v[c] > v[best])
            best = c;
    by[best]++;
    for (int c = MAIN_CAUSES; c < CAUSES; c++)
        if (v[c] > v[part])
            part = c;
    by[part] += best == CAUSE_ROAD;
}

/* The causes chart's counts and medians, by brute force: each late run's
 * largest main cause and road delays' largest part (count_largest), per site
 * and, summed over its late sites, per run that broke the promise; and the
 * median of each site's late responses, the late responses sorted here,
 * rounded to the 0.1-minute lattice the tally keeps (+inf when most late
 * runs never reached it). */
static void check_late_causes(const struct kept *k, const struct summary *s)
{
    const struct definition *d = k->d;
    double promise = d->run.promise_min, *late = malloc(((size_t)k->n + 1) * sizeof *late);
    long broken[CAUSES] = { 0 };
    assert_non_null(late);
    for (int site = 0; site < d->n_sites; site++) {
        long by[CAUSES] = { 0 }, m = 0;
        for (long i = 0; i < k->n; i++) {
            const double *v = &k->all[i].cause[(size_t)site * CAUSES];
            if (k->all[i].response[site] <= promise)
                continue;
            count_largest(by, v);
            late[m++] = k->all[i].response[site];
        }
        const struct site_summary *ss = &s->sites[site];
        assert_int_equal(ss->late, m);
        for (int c = 0; c < CAUSES; c++)
            assert_int_equal(ss->late_by[c], by[c]);
        if (!m) {
            assert_true(isnan(ss->late_median));
            continue;
        }
        round_to(late, (size_t)m, RESPONSE_PER_MIN);
        double med = quantile(late, (size_t)m, 0.5);
        same_quantile(ss->late_median, med, 1e-9, "late median", site);
    }
    for (long i = 0; i < k->n; i++) {
        double sum[CAUSES] = { 0 };
        int any = 0;
        for (int site = 0; site < d->n_sites; site++)
            if (!(k->all[i].response[site] <= promise)) {
                any = 1;
                for (int c = 0; c < CAUSES; c++)
                    sum[c] += k->all[i].cause[(size_t)site * CAUSES + (size_t)c];
            }
        if (any)
            count_largest(broken, sum);
    }
    for (int c = 0; c < CAUSES; c++)
        assert_int_equal(s->broken_by[c], broken[c]);
    free(late);
}

/* Resources at every sample: exact (whole trucks, or their mean over the
 * runs of each_site). */
static void check_resources(const struct kept *k, const struct summary *s)
{
    static const double q[3] = { 0.05, 0.50, 0.95 };
    double *col = malloc(((size_t)k->n + 1) * sizeof *col);
    assert_non_null(col);
    for (int step = 0; step < s->n_samples; step++)
        for (int j = 0; j < 3; j++) {
            for (long i = 0; i < k->n; i++)
                col[i] = k->all[i].trucks_out[step];
            assert_true(s->trucks_out[j][step] == quantile(col, (size_t)k->n, q[j]));
            for (long i = 0; i < k->n; i++)
                col[i] = k->all[i].central_queue[step];
            assert_true(s->central_queue[j][step] == quantile(col, (size_t)k->n, q[j]));
        }
    double busy = 0, avail = 0, wait = 0, unmet = 0, demand = 0, ships = 0, events = 0;
    long waits = 0;
    for (long i = 0; i < k->n; i++) {
        const struct rep_result *r = &k->all[i];
        busy += r->truck_busy_min, avail += r->truck_min, wait += r->bay_wait_sum;
        waits += r->bay_waits, unmet += r->unmet_units, demand += r->demand_units;
        ships += r->shipments, events += (double)r->events;
    }
    assert_true(s->truck_util == busy / avail && s->bay_wait_mean == wait / waits);
    assert_true(s->unmet_mean == unmet / k->n && s->demand_mean == demand / k->n);
    assert_true(s->shipments_mean == ships / k->n && s->events_mean == events / k->n);
    for (int f = 0; f < k->d->n_facilities * k->d->n_items; f++) {
        int runs = 0;
        for (long i = 0; i < k->n; i++)
            runs += k->all[i].stockout[f];
        assert_int_equal(s->stockouts[f], runs);
    }
    free(col);
}

static void scenario(const char *path, long n, int jobs)
{
    struct cfg *c;
    struct definition *d = load(path, &c);
    struct kept k = { d, { 0 }, calloc((size_t)n, sizeof(struct rep_result)), 0, n };
    struct experiment x;
    struct summary s;
    char err[ERRLEN];
    assert_non_null(k.all);
    assert_int_equal(tally_init(&k.t, d), 0);
    assert_int_equal(experiment_init(&x, d, 0, err, sizeof err), 0);
    if (experiment_run(&x, n, jobs, keep, &k, NULL, NULL, err, sizeof err) != 0)
        fail_msg("%s: %s", path, err);
    assert_int_equal(k.n, n);
    assert_int_equal(summary_make(&s, d, &k.t), 0);
    assert_int_equal(s.runs, n);
    check_verdict(&k, &s);
    check_sites(&k, &s);
    check_responses(&k, &s);
    check_coverage(&k, &s);
    check_all_reached(&k, &s);
    check_late_causes(&k, &s);
    check_resources(&k, &s);
    summary_free(&s);
    experiment_free(&x);
    tally_free(&k.t);
    for (long i = 0; i < k.n; i++)
        result_free(&k.all[i]);
    free(k.all);
    definition_free(d);
    cfg_free(c);
}

static void flood(void **state)
{
    (void)state;
    scenario("scenarios/flood.cfg", 400, 2);
}

static void each_township(void **state)
{
    (void)state;
    scenario("scenarios/each_township.cfg", 60, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flood),
        cmocka_unit_test(each_township),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
