/*
 * pool.h -- a pool of worker threads over numbered tasks (Cimba's
 * "experiment is an array of independent trials").  Each thread makes its
 * own worker state once and takes the next task number from a shared
 * counter; a task must write only what belongs to its number, so the result
 * is the same for any number of threads.  The only state the threads share
 * is that counter, the count of tasks done and the first error.
 */
#ifndef SUPPLYSIM_POOL_H
#define SUPPLYSIM_POOL_H

#include <stddef.h>

#define POOL_MAX_THREADS 64

struct pool_work {
    /* A thread's own state, made once per thread; NULL when out of memory. */
    void *(*worker_new)(void *ctx);
    /* Task k with that state: 0, or -1 with a message in err. */
    int (*task)(void *worker, long k, void *ctx, char *err, size_t errlen);
    void (*worker_free)(void *worker);
    void *ctx;
};

/* Called on the calling thread about ten times a second while tasks run,
 * and once at the end: done of total. */
typedef void (*progress_fn)(long done, long total, void *arg);

/* Runs tasks from .. to - 1 on `jobs` threads (1 to POOL_MAX_THREADS; on the
 * calling thread when none can start).  Stops at the first failure.  0, or
 * -1 with the first failure's message. */
int pool_run(const struct pool_work *w, long from, long to, int jobs, progress_fn progress,
             void *arg, char *err, size_t errlen);

#endif
