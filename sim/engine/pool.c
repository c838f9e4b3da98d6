/*
 * pool.c -- worker threads over numbered tasks (see pool.h).  Cost: one
 * atomic increment per task; the caller's thread sleeps 0.1 s between
 * progress reports.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include "engine/pool.h"

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
    while (atomic_load(&j->done) < total && !atomic_load(&j->stop)) {
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
    else
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
