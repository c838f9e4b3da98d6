/*
 * afl.c -- the AFL++ harness (`make fuzz`): `afl MODE REPO WORKDIR FILE`
 * feeds FILE (AFL++'s @@) to one target of target.h.  Built with afl-cc and
 * the sanitizers, so that a crash, a sanitizer report or a leak is a crash
 * to AFL++; a refusal with a message is a normal exit.  A refusal without a
 * message aborts too: every bad input must say what is wrong.  With AFL++'s
 * LLVM mode the set-up runs once, before the fork server starts, and each
 * process runs a thousand inputs (persistent mode).
 */
#include <stdio.h>
#include <stdlib.h>
#include "fuzz/target.h"

#ifndef __AFL_HAVE_MANUAL_CONTROL
#define __AFL_INIT() ((void)0)
#define __AFL_LOOP(n) (once++ == 0)
#endif

static unsigned char buf[1 << 20];

static void one(int mode, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f)
        fclose(f);
    char err[8192];
    if (fuzz_one(mode, buf, n, err, sizeof err) == 1 && !err[0])
        abort();
}

int main(int argc, char **argv)
{
    int mode = argc == 5 ? fuzz_mode_parse(argv[1]) : -1;
    if (mode < 0) {
        fprintf(stderr, "usage: afl config|set|results REPO WORKDIR FILE\n");
        return 2;
    }
    if (fuzz_setup(argv[2], argv[3]) < 0)
        return 2;
    __AFL_INIT();
    int once = 0;
    (void)once;
    while (__AFL_LOOP(1000))
        one(mode, argv[4]);
    fuzz_teardown();
    return 0;
}
