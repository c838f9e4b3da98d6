/*
 * stats.h -- the statistics the verdict rests on, from GSL: Wilson interval
 * of a proportion, Student-t interval of a mean, quantiles, and the verdict
 * rule (PASS when the whole interval lies at or above the required level,
 * FAIL when it lies below, INCONCLUSIVE otherwise).
 */
#ifndef SUPPLYSIM_STATS_H
#define SUPPLYSIM_STATS_H

#include <stddef.h>

struct interval { double est, lo, hi; };

/* Wilson score interval for k successes in n trials at confidence conf
 * (e.g. 0.95); n == 0 gives {NAN, 0, 1}. */
struct interval stats_wilson(long k, long n, double conf);

/* Mean of x[0..n) with a Student-t interval at confidence conf; n == 1 gives
 * lo == hi == mean; n == 0 gives NANs. */
struct interval stats_mean_t(const double *x, size_t n, double conf);

/* The same interval from n, the mean and the standard deviation (n - 1 in
 * its denominator), for data kept as counts rather than values. */
struct interval stats_t_interval(double mean, double sd, long n, double conf);

/* Quantile q in [0,1] of sorted data (GSL's linear interpolation). */
double stats_quantile_sorted(const double *sorted, size_t n, double q);

/* Sorts x in place (ascending; +INFINITY sorts last). */
void stats_sort(double *x, size_t n);

enum verdict { VERDICT_PASS, VERDICT_FAIL, VERDICT_INCONCLUSIVE };
enum verdict stats_verdict(struct interval kept, double required);
const char *verdict_name(enum verdict v);

#endif
