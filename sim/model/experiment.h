/*
 * experiment.h -- the replications of a run and their results, in
 * replication order.  Replication i's results depend only on (seed, i):
 * each worker thread has its own struct rep, and results land in slot i,
 * so the outcome is the same for any number of threads.
 */
#ifndef SUPPLYSIM_EXPERIMENT_H
#define SUPPLYSIM_EXPERIMENT_H

#include "engine/pool.h"
#include "model/model.h"

struct experiment {
    const struct definition *d;
    struct model *m;
    struct rep_result *res;   /* res[k] is replication first + k */
    long first, n, cap;
};

int experiment_init(struct experiment *x, const struct definition *d, long first,
                    char *err, size_t errlen);
void experiment_free(struct experiment *x);

/* Runs replications first + n .. first + n + count - 1 on `jobs` threads and
 * appends their results.  0, or -1 with a message. */
int experiment_run(struct experiment *x, long count, int jobs, progress_fn progress,
                   void *arg, char *err, size_t errlen);

#endif
