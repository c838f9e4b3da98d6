/*
 * network.c -- the road network in compressed sparse row (CSR) form, road
 * minutes at a given time, and the straight-line lower bound on the minutes
 * between two nodes (network.h says why it is a bound).
 *
 * Invariant (CSR): the arcs leaving node v are arc_head[first[v] .. first[v+1])
 * with the road each one runs along in arc_road[] at the same index; first[0] = 0
 * and first[n_nodes] = 2 * n_roads.  Every undirected road r = {a, b} becomes
 * exactly two arcs, a -> b and b -> a, both carrying r; arcs of a node are in
 * increasing road order.
 *
 * Invariant (bound): with positions, point[v] is node v on a sphere of radius
 * GEO_R_KM (x, y, z in km) and bound_speed >= chord(road) / minutes for every
 * road; bound_speed is INFINITY when some road has 0 minutes between distinct
 * points, and 0 when no positions were given (the bound is then 0).  With
 * landmarks, mark[v * n_marks + i] is Dijkstra's free-flow minutes from
 * landmark i to v (INFINITY if unreached), mark_max the most of them that is
 * finite, and mark_eps = (2 n_nodes + 2) DBL_EPSILON the share of their sum
 * that covers rounding (landmark_bound).
 */
#include "engine/network.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GEO_R_KM 6371.0          /* the sphere of engine/geo.c */
#define BOUND_SLACK (1.0 - 1e-9) /* covers the rounding of chords and sums */

struct net {
    int n_nodes, n_roads;
    int *first;              /* n_nodes + 1 offsets into the arc arrays */
    int *arc_head;           /* 2 n_roads: node an arc leads to */
    int *arc_road;           /* 2 n_roads: road an arc runs along */
    struct net_road *roads;  /* n_roads: a copy, so the caller's array may go */
    double *point;           /* 3 n_nodes (x, y, z km), or NULL: no positions */
    double bound_speed;      /* km of chord per minute, see the invariant */
    int n_marks;             /* landmarks (engine/landmarks.h), 0 if none */
    double *mark;            /* n_marks per node: free-flow minutes from each */
    double mark_max, mark_eps;  /* see the invariant */
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

size_t net_bytes(long n_nodes, long n_roads)
{
    return sizeof(struct net) + ((size_t)n_nodes + 1) * sizeof(int)
         + 2 * (size_t)n_roads * 2 * sizeof(int) + (size_t)n_roads * sizeof(struct net_road)
         + 3 * (size_t)n_nodes * sizeof(double);
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
    free(n->point);
    free(n->mark);
    free(n);
}

int net_n_nodes(const struct net *n) { return n->n_nodes; }

int net_n_roads(const struct net *n) { return n->n_roads; }

int net_road_from(const struct net *n, int road) { return n->roads[road].from; }

int net_road_to(const struct net *n, int road) { return n->roads[road].to; }

struct net_arcs net_arcs(const struct net *n)
{
    return (struct net_arcs){ n->first, n->arc_head, n->arc_road, n->roads };
}

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


/* ---- positions and the lower bound --------------------------------------- */

static double net_chord(const double *p, const double *q)
{
    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
    return sqrt(dx * dx + dy * dy + dz * dz);
}

int net_set_points(struct net *n, const double *lon, const double *lat)
{
    const double rad = M_PI / 180.0;
    double *p = net_alloc(3 * (size_t)n->n_nodes, sizeof *p), speed = 0;
    int v, r;

    if (p == NULL)
        return -1;
    for (v = 0; v < n->n_nodes; v++) {
        double cl = cos(lat[v] * rad);
        p[3 * v] = GEO_R_KM * cl * cos(lon[v] * rad);
        p[3 * v + 1] = GEO_R_KM * cl * sin(lon[v] * rad);
        p[3 * v + 2] = GEO_R_KM * sin(lat[v] * rad);
    }
    for (r = 0; r < n->n_roads; r++) {
        const struct net_road *road = &n->roads[r];
        double km = net_chord(&p[3 * road->from], &p[3 * road->to]);
        if (km > 0)
            speed = fmax(speed, road->minutes > 0 ? km / road->minutes : INFINITY);
    }
    free(n->point);
    n->point = p;
    n->bound_speed = speed;
    return 0;
}

void net_attach_landmarks(struct net *n, int k, double *mark)
{
    free(n->mark);
    n->mark = mark;
    n->n_marks = mark ? k : 0;
    n->mark_max = 0;
    for (size_t i = 0; i < (size_t)n->n_marks * (size_t)n->n_nodes; i++)
        if (isfinite(mark[i]))
            n->mark_max = fmax(n->mark_max, mark[i]);
    n->mark_eps = (2.0 * n->n_nodes + 2) * DBL_EPSILON;
}

int net_n_landmarks(const struct net *n) { return n->n_marks; }

const double *net_landmark_table(const struct net *n) { return n->mark; }

double net_landmarks_max(const struct net *n) { return n->mark_max; }

/* The landmarks' bound: |d(L, a) - d(L, b)| <= d(a, b) for every landmark L,
 * d the minutes at free flow.  The marks x, y are Dijkstra's sums, not d:
 * along a shortest route of k < n roads from a to b each sum is rounded up by
 * at most a factor 1 + u (u = DBL_EPSILON / 2), so y <= (x + d(a, b))(1 + 2ku)
 * and y - x <= d(a, b) + 4ku (x + y) (d(a, b) <= x + y, through L); the
 * difference x - y is rounded by u (x + y) more.  So |x - y| less (x + y)
 * mark_eps is below d(a, b) either way.  Along a road of w minutes it changes
 * by at most w (1 + mark_eps) + 16 u X (the potentials of A* from both ends,
 * search.c, rest on that).  An unreached node's mark is INFINITY: a landmark
 * that reaches one node and not the other gives INFINITY (no road joins
 * them); one that reaches neither says nothing. */
static double landmark_bound(const struct net *n, int a, int b)
{
    const double *x = &n->mark[(size_t)a * (size_t)n->n_marks];
    const double *y = &n->mark[(size_t)b * (size_t)n->n_marks];
    double best = 0;
    for (int i = 0; i < n->n_marks; i++) {
        if (isinf(x[i]) || isinf(y[i])) {
            if (isinf(x[i]) != isinf(y[i]))
                return INFINITY;
            continue;
        }
        double v = fabs(x[i] - y[i]) - (x[i] + y[i]) * n->mark_eps;
        best = v > best ? v : best;   /* fmax, but no call: both are finite here */
    }
    return BOUND_SLACK * best;
}

double net_landmark_bound(const struct net *n, int a, int b)
{
    return n->n_marks > 0 ? landmark_bound(n, a, b) : 0;
}

double net_chord_bound(const struct net *n, int a, int b)
{
    if (n->point == NULL || !(n->bound_speed < INFINITY) || !(n->bound_speed > 0))
        return 0;
    return BOUND_SLACK * net_chord(&n->point[3 * a], &n->point[3 * b]) / n->bound_speed;
}

double net_bound(const struct net *n, int a, int b)
{
    double chord = net_chord_bound(n, a, b);
    if (n->n_marks == 0)
        return chord;
    double mark = landmark_bound(n, a, b);
    return mark > chord ? mark : chord;   /* fmax, but no call: neither is NaN */
}

/* A great-circle arc of s km has a chord of 2 R sin(s / 2R). */
double net_bound_arc(const struct net *n, double arc_km)
{
    if (n->point == NULL || !(n->bound_speed < INFINITY) || n->bound_speed <= 0 || !(arc_km > 0))
        return 0;
    double half = fmin(arc_km / (2 * GEO_R_KM), M_PI / 2);
    return BOUND_SLACK * 2 * GEO_R_KM * sin(half) / n->bound_speed;
}
