/*
 * network.h -- the road network as a compact adjacency (CSR), the minutes of
 * its roads at a given time, and a lower bound on the minutes between two
 * nodes from their positions (what goal-directed searches and the dispatcher's
 * pre-filter use; engine/search.h holds the searches themselves).
 *
 * Roads are undirected: road r becomes two arcs, one each way, both carrying r.
 * A search takes the travel minutes of every road *now* (closures and speed
 * factors already applied, see net_road_minutes); a closed road has INFINITY.
 */
#ifndef SUPPLYSIM_NETWORK_H
#define SUPPLYSIM_NETWORK_H

#include <stddef.h>

struct net_road { int from, to; double minutes; };   /* free-flow minutes */

/* A change to one road in force over [from_min, until_min): factor multiplies
 * its speed; factor 0 closes it.  When several changes of one road are in
 * force, the lowest factor wins (a closure beats a slow-down, whatever their
 * order): the rule the model applies and sim/MODEL.md states. */
struct road_change { int road; double from_min, until_min, factor; };

struct net;

/* Builds the network; NULL on allocation failure.  Node and road indices must be
 * valid (0 <= from, to < n_nodes); the caller has validated them. */
struct net *net_create(int n_nodes, int n_roads, const struct net_road *roads);
void net_free(struct net *n);
int net_n_nodes(const struct net *n);
int net_n_roads(const struct net *n);
double net_free_minutes(const struct net *n, int road);
int net_road_other_end(const struct net *n, int road, int node);
int net_road_from(const struct net *n, int road);
int net_road_to(const struct net *n, int road);

/* Bytes net_create allocates for a network of this size (the memory check
 * at load uses it). */
size_t net_bytes(long n_nodes, long n_roads);

/* The arcs as read-only arrays, for the searches' inner loops: the arcs
 * leaving node v are head[first[v] .. first[v+1]), each along road[a]; the
 * roads themselves are roads[0 .. n_roads). */
struct net_arcs { const int *first, *head, *road; const struct net_road *roads; };
struct net_arcs net_arcs(const struct net *n);

/* Fills out[n_roads] with the minutes of each road at time t: free-flow minutes
 * divided by the lowest factor among the changes in force at t (1 when
 * none), INFINITY if closed. */
void net_road_minutes(const struct net *n, const struct road_change *ch, int n_ch,
                      double t, double *out);

/* ---- positions and the lower bound ----------------------------------------
 * Given the nodes' WGS-84 positions, net_bound(a, b) is a lower bound on the
 * minutes of every path between a and b: the straight-line (chord) distance
 * through the earth divided by the fastest straight-line speed of any road
 * (max over roads of chord km / free-flow minutes).  Every road takes at least
 * its chord over that speed, and a path is at least as long as the chord
 * between its ends (triangle inequality), so the bound never overestimates.
 * Closures and slow-downs only add minutes, so it also bounds every path on
 * the roads as they are now.  Without positions (or with a road of 0 minutes
 * between distinct points) the bound is 0. */

/* 0, or -1 when memory runs out.  O(V + E). */
int net_set_points(struct net *n, const double *lon, const double *lat);

/* Lower bound on the minutes between nodes a and b: the straight-line
 * bound, or the landmarks' (engine/landmarks.h) when higher; INFINITY when
 * the landmarks show that no road joins them.  O(landmarks). */
double net_bound(const struct net *n, int a, int b);

/* The straight-line part of net_bound alone (0 without positions): net_bound
 * is the larger of it and net_landmark_bound, to the bit.  O(1). */
double net_chord_bound(const struct net *n, int a, int b);

/* Gives the network k landmarks' minutes (engine/landmarks.c makes them;
 * the network owns mark from now on; NULL removes them). */
void net_attach_landmarks(struct net *n, int k, double *mark);

/* The landmarks' minutes as attached (mark[v * k + i], k = net_n_landmarks),
 * or NULL: what a cache of them keeps. */
const double *net_landmark_table(const struct net *n);

/* How many landmarks the network has (0: the straight-line bound alone), and
 * the most finite minutes from one of them to a node. */
int net_n_landmarks(const struct net *n);
double net_landmarks_max(const struct net *n);

/* The landmarks' part of net_bound alone (0 without landmarks); the same
 * bits for (a, b) as for (b, a).  Along a road of w minutes it changes by at
 * most w (1 + (4n + 4) u) + 16 u X (n nodes, X = net_landmarks_max,
 * u = DBL_EPSILON / 2: network.c). */
double net_landmark_bound(const struct net *n, int a, int b);

/* Lower bound on the minutes between two points at least arc_km apart on the
 * earth's surface (great-circle km).  O(1). */
double net_bound_arc(const struct net *n, double arc_km);

#endif
