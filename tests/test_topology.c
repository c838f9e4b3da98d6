/*
 * test_topology.c -- the road graph built from polylines (engine/topology.h).
 *
 * Random lines wandering over two small lattices of points (two pieces that
 * never meet, so one is dropped), with random classes, names and speeds,
 * lines drawn twice and lines visiting a point again: the graph built must
 * give, between every two of its nodes, the same shortest km and the same
 * shortest minutes at per-class speeds as Floyd-Warshall over the raw
 * segments of the largest piece (1e-9 relative); its nodes must be exactly
 * the points of that piece met by one or three or more segments, or where
 * class or name changes, plus one point per ring or loop; its km the sum of
 * the piece's segments (each counted once), its dropped counts those of the
 * other piece; and the same lines in another order, some reversed, must
 * give the same graph, bit for bit.  Then hand cases: a chain, a ring, a
 * class change, a loop from a junction.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"
#include "engine/geo.h"
#include "engine/topology.h"

#define SIDE 5                         /* lattice of SIDE x SIDE points, twice */
#define POINTS (2 * SIDE * SIDE)
#define MAX_LINES 40
#define MAX_LEN 9

static const double speed[3] = { 80, 40, 25 };

struct line { int n, pt[MAX_LEN], cls, name; };

/* Point i's grid position (1e-7 degrees): two lattices 0.01 degree apart. */
static int px(int i) { return 1160000000 + (i % SIDE) * 10000 + (i / (SIDE * SIDE)) * 100000; }
static int py(int i) { return 340000000 + (i / SIDE % SIDE) * 10000; }

static void add(struct topology *t, const struct line *l, int reverse)
{
    double lon[MAX_LEN], lat[MAX_LEN];
    for (int k = 0; k < l->n; k++) {
        int i = l->pt[reverse ? l->n - 1 - k : k];
        lon[k] = px(i) / 1e7;
        lat[k] = py(i) / 1e7;
    }
    assert_int_equal(topo_add_line(t, lon, lat, l->n, l->cls, l->name, speed[l->cls]), 0);
}

/* A wander over one lattice, neighbours (diagonals too) or a jump back. */
static void random_line(struct rng *g, struct line *l)
{
    int base = rng_int(g, 0, 9) < 7 ? 0 : SIDE * SIDE, at = rng_int(g, 0, SIDE * SIDE - 1);
    l->n = rng_int(g, 2, MAX_LEN);
    l->cls = rng_int(g, 0, 2);
    l->name = rng_int(g, 0, 1);
    for (int k = 0; k < l->n; k++) {
        l->pt[k] = base + at;
        int x = at % SIDE, y = at / SIDE;
        do {
            x = x + rng_int(g, -1, 1), y = y + rng_int(g, -1, 1);
            x = x < 0 ? 0 : x >= SIDE ? SIDE - 1 : x;
            y = y < 0 ? 0 : y >= SIDE ? SIDE - 1 : y;
        } while (y * SIDE + x == at);
        at = y * SIDE + x;
    }
}

/* ---- the brute force ------------------------------------------------------ */

struct raw {
    double km[POINTS][POINTS], min[POINTS][POINTS];     /* Floyd-Warshall */
    int seg[POINTS][POINTS];                            /* drawn: 1 + the kept class, 0 */
    int cls[POINTS][POINTS], name[POINTS][POINTS];
    int piece[POINTS];
};

static double seg_km(int i, int j) { return geo_km(px(i) / 1e7, py(i) / 1e7, px(j) / 1e7, py(j) / 1e7); }

static int degree(const struct raw *r, int i)
{
    int d = 0;
    for (int j = 0; j < POINTS; j++)
        d += r->seg[i][j];
    return d;
}

static void brute(const struct line *lines, int n, struct raw *r, int *best, double *kept_km,
                  long *kept_segments, double *other_km, long *other_segments)
{
    memset(r->seg, 0, sizeof r->seg);
    for (int l = 0; l < n; l++)
        for (int k = 0; k + 1 < lines[l].n; k++) {
            int a = lines[l].pt[k], b = lines[l].pt[k + 1];
            int better = !r->seg[a][b] || lines[l].cls < r->cls[a][b]
                         || (lines[l].cls == r->cls[a][b] && lines[l].name < r->name[a][b]);
            if (better) {
                r->seg[a][b] = r->seg[b][a] = 1;
                r->cls[a][b] = r->cls[b][a] = lines[l].cls;
                r->name[a][b] = r->name[b][a] = lines[l].name;
            }
        }
    for (int i = 0; i < POINTS; i++)
        for (int j = 0; j < POINTS; j++) {
            r->km[i][j] = i == j ? 0 : r->seg[i][j] ? seg_km(i, j) : INFINITY;
            r->min[i][j] = i == j ? 0 : r->seg[i][j] ? seg_km(i, j) / speed[r->cls[i][j]] * 60
                                                     : INFINITY;
        }
    for (int k = 0; k < POINTS; k++)
        for (int i = 0; i < POINTS; i++)
            for (int j = 0; j < POINTS; j++) {
                r->km[i][j] = fmin(r->km[i][j], r->km[i][k] + r->km[k][j]);
                r->min[i][j] = fmin(r->min[i][j], r->min[i][k] + r->min[k][j]);
            }
    double piece_km[POINTS] = { 0 };
    int low[POINTS];                              /* a piece's lowest point by position */
    for (int i = 0; i < POINTS; i++) {            /* a piece: its lowest index reachable */
        r->piece[i] = -1;
        for (int j = 0; j < POINTS && r->piece[i] < 0; j++)
            if (isfinite(r->km[i][j]))
                r->piece[i] = j;
        low[i] = -1;
    }
    for (int i = 0; i < POINTS; i++) {
        int p = r->piece[i], lo = low[p];
        if (degree(r, i) > 0 && (lo < 0 || px(i) < px(lo) || (px(i) == px(lo) && py(i) < py(lo))))
            low[p] = i;
    }
    for (int i = 0; i < POINTS; i++)
        for (int j = i + 1; j < POINTS; j++)
            if (r->seg[i][j])
                piece_km[r->piece[i]] += seg_km(i, j);
    *best = -1;
    for (int p = 0; p < POINTS; p++)
        if (low[p] >= 0 && (*best < 0 || piece_km[p] > piece_km[*best]
                            || (piece_km[p] == piece_km[*best]
                                && (px(low[p]) < px(low[*best])
                                    || (px(low[p]) == px(low[*best]) && py(low[p]) < py(low[*best]))))))
            *best = p;
    *kept_km = *other_km = 0;
    *kept_segments = *other_segments = 0;
    for (int i = 0; i < POINTS; i++)
        for (int j = i + 1; j < POINTS; j++)
            if (r->seg[i][j]) {
                int in = r->piece[i] == *best;
                *(in ? kept_km : other_km) += seg_km(i, j);
                (*(in ? kept_segments : other_segments))++;
            }
}

/* Must point i of the kept piece be a node (whatever rings add)? */
static int must_be_node(const struct raw *r, int i)
{
    int d = degree(r, i), a = -1, b = -1;
    if (d != 2)
        return 1;
    for (int j = 0; j < POINTS; j++)
        if (r->seg[i][j]) {
            b = a;
            a = j;
        }
    return r->cls[i][a] != r->cls[i][b] || r->name[i][a] != r->name[i][b];
}

static int lattice_point(const struct topo_node *n)
{
    for (int i = 0; i < POINTS; i++)
        if (px(i) == n->x && py(i) == n->y)
            return i;
    return -1;
}

static void check_graph(const struct topo_graph *g, const struct raw *r, int best)
{
    static double km[POINTS][POINTS], min[POINTS][POINTS];
    int at[POINTS], n = g->n_nodes;
    assert_true(n <= POINTS);
    for (int i = 0; i < n; i++) {
        at[i] = lattice_point(&g->nodes[i]);
        assert_true(at[i] >= 0 && r->piece[at[i]] == best);
        assert_true(g->nodes[i].lon == px(at[i]) / 1e7 && g->nodes[i].lat == py(at[i]) / 1e7);
        assert_true(i == 0 || g->nodes[i - 1].x < g->nodes[i].x
                    || (g->nodes[i - 1].x == g->nodes[i].x && g->nodes[i - 1].y < g->nodes[i].y));
    }
    int is_node[POINTS] = { 0 };
    for (int i = 0; i < n; i++)
        is_node[at[i]] = 1;
    for (int i = 0; i < POINTS; i++)
        if (r->piece[i] == best && must_be_node(r, i))
            assert_true(is_node[i]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            km[i][j] = min[i][j] = i == j ? 0 : INFINITY;
    for (int k = 0; k < g->n_roads; k++) {
        const struct topo_road *x = &g->roads[k];
        assert_true(x->from < x->to && x->to < n);
        km[x->from][x->to] = km[x->to][x->from] = fmin(km[x->from][x->to], x->km);
        double m = x->km / speed[x->cls] * 60;
        min[x->from][x->to] = min[x->to][x->from] = fmin(min[x->from][x->to], m);
        assert_true(fabs(x->minutes - m) <= 1e-9 * m);          /* the lines' own speeds */
    }
    for (int k = 0; k < n; k++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                km[i][j] = fmin(km[i][j], km[i][k] + km[k][j]);
                min[i][j] = fmin(min[i][j], min[i][k] + min[k][j]);
            }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double want = r->km[at[i]][at[j]], mwant = r->min[at[i]][at[j]];
            assert_true(isfinite(want) && fabs(km[i][j] - want) <= 1e-9 * want);
            assert_true(fabs(min[i][j] - mwant) <= 1e-9 * mwant);
        }
}

static void same_graph(const struct topo_graph *a, const struct topo_graph *b)
{
    assert_int_equal(a->n_nodes, b->n_nodes);
    assert_int_equal(a->n_roads, b->n_roads);
    assert_memory_equal(a->nodes, b->nodes, (size_t)a->n_nodes * sizeof *a->nodes);
    for (int k = 0; k < a->n_roads; k++) {
        const struct topo_road *x = &a->roads[k], *y = &b->roads[k];
        assert_true(x->from == y->from && x->to == y->to && x->cls == y->cls
                    && x->name == y->name && x->km == y->km && x->minutes == y->minutes);
    }
}

static void test_random_lines(void **state)
{
    static struct raw r;
    struct line lines[MAX_LINES];
    (void)state;
    for (uint64_t seed = 1; seed <= 150; seed++) {
        struct rng g = { seed * 104729 };
        int n = rng_int(&g, 1, MAX_LINES);
        for (int l = 0; l < n; l++) {
            if (l > 0 && rng_unit(&g) < 0.1)
                lines[l] = lines[rng_int(&g, 0, l - 1)];        /* drawn twice */
            else
                random_line(&g, &lines[l]);
        }
        int best;
        long kept_seg, other_seg;
        double kept_km, other_km;
        brute(lines, n, &r, &best, &kept_km, &kept_seg, &other_km, &other_seg);
        struct topology *t = topo_create(1), *u = topo_create(1);
        assert_true(t && u);
        for (int l = 0; l < n; l++)
            add(t, &lines[l], 0);
        for (int l = n - 1; l >= 0; l--)                      /* backwards, some reversed */
            add(u, &lines[l], rng_unit(&g) < 0.5);
        struct topo_graph a, b;
        assert_int_equal(topo_build(t, &a), 0);
        assert_int_equal(topo_build(u, &b), 0);
        check_graph(&a, &r, best);
        same_graph(&a, &b);
        assert_int_equal(a.segments, kept_seg);
        assert_int_equal(a.dropped_segments, other_seg);
        assert_true(fabs(a.km - kept_km) <= 1e-9 * kept_km);
        assert_true(fabs(a.dropped_km - other_km) <= 1e-9 * (other_km + 1));
        assert_int_equal(a.dropped_pieces > 0, other_seg > 0);
        topo_graph_free(&a), topo_graph_free(&b);
        topo_free(t), topo_free(u);
    }
}

/* ---- by hand ------------------------------------------------------------------ */

static struct topo_graph build(const struct line *lines, int n)
{
    struct topology *t = topo_create(1);
    struct topo_graph g;
    for (int l = 0; l < n; l++)
        add(t, &lines[l], 0);
    assert_int_equal(topo_build(t, &g), 0);
    topo_free(t);
    return g;
}

/* Lattice points 0 1 2 3 4 along the first row (0.001 degree apart).
 * A chain 0-1-2-3 of one class: one road 0-3 of 3 segments' km, two nodes. */
static void test_chain(void **state)
{
    const struct line l[] = { { 4, { 0, 1, 2, 3 }, 1, 0 } };
    struct topo_graph g = build(l, 1);
    (void)state;
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_roads, 1);
    double want = seg_km(0, 1) + seg_km(1, 2) + seg_km(2, 3);
    assert_true(fabs(g.roads[0].km - want) <= 1e-12 * want);
    topo_graph_free(&g);
}

/* The same chain with the class changing at 2: nodes 0, 2, 3; and a second
 * name from 3 to 4 in another line: 3 stays a node (degree 2, name changes). */
static void test_change(void **state)
{
    const struct line l[] = { { 3, { 0, 1, 2 }, 1, 0 }, { 2, { 2, 3 }, 2, 0 },
                              { 2, { 3, 4 }, 2, 1 } };
    struct topo_graph g = build(l, 3);
    (void)state;
    assert_int_equal(g.n_nodes, 4);            /* 0, 2, 3, 4 */
    assert_int_equal(g.n_roads, 3);
    topo_graph_free(&g);
}

/* A ring 0-1-6-5-0 (a square of the lattice) alone: its lowest point 0 and
 * the point opposite, 6, are the nodes; two roads of two segments each. */
static void test_ring(void **state)
{
    const struct line l[] = { { 5, { 0, 1, 6, 5, 0 }, 2, 0 } };
    struct topo_graph g = build(l, 1);
    (void)state;
    assert_int_equal(g.n_nodes, 2);
    assert_int_equal(g.n_roads, 2);
    assert_true(g.nodes[0].x == px(0) && g.nodes[0].y == py(0));
    assert_true(g.nodes[1].x == px(6) && g.nodes[1].y == py(6));
    topo_graph_free(&g);
}

/* A tail 10-5 and a loop 5-6-1-0-5 (a square of the lattice; 10 is (x0, y2),
 * 5 (x0, y1), 0 (x0, y0), 1 (x1, y0), 6 (x1, y1)), with 6-5 drawn twice: 5 is
 * a node (three segments), the loop is walked from 5 towards its lowest
 * neighbour 0 and split at its middle inner point 1: roads 5-1 (via 0) and
 * 1-5 (via 6) and the tail; nodes by position 5, 10, 1. */
static void test_loop(void **state)
{
    const struct line l[] = { { 2, { 10, 5 }, 1, 0 }, { 5, { 5, 6, 1, 0, 5 }, 2, 0 },
                              { 2, { 6, 5 }, 2, 0 } };
    struct topo_graph g = build(l, 3);
    (void)state;
    assert_int_equal(g.n_nodes, 3);
    assert_true(g.nodes[0].x == px(5) && g.nodes[1].x == px(10) && g.nodes[2].x == px(1));
    assert_int_equal(g.n_roads, 3);
    assert_int_equal(g.duplicates, 1);
    double via0 = seg_km(5, 0) + seg_km(0, 1), via6 = seg_km(1, 6) + seg_km(6, 5);
    /* roads sorted by ends, then class, then km: (0,1) tail, then (0,2) twice */
    assert_true(g.roads[0].from == 0 && g.roads[0].to == 1 && g.roads[0].cls == 1);
    assert_true(g.roads[1].from == 0 && g.roads[1].to == 2 && g.roads[2].to == 2);
    assert_true(fabs(fmin(g.roads[1].km, g.roads[2].km) - fmin(via0, via6)) <= 1e-12);
    assert_true(fabs(fmax(g.roads[1].km, g.roads[2].km) - fmax(via0, via6)) <= 1e-12);
    topo_graph_free(&g);
}

/* Two lines whose ends are 0.18 m apart (2e-6 degree of longitude at 33.9 N:
 * 6371 km x 2e-6 x pi/180 x cos(33.9 deg)), on either side of a cell's edge
 * at step 90 (1164100040 and 1164100060 in 1e-7 degrees, the edge at
 * 90 x 12934445 = 1164100050): with step 1 they do not meet, and the graph
 * is the longer, the first; with step 90 (1 m) they are one road of both
 * lines' km, from 116.40 over the first line's end to 116.42. */
static void test_snap(void **state)
{
    const double lon1[] = { 116.40, 116.410004 }, lon2[] = { 116.410006, 116.42 };
    const double lat[] = { 33.9, 33.9 };
    struct topo_graph g;
    (void)state;
    for (int step = 1; step <= 90; step += 89) {
        struct topology *t = topo_create(step);
        assert_int_equal(topo_add_line(t, lon1, lat, 2, 2, 0, NAN), 0);
        assert_int_equal(topo_add_line(t, lon2, lat, 2, 2, 0, NAN), 0);
        assert_int_equal(topo_build(t, &g), 0);
        double a = geo_km(116.40, 33.9, 116.410004, 33.9), b = geo_km(116.410004, 33.9, 116.42, 33.9);
        assert_int_equal(g.n_nodes, 2);
        assert_int_equal(g.n_roads, 1);
        assert_int_equal(g.dropped_pieces, step == 1);
        assert_true(fabs(g.roads[0].km - (step == 1 ? a : a + b)) < 1e-12);
        assert_true(g.nodes[0].lon == 116.40 && g.nodes[1].lon == (step == 1 ? 116.410004 : 116.42));
        topo_graph_free(&g);
        topo_free(t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_lines),
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_ring),
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_snap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
