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
 * 1.2 s so, 1.92 s by the general search (engine/search.h).  Each node's
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
#include "engine/hash.h"
#include "engine/landmarks.h"
#ifdef SUPPLYSIM_PARANOID
#include <stdio.h>
#include <string.h>
#include "engine/search.h"
#endif

/* A whole tree's state: minutes per node; the roads as arcs in the order of
 * the network's (engine/network.h), each with its free-flow minutes beside
 * its head, so that relaxing a node reads one run of memory; and a binary
 * heap of (minutes, node) with no place kept per node: a node whose minutes
 * fall is pushed again, and an item whose minutes are above its node's is
 * passed over when it comes up (a node is improved a few times at most on a
 * road network, and the heap holds one item per improvement, at most
 * 1 + 2 roads; it grows as it fills). */
struct tree_arc { double minutes; int head; };
struct tree_item { double key; int node; };
struct tree {
    double *min;
    struct tree_arc *arc;
    struct tree_item *heap;
    size_t len, cap;
};

static void tree_up(struct tree_item *h, size_t i, struct tree_item it)
{
    while (i > 0 && it.key < h[(i - 1) / 2].key) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = it;
}

static void tree_down(struct tree_item *h, size_t len, struct tree_item it)
{
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= len)
            break;
        if (c + 1 < len && h[c + 1].key < h[c].key)
            c++;
        if (!(h[c].key < it.key))
            break;
        h[i] = h[c];
        i = c;
    }
    h[i] = it;
}

static int tree_push(struct tree *t, struct tree_item it)
{
    if (t->len == t->cap) {
        size_t cap = 2 * t->cap;
        struct tree_item *h = cap > t->cap ? realloc(t->heap, cap * sizeof *h) : NULL;
        if (!h)
            return -1;
        t->heap = h;
        t->cap = cap;
    }
    tree_up(t->heap, t->len++, it);
    return 0;
}

/* Free-flow minutes from src to every node into t->min (INFINITY where no
 * road leads); 0, or -1 when memory runs out.  A node comes up with its
 * least minutes once (it is pushed only when its minutes fall, so strictly
 * lower each time, and a road's minutes are >= 0, so min[u] + w rounds to no
 * less than min[u]: no node settled is lowered again); later items of it
 * are above its minutes and passed over.  Whichever order equal keys come up
 * in, each node's minutes are the least over the roads into it of the
 * minutes at the other end plus the road's.  The arcs of the next node up
 * are fetched while this one's are relaxed, and where those of the one
 * after it begin: at a million nodes, the first read of a node's arcs missed
 * the cache most of the time, and the nine trees took 1.49-1.53 s where they
 * take 1.17-1.22 s (run in turn).  O((V + E) log E). */
static int tree(const struct net *n, int src, struct tree *t)
{
    int nodes = net_n_nodes(n);
    const int *first = net_arcs(n).first;
    for (int v = 0; v < nodes; v++)
        t->min[v] = INFINITY;
    t->min[src] = 0;
    t->heap[0] = (struct tree_item){ 0, src };
    t->len = 1;
    while (t->len > 0) {
        struct tree_item top = t->heap[0];
        if (--t->len > 0) {
            tree_down(t->heap, t->len, t->heap[t->len]);
            __builtin_prefetch(&t->arc[first[t->heap[0].node]]);
            if (t->len > 2) {          /* and where the arcs of the one after are */
                __builtin_prefetch(&first[t->heap[1].node]);
                __builtin_prefetch(&first[t->heap[2].node]);
            }
        }
        int u = top.node;
        if (top.key > t->min[u])
            continue;                  /* an older item of a node since lowered */
        for (int i = first[u]; i < first[u + 1]; i++) {
            double w = t->arc[i].minutes, m = top.key + w;
            int v = t->arc[i].head;
            if (!(w >= 0 && m < t->min[v]))
                continue;              /* a closed road, or no better */
            t->min[v] = m;
            if (tree_push(t, (struct tree_item){ m, v }) < 0)
                return -1;
        }
    }
    return 0;
}

/* The arcs of tree_arc, from the network's: 16 bytes an arc (66 MB at a
 * million nodes, while the landmarks are made; the run's peak, later, is the
 * same), freed by the caller; NULL when memory runs out. */
static struct tree_arc *tree_arcs(const struct net *n)
{
    struct net_arcs a = net_arcs(n);
    size_t count = (size_t)a.first[net_n_nodes(n)];
    struct tree_arc *arc = malloc((count > 0 ? count : 1) * sizeof *arc);
    for (size_t i = 0; arc && i < count; i++)
        arc[i] = (struct tree_arc){ a.roads[a.road[i]].minutes, a.head[i] };
    return arc;
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
    struct tree t = { malloc((size_t)nodes * sizeof *t.min), tree_arcs(n),
                      malloc((size_t)nodes * sizeof *t.heap), 0, (size_t)nodes };
    int rc = -1;
    if (!mark || !min_to || !t.min || !t.arc || !t.heap || tree(n, 0, &t) < 0)
        goto done;
    for (int v = 0; v < nodes; v++)
        min_to[v] = t.min[v];
    for (int at = farthest(min_to, nodes); made < k && at >= 0; made++) {
        if (tree(n, at, &t) < 0)
            goto done;
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
    free(t.arc);
    free(t.heap);
    return rc;
}

/* Raised whenever the choice of landmarks or their minutes change, so that
 * no cache of the old ones is used. */
#define LANDMARKS_FORMAT 1u

_Static_assert(sizeof(struct net_road) == 2 * sizeof(int) + sizeof(double),
               "struct net_road has no padding, so its bytes are its fields");

uint64_t net_landmarks_key(const struct net *n, int k)
{
    struct net_arcs a = net_arcs(n);
    int nodes = net_n_nodes(n), roads = net_n_roads(n), arcs = a.first[nodes];
    uint64_t h = hash_mix(hash_mix(LANDMARKS_FORMAT, (uint64_t)nodes), (uint64_t)k);
    h = hash_mix(h, hash_bytes(a.first, ((size_t)nodes + 1) * sizeof *a.first));
    h = hash_mix(h, hash_bytes(a.head, (size_t)arcs * sizeof *a.head));
    h = hash_mix(h, hash_bytes(a.road, (size_t)arcs * sizeof *a.road));
    return hash_mix(h, hash_bytes(a.roads, (size_t)roads * sizeof *a.roads));
}
