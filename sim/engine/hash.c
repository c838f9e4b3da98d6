/*
 * hash.c -- the hash of hash.h: four lanes of 8-byte words (so that their
 * multiplications overlap), each word multiplied in, rotated and multiplied
 * again; then the length, the lanes and the tail folded.  Equal bytes give
 * equal hashes on every machine of one byte order.  Every step is a
 * bijection of the state, so one byte changed always changes the hash;
 * larger edits leave it the same by a chance of some 2^-64.
 */
#include <string.h>
#include "engine/hash.h"

#define P1 0x9E3779B185EBCA87ull
#define P2 0xC2B2AE3D27D4EB4Full

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t hash_mix(uint64_t h, uint64_t w) { return rotl(h + w * P2, 31) * P1; }

uint64_t hash_bytes(const void *data, size_t n)
{
    const char *p = data;
    uint64_t lane[4] = { P1, P2, ~P1, ~P2 }, w;
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; k++) {
            memcpy(&w, p + i + 8 * (size_t)k, 8);
            lane[k] = hash_mix(lane[k], w);
        }
    uint64_t h = (uint64_t)n;
    for (int k = 0; k < 4; k++)
        h = hash_mix(h, lane[k]);
    for (; i < n; i++)
        h = hash_mix(h, (unsigned char)p[i]);
    return h ^ (h >> 29);
}
