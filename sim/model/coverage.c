/*
 * coverage.c -- free-flow coverage of the townships by the bulk echelons,
 * and the free-flow network the model and --check both build.
 *
 * Three searches over the whole network, whatever the number of facilities:
 * one from every central depot at once (each seat gets the nearest, the first
 * listed among equally near ones), one from every sub-centre at once, and one
 * from every facility at once (does any reach the seat).  O((V + E) log V).
 */
#include <math.h>
#include <stdlib.h>
#include "engine/search.h"
#include "model/coverage.h"

/* The network with its nodes' positions, for net_bound. */
struct net *coverage_network(const struct definition *d)
{
    size_t nr = (size_t)(d->n_roads ? d->n_roads : 1), nn = (size_t)d->n_nodes + 1;
    struct net_road *r = malloc(nr * sizeof *r);
    double *lon = malloc(nn * sizeof *lon), *lat = malloc(nn * sizeof *lat);
    struct net *n = NULL;
    if (!r || !lon || !lat)
        goto done;
    for (int i = 0; i < d->n_roads; i++)
        r[i] = (struct net_road){ d->roads[i].from, d->roads[i].to, definition_road_minutes(d, i) };
    for (int v = 0; v < d->n_nodes; v++) {
        lon[v] = d->nodes[v].lon;
        lat[v] = d->nodes[v].lat;
    }
    n = net_create(d->n_nodes, d->n_roads, r);
    if (n && net_set_points(n, lon, lat) < 0) {
        net_free(n);
        n = NULL;
    }
done:
    free(r);
    free(lon);
    free(lat);
    return n;
}

/* The facilities of one kind (all kinds: kind < 0), in index order, into
 * srcs (their nodes) and fac (their indices); how many. */
static int of_kind(const struct definition *d, int kind, int *srcs, int *fac)
{
    int n = 0;
    for (int f = 0; f < d->n_facilities; f++)
        if (kind < 0 || d->facilities[f].kind == (enum facility_kind)kind) {
            srcs[n] = d->facilities[f].node;
            fac[n++] = f;
        }
    return n;
}

int coverage_table(const struct definition *d, const struct net *n, struct coverage_row *rows)
{
    size_t nf = (size_t)d->n_facilities + 1;
    struct net_search *s = net_search_create(n);
    int *srcs = malloc(nf * sizeof *srcs), *fac = malloc(nf * sizeof *fac), rc = -1;
    if (!s || !srcs || !fac)
        goto done;
    for (int t = 0; t < d->n_townships; t++)
        rows[t] = (struct coverage_row){ t, -1, INFINITY, -1, INFINITY, 0 };
    static const int kinds[3] = { FAC_CENTRAL, FAC_SUBCENTRE, -1 };
    for (int k = 0; k < 3; k++) {
        int ns = of_kind(d, kinds[k], srcs, fac);
        net_search_run_multi(s, srcs, ns, NULL);
        if (net_search_failed(s))
            goto done;
        for (int t = 0; t < d->n_townships; t++) {
            struct coverage_row *row = &rows[t];
            int seat = d->townships[t].node, o = net_search_origin(s, seat);
            double m = net_search_minutes(s, seat);
            if (o < 0)
                continue;
            if (kinds[k] == FAC_CENTRAL)
                row->central = fac[o], row->central_min = m;
            else if (kinds[k] == FAC_SUBCENTRE)
                row->subcentre = fac[o], row->subcentre_min = m;
            else
                row->reached = 1;
        }
    }
    rc = 0;
done:
    net_search_free(s);
    free(srcs);
    free(fac);
    return rc;
}
