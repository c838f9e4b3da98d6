/*
 * hand_sim.h -- what the hand-computed model tests (test_effects.c, test_measures.c)
 * share: one scenario over tests/data/effects.cfg, written to a temporary file and
 * loaded as the command line loads it, its model and one replication's state; a
 * teardown that frees what an assertion left behind; and assert_minutes, which
 * allows only for rounding (the tests' minutes are sums of exact binary fractions).
 * Included once per test program, after cmocka.h; the program sets base_path to the
 * absolute path of effects.cfg before running its tests.
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

#define ERRLEN 2048
#define BASE "tests/data/effects.cfg"
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

static struct sim *held;    /* freed by the teardown if an assertion left the test */

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
    if (held == s)
        held = NULL;
}

static int teardown(void **state)
{
    (void)state;
    sim_close(held);
    held = NULL;
    return 0;
}

/* Loads base + system (NULL: none) + run + disaster { kit; sites = (sites); more } and
 * builds the model. */
static struct sim *sim_load(const char *system, const char *run, const char *sites,
                            const char *more)
{
    char path[] = "/tmp/supplysim_hand_XXXXXX.cfg", err[ERRLEN];
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(f, "base = \"%s\";\n%s%s"
               "disaster = {\n  kit = { box = 0.1; };\n  sites = ( %s );\n  %s\n};\n",
            base_path, system ? system : "", run, sites, more ? more : "");
    assert_int_equal(fclose(f), 0);
    struct cfg *c = cfg_load(path, NULL, 0, LANG_EN, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    cfg_free(c);
    unlink(path);
    if (!d)
        fail_msg("loading the scenario: %s", err);
    struct sim *s = calloc(1, sizeof *s);
    assert_non_null(s);
    held = s;
    s->d = d;
    assert_non_null(s->m = model_create(d));
    assert_non_null(s->r = rep_create(s->m));
    assert_int_equal(result_init(&s->res, d), 0);
    s->has_res = 1;
    return s;
}

static void sim_run(struct sim *s, long index)
{
    char err[ERRLEN];
    if (rep_run(s->r, index, 0, &s->res, err, sizeof err) != 0)
        fail_msg("replication %ld: %s", index, err);
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

/* Finds effects.cfg (tests run from the repository root); 0, or 1 with a message. */
static int find_base(const char *test)
{
    if (realpath(BASE, base_path))
        return 0;
    fprintf(stderr, "%s: cannot find %s (tests run from the repository root)\n", test, BASE);
    return 1;
}

#endif
