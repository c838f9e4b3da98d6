/*
 * stream.h -- what a run keeps of each replication, as the experiment hands
 * it over in replication order: the tally (every statistic, tally.h) and the
 * files written replication by replication -- results.dat (for merging
 * shards), replications.csv and shipments.csv -- so that nothing is held
 * per replication.  A run and `supplysim merge` feed the same stream, the
 * one from the model, the other from the shards' results.dat, so they write
 * the same bytes.
 *
 * The files are written under temporary names (outfile.h) and appear only
 * with stream_commit; stream_abort removes them.
 */
#ifndef SUPPLYSIM_STREAM_H
#define SUPPLYSIM_STREAM_H

#include <stdint.h>
#include "results/outfile.h"
#include "results/results_file.h"
#include "results/tally.h"

struct rep_stream {
    const struct definition *d;
    struct tally tally;
    struct outfile dat, reps, ships;
    struct results_out w;
    enum lang lang;           /* of its messages */
};

/* Opens the files in dir (which must exist) and the tally, for replications
 * from `first` on.  0, or -1 with a message (nothing left behind). */
int stream_open(struct rep_stream *st, const char *dir, const struct definition *d, long first,
                enum lang l, char *err, size_t errlen);

/* Keeps replication `index` (the next one): a rep_sink (model/experiment.h)
 * with st as its argument.  0, or -1 with a message. */
int stream_put(void *st, long index, const struct rep_result *r, char *err, size_t errlen);

/* Ends results.dat with the digest of the run's resolved.cfg and puts the
 * three files in place.  0, or -1 with a message (then nothing is put in
 * place that was not already). */
int stream_commit(struct rep_stream *st, uint64_t digest, char *err, size_t errlen);

/* Removes the files not committed and frees the tally. */
void stream_free(struct rep_stream *st);

#endif
