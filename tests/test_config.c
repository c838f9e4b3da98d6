/*
 * test_config.c -- loading a configuration: every kind of bad input must be
 * refused with "FILE:LINE: SETTING: what was expected, what was found", naming
 * the exact file, line and setting path; overrides (-D, a scenario's base and
 * `set`) must land where they say; and the free-flow coverage of
 * tests/data/tiny.cfg must match minutes worked out by hand.
 *
 * Most cases are rows of two tables, and each row is its own named cmocka test
 * (main() builds the list of tests from the tables, so a failure names its row):
 *   refusals            tests/data/tiny.cfg (read at test time; tests run from
 *                       the repository root) with one piece of text replaced,
 *                       or with -D settings, written to a temporary file in /tmp
 *                       that is removed again.  Expected line numbers are found
 *                       by searching the edited text, so they stay exact if
 *                       tiny.cfg is reformatted.
 *   scenario_refusals   a scenario over tiny.cfg in a temporary tree of files,
 *                       refused at one of the scenario's lines.
 * What a row cannot say is a function of its own: loads that must succeed and
 * the values they must land, base chains, a missing base or file, and tiny.cfg
 * as written with its coverage.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/config.h"
#include "model/coverage.h"

#define TINY "tests/data/tiny.cfg"
#define ERRLEN 2048
#define CMDLINE "command line"

/* A NULL-terminated list of strings, the form edits, -D settings and the
 * parts of an expected message take throughout. */
#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

static char *tiny;     /* the text of tiny.cfg */
static char *edited;   /* the text a refusal loads (freed by cleanup(), so also after a failure) */

/* ---- text helpers --------------------------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;
    char *s;
    if (!f)
        fail_msg("cannot open %s (tests run from the repository root)", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* How many strings a NULL-terminated list holds (NULL holds none). */
static int count(const char *const *list)
{
    int n = 0;
    while (list && list[n])
        n++;
    return n;
}

/* A copy of text with each `from` replaced by its `to`: pairs of strings in a
 * NULL-terminated list (NULL: no edit).  Each `from` must occur exactly once
 * (in the text as edited so far), so that an edit can never land somewhere
 * unintended. */
static char *edit(const char *text, const char *const *pairs)
{
    char *cur = strdup(text);
    assert_non_null(cur);
    for (; pairs && pairs[0]; pairs += 2) {
        const char *from = pairs[0], *to = pairs[1];
        char *p = strstr(cur, from), *next;
        size_t head, fl = strlen(from), tl;
        assert_non_null(to);
        tl = strlen(to);
        if (!p || strstr(p + 1, from))
            fail_msg("edit: \"%s\" must occur exactly once in the text", from);
        head = (size_t)(p - cur);
        next = malloc(strlen(cur) - fl + tl + 1);
        assert_non_null(next);
        memcpy(next, cur, head);
        memcpy(next + head, to, tl);
        strcpy(next + head + tl, p + fl);
        free(cur);
        cur = next;
    }
    return cur;
}

/* 1-based line of the only occurrence of needle in text. */
static int line_of(const char *text, const char *needle)
{
    const char *p = strstr(text, needle), *q;
    int line = 1;
    if (!p || strstr(p + 1, needle))
        fail_msg("line_of: \"%s\" must occur exactly once in the text", needle);
    for (q = text; q < p; q++)
        line += *q == '\n';
    return line;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

/* ---- loading -------------------------------------------------------------- */

/* cfg_load then cfg_definition, the way main.c does, with the -D settings of
 * the NULL-terminated list sets; NULL with the message in err. */
static struct definition *load_path(const char *path, const char *const *sets, char *err)
{
    struct cfg *c;
    struct definition *d;
    err[0] = '\0';
    c = cfg_load(path, sets, count(sets), LANG_EN, err, ERRLEN);
    d = c ? cfg_definition(c, err, ERRLEN) : NULL;
    cfg_free(c);
    if (!d && !err[0])
        fail_msg("%s: refused without a message", path);
    return d;
}

/* load_path for a file that must load. */
static struct definition *load_file_ok(const char *path, const char *const *sets)
{
    char err[ERRLEN];
    struct definition *d = load_path(path, sets, err);
    if (!d)
        fail_msg("expected %s to load, got: %s", path, err);
    return d;
}

/* Writes text to a fresh file in /tmp, its name left in path. */
static void write_temp(const char *text, char *path)
{
    int fd;
    strcpy(path, "/tmp/supplysim_cfg_XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(close(fd), 0);
    write_text(path, text);
}

/* Writes text to a fresh file in /tmp (its name left in path), loads it and
 * removes the file. */
static struct definition *load_text(const char *text, const char *const *sets, char *path,
                                    char *err)
{
    write_temp(text, path);
    struct definition *d = load_path(path, sets, err);
    assert_int_equal(unlink(path), 0);
    return d;
}

static struct definition *load_ok(const char *text, const char *const *sets)
{
    char path[64], err[ERRLEN];
    struct definition *d = load_text(text, sets, path, err);
    if (!d)
        fail_msg("expected the configuration to load, got: %s", err);
    return d;
}

static void expect_part(const char *err, const char *part)
{
    if (!strstr(err, part))
        fail_msg("expected the error to say \"%s\"\n      found \"%s\"", part, err);
}

/* err must begin "FILE:LINE: SETTING: " and hold every string of the
 * NULL-terminated list says, and also `also` unless it is NULL (a part that
 * is known only at run time, such as a temporary file's name). */
static void expect_msg(const char *err, const char *file, int line, const char *setting,
                       const char *const *says, const char *also)
{
    char want[PATH_MAX + 600];
    snprintf(want, sizeof want, "%s:%d: %s: ", file, line, setting);
    if (strncmp(err, want, strlen(want)))
        fail_msg("expected an error beginning \"%s\"\n      found \"%s\"", want, err);
    for (; says && *says; says++)
        expect_part(err, *says);
    if (also)
        expect_part(err, also);
    print_message("      refused as expected: %s\n", err);
}

/* Loads text, which must be refused; its file name goes to path. */
static void refuse(const char *text, const char *const *sets, char *path, char *err)
{
    struct definition *d = load_text(text, sets, path, err);
    if (d) {
        definition_free(d);
        fail_msg("expected the configuration to be refused, but it loaded");
    }
}


static int fac_index(const struct definition *d, const char *id)
{
    for (int i = 0; i < d->n_facilities; i++)
        if (!strcmp(d->facilities[i].id, id))
            return i;
    fail_msg("no facility \"%s\"", id);
    return -1;
}

static int item_index(const struct definition *d, const char *id)
{
    for (int i = 0; i < d->n_items; i++)
        if (!strcmp(d->items[i].id, id))
            return i;
    fail_msg("no item \"%s\"", id);
    return -1;
}

static int near(double a, double b) { return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b)); }

#define assert_near(a, b)                                                          \
    do {                                                                           \
        double a_ = (a), b_ = (b);                                                 \
        if (!near(a_, b_))                                                         \
            fail_msg("%s is %.12g, expected %.12g", #a, a_, b_);                    \
    } while (0)

/* ---- a tree of files in a temporary folder -------------------------------- */

struct tree {
    char dir[64];
    char *made[16];       /* files and folders created, removed in reverse order */
    int n;
    int active;
};

/* The tree a test uses (static, so that it outlives a failing test); every
 * test's teardown removes what is left of it, so nothing stays in /tmp. */
static struct tree scratch;
static struct tree *live;

static void tree_init(struct tree *t)
{
    strcpy(t->dir, "/tmp/supplysim_tree_XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    t->n = 0;
    t->active = 1;
    live = t;
}

static char *tree_keep(struct tree *t, const char *rel)
{
    char *p = malloc(strlen(t->dir) + strlen(rel) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", t->dir, rel);
    assert_true(t->n < 16);
    t->made[t->n++] = p;
    return p;
}

static void tree_mkdir(struct tree *t, const char *rel)
{
    assert_int_equal(mkdir(tree_keep(t, rel), 0700), 0);
}

/* Writes rel (its folder must exist) and returns its full path. */
static const char *tree_file(struct tree *t, const char *rel, const char *text)
{
    char *p = tree_keep(t, rel);
    write_text(p, text);
    return p;
}

static void tree_done(struct tree *t)
{
    int bad = 0;
    t->active = 0;
    live = NULL;
    while (t->n > 0) {
        char *p = t->made[--t->n];
        bad |= remove(p) != 0;
        free(p);
    }
    bad |= rmdir(t->dir) != 0;
    assert_false(bad);
}

/* Every test's teardown: removes what is left of the tree and frees the
 * edited text. */
static int cleanup(void **state)
{
    (void)state;
    if (live && live->active)
        tree_done(live);
    free(edited);
    edited = NULL;
    return 0;
}

/* Loads text with the -D settings sets in a child process, so that a crash in
 * sim/ is reported rather than suffered: the child's message comes back in
 * err, the file's name in path.  Returns the child's wait status; it exits 0
 * when the text was refused, 3 when it loaded. */
static int refuse_in_child(const char *text, const char *const *sets, char *path, char *err)
{
    int fds[2], status;
    ssize_t got;
    size_t n = 0;
    pid_t pid;
    write_temp(text, path);
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char e[ERRLEN] = "";
        struct cfg *c = cfg_load(path, sets, count(sets), LANG_EN, e, sizeof e);
        struct definition *d = c ? cfg_definition(c, e, sizeof e) : NULL;
        if (write(fds[1], e, strlen(e)) < 0)
            _exit(4);
        _exit(d ? 3 : 0);
    }
    close(fds[1]);
    while (n < ERRLEN - 1 && (got = read(fds[0], err + n, ERRLEN - 1 - n)) > 0)
        n += (size_t)got;
    err[n] = '\0';
    close(fds[0]);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(unlink(path), 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
        fail_msg("expected the configuration to be refused, but it loaded");
    return status;
}

/* A load in a child process must end by refusing the text, not crash. */
static void no_crash(int status, const char *why, const char *err)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return;
    fail_msg("the load %s %d (%s); message: %s",
             WIFSIGNALED(status) ? "died of signal" : "exited with status",
             WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), why, err);
}

/* ---- refusals: one edit of tiny.cfg, or -D settings ------------------------ */

/* A configuration that must be refused: tiny.cfg with at most one piece of
 * text replaced, loaded with the -D settings given. */
struct refusal {
    const char *name;        /* the test's name, after "test_" */
    const char *edits[3];    /* a from, to pair for edit(), or nothing */
    const char *sets[3];     /* -D PATH=VALUE, in command-line order */
    const char *at;          /* text of the edited file on the line the error names; */
    int at_set;              /* or, when at is NULL, the -D it names (from 1: its line
                              * on the command line) */
    const char *setting;     /* the setting path the error names */
    const char *says[4];     /* what else the error must say */
    const char *first_at;    /* for a repeated id: text on the line the error gives as
                              * "(first at FILE:LINE)" */
    const char *crash;       /* a bug by which the load once crashed (fixed): loaded in
                              * a child process, so that a crash fails this test alone */
};

static const struct refusal refusals[] = {
    /* syntax */
    { "syntax_error", .edits = { "usable_share = 0.5;", "usable_share = ;" },
      .at = "usable_share = ;", .setting = "(syntax)", .says = { "syntax" } },
    /* two groups of a list with no comma between them, both on line 29 */
    { "syntax_missing_comma",
      .edits = { "capacity_m3 = 40.0; } );",
                 "capacity_m3 = 40.0; } { id = \"big\"; capacity_t = 20.0; capacity_m3 = 80.0; } );" },
      .at = "\"big\"", .setting = "(syntax)" },

    /* missing, mistyped and out-of-range values */
    /* the setting does not exist, so the line is its group's */
    { "missing_required", .edits = { " weight_kg = 2.0;", "" },
      .at = "{ id = \"quilt\"", .setting = "items.quilt.weight_kg",
      .says = { "expected a number", "missing" } },
    { "missing_required_group", .edits = { "  village    = { speed_kmh = 25.0; cv = 0.0; };\n", "" },
      .at = "road_classes = {", .setting = "road_classes.village", .says = { "expected a group" } },
    /* the setting on a line of its own: the line is the setting's, not its group's */
    { "wrong_type_string_for_number",
      .edits = { "weight_kg = 2.0;", "\n    weight_kg = \"2.0\";\n   " },
      .at = "weight_kg = \"2.0\"", .setting = "items.quilt.weight_kg",
      .says = { "expected a number", "found a string" } },
    { "wrong_type_number_for_integer", .edits = { "trucks = 2;", "trucks = 2.5;" },
      .at = "trucks = 2.5;", .setting = "fleet.central.trucks",
      .says = { "expected an integer", "found a number" } },
    { "wrong_type_number_for_string", .edits = { "name = \"Drinking water\";", "name = 42;" },
      .at = "name = 42;", .setting = "items.water.name",
      .says = { "expected a string", "found an integer" } },
    { "speed_zero", .edits = { "speed_kmh = 25.0;", "speed_kmh = 0;" },
      .at = "speed_kmh = 0;", .setting = "road_classes.village.speed_kmh",
      .says = { "expected a positive number", "found 0" } },
    { "floor_negative", .edits = { "floor_m2 = 100.0;", "floor_m2 = -5;" },
      .at = "floor_m2 = -5;", .setting = "facilities.central.floor_m2",
      .says = { "expected a positive number", "found -5" } },
    { "unknown_setting", .edits = { "stack_height_m = 3.0;", "stack_heigth_m = 3.0;" },
      .at = "stack_heigth_m", .setting = "assumptions.stack_heigth_m",
      .says = { "stack_height_m", "unknown setting" } },
    { "unknown_setting_in_list_group", .edits = { "unit = \"case\";", "unti = \"case\";" },
      .at = "unti", .setting = "items.water.unti", .says = { "unit", "unknown setting" } },
    /* an error before a facility's kind is read leaves the kind -1 */
    { "unknown_setting_in_facility", .edits = { "floor_m2 = 50.0;", "flor_m2 = 50.0;" },
      .at = "flor_m2", .setting = "facilities.sc_east.flor_m2", .says = { "unknown setting" },
      .crash = "sim/config/system.c read_facility indexes fac_kinds[f->kind] with kind -1 "
               "(cfg_choice's error value) after an earlier error in the facility's group" },
    { "unknown_facility_kind", .edits = { "kind = \"subcentre\"; name", "kind = \"centre\"; name" },
      .at = "\"centre\"", .setting = "facilities.sc_east.kind",
      .says = { "expected one of central, subcentre", "\"centre\"" },
      .crash = "sim/config/system.c read_facility indexes fac_kinds[f->kind] with kind -1 "
               "(cfg_choice's error value) for an unknown kind" },

    /* references */
    { "unknown_road_node", .edits = { "via = [\"depot\", \"north\"];", "via = [\"depot\", \"nowhere\"];" },
      .at = "\"nowhere\"", .setting = "roads.[0].via.[1]", .says = { "\"nowhere\"" } },
    { "unknown_fleet_facility", .edits = { "{ id = \"central\"; truck", "{ id = \"centre\"; truck" },
      .at = "\"centre\"", .setting = "fleet.centre.id",
      .says = { "expected the id of a facility", "\"centre\"" } },
    { "unknown_truck_type", .edits = { "truck = \"medium\";", "truck = \"huge\";" },
      .at = "\"huge\"", .setting = "fleet.central.truck", .says = { "expected the id of a truck type" } },
    { "unknown_stock_item", .edits = { "water = 500.0; };", "water = 500.0; blanket = 1.0; };" },
      .at = "blanket", .setting = "facilities.central.stock.blanket",
      .says = { "expected the id of an item", "\"blanket\"" } },
    { "unknown_township", .edits = { "township = \"east\";", "township = \"west\";" },
      .at = "\"west\"", .setting = "facilities.sc_east.township",
      .says = { "expected the id of a township", "\"west\"" } },
    { "subcentre_of_wrong_kind",
      .edits = { "population = 2000.0; subcentre = \"sc_east\";",
                 "population = 2000.0; subcentre = \"central\";" },
      .at = "subcentre = \"central\"", .setting = "townships.east.subcentre",
      .says = { "expected the id of a sub-centre", "central" } },

    /* ids, roads, coordinates, storage */
    { "duplicate_item", .edits = { "{ id = \"water\";", "{ id = \"quilt\";" },
      .at = "{ id = \"quilt\"; name = \"Drinking", .setting = "items.quilt.id",
      .says = { "unique item id" }, .first_at = "{ id = \"quilt\"; name = \"Quilt\"" },
    /* the township (line 32) is first, the node (line 39) second */
    { "duplicate_node_and_township", .edits = { "{ id = \"depot\";", "{ id = \"north\";" },
      .at = "{ id = \"north\"; kind = \"facility\"", .setting = "nodes.north.id",
      .says = { "unique" } },
    { "duplicate_fleet_entry",
      .edits = { "trucks = 2; }\n",
                 "trucks = 2; },\n  { id = \"central\"; truck = \"medium\"; trucks = 3; }\n" },
      .at = "trucks = 3;", .setting = "fleet.central.id", .says = { "unique fleet id" } },
    { "road_to_itself", .edits = { "via = [\"east\", \"south\"];", "via = [\"east\", \"east\"];" },
      .at = "[\"east\", \"east\"]", .setting = "roads.[2].via.[1]",
      .says = { "two different nodes", "\"east\" to itself" } },
    { "road_one_node", .edits = { "via = [\"east\", \"south\"];", "via = [\"east\"];" },
      .at = "[\"east\"]", .setting = "roads.[2].via", .says = { "at least 2 node ids" } },
    { "latitude_out_of_range", .edits = { "lat = 34.10;", "lat = 95;" },
      .at = "lat = 95;", .setting = "townships.north.lat",
      .says = { "latitude in [-90, 90]", "found 95" } },
    /* 161.4 for 116.4: inside [-180, 180] but some 4000 km from the others */
    { "longitude_far_from_median",
      .edits = { "lon = 116.40; lat = 33.95;", "lon = 161.40; lat = 33.95;" },
      .at = "161.40", .setting = "nodes.depot.lon", .says = { "within 300 km", "161.40000" } },
    /* north sits about 17 km from the median point (116.40, 33.95) */
    { "spread_limit_is_a_setting",
      .edits = { "night_start_h = 19.0;", "night_start_h = 19.0; max_spread_km = 10.0;" },
      .at = "{ id = \"north\"", .setting = "townships.north.lon", .says = { "within 10 km" } },
    /* 3000 quilts x 0.05 + 500 cases x 0.02 = 160 m3 > 100 m2 x 0.5 x 3 m = 150 m3 */
    { "stock_too_large", .edits = { "quilt = 1000.0;", "quilt = 3000.0;" },
      .at = "quilt = 3000.0;", .setting = "facilities.central.stock",
      .says = { "150.0 m3", "found 160.0 m3" } },
    /* 1000 x 2 kg + 4900 x 10 kg = 51 t > 100 m2 x 0.5 x 1 t/m2 = 50 t (148 m3 fits) */
    { "stock_too_heavy", .edits = { "water = 500.0;", "water = 4900.0;" },
      .at = "water = 4900.0;", .setting = "facilities.central.stock",
      .says = { "50.0 t", "found 51.0 t" } },

    /* -D: the line of a -D is its position on the command line */
    { "set_unknown_path", .sets = { "fleet.central.trucks=3", "fleet.centrl.trucks=3" },
      .at_set = 2, .setting = "fleet.centrl.trucks", .says = { "'centrl'" } },
    { "set_wrong_type", .sets = { "fleet.central.trucks=abc" },
      .at_set = 1, .setting = "fleet.central.trucks", .says = { "expected an integer", "\"abc\"" } },
    { "set_not_a_float", .sets = { "road_classes.village.speed_kmh=fast" },
      .at_set = 1, .setting = "road_classes.village.speed_kmh", .says = { "expected a number" } },
    /* a -D value that parses but is out of range is reported at the -D */
    { "set_out_of_range", .sets = { "road_classes.village.speed_kmh=0" },
      .at_set = 1, .setting = "road_classes.village.speed_kmh",
      .says = { "expected a positive number" } },
    { "set_group_path", .sets = { "assumptions=1" },
      .at_set = 1, .setting = "assumptions", .says = { "single value", "a group" } },
    { "set_index_out_of_range", .sets = { "items.[2].weight_kg=1" },
      .at_set = 1, .setting = "items.[2].weight_kg", .says = { "'[2]'" } },
    { "set_without_equals", .sets = { "fleet.central.trucks" },
      .at_set = 1, .setting = "fleet.central.trucks", .says = { "PATH=VALUE" } },

    /* levers (config/README.md, "Levers"): a lever at the end of tiny.cfg */
#define LEVER_AFTER "  { id = \"central\"; truck = \"medium\"; trucks = 2; }\n);"
#define LEVER(text) LEVER_AFTER "\n" text
    { "lever_unknown_path",
      .edits = { LEVER_AFTER, LEVER("levers = ( { id = \"x\"; name = \"X\"; cost_yuan = 5.0; "
                 "cost_per = \"year\"; why = \"w\";\n  set = [ \"fleet.centrl.trucks = 3\" ]; } );") },
      .at = "fleet.centrl", .setting = "levers.x.set.[0]", .says = { "'centrl'", "-D" } },
    { "lever_negative_cost",
      .edits = { LEVER_AFTER, LEVER("levers = ( { id = \"x\"; name = \"X\"; cost_per = \"year\"; "
                 "why = \"w\";\n  cost_yuan = -5.0; set = [ \"fleet.central.trucks = 3\" ]; } );") },
      .at = "cost_yuan = -5.0", .setting = "levers.x.cost_yuan",
      .says = { "non-negative", "found -5" } },
    { "lever_duplicate_id",
      .edits = { LEVER_AFTER, LEVER("levers = (\n"
                 "  { id = \"x\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; set = [ \"fleet.central.trucks = 3\" ]; },\n"
                 "  { id = \"x\"; name = \"Y\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; set = [ \"items.quilt.weight_kg = 3.0\" ]; } );") },
      .at = "name = \"Y\"", .setting = "levers.x.id", .says = { "unique lever id", "\"x\"" },
      .first_at = "name = \"X\"" },
    { "lever_same_setting",
      .edits = { LEVER_AFTER, LEVER("levers = (\n"
                 "  { id = \"x\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; set = [ \"fleet.central.trucks = 3\" ]; },\n"
                 "  { id = \"y\"; name = \"Y\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; set = [ \"fleet.central = { }\" ]; } );") },
      .at = "name = \"Y\"", .setting = "levers.y.set.[0]",
      .says = { "fleet.central", "also changed by lever \"x\"" } },
    { "lever_once_without_life",
      .edits = { LEVER_AFTER, LEVER("lever_costs = { discount_rate = 0.08; };\n"
                 "levers = ( { id = \"x\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"once\"; why = \"w\"; set = [ \"fleet.central.trucks = 3\" ]; } );") },
      .at = "cost_per = \"once\"", .setting = "levers.x.life_years", .says = { "expected a number" } },
    { "lever_once_without_rate",
      .edits = { LEVER_AFTER, LEVER("levers = ( { id = \"x\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"once\"; life_years = 10.0; why = \"w\"; set = [ \"fleet.central.trucks = 3\" ]; } );") },
      .at = "cost_per = \"once\"", .setting = "levers.x.cost_per", .says = { "discount_rate", "once-only" } },
    { "lever_changes_nothing",
      .edits = { LEVER_AFTER, LEVER("levers = ( { id = \"x\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; } );") },
      .at = "id = \"x\"", .setting = "levers.x", .says = { "set = ", "protect" } },
    { "lever_bad_id",
      .edits = { LEVER_AFTER, LEVER("levers = ( { id = \"x+y\"; name = \"X\"; cost_yuan = 5.0; cost_per = \"year\"; why = \"w\"; set = [ \"fleet.central.trucks = 3\" ]; } );") },
      .at = "\"x+y\"", .setting = "levers.x+y.id", .says = { "letters, digits" } },
    /* vehicles: a second fleet needs its size, a pass factor is at most 1 */
    { "extra_fleet_without_size",
      .edits = { "trucks = 2; }\n", "trucks = 2; extra_truck = \"medium\"; }\n" },
      .at = "extra_truck", .setting = "fleet.central.extra_trucks", .says = { "second fleet" } },
    { "pass_factor_above_one",
      .edits = { "capacity_m3 = 40.0; }", "capacity_m3 = 40.0; passes = { water = 1.5; }; }" },
      .at = "water = 1.5", .setting = "truck_types.medium.passes.water", .says = { "(0, 1]", "1.5" } },
};

static void test_refusal(void **state)
{
    const struct refusal *r = *state;
    char path[64], err[ERRLEN], first[PATH_MAX + 32];
    assert_true(r->at || r->at_set > 0);
    edited = edit(tiny, r->edits);
    if (r->crash)
        no_crash(refuse_in_child(edited, r->sets, path, err), r->crash, err);
    else
        refuse(edited, r->sets, path, err);
    if (r->first_at)
        snprintf(first, sizeof first, "(first at %s:%d)", path, line_of(edited, r->first_at));
    if (r->at)
        expect_msg(err, path, line_of(edited, r->at), r->setting, r->says,
                   r->first_at ? first : NULL);
    else
        expect_msg(err, CMDLINE, r->at_set, r->setting, r->says, NULL);
}

/* ---- loads that must land values ---------------------------------------- */

/* libconfig makes the `;` after a setting optional, so a missing one is not an
 * error: the configuration loads with the same values. */
static void test_missing_semicolon_is_accepted(void **state)
{
    char *text = edit(tiny, LIST("weight_kg = 2.0;", "weight_kg = 2.0",
                                 "night_start_h = 19.0;", "night_start_h = 19.0"));
    struct definition *d = load_ok(text, NULL);
    (void)state;
    assert_near(d->items[item_index(d, "quilt")].weight_kg, 2.0);
    assert_near(d->items[item_index(d, "quilt")].volume_m3, 0.05);
    assert_near(d->night_start_h, 19.0);
    definition_free(d);
    free(text);
}

static void test_set_integer(void **state)
{
    struct definition *d = load_ok(tiny, LIST("fleet.central.trucks=7"));
    int c = fac_index(d, "central");
    (void)state;
    assert_int_equal(d->facilities[c].trucks, 7);
    assert_string_equal(d->truck_types[d->facilities[c].truck_type].id, "medium");
    assert_int_equal(d->facilities[fac_index(d, "sc_east")].trucks, 0);
    definition_free(d);
}

static void test_set_float(void **state)
{
    struct definition *d = load_ok(tiny, LIST("road_classes.village.speed_kmh=12.5"));
    (void)state;
    assert_near(d->road_classes[ROAD_VILLAGE].speed_kmh, 12.5);
    assert_near(d->road_classes[ROAD_COUNTY].speed_kmh, 40.0);
    assert_int_equal(d->roads[2].cls, ROAD_VILLAGE);
    assert_near(definition_road_minutes(d, 2), 48.0);      /* 10 km at 12.5 km/h */
    definition_free(d);
}

/* An integer stands for a number, as in a file. */
static void test_set_integer_into_float(void **state)
{
    struct definition *d = load_ok(tiny, LIST("road_classes.village.speed_kmh=20"));
    (void)state;
    assert_near(d->road_classes[ROAD_VILLAGE].speed_kmh, 20.0);
    definition_free(d);
}

static void test_set_string(void **state)
{
    const char *bare[] = { "items.quilt.name=Duvet", NULL };
    const char *quoted[] = { "items.quilt.name=\"Duvet\"", NULL };
    const char *spaced[] = { "items.quilt.name = \"Down duvet\"", NULL };
    struct definition *d;
    (void)state;
    d = load_ok(tiny, bare);
    assert_string_equal(d->items[item_index(d, "quilt")].name, "Duvet");
    assert_string_equal(d->items[item_index(d, "quilt")].name_zh, "棉被");
    definition_free(d);
    d = load_ok(tiny, quoted);
    assert_string_equal(d->items[item_index(d, "quilt")].name, "Duvet");
    definition_free(d);
    d = load_ok(tiny, spaced);
    assert_string_equal(d->items[item_index(d, "quilt")].name, "Down duvet");
    definition_free(d);
}

static void test_set_list_element(void **state)
{
    const char *by_index[] = { "items.[1].weight_kg=3.5", NULL };
    const char *by_id[] = { "items.water.weight_kg=3.5", NULL };
    struct definition *d;
    (void)state;
    d = load_ok(tiny, by_index);
    assert_string_equal(d->items[1].id, "water");
    assert_near(d->items[1].weight_kg, 3.5);
    assert_near(d->items[0].weight_kg, 2.0);
    definition_free(d);
    d = load_ok(tiny, by_id);
    assert_near(d->items[item_index(d, "water")].weight_kg, 3.5);
    assert_near(d->items[item_index(d, "quilt")].weight_kg, 2.0);
    definition_free(d);
}

static void test_set_last_wins(void **state)
{
    struct definition *d = load_ok(tiny, LIST("fleet.central.trucks=7", "fleet.[0].trucks=4"));
    (void)state;
    assert_int_equal(d->facilities[fac_index(d, "central")].trucks, 4);
    definition_free(d);
}

/* A once-only cost is annualised with the capital recovery factor: 1,000,000 over 10 years
 * at 8% is 1e6 x 0.08 x 1.08^10 / (1.08^10 - 1); 1.08^10 = 2.158924997, so the factor is
 * 0.08 x 2.158924997 / 1.158924997 = 0.149029489 and the year's cost 149,029.49.  At a rate
 * of 0 it is the straight share, 1e6 / 10.  Its upkeep, 20,000 a year, adds on: 169,029.49.
 * A yearly cost is its own. */
static void test_lever_annual_cost(void **state)
{
    const char *text_levers =
        "  { id = \"central\"; truck = \"medium\"; trucks = 2; }\n);\n"
        "lever_costs = { discount_rate = 0.08; };\n"
        "levers = ( { id = \"boats\"; name = \"Boats\"; cost_yuan = 1000000.0; cost_per = \"once\";\n"
        "             life_years = 10.0; upkeep_yuan = 20000.0; why = \"w\";\n"
        "             set = [ \"fleet.central.trucks = 3\" ]; },\n"
        "           { id = \"crews\"; name = \"Crews\"; cost_yuan = 50000.0; cost_per = \"year\";\n"
        "             cost_range = [40000.0, 60000.0]; why = \"w\";\n"
        "             set = [ \"facility_kinds.central.mobilise_night_min = 20.0\" ]; } );";
    char *text = edit(tiny, LIST("  { id = \"central\"; truck = \"medium\"; trucks = 2; }\n);",
                                 text_levers));
    struct definition *d = load_ok(text, NULL);
    (void)state;
    assert_int_equal(d->n_levers, 2);
    assert_string_equal(d->levers[0].id, "boats");
    assert_true(fabs(d->levers[0].annual_yuan - 169029.49) < 0.01);    /* + upkeep 20,000 */
    assert_near(d->levers[1].annual_yuan, 50000.0);
    assert_near(d->levers[1].cost_lo, 40000.0);
    assert_int_equal(d->levers[1].n_sets, 1);
    assert_near(definition_annualise(1e6, 0.0, 10.0), 1e5);
    definition_free(d);
    free(text);
}

/* ---- scenarios: base, merge, set ------------------------------------------ */

/* "../" for every folder in the working directory: prefixed to an absolute
 * path, it names the same file relative to the working directory. */
static char *relative_to_cwd(const char *abs)
{
    char cwd[PATH_MAX], *p;
    size_t n = 0;
    assert_non_null(getcwd(cwd, sizeof cwd));
    for (const char *c = cwd; *c; c++)
        n += *c == '/' && c[1] && c[1] != '/';
    p = malloc(3 * n + strlen(abs) + 1);
    assert_non_null(p);
    p[0] = '\0';
    while (n--)
        strcat(p, "../");
    strcat(p, abs + 1);
    return p;
}

static const char scenario_text[] =
    "# a scenario in its own folder, building on a base in a sibling folder\n"
    "name = \"flood\";\n"
    "base = \"../base/tiny.cfg\";\n"
    "assumptions = { usable_share = 0.6; };\n"
    "road_classes = { village = { speed_kmh = 15; }; };\n"
    "set = [\n"
    "  \"fleet.central.trucks = 5\",\n"
    "  \"items.water.weight_kg = 12.0\"\n"
    "];\n";

static void check_scenario(const struct definition *d, int trucks)
{
    int c = fac_index(d, "central");
    assert_string_equal(d->name, "flood");                           /* replaced */
    assert_string_equal(d->description, "Four townships around one depot; one of them has no road.");
    assert_near(d->usable_share, 0.6);                               /* merged into the group */
    assert_near(d->stack_height_m, 3.0);                             /* kept from the base */
    assert_near(d->floor_load_t_m2, 1.0);
    assert_near(d->facilities[c].capacity_m3, 100.0 * 0.6 * 3.0);
    assert_near(d->road_classes[ROAD_VILLAGE].speed_kmh, 15.0);      /* integer for a number */
    assert_near(d->road_classes[ROAD_VILLAGE].cv, 0.0);
    assert_near(d->road_classes[ROAD_NATIONAL].speed_kmh, 60.0);
    assert_near(d->items[item_index(d, "water")].weight_kg, 12.0);   /* from set */
    assert_int_equal(d->facilities[c].trucks, trucks);
    assert_int_equal(d->n_townships, 4);
    assert_int_equal(d->n_roads, 5);
}

static void test_scenario_relative_base(void **state)
{
    struct tree *t = &scratch;
    char cwd_base[PATH_MAX];
    const char *scen, *sets[] = { "fleet.central.trucks=9", NULL };
    struct definition *d;
    char *rel;
    (void)state;
    tree_init(t);
    tree_mkdir(t, "base");
    tree_mkdir(t, "scen");
    tree_file(t, "base/tiny.cfg", tiny);
    scen = tree_file(t, "scen/flood.cfg", scenario_text);
    /* the base must not be found by accident relative to the working directory */
    assert_non_null(getcwd(cwd_base, sizeof cwd_base));
    strcat(cwd_base, "/../base/tiny.cfg");
    assert_int_not_equal(access(cwd_base, F_OK), 0);

    d = load_file_ok(scen, NULL);
    check_scenario(d, 5);
    assert_string_equal(d->source_file, scen);
    definition_free(d);

    /* -D comes after the scenario's own set */
    d = load_file_ok(scen, sets);
    check_scenario(d, 9);
    definition_free(d);

    /* the scenario named by a path relative to the working directory */
    rel = relative_to_cwd(scen);
    d = load_file_ok(rel, sets);
    check_scenario(d, 9);
    assert_string_equal(d->source_file, rel);
    definition_free(d);
    free(rel);
    tree_done(t);
}

/* scen -> mid -> base: each base is found relative to the file that names it,
 * and the later file wins. */
static void test_scenario_chain(void **state)
{
    struct tree *t = &scratch;
    const char *scen;
    struct definition *d;
    (void)state;
    tree_init(t);
    tree_mkdir(t, "a");
    tree_mkdir(t, "a/b");
    tree_mkdir(t, "c");
    tree_file(t, "a/b/tiny.cfg", tiny);
    tree_file(t, "a/mid.cfg",
              "base = \"b/tiny.cfg\";\n"
              "assumptions = { usable_share = 0.7; stack_height_m = 4.0; };\n"
              "set = [ \"fleet.central.trucks = 3\", \"items.quilt.weight_kg = 2.5\" ];\n");
    scen = tree_file(t, "c/scen.cfg",
                     "base = \"../a/mid.cfg\";\n"
                     "assumptions = { usable_share = 0.8; };\n"
                     "set = [ \"fleet.central.trucks = 6\" ];\n");
    d = load_file_ok(scen, NULL);
    assert_near(d->usable_share, 0.8);
    assert_near(d->stack_height_m, 4.0);
    assert_near(d->items[item_index(d, "quilt")].weight_kg, 2.5);
    assert_int_equal(d->facilities[fac_index(d, "central")].trucks, 6);
    definition_free(d);
    tree_done(t);
}


/* A scenario over tiny.cfg, in a tree of files, that must be refused at one of
 * its own lines. */
struct scenario_refusal {
    const char *name;        /* the test's name, after "test_" */
    const char *base;        /* where tiny.cfg goes in the tree */
    const char *file;        /* where the scenario goes in the tree, */
    const char *text;        /* and its text */
    int line;                /* the scenario's line the error names */
    const char *setting;     /* the setting path the error names */
    const char *says[3];     /* what else the error must say */
    const char *as_in;       /* when the error quotes the base, "(as in BASE:LINE)": BASE
                              * as the scenario names it, from the tree's folder, */
    const char *as_in_at;    /* and text of tiny.cfg on LINE */
};

static const struct scenario_refusal scenario_refusals[] = {
    /* the base is in a sibling folder: the error quotes it as scen/../base/tiny.cfg */
    { "scenario_wrong_type", .base = "base/tiny.cfg", .file = "scen/s.cfg",
      .text = "base = \"../base/tiny.cfg\";\n"
              "assumptions = {\n"
              "  stack_height_m = \"tall\";\n"
              "};\n",
      .line = 3, .setting = "assumptions.stack_height_m",
      .says = { "expected a number", "found a string" },
      .as_in = "scen/../base/tiny.cfg", .as_in_at = "stack_height_m = 3.0;" },
    /* the same at the top level of the file */
    { "scenario_wrong_type_top", .base = "base/tiny.cfg", .file = "scen/s.cfg",
      .text = "base = \"../base/tiny.cfg\";\n"
              "\n"
              "name = 5;\n",
      .line = 3, .setting = "name", .says = { "expected a string", "found an integer" },
      .as_in = "scen/../base/tiny.cfg", .as_in_at = "name = \"tiny\";" },
    /* a value merged from a scenario is reported at the scenario's line */
    { "scenario_value_out_of_range", .base = "tiny.cfg", .file = "s.cfg",
      .text = "base = \"tiny.cfg\";\n"
              "road_classes = {\n"
              "  village = { speed_kmh = 0.0; };\n"
              "};\n",
      .line = 3, .setting = "road_classes.village.speed_kmh",
      .says = { "expected a positive number" } },
    /* a value set by the scenario's `set` is reported at the element's line */
    { "scenario_set_wrong_type", .base = "tiny.cfg", .file = "s.cfg",
      .text = "base = \"tiny.cfg\";\n"
              "set = [\n"
              "  \"fleet.central.trucks = 5\",\n"
              "  \"fleet.central.trucks = many\",\n"
              "  \"items.quilt.weight_kg = 2.5\"\n"
              "];\n",
      .line = 4, .setting = "fleet.central.trucks", .says = { "expected an integer", "\"many\"" } },
    /* the last element of a `set` written one per line */
    { "scenario_set_last_element_line", .base = "tiny.cfg", .file = "s.cfg",
      .text = "base = \"tiny.cfg\";\n"
              "set = [\n"
              "  \"fleet.central.trucks = 5\",\n"
              "  \"fleet.central.trucks = many\"\n"
              "\n"
              "];\n",
      .line = 4, .setting = "fleet.central.trucks", .says = { "expected an integer", "\"many\"" } },
    /* ... also when that last string goes on over two lines (libconfig joins them) */
    { "scenario_set_last_element_two_lines", .base = "tiny.cfg", .file = "s.cfg",
      .text = "base = \"tiny.cfg\";\n"
              "set = [\n"
              "  \"fleet.central.trucks = 5\",\n"
              "  \"fleet.central.trucks \n"
              "     = many\"\n"
              "];\n",
      .line = 5, .setting = "fleet.central.trucks", .says = { "expected an integer", "\"many\"" } },
};

/* Writes rel into the tree, making its folder first when it names one (one
 * level, not made before), and returns its full path. */
static const char *tree_place(struct tree *t, const char *rel, const char *text)
{
    const char *slash = strchr(rel, '/');
    char dir[64];
    if (slash) {
        assert_true(slash - rel < (ptrdiff_t)sizeof dir);
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - rel), rel);
        tree_mkdir(t, dir);
    }
    return tree_file(t, rel, text);
}

static void test_scenario_refusal(void **state)
{
    const struct scenario_refusal *r = *state;
    struct tree *t = &scratch;
    char err[ERRLEN], as_in[PATH_MAX + 64];
    const char *scen;
    tree_init(t);
    tree_place(t, r->base, tiny);
    scen = tree_place(t, r->file, r->text);
    assert_null(load_path(scen, NULL, err));
    if (r->as_in)
        snprintf(as_in, sizeof as_in, "(as in %s/%s:%d)", t->dir, r->as_in,
                 line_of(tiny, r->as_in_at));
    expect_msg(err, scen, r->line, r->setting, r->says, r->as_in ? as_in : NULL);
    tree_done(t);
}

/* A list given in a scenario replaces the base's whole list; errors inside it
 * name the scenario's lines. */
static void test_scenario_replaced_list(void **state)
{
    struct tree *t = &scratch;
    char err[ERRLEN];
    const char *scen;
    struct definition *d;
    (void)state;
    tree_init(t);
    tree_file(t, "tiny.cfg", tiny);
    scen = tree_file(t, "ok.cfg",
                     "base = \"tiny.cfg\";\n"
                     "fleet = ( { id = \"sc_east\"; truck = \"medium\"; trucks = 1; } );\n");
    d = load_file_ok(scen, NULL);
    assert_int_equal(d->facilities[fac_index(d, "central")].trucks, 0);
    assert_int_equal(d->facilities[fac_index(d, "sc_east")].trucks, 1);
    definition_free(d);
    scen = tree_file(t, "bad.cfg",
                     "base = \"tiny.cfg\";\n"
                     "fleet = (\n"
                     "  { id = \"sc_east\"; truck = \"medium\"; trucks = 1; },\n"
                     "  { id = \"nowhere\"; truck = \"medium\"; trucks = 1; }\n"
                     ");\n");
    assert_null(load_path(scen, NULL, err));
    expect_msg(err, scen, 4, "fleet.nowhere.id", LIST("expected the id of a facility"), NULL);
    tree_done(t);
}

static void test_base_missing(void **state)
{
    struct tree *t = &scratch;
    char err[ERRLEN], missing[PATH_MAX];
    const char *scen;
    (void)state;
    tree_init(t);
    tree_mkdir(t, "scen");
    tree_mkdir(t, "base");
    tree_file(t, "base/such.cfg", "name = \"x\";\n");
    scen = tree_file(t, "scen/s.cfg", "base = \"../base/nosuch.cfg\";\n");
    assert_null(load_path(scen, NULL, err));
    /* the base line that names it, as written, and the file there whose name is one
     * letter away */
    snprintf(missing, sizeof missing, "%s/scen/s.cfg:1: base: ", t->dir);
    if (strncmp(err, missing, strlen(missing)) || !strstr(err, "at ../base/nosuch.cfg, found no such file")
        || !strstr(err, "(did you mean ../base/such.cfg?)"))
        fail_msg("expected an error naming %s and ../base/such.cfg, found \"%s\"", missing, err);
    print_message("      refused as expected: %s\n", err);
    tree_done(t);
}

static void test_base_cycle(void **state)
{
    struct tree *t = &scratch;
    char err[ERRLEN];
    const char *scen;
    (void)state;
    tree_init(t);
    scen = tree_file(t, "loop.cfg", "base = \"loop.cfg\";\n");
    assert_null(load_path(scen, NULL, err));
    if (!strstr(err, "base: expected a chain of at most"))
        fail_msg("expected a cycle to be refused, found \"%s\"", err);
    tree_done(t);
}

static void test_file_missing(void **state)
{
    char err[ERRLEN];
    (void)state;
    assert_null(load_path("/tmp/supplysim_no_such_dir/x.cfg", NULL, err));
    assert_string_equal(err, "/tmp/supplysim_no_such_dir/x.cfg: expected a readable "
                        "configuration file, found no such file");
    print_message("      refused as expected: %s\n", err);
}

/* ---- tiny.cfg as written, and its coverage ---------------------------------- */

static void test_tiny_loads(void **state)
{
    struct definition *d = load_file_ok(TINY, NULL);
    int c, s;
    (void)state;
    assert_string_equal(d->name, "tiny");
    assert_string_equal(d->source_file, TINY);
    assert_int_equal(d->n_townships, 4);
    assert_int_equal(d->n_nodes, 5);
    assert_int_equal(d->n_roads, 5);
    assert_int_equal(d->n_items, 2);
    assert_int_equal(d->n_facilities, 2);
    assert_near(d->max_spread_km, 300.0);                     /* the default */
    c = fac_index(d, "central");
    s = fac_index(d, "sc_east");
    assert_int_equal(d->facilities[c].kind, FAC_CENTRAL);
    assert_int_equal(d->facilities[c].township, -1);
    assert_int_equal(d->facilities[c].bays, 2);               /* from facility_kinds */
    assert_near(d->facilities[c].mobilise_night_min, 40.0);
    assert_near(d->facilities[c].capacity_m3, 150.0);         /* 100 x 0.5 x 3 */
    assert_near(d->facilities[c].capacity_t, 50.0);           /* 100 x 0.5 x 1 */
    assert_near(definition_stock_m3(d, c), 60.0);                    /* 1000 x 0.05 + 500 x 0.02 */
    assert_near(definition_stock_t(d, c), 7.0);                      /* 1000 x 2 + 500 x 10 kg */
    assert_int_equal(d->facilities[s].kind, FAC_SUBCENTRE);
    assert_int_equal(d->facilities[s].bays, 1);
    assert_int_equal(d->facilities[s].truck_type, -1);
    assert_string_equal(d->townships[d->facilities[s].township].id, "east");
    assert_int_equal(d->townships[0].subcentre, s);
    assert_int_equal(d->townships[3].subcentre, -1);
    definition_free(d);
}

/*
 * Free-flow minutes by hand (km / speed x 60):
 *   N1 depot-north national   30 km at 60 km/h = 30 min
 *   C1 depot-east  county     20 km at 40      = 30
 *   V1 east-south  village    10 km at 25      = 24
 *   P1 depot-south provincial 50 km at 50      = 60
 *   E1 north-east  expressway 40 km at 80      = 30
 * Central (at depot):  north 30, east 30, south min(60, 30 + 24) = 54.
 * Sub-centre (at east): north min(E1 30, C1+N1 60) = 30, east 0, south 24.
 * Island has no road: INFINITY from both, reached = 0.
 */
static void test_coverage_tiny(void **state)
{
    static const struct { const char *id; double central, sub; } want[] = {
        { "north", 30.0, 30.0 }, { "east", 30.0, 0.0 }, { "south", 54.0, 24.0 },
    };
    static const double road_min[] = { 30.0, 30.0, 24.0, 60.0, 30.0 };
    struct definition *d = load_file_ok(TINY, NULL);
    struct net *n;
    struct coverage_row rows[4];
    int c, s, i;
    (void)state;
    c = fac_index(d, "central");
    s = fac_index(d, "sc_east");
    for (i = 0; i < 5; i++)
        assert_near(definition_road_minutes(d, i), road_min[i]);
    n = coverage_network(d);
    assert_non_null(n);
    assert_int_equal(net_n_nodes(n), 5);
    assert_int_equal(net_n_roads(n), 5);
    assert_int_equal(coverage_table(d, n, rows), 0);
    for (i = 0; i < 3; i++) {
        assert_int_equal(rows[i].township, i);
        assert_string_equal(d->townships[i].id, want[i].id);
        assert_int_equal(rows[i].central, c);
        assert_near(rows[i].central_min, want[i].central);
        assert_int_equal(rows[i].subcentre, s);
        assert_near(rows[i].subcentre_min, want[i].sub);
        assert_int_equal(rows[i].reached, 1);
    }
    assert_string_equal(d->townships[3].id, "island");
    assert_int_equal(rows[3].township, 3);
    assert_int_equal(rows[3].central, -1);
    assert_true(isinf(rows[3].central_min) && rows[3].central_min > 0);
    assert_int_equal(rows[3].subcentre, -1);
    assert_true(isinf(rows[3].subcentre_min) && rows[3].subcentre_min > 0);
    assert_int_equal(rows[3].reached, 0);
    net_free(n);
    definition_free(d);
}

/* A -D speed change moves the coverage: village road at 12.5 km/h takes 48 min,
 * so south from the depot is min(60, 30 + 48) = 60. */
static void test_coverage_after_set(void **state)
{
    struct definition *d = load_file_ok(TINY, LIST("road_classes.village.speed_kmh=12.5"));
    struct net *n;
    struct coverage_row rows[4];
    (void)state;
    n = coverage_network(d);
    assert_non_null(n);
    assert_int_equal(coverage_table(d, n, rows), 0);
    assert_near(rows[2].central_min, 60.0);
    assert_near(rows[2].subcentre_min, 48.0);
    net_free(n);
    definition_free(d);
}

static int setup(void **state)
{
    (void)state;
    tiny = slurp(TINY);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(tiny);
    return 0;
}


#define T(f) cmocka_unit_test_teardown(f, cleanup)

/* The tests that are functions of their own. */
static const struct CMUnitTest by_hand[] = {
    T(test_missing_semicolon_is_accepted),
    T(test_set_integer),
    T(test_set_float),
    T(test_set_integer_into_float),
    T(test_set_string),
    T(test_set_list_element),
    T(test_set_last_wins),
    T(test_lever_annual_cost),
    T(test_scenario_relative_base),
    T(test_scenario_chain),
    T(test_scenario_replaced_list),
    T(test_base_missing),
    T(test_base_cycle),
    T(test_file_missing),
    T(test_tiny_loads),
    T(test_coverage_tiny),
    T(test_coverage_after_set),
};

#define N_REFUSALS (sizeof refusals / sizeof refusals[0])
#define N_SCENARIO_REFUSALS (sizeof scenario_refusals / sizeof scenario_refusals[0])
#define N_ROWS (N_REFUSALS + N_SCENARIO_REFUSALS)

/* The test of one table row, named "test_" and the row's name (written to name). */
static struct CMUnitTest row_test(char *name, size_t size, const char *row_name,
                                  CMUnitTestFunction f, const void *row)
{
    snprintf(name, size, "test_%s", row_name);
    return (struct CMUnitTest){ name, f, NULL, cleanup, (void *)row };
}

int main(void)
{
    static char names[N_ROWS][64];
    struct CMUnitTest tests[N_ROWS + sizeof by_hand / sizeof by_hand[0]];
    size_t n = 0;
    for (size_t i = 0; i < N_REFUSALS; i++, n++)
        tests[n] = row_test(names[n], sizeof names[n], refusals[i].name, test_refusal,
                            &refusals[i]);
    for (size_t i = 0; i < N_SCENARIO_REFUSALS; i++, n++)
        tests[n] = row_test(names[n], sizeof names[n], scenario_refusals[i].name,
                            test_scenario_refusal, &scenario_refusals[i]);
    memcpy(tests + n, by_hand, sizeof by_hand);
    return cmocka_run_group_tests(tests, setup, teardown);
}
