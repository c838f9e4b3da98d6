/*
 * merge_shards.c -- `supplysim merge -o DIR SHARD_DIR...`: the replications of a run
 * done in shards (`--shard I/N`, on one machine or many) put back together.
 * The shards' results.dat are read in replication order through the same
 * stream as a run (results/stream.h), so every statistic, the verdict and
 * every file equal, byte for byte, those of one run with the same seed and
 * replications; memory does not grow with the replications.
 *
 * Nothing is trusted: the shards must come from the same configuration
 * (their resolved.cfg are compared byte for byte), each results.dat must
 * carry that resolved.cfg's digest and seed and pass its own checks (every
 * value in range, its checksum, nothing after its end: results_file.h), and
 * together they must cover every replication exactly once.  Any failure is
 * exit status 2 with a message naming the file; nothing is written.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cli.h"
#include "cmd/study_cmd.h"
#include "results/outdir.h"
#include "results/results_file.h"
#include "results/stream.h"
#include "results/summary.h"

struct shard {
    const char *dir;
    char path[1100];          /* its results.dat */
    FILE *f;
    struct results_in in;
};

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

/* The shards' resolved.cfg must be the same bytes as the first's; *digest
 * is theirs. */
static int same_config(struct shard *sh, int n, uint64_t *digest, enum lang l, char *err,
                       size_t errlen)
{
    char path[1024];
    long len0, len;
    snprintf(path, sizeof path, "%s/resolved.cfg", sh[0].dir);
    char *first = slurp(path, &len0);
    if (!first) {
        snprintf(err, errlen, lang_text(l, T_MERGE_CANNOT_READ), path);
        return -1;
    }
    *digest = results_digest(first, (size_t)len0);
    for (int i = 1; i < n; i++) {
        snprintf(path, sizeof path, "%s/resolved.cfg", sh[i].dir);
        char *other = slurp(path, &len);
        int same = other && len == len0 && !memcmp(first, other, (size_t)len);
        free(other);
        if (!same) {
            snprintf(err, errlen, lang_text(l, other ? T_MERGE_CONFIG_DIFFERS
                                                     : T_MERGE_CONFIG_UNREADABLE),
                     path, sh[0].dir);
            free(first);
            return -1;
        }
    }
    free(first);
    return 0;
}

/* Opens a shard's results.dat and checks that it was written with this
 * resolved.cfg: the same digest and seed. */
static int open_shard(struct shard *sh, const struct definition *d, uint64_t digest, enum lang l,
                      char *err, size_t errlen)
{
    snprintf(sh->path, sizeof sh->path, "%s/results.dat", sh->dir);
    if (!(sh->f = fopen(sh->path, "rb"))) {
        snprintf(err, errlen, lang_text(l, T_MERGE_NOT_SHARD), sh->path, sh->dir);
        return -1;
    }
    if (results_open(&sh->in, sh->f, sh->path, d, l, err, errlen) < 0)
        return -1;
    if (sh->in.seed != d->run.seed) {
        snprintf(err, errlen, lang_text(l, T_MERGE_SEED), sh->path, d->run.seed, sh->dir,
                 sh->in.seed);
        return -1;
    }
    if (sh->in.digest != digest) {
        snprintf(err, errlen, lang_text(l, T_MERGE_DIGEST), sh->path, sh->dir, digest,
                 sh->in.digest);
        return -1;
    }
    return 0;
}

static int by_first(const void *a, const void *b)
{
    const struct shard *x = a, *y = b;
    return (x->in.first > y->in.first) - (x->in.first < y->in.first);
}

/* Puts the shards in replication order and checks that they cover
 * 0 .. total - 1 exactly once: no gap, no overlap. */
static int cover(struct shard *sh, int n, long total, enum lang l, char *err, size_t errlen)
{
    qsort(sh, (size_t)n, sizeof *sh, by_first);
    long next = 0;
    for (int i = 0; i < n; i++) {
        long first = sh[i].in.first, last = first + sh[i].in.count - 1;
        if (first > next) {
            snprintf(err, errlen, lang_text(l, T_MERGE_GAP), sh[i].dir, next, first, next,
                     first - 1);
            return -1;
        }
        if (first < next) {
            snprintf(err, errlen, lang_text(l, T_MERGE_OVERLAP), sh[i].dir, next, first, last,
                     sh[i - 1].dir);
            return -1;
        }
        next = last + 1;
    }
    if (next != total) {
        snprintf(err, errlen, lang_text(l, T_MERGE_TOTAL), total, next);
        return -1;
    }
    return 0;
}

/* Every shard's replications, in order, into the stream.  -1 with a
 * message: *bad_data says whether a results.dat was at fault (exit 2) or
 * the run (out of memory, exit 1). */
static int replay(struct shard *sh, int n, const struct definition *d, struct rep_stream *st,
                  int *bad_data, enum lang l, char *err, size_t errlen)
{
    struct rep_result r;
    int rc = 0;
    *bad_data = 0;
    if (result_init(&r, d) < 0) {
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    for (int i = 0; i < n && rc == 0; i++) {
        int got;
        while ((got = results_next(&sh[i].in, &r, err, errlen)) == 1)
            if (stream_put(st, sh[i].in.next - 1, &r, err, errlen) < 0) {
                got = -2;
                break;
            }
        *bad_data = got == -1;
        rc = got < 0 ? -1 : 0;
    }
    result_free(&r);
    return rc;
}

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
    o->lang = cli_lang(argc, argv);
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
            if (lang_parse(optarg, &o->lang))
                goto bad;
            break;
        case 'h': fputs(lang_text(o->lang, T_HELP_MERGE), stdout); return 0;
        default: goto bad;
        }
    }
    if (!o->out || optind >= argc)
        goto bad;
    return -1;
bad:
    return usage_error(o, T_MERGE_USAGE);
}

/* The merged folder replaces -o whole: it must be none of the shards and
 * hold none of them. */
static int out_apart(const struct opts *o, char **dirs, int n)
{
    for (int i = 0; i < n; i++)
        if (outdir_within(dirs[i], o->out)) {
            fprintf(stderr, "supplysim merge: ");
            fprintf(stderr, lang_text(o->lang, T_MERGE_OUT_SHARD), o->out, dirs[i],
                    lang_text(o->lang, outdir_within(o->out, dirs[i]) ? T_MERGE_SAME_FOLDER
                                                                      : T_MERGE_INSIDE));
            fputc('\n', stderr);
            return EXIT_USAGE;
        }
    return -1;
}

static void close_shards(struct shard *sh, int n)
{
    for (int i = 0; sh && i < n; i++) {
        results_close(&sh[i].in);
        if (sh[i].f)
            fclose(sh[i].f);
    }
    free(sh);
}

int merge_main(int argc, char **argv)
{
    struct opts o = { .command = "merge", .help = T_HELP_MERGE };
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    int n = argc - optind, bad_data = 0;
    char err[6144], path[4096];
    if ((rc = out_apart(&o, argv + optind, n)) >= 0)
        return rc;
    snprintf(path, sizeof path, "%s/study.dat", argv[optind]);
    if (access(path, F_OK) == 0)            /* a decision study's shards */
        return study_merge(&o, argv + optind, n);
    struct shard *sh = calloc((size_t)n, sizeof *sh);
    struct cfg *c = NULL;
    struct definition *d = NULL;
    struct rep_stream st = { 0 };
    struct summary s = { 0 };
    struct outdir od = { NULL, NULL, o.lang };
    uint64_t digest;
    rc = EXIT_USAGE;
    if (!sh)
        goto done;
    for (int i = 0; i < n; i++)
        sh[i].dir = argv[optind + i];
    snprintf(path, sizeof path, "%s/resolved.cfg", sh[0].dir);
    if (!(c = cfg_load(path, NULL, 0, o.lang, err, sizeof err))
        || !(d = cfg_definition(c, err, sizeof err))
        || same_config(sh, n, &digest, o.lang, err, sizeof err) < 0)
        goto fail;
    for (int i = 0; i < n; i++)
        if (open_shard(&sh[i], d, digest, o.lang, err, sizeof err) < 0)
            goto fail;
    if (cover(sh, n, d->run.replications, o.lang, err, sizeof err) < 0)
        goto fail;
    if ((rc = run_outdir_begin(&o, d, &od)) >= 0)
        goto done;
    rc = EXIT_RUN;
    if (stream_open(&st, od.stage, d, 0, o.lang, err, sizeof err) < 0)
        goto fail;
    if (replay(sh, n, d, &st, &bad_data, o.lang, err, sizeof err) < 0) {
        rc = bad_data ? EXIT_USAGE : EXIT_RUN;
        goto fail;
    }
    if (summary_make(&s, d, &st.tally) < 0) {
        snprintf(err, sizeof err, "%s", lang_text(o.lang, T_RUN_OOM_SUMMARY));
        goto fail;
    }
    rc = run_outputs(&o, c, NULL, d, &s, &st, &od, 0, NULL);
    goto done;
fail:
    fprintf(stderr, "supplysim merge: %s\n", err);
done:
    outdir_abort(&od);
    summary_free(&s);
    stream_free(&st);
    close_shards(sh, n);
    definition_free(d);
    cfg_free(c);
    return rc;
}
