/*
 * check.c -- the report of `supplysim --check`, in English or Chinese: what
 * a configuration holds (so that a planner can see at a glance that it says
 * what they meant) and the free-flow coverage table of the townships.
 * Places and stores are named in the reader's language; ids are for the
 * CSV form.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/check.h"
#include "results/outfile.h"

static void print_nodes(FILE *f, const struct definition *d, enum lang l)
{
    static const enum text kind[NODE_KINDS] = { T_CHK_NODE_JUNCTION, T_CHK_NODE_SEAT,
                                                T_CHK_NODE_VILLAGE, T_CHK_NODE_FACILITY };
    int by_kind[NODE_KINDS] = { 0 };
    for (int i = 0; i < d->n_nodes; i++)
        by_kind[d->nodes[i].kind]++;
    fprintf(f, lang_text(l, T_CHK_NODES), d->n_nodes);
    for (int k = 0; k < NODE_KINDS; k++) {
        fputs(k ? lang_text(l, T_OUT_LIST_SEP) : "", f);
        fprintf(f, lang_text(l, T_CHK_NODE_KIND), by_kind[k], lang_text(l, kind[k]));
    }
    fprintf(f, "%s\n\n", l == LANG_ZH ? "）" : ")");
}

/* A header of columns: the first left-aligned in w[0], the rest right-aligned. */
static void header(FILE *f, const enum text *cols, const int *w, int n, enum lang l)
{
    fprintf(f, "  ");
    text_pad(f, lang_text(l, cols[0]), w[0]);
    for (int i = 1; i < n; i++)
        text_pad_left(f, lang_text(l, cols[i]), w[i]);
    fputc('\n', f);
}

static void print_roads(FILE *f, const struct definition *d, enum lang l)
{
    static const enum text cols[] = { T_CHK_COL_CLASS, T_CHK_COL_ROADS, T_CHK_COL_KM,
                                      T_CHK_COL_SPEED, T_CHK_COL_TOP, T_CHK_COL_CV };
    static const int w[] = { 16, 7, 10, 12, 15, 14 };
    int n[ROAD_CLASSES] = { 0 };
    double km[ROAD_CLASSES] = { 0 }, total = 0;
    for (int i = 0; i < d->n_roads; i++) {
        n[d->roads[i].cls]++;
        km[d->roads[i].cls] += d->roads[i].km;
        total += d->roads[i].km;
    }
    fprintf(f, lang_text(l, T_CHK_ROADS), d->n_roads, total);
    fputc('\n', f);
    header(f, cols, w, 6, l);
    for (int c = 0; c < ROAD_CLASSES; c++) {
        fprintf(f, "  ");
        text_pad(f, lang_road_class(l, c), w[0]);
        fprintf(f, "%7d %9.1f %11.0f %14.0f %13.2f\n", n[c], km[c], d->road_classes[c].speed_kmh,
                d->road_classes[c].top_speed_kmh, d->road_classes[c].cv);
    }
    fprintf(f, "\n");
}

static const char *kind_words(enum facility_kind k, enum lang l)
{
    static const enum text t[FAC_KINDS] = { T_CHK_KIND_CENTRAL, T_CHK_KIND_SUBCENTRE,
        T_CHK_KIND_TOWNSHIP, T_CHK_KIND_DEPARTMENT, T_CHK_KIND_SUPPLIER };
    return (k >= 0 && k < FAC_KINDS) ? lang_text(l, t[k]) : "?";
}

static void print_facilities(FILE *f, const struct definition *d, enum lang l)
{
    static const enum text cols[] = { T_CHK_COL_KIND, T_CHK_COL_COUNT, T_CHK_COL_FLOOR,
        T_CHK_COL_STOCK_T, T_CHK_COL_CAP_T, T_CHK_COL_STOCK_M3, T_CHK_COL_CAP_M3,
        T_CHK_COL_TRUCKS };
    static const int w[] = { 16, 6, 10, 10, 12, 10, 12, 7 };
    fprintf(f, lang_text(l, T_CHK_FACILITIES), d->n_facilities);
    fputc('\n', f);
    header(f, cols, w, 8, l);
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
        fprintf(f, "  ");
        text_pad(f, kind_words((enum facility_kind)k, l), w[0]);
        fprintf(f, "%6d %9.0f %9.1f %11.1f %9.1f %11.0f %6lld\n", n, floor, t, ct, m3, cm3,
                trucks);
    }
    fprintf(f, "\n");
}

/* Every store that is not a township point, one line each. */
static void print_stores(FILE *f, const struct definition *d, enum lang l)
{
    static const enum text cols[] = { T_CHK_COL_STORE, T_CHK_COL_STOCK_T, T_CHK_COL_STOCK_M3,
                                      T_CHK_COL_FULL, T_CHK_COL_BAYS };
    static const int w[] = { 40, 9, 10, 8, 8 };
    char fleet[128];
    fprintf(f, "%s\n", lang_text(l, T_CHK_STORES_H));
    fprintf(f, "  ");
    text_pad(f, lang_text(l, cols[0]), w[0]);
    for (int i = 1; i < 5; i++)
        text_pad_left(f, lang_text(l, cols[i]), w[i]);
    fprintf(f, "  %s\n", lang_text(l, T_CHK_COL_FLEET));
    for (int i = 0; i < d->n_facilities; i++) {
        const struct facility *x = &d->facilities[i];
        if (x->kind == FAC_TOWNSHIP)
            continue;
        double m3 = definition_stock_m3(d, i);
        fprintf(f, "  ");
        text_pad(f, lang_name(l, x->name, x->name_zh), w[0]);
        fprintf(f, "%9.1f %9.1f %7.1f %7d  ", definition_stock_t(d, i), m3,
                100.0 * m3 / x->capacity_m3, x->bays);
        int main_fleet = x->trucks - x->extra_trucks;     /* and a second fleet's, after + */
        fleet[0] = '\0';
        if (main_fleet > 0)
            snprintf(fleet, sizeof fleet, lang_text(l, T_CHK_FLEET), main_fleet,
                     d->truck_types[x->truck_type].capacity_t,
                     d->truck_types[x->truck_type].capacity_m3);
        if (x->extra_trucks > 0)
            snprintf(fleet + strlen(fleet), sizeof fleet - strlen(fleet), "%s", main_fleet > 0 ? " + " : "");
        if (x->extra_trucks > 0)
            snprintf(fleet + strlen(fleet), sizeof fleet - strlen(fleet), lang_text(l, T_CHK_FLEET),
                     x->extra_trucks, d->truck_types[x->extra_type].capacity_t,
                     d->truck_types[x->extra_type].capacity_m3);
        if (x->trucks == 0)
            snprintf(fleet, sizeof fleet, "%s", lang_text(l, T_CHK_FLEET_NONE));
        fprintf(f, "%s\n", fleet);
    }
    fprintf(f, "\n");
}

/* A snapped place's name for people, into buf. */
static void snap_name(const struct definition *d, const struct snap *s, enum lang l, char *buf,
                      size_t n)
{
    if (s->kind == SNAP_SEAT)
        snprintf(buf, n, lang_text(l, T_CHK_SNAP_SEAT),
                 lang_name(l, d->townships[s->index].name, d->townships[s->index].name_zh));
    else if (s->kind == SNAP_FACILITY)
        snprintf(buf, n, lang_text(l, T_CHK_SNAP_FACILITY),
                 lang_name(l, d->facilities[s->index].name, d->facilities[s->index].name_zh));
    else
        snprintf(buf, n, "%s", s->id);
}

/* Every place put on the network's nearest node, with how far it moved. */
static void print_snaps(FILE *f, const struct definition *d, enum lang l)
{
    char name[512];
    if (d->n_snaps == 0)
        return;
    fprintf(f, lang_text(l, T_CHK_SNAPS_H), d->n_snaps, d->snap_warn_km);
    fprintf(f, "\n  ");
    text_pad(f, lang_text(l, T_CHK_COL_PLACE), 36);
    text_pad(f, lang_text(l, T_CHK_COL_NODE), 26);
    text_pad_left(f, lang_text(l, T_CHK_COL_KM), 8);
    fputc('\n', f);
    for (int i = 0; i < d->n_snaps; i++) {
        const struct snap *s = &d->snaps[i];
        snap_name(d, s, l, name, sizeof name);
        fprintf(f, "  ");
        text_pad(f, name, 36);
        text_pad(f, d->nodes[s->node].id, 26);
        fprintf(f, "%8.2f", s->km);
        if (s->km > d->snap_warn_km) {
            fprintf(f, "  ");
            fprintf(f, lang_text(l, T_CHK_SNAP_FAR), d->snap_warn_km);
        }
        fputc('\n', f);
    }
    fputc('\n', f);
}

void check_warn_snaps(FILE *f, const struct definition *d, enum lang l)
{
    char name[512];
    for (int i = 0; i < d->n_snaps; i++) {
        const struct snap *s = &d->snaps[i];
        if (!(s->km > d->snap_warn_km))
            continue;
        snap_name(d, s, l, name, sizeof name);
        fprintf(f, lang_text(l, T_CHK_WARN_SNAP), d->source_file, name, d->nodes[s->node].id,
                s->km, d->snap_warn_km);
        fputc('\n', f);
    }
}

static void print_minutes(FILE *f, double m)
{
    if (isfinite(m))
        fprintf(f, "%9.1f", m);
    else
        fprintf(f, "%9s", "-");
}

static void print_coverage(FILE *f, const struct definition *d, const struct coverage_row *rows,
                           double promise_min, enum lang l)
{
    fprintf(f, "%s\n  ", lang_text(l, T_CHK_COVERAGE_H));
    text_pad(f, lang_text(l, T_CHK_COL_TOWNSHIP), 20);
    text_pad_left(f, lang_text(l, T_CHK_COL_CENTRAL), 9);
    fprintf(f, "  ");
    text_pad(f, lang_text(l, T_CHK_COL_SUBCENTRE), 28);
    text_pad_left(f, lang_text(l, T_CHK_COL_MINUTES), 9);
    fputc('\n', f);
    int slow = 0, cut = 0;
    for (int i = 0; i < d->n_townships; i++) {
        const struct coverage_row *r = &rows[i];
        const struct township *t = &d->townships[r->township];
        const struct facility *sc = r->subcentre >= 0 ? &d->facilities[r->subcentre] : NULL;
        fprintf(f, "  ");
        text_pad(f, lang_name(l, t->name, t->name_zh), 20);
        print_minutes(f, r->central_min);
        fprintf(f, "  ");
        text_pad(f, sc ? lang_name(l, sc->name, sc->name_zh) : "-", 28);
        print_minutes(f, r->subcentre_min);
        double best = fmin(r->central_min, r->subcentre_min);
        if (!r->reached || !isfinite(best)) {
            fprintf(f, "  %s", lang_text(l, T_CHK_UNREACHABLE));
            cut++;
        } else if (best > promise_min) {
            fprintf(f, "  ");
            fprintf(f, lang_text(l, T_CHK_OVER), promise_min);
            slow++;
        }
        fprintf(f, "\n");
    }
    fputc('\n', f);
    fprintf(f, lang_text(l, T_CHK_TOTALS), d->n_townships, slow, promise_min, cut);
    fputc('\n', f);
}

void check_print(FILE *f, const struct definition *d, const struct coverage_row *rows,
                 double promise_min, enum lang l)
{
    fprintf(f, lang_text(l, T_CHK_TITLE), lang_name(l, d->name, d->name_zh), d->source_file);
    fputc('\n', f);
    const char *about = lang_name(l, d->description, d->description_zh);
    if (about[0])
        fprintf(f, "%s\n", about);
    fputc('\n', f);
    fprintf(f, lang_text(l, T_CHK_COUNTS), d->n_townships, d->n_items, d->n_truck_types);
    fputc('\n', f);
    print_nodes(f, d, l);
    print_snaps(f, d, l);
    print_roads(f, d, l);
    print_facilities(f, d, l);
    print_stores(f, d, l);
    print_coverage(f, d, rows, promise_min, l);
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
