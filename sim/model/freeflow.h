/*
 * freeflow.h -- free-flow minutes from a store to a node (freeflow.c): what a
 * truck's trip back is estimated at, what a detour is measured against, and
 * what a store cut off now is ranked by.  Free flow never changes, so each
 * pair is computed once per thread and kept for every later replication.
 */
#ifndef SUPPLYSIM_MODEL_FREEFLOW_H
#define SUPPLYSIM_MODEL_FREEFLOW_H

#include "model/state.h"

struct freeflow *freeflow_create(const struct model *m);
void freeflow_free(struct freeflow *ff);

/* Free-flow minutes from node src (a store's) to node dst, summed from src
 * as a search from it adds them; INFINITY when no road leads there at all;
 * NAN when out of memory (r->failed is then set). */
double freeflow_minutes(struct rep *r, int src, int dst);

#endif
