/*
 * export.h -- the road network written for GIS tools and independent checks
 * (`supplysim --export-network DIR`): nodes.csv, roads.csv, network.geojson,
 * network.gpkg.
 */
#ifndef SUPPLYSIM_RESULTS_EXPORT_H
#define SUPPLYSIM_RESULTS_EXPORT_H

#include <stddef.h>
#include "config/definition.h"
#include "engine/lang.h"

/* Writes a network folder's nodes.csv and roads.csv of d into dir (which
 * must exist): the one writer of the schema (config/network_dir.h) for
 * --export-network and import-network.  minutes: each road's, or NULL for
 * km at the class speeds (NAN: written empty).  0, or -1 with a message. */
int export_folder(const struct definition *d, const double *minutes, const char *dir,
                  enum lang l, char *err, size_t errlen);

/* Writes nodes.csv, roads.csv, network.geojson and network.gpkg into dir
 * (made when missing); 0, or -1 with a message. */
int export_network(const struct definition *d, const char *dir, enum lang l, char *err,
                   size_t errlen);

#endif
