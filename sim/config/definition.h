/*
 * definition.h -- the validated definition of a supply system: road network, items,
 * facilities, fleets and the assumptions behind them.
 *
 * This is what the configuration module (sim/config/) yields and what every other
 * module reads.  It is plain data: arrays of structs, indices instead of
 * pointers, every string owned by the definition and freed by definition_free().
 * Nothing outside sim/config/ knows libconfig exists.
 *
 * Invariants once config_load() has returned a definition:
 *   - every index (node, township, facility, item, truck type) is in range;
 *   - ids are unique within their kind;
 *   - every road joins two different nodes and has km > 0;
 *   - a facility's stock fits its storage (weight and volume).
 */
#ifndef SUPPLYSIM_DEF_H
#define SUPPLYSIM_DEF_H

#include <stddef.h>
#include "engine/rng.h"

enum road_class {
    ROAD_EXPRESSWAY, ROAD_NATIONAL, ROAD_PROVINCIAL, ROAD_COUNTY, ROAD_VILLAGE,
    ROAD_CLASSES
};

enum node_kind { NODE_JUNCTION, NODE_SEAT, NODE_VILLAGE, NODE_FACILITY, NODE_KINDS };

enum township_kind { TOWNSHIP_SUBDISTRICT, TOWNSHIP_TOWN, TOWNSHIP_TOWNSHIP, TOWNSHIP_KINDS };

enum facility_kind {
    FAC_CENTRAL,     /* the county reserve centre (中心库) */
    FAC_SUBCENTRE,   /* regional sub-centre (分中心) */
    FAC_TOWNSHIP,    /* township stockpile point (储备点) */
    FAC_DEPARTMENT,  /* departmental specialised store (部门专业储存) */
    FAC_SUPPLIER,    /* market-agreement supplier (市场协议储存) */
    FAC_KINDS
};

struct node {
    char *id, *name, *name_zh;
    enum node_kind kind;
    double lon, lat;          /* WGS-84 degrees */
};

/* The corridor name of every site's village road (MODEL.md: a word scenarios
 * write in disaster.protect and disaster.close, so never translated). */
#define ROAD_LAST_MILE "last mile"

struct road {
    int from, to;             /* node indices, from != to */
    double km;                /* given, or great-circle distance x detour factor */
    enum road_class cls;
    char *name;               /* corridor name, e.g. "G311"; never NULL */
};

struct road_class_def {
    double speed_kmh;         /* mean loaded-truck speed: a trip's mean time is km / speed */
    double top_speed_kmh;     /* no trip is faster: its time is at least km / top speed */
    double cv;                /* coefficient of variation of a trip's delay over its
                               * fastest time km / top (sim/MODEL.md, "Trucks on the road") */
    struct draw damage_report_min;   /* a closure or slow-down reaches the dispatch centre this long
                               * after it begins, under run.road_info "reported" */
    struct draw reopen_report_min;  /* and its end (a reopening) this long after it ends */
};

struct item {
    char *id, *name, *name_zh, *unit;
    double weight_kg, volume_m3;  /* per unit */
};

struct township {
    char *id, *name, *name_zh;
    enum township_kind kind;
    int node;                 /* its seat */
    double population;
    int subcentre;            /* facility index of its region's sub-centre, -1 if none */
};

struct truck_type {
    char *id;
    double capacity_t, capacity_m3;
    /* What it can pass (`passes = { water = 0.6; }`): on a road a hazard rule of
     * that cause has closed or slowed, it moves at this factor of the road's
     * free-flow speed when that is faster than the rule's own factor. */
    char **pass_cause; double *pass_factor; int n_passes;
};

struct facility {
    char *id, *name, *name_zh;
    enum facility_kind kind;
    int node;
    int township;             /* township it stands in, -1 if none given */
    double floor_m2;
    double capacity_t, capacity_m3;    /* storage derived from the floor area */
    int bays;
    double load_setup_min, load_min_per_t;
    double mobilise_day_min, mobilise_night_min;
    double activation_min;    /* suppliers: lead time before stock is released; 0 otherwise */
    double *stock;            /* units per item, n_items long */
    double *reorder;          /* reorder level per item (units), n_items long */
    int trucks;               /* vehicles, both fleets (0: no own fleet) */
    int truck_type;           /* the main fleet's type, -1 when it has none */
    int extra_trucks;         /* of them, the last extra_trucks are a second fleet */
    int extra_type;           /*   of this type (flood-capable vehicles); -1 when none */
};

/* A place of the configuration put on the nearest node of the network
 * because it stood on no road (config/README.md, "Network folders"): with
 * a network folder, a township's own seat or a node of `nodes` that no
 * road touches; and any facility given by lon, lat instead of a node. */
enum snap_kind { SNAP_SEAT, SNAP_NODE, SNAP_FACILITY };
struct snap {
    enum snap_kind kind;
    int index;                /* the township or facility; -1 for a node of `nodes` */
    char *id;                 /* the place's id (a seat's is its township's) */
    double lon, lat;          /* where it was given */
    int node;                 /* the node it stands on now */
    double km;                /* great-circle km between the two */
};

/* A disaster site: a village `village_km` from its township's seat over a
 * village road (the last mile), made a node and a road of the network. */
struct site {
    char *id;
    int township;
    int node;                 /* the village node */
    int last_mile;            /* the road from the seat to the village */
    struct draw occur_min;    /* when the disaster occurs there, minutes after onset */
    struct draw report_min;   /* delay from occurrence to the request reaching dispatch */
    struct draw displaced;    /* people who need the kit */
};

/* Roads that a hazard closes (factor 0) or slows (factor in (0,1)), each
 * independently with `probability`, from a drawn time for a drawn duration. */
struct damage {
    int *roads; int n_roads;  /* the roads the rule selects */
    struct draw from_min, duration_min;
    double probability;       /* per road, when per_km < 0 */
    double per_km;            /* failures per km: p = 1 - exp(-per_km x km); -1 if not given */
    double factor;
    char *cause;              /* what does it ("water", "snow", "trees"): vehicles whose
                               * truck type passes that cause pass it; NULL when not given */
};

/* Stock a store sends ahead when a warning comes (disaster.preposition),
 * one entry per destination: a store (to_fac) or a site's village (to_site). */
struct preposition {
    int from;                 /* facility */
    int to_fac, to_site;      /* exactly one is >= 0 */
    double *units;            /* per item, whole units */
};

/* A measure the city could take (`levers`, then `scenario_levers`): the
 * settings it changes, as -D takes them, the roads it protects (added up
 * across levers into disaster.protect), and what it costs. */
struct lever {
    char *id, *name, *name_zh, *why, *why_zh;   /* why_zh: "" when not given */
    char *label, *label_zh;   /* a few words for charts (label: its id, label_zh: its
                               * name_zh, when not given) */
    double cost_yuan;         /* as written: a year's cost, or a once-only one */
    int once;                 /* cost_per = "once" */
    double life_years;        /* service life of a once-only cost */
    double upkeep_yuan;       /* with a once-only cost: its running cost a year (0) */
    double cost_lo, cost_hi;  /* plausible range of cost_yuan (cost_range; else both cost_yuan) */
    double annual_yuan;       /* what plans compare: cost_yuan a year, or a once-only cost
                               * annualised over life_years at lever_costs.discount_rate,
                               * plus its upkeep */
    char **sets; int n_sets;
    char **protect; int n_protect;
    char *where;              /* "FILE:LINE" of its entry, for messages */
};

/* A hazard effect on the whole system, in force from a drawn time for a drawn
 * duration: `value` is a share of crews lost, a factor on loading times or a
 * checkpoint delay in minutes, as the effect says.  on = 0: not in the scenario. */
struct effect { int on; struct draw value, from_min, duration_min; };

/* A later wave of requests: each site asks again `after_min` after its first
 * request, for `factor` times its first need. */
struct wave { struct draw after_min; double factor; };

/* An assumption (a number not from the city's report) with its plausible
 * range, from `assumption_ranges`: the single values it stands for, as -D
 * takes them (paths), each with its value here (base) and whether it is a
 * count; low and high are values, or factors on base when relative. */
struct assumption_range {
    char *path, *why;         /* as written (may hold '*'); the reason or source */
    double low, high;
    int relative;
    char **paths; double *base; unsigned char *is_int; int n_paths;
    int entry;                /* its index in the configuration's list */
};

enum dispatch_policy { DISPATCH_EARLIEST, DISPATCH_TIERED };
/* From when a threshold is measured (sim/MODEL.md, "Per replication"): the
 * disaster at the site, or its dispatch order (its request reaching the
 * dispatcher). */
enum threshold_clock { CLOCK_DISASTER, CLOCK_ORDER };
/* What the dispatch centre and drivers know of the roads (sim/MODEL.md,
 * "Road information"): every change at once, or as reported and as met. */
enum road_info { ROAD_INFO_REPORTED, ROAD_INFO_PERFECT };
enum alarm_mode { ALARM_REQUEST, ALARM_ONSET };

struct run {
    int replications;
    unsigned long long seed;
    double horizon_min;
    double onset_hour;        /* hour of day at onset, [0, 24) */
    double promise_min;
    double *thresholds_min;   int n_thresholds;
    unsigned char *thresholds_from;    /* per threshold: enum threshold_clock */
    double required_level;    /* share of replications that must keep the promise */
    double verdict_conf;      /* confidence of the verdict's interval (0.95; higher after
                               * --until-decided, which looks more than once) */
    enum dispatch_policy dispatch;
    enum alarm_mode alarm;
    int trace_replications;   /* shipments.csv holds the first this many */
    int max_replications;     /* cap for --until-decided */
    double load_cv;           /* variability of loading time */
    double unload_min;        /* unloading at the site per shipment */
    int each_site;            /* each site alone, in turn: coverage without competition */
    enum road_info road_info;
};

struct definition {
    char *name;               /* short name, e.g. "yongcheng" or "flood" */
    char *name_zh;            /* its Chinese name for charts, e.g. "洪涝"; "" if none */
    char *description;        /* one paragraph, may be "" */
    char *description_zh;     /* the same in Chinese; "" if none */
    char *source_file;        /* path of the file loaded */

    double detour_factor;     /* road km = great-circle km x this, when not given */
    double stack_height_m;    /* storage assumptions: capacity_m3 = floor x share x height */
    double usable_share;
    double floor_load_t_m2;   /* capacity_t = floor x share x floor load */
    double day_start_h, night_start_h;  /* crews use day times in [day_start, night_start) */
    double max_spread_km;     /* no node farther than this from the median point */
    double snap_warn_km;      /* --check warns of a snap farther than this */
    double snap_max_km;       /* a snap farther than this is an error */

    struct road_class_def road_classes[ROAD_CLASSES];

    struct node *nodes;             int n_nodes;
    struct road *roads;             int n_roads;
    /* A network folder's nodes and roads (network = "DIR";), when there is
     * one: nodes[folder_node0 .. + folder_nodes) and roads[folder_road0 ..
     * + folder_roads).  Their strings are not their own: they point into
     * folder_text (nodes.csv as read, its fields cut in place) and
     * folder_names (the distinct road names), each freed once. */
    char *network_dir;        /* the folder, as a path from here; NULL if none */
    int folder_node0, folder_nodes, folder_road0, folder_roads;
    char *folder_text;
    char **folder_names;            int n_folder_names;
    struct snap *snaps;             int n_snaps;   /* places put on the network */
    struct item *items;             int n_items;
    struct township *townships;     int n_townships;
    struct truck_type *truck_types; int n_truck_types;
    struct facility *facilities;    int n_facilities;

    /* the scenario: none of this is set by a plain system definition */
    struct run run;
    char *scenario_label;     /* words for the verdict, e.g. "flooded nights" */
    char *scenario_label_zh;  /* the same in Chinese, e.g. "洪涝之夜"; "" if none */
    struct site *sites;             int n_sites;
    double *kit;              /* units per displaced person, per item */
    struct damage *damage;          int n_damage;
    struct effect crews_out;  /* share of every fleet's crews unavailable */
    struct effect slow_loading;   /* factor (>= 1) on loading times */
    struct effect checkpoints;    /* minutes added where a road crosses between townships */
    struct wave *waves;             int n_waves;
    unsigned char *road_protected;  /* per road: the hazard never touches it (n_roads long;
                                     * NULL without a disaster) */
    unsigned char *road_closed;     /* per road: closed for the whole horizon */
    struct assumption_range *ranges; int n_ranges;   /* assumption_ranges */
    /* warnings: a warning comes warning_min before onset (0: none), and then
     * stores send what disaster.preposition says */
    double warning_min;
    struct preposition *prepos; int n_prepos;
    double report_factor;     /* disaster.report_factor: on every site's reporting delay (1) */
    /* measures and their costs */
    struct lever *levers; int n_levers;
    double discount_rate;     /* lever_costs.discount_rate: annualises once-only costs */
};

void definition_free(struct definition *d);

/* Names used in configuration files and outputs. */
const char *road_class_name(enum road_class c);
const char *node_kind_name(enum node_kind k);
const char *facility_kind_name(enum facility_kind k);
const char *township_kind_name(enum township_kind k);

/* The chance that damage rule dm hits road: 1 - exp(-per_km x km) when the
 * rule gives per_km, else its probability. */
double damage_chance(const struct definition *d, const struct damage *dm, int road);

/* The chance that the hazard closes road (*close) and that it slows it
 * (*slow) in a run, its rules taken as independent: 1 - prod(1 - p) over the
 * rules that select it with factor 0, resp. in (0, 1).  0 for a protected
 * road; a closed road is not the hazard's doing and is not counted. */
void damage_road_chances(const struct definition *d, int road, double *close, double *slow);

/* The same for every road at once, into close[] and slow[] (n_roads each),
 * the same numbers: O(roads + the rules' roads), where calling
 * damage_road_chances for every road costs O(roads x the rules' roads). */
void damage_all_chances(const struct definition *d, double *close, double *slow);

/* A once-only cost spread over life years at a discount rate: the
 * capital-recovery factor r / (1 - (1 + r)^-n) times the cost (cost / n when
 * r is 0). */
double definition_annualise(double cost, double rate, double life_years);

/* The truck type of slot t of facility f's vehicles: the main fleet's, or for
 * the last extra_trucks slots the second fleet's.  O(1). */
int definition_slot_type(const struct definition *d, int f, int t);

/* Free-flow truck minutes for a road: km / speed. */
double definition_road_minutes(const struct definition *d, int road);

/* Stock held by a facility, in tonnes and cubic metres. */
double definition_stock_t(const struct definition *d, int facility);
double definition_stock_m3(const struct definition *d, int facility);

#endif
