/*
 * demand.c -- requests and arrivals: each disaster site's request when it is
 * reported and its later waves, a store's replenishment when its stock falls
 * below a reorder level (order-up-to its initial stock), and a shipment's
 * arrival: units delivered to a site or back into a store, the site's first
 * arrival and fill recorded, open requests retried, the truck sent home.
 *
 * Requests 0 .. n_sites - 1 are the sites' first requests, in site order;
 * later waves and replenishments follow.  Every site's occurrence, reporting
 * delay and displaced people are drawn from the demand stream in site order,
 * whatever the fleet or policy: the same disasters for every variant.
 *
 * Stock sent ahead on a warning (disaster.preposition) is a request too
 * (`ahead`), made at the warning, warning_min before onset, and shipped from
 * its named store (dispatch_from) over roads not yet damaged.  At a site's
 * village it is there when the disaster strikes: the site's first arrival is
 * then its occurrence, and its request needs that much less.  Without a
 * warning nothing is sent ahead.
 */
#include <math.h>
#include <string.h>
#include "model/demand.h"
#include "model/dispatch.h"
#include "model/facility.h"
#include "model/travel.h"
#include "model/vehicle.h"

/* A new request to node; its need row is zeroed.  Returns its id or -1. */
static int req_new(struct rep *r, int site, int dest_fac, int node)
{
    int n = r->n_req, nc = r->need_cap;
    if (grow_array(&r->req, &r->cap_req, n + 1, sizeof *r->req) < 0
        || grow_array(&r->need_mem, &nc, (n + 1) * r->d->n_items, sizeof *r->need_mem) < 0) {
        r->failed = 1;
        return -1;
    }
    r->need_cap = nc;
    r->req[n] = (struct request){ site, dest_fac, node, INFINITY, 0, 0, 0 };
    memset(req_need(r, n), 0, (size_t)r->d->n_items * sizeof(double));
    r->n_req++;
    return n;
}

/* Order-up-to: a store below a reorder level asks for its initial stock back. */
static void reorder(struct rep *r, int f)
{
    const struct definition *d = r->d;
    struct fac_state *fs = &r->fac[f];
    fs->reorder_due = 0;
    if (fs->replenish >= 0)
        return;
    int q = -1;
    for (int i = 0; i < d->n_items; i++) {
        double avail = fs->stock[i] - fs->reserved[i], want = d->facilities[f].stock[i] - avail;
        if (d->facilities[f].reorder[i] > 0 && avail < d->facilities[f].reorder[i] && want > 0) {
            if (q < 0 && (q = req_new(r, -1, f, d->facilities[f].node)) < 0)
                return;
            req_need(r, q)[i] = want;
        }
    }
    if (q < 0)
        return;
    r->req[q].reported = r->now;
    r->req[q].open = 1;
    fs->replenish = q;
    dispatch(r, q);
}

static void site_request(struct rep *r, int site)
{
    const struct definition *d = r->d;
    struct request *q = &r->req[site];
    double *need = req_need(r, site);
    q->reported = r->now;
    for (int i = 0; i < d->n_items; i++)
        q->open |= need[i] > 0;
    dispatch(r, site);
}

/* Stock sent ahead reached a site: its first request needs that much less
 * (what is not yet given to a shipment). */
static void covered(struct rep *r, int site, const double *load)
{
    double *need = req_need(r, site), left = 0;
    for (int i = 0; i < r->d->n_items; i++) {
        need[i] -= fmin(need[i], load[i]);
        left += need[i];
    }
    if (!(left > 0))
        r->req[site].open = 0;
}

void demand_arrived(struct rep *r, int s)
{
    const struct definition *d = r->d;
    struct shipment *sh = &r->ship[s];
    struct request *q = &r->req[sh->req];
    const double *load = ship_load(r, s);
    double units = 0;
    sh->t_arrive = r->now;
    q->in_flight--;
    for (int i = 0; i < d->n_items; i++) {
        r->on_truck[i] -= load[i];
        units += load[i];
        if (q->site >= 0)
            r->delivered[i] += load[i];
        else
            r->fac[q->dest_fac].stock[i] += load[i];
    }
    if (q->site >= 0) {
        struct site_state *st = &r->site[q->site];
        double at = fmax(r->now, st->occur);   /* stock sent ahead is there when it strikes */
        if (q->ahead)
            covered(r, q->site, load);
        if (!isfinite(st->first_arrival)) {
            st->first_arrival = at;
            st->first_ship = s;           /* the one that arrived first */
        }
        st->delivered += units;
        if (st->delivered >= st->demand && !isfinite(st->fill))
            st->fill = at;
    } else {
        if (!q->ahead && !q->open && q->in_flight == 0) {
            r->fac[q->dest_fac].replenish = -1;
            on_stock_change(r, q->dest_fac);   /* loads since the order may call for more */
        }
        rep_schedule(r, r->now, EV_RETRY, 0, 0);
    }
    double back = vehicle_minutes(r, sh->prof, sh->dest, d->facilities[sh->src].node);
    if (!isfinite(back))
        back = sh->best_free;       /* no way back now: assume it finds one in time */
    rep_schedule(r, r->now + d->run.unload_min + back, EV_HOME, s, 0);
}

static void wave_request(struct rep *r, int q)
{
    struct request *rq = &r->req[q];
    rq->reported = r->now;
    for (int i = 0; i < r->d->n_items; i++)
        rq->open |= req_need(r, q)[i] > 0;
    dispatch(r, q);
}

static void retry_open(struct rep *r)
{
    for (int q = 0; q < r->n_req; q++)
        if (r->req[q].open && isfinite(r->req[q].reported))
            dispatch(r, q);
}

/* Draws every site's occurrence, reporting delay and displaced people from
 * the demand stream, in site order: the same for any fleet or policy. */
static int reset_sites(struct rep *r, int active)
{
    const struct definition *d = r->d;
    gsl_rng *g = r->rng[STREAM_DEMAND];
    for (int s = 0; s < d->n_sites; s++) {
        const struct site *x = &d->sites[s];
        struct site_state *st = &r->site[s];
        double occ = rng_draw(g, x->occur_min), rep = rng_draw(g, x->report_min) * d->report_factor;
        double people = floor(rng_draw(g, x->displaced) + 0.5);
        if (req_new(r, s, -1, x->node) != s)
            return -1;
        *st = (struct site_state){ occ, people, 0, 0, INFINITY, INFINITY, -1 };
        double *need = req_need(r, s);
        for (int i = 0; i < d->n_items; i++) {
            need[i] = ceil(people * d->kit[i] - 1e-9);
            st->demand += need[i];
        }
        r->ev_first[s] = occ + rep;
        if (occ + rep <= d->run.horizon_min && (active < 0 || s == active))
            rep_schedule(r, occ + rep, EV_REQUEST, s, 0);
    }
    return 0;
}

/* Later waves: every site asks again, after a drawn delay, for a share of its
 * first need.  Drawn for every site and wave, so the demand stream stays
 * aligned whatever is scheduled. */
static int reset_waves(struct rep *r, int active)
{
    const struct definition *d = r->d;
    for (int w = 0; w < d->n_waves; w++)
        for (int s = 0; s < d->n_sites; s++) {
            double after = rng_draw(r->rng[STREAM_DEMAND], d->waves[w].after_min);
            double t = r->ev_first[s] + after;
            int q = req_new(r, s, -1, d->sites[s].node);
            if (q < 0)
                return -1;
            if (t > d->run.horizon_min || (active >= 0 && s != active))
                continue;
            double *need = req_need(r, q), *first = req_need(r, s);
            for (int i = 0; i < d->n_items; i++) {
                need[i] = ceil(first[i] * d->waves[w].factor - 1e-9);
                r->site[s].demand += need[i];
            }
            rep_schedule(r, t, EV_WAVE, q, 0);
        }
    return 0;
}

int demand_reset(struct rep *r, int active)
{
    return reset_sites(r, active) < 0 || reset_waves(r, active) < 0 ? -1 : 0;
}

void demand_warning(struct rep *r)
{
    const struct definition *d = r->d;
    if (!(d->warning_min > 0) || d->n_prepos == 0)
        return;
    for (int k = 0; k < d->n_prepos; k++)
        fac_alarm_at(r, d->prepos[k].from, -d->warning_min);
    rep_schedule(r, -d->warning_min, EV_WARNING, 0, 0);
}

/* EV_WARNING: every entry of disaster.preposition a request of its own,
 * shipped from its store. */
static void send_ahead(struct rep *r)
{
    const struct definition *d = r->d;
    for (int k = 0; k < d->n_prepos && !r->failed; k++) {
        const struct preposition *p = &d->prepos[k];
        int node = p->to_site >= 0 ? d->sites[p->to_site].node : d->facilities[p->to_fac].node;
        int q = req_new(r, p->to_site, p->to_fac, node);
        if (q < 0)
            return;
        r->req[q].ahead = 1;
        r->req[q].reported = r->now;
        memcpy(req_need(r, q), p->units, (size_t)d->n_items * sizeof *p->units);
        dispatch_from(r, q, p->from);
    }
}

void demand_handle(struct rep *r, const struct event *e)
{
    switch (e->type) {
    case EV_REQUEST: site_request(r, e->a); break;
    case EV_WAVE:    wave_request(r, e->a); break;
    case EV_REORDER: reorder(r, e->a); break;
    case EV_RETRY:   retry_open(r); break;
    case EV_WARNING: send_ahead(r); break;
    }
}
