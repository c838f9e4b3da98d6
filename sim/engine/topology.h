/*
 * topology.h -- a road graph from polylines, as a GIS layer gives roads:
 * each line a list of points with a class and a name.  Lines that share a
 * point (the same point to within a grid step) meet there; the graph keeps
 * the largest connected piece and merges every chain of points met by
 * exactly two segments of one class and name into one road, whose length is
 * the sum of its segments' great-circle lengths: routing works on the few
 * points that matter while every distance stays that of the drawn line.
 *
 * It knows nothing of GIS formats or of supplysim's road classes: a class
 * and a name are numbers the caller gives (cmd/import_network.c reads the
 * lines with GDAL and maps the classes), so it is tested alone
 * (tests/test_topology.c).
 *
 * Positions are rounded to 1e-7 degrees (OpenStreetMap stores 7 decimals)
 * and a point is the one already added within less than `step` such units
 * of it on both axes: step 1 joins only equal positions, the points OSM
 * shares; a larger step joins lines digitised without shared vertices.  A
 * node's position is its point's, lon = x / 1e7, the double nearest the
 * decimal.  With step 1 the result does not depend on the order in which
 * lines were added (nodes are sorted by position, roads by their ends);
 * with a larger one, which of two nearby positions a point takes does.
 */
#ifndef SUPPLYSIM_TOPOLOGY_H
#define SUPPLYSIM_TOPOLOGY_H

struct topology;

struct topo_node {
    int x, y;                 /* grid position in 1e-7 degrees of longitude, latitude */
    double lon, lat;          /* x / 1e7, y / 1e7 */
};

struct topo_road {
    int from, to;             /* node indices, from < to */
    double km;                /* sum of the segments' great-circle km */
    double minutes;           /* sum of the segments' minutes at their speed; NAN when
                               * a segment had none */
    int cls, name;            /* as added */
};

struct topo_graph {
    struct topo_node *nodes;  int n_nodes;
    struct topo_road *roads;  int n_roads;
    double km;                /* of the roads kept */
    long segments;            /* segments kept (after duplicates are removed) */
    long duplicates;          /* segments drawn twice (the same two points), kept once */
    long dropped_pieces;      /* connected pieces other than the largest */
    long dropped_segments;
    double dropped_km;
};

/* A builder joining points within `step` (>= 1) units of 1e-7 degrees;
 * NULL when out of memory. */
struct topology *topo_create(int step);
void topo_free(struct topology *t);

/* Adds a line of n points (WGS-84 degrees, |lon| <= 180, |lat| <= 90) of
 * class cls and name name (numbers >= 0 of the caller's), at speed_kmh
 * (for minutes; NAN or <= 0: unknown).  Consecutive points that are one
 * point count once.  0, or -1 when out of memory.  O(n). */
int topo_add_line(struct topology *t, const double *lon, const double *lat, int n, int cls,
                  int name, double speed_kmh);

/* Segments added so far (for progress and limits). */
long topo_segments(const struct topology *t);

/* The graph: nodes are the points of the largest piece (by km; ties to the
 * piece holding the lowest point) met by one segment or by three or more, or
 * where class or name changes; a closed ring keeps its lowest point, and a
 * road that would run from a node back to itself is split at its middle
 * point.  Two segments joining the same two points are one (the lowest
 * class, then the lowest name, kept).  0, or -1 when out of memory (g then
 * holds nothing).  O(P log P + S log S) for P points and S segments. */
int topo_build(struct topology *t, struct topo_graph *g);
void topo_graph_free(struct topo_graph *g);

#endif
