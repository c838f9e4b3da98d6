/*
 * snap.c -- places of a configuration that stand on no road, put on the
 * nearest node of the network that has one (internal.h): with a network
 * folder (an imported county), the townships' seats and the nodes the
 * configuration gives by lon, lat usually touch none of the folder's
 * roads, and a facility may be given by lon, lat instead of a node.
 *
 * A seat or node on no road is removed from the nodes, and its id names the
 * node it was put on from then on: facilities, corridors, damage rules and
 * disaster.protect that name it reach that node (the id map is pointed
 * there; indices already resolved are remapped).  Each snap is recorded in
 * the definition with its distance for --check; one farther than
 * assumptions.snap_max_km is an error (a wrong coordinate, or a folder not
 * clipped to the county).  Cost: a grid of the nodes with a road (engine/
 * spatial), O(nodes + roads), then about O(1) cells per place.
 */
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"
#include "engine/geo.h"
#include "engine/spatial.h"

struct snap_grid {
    struct spatial *sp;
    int *node;                /* the grid's points: node indices */
    double *lon, *lat;
    int n;
};

void cfg_snap_grid_free(struct snap_grid *g)
{
    if (!g)
        return;
    spatial_free(g->sp);
    free(g->node);
    free(g->lon);
    free(g->lat);
    free(g);
}

/* How many roads touch each node (calloc'd; NULL when out of memory). */
static int *degrees(const struct definition *d)
{
    int *deg = calloc((size_t)d->n_nodes + 1, sizeof *deg);
    for (int i = 0; deg && i < d->n_roads; i++)
        deg[d->roads[i].from]++, deg[d->roads[i].to]++;
    return deg;
}

/* A grid of the nodes with a road; NULL when out of memory. */
static struct snap_grid *grid_of(const struct definition *d, const int *deg)
{
    struct snap_grid *g = calloc(1, sizeof *g);
    size_t n = (size_t)d->n_nodes + 1;
    if (!g || !(g->node = malloc(n * sizeof *g->node)) || !(g->lon = malloc(n * sizeof *g->lon))
        || !(g->lat = malloc(n * sizeof *g->lat))) {
        cfg_snap_grid_free(g);
        return NULL;
    }
    for (int i = 0; i < d->n_nodes; i++)
        if (deg[i] > 0) {
            g->node[g->n] = i;
            g->lon[g->n] = d->nodes[i].lon;
            g->lat[g->n++] = d->nodes[i].lat;
        }
    if (!(g->sp = spatial_create(g->n, g->lon, g->lat))) {
        cfg_snap_grid_free(g);
        return NULL;
    }
    return g;
}

/* The node nearest (lon, lat), and its distance; an error at setting s
 * (member `member`) when there is none within snap_max_km.  -1 then. */
static int nearest(struct reader *r, const struct snap_grid *g, const config_setting_t *s,
                   const char *member, double lon, double lat, double *km)
{
    const struct definition *d = r->d;
    int k = spatial_nearest(g->sp, lon, lat);
    if (k < 0) {
        FAIL(r, s, member, T_CFG_SNAP_NONE);
        return -1;
    }
    const struct node *n = &d->nodes[g->node[k]];
    *km = geo_km(lon, lat, n->lon, n->lat);
    if (*km > d->snap_max_km) {
        FAIL(r, s, member, T_CFG_SNAP_FAR, *km, n->id, n->lon, n->lat, d->snap_max_km);
        return -1;
    }
    return g->node[k];
}

static struct snap *new_snap(struct reader *r, const config_setting_t *s)
{
    struct definition *d = r->d;
    struct snap *v = realloc(d->snaps, (size_t)(d->n_snaps + 1) * sizeof *v);
    if (!v) {
        FAIL(r, s, NULL, T_CMD_OUT_OF_MEMORY);
        return NULL;
    }
    d->snaps = v;
    return &d->snaps[d->n_snaps++];
}

/* Per node, the township whose own seat it is, or -1 (malloc'd). */
static int *seats_of(const struct definition *d)
{
    int *town = malloc(((size_t)d->n_nodes + 1) * sizeof *town);
    for (int i = 0; town && i < d->n_nodes; i++)
        town[i] = -1;
    for (int t = 0; town && t < d->n_townships; t++) {
        int i = d->townships[t].node;
        if (i >= 0 && !strcmp(d->townships[t].id, d->nodes[i].id))
            town[i] = t;
    }
    return town;
}

/* Removes the snapped nodes (orphan[i] set, target[i] their node) and
 * points every reference to them at their targets. */
static void compact(struct reader *r, struct maps *m, const unsigned char *orphan,
                    const int *target, int *newidx)
{
    struct definition *d = r->d;
    int n = d->n_nodes, k = 0, gone = 0;
    for (int i = 0; i < n; i++) {
        if (orphan[i]) {
            gone++;
            continue;
        }
        newidx[i] = k;
        d->nodes[k] = d->nodes[i];
        m->node_src[k] = m->node_src[i];
        m->node_line[k++] = m->node_line[i];
    }
    for (int i = 0; i < n; i++)
        if (orphan[i])
            newidx[i] = newidx[target[i]];
    for (int i = 0; i < d->n_roads; i++)
        d->roads[i].from = newidx[d->roads[i].from], d->roads[i].to = newidx[d->roads[i].to];
    for (int t = 0; t < d->n_townships; t++)
        d->townships[t].node = newidx[d->townships[t].node];
    for (int j = 0; j < m->nodes.n; j++)
        m->nodes.v[j].index = newidx[m->nodes.v[j].index];
    for (int j = 0; j < d->n_snaps; j++)
        d->snaps[j].node = newidx[d->snaps[j].node];
    for (int j = 0; m->grid && j < m->grid->n; j++)
        m->grid->node[j] = newidx[m->grid->node[j]];
    d->n_nodes = k;
    d->folder_node0 -= gone;
}

void cfg_snap_places(struct reader *r, struct maps *m)
{
    struct definition *d = r->d;
    if (r->bad || !m->folder)
        return;
    int n = d->n_nodes, *deg = degrees(d), orphans = 0;
    for (int i = 0; deg && i < d->folder_node0; i++)
        orphans += deg[i] == 0;
    if (!deg || orphans == 0) {
        if (!deg)
            FAIL(r, m->node_src[0], NULL, T_CMD_OUT_OF_MEMORY);
        free(deg);
        return;
    }
    unsigned char *orphan = calloc((size_t)n, 1);
    int *target = malloc((size_t)n * sizeof *target), *newidx = malloc((size_t)n * sizeof *newidx);
    int *town = seats_of(d);
    if (!orphan || !target || !newidx || !town || !(m->grid = grid_of(d, deg)))
        FAIL(r, m->node_src[0], NULL, T_CMD_OUT_OF_MEMORY);
    for (int i = 0; !r->bad && i < d->folder_node0; i++) {
        if (deg[i])
            continue;
        struct node *p = &d->nodes[i];
        double km;
        int t = town[i];
        target[i] = nearest(r, m->grid, m->node_src[i], "lon", p->lon, p->lat, &km);
        struct snap *s = r->bad ? NULL : new_snap(r, m->node_src[i]);
        if (!s)
            break;
        *s = (struct snap){ t >= 0 ? SNAP_SEAT : SNAP_NODE, t, p->id, p->lon, p->lat, target[i], km };
        free(p->name);
        free(p->name_zh);
        p->id = p->name = p->name_zh = NULL;          /* the id is the snap's now */
        orphan[i] = 1;
    }
    if (!r->bad)
        compact(r, m, orphan, target, newidx);
    free(deg), free(orphan), free(target), free(newidx), free(town);
}

int cfg_snap_point(struct reader *r, struct maps *m, const config_setting_t *e, int facility,
                   double lon, double lat)
{
    struct definition *d = r->d;
    if (r->bad)
        return -1;
    if (!m->grid) {
        int *deg = degrees(d);
        if (!deg || !(m->grid = grid_of(d, deg))) {
            FAIL(r, e, NULL, T_CMD_OUT_OF_MEMORY);
            free(deg);
            return -1;
        }
        free(deg);
    }
    double km;
    int node = nearest(r, m->grid, e, "lon", lon, lat, &km);
    struct snap *s = node >= 0 ? new_snap(r, e) : NULL;
    char *id = s ? cfg_dup(r, d->facilities[facility].id) : NULL;
    if (!s || !id)
        return -1;
    *s = (struct snap){ SNAP_FACILITY, facility, id, lon, lat, node, km };
    return node;
}
