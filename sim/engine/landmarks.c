/*
 * landmarks.c -- choosing landmarks and measuring the free-flow minutes from
 * each to every node (landmarks.h says why their differences bound the
 * minutes between two nodes).
 *
 * Farthest-point choice: the first landmark is the node farthest from node 0,
 * each next one the node farthest from all chosen so far (ties to the lower
 * node), so that landmarks sit on the network's edges, where their
 * differences are tightest.  Each landmark's search also gives the distances
 * that choose the next, so k landmarks cost k + 1 searches.  Minutes are kept
 * as Dijkstra gives them (8 bytes per node and landmark; INFINITY when the
 * landmark does not reach the node); net_bound allows for their rounding.
 * Doubles, not floats rounded down: a float's rounding would be some 1e-7 of
 * the minutes at every road, too much for the potentials of A* from both ends
 * (search.c), which must change by no more than a road's minutes along it.
 */
#include <math.h>
#include <stdlib.h>
#include "engine/landmarks.h"
#include "engine/search.h"

/* The node whose least minutes (min_to[], INFINITY: unreached) is the most. */
static int farthest(const double *min_to, int n)
{
    int best = -1;
    for (int v = 0; v < n; v++)
        if (isfinite(min_to[v]) && (best < 0 || min_to[v] > min_to[best]))
            best = v;
    return best;
}

int net_set_landmarks(struct net *n, int k)
{
    int nodes = net_n_nodes(n), made = 0;
    if (nodes == 0 || k <= 0)
        return 0;
    double *mark = malloc((size_t)nodes * (size_t)k * sizeof *mark);
    double *min_to = calloc((size_t)nodes, sizeof *min_to);
    struct net_search *s = net_search_create(n);
    int rc = -1;
    if (!mark || !min_to || !s)
        goto done;
    net_search_run(s, 0, NULL, NULL, 0);
    for (int v = 0; v < nodes; v++)
        min_to[v] = net_search_minutes(s, v);
    for (int at = farthest(min_to, nodes); made < k && at >= 0; made++) {
        net_search_run(s, at, NULL, NULL, 0);
        if (net_search_failed(s))
            goto done;
        for (int v = 0; v < nodes; v++) {
            double d = net_search_minutes(s, v);
            mark[(size_t)v * (size_t)k + (size_t)made] = d;
            min_to[v] = made == 0 ? d : fmin(min_to[v], d);
        }
        at = farthest(min_to, nodes);
        if (at >= 0 && !(min_to[at] > 0))
            at = -1;                   /* every node is a landmark already */
    }
    for (int v = 0; v < nodes && made < k; v++)      /* fewer made: pack the table */
        for (int i = 0; i < made; i++)
            mark[(size_t)v * (size_t)made + (size_t)i] = mark[(size_t)v * (size_t)k + (size_t)i];
    net_attach_landmarks(n, made, mark);
    mark = NULL;
    rc = 0;
done:
    free(mark);
    free(min_to);
    net_search_free(s);
    return rc;
}
