/*
 * test_network.c -- the road network and its shortest-time searches.
 *
 * Brute force: hundreds of small random graphs (parallel roads, loops, zero-
 * minute roads, closures and speed changes with overlapping intervals) checked
 * against Floyd-Warshall from every source, with every returned path walked and
 * summed; the same graphs with positions check A* and the several-source
 * search.  Larger random graphs (past the size where labels move from the hash
 * table to the array) check resumed searches and the road-change rule against
 * a plain O(V^2) Dijkstra written here; grids with fractional minutes check
 * that A* gives Dijkstra's very bits where sums added in another order would
 * not.  Hand cases pin the documented edge behaviour.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "splitmix.h"
#include "engine/network.h"
#include "engine/landmarks.h"
#include "engine/search.h"

#define MAX_NODES 40
#define MAX_ROADS (3 * MAX_NODES + 8)
#define MAX_CHANGES (2 * MAX_ROADS)
#define N_GRAPHS 400
#define REL_TOL 1e-9

/* ---- helpers ------------------------------------------------------------- */

static long apart_pairs;         /* pairs check_goal_directed found with no road between them */

static int closed(double m) { return !(m >= 0 && m < INFINITY); }

static int near(double a, double b)
{
    if (a == b)
        return 1;
    return fabs(a - b) <= REL_TOL * fmax(fabs(a), fabs(b));
}

/* Reference for net_road_minutes, written another way: find the lowest
 * factor in force on road r (scanning from the last change), then divide. */
static double ref_road_minutes(const struct net_road *roads, int r,
                               const struct road_change *ch, int n_ch, double t)
{
    int i, any = 0;
    double lowest = 0;
    for (i = n_ch - 1; i >= 0; i--)
        if (ch[i].road == r && ch[i].from_min <= t && t < ch[i].until_min
            && (!any || ch[i].factor < lowest)) {
            lowest = ch[i].factor;
            any = 1;
        }
    if (!any)
        return roads[r].minutes;
    return lowest > 0 ? roads[r].minutes / lowest : INFINITY;
}

/* All-pairs shortest minutes over open roads: O(n^3). */
static void floyd_warshall(int n, int m, const struct net_road *roads, const double *w,
                           double d[MAX_NODES][MAX_NODES])
{
    int i, j, k, r;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            d[i][j] = i == j ? 0.0 : INFINITY;
    for (r = 0; r < m; r++) {
        int a = roads[r].from, b = roads[r].to;
        if (closed(w[r]) || a == b)
            continue;
        if (w[r] < d[a][b])
            d[a][b] = d[b][a] = w[r];
    }
    for (k = 0; k < n; k++)
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                if (d[i][k] + d[k][j] < d[i][j])
                    d[i][j] = d[i][k] + d[k][j];
}

/* The path to node must be a walk from src over open roads whose minutes add
 * up to the search's distance; unreached nodes have no path. */
static void check_path(const struct net *net, const struct net_search *s, int src,
                       int node, const double *w)
{
    int buf[MAX_NODES], k, cur = src;
    double dist = net_search_minutes(s, node), sum = 0;
    int len = net_search_path(s, node, buf, MAX_NODES);

    if (dist == INFINITY) {
        assert_int_equal(len, -1);
        return;
    }
    assert_true(len >= 0 && len < net_n_nodes(net));
    for (k = 0; k < len; k++) {
        int r = buf[k];
        assert_true(r >= 0 && r < net_n_roads(net));
        assert_false(closed(w[r]));
        cur = net_road_other_end(net, r, cur);
        assert_true(cur >= 0);
        sum += w[r];
    }
    assert_int_equal(cur, node);
    assert_true(near(sum, dist));
}

/* ---- random graphs ------------------------------------------------------- */

struct graph {
    int n, m, n_ch;
    struct net_road roads[MAX_ROADS];
    struct road_change ch[MAX_CHANGES];
    double t;
};

/* Roads: mostly random pairs, some parallel to an earlier road (either way
 * round), a few loops; minutes sometimes exactly 0. */
static void random_roads(struct rng *g, struct graph *gr)
{
    int r;
    gr->n = rng_int(g, 2, MAX_NODES);
    gr->m = rng_int(g, 0, 3 * gr->n);
    for (r = 0; r < gr->m; r++) {
        struct net_road *road = &gr->roads[r];
        double u = rng_unit(g);
        if (r > 0 && u < 0.15) {
            const struct net_road *old = &gr->roads[rng_int(g, 0, r - 1)];
            int flip = rng_int(g, 0, 1);
            road->from = flip ? old->to : old->from;
            road->to = flip ? old->from : old->to;
        } else if (u < 0.18) {
            road->from = road->to = rng_int(g, 0, gr->n - 1);
        } else {
            road->from = rng_int(g, 0, gr->n - 1);
            road->to = (road->from + rng_int(g, 1, gr->n - 1)) % gr->n;
        }
        road->minutes = rng_unit(g) < 0.05 ? 0.0 : 0.5 + 59.5 * rng_unit(g);
    }
}

/* Changes crowd onto a few "hot" roads so that intervals overlap often; some
 * close, a few have an empty interval, a few a negative factor (= closed). */
static void random_changes(struct rng *g, struct graph *gr)
{
    int i, hot = gr->m < 4 ? gr->m : 4;
    gr->n_ch = gr->m ? rng_int(g, 0, 2 * gr->m) : 0;
    for (i = 0; i < gr->n_ch; i++) {
        struct road_change *c = &gr->ch[i];
        double u = rng_unit(g);
        c->road = rng_unit(g) < 0.5 ? rng_int(g, 0, hot - 1) : rng_int(g, 0, gr->m - 1);
        c->from_min = 100.0 * rng_unit(g);
        c->until_min = rng_unit(g) < 0.05 ? c->from_min : c->from_min + 60.0 * rng_unit(g);
        c->factor = u < 0.25 ? 0.0 : u < 0.28 ? -1.0 : 0.25 + 1.75 * rng_unit(g);
    }
    gr->t = 120.0 * rng_unit(g);
    if (gr->n_ch > 0 && rng_unit(g) < 0.15) {  /* land exactly on an interval end */
        const struct road_change *c = &gr->ch[rng_int(g, 0, gr->n_ch - 1)];
        gr->t = rng_int(g, 0, 1) ? c->from_min : c->until_min;
    }
}

/* Road minutes at gr->t via net_road_minutes, checked against the reference;
 * then a few entries are spoilt to NaN or negative, which must read as closed. */
static void road_minutes_at(struct rng *g, const struct net *net, const struct graph *gr,
                            double *w)
{
    int r;
    net_road_minutes(net, gr->ch, gr->n_ch, gr->t, w);
    for (r = 0; r < gr->m; r++) {
        double want = ref_road_minutes(gr->roads, r, gr->ch, gr->n_ch, gr->t);
        assert_true(want == w[r] || (closed(want) && closed(w[r])));
    }
    for (r = 0; r < gr->m; r++) {
        double u = rng_unit(g);
        if (u < 0.02)
            w[r] = NAN;
        else if (u < 0.04)
            w[r] = -3.0;
    }
}

/* Up to four targets, duplicates allowed, src sometimes among them; a run to
 * them must give the same minutes as the full search, and, if one is
 * unreachable, run to exhaustion so that every node matches.  run_w is what
 * the search is given (NULL: free flow), w the same minutes spelt out. */
static void check_targeted(struct rng *g, const struct net *net, struct net_search *s,
                           int src, const double *run_w, const double *w,
                           double d[MAX_NODES][MAX_NODES])
{
    int targets[4], k, v, n = net_n_nodes(net), nt = rng_int(g, 1, 4), any_unreached = 0;
    for (k = 0; k < nt; k++)
        targets[k] = rng_unit(g) < 0.2 ? src : rng_int(g, 0, n - 1);
    if (nt > 1 && rng_unit(g) < 0.3)
        targets[nt - 1] = targets[0];
    net_search_run(s, src, run_w, targets, nt);
    for (k = 0; k < nt; k++) {
        assert_true(near(net_search_minutes(s, targets[k]), d[src][targets[k]]));
        check_path(net, s, src, targets[k], w);
        any_unreached |= d[src][targets[k]] == INFINITY;
    }
    for (v = 0; any_unreached && v < n; v++)
        assert_true(near(net_search_minutes(s, v), d[src][v]));
}


/* ---- A*, resumed searches, several sources -------------------------------- */

/* Random positions in a county-sized box (some nodes share a point), and on
 * half the graphs landmarks; then on the same graph, with its changes made to
 * slow roads only (as hazards do; the premise of the bound): the bound never exceeds Floyd-Warshall's minutes; A*
 * between every pair gives exactly full Dijkstra's minutes (the same sums in
 * the same order) and a path that adds up to them; a search resumed towards
 * nodes in random order settles each at exactly its full-run minutes (or,
 * told to stop also at a random limit, settles it exactly when it is within
 * the limit, and every node within it), and every node it has not settled
 * is at least its unsettled bound away; the
 * several-source search gives each node the least of the sources' minutes,
 * from the first source listed among those at that least. */
static void check_goal_directed(uint64_t seed, const struct graph *gr, struct net *net,
                                int free_flow, const double *given_w)
{
    struct rng g = { seed ^ 0x5DEECE66Dull };
    static double lon[MAX_NODES], lat[MAX_NODES], full[MAX_NODES][MAX_NODES];
    static double d[MAX_NODES][MAX_NODES];
    double w[MAX_ROADS];
    int n = gr->n, a, b, v, k;
    for (k = 0; k < gr->m; k++)           /* hazards only slow roads: the bound's premise */
        w[k] = closed(given_w[k]) ? INFINITY : fmax(given_w[k], gr->roads[k].minutes);
    floyd_warshall(n, gr->m, gr->roads, w, d);
    const double *run_w = free_flow ? NULL : w;
    for (v = 0; v < n; v++) {
        int same = v > 0 && rng_unit(&g) < 0.05 ? rng_int(&g, 0, v - 1) : -1;
        lon[v] = same >= 0 ? lon[same] : 116.0 + 0.8 * rng_unit(&g);
        lat[v] = same >= 0 ? lat[same] : 33.5 + 0.6 * rng_unit(&g);
    }
    assert_int_equal(net_set_points(net, lon, lat), 0);
    if (seed % 2)                      /* landmarks on half the graphs */
        assert_int_equal(net_set_landmarks(net, rng_int(&g, 1, 4)), 0);
    struct net_search *s = net_search_create(net), *as = net_search_create(net);
    assert_non_null(s);
    assert_non_null(as);
    for (a = 0; a < n; a++) {
        net_search_run(s, a, run_w, NULL, 0);
        for (v = 0; v < n; v++)
            full[a][v] = net_search_minutes(s, v);
    }
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++) {
            assert_true(net_bound(net, a, b) >= 0);
            assert_true(net_bound(net, a, b) <= d[a][b] * (1 + REL_TOL));
            assert_true(net_search_astar(as, a, b, run_w) == full[a][b]);
            check_path(net, as, a, b, w);
        }
    for (a = 0; a < n; a++) {
        double far = 0;
        for (b = 0; b < n; b++)
            far = isfinite(full[a][b]) ? fmax(far, full[a][b]) : far;
        net_search_start(s, a, run_w);
        for (k = 0; k < 6; k++) {
            v = rng_int(&g, 0, n - 1);
            if (k % 2) {                  /* stopping also at a limit */
                double lim = far * rng_unit(&g), got;
                int was = net_search_settled(s, v);
                got = net_search_settle_within(s, v, lim);
                assert_true(got == (was || full[a][v] <= lim ? full[a][v] : INFINITY));
                for (b = 0; b < n && got == INFINITY; b++)
                    assert_true(full[a][b] > lim || (net_search_settled(s, b)
                                                     && net_search_minutes(s, b) == full[a][b]));
            } else {
                assert_true(net_search_settle(s, v) == full[a][v]);
                assert_true(net_search_settled(s, v) || full[a][v] == INFINITY);
            }
            for (b = 0; b < n; b++)
                assert_true(net_search_settled(s, b)
                            || net_search_unsettled_bound(s) <= full[a][b]);
        }
    }
    int srcs[4], ns = rng_int(&g, 1, 4);
    for (k = 0; k < ns; k++)
        srcs[k] = k > 0 && rng_unit(&g) < 0.2 ? srcs[k - 1] : rng_int(&g, 0, n - 1);
    net_search_run_multi(s, srcs, ns, run_w);
    for (v = 0; v < n; v++) {
        int first = -1;
        double least = INFINITY;
        for (k = 0; k < ns; k++)
            if (full[srcs[k]][v] < least) {
                least = full[srcs[k]][v];
                first = k;
            }
        assert_true(net_search_minutes(s, v) == least);
        assert_int_equal(net_search_origin(s, v), first);
        check_path(net, s, first >= 0 ? srcs[first] : v, v, w);
    }
    if (seed % 2) {                    /* landmarks: no road between them reads INFINITY */
        net_search_run(s, 0, NULL, NULL, 0);
        for (a = 0; a < n; a++)
            for (b = 0; b < n; b++)
                if (isfinite(net_search_minutes(s, a)) && !isfinite(net_search_minutes(s, b))) {
                    assert_true(net_bound(net, a, b) == INFINITY);
                    apart_pairs++;
                }
    }
    net_search_free(s);
    net_search_free(as);
}

/* One graph: every source, full and targeted, on the same reused search. */
static void check_graph(uint64_t seed)
{
    struct rng g = { seed };
    static struct graph gr;
    static double d[MAX_NODES][MAX_NODES];
    double w[MAX_ROADS];
    int free_flow = seed % 5 == 0, src, v;
    struct net *net;
    struct net_search *s;

    random_roads(&g, &gr);
    random_changes(&g, &gr);
    net = net_create(gr.n, gr.m, gr.roads);
    assert_non_null(net);
    s = net_search_create(net);
    assert_non_null(s);
    if (free_flow) {
        for (v = 0; v < gr.m; v++)
            w[v] = gr.roads[v].minutes;
    } else {
        road_minutes_at(&g, net, &gr, w);
    }
    floyd_warshall(gr.n, gr.m, gr.roads, w, d);
    for (src = 0; src < gr.n; src++) {
        net_search_run(s, src, free_flow ? NULL : w, NULL, 0);
        for (v = 0; v < gr.n; v++) {
            assert_true(near(net_search_minutes(s, v), d[src][v]));
            check_path(net, s, src, v, w);
        }
        check_targeted(&g, net, s, src, free_flow ? NULL : w, w, d);
    }
    check_goal_directed(seed, &gr, net, free_flow, w);
    net_search_free(s);
    net_free(net);
}

static void test_brute_force(void **state)
{
    uint64_t i;
    (void)state;
    for (i = 0; i < N_GRAPHS; i++)
        check_graph(i);
    print_message("brute force: %ld pairs with no road between them, bound INFINITY\n", apart_pairs);
    assert_true(apart_pairs > 0);
}

/* ---- hand cases ---------------------------------------------------------- */

/*
 *        r0: 10          r1: 10
 *    0 ----------- 1 ----------- 3        node 4 stands alone
 *    |             |             |
 *    |  r2: 15     | r4: 3       | r3: 20
 *    +------------ 2 ------------+
 *
 * Changes: r1 closed over [0, 60); r4 at half speed (3 -> 6 min) over [30, 90).
 * From 0:
 *   free flow: 1 = 10, 2 = min(15, 10 + 3) = 13, 3 = min(10 + 10, 13 + 20) = 20 [r0 r1]
 *   t = 10:  r1 closed, r4 3 min: 2 = 13, 3 = min(15 + 20, 13 + 20) = 33      [r0 r4 r3]
 *   t = 45:  r1 closed, r4 6 min: 2 = min(15, 10 + 6) = 15, 3 = 15 + 20 = 35  [r2 r3]
 *   t = 70:  r1 open,   r4 6 min: 2 = 15, 3 = 20                              [r0 r1]
 */
static const struct net_road hand_roads[] = {
    { 0, 1, 10.0 }, { 1, 3, 10.0 }, { 0, 2, 15.0 }, { 2, 3, 20.0 }, { 1, 2, 3.0 },
};
static const struct road_change hand_changes[] = {
    { 1, 0.0, 60.0, 0.0 }, { 4, 30.0, 90.0, 0.5 },
};

static void expect_path(const struct net_search *s, int node, const int *want, int n_want)
{
    int buf[8], k;
    assert_int_equal(net_search_path(s, node, buf, 8), n_want);
    for (k = 0; k < n_want; k++)
        assert_int_equal(buf[k], want[k]);
}

static void hand_at(const struct net *net, struct net_search *s, double t,
                    double want2, double want3, const int *path3, int n_path3)
{
    double w[5];
    net_road_minutes(net, hand_changes, 2, t, w);
    net_search_run(s, 0, w, NULL, 0);
    assert_true(net_search_minutes(s, 0) == 0.0);
    assert_true(near(net_search_minutes(s, 1), 10.0));
    assert_true(near(net_search_minutes(s, 2), want2));
    assert_true(near(net_search_minutes(s, 3), want3));
    expect_path(s, 3, path3, n_path3);
    assert_true(net_search_minutes(s, 4) == INFINITY);
    assert_int_equal(net_search_path(s, 4, NULL, 0), -1);
}

static void test_hand_detour(void **state)
{
    static const int p_free[] = { 0, 1 }, p10[] = { 0, 4, 3 }, p45[] = { 2, 3 };
    struct net *net = net_create(5, 5, hand_roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    assert_non_null(s);
    net_search_run(s, 0, NULL, NULL, 0);
    assert_true(near(net_search_minutes(s, 2), 13.0));
    assert_true(near(net_search_minutes(s, 3), 20.0));
    expect_path(s, 3, p_free, 2);
    hand_at(net, s, 10.0, 13.0, 33.0, p10, 3);
    hand_at(net, s, 45.0, 15.0, 35.0, p45, 2);
    hand_at(net, s, 70.0, 15.0, 20.0, p_free, 2);
    net_search_free(s);
    net_free(net);
}

/* A node cut off by a closure, and one with no roads at all. */
static void test_unreachable(void **state)
{
    static const struct net_road roads[] = { { 0, 1, 5.0 }, { 1, 2, 5.0 } };
    double w[2] = { 5.0, INFINITY };
    int buf[4] = { 77, 77, 77, 77 };
    struct net *net = net_create(4, 2, roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    net_search_run(s, 0, w, NULL, 0);
    assert_true(near(net_search_minutes(s, 1), 5.0));
    assert_true(net_search_minutes(s, 2) == INFINITY);
    assert_true(net_search_minutes(s, 3) == INFINITY);
    assert_int_equal(net_search_path(s, 2, buf, 4), -1);
    assert_int_equal(net_search_path(s, 3, buf, 4), -1);
    assert_int_equal(buf[0], 77);
    net_search_free(s);
    net_free(net);
}

/* The path to src is empty and writes nothing. */
static void test_path_to_src(void **state)
{
    int buf[2] = { 77, 77 };
    struct net *net = net_create(5, 5, hand_roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    net_search_run(s, 2, NULL, NULL, 0);
    assert_true(net_search_minutes(s, 2) == 0.0);
    assert_int_equal(net_search_path(s, 2, buf, 2), 0);
    assert_int_equal(buf[0], 77);
    net_search_free(s);
    net_free(net);
}

/* Chain 0 -r0- 1 -r1- 2 -r2- 3: a short buffer gets the first roads only, and
 * the full length is still returned. */
static void test_path_truncated(void **state)
{
    static const struct net_road roads[] = { { 0, 1, 1.0 }, { 2, 1, 2.0 }, { 3, 2, 4.0 } };
    int buf[4] = { 77, 77, 77, 77 };
    struct net *net = net_create(4, 3, roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    net_search_run(s, 0, NULL, NULL, 0);
    assert_true(near(net_search_minutes(s, 3), 7.0));
    assert_int_equal(net_search_path(s, 3, NULL, 0), 3);
    assert_int_equal(net_search_path(s, 3, buf, 1), 3);
    assert_int_equal(buf[0], 0);
    assert_int_equal(buf[1], 77);
    assert_int_equal(net_search_path(s, 3, buf, 2), 3);
    assert_int_equal(buf[1], 1);
    assert_int_equal(buf[2], 77);
    assert_int_equal(net_search_path(s, 3, buf, 4), 3);
    assert_int_equal(buf[2], 2);
    assert_int_equal(buf[3], 77);
    net_search_free(s);
    net_free(net);
}

/*
 * The lowest factor in force wins, whatever the order of the changes.
 * Road 0 (12 min): A = x0.5 over [0, 100), then B = x2 over [50, 150).
 *   t = 0: A only -> 24;  t = 75: both, A is lower -> 24;  t = 120: B -> 6;
 *   t = 150: none (until is exclusive) -> 12;  t = -1: none -> 12.
 * Same two in the other order: t = 75 -> A still wins -> 24.
 * Road 1 (8 min): closed over [10, 40), and x4 over [20, 30):
 *   t = 15 -> INFINITY;  t = 25 -> the closure is lower -> INFINITY;
 *   t = 30 -> INFINITY;  t = 40 -> 8.
 */
static void test_road_minutes_overlap(void **state)
{
    static const struct net_road roads[] = { { 0, 1, 12.0 }, { 1, 2, 8.0 } };
    static const struct road_change ab[] = {
        { 0, 0.0, 100.0, 0.5 }, { 0, 50.0, 150.0, 2.0 },
        { 1, 10.0, 40.0, 0.0 }, { 1, 20.0, 30.0, 4.0 },
    };
    static const struct road_change ba[] = { { 0, 50.0, 150.0, 2.0 }, { 0, 0.0, 100.0, 0.5 } };
    struct net *net = net_create(3, 2, roads);
    double w[2];
    (void)state;
    net_road_minutes(net, ab, 4, 0.0, w);
    assert_true(w[0] == 24.0 && w[1] == 8.0);
    net_road_minutes(net, ab, 4, 75.0, w);
    assert_true(w[0] == 24.0);
    net_road_minutes(net, ab, 4, 120.0, w);
    assert_true(w[0] == 6.0);
    net_road_minutes(net, ab, 4, 150.0, w);
    assert_true(w[0] == 12.0);
    net_road_minutes(net, ab, 4, -1.0, w);
    assert_true(w[0] == 12.0);
    net_road_minutes(net, ba, 2, 75.0, w);
    assert_true(w[0] == 24.0);
    net_road_minutes(net, ab, 4, 15.0, w);
    assert_true(w[1] == INFINITY);
    net_road_minutes(net, ab, 4, 25.0, w);
    assert_true(w[1] == INFINITY);
    net_road_minutes(net, ab, 4, 30.0, w);
    assert_true(w[1] == INFINITY);
    net_road_minutes(net, ab, 4, 40.0, w);
    assert_true(w[1] == 8.0);
    net_road_minutes(net, NULL, 0, 30.0, w);
    assert_true(w[0] == 12.0 && w[1] == 8.0);
    net_free(net);
}

static void test_accessors(void **state)
{
    struct net *net = net_create(5, 5, hand_roads);
    (void)state;
    assert_int_equal(net_n_nodes(net), 5);
    assert_int_equal(net_n_roads(net), 5);
    assert_true(net_free_minutes(net, 2) == 15.0);
    assert_int_equal(net_road_other_end(net, 4, 1), 2);
    assert_int_equal(net_road_other_end(net, 4, 2), 1);
    assert_int_equal(net_road_other_end(net, 4, 0), -1);
    net_free(net);
}

/* net_landmarks_key: the same for the same network built twice; another for
 * another k, for a road's minutes one ulp longer, and for a road between
 * other nodes (a hash: a collision would have a chance of 2^-64). */
static void test_landmarks_key(void **state)
{
    struct net_road roads[5];
    (void)state;
    memcpy(roads, hand_roads, sizeof roads);
    struct net *a = net_create(5, 5, roads), *b = net_create(5, 5, roads);
    uint64_t key = net_landmarks_key(a, 2);
    assert_true(key == net_landmarks_key(b, 2));
    assert_true(key != net_landmarks_key(a, 3));
    roads[4].minutes = nextafter(roads[4].minutes, INFINITY);
    struct net *c = net_create(5, 5, roads);
    assert_true(key != net_landmarks_key(c, 2));
    roads[4] = (struct net_road){ 1, 4, hand_roads[4].minutes };
    struct net *e = net_create(5, 5, roads);
    assert_true(key != net_landmarks_key(e, 2));
    /* the table attached is what net_landmark_table gives back */
    assert_int_equal(net_set_landmarks(a, 2), 0);
    assert_int_equal(net_n_landmarks(a), 2);
    double *copy = malloc(5 * 2 * sizeof *copy);
    assert_non_null(copy);
    memcpy(copy, net_landmark_table(a), 5 * 2 * sizeof *copy);
    net_attach_landmarks(b, 2, copy);
    for (int u = 0; u < 5; u++)
        for (int v = 0; v < 5; v++)
            assert_true(net_bound(a, u, v) == net_bound(b, u, v));
    net_free(a);
    net_free(b);
    net_free(c);
    net_free(e);
}

/* Bad sizes give NULL without touching roads; empty networks work. */
static void test_create_edges(void **state)
{
    struct net *net;
    struct net_search *s;
    (void)state;
    assert_null(net_create(-1, 0, NULL));
    assert_null(net_create(3, -1, hand_roads));
    assert_null(net_create(3, INT_MAX / 2 + 1, NULL));
    assert_null(net_create(INT_MAX, 0, NULL));
    net_free(NULL);
    net_search_free(NULL);
    net = net_create(0, 0, NULL);
    assert_non_null(net);
    s = net_search_create(net);
    assert_non_null(s);
    net_search_free(s);
    net_free(net);
    net = net_create(1, 0, NULL);
    s = net_search_create(net);
    assert_true(net_search_minutes(s, 0) == INFINITY);   /* before any run */
    assert_int_equal(net_search_path(s, 0, NULL, 0), -1);
    net_search_run(s, 0, NULL, NULL, 0);
    assert_true(net_search_minutes(s, 0) == 0.0);
    assert_int_equal(net_search_path(s, 0, NULL, 0), 0);
    net_search_free(s);
    net_free(net);
}

/* Targets: none; only src; duplicates; an unreachable one (full search). */
static void test_targets_edges(void **state)
{
    static const int dup[] = { 3, 3, 3 }, dup_1[] = { 1, 1 }, self[] = { 0 }, lost[] = { 1, 4 };
    struct net *net = net_create(5, 5, hand_roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    net_search_run(s, 0, NULL, dup, 0);
    assert_true(net_search_minutes(s, 0) == 0.0);
    assert_true(net_search_minutes(s, 3) == INFINITY);
    net_search_run(s, 0, NULL, self, 1);
    assert_true(net_search_minutes(s, 0) == 0.0);
    assert_int_equal(net_search_path(s, 0, NULL, 0), 0);
    net_search_run(s, 0, NULL, dup, 3);
    assert_true(near(net_search_minutes(s, 3), 20.0));
    /* {1, 1} is one target: settled second, right after 0, so the run stops
     * before 1 is scanned; 3 is not reached yet and 2 holds its direct 15
     * (true 13).  Counting the duplicate twice would run on and reach 3. */
    net_search_run(s, 0, NULL, dup_1, 2);
    assert_true(near(net_search_minutes(s, 1), 10.0));
    assert_true(near(net_search_minutes(s, 2), 15.0));
    assert_true(net_search_minutes(s, 3) == INFINITY);
    net_search_run(s, 0, NULL, lost, 2);
    assert_true(near(net_search_minutes(s, 1), 10.0));
    assert_true(near(net_search_minutes(s, 2), 13.0));
    assert_true(near(net_search_minutes(s, 3), 20.0));
    assert_true(net_search_minutes(s, 4) == INFINITY);
    net_search_free(s);
    net_free(net);
}



/* Whole-minute roads (routes of equal minutes everywhere) with positions and
 * landmarks: A* from every node to every other returns exactly Dijkstra's
 * minutes and the very same route, road for road, as the full search. */
static void test_astar_routes(void **state)
{
    (void)state;
    for (uint64_t seed = 0; seed < 60; seed++) {
        struct rng g = { 0xA57A5ull + seed };
        int n = rng_int(&g, 2, 30), m = 0, a, b, k;
        struct net_road roads[4 * 30];
        double lon[30], lat[30];
        for (a = 0; a < n; a++) {
            lon[a] = 116.0 + 0.3 * rng_unit(&g);
            lat[a] = 33.5 + 0.3 * rng_unit(&g);
        }
        for (a = 1; a < n; a++)            /* connected, then a few more roads */
            roads[m++] = (struct net_road){ rng_int(&g, 0, a - 1), a, rng_int(&g, 1, 3) };
        for (k = rng_int(&g, 0, 2 * n); k > 0; k--) {
            a = rng_int(&g, 0, n - 1), b = rng_int(&g, 0, n - 1);
            if (a != b)
                roads[m++] = (struct net_road){ a, b, rng_int(&g, 1, 3) };
        }
        struct net *net = net_create(n, m, roads);
        assert_int_equal(net_set_points(net, lon, lat), 0);
        assert_int_equal(net_set_landmarks(net, rng_int(&g, 1, 3)), 0);
        struct net_search *d = net_search_create(net), *as = net_search_create(net);
        int pd[4 * 30], pa[4 * 30];
        for (a = 0; a < n; a++) {
            net_search_run(d, a, NULL, NULL, 0);
            for (b = 0; b < n; b++) {
                assert_true(net_search_astar(as, a, b, NULL) == net_search_minutes(d, b));
                int ld = net_search_path(d, b, pd, 4 * 30), la = net_search_path(as, b, pa, 4 * 30);
                assert_int_equal(la, ld);
                for (k = 0; k < ld; k++)
                    assert_int_equal(pa[k], pd[k]);
            }
        }
        net_search_free(d);
        net_search_free(as);
        net_free(net);
    }
}


/* A* against Dijkstra, bit for bit, where the order of the sums matters:
 * grids of 1,200 nodes with landmarks (past the array threshold, so the
 * labels live in hash tables) whose roads take fractional minutes -- on half
 * of them drawn from three values, so that many routes tie in minutes while
 * their sums, added in another order, differ in the last bits -- with roads
 * closed and slowed (never faster than free flow, the landmarks' premise).
 * A*'s minutes must be the very bits of Dijkstra's (added from the source)
 * and its route the very roads.  Routes whose minutes added from the goal
 * differ are counted and required to occur: a search that added them another
 * way (from both ends, say) would fail here. */
static void test_astar_sum_order(void **state)
{
    (void)state;
    enum { W = 40, H = 30, N = W * H, PAIRS = 40 };
    static const double tie[3] = { 0.7, 1.1, 1.3 };
    struct net_road *roads = malloc(2 * N * sizeof *roads);
    double *lon = malloc(N * sizeof *lon), *lat = malloc(N * sizeof *lat);
    double *now = malloc(2 * N * sizeof *now);
    int *pd = malloc(N * sizeof *pd), *pa = malloc(N * sizeof *pa);
    long cases = 0, order_differs = 0;
    assert_non_null(roads);
    assert_non_null(lon);
    assert_non_null(lat);
    assert_non_null(now);
    assert_non_null(pd);
    assert_non_null(pa);
    for (uint64_t seed = 0; seed < 12; seed++) {
        struct rng g = { 0xB1D1ull + seed };
        int m = 0;
        for (int v = 0; v < N; v++) {
            lon[v] = 116.0 + 0.01 * (v % W);
            lat[v] = 33.5 + 0.01 * (v / W);
        }
        for (int v = 0; v < N; v++)
            for (int e = 0; e < 2; e++) {
                int w = e ? v + W : v + 1;
                if ((e ? v / W + 1 < H : v % W + 1 < W)) {
                    double min = seed % 2 ? tie[rng_int(&g, 0, 2)] : 0.5 + rng_unit(&g);
                    roads[m++] = (struct net_road){ v, w, min };
                }
            }
        for (int r = 0; r < m; r++) {
            double u = rng_unit(&g);
            now[r] = u < 0.08 ? INFINITY : u < 0.25 ? roads[r].minutes * (1.5 + rng_unit(&g))
                                                    : roads[r].minutes;
        }
        struct net *net = net_create(N, m, roads);
        assert_non_null(net);
        assert_int_equal(net_set_points(net, lon, lat), 0);
        assert_int_equal(net_set_landmarks(net, 4), 0);
        struct net_search *d = net_search_create(net), *back = net_search_create(net);
        struct net_search *as = net_search_create(net);
        for (int i = 0; i < PAIRS; i++) {
            int a = rng_int(&g, 0, N - 1), b = rng_int(&g, 0, N - 1);
            const double *rm = i % 4 ? now : NULL;
            net_search_run(d, a, rm, NULL, 0);
            double want = net_search_minutes(d, b), got = net_search_astar(as, a, b, rm);
            assert_false(net_search_failed(as));
            assert_true(got == want || (isinf(got) && isinf(want)));
            int ld = net_search_path(d, b, pd, N), la = net_search_path(as, b, pa, N);
            assert_int_equal(la, ld);
            for (int k = 0; k < ld; k++)
                assert_int_equal(pa[k], pd[k]);
            net_search_run(back, b, rm, NULL, 0);
            order_differs += isfinite(want) && net_search_minutes(back, a) != want;
            cases++;
        }
        net_search_free(d);
        net_search_free(back);
        net_search_free(as);
        net_free(net);
    }
    print_message("A* on fractional minutes: %ld routes, %ld whose minutes added from the goal differ\n",
                  cases, order_differs);
    assert_true(order_differs > 0);
    free(roads);
    free(lon);
    free(lat);
    free(now);
    free(pd);
    free(pa);
}

/* Routes kept while roads change (net_route_holds): on random graphs with
 * positions and landmarks (whole minutes on some, so routes tie), a route is
 * found by A* and then roads close, slow down, reopen and recover (never
 * faster than free flow: the premise of the bound).  After each change,
 * whenever the rule says the route holds, a fresh Dijkstra must give exactly
 * its minutes and its very roads; when it does not hold the route is found
 * again.  Both answers occur thousands of times. */
static void test_route_holds(void **state)
{
    enum { N = 40, M = 4 * N, STEPS = 60 };
    long held = 0, dropped = 0;
    (void)state;
    for (uint64_t seed = 0; seed < 150; seed++) {
        struct rng g = { 0x2077ull + seed };
        int n = rng_int(&g, 2, N), m = 0, whole = seed % 2;
        struct net_road roads[M];
        double lon[N], lat[N], w[M];
        for (int a = 0; a < n; a++) {
            lon[a] = 116.0 + 0.4 * rng_unit(&g);
            lat[a] = 33.5 + 0.4 * rng_unit(&g);
        }
        for (int a = 1; a < n; a++)
            roads[m++] = (struct net_road){ rng_int(&g, 0, a - 1), a,
                                            whole ? rng_int(&g, 1, 4) : 0.5 + 9.5 * rng_unit(&g) };
        for (int k = rng_int(&g, 0, 2 * n); k > 0 && m < M; k--) {
            int a = rng_int(&g, 0, n - 1), b = rng_int(&g, 0, n - 1);
            if (a != b)
                roads[m++] = (struct net_road){ a, b, whole ? rng_int(&g, 1, 4) : 0.5 + 9.5 * rng_unit(&g) };
        }
        struct net *net = net_create(n, m, roads);
        assert_int_equal(net_set_points(net, lon, lat), 0);
        assert_int_equal(net_set_landmarks(net, rng_int(&g, 0, 3)), 0);
        struct net_search *as = net_search_create(net), *d = net_search_create(net);
        unsigned mark = 0, *road_mark = calloc((size_t)m, sizeof *road_mark);
        int route[M], fresh[M], changed[STEPS], len = 0, n_changed = 0;
        double old[STEPS], minutes = 0;
        for (int r = 0; r < m; r++)
            w[r] = roads[r].minutes;
        int root = rng_int(&g, 0, n - 1), target = rng_int(&g, 0, n - 1);
        for (int step = 0; step < STEPS; step++) {
            if (step == 0 || n_changed < 0) {            /* (re)find the route */
                minutes = net_search_astar(as, root, target, w);
                len = isfinite(minutes) ? net_search_path(as, target, route, M) : 0;
                n_changed = 0;
            }
            int r = rng_int(&g, 0, m - 1);
            double u = rng_unit(&g);
            changed[n_changed] = r;
            old[n_changed++] = w[r];
            w[r] = u < 0.3 ? INFINITY : u < 0.6 ? roads[r].minutes : roads[r].minutes / (0.1 + 0.9 * rng_unit(&g));
            if (!net_route_holds(net, w, root, target, minutes, route, len, changed, old, n_changed,
                                 road_mark, &mark)) {
                dropped++;
                n_changed = -1;
                continue;
            }
            held++;
            net_search_run(d, root, w, NULL, 0);
            assert_true(net_search_minutes(d, target) == minutes);
            if (isfinite(minutes)) {
                assert_int_equal(net_search_path(d, target, fresh, M), len);
                for (int k = 0; k < len; k++)
                    assert_int_equal(fresh[k], route[k]);
            }
            if (n_changed == STEPS)
                n_changed = -1;
        }
        free(road_mark);
        net_search_free(as);
        net_search_free(d);
        net_free(net);
    }
    print_message("routes kept: %ld held, %ld found again\n", held, dropped);
    assert_true(held > 1000 && dropped > 1000);
}

/* ---- road changes: keeping stopped searches ------------------------------- */

/* Plain Dijkstra, O(V^2 + E): each step takes the nearest unsettled node and
 * relaxes its roads.  Every label is (minutes of the tail) + (minutes of the
 * road), as in any label-setting search, so its minutes are the same doubles
 * and can be compared with ==. */
struct adj { int *first, *road; };

static void adj_make(int n, int m, const struct net_road *roads, struct adj *a)
{
    int r, v, *fill = calloc((size_t)n + 1, sizeof *fill);
    a->first = calloc((size_t)n + 2, sizeof *a->first);
    a->road = malloc((2 * (size_t)m + 1) * sizeof *a->road);
    assert_non_null(fill);
    assert_non_null(a->first);
    assert_non_null(a->road);
    for (r = 0; r < m; r++) {
        a->first[roads[r].from + 1]++;
        a->first[roads[r].to + 1]++;
    }
    for (v = 0; v < n; v++)
        a->first[v + 1] += a->first[v];
    for (r = 0; r < m; r++) {
        a->road[a->first[roads[r].from] + fill[roads[r].from]++] = r;
        a->road[a->first[roads[r].to] + fill[roads[r].to]++] = r;
    }
    free(fill);
}

static void ref_dijkstra(int n, const struct net_road *roads, const struct adj *a,
                         const double *w, int src, double *dist, unsigned char *done)
{
    int v, k;
    for (v = 0; v < n; v++) {
        dist[v] = INFINITY;
        done[v] = 0;
    }
    dist[src] = 0;
    for (;;) {
        int x = -1;
        for (v = 0; v < n; v++)
            if (!done[v] && dist[v] < INFINITY && (x < 0 || dist[v] < dist[x]))
                x = v;
        if (x < 0)
            return;
        done[x] = 1;
        for (k = a->first[x]; k < a->first[x + 1]; k++) {
            int r = a->road[k], y = roads[r].from == x ? roads[r].to : roads[r].from;
            if (!closed(w[r]) && dist[x] + w[r] < dist[y])
                dist[y] = dist[x] + w[r];
        }
    }
}

/* The path to a settled node, walked with the minutes of now, adds up to
 * exactly its minutes (no road on it changed since it was labelled). */
static void check_exact_path(const struct net *net, const struct net_search *s, int src,
                             int node, const double *w, int *buf, int max)
{
    int len = net_search_path(s, node, buf, max), cur = src, k;
    double sum = 0;
    assert_true(len >= 0 && len <= max);
    for (k = 0; k < len; k++) {
        assert_false(closed(w[buf[k]]));
        cur = net_road_other_end(net, buf[k], cur);
        sum += w[buf[k]];
    }
    assert_int_equal(cur, node);
    assert_true(sum == net_search_minutes(s, node));
}

/* The path of least minutes to node chosen by the minutes alone, from the
 * reference's minutes: walking back, the lowest-numbered road from a node
 * y with ref[y] < ref[x] and ref[y] + w == ref[x].  Its length, or -1 when
 * some step has no such road (a 0-minute road: the search keeps its own). */
static int ref_least_path(int n, const struct net_road *roads, const struct adj *a,
                          const double *w, const double *ref, int src, int node, int *out)
{
    int len = 0, x = node;
    while (x != src) {
        int best = -1;
        for (int k = a->first[x]; k < a->first[x + 1]; k++) {
            int r = a->road[k], y = roads[r].from == x ? roads[r].to : roads[r].from;
            if (!closed(w[r]) && ref[y] < ref[x] && ref[y] + w[r] == ref[x] && (best < 0 || r < best))
                best = r;
        }
        if (best < 0 || len >= n)
            return -1;
        out[len++] = best;
        x = roads[best].from == x ? roads[best].to : roads[best].from;
    }
    for (int i = 0; i < len / 2; i++) {
        int t = out[i];
        out[i] = out[len - 1 - i];
        out[len - 1 - i] = t;
    }
    return len;
}

/* A new value for one road: closed, reopened, slower, back to free flow, or
 * any speed -- each change of the kinds a hazard makes. */
static double random_minutes(struct rng *g, double free_min, double now)
{
    double u = rng_unit(g);
    if (u < 0.3)
        return INFINITY;
    if (u < 0.55)
        return free_min;
    if (u < 0.75)
        return closed(now) ? free_min / (0.1 + 0.9 * rng_unit(g)) : now / (0.2 + 0.8 * rng_unit(g));
    if (u < 0.85)
        return now * (0.2 + 0.8 * rng_unit(g));     /* faster than now */
    return 60.0 * rng_unit(g);
}

struct change_counts { long kept, repaired, stale, queries, paths; };

/* One graph of n nodes and m roads: three searches from random roots,
 * stopped at random nodes; then `steps` road changes, each told to every
 * search (a stale one starts again), and after each change every search is
 * asked for a few nodes: the minutes must be exactly the reference's, for
 * those and for every node it has settled, the unsettled bound must hold,
 * paths must add up, and each must be the route the reference's minutes
 * choose (ref_least_path). */
static void check_changes(struct rng *g, int n, int m, const struct net_road *roads,
                          int steps, struct change_counts *cnt)
{
    enum { SEARCHES = 3 };
    struct net *net = net_create(n, m, roads);
    struct net_search *s[SEARCHES];
    int root[SEARCHES], i, k, v, step;
    double *w = malloc(((size_t)m + 1) * sizeof *w), *ref = malloc((size_t)n * sizeof *ref);
    unsigned char *done = malloc((size_t)n);
    int *buf = malloc((size_t)n * sizeof *buf), *want = malloc((size_t)n * sizeof *want);
    struct adj a;
    assert_non_null(net);
    assert_true(w && ref && done && buf && want);
    adj_make(n, m, roads, &a);
    for (k = 0; k < m; k++)
        w[k] = rng_unit(g) < 0.1 ? INFINITY : roads[k].minutes;
    for (i = 0; i < SEARCHES; i++) {
        s[i] = net_search_create(net);
        assert_non_null(s[i]);
        root[i] = rng_int(g, 0, n - 1);
        net_search_start(s[i], root[i], w);
        for (k = rng_int(g, 0, 3); k > 0; k--)
            net_search_settle(s[i], rng_int(g, 0, n - 1));
    }
    for (step = 0; step < steps; step++) {
        int r = rng_int(g, 0, m - 1);
        double old = w[r];
        w[r] = random_minutes(g, roads[r].minutes, old);
        for (i = 0; i < SEARCHES; i++) {
            enum net_change c = net_search_road_changed(s[i], r, old, w[r]);
            cnt->kept += c == NET_KEPT;
            cnt->repaired += c == NET_REPAIRED;
            cnt->stale += c == NET_STALE;
            if (c == NET_STALE)
                net_search_start(s[i], root[i], w);
        }
        for (i = 0; i < SEARCHES; i++) {
            ref_dijkstra(n, roads, &a, w, root[i], ref, done);
            for (k = rng_int(g, 0, 2); k > 0; k--) {
                v = rng_int(g, 0, n - 1);
                assert_true(net_search_settle(s[i], v) == ref[v]);
                cnt->queries++;
            }
            double bound = net_search_unsettled_bound(s[i]);
            for (v = 0; v < n; v++) {
                if (!net_search_settled(s[i], v)) {
                    assert_true(bound <= ref[v]);
                    continue;
                }
                assert_true(net_search_minutes(s[i], v) == ref[v]);
                check_exact_path(net, s[i], root[i], v, w, buf, n);
                int len = ref_least_path(n, roads, &a, w, ref, root[i], v, want);
                if (len >= 0) {         /* the same route however the search got there */
                    assert_int_equal(net_search_path(s[i], v, buf, n), len);
                    for (k = 0; k < len; k++)
                        assert_int_equal(buf[k], want[k]);
                    cnt->paths++;
                }
            }
        }
    }
    for (i = 0; i < SEARCHES; i++)
        net_search_free(s[i]);
    net_free(net);
    free(w);
    free(ref);
    free(done);
    free(buf);
    free(want);
    free(a.first);
    free(a.road);
}

/* Thousands of changes on small graphs (labels in the array) and a few on
 * graphs of 1,500-3,000 nodes (labels in the hash table, which grows while
 * searches are resumed and repaired; one with whole-minute roads, where
 * routes of equal minutes abound); every outcome of the rule occurs, and
 * every route returned is the one the minutes alone choose. */
static void test_road_changes(void **state)
{
    static struct graph gr;
    struct change_counts cnt = { 0, 0, 0, 0, 0 };
    (void)state;
    for (uint64_t seed = 0; seed < 300; seed++) {
        struct rng g = { 0xC0FFEEull + seed };
        random_roads(&g, &gr);
        if (gr.m == 0)
            continue;
        check_changes(&g, gr.n, gr.m, gr.roads, 20, &cnt);
    }
    for (uint64_t seed = 0; seed < 3; seed++) {
        struct rng g = { 0xB16ull + seed };
        int side = rng_int(&g, 40, 55), n = side * side, m = 0;
        struct net_road *roads = malloc((size_t)(3 * n) * sizeof *roads);
        assert_non_null(roads);
        for (int v = 0; v < n; v++) {     /* seed 0: whole minutes, so routes tie */
            double a = seed ? 0.5 + 5.0 * rng_unit(&g) : rng_int(&g, 1, 3);
            double b = seed ? 0.5 + 5.0 * rng_unit(&g) : rng_int(&g, 1, 3);
            if (v % side + 1 < side)
                roads[m++] = (struct net_road){ v, v + 1, a };
            if (v + side < n)
                roads[m++] = (struct net_road){ v, v + side, b };
            if (rng_unit(&g) < 0.2)
                roads[m++] = (struct net_road){ v, rng_int(&g, 0, n - 1),
                                                seed ? 20.0 * rng_unit(&g) : rng_int(&g, 1, 20) };
        }
        check_changes(&g, n, m, roads, 40, &cnt);
        free(roads);
    }
    print_message("road changes: %ld kept, %ld repaired, %ld stale; %ld queries, %ld routes\n",
                  cnt.kept, cnt.repaired, cnt.stale, cnt.queries, cnt.paths);
    assert_true(cnt.kept > 1000 && cnt.repaired > 100 && cnt.stale > 100 && cnt.paths > 10000);
}

/* Hand cases of the rule on the hand network (roads r0..r4 above), from 0.
 * Stopped once 1 and then 2 are settled: settled {0: 0, 1: 10 by r0, 2: 13 by
 * r4 (settled last, its roads not relaxed yet)}, queued 3: 20 by r1, rho = 13.
 *   r3 (2-3) closes: the pred of no node -> KEPT;
 *   r1 (1-3) 10 -> 5: 10 + 5 = 15 < 20 -> REPAIRED, 3 = 15 by r1;
 *   r1 closes: pred of queued 3; no settled neighbour has an open road to it
 *     (r3 is closed) -> unlabelled, REPAIRED;
 *   r3 reopens: 13 + 20 = 33 < unlabelled -> REPAIRED, 3 = 33 by r3;
 *   r0 (0-1) 10 -> 5: 0 + 5 < 10, settled 1 is reopened, and the search
 *     catches up below rho = 13: 1 = 5, 2 = 5 + 3 = 8 by r4, 3 = 8 + 20 = 28
 *     by r3 (queued) -> REPAIRED;
 *   running on settles 3 at 28 (rho 28); r4 closes: the pred of settled 2,
 *     whose subtree {2, 3} is half of the 4 settled, more than a quarter
 *     (CUT_SHARE, search_repair.c) -> STALE; started again: 2 = 15 by r2,
 *     3 = 15 + 20 = 35 by r3.
 * From 0 anew, all open, settled to 3: 1 = 10, 2 = 13 by r4, 3 = 20 by r1;
 *   r1 closes: the pred of settled 3, whose subtree is {3} alone (a single
 *     node cut is always repaired: the share is counted at a settled child,
 *     and 3 has none): cut and labelled again from 2, 13 + 20 = 33 by r3,
 *     above rho = 20 so left queued -> REPAIRED; settling on takes 3 at 33,
 *     by r3 from 2;
 *   r0 closes: the subtree of 1 is {1, 2, 3}, 2 its first settled child
 *     (already 2 of the 4 settled, more than a quarter): STALE. */
static void test_road_changes_hand(void **state)
{
    double w[5] = { 10.0, 10.0, 15.0, 20.0, 3.0 };
    struct net *net = net_create(5, 5, hand_roads);
    struct net_search *s = net_search_create(net);
    (void)state;
    net_search_start(s, 0, w);
    assert_true(net_search_settle(s, 1) == 10.0);
    assert_true(net_search_minutes(s, 2) == 15.0);  /* 1's roads not relaxed yet */
    assert_true(net_search_settle(s, 2) == 13.0);
    assert_true(net_search_settle(s, 1) == 10.0);   /* settled: asked again, O(1) */
    assert_true(net_search_minutes(s, 3) == 20.0);
    w[3] = INFINITY;
    assert_int_equal(net_search_road_changed(s, 3, 20.0, INFINITY), NET_KEPT);
    w[1] = 5.0;
    assert_int_equal(net_search_road_changed(s, 1, 10.0, 5.0), NET_REPAIRED);
    assert_true(net_search_minutes(s, 3) == 15.0);
    assert_int_equal(net_search_pred(s, 3), 1);
    w[1] = INFINITY;
    assert_int_equal(net_search_road_changed(s, 1, 5.0, INFINITY), NET_REPAIRED);
    assert_true(net_search_minutes(s, 3) == INFINITY);
    w[3] = 20.0;
    assert_int_equal(net_search_road_changed(s, 3, INFINITY, 20.0), NET_REPAIRED);
    assert_true(net_search_minutes(s, 3) == 33.0);
    assert_int_equal(net_search_pred(s, 3), 3);
    w[0] = 5.0;
    assert_int_equal(net_search_road_changed(s, 0, 10.0, 5.0), NET_REPAIRED);
    assert_true(net_search_settled(s, 1) && net_search_minutes(s, 1) == 5.0);
    assert_true(net_search_settled(s, 2) && net_search_minutes(s, 2) == 8.0);
    assert_false(net_search_settled(s, 3));
    assert_true(net_search_minutes(s, 3) == 28.0);
    assert_true(net_search_settle(s, 3) == 28.0);
    w[4] = INFINITY;
    assert_int_equal(net_search_road_changed(s, 4, 3.0, INFINITY), NET_STALE);
    net_search_start(s, 0, w);
    assert_true(net_search_settle(s, 2) == 15.0);
    assert_int_equal(net_search_pred(s, 2), 2);
    assert_true(net_search_settle(s, 3) == 35.0);
    double open[5] = { 10.0, 10.0, 15.0, 20.0, 3.0 };
    net_search_start(s, 0, open);
    assert_true(net_search_settle(s, 3) == 20.0);
    open[1] = INFINITY;
    assert_int_equal(net_search_road_changed(s, 1, 10.0, INFINITY), NET_REPAIRED);
    assert_false(net_search_settled(s, 3));
    assert_true(net_search_minutes(s, 3) == 33.0);
    assert_int_equal(net_search_pred(s, 3), 3);
    assert_true(net_search_settle(s, 3) == 33.0);
    open[0] = INFINITY;
    assert_int_equal(net_search_road_changed(s, 0, 10.0, INFINITY), NET_STALE);
    net_search_free(s);
    net_free(net);
}

/* Memory follows what a search touched: a few steps into a grid of a
 * quarter of a million nodes holds a few kilobytes; the whole grid, the
 * array; net_search_clear gives it back. */
static void test_search_memory(void **state)
{
    enum { SIDE = 500, N = SIDE * SIDE, M = 2 * SIDE * (SIDE - 1) };
    struct net_road *roads = malloc(M * sizeof *roads);
    int r = 0, x, y;
    (void)state;
    assert_non_null(roads);
    for (y = 0; y < SIDE; y++)
        for (x = 0; x < SIDE; x++) {
            int v = y * SIDE + x;
            if (x + 1 < SIDE) roads[r++] = (struct net_road){ v, v + 1, 1.0 };
            if (y + 1 < SIDE) roads[r++] = (struct net_road){ v, v + SIDE, 1.0 };
        }
    struct net *net = net_create(N, M, roads);
    struct net_search *s = net_search_create(net);
    assert_non_null(s);
    int mid = (SIDE / 2) * SIDE + SIDE / 2;
    net_search_start(s, mid, NULL);
    assert_true(net_search_settle(s, mid + 3 * SIDE + 4) == 7.0);
    assert_true(net_search_bytes(s) < 64 * 1024);
    net_search_run(s, mid, NULL, NULL, 0);
    assert_true(net_search_minutes(s, 0) == 2.0 * (SIDE / 2));
    assert_true(net_search_bytes(s) >= (size_t)N * 24);
    net_search_clear(s);
    assert_true(net_search_bytes(s) < 64 * 1024);
    assert_true(net_search_minutes(s, mid) == INFINITY);
    net_search_free(s);
    net_free(net);
    free(roads);
}

/* A 1000 x 1000 grid of 1-minute roads: a million nodes, corner to corner
 * is 1998 minutes and 1998 roads. */
static void test_million_nodes(void **state)
{
    enum { SIDE = 1000, N = SIDE * SIDE, M = 2 * SIDE * (SIDE - 1) };
    struct net_road *roads = malloc(M * sizeof *roads);
    int *path = malloc(N * sizeof *path), r = 0, x, y, far = N - 1;
    struct net *net;
    struct net_search *s;
    (void)state;
    assert_non_null(roads);
    assert_non_null(path);
    for (y = 0; y < SIDE; y++)
        for (x = 0; x < SIDE; x++) {
            int v = y * SIDE + x;
            if (x + 1 < SIDE) roads[r++] = (struct net_road){ v, v + 1, 1.0 };
            if (y + 1 < SIDE) roads[r++] = (struct net_road){ v, v + SIDE, 1.0 };
        }
    net = net_create(N, M, roads);
    assert_non_null(net);
    s = net_search_create(net);
    assert_non_null(s);
    net_search_run(s, 0, NULL, &far, 1);
    assert_true(net_search_minutes(s, far) == 2.0 * (SIDE - 1));
    assert_int_equal(net_search_path(s, far, path, N), 2 * (SIDE - 1));
    net_search_run(s, far, NULL, NULL, 0);
    assert_true(net_search_minutes(s, 0) == 2.0 * (SIDE - 1));
    net_search_free(s);
    net_free(net);
    free(roads);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brute_force),
        cmocka_unit_test(test_hand_detour),
        cmocka_unit_test(test_unreachable),
        cmocka_unit_test(test_path_to_src),
        cmocka_unit_test(test_path_truncated),
        cmocka_unit_test(test_road_minutes_overlap),
        cmocka_unit_test(test_accessors),
        cmocka_unit_test(test_landmarks_key),
        cmocka_unit_test(test_create_edges),
        cmocka_unit_test(test_targets_edges),
        cmocka_unit_test(test_million_nodes),
        cmocka_unit_test(test_road_changes),
        cmocka_unit_test(test_astar_routes),
        cmocka_unit_test(test_astar_sum_order),
        cmocka_unit_test(test_route_holds),
        cmocka_unit_test(test_road_changes_hand),
        cmocka_unit_test(test_search_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
