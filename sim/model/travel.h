/*
 * travel.h -- the road network as it is during one replication, and trucks
 * moving on it (travel.c).  Depends on the replication state only; when a
 * truck reaches its destination it calls the state's `arrived` upcall.
 */
#ifndef SUPPLYSIM_MODEL_TRAVEL_H
#define SUPPLYSIM_MODEL_TRAVEL_H

#include "model/state.h"

/* Draws this replication's road changes from the hazard stream and schedules
 * them; 0, or -1 when memory runs out. */
int travel_realise_damage(struct rep *r);

/* A loaded truck leaves its store for the shipment's destination. */
void travel_start(struct rep *r, int s);

/* Minutes from one node to another on the roads as the dispatch centre
 * knows them now (an ordinary truck's: vehicle profile 0). */
double travel_minutes(struct rep *r, int from, int to);

/* Handles EV_ROAD, EV_NODE and EV_RESUME. */
void travel_handle(struct rep *r, const struct event *e);

#endif
