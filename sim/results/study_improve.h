/*
 * study_improve.h -- `supplysim improve`: the cheapest set of levers that
 * keeps the promise.  A plan is a combination of the configuration's levers
 * (definition.h, `levers`) run as a variant of the scenario, named by the
 * levers' ids joined with '+' in the configuration's order ("baseline": no
 * lever), and costs the sum of its levers' annual costs.  From a study's
 * statistics (study.h) this builds the plans, the screening rule that
 * drops plans surely beaten by one no dearer, the cost-promise frontier and
 * the recommended plan (the cheapest whose verdict is PASS), and writes the
 * outputs: the decision, the text, improve.csv, levers.csv and the JSON.
 * Never simulates: the command (cmd/improve.c) runs the replications and
 * reruns the plan it recommends for its sites (`focus`).
 *
 * Invariants: plan[i] is variant i of the study; variant 0 is the baseline
 * and always runs every replication; a plan runs all of them (`full`)
 * unless the screening dropped it; the frontier and the recommendation are
 * taken among full plans only.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_IMPROVE_H
#define SUPPLYSIM_RESULTS_STUDY_IMPROVE_H

#include <stdint.h>
#include "results/study_report.h"
#include "results/summary.h"

#define IMPROVE_MAX_LEVERS 64    /* a plan's levers fit one 64-bit mask */
#define IMPROVE_EXHAUSTIVE 12    /* up to this many levers every combination is a candidate */

struct improve_plan {
    int v;                       /* its variant */
    uint64_t mask;               /* bit k: lever chosen[k] */
    double cost;                 /* yuan a year */
    double cost_lo, cost_hi;     /* every lever at the low, the high end of its cost range */
    int full;                    /* ran every replication (not screened out) */
    int frontier;                /* no full plan no dearer keeps the promise more often */
};

struct improve {
    const struct definition *d;
    int *chosen; int n_chosen;   /* the levers considered: indices into d->levers, ascending */
    double budget;               /* yuan a year; INFINITY when none */
    int heuristic;               /* more than IMPROVE_EXHAUSTIVE levers: greedy, then swaps */
    struct improve_plan *plan; int n_plans;   /* plan[v] for every variant v */
    int *order;                  /* plans by cost, then promise kept, highest first */
    int recommended, next, best; /* plan indices, -1 when none: the cheapest PASS; the next
                                  * cheapest, not it with more, that passes or may (on its
                                  * first runs); the highest promise kept in full */
    int n_full;                  /* plans that ran every replication */
    long pairs;                  /* comparisons the screening made (its Bonferroni count) */
    long dominated, inert, beyond;   /* plans the screening dropped by each rule */
    int confirmed;               /* the plan that passed in full and bounds the search, -1 */
    struct summary focus;        /* the recommended plan (else the best) rerun whole */
    int has_focus;
};

/* ---- plans ----------------------------------------------------------------- */

/* The name of the plan with levers mask (over chosen[0..n)) into buf. */
void improve_name(const struct definition *d, const int *chosen, int n, uint64_t mask, char *buf,
                  size_t len);

/* Its cost a year: est (0), or with every lever at the low (1) or high (2)
 * end of its cost range. */
double improve_cost(const struct definition *d, const int *chosen, int n, uint64_t mask,
                    int end);

/* Its settings, as -D takes them: each lever's `set` in turn, then the
 * scenario's protected roads with every lever's added (one setting), into a
 * new array of new strings (the caller frees both); 0, or -1 when out of
 * memory or too long. */
int improve_sets(const struct definition *d, const int *chosen, int n, uint64_t mask,
                 char ***sets, int *n_sets);

/* The screening (README.md, "improve"): of the variants cand[0..n) with
 * costs cost[], all run on replications 0 .. m - 1, each that some other no
 * dearer surely beats -- the paired Newcombe interval of the difference in
 * promise kept wholly above 0 at confidence 1 - (1 - conf)/P, P the pairs
 * compared -- stops at m (its end); the baseline never does.  Returns P, or
 * -1 when out of memory (then nothing is dropped).  O(n^2 m / 64). */
long improve_screen(struct study *s, const int *cand, const double *cost, int n, long m);

/* The second rule: a plan whose last lever changed nothing -- every one of
 * replications 0 .. m - 1 the same to the bit as the plan without it
 * (which is cheaper; masks and costs per variant, n variants) -- stops at m.
 * The number dropped, or -1 when out of memory. */
int improve_inert(struct study *s, const uint64_t *mask, const double *cost, int n, long m);

/* The plans of study s (its variants' names; its parameters "levers",
 * "costs", "budget", "search", and the screening's counts) with their
 * statistics st; 0, or with a message -2 when the study does not fit d (a
 * lever the configuration no longer has, or costs otherwise than when the
 * study was made) and -1 when out of memory.  focus is left for the
 * caller. */
int improve_build(struct improve *im, const struct definition *d, const struct study *s,
                  const struct variant_stats *st, enum lang l, char *err, size_t errlen);
void improve_free(struct improve *im);

/* The plan to rerun for its sites: the recommended one, else the best. */
int improve_focus(const struct improve *im);

/* "¥1,234,567" (whole yuan) into buf. */
void improve_yuan(char *buf, size_t n, double yuan);

/* A plan's levers by name in language l, joined with " + " ("no lever" for
 * none) into buf. */
void improve_plan_words(const struct study_view *w, int p, char *buf, size_t n);

/* A plan's levers by their chart labels in language l, joined with "+"
 * (T_IM_NO_LEVER for none) into buf. */
void improve_plan_label(const struct study_view *w, int p, char *buf, size_t n);

/* A lever's cost for people: "¥X" a year, and for a once-only cost
 * "¥X (¥Y once, over N years, and ¥Z a year to run)". */
void improve_lever_cost(const struct study_view *w, const struct lever *lv, char *buf, size_t n);

/* ---- outputs (study_improve_out.c) ----------------------------------------- */

void improve_decision(FILE *f, const struct study_view *w);
void improve_text(FILE *f, const struct study_view *w);
void improve_csv(FILE *f, const struct study_view *w);
void improve_levers_csv(FILE *f, const struct study_view *w);
void improve_json(FILE *f, const struct study_view *w);

#endif
