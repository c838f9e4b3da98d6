/*
 * study_html.c -- report.html of a decision study: one self-contained page
 * for the meeting, in the style of a run's report (html.c): the question,
 * the decision in the words of the text output's first line, the charts
 * inline with how to read each, the command's table, and how to rerun any
 * row.  No date or path: same seed, same bytes.
 */
#include <math.h>
#include "charts/html.h"
#include "charts/study_charts.h"
#include "results/outfile.h"
#include "results/study_improve.h"
#include "results/study_roads.h"
#include "results/study_sens.h"
#include <stdlib.h>

static int page(FILE *f, const char *dir, const struct study_view *w, enum text question,
                const char *decision, const struct study_charts *done,
                void (*table)(FILE *, const struct study_view *), char *err, size_t errlen)
{
    enum lang l = w->lang;
    char kicker[256];
    html_head(f, l, w->d->name, w->s->command);
    snprintf(kicker, sizeof kicker, lang_text(l, T_ST_HTML_KICKER), w->s->command, w->d->name);
    fprintf(f, "<header>\n<p class=\"kicker\">");
    html_text(f, kicker);
    fprintf(f, "</p>\n<h1>");
    html_text(f, lang_text(l, question));
    fprintf(f, "</h1>\n<p class=\"verdict INCONCLUSIVE\">");
    html_text(f, decision);
    fprintf(f, "</p>\n</header>\n");
    if (done->state != CHARTS_RAN)
        fprintf(f, "<p class=\"note\">%s</p>\n", done->state == CHARTS_SKIPPED
                ? lang_text(l, T_HTML_CHARTS_SKIPPED) : lang_text(l, T_HTML_NO_GNUPLOT));
    for (int i = 0; done->state == CHARTS_RAN && i < done->n; i++)
        if (html_chart(f, dir, done->names[i], lang_text(l, done->heading[i]),
                       lang_text(l, done->how[i]), done->drawn[i], l, err, errlen) < 0)
            return -1;
    fprintf(f, "<section class=\"sites\" id=\"table\">\n<h2>");
    html_text(f, lang_text(l, w->improve ? T_IM_HTML_FRONTIER_H : T_ST_HTML_TABLE_H));
    fprintf(f, "</h2>\n");
    table(f, w);
    fprintf(f, "<p class=\"how\">");
    fprintf(f, lang_text(l, w->improve ? T_IM_PLANS_NOTE : T_ST_HTML_RERUN), w->s->n, w->s->seed);
    fprintf(f, "</p>\n</section>\n<footer>supplysim %s · ", w->version);
    html_text(f, w->d->name);
    fprintf(f, " · seed %llu · %ld runs</footer>\n</body>\n</html>\n", w->s->seed, w->s->n);
    return 0;
}

int study_html(const char *dir, const struct study_view *w, enum text question,
               const char *decision, const struct study_charts *done,
               void (*table)(FILE *, const struct study_view *), char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, "report.html", w->lang, err, errlen) < 0)
        return -1;
    if (page(o.f, dir, w, question, decision, done, table, err, errlen) < 0) {
        out_abort(&o);
        return -1;
    }
    return out_commit(&o, err, errlen);
}

/* A share and its interval as table cells. */
static void cells(FILE *f, struct interval i, int sign)
{
    if (!isfinite(i.est)) {
        fputs("<td></td><td></td>", f);
        return;
    }
    fprintf(f, sign ? "<td class=\"n\">%+.1f</td><td class=\"n\">[%+.1f, %+.1f]</td>"
                    : "<td class=\"n\">%.1f%%</td><td class=\"n\">%.1f–%.1f%%</td>",
            100 * i.est + 0.0, 100 * i.lo + 0.0, 100 * i.hi + 0.0);
}

void compare_html_table(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    fprintf(f, "<table>\n<tr><th>%s</th><th colspan=\"2\">%s</th><th colspan=\"2\">%s</th>"
            "<th>%s</th><th colspan=\"2\">%s</th><th>%s</th></tr>\n",
            lang_text(l, T_ST_H_VARIANT), lang_text(l, T_ST_H_KEPT), lang_text(l, T_ST_H_DIFF),
            lang_text(l, T_ST_H_WIDTHS), lang_text(l, T_ST_H_SITES), lang_text(l, T_ST_H_VERDICT));
    for (int v = 0; v < w->s->n_v; v++) {
        const struct variant_stats *x = &w->st[v];
        fprintf(f, "<tr><td>");
        html_text(f, w->s->v[v].name);
        fprintf(f, "</td>");
        cells(f, x->kept, 0);
        if (v) {
            cells(f, x->diff, 1);
            fprintf(f, "<td class=\"n\">%.1f / %.1f</td>", 100 * (x->diff.hi - x->diff.lo),
                    100 * (x->diff_unpaired.hi - x->diff_unpaired.lo));
        } else {
            fputs("<td></td><td></td><td></td>", f);
        }
        fprintf(f, "<td class=\"n\">%.1f%%</td><td class=\"n\">", 100 * x->sites.est);
        if (v)
            fprintf(f, "%+.1f", 100 * x->sites_diff.est + 0.0);
        fprintf(f, "</td><td>%s</td></tr>\n", lang_verdict(l, x->verdict));
    }
    fputs("</table>\n", f);
}

void roads_html_table(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    struct road_row *rows;
    int n, *order;
    if (roads_rows(w->d, &rows, &n) < 0)
        return;
    if (!(order = malloc(((size_t)n + 1) * sizeof *order)) || w->s->n_v != 1 + 2 * n) {
        free(rows);
        free(order);
        return;
    }
    roads_rank(w, n, order);
    fprintf(f, "<table>\n<tr><th>#</th><th>%s</th><th>%s</th><th colspan=\"2\">%s</th>"
            "<th colspan=\"2\">%s</th><th>%s</th></tr>\n", lang_text(l, T_ST_H_ROAD),
            lang_text(l, T_ST_H_TOUCHED), lang_text(l, T_ST_H_PROTECT), lang_text(l, T_ST_H_CLOSE),
            lang_text(l, T_ST_H_RUNS));
    for (int k = 0; k < n && k < ROADS_TOP; k++) {
        const struct road_row *r = &rows[order[k]];
        char name[300], what[600];
        roads_row_name(w, r, name, sizeof name);   /* no ids where people read */
        snprintf(what, sizeof what, lang_text(l, T_ROADS_WHAT), name, lang_road_class(l, r->cls),
                 r->km);
        fprintf(f, "<tr><td class=\"n\">%d</td><td>", k + 1);
        html_text(f, what);
        fprintf(f, "</td><td class=\"n\">%.1f%%</td>", 100 * r->touched);
        cells(f, w->st[1 + 2 * order[k]].diff, 1);
        cells(f, w->st[2 + 2 * order[k]].diff, 1);
        fprintf(f, "<td class=\"n\">%ld</td></tr>\n", w->st[1 + 2 * order[k]].runs);
    }
    fputs("</table>\n", f);
    free(rows);
    free(order);
}

static void end_cells(FILE *f, const struct study_view *w, int v)
{
    cells(f, w->st[v].kept, 0);
    fprintf(f, "<td>%s</td>", lang_verdict(w->lang, w->st[v].verdict));
}

void sens_html_table(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    int n = w->d->n_ranges, *order = malloc(((size_t)n + 1) * sizeof *order);
    if (!order || w->s->n_v != 3 + 2 * n) {
        free(order);
        return;
    }
    sens_order(w, order);
    fprintf(f, "<table>\n<tr><th>%s</th><th colspan=\"3\">%s</th><th colspan=\"3\">%s</th>"
            "</tr>\n", lang_text(l, T_ST_H_ASSUMPTION), lang_text(l, T_ST_H_LOW),
            lang_text(l, T_ST_H_HIGH));
    for (int j = 0; j < n; j++) {
        const struct assumption_range *a = &w->d->ranges[order[j]];
        fprintf(f, "<tr><td>");
        html_text(f, a->path);
        fprintf(f, a->relative ? " ×%g–%g" : " %g–%g", a->low, a->high);
        fprintf(f, "<br><span class=\"also\">");
        html_text(f, a->why);
        fprintf(f, "</span></td>");
        end_cells(f, w, 1 + 2 * order[j]);
        end_cells(f, w, 2 + 2 * order[j]);
        fputs("</tr>\n", f);
    }
    fputs("</table>\n<p>", f);
    fprintf(f, lang_text(l, T_ST_SENS_CORNERS), 100 * w->st[2 + 2 * n].kept.est,
            lang_verdict(l, w->st[2 + 2 * n].verdict), 100 * w->st[1 + 2 * n].kept.est,
            lang_verdict(l, w->st[1 + 2 * n].verdict));
    fputs("</p>\n", f);
    free(order);
}

/* improve: the frontier (the recommended plan in bold), then the levers
 * with their costs and where each cost comes from. */
void improve_html_table(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    enum lang l = w->lang;
    char buf[4096];
    fprintf(f, "<table>\n<tr><th>%s</th><th>%s</th><th colspan=\"2\">%s</th><th>%s</th></tr>\n",
            lang_text(l, T_IM_H_PLAN), lang_text(l, T_IM_H_COST), lang_text(l, T_ST_H_KEPT),
            lang_text(l, T_ST_H_VERDICT));
    for (int k = 0; k < im->n_plans; k++) {
        int p = im->order[k];
        if (!im->plan[p].frontier)
            continue;
        const char *b = p == im->recommended ? "<b>" : "", *e = p == im->recommended ? "</b>" : "";
        fprintf(f, "<tr><td>%s", b);
        improve_plan_words(w, p, buf, sizeof buf);
        html_text(f, buf);
        improve_yuan(buf, sizeof buf, im->plan[p].cost);
        fprintf(f, "%s</td><td class=\"n\">%s</td>", e, buf);
        cells(f, w->st[im->plan[p].v].kept, 0);
        fprintf(f, "<td>%s</td></tr>\n", lang_verdict(l, w->st[im->plan[p].v].verdict));
    }
    fprintf(f, "</table>\n<h2>");
    html_text(f, lang_text(l, T_IM_HTML_LEVERS_H));
    fprintf(f, "</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
            lang_text(l, T_IM_H_LEVER), lang_text(l, T_IM_H_COST), lang_text(l, T_IM_H_SOURCE));
    for (int k = 0; k < im->n_chosen; k++) {
        const struct lever *lv = &w->d->levers[im->chosen[k]];
        fprintf(f, "<tr><td>");
        html_text(f, lang_name(l, lv->name, lv->name_zh));
        fprintf(f, " <span class=\"also\">");
        html_text(f, lv->id);
        improve_lever_cost(w, lv, buf, sizeof buf);
        fprintf(f, "</span></td><td class=\"n\">");
        html_text(f, buf);
        fprintf(f, "</td><td><span class=\"also\">");
        html_text(f, lang_name(l, lv->why, lv->why_zh));
        fprintf(f, "</span></td></tr>\n");
    }
    fputs("</table>\n", f);
}
