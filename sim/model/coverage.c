/*
 * coverage.c -- free-flow coverage of the townships by the bulk echelons.
 *
 * One Dijkstra search per central depot and sub-centre (each O((V+E) log V)),
 * plus one per other facility to tell whether any facility reaches a seat;
 * a county has a few dozen facilities, so this is instant.
 */
#include <math.h>
#include <stdlib.h>
#include "model/coverage.h"

struct net *coverage_network(const struct definition *d)
{
    struct net_road *r = malloc((size_t)(d->n_roads ? d->n_roads : 1) * sizeof *r);
    if (!r)
        return NULL;
    for (int i = 0; i < d->n_roads; i++)
        r[i] = (struct net_road){ d->roads[i].from, d->roads[i].to, definition_road_minutes(d, i) };
    struct net *n = net_create(d->n_nodes, d->n_roads, r);
    free(r);
    return n;
}

/* Keeps, per township, the nearest facility of this search's kind. */
static void take(const struct definition *d, const struct net_search *s, int f,
                 struct coverage_row *rows)
{
    for (int t = 0; t < d->n_townships; t++) {
        struct coverage_row *row = &rows[t];
        double m = net_search_minutes(s, d->townships[t].node);
        if (!isfinite(m))
            continue;
        row->reached = 1;
        if (d->facilities[f].kind == FAC_CENTRAL && m < row->central_min) {
            row->central_min = m;
            row->central = f;
        } else if (d->facilities[f].kind == FAC_SUBCENTRE && m < row->subcentre_min) {
            row->subcentre_min = m;
            row->subcentre = f;
        }
    }
}

int coverage_table(const struct definition *d, const struct net *n, struct coverage_row *rows)
{
    struct net_search *s = net_search_create(n);
    if (!s)
        return -1;
    for (int t = 0; t < d->n_townships; t++)
        rows[t] = (struct coverage_row){ t, -1, INFINITY, -1, INFINITY, 0 };
    for (int f = 0; f < d->n_facilities; f++) {
        net_search_run(s, d->facilities[f].node, NULL, NULL, 0);
        take(d, s, f, rows);
    }
    net_search_free(s);
    return 0;
}
