/*
 * routes.c -- shortest routes on the roads as they are now, during a
 * replication: searches kept per root, single routes kept per (root,
 * target), and the log of road changes both are checked against.
 *
 * Every question is asked from a root: a request's node (the stores it may
 * draw on, the route of a truck going there, the trip home from there) --
 * roads are two-way, so a search from a site answers about getting there and
 * back, and every answer is summed from the root.
 *
 * Road states.  A question is asked of one state of the roads: an array of
 * every road's minutes that the caller keeps (routes_add_state), with a log
 * of its changes.  The model has the roads as they are and, when road
 * information is reported late (travel.c), the roads as the dispatch centre
 * knows them; a state that is never told apart from another is the same
 * state, so its searches serve both.  Searches and ways are keyed by (state,
 * root) and (state, root, target); they share one budget and one list.
 *
 * Kept searches.  A Dijkstra search from the root, run only as far as the
 * questions need (engine/search.h), kept in a list ordered by last use while
 * the searches stay within the byte budget (past it the least recently used
 * is dropped).  It answers for a target it has settled, or that lies near its
 * frontier (a bound no more than routes_grow_min minutes past what it has not
 * settled), growing to it.
 *
 * How near (routes_grow_min).  40 minutes while every search is kept, and 20
 * once the budget has had to drop one: a search grown is then likely dropped
 * before it is asked much more, and growing it by an annulus of up to 40
 * minutes cost more than the A* it saved.  On the million-node grid (1
 * replication) the searches grown settled 12.2 M nodes with 40, 8.6 M with
 * 20 and 5.9 M with 15, while A* settled 3.8 M, 3.8 M and 4.3 M; run in
 * turn, a replication took some 10% less with 20 than with 40 (4.3-5.2 s
 * against 4.9-6.0 s, six pairs on a machine whose speed drifted) and 8% less
 * again with 15, but four times as long with 10 (A* then went to targets
 * whose routes the closures had bent far round), so 20 keeps a margin.  The
 * 200,000-node region took 14.4 G instructions with 40, 13.1 G with 20 and
 * 12.8 G with 15; the 100,000-node grid 1.2% more with 20 and 4.4% more with
 * 15.  While nothing is dropped (the 10,000-node grid, the flood) searches
 * are asked again in later replications, and 20 there cost 7% more.
 *
 * Catching up.  When a search is next used it reads the log from
 * where it last stopped, keeps the roads that touch it (net_search_touches;
 * it has not changed since, so this is what it touched when they changed),
 * each with its minutes the first time, and has them repaired at once
 * (net_search_roads_changed, search_repair.c proves the rule): a search
 * nobody asks again costs nothing.  One that cannot be repaired, or has
 * fallen further behind than the log holds, starts again.
 *
 * Single routes.  A target farther from a kept search's frontier than
 * routes_grow_min is reached by A* towards it
 * (the same minutes, the same route: engine/search.c).  So is one asked from
 * a root with no kept search once the budget has had to drop searches: then
 * a search started for a truck's route or a trip home, one question, is
 * likely dropped before it is asked another, and an A* costs less than
 * growing it (on a grid of a million nodes, some 6,000 nodes settled against
 * 30,000); while every search stays, one started is asked again in later
 * replications, which is cheaper than A* ways found again (the flood: 8%
 * more CPU with A* from the start).  The answer is kept as
 * a "way": its minutes, its roads, and the log position it was found at.
 * When asked again, it still holds if no road of it changed since and no road
 * made faster could be on a path as short (net_route_holds, with the proof in
 * search_repair.c); else it is found again.
 *
 * Nothing the model reads depends on what a search went through or on which
 * of the two answered: minutes are the least there are and the route is
 * chosen by the minutes alone, so a replication's results depend on it alone,
 * whatever thread ran which replications before it.  Between replications
 * the roads go back to free flow, logged like any change, so searches and
 * ways are kept for the next replication.
 *
 * Invariant: a state's of_root[v] is the index of the kept search from node v
 * on that state, or -1; the kept searches are linked most recent first from
 * head; bytes is the sum of their sizes as last measured (each is measured
 * again when it is next handed out); a search or a way has taken entries
 * [0, seen) of its state's log into account; a log holds entries
 * [n_log - LOG_MAX, n_log), entry i at i % LOG_MAX.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "engine/search.h"
#include "model/routes.h"

#define LOG_MAX 4096   /* road changes remembered; a search further behind starts again */
#define WAYS_MAX 65536 /* ways kept; when full, all are dropped */

struct kept {
    struct net_search *s;
    int st, root, prev, next;
    size_t bytes;
    unsigned long seen;
};

struct change { int road; double old; };

struct way { uint64_t key; int st; double minutes; unsigned long seen; int *road, len; };

/* One state of the roads: the caller's minutes, the log of their changes,
 * and the kept search from each root. */
struct road_state {
    const double *min;
    struct change log[LOG_MAX];
    unsigned long n_log;
    int *of_root;
};

struct routes {
    const struct model *m;
    struct kept *kept; int n_kept, cap_kept, free_kept;  /* free_kept: a list through next */
    struct road_state **state; int n_states;
    int head, tail;
    int held;                            /* a kept search no eviction drops, or -1 */
    size_t bytes, budget;
    int evicted;                         /* a search has been dropped to stay within budget */
    unsigned *road_mark, mark;           /* per road: the batch or way that has it */
    int *batch; double *batch_old;       /* one search's roads to repair */
    struct net_search *astar;            /* the ways' searches */
    struct way *way; size_t n_ways, cap_ways;   /* open addressing, key 0 empty */
};

struct routes *routes_create(const struct model *m, size_t budget)
{
    struct routes *rt = calloc(1, sizeof *rt);
    if (!rt)
        return NULL;
    int n = net_n_nodes(m->net);
    rt->m = m;
    rt->budget = budget;
    rt->head = rt->tail = rt->free_kept = rt->held = -1;
    rt->road_mark = calloc((size_t)net_n_roads(m->net) + 1, sizeof *rt->road_mark);
    rt->batch = malloc(LOG_MAX * sizeof *rt->batch);
    rt->batch_old = malloc(LOG_MAX * sizeof *rt->batch_old);
    rt->astar = net_search_create(m->net);
    rt->cap_ways = 256;                  /* grown as ways are kept, to 2 * WAYS_MAX */
    rt->way = calloc(rt->cap_ways, sizeof *rt->way);
    (void)n;
    if (!rt->road_mark || !rt->batch || !rt->batch_old || !rt->astar || !rt->way) {
        routes_free(rt);
        return NULL;
    }
    return rt;
}

int routes_add_state(struct routes *rt, const double *road_min)
{
    int n = net_n_nodes(rt->m->net);
    struct road_state **grown = realloc(rt->state, (size_t)(rt->n_states + 1) * sizeof *grown);
    if (!grown)
        return -1;
    rt->state = grown;
    struct road_state *st = calloc(1, sizeof *st);
    if (st && !(st->of_root = malloc(((size_t)n + 1) * sizeof *st->of_root))) {
        free(st);
        st = NULL;
    }
    if (!st)
        return -1;
    st->min = road_min;
    for (int v = 0; v < n; v++)
        st->of_root[v] = -1;
    rt->state[rt->n_states] = st;
    return rt->n_states++;
}

static void drop_ways(struct routes *rt)
{
    for (size_t i = 0; rt->way && i < rt->cap_ways; i++)
        free(rt->way[i].road);
    if (rt->way)
        memset(rt->way, 0, rt->cap_ways * sizeof *rt->way);
    rt->n_ways = 0;
}

void routes_free(struct routes *rt)
{
    if (!rt)
        return;
    for (int k = 0; k < rt->n_kept; k++)
        net_search_free(rt->kept[k].s);
    free(rt->kept);
    for (int i = 0; i < rt->n_states; i++) {
        free(rt->state[i]->of_root);
        free(rt->state[i]);
    }
    free(rt->state);
    free(rt->road_mark);
    free(rt->batch);
    free(rt->batch_old);
    net_search_free(rt->astar);
    drop_ways(rt);
    free(rt->way);
    free(rt);
}

size_t routes_bytes(const struct routes *rt) { return rt->bytes; }

double routes_grow_min(const struct routes *rt)
{
    return rt->evicted ? ROUTES_GROW_MIN_DROPPING : ROUTES_GROW_MIN;
}

/* A fresh mark for road_mark. */
static unsigned new_mark(struct routes *rt)
{
    if (++rt->mark == 0) {                 /* the marks wrapped: clear them */
        memset(rt->road_mark, 0, (size_t)net_n_roads(rt->m->net) * sizeof *rt->road_mark);
        rt->mark = 1;
    }
    return rt->mark;
}

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

/* Drops the least recently used searches, never `keep` nor the held one,
 * until within budget. */
static void evict(struct routes *rt, int keep)
{
    for (int k = rt->tail, up; rt->bytes > rt->budget && k >= 0; k = up) {
        up = rt->kept[k].prev;
        if (k == keep || k == rt->held)
            continue;
        unlink_kept(rt, k);
        rt->evicted = 1;
        rt->bytes -= rt->kept[k].bytes;
        rt->state[rt->kept[k].st]->of_root[rt->kept[k].root] = -1;
        net_search_free(rt->kept[k].s);
        rt->kept[k] = (struct kept){ .s = NULL, .root = -1, .prev = -1, .next = rt->free_kept };
        rt->free_kept = k;
    }
}

/* A new kept search from root on state st; its index, or -1 when out of
 * memory. */
static int add_kept(struct routes *rt, int st, int root)
{
    struct road_state *rs = rt->state[st];
    int k = rt->free_kept;
    if (k >= 0) {
        rt->free_kept = rt->kept[k].next;
    } else {
        if (grow_array(&rt->kept, &rt->cap_kept, rt->n_kept + 1, sizeof *rt->kept) < 0)
            return -1;
        k = rt->n_kept++;
    }
    rt->kept[k] = (struct kept){ .s = net_search_create(rt->m->net), .st = st, .root = root,
                                 .prev = -1, .next = -1, .seen = rs->n_log };
    if (!rt->kept[k].s) {
        rt->kept[k].next = rt->free_kept;
        rt->free_kept = k;
        return -1;
    }
    net_search_start(rt->kept[k].s, root, rs->min);
    rs->of_root[root] = k;
    link_first(rt, k);
    measure(rt, k);
    return k;
}

/* ---- kept searches on the roads now -------------------------------------- */

/* The roads of its state's log entries [seen, n_log) that touch kept search
 * e, each once with its minutes the first time; how many (in batch,
 * batch_old). */
static int collect(struct routes *rt, const struct kept *e)
{
    const struct road_state *rs = rt->state[e->st];
    unsigned mark = new_mark(rt);
    int n = 0;
    for (unsigned long i = e->seen; i < rs->n_log; i++) {
        const struct change *c = &rs->log[i % LOG_MAX];
        if (rt->road_mark[c->road] == mark || !net_search_touches(e->s, c->road))
            continue;
        rt->road_mark[c->road] = mark;
        rt->batch[n] = c->road;
        rt->batch_old[n++] = c->old;
    }
    return n;
}

/* Brings kept search k up to its state's roads now: repaired, or started
 * again. */
static void catch_up_kept(struct routes *rt, int k)
{
    struct kept *e = &rt->kept[k];
    const struct road_state *rs = rt->state[e->st];
    if (e->seen == rs->n_log)
        return;
    int n = rs->n_log - e->seen <= LOG_MAX ? collect(rt, e) : -1;
    if (n < 0 || (n > 0 && net_search_roads_changed(e->s, rt->batch, rt->batch_old, n) == NET_STALE)) {
        net_search_clear(e->s);        /* gives a large table back */
        net_search_start(e->s, e->root, rs->min);
    }
    e->seen = rs->n_log;
}

struct net_search *routes_from(struct rep *r, int st, int root)
{
    struct routes *rt = r->routes;
    int k = rt->state[st]->of_root[root];
    if (k < 0) {
        k = add_kept(rt, st, root);
        if (k < 0) {
            r->failed = 1;
            return NULL;
        }
    } else {
        catch_up_kept(rt, k);
        unlink_kept(rt, k);
        link_first(rt, k);
        measure(rt, k);
    }
    evict(rt, k);
    return rt->kept[k].s;
}

void routes_set_budget(struct routes *rt, size_t budget)
{
    rt->budget = budget;
}

int routes_hold(struct rep *r, int st, int root)
{
    int before = r->routes->held;
    r->routes->held = r->routes->state[st]->of_root[root];
    return before;
}

void routes_release(struct rep *r, int held_before)
{
    r->routes->held = held_before;
}

/* ---- single routes ------------------------------------------------------- */

static uint64_t way_key(int root, int target)
{
    return (((uint64_t)(unsigned)root << 32) | (unsigned)target) + 1;
}

/* The way's slot: where (key, st) is, or the empty slot where it would go. */
static struct way *way_slot(struct routes *rt, uint64_t key, int st)
{
    uint64_t h = (key + (uint64_t)st * 0xD6E8FEB86659FD93ull) * 0x9E3779B97F4A7C15ull;
    size_t mask = rt->cap_ways - 1, i = (size_t)(h >> 20) & mask;
    while (rt->way[i].key != 0 && (rt->way[i].key != key || rt->way[i].st != st))
        i = (i + 1) & mask;
    return &rt->way[i];
}

/* Does way w from root to target still hold on its state's roads now?  The
 * rule of net_route_holds, over the roads logged since it was found.
 * O(length + changes since). */
static int way_holds(struct routes *rt, struct way *w, int root, int target)
{
    const struct road_state *rs = rt->state[w->st];
    if (rs->n_log - w->seen > LOG_MAX)
        return 0;
    int n = 0;
    for (unsigned long i = w->seen; i < rs->n_log; i++) {
        rt->batch[n] = rs->log[i % LOG_MAX].road;
        rt->batch_old[n++] = rs->log[i % LOG_MAX].old;
    }
    if (!net_route_holds(rt->m->net, rs->min, root, target, w->minutes, w->road, w->len,
                         rt->batch, rt->batch_old, n, rt->road_mark, &rt->mark))
        return 0;
    w->seen = rs->n_log;
    return 1;
}

/* The table twice as large, every way moved over; -1 when out of memory. */
static int grow_ways(struct routes *rt)
{
    struct way *old = rt->way;
    size_t old_cap = rt->cap_ways;
    struct way *grown = calloc(2 * old_cap, sizeof *grown);
    if (!grown)
        return -1;
    rt->way = grown;
    rt->cap_ways = 2 * old_cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key != 0)
            *way_slot(rt, old[i].key, old[i].st) = old[i];
    free(old);
    return 0;
}

/* Finds the way from root to target on state st by A* and keeps it; NULL
 * when out of memory (r->failed set). */
static struct way *find_way(struct rep *r, struct way *w, uint64_t key, int st, int target)
{
    struct routes *rt = r->routes;
    const struct road_state *rs = rt->state[st];
    int root = (int)((key - 1) >> 32);
    if (w->key == 0 && 2 * (rt->n_ways + 1) > rt->cap_ways) {
        if (rt->cap_ways < 2 * WAYS_MAX) {
            if (grow_ways(rt) < 0) {
                r->failed = 1;
                return NULL;
            }
        } else {
            drop_ways(rt);             /* full: start afresh */
        }
        w = way_slot(rt, key, st);
    }
    double m = net_search_astar(rt->astar, root, target, rs->min);
    int len = isfinite(m) ? net_search_path(rt->astar, target, NULL, 0) : 0;
    int *road = realloc(w->key ? w->road : NULL, (size_t)(len > 0 ? len : 1) * sizeof *road);
    if (!road || net_search_failed(rt->astar)) {
        r->failed = 1;
        return NULL;
    }
    if (len > 0)
        net_search_path(rt->astar, target, road, len);   /* it fits: one walk */
    if (w->key == 0)
        rt->n_ways++;
    *w = (struct way){ key, st, m, rs->n_log, road, len };
    return w;
}

/* ---- questions ----------------------------------------------------------- */

/* Room for n roads in *route; 0, or -1 when out of memory. */
static int route_room(int **route, int *cap, int n)
{
    if (n <= *cap)
        return 0;
    int *grown = realloc(*route, (size_t)n * sizeof *grown);
    if (!grown)
        return -1;
    *route = grown;
    *cap = n;
    return 0;
}

double routes_way(struct rep *r, int st, int root, int target, int **route, int *cap, int *len)
{
    struct routes *rt = r->routes;
    int use_search = rt->state[st]->of_root[root] >= 0 || !rt->evicted;
    struct net_search *s = use_search ? routes_from(r, st, root) : NULL;
    double m;
    if (len)
        *len = 0;
    if (use_search && !s)
        return INFINITY;
    double bound = net_bound(rt->m->net, root, target);
    if (!(bound < INFINITY))
        return INFINITY;               /* no road at all joins them */
    if (s && (net_search_settled(s, target)
              || bound <= net_search_unsettled_bound(s) + routes_grow_min(rt))) {
        m = net_search_settle(s, target);
        if (net_search_failed(s))
            r->failed = 1;
        if (route && isfinite(m) && !r->failed) {
            int n = net_search_path(s, target, *route, *cap);   /* one walk when it fits */
            if (n > *cap) {            /* longer than the buffer kept: grown, and read again */
                if (route_room(route, cap, n) < 0) {
                    r->failed = 1;
                    return m;
                }
                n = net_search_path(s, target, *route, *cap);
            }
            *len = n;
        }
        return m;
    }
    uint64_t key = way_key(root, target);
    struct way *w = way_slot(rt, key, st);
    if (!(w->key == key && way_holds(rt, w, root, target)) && !(w = find_way(r, w, key, st, target)))
        return INFINITY;
    if (route && isfinite(w->minutes)) {
        if (route_room(route, cap, w->len) < 0) {
            r->failed = 1;
        } else {
            memcpy(*route, w->road, (size_t)w->len * sizeof **route);
            *len = w->len;
        }
    }
    return w->minutes;
}

double routes_minutes(struct rep *r, int st, int from, int to)
{
    return routes_way(r, st, from, to, NULL, NULL, NULL);
}

/* O(1): the change is logged for the searches and ways to read when next used. */
void routes_road_changed(struct rep *r, int st, int road, double old)
{
    struct road_state *rs = r->routes->state[st];
    rs->log[rs->n_log % LOG_MAX] = (struct change){ road, old };
    rs->n_log++;
}
