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

/* A warning before onset (disaster.warning_min > 0 and something to send
 * ahead): calls out the sending stores at the warning and schedules the
 * sending (EV_WARNING).  Before any other alarm of the replication. */
void demand_warning(struct rep *r);

/* A shipment reached its destination (the state's `arrived` upcall). */
void demand_arrived(struct rep *r, int s);

/* Handles EV_REQUEST, EV_WAVE, EV_REORDER, EV_RETRY and EV_WARNING. */
void demand_handle(struct rep *r, const struct event *e);

#endif
