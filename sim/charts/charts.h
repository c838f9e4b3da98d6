/*
 * charts.h -- the charts of a run: for each, a gnuplot script and
 * the data file it reads, written whole into the output folder, then drawn
 * by gnuplot into PNG (slides) and SVG (print and report.html).  The report
 * (html.h) learns from struct charts_done which images exist.
 */
#ifndef SUPPLYSIM_CHARTS_H
#define SUPPLYSIM_CHARTS_H

#include <stddef.h>
#include "engine/lang.h"
#include "results/summary.h"

enum chart_id { CHART_COVERAGE, CHART_TOWNSHIPS, CHART_MAP, CHART_CAUSES, CHART_RESPONSE,
                CHART_RESOURCES, CHARTS };

/* Why charts may be missing: not asked for, no gnuplot, or gnuplot ran
 * (and then drawn[] says which it drew). */
enum charts_state { CHARTS_SKIPPED, CHARTS_NO_GNUPLOT, CHARTS_RAN };

struct charts_done {
    enum charts_state state;
    int drawn[CHARTS];
};

/* The base name of a chart's files: NAME.gp, NAME.png, NAME.svg. */
const char *chart_name(enum chart_id c);

/* Writes every chart's script and data into dir and draws them when gnuplot
 * is on the PATH (a warning on stderr when it is not), in language lang.  no_plot: writes nothing, draws nothing.  0, or -1 with a
 * message when a script or data file cannot be written; gnuplot's failures
 * are warnings, reported in done. */
int charts_make(const char *dir, const struct definition *d, const struct summary *s,
                enum lang lang, int no_plot, int verbose, struct charts_done *done, char *err,
                size_t errlen);

#endif
