/*
 * brief.h -- page 1 of a run's report.html (brief.c), which html.c writes
 * before the rest of the page.
 */
#ifndef SUPPLYSIM_BRIEF_H
#define SUPPLYSIM_BRIEF_H

#include <stddef.h>
#include <stdio.h>
#include "engine/lang.h"
#include "results/report.h"

/* The brief: page 1 of a run's report, for the meeting -- the run's
 * date, version, scenario and seed, the verdict in a sentence, the sites most
 * at risk, the measures a roads study found (in FOLDER-roads next to the run's
 * output folder FOLDER), what the result rests on (a sensitivity study in
 * FOLDER-sensitivity, else the run's own assumptions).  The date comes from
 * SOURCE_DATE_EPOCH when set (then the bytes are the seed's), else the
 * clock.  0, or -1 with a message (SOURCE_DATE_EPOCH not a number, out of
 * memory). */
struct brief {
    const char *folder;       /* the run's output folder as the user named it */
    const struct definition *d;
    const struct summary *s;
    const struct run_info *ri;
    enum lang lang;
};
int html_brief(FILE *f, const struct brief *b, char *err, size_t errlen);

#endif
