/*
 * study_sens.c -- the variants and outputs of `supplysim sensitivity` (see
 * study_sens.h).  A range "flips" when the verdict at its low or at its high
 * end differs from the baseline's: those are what the city should measure
 * first, and the text output names them before anything else.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_sens.h"

int sens_sets(const struct assumption_range *a, double x, char **sets)
{
    for (int k = 0; k < a->n_paths; k++) {
        double v = a->relative ? a->base[k] * x : x;
        char buf[600];
        if (a->is_int[k])
            snprintf(buf, sizeof buf, "%s=%lld", a->paths[k], (long long)llround(v));
        else
            snprintf(buf, sizeof buf, "%s=%.17g", a->paths[k], v);
        if (!(sets[k] = strdup(buf))) {
            while (k-- > 0)
                free(sets[k]);
            return -1;
        }
    }
    return 0;
}

static void sums(const struct study_variant *v, long m, long *kept, double *on, double *resp)
{
    *kept = 0;
    *on = *resp = 0;
    for (long k = 0; k < m; k++) {
        *kept += v->kept[k];
        *on += v->on_time[k];
        *resp += v->response[k];
    }
}

int sens_high_favourable(const struct study *s, int i, long m)
{
    long kl, kh;
    double ol, oh, rl, rh;
    sums(&s->v[1 + 2 * i], m, &kl, &ol, &rl);
    sums(&s->v[2 + 2 * i], m, &kh, &oh, &rh);
    if (kh != kl)
        return kh > kl;
    if (oh != ol)
        return oh > ol;
    return rh < rl;
}

static const struct study_view *order_view;   /* qsort has no context argument */

static double swing(const struct study_view *w, int i)
{
    return fabs(w->st[2 + 2 * i].kept.est - w->st[1 + 2 * i].kept.est);
}

static int by_swing(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    double si = swing(order_view, i), sj = swing(order_view, j);
    if (si != sj)
        return si > sj ? -1 : 1;
    return (i > j) - (i < j);
}

void sens_order(const struct study_view *w, int *order)
{
    for (int i = 0; i < w->d->n_ranges; i++)
        order[i] = i;
    order_view = w;
    qsort(order, (size_t)w->d->n_ranges, sizeof *order, by_swing);
    order_view = NULL;
}

static int flips(const struct study_view *w, int i)
{
    enum verdict b = w->st[0].verdict;
    return w->st[1 + 2 * i].verdict != b || w->st[2 + 2 * i].verdict != b;
}

static const char *label(const struct study_view *w)
{
    return lang_name(w->lang, w->d->scenario_label, w->d->scenario_label_zh);
}

/* The view is usable: one range per pair of variants, and the corners. */
static int shape_ok(const struct study_view *w)
{
    return w->s->n_v == 3 + 2 * w->d->n_ranges;
}

void sens_decision(FILE *f, const struct study_view *w)
{
    int n = w->d->n_ranges, k = 0, *order = malloc(((size_t)n + 1) * sizeof *order);
    const struct variant_stats *b = &w->st[0];
    char list[2048] = "";
    if (!order || !shape_ok(w)) {
        free(order);
        fputs("?\n", f);
        return;
    }
    sens_order(w, order);
    for (int j = 0; j < n; j++)
        if (flips(w, order[j])) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "",
                     w->d->ranges[order[j]].path);
            k++;
        }
    if (k)
        fprintf(f, lang_text(w->lang, T_ST_SENS_DECISION_FLIPS), lang_verdict(w->lang, b->verdict),
                100 * b->kept.est, b->runs, label(w), k, n, list);
    else
        fprintf(f, lang_text(w->lang, T_ST_SENS_DECISION_HOLDS), lang_verdict(w->lang, b->verdict),
                100 * b->kept.est, b->runs, label(w), n);
    fputc('\n', f);
    free(order);
}

static void end_words(FILE *f, const struct study_view *w, const struct variant_stats *x)
{
    char words[64];
    snprintf(words, sizeof words, "%5.1f%% [%5.1f, %5.1f] %s", 100 * x->kept.est, 100 * x->kept.lo,
             100 * x->kept.hi, lang_verdict(w->lang, x->verdict));
    text_pad(f, words, 30);
}

static void line(FILE *f, const struct study_view *w, int i)
{
    const struct assumption_range *a = &w->d->ranges[i];
    char what[300];
    snprintf(what, sizeof what, a->relative ? "%s x%g..%g" : "%s %g..%g", a->path, a->low,
             a->high);
    fprintf(f, "  ");
    text_pad(f, what, 56);
    fprintf(f, " ");
    end_words(f, w, &w->st[1 + 2 * i]);
    fprintf(f, " ");
    end_words(f, w, &w->st[2 + 2 * i]);
    fprintf(f, "\n");
}

void sens_text(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    int n = w->d->n_ranges, *order = malloc(((size_t)n + 1) * sizeof *order), any = 0;
    sens_decision(f, w);
    if (!order || !shape_ok(w)) {
        free(order);
        return;
    }
    sens_order(w, order);
    for (int j = 0; j < n; j++)
        if (flips(w, order[j])) {
            if (!any++)
                fprintf(f, "\n%s\n", lang_text(l, T_ST_SENS_FLIPS_H));
            line(f, w, order[j]);
        }
    fprintf(f, "\n%s\n  ", lang_text(l, T_ST_SENS_TABLE_H));
    text_pad(f, lang_text(l, T_ST_H_ASSUMPTION), 56);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_LOW), 30);
    fprintf(f, " %s\n", lang_text(l, T_ST_H_HIGH));
    for (int j = 0; j < n; j++)
        line(f, w, order[j]);
    const struct variant_stats *fav = &w->st[1 + 2 * n], *unf = &w->st[2 + 2 * n];
    fprintf(f, "\n");
    fprintf(f, lang_text(l, T_ST_SENS_CORNERS), 100 * unf->kept.est, lang_verdict(l, unf->verdict),
            100 * fav->kept.est, lang_verdict(l, fav->verdict));
    fprintf(f, "\n\n");
    fprintf(f, lang_text(l, T_ST_FOOTER), w->s->n, w->s->seed, w->version);
    fprintf(f, "\n");
    free(order);
}

/* ---- CSV and JSON --------------------------------------------------------- */

static void nums(FILE *f, struct interval i)
{
    fprintf(f, ",%.6f,%.6f,%.6f", i.est + 0.0, i.lo + 0.0, i.hi + 0.0);
}

static void csv_row(FILE *f, const struct study_view *w, const char *path, double base, double low,
                    double high, int lo_v, int hi_v, int relative, const char *why)
{
    const struct variant_stats *a = &w->st[lo_v], *b = &w->st[hi_v];
    enum verdict v0 = w->st[0].verdict;
    csv_field(f, path);
    if (isfinite(base))
        fprintf(f, ",%.17g,%.17g,%.17g", base, low, high);
    else
        fputs(",,,", f);
    nums(f, a->kept);
    nums(f, b->kept);
    nums(f, a->diff);
    nums(f, b->diff);
    fprintf(f, ",%s,%s,%d,%.6f,%d,", verdict_name(a->verdict), verdict_name(b->verdict),
            a->verdict != v0 || b->verdict != v0, fabs(b->kept.est - a->kept.est), relative);
    csv_field(f, why);
    fputc('\n', f);
}

void sens_csv(FILE *f, const struct study_view *w)
{
    int n = w->d->n_ranges, *order = malloc(((size_t)n + 1) * sizeof *order);
    fputs("path,base,low,high,promise_kept_low,promise_kept_low_lo,promise_kept_low_hi,"
          "promise_kept_high,promise_kept_high_lo,promise_kept_high_hi,diff_low,diff_low_lo,"
          "diff_low_hi,diff_high,diff_high_lo,diff_high_hi,verdict_low,verdict_high,flips,swing,"
          "relative,why\n", f);
    if (!order || !shape_ok(w)) {
        free(order);
        return;
    }
    sens_order(w, order);
    for (int j = 0; j < n; j++) {
        const struct assumption_range *a = &w->d->ranges[order[j]];
        csv_row(f, w, a->path, a->relative ? 1.0 : a->base[0], a->low, a->high,
                1 + 2 * order[j], 2 + 2 * order[j], a->relative, a->why);
    }
    csv_row(f, w, "(all at once)", NAN, 0, 0, 2 + 2 * n, 1 + 2 * n, 0,
            "every assumption at once at the end that keeps the promise less often, resp. more");
    free(order);
}

void sens_json(FILE *f, const struct study_view *w)
{
    int n = w->d->n_ranges;
    fprintf(f, "{\n  \"command\": \"sensitivity\", \"scenario\": ");
    json_string(f, w->d->name);
    fprintf(f, ", \"version\": ");
    json_string(f, w->version);
    fprintf(f, ", \"runs\": %ld, \"seed\": %llu, \"verdict\": \"%s\", \"promise_kept\": %.6f,\n"
            "  \"assumptions\": [", w->s->n, w->s->seed, verdict_name(w->st[0].verdict),
            w->st[0].kept.est);
    for (int i = 0; shape_ok(w) && i < n; i++) {
        const struct variant_stats *a = &w->st[1 + 2 * i], *b = &w->st[2 + 2 * i];
        fprintf(f, "%s\n    {\"path\": ", i ? "," : "");
        json_string(f, w->d->ranges[i].path);
        fprintf(f, ", \"low\": %.17g, \"high\": %.17g, \"relative\": %s, \"promise_kept_low\": "
                "%.6f, \"promise_kept_high\": %.6f, \"verdict_low\": \"%s\", \"verdict_high\": "
                "\"%s\", \"flips\": %s}", w->d->ranges[i].low, w->d->ranges[i].high,
                w->d->ranges[i].relative ? "true" : "false", a->kept.est, b->kept.est,
                verdict_name(a->verdict), verdict_name(b->verdict), flips(w, i) ? "true" : "false");
    }
    if (shape_ok(w))
        fprintf(f, "\n  ],\n  \"favourable\": {\"promise_kept\": %.6f, \"verdict\": \"%s\"}, "
                "\"unfavourable\": {\"promise_kept\": %.6f, \"verdict\": \"%s\"}\n}\n",
                w->st[1 + 2 * n].kept.est, verdict_name(w->st[1 + 2 * n].verdict),
                w->st[2 + 2 * n].kept.est, verdict_name(w->st[2 + 2 * n].verdict));
    else
        fputs("\n  ]\n}\n", f);
}
