/*
 * gpkg.h -- GeoPackage files for GIS tools (QGIS opens them as they are),
 * written through GDAL: one file at a time, its layers one after the other,
 * each a list of features with a point, a line or several lines and typed
 * fields.  And GDAL itself for every caller (gis_init: once per process,
 * its messages kept quiet so that supplysim says what went wrong in its
 * own words).
 *
 * A file is written under a temporary name beside its final one and
 * renamed into place when whole, as every output (outfile.h); it carries the
 * run's date (gpkg_contents.last_change) from SOURCE_DATE_EPOCH when set
 * (outfile.h, out_run_time), so that the same seed gives the same bytes.
 */
#ifndef SUPPLYSIM_RESULTS_GPKG_H
#define SUPPLYSIM_RESULTS_GPKG_H

#include <stddef.h>
#include "engine/lang.h"

/* Registers GDAL's formats and silences its messages; idempotent. */
void gis_init(void);

/* GDAL's last error message, or "" (for messages that say why). */
const char *gis_error(void);

enum gpkg_geometry { GPKG_POINT, GPKG_LINE, GPKG_LINES };   /* LINES: a multi-line */
enum gpkg_type { GPKG_TEXT, GPKG_INT, GPKG_REAL };

struct gpkg_field { const char *name; enum gpkg_type type; };

struct gpkg;

/* Starts dir/name (a .gpkg); NULL with a message in err. */
struct gpkg *gpkg_create(const char *dir, const char *name, enum lang l, char *err,
                         size_t errlen);

/* Starts a layer of WGS-84 features with these fields (in this order). */
void gpkg_layer(struct gpkg *g, const char *name, enum gpkg_geometry geom,
                const struct gpkg_field *fields, int n_fields);

/* A feature: its fields by their index in the layer (a field not set is
 * empty, NULL in SQL; so is a REAL that is not finite and a TEXT that is
 * NULL), its geometry, then gpkg_add.  A LINES geometry takes one
 * gpkg_line per part. */
void gpkg_text(struct gpkg *g, int field, const char *v);
void gpkg_int(struct gpkg *g, int field, long long v);
void gpkg_real(struct gpkg *g, int field, double v);
void gpkg_point(struct gpkg *g, double lon, double lat);
void gpkg_line(struct gpkg *g, const double *lon, const double *lat, int n);
void gpkg_add(struct gpkg *g);

/* Finishes the layer being written now: its spatial index, which GDAL
 * otherwise builds on a thread of its own and waits for at the next layer
 * or at gpkg_commit.  The file stays one transaction. */
void gpkg_layer_done(struct gpkg *g);

/* Closes the file and puts it in place; 0, or -1 with a message (the
 * first failure of any call above, if one failed) and the file removed.
 * g is freed either way. */
int gpkg_commit(struct gpkg *g, char *err, size_t errlen);

/* Removes the file being written; g is freed. */
void gpkg_abort(struct gpkg *g);

#endif
