/*
 * config.h -- loading a configuration: a libconfig file, the base it builds on,
 * its own `set` overrides and the command line's -D overrides, merged into one
 * tree and then read into a validated struct definition.
 *
 * This module is the only place that knows libconfig.  Every error is written
 * into the caller's buffer as "FILE:LINE: SETTING: what was expected, what was
 * found", in the language given to cfg_load (the words from the language
 * table; the "FILE:LINE: SETTING:" in front in both, for scripts), and the
 * caller prints it and exits with status 2.
 */
#ifndef SUPPLYSIM_CONFIG_H
#define SUPPLYSIM_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include "config/definition.h"
#include "engine/lang.h"

struct cfg;

/* Loads path and everything it builds on, applies its `set` list and then
 * sets[0..n_sets) ("PATH=VALUE", as given to -D).  Returns NULL on error with
 * the message in err.  Every message, here and in cfg_definition, is in
 * language lang. */
struct cfg *cfg_load(const char *path, const char *const *sets, int n_sets, enum lang lang,
                     char *err, size_t errlen);
void cfg_free(struct cfg *c);

/* Reads and validates the system definition.  NULL on error (message in err).
 * The caller owns the result and frees it with definition_free(). */
struct definition *cfg_definition(const struct cfg *c, char *err, size_t errlen);

/* A run setting decided by the command line (-n, -s, --until-decided), to be
 * written into resolved.cfg over the configuration's own: run.NAME, an
 * integer i or (is_float) a number x. */
struct run_override { const char *name; int is_float; long long i; double x; };

/* Writes the merged tree (no base, no set: everything resolved) to f, with
 * run.NAME set from ov[0..n) in that order (created at the end of the run
 * group when missing).  The tree itself is not changed.  0, or -1 when
 * writing fails or run is not a group. */
int cfg_write_resolved(const struct cfg *c, const struct run_override *ov, int n, FILE *f);

#endif
