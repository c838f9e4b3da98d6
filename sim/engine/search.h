/*
 * search.h -- shortest travel times on a road network (engine/network.h):
 * Dijkstra that stops as soon as what was asked for is settled and resumes
 * when asked for more, A* towards one node, Dijkstra from several sources at
 * once, and the rule that keeps a stopped search valid while road minutes
 * change (net_search_road_changed), so that a search can be kept and reused.
 *
 * A search takes road_min[], the minutes of every road now (INFINITY, a
 * negative number or NaN: closed; NULL: free flow).  It keeps the pointer and
 * reads the array whenever it runs on, so the caller changes minutes in place
 * and tells the search about each change.
 *
 * Memory grows with what a search has touched, not with the network: labels
 * live in an open-addressing table that becomes a plain array indexed by node
 * once it would be as large (net_search_bytes says how much is held).  A run
 * that cannot grow stops as if nothing more were reachable and
 * net_search_failed says so.
 */
#ifndef SUPPLYSIM_SEARCH_H
#define SUPPLYSIM_SEARCH_H

#include <stddef.h>
#include "engine/network.h"

struct net_search;

/* A search over n (which must outlive it); NULL when out of memory. */
struct net_search *net_search_create(const struct net *n);
void net_search_free(struct net_search *s);
/* Forgets every label and gives back all but a little memory. */
void net_search_clear(struct net_search *s);
/* Bytes held now (labels and heap). */
size_t net_search_bytes(const struct net_search *s);
/* A run stopped because memory ran out: its answers are incomplete. */
int net_search_failed(const struct net_search *s);

/* ---- Dijkstra, resumable ------------------------------------------------- */

/* Begins a search from src; nothing is settled yet.  O(1). */
void net_search_start(struct net_search *s, int src, const double *road_min);

/* Runs on until node is settled and returns its minutes from src, or
 * INFINITY when it cannot be reached (the search is then exhausted).  A node
 * already settled costs O(1).  Settling k nodes costs O(k log k) in all,
 * however many calls it takes. */
double net_search_settle(struct net_search *s, int node);

/* net_search_settle, stopping also once every node of at most limit
 * minutes is settled: node's minutes if it was settled, else INFINITY
 * (node may then be farther, or unreachable). */
double net_search_settle_within(struct net_search *s, int node, double limit);

/* Every node not settled yet is at least this many minutes from src
 * (INFINITY once the search is exhausted).  O(1). */
double net_search_unsettled_bound(const struct net_search *s);

int net_search_settled(const struct net_search *s, int node);
/* The source of the current search, -1 if none. */
int net_search_root(const struct net_search *s);

/* Shortest minutes from src to every node (targets NULL), or until each of
 * targets[0..n_targets) is settled (none: nothing is settled; an unreachable
 * one: to exhaustion). */
void net_search_run(struct net_search *s, int src, const double *road_min,
                    const int *targets, int n_targets);

/* ---- A* and several sources ---------------------------------------------- */

/* Shortest minutes from src to dst by A*, net_bound as the estimate of the
 * minutes left (INFINITY when unreachable): the same minutes as Dijkstra,
 * after settling only nodes that could lie on a shortest path.  On a network
 * with landmarks it first searches from both ends, which makes the estimate
 * nearly exact where the search from the goal went (search.c; on the
 * million-node grid a third of the nodes A* from one end settled).  The path
 * is read with net_search_path(s, dst); the search cannot be resumed. */
double net_search_astar(struct net_search *s, int src, int dst, const double *road_min);

/* Dijkstra from all of srcs[0..n) at once (each at 0 minutes), to exhaustion:
 * every node gets its minutes from the nearest source.  Labels are compared
 * as (minutes, index in srcs), so among sources at equal minutes the one
 * listed first wins.  O((V + E) log V). */
void net_search_run_multi(struct net_search *s, const int *srcs, int n, const double *road_min);

/* After net_search_run_multi: the index in srcs of the source node was
 * reached from; -1 if unreached.  O(path length). */
int net_search_origin(const struct net_search *s, int node);

/* ---- reading a search ---------------------------------------------------- */

/* Minutes to node: final when it is settled; for a node reached but not yet
 * settled, the best path seen so far (an upper bound, the path that
 * net_search_path returns); INFINITY if unreached.  O(1). */
double net_search_minutes(const struct net_search *s, int node);

/* The road by which node was reached (its last road from the source); -1 for
 * a source and for an unreached node. */
int net_search_pred(const struct net_search *s, int node);

/* The roads from the source to node in travel order, written to roads[]
 * (at most max); returns the path's length in roads, or -1 if node is
 * unreached.  A return larger than max means roads[] holds only the first max.
 * For a node a Dijkstra search has settled, and for A*'s goal, the path is
 * chosen among those of least minutes by the minutes alone (walking back, the
 * lowest-numbered road each time), so it is the same however the search came
 * by them: run at once or in steps, repaired after road changes, kept from
 * earlier questions, or A*.  (Not on a road of 0 minutes, which no road
 * before it can beat: there the stored road, which depends on the search's
 * order, is kept.  The model's roads all take some minutes.) */
int net_search_path(const struct net_search *s, int node, int *roads, int max);

/* ---- keeping a search while the roads change ----------------------------- */

enum net_change {
    NET_KEPT,       /* the search is as valid as before; nothing was done */
    NET_REPAIRED,   /* a node it has not settled yet was relabelled */
    NET_STALE       /* its answers may be wrong: start it again */
};

/* Road `road` went from old to now minutes, and road_min[road] already holds
 * now.  For a search begun by net_search_start (stopped anywhere, resumed any
 * number of times) repairs it so that it answers as a fresh search on the new
 * minutes would (search_repair.c proves the rule), or says it cannot; any
 * other search is STALE.  The cost is that of the nodes whose minutes the
 * change alters, and a change to a road the search has not reached is O(1). */
enum net_change net_search_road_changed(struct net_search *s, int road, double old, double now);

/* The same for roads[0..n) changed since the search last ran or was
 * repaired, old[i] the minutes of roads[i] then (road_min holds them now):
 * changes may be collected while a search is not in use and applied once. */
enum net_change net_search_roads_changed(struct net_search *s, const int *roads,
                                         const double *old, int n);

/* Does the road touch a node this search has labelled (settled or queued)?
 * If not, a change to it changes nothing for the search.  O(1). */
int net_search_touches(const struct net_search *s, int road);

/* ---- keeping one route while the roads change ---------------------------- */

/* A route from root to target of `minutes` (its roads route[0..len), chosen
 * as net_search_path chooses) was found when roads[i] took old[i] minutes
 * (i < n, all the roads changed since; road_min holds them now).  Is it still
 * the route, with the same minutes, that a fresh search would return?  Yes
 * when no road of the route changed and every road made faster could not be
 * on a path as short: net_bound(root, u) + its minutes + net_bound(v, target)
 * > minutes, both ways round (search_repair.c says why).  road_mark[] (one per
 * road) and *mark are scratch the caller keeps.  O(len + n x landmarks). */
int net_route_holds(const struct net *net, const double *road_min, int root, int target,
                    double minutes, const int *route, int len, const int *roads,
                    const double *old, int n, unsigned *road_mark, unsigned *mark);

#endif
