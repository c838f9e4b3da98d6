/*
 * merge_shards.c -- `supplysim merge -o DIR SHARD_DIR...`: the replications of a run
 * done in shards (`--shard I/N`, on one machine or many) put back together.
 * Every statistic, the verdict and every file are recomputed from the shards'
 * results.dat, so the merged folder equals, byte for byte, the folder of one
 * run with the same seed and replications.  The shards must come from the
 * same configuration (their resolved.cfg are compared byte for byte) and
 * cover every replication exactly once.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cli.h"
#include "results/results_file.h"
#include "results/summary.h"

struct shard { const char *dir; struct rep_result *res; long n, first; };

static char *slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0 && (*len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)*len + 1)) && fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

/* The shards' resolved.cfg must be the same bytes as the first's. */
static int same_config(struct shard *sh, int n, char *err, size_t errlen)
{
    char path[1024];
    long len0, len;
    snprintf(path, sizeof path, "%s/resolved.cfg", sh[0].dir);
    char *first = slurp(path, &len0);
    if (!first) {
        snprintf(err, errlen, "%s: cannot read", path);
        return -1;
    }
    for (int i = 1; i < n; i++) {
        snprintf(path, sizeof path, "%s/resolved.cfg", sh[i].dir);
        char *other = slurp(path, &len);
        int same = other && len == len0 && !memcmp(first, other, (size_t)len);
        free(other);
        if (!same) {
            snprintf(err, errlen, "%s: expected the same configuration as %s/resolved.cfg, "
                     "found %s", path, sh[0].dir, other ? "a different one" : "none readable");
            free(first);
            return -1;
        }
    }
    free(first);
    return 0;
}

static int read_shard(struct shard *sh, const struct definition *d, char *err, size_t errlen)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/results.dat", sh->dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot read (is %s a shard's output folder?)", path, sh->dir);
        return -1;
    }
    int rc = results_read(f, path, d, &sh->res, &sh->n, &sh->first, err, errlen);
    fclose(f);
    return rc;
}

static int by_first(const void *a, const void *b)
{
    const struct shard *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* Puts the shards' results in replication order into one array, checking
 * that they cover 0 .. replications - 1 exactly once. */
static struct rep_result *concat(struct shard *sh, int n, long total, char *err, size_t errlen)
{
    qsort(sh, (size_t)n, sizeof *sh, by_first);
    long next = 0;
    for (int i = 0; i < n; i++) {
        if (sh[i].first != next) {
            snprintf(err, errlen, "%s: expected replications from %ld, found from %ld "
                     "(a shard missing or given twice?)", sh[i].dir, next, sh[i].first);
            return NULL;
        }
        next += sh[i].n;
    }
    if (next != total) {
        snprintf(err, errlen, "expected shards covering %ld replications, found %ld", total, next);
        return NULL;
    }
    struct rep_result *all = calloc((size_t)total + 1, sizeof *all);
    if (!all) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (int i = 0; i < n; i++) {       /* move: the shard arrays keep nothing */
        memcpy(&all[sh[i].first], sh[i].res, (size_t)sh[i].n * sizeof *all);
        memset(sh[i].res, 0, (size_t)sh[i].n * sizeof *all);
    }
    return all;
}

static const char merge_usage[] =
    "usage: supplysim merge -o DIR [--format text|csv|json] [-q] [--fail-on-breach] [--no-plot]\n"
    "                       [--lang en|zh] SHARD_DIR...\n"
    "Recomputes every statistic and the verdict from the shards' results.dat.\n";

static int parse(int argc, char **argv, struct opts *o)
{
    static const struct option lo[] = {
        { "out", required_argument, NULL, 'o' }, { "format", required_argument, NULL, 'f' },
        { "quiet", no_argument, NULL, 'q' }, { "fail-on-breach", no_argument, NULL, 'b' },
        { "no-plot", no_argument, NULL, 'p' }, { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", lo, NULL)) != -1) {
        switch (c) {
        case 'o': o->out = optarg; break;
        case 'q': o->quiet = 1; break;
        case 'b': o->fail_on_breach = 1; break;
        case 'p': o->no_plot = 1; break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                goto bad;
            o->format = optarg;
            break;
        case 'l':
            if (strcmp(optarg, "en") && strcmp(optarg, "zh"))
                goto bad;
            o->lang = optarg;
            break;
        case 'h': fputs(merge_usage, stdout); return 0;
        default: goto bad;
        }
    }
    if (!o->out || optind >= argc)
        goto bad;
    return -1;
bad:
    fprintf(stderr, "supplysim merge: expected -o DIR and at least one shard folder, with valid "
            "options (see supplysim merge --help)\n");
    return EXIT_USAGE;
}

int merge_main(int argc, char **argv)
{
    struct opts o = { 0 };
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    int n = argc - optind;
    char err[6144], path[4096];
    struct shard *sh = calloc((size_t)n, sizeof *sh);
    struct cfg *c = NULL;
    struct definition *d = NULL;
    struct rep_result *all = NULL;
    struct summary s = { 0 };
    long total = 0;
    rc = EXIT_USAGE;
    if (!sh)
        goto done;
    for (int i = 0; i < n; i++)
        sh[i].dir = argv[optind + i];
    snprintf(path, sizeof path, "%s/resolved.cfg", sh[0].dir);
    if (!(c = cfg_load(path, NULL, 0, err, sizeof err)) || !(d = cfg_definition(c, err, sizeof err))
        || same_config(sh, n, err, sizeof err) < 0)
        goto fail;
    for (int i = 0; i < n; i++)
        if (read_shard(&sh[i], d, err, sizeof err) < 0)
            goto fail;
    total = d->run.replications;
    if (!(all = concat(sh, n, total, err, sizeof err)))
        goto fail;
    rc = EXIT_RUN;
    if (summary_make(&s, d, all, total) < 0) {
        snprintf(err, sizeof err, "out of memory computing the summary");
        goto fail;
    }
    rc = run_outputs(&o, c, NULL, d, &s, all, total, 0);
    goto done;
fail:
    fprintf(stderr, "supplysim merge: %s\n", err);
done:
    summary_free(&s);
    for (long k = 0; all && k < total; k++)
        result_free(&all[k]);
    free(all);
    for (int i = 0; sh && i < n; i++) {
        for (long k = 0; sh[i].res && k < sh[i].n; k++)
            result_free(&sh[i].res[k]);
        free(sh[i].res);
    }
    free(sh);
    definition_free(d);
    cfg_free(c);
    return rc;
}
