/*
 * summary.h -- everything the outputs say about an experiment, computed from
 * its tally (tally.h; definitions in sim/MODEL.md): the promise and other
 * thresholds with their intervals, response-time quantiles, per-site risk and
 * its main cause, resources, stock-outs, unmet demand and coverage over time.
 */
#ifndef SUPPLYSIM_SUMMARY_H
#define SUPPLYSIM_SUMMARY_H

#include "engine/lang.h"
#include "engine/stats.h"
#include "results/tally.h"

struct site_summary {
    struct interval on_time;      /* probability R <= promise, Wilson */
    double mean_response;         /* over replications where it was reached */
    double p95_response;          /* INFINITY when more than 5% unreached */
    double reached;               /* share of replications reached by the horizon */
    double mean_fill;             /* over replications where its needs were filled */
    double cause[CAUSES];         /* mean minutes per cause over its late replications */
    int main_cause;               /* a main cause (model.h), -1 when never late */
    long late;                    /* replications in which it was late ... */
    long late_by[CAUSES];         /* ... by the main cause with the most minutes in each
                                   * (and road delays by their parts, tally.h) */
    double late_median;           /* median response over its late replications (to 0.1
                                   * min; INFINITY when most were never reached; NAN if none) */
    double mean_people;
};

struct summary {
    long runs;
    double promise_min, required, conf;   /* conf: of promise_kept's interval */
    long kept;
    struct interval promise_kept, sites_on_time;
    double *thr_min; int n_thr;
    unsigned char *thr_from;      /* per threshold: its clock (enum threshold_clock) */
    struct interval *thr_kept;    /* per threshold: share of replications all within it */
    double p50, p90, p95, p99, max; /* response over all sites and replications */
    double cause_late[CAUSES];    /* mean composition of delay over late site-replications */
    long late;
    long broken_by[CAUSES];       /* replications that broke the promise, by the cause with
                                   * the most minutes over their late sites */
    double truck_util, bay_wait_mean, unmet_mean, demand_mean, unmet_share;
    double shipments_mean, events_mean;
    struct site_summary *sites;
    int *stockouts;               /* per facility x item: replications with a stock-out */
    int n_steps;                  /* coverage curve: minutes k x COVERAGE_STEP_MIN */
    double *cov_sites[3];         /* p5, median, p95 share of sites reached */
    double *cov_people[3];        /* the same for displaced people */
    struct interval *cov_all;     /* share of runs with every site reached by each step,
                                   * Wilson 95%; at the promise's step it is promise_kept */
    int n_samples;                /* resources: minutes k x SAMPLE_MIN */
    double *trucks_out[3];        /* p5, median, p95 of trucks away from their store */
    double *central_queue[3];     /* the same for trucks queueing at the central depot's bays */
    int total_trucks;
    long long *chart;             /* finite responses per CHART_BIN_MIN bar (response chart) */
    int n_chart;
    long long never;              /* site-replications never reached */
    enum verdict verdict;
};

/* The words for a site's main cause in language l: the cause, and for road
 * delays their part with the most minutes ("road delays: detours and
 * turn-backs"), in buf when it needs to be made; NULL when never late. */
const char *summary_main_words(const struct site_summary *ss, enum lang l, char *buf, size_t n);

/* Site indices in order[n_sites], worst probability on time first; ties keep
 * site order.  Insertion sort: O(n^2) in the worst case, fine for sites. */
void summary_worst_first(const struct definition *d, const struct summary *s, int *order);

/* The summary of the replications tallied in t; O(sites + steps x bins).
 * 0, or -1 on allocation failure. */
int summary_make(struct summary *s, const struct definition *d, const struct tally *t);
void summary_free(struct summary *s);

#endif
