/*
 * check.h -- what `supplysim --check` prints about a definition: what it
 * holds and how far each township is from the stores at free flow.
 */
#ifndef SUPPLYSIM_RESULTS_CHECK_H
#define SUPPLYSIM_RESULTS_CHECK_H

#include <stdio.h>
#include "engine/lang.h"
#include "model/coverage.h"

/* The summary (nodes, roads by class, facilities by kind, fleets) and the
 * coverage table, for people, in language l. promise_min marks slow
 * townships. */
void check_print(FILE *f, const struct definition *d, const struct coverage_row *rows,
                 double promise_min, enum lang l);

/* A warning on f for each place put on a node farther than
 * assumptions.snap_warn_km (config/snap.c). */
void check_warn_snaps(FILE *f, const struct definition *d, enum lang l);

/* The coverage table as CSV: township,central_min,subcentre,subcentre_min. */
void check_print_csv(FILE *f, const struct definition *d, const struct coverage_row *rows);

#endif
