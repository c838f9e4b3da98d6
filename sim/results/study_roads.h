/*
 * study_roads.h -- `supplysim roads`: which roads the promise depends on.
 * The roads a study looks at (study_roads.c): every road segment the
 * scenario's hazard can close or slow, and every corridor (roads sharing a
 * name) with at least two such segments; for each, two variants, the road
 * protected (the hazard never touches it) and the road closed for the whole
 * horizon.  Variant 1 + 2i protects row i, variant 2 + 2i closes it.  And
 * the outputs: the decision, the top ten, roads.csv, the JSON.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_ROADS_H
#define SUPPLYSIM_RESULTS_STUDY_ROADS_H

#include "results/study_report.h"

#define ROADS_TOP 10

struct road_row {
    char token[160];          /* what disaster.protect and .close take: "FROM-TO" or a name */
    const char *name;         /* the road's or corridor's name */
    int cls;                  /* road class (a corridor: its first segment's) */
    double km;                /* length (a corridor: of all its segments) */
    double touched;           /* chance per run that the hazard closes or slows it */
    int corridor;             /* a whole corridor rather than one segment */
    int road;                 /* a segment: its road index; a corridor: its first */
};

/* The rows of d, segments in road order then corridors in order of their
 * first segment, into a new array (the caller frees it); 0, or -1 when out
 * of memory.  Roads the scenario already protects or closes are left out. */
int roads_rows(const struct definition *d, struct road_row **rows, int *n);

/* The settings of the variant that protects (close = 0) or closes row r:
 * the scenario's own list with the row added, as one "disaster.protect=[...]"
 * or "disaster.close=[...]" into buf; 0, or -1 when it does not fit. */
int roads_setting(const struct definition *d, const struct road_row *r, int close, char *buf,
                  size_t n);

/* The same with the roads tokens[0..n_tokens) added (corridor names or
 * FROM-TO), as one "disaster.protect=[...]" (close: "disaster.close=[...]"). */
int roads_list_setting(const struct definition *d, int close, const char *const *tokens,
                       int n_tokens, char *buf, size_t n);

/* Row indices by rank: protecting it worth more first (the estimate of the
 * promise's paired difference), then by what closing it costs, then in row
 * order; 0, or -1 when out of memory (order has n entries). */
int roads_rank(const struct study_view *w, int n, int *order);

/* A row for people, in the study's language: a segment by its ends' names
 * (a site's last mile by its village), a corridor by its name ("last mile":
 * every site's village road); into buf. */
void roads_row_name(const struct study_view *w, const struct road_row *row, char *buf, size_t n);

void roads_decision(FILE *f, const struct study_view *w);
void roads_text(FILE *f, const struct study_view *w);
void roads_csv(FILE *f, const struct study_view *w);
void roads_json(FILE *f, const struct study_view *w);

#endif
