/*
 * gis_read.h -- the lines of a GIS file's road layer, as `import-network`
 * needs them: each feature's class, name, speed and one-way tag as text,
 * and its line(s) in WGS-84 degrees, cut to the area asked for (a box, a
 * polygon file, both).  GDAL reads the file, whatever its format
 * (OpenStreetMap .osm/.pbf, GeoPackage, Shapefile, GeoJSON, FlatGeobuf,
 * CSV with WKT ...) and coordinate system; OpenStreetMap's tags that GDAL
 * keeps in its other_tags field (ref, oneway, maxspeed ...) are found
 * there.
 */
#ifndef SUPPLYSIM_CMD_GIS_READ_H
#define SUPPLYSIM_CMD_GIS_READ_H

#include <stddef.h>
#include "engine/lang.h"

struct gis_read_opts {
    const char *path;
    const char *layer;            /* NULL: "lines" for OpenStreetMap, else the one line layer */
    const char *class_field;      /* NULL: highway when the layer has it, else class */
    const char *name_field;       /* NULL: ref, then name */
    const char *speed_field;      /* NULL: none */
    const char *clip;             /* a file of polygons, or NULL */
    int have_bbox;
    double bbox[4];               /* lon0, lat0, lon1, lat1 */
};

/* A stretch of one feature's line with every point inside the area. */
struct gis_line {
    const double *lon, *lat;
    int n;                        /* >= 2 */
    int first;                    /* the feature's first stretch */
    const char *cls;              /* the class field's text; "" when empty */
    const char *name;             /* "" when none */
    double speed_kmh;             /* NAN when none */
    int oneway;                   /* tagged one-way (oneway yes/1/true/-1, a roundabout) */
};

/* What was read, for the summary and SOURCE.txt. */
struct gis_source {
    char driver[64];              /* GDAL's short name: OSM, GPKG, ESRI Shapefile ... */
    char layer[256];
    char class_field[128];
    int osm;                      /* OpenStreetMap data: ODbL */
    int assumed_wgs84;            /* the layer named no coordinate system */
    long features, no_line, outside;   /* features; without a line; with none of it inside */
    double lon0, lat0, lon1, lat1;     /* the box of every point read */
};

struct gis_roads;

/* Opens the file and its road layer, finds the fields and reads the clip
 * polygons: the layer is then described in *src.  NULL for bad input (a
 * missing or unreadable file, no line layer, a field that is not there, no
 * coordinate system, a clip file without polygons), the message in err. */
struct gis_roads *gis_open(const struct gis_read_opts *o, struct gis_source *src, enum lang l,
                           char *err, size_t errlen);

/* Calls fn(line, arg) for every stretch inside the area, in the layer's
 * order, counting in src what it reads.  0, or -1 when fn returned -1 (its
 * own message) or memory ran out. */
int gis_lines(struct gis_roads *g, int (*fn)(const struct gis_line *line, void *arg), void *arg);

void gis_close(struct gis_roads *g);

#endif
