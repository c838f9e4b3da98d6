/*
 * config_read.c -- the merged configuration tree read into a struct def: the
 * second half of the configuration module (config.c loads and merges).
 *
 * Reading is strict: every group may hold only the settings it knows (a typo
 * is an error, never silently ignored), every number is range-checked, every
 * reference resolves, and the first problem found is reported as
 * "FILE:LINE: SETTING: what was expected, what was found".  Errors are sticky:
 * once r->bad is set, every helper returns a harmless default, so sections can
 * be read one after another and checked once.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config_int.h"

enum range { ANY, NONNEG, POS };

struct reader {
    const struct cfg *c;
    char *err;
    size_t errlen;
    int bad;
    struct def *d;
};

#define FAIL(r, s, member, ...)                                                  \
    do {                                                                         \
        if (!(r)->bad)                                                           \
            cfg_error((r)->c, (s), (member), (r)->err, (r)->errlen, __VA_ARGS__); \
        (r)->bad = 1;                                                            \
    } while (0)

static const char *found(const config_setting_t *s)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_GROUP:  return "a group";
    case CONFIG_TYPE_INT: case CONFIG_TYPE_INT64: return "an integer";
    case CONFIG_TYPE_FLOAT:  return "a number";
    case CONFIG_TYPE_STRING: return "a string";
    case CONFIG_TYPE_BOOL:   return "a boolean";
    case CONFIG_TYPE_ARRAY:  return "an array";
    case CONFIG_TYPE_LIST:   return "a list";
    default:                 return "nothing";
    }
}

/* ---- small typed getters ------------------------------------------------ */

static int in_range(struct reader *r, const config_setting_t *s, double v, enum range rg)
{
    if ((rg == POS && !(v > 0)) || (rg == NONNEG && !(v >= 0)) || !isfinite(v)) {
        FAIL(r, s, NULL, "expected a %s number, found %g",
             rg == POS ? "positive" : "non-negative", v);
        return 0;
    }
    return 1;
}

/* A number (an integer is accepted where a number is wanted). */
static double num_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    int t = config_setting_type(s);
    if (t != CONFIG_TYPE_FLOAT && t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
        FAIL(r, s, NULL, "expected a number, found %s", found(s));
        return 0;
    }
    double v = t == CONFIG_TYPE_FLOAT ? config_setting_get_float(s)
                                      : (double)config_setting_get_int64(s);
    return in_range(r, s, v, rg) ? v : 0;
}

static const config_setting_t *opt(const config_setting_t *g, const char *name)
{
    return g ? config_setting_get_member(g, name) : NULL;
}

static const config_setting_t *req(struct reader *r, const config_setting_t *g,
                                   const char *name, const char *what)
{
    const config_setting_t *s = opt(g, name);
    if (!s)
        FAIL(r, g, name, "expected %s, found nothing (the setting is missing)", what);
    return s;
}

static double get_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg)
{
    const config_setting_t *s = req(r, g, name, "a number");
    return (s && !r->bad) ? num_of(r, s, rg) : 0;
}

static double opt_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg, double dflt)
{
    const config_setting_t *s = opt(g, name);
    return (s && !r->bad) ? num_of(r, s, rg) : dflt;
}

static int int_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    if (config_setting_type(s) != CONFIG_TYPE_INT) {
        FAIL(r, s, NULL, "expected an integer, found %s", found(s));
        return 0;
    }
    int v = config_setting_get_int(s);
    return in_range(r, s, v, rg) ? v : 0;
}

static const char *str_of(struct reader *r, const config_setting_t *s)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        FAIL(r, s, NULL, "expected a string, found %s", found(s));
        return "";
    }
    return config_setting_get_string(s);
}

static const char *get_str(struct reader *r, const config_setting_t *g, const char *name)
{
    const config_setting_t *s = req(r, g, name, "a string");
    return (s && !r->bad) ? str_of(r, s) : "";
}

static const char *opt_str(struct reader *r, const config_setting_t *g, const char *name,
                           const char *dflt)
{
    const config_setting_t *s = opt(g, name);
    return (s && !r->bad) ? str_of(r, s) : dflt;
}

static char *dup(struct reader *r, const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "out of memory");
        r->bad = 1;
    }
    return p;
}

static void *alloc(struct reader *r, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "out of memory");
        r->bad = 1;
    }
    return p;
}

/* Index of s in names[0..n), or -1 (with an error naming the choices). */
static int choice(struct reader *r, const config_setting_t *g, const char *name,
                  const char *const *names, int n)
{
    const config_setting_t *s = req(r, g, name, "a string");
    if (!s || r->bad)
        return -1;
    const char *v = str_of(r, s);
    for (int i = 0; i < n; i++)
        if (!strcmp(v, names[i]))
            return i;
    char list[256] = "";
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
    FAIL(r, s, NULL, "expected one of %s, found \"%s\"", list, v);
    return -1;
}

/* Every member of g must be one of known[] (NULL-terminated). */
static void only_known(struct reader *r, const config_setting_t *g, const char *const *known)
{
    for (int i = 0; g && !r->bad && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        const char *name = config_setting_name(s);
        int ok = 0;
        for (const char *const *k = known; *k && !ok; k++)
            ok = !strcmp(*k, name);
        if (!ok) {
            char list[512] = "";
            for (const char *const *k = known; *k; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         k == known ? "" : ", ", *k);
            FAIL(r, s, NULL, "expected one of the settings %s; found an unknown setting", list);
        }
    }
}

/* A required group, or a required list of groups. */
static const config_setting_t *get_group(struct reader *r, const config_setting_t *g,
                                         const char *name)
{
    const config_setting_t *s = req(r, g, name, "a group { ... }");
    if (s && !r->bad && !config_setting_is_group(s))
        FAIL(r, s, NULL, "expected a group { ... }, found %s", found(s));
    return r->bad ? NULL : s;
}

static const config_setting_t *get_list(struct reader *r, const config_setting_t *g,
                                        const char *name, int min)
{
    const config_setting_t *s = req(r, g, name, "a list ( { ... }, ... )");
    if (!s || r->bad)
        return NULL;
    if (!config_setting_is_list(s)) {
        FAIL(r, s, NULL, "expected a list ( { ... }, ... ), found %s", found(s));
        return NULL;
    }
    if (config_setting_length(s) < min)
        FAIL(r, s, NULL, "expected at least %d entries, found %d", min, config_setting_length(s));
    for (int i = 0; !r->bad && i < config_setting_length(s); i++)
        if (!config_setting_is_group(config_setting_get_elem(s, i)))
            FAIL(r, config_setting_get_elem(s, i), NULL, "expected a group { ... }, found %s",
                 found(config_setting_get_elem(s, i)));
    return r->bad ? NULL : s;
}

/* ---- ids ------------------------------------------------------------------
 * Each kind of id gets a sorted index, so that resolving a reference costs
 * O(log n) and a network of a million nodes loads in O(n log n). */

struct ident { const char *id; int index; const config_setting_t *s; };
struct idmap { struct ident *v; int n; };

static int ident_cmp(const void *a, const void *b)
{
    const struct ident *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Sorts the map; a duplicate id is an error at its second occurrence. */
static void idmap_seal(struct reader *r, struct idmap *m, const char *kind)
{
    if (r->bad)
        return;
    qsort(m->v, (size_t)m->n, sizeof *m->v, ident_cmp);
    for (int i = 1; i < m->n; i++)
        if (!strcmp(m->v[i].id, m->v[i - 1].id)) {
            const char *file;
            int line;
            cfg_where(r->c, m->v[i - 1].s, &file, &line);
            FAIL(r, m->v[i].s, "id", "expected a unique %s id, found \"%s\" again (first at %s:%d)",
                 kind, m->v[i].id, file, line);
            return;
        }
}

static int idmap_find(const struct idmap *m, const char *id)
{
    int lo = 0, hi = m->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(m->v[mid].id, id);
        if (!c)
            return m->v[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* Resolves the string setting g.name as an id of kind; -1 and an error if unknown. */
static int ref(struct reader *r, const config_setting_t *g, const char *name,
               const struct idmap *m, const char *kind)
{
    const config_setting_t *s = req(r, g, name, "a string");
    if (!s || r->bad)
        return -1;
    const char *id = str_of(r, s);
    int i = idmap_find(m, id);
    if (i < 0 && !r->bad)
        FAIL(r, s, NULL, "expected the id of a %s, found \"%s\", which is not one", kind, id);
    return i;
}

struct maps {
    struct idmap items, nodes, townships, trucks, facilities;
    const config_setting_t **node_src;   /* the setting that made each node */
};

static void maps_free(struct maps *m)
{
    free(m->items.v);
    free(m->nodes.v);
    free(m->townships.v);
    free(m->trucks.v);
    free(m->facilities.v);
    free(m->node_src);
}

/* ---- assumptions and road classes -------------------------------------- */

static void read_assumptions(struct reader *r, const config_setting_t *root)
{
    static const char *const known[] = { "detour_factor", "stack_height_m", "usable_share",
        "floor_load_t_m2", "day_start_h", "night_start_h", "max_spread_km", NULL };
    const config_setting_t *a = get_group(r, root, "assumptions");
    only_known(r, a, known);
    struct def *d = r->d;
    d->detour_factor = get_num(r, a, "detour_factor", POS);
    d->stack_height_m = get_num(r, a, "stack_height_m", POS);
    d->usable_share = get_num(r, a, "usable_share", POS);
    d->floor_load_t_m2 = get_num(r, a, "floor_load_t_m2", POS);
    d->day_start_h = get_num(r, a, "day_start_h", NONNEG);
    d->night_start_h = get_num(r, a, "night_start_h", NONNEG);
    d->max_spread_km = opt_num(r, a, "max_spread_km", POS, 300.0);
    if (!r->bad && d->detour_factor < 1.0)
        FAIL(r, opt(a, "detour_factor"), NULL,
             "expected a factor of at least 1 (a road is never shorter than the straight line), "
             "found %g", d->detour_factor);
    if (!r->bad && d->usable_share > 1.0)
        FAIL(r, opt(a, "usable_share"), NULL, "expected a share in (0, 1], found %g",
             d->usable_share);
    if (!r->bad && !(d->day_start_h < d->night_start_h && d->night_start_h < 24.0))
        FAIL(r, opt(a, "night_start_h"), NULL,
             "expected day_start_h < night_start_h < 24, found %g and %g",
             d->day_start_h, d->night_start_h);
}

static void read_road_classes(struct reader *r, const config_setting_t *root)
{
    static const char *const known[] = { "expressway", "national", "provincial", "county",
                                         "village", NULL };
    static const char *const fields[] = { "speed_kmh", "cv", NULL };
    const config_setting_t *g = get_group(r, root, "road_classes");
    only_known(r, g, known);
    for (int c = 0; c < ROAD_CLASSES && !r->bad; c++) {
        const config_setting_t *k = get_group(r, g, road_class_name(c));
        only_known(r, k, fields);
        r->d->road_classes[c].speed_kmh = get_num(r, k, "speed_kmh", POS);
        r->d->road_classes[c].cv = get_num(r, k, "cv", NONNEG);
    }
}

/* ---- items and truck types ---------------------------------------------- */

static void read_items(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "name", "name_zh", "unit", "weight_kg",
                                         "volume_m3", NULL };
    const config_setting_t *l = get_list(r, root, "items", 1);
    if (!l)
        return;
    struct def *d = r->d;
    d->n_items = config_setting_length(l);
    d->items = alloc(r, (size_t)d->n_items, sizeof *d->items);
    m->items.v = alloc(r, (size_t)d->n_items, sizeof *m->items.v);
    for (int i = 0; i < d->n_items && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        struct item *it = &d->items[i];
        only_known(r, e, known);
        it->id = dup(r, get_str(r, e, "id"));
        it->name = dup(r, get_str(r, e, "name"));
        it->name_zh = dup(r, opt_str(r, e, "name_zh", it->name));
        it->unit = dup(r, get_str(r, e, "unit"));
        it->weight_kg = get_num(r, e, "weight_kg", POS);
        it->volume_m3 = get_num(r, e, "volume_m3", POS);
        m->items.v[m->items.n++] = (struct ident){ it->id, i, e };
    }
    idmap_seal(r, &m->items, "item");
}

static void read_truck_types(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "capacity_t", "capacity_m3", NULL };
    const config_setting_t *l = get_list(r, root, "truck_types", 1);
    if (!l)
        return;
    struct def *d = r->d;
    d->n_truck_types = config_setting_length(l);
    d->truck_types = alloc(r, (size_t)d->n_truck_types, sizeof *d->truck_types);
    m->trucks.v = alloc(r, (size_t)d->n_truck_types, sizeof *m->trucks.v);
    for (int i = 0; i < d->n_truck_types && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        struct truck_type *t = &d->truck_types[i];
        only_known(r, e, known);
        t->id = dup(r, get_str(r, e, "id"));
        t->capacity_t = get_num(r, e, "capacity_t", POS);
        t->capacity_m3 = get_num(r, e, "capacity_m3", POS);
        m->trucks.v[m->trucks.n++] = (struct ident){ t->id, i, e };
    }
    idmap_seal(r, &m->trucks, "truck type");
}

/* ---- townships, nodes and roads ---------------------------------------- */

static void read_coords(struct reader *r, const config_setting_t *e, struct node *n)
{
    n->lon = get_num(r, e, "lon", ANY);
    n->lat = get_num(r, e, "lat", ANY);
    if (!r->bad && !(n->lon >= -180 && n->lon <= 180))
        FAIL(r, opt(e, "lon"), NULL, "expected a longitude in [-180, 180], found %g", n->lon);
    if (!r->bad && !(n->lat >= -90 && n->lat <= 90))
        FAIL(r, opt(e, "lat"), NULL, "expected a latitude in [-90, 90], found %g", n->lat);
}

static void add_node(struct reader *r, struct maps *m, const config_setting_t *e, int i)
{
    m->nodes.v[m->nodes.n++] = (struct ident){ r->d->nodes[i].id, i, e };
    m->node_src[i] = e;
}

static void read_townships(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "name", "name_zh", "kind", "lon", "lat",
                                         "population", "subcentre", NULL };
    static const char *const kinds[] = { "subdistrict", "town", "township" };
    struct def *d = r->d;
    for (int i = 0; i < d->n_townships && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(opt(root, "townships"), i);
        struct township *t = &d->townships[i];
        struct node *n = &d->nodes[i];
        only_known(r, e, known);
        t->id = dup(r, get_str(r, e, "id"));
        t->name = dup(r, get_str(r, e, "name"));
        t->name_zh = dup(r, opt_str(r, e, "name_zh", t->name));
        t->kind = choice(r, e, "kind", kinds, TOWNSHIP_KINDS);
        t->population = get_num(r, e, "population", NONNEG);
        t->node = i;                    /* seats are the first nodes */
        t->subcentre = -1;              /* resolved once facilities are read */
        *n = (struct node){ dup(r, t->id), dup(r, t->name), dup(r, t->name_zh), NODE_SEAT, 0, 0 };
        read_coords(r, e, n);
        m->townships.v[m->townships.n++] = (struct ident){ t->id, i, e };
        add_node(r, m, e, i);
    }
    idmap_seal(r, &m->townships, "township");
}

static void read_nodes(struct reader *r, const config_setting_t *root, struct maps *m)
{
    static const char *const known[] = { "id", "name", "name_zh", "kind", "lon", "lat", NULL };
    static const char *const kinds[] = { "junction", "seat", "village", "facility" };
    struct def *d = r->d;
    const config_setting_t *l = opt(root, "nodes");
    for (int i = d->n_townships; i < d->n_nodes && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i - d->n_townships);
        struct node *n = &d->nodes[i];
        only_known(r, e, known);
        n->id = dup(r, get_str(r, e, "id"));
        n->name = dup(r, get_str(r, e, "name"));
        n->name_zh = dup(r, opt_str(r, e, "name_zh", n->name));
        n->kind = choice(r, e, "kind", kinds, NODE_KINDS);
        read_coords(r, e, n);
        add_node(r, m, e, i);
    }
    idmap_seal(r, &m->nodes, "node (township or node)");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A node far from all the others is almost always a typo in a coordinate. */
static void check_spread(struct reader *r, const struct maps *m)
{
    struct def *d = r->d;
    double *lon = alloc(r, (size_t)d->n_nodes, sizeof *lon);
    double *lat = alloc(r, (size_t)d->n_nodes, sizeof *lat);
    for (int i = 0; lon && lat && i < d->n_nodes; i++) {
        lon[i] = d->nodes[i].lon;
        lat[i] = d->nodes[i].lat;
    }
    if (!r->bad && d->n_nodes > 0) {
        qsort(lon, (size_t)d->n_nodes, sizeof *lon, cmp_double);
        qsort(lat, (size_t)d->n_nodes, sizeof *lat, cmp_double);
        double mlon = lon[d->n_nodes / 2], mlat = lat[d->n_nodes / 2];
        for (int i = 0; i < d->n_nodes && !r->bad; i++) {
            double km = geo_km(mlon, mlat, d->nodes[i].lon, d->nodes[i].lat);
            if (km > d->max_spread_km)
                FAIL(r, m->node_src[i], "lon", "expected a coordinate within %g km of the "
                     "network's median point (%.4f, %.4f), found (%.5f, %.5f), %.0f km away",
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
        const config_setting_t *via = req(r, e, "via", "an array of node ids");
        if (r->bad)
            break;
        if (!config_setting_is_array(via) || config_setting_length(via) < 2)
            FAIL(r, via, NULL, "expected an array of at least 2 node ids, found %s of %d",
                 found(via), config_setting_length(via));
        n += config_setting_length(via) - 1;
    }
    return n;
}

static void read_road(struct reader *r, const config_setting_t *e, const struct maps *m,
                      int *k)
{
    static const char *const known[] = { "name", "class", "via", "km", NULL };
    static const char *const classes[] = { "expressway", "national", "provincial", "county",
                                           "village" };
    struct def *d = r->d;
    only_known(r, e, known);
    const char *name = get_str(r, e, "name");
    int cls = choice(r, e, "class", classes, ROAD_CLASSES);
    const config_setting_t *via = opt(e, "via"), *km = opt(e, "km");
    int n = config_setting_length(via);
    if (km && n != 2 && !r->bad)
        FAIL(r, km, NULL, "expected km only on a road of 2 nodes, found it on one of %d", n);
    int prev = -1;
    for (int j = 0; j < n && !r->bad; j++) {
        const config_setting_t *s = config_setting_get_elem(via, j);
        const char *id = str_of(r, s);
        int node = idmap_find(&m->nodes, id);
        if (node < 0 && !r->bad)
            FAIL(r, s, NULL, "expected the id of a township or node, found \"%s\"", id);
        if (j > 0 && node == prev && !r->bad)
            FAIL(r, s, NULL, "expected a road between two different nodes, "
                 "found one from \"%s\" to itself", id);
        if (j > 0 && !r->bad) {
            struct road *rd = &d->roads[(*k)++];
            rd->from = prev;
            rd->to = node;
            rd->cls = cls;
            rd->name = dup(r, name);
            rd->km = km ? num_of(r, km, POS)
                        : d->detour_factor * geo_km(d->nodes[prev].lon, d->nodes[prev].lat,
                                                    d->nodes[node].lon, d->nodes[node].lat);
            if (!r->bad && !(rd->km > 0))
                FAIL(r, s, NULL, "expected a node away from \"%s\", found one at the same "
                     "coordinates (give km)", d->nodes[prev].id);
        }
        prev = node;
    }
}

static void read_roads(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const config_setting_t *l = get_list(r, root, "roads", 1);
    if (!l)
        return;
    struct def *d = r->d;
    d->n_roads = count_segments(r, l);
    d->roads = alloc(r, (size_t)d->n_roads, sizeof *d->roads);
    int k = 0;
    for (int i = 0; i < config_setting_length(l) && !r->bad; i++)
        read_road(r, config_setting_get_elem(l, i), m, &k);
}

static void read_places(struct reader *r, const config_setting_t *root, struct maps *m)
{
    const config_setting_t *tl = get_list(r, root, "townships", 1);
    const config_setting_t *nl = opt(root, "nodes") ? get_list(r, root, "nodes", 0) : NULL;
    if (r->bad)
        return;
    struct def *d = r->d;
    d->n_townships = config_setting_length(tl);
    d->n_nodes = d->n_townships + (nl ? config_setting_length(nl) : 0);
    d->townships = alloc(r, (size_t)d->n_townships, sizeof *d->townships);
    d->nodes = alloc(r, (size_t)d->n_nodes, sizeof *d->nodes);
    m->townships.v = alloc(r, (size_t)d->n_townships, sizeof *m->townships.v);
    m->nodes.v = alloc(r, (size_t)d->n_nodes, sizeof *m->nodes.v);
    m->node_src = alloc(r, (size_t)d->n_nodes, sizeof *m->node_src);
    read_townships(r, root, m);
    read_nodes(r, root, m);
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
    const config_setting_t *s = opt(f, name);
    return s ? s : opt(k, name);
}

static double fac_num(struct reader *r, const config_setting_t *f, const config_setting_t *k,
                      const char *name, enum range rg)
{
    const config_setting_t *s = inherit(f, k, name);
    if (!s && !r->bad) {
        char where[64];
        snprintf(where, sizeof where, "facility_kinds.%s", k ? config_setting_name(k) : "?");
        FAIL(r, f, name, "expected a number here or in %s, found nothing", where);
    }
    return (s && !r->bad) ? num_of(r, s, rg) : 0;
}

/* Adds the units of each item named in group g (may be NULL) into out[]. */
static void read_amounts(struct reader *r, const config_setting_t *g, const struct maps *m,
                         double *out)
{
    if (!g || r->bad)
        return;
    if (!config_setting_is_group(g)) {
        FAIL(r, g, NULL, "expected a group { item = units; ... }, found %s", found(g));
        return;
    }
    for (int i = 0; i < config_setting_length(g) && !r->bad; i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        int it = idmap_find(&m->items, config_setting_name(s));
        if (it < 0)
            FAIL(r, s, NULL, "expected the id of an item, found \"%s\", which is not one",
                 config_setting_name(s));
        else
            out[it] = num_of(r, s, NONNEG);
    }
}

static void check_fits(struct reader *r, const config_setting_t *e, int i)
{
    struct def *d = r->d;
    struct facility *f = &d->facilities[i];
    const config_setting_t *at = opt(e, "stock") ? opt(e, "stock") : opt(e, "floor_m2");
    double m3 = def_stock_m3(d, i), t = def_stock_t(d, i);
    if (!r->bad && m3 > f->capacity_m3)
        FAIL(r, at, NULL, "expected stock that fits the storage, %.1f m3 (floor %g m2 x usable "
             "share %g x stack height %g m), found %.1f m3", f->capacity_m3, f->floor_m2,
             d->usable_share, d->stack_height_m, m3);
    if (!r->bad && t > f->capacity_t)
        FAIL(r, at, NULL, "expected stock that the floor bears, %.1f t (floor %g m2 x usable "
             "share %g x %g t/m2), found %.1f t", f->capacity_t, f->floor_m2, d->usable_share,
             d->floor_load_t_m2, t);
}

static void read_facility(struct reader *r, const config_setting_t *e,
                          const config_setting_t *kinds, const struct maps *m, int i)
{
    static const char *const known[] = { "id", "kind", "name", "name_zh", "node", "township",
        "floor_m2", "bays", "load_setup_min", "load_min_per_t", "mobilise_day_min",
        "mobilise_night_min", "activation_min", "stock", "reorder", NULL };
    struct def *d = r->d;
    struct facility *f = &d->facilities[i];
    only_known(r, e, known);
    f->id = dup(r, get_str(r, e, "id"));
    f->kind = choice(r, e, "kind", fac_kinds, FAC_KINDS);
    const config_setting_t *k = f->kind >= 0 ? opt(kinds, fac_kinds[f->kind]) : NULL;
    f->name = dup(r, get_str(r, e, "name"));
    f->name_zh = dup(r, opt_str(r, e, "name_zh", f->name));
    f->node = ref(r, e, "node", &m->nodes, "node (township or node)");
    f->township = opt(e, "township") ? ref(r, e, "township", &m->townships, "township") : -1;
    f->floor_m2 = get_num(r, e, "floor_m2", POS);
    const config_setting_t *bays = inherit(e, k, "bays");
    f->bays = bays ? int_of(r, bays, POS) : (int)fac_num(r, e, k, "bays", POS);
    f->load_setup_min = fac_num(r, e, k, "load_setup_min", NONNEG);
    f->load_min_per_t = fac_num(r, e, k, "load_min_per_t", NONNEG);
    f->mobilise_day_min = fac_num(r, e, k, "mobilise_day_min", NONNEG);
    f->mobilise_night_min = fac_num(r, e, k, "mobilise_night_min", NONNEG);
    f->activation_min = fac_num(r, e, k, "activation_min", NONNEG);
    f->capacity_m3 = f->floor_m2 * d->usable_share * d->stack_height_m;
    f->capacity_t = f->floor_m2 * d->usable_share * d->floor_load_t_m2;
    f->stock = alloc(r, (size_t)d->n_items, sizeof *f->stock);
    f->reorder = alloc(r, (size_t)d->n_items, sizeof *f->reorder);
    f->truck_type = -1;
    if (r->bad)
        return;
    read_amounts(r, opt(k, "stock"), m, f->stock);
    read_amounts(r, opt(e, "stock"), m, f->stock);
    read_amounts(r, opt(k, "reorder"), m, f->reorder);
    read_amounts(r, opt(e, "reorder"), m, f->reorder);
    check_fits(r, e, i);
}

static void read_kinds(struct reader *r, const config_setting_t *kinds)
{
    static const char *const known[] = { "central", "subcentre", "township", "department",
                                         "supplier", NULL };
    static const char *const fields[] = { "bays", "load_setup_min", "load_min_per_t",
        "mobilise_day_min", "mobilise_night_min", "activation_min", "stock", "reorder", NULL };
    if (!kinds)
        return;
    if (!config_setting_is_group(kinds)) {
        FAIL(r, kinds, NULL, "expected a group { central = { ... }; ... }, found %s", found(kinds));
        return;
    }
    only_known(r, kinds, known);
    for (int i = 0; i < config_setting_length(kinds) && !r->bad; i++) {
        const config_setting_t *k = config_setting_get_elem(kinds, i);
        if (!config_setting_is_group(k))
            FAIL(r, k, NULL, "expected a group { ... }, found %s", found(k));
        only_known(r, k, fields);
    }
}

static void read_facilities(struct reader *r, const config_setting_t *root, struct maps *m)
{
    const config_setting_t *kinds = opt(root, "facility_kinds");
    read_kinds(r, kinds);
    const config_setting_t *l = get_list(r, root, "facilities", 1);
    if (!l)
        return;
    struct def *d = r->d;
    d->n_facilities = config_setting_length(l);
    d->facilities = alloc(r, (size_t)d->n_facilities, sizeof *d->facilities);
    m->facilities.v = alloc(r, (size_t)d->n_facilities, sizeof *m->facilities.v);
    for (int i = 0; i < d->n_facilities && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        read_facility(r, e, kinds, m, i);
        m->facilities.v[m->facilities.n++] = (struct ident){ d->facilities[i].id, i, e };
    }
    idmap_seal(r, &m->facilities, "facility");
}

static void read_fleet(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    static const char *const known[] = { "id", "truck", "trucks", NULL };
    if (!opt(root, "fleet"))
        return;
    const config_setting_t *l = get_list(r, root, "fleet", 0);
    struct idmap seen = { alloc(r, (size_t)(l ? config_setting_length(l) : 0), sizeof *seen.v), 0 };
    for (int i = 0; l && i < config_setting_length(l) && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        only_known(r, e, known);
        int f = ref(r, e, "id", &m->facilities, "facility");
        int t = ref(r, e, "truck", &m->trucks, "truck type");
        const config_setting_t *n = req(r, e, "trucks", "an integer");
        if (r->bad)
            break;
        r->d->facilities[f].truck_type = t;
        r->d->facilities[f].trucks = int_of(r, n, NONNEG);
        seen.v[seen.n++] = (struct ident){ r->d->facilities[f].id, i, e };
    }
    idmap_seal(r, &seen, "fleet");
    free(seen.v);
}

static void read_subcentres(struct reader *r, const config_setting_t *root, const struct maps *m)
{
    const config_setting_t *l = opt(root, "townships");
    for (int i = 0; i < r->d->n_townships && !r->bad; i++) {
        const config_setting_t *e = config_setting_get_elem(l, i);
        if (!opt(e, "subcentre"))
            continue;
        int f = ref(r, e, "subcentre", &m->facilities, "facility");
        if (!r->bad && r->d->facilities[f].kind != FAC_SUBCENTRE)
            FAIL(r, opt(e, "subcentre"), NULL, "expected the id of a sub-centre, found \"%s\", "
                 "a facility of kind %s", r->d->facilities[f].id,
                 facility_kind_name(r->d->facilities[f].kind));
        r->d->townships[i].subcentre = f;
    }
}

/* ---- the whole definition ---------------------------------------------- */

struct def *cfg_def(const struct cfg *c, char *err, size_t errlen)
{
    static const char *const known[] = { "name", "description", "assumptions", "road_classes",
        "items", "truck_types", "townships", "nodes", "roads", "facility_kinds", "facilities",
        "fleet", NULL };
    struct reader r = { c, err, errlen, 0, calloc(1, sizeof(struct def)) };
    struct maps m = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, NULL };
    if (!r.d) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const config_setting_t *root = config_root_setting(c->root);
    only_known(&r, root, known);
    r.d->name = dup(&r, get_str(&r, root, "name"));
    r.d->description = dup(&r, opt_str(&r, root, "description", ""));
    r.d->source_file = dup(&r, c->path);
    read_assumptions(&r, root);
    read_road_classes(&r, root);
    read_items(&r, root, &m);
    read_truck_types(&r, root, &m);
    read_places(&r, root, &m);
    read_roads(&r, root, &m);
    read_facilities(&r, root, &m);
    read_fleet(&r, root, &m);
    read_subcentres(&r, root, &m);
    maps_free(&m);
    if (r.bad) {
        def_free(r.d);
        return NULL;
    }
    return r.d;
}
