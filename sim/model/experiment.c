/*
 * experiment.c -- the replications of a run (experiment.h): the shared
 * model, built once; a pool of worker threads, each with its own struct rep;
 * a window of result slots, RESULTS_PER_THREAD per thread, through which the
 * results reach the caller's sink in replication order.  Memory: the window,
 * whatever the number of replications.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine/pool.h"
#include "model/experiment.h"

#define RESULTS_PER_THREAD 4

int experiment_init(struct experiment *x, const struct definition *d, long first,
                    char *err, size_t errlen)
{
    return experiment_init_kept(x, d, first, NULL, err, errlen);
}

int experiment_init_kept(struct experiment *x, const struct definition *d, long first,
                         const struct landmark_store *store, char *err, size_t errlen)
{
    memset(x, 0, sizeof *x);
    x->d = d;
    x->first = first;
    x->m = model_create_kept(d, store);
    if (!x->m) {
        snprintf(err, errlen, "out of memory building the model");
        return -1;
    }
    return 0;
}

void experiment_free(struct experiment *x)
{
    model_free(x->m);
    memset(x, 0, sizeof *x);
}

struct batch {
    struct experiment *x;
    rep_sink sink;
    void *sink_arg;
};

static void *worker_new(void *ctx)
{
    const struct batch *r = ctx;
    return rep_create(r->x->m);
}

static void worker_free(void *worker)
{
    rep_free(worker);
}

/* Replication index into its slot, traced when among the first few. */
static int replication(void *worker, long index, void *slot, void *ctx, char *err, size_t errlen)
{
    const struct batch *r = ctx;
    int trace = index < r->x->d->run.trace_replications;
    return rep_run(worker, index, trace, slot, err, errlen);
}

static int deliver(long index, void *slot, void *ctx, char *err, size_t errlen)
{
    const struct batch *r = ctx;
    return r->sink(r->sink_arg, index, slot, err, errlen);
}

int experiment_run(struct experiment *x, long count, int jobs, rep_sink sink, void *sink_arg,
                   progress_fn progress, void *arg, char *err, size_t errlen)
{
    jobs = jobs < 1 ? 1 : jobs > POOL_MAX_THREADS ? POOL_MAX_THREADS : jobs;
    int window = RESULTS_PER_THREAD * jobs, made = 0, rc = -1;
    struct rep_result *res = calloc((size_t)window, sizeof *res);
    void **slots = calloc((size_t)window, sizeof *slots);
    for (; res && slots && made < window; made++) {
        if (result_init(&res[made], x->d) < 0)
            break;
        slots[made] = &res[made];
    }
    if (made < window) {
        snprintf(err, errlen, "out of memory for %d replications' results", window);
        goto done;
    }
    struct batch r = { x, sink, sink_arg };
    const struct pool_ordered w = { worker_new, replication, deliver, worker_free, &r, slots,
                                    window };
    long from = x->first + x->n;
    rc = pool_run_ordered(&w, from, from + count, jobs, progress, arg, err, errlen);
    if (rc == 0)
        x->n += count;
done:
    for (int k = 0; k < made; k++)
        result_free(&res[k]);
    free(res);
    free(slots);
    return rc;
}
