/*
 * routes.h -- shortest paths during a replication (routes.c): the searches
 * kept per root on the roads as they are now, told of every road change so
 * that only what a change can make wrong is thrown away, and the free-flow
 * minutes from a store to a node, computed once per pair and thread.
 * Used by travel (trucks' routes), dispatch (a request's stores) and demand
 * (the trip home).
 */
#ifndef SUPPLYSIM_MODEL_ROUTES_H
#define SUPPLYSIM_MODEL_ROUTES_H

#include "model/state.h"

/* A replication's searches, within `budget` bytes (the least recently used
 * are dropped past it); NULL when out of memory. */
struct routes *routes_create(const struct model *m, size_t budget);
void routes_free(struct routes *rt);

/* The search from root on the roads now (r->road_min), to be run on with
 * net_search_settle as far as the caller needs; it stays valid until the next
 * call of routes_from or a road change.  NULL when out of memory (r->failed
 * is then set). */
struct net_search *routes_from(struct rep *r, int root);

/* Minutes from one node to another on the roads now; INFINITY when no road
 * leads there now. */
double routes_minutes(struct rep *r, int from, int to);

/* road_min[road] has gone from old to now minutes: logged, and each kept
 * search is repaired when next used (engine/search.h's rule), or started
 * again only when it cannot be. */
void routes_road_changed(struct rep *r, int road, double old, double now);

/* Free-flow minutes from node src (a store's) to node dst, summed from src
 * (A* the first time this thread asks for the pair, then a table).  INFINITY
 * when no road leads there at all; NAN when out of memory (r->failed set). */
double routes_free_minutes(struct rep *r, int src, int dst);

/* Bytes held now by the kept searches (for tests and -v). */
size_t routes_bytes(const struct routes *rt);

#endif
