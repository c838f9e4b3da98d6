/*
 * get.c -- typed, range-checked getters over libconfig settings, and
 * sorted id maps: the vocabulary system.c and scenario.c are written
 * in, and the error of a line of a network folder's CSV files.  Errors are
 * sticky (see struct reader in internal.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config/internal.h"

const char *cfg_words(const struct reader *r, enum text t)
{
    return lang_text(r->c->lang, t);
}

const char *cfg_found(const struct reader *r, const config_setting_t *s)
{
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_GROUP:  return cfg_words(r, T_CFG_TYPE_GROUP);
    case CONFIG_TYPE_INT:    return cfg_words(r, T_CFG_TYPE_INT);
    case CONFIG_TYPE_INT64:  return cfg_words(r, T_CFG_TYPE_INT64);
    case CONFIG_TYPE_FLOAT:  return cfg_words(r, T_CFG_TYPE_FLOAT);
    case CONFIG_TYPE_STRING: return cfg_words(r, T_CFG_TYPE_STRING);
    case CONFIG_TYPE_BOOL:   return cfg_words(r, T_CFG_TYPE_BOOL);
    case CONFIG_TYPE_ARRAY:  return cfg_words(r, T_CFG_TYPE_ARRAY);
    case CONFIG_TYPE_LIST:   return cfg_words(r, T_CFG_TYPE_LIST);
    default:                 return cfg_words(r, T_CFG_TYPE_NONE);
    }
}

/* ---- small typed getters ------------------------------------------------ */

int cfg_in_range(struct reader *r, const config_setting_t *s, double v, enum range rg)
{
    if ((rg == POS && !(v > 0)) || (rg == NONNEG && !(v >= 0)) || !isfinite(v)) {
        FAIL(r, s, NULL, rg == POS ? T_CFG_POSITIVE : T_CFG_NONNEG, v);
        return 0;
    }
    return 1;
}

/* A number (an integer is accepted where a number is wanted). */
double cfg_num_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    int t = config_setting_type(s);
    if (t != CONFIG_TYPE_FLOAT && t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_NUMBER), cfg_found(r, s));
        return 0;
    }
    double v = t == CONFIG_TYPE_FLOAT ? config_setting_get_float(s)
                                      : (double)config_setting_get_int64(s);
    return cfg_in_range(r, s, v, rg) ? v : 0;
}

const config_setting_t *cfg_opt(const config_setting_t *g, const char *name)
{
    return g ? config_setting_get_member(g, name) : NULL;
}

const config_setting_t *cfg_req(struct reader *r, const config_setting_t *g,
                                   const char *name, enum text what)
{
    const config_setting_t *s = cfg_opt(g, name);
    if (!s)
        FAIL(r, g, name, T_CFG_MISSING, cfg_words(r, what));
    return s;
}

double cfg_get_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_NUMBER);
    return (s && !r->bad) ? cfg_num_of(r, s, rg) : 0;
}

double cfg_opt_num(struct reader *r, const config_setting_t *g, const char *name,
                      enum range rg, double dflt)
{
    const config_setting_t *s = cfg_opt(g, name);
    return (s && !r->bad) ? cfg_num_of(r, s, rg) : dflt;
}

int cfg_int_of(struct reader *r, const config_setting_t *s, enum range rg)
{
    if (config_setting_type(s) != CONFIG_TYPE_INT) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_AN_INTEGER), cfg_found(r, s));
        return 0;
    }
    int v = config_setting_get_int(s);
    return cfg_in_range(r, s, v, rg) ? v : 0;
}

int cfg_int_in(struct reader *r, const config_setting_t *s, int lo, int hi)
{
    int v = cfg_int_of(r, s, ANY);
    if (!r->bad && (v < lo || v > hi))
        FAIL(r, s, NULL, T_CFG_INT_RANGE, lo, hi, v);
    return r->bad ? lo : v;
}

double cfg_at_most(struct reader *r, const config_setting_t *s, double v, double max,
                   enum text unit)
{
    if (!r->bad && v > max)
        FAIL(r, s, NULL, T_CFG_AT_MOST, max, unit == CFG_NO_UNIT ? "" : cfg_words(r, unit), v);
    return r->bad ? 0 : v;
}

void cfg_check_cv(struct reader *r, const config_setting_t *s, double cv, double max)
{
    if (!r->bad && cv != 0 && !(cv >= CFG_MIN_CV && cv <= max))
        FAIL(r, s, NULL, T_CFG_CV, CFG_MIN_CV, max, cv);
}

const char *cfg_str_of(struct reader *r, const config_setting_t *s)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_STRING), cfg_found(r, s));
        return "";
    }
    return config_setting_get_string(s);
}

const char *cfg_get_str(struct reader *r, const config_setting_t *g, const char *name)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_STRING);
    return (s && !r->bad) ? cfg_str_of(r, s) : "";
}

const char *cfg_opt_str(struct reader *r, const config_setting_t *g, const char *name,
                           const char *dflt)
{
    const config_setting_t *s = cfg_opt(g, name);
    return (s && !r->bad) ? cfg_str_of(r, s) : dflt;
}

char *cfg_dup(struct reader *r, const char *s)
{
    char *p = strdup(s ? s : "");
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "%s", cfg_words(r, T_CMD_OUT_OF_MEMORY));
        r->bad = 1;
    }
    return p;
}

void *cfg_alloc(struct reader *r, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p && !r->bad) {
        snprintf(r->err, r->errlen, "%s", cfg_words(r, T_CMD_OUT_OF_MEMORY));
        r->bad = 1;
    }
    return p;
}

/* A number, or [lo, hi] for a uniform draw. */
struct draw cfg_draw(struct reader *r, const config_setting_t *g, const char *name,
                             enum range rg, int required, double dflt)
{
    const config_setting_t *s = cfg_opt(g, name);
    if (!s) {
        if (required)
            cfg_req(r, g, name, T_CFG_A_DRAW);
        return (struct draw){ dflt, dflt };
    }
    if (!config_setting_is_array(s)) {
        double v = cfg_num_of(r, s, rg);
        return (struct draw){ v, v };
    }
    if (config_setting_length(s) != 2) {
        FAIL(r, s, NULL, T_CFG_DRAW_LEN,
             config_setting_length(s));
        return (struct draw){ 0, 0 };
    }
    struct draw d = { cfg_num_of(r, config_setting_get_elem(s, 0), rg),
                      cfg_num_of(r, config_setting_get_elem(s, 1), rg) };
    if (!r->bad && d.lo > d.hi)
        FAIL(r, s, NULL, T_CFG_DRAW_ORDER, d.lo, d.hi);
    return d;
}

/* Index of s in names[0..n), or -1 (with an error naming the choices). */
int cfg_choice(struct reader *r, const config_setting_t *g, const char *name,
                  const char *const *names, int n)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_STRING);
    if (!s || r->bad)
        return -1;
    const char *v = cfg_str_of(r, s);
    for (int i = 0; i < n; i++)
        if (!strcmp(v, names[i]))
            return i;
    char list[256] = "", hint[160];
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
    cfg_did_you_mean(r->c->lang, v, names, n, hint, sizeof hint);
    FAIL(r, s, NULL, T_CFG_ONE_OF, list, v, hint);
    return -1;
}

/* Every member of g must be one of known[] (NULL-terminated). */
void cfg_only_known(struct reader *r, const config_setting_t *g, const char *const *known)
{
    for (int i = 0; g && !r->bad && i < config_setting_length(g); i++) {
        const config_setting_t *s = config_setting_get_elem(g, i);
        const char *name = config_setting_name(s);
        int ok = 0;
        for (const char *const *k = known; *k && !ok; k++)
            ok = !strcmp(*k, name);
        if (!ok) {
            char list[512] = "", hint[160];
            int n = 0;
            for (const char *const *k = known; *k; k++, n++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                         k == known ? "" : ", ", *k);
            cfg_did_you_mean(r->c->lang, name, known, n, hint, sizeof hint);
            FAIL(r, s, NULL, T_CFG_UNKNOWN_SETTING, list, hint);
        }
    }
}

/* The most entries a list may hold: what the model's memory and a county's
 * system make sensible (config/README.md, "Limits"). */
int cfg_list_max(const char *name)
{
    static const struct { const char *name; int max; } caps[] = {
        { "items", 1000 }, { "truck_types", 100 }, { "townships", 100000 },
        { "nodes", 1000000 }, { "roads", CFG_MAX_ROADS }, { "facilities", 100000 },
        { "fleet", 100000 }, { "sites", 100000 }, { "road_damage", 10000 },
        { "waves", 1000 },
    };
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (!strcmp(caps[i].name, name))
            return caps[i].max;
    return 1000000;
}

/* A required group, or a required list of groups. */
const config_setting_t *cfg_get_group(struct reader *r, const config_setting_t *g,
                                         const char *name)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_GROUP);
    if (s && !r->bad && !config_setting_is_group(s))
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_GROUP), cfg_found(r, s));
    return r->bad ? NULL : s;
}

const config_setting_t *cfg_get_list(struct reader *r, const config_setting_t *g,
                                        const char *name, int min)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_LIST);
    if (!s || r->bad)
        return NULL;
    if (!config_setting_is_list(s)) {
        FAIL(r, s, NULL, T_CFG_EXPECTED_FOUND, cfg_words(r, T_CFG_A_LIST), cfg_found(r, s));
        return NULL;
    }
    if (config_setting_length(s) < min)
        FAIL(r, s, NULL, T_CFG_AT_LEAST_ENTRIES, min, config_setting_length(s));
    int max = cfg_list_max(name);
    if (!r->bad && config_setting_length(s) > max)
        FAIL(r, s, NULL, T_CFG_AT_MOST_ENTRIES, max, config_setting_length(s));
    for (int i = 0; !r->bad && i < config_setting_length(s); i++)
        if (!config_setting_is_group(config_setting_get_elem(s, i)))
            FAIL(r, config_setting_get_elem(s, i), NULL, T_CFG_EXPECTED_FOUND,
                 cfg_words(r, T_CFG_A_GROUP), cfg_found(r, config_setting_get_elem(s, i)));
    return r->bad ? NULL : s;
}

/* ---- ids ------------------------------------------------------------------
 * A small map is sorted by id, so that resolving a reference costs O(log n)
 * and the error for an unknown id can list the valid ones in order.  A large
 * one (a network of many nodes) keeps its order and gets a hash index
 * instead: O(1) lookups, and a million ids sealed in O(n) rather than sorted
 * (0.1 s of string comparisons). */


int cfg_ident_cmp(const void *a, const void *b)
{
    const struct ident *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

static unsigned id_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The error for v[second], whose id v[first] has already. */
static void dup_id(struct reader *r, const struct idmap *m, int first, int second, enum text kind)
{
    const char *file = m->csv;
    int line = m->v[first].line;
    if (!line)
        cfg_where(r->c, m->v[first].s, &file, &line);
    if (m->v[second].line)
        cfg_csv_fail(r, m->csv, m->v[second].line, 1, "id", T_CFG_DUP_ID, cfg_words(r, kind),
                     m->v[second].id, file, line);
    else
        FAIL(r, m->v[second].s, "id", T_CFG_DUP_ID, cfg_words(r, kind), m->v[second].id, file,
             line);
}

/* The hash index of a large map, built in the map's order, so that the
 * error is the earliest repeat of an id.  0 when built (or an error found);
 * -1 when the map is small or memory runs out: it is then sorted instead.
 * O(n). */
static int idmap_index(struct reader *r, struct idmap *m, enum text kind)
{
    if (m->n < 4096)
        return -1;
    unsigned cap = 1;
    while (cap < 2u * (unsigned)m->n)
        cap <<= 1;
    if (!(m->hash = malloc(cap * sizeof *m->hash)))
        return -1;
    m->mask = cap - 1;
    for (unsigned i = 0; i < cap; i++)
        m->hash[i] = -1;
    for (int i = 0; i < m->n; i++) {
        unsigned j = id_hash(m->v[i].id) & m->mask;
        for (; m->hash[j] >= 0; j = (j + 1) & m->mask)
            if (!strcmp(m->v[m->hash[j]].id, m->v[i].id)) {
                dup_id(r, m, m->hash[j], i, kind);
                return 0;
            }
        m->hash[j] = i;
    }
    return 0;
}

void cfg_csv_fail(struct reader *r, const char *path, int line, int column, const char *field,
                  enum text t, ...)
{
    if (!r->bad) {
        char msg[768];
        va_list ap;
        va_start(ap, t);
        vsnprintf(msg, sizeof msg, lang_text(r->c->lang, t), ap);
        va_end(ap);
        snprintf(r->err, r->errlen, "%s:%d:%d: %s: %s", path, line, column, field, msg);
    }
    r->bad = 1;
}

/* Indexes a large map, else sorts it; a duplicate id is an error at its
 * second occurrence (in a setting, or on a line of the map's csv file). */
void cfg_idmap_seal(struct reader *r, struct idmap *m, enum text kind)
{
    if (r->bad || idmap_index(r, m, kind) == 0)
        return;
    qsort(m->v, (size_t)m->n, sizeof *m->v, cfg_ident_cmp);
    for (int i = 1; i < m->n; i++)
        if (!strcmp(m->v[i].id, m->v[i - 1].id)) {
            dup_id(r, m, i - 1, i, kind);
            return;
        }
}

int cfg_idmap_find(const struct idmap *m, const char *id)
{
    if (m->hash) {
        for (unsigned j = id_hash(id) & m->mask; m->hash[j] >= 0; j = (j + 1) & m->mask)
            if (!strcmp(m->v[m->hash[j]].id, id))
                return m->v[m->hash[j]].index;
        return -1;
    }
    int lo = 0, hi = m->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(m->v[mid].id, id);
        if (!c)
            return m->v[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

void cfg_id_hint(const struct reader *r, const struct idmap *m, enum text kind, const char *bad,
                 int list, char *buf, size_t len)
{
    const char **ids = malloc(((size_t)m->n + 1) * sizeof *ids);
    for (int i = 0; ids && i < m->n; i++)
        ids[i] = m->v[i].id;
    cfg_did_you_mean(r->c->lang, bad, ids, ids ? m->n : 0, buf, len);
    free(ids);
    if (!list || m->n > 60)
        return;
    char all[2048] = "";
    for (int i = 0; i < m->n; i++)       /* sorted by id: the map is sealed */
        snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", i ? ", " : "", m->v[i].id);
    size_t k = strlen(buf);
    snprintf(buf + k, len - k, cfg_words(r, T_CFG_VALID_IDS), cfg_words(r, kind), all);
}

/* Resolves the string setting g.name as an id of kind; -1 and an error if unknown. */
int cfg_ref(struct reader *r, const config_setting_t *g, const char *name,
               const struct idmap *m, enum text kind)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_STRING);
    if (!s || r->bad)
        return -1;
    const char *id = cfg_str_of(r, s);
    int i = cfg_idmap_find(m, id);
    if (i < 0 && !r->bad) {
        char hint[4096];
        cfg_id_hint(r, m, kind, id, 1, hint, sizeof hint);
        FAIL(r, s, NULL, T_CFG_NOT_AN_ID, cfg_words(r, kind), id, hint, "");
    }
    return i;
}

void cfg_not_id(struct reader *r, const config_setting_t *s, const struct idmap *m,
                enum text kind, enum text msg, const char *bad)
{
    char hint[4096];
    cfg_id_hint(r, m, kind, bad, 1, hint, sizeof hint);
    FAIL(r, s, NULL, msg, bad, hint);
}

/* ASCII case ignored. */
static int same_name(const char *a, const char *b)
{
    for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++)
        ;
    return !*a && !*b;
}

int cfg_township_ref(struct reader *r, const config_setting_t *g, const char *name,
                     const struct idmap *m)
{
    const config_setting_t *s = cfg_req(r, g, name, T_CFG_A_STRING);
    if (!s || r->bad)
        return -1;
    const char *word = cfg_str_of(r, s);
    int i = cfg_idmap_find(m, word);
    for (int k = 0; i < 0 && k < r->d->n_townships; k++)
        if (same_name(word, r->d->townships[k].name) || !strcmp(word, r->d->townships[k].name_zh))
            i = k;
    if (i < 0 && !r->bad) {
        char hint[4096], names[512] = "";
        cfg_id_hint(r, m, T_CFG_KIND_TOWNSHIP, word, 1, hint, sizeof hint);
        if (r->d->n_townships > 0)
            snprintf(names, sizeof names, cfg_words(r, T_CFG_NAMES_TOO), r->d->townships[0].name,
                     r->d->townships[0].name_zh);
        FAIL(r, s, NULL, T_CFG_NOT_AN_ID, cfg_words(r, T_CFG_KIND_TOWNSHIP), word, hint, names);
    }
    return i;
}

void cfg_did_you_mean(enum lang l, const char *word, const char *const *names, int n,
                      char *buf, size_t len)
{
    const char *near = cfg_nearest(word, names, n);
    if (near)
        snprintf(buf, len, lang_text(l, T_CFG_DID_YOU_MEAN), near);
    else if (len)
        buf[0] = '\0';
}


void cfg_maps_free(struct maps *m)
{
    struct idmap *all[5] = { &m->items, &m->nodes, &m->townships, &m->trucks, &m->facilities };
    for (int i = 0; i < 5; i++) {
        free(all[i]->v);
        free(all[i]->hash);
    }
    free(m->node_src);
    free(m->node_line);
}
