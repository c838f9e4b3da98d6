/*
 * test_stats.c -- the intervals, quantiles and verdict rule of stats.h.
 *
 * Every expected number is worked out independently in the comment above its
 * assertion (z = 1.959964, z^2 = 3.841459 at 95%), and a coverage test checks
 * that the Wilson interval contains the true proportion about as often as it
 * claims to.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "engine/stats.h"

/* The hand figures below carry 6 decimals. */
#define TOL 2e-6

static void assert_near(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.9f, want %.9f (tol %g)", got, want, tol);
}

/* ---- Wilson -------------------------------------------------------------- */

/* k = 81, n = 263 at 95% (the textbook example: 0.3080 [0.2553, 0.3662]).
 *   p        = 81/263                      = 0.307985
 *   z^2/n    = 3.841459/263                = 0.014606
 *   centre   = (0.307985 + 0.007303) / 1.014606 = 0.315288/1.014606 = 0.310749
 *   p(1-p)/n = 0.307985*0.692015/263       = 0.000810381
 *   z^2/4n^2 = 3.841459/276676             = 0.000013884
 *   half     = 1.959964/1.014606 * sqrt(0.000824265)
 *            = 1.931748 * 0.028710         = 0.055461
 *   lo, hi   = 0.310749 -+ 0.055461        = 0.255289, 0.366210 */
static void wilson_textbook(void **state)
{
    (void)state;
    struct interval w = stats_wilson(81, 263, 0.95);
    assert_near(w.est, 0.307985, TOL);
    assert_near(w.lo, 0.255289, TOL);
    assert_near(w.hi, 0.366210, TOL);
    /* and the textbook's 4 decimals */
    assert_near(w.est, 0.3080, 5e-5);
    assert_near(w.lo, 0.2553, 5e-5);
    assert_near(w.hi, 0.3662, 5e-5);
}

/* k = 0, n = 10: p = 0, centre = half = (z^2/2n)/(1 + z^2/n), so lo = 0 and
 * hi = (z^2/n)/(1 + z^2/n) = z^2/(n + z^2) = 3.841459/13.841459 = 0.277533.
 * lo must be exactly 0 (the formula leaves ~3e-17). */
static void wilson_none(void **state)
{
    (void)state;
    struct interval w = stats_wilson(0, 10, 0.95);
    assert_true(w.est == 0.0);
    assert_true(w.lo == 0.0);
    assert_near(w.hi, 0.277533, TOL);
}

/* k = n = 10: mirror image; hi exactly 1, lo = n/(n + z^2) =
 * 10/13.841459 = 0.722467. */
static void wilson_all(void **state)
{
    (void)state;
    struct interval w = stats_wilson(10, 10, 0.95);
    assert_true(w.est == 1.0);
    assert_true(w.hi == 1.0);
    assert_near(w.lo, 0.722467, TOL);
}

/* k = n for many n: hi is exactly 1 and lo exactly 0 for k = 0, always. */
static void wilson_exact_ends(void **state)
{
    (void)state;
    for (long n = 1; n <= 2000; n++) {
        assert_true(stats_wilson(n, n, 0.95).hi == 1.0);
        assert_true(stats_wilson(0, n, 0.95).lo == 0.0);
        assert_true(stats_wilson(n, n, 0.99).hi == 1.0);
        assert_true(stats_wilson(0, n, 0.90).lo == 0.0);
    }
}

/* n = 0: nothing known: {NAN, 0, 1}. */
static void wilson_empty(void **state)
{
    (void)state;
    struct interval w = stats_wilson(0, 0, 0.95);
    assert_true(isnan(w.est));
    assert_true(w.lo == 0.0);
    assert_true(w.hi == 1.0);
}

/* Invalid k or conf give NaN bounds, which the verdict calls INCONCLUSIVE. */
static void wilson_invalid(void **state)
{
    (void)state;
    struct interval w = stats_wilson(11, 10, 0.95);
    assert_true(isnan(w.lo) && isnan(w.hi));
    w = stats_wilson(-1, 10, 0.95);
    assert_true(isnan(w.lo) && isnan(w.hi));
    w = stats_wilson(5, 10, 1.0);
    assert_true(isnan(w.lo) && isnan(w.hi));
    assert_int_equal(stats_verdict(w, 0.5), VERDICT_INCONCLUSIVE);
}

/* A wider confidence gives a wider interval around the same estimate, and
 * the interval always contains the estimate and stays in [0, 1]. */
static void wilson_monotone(void **state)
{
    (void)state;
    for (long n = 1; n <= 60; n++)
        for (long k = 0; k <= n; k++) {
            struct interval a = stats_wilson(k, n, 0.90);
            struct interval b = stats_wilson(k, n, 0.99);
            assert_true(0.0 <= b.lo && b.lo <= a.lo && a.lo <= a.est);
            assert_true(a.est <= a.hi && a.hi <= b.hi && b.hi <= 1.0);
        }
}

/* ---- coverage ------------------------------------------------------------ */

/* splitmix64: deterministic, so the count below is fixed. */
static uint64_t rng_state = 0x5EED5EED12345678ull;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double rng_unit(void) { return (double)(rng_next() >> 11) * 0x1.0p-53; }

/* 2000 binomial samples with p = 0.9, n = 200; the 95% Wilson interval
 * should contain p in about 95% of them.  Each sample is a Bernoulli trial,
 * so the count is binomial(2000, c): for c = 0.95, 1900 +- sqrt(2000*0.95*0.05)
 * = 1900 +- 9.7 (the exact coverage at p = 0.9, n = 200, summing binomial
 * probabilities over the k whose interval covers 0.9, is 0.9561, i.e.
 * 1912 +- 9).  The band 93%..97% is 1860..1940, several sd either side. */
static void wilson_coverage(void **state)
{
    (void)state;
    const double p = 0.9;
    const long n = 200;
    const int samples = 2000;
    int covered = 0;
    for (int s = 0; s < samples; s++) {
        long k = 0;
        for (long i = 0; i < n; i++)
            k += rng_unit() < p;
        struct interval w = stats_wilson(k, n, 0.95);
        covered += w.lo <= p && p <= w.hi;
    }
    print_message("wilson coverage: %d/%d\n", covered, samples);
    assert_in_range(covered, 1860, 1940);
}

/* ---- Student-t ----------------------------------------------------------- */

/* {1,2,3,4,5} at 95%: mean 3, sd = sqrt(10/4) = 1.581139,
 * t_{4,0.975} = 2.776445, half = 2.776445 * 1.581139/sqrt(5)
 * = 2.776445 * 0.707107 = 1.963243; interval [1.036757, 4.963243]. */
static void mean_t_five(void **state)
{
    (void)state;
    const double x[] = { 1, 2, 3, 4, 5 };
    struct interval m = stats_mean_t(x, 5, 0.95);
    assert_near(m.est, 3.0, 1e-12);
    assert_near(m.hi - m.est, 1.963243, TOL);
    assert_near(m.est - m.lo, 1.963243, TOL);
    assert_near(m.lo, 1.036757, TOL);
    assert_near(m.hi, 4.963243, TOL);
}

/* n = 1: no spread to estimate; lo == hi == mean. */
static void mean_t_one(void **state)
{
    (void)state;
    const double x[] = { 7.25 };
    struct interval m = stats_mean_t(x, 1, 0.95);
    assert_true(m.est == 7.25 && m.lo == 7.25 && m.hi == 7.25);
}

/* n = 0: NaNs. */
static void mean_t_empty(void **state)
{
    (void)state;
    struct interval m = stats_mean_t(NULL, 0, 0.95);
    assert_true(isnan(m.est) && isnan(m.lo) && isnan(m.hi));
}

/* Constant data: sd 0, so the interval collapses onto the mean. */
static void mean_t_constant(void **state)
{
    (void)state;
    const double x[] = { 4, 4, 4, 4 };
    struct interval m = stats_mean_t(x, 4, 0.95);
    assert_true(m.est == 4.0 && m.lo == 4.0 && m.hi == 4.0);
}

/* ---- quantiles ----------------------------------------------------------- */

/* {1,2,3,4}: index = q*(n-1) = 3q.
 *   q = 0.5: index 1.5 -> 2 + 0.5*(3-2) = 2.5
 *   q = 0.9: index 2.7 -> 3 + 0.7*(4-3) = 3.7
 *   q = 0 -> 1, q = 1 -> 4 */
static void quantile_plain(void **state)
{
    (void)state;
    const double x[] = { 1, 2, 3, 4 };
    assert_near(stats_quantile_sorted(x, 4, 0.5), 2.5, 1e-12);
    assert_near(stats_quantile_sorted(x, 4, 0.9), 3.7, 1e-12);
    assert_true(stats_quantile_sorted(x, 4, 0.0) == 1.0);
    assert_true(stats_quantile_sorted(x, 4, 1.0) == 4.0);
}

/* {1,2,INF}: index = 2q.
 *   q = 1:    index 2, the last element       -> INFINITY
 *   q = 0.5:  index 1 exactly, element 2      -> 2 (GSL alone: 1*2 + 0*INF = NaN)
 *   q = 0.75: index 1.5, 2 + 0.5*(INF - 2)    -> INFINITY
 *   q = 0.25: index 0.5, 1 + 0.5*(2 - 1)      -> 1.5 */
static void quantile_infinite(void **state)
{
    (void)state;
    const double x[] = { 1, 2, INFINITY };
    double q1 = stats_quantile_sorted(x, 3, 1.0);
    assert_true(isinf(q1) && q1 > 0);
    assert_true(stats_quantile_sorted(x, 3, 0.5) == 2.0);
    double q75 = stats_quantile_sorted(x, 3, 0.75);
    assert_true(isinf(q75) && q75 > 0);
    assert_near(stats_quantile_sorted(x, 3, 0.25), 1.5, 1e-12);

    /* Two unreached sites: {1, INF, INF}; q = 0.5 lands on the first INF. */
    const double y[] = { 1, INFINITY, INFINITY };
    double m = stats_quantile_sorted(y, 3, 0.5);
    assert_true(isinf(m) && m > 0);
    m = stats_quantile_sorted(y, 3, 0.9);
    assert_true(isinf(m) && m > 0);

    /* All unreached. */
    const double z[] = { INFINITY, INFINITY };
    for (int i = 0; i <= 10; i++) {
        m = stats_quantile_sorted(z, 2, i / 10.0);
        assert_true(isinf(m) && m > 0);
    }
}

/* n = 0 and q outside [0,1] give NaN; n = 1 gives the element. */
static void quantile_edges(void **state)
{
    (void)state;
    const double x[] = { 5 };
    assert_true(isnan(stats_quantile_sorted(NULL, 0, 0.5)));
    assert_true(stats_quantile_sorted(x, 1, 0.0) == 5.0);
    assert_true(stats_quantile_sorted(x, 1, 0.5) == 5.0);
    assert_true(stats_quantile_sorted(x, 1, 1.0) == 5.0);
    assert_true(isnan(stats_quantile_sorted(x, 1, -0.1)));
    assert_true(isnan(stats_quantile_sorted(x, 1, 1.1)));
    assert_true(isnan(stats_quantile_sorted(x, 1, NAN)));
}

/* ---- sorting ------------------------------------------------------------- */

static void sort_infinity_last(void **state)
{
    (void)state;
    double x[] = { 3, INFINITY, -1, 2, INFINITY, 0.5, 2 };
    const double want[] = { -1, 0.5, 2, 2, 3, INFINITY, INFINITY };
    stats_sort(x, 7);
    for (int i = 0; i < 7; i++)
        assert_true(x[i] == want[i]);
    stats_sort(NULL, 0); /* nothing to do, must not crash */
}

/* ---- verdict ------------------------------------------------------------- */

/* PASS when lo >= required (lo == required is PASS), FAIL when hi < required
 * (hi just below is FAIL), INCONCLUSIVE when the interval straddles it or
 * hi == required. */
static void verdict_boundaries(void **state)
{
    (void)state;
    const double req = 0.9;
    struct interval at = { 0.95, 0.9, 0.99 };
    assert_int_equal(stats_verdict(at, req), VERDICT_PASS);

    struct interval below = { 0.85, 0.8, nextafter(0.9, 0.0) };
    assert_int_equal(stats_verdict(below, req), VERDICT_FAIL);

    struct interval straddle = { 0.9, 0.85, 0.95 };
    assert_int_equal(stats_verdict(straddle, req), VERDICT_INCONCLUSIVE);

    struct interval lo_just_below = { 0.95, nextafter(0.9, 0.0), 0.99 };
    assert_int_equal(stats_verdict(lo_just_below, req), VERDICT_INCONCLUSIVE);

    struct interval hi_at = { 0.85, 0.8, 0.9 };
    assert_int_equal(stats_verdict(hi_at, req), VERDICT_INCONCLUSIVE);

    /* No data: Wilson's {NAN, 0, 1} is INCONCLUSIVE for any 0 < required <= 1. */
    assert_int_equal(stats_verdict(stats_wilson(0, 0, 0.95), req), VERDICT_INCONCLUSIVE);
}

static void verdict_names(void **state)
{
    (void)state;
    assert_string_equal(verdict_name(VERDICT_PASS), "PASS");
    assert_string_equal(verdict_name(VERDICT_FAIL), "FAIL");
    assert_string_equal(verdict_name(VERDICT_INCONCLUSIVE), "INCONCLUSIVE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wilson_textbook),
        cmocka_unit_test(wilson_none),
        cmocka_unit_test(wilson_all),
        cmocka_unit_test(wilson_exact_ends),
        cmocka_unit_test(wilson_empty),
        cmocka_unit_test(wilson_invalid),
        cmocka_unit_test(wilson_monotone),
        cmocka_unit_test(wilson_coverage),
        cmocka_unit_test(mean_t_five),
        cmocka_unit_test(mean_t_one),
        cmocka_unit_test(mean_t_empty),
        cmocka_unit_test(mean_t_constant),
        cmocka_unit_test(quantile_plain),
        cmocka_unit_test(quantile_infinite),
        cmocka_unit_test(quantile_edges),
        cmocka_unit_test(sort_infinity_last),
        cmocka_unit_test(verdict_boundaries),
        cmocka_unit_test(verdict_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
