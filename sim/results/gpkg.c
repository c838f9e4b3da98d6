/*
 * gpkg.c -- GeoPackage files through GDAL's OGR C API (gpkg.h).
 *
 * A file is one SQLite transaction, its layers created inside it; the
 * file is written as DIR/.NAME.tmp-PID.gpkg and renamed to DIR/NAME when
 * closed without error.  Errors are sticky: after the first failure every
 * call does nothing, and gpkg_commit reports it; a signal to stop the run
 * (engine/stop.h) counts as one, looked at every 4,096 features.  GDAL
 * stamps each layer with the date it was written; OGR_CURRENT_DATE, set
 * here from the run's date, fixes it, and gpkg_commit makes every layer's
 * the date at the end, so that a file is the same bytes for the same run
 * and carries report.html's date.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include "engine/stop.h"
#include "results/gpkg.h"
#include "results/outfile.h"

struct gpkg {
    GDALDatasetH ds;
    OGRSpatialReferenceH wgs84;
    OGRLayerH layer;
    OGRFeatureH f;            /* the feature being made, or NULL */
    OGRGeometryH lines;       /* its multi-line, for a LINES layer */
    enum gpkg_geometry geom;
    char *tmp, *final;
    enum lang lang;
    int bad;
    long added;               /* features so far: a signal is looked at every 4,096 */
    char why[512];
};

void gis_init(void)
{
    static int done;          /* once per process; GDAL's registry is itself global */
    if (done)
        return;
    CPLSetErrorHandler(CPLQuietErrorHandler);
    GDALAllRegister();
    done = 1;
}

const char *gis_error(void)
{
    const char *m = CPLGetLastErrorMsg();
    return m ? m : "";
}

static void fail(struct gpkg *g)
{
    if (!g->bad)
        snprintf(g->why, sizeof g->why, "%s", gis_error()[0] ? gis_error()
                                                             : lang_text(g->lang, T_CMD_OUT_OF_MEMORY));
    g->bad = 1;
}

/* GeoPackage's form of the run's date, 2023-11-14T22:13:20.000Z, into buf
 * (40 bytes) and GDAL's OGR_CURRENT_DATE. */
static int set_date(enum lang l, char *buf, char *err, size_t errlen)
{
    time_t t;
    int fixed;
    struct tm tm;
    if (out_run_time(l, &t, &fixed, err, errlen) < 0)
        return -1;
    if (!gmtime_r(&t, &tm) || !strftime(buf, 40, "%Y-%m-%dT%H:%M:%S.000Z", &tm)) {
        snprintf(err, errlen, "%s", lang_text(l, T_BRIEF_NO_CLOCK));
        return -1;
    }
    CPLSetConfigOption("OGR_CURRENT_DATE", buf);
    return 0;
}

/* Every layer's date made the run's date now, at the end: a run begins its
 * file while the replications run (gis.h), and its date is to be the one
 * report.html, written next, carries. */
static void stamp(struct gpkg *g)
{
    char date[40], sql[96];
    if (g->bad)
        return;
    if (set_date(g->lang, date, g->why, sizeof g->why) < 0) {
        g->bad = 1;
        return;
    }
    snprintf(sql, sizeof sql, "UPDATE gpkg_contents SET last_change = '%s'", date);
    CPLErrorReset();
    OGRLayerH none = GDALDatasetExecuteSQL(g->ds, sql, NULL, NULL);
    if (none)
        GDALDatasetReleaseResultSet(g->ds, none);
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
        fail(g);
}

static char *path_of(const char *dir, const char *name, const char *pre, const char *post)
{
    size_t n = strlen(dir) + strlen(name) + strlen(pre) + strlen(post) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s", dir, pre, name, post);
    return p;
}

struct gpkg *gpkg_create(const char *dir, const char *name, enum lang l, char *err,
                         size_t errlen)
{
    char post[48], date[40];
    gis_init();
    if (set_date(l, date, err, errlen) < 0)
        return NULL;
    struct gpkg *g = calloc(1, sizeof *g);
    snprintf(post, sizeof post, ".tmp-%ld.gpkg", (long)getpid());
    if (!g || !(g->final = path_of(dir, name, "", "")) || !(g->tmp = path_of(dir, name, ".", post))
        || !(g->wgs84 = OSRNewSpatialReference(NULL))) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        gpkg_abort(g);
        return NULL;
    }
    g->lang = l;
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    CPLErrorReset();
    if (OSRImportFromEPSG(g->wgs84, 4326) != OGRERR_NONE || !drv
        || !(g->ds = GDALCreate(drv, g->tmp, 0, 0, 0, GDT_Unknown, NULL))
        || GDALDatasetStartTransaction(g->ds, 0) != OGRERR_NONE) {
        snprintf(err, errlen, lang_text(l, T_GIS_WRITE), g->final, gis_error());
        gpkg_abort(g);
        return NULL;
    }
    OSRSetAxisMappingStrategy(g->wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    return g;
}

void gpkg_layer(struct gpkg *g, const char *name, enum gpkg_geometry geom,
                const struct gpkg_field *fields, int n_fields)
{
    static const OGRwkbGeometryType type[] = { wkbPoint, wkbLineString, wkbMultiLineString };
    static const OGRFieldType ftype[] = { OFTString, OFTInteger64, OFTReal };
    if (g->bad)
        return;
    g->geom = geom;
    if (!(g->layer = GDALDatasetCreateLayer(g->ds, name, g->wgs84, type[geom], NULL))) {
        fail(g);
        return;
    }
    for (int i = 0; i < n_fields && !g->bad; i++) {
        OGRFieldDefnH fd = OGR_Fld_Create(fields[i].name, ftype[fields[i].type]);
        if (!fd || OGR_L_CreateField(g->layer, fd, 1) != OGRERR_NONE)
            fail(g);
        if (fd)
            OGR_Fld_Destroy(fd);
    }
}

/* The feature being made, created on its first field or geometry. */
static OGRFeatureH feature(struct gpkg *g)
{
    if (!g->bad && !g->f && !(g->f = OGR_F_Create(OGR_L_GetLayerDefn(g->layer))))
        fail(g);
    return g->bad ? NULL : g->f;
}

void gpkg_text(struct gpkg *g, int field, const char *v)
{
    OGRFeatureH f = feature(g);
    if (f && v)
        OGR_F_SetFieldString(f, field, v);
}

void gpkg_int(struct gpkg *g, int field, long long v)
{
    OGRFeatureH f = feature(g);
    if (f)
        OGR_F_SetFieldInteger64(f, field, v);
}

void gpkg_real(struct gpkg *g, int field, double v)
{
    OGRFeatureH f = feature(g);
    if (f && isfinite(v))
        OGR_F_SetFieldDouble(f, field, v);
}

void gpkg_point(struct gpkg *g, double lon, double lat)
{
    OGRFeatureH f = feature(g);
    OGRGeometryH p = f ? OGR_G_CreateGeometry(wkbPoint) : NULL;
    if (f && !p)
        fail(g);
    if (!p)
        return;
    OGR_G_SetPoint_2D(p, 0, lon, lat);
    if (OGR_F_SetGeometryDirectly(f, p) != OGRERR_NONE)
        fail(g);
}

void gpkg_line(struct gpkg *g, const double *lon, const double *lat, int n)
{
    OGRFeatureH f = feature(g);
    OGRGeometryH l = f ? OGR_G_CreateGeometry(wkbLineString) : NULL;
    if (f && !l)
        fail(g);
    if (!l)
        return;
    OGR_G_SetPointCount(l, n);
    for (int i = 0; i < n; i++)
        OGR_G_SetPoint_2D(l, i, lon[i], lat[i]);
    if (g->geom == GPKG_LINE) {
        if (OGR_F_SetGeometryDirectly(f, l) != OGRERR_NONE)
            fail(g);
        return;
    }
    if (!g->lines && !(g->lines = OGR_G_CreateGeometry(wkbMultiLineString)))
        fail(g);
    if (g->bad || OGR_G_AddGeometryDirectly(g->lines, l) != OGRERR_NONE) {
        OGR_G_DestroyGeometry(l);
        fail(g);
    }
}

void gpkg_layer_done(struct gpkg *g)
{
    if (!g->bad && g->layer && OGR_L_SyncToDisk(g->layer) != OGRERR_NONE)
        fail(g);
}

void gpkg_add(struct gpkg *g)
{
    if (!g->bad && ++g->added % 4096 == 0 && stop_requested()) {
        snprintf(g->why, sizeof g->why, "interrupted");   /* the command tells of the signal */
        g->bad = 1;
    }
    OGRFeatureH f = feature(g);
    if (f && g->lines) {
        if (OGR_F_SetGeometryDirectly(f, g->lines) != OGRERR_NONE)
            fail(g);
        g->lines = NULL;
    }
    if (f && OGR_L_CreateFeature(g->layer, f) != OGRERR_NONE)
        fail(g);
    if (g->f)
        OGR_F_Destroy(g->f);
    g->f = NULL;
}

static void close_all(struct gpkg *g)
{
    if (g->lines)
        OGR_G_DestroyGeometry(g->lines);
    if (g->f)
        OGR_F_Destroy(g->f);
    g->lines = g->f = NULL;
    if (g->ds) {                      /* GDALClose says nothing: its error says */
        CPLErrorReset();
        GDALClose(g->ds);
        if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
            fail(g);
    }
    g->ds = NULL;
}

static void free_all(struct gpkg *g)
{
    if (g->wgs84)
        OSRDestroySpatialReference(g->wgs84);
    free(g->tmp);
    free(g->final);
    free(g);
}

int gpkg_commit(struct gpkg *g, char *err, size_t errlen)
{
    stamp(g);
    if (!g->bad && GDALDatasetCommitTransaction(g->ds) != OGRERR_NONE)
        fail(g);
    close_all(g);
    if (!g->bad && rename(g->tmp, g->final) < 0)
        snprintf(g->why, sizeof g->why, "%s", lang_errno(g->lang, errno)), g->bad = 1;
    if (g->bad) {
        snprintf(err, errlen, lang_text(g->lang, T_GIS_WRITE), g->final, g->why);
        unlink(g->tmp);
        free_all(g);
        return -1;
    }
    free_all(g);
    return 0;
}

void gpkg_abort(struct gpkg *g)
{
    if (!g)
        return;
    close_all(g);
    if (g->tmp)
        unlink(g->tmp);
    free_all(g);
}
