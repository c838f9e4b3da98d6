/*
 * study_roads.c -- the roads of `supplysim roads` and its outputs (see
 * study_roads.h).  A segment is named FROM-TO by its nodes' ids, as
 * disaster.protect takes it.  O(roads x rules) to list them, O(rows log
 * rows) to rank them.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_roads.h"

static double touched(const struct definition *d, int road)
{
    double close, slow;
    damage_road_chances(d, road, &close, &slow);
    return 1 - (1 - close) * (1 - slow);
}

static int spared(const struct definition *d, int road)
{
    return (d->road_protected && d->road_protected[road])
        || (d->road_closed && d->road_closed[road]);
}

/* Segments the hazard can touch; then each name with two or more of them. */
int roads_rows(const struct definition *d, struct road_row **rows, int *n)
{
    *n = 0;
    *rows = calloc((size_t)d->n_roads * 2 + 1, sizeof **rows);
    if (!*rows)
        return -1;
    for (int i = 0; i < d->n_roads; i++) {
        double t = touched(d, i);
        if (!(t > 0) || spared(d, i))
            continue;
        struct road_row *r = &(*rows)[(*n)++];
        *r = (struct road_row){ .name = d->roads[i].name, .cls = (int)d->roads[i].cls,
                                .km = d->roads[i].km, .touched = t, .road = i,
                                .corridor = 0 };
        snprintf(r->token, sizeof r->token, "%s-%s", d->nodes[d->roads[i].from].id,
                 d->nodes[d->roads[i].to].id);
    }
    int segments = *n;
    for (int s = 0; s < segments; s++) {
        const char *name = (*rows)[s].name;
        int seen = 0, count = 0;
        double km = 0, untouched = 1;
        for (int k = 0; k < s && !seen; k++)
            seen = !strcmp((*rows)[k].name, name);
        for (int k = s; k < segments && !seen; k++)
            if (!strcmp((*rows)[k].name, name)) {
                count++;
                untouched *= 1 - (*rows)[k].touched;
            }
        for (int i = 0; i < d->n_roads && !seen && count >= 2; i++)
            if (!strcmp(d->roads[i].name, name))
                km += d->roads[i].km;
        if (seen || count < 2)
            continue;
        struct road_row *r = &(*rows)[(*n)++];
        *r = (struct road_row){ .name = name, .cls = (*rows)[s].cls, .km = km,
                                .touched = 1 - untouched, .corridor = 1, .road = (*rows)[s].road };
        snprintf(r->token, sizeof r->token, "%s", name);
    }
    return 0;
}

/* Appends "TOKEN" (quoted, escaped) to buf at *k. */
static void token(char *buf, size_t n, size_t *k, const char *t, int first)
{
    if (*k < n)
        *k += (size_t)snprintf(buf + *k, n - *k, "%s\"", first ? "" : ", ");
    for (; *t && *k + 2 < n; t++) {
        if (*t == '"' || *t == '\\')
            buf[(*k)++] = '\\';
        buf[(*k)++] = *t;
    }
    if (*k < n)
        *k += (size_t)snprintf(buf + *k, n - *k, "\"");
}

int roads_list_setting(const struct definition *d, int close, const char *const *tokens, int n_tokens,
                       char *buf, size_t n)
{
    const unsigned char *already = close ? d->road_closed : d->road_protected;
    size_t k = (size_t)snprintf(buf, n, "disaster.%s=[", close ? "close" : "protect");
    int first = 1;
    char seg[160];
    for (int i = 0; already && i < d->n_roads; i++)
        if (already[i]) {
            snprintf(seg, sizeof seg, "%s-%s", d->nodes[d->roads[i].from].id,
                     d->nodes[d->roads[i].to].id);
            token(buf, n, &k, seg, first);
            first = 0;
        }
    for (int i = 0; i < n_tokens; i++, first = 0)
        token(buf, n, &k, tokens[i], first);
    if (k < n)
        k += (size_t)snprintf(buf + k, n - k, "]");
    return k < n ? 0 : -1;
}

int roads_setting(const struct definition *d, const struct road_row *r, int close, char *buf,
                  size_t n)
{
    const char *tokens[1] = { r->token };
    return roads_list_setting(d, close, tokens, 1, buf, n);
}

/* ---- ranking -------------------------------------------------------------- */

static const struct study_view *rank_view;     /* qsort has no context argument */

static int by_worth(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    const struct variant_stats *st = rank_view->st;
    double pi = st[1 + 2 * i].diff.est, pj = st[1 + 2 * j].diff.est;
    if (pi != pj)
        return pi > pj ? -1 : 1;
    double ci = st[2 + 2 * i].diff.est, cj = st[2 + 2 * j].diff.est;
    if (ci != cj)
        return ci < cj ? -1 : 1;
    return (i > j) - (i < j);
}

int roads_rank(const struct study_view *w, int n, int *order)
{
    for (int i = 0; i < n; i++)
        order[i] = i;
    rank_view = w;
    qsort(order, (size_t)n, sizeof *order, by_worth);
    rank_view = NULL;
    return 0;
}

/* The rows and their order, for the outputs below; NULL when out of memory. */
struct ranked { struct road_row *rows; int *order, n; };

static int ranked(const struct study_view *w, struct ranked *r)
{
    r->order = NULL;
    if (roads_rows(w->d, &r->rows, &r->n) < 0)
        return -1;
    if (w->s->n_v != 1 + 2 * r->n || !(r->order = malloc(((size_t)r->n + 1) * sizeof *r->order))) {
        free(r->rows);
        return -1;
    }
    return roads_rank(w, r->n, r->order);
}

static void ranked_free(struct ranked *r)
{
    free(r->rows);
    free(r->order);
}

static const char *label(const struct study_view *w)
{
    return lang_name(w->lang, w->d->scenario_label, w->d->scenario_label_zh);
}

/* ---- the decision and the table ---------------------------------------------- */

void roads_row_name(const struct study_view *w, const struct road_row *row, char *buf, size_t n)
{
    const struct definition *d = w->d;
    if (row->corridor && !strcmp(row->name, ROAD_LAST_MILE)) {
        snprintf(buf, n, "%s", lang_text(w->lang, T_ROADS_LAST_MILES));
    } else if (row->corridor) {
        snprintf(buf, n, "%s", row->name);
    } else if (!strcmp(row->name, ROAD_LAST_MILE)) {
        const struct node *v = &d->nodes[d->roads[row->road].to];
        snprintf(buf, n, lang_text(w->lang, T_ROADS_LAST_MILE), lang_name(w->lang, v->name, v->name_zh));
    } else {
        const struct node *a = &d->nodes[d->roads[row->road].from];
        const struct node *b = &d->nodes[d->roads[row->road].to];
        snprintf(buf, n, lang_text(w->lang, T_ROADS_SEGMENT), lang_name(w->lang, a->name, a->name_zh),
                 lang_name(w->lang, b->name, b->name_zh));
    }
}

/* "NAME (CLASS, LENGTH)" of a row, in the study's language. */
static void row_what(const struct study_view *w, const struct road_row *row, char *buf, size_t n)
{
    char name[300];
    roads_row_name(w, row, name, sizeof name);
    snprintf(buf, n, lang_text(w->lang, T_ROADS_WHAT), name, lang_road_class(w->lang, row->cls),
             row->km);
}

void roads_decision(FILE *f, const struct study_view *w)
{
    struct ranked r;
    if (ranked(w, &r) < 0) {
        fputs("?\n", f);
        return;
    }
    const struct variant_stats *b = &w->st[0];
    if (r.n > 0 && w->st[1 + 2 * r.order[0]].diff.lo > 0) {
        const struct road_row *top = &r.rows[r.order[0]];
        const struct variant_stats *x = &w->st[1 + 2 * r.order[0]];
        char name[300];
        roads_row_name(w, top, name, sizeof name);
        fprintf(f, lang_text(w->lang, T_ST_ROADS_DECISION), name,
                lang_road_class(w->lang, top->cls),
                100 * x->diff.est, 100 * w->s->conf, 100 * x->diff.lo, 100 * x->diff.hi,
                100 * b->kept.est, 100 * x->kept.est, b->runs, label(w));
    } else {
        fprintf(f, lang_text(w->lang, T_ST_ROADS_NONE), r.n, 100 * b->kept.est, b->runs,
                label(w));
    }
    fputc('\n', f);
    ranked_free(&r);
}

static void interval_words(FILE *f, struct interval i)
{
    char d[16], lo[16], hi[16];
    study_points(d, sizeof d, i.est);
    study_points(lo, sizeof lo, i.lo);
    study_points(hi, sizeof hi, i.hi);
    fprintf(f, "%6s [%6s, %6s]", d, lo, hi);
}

void roads_text(FILE *f, const struct study_view *w)
{
    enum lang l = w->lang;
    struct ranked r;
    roads_decision(f, w);
    if (ranked(w, &r) < 0)
        return;
    int full = 0;
    for (int i = 0; i < r.n; i++)
        full += w->st[1 + 2 * i].runs == w->s->n;
    fprintf(f, "\n");
    fprintf(f, lang_text(l, T_ST_ROADS_TOP), r.n < ROADS_TOP ? r.n : ROADS_TOP, r.n);
    int width = text_width(lang_text(l, T_ST_H_ROAD));
    for (int k = 0; k < r.n && k < ROADS_TOP; k++) {          /* the widest name */
        char what[400];
        row_what(w, &r.rows[r.order[k]], what, sizeof what);
        width = text_width(what) > width ? text_width(what) : width;
    }
    fprintf(f, "\n%-4s ", "#");
    text_pad(f, lang_text(l, T_ST_H_ROAD), width + 1);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_TOUCHED), 8);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_PROTECT), 23);
    fprintf(f, " ");
    text_pad(f, lang_text(l, T_ST_H_CLOSE), 23);
    fprintf(f, " %s\n", lang_text(l, T_ST_H_RUNS));
    for (int k = 0; k < r.n && k < ROADS_TOP; k++) {
        const struct road_row *row = &r.rows[r.order[k]];
        char what[400];
        row_what(w, row, what, sizeof what);
        fprintf(f, "%-4d ", k + 1);
        text_pad(f, what, width + 1);
        fprintf(f, " %6.1f%%  ", 100 * row->touched);
        interval_words(f, w->st[1 + 2 * r.order[k]].diff);
        fprintf(f, " ");
        interval_words(f, w->st[2 + 2 * r.order[k]].diff);
        fprintf(f, " %ld\n", w->st[1 + 2 * r.order[k]].runs);
    }
    fprintf(f, "\n");
    if (w->s->screen > 0 && w->s->screen < w->s->n)
        fprintf(f, lang_text(l, T_ST_ROADS_SCREEN), r.n, w->s->screen, full, ROADS_TOP, w->s->n);
    else
        fprintf(f, lang_text(l, T_ST_ROADS_ALL), r.n, w->s->n);
    fprintf(f, "\n\n");
    fprintf(f, lang_text(l, T_ST_FOOTER), w->s->n, w->s->seed, w->version);
    fprintf(f, "\n");
    ranked_free(&r);
}

/* ---- CSV and JSON --------------------------------------------------------- */

static void nums(FILE *f, struct interval i)
{
    const double v[] = { i.est, i.lo, i.hi };
    for (int k = 0; k < 3; k++)
        if (isfinite(v[k]))
            fprintf(f, ",%.6f", v[k] + 0.0);
        else
            fputs(",", f);
}

void roads_csv(FILE *f, const struct study_view *w)
{
    struct ranked r;
    fputs("road,name,class,km,touched_share,protect_diff,protect_diff_lo,protect_diff_hi,"
          "close_diff,close_diff_lo,close_diff_hi,protect_sites_diff,protect_sites_diff_lo,"
          "protect_sites_diff_hi,close_sites_diff,close_sites_diff_lo,close_sites_diff_hi,"
          "rank,runs,protect_promise_kept,close_promise_kept\n", f);
    if (ranked(w, &r) < 0)
        return;
    for (int k = 0; k < r.n; k++) {
        const struct road_row *row = &r.rows[r.order[k]];
        const struct variant_stats *p = &w->st[1 + 2 * r.order[k]], *c = &w->st[2 + 2 * r.order[k]];
        csv_field(f, row->token);
        fputc(',', f);
        csv_field(f, row->name);
        fprintf(f, ",%s,%.3f,%.6f", road_class_name((enum road_class)row->cls), row->km, row->touched);
        nums(f, p->diff);
        nums(f, c->diff);
        nums(f, p->sites_diff);
        nums(f, c->sites_diff);
        fprintf(f, ",%d,%ld,%.6f,%.6f\n", k + 1, p->runs, p->kept.est, c->kept.est);
    }
    ranked_free(&r);
}

static void jint(FILE *f, const char *key, struct interval i)
{
    fprintf(f, "\"%s\": {\"est\": %.6f, \"lo\": %.6f, \"hi\": %.6f}", key, i.est + 0.0,
            i.lo + 0.0, i.hi + 0.0);
}

void roads_json(FILE *f, const struct study_view *w)
{
    struct ranked r;
    fprintf(f, "{\n  \"command\": \"roads\", \"scenario\": ");
    json_string(f, w->d->name);
    fprintf(f, ", \"version\": ");
    json_string(f, w->version);
    fprintf(f, ", \"runs\": %ld, \"screen\": %ld, \"seed\": %llu, ", w->s->n, w->s->screen,
            w->s->seed);
    jint(f, "promise_kept", w->st[0].kept);
    fputs(",\n  \"roads\": [", f);
    if (ranked(w, &r) == 0) {
        for (int k = 0; k < r.n; k++) {
            const struct road_row *row = &r.rows[r.order[k]];
            fprintf(f, "%s\n    {\"rank\": %d, \"road\": ", k ? "," : "", k + 1);
            json_string(f, row->token);
            fputs(", \"name\": ", f);
            json_string(f, row->name);
            fprintf(f, ", \"class\": \"%s\", \"km\": %.3f, \"touched_share\": %.6f, \"runs\": %ld, ",
                    road_class_name((enum road_class)row->cls), row->km, row->touched, w->st[1 + 2 * r.order[k]].runs);
            jint(f, "protect_diff", w->st[1 + 2 * r.order[k]].diff);
            fputs(", ", f);
            jint(f, "close_diff", w->st[2 + 2 * r.order[k]].diff);
            fputs("}", f);
        }
        ranked_free(&r);
    }
    fputs("\n  ]\n}\n", f);
}
