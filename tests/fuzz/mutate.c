/*
 * mutate.c -- the deterministic mutation pass `make check` runs in the
 * sanitizer build (tests/e2e_fuzz.sh), without AFL++:
 *   mutate MODE REPO WORKDIR COUNT SEED FILE...
 * makes COUNT inputs from the corpus FILEs, each one corpus file changed by
 * one to four seeded edits (a bit flipped, a byte set to a syntax character,
 * a token inserted -- huge and tiny numbers, brackets, quotes, comment starts
 * --, a range deleted or repeated, a piece of another corpus file spliced in),
 * and feeds each to the target in this process.  It fails (exit 1) when an
 * input is refused without a message or with one that does not name the
 * place: "FILE:LINE: " in a configuration, the file ("input: ") in a
 * results.dat, which has no lines (MUTATE_SHOW=1 prints every message); a crash, a sanitizer report or a leak
 * ends it too.  The same SEED gives the same inputs: a failure is reproduced
 * by rerunning the command it prints, and MUTATE_ONLY=K runs input K alone
 * and keeps it in WORKDIR/mutant-K.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz/target.h"

struct blob { unsigned char *b; size_t n; };

static uint64_t next(uint64_t *s)       /* xorshift64* */
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static size_t below(uint64_t *s, size_t n)
{
    return n ? (size_t)(next(s) % n) : 0;
}

static int slurp(const char *path, struct blob *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    out->b = NULL;
    out->n = 0;
    unsigned char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
        unsigned char *p = realloc(out->b, out->n + k);
        if (!p) {
            fclose(f);
            return -1;
        }
        out->b = p;
        memcpy(out->b + out->n, buf, k);
        out->n += k;
    }
    fclose(f);
    return 0;
}

/* Replaces m[at .. at+del) by ins[0..n); m has room (cap). */
static void splice(struct blob *m, size_t cap, size_t at, size_t del, const unsigned char *ins,
                   size_t n)
{
    if (at > m->n)
        at = m->n;
    if (del > m->n - at)
        del = m->n - at;
    if (m->n - del + n > cap)
        n = cap - (m->n - del);
    memmove(m->b + at + n, m->b + at + del, m->n - at - del);
    if (n)
        memcpy(m->b + at, ins, n);
    m->n = m->n - del + n;
}

static void edit(struct blob *m, size_t cap, const struct blob *corpus, int nc, uint64_t *s)
{
    static const char *const tokens[] = { "4294967297", "2147483648", "-2147483649",
        "99999999999999999999", "0x80000000", "9223372036854775808L", "1e308", "1e-308",
        "1e400", "-0.0", "nan", "inf", "[]", "()", "{}", "[1.0, 2.0]", "\"\"", "\"../..\"",
        "/*", "#", "L", "@include \"x\"", ";", ",", "=", "\n", "base = \"input.cfg\";",
        "set = [\"x=1\"];", "via = [];", "=1e200", "=[", "=\"", "..", ".[99]", ".[0]" };
    static const char bytes[] = "\"[]{}();,=.-:#/*\\\n0L";
    size_t at = below(s, m->n + 1);
    switch (below(s, 6)) {
    case 0:
        if (m->n)
            m->b[below(s, m->n)] ^= (unsigned char)(1u << below(s, 8));
        break;
    case 1:
        if (m->n)
            m->b[below(s, m->n)] = (unsigned char)bytes[below(s, sizeof bytes - 1)];
        break;
    case 2: {
        const char *t = tokens[below(s, sizeof tokens / sizeof tokens[0])];
        splice(m, cap, at, below(s, 3) ? 0 : below(s, 12), (const unsigned char *)t, strlen(t));
        break;
    }
    case 3:
        splice(m, cap, at, 1 + below(s, 64), NULL, 0);
        break;
    case 4: {
        size_t len = below(s, 256), from = below(s, m->n + 1);
        if (from + len > m->n)
            len = m->n - from;
        unsigned char tmp[256];
        memcpy(tmp, m->b + from, len);
        splice(m, cap, at, 0, tmp, len);
        break;
    }
    default: {
        const struct blob *o = &corpus[below(s, (size_t)nc)];
        size_t from = below(s, o->n + 1), len = below(s, 512);
        if (from + len > o->n)
            len = o->n - from;
        splice(m, cap, at, below(s, 512), o->b + from, len);
    }
    }
}

/* Does a message hold "FILE:LINE: " (FILE may hold anything a path may), or
 * say it ran out of memory? */
static int located(const char *err)
{
    for (const char *p = strchr(err, ':'); p; p = strchr(p + 1, ':')) {
        const char *q = p + 1;
        while (*q >= '0' && *q <= '9')
            q++;
        if (q > p + 1 && q[0] == ':' && q[1] == ' ' && p > err)
            return 1;
    }
    return strstr(err, "out of memory") != NULL;
}

int main(int argc, char **argv)
{
    int mode = argc >= 7 ? fuzz_mode_parse(argv[1]) : -1;
    long count = argc >= 7 ? atol(argv[4]) : 0;
    if (mode < 0 || count < 1) {
        fprintf(stderr, "usage: mutate config|set|results REPO WORKDIR COUNT SEED FILE...\n");
        return 2;
    }
    uint64_t seed = strtoull(argv[5], NULL, 10) | 1;
    int nc = argc - 6;
    struct blob *corpus = calloc((size_t)nc, sizeof *corpus);
    size_t biggest = 0;
    for (int i = 0; i < nc; i++) {
        if (!corpus || slurp(argv[6 + i], &corpus[i]) < 0) {
            fprintf(stderr, "mutate: %s: cannot read\n", argv[6 + i]);
            return 2;
        }
        biggest = corpus[i].n > biggest ? corpus[i].n : biggest;
    }
    if (fuzz_setup(argv[2], argv[3]) < 0)
        return 2;
    size_t cap = biggest + 4096;
    struct blob m = { malloc(cap), 0 };
    char err[8192];
    long loaded = 0, bad = 0;
    long only = getenv("MUTATE_ONLY") ? atol(getenv("MUTATE_ONLY")) : -1;
    for (long k = 0; k < count && m.b; k++) {
        const struct blob *src = &corpus[k % nc];
        memcpy(m.b, src->b, src->n);
        m.n = src->n;
        for (size_t e = 1 + below(&seed, 4); e > 0; e--)
            edit(&m, cap, corpus, nc, &seed);
        if (only >= 0 && k != only)
            continue;
        if (only >= 0) {                /* MUTATE_ONLY=k: input k alone, kept to look at */
            char path[2048];
            snprintf(path, sizeof path, "%s/mutant-%ld", argv[3], k);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(m.b, 1, m.n, f);
                fclose(f);
                fprintf(stderr, "mutate: input %ld is in %s\n", k, path);
            }
        }
        int rc = fuzz_one(mode, m.b, m.n, err, sizeof err);
        loaded += rc == 0;
        if (getenv("MUTATE_SHOW") && rc == 1)      /* every message, to read them */
            fprintf(stderr, "%ld: %s\n", k, err);
        if (rc == 1 && err[0] && !(mode == FUZZ_RESULTS ? !strncmp(err, "input: ", 7)
                                                        : located(err))) {
            fprintf(stderr, "mutate: %s input %ld: a message without FILE:LINE: %s\n",
                    fuzz_mode_name(mode), k, err);
            bad++;
        }
        if (rc == 1 && !err[0]) {
            fprintf(stderr, "mutate: %s input %ld (from %s) refused without a message\n",
                    fuzz_mode_name(mode), k, argv[6 + k % nc]);
            bad++;
        }
    }
    printf("mutate: %s: %ld inputs, %ld loaded, %ld refused with a message, %ld without\n",
           fuzz_mode_name(mode), count, loaded, count - loaded - bad, bad);
    free(m.b);
    for (int i = 0; i < nc; i++)
        free(corpus[i].b);
    free(corpus);
    fuzz_teardown();
    return bad ? 1 : 0;
}
