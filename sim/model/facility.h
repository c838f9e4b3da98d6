/*
 * facility.h -- the stores of one replication (facility.c): crews and their
 * mobilisation, trucks taken from the fleet and brought home, loading bays
 * with their queue, crews lost to a hazard.  Calls travel when a truck is
 * loaded.
 */
#ifndef SUPPLYSIM_MODEL_FACILITY_H
#define SUPPLYSIM_MODEL_FACILITY_H

#include "model/state.h"

/* Minutes store f needs from an alarm at time t until its crews are ready. */
double mobilise_min(const struct rep *r, int f, double t);

/* Calls out store f's crews now, or at time t (once; later calls change
 * nothing). */
void fac_alarm(struct rep *r, int f);
void fac_alarm_at(struct rep *r, int f, double t);

/* A new empty shipment of request req from store src; its id, or -1. */
int ship_new(struct rep *r, int req, int src);

/* Hands a filled shipment to its store: alarm, then the truck queue. */
void fac_enqueue(struct rep *r, int ship);

/* Stock of store f was promised or refilled: schedules a check of its
 * reorder levels (EV_REORDER, handled by demand) when one is due. */
void on_stock_change(struct rep *r, int f);

/* Every store back to its initial stock, crews at rest, trucks idle. */
void reset_stores(struct rep *r);

/* Handles EV_READY, EV_LOADED, EV_HOME, EV_CREWS_OUT and EV_CREWS_BACK. */
void facility_handle(struct rep *r, const struct event *e);

#endif
