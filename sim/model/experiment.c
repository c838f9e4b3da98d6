/*
 * experiment.c -- the replications of a run: the shared model, built once,
 * and each replication's results in slot k (replication first + k), filled
 * by a pool of worker threads (engine/pool.h), each with its own struct rep.
 * Replication i's results depend only on (seed, i), so the outcome is the
 * same for any number of threads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine/pool.h"
#include "model/experiment.h"

int experiment_init(struct experiment *x, const struct definition *d, long first,
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

static void *worker_new(void *ctx)
{
    const struct experiment *x = ctx;
    return rep_create(x->m);
}

static void worker_free(void *worker)
{
    rep_free(worker);
}

/* Slot k: replication first + k, traced when among the first few. */
static int replication(void *worker, long k, void *ctx, char *err, size_t errlen)
{
    struct experiment *x = ctx;
    long index = x->first + k;
    int trace = index < x->d->run.trace_replications;
    return rep_run(worker, index, trace, &x->res[k], err, errlen);
}

int experiment_run(struct experiment *x, long count, int jobs, progress_fn progress,
                   void *arg, char *err, size_t errlen)
{
    if (make_room(x, count, err, errlen) < 0)
        return -1;
    const struct pool_work w = { worker_new, replication, worker_free, x };
    int rc = pool_run(&w, x->n, x->n + count, jobs, progress, arg, err, errlen);
    x->n += count;
    return rc;
}
