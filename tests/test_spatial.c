/*
 * test_spatial.c -- the grid of points and its outward walks.
 *
 * Random point sets (clustered, spread, on one line of latitude or longitude,
 * all at one point, empty) and random query points inside and outside their
 * box: every walk returns every point exactly once, and before each cell the
 * bound is no more than the great-circle distance of any point still to come;
 * spatial_nearest agrees with a scan of all points (lowest index on a tie).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"
#include "engine/geo.h"
#include "engine/spatial.h"

#define MAX_POINTS 600

/* n points of one of five shapes around (lon0, lat0). */
static int random_points(struct rng *g, double *lon, double *lat)
{
    int n = rng_int(g, 0, MAX_POINTS), shape = rng_int(g, 0, 4);
    double lon0 = -170 + 340 * rng_unit(g), lat0 = -75 + 150 * rng_unit(g);
    double span = rng_unit(g) < 0.5 ? 0.5 : 8.0;
    for (int i = 0; i < n; i++) {
        double a = rng_unit(g), b = rng_unit(g);
        if (shape == 0 && i > 0 && rng_unit(g) < 0.3) {      /* clusters and repeats */
            int j = rng_int(g, 0, i - 1);
            lon[i] = lon[j] + (rng_unit(g) < 0.5 ? 0 : 1e-4 * a);
            lat[i] = lat[j];
            continue;
        }
        lon[i] = lon0 + (shape == 2 ? 0 : span * a);
        lat[i] = lat0 + (shape == 3 ? 0 : span * b * 0.7);
        if (shape == 4)
            lon[i] = lon0, lat[i] = lat0;
    }
    return n;
}

static void check_walk(const struct spatial *g, int n, const double *lon, const double *lat,
                       double qlon, double qlat)
{
    static unsigned char seen[MAX_POINTS];
    static double km[MAX_POINTS];
    struct spatial_walk w;
    const int *items;
    int got = 0, k;
    memset(seen, 0, sizeof seen);
    for (int i = 0; i < n; i++)
        km[i] = geo_km(qlon, qlat, lon[i], lat[i]);
    spatial_walk_start(g, &w, qlon, qlat);
    for (;;) {
        double bound = spatial_walk_bound(g, &w);
        for (int i = 0; i < n; i++)
            if (!seen[i])
                assert_true(bound <= km[i]);
        if ((k = spatial_walk_next(g, &w, &items)) < 0)
            break;
        for (int j = 0; j < k; j++) {
            assert_true(items[j] >= 0 && items[j] < n);
            assert_false(seen[items[j]]);
            assert_true(j == 0 || items[j] > items[j - 1]);
            seen[items[j]] = 1;
            got++;
        }
    }
    assert_int_equal(got, n);
    assert_true(spatial_walk_bound(g, &w) == INFINITY);
}

static int brute_nearest(int n, const double *lon, const double *lat, double qlon, double qlat)
{
    int best = -1;
    double best_km = INFINITY;
    for (int i = 0; i < n; i++) {
        double km = geo_km(qlon, qlat, lon[i], lat[i]);
        if (km < best_km)
            best_km = km, best = i;
    }
    return best;
}

static void test_random_grids(void **state)
{
    static double lon[MAX_POINTS], lat[MAX_POINTS];
    (void)state;
    for (uint64_t seed = 0; seed < 200; seed++) {
        struct rng g = { seed * 7919 + 1 };
        int n = random_points(&g, lon, lat);
        struct spatial *sp = spatial_create(n, lon, lat);
        assert_non_null(sp);
        for (int q = 0; q < 20; q++) {
            double qlon, qlat;
            if (n > 0 && rng_unit(&g) < 0.4) {        /* at a point: its own index or a lower twin */
                int i = rng_int(&g, 0, n - 1);
                qlon = lon[i], qlat = lat[i];
            } else {                                  /* anywhere nearby, also outside the box */
                int i = n > 0 ? rng_int(&g, 0, n - 1) : 0;
                qlon = (n ? lon[i] : 0) + 12 * (rng_unit(&g) - 0.5);
                qlat = fmax(-85, fmin(85, (n ? lat[i] : 0) + 12 * (rng_unit(&g) - 0.5)));
            }
            if (q < 5)
                check_walk(sp, n, lon, lat, qlon, qlat);
            assert_int_equal(spatial_nearest(sp, qlon, qlat), brute_nearest(n, lon, lat, qlon, qlat));
        }
        spatial_free(sp);
    }
}

/* Three points by hand: (116.0, 34.0), (116.1, 34.0), (116.0, 34.0) again;
 * the nearest to the first point is index 0 (its twin 2 comes later), to
 * (116.09, 34.0) index 1. */
static void test_hand(void **state)
{
    static const double lon[] = { 116.0, 116.1, 116.0 }, lat[] = { 34.0, 34.0, 34.0 };
    struct spatial *sp = spatial_create(3, lon, lat);
    (void)state;
    assert_int_equal(spatial_nearest(sp, 116.0, 34.0), 0);
    assert_int_equal(spatial_nearest(sp, 116.09, 34.0), 1);
    spatial_free(sp);
    sp = spatial_create(0, NULL, NULL);
    assert_int_equal(spatial_nearest(sp, 116.0, 34.0), -1);
    spatial_free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_grids),
        cmocka_unit_test(test_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
