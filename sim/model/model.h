/*
 * model.h -- the discrete-event model of one replication (sim/MODEL.md): requests
 * from disaster sites, dispatch, crews, loading bays, trucks on a road network
 * that a hazard closes and slows, replenishment, and the conservation check.
 *
 * struct model is what all replications share (built once, read-only, so
 * threads can share it); struct rep is one replication's whole state (one per
 * worker thread, reused from replication to replication); struct rep_result is
 * what a replication leaves behind for the statistics.  The model never prints
 * and never reads files.
 */
#ifndef SUPPLYSIM_MODEL_H
#define SUPPLYSIM_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "config/definition.h"

/* Where the time of a site's first shipment went (sim/MODEL.md, "Causes of
 * delay").  The main causes, [0, MAIN_CAUSES), add up to the response (or to
 * the horizon for a site never reached).  Road delays (CAUSE_ROAD): waiting
 * for a closed road to reopen, the detour around it, the extra minutes of
 * flooded or slowed roads, and checkpoints between townships; the last three
 * causes are its parts and add up to it: detours and turn-backs (free-flow
 * minutes driven beyond the shortest way, and standing still while a way was
 * open that nobody knew of: time lost to learning late), waiting for water to
 * recede (standing still while no way was open), slowed roads and
 * checkpoints.  Unreachable: the time after the request of a site that no
 * store with trucks can reach at all, even with every road open but those
 * closed throughout the run.  A result holds CAUSES values per site. */
enum cause { CAUSE_REPORT, CAUSE_STOCK, CAUSE_MOBILISE, CAUSE_TRUCK, CAUSE_BAY, CAUSE_LOAD,
             CAUSE_TRAVEL, CAUSE_ROAD, CAUSE_UNREACHABLE,
             CAUSE_DETOUR, CAUSE_WAIT, CAUSE_SLOWED, CAUSES };
#define MAIN_CAUSES CAUSE_DETOUR        /* the causes that add up; the rest split road delays */
const char *cause_id(enum cause c);     /* a word for column and key names */

#define SAMPLE_MIN 10.0      /* resolution of the resources-over-time series */

/* One shipment, for shipments.csv. */
struct trace_row {
    int id, source, site, dest_facility;   /* site -1 for a replenishment */
    double ordered, loaded, arrived;       /* minutes since onset; INFINITY if not (yet) */
    double tonnes, m3;
};

struct rep_result {
    double *occur;           /* per site: when the disaster occurred there */
    double *response;        /* per site: first arrival - occurrence; INFINITY if unreached */
    double *fill;            /* per site: arrival completing its needs - occurrence */
    double *people;          /* per site: displaced people drawn */
    double *cause;           /* per site x CAUSES: minutes of the first shipment's journey */
    unsigned char *stockout; /* per facility x item: ran out during the replication */
    double demand_units, unmet_units;
    double bay_wait_sum;     long bay_waits;
    double truck_busy_min, truck_min;
    long events;
    int shipments;
    int n_samples;           /* resources every SAMPLE_MIN from onset to the horizon: */
    double *trucks_out;      /*   trucks away from their store */
    double *central_queue;   /*   trucks waiting for a bay at the central depot */
    struct trace_row *trace; int n_trace, cap_trace;
};

int result_init(struct rep_result *res, const struct definition *d);
void result_free(struct rep_result *res);

/* Copies from into to (result_init'ed for d), the shipment trace included:
 * a result kept past the experiment's sink call.  0, or -1 when out of
 * memory. */
int result_copy(struct rep_result *to, const struct rep_result *from, const struct definition *d);

/* Sites on time in the replication (response <= run.promise_min); it keeps
 * the promise when this is d->n_sites.  O(sites). */
int result_on_time(const struct rep_result *res, const struct definition *d);

struct model;
struct model *model_create(const struct definition *d);

/* Where the landmarks of a network made before may be had, and new ones
 * kept: load gives them for key (size bytes, malloc'd: the model frees
 * them) or NULL; keep, if not NULL, is handed those made (it may fail
 * quietly).  The model reads
 * and writes no file itself: a command gives it this (cmd/landmark_store.h:
 * a cache beside the network folder).  model_create is model_create_kept
 * with no store. */
struct landmark_store {
    double *(*load)(void *ctx, uint64_t key, size_t size);
    void (*keep)(void *ctx, uint64_t key, const double *mark, size_t size);
    void *ctx;
};
struct model *model_create_kept(const struct definition *d, const struct landmark_store *store);
void model_free(struct model *m);

struct rep;
struct rep *rep_create(const struct model *m);
void rep_free(struct rep *r);

/* Runs replication `index` into res; trace: record every shipment.  0, or -1
 * with a message in err (out of memory, or stock not conserved: a bug). */
int rep_run(struct rep *r, long index, int trace, struct rep_result *res,
            char *err, size_t errlen);

#endif
