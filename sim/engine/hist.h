/*
 * hist.h -- histograms at a fixed resolution, for quantiles over runs of any
 * length in memory that grows with the range of the values, never with their
 * number.
 *
 * A value v >= 0 goes to bin b = round(v * scale) and stands for b / scale:
 * a value that is such a multiple (k sites of n with scale n, a whole number
 * of trucks with scale 1) is kept exactly, any other moves by at most
 * 1 / (2 scale), the resolution the outputs state.  +INFINITY (a site never
 * reached) is counted apart and sorts after every finite value.  Counts are
 * whole numbers, so two histograms add exactly, in any order: the same values
 * give the same histogram however they were split (threads, shards).
 *
 * Memory: bins come in chunks of HIST_CHUNK, made when a value first falls
 * in them; the table of chunks spans the chunks between the lowest and the
 * highest value seen.  O(range x scale) at most, O(1) per value added.
 *
 * A series (struct hist_series) is the distribution, across runs, of a curve
 * sampled at steps 0 .. n_steps - 1 (coverage every 5 minutes, trucks away
 * every 10): each run adds its curve as segments of constant value, O(1) per
 * segment whatever their length, and the quantiles at every step come out at
 * the end (differences at the step where a segment starts and ends, summed
 * step by step).
 */
#ifndef SUPPLYSIM_HIST_H
#define SUPPLYSIM_HIST_H

#define HIST_CHUNK 64

struct hist_chunk;

struct hist {
    double scale;             /* bins per unit of value */
    long lo;                  /* chunk index of chunk[0] */
    int n;                    /* chunks in the table, NULL where none was touched */
    struct hist_chunk **chunk;
    long long inf;            /* count of +INFINITY */
    long long count;          /* count of every value, +INFINITY included */
};

void hist_init(struct hist *h, double scale);
void hist_free(struct hist *h);

/* The bin of v (finite, >= 0). */
long hist_bin(const struct hist *h, double v);

/* Adds `count` (negative: removes) values that fall in bin b, or +INFINITY
 * with hist_add_inf.  0, or -1 when out of memory (h unchanged). */
int hist_add_bin(struct hist *h, long b, long long count);
void hist_add_inf(struct hist *h, long long count);

/* Adds v (finite >= 0, or +INFINITY).  0, or -1 when out of memory. */
int hist_add(struct hist *h, double v);

/* Adds every count of src into dst (same scale).  0, or -1 when out of
 * memory (dst then holds part of src). */
int hist_merge(struct hist *dst, const struct hist *src);

/* Quantile q in [0, 1] of the values (every count >= 0), by the rule of
 * stats_quantile_sorted: index q(n - 1) in ascending order, linear
 * interpolation between the two values around it, each value standing for
 * its bin; +INFINITY when it interpolates towards +INFINITY.  NAN when
 * empty or q is outside [0, 1].  O(chunks + HIST_CHUNK). */
double hist_quantile(const struct hist *h, double q);

struct hist_series {
    int n_steps;
    struct hist *delta;       /* delta[s]: curves that take a value at step s minus
                               * those that leave it */
};

/* 0, or -1 when out of memory. */
int hist_series_init(struct hist_series *c, int n_steps, double scale);
void hist_series_free(struct hist_series *c);

/* One curve holds bin b on steps [from, to) (to <= n_steps).  0, or -1 when
 * out of memory. */
int hist_series_segment(struct hist_series *c, int from, int to, long b);

/* out[j][s]: quantile q[j] at step s of the curves added, for j < nq.
 * O(n_steps x (chunks + nq x HIST_CHUNK)).  0, or -1 when out of memory. */
int hist_series_quantiles(const struct hist_series *c, const double *q, int nq, double **out);

#endif
