/*
 * gis_read.c -- a road layer's lines through GDAL (gis_read.h).
 *
 * The layer: --layer, else OpenStreetMap's "lines", else a layer named
 * "lines", else the file's only layer of lines (several: the user picks).
 * A field is the layer's own, or, when the layer has none of that name but
 * an other_tags field (GDAL's OpenStreetMap driver puts every tag it has no
 * column for there, as "key"=>"value",... ), the tag of that key.
 * Coordinates are transformed to WGS-84 longitude, latitude; a layer with
 * no coordinate system is taken as WGS-84 when every point is in degrees'
 * range.  The area: a point is inside when it is in the box and intersects
 * the polygons (their union), so that a line is cut into the stretches of
 * consecutive points inside; a segment that crosses the edge is dropped
 * (at OpenStreetMap's spacing of points, metres).  Cost: O(points) reads,
 * each point inside a polygon O(log edges) with GEOS's prepared geometry.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <errno.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "cmd/gis_read.h"
#include "engine/grow.h"
#include "results/gpkg.h"

/* A text attribute: the layer's field, else the key in other_tags. */
struct attr { int field; const char *key; };

struct gis_roads {
    const struct gis_read_opts *o;
    struct gis_source *src;
    enum lang l;
    char *err; size_t errlen;
    GDALDatasetH ds;
    OGRLayerH lyr;
    int tags;                               /* other_tags' field, or -1 */
    struct attr cls, names[2], speed, oneway, junction;
    int n_names;
    OGRCoordinateTransformationH ct;        /* to WGS-84, or NULL */
    OGRGeometryH area, point;               /* the polygons' union, a probe */
    OGRPreparedGeometryH prepared;
    double *x, *y; int cap;
    char buf[5][512];                       /* class, name, speed, oneway, junction */
};

/* ---- fields and OpenStreetMap's other_tags ------------------------------------ */

/* The value of key in an hstore text ("k"=>"v","k2"=>"v2" with \" and \\
 * escaped, a value possibly NULL) into buf: 1 when found. */
static int hstore_get(const char *s, const char *key, char *buf, size_t n)
{
    char k[256];
    while (*s) {
        size_t i = 0;
        while (*s == ' ' || *s == ',')
            s++;
        if (*s++ != '"')
            return 0;
        for (; *s && *s != '"'; s++) {
            if (*s == '\\' && s[1])
                s++;
            if (i + 1 < sizeof k)
                k[i++] = *s;
        }
        k[i] = '\0';
        if (*s++ != '"' || strncmp(s, "=>", 2))
            return 0;
        s += 2;
        int quoted = *s == '"', match = !strcmp(k, key);
        i = 0;
        for (s += quoted; *s && (quoted ? *s != '"' : *s != ','); s++) {
            if (quoted && *s == '\\' && s[1])
                s++;
            if (match && i + 1 < n)
                buf[i++] = *s;
        }
        s += quoted && *s;
        if (match) {
            buf[i] = '\0';
            return quoted;                  /* an unquoted NULL: no value */
        }
    }
    return 0;
}

/* The attribute named name: -1 (with a message) when the layer has no such
 * field and no other_tags to find it in and it is required; else 0. */
static int find_attr(struct gis_roads *r, const char *name, struct attr *a, int required)
{
    OGRFeatureDefnH fd = OGR_L_GetLayerDefn(r->lyr);
    a->field = OGR_FD_GetFieldIndex(fd, name);
    a->key = a->field < 0 && r->tags >= 0 ? name : NULL;
    if (a->field >= 0 || a->key || !required)
        return 0;
    char list[1024] = "";
    for (int i = 0, k = 0; i < OGR_FD_GetFieldCount(fd) && k < (int)sizeof list; i++)
        k += snprintf(list + k, sizeof list - (size_t)k, "%s%s", i ? ", " : "",
                      OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(fd, i)));
    snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_NO_FIELD), r->o->path, r->src->layer, name,
             list[0] ? list : "-");
    return -1;
}

/* The attribute's text in buf ("" when not set). */
static const char *attr_text(struct gis_roads *r, OGRFeatureH f, const struct attr *a, char *buf)
{
    buf[0] = '\0';
    if (a->field >= 0 && OGR_F_IsFieldSetAndNotNull(f, a->field))
        snprintf(buf, sizeof r->buf[0], "%s", OGR_F_GetFieldAsString(f, a->field));
    else if (a->key && OGR_F_IsFieldSetAndNotNull(f, r->tags))
        hstore_get(OGR_F_GetFieldAsString(f, r->tags), a->key, buf, sizeof r->buf[0]);
    return buf;
}

static int resolve_fields(struct gis_roads *r)
{
    const struct gis_read_opts *o = r->o;
    OGRFeatureDefnH fd = OGR_L_GetLayerDefn(r->lyr);
    r->tags = OGR_FD_GetFieldIndex(fd, "other_tags");
    const char *cls = o->class_field ? o->class_field
                    : (OGR_FD_GetFieldIndex(fd, "highway") >= 0 || r->tags >= 0) ? "highway"
                                                                                  : "class";
    snprintf(r->src->class_field, sizeof r->src->class_field, "%s", cls);
    r->src->osm = !strcmp(r->src->driver, "OSM") || OGR_FD_GetFieldIndex(fd, "osm_id") >= 0;
    if (find_attr(r, cls, &r->cls, 1) < 0)
        return -1;
    if (o->name_field) {
        r->n_names = 1;
        if (find_attr(r, o->name_field, &r->names[0], 1) < 0)
            return -1;
    } else {
        r->n_names = 2;
        find_attr(r, "ref", &r->names[0], 0);
        find_attr(r, "name", &r->names[1], 0);
    }
    if (o->speed_field && find_attr(r, o->speed_field, &r->speed, 1) < 0)
        return -1;
    if (!o->speed_field)
        r->speed = (struct attr){ -1, NULL };
    find_attr(r, "oneway", &r->oneway, 0);
    find_attr(r, "junction", &r->junction, 0);
    return 0;
}

/* ---- the layer ----------------------------------------------------------------- */

static int is_lines(OGRLayerH l)
{
    OGRwkbGeometryType t = OGR_GT_Flatten(OGR_L_GetGeomType(l));
    return t == wkbLineString || t == wkbMultiLineString;
}

/* "lines (Line String), points (Point)" for a message. */
static void layer_list(GDALDatasetH ds, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < GDALDatasetGetLayerCount(ds) && k < n; i++) {
        OGRLayerH l = GDALDatasetGetLayer(ds, i);
        k += (size_t)snprintf(buf + k, n - k, "%s%s (%s)", i ? ", " : "", OGR_L_GetName(l),
                              OGRGeometryTypeToName(OGR_L_GetGeomType(l)));
    }
}

static int choose_layer(struct gis_roads *r)
{
    char list[1024];
    GDALDatasetH ds = r->ds;
    layer_list(ds, list, sizeof list);
    if (r->o->layer) {
        r->lyr = GDALDatasetGetLayerByName(ds, r->o->layer);
        if (!r->lyr || !(is_lines(r->lyr) || OGR_L_GetGeomType(r->lyr) == wkbUnknown)) {
            snprintf(r->err, r->errlen, lang_text(r->l, r->lyr ? T_GIS_NOT_LINES : T_GIS_NO_LAYER),
                     r->o->path, r->o->layer, list);
            return -1;
        }
    } else {
        int lines = 0;
        for (int i = 0; i < GDALDatasetGetLayerCount(ds); i++) {
            OGRLayerH l = GDALDatasetGetLayer(ds, i);
            if (!strcmp(OGR_L_GetName(l), "lines") && (is_lines(l) || !strcmp(r->src->driver, "OSM"))) {
                r->lyr = l;
                lines = 1;
                break;
            }
            if (is_lines(l) && lines++ == 0)
                r->lyr = l;
        }
        if (lines != 1) {
            snprintf(r->err, r->errlen, lang_text(r->l, lines ? T_GIS_MANY_LAYERS : T_GIS_NO_LINE_LAYER),
                     r->o->path, list);
            return -1;
        }
    }
    snprintf(r->src->layer, sizeof r->src->layer, "%s", OGR_L_GetName(r->lyr));
    return 0;
}

/* ---- coordinates and the area -------------------------------------------------- */

static OGRSpatialReferenceH wgs84(void)
{
    OGRSpatialReferenceH t = OSRNewSpatialReference(NULL);
    if (t && OSRImportFromEPSG(t, 4326) != OGRERR_NONE) {
        OSRDestroySpatialReference(t);
        return NULL;
    }
    if (t)
        OSRSetAxisMappingStrategy(t, OAMS_TRADITIONAL_GIS_ORDER);
    return t;
}

/* *ct: the transformation from s to WGS-84 longitude, latitude (NULL when
 * none is needed).  0, or -1 with a message naming what. */
static int to_wgs84(struct gis_roads *r, OGRSpatialReferenceH s, const char *what,
                    OGRCoordinateTransformationH *ct)
{
    *ct = NULL;
    if (!s)
        return 0;
    OGRSpatialReferenceH t = wgs84(), c = OSRClone(s);
    int rc = 0;
    if (t && c) {
        OSRSetAxisMappingStrategy(c, OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(c, t) && !(*ct = OCTNewCoordinateTransformation(c, t)))
            rc = -1;
    } else {
        rc = -1;
    }
    if (rc < 0)
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_TRANSFORM), what, gis_error());
    if (t)
        OSRDestroySpatialReference(t);
    if (c)
        OSRDestroySpatialReference(c);
    return rc;
}

/* The union of every polygon of the clip file, in WGS-84, prepared. */
static int read_area(struct gis_roads *r)
{
    GDALDatasetH ds = GDALOpenEx(r->o->clip, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
    OGRGeometryH all = OGR_G_CreateGeometry(wkbMultiPolygon);
    int rc = ds && all ? 0 : -1;
    if (!ds)
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_UNREADABLE), r->o->clip);
    for (int i = 0; rc == 0 && i < GDALDatasetGetLayerCount(ds); i++) {
        OGRLayerH l = GDALDatasetGetLayer(ds, i);
        OGRCoordinateTransformationH ct;
        OGRFeatureH f;
        if (to_wgs84(r, OGR_L_GetSpatialRef(l), r->o->clip, &ct) < 0) {
            rc = -1;
            break;
        }
        while (rc == 0 && (f = OGR_L_GetNextFeature(l))) {
            OGRGeometryH g = OGR_F_GetGeometryRef(f);
            OGRwkbGeometryType t = g ? OGR_GT_Flatten(OGR_G_GetGeometryType(g)) : wkbUnknown;
            if ((t == wkbPolygon || t == wkbMultiPolygon) && (!ct || OGR_G_Transform(g, ct) == OGRERR_NONE)) {
                for (int k = 0; t == wkbMultiPolygon && k < OGR_G_GetGeometryCount(g); k++)
                    OGR_G_AddGeometry(all, OGR_G_GetGeometryRef(g, k));
                if (t == wkbPolygon)
                    OGR_G_AddGeometry(all, g);
            }
            OGR_F_Destroy(f);
        }
        if (ct)
            OCTDestroyCoordinateTransformation(ct);
    }
    if (rc == 0 && OGR_G_GetGeometryCount(all) == 0) {
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_NO_POLYGON), r->o->clip);
        rc = -1;
    }
    if (rc == 0 && (!(r->area = OGR_G_UnionCascaded(all)) || !(r->prepared = OGRCreatePreparedGeometry(r->area))
                    || !(r->point = OGR_G_CreateGeometry(wkbPoint)))) {
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_TRANSFORM), r->o->clip, gis_error());
        rc = -1;
    }
    if (all)
        OGR_G_DestroyGeometry(all);
    if (ds)
        GDALClose(ds);
    return rc;
}

static int inside(struct gis_roads *r, double lon, double lat)
{
    const double *b = r->o->bbox;
    if (r->o->have_bbox && !(lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]))
        return 0;
    if (!r->prepared)
        return 1;
    OGR_G_SetPoint_2D(r->point, 0, lon, lat);
    return OGRPreparedGeometryIntersects(r->prepared, r->point);
}

/* ---- features ------------------------------------------------------------------- */

static int one_way(const char *oneway, const char *junction)
{
    return !strcmp(oneway, "yes") || !strcmp(oneway, "1") || !strcmp(oneway, "true")
        || !strcmp(oneway, "-1") || !strcmp(junction, "roundabout");
}

/* One line of a feature: its points, transformed, cut to the area. */
static int part(struct gis_roads *r, OGRGeometryH g, struct gis_line *line,
                int (*fn)(const struct gis_line *, void *), void *arg, int *runs)
{
    int n = OGR_G_GetPointCount(g), cap = r->cap;
    if (n < 2)
        return 0;
    if (grow_array(&r->x, &cap, n, sizeof *r->x) < 0)
        return -1;
    cap = r->cap;
    if (grow_array(&r->y, &cap, n, sizeof *r->y) < 0)
        return -1;
    r->cap = cap;
    OGR_G_GetPoints(g, r->x, sizeof(double), r->y, sizeof(double), NULL, 0);
    if (r->ct && !OCTTransform(r->ct, n, r->x, r->y, NULL))
        return 0;                           /* a point the transformation cannot take */
    struct gis_source *s = r->src;
    for (int i = 0; i < n; i++) {
        s->lon0 = fmin(s->lon0, r->x[i]), s->lon1 = fmax(s->lon1, r->x[i]);
        s->lat0 = fmin(s->lat0, r->y[i]), s->lat1 = fmax(s->lat1, r->y[i]);
    }
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && inside(r, r->x[j], r->y[j]))
            j++;
        if (j - i >= 2) {
            line->lon = r->x + i, line->lat = r->y + i, line->n = j - i;
            line->first = *runs == 0;
            (*runs)++;
            if (fn(line, arg) < 0)
                return -1;
        }
        i = j + 1;
    }
    return 0;
}

static int feature(struct gis_roads *r, OGRFeatureH f,
                   int (*fn)(const struct gis_line *, void *), void *arg)
{
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    OGRwkbGeometryType t = g ? OGR_GT_Flatten(OGR_G_GetGeometryType(g)) : wkbUnknown;
    r->src->features++;
    if (t != wkbLineString && t != wkbMultiLineString) {
        r->src->no_line++;
        return 0;
    }
    struct gis_line line = { .cls = attr_text(r, f, &r->cls, r->buf[0]), .speed_kmh = NAN };
    line.name = "";
    for (int i = 0; i < r->n_names && !line.name[0]; i++)
        line.name = attr_text(r, f, &r->names[i], r->buf[1]);
    const char *speed = attr_text(r, f, &r->speed, r->buf[2]);
    if (speed[0]) {
        char *end;
        double v = strtod(speed, &end);
        if (end != speed && v > 0 && isfinite(v))
            line.speed_kmh = strstr(end, "mph") ? v * 1.609344 : v;
    }
    line.oneway = one_way(attr_text(r, f, &r->oneway, r->buf[3]),
                          attr_text(r, f, &r->junction, r->buf[4]));
    int runs = 0, parts = t == wkbLineString ? 1 : OGR_G_GetGeometryCount(g);
    for (int k = 0; k < parts; k++)
        if (part(r, t == wkbLineString ? g : OGR_G_GetGeometryRef(g, k), &line, fn, arg, &runs) < 0)
            return -1;
    r->src->outside += runs == 0;
    return 0;
}

static int read_features(struct gis_roads *r, int (*fn)(const struct gis_line *, void *), void *arg)
{
    OGRFeatureH f;
    int rc = 0;
    if (r->src->osm && !strcmp(r->src->driver, "OSM")) {
        char sql[300];                      /* the driver then parses only this layer */
        snprintf(sql, sizeof sql, "SET interest_layers = %s", r->src->layer);
        OGRLayerH res = GDALDatasetExecuteSQL(r->ds, sql, NULL, NULL);
        if (res)
            GDALDatasetReleaseResultSet(r->ds, res);
        OGRLayerH from;
        while (rc == 0 && (f = GDALDatasetGetNextFeature(r->ds, &from, NULL, NULL, NULL))) {
            if (from == r->lyr)
                rc = feature(r, f, fn, arg);
            OGR_F_Destroy(f);
        }
        return rc;
    }
    OGR_L_ResetReading(r->lyr);
    while (rc == 0 && (f = OGR_L_GetNextFeature(r->lyr))) {
        rc = feature(r, f, fn, arg);
        OGR_F_Destroy(f);
    }
    return rc;
}

/* ---- the whole ------------------------------------------------------------------ */

static int open_source(struct gis_roads *r)
{
    struct stat st;
    if (stat(r->o->path, &st) < 0) {
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_CANNOT_OPEN), r->o->path,
                 lang_errno(r->l, errno));
        return -1;
    }
    if (!(r->ds = GDALOpenEx(r->o->path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL))) {
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_UNREADABLE), r->o->path);
        return -1;
    }
    snprintf(r->src->driver, sizeof r->src->driver, "%s",
             GDALGetDriverShortName(GDALGetDatasetDriver(r->ds)));
    return 0;
}

/* A layer without a coordinate system: WGS-84 if its extent is in degrees. */
static int check_srs(struct gis_roads *r)
{
    OGRSpatialReferenceH s = OGR_L_GetSpatialRef(r->lyr);
    if (s)
        return to_wgs84(r, s, r->o->path, &r->ct);
    OGREnvelope e;
    if (OGR_L_GetExtent(r->lyr, &e, 1) == OGRERR_NONE
        && !(e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90)) {
        snprintf(r->err, r->errlen, lang_text(r->l, T_GIS_NO_SRS), r->o->path, r->src->layer,
                 e.MinX, e.MaxX, e.MinY, e.MaxY);
        return -1;
    }
    r->src->assumed_wgs84 = 1;
    return 0;
}

struct gis_roads *gis_open(const struct gis_read_opts *o, struct gis_source *src, enum lang l,
                           char *err, size_t errlen)
{
    struct gis_roads *r = calloc(1, sizeof *r);
    memset(src, 0, sizeof *src);
    src->lon0 = src->lat0 = INFINITY;
    src->lon1 = src->lat1 = -INFINITY;
    if (!r) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return NULL;
    }
    *r = (struct gis_roads){ .o = o, .src = src, .l = l, .err = err, .errlen = errlen };
    gis_init();
    if (open_source(r) < 0 || choose_layer(r) < 0 || resolve_fields(r) < 0 || check_srs(r) < 0
        || (o->clip && read_area(r) < 0)) {
        gis_close(r);
        return NULL;
    }
    return r;
}

int gis_lines(struct gis_roads *r, int (*fn)(const struct gis_line *line, void *arg), void *arg)
{
    return read_features(r, fn, arg);
}

void gis_close(struct gis_roads *r)
{
    if (!r)
        return;
    if (r->prepared)
        OGRDestroyPreparedGeometry(r->prepared);
    if (r->area)
        OGR_G_DestroyGeometry(r->area);
    if (r->point)
        OGR_G_DestroyGeometry(r->point);
    if (r->ct)
        OCTDestroyCoordinateTransformation(r->ct);
    if (r->ds)
        GDALClose(r->ds);
    free(r->x);
    free(r->y);
    free(r);
}
