/*
 * test_network_dir.c -- network folders (config/network_dir.h): what
 * --export-network writes, `network = "DIR";` reads back as the same network;
 * every kind of bad row is refused naming the file, the line and the column;
 * a network larger than the memory there is fails with a message saying how
 * much it needs.
 *
 * The round trip: config/yongcheng.cfg is loaded (A); its network is exported
 * to a temporary folder; the same file, with its `nodes` and `roads` taken out,
 * each township's lon and lat replaced by `node = "<its id>"` and
 * `network = "net"` added (libconfig edits the tree), is loaded (B).  A and B
 * must hold the same nodes and roads, field by field and bit for bit, the same
 * seats and facility nodes, and give the same coverage table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "config/config.h"
#include "config/network_cache.h"
#include "config/network_dir.h"
#include "engine/geo.h"
#include "engine/hash.h"
#include "engine/landmarks.h"
#include "model/coverage.h"
#include "model/state.h"
#include "results/export.h"

#define ERRLEN 2048

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/supplysim-netdir-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Loads dir/name; the definition, or NULL with the message in err. */
static struct definition *load(const char *name, char *err)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct cfg *c = cfg_load(path, NULL, 0, LANG_EN, err, ERRLEN);
    struct definition *d = c ? cfg_definition(c, err, ERRLEN) : NULL;
    cfg_free(c);
    return d;
}

/* ---- the round trip --------------------------------------------------------- */

/* yongcheng.cfg as a folder system: no nodes or roads of its own, seats by id. */
static void write_folder_config(void)
{
    config_t c;
    char path[256];
    config_init(&c);
    assert_int_equal(config_read_file(&c, "config/yongcheng.cfg"), CONFIG_TRUE);
    config_setting_t *root = config_root_setting(&c);
    assert_int_equal(config_setting_remove(root, "nodes"), CONFIG_TRUE);
    assert_int_equal(config_setting_remove(root, "roads"), CONFIG_TRUE);
    config_setting_t *towns = config_setting_get_member(root, "townships");
    for (int i = 0; i < config_setting_length(towns); i++) {
        config_setting_t *t = config_setting_get_elem(towns, i);
        const char *id;
        assert_int_equal(config_setting_lookup_string(t, "id", &id), CONFIG_TRUE);
        char *copy = strdup(id);
        assert_int_equal(config_setting_remove(t, "lon"), CONFIG_TRUE);
        assert_int_equal(config_setting_remove(t, "lat"), CONFIG_TRUE);
        config_setting_set_string(config_setting_add(t, "node", CONFIG_TYPE_STRING), copy);
        free(copy);
    }
    config_setting_set_string(config_setting_add(root, "network", CONFIG_TYPE_STRING), "net");
    snprintf(path, sizeof path, "%s/folder.cfg", dir);
    assert_int_equal(config_write_file(&c, path), CONFIG_TRUE);
    config_destroy(&c);
}

static void same_network(const struct definition *a, const struct definition *b)
{
    assert_int_equal(a->n_nodes, b->n_nodes);
    assert_int_equal(a->n_roads, b->n_roads);
    for (int i = 0; i < a->n_nodes; i++) {
        const struct node *x = &a->nodes[i], *y = &b->nodes[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->name_zh, y->name_zh);
        assert_int_equal(x->kind, y->kind);
        assert_true(x->lon == y->lon && x->lat == y->lat);
    }
    for (int i = 0; i < a->n_roads; i++) {
        const struct road *x = &a->roads[i], *y = &b->roads[i];
        assert_int_equal(x->from, y->from);
        assert_int_equal(x->to, y->to);
        assert_true(x->km == y->km);
        assert_int_equal(x->cls, y->cls);
        assert_string_equal(x->name, y->name);
        assert_true(definition_road_minutes(a, i) == definition_road_minutes(b, i));
    }
    assert_int_equal(a->n_townships, b->n_townships);
    for (int t = 0; t < a->n_townships; t++)
        assert_int_equal(a->townships[t].node, b->townships[t].node);
    assert_int_equal(a->n_facilities, b->n_facilities);
    for (int f = 0; f < a->n_facilities; f++)
        assert_int_equal(a->facilities[f].node, b->facilities[f].node);
}

static void test_round_trip(void **state)
{
    char err[ERRLEN], net[256];
    (void)state;
    struct cfg *c = cfg_load("config/yongcheng.cfg", NULL, 0, LANG_EN, err, ERRLEN);
    struct definition *a = c ? cfg_definition(c, err, ERRLEN) : NULL;
    cfg_free(c);
    if (!a)
        fail_msg("%s", err);
    snprintf(net, sizeof net, "%s/net", dir);
    assert_int_equal(export_network(a, net, LANG_EN, err, ERRLEN), 0);
    write_folder_config();
    struct definition *b = load("folder.cfg", err);
    if (!b)
        fail_msg("%s", err);
    assert_int_equal(b->folder_nodes, a->n_nodes);
    assert_int_equal(b->folder_roads, a->n_roads);
    same_network(a, b);
    struct net *na = coverage_network(a), *nb = coverage_network(b);
    struct coverage_row ra[64], rb[64];
    assert_true(a->n_townships <= 64);
    assert_int_equal(coverage_table(a, na, ra), 0);
    assert_int_equal(coverage_table(b, nb, rb), 0);
    for (int t = 0; t < a->n_townships; t++) {
        assert_int_equal(ra[t].central, rb[t].central);
        assert_int_equal(ra[t].subcentre, rb[t].subcentre);
        assert_int_equal(ra[t].reached, rb[t].reached);
        assert_true(ra[t].central_min == rb[t].central_min);
        assert_true(ra[t].subcentre_min == rb[t].subcentre_min);
    }
    net_free(na);
    net_free(nb);
    definition_free(a);
    definition_free(b);
}

/* ---- bad rows ------------------------------------------------------------------- */

/* tests/data/tiny.cfg's system on a folder: seats by id, the depot and the five
 * roads in net/ (written by each case). */
static const char folder_cfg[] =
    "name = \"tinyfolder\";\n"
    "assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.5;\n"
    "  floor_load_t_m2 = 1.0; day_start_h = 7.0; night_start_h = 19.0; };\n"
    "road_classes = { expressway = { speed_kmh = 80.0; cv = 0.0; }; national = { speed_kmh = 60.0; cv = 0.0; };\n"
    "  provincial = { speed_kmh = 50.0; cv = 0.0; }; county = { speed_kmh = 40.0; cv = 0.0; };\n"
    "  village = { speed_kmh = 25.0; cv = 0.0; }; };\n"
    "items = ( { id = \"quilt\"; name = \"Quilt\"; unit = \"piece\"; weight_kg = 2.0; volume_m3 = 0.05; } );\n"
    "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; } );\n"
    "townships = (\n"
    "  { id = \"north\"; name = \"North\"; kind = \"town\"; node = \"north\"; population = 1000.0; },\n"
    "  { id = \"east\"; name = \"East\"; kind = \"town\"; node = \"east\"; population = 2000.0; } );\n"
    "nodes = ( { id = \"extra\"; kind = \"junction\"; name = \"Extra\"; lon = 116.401; lat = 34.1; } );\n"
    "network = \"net\";\n"
    "facility_kinds = { central = { bays = 2; load_setup_min = 10.0; load_min_per_t = 5.0;\n"
    "  mobilise_day_min = 20.0; mobilise_night_min = 40.0; activation_min = 0.0; }; };\n"
    "facilities = ( { id = \"central\"; kind = \"central\"; name = \"Central\"; node = \"depot\";\n"
    "  floor_m2 = 100.0; stock = { quilt = 100.0; }; } );\n"
    "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 2; } );\n";

static const char good_nodes[] =
    "id,name,name_zh,kind,lon,lat\n"
    "north,North,,seat,116.4,34.1\n"
    "east,East,,seat,116.6,33.95\n"
    "depot,\"Depot, \"\"main\"\"\",,facility,116.4,33.95\n";

static const char good_roads[] =
    "from,to,km,class,minutes,name\n"
    "depot,north,30,national,30,N1\n"
    "depot,east,20,county,,C1\n"
    "north,east,40,expressway,30,\n";

/* Writes net/nodes.csv, net/roads.csv and folder.cfg. */
static void write_folder(const char *nodes, const char *roads, const char *cfg)
{
    char net[256];
    snprintf(net, sizeof net, "%s/net", dir);
    mkdir(net, 0777);
    write_file("net/nodes.csv", nodes);
    write_file("net/roads.csv", roads);
    write_file("folder.cfg", cfg);
}

/* Loads the folder config with these files; the error, or "" when it loads. */
static const char *try_folder(const char *nodes, const char *roads)
{
    static char err[ERRLEN];
    write_folder(nodes, roads, folder_cfg);
    struct definition *d = load("folder.cfg", err);
    if (d) {
        definition_free(d);
        err[0] = '\0';
    }
    return err;
}

/* err must be "DIR/net/FILE:rest". */
static void expect(const char *err, const char *file, const char *rest)
{
    char want[ERRLEN];
    snprintf(want, sizeof want, "%s/net/%s:%s", dir, file, rest);
    assert_string_equal(err, want);
}

static void test_good_folder(void **state)
{
    char err[ERRLEN];
    (void)state;
    assert_string_equal(try_folder(good_nodes, good_roads), "");
    struct definition *d = load("folder.cfg", err);
    assert_non_null(d);
    /* nodes: north, east (seats by id, so no own nodes), extra -- on no road, so put on the
     * nearest node of the folder, north, 0.001 degree of longitude away at 34.1 N:
     * 6371 km x 0.001 x pi/180 x cos(34.1 deg) = 0.0920 km -- then the folder's */
    assert_int_equal(d->n_nodes, 3);
    assert_int_equal(d->n_snaps, 1);
    assert_int_equal(d->snaps[0].kind, SNAP_NODE);
    assert_string_equal(d->snaps[0].id, "extra");
    assert_string_equal(d->nodes[d->snaps[0].node].id, "north");
    assert_true(fabs(d->snaps[0].km - 6371 * 0.001 * M_PI / 180 * cos(34.1 * M_PI / 180)) < 1e-6);
    assert_string_equal(d->nodes[2].name, "Depot, \"main\"");
    assert_string_equal(d->nodes[2].name_zh, "Depot, \"main\"");   /* empty: the name */
    assert_int_equal(d->townships[1].node, 1);
    assert_int_equal(d->facilities[0].node, 2);
    assert_int_equal(d->n_roads, 3);
    assert_true(d->roads[1].km == 20.0);
    assert_int_equal(d->roads[1].cls, ROAD_COUNTY);
    assert_string_equal(d->roads[2].name, "");
    /* 30 km national at 60 km/h: 30 minutes, from km and the class, not the file */
    assert_true(definition_road_minutes(d, 0) == 30.0);
    definition_free(d);
}

static void test_bad_nodes(void **state)
{
    (void)state;
    expect(try_folder("id,name,name_zh,kind,lon,lati\n", good_roads), "nodes.csv",
           "1:6: (header): expected the header id,name,name_zh,kind,lon,lat, found column \"lati\"");
    expect(try_folder("id,name,name_zh,kind,lon\n", good_roads), "nodes.csv",
           "1:6: (header): expected the header id,name,name_zh,kind,lon,lat, found no column lat");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,seat,1x6.4,34.1\n", good_roads),
           "nodes.csv", "2:5: lon: expected a number, found \"1x6.4\"");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,seat,116.4,34.1\neast,E,,seat,216.6,33.95\n",
                      good_roads), "nodes.csv", "3:5: lon: expected a longitude in [-180, 180], found 216.6");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,city,116.4,34.1\n", good_roads),
           "nodes.csv", "2:4: kind: expected one of junction, seat, village, facility, found \"city\"");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,seat,116.4,34.1,9\n", good_roads),
           "nodes.csv", "2:7: (record): expected 6 columns, found more");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,seat,116.4\n", good_roads),
           "nodes.csv", "2:5: (record): expected 6 columns (id,name,name_zh,kind,lon,lat), found 5");
    expect(try_folder("id,name,name_zh,kind,lon,lat\nnorth,\"N,,seat,116.4,34.1\n", good_roads),
           "nodes.csv", "2:2: (quote): expected a closing quote, found the end of the file");
}

/* The duplicate's message ends with the configuration's file and line. */
static void test_duplicate_names_both_places(void **state)
{
    char want[ERRLEN];
    (void)state;
    const char *err = try_folder("id,name,name_zh,kind,lon,lat\nnorth,N,,seat,116.4,34.1\n"
                                 "extra,X,,junction,116.5,34.0\n", good_roads);
    snprintf(want, sizeof want, "%s/net/nodes.csv:3:1: id: expected a unique node (township or "
             "node) id, found \"extra\" again (first at %s/folder.cfg:12)", dir, dir);
    assert_string_equal(err, want);
}

/* A network of 4,096 ids or more is indexed by hash in the order of its
 * lines, not sorted (config/get.c), so the error is the first id met again,
 * at its second line: here j3000 (first at line 5 + 3000 = 3005, again at
 * 5005), though j10, met again on the next line, would come first sorted; a
 * folder id that is a configuration node's names the configuration's line. */
static void test_duplicate_in_large_folder(void **state)
{
    char want[ERRLEN];
    size_t len = sizeof good_nodes + 5003 * 48;
    char *nodes = malloc(len), *at = nodes;
    (void)state;
    assert_non_null(nodes);
    at += snprintf(at, len, "%s", good_nodes);                   /* lines 1-4 */
    for (int k = 0; k < 5000; k++)                               /* j0 at line 5 */
        at += snprintf(at, len - (size_t)(at - nodes), "j%d,,,junction,116.%04d,34.0\n", k, k);
    snprintf(at, len - (size_t)(at - nodes), "j3000,,,junction,116.5,34.2\nj10,,,junction,116.5,34.3\n");
    snprintf(want, sizeof want, "%s/net/nodes.csv:5005:1: id: expected a unique node (township or "
             "node) id, found \"j3000\" again (first at %s/net/nodes.csv:3005)", dir, dir);
    assert_string_equal(try_folder(nodes, good_roads), want);
    snprintf(at, len - (size_t)(at - nodes), "extra,,,junction,116.5,34.2\n");
    snprintf(want, sizeof want, "%s/net/nodes.csv:5005:1: id: expected a unique node (township or "
             "node) id, found \"extra\" again (first at %s/folder.cfg:12)", dir, dir);
    assert_string_equal(try_folder(nodes, good_roads), want);
    free(nodes);
}

/* Road damage by area on a network large enough to be searched through a
 * grid of road midpoints (config/scenario.c): every rule must select exactly
 * the roads a plain scan of every road selects (midpoint within the area's
 * km by geo_km, and of the rule's class or name), in index order.  A 70 x 70
 * lattice, jittered, with classes and names drawn at random; 40 rules, each
 * centred on a random road's midpoint or well off the network (a walk that
 * starts outside the grid), of 0.2 to 40 km. */
static unsigned long lcg(unsigned long *x)
{
    *x = *x * 6364136223846793005ul + 1442695040888963407ul;
    return *x >> 33;
}

static double unit(unsigned long *x) { return (double)lcg(x) / 2147483648.0; }

static const char *const classes[] = { "expressway", "national", "provincial", "county",
                                       "village" };

enum { SIDE = 70 };

/* A SIDE x SIDE lattice after good_nodes and good_roads, jittered, with
 * classes and names R0-R3 drawn at random: nodes g0.. and the roads east
 * and north; the east road's class and name from g(i) into cls_east[i] and
 * name_east[i]; lon, lat of g(i).  Each text is malloc'd. */
static void lattice(char **nodes, char **roads, double *lon, double *lat, int *cls_east,
                    int *name_east, unsigned long *x)
{
    size_t len = 1 << 20;
    *nodes = malloc(len);
    *roads = malloc(len);
    assert_true(*nodes && *roads);
    int n = snprintf(*nodes, len, "%s", good_nodes), m = snprintf(*roads, len, "%s", good_roads);
    for (int i = 0; i < SIDE * SIDE; i++) {
        lon[i] = 116.0 + 0.01 * (i % SIDE) + 0.004 * unit(x);
        lat[i] = 33.5 + 0.01 * (i / SIDE) + 0.004 * unit(x);
        n += snprintf(*nodes + n, len - (size_t)n, "g%d,,,junction,%.6f,%.6f\n", i, lon[i], lat[i]);
    }
    for (int i = 0; i < SIDE * SIDE; i++)
        for (int k = 0; k < 2; k++) {
            int j = k ? i + SIDE : i + 1;
            if ((k && j >= SIDE * SIDE) || (!k && i % SIDE == SIDE - 1))
                continue;
            int cls = (int)(lcg(x) % 5), name = (int)(lcg(x) % 4);
            if (!k)
                cls_east[i] = cls, name_east[i] = name;
            m += snprintf(*roads + m, len - (size_t)m, "g%d,g%d,1.2,%s,,R%d\n", i, j, classes[cls],
                          name);
        }
}

static void test_area_rules_match_a_scan(void **state)
{
    enum { RULES = 40 };
    unsigned long x = 12345;
    size_t len = 1 << 20;
    char *nodes, *roads, *cfg = malloc(len), err[ERRLEN];
    static double lon[SIDE * SIDE], lat[SIDE * SIDE];
    static int cls_east[SIDE * SIDE], name_east[SIDE * SIDE];
    (void)state;
    assert_non_null(cfg);
    lattice(&nodes, &roads, lon, lat, cls_east, name_east, &x);
    int c = snprintf(cfg, len, "%s", folder_cfg);
    c += snprintf(cfg + c, len - (size_t)c, "disaster = { kit = { quilt = 1.0; };\n"
                  "  sites = ( { township = \"north\"; village_km = 2.0; occur_min = 0.0;\n"
                  "              report_min = 10.0; displaced = 100.0; } );\n  road_damage = (\n");
    for (int k = 0; k < RULES; k++) {
        /* centred on an east road's midpoint, of its class or name (so something is
         * selected), or, every eighth, off the network to the east, of any road */
        int i = (int)(lcg(&x) % (SIDE * (SIDE - 1))), how = k % 8 == 7 ? 0 : (int)(lcg(&x) % 3);
        i = i / (SIDE - 1) * SIDE + i % (SIDE - 1);
        double clon = (lon[i] + lon[i + 1]) / 2, clat = (lat[i] + lat[i + 1]) / 2;
        char what[64] = "";
        if (how == 1)
            snprintf(what, sizeof what, " class = \"%s\";", classes[cls_east[i]]);
        else if (how == 2)
            snprintf(what, sizeof what, " road = \"R%d\";", name_east[i]);
        c += snprintf(cfg + c, len - (size_t)c, "    { area = [%.6f, %.6f, %.3f];%s }%s\n",
                      k % 8 == 7 ? clon + 1.0 : clon, clat,
                      k % 8 == 7 ? 110.0 : 0.2 + 39.8 * unit(&x) * unit(&x), what,
                      k + 1 < RULES ? "," : "");
    }
    snprintf(cfg + c, len - (size_t)c, "  ); };\n");
    write_folder(nodes, roads, cfg);
    struct definition *d = load("folder.cfg", err);
    if (!d)
        fail_msg("%s", err);
    assert_int_equal(d->n_damage, RULES);
    int picked = 0;
    for (int k = 0; k < d->n_damage; k++) {
        /* the rule's own settings, read back from the text written above */
        const struct damage *dm = &d->damage[k];
        int j = 0;
        assert_true(dm->n_roads > 0);
        const char *rule = strstr(cfg, "{ area");
        for (int q = 0; q < k; q++)
            rule = strstr(rule + 1, "{ area");
        double alon, alat, akm;
        assert_int_equal(sscanf(rule, "{ area = [%lf, %lf, %lf];", &alon, &alat, &akm), 3);
        const char *cls = strstr(rule, "class = \""), *name = strstr(rule, "road = \"");
        const char *end = strchr(rule, '}');
        for (int i = 0; i < d->n_roads; i++) {
            const struct road *rd = &d->roads[i];
            const struct node *p = &d->nodes[rd->from], *q = &d->nodes[rd->to];
            if (cls && cls < end && strncmp(cls + 9, classes[rd->cls], strlen(classes[rd->cls])))
                continue;
            if (name && name < end && !(rd->name[0] == 'R' && rd->name[1] == name[9]
                                        && rd->name[2] == '\0'))
                continue;
            if (geo_km(alon, alat, (p->lon + q->lon) / 2, (p->lat + q->lat) / 2) > akm)
                continue;
            assert_true(j < dm->n_roads);
            assert_int_equal(dm->roads[j], i);
            j++;
        }
        assert_int_equal(j, dm->n_roads);
        picked += j;
    }
    assert_true(picked > 1000);               /* the rules are not all trivially small */
    definition_free(d);
    free(nodes);
    free(roads);
    free(cfg);
}

/* ---- the cache ------------------------------------------------------------------ */

/* dir/net/name's bytes, malloc'd, their number in *n. */
static char *slurp(const char *name, size_t *n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/net/%s", dir, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    *n = (size_t)ftell(f);
    rewind(f);
    char *p = malloc(*n + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, *n, f), *n);
    fclose(f);
    return p;
}

/* A and B hold the same network folder, string for string. */
static void same_folder(const struct definition *a, const struct definition *b)
{
    same_network(a, b);
    assert_int_equal(a->folder_node0, b->folder_node0);
    assert_int_equal(a->folder_nodes, b->folder_nodes);
    assert_int_equal(a->folder_road0, b->folder_road0);
    assert_int_equal(a->folder_roads, b->folder_roads);
    assert_int_equal(a->n_folder_names, b->n_folder_names);
    for (int i = 0; i < a->n_folder_names; i++)
        assert_string_equal(a->folder_names[i], b->folder_names[i]);
}

/* The folder's cache (config/network_cache.h): the lattice (14,569 lines,
 * over the 10,000 a cache is kept for) with a road to the configuration's
 * node `extra` (an end the folder does not hold).  The first load parses and
 * writes the cache; the second reads it and holds the same network.  That
 * the cache is what the second load read is shown by a cache written with
 * one road's km changed (the keys are the files'): the load gives that km.
 * A cache whose files changed, or that is cut short, or has a byte changed,
 * is passed over: the load is the files'.  A cached end that names no node
 * any more gives the error the files give, at the same line and column. */
static void test_cache(void **state)
{
    char err[ERRLEN], err2[ERRLEN], path[256], *nodes, *roads;
    static double lon[SIDE * SIDE], lat[SIDE * SIDE];
    static int cls_east[SIDE * SIDE], name_east[SIDE * SIDE];
    unsigned long x = 777;
    (void)state;
    lattice(&nodes, &roads, lon, lat, cls_east, name_east, &x);
    strcat(roads, "g0,extra,0.5,county,,X\n");
    assert_string_equal(try_folder(nodes, roads), "");    /* parsed; the cache written */
    snprintf(path, sizeof path, "%s/net/%s", dir, NETWORK_CACHE_FILE);
    assert_int_equal(access(path, R_OK), 0);
    struct definition *a = load("folder.cfg", err), *b = load("folder.cfg", err);
    assert_true(a && b);
    same_folder(a, b);
    int last = b->folder_road0 + b->folder_roads - 1;
    assert_string_equal(b->nodes[b->roads[last].to].id, "extra");

    /* the cache is read: a km changed in it shows */
    size_t nn, nr;
    char *tn = slurp("nodes.csv", &nn), *tr = slurp("roads.csv", &nr);
    uint64_t key[4] = { hash_bytes(tn, nn), nn, hash_bytes(tr, nr), nr };
    struct net_image im;
    char net[256];
    snprintf(net, sizeof net, "%s/net", dir);
    assert_int_equal(net_cache_read(net, key, &im), 0);
    assert_int_equal(im.n_roads, b->folder_roads);
    assert_int_equal(im.n_ext, 1);
    im.km[0] = 99.5;
    assert_int_equal(net_cache_write(net, &im), 0);
    net_image_free(&im);
    struct definition *c = load("folder.cfg", err);
    assert_non_null(c);
    assert_true(c->roads[c->folder_road0].km == 99.5);
    definition_free(c);

    /* files changed: the first road's km is 31 now, whatever the cache says */
    char *edited = strdup(roads), *km = strstr(edited, ",30,");
    assert_non_null(km);
    km[2] = '1';
    write_file("net/roads.csv", edited);
    c = load("folder.cfg", err);
    assert_non_null(c);
    assert_true(c->roads[c->folder_road0].km == 31.0);
    definition_free(c);
    write_file("net/roads.csv", roads);
    c = load("folder.cfg", err);                          /* parsed again, cache rewritten */
    same_folder(a, c);
    definition_free(c);

    /* a cache whose hash holds but whose road joins a node to itself, or ends at a node
     * past the last: passed over, as every index out of range is */
    assert_int_equal(net_cache_read(net, key, &im), 0);
    im.to[0] = im.from[0];
    assert_int_equal(net_cache_write(net, &im), 0);
    c = load("folder.cfg", err);
    same_folder(a, c);
    definition_free(c);
    im.to[0] = (int32_t)im.n_nodes;
    assert_int_equal(net_cache_write(net, &im), 0);
    net_image_free(&im);
    c = load("folder.cfg", err);
    same_folder(a, c);
    definition_free(c);

    /* cut short, or a byte changed: passed over */
    size_t nc;
    char *cache = slurp(NETWORK_CACHE_FILE, &nc);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(cache, 1, nc / 2, f), nc / 2);
    fclose(f);
    c = load("folder.cfg", err);
    same_folder(a, c);
    definition_free(c);
    cache[nc / 2] ^= 0x10;
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(cache, 1, nc, f), nc);
    fclose(f);
    c = load("folder.cfg", err);
    same_folder(a, c);
    definition_free(c);

    /* `extra` gone from the configuration: the same error from the cache as from the files */
    char *cfg = strdup(folder_cfg), *extra = strstr(cfg, "nodes = (");
    assert_non_null(extra);
    memcpy(extra, "#", 1);                                 /* the line is a comment now */
    write_file("folder.cfg", cfg);
    assert_null(load("folder.cfg", err));
    assert_int_equal(access(path, R_OK), 0);
    assert_int_equal(remove(path), 0);
    assert_null(load("folder.cfg", err2));
    assert_string_equal(err, err2);
    assert_non_null(strstr(err, "roads.csv:9665:2: to: "));   /* 1 + 3 + 9,660 roads, then it */
    free(cfg);
    free(cache);
    free(edited);
    free(tn);
    free(tr);
    free(nodes);
    free(roads);
    definition_free(a);
    definition_free(b);
}

/* A block kept beside a folder (net_cache_blob_*): read back as written;
 * not for another key or size; not once cut short or with a byte changed.
 * Writing one removes its name's temporary files an hour old or more (what
 * a killed run left), and no other file. */
static void test_cache_blocks(void **state)
{
    char net[256], path[320];
    double v[1000], *w;
    (void)state;
    snprintf(net, sizeof net, "%s", dir);
    snprintf(path, sizeof path, "%s/block", dir);
    for (int i = 0; i < 1000; i++)
        v[i] = i * 0.1;
    assert_int_equal(net_cache_blob_write(net, "block", 42, v, sizeof v), 0);
    assert_non_null(w = net_cache_blob_read(net, "block", 42, sizeof v));
    assert_memory_equal(v, w, sizeof v);
    free(w);
    assert_null(net_cache_blob_read(net, "block", 43, sizeof v));
    assert_null(net_cache_blob_read(net, "block", 42, sizeof v - 8));
    assert_null(net_cache_blob_read(net, "missing", 42, sizeof v));
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, 500, SEEK_SET), 0);
    int c = fgetc(f);
    assert_int_equal(fseek(f, 500, SEEK_SET), 0);
    fputc(c ^ 1, f);
    fclose(f);
    assert_null(net_cache_blob_read(net, "block", 42, sizeof v));
    assert_int_equal(net_cache_blob_write(net, "block", 42, v, sizeof v), 0);
    assert_int_equal(truncate(path, 1000), 0);
    assert_null(net_cache_blob_read(net, "block", 42, sizeof v));

    const char *left[4] = { "block.tmp.old111", "block.tmp.new222", "other.tmp.old333",
                            "blockx.tmp.old444" };
    for (int i = 0; i < 4; i++) {
        char p[320];
        snprintf(p, sizeof p, "%s/%s", dir, left[i]);
        write_file(left[i], "x");
        if (strstr(left[i], "old")) {
            struct utimbuf two_hours_ago = { time(NULL) - 7200, time(NULL) - 7200 };
            assert_int_equal(utime(p, &two_hours_ago), 0);
        }
    }
    assert_int_equal(net_cache_blob_write(net, "block", 42, v, sizeof v), 0);
    for (int i = 0; i < 4; i++) {
        char p[320];
        snprintf(p, sizeof p, "%s/%s", dir, left[i]);
        assert_int_equal(access(p, F_OK) == 0, i != 0);   /* only the old one of block goes */
    }
}

/* A landmark store in memory (model/model.h), counting its calls. */
struct memory_store { double *mark; size_t size; uint64_t key; int loads, keeps; };

static double *mem_load(void *ctx, uint64_t key, size_t size)
{
    struct memory_store *ms = ctx;
    ms->loads++;
    if (!ms->mark || key != ms->key || size != ms->size)
        return NULL;
    double *mark = malloc(size);
    assert_non_null(mark);
    memcpy(mark, ms->mark, size);
    return mark;
}

static void mem_keep(void *ctx, uint64_t key, const double *mark, size_t size)
{
    struct memory_store *ms = ctx;
    ms->keeps++;
    free(ms->mark);
    ms->mark = malloc(size);
    assert_non_null(ms->mark);
    memcpy(ms->mark, mark, size);
    ms->size = size;
    ms->key = key;
}

/* The model and its landmark store, on the lattice (4,903 nodes and more,
 * over the 2,000 landmarks are made for): the first model finds nothing,
 * makes them and hands them to keep; the second is given them by load and
 * holds the same bits, and no keep; a table in the store with one minute
 * changed is what the next model holds (so load is what it used); without
 * a store the model makes the same table as the first; a table with a NaN
 * is not used; a store that only reads is given nothing to keep. */
static void test_landmark_store(void **state)
{
    char err[ERRLEN], *nodes, *roads;
    static double lon[SIDE * SIDE], lat[SIDE * SIDE];
    static int cls_east[SIDE * SIDE], name_east[SIDE * SIDE];
    unsigned long x = 99;
    (void)state;
    lattice(&nodes, &roads, lon, lat, cls_east, name_east, &x);
    strcat(roads, "depot,g0,1.0,county,,C2\n");      /* one network: every landmark is made */
    assert_string_equal(try_folder(nodes, roads), "");
    struct definition *d = load("folder.cfg", err);
    assert_non_null(d);
    struct memory_store ms = { 0 };
    struct landmark_store store = { mem_load, mem_keep, &ms };
    struct model *a = model_create_kept(d, &store);
    assert_non_null(a);
    assert_int_equal(ms.loads, 1);
    assert_int_equal(ms.keeps, 1);
    int k = net_n_landmarks(a->net), n = net_n_nodes(a->net);
    assert_true(k > 0 && ms.size == (size_t)k * (size_t)n * sizeof(double));
    assert_memory_equal(net_landmark_table(a->net), ms.mark, ms.size);
    struct model *b = model_create_kept(d, &store);
    assert_non_null(b);
    assert_int_equal(ms.loads, 2);
    assert_int_equal(ms.keeps, 1);
    assert_memory_equal(net_landmark_table(b->net), net_landmark_table(a->net), ms.size);
    ms.mark[k] += 0.25;                        /* node 1's minutes from the first landmark */
    struct model *c = model_create_kept(d, &store), *e = model_create(d);
    assert_true(c && e);
    assert_true(net_landmark_table(c->net)[k] == net_landmark_table(a->net)[k] + 0.25);
    assert_memory_equal(net_landmark_table(e->net), net_landmark_table(a->net), ms.size);
    ms.mark[k] = NAN;                          /* no minutes: made anew, and kept */
    struct model *g = model_create_kept(d, &store);
    assert_non_null(g);
    assert_memory_equal(net_landmark_table(g->net), net_landmark_table(a->net), ms.size);
    assert_int_equal(ms.keeps, 2);
    model_free(g);
    /* a store that only reads (a study's variants): nothing there, so made, and nothing kept */
    free(ms.mark);
    ms.mark = NULL;
    struct landmark_store reader = { mem_load, NULL, &ms };
    g = model_create_kept(d, &reader);
    assert_non_null(g);
    assert_memory_equal(net_landmark_table(g->net), net_landmark_table(a->net), ms.size);
    assert_int_equal(ms.keeps, 2);
    assert_null(ms.mark);
    model_free(g);
    model_free(a);
    model_free(b);
    model_free(c);
    model_free(e);
    free(ms.mark);
    definition_free(d);
    free(nodes);
    free(roads);
}

static void test_bad_roads(void **state)
{
    (void)state;
    expect(try_folder(good_nodes, "from,to,km,class,minutes\n"), "roads.csv",
           "1:6: (header): expected the header from,to,km,class,minutes,name, found no column name");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\ndepot,nowhere,30,national,30,N1\n"),
           "roads.csv", "2:2: to: expected the id of a township or node, found \"nowhere\"");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\ndepot,depot,30,national,30,N1\n"),
           "roads.csv", "2:2: to: expected a road between two different nodes, found one from "
           "\"depot\" to itself");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\r\ndepot,north,0,national,30,N1\r\n"),
           "roads.csv", "2:3: km: expected a positive number, found 0");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\n\ndepot,north,30,motorway,30,N1\n"),
           "roads.csv", "3:4: class: expected one of expressway, national, provincial, county, village, "
           "found \"motorway\"");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\ndepot,north,30,national,-3,N1\n"),
           "roads.csv", "2:5: minutes: expected minutes >= 0 or nothing, found \"-3\"");
    expect(try_folder(good_nodes, "from,to,km,class,minutes,name\ndepot,north,30,national,30,\"N\"1\n"),
           "roads.csv", "2:6: (quote): expected a comma or the end of the line after a quoted "
           "field, found '1'");
}

static void test_missing_folder(void **state)
{
    char err[ERRLEN], want[ERRLEN];
    (void)state;
    write_file("nofolder.cfg", folder_cfg);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s/net", dir);
    assert_int_equal(system(cmd), 0);
    assert_null(load("nofolder.cfg", err));
    snprintf(want, sizeof want, "%s/nofolder.cfg:13: network: expected a folder holding nodes.csv "
             "and roads.csv, found %s/net/nodes.csv: no such file or folder", dir, dir);
    assert_string_equal(err, want);
}

/* ---- memory ------------------------------------------------------------------- */

/* The need is the documented sum (network_dir.c): for a million nodes and
 * two million roads with 40 MB of nodes.csv, 20 MB + 330 MB + 260 MB + 40 MB
 * + the searches' full 64 MB = 714 MB; for a thousand nodes the searches take
 * 10 KB a node.  The message says the need and the limit, in MB rounded as
 * the code does: need / 2^20 + 1 and limit / 2^20. */
static void test_memory_limit(void **state)
{
    char err[ERRLEN], want[ERRLEN];
    (void)state;
    long nodes = 1000000, roads = 2000000;
    size_t text = 40u << 20, need = network_need_bytes(nodes, roads, text);
    assert_true(need == (20u << 20) + 330000000u + 260000000u + (40u << 20) + (64u << 20));
    assert_true(network_need_bytes(1000, 2000, 0) == (20u << 20) + 330000 + 260000 + 10240000);
    assert_int_equal(network_memory_check(LANG_EN, "big", nodes, roads, text, need, err, ERRLEN), 0);
    assert_int_equal(network_memory_check(LANG_EN, "big", nodes, roads, text, need - 1, err, ERRLEN), -1);
    snprintf(want, sizeof want, "big: a network of 1000000 nodes and 2000000 roads needs about "
             "%zu MB of memory to load and run on one thread; this process may use at most %zu MB "
             "(the least of ulimit -v, ulimit -d and the physical memory): run it on a larger "
             "machine or raise the limit", (need >> 20) + 1, (need - 1) >> 20);
    assert_string_equal(err, want);
    assert_true(network_memory_limit() > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_good_folder, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_bad_nodes, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_duplicate_names_both_places, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_duplicate_in_large_folder, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_area_rules_match_a_scan, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_cache, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_cache_blocks, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_landmark_store, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_bad_roads, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_missing_folder, make_dir, remove_dir),
        cmocka_unit_test(test_memory_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
