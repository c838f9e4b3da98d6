/*
 * coverage.h -- free-flow analyses of a definition: the road network built
 * from it, and for every township the truck time from the central depot and
 * from the nearest sub-centre (the echelons that hold bulk stock).
 */
#ifndef SUPPLYSIM_COVERAGE_H
#define SUPPLYSIM_COVERAGE_H

#include "config/definition.h"
#include "engine/network.h"

struct coverage_row {
    int township;
    int central;            /* facility index of the nearest central depot, -1 if none reaches */
    double central_min;     /* INFINITY when unreachable */
    int subcentre;          /* facility index of the nearest sub-centre, -1 if none reaches */
    double subcentre_min;
    int reached;            /* some facility (of any kind) reaches the seat */
};

/* The road network at free flow; NULL on allocation failure. */
struct net *coverage_network(const struct definition *d);

/* Fills rows[n_townships]; 0, or -1 on allocation failure. */
int coverage_table(const struct definition *d, const struct net *n, struct coverage_row *rows);

#endif
