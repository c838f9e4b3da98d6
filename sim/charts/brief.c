/*
 * brief.c -- page 1 of a run's report.html: what a planning meeting needs
 * on one A4 sheet, in the run's language.  When the run was made
 * (SOURCE_DATE_EPOCH when set, else now), supplysim's version, the
 * scenario, seed and runs; the verdict in one sentence; the sites most at
 * risk with their main cause; the measures an `improve` study recommends
 * and those a `roads` study found worth most, else how to find them; and what the result rests on -- the assumptions a
 * `sensitivity` study found to change the verdict, else the run's own.
 *
 * Studies are found in the folder a study writes by default next to the
 * run's output folder (as named, not where it is staged): DIR-improve,
 * DIR-roads and DIR-sensitivity for a run in DIR (out/flood ->
 * out/flood-roads), and used only when their study.dat is of the same seed
 * and number of sites (and, for improve, of levers the configuration still
 * has, at the costs the study recorded); the brief says which folder and
 * how many runs.
 * Their numbers are recomputed from study.dat by the study's own code, so
 * they are the study report's.  A missing or unreadable study is not an
 * error: the brief says how to run one.
 *
 * The date is the only thing in any output of a run that is not a function
 * of the seed and settings: with SOURCE_DATE_EPOCH set (the
 * reproducible-builds convention; the tests set it) report.html is the same
 * bytes too.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "charts/brief.h"
#include "charts/html_text.h"
#include "charts/internal.h"
#include "results/outfile.h"
#include "results/study_file.h"
#include "results/study_improve.h"
#include "results/study_roads.h"
#include "results/study_sens.h"

#define AT_RISK 5           /* sites listed */
#define MEASURES 3          /* roads listed */
#define FLIPS 4             /* assumptions listed */

/* A study read from a folder next to the run's, with every variant's
 * statistics. */
struct found {
    struct study s;
    struct variant_stats *st;
    struct study_view w;
    char dir[1100];
};

static void found_free(struct found *x)
{
    free(x->st);
    study_free(&x->s);
    memset(x, 0, sizeof *x);
}

/* "2024-09-17 01:00 UTC" from SOURCE_DATE_EPOCH, else the local time now;
 * 0, or -1 with a message when SOURCE_DATE_EPOCH is not a number of seconds. */
static int when(enum lang l, char *buf, size_t n, char *err, size_t errlen)
{
    time_t t;
    struct tm tm;
    int fixed;
    if (out_run_time(l, &t, &fixed, err, errlen) < 0)
        return -1;
    if (fixed ? gmtime_r(&t, &tm) && strftime(buf, n, "%Y-%m-%d %H:%M UTC", &tm)
              : localtime_r(&t, &tm) && strftime(buf, n, "%Y-%m-%d %H:%M %Z", &tm))
        return 0;
    snprintf(err, errlen, "%s", lang_text(l, T_BRIEF_NO_CLOCK));
    return -1;
}

/* The study `command` next to the run's folder, when it is of this run's
 * seed and sites: 1 and *x filled (found_free it), 0 when there is none.
 * Out of memory counts as none: the brief then says how to run one. */
static int find_study(const struct brief *b, const char *command, struct found *x)
{
    char err[512], *plan = NULL;
    size_t len = strlen(b->folder);
    while (len > 1 && b->folder[len - 1] == '/')
        len--;
    memset(x, 0, sizeof *x);
    snprintf(x->dir, sizeof x->dir, "%.*s-%s", (int)len, b->folder, command);
    if (study_file_read(x->dir, &x->s, &plan, b->lang, err, sizeof err) < 0)
        return 0;   /* no study there, or not one to trust */
    free(plan);
    int ok = !strcmp(x->s.command, command) && x->s.seed == b->ri->seed
             && x->s.n_sites == b->d->n_sites && x->s.n_v > 0
             && (x->st = calloc((size_t)x->s.n_v, sizeof *x->st));
    for (int v = 0; ok && v < x->s.n_v; v++)
        ok = study_stats(&x->s, v, &x->st[v]) == 0;
    if (!ok) {
        found_free(x);
        return 0;
    }
    x->w = (struct study_view){ b->d, &x->s, x->st, b->lang, b->ri->version, NULL };
    return 1;
}

/* ---- the parts ---------------------------------------------------------- */

static void kicker(FILE *f, const struct brief *b, const char *date)
{
    char buf[512];
    snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_KICKER), b->ri->version,
             lang_name(b->lang, b->d->name, b->d->name_zh), b->ri->seed, b->s->runs, date);
    fprintf(f, "<p class=\"kicker\">");
    html_text(f, buf);
    fprintf(f, "</p>\n");
}

static void verdict(FILE *f, const struct brief *b)
{
    const struct summary *s = b->s;
    const struct chart_ctx c = { b->folder, b->d, s, b->lang, NULL, NULL };
    char promise[64], buf[1024], scen[128], h1[256];
    lang_duration(b->lang, s->promise_min, promise, sizeof promise);
    chart_scenario(&c, scen, sizeof scen);
    snprintf(h1, sizeof h1, lang_text(b->lang, T_BRIEF_TITLE), scen, promise);
    snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_VERDICT),
             lang_verdict(b->lang, s->verdict), promise, 100 * s->promise_kept.est, s->runs,
             chart_label(&c), 100 * s->conf, 100 * s->promise_kept.lo, 100 * s->promise_kept.hi,
             100 * s->required);
    fprintf(f, "<h1>");
    html_text(f, h1);
    fprintf(f, "</h1>\n<p class=\"verdict %s\">", verdict_name(s->verdict));
    html_text(f, buf);
    fprintf(f, "</p>\n");
}

/* The sites whose interval is not wholly at or above the required level,
 * worst first, at most AT_RISK. */
static int at_risk(FILE *f, const struct brief *b)
{
    static const char *const colour[3] = { COLOUR_GOOD, COLOUR_AMBER, COLOUR_BAD };
    const struct chart_ctx c = { b->folder, b->d, b->s, b->lang, NULL, NULL };
    int *order = malloc(((size_t)b->d->n_sites + 1) * sizeof *order), shown = 0;
    if (!order)
        return -1;
    summary_worst_first(b->d, b->s, order);
    fprintf(f, "<h2>%s</h2>\n", lang_text(b->lang, T_BRIEF_AT_RISK_H));
    for (int i = 0; i < b->d->n_sites && shown < AT_RISK; i++) {
        const struct site_summary *ss = &b->s->sites[order[i]];
        int risk = chart_risk(&c, ss->on_time);
        if (risk == 0)
            continue;
        char label[256], on[32], late[32];
        if (!shown++)
            fprintf(f, "<table>\n<tr><th>%s</th><th>%s</th><th>95%% CI</th><th>%s</th><th>%s</th>"
                    "</tr>\n", lang_text(b->lang, T_HTML_SITE_TOWNSHIP),
                    lang_text(b->lang, T_HTML_ON_TIME), lang_text(b->lang, T_BRIEF_LATE),
                    lang_text(b->lang, T_HTML_MAIN_CAUSE_LATENESS));
        chart_site_label(&c, order[i], label, sizeof label);
        chart_pct(on, sizeof on, ss->on_time.est);
        chart_pct(late, sizeof late, b->s->runs ? (double)ss->late / (double)b->s->runs : 0);
        fprintf(f, "<tr><td><span class=\"dot\" style=\"background:%s\"></span>", colour[risk]);
        html_text(f, label);
        fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%.1f–%.1f%%</td><td class=\"n\">%s"
                "</td><td>", on, 100 * ss->on_time.lo, 100 * ss->on_time.hi, late);
        char why[128];
        const char *main = summary_main_words(ss, b->lang, why, sizeof why);
        html_text(f, main ? main : "–");
        fprintf(f, "</td></tr>\n");
    }
    if (shown)
        fprintf(f, "</table>\n");
    else
        fprintf(f, "<p>%s</p>\n", lang_text(b->lang, T_BRIEF_NONE_AT_RISK));
    free(order);
    return 0;
}

/* Where a study's numbers come from: its folder (by name: no path goes
 * into the report), runs and baseline. */
static void source(FILE *f, const struct brief *b, const struct found *x)
{
    char buf[1400];
    const char *name = strrchr(x->dir, '/');
    snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_SOURCE), x->s.command,
             name ? name + 1 : x->dir, x->s.n, 100 * x->st[0].kept.est);
    fprintf(f, "<p class=\"also\">");
    html_text(f, buf);
    fprintf(f, "</p>\n");
}

/* The roads whose protection is detectably worth most (the interval of the
 * paired difference wholly above 0), from the roads study. */
static int roads_measures(FILE *f, const struct brief *b, const struct found *x, int *said)
{
    struct road_row *rows;
    int n, *order, shown = 0;
    if (roads_rows(b->d, &rows, &n) < 0)
        return -1;
    order = malloc(((size_t)n + 1) * sizeof *order);
    if (!order || x->s.n_v != 1 + 2 * n || roads_rank(&x->w, n, order) < 0) {
        free(rows);
        free(order);
        return order ? 0 : -1;   /* a study of other roads: say nothing of it */
    }
    *said = 1;
    for (int k = 0; k < n && shown < MEASURES; k++) {
        const struct road_row *r = &rows[order[k]];
        const struct interval *d = &x->st[1 + 2 * order[k]].diff;
        if (!(d->lo > 0))
            break;
        char buf[1024], road[600];
        roads_row_name(&x->w, r, road, sizeof road);
        snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_PROTECT), road,
                 lang_road_class(b->lang, r->cls), r->km, 100 * d->est, 100 * d->lo, 100 * d->hi);
        fprintf(f, "%s<li>", shown++ ? "" : "<ol>\n");
        html_text(f, buf);
        fprintf(f, "</li>\n");
    }
    fprintf(f, shown ? "</ol>\n" : "<p>%s</p>\n", lang_text(b->lang, T_BRIEF_NO_ROAD));
    source(f, b, x);
    free(rows);
    free(order);
    return 0;
}

/* The improve study's decision: the cheapest plan of levers that keeps the
 * promise and what it costs (or that none does, and the best), in the
 * study's own words.  0 with nothing written when the study's levers are
 * not the configuration's any more; -1 when out of memory. */
static int improve_measures(FILE *f, const struct brief *b, struct found *x, int *shown)
{
    struct improve im;
    char err[512], *text = NULL;
    size_t len = 0;
    if (improve_build(&im, b->d, &x->s, x->st, b->lang, err, sizeof err) < 0) {
        improve_free(&im);   /* what it had built (it zeroes im first) */
        return 0;            /* a study of other levers: say nothing of it */
    }
    FILE *m = open_memstream(&text, &len);
    if (!m) {
        improve_free(&im);
        return -1;
    }
    x->w.improve = &im;
    improve_decision(m, &x->w);
    x->w.improve = NULL;
    improve_free(&im);
    if (fclose(m) != 0) {
        free(text);
        return -1;
    }
    while (len > 0 && text[len - 1] == '\n')
        text[--len] = '\0';
    fprintf(f, "<p class=\"decision\">");
    html_text(f, text);
    fprintf(f, "</p>\n");
    free(text);
    source(f, b, x);
    *shown = 1;
    return 0;
}

/* "<code>supplysim COMMAND scenarios/NAME.cfg</code>", the name escaped;
 * NULL when out of memory. */
static char *command_html(const struct brief *b, const char *command)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    fprintf(m, "<code>supplysim %s scenarios/", command);
    html_text(m, b->d->name);
    fprintf(m, ".cfg</code>");
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* How to find the measures: the commands (HTML, escaped) that make an
 * improve and a roads study; -1 when out of memory. */
static int measures_hint(FILE *f, const struct brief *b)
{
    char *improve = command_html(b, "improve"), *roads = command_html(b, "roads");
    int rc = improve && roads ? 0 : -1;
    if (rc == 0) {
        fprintf(f, "<p>");
        fprintf(f, lang_text(b->lang, T_BRIEF_NO_STUDY), improve, roads);
        fprintf(f, "</p>\n");
    }
    free(improve);
    free(roads);
    return rc;
}

/* How to find what the verdict rests on: the number of assumption ranges
 * and the command that makes a sensitivity study; -1 when out of memory. */
static int sens_hint(FILE *f, const struct brief *b)
{
    char *cmd = command_html(b, "sensitivity");
    if (!cmd)
        return -1;
    fprintf(f, "<p>");
    fprintf(f, lang_text(b->lang, T_BRIEF_NO_SENS), b->d->n_ranges, cmd);
    fprintf(f, "</p>\n");
    free(cmd);
    return 0;
}

/* The measures: improve's decision, then the roads worth protecting; or
 * how to find them. */
static int measures(FILE *f, const struct brief *b)
{
    struct found x;
    int rc = 0, shown = 0;
    fprintf(f, "<h2>%s</h2>\n", lang_text(b->lang, T_BRIEF_MEASURES_H));
    if (find_study(b, "improve", &x)) {
        rc = improve_measures(f, b, &x, &shown);
        found_free(&x);
    }
    if (rc == 0 && find_study(b, "roads", &x)) {
        rc = roads_measures(f, b, &x, &shown);
        found_free(&x);
    }
    return rc == 0 && !shown ? measures_hint(f, b) : rc;
}

/* The verdict's own assumptions when no sensitivity study was run. */
static int own_assumptions(FILE *f, const struct brief *b)
{
    const struct run *r = &b->d->run;
    char buf[768];
    int h = (int)(r->onset_hour), m = (int)((r->onset_hour - h) * 60 + 0.5) % 60;
    snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_OWN), h, m,
             r->alarm == ALARM_ONSET ? lang_text(b->lang, T_HTML_EVERY_STORE_CREWS_CALLED)
                                     : lang_text(b->lang, T_HTML_CREWS_CALLED_OUT_WHEN),
             r->dispatch == DISPATCH_TIERED ? lang_text(b->lang, T_HTML_TIERED_OWN_TOWNSHIP_THEN)
                                            : lang_text(b->lang, T_HTML_EARLIEST_STORE_WHOSE_TRUCK),
             b->s->total_trucks, b->d->n_facilities);
    fprintf(f, "<p>");
    html_text(f, buf);
    fprintf(f, "</p>\n");
    return sens_hint(f, b);
}

/* The assumptions whose range's end changes the verdict, from the
 * sensitivity study; or that none does. */
static int flips(FILE *f, const struct brief *b, const struct found *x)
{
    int n = b->d->n_ranges, shown = 0, all = 0, *order = malloc(((size_t)n + 1) * sizeof *order);
    enum verdict base = x->st[0].verdict;
    char buf[1024], range[96];
    if (!order)
        return -1;
    sens_order(&x->w, order);   /* largest swing first, as the study lists them */
    for (int j = 0; j < n; j++) {
        int i = order[j];
        const struct assumption_range *a = &b->d->ranges[i];
        int low = x->st[1 + 2 * i].verdict != base, high = x->st[2 + 2 * i].verdict != base;
        if (!low && !high)
            continue;
        all++;
        if (shown >= FLIPS)
            continue;
        snprintf(range, sizeof range, a->relative ? "×%g–%g" : "%g–%g", a->low, a->high);
        snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_FLIP), a->path, range,
                 lang_verdict(b->lang, x->st[low ? 1 + 2 * i : 2 + 2 * i].verdict),
                 lang_text(b->lang, low ? T_ST_LOW_END : T_ST_HIGH_END), a->why);
        fprintf(f, "%s<li>", shown++ ? "" : "<ul>\n");
        html_text(f, buf);
        fprintf(f, "</li>\n");
    }
    if (shown)
        fprintf(f, "</ul>\n");
    if (!all)
        snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_HOLDS), n);
    else
        snprintf(buf, sizeof buf, lang_text(b->lang, T_BRIEF_FLIPS_COUNT), all, n);
    fprintf(f, "<p>");
    html_text(f, buf);
    fprintf(f, "</p>\n");
    source(f, b, x);
    free(order);
    return 0;
}

static int rests_on(FILE *f, const struct brief *b)
{
    struct found x;
    int rc = 0;
    fprintf(f, "<h2>%s</h2>\n", lang_text(b->lang, T_BRIEF_RESTS_H));
    if (find_study(b, "sensitivity", &x) && x.s.n_v == 3 + 2 * b->d->n_ranges)
        rc = flips(f, b, &x);
    else
        rc = own_assumptions(f, b);
    if (x.st)
        found_free(&x);
    return rc;
}

int html_brief(FILE *f, const struct brief *b, char *err, size_t errlen)
{
    char date[64];
    if (when(b->lang, date, sizeof date, err, errlen) < 0)
        return -1;
    fprintf(f, "<section class=\"brief\" id=\"brief\">\n");
    kicker(f, b, date);
    verdict(f, b);
    if (at_risk(f, b) < 0 || measures(f, b) < 0 || rests_on(f, b) < 0) {
        snprintf(err, errlen, "report.html: %s", lang_text(b->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    fprintf(f, "<p class=\"follows\">%s</p>\n</section>\n", lang_text(b->lang, T_BRIEF_FOLLOWS));
    return 0;
}
