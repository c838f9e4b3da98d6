/*
 * test_model.c -- the discrete-event model (model.h) against numbers worked
 * out independently of it:
 *
 *   - hand-computed scenarios: one store, one township, one site, no
 *     randomness; every response and fill time is derived in the comment
 *     above its assertion and checked to 1e-9, together with the cause
 *     composition (sim/MODEL.md, "Causes of delay"): mobilisation by day and night and at onset,
 *     two truckloads, trucks and bays, dispatch policies, each_site,
 *     replenishment, resources over time;
 *   - road closures and slowdowns on those scenarios: waiting for a reopening,
 *     re-routing at the next node, detours, roads reopening together,
 *     planning anew after a wait, an unreached site's delay;
 *   - queueing theory: a configuration that reduces the model to an M/M/c
 *     queue at the loading bays, whose mean wait must agree with Erlang C;
 *   - random small systems (networks, facilities of every kind, reorder
 *     levels, road damage, hazard effects, waves, both dispatch policies and
 *     alarm modes, each_site): stock is conserved after every event (this
 *     build has SUPPLYSIM_PARANOID), and the results agree with what the
 *     shipment trace, an independent Floyd-Warshall over the roads and an
 *     independent follower of each truck (ref_drive) say;
 *   - common random numbers and thread independence.
 *
 * Configurations are written as text to a temporary file and loaded through
 * cfg_load + cfg_definition, as the command line does.  Tests run from the
 * repository root.  TEST_FILTER=pattern runs some tests only; compiled with
 * -DRANDOM_SYSTEMS=3000 -DRANDOM_SEED=n, random_systems searches wider.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "engine/geo.h"
#include "model/experiment.h"
#include "model/model.h"
#include "engine/stats.h"
#include "results/summary.h"
#include "results/tally.h"

#define ERRLEN 2048
#define EXACT 1e-9
#ifndef MMC_REPS
#define MMC_REPS 30         /* replications per M/M/c check */
#endif
#ifndef RANDOM_SYSTEMS
#define RANDOM_SYSTEMS 40   /* random systems in random_systems (4 replications each) */
#endif
#ifndef RANDOM_SEED
#define RANDOM_SEED 0x5eed2024u
#endif

/* ---- what a test holds ----------------------------------------------------- *
 * A failed assertion leaves the test function at once; teardown frees what it
 * still held, so that LeakSanitizer reports only the model's leaks. */

struct world;
static void world_close(struct world *w);

#define HELD 16
static void *held_mem[HELD];
static struct world *held_world[HELD];
static struct experiment *held_exp[HELD];
static struct summary *held_sum[HELD];
struct kept;
static struct kept *held_kept[HELD];
static void kept_close(struct kept *k);

static void hold_slot(void **slots, void *p)
{
    for (int i = 0; i < HELD; i++)
        if (!slots[i]) {
            slots[i] = p;
            return;
        }
    fail_msg("test holds too much");
}

static int drop_slot(void **slots, void *p)
{
    for (int i = 0; i < HELD; i++)
        if (slots[i] == p) {
            slots[i] = NULL;
            return 1;
        }
    return 0;
}

/* Memory from malloc that teardown frees if the test does not. */
static void *held(void *p)
{
    assert_non_null(p);
    hold_slot(held_mem, p);
    return p;
}

static void release(void *p)
{
    if (p && drop_slot(held_mem, p))
        free(p);
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < HELD; i++)         /* summaries first: their structs are held memory */
        if (held_sum[i]) {
            summary_free(held_sum[i]);
            held_sum[i] = NULL;
        }
    for (int i = 0; i < HELD; i++)         /* tallies before the worlds whose def they use */
        if (held_kept[i])
            kept_close(held_kept[i]);
    for (int i = 0; i < HELD; i++)         /* experiments before the worlds whose def they use */
        if (held_exp[i]) {
            experiment_free(held_exp[i]);
            free(held_exp[i]);
            held_exp[i] = NULL;
        }
    for (int i = 0; i < HELD; i++) {
        if (held_world[i])
            world_close(held_world[i]);
        free(held_mem[i]);
        held_mem[i] = NULL;
    }
    return 0;
}

/* ---- small helpers -------------------------------------------------------- */

static void assert_near(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("%s: got %.12g, want %.12g (tol %g)", what, got, want, tol);
}

/* A growing string. */
struct buf { char *s; size_t n, cap; };

static void bprintf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(k >= 0);
    if (b->n + (size_t)k + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + (size_t)k + 1)
            cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

/* Loads a configuration given as text (written to a temporary file that is
 * removed again) with settings sets[0..n) as -D gives them.  Fails the test,
 * with the loader's message, if it is refused. */
static struct definition *load_text_sets(const char *text, const char *const *sets, int n)
{
    char path[] = "/tmp/supplysim_test_model_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    char err[ERRLEN] = "";
    struct cfg *c = cfg_load(path, sets, n, LANG_EN, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    cfg_free(c);
    unlink(path);
    if (!d)
        fail_msg("configuration refused: %s\n--- text ---\n%s", err, text);
    return d;
}


/* One definition, its model, one replication's state and result. */
struct world {
    struct definition *d;
    struct model *m;
    struct rep *r;
    struct rep_result res;
};

static struct world *world_open_sets(const char *text, const char *const *sets, int n)
{
    struct world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    hold_slot((void **)held_world, w);
    w->d = load_text_sets(text, sets, n);
    w->m = model_create(w->d);
    assert_non_null(w->m);
    w->r = rep_create(w->m);
    assert_non_null(w->r);
    assert_int_equal(result_init(&w->res, w->d), 0);
    return w;
}

static struct world *world_open(const char *text)
{
    return world_open_sets(text, NULL, 0);
}

static void world_close(struct world *w)
{
    if (!w)
        return;
    drop_slot((void **)held_world, w);
    result_free(&w->res);
    rep_free(w->r);
    model_free(w->m);
    definition_free(w->d);
    free(w);
}

/* An experiment (replications on threads) over d, from replication 0. */
static struct experiment *exp_open(const struct definition *d)
{
    struct experiment *x = calloc(1, sizeof *x);
    char err[ERRLEN];
    assert_non_null(x);
    hold_slot((void **)held_exp, x);
    if (experiment_init(x, d, 0, err, sizeof err) != 0)
        fail_msg("experiment_init: %s", err);
    return x;
}

static void exp_close(struct experiment *x)
{
    drop_slot((void **)held_exp, x);
    experiment_free(x);
    free(x);
}

/* What a test keeps of an experiment's replications, as they are handed
 * over: the tally (for the summary) and, per replication, the values that
 * tests compare replication by replication. */
struct kept {
    const struct definition *d;
    struct tally t;
    long next, cap;            /* results come in replication order from 0 */
    double *response, *fill;   /* [replication x site] */
    double *demand, *unmet, *bay_wait;
    long *events;
};

static struct kept *kept_open(const struct definition *d, long cap)
{
    struct kept *k = calloc(1, sizeof *k);
    assert_non_null(k);
    hold_slot((void **)held_kept, k);
    size_t ns = (size_t)d->n_sites;
    k->d = d;
    k->cap = cap;
    assert_int_equal(tally_init(&k->t, d), 0);
    k->response = calloc((size_t)cap * ns + 1, sizeof(double));
    k->fill = calloc((size_t)cap * ns + 1, sizeof(double));
    k->demand = calloc((size_t)cap, sizeof(double));
    k->unmet = calloc((size_t)cap, sizeof(double));
    k->bay_wait = calloc((size_t)cap, sizeof(double));
    k->events = calloc((size_t)cap, sizeof(long));
    assert_true(k->response && k->fill && k->demand && k->unmet && k->bay_wait && k->events);
    return k;
}

static void kept_close(struct kept *k)
{
    drop_slot((void **)held_kept, k);
    tally_free(&k->t);
    free(k->response);
    free(k->fill);
    free(k->demand);
    free(k->unmet);
    free(k->bay_wait);
    free(k->events);
    free(k);
}

/* The experiment's sink: in order, each replication once. */
static int keep(void *arg, long index, const struct rep_result *r, char *err, size_t errlen)
{
    struct kept *k = arg;
    size_t ns = (size_t)k->d->n_sites;
    if (index != k->next || index >= k->cap) {
        snprintf(err, errlen, "replication %ld handed over where %ld was due", index, k->next);
        return -1;
    }
    memcpy(&k->response[(size_t)index * ns], r->response, ns * sizeof(double));
    memcpy(&k->fill[(size_t)index * ns], r->fill, ns * sizeof(double));
    k->demand[index] = r->demand_units;
    k->unmet[index] = r->unmet_units;
    k->bay_wait[index] = r->bay_wait_sum;
    k->events[index] = r->events;
    k->next++;
    return tally_add(&k->t, r);
}

/* Runs count more replications of x on `jobs` threads into k. */
static void exp_keep(struct experiment *x, long count, int jobs, struct kept *k)
{
    char err[ERRLEN];
    if (experiment_run(x, count, jobs, keep, k, NULL, NULL, err, sizeof err) != 0)
        fail_msg("experiment_run: %s", err);
}

static struct summary *sum_make(const struct definition *d, const struct kept *k)
{
    struct summary *s = held(calloc(1, sizeof *s));
    assert_int_equal(summary_make(s, d, &k->t), 0);
    hold_slot((void **)held_sum, s);
    return s;
}

static void sum_close(struct summary *s)
{
    drop_slot((void **)held_sum, s);
    summary_free(s);
    release(s);
}

/* Runs replication index; rep_run must return 0 (it checks conservation
 * after every event in this build). */
static void run_rep(struct world *w, long index, int trace)
{
    char err[ERRLEN] = "";
    if (rep_run(w->r, index, trace, &w->res, err, sizeof err) != 0)
        fail_msg("rep_run(%ld) failed: %s", index, err);
}

static double cause_of(const struct rep_result *res, int site, enum cause c)
{
    return res->cause[(size_t)site * CAUSES + (size_t)c];
}

/* ---- the hand-computed scenario ------------------------------------------- *
 *
 * One store on node "depot", one township t1 (seat "t1"), one site: a village
 * 5 km from the seat on a village road (the last mile).  Every road gives its
 * km and every class has cv = 0, run.load_cv = 0, occur/report/displaced are
 * fixed: nothing is random.
 *
 *     depot --A county 10 km-- j1 --B county 10 km-- t1 --last mile 5 km-- village
 *       \                        \--C national 30 km--/
 *        \--------------D provincial 50 km-----------/
 *
 * Free-flow minutes (km / speed x 60):
 *     A = 10/40*60 = 15      B = 10/40*60 = 15      C = 30/60*60 = 30
 *     D = 50/50*60 = 60      last mile = 5/25*60 = 12
 * Routes depot -> village:  A+B+last = 42 (shortest),  A+C+last = 57,
 *                           D+last = 72.
 * The store: 1 bay (unless said), load 10 min + 5 min/t, crews 20 min by
 * day, 45 min at night (day is 07:00-19:00), unload 10 min at the site.
 * Trucks carry 8 t and 40 m3.  Quilts weigh 2 kg (0.05 m3), water 10 kg
 * (0.02 m3).  Road information is perfect (test_roadinfo.c has it reported).
 */
struct hand {
    double onset_hour;
    const char *alarm;        /* "request" or "onset" */
    const char *kind;         /* the store's kind */
    double activation;
    int trucks, bays;
    const char *kit;          /* e.g. "quilt = 1.0;" */
    double occur, report, displaced;
    const char *damage;       /* road_damage entries, or NULL */
    const char *stock;        /* the store's stock and reorder levels; NULL: 5000 of each */
    const char *more;         /* more facilities (", { ... }"), or NULL */
    const char *more_fleet;   /* their fleets (", { ... }"), or NULL */
    const char *more_sites;   /* more disaster sites (", { ... }"), or NULL */
    const char *run_more;     /* more run settings, or NULL */
    const char *dispatch;     /* the policy; NULL: "earliest" */
    const char *disaster_more;/* more disaster settings (hazard effects), or NULL */
};

static const struct hand HAND = { 10.0, "request", "central", 0.0, 1, 1, "quilt = 1.0;",
                                  30.0, 20.0, 100.0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };

static char *hand_text(const struct hand *h)
{
    struct buf b = { 0 };
    bprintf(&b,
        "name = \"hand\";\n"
        "assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.5;\n"
        "  floor_load_t_m2 = 1.0; day_start_h = 7.0; night_start_h = 19.0; };\n"
        "road_classes = {\n"
        "  expressway = { speed_kmh = 80.0; cv = 0.0; };\n"
        "  national   = { speed_kmh = 60.0; cv = 0.0; };\n"
        "  provincial = { speed_kmh = 50.0; cv = 0.0; };\n"
        "  county     = { speed_kmh = 40.0; cv = 0.0; };\n"
        "  village    = { speed_kmh = 25.0; cv = 0.0; };\n"
        "};\n"
        "items = (\n"
        "  { id = \"quilt\"; name = \"Quilt\"; unit = \"piece\"; weight_kg = 2.0; volume_m3 = 0.05; },\n"
        "  { id = \"water\"; name = \"Water\"; unit = \"case\"; weight_kg = 10.0; volume_m3 = 0.02; }\n"
        ");\n"
        "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; } );\n"
        "townships = ( { id = \"t1\"; name = \"T1\"; kind = \"town\"; lon = 116.40; lat = 34.00;\n"
        "                population = 1000.0; } );\n"
        "nodes = (\n"
        "  { id = \"depot\"; kind = \"facility\"; name = \"Depot\"; lon = 116.30; lat = 34.00; },\n"
        "  { id = \"j1\"; kind = \"junction\"; name = \"J1\"; lon = 116.35; lat = 34.00; }\n"
        ");\n"
        "roads = (\n"
        "  { name = \"A\"; class = \"county\";     via = [\"depot\", \"j1\"]; km = 10.0; },\n"
        "  { name = \"B\"; class = \"county\";     via = [\"j1\", \"t1\"];    km = 10.0; },\n"
        "  { name = \"C\"; class = \"national\";   via = [\"j1\", \"t1\"];    km = 30.0; },\n"
        "  { name = \"D\"; class = \"provincial\"; via = [\"depot\", \"t1\"]; km = 50.0; }\n"
        ");\n"
        "facilities = (\n"
        "  { id = \"store\"; kind = \"%s\"; name = \"Store\"; node = \"depot\"; floor_m2 = 1000.0;\n"
        "    bays = %d; load_setup_min = 10.0; load_min_per_t = 5.0; mobilise_day_min = 20.0;\n"
        "    mobilise_night_min = 45.0; activation_min = %.6f;\n"
        "    %s }%s\n"
        ");\n"
        "fleet = ( { id = \"store\"; truck = \"medium\"; trucks = %d; }%s );\n"
        "run = { replications = 1; seed = 7; horizon_h = 72.0; onset_hour = %.6f;\n"
        "  alarm = \"%s\"; dispatch = \"%s\"; load_cv = 0.0; unload_min = 10.0;\n"
        "  road_info = \"perfect\"; %s };\n"
        "disaster = {\n"
        "  kit = { %s };\n"
        "  sites = ( { township = \"t1\"; village_km = 5.0; occur_min = %.6f; report_min = %.6f;\n"
        "              displaced = %.6f; }%s );\n",
        h->kind, h->bays, h->activation,
        h->stock ? h->stock : "stock = { quilt = 5000.0; water = 5000.0; };", h->more ? h->more : "",
        h->trucks, h->more_fleet ? h->more_fleet : "", h->onset_hour, h->alarm,
        h->dispatch ? h->dispatch : "earliest", h->run_more ? h->run_more : "", h->kit, h->occur, h->report, h->displaced,
        h->more_sites ? h->more_sites : "");
    if (h->damage)
        bprintf(&b, "  road_damage = ( %s );\n", h->damage);
    if (h->disaster_more)
        bprintf(&b, "  %s\n", h->disaster_more);
    bprintf(&b, "};\n");
    return b.s;
}

/* Runs the hand scenario once (replication 0, traced). */
static struct world *hand_run(const struct hand *h)
{
    char *text = held(hand_text(h));
    struct world *w = world_open(text);
    release(text);
    run_rep(w, 0, 1);
    return w;
}

/* The main causes of site 0's first shipment, all of them (none unreachable). */
static void expect_causes(const struct rep_result *res, double report, double stock,
                          double mobilise, double truck, double bay, double load, double travel,
                          double road)
{
    const double want[MAIN_CAUSES] = { [CAUSE_REPORT] = report, [CAUSE_STOCK] = stock,
        [CAUSE_MOBILISE] = mobilise, [CAUSE_TRUCK] = truck, [CAUSE_BAY] = bay,
        [CAUSE_LOAD] = load, [CAUSE_TRAVEL] = travel, [CAUSE_ROAD] = road };
    for (int c = 0; c < MAIN_CAUSES; c++) {
        char what[64];
        snprintf(what, sizeof what, "cause %s", cause_id(c));
        assert_near(cause_of(res, 0, c), want[c], EXACT, what);
    }
}

/* Road delays of site 0 in their parts: detours and turn-backs, waiting for
 * a road to reopen, slowed roads and checkpoints. */
static void expect_parts(const struct rep_result *res, double detour, double wait, double slowed)
{
    assert_near(cause_of(res, 0, CAUSE_DETOUR), detour, EXACT, "road delays: detours");
    assert_near(cause_of(res, 0, CAUSE_WAIT), wait, EXACT, "road delays: waiting");
    assert_near(cause_of(res, 0, CAUSE_SLOWED), slowed, EXACT, "road delays: slowed roads");
}

/* (a) Day, alarm at the request, one truckload.
 *   occur 30, report 20            -> request at 50 (10:50, day)
 *   alarm at the request           -> ready = 50 + mobilise_day 20 + activation 0 = 70
 *   the only truck is idle         -> truck at 70; the bay is free -> loading at 70
 *   100 people x 1 quilt = 100 quilts = 200 kg = 0.2 t
 *   loading = 10 + 5 x 0.2 = 11    -> loaded at 81
 *   travel A + B + last mile = 15 + 15 + 12 = 42 -> arrival at 123
 *   response = 123 - 30 = 93; fill = 93 (one shipment covers the need)
 *   causes: report 20, mobilisation 70 - 50 = 20, loading 11, travel 42 (sum 93). */
static void hand_day_request(void **state)
{
    (void)state;
    struct world *w = hand_run(&HAND);
    assert_near(w->res.occur[0], 30.0, EXACT, "occur");
    assert_near(w->res.people[0], 100.0, EXACT, "people");
    assert_near(w->res.response[0], 93.0, EXACT, "response");
    assert_near(w->res.fill[0], 93.0, EXACT, "fill");
    assert_near(w->res.demand_units, 100.0, EXACT, "demand");
    assert_near(w->res.unmet_units, 0.0, EXACT, "unmet");
    assert_int_equal(w->res.shipments, 1);
    assert_int_equal(w->res.bay_waits, 1);
    assert_near(w->res.bay_wait_sum, 0.0, EXACT, "bay wait");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 0);
    /* the trace: ordered at the request, loaded at 81, arrived at 123, 0.2 t, 5 m3 */
    assert_int_equal(w->res.n_trace, 1);
    assert_near(w->res.trace[0].ordered, 50.0, EXACT, "ordered");
    assert_near(w->res.trace[0].loaded, 81.0, EXACT, "loaded");
    assert_near(w->res.trace[0].arrived, 123.0, EXACT, "arrived");
    assert_near(w->res.trace[0].tonnes, 0.2, EXACT, "tonnes");
    assert_near(w->res.trace[0].m3, 5.0, EXACT, "m3");
    /* resources every 10 min: the truck is away from 70 (taken) until
     * 123 + 10 + 42 = 175 (home), so at minutes 80, ..., 170: samples 8 to 17
     * (at minute 70 itself it is taken: either value is a fair sample of that
     * instant); no bay queue */
    assert_int_equal(w->res.n_samples, 72 * 6 + 1);
    for (int k = 0; k < w->res.n_samples; k++) {
        if (k != 7 && w->res.trucks_out[k] != (k >= 8 && k <= 17))
            fail_msg("trucks_out[%d] (minute %d) = %g", k, 10 * k, w->res.trucks_out[k]);
        assert_true(w->res.central_queue[k] == 0);
    }
    assert_near(w->res.truck_busy_min, 175.0 - 70.0, EXACT, "truck busy");
    assert_near(w->res.truck_min, 4320.0, EXACT, "truck minutes");
    world_close(w);
}

/* (a) A supplier as the only store: activation 7 min adds to mobilisation.
 *   ready = 50 + 20 + 7 = 77, loaded 77 + 11 = 88, arrival 88 + 42 = 130
 *   response = 130 - 30 = 100; mobilisation cause 27. */
static void hand_supplier_activation(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.kind = "supplier";
    h.activation = 7.0;
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 100.0, EXACT, "response");
    expect_causes(&w->res, 20, 0, 27, 0, 0, 11, 42, 0);
    world_close(w);
}

/* (a) Onset at 06:30, alarm at the request: the request comes at 50 min,
 * 07:20, by day, so the crews take the day time even though the disaster
 * began at night.  Same as hand_day_request: response 93 (the night time
 * would give 50 + 45 + 11 + 42 - 30 = 118).
 * And onset at 22:00: the request at 22:50 is at night:
 *   ready = 50 + 45 = 95, loaded 106, arrival 148, response 118. */
static void hand_alarm_hour(void **state)
{
    (void)state;
    struct hand h = HAND;
    struct world *w;
    h.onset_hour = 6.5;
    w = hand_run(&h);
    assert_near(w->res.response[0], 93.0, EXACT, "response, request by day after a night onset");
    world_close(w);
    h.onset_hour = 22.0;
    w = hand_run(&h);
    assert_near(w->res.response[0], 118.0, EXACT, "response, request at night");
    expect_causes(&w->res, 20, 0, 45, 0, 0, 11, 42, 0);
    world_close(w);
}

/* (a) Two truckloads: 1000 people x 1 case of water = 1000 cases = 10 t;
 * a truck takes 8 t (800 cases; 16 m3 < 40 m3), so 800 + 200.
 *   request 50, ready 70; first load 10 + 5 x 8 = 50 -> loaded 120,
 *   arrival 120 + 42 = 162 -> response 162 - 30 = 132.
 *   The truck unloads (10) and drives back (42): home at 162 + 10 + 42 = 214;
 *   second load 10 + 5 x 2 = 20 -> loaded 234, arrival 234 + 42 = 276
 *   -> fill 276 - 30 = 246.
 * With two trucks and one bay: both trucks at 70; the second waits for the
 * bay until 120 (bay wait 50), loads 20 -> 140, arrives 182 -> fill 152;
 * the response stays 132; total bay wait 0 + 50 = 50 over 2 loadings. */
static void hand_two_truckloads(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.kit = "water = 1.0;";
    h.displaced = 1000.0;
    struct world *w = hand_run(&h);
    assert_near(w->res.demand_units, 1000.0, EXACT, "demand");
    assert_int_equal(w->res.shipments, 2);
    assert_near(w->res.response[0], 132.0, EXACT, "response");
    assert_near(w->res.fill[0], 246.0, EXACT, "fill, one truck");
    assert_near(w->res.unmet_units, 0.0, EXACT, "unmet");
    assert_near(w->res.trace[0].tonnes, 8.0, EXACT, "first load");
    assert_near(w->res.trace[1].tonnes, 2.0, EXACT, "second load");
    assert_near(w->res.trace[1].loaded, 234.0, EXACT, "second loaded");
    world_close(w);

    h.trucks = 2;
    w = hand_run(&h);
    assert_near(w->res.response[0], 132.0, EXACT, "response, two trucks");
    assert_near(w->res.fill[0], 152.0, EXACT, "fill, two trucks one bay");
    assert_int_equal(w->res.bay_waits, 2);
    assert_near(w->res.bay_wait_sum, 50.0, EXACT, "bay wait, two trucks one bay");
    /* resources: both trucks away from 70; the first home at 162 + 10 + 42 =
     * 214, the second at 182 + 10 + 42 = 234: 2 out at minutes 80..210
     * (samples 8-21), 1 at 220 and 230; one truck in the bay queue from 70 to
     * 120: samples 8-11 (minutes 70 and 120 are the instants of change, not
     * checked) */
    for (int k = 0; k < w->res.n_samples; k++) {
        if (k == 7 || k == 12)
            continue;
        double out = k >= 8 && k <= 21 ? 2 : k >= 22 && k <= 23 ? 1 : 0;
        if (w->res.trucks_out[k] != out || w->res.central_queue[k] != (k >= 8 && k <= 11))
            fail_msg("sample %d (minute %d): %g trucks out (want %g), %g queued", k, 10 * k,
                     w->res.trucks_out[k], out, w->res.central_queue[k]);
    }
    assert_near(w->res.truck_busy_min, (214.0 - 70.0) + (234.0 - 70.0), EXACT, "truck busy");
    world_close(w);

    /* two bays: no wait; the second (2 t) loads 70..90 and arrives first, at
     * 90 + 42 = 132 -> response 102; the first arrives at 162 -> fill 132 */
    h.bays = 2;
    w = hand_run(&h);
    assert_near(w->res.response[0], 102.0, EXACT, "response, two trucks two bays");
    assert_near(w->res.fill[0], 132.0, EXACT, "fill, two trucks two bays");
    assert_near(w->res.trace[1].arrived, 132.0, EXACT, "second arrival, two bays");
    assert_near(w->res.bay_wait_sum, 0.0, EXACT, "bay wait, two bays");
    world_close(w);
}

/* Dispatch policies.  Beside the central store, t1 has a stockpile point at
 * its seat with one truck and slow crews (60 min).  For the site (100
 * quilts, request at 50) the estimated arrivals, loading a full 8 t truck
 * (10 + 5 x 8 = 50), are
 *     central store   ready 70,            70 + 50 + 42 = 162
 *     t1's point      ready 50 + 60 = 110, 110 + 50 + 12 = 172
 *   "earliest" takes the central store: response 93 as in hand_day_request.
 *   "tiered" takes the township's own point first: ready 110, loads 0.2 t in
 *   11 -> 121, drives the last mile (12) -> 133: response 103. */
static void hand_policies(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.more = ",\n  { id = \"pt\"; kind = \"township\"; name = \"Point\"; node = \"t1\"; township = \"t1\";\n"
             "    floor_m2 = 100.0; bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0;\n"
             "    mobilise_day_min = 60.0; mobilise_night_min = 90.0; activation_min = 0.0;\n"
             "    stock = { quilt = 1000.0; }; }";
    h.more_fleet = ", { id = \"pt\"; truck = \"medium\"; trucks = 1; }";
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 93.0, EXACT, "response, earliest");
    assert_string_equal(w->d->facilities[w->res.trace[0].source].id, "store");
    world_close(w);

    h.dispatch = "tiered";
    w = hand_run(&h);
    assert_near(w->res.response[0], 103.0, EXACT, "response, tiered");
    assert_string_equal(w->d->facilities[w->res.trace[0].source].id, "pt");
    expect_causes(&w->res, 20, 0, 60, 0, 0, 11, 12, 0);
    world_close(w);
}

/* run.each_site: a second site (village 10 km out: 24 min on the last mile,
 * A + B + 24 = 54 from the depot) with the same times and need competes for
 * the one truck.  Both requests come at 50 (the first site's first).
 *   Together: the first as in hand_day_request (response 93); the truck is
 *   home at 123 + 10 + 42 = 175, loads the second's quilts in 11 -> 186,
 *   drives 54 -> 240: response 210.
 *   each_site: each site has the disaster alone, with the same draws: the
 *   first 93, the second 70 + 11 + 54 = 135 - 30 = 105; the results add up
 *   over the two runs (demand 200, 2 shipments, 2 x 4320 truck minutes). */
static void hand_each_site(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.more_sites = ",\n    { township = \"t1\"; village_km = 10.0; occur_min = 30.0; report_min = 20.0;"
                   " displaced = 100.0; }";
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 93.0, EXACT, "first site, together");
    assert_near(w->res.response[1], 210.0, EXACT, "second site, together");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 0);
    /* the second site's first shipment: report 20, mobilisation 20, then the
     * truck is away until 175 (truck wait 105), loading 11, travel 54 */
    assert_near(cause_of(&w->res, 1, CAUSE_TRUCK), 105.0, EXACT, "second site: truck wait");
    assert_near(cause_of(&w->res, 1, CAUSE_TRAVEL), 54.0, EXACT, "second site: travel");
    world_close(w);

    h.run_more = "each_site = true;";
    w = hand_run(&h);
    assert_near(w->res.response[0], 93.0, EXACT, "first site alone");
    assert_near(w->res.response[1], 105.0, EXACT, "second site alone");
    assert_near(w->res.demand_units, 200.0, EXACT, "demand over both runs");
    assert_int_equal(w->res.shipments, 2);
    assert_near(w->res.truck_min, 2 * 4320.0, EXACT, "truck minutes over both runs");
    world_close(w);
}

/* (b) Alarm at onset, onset at 22:00 (night): the crews are called at t = 0
 * and are ready at 0 + 45 = 45.  Occur 10, report 5 -> request at 15; the
 * truck leaves the queue at 45, loads 11 -> 56, arrives 56 + 42 = 98;
 * response 98 - 10 = 88; causes: report 5, mobilisation 45 - 15 = 30,
 * loading 11, travel 42.
 * A request after the crews are ready (occur 60, report 20 -> 80) waits for
 * nothing: loaded 91, arrival 133, response 73, mobilisation 0. */
static void hand_onset_night(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.alarm = "onset";
    h.onset_hour = 22.0;
    h.occur = 10.0;
    h.report = 5.0;
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 88.0, EXACT, "response, onset alarm at night");
    expect_causes(&w->res, 5, 0, 30, 0, 0, 11, 42, 0);
    world_close(w);

    h.occur = 60.0;
    h.report = 20.0;
    w = hand_run(&h);
    assert_near(w->res.response[0], 73.0, EXACT, "response, crews ready before the request");
    expect_causes(&w->res, 20, 0, 0, 0, 0, 11, 42, 0);
    world_close(w);
}

/* (b) The dispatcher counts a partial loss of crews.  The depot has 2
 * trucks; a sub-centre at the depot too has 1 (crews 40 min by day, the same
 * loading); 0.4 of every fleet's crews are out from 0 to 1000: the depot
 * loses round(0.8) = 1 crew, the sub-centre round(0.4) = 0.  1000 people x 1
 * quilt = 1000 quilts = 50 m3: 800 quilts (40 m3, 1.6 t), then 200 (0.4 t).
 * The request at 50; estimates load a full 8 t truck: 10 + 5 x 8 = 50.
 *   First load: the depot's first free truck stands without a crew (until
 *     1000); its second has one: ready 70 + 50 + 42 = 162; the sub-centre 90
 *     + 50 + 42 = 182.  The depot's: taken at 70, loaded in 10 + 5 x 1.6 =
 *     18 -> 88, arrival 130: response 100.  The dispatcher expects it back at
 *     162 + 10 + 42 = 214.
 *   Second load: the depot's crewless truck until 1000, its crewed one at
 *     214: 214 + 50 + 42 = 306; the sub-centre 182: chosen.  Taken at 90,
 *     loaded in 10 + 5 x 0.4 = 12 -> 102, arrival 144: fill 114.
 *   (Counting only a loss of every crew, as before, the depot's idle truck
 *   would be taken for 70 + 50 + 42 = 162 < 182; it stands, and the load
 *   waits for the first truck home at 130 + 10 + 42 = 182: loaded 194,
 *   arrival 236, fill 206.) */
static void hand_crews_partial(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.trucks = 2;
    h.displaced = 1000.0;
    h.more = ",\n  { id = \"sub\"; kind = \"subcentre\"; name = \"Sub\"; node = \"depot\"; "
             "floor_m2 = 1000.0;\n    bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0; "
             "mobilise_day_min = 40.0;\n    mobilise_night_min = 60.0; activation_min = 0.0;\n"
             "    stock = { quilt = 5000.0; water = 5000.0; }; }";
    h.more_fleet = ", { id = \"sub\"; truck = \"medium\"; trucks = 1; }";
    h.disaster_more = "crews_out = { share = 0.4; from_min = 0.0; duration_min = 1000.0; };";
    struct world *w = hand_run(&h);
    assert_int_equal(w->res.shipments, 2);
    assert_near(w->res.response[0], 100.0, EXACT, "response");
    assert_near(w->res.fill[0], 114.0, EXACT, "fill: the second load from the sub-centre");
    assert_int_equal(w->res.trace[0].source, 0);
    assert_int_equal(w->res.trace[1].source, 1);
    assert_near(w->res.trace[1].loaded, 102.0, EXACT, "second loaded");
    world_close(w);
}

/* (c) The last mile -- the only way to the village -- closes at 100 and
 * reopens at 200.  The truck leaves at 81 (as in hand_day_request) on
 * A, B, last mile: j1 at 96, seat at 111, where the road ahead is closed and
 * no other route exists: it waits at the seat until 200, then drives 12 min:
 *   arrival 212, response 212 - 30 = 182; road wait 200 - 111 = 89;
 *   causes: road 89, travel 42 (the driving), the rest as before; the road
 *   delays are all the wait for a road to reopen.
 * Closed instead from 0 to 150: the truck cannot leave the depot at 81 and
 * waits there until 150: arrival 150 + 42 = 192, response 162, road 69. */
static void hand_closure_wait(void **state)
{
    (void)state;
    struct hand h = HAND;
    struct world *w;
    h.damage = "{ road = \"last mile\"; probability = 1.0; factor = 0.0; from_min = 100.0; "
               "duration_min = 100.0; }";
    w = hand_run(&h);
    assert_near(w->res.response[0], 182.0, EXACT, "response, waits at the seat");
    assert_near(cause_of(&w->res, 0, CAUSE_ROAD), 89.0, EXACT, "road cause = the wait");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 89);
    expect_parts(&w->res, 0, 89, 0);
    world_close(w);

    h.damage = "{ road = \"last mile\"; probability = 1.0; factor = 0.0; from_min = 0.0; "
               "duration_min = 150.0; }";
    w = hand_run(&h);
    assert_near(w->res.response[0], 162.0, EXACT, "response, waits at the depot");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 69);
    expect_parts(&w->res, 0, 69, 0);
    world_close(w);
}

/* (c) Detours.
 *   B closed from 0 for good: the truck plans A + C + last = 15 + 30 + 12 = 57
 *     at the depot: arrival 81 + 57 = 138, response 108; road cause = the
 *     detour 57 - 42 = 15, travel 42.
 *   B closed from 90 (the truck left at 81 planning A, B): at j1 (96) the road
 *     ahead is closed, it re-plans C + last = 42: arrival 138 again, road 15.
 *   A closed from 0: D + last = 72: arrival 153, response 123, road 30.
 *   B slowed to 0.6 of its speed from 0: B takes 15 / 0.6 = 25, so A + B +
 *     last = 52 < 57: arrival 133, response 103; road cause = the 10 extra
 *     minutes of the slowed road.
 * The road delays are detours in the first three cases, a slowed road in
 * the last. */
static void hand_detour(void **state)
{
    (void)state;
    static const struct { const char *damage; double response, road, slowed; } cases[] = {
        { "{ road = \"B\"; probability = 1.0; from_min = 0.0; }", 108.0, 15.0, 0.0 },
        { "{ between = [\"j1\", \"t1\"]; class = \"county\"; from_min = 90.0; duration_min = 1000.0; }",
          108.0, 15.0, 0.0 },
        { "{ road = \"A\"; from_min = 0.0; }", 123.0, 30.0, 0.0 },
        { "{ road = \"B\"; factor = 0.6; from_min = 0.0; duration_min = 5000.0; }", 103.0, 10.0, 10.0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct hand h = HAND;
        struct world *w;
        char what[64];
        h.damage = cases[i].damage;
        w = hand_run(&h);
        snprintf(what, sizeof what, "detour case %zu: response", i);
        assert_near(w->res.response[0], cases[i].response, EXACT, what);
        snprintf(what, sizeof what, "detour case %zu: road cause", i);
        assert_near(cause_of(&w->res, 0, CAUSE_ROAD), cases[i].road, EXACT, what);
        snprintf(what, sizeof what, "detour case %zu: travel cause", i);
        assert_near(cause_of(&w->res, 0, CAUSE_TRAVEL), 42.0, EXACT, what);
        expect_parts(&w->res, cases[i].road - cases[i].slowed, 0, cases[i].slowed);
        world_close(w);
    }
}

/* (c) Two roads reopen at the same instant.  A and D -- the only roads out
 * of the depot -- are closed from 0 to 150 (two rules, D's first).  The
 * truck, loaded at 81, waits at the depot; at 150 the network it sees as it
 * leaves has both open (sim/MODEL.md, "Trucks on the road": a truck plans on
 * the network as it is when it leaves), so it takes A + B + last mile = 42: arrival 192,
 * response 162, road cause = the wait 150 - 81 = 69.  (Setting off as soon
 * as D alone has reopened would give D + last mile = 72: arrival 222,
 * response 192.) */
static void hand_simultaneous(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.damage = "{ road = \"D\"; from_min = 0.0; duration_min = 150.0; },\n"
               "    { road = \"A\"; from_min = 0.0; duration_min = 150.0; }";
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 162.0, EXACT, "response, A and D reopen together at 150");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 69);
    expect_parts(&w->res, 0, 69, 0);
    world_close(w);
}

/* (c) After a wait the truck plans again.  B is closed from 0 to 500, so the
 * truck leaving the depot at 81 plans A + C + last mile (57).  At 90 the last
 * mile closes until 600: at j1 (96) no route is left and it waits there.  B
 * reopens at 500 (still no route: the last mile is closed).  At 600 the truck
 * leaves j1 on the network as it is then (sim/MODEL.md, "Trucks on the road"): B + last mile = 27,
 * arriving at 627: response 597; road cause = the wait 600 - 96 = 504 (it
 * drives A, B and the last mile, the free-flow route: no detour).
 * (Resuming the route planned at 81 would take C + last mile = 42: arrival
 * 642, response 612, road 519.) */
static void hand_wait_replans(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.damage = "{ road = \"B\"; from_min = 0.0; duration_min = 500.0; },\n"
               "    { road = \"last mile\"; from_min = 90.0; duration_min = 510.0; }";
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 597.0, EXACT, "response, plans again after waiting at j1");
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 42, 504);
    expect_parts(&w->res, 0, 504, 0);
    world_close(w);
}

/* (c) The last mile closed from 0 for good: the truck, loaded at 81, waits
 * at the depot until the 72 h horizon (4320 min); the site is never reached.
 * Its lateness is the closed road: the shipment was made at the request and
 * loaded, so the composition should be report 20, mobilisation 20, loading
 * 11 and road 4320 - 81 = 4239 (sum 4290 = horizon - occur), not a
 * stock-out: stock was there and was loaded (sim/MODEL.md, "Trucks on the road":
 * where no route exists a truck waits for a road to reopen, the wait recorded as road delay). */
static void hand_unreached_cause(void **state)
{
    (void)state;
    struct hand h = HAND;
    struct world *w;
    h.damage = "{ road = \"last mile\"; from_min = 0.0; }";
    w = hand_run(&h);
    assert_true(isinf(w->res.response[0]));
    assert_true(isinf(w->res.fill[0]));
    assert_near(w->res.unmet_units, 100.0, EXACT, "unmet");
    assert_near(w->res.trace[0].loaded, 81.0, EXACT, "loaded");
    assert_true(isinf(w->res.trace[0].arrived));
    expect_causes(&w->res, 20, 0, 20, 0, 0, 11, 0, 4239);
    expect_parts(&w->res, 0, 4239, 0);
    world_close(w);
}

/* Replenishment (sim/MODEL.md, "Dispatch": stock below a reorder level is replenished from
 * the central depot or a supplier, and the central depot from agreement suppliers).  The
 * store (central) holds 150 quilts with a reorder level of 100.  A supplier
 * stands at j1 (crews 20 min by day, activation 30 min, 1 truck, same
 * loading times) and a sub-centre at the depot itself (crews 40 min).
 *   The site (100 quilts, request at 50): estimated arrivals, loading a full
 *   8 t truck (10 + 5 x 8 = 50):
 *     central    ready 70,            70 + 50 + 42 = 162   <- chosen
 *     sub-centre ready 50 + 40 = 90,  90 + 50 + 42 = 182
 *     supplier   ready 50 + 50 = 100, 100 + 50 + (15 + 12) = 177
 *   so the site's response is 93 as in hand_day_request.
 *   The dispatcher promises the central's 100 quilts at 50: 50 left
 *   available < 100, so at 50 it asks for 150 - 50 = 100 (the reorder level
 *   is checked when stock is promised, not only when it is loaded).  Only a
 *   supplier may refill the central depot, although the sub-centre would be
 *   sooner (50 + 40 + 50 + 0 = 140 against the supplier's 50 + 50 + 50 + 15
 *   = 165).  The supplier: ready at 50 + 20 + 30 = 100, loads 100 quilts
 *   (0.2 t) in 11 -> 111, drives A (15) -> arrives at the depot at 126. */
static void hand_replenishment(void **state)
{
    (void)state;
    struct hand h = HAND;
    h.stock = "stock = { quilt = 150.0; }; reorder = { quilt = 100.0; };";
    h.more = ",\n  { id = \"sup\"; kind = \"supplier\"; name = \"Supplier\"; node = \"j1\"; floor_m2 = 1000.0;\n"
             "    bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0; mobilise_day_min = 20.0;\n"
             "    mobilise_night_min = 45.0; activation_min = 30.0; stock = { quilt = 1000.0; }; },\n"
             "  { id = \"sc\"; kind = \"subcentre\"; name = \"Sub-centre\"; node = \"depot\"; floor_m2 = 1000.0;\n"
             "    bays = 1; load_setup_min = 10.0; load_min_per_t = 5.0; mobilise_day_min = 40.0;\n"
             "    mobilise_night_min = 60.0; activation_min = 0.0; stock = { quilt = 1000.0; }; }";
    h.more_fleet = ", { id = \"sup\"; truck = \"medium\"; trucks = 1; }, "
                   "{ id = \"sc\"; truck = \"medium\"; trucks = 1; }";
    struct world *w = hand_run(&h);
    assert_near(w->res.response[0], 93.0, EXACT, "response");
    assert_int_equal(w->res.shipments, 2);
    assert_int_equal(w->res.n_trace, 2);
    const struct trace_row *site = &w->res.trace[0], *refill = &w->res.trace[1];
    assert_int_equal(site->site, 0);
    assert_string_equal(w->d->facilities[site->source].id, "store");
    assert_int_equal(refill->site, -1);
    assert_string_equal(w->d->facilities[refill->dest_facility].id, "store");
    assert_string_equal(w->d->facilities[refill->source].id, "sup");
    assert_near(refill->ordered, 50.0, EXACT, "refill ordered");
    assert_near(refill->loaded, 111.0, EXACT, "refill loaded");
    assert_near(refill->arrived, 126.0, EXACT, "refill arrived");
    assert_near(refill->tonnes, 0.2, EXACT, "refill tonnes");
    /* the store ran out of nothing: 50 quilts were left */
    for (int k = 0; k < w->d->n_facilities * w->d->n_items; k++)
        assert_int_equal(w->res.stockout[k], 0);
    world_close(w);
}

/* ---- M/M/c at the loading bays --------------------------------------------- *
 *
 * One store with c bays, crews ready at onset in no time (alarm = onset,
 * mobilisation 0), 300 trucks (never all busy: P(more than 300 in system) is
 * below 0.8^290 here), stock for everyone, N sites each needing exactly one
 * quilt (one shipment each), loading time load_setup_min x a gamma factor
 * with cv 1 -- an exponential with mean 1/mu = 10 min (load_min_per_t = 0) --
 * and roads of a few metres.  Each site's disaster occurs uniformly on
 * [0, T], reported at once: N arrivals uniform on [0, T] are a Poisson
 * process of rate lambda = N / T conditioned on its count.  So the bays are an
 * M/M/c queue and a shipment's bay wait (rep_result.bay_wait_sum /
 * bay_waits) is the queue's waiting time Wq = C(c, a) / (c mu - lambda),
 * a = lambda / mu, C the Erlang C formula.
 *
 * Edge effects: the queue starts empty, which biases the mean wait down by
 * roughly (relaxation time / T); T is 100-300 mean service times long, the
 * relaxation time a few tens, so a few percent at most.  The interval is a
 * 99% t interval over replications of the per-replication mean wait.
 */
static double erlang_c(int c, double a)
{
    double term = 1.0, sum = 0.0;          /* term = a^k / k! */
    for (int k = 0; k < c; k++) {
        sum += term;
        term *= a / (k + 1);
    }
    double top = term * c / (c - a);
    return top / (sum + top);
}

static char *mmc_text(int c, int n_sites, double t_end, double horizon_h, unsigned seed)
{
    struct buf b = { 0 };
    bprintf(&b,
        "name = \"mmc\";\n"
        "assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.5;\n"
        "  floor_load_t_m2 = 1.0; day_start_h = 7.0; night_start_h = 19.0; };\n"
        "road_classes = {\n"
        "  expressway = { speed_kmh = 80.0; cv = 0.0; }; national = { speed_kmh = 60.0; cv = 0.0; };\n"
        "  provincial = { speed_kmh = 50.0; cv = 0.0; }; county = { speed_kmh = 40.0; cv = 0.0; };\n"
        "  village = { speed_kmh = 25.0; cv = 0.0; };\n"
        "};\n"
        "items = ( { id = \"quilt\"; name = \"Quilt\"; unit = \"piece\"; weight_kg = 2.0; volume_m3 = 0.05; } );\n"
        "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; } );\n"
        "townships = ( { id = \"t1\"; name = \"T1\"; kind = \"town\"; lon = 116.40; lat = 34.00; population = 1000.0; } );\n"
        "nodes = ( { id = \"depot\"; kind = \"facility\"; name = \"Depot\"; lon = 116.401; lat = 34.00; } );\n"
        "roads = ( { name = \"A\"; class = \"county\"; via = [\"depot\", \"t1\"]; km = 0.01; } );\n"
        "facilities = ( { id = \"store\"; kind = \"central\"; name = \"Store\"; node = \"depot\";\n"
        "  floor_m2 = 1000.0; bays = %d; load_setup_min = 10.0; load_min_per_t = 0.0;\n"
        "  mobilise_day_min = 0.0; mobilise_night_min = 0.0; activation_min = 0.0;\n"
        "  stock = { quilt = %d.0; }; } );\n"
        "fleet = ( { id = \"store\"; truck = \"medium\"; trucks = 300; } );\n"
        "run = { seed = %u; horizon_h = %.1f; onset_hour = 10.0; alarm = \"onset\";\n"
        "  load_cv = 1.0; unload_min = 0.0; };\n"
        "disaster = {\n"
        "  kit = { quilt = 1.0; };\n"
        "  sites = (\n", c, n_sites + 10, seed, horizon_h);
    for (int i = 0; i < n_sites; i++)
        bprintf(&b, "    { id = \"s%d\"; township = \"t1\"; village_km = 0.001; occur_min = [0.0, %.3f]; "
                "report_min = 0.0; displaced = 1.0; }%s\n", i, t_end, i + 1 < n_sites ? "," : "");
    bprintf(&b, "  );\n};\n");
    return b.s;
}

/* Runs reps replications of the M/M/c configuration and checks the 99%
 * interval of the mean bay wait against Erlang C. */
static void check_mmc(int c, double rho, int n_sites, int reps)
{
    const double mean_service = 10.0, mu = 1.0 / mean_service;
    const double lambda = rho * c * mu;
    const double t_end = n_sites / lambda;
    const double want = erlang_c(c, lambda / mu) / (c * mu - lambda);
    char *text = held(mmc_text(c, n_sites, t_end, (t_end + 2000.0) / 60.0, 20240917u + (unsigned)c));
    struct world *w = world_open(text);
    release(text);
    double *mean = held(malloc((size_t)reps * sizeof *mean));
    for (int k = 0; k < reps; k++) {
        run_rep(w, k, 0);
        assert_int_equal(w->res.bay_waits, n_sites);         /* one loading per site */
        assert_near(w->res.unmet_units, 0.0, EXACT, "M/M/c: everyone served");
        mean[k] = w->res.bay_wait_sum / (double)w->res.bay_waits;
    }
    struct interval iv = stats_mean_t(mean, (size_t)reps, 0.99);
    print_message("M/M/%d rho %.2f: lambda %.4f/min, mu %.4f/min, N %d, T %.0f min, %d reps: "
                  "mean bay wait %.3f, 99%% CI [%.3f, %.3f]; Erlang C Wq = %.3f\n", c, rho,
                  lambda, mu, n_sites, t_end, reps, iv.est, iv.lo, iv.hi, want);
    if (!(iv.lo <= want && want <= iv.hi))
        fail_msg("M/M/%d at rho %.2f: the 99%% interval [%.4f, %.4f] of the mean bay wait "
                 "does not contain Erlang C's Wq = %.4f", c, rho, iv.lo, iv.hi, want);
    release(mean);
    world_close(w);
}

/* M/M/1, rho 0.7: Wq = rho / (mu - lambda) = 0.7 / (0.1 - 0.07) = 23.33 min.
 * The 99% interval's half-width is about 2.7 min (12%), so it rejects, e.g.,
 * a deterministic loading time (M/D/1: Wq = 11.67, as if load_cv were
 * ignored) or a bay count off by one (M/M/2 at this load: Wq = 1.40).
 * Edge bias measured with 600 replications: mean 22.95 [22.49, 23.41] at
 * 99%, i.e. -1.6%, 0.4 standard errors at 30 replications; a plain FCFS
 * M/M/1 simulation of the same finite system (N = 1500 uniform arrivals,
 * empty start) gives 23.02 +- 0.09 over 2000 replications. */
static void mmc_one_bay(void **state)
{
    (void)state;
    check_mmc(1, 0.7, 1500, MMC_REPS);
}

/* M/M/3, rho 0.8: a = 2.4, C(3, 2.4) = 11.52 / 17.8 = 0.6472,
 * Wq = 0.6472 / (0.3 - 0.24) = 10.79 min.  The 99% half-width is about
 * 1.9 min (18%): it rejects M/M/2 (unstable at this load: waits in the
 * hundreds), M/M/4 (Wq = 1.79) and M/D/3 (about 5.5).  Edge bias measured
 * with 600 replications: 10.41 [10.09, 10.73] at 99%, -3.5%, 0.5 standard
 * errors at 30 replications (T is 625 mean service times only); a plain
 * FCFS M/M/3 simulation of the same finite system gives 10.48 +- 0.07. */
static void mmc_three_bays(void **state)
{
    (void)state;
    check_mmc(3, 0.8, 1500, MMC_REPS);
}

/* The Erlang C formula itself, against textbook values. */
static void erlang_c_formula(void **state)
{
    (void)state;
    assert_near(erlang_c(1, 0.7), 0.7, 1e-12, "C(1, a) = a");
    /* C(2, 1) = (1/2 x 2/1) / (1 + 1 + 1) = 1/3 */
    assert_near(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12, "C(2, 1)");
    assert_near(erlang_c(3, 2.4), 11.52 / 17.8, 1e-12, "C(3, 2.4)");
}

/* ---- random small systems ---------------------------------------------------- */

struct prng { uint64_t s; };

static uint64_t prng_next(struct prng *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double prng_unit(struct prng *g) { return (double)(prng_next(g) >> 11) * 0x1.0p-53; }
static double prng_range(struct prng *g, double lo, double hi) { return lo + (hi - lo) * prng_unit(g); }
static int prng_int(struct prng *g, int lo, int hi) { return lo + (int)(prng_next(g) % (uint64_t)(hi - lo + 1)); }

#define RMAX_NODES 16
#define RMAX_ROADS 64

/* What the generator chose that the checks need to know. */
struct rinfo {
    int tiered, onset;    /* dispatch policy, alarm mode */
    int deterministic;    /* every road class cv = 0 (travel takes its minutes) and
                           * damage and checkpoints at fixed times */
    int n_damage;
    int single_item;      /* the kit has one item, this one; else -1 */
    int each_site, effects, waves;   /* run.each_site; hazard effects; waves */
    int reported;         /* run.road_info "reported", with reporting delays drawn */
};

static const char *const CLASSES[] = { "expressway", "national", "provincial", "county", "village" };
static const char *const KINDS[] = { "central", "subcentre", "township", "department", "supplier" };

static char *random_text(struct prng *g, struct rinfo *info)
{
    struct buf b = { 0 };
    int nt = prng_int(g, 2, 5), nj = prng_int(g, 0, 3), nfn = prng_int(g, 1, 3);
    int nn = nt + nj + nfn;
    char ids[RMAX_NODES][16];
    double lon[RMAX_NODES], lat[RMAX_NODES];
    for (int i = 0; i < nn; i++) {
        if (i < nt)
            snprintf(ids[i], sizeof ids[i], "t%d", i);
        else if (i < nt + nj)
            snprintf(ids[i], sizeof ids[i], "j%d", i - nt);
        else
            snprintf(ids[i], sizeof ids[i], "f%d", i - nt - nj);
        lon[i] = 116.4 + prng_range(g, -0.15, 0.15);
        lat[i] = 34.0 + prng_range(g, -0.13, 0.13);
    }
    info->deterministic = prng_unit(g) < 0.5;
    bprintf(&b, "name = \"random\";\n"
            "assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.6;\n"
            "  floor_load_t_m2 = 1.5; day_start_h = 7.0; night_start_h = 19.0; };\n"
            "road_classes = {\n");
    static const double speeds[] = { 80, 60, 50, 40, 25 };
    /* road information from a generator of its own, so that every other
     * choice stays what it was: reported (with reporting delays) only where
     * ref_drive does not follow the trucks, as it knows perfect information */
    struct prng h = { g->s ^ 0x1f0adull };
    info->reported = !info->deterministic && prng_unit(&h) < 0.6;
    for (int c = 0; c < 5; c++) {
        bprintf(&b, "  %s = { speed_kmh = %.1f; top_speed_kmh = %.1f; cv = %.4f;",
                CLASSES[c], speeds[c], speeds[c] / 0.65,   /* cv up to 1 - 0.65 = 0.35 */
                info->deterministic ? 0.0 : prng_range(g, 0.0, 0.3));
        if (info->reported) {
            double lo = prng_range(&h, 0, 60), re = prng_range(&h, 0, 120);
            bprintf(&b, " damage_report_min = [%.3f, %.3f]; reopen_report_min = [%.3f, %.3f];", lo,
                    lo + prng_range(&h, 0, 60), re, re + prng_range(&h, 0, 120));
        }
        bprintf(&b, " };\n");
    }
    bprintf(&b, "};\n");

    int ni = prng_int(g, 1, 4);
    double weight[4], volume[4];
    bprintf(&b, "items = (\n");
    for (int i = 0; i < ni; i++) {
        weight[i] = prng_range(g, 0.5, 30.0);
        volume[i] = prng_range(g, 0.005, 0.3);
        bprintf(&b, "  { id = \"i%d\"; name = \"Item %d\"; unit = \"u\"; weight_kg = %.4f; "
                "volume_m3 = %.4f; }%s\n", i, i, weight[i], volume[i], i + 1 < ni ? "," : "");
    }
    bprintf(&b, ");\n");
    int ntt = prng_int(g, 1, 2);
    bprintf(&b, "truck_types = (\n");
    for (int i = 0; i < ntt; i++)
        bprintf(&b, "  { id = \"tt%d\"; capacity_t = %.3f; capacity_m3 = %.3f; }%s\n", i,
                prng_range(g, 1.0, 10.0), prng_range(g, 5.0, 40.0), i + 1 < ntt ? "," : "");
    bprintf(&b, ");\n");

    int nf = prng_int(g, 1, 6), kind[6], n_sub = 0, sub[6];
    for (int f = 0; f < nf; f++) {
        kind[f] = prng_int(g, 0, 4);
        if (kind[f] == 1)
            sub[n_sub++] = f;
    }
    bprintf(&b, "townships = (\n");
    for (int i = 0; i < nt; i++) {
        bprintf(&b, "  { id = \"%s\"; name = \"T%d\"; kind = \"town\"; lon = %.5f; lat = %.5f; "
                "population = 5000.0;", ids[i], i, lon[i], lat[i]);
        if (n_sub && prng_unit(g) < 0.7)
            bprintf(&b, " subcentre = \"fac%d\";", sub[prng_int(g, 0, n_sub - 1)]);
        bprintf(&b, " }%s\n", i + 1 < nt ? "," : "");
    }
    bprintf(&b, ");\nnodes = (\n");
    for (int i = nt; i < nn; i++)
        bprintf(&b, "  { id = \"%s\"; kind = \"%s\"; name = \"N%d\"; lon = %.5f; lat = %.5f; }%s\n",
                ids[i], i < nt + nj ? "junction" : "facility", i, lon[i], lat[i],
                i + 1 < nn ? "," : "");
    bprintf(&b, ");\n");

    /* a random spanning tree, then some more roads; parallel roads allowed */
    int ra[RMAX_ROADS], rb[RMAX_ROADS], rc[RMAX_ROADS], nr = 0;
    for (int i = 1; i < nn; i++) {
        ra[nr] = prng_int(g, 0, i - 1);
        rb[nr++] = i;
    }
    for (int extra = prng_int(g, 0, nn); extra > 0; extra--) {
        int a = prng_int(g, 0, nn - 1), c = prng_int(g, 0, nn - 1);
        if (a != c) {
            ra[nr] = a;
            rb[nr++] = c;
        }
    }
    bprintf(&b, "roads = (\n");
    for (int k = 0; k < nr; k++) {
        rc[k] = prng_int(g, 0, 4);
        bprintf(&b, "  { name = \"R%d\"; class = \"%s\"; via = [\"%s\", \"%s\"];", k, CLASSES[rc[k]],
                ids[ra[k]], ids[rb[k]]);
        /* the extra roads give km, so that no two routes take exactly as long */
        if (k >= nn - 1 || prng_unit(g) < 0.5)
            bprintf(&b, " km = %.3f;", prng_range(g, 0.5, 20.0));
        bprintf(&b, " }%s\n", k + 1 < nr ? "," : "");
    }
    bprintf(&b, ");\nfacilities = (\n");
    int trucks[6];
    for (int f = 0; f < nf; f++) {
        double stock[4], reorder[4], m3 = 0, t = 0;
        for (int i = 0; i < ni; i++) {
            stock[i] = prng_unit(g) < 0.6 ? floor(prng_range(g, 0, 400)) : 0;
            reorder[i] = prng_unit(g) < 0.3 ? floor(prng_range(g, 1, 200)) : 0;
            m3 += stock[i] * volume[i];
            t += stock[i] * weight[i] / 1000.0;
        }
        /* floor so that the stock fits: m3 <= floor x 0.6 x 3, t <= floor x 0.6 x 1.5 */
        double floor_m2 = 10.0 + 1.2 * fmax(m3 / 1.8, t / 0.9);
        int node = prng_int(g, 0, nn - 1);
        bprintf(&b, "  { id = \"fac%d\"; kind = \"%s\"; name = \"F%d\"; node = \"%s\";", f,
                KINDS[kind[f]], f, ids[node]);
        if (kind[f] == 2 || prng_unit(g) < 0.5)
            bprintf(&b, " township = \"t%d\";", prng_int(g, 0, nt - 1));
        bprintf(&b, "\n    floor_m2 = %.2f; bays = %d; load_setup_min = %.3f; load_min_per_t = %.3f;\n"
                "    mobilise_day_min = %.3f; mobilise_night_min = %.3f; activation_min = %.3f;\n",
                floor_m2, prng_int(g, 1, 3), prng_range(g, 0, 15), prng_range(g, 0, 6),
                prng_range(g, 0, 30), prng_range(g, 0, 60),
                kind[f] == 4 ? prng_range(g, 0, 600) : 0.0);
        bprintf(&b, "    stock = {");
        for (int i = 0; i < ni; i++)
            bprintf(&b, " i%d = %.1f;", i, stock[i]);
        bprintf(&b, " }; reorder = {");
        for (int i = 0; i < ni; i++)
            bprintf(&b, " i%d = %.1f;", i, reorder[i]);
        bprintf(&b, " }; }%s\n", f + 1 < nf ? "," : "");
        trucks[f] = f == 0 ? prng_int(g, 1, 4) : prng_int(g, 0, 4);
    }
    bprintf(&b, ");\nfleet = (\n");
    for (int f = 0, first = 1; f < nf; f++)
        if (trucks[f] > 0) {
            bprintf(&b, "%s  { id = \"fac%d\"; truck = \"tt%d\"; trucks = %d; }", first ? "" : ",\n",
                    f, prng_int(g, 0, ntt - 1), trucks[f]);
            first = 0;
        }
    bprintf(&b, "\n);\n");

    unsigned long long seed = (unsigned long long)prng_int(g, 1, 1000000000);
    double horizon_h = prng_range(g, 4.0, 48.0), onset = prng_range(g, 0.0, 23.99);
    info->tiered = prng_unit(g) < 0.5;
    info->onset = prng_unit(g) < 0.5;
    info->each_site = prng_unit(g) < 0.15;
    bprintf(&b, "run = { seed = %llu; horizon_h = %.3f; onset_hour = %.3f; dispatch = \"%s\";\n"
            "  alarm = \"%s\"; load_cv = %.3f; unload_min = %.3f; each_site = %s;\n"
            "  road_info = \"%s\"; };\n",
            seed, horizon_h, onset, info->tiered ? "tiered" : "earliest",
            info->onset ? "onset" : "request",
            info->deterministic ? 0.0 : prng_range(g, 0.0, 0.6), prng_range(g, 0.0, 20.0),
            info->each_site ? "true" : "false", info->reported ? "reported" : "perfect");

    bprintf(&b, "disaster = {\n  kit = {");
    info->single_item = prng_unit(g) < 0.35 ? prng_int(g, 0, ni - 1) : -1;
    int any = 0;
    for (int i = 0; i < ni; i++) {
        double k = 0;
        if (info->single_item >= 0)
            k = i == info->single_item ? prng_range(g, 0.05, 1.5) : 0;
        else if (prng_unit(g) < 0.6 || (i == ni - 1 && !any))
            k = prng_range(g, 0.01, 1.5);
        any |= k > 0;
        bprintf(&b, " i%d = %.4f;", i, k);
    }
    bprintf(&b, " };\n  sites = (\n");
    int ns = prng_int(g, 1, 6);
    for (int s = 0; s < ns; s++) {
        double o = prng_range(g, 0, 120), rp = prng_range(g, 0, 40), p = prng_range(g, 1, 100);
        bprintf(&b, "    { township = \"t%d\"; village_km = %.3f; occur_min = [%.3f, %.3f]; "
                "report_min = [%.3f, %.3f]; displaced = [%.3f, %.3f]; }%s\n", prng_int(g, 0, nt - 1),
                prng_range(g, 0.5, 8.0), o, o + prng_range(g, 0, 240), rp,
                rp + prng_range(g, 0, 60), p, p + prng_range(g, 0, 200), s + 1 < ns ? "," : "");
    }
    bprintf(&b, "  );\n");
    info->n_damage = prng_int(g, 0, 3) == 0 ? 0 : prng_int(g, 1, 4);
    if (info->n_damage) {
        bprintf(&b, "  road_damage = (\n");
        for (int k = 0; k < info->n_damage; k++) {
            int rd = prng_int(g, 0, nr - 1), how = prng_int(g, 0, 4);
            /* where ref_drive follows the trucks, each rule selects one road, so
             * that no two roads change at the same instant (hand_simultaneous
             * tests that case) */
            if (info->deterministic)
                how = how == 4 && ns == 1 ? 4 : 3;
            bprintf(&b, "    { ");
            switch (how) {
            case 0: bprintf(&b, "between = [\"%s\", \"%s\"];", ids[ra[rd]], ids[rb[rd]]); break;
            case 1: bprintf(&b, "class = \"%s\";", CLASSES[rc[rd]]); break;
            case 2: bprintf(&b, "area = [%.5f, %.5f, %.3f];", (lon[ra[rd]] + lon[rb[rd]]) / 2,
                            (lat[ra[rd]] + lat[rb[rd]]) / 2, prng_range(g, 1.0, 8.0)); break;
            case 3: bprintf(&b, "road = \"R%d\";", rd); break;
            default: bprintf(&b, "road = \"last mile\";"); break;
            }
            /* random (hazard stream) in general; fixed where travel is
             * deterministic, so that ref_drive can follow each truck */
            double from = prng_range(g, 0, 300), p = prng_range(g, 0.2, 1.0);
            double factor = prng_unit(g) < 0.5 ? 0.0 : prng_range(g, 0.1, 0.9);
            double from_hi = info->deterministic ? from : from + prng_range(g, 0, 120);
            if (!info->deterministic && prng_unit(g) < 0.2)
                bprintf(&b, " per_km = %.4f;", prng_range(g, 0.0, 0.2));
            else
                bprintf(&b, " probability = %.3f;", info->deterministic ? 1.0 : p);
            bprintf(&b, " factor = %.3f; from_min = [%.3f, %.3f];", factor, from, from_hi);
            if (prng_unit(g) < 0.85) {
                double dur = prng_range(g, 10, 600);
                double dur_hi = info->deterministic ? dur : dur + prng_range(g, 0, 600);
                bprintf(&b, " duration_min = [%.3f, %.3f];", dur, dur_hi);
            }
            bprintf(&b, " }%s\n", k + 1 < info->n_damage ? "," : "");
        }
        bprintf(&b, "  );\n");
    }
    /* hazard effects; checkpoints at fixed times where ref_drive follows the trucks */
    info->effects = 0;
    if (prng_unit(g) < 0.3) {
        double lo = prng_range(g, 0, 0.8), from = prng_range(g, 0, 200);
        bprintf(&b, "  crews_out = { share = [%.3f, %.3f]; from_min = [%.3f, %.3f];", lo,
                fmin(1.0, lo + prng_range(g, 0, 0.3)), from, from + prng_range(g, 0, 100));
        if (prng_unit(g) < 0.7)
            bprintf(&b, " duration_min = %.3f;", prng_range(g, 30, 900));
        bprintf(&b, " };\n");
        info->effects++;
    }
    if (prng_unit(g) < 0.3) {
        double lo = prng_range(g, 1.0, 2.0), from = prng_range(g, 0, 200);
        bprintf(&b, "  slow_loading = { factor = [%.3f, %.3f]; from_min = %.3f;", lo,
                lo + prng_range(g, 0, 1.0), from);
        if (prng_unit(g) < 0.7)
            bprintf(&b, " duration_min = [%.3f, %.3f];", 60.0, 60.0 + prng_range(g, 0, 900));
        bprintf(&b, " };\n");
        info->effects++;
    }
    if (prng_unit(g) < 0.3) {
        double lo = prng_range(g, 0, 20), from = prng_range(g, 0, 300), dur = prng_range(g, 30, 900);
        double hi = info->deterministic ? lo : lo + prng_range(g, 0, 20);
        bprintf(&b, "  checkpoints = { delay_min = [%.3f, %.3f]; from_min = %.3f;", lo, hi, from);
        if (prng_unit(g) < 0.7)
            bprintf(&b, " duration_min = %.3f;", dur);
        bprintf(&b, " };\n");
        info->effects++;
    }
    /* later waves, each after a fixed delay (so the demand can be worked out) */
    info->waves = prng_unit(g) < 0.3 ? prng_int(g, 1, 2) : 0;
    if (info->waves) {
        bprintf(&b, "  waves = (");
        for (int k = 0; k < info->waves; k++)
            bprintf(&b, " { after_min = %.3f; factor = %.3f; }%s", prng_range(g, 1.0, 600.0),
                    prng_range(g, 0.1, 1.0), k + 1 < info->waves ? "," : "");
        bprintf(&b, " );\n");
    }
    bprintf(&b, "};\n");
    return b.s;
}

/* Free-flow minutes between all node pairs by Floyd-Warshall over the
 * definition's roads (km / class speed x 60), villages included. */
static double *all_pairs(const struct definition *d)
{
    int n = d->n_nodes;
    double *D = malloc((size_t)n * (size_t)n * sizeof *D);
    assert_non_null(D);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            D[i * n + j] = i == j ? 0.0 : INFINITY;
    for (int k = 0; k < d->n_roads; k++) {
        const struct road *rd = &d->roads[k];
        double m = rd->km / d->road_classes[rd->cls].speed_kmh * 60.0;
        if (m < D[rd->from * n + rd->to])
            D[rd->from * n + rd->to] = D[rd->to * n + rd->from] = m;
    }
    for (int k = 0; k < n; k++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (D[i * n + k] + D[k * n + j] < D[i * n + j])
                    D[i * n + j] = D[i * n + k] + D[k * n + j];
    return D;
}

/* A road's minutes at time t under deterministic damage (every rule hits
 * with probability 1 at a fixed time for a fixed duration): free-flow
 * minutes / the factor of the most severe change in force (a closure beats a
 * slow-down, whatever the order of the rules). */
static double ref_minutes(const struct definition *d, int road, double t)
{
    const struct road *rd = &d->roads[road];
    double factor = 1.0;
    for (int k = 0; k < d->n_damage; k++) {
        const struct damage *dm = &d->damage[k];
        for (int j = 0; j < dm->n_roads; j++)
            if (dm->roads[j] == road && dm->from_min.lo <= t
                && t < dm->from_min.lo + dm->duration_min.lo)
                factor = fmin(factor, dm->factor);
    }
    return factor > 0 ? rd->km / d->road_classes[rd->cls].speed_kmh * 60.0 / factor : INFINITY;
}

/* The next time after t at which some road changes, or INFINITY. */
static double ref_next_change(const struct definition *d, double t)
{
    double next = INFINITY;
    for (int k = 0; k < d->n_damage; k++) {
        double a = d->damage[k].from_min.lo, b = a + d->damage[k].duration_min.lo;
        if (a > t)
            next = fmin(next, a);
        if (b > t)
            next = fmin(next, b);
    }
    return next;
}

/* Shortest route from src to dst on the roads at time t (O(n^2) Dijkstra);
 * writes the roads in travel order and returns their number, or -1. */
static int ref_route(const struct definition *d, int src, int dst, double t, int *route)
{
    int n = d->n_nodes, len = 0;
    double *dist = malloc((size_t)n * sizeof *dist);
    int *pred = malloc((size_t)n * sizeof *pred), *done = calloc((size_t)n, sizeof *done);
    assert_true(dist && pred && done);
    for (int v = 0; v < n; v++)
        dist[v] = INFINITY, pred[v] = -1;
    dist[src] = 0;
    for (;;) {
        int u = -1;
        for (int v = 0; v < n; v++)
            if (!done[v] && isfinite(dist[v]) && (u < 0 || dist[v] < dist[u]))
                u = v;
        if (u < 0)
            break;
        done[u] = 1;
        for (int k = 0; k < d->n_roads; k++) {
            const struct road *rd = &d->roads[k];
            if (rd->from != u && rd->to != u)
                continue;
            int v = rd->from == u ? rd->to : rd->from;
            double m = ref_minutes(d, k, t);
            if (dist[u] + m < dist[v])
                dist[v] = dist[u] + m, pred[v] = k;
        }
    }
    if (isfinite(dist[dst])) {
        for (int v = dst; v != src; len++)
            v = d->roads[pred[v]].from == v ? d->roads[pred[v]].to : d->roads[pred[v]].from;
        int i = len;
        for (int v = dst; v != src;) {
            route[--i] = pred[v];
            v = d->roads[pred[v]].from == v ? d->roads[pred[v]].to : d->roads[pred[v]].from;
        }
    } else {
        len = -1;
    }
    free(dist);
    free(pred);
    free(done);
    return len;
}

/* The township a node is in, for checkpoints: a seat's own, a disaster
 * site's village its site's, any other node the nearest seat's. */
static int ref_township(const struct definition *d, int v)
{
    for (int s = 0; s < d->n_sites; s++)
        if (d->sites[s].node == v)
            return d->sites[s].township;
    int best = -1;
    double best_km = INFINITY;
    for (int t = 0; t < d->n_townships; t++) {
        const struct node *a = &d->nodes[v], *b = &d->nodes[d->townships[t].node];
        double km = d->townships[t].node == v ? -1.0 : geo_km(a->lon, a->lat, b->lon, b->lat);
        if (km < best_km)
            best_km = km, best = t;
    }
    return best;
}

/* When a truck leaving src at t0 reaches dst, by the model's rules (sim/MODEL.md,
 * "Trucks on the road"):
 * it plans on the network as it is when it leaves, drives road by road
 * (each taking its minutes when the truck enters it), re-plans at a node
 * when a road ahead has closed, and where no route exists waits for the next
 * road change, planning anew on the network as it is then; a checkpoint
 * between townships adds its delay to a road entered while it is in force.
 * Written without the model's tree cache. */
static double ref_drive(const struct definition *d, int src, int dst, double t0)
{
    int route[4 * RMAX_ROADS], len = 0, pos = 0, node = src;
    double t = t0;
    for (int steps = 0; steps < 10000; steps++) {
        if (node == dst)
            return t;
        int open = pos < len;
        for (int i = pos; i < len && open; i++)
            open = isfinite(ref_minutes(d, route[i], t));
        if (!open) {
            len = ref_route(d, node, dst, t, route);
            pos = 0;
            if (len < 0) {
                len = 0;
                t = ref_next_change(d, t);
                if (!isfinite(t))
                    return INFINITY;
                continue;
            }
        }
        int road = route[pos++];
        double m = ref_minutes(d, road, t);
        /* a checkpoint where the road crosses between townships (entered in force) */
        if (d->checkpoints.on && d->checkpoints.from_min.lo <= t
            && t < d->checkpoints.from_min.lo + d->checkpoints.duration_min.lo
            && ref_township(d, d->roads[road].from) != ref_township(d, d->roads[road].to))
            m += d->checkpoints.value.lo;
        t += m;
        node = d->roads[road].from == node ? d->roads[road].to : d->roads[road].from;
    }
    fail_msg("ref_drive: no end");
    return INFINITY;
}

static int close_to(double a, double b, double rel)
{
    return fabs(a - b) <= rel * (1.0 + fabs(a) + fabs(b));
}

/* Everything one replication of a random system must satisfy. */
static long ref_checked;     /* shipments followed by ref_drive */
static long ref_affected;    /* ... that the damage slowed, diverted or held up */

static void check_random_rep(const struct definition *d, const struct rinfo *info, const double *D,
                             const struct rep_result *res, int cfg, long rep)
{
    const double h = d->run.horizon_min;
    const int n = d->n_nodes;
    double demand_all = 0, lower = 0, upper = 0, delivered_units = 0;
#define CHECK(cond, ...) do { if (!(cond)) { print_message("config %d rep %ld:\n", cfg, rep); \
                                             fail_msg(__VA_ARGS__); } } while (0)
    for (int s = 0; s < d->n_sites; s++) {
        const struct site *st = &d->sites[s];
        double occ = res->occur[s], people = res->people[s];
        double resp = res->response[s], fill = res->fill[s];
        CHECK(occ >= st->occur_min.lo && occ <= st->occur_min.hi, "site %d occur %g", s, occ);
        CHECK(people == floor(people) && people >= floor(st->displaced.lo + 0.5)
              && people <= floor(st->displaced.hi + 0.5), "site %d people %g", s, people);
        /* demand: whole units per item, people x kit rounded up; and each wave
         * that comes by the horizon (after_min after the first request, at
         * occur + reporting delay) asks for factor x that, rounded up */
        double demand = 0, demand_t = 0, rep_delay = res->cause[(size_t)s * CAUSES + CAUSE_REPORT];
        for (int i = 0; i < d->n_items; i++) {
            double u = ceil(people * d->kit[i] - 1e-9);
            demand += u;
            demand_t += u * d->items[i].weight_kg / 1000.0;
            for (int w = 0; w < d->n_waves; w++)
                if (occ + rep_delay + d->waves[w].after_min.lo <= h) {
                    double v = ceil(u * d->waves[w].factor - 1e-9);
                    demand += v;
                    demand_t += v * d->items[i].weight_kg / 1000.0;
                }
        }
        CHECK(demand >= 1, "site %d has no demand", s);
        demand_all += demand;
        /* reached and filled */
        CHECK(!(resp < 0) && !(fill < 0), "site %d: negative response %g or fill %g", s, resp, fill);
        if (isfinite(fill))
            CHECK(isfinite(resp) && resp <= fill, "site %d filled (%g) but response %g", s, fill, resp);
        if (!isfinite(resp))
            lower += demand, upper += demand;
        else if (!isfinite(fill))
            lower += 1, upper += demand - 1;
        /* the main causes sum to the response, or to the horizon; road
         * delays' parts to road delays */
        double sum = 0, parts = 0;
        for (int c = 0; c < CAUSES; c++) {
            double v = res->cause[(size_t)s * CAUSES + (size_t)c];
            CHECK(v >= 0 && isfinite(v), "site %d cause %s = %g", s, cause_id(c), v);
            if (c < MAIN_CAUSES)
                sum += v;
            else
                parts += v;
        }
        CHECK(close_to(parts, res->cause[(size_t)s * CAUSES + CAUSE_ROAD], 1e-9),
              "site %d: road delays %.9g, their parts %.9g", s,
              res->cause[(size_t)s * CAUSES + CAUSE_ROAD], parts);
        if (occ + st->report_min.hi <= h)
            CHECK(rep_delay >= st->report_min.lo - 1e-9 && rep_delay <= st->report_min.hi + 1e-9,
                  "site %d reporting delay %g outside [%g, %g]", s, rep_delay, st->report_min.lo,
                  st->report_min.hi);
        if (isfinite(resp))
            CHECK(close_to(sum, resp, 1e-9), "site %d: causes sum to %.9g, response %.9g", s, sum, resp);
        else
            CHECK(close_to(sum, fmax(0.0, h - occ), 1e-9), "site %d unreached: causes sum to %.9g, "
                  "horizon - occur = %.9g", s, sum, fmax(0.0, h - occ));
        /* from the trace: the first arrival, the last, the tonnes delivered */
        double first = INFINITY, last = -INFINITY, tonnes = 0;
        int made = 0, open = 0;
        for (int k = 0; k < res->n_trace; k++) {
            const struct trace_row *t = &res->trace[k];
            if (t->site != s)
                continue;
            made++;
            if (isfinite(t->arrived)) {
                first = fmin(first, t->arrived);
                last = fmax(last, t->arrived);
                tonnes += t->tonnes;
            } else {
                open++;
            }
        }
        CHECK(isfinite(resp) ? close_to(resp, first - occ, 1e-12) : !isfinite(first),
              "site %d: response %g, first traced arrival %g - occur %g", s, resp, first, occ);
        if (isfinite(fill)) {
            CHECK(open == 0 && close_to(fill, last - occ, 1e-12),
                  "site %d: fill %g, last traced arrival %g - occur %g", s, fill, last, occ);
            CHECK(close_to(tonnes, demand_t, 1e-9), "site %d filled with %g t of %g t", s, tonnes,
                  demand_t);
        } else {
            CHECK(tonnes < demand_t - 1e-9 * (1 + demand_t), "site %d not filled but %g t of %g t "
                  "arrived", s, tonnes, demand_t);
        }
        if (info->single_item >= 0)
            delivered_units += tonnes * 1000.0 / d->items[info->single_item].weight_kg;
        (void)made;
    }
    CHECK(close_to(res->demand_units, demand_all, 1e-12), "demand_units %g, computed %g",
          res->demand_units, demand_all);
    CHECK(res->unmet_units >= lower - 1e-9 && res->unmet_units <= upper + 1e-9,
          "unmet_units %g outside [%g, %g] (what the responses and fills imply)", res->unmet_units,
          lower, upper);
    if (info->single_item >= 0)
        CHECK(close_to(res->demand_units - res->unmet_units, delivered_units, 1e-9),
              "demand %g - unmet %g != units delivered per the trace %g", res->demand_units,
              res->unmet_units, delivered_units);
    CHECK(res->bay_wait_sum >= 0 && res->bay_waits <= res->shipments, "bay waits");
    CHECK(res->truck_busy_min >= 0 && res->truck_busy_min <= res->truck_min * (1 + 1e-12) + 1e-9,
          "trucks busy %g of %g min", res->truck_busy_min, res->truck_min);
    CHECK(res->n_trace == res->shipments, "traced %d of %d shipments", res->n_trace, res->shipments);
    /* resources over time: trucks away and the central bay queue, summed over
     * the runs of each_site */
    int trucks = 0, runs = d->run.each_site ? d->n_sites : 1;
    for (int f = 0; f < d->n_facilities; f++)
        trucks += d->facilities[f].trucks;
    CHECK(close_to(res->truck_min, trucks * h * runs, 1e-12), "truck_min %g", res->truck_min);
    for (int k = 0; k < res->n_samples; k++)
        CHECK(res->trucks_out[k] >= 0 && res->trucks_out[k] <= trucks * runs
              && res->central_queue[k] >= 0 && res->central_queue[k] <= trucks * runs,
              "sample %d: %g trucks out of %d, %g in the central queue", k, res->trucks_out[k],
              trucks * runs, res->central_queue[k]);
    for (int k = 0; k < res->n_trace; k++) {
        const struct trace_row *t = &res->trace[k];
        const struct facility *src = &d->facilities[t->source];
        const struct truck_type *tt = &d->truck_types[src->truck_type];
        CHECK(src->trucks > 0, "shipment %d from %s, which has no trucks", k, src->id);
        CHECK(t->tonnes > 0 && t->tonnes <= tt->capacity_t * (1 + 1e-9)
              && t->m3 <= tt->capacity_m3 * (1 + 1e-9), "shipment %d: %g t, %g m3 on a %g t, %g m3 "
              "truck", k, t->tonnes, t->m3, tt->capacity_t, tt->capacity_m3);
        CHECK(t->ordered >= 0 && t->ordered <= h, "shipment %d ordered at %g", k, t->ordered);
        CHECK(!isfinite(t->loaded) || (t->loaded >= t->ordered && t->loaded <= h),
              "shipment %d loaded at %g", k, t->loaded);
        CHECK(!isfinite(t->arrived) || (isfinite(t->loaded) && t->arrived >= t->loaded && t->arrived <= h),
              "shipment %d arrived at %g, loaded %g", k, t->arrived, t->loaded);
        int dest;
        if (t->site >= 0) {
            dest = d->sites[t->site].node;
            /* a township's point serves only its own township */
            CHECK(src->kind != FAC_TOWNSHIP || src->township == d->sites[t->site].township,
                  "shipment %d: township point %s serves another township", k, src->id);
        } else {
            const struct facility *to = &d->facilities[t->dest_facility];
            dest = to->node;
            /* replenishment: the central depot from suppliers; the others from the
             * central depot or suppliers (sim/MODEL.md, "Dispatch") */
            CHECK(to->kind == FAC_CENTRAL ? src->kind == FAC_SUPPLIER
                  : (src->kind == FAC_CENTRAL || src->kind == FAC_SUPPLIER),
                  "replenishment %d of %s (%s) from %s (%s)", k, to->id,
                  facility_kind_name(to->kind), src->id, facility_kind_name(src->kind));
            CHECK(t->dest_facility != t->source, "replenishment %d from itself", k);
        }
        /* travel never beats the free-flow shortest time (Floyd-Warshall) */
        if (isfinite(t->arrived) && info->deterministic) {
            double fw = D[src->node * n + dest];
            CHECK(t->arrived - t->loaded >= fw - 1e-9 * (1 + fw), "shipment %d drove %.9g min, "
                  "less than the shortest free-flow time %.9g", k, t->arrived - t->loaded, fw);
            if (info->n_damage == 0 && !d->checkpoints.on)
                CHECK(close_to(t->arrived - t->loaded, fw, 1e-9), "shipment %d drove %.9g min, "
                      "the shortest free-flow time is %.9g", k, t->arrived - t->loaded, fw);
        }
        /* with cv = 0 and fixed damage: exactly when ref_drive says */
        if (isfinite(t->loaded) && info->deterministic) {
            double want = ref_drive(d, src->node, dest, t->loaded);
            if (isfinite(t->arrived))
                CHECK(close_to(t->arrived, want, 1e-9), "shipment %d from %s, loaded at %.9g, "
                      "arrived at %.9g; by the rules it arrives at %.9g", k, src->id, t->loaded,
                      t->arrived, want);
            else
                CHECK(want > h, "shipment %d from %s, loaded at %.9g, not arrived by the horizon "
                      "%g; by the rules it arrives at %.9g", k, src->id, t->loaded, h, want);
            ref_checked++;
            ref_affected += want - t->loaded > D[src->node * n + dest] + 1e-6;
        }
    }
#undef CHECK
}

/* (e) 40 random systems, 4 replications each. */
static void random_systems(void **state)
{
    (void)state;
    struct prng g = { RANDOM_SEED };
    int checked = 0, damaged = 0, det = 0, single = 0, tiered = 0, onset = 0;
    int each = 0, effects = 0, waves = 0, reported = 0;
    long shipments = 0, unreached = 0, replenish = 0;
    for (int cfg = 0; cfg < RANDOM_SYSTEMS; cfg++) {
        struct rinfo info;
        char *text = held(random_text(&g, &info));
        struct world *w = world_open(text);
        double *D = held(all_pairs(w->d));
        for (long k = 0; k < 4; k++) {
            char err[ERRLEN] = "";
            if (rep_run(w->r, k, 1, &w->res, err, sizeof err) != 0)
                fail_msg("config %d rep %ld: rep_run failed: %s\n--- config ---\n%s", cfg, k, err, text);
            check_random_rep(w->d, &info, D, &w->res, cfg, k);
            shipments += w->res.shipments;
            for (int s = 0; s < w->d->n_sites; s++)
                unreached += !isfinite(w->res.response[s]);
            for (int t = 0; t < w->res.n_trace; t++)
                replenish += w->res.trace[t].site < 0;
            checked++;
        }
        damaged += info.n_damage > 0;
        det += info.deterministic;
        single += info.single_item >= 0;
        tiered += info.tiered;
        onset += info.onset;
        each += info.each_site;
        effects += info.effects > 0;
        waves += info.waves > 0;
        reported += info.reported;
        release(D);
        release(text);
        world_close(w);
    }
    print_message("random systems: %d replications of %d systems (%d with road damage, %d with "
                  "cv = 0, %d single-item kits, %d tiered, %d alarmed at onset, %d each_site, "
                  "%d with hazard effects, %d with waves, %d with road information reported): "
                  "%ld shipments "
                  "(%ld replenishments; %ld followed by ref_drive, %ld of them delayed by the "
                  "damage), %ld site-replications unreached\n", checked, RANDOM_SYSTEMS, damaged,
                  det, single, tiered, onset, each, effects, waves, reported, shipments, replenish,
                  ref_checked, ref_affected, unreached);
    /* the generator must exercise what it claims to */
    assert_true(damaged >= RANDOM_SYSTEMS / 4 && det >= RANDOM_SYSTEMS / 4
                && single >= RANDOM_SYSTEMS / 8);
    assert_true(tiered >= RANDOM_SYSTEMS / 8 && tiered <= RANDOM_SYSTEMS * 7 / 8);
    assert_true(onset >= RANDOM_SYSTEMS / 8 && onset <= RANDOM_SYSTEMS * 7 / 8);
    assert_true(each >= 2 && effects >= RANDOM_SYSTEMS / 8 && waves >= RANDOM_SYSTEMS / 8);
    assert_true(reported >= RANDOM_SYSTEMS / 8);
    assert_true(shipments > 100 && replenish > 0 && unreached > 0);
    assert_true(ref_checked > 100 && ref_affected > 10);
}

/* (e) Road information reported at once (no reporting delays configured)
 * differs from perfect information only by trucks already on the road when a
 * road changes (sim/MODEL.md, "Road information"): with every road change of
 * the random systems starting at onset, before any truck leaves, the two
 * settings give the same response and fill at every site of every
 * replication, and the same causes (to rounding: a perfectly informed truck
 * waiting for a road looks again at every road change, and its wait is
 * summed in more pieces).  (Reopenings later are seen alike: neither kind of truck
 * re-plans for a road that reopens ahead, and a waiting one looks again at
 * the same instant.)  test_roadinfo.c has a truck on the road for which they
 * differ. */
static void reported_at_once(void **state)
{
    (void)state;
    struct prng g = { RANDOM_SEED ^ 0x40ad };
    int damaged = 0, compared = 0, late = 0;
    for (int cfg = 0; cfg < RANDOM_SYSTEMS; cfg++) {
        struct rinfo info;
        char *text = held(random_text(&g, &info));
        char sets[16][96];
        const char *set[16];
        int n = 0;
        for (; n < info.n_damage; n++)
            snprintf(sets[n], sizeof sets[n], "disaster.road_damage.[%d].from_min=0.0", n);
        for (int c = 0; c < 5 && info.reported; c++) {   /* no reporting delays */
            snprintf(sets[n++], sizeof sets[0], "road_classes.%s.damage_report_min=0.0", CLASSES[c]);
            snprintf(sets[n++], sizeof sets[0], "road_classes.%s.reopen_report_min=0.0", CLASSES[c]);
        }
        for (int k = 0; k < n; k++)
            set[k] = sets[k];
        set[n++] = "run.road_info=\"perfect\"";
        struct world *p = world_open_sets(text, set, n);
        set[n - 1] = "run.road_info=\"reported\"";
        struct world *q = world_open_sets(text, set, n);
        for (long k = 0; k < 4; k++) {
            run_rep(p, k, 0);
            run_rep(q, k, 0);
            for (int s = 0; s < p->d->n_sites; s++) {
                if (!(p->res.response[s] == q->res.response[s] && p->res.fill[s] == q->res.fill[s]))
                    fail_msg("config %d rep %ld site %d: perfect %.9g / %.9g, reported %.9g / %.9g"
                             "\n--- config ---\n%s", cfg, k, s, p->res.response[s], p->res.fill[s],
                             q->res.response[s], q->res.fill[s], text);
                for (int c = 0; c < CAUSES; c++)   /* a wait may be summed in other pieces */
                    if (!close_to(cause_of(&p->res, s, c), cause_of(&q->res, s, c), 1e-12))
                        fail_msg("config %d rep %ld site %d: cause %s perfect %.9g, reported %.9g"
                                 "\n--- config ---\n%s", cfg, k, s, cause_id(c),
                                 cause_of(&p->res, s, c), cause_of(&q->res, s, c), text);
                late += cause_of(&p->res, s, CAUSE_ROAD) > 0;
                compared++;
            }
        }
        damaged += info.n_damage > 0;
        release(text);
        world_close(p);
        world_close(q);
    }
    print_message("reported at once: %d site-replications of %d systems (%d with road damage) "
                  "alike, %d of them with road delays\n", compared, RANDOM_SYSTEMS, damaged, late);
    assert_true(damaged >= RANDOM_SYSTEMS / 4 && late > 20);
}

/* ---- common random numbers and threads --------------------------------------- */

static const char CRN_TEXT[] =
    "name = \"crn\";\n"
    "assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.5;\n"
    "  floor_load_t_m2 = 1.0; day_start_h = 7.0; night_start_h = 19.0; };\n"
    "road_classes = {\n"
    "  expressway = { speed_kmh = 80.0; top_speed_kmh = 100.0; cv = 0.1; };\n"
    "  national = { speed_kmh = 60.0; top_speed_kmh = 80.0; cv = 0.15; };\n"
    "  provincial = { speed_kmh = 50.0; top_speed_kmh = 70.0; cv = 0.2; };\n"
    "  county = { speed_kmh = 40.0; top_speed_kmh = 60.0; cv = 0.2; };\n"
    "  village = { speed_kmh = 25.0; top_speed_kmh = 40.0; cv = 0.3; };\n"
    "};\n"
    "items = ( { id = \"quilt\"; name = \"Quilt\"; unit = \"piece\"; weight_kg = 2.0; volume_m3 = 0.05; },\n"
    "          { id = \"water\"; name = \"Water\"; unit = \"case\"; weight_kg = 10.0; volume_m3 = 0.02; } );\n"
    "truck_types = ( { id = \"medium\"; capacity_t = 8.0; capacity_m3 = 40.0; } );\n"
    "townships = ( { id = \"a\"; name = \"A\"; kind = \"town\"; lon = 116.40; lat = 34.00; population = 9000.0; },\n"
    "              { id = \"b\"; name = \"B\"; kind = \"town\"; lon = 116.50; lat = 34.05; population = 6000.0; } );\n"
    "nodes = ( { id = \"depot\"; kind = \"facility\"; name = \"Depot\"; lon = 116.45; lat = 33.98; } );\n"
    "roads = ( { name = \"R1\"; class = \"county\"; via = [\"depot\", \"a\"]; },\n"
    "          { name = \"R2\"; class = \"national\"; via = [\"depot\", \"b\"]; },\n"
    "          { name = \"R3\"; class = \"county\"; via = [\"a\", \"b\"]; } );\n"
    "facilities = ( { id = \"central\"; kind = \"central\"; name = \"C\"; node = \"depot\"; floor_m2 = 2000.0;\n"
    "  bays = 2; load_setup_min = 10.0; load_min_per_t = 4.0; mobilise_day_min = 20.0;\n"
    "  mobilise_night_min = 45.0; activation_min = 0.0; stock = { quilt = 3000.0; water = 2000.0; }; } );\n"
    "fleet = ( { id = \"central\"; truck = \"medium\"; trucks = %d; } );\n"
    "run = { seed = 99; horizon_h = 24.0; onset_hour = 1.0; alarm = \"request\"; load_cv = 0.3; };\n"
    "disaster = {\n"
    "  kit = { quilt = 1.0; water = 0.5; };\n"
    "  sites = (\n"
    "    { township = \"a\"; village_km = 3.0; occur_min = [0.0, 60.0]; report_min = [10.0, 40.0]; displaced_share = [0.01, 0.05]; },\n"
    "    { township = \"a\"; village_km = 6.0; occur_min = [30.0, 180.0]; report_min = [10.0, 40.0]; displaced = [50.0, 400.0]; },\n"
    "    { township = \"b\"; village_km = 4.0; occur_min = [0.0, 240.0]; report_min = [5.0, 60.0]; displaced = [20.0, 300.0]; }\n"
    "  );\n"
    "  road_damage = ( { road = \"last mile\"; probability = 0.5; from_min = [0.0, 120.0]; duration_min = [60.0, 600.0]; },\n"
    "                  { class = \"county\"; probability = 0.4; factor = 0.3; from_min = [0.0, 200.0]; } );\n"
    "  crews_out = { share = [0.1, 0.6]; from_min = [0.0, 120.0]; duration_min = [60.0, 400.0]; };\n"
    "  checkpoints = { delay_min = [2.0, 10.0]; from_min = [0.0, 60.0]; };\n"
    "  waves = ( { after_min = [60.0, 900.0]; factor = 0.5; } );\n"
    "};\n";

/* (f) Fleet sizes 1 and 6 face the same disasters, replication by
 * replication: the same occurrence times, displaced people and demand
 * (later waves included) and reporting delays; only what the fleet changes
 * may differ. */
static void common_random_numbers(void **state)
{
    (void)state;
    char text1[sizeof CRN_TEXT + 16], text6[sizeof CRN_TEXT + 16];
    snprintf(text1, sizeof text1, CRN_TEXT, 1);
    snprintf(text6, sizeof text6, CRN_TEXT, 6);
    struct world *a, *b;
    a = world_open(text1);
    b = world_open(text6);
    int differ = 0;
    for (long k = 0; k < 20; k++) {
        run_rep(a, k, 0);
        run_rep(b, k, 0);
        for (int s = 0; s < a->d->n_sites; s++) {
            assert_true(a->res.people[s] == b->res.people[s]);
            assert_true(a->res.occur[s] == b->res.occur[s]);
            assert_true(cause_of(&a->res, s, CAUSE_REPORT) == cause_of(&b->res, s, CAUSE_REPORT));
            differ += a->res.response[s] != b->res.response[s];
        }
        assert_true(a->res.demand_units == b->res.demand_units);
    }
    /* and the fleet does matter, so the test is not vacuous */
    assert_true(differ > 0);
    /* a different replication draws different disasters */
    run_rep(a, 0, 0);
    double occ0 = a->res.occur[1];
    run_rep(a, 1, 0);
    assert_true(a->res.occur[1] != occ0);
    world_close(a);
    world_close(b);
}

/* Results depend on (seed, replication) only: 1 and 3 threads give the same
 * numbers, and a replication run alone gives what it gave in the batch. */
static void threads_do_not_matter(void **state)
{
    (void)state;
    char text[sizeof CRN_TEXT + 16];
    snprintf(text, sizeof text, CRN_TEXT, 2);
    struct world *w = world_open(text);
    const struct definition *d = w->d;
    struct experiment *x1 = exp_open(d), *x3 = exp_open(d);
    struct kept *k1 = kept_open(d, 24), *k3 = kept_open(d, 24);
    exp_keep(x1, 24, 1, k1);
    exp_keep(x3, 10, 3, k3);           /* in two batches: the second goes on from 10 */
    exp_keep(x3, 14, 3, k3);
    assert_int_equal(k1->next, 24);
    assert_int_equal(k3->next, 24);
    for (long k = 0; k < 24; k++) {
        assert_true(k1->demand[k] == k3->demand[k] && k1->unmet[k] == k3->unmet[k]);
        assert_true(k1->bay_wait[k] == k3->bay_wait[k] && k1->events[k] == k3->events[k]);
        for (int s = 0; s < d->n_sites; s++) {
            size_t i = (size_t)k * (size_t)d->n_sites + (size_t)s;
            assert_true(k1->response[i] == k3->response[i]);
            assert_true(k1->fill[i] == k3->fill[i]);
        }
    }
    /* replication 17 alone, on the world's own struct rep */
    run_rep(w, 17, 0);
    for (int s = 0; s < d->n_sites; s++)
        assert_true(w->res.response[s] == k1->response[17 * d->n_sites + s]);
    /* and the summaries agree */
    struct summary *s1 = sum_make(d, k1), *s3 = sum_make(d, k3);
    assert_true(s1->promise_kept.est == s3->promise_kept.est && s1->p95 == s3->p95
                && s1->bay_wait_mean == s3->bay_wait_mean);
    sum_close(s1);
    sum_close(s3);
    kept_close(k1);
    kept_close(k3);
    exp_close(x1);
    exp_close(x3);
    world_close(w);
}

/* summary_make on the hand scenario: every replication is the same (no
 * randomness), so the quantiles are 93 and the promise (120) is kept in all
 * 80 runs: Wilson's lower bound 80 / (80 + 1.959964^2) = 0.954173 >= 0.95,
 * PASS. */
static void summary_of_hand(void **state)
{
    (void)state;
    char *text = held(hand_text(&HAND));
    struct world *w = world_open(text);
    release(text);
    struct experiment *x = exp_open(w->d);
    struct kept *k = kept_open(w->d, 80);
    exp_keep(x, 80, 2, k);
    struct summary *s = sum_make(w->d, k);
    assert_near(s->p50, 93.0, EXACT, "p50");
    assert_near(s->max, 93.0, EXACT, "max");
    assert_near(s->sites[0].mean_response, 93.0, EXACT, "site mean response");
    assert_near(s->sites[0].mean_fill, 93.0, EXACT, "site mean fill");
    assert_int_equal(s->kept, 80);
    assert_near(s->promise_kept.lo, 80.0 / (80.0 + 1.959964 * 1.959964), 1e-6, "Wilson lo");
    assert_int_equal(s->verdict, VERDICT_PASS);
    sum_close(s);
    kept_close(k);
    exp_close(x);
    world_close(w);
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(hand_day_request),
        T(hand_supplier_activation),
        T(hand_alarm_hour),
        T(hand_two_truckloads),
        T(hand_crews_partial),
        T(hand_policies),
        T(hand_each_site),
        T(hand_onset_night),
        T(hand_closure_wait),
        T(hand_detour),
        T(hand_simultaneous),
        T(hand_wait_replans),
        T(hand_unreached_cause),
        T(hand_replenishment),
        T(summary_of_hand),
        T(erlang_c_formula),
        T(mmc_one_bay),
        T(mmc_three_bays),
        T(random_systems),
        T(reported_at_once),
        T(common_random_numbers),
        T(threads_do_not_matter),
    };
    if (getenv("TEST_FILTER"))             /* e.g. TEST_FILTER=mmc_* build/test/test_model */
        cmocka_set_test_filter(getenv("TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
