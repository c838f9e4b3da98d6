/*
 * report.c -- the words, tables and files a run leaves (sim/MODEL.md, "Outputs").  The
 * first line of stdout is the verdict; the text that follows names the sites
 * at risk and why.  Numbers that may be infinite (a site never reached) are
 * written "inf" in text and CSV and null in JSON.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "engine/lang.h"
#include "results/outfile.h"
#include "results/report.h"

static void promise_words(char *buf, size_t n, double min)
{
    if (fmod(min, 60.0) == 0)
        snprintf(buf, n, "%g-hour", min / 60.0);
    else
        snprintf(buf, n, "%g-minute", min);
}

void report_verdict_line(FILE *f, const struct definition *d, const struct summary *s)
{
    char p[32];
    promise_words(p, sizeof p, s->promise_min);
    fprintf(f, "%s: the %s promise held in %.1f%% of %ld %s (%g%% CI %.1f–%.1f%%); required %g%%\n",
            verdict_name(s->verdict), p, 100 * s->promise_kept.est, s->runs, d->scenario_label,
            100 * s->conf,
            100 * s->promise_kept.lo, 100 * s->promise_kept.hi, 100 * s->required);
}

static void minutes(FILE *f, const char *fmt, double v)
{
    if (isfinite(v))
        fprintf(f, fmt, v);
    else
        fprintf(f, "%s", "inf");
}

static void site_line(FILE *f, const struct definition *d, const struct summary *s, int k)
{
    const struct site_summary *ss = &s->sites[k];
    const struct township *t = &d->townships[d->sites[k].township];
    char name[160];
    snprintf(name, sizeof name, "%s %s", t->name, t->name_zh);
    fprintf(f, "  ");
    text_pad(f, name, 34);
    fprintf(f, " %6.1f%%  [%5.1f, %5.1f] ", 100 * ss->on_time.est, 100 * ss->on_time.lo,
            100 * ss->on_time.hi);
    minutes(f, "%8.0f", ss->mean_response);
    fprintf(f, " ");
    minutes(f, "%8.0f", ss->p95_response);
    fprintf(f, "  %s\n", ss->main_cause >= 0 ? lang_cause(LANG_EN, ss->main_cause) : "-");
}

static void print_sites(FILE *f, const struct definition *d, const struct summary *s)
{
    int n = d->n_sites, shown = 0;
    int *order = malloc((size_t)(n + 1) * sizeof *order);
    if (!order) {
        fprintf(f, "\n(out of memory listing the sites at risk: see sites.csv)\n");
        return;
    }
    summary_worst_first(d, s, order);
    fprintf(f, "\nSites at risk (on time in fewer than %g%% of runs), worst first:\n  ",
            100 * s->required);
    text_pad(f, "site (township)", 34);
    fprintf(f, " %7s  %14s %8s %8s  %s\n", "on time", "95% CI", "mean min", "p95 min",
            "main cause of lateness");
    for (int i = 0; i < n; i++)
        if (s->sites[order[i]].on_time.est < s->required) {
            site_line(f, d, s, order[i]);
            shown++;
        }
    if (!shown)
        fprintf(f, "  none: every site was on time in at least %g%% of runs\n", 100 * s->required);
    free(order);
}

static void print_thresholds(FILE *f, const struct summary *s)
{
    fprintf(f, "\nEvery site reached within (share of runs, 95%% CI):\n");
    for (int t = 0; t < s->n_thr; t++)
        fprintf(f, "  %6.0f min (%4.1f h) %s %6.1f%%  [%5.1f, %5.1f]\n", s->thr_min[t],
                s->thr_min[t] / 60, s->thr_min[t] == s->promise_min ? "promise" : "       ",
                100 * s->thr_kept[t].est, 100 * s->thr_kept[t].lo, 100 * s->thr_kept[t].hi);
    fprintf(f, "Sites on time, mean share per run: %.1f%% [%.1f, %.1f]\n",
            100 * s->sites_on_time.est, 100 * s->sites_on_time.lo, 100 * s->sites_on_time.hi);
    fprintf(f, "Response time over all sites and runs (min): p50 ");
    minutes(f, "%.0f", s->p50);
    fprintf(f, ", p90 ");
    minutes(f, "%.0f", s->p90);
    fprintf(f, ", p95 ");
    minutes(f, "%.0f", s->p95);
    fprintf(f, ", p99 ");
    minutes(f, "%.0f", s->p99);
    fprintf(f, ", max ");
    minutes(f, "%.0f", s->max);
    fprintf(f, " (quantiles to %g min)\n", 1.0 / RESPONSE_PER_MIN);
}

static void print_causes(FILE *f, const struct summary *s)
{
    if (!s->late) {
        fprintf(f, "\nNo site was late in any run.\n");
        return;
    }
    fprintf(f, "\nWhy late sites are late (mean minutes over %ld late site-runs):\n  ", s->late);
    for (int c = 0; c < CAUSES; c++)
        fprintf(f, "%s %.0f%s", lang_cause(LANG_EN, c), s->cause_late[c], c + 1 < CAUSES ? ", " : "\n");
}

/* The stock-outs of most runs, at most ten lines; all of them in stockouts.csv. */
static void print_stockouts(FILE *f, const struct definition *d, const struct summary *s)
{
    int n = d->n_facilities * d->n_items, shown = 0, more = 0;
    for (int k = 0; k < n; k++)
        more += s->stockouts[k] > 0;
    if (!more)
        return;
    fprintf(f, "Stock-outs (runs in which a store ran out of an item), most frequent first:\n");
    for (long runs = s->runs; runs > 0 && shown < 10; runs--)
        for (int k = 0; k < n && shown < 10; k++)
            if (s->stockouts[k] == runs) {
                fprintf(f, "  %-18s %-14s %ld of %ld\n", d->facilities[k / d->n_items].id,
                        d->items[k % d->n_items].id, runs, s->runs);
                shown++;
            }
    if (more > shown)
        fprintf(f, "  ... and %d more (stockouts.csv)\n", more - shown);
}

static void print_resources(FILE *f, const struct definition *d, const struct summary *s)
{
    fprintf(f, "\nTrucks busy %.1f%% of the time; mean wait for a loading bay %.1f min; "
            "%.1f shipments per run.\n", 100 * s->truck_util, s->bay_wait_mean, s->shipments_mean);
    fprintf(f, "Demand %.0f units per run; unmet at the %.0f h horizon: %.0f units (%.1f%%).\n",
            s->demand_mean, d->run.horizon_min / 60, s->unmet_mean, 100 * s->unmet_share);
    print_stockouts(f, d, s);
}

void report_text(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri)
{
    report_verdict_line(f, d, s);
    print_sites(f, d, s);
    print_thresholds(f, s);
    print_causes(f, s);
    print_resources(f, d, s);
    fprintf(f, "\nScenario %s: %ld runs from replication %ld, seed %llu, dispatch %s; supplysim %s\n",
            d->name, s->runs, ri->first, ri->seed,
            d->run.dispatch == DISPATCH_TIERED ? "tiered" : "earliest", ri->version);
}

/* ---- JSON --------------------------------------------------------------- */

static void jnum(FILE *f, const char *key, double v, int comma)
{
    fprintf(f, "\"%s\": ", key);
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    else
        fprintf(f, "null");
    fprintf(f, "%s", comma ? ", " : "");
}

static void jinterval(FILE *f, const char *key, struct interval v, int comma)
{
    fprintf(f, "\"%s\": {", key);
    jnum(f, "est", v.est, 1);
    jnum(f, "lo", v.lo, 1);
    jnum(f, "hi", v.hi, 0);
    fprintf(f, "}%s", comma ? ", " : "");
}

static void json_sites(FILE *f, const struct definition *d, const struct summary *s)
{
    fprintf(f, "  \"sites\": [\n");
    for (int k = 0; k < d->n_sites; k++) {
        const struct site_summary *ss = &s->sites[k];
        fprintf(f, "    {\"id\": ");
        json_string(f, d->sites[k].id);
        fprintf(f, ", \"township\": ");
        json_string(f, d->townships[d->sites[k].township].id);
        fprintf(f, ", ");
        jinterval(f, "on_time", ss->on_time, 1);
        jnum(f, "reached", ss->reached, 1);
        jnum(f, "mean_response_min", ss->mean_response, 1);
        jnum(f, "p95_response_min", ss->p95_response, 1);
        jnum(f, "mean_fill_min", ss->mean_fill, 1);
        jnum(f, "mean_people", ss->mean_people, 1);
        fprintf(f, "\"main_cause\": ");
        json_string(f, ss->main_cause >= 0 ? cause_id(ss->main_cause) : "");
        fprintf(f, "}%s\n", k + 1 < d->n_sites ? "," : "");
    }
    fprintf(f, "  ],\n");
}

void report_json(FILE *f, const struct definition *d, const struct summary *s,
                 const struct run_info *ri)
{
    fprintf(f, "{\n  \"scenario\": ");
    json_string(f, d->name);
    fprintf(f, ", \"version\": ");
    json_string(f, ri->version);
    fprintf(f, ", \"verdict\": \"%s\", \"runs\": %ld, \"first_replication\": %ld, \"seed\": %llu,\n  ",
            verdict_name(s->verdict), s->runs, ri->first, ri->seed);
    jnum(f, "promise_min", s->promise_min, 1);
    jnum(f, "required_level", s->required, 1);
    jinterval(f, "promise_kept", s->promise_kept, 1);
    jinterval(f, "sites_on_time", s->sites_on_time, 0);
    fprintf(f, ",\n  \"thresholds\": [");
    for (int t = 0; t < s->n_thr; t++) {
        fprintf(f, "{");
        jnum(f, "minutes", s->thr_min[t], 1);
        jinterval(f, "all_sites_within", s->thr_kept[t], 0);
        fprintf(f, "}%s", t + 1 < s->n_thr ? ", " : "");
    }
    fprintf(f, "],\n  \"response_min\": {");
    jnum(f, "p50", s->p50, 1);
    jnum(f, "p90", s->p90, 1);
    jnum(f, "p95", s->p95, 1);
    jnum(f, "p99", s->p99, 1);
    jnum(f, "max", s->max, 0);
    fprintf(f, "},\n  \"late_delay_min\": {");
    for (int c = 0; c < CAUSES; c++)
        jnum(f, cause_id(c), s->cause_late[c], c + 1 < CAUSES);
    fprintf(f, "},\n  ");
    jnum(f, "late_site_runs", (double)s->late, 1);
    jnum(f, "truck_utilisation", s->truck_util, 1);
    jnum(f, "bay_wait_mean_min", s->bay_wait_mean, 1);
    jnum(f, "demand_units_mean", s->demand_mean, 1);
    jnum(f, "unmet_units_mean", s->unmet_mean, 1);
    jnum(f, "shipments_mean", s->shipments_mean, 0);
    fprintf(f, ",\n");
    json_sites(f, d, s);
    fprintf(f, "  \"description\": ");
    json_string(f, d->description);
    fprintf(f, "\n}\n");
}

/* ---- CSV ---------------------------------------------------------------- */

static void cnum(FILE *f, double v)
{
    if (isfinite(v))
        fprintf(f, ",%.6g", v);
    else
        fprintf(f, ",inf");
}

void report_csv_header(FILE *f)
{
    fprintf(f, "scenario,runs,seed,promise_min,verdict,promise_kept,promise_kept_lo,"
            "promise_kept_hi,sites_on_time,sites_on_time_lo,sites_on_time_hi,response_p50,"
            "response_p90,response_p95,response_p99,response_max,bay_wait_mean,truck_util,"
            "demand_mean,unmet_end,unmet_share\n");
}

void report_csv_row(FILE *f, const struct definition *d, const struct summary *s,
                    const struct run_info *ri)
{
    csv_field(f, d->name);
    fprintf(f, ",%ld,%llu,%g,%s", s->runs, ri->seed, s->promise_min, verdict_name(s->verdict));
    double v[] = { s->promise_kept.est, s->promise_kept.lo, s->promise_kept.hi,
                   s->sites_on_time.est, s->sites_on_time.lo, s->sites_on_time.hi, s->p50, s->p90,
                   s->p95, s->p99, s->max, s->bay_wait_mean, s->truck_util, s->demand_mean,
                   s->unmet_mean, s->unmet_share };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        cnum(f, v[i]);
    fprintf(f, "\n");
}

/* ---- files -------------------------------------------------------------- */

struct ctx {
    const struct definition *d;
    const struct summary *s;
    const struct run_info *ri;
};

static void w_summary_txt(FILE *f, const struct ctx *c) { report_text(f, c->d, c->s, c->ri); }
static void w_summary_json(FILE *f, const struct ctx *c) { report_json(f, c->d, c->s, c->ri); }

static void w_sites(FILE *f, const struct ctx *c)
{
    const struct definition *d = c->d;
    fprintf(f, "site,township,name,name_zh,p_on_time,p_on_time_lo,p_on_time_hi,reached,"
            "mean_response_min,p95_response_min,mean_fill_min,mean_people,main_cause");
    for (int k = 0; k < CAUSES; k++)
        fprintf(f, ",late_%s_min", cause_id(k));
    fprintf(f, "\n");
    for (int k = 0; k < d->n_sites; k++) {
        const struct site_summary *ss = &c->s->sites[k];
        const struct township *t = &d->townships[d->sites[k].township];
        csv_field(f, d->sites[k].id);
        fprintf(f, ",");
        csv_field(f, t->id);
        fprintf(f, ",");
        csv_field(f, t->name);
        fprintf(f, ",");
        csv_field(f, t->name_zh);
        double v[] = { ss->on_time.est, ss->on_time.lo, ss->on_time.hi, ss->reached,
                       ss->mean_response, ss->p95_response, ss->mean_fill, ss->mean_people };
        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
            cnum(f, v[i]);
        fprintf(f, ",%s", ss->main_cause >= 0 ? cause_id(ss->main_cause) : "");
        for (int k2 = 0; k2 < CAUSES; k2++)
            cnum(f, ss->cause[k2]);
        fprintf(f, "\n");
    }
}

void report_replications_header(FILE *f, const struct definition *d)
{
    fprintf(f, "replication,kept,sites_on_time,demand_units,unmet_units,shipments,events");
    for (int k = 0; k < d->n_sites; k++)
        fprintf(f, ",response_%s", d->sites[k].id);
    fprintf(f, "\n");
}

void report_replications_row(FILE *f, const struct definition *d, long index,
                             const struct rep_result *r)
{
    int on = result_on_time(r, d);
    fprintf(f, "%ld,%d,%.6g,%.0f,%.0f,%d,%ld", index, on == d->n_sites,
            d->n_sites ? (double)on / d->n_sites : 1.0, r->demand_units, r->unmet_units,
            r->shipments, r->events);
    for (int k = 0; k < d->n_sites; k++)
        cnum(f, r->response[k]);
    fprintf(f, "\n");
}

void report_shipments_header(FILE *f)
{
    fprintf(f, "replication,shipment,source,destination,site,ordered_min,loaded_min,"
            "arrived_min,tonnes,m3\n");
}

void report_shipments_rows(FILE *f, const struct definition *d, long index,
                           const struct rep_result *r)
{
    for (int k = 0; k < r->n_trace; k++) {
        const struct trace_row *t = &r->trace[k];
        fprintf(f, "%ld,%d,%s,", index, t->id, d->facilities[t->source].id);
        csv_field(f, t->site >= 0 ? d->sites[t->site].id : d->facilities[t->dest_facility].id);
        fprintf(f, ",%s", t->site >= 0 ? d->sites[t->site].id : "");
        double v[] = { t->ordered, t->loaded, t->arrived, t->tonnes, t->m3 };
        for (size_t j = 0; j < sizeof v / sizeof v[0]; j++)
            cnum(f, v[j]);
        fprintf(f, "\n");
    }
}

static void w_coverage(FILE *f, const struct ctx *c)
{
    const struct summary *s = c->s;
    fprintf(f, "minute,sites_p5,sites_median,sites_p95,people_p5,people_median,people_p95\n");
    for (int k = 0; k < s->n_steps; k++)
        fprintf(f, "%.0f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", k * COVERAGE_STEP_MIN,
                s->cov_sites[0][k], s->cov_sites[1][k], s->cov_sites[2][k],
                s->cov_people[0][k], s->cov_people[1][k], s->cov_people[2][k]);
}

static void w_resources(FILE *f, const struct ctx *c)
{
    const struct summary *s = c->s;
    fprintf(f, "minute,trucks_out_p5,trucks_out_median,trucks_out_p95,central_queue_p5,"
            "central_queue_median,central_queue_p95\n");
    for (int k = 0; k < s->n_samples; k++)
        fprintf(f, "%.0f,%g,%g,%g,%g,%g,%g\n", k * SAMPLE_MIN, s->trucks_out[0][k],
                s->trucks_out[1][k], s->trucks_out[2][k], s->central_queue[0][k],
                s->central_queue[1][k], s->central_queue[2][k]);
}

static void w_stockouts(FILE *f, const struct ctx *c)
{
    const struct definition *d = c->d;
    fprintf(f, "facility,item,runs_out,runs\n");
    for (int k = 0; k < d->n_facilities * d->n_items; k++)
        if (c->s->stockouts[k])
            fprintf(f, "%s,%s,%d,%ld\n", d->facilities[k / d->n_items].id,
                    d->items[k % d->n_items].id, c->s->stockouts[k], c->s->runs);
}

static int write_one(const char *dir, const char *name, void (*w)(FILE *, const struct ctx *),
                     const struct ctx *c, char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, name, err, errlen) < 0)
        return -1;
    w(o.f, c);
    return out_commit(&o, err, errlen);
}

int report_files(const char *dir, const struct definition *d, const struct summary *s,
                 const struct run_info *ri, char *err, size_t errlen)
{
    const struct ctx c = { d, s, ri };
    static const struct { const char *name; void (*w)(FILE *, const struct ctx *); } files[] = {
        { "summary.txt", w_summary_txt }, { "summary.json", w_summary_json },
        { "sites.csv", w_sites }, { "coverage.csv", w_coverage },
        { "stockouts.csv", w_stockouts }, { "resources.csv", w_resources },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (write_one(dir, files[i].name, files[i].w, &c, err, errlen) < 0)
            return -1;
    return 0;
}
