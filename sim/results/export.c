/*
 * export.c -- the road network for GIS tools and independent checks:
 * nodes.csv and roads.csv, a network folder in the one schema that
 * `network = "DIR";` reads back (config/network_dir.h; numbers as the
 * shortest decimals that read back to the same doubles, so that a folder
 * loaded back is the same network), roads with free-flow truck minutes so
 * that anyone can recompute the coverage table; network.geojson (WGS-84,
 * RFC 7946) and network.gpkg (results/gis.h: roads, nodes, facilities,
 * townships, sites), for GIS tools.
 */
#include <math.h>
#include <string.h>
#include "config/network_dir.h"
#include "results/export.h"
#include "results/gis.h"
#include "results/outfile.h"

/* A name is written empty when it is what the reader makes of an empty
 * field (the id for name, the name for name_zh): the shortest form that
 * reads back to the same node. */
static void write_nodes(FILE *f, const struct definition *d, const double *unused)
{
    (void)unused;
    fprintf(f, "%s\n", NETWORK_NODES_HEADER);
    for (int i = 0; i < d->n_nodes; i++) {
        const struct node *n = &d->nodes[i];
        csv_field(f, n->id);
        fputc(',', f);
        csv_field(f, strcmp(n->name, n->id) ? n->name : "");
        fputc(',', f);
        csv_field(f, strcmp(n->name_zh, n->name) ? n->name_zh : "");
        fprintf(f, ",%s,", node_kind_name(n->kind));
        csv_double(f, n->lon);
        fputc(',', f);
        csv_double(f, n->lat);
        fputc('\n', f);
    }
}

/* minutes: per road, or NULL for km at the class speeds; NAN is written
 * empty. */
static void write_roads(FILE *f, const struct definition *d, const double *minutes)
{
    fprintf(f, "%s\n", NETWORK_ROADS_HEADER);
    for (int i = 0; i < d->n_roads; i++) {
        const struct road *r = &d->roads[i];
        csv_field(f, d->nodes[r->from].id);
        fputc(',', f);
        csv_field(f, d->nodes[r->to].id);
        fputc(',', f);
        csv_double(f, r->km);
        fprintf(f, ",%s,", road_class_name(r->cls));
        double m = minutes ? minutes[i] : definition_road_minutes(d, i);
        if (!isnan(m))
            csv_double(f, m);
        fputc(',', f);
        csv_field(f, r->name);
        fputc('\n', f);
    }
}

static void geo_props(FILE *f, const char *k1, const char *v1, const char *k2, const char *v2)
{
    fprintf(f, "\"properties\":{");
    json_string(f, k1);
    fputc(':', f);
    json_string(f, v1);
    fputc(',', f);
    json_string(f, k2);
    fputc(':', f);
    json_string(f, v2);
}

static void write_geojson(FILE *f, const struct definition *d, const double *unused)
{
    (void)unused;
    fprintf(f, "{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (int i = 0; i < d->n_nodes; i++) {
        const struct node *n = &d->nodes[i];
        fprintf(f, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                "[%.6f,%.6f]},", n->lon, n->lat);
        geo_props(f, "id", n->id, "kind", node_kind_name(n->kind));
        fprintf(f, ",\"name\":");
        json_string(f, n->name);
        fprintf(f, ",\"name_zh\":");
        json_string(f, n->name_zh);
        fprintf(f, "}}%s\n", (i + 1 < d->n_nodes || d->n_roads) ? "," : "");
    }
    for (int i = 0; i < d->n_roads; i++) {
        const struct road *r = &d->roads[i];
        const struct node *a = &d->nodes[r->from], *b = &d->nodes[r->to];
        fprintf(f, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                "[[%.6f,%.6f],[%.6f,%.6f]]},", a->lon, a->lat, b->lon, b->lat);
        geo_props(f, "name", r->name, "class", road_class_name(r->cls));
        fprintf(f, ",\"from\":");
        json_string(f, a->id);
        fprintf(f, ",\"to\":");
        json_string(f, b->id);
        fprintf(f, ",\"km\":%.4f,\"minutes\":%.4f}}%s\n", r->km, definition_road_minutes(d, i),
                i + 1 < d->n_roads ? "," : "");
    }
    fprintf(f, "]}\n");
}

static int write_one(const struct definition *d, const double *minutes, const char *dir,
                     const char *name, void (*write)(FILE *, const struct definition *, const double *),
                     enum lang l, char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, name, l, err, errlen) < 0)
        return -1;
    write(o.f, d, minutes);
    return out_commit(&o, err, errlen);
}

int export_folder(const struct definition *d, const double *minutes, const char *dir,
                  enum lang l, char *err, size_t errlen)
{
    if (write_one(d, minutes, dir, NETWORK_NODES_FILE, write_nodes, l, err, errlen) < 0
        || write_one(d, minutes, dir, NETWORK_ROADS_FILE, write_roads, l, err, errlen) < 0)
        return -1;
    return 0;
}

int export_network(const struct definition *d, const char *dir, enum lang l, char *err,
                   size_t errlen)
{
    if (out_mkdirs(dir, l, err, errlen) < 0 || export_folder(d, NULL, dir, l, err, errlen) < 0
        || write_one(d, NULL, dir, "network.geojson", write_geojson, l, err, errlen) < 0
        || gis_network(dir, d, l, err, errlen) < 0)
        return -1;
    return 0;
}
