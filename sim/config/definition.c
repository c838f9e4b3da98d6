/*
 * definition.c -- what every module needs to know about a definition beyond its
 * fields: the names of its enumerations, derived quantities (free-flow road
 * minutes, stock in tonnes and m3, great-circle distance) and freeing it.
 */
#include <math.h>
#include <stdlib.h>
#include "config/definition.h"

const char *road_class_name(enum road_class c)
{
    static const char *const n[ROAD_CLASSES] = { "expressway", "national", "provincial",
                                                 "county", "village" };
    return (c >= 0 && c < ROAD_CLASSES) ? n[c] : "?";
}

const char *node_kind_name(enum node_kind k)
{
    static const char *const n[NODE_KINDS] = { "junction", "seat", "village", "facility" };
    return (k >= 0 && k < NODE_KINDS) ? n[k] : "?";
}

const char *facility_kind_name(enum facility_kind k)
{
    static const char *const n[FAC_KINDS] = { "central", "subcentre", "township", "department",
                                              "supplier" };
    return (k >= 0 && k < FAC_KINDS) ? n[k] : "?";
}

const char *township_kind_name(enum township_kind k)
{
    static const char *const n[TOWNSHIP_KINDS] = { "subdistrict", "town", "township" };
    return (k >= 0 && k < TOWNSHIP_KINDS) ? n[k] : "?";
}

double definition_road_minutes(const struct definition *d, int road)
{
    const struct road *r = &d->roads[road];
    return r->km / d->road_classes[r->cls].speed_kmh * 60.0;
}

double damage_chance(const struct definition *d, const struct damage *dm, int road)
{
    return dm->per_km >= 0 ? 1.0 - exp(-dm->per_km * d->roads[road].km) : dm->probability;
}

void damage_road_chances(const struct definition *d, int road, double *close, double *slow)
{
    double open = 1, fast = 1;    /* chances that no rule closes it, that none slows it */
    for (int r = 0; r < d->n_damage; r++) {
        const struct damage *dm = &d->damage[r];
        for (int k = 0; k < dm->n_roads; k++)
            if (dm->roads[k] == road)
                *(dm->factor <= 0 ? &open : &fast) *= 1 - damage_chance(d, dm, road);
    }
    int spared = d->road_protected && d->road_protected[road];
    *close = spared ? 0 : 1 - open;
    *slow = spared ? 0 : 1 - fast;
}

void damage_all_chances(const struct definition *d, double *close, double *slow)
{
    for (int i = 0; i < d->n_roads; i++)
        close[i] = slow[i] = 1;            /* first the chances that no rule closes, slows */
    for (int r = 0; r < d->n_damage; r++) {
        const struct damage *dm = &d->damage[r];
        for (int k = 0; k < dm->n_roads; k++)
            (dm->factor <= 0 ? close : slow)[dm->roads[k]] *= 1 - damage_chance(d, dm, dm->roads[k]);
    }
    for (int i = 0; i < d->n_roads; i++) {
        int spared = d->road_protected && d->road_protected[i];
        close[i] = spared ? 0 : 1 - close[i];
        slow[i] = spared ? 0 : 1 - slow[i];
    }
}

double definition_annualise(double cost, double rate, double life_years)
{
    if (rate == 0)
        return cost / life_years;
    return cost * rate / (1 - pow(1 + rate, -life_years));
}

int definition_slot_type(const struct definition *d, int f, int t)
{
    const struct facility *x = &d->facilities[f];
    return t >= x->trucks - x->extra_trucks ? x->extra_type : x->truck_type;
}

double definition_stock_t(const struct definition *d, int facility)
{
    double t = 0;
    for (int i = 0; i < d->n_items; i++)
        t += d->facilities[facility].stock[i] * d->items[i].weight_kg / 1000.0;
    return t;
}

double definition_stock_m3(const struct definition *d, int facility)
{
    double m3 = 0;
    for (int i = 0; i < d->n_items; i++)
        m3 += d->facilities[facility].stock[i] * d->items[i].volume_m3;
    return m3;
}

/* Frees everything; safe on a definition that config reading left half-filled
 * (arrays are zeroed when allocated, and may be NULL). */
void definition_free(struct definition *d)
{
    if (!d)
        return;
    for (int i = 0; d->nodes && i < d->n_nodes; i++) {
        if (i >= d->folder_node0 && i < d->folder_node0 + d->folder_nodes)
            continue;                  /* in folder_text */
        free(d->nodes[i].id);
        free(d->nodes[i].name);
        free(d->nodes[i].name_zh);
    }
    for (int i = 0; d->roads && i < d->n_roads; i++)
        if (i < d->folder_road0 || i >= d->folder_road0 + d->folder_roads)
            free(d->roads[i].name);    /* else in folder_names */
    for (int i = 0; d->folder_names && i < d->n_folder_names; i++)
        free(d->folder_names[i]);
    free(d->folder_names);
    free(d->folder_text);
    for (int i = 0; d->snaps && i < d->n_snaps; i++)
        free(d->snaps[i].id);
    free(d->snaps);
    free(d->network_dir);
    for (int i = 0; d->items && i < d->n_items; i++) {
        free(d->items[i].id);
        free(d->items[i].name);
        free(d->items[i].name_zh);
        free(d->items[i].unit);
    }
    for (int i = 0; d->townships && i < d->n_townships; i++) {
        free(d->townships[i].id);
        free(d->townships[i].name);
        free(d->townships[i].name_zh);
    }
    for (int i = 0; d->truck_types && i < d->n_truck_types; i++) {
        struct truck_type *t = &d->truck_types[i];
        for (int k = 0; t->pass_cause && k < t->n_passes; k++)
            free(t->pass_cause[k]);
        free(t->pass_cause);
        free(t->pass_factor);
        free(t->id);
    }
    for (int i = 0; d->facilities && i < d->n_facilities; i++) {
        struct facility *f = &d->facilities[i];
        free(f->id);
        free(f->name);
        free(f->name_zh);
        free(f->stock);
        free(f->reorder);
    }
    for (int i = 0; d->sites && i < d->n_sites; i++)
        free(d->sites[i].id);
    for (int i = 0; d->damage && i < d->n_damage; i++) {
        free(d->damage[i].roads);
        free(d->damage[i].cause);
    }
    for (int i = 0; d->prepos && i < d->n_prepos; i++)
        free(d->prepos[i].units);
    free(d->prepos);
    for (int i = 0; d->levers && i < d->n_levers; i++) {
        struct lever *l = &d->levers[i];
        for (int k = 0; l->sets && k < l->n_sets; k++)
            free(l->sets[k]);
        for (int k = 0; l->protect && k < l->n_protect; k++)
            free(l->protect[k]);
        free(l->sets);
        free(l->protect);
        free(l->id);
        free(l->name);
        free(l->name_zh);
        free(l->label);
        free(l->label_zh);
        free(l->why);
        free(l->why_zh);
        free(l->where);
    }
    free(d->levers);
    free(d->sites);
    free(d->damage);
    free(d->waves);
    for (int i = 0; d->ranges && i < d->n_ranges; i++) {
        for (int k = 0; k < d->ranges[i].n_paths; k++)
            free(d->ranges[i].paths[k]);
        free(d->ranges[i].paths);
        free(d->ranges[i].base);
        free(d->ranges[i].is_int);
        free(d->ranges[i].path);
        free(d->ranges[i].why);
    }
    free(d->ranges);
    free(d->road_protected);
    free(d->road_closed);
    free(d->kit);
    free(d->run.thresholds_min);
    free(d->run.thresholds_from);
    free(d->scenario_label);
    free(d->scenario_label_zh);
    free(d->name_zh);
    free(d->nodes);
    free(d->roads);
    free(d->items);
    free(d->townships);
    free(d->truck_types);
    free(d->facilities);
    free(d->name);
    free(d->description);
    free(d->description_zh);
    free(d->source_file);
    free(d);
}
