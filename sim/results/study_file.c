/*
 * study_file.c -- study.dat (see study_file.h).  Text, one item a line:
 *
 *   supplysim-study 1
 *   command compare            replications 1000     screen 0     seed 1
 *   sites 14                   confidence 0.95       required 0.95
 *   set PATH=VALUE             (the study's -D, in order)
 *   param KEY=VALUE            (the command's own: improve's budget, levers and
 *                               their costs then, "costs=ID=ANNUAL/LOW/HIGH,...")
 *   variant END N_SETS NAME    then N_SETS lines "vset PATH=VALUE"
 *   plan-end
 *   run V K KEPT ON_TIME RESPONSE      (every replication present, by variant)
 *   site K 0110...             (the baseline's sites on time)
 *
 * Everything up to plan-end is the plan: the shards of one study have the
 * same plan, byte for byte.  Numbers are %.17g, read back to the same double.
 */
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_file.h"

#define MAGIC "supplysim-study 1"

static void write_plan(FILE *f, const struct study *s)
{
    fprintf(f, "%s\ncommand %s\nreplications %ld\nscreen %ld\nseed %llu\nsites %d\n"
            "confidence %.17g\nrequired %.17g\n", MAGIC, s->command, s->n, s->screen, s->seed,
            s->n_sites, s->conf, s->required);
    for (int i = 0; i < s->n_sets; i++)
        fprintf(f, "set %s\n", s->sets[i]);
    for (int i = 0; i < s->n_params; i++)
        fprintf(f, "param %s\n", s->params[i]);
    for (int v = 0; v < s->n_v; v++) {
        fprintf(f, "variant %ld %d %s\n", s->v[v].end, s->v[v].n_sets, s->v[v].name);
        for (int i = 0; i < s->v[v].n_sets; i++)
            fprintf(f, "vset %s\n", s->v[v].sets[i]);
    }
    fputs("plan-end\n", f);
}

int study_file_write(const char *dir, const struct study *s, enum lang l, char *err,
                     size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, "study.dat", l, err, errlen) < 0)
        return -1;
    write_plan(o.f, s);
    for (int v = 0; v < s->n_v; v++)
        for (long k = 0; k < s->n; k++)
            if (s->v[v].have[k])
                fprintf(o.f, "run %d %ld %d %.17g %.17g\n", v, k, s->v[v].kept[k],
                        s->v[v].on_time[k], s->v[v].response[k]);
    for (long k = 0; k < s->n; k++)
        if (s->v[0].have[k]) {
            fprintf(o.f, "site %ld ", k);
            for (int i = 0; i < s->n_sites; i++)
                fputc(s->site_ok[k * s->n_sites + i] ? '1' : '0', o.f);
            fputc('\n', o.f);
        }
    return out_commit(&o, err, errlen);
}

/* ---- reading ------------------------------------------------------------ */

struct in {
    FILE *f;
    char path[4096];
    char *line;
    size_t cap;
    long lineno;
    char *plan; size_t plan_len;   /* the plan's text, as read */
    FILE *plan_f;
    enum lang lang;                /* of its messages */
};

/* "FILE:LINE: expected WHAT" (text what of the table). */
static int bad(const struct in *in, enum text what, char *err, size_t errlen)
{
    snprintf(err, errlen, lang_text(in->lang, T_IO_STUDY_LINE), in->path, in->lineno,
             lang_text(in->lang, what));
    return -1;
}

static int out_of_memory(const struct in *in, char *err, size_t errlen)
{
    snprintf(err, errlen, "%s: %s", in->path, lang_text(in->lang, T_CMD_OUT_OF_MEMORY));
    return -1;
}

/* The next line without its newline, keyword checked; its rest in *rest. */
static int next(struct in *in, const char *keyword, char **rest)
{
    ssize_t len = getline(&in->line, &in->cap, in->f);
    if (len <= 0)
        return -1;
    in->lineno++;
    if (in->plan_f)
        fputs(in->line, in->plan_f);
    if (in->line[len - 1] == '\n')
        in->line[len - 1] = '\0';
    size_t k = strlen(keyword);
    if (strncmp(in->line, keyword, k) || (in->line[k] != ' ' && in->line[k] != '\0'))
        return -1;
    *rest = in->line + k + (in->line[k] == ' ');
    return 0;
}

static int read_header(struct in *in, struct study *s, char *err, size_t errlen)
{
    char *r, command[64];
    long n, screen;
    unsigned long long seed;
    int sites;
    double conf, required;
    if (next(in, MAGIC, &r) < 0)
        return bad(in, T_IO_STUDY_MAGIC, err, errlen);
    if (next(in, "command", &r) < 0 || sscanf(r, "%63s", command) != 1)
        return bad(in, T_IO_STUDY_COMMAND, err, errlen);
    if (next(in, "replications", &r) < 0 || sscanf(r, "%ld", &n) != 1 || n < 1
        || next(in, "screen", &r) < 0 || sscanf(r, "%ld", &screen) != 1 || screen < 0
        || next(in, "seed", &r) < 0 || sscanf(r, "%llu", &seed) != 1
        || next(in, "sites", &r) < 0 || sscanf(r, "%d", &sites) != 1 || sites < 0
        || next(in, "confidence", &r) < 0 || sscanf(r, "%lf", &conf) != 1
        || next(in, "required", &r) < 0 || sscanf(r, "%lf", &required) != 1)
        return bad(in, T_IO_STUDY_NUMBERS, err, errlen);
    if (study_init(s, command, NULL, 0, n, seed, sites, conf, required) < 0)
        return out_of_memory(in, err, errlen);
    s->screen = screen;
    return 0;
}

/* The -D settings and the variants, up to plan-end. */
static int read_variants(struct in *in, struct study *s, char *err, size_t errlen)
{
    char *r;
    for (;;) {
        if (next(in, "set", &r) == 0) {
            char **sets = realloc(s->sets, (size_t)(s->n_sets + 2) * sizeof *sets);
            if (!sets || !(sets[s->n_sets] = strdup(r)))
                return out_of_memory(in, err, errlen);
            s->sets = sets;
            s->n_sets++;
            continue;
        }
        if (!strncmp(in->line, "param ", 6)) {
            char *eq = strchr(in->line + 6, '=');
            if (!eq)
                return bad(in, T_IO_STUDY_PARAM, err, errlen);
            *eq = '\0';
            if (study_set_param(s, in->line + 6, eq + 1) < 0)
                return out_of_memory(in, err, errlen);
            continue;
        }
        if (!strcmp(in->line, "plan-end"))
            return 0;
        long end;
        int n_sets, at;
        if (strncmp(in->line, "variant ", 8) || sscanf(in->line + 8, "%ld %d %n", &end, &n_sets, &at) != 2
            || end < 1 || end > s->n || n_sets < 0)
            return bad(in, T_IO_STUDY_PLAN, err, errlen);
        char *name = strdup(in->line + 8 + at);
        char **sets = calloc((size_t)n_sets + 1, sizeof *sets);
        int ok = name && sets, v = -1;
        for (int i = 0; ok && i < n_sets; i++)
            ok = next(in, "vset", &r) == 0 && (sets[i] = strdup(r)) != NULL;
        if (ok && (v = study_add(s, name, NULL, (const char *const *)sets, n_sets)) >= 0)
            s->v[v].end = end;
        for (int i = 0; sets && i < n_sets; i++)
            free(sets[i]);
        free(sets);
        free(name);
        if (v < 0)
            return bad(in, T_IO_STUDY_VSETS, err, errlen);
    }
}

static int read_runs(struct in *in, struct study *s, char *err, size_t errlen)
{
    char *r;
    for (;;) {
        ssize_t len = getline(&in->line, &in->cap, in->f);
        if (len <= 0)
            return 0;
        in->lineno++;
        int v, kept, at = 0;
        long k;
        double on_time, response;
        if (sscanf(in->line, "run %d %ld %d %lf %lf", &v, &k, &kept, &on_time, &response) == 5
            && v >= 0 && v < s->n_v && k >= 0 && k < s->n && (kept == 0 || kept == 1)) {
            s->v[v].have[k] = 1;
            s->v[v].kept[k] = (unsigned char)kept;
            s->v[v].on_time[k] = on_time;
            s->v[v].response[k] = response;
        } else if (sscanf(in->line, "site %ld %n", &k, &at) == 1 && at > 0 && k >= 0 && k < s->n
                   && (r = in->line + at) && strspn(r, "01") == (size_t)s->n_sites) {
            for (int i = 0; i < s->n_sites; i++)
                s->site_ok[k * s->n_sites + i] = r[i] == '1';
        } else {
            return bad(in, T_IO_STUDY_RUN, err, errlen);
        }
    }
}

int study_file_read(const char *dir, struct study *s, char **plan, enum lang l, char *err,
                    size_t errlen)
{
    struct in in = { .lang = l };
    snprintf(in.path, sizeof in.path, "%s/study.dat", dir);
    memset(s, 0, sizeof *s);
    *plan = NULL;
    if (!(in.f = fopen(in.path, "r"))) {
        snprintf(err, errlen, lang_text(l, T_IO_STUDY_NOT_FOLDER), in.path, dir);
        return -1;
    }
    in.plan_f = open_memstream(&in.plan, &in.plan_len);
    int rc = in.plan_f ? read_header(&in, s, err, errlen) : out_of_memory(&in, err, errlen);
    if (rc == 0)
        rc = read_variants(&in, s, err, errlen);
    if (in.plan_f && fclose(in.plan_f) != 0 && rc == 0)
        rc = out_of_memory(&in, err, errlen);
    in.plan_f = NULL;
    if (rc == 0 && (s->n_v == 0 || s->v[0].n_sets != 0))
        rc = bad(&in, T_IO_STUDY_BASELINE, err, errlen);
    if (rc == 0)
        rc = read_runs(&in, s, err, errlen);
    fclose(in.f);
    free(in.line);
    if (rc == 0) {
        *plan = in.plan;
        return 0;
    }
    free(in.plan);
    study_free(s);
    return -1;
}

int study_file_union(struct study *into, const struct study *from, const char *from_name,
                     enum lang l, char *err, size_t errlen)
{
    for (int v = 0; v < into->n_v; v++)
        for (long k = 0; k < into->n; k++) {
            const struct study_variant *a = &into->v[v], *b = &from->v[v];
            if (!b->have[k])
                continue;
            if (a->have[k] && (a->kept[k] != b->kept[k] || a->on_time[k] != b->on_time[k]
                               || a->response[k] != b->response[k])) {
                snprintf(err, errlen, lang_text(l, T_IO_STUDY_DIFFERS), from_name, k, a->name);
                return -1;
            }
            a->have[k] = 1;
            a->kept[k] = b->kept[k];
            a->on_time[k] = b->on_time[k];
            a->response[k] = b->response[k];
            if (v == 0)
                memcpy(&into->site_ok[k * into->n_sites], &from->site_ok[k * from->n_sites],
                       (size_t)into->n_sites);
        }
    return 0;
}
