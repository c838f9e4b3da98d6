/*
 * freeflow.c -- free-flow minutes per (store, node) pair, by A* from the
 * store with the network's lower bound (landmarks, engine/landmarks.h), kept
 * in an open-addressing table for the thread's later replications.  A* gives
 * exactly Dijkstra's minutes (engine/search.c), summed from the store, so the
 * value is the one a full search from the store would give.
 *
 * Invariant: pair[] is at most half full; a slot with key 0 is empty, any
 * other holds (src, dst) + 1 and its minutes.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "engine/search.h"
#include "model/freeflow.h"

struct pair { uint64_t key; double minutes; };

struct freeflow {
    struct net_search *astar;
    struct pair *pair;
    size_t n_pairs, cap_pairs;
};

struct freeflow *freeflow_create(const struct model *m)
{
    struct freeflow *ff = calloc(1, sizeof *ff);
    if (ff && !(ff->astar = net_search_create(m->net))) {
        free(ff);
        ff = NULL;
    }
    return ff;
}

void freeflow_free(struct freeflow *ff)
{
    if (!ff)
        return;
    net_search_free(ff->astar);
    free(ff->pair);
    free(ff);
}

static uint64_t pair_key(int src, int dst)
{
    return (((uint64_t)(unsigned)src << 32) | (unsigned)dst) + 1;
}

static size_t pair_slot(const struct freeflow *ff, uint64_t key)
{
    size_t mask = ff->cap_pairs - 1, i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (ff->pair[i].key != 0 && ff->pair[i].key != key)
        i = (i + 1) & mask;
    return i;
}

/* Doubles the table (at least 1024 slots), rehashing every pair. */
static int pair_grow(struct freeflow *ff)
{
    struct pair *old = ff->pair;
    size_t old_cap = ff->cap_pairs, cap = old_cap ? 2 * old_cap : 1024;
    struct pair *p = calloc(cap, sizeof *p);
    if (!p)
        return -1;
    ff->pair = p;
    ff->cap_pairs = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key != 0)
            ff->pair[pair_slot(ff, old[i].key)] = old[i];
    free(old);
    return 0;
}

double freeflow_minutes(struct rep *r, int src, int dst)
{
    struct freeflow *ff = r->freeflow;
    uint64_t key = pair_key(src, dst);
    if (ff->cap_pairs > 0) {
        size_t i = pair_slot(ff, key);
        if (ff->pair[i].key == key)
            return ff->pair[i].minutes;
    }
    double m = net_search_astar(ff->astar, src, dst, NULL);
    if (net_search_failed(ff->astar)
        || (2 * (ff->n_pairs + 1) > ff->cap_pairs && pair_grow(ff) < 0)) {
        r->failed = 1;
        return NAN;
    }
    ff->pair[pair_slot(ff, key)] = (struct pair){ key, m };
    ff->n_pairs++;
    return m;
}
