/*
 * cli.h -- the options of the command line, as cli.c parses them and run.c
 * and the studies use them.
 */
#ifndef SUPPLYSIM_CLI_H
#define SUPPLYSIM_CLI_H

#include "config/config.h"
#include "engine/lang.h"
#include "results/resolved.h"

struct gpkg;

#define EXIT_RUN 1
#define EXIT_USAGE 2
#define EXIT_BREACH 3
#define MAX_SETS 256

struct outdir;
struct opts {
    const char *command;              /* NULL for a run, else "merge", "compare", ... */
    enum text help;                   /* the command's --help */
    enum lang lang;                   /* of every text: --lang, else the locale */
    const char *file, *out, *export_dir, *format;
    const char *budget, *levers;      /* improve: --budget YUAN, --levers ID,ID,... */
    const char *sets[MAX_SETS];
    int n_sets;
    const char *variants[MAX_SETS];   /* compare: --variant 'NAME: PATH=VALUE; ...' */
    int n_variants;
    char **more; int n_more;          /* compare: the VARIANT.cfg files after SCENARIO.cfg */
    long replications, jobs, shard_i, shard_n;
    unsigned long long seed;
    int have_seed, check, quiet, verbose, until_decided, fail_on_breach, no_plot;
    struct outdir *folder;            /* a study's output folder, its stage made when its first
                                       * replications start (its input checked by then) */
    const char *folder_name;          /* ... as the user named it (-o, else out/NAME-COMMAND) */
};

struct summary;
struct rep_stream;
/* The output folder: -o, else out/<scenario name>, in dir[n].  0, or -1
 * with a message (too long). */
int run_dir(const struct opts *o, const struct definition *d, char *dir, size_t n);

struct outdir;
/* Makes the stage of the output folder (run_dir) before anything runs, so
 * that a folder that cannot be written is refused at once, and from then on
 * catches SIGINT and SIGTERM: -1 when made, else the exit status (the
 * message printed). */
int run_outdir_begin(const struct opts *o, const struct definition *d, struct outdir *od);

/* A run that failed or was stopped by a signal: prints why, removes the
 * stage, and returns the exit status (1, or 128 + the signal). */
int run_failed(const char *err, struct outdir *od);

/* Between steps that write output: -1 (with a message) when a signal asked
 * to stop, else 0.  A run's and a study's. */
int run_interrupted(enum lang l, char *err, size_t errlen);

/* Writes every output of a run whose replications are done and went
 * through st (ov: the run settings the command line decided, for
 * resolved.cfg) into the stage od, and puts it in place of the output
 * folder; returns the exit status.  gis: results.gpkg begun while the
 * replications ran (gis_run_begin), which this finishes or removes; NULL
 * to write it all here, after the report files as ever. */
int run_outputs(const struct opts *o, const struct cfg *c, const struct run_overrides *ov,
                const struct definition *d, const struct summary *s, struct rep_stream *st,
                struct outdir *od, long first, struct gpkg *gis);

/* supplysim merge: recomputes every statistic from shards' results.dat (or,
 * for a study's shards, study.dat: study_merge). */
int merge_main(int argc, char **argv);

/* Prints "supplysim[ COMMAND]: " and text t of o->lang made with the
 * arguments, and where the command's help is, on stderr; returns
 * EXIT_USAGE. */
int usage_error(const struct opts *o, enum text t, ...);

/* The language of the messages of a command line: --lang en|zh when it is
 * given (as "--lang X" or "--lang=X"), else the locale's (LC_ALL,
 * LC_MESSAGES, LANG). */
enum lang cli_lang(int argc, char **argv);

/* Parses the options of a run (and of a study: --variant, and with
 * `more`, files after SCENARIO.cfg) into o, whose command and help the
 * caller has set; -1 to go on, else an exit status. */
int cli_parse(struct opts *o, int argc, char **argv, int more);

/* The decision studies (compare.c, roads.c, sensitivity.c, improve.c), each given
 * its arguments after the command's name; they return the exit status. */
int compare_main(int argc, char **argv);
int roads_main(int argc, char **argv);
int sensitivity_main(int argc, char **argv);
int improve_main(int argc, char **argv);

/* supplysim import-network (import_network.c): a GIS road layer made into a
 * network folder; returns the exit status. */
int import_main(int argc, char **argv);

/* Runs the scenario's replications and writes every output; returns the
 * exit status. */
int run_simulation(const struct opts *o, const struct cfg *c, struct run_overrides *ov,
                   struct definition *d);

#endif
