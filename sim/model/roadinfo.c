/*
 * roadinfo.c -- what is known of the roads (sim/MODEL.md, "Road
 * information").
 *
 * Under run.road_info = "perfect" the dispatch centre and every driver know
 * each road's state the moment it changes: the known roads are the roads,
 * one routes state per vehicle profile serves both views (vehicle.h), and
 * nothing here runs but the draws.
 *
 * Under "reported" the centre knows a change of a road (a closure or
 * slow-down beginning, or ending) a reporting delay after it happens, drawn
 * per change from the road class's range (damage_report_min for the beginning,
 * reopen_report_min for the end); and sooner when a driver sees it: a driver
 * who reaches a road sees it as it is -- a closure he cannot pass, a
 * slow-down he drives, a road that has reopened -- and calls in, so the
 * centre learns it at once (travel.c says when a driver looks).  A driver
 * plans on what the centre knows when he plans: the known roads are every
 * truck's view.  A report that comes after a later one about the same change
 * (the end reported before the beginning) tells nothing: the change is then
 * known only if a driver sees it.
 *
 * Invariant: for every road, known_min[road] is its free-flow minutes over
 * the lowest factor among its changes c with known_from[c] <= now <
 * known_until[c] (INFINITY when that factor is 0, free flow when none), and
 * every change of known_min is logged to routes state st_known.
 */
#include <math.h>
#include <stdlib.h>
#include "model/roadinfo.h"
#include "model/routes.h"
#include "model/vehicle.h"

static int perfect(const struct rep *r)
{
    return r->d->run.road_info == ROAD_INFO_PERFECT;
}

/* Profile p's known minutes of every road (reported information). */
static double *known(const struct rep *r, int p)
{
    return r->known_min + (size_t)p * (size_t)r->d->n_roads;
}

int info_create(struct rep *r)
{
    int np = r->m->n_profiles;
    if (perfect(r)) {
        r->st_known = 0;                   /* the roads as they are */
        return 0;
    }
    size_t n = (size_t)np * (size_t)r->d->n_roads + 1;
    if (!(r->known_min = malloc(n * sizeof *r->known_min)))
        return -1;
    r->st_known = np;
    for (int p = 0; p < np; p++) {
        for (int i = 0; i < r->d->n_roads; i++)
            known(r, p)[i] = net_free_minutes(r->m->net, i);   /* what the searches start from */
        if (routes_add_state(r->routes, known(r, p)) != vehicle_state(r, p, VIEW_KNOWN))
            return -1;
    }
    return 0;
}

void info_free(struct rep *r)
{
    free(r->known_min);
    free(r->told_from);
    free(r->told_until);
    free(r->known_from);
    free(r->known_until);
}

/* The road's minutes as known now to vehicles of profile p: the most
 * severe change known to be in force wins, as on the roads themselves
 * (vehicle_factor). */
static double known_now(const struct rep *r, int road, int p)
{
    double factor = 1.0;
    for (int c = r->change_first[road]; c >= 0; c = r->change_next[c])
        if (r->known_from[c] <= r->now && r->now < r->known_until[c])
            factor = fmin(factor, vehicle_change_factor(r, c, p));
    return factor > 0 ? net_free_minutes(r->m->net, road) / factor : INFINITY;
}

/* Every profile's known minutes of road set to `now` of it (or free flow
 * when reset); 1 when any changed. */
static int update(struct rep *r, int road, int reset)
{
    int changed = 0;
    for (int p = 0; p < r->m->n_profiles; p++) {
        double now = reset ? net_free_minutes(r->m->net, road) : known_now(r, road, p);
        double old = known(r, p)[road];
        if (now == old)
            continue;
        known(r, p)[road] = now;
        routes_road_changed(r, vehicle_state(r, p, VIEW_KNOWN), road, old);
        changed = 1;
    }
    return changed;
}

/* Room for the report times and known spans of every change; 0, or -1
 * when out of memory. */
static int room(struct rep *r)
{
    if (r->n_changes <= r->cap_known)
        return 0;
    size_t n = (size_t)r->cap_changes;
    double **arr[4] = { &r->told_from, &r->told_until, &r->known_from, &r->known_until };
    for (int k = 0; k < 4; k++) {
        double *p = realloc(*arr[k], n * sizeof *p);
        if (!p)
            return -1;
        *arr[k] = p;
    }
    r->cap_known = r->cap_changes;
    return 0;
}

/* The reporting delays, in the order of the hazard's own draws: for every
 * rule, for every road it selects, hit or not, protected or not, two draws
 * (fixed delays draw nothing), so that every variant of a study draws alike.
 * A road closed throughout (disaster.close) is known from onset. */
static void draw_delays(struct rep *r)
{
    const struct definition *d = r->d;
    gsl_rng *g = r->rng[STREAM_HAZARD];
    int c = 0;
    for (int k = 0; k < d->n_damage; k++) {
        const struct damage *dm = &d->damage[k];
        for (int j = 0; j < dm->n_roads; j++) {
            const struct road_class_def *rc = &d->road_classes[d->roads[dm->roads[j]].cls];
            double begun = rng_draw(g, rc->damage_report_min), ended = rng_draw(g, rc->reopen_report_min);
            if (c < r->n_changes && r->change_rule[c] == k && r->changes[c].road == dm->roads[j]) {
                r->told_from[c] = r->changes[c].from_min + begun;
                r->told_until[c] = r->changes[c].until_min + ended;   /* INFINITY stays */
                c++;
            }
        }
    }
    for (; c < r->n_changes; c++) {           /* disaster.close */
        r->told_from[c] = 0.0;
        r->told_until[c] = INFINITY;
    }
    for (c = 0; c < r->n_changes; c++) {
        r->known_from[c] = r->told_from[c];
        r->known_until[c] = r->told_until[c];
    }
}

int info_realise(struct rep *r)
{
    if (room(r) < 0)
        return -1;
    draw_delays(r);
    if (perfect(r))
        return 0;
    for (int i = 0; i < r->d->n_roads; i++)     /* back to free flow, the searches told */
        update(r, i, 1);
    for (int c = 0; c < r->n_changes; c++) {
        if (cal_schedule(r->cal, r->told_from[c], EV_KNOWN, c, 0) < 0)
            return -1;
        if (isfinite(r->told_until[c]) && cal_schedule(r->cal, r->told_until[c], EV_KNOWN, c, 0) < 0)
            return -1;
    }
    return 0;
}

int info_report(struct rep *r, int c)
{
    return update(r, r->changes[c].road, 0);
}

int info_sight(struct rep *r, int road)
{
    if (perfect(r))
        return 0;
    for (int c = r->change_first[road]; c >= 0; c = r->change_next[c]) {
        const struct road_change *ch = &r->changes[c];
        if (ch->from_min <= r->now && r->now < ch->until_min)
            r->known_from[c] = fmin(r->known_from[c], r->now);
        else if (ch->until_min <= r->now)
            r->known_until[c] = fmin(r->known_until[c], r->now);
    }
    return update(r, road, 0);
}
