/*
 * study_variants.c -- DIR/variants/NAME.cfg: every variant of a study as a
 * scenario file of its own, a `base` line (the scenario it builds on,
 * relative to the file, as every base is) and its `set` list (the study's
 * -D settings, then its own), so that `supplysim -n N -s S DIR/variants/
 * NAME.cfg` reruns it and gives the numbers of its row.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/study_variants.h"

/* The name made a file name: letters, digits, '.', '-' and UTF-8 kept,
 * anything else '_'. */
static void stem(const char *name, char *buf, size_t n)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p && k + 1 < n; p++) {
        int keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
            || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p >= 0x80;
        buf[k++] = keep ? (char)*p : '_';
    }
    buf[k] = '\0';
}

void study_variant_file(const struct study *s, int v, char *buf, size_t n)
{
    char mine[256], other[256];
    stem(s->v[v].name, mine, sizeof mine);
    int taken = 0;                /* an earlier variant with the same stem: add v */
    for (int u = 0; u < v && !taken; u++) {
        stem(s->v[u].name, other, sizeof other);
        taken = !strcmp(other, mine);
    }
    if (taken)
        snprintf(buf, n, "%s-%d.cfg", mine, v);
    else
        snprintf(buf, n, "%s.cfg", mine);
}

/* target relative to the folder dir (both exist), as `base` wants it:
 * "../" for each component of dir below the common part, then the rest of
 * target. */
static int relative(const char *dir, const char *target, char *buf, size_t n)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (!realpath(dir, from) || !realpath(target, to))
        return -1;
    size_t common = 0;            /* length of the common leading components */
    for (size_t i = 0;; i++) {
        int end_f = from[i] == '/' || from[i] == '\0', end_t = to[i] == '/' || to[i] == '\0';
        if (end_f && end_t)
            common = i;
        if (from[i] != to[i] || !from[i])
            break;
    }
    size_t k = 0;
    buf[0] = '\0';
    for (const char *p = from + common; *p; p++)
        if (*p == '/' && k + 4 < n)
            k += (size_t)snprintf(buf + k, n - k, "../");
    snprintf(buf + k, n - k, "%s", to + common + (to[common] == '/'));
    return 0;
}

/* s as a libconfig string literal: quotes and backslashes escaped. */
static void cfg_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int write_one(const char *vdir, const char *sub, const struct study *s, int v,
                     const char *scenario, const char *version, enum lang l, char *err,
                     size_t errlen)
{
    const struct study_variant *x = &s->v[v];
    char name[300], base[PATH_MAX];
    study_variant_file(s, v, name, sizeof name);
    if (relative(vdir, x->file ? x->file : scenario, base, sizeof base) < 0) {
        snprintf(err, errlen, lang_text(l, T_IO_VARIANT_PATH), x->file ? x->file : scenario, vdir);
        return -1;
    }
    struct outfile o;
    if (out_open(&o, vdir, name, l, err, errlen) < 0)
        return -1;
    fprintf(o.f, "# %s -- variant \"%s\" of a `supplysim %s` study, written by supplysim %s.\n"
            "# `supplysim -n %ld -s %llu %s/%s` (from the study's folder) reruns it\n"
            "# and gives the numbers of its row.\nbase = ", name, x->name, s->command, version,
            x->end, s->seed, sub, name);
    cfg_string(o.f, base);
    fputs(";\nset = [", o.f);
    int first = 1;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < (pass ? x->n_sets : s->n_sets); i++) {
            fputs(first ? "\n  " : ",\n  ", o.f);
            cfg_string(o.f, pass ? x->sets[i] : s->sets[i]);
            first = 0;
        }
    fputs(first ? " ];\n" : "\n];\n", o.f);
    return out_commit(&o, err, errlen);
}

int study_write_some(const char *dir, const char *sub, const struct study *s, const int *which,
                     int n, const char *scenario, const char *version, enum lang l, char *err,
                     size_t errlen)
{
    char vdir[4096];
    snprintf(vdir, sizeof vdir, "%s/%s", dir, sub);
    if (out_mkdirs(vdir, l, err, errlen) < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (write_one(vdir, sub, s, which ? which[i] : i, scenario, version, l, err, errlen) < 0)
            return -1;
    return 0;
}

int study_write_variants(const char *dir, const struct study *s, const char *scenario,
                         const char *version, enum lang l, char *err, size_t errlen)
{
    return study_write_some(dir, "variants", s, NULL, s->n_v, scenario, version, l, err, errlen);
}

int study_variant_base(const char *dir, const struct study *s, int v, char *path, size_t n,
                       enum lang l, char *err, size_t errlen)
{
    char name[300], file[4096];
    study_variant_file(s, v, name, sizeof name);
    snprintf(file, sizeof file, "%s/variants/%s", dir, name);
    FILE *f = fopen(file, "r");
    char *line = NULL;
    size_t cap = 0;
    int rc = -1;
    while (f && getline(&line, &cap, f) > 0 && rc < 0) {
        char *q = strchr(line, '"'), *e = q ? strrchr(line, '"') : NULL;
        if (!strncmp(line, "base = \"", 8) && e > q) {
            *e = '\0';
            rc = snprintf(path, n, "%s/variants/%s", dir, q + 1) < (int)n ? 0 : -1;
        }
    }
    if (rc < 0)
        snprintf(err, errlen, lang_text(l, T_IO_VARIANT_BASE), file);
    free(line);
    if (f)
        fclose(f);
    return rc;
}
