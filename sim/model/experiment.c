/*
 * experiment.c -- worker threads over replications (Cimba's "experiment is an
 * array of independent trials").  The only shared mutable state is the next
 * index (atomic), the done count (atomic) and the first error (under a mutex).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "model/experiment.h"

struct job {
    struct experiment *x;
    long from, to;            /* slots to fill */
    atomic_long next, done;
    atomic_int stop;
    pthread_mutex_t lock;
    char err[1024];
};

int experiment_init(struct experiment *x, const struct def *d, long first,
                    char *err, size_t errlen)
{
    memset(x, 0, sizeof *x);
    x->d = d;
    x->first = first;
    x->m = model_create(d);
    if (!x->m) {
        snprintf(err, errlen, "out of memory building the model");
        return -1;
    }
    return 0;
}

void experiment_free(struct experiment *x)
{
    for (long k = 0; k < x->n; k++)
        result_free(&x->res[k]);
    free(x->res);
    model_free(x->m);
    memset(x, 0, sizeof *x);
}

static void fail(struct job *j, const char *msg)
{
    pthread_mutex_lock(&j->lock);
    if (!j->err[0])
        snprintf(j->err, sizeof j->err, "%s", msg);
    pthread_mutex_unlock(&j->lock);
    atomic_store(&j->stop, 1);
}

static void *worker(void *arg)
{
    struct job *j = arg;
    struct experiment *x = j->x;
    char err[1024];
    struct rep *r = rep_create(x->m);
    if (!r) {
        fail(j, "out of memory creating a replication");
        return NULL;
    }
    for (;;) {
        long k = atomic_fetch_add(&j->next, 1);
        if (k >= j->to || atomic_load(&j->stop))
            break;
        long index = x->first + k;
        int trace = index < x->d->run.trace_replications;
        if (rep_run(r, index, trace, &x->res[k], err, sizeof err) < 0) {
            fail(j, err);
            break;
        }
        atomic_fetch_add(&j->done, 1);
    }
    rep_free(r);
    return NULL;
}

static int make_room(struct experiment *x, long count, char *err, size_t errlen)
{
    long need = x->n + count;
    if (need > x->cap) {
        struct rep_result *res = realloc(x->res, (size_t)need * sizeof *res);
        if (!res)
            goto oom;
        x->res = res;
        x->cap = need;
    }
    for (long k = x->n; k < need; k++)
        if (result_init(&x->res[k], x->d) < 0) {
            while (--k >= x->n)
                result_free(&x->res[k]);
            goto oom;
        }
    return 0;
oom:
    snprintf(err, errlen, "out of memory for %ld replications", need);
    return -1;
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

int experiment_run(struct experiment *x, long count, int jobs, progress_fn progress,
                   void *arg, char *err, size_t errlen)
{
    if (make_room(x, count, err, errlen) < 0)
        return -1;
    struct job j = { .x = x, .from = x->n, .to = x->n + count };
    atomic_init(&j.next, x->n);
    atomic_init(&j.done, 0);
    atomic_init(&j.stop, 0);
    pthread_mutex_init(&j.lock, NULL);
    pthread_t th[64];
    int started = 0;
    jobs = jobs < 1 ? 1 : jobs > 64 ? 64 : jobs;
    for (; started < jobs; started++)
        if (pthread_create(&th[started], NULL, worker, &j) != 0)
            break;
    if (started == 0)
        worker(&j);                   /* no thread could start: run here */
    else
        watch(&j, count, progress, arg);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    if (progress)
        progress(atomic_load(&j.done), count, arg);
    pthread_mutex_destroy(&j.lock);
    x->n += count;
    if (j.err[0]) {
        snprintf(err, errlen, "%s", j.err);
        return -1;
    }
    return 0;
}
