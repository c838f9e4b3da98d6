/*
 * target.h -- what the fuzzers feed: one input file given to configuration
 * loading, to -D parsing, or to the results.dat reader.  Shared by the AFL++
 * harness (afl.c, `make fuzz`) and the deterministic mutation pass
 * (mutate.c, run by `make check`).
 */
#ifndef SUPPLYSIM_FUZZ_TARGET_H
#define SUPPLYSIM_FUZZ_TARGET_H

#include <stddef.h>

enum fuzz_mode { FUZZ_CONFIG, FUZZ_SET, FUZZ_RESULTS, FUZZ_MODES };

/* "config", "set" or "results"; -1 when none. */
int fuzz_mode_parse(const char *s);
const char *fuzz_mode_name(int mode);

/* Makes the working folder the targets need under dir (a copy of the
 * repository's configuration, so that a fuzzed scenario's base resolves):
 * repo is the repository root.  0, or -1 with a message on stderr. */
int fuzz_setup(const char *repo, const char *dir);

/* Feeds bytes[0..n) to the target; the answer is 0 (loaded) or 1 (refused,
 * with a message in err that names the file).  Anything else -- a crash, a
 * sanitizer report, a leak, a hang -- is what fuzzing looks for. */
int fuzz_one(int mode, const unsigned char *bytes, size_t n, char *err, size_t errlen);

void fuzz_teardown(void);

#endif
