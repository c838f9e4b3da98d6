/*
 * vehicle.c -- vehicle profiles (see vehicle.h).  The invariant: for every
 * profile p and road, vehicle_road_min(r, p)[road] is the road's free-flow
 * minutes divided by vehicle_factor(r, road, p) (INFINITY when 0), kept so
 * by travel.c after every road change (vehicle_set_min).  Memory: n_profiles
 * x n_damage factors shared; per replication (n_profiles - 1) x n_roads
 * minutes, and a routes.c cache per profile, the replication's bytes for
 * kept searches shared among them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/routes.h"
#include "model/vehicle.h"

/* The factor truck type t keeps on roads of damage rule k: its pass for
 * the rule's cause, else 0 (none). */
static double passes(const struct definition *d, int t, int k)
{
    const struct truck_type *tt = &d->truck_types[t];
    const char *cause = d->damage[k].cause;
    for (int i = 0; cause && i < tt->n_passes; i++)
        if (!strcmp(tt->pass_cause[i], cause))
            return tt->pass_factor[i];
    return 0;
}

/* Does some store have vehicles of type t? */
static int in_use(const struct definition *d, int t)
{
    for (int f = 0; f < d->n_facilities; f++) {
        const struct facility *x = &d->facilities[f];
        if ((x->truck_type == t && x->trucks > x->extra_trucks)
            || (x->extra_type == t && x->extra_trucks > 0))
            return 1;
    }
    return 0;
}

/* A profile for each truck type in use that passes some rule's cause: a
 * type no store has costs nothing. */
int vehicle_model(struct model *m)
{
    const struct definition *d = m->d;
    m->n_profiles = 1;
    m->type_profile = calloc((size_t)d->n_truck_types + 1, sizeof *m->type_profile);
    if (!m->type_profile)
        return -1;
    for (int t = 0; t < d->n_truck_types; t++) {
        int any = 0;
        if (!in_use(d, t))
            continue;
        for (int k = 0; k < d->n_damage; k++)
            any |= passes(d, t, k) > 0;
        m->type_profile[t] = any ? m->n_profiles++ : 0;
    }
    size_t nd = (size_t)d->n_damage;
    m->rule_pass = calloc((size_t)m->n_profiles * nd + 1, sizeof *m->rule_pass);
    if (!m->rule_pass)
        return -1;
    for (int t = 0; t < d->n_truck_types; t++)
        for (int k = 0; m->type_profile[t] && k < d->n_damage; k++)
            m->rule_pass[(size_t)m->type_profile[t] * nd + (size_t)k] = passes(d, t, k);
    return 0;
}

void vehicle_model_free(struct model *m)
{
    free(m->type_profile);
    free(m->rule_pass);
}

int vehicle_rep_create(struct rep *r)
{
    const struct model *m = r->m;
    size_t n = (size_t)(m->n_profiles - 1) * (size_t)r->d->n_roads + 1;
    r->prof_min = malloc(n * sizeof *r->prof_min);
    r->prof_routes = calloc((size_t)m->n_profiles, sizeof *r->prof_routes);
    if (!r->prof_min || !r->prof_routes)
        return -1;
    for (int p = 1; p < m->n_profiles; p++) {
        double *min = vehicle_road_min(r, p);
        for (int i = 0; i < r->d->n_roads; i++)
            min[i] = net_free_minutes(m->net, i);  /* what the searches start from */
        if (!(r->prof_routes[p - 1] = routes_create(m, ROUTES_BYTES / (size_t)m->n_profiles)))
            return -1;
    }
    return 0;
}

void vehicle_rep_free(struct rep *r)
{
    for (int p = 1; r->prof_routes && p < r->m->n_profiles; p++)
        routes_free(r->prof_routes[p - 1]);
    free(r->prof_routes);
    free(r->prof_min);
}

double vehicle_factor(const struct rep *r, int road, int p)
{
    const double *pass = r->m->rule_pass + (size_t)p * (size_t)r->d->n_damage;
    double factor = 1.0;
    for (int c = r->change_first[road]; c >= 0; c = r->change_next[c]) {
        const struct road_change *ch = &r->changes[c];
        if (!(ch->from_min <= r->now && r->now < ch->until_min))
            continue;
        int rule = r->change_rule[c];
        double f = rule >= 0 ? fmax(ch->factor, pass[rule]) : ch->factor;
        factor = fmin(factor, f);
    }
    return factor;
}

double *vehicle_road_min(const struct rep *r, int p)
{
    return p == 0 ? r->road_min : r->prof_min + (size_t)(p - 1) * (size_t)r->d->n_roads;
}

/* ---- another profile's routes ---------------------------------------------
 * routes.c reads the roads' minutes from r->road_min and keeps its searches
 * in r->routes (profile 0's).  For profile p > 0 both are swapped for p's
 * for the length of one call and put back: routes.c stays as it is, and
 * each profile's searches see only its own minutes and its own log. */

struct swap { struct routes *routes; double *road_min; };

static struct swap swap_in(struct rep *r, int p)
{
    struct swap was = { r->routes, r->road_min };
    r->routes = r->prof_routes[p - 1];
    r->road_min = vehicle_road_min(r, p);
    return was;
}

static void swap_back(struct rep *r, struct swap was)
{
    r->routes = was.routes;
    r->road_min = was.road_min;
}

void vehicle_set_min(struct rep *r, int p, int road, double now)
{
    double *min = vehicle_road_min(r, p), old = min[road];
    min[road] = now;
    if (old == now)
        return;
    if (p == 0) {
        routes_road_changed(r, road, old, now);
    } else {
        struct swap was = swap_in(r, p);
        routes_road_changed(r, road, old, now);
        swap_back(r, was);
    }
}

double vehicle_way(struct rep *r, int p, int root, int target, int **route, int *cap, int *len)
{
    if (p == 0)
        return routes_way(r, root, target, route, cap, len);
    struct swap was = swap_in(r, p);
    double m = routes_way(r, root, target, route, cap, len);
    swap_back(r, was);
    return m;
}

double vehicle_minutes(struct rep *r, int p, int from, int to)
{
    return vehicle_way(r, p, from, to, NULL, NULL, NULL);
}
