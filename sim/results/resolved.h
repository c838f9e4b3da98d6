/*
 * resolved.h -- resolved.cfg: the whole configuration of a run, after its
 * bases, `set` lists and -D overrides, with the run settings the command
 * line decided (-n, -s, --until-decided's confidence) written over the
 * configuration's own.  `supplysim DIR/resolved.cfg` reproduces the run.
 * It is a function of the loaded configuration and those overrides; nothing
 * writes into the configuration after it was validated.
 */
#ifndef SUPPLYSIM_RESULTS_RESOLVED_H
#define SUPPLYSIM_RESULTS_RESOLVED_H

#include <stddef.h>
#include "config/config.h"

#define RUN_OVERRIDES_MAX 4

/* The run settings the command line decided, in the order they were. */
struct run_overrides { struct run_override v[RUN_OVERRIDES_MAX]; int n; };

/* Appends run.NAME = v (an integer) or = x (a number); the last value of a
 * name wins, at the place of its first. */
void overrides_int(struct run_overrides *ov, const char *name, long long v);
void overrides_float(struct run_overrides *ov, const char *name, double x);

/* The text of resolved.cfg in *text (malloc'ed, *len bytes; the caller
 * frees it): results.dat carries its digest.  0, or -1 with a message. */
int resolved_text(const char *version, const struct cfg *c, const struct run_overrides *ov,
                  char **text, size_t *len, enum lang l, char *err, size_t errlen);

/* Writes that text to dir/resolved.cfg whole or not at all; 0, or -1 with a
 * message. */
int resolved_write(const char *dir, const char *text, size_t len, enum lang l, char *err,
                   size_t errlen);

#endif
