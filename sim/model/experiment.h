/*
 * experiment.h -- replications run on worker threads.  Replication i's
 * results depend only on (seed, i): each worker has its own struct rep and
 * takes the next index from a shared counter, and results land in slot i, so
 * the outcome is the same for any number of threads.
 */
#ifndef SUPPLYSIM_EXPERIMENT_H
#define SUPPLYSIM_EXPERIMENT_H

#include "model/model.h"

struct experiment {
    const struct def *d;
    struct model *m;
    struct rep_result *res;   /* res[k] is replication first + k */
    long first, n, cap;
};

/* Called on the calling thread about ten times a second while replications
 * run: done of total. */
typedef void (*progress_fn)(long done, long total, void *arg);

int experiment_init(struct experiment *x, const struct def *d, long first,
                    char *err, size_t errlen);
void experiment_free(struct experiment *x);

/* Runs replications first + n .. first + n + count - 1 on `jobs` threads and
 * appends their results.  0, or -1 with a message. */
int experiment_run(struct experiment *x, long count, int jobs, progress_fn progress,
                   void *arg, char *err, size_t errlen);

#endif
