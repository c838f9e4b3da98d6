/*
 * gis.h -- what supplysim gives GIS tools (QGIS opens these as they are),
 * as GeoPackages in WGS-84 (results/gpkg.h), their layers and fields
 * documented in sim/MODEL.md ("Outputs"):
 *   results.gpkg of a run: sites (probability on time with its interval,
 *     main cause ...) and the roads the scenario's hazard can touch (the
 *     chance per run that it closes, slows or touches each, and the causes
 *     its rules name);
 *   results.gpkg of `supplysim roads`: the roads it studied with what
 *     protecting each is worth and what closing it costs, ranked;
 *   network.gpkg of --export-network: roads, nodes, facilities (kind,
 *     floor area, stock, the main fleet and a second one), townships and
 *     sites.
 * Field names are English, for scripts; names for people are in both
 * languages (name, name_zh).
 */
#ifndef SUPPLYSIM_RESULTS_GIS_H
#define SUPPLYSIM_RESULTS_GIS_H

#include <stddef.h>
#include "config/definition.h"
#include "engine/lang.h"
#include "results/gpkg.h"
#include "results/study_report.h"
#include "results/summary.h"

/* dir/results.gpkg of a run; 0, or -1 with a message in language l. */
int gis_run(const char *dir, const struct definition *d, const struct summary *s, enum lang l,
            char *err, size_t errlen);

/* The same file in two steps, so that a run can write what the definition
 * alone says while its replications go on (cmd/run.c): gis_run_begin
 * writes the roads layer with its spatial index (on a million-node grid,
 * 300,000 roads and 2.5 s); NULL with a message.  gis_run_end adds the
 * sites' results and puts the file in place (gpkg_commit: g is freed);
 * gpkg_abort drops it instead.  The steps may run on different threads,
 * one after the other, never both at once. */
struct gpkg *gis_run_begin(const char *dir, const struct definition *d, enum lang l, char *err,
                           size_t errlen);
int gis_run_end(struct gpkg *g, const struct definition *d, const struct summary *s, char *err,
                size_t errlen);

/* dir/network.gpkg; 0, or -1 with a message. */
int gis_network(const char *dir, const struct definition *d, enum lang l, char *err,
                size_t errlen);

/* dir/results.gpkg of a roads study; 0, or -1 with a message. */
int gis_roads_study(const char *dir, const struct study_view *w, char *err, size_t errlen);

#endif
