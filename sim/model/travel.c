/*
 * travel.c -- the road network as it is during one replication, and trucks
 * moving on it.
 *
 * The hazard's road changes are drawn once per replication (hazard stream)
 * and applied by EV_ROAD events at their start and end; road_min[] always
 * holds each road's minutes now (INFINITY when closed).  A truck plans its
 * route on the network as it is when it leaves, drives road by road (one
 * EV_NODE event per road), and at every node checks the rest of its route:
 * if a road ahead has closed it re-plans from there, and if no route exists it
 * waits at that node until a road changes, the wait recorded as road delay.
 * Road delay = waits + the detour (free-flow minutes of the roads driven
 * beyond the free-flow shortest route) + the extra minutes of slowed roads.
 * Routes are read from the search kept from the destination (routes.c).
 * A vehicle that passes some hazard (vehicle.h) has minutes and routes of
 * its own: every road change is applied to each vehicle profile's minutes,
 * and a truck reads its own profile's.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/routes.h"
#include "model/travel.h"
#include "model/vehicle.h"

/* The road's minutes at r->now for vehicle profile p: when several changes
 * are in force the most severe wins (a closure beats a slow-down, whatever
 * the order of the rules), looking only at this road's changes; a vehicle
 * that passes a rule's cause keeps its own factor there (vehicle.c). */
static double road_now(const struct rep *r, int road, int p)
{
    double factor = vehicle_factor(r, road, p);
    return factor > 0 ? net_free_minutes(r->m->net, road) / factor : INFINITY;
}

/* A change by damage rule `rule` (-1: disaster.close). */
static int add_change(struct rep *r, int road, double from, double until, double factor, int rule)
{
    if (r->n_changes == r->cap_changes) {
        int cap = r->cap_changes ? 2 * r->cap_changes : 64;
        struct road_change *c = realloc(r->changes, (size_t)cap * sizeof *c);
        int *next = c ? realloc(r->change_next, (size_t)cap * sizeof *next) : NULL;
        int *by = next ? realloc(r->change_rule, (size_t)cap * sizeof *by) : NULL;
        if (c)
            r->changes = c;
        if (next)
            r->change_next = next;
        if (!by)
            return -1;
        r->change_rule = by;
        r->cap_changes = cap;
    }
    r->change_rule[r->n_changes] = rule;
    r->changes[r->n_changes++] = (struct road_change){ road, from, until, factor };
    return 0;
}

/* Links each road's changes in array order. */
static void link_changes(struct rep *r)
{
    int n_roads = r->d->n_roads;
    for (int i = 0; i < n_roads; i++)
        r->change_first[i] = -1;
    for (int c = r->n_changes - 1; c >= 0; c--) {
        int road = r->changes[c].road;
        r->change_next[c] = r->change_first[road];
        r->change_first[road] = c;
    }
}

/* Every rule draws the same number of values for every road it selects,
 * hit or not, protected or not, so the hazard stream stays aligned across
 * settings (variants of a study face the same disasters).  A protected road
 * ignores its draws; a closed road is closed from onset to the end. */
int travel_realise_damage(struct rep *r)
{
    const struct definition *d = r->d;
    gsl_rng *g = r->rng[STREAM_HAZARD];
    r->n_changes = 0;
    for (int k = 0; k < d->n_damage; k++) {
        const struct damage *dm = &d->damage[k];
        for (int j = 0; j < dm->n_roads; j++) {
            int road = dm->roads[j];
            double p = damage_chance(d, dm, road);
            double u = gsl_rng_uniform(g);
            double from = rng_draw(g, dm->from_min), dur = rng_draw(g, dm->duration_min);
            if (u < p && !(d->road_protected && d->road_protected[road])
                && add_change(r, road, from, from + dur, dm->factor, k) < 0)
                return -1;
        }
    }
    for (int i = 0; i < d->n_roads; i++)
        if (d->road_closed && d->road_closed[i] && add_change(r, i, 0.0, INFINITY, 0.0, -1) < 0)
            return -1;
    link_changes(r);
    for (int p = 0; p < r->m->n_profiles; p++)  /* back to free flow, the searches told */
        for (int i = 0; i < d->n_roads; i++)
            vehicle_set_min(r, p, i, net_free_minutes(r->m->net, i));
    for (int c = 0; c < r->n_changes; c++) {
        if (cal_schedule(r->cal, r->changes[c].from_min, EV_ROAD, c, 0) < 0)
            return -1;
        if (isfinite(r->changes[c].until_min)
            && cal_schedule(r->cal, r->changes[c].until_min, EV_ROAD, c, 0) < 0)
            return -1;
    }
    return 0;
}

static void go_on(struct rep *r, int s);

/* EV_ROAD: a change starts or ends; road_min (and each vehicle profile's
 * minutes) takes the road's minutes now and the kept searches are told
 * (routes.c keeps what stays right). */
static void road_event(struct rep *r, int change)
{
    int road = r->changes[change].road;
    for (int p = 0; p < r->m->n_profiles; p++)  /* each vehicle profile's (vehicle.h) */
        vehicle_set_min(r, p, road, road_now(r, road, p));
    if (r->n_waiting > 0 && r->resume_at != r->now) {
        r->resume_at = r->now;             /* after every road change of this instant */
        if (cal_schedule(r->cal, r->now, EV_RESUME, 0, 0) < 0)
            r->failed = 1;
    }
}

/* Everyone waiting for a road looks again, oldest first, and plans anew on
 * the network as it is now (as when leaving); whoever must still wait is
 * appended behind them and kept. */
static void resume(struct rep *r)
{
    int n = r->n_waiting;
    for (int i = 0; i < n; i++) {
        int s = r->waiting[i];
        struct shipment *sh = &r->ship[s];
        sh->road_wait += r->now - sh->wait_since;
        sh->waiting = 0;
        sh->route_len = sh->route_pos = 0;
        go_on(r, s);
    }
    if (r->n_waiting > n)
        memmove(r->waiting, r->waiting + n, (size_t)(r->n_waiting - n) * sizeof *r->waiting);
    r->n_waiting -= n;
}

double travel_minutes(struct rep *r, int from, int to)
{
    return routes_minutes(r, from, to);
}

static void wait_for_road(struct rep *r, int s)
{
    if (r->n_waiting == r->cap_waiting) {
        int cap = r->cap_waiting ? 2 * r->cap_waiting : 16;
        int *w = realloc(r->waiting, (size_t)cap * sizeof *w);
        if (!w) {
            r->failed = 1;
            return;
        }
        r->waiting = w;
        r->cap_waiting = cap;
    }
    r->waiting[r->n_waiting++] = s;
    r->ship[s].waiting = 1;
    r->ship[s].wait_since = r->now;
}

/* Plans the route from the truck's node: the route from its destination to
 * it, reversed (routes_way); 0, or -1 when there is none now. */
static int plan(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    int len;
    double m = vehicle_way(r, sh->prof, sh->dest, sh->node, &sh->route, &sh->route_cap, &len);
    if (!isfinite(m) || r->failed)
        return -1;
    for (int i = 0; i < len / 2; i++) {       /* dest -> node reversed: node -> dest */
        int x = sh->route[i];
        sh->route[i] = sh->route[len - 1 - i];
        sh->route[len - 1 - i] = x;
    }
    sh->route_len = len;
    sh->route_pos = 0;
    return 0;
}

static int route_open(const struct rep *r, const struct shipment *sh)
{
    const double *min = vehicle_road_min(r, sh->prof);
    for (int i = sh->route_pos; i < sh->route_len; i++)
        if (!isfinite(min[sh->route[i]]))
            return 0;
    return sh->route_pos < sh->route_len;
}

static int crosses(const struct rep *r, int road)
{
    const struct road *rd = &r->d->roads[road];
    return r->m->node_township[rd->from] != r->m->node_township[rd->to];
}

/* At a node: arrive, or drive the next road (re-planning if a road ahead
 * has closed), or wait for a road to reopen. */
static void go_on(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    if (sh->node == sh->dest) {
        r->arrived(r, s);            /* the one upcall: demand takes it from here */
        return;
    }
    if (!route_open(r, sh) && plan(r, s) < 0) {
        if (!r->failed)
            wait_for_road(r, s);
        return;
    }
    sh = &r->ship[s];
    int road = sh->route[sh->route_pos];
    const struct road_class_def *rc = &r->d->road_classes[r->d->roads[road].cls];
    double now = vehicle_road_min(r, sh->prof)[road];          /* its own vehicle's minutes */
    double t = now                      /* never faster than the class's top speed */
        * rng_factor_above(ship_rng(r, s, STREAM_TRAVEL), rc->cv, rc->speed_kmh / rc->top_speed_kmh);
    sh->driven_free += net_free_minutes(r->m->net, road);
    sh->slow_extra += now - net_free_minutes(r->m->net, road);   /* flooded, slowed */
    if (r->now >= r->check_from && r->now < r->check_until && crosses(r, road)) {
        double wait = rng_draw(ship_rng(r, s, STREAM_TRAVEL), r->d->checkpoints.value);
        t += wait;                         /* a checkpoint between townships */
        sh->slow_extra += wait;
    }
    if (cal_schedule(r->cal, r->now + t, EV_NODE, s, 0) < 0)
        r->failed = 1;
}

void travel_start(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    sh->node = r->d->facilities[sh->src].node;
    sh->route_len = sh->route_pos = 0;
    go_on(r, s);
}

/* EV_NODE: the truck has driven route[route_pos]. */
static void step(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    sh->node = net_road_other_end(r->m->net, sh->route[sh->route_pos], sh->node);
    sh->route_pos++;
    go_on(r, s);
}

void travel_handle(struct rep *r, const struct event *e)
{
    switch (e->type) {
    case EV_ROAD:   road_event(r, e->a); break;
    case EV_NODE:   step(r, e->a); break;
    case EV_RESUME: resume(r); break;
    }
}
