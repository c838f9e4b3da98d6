/*
 * stats.c -- the statistics the verdict rests on.
 *
 * A run's verdict is not read off a point estimate: it is PASS only when the
 * whole confidence interval of the kept proportion lies at or above the
 * required level, FAIL only when it lies wholly below, and INCONCLUSIVE
 * otherwise.  So these intervals decide the answer, and they are taken from
 * GSL rather than hand-written: the normal and Student-t quantiles
 * (gsl_cdf_ugaussian_Pinv, gsl_cdf_tdist_Pinv), mean and standard deviation
 * (gsl_stats_mean, gsl_stats_sd), quantiles of sorted data
 * (gsl_stats_quantile_from_sorted_data) and sorting (gsl_sort).  Only the
 * Wilson score formula is written here, since GSL has none.
 *
 * Edge cases are settled explicitly rather than left to floating point:
 *   - Wilson: k == 0 gives lo exactly 0 and k == n gives hi exactly 1 (the
 *     formula gives them only up to rounding); n == 0 gives {NAN, 0, 1}.
 *   - Quantiles: +INFINITY is a legitimate value (an unreached site counts as
 *     late), and GSL's (1-delta)*a + delta*b gives NaN for delta == 0 and
 *     b == INFINITY; the exact-index case is answered here instead.
 *   - Invalid arguments (conf outside (0,1), k outside [0,n], q outside
 *     [0,1]) give NaN, which stats_verdict turns into INCONCLUSIVE.
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "engine/stats.h"

static int conf_ok(double conf) { return conf > 0.0 && conf < 1.0; }

struct interval stats_wilson(long k, long n, double conf)
{
    if (n == 0)
        return (struct interval){ NAN, 0.0, 1.0 };
    if (n < 0 || k < 0 || k > n)
        return (struct interval){ NAN, NAN, NAN };

    const double nn = (double)n;
    const double p = (double)k / nn;
    if (!conf_ok(conf))
        return (struct interval){ p, NAN, NAN };

    const double z = gsl_cdf_ugaussian_Pinv(1.0 - (1.0 - conf) / 2.0);
    const double z2 = z * z;
    const double denom = 1.0 + z2 / nn;
    const double centre = (p + z2 / (2.0 * nn)) / denom;
    const double half = z / denom * sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn));

    double lo = centre - half, hi = centre + half;
    if (lo < 0.0 || k == 0)
        lo = 0.0;
    if (hi > 1.0 || k == n)
        hi = 1.0;
    return (struct interval){ p, lo, hi };
}

struct interval stats_mean_t(const double *x, size_t n, double conf)
{
    if (n == 0)
        return (struct interval){ NAN, NAN, NAN };

    const double mean = gsl_stats_mean(x, 1, n);
    return stats_t_interval(mean, n > 1 ? gsl_stats_sd(x, 1, n) : 0, (long)n, conf);
}

struct interval stats_t_interval(double mean, double sd, long n, double conf)
{
    if (n <= 0)
        return (struct interval){ NAN, NAN, NAN };
    if (n == 1)
        return (struct interval){ mean, mean, mean };
    if (!conf_ok(conf))
        return (struct interval){ mean, NAN, NAN };

    const double t = gsl_cdf_tdist_Pinv(1.0 - (1.0 - conf) / 2.0, (double)(n - 1));
    const double half = t * sd / sqrt((double)n);
    return (struct interval){ mean, mean - half, mean + half };
}

/* Same linear interpolation as GSL: index = q*(n-1), lhs = floor(index),
 * result = (1-delta)*sorted[lhs] + delta*sorted[lhs+1].  q outside [0,1]
 * (or NaN) gives NaN -- GSL would read out of bounds. */
double stats_quantile_sorted(const double *sorted, size_t n, double q)
{
    if (n == 0 || !(q >= 0.0 && q <= 1.0))
        return NAN;

    /* Computed exactly as GSL computes it, so the branch below agrees with
     * GSL about which element the index lands on. */
    const double index = q * (double)(n - 1);
    const size_t lhs = (size_t)index;
    const double delta = index - (double)lhs;

    /* On an element (including q == 1): that element, whatever its neighbour;
     * GSL would give 1*a + 0*INFINITY = NaN when the neighbour is infinite. */
    if (delta == 0.0 || lhs == n - 1)
        return sorted[lhs];

    /* Strictly between two elements: GSL's interpolation, which is +INFINITY
     * when the upper one is +INFINITY (delta > 0 here). */
    return gsl_stats_quantile_from_sorted_data(sorted, 1, n, q);
}

/* Ascending; +INFINITY sorts last.  x must not contain NaN: NaN compares
 * false with everything, so the order around it would be unspecified. */
void stats_sort(double *x, size_t n)
{
    if (n > 0)
        gsl_sort(x, 1, n);
}

enum verdict stats_verdict(struct interval kept, double required)
{
    if (kept.lo >= required)
        return VERDICT_PASS;
    if (kept.hi < required)
        return VERDICT_FAIL;
    return VERDICT_INCONCLUSIVE; /* straddles, or the interval is NaN */
}

const char *verdict_name(enum verdict v)
{
    switch (v) {
    case VERDICT_PASS:
        return "PASS";
    case VERDICT_FAIL:
        return "FAIL";
    case VERDICT_INCONCLUSIVE:
        return "INCONCLUSIVE";
    }
    return "?";
}
