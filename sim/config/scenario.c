/*
 * scenario.c -- the scenario half of a configuration: how a run is made
 * (`run`) and what the disaster does (`disaster`: sites, the kit each
 * displaced person needs, road damage).  Read after the system, whose ids it
 * refers to.  Each disaster site becomes a village node joined to its
 * township's seat by a village road of `village_km` (the last mile), so road
 * damage and routing treat it like any other road.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"
#include "engine/geo.h"
#include "engine/grow.h"
#include "engine/spatial.h"

/* thresholds_from: the clock of every threshold, "disaster" (the default)
 * or "order", one per threshold. */
static void read_clocks(struct reader *r, const config_setting_t *g)
{
    static const char *const clocks[] = { "disaster", "order" };   /* enum threshold_clock */
    struct run *run = &r->d->run;
    const config_setting_t *s = cfg_opt(g, "thresholds_from");
    run->thresholds_from = cfg_alloc(r, (size_t)run->n_thresholds, 1);
    if (!s || r->bad)
        return;
    if (!config_setting_is_array(s) || config_setting_length(s) != run->n_thresholds) {
        FAIL(r, s, NULL, T_CFG_THRESHOLDS_FROM, run->n_thresholds, cfg_found(r, s));
        return;
    }
    for (int i = 0; i < run->n_thresholds && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(s, i);
        const char *v = cfg_str_of(r, e);
        int k = !r->bad && !strcmp(v, clocks[1]);
        if (!r->bad && !k && strcmp(v, clocks[0])) {
            char hint[160];
            cfg_did_you_mean(r->c->lang, v, clocks, 2, hint, sizeof hint);
            FAIL(r, e, NULL, T_CFG_ONE_OF, "disaster, order", v, hint);
        }
        run->thresholds_from[i] = (unsigned char)k;
    }
}

static void read_thresholds(struct reader *r, const config_setting_t *g)
{
    struct run *run = &r->d->run;
    const config_setting_t *s = cfg_opt(g, "thresholds_min");
    int n = s ? config_setting_length(s) : 2;
    run->thresholds_min = cfg_alloc(r, (size_t)n, sizeof *run->thresholds_min);
    if (r->bad)
        return;
    run->n_thresholds = n;
    if (!s) {           /* Yongcheng's 2 h promise; the national 6 h first-batch guideline */
        run->thresholds_min[0] = 120.0;
        run->thresholds_min[1] = 360.0;
    } else if (!config_setting_is_array(s) || n < 1) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_THRESHOLDS), cfg_found(r, s));
    }
    for (int i = 0; s && i < n && !r->bad; i++)
        run->thresholds_min[i] = cfg_num_of(r, config_setting_get_elem(s, i), POS);
    read_clocks(r, g);
}

void cfg_read_run(struct reader *r, const config_setting_t *root)
{
    static const char *const known[] = { "replications", "seed", "horizon_h", "onset_hour",
        "promise_min", "thresholds_min", "thresholds_from", "required_level", "dispatch", "alarm",
        "trace_replications", "max_replications", "load_cv", "unload_min", "label", "label_zh",
        "verdict_confidence",
        "each_site", "road_info",
        NULL };
    static const char *const policies[] = { "earliest", "tiered" };
    static const char *const alarms[] = { "request", "onset" };
    static const char *const infos[] = { "reported", "perfect" };   /* enum road_info */
    const config_setting_t *g = cfg_opt(root, "run");
    if (g && !config_setting_is_group(g))
        FAIL(r, g, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_GROUP), cfg_found(r, g));
    cfg_only_known(r, g, known);
    struct run *run = &r->d->run;
    const config_setting_t *s;
    run->replications = (s = cfg_opt(g, "replications"))
        ? cfg_int_in(r, s, 1, CFG_MAX_REPLICATIONS) : 1000;
    run->seed = 1;
    if ((s = cfg_opt(g, "seed")) && config_setting_type(s) == CONFIG_TYPE_INT64)
        run->seed = (unsigned long long)config_setting_get_int64(s);
    else if (s)
        run->seed = (unsigned long long)cfg_int_of(r, s, NONNEG);
    run->horizon_min = 60.0 * cfg_opt_num(r, g, "horizon_h", POS, 72.0);
    run->onset_hour = cfg_opt_num(r, g, "onset_hour", NONNEG, 0.0);
    run->promise_min = cfg_opt_num(r, g, "promise_min", POS, 120.0);
    run->required_level = cfg_opt_num(r, g, "required_level", POS, 0.95);
    run->verdict_conf = cfg_opt_num(r, g, "verdict_confidence", POS, 0.95);
    if (!r->bad && run->verdict_conf >= 1.0)
        FAIL(r, cfg_opt(g, "verdict_confidence"), NULL, T_CFG_CONFIDENCE, run->verdict_conf);
    run->dispatch = cfg_opt(g, "dispatch") ? cfg_choice(r, g, "dispatch", policies, 2) : 0;
    run->alarm = cfg_opt(g, "alarm") ? cfg_choice(r, g, "alarm", alarms, 2) : 0;
    run->road_info = cfg_opt(g, "road_info") ? cfg_choice(r, g, "road_info", infos, 2)
                                             : ROAD_INFO_REPORTED;
    run->trace_replications = (s = cfg_opt(g, "trace_replications"))
        ? cfg_int_in(r, s, 0, CFG_MAX_TRACE) : 3;
    run->max_replications = (s = cfg_opt(g, "max_replications"))
        ? cfg_int_in(r, s, 1, CFG_MAX_REPLICATIONS) : 20000;
    run->load_cv = cfg_opt_num(r, g, "load_cv", NONNEG, 0.25);
    cfg_check_cv(r, cfg_opt(g, "load_cv"), run->load_cv, CFG_MAX_CV);
    run->unload_min = cfg_opt_num(r, g, "unload_min", NONNEG, 15.0);
    r->d->scenario_label = cfg_dup(r, cfg_opt_str(r, g, "label", "disasters"));
    r->d->scenario_label_zh = cfg_dup(r, cfg_opt_str(r, g, "label_zh", ""));
    if ((s = cfg_opt(g, "each_site")) && config_setting_type(s) != CONFIG_TYPE_BOOL)
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_BOOL), cfg_found(r, s));
    run->each_site = s && !r->bad && config_setting_get_bool(s);
    if (!r->bad && run->horizon_min > 60.0 * 24 * 366)
        FAIL(r, cfg_opt(g, "horizon_h"), NULL, T_CFG_HORIZON, run->horizon_min / 60);
    if (!r->bad && (s = cfg_opt(g, "seed")) && config_setting_type(s) == CONFIG_TYPE_INT64
        && config_setting_get_int64(s) < 0)
        FAIL(r, s, NULL, T_CFG_SEED_NEG,
             (long long)config_setting_get_int64(s));
    if (!r->bad && run->onset_hour >= 24.0)
        FAIL(r, cfg_opt(g, "onset_hour"), NULL, T_CFG_HOUR,
             run->onset_hour);
    if (!r->bad && run->required_level > 1.0)
        FAIL(r, cfg_opt(g, "required_level"), NULL, T_CFG_SHARE,
             run->required_level);
    read_thresholds(r, g);
}

/* ---- sites ------------------------------------------------------------- */

/* Grows the node and road arrays by one village and its last-mile road. */
static void add_village(struct reader *r, struct site *st, const config_setting_t *e, double km)
{
    struct definition *d = r->d;
    struct node *nodes = realloc(d->nodes, (size_t)(d->n_nodes + 1) * sizeof *nodes);
    if (nodes)
        d->nodes = nodes;
    struct road *roads = realloc(d->roads, (size_t)(d->n_roads + 1) * sizeof *roads);
    if (roads)
        d->roads = roads;
    if (!nodes || !roads) {
        FAIL(r, e, NULL, T_CMD_OUT_OF_MEMORY);
        return;
    }
    const struct node *seat = &d->nodes[d->townships[st->township].node];
    const struct township *t = &d->townships[st->township];
    struct node *v = &d->nodes[d->n_nodes];
    char name[256], name_zh[256];
    int k = 1;                              /* the k-th site of its township */
    for (const struct site *o = d->sites; o < st; o++)
        k += o->township == st->township;
    if (k > 1) {      /* its name for people in both languages, whatever the run's */
        snprintf(name, sizeof name, lang_text(LANG_EN, T_CFG_VILLAGE_N), t->name, k);
        snprintf(name_zh, sizeof name_zh, lang_text(LANG_ZH, T_CFG_VILLAGE_N), t->name_zh, k);
    } else {
        snprintf(name, sizeof name, lang_text(LANG_EN, T_CFG_VILLAGE), t->name);
        snprintf(name_zh, sizeof name_zh, lang_text(LANG_ZH, T_CFG_VILLAGE), t->name_zh);
    }
    *v = (struct node){ cfg_dup(r, st->id), cfg_dup(r, name), cfg_dup(r, name_zh), NODE_VILLAGE,
                        seat->lon, seat->lat };
    v->lat = seat->lat + cfg_opt_num(r, e, "north_km", ANY, 0.0) / 111.2;
    v->lon = seat->lon + cfg_opt_num(r, e, "east_km", ANY, km / d->detour_factor)
                         / (111.2 * cos(seat->lat * M_PI / 180.0));
    st->node = d->n_nodes++;
    d->roads[d->n_roads] = (struct road){ d->townships[st->township].node, st->node, km,
                                          ROAD_VILLAGE, cfg_dup(r, ROAD_LAST_MILE) };
    st->last_mile = d->n_roads++;
}

/* The site's id (by default site_<township>, then _2, _3 ...): it names a
 * node, so it must differ from every node's and every earlier site's. */
static const char *site_id(struct reader *r, const config_setting_t *e, const struct maps *m,
                           int i, char *buf, size_t len)
{
    const char *tid = r->d->townships[r->d->sites[i].township].id;
    const config_setting_t *given = cfg_opt(e, "id");
    int k = 1;                  /* start past the earlier sites of this township: O(N^2) in all */
    for (int j = 0; j < i; j++)
        k += r->d->sites[j].township == r->d->sites[i].township;
    for (; !r->bad; k++) {
        if (given)
            snprintf(buf, len, "%s", cfg_str_of(r, given));
        else if (k == 1)
            snprintf(buf, len, "site_%s", tid);
        else
            snprintf(buf, len, "site_%s_%d", tid, k);
        int taken = cfg_idmap_find(&m->nodes, buf) >= 0;
        for (int j = 0; j < i && !taken; j++)
            taken = !strcmp(r->d->sites[j].id, buf);
        if (!taken)
            return buf;
        if (given)
            FAIL(r, given, NULL, T_CFG_SITE_ID_TAKEN,
                 buf);
    }
    return "";
}

static void read_site(struct reader *r, const config_setting_t *e, const struct maps *m, int i)
{
    static const char *const known[] = { "id", "township", "village_km", "occur_min",
        "report_min", "displaced", "displaced_share", "east_km", "north_km", NULL };
    struct site *st = &r->d->sites[i];
    cfg_only_known(r, e, known);
    st->township = cfg_township_ref(r, e, "township", &m->townships);
    if (r->bad)
        return;
    char buf[160];
    st->id = cfg_dup(r, site_id(r, e, m, i, buf, sizeof buf));
    double km = cfg_get_num(r, e, "village_km", POS);
    st->occur_min = cfg_draw(r, e, "occur_min", NONNEG, 0, 0.0);
    st->report_min = cfg_draw(r, e, "report_min", NONNEG, 0, 0.0);
    if (cfg_opt(e, "displaced_share")) {     /* a share of the township's population */
        double pop = r->d->townships[st->township].population;
        struct draw sh = cfg_draw(r, e, "displaced_share", POS, 1, 0.0);
        if (!r->bad && (sh.hi > 1.0 || cfg_opt(e, "displaced")))
            FAIL(r, cfg_opt(e, "displaced_share"), NULL,
                 sh.hi > 1.0 ? T_CFG_DISPLACED_ABOVE : T_CFG_DISPLACED_BOTH);
        st->displaced = (struct draw){ sh.lo * pop, sh.hi * pop };
    } else {
        st->displaced = cfg_draw(r, e, "displaced", POS, 1, 0.0);
    }
    cfg_at_most(r, cfg_opt(e, "displaced") ? cfg_opt(e, "displaced") : cfg_opt(e, "displaced_share"),
                st->displaced.hi, 1e7, T_CFG_UNIT_PEOPLE);
    if (!r->bad && st->displaced.lo < 0.5)
        FAIL(r, cfg_opt(e, "displaced") ? cfg_opt(e, "displaced") : cfg_opt(e, "displaced_share"),
             NULL, T_CFG_DISPLACED_MIN, st->displaced.lo);
    if (!r->bad)
        add_village(r, st, e, km);
}

/* Something is needed, and every item needed fits on some truck: otherwise a
 * site could never be served and the run would blame a stock-out. */
static void kit_is_carried(struct reader *r, const config_setting_t *kit)
{
    const struct definition *d = r->d;
    int any = 0;
    for (int i = 0; i < d->n_items && !r->bad; i++) {
        if (!(d->kit[i] > 0))
            continue;
        any = 1;
        int fits = 0;
        for (int t = 0; t < d->n_truck_types && !fits; t++)
            fits = d->items[i].weight_kg <= 1000.0 * d->truck_types[t].capacity_t
                && d->items[i].volume_m3 <= d->truck_types[t].capacity_m3;
        if (!fits)
            FAIL(r, config_setting_get_member(kit, d->items[i].id), NULL, T_CFG_KIT_FITS,
                 d->items[i].id, d->items[i].weight_kg, d->items[i].volume_m3);
    }
    if (!any && !r->bad)
        FAIL(r, kit, NULL, T_CFG_KIT_NONE);
}

static void read_kit(struct reader *r, const config_setting_t *dis, const struct maps *m)
{
    const config_setting_t *kit = cfg_opt(dis, "kit");
    r->d->kit = cfg_alloc(r, (size_t)r->d->n_items, sizeof *r->d->kit);
    if (!kit) {
        cfg_req(r, dis, "kit", T_CFG_A_KIT);
        return;
    }
    if (!config_setting_is_group(kit) || config_setting_length(kit) == 0)
        FAIL(r, kit, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_KIT),
             config_setting_is_group(kit) ? cfg_words(r, T_CFG_EMPTY_GROUP) : cfg_found(r, kit));
    for (int i = 0; !r->bad && i < config_setting_length(kit); i++) {
        const config_setting_t *s = config_setting_get_elem(kit, i);
        int it = cfg_idmap_find(&m->items, config_setting_name(s));
        if (it < 0)
            cfg_not_id(r, s, &m->items, T_CFG_KIND_ITEM, T_CFG_ITEM_ID, config_setting_name(s));
        else
            r->d->kit[it] = cfg_at_most(r, s, cfg_num_of(r, s, NONNEG), 1000, T_CFG_UNIT_KIT);
    }
    kit_is_carried(r, kit);
}

/* ---- road damage ------------------------------------------------------- */

/* An area [lon, lat, km] and a box of longitudes and latitudes around it:
 * a point outside the box is farther than km from the centre (on a sphere,
 * d >= R dlat, and d >= 2R asin(cos(lat) sin(dlon / 2)) for the least cos(lat)
 * of the two; the box is widened a little for rounding), so most roads of a
 * large network are ruled out without computing a distance. */
struct area { double lon, lat, km, lat_lo, lat_hi, lon_half; };

static struct area area_box(const double *a)
{
    const double R = 6371.0, deg = M_PI / 180.0;
    struct area x = { a[0], a[1], a[2], 0, 0, INFINITY };
    double dlat = a[2] / (R * deg) * (1 + 1e-6) + 1e-9;
    x.lat_lo = a[1] - dlat;
    x.lat_hi = a[1] + dlat;
    double c = cos(fmin(90.0, fmax(fabs(x.lat_lo), fabs(x.lat_hi))) * deg);
    double sine = sin(fmin(a[2] / (2 * R), M_PI / 2)) / c;
    if (c > 0 && sine < 1)
        x.lon_half = 2 * asin(sine) / deg * (1 + 1e-6) + 1e-9;
    return x;
}

/* The roads a rule selects: by corridor name, between two nodes, or by class
 * and/or within an area (a road is in it when its midpoint is). */
static int selects(const struct definition *d, int i, const char *name, int a, int b, int cls,
                   const struct area *area)
{
    const struct road *rd = &d->roads[i];
    if (name && (rd->name[0] != name[0] || strcmp(rd->name, name)))
        return 0;
    if (a >= 0 && !((rd->from == a && rd->to == b) || (rd->from == b && rd->to == a)))
        return 0;
    if (cls >= 0 && (int)rd->cls != cls)
        return 0;
    if (area) {
        const struct node *p = &d->nodes[rd->from], *q = &d->nodes[rd->to];
        double lon = (p->lon + q->lon) / 2, lat = (p->lat + q->lat) / 2;
        if (lat < area->lat_lo || lat > area->lat_hi || fabs(lon - area->lon) > area->lon_half)
            return 0;
        if (geo_km(area->lon, area->lat, lon, lat) > area->km)
            return 0;
    }
    return 1;
}

static void read_area(struct reader *r, const config_setting_t *e, double *area)
{
    const config_setting_t *s = cfg_opt(e, "area");
    if (!config_setting_is_array(s) || config_setting_length(s) != 3) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_AREA), cfg_found(r, s));
        return;
    }
    for (int k = 0; k < 3; k++)
        area[k] = cfg_num_of(r, config_setting_get_elem(s, k), k == 2 ? POS : ANY);
}

static void read_between(struct reader *r, const config_setting_t *e, const struct maps *m,
                         int *a, int *b)
{
    const config_setting_t *s = cfg_opt(e, "between");
    if (!config_setting_is_array(s) || config_setting_length(s) != 2) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_BETWEEN), cfg_found(r, s));
        return;
    }
    int *ends[2] = { a, b };
    for (int k = 0; k < 2 && !r->bad; k++) {
        const config_setting_t *x = config_setting_get_elem(s, k);
        *ends[k] = cfg_idmap_find(&m->nodes, cfg_str_of(r, x));
        if (*ends[k] < 0 && !r->bad)
            cfg_not_id(r, x, &m->nodes, T_CFG_KIND_NODE, T_CFG_NODE_ID, cfg_str_of(r, x));
    }
}

/* The roads of each class, in index order: road[first[c] .. first[c+1]);
 * and, made for the first rule with an area, a grid of the roads' midpoints
 * (mid_lon, mid_lat), so that a rule's area is searched cell by cell instead
 * of reading both ends of every road of its class: that took a million-node
 * network's 36 area rules 0.2 s. */
struct road_index {
    int first[ROAD_CLASSES + 1];
    int *road;
    double *mid_lon, *mid_lat;
    struct spatial *grid;
};

static void road_index_free(struct road_index *x)
{
    free(x->road);
    free(x->mid_lon);
    free(x->mid_lat);
    spatial_free(x->grid);
}

/* The grid of midpoints, made the first time; NULL when out of memory. */
static const struct spatial *midpoints(const struct definition *d, struct road_index *x)
{
    if (x->grid)
        return x->grid;
    x->mid_lon = malloc(((size_t)d->n_roads + 1) * sizeof *x->mid_lon);
    x->mid_lat = malloc(((size_t)d->n_roads + 1) * sizeof *x->mid_lat);
    if (!x->mid_lon || !x->mid_lat)
        return NULL;
    for (int i = 0; i < d->n_roads; i++) {      /* as selects computes them */
        const struct node *p = &d->nodes[d->roads[i].from], *q = &d->nodes[d->roads[i].to];
        x->mid_lon[i] = (p->lon + q->lon) / 2;
        x->mid_lat[i] = (p->lat + q->lat) / 2;
    }
    return x->grid = spatial_create(d->n_roads, x->mid_lon, x->mid_lat);
}

static int by_index(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* A rule's choice of roads (selects' arguments) and dm->roads' room. */
struct rule { const char *name; int a, b, cls; const struct area *area; int cap; };

/* Road i added to dm if the rule selects it. */
static void take(struct reader *r, const config_setting_t *e, struct rule *u, int i,
                 struct damage *dm)
{
    if (!selects(r->d, i, u->name, u->a, u->b, u->cls, u->area))
        return;
    if (grow_array(&dm->roads, &u->cap, dm->n_roads + 1, sizeof *dm->roads) < 0)
        FAIL(r, e, NULL, T_CMD_OUT_OF_MEMORY);
    else
        dm->roads[dm->n_roads++] = i;
}

/* The roads selects picks, in index order: with an area, only those whose
 * midpoint the grid's walk reaches before its bound passes the area's km
 * (every road farther out fails selects anyway); else every road of the
 * class, or every road. */
static void select_roads(struct reader *r, const config_setting_t *e, const struct maps *m,
                         struct road_index *ri, struct damage *dm)
{
    static const char *const classes[] = { "expressway", "national", "provincial", "county",
                                           "village" };
    const char *name = cfg_opt(e, "road") ? cfg_str_of(r, cfg_opt(e, "road")) : NULL;
    int a = -1, b = -1, cls = cfg_opt(e, "class") ? cfg_choice(r, e, "class", classes, 5) : -1;
    double area[3], *ap = cfg_opt(e, "area") ? area : NULL;
    if (ap)
        read_area(r, e, area);
    if (cfg_opt(e, "between"))
        read_between(r, e, m, &a, &b);
    if (!name && a < 0 && cls < 0 && !ap && !r->bad)
        FAIL(r, e, NULL, T_CFG_WHICH_ROADS);
    if (r->bad)
        return;
    struct area box = ap ? area_box(ap) : (struct area){ 0 };
    struct rule rule = { name, a, b, cls, ap ? &box : NULL, 0 };
    if (ap) {
        const struct spatial *grid = midpoints(r->d, ri);
        struct spatial_walk walk;
        const int *cell;
        int n;
        if (!grid)
            FAIL(r, e, NULL, T_CMD_OUT_OF_MEMORY);
        else
            spatial_walk_start(grid, &walk, box.lon, box.lat);
        while (!r->bad && !(spatial_walk_bound(grid, &walk) > box.km)
               && (n = spatial_walk_next(grid, &walk, &cell)) >= 0)
            for (int j = 0; j < n && !r->bad; j++)
                take(r, e, &rule, cell[j], dm);
        if (!r->bad && dm->n_roads > 1)
            qsort(dm->roads, (size_t)dm->n_roads, sizeof *dm->roads, by_index);
    } else {
        int from = cls >= 0 ? ri->first[cls] : 0;
        int to = cls >= 0 ? ri->first[cls + 1] : r->d->n_roads;
        for (int j = from; j < to && !r->bad; j++)
            take(r, e, &rule, cls >= 0 ? ri->road[j] : j, dm);
    }
    if (!r->bad && dm->n_roads == 0)
        FAIL(r, e, NULL, T_CFG_NO_ROAD_SELECTED);
}

static void read_damage(struct reader *r, const config_setting_t *e, const struct maps *m,
                        struct road_index *ri, struct damage *dm)
{
    static const char *const known[] = { "road", "between", "class", "area", "from_min",
        "duration_min", "probability", "per_km", "factor", "cause", NULL };
    cfg_only_known(r, e, known);
    select_roads(r, e, m, ri, dm);
    if (cfg_opt(e, "cause"))
        dm->cause = cfg_dup(r, cfg_get_str(r, e, "cause"));
    dm->from_min = cfg_draw(r, e, "from_min", NONNEG, 0, 0.0);
    dm->duration_min = cfg_draw(r, e, "duration_min", POS, 0, INFINITY);
    dm->probability = cfg_opt_num(r, e, "probability", NONNEG, 1.0);
    dm->per_km = cfg_opt_num(r, e, "per_km", NONNEG, -1.0);     /* -1: use probability */
    dm->factor = cfg_opt_num(r, e, "factor", NONNEG, 0.0);
    if (!r->bad && cfg_opt(e, "per_km") && cfg_opt(e, "probability"))
        FAIL(r, cfg_opt(e, "per_km"), NULL, T_CFG_PER_KM_BOTH);
    if (!r->bad && dm->probability > 1.0)
        FAIL(r, cfg_opt(e, "probability"), NULL, T_CFG_PROBABILITY,
             dm->probability);
    if (!r->bad && dm->factor >= 1.0)
        FAIL(r, cfg_opt(e, "factor"), NULL, T_CFG_FACTOR, dm->factor);
}

/* An effect group: { value = ...; from_min = ...; duration_min = ...; }. */
static void read_effect(struct reader *r, const config_setting_t *dis, const char *name,
                        const char *value_name, enum range rg, struct effect *ef)
{
    const char *known[] = { value_name, "from_min", "duration_min", NULL };
    const config_setting_t *g = cfg_opt(dis, name);
    if (!g || r->bad)
        return;
    if (!config_setting_is_group(g)) {
        FAIL(r, g, NULL, T_CFG_EFFECT_GROUP, value_name, cfg_found(r, g));
        return;
    }
    cfg_only_known(r, g, known);
    ef->on = 1;
    ef->value = cfg_draw(r, g, value_name, rg, 1, 0.0);
    ef->from_min = cfg_draw(r, g, "from_min", NONNEG, 0, 0.0);
    ef->duration_min = cfg_draw(r, g, "duration_min", POS, 0, INFINITY);
}

static void check_effects(struct reader *r, const config_setting_t *dis)
{
    const struct definition *d = r->d;
    if (!r->bad && d->crews_out.on && d->crews_out.value.hi > 1.0)
        FAIL(r, cfg_opt(cfg_opt(dis, "crews_out"), "share"), NULL, T_CFG_SHARE01, d->crews_out.value.hi);
    if (!r->bad && d->slow_loading.on && d->slow_loading.value.lo < 1.0)
        FAIL(r, cfg_opt(cfg_opt(dis, "slow_loading"), "factor"), NULL, T_CFG_LOAD_FACTOR,
             d->slow_loading.value.lo);
}

static void read_waves(struct reader *r, const config_setting_t *dis)
{
    static const char *const known[] = { "after_min", "factor", NULL };
    const config_setting_t *l = cfg_opt(dis, "waves") ? cfg_get_list(r, dis, "waves", 0) : NULL;
    int n = l ? config_setting_length(l) : 0;
    r->d->waves = cfg_alloc(r, (size_t)n, sizeof *r->d->waves);
    for (int i = 0; i < n && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        cfg_only_known(r, e, known);
        r->d->waves[i].after_min = cfg_draw(r, e, "after_min", NONNEG, 1, 0.0);
        r->d->waves[i].factor = cfg_at_most(r, cfg_opt(e, "factor"),
                                            cfg_get_num(r, e, "factor", POS), 100,
                                            CFG_NO_UNIT);
        r->d->n_waves = i + 1;
    }
}

/* ---- protected and closed roads -------------------------------------- */

/* disaster.protect or disaster.close: ["G311", "FROM-TO", ...] into a mark
 * per road (allocated whether given or not). */
static unsigned char *read_road_list(struct reader *r, const config_setting_t *dis,
                                     const struct maps *m, const char *name)
{
    unsigned char *mark = cfg_alloc(r, (size_t)r->d->n_roads, 1);
    const config_setting_t *s = cfg_opt(dis, name);
    if (!s || r->bad)
        return mark;
    if (!config_setting_is_array(s)) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_ROAD_LIST), cfg_found(r, s));
        return mark;
    }
    for (int i = 0; i < config_setting_length(s) && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(s, i);
        const char *road = cfg_str_of(r, e);
        if (!r->bad)
            cfg_road_ref(r, m, e, road, mark);
    }
    return mark;
}

static void read_protect_close(struct reader *r, const config_setting_t *dis,
                               const struct maps *m)
{
    struct definition *d = r->d;
    d->road_protected = read_road_list(r, dis, m, "protect");
    d->road_closed = read_road_list(r, dis, m, "close");
    for (int i = 0; i < d->n_roads && !r->bad; i++)
        if (d->road_protected[i] && d->road_closed[i])
            FAIL(r, cfg_opt(dis, "close"), NULL, T_CFG_PROTECT_CLOSE, d->nodes[d->roads[i].from].id, d->nodes[d->roads[i].to].id);
}

void cfg_read_disaster(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    static const char *const known[] = { "sites", "kit", "road_damage", "crews_out",
        "slow_loading", "checkpoints", "waves", "protect", "close", "warning_min",
        "preposition", "report_factor", NULL };
    const config_setting_t *dis = cfg_opt(root, "disaster");
    if (!dis || r->bad)
        return;
    if (!config_setting_is_group(dis)) {
        FAIL(r, dis, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_DISASTER),
             cfg_found(r, dis));
        return;
    }
    cfg_only_known(r, dis, known);
    read_kit(r, dis, m);
    const config_setting_t *sites = cfg_get_list(r, dis, "sites", 1);
    int n = sites ? config_setting_length(sites) : 0;
    r->d->sites = cfg_alloc(r, (size_t)n, sizeof *r->d->sites);
    for (int i = 0; i < n && !r->bad; i++) {
        read_site(r, config_setting_get_elem(sites, i), m, i);
        r->d->n_sites = i + 1;
    }
    const config_setting_t *dl = cfg_opt(dis, "road_damage") ? cfg_get_list(r, dis, "road_damage", 0)
                                                              : NULL;
    int nd = dl ? config_setting_length(dl) : 0;
    struct road_index bc = { { 0 }, cfg_alloc(r, (size_t)r->d->n_roads + 1, sizeof *bc.road),
                             NULL, NULL, NULL };
    for (int i = 0; bc.road && i < r->d->n_roads; i++)
        bc.first[r->d->roads[i].cls + 1]++;
    for (int c = 0; c < ROAD_CLASSES; c++)
        bc.first[c + 1] += bc.first[c];
    for (int i = 0, fill[ROAD_CLASSES] = { 0 }; bc.road && i < r->d->n_roads; i++) {
        int c = r->d->roads[i].cls;
        bc.road[bc.first[c] + fill[c]++] = i;
    }
    r->d->damage = cfg_alloc(r, (size_t)nd, sizeof *r->d->damage);
    for (int i = 0; i < nd && !r->bad; i++) {
        r->d->n_damage = i + 1;
        read_damage(r, config_setting_get_elem(dl, i), m, &bc, &r->d->damage[i]);
    }
    road_index_free(&bc);
    read_effect(r, dis, "crews_out", "share", NONNEG, &r->d->crews_out);
    read_effect(r, dis, "slow_loading", "factor", POS, &r->d->slow_loading);
    read_effect(r, dis, "checkpoints", "delay_min", NONNEG, &r->d->checkpoints);
    check_effects(r, dis);
    read_waves(r, dis);
    read_protect_close(r, dis, m);
    r->d->report_factor = cfg_opt_num(r, dis, "report_factor", POS, 1.0);
    cfg_read_preposition(r, dis, m);
}
