/*
 * model.c -- one replication of the supply system as a discrete-event
 * simulation: the shared model (built once, read by every thread), a
 * replication's state, its reset from the random streams, the event loop and
 * the conservation check.  The loop only pops events and hands each to the
 * module that owns its type (travel, facility, demand); it knows no event's
 * meaning.  Dependencies run one way:
 *     model.c -> demand -> dispatch -> facility -> travel -> roadinfo -> routes -> state.h
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
#include "engine/landmarks.h"
#include "engine/stop.h"
#include "model/coverage.h"
#include "model/demand.h"
#include "model/facility.h"
#include "model/freeflow.h"
#include "model/outcome.h"
#include "model/roadinfo.h"
#include "model/routes.h"
#include "model/travel.h"
#include "model/vehicle.h"

/* Who handles the events of each module (state.h: EV_MODULE). */
typedef void (*event_handler)(struct rep *r, const struct event *e);
static const event_handler handlers[MODULES] = {
    [MOD_TRAVEL] = travel_handle,
    [MOD_FACILITY] = facility_handle,
    [MOD_DEMAND] = demand_handle,
};

/* ---- the shared model --------------------------------------------------- */

/* Landmarks for the lower bound on minutes (engine/landmarks.h): k + 1 full
 * searches at set-up, 8 k bytes per node (on a million-node grid 4 instead of
 * 8 saved 1.4 s of set-up and cost more than that in A* searches). */
#define LANDMARKS 8
#define LANDMARK_NODES 2000      /* on a smaller network the straight-line bound serves */

/* The landmarks: from the store when it has them for this very network
 * (net_landmarks_key: its nodes, roads and their free-flow minutes, so a
 * scenario's villages and a change of speeds count), else made and handed
 * to the store to keep (if it keeps).  The million-node grid's take 1.2 s to make and
 * some 0.07 s to read back from the cache beside its folder.  They are the
 * same doubles either way, so nothing a run gives depends on which. */
static int set_landmarks(struct model *m, const struct landmark_store *store)
{
    size_t size = (size_t)net_n_nodes(m->net) * LANDMARKS * sizeof(double);
    int kept = store && store->load;
    uint64_t key = kept ? net_landmarks_key(m->net, LANDMARKS) : 0;
    double *mark = kept ? store->load(store->ctx, key, size) : NULL;
    for (size_t i = 0; mark && i < size / sizeof *mark; i++)
        if (!(mark[i] >= 0)) {            /* minutes, or INFINITY: what else came is no cache */
            free(mark);
            mark = NULL;
        }
    if (mark) {
        net_attach_landmarks(m->net, LANDMARKS, mark);
        return 0;
    }
    if (net_set_landmarks(m->net, LANDMARKS) < 0)
        return -1;
    if (kept && store->keep && net_n_landmarks(m->net) == LANDMARKS)
        store->keep(store->ctx, key, net_landmark_table(m->net), size);
    return 0;
}

/* Which township each node is in, for checkpoints: a seat's own (the first
 * township it is the seat of), a site's village its township's, any other
 * node the nearest seat's (the first township among equally near ones).
 * O(V) nearest-seat walks, each a few cells: 0.65 s on a million-node grid,
 * so it is made only for a scenario with checkpoints, the one user. */
static int fill_node_township(struct model *m)
{
    const struct definition *d = m->d;
    size_t nt = (size_t)d->n_townships + 1;
    double *lon = malloc(nt * sizeof *lon), *lat = malloc(nt * sizeof *lat);
    struct spatial *seats = NULL;
    int rc = -1;
    m->node_township = malloc((size_t)(d->n_nodes + 1) * sizeof *m->node_township);
    if (!lon || !lat || !m->node_township)
        goto done;
    for (int t = 0; t < d->n_townships; t++) {
        lon[t] = d->nodes[d->townships[t].node].lon;
        lat[t] = d->nodes[d->townships[t].node].lat;
    }
    if (!(seats = spatial_create(d->n_townships, lon, lat)))
        goto done;
    for (int v = 0; v < d->n_nodes; v++)
        m->node_township[v] = -1;
    for (int t = d->n_townships - 1; t >= 0; t--)
        m->node_township[d->townships[t].node] = t;
    for (int v = 0; v < d->n_nodes; v++)
        if (m->node_township[v] < 0)
            m->node_township[v] = spatial_nearest(seats, d->nodes[v].lon, d->nodes[v].lat);
    for (int s = 0; s < d->n_sites; s++)
        m->node_township[d->sites[s].node] = d->sites[s].township;
    rc = 0;
done:
    spatial_free(seats);
    free(lon);
    free(lat);
    return rc;
}

static int find_part(int *parent, int v)
{
    while (parent[v] != v)
        v = parent[v] = parent[parent[v]];
    return v;
}

/* The network's connected parts at free flow (union-find over the roads but
 * those closed throughout the run), and which parts hold a store with a
 * fleet: a node in a part without one cannot be reached at all.  O(E). */
static int fill_parts(struct model *m)
{
    const struct definition *d = m->d;
    m->comp = malloc(((size_t)d->n_nodes + 1) * sizeof *m->comp);
    m->comp_fleet = calloc((size_t)d->n_nodes + 1, 1);
    if (!m->comp || !m->comp_fleet)
        return -1;
    for (int v = 0; v < d->n_nodes; v++)
        m->comp[v] = v;
    for (int r = 0; r < d->n_roads; r++) {
        if (d->road_closed && d->road_closed[r])
            continue;
        int a = find_part(m->comp, d->roads[r].from), b = find_part(m->comp, d->roads[r].to);
        if (a != b)
            m->comp[a < b ? b : a] = a < b ? a : b;
    }
    for (int v = 0; v < d->n_nodes; v++)
        m->comp[v] = find_part(m->comp, v);
    for (int f = 0; f < d->n_facilities; f++)
        if (d->facilities[f].trucks > 0)
            m->comp_fleet[m->comp[d->facilities[f].node]] = 1;
    return 0;
}

/* What dispatch uses to find stores near a request: their positions in a
 * grid, each township's points, and the least loading of a full truck. */
static int fill_stores(struct model *m)
{
    const struct definition *d = m->d;
    size_t nf = (size_t)d->n_facilities + 1, nt = (size_t)d->n_townships + 2;
    m->fac_lon = malloc(nf * sizeof *m->fac_lon);
    m->fac_lat = malloc(nf * sizeof *m->fac_lat);
    m->town_first = calloc(nt, sizeof *m->town_first);
    m->town_point = malloc(nf * sizeof *m->town_point);
    if (!m->fac_lon || !m->fac_lat || !m->town_first || !m->town_point)
        return -1;
    m->load_floor = INFINITY;
    for (int f = 0; f < d->n_facilities; f++) {
        const struct facility *x = &d->facilities[f];
        m->fac_lon[f] = d->nodes[x->node].lon;
        m->fac_lat[f] = d->nodes[x->node].lat;
        if (x->trucks > x->extra_trucks)
            m->load_floor = fmin(m->load_floor, x->load_setup_min + x->load_min_per_t
                                 * d->truck_types[x->truck_type].capacity_t);
        if (x->extra_trucks > 0)               /* a second fleet's (vehicle.h) */
            m->load_floor = fmin(m->load_floor, x->load_setup_min + x->load_min_per_t
                                 * d->truck_types[x->extra_type].capacity_t);
        if (x->kind == FAC_TOWNSHIP && x->township >= 0)
            m->town_first[x->township + 1]++;
    }
    if (!isfinite(m->load_floor))
        m->load_floor = 0;
    for (int t = 0; t < d->n_townships; t++)
        m->town_first[t + 1] += m->town_first[t];
    for (int f = 0, *fill = m->town_first; f < d->n_facilities; f++) {
        const struct facility *x = &d->facilities[f];
        if (x->kind == FAC_TOWNSHIP && x->township >= 0)
            m->town_point[fill[x->township]++] = f;
    }
    for (int t = d->n_townships; t > 0; t--)       /* the fill moved each start up one */
        m->town_first[t] = m->town_first[t - 1];
    m->town_first[0] = 0;
    m->stores = spatial_create(d->n_facilities, m->fac_lon, m->fac_lat);
    return m->stores ? 0 : -1;
}

struct model *model_create(const struct definition *d)
{
    return model_create_kept(d, NULL);
}

struct model *model_create_kept(const struct definition *d, const struct landmark_store *store)
{
    struct model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->d = d;
    m->net = coverage_network(d);
    if (m->net && d->n_nodes >= LANDMARK_NODES && set_landmarks(m, store) < 0)
        goto fail;
    m->reorders = calloc((size_t)d->n_facilities + 1, 1);
    if (!m->net || !m->reorders || (d->checkpoints.on && fill_node_township(m) < 0)
        || fill_parts(m) < 0 || vehicle_model(m) < 0 || fill_stores(m) < 0)
        goto fail;
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
    free(m->node_township);
    free(m->reorders);
    free(m->comp);
    free(m->comp_fleet);
    spatial_free(m->stores);
    free(m->fac_lon);
    free(m->fac_lat);
    free(m->town_first);
    free(m->town_point);
    vehicle_model_free(m);
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
    r->routes = routes_create(m, ROUTES_BYTES);   /* every profile's and view's searches */
    r->freeflow = freeflow_create(m);
    r->road_min = malloc((size_t)(d->n_roads + 1) * sizeof *r->road_min);
    r->change_first = malloc((size_t)(d->n_roads + 1) * sizeof *r->change_first);
    r->fac = calloc(nf + 1, sizeof *r->fac);
    r->fac_dist = calloc(2 * nf + 1, sizeof *r->fac_dist);     /* both fleets */
    r->fac_seen = calloc(nf + 1, sizeof *r->fac_seen);
    r->bound_heap = malloc((nf + 1) * sizeof *r->bound_heap);
    r->key_heap = malloc((nf + 1) * sizeof *r->key_heap);
    r->stock_mem = calloc(2 * nf * ni + trucks + 1, sizeof *r->stock_mem);
    r->slot_mem = calloc(trucks + 1, sizeof *r->slot_mem);
    r->site = calloc((size_t)d->n_sites + 1, sizeof *r->site);
    r->ev_first = calloc((size_t)d->n_sites + 1, sizeof *r->ev_first);
    r->initial = calloc(3 * ni + 1, sizeof *r->initial);
    int ok = r->cal && r->routes && r->freeflow && r->road_min && r->change_first && r->fac && r->stock_mem
          && r->fac_dist && r->fac_seen && r->bound_heap && r->key_heap && r->slot_mem
          && r->site && r->ev_first && r->initial;
    for (int i = 0; ok && i < d->n_roads; i++)
        r->road_min[i] = net_free_minutes(m->net, i);   /* what the searches start from */
    ok = ok && vehicle_rep_create(r) == 0 && info_create(r) == 0;
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
        fifo_free(&r->fac[f].extra_q);
    }
    for (int s = 0; s < r->cap_ship; s++)
        free(r->ship[s].route);
    cal_free(r->cal);
    info_free(r);
    routes_free(r->routes);
    freeflow_free(r->freeflow);
    free(r->road_min);
    vehicle_rep_free(r);
    free(r->changes);
    free(r->change_next);
    free(r->change_rule);
    free(r->change_first);
    free(r->fac);
    free(r->fac_dist);
    free(r->fac_seen);
    free(r->bound_heap);
    free(r->key_heap);
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
    r->resume_at = -1;
    cal_reset(r->cal);
    for (int s = 0; s < STREAMS; s++)
        gsl_rng_set(r->rng[s], rng_stream_seed(d->run.seed, index, (enum stream)s));
    reset_stores(r);
    /* road events first, so that a change at t also holds for what happens at t */
    if (travel_realise_damage(r) < 0)
        return -1;
    demand_warning(r);                /* a warning's alarms come before onset's */
    if (d->run.alarm == ALARM_ONSET)
        for (int f = 0; f < d->n_facilities; f++)
            fac_alarm(r, f);
    reset_effects(r);
    if (info_realise(r) < 0)          /* its draws after every other of the hazard stream */
        return -1;
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

/* A signal to stop (engine/stop.h) is looked at every STOP_EVERY events as
 * well as between replications: on a large network one replication runs
 * for seconds (a million nodes: 320,000 events in 5 s).  An atomic load per
 * 4,096 events costs nothing measurable. */
#define STOP_EVERY 4096

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
        if (res->events % STOP_EVERY == 0 && stop_requested()) {
            snprintf(err, errlen, "interrupted");
            return -1;
        }
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
