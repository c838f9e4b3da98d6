/*
 * rng.c -- stream seeding and the few draws the model makes.  splitmix64
 * (Steele, Lea and Flood 2014) mixes the three inputs so that neighbouring
 * replications get unrelated seeds; GSL's generators and distributions do
 * the rest.
 */
#include <gsl/gsl_randist.h>
#include "engine/rng.h"

static unsigned long long splitmix64(unsigned long long x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

unsigned long rng_stream_seed(unsigned long long seed, long rep, enum stream s)
{
    unsigned long long h = splitmix64(seed);
    h = splitmix64(h ^ (unsigned long long)rep);
    h = splitmix64(h ^ (unsigned long long)s);
    unsigned long low = (unsigned long)(h & 0xFFFFFFFFUL);   /* mt19937 takes 32 bits */
    return low ? low : 1UL;            /* gsl_rng_set treats 0 as its default seed */
}

double rng_draw(gsl_rng *r, struct draw d)
{
    return d.hi > d.lo ? d.lo + (d.hi - d.lo) * gsl_rng_uniform(r) : d.lo;
}

double rng_factor(gsl_rng *r, double cv)
{
    if (cv <= 0)
        return 1.0;
    double k = 1.0 / (cv * cv);
    return gsl_ran_gamma(r, k, 1.0 / k);
}

/* F = f + (1 - f) G with E[G] = 1: E[F] = 1, sd(F) = (1 - f) cv, and
 * F >= f whatever G draws. */
double rng_factor_above(gsl_rng *r, double cv, double floor)
{
    if (cv <= 0 || floor >= 1)
        return 1.0;
    return floor + (1.0 - floor) * rng_factor(r, cv);
}
