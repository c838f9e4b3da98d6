/*
 * hand_sim.h -- what the hand-computed model tests (test_effects.c, test_measures.c,
 * test_roadinfo.c) share: a scenario over a base file (BASE: tests/data/effects.cfg
 * unless the program defines another before including this), written to a temporary
 * file and loaded as the command line loads it, its model and one replication's state;
 * a teardown that frees what an assertion left behind (up to two scenarios at once);
 * and assert_minutes, which allows only for rounding (the tests' minutes are sums of
 * exact binary fractions).  Included once per test program, after cmocka.h; the
 * program sets base_path to the absolute path of BASE (find_base) before its tests.
 */
#ifndef SUPPLYSIM_TESTS_HAND_SIM_H
#define SUPPLYSIM_TESTS_HAND_SIM_H

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config/config.h"
#include "model/model.h"

#define ERRLEN 4096
#ifndef BASE
#define BASE "tests/data/effects.cfg"
#endif
#define EXACT 1e-9

static char base_path[PATH_MAX];

/* One loaded scenario and one replication's state. */
struct sim {
    struct definition *d;
    struct model *m;
    struct rep *r;
    struct rep_result res;
    int has_res;
};

static struct sim *held[2];   /* freed by the teardown if an assertion left the test */

static void sim_close(struct sim *s)
{
    if (!s)
        return;
    if (s->has_res)
        result_free(&s->res);
    rep_free(s->r);
    model_free(s->m);
    definition_free(s->d);
    free(s);
    for (int i = 0; i < 2; i++)
        if (held[i] == s)
            held[i] = NULL;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < 2; i++)
        sim_close(held[i]);
    return 0;
}

/* Loads the scenario text (after a line naming BASE as its base) and builds the
 * model; at most two at once. */
static struct sim *sim_text(const char *text)
{
    char path[] = "/tmp/supplysim_hand_XXXXXX.cfg", err[ERRLEN];
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(f, "base = \"%s\";\n%s", base_path, text);
    assert_int_equal(fclose(f), 0);
    struct cfg *c = cfg_load(path, NULL, 0, LANG_EN, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    cfg_free(c);
    unlink(path);
    if (!d)
        fail_msg("loading the scenario: %s", err);
    struct sim *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_true(!held[0] || !held[1]);
    held[held[0] ? 1 : 0] = s;
    s->d = d;
    assert_non_null(s->m = model_create(d));
    assert_non_null(s->r = rep_create(s->m));
    assert_int_equal(result_init(&s->res, d), 0);
    s->has_res = 1;
    return s;
}

/* Loads base + system (NULL: none) + run + disaster { kit; sites = (sites); more } and
 * builds the model. */
static inline struct sim *sim_load(const char *system, const char *run, const char *sites,
                                   const char *more)
{
    char text[8192];
    int n = snprintf(text, sizeof text, "%s%sdisaster = {\n  kit = { box = 0.1; };\n"
                     "  sites = ( %s );\n  %s\n};\n", system ? system : "", run, sites,
                     more ? more : "");
    assert_true(n > 0 && (size_t)n < sizeof text);
    return sim_text(text);
}

/* Runs replication index; trace: record every shipment (rep_run). */
static void sim_run_traced(struct sim *s, long index, int trace)
{
    char err[ERRLEN];
    if (rep_run(s->r, index, trace, &s->res, err, sizeof err) != 0)
        fail_msg("replication %ld: %s", index, err);
}

static inline void sim_run(struct sim *s, long index)
{
    sim_run_traced(s, index, 0);
}

#define assert_minutes(what, actual, expected) do {                                      \
        double a_ = (actual), e_ = (expected);                                           \
        if (!(fabs(a_ - e_) <= EXACT))                                                  \
            fail_msg("%s: %.6f min, expected %.6f min (worked out by hand)", what, a_, e_); \
    } while (0)

static double cause(const struct sim *s, int site, enum cause c)
{
    return s->res.cause[(size_t)site * CAUSES + (size_t)c];
}

/* Finds BASE (tests run from the repository root); 0, or 1 with a message. */
static int find_base(const char *test)
{
    if (realpath(BASE, base_path))
        return 0;
    fprintf(stderr, "%s: cannot find %s (tests run from the repository root)\n", test, BASE);
    return 1;
}

#endif
