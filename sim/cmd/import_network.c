/*
 * import_network.c -- `supplysim import-network [options] -o NETDIR
 * ROADS_FILE`: a GIS road layer (an OpenStreetMap extract, a transport
 * bureau's Shapefile or GeoPackage ...) made into a network folder,
 * nodes.csv and roads.csv in the schema --export-network writes
 * (config/network_dir.h), and SOURCE.txt saying where it came from.
 *
 * The steps: gis_read gives each feature's lines inside the area;
 * class_map says each one's road class (or drops it: footways ...; or
 * lists it as unknown); engine/topology joins the lines where they share
 * points, keeps the largest connected piece and merges chains into roads.
 * One-way streets are taken as two-way: relief convoys move under police
 * escort and the model's roads are two-way (sim/MODEL.md); the summary says
 * how many there were.  Bad input -- a file that is not there or not read,
 * no line layer, a field that is missing, values no class is known for, or
 * nothing left after clipping -- is exit status 2 with the message, and
 * nothing is written: the folder is made in a hidden stage beside NETDIR
 * and put in place whole (results/outdir.h).  Node ids are p<lon>_<lat>,
 * the position in 1e-7 degrees: the same point has the same id in any
 * import of any clip, whatever the format (GDAL gives no OpenStreetMap node
 * ids for the points of a way).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <cpl_hash_set.h>
#include "cmd/class_map.h"
#include "cmd/cli.h"
#include "cmd/gis_read.h"
#include "cmd/version.h"
#include "engine/geo.h"
#include "engine/grow.h"
#include "engine/topology.h"
#include "results/export.h"
#include "results/outdir.h"
#include "results/outfile.h"

#define METRES_PER_STEP 0.011132      /* 1e-7 degree of latitude, in metres */

struct import_opts {
    struct gis_read_opts read;
    const char *out, *class_map;
    double snap_m;
    int quiet;
    enum lang lang;
};

/* What reading gathers. */
struct import {
    struct class_map map;
    struct topology *topo;
    CPLHashSet *name_set;
    struct name { char *s; int id; } **names; int n_names, cap_names;
    long kept, not_roads, oneway;         /* lines kept; with no class value (OSM: not roads) */
    double kept_km, not_roads_km, oneway_km;
    char err[2048];
};

/* ---- reading ------------------------------------------------------------------------ */

static unsigned long name_hash(const void *e) { return CPLHashSetHashStr(((const struct name *)e)->s); }
static int name_equal(const void *a, const void *b)
{
    return !strcmp(((const struct name *)a)->s, ((const struct name *)b)->s);
}

/* The number of a road name, the same for the same text. */
static int name_id(struct import *im, const char *s)
{
    struct name probe = { (char *)s, 0 }, *e = CPLHashSetLookup(im->name_set, &probe);
    if (e)
        return e->id;
    if (grow_array(&im->names, &im->cap_names, im->n_names + 1, sizeof *im->names) < 0
        || !(e = malloc(sizeof *e)) || !(e->s = strdup(s))) {
        free(e);
        return -1;
    }
    e->id = im->n_names;
    im->names[im->n_names++] = e;
    CPLHashSetInsert(im->name_set, e);
    return e->id;
}

static double line_km(const struct gis_line *line)
{
    double km = 0;
    for (int i = 1; i < line->n; i++)
        km += geo_km(line->lon[i - 1], line->lat[i - 1], line->lon[i], line->lat[i]);
    return km;
}

/* gis_read's callback: one stretch of a feature. */
static int take(const struct gis_line *line, void *arg)
{
    struct import *im = arg;
    double km = line_km(line);
    if (!line->cls[0] && im->map.osm) {     /* OpenStreetMap lines without highway */
        im->not_roads += line->first;
        im->not_roads_km += km;
        return 0;
    }
    struct class_row *row = class_map_row(&im->map, line->cls);
    if (!row)
        return class_map_tally(&im->map, line->cls, line->first, km);
    row->count += line->first;
    row->km += km;
    if (row->cls == CLASS_DROP || im->map.n_unknown)
        return 0;
    im->kept += line->first;
    im->kept_km += km;
    im->oneway += line->oneway && line->first;
    im->oneway_km += line->oneway ? km : 0;
    int name = name_id(im, line->name);
    if (name < 0 || topo_add_line(im->topo, line->lon, line->lat, line->n, row->cls, name,
                                  line->speed_kmh) < 0)
        return -1;
    return 0;
}

static void free_import(struct import *im)
{
    for (int i = 0; i < im->n_names; i++) {
        free(im->names[i]->s);
        free(im->names[i]);
    }
    free(im->names);
    if (im->name_set)
        CPLHashSetDestroy(im->name_set);
    topo_free(im->topo);
    class_map_free(&im->map);
}

/* ---- the network folder ----------------------------------------------------------------- */

/* The graph as a definition's nodes and roads, for the one writer of the
 * schema; names[] the roads' names by number.  0, or -1 when out of memory. */
static int as_definition(const struct topo_graph *g, struct name **names, struct definition *d,
                         char **ids)
{
    memset(d, 0, sizeof *d);
    d->nodes = calloc((size_t)g->n_nodes + 1, sizeof *d->nodes);
    d->roads = calloc((size_t)g->n_roads + 1, sizeof *d->roads);
    if (!d->nodes || !d->roads)
        return -1;
    for (int i = 0; i < g->n_nodes; i++) {
        char id[32];
        snprintf(id, sizeof id, "p%d_%d", g->nodes[i].x, g->nodes[i].y);
        if (!(ids[i] = strdup(id)))
            return -1;
        d->nodes[i] = (struct node){ ids[i], ids[i], ids[i], NODE_JUNCTION, g->nodes[i].lon,
                                     g->nodes[i].lat };
    }
    for (int k = 0; k < g->n_roads; k++) {
        const struct topo_road *r = &g->roads[k];
        d->roads[k] = (struct road){ r->from, r->to, r->km, (enum road_class)r->cls, names[r->name]->s };
    }
    d->n_nodes = g->n_nodes;
    d->n_roads = g->n_roads;
    return 0;
}

/* "2024-05-01 12:00 UTC", the file's last change. */
static void file_date(const char *path, char *buf, size_t n)
{
    struct stat st;
    struct tm tm;
    time_t t;
    buf[0] = '\0';
    if (stat(path, &st) == 0 && (t = st.st_mtime, gmtime_r(&t, &tm)))
        strftime(buf, n, "%Y-%m-%d %H:%M UTC", &tm);
}

/* The command line as typed, arguments with spaces quoted. */
static void command_line(int argc, char **argv, char *buf, size_t n)
{
    size_t k = (size_t)snprintf(buf, n, "supplysim import-network");
    for (int i = 1; i < argc && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, strpbrk(argv[i], " \t'\"") ? " '%s'" : " %s", argv[i]);
}

static int write_source(const char *dir, const struct import_opts *o, const struct gis_source *src,
                        const struct topo_graph *g, const char *cmd, enum lang l, char *err,
                        size_t errlen)
{
    struct outfile f;
    char date[64];
    file_date(o->read.path, date, sizeof date);
    if (out_open(&f, dir, "SOURCE.txt", l, err, errlen) < 0)
        return -1;
    fprintf(f.f, lang_text(l, T_GIS_SOURCE), SUPPLYSIM_VERSION, o->read.path, date,
            src->layer, src->driver, src->class_field, cmd, g->n_nodes, g->n_roads, g->km,
            g->dropped_pieces, g->dropped_km);
    fputs(lang_text(l, src->osm ? T_GIS_LICENCE_OSM : T_GIS_LICENCE_OTHER), f.f);
    return out_commit(&f, err, errlen);
}

/* ---- the summary --------------------------------------------------------------------- */

static void summary(const struct import_opts *o, const struct import *im,
                    const struct gis_source *src, const struct topo_graph *g)
{
    enum lang l = o->lang;
    double km[ROAD_CLASSES] = { 0 };
    long dropped = 0;
    double dropped_km = 0;
    for (int k = 0; k < g->n_roads; k++)
        km[g->roads[k].cls] += g->roads[k].km;
    for (int i = 0; i < im->map.n; i++)
        if (im->map.rows[i].cls == CLASS_DROP)
            dropped += im->map.rows[i].count, dropped_km += im->map.rows[i].km;
    printf(lang_text(l, T_GIS_SUM_READ), o->read.path, src->layer, src->driver, src->features);
    printf(lang_text(l, T_GIS_SUM_KEPT), im->kept, im->kept_km, dropped, dropped_km,
           im->not_roads, src->outside);
    printf(lang_text(l, T_GIS_SUM_NETWORK), o->out, g->n_nodes, g->n_roads, g->km);
    for (int c = 0; c < ROAD_CLASSES; c++)
        printf(lang_text(l, T_GIS_SUM_CLASS_KM), c ? lang_text(l, T_OUT_LIST_SEP) : "    ",
               lang_road_class(l, c), km[c]);
    putchar('\n');
    printf(lang_text(l, T_GIS_SUM_DROPPED), g->dropped_pieces, g->dropped_segments, g->dropped_km);
    if (im->oneway)
        printf(lang_text(l, T_GIS_SUM_ONEWAY), im->oneway, im->oneway_km);
    if (src->assumed_wgs84)
        printf(lang_text(l, T_GIS_SUM_WGS84), src->layer);
}

/* ---- the command line ------------------------------------------------------------------ */

enum { OPT_LAYER = 256, OPT_CLASS_FIELD, OPT_CLASS_MAP, OPT_NAME_FIELD, OPT_SPEED_FIELD,
       OPT_BBOX, OPT_CLIP, OPT_SNAP, OPT_LANG };

static const struct option import_opts_table[] = {
    { "out", required_argument, NULL, 'o' },        { "layer", required_argument, NULL, OPT_LAYER },
    { "class-field", required_argument, NULL, OPT_CLASS_FIELD },
    { "class-map", required_argument, NULL, OPT_CLASS_MAP },
    { "name-field", required_argument, NULL, OPT_NAME_FIELD },
    { "speed-field", required_argument, NULL, OPT_SPEED_FIELD },
    { "bbox", required_argument, NULL, OPT_BBOX },  { "clip", required_argument, NULL, OPT_CLIP },
    { "snap", required_argument, NULL, OPT_SNAP },  { "lang", required_argument, NULL, OPT_LANG },
    { "quiet", no_argument, NULL, 'q' },            { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

static int parse_bbox(const char *s, double *b)
{
    char c;
    return sscanf(s, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &c) == 4 && b[0] < b[2]
        && b[1] < b[3] && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 ? 0 : -1;
}

/* -1 to go on, else the exit status (the message printed). */
static int parse(struct import_opts *o, const struct opts *u, int argc, char **argv)
{
    int c;
    char *end;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:qh", import_opts_table, NULL)) != -1) {
        const char *a = optarg;
        switch (c) {
        case 'o': o->out = a; break;
        case 'q': o->quiet = 1; break;
        case 'h': fputs(lang_text(o->lang, T_HELP_IMPORT), stdout); return 0;
        case OPT_LAYER: o->read.layer = a; break;
        case OPT_CLASS_FIELD: o->read.class_field = a; break;
        case OPT_CLASS_MAP: o->class_map = a; break;
        case OPT_NAME_FIELD: o->read.name_field = a; break;
        case OPT_SPEED_FIELD: o->read.speed_field = a; break;
        case OPT_CLIP: o->read.clip = a; break;
        case OPT_LANG:
            if (lang_parse(a, &o->lang))
                return usage_error(u, T_CLI_LANG, a);
            break;
        case OPT_BBOX:
            if (parse_bbox(a, o->read.bbox) < 0)
                return usage_error(u, T_GIS_BAD_BBOX, a);
            o->read.have_bbox = 1;
            break;
        case OPT_SNAP:
            o->snap_m = strtod(a, &end);
            if (!*a || *end || !(o->snap_m >= 0 && o->snap_m <= 100))
                return usage_error(u, T_GIS_BAD_SNAP, a);
            break;
        case ':': {
            char opt[3] = { '-', (char)optopt, '\0' };
            return usage_error(u, T_CLI_NEEDS_VALUE, optopt ? opt : argv[optind - 1]);
        }
        default: {
            char opt[3] = { '-', (char)optopt, '\0' };
            return usage_error(u, T_CLI_UNKNOWN, optopt ? opt : argv[optind - 1]);
        }
        }
    }
    if (optind == argc)
        return usage_error(u, T_GIS_NO_FILE);
    if (optind != argc - 1)
        return usage_error(u, T_CLI_EXTRA, argv[optind + 1]);
    if (!o->out)
        return usage_error(u, T_GIS_NO_OUT);
    o->read.path = argv[optind];
    return -1;
}

/* ---- the command ----------------------------------------------------------------------- */

/* Reads the lines into im and builds the graph; 0, -2 bad input, -1 failure
 * (message in err). */
static int build(const struct import_opts *o, struct gis_roads *roads, struct gis_source *src,
                 struct import *im, struct topo_graph *g, char *err, size_t errlen)
{
    enum lang l = o->lang;
    if (gis_lines(roads, take, im) < 0) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    if (im->map.n_unknown) {
        char list[2048];
        class_map_unknown_list(&im->map, l, list, sizeof list);
        snprintf(err, errlen, lang_text(l, T_GIS_UNKNOWN_CLASSES), o->read.path, src->layer,
                 src->class_field, im->map.n_unknown, list);
        return -2;
    }
    if (topo_build(im->topo, g) < 0) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    if (g->n_roads > 0)
        return 0;
    if (o->read.have_bbox || o->read.clip)
        snprintf(err, errlen, lang_text(l, T_GIS_EMPTY_AREA), o->read.path, src->layer,
                 src->features, src->lon0, src->lon1, src->lat0, src->lat1);
    else
        snprintf(err, errlen, lang_text(l, T_GIS_EMPTY), o->read.path, src->layer, src->features);
    return -2;
}

/* Writes the folder into the stage; 0, or -1 with a message. */
static int write_folder(const struct import_opts *o, const struct outdir *od,
                        const struct import *im, const struct gis_source *src,
                        const struct topo_graph *g, const char *cmd, char *err, size_t errlen)
{
    struct definition d;
    char **ids = calloc((size_t)g->n_nodes + 1, sizeof *ids);
    double *minutes = malloc(((size_t)g->n_roads + 1) * sizeof *minutes);
    int rc = -1;
    if (!ids || !minutes || as_definition(g, im->names, &d, ids) < 0)
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
    else {
        for (int k = 0; k < g->n_roads; k++)
            minutes[k] = g->roads[k].minutes;
        rc = export_folder(&d, minutes, od->stage, o->lang, err, errlen) < 0
             || write_source(od->stage, o, src, g, cmd, o->lang, err, errlen) < 0 ? -1 : 0;
    }
    for (int i = 0; ids && i < g->n_nodes; i++)
        free(ids[i]);
    free(ids);
    free(minutes);
    free(d.nodes);
    free(d.roads);
    return rc;
}

int import_main(int argc, char **argv)
{
    struct import_opts o = { .lang = cli_lang(argc, argv) };
    struct opts u = { .command = "import-network", .help = T_HELP_IMPORT, .lang = o.lang };
    int rc = parse(&o, &u, argc, argv);
    if (rc >= 0)
        return rc;
    char err[4096], cmd[4096];
    struct import im = { 0 };
    struct gis_source src;
    struct topo_graph g = { 0 };
    struct outdir od = { 0 };
    struct gis_roads *roads = gis_open(&o.read, &src, o.lang, err, sizeof err);
    int step = (int)fmax(1, llround(o.snap_m / METRES_PER_STEP));
    rc = -2;
    if (roads && class_map_init(&im.map, !strcmp(src.class_field, "highway")) < 0)
        snprintf(err, sizeof err, "%s", lang_text(o.lang, T_CMD_OUT_OF_MEMORY)), rc = -1;
    else if (roads && (!o.class_map || class_map_read(&im.map, o.class_map, o.lang, err, sizeof err) == 0)) {
        im.topo = topo_create(step);
        im.name_set = CPLHashSetNew(name_hash, name_equal, NULL);
        rc = !im.topo || !im.name_set ? -1 : outdir_begin_for(&od, o.out, "SOURCE.txt", T_GIS_OUT_OTHER,
                                                             o.lang, err, sizeof err);
        if (!im.topo || !im.name_set)
            snprintf(err, sizeof err, "%s", lang_text(o.lang, T_CMD_OUT_OF_MEMORY));
        if (rc == 0 && (rc = build(&o, roads, &src, &im, &g, err, sizeof err)) == 0) {
            command_line(argc, argv, cmd, sizeof cmd);
            rc = write_folder(&o, &od, &im, &src, &g, cmd, err, sizeof err) < 0
                 || outdir_commit(&od, err, sizeof err) < 0 ? -1 : 0;
        }
        if (rc < 0 && od.stage)
            outdir_abort(&od);
    }
    if (rc == 0 && !o.quiet)
        summary(&o, &im, &src, &g);
    if (rc < 0)
        fprintf(stderr, "supplysim %s: %s\n", "import-network", err);
    gis_close(roads);
    topo_graph_free(&g);
    free_import(&im);
    return rc == 0 ? (fflush(stdout) ? EXIT_RUN : 0) : rc == -2 ? EXIT_USAGE : EXIT_RUN;
}
