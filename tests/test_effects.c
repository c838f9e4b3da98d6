/*
 * test_effects.c -- every hazard effect of a scenario (config/README.md, "Scenarios: run and
 * disaster") on the small system of tests/data/effects.cfg, with the outcome worked out by
 * hand in the comment above each assertion: road closures by name, by class and area, and
 * at random per km, and the chance of each per run (what results.gpkg and the map show);
 * speed factors by class; crews out; slower loading; checkpoints between
 * townships; later waves of requests; and each site alone (run.each_site).
 *
 * Nothing is random: cv = 0 on every road class and run.load_cv = 0, so a replication's
 * times follow from the model's rules alone (sim/MODEL.md):
 *     response = first arrival - occurrence
 *     first arrival = crews ready (alarm + mobilisation) or a truck free, whichever is later
 *                     + loading (setup + minutes per tonne x tonnes, x the slow-loading factor)
 *                     + travel (km / speed x 60 per road; / factor on a slowed road;
 *                               + waits for a closed road; + checkpoint delays)
 *
 * The system (tests/data/effects.cfg): depot -- 6 min -- a -- AB 30 min -- b, and a detour
 * a -- AC 30 min -- jc -- CB 30 min -- b; one truck of 8 t, one bay; loading 10 + 5 min/t;
 * crews mobilise in 20 min by day, 40 by night.  Every scenario below adds sites in
 * village_km = 5 (last mile 5 km at 25 km/h = 12 min) with 100 people x 0.1 box = 10 boxes
 * = 1.0 t (one truckload), occurring at 0 and reported 10 min later.  The facts used by
 * every test:
 *     request at 0 + 10 = 10
 *     loading 10 + 5 x 1.0 = 15
 *     travel depot -> village in b: 6 + 30 + 12 = 48;  depot -> village in a: 6 + 12 = 18
 *     alarm "onset", by day (10:00): crews ready at 0 + 20 = 20, loaded 35
 *         village in b: 35 + 48 = 83;  village in a: 35 + 18 = 53
 *     alarm "request", by day: crews ready at 10 + 20 = 30, loaded 45; village in b: 93
 *
 * Scenarios are written to a temporary file that names effects.cfg (absolute path) as its
 * base and are loaded through cfg_load + cfg_definition, as the command line does.  Tests run from
 * the repository root.
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

#include "hand_sim.h"

/* Scenario pieces.  RUN(alarm, onset hour, more run settings). */
#define RUN(alarm, hour, more) \
    "run = { replications = 1; seed = 7; horizon_h = 24.0; load_cv = 0.0; unload_min = 15.0; " \
    "alarm = \"" alarm "\"; onset_hour = " hour "; " more " };\n"
#define DAY_ONSET   RUN("onset", "10.0", "")
#define DAY_REQUEST RUN("request", "10.0", "")
#define SITE(t) \
    "{ township = \"" t "\"; village_km = 5.0; occur_min = 0.0; report_min = 10.0; " \
    "displaced = 100.0; }"
#define SITE_A SITE("a")
#define SITE_B SITE("b")

/* Loads base + run + disaster { kit; sites = (sites); more }, builds the model. */
static struct sim *sim_open(const char *run, const char *sites, const char *more)
{
    return sim_load(NULL, run, sites, more);
}

/* Opens, runs replication 0, and returns the scenario (for its results). */
static struct sim *sim_once(const char *run, const char *sites, const char *more)
{
    struct sim *s = sim_open(run, sites, more);
    sim_run(s, 0);
    return s;
}

/* The road a damage rule selected, by name; fails unless it selected exactly n roads. */
static void assert_selects(const struct sim *s, int rule, int n, const char *first_name)
{
    const struct damage *dm = &s->d->damage[rule];
    if (dm->n_roads != n)
        fail_msg("rule %d selects %d roads, expected %d", rule, dm->n_roads, n);
    if (first_name)
        assert_string_equal(s->d->roads[dm->roads[0]].name, first_name);
}

/* ---- no hazard: the numbers every other test starts from ------------------- */

static void test_no_hazard(void **state)
{
    (void)state;
    /* alarm at onset, by day: ready 20, loading 15 -> loaded 35, travel 48 -> 83.
     * Where the 83 minutes went: reporting 10 (0 -> 10), mobilisation 10 (order at 10,
     * crews ready at 20), loading 15, travel 48; fill = response (one truckload). */
    struct sim *s = sim_once(DAY_ONSET, SITE_B, NULL);
    assert_minutes("response", s->res.response[0], 83.0);
    assert_minutes("fill", s->res.fill[0], 83.0);
    assert_minutes("reporting", cause(s, 0, CAUSE_REPORT), 10.0);
    assert_minutes("mobilisation", cause(s, 0, CAUSE_MOBILISE), 10.0);
    assert_minutes("loading", cause(s, 0, CAUSE_LOAD), 15.0);
    assert_minutes("travel", cause(s, 0, CAUSE_TRAVEL), 48.0);
    assert_minutes("road delays", cause(s, 0, CAUSE_ROAD), 0.0);
    sim_close(s);

    /* alarm at the request, by day: ready 10 + 20 = 30, loaded 45, arrival 45 + 48 = 93 */
    s = sim_once(DAY_REQUEST, SITE_B, NULL);
    assert_minutes("response, alarm at request", s->res.response[0], 93.0);
    sim_close(s);

    /* alarm at the request, by night (02:00): ready 10 + 40 = 50, loaded 65, arrival 113 */
    s = sim_once(RUN("request", "2.0", ""), SITE_B, NULL);
    assert_minutes("response, by night", s->res.response[0], 113.0);
    sim_close(s);

    /* a site in a: loaded 35, travel 6 + 12 = 18 -> 53 */
    s = sim_once(DAY_ONSET, SITE_A, NULL);
    assert_minutes("response, site in a", s->res.response[0], 53.0);
    sim_close(s);
}

/* ---- road damage ------------------------------------------------------------ */

static void test_named_road_closure_waits(void **state)
{
    (void)state;
    /* The last mile (every site's village road is named "last mile") closed from 0 for 200
     * min.  The truck is loaded at 35 and finds no route: it waits at the depot until the
     * road reopens at 200, then drives 48 min -> 248.  Road delay = the wait, 200 - 35 =
     * 165; travel 48 (moving 248 - 35 = 213 = 165 + 48). */
    struct sim *s = sim_once(DAY_ONSET, SITE_B,
        "road_damage = ( { road = \"last mile\"; from_min = 0.0; duration_min = 200.0; } );");
    assert_selects(s, 0, 1, "last mile");
    assert_minutes("response", s->res.response[0], 248.0);
    assert_minutes("road delays", cause(s, 0, CAUSE_ROAD), 165.0);
    assert_minutes("travel", cause(s, 0, CAUSE_TRAVEL), 48.0);
    sim_close(s);

    /* Both ways to b closed by name: AB for 150 min, CB for 300.  No route at 35: the truck
     * waits at the depot until AB reopens at 150 (the first road to reopen), then 48 min ->
     * 198; road delay 150 - 35 = 115. */
    s = sim_once(DAY_ONSET, SITE_B,
        "road_damage = ( { road = \"AB\"; duration_min = 150.0; },\n"
        "                { road = \"CB\"; duration_min = 300.0; } );");
    assert_selects(s, 0, 1, "AB");
    assert_selects(s, 1, 1, "CB");
    assert_minutes("response, both ways closed", s->res.response[0], 198.0);
    assert_minutes("road delays, both ways closed", cause(s, 0, CAUSE_ROAD), 115.0);
    sim_close(s);
}

static void test_class_and_area_closure_detours(void **state)
{
    (void)state;
    /* class = national within 10 km of AB's midpoint: AB alone (the depot road is in the
     * area but county; CB is national but 14.5 km away).  AB closed from 0 for good: the
     * truck takes the detour a - jc - b: 6 + 30 + 30 + 12 = 78 -> 35 + 78 = 113.  Road
     * delay = the detour, 78 - 48 = 30; travel 48. */
    struct sim *s = sim_once(DAY_ONSET, SITE_B,
        "road_damage = ( { class = \"national\"; area = [116.50, 34.00, 10.0]; } );");
    assert_selects(s, 0, 1, "AB");
    assert_minutes("response", s->res.response[0], 113.0);
    assert_minutes("road delays (detour)", cause(s, 0, CAUSE_ROAD), 30.0);
    assert_minutes("travel", cause(s, 0, CAUSE_TRAVEL), 48.0);
    sim_close(s);

    /* AB closes at 40, after the truck left the depot (35) and before it reaches a (41):
     * at a it re-plans over jc: 41 + 30 + 30 + 12 = 113. */
    s = sim_once(DAY_ONSET, SITE_B, "road_damage = ( { road = \"AB\"; from_min = 40.0; } );");
    assert_minutes("response, closed on the way", s->res.response[0], 113.0);
    assert_minutes("road delays, closed on the way", cause(s, 0, CAUSE_ROAD), 30.0);
    sim_close(s);
}

static void test_per_km_random_failures(void **state)
{
    (void)state;
    /* per_km = 1000 on AB (30 km): probability 1 - exp(-1000 x 30) = 1 -> closed in every
     * replication -> the detour, 113 (as above). */
    struct sim *s = sim_open(DAY_ONSET, SITE_B,
        "road_damage = ( { road = \"AB\"; per_km = 1000.0; } );");
    for (long i = 0; i < 20; i++) {
        sim_run(s, i);
        assert_minutes("response, per_km huge", s->res.response[0], 113.0);
    }
    sim_close(s);

    /* per_km = 1e-9: probability 1 - exp(-3e-8) = 3e-8 -> open in every replication: 83. */
    s = sim_open(DAY_ONSET, SITE_B, "road_damage = ( { road = \"AB\"; per_km = 1e-9; } );");
    for (long i = 0; i < 20; i++) {
        sim_run(s, i);
        assert_minutes("response, per_km tiny", s->res.response[0], 83.0);
    }
    sim_close(s);

    /* per_km = ln 2 / 30: probability 1 - exp(-ln 2) = 1/2.  Over 400 replications AB is
     * closed (response 113) in Binomial(400, 1/2) of them: 200 +- 10; 150..250 is 5 sd, and
     * every replication is 83 or 113. */
    s = sim_open(DAY_ONSET, SITE_B, "road_damage = ( { road = \"AB\"; per_km = 0.0231049060187; } );");
    int closed = 0;
    for (long i = 0; i < 400; i++) {
        sim_run(s, i);
        double r = s->res.response[0];
        if (fabs(r - 113.0) <= EXACT)
            closed++;
        else
            assert_minutes("response, per_km for 1/2", r, 83.0);
    }
    if (closed < 150 || closed > 250)
        fail_msg("AB closed in %d of 400 replications, expected about 200", closed);
    sim_close(s);
}

/* The index of the road named name (the first). */
static int road_named(const struct definition *d, const char *name)
{
    for (int i = 0; i < d->n_roads; i++)
        if (!strcmp(d->roads[i].name, name))
            return i;
    fail_msg("no road %s", name);
    return -1;
}

static void test_road_chances(void **state)
{
    (void)state;
    /* What results.gpkg and the map say of each road, by hand: AB is closed with 1/2
     * (per_km ln 2 / 30 over 30 km) and slowed with 0.2 (the national class rule); AC is
     * closed by two rules, with 1 - (1 - 0.4)(1 - 0.5) = 0.7; CB, national, is protected: 0
     * and 0; the depot road and the last mile no rule selects: 0 and 0.  Every road at once
     * (damage_all_chances) gives what each alone does (damage_road_chances). */
    struct sim *s = sim_open(DAY_ONSET, SITE_B,
        "road_damage = ( { road = \"AB\"; per_km = 0.0231049060187; },\n"
        "  { class = \"national\"; factor = 0.5; probability = 0.2; },\n"
        "  { road = \"AC\"; probability = 0.4; }, { road = \"AC\"; probability = 0.5; } );\n"
        "protect = [\"CB\"];");
    const struct definition *d = s->d;
    double *close = malloc((size_t)d->n_roads * sizeof *close);
    double *slow = malloc((size_t)d->n_roads * sizeof *slow);
    assert_non_null(close);
    assert_non_null(slow);
    damage_all_chances(d, close, slow);
    const struct { const char *road; double close, slow; } want[] = {
        { "AB", 0.5, 0.2 }, { "AC", 0.7, 0.0 }, { "CB", 0.0, 0.0 }, { "depot road", 0.0, 0.0 },
        { "last mile", 0.0, 0.0 } };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        int i = road_named(d, want[k].road);
        if (fabs(close[i] - want[k].close) > 1e-9 || fabs(slow[i] - want[k].slow) > 1e-9)
            fail_msg("%s: closed with %g, slowed with %g; expected %g, %g", want[k].road,
                     close[i], slow[i], want[k].close, want[k].slow);
    }
    for (int i = 0; i < d->n_roads; i++) {
        double c, w;
        damage_road_chances(d, i, &c, &w);
        assert_true(c == close[i] && w == slow[i]);
    }
    free(close);
    free(slow);
    sim_close(s);
}

static void test_speed_factor_by_class(void **state)
{
    (void)state;
    /* county roads at half speed: the depot road 6 / 0.5 = 12 (AC 60, unused: via jc would
     * be 12 + 60 + 30 + 12 = 114).  Travel 12 + 30 + 12 = 54 -> 35 + 54 = 89; road delay =
     * the extra minutes of the slowed road, 12 - 6 = 6. */
    struct sim *s = sim_once(DAY_ONSET, SITE_B,
        "road_damage = ( { class = \"county\"; factor = 0.5; } );");
    assert_selects(s, 0, 2, "depot road");
    assert_minutes("response, county at 0.5", s->res.response[0], 89.0);
    assert_minutes("road delays, county at 0.5", cause(s, 0, CAUSE_ROAD), 6.0);
    sim_close(s);

    /* village roads (the last mile) at a quarter: 12 / 0.25 = 48 -> 35 + 6 + 30 + 48 = 119;
     * road delay 36. */
    s = sim_once(DAY_ONSET, SITE_B, "road_damage = ( { class = \"village\"; factor = 0.25; } );");
    assert_selects(s, 0, 1, "last mile");
    assert_minutes("response, village at 0.25", s->res.response[0], 119.0);
    assert_minutes("road delays, village at 0.25", cause(s, 0, CAUSE_ROAD), 36.0);
    sim_close(s);
}

/* ---- system-wide effects ---------------------------------------------------- */

static void test_crews_out(void **state)
{
    (void)state;
    /* Share 1.0 of a fleet of one, from 0 for 100 min: round(1.0 x 1) = 1 truck stands.
     * Alarm at the request: crews ready at 30, but the truck has no crew until 100; it
     * leaves for the bay at 100, loaded 115, arrives 115 + 48 = 163.  Where it went:
     * reporting 10, mobilisation 20 (10 -> 30), truck wait 70 (30 -> 100), loading 15,
     * travel 48. */
    struct sim *s = sim_once(DAY_REQUEST, SITE_B,
        "crews_out = { share = 1.0; from_min = 0.0; duration_min = 100.0; };");
    assert_minutes("response, crews out", s->res.response[0], 163.0);
    assert_minutes("mobilisation, crews out", cause(s, 0, CAUSE_MOBILISE), 20.0);
    assert_minutes("truck wait, crews out", cause(s, 0, CAUSE_TRUCK), 70.0);
    assert_minutes("loading, crews out", cause(s, 0, CAUSE_LOAD), 15.0);
    sim_close(s);

    /* Share 0.4 of a fleet of one: round(0.4) = 0 trucks stand -> as without: 93. */
    s = sim_once(DAY_REQUEST, SITE_B,
        "crews_out = { share = 0.4; from_min = 0.0; duration_min = 100.0; };");
    assert_minutes("response, 40% of one crew", s->res.response[0], 93.0);
    sim_close(s);

    /* Crews out from 50, when the truck is on the road (left 45, arrives 93, home at
     * 93 + 15 + 48 = 156), for 60 min: back at 110, before the truck is: it owes nothing
     * and the response is 93 as without. */
    s = sim_once(DAY_REQUEST, SITE_B,
        "crews_out = { share = 1.0; from_min = 50.0; duration_min = 60.0; };");
    assert_minutes("response, crews out after the truck left", s->res.response[0], 93.0);
    sim_close(s);
}

static void test_slow_loading(void **state)
{
    (void)state;
    /* factor 2 from 0 for 1000 min: loading (10 + 5 x 1.0) x 2 = 30 -> loaded 50,
     * arrival 50 + 48 = 98. */
    struct sim *s = sim_once(DAY_ONSET, SITE_B,
        "slow_loading = { factor = 2.0; from_min = 0.0; duration_min = 1000.0; };");
    assert_minutes("response, slow loading", s->res.response[0], 98.0);
    assert_minutes("loading, slow loading", cause(s, 0, CAUSE_LOAD), 30.0);
    sim_close(s);

    /* the same from 100: loading starts at 20, before the window -> 15, response 83 */
    s = sim_once(DAY_ONSET, SITE_B,
        "slow_loading = { factor = 2.0; from_min = 100.0; duration_min = 1000.0; };");
    assert_minutes("response, slow loading later", s->res.response[0], 83.0);
    sim_close(s);
}

static void test_checkpoints(void **state)
{
    (void)state;
    /* 7 min per road that crosses between townships.  To b's village: depot road (a -> a:
     * no), AB (a -> b: yes, +7), last mile (b -> b: no): 83 + 7 = 90; road delay 7. */
    struct sim *s = sim_once(DAY_ONSET, SITE_B, "checkpoints = { delay_min = 7.0; from_min = 0.0; };");
    assert_minutes("response, checkpoint between townships", s->res.response[0], 90.0);
    assert_minutes("road delays, checkpoint", cause(s, 0, CAUSE_ROAD), 7.0);
    sim_close(s);

    /* To a's village: depot road and last mile both inside a: no checkpoint, 53. */
    s = sim_once(DAY_ONSET, SITE_A, "checkpoints = { delay_min = 7.0; from_min = 0.0; };");
    assert_minutes("response, inside one township", s->res.response[0], 53.0);
    assert_minutes("road delays, inside one township", cause(s, 0, CAUSE_ROAD), 0.0);
    sim_close(s);

    /* Checkpoints from 50 only: the truck starts AB at 41, before them -> 83. */
    s = sim_once(DAY_ONSET, SITE_B, "checkpoints = { delay_min = 7.0; from_min = 50.0; };");
    assert_minutes("response, checkpoints later", s->res.response[0], 83.0);
    sim_close(s);
}

static void test_waves(void **state)
{
    (void)state;
    /* A wave 200 min after the first request (10): at 210, for 0.5 x 10 = 5 boxes (0.5 t).
     * First shipment as without: response 83.  The truck unloads (15) and drives back (48):
     * home at 83 + 15 + 48 = 146, idle at 210; loading 10 + 5 x 0.5 = 12.5 -> loaded
     * 222.5, arrival 222.5 + 48 = 270.5 = fill (the need is 10 + 5 = 15 boxes). */
    struct sim *s = sim_once(DAY_ONSET, SITE_B, "waves = ( { after_min = 200.0; factor = 0.5; } );");
    assert_minutes("response, with a wave", s->res.response[0], 83.0);
    assert_minutes("fill, with a wave", s->res.fill[0], 270.5);
    sim_close(s);

    /* A wave 50 min after the first request: at 60, while the truck is away; it waits for
     * the truck's return at 146: loaded 158.5, arrival 206.5 = fill; response still 83. */
    s = sim_once(DAY_ONSET, SITE_B, "waves = ( { after_min = 50.0; factor = 0.5; } );");
    assert_minutes("response, with an early wave", s->res.response[0], 83.0);
    assert_minutes("fill, with an early wave", s->res.fill[0], 206.5);
    sim_close(s);
}

static void test_each_site(void **state)
{
    (void)state;
    /* Two sites, in a (first in the list) and in b, both requesting at 10, one truck.
     * Together: a's shipment takes the truck when the crews are ready (20): loaded 35,
     * arrives 35 + 18 = 53; unload 15, back 18: home at 86.  b's shipment gets it then:
     * loaded 101, arrives 101 + 48 = 149.  b waited for the truck from 20 to 86: 66. */
    struct sim *s = sim_once(DAY_ONSET, SITE_A ", " SITE_B, NULL);
    assert_minutes("a, competing", s->res.response[0], 53.0);
    assert_minutes("b, competing", s->res.response[1], 149.0);
    assert_minutes("b's truck wait, competing", cause(s, 1, CAUSE_TRUCK), 66.0);
    sim_close(s);

    /* each_site: each alone, as in test_no_hazard: a 53, b 83, no truck wait. */
    s = sim_once(RUN("onset", "10.0", "each_site = true;"), SITE_A ", " SITE_B, NULL);
    assert_minutes("a, alone", s->res.response[0], 53.0);
    assert_minutes("b, alone", s->res.response[1], 83.0);
    assert_minutes("b's truck wait, alone", cause(s, 1, CAUSE_TRUCK), 0.0);
    sim_close(s);
}

int main(void)
{
    if (find_base("test_effects"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_no_hazard, teardown),
        cmocka_unit_test_teardown(test_named_road_closure_waits, teardown),
        cmocka_unit_test_teardown(test_class_and_area_closure_detours, teardown),
        cmocka_unit_test_teardown(test_per_km_random_failures, teardown),
        cmocka_unit_test_teardown(test_road_chances, teardown),
        cmocka_unit_test_teardown(test_speed_factor_by_class, teardown),
        cmocka_unit_test_teardown(test_crews_out, teardown),
        cmocka_unit_test_teardown(test_slow_loading, teardown),
        cmocka_unit_test_teardown(test_checkpoints, teardown),
        cmocka_unit_test_teardown(test_waves, teardown),
        cmocka_unit_test_teardown(test_each_site, teardown),
    };
    return cmocka_run_group_tests_name("effects", tests, NULL, NULL);
}
