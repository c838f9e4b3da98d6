/*
 * study.c -- the variant engine (see study.h).  Each variant is loaded the
 * way `supplysim -D ... SCENARIO.cfg` loads a run (the same cfg_load path,
 * its settings after the command line's -D), with the study's replications
 * and seed, and run replication by replication through the experiment; of
 * each replication it keeps whether the promise held, the share of sites on
 * time and the mean response (and, for the baseline, which sites were on
 * time), nothing else.  Variants are loaded twice (checked when added, again
 * when run) rather than held: a study may have hundreds.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/landmark_store.h"
#include "cmd/study.h"
#include "engine/pool.h"
#include "engine/stop.h"
#include "results/outdir.h"
#include "model/experiment.h"

/* The settings of variant v: the study's -D, then its own. */
static const char **all_sets(const struct study *s, const struct study_variant *v, int *n)
{
    const char **sets = malloc(((size_t)s->n_sets + (size_t)v->n_sets + 1) * sizeof *sets);
    *n = 0;
    for (int i = 0; sets && i < s->n_sets; i++)
        sets[(*n)++] = s->sets[i];
    for (int i = 0; sets && i < v->n_sets; i++)
        sets[(*n)++] = v->sets[i];
    return sets;
}

/* Loads file with sets and gives it the study's replications and seed. */
static struct definition *load(const struct study *s, const char *file, const char **sets,
                               int n_sets, enum lang l, char *err, size_t errlen)
{
    struct cfg *c = cfg_load(file, sets, n_sets, l, err, errlen);
    struct definition *d = c ? cfg_definition(c, err, errlen) : NULL;
    cfg_free(c);
    if (d) {
        d->run.replications = (int)s->n;
        d->run.seed = s->seed;
        d->run.trace_replications = 0;    /* a study keeps no shipment trace */
    }
    return d;
}

struct definition *study_load(const struct study *s, const struct opts *o, int v,
                              char *err, size_t errlen)
{
    int n;
    const char **sets = all_sets(s, &s->v[v], &n);
    if (!sets) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return NULL;
    }
    struct definition *d = load(s, s->v[v].file ? s->v[v].file : o->file, sets, n, o->lang, err,
                                errlen);
    free(sets);
    return d;
}

int study_open(struct study *s, const char *command, const struct opts *o,
               struct definition **base, char *err, size_t errlen)
{
    struct cfg *c = cfg_load(o->file, o->sets, o->n_sets, o->lang, err, errlen);
    struct definition *d = c ? cfg_definition(c, err, errlen) : NULL;
    cfg_free(c);
    if (!d)
        return -2;
    if (d->n_sites == 0) {
        snprintf(err, errlen, lang_text(o->lang, T_RUN_NO_SITES), d->source_file);
        definition_free(d);
        return -2;
    }
    long n = o->replications ? o->replications : d->run.replications;
    unsigned long long seed = o->have_seed ? o->seed : d->run.seed;
    int rc = study_init(s, command, o->sets, o->n_sets, n, seed, d->n_sites, d->run.verdict_conf,
                        d->run.required_level) < 0
        || study_add(s, "baseline", NULL, NULL, 0) < 0 ? -1 : 0;
    if (rc < 0)
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
    if (base && rc == 0)
        *base = d;
    else
        definition_free(d);
    return rc;
}

/* A variant is paired site by site with the baseline: the same sites. */
static int same_sites(const struct definition *a, const struct definition *b)
{
    if (a->n_sites != b->n_sites)
        return 0;
    for (int i = 0; i < a->n_sites; i++)
        if (strcmp(a->sites[i].id, b->sites[i].id))
            return 0;
    return 1;
}

int study_variant(struct study *s, const struct opts *o, const struct definition *base,
                  const char *name, const char *file, const char *const *sets, int n_sets,
                  char *err, size_t errlen)
{
    if (strchr(name, '\n')) {
        snprintf(err, errlen, lang_text(o->lang, T_STUDY_NAME_LINE), name);
        return -2;
    }
    int v = study_add(s, name, file, sets, n_sets);
    if (v < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    char why[2048];
    struct definition *d = study_load(s, o, v, why, sizeof why);
    int rc = v;
    if (!d) {
        snprintf(err, errlen, lang_text(o->lang, T_STUDY_IN_VARIANT), why, name);
        rc = -2;
    } else if (!same_sites(d, base)) {
        snprintf(err, errlen, lang_text(o->lang, T_STUDY_SITES_DIFFER), d->source_file, name);
        rc = -2;
    }
    definition_free(d);
    if (rc < 0)
        study_pop(s);             /* forget it: the caller stops */
    return rc;
}

/* What the statistics keep of replication k of variant v. */
static void keep(struct study *s, int v, const struct definition *d, long k,
                 const struct rep_result *res)
{
    struct study_variant *x = &s->v[v];
    int on = 0;
    double minutes = 0;
    for (int i = 0; i < d->n_sites; i++) {
        int ok = res->response[i] <= d->run.promise_min;
        on += ok;
        minutes += isfinite(res->response[i]) ? res->response[i]
                                              : d->run.horizon_min - res->occur[i];
        if (v == 0)
            s->site_ok[k * s->n_sites + i] = (unsigned char)ok;
    }
    x->have[k] = 1;
    x->kept[k] = on == d->n_sites;
    x->on_time[k] = (double)on / d->n_sites;
    x->response[k] = minutes / d->n_sites;
}

struct keeper { struct study *s; int v; const struct definition *d; };

static int take(void *arg, long index, const struct rep_result *res, char *err, size_t errlen)
{
    const struct keeper *k = arg;
    (void)err, (void)errlen;
    keep(k->s, k->v, k->d, index, res);
    return 0;
}

/* The one place a study meets the experiment: replications first ..
 * first + count - 1 of variant v (definition d) on `jobs` threads, each
 * result kept as it is handed over. */
static int replicate(struct study *s, int v, const struct definition *d, long first,
                     long count, int jobs, char *err, size_t errlen)
{
    struct experiment x;
    struct keeper k = { s, v, d };
    struct landmark_store ls = landmark_store_for(d, v == 0);   /* the baseline's only */
    if (experiment_init_kept(&x, d, first, &ls, err, errlen) < 0)
        return -1;
    int rc = experiment_run(&x, count, jobs, take, &k, NULL, NULL, err, errlen);
    experiment_free(&x);
    return rc;
}

/* What the variants' tasks share: which variants, which replications. */
struct batch { struct study *s; const struct opts *o; const int *which; long from, to; };

static void progress(long done, long total, void *arg)
{
    const struct batch *b = arg;
    fprintf(stderr, "\r  ");
    fprintf(stderr, lang_text(b->o->lang, T_STUDY_PROGRESS), b->s->command, (int)done,
            (int)total);
    fprintf(stderr, "%*s", 30, "");
    if (done == total)
        fprintf(stderr, "\r%*s\r", 80, "");
    fflush(stderr);
}

static void *no_state(void *ctx)
{
    return ctx;
}

static void no_free(void *worker)
{
    (void)worker;
}

/* Task i: the replications from .. to - 1 (as far as its end) of the i-th
 * variant of the batch, on one thread. */
static int variant_task(void *worker, long i, void *ctx, char *err, size_t errlen)
{
    const struct batch *b = ctx;
    int v = b->which ? b->which[i] : (int)i;
    long last = b->to < b->s->v[v].end ? b->to : b->s->v[v].end;
    (void)worker;
    if (last <= b->from)
        return 0;
    struct definition *d = study_load(b->s, b->o, v, err, errlen);
    int rc = d ? replicate(b->s, v, d, b->from, last - b->from, 1, err, errlen) : -1;
    definition_free(d);
    return rc;
}

int study_folder(const struct opts *o, char *err, size_t errlen)
{
    if (!o->folder || o->folder->stage)
        return 0;
    char why[2048];
    stop_on_signals();              /* before the stage exists: a signal must remove it */
    int rc = outdir_begin(o->folder, o->folder_name, o->lang, why, sizeof why);
    if (rc == -2)                   /* printed as it is, as bad input is */
        snprintf(err, errlen, "supplysim: %s", why);
    else if (rc < 0)                /* printed after "supplysim: " (run_failed) */
        snprintf(err, errlen, "%s", why);
    return rc;
}

int study_run(struct study *s, const struct opts *o, const int *which, int n, long from,
              long to, int share, char *err, size_t errlen)
{
    int made = study_folder(o, err, errlen);
    if (made < 0)
        return made;
    if (share && o->shard_n) {          /* shard I of N: its share of from .. to - 1 */
        long span = to - from;
        to = from + o->shard_i * span / o->shard_n;
        from += (o->shard_i - 1) * span / o->shard_n;
    }
    int jobs = o->jobs ? (int)o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    int total = which || n > 0 ? n : s->n_v;
    struct batch b = { s, o, which, from, to };
    progress_fn bar = !o->quiet && isatty(2) ? progress : NULL;
    if (total > 1 && jobs > 1) {        /* many variants: one thread each, several at once */
        const struct pool_work w = { no_state, variant_task, no_free, &b };
        return pool_run(&w, 0, total, jobs, bar, &b, err, errlen);
    }
    for (int i = 0; i < total; i++) {   /* one variant: its replications on every thread */
        int v = which ? which[i] : i;
        long last = to < s->v[v].end ? to : s->v[v].end;
        if (bar)
            bar(i, total, &b);
        if (last <= from)
            continue;
        struct definition *d = study_load(s, o, v, err, errlen);
        int rc = d ? replicate(s, v, d, from, last - from, jobs, err, errlen) : -1;
        definition_free(d);
        if (rc < 0)
            return -1;
    }
    if (bar)
        bar(total, total, &b);
    return 0;
}
