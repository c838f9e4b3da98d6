/*
 * stats.h -- the statistics the verdict rests on, from GSL: Wilson interval
 * of a proportion, Student-t interval of a mean, quantiles, and the verdict
 * rule (PASS when the whole interval lies at or above the required level,
 * FAIL when it lies below, INCONCLUSIVE otherwise); and the differences a
 * decision study reports: of two proportions measured on the same
 * replications (paired) or on different ones, and of two means.
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

/* ---- differences (decision studies) ----------------------------------- */

/* A binary outcome observed twice on each of n pairs (a variant x and the
 * baseline y on the same replication): how many pairs had it in both, in x
 * only, in y only, in neither (Newcombe's e, f, g, h). */
struct paired_table { long both, x_only, y_only, neither; };

/* The difference p_x - p_y of the two proportions, (f - g)/n, with Newcombe's
 * hybrid score interval for paired data (Newcombe 1998, Stat Med 17:2635,
 * method 10).  n == 0 or a negative count gives NaNs. */
struct interval stats_paired_diff(struct paired_table t, double conf);

/* The same difference as if the two proportions came from independent
 * samples, kx of nx and ky of ny: Newcombe's hybrid score interval for
 * independent proportions (Newcombe 1998, Stat Med 17:873, method 10). */
struct interval stats_unpaired_diff(long kx, long nx, long ky, long ny, double conf);

/* Mean of x[i] - y[i] over n pairs with its Student-t interval (n - 1
 * degrees of freedom): zero width when every difference is the same.
 * NaNs when n == 0 or out of memory. */
struct interval stats_paired_t(const double *x, const double *y, size_t n, double conf);

/* mean(x) - mean(y) of independent samples with Welch's t interval
 * (Welch-Satterthwaite degrees of freedom); NaNs unless nx, ny >= 2. */
struct interval stats_welch_t(const double *x, size_t nx, const double *y, size_t ny,
                              double conf);

enum verdict { VERDICT_PASS, VERDICT_FAIL, VERDICT_INCONCLUSIVE };
enum verdict stats_verdict(struct interval kept, double required);
const char *verdict_name(enum verdict v);

#endif
