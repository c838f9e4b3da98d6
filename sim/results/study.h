/*
 * study.h -- what a decision study knows: its variants (each a name and the
 * settings that make it from the study's scenario), per replication only
 * what the paired statistics need, and those statistics against the
 * baseline.  The study engine (cmd/study.c) fills it by running the
 * replications; the study's outputs read it; study.dat (study_file.h) keeps
 * it so that the shards of a study can be merged.
 *
 * Invariants: variant 0 is the baseline (no settings of its own); every
 * variant's replication k faces the same disaster as the baseline's
 * replication k (the same seed: common random numbers); a variant's
 * statistics use replications 0 .. end - 1, all of which the baseline has.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_H
#define SUPPLYSIM_RESULTS_STUDY_H

#include "engine/stats.h"

struct study_variant {
    char *name;               /* one line, no newline */
    char *file;               /* the scenario it builds on: the study's, or compare's VARIANT.cfg */
    char **sets; int n_sets;  /* its own PATH=VALUE settings, after the study's -D */
    long end;                 /* its statistics use replications 0 .. end - 1 */
    /* per replication k in 0 .. study n - 1: */
    unsigned char *have;      /* 1 once run (here, or in a shard being merged) */
    unsigned char *kept;      /* every site on time */
    double *on_time;          /* share of the sites on time */
    double *response;         /* mean over the sites of the minutes to first relief, an
                               * unreached site counted until the horizon */
};

struct study {
    char *command;            /* "compare", "roads" or "sensitivity" */
    char **sets; int n_sets;  /* the command line's -D: every variant has them first */
    long n;                   /* replications of a variant run in full */
    long screen;              /* the first this many, which every shard runs (0: none) */
    unsigned long long seed;
    int n_sites;
    double conf;              /* of every interval: the verdict's (0.95) */
    double required;          /* the required level of the verdict */
    struct study_variant *v; int n_v, cap_v;
    unsigned char *site_ok;   /* the baseline's: n x n_sites, site on time */
    char **params; int n_params;   /* the command's own "KEY=VALUE" (improve: budget, levers) */
};

/* A variant's own statistics and its paired differences from the baseline
 * (variant minus baseline), over replications 0 .. end - 1. */
struct variant_stats {
    long runs;
    struct paired_table table;        /* promise kept: both, variant only, baseline only, neither */
    struct interval kept;             /* promise_kept, Wilson */
    struct interval sites;            /* sites_on_time, t */
    double response;                  /* mean response, minutes (unreached at the horizon) */
    struct interval diff;             /* promise_kept: Newcombe's paired interval */
    struct interval sites_diff;       /* sites_on_time: paired t */
    struct interval response_diff;    /* mean response: paired t */
    struct interval diff_unpaired;    /* the same differences as if the runs were */
    struct interval sites_diff_unpaired;  /* independent: Newcombe, Welch */
    enum verdict verdict;             /* of the variant on its own */
};

/* 0, or -1 when out of memory.  The study owns copies of every string. */
int study_init(struct study *s, const char *command, const char *const *sets, int n_sets,
               long n, unsigned long long seed, int n_sites, double conf, double required);
void study_free(struct study *s);

/* Appends a variant (its data empty, end = n); its index, or -1 when out of
 * memory.  file may be NULL (the study's scenario). */
int study_add(struct study *s, const char *name, const char *file, const char *const *sets,
              int n_sets);

/* Forgets the last variant added. */
void study_pop(struct study *s);

/* Records the command's parameter KEY=VALUE (part of the plan in study.dat,
 * so shards must agree on it); 0, or -1 when out of memory. */
int study_set_param(struct study *s, const char *key, const char *value);

/* The value of parameter key, or NULL. */
const char *study_param(const struct study *s, const char *key);

/* Replications 0 .. end - 1 of variant v all present. */
int study_complete(const struct study *s, int v);

/* The 2 x 2 table of the promise kept by variant v and by the baseline over
 * replications 0 .. n - 1 (all present). */
struct paired_table study_table(const struct study *s, int v, long n);

/* Variant v's statistics (v = 0: the baseline against itself); 0, or -1
 * when out of memory or a replication is missing. */
int study_stats(const struct study *s, int v, struct variant_stats *out);

#endif
