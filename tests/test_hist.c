/*
 * test_hist.c -- fixed-resolution histograms (engine/hist.h) against the
 * exact quantiles of the same values kept in memory and sorted (the way the
 * summary computed every quantile before it streamed): a value that is a
 * multiple of the resolution gives the exact quantile to the bit; any other
 * moves by at most half a bin; +INFINITY sorts last; histograms split in
 * parts and merged equal the whole; a series of curves added as segments
 * gives, at every step, the quantiles of the curves' values there.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_rng.h>

#include "engine/hist.h"
#include "engine/stats.h"

static const double Q[] = { 0.0, 0.05, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0 };
#define NQ (int)(sizeof Q / sizeof Q[0])

/* The reference: sort a copy, take stats_quantile_sorted. */
static double exact_quantile(const double *v, size_t n, double q)
{
    double *s = malloc((n + 1) * sizeof *s);
    assert_non_null(s);
    memcpy(s, v, n * sizeof *s);
    stats_sort(s, n);
    double x = stats_quantile_sorted(s, n, q);
    free(s);
    return x;
}

static struct hist filled(const double *v, size_t n, double scale)
{
    struct hist h;
    hist_init(&h, scale);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(hist_add(&h, v[i]), 0);
    return h;
}

/* k/31 for random k (the share of 31 sites on time), scale 31: every
 * quantile equals the exact one to the bit. */
static void lattice_exact(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 11);
    enum { N = 2001 };
    double v[N];
    for (int i = 0; i < N; i++)
        v[i] = (double)gsl_rng_uniform_int(r, 32) / 31;
    struct hist h = filled(v, N, 31);
    for (int j = 0; j < NQ; j++)
        assert_true(hist_quantile(&h, Q[j]) == exact_quantile(v, N, Q[j]));
    /* every prefix length too (n - 1 changes the interpolation) */
    for (size_t n = 1; n < 40; n++) {
        struct hist p = filled(v, n, 31);
        for (int j = 0; j < NQ; j++)
            assert_true(hist_quantile(&p, Q[j]) == exact_quantile(v, n, Q[j]));
        hist_free(&p);
    }
    hist_free(&h);
    gsl_rng_free(r);
}

/* Continuous responses (minutes, 0 to 4320) at 0.1 min: within 0.05 min of
 * the exact quantile, and equal to the exact quantile of the values rounded
 * to their bins. */
static void continuous_within_half_bin(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 12);
    enum { N = 5000 };
    static double v[N], rounded[N];
    for (int i = 0; i < N; i++) {
        v[i] = gsl_rng_uniform(r) < 0.5 ? 30 + 200 * gsl_rng_uniform(r)
                                        : 4320 * gsl_rng_uniform(r);
        rounded[i] = (double)lround(v[i] * 10) / 10;
    }
    struct hist h = filled(v, N, 10);
    for (int j = 0; j < NQ; j++) {
        double got = hist_quantile(&h, Q[j]);
        assert_true(fabs(got - exact_quantile(v, N, Q[j])) <= 0.05 + 1e-9);
        assert_true(got == exact_quantile(rounded, N, Q[j]));
    }
    hist_free(&h);
    gsl_rng_free(r);
}

/* Sites never reached: +INFINITY sorts last, and a quantile that
 * interpolates towards it is +INFINITY.  Ten values 1..7 and three inf: the
 * p95 index is 0.95 x 9 = 8.55, between rank 8 (inf) and 9 (inf) -> inf;
 * p50 index 4.5 between 5 and 6 -> 5.5; p70 index 6.3 between 7 and inf ->
 * inf; p0 -> 1. */
static void infinity_last(void **state)
{
    (void)state;
    double v[] = { 3, INFINITY, 1, 2, 7, INFINITY, 4, 6, 5, INFINITY };
    struct hist h = filled(v, 10, 10);
    assert_true(hist_quantile(&h, 0.95) == INFINITY);
    assert_true(hist_quantile(&h, 0.5) == 5.5);
    assert_true(hist_quantile(&h, 0.7) == INFINITY);
    assert_true(hist_quantile(&h, 0.0) == 1);
    for (int j = 0; j < NQ; j++) {
        double a = hist_quantile(&h, Q[j]), b = exact_quantile(v, 10, Q[j]);
        assert_true(a == b || (isinf(a) && isinf(b)));
    }
    hist_free(&h);
    struct hist e;
    hist_init(&e, 10);
    assert_true(isnan(hist_quantile(&e, 0.5)));
    hist_free(&e);
}

/* Split in five parts in any order, merged: the same counts, so the same
 * quantiles to the bit; and values far apart (a chunk table that grows
 * down and up) keep their order. */
static void merge_any_order(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 13);
    enum { N = 3000 };
    static double v[N];
    for (int i = 0; i < N; i++)
        v[i] = i % 97 == 0 ? INFINITY : 100000 * gsl_rng_uniform(r) * gsl_rng_uniform(r);
    struct hist whole = filled(v, N, 10), parts[5], merged;
    for (int p = 0; p < 5; p++)
        parts[p] = filled(v + p * (N / 5), N / 5, 10);
    hist_init(&merged, 10);
    int order[5] = { 3, 0, 4, 2, 1 };
    for (int p = 0; p < 5; p++)
        assert_int_equal(hist_merge(&merged, &parts[order[p]]), 0);
    assert_true(merged.count == N && merged.inf == whole.inf);
    for (int j = 0; j < NQ; j++)
        assert_true(hist_quantile(&merged, Q[j]) == hist_quantile(&whole, Q[j]));
    for (int p = 0; p < 5; p++)
        hist_free(&parts[p]);
    hist_free(&merged);
    hist_free(&whole);
    gsl_rng_free(r);
}

/* Random step curves (non-decreasing, like coverage; or up and down, like
 * trucks away) over 200 steps, added as their segments of constant value:
 * at every step, each quantile equals the exact quantile across curves. */
static void series_equals_columns(void **state)
{
    (void)state;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 14);
    enum { RUNS = 301, STEPS = 200 };
    static long curve[RUNS][STEPS];
    struct hist_series c;
    assert_int_equal(hist_series_init(&c, STEPS, 14), 0);
    for (int i = 0; i < RUNS; i++) {
        long v = 0;
        for (int s = 0; s < STEPS; s++) {
            if (gsl_rng_uniform(r) < 0.08)
                v = i % 2 ? (long)gsl_rng_uniform_int(r, 15) : (v < 14 ? v + 1 : v);
            curve[i][s] = v;
        }
        int from = 0;
        for (int s = 1; s <= STEPS; s++)
            if (s == STEPS || curve[i][s] != curve[i][from]) {
                assert_int_equal(hist_series_segment(&c, from, s, curve[i][from]), 0);
                from = s;
            }
    }
    double *out[NQ], col[RUNS];
    for (int j = 0; j < NQ; j++)
        assert_non_null(out[j] = malloc(STEPS * sizeof(double)));
    assert_int_equal(hist_series_quantiles(&c, Q, NQ, out), 0);
    for (int s = 0; s < STEPS; s++) {
        for (int i = 0; i < RUNS; i++)
            col[i] = (double)curve[i][s] / 14;
        for (int j = 0; j < NQ; j++)
            if (out[j][s] != exact_quantile(col, RUNS, Q[j]))
                fail_msg("step %d q %g: %.17g, exact %.17g", s, Q[j], out[j][s],
                         exact_quantile(col, RUNS, Q[j]));
    }
    for (int j = 0; j < NQ; j++)
        free(out[j]);
    hist_series_free(&c);
    gsl_rng_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lattice_exact),
        cmocka_unit_test(continuous_within_half_bin),
        cmocka_unit_test(infinity_last),
        cmocka_unit_test(merge_any_order),
        cmocka_unit_test(series_equals_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
