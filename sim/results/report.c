/*
 * report.c -- the files a run leaves for scripts (sim/MODEL.md, "Outputs"):
 * summary.json, the CSV files, the rows of replications.csv and
 * shipments.csv, and summary.txt (the text of report_text.c).  Machine
 * formats: English keys and ids, whatever the language.  Numbers that may
 * be infinite (a site never reached) are written "inf" in CSV and null in
 * JSON.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/report.h"

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
        jinterval(f, "all_sites_within", s->thr_kept[t], 1);
        fprintf(f, "\"from\": \"%s\"", s->thr_from[t] == CLOCK_ORDER ? "order" : "disaster");
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
    enum lang lang;
};

static void w_summary_txt(FILE *f, const struct ctx *c)
{
    report_text(f, c->d, c->s, c->ri, c->lang);
}
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
    fprintf(f, "minute,sites_p5,sites_median,sites_p95,people_p5,people_median,people_p95,"
            "all_sites,all_sites_lo,all_sites_hi\n");
    for (int k = 0; k < s->n_steps; k++)
        fprintf(f, "%.0f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", k * COVERAGE_STEP_MIN,
                s->cov_sites[0][k], s->cov_sites[1][k], s->cov_sites[2][k],
                s->cov_people[0][k], s->cov_people[1][k], s->cov_people[2][k],
                s->cov_all[k].est, s->cov_all[k].lo, s->cov_all[k].hi);
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
    if (out_open(&o, dir, name, c->lang, err, errlen) < 0)
        return -1;
    w(o.f, c);
    return out_commit(&o, err, errlen);
}

int report_files(const char *dir, const struct definition *d, const struct summary *s,
                 const struct run_info *ri, enum lang lang, char *err, size_t errlen)
{
    const struct ctx c = { d, s, ri, lang };
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
