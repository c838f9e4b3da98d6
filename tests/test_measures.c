/*
 * test_measures.c -- what the model gained so that measures a city could take can be
 * expressed (sim/MODEL.md, "Warnings and stock sent ahead" and "Vehicles that pass damaged
 * roads"), on the small system of tests/data/effects.cfg, every outcome worked out by hand
 * in the comment above its assertion:
 *
 *   - a warning before onset and stock sent ahead to a site's village (response 0 when it
 *     is there before the disaster; the rest of the need shipped when the request comes),
 *     too late to be there first (its journey after the occurrence counted in the causes),
 *     to another store (which then serves the site), and no warning (nothing sent);
 *   - a faster reporting chain (disaster.report_factor);
 *   - a second fleet of boats that pass flooded roads: chosen where faster, both fleets
 *     sharing one bay, a road closed for trucks but not for boats, a cause the boats do not
 *     pass;
 *   - common random numbers: stock sent ahead draws from a stream of its own, so the other
 *     shipments' draws stay those of a run without it.
 *
 * Nothing is random (cv = 0, load_cv = 0) except in the last test.  The system
 * (effects.cfg): depot -- 6 min -- a -- AB 30 min -- b; a detour a -- AC 30 -- jc -- CB 30
 * -- b; one medium truck (8 t), one bay, loading 10 + 5 min/t, crews in 20 min by day (40 by
 * night).  Sites: a village 5 km from the seat (last mile 12 min), 100 people x 0.1 box =
 * 10 boxes = 1.0 t, struck at 0, reported at 10.  Travel depot -> village in b: 6 + 30 + 12
 * = 48; by the detour 78.  Runs at 10:00 (day), unload 15 min.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "hand_sim.h"

#define RUN_CV(alarm, cv) \
    "run = { replications = 1; seed = 7; horizon_h = 24.0; load_cv = " cv "; unload_min = 15.0; " \
    "alarm = \"" alarm "\"; onset_hour = 10.0; };\n"
#define RUN(alarm) RUN_CV(alarm, "0.0")
#define SITE_B(people) \
    "{ township = \"b\"; id = \"site_b\"; village_km = 5.0; occur_min = 0.0; report_min = 10.0; " \
    "displaced = " people "; }"

/* A boat on a trailer: 1 t, 10 m3; on a flooded road it keeps 0.6 of the road's speed. */
#define BOATS \
    "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; },\n" \
    "                { id = \"boat\"; capacity_t = 1.0; capacity_m3 = 10.0; passes = { water = 0.6; }; } );\n" \
    "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 1; extra_truck = \"boat\"; extra_trucks = 1; } );\n"

/* Loads base + system + run + disaster { kit; sites; more } and runs replication index. */
static struct sim *sim_run_one(const char *system, const char *run, const char *sites,
                               const char *more, long index)
{
    struct sim *s = sim_load(system, run, sites, more);
    sim_run(s, index);
    return s;
}

/* ---- warnings and stock sent ahead ------------------------------------------------- */

static void ahead_to_the_village(void **state)
{
    (void)state;
    /* Warning 120 min before onset (08:00, day): the depot's crews are called then, ready
     * at -100.  Sent ahead: 20 kits = 20 x 0.1 = 2 boxes (0.2 t) to site_b's village:
     * loading 10 + 5 x 0.2 = 11 -> loaded -89, travel 48 -> there at -41, before the flood
     * strikes at 0: response 0, every cause 0.  The truck is home at -41 + 15 + 48 = 22.
     * The request at 10 needs 10 - 2 = 8 boxes (0.8 t); the truck takes them at 22, loading
     * 10 + 4 = 14 -> 36, travel 48 -> 84: fill 84. */
    struct sim *s = sim_run_one(NULL, RUN("request"), SITE_B("100.0"),
        "warning_min = 120.0;\n"
        "preposition = ( { from = \"central\"; to = \"sites\"; kits = 20.0; } );", 0);
    assert_int_equal(s->d->n_prepos, 1);
    assert_minutes("sent ahead: units", s->d->prepos[0].units[0], 2.0);
    assert_minutes("response", s->res.response[0], 0.0);
    for (int c = 0; c < CAUSES; c++)
        assert_minutes(cause_id(c), cause(s, 0, c), 0.0);
    assert_minutes("fill", s->res.fill[0], 84.0);
    assert_minutes("unmet", s->res.unmet_units, 0.0);
    sim_close(s);
}

static void ahead_too_late(void **state)
{
    (void)state;
    /* Warning only 30 min ahead: crews ready at -10, loaded at -10 + 11 = 1, there at 49:
     * response 49.  Its journey before the occurrence does not count: mobilisation, truck
     * and bay 0 (all before 0), loading 1 (from 0 to 1), travel 48; reporting 0 (the stock
     * did not wait for the request).  The request at 10 asks for all 10 boxes (the 2 sent
     * ahead are not there yet, so nothing is covered); the truck is back at 49 + 15 + 48 =
     * 112: loaded 112 + (10 + 5 x 1.0) = 127, there 175: fill 175, with 12 boxes delivered
     * for a need of 10 (nothing unmet). */
    struct sim *s = sim_run_one(NULL, RUN("request"), SITE_B("100.0"),
        "warning_min = 30.0;\n"
        "preposition = ( { from = \"central\"; to = \"site_b\"; stock = { box = 2.0; }; } );", 0);
    assert_minutes("response", s->res.response[0], 49.0);
    assert_minutes("reporting", cause(s, 0, CAUSE_REPORT), 0.0);
    assert_minutes("mobilisation", cause(s, 0, CAUSE_MOBILISE), 0.0);
    assert_minutes("loading", cause(s, 0, CAUSE_LOAD), 1.0);
    assert_minutes("travel", cause(s, 0, CAUSE_TRAVEL), 48.0);
    assert_minutes("fill", s->res.fill[0], 175.0);
    assert_minutes("unmet", s->res.unmet_units, 0.0);
    sim_close(s);
}

static void ahead_to_a_store(void **state)
{
    (void)state;
    /* A second store at b's seat (one truck of its own, no stock, crews in 20 min by day).
     * Warning 120 min ahead: 2 boxes from the depot to it: loaded -89 (as above), travel
     * depot -> b 36 -> in its stock at -53; the depot's truck home at -53 + 15 + 36 = -2.
     * The request at 10 (alarm at request): the store at b estimates 10 + 20 (crews) + 50
     * (a full truck's loading, 10 + 5 x 8) + 12 = 92; the depot (crews called at the
     * warning, truck home) 10 + 50 + 48 = 108: b first, with its 2 boxes: crews ready 30,
     * loading 11 -> 41, the last mile 12 -> 53 = response.  The other 8 boxes from the
     * depot: loading 14 -> 24, travel 48 -> 72 = fill. */
    const char *system =
        "nodes = ( { id = \"depot\"; kind = \"facility\"; name = \"Depot\"; name_zh = \"中心库\"; lon = 116.41; lat = 34.00; },\n"
        "          { id = \"jc\"; kind = \"junction\"; name = \"Junction C\"; name_zh = \"丙路口\"; lon = 116.49; lat = 33.75; } );\n"
        "facilities = ( { id = \"central\"; kind = \"central\"; name = \"Depot\"; name_zh = \"中心库\"; node = \"depot\";\n"
        "    township = \"a\"; floor_m2 = 1000.0; stock = { box = 1000.0; }; },\n"
        "  { id = \"store_b\"; kind = \"subcentre\"; name = \"B store\"; node = \"b\"; township = \"b\";\n"
        "    floor_m2 = 100.0; bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0;\n"
        "    mobilise_day_min = 20.0; mobilise_night_min = 40.0; activation_min = 0.0; } );\n"
        "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 1; },\n"
        "          { id = \"store_b\"; truck = \"medium\"; trucks = 1; } );\n";
    struct sim *s = sim_run_one(system, RUN("request"), SITE_B("100.0"),
        "warning_min = 120.0;\n"
        "preposition = ( { from = \"central\"; to = \"store_b\"; stock = { box = 2.0; }; } );", 0);
    assert_minutes("response", s->res.response[0], 53.0);
    assert_minutes("fill", s->res.fill[0], 72.0);
    sim_close(s);
}

static void no_warning_nothing_ahead(void **state)
{
    (void)state;
    /* Without a warning nothing is sent ahead: the run is the plain one, alarm at the
     * request: crews ready 30, loading 15 -> 45, travel 48 -> 93. */
    struct sim *s = sim_run_one(NULL, RUN("request"), SITE_B("100.0"),
        "preposition = ( { from = \"central\"; to = \"sites\"; kits = 20.0; } );", 0);
    assert_minutes("response", s->res.response[0], 93.0);
    assert_minutes("fill", s->res.fill[0], 93.0);
    sim_close(s);
}

static void faster_reporting(void **state)
{
    (void)state;
    /* disaster.report_factor = 0.5 (grid members reporting straight to the county): the
     * 10-minute delay drawn is halved, the request comes at 5; alarm at the request, crews
     * ready 25, loading 15 -> 40, travel 48 -> 88. */
    struct sim *s = sim_run_one(NULL, RUN("request"), SITE_B("100.0"), "report_factor = 0.5;", 0);
    assert_minutes("response", s->res.response[0], 88.0);
    assert_minutes("reporting", cause(s, 0, CAUSE_REPORT), 5.0);
    sim_close(s);
}

/* ---- vehicles that pass damaged roads ---------------------------------------------- */

static void boats_pass_the_flood(void **state)
{
    (void)state;
    /* AB flooded for good (factor 0.1: 300 min for a truck), cause water.  Alarm at onset,
     * crews ready 20.  The truck's way: the detour, 6 + 30 + 30 + 12 = 78; the boat keeps
     * 0.6 of AB's speed: 30 / 0.6 = 50, so 6 + 50 + 12 = 68.  Estimates: boat 20 + (10 + 5
     * x 1) + 68 = 103, truck 20 + (10 + 5 x 8) + 78 = 148: the boat.  It takes the 10 boxes
     * (1.0 t, its capacity): loading 15 -> 35, there 35 + 68 = 103.  Road delay = AB's
     * extra minutes 50 - 30 = 20 (no detour); travel 48. */
    struct sim *s = sim_run_one(BOATS, RUN("onset"), SITE_B("100.0"),
        "road_damage = ( { road = \"AB\"; factor = 0.1; cause = \"water\"; } );", 0);
    assert_int_equal(s->d->facilities[0].trucks, 2);
    assert_int_equal(s->d->facilities[0].extra_trucks, 1);
    assert_minutes("response", s->res.response[0], 103.0);
    assert_minutes("road delays", cause(s, 0, CAUSE_ROAD), 20.0);
    assert_minutes("travel", cause(s, 0, CAUSE_TRAVEL), 48.0);
    sim_close(s);

    /* AB closed outright (factor 0) by water: trucks cannot pass at all, the boat still
     * at 0.6: the same 103. */
    s = sim_run_one(BOATS, RUN("onset"), SITE_B("100.0"),
        "road_damage = ( { road = \"AB\"; cause = \"water\"; } );", 0);
    assert_minutes("response, closed for trucks", s->res.response[0], 103.0);
    sim_close(s);

    /* The same closure by fallen trees: the boat does not pass them and takes the detour
     * like a truck (it is still chosen: a boatload loads faster): 35 + 78 = 113. */
    s = sim_run_one(BOATS, RUN("onset"), SITE_B("100.0"),
        "road_damage = ( { road = \"AB\"; cause = \"trees\"; } );", 0);
    assert_minutes("response, a cause boats do not pass", s->res.response[0], 113.0);
    sim_close(s);
}

static void both_fleets(void **state)
{
    (void)state;
    /* 200 people: 20 boxes, 2 t.  First load: boat 103 against truck 148, the boat takes
     * 1.0 t; the dispatcher then has the boat busy until 103 + 15 + 48 (its free-flow way
     * home) = 166, so for the rest the boat would arrive 166 + 15 + 68 = 249 and the truck
     * 148: the truck takes the other 1.0 t.  One bay: at 20 the boat's load (made first)
     * goes first, 15 min -> 35, there at 103 = response; the truck loads from 35 to 50 (bay
     * wait 15) and takes the detour: 50 + 78 = 128 = fill. */
    struct sim *s = sim_run_one(BOATS, RUN("onset"), SITE_B("200.0"),
        "road_damage = ( { road = \"AB\"; factor = 0.1; cause = \"water\"; } );", 0);
    assert_minutes("response", s->res.response[0], 103.0);
    assert_minutes("fill", s->res.fill[0], 128.0);
    assert_int_equal(s->res.bay_waits, 2);
    assert_minutes("bay waits", s->res.bay_wait_sum, 15.0);
    sim_close(s);
}

/* ---- common random numbers ---------------------------------------------------------- */

static void ahead_keeps_the_streams(void **state)
{
    (void)state;
    /* With random loading (load_cv = 0.5) and travel (cv on every class), a site in a
     * township that nothing is sent to (a) gets the same response whether or not stock is
     * sent ahead to b's store from another store: those shipments draw from their own
     * stream, and nothing else changes for a's site (a's request is served by the depot,
     * which sends nothing ahead).  Compared over 20 replications. */
    const char *system =
        "road_classes = { expressway = { speed_kmh = 80.0; top_speed_kmh = 100.0; cv = 0.2; };\n"
        "  national = { speed_kmh = 60.0; top_speed_kmh = 80.0; cv = 0.2; };\n"
        "  provincial = { speed_kmh = 50.0; top_speed_kmh = 70.0; cv = 0.2; };\n"
        "  county = { speed_kmh = 40.0; top_speed_kmh = 60.0; cv = 0.2; };\n"
        "  village = { speed_kmh = 25.0; top_speed_kmh = 40.0; cv = 0.2; }; };\n"
        "facilities = ( { id = \"central\"; kind = \"central\"; name = \"Depot\"; node = \"depot\";\n"
        "    township = \"a\"; floor_m2 = 1000.0; stock = { box = 1000.0; }; },\n"
        "  { id = \"far\"; kind = \"subcentre\"; name = \"Far\"; node = \"jc\"; floor_m2 = 100.0;\n"
        "    bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0; mobilise_day_min = 20.0;\n"
        "    mobilise_night_min = 40.0; activation_min = 0.0; stock = { box = 10.0; }; },\n"
        "  { id = \"store_b\"; kind = \"township\"; name = \"B point\"; node = \"b\"; township = \"b\";\n"
        "    floor_m2 = 100.0; bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0;\n"
        "    mobilise_day_min = 20.0; mobilise_night_min = 40.0; activation_min = 0.0; } );\n"
        "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = 1; },\n"
        "          { id = \"far\"; truck = \"medium\"; trucks = 1; } );\n";
    const char *site_a = "{ township = \"a\"; id = \"site_a\"; village_km = 5.0; occur_min = 0.0; "
                         "report_min = 10.0; displaced = 100.0; }";
    for (long k = 0; k < 20; k++) {
        struct sim *plain = sim_run_one(system, RUN_CV("onset", "0.5"), site_a, NULL, k);
        double want = plain->res.response[0];
        sim_close(plain);
        struct sim *s = sim_run_one(system, RUN_CV("onset", "0.5"), site_a,
            "warning_min = 60.0;\n"
            "preposition = ( { from = \"far\"; to = \"store_b\"; stock = { box = 5.0; }; } );", k);
        if (s->res.response[0] != want)
            fail_msg("replication %ld: site a's response %.9f with stock sent ahead elsewhere, "
                     "%.9f without", k, s->res.response[0], want);
        sim_close(s);
    }
}

int main(void)
{
    if (find_base("test_measures"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(ahead_to_the_village, teardown),
        cmocka_unit_test_teardown(ahead_too_late, teardown),
        cmocka_unit_test_teardown(ahead_to_a_store, teardown),
        cmocka_unit_test_teardown(no_warning_nothing_ahead, teardown),
        cmocka_unit_test_teardown(faster_reporting, teardown),
        cmocka_unit_test_teardown(boats_pass_the_flood, teardown),
        cmocka_unit_test_teardown(both_fleets, teardown),
        cmocka_unit_test_teardown(ahead_keeps_the_streams, teardown),
    };
    return cmocka_run_group_tests_name("measures", tests, NULL, NULL);
}
