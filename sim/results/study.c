/*
 * study.c -- a decision study's variants, their per-replication data and
 * their statistics against the baseline (see study.h).  The statistics are
 * engine/stats.h's: Wilson and Newcombe for the promise, t and Welch for
 * shares and minutes.  O(n) per variant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "results/study.h"

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

int study_init(struct study *s, const char *command, const char *const *sets, int n_sets,
               long n, unsigned long long seed, int n_sites, double conf, double required)
{
    memset(s, 0, sizeof *s);
    s->command = dup(command);
    s->sets = calloc((size_t)n_sets + 1, sizeof *s->sets);
    s->site_ok = calloc((size_t)n * (size_t)n_sites + 1, 1);
    if (!s->command || !s->sets || !s->site_ok)
        return -1;
    for (; s->n_sets < n_sets; s->n_sets++)
        if (!(s->sets[s->n_sets] = dup(sets[s->n_sets])))
            return -1;
    s->n = n;
    s->seed = seed;
    s->n_sites = n_sites;
    s->conf = conf;
    s->required = required;
    return 0;
}

static void variant_free(struct study_variant *v)
{
    free(v->name);
    free(v->file);
    for (int i = 0; v->sets && i < v->n_sets; i++)
        free(v->sets[i]);
    free(v->sets);
    free(v->have);
    free(v->kept);
    free(v->on_time);
    free(v->response);
}

void study_free(struct study *s)
{
    for (int i = 0; i < s->n_v; i++)
        variant_free(&s->v[i]);
    free(s->v);
    for (int i = 0; s->sets && i < s->n_sets; i++)
        free(s->sets[i]);
    free(s->sets);
    free(s->command);
    free(s->site_ok);
    for (int i = 0; i < s->n_params; i++)
        free(s->params[i]);
    free(s->params);
    memset(s, 0, sizeof *s);
}

int study_set_param(struct study *s, const char *key, const char *value)
{
    size_t n = strlen(key) + strlen(value) + 2;
    char *kv = malloc(n), **p = realloc(s->params, (size_t)(s->n_params + 1) * sizeof *p);
    if (p)
        s->params = p;
    if (!kv || !p) {
        free(kv);
        return -1;
    }
    snprintf(kv, n, "%s=%s", key, value);
    s->params[s->n_params++] = kv;
    return 0;
}

const char *study_param(const struct study *s, const char *key)
{
    size_t k = strlen(key);
    for (int i = 0; i < s->n_params; i++)
        if (!strncmp(s->params[i], key, k) && s->params[i][k] == '=')
            return s->params[i] + k + 1;
    return NULL;
}

int study_add(struct study *s, const char *name, const char *file, const char *const *sets,
              int n_sets)
{
    if (s->n_v == s->cap_v) {
        int cap = s->cap_v ? 2 * s->cap_v : 16;
        struct study_variant *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap_v = cap;
    }
    struct study_variant *v = &s->v[s->n_v];
    memset(v, 0, sizeof *v);
    size_t n = (size_t)s->n + 1;
    v->name = dup(name);
    v->file = dup(file);
    v->sets = calloc((size_t)n_sets + 1, sizeof *v->sets);
    v->have = calloc(n, 1);
    v->kept = calloc(n, 1);
    v->on_time = calloc(n, sizeof *v->on_time);
    v->response = calloc(n, sizeof *v->response);
    v->end = s->n;
    int ok = v->name && (v->file || !file) && v->sets && v->have && v->kept && v->on_time
        && v->response;
    for (; ok && v->n_sets < n_sets; v->n_sets++)
        ok = (v->sets[v->n_sets] = dup(sets[v->n_sets])) != NULL;
    if (!ok) {
        variant_free(v);
        return -1;
    }
    return s->n_v++;
}

void study_pop(struct study *s)
{
    if (s->n_v > 0)
        variant_free(&s->v[--s->n_v]);
}

int study_complete(const struct study *s, int v)
{
    for (long k = 0; k < s->v[v].end; k++)
        if (!s->v[v].have[k])
            return 0;
    return 1;
}

struct paired_table study_table(const struct study *s, int v, long n)
{
    const struct study_variant *x = &s->v[v], *y = &s->v[0];
    struct paired_table t = { 0, 0, 0, 0 };
    for (long k = 0; k < n; k++) {
        if (x->kept[k] && y->kept[k])
            t.both++;
        else if (x->kept[k])
            t.x_only++;
        else if (y->kept[k])
            t.y_only++;
        else
            t.neither++;
    }
    return t;
}

/* The promise kept: the 2 x 2 table of the pairs, the variant's Wilson
 * interval and the two differences. */
static void promise_stats(const struct study *s, int v, long n, struct variant_stats *o)
{
    struct paired_table t = study_table(s, v, n);
    long kx = t.both + t.x_only, ky = t.both + t.y_only;
    o->table = t;
    o->kept = stats_wilson(kx, n, s->conf);
    o->diff = stats_paired_diff(t, s->conf);
    o->diff_unpaired = stats_unpaired_diff(kx, n, ky, n, s->conf);
    o->verdict = stats_verdict(o->kept, s->required);
}

int study_stats(const struct study *s, int v, struct variant_stats *o)
{
    long n = s->v[v].end;
    memset(o, 0, sizeof *o);
    o->runs = n;
    if (n <= 0 || n > s->v[0].end || !study_complete(s, v))
        return -1;
    const struct study_variant *x = &s->v[v], *y = &s->v[0];
    promise_stats(s, v, n, o);
    o->sites = stats_mean_t(x->on_time, (size_t)n, s->conf);
    o->response = stats_mean_t(x->response, (size_t)n, s->conf).est;
    o->sites_diff = stats_paired_t(x->on_time, y->on_time, (size_t)n, s->conf);
    o->response_diff = stats_paired_t(x->response, y->response, (size_t)n, s->conf);
    o->sites_diff_unpaired = stats_welch_t(x->on_time, (size_t)n, y->on_time, (size_t)n,
                                           s->conf);
    return (n > 0 && o->sites_diff.est != o->sites_diff.est) ? -1 : 0;  /* NaN: out of memory */
}
