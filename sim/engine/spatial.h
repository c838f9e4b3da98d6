/*
 * spatial.h -- points on the earth in a uniform grid of longitude-latitude
 * cells, walked outwards from a query point ring of cells by ring, with a
 * lower bound on the great-circle distance of every point not yet walked:
 * what finds the nearest township seat of a node, and the stores near a
 * request, without looking at all of them.
 *
 * The region must not straddle the 180th meridian (a county or a province
 * never does).  A walk reads the grid only, so threads may walk one grid at
 * once, each with its own struct spatial_walk.
 */
#ifndef SUPPLYSIM_SPATIAL_H
#define SUPPLYSIM_SPATIAL_H

struct spatial;

/* A grid of points 0..n-1 at lon[i], lat[i] (degrees), about two to a cell;
 * NULL when out of memory.  O(n). */
struct spatial *spatial_create(int n, const double *lon, const double *lat);
void spatial_free(struct spatial *g);

struct spatial_walk {
    double lon, lat;         /* the query point */
    double cos_min;          /* least cosine of a latitude in the grid or the query's */
    double bound;            /* spatial_walk_bound, updated as rings begin */
    int cx, cy;              /* its cell (clamped into the grid) */
    int ring, side, at;      /* the next cell: ring `ring`, its side `side` (top, bottom,
                              * left, right), position `at` along it (INT_MIN: its start) */
    int done;
};

void spatial_walk_start(const struct spatial *g, struct spatial_walk *w, double lon, double lat);

/* The points of the next cell, nearest rings first: returns their number
 * (0 for an empty cell) with *items pointing at their indices, in increasing
 * order; -1 when every cell has been walked. */
int spatial_walk_next(const struct spatial *g, struct spatial_walk *w, const int **items);

/* Great-circle km from the query point to every point in a cell that
 * spatial_walk_next has not returned yet, at least (INFINITY when none is
 * left).  It changes only when a new ring begins.  O(1). */
double spatial_walk_bound(const struct spatial *g, const struct spatial_walk *w);

/* The nearest of the points to (lon, lat) by great-circle km (engine/geo.h),
 * the lowest index among equally near ones; -1 when there are none.
 * Usually O(1) cells. */
int spatial_nearest(const struct spatial *g, double lon, double lat);

#endif
