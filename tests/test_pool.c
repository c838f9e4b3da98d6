/*
 * test_pool.c -- ordered delivery over worker threads (engine/pool.h):
 * tasks that take random times on 1 to 8 threads are handed on in task
 * order, each once, one at a time, never more than `window` ahead of
 * delivery; a failing task or delivery stops the run with its own message
 * and nothing after it is delivered.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/pool.h"

#define TASKS 400
#define WINDOW_MAX 32

struct run {
    long next;                /* the next task expected by deliver */
    int window;
    long fail_task, fail_deliver;   /* -1: none */
    atomic_long started;      /* tasks begun */
    atomic_int inside;        /* deliver calls running now */
    int too_far, overlap;     /* a task ran a window ahead; two delivers at once */
    long slot_value[WINDOW_MAX];
};

static void *worker_new(void *ctx)
{
    (void)ctx;
    return malloc(1);
}

static void worker_free(void *w)
{
    free(w);
}

/* Task k sleeps 0 to 300 microseconds (a hash of k, so some finish far
 * out of order) and writes k * k into its slot. */
static int task(void *worker, long k, void *slot, void *ctx, char *err, size_t errlen)
{
    (void)worker;
    struct run *r = ctx;
    atomic_fetch_add(&r->started, 1);
    if (k == r->fail_task) {
        snprintf(err, errlen, "task %ld failed", k);
        return -1;
    }
    unsigned long h = (unsigned long)k * 2654435761u;
    struct timespec t = { 0, (long)(h % 300) * 1000 };
    nanosleep(&t, NULL);
    *(long *)slot = k * k;
    return 0;
}

static int deliver(long k, void *slot, void *ctx, char *err, size_t errlen)
{
    struct run *r = ctx;
    if (atomic_fetch_add(&r->inside, 1) != 0)
        r->overlap = 1;
    /* every task begun is at most window ahead of this one */
    if (atomic_load(&r->started) > k + r->window)
        r->too_far = 1;
    int rc = 0;
    if (k != r->next || *(long *)slot != k * k) {
        snprintf(err, errlen, "task %ld (slot %ld) delivered where %ld was due", k, *(long *)slot,
                 r->next);
        rc = -1;
    } else if (k == r->fail_deliver) {
        snprintf(err, errlen, "delivery %ld failed", k);
        rc = -1;
    } else {
        r->next++;
    }
    atomic_fetch_sub(&r->inside, 1);
    return rc;
}

static int run(struct run *r, int jobs, int window, char *err, size_t errlen)
{
    void *slots[WINDOW_MAX];
    for (int i = 0; i < window; i++)
        slots[i] = &r->slot_value[i];
    r->window = window;
    const struct pool_ordered w = { worker_new, task, deliver, worker_free, r, slots, window };
    return pool_run_ordered(&w, 0, TASKS, jobs, NULL, NULL, err, errlen);
}

static void in_order(void **state)
{
    (void)state;
    static const int jobs[] = { 1, 2, 3, 8 }, windows[] = { 1, 2, 4, 32 };
    for (size_t j = 0; j < 4; j++)
        for (size_t w = 0; w < 4; w++) {
            struct run r = { .fail_task = -1, .fail_deliver = -1 };
            char err[256] = "";
            if (run(&r, jobs[j], windows[w], err, sizeof err) != 0)
                fail_msg("jobs %d window %d: %s", jobs[j], windows[w], err);
            assert_int_equal(r.next, TASKS);
            assert_false(r.overlap);
            assert_false(r.too_far);
        }
}

/* A failing task stops the run with its message; what was delivered is
 * tasks before it, in order (those done on other threads but not yet handed
 * on when it failed are dropped: the run has failed). */
static void task_fails(void **state)
{
    (void)state;
    for (int jobs = 1; jobs <= 4; jobs++) {
        struct run r = { .fail_task = 137, .fail_deliver = -1 };
        char err[256] = "";
        assert_int_equal(run(&r, jobs, 8, err, sizeof err), -1);
        assert_string_equal(err, "task 137 failed");
        assert_true(r.next <= 137);
    }
}

static void deliver_fails(void **state)
{
    (void)state;
    for (int jobs = 1; jobs <= 4; jobs++) {
        struct run r = { .fail_task = -1, .fail_deliver = 250 };
        char err[256] = "";
        assert_int_equal(run(&r, jobs, 8, err, sizeof err), -1);
        assert_string_equal(err, "delivery 250 failed");
        assert_int_equal(r.next, 250);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(in_order),
        cmocka_unit_test(task_fails),
        cmocka_unit_test(deliver_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
