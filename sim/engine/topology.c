/*
 * topology.c -- a road graph from polylines (topology.h).
 *
 * Points go into a hash table of cells `step` wide (a cell holds at most
 * one point: a point near one already in its cell or the eight around is
 * that one), segments into arrays as lines are added.  topo_build then: removes segments drawn twice (sorted by
 * their pair of points); counts each point's segments and lists them (CSR);
 * finds the connected pieces (union-find) and keeps the one with most km;
 * marks the nodes (one segment, three or more, or a change of class or name
 * between the two); walks from every node along each of its segments through
 * the points that are not nodes to the next node, summing km and minutes into
 * one road; and numbers the nodes by position.  Invariant after a build:
 * every segment of the kept piece lies on exactly one road.
 */
#define _GNU_SOURCE                /* qsort_r: comparisons that need the builder */
#include "engine/topology.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "engine/geo.h"
#include "engine/grow.h"

struct topology {
    int step;
    int *x, *y; int n_points, cap_points;          /* grid positions of the points */
    int *slot; unsigned mask;                      /* hash: position -> point, -1 empty */
    int *a, *b, *cls, *name; int n_seg, cap_seg;   /* segments: ends, class, name */
    double *km, *min;                              /* and their km and minutes */
};

/* ---- points and segments ---------------------------------------------------- */

static uint64_t key(int x, int y) { return (uint64_t)(uint32_t)x << 32 | (uint32_t)y; }

static unsigned hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (unsigned)k;
}

struct topology *topo_create(int step)
{
    struct topology *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->step = step < 1 ? 1 : step;
    t->mask = 1023;
    t->slot = malloc((t->mask + 1) * sizeof *t->slot);
    if (!t->slot) {
        free(t);
        return NULL;
    }
    memset(t->slot, 0xff, (t->mask + 1) * sizeof *t->slot);
    return t;
}

void topo_free(struct topology *t)
{
    if (!t)
        return;
    free(t->x), free(t->y), free(t->slot);
    free(t->a), free(t->b), free(t->cls), free(t->name), free(t->km), free(t->min);
    free(t);
}

long topo_segments(const struct topology *t) { return t->n_seg; }

/* Makes room for n elements of `size` bytes in each of the k arrays at
 * arrays[0..k), which share the capacity *cap; 0, or -1 when out of memory
 * (*cap then unchanged: the arrays that grew only hold more than it says). */
static int grow_all(void **arrays, int k, int *cap, int n, size_t size)
{
    int c = *cap;
    for (int i = 0; i < k; i++) {
        c = *cap;
        if (grow_array(arrays[i], &c, n, size) < 0)
            return -1;
    }
    *cap = c;
    return 0;
}

/* The cell of a position: floor(x / step), floor(y / step). */
static int cell(int v, int step) { return v >= 0 ? v / step : -((-v + step - 1) / step); }

static unsigned slot_of(int cx, int cy, unsigned mask)
{
    return hash(key(cx, cy)) & mask;
}

/* Doubles the hash table of cells (kept at most half full). */
static int rehash(struct topology *t)
{
    unsigned mask = 2 * t->mask + 1;
    int *slot = malloc((mask + 1) * sizeof *slot);
    if (!slot)
        return -1;
    memset(slot, 0xff, (mask + 1) * sizeof *slot);
    for (int p = 0; p < t->n_points; p++) {
        unsigned h = slot_of(cell(t->x[p], t->step), cell(t->y[p], t->step), mask);
        while (slot[h] >= 0)
            h = (h + 1) & mask;
        slot[h] = p;
    }
    free(t->slot);
    t->slot = slot;
    t->mask = mask;
    return 0;
}

/* The point in cell (cx, cy), or -1 (a cell holds at most one: two points
 * in one cell are within a step of each other, so the second is the first). */
static int in_cell(const struct topology *t, int cx, int cy)
{
    for (unsigned h = slot_of(cx, cy, t->mask); t->slot[h] >= 0; h = (h + 1) & t->mask) {
        int p = t->slot[h];
        if (cell(t->x[p], t->step) == cx && cell(t->y[p], t->step) == cy)
            return p;
    }
    return -1;
}

/* The point at (x, y) in 1e-7 degrees: one already added within a step of it
 * on both axes (in its cell or the eight around; with step 1 only the same
 * position), else a new one.  -1 when out of memory. */
static int point(struct topology *t, int x, int y)
{
    int cx = cell(x, t->step), cy = cell(y, t->step), r = t->step > 1;
    for (int dy = -r; dy <= r; dy++)
        for (int dx = -r; dx <= r; dx++) {
            int p = in_cell(t, cx + dx, cy + dy);
            if (p >= 0 && abs(t->x[p] - x) <= t->step - r && abs(t->y[p] - y) <= t->step - r)
                return p;
        }
    if (2 * (unsigned)(t->n_points + 1) > t->mask + 1 && rehash(t) < 0)
        return -1;
    void *arrays[] = { &t->x, &t->y };
    if (grow_all(arrays, 2, &t->cap_points, t->n_points + 1, sizeof(int)) < 0)
        return -1;
    unsigned h = slot_of(cx, cy, t->mask);
    while (t->slot[h] >= 0)
        h = (h + 1) & t->mask;
    t->x[t->n_points] = x;
    t->y[t->n_points] = y;
    t->slot[h] = t->n_points;
    return t->n_points++;
}

static int add_segment(struct topology *t, int p, int q, int cls, int name, double speed)
{
    int n = t->n_seg + 1, cap = t->cap_seg;
    void *ints[] = { &t->a, &t->b, &t->cls, &t->name }, *reals[] = { &t->km, &t->min };
    if (grow_all(ints, 4, &cap, n, sizeof(int)) < 0
        || grow_all(reals, 2, &t->cap_seg, n, sizeof(double)) < 0)
        return -1;
    double km = geo_km(t->x[p] / 1e7, t->y[p] / 1e7, t->x[q] / 1e7, t->y[q] / 1e7);
    t->a[t->n_seg] = p, t->b[t->n_seg] = q;
    t->cls[t->n_seg] = cls, t->name[t->n_seg] = name;
    t->km[t->n_seg] = km;
    t->min[t->n_seg] = speed > 0 ? km / speed * 60.0 : NAN;
    t->n_seg = n;
    return 0;
}

int topo_add_line(struct topology *t, const double *lon, const double *lat, int n, int cls,
                  int name, double speed_kmh)
{
    int prev = -1;
    for (int i = 0; i < n; i++) {
        int x = (int)llround(lon[i] * 1e7), y = (int)llround(lat[i] * 1e7);
        if (prev >= 0 && t->x[prev] == x && t->y[prev] == y)
            continue;
        int p = point(t, x, y);
        if (p < 0 || (prev >= 0 && add_segment(t, prev, p, cls, name, speed_kmh) < 0))
            return -1;
        prev = p;
    }
    return 0;
}

/* ---- building --------------------------------------------------------------- */

struct build {
    struct topology *t;
    unsigned char *live;      /* per segment: not a duplicate */
    unsigned char *seen;      /* per segment: on a road already */
    int *first, *inc;         /* the segments of point p: inc[first[p] .. first[p+1]) */
    int *up;                  /* union-find parents, then each point's piece */
    unsigned char *keep;      /* per point: a node */
    int *node;                /* per point: its node index, or -1 */
    struct topo_graph *g;
    int cap_roads;
    int *chain; double *chain_km, *chain_min; int cap_chain;   /* a walk's inner points */
};

static int by_pair(const void *pa, const void *pb, void *arg)
{
    const struct topology *t = arg;
    int i = *(const int *)pa, j = *(const int *)pb;
    int i0 = t->a[i] < t->b[i] ? t->a[i] : t->b[i], i1 = t->a[i] ^ t->b[i] ^ i0;
    int j0 = t->a[j] < t->b[j] ? t->a[j] : t->b[j], j1 = t->a[j] ^ t->b[j] ^ j0;
    if (i0 != j0)
        return i0 < j0 ? -1 : 1;
    if (i1 != j1)
        return i1 < j1 ? -1 : 1;
    if (t->cls[i] != t->cls[j])
        return t->cls[i] < t->cls[j] ? -1 : 1;
    if (t->name[i] != t->name[j])
        return t->name[i] < t->name[j] ? -1 : 1;
    return (i > j) - (i < j);
}

/* Marks the segments drawn twice (only the first by class, name kept). */
static int dedupe(struct build *w)
{
    struct topology *t = w->t;
    int *order = malloc((size_t)t->n_seg * sizeof *order + 1);
    if (!order)
        return -1;
    for (int s = 0; s < t->n_seg; s++)
        order[s] = s;
    qsort_r(order, (size_t)t->n_seg, sizeof *order, by_pair, t);
    for (int k = 0; k < t->n_seg; k++) {
        int s = order[k], r = k ? order[k - 1] : -1;
        int dup = r >= 0 && ((t->a[s] == t->a[r] && t->b[s] == t->b[r])
                             || (t->a[s] == t->b[r] && t->b[s] == t->a[r]));
        w->live[s] = !dup;
        w->g->duplicates += dup;
    }
    free(order);
    return 0;
}

static int lower(const struct topology *t, int p, int q)
{
    return t->x[p] < t->x[q] || (t->x[p] == t->x[q] && t->y[p] < t->y[q]);
}

/* A point's segments in order of their other end's position (no two share
 * it once duplicates are gone): walks then leave a point in an order that
 * does not depend on the order of the lines. */
struct around { const struct topology *t; int p; };
static int by_other_end(const void *pa, const void *pb, void *arg)
{
    const struct around *c = arg;
    const struct topology *t = c->t;
    int i = *(const int *)pa, j = *(const int *)pb;
    int oi = t->a[i] == c->p ? t->b[i] : t->a[i], oj = t->a[j] == c->p ? t->b[j] : t->a[j];
    return lower(t, oi, oj) ? -1 : lower(t, oj, oi) ? 1 : 0;
}

static int find(int *up, int p)
{
    while (up[p] != p)
        p = up[p] = up[up[p]];
    return p;
}

/* Lists each point's live segments and finds the pieces. */
static void incidence(struct build *w)
{
    struct topology *t = w->t;
    for (int s = 0; s < t->n_seg; s++)
        if (w->live[s])
            w->first[t->a[s] + 1]++, w->first[t->b[s] + 1]++;
    for (int p = 0; p < t->n_points; p++)
        w->first[p + 1] += w->first[p];
    int *fill = w->node;                  /* borrowed as a cursor until nodes are numbered */
    memcpy(fill, w->first, (size_t)t->n_points * sizeof *fill);
    for (int p = 0; p < t->n_points; p++)
        w->up[p] = p;
    for (int s = 0; s < t->n_seg; s++) {
        if (!w->live[s])
            continue;
        w->inc[fill[t->a[s]]++] = s;
        w->inc[fill[t->b[s]]++] = s;
        int ra = find(w->up, t->a[s]), rb = find(w->up, t->b[s]);
        if (ra != rb)
            w->up[ra < rb ? rb : ra] = ra < rb ? ra : rb;
    }
    for (int p = 0; p < t->n_points; p++) {
        w->up[p] = find(w->up, p);
        struct around c = { t, p };
        qsort_r(w->inc + w->first[p], (size_t)(w->first[p + 1] - w->first[p]), sizeof(int),
                by_other_end, &c);
    }
}

/* The piece with most km (ties: the one holding the lowest point); -1 when
 * there is no segment.  Counts what the others hold. */
static int largest(struct build *w)
{
    struct topology *t = w->t;
    double *km = calloc((size_t)t->n_points + 1, sizeof *km);
    int *low = malloc(((size_t)t->n_points + 1) * sizeof *low), best = -1;
    if (!km || !low) {
        free(km), free(low);
        return -2;
    }
    for (int p = 0; p < t->n_points; p++)
        low[p] = -1;
    for (int s = 0; s < t->n_seg; s++)
        if (w->live[s])
            km[w->up[t->a[s]]] += t->km[s];
    for (int p = 0; p < t->n_points; p++) {
        int r = w->up[p];
        if (w->first[p + 1] > w->first[p] && (low[r] < 0 || lower(t, p, low[r])))
            low[r] = p;
    }
    for (int r = 0; r < t->n_points; r++)
        if (low[r] >= 0 && (best < 0 || km[r] > km[best]
                            || (km[r] == km[best] && lower(t, low[r], low[best]))))
            best = r;
    for (int r = 0; r < t->n_points; r++)
        w->g->dropped_pieces += low[r] >= 0 && r != best;
    for (int s = 0; s < t->n_seg; s++)
        if (w->live[s] && w->up[t->a[s]] != best)
            w->g->dropped_segments++, w->g->dropped_km += t->km[s];
    free(km), free(low);
    return best;
}

/* Nodes of the kept piece: one segment, three or more, or a change. */
static void mark_nodes(struct build *w, int piece)
{
    struct topology *t = w->t;
    for (int p = 0; p < t->n_points; p++) {
        int deg = w->first[p + 1] - w->first[p];
        if (w->up[p] != piece || deg == 0)
            continue;
        int s = w->inc[w->first[p]], r = deg == 2 ? w->inc[w->first[p] + 1] : s;
        w->keep[p] = deg != 2 || t->cls[s] != t->cls[r] || t->name[s] != t->name[r];
    }
}

static int add_road(struct build *w, int from, int to, double km, double min, int seg)
{
    struct topo_graph *g = w->g;
    if (grow_array(&g->roads, &w->cap_roads, g->n_roads + 1, sizeof *g->roads) < 0)
        return -1;
    g->roads[g->n_roads++] = (struct topo_road){ from, to, km, min, w->t->cls[seg],
                                                 w->t->name[seg] };
    return 0;
}

/* The other segment of a point met by two. */
static int onward(const struct build *w, int p, int s)
{
    int i = w->first[p];
    return w->inc[i] == s ? w->inc[i + 1] : w->inc[i];
}

/* From node v along segment s to the next node: one road (two when it comes
 * back to v, split at its middle point, which becomes a node).  Points are
 * recorded as roads' ends here and numbered later. */
static int walk(struct build *w, int v, int s)
{
    struct topology *t = w->t;
    double km = 0, min = 0;
    int cur = v, n = 0, seg = s;
    for (;;) {
        w->seen[seg] = 1;
        km += t->km[seg];
        min += t->min[seg];
        int next = t->a[seg] == cur ? t->b[seg] : t->a[seg];
        if (w->keep[next]) {
            if (next != v)
                return add_road(w, v, next, km, min, s);
            int mid = n / 2;                          /* n >= 2: no segment drawn twice */
            w->keep[w->chain[mid]] = 1;
            if (add_road(w, v, w->chain[mid], w->chain_km[mid], w->chain_min[mid], s) < 0)
                return -1;
            return add_road(w, w->chain[mid], v, km - w->chain_km[mid], min - w->chain_min[mid], s);
        }
        void *ints[] = { &w->chain }, *reals[] = { &w->chain_km, &w->chain_min };
        int cap = w->cap_chain;
        if (grow_all(ints, 1, &cap, n + 1, sizeof(int)) < 0
            || grow_all(reals, 2, &w->cap_chain, n + 1, sizeof(double)) < 0)
            return -1;
        w->chain[n] = next, w->chain_km[n] = km, w->chain_min[n++] = min;
        seg = onward(w, next, seg);
        cur = next;
    }
}

static int by_position(const void *pa, const void *pb, void *arg)
{
    int p = *(const int *)pa, q = *(const int *)pb;
    return lower(arg, p, q) ? -1 : lower(arg, q, p) ? 1 : 0;
}

static int by_ends(const void *pa, const void *pb)
{
    const struct topo_road *r = pa, *q = pb;
    if (r->from != q->from)
        return r->from < q->from ? -1 : 1;
    if (r->to != q->to)
        return r->to < q->to ? -1 : 1;
    if (r->cls != q->cls)
        return r->cls < q->cls ? -1 : 1;
    if (r->name != q->name)
        return r->name < q->name ? -1 : 1;
    return (r->km > q->km) - (r->km < q->km);
}

/* Walks every chain (from nodes in order of position, then the rings left),
 * then numbers the nodes by position and sorts the roads. */
static int roads(struct build *w, int piece)
{
    struct topology *t = w->t;
    struct topo_graph *g = w->g;
    int *order = malloc(((size_t)t->n_points + 1) * sizeof *order), n = 0;
    if (!order)
        return -1;
    for (int p = 0; p < t->n_points; p++)
        if (w->up[p] == piece && w->first[p + 1] > w->first[p])
            order[n++] = p;
    qsort_r(order, (size_t)n, sizeof *order, by_position, t);
    for (int pass = 0; pass < 2; pass++)      /* 0: from nodes; 1: rings of inner points */
        for (int k = 0; k < n; k++) {
            int p = order[k];
            for (int i = w->first[p]; i < w->first[p + 1]; i++) {
                int s = w->inc[i];
                if (w->seen[s] || (!w->keep[p] && pass == 0))
                    continue;
                w->keep[p] = 1;
                if (walk(w, p, s) < 0) {
                    free(order);
                    return -1;
                }
            }
        }
    g->nodes = malloc(((size_t)n + 1) * sizeof *g->nodes);
    if (!g->nodes) {
        free(order);
        return -1;
    }
    for (int k = 0; k < n; k++)
        if (w->keep[order[k]]) {
            int p = order[k];
            w->node[p] = g->n_nodes;
            g->nodes[g->n_nodes++] = (struct topo_node){ t->x[p], t->y[p], t->x[p] / 1e7,
                                                         t->y[p] / 1e7 };
        }
    free(order);
    for (int r = 0; r < g->n_roads; r++) {
        struct topo_road *x = &g->roads[r];
        int from = w->node[x->from], to = w->node[x->to];
        x->from = from < to ? from : to;
        x->to = from < to ? to : from;
        g->km += x->km;
    }
    qsort(g->roads, (size_t)g->n_roads, sizeof *g->roads, by_ends);
    for (int s = 0; s < t->n_seg; s++)
        g->segments += w->live[s] && w->up[t->a[s]] == piece;
    return 0;
}

int topo_build(struct topology *t, struct topo_graph *g)
{
    memset(g, 0, sizeof *g);
    size_t np = (size_t)t->n_points + 1, ns = (size_t)t->n_seg + 1;
    struct build w = { .t = t, .g = g, .live = calloc(ns, 1), .seen = calloc(ns, 1),
                       .first = calloc(np + 1, sizeof(int)), .inc = malloc(2 * ns * sizeof(int)),
                       .up = malloc(np * sizeof(int)), .keep = calloc(np, 1),
                       .node = malloc(np * sizeof(int)) };
    int rc = -1, piece;
    if (!w.live || !w.seen || !w.first || !w.inc || !w.up || !w.keep || !w.node
        || dedupe(&w) < 0)
        goto done;
    incidence(&w);
    for (int p = 0; p < t->n_points; p++)
        w.node[p] = -1;
    if ((piece = largest(&w)) == -2)
        goto done;
    rc = 0;
    if (piece >= 0) {
        mark_nodes(&w, piece);
        rc = roads(&w, piece);
    }
done:
    free(w.live), free(w.seen), free(w.first), free(w.inc), free(w.up), free(w.keep);
    free(w.node), free(w.chain), free(w.chain_km), free(w.chain_min);
    if (rc < 0)
        topo_graph_free(g);
    return rc;
}

void topo_graph_free(struct topo_graph *g)
{
    free(g->nodes);
    free(g->roads);
    memset(g, 0, sizeof *g);
}
