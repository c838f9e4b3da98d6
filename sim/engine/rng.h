/*
 * rng.h -- random-number streams.  Every replication draws from separate GSL
 * generators per purpose, each seeded from (master seed, replication index,
 * purpose) alone: results do not depend on the number of threads, and two runs
 * that differ in one setting face the same disasters (common random numbers).
 */
#ifndef SUPPLYSIM_RNG_H
#define SUPPLYSIM_RNG_H

#include <gsl/gsl_rng.h>

/* A number fixed in the configuration (lo == hi), or drawn uniformly from
 * [lo, hi]. */
struct draw { double lo, hi; };

/* STREAM_AHEAD: loading and travel of the stock sent ahead on a warning. */
enum stream { STREAM_HAZARD, STREAM_DEMAND, STREAM_TRAVEL, STREAM_SERVICE, STREAM_AHEAD,
              STREAMS };

/* The seed of one stream: splitmix64 over (seed, replication, purpose). */
unsigned long rng_stream_seed(unsigned long long seed, long rep, enum stream s);

/* A value of a draw: lo when fixed, else uniform on [lo, hi]. */
double rng_draw(gsl_rng *r, struct draw d);

/* A factor with mean 1 and coefficient of variation cv (gamma); 1 when cv == 0.
 * Always consumes one draw from r when cv > 0. */
double rng_factor(gsl_rng *r, double cv);

/* A factor with mean 1 and no value below floor (0 <= floor < 1): a shifted
 * gamma, floor + (1 - floor) x G, G of mean 1 and coefficient of variation
 * cv: the part above the floor varies with cv, the factor with
 * (1 - floor) x cv.  1 when cv == 0 or floor >= 1; one draw from r
 * otherwise. */
double rng_factor_above(gsl_rng *r, double cv, double floor);

#endif
