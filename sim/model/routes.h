/*
 * routes.h -- shortest routes on a state of the roads now (routes.c): the
 * roads as they are, or as the dispatch centre knows them.  Searches kept per
 * (state, root) and single routes kept per (state, root, target), both
 * repaired or found again only when a road change can have made them wrong.
 * Used by travel (trucks' routes), dispatch (a request's stores) and demand
 * (the trip home).
 */
#ifndef SUPPLYSIM_MODEL_ROUTES_H
#define SUPPLYSIM_MODEL_ROUTES_H

#include "model/state.h"

/* A kept search is run on to a target at most this many minutes (by
 * net_bound) past what it has not settled; a farther one is reached by A*.
 * Once the budget has had to drop a search, a search grown is less likely to
 * be asked again before it goes, and the reach is ROUTES_GROW_MIN_DROPPING
 * (routes.c says what was measured). */
#define ROUTES_GROW_MIN 40.0
#define ROUTES_GROW_MIN_DROPPING 20.0

/* A replication's searches, within `budget` bytes (the least recently used
 * are dropped past it); NULL when out of memory. */
struct routes *routes_create(const struct model *m, size_t budget);
void routes_free(struct routes *rt);

/* Sets how many bytes of searches are kept (the least recently used beyond
 * are dropped); a test makes it tiny to show that no result depends on what
 * is kept. */
void routes_set_budget(struct routes *rt, size_t budget);

/* A state of the roads: road_min[road] is each road's minutes in it now
 * (INFINITY closed), kept by the caller, who tells every change through
 * routes_road_changed.  Its id for the questions below, or -1 when out of
 * memory.  O(nodes). */
int routes_add_state(struct routes *rt, const double *road_min);

/* The kept search from root on state st now, brought up to date (for the
 * dispatcher's bounds: what it has settled and the bound on what it has
 * not); valid until the next routes_ call, unless held.  NULL when out of
 * memory (r->failed set). */
struct net_search *routes_from(struct rep *r, int st, int root);

/* Holds the kept search from root on state st (routes_from gave it): no
 * other routes_ call drops it until routes_release(r, what this returned).
 * The dispatcher holds its request's search while it asks other states'
 * minutes, which share the budget.  Every state's searches share one
 * least-recently-used list. */
int routes_hold(struct rep *r, int st, int root);
void routes_release(struct rep *r, int held_before);

/* Minutes from root to target on state st now (INFINITY when no road leads
 * there now) and, when route is not NULL, the route: the roads from root to
 * target in travel order, in *route (grown to *cap as needed), *len of them.
 * From root's kept search when the target is near it (a search is started
 * only while the budget has never had to drop one), else from a way found by
 * A* and kept while the rule in routes.c holds; the minutes are summed
 * from root and the route chosen by the minutes alone either way, so the
 * answer does not depend on which. */
double routes_way(struct rep *r, int st, int root, int target, int **route, int *cap, int *len);

/* routes_way without the route. */
double routes_minutes(struct rep *r, int st, int from, int to);

/* State st's road_min[road] has changed from old minutes: logged, and each
 * kept search on st is repaired when next used (engine/search.h's rule), or
 * started again only when it cannot be.  O(1). */
void routes_road_changed(struct rep *r, int st, int road, double old);

/* How far past what a kept search has not settled it is run on to a target:
 * ROUTES_GROW_MIN, or ROUTES_GROW_MIN_DROPPING once a search has been
 * dropped. */
double routes_grow_min(const struct routes *rt);

/* Bytes held now by the kept searches (for tests and -v). */
size_t routes_bytes(const struct routes *rt);

#endif
