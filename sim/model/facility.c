/*
 * facility.c -- the stores of one replication: crews called out and mobilised
 * (day or night times, a supplier's activation lead time), trucks taken from
 * the fleet and brought home, loading bays with their queue, and crews lost to
 * a hazard.  A store's stock leaves it only when a bay loads it (promised
 * units stay reserved in the store until then), which keeps conservation
 * (model.c) true at every event.
 */
#include <math.h>
#include <string.h>
#include "model/facility.h"
#include "model/freeflow.h"
#include "model/travel.h"
#include "model/vehicle.h"

/* ---- stores: crews, trucks, bays ---------------------------------------- */

double mobilise_min(const struct rep *r, int f, double t)
{
    const struct definition *d = r->d;
    double hour = fmod(d->run.onset_hour + t / 60.0, 24.0);
    if (hour < 0)
        hour += 24.0;                      /* a warning's alarm before onset */
    int day = hour >= d->day_start_h && hour < d->night_start_h;
    const struct facility *x = &d->facilities[f];
    return (day ? x->mobilise_day_min : x->mobilise_night_min) + x->activation_min;
}

/* Crews are called out at t; for a supplier the activation lead time runs too. */
void fac_alarm_at(struct rep *r, int f, double t)
{
    struct fac_state *fs = &r->fac[f];
    if (isfinite(fs->alarm_at))
        return;
    fs->alarm_at = t;
    fs->ready_at = t + mobilise_min(r, f, t);
    rep_schedule(r, fs->ready_at, EV_READY, f, 0);
}

void fac_alarm(struct rep *r, int f)
{
    fac_alarm_at(r, f, r->now);
}

static void serve_bays(struct rep *r, int f)
{
    const struct definition *d = r->d;
    struct fac_state *fs = &r->fac[f];
    const struct facility *x = &d->facilities[f];
    while (fs->bays_busy < x->bays && fs->bay_q.n > 0) {
        int s = fifo_pop(&fs->bay_q);
        struct shipment *sh = &r->ship[s];
        double *load = ship_load(r, s);
        fs->bays_busy++;
        sh->t_bay = r->now;
        for (int i = 0; i < d->n_items; i++) {
            fs->stock[i] -= load[i];
            fs->reserved[i] -= load[i];
            r->on_truck[i] += load[i];
            if (load[i] > 0 && fs->stock[i] <= 0)
                r->res->stockout[(size_t)f * (size_t)d->n_items + (size_t)i] = 1;
        }
        double t = (x->load_setup_min + x->load_min_per_t * sh->tonnes)
                 * rng_factor(ship_rng(r, s, STREAM_SERVICE), d->run.load_cv);
        if (r->now >= r->load_from && r->now < r->load_until)
            t *= r->load_factor;           /* power out, crews short: slower loading */
        rep_schedule(r, r->now + t, EV_LOADED, s, 0);
    }
}

/* The shipment to take a vehicle next: of the two fleets' queues, the
 * older head whose fleet has an idle vehicle; -1 when none. */
static int next_for_truck(const struct fac_state *fs)
{
    int main_idle = fs->trucks_idle - fs->extra_idle;
    int a = main_idle > 0 && fs->truck_q.n > 0 ? fs->truck_q.v[fs->truck_q.head] : -1;
    int b = fs->extra_idle > 0 && fs->extra_q.n > 0 ? fs->extra_q.v[fs->extra_q.head] : -1;
    return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

static void serve_trucks(struct rep *r, int f)
{
    struct fac_state *fs = &r->fac[f];
    int s;
    while (r->now >= fs->ready_at && (s = next_for_truck(fs)) >= 0) {
        fifo_pop(r->ship[s].fleet ? &fs->extra_q : &fs->truck_q);
        fs->trucks_idle--;
        fs->extra_idle -= r->ship[s].fleet;
        r->ship[s].t_truck = r->now;
        if (fifo_push(&fs->bay_q, s) < 0)
            r->failed = 1;
    }
    serve_bays(r, f);
}

/* A new shipment of request req from store src, empty; returns its id or -1. */
int ship_new(struct rep *r, int req, int src)
{
    int n = r->n_ship, old = r->cap_ship;
    int lc = r->load_cap;
    if (grow_array(&r->ship, &r->cap_ship, n + 1, sizeof *r->ship) < 0
        || grow_array(&r->load_mem, &lc, (n + 1) * r->d->n_items, sizeof *r->load_mem) < 0) {
        r->failed = 1;
        return -1;
    }
    r->load_cap = lc;
    for (int s = old; s < r->cap_ship; s++)     /* new slots own no route yet */
        r->ship[s] = (struct shipment){ .route = NULL, .route_cap = 0 };
    struct shipment *sh = &r->ship[n];
    int *route = sh->route, cap = sh->route_cap;   /* kept from earlier replications */
    *sh = (struct shipment){ .req = req, .src = src, .dest = r->req[req].node,
        .t_order = r->now, .t_ready = INFINITY, .t_truck = INFINITY, .t_bay = INFINITY,
        .t_loaded = INFINITY, .t_arrive = INFINITY, .t_home = INFINITY,
        .node = r->d->facilities[src].node, .route = route, .route_cap = cap, .slot = -1,
        .fleet = 0, .vtype = r->d->facilities[src].truck_type,
        .prof = vehicle_profile(r, r->d->facilities[src].truck_type), .open_since = INFINITY,
        .best_free = freeflow_minutes(r, r->d->facilities[src].node, r->req[req].node) };
    memset(ship_load(r, n), 0, (size_t)r->d->n_items * sizeof(double));
    int site = r->req[req].site;
    if (site >= 0 && r->site[site].first_ship < 0)
        r->site[site].first_ship = n;     /* until one arrives: the first made */
    r->n_ship++;
    return n;
}

/* Hands a filled shipment to its store: alarm, then the truck queue. */
void fac_enqueue(struct rep *r, int s)
{
    int f = r->ship[s].src;
    fac_alarm(r, f);
    r->ship[s].t_ready = r->fac[f].ready_at;
    if (fifo_push(r->ship[s].fleet ? &r->fac[f].extra_q : &r->fac[f].truck_q, s) < 0)
        r->failed = 1;
    serve_trucks(r, f);
}

/* Stock of store f was promised, or a refill of it is complete: check its
 * reorder levels (later, as an event, so that dispatch never runs inside
 * dispatch).  Loading changes nothing here: stock and promised units fall
 * together. */
void on_stock_change(struct rep *r, int f)
{
    struct fac_state *fs = &r->fac[f];
    if (r->m->reorders[f] && fs->replenish < 0 && !fs->reorder_due) {
        fs->reorder_due = 1;           /* one check looks at everything promised by then */
        rep_schedule(r, r->now, EV_REORDER, f, 0);
    }
}

static void truck_home(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    sh->t_home = r->now;
    r->res->truck_busy_min += r->now - fmax(sh->t_truck, 0);    /* from onset */
    struct fac_state *fs = &r->fac[sh->src];
    if (sh->slot >= 0 && fs->slot_owner[sh->slot] == s && fs->truck_free[sh->slot] > r->now)
        fs->truck_free[sh->slot] = r->now;   /* back sooner than the dispatcher guessed */
    if (fs->owed > 0) {
        fs->owed--;                    /* its crew is among those out: the truck stands */
        fs->stand_extra += sh->fleet;
    } else {
        fs->trucks_idle++;
        fs->extra_idle += sh->fleet;
    }
    serve_trucks(r, sh->src);
}

/* A share of every store's crews drops out: idle vehicles stand at once
 * (the main fleet's first), the rest as they come home. */
static void crews_out(struct rep *r)
{
    for (int f = 0; f < r->d->n_facilities; f++) {
        struct fac_state *fs = &r->fac[f];
        fs->absent = (int)floor(r->crews_share * r->d->facilities[f].trucks + 0.5);
        int now = fs->absent < fs->trucks_idle ? fs->absent : fs->trucks_idle;
        int main_idle = fs->trucks_idle - fs->extra_idle;
        fs->stand_extra = now > main_idle ? now - main_idle : 0;
        fs->trucks_idle -= now;
        fs->extra_idle -= fs->stand_extra;
        fs->owed = fs->absent - now;
    }
}

static void crews_back(struct rep *r)
{
    for (int f = 0; f < r->d->n_facilities; f++) {
        struct fac_state *fs = &r->fac[f];
        fs->trucks_idle += fs->absent - fs->owed;
        fs->extra_idle += fs->stand_extra;
        fs->absent = fs->owed = fs->stand_extra = 0;
        serve_trucks(r, f);
    }
}


void reset_stores(struct rep *r)
{
    const struct definition *d = r->d;
    for (int i = 0; i < d->n_items; i++)
        r->initial[i] = r->on_truck[i] = r->delivered[i] = 0;
    for (int f = 0; f < d->n_facilities; f++) {
        struct fac_state *fs = &r->fac[f];
        const struct facility *x = &d->facilities[f];
        for (int i = 0; i < d->n_items; i++) {
            fs->stock[i] = x->stock[i];
            fs->reserved[i] = 0;
            r->initial[i] += x->stock[i];
        }
        for (int t = 0; t < x->trucks; t++) {
            fs->truck_free[t] = -INFINITY;     /* free since ever (a warning comes before 0) */
            fs->slot_owner[t] = -1;
        }
        fs->trucks_idle = x->trucks;
        fs->extra_idle = x->extra_trucks;
        fs->bays_busy = 0;
        fs->alarm_at = fs->ready_at = INFINITY;
        fifo_clear(&fs->truck_q);
        fifo_clear(&fs->bay_q);
        fifo_clear(&fs->extra_q);
        fs->replenish = -1;
        fs->absent = fs->owed = fs->reorder_due = fs->stand_extra = 0;
    }
}

/* EV_LOADED: the truck leaves its bay, which takes the next in the queue. */
static void loaded(struct rep *r, int s)
{
    r->ship[s].t_loaded = r->now;
    r->fac[r->ship[s].src].bays_busy--;
    serve_bays(r, r->ship[s].src);
    travel_start(r, s);
}

void facility_handle(struct rep *r, const struct event *e)
{
    switch (e->type) {
    case EV_READY:      serve_trucks(r, e->a); break;
    case EV_LOADED:     loaded(r, e->a); break;
    case EV_HOME:       truck_home(r, e->a); break;
    case EV_CREWS_OUT:  crews_out(r); break;
    case EV_CREWS_BACK: crews_back(r); break;
    }
}
