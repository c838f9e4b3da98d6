/*
 * system.c -- the merged configuration tree read into a struct definition: the
 * second half of the configuration module (load.c loads and layers the files).
 *
 * Reading is strict: every group may hold only the settings it knows (a typo
 * is an error, never silently ignored), every number is range-checked, every
 * reference resolves, and the first problem found is reported as
 * "FILE:LINE: SETTING: what was expected, what was found".  Errors are sticky:
 * once r->bad is set, every helper returns a harmless default, so sections can
 * be read one after another and checked once.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"
#include "engine/geo.h"

/* ---- assumptions and road classes -------------------------------------- */

static void read_assumptions(struct reader *r, const config_setting_t *root)
{
    static const char *const known[] = { "detour_factor", "stack_height_m", "usable_share",
        "floor_load_t_m2", "day_start_h", "night_start_h", "max_spread_km", "snap_warn_km",
        "snap_max_km", NULL };
    const config_setting_t *a = cfg_get_group(r, root, "assumptions");
    cfg_only_known(r, a, known);
    struct definition *d = r->d;
    d->detour_factor = cfg_get_num(r, a, "detour_factor", POS);
    d->stack_height_m = cfg_get_num(r, a, "stack_height_m", POS);
    d->usable_share = cfg_get_num(r, a, "usable_share", POS);
    d->floor_load_t_m2 = cfg_get_num(r, a, "floor_load_t_m2", POS);
    d->day_start_h = cfg_get_num(r, a, "day_start_h", NONNEG);
    d->night_start_h = cfg_get_num(r, a, "night_start_h", NONNEG);
    d->max_spread_km = cfg_opt_num(r, a, "max_spread_km", POS, 300.0);
    d->snap_warn_km = cfg_opt_num(r, a, "snap_warn_km", POS, 0.5);
    d->snap_max_km = cfg_opt_num(r, a, "snap_max_km", POS, 5.0);
    if (!r->bad && d->detour_factor < 1.0)
        FAIL(r, cfg_opt(a, "detour_factor"), NULL, T_CFG_DETOUR, d->detour_factor);
    if (!r->bad && d->usable_share > 1.0)
        FAIL(r, cfg_opt(a, "usable_share"), NULL, T_CFG_SHARE,
             d->usable_share);
    if (!r->bad && !(d->day_start_h < d->night_start_h && d->night_start_h < 24.0))
        FAIL(r, cfg_opt(a, "night_start_h"), NULL, T_CFG_DAY_NIGHT,
             d->day_start_h, d->night_start_h);
}

static void read_road_classes(struct reader *r, const config_setting_t *root)
{
    static const char *const known[] = { "expressway", "national", "provincial", "county",
                                         "village", NULL };
    static const char *const fields[] = { "speed_kmh", "top_speed_kmh", "cv", "damage_report_min",
                                          "reopen_report_min", NULL };
    const config_setting_t *g = cfg_get_group(r, root, "road_classes");
    cfg_only_known(r, g, known);
    for (int c = 0; c < ROAD_CLASSES && !r->bad; c++) {
        const config_setting_t *k = cfg_get_group(r, g, road_class_name(c));
        struct road_class_def *rc = &r->d->road_classes[c];
        cfg_only_known(r, k, fields);
        rc->speed_kmh = cfg_at_most(r, cfg_opt(k, "speed_kmh"),
                                    cfg_get_num(r, k, "speed_kmh", POS), 200, T_CFG_UNIT_KMH);
        rc->cv = cfg_get_num(r, k, "cv", NONNEG);
        if (!r->bad && rc->cv > 0 && !cfg_opt(k, "top_speed_kmh"))
            FAIL(r, k, "top_speed_kmh", T_CFG_TOP_SPEED_MISSING);
        rc->top_speed_kmh = cfg_at_most(r, cfg_opt(k, "top_speed_kmh"),
                                        cfg_opt_num(r, k, "top_speed_kmh", POS, rc->speed_kmh),
                                        200, T_CFG_UNIT_KMH);
        if (!r->bad && rc->top_speed_kmh < rc->speed_kmh)
            FAIL(r, cfg_opt(k, "top_speed_kmh"), NULL, T_CFG_TOP_SPEED_LOW, rc->speed_kmh,
                 rc->top_speed_kmh);
        cfg_check_cv(r, cfg_opt(k, "cv"), rc->cv, CFG_MAX_CV);   /* G's cv: at most 1 */
        rc->damage_report_min = cfg_draw(r, k, "damage_report_min", NONNEG, 0, 0.0);
        rc->reopen_report_min = cfg_draw(r, k, "reopen_report_min", NONNEG, 0, 0.0);
    }
}

/* ---- items and truck types ---------------------------------------------- */

static void read_items(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "name", "name_zh", "unit", "weight_kg",
                                         "volume_m3", NULL };
    const config_setting_t *l = cfg_get_list(r, root, "items", 1);
    if (!l)
        return;
    struct definition *d = r->d;
    d->n_items = config_setting_length(l);
    d->items = cfg_alloc(r, (size_t)d->n_items, sizeof *d->items);
    m->items.v = cfg_alloc(r, (size_t)d->n_items, sizeof *m->items.v);
    for (int i = 0; i < d->n_items && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        struct item *it = &d->items[i];
        cfg_only_known(r, e, known);
        it->id = cfg_dup(r, cfg_get_str(r, e, "id"));
        it->name = cfg_dup(r, cfg_get_str(r, e, "name"));
        it->name_zh = cfg_dup(r, cfg_opt_str(r, e, "name_zh", it->name));
        it->unit = cfg_dup(r, cfg_get_str(r, e, "unit"));
        it->weight_kg = cfg_get_num(r, e, "weight_kg", POS);
        it->volume_m3 = cfg_get_num(r, e, "volume_m3", POS);
        m->items.v[m->items.n++] = (struct ident){ it->id, i, e, 0 };
    }
    cfg_idmap_seal(r, &m->items, T_CFG_KIND_ITEM);
}

/* passes = { water = 0.6; ... }: each cause a vehicle can pass, at a speed
 * factor in (0, 1]. */
static void read_passes(struct reader *r, const config_setting_t *e, struct truck_type *t)
{
    const config_setting_t *g = cfg_opt(e, "passes");
    if (!g || r->bad)
        return;
    if (!config_setting_is_group(g)) {
        FAIL(r, g, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_PASSES), cfg_found(r, g));
        return;
    }
    int n = config_setting_length(g);
    t->pass_cause = cfg_alloc(r, (size_t)n, sizeof *t->pass_cause);
    t->pass_factor = cfg_alloc(r, (size_t)n, sizeof *t->pass_factor);
    for (int i = 0; i < n && !r->bad; i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        t->pass_cause[i] = cfg_dup(r, config_setting_name(s));
        t->pass_factor[i] = cfg_num_of(r, s, POS);
        t->n_passes = i + 1;
        if (!r->bad && t->pass_factor[i] > 1.0)
            FAIL(r, s, NULL, T_CFG_PASS_FACTOR, t->pass_factor[i]);
    }
}

static void read_truck_types(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "capacity_t", "capacity_m3", "passes", NULL };
    const config_setting_t *l = cfg_get_list(r, root, "truck_types", 1);
    if (!l)
        return;
    struct definition *d = r->d;
    d->n_truck_types = config_setting_length(l);
    d->truck_types = cfg_alloc(r, (size_t)d->n_truck_types, sizeof *d->truck_types);
    m->trucks.v = cfg_alloc(r, (size_t)d->n_truck_types, sizeof *m->trucks.v);
    for (int i = 0; i < d->n_truck_types && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        struct truck_type *t = &d->truck_types[i];
        cfg_only_known(r, e, known);
        t->id = cfg_dup(r, cfg_get_str(r, e, "id"));
        t->capacity_t = cfg_get_num(r, e, "capacity_t", POS);
        t->capacity_m3 = cfg_get_num(r, e, "capacity_m3", POS);
        read_passes(r, e, t);
        m->trucks.v[m->trucks.n++] = (struct ident){ t->id, i, e, 0 };
    }
    cfg_idmap_seal(r, &m->trucks, T_CFG_KIND_TRUCK);
}

/* ---- townships, nodes and roads ---------------------------------------- */

static void read_coords(struct reader *r, const config_setting_t *e, struct node *n)
{
    n->lon = cfg_get_num(r, e, "lon", ANY);
    n->lat = cfg_get_num(r, e, "lat", ANY);
    if (!r->bad && !(n->lon >= -180 && n->lon <= 180))
        FAIL(r, cfg_opt(e, "lon"), NULL, T_CFG_LON, n->lon);
    if (!r->bad && !(n->lat >= -90 && n->lat <= 90))
        FAIL(r, cfg_opt(e, "lat"), NULL, T_CFG_LAT, n->lat);
}

static void add_node(struct reader *r, struct maps *m, const config_setting_t *e, int i)
{
    m->nodes.v[m->nodes.n++] = (struct ident){ r->d->nodes[i].id, i, e, 0 };
    m->node_src[i] = e;
}

/* A township's seat is a node of its own at lon, lat (made here, the first
 * nodes in township order), or `node`, a node given elsewhere (resolved by
 * resolve_seats once every node is known). */
static void read_townships(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "name", "name_zh", "kind", "node", "lon", "lat",
                                         "population", "subcentre", NULL };
    static const char *const kinds[] = { "subdistrict", "town", "township" };
    struct definition *d = r->d;
    int seat = 0;
    for (int i = 0; i < d->n_townships && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(cfg_opt(root, "townships"), i);
        struct township *t = &d->townships[i];
        cfg_only_known(r, e, known);
        t->id = cfg_dup(r, cfg_get_str(r, e, "id"));
        t->name = cfg_dup(r, cfg_get_str(r, e, "name"));
        t->name_zh = cfg_dup(r, cfg_opt_str(r, e, "name_zh", t->name));
        int kind = cfg_choice(r, e, "kind", kinds, TOWNSHIP_KINDS);
        t->kind = kind >= 0 ? (enum township_kind)kind : TOWNSHIP_TOWN;
        t->population = cfg_get_num(r, e, "population", NONNEG);
        t->subcentre = -1;              /* resolved once facilities are read */
        m->townships.v[m->townships.n++] = (struct ident){ t->id, i, e, 0 };
        if (cfg_opt(e, "node")) {
            if (!r->bad && (cfg_opt(e, "lon") || cfg_opt(e, "lat")))
                FAIL(r, cfg_opt(e, "node"), NULL, T_CFG_SEAT_BOTH);
            t->node = -1;
            continue;
        }
        struct node *n = &d->nodes[seat];
        t->node = seat;
        *n = (struct node){ cfg_dup(r, t->id), cfg_dup(r, t->name), cfg_dup(r, t->name_zh), NODE_SEAT, 0, 0 };
        read_coords(r, e, n);
        add_node(r, m, e, seat++);
    }
    cfg_idmap_seal(r, &m->townships, T_CFG_KIND_TOWNSHIP);
}

/* The seats given as `node = "ID"`. */
static void resolve_seats(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const config_setting_t *l = cfg_opt(root, "townships");
    for (int i = 0; i < r->d->n_townships && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        if (cfg_opt(e, "node"))
            r->d->townships[i].node = cfg_ref(r, e, "node", &m->nodes, T_CFG_KIND_NODE);
    }
}

/* The configuration's own nodes, from index first. */
static void read_nodes(struct reader *r, const config_setting_t *root, struct maps *m, int first)
{
    static const char *const known[] = { "id", "name", "name_zh", "kind", "lon", "lat", NULL };
    static const char *const kinds[] = { "junction", "seat", "village", "facility" };
    struct definition *d = r->d;
    const config_setting_t *l = cfg_opt(root, "nodes");
    for (int j = 0; l && j < config_setting_length(l) && !r->bad; j++) {
        const config_setting_t *e = config_setting_get_elem(l, j);
        struct node *n = &d->nodes[first + j];
        cfg_only_known(r, e, known);
        n->id = cfg_dup(r, cfg_get_str(r, e, "id"));
        n->name = cfg_dup(r, cfg_get_str(r, e, "name"));
        n->name_zh = cfg_dup(r, cfg_opt_str(r, e, "name_zh", n->name));
        int kind = cfg_choice(r, e, "kind", kinds, NODE_KINDS);
        n->kind = kind >= 0 ? (enum node_kind)kind : NODE_JUNCTION;
        read_coords(r, e, n);
        add_node(r, m, e, first + j);
    }
}

/* The k-th smallest of v[0..n) (what v[k] would be once sorted), v reordered:
 * quickselect, O(n) expected, the middle of three as pivot. */
static double kth(double *v, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        double a = v[lo], b = v[(lo + hi) / 2], c = v[hi];
        double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                double t = v[i];
                v[i++] = v[j];
                v[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;                     /* v[j+1 .. i-1] all equal the pivot */
    }
    return v[k];
}

/* A node far from all the others is almost always a typo in a coordinate. */
static void check_spread(struct reader *r, const struct maps *m)
{
    struct definition *d = r->d;
    double *lon = cfg_alloc(r, (size_t)d->n_nodes, sizeof *lon);
    double *lat = cfg_alloc(r, (size_t)d->n_nodes, sizeof *lat);
    for (int i = 0; lon && lat && i < d->n_nodes; i++) {
        lon[i] = d->nodes[i].lon;
        lat[i] = d->nodes[i].lat;
    }
    if (!r->bad && d->n_nodes > 0) {
        double mlon = kth(lon, d->n_nodes, d->n_nodes / 2), mlat = kth(lat, d->n_nodes, d->n_nodes / 2);
        for (int i = 0; i < d->n_nodes && !r->bad; i++) {
            double km = geo_km(mlon, mlat, d->nodes[i].lon, d->nodes[i].lat);
            if (!(km > d->max_spread_km))
                continue;
            if (m->node_src[i])
                FAIL(r, m->node_src[i], "lon", T_CFG_SPREAD,
                     d->max_spread_km, mlon, mlat, d->nodes[i].lon, d->nodes[i].lat, km);
            else                           /* a node of the network folder */
                cfg_csv_fail(r, m->nodes.csv, m->node_line[i], 5, "lon", T_CFG_SPREAD,
                             d->max_spread_km, mlon, mlat, d->nodes[i].lon, d->nodes[i].lat, km);
        }
    }
    free(lon);
    free(lat);
}

static int count_segments(struct reader *r, const config_setting_t *l)
{
    int n = 0;
    for (int i = 0; i < config_setting_length(l) && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        const config_setting_t *via = cfg_req(r, e, "via", T_CFG_A_NODE_ARRAY);
        if (r->bad)
            break;
        if (!config_setting_is_array(via) || config_setting_length(via) < 2) {
            FAIL(r, via, NULL, T_CFG_VIA, cfg_found(r, via), config_setting_length(via));
            break;
        }
        n += config_setting_length(via) - 1;
        if (n > CFG_MAX_ROADS) {
            FAIL(r, via, NULL, T_CFG_MAX_SEGMENTS, CFG_MAX_ROADS);
            break;
        }
    }
    return r->bad ? 0 : n;
}

static void read_road(struct reader *r, const config_setting_t *e, const struct maps *m,
                      int *k)
{
    static const char *const known[] = { "name", "class", "via", "km", NULL };
    static const char *const classes[] = { "expressway", "national", "provincial", "county",
                                           "village" };
    struct definition *d = r->d;
    cfg_only_known(r, e, known);
    const char *name = cfg_get_str(r, e, "name");
    int cls = cfg_choice(r, e, "class", classes, ROAD_CLASSES);
    const config_setting_t *via = cfg_opt(e, "via"), *km = cfg_opt(e, "km");
    int n = config_setting_length(via);
    if (km && n != 2 && !r->bad)
        FAIL(r, km, NULL, T_CFG_KM_TWO, n);
    int prev = -1;
    for (int j = 0; j < n && !r->bad; j++) {
        const config_setting_t *s = config_setting_get_elem(via, j);
        const char *id = cfg_str_of(r, s);
        int node = cfg_idmap_find(&m->nodes, id);
        if (node < 0 && !r->bad)
            cfg_not_id(r, s, &m->nodes, T_CFG_KIND_NODE, T_CFG_NODE_ID, id);
        if (j > 0 && node == prev && !r->bad)
            FAIL(r, s, NULL, T_CFG_SELF_ROAD, id);
        if (j > 0 && !r->bad) {
            struct road *rd = &d->roads[(*k)++];
            rd->from = prev;
            rd->to = node;
            rd->cls = cls >= 0 ? (enum road_class)cls : ROAD_COUNTY;
            rd->name = cfg_dup(r, name);
            rd->km = km ? cfg_num_of(r, km, POS)
                        : d->detour_factor * geo_km(d->nodes[prev].lon, d->nodes[prev].lat,
                                                    d->nodes[node].lon, d->nodes[node].lat);
            if (!r->bad && !(rd->km > 0))
                FAIL(r, s, NULL, T_CFG_SAME_COORDS, d->nodes[prev].id);
        }
        prev = node;
    }
}

/* The configuration's roads (`via` lists), then the network folder's.
 * With a folder, the configuration may have none. */
static void read_roads(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const config_setting_t *l = m->folder && !cfg_opt(root, "roads") ? NULL
                              : cfg_get_list(r, root, "roads", m->folder ? 0 : 1);
    if (r->bad)
        return;
    struct definition *d = r->d;
    long n = (l ? count_segments(r, l) : 0) + (m->folder ? cfg_folder_max_roads(m->folder) : 0);
    if (!r->bad && n >= INT_MAX / 2)
        FAIL(r, cfg_opt(root, "network"), NULL, T_CFG_NET_MAX_ROADS, INT_MAX / 2, n);
    d->n_roads = (int)n;
    d->roads = cfg_alloc(r, (size_t)d->n_roads, sizeof *d->roads);
    int k = 0;
    for (int i = 0; l && i < config_setting_length(l) && !r->bad; i++)
        read_road(r, config_setting_get_elem(l, i), m, &k);
    if (m->folder && !r->bad)
        k += cfg_folder_roads(r, m->folder, m, k);
    d->n_roads = k;
}

/* The network folder `network = "DIR"` names, opened (read whole, and its
 * size checked against the memory there is), or NULL. */
static struct folder *open_folder(struct reader *r, const config_setting_t *root)
{
    const config_setting_t *s = cfg_opt(root, "network");
    if (!s || r->bad)
        return NULL;
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_NET_PATH), cfg_found(r, s));
        return NULL;
    }
    r->d->network_dir = cfg_resolve_path(r->c, s, config_setting_get_string(s));
    return cfg_folder_open(r, s);
}

/* Nodes in this order: the townships' own seats, the configuration's nodes,
 * the network folder's; then the villages of the sites (scenario.c). */
static void read_places(struct reader *r, const config_setting_t *root, struct maps *m)
{
    const config_setting_t *tl = cfg_get_list(r, root, "townships", 1);
    const config_setting_t *nl = cfg_opt(root, "nodes") ? cfg_get_list(r, root, "nodes", 0) : NULL;
    m->folder = open_folder(r, root);
    if (r->bad)
        return;
    struct definition *d = r->d;
    int seats = 0, own = nl ? config_setting_length(nl) : 0;
    d->n_townships = config_setting_length(tl);
    for (int i = 0; i < d->n_townships; i++)
        seats += !cfg_opt(config_setting_get_elem(tl, i), "node");
    long n = (long)seats + own + (m->folder ? cfg_folder_max_nodes(m->folder) : 0);
    if (n >= INT_MAX) {
        FAIL(r, cfg_opt(root, "network"), NULL, T_CFG_NET_MAX_NODES, INT_MAX, n);
        return;
    }
    d->n_nodes = (int)n;
    d->townships = cfg_alloc(r, (size_t)d->n_townships, sizeof *d->townships);
    d->nodes = cfg_alloc(r, (size_t)d->n_nodes, sizeof *d->nodes);
    m->townships.v = cfg_alloc(r, (size_t)d->n_townships, sizeof *m->townships.v);
    m->nodes.v = cfg_alloc(r, (size_t)d->n_nodes, sizeof *m->nodes.v);
    m->node_src = cfg_alloc(r, (size_t)d->n_nodes, sizeof *m->node_src);
    m->node_line = cfg_alloc(r, (size_t)d->n_nodes, sizeof *m->node_line);
    read_townships(r, root, m);
    read_nodes(r, root, m, seats);
    if (m->folder && !r->bad)
        d->n_nodes = seats + own + cfg_folder_nodes(r, m->folder, m, seats + own);
    cfg_idmap_seal(r, &m->nodes, T_CFG_KIND_NODE);
    resolve_seats(r, root, m);
    check_spread(r, m);
}

/* ---- facilities and fleets ------------------------------------------------
 * A facility takes each setting from its own group, else from
 * facility_kinds.<its kind>; stock and reorder levels merge item by item. */

static const char *const fac_kinds[] = { "central", "subcentre", "township", "department",
                                         "supplier" };

static const config_setting_t *inherit(const config_setting_t *f, const config_setting_t *k,
                                       const char *name)
{
    const config_setting_t *s = cfg_opt(f, name);
    return s ? s : cfg_opt(k, name);
}

static double fac_num(struct reader *r, const config_setting_t *f, const config_setting_t *k,
                      const char *name, enum range rg)
{
    const config_setting_t *s = inherit(f, k, name);
    if (!s && !r->bad) {
        char where[64];
        snprintf(where, sizeof where, "facility_kinds.%s", k ? config_setting_name(k) : "?");
        FAIL(r, f, name, T_CFG_FAC_NUM, where);
    }
    return (s && !r->bad) ? cfg_num_of(r, s, rg) : 0;
}

static void check_fits(struct reader *r, const config_setting_t *e, int i)
{
    struct definition *d = r->d;
    struct facility *f = &d->facilities[i];
    const config_setting_t *at = cfg_opt(e, "stock") ? cfg_opt(e, "stock") : cfg_opt(e, "floor_m2");
    double m3 = definition_stock_m3(d, i), t = definition_stock_t(d, i);
    if (!r->bad && m3 > f->capacity_m3)
        FAIL(r, at, NULL, T_CFG_FITS_M3, f->capacity_m3, f->floor_m2,
             d->usable_share, d->stack_height_m, m3);
    if (!r->bad && t > f->capacity_t)
        FAIL(r, at, NULL, T_CFG_FITS_T, f->capacity_t, f->floor_m2, d->usable_share,
             d->floor_load_t_m2, t);
}

/* A second fleet (extra_truck = "boat"; extra_trucks = 2;) in group g, a
 * kind's or a fleet entry's; both settings or neither.  f->trucks counts the
 * main fleet until read_fleet adds the second one in. */
static void read_extra_fleet(struct reader *r, const config_setting_t *g, const struct maps *m,
                             struct facility *f)
{
    const config_setting_t *n = cfg_opt(g, "extra_trucks");
    if (r->bad || (!n && !cfg_opt(g, "extra_truck")))
        return;
    if (!n) {
        cfg_req(r, g, "extra_trucks", T_CFG_A_EXTRA_TRUCKS);
        return;
    }
    f->extra_type = cfg_ref(r, g, "extra_truck", &m->trucks, T_CFG_KIND_TRUCK);
    f->extra_trucks = cfg_int_in(r, n, 0, CFG_MAX_TRUCKS);
}

static void read_facility(struct reader *r, const config_setting_t *e,
                          const config_setting_t *kinds, struct maps *m, int i)
{
    static const char *const known[] = { "id", "kind", "name", "name_zh", "node", "lon", "lat",
        "township",
        "floor_m2", "bays", "load_setup_min", "load_min_per_t", "mobilise_day_min",
        "mobilise_night_min", "activation_min", "stock", "reorder", NULL };
    struct definition *d = r->d;
    struct facility *f = &d->facilities[i];
    cfg_only_known(r, e, known);
    f->id = cfg_dup(r, cfg_get_str(r, e, "id"));
    int kind = cfg_choice(r, e, "kind", fac_kinds, FAC_KINDS);
    f->kind = kind >= 0 ? (enum facility_kind)kind : FAC_CENTRAL;
    const config_setting_t *k = kind >= 0 ? cfg_opt(kinds, fac_kinds[kind]) : NULL;
    f->name = cfg_dup(r, cfg_get_str(r, e, "name"));
    f->name_zh = cfg_dup(r, cfg_opt_str(r, e, "name_zh", f->name));
    f->node = -1;
    if (cfg_opt(e, "node") && (cfg_opt(e, "lon") || cfg_opt(e, "lat")))
        FAIL(r, cfg_opt(e, "node"), NULL, T_CFG_FAC_NODE_BOTH);
    else if (cfg_opt(e, "node") || !(cfg_opt(e, "lon") || cfg_opt(e, "lat")))
        f->node = cfg_ref(r, e, "node", &m->nodes, T_CFG_KIND_NODE);
    else {                                 /* by lon, lat: on the nearest node with a road */
        struct node at = { 0 };
        read_coords(r, e, &at);
        f->node = cfg_snap_point(r, m, e, i, at.lon, at.lat);
    }
    f->township = cfg_opt(e, "township") ? cfg_township_ref(r, e, "township", &m->townships) : -1;
    f->floor_m2 = cfg_get_num(r, e, "floor_m2", POS);
    const config_setting_t *bays = inherit(e, k, "bays");
    f->bays = bays ? cfg_int_in(r, bays, 1, CFG_MAX_BAYS) : (int)fac_num(r, e, k, "bays", POS);
    f->load_setup_min = fac_num(r, e, k, "load_setup_min", NONNEG);
    f->load_min_per_t = fac_num(r, e, k, "load_min_per_t", NONNEG);
    f->mobilise_day_min = fac_num(r, e, k, "mobilise_day_min", NONNEG);
    f->mobilise_night_min = fac_num(r, e, k, "mobilise_night_min", NONNEG);
    f->activation_min = fac_num(r, e, k, "activation_min", NONNEG);
    f->capacity_m3 = f->floor_m2 * d->usable_share * d->stack_height_m;
    f->capacity_t = f->floor_m2 * d->usable_share * d->floor_load_t_m2;
    f->stock = cfg_alloc(r, (size_t)d->n_items, sizeof *f->stock);
    f->reorder = cfg_alloc(r, (size_t)d->n_items, sizeof *f->reorder);
    f->truck_type = -1;
    if (r->bad)
        return;
    f->extra_type = -1;
    if (cfg_opt(k, "trucks")) {          /* a kind's default fleet; fleet entries override */
        f->trucks = cfg_int_in(r, cfg_opt(k, "trucks"), 0, CFG_MAX_TRUCKS);
        f->truck_type = cfg_ref(r, k, "truck", &m->trucks, T_CFG_KIND_TRUCK);
    }
    read_extra_fleet(r, k, m, f);
    cfg_amounts(r, cfg_opt(k, "stock"), m, f->stock);
    cfg_amounts(r, cfg_opt(e, "stock"), m, f->stock);
    cfg_amounts(r, cfg_opt(k, "reorder"), m, f->reorder);
    cfg_amounts(r, cfg_opt(e, "reorder"), m, f->reorder);
    check_fits(r, e, i);
}

static void read_kinds(struct reader *r, const config_setting_t *kinds)
{
    static const char *const known[] = { "central", "subcentre", "township", "department",
                                         "supplier", NULL };
    static const char *const fields[] = { "bays", "load_setup_min", "load_min_per_t",
        "mobilise_day_min", "mobilise_night_min", "activation_min", "stock", "reorder",
        "truck", "trucks", "extra_truck", "extra_trucks", NULL };
    if (!kinds)
        return;
    if (!config_setting_is_group(kinds)) {
        FAIL(r, kinds, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_KINDS), cfg_found(r, kinds));
        return;
    }
    cfg_only_known(r, kinds, known);
    for (int i = 0; i < config_setting_length(kinds) && !r->bad; i++) {
        const config_setting_t *k = config_setting_get_elem(kinds, i);
        if (!config_setting_is_group(k))
            FAIL(r, k, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_GROUP), cfg_found(r, k));
        cfg_only_known(r, k, fields);
    }
}

static void read_facilities(struct reader *r, const config_setting_t *root, struct maps *m)
{
    const config_setting_t *kinds = cfg_opt(root, "facility_kinds");
    read_kinds(r, kinds);
    const config_setting_t *l = cfg_get_list(r, root, "facilities", 1);
    if (!l)
        return;
    struct definition *d = r->d;
    d->n_facilities = config_setting_length(l);
    d->facilities = cfg_alloc(r, (size_t)d->n_facilities, sizeof *d->facilities);
    m->facilities.v = cfg_alloc(r, (size_t)d->n_facilities, sizeof *m->facilities.v);
    for (int i = 0; i < d->n_facilities && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        read_facility(r, e, kinds, m, i);
        m->facilities.v[m->facilities.n++] = (struct ident){ d->facilities[i].id, i, e, 0 };
    }
    cfg_idmap_seal(r, &m->facilities, T_CFG_KIND_FACILITY);
}

/* Both fleets counted in trucks, the second one's slots last. */
static void count_fleets(struct reader *r)
{
    for (int f = 0; !r->bad && f < r->d->n_facilities; f++) {
        struct facility *x = &r->d->facilities[f];
        if (x->extra_type < 0)
            x->extra_trucks = 0;
        x->trucks += x->extra_trucks;
    }
}

static void read_fleet(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    static const char *const known[] = { "id", "truck", "trucks", "extra_truck", "extra_trucks",
                                         NULL };
    if (!cfg_opt(root, "fleet")) {
        count_fleets(r);
        return;
    }
    const config_setting_t *l = cfg_get_list(r, root, "fleet", 0);
    struct idmap seen = { cfg_alloc(r, (size_t)(l ? config_setting_length(l) : 0), sizeof *seen.v), 0, NULL, NULL, 0 };
    for (int i = 0; l && i < config_setting_length(l) && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        cfg_only_known(r, e, known);
        int f = cfg_ref(r, e, "id", &m->facilities, T_CFG_KIND_FACILITY);
        int t = cfg_ref(r, e, "truck", &m->trucks, T_CFG_KIND_TRUCK);
        const config_setting_t *n = cfg_req(r, e, "trucks", T_CFG_AN_INTEGER);
        if (r->bad)
            break;
        r->d->facilities[f].truck_type = t;
        r->d->facilities[f].trucks = cfg_int_in(r, n, 0, CFG_MAX_TRUCKS);
        read_extra_fleet(r, e, m, &r->d->facilities[f]);
        seen.v[seen.n++] = (struct ident){ r->d->facilities[f].id, i, e, 0 };
    }
    cfg_idmap_seal(r, &seen, T_CFG_KIND_FLEET);
    free(seen.v);
    count_fleets(r);
}

/* What the model will hold for this system must fit in memory: every
 * truck's state and every store's stock of every item (per worker thread).
 * Nothing is kept per store and node (routes are searched as far as needed:
 * model/routes.h); a network folder's size is checked as it is opened. */
static void check_size(struct reader *r, const config_setting_t *root)
{
    const struct definition *d = r->d;
    long long trucks = 0;
    for (int f = 0; f < d->n_facilities; f++)
        trucks += d->facilities[f].trucks;
    if (!r->bad && trucks > CFG_MAX_FLEET)
        FAIL(r, cfg_opt(root, "fleet") ? cfg_opt(root, "fleet") : cfg_opt(root, "facilities"),
             NULL, T_CFG_MAX_TRUCKS, CFG_MAX_FLEET, trucks);
    if (!r->bad && (double)d->n_facilities * d->n_items > CFG_MAX_STOCKS)
        FAIL(r, cfg_opt(root, "items"), NULL, T_CFG_MAX_TABLE_ITEMS, CFG_MAX_STOCKS,
             d->n_facilities, d->n_items);
}

static void read_subcentres(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const config_setting_t *l = cfg_opt(root, "townships");
    for (int i = 0; i < r->d->n_townships && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        if (!cfg_opt(e, "subcentre"))
            continue;
        int f = cfg_ref(r, e, "subcentre", &m->facilities, T_CFG_KIND_FACILITY);
        if (!r->bad && r->d->facilities[f].kind != FAC_SUBCENTRE)
            FAIL(r, cfg_opt(e, "subcentre"), NULL, T_CFG_SUBCENTRE, r->d->facilities[f].id,
                 facility_kind_name(r->d->facilities[f].kind));
        r->d->townships[i].subcentre = f;
    }
}

/* ---- the whole definition ---------------------------------------------- */

/* The name is the output folder's name under out/: one plain folder name. */
static void check_name(struct reader *r, const config_setting_t *s, const char *name)
{
    enum text why = TEXTS;
    size_t n = name ? strlen(name) : 0;
    if (r->bad || !name)
        return;
    if (n == 0)
        why = T_CFG_NAME_EMPTY;
    else if (n > 100)
        why = T_CFG_NAME_LONG;
    else if (name[0] == '.')
        why = T_CFG_NAME_DOT;
    else if (strpbrk(name, "/\\"))
        why = T_CFG_NAME_SLASH;
    for (size_t i = 0; i < n && why == TEXTS; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            why = T_CFG_NAME_CONTROL;
    if (why != TEXTS)
        FAIL(r, s, NULL, T_CFG_NAME_FOLDER, cfg_words(r, why));
}

/* A file with no base line that holds none of a system's groups is a
 * scenario whose base line is missing: say so, rather than name the first
 * group missing.  0, or -1 with the message. */
static int has_system(const struct cfg *c, char *err, size_t errlen)
{
    static const char *const groups[] = { "assumptions", "townships", "roads", "facilities" };
    const config_setting_t *root = config_root_setting(c->root);
    if (c->n_files > 1)
        return 0;
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (config_setting_get_member(root, groups[i]))
            return 0;
    snprintf(err, errlen, lang_text(c->lang, T_CFG_NO_SYSTEM), c->path);
    return -1;
}

struct definition *cfg_definition(const struct cfg *c, char *err, size_t errlen)
{
    static const char *const known[] = { "name", "name_zh", "description", "description_zh",
        "assumptions", "road_classes",
        "items", "truck_types", "townships", "nodes", "network", "roads", "facility_kinds",
        "facilities", "fleet", "run", "disaster", "assumption_ranges", "levers",
        "scenario_levers", "lever_costs", NULL };
    struct reader r = { c, err, errlen, 0, calloc(1, sizeof(struct definition)) };
    struct maps m = { 0 };
    if (!r.d) {
        snprintf(err, errlen, "%s", lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        return NULL;
    }
    if (has_system(c, err, errlen) < 0) {
        free(r.d);
        return NULL;
    }
    const config_setting_t *root = config_root_setting(c->root);
    cfg_only_known(&r, root, known);
    r.d->name = cfg_dup(&r, cfg_get_str(&r, root, "name"));
    check_name(&r, cfg_opt(root, "name"), r.d->name);
    r.d->name_zh = cfg_dup(&r, cfg_opt_str(&r, root, "name_zh", ""));
    r.d->description = cfg_dup(&r, cfg_opt_str(&r, root, "description", ""));
    r.d->description_zh = cfg_dup(&r, cfg_opt_str(&r, root, "description_zh", ""));
    r.d->source_file = cfg_dup(&r, c->path);
    read_assumptions(&r, root);
    read_road_classes(&r, root);
    read_items(&r, root, &m);
    read_truck_types(&r, root, &m);
    read_places(&r, root, &m);
    read_roads(&r, root, &m);
    cfg_snap_places(&r, &m);
    read_facilities(&r, root, &m);
    read_fleet(&r, root, &m);
    read_subcentres(&r, root, &m);
    check_size(&r, root);
    cfg_read_run(&r, root);
    cfg_read_disaster(&r, root, &m);
    cfg_read_assumptions(&r, root);
    cfg_read_levers(&r, root, &m);
    cfg_folder_free(m.folder);
    cfg_snap_grid_free(m.grid);
    cfg_maps_free(&m);
    if (r.bad) {
        definition_free(r.d);
        return NULL;
    }
    return r.d;
}
