/*
 * study_cmd.c -- a decision study from the command line (see
 * study_cmd.h): options as a run takes them, the baseline and the
 * command's variants checked before anything runs (bad input: exit 2,
 * nothing written), the replications, then the output folder --
 * variants/NAME.cfg, study.dat, the command's CSV and charts, report.html --
 * and stdout, decision first.  The folder is replaced whole, as a run's is
 * (results/outdir.h): its stage is made before the replications, so that a
 * folder that may not be replaced is refused at once, every file is written
 * there, and it takes the folder's place at the end; a failure or SIGINT /
 * SIGTERM leaves the previous folder as it was.  A shard (--shard I/N) writes only study.dat
 * and variants/; `supplysim merge` puts the shards together and writes
 * every output as one run would.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd/study_cmd.h"
#include "cmd/version.h"
#include "engine/stop.h"
#include "results/outdir.h"
#include "results/study_file.h"
#include "results/study_variants.h"

/* The options a study does not take. */
static int check_opts(const struct study_cmd *cmd, const struct opts *o)
{
    if (o->until_decided || o->check || o->export_dir || o->fail_on_breach)
        return usage_error(o, T_CLI_STUDY_OPTS);
    if (o->n_variants && strcmp(cmd->name, "compare"))
        return usage_error(o, T_CLI_VARIANT_ONLY, o->variants[0]);
    if ((o->budget || o->levers) && strcmp(cmd->name, "improve"))
        return usage_error(o, T_CLI_IMPROVE_ONLY, o->budget ? o->budget : o->levers);
    return -1;
}

static void out_dir(const struct study *s, const struct opts *o, const struct definition *d,
                    char *dir, size_t n)
{
    if (o->out)
        snprintf(dir, n, "%s", o->out);
    else
        snprintf(dir, n, "out/%s-%s", d->name, s->command);
}

/* The decision line without its newline, for report.html; NULL when out of memory. */
static char *decision_line(const struct study_cmd *cmd, const struct study_view *w)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    cmd->decision(m, w);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

static void print(const struct study_cmd *cmd, const struct opts *o, const struct study_view *w)
{
    if (o->format && !strcmp(o->format, "csv"))
        cmd->csv(stdout, w);
    else if (o->format && !strcmp(o->format, "json"))
        cmd->json(stdout, w);
    else if (o->quiet)
        cmd->decision(stdout, w);
    else
        cmd->text(stdout, w);
}

/* Every file of a study whose replications are all there, in dir (the
 * stage); stdout waits until the folder is in place. */
static int outputs(const struct study_cmd *cmd, const struct opts *o, const char *dir,
                   const struct study_view *w, char *err, size_t errlen)
{
    struct study_charts done;
    char *line = NULL;
    int rc = -1;
    if (cmd->files(dir, w, o, &done, err, errlen) < 0)
        return -1;
    if (!(line = decision_line(cmd, w)))
        snprintf(err, errlen, "%s", lang_text(w->lang, T_CMD_OUT_OF_MEMORY));
    else if (study_html(dir, w, cmd->question, line, &done, cmd->html_table, err, errlen) == 0)
        rc = 0;
    free(line);
    return rc;
}

/* The files of a study whose replications are done (or this shard's) into
 * the stage of od, which then replaces the folder; then stdout.  Returns
 * the exit status; the stage is committed or removed. */
static int finish(const struct study_cmd *cmd, struct study *s, const struct opts *o,
                  const struct definition *base, const char *scenario, struct outdir *od)
{
    char err[4096];
    struct variant_stats *st = calloc((size_t)s->n_v, sizeof *st);
    enum lang lang = o->lang;
    const char *dir = od->stage;
    void *extra = NULL;
    struct study_view w = { base, s, st, lang, SUPPLYSIM_VERSION, NULL };
    int rc = -1, zero = 0;
    if (!st) {
        snprintf(err, sizeof err, "%s", lang_text(lang, T_CMD_OUT_OF_MEMORY));
        goto done;
    }
    for (int v = 0; !o->shard_n && v < s->n_v; v++)
        if (study_stats(s, v, &st[v]) < 0) {
            snprintf(err, sizeof err, lang_text(lang, T_STUDY_MISSING), s->v[v].name,
                     s->v[v].end - 1);
            goto done;
        }
    int prc = 0;
    if (!o->shard_n && cmd->prepare
        && (prc = cmd->prepare(s, o, base, st, &extra, err, sizeof err)) < 0) {
        if (prc == -2 && !stop_requested()) {   /* bad input: nothing written */
            fprintf(stderr, "supplysim: %s\n", err);
            outdir_abort(od);
            rc = EXIT_USAGE;
            goto out;
        }
        goto done;
    }
    w.improve = extra;
    if (run_interrupted(lang, err, sizeof err) < 0
        || study_write_some(dir, "variants", s, cmd->baseline_only ? &zero : NULL,
                            cmd->baseline_only ? 1 : s->n_v, scenario, SUPPLYSIM_VERSION, lang,
                            err, sizeof err) < 0
        || study_file_write(dir, s, lang, err, sizeof err) < 0
        || (!o->shard_n && outputs(cmd, o, dir, &w, err, sizeof err) < 0)
        || run_interrupted(lang, err, sizeof err) < 0)
        goto done;
    if (outdir_commit(od, err, sizeof err) < 0) {
        fprintf(stderr, "supplysim %s: %s\n", cmd->name, err);
        rc = EXIT_RUN;
        goto out;
    }
    if (o->shard_n && !o->quiet) {        /* the folder as the user named it */
        printf(lang_text(lang, T_STUDY_SHARD_DONE), o->shard_i, o->shard_n, s->command,
               o->folder_name);
        putchar('\n');
    } else if (!o->shard_n) {
        print(cmd, o, &w);
    }
    rc = fflush(stdout) ? EXIT_RUN : 0;
    goto out;
done:
    rc = run_failed(err, od);
out:
    if (extra)
        cmd->release(extra);
    free(st);
    return rc;
}

/* A study that failed before its files (rc -2: bad input, or an output
 * folder that may not be replaced; -1: anything else, or a signal): says
 * why, removes the stage if made, and returns the exit status. */
static int failed(int rc, const char *err, struct outdir *od)
{
    if (rc == -2 && !stop_requested()) {
        fprintf(stderr, "%s\n", err);
        outdir_abort(od);
        return EXIT_USAGE;
    }
    return run_failed(err, od);
}

/* The replications of a study checked and begun, then its folder. */
static int study_go(const struct study_cmd *cmd, struct study *s, struct opts *o,
                    const struct definition *base)
{
    char dir[1024], err[4096];
    struct outdir od = { NULL, NULL, o->lang };
    out_dir(s, o, base, dir, sizeof dir);
    o->folder = &od;
    o->folder_name = dir;
    int rc = cmd->run(s, o, base, err, sizeof err);
    if (rc == 0)
        rc = run_interrupted(o->lang, err, sizeof err);
    if (rc == 0)
        rc = study_folder(o, err, sizeof err);   /* a study that ran nothing (merge) */
    rc = rc < 0 ? failed(rc, err, &od) : finish(cmd, s, o, base, o->file, &od);
    o->folder = NULL;
    o->folder_name = NULL;
    return rc;
}

static int no_run(struct study *s, const struct opts *o, const struct definition *base,
                  char *err, size_t errlen)
{
    (void)s, (void)o, (void)base, (void)err, (void)errlen;
    return 0;
}

int study_main(const struct study_cmd *cmd, int argc, char **argv)
{
    struct opts o = { .command = cmd->name, .help = cmd->help };
    int rc = cli_parse(&o, argc, argv, cmd->more_files);
    if (rc >= 0 || (rc = check_opts(cmd, &o)) >= 0)
        return rc;
    char err[4096];
    struct study s = { 0 };
    struct definition *base = NULL;
    rc = study_open(&s, cmd->name, &o, &base, err, sizeof err);
    if (rc == 0 && o.shard_n > s.n)
        snprintf(err, sizeof err, lang_text(o.lang, T_RUN_SHARD_MANY), o.shard_i, o.shard_n,
                 s.n), rc = -2;
    if (rc < 0) {
        fprintf(stderr, "%s%s\n", rc == -2 ? "" : "supplysim: ", err);
        rc = rc == -2 ? EXIT_USAGE : EXIT_RUN;
    } else {
        rc = study_go(cmd, &s, &o, base);
    }
    definition_free(base);
    study_free(&s);
    return rc;
}

/* ---- merge ---------------------------------------------------------------- */

static const struct study_cmd *command_named(const char *name)
{
    const struct study_cmd *all[] = { &compare_cmd, &roads_cmd, &sensitivity_cmd, &improve_cmd };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!strcmp(all[i]->name, name))
            return all[i];
    return NULL;
}

/* Reads every shard into s (the first's plan; the others must have it). */
static int read_shards(struct study *s, char **dirs, int n, enum lang l, char *err,
                       size_t errlen)
{
    char *plan0 = NULL;
    if (study_file_read(dirs[0], s, &plan0, l, err, errlen) < 0)
        return -1;
    int rc = 0;
    for (int i = 1; i < n && rc == 0; i++) {
        struct study other;
        char *plan = NULL;
        rc = study_file_read(dirs[i], &other, &plan, l, err, errlen);
        if (rc == 0 && strcmp(plan, plan0)) {
            snprintf(err, errlen, lang_text(l, T_STUDY_MERGE_OTHER), dirs[i], dirs[0]);
            rc = -1;
        }
        if (rc == 0)
            rc = study_file_union(s, &other, dirs[i], l, err, errlen);
        if (plan)
            study_free(&other);
        free(plan);
    }
    free(plan0);
    return rc;
}

/* The scenario of each variant, from the first shard's variant files (only
 * the baseline's for a command that writes no other). */
static int find_files(const struct study_cmd *cmd, struct study *s, struct opts *o,
                      const char *dir, char *scenario, size_t n, char *err, size_t errlen)
{
    char path[4096];
    if (study_variant_base(dir, s, 0, scenario, n, o->lang, err, errlen) < 0)
        return -1;
    o->file = scenario;
    for (int v = 1; v < s->n_v && !cmd->baseline_only; v++) {
        if (study_variant_base(dir, s, v, path, sizeof path, o->lang, err, errlen) < 0)
            return -1;
        if (strcmp(path, scenario) && !(s->v[v].file = strdup(path))) {
            snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
            return -1;
        }
    }
    return 0;
}

int study_merge(const struct opts *merge_opts, char **dirs, int n)
{
    struct opts o = *merge_opts;
    struct study s = { 0 };
    struct definition *base = NULL;
    char err[6144], scenario[4096];
    const struct study_cmd *cmd = NULL;
    int rc = EXIT_USAGE;
    if (read_shards(&s, dirs, n, o.lang, err, sizeof err) < 0)
        goto fail;
    if (!(cmd = command_named(s.command))) {
        snprintf(err, sizeof err, lang_text(o.lang, T_STUDY_MERGE_COMMAND), dirs[0], s.command);
        goto fail;
    }
    if (find_files(cmd, &s, &o, dirs[0], scenario, sizeof scenario, err, sizeof err) < 0
        || !(base = study_load(&s, &o, 0, err, sizeof err)))
        goto fail;
    struct study_cmd merged = *cmd;       /* its replications are the shards' */
    merged.run = no_run;
    rc = study_go(&merged, &s, &o, base);
    goto done;
fail:
    fprintf(stderr, "supplysim merge: %s\n", err);
done:
    definition_free(base);
    study_free(&s);
    return rc;
}
