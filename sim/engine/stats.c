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
 *
 * Differences for decision studies (a variant against the baseline):
 *   - Paired proportions (both measured on the same replications): Newcombe's
 *     hybrid score interval, method 10 of R.G. Newcombe, "Improved confidence
 *     intervals for the difference between binomial proportions based on
 *     paired data", Statistics in Medicine 17:2635-2650 (1998).  It combines
 *     the Wilson intervals of the two margins ("square and add") with the
 *     correlation of the pairs (phi, shrunk towards 0 by n/2 when positive,
 *     as the paper does), so it needs no iteration and never leaves [-1, 1].
 *     Note: with no discordant pair it is not of zero width (the paper's own
 *     example 53, 0, 0, 1 gives -0.0729 to 0.0729): n agreeing pairs cannot
 *     prove that the two proportions are equal, only bound the difference.
 *   - Independent proportions: the same with phi = 0 (R.G. Newcombe,
 *     "Interval estimation for the difference between independent
 *     proportions: comparison of eleven methods", Stat Med 17:873-890, 1998,
 *     method 10), what the difference would be worth without the pairing.
 *   - Means: the t interval of the paired differences, and Welch's interval
 *     for independent samples, with GSL's t quantile.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

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

/* ---- differences -------------------------------------------------------- */

/* Newcombe's square-and-add: theta = p1 - p2, each p with its Wilson interval
 * [l, u], and phi the correlation of the two estimates (0 when independent). */
static struct interval square_and_add(double p1, struct interval w1, double p2,
                                      struct interval w2, double phi)
{
    double a = p1 - w1.lo, b = w2.hi - p2;       /* below p1, above p2 */
    double c = w1.hi - p1, e = p2 - w2.lo;       /* above p1, below p2 */
    double lo = (p1 - p2) - sqrt(fmax(0.0, a * a - 2.0 * phi * a * b + b * b));
    double hi = (p1 - p2) + sqrt(fmax(0.0, c * c - 2.0 * phi * c * e + e * e));
    return (struct interval){ p1 - p2, fmax(lo, -1.0), fmin(hi, 1.0) };
}

/* Newcombe's phi for method 10: (eh - fg) / sqrt of the margins' product,
 * with the numerator reduced by n/2 when positive (and not below 0); 0 when a
 * margin is empty.  In doubles: the product of four counts overflows a long. */
static double paired_phi(struct paired_table t, double n)
{
    double e = (double)t.both, f = (double)t.x_only, g = (double)t.y_only, h = (double)t.neither;
    double margins = (e + f) * (g + h) * (e + g) * (f + h);
    if (margins == 0.0)
        return 0.0;
    double num = e * h - f * g;
    if (num > n / 2.0)
        num -= n / 2.0;
    else if (num >= 0.0)
        num = 0.0;
    return num / sqrt(margins);
}

struct interval stats_paired_diff(struct paired_table t, double conf)
{
    long n = t.both + t.x_only + t.y_only + t.neither;
    if (n <= 0 || t.both < 0 || t.x_only < 0 || t.y_only < 0 || t.neither < 0 || !conf_ok(conf))
        return (struct interval){ NAN, NAN, NAN };
    long kx = t.both + t.x_only, ky = t.both + t.y_only;
    struct interval wx = stats_wilson(kx, n, conf), wy = stats_wilson(ky, n, conf);
    return square_and_add((double)kx / (double)n, wx, (double)ky / (double)n, wy,
                          paired_phi(t, (double)n));
}

struct interval stats_unpaired_diff(long kx, long nx, long ky, long ny, double conf)
{
    if (nx <= 0 || ny <= 0 || kx < 0 || ky < 0 || kx > nx || ky > ny || !conf_ok(conf))
        return (struct interval){ NAN, NAN, NAN };
    struct interval wx = stats_wilson(kx, nx, conf), wy = stats_wilson(ky, ny, conf);
    return square_and_add(wx.est, wx, wy.est, wy, 0.0);
}

struct interval stats_paired_t(const double *x, const double *y, size_t n, double conf)
{
    double *d = malloc((n ? n : 1) * sizeof *d);
    if (!d || n == 0) {
        free(d);
        return (struct interval){ NAN, NAN, NAN };
    }
    for (size_t i = 0; i < n; i++)
        d[i] = x[i] - y[i];
    struct interval r = stats_mean_t(d, n, conf);
    free(d);
    return r;
}

struct interval stats_welch_t(const double *x, size_t nx, const double *y, size_t ny,
                              double conf)
{
    if (nx < 2 || ny < 2 || !conf_ok(conf))
        return (struct interval){ NAN, NAN, NAN };
    double mx = gsl_stats_mean(x, 1, nx), my = gsl_stats_mean(y, 1, ny);
    double vx = gsl_stats_variance_m(x, 1, nx, mx) / (double)nx;
    double vy = gsl_stats_variance_m(y, 1, ny, my) / (double)ny;
    double se2 = vx + vy;
    if (se2 == 0.0)
        return (struct interval){ mx - my, mx - my, mx - my };
    double df = se2 * se2 / (vx * vx / (double)(nx - 1) + vy * vy / (double)(ny - 1));
    double half = gsl_cdf_tdist_Pinv(1.0 - (1.0 - conf) / 2.0, df) * sqrt(se2);
    return (struct interval){ mx - my, mx - my - half, mx - my + half };
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
