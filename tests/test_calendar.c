/*
 * test_calendar.c -- the event calendar.
 *
 * A million random events with many exact ties are popped and compared with
 * the order qsort gives on (time, seq); random interleavings of schedule and
 * pop (the hold model and a free mix) are compared with a brute-force minimum
 * scan.  Hand cases pin ties, reset, the empty calendar, growth from capacity
 * 1 and the independence of two calendars.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "engine/calendar.h"
#include "splitmix.h"

/* ---- deterministic PRNG (splitmix.h) ------------------------------------ */

/* Uniform integer in [0, n). */
static int rng_below(struct rng *g, int n) { return (int)(rng_next(g) % (uint64_t)n); }

/* ---- reference order ----------------------------------------------------- */

static int ref_before(const struct event *x, const struct event *y)
{
    return x->time < y->time || (x->time == y->time && x->seq < y->seq);
}

static int cmp_event(const void *pa, const void *pb)
{
    const struct event *x = pa, *y = pb;
    return ref_before(x, y) ? -1 : ref_before(y, x) ? 1 : 0;
}

/* Same event: time compared with == (so -0.0 matches 0.0), all else exactly. */
static void assert_same_event(const struct event *got, const struct event *want)
{
    assert_true(got->time == want->time);
    assert_int_equal(got->seq, want->seq);
    assert_int_equal(got->type, want->type);
    assert_int_equal(got->a, want->a);
    assert_int_equal(got->b, want->b);
}

/* ---- a million events against qsort -------------------------------------- */

static void test_million_against_qsort(void **state)
{
    (void)state;
    enum { N = 1000000 };
    struct rng g = { 20240601 };
    struct event *ref = malloc(N * sizeof *ref);
    assert_non_null(ref);
    struct calendar *c = cal_create(16);
    assert_non_null(c);

    for (int i = 0; i < N; i++) {
        double t;
        int kind = rng_below(&g, 100);
        if (kind < 60)      t = floor(rng_unit(&g) * 5000.0) * 0.25;   /* coarse grid: ~200 per point */
        else if (kind < 90) t = rng_unit(&g) * 1250.0;                 /* continuous */
        else if (kind < 95) t = 0.0;                                   /* a big tie at time 0 */
        else if (kind < 97) t = -floor(rng_unit(&g) * 10.0);           /* before onset */
        else if (kind < 98) t = INFINITY;
        else if (kind < 99) t = DBL_MAX;
        else                t = -0.0;                                  /* ties with 0.0 */
        int type = rng_below(&g, 7), b = (int)(rng_next(&g) & 0x7fffffff);
        ref[i] = (struct event){ .time = t, .seq = (uint64_t)i, .type = type, .a = i, .b = b };
        assert_int_equal(cal_schedule(c, t, type, i, b), 0);
    }
    assert_int_equal(cal_size(c), N);
    qsort(ref, N, sizeof *ref, cmp_event);

    for (int i = 0; i < N; i++) {
        struct event e;
        assert_true(cal_peek_time(c) == ref[i].time);
        assert_int_equal(cal_pop(c, &e), 0);
        assert_same_event(&e, &ref[i]);
        assert_int_equal(cal_size(c), N - 1 - i);
    }
    struct event e;
    assert_int_equal(cal_pop(c, &e), -1);
    assert_true(isinf(cal_peek_time(c)) && cal_peek_time(c) > 0);
    cal_free(c);
    free(ref);
}

/* ---- interleavings against a brute-force minimum scan -------------------- */

/* The pending set as a plain array; the earliest found by scanning. */
struct refset { struct event *v; int n; uint64_t seq; };

static void ref_schedule(struct refset *r, double t, int type, int a, int b)
{
    r->v[r->n++] = (struct event){ .time = t, .seq = r->seq++, .type = type, .a = a, .b = b };
}

static struct event ref_pop(struct refset *r)
{
    int m = 0;
    for (int i = 1; i < r->n; i++)
        if (ref_before(&r->v[i], &r->v[m])) m = i;
    struct event e = r->v[m];
    r->v[m] = r->v[--r->n];
    return e;
}

/* Coarse exponential increment: often exactly 0, so new events tie with now. */
static double coarse_increment(struct rng *g)
{
    return floor(-log(1.0 - rng_unit(g)) * 4.0) * 0.5;
}

static void test_hold_against_reference(void **state)
{
    (void)state;
    static const int sizes[] = { 1, 2, 3, 5, 17, 64, 300 };
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        int pending = sizes[s];
        struct rng g = { 7 + s };
        struct refset r = { malloc((size_t)pending * sizeof *r.v), 0, 0 };
        assert_non_null(r.v);
        struct calendar *c = cal_create(1);
        assert_non_null(c);

        for (int i = 0; i < pending; i++) {
            double t = coarse_increment(&g);
            ref_schedule(&r, t, 1, i, -i);
            assert_int_equal(cal_schedule(c, t, 1, i, -i), 0);
        }
        for (int k = 0; k < 100000; k++) {
            struct event want = ref_pop(&r), got;
            assert_true(cal_peek_time(c) == want.time);
            assert_int_equal(cal_pop(c, &got), 0);
            assert_same_event(&got, &want);
            double t = got.time + coarse_increment(&g);
            int type = k % 5;
            ref_schedule(&r, t, type, got.a, k);
            assert_int_equal(cal_schedule(c, t, type, got.a, k), 0);
            assert_int_equal(cal_size(c), pending);
        }
        cal_free(c);
        free(r.v);
    }
}

static void test_random_mix_against_reference(void **state)
{
    (void)state;
    enum { MAXN = 200, OPS = 300000 };
    struct rng g = { 99 };
    struct refset r = { malloc(MAXN * sizeof *r.v), 0, 0 };
    assert_non_null(r.v);
    struct calendar *c = cal_create(2);
    assert_non_null(c);
    double now = 0.0;

    for (int k = 0; k < OPS; k++) {
        /* Drift between filling and draining so the size sweeps 0 .. MAXN. */
        int fill = (k / 5000) % 2 == 0 ? 60 : 40;
        int do_schedule = r.n == 0 || (r.n < MAXN && rng_below(&g, 100) < fill);
        if (do_schedule) {
            double t = now + coarse_increment(&g);
            if (rng_below(&g, 20) == 0) t = now - 1.0;   /* into the past: still ordered */
            int type = rng_below(&g, 3), a = k, b = rng_below(&g, 1000);
            ref_schedule(&r, t, type, a, b);
            assert_int_equal(cal_schedule(c, t, type, a, b), 0);
        } else {
            struct event want = ref_pop(&r), got;
            assert_int_equal(cal_pop(c, &got), 0);
            assert_same_event(&got, &want);
            now = got.time;
        }
        assert_int_equal(cal_size(c), r.n);
        if (r.n == 0) assert_true(isinf(cal_peek_time(c)));
    }
    cal_free(c);
    free(r.v);
}

/* ---- hand cases ---------------------------------------------------------- */

static void test_ties_pop_in_insertion_order(void **state)
{
    (void)state;
    struct calendar *c = cal_create(4);
    assert_non_null(c);
    /* 500 events at time 5 interleaved with events at 4 and 6, scheduled in a scrambled order. */
    for (int i = 0; i < 500; i++) {
        assert_int_equal(cal_schedule(c, 6.0, 2, i, 0), 0);
        assert_int_equal(cal_schedule(c, 5.0, 1, i, 0), 0);
        assert_int_equal(cal_schedule(c, 4.0, 0, i, 0), 0);
    }
    struct event e;
    for (int type = 0; type < 3; type++) {
        for (int i = 0; i < 500; i++) {
            assert_int_equal(cal_pop(c, &e), 0);
            assert_true(e.time == 4.0 + type);
            assert_int_equal(e.type, type);
            assert_int_equal(e.a, i);                 /* insertion order within the tie */
            assert_int_equal(e.seq, 3 * i + (2 - type));
        }
    }
    assert_int_equal(cal_pop(c, &e), -1);

    /* -0.0 and 0.0 are the same time: insertion order decides. */
    assert_int_equal(cal_schedule(c, 0.0, 0, 1, 0), 0);
    assert_int_equal(cal_schedule(c, -0.0, 0, 2, 0), 0);
    assert_int_equal(cal_schedule(c, 0.0, 0, 3, 0), 0);
    for (int i = 1; i <= 3; i++) {
        assert_int_equal(cal_pop(c, &e), 0);
        assert_int_equal(e.a, i);
    }
    cal_free(c);
}

static void test_reset_restarts_seq(void **state)
{
    (void)state;
    struct calendar *c = cal_create(1);
    assert_non_null(c);
    for (int i = 0; i < 100; i++) assert_int_equal(cal_schedule(c, 100.0 - i, 0, i, 0), 0);
    struct event e;
    assert_int_equal(cal_pop(c, &e), 0);
    assert_int_equal(e.seq, 99);
    assert_int_equal(e.a, 99);

    cal_reset(c);
    assert_int_equal(cal_size(c), 0);
    assert_true(isinf(cal_peek_time(c)));
    assert_int_equal(cal_pop(c, &e), -1);

    for (int i = 0; i < 3; i++) assert_int_equal(cal_schedule(c, 1.0, 0, i, 0), 0);
    assert_int_equal(cal_size(c), 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(cal_pop(c, &e), 0);
        assert_int_equal(e.seq, i);       /* seq restarted at 0 */
        assert_int_equal(e.a, i);
    }
    /* Reset of an empty calendar, and reset twice. */
    cal_reset(c);
    cal_reset(c);
    assert_int_equal(cal_schedule(c, 2.0, 0, 0, 0), 0);
    assert_int_equal(cal_pop(c, &e), 0);
    assert_int_equal(e.seq, 0);
    cal_free(c);
}

static void test_empty_calendar(void **state)
{
    (void)state;
    struct calendar *c = cal_create(8);
    assert_non_null(c);
    struct event e;
    assert_int_equal(cal_size(c), 0);
    assert_int_equal(cal_pop(c, &e), -1);
    assert_true(isinf(cal_peek_time(c)) && cal_peek_time(c) > 0);

    assert_int_equal(cal_schedule(c, 3.5, 9, 1, 2), 0);
    assert_true(cal_peek_time(c) == 3.5);
    assert_int_equal(cal_pop(c, &e), 0);
    assert_true(e.time == 3.5);
    assert_int_equal(e.type, 9);
    assert_int_equal(e.a, 1);
    assert_int_equal(e.b, 2);
    /* Empty again after draining. */
    assert_int_equal(cal_pop(c, &e), -1);
    assert_int_equal(cal_pop(c, &e), -1);
    assert_int_equal(cal_size(c), 0);
    assert_true(isinf(cal_peek_time(c)));
    cal_free(c);
    cal_free(NULL);
}

static void test_growth_from_capacity_one(void **state)
{
    (void)state;
    enum { N = 100000 };
    static const int initial[] = { 1, 0, -5 };   /* 0 and negative behave as 1 */
    for (size_t k = 0; k < sizeof initial / sizeof *initial; k++) {
        struct calendar *c = cal_create(initial[k]);
        assert_non_null(c);
        /* Descending times: every schedule sifts all the way to the root. */
        for (int i = 0; i < N; i++) {
            assert_int_equal(cal_schedule(c, (double)(N - i), 0, i, 0), 0);
            assert_int_equal(cal_size(c), i + 1);
            assert_true(cal_peek_time(c) == (double)(N - i));
        }
        struct event e;
        for (int i = 0; i < N; i++) {
            assert_int_equal(cal_pop(c, &e), 0);
            assert_true(e.time == (double)(i + 1));
            assert_int_equal(e.a, N - 1 - i);
        }
        assert_int_equal(cal_pop(c, &e), -1);
        /* Memory is kept: refill after draining. */
        for (int i = 0; i < N; i++) assert_int_equal(cal_schedule(c, (double)i, 0, i, 0), 0);
        assert_int_equal(cal_size(c), N);
        cal_free(c);
    }
}

static void test_peek_tracks_minimum(void **state)
{
    (void)state;
    struct rng g = { 5 };
    struct calendar *c = cal_create(1);
    assert_non_null(c);
    double min = INFINITY;
    for (int i = 0; i < 1000; i++) {
        double t = rng_unit(&g) * 100.0 - 50.0;
        if (t < min) min = t;
        assert_int_equal(cal_schedule(c, t, 0, i, 0), 0);
        assert_true(cal_peek_time(c) == min);
    }
    double prev = -INFINITY;
    struct event e;
    while (cal_size(c) > 0) {
        double peek = cal_peek_time(c);
        assert_int_equal(cal_pop(c, &e), 0);
        assert_true(e.time == peek);
        assert_true(e.time >= prev);
        prev = e.time;
    }
    cal_free(c);
}

static void test_two_calendars_are_independent(void **state)
{
    (void)state;
    struct calendar *x = cal_create(1), *y = cal_create(1);
    assert_non_null(x);
    assert_non_null(y);
    for (int i = 0; i < 50; i++) {
        assert_int_equal(cal_schedule(x, 1.0, 0, i, 0), 0);
        if (i % 2 == 0) assert_int_equal(cal_schedule(y, 1.0, 1, i, 0), 0);
    }
    assert_int_equal(cal_size(x), 50);
    assert_int_equal(cal_size(y), 25);
    cal_reset(x);
    assert_int_equal(cal_size(y), 25);
    struct event e;
    for (int i = 0; i < 25; i++) {
        assert_int_equal(cal_pop(y, &e), 0);
        assert_int_equal(e.seq, i);       /* y's own sequence */
        assert_int_equal(e.a, 2 * i);
        assert_int_equal(e.type, 1);
    }
    cal_free(x);
    cal_free(y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_million_against_qsort),
        cmocka_unit_test(test_hold_against_reference),
        cmocka_unit_test(test_random_mix_against_reference),
        cmocka_unit_test(test_ties_pop_in_insertion_order),
        cmocka_unit_test(test_reset_restarts_seq),
        cmocka_unit_test(test_empty_calendar),
        cmocka_unit_test(test_growth_from_capacity_one),
        cmocka_unit_test(test_peek_tracks_minimum),
        cmocka_unit_test(test_two_calendars_are_independent),
    };
    return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
