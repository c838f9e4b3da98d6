/*
 * study_report.h -- the words and tables of a decision study (compare,
 * roads, sensitivity): the decision first, then a table, on stdout as text
 * (in the language of --lang), CSV or JSON, and the study's CSV file.  Reads
 * the study's statistics; never simulates.  Column names and JSON keys stay
 * English; every word for people comes from engine/lang.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_REPORT_H
#define SUPPLYSIM_RESULTS_STUDY_REPORT_H

#include <stdio.h>
#include "config/definition.h"
#include "engine/lang.h"
#include "results/study.h"

struct improve;

/* What every output of a study reads. */
struct study_view {
    const struct definition *d;       /* the baseline's */
    const struct study *s;
    const struct variant_stats *st;   /* st[v] for every variant */
    enum lang lang;
    const char *version;
    const struct improve *improve;    /* improve's plans (study_improve.h); NULL for the others */
};

/* A share as signed percentage points: "+2.5", "-0.3". */
void study_points(char *buf, size_t n, double share);

/* ---- compare ------------------------------------------------------------ */

/* The decision in one line (with its newline). */
void compare_decision(FILE *f, const struct study_view *w);
void compare_text(FILE *f, const struct study_view *w);
void compare_csv(FILE *f, const struct study_view *w);
void compare_json(FILE *f, const struct study_view *w);

/* Mean ratio of the unpaired interval's width of a difference to the
 * paired one's, over the variants whose paired interval has some width: of
 * the promise kept, or (sites) of the share of sites on time; NaN when
 * there is none. */
double compare_pairing_gain(const struct study_view *w, int sites);

/* Writes dir/NAME through w (a function above): whole or not at all; 0, or
 * -1 with a message. */
int study_file_out(const char *dir, const char *name, const struct study_view *w,
                   void (*write)(FILE *, const struct study_view *), char *err, size_t errlen);

#endif
