/*
 * outcome.c -- what a replication leaves behind (struct rep_result): each
 * site's response and fill times, where the time of its first shipment went
 * (the causes add up exactly to the response, or to the horizon for a site
 * never reached), the shipments traced, resources sampled over time.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "engine/lang.h"
#include "model/outcome.h"

const char *cause_id(enum cause c)
{
    static const char *const n[CAUSES] = { "report", "stock", "mobilise", "truck", "bay", "load",
                                           "travel", "road", "unreachable", "detour", "wait",
                                           "slowed" };
    return (c >= 0 && c < CAUSES) ? n[c] : "?";
}

/* Words for the causes live in the language table, in this order. */
_Static_assert(T_CAUSE_SLOWED - T_CAUSE_REPORT + 1 == CAUSES, "one text per cause, in order");

int result_init(struct rep_result *res, const struct definition *d)
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

int result_copy(struct rep_result *to, const struct rep_result *from, const struct definition *d)
{
    size_t ns = (size_t)d->n_sites, nfi = (size_t)d->n_facilities * (size_t)d->n_items;
    int cap = to->cap_trace;
    if (from->n_trace && grow_array(&to->trace, &cap, from->n_trace, sizeof *to->trace) < 0)
        return -1;
    to->cap_trace = cap;
    memcpy(to->occur, from->occur, ns * sizeof *to->occur);
    memcpy(to->response, from->response, ns * sizeof *to->response);
    memcpy(to->fill, from->fill, ns * sizeof *to->fill);
    memcpy(to->people, from->people, ns * sizeof *to->people);
    memcpy(to->cause, from->cause, ns * CAUSES * sizeof *to->cause);
    memcpy(to->stockout, from->stockout, nfi);
    memcpy(to->trucks_out, from->trucks_out, (size_t)from->n_samples * sizeof *to->trucks_out);
    memcpy(to->central_queue, from->central_queue,
           (size_t)from->n_samples * sizeof *to->central_queue);
    if (from->n_trace)
        memcpy(to->trace, from->trace, (size_t)from->n_trace * sizeof *to->trace);
    to->n_trace = from->n_trace;
    to->demand_units = from->demand_units, to->unmet_units = from->unmet_units;
    to->bay_wait_sum = from->bay_wait_sum, to->bay_waits = from->bay_waits;
    to->truck_busy_min = from->truck_busy_min, to->truck_min = from->truck_min;
    to->events = from->events, to->shipments = from->shipments;
    return 0;
}

int result_on_time(const struct rep_result *res, const struct definition *d)
{
    int on = 0;
    for (int k = 0; k < d->n_sites; k++)
        on += res->response[k] <= d->run.promise_min;
    return on;
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

/* No store with a fleet has any road to node, even at free flow: none stands
 * in node's connected part of the network (roads closed throughout left
 * out). */
static int cut_off(const struct rep *r, int node)
{
    return !r->m->comp_fleet[r->m->comp[node]];
}

/* The road delays of shipment sh (c[CAUSE_ROAD], of moving minutes on the
 * road) in their parts, each at most what is left of them (a road's minutes
 * are its mean: the trip may have been quicker): waiting for water first,
 * then detours and turn-backs (news: standing while an unknown way was open),
 * the rest slowed roads and checkpoints. */
static void road_parts(const struct shipment *sh, double h, double wait, double detour, double *c)
{
    double news = sh->news_wait + (sh->waiting && isfinite(sh->open_since) ? h - sh->open_since : 0);
    c[CAUSE_WAIT] = fmin(fmax(0, wait - news), c[CAUSE_ROAD]);
    c[CAUSE_DETOUR] = fmin(detour + news, c[CAUSE_ROAD] - c[CAUSE_WAIT]);
    c[CAUSE_SLOWED] = c[CAUSE_ROAD] - c[CAUSE_WAIT] - c[CAUSE_DETOUR];
}

/* Where the time went between the disaster and the site's first shipment. */
static void compose(const struct rep *r, int site, double *c)
{
    const struct site_state *st = &r->site[site];
    const struct request *q = &r->req[site];
    double h = r->d->run.horizon_min;
    for (int k = 0; k < CAUSES; k++)
        c[k] = 0;
    double occ = st->occur;
    c[CAUSE_REPORT] = span(occ, q->reported, h);
    if (cut_off(r, r->d->sites[site].node) && !isfinite(st->first_arrival)) {
        c[CAUSE_UNREACHABLE] = span(q->reported, INFINITY, h);   /* no store can reach it */
        return;
    }
    if (st->first_ship < 0) {       /* nothing shipped: no stock */
        c[CAUSE_STOCK] = span(q->reported, INFINITY, h);
        return;
    }
    /* Stock sent ahead on a warning left before the disaster struck: only
     * what its journey took after the occurrence counts (every phase cut
     * there; for any other shipment every time is past it already). */
    const struct shipment *sh = &r->ship[st->first_ship];
    double order = fmax(sh->t_order, occ), ready = fmax(sh->t_ready, occ);
    double truck = fmax(sh->t_truck, occ), bay = fmax(sh->t_bay, occ);
    double loaded = fmax(sh->t_loaded, occ);
    double go = fmax(order, fmin(ready, truck));
    c[CAUSE_REPORT] = span(occ, fmin(q->reported, order), h);
    c[CAUSE_STOCK] = span(q->reported, order, h);
    c[CAUSE_MOBILISE] = span(order, fmin(fmax(ready, order), truck), h);
    c[CAUSE_TRUCK] = isfinite(sh->t_ready) ? span(go, truck, h) : 0;
    c[CAUSE_BAY] = span(truck, bay, h);
    c[CAUSE_LOAD] = span(bay, loaded, h);
    double wait = sh->road_wait + (sh->waiting ? h - sh->wait_since : 0);
    double detour = fmax(0, sh->driven_free - sh->best_free);
    double road = wait + detour + sh->slow_extra;
    double moving = span(loaded, sh->t_arrive, h);
    c[CAUSE_ROAD] = fmin(road, moving);
    c[CAUSE_TRAVEL] = moving - c[CAUSE_ROAD];
    road_parts(sh, h, wait, detour, c);
}

static void trace_all(struct rep *r, struct rep_result *res)
{
    int cap = res->cap_trace, base = res->n_trace;
    if (grow_array(&res->trace, &cap, base + r->n_ship, sizeof *res->trace) < 0) {
        r->failed = 1;
        return;
    }
    res->cap_trace = cap;
    for (int s = 0; s < r->n_ship; s++) {
        const struct shipment *sh = &r->ship[s];
        const struct request *q = &r->req[sh->req];
        res->trace[base + s] = (struct trace_row){ base + s, sh->src, q->site, q->dest_fac, sh->t_order,
            sh->t_loaded, sh->t_arrive, sh->tonnes, sh->m3 };
    }
    res->n_trace = base + r->n_ship;
}

/* Adds this run's results into res; only the active site's (all when -1). */
void finish(struct rep *r, struct rep_result *res, int trace, int active)
{
    const struct definition *d = r->d;
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
        res->unmet_units += fmax(0, st->demand - st->delivered);   /* sent ahead: may be more */
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
 * state after the last event before t, the same for all of them.  O(F) per
 * call that records any, O(1) per sample. */
void sample_until(struct rep *r, double t, int *next)
{
    const struct definition *d = r->d;
    struct rep_result *res = r->res;
    if (*next >= res->n_samples || !(*next * SAMPLE_MIN < t))
        return;
    int out = 0, queue = 0;
    for (int f = 0; f < d->n_facilities; f++) {
        out += d->facilities[f].trucks - r->fac[f].trucks_idle;
        if (d->facilities[f].kind == FAC_CENTRAL)
            queue += r->fac[f].bay_q.n;
    }
    for (; *next < res->n_samples && *next * SAMPLE_MIN < t; (*next)++) {
        res->trucks_out[*next] += out;     /* summed over the runs of each_site */
        res->central_queue[*next] += queue;
    }
}

void clear_result(struct rep_result *res, const struct definition *d)
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
