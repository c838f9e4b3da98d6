/*
 * model.c -- one replication of the supply system as a discrete-event
 * simulation: the shared model, a replication's state, requests and the
 * arrival of shipments, the event loop and the conservation check.  The
 * stores are in store.c, trucks on the road in travel.c, dispatch in
 * dispatch.c, what a replication leaves behind in outcome.c.
 *
 * Conservation of stock (brief §3) is the main invariant, per item:
 *     initial stock = units in stores + units on trucks + units delivered to sites
 * Promised (reserved) units stay in the store until a bay loads them; a
 * replenishment's units go from a truck back into a store.  rep_run checks
 * this at the end of every replication (and after every event in the test
 * build) and fails if it does not hold.
 *
 * A shipment's life: dispatch makes it and alarms its store -> it waits for
 * the crews (mobilisation) and a truck (truck_q) -> for a bay (bay_q) ->
 * loading -> travel (travel.c) -> arrival -> the truck drives home (one event).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/coverage.h"
#include "model/state.h"

/* ---- the shared model --------------------------------------------------- */

/* Free-flow minutes from every facility to every node: one search each,
 * O(F (V + E) log V) once; memory F x V doubles. */
static int fill_free_from(struct model *m)
{
    const struct def *d = m->d;
    struct net_search *s = net_search_create(m->net);
    if (!s)
        return -1;
    for (int f = 0; f < d->n_facilities; f++) {
        net_search_run(s, d->facilities[f].node, NULL, NULL, 0);
        for (int v = 0; v < d->n_nodes; v++)
            m->free_from[(size_t)f * (size_t)d->n_nodes + (size_t)v] = net_search_minutes(s, v);
    }
    net_search_free(s);
    return 0;
}

/* Which township each node is in, for checkpoints: a seat's own, a site's
 * village its township's, any other node the nearest seat's.  O(V x T). */
static void fill_node_township(struct model *m)
{
    const struct def *d = m->d;
    for (int v = 0; v < d->n_nodes; v++) {
        int best = -1;
        double best_km = INFINITY;
        for (int t = 0; t < d->n_townships; t++) {
            double km = geo_km(d->nodes[v].lon, d->nodes[v].lat,
                               d->nodes[d->townships[t].node].lon, d->nodes[d->townships[t].node].lat);
            if (d->townships[t].node == v)
                km = -1;
            if (km < best_km) {
                best_km = km;
                best = t;
            }
        }
        m->node_township[v] = best;
    }
    for (int s = 0; s < d->n_sites; s++)
        m->node_township[d->sites[s].node] = d->sites[s].township;
}

struct model *model_create(const struct def *d)
{
    struct model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->d = d;
    m->net = coverage_network(d);
    m->free_from = malloc((size_t)(d->n_facilities + 1) * (size_t)d->n_nodes * sizeof(double));
    m->node_township = malloc((size_t)(d->n_nodes + 1) * sizeof *m->node_township);
    m->reorders = calloc((size_t)d->n_facilities + 1, 1);
    if (!m->net || !m->free_from || !m->node_township || !m->reorders || fill_free_from(m) < 0)
        goto fail;
    fill_node_township(m);
    for (int f = 0; f < d->n_facilities; f++)
        for (int i = 0; i < d->n_items; i++)
            m->reorders[f] |= d->facilities[f].kind != FAC_SUPPLIER && d->facilities[f].reorder[i] > 0;
    return m;
fail:
    model_free(m);
    return NULL;
}

void model_free(struct model *m)
{
    if (!m)
        return;
    net_free(m->net);
    free(m->free_from);
    free(m->node_township);
    free(m->reorders);
    free(m);
}

/* ---- small helpers ------------------------------------------------------ */

/* Makes room for n elements of size in *p (capacity *cap); 0 or -1. */
int model_grow(void *pp, int *cap, int n, size_t size)
{
    void **p = pp;
    if (n <= *cap)
        return 0;
    int c = *cap ? *cap : 16;
    while (c < n)
        c *= 2;
    void *q = realloc(*p, (size_t)c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

int fifo_push(struct fifo *q, int v)
{
    if (q->n == q->cap) {
        int c = q->cap ? 2 * q->cap : 8;
        int *nv = malloc((size_t)c * sizeof *nv);
        if (!nv)
            return -1;
        for (int i = 0; i < q->n; i++)
            nv[i] = q->v[(q->head + i) % q->cap];
        free(q->v);
        q->v = nv;
        q->head = 0;
        q->cap = c;
    }
    q->v[(q->head + q->n++) % q->cap] = v;
    return 0;
}

int fifo_pop(struct fifo *q)
{
    int v = q->v[q->head];
    q->head = (q->head + 1) % q->cap;
    q->n--;
    return v;
}

void rep_schedule(struct rep *r, double t, int type, int a, int b)
{
    if (cal_schedule(r->cal, t, type, a, b) < 0)
        r->failed = 1;
}

/* ---- replication state -------------------------------------------------- */

struct rep *rep_create(const struct model *m)
{
    const struct def *d = m->d;
    struct rep *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    r->d = d;
    size_t ni = (size_t)d->n_items, nf = (size_t)d->n_facilities, trucks = 0;
    for (int f = 0; f < d->n_facilities; f++)
        trucks += (size_t)d->facilities[f].trucks;
    r->cal = cal_create(1024);
    int trees_ok = 1;
    size_t per_tree = 32 * (size_t)d->n_nodes + 1, fit = TREES_BYTES / per_tree;
    r->n_trees = d->n_sites + 8 < TREES_MAX ? d->n_sites + 8 : TREES_MAX;
    if ((size_t)r->n_trees > fit)
        r->n_trees = fit > 2 ? (int)fit : 2;
    for (int k = 0; k < r->n_trees; k++)
        trees_ok &= (r->tree[k] = net_search_create(m->net)) != NULL, r->tree_root[k] = -1;
    r->road_min = malloc((size_t)(d->n_roads + 1) * sizeof *r->road_min);
    r->change_first = malloc((size_t)(d->n_roads + 1) * sizeof *r->change_first);
    r->fac = calloc(nf + 1, sizeof *r->fac);
    r->fac_dist = calloc(nf + 1, sizeof *r->fac_dist);
    r->fac_skip = calloc(nf + 1, 1);
    r->stock_mem = calloc(2 * nf * ni + trucks + 1, sizeof *r->stock_mem);
    r->slot_mem = calloc(trucks + 1, sizeof *r->slot_mem);
    r->site = calloc((size_t)d->n_sites + 1, sizeof *r->site);
    r->ev_first = calloc((size_t)d->n_sites + 1, sizeof *r->ev_first);
    r->initial = calloc(3 * ni + 1, sizeof *r->initial);
    int ok = r->cal && trees_ok && r->road_min && r->change_first && r->fac && r->stock_mem
          && r->fac_dist && r->fac_skip && r->slot_mem
          && r->site && r->ev_first && r->initial;
    for (int s = 0; s < STREAMS && ok; s++)
        ok = (r->rng[s] = gsl_rng_alloc(gsl_rng_mt19937)) != NULL;
    if (!ok) {
        rep_free(r);
        return NULL;
    }
    r->on_truck = r->initial + ni;
    r->delivered = r->initial + 2 * ni;
    double *p = r->stock_mem;
    int *q = r->slot_mem;
    for (size_t f = 0; f < nf; f++) {
        r->fac[f].stock = p;
        r->fac[f].reserved = p + ni;
        r->fac[f].truck_free = p + 2 * ni;
        r->fac[f].slot_owner = q;
        p += 2 * ni + (size_t)d->facilities[f].trucks;
        q += d->facilities[f].trucks;
    }
    return r;
}

void rep_free(struct rep *r)
{
    if (!r)
        return;
    for (int s = 0; s < STREAMS; s++)
        if (r->rng[s])
            gsl_rng_free(r->rng[s]);
    for (int f = 0; r->fac && f < r->d->n_facilities; f++) {
        free(r->fac[f].truck_q.v);
        free(r->fac[f].bay_q.v);
    }
    for (int s = 0; s < r->cap_ship; s++)
        free(r->ship[s].route);
    cal_free(r->cal);
    for (int k = 0; k < r->n_trees; k++)
        net_search_free(r->tree[k]);
    free(r->road_min);
    free(r->changes);
    free(r->change_next);
    free(r->change_first);
    free(r->fac);
    free(r->fac_dist);
    free(r->fac_skip);
    free(r->stock_mem);
    free(r->slot_mem);
    free(r->req);
    free(r->need_mem);
    free(r->site);
    free(r->ev_first);
    free(r->ship);
    free(r->load_mem);
    free(r->waiting);
    free(r->initial);
    free(r);
}

/* ---- requests and arrivals ---------------------------------------------- */

/* A new request to node; its need row is zeroed.  Returns its id or -1. */
static int req_new(struct rep *r, int site, int dest_fac, int node)
{
    int n = r->n_req, nc = r->need_cap;
    if (model_grow(&r->req, &r->cap_req, n + 1, sizeof *r->req) < 0
        || model_grow(&r->need_mem, &nc, (n + 1) * r->d->n_items, sizeof *r->need_mem) < 0) {
        r->failed = 1;
        return -1;
    }
    r->need_cap = nc;
    r->req[n] = (struct request){ site, dest_fac, node, INFINITY, 0, 0 };
    memset(req_need(r, n), 0, (size_t)r->d->n_items * sizeof(double));
    r->n_req++;
    return n;
}

/* Order-up-to: a store below a reorder level asks for its initial stock back. */
static void reorder(struct rep *r, int f)
{
    const struct def *d = r->d;
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
    const struct def *d = r->d;
    struct request *q = &r->req[site];
    double *need = req_need(r, site);
    q->reported = r->now;
    for (int i = 0; i < d->n_items; i++)
        q->open |= need[i] > 0;
    dispatch(r, site);
}

void ship_arrived(struct rep *r, int s)
{
    const struct def *d = r->d;
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
        if (!isfinite(st->first_arrival)) {
            st->first_arrival = r->now;
            st->first_ship = s;           /* the one that arrived first */
        }
        st->delivered += units;
        if (st->delivered >= st->demand && !isfinite(st->fill))
            st->fill = r->now;
    } else {
        if (!q->open && q->in_flight == 0) {
            r->fac[q->dest_fac].replenish = -1;
            on_stock_change(r, q->dest_fac);   /* loads since the order may call for more */
        }
        rep_schedule(r, r->now, EV_RETRY, 0, 0);
    }
    double back = travel_minutes(r, sh->dest, d->facilities[sh->src].node);
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

static void handle(struct rep *r, const struct event *e)
{
    switch (e->type) {
    case EV_ROAD:    travel_road_event(r, e->a); break;
    case EV_REQUEST: site_request(r, e->a); break;
    case EV_READY:   serve_trucks(r, e->a); break;
    case EV_LOADED:
        r->ship[e->a].t_loaded = r->now;
        r->fac[r->ship[e->a].src].bays_busy--;
        serve_bays(r, r->ship[e->a].src);
        travel_start(r, e->a);
        break;
    case EV_NODE:    travel_step(r, e->a); break;
    case EV_HOME:    truck_home(r, e->a); break;
    case EV_REORDER: reorder(r, e->a); break;
    case EV_RETRY:   retry_open(r); break;
    case EV_WAVE:    wave_request(r, e->a); break;
    case EV_CREWS_OUT:  crews_out(r); break;
    case EV_CREWS_BACK: crews_back(r); break;
    case EV_RESUME:  travel_resume(r); break;
    }
}

/* ---- one replication ---------------------------------------------------- */
/* Draws every site's occurrence, reporting delay and displaced people from
 * the demand stream, in site order: the same for any fleet or policy. */
static int reset_sites(struct rep *r, int active)
{
    const struct def *d = r->d;
    gsl_rng *g = r->rng[STREAM_DEMAND];
    for (int s = 0; s < d->n_sites; s++) {
        const struct site *x = &d->sites[s];
        struct site_state *st = &r->site[s];
        double occ = rng_draw(g, x->occur_min), rep = rng_draw(g, x->report_min);
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
    const struct def *d = r->d;
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

/* This replication's system-wide effects, from the hazard stream (after the
 * road damage, always the same number of draws). */
static void reset_effects(struct rep *r)
{
    const struct def *d = r->d;
    gsl_rng *g = r->rng[STREAM_HAZARD];
    const struct effect *ef[3] = { &d->crews_out, &d->slow_loading, &d->checkpoints };
    double from[3], until[3], value[3];
    for (int k = 0; k < 3; k++) {
        value[k] = rng_draw(g, ef[k]->value);
        from[k] = rng_draw(g, ef[k]->from_min);
        until[k] = ef[k]->on ? from[k] + rng_draw(g, ef[k]->duration_min) : -INFINITY;
    }
    r->crews_share = value[0];
    r->crews_until = until[0];
    r->load_factor = value[1];
    r->load_from = from[1];
    r->load_until = until[1];
    r->check_from = from[2];
    r->check_until = until[2];
    if (d->crews_out.on) {
        rep_schedule(r, from[0], EV_CREWS_OUT, 0, 0);
        if (isfinite(until[0]))
            rep_schedule(r, until[0], EV_CREWS_BACK, 0, 0);
    }
}

static int reset(struct rep *r, long index, struct rep_result *res, int active)
{
    const struct def *d = r->d;
    r->index = index;
    r->res = res;
    r->now = 0;
    r->failed = 0;
    r->n_req = r->n_ship = r->n_waiting = 0;
    r->road_ver++;                  /* trees of the last replication are stale */
    r->resume_at = -1;
    cal_reset(r->cal);
    for (int s = 0; s < STREAMS; s++)
        gsl_rng_set(r->rng[s], rng_stream_seed(d->run.seed, index, (enum stream)s));
    reset_stores(r);
    /* road events first, so that a change at t also holds for what happens at t */
    if (travel_realise_damage(r) < 0)
        return -1;
    if (d->run.alarm == ALARM_ONSET)
        for (int f = 0; f < d->n_facilities; f++)
            fac_alarm(r, f);
    reset_effects(r);
    if (reset_sites(r, active) < 0 || reset_waves(r, active) < 0)
        return -1;
    return r->failed ? -1 : 0;
}

/* Checks initial = stores + trucks + delivered for every item. */
static int conserved(const struct rep *r, char *err, size_t errlen)
{
    const struct def *d = r->d;
    for (int i = 0; i < d->n_items; i++) {
        double stores = 0;
        for (int f = 0; f < d->n_facilities; f++)
            stores += r->fac[f].stock[i];
        double sum = stores + r->on_truck[i] + r->delivered[i];
        if (fabs(sum - r->initial[i]) > 1e-6 * (1.0 + r->initial[i])) {
            snprintf(err, errlen, "replication %ld, t = %.1f min: stock of %s not conserved: "
                     "initial %.0f, but stores %.0f + on trucks %.0f + delivered %.0f = %.0f",
                     r->index, r->now, d->items[i].id, r->initial[i], stores, r->on_truck[i],
                     r->delivered[i], sum);
            return 0;
        }
    }
    return 1;
}

/* One run of the event loop to the horizon, with every site or only `active`. */
static int run_once(struct rep *r, long index, int trace, int active, struct rep_result *res,
                    char *err, size_t errlen)
{
    const double horizon = r->d->run.horizon_min;
    struct event e;
    int sample = 0;
    if (reset(r, index, res, active) < 0)
        goto oom;
    while (cal_peek_time(r->cal) <= horizon && cal_pop(r->cal, &e) == 0) {
        sample_until(r, e.time, &sample);
        r->now = e.time;
        res->events++;
        handle(r, &e);
        if (r->failed)
            goto oom;
#ifdef SUPPLYSIM_PARANOID
        if (!conserved(r, err, errlen))
            return -1;
#endif
    }
    sample_until(r, INFINITY, &sample);
    r->now = horizon;
    if (!conserved(r, err, errlen))
        return -1;
    finish(r, res, trace, active);
    if (r->failed)
        goto oom;
    return 0;
oom:
    snprintf(err, errlen, "replication %ld: out of memory", index);
    return -1;
}

/* With run.each_site, every site has the disaster alone, in turn, with the
 * same draws (each run restarts the replication's streams): the structural
 * coverage check, free of competition for trucks and stock.  Counts
 * (shipments, events, bay waits, truck-minutes) add up over the runs;
 * resources over time are their mean. */
int rep_run(struct rep *r, long index, int trace, struct rep_result *res,
            char *err, size_t errlen)
{
    clear_result(res, r->d);
    if (!r->d->run.each_site)
        return run_once(r, index, trace, -1, res, err, errlen);
    for (int s = 0; s < r->d->n_sites; s++)
        if (run_once(r, index, trace, s, res, err, errlen) < 0)
            return -1;
    for (int k = 0; k < res->n_samples; k++) {    /* resources: the mean of the runs */
        res->trucks_out[k] /= r->d->n_sites;
        res->central_queue[k] /= r->d->n_sites;
    }
    return 0;
}
