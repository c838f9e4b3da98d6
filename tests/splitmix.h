/*
 * splitmix.h -- the tests' own deterministic random numbers (splitmix64):
 * fixed seeds give the same cases on every machine, independent of GSL.
 */
#ifndef SUPPLYSIM_TEST_SPLITMIX_H
#define SUPPLYSIM_TEST_SPLITMIX_H

#include <stdint.h>

struct rng { uint64_t state; };

static inline uint64_t rng_next(struct rng *g)
{
    uint64_t z = (g->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static inline double rng_unit(struct rng *g) { return (double)(rng_next(g) >> 11) * 0x1.0p-53; }

/* Uniform integer in [lo, hi]. */
static inline int rng_int(struct rng *g, int lo, int hi)
{
    return lo + (int)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

#endif
