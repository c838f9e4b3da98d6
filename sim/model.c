/*
 * model.c -- one replication of the supply system as a discrete-event
 * simulation: the event loop, the stores (stock, crews, bays, trucks), the
 * arrival of shipments and what a replication leaves behind.
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
#include "model_int.h"

const char *cause_id(enum cause c)
{
    static const char *const n[CAUSES] = { "report", "stock", "mobilise", "truck", "bay", "load",
                                           "travel", "road" };
    return (c >= 0 && c < CAUSES) ? n[c] : "?";
}

const char *cause_name(enum cause c)
{
    static const char *const n[CAUSES] = { "reporting", "stock-out", "mobilisation",
        "truck wait", "bay queue", "loading", "travel", "road delays" };
    return (c >= 0 && c < CAUSES) ? n[c] : "?";
}

/* ---- results ------------------------------------------------------------ */

int result_init(struct rep_result *res, const struct def *d)
{
    size_t ns = (size_t)(d->n_sites ? d->n_sites : 1);
    memset(res, 0, sizeof *res);
    res->occur = calloc(ns, sizeof *res->occur);
    res->response = calloc(ns, sizeof *res->response);
    res->fill = calloc(ns, sizeof *res->fill);
    res->people = calloc(ns, sizeof *res->people);
    res->cause = calloc(ns * CAUSES, sizeof *res->cause);
    res->stockout = calloc((size_t)d->n_facilities * (size_t)d->n_items + 1, 1);
    res->n_samples = (int)floor(d->run.horizon_min / SAMPLE_MIN) + 1;
    res->trucks_out = calloc((size_t)res->n_samples, sizeof *res->trucks_out);
    res->central_queue = calloc((size_t)res->n_samples, sizeof *res->central_queue);
    if (res->occur && res->response && res->fill && res->people && res->cause && res->stockout
        && res->trucks_out && res->central_queue)
        return 0;
    result_free(res);
    return -1;
}

void result_free(struct rep_result *res)
{
    free(res->occur);
    free(res->response);
    free(res->fill);
    free(res->people);
    free(res->cause);
    free(res->stockout);
    free(res->trace);
    free(res->trucks_out);
    free(res->central_queue);
    memset(res, 0, sizeof *res);
}

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
    struct net_road *roads = malloc((size_t)(d->n_roads + 1) * sizeof *roads);
    if (!m || !roads)
        goto fail;
    m->d = d;
    for (int i = 0; i < d->n_roads; i++)
        roads[i] = (struct net_road){ d->roads[i].from, d->roads[i].to, def_road_minutes(d, i) };
    m->net = net_create(d->n_nodes, d->n_roads, roads);
    m->free_from = malloc((size_t)(d->n_facilities + 1) * (size_t)d->n_nodes * sizeof(double));
    m->node_township = malloc((size_t)(d->n_nodes + 1) * sizeof *m->node_township);
    if (!m->net || !m->free_from || !m->node_township || fill_free_from(m) < 0)
        goto fail;
    fill_node_township(m);
    free(roads);
    return m;
fail:
    free(roads);
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
    free(m);
}

/* ---- small helpers ------------------------------------------------------ */

/* Makes room for n elements of size in *p (capacity *cap); 0 or -1. */
static int grow(void *pp, int *cap, int n, size_t size)
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

static int fifo_pop(struct fifo *q)
{
    int v = q->v[q->head];
    q->head = (q->head + 1) % q->cap;
    q->n--;
    return v;
}

static void schedule(struct rep *r, double t, int type, int a, int b)
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
    r->site = calloc((size_t)d->n_sites + 1, sizeof *r->site);
    r->ev_first = calloc((size_t)d->n_sites + 1, sizeof *r->ev_first);
    r->initial = calloc(3 * ni + 1, sizeof *r->initial);
    int ok = r->cal && trees_ok && r->road_min && r->change_first && r->fac && r->stock_mem
          && r->fac_dist && r->fac_skip
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
    for (size_t f = 0; f < nf; f++) {
        r->fac[f].stock = p;
        r->fac[f].reserved = p + ni;
        r->fac[f].truck_free = p + 2 * ni;
        p += 2 * ni + (size_t)d->facilities[f].trucks;
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

/* ---- stores: crews, trucks, bays ---------------------------------------- */

double mobilise_min(const struct rep *r, int f, double t)
{
    const struct def *d = r->d;
    double hour = fmod(d->run.onset_hour + t / 60.0, 24.0);
    int day = hour >= d->day_start_h && hour < d->night_start_h;
    const struct facility *x = &d->facilities[f];
    return (day ? x->mobilise_day_min : x->mobilise_night_min) + x->activation_min;
}

/* Crews are called out; for a supplier the activation lead time runs too. */
void fac_alarm(struct rep *r, int f)
{
    struct fac_state *fs = &r->fac[f];
    if (isfinite(fs->alarm_at))
        return;
    fs->alarm_at = r->now;
    fs->ready_at = r->now + mobilise_min(r, f, r->now);
    schedule(r, fs->ready_at, EV_READY, f, 0);
}

static void serve_bays(struct rep *r, int f)
{
    const struct def *d = r->d;
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
                 * rng_factor(r->rng[STREAM_SERVICE], d->run.load_cv);
        if (r->now >= r->load_from && r->now < r->load_until)
            t *= r->load_factor;           /* power out, crews short: slower loading */
        schedule(r, r->now + t, EV_LOADED, s, 0);
        on_stock_change(r, f);
    }
}

static void serve_trucks(struct rep *r, int f)
{
    struct fac_state *fs = &r->fac[f];
    while (r->now >= fs->ready_at && fs->trucks_idle > 0 && fs->truck_q.n > 0) {
        int s = fifo_pop(&fs->truck_q);
        fs->trucks_idle--;
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
    if (grow(&r->ship, &r->cap_ship, n + 1, sizeof *r->ship) < 0
        || grow(&r->load_mem, &lc, (n + 1) * r->d->n_items, sizeof *r->load_mem) < 0) {
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
        .node = r->d->facilities[src].node, .route = route, .route_cap = cap,
        .best_free = r->m->free_from[(size_t)src * (size_t)r->d->n_nodes
                                     + (size_t)r->req[req].node] };
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
    if (fifo_push(&r->fac[f].truck_q, s) < 0)
        r->failed = 1;
    serve_trucks(r, f);
}

/* Goods left store f: check its reorder levels (later, as an event, so that
 * dispatch never runs inside dispatch). */
void on_stock_change(struct rep *r, int f)
{
    if (r->d->facilities[f].kind != FAC_SUPPLIER && r->fac[f].replenish < 0)
        schedule(r, r->now, EV_REORDER, f, 0);
}

/* ---- requests and arrivals ---------------------------------------------- */

/* A new request to node; its need row is zeroed.  Returns its id or -1. */
static int req_new(struct rep *r, int site, int dest_fac, int node)
{
    int n = r->n_req, nc = r->need_cap;
    if (grow(&r->req, &r->cap_req, n + 1, sizeof *r->req) < 0
        || grow(&r->need_mem, &nc, (n + 1) * r->d->n_items, sizeof *r->need_mem) < 0) {
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
        if (!q->open && q->in_flight == 0)
            r->fac[q->dest_fac].replenish = -1;
        schedule(r, r->now, EV_RETRY, 0, 0);
    }
    double back = travel_minutes(r, sh->dest, d->facilities[sh->src].node);
    if (!isfinite(back))
        back = sh->best_free;       /* no way back now: assume it finds one in time */
    schedule(r, r->now + d->run.unload_min + back, EV_HOME, s, 0);
}

static void truck_home(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    sh->t_home = r->now;
    r->res->truck_busy_min += r->now - sh->t_truck;
    if (r->fac[sh->src].owed > 0)
        r->fac[sh->src].owed--;        /* its crew is among those out: the truck stands */
    else
        r->fac[sh->src].trucks_idle++;
    serve_trucks(r, sh->src);
}

/* A share of every fleet's crews drops out: idle trucks stand at once, the
 * rest as they come home. */
static void crews_out(struct rep *r)
{
    for (int f = 0; f < r->d->n_facilities; f++) {
        struct fac_state *fs = &r->fac[f];
        fs->absent = (int)floor(r->crews_share * r->d->facilities[f].trucks + 0.5);
        int now = fs->absent < fs->trucks_idle ? fs->absent : fs->trucks_idle;
        fs->trucks_idle -= now;
        fs->owed = fs->absent - now;
    }
}

static void crews_back(struct rep *r)
{
    for (int f = 0; f < r->d->n_facilities; f++) {
        struct fac_state *fs = &r->fac[f];
        fs->trucks_idle += fs->absent - fs->owed;
        fs->absent = fs->owed = 0;
        serve_trucks(r, f);
    }
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

static void reset_stores(struct rep *r)
{
    const struct def *d = r->d;
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
        for (int t = 0; t < x->trucks; t++)
            fs->truck_free[t] = 0;
        fs->trucks_idle = x->trucks;
        fs->bays_busy = 0;
        fs->alarm_at = fs->ready_at = INFINITY;
        fs->truck_q.n = fs->bay_q.n = 0;
        fs->truck_q.head = fs->bay_q.head = 0;
        fs->replenish = -1;
        fs->absent = fs->owed = 0;
    }
}

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
            schedule(r, occ + rep, EV_REQUEST, s, 0);
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
            schedule(r, t, EV_WAVE, q, 0);
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
    r->crews_from = from[0];
    r->crews_until = until[0];
    r->load_factor = value[1];
    r->load_from = from[1];
    r->load_until = until[1];
    r->check_from = from[2];
    r->check_until = until[2];
    if (d->crews_out.on) {
        schedule(r, from[0], EV_CREWS_OUT, 0, 0);
        if (isfinite(until[0]))
            schedule(r, until[0], EV_CREWS_BACK, 0, 0);
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

/* The minutes of a phase that began at a and ended at b (or is still going
 * on at the horizon h). */
static double span(double a, double b, double h)
{
    if (!isfinite(a) || a > h)
        return 0;
    double e = isfinite(b) && b < h ? b : h;
    return e > a ? e - a : 0;
}

/* Where the time went between the disaster and the site's first shipment. */
static void compose(const struct rep *r, int site, double *c)
{
    const struct site_state *st = &r->site[site];
    const struct request *q = &r->req[site];
    double h = r->d->run.horizon_min;
    for (int k = 0; k < CAUSES; k++)
        c[k] = 0;
    c[CAUSE_REPORT] = span(st->occur, q->reported, h);
    if (st->first_ship < 0) {                 /* nothing shipped: no stock reached it */
        c[CAUSE_STOCK] = span(q->reported, INFINITY, h);
        return;
    }
    const struct shipment *sh = &r->ship[st->first_ship];
    double go = fmax(sh->t_order, fmin(sh->t_ready, sh->t_truck));
    c[CAUSE_STOCK] = span(q->reported, sh->t_order, h);
    c[CAUSE_MOBILISE] = span(sh->t_order, fmin(fmax(sh->t_ready, sh->t_order), sh->t_truck), h);
    c[CAUSE_TRUCK] = isfinite(sh->t_ready) ? span(go, sh->t_truck, h) : 0;
    c[CAUSE_BAY] = span(sh->t_truck, sh->t_bay, h);
    c[CAUSE_LOAD] = span(sh->t_bay, sh->t_loaded, h);
    double road = sh->road_wait + (sh->waiting ? h - sh->wait_since : 0)
                + fmax(0, sh->driven_free - sh->best_free) + sh->slow_extra;
    double moving = span(sh->t_loaded, sh->t_arrive, h);
    c[CAUSE_ROAD] = fmin(road, moving);
    c[CAUSE_TRAVEL] = moving - c[CAUSE_ROAD];
}

static void trace_all(struct rep *r, struct rep_result *res)
{
    int cap = res->cap_trace, base = res->n_trace;
    if (grow(&res->trace, &cap, base + r->n_ship, sizeof *res->trace) < 0) {
        r->failed = 1;
        return;
    }
    res->cap_trace = cap;
    for (int s = 0; s < r->n_ship; s++) {
        const struct shipment *sh = &r->ship[s];
        const struct request *q = &r->req[sh->req];
        res->trace[base + s] = (struct trace_row){ s, sh->src, q->site, q->dest_fac, sh->t_order,
            sh->t_loaded, sh->t_arrive, sh->tonnes, sh->m3 };
    }
    res->n_trace = base + r->n_ship;
}

/* Adds this run's results into res; only the active site's (all when -1). */
static void finish(struct rep *r, struct rep_result *res, int trace, int active)
{
    const struct def *d = r->d;
    double h = d->run.horizon_min;
    for (int s = 0; s < d->n_sites; s++) {
        const struct site_state *st = &r->site[s];
        if (active >= 0 && s != active)
            continue;
        res->occur[s] = st->occur;
        res->people[s] = st->people;
        res->response[s] = isfinite(st->first_arrival) ? st->first_arrival - st->occur : INFINITY;
        res->fill[s] = isfinite(st->fill) ? st->fill - st->occur : INFINITY;
        res->demand_units += st->demand;
        res->unmet_units += st->demand - st->delivered;
        compose(r, s, &res->cause[(size_t)s * CAUSES]);
    }
    for (int f = 0; f < d->n_facilities; f++)
        res->truck_min += d->facilities[f].trucks * h;
    for (int s = 0; s < r->n_ship; s++) {
        const struct shipment *sh = &r->ship[s];
        if (isfinite(sh->t_bay)) {
            res->bay_wait_sum += sh->t_bay - sh->t_truck;
            res->bay_waits++;
        }
        if (isfinite(sh->t_truck) && !isfinite(sh->t_home))
            res->truck_busy_min += h - sh->t_truck;
    }
    res->shipments += r->n_ship;
    if (trace)
        trace_all(r, res);
}

/* Records the resources at every sample time before t: the state then is the
 * state after the last event before t.  O(F) per sample. */
static void sample_until(struct rep *r, double t, int *next)
{
    const struct def *d = r->d;
    struct rep_result *res = r->res;
    for (; *next < res->n_samples && *next * SAMPLE_MIN < t; (*next)++) {
        int out = 0, queue = 0;
        for (int f = 0; f < d->n_facilities; f++) {
            out += d->facilities[f].trucks - r->fac[f].trucks_idle;
            if (d->facilities[f].kind == FAC_CENTRAL)
                queue += r->fac[f].bay_q.n;
        }
        res->trucks_out[*next] += out;     /* summed over the runs of each_site */
        res->central_queue[*next] += queue;
    }
}

static void clear_result(struct rep_result *res, const struct def *d)
{
    res->events = 0;
    res->n_trace = res->shipments = 0;
    res->bay_wait_sum = res->truck_busy_min = res->truck_min = 0;
    res->demand_units = res->unmet_units = 0;
    res->bay_waits = 0;
    memset(res->stockout, 0, (size_t)d->n_facilities * (size_t)d->n_items);
    memset(res->trucks_out, 0, (size_t)res->n_samples * sizeof *res->trucks_out);
    memset(res->central_queue, 0, (size_t)res->n_samples * sizeof *res->central_queue);
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
 * coverage check, free of competition for trucks and stock. */
int rep_run(struct rep *r, long index, int trace, struct rep_result *res,
            char *err, size_t errlen)
{
    clear_result(res, r->d);
    if (!r->d->run.each_site)
        return run_once(r, index, trace, -1, res, err, errlen);
    for (int s = 0; s < r->d->n_sites; s++)
        if (run_once(r, index, trace, s, res, err, errlen) < 0)
            return -1;
    return 0;
}
