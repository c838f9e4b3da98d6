/*
 * gis.c -- the GeoPackages of a run, of --export-network and of the roads
 * study (gis.h).  Each layer is written feature by feature through gpkg.c;
 * a road is the straight line between its two nodes (the folder keeps no
 * shape points: its km is the drawn line's), a corridor of the roads study
 * every road of its name.  Cost: O(nodes + roads + facilities x items +
 * the hazard rules' roads);
 * the roads study's corridors O(roads log roads) to group roads by name.
 */
#define _GNU_SOURCE                /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "model/model.h"
#include "results/gis.h"
#include "results/gpkg.h"
#include "results/study_roads.h"

static void road_line(struct gpkg *g, const struct definition *d, int road)
{
    const struct node *a = &d->nodes[d->roads[road].from], *b = &d->nodes[d->roads[road].to];
    const double lon[2] = { a->lon, b->lon }, lat[2] = { a->lat, b->lat };
    gpkg_line(g, lon, lat, 2);
}

/* "FROM-TO", as disaster.protect and the roads study name a road. */
static void road_token(const struct definition *d, int road, char *buf, size_t n)
{
    snprintf(buf, n, "%s-%s", d->nodes[d->roads[road].from].id, d->nodes[d->roads[road].to].id);
}

/* ---- results.gpkg of a run ---------------------------------------------------------- */

static void run_sites(struct gpkg *g, const struct definition *d, const struct summary *s)
{
    static const struct gpkg_field f[] = {
        { "site", GPKG_TEXT }, { "township", GPKG_TEXT }, { "name", GPKG_TEXT },
        { "name_zh", GPKG_TEXT }, { "p_on_time", GPKG_REAL }, { "p_on_time_lo", GPKG_REAL },
        { "p_on_time_hi", GPKG_REAL }, { "reached", GPKG_REAL }, { "mean_response_min", GPKG_REAL },
        { "p95_response_min", GPKG_REAL }, { "main_cause", GPKG_TEXT }, { "mean_people", GPKG_REAL } };
    gpkg_layer(g, "sites", GPKG_POINT, f, (int)(sizeof f / sizeof f[0]));
    for (int k = 0; k < d->n_sites; k++) {
        const struct site_summary *ss = &s->sites[k];
        const struct node *v = &d->nodes[d->sites[k].node];
        const struct township *t = &d->townships[d->sites[k].township];
        gpkg_text(g, 0, d->sites[k].id);
        gpkg_text(g, 1, t->id);
        gpkg_text(g, 2, v->name);
        gpkg_text(g, 3, v->name_zh);
        gpkg_real(g, 4, ss->on_time.est);
        gpkg_real(g, 5, ss->on_time.lo);
        gpkg_real(g, 6, ss->on_time.hi);
        gpkg_real(g, 7, ss->reached);
        gpkg_real(g, 8, ss->mean_response);
        gpkg_real(g, 9, ss->p95_response);
        gpkg_text(g, 10, ss->main_cause >= 0 ? cause_id(ss->main_cause) : NULL);
        gpkg_real(g, 11, ss->mean_people);
        gpkg_point(g, v->lon, v->lat);
        gpkg_add(g);
    }
}

/* What damages each road (`cause` of road_damage rules): the distinct
 * causes in the order the rules first name them, and per road a bit for
 * each cause of a rule that can touch it (chance > 0, the road not
 * protected).  Built in O(rules^2 + the rules' roads); mask is NULL when
 * no rule names a cause. */
struct road_causes {
    const char **name; int n;
    int words;                      /* 64-bit words per road */
    unsigned long long *mask;       /* n_roads x words */
};

static int causes_find(const struct definition *d, struct road_causes *rc)
{
    *rc = (struct road_causes){ 0 };
    rc->name = malloc(((size_t)d->n_damage + 1) * sizeof *rc->name);
    if (!rc->name)
        return -1;
    int *of = malloc(((size_t)d->n_damage + 1) * sizeof *of);   /* each rule's cause, or -1 */
    if (!of)
        return -1;
    for (int r = 0; r < d->n_damage; r++) {
        const char *c = d->damage[r].cause;
        int k = 0;
        while (c && k < rc->n && strcmp(rc->name[k], c))
            k++;
        if (c && k == rc->n)
            rc->name[rc->n++] = c;
        of[r] = c ? k : -1;
    }
    rc->words = (rc->n + 63) / 64;
    if (rc->n > 0 && !(rc->mask = calloc((size_t)d->n_roads * (size_t)rc->words,
                                         sizeof *rc->mask))) {
        free(of);
        return -1;
    }
    for (int r = 0; rc->mask && r < d->n_damage; r++)
        for (int k = 0; of[r] >= 0 && k < d->damage[r].n_roads; k++) {
            int road = d->damage[r].roads[k];
            if (damage_chance(d, &d->damage[r], road) > 0
                && !(d->road_protected && d->road_protected[road]))
                rc->mask[(size_t)road * (size_t)rc->words + (size_t)of[r] / 64]
                    |= 1ULL << (of[r] % 64);
        }
    free(of);
    return 0;
}

/* The causes of road i joined by commas into buf ("" when none). */
static const char *causes_of(const struct road_causes *rc, int road, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int k = 0; rc->mask && k < rc->n; k++)
        if (rc->mask[(size_t)road * (size_t)rc->words + (size_t)k / 64] & (1ULL << (k % 64)))
            snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", buf[0] ? "," : "",
                     rc->name[k]);
    return buf;
}

/* The roads the run says something of: those the hazard can touch, and
 * those the scenario protects or closes. */
static void run_roads(struct gpkg *g, const struct definition *d, const double *p_close,
                      const double *p_slow, const struct road_causes *rc)
{
    static const struct gpkg_field f[] = {
        { "road", GPKG_TEXT }, { "from", GPKG_TEXT }, { "to", GPKG_TEXT }, { "name", GPKG_TEXT },
        { "class", GPKG_TEXT }, { "km", GPKG_REAL }, { "free_flow_min", GPKG_REAL },
        { "p_closed", GPKG_REAL }, { "p_slowed", GPKG_REAL }, { "p_damaged", GPKG_REAL },
        { "protected", GPKG_INT }, { "closed", GPKG_INT }, { "cause", GPKG_TEXT } };
    char token[300], cause[300];
    gpkg_layer(g, "roads", GPKG_LINE, f, (int)(sizeof f / sizeof f[0]));
    for (int i = 0; i < d->n_roads; i++) {
        double close = p_close[i], slow = p_slow[i];
        int prot = d->road_protected && d->road_protected[i];
        int shut = d->road_closed && d->road_closed[i];
        if (!(close > 0 || slow > 0 || prot || shut))
            continue;
        const struct road *r = &d->roads[i];
        road_token(d, i, token, sizeof token);
        gpkg_text(g, 0, token);
        gpkg_text(g, 1, d->nodes[r->from].id);
        gpkg_text(g, 2, d->nodes[r->to].id);
        gpkg_text(g, 3, r->name);
        gpkg_text(g, 4, road_class_name(r->cls));
        gpkg_real(g, 5, r->km);
        gpkg_real(g, 6, definition_road_minutes(d, i));
        gpkg_real(g, 7, close);
        gpkg_real(g, 8, slow);
        gpkg_real(g, 9, 1 - (1 - close) * (1 - slow));
        gpkg_int(g, 10, prot);
        gpkg_int(g, 11, shut);
        causes_of(rc, i, cause, sizeof cause);
        gpkg_text(g, 12, cause[0] ? cause : NULL);
        road_line(g, d, i);
        gpkg_add(g);
    }
}

struct gpkg *gis_run_begin(const char *dir, const struct definition *d, enum lang l, char *err,
                           size_t errlen)
{
    struct road_causes rc;
    double *close = malloc(((size_t)d->n_roads + 1) * sizeof *close);
    double *slow = malloc(((size_t)d->n_roads + 1) * sizeof *slow);
    int rc_ok = causes_find(d, &rc) == 0;
    struct gpkg *g = NULL;
    if (!close || !slow || !rc_ok)
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
    else if ((g = gpkg_create(dir, "results.gpkg", l, err, errlen)) != NULL) {
        damage_all_chances(d, close, slow);
        run_roads(g, d, close, slow, &rc);
        gpkg_layer_done(g);
    }
    free(close);
    free(slow);
    free(rc.name);
    free(rc.mask);
    return g;
}

int gis_run_end(struct gpkg *g, const struct definition *d, const struct summary *s, char *err,
                size_t errlen)
{
    run_sites(g, d, s);
    return gpkg_commit(g, err, errlen);
}

int gis_run(const char *dir, const struct definition *d, const struct summary *s, enum lang l,
            char *err, size_t errlen)
{
    struct gpkg *g = gis_run_begin(dir, d, l, err, errlen);
    return g ? gis_run_end(g, d, s, err, errlen) : -1;
}

/* ---- network.gpkg ------------------------------------------------------------------- */

/* Fields 0-3 of the nodes, facilities and townships layers. */
static void who(struct gpkg *g, const char *id, const char *name, const char *name_zh,
                const char *kind)
{
    gpkg_text(g, 0, id);
    gpkg_text(g, 1, name);
    gpkg_text(g, 2, name_zh);
    gpkg_text(g, 3, kind);
}

static void net_roads(struct gpkg *g, const struct definition *d)
{
    static const struct gpkg_field f[] = {
        { "from", GPKG_TEXT }, { "to", GPKG_TEXT }, { "name", GPKG_TEXT }, { "class", GPKG_TEXT },
        { "km", GPKG_REAL }, { "minutes", GPKG_REAL } };
    gpkg_layer(g, "roads", GPKG_LINE, f, (int)(sizeof f / sizeof f[0]));
    for (int i = 0; i < d->n_roads; i++) {
        const struct road *r = &d->roads[i];
        gpkg_text(g, 0, d->nodes[r->from].id);
        gpkg_text(g, 1, d->nodes[r->to].id);
        gpkg_text(g, 2, r->name);
        gpkg_text(g, 3, road_class_name(r->cls));
        gpkg_real(g, 4, r->km);
        gpkg_real(g, 5, definition_road_minutes(d, i));
        road_line(g, d, i);
        gpkg_add(g);
    }
}

static void net_nodes(struct gpkg *g, const struct definition *d)
{
    static const struct gpkg_field f[] = {
        { "id", GPKG_TEXT }, { "name", GPKG_TEXT }, { "name_zh", GPKG_TEXT }, { "kind", GPKG_TEXT } };
    gpkg_layer(g, "nodes", GPKG_POINT, f, 4);
    for (int i = 0; i < d->n_nodes; i++) {
        const struct node *n = &d->nodes[i];
        who(g, n->id, n->name, n->name_zh, node_kind_name(n->kind));
        gpkg_point(g, n->lon, n->lat);
        gpkg_add(g);
    }
}

#define FAC_FIELDS 16

/* Facilities: what they are, hold and send (trucks: the main fleet; a
 * second fleet, extra_truck and extra_trucks in the configuration, beside
 * it); then one stock_<item> field per item (units). */
static int net_facilities(struct gpkg *g, const struct definition *d, enum lang l, char *err,
                          size_t errlen)
{
    static const struct gpkg_field head[FAC_FIELDS] = {
        { "id", GPKG_TEXT }, { "name", GPKG_TEXT }, { "name_zh", GPKG_TEXT }, { "kind", GPKG_TEXT },
        { "node", GPKG_TEXT }, { "township", GPKG_TEXT }, { "floor_m2", GPKG_REAL },
        { "capacity_t", GPKG_REAL }, { "capacity_m3", GPKG_REAL }, { "stock_t", GPKG_REAL },
        { "stock_m3", GPKG_REAL }, { "bays", GPKG_INT }, { "trucks", GPKG_INT },
        { "truck_type", GPKG_TEXT }, { "extra_trucks", GPKG_INT },
        { "extra_truck_type", GPKG_TEXT } };
    struct gpkg_field *f = malloc(((size_t)FAC_FIELDS + (size_t)d->n_items) * sizeof *f);
    char **names = calloc((size_t)d->n_items + 1, sizeof *names);
    int ok = f && names;
    for (int k = 0; ok && k < d->n_items; k++) {
        size_t n = strlen(d->items[k].id) + 7;
        if ((ok = (names[k] = malloc(n)) != NULL))
            snprintf(names[k], n, "stock_%s", d->items[k].id);
    }
    if (ok) {
        memcpy(f, head, sizeof head);
        for (int k = 0; k < d->n_items; k++)
            f[FAC_FIELDS + k] = (struct gpkg_field){ names[k], GPKG_REAL };
        gpkg_layer(g, "facilities", GPKG_POINT, f, FAC_FIELDS + d->n_items);
    }
    for (int i = 0; ok && i < d->n_facilities; i++) {
        const struct facility *x = &d->facilities[i];
        const struct node *n = &d->nodes[x->node];
        who(g, x->id, x->name, x->name_zh, facility_kind_name(x->kind));
        gpkg_text(g, 4, n->id);
        gpkg_text(g, 5, x->township >= 0 ? d->townships[x->township].id : NULL);
        gpkg_real(g, 6, x->floor_m2);
        gpkg_real(g, 7, x->capacity_t);
        gpkg_real(g, 8, x->capacity_m3);
        gpkg_real(g, 9, definition_stock_t(d, i));
        gpkg_real(g, 10, definition_stock_m3(d, i));
        gpkg_int(g, 11, x->bays);
        gpkg_int(g, 12, x->trucks - x->extra_trucks);
        gpkg_text(g, 13, x->trucks > x->extra_trucks ? d->truck_types[x->truck_type].id : NULL);
        gpkg_int(g, 14, x->extra_trucks);
        gpkg_text(g, 15, x->extra_trucks > 0 ? d->truck_types[x->extra_type].id : NULL);
        for (int k = 0; k < d->n_items; k++)
            gpkg_real(g, FAC_FIELDS + k, x->stock[k]);
        gpkg_point(g, n->lon, n->lat);
        gpkg_add(g);
    }
    for (int k = 0; names && k < d->n_items; k++)
        free(names[k]);
    free(names);
    free(f);
    if (!ok)
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
    return ok ? 0 : -1;
}

static void net_townships(struct gpkg *g, const struct definition *d)
{
    static const struct gpkg_field f[] = {
        { "id", GPKG_TEXT }, { "name", GPKG_TEXT }, { "name_zh", GPKG_TEXT }, { "kind", GPKG_TEXT },
        { "population", GPKG_REAL }, { "seat", GPKG_TEXT }, { "subcentre", GPKG_TEXT } };
    gpkg_layer(g, "townships", GPKG_POINT, f, 7);
    for (int i = 0; i < d->n_townships; i++) {
        const struct township *t = &d->townships[i];
        const struct node *n = &d->nodes[t->node];
        who(g, t->id, t->name, t->name_zh, township_kind_name(t->kind));
        gpkg_real(g, 4, t->population);
        gpkg_text(g, 5, n->id);
        gpkg_text(g, 6, t->subcentre >= 0 ? d->facilities[t->subcentre].id : NULL);
        gpkg_point(g, n->lon, n->lat);
        gpkg_add(g);
    }
}

static void net_sites(struct gpkg *g, const struct definition *d)
{
    static const struct gpkg_field f[] = {
        { "site", GPKG_TEXT }, { "township", GPKG_TEXT }, { "name", GPKG_TEXT },
        { "name_zh", GPKG_TEXT }, { "village_km", GPKG_REAL } };
    gpkg_layer(g, "sites", GPKG_POINT, f, 5);
    for (int k = 0; k < d->n_sites; k++) {
        const struct node *v = &d->nodes[d->sites[k].node];
        gpkg_text(g, 0, d->sites[k].id);
        gpkg_text(g, 1, d->townships[d->sites[k].township].id);
        gpkg_text(g, 2, v->name);
        gpkg_text(g, 3, v->name_zh);
        gpkg_real(g, 4, d->roads[d->sites[k].last_mile].km);
        gpkg_point(g, v->lon, v->lat);
        gpkg_add(g);
    }
}

int gis_network(const char *dir, const struct definition *d, enum lang l, char *err,
                size_t errlen)
{
    struct gpkg *g = gpkg_create(dir, "network.gpkg", l, err, errlen);
    if (!g)
        return -1;
    net_roads(g, d);
    net_nodes(g, d);
    if (net_facilities(g, d, l, err, errlen) < 0) {
        gpkg_abort(g);
        return -1;
    }
    net_townships(g, d);
    net_sites(g, d);
    return gpkg_commit(g, err, errlen);
}

/* ---- results.gpkg of the roads study ------------------------------------------------ */

static int by_name(const void *a, const void *b, void *arg)
{
    const struct definition *d = arg;
    int i = *(const int *)a, j = *(const int *)b;
    int c = strcmp(d->roads[i].name, d->roads[j].name);
    return c ? c : (i > j) - (i < j);
}

/* A row's geometry: its segment, or every road of its corridor's name
 * (byname: road indices sorted by name). */
static void row_lines(struct gpkg *g, const struct definition *d, const struct road_row *row,
                      const int *byname)
{
    if (!row->corridor) {
        road_line(g, d, row->road);
        return;
    }
    int lo = 0, hi = d->n_roads;                /* the first road of the name */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (strcmp(d->roads[byname[mid]].name, row->name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int k = lo; k < d->n_roads && !strcmp(d->roads[byname[k]].name, row->name); k++)
        road_line(g, d, byname[k]);
}

int gis_roads_study(const char *dir, const struct study_view *w, char *err, size_t errlen)
{
    static const struct gpkg_field f[] = {
        { "road", GPKG_TEXT }, { "name", GPKG_TEXT }, { "class", GPKG_TEXT }, { "km", GPKG_REAL },
        { "corridor", GPKG_INT }, { "touched_share", GPKG_REAL }, { "protect_diff", GPKG_REAL },
        { "protect_diff_lo", GPKG_REAL }, { "protect_diff_hi", GPKG_REAL },
        { "close_diff", GPKG_REAL }, { "close_diff_lo", GPKG_REAL }, { "close_diff_hi", GPKG_REAL },
        { "rank", GPKG_INT }, { "runs", GPKG_INT } };
    const struct definition *d = w->d;
    struct road_row *rows = NULL;
    int n = 0, *order = NULL, *byname = malloc(((size_t)d->n_roads + 1) * sizeof *byname);
    if (!byname || roads_rows(d, &rows, &n) < 0 || w->s->n_v != 1 + 2 * n
        || !(order = malloc(((size_t)n + 1) * sizeof *order)) || roads_rank(w, n, order) < 0) {
        snprintf(err, errlen, "%s", lang_text(w->lang, T_CMD_OUT_OF_MEMORY));
        free(byname), free(rows), free(order);
        return -1;
    }
    for (int i = 0; i < d->n_roads; i++)
        byname[i] = i;
    qsort_r(byname, (size_t)d->n_roads, sizeof *byname, by_name, (void *)d);
    struct gpkg *g = gpkg_create(dir, "results.gpkg", w->lang, err, errlen);
    if (g)
        gpkg_layer(g, "roads", GPKG_LINES, f, (int)(sizeof f / sizeof f[0]));
    for (int k = 0; g && k < n; k++) {
        const struct road_row *row = &rows[order[k]];
        const struct variant_stats *p = &w->st[1 + 2 * order[k]], *c = &w->st[2 + 2 * order[k]];
        gpkg_text(g, 0, row->token);
        gpkg_text(g, 1, row->name);
        gpkg_text(g, 2, road_class_name((enum road_class)row->cls));
        gpkg_real(g, 3, row->km);
        gpkg_int(g, 4, row->corridor);
        gpkg_real(g, 5, row->touched);
        gpkg_real(g, 6, p->diff.est);
        gpkg_real(g, 7, p->diff.lo);
        gpkg_real(g, 8, p->diff.hi);
        gpkg_real(g, 9, c->diff.est);
        gpkg_real(g, 10, c->diff.lo);
        gpkg_real(g, 11, c->diff.hi);
        gpkg_int(g, 12, k + 1);
        gpkg_int(g, 13, p->runs);
        row_lines(g, d, row, byname);
        gpkg_add(g);
    }
    free(byname), free(rows), free(order);
    return g ? gpkg_commit(g, err, errlen) : -1;
}
