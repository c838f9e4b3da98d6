/*
 * chart_time.c -- the charts against time: coverage over time (share of
 * runs in which every site has been reached -- the verdict's measure, which
 * the required level is drawn against -- and share of sites and of people
 * reached, from coverage.csv), the response-time
 * histogram (response.csv, from the summary's exact counts per 10 minutes), and
 * resources over time (trucks away and the central depot's bay queue, from
 * resources.csv).  Each x axis ends where the story does, chosen here from
 * the data, so the scripts hold fixed ranges and the same seed gives the
 * same bytes.
 */
#include <math.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/gplot.h"

#define COLOUR_SITES  "#1f5fa8"
#define COLOUR_PEOPLE "#d95f02"
#define COLOUR_LINE   "#333333"
#define COLOUR_ALL    "#111111"     /* runs with every site reached: the verdict's measure */

static double max_threshold(const struct chart_ctx *c)
{
    double m = c->s->promise_min;
    for (int t = 0; t < c->s->n_thr; t++)
        m = fmax(m, c->s->thr_min[t]);
    return m;
}

/* Hours shown: at least 12, else up to `need` minutes rounded up to 6 h,
 * never past the horizon. */
static double hours_shown(const struct chart_ctx *c, double need)
{
    double h = need <= 720 ? 12 : 6 * ceil(need / 360);
    double horizon = ceil(c->d->run.horizon_min / 60);
    return h < horizon ? h : horizon;
}

static double tic_step(double hours)
{
    return hours <= 12 ? 1 : hours <= 24 ? 2 : 6;
}

/* Vertical dashed lines at the thresholds, labelled above the plot where no
 * data can be; x in minutes times `scale` (1/60 for hours).  layer: "front"
 * over filled bands, "back" behind bars. */
static void threshold_lines(FILE *f, const struct chart_ctx *c, double scale, const char *layer)
{
    char words[64], buf[128];
    for (int t = 0; t < c->s->n_thr; t++) {
        double x = c->s->thr_min[t] * scale;
        lang_duration(c->lang, c->s->thr_min[t], words, sizeof words);
        if (c->s->thr_from[t] == CLOCK_ORDER)
            snprintf(buf, sizeof buf, "%s%s", words, lang_text(c->lang, T_TIME_ORDER_SUFFIX));
        else if (c->s->thr_min[t] == c->s->promise_min)
            snprintf(buf, sizeof buf, "%s%s", words, lang_text(c->lang, T_TIME_PROMISE_SUFFIX));
        else
            snprintf(buf, sizeof buf, "%s", words);
        fprintf(f, "set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 1.5 "
                "lc rgb '" COLOUR_LINE "' %s\n", x, x, layer);
        fprintf(f, "set label ");
        gplot_str(f, buf);
        fprintf(f, " at %g, graph 1 offset 0,0.75 center front\n", x);
    }
}

/* ---- coverage over time ------------------------------------------------- */

/* Minutes until the median reaches every site and every person; INFINITY
 * when it never does. */
static double median_all_reached(const struct summary *s)
{
    for (int k = 0; k < s->n_steps; k++)
        if (s->cov_sites[1][k] >= 1 && s->cov_people[1][k] >= 1)
            return k * COVERAGE_STEP_MIN;
    return INFINITY;
}

/* The verdict's own measure first: the share of runs in which every site
 * has been reached by then, with its 95% interval (columns 8-10), in black,
 * so that the required level drawn across is read against it.  Then sites:
 * a shaded band and a line; people: a line and the band's edges dotted, so
 * that the two bands, which overlap, stay readable.  The people's median is
 * drawn wide under the sites' narrower one: where both reach 100% the blue
 * line shows with orange edges instead of hiding. */
static void coverage_curves(FILE *f)
{
    fprintf(f, "    'coverage.csv' skip 1 using ($1/60):(100*$9):(100*$10) with filledcurves "
            "fc rgb every fs transparent solid 0.22 noborder notitle, \\\n"
            "    'coverage.csv' skip 1 using ($1/60):(100*$2):(100*$4) with filledcurves "
            "fc rgb sites fs transparent solid 0.25 noborder notitle, \\\n"
            "    'coverage.csv' skip 1 using ($1/60):(100*$6) with lines lw 6 lc rgb people "
            "notitle, \\\n"
            "    'coverage.csv' skip 1 using ($1/60):(100*$3) with lines lw 2.5 lc rgb sites "
            "notitle, \\\n"
            "    for [col=5:7:2] 'coverage.csv' skip 1 using ($1/60):(100*column(col)) with lines "
            "lw 2 dt 3 lc rgb people notitle, \\\n"
            "    'coverage.csv' skip 1 using ($1/60):(100*$8) with lines lw 4.5 lc rgb every "
            "notitle");
}

/* The legend, in the order a reader needs it (keyentry: drawn apart from
 * the curves, which are drawn bands first). */
static void coverage_keys(FILE *f, const struct chart_ctx *c)
{
    char req[160];
    snprintf(req, sizeof req, lang_text(c->lang, T_TIME_REQUIRED_LEVEL), 100 * c->s->required);
    static const struct { const char *style; enum text words; } key[] = {
        { "with lines lw 4.5 lc rgb every", T_TIME_ALL_SITES },
        { "with filledcurves fc rgb every fs transparent solid 0.22 noborder",
          T_TIME_ALL_SITES_BAND },
        { "with lines lw 2 lc rgb '" COLOUR_BAD "'", 0 },
        { "with lines lw 2.5 lc rgb sites", T_TIME_SITES_MEDIAN },
        { "with filledcurves fc rgb sites fs transparent solid 0.25 noborder",
          T_TIME_SITES_90_BAND_P5 },
        { "with lines lw 6 lc rgb people", T_TIME_PEOPLE_MEDIAN },
        { "with lines lw 2 dt 3 lc rgb people", T_TIME_PEOPLE_90_BAND_P5 },
    };
    for (size_t k = 0; k < sizeof key / sizeof key[0]; k++) {
        fprintf(f, ", \\\n    keyentry %s title ", key[k].style);
        gplot_str(f, key[k].words ? lang_text(c->lang, key[k].words) : req);
    }
}

/* The required level: a red line across, a level of the black curve (runs),
 * not of the sites' or people's shares. */
static void required_line(FILE *f, const struct chart_ctx *c)
{
    fprintf(f, ", \\\n    %g with lines lw 2 lc rgb '" COLOUR_BAD "' notitle", 100 * c->s->required);
}

/* The verdict's number on the black curve: a dot at the promise with the
 * share of runs that kept it (promise_kept, whatever its interval's
 * confidence). */
static void verdict_point(FILE *f, const struct chart_ctx *c)
{
    char words[160];
    snprintf(words, sizeof words, lang_text(c->lang, T_TIME_VERDICT_POINT),
             100 * c->s->promise_kept.est);
    fprintf(f, "set label 5 ");
    gplot_str(f, words);
    fprintf(f, " at %g, %g point pt 7 ps 2.2*pscale lc rgb every offset 1.2, %s left front "
            "tc rgb every\n", c->s->promise_min / 60, 100 * c->s->promise_kept.est,
            c->s->promise_kept.est > 0.85 ? "-1" : "0.9");
}

static int w_coverage(FILE *f, const struct chart_ctx *c)
{
    char scen[128], title[256], sub[512];
    double t_all = median_all_reached(c->s);
    double hours = hours_shown(c, fmax(max_threshold(c) + 60, isfinite(t_all) ? t_all : 1e9));
    chart_scenario(c, scen, sizeof scen);
    snprintf(title, sizeof title, lang_text(c->lang, T_TIME_HOW_FAST_RELIEF_REACHES), scen);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_TIME_SHARE_REACHED_EACH_HOUR),
             c->s->runs, chart_label(c));
    gplot_begin(f, "coverage", "coverage over time: share of runs in which every disaster "
                "site has been reached, and share of sites and of displaced people reached, by "
                "each hour since the disaster struck them", "coverage.csv", c->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(c->lang, T_TIME_HOURS_SINCE_DISASTER_STRUCK));
    fprintf(f, "\nset ylabel ");
    gplot_str(f, lang_text(c->lang, T_TIME_REACHED));
    fprintf(f, "\nset xrange [0:%g]\nset xtics 0,%g,%g\nset yrange [0:105]\nset ytics 0,20,100\n"
            "set border 3\nset tics nomirror\nset grid xtics ytics lc rgb '#dddddd'\n"
            "set key bottom right box opaque samplen 2.5 spacing 1.1 width 1 font ',17'\n", hours,
            tic_step(hours), hours);
    threshold_lines(f, c, 1.0 / 60, "front");
    fprintf(f, "every = '" COLOUR_ALL "'; sites = '" COLOUR_SITES "'; people = '" COLOUR_PEOPLE
            "'\n");
    verdict_point(f, c);
    fprintf(f, "plot \\\n");
    coverage_curves(f);
    required_line(f, c);
    coverage_keys(f, c);
    fprintf(f, "\n");
    gplot_end(f);
    return 0;
}

int chart_coverage(const struct chart_ctx *c, char *err, size_t errlen)
{
    return chart_file(c, "coverage.gp", w_coverage, err, errlen);
}

/* ---- response-time histogram -------------------------------------------- */

struct bars { double xr, bin; long all, later, never; };

/* Finite responses in [from, to) minutes, both multiples of CHART_BIN_MIN,
 * from the summary's exact counts per CHART_BIN_MIN. */
static long responses_in(const struct chart_ctx *c, double from, double to)
{
    long k = 0;
    for (long b = (long)ceil(from / CHART_BIN_MIN); b < c->s->n_chart && b * CHART_BIN_MIN < to; b++)
        k += (long)c->s->chart[b];
    return k;
}

/* The histogram's range: past the last threshold by half, and past the
 * p95 response, in whole hours, never past the horizon; bars of 10 or 30
 * minutes (multiples of CHART_BIN_MIN). */
static void hist_range(const struct chart_ctx *c, struct bars *h)
{
    double need = fmax(1.5 * max_threshold(c), isfinite(c->s->p95) ? c->s->p95 : 0);
    h->xr = fmin(60 * ceil(need / 60), c->d->run.horizon_min);
    h->bin = h->xr <= 720 ? 10 : 30;
    h->all = c->s->runs * c->d->n_sites;
    h->never = (long)c->s->never;
    h->later = responses_in(c, h->xr, INFINITY);
}

static int w_response_data(FILE *f, const struct chart_ctx *c)
{
    struct bars h;
    hist_range(c, &h);
    int bins = (int)ceil(h.xr / h.bin);
    fprintf(f, "bar,from_min,to_min,site_runs,share_pct\n");
    for (int b = 0; b < bins; b++) {
        long k = responses_in(c, b * h.bin, (b + 1) * h.bin);
        fprintf(f, "bin,%g,%g,%ld,%.4f\n", b * h.bin, (b + 1) * h.bin, k,
                h.all ? 100.0 * k / h.all : 0);
    }
    fprintf(f, "later,%g,inf,%ld,%.4f\n", h.xr, h.later, h.all ? 100.0 * h.later / h.all : 0);
    fprintf(f, "never,inf,inf,%ld,%.4f\n", h.never, h.all ? 100.0 * h.never / h.all : 0);
    return 0;
}

/* The sites not in the bars -- later than the range, never reached -- as a
 * note in the top right corner. */
static void response_note(FILE *f, const struct chart_ctx *c, const struct bars *h)
{
    char note[512], hrs[64];
    lang_duration(c->lang, h->xr, hrs, sizeof hrs);
    double later = h->all ? 100.0 * h->later / h->all : 0;
    double never = h->all ? 100.0 * h->never / h->all : 0;
    snprintf(note, sizeof note, lang_text(c->lang, T_TIME_NOT_IN_BARS),
             hrs, later, c->d->run.horizon_min / 60, never);
    fprintf(f, "set label ");
    gplot_str(f, note);
    fprintf(f, " at graph 0.98, graph 0.82 right front boxed\n"
            "set style textbox opaque border lc rgb '#999999' margins 10,8\n");
}

static int w_response(FILE *f, const struct chart_ctx *c)
{
    struct bars h;
    char scen[128], title[256], sub[512];
    hist_range(c, &h);
    chart_scenario(c, scen, sizeof scen);
    snprintf(title, sizeof title, lang_text(c->lang, T_TIME_HOW_LONG_DISASTER_SITES), scen);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_TIME_EVERY_SITE_EACH_SIMULATED),
             c->s->runs, chart_label(c), h.all, h.bin);
    gplot_begin(f, "response", "response-time distribution: minutes from the disaster to a "
                "site's first relief, over every site in every replication", "response.csv",
                c->lang == LANG_ZH);
    chart_title(f, title, sub);
    fprintf(f, "set xlabel ");
    gplot_str(f, lang_text(c->lang, T_TIME_MINUTES_DISASTER_FIRST_RELIEF));
    fprintf(f, "\nset ylabel ");
    gplot_str(f, lang_text(c->lang, T_TIME_SHARE_SITE_RUNS));
    fprintf(f, "\nset xrange [0:%g]\nset xtics 0,%g,%g\nset yrange [0:*]\nset border 3\n"
            "set tics nomirror\nset grid ytics lc rgb '#dddddd'\nset style fill solid 0.85 "
            "border rgb 'white'\nunset key\n", h.xr, h.xr <= 720 ? 60.0 : 360.0, h.xr);
    threshold_lines(f, c, 1, "back");
    response_note(f, c, &h);
    fprintf(f, "plot 'response.csv' skip 1 using (strcol(1) eq 'bin' ? ($2+$3)/2 : NaN):5:($3-$2) "
            "with boxes lc rgb '" COLOUR_SITES "'\n");
    gplot_end(f);
    return 0;
}

int chart_response(const struct chart_ctx *c, char *err, size_t errlen)
{
    if (chart_file(c, "response.csv", w_response_data, err, errlen) < 0)
        return -1;
    return chart_file(c, "response.gp", w_response, err, errlen);
}

/* ---- resources over time ------------------------------------------------ */

/* Hours shown: until the median of trucks away is back to zero. */
static double resources_hours(const struct chart_ctx *c)
{
    double last = 0;
    for (int k = 0; k < c->s->n_samples; k++)
        if (c->s->trucks_out[1][k] > 0 || c->s->central_queue[1][k] > 0)
            last = k * SAMPLE_MIN;
    return hours_shown(c, last + 60);
}

static double peak(double *const *q, int n, int from)
{
    double m = 0;
    for (int k = from; k < n; k++)
        m = fmax(m, q[2][k]);
    return m;
}

/* One panel between two heights of the canvas (screen coordinates). */
static void panel(FILE *f, const char *ylabel, double ymax, int col, double bottom, double top)
{
    fprintf(f, "set tmargin at screen %g\nset bmargin at screen %g\nset ylabel ", top, bottom);
    gplot_str(f, ylabel);
    fprintf(f, "\nset yrange [0:%g]\nplot 'resources.csv' skip 1 using ($1/60):%d:%d with "
            "filledcurves fc rgb '" COLOUR_SITES "' fs transparent solid 0.25 noborder title "
            "band, \\\n    'resources.csv' skip 1 using ($1/60):%d with lines lw 3.5 lc rgb '"
            COLOUR_SITES "' title median\n", ymax, col, col + 2, col + 1);
}

/* Trucks still away after the x axis ends, so nothing is cut off unsaid. */
static void after_note(FILE *f, const struct chart_ctx *c, double hours)
{
    int from = (int)ceil(hours * 60 / SAMPLE_MIN);
    double rest = from < c->s->n_samples ? peak(c->s->trucks_out, c->s->n_samples, from) : 0;
    if (rest <= 0)
        return;
    char note[256];
    snprintf(note, sizeof note, lang_text(c->lang, T_TIME_AFTER_H_UP_TRUCKS), hours, ceil(rest));
    fprintf(f, "set label 1 ");
    gplot_str(f, note);
    fprintf(f, " at graph 0.99, graph 0.55 right front\n");
}

/* What a planner reads off the top panel, reconciled with the text
 * report's "trucks busy": the median run's peak as a share of the fleet,
 * beside the fleet's truck-hours away over the whole horizon (truck use). */
static void fleet_note(FILE *f, const struct chart_ctx *c)
{
    int at = 0;
    for (int k = 1; k < c->s->n_samples; k++)
        if (c->s->trucks_out[1][k] > c->s->trucks_out[1][at])
            at = k;
    double top = c->s->n_samples ? c->s->trucks_out[1][at] : 0;
    char note[512], share[32], busy[32];
    chart_pct(share, sizeof share, c->s->total_trucks ? top / c->s->total_trucks : 0);
    chart_pct(busy, sizeof busy, c->s->truck_util);
    snprintf(note, sizeof note, lang_text(c->lang, T_RESOURCES_FLEET_NOTE), top,
             c->s->total_trucks, share, at * SAMPLE_MIN / 60, c->d->run.horizon_min / 60, busy);
    fprintf(f, "set label 2 ");
    gplot_str(f, note);
    fprintf(f, " at graph 0.99, graph 0.80 right front\n");
}

static int w_resources(FILE *f, const struct chart_ctx *c)
{
    char scen[128], title[256], sub[512], yl[256];
    double hours = resources_hours(c);
    double tmax = peak(c->s->trucks_out, c->s->n_samples, 0);
    double qmax = peak(c->s->central_queue, c->s->n_samples, 0);
    chart_scenario(c, scen, sizeof scen);
    snprintf(title, sizeof title, lang_text(c->lang, T_TIME_TRUCKS_ROAD_QUEUE_CENTRAL), scen);
    snprintf(sub, sizeof sub, lang_text(c->lang, T_TIME_MEDIAN_90_BAND_SIMULATED),
             c->s->runs, chart_label(c));
    gplot_begin(f, "resources", "resources over time: trucks away from their store and trucks "
                "queueing for the central depot's loading bays", "resources.csv", c->lang == LANG_ZH);
    fprintf(f, "band = ");
    gplot_str(f, lang_text(c->lang, T_TIME_90_BAND_P5_P95));
    fprintf(f, "; median = ");
    gplot_str(f, lang_text(c->lang, T_TIME_MEDIAN));
    fprintf(f, "\nset multiplot\n");
    chart_title(f, title, sub);
    fprintf(f, "set xrange [0:%g]\nset xtics 0,%g,%g\nset border 3\nset tics nomirror\n"
            "set grid xtics ytics lc rgb '#dddddd'\nunset key\n"
            "set lmargin at screen 0.11\nset rmargin at screen 0.97\n", hours, tic_step(hours),
            hours);
    snprintf(yl, sizeof yl, lang_text(c->lang, T_TIME_TRUCKS_AWAY),
             c->s->total_trucks);
    after_note(f, c, hours);
    fleet_note(f, c);
    panel(f, yl, fmax(1, ceil(tmax * 1.15)), 2, 0.52, 0.84);
    /* the legend in the lower panel, where the queue is mostly empty */
    fprintf(f, "unset label 1\nunset label 2\nunset label 90\nunset label 91\n"
            "set key top right box opaque samplen 2.5\nset xlabel ");
    gplot_str(f, lang_text(c->lang, T_TIME_HOURS_SINCE_ONSET_DISASTER));
    fprintf(f, "\n");
    panel(f, lang_text(c->lang, T_TIME_TRUCKS_QUEUEING),
          fmax(1, ceil(qmax * 1.15)), 5, 0.15, 0.45);
    gplot_end(f);
    return 0;
}

int chart_resources(const struct chart_ctx *c, char *err, size_t errlen)
{
    return chart_file(c, "resources.gp", w_resources, err, errlen);
}
