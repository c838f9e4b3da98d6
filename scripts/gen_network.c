/*
 * gen_network.c -- synthetic road networks for benchmarks: a network folder
 * (network/nodes.csv, network/roads.csv, the schema of config/README.md), a
 * system that uses it (system.cfg) and a flood on it (scenario.cfg), so that
 * supplysim can be measured on networks of any size (make bench; README,
 * "Performance").  Built by `make build/gen-network`:
 *
 *   build/gen-network --nodes N --sites S [--seed K] [--spacing KM] [--origin LON,LAT]
 *                     [--osm] -o DIR
 *
 * The network is a jittered square grid of about N nodes, KM apart (0.5 by
 * default), from LON,LAT north and east (114, 33 by default), with the five
 * road classes on its lines: an expressway every 64th row and column, a
 * national road every 16th, a provincial road every 8th, a county road every
 * 4th, village roads between, and a diagonal village road
 * in one square of twenty; km = great-circle km x 1.25.  S townships, each
 * with one site in a village 2-6 km from its seat, the seats spread evenly.
 * Stores in proportion: a point (one van) in every township, a sub-centre for
 * every six townships, a central depot, three departmental stores, two
 * suppliers.  The hazard is flood-like, patterned on scenarios/flood.cfg: a
 * few flooded zones where the last miles slow to 0.15 of their speed (or
 * close), county roads close and a few village roads with them, the last
 * mile closed anywhere now and then, and one expressway closed at random.
 * Every number is an assumption made for benchmarking, not a claim about a
 * real place.  The same arguments give the same files.
 *
 * With --osm the network is written instead as an OpenStreetMap file,
 * DIR/network.osm, for `supplysim import-network` (make bench: import and
 * run): each grid line one way with a highway tag of its class (motorway,
 * primary, secondary, tertiary, unclassified) and its name as ref, three
 * village segments in ten drawn through a shape point (a point of one way
 * only, which the import merges away), the diagonals as ways of their own;
 * the system then names `network = "imported"` (the folder the import
 * writes) and gives every seat and store by lon, lat a few tens of metres
 * off its grid node, so that the configuration puts them on the network.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define R_KM 6371.0
#define DEG (M_PI / 180.0)

struct gen {
    int side, towns, tside, zones;
    int osm;                  /* --osm: network.osm and seats, stores by lon, lat */
    double lon0, lat0;        /* the grid's south-west corner (--origin; 114, 33) */
    double spacing;
    double *lon, *lat;
    char *kind;               /* 'j' junction, 's' seat, 'f' facility */
    int *seat;                /* per township, its node */
    int zone_town[16];        /* each flooded zone is centred on a township's seat */
    double zone_km;
    uint64_t rng;
};

static double unit(struct gen *g)
{
    uint64_t z = (g->rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

static double geo_km(double lon1, double lat1, double lon2, double lat2)
{
    double dlat = (lat2 - lat1) * DEG, dlon = (lon2 - lon1) * DEG;
    double a = sin(dlat / 2) * sin(dlat / 2)
             + cos(lat1 * DEG) * cos(lat2 * DEG) * sin(dlon / 2) * sin(dlon / 2);
    return 2.0 * R_KM * atan2(sqrt(a), sqrt(1.0 - a));
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gen-network: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

static void close_out(FILE *f)
{
    if (ferror(f) || fclose(f) != 0) {
        fprintf(stderr, "gen-network: write error\n");
        exit(1);
    }
}

/* ---- the network ----------------------------------------------------------- */

static const char *const class_name[5] = { "expressway", "national", "provincial", "county",
                                           "village" };
static const double speed[5] = { 80, 60, 50, 40, 25 };

/* The class of grid line i (a row or a column), and its name. */
static int line_class(int i, char *name, size_t len)
{
    static const char prefix[5] = { 'E', 'G', 'S', 'X', 'V' };
    int c = i % 64 == 0 ? 0 : i % 16 == 0 ? 1 : i % 8 == 0 ? 2 : i % 4 == 0 ? 3 : 4;
    if (c < 4)
        snprintf(name, len, "%c%d", prefix[c], i);
    else
        name[0] = '\0';
    return c;
}

static void road(FILE *f, const struct gen *g, int a, int b, int cls, const char *name)
{
    double km = 1.25 * geo_km(g->lon[a], g->lat[a], g->lon[b], g->lat[b]);
    fprintf(f, "n%d,n%d,%.6f,%s,%.6f,%s\n", a, b, km, class_name[cls], km / speed[cls] * 60, name);
}

/* Nodes on the grid, each moved up to a quarter spacing at random. */
static void place(struct gen *g)
{
    int n = g->side * g->side;
    double dlat = g->spacing / 111.19, dlon = dlat / cos(g->lat0 * DEG);
    g->lon = malloc((size_t)n * sizeof *g->lon);
    g->lat = malloc((size_t)n * sizeof *g->lat);
    g->kind = malloc((size_t)n);
    g->seat = malloc((size_t)g->towns * sizeof *g->seat);
    if (!g->lon || !g->lat || !g->kind || !g->seat) {
        fprintf(stderr, "gen-network: out of memory\n");
        exit(1);
    }
    for (int v = 0; v < n; v++) {
        g->lon[v] = g->lon0 + (v % g->side + 0.5 * (unit(g) - 0.5)) * dlon;
        g->lat[v] = g->lat0 + (v / g->side + 0.5 * (unit(g) - 0.5)) * dlat;
        g->kind[v] = 'j';
    }
    for (int t = 0; t < g->towns; t++) {       /* the middle of its block of a t x t lattice */
        int i = t % g->tside, j = t / g->tside;
        int x = (int)((i + 0.5) * g->side / g->tside), y = (int)((j + 0.5) * g->side / g->tside);
        g->seat[t] = y * g->side + x;
        g->kind[g->seat[t]] = 's';
    }
}

static void write_network(const char *dir, struct gen *g)
{
    int s = g->side;
    char name[32];
    FILE *f = open_in(dir, "network/roads.csv");
    fprintf(f, "from,to,km,class,minutes,name\n");
    for (int y = 0; y < s; y++)
        for (int x = 0; x < s; x++) {
            int v = y * s + x;
            if (x + 1 < s)
                road(f, g, v, v + 1, line_class(y, name, sizeof name), name);
            if (y + 1 < s)
                road(f, g, v, v + s, line_class(x, name, sizeof name), name);
            if (x + 1 < s && y + 1 < s && unit(g) < 0.05)
                road(f, g, v, v + s + 1, 4, "");
        }
    close_out(f);
    f = open_in(dir, "network/nodes.csv");
    fprintf(f, "id,name,name_zh,kind,lon,lat\n");
    for (int v = 0; v < s * s; v++)
        fprintf(f, "n%d,,,%s,%.7f,%.7f\n", v, g->kind[v] == 's' ? "seat" : g->kind[v] == 'f'
                ? "facility" : "junction", g->lon[v], g->lat[v]);
    close_out(f);
}

/* ---- the network as OpenStreetMap -------------------------------------------- */

static const char *const highway[5] = { "motorway", "primary", "secondary", "tertiary",
                                        "unclassified" };

static void osm_node(FILE *f, long id, double lon, double lat)
{
    fprintf(f, " <node id=\"%ld\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id, lat, lon);
}

/* One grid line (a row: dx = 1; a column: dx = side) of class cls as one
 * way; between two of its nodes a village line may pass through a shape
 * point, numbered from *next. */
static void osm_line(FILE *f, FILE *pts, struct gen *g, int first, int step, int cls,
                     const char *name, long *next, long way)
{
    fprintf(f, " <way id=\"%ld\" version=\"1\">\n", way);
    for (int k = 0; k < g->side; k++) {
        int v = first + k * step;
        if (k > 0 && cls == 4 && unit(g) < 0.3) {
            int u = v - step;
            double lon = (g->lon[u] + g->lon[v]) / 2 + 0.1 * (g->lon[v] - g->lon[u]) * (unit(g) - 0.5);
            double lat = (g->lat[u] + g->lat[v]) / 2 + 0.1 * (g->lat[v] - g->lat[u]) * (unit(g) - 0.5);
            osm_node(pts, *next, lon, lat);
            fprintf(f, "  <nd ref=\"%ld\"/>\n", (*next)++);
        }
        fprintf(f, "  <nd ref=\"%d\"/>\n", v + 1);
    }
    fprintf(f, "  <tag k=\"highway\" v=\"%s\"/>\n", highway[cls]);
    if (name[0])
        fprintf(f, "  <tag k=\"ref\" v=\"%s\"/>\n", name);
    fprintf(f, " </way>\n");
}

/* network.osm: the grid nodes, the shape points, then the ways (OSM's
 * order); the ways go to a temporary file first, their shape points being
 * made as they are written. */
static void write_osm(const char *dir, struct gen *g)
{
    int s = g->side;
    long next = (long)s * s + 1, way = 1;
    char name[32], path[4096];
    snprintf(path, sizeof path, "%s/network.ways.tmp", dir);
    FILE *f = open_in(dir, "network.osm"), *ways = fopen(path, "w+");
    if (!ways) {
        fprintf(stderr, "gen-network: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<osm version=\"0.6\" generator=\"supplysim gen-network\">\n");
    for (int v = 0; v < s * s; v++)
        osm_node(f, v + 1, g->lon[v], g->lat[v]);
    for (int y = 0; y < s; y++)
        osm_line(ways, f, g, y * s, 1, line_class(y, name, sizeof name), name, &next, way++);
    for (int x = 0; x < s; x++)
        osm_line(ways, f, g, x, s, line_class(x, name, sizeof name), name, &next, way++);
    for (int y = 0; y + 1 < s; y++)
        for (int x = 0; x + 1 < s; x++)
            if (unit(g) < 0.05)
                fprintf(ways, " <way id=\"%ld\" version=\"1\">\n  <nd ref=\"%d\"/>\n  <nd ref=\"%d\"/>\n"
                        "  <tag k=\"highway\" v=\"unclassified\"/>\n </way>\n", way++, y * s + x + 1,
                        (y + 1) * s + x + 2);
    rewind(ways);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, ways)) > 0)
        fwrite(buf, 1, n, f);
    fprintf(f, "</osm>\n");
    fclose(ways);
    remove(path);
    close_out(f);
    fprintf(stderr, "gen-network: %s/network.osm: %ld OpenStreetMap nodes, %ld ways\n", dir,
            next - 1, way - 1);
}

/* ---- the system ------------------------------------------------------------ */

static int node_at(const struct gen *g, int x, int y)
{
    x = x < 0 ? 0 : x >= g->side ? g->side - 1 : x;
    y = y < 0 ? 0 : y >= g->side ? g->side - 1 : y;
    return y * g->side + x;
}

/* Where a seat or store is: its node, or (--osm) a point a few tens of
 * metres off it, which the configuration puts on the nearest node. */
static void place_of(FILE *f, struct gen *g, int node)
{
    if (g->osm)
        fprintf(f, "lon = %.7f; lat = %.7f; ", g->lon[node] + 0.0006 * (unit(g) - 0.5),
                g->lat[node] + 0.0006 * (unit(g) - 0.5));
    else
        fprintf(f, "node = \"n%d\"; ", node);
}

static void facility(FILE *f, struct gen *g, const char *id, const char *kind, int node,
                     int town, double floor_m2, const char *stock)
{
    static int written;
    if (g->kind[node] == 'j')
        g->kind[node] = 'f';
    fprintf(f, "%s  { id = \"%s\"; kind = \"%s\"; name = \"%s\"; ", written++ ? ",\n" : "", id,
            kind, id);
    place_of(f, g, node);
    if (town >= 0)
        fprintf(f, "township = \"t%d\"; ", town);
    fprintf(f, "floor_m2 = %.0f; stock = { %s }; }", floor_m2, stock);
}

static void write_facilities(FILE *f, struct gen *g)
{
    int s = g->side, c = s / 2;
    char id[32];
    fprintf(f, "facilities = (\n");
    facility(f, g, "central", "central", node_at(g, c, c), -1, 10000,
             "quilt = 20000.0; water = 20000.0; food = 20000.0; tent = 4000.0;");
    for (int k = 0; k < 3; k++) {
        snprintf(id, sizeof id, "dept%d", k);
        facility(f, g, id, "department", node_at(g, c + 3 * k - 3, c + 2), -1, 1000,
                 "water = 3000.0; food = 3000.0;");
    }
    for (int k = 0; k < 2; k++) {
        snprintf(id, sizeof id, "sup%d", k);
        facility(f, g, id, "supplier", node_at(g, s / 4 + k * s / 2, s / 4 + k * s / 2), -1, 20000,
                 "quilt = 50000.0; water = 50000.0; food = 50000.0; tent = 10000.0;");
    }
    for (int t = 0; t < g->towns; t += 6) {
        snprintf(id, sizeof id, "sc%d", t / 6);
        facility(f, g, id, "subcentre", g->seat[t], t, 2000,
                 "quilt = 2000.0; water = 2000.0; food = 2000.0; tent = 400.0;");
    }
    for (int t = 0; t < g->towns; t++) {
        snprintf(id, sizeof id, "tp%d", t);
        facility(f, g, id, "township", g->seat[t], t, 200,
                 "quilt = 200.0; water = 200.0; food = 200.0; tent = 40.0;");
    }
    fprintf(f, "\n);\n");
}

static const char system_head[] =
"# system.cfg -- written by scripts/gen_network.c for benchmarks: a synthetic region of\n"
"# %d x %d nodes %.2f km apart (network/), %d townships.  Every number is an assumption\n"
"# made for measuring speed, not a claim about a real place.\n"
"name = \"synthetic\";\n"
"description = \"Synthetic grid network of %d nodes and %d townships, for benchmarks.\";\n"
"network = \"%s\";\n\n"
"assumptions = { detour_factor = 1.25; stack_height_m = 3.0; usable_share = 0.6;\n"
"                floor_load_t_m2 = 2.0; day_start_h = 7.0; night_start_h = 19.0;\n"
"                max_spread_km = %.0f; };\n\n"
"road_classes = {\n"
"  expressway = { speed_kmh = 80.0; top_speed_kmh = 100.0; cv = 0.10; };\n"
"  national   = { speed_kmh = 60.0; top_speed_kmh = 80.0; cv = 0.15; };\n"
"  provincial = { speed_kmh = 50.0; top_speed_kmh = 70.0; cv = 0.18; };\n"
"  county     = { speed_kmh = 40.0; top_speed_kmh = 60.0; cv = 0.20; };\n"
"  village    = { speed_kmh = 25.0; top_speed_kmh = 40.0; cv = 0.30; };\n"
"};\n\n"
"items = (\n"
"  { id = \"quilt\"; name = \"Quilt\"; unit = \"piece\"; weight_kg = 2.0; volume_m3 = 0.02; },\n"
"  { id = \"water\"; name = \"Water\"; unit = \"case\"; weight_kg = 13.0; volume_m3 = 0.02; },\n"
"  { id = \"food\"; name = \"Food\"; unit = \"case\"; weight_kg = 8.0; volume_m3 = 0.03; },\n"
"  { id = \"tent\"; name = \"Tent\"; unit = \"piece\"; weight_kg = 25.0; volume_m3 = 0.15; }\n"
");\n\n"
"truck_types = ( { id = \"van\"; capacity_t = 1.5; capacity_m3 = 8.0; },\n"
"                { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; },\n"
"                { id = \"heavy\"; capacity_t = 15.0; capacity_m3 = 60.0; } );\n\n"
"facility_kinds = {\n"
"  central    = { bays = 4; load_setup_min = 10.0; load_min_per_t = 2.0; mobilise_day_min = 20.0;\n"
"                 mobilise_night_min = 40.0; activation_min = 0.0; truck = \"heavy\"; trucks = 12; };\n"
"  subcentre  = { bays = 2; load_setup_min = 10.0; load_min_per_t = 3.0; mobilise_day_min = 30.0;\n"
"                 mobilise_night_min = 50.0; activation_min = 0.0; truck = \"medium\"; trucks = 4; };\n"
"  township   = { bays = 1; load_setup_min = 5.0; load_min_per_t = 5.0; mobilise_day_min = 30.0;\n"
"                 mobilise_night_min = 60.0; activation_min = 0.0; truck = \"van\"; trucks = 1; };\n"
"  department = { bays = 1; load_setup_min = 10.0; load_min_per_t = 4.0; mobilise_day_min = 30.0;\n"
"                 mobilise_night_min = 60.0; activation_min = 0.0; truck = \"medium\"; trucks = 3; };\n"
"  supplier   = { bays = 2; load_setup_min = 15.0; load_min_per_t = 3.0; mobilise_day_min = 60.0;\n"
"                 mobilise_night_min = 120.0; activation_min = 120.0; truck = \"heavy\"; trucks = 5; };\n"
"};\n\n";

static void write_system(const char *dir, struct gen *g)
{
    FILE *f = open_in(dir, "system.cfg");
    fprintf(f, system_head, g->side, g->side, g->spacing, g->towns, g->side * g->side, g->towns,
            g->osm ? "imported" : "network", g->side * g->spacing * 1.5 + 50);
    fprintf(f, "townships = (\n");
    for (int t = 0; t < g->towns; t++) {
        fprintf(f, "  { id = \"t%d\"; name = \"Township %d\"; kind = \"town\"; ", t, t);
        place_of(f, g, g->seat[t]);
        fprintf(f, "population = %.0f; subcentre = \"sc%d\"; }%s\n", 20000 + 60000 * unit(g),
                t / 6, t + 1 < g->towns ? "," : "");
    }
    fprintf(f, ");\n\n");
    write_facilities(f, g);
    close_out(f);
}

/* ---- the flood ------------------------------------------------------------- */

/* Is township t's seat within a flooded zone? */
static int flooded(const struct gen *g, int t)
{
    for (int z = 0; z < g->zones; z++) {
        int c = g->seat[g->zone_town[z]], v = g->seat[t];
        if (geo_km(g->lon[c], g->lat[c], g->lon[v], g->lat[v]) <= g->zone_km)
            return 1;
    }
    return 0;
}

static void write_damage(FILE *f, const struct gen *g)
{
    fprintf(f, "  road_damage = (\n");
    for (int z = 0; z < g->zones; z++) {
        int c = g->seat[g->zone_town[z]];
        char area[96];
        snprintf(area, sizeof area, "area = [%.5f, %.5f, %.1f];", g->lon[c], g->lat[c], g->zone_km);
        fprintf(f, "    { road = \"last mile\"; %s probability = 0.5; factor = 0.15; "
                "from_min = [30.0, 240.0]; duration_min = [600.0, 2880.0]; },\n", area);
        fprintf(f, "    { class = \"county\"; %s probability = 0.25; from_min = [90.0, 480.0]; "
                "duration_min = [720.0, 2880.0]; },\n", area);
        fprintf(f, "    { class = \"village\"; %s probability = 0.03; from_min = [60.0, 600.0]; "
                "duration_min = [720.0, 2880.0]; },\n", area);
    }
    fprintf(f, "    { road = \"last mile\"; probability = 0.05; from_min = [60.0, 480.0]; "
            "duration_min = [360.0, 1440.0]; },\n");
    fprintf(f, "    { road = \"E%d\"; probability = 0.5; from_min = [60.0, 180.0]; "
            "duration_min = [1440.0, 2880.0]; }\n  );\n", g->side > 64 ? 64 : 0);
}

static void write_scenario(const char *dir, struct gen *g)
{
    FILE *f = open_in(dir, "scenario.cfg");
    fprintf(f, "# scenario.cfg -- written by scripts/gen_network.c: a night flood on the synthetic\n"
            "# region of system.cfg, patterned on scenarios/flood.cfg.  Assumptions for benchmarks.\n"
            "base = \"system.cfg\";\nname = \"synthetic_flood\";\n"
            "description = \"A night flood on a synthetic grid network, for benchmarks.\";\n\n"
            "run = { label = \"synthetic floods\"; replications = 10; seed = 1; onset_hour = 1.0;\n"
            "        horizon_h = 72.0; alarm = \"onset\"; dispatch = \"earliest\"; "
            "trace_replications = 0; };\n\n"
            "disaster = {\n  kit = { quilt = 1.0; water = 0.5; food = 0.25; tent = 0.25; };\n"
            "  sites = (\n");
    for (int t = 0; t < g->towns; t++) {
        int wet = flooded(g, t);
        fprintf(f, "    { township = \"t%d\"; village_km = %.1f; occur_min = [%s]; "
                "report_min = [15.0, 45.0]; displaced_share = [0.003, 0.01]; }%s\n", t,
                2.0 + 4.0 * unit(g), wet ? "0.0, 240.0" : "60.0, 600.0",
                t + 1 < g->towns ? "," : "");
    }
    fprintf(f, "  );\n");
    write_damage(f, g);
    fprintf(f, "};\n");
    close_out(f);
}

/* ---- the command ----------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: gen-network --nodes N --sites S [--seed K] [--spacing KM] "
            "[--origin LON,LAT] [--osm] -o DIR\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct gen g = { .spacing = 0.5, .rng = 1, .lon0 = 114.0, .lat0 = 33.0 };
    long nodes = 0, sites = 0;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--osm")) {
            g.osm = 1;
            continue;
        }
        if (!v)
            usage();
        if (!strcmp(a, "--nodes"))
            nodes = atol(v);
        else if (!strcmp(a, "--sites"))
            sites = atol(v);
        else if (!strcmp(a, "--seed"))
            g.rng = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--spacing"))
            g.spacing = atof(v);
        else if (!strcmp(a, "--origin")) {
            if (sscanf(v, "%lf,%lf", &g.lon0, &g.lat0) != 2 || fabs(g.lon0) > 170 || fabs(g.lat0) > 80)
                usage();
        }
        else if (!strcmp(a, "-o"))
            dir = v;
        else
            usage();
        i++;
    }
    if (!dir || nodes < 16 || sites < 1 || !(g.spacing > 0) || nodes > 100000000L)
        usage();
    g.side = (int)ceil(sqrt((double)nodes));
    g.towns = (int)sites;
    g.tside = (int)ceil(sqrt((double)sites));
    if (g.tside > g.side)
        usage();
    g.zones = g.towns / 100 < 2 ? 2 : g.towns / 100 > 12 ? 12 : g.towns / 100;
    g.zone_km = g.side * g.spacing / (4 * sqrt((double)g.zones));
    place(&g);
    for (int z = 0; z < g.zones; z++)
        g.zone_town[z] = (int)(unit(&g) * g.towns);
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/network", dir);
    if ((mkdir(dir, 0777) < 0 && errno != EEXIST)
        || (!g.osm && mkdir(sub, 0777) < 0 && errno != EEXIST)) {
        fprintf(stderr, "gen-network: %s: %s\n", sub, strerror(errno));
        return 1;
    }
    write_system(dir, &g);             /* marks the facilities' nodes */
    if (g.osm)
        write_osm(dir, &g);
    else
        write_network(dir, &g);
    write_scenario(dir, &g);
    fprintf(stderr, "gen-network: %s: %d nodes, %d townships and sites\n", dir, g.side * g.side,
            g.towns);
    return 0;
}
