/*
 * test_roadinfo.c -- road information (sim/MODEL.md, "Road information"): what the
 * dispatch centre and the drivers know of closed and slowed roads under run.road_info
 * "reported", against "perfect", on the network of tests/data/hand.cfg with the outcome
 * worked out by hand in the comment above each assertion; and common random numbers
 * across the two settings.
 *
 *   depot --A county 10 km-- j1 --B county 10 km-- t1 --last mile 5 km-- village
 *     \                        \--C national 30 km--/
 *      \--------------D provincial 50 km-----------/
 *
 * Free-flow minutes: A 15, B 15, C 30, D 60, last mile 12; depot -> village: A + B +
 * last mile = 42 (A + C + last 57, D + last 72).  Nothing is random (cv 0, load_cv 0).
 * Every scenario here: the site occurs at 30, reported 20 min later (request at 50, by
 * day); the store's crews are ready at 50 + 20 = 70; 100 people x 1 quilt = 0.2 t,
 * loaded in 10 + 5 x 0.2 = 11: the truck leaves the depot at 81.  With perfect
 * information and no damage it arrives at 81 + 42 = 123: response 93; causes report 20,
 * mobilisation 20, loading 11, travel 42.
 *
 * Scenarios are written to a temporary file that names hand.cfg (absolute path) as
 * its base, and loaded through cfg_load + cfg_definition, as the command line does.
 * Tests run from the repository root.
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
#include <unistd.h>

#include "config/config.h"
#include "model/model.h"
#include "model/routes.h"
#include "model/state.h"

#define BASE "tests/data/hand.cfg"
#include "hand_sim.h"

#define SITE "{ township = \"t1\"; village_km = 5.0; occur_min = 30.0; report_min = 20.0; " \
             "displaced = 100.0; }"

/* hand.cfg with the run's settings `run` (road_info and any more), more settings (road
 * classes' reporting delays), the sites (NULL: the one above) and the road damage: the
 * disaster's road_damage rules, or when damage starts with '=' the rest of it as the
 * disaster's other settings. */
static struct sim *sim_open_run(const char *run, const char *more, const char *sites,
                                const char *damage)
{
    char text[8192];
    int n = snprintf(text, sizeof text, "%s\nrun = { replications = 1; horizon_h = 72.0; %s };\n"
                     "disaster = {\n  sites = ( %s );\n  %s%s%s\n};\n", more ? more : "", run,
                     sites ? sites : SITE, *damage == '=' ? "" : "road_damage = ( ",
                     damage + (*damage == '='), *damage == '=' ? "" : " );");
    assert_true(n > 0 && (size_t)n < sizeof text);
    return sim_text(text);
}

/* The same with road_info = info and nothing else in the run. */
static struct sim *sim_open_sites(const char *info, const char *more, const char *sites,
                                  const char *damage)
{
    char run[64];
    snprintf(run, sizeof run, "road_info = \"%s\";", info);
    return sim_open_run(run, more, sites, damage);
}

static struct sim *sim_open(const char *info, const char *more, const char *damage)
{
    return sim_open_sites(info, more, NULL, damage);
}

/* Opens and runs replication 0. */
static struct sim *run1(const char *info, const char *more, const char *damage)
{
    struct sim *s = sim_open(info, more, damage);
    sim_run_traced(s, 0, 1);
    return s;
}

/* The response and the journey's causes: travel and road delays (the time before
 * the truck leaves is report 20, mobilisation 20, loading 11 in every case here). */
static void expect(const struct sim *s, const char *what, double response, double travel,
                   double road)
{
    char buf[160];
    snprintf(buf, sizeof buf, "%s: response", what);
    assert_minutes(buf, s->res.response[0], response);
    snprintf(buf, sizeof buf, "%s: travel", what);
    assert_minutes(buf, cause(s, 0, CAUSE_TRAVEL), travel);
    snprintf(buf, sizeof buf, "%s: road delays", what);
    assert_minutes(buf, cause(s, 0, CAUSE_ROAD), road);
    snprintf(buf, sizeof buf, "%s: reporting, mobilisation, loading", what);
    assert_minutes(buf, cause(s, 0, CAUSE_REPORT) + cause(s, 0, CAUSE_MOBILISE) + cause(s, 0, CAUSE_LOAD),
                   51.0);
}

/* Closures the centre hears of only at 200 (county and national roads). */
#define LATE_NEWS "road_classes = { county = { damage_report_min = 200.0; }; national = { damage_report_min = 200.0; }; };"

/* A truck meets a closure it did not know of, turns back and takes the detour.
 * B and C are closed from 0 for good; the centre hears of them at 200.
 *   perfect: at 81 the truck knows; it plans D + last mile = 72: arrival 153, response
 *     123; road delays = the detour 72 - 42 = 30; travel 42.
 *   reported: at 81 nothing is known: it plans A + B + last mile (42) and drives A
 *     (15): j1 at 96.  It reaches B: closed.  Learnt (the centre too), it plans anew on
 *     what is known: C + last mile (42 from j1; back by A and D would be 15 + 60 + 12 =
 *     87).  It reaches C: closed.  Learnt, it plans A + D + last mile = 87 and turns
 *     back: the depot at 111, t1 at 171, the village at 183: response 153.  It drove A
 *     twice, D and the last mile: 15 + 15 + 60 + 12 = 102 free-flow minutes where 42
 *     was the shortest: road delays 60 (the detour and the turn-back), travel 42
 *     (183 - 81 = 102 on the road in all). */
static void turn_back(void **state)
{
    (void)state;
    const char *damage = "{ road = \"B\"; from_min = 0.0; }, { road = \"C\"; from_min = 0.0; }";
    struct sim *s = run1("perfect", LATE_NEWS, damage);
    expect(s, "perfect", 123.0, 42.0, 30.0);
    assert_minutes("perfect: detours", cause(s, 0, CAUSE_DETOUR), 30.0);
    sim_close(s);
    s = run1("reported", LATE_NEWS, damage);
    expect(s, "reported", 153.0, 42.0, 60.0);
    assert_minutes("reported: detours and turn-backs", cause(s, 0, CAUSE_DETOUR), 60.0);
    assert_minutes("loaded", s->res.trace[0].loaded, 81.0);
    assert_minutes("arrived", s->res.trace[0].arrived, 183.0);
    /* what the driver learnt the centre knows at once: both closures from 96 */
    assert_minutes("B known from", s->r->known_from[0], 96.0);
    assert_minutes("C known from", s->r->known_from[1], 96.0);
    assert_minutes("B's report", s->r->told_from[0], 200.0);
    sim_close(s);
}

/* A slow-down is learnt by driving it.  B slowed to 0.3 of its speed from 0 (15 / 0.3 =
 * 50 min); the centre hears of it at 200.
 *   perfect: A + C + last mile = 57 < A + B + last = 15 + 50 + 12 = 77: arrival 138,
 *     response 108; road delays = the detour 15.
 *   reported: it plans A + B + last mile on free-flow minutes and drives B slowly:
 *     arrival 81 + 77 = 158, response 128; road delays = B's extra 50 - 15 = 35; the
 *     centre knows the slow-down from 96, when the truck drove onto B. */
static void slow_down_driven(void **state)
{
    (void)state;
    const char *damage = "{ road = \"B\"; factor = 0.3; from_min = 0.0; }";
    struct sim *s = run1("perfect", LATE_NEWS, damage);
    expect(s, "perfect", 108.0, 42.0, 15.0);
    sim_close(s);
    s = run1("reported", LATE_NEWS, damage);
    expect(s, "reported", 128.0, 42.0, 35.0);
    assert_minutes("slowed", cause(s, 0, CAUSE_SLOWED), 35.0);
    assert_minutes("B known from", s->r->known_from[0], 96.0);
    sim_close(s);
}

/* Waiting for news of a reopening.  The last mile is closed from 0 to 150; the centre
 * knows the closure at once (village damage_report_min 0) and its end 60 min late.
 *   perfect: the truck, loaded at 81, waits at the depot (no route) until 150, then
 *     drives 42: arrival 192, response 162; road delays = the wait 69.
 *   reported: it waits at the depot, where it cannot see the last mile, until the
 *     reopening is reported at 210: arrival 252, response 222; road delays = the wait
 *     210 - 81 = 129, of which 210 - 150 = 60 with a way open that nobody knew of:
 *     waiting for a road to reopen 69, detours and turn-backs (time lost to learning
 *     late) 60. */
static void news_of_reopening(void **state)
{
    (void)state;
    const char *more = "road_classes = { village = { damage_report_min = 0.0; reopen_report_min = 60.0; }; };";
    const char *damage = "{ road = \"last mile\"; from_min = 0.0; duration_min = 150.0; }";
    struct sim *s = run1("perfect", more, damage);
    expect(s, "perfect", 162.0, 42.0, 69.0);
    sim_close(s);
    s = run1("reported", more, damage);
    expect(s, "reported", 222.0, 42.0, 129.0);
    assert_minutes("waiting for the water", cause(s, 0, CAUSE_WAIT), 69.0);
    assert_minutes("waiting for news: learning late", cause(s, 0, CAUSE_DETOUR), 60.0);
    assert_minutes("not knowing", s->r->ship[0].news_wait, 60.0);
    assert_minutes("waiting in all", s->r->ship[0].road_wait, 129.0);
    sim_close(s);
}

/* A driver waiting where the road starts sees it reopen.  The last mile closes at 100
 * and reopens at 200; the centre would hear of the reopening only at 260.
 *   Both settings: the truck leaves at 81 (nothing closed yet) on A, B, last mile: j1 at
 *   96, t1 at 111, where the last mile is closed; no other way: it waits at t1.  With
 *   perfect information it sets off when the road reopens; with reported information
 *   the driver standing at it sees it reopen at 200 and the centre learns it from him:
 *   arrival 212, response 182, road delays = the wait 89, all of it for the water. */
static void waiting_driver_sees(void **state)
{
    (void)state;
    const char *more = "road_classes = { village = { damage_report_min = 0.0; reopen_report_min = 60.0; }; };";
    const char *damage = "{ road = \"last mile\"; from_min = 100.0; duration_min = 100.0; }";
    struct sim *s = run1("perfect", more, damage);
    expect(s, "perfect", 182.0, 42.0, 89.0);
    sim_close(s);
    s = run1("reported", more, damage);
    expect(s, "reported", 182.0, 42.0, 89.0);
    assert_minutes("not knowing", s->r->ship[0].news_wait, 0.0);
    assert_minutes("reopening known", s->r->known_until[0], 200.0);
    sim_close(s);
}

/* A reporting delay of zero differs from perfect information only by trucks already
 * on the road when a road changes: with perfect information a truck hears of a
 * closure ahead at once and re-plans at the next node; with reported information it
 * learns only what it meets, although the centre knows the closure at once.
 * B is closed from 0 to 500; the last mile closes at 90 (the truck left at 81) until
 * 600.  No reporting delays (none configured).
 *   perfect: at 81 it plans A + C + last mile (57); at j1 (96) it knows the last mile
 *     is closed: no route, it waits at j1.  B reopens at 500 (still no route); at 600 it
 *     leaves j1 on B + last mile (27): arrival 627, response 597; road delays = the
 *     wait 600 - 96 = 504 (it drove A, B, last mile: the free-flow route).
 *   reported, delay 0: at j1 it sees only C, open, and drives on: t1 at 126, where it
 *     meets the closed last mile; no known way: it waits at t1 until 600 (the report
 *     and the driver's sight at once): arrival 612, response 582; road delays = the
 *     wait 600 - 126 = 474 + the detour A + C + last mile = 57 - 42 = 15: 489.
 * When no truck is on the road at any change, both settings give the same results:
 * the last mile closed 0 to 150 (the truck waits at the depot from 81 until 150), B
 * closed from 0 for good (A + C + last mile), A and D closed 0 to 150 (the truck waits
 * at the depot, then A + B + last mile). */
static void zero_delay(void **state)
{
    (void)state;
    const char *moving = "{ road = \"B\"; from_min = 0.0; duration_min = 500.0; },\n"
                         "{ road = \"last mile\"; from_min = 90.0; duration_min = 510.0; }";
    struct sim *s = run1("perfect", NULL, moving);
    expect(s, "perfect", 597.0, 42.0, 504.0);
    sim_close(s);
    s = run1("reported", NULL, moving);
    expect(s, "reported", 582.0, 42.0, 489.0);
    assert_minutes("waiting at t1", cause(s, 0, CAUSE_WAIT), 474.0);
    assert_minutes("the detour by C", cause(s, 0, CAUSE_DETOUR), 15.0);
    sim_close(s);
    static const struct { const char *damage; double response, road; } same[] = {
        { "{ road = \"last mile\"; from_min = 0.0; duration_min = 150.0; }", 162.0, 69.0 },
        { "{ road = \"B\"; from_min = 0.0; }", 108.0, 15.0 },
        { "{ road = \"D\"; from_min = 0.0; duration_min = 150.0; },\n"
          "{ road = \"A\"; from_min = 0.0; duration_min = 150.0; }", 162.0, 69.0 },
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        struct sim *p = run1("perfect", NULL, same[i].damage);
        struct sim *q = run1("reported", NULL, same[i].damage);
        char what[64];
        snprintf(what, sizeof what, "no truck on the road, case %zu", i);
        expect(p, what, same[i].response, 42.0, same[i].road);
        for (int c = 0; c < CAUSES; c++)
            assert_true(p->res.cause[c] == q->res.cause[c]);
        assert_true(p->res.response[0] == q->res.response[0]);
        assert_true(p->res.fill[0] == q->res.fill[0]);
        sim_close(p);
        sim_close(q);
    }
}

/* A site no store can reach: its last mile closed throughout the run (disaster.close).
 * The dispatcher sends a truck all the same (every store is cut off, so the best is the
 * one with the least free-flow minutes); it waits at the depot to the horizon.  The time
 * after the request (50) is the cause "unreachable": 4320 - 50 = 4270; reporting 20;
 * nothing else.  Closed by the hazard from 0 instead, to the end of the run, the site is
 * reachable at free flow and the time is the truck's: mobilisation 20, loading 11,
 * road delays 4320 - 81 = 4239, all of it waiting for a road to reopen. */
static void unreachable(void **state)
{
    (void)state;
    static const char *const info[] = { "perfect", "reported" };
    for (int i = 0; i < 2; i++) {
        struct sim *s = run1(info[i], NULL, "= close = [\"last mile\"];");
        assert_true(isinf(s->res.response[0]));
        assert_minutes("unreachable", cause(s, 0, CAUSE_UNREACHABLE), 4270.0);
        assert_minutes("reporting", cause(s, 0, CAUSE_REPORT), 20.0);
        for (int c = 0; c < CAUSES; c++)
            assert_true(c == CAUSE_UNREACHABLE || c == CAUSE_REPORT || cause(s, 0, c) == 0);
        sim_close(s);
        s = run1(info[i], NULL, "{ road = \"last mile\"; from_min = 0.0; }");
        assert_minutes("not unreachable", cause(s, 0, CAUSE_UNREACHABLE), 0.0);
        assert_minutes("road delays", cause(s, 0, CAUSE_ROAD), 4239.0);
        assert_minutes("waiting", cause(s, 0, CAUSE_WAIT), 4239.0);
        sim_close(s);
    }
}

/* Vehicles that pass damaged roads (sim/MODEL.md, "Vehicles that pass damaged roads"):
 * a boat (8 t, like the truck, so that loading is the same 11 min; on a road closed by
 * water it keeps 0.6 of the road's speed: B takes 15 / 0.6 = 25 min) plans on what the
 * centre knows, with its own passes applied to it, and learns on the road what any
 * driver learns. */
#define TYPES "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; },\n" \
              "  { id = \"boat\"; capacity_t = 8.0; capacity_m3 = 40.0; passes = { water = 0.6; }; } );\n"
#define BOAT TYPES "fleet = ( { id = \"central\"; truck = \"boat\"; trucks = 1; } );\n"

/* A closure by water the centre knows of at once (no reporting delays configured): B
 * from 0.  The truck (medium) plans around it: A + C + last mile = 57, arrival 138,
 * response 108, road delays the detour 57 - 42 = 15.  The boat plans on the known
 * closure at its own factor: A + B (25) + last mile = 52 < 57: arrival 133, response
 * 103; road delays = B's extra 25 - 15 = 10, no detour; the same under perfect
 * information.
 * Then the last mile closed too, by fallen trees (which boats do not pass), from 0 to
 * 200, the closure reported at 200 and the reopening 60 min after it:
 *   reported: the boat plans A + B + last mile (52) on what is known and reaches t1 at
 *     81 + 15 + 25 = 121; the last mile is closed to it: learnt there (the centre knows it
 *     from 121), no known way, it waits at t1, where it sees the road reopen at 200:
 *     arrival 212, response 182; road delays = the wait 79 (all for the trees) + B's 10.
 *   perfect: at 81 the boat knows the last mile is closed: no way, it waits at the depot
 *     until 200, then 52: arrival 252, response 222; road delays 119 + 10 = 129. */
static void boat_plans_on_what_is_known(void **state)
{
    (void)state;
    const char *water = "{ road = \"B\"; cause = \"water\"; from_min = 0.0; }";
    struct sim *s = run1("reported", TYPES, water);
    expect(s, "truck, water known", 108.0, 42.0, 15.0);
    assert_minutes("truck: the detour", cause(s, 0, CAUSE_DETOUR), 15.0);
    sim_close(s);
    static const char *const info[] = { "reported", "perfect" };
    for (int i = 0; i < 2; i++) {
        s = run1(info[i], BOAT, water);
        expect(s, info[i], 103.0, 42.0, 10.0);
        assert_minutes("boat: B slowed, no detour", cause(s, 0, CAUSE_SLOWED), 10.0);
        sim_close(s);
    }
    const char *trees = "{ road = \"B\"; cause = \"water\"; from_min = 0.0; },\n"
                        "{ road = \"last mile\"; cause = \"trees\"; from_min = 0.0; duration_min = 200.0; }";
    const char *late = BOAT "road_classes = { village = { damage_report_min = 200.0; reopen_report_min = 60.0; }; };";
    s = run1("reported", late, trees);
    expect(s, "boat, trees learnt at t1", 182.0, 42.0, 89.0);
    assert_minutes("boat: waiting for the trees", cause(s, 0, CAUSE_WAIT), 79.0);
    assert_minutes("the trees known from", s->r->known_from[1], 121.0);
    assert_minutes("their end known from", s->r->known_until[1], 200.0);
    sim_close(s);
    s = run1("perfect", late, trees);
    expect(s, "boat, perfect, waits at the depot", 222.0, 42.0, 129.0);
    assert_minutes("boat: waiting", cause(s, 0, CAUSE_WAIT), 119.0);
    sim_close(s);
}

/* The dispatcher chooses a store's fleet on what it knows.  The depot has a truck and,
 * as its second fleet, a boat (the same capacity: both estimates load a full 8 t in 10 +
 * 5 x 8 = 50).  B closed by water from 0:
 *   perfect: boat 52 against truck 57 minutes on the road: the boat, response 103;
 *   reported, the closure heard of at 200: both estimates are on free-flow roads (42),
 *     a tie, which goes to the main fleet: the truck leaves at 81, reaches B at 96,
 *     learns it is closed and goes on by C: t1 at 126, the village at 138, response 108,
 *     road delays the detour 15;
 *   reported, heard of at once: as perfect, the boat. */
static void fleet_chosen_on_what_is_known(void **state)
{
    (void)state;
    const char *both = TYPES "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 1; "
                       "extra_truck = \"boat\"; extra_trucks = 1; } );";
    char late[512];
    snprintf(late, sizeof late, "%s%s", both, LATE_NEWS);
    const char *water = "{ road = \"B\"; cause = \"water\"; from_min = 0.0; }";
    struct sim *s = run1("perfect", late, water);
    expect(s, "perfect: the boat", 103.0, 42.0, 10.0);
    assert_int_equal(s->r->ship[0].fleet, 1);
    sim_close(s);
    s = run1("reported", late, water);
    expect(s, "reported late: the truck", 108.0, 42.0, 15.0);
    assert_int_equal(s->r->ship[0].fleet, 0);
    assert_minutes("B known from", s->r->known_from[0], 96.0);
    sim_close(s);
    s = run1("reported", both, water);
    expect(s, "reported at once: the boat", 103.0, 42.0, 10.0);
    assert_int_equal(s->r->ship[0].fleet, 1);
    sim_close(s);
}

/* The same choice with no room for kept searches (a budget of one byte): every
 * search but the one in use is dropped as soon as another is made.  The dispatcher's
 * search from the request must survive its asking the boat's minutes (a search on the
 * boat's roads): the same answers as above, and nothing read after it was freed
 * (AddressSanitizer in the test build). */
static void fleet_chosen_with_no_room(void **state)
{
    (void)state;
    const char *both = TYPES "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 1; "
                       "extra_truck = \"boat\"; extra_trucks = 1; } );";
    const char *water = "{ road = \"B\"; cause = \"water\"; from_min = 0.0; }";
    const char *info[] = { "perfect", "reported" };
    for (int i = 0; i < 2; i++) {
        struct sim *s = sim_open(info[i], both, water);
        routes_set_budget(s->r->routes, 1);
        sim_run_traced(s, 0, 1);
        expect(s, info[i], 103.0, 42.0, 10.0);
        assert_int_equal(s->r->ship[0].fleet, 1);
        sim_close(s);
    }
}

/* The flood with a boat at every township point as its second fleet, its kept
 * searches given one byte of room: every search but the one in use is dropped as soon
 * as another is made.  The dispatcher holds its search from the request while it asks
 * the boats' minutes (searches on the boats' roads, sharing the budget): nothing is read
 * after it was freed (AddressSanitizer in the test build), and every site's response and
 * causes are those of the default budget -- what is kept saves work, never changes it,
 * nor does the shorter way searches are grown once one has been dropped (routes_grow_min:
 * 20 minutes past a search's frontier for the tight one, 40 for the roomy one, which
 * never drops one). */
static void flood_with_no_room(void **state)
{
    (void)state;
    const char *sets[] = { "facility_kinds.township.extra_truck=\"assault_boat\"",
                           "facility_kinds.township.extra_trucks=1" };
    char err[ERRLEN];
    struct cfg *c = cfg_load("scenarios/flood.cfg", sets, 2, LANG_EN, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    cfg_free(c);
    if (!d)
        fail_msg("loading the flood: %s", err);
    struct model *m = model_create(d);
    assert_non_null(m);
    struct rep *roomy = rep_create(m), *tight = rep_create(m);
    assert_non_null(roomy);
    assert_non_null(tight);
    routes_set_budget(tight->routes, 1);
    struct rep_result a, b;
    assert_int_equal(result_init(&a, d), 0);
    assert_int_equal(result_init(&b, d), 0);
    for (long k = 0; k < 6; k++) {
        assert_int_equal(rep_run(roomy, k, 0, &a, err, sizeof err), 0);
        assert_int_equal(rep_run(tight, k, 0, &b, err, sizeof err), 0);
        for (int i = 0; i < d->n_sites; i++)
            assert_memory_equal(&a.response[i], &b.response[i], sizeof(double));
        assert_memory_equal(a.cause, b.cause, (size_t)d->n_sites * CAUSES * sizeof(double));
    }
    assert_true(routes_grow_min(roomy->routes) == ROUTES_GROW_MIN);
    assert_true(routes_grow_min(tight->routes) == ROUTES_GROW_MIN_DROPPING);
    result_free(&a);
    result_free(&b);
    rep_free(roomy);
    rep_free(tight);
    model_free(m);
    definition_free(d);
}

/* Stock sent ahead on a warning travels before onset, on roads no hazard has touched
 * yet: road information changes nothing there and draws nothing for it.  A warning 120
 * min before onset: the depot's crews are called out at -120 (8:00, by day: ready at
 * -100) and it sends 20 people's kits (20 quilts, 0.04 t) to the site's village: loaded
 * in 10 + 5 x 0.04 = 10.2, at -89.8; there at -89.8 + 42 = -47.8, before the disaster
 * (30): response 0.  B closes at 0, heard of at 200.  The rest, 80 quilts (0.16 t), goes
 * when the request comes at 50, on the truck home since 4.2: loaded 50 + 10.8 = 60.8;
 * perfect: A + C + last mile (57); reported: A, B found closed at j1, then C + last mile
 * (the same 57): arrival 117.8, fill 87.8 either way.
 * With random loading and travel (load_cv and cv 0.3, B's closure at a random time),
 * the shipment sent ahead is the same under both settings in every replication, and the
 * stream it draws from (`ahead`) is left in the same state. */
static void ahead_before_onset(void **state)
{
    (void)state;
    const char *ahead = "= warning_min = 120.0;\n"
                        "  preposition = ( { from = \"central\"; to = \"sites\"; kits = 20.0; } );\n"
                        "  road_damage = ( { road = \"B\"; from_min = 0.0; } );";
    static const char *const info[] = { "perfect", "reported" };
    for (int i = 0; i < 2; i++) {
        struct sim *s = run1(info[i], LATE_NEWS, ahead);
        assert_minutes("sent ahead: loaded", s->res.trace[0].loaded, -89.8);
        assert_minutes("sent ahead: there", s->res.trace[0].arrived, -47.8);
        assert_minutes("response", s->res.response[0], 0.0);
        assert_minutes("the rest loaded", s->res.trace[1].loaded, 60.8);
        assert_minutes("fill", s->res.fill[0], 87.8);
        sim_close(s);
    }
    const char *random =                  /* LATE_NEWS, with random travel */
        "road_classes = { county = { damage_report_min = 200.0; cv = 0.3; top_speed_kmh = 60.0; }; "
        "national = { damage_report_min = 200.0; cv = 0.3; top_speed_kmh = 80.0; }; "
        "village = { cv = 0.3; top_speed_kmh = 40.0; }; };";
    const char *hazard = "= warning_min = 120.0;\n"
                         "  preposition = ( { from = \"central\"; to = \"sites\"; kits = 20.0; } );\n"
                         "  road_damage = ( { road = \"B\"; from_min = [0.0, 120.0]; } );";
    struct sim *p = sim_open_run("road_info = \"perfect\"; load_cv = 0.3;", random, NULL, hazard);
    struct sim *q = sim_open_run("road_info = \"reported\"; load_cv = 0.3;", random, NULL, hazard);
    int differ = 0;
    for (long k = 0; k < 20; k++) {
        sim_run_traced(p, k, 1);
        sim_run_traced(q, k, 1);
        const struct trace_row *a = &p->res.trace[0], *b = &q->res.trace[0];
        assert_true(a->site == 0 && a->ordered == -120.0 && a->arrived < 0);
        assert_true(a->loaded == b->loaded && a->arrived == b->arrived && a->tonnes == b->tonnes);
        assert_true(gsl_rng_get(p->r->rng[STREAM_AHEAD]) == gsl_rng_get(q->r->rng[STREAM_AHEAD]));
        differ += a->arrived != -47.8;
    }
    assert_true(differ > 10);            /* the draws were random */
}

/* Common random numbers: with closures and slow-downs drawn at random and reporting
 * delays drawn from ranges, "perfect" and "reported" draw the same hazard (every
 * change's road, start, end and factor), the same reporting delays, and the same
 * demand (occurrence, people, the request's reporting delay), replication by
 * replication; and the delays are drawn (they differ between changes) within their
 * class's ranges. */
static void same_draws(void **state)
{
    (void)state;
    const char *more = "road_classes = { county = { damage_report_min = [10.0, 50.0]; "
                       "reopen_report_min = [30.0, 90.0]; }; village = { damage_report_min = [5.0, 15.0]; }; "
                       "national = { reopen_report_min = [0.0, 30.0]; }; };";
    const char *damage = "{ class = \"county\"; probability = 0.6; factor = 0.0; "
                         "from_min = [0.0, 200.0]; duration_min = [30.0, 300.0]; },\n"
                         "{ road = \"last mile\"; probability = 0.7; factor = 0.3; from_min = [0.0, 120.0]; },\n"
                         "{ road = \"C\"; probability = 0.5; from_min = [50.0, 150.0]; duration_min = 60.0; }";
    const char *sites = "{ township = \"t1\"; village_km = 5.0; occur_min = [0.0, 60.0]; "
                        "report_min = [10.0, 40.0]; displaced = [50.0, 500.0]; }";
    struct sim *p = sim_open_sites("perfect", more, sites, damage);
    struct sim *q = sim_open_sites("reported", more, sites, damage);
    int changes = 0, differ = 0;
    double first = NAN;
    for (long k = 0; k < 30; k++) {
        sim_run_traced(p, k, 1);
        sim_run_traced(q, k, 1);
        const struct rep *a = p->r, *b = q->r;
        assert_int_equal(a->n_changes, b->n_changes);
        for (int c = 0; c < a->n_changes; c++) {
            const struct road_change *x = &a->changes[c], *y = &b->changes[c];
            assert_true(x->road == y->road && x->from_min == y->from_min
                        && x->until_min == y->until_min && x->factor == y->factor);
            assert_true(a->told_from[c] == b->told_from[c]);
            assert_true(a->told_until[c] == b->told_until[c]);
            const struct road_class_def *rc = &p->d->road_classes[p->d->roads[x->road].cls];
            double late = a->told_from[c] - x->from_min, end = a->told_until[c] - x->until_min;
            assert_true(late >= rc->damage_report_min.lo && late <= rc->damage_report_min.hi);
            assert_true(!isfinite(x->until_min)
                        || (end >= rc->reopen_report_min.lo && end <= rc->reopen_report_min.hi));
            if (rc->damage_report_min.lo < rc->damage_report_min.hi) {
                differ += isfinite(first) && late != first;
                first = late;
            }
            changes++;
        }
        assert_true(p->res.occur[0] == q->res.occur[0] && p->res.people[0] == q->res.people[0]);
        assert_true(p->res.cause[CAUSE_REPORT] == q->res.cause[CAUSE_REPORT]);
        assert_true(p->res.demand_units == q->res.demand_units);
    }
    assert_true(changes > 30 && differ > 10);
}

/* Finds hand.cfg (tests run from the repository root). */
int main(void)
{
    if (find_base("test_roadinfo"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(turn_back, teardown),
        cmocka_unit_test_teardown(slow_down_driven, teardown),
        cmocka_unit_test_teardown(news_of_reopening, teardown),
        cmocka_unit_test_teardown(waiting_driver_sees, teardown),
        cmocka_unit_test_teardown(zero_delay, teardown),
        cmocka_unit_test_teardown(unreachable, teardown),
        cmocka_unit_test_teardown(boat_plans_on_what_is_known, teardown),
        cmocka_unit_test_teardown(fleet_chosen_with_no_room, teardown),
        cmocka_unit_test(flood_with_no_room),
        cmocka_unit_test_teardown(fleet_chosen_on_what_is_known, teardown),
        cmocka_unit_test_teardown(ahead_before_onset, teardown),
        cmocka_unit_test_teardown(same_draws, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
