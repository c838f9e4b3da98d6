/*
 * network.h -- the road network as a compact adjacency (CSR) and shortest
 * travel times over it (Dijkstra with an indexed binary heap).
 *
 * Roads are undirected: road r becomes two arcs, one each way, both carrying r.
 * A search takes the travel minutes of every road *now* (closures and speed
 * factors already applied, see net_road_minutes); a closed road has INFINITY.
 * All memory a search needs lives in a struct net_search made once and reused,
 * so a query allocates nothing.  Cost: O((V + E) log V) per search; resetting
 * between searches is O(1) (a generation stamp marks what the last search touched).
 */
#ifndef SUPPLYSIM_NETWORK_H
#define SUPPLYSIM_NETWORK_H

struct net_road { int from, to; double minutes; };   /* free-flow minutes */

/* A change to one road in force over [from_min, until_min): factor multiplies
 * its speed; factor 0 closes it.  When several changes of one road are in
 * force, the lowest factor wins (a closure beats a slow-down, whatever their
 * order): the rule the model applies and sim/MODEL.md states. */
struct road_change { int road; double from_min, until_min, factor; };

struct net;
struct net_search;

/* Builds the network; NULL on allocation failure.  Node and road indices must be
 * valid (0 <= from, to < n_nodes); the caller has validated them. */
struct net *net_create(int n_nodes, int n_roads, const struct net_road *roads);
void net_free(struct net *n);
int net_n_nodes(const struct net *n);
int net_n_roads(const struct net *n);
double net_free_minutes(const struct net *n, int road);
int net_road_other_end(const struct net *n, int road, int node);

/* Fills out[n_roads] with the minutes of each road at time t: free-flow minutes
 * divided by the lowest factor among the changes in force at t (1 when
 * none), INFINITY if closed. */
void net_road_minutes(const struct net *n, const struct road_change *ch, int n_ch,
                      double t, double *out);

struct net_search *net_search_create(const struct net *n);
void net_search_free(struct net_search *s);

/* Shortest minutes from src to every node, with road_min[] as the current road
 * minutes (NULL: free flow).  If targets is not NULL the search stops once all
 * n_targets of them are settled (others may then be unsettled). */
void net_search_run(struct net_search *s, int src, const double *road_min,
                    const int *targets, int n_targets);

/* After a run: minutes to node (INFINITY if unreached). */
double net_search_minutes(const struct net_search *s, int node);

/* After a run: the road by which node was reached (its last road from src);
 * -1 for src itself and for an unreached node. */
int net_search_pred(const struct net_search *s, int node);

/* After a run: the roads from src to node in travel order, written to roads[]
 * (at most max); returns the path's length in roads, or -1 if node is unreached.
 * A return larger than max means roads[] holds only the first max. */
int net_search_path(const struct net_search *s, int node, int *roads, int max);

#endif
