/*
 * dispatch.h -- centralised allocation (dispatch.c): who ships what to a
 * request.  Uses the stores (facility) and the roads (travel).
 */
#ifndef SUPPLYSIM_MODEL_DISPATCH_H
#define SUPPLYSIM_MODEL_DISPATCH_H

#include "model/state.h"

/* Ships as much of request q's open need as the stores can, by the policy. */
void dispatch(struct rep *r, int q);

#endif
