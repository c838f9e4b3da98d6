/*
 * tally.h -- the running statistics of an experiment: everything the summary
 * says (summary.h), gathered one replication at a time, in memory that does
 * not grow with the number of replications.
 *
 * Counts are whole numbers; sums of minutes and units are added in
 * replication order, so the same replications give the same bits whether
 * they ran on one thread or many, in one run or in shards merged (merge feeds
 * the shards' replications through tally_add in the same order); quantiles
 * come from fixed-resolution histograms (engine/hist.h):
 *
 *   response times (all sites, and each site's p95)   to 0.1 min (RESPONSE_PER_MIN)
 *   share of sites reached, coverage curve            exact (k of n sites)
 *   share of displaced people reached                 to 0.0001 (PEOPLE_SHARE_BINS)
 *   trucks away, central depot's bay queue            exact (whole trucks, or
 *                                                     their mean over sites with each_site)
 *
 * A quantile on the 0.1-minute or 0.0001 lattice moves by at most half that
 * from the exact quantile of the values themselves.
 */
#ifndef SUPPLYSIM_TALLY_H
#define SUPPLYSIM_TALLY_H

#include "engine/hist.h"
#include "model/model.h"

#define RESPONSE_PER_MIN 10        /* response quantiles to 1/10 minute */
#define PEOPLE_SHARE_BINS 10000    /* people-share quantiles to 1/10000 */
#define COVERAGE_STEP_MIN 5.0      /* resolution of the coverage-over-time curve */
#define CHART_BIN_MIN 10.0         /* the response chart's finest bar, counted exactly */

struct site_tally {
    long on, reached, filled, late;
    double response_sum, fill_sum, people_sum;
    double cause[CAUSES];          /* summed over the site's late replications */
    long late_by[CAUSES];          /* its late replications by their main cause (the
                                    * main cause with the most minutes in that replication);
                                    * for a part of road delays, those whose main cause was
                                    * road delays by their part with the most minutes */
    struct hist response;
};

struct tally {
    const struct definition *d;
    long runs, kept;
    long *within;                  /* per threshold: replications with every site within it,
                                    * counted from the threshold's clock */
    long *on_count;                /* on_count[k], k = 0..n_sites: replications with k sites on time */
    struct site_tally *sites;
    struct hist response;          /* every site in every replication */
    double max;                    /* largest response, +INFINITY once a site was unreached */
    long long *chart;              /* finite responses in [b, b + 1) x CHART_BIN_MIN */
    int n_chart;
    long late;                     /* late site-replications ... */
    double cause_late[CAUSES];     /* ... and their minutes per cause */
    long broken_by[CAUSES];        /* replications that broke the promise, by the main cause
                                    * with the most minutes over their late sites (and road
                                    * delays' parts, as late_by) */
    double busy, avail, wait, unmet, demand, ships, events;
    long waits;
    int *stockouts;                /* per store x item: replications with a stock-out */
    int n_steps, n_samples;        /* coverage steps, resource samples */
    int sample_div;                /* resources are whole trucks / sample_div */
    struct hist_series cov_sites, cov_people, trucks_out, central_queue;
    long *all_by;                  /* all_by[s], s = 0..n_steps: replications whose last site
                                    * is reached at step s (n_steps: not by the last step) */
    struct reach { int step; double people; } *reach;   /* scratch, per site */
};

/* 0, or -1 when out of memory. */
int tally_init(struct tally *t, const struct definition *d);
void tally_free(struct tally *t);

/* Adds the next replication (replication order); O(sites log sites +
 * samples).  0, or -1 when out of memory. */
int tally_add(struct tally *t, const struct rep_result *r);

/* The trucks away (or queueing) of sample k as a whole number: the value
 * times sample_div (the model sums whole trucks over each_site's runs and
 * divides by the number of sites). */
long tally_trucks(const struct tally *t, double v);

#endif
