/*
 * class_map.h -- which of supplysim's five road classes each value of a
 * GIS layer's class field stands for (`import-network`): a default table
 * (OpenStreetMap's highway values, or the five names in English and
 * Chinese for other data), overridden row by row by a --class-map file,
 * and a tally of the values met that no row names, so that the importer
 * can list them all at once.
 */
#ifndef SUPPLYSIM_CMD_CLASS_MAP_H
#define SUPPLYSIM_CMD_CLASS_MAP_H

#include <stddef.h>
#include "engine/lang.h"

#define CLASS_DROP (-1)       /* not a road for trucks (footways, paths, steps ...) */

struct class_row { char *value; int cls; long count; double km; };

struct class_map {
    struct class_row *rows; int n, cap;          /* the table, overrides replacing rows */
    struct class_row *unknown; int n_unknown, cap_unknown;   /* values met, no row */
    int osm;                                     /* the OpenStreetMap table */
};

/* The default table: OpenStreetMap's highway values when osm, else the five
 * class names (and 高速公路, 国道, 省道, 县道, 乡道, 村道).  0, or -1 when out
 * of memory. */
int class_map_init(struct class_map *m, int osm);

/* Rows `value,class` of a CSV file (header `value,class`; class one of the
 * five or `drop`) replace or join the table's.  0, or -1 with
 * "FILE:LINE: class: expected ..., found ..." (or why the file cannot be
 * read) in err. */
int class_map_read(struct class_map *m, const char *path, enum lang l, char *err, size_t errlen);

/* The row of a value ("" for an empty field), whose count and km the
 * caller adds to; NULL when no row names it.  O(rows). */
struct class_row *class_map_row(struct class_map *m, const char *value);

/* Counts a value no row names: `lines` more lines, km more km; 0, or -1
 * when out of memory. */
int class_map_tally(struct class_map *m, const char *value, int lines, double km);

/* The unknown values listed for a message ("\"busway\" (12 lines, 3.4 km),
 * ...", the first few, most lines first) into buf. */
void class_map_unknown_list(struct class_map *m, enum lang l, char *buf, size_t n);

void class_map_free(struct class_map *m);

#endif
