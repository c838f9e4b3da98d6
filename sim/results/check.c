/*
 * check.c -- the report of `supplysim --check`: what a configuration holds
 * (so that a planner can see at a glance that it says what they meant) and the
 * free-flow coverage table of the townships.
 */
#include <math.h>
#include <stdlib.h>
#include "results/check.h"
#include "results/outfile.h"

static void print_nodes(FILE *f, const struct definition *d)
{
    int by_kind[NODE_KINDS] = { 0 };
    for (int i = 0; i < d->n_nodes; i++)
        by_kind[d->nodes[i].kind]++;
    fprintf(f, "Nodes: %d (", d->n_nodes);
    for (int k = 0; k < NODE_KINDS; k++)
        fprintf(f, "%s%d %s", k ? ", " : "", by_kind[k], node_kind_name(k));
    fprintf(f, ")\n\n");
}

static void print_roads(FILE *f, const struct definition *d)
{
    int n[ROAD_CLASSES] = { 0 };
    double km[ROAD_CLASSES] = { 0 }, total = 0;
    for (int i = 0; i < d->n_roads; i++) {
        n[d->roads[i].cls]++;
        km[d->roads[i].cls] += d->roads[i].km;
        total += d->roads[i].km;
    }
    fprintf(f, "Roads: %d segments, %.1f km\n", d->n_roads, total);
    fprintf(f, "  %-12s %6s %9s %11s %9s %9s\n", "class", "roads", "km", "speed km/h", "top km/h",
            "delay cv");
    for (int c = 0; c < ROAD_CLASSES; c++)
        fprintf(f, "  %-12s %6d %9.1f %11.0f %9.0f %9.2f\n", road_class_name(c), n[c], km[c],
                d->road_classes[c].speed_kmh, d->road_classes[c].top_speed_kmh,
                d->road_classes[c].cv);
    fprintf(f, "\n");
}

static void print_facilities(FILE *f, const struct definition *d)
{
    fprintf(f, "Facilities: %d\n", d->n_facilities);
    fprintf(f, "  %-11s %5s %9s %9s %11s %11s %6s %6s\n", "kind", "count", "floor m2",
            "stock t", "capacity t", "stock m3", "cap. m3", "trucks");
    for (int k = 0; k < FAC_KINDS; k++) {
        int n = 0;
        long long trucks = 0;     /* a sum of ints: no overflow whatever the fleets */
        double floor = 0, t = 0, m3 = 0, ct = 0, cm3 = 0;
        for (int i = 0; i < d->n_facilities; i++) {
            const struct facility *x = &d->facilities[i];
            if (x->kind != (enum facility_kind)k)
                continue;
            n++;
            trucks += x->trucks;
            floor += x->floor_m2;
            t += definition_stock_t(d, i);
            m3 += definition_stock_m3(d, i);
            ct += x->capacity_t;
            cm3 += x->capacity_m3;
        }
        fprintf(f, "  %-11s %5d %9.0f %9.1f %11.1f %11.1f %6.0f %6lld\n", facility_kind_name(k),
                n, floor, t, ct, m3, cm3, trucks);
    }
    fprintf(f, "\n");
}

/* Every facility that is not a township point, one line each. */
static void print_bulk(FILE *f, const struct definition *d)
{
    fprintf(f, "  %-14s ", "facility");
    text_pad(f, "name", 34);
    fprintf(f, " %8s %8s %8s %5s %s\n", "stock t", "stock m3", "full %", "bays", "fleet");
    for (int i = 0; i < d->n_facilities; i++) {
        const struct facility *x = &d->facilities[i];
        if (x->kind == FAC_TOWNSHIP)
            continue;
        double m3 = definition_stock_m3(d, i);
        fprintf(f, "  %-14s ", x->id);
        text_pad(f, x->name_zh, 34);
        fprintf(f, " %8.1f %8.1f %8.1f %5d ", definition_stock_t(d, i), m3,
                100.0 * m3 / x->capacity_m3, x->bays);
        if (x->trucks > 0)
            fprintf(f, "%d x %s (%.0f t, %.0f m3)\n", x->trucks, d->truck_types[x->truck_type].id,
                    d->truck_types[x->truck_type].capacity_t,
                    d->truck_types[x->truck_type].capacity_m3);
        else
            fprintf(f, "none\n");
    }
    fprintf(f, "\n");
}

static void print_minutes(FILE *f, double m)
{
    if (isfinite(m))
        fprintf(f, "%9.1f", m);
    else
        fprintf(f, "%9s", "-");
}

static void print_coverage(FILE *f, const struct definition *d, const struct coverage_row *rows,
                           double promise_min)
{
    fprintf(f, "Free-flow coverage (truck minutes to each township seat):\n  ");
    text_pad(f, "township", 36);
    fprintf(f, " %9s  ", "central");
    text_pad(f, "nearest sub-centre", 28);
    fprintf(f, " %9s\n", "minutes");
    int slow = 0, cut = 0;
    for (int i = 0; i < d->n_townships; i++) {
        const struct coverage_row *r = &rows[i];
        const struct township *t = &d->townships[r->township];
        char name[256];
        snprintf(name, sizeof name, "%s %s", t->name, t->name_zh);
        fprintf(f, "  ");
        text_pad(f, name, 36);
        print_minutes(f, r->central_min);
        fprintf(f, "  ");
        text_pad(f, r->subcentre >= 0 ? d->facilities[r->subcentre].id : "-", 28);
        print_minutes(f, r->subcentre_min);
        double best = fmin(r->central_min, r->subcentre_min);
        if (!r->reached || !isfinite(best)) {
            fprintf(f, "  UNREACHABLE");
            cut++;
        } else if (best > promise_min) {
            fprintf(f, "  over %.0f min", promise_min);
            slow++;
        }
        fprintf(f, "\n");
    }
    fprintf(f, "\n%d townships; %d over %.0f minutes from every bulk echelon; %d unreachable.\n",
            d->n_townships, slow, promise_min, cut);
}

void check_print(FILE *f, const struct definition *d, const struct coverage_row *rows,
                 double promise_min)
{
    fprintf(f, "%s: %s\n", d->name, d->source_file);
    if (d->description[0])
        fprintf(f, "%s\n", d->description);
    fprintf(f, "\nTownships: %d. Items: %d. Truck types: %d.\n", d->n_townships, d->n_items,
            d->n_truck_types);
    print_nodes(f, d);
    print_roads(f, d);
    print_facilities(f, d);
    print_bulk(f, d);
    print_coverage(f, d, rows, promise_min);
}

void check_print_csv(FILE *f, const struct definition *d, const struct coverage_row *rows)
{
    fprintf(f, "township,central_min,subcentre,subcentre_min\n");
    for (int i = 0; i < d->n_townships; i++) {
        const struct coverage_row *r = &rows[i];
        csv_field(f, d->townships[r->township].id);
        if (isfinite(r->central_min))
            fprintf(f, ",%.2f,", r->central_min);
        else
            fprintf(f, ",,");
        csv_field(f, r->subcentre >= 0 ? d->facilities[r->subcentre].id : "");
        if (isfinite(r->subcentre_min))
            fprintf(f, ",%.2f", r->subcentre_min);
        else
            fprintf(f, ",");
        fprintf(f, "\n");
    }
}
