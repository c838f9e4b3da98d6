/*
 * stream.c -- the replications kept as they are handed over (stream.h):
 * O(sites x causes + samples) per replication, none of it kept.
 */
#include <string.h>
#include "results/report.h"
#include "results/stream.h"

int stream_open(struct rep_stream *st, const char *dir, const struct definition *d, long first,
                enum lang l, char *err, size_t errlen)
{
    memset(st, 0, sizeof *st);
    st->d = d;
    st->lang = l;
    if (tally_init(&st->tally, d) < 0) {
        snprintf(err, errlen, "%s", lang_text(l, T_IO_STATS_OOM));
        return -1;
    }
    if (out_open(&st->dat, dir, "results.dat", l, err, errlen) < 0
        || out_open(&st->reps, dir, "replications.csv", l, err, errlen) < 0
        || out_open(&st->ships, dir, "shipments.csv", l, err, errlen) < 0) {
        stream_free(st);
        return -1;
    }
    results_begin(&st->w, st->dat.f, d, first);
    report_replications_header(st->reps.f, d);
    report_shipments_header(st->ships.f);
    return 0;
}

int stream_put(void *arg, long index, const struct rep_result *r, char *err, size_t errlen)
{
    struct rep_stream *st = arg;
    if (tally_add(&st->tally, r) < 0) {
        snprintf(err, errlen, "%s", lang_text(st->lang, T_IO_STATS_OOM));
        return -1;
    }
    if (results_put(&st->w, index, r, st->lang, err, errlen) < 0)
        return -1;
    report_replications_row(st->reps.f, st->d, index, r);
    report_shipments_rows(st->ships.f, st->d, index, r);
    return 0;
}

int stream_commit(struct rep_stream *st, uint64_t digest, char *err, size_t errlen)
{
    results_end(&st->w, digest);
    return out_commit(&st->dat, err, errlen) < 0 || out_commit(&st->reps, err, errlen) < 0
        || out_commit(&st->ships, err, errlen) < 0 ? -1 : 0;
}

void stream_free(struct rep_stream *st)
{
    results_out_free(&st->w);
    out_abort(&st->dat);
    out_abort(&st->reps);
    out_abort(&st->ships);
    if (st->d)
        tally_free(&st->tally);
    memset(st, 0, sizeof *st);
}
