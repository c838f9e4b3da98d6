/*
 * html.h -- report.html, the one file a planner takes to the meeting: a
 * one-page brief first (brief.c), then the verdict and key numbers, the
 * charts (their SVG inline, so the file needs nothing else), the townships
 * table and the assumptions behind the run.
 */
#ifndef SUPPLYSIM_HTML_H
#define SUPPLYSIM_HTML_H

#include <stddef.h>
#include <stdio.h>
#include "charts/charts.h"
#include "charts/html_svg.h"
#include "charts/html_text.h"
#include "results/report.h"

/* Writes dir/report.html whole or not at all, in language lang,
 * with the charts that done says were drawn; folder is the output folder as
 * the user named it (dir may be where it is staged), beside which the brief
 * looks for studies.  0, or -1 with a message. */
int html_report(const char *dir, const char *folder, const struct definition *d,
                const struct summary *s,
                const struct run_info *ri, enum lang lang,
                const struct charts_done *done,
                char *err, size_t errlen);

/* The page's opening up to <body>: title "NAME – supplysim WHAT" and the
 * style every report of supplysim shares. */
void html_head(FILE *f, enum lang lang, const char *name, const char *what);

#endif
