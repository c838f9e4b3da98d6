/*
 * target.c -- the three fuzz targets (see target.h).  The working folder
 * holds config/yongcheng.cfg, so that a fuzzed scenario written to
 * scenarios/input.cfg finds its base "../config/yongcheng.cfg" as a shipped
 * scenario does, and hand.cfg (tests/data), the configuration the -D
 * overrides apply to and whose definition the results.dat reader checks
 * against.  State of one fuzzing process: the folder and that definition.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config/config.h"
#include "results/results_file.h"
#include "fuzz/target.h"

static const char *const names[FUZZ_MODES] = { "config", "set", "results" };

static struct {
    char dir[1024];
    struct cfg *hand_cfg;
    struct definition *hand;
} fz;

int fuzz_mode_parse(const char *s)
{
    for (int m = 0; m < FUZZ_MODES; m++)
        if (!strcmp(s, names[m]))
            return m;
    return -1;
}

const char *fuzz_mode_name(int mode)
{
    return mode >= 0 && mode < FUZZ_MODES ? names[mode] : "?";
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[65536];
    size_t n;
    int rc = in && out ? 0 : -1;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        rc = -1;
    return rc;
}

static int write_file(const char *path, const unsigned char *bytes, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(bytes, 1, n, f);
    return (fclose(f) == 0 && w == n) ? 0 : -1;
}

int fuzz_setup(const char *repo, const char *dir)
{
    char from[2048], to[2048], err[4096];
    snprintf(fz.dir, sizeof fz.dir, "%s", dir);
    snprintf(to, sizeof to, "%s/config", dir);
    mkdir(dir, 0777);
    mkdir(to, 0777);
    snprintf(to, sizeof to, "%s/scenarios", dir);
    mkdir(to, 0777);
    snprintf(from, sizeof from, "%s/config/yongcheng.cfg", repo);
    snprintf(to, sizeof to, "%s/config/yongcheng.cfg", dir);
    if (copy_file(from, to) < 0) {
        fprintf(stderr, "fuzz: cannot copy %s to %s\n", from, to);
        return -1;
    }
    snprintf(from, sizeof from, "%s/tests/data/hand.cfg", repo);
    snprintf(to, sizeof to, "%s/hand.cfg", dir);
    if (copy_file(from, to) < 0 || !(fz.hand_cfg = cfg_load(to, NULL, 0, LANG_EN, err, sizeof err))
        || !(fz.hand = cfg_definition(fz.hand_cfg, err, sizeof err))) {
        fprintf(stderr, "fuzz: %s: cannot load it\n", from);
        return -1;
    }
    return 0;
}

void fuzz_teardown(void)
{
    definition_free(fz.hand);
    cfg_free(fz.hand_cfg);
    fz.hand = NULL;
    fz.hand_cfg = NULL;
}

static int load(const char *path, const char *const *sets, int n_sets, char *err, size_t errlen)
{
    struct cfg *c = cfg_load(path, sets, n_sets, LANG_EN, err, errlen);
    struct definition *d = c ? cfg_definition(c, err, errlen) : NULL;
    int ok = d != NULL;
    definition_free(d);
    cfg_free(c);
    return ok ? 0 : 1;
}

/* Each line of the input is one -D PATH=VALUE over hand.cfg. */
static int sets(const unsigned char *bytes, size_t n, char *err, size_t errlen)
{
    char *text = malloc(n + 1), path[2048];
    const char *line[256];
    int k = 0;
    if (!text)
        return 1;
    memcpy(text, bytes, n);
    text[n] = '\0';
    for (char *p = text, *save = NULL, *l; k < 256 && (l = strtok_r(p, "\n", &save)); p = NULL)
        line[k++] = l;
    snprintf(path, sizeof path, "%s/hand.cfg", fz.dir);
    int rc = load(path, line, k, err, errlen);
    free(text);
    return rc;
}

/* The whole file through the reader: header and trailer, then every
 * replication until the end (checksum and length checked). */
static int results(const unsigned char *bytes, size_t n, char *err, size_t errlen)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/input.dat", fz.dir);
    if (write_file(path, bytes, n) < 0) {
        snprintf(err, errlen, "%s: cannot write", path);
        return 1;
    }
    FILE *f = fopen(path, "rb");
    struct results_in in;
    struct rep_result r;
    int rc = 1;
    if (!f) {
        snprintf(err, errlen, "%s: cannot read", path);
        return 1;
    }
    if (results_open(&in, f, "input", fz.hand, LANG_EN, err, errlen) == 0) {
        if (result_init(&r, fz.hand) < 0) {
            snprintf(err, errlen, "out of memory");
        } else {
            int got;
            while ((got = results_next(&in, &r, err, errlen)) == 1)
                continue;
            rc = got == 0 ? 0 : 1;
            result_free(&r);
        }
        results_close(&in);
    }
    fclose(f);
    return rc;
}

int fuzz_one(int mode, const unsigned char *bytes, size_t n, char *err, size_t errlen)
{
    char path[2048];
    err[0] = '\0';
    switch (mode) {
    case FUZZ_CONFIG:
        snprintf(path, sizeof path, "%s/scenarios/input.cfg", fz.dir);
        if (write_file(path, bytes, n) < 0) {
            snprintf(err, errlen, "%s: cannot write", path);
            return 1;
        }
        return load(path, NULL, 0, err, errlen);
    case FUZZ_SET:
        return sets(bytes, n, err, errlen);
    default:
        return results(bytes, n, err, errlen);
    }
}
