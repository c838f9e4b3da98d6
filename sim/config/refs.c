/*
 * refs.c -- what a setting names by id, shared by the readers of the
 * system, the disaster, the warnings and the levers: the roads a corridor
 * name or "FROM-TO" stands for (disaster.protect and .close, a lever's
 * protect), and the amounts of items named by their ids (a facility's
 * stock, stock sent ahead).  Below every reader that uses them; it uses
 * only get.c's getters and id maps and suggest.c's nearest names.  A name that stands for nothing is an error at its
 * setting, with the nearest name when there is one.
 */
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"

/* ---- roads ------------------------------------------------------------- */

/* The index of the node with this id: by the id map m when given (which
 * also holds the ids of places put on the network, config/snap.c), else
 * among every node (villages are not in the maps); -1 when none.
 * O(log nodes), else O(nodes). */
static int node_named(const struct definition *d, const struct maps *m, const char *id,
                      size_t len)
{
    char buf[256];
    if (m && len < sizeof buf) {
        memcpy(buf, id, len);
        buf[len] = '\0';
        int i = cfg_idmap_find(&m->nodes, buf);
        if (i >= 0)
            return i;
    }
    for (int i = 0; i < d->n_nodes; i++)
        if (strlen(d->nodes[i].id) == len && !strncmp(d->nodes[i].id, id, len))
            return i;
    return -1;
}

/* Marks the roads `name` stands for: every road of the corridor of that name,
 * else the roads joining FROM and TO of "FROM-TO" (node ids may hold '-', so
 * every split is tried).  The number of roads marked. */
int cfg_mark_roads(const struct definition *d, const struct maps *m, const char *name,
                   unsigned char *mark)
{
    int n = 0;
    for (int i = 0; i < d->n_roads; i++)
        if (!strcmp(d->roads[i].name, name))
            mark[i] = 1, n++;
    for (const char *dash = strchr(name, '-'); !n && dash; dash = strchr(dash + 1, '-')) {
        int a = node_named(d, m, name, (size_t)(dash - name));
        int b = node_named(d, m, dash + 1, strlen(dash + 1));
        for (int i = 0; a >= 0 && b >= 0 && i < d->n_roads; i++)
            if ((d->roads[i].from == a && d->roads[i].to == b)
                || (d->roads[i].from == b && d->roads[i].to == a))
                mark[i] = 1, n++;
    }
    return n;
}

void cfg_road_ref(struct reader *r, const struct maps *m, const config_setting_t *e,
                  const char *road, unsigned char *mark)
{
    if (cfg_mark_roads(r->d, m, road, mark) > 0)
        return;
    char hint[256];
    const char **names = malloc(((size_t)r->d->n_roads + 1) * sizeof *names);
    for (int k = 0; names && k < r->d->n_roads; k++)
        names[k] = r->d->roads[k].name;
    cfg_did_you_mean(r->c->lang, road, names, names ? r->d->n_roads : 0, hint, sizeof hint);
    free(names);
    FAIL(r, e, NULL, T_CFG_ROAD_NAME, road, hint);
}

/* ---- amounts of items ------------------------------------------------ */

/* Adds the units of each item named in group g (may be NULL) into out[]. */
void cfg_amounts(struct reader *r, const config_setting_t *g, const struct maps *m,
                 double *out)
{
    if (!g || r->bad)
        return;
    if (!config_setting_is_group(g)) {
        FAIL(r, g, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_AMOUNTS), cfg_found(r, g));
        return;
    }
    for (int i = 0; i < config_setting_length(g) && !r->bad; i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        int it = cfg_idmap_find(&m->items, config_setting_name(s));
        if (it < 0)
            cfg_not_id(r, s, &m->items, T_CFG_KIND_ITEM, T_CFG_ITEM_ID, config_setting_name(s));
        else
            out[it] = cfg_num_of(r, s, NONNEG);
    }
}
