/*
 * hash.h -- a fast hash of bytes, not cryptographic: what the caches beside
 * a network folder are keyed and checked by (config/network_cache.h), and
 * what says that two networks are the same for the landmarks' cache.
 */
#ifndef SUPPLYSIM_HASH_H
#define SUPPLYSIM_HASH_H

#include <stddef.h>
#include <stdint.h>

/* h with the 8-byte word w folded in. */
uint64_t hash_mix(uint64_t h, uint64_t w);

/* A hash of n bytes.  O(n): some 0.02 s for 126 MB. */
uint64_t hash_bytes(const void *p, size_t n);

#endif
