/*
 * html.c -- report.html (issue #4): one self-contained file for a planning
 * meeting.  The verdict comes first in the wording of the text report
 * (report_verdict_line), then the key numbers, the charts with a sentence
 * on how to read each (their SVG copied inline, ids prefixed per chart), the
 * townships table and the assumptions of the run.  Every text from the
 * configuration is escaped; the page holds no script and loads nothing, and
 * prints one chart per A4 page.  No date or path: same seed, same bytes.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/html.h"
#include "results/outfile.h"

struct page {
    const char *dir;
    const struct definition *d;
    const struct summary *s;
    const struct run_info *ri;
    const struct charts_done *done;
    struct chart_ctx c;       /* language, names and order shared with the charts */
    char *err;
    size_t errlen;
};

void html_text(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}

static void pct(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, "%.1f%%", 100 * v);
    else
        fputs("–", f);
}

static void minutes(FILE *f, double v, int zh)
{
    if (isfinite(v))
        fprintf(f, "%.0f", v);
    else
        fputs(zh ? "未送达" : "never", f);
}

/* ---- inline SVG --------------------------------------------------------- */

/* The attribute openings after which gnuplot's SVG names an id: 1 for a
 * definition, 2 for a reference; *n is the opening's length. */
static int id_at(const char *p, size_t *n)
{
    static const char *const pat[] = { " id='", " id=\"", "href='#", "href=\"#", "url(#" };
    for (size_t i = 0; i < sizeof pat / sizeof pat[0]; i++)
        if (!strncmp(p, pat[i], strlen(pat[i]))) {
            *n = strlen(pat[i]);
            return i < 2 ? 1 : 2;
        }
    return 0;
}

/* The ids defined so far, to tell a repeated one (gnuplot repeats
 * gnuplot_plot_N, which nothing refers to) from the first. */
struct seen { const char **id; size_t *len; int n, cap; };

/* How many times id (len bytes) was defined before; -1 when out of memory. */
static int times_seen(struct seen *sn, const char *id, size_t len)
{
    int times = 0;
    for (int i = 0; i < sn->n; i++)
        times += sn->len[i] == len && !memcmp(sn->id[i], id, len);
    if (sn->n == sn->cap) {
        int cap = sn->cap ? 2 * sn->cap : 64;
        const char **ids = realloc(sn->id, (size_t)cap * sizeof *ids);
        if (ids)
            sn->id = ids;
        size_t *lens = ids ? realloc(sn->len, (size_t)cap * sizeof *lens) : NULL;
        if (!lens)
            return -1;
        sn->len = lens;
        sn->cap = cap;
    }
    sn->id[sn->n] = id;
    sn->len[sn->n++] = len;
    return times;
}

int html_svg(FILE *f, const char *svg, const char *prefix)
{
    const char *p = strstr(svg, "<svg");
    struct seen sn = { NULL, NULL, 0, 0 };
    int rc = p ? 0 : -1;
    while (p && *p) {
        size_t n;
        int kind = id_at(p, &n);
        if (!kind) {
            fputc(*p++, f);
            continue;
        }
        fwrite(p, 1, n, f);
        fprintf(f, "%s-", prefix);
        p += n;
        if (kind == 1) {   /* a definition: the id up to its quote, numbered when repeated */
            size_t len = strcspn(p, "'\"");
            int times = times_seen(&sn, p, len);
            if (times < 0) {
                rc = -2;
                break;
            }
            fwrite(p, 1, len, f);
            if (times)
                fprintf(f, "-%d", times + 1);
            p += len;
        }
    }
    free(sn.id);
    free(sn.len);
    return rc;
}

/* The whole of dir/name.svg, NUL-terminated; NULL with a message. */
static char *read_svg(const struct page *pg, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.svg", pg->dir, name);
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long len = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)len + 1)) && fread(buf, 1, (size_t)len, f) == (size_t)len) {
        buf[len] = '\0';
        fclose(f);
        return buf;
    }
    snprintf(pg->err, pg->errlen, "%s: cannot read the chart for report.html", path);
    free(buf);
    if (f)
        fclose(f);
    return NULL;
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
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em}\n"
    ".note{background:#f4f4f4;padding:.6em .8em;border-left:.4em solid #999}\n"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}"
    "dd{margin:0}\nfooter{color:#777;font-size:.85em;margin-top:2em}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "section.chart,section.sites,section.assumptions{break-before:page}"
    "figure,tr,.verdict{break-inside:avoid}h2{break-after:avoid}"
    ".verdict{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static const char *verdict_zh(enum verdict v)
{
    return v == VERDICT_PASS ? "通过" : v == VERDICT_FAIL ? "不通过" : "无定论";
}

static void head(FILE *f, const struct page *pg)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            pg->c.zh ? "zh-CN" : "en");
    html_text(f, pg->d->name);
    fprintf(f, " – supplysim %s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
            verdict_name(pg->s->verdict), css);
}

/* The verdict line of the text report, without its newline; NULL when out of memory. */
static char *verdict_line(const struct page *pg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    report_verdict_line(m, pg->d, pg->s);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

static void verdict_meaning(FILE *f, const struct page *pg)
{
    const struct summary *s = pg->s;
    char promise[64];
    chart_duration(&pg->c, s->promise_min, promise, sizeof promise);
    static const char *const en[3] = {
        "The whole 95%% interval of the share of runs in which every site got its first relief "
        "within %s lies at or above the required %g%%: the promise holds for this scenario.",
        "The whole 95%% interval of the share of runs in which every site got its first relief "
        "within %s lies below the required %g%%: the promise does not hold for this scenario.",
        "The 95%% interval of the share of runs in which every site got its first relief within "
        "%s straddles the required %g%%: more replications (--until-decided) would decide.",
    };
    static const char *const zh[3] = {
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间整体不低于要求的 %g%%："
        "此情景下承诺成立。",
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间整体低于要求的 %g%%："
        "此情景下承诺不成立。",
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间跨越要求的 %g%%："
        "需增加模拟次数（--until-decided）才能判定。",
    };
    fprintf(f, "<p>");
    fprintf(f, pg->c.zh ? zh[s->verdict] : en[s->verdict], promise, 100 * s->required);
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
    chart_duration(&pg->c, s->promise_min, promise, sizeof promise);
    fprintf(f, "<header>\n<p class=\"kicker\">supplysim · ");
    html_text(f, tr(&pg->c, "scenario ", "情景 "));
    html_text(f, pg->d->name);
    fprintf(f, "</p>\n<h1>");
    char h1[256];
    snprintf(h1, sizeof h1, tr(&pg->c, "Does the %s promise hold?", "%s承诺能否兑现？"), promise);
    html_text(f, h1);
    fprintf(f, "</h1>\n<p class=\"verdict %s\">", verdict_name(s->verdict));
    if (pg->c.zh) {
        fprintf(f, "%s：%ld 次模拟中，%s承诺兑现的比例为 %.1f%%（95%% 置信区间 %.1f–%.1f%%）；"
                "要求 %g%%</p>\n<p class=\"also\">", verdict_zh(s->verdict), s->runs, promise,
                100 * s->promise_kept.est, 100 * s->promise_kept.lo, 100 * s->promise_kept.hi,
                100 * s->required);
    }
    html_text(f, line);
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
            tr(c, "Every site reached within", "所有受灾点均在以下时间内送达"),
            tr(c, "share of runs", "模拟比例"));
    for (int t = 0; t < s->n_thr; t++) {
        char words[64];
        chart_duration(c, s->thr_min[t], words, sizeof words);
        fprintf(f, "<tr><td>");
        html_text(f, words);
        if (s->thr_min[t] == s->promise_min)
            fprintf(f, "%s", tr(c, " (the promise)", "（承诺）"));
        fprintf(f, "</td><td class=\"n\">");
        pct(f, s->thr_kept[t].est);
        fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td></tr>\n", 100 * s->thr_kept[t].lo,
                100 * s->thr_kept[t].hi);
    }
    fprintf(f, "<tr><td>%s</td><td class=\"n\">", tr(c, "Sites on time, mean share per run",
                                                    "每次模拟中按时送达的受灾点平均比例"));
    pct(f, s->sites_on_time.est);
    fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td></tr>\n</table>\n<p>",
            100 * s->sites_on_time.lo, 100 * s->sites_on_time.hi);
    fprintf(f, "%s ", tr(c, "Response time over all sites and runs (minutes): median",
                         "所有受灾点与模拟的响应时间（分钟）：中位数"));
    minutes(f, s->p50, c->zh);
    fprintf(f, ", p95 ");
    minutes(f, s->p95, c->zh);
    fprintf(f, ", %s ", tr(c, "longest", "最长"));
    minutes(f, s->max, c->zh);
    fprintf(f, ".</p>\n</header>\n");
}

/* ---- charts ------------------------------------------------------------- */

static const struct { const char *en_h, *zh_h, *en, *zh; } about[CHARTS] = {
    [CHART_COVERAGE] = { "How fast relief reaches the disaster sites", "救灾物资多快送达受灾点",
        "The share of sites (blue) and of displaced people (orange) that have had their first "
        "relief, by hours since the disaster struck them: the line is the median run, the band "
        "holds 90% of runs. Dashed lines mark the thresholds and the required level.",
        "按灾害发生后的小时数，已收到首批物资的受灾点（蓝）和受灾群众（橙）比例：实线为中位数，"
        "阴影为 90% 的模拟所在区间。虚线为时限和要求水平。" },
    [CHART_TOWNSHIPS] = { "Which townships are at risk", "哪些乡镇有风险",
        "The probability that each site gets its first relief within the promise, with its 95% "
        "interval, worst first: green meets the required level, amber is close, red is well "
        "below.",
        "各受灾点在承诺时限内收到首批物资的概率及其 95% 置信区间，最差的在上：绿色达到要求，"
        "橙色接近，红色明显不足。" },
    [CHART_MAP] = { "Where: the roads and the townships", "位置：路网与乡镇",
        "Red roads may be closed by the disaster, orange ones slowed. Each township seat has the "
        "colour of its worst site in the chart above; grey seats have no disaster site.",
        "红色道路可能因灾中断，橙色道路可能减速。乡镇的颜色与上图中其最差受灾点一致；"
        "灰色表示该乡镇无受灾点。" },
    [CHART_CAUSES] = { "Why sites are late", "为什么迟到",
        "For each site that was late in some runs, where the time of its first delivery went, "
        "averaged over those late runs; the top bar averages all late sites. The dashed line is "
        "the promise.",
        "对在部分模拟中迟到的受灾点，首批物资各环节所花的平均时间（仅统计迟到的模拟）；"
        "最上方为所有迟到受灾点的平均。虚线为承诺时限。" },
    [CHART_RESPONSE] = { "How long sites wait for their first relief", "受灾点等待首批物资的时间",
        "The time from the disaster to a site's first relief, over every site in every run; "
        "dashed lines mark the thresholds. Sites reached later, or never, are counted in the "
        "note.",
        "所有模拟中每个受灾点从灾害发生到收到首批物资的时间分布；虚线为各时限。"
        "更晚或未送达的受灾点列在图中说明里。" },
    [CHART_RESOURCES] = { "Trucks and loading bays over time", "车辆与装卸台随时间的变化",
        "Top: trucks away from their store; bottom: trucks waiting for a loading bay at the "
        "central depot; median and 90% band, by hours since the onset.",
        "上：离库在外的车辆；下：在中心库排队等待装卸台的车辆；中位数与 90% 区间，"
        "按灾害开始后的小时数。" },
};

static int chart_section(FILE *f, const struct page *pg, int ch)
{
    const char *name = chart_name((enum chart_id)ch);
    fprintf(f, "<section class=\"chart\" id=\"%s\">\n<h2>%s</h2>\n<p class=\"how\">%s</p>\n", name,
            tr(&pg->c, about[ch].en_h, about[ch].zh_h), tr(&pg->c, about[ch].en, about[ch].zh));
    if (!pg->done->drawn[ch]) {
        fprintf(f, "<p class=\"note\">");
        fprintf(f, tr(&pg->c, "This chart was not drawn: gnuplot failed on %s.gp (see the "
                              "warning of the run).",
                      "此图未生成：gnuplot 运行 %s.gp 失败（见运行时的警告）。"), name);
        fprintf(f, "</p>\n</section>\n");
        return 0;
    }
    char *svg = read_svg(pg, name);
    if (!svg)
        return -1;
    fprintf(f, "<figure>\n");
    int rc = html_svg(f, svg, name);
    free(svg);
    if (rc < 0) {
        snprintf(pg->err, pg->errlen, "%s/%s.svg: %s", pg->dir, name,
                 rc == -1 ? "not an SVG image" : "out of memory");
        return -1;
    }
    fprintf(f, "</figure>\n</section>\n");
    return 0;
}

static int charts(FILE *f, const struct page *pg)
{
    if (pg->done->state != CHARTS_RAN) {
        fprintf(f, "<p class=\"note\">%s</p>\n", pg->done->state == CHARTS_SKIPPED
                ? tr(&pg->c, "Charts were not drawn (--no-plot).", "未生成图表（--no-plot）。")
                : tr(&pg->c, "Charts were not drawn: gnuplot is not installed. Their scripts and "
                             "data are in this folder; run <code>gnuplot NAME.gp</code> there "
                             "to draw them.",
                     "未生成图表：未安装 gnuplot。图表脚本和数据在本文件夹中，"
                     "在此运行 <code>gnuplot 名称.gp</code> 即可生成。"));
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
            colour[chart_risk(&pg->c, ss->on_time.est)]);
    html_text(f, label);
    const char *other = pg->c.zh ? t->name : t->name_zh;
    if (other && other[0] && strcmp(other, label)) {
        fprintf(f, " <span class=\"also\">");
        html_text(f, other);
        fprintf(f, "</span>");
    }
    fprintf(f, "</td><td class=\"n\">");
    pct(f, ss->on_time.est);
    fprintf(f, "</td><td class=\"n\">%.1f–%.1f%%</td><td class=\"n\">", 100 * ss->on_time.lo,
            100 * ss->on_time.hi);
    minutes(f, ss->mean_response, pg->c.zh);
    fprintf(f, "</td><td class=\"n\">");
    minutes(f, ss->p95_response, pg->c.zh);
    fprintf(f, "</td><td class=\"n\">");
    pct(f, ss->reached);
    fprintf(f, "</td><td>");
    html_text(f, ss->main_cause >= 0 ? chart_cause(&pg->c, ss->main_cause) : "–");
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
    fprintf(f, "<section class=\"sites\" id=\"townships-table\">\n<h2>%s</h2>\n<p class=\"how\">%s"
            "</p>\n<table>\n<tr><th>%s</th><th>%s</th><th>95%% CI</th><th>%s</th><th>%s</th>"
            "<th>%s</th><th>%s</th></tr>\n",
            tr(c, "The disaster sites, worst first", "各受灾点（最差的在前）"),
            tr(c, "Probability on time with its 95% interval; response times in minutes from the "
                  "disaster to the first relief (mean over the runs that reached the site); the "
                  "main cause of lateness over the late runs.",
               "按时送达概率及其 95% 置信区间；"
               "响应时间为从灾害发生到首批物资送达的分钟数（均值只计已送达的模拟）；"
               "主要迟到原因按迟到的模拟统计。"),
            tr(c, "Site (township)", "受灾点（乡镇）"), tr(c, "On time", "按时概率"),
            tr(c, "Mean min", "平均分钟"), tr(c, "p95 min", "p95 分钟"),
            tr(c, "Reached by horizon", "时限内送达"), tr(c, "Main cause of lateness", "主要迟到原因"));
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
        chart_duration(&pg->c, pg->s->thr_min[t], w, sizeof w);
        used += (size_t)snprintf(buf + used, n - used, "%s%s", t ? ", " : "", w);
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
            tr(c, "Assumptions behind this run", "本次运行的假设"));
    item(f, tr(c, "Scenario", "情景"), "%s", pg->d->name);
    item(f, tr(c, "Replications", "模拟次数"), tr(c, "%ld simulated %s", "%ld 次（%s）"),
         pg->s->runs, chart_label(&pg->c));
    item(f, tr(c, "Seed", "随机种子"),
         tr(c, "%llu (first replication %ld)", "%llu（首次模拟编号 %ld）"), pg->ri->seed,
         pg->ri->first);
    item(f, tr(c, "Promise", "承诺"), tr(c, "first relief at every site within %g minutes",
                                         "每个受灾点在 %g 分钟内收到首批物资"), r->promise_min);
    item(f, tr(c, "Thresholds reported", "报告的时限"), "%s", thr);
    item(f, tr(c, "Required level", "要求水平"), tr(c, "the promise kept in at least %g%% of runs",
                                                  "至少 %g%% 的模拟兑现承诺"), 100 * r->required_level);
    item(f, tr(c, "Horizon", "模拟时长"), tr(c, "%g hours after the onset", "灾害开始后 %g 小时"),
         r->horizon_min / 60);
    item(f, tr(c, "Onset", "灾害开始时刻"), "%02d:%02d", h, m);
    item(f, tr(c, "Alarm", "警报"), "%s", r->alarm == ALARM_ONSET
         ? tr(c, "every store's crews called out at the onset", "灾害开始时所有仓库人员集结")
         : tr(c, "crews called out when a request arrives", "收到需求时人员才集结"));
    item(f, tr(c, "Dispatch policy", "调度策略"), "%s", r->dispatch == DISPATCH_TIERED
         ? tr(c, "tiered: own township, then sub-centre, then central depot, then suppliers",
              "分级：本乡镇、分中心、中心库、协议供应商依次调拨")
         : tr(c, "earliest: the store whose truck can arrive soonest",
              "最早到达：由能最早送达的仓库调拨"));
    item(f, tr(c, "System", "系统"), tr(c, "%d townships, %d disaster sites, %d roads, "
                                         "%d facilities, %d trucks",
                                       "%d 个乡镇，%d 个受灾点，%d 条道路，%d 个设施，%d 辆车"),
         pg->d->n_townships, pg->d->n_sites, pg->d->n_roads, pg->d->n_facilities,
         pg->s->total_trucks);
    item(f, tr(c, "Version", "版本"), "supplysim %s", pg->ri->version);
    fprintf(f, "</dl>\n<p>");
    html_text(f, pg->d->description);
    fprintf(f, "</p>\n<p>%s</p>\n</section>\n",
            tr(c, "Every other number (stock, fleets, speeds, delays) is an assumption stated, "
                  "with its source, in resolved.cfg beside this report; <code>supplysim "
                  "resolved.cfg</code> reproduces this run exactly.",
               "其余数字（库存、车队、车速、延误）均为假设，"
               "连同来源写在本报告旁的 resolved.cfg 中；"
               "运行 <code>supplysim resolved.cfg</code> 可完全复现本次结果。"));
}

static int page(FILE *f, const struct page *pg)
{
    head(f, pg);
    if (verdict(f, pg) < 0)
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

int html_report(const char *dir, const struct definition *d, const struct summary *s,
                const struct run_info *ri, int zh, const struct charts_done *done,
                char *err, size_t errlen)
{
    const struct page pg = { dir, d, s, ri, done, { dir, d, s, NULL, s->runs, zh }, err, errlen };
    struct outfile o;
    if (out_open(&o, dir, "report.html", err, errlen) < 0)
        return -1;
    if (page(o.f, &pg) < 0) {
        out_abort(&o);
        return -1;
    }
    return out_commit(&o, err, errlen);
}
