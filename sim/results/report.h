/*
 * report.h -- the outputs of a run (sim/MODEL.md, "Outputs"): the verdict and tables for
 * people in English or Chinese (report_text.c), summary.json, sites.csv, coverage.csv, resources.csv, stockouts.csv,
 * and the rows of replications.csv and shipments.csv.  Reads a summary and
 * replications' results; never simulates.
 */
#ifndef SUPPLYSIM_REPORT_H
#define SUPPLYSIM_REPORT_H

#include <stdio.h>
#include "engine/lang.h"
#include "results/summary.h"

struct run_info {
    const char *version;
    unsigned long long seed;
    long first;               /* index of the first replication */
};

/* The first line: the verdict in words a meeting understands, in language
 * l; the same line opens report.html. */
void report_verdict_line(FILE *f, const struct definition *d, const struct summary *s,
                         enum lang l);
/* The verdict, the sites at risk with their main cause, and the tables. */
void report_text(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri, enum lang l);
void report_json(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri);
void report_csv_header(FILE *f);
void report_csv_row(FILE *f, const struct definition *d, const struct summary *s,
                    const struct run_info *ri);

/* Writes the files made from the summary into dir (which must exist):
 * summary.txt (in language lang), summary.json, sites.csv, coverage.csv, stockouts.csv,
 * resources.csv.  0, or -1 with a message. */
int report_files(const char *dir, const struct definition *d, const struct summary *s,
                 const struct run_info *ri, enum lang lang, char *err, size_t errlen);

/* replications.csv and shipments.csv, written a replication at a time as
 * the run goes (stream.h): the header, then each replication's row(s). */
void report_replications_header(FILE *f, const struct definition *d);
void report_replications_row(FILE *f, const struct definition *d, long index,
                             const struct rep_result *r);
void report_shipments_header(FILE *f);
void report_shipments_rows(FILE *f, const struct definition *d, long index,
                           const struct rep_result *r);

#endif
