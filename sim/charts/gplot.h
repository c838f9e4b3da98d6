/*
 * gplot.h -- what every chart script has in common, and running gnuplot on
 * them.  gnuplot is an external program: it is found on $PATH and started
 * with fork/execv on a script file, never through a shell, so no text from a
 * configuration ever reaches a command line.  A missing gnuplot or a script
 * it rejects is a warning, never a failure of the run.
 */
#ifndef SUPPLYSIM_GPLOT_H
#define SUPPLYSIM_GPLOT_H

#include <stddef.h>
#include <stdio.h>

/* Full path of gnuplot from $PATH into path; 0, or -1 when there is none. */
int gplot_find(char *path, size_t n);

/* Writes s as a gnuplot string literal.  Single quotes, because gnuplot
 * substitutes `backquoted` shell commands and @macros in double-quoted
 * strings; a newline becomes ."\n". (single quotes have no escapes). */
void gplot_str(FILE *f, const char *s);

/* Writes s as one quoted CSV field gnuplot reads as a label: gnuplot knows
 * no escape for a double quote in data, so one becomes a single quote. */
void gplot_label(FILE *f, const char *s);

/* The opening of a script `name`.gp: what it draws and which file it reads
 * (comments), then the loop that draws it once for each terminal, pngcairo
 * 1600x900 and svg, into `out`.png and `out`.svg (out defaults to name, so
 * `gnuplot name.gp` run in the output folder redraws name.png and name.svg).
 * zh: the CJK font.  gplot_end closes the loop. */
void gplot_begin(FILE *f, const char *name, const char *what, const char *reads, int zh);
void gplot_end(FILE *f);

#define GPLOT_MAX 16    /* scripts per gplot_draw; more are not drawn */

/* Runs gnuplot (path) on dir/names[i].gp for every i, in parallel, each in
 * dir.  drawn[i] = 1 when names[i].png and names[i].svg were drawn whole and
 * renamed into place; otherwise a warning naming the script goes to stderr
 * and stale images of that name are removed, so that no image contradicts
 * its data.  verbose: also pass on what gnuplot said when it succeeded. */
void gplot_draw(const char *gnuplot, const char *dir, const char *const *names, int n,
                int *drawn, int verbose);

/* Removes dir/names[i].png and .svg, left by an earlier run: charts that
 * are not drawn now must not show older data. */
void gplot_forget(const char *dir, const char *const *names, int n);

#endif
