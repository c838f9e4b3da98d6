/*
 * summary.c -- the statistics of an experiment.  Everything here is a
 * function of the results array alone (in replication order), so the same
 * replications give the same bytes whatever the number of threads, and shards
 * merged give what one run gives.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "results/summary.h"

static int all_within(const struct rep_result *r, int n_sites, double limit)
{
    for (int s = 0; s < n_sites; s++)
        if (!(r->response[s] <= limit))
            return 0;
    return 1;
}

static void thresholds(struct summary *s, const struct definition *d, const struct rep_result *res,
                       long n)
{
    for (int t = 0; t < s->n_thr; t++) {
        long k = 0;
        for (long i = 0; i < n; i++)
            k += all_within(&res[i], d->n_sites, s->thr_min[t]);
        s->thr_kept[t] = stats_wilson(k, n, 0.95);
    }
    s->kept = 0;
    for (long i = 0; i < n; i++)
        s->kept += all_within(&res[i], d->n_sites, s->promise_min);
    s->promise_kept = stats_wilson(s->kept, n, s->conf);
    s->verdict = stats_verdict(s->promise_kept, s->required);
}

/* Quantiles of the response over all site-replications, and the share of
 * sites on time per replication with its t interval. */
static int responses(struct summary *s, const struct definition *d, const struct rep_result *res,
                     long n)
{
    size_t m = (size_t)n * (size_t)d->n_sites;
    double *all = malloc((m + 1) * sizeof *all), *share = malloc((size_t)(n + 1) * sizeof *share);
    if (!all || !share) {
        free(all);
        free(share);
        return -1;
    }
    for (long i = 0; i < n; i++) {
        int on = 0;
        for (int k = 0; k < d->n_sites; k++) {
            all[(size_t)i * (size_t)d->n_sites + (size_t)k] = res[i].response[k];
            on += res[i].response[k] <= s->promise_min;
        }
        share[i] = d->n_sites ? (double)on / d->n_sites : 1.0;
    }
    s->sites_on_time = stats_mean_t(share, (size_t)n, 0.95);
    stats_sort(all, m);
    s->p50 = stats_quantile_sorted(all, m, 0.50);
    s->p90 = stats_quantile_sorted(all, m, 0.90);
    s->p95 = stats_quantile_sorted(all, m, 0.95);
    s->p99 = stats_quantile_sorted(all, m, 0.99);
    s->max = m ? all[m - 1] : NAN;
    free(all);
    free(share);
    return 0;
}

static void site_stats(struct site_summary *ss, const struct definition *d,
                       const struct rep_result *res,
                      long n, int site, double promise, double *buf)
{
    long on = 0, reached = 0, filled = 0, late = 0;
    double sum = 0, fill = 0, people = 0;
    memset(ss->cause, 0, sizeof ss->cause);
    for (long i = 0; i < n; i++) {
        double r = res[i].response[site];
        buf[i] = r;
        people += res[i].people[site];
        if (isfinite(r)) {
            reached++;
            sum += r;
        }
        if (isfinite(res[i].fill[site])) {
            filled++;
            fill += res[i].fill[site];
        }
        if (r <= promise) {
            on++;
            continue;
        }
        late++;
        for (int c = 0; c < CAUSES; c++)
            ss->cause[c] += res[i].cause[(size_t)site * CAUSES + (size_t)c];
    }
    (void)d;
    ss->on_time = stats_wilson(on, n, 0.95);
    ss->reached = n ? (double)reached / n : NAN;
    ss->mean_response = reached ? sum / reached : INFINITY;
    ss->mean_fill = filled ? fill / filled : INFINITY;
    ss->mean_people = n ? people / n : 0;
    stats_sort(buf, (size_t)n);
    ss->p95_response = stats_quantile_sorted(buf, (size_t)n, 0.95);
    ss->main_cause = -1;
    for (int c = 0; c < CAUSES && late; c++) {
        ss->cause[c] /= late;
        if (ss->main_cause < 0 || ss->cause[c] > ss->cause[ss->main_cause])
            ss->main_cause = c;
    }
}

/* The composition of delay over every late site-replication, and resources. */
static void late_and_resources(struct summary *s, const struct definition *d,
                               const struct rep_result *res, long n)
{
    double busy = 0, avail = 0, wait = 0, unmet = 0, demand = 0, ships = 0, events = 0;
    long waits = 0;
    memset(s->cause_late, 0, sizeof s->cause_late);
    s->late = 0;
    for (long i = 0; i < n; i++) {
        const struct rep_result *r = &res[i];
        for (int k = 0; k < d->n_sites; k++) {
            if (r->response[k] <= s->promise_min)
                continue;
            s->late++;
            for (int c = 0; c < CAUSES; c++)
                s->cause_late[c] += r->cause[(size_t)k * CAUSES + (size_t)c];
        }
        busy += r->truck_busy_min;
        avail += r->truck_min;
        wait += r->bay_wait_sum;
        waits += r->bay_waits;
        unmet += r->unmet_units;
        demand += r->demand_units;
        ships += r->shipments;
        events += (double)r->events;
        for (int f = 0; f < d->n_facilities * d->n_items; f++)
            s->stockouts[f] += r->stockout[f];
    }
    for (int c = 0; c < CAUSES && s->late; c++)
        s->cause_late[c] /= (double)s->late;
    s->truck_util = avail > 0 ? busy / avail : 0;
    s->bay_wait_mean = waits ? wait / (double)waits : 0;
    s->unmet_mean = n ? unmet / (double)n : 0;
    s->demand_mean = n ? demand / (double)n : 0;
    s->unmet_share = demand > 0 ? unmet / demand : 0;
    s->shipments_mean = n ? ships / (double)n : 0;
    s->events_mean = n ? events / (double)n : 0;
}

/* Share of sites (weight 1) or people reached within t of the disaster. */
static double reached_share(const struct rep_result *r, int n_sites, double t, int by_people)
{
    double got = 0, all = 0;
    for (int k = 0; k < n_sites; k++) {
        double w = by_people ? r->people[k] : 1.0;
        all += w;
        if (r->response[k] <= t)
            got += w;
    }
    return all > 0 ? got / all : 1.0;
}

static int coverage(struct summary *s, const struct definition *d, const struct rep_result *res,
                    long n)
{
    static const double q[3] = { 0.05, 0.50, 0.95 };
    double *col = malloc((size_t)(n + 1) * sizeof *col);
    if (!col)
        return -1;
    for (int k = 0; k < s->n_steps; k++)
        for (int by = 0; by < 2; by++) {
            for (long i = 0; i < n; i++)
                col[i] = reached_share(&res[i], d->n_sites, k * COVERAGE_STEP_MIN, by);
            stats_sort(col, (size_t)n);
            for (int j = 0; j < 3; j++)
                (by ? s->cov_people : s->cov_sites)[j][k] = stats_quantile_sorted(col, (size_t)n, q[j]);
        }
    free(col);
    return 0;
}

/* Percentiles across replications of a per-replication series. */
static int series(const struct rep_result *res, long n, int steps, size_t offset, double **out)
{
    static const double q[3] = { 0.05, 0.50, 0.95 };
    double *col = malloc((size_t)(n + 1) * sizeof *col);
    if (!col)
        return -1;
    for (int k = 0; k < steps; k++) {
        for (long i = 0; i < n; i++)
            col[i] = (*(double *const *)((const char *)&res[i] + offset))[k];
        stats_sort(col, (size_t)n);
        for (int j = 0; j < 3; j++)
            out[j][k] = stats_quantile_sorted(col, (size_t)n, q[j]);
    }
    free(col);
    return 0;
}

static int alloc_all(struct summary *s, const struct definition *d, long n)
{
    s->n_thr = d->run.n_thresholds;
    s->n_steps = (int)floor(d->run.horizon_min / COVERAGE_STEP_MIN) + 1;
    s->thr_min = malloc((size_t)s->n_thr * sizeof *s->thr_min);
    s->thr_kept = malloc((size_t)s->n_thr * sizeof *s->thr_kept);
    s->sites = calloc((size_t)d->n_sites + 1, sizeof *s->sites);
    s->stockouts = calloc((size_t)d->n_facilities * (size_t)d->n_items + 1, sizeof *s->stockouts);
    int ok = s->thr_min && s->thr_kept && s->sites && s->stockouts;
    s->n_samples = (int)floor(d->run.horizon_min / SAMPLE_MIN) + 1;
    for (int j = 0; j < 3 && ok; j++) {
        s->cov_sites[j] = malloc((size_t)s->n_steps * sizeof(double));
        s->cov_people[j] = malloc((size_t)s->n_steps * sizeof(double));
        s->trucks_out[j] = malloc((size_t)s->n_samples * sizeof(double));
        s->central_queue[j] = malloc((size_t)s->n_samples * sizeof(double));
        ok = s->cov_sites[j] && s->cov_people[j] && s->trucks_out[j] && s->central_queue[j];
    }
    for (int f = 0; f < d->n_facilities; f++)
        s->total_trucks += d->facilities[f].trucks;
    (void)n;
    if (ok)
        memcpy(s->thr_min, d->run.thresholds_min, (size_t)s->n_thr * sizeof *s->thr_min);
    return ok ? 0 : -1;
}

void summary_worst_first(const struct definition *d, const struct summary *s, int *order)
{
    for (int i = 0; i < d->n_sites; i++)
        order[i] = i;
    for (int i = 1; i < d->n_sites; i++)
        for (int j = i; j > 0 && s->sites[order[j]].on_time.est < s->sites[order[j - 1]].on_time.est;
             j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
}

int summary_make(struct summary *s, const struct definition *d, const struct rep_result *res, long n)
{
    memset(s, 0, sizeof *s);
    s->runs = n;
    s->promise_min = d->run.promise_min;
    s->required = d->run.required_level;
    s->conf = d->run.verdict_conf;
    double *buf = malloc((size_t)(n + 1) * sizeof *buf);
    if (!buf || alloc_all(s, d, n) < 0 || responses(s, d, res, n) < 0)
        goto fail;
    thresholds(s, d, res, n);
    for (int k = 0; k < d->n_sites; k++)
        site_stats(&s->sites[k], d, res, n, k, s->promise_min, buf);
    late_and_resources(s, d, res, n);
    if (coverage(s, d, res, n) < 0
        || series(res, n, s->n_samples, offsetof(struct rep_result, trucks_out), s->trucks_out) < 0
        || series(res, n, s->n_samples, offsetof(struct rep_result, central_queue),
                  s->central_queue) < 0)
        goto fail;
    free(buf);
    return 0;
fail:
    free(buf);
    summary_free(s);
    return -1;
}

void summary_free(struct summary *s)
{
    free(s->thr_min);
    free(s->thr_kept);
    free(s->sites);
    free(s->stockouts);
    for (int j = 0; j < 3; j++) {
        free(s->cov_sites[j]);
        free(s->cov_people[j]);
        free(s->trucks_out[j]);
        free(s->central_queue[j]);
    }
    memset(s, 0, sizeof *s);
}
