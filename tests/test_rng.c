/*
 * test_rng.c -- the travel-time factor with a floor (rng.h): a shifted gamma
 * F = f + (1 - f) G, G of mean 1 and cv c.  By construction
 * E[F] = f + (1 - f) x 1 = 1 and sd(F) = (1 - f) x c, and F >= f.  200,000
 * draws per case: the sample mean is within 5 standard errors
 * ((1 - f) c / sqrt(n)) of 1 and the sample sd within 2% of (1 - f) c (the sd
 * of a sample sd is about sd x sqrt((kurtosis - 1) / 4n), under 0.5% here),
 * and no draw is below f.  Also: cv 0 consumes nothing and gives 1; a floor of 0 is
 * the plain gamma factor, draw for draw.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "engine/rng.h"

#define N 200000

static void moments(double cv, double floor)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, 12345);
    double s = 0, ss = 0, min = INFINITY;
    for (int i = 0; i < N; i++) {
        double x = rng_factor_above(g, cv, floor);
        s += x;
        ss += x * x;
        min = x < min ? x : min;
    }
    gsl_rng_free(g);
    double mean = s / N, sd = sqrt((ss - N * mean * mean) / (N - 1)), want = (1 - floor) * cv;
    if (min < floor)
        fail_msg("cv %g floor %g: a draw %.9f below the floor", cv, floor, min);
    if (fabs(mean - 1.0) > 5 * want / sqrt(N))
        fail_msg("cv %g floor %g: mean %.6f, want 1 within %.6f", cv, floor, mean,
                 5 * want / sqrt(N));
    if (fabs(sd - want) > 0.02 * want)
        fail_msg("cv %g floor %g: sd %.6f, want %g within 2%%", cv, floor, sd, want);
    /* the floor is approached: some draw within 30% of the gap above it */
    if (min > floor + 0.3 * (1 - floor))
        fail_msg("cv %g floor %g: the least draw %.6f is far from the floor", cv, floor, min);
}

/* The shipped classes: village 25/40 km/h, expressway 80/100 km/h, cv 0.5 */
static void village(void **state) { (void)state; moments(0.5, 25.0 / 40.0); }
static void expressway(void **state) { (void)state; moments(0.5, 0.8); }
/* the largest cv allowed, 1: G is exponential */
static void widest(void **state) { (void)state; moments(1.0, 0.625); }

static void no_cv(void **state)
{
    (void)state;
    gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(a, 7);
    gsl_rng_set(b, 7);
    assert_true(rng_factor_above(a, 0.0, 0.625) == 1.0);
    assert_true(gsl_rng_get(a) == gsl_rng_get(b));      /* nothing drawn */
    gsl_rng_free(a);
    gsl_rng_free(b);
}

static void no_floor(void **state)
{
    (void)state;
    gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(a, 9);
    gsl_rng_set(b, 9);
    for (int i = 0; i < 1000; i++)
        assert_true(rng_factor_above(a, 0.3, 0.0) == rng_factor(b, 0.3));
    gsl_rng_free(a);
    gsl_rng_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(village), cmocka_unit_test(expressway), cmocka_unit_test(widest),
        cmocka_unit_test(no_cv), cmocka_unit_test(no_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
