/*
 * results_file.h -- the replications' results as a text file (results.dat),
 * exact to the last bit (%.17g), so that `supplysim merge` can recompute every
 * statistic from shards and get the same bytes as one run.
 */
#ifndef SUPPLYSIM_RESULTS_IO_H
#define SUPPLYSIM_RESULTS_IO_H

#include <stdio.h>
#include "model/model.h"

/* Writes n results, replication indices first .. first + n - 1. */
void results_write(FILE *f, const struct definition *d, const struct rep_result *res, long n,
                   long first);

/* Reads one file's results; *res is a new array of *n results (result_init'ed,
 * caller frees each with result_free and the array with free), *first the
 * index of the first.  0, or -1 with a message naming the file and line. */
int results_read(FILE *f, const char *name, const struct definition *d, struct rep_result **res,
                 long *n, long *first, char *err, size_t errlen);

#endif
