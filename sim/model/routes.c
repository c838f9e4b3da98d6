/*
 * routes.c -- shortest paths during a replication: searches kept per root on
 * the roads as they are now, and free-flow minutes per (store, node) pair.
 *
 * Searches.  Every question about the roads now is asked of the search from
 * one root: a request's node (the stores it may draw on, the route of a truck
 * going there, the trip home from there) -- roads are two-way, so a search
 * from a site answers about getting there and back.  A search runs only as
 * far as the questions need (engine/search.h) and is kept, in a list ordered
 * by last use, while its searches stay within the budget of bytes; past it
 * the least recently used is dropped.  Road changes go into one log (the
 * road and its minutes before), which costs O(1) per change whatever the
 * number of searches.  When a search is next used it reads the log from
 * where it last stopped, keeps the roads that touch it (engine/search.h:
 * net_search_touches; it has not changed since, so this is what it touched
 * when they changed), each with its minutes the first time, and has them
 * repaired at once (net_search_roads_changed; search_repair.c proves the
 * rule): a search nobody asks again costs nothing.  A search that cannot be
 * repaired, or has fallen further behind than the log holds, is started
 * again.  Between replications the roads go back to free flow, logged the
 * same way, so a search is kept for the next replication.  Nothing the model
 * reads depends on what a search went through: minutes are the least there
 * are, and a route is chosen among those of least minutes by the minutes
 * alone (net_search_path), so a replication's results depend on it alone,
 * whatever thread ran which replications before it.
 *
 * Invariant: of_root[v] is the index of the kept search from node v, or -1;
 * the kept searches are linked most recent first from head; bytes is the sum
 * of their sizes as last measured (each is measured again when it is next
 * handed out); a search has applied log entries [0, seen); the log holds
 * entries [n_log - LOG_MAX, n_log), entry i at i % LOG_MAX.
 *
 * Free flow.  Minutes from a store's node to a node at free flow never
 * change: each pair is computed once per thread by A* from the store (so the
 * sum runs from the store, as a search from it would add) and kept in an
 * open-addressing table for every later replication.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "engine/search.h"
#include "model/routes.h"

#define LOG_MAX 4096   /* road changes remembered; a search further behind starts again */

struct kept {
    struct net_search *s;
    int root, prev, next;
    int free_flow;            /* a search at free flow (from a store): no change touches it */
    size_t bytes;
    unsigned long seen;
};

struct pair { uint64_t key; double minutes; };   /* key 0: an empty slot */

struct change { int road; double old; };

struct routes {
    const struct model *m;
    struct kept *kept; int n_kept, cap_kept, free_kept;  /* free_kept: a list through next */
    int *of_root, *of_store;  /* per node: its kept search now, and at free flow */
    int head, tail;
    size_t bytes, budget;
    struct change log[LOG_MAX];
    unsigned long n_log;
    unsigned *road_mark, mark;           /* per road: the batch that has it */
    int *batch; double *batch_old;       /* one search's roads to repair */
    struct pair *pair; size_t n_pairs, cap_pairs;
};

struct routes *routes_create(const struct model *m, size_t budget)
{
    struct routes *rt = calloc(1, sizeof *rt);
    if (!rt)
        return NULL;
    int n = net_n_nodes(m->net);
    rt->m = m;
    rt->budget = budget;
    rt->head = rt->tail = rt->free_kept = -1;
    size_t nr = (size_t)net_n_roads(m->net) + 1;
    rt->of_root = malloc(((size_t)n + 1) * sizeof *rt->of_root);
    rt->of_store = malloc(((size_t)n + 1) * sizeof *rt->of_store);
    rt->road_mark = calloc(nr, sizeof *rt->road_mark);
    rt->batch = malloc(LOG_MAX * sizeof *rt->batch);
    rt->batch_old = malloc(LOG_MAX * sizeof *rt->batch_old);
    if (!rt->of_root || !rt->of_store || !rt->road_mark || !rt->batch || !rt->batch_old) {
        routes_free(rt);
        return NULL;
    }
    for (int v = 0; v < n; v++)
        rt->of_root[v] = rt->of_store[v] = -1;
    return rt;
}

void routes_free(struct routes *rt)
{
    if (!rt)
        return;
    for (int k = 0; k < rt->n_kept; k++)
        net_search_free(rt->kept[k].s);
    free(rt->kept);
    free(rt->of_root);
    free(rt->of_store);
    free(rt->road_mark);
    free(rt->batch);
    free(rt->batch_old);
    free(rt->pair);
    free(rt);
}

size_t routes_bytes(const struct routes *rt) { return rt->bytes; }

/* ---- the list of kept searches, most recent first ------------------------ */

static void unlink_kept(struct routes *rt, int k)
{
    struct kept *e = &rt->kept[k];
    if (e->prev >= 0)
        rt->kept[e->prev].next = e->next;
    else
        rt->head = e->next;
    if (e->next >= 0)
        rt->kept[e->next].prev = e->prev;
    else
        rt->tail = e->prev;
}

static void link_first(struct routes *rt, int k)
{
    rt->kept[k].prev = -1;
    rt->kept[k].next = rt->head;
    if (rt->head >= 0)
        rt->kept[rt->head].prev = k;
    rt->head = k;
    if (rt->tail < 0)
        rt->tail = k;
}

static void measure(struct routes *rt, int k)
{
    size_t now = net_search_bytes(rt->kept[k].s);
    rt->bytes += now - rt->kept[k].bytes;
    rt->kept[k].bytes = now;
}

/* Drops the least recently used searches, never `keep`, until within budget. */
static void evict(struct routes *rt, int keep)
{
    while (rt->bytes > rt->budget && rt->tail >= 0 && rt->tail != keep) {
        int k = rt->tail;
        unlink_kept(rt, k);
        rt->bytes -= rt->kept[k].bytes;
        (rt->kept[k].free_flow ? rt->of_store : rt->of_root)[rt->kept[k].root] = -1;
        net_search_free(rt->kept[k].s);
        rt->kept[k] = (struct kept){ .s = NULL, .root = -1, .prev = -1, .next = rt->free_kept };
        rt->free_kept = k;
    }
}

/* A new kept search from root; its index, or -1 when out of memory. */
static int add_kept(struct routes *rt, int root, const double *road_min, int free_flow)
{
    int k = rt->free_kept;
    if (k >= 0) {
        rt->free_kept = rt->kept[k].next;
    } else {
        if (grow_array(&rt->kept, &rt->cap_kept, rt->n_kept + 1, sizeof *rt->kept) < 0)
            return -1;
        k = rt->n_kept++;
    }
    rt->kept[k] = (struct kept){ .s = net_search_create(rt->m->net), .root = root, .prev = -1,
                                 .next = -1, .free_flow = free_flow, .seen = rt->n_log };
    if (!rt->kept[k].s) {
        rt->kept[k].next = rt->free_kept;
        rt->free_kept = k;
        return -1;
    }
    net_search_start(rt->kept[k].s, root, free_flow ? NULL : road_min);
    (free_flow ? rt->of_store : rt->of_root)[root] = k;
    link_first(rt, k);
    measure(rt, k);
    return k;
}

/* ---- searches on the roads now ------------------------------------------- */

/* The roads of log entries [seen, n_log) that touch kept search k, each
 * once with its minutes the first time; how many (in batch, batch_old). */
static int collect(struct routes *rt, const struct kept *e)
{
    int n = 0;
    if (++rt->mark == 0) {                 /* the marks wrapped: clear them */
        memset(rt->road_mark, 0, (size_t)net_n_roads(rt->m->net) * sizeof *rt->road_mark);
        rt->mark = 1;
    }
    for (unsigned long i = e->seen; i < rt->n_log; i++) {
        const struct change *c = &rt->log[i % LOG_MAX];
        if (rt->road_mark[c->road] == rt->mark || !net_search_touches(e->s, c->road))
            continue;
        rt->road_mark[c->road] = rt->mark;
        rt->batch[n] = c->road;
        rt->batch_old[n++] = c->old;
    }
    return n;
}

/* Brings kept search k up to the roads now: repaired, or started again. */
static void catch_up_kept(struct rep *r, int k)
{
    struct routes *rt = r->routes;
    struct kept *e = &rt->kept[k];
    if (e->seen == rt->n_log || e->free_flow)
        return;
    int n = rt->n_log - e->seen <= LOG_MAX ? collect(rt, e) : -1;
    if (n < 0 || (n > 0 && net_search_roads_changed(e->s, rt->batch, rt->batch_old, n) == NET_STALE)) {
        net_search_clear(e->s);        /* gives a large table back */
        net_search_start(e->s, e->root, r->road_min);
    }
    e->seen = rt->n_log;
}

/* The kept search from root (at free flow or on the roads now), made if
 * there is none, brought up to date and made the most recent. */
static struct net_search *kept_from(struct rep *r, int root, int free_flow)
{
    struct routes *rt = r->routes;
    int k = (free_flow ? rt->of_store : rt->of_root)[root];
    if (k < 0) {
        k = add_kept(rt, root, r->road_min, free_flow);
        if (k < 0) {
            r->failed = 1;
            return NULL;
        }
    } else {
        catch_up_kept(r, k);
        unlink_kept(rt, k);
        link_first(rt, k);
        measure(rt, k);
    }
    evict(rt, k);
    return rt->kept[k].s;
}

struct net_search *routes_from(struct rep *r, int root)
{
    return kept_from(r, root, 0);
}

double routes_minutes(struct rep *r, int from, int to)
{
    struct net_search *s = routes_from(r, from);
    if (!s)
        return INFINITY;
    double m = net_search_settle(s, to);
    if (net_search_failed(s))
        r->failed = 1;
    return m;
}

/* O(1): the change is logged for the searches to read when next used. */
void routes_road_changed(struct rep *r, int road, double old, double now)
{
    struct routes *rt = r->routes;
    (void)now;
    rt->log[rt->n_log % LOG_MAX] = (struct change){ road, old };
    rt->n_log++;
}

/* ---- free flow, per pair ------------------------------------------------- */

static uint64_t pair_key(int src, int dst)
{
    return (((uint64_t)(unsigned)src << 32) | (unsigned)dst) + 1;
}

static size_t pair_slot(const struct routes *rt, uint64_t key)
{
    size_t mask = rt->cap_pairs - 1, i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (rt->pair[i].key != 0 && rt->pair[i].key != key)
        i = (i + 1) & mask;
    return i;
}

/* Doubles the table (at least 1024 slots), rehashing every pair. */
static int pair_grow(struct routes *rt)
{
    struct pair *old = rt->pair;
    size_t old_cap = rt->cap_pairs, cap = old_cap ? 2 * old_cap : 1024;
    struct pair *p = calloc(cap, sizeof *p);
    if (!p)
        return -1;
    rt->pair = p;
    rt->cap_pairs = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key != 0)
            rt->pair[pair_slot(rt, old[i].key)] = old[i];
    free(old);
    return 0;
}

double routes_free_minutes(struct rep *r, int src, int dst)
{
    struct routes *rt = r->routes;
    uint64_t key = pair_key(src, dst);
    if (rt->cap_pairs > 0) {
        size_t i = pair_slot(rt, key);
        if (rt->pair[i].key == key)
            return rt->pair[i].minutes;
    }
    struct net_search *s = kept_from(r, src, 1);
    double m = s ? net_search_settle(s, dst) : NAN;
    if (!s || net_search_failed(s)
        || (2 * (rt->n_pairs + 1) > rt->cap_pairs && pair_grow(rt) < 0)) {
        r->failed = 1;
        return NAN;
    }
    rt->pair[pair_slot(rt, key)] = (struct pair){ key, m };
    rt->n_pairs++;
    return m;
}
