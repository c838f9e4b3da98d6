/*
 * search_impl.h -- what the two halves of the search share: search.c (the
 * searches) and search_repair.c (keeping a stopped search right while roads
 * change).  Not for use outside those two files.
 *
 * Labels.  A node's label lives in tab[]: while the search has touched few
 * nodes, an open-addressing hash table keyed by node (linear probing, at most
 * half full); once that table would be as large as the network, a plain array
 * indexed by node.  An entry is in use only when its stamp equals the
 * search's generation, so starting a new search forgets every label in O(1).
 * pos says what the node is: >= 0 queued at that heap index; UNLABELLED no
 * label (a repair took it away, or the entry only keeps a probe chain);
 * SETTLED settled.
 *
 * Heap.  Items carry their key (minutes; A*: minutes + the bound to the goal)
 * and a tie (a several-source search: the index of the source; else 0), and
 * are ordered by (key, tie).  With tie 0 this is the order, sift for sift, of
 * a heap on the key alone.
 */
#ifndef SUPPLYSIM_SEARCH_IMPL_H
#define SUPPLYSIM_SEARCH_IMPL_H

#include <math.h>
#include "engine/search.h"

#define UNLABELLED (-1)
#define SETTLED (-2)

enum mode { MODE_NONE, MODE_DIJKSTRA, MODE_ASTAR, MODE_MULTI };

/* 24 bytes: one memory access per relaxation. */
struct net_label {
    double dist;             /* best minutes found from the source */
    int node;                /* whose label (the table's key) */
    int pred;                /* road by which dist was reached; < 0 at a source */
    int pos;                 /* see the top */
    unsigned stamp;          /* generation that wrote it; others are free slots */
};

struct net_heap_item { double key; int slot; int tie; };

struct net_search {
    const struct net *net;
    struct net_arcs arcs;
    int n_nodes;
    struct net_label *tab;
    int cap;                 /* slots in tab: n_nodes when dense, else a power of 2 */
    int dense;
    int shift;               /* sparse: 32 - log2(cap), for the hash */
    int count;               /* labels written this generation */
    struct net_heap_item *heap;
    int heap_len, heap_cap;
    int n_settled;           /* nodes settled now */
    int *scratch;            /* search_repair.c's lists */
    int cap_scratch;
    unsigned gen;            /* 0: no search has run yet */
    enum mode mode;
    int reopen;              /* a better path reopens a settled node (A*, repairs) */
    int src;                 /* Dijkstra and A*: the source */
    int goal;                /* A*: the goal */
    int phase;               /* A*: 0 one end; 1 both ends; 2 closing (search.c) */
    struct net_search *rev;  /* A* from both ends: the search from the goal, or NULL */
    double rev_top;          /* phase 2: rev's least key when it stopped (INFINITY: none) */
    int pending;             /* Dijkstra: node settled last and not yet scanned, or -1 */
    double rho;              /* Dijkstra: the most minutes of any node settled */
    const double *road_min;
    int failed;
};

static inline int is_queued(const struct net_label *l) { return l->pos >= 0; }
static inline int is_settled(const struct net_label *l) { return l->pos == SETTLED; }

/* The slot holding node's label entry this generation, or -1. */
static inline int search_slot(const struct net_search *s, int node)
{
    if (s->dense)
        return s->tab[node].stamp == s->gen ? node : -1;
    unsigned mask = (unsigned)s->cap - 1, i = (((unsigned)node * 2654435769u) >> s->shift) & mask;
    for (;;) {
        const struct net_label *e = &s->tab[i];
        if (e->stamp != s->gen)
            return -1;
        if (e->node == node)
            return (int)i;
        i = (i + 1) & mask;
    }
}

/* Minutes of road now; a closed road (INFINITY, negative or NaN) gives -1. */
static inline double search_arc_minutes(const struct net_search *s, int road)
{
    double m = s->road_min ? s->road_min[road] : s->arcs.roads[road].minutes;
    return (m >= 0 && m < INFINITY) ? m : -1;
}

/* The end of road that is not node. */
static inline int search_other_end(const struct net_search *s, int road, int node)
{
    const struct net_road *r = &s->arcs.roads[road];
    return r->from == node ? r->to : r->from;
}
/* Offers node minutes d via road (tie: its source's rank). */
void search_reach(struct net_search *s, int node, double d, int road, int tie);
/* Relaxes the roads of the settled node in slot k. */
void search_scan(struct net_search *s, int k, int tie);
/* Settles the least queued node; its item. */
struct net_heap_item search_pop(struct net_search *s);
/* Takes a settled node's label away (it is to be labelled again). */
void search_unsettle(struct net_search *s, int k);
/* Heap moves on the item of slot k at heap index i. */
void search_heap_up(struct net_search *s, int i, struct net_heap_item it);
void search_heap_down(struct net_search *s, int i, struct net_heap_item it);
void search_heap_remove(struct net_search *s, int i);
int search_heap_push(struct net_search *s, struct net_heap_item it);
/* Scans the pending node, if any. */
void search_flush(struct net_search *s);
/* Room for n ints in s->scratch; 0, or -1 when out of memory. */
int search_scratch(struct net_search *s, int n);

#endif
