/*
 * pool.c -- worker threads over numbered tasks (see pool.h).  Cost: one
 * atomic increment per task; the caller's thread sleeps 0.1 s between
 * progress reports.  Ordered delivery (pool_run_ordered) adds one mutex
 * taken twice per task; a task waits only when it is a whole window ahead.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "engine/pool.h"
#include "engine/stop.h"

struct job {
    const struct pool_work *w;
    long to;
    atomic_long next, done;
    atomic_int stop;
    pthread_mutex_t lock;
    char err[1024];
};

static void fail(struct job *j, const char *msg)
{
    pthread_mutex_lock(&j->lock);
    if (!j->err[0])
        snprintf(j->err, sizeof j->err, "%s", msg);
    pthread_mutex_unlock(&j->lock);
    atomic_store(&j->stop, 1);
}

static void *thread_main(void *arg)
{
    struct job *j = arg;
    char err[1024];
    void *worker = j->w->worker_new(j->w->ctx);
    if (!worker) {
        fail(j, "out of memory creating a worker");
        return NULL;
    }
    for (;;) {
        long k = atomic_fetch_add(&j->next, 1);
        if (k >= j->to || atomic_load(&j->stop))
            break;
        if (stop_requested()) {
            fail(j, "interrupted");
            break;
        }
        if (j->w->task(worker, k, j->w->ctx, err, sizeof err) < 0) {
            fail(j, err);
            break;
        }
        atomic_fetch_add(&j->done, 1);
    }
    j->w->worker_free(worker);
    return NULL;
}

static void watch(struct job *j, long total, progress_fn progress, void *arg)
{
    struct timespec tick = { 0, 100 * 1000 * 1000 };
    while (atomic_load(&j->done) < total && !atomic_load(&j->stop) && !stop_requested()) {
        if (progress)
            progress(atomic_load(&j->done), total, arg);
        nanosleep(&tick, NULL);
    }
}

int pool_run(const struct pool_work *w, long from, long to, int jobs, progress_fn progress,
             void *arg, char *err, size_t errlen)
{
    struct job j = { .w = w, .to = to };
    atomic_init(&j.next, from);
    atomic_init(&j.done, 0);
    atomic_init(&j.stop, 0);
    pthread_mutex_init(&j.lock, NULL);
    pthread_t th[POOL_MAX_THREADS];
    int started = 0;
    jobs = jobs < 1 ? 1 : jobs > POOL_MAX_THREADS ? POOL_MAX_THREADS : jobs;
    for (; started < jobs; started++)
        if (pthread_create(&th[started], NULL, thread_main, &j) != 0)
            break;
    if (started == 0)
        thread_main(&j);              /* no thread could start: run here */
    else if (progress)                /* without one, join at once: no 0.1 s tick to wait out */
        watch(&j, to - from, progress, arg);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    if (progress)
        progress(atomic_load(&j.done), to - from, arg);
    pthread_mutex_destroy(&j.lock);
    if (j.err[0]) {
        snprintf(err, errlen, "%s", j.err);
        return -1;
    }
    return 0;
}

/* ---- ordered delivery ---------------------------------------------------- */

struct order {
    const struct pool_ordered *w;
    pthread_mutex_t lock;
    pthread_cond_t room;      /* signalled when `next` moves or the run fails */
    long next;                /* the next task to deliver */
    unsigned char *ready;     /* per slot: its task is done, not yet delivered */
    int delivering, failed;
    char err[1024];
};

/* With the lock held: the first failure's message, and everyone woken. */
static void order_fail(struct order *o, const char *msg)
{
    if (!o->failed)
        snprintf(o->err, sizeof o->err, "%s", msg);
    o->failed = 1;
    pthread_cond_broadcast(&o->room);
}

/* With the lock held: hands on every done task from `next` on, unless
 * another thread is already doing it (it will see what this one marked). */
static void order_deliver(struct order *o, char *err, size_t errlen)
{
    if (o->delivering)
        return;
    o->delivering = 1;
    int w = o->w->window;
    while (!o->failed && o->ready[o->next % w]) {
        long k = o->next;
        pthread_mutex_unlock(&o->lock);
        int rc = o->w->deliver(k, o->w->slots[k % w], o->w->ctx, err, errlen);
        pthread_mutex_lock(&o->lock);
        if (rc < 0) {
            order_fail(o, err);
            break;
        }
        o->ready[k % w] = 0;
        o->next++;
        pthread_cond_broadcast(&o->room);
    }
    o->delivering = 0;
}

static void *order_worker_new(void *ctx)
{
    const struct order *o = ctx;
    return o->w->worker_new(o->w->ctx);
}

static int order_task(void *worker, long k, void *ctx, char *err, size_t errlen)
{
    struct order *o = ctx;
    int w = o->w->window;
    pthread_mutex_lock(&o->lock);
    while (!o->failed && k >= o->next + w) {
        /* a thread stopped by a signal leaves its task undone and `next` still:
         * the waiters look at the signal every 0.1 s and fail them all */
        if (stop_requested()) {
            order_fail(o, "interrupted");
            break;
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&o->room, &o->lock, &until);
    }
    if (o->failed)
        goto failed;
    pthread_mutex_unlock(&o->lock);
    int rc = o->w->task(worker, k, o->w->slots[k % w], o->w->ctx, err, errlen);
    pthread_mutex_lock(&o->lock);
    if (rc < 0)
        order_fail(o, err);
    else
        o->ready[k % w] = 1;
    order_deliver(o, err, errlen);
    if (o->failed)
        goto failed;
    pthread_mutex_unlock(&o->lock);
    return 0;
failed:
    snprintf(err, errlen, "%s", o->err);
    pthread_mutex_unlock(&o->lock);
    return -1;
}

int pool_run_ordered(const struct pool_ordered *w, long from, long to, int jobs,
                     progress_fn progress, void *arg, char *err, size_t errlen)
{
    if (w->window < 1) {
        snprintf(err, errlen, "pool: a window of at least one slot is needed");
        return -1;
    }
    struct order o = { .w = w, .next = from };
    o.ready = calloc((size_t)w->window, 1);
    if (!o.ready) {
        snprintf(err, errlen, "out of memory for %d result slots", w->window);
        return -1;
    }
    pthread_mutex_init(&o.lock, NULL);
    pthread_cond_init(&o.room, NULL);
    const struct pool_work pw = { order_worker_new, order_task, w->worker_free, &o };
    int rc = pool_run(&pw, from, to, jobs, progress, arg, err, errlen);
    if (rc == 0 && o.next != to) {        /* cannot happen: every task delivers */
        snprintf(err, errlen, "pool: %ld of %ld results delivered", o.next - from, to - from);
        rc = -1;
    }
    pthread_cond_destroy(&o.room);
    pthread_mutex_destroy(&o.lock);
    free(o.ready);
    return rc;
}
