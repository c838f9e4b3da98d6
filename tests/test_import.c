/*
 * test_import.c -- `supplysim import-network` on a small OpenStreetMap file
 * written here by hand, and on the same file converted by ogr2ogr to
 * GeoPackage, Shapefile and GeoJSON.
 *
 * The fixture: an expressway with shape points, a link road, a national
 * road that turns provincial mid-way under the same ref, a county road whose
 * points make a chain, a one-way residential street, a ring of a residential
 * street, a footway, service roads and a track (village roads alike, so
 * merged), a river (not a road), and a disconnected piece.  Checked:
 *   - each of the four formats imports to the same nodes.csv and roads.csv,
 *     byte for byte;
 *   - between every two nodes imported, the shortest free-flow minutes on the
 *     imported roads (Floyd-Warshall, at per-class speeds) equal those over
 *     the raw ways' segments, every point of every way, footways and
 *     non-roads left out, one-way streets both ways (Floyd-Warshall again),
 *     to 1e-6 relative;
 *   - the nodes are the points they must be: every raw point of the
 *     connected network with one segment or three or more or a change of
 *     class or name is a node; points of the footway only, of the river and
 *     of the disconnected piece are not; a chain's inner points are not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "engine/geo.h"

struct pt { int id; const char *lon, *lat; };
struct way { int id; const char *tags; int n; int nd[8]; };

static const struct pt pts[] = {
    { 1, "116.4000000", "33.9000000" }, { 2, "116.4100000", "33.9002000" },
    { 3, "116.4200000", "33.9000000" }, { 4, "116.4300000", "33.8998000" },
    { 5, "116.4400000", "33.9000000" }, { 9, "116.4205000", "33.9050000" },
    { 10, "116.4200000", "33.9100000" }, { 11, "116.4300000", "33.9100000" },
    { 12, "116.4400000", "33.9105000" }, { 13, "116.4500000", "33.9100000" },
    { 14, "116.4600000", "33.9100000" }, { 20, "116.4410000", "33.9200000" },
    { 21, "116.4430000", "33.9300000" }, { 22, "116.4420000", "33.9400000" },
    { 23, "116.4400000", "33.9500000" }, { 24, "116.4500000", "33.9500000" },
    { 25, "116.4600000", "33.9510000" }, { 26, "116.4650000", "33.9600000" },
    { 27, "116.4550000", "33.9600000" }, { 28, "116.4450000", "33.9600000" },
    { 30, "116.4300000", "33.9200000" }, { 31, "116.4250000", "33.9300000" },
    { 32, "116.4450000", "33.9050000" }, { 33, "116.4330000", "33.9250000" },
    { 40, "116.6000000", "33.9700000" }, { 41, "116.6100000", "33.9700000" },
    { 42, "116.6200000", "33.9750000" }, { 50, "116.4000000", "33.9400000" },
    { 51, "116.4700000", "33.9400000" },
};
#define N_PTS ((int)(sizeof pts / sizeof pts[0]))

/* Tags as OpenStreetMap XML; the class is read back from them below. */
static const struct way ways[] = {
    { 100, "highway=motorway ref=G30", 5, { 1, 2, 3, 4, 5 } },
    { 101, "highway=motorway_link", 3, { 3, 9, 10 } },
    { 102, "highway=primary ref=G311", 3, { 10, 11, 12 } },
    { 103, "highway=secondary ref=G311", 3, { 12, 13, 14 } },          /* class changes at 12 */
    { 104, "highway=tertiary ref=X012", 5, { 14, 20, 21, 22, 23 } },    /* 21, 22: a chain */
    { 105, "highway=residential name=Jiefang oneway=yes", 3, { 23, 24, 25 } },
    { 106, "highway=footway", 2, { 25, 26 } },
    { 107, "highway=residential name=Ring", 4, { 24, 27, 28, 24 } },  /* a ring at 24 */
    { 108, "highway=service", 2, { 11, 30 } },
    { 109, "highway=track", 2, { 30, 31 } },                           /* village, as service */
    { 110, "highway=service", 3, { 31, 33, 20 } },                     /* ends mid-way on 104 */
    { 111, "highway=unclassified", 3, { 5, 32, 13 } },
    { 112, "highway=residential", 3, { 40, 41, 42 } },                 /* disconnected */
    { 113, "waterway=river", 2, { 50, 51 } },                          /* not a road */
};
#define N_WAYS ((int)(sizeof ways / sizeof ways[0]))

static const double speed[5] = { 80, 60, 50, 40, 25 };   /* km/h, per class */

static char dir[256];

/* ---- the fixture ------------------------------------------------------------------- */

static void write_osm(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n");
    for (int i = 0; i < N_PTS; i++)
        fprintf(f, " <node id=\"%d\" lat=\"%s\" lon=\"%s\"/>\n", pts[i].id, pts[i].lat, pts[i].lon);
    for (int w = 0; w < N_WAYS; w++) {
        fprintf(f, " <way id=\"%d\">\n", ways[w].id);
        for (int k = 0; k < ways[w].n; k++)
            fprintf(f, "  <nd ref=\"%d\"/>\n", ways[w].nd[k]);
        char tags[256], *save, *t;
        snprintf(tags, sizeof tags, "%s", ways[w].tags);
        for (t = strtok_r(tags, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
            char *eq = strchr(t, '=');
            *eq = '\0';
            fprintf(f, "  <tag k=\"%s\" v=\"%s\"/>\n", t, eq + 1);
        }
        fprintf(f, " </way>\n");
    }
    fprintf(f, "</osm>\n");
    assert_int_equal(fclose(f), 0);
}

/* The way's class (0..4) by OpenStreetMap's highway key, as the default
 * table of import-network (cmd/class_map.c) has it; -1 for a footway, -2
 * for no highway. */
static int way_class(const struct way *w)
{
    static const struct { const char *v; int c; } table[] = {
        { "motorway", 0 }, { "motorway_link", 0 }, { "primary", 1 }, { "secondary", 2 },
        { "tertiary", 3 }, { "residential", 4 }, { "service", 4 }, { "track", 4 },
        { "unclassified", 4 }, { "footway", -1 } };
    char hw[64] = "";
    const char *h = strstr(w->tags, "highway=");
    if (!h)
        return -2;
    sscanf(h + 8, "%63[^ ]", hw);
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (!strcmp(hw, table[k].v))
            return table[k].c;
    fail_msg("way %d: highway=%s is not in the test's table", w->id, hw);
    return -2;
}

static int pt_index(int id)
{
    for (int i = 0; i < N_PTS; i++)
        if (pts[i].id == id)
            return i;
    fail_msg("no point %d", id);
    return -1;
}

static void shell(const char *cmd)
{
    int rc = system(cmd);
    if (rc != 0)
        fail_msg("%s: exit %d (is gdal-bin installed?)", cmd, rc);
}

static void import(const char *file, const char *out)
{
    char *argv[] = { "import-network", "-q", "--lang", "en", "-o", (char *)out, (char *)file, NULL };
    assert_int_equal(import_main(7, argv), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* ---- the imported network --------------------------------------------------------- */

struct net { int n; int raw[N_PTS]; double m[N_PTS][N_PTS]; };

/* Splits a CSV line of plain fields (the fixture has no quotes). */
static int fields(char *line, char **f, int max)
{
    int n = 0;
    char *s = line;
    while (n < max && s) {
        f[n++] = strsep(&s, ",");
    }
    return n;
}

static void read_net(const char *folder, struct net *net)
{
    char path[512], *f[8];
    snprintf(path, sizeof path, "%s/nodes.csv", folder);
    char *nodes = slurp(path), *save, *line;
    net->n = 0;
    line = strtok_r(nodes, "\n", &save);                      /* the header */
    assert_string_equal(line, "id,name,name_zh,kind,lon,lat");
    while ((line = strtok_r(NULL, "\n", &save))) {
        assert_int_equal(fields(line, f, 8), 6);
        double lon = strtod(f[4], NULL), lat = strtod(f[5], NULL);
        int at = -1;
        for (int i = 0; i < N_PTS; i++)
            if (strtod(pts[i].lon, NULL) == lon && strtod(pts[i].lat, NULL) == lat)
                at = i;
        assert_true(at >= 0);
        net->raw[net->n++] = at;
    }
    free(nodes);
    for (int i = 0; i < net->n; i++)
        for (int j = 0; j < net->n; j++)
            net->m[i][j] = i == j ? 0 : INFINITY;
    snprintf(path, sizeof path, "%s/roads.csv", folder);
    char *roads = slurp(path);
    line = strtok_r(roads, "\n", &save);
    assert_string_equal(line, "from,to,km,class,minutes,name");
    while ((line = strtok_r(NULL, "\n", &save))) {
        assert_int_equal(fields(line, f, 8), 6);
        int a = -1, b = -1, c = -1;
        static const char *const cls[5] = { "expressway", "national", "provincial", "county", "village" };
        for (int k = 0; k < 5; k++)
            if (!strcmp(f[3], cls[k]))
                c = k;
        char id[64];
        for (int i = 0; i < net->n; i++) {
            snprintf(id, sizeof id, "p%lld_%lld", llround(strtod(pts[net->raw[i]].lon, NULL) * 1e7),
                     llround(strtod(pts[net->raw[i]].lat, NULL) * 1e7));
            a = !strcmp(id, f[0]) ? i : a;
            b = !strcmp(id, f[1]) ? i : b;
        }
        assert_true(a >= 0 && b >= 0 && c >= 0);
        double m = strtod(f[2], NULL) / speed[c] * 60;
        net->m[a][b] = net->m[b][a] = fmin(net->m[a][b], m);
    }
    free(roads);
    for (int k = 0; k < net->n; k++)
        for (int i = 0; i < net->n; i++)
            for (int j = 0; j < net->n; j++)
                net->m[i][j] = fmin(net->m[i][j], net->m[i][k] + net->m[k][j]);
}

/* ---- the raw ways -------------------------------------------------------------------- */

struct raw { double m[N_PTS][N_PTS]; int deg[N_PTS], cls[N_PTS][2]; };

static void raw_minutes(struct raw *r)
{
    for (int i = 0; i < N_PTS; i++) {
        r->deg[i] = 0;
        for (int j = 0; j < N_PTS; j++)
            r->m[i][j] = i == j ? 0 : INFINITY;
    }
    for (int w = 0; w < N_WAYS; w++) {
        int c = way_class(&ways[w]);
        if (c < 0)
            continue;
        for (int k = 0; k + 1 < ways[w].n; k++) {
            int a = pt_index(ways[w].nd[k]), b = pt_index(ways[w].nd[k + 1]);
            double km = geo_km(strtod(pts[a].lon, NULL), strtod(pts[a].lat, NULL),
                               strtod(pts[b].lon, NULL), strtod(pts[b].lat, NULL));
            r->m[a][b] = r->m[b][a] = fmin(r->m[a][b], km / speed[c] * 60);
            int ends[2] = { a, b };
            for (int e = 0; e < 2; e++) {           /* each end: its segments' classes */
                int p = ends[e];
                if (r->deg[p] < 2)
                    r->cls[p][r->deg[p]] = c;
                r->deg[p]++;
            }
        }
    }
    for (int k = 0; k < N_PTS; k++)
        for (int i = 0; i < N_PTS; i++)
            for (int j = 0; j < N_PTS; j++)
                r->m[i][j] = fmin(r->m[i][j], r->m[i][k] + r->m[k][j]);
}

/* ---- the tests ------------------------------------------------------------------------ */

static void test_formats_alike(void **state)
{
    char cmd[1024], osm[300], out[300];
    (void)state;
    snprintf(osm, sizeof osm, "%s/roads.osm", dir);
    write_osm(osm);
    snprintf(cmd, sizeof cmd, "cd %s && ogr2ogr -q -f GPKG roads.gpkg roads.osm lines && "
             "ogr2ogr -q -f 'ESRI Shapefile' shp roads.osm lines && "
             "ogr2ogr -q -f GeoJSON roads.geojson roads.osm lines", dir);
    shell(cmd);
    const char *files[] = { "roads.osm", "roads.gpkg", "shp/lines.shp", "roads.geojson" };
    char *first_nodes = NULL, *first_roads = NULL;
    for (int i = 0; i < 4; i++) {
        char in[300], path[400];
        snprintf(in, sizeof in, "%s/%s", dir, files[i]);
        snprintf(out, sizeof out, "%s/net%d", dir, i);
        import(in, out);
        snprintf(path, sizeof path, "%s/nodes.csv", out);
        char *nodes = slurp(path);
        snprintf(path, sizeof path, "%s/roads.csv", out);
        char *roads = slurp(path);
        if (i == 0) {
            first_nodes = nodes, first_roads = roads;
            continue;
        }
        if (strcmp(nodes, first_nodes) || strcmp(roads, first_roads))
            fail_msg("%s imports to another network than %s", files[i], files[0]);
        free(nodes), free(roads);
    }
    free(first_nodes), free(first_roads);
}

static void test_minutes_and_nodes(void **state)
{
    static struct net net;
    static struct raw raw;
    char out[300];
    (void)state;
    snprintf(out, sizeof out, "%s/net0", dir);
    read_net(out, &net);
    raw_minutes(&raw);
    for (int i = 0; i < net.n; i++)
        for (int j = 0; j < net.n; j++) {
            double got = net.m[i][j], want = raw.m[net.raw[i]][net.raw[j]];
            assert_true(isfinite(want));
            if (fabs(got - want) > 1e-6 * want)
                fail_msg("%d to %d: %.9f min imported, %.9f over the raw ways", pts[net.raw[i]].id,
                         pts[net.raw[j]].id, got, want);
        }
    int is_node[N_PTS] = { 0 };
    for (int i = 0; i < net.n; i++)
        is_node[net.raw[i]] = 1;
    int one = pt_index(1);
    for (int p = 0; p < N_PTS; p++) {
        int connected = isfinite(raw.m[one][p]) && raw.deg[p] > 0;
        if (!connected) {
            assert_false(is_node[p]);             /* footway's end, river, the lone piece */
            continue;
        }
        int must = raw.deg[p] != 2 || raw.cls[p][0] != raw.cls[p][1];
        if (must && !is_node[p])
            fail_msg("point %d (%d segments) is not a node", pts[p].id, raw.deg[p]);
    }
    static const int inner[] = { 2, 4, 9, 21, 22, 30, 31, 33, 32 };   /* chains' inner points */
    for (size_t k = 0; k < sizeof inner / sizeof inner[0]; k++)
        if (is_node[pt_index(inner[k])])
            fail_msg("point %d, inside a chain, is a node", inner[k]);
    assert_true(is_node[pt_index(12)]);            /* national turns provincial */
    assert_false(is_node[pt_index(26)] || is_node[pt_index(40)] || is_node[pt_index(50)]);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/supplysim_import.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return getenv("KEEP") ? 0 : system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formats_alike),
        cmocka_unit_test(test_minutes_and_nodes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
