/*
 * network_dir.c -- reading a network folder (network_dir.h has the schema)
 * straight into the definition's node and road arrays, without libconfig:
 * a million-node network is some 50 MB of text, which libconfig would take
 * seconds and a gigabyte to hold.
 *
 * Both files are read whole; nodes.csv's fields are cut in place (quotes
 * removed, each ended by a NUL) and the nodes' strings point into it, so the
 * definition keeps that one block; roads' names are interned (a network has
 * few distinct ones) and roads.csv is freed once read.  Before anything is
 * built, the lines are counted and the memory the network will need is
 * checked against what the process may use, so that a network too large
 * fails at load with a message saying how much it needs, not in the middle
 * of a run.  Cost: O(bytes) to read, O(nodes) for the id index (a hash).
 *
 * A large folder's nodes and roads, once read, are written as its cache
 * (network_cache.h); while the files' bytes stay the same, the next read
 * copies them from there instead of parsing: the texts are still read, to
 * be hashed and their lines counted for the memory check, then dropped.
 * What the cache cannot know, the configuration's nodes that roads.csv
 * names, is kept as ids and looked up again at every read.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "config/internal.h"
#include "config/network_cache.h"
#include "engine/grow.h"
#include "engine/hash.h"
#include "config/network_dir.h"

enum { NODE_ID, NODE_NAME, NODE_NAME_ZH, NODE_KIND, NODE_LON, NODE_LAT, NODE_FIELDS };
enum { ROAD_FROM, ROAD_TO, ROAD_KM, ROAD_CLASS, ROAD_MINUTES, ROAD_NAME, ROAD_FIELDS };

static const char *const node_fields[NODE_FIELDS] = { "id", "name", "name_zh", "kind", "lon", "lat" };
static const char *const road_fields[ROAD_FIELDS] = { "from", "to", "km", "class", "minutes", "name" };

struct csv_text { char *path, *buf, *at, *end; int line; long lines; uint64_t hash; };

/* A road end read as an id the folder does not hold (a configuration's node),
 * kept for the cache: road k's from (end 0) or to (end 1), on line. */
struct outside { int road, end, line; char *id; };

struct folder {
    struct csv_text nodes, roads;
    char *dir;
    struct name_set { char **v; int n, cap; int *slot; int n_slots; } names;
    int cacheable;                       /* large enough to keep a cache of */
    uint64_t key[4];                     /* its files' hashes and sizes (network_cache.h) */
    struct net_image image;              /* the cache, when there was a good one */
    int cached;                          /* nodes and roads come from image */
    struct outside *outside; int n_outside, cap_outside;
};

/* Folders of fewer lines than this are parsed every time: some 10 ms. */
#define CACHE_MIN_LINES 10000

/* ---- memory ---------------------------------------------------------------- */

/* What a run on one thread holds, fitted to peaks measured on the synthetic
 * grids of scripts/gen_network.c (48-650 MB for 10,000 to 1,000,000 nodes,
 * with 2 roads a node): the program and its libraries (20 MB); per node 330
 * bytes (the node, the id index while reading, the network's arcs, positions
 * and landmarks, the model's tables, a thread's search roots); per road 130
 * (the road, its arcs, a thread's minutes and changes, roads.csv while read);
 * nodes.csv, kept for the nodes' names; and a thread's kept searches, up to
 * their budget (model/state.h: ROUTES_BYTES, 64 MB), which small networks do
 * not fill.  Each further thread adds its own searches and road state. */
size_t network_need_bytes(long nodes, long roads, size_t text)
{
    size_t searches = (size_t)nodes * 10240 < ((size_t)64 << 20) ? (size_t)nodes * 10240
                                                                  : ((size_t)64 << 20);
    return ((size_t)20 << 20) + (size_t)nodes * 330 + (size_t)roads * 130 + text + searches;
}

size_t network_memory_limit(void)
{
    size_t limit = SIZE_MAX;
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0)
        limit = (size_t)pages * (size_t)page;
    int which[2] = { RLIMIT_AS, RLIMIT_DATA };
    for (int i = 0; i < 2; i++) {
        struct rlimit rl;
        if (getrlimit(which[i], &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
            && (size_t)rl.rlim_cur < limit)
            limit = (size_t)rl.rlim_cur;
    }
    return limit;
}

int network_memory_check(enum lang l, const char *dir, long nodes, long roads, size_t text,
                         size_t limit, char *err, size_t errlen)
{
    size_t need = network_need_bytes(nodes, roads, text);
    if (need <= limit)
        return 0;
    snprintf(err, errlen, lang_text(l, T_CFG_NET_MEMORY), dir, nodes, roads, (need >> 20) + 1,
             limit >> 20);
    return -1;
}

/* ---- files ------------------------------------------------------------------ */

/* Reads dir/name whole, NUL-ended, a UTF-8 byte-order mark skipped, and
 * counts its lines (at least its records). */
static int read_text(struct reader *r, const char *dir, const char *name, struct csv_text *t,
                     const config_setting_t *s)
{
    if (!(t->path = network_path(dir, name))) {
        FAIL(r, s, NULL, T_CMD_OUT_OF_MEMORY);
        return -1;
    }
    FILE *f = fopen(t->path, "rb");
    long size = -1;
    if (f && fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (!f || size < 0 || fseek(f, 0, SEEK_SET) != 0) {
        FAIL(r, s, NULL, T_CFG_NET_FILES, NETWORK_NODES_FILE, NETWORK_ROADS_FILE, t->path,
             lang_errno(r->c->lang, errno));
        if (f)
            fclose(f);
        return -1;
    }
    t->buf = malloc((size_t)size + 1);
    if (!t->buf || fread(t->buf, 1, (size_t)size, f) != (size_t)size) {
        FAIL(r, s, NULL, T_CFG_NET_READ, t->path, size,
             cfg_words(r, t->buf ? T_CFG_READ_ERROR : T_CFG_NET_NO_ROOM));
        fclose(f);
        return -1;
    }
    fclose(f);
    t->hash = hash_bytes(t->buf, (size_t)size);       /* the file's bytes, for the cache */
    t->buf[size] = '\0';
    t->at = t->buf + (size >= 3 && !memcmp(t->buf, "\xEF\xBB\xBF", 3) ? 3 : 0);
    t->end = t->buf + size;
    t->line = 1;
    t->lines = t->end > t->at && t->end[-1] != '\n' && t->end[-1] != '\r';   /* no last end */
    for (const char *p = t->at; (p = memchr(p, '\n', (size_t)(t->end - p))) != NULL; p++)
        t->lines++;                            /* line ends: \n, or a \r alone */
    for (const char *p = t->at; (p = memchr(p, '\r', (size_t)(t->end - p))) != NULL; p++)
        t->lines += p + 1 == t->end || p[1] != '\n';
    return 0;
}

/* ---- CSV ----------------------------------------------------------------- */

/* Cuts the next record into fields[0..*n) in place.  1: a record (a blank
 * line gives *n = 0); 0: end of text; -1: an error, reported. */
static int csv_record(struct reader *r, struct csv_text *t, char **fields, int max, int *n)
{
    char *p = t->at;
    *n = 0;
    if (p >= t->end)
        return 0;
    for (;;) {
        char *out = p, *start = p;
        if (*n == max) {
            cfg_csv_fail(r, t->path, t->line, max + 1, "(record)", T_CFG_CSV_MORE_COLUMNS, max);
            return -1;
        }
        fields[(*n)++] = start;
        if (*p == '"') {                       /* quoted: "" is a quote, may span lines */
            int line = t->line;
            for (p++;; p++) {
                if (p >= t->end) {
                    cfg_csv_fail(r, t->path, line, *n, "(quote)", T_CFG_CSV_NO_CLOSE_QUOTE);
                    return -1;
                }
                if (*p == '"' && p[1] == '"')
                    p++;
                else if (*p == '"')
                    break;
                t->line += *p == '\n';
                *out++ = *p;
            }
            p++;
        } else {
            while (p < t->end && *p != ',' && *p != '\n' && *p != '\r')
                p++;
            out = p;
        }
        char c = p < t->end ? *p : '\n';
        if (c == '\r' && p + 1 < t->end && p[1] == '\n')
            p++, c = '\n';
        *out = '\0';
        if (c == ',') {
            p++;
            continue;
        }
        if (c != '\n' && c != '\r') {
            cfg_csv_fail(r, t->path, t->line, *n, "(quote)", T_CFG_CSV_AFTER_QUOTE, c);
            return -1;
        }
        t->at = p + 1;
        t->line++;
        if (*n == 1 && fields[0][0] == '\0')
            *n = 0;                            /* a blank line */
        return 1;
    }
}

/* The header must name exactly the schema's columns, in order. */
static int csv_header(struct reader *r, struct csv_text *t, const char *const *names, int count,
                      const char *schema)
{
    char *f[16];
    int n;
    if (csv_record(r, t, f, 16, &n) <= 0) {
        if (!r->bad)
            cfg_csv_fail(r, t->path, 1, 1, "(header)", T_CFG_CSV_HEADER_EMPTY, schema);
        return -1;
    }
    for (int i = 0; i < count || i < n; i++)
        if (i >= n || i >= count || strcmp(f[i], names[i])) {
            if (i < n)
                cfg_csv_fail(r, t->path, 1, i + 1, "(header)", T_CFG_CSV_HEADER_COLUMN, schema, f[i]);
            else
                cfg_csv_fail(r, t->path, 1, i + 1, "(header)", T_CFG_CSV_HEADER_MISSING, schema,
                             names[i]);
            return -1;
        }
    return 0;
}

/* A record of exactly count fields (blank lines skipped); 1, 0 at the end, -1. */
static int csv_row(struct reader *r, struct csv_text *t, char **f, int count, const char *schema)
{
    int n, rc;
    while ((rc = csv_record(r, t, f, count, &n)) == 1 && n == 0)
        ;
    if (rc == 1 && n != count) {
        cfg_csv_fail(r, t->path, t->line - 1, n, "(record)", T_CFG_CSV_COLUMNS, count, schema, n);
        return -1;
    }
    return rc;
}

/* The plain decimals a network file is made of ("-12.3456", at most 15
 * digits, no exponent), exactly as strtod reads them: the digits make an
 * integer below 2^53 and 10^k (k <= 22) is exact, so one division, correctly
 * rounded, gives the correctly rounded value.  0 when s is not of that form
 * (strtod then reads it). */
static int fast_decimal(const char *s, double *out)
{
    static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                    1e11, 1e12, 1e13, 1e14, 1e15 };
    int neg = *s == '-', digits = 0, frac = -1;
    uint64_t m = 0;
    for (s += neg; *s; s++) {
        if (*s == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || ++digits > 15)
            return 0;
        m = m * 10 + (uint64_t)(*s - '0');
        frac += frac >= 0;
    }
    if (digits == 0)
        return 0;
    double v = (double)m / pow10[frac > 0 ? frac : 0];
    *out = neg ? -v : v;
    return 1;
}

/* A finite number in field f (column col of the record ending before line). */
static double csv_number(struct reader *r, const struct csv_text *t, int line, int col,
                         const char *name, const char *s)
{
    char *end;
    double v;
    if (fast_decimal(s, &v))
        return v;
    errno = 0;
    v = strtod(s, &end);
    if (!*s || *end || errno == ERANGE || !isfinite(v))
        cfg_csv_fail(r, t->path, line, col, name, T_CFG_EXPECTED_FOUND_Q, cfg_words(r, T_CFG_A_NUMBER),
                     s);
    return v;
}

static int choice(const char *s, const char *(*name)(int), int count)
{
    for (int i = 0; i < count; i++)
        if (!strcmp(s, name(i)))
            return i;
    return -1;
}

static const char *kind_name(int k) { return node_kind_name((enum node_kind)k); }
static const char *class_name(int c) { return road_class_name((enum road_class)c); }

/* "expected one of A, B, ..., found \"s\"" with the nearest name, at col. */
static void bad_choice(struct reader *r, const struct csv_text *t, int line, int col,
                       const char *field, const char *s, const char *(*name)(int), int count)
{
    const char *names[8];
    char list[256] = "", hint[160];
    for (int i = 0; i < count && i < 8; i++) {
        names[i] = name(i);
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", names[i]);
    }
    cfg_did_you_mean(r->c->lang, s, names, count < 8 ? count : 8, hint, sizeof hint);
    cfg_csv_fail(r, t->path, line, col, field, T_CFG_ONE_OF, list, s, hint);
}

/* "expected the id of a township or node, found \"s\"" with the nearest id. */
static void bad_node(struct reader *r, const struct csv_text *t, int line, int col,
                     const char *field, const char *s, const struct maps *m)
{
    char hint[1024];
    cfg_id_hint(r, &m->nodes, T_CFG_KIND_NODE, s, 0, hint, sizeof hint);
    cfg_csv_fail(r, t->path, line, col, field, T_CFG_NODE_ID, s, hint);
}

/* ---- from the cache ------------------------------------------------------- */

/* The image's nodes into d->nodes[first..], as cfg_folder_nodes puts them. */
static int cached_nodes(struct reader *r, struct folder *f, struct maps *m, int first)
{
    struct definition *d = r->d;
    const struct net_image *im = &f->image;
    char *text = im->text;
    for (int j = 0; j < (int)im->n_nodes; j++) {
        int i = first + j;
        d->nodes[i] = (struct node){ text + im->id[j], text + im->name[j], text + im->name_zh[j],
                                     (enum node_kind)im->kind[j], im->lon[j], im->lat[j] };
        m->nodes.v[m->nodes.n++] = (struct ident){ d->nodes[i].id, i, NULL, im->line[j] };
        m->node_src[i] = NULL;
        m->node_line[i] = im->line[j];
    }
    d->folder_node0 = first;
    d->folder_nodes = (int)im->n_nodes;
    d->folder_text = text;                     /* the nodes' strings live here */
    f->image.text = NULL;
    return d->folder_nodes;
}

/* The node at a cached road end e (end 0: from, 1: to); -1 with an error
 * when it is an id that no node has. */
static int cached_end(struct reader *r, const struct folder *f, const struct maps *m, int e,
                      int end)
{
    const struct net_image *im = &f->image;
    if (e >= 0)
        return r->d->folder_node0 + e;
    int k = -1 - e, node = cfg_idmap_find(&m->nodes, im->names + im->ext_id[k]);
    if (node < 0)
        bad_node(r, &f->roads, im->ext_line[k], end ? ROAD_TO + 1 : ROAD_FROM + 1,
                 end ? "to" : "from", im->names + im->ext_id[k], m);
    return node;
}

/* The image's roads into d->roads[first..], their names copied once each. */
static int cached_roads(struct reader *r, struct folder *f, const struct maps *m, int first)
{
    struct definition *d = r->d;
    const struct net_image *im = &f->image;
    char **names = calloc((size_t)im->n_names + 1, sizeof *names);
    for (long j = 0; names && j < im->n_names; j++)
        if (!(names[j] = strdup(im->names + im->name_at[j]))) {
            while (j-- > 0)
                free(names[j]);
            free(names);
            names = NULL;
        }
    if (!names) {
        cfg_csv_fail(r, f->roads.path, 1, 1, "name", T_CMD_OUT_OF_MEMORY);
        return 0;
    }
    int k;
    for (k = 0; k < (int)im->n_roads && !r->bad; k++) {
        struct road *rd = &d->roads[first + k];
        rd->from = cached_end(r, f, m, im->from[k], 0);
        rd->to = cached_end(r, f, m, im->to[k], 1);
        rd->km = im->km[k];
        rd->cls = (enum road_class)im->cls[k];
        rd->name = names[im->road_name[k]];
    }
    d->folder_road0 = first;
    d->folder_roads = k;
    d->folder_names = names;
    d->n_folder_names = (int)im->n_names;
    net_image_free(&f->image);                 /* all of it is in the definition now */
    return k;
}

/* ---- into the cache --------------------------------------------------------- */

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of name s in ns: where it is, else the free one where it goes. */
static unsigned name_slot(const struct name_set *ns, const char *s)
{
    unsigned mask = (unsigned)ns->n_slots - 1, j = name_hash(s) & mask;
    while (ns->slot[j] >= 0 && strcmp(ns->v[ns->slot[j]], s))
        j = (j + 1) & mask;
    return j;
}

/* The place of name s among the interned ones (it is one of them). */
static int name_index(const struct folder *f, const char *s)
{
    return f->names.slot[name_slot(&f->names, s)];
}

/* Notes road k's end (0: from, 1: to) if it is no node of the folder. */
static void note_outside(struct reader *r, struct folder *f, int k, int end, int line,
                         const char *id, int node)
{
    const struct definition *d = r->d;
    if (!f->cacheable || r->bad || (node >= d->folder_node0 && node < d->folder_node0 + d->folder_nodes))
        return;
    char *copy = strdup(id);
    if (!copy || grow_array(&f->outside, &f->cap_outside, f->n_outside + 1, sizeof *f->outside) < 0) {
        free(copy);
        f->cacheable = 0;                      /* no room: no cache, the run goes on */
        return;
    }
    f->outside[f->n_outside++] = (struct outside){ k, end, line, copy };
}

/* The image of what was parsed (nodes d->nodes[folder_node0..], roads
 * [first, first + n)), written as the cache; nothing when it cannot be. */
static void write_cache(const struct definition *d, struct folder *f, const int *node_line,
                        int first, int n)
{
    struct net_image im = { 0 };
    size_t text_len = 0, names_len = 0;
    const char *text = d->folder_text;
    for (int j = 0; j < d->folder_nodes; j++) {
        const struct node *v = &d->nodes[d->folder_node0 + j];
        const char *ends[3] = { v->id, v->name, v->name_zh };
        for (int e = 0; e < 3; e++)
            if ((size_t)(ends[e] - text) + strlen(ends[e]) + 1 > text_len)
                text_len = (size_t)(ends[e] - text) + strlen(ends[e]) + 1;
    }
    for (int j = 0; j < f->names.n; j++)
        names_len += strlen(f->names.v[j]) + 1;
    for (int j = 0; j < f->n_outside; j++)
        names_len += strlen(f->outside[j].id) + 1;
    if (text_len > UINT32_MAX || names_len > UINT32_MAX)   /* offsets are 32 bits */
        return;
    if (net_image_alloc(&im, d->folder_nodes, n, f->names.n, f->n_outside, text_len, names_len) < 0)
        goto done;
    memcpy(im.key, f->key, sizeof im.key);
    memcpy(im.text, text, text_len);
    for (int j = 0; j < d->folder_nodes; j++) {
        int i = d->folder_node0 + j;
        const struct node *v = &d->nodes[i];
        im.id[j] = (uint32_t)(v->id - text);
        im.name[j] = (uint32_t)(v->name - text);
        im.name_zh[j] = (uint32_t)(v->name_zh - text);
        im.line[j] = node_line[i], im.lon[j] = v->lon, im.lat[j] = v->lat;
        im.kind[j] = (uint8_t)v->kind;
    }
    size_t at = 0;
    for (int j = 0; j < f->names.n; j++) {
        im.name_at[j] = (uint32_t)at;
        at += (size_t)sprintf(im.names + at, "%s", f->names.v[j]) + 1;
    }
    for (int k = 0; k < n; k++) {
        const struct road *rd = &d->roads[first + k];
        im.from[k] = rd->from - d->folder_node0;
        im.to[k] = rd->to - d->folder_node0;
        im.road_name[k] = name_index(f, rd->name);
        im.km[k] = rd->km;
        im.cls[k] = (uint8_t)rd->cls;
    }
    for (int j = 0; j < f->n_outside; j++) {
        const struct outside *o = &f->outside[j];
        im.ext_line[j] = o->line;
        im.ext_id[j] = (uint32_t)at;
        at += (size_t)sprintf(im.names + at, "%s", o->id) + 1;
        *(o->end ? &im.to[o->road] : &im.from[o->road]) = -1 - j;
    }
    net_cache_write(f->dir, &im);
done:
    net_image_free(&im);
}

/* ---- the folder ---------------------------------------------------------- */

/* The cache, if the folder is large enough to have one and it is good and
 * fits the files' lines; then the texts, read only to be hashed, go. */
static void open_cache(struct folder *f)
{
    f->cacheable = f->nodes.lines + f->roads.lines >= CACHE_MIN_LINES;
    if (!f->cacheable)
        return;
    f->key[0] = f->nodes.hash;
    f->key[1] = (uint64_t)(f->nodes.end - f->nodes.buf);
    f->key[2] = f->roads.hash;
    f->key[3] = (uint64_t)(f->roads.end - f->roads.buf);
    if (net_cache_read(f->dir, f->key, &f->image) < 0)
        return;
    if (f->image.n_nodes > cfg_folder_max_nodes(f) || f->image.n_roads > cfg_folder_max_roads(f)) {
        net_image_free(&f->image);
        return;
    }
    f->cached = 1;
    free(f->nodes.buf);
    free(f->roads.buf);
    f->nodes.buf = f->roads.buf = NULL;
}

struct folder *cfg_folder_open(struct reader *r, const config_setting_t *s)
{
    struct folder *f = calloc(1, sizeof *f);
    const char *rel = cfg_str_of(r, s);
    if (!f || r->bad || !(f->dir = cfg_resolve_path(r->c, s, rel))) {
        if (!r->bad)
            FAIL(r, s, NULL, T_CMD_OUT_OF_MEMORY);
        cfg_folder_free(f);
        return NULL;
    }
    if (read_text(r, f->dir, NETWORK_NODES_FILE, &f->nodes, s) < 0
        || read_text(r, f->dir, NETWORK_ROADS_FILE, &f->roads, s) < 0
        || csv_header(r, &f->nodes, node_fields, NODE_FIELDS, NETWORK_NODES_HEADER) < 0
        || csv_header(r, &f->roads, road_fields, ROAD_FIELDS, NETWORK_ROADS_HEADER) < 0)
        goto fail;
    if (network_memory_check(r->c->lang, f->dir, cfg_folder_max_nodes(f), cfg_folder_max_roads(f),
                             (size_t)(f->nodes.end - f->nodes.buf), network_memory_limit(),
                             r->err, r->errlen) < 0) {
        r->bad = 1;
        goto fail;
    }
    open_cache(f);
    return f;
fail:
    cfg_folder_free(f);
    return NULL;
}

/* Lines but the header's: the records, or a few more (blank lines). */
long cfg_folder_max_nodes(const struct folder *f) { return f->nodes.lines > 1 ? f->nodes.lines - 1 : 0; }

long cfg_folder_max_roads(const struct folder *f) { return f->roads.lines > 1 ? f->roads.lines - 1 : 0; }

void cfg_folder_free(struct folder *f)
{
    if (!f)
        return;
    free(f->nodes.path);
    free(f->nodes.buf);
    free(f->roads.path);
    free(f->roads.buf);
    for (int i = 0; i < f->names.n; i++)
        free(f->names.v[i]);
    free(f->names.v);
    net_image_free(&f->image);
    for (int i = 0; i < f->n_outside; i++)
        free(f->outside[i].id);
    free(f->outside);
    free(f->names.slot);
    free(f->dir);
    free(f);
}

/* One node from its record (ending before `line`) into n. */
static void read_node(struct reader *r, const struct csv_text *t, int line, char **f, struct node *n)
{
    int kind = choice(f[NODE_KIND], kind_name, NODE_KINDS);
    if (!f[NODE_ID][0])
        cfg_csv_fail(r, t->path, line, 1, "id", T_CFG_CSV_EMPTY_ID);
    if (kind < 0)
        bad_choice(r, t, line, NODE_KIND + 1, "kind", f[NODE_KIND], kind_name, NODE_KINDS);
    n->id = f[NODE_ID];
    n->name = f[NODE_NAME][0] ? f[NODE_NAME] : n->id;
    n->name_zh = f[NODE_NAME_ZH][0] ? f[NODE_NAME_ZH] : n->name;
    n->kind = kind >= 0 ? (enum node_kind)kind : NODE_JUNCTION;
    n->lon = csv_number(r, t, line, NODE_LON + 1, "lon", f[NODE_LON]);
    n->lat = csv_number(r, t, line, NODE_LAT + 1, "lat", f[NODE_LAT]);
    if (!r->bad && !(n->lon >= -180 && n->lon <= 180))
        cfg_csv_fail(r, t->path, line, NODE_LON + 1, "lon", T_CFG_LON, n->lon);
    if (!r->bad && !(n->lat >= -90 && n->lat <= 90))
        cfg_csv_fail(r, t->path, line, NODE_LAT + 1, "lat", T_CFG_LAT, n->lat);
}

int cfg_folder_nodes(struct reader *r, struct folder *f, struct maps *m, int first)
{
    struct definition *d = r->d;
    char *fields[NODE_FIELDS];
    int k = 0;
    m->nodes.csv = f->nodes.path;
    if (f->cached)
        return cached_nodes(r, f, m, first);
    while (!r->bad && k < cfg_folder_max_nodes(f)
           && csv_row(r, &f->nodes, fields, NODE_FIELDS, NETWORK_NODES_HEADER) == 1) {
        int i = first + k++, line = f->nodes.line - 1;
        read_node(r, &f->nodes, line, fields, &d->nodes[i]);
        m->nodes.v[m->nodes.n++] = (struct ident){ d->nodes[i].id, i, NULL, line };
        m->node_src[i] = NULL;
        m->node_line[i] = line;
    }
    d->folder_node0 = first;
    d->folder_nodes = k;
    d->folder_text = f->nodes.buf;             /* the nodes' strings live here */
    f->nodes.buf = NULL;
    return k;
}

/* The one copy of a road name, found or added (open addressing by hash). */
static char *intern(struct folder *f, const char *s)
{
    struct name_set *ns = &f->names;
    if (2 * (ns->n + 1) > ns->n_slots) {
        int cap = ns->n_slots ? 2 * ns->n_slots : 64;
        int *slot = malloc((size_t)cap * sizeof *slot);
        char **v = realloc(ns->v, (size_t)cap * sizeof *v);
        if (v)
            ns->v = v;
        if (!slot || !v) {
            free(slot);
            return NULL;
        }
        for (int i = 0; i < cap; i++)
            slot[i] = -1;
        for (int i = 0; i < ns->n; i++) {
            unsigned j = name_hash(ns->v[i]) & (unsigned)(cap - 1);
            while (slot[j] >= 0)
                j = (j + 1) & (unsigned)(cap - 1);
            slot[j] = i;
        }
        free(ns->slot);
        ns->slot = slot;
        ns->n_slots = cap;
    }
    unsigned j = name_slot(ns, s);
    if (ns->slot[j] >= 0)
        return ns->v[ns->slot[j]];
    if (!(ns->v[ns->n] = strdup(s)))
        return NULL;
    ns->slot[j] = ns->n;
    return ns->v[ns->n++];
}

/* One road from its record (ending before `line`) into rd. */
static void read_road(struct reader *r, struct folder *f, int line, char **fl,
                      const struct maps *m, struct road *rd)
{
    const struct csv_text *t = &f->roads;
    int cls = choice(fl[ROAD_CLASS], class_name, ROAD_CLASSES);
    rd->from = cfg_idmap_find(&m->nodes, fl[ROAD_FROM]);
    rd->to = cfg_idmap_find(&m->nodes, fl[ROAD_TO]);
    if (rd->from < 0)
        bad_node(r, t, line, ROAD_FROM + 1, "from", fl[ROAD_FROM], m);
    if (rd->to < 0)
        bad_node(r, t, line, ROAD_TO + 1, "to", fl[ROAD_TO], m);
    if (!r->bad && rd->from == rd->to)
        cfg_csv_fail(r, t->path, line, ROAD_TO + 1, "to", T_CFG_SELF_ROAD, fl[ROAD_TO]);
    rd->km = csv_number(r, t, line, ROAD_KM + 1, "km", fl[ROAD_KM]);
    if (!r->bad && !(rd->km > 0))
        cfg_csv_fail(r, t->path, line, ROAD_KM + 1, "km", T_CFG_POSITIVE, rd->km);
    if (cls < 0)
        bad_choice(r, t, line, ROAD_CLASS + 1, "class", fl[ROAD_CLASS], class_name, ROAD_CLASSES);
    rd->cls = cls >= 0 ? (enum road_class)cls : ROAD_COUNTY;
    /* minutes are informational: only their form is checked, cheaply */
    if (fl[ROAD_MINUTES][strspn(fl[ROAD_MINUTES], "0123456789.eE+")] != '\0')
        cfg_csv_fail(r, t->path, line, ROAD_MINUTES + 1, "minutes", T_CFG_CSV_MINUTES,
                     fl[ROAD_MINUTES]);
    if (!r->bad && !(rd->name = intern(f, fl[ROAD_NAME])))
        cfg_csv_fail(r, t->path, line, ROAD_NAME + 1, "name", T_CMD_OUT_OF_MEMORY);
}

int cfg_folder_roads(struct reader *r, struct folder *f, const struct maps *m, int first)
{
    struct definition *d = r->d;
    char *fields[ROAD_FIELDS];
    int k = 0;
    if (f->cached)
        return cached_roads(r, f, m, first);
    while (!r->bad && k < cfg_folder_max_roads(f)
           && csv_row(r, &f->roads, fields, ROAD_FIELDS, NETWORK_ROADS_HEADER) == 1) {
        int line = f->roads.line - 1;
        struct road *rd = &d->roads[first + k];
        read_road(r, f, line, fields, m, rd);
        note_outside(r, f, k, 0, line, fields[ROAD_FROM], rd->from);
        note_outside(r, f, k, 1, line, fields[ROAD_TO], rd->to);
        k++;
    }
    d->folder_road0 = first;
    d->folder_roads = k;
    free(f->roads.buf);
    f->roads.buf = NULL;
    if (!r->bad && f->cacheable)
        write_cache(d, f, m->node_line, first, k);
    d->folder_names = f->names.v;              /* the roads' names live here */
    d->n_folder_names = f->names.n;
    f->names.v = NULL;
    f->names.n = 0;
    return k;
}
