/*
 * roadinfo.h -- what is known of the roads (roadinfo.c): the dispatch
 * centre's view, which is also what a driver plans on, made of reports that
 * come late and of what drivers see on the road.  Used by travel; under
 * run.road_info "perfect" the known roads are the roads as they are.
 */
#ifndef SUPPLYSIM_MODEL_ROADINFO_H
#define SUPPLYSIM_MODEL_ROADINFO_H

#include "model/state.h"

/* The replication's known roads, per vehicle profile, and their routes
 * states (after the true roads' states: vehicle_rep_create first); 0, or -1
 * when out of memory.  Freed by info_free. */
int info_create(struct rep *r);
void info_free(struct rep *r);

/* Draws every change's two reporting delays from the hazard stream, after
 * all its other draws, whatever road_info (so "perfect" and "reported" face
 * the same hazard, demand and delays), and under "reported" sets the known
 * roads to free flow and schedules each report (EV_KNOWN).  0, or -1 when
 * out of memory. */
int info_realise(struct rep *r);

/* EV_KNOWN: a report of change c reaches the dispatch centre.  1 when what
 * it knows of the roads changed. */
int info_report(struct rep *r, int c);

/* A driver sees road as it is now (he has reached it, drives it, or waits
 * where it starts): its changes in force become known, those that have
 * ended become known to have ended; the centre learns it at once.  1 when
 * what it knows changed; always 0 under "perfect".  O(changes of the road). */
int info_sight(struct rep *r, int road);

#endif
