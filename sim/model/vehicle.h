/*
 * vehicle.h -- what a vehicle can pass (vehicle.c).  A truck type whose
 * `passes` names the cause of some hazard rule (a boat passes "water") gets
 * a profile of its own, with its own minutes for every road now: on a road
 * that rule has closed or slowed it keeps its own speed factor when that is
 * faster.  Profile 0 is every other vehicle (rep->road_min).  Travel keeps
 * every profile's minutes current and routes each truck on its own.
 *
 * A question about routes is asked of a routes state (routes.h): a
 * profile's roads as they are (VIEW_TRUE), or as the dispatch centre knows
 * them (VIEW_KNOWN, roadinfo.c: the known changes, with the profile's
 * passes applied); under perfect road information the two are one state.
 * A truck plans, and the dispatcher estimates, on the known view.
 */
#ifndef SUPPLYSIM_MODEL_VEHICLE_H
#define SUPPLYSIM_MODEL_VEHICLE_H

#include "model/state.h"

/* The model's profiles from the definition (n_profiles, type_profile,
 * rule_pass); 0, or -1 when out of memory.  Freed by vehicle_model_free. */
int vehicle_model(struct model *m);
void vehicle_model_free(struct model *m);

/* A replication's minutes and routes for profiles 1 and up; 0, or -1 when
 * out of memory (vehicle_rep_free frees what was made). */
int vehicle_rep_create(struct rep *r);
void vehicle_rep_free(struct rep *r);

/* The speed factor change c (rep->changes) gives vehicles of profile p:
 * its own factor, or the profile's pass for its rule's cause when higher. */
double vehicle_change_factor(const struct rep *r, int c, int p);

/* The speed factor of road for profile p now: the lowest among the changes
 * in force on it (1 when none, 0 closed), where a change by a rule the
 * profile passes counts at least the profile's own factor.  O(changes of
 * the road). */
double vehicle_factor(const struct rep *r, int road, int p);

/* Profile p's minutes of every road now (profile 0: rep->road_min). */
double *vehicle_road_min(const struct rep *r, int p);

/* Profile p's minutes of road (as it is) become `now`; its kept searches
 * are told. */
void vehicle_set_min(struct rep *r, int p, int road, double now);

/* routes_way and routes_minutes (routes.h) for a vehicle of profile p, on
 * its own minutes as the dispatch centre knows them (VIEW_KNOWN). */
double vehicle_way(struct rep *r, int p, int root, int target, int **route, int *cap, int *len);
double vehicle_minutes(struct rep *r, int p, int from, int to);

/* The profile of truck type t (-1: none, profile 0). */
static inline int vehicle_profile(const struct rep *r, int t)
{
    return t >= 0 ? r->m->type_profile[t] : 0;
}

enum view { VIEW_TRUE, VIEW_KNOWN };

/* The routes state of profile p's roads in view v: states 0 .. n_profiles
 * - 1 are the roads as they are; the known ones start at rep->st_known
 * (0 under perfect information: the same states). */
static inline int vehicle_state(const struct rep *r, int p, enum view v)
{
    return v == VIEW_KNOWN ? r->st_known + p : p;
}

#endif
