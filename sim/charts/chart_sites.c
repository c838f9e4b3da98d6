/*
 * chart_sites.c -- the charts per disaster site: which townships are at risk
 * (probability on time as sorted horizontal bars with Wilson intervals,
 * green / amber / red against the required level; townships.csv) and why
 * sites are late (the mean composition of delay of each site's late runs as
 * stacked bars, with an overall bar; causes.csv).  Both list the worst site
 * at the top, in the same order, so a meeting can read one against the other.
 */
#include <math.h>
#include <stdlib.h>
#include "charts/internal.h"
#include "charts/gplot.h"
#include "results/outfile.h"

/* The legend in one or two rows at the bottom of the canvas, under the x
 * axis's words (placed, not `below`: with the fixed top margin gnuplot
 * leaves it too little room). */
#define KEY_BELOW "set bmargin at screen 0.23\nset key at screen 0.5, screen 0.015 center bottom " \
                  "horizontal samplen 1.5 font ',17'\n"

/* One colour per cause, in enum cause's order: waits in warm colours, the
 * journey in blues, the road in dark red. */
static const char *const cause_colour[CAUSES] = {
    "#9e9e9e", "#6a3d9a", "#b15928", "#ff7f00", "#fdbf6f", "#a6cee3", "#1f78b4", "#8b0000",
};

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
    fprintf(f, "good = " "0x%s; amber = 0x%s; bad = 0x%s\n", COLOUR_GOOD + 1, COLOUR_AMBER + 1,
            COLOUR_BAD + 1);
    fprintf(f, "colour(r) = r == 0 ? good : r == 1 ? amber : bad\n");
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, x);
    fprintf(f, "\nset xrange [0:112]\nset xtics 0,20,100 nomirror\nset yrange [0.4:%d.6]\n"
            "set ytics scale 0 font ',%g'\nset border 1\nset grid xtics lc rgb '#dddddd'\n"
            KEY_BELOW "set style fill solid 0.9 noborder\n"
            "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n",
            c->d->n_sites, row_font(c->d->n_sites), 100 * c->s->required, 100 * c->s->required);
    fprintf(f, "plot 'townships.csv' skip 1 using ($4/2):1:(0):4:($1-0.35):($1+0.35):"
            "(colour($7)) with boxxyerror lc rgb variable notitle, \\\n"
            "    'townships.csv' skip 1 using 4:1:5:6:ytic(3) with xerrorbars lc rgb 'black' "
            "pt 7 ps 0.5*pscale lw 1.5 title ");
    gplot_str(f, lang_text(c->lang, T_SITES_95_INTERVAL));
    /* the values in a column right of 100%, clear of the bars and the lines */
    fprintf(f, ", \\\n    'townships.csv' skip 1 using (101):1:8 with labels left font ',%g' "
            "notitle", row_font(c->d->n_sites));
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

/* ---- why sites are late ------------------------------------------------- */

/* Causes that took time in some late run: the others stay out of the legend. */
static int cause_used(const struct chart_ctx *c, int cause)
{
    return c->s->cause_late[cause] > 0;
}

static int late_sites(const struct chart_ctx *c)
{
    int m = 0;
    for (int k = 0; k < c->d->n_sites; k++)
        m += c->s->sites[k].main_cause >= 0;
    return m;
}

static void cause_row(FILE *f, int y, const char *label, double late_pct, const double *cause)
{
    fprintf(f, "%d,", y);
    gplot_label(f, label);
    fprintf(f, ",%.2f", late_pct);
    for (int j = 0; j < CAUSES; j++)
        fprintf(f, ",%.3f", cause[j]);
    fprintf(f, "\n");
}

static int w_causes_data(FILE *f, const struct chart_ctx *c)
{
    int *order = ordered(c), m = late_sites(c);
    char label[256];
    if (!order)
        return -1;
    double site_runs = (double)c->s->runs * c->d->n_sites;
    fprintf(f, "y,name,late_pct");
    for (int j = 0; j < CAUSES; j++)
        fprintf(f, ",%s_min", cause_id((enum cause)j));
    fprintf(f, "\n");
    cause_row(f, m + 2, lang_text(c->lang, T_SITES_ALL_LATE_SITES),
              site_runs > 0 ? 100.0 * (double)c->s->late / site_runs : 0, c->s->cause_late);
    for (int i = 0, y = m; i < c->d->n_sites; i++) {
        const struct site_summary *ss = &c->s->sites[order[i]];
        if (ss->main_cause < 0)
            continue;
        chart_site_label(c, order[i], label, sizeof label);
        cause_row(f, y--, label, 100 * (1 - ss->on_time.est), ss->cause);
    }
    free(order);
    return 0;
}

/* The longest bar, for the x range. */
static double longest(const struct chart_ctx *c)
{
    double m = 0;
    for (int k = -1; k < c->d->n_sites; k++) {
        const double *v = k < 0 ? c->s->cause_late : c->s->sites[k].cause;
        double sum = 0;
        for (int j = 0; j < CAUSES; j++)
            sum += v[j];
        m = fmax(m, sum);
    }
    return m;
}

static void cause_bars(FILE *f, const struct chart_ctx *c)
{
    int first = 1;
    for (int j = 0; j < CAUSES; j++) {
        if (!cause_used(c, j))
            continue;
        fprintf(f, "%s    'causes.csv' skip 1 using (0):1:(sum [i=0:%d] column(4+i)):"
                "(sum [i=0:%d] column(4+i)):($1-0.35):($1+0.35)%s with boxxyerror "
                "fc rgb '%s' title ", first ? "" : ", \\\n", j - 1, j,
                first ? ":ytic(2)" : "", cause_colour[j]);
        gplot_str(f, lang_cause(c->lang, j));
        first = 0;
    }
}

static int w_causes(FILE *f, const struct chart_ctx *c)
{
    char scen[128], title[256], sub[512], promise[64], buf[256];
    chart_scenario(c, scen, sizeof scen);
    lang_duration(c->lang, c->s->promise_min, promise, sizeof promise);
    snprintf(title, sizeof title, lang_text(c->lang, T_SITES_WHERE_TIME_GOES_WHEN), scen);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_SITES_MEAN_MINUTES_EACH_PART), promise);
    gplot_begin(f, "causes", "why sites are late: the mean composition of the delay of each "
                "site's late runs, and of all late site-runs", "causes.csv", c->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(c->lang, T_SITES_MINUTES_AFTER_DISASTER_STRUCK));
    double xr = fmax(c->s->promise_min, longest(c)) * 1.3;
    fprintf(f, "\nset xrange [0:%g]\nset xtics nomirror\nset yrange [0.4:%d.6]\n"
            "set ytics scale 0 font ',%g'\nset border 1\nset grid xtics lc rgb '#dddddd'\n"
            KEY_BELOW
            "set style fill solid 0.95 border rgb 'white'\n", ceil(xr / 10) * 10,
            late_sites(c) + 2, row_font(late_sites(c) + 2));
    fprintf(f, "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 2 lc rgb 'black' front\n"
            "set label ", c->s->promise_min, c->s->promise_min);
    snprintf(buf, sizeof buf, lang_text(c->lang, T_SITES_PROMISE), promise);
    gplot_str(f, buf);
    fprintf(f, " at %g, graph 1 offset 0,0.75 center front\n", c->s->promise_min);
    if (!c->s->late) {
        fprintf(f, "set label ");
        gplot_str(f, lang_text(c->lang, T_SITES_NO_SITE_WAS_LATE));
        fprintf(f, " at graph 0.5, graph 0.5 center\nplot 1/0 notitle\n");
        gplot_end(f);
        return 0;
    }
    fprintf(f, "plot \\\n");
    cause_bars(f, c);
    fprintf(f, ", \\\n    'causes.csv' skip 1 using (sum [i=0:%d] column(4+i)):1:"
            "(sprintf(%s, $3)) with labels left offset 0.6,0 font ',%g' notitle\n", CAUSES - 1,
            lang_text(c->lang, T_SITES_LATE_IN_RUNS),
            row_font(late_sites(c) + 2));
    gplot_end(f);
    return 0;
}

int chart_causes(const struct chart_ctx *c, char *err, size_t errlen)
{
    if (chart_file(c, "causes.csv", w_causes_data, err, errlen) < 0)
        return -1;
    return chart_file(c, "causes.gp", w_causes, err, errlen);
}
