/*
 * report.h -- the outputs of a run (sim/MODEL.md, "Outputs"): the verdict and tables for
 * people, summary.json, sites.csv, replications.csv, shipments.csv and
 * coverage.csv.  Reads a summary and the results; never simulates.
 */
#ifndef SUPPLYSIM_REPORT_H
#define SUPPLYSIM_REPORT_H

#include <stdio.h>
#include "results/summary.h"

struct run_info {
    const char *version;
    unsigned long long seed;
    long first;               /* index of the first replication */
};

/* The first line: the verdict in words a meeting understands. */
void report_verdict_line(FILE *f, const struct definition *d, const struct summary *s);
/* The verdict, the sites at risk with their main cause, and the tables. */
void report_text(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri);
void report_json(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri);
void report_csv_header(FILE *f);
void report_csv_row(FILE *f, const struct definition *d, const struct summary *s,
                    const struct run_info *ri);

/* Writes every output file into dir; 0, or -1 with a message. */
int report_files(const char *dir, const struct definition *d, const struct summary *s,
                 const struct rep_result *res, long n, const struct run_info *ri,
                 char *err, size_t errlen);

#endif
