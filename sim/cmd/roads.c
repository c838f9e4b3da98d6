/*
 * roads.c -- `supplysim roads SCENARIO.cfg`: which roads the promise
 * depends on.  For every road the hazard can touch (and every corridor of
 * two or more), a variant with the road protected and one with it closed
 * throughout (results/study_roads.h), each on the baseline's replications.
 *
 * Screening, so that hundreds of variants stay affordable: every variant
 * first runs replications 0 .. m - 1, m = max(min(n, 50), n / 10) (every
 * shard runs them all, so that all shards select alike); then only the
 * roads that could be among the ten best run the rest.  The rule: with R
 * roads, each road's screening interval of what protecting it is worth is
 * taken at confidence 1 - (1 - c)/R (Bonferroni), L is the tenth largest
 * lower limit, and a road goes on when its upper limit reaches L.  If every
 * interval covers its true value (probability at least c, by Bonferroni),
 * at least ten roads are truly worth L or more, so every road truly among
 * the ten best is worth at least L, its upper limit reaches L and it goes
 * on: the full stage misses no road of the true top ten.  (A subset
 * selection in the spirit of Gupta 1965, "On some multiple decision
 * (selection and ranking) rules", Technometrics 7:225-245, for the top ten
 * instead of the best one.  The guarantee is as good as the intervals'
 * coverage, which Newcombe's interval gives only approximately with few
 * replications.)  Roads not selected keep their screening statistics: the
 * `runs` column of roads.csv says which.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/study_cmd.h"
#include "results/gis.h"
#include "results/study_roads.h"

static long screen_size(long n)
{
    long m = n / 10, floor = n < 50 ? n : 50;
    return m > floor ? m : floor;
}

static int add_variants(struct study *s, const struct opts *o, const struct definition *base,
                        const struct road_row *rows, int n, char *err, size_t errlen)
{
    char name[300], set[8192];
    for (int i = 0; i < n; i++)
        for (int close = 0; close < 2; close++) {
            const char *sets[1] = { set };
            snprintf(name, sizeof name, "%s %s", close ? "close" : "protect", rows[i].token);
            if (roads_setting(base, &rows[i], close, set, sizeof set) < 0) {
                snprintf(err, errlen, lang_text(o->lang, T_ROADS_LIST_LONG), base->source_file,
                         close ? "close" : "protect");
                return -2;
            }
            int rc = study_variant(s, o, base, name, NULL, sets, 1, err, errlen);
            if (rc < 0)
                return rc;
        }
    return 0;
}

/* After the screening: the roads that go on (their two variants and the
 * baseline keep end = n, the others end = m).  The rule is in the head
 * comment. */
static void select_roads(struct study *s, int n_rows, long m)
{
    double conf = 1 - (1 - s->conf) / n_rows;
    double *lo = malloc((size_t)n_rows * sizeof *lo), *hi = malloc((size_t)n_rows * sizeof *hi);
    double *sorted = malloc((size_t)n_rows * sizeof *sorted);
    if (!lo || !hi || !sorted) {          /* out of memory: no screening, all go on */
        free(lo), free(hi), free(sorted);
        return;
    }
    for (int i = 0; i < n_rows; i++) {
        struct interval d = stats_paired_diff(study_table(s, 1 + 2 * i, m), conf);
        lo[i] = sorted[i] = d.lo;
        hi[i] = d.hi;
    }
    stats_sort(sorted, (size_t)n_rows);   /* ascending: the tenth largest is at R - 10 */
    double tenth = sorted[n_rows - ROADS_TOP];
    for (int i = 0; i < n_rows; i++)
        if (!(hi[i] >= tenth))
            s->v[1 + 2 * i].end = s->v[2 + 2 * i].end = m;
    free(lo), free(hi), free(sorted);
}

static int roads_run(struct study *s, const struct opts *o, const struct definition *base,
                     char *err, size_t errlen)
{
    struct road_row *rows;
    int n_rows, rc;
    if (roads_rows(base, &rows, &n_rows) < 0) {
        snprintf(err, errlen, "%s", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    if (n_rows == 0) {
        snprintf(err, errlen, lang_text(o->lang, T_ROADS_NO_HAZARD), base->source_file);
        free(rows);
        return -2;
    }
    rc = add_variants(s, o, base, rows, n_rows, err, errlen);
    long m = screen_size(s->n);
    if (rc == 0 && m < s->n && n_rows > ROADS_TOP) {
        s->screen = m;
        rc = study_run(s, o, NULL, 0, 0, m, 0, err, errlen);
        if (rc == 0)
            select_roads(s, n_rows, m);
        int *which = malloc((size_t)s->n_v * sizeof *which), k = 0;
        for (int v = 0; which && v < s->n_v; v++)
            if (s->v[v].end == s->n)
                which[k++] = v;
        if (rc == 0)
            rc = which ? study_run(s, o, which, k, m, s->n, 1, err, errlen) : -1;
        free(which);
    } else if (rc == 0) {
        rc = study_run(s, o, NULL, 0, 0, s->n, 1, err, errlen);
    }
    free(rows);
    return rc;
}

static int roads_files(const char *dir, const struct study_view *w, const struct opts *o,
                       struct study_charts *done, char *err, size_t errlen)
{
    if (study_file_out(dir, "roads.csv", w, roads_csv, err, errlen) < 0
        || gis_roads_study(dir, w, err, errlen) < 0)
        return -1;
    return roads_charts(dir, w, o->no_plot, o->verbose, done, err, errlen);
}

const struct study_cmd roads_cmd = {
    "roads", 0, roads_run, roads_files, roads_decision, roads_text, roads_csv, roads_json,
    roads_html_table, T_ST_HTML_ROADS_H, T_HELP_ROADS, 0, NULL, NULL
};

int roads_main(int argc, char **argv)
{
    return study_main(&roads_cmd, argc, argv);
}
