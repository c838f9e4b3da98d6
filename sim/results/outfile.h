/*
 * outfile.h -- output files written whole or not at all, and small helpers
 * for text meant for people (UTF-8 display width) and for CSV.
 */
#ifndef SUPPLYSIM_OUTFILE_H
#define SUPPLYSIM_OUTFILE_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include "engine/lang.h"

/* A file being written under a temporary name in its final folder; commit
 * renames it into place, abort removes it.  lang: of its messages. */
struct outfile { FILE *f; char *tmp, *final; enum lang lang; };

/* Creates dir and its parents (like mkdir -p); 0 or -1 with a message in
 * language l. */
int out_mkdirs(const char *dir, enum lang l, char *err, size_t errlen);
int out_open(struct outfile *o, const char *dir, const char *name, enum lang l, char *err,
             size_t errlen);
int out_commit(struct outfile *o, char *err, size_t errlen);
void out_abort(struct outfile *o);

/* The date of a run, as outputs that carry one give it (report.html,
 * GeoPackages): SOURCE_DATE_EPOCH when set (seconds since 1970 UTC, the
 * reproducible-builds convention; *fixed = 1), else the clock (*fixed = 0).
 * 0, or -1 with a message in language l (a SOURCE_DATE_EPOCH that is not
 * a number of seconds, no clock). */
int out_run_time(enum lang l, time_t *t, int *fixed, char *err, size_t errlen);

/* Columns a UTF-8 string takes on a terminal (CJK ideographs take two). */
int text_width(const char *s);
/* Prints s left-aligned in a field of `width` columns. */
void text_pad(FILE *f, const char *s, int width);
/* Prints s right-aligned in a field of `width` columns. */
void text_pad_left(FILE *f, const char *s, int width);
/* Prints s as one CSV field, quoted when it holds a comma, quote or newline. */
void csv_field(FILE *f, const char *s);
/* Prints v as the shortest decimal that reads back (strtod) to the same
 * double: 116.43, not 116.43000000000001. */
void csv_double(FILE *f, double v);
/* Prints s as a JSON string literal, with quotes and escapes. */
void json_string(FILE *f, const char *s);

#endif
