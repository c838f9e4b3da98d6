/*
 * grow.c -- growable arrays and the int queue (see grow.h).
 */
#include <stdlib.h>
#include "engine/grow.h"

int grow_array(void *pp, int *cap, int n, size_t size)
{
    void **p = pp;
    if (n <= *cap)
        return 0;
    int c = *cap ? *cap : 16;
    while (c < n)
        c *= 2;
    void *q = realloc(*p, (size_t)c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

int fifo_push(struct fifo *q, int v)
{
    if (q->n == q->cap) {
        int c = q->cap ? 2 * q->cap : 8;
        int *nv = malloc((size_t)c * sizeof *nv);
        if (!nv)
            return -1;
        for (int i = 0; i < q->n; i++)
            nv[i] = q->v[(q->head + i) % q->cap];
        free(q->v);
        q->v = nv;
        q->head = 0;
        q->cap = c;
    }
    q->v[(q->head + q->n++) % q->cap] = v;
    return 0;
}

int fifo_pop(struct fifo *q)
{
    int v = q->v[q->head];
    q->head = (q->head + 1) % q->cap;
    q->n--;
    return v;
}

void fifo_free(struct fifo *q)
{
    free(q->v);
    q->v = NULL;
    q->head = q->n = q->cap = 0;
}
