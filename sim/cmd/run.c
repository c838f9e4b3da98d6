/*
 * run.c -- a simulation run from the command line's point of view: how many
 * replications (and which, for a shard), on how many threads, the
 * --until-decided loop, the progress bar, the output files and stdout, and
 * the exit status.
 */
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "charts/charts.h"
#include "cmd/cli.h"
#include "cmd/landmark_store.h"
#include "model/experiment.h"
#include "charts/html.h"
#include "results/gis.h"
#include "results/outdir.h"
#include "results/report.h"
#include "results/resolved.h"
#include "results/stream.h"
#include "engine/stats.h"
#include "engine/stop.h"
#include "cmd/version.h"

/* arg: the language (an enum lang). */
static void progress_bar(long done, long total, void *arg)
{
    int width = 40, full = total ? (int)(width * done / total) : width;
    fprintf(stderr, "\r  [%.*s%*s] ", full, "########################################",
            width - full, "");
    fprintf(stderr, lang_text(*(const enum lang *)arg, T_RUN_PROGRESS), done, total);
    if (done == total)
        fprintf(stderr, "\r%*s\r", width + 40, "");
    fflush(stderr);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* -v: what the run cost (make bench reads this line). */
static void print_cost(const struct experiment *x, const struct tally *t, double secs, int jobs,
                       enum lang l)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr, "supplysim: ");
    fprintf(stderr, lang_text(l, T_RUN_COST), x->n, secs, jobs,
            lang_text(l, jobs == 1 ? T_RUN_THREAD_ONE : T_RUN_THREAD_MANY), x->n / secs,
            t->events, t->events / secs / 1e6, ru.ru_maxrss / 1024.0);
    fputc('\n', stderr);
}

/* Runs the replications into the stream; with --until-decided, batches of
 * `count` until the verdict is decided or run.max_replications is reached.
 * Looking after every batch would decide wrongly more often than the
 * interval says, so the verdict's confidence is raised for the number of
 * looks allowed (Bonferroni: 95% over 20 looks is 99.75% each), and goes to
 * resolved.cfg (ov) so that a rerun reproduces the verdict.  The tally knows
 * the replications kept so far: all a batch needs to decide. */
static int replicate(const struct opts *o, struct experiment *x, struct definition *d,
                     struct run_overrides *ov, long count, int jobs, struct rep_stream *st,
                     char *err, size_t errlen)
{
    progress_fn bar = (!o->quiet && isatty(2)) ? progress_bar : NULL;
    long batch = count;
    if (o->until_decided) {
        long looks = (d->run.max_replications + batch - 1) / batch;
        d->run.verdict_conf = 1.0 - (1.0 - d->run.verdict_conf) / (double)(looks > 1 ? looks : 1);
        overrides_float(ov, "verdict_confidence", d->run.verdict_conf);
    }
    for (;;) {
        if (experiment_run(x, count, jobs, stream_put, st, bar, (void *)&o->lang, err,
                           errlen) < 0)
            return -1;
        if (!o->until_decided || x->n >= d->run.max_replications)
            break;
        struct interval kept = stats_wilson(st->tally.kept, x->n, d->run.verdict_conf);
        if (stats_verdict(kept, d->run.required_level) != VERDICT_INCONCLUSIVE)
            break;
        count = batch < d->run.max_replications - x->n ? batch : d->run.max_replications - x->n;
        if (o->verbose) {
            fprintf(stderr, "supplysim: ");
            fprintf(stderr, lang_text(o->lang, T_RUN_MORE), x->n, count);
            fputc('\n', stderr);
        }
    }
    return 0;
}

static void print_stdout(const struct opts *o, const struct definition *d, const struct summary *s,
                         const struct run_info *ri)
{
    if (o->format && !strcmp(o->format, "csv")) {
        report_csv_header(stdout);
        report_csv_row(stdout, d, s, ri);
    } else if (o->format && !strcmp(o->format, "json")) {
        report_json(stdout, d, s, ri);
    } else if (o->quiet) {
        report_verdict_line(stdout, d, s, o->lang);
    } else {
        report_text(stdout, d, s, ri, o->lang);
    }
}

int run_dir(const struct opts *o, const struct definition *d, char *dir, size_t n)
{
    if (snprintf(dir, n, "%s%s", o->out ? o->out : "out/", o->out ? "" : d->name) >= (int)n) {
        fprintf(stderr, "supplysim: ");
        fprintf(stderr, lang_text(o->lang, T_RUN_OUT_LONG), n - 1);
        fputc('\n', stderr);
        return -1;
    }
    return 0;
}

int run_outdir_begin(const struct opts *o, const struct definition *d, struct outdir *od)
{
    char err[2048], dir[1024];
    if (run_dir(o, d, dir, sizeof dir) < 0)
        return EXIT_USAGE;
    stop_on_signals();              /* before the stage exists: a signal must remove it */
    int rc = outdir_begin(od, dir, o->lang, err, sizeof err);
    if (rc < 0)
        fprintf(stderr, "supplysim: %s\n", err);
    return rc == -2 ? EXIT_USAGE : rc < 0 ? EXIT_RUN : -1;
}

int run_failed(const char *err, struct outdir *od)
{
    int sig = stop_requested();
    if (sig) {
        fprintf(stderr, "%ssupplysim: ", isatty(2) ? "\n" : "");
        fprintf(stderr, lang_text(od->lang, T_RUN_STOPPED), sig,
                sig == SIGINT ? "SIGINT" : "SIGTERM");
        fputc('\n', stderr);
    } else {
        fprintf(stderr, "supplysim: %s\n", err);
    }
    outdir_abort(od);
    return sig ? 128 + sig : EXIT_RUN;
}

int run_interrupted(enum lang l, char *err, size_t errlen)
{
    if (!stop_requested())
        return 0;
    snprintf(err, errlen, "%s", lang_text(l, T_RUN_INTERRUPTED));
    return -1;
}

/* Everything a run leaves once its replications are done: the files made
 * from the summary, the streamed files put in place (results.dat ends with
 * the digest of resolved.cfg), resolved.cfg, the charts and the report, all
 * in the output folder's stage, which then replaces the folder in one step;
 * then stdout.  Shared by a run and `supplysim merge`.  Returns the exit
 * status; the stage is committed or removed. */
int run_outputs(const struct opts *o, const struct cfg *c, const struct run_overrides *ov,
                const struct definition *d, const struct summary *s, struct rep_stream *st,
                struct outdir *od, long first, struct gpkg *gis)
{
    const char *dir = od->stage;
    char err[2048], *resolved = NULL;
    size_t len = 0;
    struct run_info ri = { SUPPLYSIM_VERSION, d->run.seed, first };
    enum lang lang = o->lang;
    struct charts_done drawn;
    int bad = report_files(dir, d, s, &ri, lang, err, sizeof err) < 0;
    if (bad)
        gpkg_abort(gis);
    else
        bad = (gis ? gis_run_end(gis, d, s, err, sizeof err)
                   : gis_run(dir, d, s, lang, err, sizeof err)) < 0;
    bad = bad
        || resolved_text(SUPPLYSIM_VERSION, c, ov, &resolved, &len, lang, err, sizeof err) < 0
        || stream_commit(st, results_digest(resolved, len), err, sizeof err) < 0
        || resolved_write(dir, resolved, len, lang, err, sizeof err) < 0
        || run_interrupted(lang, err, sizeof err) < 0
        || charts_make(dir, d, s, lang, o->no_plot, o->verbose, &drawn, err, sizeof err) < 0
        || run_interrupted(lang, err, sizeof err) < 0
        || html_report(dir, od->final, d, s, &ri, lang, &drawn, err, sizeof err) < 0
        || run_interrupted(lang, err, sizeof err) < 0;
    free(resolved);
    if (bad)
        return run_failed(err, od);
    if (outdir_commit(od, err, sizeof err) < 0) {
        fprintf(stderr, "supplysim: %s\n", err);
        return EXIT_RUN;
    }
    print_stdout(o, d, s, &ri);
    if (fflush(stdout))
        return EXIT_RUN;
    return (o->fail_on_breach && s->verdict != VERDICT_PASS) ? EXIT_BREACH : 0;
}

/* results.gpkg's roads, written on a thread of their own while the model is
 * built and the replications run: they depend on the definition alone, and
 * on a large network writing them costs as much as a replication (gis.h:
 * 2.5 s of 300,000 roads on a million-node grid).  The thread is joined
 * before anything else touches the file.  So a run keeps one thread more
 * than -j busy for that long; its CPU time is the same. */
struct gis_ahead {
    const char *dir;
    const struct definition *d;
    enum lang lang;
    struct gpkg *g;                 /* NULL when it failed: run_outputs then
                                       writes the file whole in its turn, and
                                       a failure is told in the files' order */
    char err[2048];
};

static void *gis_ahead_main(void *arg)
{
    struct gis_ahead *a = arg;
    a->g = gis_run_begin(a->dir, a->d, a->lang, a->err, sizeof a->err);
    return NULL;
}

int run_simulation(const struct opts *o, const struct cfg *c, struct run_overrides *ov,
                   struct definition *d)
{
    char err[2048];
    if (d->n_sites == 0) {
        fprintf(stderr, lang_text(o->lang, T_RUN_NO_SITES), d->source_file);
        fputc('\n', stderr);
        return EXIT_USAGE;
    }
    long n = d->run.replications, first = 0;
    if (o->shard_n && (o->until_decided || o->shard_n > n)) {
        fprintf(stderr, "supplysim: ");
        if (o->until_decided)
            fprintf(stderr, lang_text(o->lang, T_RUN_SHARD_UNTIL), o->shard_i, o->shard_n);
        else
            fprintf(stderr, lang_text(o->lang, T_RUN_SHARD_MANY), o->shard_i, o->shard_n, n);
        fputc('\n', stderr);
        return EXIT_USAGE;
    }
    struct outdir od;
    int rc = run_outdir_begin(o, d, &od);
    if (rc >= 0)
        return rc;
    if (o->shard_n) {
        first = (o->shard_i - 1) * n / o->shard_n;
        n = o->shard_i * n / o->shard_n - first;
    }
    int jobs = o->jobs ? (int)o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    struct experiment x = { 0 };
    struct rep_stream st = { 0 };
    struct summary s = { 0 };
    struct gis_ahead ga = { od.stage, d, o->lang, NULL, "" };
    pthread_t gt;
    gis_init();                     /* here, before a second thread uses GDAL */
    int ahead = pthread_create(&gt, NULL, gis_ahead_main, &ga) == 0;
    if (!ahead)
        gis_ahead_main(&ga);        /* no thread to be had: now, then */
    struct landmark_store ls = landmark_store_for(d, 1);
    int made = experiment_init_kept(&x, d, first, &ls, err, sizeof err) == 0
        && stream_open(&st, od.stage, d, first, o->lang, err, sizeof err) == 0;
    double t0 = seconds();
    made = made && replicate(o, &x, d, ov, n, jobs, &st, err, sizeof err) == 0;
    double secs = seconds() - t0;
    if (ahead)
        pthread_join(gt, NULL);
    if (!made)
        goto fail;
    if (summary_make(&s, d, &st.tally) < 0) {
        snprintf(err, sizeof err, "%s", lang_text(o->lang, T_RUN_OOM_SUMMARY));
        goto fail;
    }
    if (o->verbose)
        print_cost(&x, &st.tally, secs, jobs, o->lang);
    if (!o->shard_n && x.n != d->run.replications)
        overrides_int(ov, "replications", x.n);
    rc = run_outputs(o, c, ov, d, &s, &st, &od, first, ga.g);
    ga.g = NULL;                    /* run_outputs has closed it */
    goto done;
fail:
    gpkg_abort(ga.g);
    rc = run_failed(err, &od);
done:
    summary_free(&s);
    stream_free(&st);
    experiment_free(&x);
    return rc;
}
