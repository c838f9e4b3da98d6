/*
 * spatial.c -- a uniform grid of points over their bounding box, and walks
 * outwards from a query point, ring of cells by ring (spatial.h).
 *
 * Invariant: the points of cell c = cy * nx + cx are item[first[c] ..
 * first[c+1]) in increasing index; cell (cx, cy) holds longitudes in
 * [lon0 + cx dlon, lon0 + (cx+1) dlon) and latitudes likewise (the last row
 * and column also hold the upper edge).  Ring k around (qx, qy) is the
 * square's border max(|cx - qx|, |cy - qy|) = k: 8k cells for k >= 1, walked
 * as its top and bottom rows and its two columns, each clipped to the grid.
 *
 * The bound.  While ring k is being walked, every point not yet returned is
 * outside the block of rings 0..k-1, so it differs from the query point by at
 * least gap_lat in latitude or gap_lon in longitude (the query point's
 * distance to the block's edges; no gap on a side where the block reaches the
 * grid's edge, since no point lies beyond).  On a sphere
 *     hav(d / R) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon),
 * so d >= R dlat, and d >= 2R asin(c sin(dlon / 2)) with c the least cosine
 * of a latitude in the grid or of the query point.
 */
#include "engine/spatial.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include "engine/geo.h"

#define R_KM 6371.0
#define DEG (M_PI / 180.0)

struct spatial {
    int n, nx, ny;
    double lon0, lat0, dlon, dlat;
    double cos_min;          /* least cos(latitude) over the grid */
    const double *lon, *lat; /* not owned: the caller keeps them */
    int *first, *item;
};

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static int cell_x(const struct spatial *g, double lon)
{
    return clamp((int)floor((lon - g->lon0) / g->dlon), 0, g->nx - 1);
}

static int cell_y(const struct spatial *g, double lat)
{
    return clamp((int)floor((lat - g->lat0) / g->dlat), 0, g->ny - 1);
}

/* The grid's box and shape: about two points to a cell, cells near square
 * on the ground. */
static void shape(struct spatial *g, const double *lon, const double *lat)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (int i = 0; i < g->n; i++) {
        x0 = fmin(x0, lon[i]), x1 = fmax(x1, lon[i]);
        y0 = fmin(y0, lat[i]), y1 = fmax(y1, lat[i]);
    }
    if (g->n == 0)
        x0 = x1 = y0 = y1 = 0;
    double mid = cos((y0 + y1) / 2 * DEG), w = (x1 - x0) * mid, h = y1 - y0;
    double cells = g->n / 2.0 > 1 ? g->n / 2.0 : 1;
    double nx = w > 0 && h > 0 ? sqrt(cells * w / h) : (w > 0 ? cells : 1);
    g->nx = clamp((int)ceil(nx), 1, 4096);
    g->ny = clamp((int)ceil(cells / g->nx), 1, 4096);
    if (h <= 0)
        g->ny = 1;
    g->lon0 = x0;
    g->lat0 = y0;
    g->dlon = x1 > x0 ? (x1 - x0) / g->nx : 1;
    g->dlat = y1 > y0 ? (y1 - y0) / g->ny : 1;
    g->cos_min = fmin(cos(y0 * DEG), cos(y1 * DEG));
}

struct spatial *spatial_create(int n, const double *lon, const double *lat)
{
    struct spatial *g = calloc(1, sizeof *g);
    if (g == NULL)
        return NULL;
    g->n = n;
    g->lon = lon;
    g->lat = lat;
    shape(g, lon, lat);
    size_t cells = (size_t)g->nx * (size_t)g->ny;
    g->first = calloc(cells + 1, sizeof *g->first);
    g->item = malloc(((size_t)n + 1) * sizeof *g->item);
    if (g->first == NULL || g->item == NULL) {
        spatial_free(g);
        return NULL;
    }
    for (int i = 0; i < n; i++)             /* counts, summed: first[c] = end of c */
        g->first[(size_t)cell_y(g, lat[i]) * g->nx + cell_x(g, lon[i])]++;
    for (size_t c = 1; c <= cells; c++)
        g->first[c] += g->first[c - 1];
    for (int i = n - 1; i >= 0; i--)        /* backwards: each cell ends up ascending, */
        g->item[--g->first[(size_t)cell_y(g, lat[i]) * g->nx + cell_x(g, lon[i])]] = i;
                                            /* and first[c] = start of c */
    return g;
}

void spatial_free(struct spatial *g)
{
    if (g == NULL)
        return;
    free(g->first);
    free(g->item);
    free(g);
}

void spatial_walk_start(const struct spatial *g, struct spatial_walk *w, double lon, double lat)
{
    *w = (struct spatial_walk){ lon, lat, fmin(g->cos_min, cos(lat * DEG)), g->n == 0 ? INFINITY : 0,
                                cell_x(g, lon), cell_y(g, lat), 0, 0, INT_MIN, g->n == 0 };
}

/* Side `side` of ring k, clipped to the grid: the cells (*x, y) for x in
 * [*lo, *hi] (sides 0 and 1, rows) or (x, *y) for y in [*lo, *hi] (sides 2
 * and 3, columns); 0 when the side lies outside the grid or is empty. */
static int ring_side(const struct spatial *g, const struct spatial_walk *w, int k, int side,
                     int *fixed, int *lo, int *hi)
{
    if (k == 0) {
        *fixed = w->cy, *lo = *hi = w->cx;
        return side == 0;
    }
    if (side < 2) {
        *fixed = side == 0 ? w->cy + k : w->cy - k;
        *lo = w->cx - k > 0 ? w->cx - k : 0;
        *hi = w->cx + k < g->nx - 1 ? w->cx + k : g->nx - 1;
        return *fixed >= 0 && *fixed < g->ny;
    }
    *fixed = side == 2 ? w->cx - k : w->cx + k;
    *lo = w->cy - k + 1 > 0 ? w->cy - k + 1 : 0;
    *hi = w->cy + k - 1 < g->ny - 1 ? w->cy + k - 1 : g->ny - 1;
    return *fixed >= 0 && *fixed < g->nx && *lo <= *hi;
}

/* Every cell lies within ring k of the query cell. */
static int covers(const struct spatial *g, const struct spatial_walk *w, int k)
{
    return w->cx - k <= 0 && w->cx + k >= g->nx - 1 && w->cy - k <= 0 && w->cy + k >= g->ny - 1;
}

/* Every point outside the block of rings 0..k around the query cell is at
 * least this far (see the top). */
static double ring_bound(const struct spatial *g, const struct spatial_walk *w, int k)
{
    if (covers(g, w, k))
        return INFINITY;
    double left = w->cx - k <= 0 ? -INFINITY : g->lon0 + (w->cx - k) * g->dlon;
    double right = w->cx + k >= g->nx - 1 ? INFINITY : g->lon0 + (w->cx + k + 1) * g->dlon;
    double low = w->cy - k <= 0 ? -INFINITY : g->lat0 + (w->cy - k) * g->dlat;
    double high = w->cy + k >= g->ny - 1 ? INFINITY : g->lat0 + (w->cy + k + 1) * g->dlat;
    /* less a hair, for a point that rounding put on the far side of an edge */
    double gap_lon = fmin(w->lon - left, right - w->lon) - 1e-9 * g->dlon;
    double gap_lat = fmin(w->lat - low, high - w->lat) - 1e-9 * g->dlat;
    if (gap_lon <= 0 || gap_lat <= 0)
        return 0;                      /* the query point lies outside the grid */
    double by_lat = R_KM * gap_lat * DEG;
    double by_lon = 2 * R_KM * asin(fmin(1.0, w->cos_min * sin(fmin(gap_lon * DEG, M_PI) / 2)));
    return fmax(0.0, fmin(by_lat, by_lon) * (1 - 1e-9));
}

int spatial_walk_next(const struct spatial *g, struct spatial_walk *w, const int **items)
{
    while (!w->done) {
        int fixed, lo, hi;
        if (w->side > 3) {
            if (covers(g, w, w->ring)) {
                w->done = 1;
                w->bound = INFINITY;
                break;
            }
            w->bound = ring_bound(g, w, w->ring);   /* what the next ring begins with */
            w->ring++;
            w->side = 0;
            w->at = INT_MIN;
            continue;
        }
        if (!ring_side(g, w, w->ring, w->side, &fixed, &lo, &hi) || w->at > hi) {
            w->side++;
            w->at = INT_MIN;
            continue;
        }
        if (w->at < lo)
            w->at = lo;
        int x = w->side < 2 ? w->at : fixed, y = w->side < 2 ? fixed : w->at;
        w->at++;
        size_t c = (size_t)y * g->nx + x;
        *items = &g->item[g->first[c]];
        return g->first[c + 1] - g->first[c];
    }
    return -1;
}

double spatial_walk_bound(const struct spatial *g, const struct spatial_walk *w)
{
    (void)g;
    return w->bound;
}

int spatial_nearest(const struct spatial *g, double lon, double lat)
{
    struct spatial_walk w;
    const int *items;
    int best = -1, n;
    double best_km = INFINITY;
    spatial_walk_start(g, &w, lon, lat);
    while (!(spatial_walk_bound(g, &w) > best_km) && (n = spatial_walk_next(g, &w, &items)) >= 0)
        for (int j = 0; j < n; j++) {
            int i = items[j];
            double km = geo_km(lon, lat, g->lon[i], g->lat[i]);
            if (km < best_km || (km == best_km && i < best)) {
                best_km = km;
                best = i;
            }
        }
    return best;
}
