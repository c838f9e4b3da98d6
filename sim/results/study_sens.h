/*
 * study_sens.h -- `supplysim sensitivity`: does the verdict rest on
 * guesses?  Its variants (study_sens.c): for assumption range i of the
 * configuration (definition.h, `assumption_ranges`), variant 1 + 2i at the
 * low end and 2 + 2i at the high end; then the two corners, every
 * assumption at its favourable end (1 + 2R) and at its unfavourable end
 * (2 + 2R).  And its outputs: the decision (the assumptions that change
 * the verdict first), sensitivity.csv, the JSON.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_SENS_H
#define SUPPLYSIM_RESULTS_STUDY_SENS_H

#include "results/study_report.h"

/* The -D settings that put range a at value x (a value, or a factor on each
 * setting's own when relative), into sets[0..a->n_paths), each a new
 * string the caller frees; 0, or -1 when out of memory. */
int sens_sets(const struct assumption_range *a, double x, char **sets);

/* Whether range i's high end is the favourable one, on the replications
 * 0 .. m - 1: more runs keep the promise, else a larger share of sites on
 * time, else a shorter mean response; the low end on a tie. */
int sens_high_favourable(const struct study *s, int i, long m);

/* Range indices, largest swing (|kept at high - kept at low|) first. */
void sens_order(const struct study_view *w, int *order);

void sens_decision(FILE *f, const struct study_view *w);
void sens_text(FILE *f, const struct study_view *w);
void sens_csv(FILE *f, const struct study_view *w);
void sens_json(FILE *f, const struct study_view *w);

#endif
