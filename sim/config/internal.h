/*
 * internal.h -- what the two halves of the configuration module share:
 * load.c (files, layering, overrides, error locations) and system.c
 * (the tree read into a struct definition).  Not for use outside sim/config/
 */
#ifndef SUPPLYSIM_CONFIG_INTERNAL_H
#define SUPPLYSIM_CONFIG_INTERNAL_H

#include <libconfig.h>
#include "config/config.h"

/* Where a merged setting came from, when it is not where libconfig says
 * (settings copied from a scenario, values set by -D). */
struct origin { const config_setting_t *s; const char *file; int line; };

struct cfg {
    config_t **files;    /* every file read, kept for their line numbers */
    int n_files;
    config_t *root;      /* the merged tree: files[0] after merging */
    char *path;          /* the file the user named */
    struct origin *origins;
    int n_origins, cap_origins;
    enum lang lang;      /* of every message */
};

/* Source file and line of a setting in the merged tree. */
void cfg_where(const struct cfg *c, const config_setting_t *s, const char **file, int *line);

/* The setting's path as -D accepts it, e.g. "facilities.central.floor_m2". */
void cfg_path(const config_setting_t *s, char *buf, size_t len);

/* Writes "FILE:LINE: PATH[.member]: message" into err, the message text t
 * of the language table (in c's language) made with the arguments. */
void cfg_error(const struct cfg *c, const config_setting_t *s, const char *member,
               char *err, size_t errlen, enum text t, ...);

/* ---- suggestions: see suggest.c ---------------------------------------- */

/* The optimal-string-alignment distance of a and b (ASCII case ignored). */
int cfg_distance(const char *a, const char *b);
/* The one of names[0..n) nearest to word, when near enough to be a slip;
 * else NULL. */
const char *cfg_nearest(const char *word, const char *const *names, int n);
/* " (did you mean NAME?)" in language l into buf when a name is near word,
 * else "". */
void cfg_did_you_mean(enum lang l, const char *word, const char *const *names, int n,
                      char *buf, size_t len);
/* " (did you mean DIR/NAME?)" for the entry of path's folder nearest to
 * its file name (DIR as `shown`, the path as written, names it), or "". */
void cfg_nearest_file(enum lang l, const char *path, const char *shown, char *buf, size_t len);
/* Why path cannot be read as a configuration file (errnum from fopen). */
const char *cfg_unreadable(enum lang l, const char *path, int errnum);

/* ---- before libconfig: see precheck.c ----------------------------------- */

#define CFG_MAX_FILE_BYTES (64 << 20)
#define CFG_MAX_LINE_BYTES 65536

/* Limits on counts (config/README.md, "Limits"): what a county's system can
 * hold many times over, and what keeps the model's memory in bounds. */
#define CFG_MAX_ROADS 4000000
#define CFG_MAX_TRUCKS 10000          /* per facility */
#define CFG_MAX_BAYS 1000             /* per facility */
#define CFG_MAX_FLEET 200000          /* trucks in all */
#define CFG_MAX_STOCKS 2e7            /* facilities x items stock levels, per thread */
#define CFG_MAX_REPLICATIONS 10000000
#define CFG_MAX_TRACE 10000           /* run.trace_replications */
#define CFG_MAX_CV 1.0                /* a gamma factor of mean 1 with cv > 1 piles near 0 */
#define CFG_MIN_CV 1e-6               /* below, the factor is 1 to 6 digits (use 0), and
                                       * 1/cv^2, the gamma shape, overflows near 1e-154 */

/* Checks the file's size, its line lengths and its integer literals (and
 * those of the files it @includes, depth deep already); 0, or -1 with
 * "FILE:LINE: SETTING: ..." in err, in language l. */
int cfg_precheck(const char *path, int depth, enum lang l, char *err, size_t errlen);

/* Checks the integer literals of a -D or `set` value (text, written at
 * file:line for the setting path) as cfg_precheck does a file's. */
int cfg_precheck_value(const char *file, int line, const char *path, const char *text,
                       enum lang l, char *err, size_t errlen);

/* ---- reading: see get.c ---------------------------------------------- */

enum range { ANY, NONNEG, POS };

/* Errors are sticky: once bad is set, every getter returns a harmless
 * default, so sections can be read one after another and checked once. */
struct reader {
    const struct cfg *c;
    char *err;
    size_t errlen;
    int bad;
    struct definition *d;
};

/* FAIL(r, s, member, T_ID, args...): the first error of a reading. */
#define FAIL(r, s, member, ...)                                                  \
    do {                                                                         \
        if (!(r)->bad)                                                           \
            cfg_error((r)->c, (s), (member), (r)->err, (r)->errlen, __VA_ARGS__); \
        (r)->bad = 1;                                                            \
    } while (0)

/* An id, where it was given: setting s, or line `line` of idmap's csv file. */
struct ident { const char *id; int index; const config_setting_t *s; int line; };
/* Sorted by id, or (a large map) in its order with a hash index (slot -> place
 * in v, -1: empty), sorted after all if the index could not be made;
 * config/get.c. */
struct idmap { struct ident *v; int n; const char *csv; int *hash; unsigned mask; };
struct folder;
struct maps {
    struct idmap items, nodes, townships, trucks, facilities;
    const config_setting_t **node_src;   /* the setting that made each node (NULL: the folder) */
    int *node_line;                      /* a folder node's line in nodes.csv */
    struct folder *folder;               /* the network folder being read, or NULL */
    struct snap_grid *grid;              /* nodes with a road, for snapping (snap.c), or NULL */
};   /* cfg_maps_free frees the maps; folder and grid their owner frees (system.c) */

/* Words in the reader's language: text t; what s is ("a group" ...). */
const char *cfg_words(const struct reader *r, enum text t);
const char *cfg_found(const struct reader *r, const config_setting_t *s);
int cfg_in_range(struct reader *r, const config_setting_t *s, double v, enum range rg);
double cfg_num_of(struct reader *r, const config_setting_t *s, enum range rg);
const config_setting_t *cfg_opt(const config_setting_t *g, const char *name);
const config_setting_t *cfg_req(struct reader *r, const config_setting_t *g, const char *name, enum text what);
double cfg_get_num(struct reader *r, const config_setting_t *g, const char *name, enum range rg);
double cfg_opt_num(struct reader *r, const config_setting_t *g, const char *name, enum range rg, double dflt);
int cfg_int_of(struct reader *r, const config_setting_t *s, enum range rg);
/* An integer in [lo, hi]. */
int cfg_int_in(struct reader *r, const config_setting_t *s, int lo, int hi);
/* v, when at most max; else an error "expected at most MAX UNIT" at s. */
double cfg_at_most(struct reader *r, const config_setting_t *s, double v, double max,
                   enum text unit);
#define CFG_NO_UNIT TEXTS     /* cfg_at_most's unit for a plain number */
int cfg_list_max(const char *name);
/* A coefficient of variation: 0, or in [CFG_MIN_CV, max]; else an error at s. */
void cfg_check_cv(struct reader *r, const config_setting_t *s, double cv, double max);
const char *cfg_str_of(struct reader *r, const config_setting_t *s);
const char *cfg_get_str(struct reader *r, const config_setting_t *g, const char *name);
const char *cfg_opt_str(struct reader *r, const config_setting_t *g, const char *name, const char *dflt);
char *cfg_dup(struct reader *r, const char *s);
void *cfg_alloc(struct reader *r, size_t n, size_t size);
/* g.name as a number, or [lo, hi] for a uniform draw (rg for both ends, lo
 * <= hi); dflt when absent, or an error when required. */
struct draw cfg_draw(struct reader *r, const config_setting_t *g, const char *name,
                     enum range rg, int required, double dflt);
int cfg_choice(struct reader *r, const config_setting_t *g, const char *name, const char *const *names, int n);
void cfg_only_known(struct reader *r, const config_setting_t *g, const char *const *known);
const config_setting_t *cfg_get_group(struct reader *r, const config_setting_t *g, const char *name);
const config_setting_t *cfg_get_list(struct reader *r, const config_setting_t *g, const char *name, int min);
int cfg_ident_cmp(const void *a, const void *b);
void cfg_idmap_seal(struct reader *r, struct idmap *m, enum text kind);
int cfg_idmap_find(const struct idmap *m, const char *id);
/* " (did you mean ID?)" and, for a map of at most 60 ids, "; the KIND ids:
 * a, b, ..." for a string that is no id of m, into buf. */
void cfg_id_hint(const struct reader *r, const struct idmap *m, enum text kind, const char *bad,
                 int list, char *buf, size_t len);
int cfg_ref(struct reader *r, const config_setting_t *g, const char *name, const struct idmap *m, enum text kind);
/* The error for bad, no id of m (of kind), at s: message msg ("... \"%s\"%s"),
 * with cfg_id_hint's words. */
void cfg_not_id(struct reader *r, const config_setting_t *s, const struct idmap *m,
                enum text kind, enum text msg, const char *bad);
/* A township by its id, or by its name (ASCII case ignored) or Chinese
 * name, at g.name; -1 and an error listing the ids when none. */
int cfg_township_ref(struct reader *r, const config_setting_t *g, const char *name,
                     const struct idmap *m);
void cfg_maps_free(struct maps *m);

/* The path `rel`, given by setting s, as it is from here: relative to the
 * folder of the file that gave it (to the current folder for -D).  Owned by
 * the caller; NULL when out of memory. */
char *cfg_resolve_path(const struct cfg *c, const config_setting_t *s, const char *rel);

/* Writes "PATH:LINE:COLUMN: FIELD: message" (text t of the language table
 * made with the arguments) into r->err (first error only)
 * and marks r bad: an error in a CSV file of a network folder. */
void cfg_csv_fail(struct reader *r, const char *path, int line, int column, const char *field,
                  enum text t, ...);

/* network_dir.c: the network folder named by `network = "DIR";`.  open reads
 * both files and checks the memory the network needs (0, or -1 with the
 * error in r); nodes and roads read them into d->nodes[first..] and
 * d->roads[first..] (ids into m->nodes) and return how many; the definition
 * takes the texts its strings point into. */
struct folder *cfg_folder_open(struct reader *r, const config_setting_t *s);
long cfg_folder_max_nodes(const struct folder *f);
long cfg_folder_max_roads(const struct folder *f);
int cfg_folder_nodes(struct reader *r, struct folder *f, struct maps *m, int first);
int cfg_folder_roads(struct reader *r, struct folder *f, const struct maps *m, int first);
void cfg_folder_free(struct folder *f);

/* snap.c: places on no road put on the nearest node that has one.
 * cfg_snap_places, once the roads are read and before the facilities: with
 * a network folder, every township seat and node of `nodes` that no road
 * touches is removed and its id names the nearest node from then on
 * (references resolved before are remapped).  cfg_snap_point: the node a
 * facility given by lon, lat (setting e) stands on, recorded; -1 with an
 * error when there is none within assumptions.snap_max_km. */
struct snap_grid;
void cfg_snap_places(struct reader *r, struct maps *m);
int cfg_snap_point(struct reader *r, struct maps *m, const config_setting_t *e, int facility,
                   double lon, double lat);
void cfg_snap_grid_free(struct snap_grid *g);

/* scenario.c: the run settings and the disaster. */
void cfg_read_run(struct reader *r, const config_setting_t *root);
void cfg_read_disaster(struct reader *r, const config_setting_t *root, const struct maps *m);

/* assumptions.c: assumption_ranges, checked against the whole tree. */
void cfg_read_assumptions(struct reader *r, const config_setting_t *root);

/* refs.c: adds the units of each item named in group g (may be NULL) into
 * out[n_items]. */
void cfg_amounts(struct reader *r, const config_setting_t *g, const struct maps *m, double *out);

/* refs.c: marks the roads a corridor name or "FROM-TO" stands for; how
 * many (m, the id map, when not NULL also finds a node by the id of a place
 * put on the network).  cfg_road_ref: the same, an error at e (with a
 * suggestion) when none. */
int cfg_mark_roads(const struct definition *d, const struct maps *m, const char *name,
                   unsigned char *mark);
void cfg_road_ref(struct reader *r, const struct maps *m, const config_setting_t *e,
                  const char *road, unsigned char *mark);

/* load.c: whether "PATH" names a setting of the tree under root, or a new
 * one directly under one of its groups (as -D may add); when not, the
 * component it could not find goes into bad, and a name near it (or "")
 * into near. */
int cfg_settable(const config_setting_t *root, const char *path, char *bad, size_t badlen,
                 char *near, size_t nearlen);

/* preposition.c: disaster.warning_min and disaster.preposition. */
void cfg_read_preposition(struct reader *r, const config_setting_t *dis, const struct maps *m);

/* levers.c: levers, scenario_levers and lever_costs, checked against the
 * whole tree; a lever's protect names roads as disaster.protect does (by
 * the id map m, places put on the network too). */
void cfg_read_levers(struct reader *r, const config_setting_t *root, const struct maps *m);

#endif
