/*
 * results_file.c -- results.dat: one block per replication, every number a
 * decimal that reads back to the same double (%.17g; "inf" for a site never
 * reached).  A header names the shape (sites, stores x items, samples,
 * causes) so that results of another configuration are refused, not misread.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/results_file.h"

#define MAGIC "supplysim-results 1"

static void row(FILE *f, const char *name, const double *v, long n)
{
    fputs(name, f);
    for (long i = 0; i < n; i++) {
        if (isfinite(v[i]))
            fprintf(f, " %.17g", v[i]);
        else
            fprintf(f, " %s", v[i] > 0 ? "inf" : "-inf");
    }
    fputc('\n', f);
}

static void write_one(FILE *f, const struct definition *d, const struct rep_result *r, long index)
{
    long ns = d->n_sites, nfi = (long)d->n_facilities * d->n_items;
    fprintf(f, "replication %ld %d\n", index, r->n_trace);
    fprintf(f, "scalars %ld %d %.17g %.17g %.17g %ld %.17g %.17g\n", r->events, r->shipments,
            r->demand_units, r->unmet_units, r->bay_wait_sum, r->bay_waits, r->truck_busy_min,
            r->truck_min);
    row(f, "occur", r->occur, ns);
    row(f, "response", r->response, ns);
    row(f, "fill", r->fill, ns);
    row(f, "people", r->people, ns);
    row(f, "cause", r->cause, ns * CAUSES);
    fputs("stockout ", f);
    for (long k = 0; k < nfi; k++)
        fputc(r->stockout[k] ? '1' : '0', f);
    fputc('\n', f);
    row(f, "trucks_out", r->trucks_out, r->n_samples);
    row(f, "central_queue", r->central_queue, r->n_samples);
    for (int k = 0; k < r->n_trace; k++) {
        const struct trace_row *t = &r->trace[k];
        double v[] = { t->ordered, t->loaded, t->arrived, t->tonnes, t->m3 };
        fprintf(f, "trace %d %d %d %d", t->id, t->source, t->site, t->dest_facility);
        row(f, "", v, 5);
    }
}

void results_write(FILE *f, const struct definition *d, const struct rep_result *res, long n,
                   long first)
{
    int samples = n ? res[0].n_samples : 0;
    fprintf(f, "%s %d %d %d %d %d %ld %ld\n", MAGIC, d->n_sites, d->n_facilities, d->n_items,
            samples, CAUSES, first, n);
    for (long i = 0; i < n; i++)
        write_one(f, d, &res[i], first + i);
}

/* ---- reading ------------------------------------------------------------ */

struct in {
    FILE *f;
    const char *name;
    char *line;
    size_t cap;
    long lineno;
    char *p;                  /* where parsing is in line */
    char *err;
    size_t errlen;
};

static int fail(struct in *in, const char *what)
{
    snprintf(in->err, in->errlen, "%s:%ld: expected %s", in->name, in->lineno, what);
    return -1;
}

/* Reads the next line and checks it starts with keyword. */
static int next(struct in *in, const char *keyword)
{
    if (getline(&in->line, &in->cap, in->f) < 0)
        return fail(in, keyword);
    in->lineno++;
    size_t k = strlen(keyword);
    if (strncmp(in->line, keyword, k) || (in->line[k] != ' ' && in->line[k] != '\n'))
        return fail(in, keyword);
    in->p = in->line + k;
    return 0;
}

static int num(struct in *in, double *v)
{
    char *end;
    *v = strtod(in->p, &end);
    if (end == in->p)
        return fail(in, "a number");
    in->p = end;
    return 0;
}

static int nums(struct in *in, const char *keyword, double *v, long n)
{
    if (next(in, keyword) < 0)
        return -1;
    for (long i = 0; i < n; i++)
        if (num(in, &v[i]) < 0)
            return -1;
    return 0;
}

static int integer(struct in *in, long *v)
{
    char *end;
    *v = strtol(in->p, &end, 10);
    if (end == in->p)
        return fail(in, "an integer");
    in->p = end;
    return 0;
}

static int read_trace(struct in *in, struct rep_result *r, long n_trace)
{
    if (n_trace > r->cap_trace) {
        struct trace_row *t = realloc(r->trace, (size_t)n_trace * sizeof *t);
        if (!t)
            return fail(in, "memory for the shipment trace");
        r->trace = t;
        r->cap_trace = (int)n_trace;
    }
    for (long k = 0; k < n_trace; k++) {
        struct trace_row *t = &r->trace[k];
        long id, src, site, dest;
        if (next(in, "trace") < 0 || integer(in, &id) < 0 || integer(in, &src) < 0
            || integer(in, &site) < 0 || integer(in, &dest) < 0 || num(in, &t->ordered) < 0
            || num(in, &t->loaded) < 0 || num(in, &t->arrived) < 0 || num(in, &t->tonnes) < 0
            || num(in, &t->m3) < 0)
            return -1;
        t->id = (int)id, t->source = (int)src, t->site = (int)site, t->dest_facility = (int)dest;
    }
    r->n_trace = (int)n_trace;
    return 0;
}

static int read_one(struct in *in, const struct definition *d, struct rep_result *r, long expect)
{
    long index, n_trace, nfi = (long)d->n_facilities * d->n_items, ns = d->n_sites;
    double v[8];
    if (next(in, "replication") < 0 || integer(in, &index) < 0 || integer(in, &n_trace) < 0)
        return -1;
    if (index != expect)
        return fail(in, "replications in order");
    if (nums(in, "scalars", v, 8) < 0)
        return -1;
    r->events = (long)v[0], r->shipments = (int)v[1], r->demand_units = v[2];
    r->unmet_units = v[3], r->bay_wait_sum = v[4], r->bay_waits = (long)v[5];
    r->truck_busy_min = v[6], r->truck_min = v[7];
    if (nums(in, "occur", r->occur, ns) < 0 || nums(in, "response", r->response, ns) < 0
        || nums(in, "fill", r->fill, ns) < 0 || nums(in, "people", r->people, ns) < 0
        || nums(in, "cause", r->cause, ns * CAUSES) < 0 || next(in, "stockout") < 0)
        return -1;
    char *s = in->p + 1;
    for (long k = 0; k < nfi; k++) {
        if (s[k] != '0' && s[k] != '1')
            return fail(in, "a 0 or 1 per store and item");
        r->stockout[k] = s[k] == '1';
    }
    if (nums(in, "trucks_out", r->trucks_out, r->n_samples) < 0
        || nums(in, "central_queue", r->central_queue, r->n_samples) < 0)
        return -1;
    return read_trace(in, r, n_trace);
}

static int read_header(struct in *in, const struct definition *d, long *first, long *n)
{
    long v[7];
    if (next(in, MAGIC) < 0)
        return -1;
    for (int k = 0; k < 7; k++)
        if (integer(in, &v[k]) < 0)
            return -1;
    struct rep_result probe;
    if (result_init(&probe, d) < 0)
        return fail(in, "memory");
    long samples = probe.n_samples;
    result_free(&probe);
    if (v[0] != d->n_sites || v[1] != d->n_facilities || v[2] != d->n_items
        || (v[6] > 0 && v[3] != samples) || v[4] != CAUSES || v[5] < 0 || v[6] < 0)
        return fail(in, "results of this configuration (sites, stores, items, samples)");
    *first = v[5];
    *n = v[6];
    return 0;
}

int results_read(FILE *f, const char *name, const struct definition *d, struct rep_result **res,
                 long *n, long *first, char *err, size_t errlen)
{
    struct in in = { f, name, NULL, 0, 0, NULL, err, errlen };
    err[0] = '\0';
    long count = 0, k = 0;
    *res = NULL;
    *n = 0;
    if (read_header(&in, d, first, &count) < 0)
        goto fail;
    *res = calloc((size_t)count + 1, sizeof **res);
    if (!*res) {
        fail(&in, "memory for the results");
        goto fail;
    }
    for (; k < count; k++)
        if (result_init(&(*res)[k], d) < 0 || read_one(&in, d, &(*res)[k], *first + k) < 0) {
            if (!err[0] || (*res)[k].occur == NULL)
                fail(&in, "memory for the results");
            k++;
            goto fail;
        }
    free(in.line);
    *n = count;
    return 0;
fail:
    for (long j = 0; *res && j < k; j++)
        result_free(&(*res)[j]);
    free(*res);
    *res = NULL;
    free(in.line);
    return -1;
}
