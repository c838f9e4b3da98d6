/*
 * tally.c -- the running statistics of an experiment (tally.h).  Each sum is
 * added in the same order as the summary added it when it held every
 * replication (replication by replication, site by site), so the means are
 * the same to the bit.  The coverage curves and the resources over time go
 * into their series as segments of constant value: a replication's share of
 * sites reached changes only where one of its sites is reached, so a
 * replication costs O(sites log sites + samples), not O(steps x sites).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/tally.h"

int tally_init(struct tally *t, const struct definition *d)
{
    memset(t, 0, sizeof *t);
    t->d = d;
    t->max = -INFINITY;
    int ns = d->n_sites;
    t->n_steps = (int)floor(d->run.horizon_min / COVERAGE_STEP_MIN) + 1;
    t->n_samples = (int)floor(d->run.horizon_min / SAMPLE_MIN) + 1;
    t->n_chart = (int)floor(d->run.horizon_min / CHART_BIN_MIN) + 1;
    t->sample_div = d->run.each_site && ns > 0 ? ns : 1;
    hist_init(&t->response, RESPONSE_PER_MIN);
    t->within = calloc((size_t)d->run.n_thresholds + 1, sizeof *t->within);
    t->on_count = calloc((size_t)ns + 1, sizeof *t->on_count);
    t->sites = calloc((size_t)ns + 1, sizeof *t->sites);
    t->chart = calloc((size_t)t->n_chart, sizeof *t->chart);
    t->stockouts = calloc((size_t)d->n_facilities * (size_t)d->n_items + 1, sizeof *t->stockouts);
    t->reach = malloc(((size_t)ns + 1) * sizeof *t->reach);
    t->all_by = calloc((size_t)t->n_steps + 1, sizeof *t->all_by);
    for (int k = 0; t->sites && k < ns; k++)
        hist_init(&t->sites[k].response, RESPONSE_PER_MIN);
    if (!t->within || !t->on_count || !t->sites || !t->chart || !t->stockouts || !t->reach
        || !t->all_by
        || hist_series_init(&t->cov_sites, t->n_steps, ns > 0 ? ns : 1) < 0
        || hist_series_init(&t->cov_people, t->n_steps, PEOPLE_SHARE_BINS) < 0
        || hist_series_init(&t->trucks_out, t->n_samples, t->sample_div) < 0
        || hist_series_init(&t->central_queue, t->n_samples, t->sample_div) < 0) {
        tally_free(t);
        return -1;
    }
    return 0;
}

void tally_free(struct tally *t)
{
    for (int k = 0; t->sites && k < t->d->n_sites; k++)
        hist_free(&t->sites[k].response);
    hist_free(&t->response);
    hist_series_free(&t->cov_sites);
    hist_series_free(&t->cov_people);
    hist_series_free(&t->trucks_out);
    hist_series_free(&t->central_queue);
    free(t->within);
    free(t->on_count);
    free(t->sites);
    free(t->chart);
    free(t->stockouts);
    free(t->reach);
    free(t->all_by);
    memset(t, 0, sizeof *t);
}

long tally_trucks(const struct tally *t, double v)
{
    return lround(v * t->sample_div);
}

/* The first coverage step s (minute s x COVERAGE_STEP_MIN) with r <= that
 * minute, compared exactly as the curve's definition does; n_steps when
 * none (unreached, or after the last step). */
static int first_step(const struct tally *t, double r)
{
    if (!(r <= (t->n_steps - 1) * COVERAGE_STEP_MIN))
        return t->n_steps;
    int s = (int)ceil(r / COVERAGE_STEP_MIN);
    while (s > 0 && (s - 1) * COVERAGE_STEP_MIN >= r)
        s--;
    while (s * COVERAGE_STEP_MIN < r)
        s++;
    return s;
}

/* The bar of the response chart holding finite r: CHART_BIN_MIN x b <= r <
 * CHART_BIN_MIN x (b + 1), compared exactly. */
static long chart_bar(double r)
{
    long b = (long)floor(r / CHART_BIN_MIN);
    while (b > 0 && r < b * CHART_BIN_MIN)
        b--;
    while (r >= (b + 1) * CHART_BIN_MIN)
        b++;
    return b;
}

/* Per site: on time, reached, means, causes over late runs, p95; and over
 * all sites: the quantiles, the chart's bars, the causes of late sites. */
/* The main cause with the most minutes in v (the first of equals). */
static int main_cause(const double *v)
{
    int m = 0;
    for (int c = 1; c < MAIN_CAUSES; c++)
        if (v[c] > v[m])
            m = c;
    return m;
}

/* Counts a late run (or a broken promise) by its main cause in by[], and
 * when that is road delays also by the part of them with the most minutes. */
static void count_main(long *by, const double *v)
{
    int m = main_cause(v);
    by[m]++;
    if (m != CAUSE_ROAD)
        return;
    int p = MAIN_CAUSES;
    for (int c = p + 1; c < CAUSES; c++)
        if (v[c] > v[p])
            p = c;
    by[p]++;
}

/* A site's first relief counted from its dispatch order: when its request
 * reached the dispatcher (the reporting delay after the disaster). */
static double from_order(const struct rep_result *r, int k)
{
    return r->response[k] - r->cause[(size_t)k * CAUSES + CAUSE_REPORT];
}

/* *max: the latest response of any site, *max_order the latest from its
 * dispatch order. */
static int add_sites(struct tally *t, const struct rep_result *r, double *max, double *max_order)
{
    const double promise = t->d->run.promise_min;
    double run_cause[CAUSES] = { 0 };   /* minutes over this replication's late sites */
    int on = 0;
    *max = *max_order = -INFINITY;
    for (int k = 0; k < t->d->n_sites; k++) {
        struct site_tally *st = &t->sites[k];
        double x = r->response[k];
        const double *cause = &r->cause[(size_t)k * CAUSES];
        *max = fmax(*max, x);
        *max_order = fmax(*max_order, from_order(r, k));
        st->people_sum += r->people[k];
        if (isfinite(x)) {
            st->reached++;
            st->response_sum += x;
            long b = chart_bar(x);
            t->chart[b < t->n_chart ? b : t->n_chart - 1]++;
        }
        if (isfinite(r->fill[k])) {
            st->filled++;
            st->fill_sum += r->fill[k];
        }
        if (hist_add(&st->response, x) < 0 || hist_add(&t->response, x) < 0)
            return -1;
        if (x <= promise) {
            st->on++;
            on++;
            continue;
        }
        st->late++;
        t->late++;
        for (int c = 0; c < CAUSES; c++) {
            st->cause[c] += cause[c];
            t->cause_late[c] += cause[c];
            run_cause[c] += cause[c];
        }
        count_main(st->late_by, cause);
    }
    if (on < t->d->n_sites)
        count_main(t->broken_by, run_cause);
    t->on_count[on]++;
    t->kept += on == t->d->n_sites;
    return 0;
}

static int by_step(const void *a, const void *b)
{
    const struct reach *x = a, *y = b;
    return (x->step > y->step) - (x->step < y->step);
}

/* The share of sites (k of n, exact) and of people (to 1/PEOPLE_SHARE_BINS)
 * reached by each step, as segments between the steps where it changes.
 * People are whole persons, so their sums are exact in any order. */
static int add_coverage(struct tally *t, const struct rep_result *r)
{
    int ns = t->d->n_sites;
    double all = 0, got = 0;
    for (int k = 0; k < ns; k++) {
        t->reach[k] = (struct reach){ first_step(t, r->response[k]), r->people[k] };
        all += r->people[k];
    }
    qsort(t->reach, (size_t)ns, sizeof *t->reach, by_step);
    t->all_by[ns > 0 ? t->reach[ns - 1].step : 0]++;    /* every site reached from here on */
    int from = 0, sites = 0, k = 0;
    while (from < t->n_steps) {
        int to = k < ns ? t->reach[k].step : t->n_steps;
        long site_bin = ns > 0 ? sites : 1;
        long people_bin = lround((all > 0 ? got / all : 1.0) * PEOPLE_SHARE_BINS);
        if (hist_series_segment(&t->cov_sites, from, to, site_bin) < 0
            || hist_series_segment(&t->cov_people, from, to, people_bin) < 0)
            return -1;
        for (from = to; k < ns && t->reach[k].step == to; k++) {
            sites++;
            got += t->reach[k].people;
        }
    }
    return 0;
}

/* A per-sample series as segments of constant value; the values compared
 * as they are, converted to whole trucks once per segment. */
static int add_series(struct tally *t, struct hist_series *c, const double *v)
{
    for (int from = 0, k = 1; k <= t->n_samples; k++)
        if (k == t->n_samples || v[k] != v[from]) {
            if (hist_series_segment(c, from, k, tally_trucks(t, v[from])) < 0)
                return -1;
            from = k;
        }
    return 0;
}

int tally_add(struct tally *t, const struct rep_result *r)
{
    const struct definition *d = t->d;
    double max, max_order;
    if (add_sites(t, r, &max, &max_order) < 0)
        return -1;
    t->max = fmax(t->max, max);
    for (int k = 0; k < d->run.n_thresholds; k++) {
        int order = d->run.thresholds_from && d->run.thresholds_from[k] == CLOCK_ORDER;
        t->within[k] += !((order ? max_order : max) > d->run.thresholds_min[k]);
    }
    t->busy += r->truck_busy_min;
    t->avail += r->truck_min;
    t->wait += r->bay_wait_sum;
    t->waits += r->bay_waits;
    t->unmet += r->unmet_units;
    t->demand += r->demand_units;
    t->ships += r->shipments;
    t->events += (double)r->events;
    for (int f = 0; f < d->n_facilities * d->n_items; f++)
        t->stockouts[f] += r->stockout[f];
    t->runs++;
    if (add_coverage(t, r) < 0 || add_series(t, &t->trucks_out, r->trucks_out) < 0
        || add_series(t, &t->central_queue, r->central_queue) < 0)
        return -1;
    return 0;
}
