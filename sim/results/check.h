/*
 * check.h -- what `supplysim --check` prints about a definition, and the
 * network export for GIS tools (`--export-network DIR`).
 */
#ifndef SUPPLYSIM_CHECK_H
#define SUPPLYSIM_CHECK_H

#include <stdio.h>
#include "model/coverage.h"

/* The summary (nodes, roads by class, facilities by kind, fleets) and the
 * coverage table, for people. promise_min marks slow townships. */
void check_print(FILE *f, const struct def *d, const struct coverage_row *rows,
                 double promise_min);

/* The coverage table as CSV: township,central_min,subcentre,subcentre_min. */
void check_print_csv(FILE *f, const struct def *d, const struct coverage_row *rows);

/* Writes nodes.csv, roads.csv and network.geojson into dir; 0 or -1 with a message. */
int export_network(const struct def *d, const char *dir, char *err, size_t errlen);

#endif
