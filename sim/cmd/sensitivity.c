/*
 * sensitivity.c -- `supplysim sensitivity SCENARIO.cfg`: does the verdict
 * rest on guesses?  Every range of the configuration's assumption_ranges
 * at its low and at its high end, one at a time, on the baseline's
 * replications; then two corners that bound the verdict: every assumption
 * at once at its favourable end, and at its unfavourable end.
 *
 * Which end is favourable is read off a pilot, replications 0 .. m - 1
 * (m as `roads` screens: max(min(n, 50), n / 10)), which every shard runs
 * in full, so that all shards build the same corners; the rest of the
 * replications are then shared out.  (With a tiny effect the pilot may pick
 * the end that the full run finds very slightly worse: the corner then
 * bounds a little less tightly, and says so in no number that matters.)
 */
#include <stdlib.h>
#include "cmd/study_cmd.h"
#include "results/study_sens.h"

static long pilot_size(long n)
{
    long m = n / 10, floor = n < 50 ? n : 50;
    return m > floor ? m : floor;
}

/* Variant "PATH low|high|favourable..." with range a's settings at x; the
 * settings are appended to *all when all is not NULL (the corners). */
static int add_end(struct study *s, const struct opts *o, const struct definition *base,
                   const struct assumption_range *a, double x, const char *end, char *err,
                   size_t errlen)
{
    char name[600], **sets = calloc((size_t)a->n_paths + 1, sizeof *sets);
    if (!sets || sens_sets(a, x, sets) < 0) {
        free(sets);
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    snprintf(name, sizeof name, "%s %s", a->path, end);
    int rc = study_variant(s, o, base, name, NULL, (const char *const *)sets, a->n_paths, err,
                           errlen);
    for (int k = 0; k < a->n_paths; k++)
        free(sets[k]);
    free(sets);
    return rc < 0 ? rc : 0;
}

/* A corner: every range at its favourable end (fav) or at the other. */
static int add_corner(struct study *s, const struct opts *o, const struct definition *base,
                      const int *high_fav, int fav, char *err, size_t errlen)
{
    int total = 0, n = 0, rc = 0;
    for (int i = 0; i < base->n_ranges; i++)
        total += base->ranges[i].n_paths;
    char **sets = calloc((size_t)total + 1, sizeof *sets);
    for (int i = 0; sets && i < base->n_ranges && rc == 0; i++) {
        const struct assumption_range *a = &base->ranges[i];
        rc = sens_sets(a, high_fav[i] == fav ? a->high : a->low, sets + n);
        n += rc == 0 ? a->n_paths : 0;
    }
    if (!sets || rc < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        rc = -1;
    } else {
        rc = study_variant(s, o, base, fav ? "all at the favourable end" :
                           "all at the unfavourable end", NULL, (const char *const *)sets, n,
                           err, errlen);
    }
    for (int k = 0; sets && k < n; k++)
        free(sets[k]);
    free(sets);
    return rc < 0 ? rc : 0;
}

static int sens_run(struct study *s, const struct opts *o, const struct definition *base,
                    char *err, size_t errlen)
{
    if (base->n_ranges == 0) {
        snprintf(err, errlen, lang_text(o->lang, T_SENS_NO_RANGES), base->source_file);
        return -2;
    }
    int rc = 0, R = base->n_ranges;
    for (int i = 0; i < R && rc == 0; i++) {
        rc = add_end(s, o, base, &base->ranges[i], base->ranges[i].low, "low", err, errlen);
        if (rc == 0)
            rc = add_end(s, o, base, &base->ranges[i], base->ranges[i].high, "high", err, errlen);
    }
    long m = pilot_size(s->n);
    s->screen = m;
    if (rc == 0)
        rc = study_run(s, o, NULL, 0, 0, m, 0, err, errlen);     /* the pilot, in full */
    int *high_fav = calloc((size_t)(unsigned)R + 1, sizeof *high_fav);
    if (rc == 0 && !high_fav) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < R; i++)
        high_fav[i] = sens_high_favourable(s, i, m);
    if (rc == 0)
        rc = add_corner(s, o, base, high_fav, 1, err, errlen);
    if (rc == 0)
        rc = add_corner(s, o, base, high_fav, 0, err, errlen);
    free(high_fav);
    int corners[2] = { s->n_v - 2, s->n_v - 1 };
    if (rc == 0)                                 /* the rest, shared out */
        rc = study_run(s, o, NULL, 2 * R + 1, m, s->n, 1, err, errlen);
    if (rc == 0)
        rc = study_run(s, o, corners, 2, 0, s->n, 1, err, errlen);
    return rc;
}

static int sens_files(const char *dir, const struct study_view *w, const struct opts *o,
                      struct study_charts *done, char *err, size_t errlen)
{
    if (study_file_out(dir, "sensitivity.csv", w, sens_csv, err, errlen) < 0)
        return -1;
    return sens_charts(dir, w, o->no_plot, o->verbose, done, err, errlen);
}

const struct study_cmd sensitivity_cmd = {
    "sensitivity", 0, sens_run, sens_files, sens_decision, sens_text, sens_csv, sens_json,
    sens_html_table, T_ST_HTML_SENS_H, T_HELP_SENSITIVITY, 0, NULL, NULL
};

int sensitivity_main(int argc, char **argv)
{
    return study_main(&sensitivity_cmd, argc, argv);
}
