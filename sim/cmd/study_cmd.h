/*
 * study_cmd.h -- what the three study commands have in common
 * (study_cmd.c): the command line, the study's output folder (variants/,
 * study.dat, the CSV, the charts, report.html), stdout, and merging a
 * study's shards.  Each command (compare.c, roads.c, sensitivity.c) gives
 * its variants, its stages and its outputs.
 */
#ifndef SUPPLYSIM_CMD_STUDY_CMD_H
#define SUPPLYSIM_CMD_STUDY_CMD_H

#include "charts/study_charts.h"
#include "cmd/study.h"

struct study_cmd {
    const char *name;             /* "compare", ... */
    int more_files;               /* takes VARIANT.cfg files after SCENARIO.cfg */
    /* Adds the variants and runs the replications (in stages); 0, -2 bad
     * input (nothing run or written), -1 failure; message in err. */
    int (*run)(struct study *s, const struct opts *o, const struct definition *base,
               char *err, size_t errlen);
    /* Writes the command's CSV and charts into dir; 0, or -1 with a message. */
    int (*files)(const char *dir, const struct study_view *w, const struct opts *o,
                 struct study_charts *done, char *err, size_t errlen);
    void (*decision)(FILE *f, const struct study_view *w);    /* one line */
    void (*text)(FILE *f, const struct study_view *w);        /* the decision first */
    void (*csv)(FILE *f, const struct study_view *w);
    void (*json)(FILE *f, const struct study_view *w);
    void (*html_table)(FILE *f, const struct study_view *w);
    enum text question;           /* report.html's heading */
    enum text help;               /* its --help */
    /* Optional (improve): variants/ holds the baseline alone, and before the
     * outputs (when the replications are all there: a run, or a merge)
     * prepare builds what the outputs read besides the statistics into
     * *extra (the study_view's `improve`), which release frees; 0, or with
     * a message -2 when study.dat does not fit the configuration (bad
     * input: exit 2, nothing written) and -1 for anything else. */
    int baseline_only;
    int (*prepare)(const struct study *s, const struct opts *o, const struct definition *base,
                   const struct variant_stats *st, void **extra, char *err, size_t errlen);
    void (*release)(void *extra);
};

extern const struct study_cmd compare_cmd, roads_cmd, sensitivity_cmd, improve_cmd;

/* A study from the command line: parse, open, cmd->run, outputs. */
int study_main(const struct study_cmd *cmd, int argc, char **argv);

/* `supplysim merge` of a study's shards (each holds study.dat); o: merge's
 * options. */
int study_merge(const struct opts *o, char **dirs, int n);

#endif
