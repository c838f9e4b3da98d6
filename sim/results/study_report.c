/*
 * study_report.c -- the outputs of `supplysim compare` for people and
 * scripts (see study_report.h): the decision, the table with both widths
 * of each difference's interval (paired, and as if the runs were
 * independent: why pairing matters), compare.csv and the JSON.
 */
#include <math.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_report.h"

void study_points(char *buf, size_t n, double share)
{
    if (isfinite(share))
        snprintf(buf, n, "%+.1f", 100 * share + 0.0);
    else
        snprintf(buf, n, "–");
}

int study_file_out(const char *dir, const char *name, const struct study_view *w,
                   void (*write)(FILE *, const struct study_view *), char *err, size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, name, w->lang, err, errlen) < 0)
        return -1;
    write(o.f, w);
    return out_commit(&o, err, errlen);
}

static const char *label(const struct study_view *w)
{
    return lang_name(w->lang, w->d->scenario_label, w->d->scenario_label_zh);
}

/* ---- the decision ------------------------------------------------------- */

/* The variant whose paired interval lies wholly above 0 with the largest
 * estimate; -1 when none. */
static int best_better(const struct study_view *w)
{
    int best = -1;
    for (int v = 1; v < w->s->n_v; v++)
        if (w->st[v].diff.lo > 0 && (best < 0 || w->st[v].diff.est > w->st[best].diff.est))
            best = v;
    return best;
}

void compare_decision(FILE *f, const struct study_view *w)
{
    const struct variant_stats *b = &w->st[0];
    int v = best_better(w);
    double c = 100 * w->s->conf;
    if (v >= 0) {
        const struct variant_stats *x = &w->st[v];
        fprintf(f, lang_text(w->lang, T_ST_DECISION_BETTER), w->s->v[v].name,
                100 * x->kept.est, x->runs, label(w), 100 * b->kept.est, 100 * x->diff.est, c,
                100 * x->diff.lo, 100 * x->diff.hi, lang_verdict(w->lang, x->verdict));
    } else {
        fprintf(f, lang_text(w->lang, T_ST_DECISION_NONE), 100 * b->kept.est, b->runs, label(w),
                c);
    }
    fputc('\n', f);
}

double compare_pairing_gain(const struct study_view *w, int sites)
{
    double sum = 0;
    int n = 0;
    for (int v = 1; v < w->s->n_v; v++) {
        const struct variant_stats *x = &w->st[v];
        double paired = sites ? x->sites_diff.hi - x->sites_diff.lo : x->diff.hi - x->diff.lo;
        double unpaired = sites ? x->sites_diff_unpaired.hi - x->sites_diff_unpaired.lo
                                : x->diff_unpaired.hi - x->diff_unpaired.lo;
        if (paired > 0 && isfinite(unpaired)) {
            sum += unpaired / paired;
            n++;
        }
    }
    return n ? sum / n : NAN;
}

/* ---- text ----------------------------------------------------------------- */

static void row(FILE *f, const struct study_view *w, int v)
{
    const struct variant_stats *x = &w->st[v];
    char d[16], lo[16], hi[16], sd[16];
    text_pad(f, w->s->v[v].name, 28);
    fprintf(f, " %6.1f%% [%5.1f, %5.1f]", 100 * x->kept.est, 100 * x->kept.lo, 100 * x->kept.hi);
    if (v == 0) {
        fprintf(f, "  %-24s %15s", "", "");
    } else {
        study_points(d, sizeof d, x->diff.est);
        study_points(lo, sizeof lo, x->diff.lo);
        study_points(hi, sizeof hi, x->diff.hi);
        fprintf(f, "  %6s [%6s, %6s]   %5.1f / %5.1f", d, lo, hi, 100 * (x->diff.hi - x->diff.lo),
                100 * (x->diff_unpaired.hi - x->diff_unpaired.lo));
    }
    fprintf(f, "  %6.1f%%", 100 * x->sites.est);
    study_points(sd, sizeof sd, x->sites_diff.est);
    fprintf(f, " %7s  %s\n", v ? sd : "", lang_verdict(w->lang, x->verdict));
}

void compare_text(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    compare_decision(f, w);
    for (int v = 1; v < w->s->n_v; v++)
        if (w->st[v].diff.hi < 0) {
            fprintf(f, lang_text(l, T_ST_WORSE), w->s->v[v].name);
            fputc('\n', f);
        }
    fprintf(f, "\n");
    text_pad(f, lang_text(l, T_ST_H_VARIANT), 28);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_KEPT), 22);
    fprintf(f, "  ");
    text_pad(f, lang_text(l, T_ST_H_DIFF), 24);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_WIDTHS), 15);
    fprintf(f, "  ");
    text_pad(f, lang_text(l, T_ST_H_SITES), 16);
    fprintf(f, " %s\n", lang_text(l, T_ST_H_VERDICT));
    for (int v = 0; v < w->s->n_v; v++)
        row(f, w, v);
    double gain = compare_pairing_gain(w, 0), sites = compare_pairing_gain(w, 1);
    if (isfinite(gain) && isfinite(sites)) {
        fprintf(f, "\n");
        fprintf(f, lang_text(l, T_ST_PAIRING), w->st[0].runs, label(w), gain, sites);
        fprintf(f, "\n");
    }
    fprintf(f, "\n");
    fprintf(f, lang_text(l, T_ST_FOOTER), w->st[0].runs, w->s->seed, w->version);
    fprintf(f, "\n");
}

/* ---- CSV and JSON --------------------------------------------------------- */

static void num(FILE *f, double x, int comma)
{
    if (isfinite(x))
        fprintf(f, "%.6f", x + 0.0);
    else
        fputs("", f);
    if (comma)
        fputc(',', f);
}

void compare_csv(FILE *f, const struct study_view *w)
{
    fputs("variant,promise_kept,promise_kept_lo,promise_kept_hi,diff,diff_lo,diff_hi,"
          "sites_on_time,sites_diff,sites_diff_lo,sites_diff_hi,verdict,runs,"
          "diff_unpaired_lo,diff_unpaired_hi,sites_diff_unpaired_lo,sites_diff_unpaired_hi,"
          "response_mean_min,response_diff_min,response_diff_lo,response_diff_hi\n", f);
    for (int v = 0; v < w->s->n_v; v++) {
        const struct variant_stats *x = &w->st[v];
        csv_field(f, w->s->v[v].name);
        fputc(',', f);
        const double a[] = { x->kept.est, x->kept.lo, x->kept.hi, x->diff.est, x->diff.lo,
                             x->diff.hi, x->sites.est, x->sites_diff.est, x->sites_diff.lo,
                             x->sites_diff.hi };
        for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
            num(f, a[i], 1);
        fprintf(f, "%s,%ld,", verdict_name(x->verdict), x->runs);
        const double b[] = { x->diff_unpaired.lo, x->diff_unpaired.hi,
                             x->sites_diff_unpaired.lo, x->sites_diff_unpaired.hi, x->response,
                             x->response_diff.est, x->response_diff.lo, x->response_diff.hi };
        for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
            num(f, b[i], i + 1 < sizeof b / sizeof b[0]);
        fputc('\n', f);
    }
}

static void jint(FILE *f, const char *key, struct interval i)
{
    fprintf(f, "\"%s\": {", key);
    const double v[] = { i.est, i.lo, i.hi };
    const char *k[] = { "est", "lo", "hi" };
    for (int j = 0; j < 3; j++) {
        fprintf(f, "\"%s\": ", k[j]);
        if (isfinite(v[j]))
            fprintf(f, "%.6f", v[j] + 0.0);
        else
            fputs("null", f);
        fputs(j < 2 ? ", " : "}", f);
    }
}

void compare_json(FILE *f, const struct study_view *w)
{
    fprintf(f, "{\n  \"command\": \"%s\", \"scenario\": ", w->s->command);
    json_string(f, w->d->name);
    fprintf(f, ", \"version\": ");
    json_string(f, w->version);
    fprintf(f, ", \"runs\": %ld, \"seed\": %llu, \"confidence\": %g,\n  \"variants\": [",
            w->s->n, w->s->seed, w->s->conf);
    for (int v = 0; v < w->s->n_v; v++) {
        const struct variant_stats *x = &w->st[v];
        fprintf(f, "%s\n    {\"name\": ", v ? "," : "");
        json_string(f, w->s->v[v].name);
        fprintf(f, ", \"runs\": %ld, \"verdict\": \"%s\", ", x->runs, verdict_name(x->verdict));
        jint(f, "promise_kept", x->kept);
        fputs(", ", f);
        jint(f, "diff", x->diff);
        fputs(", ", f);
        jint(f, "diff_unpaired", x->diff_unpaired);
        fputs(",\n     ", f);
        jint(f, "sites_on_time", x->sites);
        fputs(", ", f);
        jint(f, "sites_diff", x->sites_diff);
        fputs(", ", f);
        jint(f, "response_diff_min", x->response_diff);
        fprintf(f, ", \"response_mean_min\": %.3f}", x->response);
    }
    fputs("\n  ]\n}\n", f);
}
