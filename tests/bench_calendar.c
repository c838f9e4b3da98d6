/*
 * bench_calendar.c -- micro-benchmark of the event calendar (a plain program).
 *
 * Runs:
 *   mmc4     an M/M/4 queue at load 0.8 driven by the calendar: ARRIVAL and
 *            DEPARTURE events, at most c + 1 pending.  Prints the simulated
 *            mean wait in queue next to the Erlang-C value as a sanity check.
 *   mmc1000  the same with 1000 servers at load 0.99 (about 990 pending).
 *   hold     the classic hold model: pop one, schedule one at now + Exp(1),
 *            with 10^5 and 10^7 events pending.
 * Each prints "calendar <name>: N events in S s = R M events/s".
 *
 * Usage: bench_calendar [-n EVENTS] [-p PENDING]
 *   -n  events per run (default 10^7; the 10^7-pending hold run does a tenth)
 *   -p  run only a hold model with PENDING events pending
 * Speed is measured here, never asserted.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/calendar.h"
#include "splitmix.h"

/* ---- RNG: splitmix64 (splitmix.h) --------------------------------------- */

/* Exponential with the given mean: -log(u), u uniform in (0, 1]. */
static inline double rng_exp(struct rng *g, double mean)
{
    double u = (double)((rng_next(g) >> 11) + 1) * 0x1.0p-53;
    return -mean * log(u);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void report(const char *name, long events, double secs)
{
    printf("calendar %s: %ld events in %.3f s = %.2f M events/s\n",
           name, events, secs, (double)events / secs / 1e6);
    fflush(stdout);
}

static void die(const char *what)
{
    fprintf(stderr, "bench_calendar: %s\n", what);
    exit(1);
}

/* ---- M/M/c ----------------------------------------------------------------- */

enum { ARRIVAL, DEPARTURE };

/*
 * Erlang C: mean wait in queue of M/M/c with arrival rate lambda and service
 * rate mu, through the Erlang-B recursion B(k) = a B(k-1) / (k + a B(k-1)),
 * which stays finite for large c where a^c / c! would overflow.
 */
static double erlang_c_wait(int c, double lambda, double mu)
{
    double a = lambda / mu;          /* offered load in erlangs */
    double b = 1.0;
    for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
    double pwait = c * b / (c - a * (1.0 - b));
    return pwait / (c * mu - lambda);
}

/* FIFO of arrival times, a growable ring. */
struct fifo { double *v; size_t head, n, cap; };

static void fifo_push(struct fifo *q, double x)
{
    if (q->n == q->cap) {
        size_t ncap = q->cap ? 2 * q->cap : 1024;
        double *v = malloc(ncap * sizeof *v);
        if (!v) die("out of memory");
        for (size_t i = 0; i < q->n; i++) v[i] = q->v[(q->head + i) % q->cap];
        free(q->v);
        q->v = v; q->head = 0; q->cap = ncap;
    }
    size_t tail = q->head + q->n;
    if (tail >= q->cap) tail -= q->cap;
    q->v[tail] = x;
    q->n++;
}

static double fifo_pop(struct fifo *q)
{
    double x = q->v[q->head];
    if (++q->head == q->cap) q->head = 0;
    q->n--;
    return x;
}

static void run_mmc(const char *name, int servers, double load, long events, uint64_t seed)
{
    const double mu = 1.0, lambda = load * servers * mu;
    struct rng g = { seed };
    struct fifo q = { 0 };
    struct calendar *cal = cal_create(16);
    if (!cal) die("out of memory");

    /* Waits are summed per batch of events, for a batch-means confidence interval. */
    enum { BATCHES = 20 };
    double wait_sum[BATCHES] = { 0 };
    long started[BATCHES] = { 0 };
    long batch_len = events / BATCHES > 0 ? events / BATCHES : 1;
    int busy = 0;
    struct event e;

    double t0 = now_s();
    if (cal_schedule(cal, rng_exp(&g, 1.0 / lambda), ARRIVAL, 0, 0) != 0) die("schedule");
    for (long k = 0; k < events; k++) {
        if (cal_pop(cal, &e) != 0) die("calendar ran dry");
        int rc = 0, bi = (int)(k / batch_len);
        if (bi >= BATCHES) bi = BATCHES - 1;
        if (e.type == ARRIVAL) {
            rc |= cal_schedule(cal, e.time + rng_exp(&g, 1.0 / lambda), ARRIVAL, 0, 0);
            if (busy < servers) {
                busy++;
                started[bi]++;
                rc |= cal_schedule(cal, e.time + rng_exp(&g, 1.0 / mu), DEPARTURE, 0, 0);
            } else {
                fifo_push(&q, e.time);
            }
        } else if (q.n > 0) {
            wait_sum[bi] += e.time - fifo_pop(&q);
            started[bi]++;
            rc |= cal_schedule(cal, e.time + rng_exp(&g, 1.0 / mu), DEPARTURE, 0, 0);
        } else {
            busy--;
        }
        if (rc) die("schedule");
    }
    double secs = now_s() - t0;

    report(name, events, secs);
    double tw = 0.0, m1 = 0.0, m2 = 0.0;
    long ts = 0;
    for (int i = 0; i < BATCHES; i++) {
        double m = started[i] ? wait_sum[i] / (double)started[i] : 0.0;
        tw += wait_sum[i];
        ts += started[i];
        m1 += m;
        m2 += m * m;
    }
    m1 /= BATCHES;
    double var = (m2 - BATCHES * m1 * m1) / (BATCHES - 1);
    double half = 2.093 * sqrt(var > 0 ? var / BATCHES : 0.0);   /* t(0.975, 19) */
    double sim = tw / (double)ts, exact = erlang_c_wait(servers, lambda, mu);
    printf("  M/M/%d load %.2f: mean wait %.5f +- %.5f simulated (95%% batch means), "
           "%.5f Erlang C (%+.2f%%)\n",
           servers, load, sim, half, exact, 100.0 * (sim - exact) / exact);
    cal_free(cal);
    free(q.v);
}

/* ---- hold model ------------------------------------------------------------ */

static void run_hold(int pending, long events, uint64_t seed)
{
    struct rng g = { seed };
    struct calendar *cal = cal_create(1);
    if (!cal) die("out of memory");

    double t0 = now_s();
    for (int i = 0; i < pending; i++)
        if (cal_schedule(cal, rng_exp(&g, 1.0), 0, i, 0) != 0) die("schedule");
    double fill = now_s() - t0;

    struct event e;
    double sum = 0.0;
    t0 = now_s();
    for (long k = 0; k < events; k++) {
        cal_pop(cal, &e);
        sum += e.time;
        if (cal_schedule(cal, e.time + rng_exp(&g, 1.0), 0, e.a, 0) != 0) die("schedule");
    }
    double secs = now_s() - t0;

    char name[64];
    snprintf(name, sizeof name, "hold %d pending", pending);
    report(name, events, secs);
    printf("  filled in %.3f s from capacity 1 (%.2f M schedules/s), %d pending at end (checksum %.3g)\n",
           fill, pending / fill / 1e6, cal_size(cal), sum);
    cal_free(cal);
}

int main(int argc, char **argv)
{
    long events = 10000000;
    long pending = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc) events = atol(argv[++i]);
        else if (!strcmp(argv[i], "-p") && i + 1 < argc) pending = atol(argv[++i]);
        else {
            fprintf(stderr, "usage: %s [-n EVENTS] [-p PENDING]\n", argv[0]);
            return 2;
        }
    }
    if (events < 1 || pending > 100000000) {
        fprintf(stderr, "bench_calendar: bad -n or -p\n");
        return 2;
    }
    if (pending >= 1) {
        run_hold((int)pending, events, 3);
        return 0;
    }
    run_mmc("mmc4", 4, 0.8, events, 1);
    run_mmc("mmc1000", 1000, 0.99, events, 2);
    run_hold(100000, events, 3);
    run_hold(10000000, events / 10, 4);
    return 0;
}
