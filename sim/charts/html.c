/*
 * html.c -- report.html: one self-contained file for a planning
 * meeting.  A one-page brief comes first (brief.c: printed, page 1), then
 * the verdict in the wording of the text report
 * (report_verdict_line), then the key numbers, the charts with a sentence
 * on how to read each (their SVG copied inline, ids prefixed per chart), the
 * townships table and the assumptions of the run.  Every text from the
 * configuration is escaped; the page holds no script and loads nothing, and
 * prints one chart per A4 page.  No path; the brief's date is the run's (or
 * SOURCE_DATE_EPOCH's), everything else is the same bytes for the same seed.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/brief.h"
#include "charts/html.h"
#include "results/outfile.h"

struct page {
    const char *dir;
    const char *folder;       /* the output folder as named (dir may be its stage) */
    const struct definition *d;
    const struct summary *s;
    const struct run_info *ri;
    const struct charts_done *done;
    struct chart_ctx c;       /* language, names and order shared with the charts */
    char *err;
    size_t errlen;
};

static void pct(FILE *f, double v)
{
    char buf[32];
    if (isfinite(v)) {
        chart_pct(buf, sizeof buf, v);   /* never 100.0% short of all, nor 0.0% above none */
        fputs(buf, f);
    } else {
        fputs("–", f);
    }
}

static void minutes(FILE *f, double v, enum lang lang)
{
    if (isfinite(v))
        fprintf(f, "%.0f", v);
    else
        fputs(lang_text(lang, T_NEVER), f);
}

/* ---- the page ----------------------------------------------------------- */

static const char css[] =
    "body{font-family:\"DejaVu Sans\",Arial,\"WenQuanYi Micro Hei\",\"Microsoft YaHei\","
    "\"PingFang SC\",sans-serif;color:#222;max-width:1100px;margin:0 auto;padding:1.5em;"
    "line-height:1.45}\n"
    "h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.3em;margin:1.2em 0 .3em;"
    "border-bottom:2px solid #ddd}\n"
    ".kicker{color:#666;margin:0}.verdict{font-size:1.35em;font-weight:bold;padding:.6em .8em;"
    "border-left:.5em solid;margin:.6em 0}\n"
    ".PASS{background:#e8f5e9;border-color:#1a9850}.FAIL{background:#fdecea;"
    "border-color:#d73027}.INCONCLUSIVE{background:#fff4e0;border-color:#f39c12}\n"
    ".also{color:#555;font-size:.95em}.how{color:#444;margin:.2em 0 .6em}\n"
    "figure{margin:0}figure svg{width:100%;height:auto;display:block}\n"
    "table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .6em;"
    "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em}\n"
    ".note{background:#f4f4f4;padding:.6em .8em;border-left:.4em solid #999}\n"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}"
    "dd{margin:0}\nfooter{color:#777;font-size:.85em;margin-top:2em}\n"
    "section.brief{border-bottom:3px solid #222;margin-bottom:1.5em;padding-bottom:.8em}\n"
    "section.brief table{margin:.2em 0}.brief h2{margin:.8em 0 .2em}.brief ol,.brief ul{margin:.2em 0;"
    "padding-left:1.6em}.brief .decision{font-weight:bold}.follows{color:#777;font-size:.85em;margin:.8em 0 0}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "section.brief{break-after:page;border:0}"
    "section.chart,section.sites,section.assumptions{break-before:page}"
    "figure,tr,.verdict{break-inside:avoid}h2{break-after:avoid}"
    ".verdict{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

void html_head(FILE *f, enum lang lang, const char *name, const char *what)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            lang_tag(lang));
    html_text(f, name);
    fprintf(f, " – supplysim ");
    html_text(f, what);
    fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

static void head(FILE *f, const struct page *pg)
{
    html_head(f, pg->c.lang, pg->d->name, verdict_name(pg->s->verdict));
}

/* The verdict line of the text report, without its newline; NULL when out of memory. */
static char *verdict_line(const struct page *pg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    report_verdict_line(m, pg->d, pg->s, pg->c.lang);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

static void verdict_meaning(FILE *f, const struct page *pg)
{
    static const enum text meaning[3] = { T_HTML_MEANING_PASS, T_HTML_MEANING_FAIL,
                                          T_HTML_MEANING_INCONCLUSIVE };
    const struct summary *s = pg->s;
    char promise[64];
    lang_duration(pg->c.lang, s->promise_min, promise, sizeof promise);
    fprintf(f, "<p>");
    fprintf(f, lang_text(pg->c.lang, meaning[s->verdict]), promise, 100 * s->required);
    fprintf(f, "</p>\n");
}

static int verdict(FILE *f, const struct page *pg)
{
    const struct summary *s = pg->s;
    char *line = verdict_line(pg), promise[64];
    if (!line) {
        snprintf(pg->err, pg->errlen, "out of memory writing report.html");
        return -1;
    }
    lang_duration(pg->c.lang, s->promise_min, promise, sizeof promise);
    fprintf(f, "<header>\n<p class=\"kicker\">supplysim · ");
    html_text(f, lang_text(pg->c.lang, T_HTML_KICKER_SCENARIO));
    html_text(f, pg->d->name);
    fprintf(f, "</p>\n<h1>");
    char h1[256];
    snprintf(h1, sizeof h1, lang_text(pg->c.lang, T_HTML_DOES_PROMISE_HOLD), promise);
    html_text(f, h1);
    fprintf(f, "</h1>\n<p class=\"verdict %s\">", verdict_name(s->verdict));
    html_text(f, line);        /* the text report's verdict line, in the page's language */
    fprintf(f, "</p>\n");
    free(line);
    verdict_meaning(f, pg);
    return 0;
}

static void key_numbers(FILE *f, const struct page *pg)
{
    const struct summary *s = pg->s;
    const struct chart_ctx *c = &pg->c;
    fprintf(f, "<table class=\"keys\">\n<tr><th>%s</th><th>%s</th><th>95%% CI</th></tr>\n",
            lang_text(c->lang, T_HTML_EVERY_SITE_REACHED_WITHIN),
            lang_text(c->lang, T_HTML_SHARE_RUNS));
    for (int t = 0; t < s->n_thr; t++) {
        char words[64];
        lang_duration(c->lang, s->thr_min[t], words, sizeof words);
        fprintf(f, "<tr><td>");
        html_text(f, words);
        if (s->thr_from[t] == CLOCK_ORDER)
            fprintf(f, "%s", lang_text(c->lang, T_HTML_FROM_ORDER));
        else if (s->thr_min[t] == s->promise_min)
            fprintf(f, "%s", lang_text(c->lang, T_HTML_THE_PROMISE));
        fprintf(f, "</td><td class=\"n\">");
        pct(f, s->thr_kept[t].est);
        fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td></tr>\n", 100 * s->thr_kept[t].lo,
                100 * s->thr_kept[t].hi);
    }
    fprintf(f, "<tr><td>%s</td><td class=\"n\">", lang_text(c->lang, T_HTML_SITES_TIME_MEAN_SHARE));
    pct(f, s->sites_on_time.est);
    fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td></tr>\n</table>\n<p>",
            100 * s->sites_on_time.lo, 100 * s->sites_on_time.hi);
    for (int t = 0; t < s->n_thr; t++)
        if (s->thr_from[t] == CLOCK_ORDER) {   /* what the clock of such a threshold is */
            fprintf(f, "%s</p>\n<p>", lang_text(c->lang, T_HTML_ORDER_MEANS));
            break;
        }
    fprintf(f, "%s ", lang_text(c->lang, T_HTML_RESPONSE_TIME_OVER_ALL));
    minutes(f, s->p50, c->lang);
    fprintf(f, ", p95 ");
    minutes(f, s->p95, c->lang);
    fprintf(f, ", %s ", lang_text(c->lang, T_HTML_LONGEST));
    minutes(f, s->max, c->lang);
    fprintf(f, ". ");
    fprintf(f, lang_text(c->lang, T_RESOLUTION_RESPONSE), 1.0 / RESPONSE_PER_MIN);
    fprintf(f, "</p>\n</header>\n");
}

/* ---- charts ------------------------------------------------------------- */

/* Each chart's heading and how to read it. */
static const struct { enum text heading, how; } about[CHARTS] = {
    [CHART_COVERAGE] = { T_ABOUT_COVERAGE_H, T_ABOUT_COVERAGE },
    [CHART_TOWNSHIPS] = { T_ABOUT_TOWNSHIPS_H, T_ABOUT_TOWNSHIPS },
    [CHART_MAP] = { T_ABOUT_MAP_H, T_ABOUT_MAP },
    [CHART_CAUSES] = { T_ABOUT_CAUSES_H, T_ABOUT_CAUSES },
    [CHART_RESPONSE] = { T_ABOUT_RESPONSE_H, T_ABOUT_RESPONSE },
    [CHART_RESOURCES] = { T_ABOUT_RESOURCES_H, T_ABOUT_RESOURCES },
};

static int chart_section(FILE *f, const struct page *pg, int ch)
{
    char how[1024];
    snprintf(how, sizeof how, "%s", lang_text(pg->c.lang, about[ch].how));
    if (ch == CHART_COVERAGE) {       /* the curves are quantiles across runs */
        size_t k = strlen(how);
        how[k++] = ' ';
        snprintf(how + k, sizeof how - k, lang_text(pg->c.lang, T_RESOLUTION_COVERAGE),
                 100.0 / PEOPLE_SHARE_BINS);
    }
    return html_chart(f, pg->dir, chart_name((enum chart_id)ch),
                      lang_text(pg->c.lang, about[ch].heading), how, pg->done->drawn[ch],
                      pg->c.lang, pg->err, pg->errlen);
}

static int charts(FILE *f, const struct page *pg)
{
    if (pg->done->state != CHARTS_RAN) {
        fprintf(f, "<p class=\"note\">%s</p>\n", pg->done->state == CHARTS_SKIPPED
                ? lang_text(pg->c.lang, T_HTML_CHARTS_SKIPPED)
                : lang_text(pg->c.lang, T_HTML_NO_GNUPLOT));
        return 0;
    }
    for (int ch = 0; ch < CHARTS; ch++)
        if (chart_section(f, pg, ch) < 0)
            return -1;
    return 0;
}

/* ---- the townships table ------------------------------------------------ */

static void site_row(FILE *f, const struct page *pg, int k)
{
    static const char *const colour[3] = { COLOUR_GOOD, COLOUR_AMBER, COLOUR_BAD };
    const struct site_summary *ss = &pg->s->sites[k];
    const struct township *t = &pg->d->townships[pg->d->sites[k].township];
    char label[256];
    chart_site_label(&pg->c, k, label, sizeof label);
    fprintf(f, "<tr><td><span class=\"dot\" style=\"background:%s\"></span>",
            colour[chart_risk(&pg->c, ss->on_time)]);
    html_text(f, label);
    const char *other = pg->c.lang == LANG_ZH ? t->name : t->name_zh;
    if (other && other[0] && strcmp(other, label)) {
        fprintf(f, " <span class=\"also\">");
        html_text(f, other);
        fprintf(f, "</span>");
    }
    fprintf(f, "</td><td class=\"n\">");
    pct(f, ss->on_time.est);
    fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td><td class=\"n\">", 100 * ss->on_time.lo,
            100 * ss->on_time.hi);
    minutes(f, ss->mean_response, pg->c.lang);
    fprintf(f, "</td><td class=\"n\">");
    minutes(f, ss->p95_response, pg->c.lang);
    fprintf(f, "</td><td class=\"n\">");
    pct(f, ss->reached);
    fprintf(f, "</td><td>");
    char why[128];
    const char *main = summary_main_words(ss, pg->c.lang, why, sizeof why);
    html_text(f, main ? main : "–");
    fprintf(f, "</td></tr>\n");
}

static int sites_table(FILE *f, const struct page *pg)
{
    const struct chart_ctx *c = &pg->c;
    int *order = malloc(((size_t)pg->d->n_sites + 1) * sizeof *order);
    if (!order) {
        snprintf(pg->err, pg->errlen, "out of memory writing report.html");
        return -1;
    }
    summary_worst_first(c->d, c->s, order);
    fprintf(f, "<section class=\"sites\" id=\"townships-table\">\n<h2>%s</h2>\n<p class=\"how\">%s ",
            lang_text(c->lang, T_HTML_DISASTER_SITES_WORST_FIRST),
            lang_text(c->lang, T_HTML_PROBABILITY_TIME_95_INTERVAL));
    fprintf(f, lang_text(c->lang, T_RESOLUTION_RESPONSE), 1.0 / RESPONSE_PER_MIN);
    fprintf(f, "</p>\n<table>\n<tr><th>%s</th><th>%s</th><th>95%% CI</th><th>%s</th><th>%s</th>"
            "<th>%s</th><th>%s</th></tr>\n",
            lang_text(c->lang, T_HTML_SITE_TOWNSHIP), lang_text(c->lang, T_HTML_ON_TIME),
            lang_text(c->lang, T_HTML_MEAN_MIN), lang_text(c->lang, T_HTML_P95_MIN),
            lang_text(c->lang, T_HTML_REACHED_HORIZON), lang_text(c->lang, T_HTML_MAIN_CAUSE_LATENESS));
    for (int i = 0; i < pg->d->n_sites; i++)
        site_row(f, pg, order[i]);
    fprintf(f, "</table>\n</section>\n");
    free(order);
    return 0;
}

/* ---- assumptions -------------------------------------------------------- */

/* One <dt>term</dt><dd>text</dd>, the text formatted like printf and escaped. */
static void item(FILE *f, const char *term, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fprintf(f, "<dt>");
    html_text(f, term);
    fprintf(f, "</dt><dd>");
    html_text(f, buf);
    fprintf(f, "</dd>\n");
}

static void thresholds_words(const struct page *pg, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int t = 0; t < pg->s->n_thr && used < n; t++) {
        char w[64];
        lang_duration(pg->c.lang, pg->s->thr_min[t], w, sizeof w);
        used += (size_t)snprintf(buf + used, n - used, "%s%s%s", t ? ", " : "", w,
                                 pg->s->thr_from[t] == CLOCK_ORDER
                                 ? lang_text(pg->c.lang, T_HTML_FROM_ORDER) : "");
    }
}

static void assumptions(FILE *f, const struct page *pg)
{
    const struct chart_ctx *c = &pg->c;
    const struct run *r = &pg->d->run;
    char thr[256];
    int h = (int)floor(r->onset_hour), m = (int)lround((r->onset_hour - h) * 60) % 60;
    thresholds_words(pg, thr, sizeof thr);
    fprintf(f, "<section class=\"assumptions\" id=\"assumptions\">\n<h2>%s</h2>\n<dl>\n",
            lang_text(c->lang, T_HTML_ASSUMPTIONS_BEHIND_THIS_RUN));
    item(f, lang_text(c->lang, T_HTML_SCENARIO), "%s", pg->d->name);
    item(f, lang_text(c->lang, T_HTML_REPLICATIONS), lang_text(c->lang, T_HTML_SIMULATED),
         pg->s->runs, chart_label(&pg->c));
    item(f, lang_text(c->lang, T_HTML_SEED),
         lang_text(c->lang, T_HTML_SEED_FIRST), pg->ri->seed,
         pg->ri->first);
    item(f, lang_text(c->lang, T_HTML_PROMISE), lang_text(c->lang, T_HTML_FIRST_RELIEF_EVERY_SITE), r->promise_min);
    item(f, lang_text(c->lang, T_HTML_THRESHOLDS_REPORTED), "%s", thr);
    item(f, lang_text(c->lang, T_HTML_REQUIRED_LEVEL), lang_text(c->lang, T_HTML_PROMISE_KEPT_LEAST_RUNS), 100 * r->required_level);
    item(f, lang_text(c->lang, T_HTML_HORIZON), lang_text(c->lang, T_HTML_HOURS_AFTER_ONSET),
         r->horizon_min / 60);
    item(f, lang_text(c->lang, T_HTML_ONSET), "%02d:%02d", h, m);
    item(f, lang_text(c->lang, T_HTML_ALARM), "%s", r->alarm == ALARM_ONSET
         ? lang_text(c->lang, T_HTML_EVERY_STORE_CREWS_CALLED)
         : lang_text(c->lang, T_HTML_CREWS_CALLED_OUT_WHEN));
    item(f, lang_text(c->lang, T_HTML_DISPATCH_POLICY), "%s", r->dispatch == DISPATCH_TIERED
         ? lang_text(c->lang, T_HTML_TIERED_OWN_TOWNSHIP_THEN)
         : lang_text(c->lang, T_HTML_EARLIEST_STORE_WHOSE_TRUCK));
    item(f, lang_text(c->lang, T_HTML_SYSTEM), lang_text(c->lang, T_HTML_TOWNSHIPS_DISASTER_SITES_ROADS),
         pg->d->n_townships, pg->d->n_sites, pg->d->n_roads, pg->d->n_facilities,
         pg->s->total_trucks);
    item(f, lang_text(c->lang, T_HTML_VERSION), "supplysim %s", pg->ri->version);
    fprintf(f, "</dl>\n<p>");
    html_text(f, lang_name(c->lang, pg->d->description, pg->d->description_zh));
    fprintf(f, "</p>\n<p>%s</p>\n</section>\n",
            lang_text(c->lang, T_HTML_EVERY_OTHER_NUMBER_STOCK));
}

static int page(FILE *f, const struct page *pg)
{
    const struct brief b = { pg->folder, pg->d, pg->s, pg->ri, pg->c.lang };
    head(f, pg);
    if (html_brief(f, &b, pg->err, pg->errlen) < 0 || verdict(f, pg) < 0)
        return -1;
    key_numbers(f, pg);
    if (charts(f, pg) < 0 || sites_table(f, pg) < 0)
        return -1;
    assumptions(f, pg);
    fprintf(f, "<footer>supplysim %s · ", pg->ri->version);
    html_text(f, pg->d->name);
    fprintf(f, " · seed %llu · %ld runs</footer>\n</body>\n</html>\n", pg->ri->seed, pg->s->runs);
    return 0;
}

int html_report(const char *dir, const char *folder, const struct definition *d,
                const struct summary *s, const struct run_info *ri, enum lang lang,
                const struct charts_done *done, char *err, size_t errlen)
{
    const struct page pg = { dir, folder, d, s, ri, done, { dir, d, s, lang, NULL, NULL }, err, errlen };
    struct outfile o;
    if (out_open(&o, dir, "report.html", lang, err, errlen) < 0)
        return -1;
    if (page(o.f, &pg) < 0) {
        out_abort(&o);
        return -1;
    }
    return out_commit(&o, err, errlen);
}
