/*
 * model.c -- one replication of the supply system as a discrete-event
 * simulation: the shared model (built once, read by every thread), a
 * replication's state, its reset from the random streams, the event loop and
 * the conservation check.  The loop only pops events and hands each to the
 * module that owns its type (travel, facility, demand); it knows no event's
 * meaning.  Dependencies run one way:
 *     model.c -> demand -> dispatch -> facility -> travel -> state.h
 * with outcome beside them, and one upcall (a shipment arrived: travel ->
 * demand, through rep->arrived).
 *
 * Conservation of stock is the main invariant, per item:
 *     initial stock = units in stores + units on trucks + units delivered to sites
 * Promised (reserved) units stay in the store until a bay loads them; a
 * replenishment's units go from a truck back into a store.  rep_run checks
 * this at the end of every replication (and after every event in the test
 * build) and fails if it does not hold.
 *
 * A shipment's life: dispatch makes it and alarms its store -> it waits for
 * the crews (mobilisation) and a truck (truck queue) -> for a bay (bay
 * queue) -> loading -> travel -> arrival (demand) -> the truck drives home.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "engine/geo.h"
#include "model/coverage.h"
#include "model/demand.h"
#include "model/facility.h"
#include "model/outcome.h"
#include "model/travel.h"

/* Who handles the events of each module (state.h: EV_MODULE). */
typedef void (*event_handler)(struct rep *r, const struct event *e);
static const event_handler handlers[MODULES] = {
    [MOD_TRAVEL] = travel_handle,
    [MOD_FACILITY] = facility_handle,
    [MOD_DEMAND] = demand_handle,
};

/* ---- the shared model --------------------------------------------------- */

/* Free-flow minutes from every facility to every node: one search each,
 * O(F (V + E) log V) once; memory F x V doubles. */
static int fill_free_from(struct model *m)
{
    const struct definition *d = m->d;
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
    const struct definition *d = m->d;
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

struct model *model_create(const struct definition *d)
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

/* ---- replication state -------------------------------------------------- */

struct rep *rep_create(const struct model *m)
{
    const struct definition *d = m->d;
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
    r->arrived = demand_arrived;
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
        fifo_free(&r->fac[f].truck_q);
        fifo_free(&r->fac[f].bay_q);
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

/* ---- one replication ---------------------------------------------------- */
/* This replication's system-wide effects, from the hazard stream (after the
 * road damage, always the same number of draws). */
static void reset_effects(struct rep *r)
{
    const struct definition *d = r->d;
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
    const struct definition *d = r->d;
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
    if (demand_reset(r, active) < 0)
        return -1;
    return r->failed ? -1 : 0;
}

/* Checks initial = stores + trucks + delivered for every item. */
static int conserved(const struct rep *r, char *err, size_t errlen)
{
    const struct definition *d = r->d;
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
        handlers[EV_MODULE(e.type)](r, &e);
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
