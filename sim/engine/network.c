/*
 * network.c -- the road network in compressed sparse row (CSR) form, road
 * minutes at a given time, and Dijkstra over it with an indexed binary heap.
 *
 * Invariant (CSR): the arcs leaving node v are arc_head[first[v] .. first[v+1])
 * with the road each one runs along in arc_road[] at the same index; first[0] = 0
 * and first[n_nodes] = 2 * n_roads.  Every undirected road r = {a, b} becomes
 * exactly two arcs, a -> b and b -> a, both carrying r; arcs of a node are in
 * increasing road order.
 *
 * Invariant (search): a node's label (dist, pred, pos) is meaningful only when
 * its stamp equals the search's current generation; a new search bumps the
 * generation, which forgets every old label in O(1).  While a node is queued,
 * pos is its index in the heap; once settled, pos is -1.
 */
#include "engine/network.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Last generation used before the stamps are cleared and counting restarts.
 * Overridable only so the wrap-around can be exercised in a test build. */
#ifndef NET_GEN_MAX
#define NET_GEN_MAX UINT_MAX
#endif

struct net {
    int n_nodes, n_roads;
    int *first;              /* n_nodes + 1 offsets into the arc arrays */
    int *arc_head;           /* 2 n_roads: node an arc leads to */
    int *arc_road;           /* 2 n_roads: road an arc runs along */
    struct net_road *roads;  /* n_roads: a copy, so the caller's array may go */
};

/* Everything a search keeps about one node, in one 24-byte record so a
 * relaxation costs one memory access, not four.  target: generation of the
 * run for which the node is a target. */
struct net_label {
    double dist;             /* best minutes found from src */
    unsigned stamp;          /* generation that wrote dist, pred, pos */
    int pred;                /* road by which dist was reached; -1 at src */
    int pos;                 /* heap index while queued, -1 once settled */
    unsigned target;
};

/* Heap entries carry their key so sifting compares without chasing labels. */
struct net_heap_item { double key; int node; };

struct net_search {
    const struct net *net;
    struct net_label *label;      /* n_nodes */
    struct net_heap_item *heap;   /* n_nodes: each node is queued at most once */
    int heap_len;
    unsigned gen;                 /* 0: no search has run yet */
    int src;
};

/* ---- allocation ---------------------------------------------------------- */

/* malloc(count * size) refusing products that overflow size_t; never asks for
 * 0 bytes, so NULL always means failure. */
static void *net_alloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return malloc(count > 0 && size > 0 ? count * size : 1);
}

/* ---- building ------------------------------------------------------------ */

/* Counting pass: first[v] ends as the index of v's first arc.  Degrees are
 * summed inclusively, then each arc is placed by decrementing its tail's
 * counter, so no per-node cursor array is needed.  Roads are visited last to
 * first so each node's arcs come out in increasing road order.  O(V + E). */
static void net_fill_csr(struct net *n)
{
    int v, r, a;

    memset(n->first, 0, ((size_t)n->n_nodes + 1) * sizeof *n->first);
    for (r = 0; r < n->n_roads; r++) {
        n->first[n->roads[r].from]++;
        n->first[n->roads[r].to]++;
    }
    for (v = 1; v <= n->n_nodes; v++)
        n->first[v] += n->first[v - 1];
    for (r = n->n_roads - 1; r >= 0; r--) {
        const struct net_road *road = &n->roads[r];
        a = --n->first[road->from];
        n->arc_head[a] = road->to;
        n->arc_road[a] = r;
        a = --n->first[road->to];
        n->arc_head[a] = road->from;
        n->arc_road[a] = r;
    }
}

/* Rejects sizes whose arc or offset counts would not fit an int index. */
static int net_sizes_ok(int n_nodes, int n_roads, const struct net_road *roads)
{
    return n_nodes >= 0 && n_nodes < INT_MAX && n_roads >= 0 &&
           n_roads <= INT_MAX / 2 && (roads != NULL || n_roads == 0);
}

/* O(V + E) time and memory: (V + 1) + 2E ints plus a copy of the roads. */
struct net *net_create(int n_nodes, int n_roads, const struct net_road *roads)
{
    struct net *n = NULL;
    size_t n_arcs = 2 * (size_t)n_roads;

    if (!net_sizes_ok(n_nodes, n_roads, roads))
        return NULL;
    n = calloc(1, sizeof *n);
    if (n == NULL)
        goto cleanup;
    n->n_nodes = n_nodes;
    n->n_roads = n_roads;
    n->first = net_alloc((size_t)n_nodes + 1, sizeof *n->first);
    n->arc_head = net_alloc(n_arcs, sizeof *n->arc_head);
    n->arc_road = net_alloc(n_arcs, sizeof *n->arc_road);
    n->roads = net_alloc((size_t)n_roads, sizeof *n->roads);
    if (!n->first || !n->arc_head || !n->arc_road || !n->roads)
        goto cleanup;
    if (n_roads > 0)
        memcpy(n->roads, roads, (size_t)n_roads * sizeof *roads);
    net_fill_csr(n);
    return n;

cleanup:
    net_free(n);
    return NULL;
}

/* Safe on NULL and on a partly built network (unset fields are NULL). */
void net_free(struct net *n)
{
    if (n == NULL)
        return;
    free(n->first);
    free(n->arc_head);
    free(n->arc_road);
    free(n->roads);
    free(n);
}

int net_n_nodes(const struct net *n) { return n->n_nodes; }

int net_n_roads(const struct net *n) { return n->n_roads; }

double net_free_minutes(const struct net *n, int road)
{
    assert(road >= 0 && road < n->n_roads);
    return n->roads[road].minutes;
}

/* The end of road that is not node; -1 if node is not an end of it.  A loop
 * (from == to) gives node back.  O(1). */
int net_road_other_end(const struct net *n, int road, int node)
{
    const struct net_road *r;

    assert(road >= 0 && road < n->n_roads);
    r = &n->roads[road];
    if (node == r->from)
        return r->to;
    if (node == r->to)
        return r->from;
    return -1;
}

/* ---- road minutes at a time ---------------------------------------------- */

/* Minutes under a speed factor.  A factor that is not positive (0, negative,
 * NaN) cannot be a speed, so it is read as a closure. */
static double net_changed_minutes(double free_min, double factor)
{
    return factor > 0 ? free_min / factor : INFINITY;
}

/* The lowest factor in force wins: minutes only grow as changes are applied,
 * so taking the larger of the two at each step is that rule, in any order of
 * the changes.  O(n_roads + n_ch). */
void net_road_minutes(const struct net *n, const struct road_change *ch, int n_ch,
                      double t, double *out)
{
    int r, i;

    for (r = 0; r < n->n_roads; r++)
        out[r] = NAN;                 /* no change in force yet */
    for (i = 0; i < n_ch; i++) {
        const struct road_change *c = &ch[i];
        if (!(c->from_min <= t && t < c->until_min))
            continue;
        assert(c->road >= 0 && c->road < n->n_roads);
        double m = net_changed_minutes(n->roads[c->road].minutes, c->factor);
        if (isnan(out[c->road]) || m > out[c->road])
            out[c->road] = m;
    }
    for (r = 0; r < n->n_roads; r++)
        if (isnan(out[r]))
            out[r] = n->roads[r].minutes;
}

/* ---- search state -------------------------------------------------------- */

/* O(V) memory: 24 bytes of label and 16 of heap per node. */
struct net_search *net_search_create(const struct net *n)
{
    struct net_search *s = calloc(1, sizeof *s);

    if (s == NULL)
        goto cleanup;
    s->net = n;
    s->src = -1;
    s->label = calloc(n->n_nodes ? (size_t)n->n_nodes : 1, sizeof *s->label);
    s->heap = net_alloc((size_t)n->n_nodes, sizeof *s->heap);
    if (s->label == NULL || s->heap == NULL)
        goto cleanup;
    return s;

cleanup:
    net_search_free(s);
    return NULL;
}

void net_search_free(struct net_search *s)
{
    if (s == NULL)
        return;
    free(s->label);
    free(s->heap);
    free(s);
}

/* Starts a new generation, forgetting all labels in O(1).  Only when the
 * counter would wrap are the stamps cleared, O(V) once per NET_GEN_MAX runs,
 * so that no stale stamp can ever equal a live generation. */
static void net_search_begin(struct net_search *s, int src)
{
    if (s->gen == NET_GEN_MAX) {
        int v;
        for (v = 0; v < s->net->n_nodes; v++)
            s->label[v].stamp = s->label[v].target = 0;
        s->gen = 0;
    }
    s->gen++;
    s->heap_len = 0;
    s->src = src;
}

/* True if this run has given node a label (it is queued or settled). */
static int net_reached(const struct net_search *s, int node)
{
    return s->gen != 0 && s->label[node].stamp == s->gen;
}

/* ---- indexed binary min-heap on dist ------------------------------------- */

static void net_heap_put(struct net_search *s, int i, struct net_heap_item it)
{
    s->heap[i] = it;
    s->label[it.node].pos = i;
}

/* Moves it up from hole i to its place.  O(log V). */
static void net_heap_up(struct net_search *s, int i, struct net_heap_item it)
{
    while (i > 0) {
        int p = (i - 1) / 2;
        if (s->heap[p].key <= it.key)
            break;
        net_heap_put(s, i, s->heap[p]);
        i = p;
    }
    net_heap_put(s, i, it);
}

/* Moves it down from hole i to its place.  "i >= len - i" tests 2i + 1 >= len
 * without overflowing for huge heaps.  O(log V). */
static void net_heap_down(struct net_search *s, int i, struct net_heap_item it)
{
    int len = s->heap_len;

    while (i < len - i) {
        int c = 2 * i + 1;
        if (c + 1 < len && s->heap[c + 1].key < s->heap[c].key)
            c++;
        if (s->heap[c].key >= it.key)
            break;
        net_heap_put(s, i, s->heap[c]);
        i = c;
    }
    net_heap_put(s, i, it);
}

/* Removes the nearest queued node, marks it settled and returns it. */
static int net_heap_pop(struct net_search *s)
{
    int top = s->heap[0].node;
    struct net_heap_item last = s->heap[--s->heap_len];

    if (s->heap_len > 0)
        net_heap_down(s, 0, last);
    s->label[top].pos = -1;
    return top;
}

/* ---- Dijkstra ------------------------------------------------------------ */

/* Offers node the distance d via road: labels it if new this run, lowers its
 * key if queued and d is better, ignores it if settled.  O(log V). */
static void net_reach(struct net_search *s, int node, double d, int road)
{
    struct net_label *l = &s->label[node];
    struct net_heap_item it = { d, node };

    if (!(d < INFINITY))
        return;                       /* a sum that overflowed reaches nothing */
    if (l->stamp != s->gen) {
        l->stamp = s->gen;
        l->dist = d;
        l->pred = road;
        net_heap_up(s, s->heap_len++, it);
    } else if (l->pos >= 0 && d < l->dist) {
        l->dist = d;
        l->pred = road;
        net_heap_up(s, l->pos, it);
    }
}

/* Minutes of road now; a closed road (INFINITY, negative or NaN) gives -1. */
static double net_arc_minutes(const struct net *n, const double *road_min, int road)
{
    double m = road_min ? road_min[road] : n->roads[road].minutes;

    return (m >= 0 && m < INFINITY) ? m : -1;
}

/* Relaxes every open arc leaving the just-settled node v.  O(deg v log V). */
static void net_scan(struct net_search *s, int v, const double *road_min)
{
    const struct net *n = s->net;
    double dv = s->label[v].dist;
    int a;

    for (a = n->first[v]; a < n->first[v + 1]; a++) {
        double m = net_arc_minutes(n, road_min, n->arc_road[a]);
        if (m >= 0)
            net_reach(s, n->arc_head[a], dv + m, n->arc_road[a]);
    }
}

/* Stamps each distinct target with this run's generation and returns how many
 * distinct ones there are, so duplicates are counted once.  O(n_targets). */
static int net_mark_targets(struct net_search *s, const int *targets, int n_targets)
{
    int i, distinct = 0;

    for (i = 0; i < n_targets; i++) {
        int t = targets[i];
        assert(t >= 0 && t < s->net->n_nodes);
        if (s->label[t].target != s->gen) {
            s->label[t].target = s->gen;
            distinct++;
        }
    }
    return distinct;
}

/* Settles nodes in order of minutes until the heap empties or, with targets,
 * the last distinct target is settled (an unreachable target therefore means
 * a full search).  Allocates nothing.  O((V + E) log V). */
void net_search_run(struct net_search *s, int src, const double *road_min,
                    const int *targets, int n_targets)
{
    int left = 0;

    assert(src >= 0 && src < s->net->n_nodes);
    net_search_begin(s, src);
    net_reach(s, src, 0.0, -1);       /* src has 0 minutes even if nothing is settled */
    if (targets != NULL) {
        left = net_mark_targets(s, targets, n_targets);
        if (left == 0)
            return;                   /* no targets: nothing to settle */
    }
    while (s->heap_len > 0) {
        int v = net_heap_pop(s);
        if (s->label[v].target == s->gen && --left == 0)
            return;
        net_scan(s, v, road_min);
    }
}

/* Final for settled nodes.  After a run stopped early at its targets, a node
 * still queued gives the length of the best path seen so far (an upper bound,
 * and the path net_search_path returns for it).  O(1). */
double net_search_minutes(const struct net_search *s, int node)
{
    assert(node >= 0 && node < s->net->n_nodes);
    return net_reached(s, node) ? s->label[node].dist : INFINITY;
}

int net_search_pred(const struct net_search *s, int node)
{
    assert(node >= 0 && node < s->net->n_nodes);
    return (net_reached(s, node) && node != s->src) ? s->label[node].pred : -1;
}

/* Walks pred back from node to src twice: once to count, once to write each
 * road at its place from the end.  O(path length). */
int net_search_path(const struct net_search *s, int node, int *roads, int max)
{
    int len = 0, v, k;

    assert(node >= 0 && node < s->net->n_nodes);
    if (!net_reached(s, node))
        return -1;
    for (v = node; v != s->src; len++)
        v = net_road_other_end(s->net, s->label[v].pred, v);
    for (v = node, k = len - 1; v != s->src; k--) {
        int road = s->label[v].pred;
        if (k < max)
            roads[k] = road;
        v = net_road_other_end(s->net, road, v);
    }
    return len;
}
