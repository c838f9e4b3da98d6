/*
 * outcome.h -- what a replication leaves behind (outcome.c): each site's
 * response and where its time went, resources over time, the shipments
 * traced.  Reads the replication state; changes nothing in it.
 */
#ifndef SUPPLYSIM_MODEL_OUTCOME_H
#define SUPPLYSIM_MODEL_OUTCOME_H

#include "model/state.h"

/* Zeroes the counts of res before a replication (its arrays stay). */
void clear_result(struct rep_result *res, const struct definition *d);

/* Records the resources at every sample time before t (*next: the next
 * sample to record). */
void sample_until(struct rep *r, double t, int *next);

/* Adds this run's results into res: only site `active`'s (all when -1). */
void finish(struct rep *r, struct rep_result *res, int trace, int active);

#endif
