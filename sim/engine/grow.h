/*
 * grow.h -- growable arrays and a queue of ints, the two containers every
 * replication reuses from one replication to the next.
 *
 * A growable array is a pointer plus a capacity owned by the caller;
 * grow_array makes room by doubling, so n appends cost O(n) in all.  A fifo
 * is a ring buffer of ints that doubles when full; the invariant is
 * 0 <= n <= cap and the elements are v[head], v[head+1], ... modulo cap.
 */
#ifndef SUPPLYSIM_GROW_H
#define SUPPLYSIM_GROW_H

#include <stddef.h>

/* Makes room for n elements of `size` bytes in *pp, whose capacity is *cap
 * (both updated); 0, or -1 when memory runs out (*pp is then unchanged). */
int grow_array(void *pp, int *cap, int n, size_t size);

struct fifo { int *v; int head, n, cap; };

/* Appends v; 0, or -1 when memory runs out. */
int fifo_push(struct fifo *q, int v);
/* Removes and returns the oldest element; the queue must not be empty. */
int fifo_pop(struct fifo *q);
/* Empties the queue, keeping its memory. */
static inline void fifo_clear(struct fifo *q) { q->n = q->head = 0; }
void fifo_free(struct fifo *q);

#endif
