/*
 * charts.c -- the charts of a run as a whole: writes every chart's script
 * and data (chart_time.c, chart_sites.c, chart_map.c), then has gnuplot draw
 * them (gplot.c); and the helpers those modules share -- language, names,
 * risk classes, the order of sites, writing a file whole.
 *
 * Scripts and data are always written (unless --no-plot), with or without
 * gnuplot, so that anyone can draw or restyle them later; they hold no date
 * or path, so the same seed gives the same bytes.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/gplot.h"
#include "results/outfile.h"

static const char *const names[CHARTS] = { "coverage", "townships", "map", "causes", "response",
                                           "resources" };

const char *chart_name(enum chart_id c)
{
    return (c >= 0 && c < CHARTS) ? names[c] : "?";
}

const char *chart_township(const struct chart_ctx *c, int township)
{
    const struct township *t = &c->d->townships[township];
    return lang_name(c->lang, t->name, t->name_zh);
}

void chart_site_label(const struct chart_ctx *c, int site, char *buf, size_t n)
{
    int t = c->d->sites[site].township, same = 0;
    for (int k = 0; k < c->d->n_sites; k++)
        same += c->d->sites[k].township == t;
    if (same > 1)
        snprintf(buf, n, "%s (%s)", chart_township(c, t), c->d->sites[site].id);
    else
        snprintf(buf, n, "%s", chart_township(c, t));
}

int chart_risk(const struct chart_ctx *c, struct interval i)
{
    return i.lo >= c->s->required ? 0 : i.hi < AMBER_LEVEL ? 2 : 1;
}

void chart_pct(char *buf, size_t n, double share)
{
    double pct = 100 * share;
    for (int digits = 1; digits <= 4; digits++) {
        snprintf(buf, n, "%.*f%%", digits, pct);
        double shown = strtod(buf, NULL);
        if ((shown > 0 || share <= 0) && (shown < 100 || share >= 1))
            return;
    }
    /* closer to 0 or 100 than 4 decimals show: the last decimal towards 50 */
    snprintf(buf, n, "%.4f%%", share < 0.5 ? ceil(pct * 1e4) / 1e4 : floor(pct * 1e4) / 1e4);
}

const char *chart_label(const struct chart_ctx *c)
{
    return lang_name(c->lang, c->d->scenario_label, c->d->scenario_label_zh);
}

void chart_scenario(const struct chart_ctx *c, char *buf, size_t n)
{
    if (c->lang == LANG_ZH && c->d->name_zh[0]) {
        snprintf(buf, n, "%s", c->d->name_zh);
        return;
    }
    snprintf(buf, n, "%s", c->d->name);
    for (char *p = buf; *p; p++)    /* "each_township" reads "Each township" */
        if (*p == '_')
            *p = ' ';
    if (c->lang != LANG_ZH && n > 0)
        buf[0] = (char)toupper((unsigned char)buf[0]);
}

void chart_title(FILE *f, const char *title, const char *subtitle)
{
    /* labels at fixed screen places, not `set title`: a title is centred
     * on the plot area and a long one is cut off at the canvas's edge */
    fprintf(f, "set label 90 ");
    gplot_str(f, title);
    fprintf(f, " at screen 0.5, screen 0.955 center font \",26\" front\nset label 91 ");
    gplot_str(f, subtitle);
    fprintf(f, " at screen 0.5, screen 0.91 center font \",18\" tc rgb '#444444' front\n"
            "set tmargin at screen 0.83\n");
}

int chart_file(const struct chart_ctx *c, const char *name,
               int (*w)(FILE *, const struct chart_ctx *), char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, c->dir, name, c->lang, err, errlen) < 0)
        return -1;
    if (w(o.f, c) < 0) {
        out_abort(&o);
        snprintf(err, errlen, "%s/%s: %s", c->dir, name, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    return out_commit(&o, err, errlen);
}

static int write_all(const struct chart_ctx *c, char *err, size_t errlen)
{
    static int (*const make[CHARTS])(const struct chart_ctx *, char *, size_t) = {
        chart_coverage, chart_townships, chart_map, chart_causes, chart_response,
        chart_resources,
    };
    for (int i = 0; i < CHARTS; i++)
        if (make[i](c, err, errlen) < 0)
            return -1;
    return 0;
}

int charts_make(const char *dir, const struct definition *d, const struct summary *s,
                enum lang lang, int no_plot, int verbose, struct charts_done *done, char *err,
                size_t errlen)
{
    const struct chart_ctx c = { dir, d, s, lang, NULL, NULL };
    char gnuplot[4096];
    memset(done, 0, sizeof *done);
    done->state = CHARTS_SKIPPED;
    if (no_plot)
        return 0;
    if (write_all(&c, err, errlen) < 0)
        return -1;
    if (gplot_find(gnuplot, sizeof gnuplot) < 0) {
        fprintf(stderr, "supplysim: warning: gnuplot is not on the PATH: charts not drawn "
                "(their scripts are in %s; install gnuplot and run `gnuplot NAME.gp` there)\n",
                dir);
        done->state = CHARTS_NO_GNUPLOT;
        gplot_forget(dir, names, CHARTS);
        return 0;
    }
    done->state = CHARTS_RAN;
    gplot_draw(gnuplot, dir, names, CHARTS, done->drawn, verbose);
    return 0;
}
