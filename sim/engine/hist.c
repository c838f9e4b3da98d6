/*
 * hist.c -- histograms at a fixed resolution and series of them (hist.h).
 * The table of chunks grows by doubling on the side a new value falls, so n
 * values cost O(n) in all however they arrive.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "engine/hist.h"

struct hist_chunk {
    long long sum;            /* of c[] */
    long long c[HIST_CHUNK];
};

void hist_init(struct hist *h, double scale)
{
    memset(h, 0, sizeof *h);
    h->scale = scale;
}

void hist_free(struct hist *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->chunk[i]);
    free(h->chunk);
    hist_init(h, h->scale);
}

long hist_bin(const struct hist *h, double v)
{
    return lround(v * h->scale);
}

/* Makes the table cover chunk ci, doubling on the side it grows.  0 or -1. */
static int cover(struct hist *h, long ci)
{
    if (h->n && ci >= h->lo && ci < h->lo + h->n)
        return 0;
    long lo = h->n ? h->lo : ci, hi = h->n ? h->lo + h->n : ci + 1;   /* [lo, hi) */
    if (ci < lo) {
        lo = ci - (hi - lo);
        lo = lo < 0 ? 0 : lo;
    } else if (ci >= hi) {
        hi = ci + 1 + (hi - lo);
    }
    if (hi - lo > (long)(1 << 30))
        return -1;
    struct hist_chunk **t = calloc((size_t)(hi - lo), sizeof *t);
    if (!t)
        return -1;
    if (h->n)
        memcpy(t + (h->lo - lo), h->chunk, (size_t)h->n * sizeof *t);
    free(h->chunk);
    h->chunk = t;
    h->lo = lo;
    h->n = (int)(hi - lo);
    return 0;
}

int hist_add_bin(struct hist *h, long b, long long count)
{
    if (b < 0)
        return -1;
    long ci = b / HIST_CHUNK;
    if (cover(h, ci) < 0)
        return -1;
    struct hist_chunk **k = &h->chunk[ci - h->lo];
    if (!*k && !(*k = calloc(1, sizeof **k)))
        return -1;
    (*k)->c[b % HIST_CHUNK] += count;
    (*k)->sum += count;
    h->count += count;
    return 0;
}

void hist_add_inf(struct hist *h, long long count)
{
    h->inf += count;
    h->count += count;
}

int hist_add(struct hist *h, double v)
{
    if (isinf(v)) {
        hist_add_inf(h, 1);
        return 0;
    }
    return hist_add_bin(h, hist_bin(h, v), 1);
}

int hist_merge(struct hist *dst, const struct hist *src)
{
    for (int i = 0; i < src->n; i++) {
        const struct hist_chunk *k = src->chunk[i];
        for (int j = 0; k && j < HIST_CHUNK; j++)
            if (k->c[j] && hist_add_bin(dst, (src->lo + i) * HIST_CHUNK + j, k->c[j]) < 0)
                return -1;
    }
    hist_add_inf(dst, src->inf);
    return 0;
}

/* The value of rank r (0-based, ascending, +INFINITY last). */
static double rank_value(const struct hist *h, long long r)
{
    long long cum = 0;
    for (int i = 0; i < h->n; i++) {
        const struct hist_chunk *k = h->chunk[i];
        if (!k || cum + k->sum <= r) {
            cum += k ? k->sum : 0;
            continue;
        }
        for (int j = 0; j < HIST_CHUNK; j++) {
            cum += k->c[j];
            if (cum > r)
                return (double)((h->lo + i) * HIST_CHUNK + j) / h->scale;
        }
    }
    return INFINITY;
}

double hist_quantile(const struct hist *h, double q)
{
    long long n = h->count;
    if (n <= 0 || !(q >= 0.0 && q <= 1.0))
        return NAN;
    /* exactly as stats_quantile_sorted and GSL compute it, so that values
     * kept exactly give the same quantile to the bit */
    const double index = q * (double)(n - 1);
    const long long lhs = (long long)index;
    const double delta = index - (double)lhs;
    double a = rank_value(h, lhs);
    if (delta == 0.0 || lhs == n - 1)
        return a;
    double b = rank_value(h, lhs + 1);
    return (1 - delta) * a + delta * b;
}

/* ---- series --------------------------------------------------------------- */

int hist_series_init(struct hist_series *c, int n_steps, double scale)
{
    c->n_steps = n_steps;
    c->delta = malloc(((size_t)n_steps + 1) * sizeof *c->delta);
    if (!c->delta)
        return -1;
    for (int s = 0; s < n_steps; s++)
        hist_init(&c->delta[s], scale);
    return 0;
}

void hist_series_free(struct hist_series *c)
{
    for (int s = 0; c->delta && s < c->n_steps; s++)
        hist_free(&c->delta[s]);
    free(c->delta);
    memset(c, 0, sizeof *c);
}

int hist_series_segment(struct hist_series *c, int from, int to, long b)
{
    if (from < 0 || to > c->n_steps || from >= to)
        return from >= to ? 0 : -1;
    if (hist_add_bin(&c->delta[from], b, 1) < 0)
        return -1;
    return to < c->n_steps ? hist_add_bin(&c->delta[to], b, -1) : 0;
}

int hist_series_quantiles(const struct hist_series *c, const double *q, int nq, double **out)
{
    struct hist run;
    hist_init(&run, c->n_steps ? c->delta[0].scale : 1);
    for (int s = 0; s < c->n_steps; s++) {
        if (hist_merge(&run, &c->delta[s]) < 0) {
            hist_free(&run);
            return -1;
        }
        for (int j = 0; j < nq; j++)
            out[j][s] = hist_quantile(&run, q[j]);
    }
    hist_free(&run);
    return 0;
}
