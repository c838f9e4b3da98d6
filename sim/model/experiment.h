/*
 * experiment.h -- the replications of a run on worker threads, each one's
 * result handed to the caller in replication order as soon as it and every
 * earlier one are done.  Replication i depends only on (seed, i): each
 * thread has its own struct rep, and a reorder window of a few results per
 * thread (engine/pool.h) puts them back in order, so the caller sees the same
 * sequence for any number of threads.  Nothing here grows with the number
 * of replications: the caller keeps what it needs from each result (the
 * statistics, the files) while it is handed over.
 *
 * How a caller runs replications and reads each one's values:
 *
 *     static int take(void *arg, long index, const struct rep_result *res,
 *                     char *err, size_t errlen)
 *     {
 *         struct mine *m = arg;       // replication `index`, in order
 *         m->kept += result_on_time(res, m->d) == m->d->n_sites;
 *         return 0;                   // or -1 with a message: the run stops
 *     }
 *
 *     struct experiment x;
 *     if (experiment_init(&x, d, first, err, sizeof err) < 0) ...
 *     if (experiment_run(&x, count, jobs, take, &m, NULL, NULL, err, sizeof err) < 0) ...
 *     // another experiment_run continues from replication first + x.n
 *     experiment_free(&x);
 *
 * `take` is called once per replication, in order, never twice at once, on
 * one of the worker threads; res (and its arrays) is valid only during the
 * call (result_copy keeps one).
 */
#ifndef SUPPLYSIM_EXPERIMENT_H
#define SUPPLYSIM_EXPERIMENT_H

#include "engine/pool.h"
#include "model/model.h"

typedef int (*rep_sink)(void *arg, long index, const struct rep_result *res, char *err,
                        size_t errlen);

struct experiment {
    const struct definition *d;
    struct model *m;
    long first, n;            /* replications first .. first + n - 1 are done */
};

int experiment_init(struct experiment *x, const struct definition *d, long first,
                    char *err, size_t errlen);
/* The same, the model's landmarks from and to store (model.h). */
int experiment_init_kept(struct experiment *x, const struct definition *d, long first,
                         const struct landmark_store *store, char *err, size_t errlen);
void experiment_free(struct experiment *x);

/* Runs replications first + n .. first + n + count - 1 on `jobs` threads and
 * hands each result to sink(sink_arg, ...) in replication order.  0, or -1
 * with a message (a replication's or the sink's). */
int experiment_run(struct experiment *x, long count, int jobs, rep_sink sink, void *sink_arg,
                   progress_fn progress, void *arg, char *err, size_t errlen);

#endif
