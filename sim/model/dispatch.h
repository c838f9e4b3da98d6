/*
 * dispatch.h -- centralised allocation (dispatch.c): who ships what to a
 * request.  Uses the stores (facility) and the roads (travel).
 */
#ifndef SUPPLYSIM_MODEL_DISPATCH_H
#define SUPPLYSIM_MODEL_DISPATCH_H

#include "model/state.h"

/* Ships as much of request q's open need as the stores can, by the policy. */
void dispatch(struct rep *r, int q);

/* Ships request q's need from store f alone (whether or not it would
 * serve it): stock sent ahead on a warning. */
void dispatch_from(struct rep *r, int q, int f);

#endif
