/*
 * study_improve_out.c -- the outputs of `supplysim improve` for people and
 * scripts (see study_improve.h): the decision ("to keep the promise in 95%
 * of floods: buy A and B, ¥X a year; the next cheapest plan is ...; no plan
 * under ¥X passes", or the best there is when none passes), the text with
 * the recommended plan's sites still at risk, the frontier, the levers and
 * how the search went; improve.csv (every plan evaluated), levers.csv and
 * the JSON.  Column names and keys stay English; words come from engine/lang.
 */
#include <math.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_improve.h"

static const char *label(const struct study_view *w)
{
    return lang_name(w->lang, w->d->scenario_label, w->d->scenario_label_zh);
}

/* ---- the decision ------------------------------------------------------- */

static void buy(FILE *f, const struct study_view *w, const char *promise)
{
    const struct improve *im = w->improve;
    enum lang l = w->lang;
    const struct variant_stats *x = &w->st[im->plan[im->recommended].v];
    char plan[2048], cost[64];
    improve_plan_words(w, im->recommended, plan, sizeof plan);
    improve_yuan(cost, sizeof cost, im->plan[im->recommended].cost);
    fprintf(f, lang_text(l, T_IM_DECISION_BUY), promise, 100 * w->s->required, label(w), plan,
            cost, 100 * x->kept.est, x->runs, 100 * w->s->conf, 100 * x->kept.lo, 100 * x->kept.hi);
    if (im->next >= 0) {
        char next[64];
        const struct variant_stats *y = &w->st[im->plan[im->next].v];
        improve_plan_words(w, im->next, plan, sizeof plan);
        improve_yuan(next, sizeof next, im->plan[im->next].cost);
        fprintf(f, lang_text(l, T_IM_DECISION_NEXT), plan, next, 100 * y->kept.est, y->runs);
    }
    fprintf(f, lang_text(l, T_IM_DECISION_NONE_UNDER), cost);
}

void improve_decision(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    enum lang l = w->lang;
    char promise[64];
    lang_duration(l, w->d->run.promise_min, promise, sizeof promise);
    if (im->recommended >= 0 && im->plan[im->recommended].mask) {
        buy(f, w, promise);
    } else if (im->recommended >= 0) {
        const struct variant_stats *b = &w->st[0];
        fprintf(f, lang_text(l, T_IM_DECISION_ALREADY), promise, 100 * w->s->required, label(w),
                100 * b->kept.est, b->runs, 100 * w->s->conf, 100 * b->kept.lo, 100 * b->kept.hi);
    } else {
        const struct variant_stats *x = &w->st[im->plan[im->best].v];
        char plan[2048], cost[64], budget[64], within[160] = "";
        if (isfinite(im->budget)) {
            improve_yuan(budget, sizeof budget, im->budget);
            snprintf(within, sizeof within, lang_text(l, T_IM_WITHIN), budget);
        }
        improve_plan_words(w, im->best, plan, sizeof plan);
        improve_yuan(cost, sizeof cost, im->plan[im->best].cost);
        fprintf(f, lang_text(l, T_IM_DECISION_NO_PLAN), im->n_chosen, within, promise,
                100 * w->s->required, label(w), plan, cost, 100 * x->kept.est, x->runs,
                100 * w->s->conf, 100 * x->kept.lo, 100 * x->kept.hi);
    }
    fputc('\n', f);
}

/* ---- text ----------------------------------------------------------------- */

/* The sites still at risk with the plan rerun whole, worst first, with the
 * main cause of their lateness. */
static void focus_sites(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    const struct definition *d = w->d;
    enum lang l = w->lang;
    int order[4096], risky = 0;
    if (!im->has_focus || d->n_sites > 4096)
        return;
    summary_worst_first(d, &im->focus, order);
    for (int k = 0; k < d->n_sites; k++)
        risky += im->focus.sites[order[k]].on_time.est < w->s->required;
    if (risky == 0) {
        fprintf(f, lang_text(l, T_IM_FOCUS_ALL_OK), 100 * w->s->required);
        fputc('\n', f);
        return;
    }
    fprintf(f, lang_text(l, T_IM_FOCUS_SITES_H), 100 * w->s->required);
    fputc('\n', f);
    for (int k = 0; k < risky && k < 10; k++) {
        const struct site_summary *x = &im->focus.sites[order[k]];
        const struct township *t = &d->townships[d->sites[order[k]].township];
        char why[160];
        const char *main = summary_main_words(x, l, why, sizeof why);
        fputs("  ", f);
        text_pad(f, lang_name(l, t->name, t->name_zh), 24);
        fprintf(f, " %5.1f%% [%5.1f, %5.1f]  %s\n", 100 * x->on_time.est, 100 * x->on_time.lo,
                100 * x->on_time.hi, main ? main : "");
    }
}

/* The recommended plan's interval at a confidence raised for the plans it
 * was picked from. */
static void caveat(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    if (im->recommended < 0 || !im->plan[im->recommended].mask || im->n_full < 2)
        return;
    const struct variant_stats *x = &w->st[im->plan[im->recommended].v];
    double conf = 1 - (1 - w->s->conf) / im->n_full;
    struct interval all = stats_wilson(x->table.both + x->table.x_only, x->runs, conf);
    fprintf(f, lang_text(w->lang, T_IM_CAVEAT), 100 * w->s->conf, im->n_full, 100 * conf,
            100 * all.lo, 100 * all.hi);
    fputc('\n', f);
}

static void frontier(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    enum lang l = w->lang;
    char cost[64], plan[2048];
    fprintf(f, "%s\n  ", lang_text(l, T_IM_FRONTIER_H));
    text_pad(f, lang_text(l, T_IM_H_COST), 14);
    fputc(' ', f);
    text_pad(f, lang_text(l, T_ST_H_KEPT), 24);
    fputc(' ', f);
    text_pad(f, lang_text(l, T_ST_H_VERDICT), 13);
    fprintf(f, " %s\n", lang_text(l, T_IM_H_PLAN));
    for (int k = 0; k < im->n_plans; k++) {
        int p = im->order[k];
        if (!im->plan[p].frontier)
            continue;
        const struct variant_stats *x = &w->st[im->plan[p].v];
        improve_yuan(cost, sizeof cost, im->plan[p].cost);
        improve_plan_words(w, p, plan, sizeof plan);
        fprintf(f, "%c ", p == im->recommended ? '*' : ' ');
        text_pad(f, cost, 14);
        fprintf(f, " %5.1f%% [%5.1f, %5.1f]      ", 100 * x->kept.est, 100 * x->kept.lo,
                100 * x->kept.hi);
        text_pad(f, lang_verdict(l, x->verdict), 13);
        fprintf(f, " %s\n", plan);
    }
}

/* The plan of lever chosen[k] alone, or -1 when it was not evaluated. */
static int alone(const struct improve *im, int k)
{
    for (int p = 0; p < im->n_plans; p++)
        if (im->plan[p].mask == 1ull << k)
            return p;
    return -1;
}

static void levers(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    enum lang l = w->lang;
    fprintf(f, "%s\n  ", lang_text(l, T_IM_LEVERS_H));
    text_pad(f, lang_text(l, T_IM_H_LEVER), 22);
    fputc(' ', f);
    text_pad(f, lang_text(l, T_IM_H_COST), 14);
    fputc(' ', f);
    text_pad(f, lang_text(l, T_IM_H_ALONE), 8);
    fputc(' ', f);
    text_pad(f, lang_text(l, T_ST_H_DIFF), 31);
    fprintf(f, " %s\n", lang_text(l, T_ST_H_RUNS));
    for (int k = 0; k < im->n_chosen; k++) {
        const struct lever *lv = &w->d->levers[im->chosen[k]];
        char cost[256], d[16], lo[16], hi[16];
        int p = alone(im, k);
        improve_yuan(cost, sizeof cost, lv->annual_yuan);
        fputs("  ", f);
        text_pad(f, lv->id, 22);
        fputc(' ', f);
        text_pad(f, cost, 14);
        if (p >= 0) {
            const struct variant_stats *x = &w->st[im->plan[p].v];
            study_points(d, sizeof d, x->diff.est);
            study_points(lo, sizeof lo, x->diff.lo);
            study_points(hi, sizeof hi, x->diff.hi);
            fprintf(f, " %6.1f%%  %6s [%6s, %6s]             %5ld", 100 * x->kept.est, d, lo, hi,
                    x->runs);
        } else {
            fprintf(f, " %7s  %-31s %5s", "", "", "");
        }
        fprintf(f, "  %s", lang_name(l, lv->name, lv->name_zh));
        improve_lever_cost(w, lv, cost, sizeof cost);
        if (lv->once)                      /* what the once-only cost is */
            fprintf(f, " %s", strchr(cost, '('));
        fputc('\n', f);
    }
}

/* Between two sentences: a space, none in Chinese. */
static void gap(FILE *f, enum lang l)
{
    if (l != LANG_ZH)
        fputc(' ', f);
}

static void search(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    const struct study *s = w->s;
    enum lang l = w->lang;
    if (im->heuristic)
        fprintf(f, lang_text(l, T_IM_SEARCH_GREEDY), im->n_chosen, IMPROVE_EXHAUSTIVE, s->screen,
                (long)im->n_plans);
    else if (s->screen > 0)
        fprintf(f, lang_text(l, T_IM_SEARCH_ALL), im->n_chosen, (long)im->n_plans, s->screen);
    else
        fprintf(f, lang_text(l, T_IM_SEARCH_NOSCREEN), im->n_chosen, (long)im->n_plans, s->n);
    if (s->screen > 0) {
        gap(f, l);
        fprintf(f, lang_text(l, T_IM_SEARCH_DROPPED), im->dominated, im->pairs, im->inert);
        if (im->confirmed >= 0) {
            char plan[2048];
            improve_plan_words(w, im->confirmed, plan, sizeof plan);
            gap(f, l);
            fprintf(f, lang_text(l, T_IM_SEARCH_BEYOND), im->beyond, plan, s->n);
        }
        gap(f, l);
        fprintf(f, lang_text(l, T_IM_SEARCH_FULL), im->n_full, s->n);
    }
    fputc('\n', f);
}

void improve_text(FILE *f, const struct study_view *w)
{
    improve_decision(f, w);
    focus_sites(f, w);
    caveat(f, w);
    fputc('\n', f);
    frontier(f, w);
    fputc('\n', f);
    levers(f, w);
    fputc('\n', f);
    search(f, w);
    fprintf(f, lang_text(w->lang, T_IM_PLANS_NOTE), w->s->n, w->s->seed);
    fputs("\n\n", f);
    fprintf(f, lang_text(w->lang, T_ST_FOOTER), w->st[0].runs, w->s->seed, w->version);
    fputc('\n', f);
}

/* ---- CSV and JSON --------------------------------------------------------- */

static void num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.6f", x + 0.0);
    else
        fputc(',', f);
}

/* The plan's levers by their English names, joined with " + ". */
static void names(FILE *f, const struct study_view *w, int p)
{
    char buf[4096];
    struct study_view en = *w;
    en.lang = LANG_EN;
    improve_plan_words(&en, p, buf, sizeof buf);
    csv_field(f, buf);
}

void improve_csv(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    fputs("plan,levers,cost_yuan,promise_kept,promise_kept_lo,promise_kept_hi,sites_on_time,"
          "verdict,on_frontier,screened_out,runs,diff,diff_lo,diff_hi,cost_lo_yuan,cost_hi_yuan,"
          "recommended\n", f);
    for (int k = 0; k < im->n_plans; k++) {
        int p = im->order[k];
        const struct improve_plan *x = &im->plan[p];
        const struct variant_stats *v = &w->st[x->v];
        csv_field(f, w->s->v[x->v].name);
        fputc(',', f);
        names(f, w, p);
        fprintf(f, ",%.2f", x->cost + 0.0);
        num(f, v->kept.est);
        num(f, v->kept.lo);
        num(f, v->kept.hi);
        num(f, v->sites.est);
        fprintf(f, ",%s,%d,%d,%ld", verdict_name(v->verdict), x->frontier, !x->full, v->runs);
        num(f, v->diff.est);
        num(f, v->diff.lo);
        num(f, v->diff.hi);
        fprintf(f, ",%.2f,%.2f,%d\n", x->cost_lo + 0.0, x->cost_hi + 0.0, p == im->recommended);
    }
}

void improve_levers_csv(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    fputs("lever,name,name_zh,cost_yuan,cost_per,life_years,upkeep_yuan,annual_yuan,"
          "cost_lo_yuan,cost_hi_yuan,why\n", f);
    for (int k = 0; k < im->n_chosen; k++) {
        const struct lever *l = &w->d->levers[im->chosen[k]];
        csv_field(f, l->id);
        fputc(',', f);
        csv_field(f, l->name);
        fputc(',', f);
        csv_field(f, l->name_zh);
        fprintf(f, ",%.2f,%s,", l->cost_yuan, l->once ? "once" : "year");
        if (l->once)
            fprintf(f, "%g", l->life_years);
        fprintf(f, ",%.2f,%.2f,%.2f,%.2f,", l->upkeep_yuan, l->annual_yuan, l->cost_lo, l->cost_hi);
        csv_field(f, l->why);
        fputc('\n', f);
    }
}

static void jplan(FILE *f, const struct study_view *w, const char *key, int p)
{
    fprintf(f, "  \"%s\": ", key);
    if (p < 0) {
        fputs("null", f);
        return;
    }
    const struct variant_stats *v = &w->st[w->improve->plan[p].v];
    fputs("{\"plan\": ", f);
    json_string(f, w->s->v[w->improve->plan[p].v].name);
    fprintf(f, ", \"cost_yuan\": %.2f, \"promise_kept\": {\"est\": %.6f, \"lo\": %.6f, "
            "\"hi\": %.6f}, \"verdict\": \"%s\", \"runs\": %ld}", w->improve->plan[p].cost,
            v->kept.est, v->kept.lo, v->kept.hi, verdict_name(v->verdict), v->runs);
}

void improve_json(FILE *f, const struct study_view *w)
{
    const struct improve *im = w->improve;
    fprintf(f, "{\n  \"command\": \"improve\", \"scenario\": ");
    json_string(f, w->d->name);
    fprintf(f, ", \"version\": ");
    json_string(f, w->version);
    fprintf(f, ", \"runs\": %ld, \"seed\": %llu, \"confidence\": %g, \"required_level\": %g,\n"
            "  \"budget_yuan\": ", w->s->n, w->s->seed, w->s->conf, w->s->required);
    if (isfinite(im->budget))
        fprintf(f, "%.2f", im->budget);
    else
        fputs("null", f);
    fprintf(f, ", \"search\": \"%s\", \"screen_runs\": %ld, \"plans\": %d, \"plans_full\": %d,\n",
            im->heuristic ? "greedy" : "exhaustive", w->s->screen, im->n_plans, im->n_full);
    jplan(f, w, "recommended", im->recommended);
    fputs(",\n", f);
    jplan(f, w, "next", im->next);
    fputs(",\n", f);
    jplan(f, w, "best", im->best);
    fputs(",\n  \"frontier\": [", f);
    int first = 1;
    for (int k = 0; k < im->n_plans; k++)
        if (im->plan[im->order[k]].frontier) {
            fputs(first ? "" : ", ", f);
            json_string(f, w->s->v[im->plan[im->order[k]].v].name);
            first = 0;
        }
    fputs("],\n  \"levers\": [", f);
    for (int k = 0; k < im->n_chosen; k++) {
        const struct lever *l = &w->d->levers[im->chosen[k]];
        fprintf(f, "%s\n    {\"id\": ", k ? "," : "");
        json_string(f, l->id);
        fprintf(f, ", \"annual_yuan\": %.2f, \"cost_yuan\": %.2f, \"cost_per\": \"%s\"}",
                l->annual_yuan, l->cost_yuan, l->once ? "once" : "year");
    }
    fputs("\n  ]\n}\n", f);
}
