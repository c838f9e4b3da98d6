/*
 * vehicle.c -- vehicle profiles (see vehicle.h).  The invariant: for every
 * profile p and road, vehicle_road_min(r, p)[road] is the road's free-flow
 * minutes divided by vehicle_factor(r, road, p) (INFINITY when 0), kept so
 * by travel.c after every road change (vehicle_set_min), and every change
 * of it is logged to routes state p (the roads as they are for profile p:
 * states 0 .. n_profiles - 1, added first; roadinfo.c adds the known ones
 * after them).  Memory: n_profiles x n_damage factors shared; per
 * replication (n_profiles - 1) x n_roads minutes; the profiles' kept
 * searches share the replication's one routes.c budget.
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
    if (!r->prof_min)
        return -1;
    for (int p = 1; p < m->n_profiles; p++) {
        double *min = vehicle_road_min(r, p);
        for (int i = 0; i < r->d->n_roads; i++)
            min[i] = net_free_minutes(m->net, i);  /* what the searches start from */
    }
    for (int p = 0; p < m->n_profiles; p++)       /* state p: profile p's roads as they are */
        if (routes_add_state(r->routes, vehicle_road_min(r, p)) != p)
            return -1;
    return 0;
}

void vehicle_rep_free(struct rep *r)
{
    free(r->prof_min);
}

double vehicle_change_factor(const struct rep *r, int c, int p)
{
    int rule = r->change_rule[c];
    double f = r->changes[c].factor;
    return rule >= 0 ? fmax(f, r->m->rule_pass[(size_t)p * (size_t)r->d->n_damage + (size_t)rule]) : f;
}

double vehicle_factor(const struct rep *r, int road, int p)
{
    double factor = 1.0;
    for (int c = r->change_first[road]; c >= 0; c = r->change_next[c]) {
        const struct road_change *ch = &r->changes[c];
        if (ch->from_min <= r->now && r->now < ch->until_min)
            factor = fmin(factor, vehicle_change_factor(r, c, p));
    }
    return factor;
}

double *vehicle_road_min(const struct rep *r, int p)
{
    return p == 0 ? r->road_min : r->prof_min + (size_t)(p - 1) * (size_t)r->d->n_roads;
}

void vehicle_set_min(struct rep *r, int p, int road, double now)
{
    double *min = vehicle_road_min(r, p), old = min[road];
    min[road] = now;
    if (old != now)
        routes_road_changed(r, vehicle_state(r, p, VIEW_TRUE), road, old);
}

double vehicle_way(struct rep *r, int p, int root, int target, int **route, int *cap, int *len)
{
    return routes_way(r, vehicle_state(r, p, VIEW_KNOWN), root, target, route, cap, len);
}

double vehicle_minutes(struct rep *r, int p, int from, int to)
{
    return vehicle_way(r, p, from, to, NULL, NULL, NULL);
}
