/*
 * test_paired.c -- the differences a decision study reports (stats.h):
 * Newcombe's hybrid score interval for paired proportions (method 10 of
 * Newcombe 1998, Stat Med 17:2635) and for independent ones (method 10 of
 * Newcombe 1998, Stat Med 17:873), the paired t interval and Welch's.
 *
 * The paired examples are the four worked in the paper (its table of
 * examples: e, f, g, h = pairs with the outcome in both, the first only, the
 * second only, neither), with the paper's 4-decimal limits, and each is
 * worked again by hand in its comment (z = 1.959964, z^2 = 3.841459; Wilson
 * limits as in test_stats.c).  The independent examples are the paper's
 * 56/70 - 48/80 and 9/10 - 3/10.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "engine/stats.h"

#define PAPER 5e-5      /* the paper prints 4 decimals */
#define HAND 2e-6       /* the hand figures carry 6 */

static void assert_near(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.9f, want %.9f (tol %g)", got, want, tol);
}

/* e, f, g, h = 36, 12, 2, 0 (n = 50): p1 = 48/50 = 0.96, p2 = 38/50 = 0.76,
 * theta = (12 - 2)/50 = 0.2.
 *   Wilson 48/50: [0.865399, 0.988961]; Wilson 38/50: [0.625873, 0.857026]
 *   phi: eh - fg = 0 - 24 = -24 < 0, margins 48 x 2 x 38 x 12 = 43776,
 *        sqrt = 209.2272, phi = -0.114708
 *   delta = sqrt(0.094601^2 + 2 x 0.114708 x 0.094601 x 0.097026 + 0.097026^2)
 *         = sqrt(0.0089493 + 0.0021058 + 0.0094141) = sqrt(0.0204692) = 0.143071
 *   eps   = sqrt(0.028961^2 + 2 x 0.114708 x 0.028961 x 0.134127 + 0.134127^2)
 *         = sqrt(0.00083874 + 0.00089117 + 0.0179900) = sqrt(0.0197199) = 0.140428
 *   limits 0.2 - 0.143071 = 0.056929, 0.2 + 0.140428 = 0.340428
 * The paper: 0.0569 to 0.3404. */
static void paper_36_12_2_0(void **state)
{
    (void)state;
    struct interval d = stats_paired_diff((struct paired_table){ 36, 12, 2, 0 }, 0.95);
    assert_near(d.est, 0.2, 1e-15);
    assert_near(d.lo, 0.056929, HAND);
    assert_near(d.hi, 0.340428, HAND);
    assert_near(d.lo, 0.0569, PAPER);
    assert_near(d.hi, 0.3404, PAPER);
}

/* 18, 12, 2, 18 (n = 50): p1 = 0.6, p2 = 0.4, theta = 0.2.
 *   Wilson 30/50: [0.461814, 0.723916]; 20/50: [0.276084, 0.538186]
 *   phi: eh - fg = 324 - 24 = 300 > n/2, so (300 - 25)/sqrt(30 x 20 x 20 x 30)
 *        = 275/600 = 0.458333
 *   delta: a = 0.6 - 0.461814 = 0.138186 = b = 0.538186 - 0.4, so
 *          delta = a sqrt(2 - 2 x 0.458333) = 0.138186 x 1.040833 = 0.143828
 *   eps:   c = 0.123916 = e, eps = 0.123916 x 1.040833 = 0.128976
 *   limits 0.056172, 0.328976.  The paper: 0.0562 to 0.3290. */
static void paper_18_12_2_18(void **state)
{
    (void)state;
    struct interval d = stats_paired_diff((struct paired_table){ 18, 12, 2, 18 }, 0.95);
    assert_near(d.est, 0.2, 1e-15);
    assert_near(d.lo, 0.056172, HAND);
    assert_near(d.hi, 0.328976, HAND);
    assert_near(d.lo, 0.0562, PAPER);
    assert_near(d.hi, 0.3290, PAPER);
}

/* No discordant pair: 53, 0, 0, 1 (n = 54), theta = 0 exactly.
 *   Both margins 53/54 = 0.981481, Wilson [0.902286, 0.996724]
 *   phi: eh - fg = 53 > 27, (53 - 27)/sqrt(53 x 1 x 53 x 1) = 26/53 = 0.490566
 *   a = 0.981481 - 0.902286 = 0.079196, b = 0.996724 - 0.981481 = 0.015242
 *   delta = sqrt(0.0062720 - 2 x 0.490566 x 0.079196 x 0.015242 + 0.00023232)
 *         = sqrt(0.0062720 - 0.0011843 + 0.00023232) = sqrt(0.0053200) = 0.072938
 *   and eps the same by symmetry: -0.072938 to 0.072938.
 * Agreement in every pair is not proof of equality: the interval is not of
 * zero width.  The paper: -0.0729 to 0.0729. */
static void paper_no_discordant_pair(void **state)
{
    (void)state;
    struct interval d = stats_paired_diff((struct paired_table){ 53, 0, 0, 1 }, 0.95);
    assert_true(d.est == 0.0);
    assert_near(d.lo, -0.072938, HAND);
    assert_near(d.hi, 0.072938, HAND);
    assert_near(d.lo, -0.0729, PAPER);
    assert_near(d.hi, 0.0729, PAPER);
}

/* Every pair discordant, all one way: 0, 30, 0, 0 (n = 30), theta = 1.
 *   Wilson 30/30: lower 30/(30 + z^2) = 30/33.841459 = 0.886487, upper 1;
 *   Wilson 0/30: [0, z^2/(30 + z^2) = 0.113513]; a margin is empty: phi = 0
 *   delta = sqrt((1 - 0.886487)^2 + 0.113513^2) = 0.113513 x sqrt 2 = 0.160532
 *   eps = sqrt(0 + 0) = 0
 *   limits 0.839468, 1.  The paper: 0.8395 to 1. */
static void paper_all_discordant(void **state)
{
    (void)state;
    struct interval d = stats_paired_diff((struct paired_table){ 0, 30, 0, 0 }, 0.95);
    assert_true(d.est == 1.0);
    assert_near(d.lo, 0.839468, HAND);
    assert_near(d.lo, 0.8395, PAPER);
    assert_true(d.hi == 1.0);
    /* and the other way round, by symmetry */
    d = stats_paired_diff((struct paired_table){ 0, 0, 30, 0 }, 0.95);
    assert_true(d.est == -1.0);
    assert_true(d.lo == -1.0);
    assert_near(d.hi, -0.839468, HAND);
}

/* Every pair kept by both, n = 100 (a variant that changes nothing in a run
 * where the promise always holds): a margin is empty, phi = 0; both Wilson
 * lowers are 100/(100 + z^2) = 0.963007, uppers 1, so
 *   delta = 1 - 0.963007 = z^2/(n + z^2) = 3.841459/103.841459 = 0.036993
 * and eps the same: 0 +- 0.036993. */
static void all_concordant(void **state)
{
    (void)state;
    struct interval d = stats_paired_diff((struct paired_table){ 100, 0, 0, 0 }, 0.95);
    assert_true(d.est == 0.0);
    assert_near(d.lo, -0.036993, HAND);
    assert_near(d.hi, 0.036993, HAND);
    d = stats_paired_diff((struct paired_table){ 0, 0, 0, 100 }, 0.95);
    assert_true(d.est == 0.0);
    assert_near(d.lo, -0.036993, HAND);
    assert_near(d.hi, 0.036993, HAND);
}

static void paired_invalid(void **state)
{
    (void)state;
    assert_true(isnan(stats_paired_diff((struct paired_table){ 0, 0, 0, 0 }, 0.95).est));
    assert_true(isnan(stats_paired_diff((struct paired_table){ 1, -1, 0, 0 }, 0.95).lo));
    assert_true(isnan(stats_paired_diff((struct paired_table){ 5, 1, 1, 5 }, 1.0).hi));
}

/* Independent: 56/70 - 48/80 = 0.8 - 0.6 = 0.2.
 *   Wilson 56/70: [0.691834, 0.876953]; 48/80: [0.490455, 0.700382]
 *   lo = 0.2 - sqrt(0.108166^2 + 0.100382^2) = 0.2 - sqrt(0.011700 + 0.010077)
 *      = 0.2 - 0.147569 = 0.052431
 *   hi = 0.2 + sqrt(0.076953^2 + 0.109545^2) = 0.2 + sqrt(0.0059217 + 0.0120002)
 *      = 0.2 + 0.133873 = 0.333873
 * The paper: 0.0524 to 0.3339.  And 9/10 - 3/10: 0.1705 to 0.8090. */
static void paper_unpaired(void **state)
{
    (void)state;
    struct interval d = stats_unpaired_diff(56, 70, 48, 80, 0.95);
    assert_near(d.est, 0.2, 1e-12);
    assert_near(d.lo, 0.052431, HAND);
    assert_near(d.hi, 0.333873, HAND);
    assert_near(d.lo, 0.0524, PAPER);
    assert_near(d.hi, 0.3339, PAPER);
    d = stats_unpaired_diff(9, 10, 3, 10, 0.95);
    assert_near(d.lo, 0.1705, PAPER);
    assert_near(d.hi, 0.8090, PAPER);
}

/* Pairing narrows the interval when the pairs agree: 18, 12, 2, 18 as
 * independent samples (30/50 - 20/50) is 0.2 - sqrt(2) x 0.138186 =
 * 0.004576 to 0.2 + sqrt(2) x 0.123916 = 0.375244, wider than the paired
 * 0.056172 to 0.328976 above. */
static void pairing_narrows(void **state)
{
    (void)state;
    struct interval u = stats_unpaired_diff(30, 50, 20, 50, 0.95);
    struct interval p = stats_paired_diff((struct paired_table){ 18, 12, 2, 18 }, 0.95);
    assert_near(u.lo, 0.004576, HAND);
    assert_near(u.hi, 0.375244, HAND);
    assert_true(p.hi - p.lo < u.hi - u.lo);
}

/* Paired t: x = 3, 5, 7, 9 and y = 1, 2, 3, 4, differences 2, 3, 4, 5:
 * mean 3.5, sd sqrt(((1.5)^2 + 0.5^2 + 0.5^2 + 1.5^2)/3) = sqrt(5/3) = 1.290994,
 * t(0.975, 3) = 3.182446, half = 3.182446 x 1.290994/2 = 2.054260. */
static void paired_t_hand(void **state)
{
    (void)state;
    const double x[] = { 3, 5, 7, 9 }, y[] = { 1, 2, 3, 4 };
    struct interval d = stats_paired_t(x, y, 4, 0.95);
    assert_near(d.est, 3.5, 1e-12);
    assert_near(d.lo, 3.5 - 2.054260, HAND);
    assert_near(d.hi, 3.5 + 2.054260, HAND);
}

/* The same difference in every pair: zero width at that difference. */
static void paired_t_constant(void **state)
{
    (void)state;
    const double x[] = { 0.5, 0.75, 1.0 }, y[] = { 0.25, 0.5, 0.75 };
    struct interval d = stats_paired_t(x, y, 3, 0.95);
    assert_true(d.est == 0.25 && d.lo == 0.25 && d.hi == 0.25);
    assert_true(isnan(stats_paired_t(x, y, 0, 0.95).est));
}

/* Welch: x = 1, 2, 3, 4 (mean 2.5, var 5/3), y = 2, 4, 6 (mean 4, var 4):
 *   vx = (5/3)/4 = 0.416667, vy = 4/3 = 1.333333, se^2 = 1.75, se = 1.322876
 *   df = 1.75^2 / (0.416667^2/3 + 1.333333^2/2) = 3.0625/(0.057870 + 0.888889)
 *      = 3.0625/0.946759 = 3.234719
 *   t(0.975, 3.234719) = 3.055713: Simpson's rule on the t density
 *   Gamma((v+1)/2)/(Gamma(v/2) sqrt(v pi)) (1 + x^2/v)^(-(v+1)/2) from 0 to t,
 *   20000 steps, solved for 0.475 by bisection (and the same gives the
 *   tables' 3.182446 at 3 df, 2.776445 at 4)
 *   half = 3.055713 x 1.322876 = 4.042328 */
static void welch_hand(void **state)
{
    (void)state;
    const double x[] = { 1, 2, 3, 4 }, y[] = { 2, 4, 6 };
    struct interval d = stats_welch_t(x, 4, y, 3, 0.95);
    assert_near(d.est, -1.5, 1e-12);
    assert_near(d.lo, -1.5 - 4.042328, 1e-5);
    assert_near(d.hi, -1.5 + 4.042328, 1e-5);
    /* equal samples of no spread: zero width */
    const double c[] = { 2, 2, 2 };
    d = stats_welch_t(c, 3, c, 3, 0.95);
    assert_true(d.est == 0.0 && d.lo == 0.0 && d.hi == 0.0);
    assert_true(isnan(stats_welch_t(x, 1, y, 3, 0.95).est));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paper_36_12_2_0),
        cmocka_unit_test(paper_18_12_2_18),
        cmocka_unit_test(paper_no_discordant_pair),
        cmocka_unit_test(paper_all_discordant),
        cmocka_unit_test(all_concordant),
        cmocka_unit_test(paired_invalid),
        cmocka_unit_test(paper_unpaired),
        cmocka_unit_test(pairing_narrows),
        cmocka_unit_test(paired_t_hand),
        cmocka_unit_test(paired_t_constant),
        cmocka_unit_test(welch_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
