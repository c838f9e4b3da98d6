/*
 * search.c -- Dijkstra (stoppable, resumable), A* and several-source
 * searches over a network, with an indexed binary heap (search_impl.h says
 * how labels and the heap are kept; search_repair.c keeps a stopped
 * Dijkstra right while roads change).
 *
 * Invariant of a Dijkstra search begun by net_search_start, with S the nodes
 * settled so far, rho the most minutes of any of them (-INFINITY before any)
 * and w the minutes of road_min now:
 *   (I1) every x in S has dist(x) = the shortest minutes from the source under
 *        w, reached along pred(x) from a node settled before it;
 *   (I2) every queued y has dist(y) = min over open roads (x, y) with x in S
 *        (x's roads relaxed) of dist(x) + w(x, y), pred(y) one that attains
 *        it, and dist(y) >= rho; a node neither settled nor queued has no open
 *        road from a relaxed node of S.
 * Running on from such a state is Dijkstra's algorithm continued: the least
 * queued node has its shortest minutes (any path to it leaves S by a road to
 * a queued node, which is at least that node's label), so every further node
 * is settled at its shortest minutes.  The node settled last by a run that
 * stopped at it is "pending": in S, its roads relaxed when the search runs
 * on (or when a road changes).
 *
 * A* (net_search_astar) settles by key = minutes + net_bound to the goal and
 * may reopen a settled node when it finds it a shorter path; it stops once
 * no queued key is at or below the goal's minutes (allowing 1e-12 for
 * rounding).  A queued node on a shortest path has key <= the shortest
 * minutes, because the bound never overestimates, so the goal's minutes are
 * the shortest when it stops: the same as Dijkstra's, whatever the rounding
 * of the keys.
 *
 * A* from both ends (on a network with landmarks).  Phase 1: a search from
 * the source and one from the goal (rev) take turns, the lower key first,
 * keyed by minutes + p and minutes - p, p(v) = (L(v, goal) - L(source, v)) / 2
 * (L: net_landmark_bound), until their least keys add up to more than the
 * least minutes of a way found where they meet.  Phase 2: A* goes on from the
 * source search's state as above, its bound the larger of net_bound and
 * rev_bound: rev's minutes where it settled, its least key left less -p
 * elsewhere, less a margin.  Phase 2 is A* continued with a bound that never
 * overestimates either (every node settled so far had its roads relaxed,
 * and a shorter way reopens a settled node), so the argument above holds as
 * it stands: the minutes and the route are A*'s, that is Dijkstra's.
 * Phase 1 only saves work: where rev settled, phase 2's bound is nearly
 * exact, and beyond it rev's least key keeps the search from going back
 * over what phase 1 passed.
 *
 * Why rev_bound never overestimates.  Let D(v) be the least minutes between v
 * and the goal now (real numbers), u = DBL_EPSILON / 2, n the nodes, X the
 * most minutes from a landmark.  Along a road of w minutes, -p changes by at
 * most w (1 + (4n + 4) u) + 20 u X (net_landmark_bound's promise, and the
 * halving's rounding), so rev is Dijkstra on keys whose roads' reduced
 * minutes w + (-p)(b) - (-p)(a) are at least -e(w), e(w) = (4n + 4) u w +
 * 20 u X.  Take a route of least minutes from the goal to v, of k < n roads,
 * and x its first node not settled by rev at the moment in question (its
 * predecessors were settled, so relaxed; x's label is then within the e and
 * the rounding of the sums before it of D(x)).  (B) When v was settled, its
 * key was at most x's, and the route from x to v lowers -p by at most its
 * minutes and its e: so v's minutes are at most D(v) + E.  (A) If v is not
 * settled when rev stops, the same with x's key at least rev's least key
 * left: D(v) - p(v) >= that key - E.  Summing e(w) and a rounding of u times
 * the minutes or keys at each of the k steps and the two keys compared, E <=
 * (D(v) + X)(3n + 13) DBL_EPSILON, where D(v) is at most rev's minutes (B) or
 * the bound does not matter (A, when D(v) is the larger).  rev_bound takes
 * off (|b| + 2X + |p|)(n + 1) 32 DBL_EPSILON, more than E.  With the
 * landmarks' minutes kept as floats, e(w) would be some 1e-7 X a road and no
 * small margin would do (landmarks.c keeps doubles).
 */
#include "engine/search_impl.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Last generation used before the stamps are cleared and counting restarts. */
#ifndef NET_GEN_MAX
#define NET_GEN_MAX UINT_MAX
#endif

#define SMALL_CAP 256          /* a fresh table's slots */
#define DENSE_NODES 1024       /* networks this small get the array at once */
#define ASTAR_TOL 1e-12

/* ---- the table of labels ------------------------------------------------- */

/* count items of size bytes, zeroed, never 0 bytes, so NULL always means
 * failure.  The zeros are written here, not left to calloc: a slot is read
 * (is it free?) before it is written, and until a fresh page of calloc's is
 * written it is the kernel's shared page of zeros, so the first write to
 * each page faults a second time and, while another thread of the process
 * runs (the results.gpkg writer, a second replication), interrupts that
 * thread's core to flush its address cache: some 25,000 such faults and
 * 0.3 s of system time in a million-node run.  explicit_bzero, because gcc
 * turns malloc followed by memset back into calloc.  O(count). */
static void *search_calloc(size_t count, size_t size)
{
    count = count > 0 ? count : 1;
    size = size > 0 ? size : 1;
    void *p = count <= SIZE_MAX / size ? malloc(count * size) : NULL;
    if (p)
        explicit_bzero(p, count * size);
    return p;
}

static unsigned search_hash(const struct net_search *s, int node)
{
    return ((unsigned)node * 2654435769u) >> s->shift;
}

/* The free slot where node goes (node has no label this generation). */
static int free_slot(const struct net_search *s, int node)
{
    if (s->dense)
        return node;
    unsigned mask = (unsigned)s->cap - 1, i = search_hash(s, node) & mask;
    while (s->tab[i].stamp == s->gen)
        i = (i + 1) & mask;
    return (int)i;
}

/* A table of cap slots (dense when cap reaches the network), all free. */
static int table_make(struct net_search *s, int cap)
{
    int dense = cap >= s->n_nodes;
    struct net_label *t = search_calloc(dense ? (size_t)s->n_nodes : (size_t)cap, sizeof *t);
    if (t == NULL)
        return -1;
    free(s->tab);
    s->tab = t;
    s->dense = dense;
    s->cap = dense ? s->n_nodes : cap;
    for (s->shift = 32; !dense && (1 << (32 - s->shift)) < cap; s->shift--)
        ;
    return 0;
}

/* Doubles the table (or makes it the array), moving every label and
 * re-pointing the heap.  O(labels).  0, or -1 when out of memory. */
static int table_grow(struct net_search *s)
{
    struct net_label *old = s->tab;
    int old_cap = s->cap, i;
    s->tab = NULL;
    if (table_make(s, old_cap > (s->n_nodes - 1) / 2 ? s->n_nodes : 2 * old_cap) < 0) {
        s->tab = old;
        return -1;
    }
    for (i = 0; i < s->heap_len; i++)      /* pos already says where it is queued */
        s->heap[i].slot = -1 - old[s->heap[i].slot].node;
    for (i = 0; i < old_cap; i++)
        if (old[i].stamp == s->gen) {
            int k = free_slot(s, old[i].node);
            s->tab[k] = old[i];
        }
    for (i = 0; i < s->heap_len; i++)
        s->heap[i].slot = search_slot(s, -1 - s->heap[i].slot);
    free(old);
    return 0;
}

/* A new label for node (which has none); its slot, or -1 when out of memory. */
static int label_new(struct net_search *s, int node)
{
    if (!s->dense && 2 * (s->count + 1) > s->cap && table_grow(s) < 0) {
        s->failed = 1;
        return -1;
    }
    int k = free_slot(s, node);
    s->tab[k] = (struct net_label){ INFINITY, node, -1, UNLABELLED, s->gen };
    s->count++;
    return k;
}

/* ---- creating and starting ----------------------------------------------- */

struct net_search *net_search_create(const struct net *n)
{
    struct net_search *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->net = n;
    s->arcs = net_arcs(n);
    s->n_nodes = net_n_nodes(n);
    s->src = s->goal = s->pending = -1;
    if (table_make(s, s->n_nodes <= DENSE_NODES ? s->n_nodes : SMALL_CAP) < 0) {
        free(s);
        return NULL;
    }
    return s;
}

void net_search_free(struct net_search *s)
{
    if (s == NULL)
        return;
    net_search_free(s->rev);
    free(s->tab);
    free(s->heap);
    free(s->scratch);
    free(s);
}

static void search_begin(struct net_search *s, enum mode mode, int src, const double *road_min);

void net_search_clear(struct net_search *s)
{
    int small = s->n_nodes <= DENSE_NODES ? s->n_nodes : SMALL_CAP;
    if (s->rev)
        net_search_clear(s->rev);
    free(s->heap);
    free(s->scratch);
    s->heap = NULL;
    s->scratch = NULL;
    s->heap_len = s->heap_cap = s->cap_scratch = 0;
    if (s->cap > small)
        table_make(s, small);          /* when that fails the old table stays */
    search_begin(s, MODE_NONE, -1, NULL);
}

size_t net_search_bytes(const struct net_search *s)
{
    return sizeof *s + (size_t)s->cap * sizeof *s->tab + (size_t)s->heap_cap * sizeof *s->heap
         + (size_t)s->cap_scratch * sizeof(int) + (s->rev ? net_search_bytes(s->rev) : 0);
}

int net_search_failed(const struct net_search *s) { return s->failed; }

/* A new generation: every label forgotten in O(1).  Only when the counter
 * would wrap are the stamps cleared, so no old stamp equals a live one. */
static void search_begin(struct net_search *s, enum mode mode, int src, const double *road_min)
{
    if (s->gen == NET_GEN_MAX) {
        memset(s->tab, 0, (size_t)s->cap * sizeof *s->tab);
        s->gen = 0;
    }
    s->gen++;
    s->count = 0;
    s->heap_len = 0;
    s->n_settled = 0;
    s->mode = mode;
    s->reopen = mode == MODE_ASTAR;
    s->src = src;
    s->goal = -1;
    s->phase = 0;
    s->pending = -1;
    s->rho = -INFINITY;
    s->road_min = road_min;
    s->failed = 0;
}

/* ---- indexed binary min-heap on (key, tie) ------------------------------- */

static inline int before(struct net_heap_item a, struct net_heap_item b)
{
    return a.key < b.key || (a.key == b.key && a.tie < b.tie);
}

/* before(a, b) without branches (where "<" is false, "<=" is "==", NaN
 * included, so it is the same function): which of a heap node's two children
 * is less is a coin toss that the branch predictor keeps losing, so
 * sift-down picks the child with this. */
static inline int before_nb(struct net_heap_item a, struct net_heap_item b)
{
    return (a.key < b.key) | ((a.key <= b.key) & (a.tie < b.tie));
}

/* The order of the heap: (key, tie), or the key alone in a search whose every
 * tie is 0 (not several-source), where the two agree.  The sifts below are
 * written once and compiled twice, with ties a constant, so that the searches
 * that never use the tie do not pay for comparing it. */
static inline int order(struct net_heap_item a, struct net_heap_item b, int ties)
{
    return ties ? before(a, b) : a.key < b.key;
}

static inline int order_nb(struct net_heap_item a, struct net_heap_item b, int ties)
{
    return ties ? before_nb(a, b) : a.key < b.key;
}

static inline void sift_up(struct net_search *s, int i, struct net_heap_item it, int ties)
{
    struct net_heap_item *h = s->heap;
    struct net_label *tab = s->tab;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!order(it, h[p], ties))
            break;
        h[i] = h[p];
        tab[h[i].slot].pos = i;
        i = p;
    }
    h[i] = it;
    tab[it.slot].pos = i;
}

/* "i < len - 1 - i" tests that the first child 2i + 1 is in the heap, without
 * overflowing. */
static inline void sift_down(struct net_search *s, int i, struct net_heap_item it, int ties)
{
    struct net_heap_item *h = s->heap;
    struct net_label *tab = s->tab;
    int len = s->heap_len;
    while (i < len - 1 - i) {
        int c = 2 * i + 1;
        if (c + 1 < len)
            c += order_nb(h[c + 1], h[c], ties);
        if (!order(h[c], it, ties))
            break;
        h[i] = h[c];
        tab[h[i].slot].pos = i;
        i = c;
    }
    h[i] = it;
    tab[it.slot].pos = i;
}

/* Moves it up from hole i to its place.  O(log n). */
void search_heap_up(struct net_search *s, int i, struct net_heap_item it)
{
    if (s->mode == MODE_MULTI)
        sift_up(s, i, it, 1);
    else
        sift_up(s, i, it, 0);
}

/* Moves it down from hole i to its place.  O(log n). */
void search_heap_down(struct net_search *s, int i, struct net_heap_item it)
{
    if (s->mode == MODE_MULTI)
        sift_down(s, i, it, 1);
    else
        sift_down(s, i, it, 0);
}

/* Grows an int array to hold n; 0, or -1 (failed set) when out of memory. */
static int grow_ints(struct net_search *s, int **v, int *cap, int n)
{
    if (n <= *cap)
        return 0;
    int c = *cap ? *cap : 64;
    while (c < n)
        c = c > INT_MAX / 2 ? n : 2 * c;
    int *w = realloc(*v, (size_t)c * sizeof *w);
    if (w == NULL) {
        s->failed = 1;
        return -1;
    }
    *v = w;
    *cap = c;
    return 0;
}

int search_heap_push(struct net_search *s, struct net_heap_item it)
{
    if (s->heap_len == s->heap_cap) {
        int cap = s->heap_cap ? 2 * s->heap_cap : 64;
        struct net_heap_item *h = realloc(s->heap, (size_t)cap * sizeof *h);
        if (h == NULL) {
            s->failed = 1;
            return -1;
        }
        s->heap = h;
        s->heap_cap = cap;
    }
    search_heap_up(s, s->heap_len++, it);
    return 0;
}

/* Takes the item at heap index i out. */
void search_heap_remove(struct net_search *s, int i)
{
    struct net_heap_item last = s->heap[--s->heap_len];
    if (i == s->heap_len)
        return;
    if (i > 0 && before(last, s->heap[(i - 1) / 2]))
        search_heap_up(s, i, last);
    else
        search_heap_down(s, i, last);
}

struct net_heap_item search_pop(struct net_search *s)
{
    struct net_heap_item top = s->heap[0], last = s->heap[--s->heap_len];
    if (s->heap_len > 0)
        search_heap_down(s, 0, last);
    s->tab[top.slot].pos = SETTLED;
    s->n_settled++;
    if (s->mode == MODE_DIJKSTRA && top.key > s->rho)
        s->rho = top.key;
    return top;
}

void search_unsettle(struct net_search *s, int k)
{
    s->tab[k].pos = UNLABELLED;
    s->n_settled--;
}

int search_scratch(struct net_search *s, int n)
{
    return grow_ints(s, &s->scratch, &s->cap_scratch, n);
}

/* ---- relaxing ------------------------------------------------------------ */

/* Half the difference of node's landmark bounds to the goal and from the
 * source: the potential of A* from both ends (phase 1), the same for either
 * search with the ends swapped but for the sign. */
static double half_potential(const struct net_search *s, int node)
{
    return (net_landmark_bound(s->net, node, s->goal)
            - net_landmark_bound(s->net, s->src, node)) / 2;
}

/* Phase 2: a lower bound on node's minutes to the goal from the search from
 * the goal: its minutes if it settled node, else its least key left less
 * node's potential in it (INFINITY when it has none left: it settled all it
 * could reach); less the margin the proof at the top asks for.  mark_goal is
 * net_landmark_bound(node, goal), which key_of has already: the potential in
 * rev, half_potential(rev, node), is made from it, to the bit (the bound is
 * the same both ways). */
static double rev_bound(const struct net_search *s, int node, double mark_goal)
{
    const struct net_search *r = s->rev;
    int k = search_slot(r, node);
    double p = (net_landmark_bound(s->net, node, s->src) - mark_goal) / 2;
    double b = k >= 0 && is_settled(&r->tab[k]) ? r->tab[k].dist : s->rev_top - p;
    if (!(b < INFINITY))
        return INFINITY;
    double margin = (fabs(b) + 2 * net_landmarks_max(s->net) + fabs(p))
                  * (s->n_nodes + 1.0) * 32 * DBL_EPSILON;
    return b - margin > 0 ? b - margin : 0;
}

/* The heap key of a label: its minutes, plus (A*) a lower bound on its
 * minutes to the goal (phase 1: the potential instead). */
static double key_of(const struct net_search *s, int node, double d)
{
    if (s->mode != MODE_ASTAR)
        return d;
    if (s->phase == 1)
        return d + half_potential(s, node);
    if (s->phase == 0)
        return d + net_bound(s->net, node, s->goal);
    double chord = net_chord_bound(s->net, node, s->goal);
    double mark = net_landmark_bound(s->net, node, s->goal);
    double h = mark > chord ? mark : chord;   /* net_bound, to the bit */
    double r = rev_bound(s, node, mark);
    return d + (r > h ? r : h);               /* fmax, but no call: neither is NaN */
}

/* Labels node if new this run, lowers its label if queued and (d, tie) is
 * better, reopens it if settled, d is better and reopening is on; else
 * nothing.  O(log n). */
void search_reach(struct net_search *s, int node, double d, int road, int tie)
{
    if (!(d < INFINITY))
        return;                       /* a sum that overflowed reaches nothing */
    int k = search_slot(s, node);
    if (k < 0 && (k = label_new(s, node)) < 0)
        return;
    struct net_label *l = &s->tab[k];
    if (is_settled(l)) {
        if (!s->reopen || !(d < l->dist))
            return;                   /* the common case: a settled neighbour */
        search_unsettle(s, k);
    } else if (is_queued(l)) {
        if (d < l->dist || (d == l->dist && tie < s->heap[l->pos].tie)) {
            l->dist = d;
            l->pred = road;
            search_heap_up(s, l->pos, (struct net_heap_item){ key_of(s, node, d), k, tie });
        }
        return;
    }
    l->dist = d;
    l->pred = road;
    search_heap_push(s, (struct net_heap_item){ key_of(s, node, d), k, tie });
}

void search_scan(struct net_search *s, int k, int tie)
{
    int v = s->tab[k].node;
    double dv = s->tab[k].dist;
    for (int a = s->arcs.first[v]; a < s->arcs.first[v + 1]; a++) {
        double m = search_arc_minutes(s, s->arcs.road[a]);
        if (m >= 0)
            search_reach(s, s->arcs.head[a], dv + m, s->arcs.road[a], tie);
    }
}

void search_flush(struct net_search *s)
{
    if (s->pending < 0)
        return;
    int k = search_slot(s, s->pending);
    s->pending = -1;
    search_scan(s, k, 0);
}

/* ---- Dijkstra ------------------------------------------------------------ */

void net_search_start(struct net_search *s, int src, const double *road_min)
{
    assert(src >= 0 && src < s->n_nodes);
    search_begin(s, MODE_DIJKSTRA, src, road_min);
    search_reach(s, src, 0.0, -1, 0);  /* src has 0 minutes even if nothing is settled */
}

double net_search_settle(struct net_search *s, int node)
{
    return net_search_settle_within(s, node, INFINITY);
}

double net_search_settle_within(struct net_search *s, int node, double limit)
{
    assert(s->mode == MODE_DIJKSTRA && node >= -1 && node < s->n_nodes);
    int k = node >= 0 ? search_slot(s, node) : -1;
    if (k >= 0 && is_settled(&s->tab[k]))
        return s->tab[k].dist;
    search_flush(s);
    while (s->heap_len > 0 && !s->failed && s->heap[0].key <= limit) {
        struct net_heap_item top = search_pop(s);
        if (s->tab[top.slot].node == node) {
            s->pending = node;        /* its roads are relaxed when the search runs on */
            return s->tab[top.slot].dist;
        }
        search_scan(s, top.slot, 0);
    }
    return INFINITY;
}

double net_search_unsettled_bound(const struct net_search *s)
{
    if (s->pending >= 0)
        return s->tab[search_slot(s, s->pending)].dist;
    return s->heap_len > 0 ? s->heap[0].key : INFINITY;
}

int net_search_settled(const struct net_search *s, int node)
{
    int k = s->gen ? search_slot(s, node) : -1;
    return k >= 0 && is_settled(&s->tab[k]);
}

int net_search_root(const struct net_search *s) { return s->src; }

void net_search_run(struct net_search *s, int src, const double *road_min,
                    const int *targets, int n_targets)
{
    net_search_start(s, src, road_min);
    if (targets == NULL) {
        net_search_settle(s, -1);
        return;
    }
    for (int i = 0; i < n_targets; i++)
        net_search_settle(s, targets[i]);
}

/* ---- A* and several sources ---------------------------------------------- */

/* The least minutes of a way through a's node in slot k, and perhaps a road
 * from it, to a node b has labelled (INFINITY: none).  O(degree). */
static double meeting(const struct net_search *a, const struct net_search *b, int k)
{
    int v = a->tab[k].node, kb = search_slot(b, v);
    double dv = a->tab[k].dist;
    double best = kb >= 0 && b->tab[kb].pos != UNLABELLED ? dv + b->tab[kb].dist : INFINITY;
    for (int e = a->arcs.first[v]; e < a->arcs.first[v + 1]; e++) {
        double m = search_arc_minutes(a, a->arcs.road[e]);
        int kw = m >= 0 ? search_slot(b, a->arcs.head[e]) : -1;
        if (kw >= 0 && b->tab[kw].pos != UNLABELLED)
            best = fmin(best, dv + m + b->tab[kw].dist);
    }
    return best;
}

/* Phase 1: the search from the source (s, begun) and the one from the goal
 * (s->rev) take turns, the lower key first, each on the average potential,
 * until their least keys add up to more than the least minutes of a way
 * where they meet.  Then phase 2's bound is ready: rev's minutes where it
 * settled, and elsewhere no less than its least key left (see net_search_astar). */
static void both_ends(struct net_search *s, int src, int dst, const double *road_min)
{
    struct net_search *r = s->rev;
    search_begin(r, MODE_ASTAR, dst, road_min);
    r->goal = src;
    s->phase = r->phase = 1;
    search_reach(s, src, 0.0, -1, 0);
    search_reach(r, dst, 0.0, -1, 0);
    double mu = INFINITY;
    while (s->heap_len > 0 && r->heap_len > 0 && !s->failed && !r->failed
           && !(s->heap[0].key + r->heap[0].key > mu * (1 + ASTAR_TOL))) {
        struct net_search *a = s->heap[0].key <= r->heap[0].key ? s : r;
        int k = search_pop(a).slot;
        search_scan(a, k, 0);
        mu = fmin(mu, meeting(a, a == s ? r : s, k));
    }
    s->failed |= r->failed;
    s->rev_top = r->heap_len > 0 ? r->heap[0].key : INFINITY;
}

/* Every queued key made again by key_of (the bound changed), and the heap's
 * order restored.  O(queued). */
static void heap_rekey(struct net_search *s)
{
    for (int i = 0; i < s->heap_len; i++) {
        const struct net_label *l = &s->tab[s->heap[i].slot];
        s->heap[i].key = key_of(s, l->node, l->dist);
    }
    for (int i = s->heap_len / 2 - 1; i >= 0; i--)
        search_heap_down(s, i, s->heap[i]);
}

double net_search_astar(struct net_search *s, int src, int dst, const double *road_min)
{
    assert(src >= 0 && src < s->n_nodes && dst >= 0 && dst < s->n_nodes);
    search_begin(s, MODE_ASTAR, src, road_min);
    s->goal = dst;
    if (src != dst && net_n_landmarks(s->net) > 0) {
        if (!(net_bound(s->net, src, dst) < INFINITY))
            return INFINITY;           /* the landmarks show no road joins them */
        if (!s->rev && !(s->rev = net_search_create(s->net))) {
            s->failed = 1;
            return INFINITY;
        }
        both_ends(s, src, dst, road_min);
        s->phase = 2;
        heap_rekey(s);
    } else {
        search_reach(s, src, 0.0, -1, 0);
    }
    int kd = search_slot(s, dst);
    double best = kd >= 0 && is_settled(&s->tab[kd]) ? s->tab[kd].dist : INFINITY;
    while (s->heap_len > 0 && !s->failed && s->heap[0].key < INFINITY
           && !(s->heap[0].key > best * (1 + ASTAR_TOL))) {
        struct net_heap_item top = search_pop(s);
        if (s->tab[top.slot].node == dst)
            best = s->tab[top.slot].dist;    /* no shorter way on through the goal */
        else
            search_scan(s, top.slot, 0);
    }
    return best;
}

void net_search_run_multi(struct net_search *s, const int *srcs, int n, const double *road_min)
{
    search_begin(s, MODE_MULTI, -1, road_min);
    for (int i = 0; i < n; i++) {
        assert(srcs[i] >= 0 && srcs[i] < s->n_nodes);
        search_reach(s, srcs[i], 0.0, -2 - i, i);
    }
    while (s->heap_len > 0 && !s->failed) {
        struct net_heap_item top = search_pop(s);
        search_scan(s, top.slot, top.tie);
    }
}

int net_search_origin(const struct net_search *s, int node)
{
    int k = s->mode == MODE_MULTI ? search_slot(s, node) : -1;
    if (k < 0 || s->tab[k].pos == UNLABELLED)
        return -1;
    while (s->tab[k].pred >= 0)
        k = search_slot(s, search_other_end(s, s->tab[k].pred, s->tab[k].node));
    return -2 - s->tab[k].pred;
}

/* ---- reading ------------------------------------------------------------- */

/* The slot of node's label if it has one this run, else -1. */
static int labelled(const struct net_search *s, int node)
{
    assert(node >= 0 && node < s->n_nodes);
    int k = s->gen ? search_slot(s, node) : -1;
    return k >= 0 && s->tab[k].pos != UNLABELLED ? k : -1;
}

double net_search_minutes(const struct net_search *s, int node)
{
    int k = labelled(s, node);
    return k >= 0 ? s->tab[k].dist : INFINITY;
}

int net_search_pred(const struct net_search *s, int node)
{
    int k = labelled(s, node);
    return k >= 0 && s->tab[k].pred >= 0 ? s->tab[k].pred : -1;
}

/* The road by which a path of least minutes reaches settled node v (slot k):
 * of the roads from a settled y with dist(y) < dist(v) and dist(y) + minutes
 * now == dist(v), the lowest-numbered one.  It depends only on the minutes,
 * not on how the search got them (repairs, the order of equal keys in the
 * heap, Dijkstra or A*).  Every such y is settled: in Dijkstra, every node
 * nearer than rho is; in A*, every node on a path of least minutes to the
 * goal is (its key is at most the goal's minutes, and A* runs until no key
 * is).  The stored pred is one of them; it is kept if there is no other
 * (as when v is reached by a road of 0 minutes, dist(y) == dist(v): then the
 * choice follows the search's order, and routes of 0-minute roads may
 * differ between Dijkstra and A*).
 * O(degree). */
static int least_pred(const struct net_search *s, int k)
{
    int v = s->tab[k].node, best = -1;
    double dv = s->tab[k].dist;
    for (int a = s->arcs.first[v]; a < s->arcs.first[v + 1]; a++) {
        int road = s->arcs.road[a], ky = search_slot(s, s->arcs.head[a]);
        double m = search_arc_minutes(s, road);
        if (m < 0 || ky < 0 || !is_settled(&s->tab[ky]) || (best >= 0 && road > best))
            continue;
        double dy = s->tab[ky].dist;
        if (dy < dv && dy + m == dv)
            best = road;
    }
    return best >= 0 ? best : s->tab[k].pred;
}

/* The road before node on the path net_search_path returns. */
static int path_pred(const struct net_search *s, int node)
{
    int k = labelled(s, node);
    if (k < 0 || s->tab[k].pred < 0)
        return -1;
    int chosen = (s->mode == MODE_DIJKSTRA || s->mode == MODE_ASTAR) && is_settled(&s->tab[k]);
    return chosen ? least_pred(s, k) : s->tab[k].pred;
}

/* Walks back from node to the source once, writing the roads met while
 * they fit, last first, then turns them round.  A path longer than max
 * (max > 0) is walked again, to write its first max roads at their places
 * (the first walk left them in the wrong order).  O(path length x degree). */
int net_search_path(const struct net_search *s, int node, int *roads, int max)
{
    int len = 0, v, k, road;
    if (labelled(s, node) < 0)
        return -1;
    for (v = node; (road = path_pred(s, v)) >= 0; len++) {
        if (len < max)
            roads[len] = road;
        v = search_other_end(s, road, v);
    }
    if (len > max) {
        for (v = node, k = len - 1; max > 0 && (road = path_pred(s, v)) >= 0; k--) {
            if (k < max)
                roads[k] = road;
            v = search_other_end(s, road, v);
        }
        return len;
    }
    for (int i = 0, j = len - 1; i < j; i++, j--) {
        int t = roads[i];
        roads[i] = roads[j];
        roads[j] = t;
    }
    return len;
}
