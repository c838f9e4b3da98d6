/*
 * chart_sites.c -- the charts per disaster site: which townships are at risk
 * (probability on time as sorted horizontal bars with Wilson intervals,
 * green / amber / red from the interval against the required level;
 * townships.csv) and why the promise breaks (causes.csv): how often each
 * site is late -- the share of runs, what matters to the promise -- split by
 * the main cause of each late run, counted (a mean of minutes would let a few
 * very long runs of a site that is almost never late draw the longest bar),
 * with the median response of its late runs beside it; the top bar, the runs
 * in which any site was late.  Both list the worst site at the top, in the
 * same order, so a meeting can read one against the other.  Both show at
 * most ROWS_MAX sites, the worst (their .csv lists all): more rows than that
 * cannot be read at the smallest font (a network of hundreds of townships).
 */
#include <math.h>
#include <stdlib.h>
#include "charts/internal.h"
#include "charts/gplot.h"
#include "results/outfile.h"

/* The legend in one or two rows at the bottom of the canvas, under the x
 * axis's words (placed, not `below`: with the fixed top margin gnuplot
 * leaves it too little room). */
#define KEY_FOOT 0.23    /* the plot's foot (screen): room for 3 rows of legend */
#define STR_(x) #x
#define STR(x) STR_(x)
#define KEY_BELOW "set bmargin at screen " STR(KEY_FOOT) "\nset key at screen 0.5, screen 0.015 " \
                  "center bottom horizontal samplen 1.5 font ',17'\n"

#define ROWS_MAX 40    /* sites a chart shows: 9-point names, 13.5 px a row */

/* A note top right, between the subtitle and the plot (clear of the
 * legend, which grows upwards with the causes drawn, and of the causes
 * chart's words over its plot, which start at its left), when a chart shows
 * only the `shown` worst of `all` sites (the text's arguments, in that
 * order). */
static void worst_shown_note(FILE *f, const struct chart_ctx *c, enum text t, int shown, int all)
{
    if (shown >= all)
        return;
    char note[256];
    snprintf(note, sizeof note, lang_text(c->lang, t), shown, all);
    fprintf(f, "set label 92 ");
    gplot_str(f, note);
    fprintf(f, " at screen 0.99, screen 0.885 right font ',13' tc rgb '#444444' front\n");
}

/* The font size (points) for one name per row among `rows` in the plot's
 * 0.60 of 900 pixels: 20 when there is room, smaller so that names of
 * many sites do not overprint, never below 9. */
static double row_font(int rows)
{
    double px = 0.60 * 900 / (rows > 0 ? rows : 1);    /* a row's height */
    double pt = 0.75 * 0.9 * px;                        /* text 90% of it; pt = 3/4 px */
    return pt > 20 ? 20 : pt < 9 ? 9 : floor(pt);
}

/* Site order, worst first; NULL on allocation failure. */
static int *ordered(const struct chart_ctx *c)
{
    int *order = malloc(((size_t)c->d->n_sites + 1) * sizeof *order);
    if (order)
        summary_worst_first(c->d, c->s, order);
    return order;
}

/* ---- townships at risk -------------------------------------------------- */

static int w_townships_data(FILE *f, const struct chart_ctx *c)
{
    int *order = ordered(c);
    char label[256], pct[32];
    if (!order)
        return -1;
    fprintf(f, "y,site,name,p_on_time_pct,lo_pct,hi_pct,risk,label\n");
    for (int i = 0; i < c->d->n_sites; i++) {
        const struct site_summary *ss = &c->s->sites[order[i]];
        chart_site_label(c, order[i], label, sizeof label);
        fprintf(f, "%d,", c->d->n_sites - i);
        gplot_label(f, c->d->sites[order[i]].id);
        fprintf(f, ",");
        gplot_label(f, label);
        fprintf(f, ",%.2f,%.2f,%.2f,%d,", 100 * ss->on_time.est, 100 * ss->on_time.lo,
                100 * ss->on_time.hi, chart_risk(c, ss->on_time));
        chart_pct(pct, sizeof pct, ss->on_time.est);
        gplot_label(f, pct);
        fprintf(f, "\n");
    }
    free(order);
    return 0;
}

/* Legend-only entries (NaN plots nothing) for the three risk colours. */
static void risk_keys(FILE *f, const struct chart_ctx *c)
{
    char k[3][128];
    snprintf(k[0], sizeof k[0], lang_text(c->lang, T_SITES_GREEN_KEY), 100 * c->s->required);
    snprintf(k[1], sizeof k[1], lang_text(c->lang, T_SITES_AMBER_KEY), 100 * AMBER_LEVEL,
             100 * c->s->required);
    snprintf(k[2], sizeof k[2], lang_text(c->lang, T_SITES_RED_KEY), 100 * AMBER_LEVEL);
    static const char *const colour[3] = { "good", "amber", "bad" };
    for (int r = 0; r < 3; r++) {
        if (r == 1 && c->s->required <= AMBER_LEVEL)
            continue;   /* no amber band */
        fprintf(f, ", \\\n    NaN with boxes fc rgb %s title ", colour[r]);
        gplot_str(f, k[r]);
    }
}

static int w_townships(FILE *f, const struct chart_ctx *c)
{
    char scen[128], title[256], sub[512], promise[64], x[256];
    chart_scenario(c, scen, sizeof scen);
    lang_duration(c->lang, c->s->promise_min, promise, sizeof promise);
    snprintf(title, sizeof title, lang_text(c->lang, T_SITES_WHICH_DISASTER_SITES_GET), scen, promise);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_SITES_PROBABILITY_TIME_95_INTERVAL),
             c->s->runs, chart_label(c));
    snprintf(x, sizeof x, lang_text(c->lang, T_SITES_PROBABILITY_THAT_FIRST_RELIEF), promise);
    gplot_begin(f, "townships", "townships at risk: each disaster site's probability of "
                "relief on time, with its Wilson interval", "townships.csv", c->lang == LANG_ZH);
    fprintf(f, "good = " "0x%s; amber = 0x%s; bad = 0x%s\n", &COLOUR_GOOD[1], &COLOUR_AMBER[1],
            &COLOUR_BAD[1]);
    fprintf(f, "colour(r) = r == 0 ? good : r == 1 ? amber : bad\n");
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, x);
    /* rows y = n .. 1, the worst at the top: the range shows the top `rows` */
    int n = c->d->n_sites, rows = n < ROWS_MAX ? n : ROWS_MAX;
    fprintf(f, "\nset xrange [0:112]\nset xtics 0,20,100 nomirror\nset yrange [%d.4:%d.6]\n"
            "set ytics scale 0 font ',%g'\nset border 1\nset grid xtics lc rgb '#dddddd'\n"
            KEY_BELOW "set style fill solid 0.9 noborder\n"
            "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n",
            n - rows, n, row_font(rows), 100 * c->s->required, 100 * c->s->required);
    worst_shown_note(f, c, T_SITES_WORST_SHOWN, rows, n);
    fprintf(f, "plot 'townships.csv' skip 1 using ($4/2):1:(0):4:($1-0.35):($1+0.35):"
            "(colour($7)) with boxxyerror lc rgb variable notitle, \\\n"
            "    'townships.csv' skip 1 using 4:1:5:6:ytic(3) with xerrorbars lc rgb 'black' "
            "pt 7 ps 0.5*pscale lw 1.5 title ");
    gplot_str(f, lang_text(c->lang, T_SITES_95_INTERVAL));
    /* the values in a column right of 100%, clear of the bars and the lines */
    fprintf(f, ", \\\n    'townships.csv' skip 1 using (101):1:8 with labels left font ',%g' "
            "notitle", row_font(rows));
    risk_keys(f, c);
    char req[128];
    snprintf(req, sizeof req, lang_text(c->lang, T_SITES_REQUIRED), 100 * c->s->required);
    fprintf(f, ", \\\n    NaN with lines dt 2 lw 2 lc rgb 'black' title ");
    gplot_str(f, req);
    fprintf(f, "\n");
    gplot_end(f);
    return 0;
}

int chart_townships(const struct chart_ctx *c, char *err, size_t errlen)
{
    if (chart_file(c, "townships.csv", w_townships_data, err, errlen) < 0)
        return -1;
    return chart_file(c, "townships.gp", w_townships, err, errlen);
}

/* ---- why the promise breaks --------------------------------------------- */

/* A cause's colour: waits in warm colours, the journey in blues, the road
 * in reds (its parts: the wait for a road dark, detours bright, slowed roads
 * pale), a site no store can reach in black; causes added after these take
 * the further colours, then repeat them (every cause of the model's table is
 * drawn). */
static const char *cause_colour(int cause)
{
    static const char *const colour[] = {
        "#9e9e9e", "#6a3d9a", "#b15928", "#ff7f00", "#fdbf6f", "#a6cee3", "#1f78b4", "#8b0000",
        "#252525", "#e31a1c", "#8b0000", "#fb9a99", "#33a02c", "#b2df8a", "#cab2d6", "#ffff99",
    };
    return colour[cause % (int)(sizeof colour / sizeof colour[0])];
}

/* The bars' segments, left to right: the main causes with road delays
 * replaced by their parts (a late run whose main cause was road delays is
 * drawn in the colour of the part that took most of them). */
static int segments(int *seg)
{
    int n = 0;
    for (int j = 0; j < MAIN_CAUSES; j++) {
        if (j != CAUSE_ROAD)
            seg[n++] = j;
        for (int p = MAIN_CAUSES; j == CAUSE_ROAD && p < CAUSES; p++)
            seg[n++] = p;
    }
    return n;
}

/* Causes that were the main one of some late run: the others stay out of
 * the legend. */
static int cause_used(const struct chart_ctx *c, int cause)
{
    if (c->s->broken_by[cause] > 0)
        return 1;
    for (int k = 0; k < c->d->n_sites; k++)
        if (c->s->sites[k].late_by[cause] > 0)
            return 1;
    return 0;
}

static int late_sites(const struct chart_ctx *c)
{
    int m = 0;
    for (int k = 0; k < c->d->n_sites; k++)
        m += c->s->sites[k].late > 0;
    return m;
}

/* One bar: the share of runs (%) late, split by main cause, and the words
 * beside it. */
static void cause_row(FILE *f, const struct chart_ctx *c, int y, const char *name, long late,
                      const long *by, const char *words)
{
    double n = c->s->runs > 0 ? (double)c->s->runs : 1;
    fprintf(f, "%d,", y);
    gplot_label(f, name);
    fprintf(f, ",%.4f", 100 * late / n);
    for (int j = 0; j < CAUSES; j++)
        fprintf(f, ",%.4f", 100 * by[j] / n);
    fprintf(f, ",");
    gplot_label(f, words);
    fprintf(f, "\n");
}

/* "30.1% late, median 158 min", or the promise broken for the top bar. */
static void row_words(const struct chart_ctx *c, long late, double median, char *buf, size_t n)
{
    char pct[32];
    chart_pct(pct, sizeof pct, c->s->runs ? (double)late / (double)c->s->runs : 0);
    if (!isfinite(median))
        snprintf(buf, n, lang_text(c->lang, isnan(median) ? T_CAUSES_BROKEN_WORDS
                                                         : T_CAUSES_LATE_NEVER), pct);
    else
        snprintf(buf, n, lang_text(c->lang, T_CAUSES_LATE_WORDS), pct, median);
}

static int w_causes_data(FILE *f, const struct chart_ctx *c)
{
    int *order = ordered(c), m = late_sites(c);
    char label[256], words[256];
    if (!order)
        return -1;
    fprintf(f, "y,name,late_pct");
    for (int j = 0; j < CAUSES; j++)
        fprintf(f, ",%s_pct", cause_id((enum cause)j));
    fprintf(f, ",label\n");
    row_words(c, c->s->runs - c->s->kept, NAN, words, sizeof words);
    cause_row(f, c, m + 2, lang_text(c->lang, T_CAUSES_ANY_SITE_LATE), c->s->runs - c->s->kept,
              c->s->broken_by, words);
    for (int i = 0, y = m; i < c->d->n_sites; i++) {
        const struct site_summary *ss = &c->s->sites[order[i]];
        if (ss->late <= 0)
            continue;
        chart_site_label(c, order[i], label, sizeof label);
        row_words(c, ss->late, ss->late_median, words, sizeof words);
        cause_row(f, c, y--, label, ss->late, ss->late_by, words);
    }
    free(order);
    return 0;
}

/* The sum of the share columns of segments seg[0..n) (cause j's share is
 * column 4 + j), 0 for none. */
static void seg_sum(FILE *f, const int *seg, int n)
{
    fprintf(f, "(0");
    for (int i = 0; i < n; i++)
        fprintf(f, "+column(%d)", 4 + seg[i]);
    fprintf(f, ")");
}

/* Stacked bars, one plot per segment used: segment k spans the shares of
 * segments 0 .. k-1 to 0 .. k. */
static void cause_bars(FILE *f, const struct chart_ctx *c)
{
    int seg[CAUSES], n = segments(seg), first = 1;
    for (int k = 0; k < n; k++) {
        if (!cause_used(c, seg[k]))
            continue;
        fprintf(f, "%s    'causes.csv' skip 1 using ", first ? "" : ", \\\n");
        seg_sum(f, seg, k);
        fprintf(f, ":1:");
        seg_sum(f, seg, k);
        fprintf(f, ":");
        seg_sum(f, seg, k + 1);
        fprintf(f, ":($1-0.35):($1+0.35)%s with boxxyerror fc rgb '%s' title ",
                first ? ":ytic(2)" : "", cause_colour(seg[k]));
        gplot_str(f, lang_cause(c->lang, seg[k]));
        first = 0;
    }
}

/* KEY_BELOW leaves room for a legend of three rows (two columns: six
 * causes); each further row, 0.028 of the canvas (23 px of 17-point text),
 * lifts the plot's foot by as much, so that the legend keeps off the x
 * axis's words. */
static void legend_room(FILE *f, const struct chart_ctx *c)
{
    int seg[CAUSES], n = segments(seg), used = 0;
    for (int k = 0; k < n; k++)
        used += cause_used(c, seg[k]);
    int rows = (used + 1) / 2;
    if (rows > 3)
        fprintf(f, "set bmargin at screen %g\n", KEY_FOOT + 0.028 * (rows - 3));
}

/* The share of runs that one site alone may be late in, if the promise is
 * to be kept in the required share of runs: 1 - required. */
static void allowed_line(FILE *f, const struct chart_ctx *c)
{
    char buf[256];
    double x = 100 * (1 - c->s->required);
    snprintf(buf, sizeof buf, lang_text(c->lang, T_CAUSES_ALLOWED), x);
    fprintf(f, "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n"
            "set label ", x, x);
    gplot_str(f, buf);
    fprintf(f, " at %g, graph 1 offset 0.5,0.75 left front\n", x);
}

static int w_causes(FILE *f, const struct chart_ctx *c)
{
    char scen[128], title[256], sub[512], promise[64];
    /* rows y = late + 2 (any site late), then late .. 1, the worst first:
     * the range shows the top bar and the worst ROWS_MAX sites */
    int late = late_sites(c), shown = late < ROWS_MAX ? late : ROWS_MAX, rows = shown + 2;
    chart_scenario(c, scen, sizeof scen);
    lang_duration(c->lang, c->s->promise_min, promise, sizeof promise);
    snprintf(title, sizeof title, lang_text(c->lang, T_CAUSES_TITLE), scen);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_CAUSES_SUB), c->s->runs, chart_label(c),
             promise);
    gplot_begin(f, "causes", "why the promise breaks: the share of runs in which each site was "
                "late, split by the main cause of its delay in each, and the runs in which any "
                "site was late", "causes.csv", c->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(c->lang, T_CAUSES_X));
    double top = c->s->runs ? 100.0 * (double)(c->s->runs - c->s->kept) / (double)c->s->runs : 0;
    double xr = fmin(100, 10 * ceil(fmax(top, 100 * (1 - c->s->required)) * 1.02 / 10));
    /* the bars in the left part, their words in a column right of the axis;
     * at most six tick labels, so that they never touch */
    double step = xr > 50 ? 20 : xr > 25 ? 10 : 5;
    fprintf(f, "\nset xrange [0:%g]\nset xtics %g nomirror\nset format x '%%g%%%%'\n"
            "set yrange [%d.4:%d.6]\nset ytics scale 0 font ',%g'\nset border 1\n"
            "set grid xtics lc rgb '#dddddd'\nset rmargin at screen 0.70\n" KEY_BELOW
            "set style fill solid 0.95 border rgb 'white'\n", xr > 0 ? xr : 10, step,
            late - shown, late + 2, row_font(rows));
    allowed_line(f, c);
    worst_shown_note(f, c, T_CAUSES_WORST_SHOWN, shown, late);
    legend_room(f, c);
    if (!c->s->late) {
        fprintf(f, "set label ");
        gplot_str(f, lang_text(c->lang, T_SITES_NO_SITE_WAS_LATE));
        fprintf(f, " at graph 0.5, graph 0.5 center\nplot 1/0 notitle\n");
        gplot_end(f);
        return 0;
    }
    fprintf(f, "plot \\\n");
    cause_bars(f, c);
    fprintf(f, ", \\\n    'causes.csv' skip 1 using (%g):1:%d with labels left offset 1,0 "
            "font ',%g' notitle\n", xr > 0 ? xr : 10, CAUSES + 4, fmin(17, row_font(rows)));
    gplot_end(f);
    return 0;
}

int chart_causes(const struct chart_ctx *c, char *err, size_t errlen)
{
    if (chart_file(c, "causes.csv", w_causes_data, err, errlen) < 0)
        return -1;
    return chart_file(c, "causes.gp", w_causes, err, errlen);
}
