/*
 * results_file.h -- results.dat: every replication's results, exact to the
 * bit, written as each replication is handed over, so that `supplysim
 * merge` can feed the shards' replications through the same tally and get
 * the same bytes as one run.  Binary (a replication costs no decimal
 * formatting), little-endian whatever the machine, and self-checking: it
 * names its format version, the shape of its configuration, the seed, its
 * replications and the digest of the resolved.cfg it was written with, and
 * ends with a CRC-32 of every byte before it.
 *
 * Layout (u32/u64: unsigned little-endian; i32: two's complement; f64: IEEE
 * 754 binary64, its bits as a u64; var: unsigned LEB128):
 *
 *   header   8 bytes 89 53 53 52 0D 0A 1A 0A ("\x89SSR\r\n\x1a\n", PNG's
 *            trick: a text-mode copy or a 7-bit channel breaks it visibly),
 *            u32 version (RESULTS_VERSION), u32 sites, u32 stores, u32 items,
 *            u32 samples, u32 causes, u32 sample_div, u64 seed,
 *            u64 first replication                              (52 bytes)
 *   record   per replication, in order: u64 index, u64 events,
 *            u64 shipments, u64 bay_waits, f64 demand_units, f64 unmet_units,
 *            f64 bay_wait_sum, f64 truck_busy_min, f64 truck_min;
 *            f64 x sites each: occur, response, fill, people; f64 x sites x
 *            causes: cause (site by site); ceil(stores x items / 8) bytes of
 *            stock-out bits (bit j % 8 of byte j / 8 for store x item j);
 *            trucks_out and central_queue, each as runs of equal values,
 *            var value x sample_div and var samples per run, until the
 *            runs add up to the samples; var traced shipments,
 *            each i32 id, source, site, destination store, f64 ordered,
 *            loaded, arrived, tonnes, m3
 *   trailer  8 bytes "SSR-END\n", u64 replications, u64 digest of
 *            resolved.cfg (64-bit FNV-1a of its bytes), u32 CRC-32 (zlib's
 *            crc32, ISO-HDLC) of every byte before it            (28 bytes)
 *
 * Reading checks all of it: the shape against the configuration, every
 * value's range (responses >= 0 and within the horizon or infinite, no NaN,
 * counts within bounds), replications in order, the trailer's count, the
 * checksum, and no byte after the trailer.
 */
#ifndef SUPPLYSIM_RESULTS_IO_H
#define SUPPLYSIM_RESULTS_IO_H

#include <stdint.h>
#include <stdio.h>
#include "engine/lang.h"
#include "model/model.h"

#define RESULTS_VERSION 3u      /* 3: road delays in parts, unreachable */
#define RESULTS_HEAD_BYTES 52
#define RESULTS_TAIL_BYTES 28

/* 64-bit FNV-1a of n bytes (Fowler, Noll, Vo; offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3): the digest of a resolved.cfg. */
uint64_t results_digest(const void *bytes, size_t n);

struct results_out {
    FILE *f;
    const struct definition *d;
    long next, count;         /* the next replication expected; written so far */
    unsigned long crc;
    unsigned char *buf;       /* one record, built before it is written */
    size_t cap;
    int div;                  /* resources are whole trucks / div */
};

/* Writes the header; 0, or -1 when out of memory. */
int results_begin(struct results_out *w, FILE *f, const struct definition *d, long first);
/* Appends replication `index` (the next one).  0, or -1 with a message. */
int results_put(struct results_out *w, long index, const struct rep_result *r, enum lang l,
                char *err, size_t errlen);
/* Writes the trailer with the digest of the run's resolved.cfg and frees
 * the buffers; the caller closes the file. */
void results_end(struct results_out *w, uint64_t digest);
void results_out_free(struct results_out *w);

struct results_in {
    FILE *f;
    const char *name;
    const struct definition *d;
    unsigned long long seed;
    long first, count, next;  /* replications first .. first + count - 1; the next to read */
    uint64_t digest;          /* of the resolved.cfg it was written with */
    unsigned long crc, crc_want;
    long long pos, size;      /* bytes read so far; the file's size */
    int div;
    unsigned char *buf;       /* read-ahead */
    size_t len, at;
    enum lang lang;           /* of its messages */
};

/* Opens a results.dat: reads and checks its header and its trailer (at the
 * end of the file), so that first, count, seed and digest are known before
 * any replication is read.  0, or -1 with a message naming the file. */
int results_open(struct results_in *in, FILE *f, const char *name, const struct definition *d,
                 enum lang l, char *err, size_t errlen);

/* Reads the next replication into r (result_init'ed for d) and checks every
 * value.  1: one read; 0: none left, and the checksum and the file's end
 * were checked; -1 with a message naming the file, the replication and the
 * value. */
int results_next(struct results_in *in, struct rep_result *r, char *err, size_t errlen);
void results_close(struct results_in *in);

#endif
