/*
 * report_text.c -- a run's report for people, in English or Chinese
 * (sim/MODEL.md, "Stdout and stderr"): the verdict line, then the sites at
 * risk and why, the thresholds, the quantiles, the causes of lateness, the
 * trucks, the demand and the stock-outs.  It is stdout and summary.txt.
 * Every word comes from the language table; places, stores and items are
 * named in the reader's language, never by their ids (those are for the
 * CSV and JSON files); a time never reached is written as the table's
 * "never".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "engine/lang.h"
#include "results/outfile.h"
#include "results/report.h"

/* The words for the replications: the scenario's label in language l, or
 * "disasters" when it gives none in that language. */
static const char *label(const struct definition *d, enum lang l)
{
    if (l == LANG_ZH && !d->scenario_label_zh[0])
        return lang_text(l, T_OUT_LABEL_DEFAULT);
    return lang_name(l, d->scenario_label, d->scenario_label_zh);
}

void report_verdict_line(FILE *f, const struct definition *d, const struct summary *s,
                         enum lang l)
{
    char p[32];
    if (fmod(s->promise_min, 60.0) == 0)
        snprintf(p, sizeof p, lang_text(l, T_OUT_PROMISE_HOURS), s->promise_min / 60.0);
    else
        snprintf(p, sizeof p, lang_text(l, T_OUT_PROMISE_MINUTES), s->promise_min);
    fprintf(f, lang_text(l, T_OUT_VERDICT), lang_verdict(l, s->verdict), p,
            100 * s->promise_kept.est, s->runs, label(d, l), 100 * s->conf,
            100 * s->promise_kept.lo, 100 * s->promise_kept.hi, 100 * s->required);
    fputc('\n', f);
}

/* Minutes as a whole number, or "never" for a site not reached. */
static const char *minutes(char *buf, size_t n, double v, enum lang l)
{
    if (isfinite(v))
        snprintf(buf, n, "%.0f", v);
    else
        snprintf(buf, n, "%s", lang_text(l, T_NEVER));
    return buf;
}

/* The columns of the sites at risk: site, on time, interval, mean, 95% within. */
static const int site_w[] = { 24, 9, 17, 8, 12 };

static void site_line(FILE *f, const struct definition *d, const struct summary *s, int k,
                      enum lang l)
{
    const struct site_summary *ss = &s->sites[k];
    const struct township *t = &d->townships[d->sites[k].township];
    char on[32], ci[48], mean[32], p95[32];
    snprintf(on, sizeof on, "%.1f%%", 100 * ss->on_time.est);
    snprintf(ci, sizeof ci, "[%5.1f, %5.1f]", 100 * ss->on_time.lo, 100 * ss->on_time.hi);
    fprintf(f, "  ");
    text_pad(f, lang_name(l, t->name, t->name_zh), site_w[0]);
    text_pad_left(f, on, site_w[1]);
    text_pad_left(f, ci, site_w[2]);
    text_pad_left(f, minutes(mean, sizeof mean, ss->mean_response, l), site_w[3]);
    text_pad_left(f, minutes(p95, sizeof p95, ss->p95_response, l), site_w[4]);
    char why[128];
    const char *main = summary_main_words(ss, l, why, sizeof why);
    fprintf(f, "  %s\n", main ? main : "-");
}

static void print_sites(FILE *f, const struct definition *d, const struct summary *s,
                        enum lang l)
{
    static const enum text cols[] = { T_OUT_COL_SITE, T_OUT_COL_ON_TIME, T_OUT_COL_CI,
                                      T_OUT_COL_MEAN, T_OUT_COL_P95 };
    int n = d->n_sites, shown = 0;
    int *order = malloc((size_t)(n + 1) * sizeof *order);
    fputc('\n', f);
    if (!order) {
        fprintf(f, "%s\n", lang_text(l, T_OUT_OUT_OF_MEMORY_SITES));
        return;
    }
    summary_worst_first(d, s, order);
    fprintf(f, lang_text(l, T_OUT_SITES_H), 100 * s->required);
    fprintf(f, "\n  ");
    text_pad(f, lang_text(l, cols[0]), site_w[0]);
    for (int c = 1; c < 5; c++)
        text_pad_left(f, lang_text(l, cols[c]), site_w[c]);
    fprintf(f, "  %s\n", lang_text(l, T_OUT_COL_CAUSE));
    for (int i = 0; i < n; i++)
        if (s->sites[order[i]].on_time.est < s->required) {
            site_line(f, d, s, order[i], l);
            shown++;
        }
    if (!shown) {
        fprintf(f, lang_text(l, T_OUT_SITES_NONE), 100 * s->required);
        fputc('\n', f);
    }
    free(order);
}

/* What a threshold is beside its minutes: the promise (from the disaster),
 * measured from the dispatch order, or nothing. */
static const char *threshold_words(const struct summary *s, int t, enum lang l)
{
    if (s->thr_from[t] == CLOCK_ORDER)
        return lang_text(l, T_OUT_FROM_ORDER);
    return s->thr_min[t] == s->promise_min ? lang_text(l, T_OUT_PROMISE) : "";
}

static void print_thresholds(FILE *f, const struct summary *s, enum lang l)
{
    char buf[64], q[5][32];
    int w = 8;
    for (int t = 0; t < s->n_thr; t++)
        w = w > text_width(threshold_words(s, t, l)) ? w : text_width(threshold_words(s, t, l));
    fprintf(f, "\n%s\n", lang_text(l, T_OUT_THR_H));
    for (int t = 0; t < s->n_thr; t++) {
        snprintf(buf, sizeof buf, lang_text(l, T_OUT_THR_ROW), s->thr_min[t], s->thr_min[t] / 60);
        fprintf(f, "  ");
        text_pad_left(f, buf, 18);
        fputc(' ', f);
        text_pad(f, threshold_words(s, t, l), w);
        fprintf(f, " %6.1f%%  [%5.1f, %5.1f]\n", 100 * s->thr_kept[t].est,
                100 * s->thr_kept[t].lo, 100 * s->thr_kept[t].hi);
    }
    fprintf(f, lang_text(l, T_OUT_SITES_ON_TIME), 100 * s->sites_on_time.est,
            100 * s->sites_on_time.lo, 100 * s->sites_on_time.hi);
    fputc('\n', f);
    fprintf(f, lang_text(l, T_OUT_QUANTILES), minutes(q[0], sizeof q[0], s->p50, l),
            minutes(q[1], sizeof q[1], s->p90, l), minutes(q[2], sizeof q[2], s->p95, l),
            minutes(q[3], sizeof q[3], s->p99, l), minutes(q[4], sizeof q[4], s->max, l),
            1.0 / RESPONSE_PER_MIN);
    fputc('\n', f);
}

/* Whether some store ran out of some item in some run. */
static int any_stockout(const struct definition *d, const struct summary *s)
{
    for (int k = 0; k < d->n_facilities * d->n_items; k++)
        if (s->stockouts[k] > 0)
            return 1;
    return 0;
}

static void print_causes(FILE *f, const struct definition *d, const struct summary *s,
                         enum lang l)
{
    if (!s->late) {
        fprintf(f, "\n%s\n", lang_text(l, T_OUT_NO_LATE));
        return;
    }
    fputc('\n', f);
    fprintf(f, lang_text(l, T_OUT_CAUSES_H), s->late);
    fprintf(f, "\n  ");
    for (int c = 0; c < MAIN_CAUSES; c++) {
        char parts[512] = "";
        for (int p = MAIN_CAUSES; c == CAUSE_ROAD && p < CAUSES; p++) {
            size_t k = strlen(parts);
            snprintf(parts + k, sizeof parts - k, lang_text(l, T_OUT_CAUSE_MIN), lang_cause(l, p),
                     s->cause_late[p]);
            k = strlen(parts);
            snprintf(parts + k, sizeof parts - k, "%s", p + 1 < CAUSES ? lang_text(l, T_OUT_LIST_SEP) : "");
        }
        if (c == CAUSE_ROAD)          /* road delays with their parts in brackets */
            fprintf(f, lang_text(l, T_OUT_CAUSE_PARTS), lang_cause(l, c), s->cause_late[c], parts);
        else
            fprintf(f, lang_text(l, T_OUT_CAUSE_MIN), lang_cause(l, c), s->cause_late[c]);
        fputs(c + 1 < MAIN_CAUSES ? lang_text(l, T_OUT_LIST_SEP) : "\n", f);
    }
    if (any_stockout(d, s))      /* why "stock-out 0" while points ran out */
        fprintf(f, "%s\n", lang_text(l, T_OUT_STOCK_NOTE));
}

/* The stock-outs of most runs, at most ten lines; all of them in stockouts.csv. */
static void print_stockouts(FILE *f, const struct definition *d, const struct summary *s,
                            enum lang l)
{
    int n = d->n_facilities * d->n_items, shown = 0, more = 0;
    char runs_text[64];
    for (int k = 0; k < n; k++)
        more += s->stockouts[k] > 0;
    if (!more)
        return;
    fprintf(f, "%s\n", lang_text(l, T_OUT_STOCKOUTS_H));
    for (long runs = s->runs; runs > 0 && shown < 10; runs--)
        for (int k = 0; k < n && shown < 10; k++)
            if (s->stockouts[k] == runs) {
                const struct facility *fa = &d->facilities[k / d->n_items];
                const struct item *it = &d->items[k % d->n_items];
                fprintf(f, "  ");
                text_pad(f, lang_name(l, fa->name, fa->name_zh), 36);
                fputc(' ', f);
                text_pad(f, lang_name(l, it->name, it->name_zh), 28);
                snprintf(runs_text, sizeof runs_text, lang_text(l, T_OUT_STOCKOUT_RUNS), runs,
                         s->runs);
                fprintf(f, " %s\n", runs_text);
                shown++;
            }
    if (more > shown) {
        fprintf(f, lang_text(l, T_OUT_STOCKOUTS_MORE), more - shown);
        fputc('\n', f);
    }
}

/* "unit" or "units" for a count printed with no decimals. */
static const char *units(double v, enum lang l)
{
    return lang_text(l, round(v) == 1 ? T_OUT_UNIT_ONE : T_OUT_UNIT_MANY);
}

static void print_resources(FILE *f, const struct definition *d, const struct summary *s,
                            enum lang l)
{
    fputc('\n', f);
    fprintf(f, lang_text(l, T_OUT_TRUCKS), 100 * s->truck_util, d->run.horizon_min / 60,
            s->bay_wait_mean, s->shipments_mean);
    fputc('\n', f);
    fprintf(f, lang_text(l, T_OUT_DEMAND), s->demand_mean, units(s->demand_mean, l),
            d->run.horizon_min / 60, s->unmet_mean, units(s->unmet_mean, l),
            100 * s->unmet_share);
    fputc('\n', f);
    print_stockouts(f, d, s, l);
}

void report_text(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri, enum lang l)
{
    report_verdict_line(f, d, s, l);
    print_sites(f, d, s, l);
    print_thresholds(f, s, l);
    print_causes(f, d, s, l);
    print_resources(f, d, s, l);
    fputc('\n', f);
    fprintf(f, lang_text(l, T_OUT_FOOTER), lang_name(l, d->name, d->name_zh), s->runs,
            ri->first, ri->seed, lang_text(l, d->run.dispatch == DISPATCH_TIERED
                                              ? T_OUT_DISPATCH_TIERED : T_OUT_DISPATCH_EARLIEST),
            ri->version);
    fputc('\n', f);
}
