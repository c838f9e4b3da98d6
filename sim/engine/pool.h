/*
 * pool.h -- a pool of worker threads over numbered tasks (Cimba's
 * "experiment is an array of independent trials").  Each thread makes its
 * own worker state once and takes the next task number from a shared
 * counter; a task must write only what belongs to its number, so the result
 * is the same for any number of threads.  The only state the threads share
 * is that counter, the count of tasks done and the first error.
 *
 * pool_run_ordered adds what a stream of results needs: each task writes into
 * a slot of a window the caller owns, and the results are handed on in task
 * order, one at a time, as soon as every earlier one has been -- a reorder
 * buffer of `window` slots, so memory does not grow with the number of tasks
 * and what is handed on does not depend on the number of threads.
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
 * calling thread when none can start).  Stops at the first failure, or when
 * a signal asked to stop (engine/stop.h: the message is "interrupted").  0,
 * or -1 with the first failure's message. */
int pool_run(const struct pool_work *w, long from, long to, int jobs, progress_fn progress,
             void *arg, char *err, size_t errlen);

struct pool_ordered {
    void *(*worker_new)(void *ctx);
    /* Task k with that state, its output into slot: 0, or -1 with a message. */
    int (*task)(void *worker, long k, void *slot, void *ctx, char *err, size_t errlen);
    /* Task k's output, in task order (from, from + 1, ...), never two calls
     * at once, on one of the worker threads: 0, or -1 with a message (stops
     * the run).  The slot is reused once deliver returns. */
    int (*deliver)(long k, void *slot, void *ctx, char *err, size_t errlen);
    void (*worker_free)(void *worker);
    void *ctx;
    void **slots;             /* task k writes into slots[k % window] */
    int window;               /* >= 1; tasks run at most window ahead of delivery */
};

/* Runs tasks from .. to - 1 as pool_run does, and hands each one's output
 * to deliver in task order; a task waits for a free slot when it would run
 * `window` or more ahead of the next to deliver.  Stops at the first failure
 * of a task or of deliver.  0, or -1 with the first failure's message. */
int pool_run_ordered(const struct pool_ordered *w, long from, long to, int jobs,
                     progress_fn progress, void *arg, char *err, size_t errlen);

#endif
