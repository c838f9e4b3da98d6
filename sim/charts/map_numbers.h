/*
 * map_numbers.h -- the road numbers on the map (map_numbers.c), placed on
 * a view of the map's layout after its names.
 */
#ifndef SUPPLYSIM_MAP_NUMBERS_H
#define SUPPLYSIM_MAP_NUMBERS_H

#include "charts/map_layout.h"

/* Adds the road numbers of view v as points of kind "road", clear of the
 * boxes in m->fixed[v] (the names: map_name_view first), adding theirs; 0,
 * or -1 when out of memory. */
int map_road_numbers(const struct chart_ctx *c, struct map_layout *m, int v);

#endif
