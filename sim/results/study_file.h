/*
 * study_file.h -- study.dat: a decision study's plan (command, -D settings,
 * replications, seed, its variants with their settings) and every
 * replication it ran, exact to the bit (%.17g), so that `supplysim merge`
 * puts the shards of a study back together and recomputes every output as
 * one run would.  A study's outputs are a function of this file and the
 * scenario; the runs' full results (results.dat) are not kept: a study may
 * have hundreds of variants.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_FILE_H
#define SUPPLYSIM_RESULTS_STUDY_FILE_H

#include <stdio.h>
#include "engine/lang.h"
#include "results/study.h"

/* Writes s whole into dir/study.dat; 0, or -1 with a message. */
int study_file_write(const char *dir, const struct study *s, enum lang l, char *err,
                     size_t errlen);

/* Reads dir/study.dat into s (study_init'ed here; the caller frees it);
 * *plan is the file's plan (everything but the replications) as text, for
 * comparing shards (the caller frees it).  0, or -1 with a message naming
 * the file and line. */
int study_file_read(const char *dir, struct study *s, char **plan, enum lang l, char *err,
                    size_t errlen);

/* Adds the replications of `from` (the same plan) into `into`: the union;
 * a replication both hold must be the same.  0, or -1 with a message. */
int study_file_union(struct study *into, const struct study *from, const char *from_name,
                     enum lang l, char *err, size_t errlen);

#endif
