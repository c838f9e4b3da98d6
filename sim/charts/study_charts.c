/*
 * study_charts.c -- drawing a study's charts (scripts and data written
 * whole, then gnuplot, as for a run: charts.c), and the compare chart: one
 * row per option, its paired difference from the baseline in points with
 * its interval (black) over the interval the same difference would have
 * from independent runs (grey), a line at 0; the roads map and the
 * tornado; and improve's frontier: every plan run in full at its cost a
 * year and its promise kept, the frontier drawn as a staircase with the
 * plans' intervals, the required level, the recommended plan ringed.  Same
 * seed, same bytes.
 */
#include <math.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/gplot.h"
#include "charts/study_charts.h"
#include "results/outfile.h"
#include "results/study_improve.h"
#include "results/study_roads.h"
#include "results/study_sens.h"
#include <stdlib.h>

/* The context the shared helpers of the charts want (names, language). */
static struct chart_ctx ctx(const char *dir, const struct study_view *w)
{
    return (struct chart_ctx){ dir, w->d, NULL, w->lang, NULL, NULL };
}

static int write_file(const char *dir, const char *name, const struct study_view *w,
                      int (*write)(FILE *, const struct study_view *), char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, name, w->lang, err, errlen) < 0)
        return -1;
    if (write(o.f, w) < 0) {
        out_abort(&o);
        snprintf(err, errlen, "%s/%s: %s", dir, name, lang_text(w->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    return out_commit(&o, err, errlen);
}

/* Draws done->names[0..n) with gnuplot; a missing gnuplot is a warning. */
static void draw(const char *dir, int verbose, struct study_charts *done)
{
    char gnuplot[4096];
    if (gplot_find(gnuplot, sizeof gnuplot) < 0) {
        fprintf(stderr, "supplysim: warning: gnuplot is not on the PATH: charts not drawn "
                "(their scripts are in %s; install gnuplot and run `gnuplot NAME.gp` there)\n",
                dir);
        done->state = CHARTS_NO_GNUPLOT;
        gplot_forget(dir, done->names, done->n);
        return;
    }
    done->state = CHARTS_RAN;
    gplot_draw(gnuplot, dir, done->names, done->n, done->drawn, verbose);
}

/* A study's one chart, not drawn yet: its name and the words about it. */
static void one_chart(struct study_charts *done, const char *name, enum text heading,
                      enum text how)
{
    memset(done, 0, sizeof *done);
    done->state = CHARTS_SKIPPED;
    done->n = 1;
    done->names[0] = name;
    done->heading[0] = heading;
    done->how[0] = how;
}

/* ---- compare -------------------------------------------------------------- */

static int w_compare_data(FILE *f, const struct study_view *w)
{
    fputs("row,option,diff_points,lo,hi,unpaired_lo,unpaired_hi\n", f);
    for (int v = 1; v < w->s->n_v; v++) {
        const struct variant_stats *x = &w->st[v];
        fprintf(f, "%d,", w->s->n_v - v);
        gplot_label(f, w->s->v[v].name);
        fprintf(f, ",%.3f,%.3f,%.3f,%.3f,%.3f\n", 100 * x->diff.est + 0.0, 100 * x->diff.lo + 0.0,
                100 * x->diff.hi + 0.0, 100 * x->diff_unpaired.lo + 0.0,
                100 * x->diff_unpaired.hi + 0.0);
    }
    return 0;
}

static int w_compare(FILE *f, const struct study_view *w)
{
    const struct chart_ctx c = ctx(NULL, w);
    char scen[128], title[256], sub[512], promise[64];
    chart_scenario(&c, scen, sizeof scen);
    lang_duration(w->lang, w->d->run.promise_min, promise, sizeof promise);
    snprintf(title, sizeof title, lang_text(w->lang, T_ST_COMPARE_TITLE), scen);
    snprintf(sub, sizeof sub, lang_text(w->lang, T_ST_COMPARE_SUB), w->s->n, chart_label(&c),
             promise, 100 * w->s->conf);
    double span = 1;                      /* the x range: every interval, symmetric about 0 */
    for (int v = 1; v < w->s->n_v; v++) {
        const struct interval *i[2] = { &w->st[v].diff, &w->st[v].diff_unpaired };
        for (int k = 0; k < 2; k++)
            if (isfinite(i[k]->lo) && isfinite(i[k]->hi))
                span = fmax(span, 100 * fmax(fabs(i[k]->lo), fabs(i[k]->hi)));
    }
    span = ceil(span * 1.1);
    gplot_begin(f, "compare", "each option's difference from the baseline in the promise kept, "
                "paired interval over the unpaired one", "compare_chart.csv", w->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(w->lang, T_ST_COMPARE_X));
    fprintf(f, "\nset xrange [%g:%g]\nset xtics nomirror\nset yrange [0.4:%d.6]\nset ytics scale 0 font ',16'\n"
            "set border 1\nset grid xtics lc rgb '#dddddd'\n"
            "set bmargin at screen 0.2\nset key at screen 0.5, screen 0.015 center bottom "
            "horizontal samplen 2 font ',17'\n"
            "set arrow from 0, graph 0 to 0, graph 1 nohead lw 2 lc rgb '#555555' back\n"
            "plot 'compare_chart.csv' skip 1 using 3:1:6:7 with xerrorbars pt -1 lw 9 "
            "lc rgb '#c8c8c8' title ", -span, span, w->s->n_v > 1 ? w->s->n_v - 1 : 1);
    gplot_str(f, lang_text(w->lang, T_ST_UNPAIRED));
    fprintf(f, ", \\\n    'compare_chart.csv' skip 1 using 3:1:4:5:ytic(2) with xerrorbars "
            "pt 7 ps 1.3*pscale lw 3 lc rgb 'black' title ");
    gplot_str(f, lang_text(w->lang, T_ST_PAIRED));
    fprintf(f, "\n");
    gplot_end(f);
    return 0;
}

int compare_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                   struct study_charts *done, char *err, size_t errlen)
{
    one_chart(done, "compare", T_ST_ABOUT_COMPARE_H, T_ST_ABOUT_COMPARE);
    if (no_plot)
        return 0;
    if (write_file(dir, "compare_chart.csv", w, w_compare_data, err, errlen) < 0
        || write_file(dir, "compare.gp", w, w_compare, err, errlen) < 0)
        return -1;
    draw(dir, verbose, done);
    return 0;
}

/* ---- roads: the run's map, roads painted by what protecting them is worth -- */

/* The baseline's chance per site of relief on time, as much of a summary
 * as the map reads (sites' chances, the required level, the promise). */
static int baseline_summary(const struct study_view *w, struct summary *sum)
{
    memset(sum, 0, sizeof *sum);
    sum->sites = calloc((size_t)w->d->n_sites + 1, sizeof *sum->sites);
    if (!sum->sites)
        return -1;
    long n = w->s->v[0].end;
    for (int i = 0; i < w->d->n_sites; i++) {
        long ok = 0;
        for (long k = 0; k < n; k++)
            ok += w->s->site_ok[k * w->s->n_sites + i];
        sum->sites[i].on_time = stats_wilson(ok, n, 0.95);
    }
    sum->runs = n;
    sum->required = w->s->required;
    sum->promise_min = w->d->run.promise_min;
    return 0;
}

/* Points of the promise that protecting a segment is worth, in bands. */
static const double band[] = { 1.0, 3.0, 10.0 };

static void paint_words(const struct study_view *w, struct road_paint *p)
{
    enum lang l = w->lang;
    static const char *const colour[PAINT_STATES] = { NULL, "#9ecae1", "#fdae61", "#f46d43",
                                                      "#a50026" };
    for (int k = 0; k < PAINT_STATES; k++)
        p->colour[k] = colour[k];
    snprintf(p->words[1], sizeof p->words[1], lang_text(l, T_ST_ROADS_KEY_LOW), band[0]);
    snprintf(p->words[2], sizeof p->words[2], lang_text(l, T_ST_ROADS_KEY_MID), band[0], band[1]);
    snprintf(p->words[3], sizeof p->words[3], lang_text(l, T_ST_ROADS_KEY_MID), band[1], band[2]);
    snprintf(p->words[4], sizeof p->words[4], lang_text(l, T_ST_ROADS_KEY_HIGH), band[2]);
    const struct chart_ctx c = ctx(NULL, w);
    char scen[128];
    chart_scenario(&c, scen, sizeof scen);
    snprintf(p->title, sizeof p->title, lang_text(l, T_ST_ROADS_TITLE), scen);
    snprintf(p->subtitle, sizeof p->subtitle, lang_text(l, T_ST_ROADS_SUB), w->s->n,
             chart_label(&c));
}

/* Each segment row's band (corridors are in the table, not on the map). */
static int paint_roads(const struct study_view *w, int *state)
{
    struct road_row *rows;
    int n;
    if (roads_rows(w->d, &rows, &n) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        if (rows[i].corridor)
            continue;
        double pts = 100 * w->st[1 + 2 * i].diff.est;
        int b = 1;
        while (b <= 3 && pts >= band[b - 1])
            b++;
        state[rows[i].road] = b;
    }
    free(rows);
    return 0;
}

int roads_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                 struct study_charts *done, char *err, size_t errlen)
{
    one_chart(done, "map", T_ST_ABOUT_ROADS_H, T_ST_ABOUT_ROADS);
    if (no_plot)
        return 0;
    struct road_paint paint = { 0 };
    struct summary sum;
    int *state = calloc((size_t)w->d->n_roads + 1, sizeof *state), rc = -1;
    paint.state = state;
    paint.n_states = PAINT_STATES;
    paint_words(w, &paint);
    if (state && baseline_summary(w, &sum) == 0) {
        struct chart_ctx c = ctx(dir, w);
        c.s = &sum;
        c.paint = &paint;
        rc = paint_roads(w, state) == 0 ? chart_map(&c, err, errlen) : -1;
        free(sum.sites);
    }
    free(state);
    if (rc < 0) {
        if (!err[0])
            snprintf(err, errlen, "out of memory drawing the roads map");
        return -1;
    }
    draw(dir, verbose, done);
    return 0;
}

/* ---- sensitivity: the tornado ------------------------------------------------- */

static int w_tornado_data(FILE *f, const struct study_view *w)
{
    int n = w->d->n_ranges, *order = malloc(((size_t)n + 1) * sizeof *order);
    if (!order)
        return -1;
    sens_order(w, order);
    fputs("row,assumption,baseline,low_end,high_end\n", f);
    for (int j = 0; j < n; j++) {
        fprintf(f, "%d,", n - j);
        gplot_label(f, w->d->ranges[order[j]].path);
        fprintf(f, ",%.3f,%.3f,%.3f\n", 100 * w->st[0].kept.est,
                100 * w->st[1 + 2 * order[j]].kept.est, 100 * w->st[2 + 2 * order[j]].kept.est);
    }
    free(order);
    return 0;
}

static int w_tornado(FILE *f, const struct study_view *w)
{
    const struct chart_ctx c = ctx(NULL, w);
    char scen[128], title[256], sub[512], base[64], req[64];
    chart_scenario(&c, scen, sizeof scen);
    snprintf(title, sizeof title, lang_text(w->lang, T_ST_TORNADO_TITLE), scen);
    snprintf(sub, sizeof sub, lang_text(w->lang, T_ST_TORNADO_SUB), w->s->n, chart_label(&c));
    snprintf(base, sizeof base, lang_text(w->lang, T_ST_BASELINE), 100 * w->st[0].kept.est);
    snprintf(req, sizeof req, lang_text(w->lang, T_TIME_REQUIRED_LEVEL), 100 * w->s->required);
    gplot_begin(f, "tornado", "the promise kept with each assumption at either end of its "
                "range, largest swing on top", "tornado.csv", w->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(w->lang, T_ST_TORNADO_X));
    fprintf(f, "\nset xrange [0:100]\nset xtics 0,10,100 nomirror\nset yrange [0.4:%d.6]\n"
            "set ytics scale 0 font ',%d'\nset border 1\nset grid xtics lc rgb '#dddddd'\n"
            "set lmargin at screen 0.33\nset bmargin at screen 0.2\n"
            "set key at screen 0.5, screen 0.015 center bottom horizontal samplen 2 font ',16'\n"
            "set style fill solid 0.85 noborder\n"
            "set arrow from %g, graph 0 to %g, graph 1 nohead lw 2 lc rgb '#333333' front\n"
            "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 2 lc rgb '#d73027' front\n"
            "lo(a, b) = a < b ? a : b\nhi(a, b) = a < b ? b : a\n"
            "plot 'tornado.csv' skip 1 using (($3+$4)/2):1:(lo($3,$4)):(hi($3,$4)):($1-0.35):"
            "($1+0.35):ytic(2) with boxxyerror lc rgb '#4575b4' title ", w->d->n_ranges,
            w->d->n_ranges > 16 ? 12 : 15, 100 * w->st[0].kept.est, 100 * w->st[0].kept.est,
            100 * w->s->required, 100 * w->s->required);
    gplot_str(f, lang_text(w->lang, T_ST_LOW_END));
    fprintf(f, ", \\\n    'tornado.csv' skip 1 using (($3+$5)/2):1:(lo($3,$5)):(hi($3,$5)):"
            "($1-0.35):($1+0.35) with boxxyerror lc rgb '#f46d43' title ");
    gplot_str(f, lang_text(w->lang, T_ST_HIGH_END));
    fprintf(f, ", \\\n    NaN with lines lw 2 lc rgb '#333333' title ");
    gplot_str(f, base);
    fprintf(f, ", \\\n    NaN with lines dt 2 lw 2 lc rgb '#d73027' title ");
    gplot_str(f, req);
    fprintf(f, "\n");
    gplot_end(f);
    return 0;
}

int sens_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                struct study_charts *done, char *err, size_t errlen)
{
    one_chart(done, "tornado", T_ST_ABOUT_TORNADO_H, T_ST_ABOUT_TORNADO);
    if (no_plot)
        return 0;
    if (write_file(dir, "tornado.csv", w, w_tornado_data, err, errlen) < 0
        || write_file(dir, "tornado.gp", w, w_tornado, err, errlen) < 0)
        return -1;
    draw(dir, verbose, done);
    return 0;
}

/* ---- improve: the cost-promise frontier ------------------------------------------ */

/* Yuan per unit of the cost axis: thousands, or 万 (ten thousand) in Chinese. */
static double cost_unit(const struct study_view *w)
{
    return w->lang == LANG_ZH ? 10000.0 : 1000.0;
}

/* Where a plan of no cost stands on the cost axis, which is logarithmic
 * (costs span orders of magnitude): a third of the power of ten at or
 * below the cheapest plan that costs something, labelled 0. */
static double zero_at(const struct study_view *w)
{
    const struct improve *im = w->improve;
    double least = INFINITY;
    for (int p = 0; p < im->n_plans; p++)
        if (im->plan[p].cost > 0)
            least = fmin(least, im->plan[p].cost / cost_unit(w));
    return isfinite(least) ? pow(10, floor(log10(least))) / 3 : 0.1;
}

/* The frontier's labels, each a lever id list to the right of its plan: a
 * label goes below its point, else above, else further off, whichever
 * first clears the labels placed before it (in cost order) and the
 * frontier's points, staying between 1.5% and 103% (gnuplot draws
 * no label outside the y range).  The chart's geometry in
 * the PNG (1600 x 900, w_frontier's margins): about 1405 px across the cost
 * axis's decades, 4.8 px a percentage point, 8.3 px a character of the
 * labels' font, 16 px a label's height.  dy[k] is the k-th frontier plan's
 * label's centre less its point, in percentage points. */
#define LABEL_PX_WIDE 1405.0
#define LABEL_PX_PCT 4.8
#define LABEL_PX_CHAR 8.3
#define LABEL_PX_HIGH 16.0
struct box { double x0, x1, y0, y1; };

static int boxes_meet(struct box a, struct box b)
{
    return a.x0 < b.x1 + 3 && b.x0 < a.x1 + 3 && a.y0 < b.y1 + 2 && b.y0 < a.y1 + 2;
}

static void label_offsets(const struct study_view *w, double xmin, double xmax, double *dy)
{
    static const double tries[] = { -4.0, 4.0, -7.5, 7.5, -11.0, 11.0 };
    const struct improve *im = w->improve;
    double zero = zero_at(w), decade = LABEL_PX_WIDE / log10(xmax / xmin);
    struct box *placed = calloc(2 * (size_t)im->n_plans + 1, sizeof *placed);
    int n = 0, k = 0;
    if (!placed)
        return;
    for (int j = 0; j < im->n_plans; j++) {      /* the frontier's points, as boxes */
        const struct improve_plan *x = &im->plan[im->order[j]];
        if (!x->frontier)
            continue;
        double px = decade * log10(fmax(x->cost / cost_unit(w), zero) / xmin);
        double py = LABEL_PX_PCT * 100 * w->st[x->v].kept.est;
        double r = im->order[j] == im->recommended ? 20 : 7;
        placed[n++] = (struct box){ px - r, px + r, py - r, py + r };
    }
    for (int j = 0; j < im->n_plans; j++) {
        const struct improve_plan *x = &im->plan[im->order[j]];
        if (!x->frontier)
            continue;
        double px = decade * log10(fmax(x->cost / cost_unit(w), zero) / xmin) + 12;
        double kept = 100 * w->st[x->v].kept.est;
        char label[1024];
        improve_plan_label(w, im->order[j], label, sizeof label);
        double wide = LABEL_PX_CHAR * (double)text_width(label);   /* CJK: two columns */
        dy[k] = NAN;                   /* none clear: the first within the range */
        for (size_t t = 0; t < sizeof tries / sizeof *tries; t++) {
            double c = kept + tries[t];
            if (c < 1.5 || c > 103)
                continue;
            if (isnan(dy[k]))
                dy[k] = tries[t];
            struct box b = { px, px + wide, LABEL_PX_PCT * c - LABEL_PX_HIGH / 2,
                             LABEL_PX_PCT * c + LABEL_PX_HIGH / 2 };
            int clear = 1;
            for (int i = 0; i < n && clear; i++)
                clear = !boxes_meet(b, placed[i]);
            if (clear) {
                dy[k] = tries[t];
                break;
            }
        }
        double c = kept + dy[k++];
        placed[n++] = (struct box){ px, px + wide, LABEL_PX_PCT * c - LABEL_PX_HIGH / 2,
                                    LABEL_PX_PCT * c + LABEL_PX_HIGH / 2 };
    }
    free(placed);
}

/* The cost axis's range: [*lo, *hi], in cost units. */
static void cost_range(const struct study_view *w, double *lo, double *hi)
{
    const struct improve *im = w->improve;
    double top = 0, zero = zero_at(w);
    for (int p = 0; p < im->n_plans; p++)
        top = fmax(top, im->plan[p].cost / cost_unit(w));
    top = fmax(top, 10 * zero);
    *lo = zero * 0.6;
    *hi = top * 1.6;
}

/* Every plan (frontier = 0: its stage's estimate, `full` 0 when it ran only
 * the first replications), or the frontier's alone (1), by cost; label_y is
 * where the frontier's label goes (label_offsets). */
static int w_plans(FILE *f, const struct study_view *w, int frontier)
{
    const struct improve *im = w->improve;
    double zero = zero_at(w), lo, hi;
    double *dy = calloc((size_t)im->n_plans + 1, sizeof *dy);
    int k = 0;
    if (!dy)
        return -1;
    cost_range(w, &lo, &hi);
    if (frontier)
        label_offsets(w, lo, hi, dy);
    fputs("cost,kept,lo,hi,recommended,plan,full,label_y\n", f);
    for (int j = 0; j < im->n_plans; j++) {
        const struct improve_plan *x = &im->plan[im->order[j]];
        if (frontier && !x->frontier)
            continue;
        const struct interval *kept = &w->st[x->v].kept;
        fprintf(f, "%.6g,%.3f,%.3f,%.3f,%d,", fmax(x->cost / cost_unit(w), zero),
                100 * kept->est + 0.0, 100 * kept->lo + 0.0, 100 * kept->hi + 0.0,
                im->order[j] == im->recommended);
        char label[1024];
        improve_plan_label(w, im->order[j], label, sizeof label);
        gplot_label(f, label);
        fprintf(f, ",%d,%.3f\n", x->full, 100 * kept->est + (frontier ? dy[k++] : 0) + 0.0);
    }
    free(dy);
    return 0;
}

static int w_all_plans(FILE *f, const struct study_view *w)
{
    return w_plans(f, w, 0);
}

static int w_frontier_plans(FILE *f, const struct study_view *w)
{
    return w_plans(f, w, 1);
}

static int w_frontier(FILE *f, const struct study_view *w)
{
    const struct chart_ctx c = ctx(NULL, w);
    char scen[128], title[256], sub[512], req[64], early[256];
    double lo, hi, zero = zero_at(w);
    cost_range(w, &lo, &hi);
    chart_scenario(&c, scen, sizeof scen);
    snprintf(title, sizeof title, lang_text(w->lang, T_IM_FRONTIER_TITLE), scen);
    snprintf(sub, sizeof sub, lang_text(w->lang, T_IM_FRONTIER_SUB), w->s->n, chart_label(&c),
             100 * w->s->conf);
    snprintf(req, sizeof req, lang_text(w->lang, T_TIME_REQUIRED_LEVEL), 100 * w->s->required);
    snprintf(early, sizeof early, lang_text(w->lang, T_IM_KEY_EARLY), w->s->screen);
    gplot_begin(f, "frontier", "promise kept against the cost a year of every plan, the frontier "
                "as a staircase, the recommended plan ringed", "frontier_all.csv, frontier.csv",
                w->lang == LANG_ZH);
    chart_title(f, title, sub);
    fputs("set xlabel ", f);
    gplot_str(f, lang_text(w->lang, T_IM_FRONTIER_X));
    fputs("\nset ylabel ", f);
    gplot_str(f, lang_text(w->lang, T_IM_FRONTIER_Y));
    fprintf(f, "\nset logscale x 10\nset xrange [%g:%g]\nset format x '%%g'\n"
            "set xtics add ('0' %g)\nset mxtics 10\nset yrange [0:105]\n"
            "set ytics 0,10,100 nomirror\nset xtics nomirror\nset border 3\n"
            "set grid lc rgb '#dddddd'\nset bmargin at screen 0.27\n"
            "set key at screen 0.5, screen 0.015 center bottom horizontal maxrows 2 samplen 2 "
            "font ',15'\n"
            "set arrow from graph 0, first %g to graph 1, first %g nohead dt 2 lw 2 "
            "lc rgb '#d73027' front\n"
            "plot 'frontier_all.csv' skip 1 using 1:($7 == 0 ? $2 : NaN) with points pt 7 "
            "ps 0.5*pscale lc rgb '#dadada' title ", lo, hi, zero,
            100 * w->s->required, 100 * w->s->required);
    gplot_str(f, early);
    fputs(", \\\n    'frontier_all.csv' skip 1 using 1:($7 == 1 ? $2 : NaN) with points pt 7 "
          "ps 0.8*pscale lc rgb '#8c8c8c' title ", f);
    gplot_str(f, lang_text(w->lang, T_IM_KEY_OTHER));
    fputs(", \\\n    'frontier.csv' skip 1 using 1:2 with steps lw 2 lc rgb '#4575b4' notitle, "
          "\\\n    'frontier.csv' skip 1 using 1:2:3:4 with yerrorbars pt 7 ps 1.2*pscale lw 2 "
          "lc rgb '#4575b4' title ", f);
    gplot_str(f, lang_text(w->lang, T_IM_KEY_FRONTIER));
    fputs(", \\\n    'frontier.csv' skip 1 using 1:8:6 with labels left offset char 1,0 "
          "font ',11' tc rgb '#333333' notitle, \\\n    'frontier.csv' skip 1 using "
          "1:($5 == 1 ? $2 : NaN) with points pt 6 ps 4*pscale lw 3 lc rgb '#d73027' title ", f);
    gplot_str(f, lang_text(w->lang, T_IM_KEY_RECOMMENDED));
    fputs(", \\\n    NaN with lines dt 2 lw 2 lc rgb '#d73027' title ", f);
    gplot_str(f, req);
    fputc('\n', f);
    gplot_end(f);
    return 0;
}

int improve_charts(const char *dir, const struct study_view *w, int no_plot, int verbose,
                   struct study_charts *done, char *err, size_t errlen)
{
    one_chart(done, "frontier", T_IM_ABOUT_FRONTIER_H, T_IM_ABOUT_FRONTIER);
    if (no_plot)
        return 0;
    if (write_file(dir, "frontier_all.csv", w, w_all_plans, err, errlen) < 0
        || write_file(dir, "frontier.csv", w, w_frontier_plans, err, errlen) < 0
        || write_file(dir, "frontier.gp", w, w_frontier, err, errlen) < 0)
        return -1;
    draw(dir, verbose, done);
    return 0;
}
