/*
 * study.h -- the variant engine under `compare`, `roads` and `sensitivity`:
 * a list of variants, each a name and a list of settings (PATH=VALUE, as
 * -D takes them) applied to the study's scenario, run on common random
 * numbers -- every variant's replication k has the same seed and so faces
 * the same disaster as the baseline's replication k -- keeping per
 * replication only what the paired statistics of results/study.h need.
 *
 * Use: study_open (the scenario and the command line: the baseline is
 * variant 0), study_variant for each variant (each checked to load before
 * anything runs: a bad variant is a usage error and nothing is written),
 * study_run for the replications (in stages if the command has any), then
 * study_stats (results/study.h) for each variant's statistics and paired
 * differences.  Results do not depend on -j, and a shard (--shard I/N) runs
 * its share of each stage, so that `supplysim merge` gives the same bytes.
 */
#ifndef SUPPLYSIM_CMD_STUDY_H
#define SUPPLYSIM_CMD_STUDY_H

#include "cmd/cli.h"
#include "results/study.h"

/* Loads o->file with o's -D settings, and starts s with its baseline
 * (replications from -n or the scenario, seed from -s or the scenario).
 * *base is the baseline's definition (the caller frees it; NULL to skip).
 * 0; -2 bad input (message in err: exit 2); -1 out of memory. */
int study_open(struct study *s, const char *command, const struct opts *o,
               struct definition **base, char *err, size_t errlen);

/* Adds a variant: the settings sets[0..n) over the study's scenario (or over
 * file, a scenario of its own, when not NULL) and the -D settings.  It must
 * load and have the disaster sites of base (the baseline's definition).
 * Its index; -2 bad input (the message names the file, line and setting);
 * -1 out of memory. */
int study_variant(struct study *s, const struct opts *o, const struct definition *base,
                  const char *name, const char *file, const char *const *sets, int n_sets,
                  char *err, size_t errlen);

/* Makes the stage of the study's output folder, o->folder (results/outdir.h),
 * unless there is none or it is made, and from then on catches SIGINT and
 * SIGTERM.  0; -2 when the folder may not be replaced, -1 when the stage
 * cannot be made (message in err). */
int study_folder(const struct opts *o, char *err, size_t errlen);

/* Runs replications from .. to - 1 of the variants which[0..n) (when which
 * is NULL: variants 0 .. n - 1, all when n is 0), only this shard's share
 * of them when `share` and o has --shard.  The first run makes the output
 * folder's stage (study_folder): after the variants are checked, before
 * anything runs.  0, -2 as study_folder, or -1 with a message (out of
 * memory, a failed replication, a signal). */
int study_run(struct study *s, const struct opts *o, const int *which, int n, long from,
              long to, int share, char *err, size_t errlen);

/* Variant v loaded as it runs (its definition; the caller frees it), or
 * NULL with a message. */
struct definition *study_load(const struct study *s, const struct opts *o, int v,
                              char *err, size_t errlen);

#endif
