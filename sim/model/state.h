/*
 * state.h -- the state of one replication, shared by the model's modules:
 * travel (roads and trucks on them), facility (crews, trucks, bays), dispatch
 * (who ships what), demand (requests and arrivals), outcome (what a
 * replication leaves) and model.c (the event loop).  Not for use outside
 * sim/model/.
 *
 * Events: every event type belongs to one module, which handles it; the
 * loop knows only which module owns a type (EV_MODULE), never what an event
 * does.  A module may schedule another module's event (an arrival schedules
 * the truck's return home): the vocabulary is shared, the handling is not.
 */
#ifndef SUPPLYSIM_MODEL_STATE_H
#define SUPPLYSIM_MODEL_STATE_H

#include <gsl/gsl_rng.h>
#include "engine/calendar.h"
#include "engine/grow.h"
#include "engine/network.h"
#include "engine/rng.h"
#include "engine/spatial.h"
#include "model/model.h"

/* Event types, grouped by the module that handles them (the high byte). */
enum event_module { MOD_TRAVEL, MOD_FACILITY, MOD_DEMAND, MODULES };
#define EV_MODULE(type) ((type) >> 8)
enum event_type {
    /* travel.c */
    EV_ROAD = MOD_TRAVEL << 8,  /* a road change starts or ends (a = change) */
    EV_NODE,      /* a truck reaches the next node of its route (a = shipment) */
    EV_RESUME,    /* roads changed: trucks waiting for one look again (after every
                   * change of that instant, so they see them all) */
    EV_KNOWN,     /* a report of a road change reaches the dispatch centre (a = change;
                   * roadinfo.c) */
    /* facility.c */
    EV_READY = MOD_FACILITY << 8,  /* a store's crews are mobilised (a = facility) */
    EV_LOADED,    /* a truck leaves its bay (a = shipment) */
    EV_HOME,      /* a truck is back at its store (a = shipment) */
    EV_CREWS_OUT, /* a share of every fleet's crews becomes unavailable */
    EV_CREWS_BACK,/* and returns */
    /* demand.c */
    EV_REQUEST = MOD_DEMAND << 8,  /* a site's request reaches dispatch (a = site) */
    EV_WAVE,      /* a later wave of a site's requests reaches dispatch (a = request) */
    EV_REORDER,   /* a store checks its reorder levels (a = facility) */
    EV_RETRY,     /* stock arrived somewhere: open requests try again */
    EV_WARNING    /* a warning: stores send stock ahead (preposition.c) */
};

struct model {
    const struct definition *d;
    struct net *net;          /* free-flow network, villages included, with positions */
    int *node_township;       /* township of each node: its own, or the nearest seat's;
                                 NULL unless the scenario has checkpoints, its one user */
    unsigned char *reorders;  /* per facility: replenished at all (some reorder level, not a
                               * supplier) */
    int *comp;                /* per node: its connected part of the network at free flow */
    unsigned char *comp_fleet;/* per part: some store with a fleet stands in it */
    double *fac_lon, *fac_lat;/* per facility: where it stands */
    struct spatial *stores;   /* the facilities, for dispatch's walk outwards */
    int *town_first, *town_point;  /* per township t, its township points are
                               * town_point[town_first[t] .. town_first[t+1]) */
    double load_floor;        /* least minutes to load a full truck at any store */
    /* vehicle profiles (vehicle.c): profile 0 is every vehicle that passes no
     * hazard; each truck type that passes some gets its own */
    int n_profiles;
    int *type_profile;        /* per truck type */
    double *rule_pass;        /* n_profiles x n_damage: the speed factor a profile keeps on a
                               * road changed by that rule (0: none of its own) */
};

struct fac_state {
    double *stock;            /* units in the store, per item */
    double *reserved;         /* units promised to shipments not yet loaded */
    double *truck_free;       /* dispatcher's estimate of when each truck is next free */
    int *slot_owner;          /* the shipment that last set each estimate (-1: none) */
    int trucks_idle, bays_busy;    /* trucks_idle counts both fleets */
    int extra_idle;           /* of the idle ones, second-fleet vehicles */
    double alarm_at, ready_at;     /* INFINITY until alarmed */
    struct fifo truck_q, bay_q;    /* shipments waiting for a truck, for a bay */
    struct fifo extra_q;      /* shipments waiting for a second-fleet vehicle */
    int stand_extra;          /* second-fleet vehicles standing without a crew */
    int replenish;            /* request id of its open replenishment, -1 if none */
    int absent, owed;         /* crews out; of them, trucks still to be taken when home */
    int reorder_due;          /* an EV_REORDER for it is scheduled */
};

/* A demand: a disaster site's, or a store's replenishment. */
struct request {
    int site, dest_fac, node;
    double reported;
    int open;                 /* some need is left */
    int in_flight;            /* shipments made and not yet arrived */
    int ahead;                /* stock sent ahead on a warning (preposition.c) */
};

struct site_state {
    double occur, people, demand, delivered;
    double first_arrival, fill;
    int first_ship;           /* the shipment that arrived first, else the first made */
};

struct shipment {
    int req, src, dest;       /* request, facility, destination node */
    double tonnes, m3;
    double t_order, t_ready, t_truck, t_bay, t_loaded, t_arrive, t_home;
    double road_wait, wait_since, driven_free, best_free, slow_extra;
    double news_wait, open_since;  /* of the waits, minutes when a way was open that was not
                              * known (roadinfo.c), and since when one is (INFINITY: none) */
    int node, waiting;
    int slot;                 /* its store's truck estimate it set (dispatch.c), -1 if none */
    int fleet, vtype, prof;   /* main (0) or second (1) fleet; its truck type and profile */
    int *route; int route_len, route_pos, route_cap;
};

/* Bytes of shortest-path searches a replication keeps (model/routes.c):
 * the least recently used are dropped past this, per thread.  64 MB holds a
 * 10,000-node grid's 300 searches (57 MB) from one replication to the next;
 * on larger networks a replication changes more roads than a search can
 * catch up with (routes.c: LOG_MAX), so searches are not reused across
 * replications and more room buys nothing: 96 MB took 0.61 s a replication
 * at 100,000 nodes and 220 MB at peak, 64 MB the same time and 191 MB. */
#define ROUTES_BYTES ((size_t)64 << 20)

/* A store in one of dispatch's two heaps: a lower bound on its key, or its
 * key (model/dispatch.c). */
struct cand { double key; int f; };

struct rep {
    const struct model *m;
    const struct definition *d;
    struct calendar *cal;
    struct routes *routes;    /* routes on the roads now, as they are and as known, for
                               * every vehicle profile (routes.c states; vehicle.h) */
    struct freeflow *freeflow;/* free-flow minutes per (store, node) (freeflow.c) */
    gsl_rng *rng[STREAMS];
    double now;
    long index;

    double *road_min;         /* minutes of each road now; INFINITY when closed */
    double *prof_min;         /* the same for profiles 1 .. n_profiles - 1 (vehicle.c) */
    struct road_change *changes; int n_changes, cap_changes;
    int *change_rule;         /* per change: the damage rule that made it, -1 for close */
    int *change_next, *change_first;   /* changes of one road, in array order */
    /* What the dispatch centre knows of the roads (roadinfo.c): each road's
     * minutes as known, per vehicle profile (n_profiles x n_roads; NULL
     * under perfect information, where the known roads are the roads); per
     * change when its reports reach the centre (drawn, whatever road_info)
     * and the span it is known to be in force (reported, or seen sooner).  A
     * driver plans on what the centre knows (he calls in), so this is every
     * truck's view too. */
    double *known_min;
    double *told_from, *told_until, *known_from, *known_until; int cap_known;
    int st_known;             /* the first known routes state (vehicle.h: vehicle_state) */

    struct fac_state *fac;
    double *fac_dist;         /* dispatch scratch: minutes from each store to a request, for
                               * its main fleet [f] and its second fleet [F + f] */
    unsigned *fac_seen;       /* dispatch scratch: the call that last looked at a store */
    unsigned call;            /* dispatch calls so far */
    struct cand *bound_heap, *key_heap;   /* dispatch scratch, n_facilities each */
    int n_bound, n_key;
    double *stock_mem;        /* backs every facility's stock, reserved, truck_free */
    int *slot_mem;            /* backs every facility's slot_owner */
    struct request *req; int n_req, cap_req;
    double *need_mem; int need_cap;    /* backs requests' need rows */
    struct site_state *site;
    double *ev_first;         /* per site: when its first request reaches dispatch */
    struct shipment *ship; int n_ship, cap_ship;
    double *load_mem; int load_cap;    /* backs shipments' load rows */
    int *waiting; int n_waiting, cap_waiting;  /* shipments waiting for a road to reopen */
    double resume_at;         /* an EV_RESUME is scheduled for this time */

    double *initial, *on_truck, *delivered;    /* per item, for conservation */
    double crews_until, crews_share;   /* this replication's hazard effects (crews go out
                                        * at their EV_CREWS_OUT) */
    double load_from, load_until, load_factor;
    double check_from, check_until;
    struct rep_result *res;
    int failed;               /* out of memory inside an event */
    /* The model's one upcall: travel calls it when a truck reaches its
     * destination, and the demand module (above travel) takes the shipment
     * from there.  Set by rep_create; travel never calls demand directly. */
    void (*arrived)(struct rep *r, int ship);
};

/* A request's need (units per item not yet given to a shipment) and a
 * shipment's load live in arrays that grow; rows are found by index. */
static inline double *req_need(const struct rep *r, int q)
{
    return r->need_mem + (size_t)q * (size_t)r->d->n_items;
}
static inline double *ship_load(const struct rep *r, int s)
{
    return r->load_mem + (size_t)s * (size_t)r->d->n_items;
}

/* The stream a shipment's loading or travel draws from: a shipment sent
 * ahead on a warning draws from its own, so that the others' draws stay
 * aligned with a run that sends nothing ahead (common random numbers). */
static inline gsl_rng *ship_rng(const struct rep *r, int s, enum stream purpose)
{
    return r->req[r->ship[s].req].ahead ? r->rng[STREAM_AHEAD] : r->rng[purpose];
}

/* Schedules an event; a calendar that cannot grow fails the replication. */
static inline void rep_schedule(struct rep *r, double t, int type, int a, int b)
{
    if (cal_schedule(r->cal, t, type, a, b) < 0)
        r->failed = 1;
}

#endif
