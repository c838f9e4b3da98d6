/*
 * dispatch.c -- centralised allocation (集中调拨): who ships what to a request.
 *
 * For a request, the dispatcher estimates for every store that could serve
 * it the arrival of a truck sent now: crews ready (mobilisation, and a
 * supplier's activation), the store's next free truck (its own estimate),
 * loading a full truck, and travel on the network as it is now.  It ranks the
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
 * Cost per shipment: O(F x I) after one Dijkstra per call.
 */
#include <math.h>
#include "model/dispatch.h"
#include "model/facility.h"
#include "model/travel.h"

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

/* Units of item i that f can give to one truck of its type. */
static double loadable(const struct rep *r, int f, int i, double used_kg, double used_m3)
{
    const struct definition *d = r->d;
    const struct truck_type *tt = &d->truck_types[d->facilities[f].truck_type];
    const struct item *it = &d->items[i];
    double avail = floor(r->fac[f].stock[i] - r->fac[f].reserved[i] + 1e-9);
    double by_kg = floor((tt->capacity_t * 1000.0 - used_kg) / it->weight_kg + 1e-9);
    double by_m3 = floor((tt->capacity_m3 - used_m3) / it->volume_m3 + 1e-9);
    return fmax(0, fmin(avail, fmin(by_kg, by_m3)));
}

static int can_help(const struct rep *r, int f, int q)
{
    const double *need = req_need(r, q);
    for (int i = 0; i < r->d->n_items; i++)
        if (need[i] > 0 && loadable(r, f, i, 0, 0) >= 1)
            return 1;
    return 0;
}

/* Estimated arrival of a truck from f; *truck gets the truck it would be. */
static double eta(const struct rep *r, int f, int *truck)
{
    const struct facility *x = &r->d->facilities[f];
    const struct fac_state *fs = &r->fac[f];
    double ready = isfinite(fs->alarm_at) ? fs->ready_at : r->now + mobilise_min(r, f, r->now);
    int best = 0;
    for (int t = 1; t < x->trucks; t++)
        if (fs->truck_free[t] < fs->truck_free[best])
            best = t;
    *truck = best;
    double start = fmax(r->now, fmax(ready, fs->truck_free[best]));
    if (fs->absent >= x->trucks && r->now < r->crews_until)
        start = fmax(start, r->crews_until);   /* every crew is out: not before they return */
    double load = x->load_setup_min + x->load_min_per_t * r->d->truck_types[x->truck_type].capacity_t;
    return start + load + r->fac_dist[f];
}

/* Minutes from each store to the request's node now; a store cut off gets
 * its free-flow time plus the horizon, so that it is chosen only when no
 * store can get through (its truck will wait for a road to reopen). */
static void distances(struct rep *r, int q)
{
    const struct definition *d = r->d;
    int node = r->req[q].node;
    const struct net_search *t = travel_tree(r, node);
    for (int f = 0; f < d->n_facilities; f++) {
        double m = net_search_minutes(t, d->facilities[f].node);
        r->fac_dist[f] = isfinite(m) ? m
            : r->m->free_from[(size_t)f * (size_t)d->n_nodes + (size_t)node] + d->run.horizon_min;
        r->fac_skip[f] = !may_serve(r, f, q);
    }
}

/* Loads one truck at f for request q; returns the units loaded. */
static double fill_truck(struct rep *r, int f, int q, int s)
{
    const struct definition *d = r->d;
    double *need = req_need(r, q), *load = ship_load(r, s), kg = 0, m3 = 0, units = 0;
    for (int i = 0; i < d->n_items; i++) {
        if (need[i] <= 0)
            continue;
        double n = fmin(need[i], loadable(r, f, i, kg, m3));
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

void dispatch(struct rep *r, int q)
{
    const struct definition *d = r->d;
    policy_key key = d->run.dispatch == DISPATCH_TIERED ? key_tiered : key_earliest;
    if (!r->req[q].open)
        return;
    distances(r, q);
    while (still_needed(r, q) && !r->failed) {
        int best = -1, truck = 0;
        double best_key = INFINITY, best_eta = 0;
        for (int f = 0; f < d->n_facilities; f++) {
            int t;
            if (r->fac_skip[f] || !can_help(r, f, q))
                continue;
            double e = eta(r, f, &t), k = key(r, f, q, e);
            if (k < best_key) {
                best = f, best_key = k, best_eta = e, truck = t;
            }
        }
        if (best < 0)
            break;                         /* no stock anywhere: wait for some */
        int s = ship_new(r, q, best);
        if (s < 0)
            break;
        if (fill_truck(r, best, q, s) <= 0) {   /* cannot happen after can_help; be safe */
            r->n_ship--;
            r->fac_skip[best] = 1;
            continue;
        }
        /* the truck is busy until it is back: there, unload, and home again (at
         * free flow: a store cut off now is not charged its penalty twice);
         * truck_home corrects the estimate when it is back sooner */
        double back = r->m->free_from[(size_t)best * (size_t)d->n_nodes + (size_t)r->req[q].node];
        r->fac[best].truck_free[truck] = best_eta + d->run.unload_min + back;
        r->fac[best].slot_owner[truck] = s;
        r->ship[s].slot = truck;
        r->req[q].in_flight++;
        fac_enqueue(r, s);
        on_stock_change(r, best);      /* what is promised is no longer available */
    }
    r->req[q].open = still_needed(r, q);
}
