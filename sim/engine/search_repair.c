/*
 * search_repair.c -- keeping a stopped Dijkstra right while road minutes
 * change (net_search_road_changed): only what a change can make wrong is
 * looked at, and it is repaired in place rather than searched again.
 *
 * The invariant is search.c's: (I1) settled nodes have their shortest
 * minutes; (I2) a queued node's label is the least over its settled, relaxed
 * neighbours, and no label is below rho, the most minutes of any settled
 * node.  Take one road e = (u, v) going from w to w' first; several roads
 * changed at once are handled as below, all the slower ones before all the
 * faster ones, then one catch_up.  (A pending node is scanned first, with
 * the new minutes, so every settled node is relaxed.)
 *
 *  Slower (w' > w; closing is w' = INFINITY).
 *   - e is the pred of no labelled node: no settled node's path uses e, so
 *     its length is the same while no path got shorter: (I1) holds.  A queued
 *     y's minimum in (I2) is attained by pred(y) != e, whose term did not
 *     change, while e's only grew: (I2) holds.  KEPT.
 *   - e = pred(y), y queued: y's label is computed again from its settled
 *     neighbours (the same minimum with one term grown: no lower, so still
 *     >= rho; none left: y is unlabelled).  REPAIRED.
 *   - e = pred(v), v settled: the nodes whose path runs through e are v and
 *     its subtree T (found depth first: a node's children are the neighbours
 *     whose pred is the road between them).  Every other settled node keeps its
 *     minutes (its path avoids e).  T is unsettled; T's nodes and the queued
 *     nodes whose pred leads from T are labelled again from the settled,
 *     relaxed nodes outside T -- now (I2) holds except that some labels may
 *     be below rho -- and then catch_up restores it.  REPAIRED (STALE when T
 *     is more than a quarter of what is settled: see cut_subtree).
 *  Faster (w' < w; reopening is w = INFINITY).  For each direction x -> y
 *   with x settled, c = dist(x) + w'.
 *   - c >= dist(y), or x is not settled at all (both ends unsettled): any
 *     path through e is no shorter than the same path with y reached along
 *     y's own label path (or, both ends unsettled, than where it first leaves
 *     the settled set, >= rho): nothing changes.  KEPT.
 *   - c < dist(y): y gets c by e (reopened if it was settled), and
 *     catch_up spreads the improvement.  REPAIRED.
 *
 * A road that touches no labelled node (neither end settled or queued)
 * changes nothing: KEPT without looking further (net_search_touches).
 * Several roads at once: the cuts (slower roads) come first, so that every
 * settled node left has a path that uses no slower road -- its minutes are a
 * real path's under the new minutes, though perhaps no longer the least --
 * then every node cut or reached by a slower road is labelled from the
 * settled ones, then each faster road offers its ends the minutes from a
 * settled end, and catch_up makes the least of it.
 *
 * One route (net_route_holds).  A route P of D minutes from root to target,
 * the one net_search_path chose, and roads changed since.  If no road of P
 * changed, P still takes D.  A path that uses a road e = (u, v) made faster
 * takes at least bound(root, u) + w'(e) + bound(v, target) (or u and v
 * swapped), bound being net_bound, a lower bound on the roads as they are now
 * (hazards only slow roads, and the bound is at free flow); if that exceeds D
 * for every such road, no path through one is as short as D, and every other
 * path only got slower.  So D is still the least, no new path of D minutes
 * appeared (hence "exceeds", not "reaches": a new one of equal minutes might
 * be chosen first), and P, chosen among those of D minutes by the minutes
 * alone, is still the one chosen.  Otherwise the route must be found again.
 *
 * catch_up(limit = rho before the change) runs Dijkstra on, reopening a
 * settled node whenever it finds it a shorter path, until no queued label is
 * below the limit.  Then (I1) holds: were a settled z too long, the first
 * node y on a shortest path to z whose minutes are not final and relaxed
 * would be queued at its shortest minutes < dist(z) <= limit, and would have
 * been taken.  (I2) holds, since every node taken was relaxed with its final
 * minutes and no queued label is below rho.  The cost is that of the nodes
 * whose minutes changed and their neighbours, not of the search.
 */
#include "engine/search_impl.h"

#include <math.h>

/* A search is started again when a road made slower cuts more than 1 /
 * CUT_SHARE of what it has settled.  Repaired, it settles every node cut
 * again, as far as it had gone; started again, it goes only as far as the
 * next questions take it, which is often less.  Measured on the 10,000-node
 * grid (cachegrind, instructions a replication past the first, 5 of them):
 * 648 M with 2 (half, as it was), 592 M with 4, 581 M with 8, 661 M with 16
 * and 729 M with 64; on the 100,000-node grid and the 200,000-node region
 * the same within 0.3%, and on the flood 1.4% fewer.  The answers are the
 * same bits whichever it is (model/routes.c: nothing the model reads
 * depends on what a search went through). */
#define CUT_SHARE 4

/* Settled minutes of the node in slot k, or INFINITY. */
static double settled_dist(const struct net_search *s, int k)
{
    return k >= 0 && is_settled(&s->tab[k]) ? s->tab[k].dist : INFINITY;
}

/* The least over y's settled neighbours of dist + minutes now, and the road
 * that gives it (-1: none). */
static double best_from_settled(const struct net_search *s, int y, int *road)
{
    double best = INFINITY;
    *road = -1;
    for (int a = s->arcs.first[y]; a < s->arcs.first[y + 1]; a++) {
        double m = search_arc_minutes(s, s->arcs.road[a]);
        double d = settled_dist(s, search_slot(s, s->arcs.head[a]));
        if (m >= 0 && d + m < best) {
            best = d + m;
            *road = s->arcs.road[a];
        }
    }
    return best;
}

/* A queued or unlabelled node's label anew from its settled neighbours:
 * queued again, moved, or unlabelled. */
static void relabel(struct net_search *s, int k)
{
    int road;
    double best = best_from_settled(s, s->tab[k].node, &road);
    struct net_label *l = &s->tab[k];
    int at = l->pos;
    l->pred = road;
    l->dist = best;
    if (at >= 0 && road < 0) {
        search_heap_remove(s, at);
        l->pos = UNLABELLED;
    } else if (at >= 0) {
        struct net_heap_item it = { best, k, 0 };
        if (best < s->heap[at].key)
            search_heap_up(s, at, it);
        else
            search_heap_down(s, at, it);
    } else if (road >= 0) {
        search_heap_push(s, (struct net_heap_item){ best, k, 0 });
    }
}

/* Dijkstra on, reopening settled nodes, while a queued label is below limit. */
static void catch_up(struct net_search *s, double limit)
{
    s->reopen = 1;
    while (s->heap_len > 0 && s->heap[0].key < limit && !s->failed)
        search_scan(s, search_pop(s).slot, 0);
    s->reopen = 0;
}

/* Cuts the subtree of settled v (slot kv): v and, depth first, every settled
 * node whose pred runs from a node cut are unsettled and listed in scratch
 * after the *listed already there, with the queued nodes whose pred runs
 * from a node cut (their labels are to be made anew too).  A node's children
 * are found among its neighbours: those whose pred is the road between them.
 * O(nodes cut x degree).  0, or -1 when what has been cut would be more than
 * 1 / CUT_SHARE of what was settled (counted when a settled child is found,
 * with the queued nodes listed among the cut: a single node cut is always
 * repaired), or memory ran out. */
static int cut_subtree(struct net_search *s, int kv, int *listed)
{
    int settled = s->n_settled + *listed, top = *listed;
    if (search_scratch(s, *listed + 1) < 0)
        return -1;
    search_unsettle(s, kv);
    s->scratch[(*listed)++] = s->tab[kv].node;
    while (top < *listed) {            /* scratch[top ..] still to look under */
        int x = s->scratch[top++];
        if (search_slot(s, x) < 0 || s->tab[search_slot(s, x)].pos != UNLABELLED)
            continue;                  /* a queued one: nothing hangs from it */
        for (int a = s->arcs.first[x]; a < s->arcs.first[x + 1]; a++) {
            int k = search_slot(s, s->arcs.head[a]);
            if (k < 0 || s->tab[k].pos == UNLABELLED || s->tab[k].pred != s->arcs.road[a])
                continue;
            if (is_settled(&s->tab[k])) {
                if (CUT_SHARE * (*listed + 1) > settled)
                    return -1;
                search_unsettle(s, k);
            }
            if (search_scratch(s, *listed + 1) < 0)
                return -1;
            s->scratch[(*listed)++] = s->arcs.head[a];
        }
    }
    return 0;
}

/* Is road's minutes from a settled end to the other below its label? */
static int shortcut(const struct net_search *s, int x, int y, double now)
{
    int kx = search_slot(s, x), ky = search_slot(s, y);
    double c = settled_dist(s, kx) + now;
    return c < (ky >= 0 && s->tab[ky].pos != UNLABELLED ? s->tab[ky].dist : INFINITY);
}

int net_search_touches(const struct net_search *s, int road)
{
    if (s->mode == MODE_NONE || s->gen == 0)
        return 0;
    int ku = search_slot(s, s->arcs.roads[road].from);
    int kv = search_slot(s, s->arcs.roads[road].to);
    return (ku >= 0 && s->tab[ku].pos != UNLABELLED) || (kv >= 0 && s->tab[kv].pos != UNLABELLED);
}

/* Minutes as the rule compares them: closed is INFINITY. */
static double as_minutes(double m)
{
    return (m >= 0 && m < INFINITY) ? m : INFINITY;
}

/* The slower roads: cut the subtree of each settled node reached by one,
 * list the queued nodes reached by one or from the cut (in scratch with the
 * cut ones), and label them all anew.  0, or -1 (too much cut, or out of
 * memory). */
static int slower_roads(struct net_search *s, const int *roads, const double *old, int n,
                        int *changed)
{
    int listed = 0;
    for (int i = 0; i < n; i++) {
        if (!(as_minutes(s->road_min[roads[i]]) > as_minutes(old[i])))
            continue;
        int ends[2] = { s->arcs.roads[roads[i]].from, s->arcs.roads[roads[i]].to };
        for (int e = 0; e < 2; e++) {
            int k = search_slot(s, ends[e]);
            if (k < 0 || s->tab[k].pos == UNLABELLED || s->tab[k].pred != roads[i])
                continue;
            *changed = 1;
            if (is_settled(&s->tab[k]) ? cut_subtree(s, k, &listed) < 0
                                       : search_scratch(s, listed + 1) < 0)
                return -1;
            if (is_queued(&s->tab[k]))
                s->scratch[listed++] = ends[e];
        }
    }
    for (int i = 0; i < listed; i++)
        relabel(s, search_slot(s, s->scratch[i]));
    return 0;
}

/* The faster roads: each end gets the road's minutes from its settled other
 * end when that is shorter (reopening it if settled). */
static void faster_roads(struct net_search *s, const int *roads, const double *old, int n,
                         int *changed)
{
    for (int i = 0; i < n; i++) {
        double now = as_minutes(s->road_min[roads[i]]);
        if (!(now < as_minutes(old[i])))
            continue;
        int u = s->arcs.roads[roads[i]].from, v = s->arcs.roads[roads[i]].to;
        for (int e = 0; e < 2; e++) {
            int x = e ? v : u, y = e ? u : v;
            if (shortcut(s, x, y, now)) {
                search_reach(s, y, s->tab[search_slot(s, x)].dist + now, roads[i], 0);
                *changed = 1;
            }
        }
    }
}

enum net_change net_search_roads_changed(struct net_search *s, const int *roads,
                                         const double *old, int n)
{
    int touched = 0;
    for (int i = 0; i < n && !touched; i++)
        touched = net_search_touches(s, roads[i]);
    if (s->mode == MODE_NONE || s->gen == 0 || (!touched && s->mode == MODE_DIJKSTRA))
        return NET_KEPT;
    if (s->mode != MODE_DIJKSTRA || s->failed)
        return NET_STALE;
    search_flush(s);
    double limit = s->rho;
    int changed = 0;
    s->reopen = 1;
    int rc = slower_roads(s, roads, old, n, &changed);
    if (rc == 0)
        faster_roads(s, roads, old, n, &changed);
    s->reopen = 0;
    if (rc < 0 || s->failed)
        return NET_STALE;
    if (!changed)
        return NET_KEPT;
    catch_up(s, limit);
    return s->failed ? NET_STALE : NET_REPAIRED;
}

enum net_change net_search_road_changed(struct net_search *s, int road, double old, double now)
{
    (void)now;                         /* road_min[road] holds it */
    return net_search_roads_changed(s, &road, &old, 1);
}

int net_route_holds(const struct net *net, const double *road_min, int root, int target,
                    double minutes, const int *route, int len, const int *roads,
                    const double *old, int n, unsigned *road_mark, unsigned *mark)
{
    if (n == 0)
        return 1;
    if (++*mark == 0) {                /* the marks wrapped: clear them */
        for (int r = 0; r < net_n_roads(net); r++)
            road_mark[r] = 0;
        *mark = 1;
    }
    for (int i = 0; i < len; i++)
        road_mark[route[i]] = *mark;
    for (int i = 0; i < n; i++) {
        double now = as_minutes(road_min[roads[i]]);
        if (road_mark[roads[i]] == *mark)
            return 0;                  /* a road of the route changed */
        if (!(now < as_minutes(old[i])))
            continue;                  /* slower or closed: only routes through it care */
        int u = net_road_from(net, roads[i]), v = net_road_to(net, roads[i]);
        if (!(net_bound(net, root, u) + now + net_bound(net, v, target) > minutes)
            || !(net_bound(net, root, v) + now + net_bound(net, u, target) > minutes))
            return 0;                  /* a route through it might be as short */
    }
    return 1;
}
