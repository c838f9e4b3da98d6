/*
 * travel.c -- the road network as it is during one replication, and trucks
 * moving on it.
 *
 * The hazard's road changes are drawn once per replication (hazard stream)
 * and applied by EV_ROAD events at their start and end; road_min[] always
 * holds each road's minutes now (INFINITY when closed), and a truck's time on
 * a road comes from it.  A vehicle that passes some hazard (vehicle.h) has
 * minutes of its own: every road change is applied to each vehicle profile's
 * minutes, and a truck drives on its own profile's.  What is known of the
 * roads is roadinfo.c's: a truck plans on the roads as the dispatch centre
 * knows them when it leaves (its own profile's passes applied to them; the
 * roads as they are under perfect information), drives road by road (one
 * EV_NODE event per road), and at every node looks again (way_on):
 *   - perfect information: it checks the rest of its route, and if a road
 *     ahead has closed (to its vehicle) it re-plans from there;
 *   - reported: it sees only the road it has reached; a closure there that
 *     its vehicle cannot pass is learnt (the centre learns it too) and it
 *     re-plans on what is known now, which may turn it back; a road it
 *     drives it sees as it is.
 * If no known route exists it waits at that node until what is known
 * changes (a waiting driver also sees the roads where he stands), the wait
 * recorded as road delay, and of it the minutes when a way was open that
 * nobody knew of (news_wait).  Road delay = waits + the detour (free-flow
 * minutes of the roads driven beyond the free-flow shortest route) + the
 * extra minutes of slowed roads.  Routes are read from the search kept from
 * the destination (routes.c), on the routes state of the truck's profile
 * and view (vehicle.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/roadinfo.h"
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

static int perfect(const struct rep *r)
{
    return r->d->run.road_info == ROAD_INFO_PERFECT;
}

/* Trucks waiting for a road look again, once every change of this instant
 * is in (EV_RESUME). */
static void wake_waiting(struct rep *r)
{
    if (r->n_waiting > 0 && r->resume_at != r->now) {
        r->resume_at = r->now;
        if (cal_schedule(r->cal, r->now, EV_RESUME, 0, 0) < 0)
            r->failed = 1;
    }
}

/* Is a way open now, on the roads as they are for its vehicle, from the
 * waiting truck to its destination? */
static int way_open(struct rep *r, const struct shipment *sh)
{
    return isfinite(routes_minutes(r, vehicle_state(r, sh->prof, VIEW_TRUE), sh->dest, sh->node));
}

/* Reported information, a road just changed for vehicle profile p: the
 * clocks of a way open that nobody knows of, of the trucks of that profile
 * waiting, start (the road got faster) or stop (it got slower).  1 when a
 * driver waits where the road starts or ends.  O(waiting trucks), a search
 * each when a clock may turn. */
static int seen_waiting(struct rep *r, int road, int p, int faster)
{
    int at_road = 0;
    for (int i = 0; i < r->n_waiting && !r->failed; i++) {
        struct shipment *sh = &r->ship[r->waiting[i]];
        at_road |= sh->node == net_road_from(r->m->net, road) || sh->node == net_road_to(r->m->net, road);
        if (sh->prof != p)
            continue;
        if (faster && !isfinite(sh->open_since) && way_open(r, sh)) {
            sh->open_since = r->now;
        } else if (!faster && isfinite(sh->open_since) && !way_open(r, sh)) {
            sh->news_wait += r->now - sh->open_since;
            sh->open_since = INFINITY;
        }
    }
    return at_road;
}

/* EV_ROAD: a change starts or ends; each vehicle profile's minutes take the
 * road's minutes now and the kept searches are told (routes.c keeps what
 * stays right).  With perfect information every waiting truck looks again;
 * with reported, only when what is known changes (roadinfo.c, EV_KNOWN, or a
 * driver's sight: those waiting where the road starts or ends see it). */
static void road_event(struct rep *r, int change)
{
    int road = r->changes[change].road, at_road = 0;
    for (int p = 0; p < r->m->n_profiles; p++) {  /* each vehicle profile's (vehicle.h) */
        double old = vehicle_road_min(r, p)[road], now = road_now(r, road, p);
        vehicle_set_min(r, p, road, now);
        if (!perfect(r) && now != old && r->n_waiting > 0)
            at_road |= seen_waiting(r, road, p, now < old);
    }
    if (perfect(r) || (at_road && info_sight(r, road)))
        wake_waiting(r);
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
        if (isfinite(sh->open_since))
            sh->news_wait += r->now - sh->open_since;
        sh->open_since = INFINITY;
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
    return vehicle_minutes(r, 0, from, to);
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
    r->ship[s].open_since = !perfect(r) && way_open(r, &r->ship[s]) ? r->now : INFINITY;
}

/* Plans the route from the truck's node on the roads as known now: the
 * route from its destination to it, reversed (routes_way); 0, or -1 when
 * there is none. */
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

/* Asked only while checkpoints are on (check_until is -INFINITY without
 * them), so node_township exists. */
static int crosses(const struct rep *r, int road)
{
    const struct road *rd = &r->d->roads[road];
    return r->m->node_township[rd->from] != r->m->node_township[rd->to];
}

/* At a node, the truck's way on (see the head comment): with perfect
 * information the rest of its route is checked and planned anew if a road
 * ahead has closed; with reported information the road it has reached is
 * looked at, and while that road is closed the closure is learnt and the
 * truck plans anew on what is known (each turn learns one more closure, so
 * this ends).  0, or -1 when no known way is left (or out of memory). */
static int way_on(struct rep *r, int s)
{
    if (perfect(r))
        return route_open(r, &r->ship[s]) || plan(r, s) == 0 ? 0 : -1;
    for (;;) {
        const struct shipment *sh = &r->ship[s];
        if (sh->route_pos >= sh->route_len && plan(r, s) < 0)
            return -1;
        int road = r->ship[s].route[r->ship[s].route_pos];
        if (isfinite(vehicle_road_min(r, r->ship[s].prof)[road]))
            return 0;                      /* open, or passable to its vehicle */
        if (info_sight(r, road))           /* the driver calls in: closed */
            wake_waiting(r);
        if (plan(r, s) < 0)
            return -1;
    }
}

/* At a node: arrive, or drive the next road (after way_on), or wait for a
 * road to reopen. */
static void go_on(struct rep *r, int s)
{
    struct shipment *sh = &r->ship[s];
    if (sh->node == sh->dest) {
        r->arrived(r, s);            /* the one upcall: demand takes it from here */
        return;
    }
    if (way_on(r, s) < 0) {
        if (!r->failed)
            wait_for_road(r, s);
        return;
    }
    sh = &r->ship[s];
    int road = sh->route[sh->route_pos];
    if (info_sight(r, road))         /* he drives it: a slow-down, or its end, learnt */
        wake_waiting(r);
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
    case EV_KNOWN:
        if (info_report(r, e->a))
            wake_waiting(r);
        break;
    }
}
