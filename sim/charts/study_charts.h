/*
 * study_charts.h -- the charts of a decision study, each a gnuplot script
 * and its data, drawn into PNG and SVG like a run's: `compare` (each
 * option's difference from the baseline with its paired interval and, in
 * grey, the unpaired one), `roads` (the map, each road coloured by what
 * protecting it is worth) and `tornado` (the promise at each assumption's
 * low and high end, sorted by swing), `frontier` (improve: what keeping
 * the promise costs).  report.html for a study (study_html.c)
 * puts the decision, these charts and the table on one page.
 */
#ifndef SUPPLYSIM_CHARTS_STUDY_H
#define SUPPLYSIM_CHARTS_STUDY_H

#include "charts/charts.h"
#include "results/study_report.h"

#define STUDY_CHARTS 2

/* Which charts a study drew. */
struct study_charts {
    enum charts_state state;
    int n;
    const char *names[STUDY_CHARTS];
    enum text heading[STUDY_CHARTS], how[STUDY_CHARTS];
    int drawn[STUDY_CHARTS];
};

/* Writes the scripts and data of the charts in done->names (filled by the
 * command's charts function below) into dir and draws them; no_plot: nothing. */
int compare_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                   struct study_charts *done, char *err, size_t errlen);

int roads_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                 struct study_charts *done, char *err, size_t errlen);

int sens_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                struct study_charts *done, char *err, size_t errlen);

int improve_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                   struct study_charts *done, char *err, size_t errlen);

/* report.html of a study: the question, the decision (one line, as the text
 * output's first), the charts, and the table the command writes (table:
 * rows of HTML, already escaped); 0, or -1 with a message. */
int study_html(const char *dir, const struct study_view *w, enum text question,
               const char *decision, const struct study_charts *done,
               void (*table)(FILE *, const struct study_view *), char *err, size_t errlen);

/* The tables of report.html: compare's options; the ten roads most worth
 * protecting. */
void compare_html_table(FILE *f, const struct study_view *w);
void roads_html_table(FILE *f, const struct study_view *w);
void sens_html_table(FILE *f, const struct study_view *w);
void improve_html_table(FILE *f, const struct study_view *w);

#endif
