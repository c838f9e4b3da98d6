/*
 * demand.h -- requests and arrivals (demand.c): the disaster sites' requests
 * and later waves, stores' replenishment, and what happens when a shipment
 * arrives.  Uses dispatch, the stores and the roads.
 */
#ifndef SUPPLYSIM_MODEL_DEMAND_H
#define SUPPLYSIM_MODEL_DEMAND_H

#include "model/state.h"

/* Draws every site's disaster and schedules its request, then the later
 * waves (demand stream, always the same draws); only site `active` is
 * scheduled when active >= 0.  0, or -1 when memory runs out. */
int demand_reset(struct rep *r, int active);

/* A shipment reached its destination (the state's `arrived` upcall). */
void demand_arrived(struct rep *r, int s);

/* Handles EV_REQUEST, EV_WAVE, EV_REORDER and EV_RETRY. */
void demand_handle(struct rep *r, const struct event *e);

#endif
