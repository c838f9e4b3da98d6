/*
 * summary.c -- the statistics of an experiment, from its tally (tally.h):
 * intervals from counts, means from sums, quantiles from histograms.  The
 * tally holds nothing per replication, so this costs the same for ten
 * replications as for a million; and the same replications in the same
 * order give the same tally, so the same bytes whatever the number of
 * threads or shards.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "engine/lang.h"
#include "results/summary.h"

/* Mean and standard deviation of the share of sites on time per replication
 * (k / n_sites), from how many replications had each k: exact counts, then
 * the two-pass formula over the n_sites + 1 values, with a t interval. */
static struct interval share_on_time(const struct tally *t, int n_sites)
{
    long n = t->runs;
    if (n_sites == 0)
        return stats_t_interval(1.0, 0.0, n, 0.95);
    double sum = 0;
    for (int k = 0; k <= n_sites; k++)
        sum += (double)t->on_count[k] * k;
    double mean = n ? sum / ((double)n * n_sites) : NAN, ss = 0;
    for (int k = 0; k <= n_sites; k++) {
        double dev = (double)k / n_sites - mean;
        ss += (double)t->on_count[k] * dev * dev;
    }
    return stats_t_interval(mean, n > 1 ? sqrt(ss / (double)(n - 1)) : 0.0, n, 0.95);
}

static void verdict_and_thresholds(struct summary *s, const struct tally *t)
{
    for (int k = 0; k < s->n_thr; k++)
        s->thr_kept[k] = stats_wilson(t->within[k], t->runs, 0.95);
    s->kept = t->kept;
    s->promise_kept = stats_wilson(s->kept, t->runs, s->conf);
    s->verdict = stats_verdict(s->promise_kept, s->required);
}

/* The median of the site's late responses: they are the largest `late` of
 * its n responses (late means above the promise), so their median sits at
 * index n - late + (late - 1) / 2 of all n sorted. */
static double late_median(const struct site_tally *st, long n)
{
    if (!st->late)
        return NAN;
    double idx = (double)(n - st->late) + (double)(st->late - 1) / 2;
    return hist_quantile(&st->response, n > 1 ? idx / (double)(n - 1) : 0);
}

static void site_stats(struct site_summary *ss, const struct site_tally *st, long n)
{
    ss->on_time = stats_wilson(st->on, n, 0.95);
    ss->reached = n ? (double)st->reached / n : NAN;
    ss->mean_response = st->reached ? st->response_sum / st->reached : INFINITY;
    ss->mean_fill = st->filled ? st->fill_sum / st->filled : INFINITY;
    ss->mean_people = n ? st->people_sum / n : 0;
    ss->p95_response = hist_quantile(&st->response, 0.95);
    ss->main_cause = -1;
    ss->late = st->late;
    ss->late_median = late_median(st, n);
    memcpy(ss->late_by, st->late_by, sizeof ss->late_by);
    for (int c = 0; c < CAUSES; c++) {
        ss->cause[c] = st->late ? st->cause[c] / st->late : 0;
        if (c < MAIN_CAUSES && st->late
            && (ss->main_cause < 0 || ss->cause[c] > ss->cause[ss->main_cause]))
            ss->main_cause = c;
    }
}

const char *summary_main_words(const struct site_summary *ss, enum lang l, char *buf, size_t n)
{
    if (ss->main_cause < 0)
        return NULL;
    if (ss->main_cause != CAUSE_ROAD)
        return lang_cause(l, ss->main_cause);
    int p = MAIN_CAUSES;
    for (int c = p + 1; c < CAUSES; c++)
        if (ss->cause[c] > ss->cause[p])
            p = c;
    if (!(ss->cause[p] > 0))
        return lang_cause(l, CAUSE_ROAD);
    snprintf(buf, n, lang_text(l, T_OUT_CAUSE_PART), lang_cause(l, CAUSE_ROAD), lang_cause(l, p));
    return buf;
}

/* The composition of delay over every late site-replication, and resources. */
static void late_and_resources(struct summary *s, const struct definition *d, const struct tally *t)
{
    long n = t->runs;
    s->late = t->late;
    for (int c = 0; c < CAUSES; c++)
        s->cause_late[c] = t->late ? t->cause_late[c] / (double)t->late : 0;
    memcpy(s->broken_by, t->broken_by, sizeof s->broken_by);
    s->truck_util = t->avail > 0 ? t->busy / t->avail : 0;
    s->bay_wait_mean = t->waits ? t->wait / (double)t->waits : 0;
    s->unmet_mean = n ? t->unmet / (double)n : 0;
    s->demand_mean = n ? t->demand / (double)n : 0;
    s->unmet_share = t->demand > 0 ? t->unmet / t->demand : 0;
    s->shipments_mean = n ? t->ships / (double)n : 0;
    s->events_mean = n ? t->events / (double)n : 0;
    memcpy(s->stockouts, t->stockouts, (size_t)d->n_facilities * (size_t)d->n_items
           * sizeof *s->stockouts);
}

static void responses(struct summary *s, const struct tally *t)
{
    s->p50 = hist_quantile(&t->response, 0.50);
    s->p90 = hist_quantile(&t->response, 0.90);
    s->p95 = hist_quantile(&t->response, 0.95);
    s->p99 = hist_quantile(&t->response, 0.99);
    s->max = t->response.count ? t->max : NAN;
    s->never = t->response.inf;
    memcpy(s->chart, t->chart, (size_t)t->n_chart * sizeof *s->chart);
}

/* 5th percentile, median and 95th percentile across replications, at every
 * step of the coverage curves and every sample of the resources. */
static int curves(struct summary *s, const struct tally *t)
{
    static const double q[3] = { 0.05, 0.50, 0.95 };
    return hist_series_quantiles(&t->cov_sites, q, 3, s->cov_sites) < 0
        || hist_series_quantiles(&t->cov_people, q, 3, s->cov_people) < 0
        || hist_series_quantiles(&t->trucks_out, q, 3, s->trucks_out) < 0
        || hist_series_quantiles(&t->central_queue, q, 3, s->central_queue) < 0 ? -1 : 0;
}

/* The share of runs in which every site is reached by each step: runs whose
 * last site is reached at that step or before, counted exactly. */
static void all_reached(struct summary *s, const struct tally *t)
{
    long k = 0;
    for (int step = 0; step < s->n_steps; step++) {
        k += t->all_by[step];
        s->cov_all[step] = stats_wilson(k, t->runs, 0.95);
    }
}

static int alloc_all(struct summary *s, const struct definition *d, const struct tally *t)
{
    s->n_thr = d->run.n_thresholds;
    s->n_steps = t->n_steps;
    s->n_samples = t->n_samples;
    s->n_chart = t->n_chart;
    s->thr_min = malloc(((size_t)s->n_thr + 1) * sizeof *s->thr_min);
    s->thr_kept = malloc(((size_t)s->n_thr + 1) * sizeof *s->thr_kept);
    s->thr_from = calloc((size_t)s->n_thr + 1, 1);
    s->sites = calloc((size_t)d->n_sites + 1, sizeof *s->sites);
    s->stockouts = calloc((size_t)d->n_facilities * (size_t)d->n_items + 1, sizeof *s->stockouts);
    s->chart = calloc((size_t)s->n_chart, sizeof *s->chart);
    s->cov_all = malloc((size_t)s->n_steps * sizeof *s->cov_all);
    int ok = s->thr_min && s->thr_kept && s->thr_from && s->sites && s->stockouts && s->chart && s->cov_all;
    for (int j = 0; j < 3 && ok; j++) {
        s->cov_sites[j] = malloc((size_t)s->n_steps * sizeof(double));
        s->cov_people[j] = malloc((size_t)s->n_steps * sizeof(double));
        s->trucks_out[j] = malloc((size_t)s->n_samples * sizeof(double));
        s->central_queue[j] = malloc((size_t)s->n_samples * sizeof(double));
        ok = s->cov_sites[j] && s->cov_people[j] && s->trucks_out[j] && s->central_queue[j];
    }
    for (int f = 0; f < d->n_facilities; f++)
        s->total_trucks += d->facilities[f].trucks;
    if (ok)
        memcpy(s->thr_min, d->run.thresholds_min, (size_t)s->n_thr * sizeof *s->thr_min);
    if (ok && d->run.thresholds_from)
        memcpy(s->thr_from, d->run.thresholds_from, (size_t)s->n_thr);
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

int summary_make(struct summary *s, const struct definition *d, const struct tally *t)
{
    memset(s, 0, sizeof *s);
    s->runs = t->runs;
    s->promise_min = d->run.promise_min;
    s->required = d->run.required_level;
    s->conf = d->run.verdict_conf;
    if (alloc_all(s, d, t) < 0 || curves(s, t) < 0) {
        summary_free(s);
        return -1;
    }
    verdict_and_thresholds(s, t);
    all_reached(s, t);
    s->sites_on_time = share_on_time(t, d->n_sites);
    responses(s, t);
    for (int k = 0; k < d->n_sites; k++)
        site_stats(&s->sites[k], &t->sites[k], t->runs);
    late_and_resources(s, d, t);
    return 0;
}

void summary_free(struct summary *s)
{
    free(s->thr_min);
    free(s->thr_kept);
    free(s->thr_from);
    free(s->sites);
    free(s->stockouts);
    free(s->chart);
    free(s->cov_all);
    for (int j = 0; j < 3; j++) {
        free(s->cov_sites[j]);
        free(s->cov_people[j]);
        free(s->trucks_out[j]);
        free(s->central_queue[j]);
    }
    memset(s, 0, sizeof *s);
}
