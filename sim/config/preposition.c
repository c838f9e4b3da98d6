/*
 * preposition.c -- warnings, and what stores send ahead when one comes:
 *
 *   disaster = { warning_min = 180.0;
 *                preposition = ( { from = "central"; to = "sites"; kits = 20.0; },
 *                                { from = "sc_south"; to = "pt_maqiao";
 *                                  stock = { quilt = 100.0; }; } ); };
 *
 * `to` is a store's id, a site's id (its village), or "sites" (every site's
 * village, one entry each); what is sent is `stock` (units per item) or
 * `kits` (that many displaced people's kits of the scenario, each item
 * rounded up to whole units).  Read into one struct preposition per
 * destination.  The invariant: every entry sends at least one unit from a
 * store with vehicles, and no store sends more of an item than it holds.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"

/* The site with this id, or -1. */
static int site_named(const struct definition *d, const char *id)
{
    for (int s = 0; s < d->n_sites; s++)
        if (!strcmp(d->sites[s].id, id))
            return s;
    return -1;
}

/* What one entry sends, per item, into units. */
static void read_units(struct reader *r, const config_setting_t *e, const struct maps *m,
                       double *units)
{
    const struct definition *d = r->d;
    const config_setting_t *kits = cfg_opt(e, "kits"), *stock = cfg_opt(e, "stock");
    if (!r->bad && (!kits) == (!stock))
        FAIL(r, e, NULL, T_CFG_AHEAD_WHAT, cfg_words(r, kits ? T_CFG_WORD_BOTH : T_CFG_WORD_NEITHER));
    if (r->bad)
        return;
    if (kits) {
        double people = cfg_num_of(r, kits, POS);
        for (int i = 0; i < d->n_items; i++)
            units[i] = ceil(people * d->kit[i] - 1e-9);
    } else {
        cfg_amounts(r, stock, m, units);
        for (int i = 0; i < d->n_items; i++)
            units[i] = ceil(units[i] - 1e-9);
    }
    double any = 0;
    for (int i = 0; i < d->n_items; i++)
        any += units[i];
    if (!r->bad && !(any > 0))
        FAIL(r, kits ? kits : stock, NULL, T_CFG_AHEAD_NONE);
}

/* Appends an entry for one destination. */
static void add(struct reader *r, const config_setting_t *e, int from, int to_fac, int to_site,
                const double *units)
{
    struct definition *d = r->d;
    struct preposition *p = realloc(d->prepos, (size_t)(d->n_prepos + 1) * sizeof *p);
    if (!p) {
        FAIL(r, e, NULL, T_CMD_OUT_OF_MEMORY);
        return;
    }
    d->prepos = p;
    p = &d->prepos[d->n_prepos];
    *p = (struct preposition){ from, to_fac, to_site,
                               cfg_alloc(r, (size_t)d->n_items, sizeof *p->units) };
    if (p->units)
        memcpy(p->units, units, (size_t)d->n_items * sizeof *units);
    d->n_prepos++;
}

static void read_entry(struct reader *r, const config_setting_t *e, const struct maps *m,
                       double *units)
{
    static const char *const known[] = { "from", "to", "stock", "kits", NULL };
    const struct definition *d = r->d;
    cfg_only_known(r, e, known);
    int from = cfg_ref(r, e, "from", &m->facilities, T_CFG_KIND_FACILITY);
    const char *to = cfg_get_str(r, e, "to");
    if (!r->bad && d->facilities[from].trucks == 0)
        FAIL(r, cfg_opt(e, "from"), NULL, T_CFG_AHEAD_FROM, d->facilities[from].id);
    memset(units, 0, (size_t)d->n_items * sizeof *units);
    read_units(r, e, m, units);
    if (r->bad)
        return;
    int fac = cfg_idmap_find(&m->facilities, to), site = site_named(d, to);
    if (!strcmp(to, "sites")) {
        for (int s = 0; s < d->n_sites && !r->bad; s++)
            add(r, e, from, -1, s, units);
    } else if (site >= 0 || (fac >= 0 && fac != from)) {
        add(r, e, from, site >= 0 ? -1 : fac, site, units);
    } else {
        FAIL(r, cfg_opt(e, "to"), NULL, T_CFG_AHEAD_TO, to);
    }
}

/* No store sends more of an item than it holds. */
static void check_stock(struct reader *r, const config_setting_t *l)
{
    const struct definition *d = r->d;
    for (int f = 0; f < d->n_facilities && !r->bad; f++)
        for (int i = 0; i < d->n_items && !r->bad; i++) {
            double sent = 0;
            for (int k = 0; k < d->n_prepos; k++)
                sent += d->prepos[k].from == f ? d->prepos[k].units[i] : 0;
            if (sent > d->facilities[f].stock[i] + 1e-9)
                FAIL(r, l, NULL, T_CFG_AHEAD_STOCK, d->facilities[f].id, d->items[i].id,
                     d->facilities[f].stock[i], sent);
        }
}

void cfg_read_preposition(struct reader *r, const config_setting_t *dis, const struct maps *m)
{
    r->d->warning_min = cfg_opt_num(r, dis, "warning_min", NONNEG, 0.0);
    const config_setting_t *l = cfg_opt(dis, "preposition") ? cfg_get_list(r, dis, "preposition", 0)
                                                            : NULL;
    double *units = l ? cfg_alloc(r, (size_t)r->d->n_items, sizeof *units) : NULL;
    for (int i = 0; l && i < config_setting_length(l) && !r->bad; i++)
        read_entry(r, config_setting_get_elem(l, i), m, units);
    free(units);
    if (l)
        check_stock(r, l);
}
