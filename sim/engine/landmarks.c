/*
 * landmarks.c -- choosing landmarks and measuring the free-flow minutes from
 * each to every node (landmarks.h says why their differences bound the
 * minutes between two nodes).
 *
 * Farthest-point choice: the first landmark is the node farthest from node 0,
 * each next one the node farthest from all chosen so far (ties to the lower
 * node), so that landmarks sit on the network's edges, where their
 * differences are tightest.  Each landmark's search also gives the distances
 * that choose the next, so k landmarks cost k + 1 searches.  Minutes are kept
 * as Dijkstra gives them (8 bytes per node and landmark; INFINITY when the
 * landmark does not reach the node); net_bound allows for their rounding.
 * The searches are whole trees at free flow, so they are made here by a
 * Dijkstra of its own (tree()): a heap of nodes keyed by their minutes, no
 * labels, ties or roads' states; the million-node grid's nine trees take
 * 1.55 s so, 1.92 s by the general search (engine/search.h).  Each node's
 * minutes are then the least, over the roads into it, of the minutes at the
 * road's other end plus the road's, whatever order equal keys settle in (the
 * test build holds them to the general search's, bit for bit); and A*'s
 * answers never depend on them, only its work.
 * Doubles, not floats rounded down: a float's rounding would be some 1e-7 of
 * the minutes at every road, too much for the potentials of A* from both ends
 * (search.c), which must change by no more than a road's minutes along it.
 */
#include <math.h>
#include <stdlib.h>
#include "engine/landmarks.h"
#ifdef SUPPLYSIM_PARANOID
#include <stdio.h>
#include <string.h>
#include "engine/search.h"
#endif

/* A whole tree's state: minutes per node, and a binary heap of nodes with
 * their keys beside them (so that sifting reads the heap alone) and each
 * node's place in it (-1: not queued; the heap holds each node once). */
struct tree_item { double key; int node; };
struct tree { double *min; struct tree_item *heap; int *pos; int len; };

static void tree_up(struct tree *t, int i, struct tree_item it)
{
    while (i > 0 && it.key < t->heap[(i - 1) / 2].key) {
        t->heap[i] = t->heap[(i - 1) / 2];
        t->pos[t->heap[i].node] = i;
        i = (i - 1) / 2;
    }
    t->heap[i] = it;
    t->pos[it.node] = i;
}

static void tree_down(struct tree *t, int i, struct tree_item it)
{
    for (;;) {
        int c = 2 * i + 1;
        if (c >= t->len)
            break;
        if (c + 1 < t->len && t->heap[c + 1].key < t->heap[c].key)
            c++;
        if (!(t->heap[c].key < it.key))
            break;
        t->heap[i] = t->heap[c];
        t->pos[t->heap[i].node] = i;
        i = c;
    }
    t->heap[i] = it;
    t->pos[it.node] = i;
}

/* Free-flow minutes from src to every node into t->min (INFINITY where no
 * road leads).  A settled node is never queued again (a road's minutes are
 * >= 0, so min[u] + w rounds to no less than min[u], and u settled after
 * it), so the heap holds at most V items.  O((V + E) log V). */
static void tree(const struct net *n, int src, struct tree *t)
{
    int nodes = net_n_nodes(n);
    struct net_arcs a = net_arcs(n);
    for (int v = 0; v < nodes; v++) {
        t->min[v] = INFINITY;
        t->pos[v] = -1;
    }
    t->min[src] = 0;
    t->heap[0] = (struct tree_item){ 0, src };
    t->pos[src] = 0;
    t->len = 1;
    while (t->len > 0) {
        int u = t->heap[0].node;
        t->pos[u] = -1;
        if (--t->len > 0)
            tree_down(t, 0, t->heap[t->len]);
        for (int i = a.first[u]; i < a.first[u + 1]; i++) {
            double w = a.roads[a.road[i]].minutes, m = t->min[u] + w;
            int v = a.head[i];
            if (!(w >= 0 && m < t->min[v]))
                continue;            /* a closed road, or no better */
            t->min[v] = m;
            tree_up(t, t->pos[v] >= 0 ? t->pos[v] : t->len++, (struct tree_item){ m, v });
        }
    }
}

#ifdef SUPPLYSIM_PARANOID
/* The test build holds every tree to the general search's minutes, bit for
 * bit (every network with landmarks that the tests build). */
static void check_tree(struct net *n, int src, const struct tree *t)
{
    struct net_search *s = net_search_create(n);
    if (!s)
        return;
    net_search_run(s, src, NULL, NULL, 0);
    for (int v = 0; v < net_n_nodes(n) && !net_search_failed(s); v++)
        if (memcmp(&t->min[v], &(double){ net_search_minutes(s, v) }, sizeof(double))) {
            fprintf(stderr, "landmarks: from node %d to %d, %.17g where Dijkstra has %.17g\n",
                    src, v, t->min[v], net_search_minutes(s, v));
            abort();
        }
    net_search_free(s);
}
#endif

/* The node whose least minutes (min_to[], INFINITY: unreached) is the most. */
static int farthest(const double *min_to, int n)
{
    int best = -1;
    for (int v = 0; v < n; v++)
        if (isfinite(min_to[v]) && (best < 0 || min_to[v] > min_to[best]))
            best = v;
    return best;
}

int net_set_landmarks(struct net *n, int k)
{
    int nodes = net_n_nodes(n), made = 0;
    if (nodes == 0 || k <= 0)
        return 0;
    double *mark = malloc((size_t)nodes * (size_t)k * sizeof *mark);
    double *min_to = calloc((size_t)nodes, sizeof *min_to);
    struct tree t = { malloc((size_t)nodes * sizeof *t.min), malloc((size_t)nodes * sizeof *t.heap),
                      malloc((size_t)nodes * sizeof *t.pos), 0 };
    int rc = -1;
    if (!mark || !min_to || !t.min || !t.heap || !t.pos)
        goto done;
    tree(n, 0, &t);
    for (int v = 0; v < nodes; v++)
        min_to[v] = t.min[v];
    for (int at = farthest(min_to, nodes); made < k && at >= 0; made++) {
        tree(n, at, &t);
#ifdef SUPPLYSIM_PARANOID
        check_tree(n, at, &t);
#endif
        for (int v = 0; v < nodes; v++) {
            double d = t.min[v];
            mark[(size_t)v * (size_t)k + (size_t)made] = d;
            min_to[v] = made == 0 ? d : fmin(min_to[v], d);
        }
        at = farthest(min_to, nodes);
        if (at >= 0 && !(min_to[at] > 0))
            at = -1;                   /* every node is a landmark already */
    }
    for (int v = 0; v < nodes && made < k; v++)      /* fewer made: pack the table */
        for (int i = 0; i < made; i++)
            mark[(size_t)v * (size_t)made + (size_t)i] = mark[(size_t)v * (size_t)k + (size_t)i];
    net_attach_landmarks(n, made, mark);
    mark = NULL;
    rc = 0;
done:
    free(mark);
    free(min_to);
    free(t.min);
    free(t.heap);
    free(t.pos);
    return rc;
}
