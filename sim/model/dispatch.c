/*
 * dispatch.c -- centralised allocation (集中调拨): who ships what to a request.
 *
 * For a request, the dispatcher estimates for every store that could serve
 * it the arrival of a truck sent now: crews ready (mobilisation, and a
 * supplier's activation), the store's next free truck (its own estimate),
 * loading a full truck, and travel on the roads as it knows them now
 * (roadinfo.c: as they are, under perfect information).  It ranks the
 * stores by the policy's key, loads a truck at the best with as much of the
 * remaining need as fits (weight and volume, whole units), and repeats until
 * the need is covered or no store can help; what is left waits for stock.
 *
 * A township's stockpile point (and its van) serves only sites in that
 * township; the sub-centres, the central depot, departmental stores and
 * suppliers serve anyone.
 *
 * A policy is a key function; lower is better, ties go to the lower store
 * index.  "earliest" ranks by estimated arrival alone; "tiered" ranks by tier
 * (own township point, the region's sub-centre, central depot and
 * departmental stores, agreement suppliers, anything else), then arrival.
 *
 * Not every store is looked at.  Each store's key has a lower bound that
 * costs no search: its start and loading are known, and its minutes to the
 * request are at least net_bound's straight-line bound, and at least what the
 * search from the request (routes.c) has not settled yet.  Stores are found
 * by walking outwards from the request (engine/spatial.h), and the walk
 * stops once even the lowest key a store beyond could have (the policy's
 * least tier, arrival no sooner than now + the least loading + the bound of
 * the distance walked) is above the best key found.  When a store's bound
 * comes first it is taken anew, since the search may have grown since it was
 * offered; while the store lies beyond what the search has settled, the
 * search runs on only as far as that bound could need to pass the next key
 * (grow_towards), so that stores settle in order of their minutes and a far
 * one is seldom searched to at all; a store whose bound stays first gets its
 * exact key.  The store chosen is the one a look at every store would choose:
 * the least key, then the lowest index (the proof is in pick_best; the test
 * build checks it, check_best).  Cost per shipment: O(I) per store whose key
 * is computed, and the search only as far as the best store's minutes and a
 * little more.
 *
 * A store may have a second fleet of another truck type (flood-capable
 * vehicles, vehicle.h): its estimate is made for each fleet, with that
 * fleet's capacity and its own way through damaged roads, and the faster one
 * is sent.  A fleet that passes some hazard has minutes of its own, which the
 * search from the request (on ordinary trucks' minutes) does not bound: its
 * floor is the straight-line bound alone, never above its free flow and so
 * never above its minutes now.  Stock sent ahead on a warning goes through
 * dispatch_from: the same loading of trucks, from a named store.
 */
#include <assert.h>
#include <limits.h>
#include <math.h>
#include "engine/search.h"
#include "model/dispatch.h"
#include "model/facility.h"
#include "model/freeflow.h"
#include "model/routes.h"
#include "model/travel.h"
#include "model/vehicle.h"

typedef double (*policy_key)(const struct rep *r, int f, int q, double eta);

static double key_earliest(const struct rep *r, int f, int q, double eta)
{
    (void)r, (void)f, (void)q;
    return eta;
}

static int tier(const struct rep *r, int f, int q)
{
    const struct definition *d = r->d;
    const struct facility *x = &d->facilities[f];
    const struct request *rq = &r->req[q];
    if (rq->site < 0)
        return x->kind == FAC_SUPPLIER;
    int t = d->sites[rq->site].township;
    if (x->kind == FAC_TOWNSHIP && x->township == t)
        return 0;
    if (f == d->townships[t].subcentre)
        return 1;
    if (x->kind == FAC_CENTRAL || x->kind == FAC_DEPARTMENT)
        return 2;
    return x->kind == FAC_SUPPLIER ? 3 : 4;
}

static double key_tiered(const struct rep *r, int f, int q, double eta)
{
    return tier(r, f, q) * 1e12 + eta;
}

/* The run's policy's key function. */
static policy_key policy(const struct rep *r)
{
    return r->d->run.dispatch == DISPATCH_TIERED ? key_tiered : key_earliest;
}

/* The lowest key any store can have for q with an arrival no sooner than eta,
 * leaving out the request's own stores (see own_stores): for "tiered", a
 * site's request gets no store of tier below 2 but its township's points
 * (0) and its region's sub-centre (1); for "earliest", the arrival itself. */
static double key_floor(const struct rep *r, int q, double eta)
{
    if (r->d->run.dispatch != DISPATCH_TIERED)
        return eta;
    return (r->req[q].site >= 0 ? 2 : 0) * 1e12 + eta;
}

/* May store f serve request q at all?  Replenishment flows down the echelons:
 * suppliers refill the central depot, which (or a supplier) refills the rest. */
static int may_serve(const struct rep *r, int f, int q)
{
    const struct definition *d = r->d;
    const struct request *rq = &r->req[q];
    enum facility_kind k = d->facilities[f].kind;
    if (d->facilities[f].trucks == 0 || f == rq->dest_fac)
        return 0;
    if (k == FAC_TOWNSHIP)        /* a township's point and its van serve that township */
        return rq->site >= 0 && d->facilities[f].township == d->sites[rq->site].township;
    if (rq->site >= 0)
        return 1;
    if (d->facilities[rq->dest_fac].kind == FAC_CENTRAL)
        return k == FAC_SUPPLIER;
    return k == FAC_CENTRAL || k == FAC_SUPPLIER;
}

/* Units of item i that f can give to one truck of type t. */
static double loadable(const struct rep *r, int t, int f, int i, double used_kg, double used_m3)
{
    const struct definition *d = r->d;
    const struct truck_type *tt = &d->truck_types[t];
    const struct item *it = &d->items[i];
    double avail = floor(r->fac[f].stock[i] - r->fac[f].reserved[i] + 1e-9);
    double by_kg = floor((tt->capacity_t * 1000.0 - used_kg) / it->weight_kg + 1e-9);
    double by_m3 = floor((tt->capacity_m3 - used_m3) / it->volume_m3 + 1e-9);
    return fmax(0, fmin(avail, fmin(by_kg, by_m3)));
}

/* Store f's vehicle slots of fleet k (0 main, 1 second): [*a, *b). */
static void fleet_slots(const struct facility *x, int k, int *a, int *b)
{
    *a = k ? x->trucks - x->extra_trucks : 0;
    *b = k ? x->trucks : x->trucks - x->extra_trucks;
}

/* The truck type and vehicle profile of store f's fleet k. */
static int fleet_type(const struct rep *r, int f, int k)
{
    const struct facility *x = &r->d->facilities[f];
    return k ? x->extra_type : x->truck_type;
}

static int can_help(const struct rep *r, int f, int q)
{
    const struct facility *x = &r->d->facilities[f];
    const double *need = req_need(r, q);
    for (int k = 0; k < 2; k++) {
        int a, b, t = fleet_type(r, f, k);
        fleet_slots(x, k, &a, &b);
        for (int i = 0; b > a && i < r->d->n_items; i++)
            if (need[i] > 0 && loadable(r, t, f, i, 0, 0) >= 1)
                return 1;
    }
    return 0;
}

/* The truck of slots [lo, hi) of store f that is k-th (from 0) to be free by
 * the dispatcher's estimates, in the order of (estimate, slot).
 * O((hi - lo) x (k + 1)): k is 0 but while crews are out. */
static int kth_free(const struct fac_state *fs, int lo, int hi, int k)
{
    int pick = -1;
    for (int i = 0; i <= k; i++) {
        int best = -1;
        for (int t = lo; t < hi; t++) {
            if (pick >= 0 && (fs->truck_free[t] < fs->truck_free[pick]
                              || (fs->truck_free[t] == fs->truck_free[pick] && t <= pick)))
                continue;                  /* not after the one picked before */
            if (best < 0 || fs->truck_free[t] < fs->truck_free[best])
                best = t;
        }
        pick = best;
    }
    return pick;
}

/* How many trucks of slots [a, b) are among the `out` first to be free of
 * all n of the store's, in the order of kth_free.  O(n x out). */
static int first_free_in(const struct fac_state *fs, int n, int out, int a, int b)
{
    if (out <= 0)
        return 0;
    if (out >= n)
        return b - a;
    int last = kth_free(fs, 0, n, out - 1), count = 0;
    for (int t = a; t < b; t++)
        count += fs->truck_free[t] < fs->truck_free[last]
                 || (fs->truck_free[t] == fs->truck_free[last] && t <= last);
    return count;
}

/* When a truck of f's fleet k could start loading, with its loading added:
 * the arrival less the travel (INFINITY for a fleet of none).  *truck gets
 * the truck it would be.  While a share of the crews is out, the trucks
 * that stand without one are the store's first to be free, of either fleet
 * (idle ones stand at once, the main fleet's first, the others as they come
 * home: facility.c): those stand until the crews return, and the fleet's
 * next one has its crew; with every crew out, none starts before they
 * return. */
static double ready_loaded(const struct rep *r, int f, int k, int *truck)
{
    const struct facility *x = &r->d->facilities[f];
    const struct fac_state *fs = &r->fac[f];
    int a, b;
    fleet_slots(x, k, &a, &b);
    if (b <= a)
        return INFINITY;
    double ready = isfinite(fs->alarm_at) ? fs->ready_at : r->now + mobilise_min(r, f, r->now);
    int best = kth_free(fs, a, b, 0);
    double start = fmax(r->now, fmax(ready, fs->truck_free[best]));
    int out = r->now < r->crews_until ? fs->absent : 0;
    if (out > 0) {
        start = fmax(start, r->crews_until);   /* the first free trucks have no crew */
        int standing = first_free_in(fs, x->trucks, out, a, b);
        int next = standing < b - a ? kth_free(fs, a, b, standing) : -1;
        double crewed = next >= 0 ? fmax(r->now, fmax(ready, fs->truck_free[next])) : INFINITY;
        if (crewed < start) {
            best = next;
            start = crewed;
        }
    }
    *truck = best;
    double load = x->load_setup_min + x->load_min_per_t * r->d->truck_types[fleet_type(r, f, k)].capacity_t;
    return start + load;
}

/* Estimated arrival of a truck from f, of the sooner of its fleets, once
 * fac_dist is known; *truck gets the truck it would be, *fleet its fleet. */
static double eta(const struct rep *r, int f, int *truck, int *fleet)
{
    double best = INFINITY;
    for (int k = 0; k < 2; k++) {
        int t = 0;
        double e = ready_loaded(r, f, k, &t)
                 + r->fac_dist[(size_t)k * (size_t)r->d->n_facilities + (size_t)f];
        if (e < best || k == 0)
            best = e, *truck = t, *fleet = k;
    }
    return best;
}

/* ---- finding the best store without looking at all of them -------------- */

/* A heap of (key, store), least first, ties to the lower store. */
static int cand_before(struct cand a, struct cand b)
{
    return a.key < b.key || (a.key == b.key && a.f < b.f);
}

static void cand_push(struct cand *h, int *n, struct cand c)
{
    int i = (*n)++;
    while (i > 0 && cand_before(c, h[(i - 1) / 2])) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = c;
}

static struct cand cand_pop(struct cand *h, int *n)
{
    struct cand top = h[0], last = h[--*n];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= *n)
            break;
        if (c + 1 < *n && cand_before(h[c + 1], h[c]))
            c++;
        if (!cand_before(h[c], last))
            break;
        h[i] = h[c];
        i = c;
    }
    if (*n > 0)
        h[i] = last;
    return top;
}

/* One dispatch call's search for stores: the search from the request, the
 * walk outwards, and the two heaps (bounds to look at; exact keys). */
struct pick {
    struct net_search *search;   /* held (routes_hold) until the call ends */
    int held_before;
    struct spatial_walk walk;
    double far_km, far_min;  /* the walk's bound, and net_bound_arc of it */
};

/* A lower bound on f's minutes to the request: exact once the search has
 * settled its node; otherwise at least the straight-line bound g and the
 * search's unsettled bound if it can be reached now, and free flow (>= g)
 * plus the horizon if it cannot -- the search exhausted means it cannot. */
static double dist_floor(const struct rep *r, const struct pick *p, int node, double g)
{
    if (net_search_settled(p->search, node))
        return net_search_minutes(p->search, node);
    double unsettled = net_search_unsettled_bound(p->search), h = r->d->run.horizon_min;
    return isfinite(unsettled) ? fmin(fmax(unsettled, g), g + h) : g + h;
}

/* A lower bound on store f's key for request q, from its fleets' start and
 * loading and the floor of their minutes.  It never falls while a call goes
 * on (the search only grows, and only the store just chosen changes, which
 * is offered again), so a bound taken earlier is still a bound. */
static double floor_key(const struct rep *r, int q, const struct pick *p, int f)
{
    const struct facility *x = &r->d->facilities[f];
    int truck;
    double g = net_bound(r->m->net, r->req[q].node, x->node), floor_eta = INFINITY;
    for (int k = 0; k < 2; k++)        /* a fleet passing some hazard: g alone (top) */
        floor_eta = fmin(floor_eta, ready_loaded(r, f, k, &truck)
                         + (vehicle_profile(r, fleet_type(r, f, k)) ? g
                            : dist_floor(r, p, x->node, g)));
    policy_key key = policy(r);
    return key(r, f, q, floor_eta);
}

/* Runs the request's search on towards store c.f only as far as c's bound
 * could need to pass `next`, the key that would be first after it: 1 when
 * it ran (c's bound is to be taken again), 0 when running it is no use
 * (c's node settled, the search exhausted, or `next` is no nearer than the
 * horizon) or the store lies so far beyond the search that routes.c would
 * reach it by A* (routes_grow_min), and c's exact key is due.  A bound rises
 * no faster than the minutes the search has settled, so it runs on at least
 * to max(unsettled, straight line) + next - c.key; it settles one node at
 * least, or takes the pending one's roads, so pick_best always gets on. */
static int grow_towards(struct rep *r, int q, const struct pick *p, struct cand c, double next)
{
    int node = r->d->facilities[c.f].node;
    double u = net_search_unsettled_bound(p->search);
    if (net_search_settled(p->search, node) || !isfinite(u)
        || !(next > c.key && next - c.key <= r->d->run.horizon_min))
        return 0;
    double g = net_bound(r->m->net, r->req[q].node, node);
    if (g > u + routes_grow_min(r->routes))
        return 0;
    net_search_settle_within(p->search, node, fmax(u, g) + (next - c.key));
    if (net_search_failed(p->search)) {
        r->failed = 1;                 /* out of memory: it would settle nothing more */
        return 0;
    }
    return 1;
}

/* Offers store f to the bound heap (once per call unless `again`): only a
 * store that may serve q and can help with what is still needed. */
static void offer(struct rep *r, int q, const struct pick *p, int f, int again)
{
    if ((r->fac_seen[f] == r->call && !again) || !may_serve(r, f, q) || !can_help(r, f, q))
        return;
    r->fac_seen[f] = r->call;
    cand_push(r->bound_heap, &r->n_bound, (struct cand){ floor_key(r, q, p, f), f });
}

/* f's minutes to request q now, for each of its fleets on its own vehicle's
 * minutes (fac_dist[f], fac_dist[F + f]): from the search (run on to it), or,
 * if no road leads there now, free flow plus the horizon, so that it is
 * chosen only when no store can get through (its truck will wait for a road
 * to reopen); INFINITY for a fleet of none. */
static void distances(struct rep *r, int q, int f)
{
    const struct facility *x = &r->d->facilities[f];
    for (int k = 0; k < 2; k++) {
        int a, b;
        double m = INFINITY;
        fleet_slots(x, k, &a, &b);
        if (b > a) {
            m = vehicle_minutes(r, vehicle_profile(r, fleet_type(r, f, k)), r->req[q].node, x->node);
            if (!isfinite(m))
                m = freeflow_minutes(r, x->node, r->req[q].node) + r->d->run.horizon_min;
        }
        r->fac_dist[(size_t)k * (size_t)r->d->n_facilities + (size_t)f] = m;
    }
}

/* f's exact key into the key heap (distances); a store no road leads to at
 * all is never chosen. */
static void evaluate(struct rep *r, int q, struct pick *p, int f)
{
    int truck, fleet;
    (void)p;
    distances(r, q, f);
    policy_key key = policy(r);
    double k = key(r, f, q, eta(r, f, &truck, &fleet));
    if (k < INFINITY)
        cand_push(r->key_heap, &r->n_key, (struct cand){ k, f });
}

/* The request's own stores, which key_floor leaves out: its township's
 * points and its region's sub-centre. */
static void own_stores(struct rep *r, int q, const struct pick *p)
{
    int site = r->req[q].site;
    if (site < 0)
        return;
    int t = r->d->sites[site].township;
    for (int k = r->m->town_first[t]; k < r->m->town_first[t + 1]; k++)
        offer(r, q, p, r->m->town_point[k], 0);
    if (r->d->townships[t].subcentre >= 0)
        offer(r, q, p, r->d->townships[t].subcentre, 0);
}

/* 0, or -1 when out of memory. */
static int pick_begin(struct rep *r, int q, struct pick *p)
{
    const struct node *at = &r->d->nodes[r->req[q].node];
    r->call++;
    r->n_bound = r->n_key = 0;
    int st = vehicle_state(r, 0, VIEW_KNOWN);
    p->search = routes_from(r, st, r->req[q].node);
    if (!p->search)
        return -1;
    p->held_before = routes_hold(r, st, r->req[q].node);   /* other fleets' minutes share
                                                            * the budget: never drop it */
    spatial_walk_start(r->m->stores, &p->walk, at->lon, at->lat);
    p->far_km = p->far_min = 0;
    own_stores(r, q, p);
    return 0;
}

/* The best store: the least exact key, ties to the lower index; -1 if none.
 * Why it is the one a look at every store would choose: a store never given
 * its exact key is either still in the bound heap, whose least bound is above
 * the best key (or equal with a higher index; an entry may be a bound taken
 * earlier, still a bound since bounds never fall in a call), or not yet
 * walked, when even key_floor at the walk's bound is above the best key; its
 * key is at least its bound either way, since every part of the bound
 * (start, loading, the minutes' floor) is at most the real one and keys do
 * not fall as arrival grows.  The loop ends: each turn computes an exact
 * key, walks on, settles more of the search (grow_towards), or raises a
 * bound, which only a search settled further can do.  A key heap entry stays
 * exact while the call goes on: only the store just chosen changes
 * (pick_again), and others can only stop being able to help, which is
 * checked before one is chosen (one that cannot only lowers the best key
 * while it stays, which makes the search look further, never less far).
 * It is checked too when a store's bound comes first, and one that cannot
 * help is dropped unlooked at: within a call need and stock only fall, so it
 * could never be chosen, and its exact minutes would be paid for nothing --
 * on a million-node grid, some 40% of a one-replication run's CPU went on
 * stores whose stock the call's earlier trucks had taken, each reached by
 * A* when the request was cut off. */
static int pick_best(struct rep *r, int q, struct pick *p)
{
    while (!r->failed) {
        struct cand best = r->n_key > 0 ? r->key_heap[0] : (struct cand){ INFINITY, INT_MAX };
        if (r->n_bound > 0 && cand_before(r->bound_heap[0], best)) {
            struct cand c = cand_pop(r->bound_heap, &r->n_bound);
            if (!can_help(r, c.f, q))
                continue;              /* no more since it was offered: never again */
            double now_key = floor_key(r, q, p, c.f);
            double next = r->n_bound > 0 ? fmin(r->bound_heap[0].key, best.key) : best.key;
            if (now_key > c.key)       /* the search has grown since it was offered */
                cand_push(r->bound_heap, &r->n_bound, (struct cand){ now_key, c.f });
            else if (grow_towards(r, q, p, c, next))
                cand_push(r->bound_heap, &r->n_bound, (struct cand){ floor_key(r, q, p, c.f), c.f });
            else
                evaluate(r, q, p, c.f);
            continue;
        }
        double far = spatial_walk_bound(r->m->stores, &p->walk);
        if (far != p->far_km) {
            p->far_km = far;
            p->far_min = net_bound_arc(r->m->net, far);
        }
        double floor_eta = (r->now + r->m->load_floor) + p->far_min;
        const int *items;
        int n;
        if (!(key_floor(r, q, floor_eta) > best.key)
            && (n = spatial_walk_next(r->m->stores, &p->walk, &items)) >= 0) {
            for (int i = 0; i < n; i++)
                offer(r, q, p, items[i], 0);
            continue;
        }
        if (r->n_key == 0)
            return -1;
        if (can_help(r, best.f, q))
            return best.f;
        cand_pop(r->key_heap, &r->n_key);  /* it has nothing left that is needed */
    }
    return -1;
}

#ifdef SUPPLYSIM_PARANOID
/* The test build checks pick_best against a look at every store, on systems
 * of up to 100 stores (the random systems and the shipped scenarios): no
 * store that may serve q and can help has a lower key, nor the same key and
 * a lower index.  Reading every store's minutes runs searches further, which
 * changes no answer. */
static void check_best(struct rep *r, int q, int best)
{
    if (best < 0 || r->d->n_facilities > 100)
        return;
    policy_key key = policy(r);
    int truck, fleet;
    double kb = key(r, best, q, eta(r, best, &truck, &fleet));
    for (int f = 0; f < r->d->n_facilities && !r->failed; f++) {
        if (f == best || !may_serve(r, f, q) || !can_help(r, f, q))
            continue;
        distances(r, q, f);
        double k = key(r, f, q, eta(r, f, &truck, &fleet));
        assert(!(k < kb || (k == kb && f < best)));
    }
}
#endif

/* The store just chosen has one truck fewer and less stock: its key is
 * looked at again from its new bound. */
static void pick_again(struct rep *r, int q, const struct pick *p, int f)
{
    cand_pop(r->key_heap, &r->n_key);
    offer(r, q, p, f, 1);
}

/* Loads one truck at f for request q; returns the units loaded. */
static double fill_truck(struct rep *r, int f, int q, int s)
{
    const struct definition *d = r->d;
    double *need = req_need(r, q), *load = ship_load(r, s), kg = 0, m3 = 0, units = 0;
    for (int i = 0; i < d->n_items; i++) {
        if (need[i] <= 0)
            continue;
        double n = fmin(need[i], loadable(r, r->ship[s].vtype, f, i, kg, m3));
        if (n <= 0)
            continue;
        load[i] = n;
        need[i] -= n;
        r->fac[f].reserved[i] += n;
        kg += n * d->items[i].weight_kg;
        m3 += n * d->items[i].volume_m3;
        units += n;
    }
    r->ship[s].tonnes = kg / 1000.0;
    r->ship[s].m3 = m3;
    return units;
}

static int still_needed(const struct rep *r, int q)
{
    const double *need = req_need(r, q);
    for (int i = 0; i < r->d->n_items; i++)
        if (need[i] > 0)
            return 1;
    return 0;
}

/* One truckload for request q from store f, whose fac_dist is known, on the
 * truck of the sooner fleet: 1, 0 when nothing could be loaded after all
 * (cannot happen after can_help; be safe), -1 when out of memory. */
static int send(struct rep *r, int q, int f)
{
    const struct definition *d = r->d;
    int truck = 0, fleet = 0;
    double best_eta = eta(r, f, &truck, &fleet);
    int s = ship_new(r, q, f);
    if (s < 0)
        return -1;
    r->ship[s].fleet = fleet;          /* the vehicle the estimate was made for */
    r->ship[s].vtype = definition_slot_type(d, f, truck);
    r->ship[s].prof = vehicle_profile(r, r->ship[s].vtype);
    if (fill_truck(r, f, q, s) <= 0) {
        r->n_ship--;
        return 0;
    }
    /* the truck is busy until it is back: there, unload, and home again (at
     * free flow: a store cut off now is not charged its penalty twice);
     * truck_home corrects the estimate when it is back sooner */
    double back = freeflow_minutes(r, d->facilities[f].node, r->req[q].node);
    r->fac[f].truck_free[truck] = best_eta + d->run.unload_min + back;
    r->fac[f].slot_owner[truck] = s;
    r->ship[s].slot = truck;
    r->req[q].in_flight++;
    fac_enqueue(r, s);
    on_stock_change(r, f);             /* what is promised is no longer available */
    return 1;
}

void dispatch(struct rep *r, int q)
{
    struct pick p;
    if (!r->req[q].open || pick_begin(r, q, &p) < 0)
        return;
    while (still_needed(r, q) && !r->failed) {
        int best = pick_best(r, q, &p);
        if (best < 0)
            break;                         /* no stock anywhere: wait for some */
#ifdef SUPPLYSIM_PARANOID
        check_best(r, q, best);
#endif
        int sent = send(r, q, best);
        if (sent < 0)
            break;
        if (sent == 0) {
            cand_pop(r->key_heap, &r->n_key);
            continue;
        }
        pick_again(r, q, &p, best);
    }
    routes_release(r, p.held_before);
    r->req[q].open = still_needed(r, q);
}

void dispatch_from(struct rep *r, int q, int f)
{
    while (still_needed(r, q) && !r->failed && can_help(r, f, q)) {
        distances(r, q, f);
        if (send(r, q, f) <= 0)
            break;
    }
}
