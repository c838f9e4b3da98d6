/*
 * export.h -- the road network written for GIS tools and independent checks
 * (`supplysim --export-network DIR`): nodes.csv, roads.csv, network.geojson.
 */
#ifndef SUPPLYSIM_RESULTS_EXPORT_H
#define SUPPLYSIM_RESULTS_EXPORT_H

#include <stddef.h>
#include "config/definition.h"
#include "engine/lang.h"

/* Writes nodes.csv, roads.csv and network.geojson into dir; 0, or -1 with a
 * message. */
int export_network(const struct definition *d, const char *dir, enum lang l, char *err,
                   size_t errlen);

#endif
