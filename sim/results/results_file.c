/*
 * results_file.c -- results.dat, written and read (layout in results_file.h).
 * Every number is put byte by byte in little-endian order, so the file is
 * the same on any machine; the checksum is zlib's crc32.  A record is built
 * in memory and written at once: O(sites x causes + samples) per replication.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "results/results_file.h"

static const unsigned char HEAD_MAGIC[8] = { 0x89, 'S', 'S', 'R', '\r', '\n', 0x1a, '\n' };
static const unsigned char TAIL_MAGIC[8] = { 'S', 'S', 'R', '-', 'E', 'N', 'D', '\n' };
#define TRACE_BYTES (4 * 4 + 5 * 8)
#define READ_AHEAD 65536

uint64_t results_digest(const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static int total_trucks(const struct definition *d)
{
    int n = 0;
    for (int f = 0; f < d->n_facilities; f++)
        n += d->facilities[f].trucks;
    return n;
}

static int sample_div(const struct definition *d)
{
    return d->run.each_site && d->n_sites > 0 ? d->n_sites : 1;
}

static int n_samples(const struct definition *d)
{
    return (int)floor(d->run.horizon_min / SAMPLE_MIN) + 1;
}

/* ---- writing ------------------------------------------------------------ */

static unsigned char *put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static unsigned char *put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static inline unsigned char *put_f64(unsigned char *p, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return put_u64(p, u);
}

static unsigned char *put_var(unsigned char *p, uint64_t v)
{
    do {
        unsigned char b = v & 0x7f;
        v >>= 7;
        *p++ = b | (v ? 0x80 : 0);
    } while (v);
    return p;
}

/* An array of doubles: on a little-endian machine whose doubles are IEEE
 * binary64 (checked below), their bytes are already in the file's order. */
static unsigned char *put_f64s(unsigned char *p, const double *v, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ \
    && defined(__STDC_IEC_559__)
    memcpy(p, v, n * sizeof *v);
    return p + n * sizeof *v;
#else
    for (size_t i = 0; i < n; i++)
        p = put_f64(p, v[i]);
    return p;
#endif
}

static void emit(struct results_out *w, const unsigned char *p, size_t n)
{
    fwrite(p, 1, n, w->f);
    w->crc = crc32(w->crc, p, (uInt)n);
}

int results_begin(struct results_out *w, FILE *f, const struct definition *d, long first)
{
    memset(w, 0, sizeof *w);
    w->f = f;
    w->d = d;
    w->next = first;
    w->div = sample_div(d);
    w->crc = crc32(0L, Z_NULL, 0);
    unsigned char h[RESULTS_HEAD_BYTES], *p = h;
    memcpy(p, HEAD_MAGIC, 8);
    p += 8;
    uint32_t shape[] = { RESULTS_VERSION, (uint32_t)d->n_sites, (uint32_t)d->n_facilities,
                         (uint32_t)d->n_items, (uint32_t)n_samples(d), CAUSES, (uint32_t)w->div };
    for (size_t i = 0; i < sizeof shape / sizeof shape[0]; i++)
        p = put_u32(p, shape[i]);
    p = put_u64(p, d->run.seed);
    p = put_u64(p, (uint64_t)first);
    emit(w, h, (size_t)(p - h));
    return 0;
}

/* A series as runs of equal values, each (var value x div, var length),
 * until the lengths add up to the samples. */
static unsigned char *put_series(unsigned char *p, const double *v, int n, int div)
{
    for (int from = 0, k = 1; k <= n; k++)
        if (k == n || v[k] != v[from]) {
            p = put_var(p, (uint64_t)lround(v[from] * div));
            p = put_var(p, (uint64_t)(k - from));
            from = k;
        }
    return p;
}

int results_put(struct results_out *w, long index, const struct rep_result *r, enum lang l,
                char *err, size_t errlen)
{
    const struct definition *d = w->d;
    size_t ns = (size_t)d->n_sites, nfi = (size_t)d->n_facilities * (size_t)d->n_items;
    size_t need = 9 * 8 + ns * (4 + CAUSES) * 8 + nfi / 8 + 1 + 2 * (10 + (size_t)r->n_samples * 20)
                + 10 + (size_t)r->n_trace * TRACE_BYTES;
    if (index != w->next) {
        snprintf(err, errlen, lang_text(l, T_IO_DAT_ORDER), index,
                 w->next);
        return -1;
    }
    if (need > w->cap) {
        unsigned char *b = realloc(w->buf, need);
        if (!b) {
            snprintf(err, errlen, "results.dat: %s", lang_text(l, T_CMD_OUT_OF_MEMORY));
            return -1;
        }
        w->buf = b;
        w->cap = need;
    }
    unsigned char *p = w->buf;
    p = put_u64(p, (uint64_t)index);
    p = put_u64(p, (uint64_t)r->events);
    p = put_u64(p, (uint64_t)r->shipments);
    p = put_u64(p, (uint64_t)r->bay_waits);
    double scalars[] = { r->demand_units, r->unmet_units, r->bay_wait_sum, r->truck_busy_min,
                         r->truck_min };
    p = put_f64s(p, scalars, 5);
    p = put_f64s(p, r->occur, ns);
    p = put_f64s(p, r->response, ns);
    p = put_f64s(p, r->fill, ns);
    p = put_f64s(p, r->people, ns);
    p = put_f64s(p, r->cause, ns * CAUSES);
    memset(p, 0, (nfi + 7) / 8);
    for (size_t j = 0; j < nfi; j++)
        p[j / 8] |= (unsigned char)((r->stockout[j] ? 1 : 0) << (j % 8));
    p += (nfi + 7) / 8;
    p = put_series(p, r->trucks_out, r->n_samples, w->div);
    p = put_series(p, r->central_queue, r->n_samples, w->div);
    p = put_var(p, (uint64_t)r->n_trace);
    for (int k = 0; k < r->n_trace; k++) {
        const struct trace_row *t = &r->trace[k];
        p = put_u32(p, (uint32_t)t->id);
        p = put_u32(p, (uint32_t)t->source);
        p = put_u32(p, (uint32_t)t->site);
        p = put_u32(p, (uint32_t)t->dest_facility);
        double v[] = { t->ordered, t->loaded, t->arrived, t->tonnes, t->m3 };
        p = put_f64s(p, v, 5);
    }
    emit(w, w->buf, (size_t)(p - w->buf));
    w->next++;
    w->count++;
    return 0;
}

void results_end(struct results_out *w, uint64_t digest)
{
    unsigned char t[RESULTS_TAIL_BYTES], *p = t;
    memcpy(p, TAIL_MAGIC, 8);
    p = put_u64(p + 8, (uint64_t)w->count);
    p = put_u64(p, digest);
    w->crc = crc32(w->crc, t, (uInt)(p - t));
    p = put_u32(p, (uint32_t)w->crc);
    fwrite(t, 1, (size_t)(p - t), w->f);
    results_out_free(w);
}

void results_out_free(struct results_out *w)
{
    free(w->buf);
    w->buf = NULL;
    w->cap = 0;
}

/* ---- reading ------------------------------------------------------------ */

static uint32_t get_u32(const unsigned char *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static double get_f64(const unsigned char *p)
{
    uint64_t u = get_u64(p);
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

/* n bytes into dst, counted in the checksum; never into the trailer.
 * 0, or -1 at the end of the records. */
static int take(struct results_in *in, void *dst, size_t n)
{
    unsigned char *out = dst;
    while (n > 0) {
        if (in->at == in->len) {
            long long left = in->size - RESULTS_TAIL_BYTES - in->pos;
            size_t want = left < READ_AHEAD ? (size_t)(left > 0 ? left : 0) : READ_AHEAD;
            in->len = want ? fread(in->buf, 1, want, in->f) : 0;
            in->at = 0;
            if (in->len == 0)
                return -1;
        }
        size_t k = in->len - in->at < n ? in->len - in->at : n;
        memcpy(out, in->buf + in->at, k);
        in->crc = crc32(in->crc, in->buf + in->at, (uInt)k);
        in->at += k;
        in->pos += (long long)k;
        out += k;
        n -= k;
    }
    return 0;
}

static int take_var(struct results_in *in, uint64_t *v)
{
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        unsigned char b;
        if (take(in, &b, 1) < 0)
            return -1;
        *v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return 0;
    }
    return -1;
}

static int head_fail(struct results_in *in, char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%s: %s", in->name, what);
    return -1;
}

/* head_fail with text t of the table. */
static int head_fail_t(struct results_in *in, char *err, size_t errlen, enum text t)
{
    return head_fail(in, err, errlen, lang_text(in->lang, t));
}

static int check_head(struct results_in *in, const unsigned char *h, char *err, size_t errlen)
{
    const struct definition *d = in->d;
    uint32_t version = get_u32(h + 8);
    if (version != RESULTS_VERSION) {
        char what[200];
        snprintf(what, sizeof what, lang_text(in->lang, T_IO_DAT_VERSION), RESULTS_VERSION,
                 version);
        return head_fail(in, err, errlen, what);
    }
    uint32_t want[] = { (uint32_t)d->n_sites, (uint32_t)d->n_facilities, (uint32_t)d->n_items,
                        (uint32_t)n_samples(d), CAUSES, (uint32_t)in->div };
    for (int i = 0; i < 6; i++)
        if (get_u32(h + 12 + 4 * i) != want[i]) {
            char what[400];
            snprintf(what, sizeof what, lang_text(in->lang, T_IO_DAT_SHAPE), want[0], want[1],
                     want[2], want[3], want[4], want[5],
                     get_u32(h + 12), get_u32(h + 16), get_u32(h + 20), get_u32(h + 24),
                     get_u32(h + 28), get_u32(h + 32));
            return head_fail(in, err, errlen, what);
        }
    in->seed = get_u64(h + 36);
    uint64_t first = get_u64(h + 44);
    if (first > (uint64_t)LONG_MAX / 2)
        return head_fail_t(in, err, errlen, T_IO_DAT_FIRST);
    in->first = in->next = (long)first;
    return 0;
}

/* The trailer, read from the end of the file before anything else. */
static int read_tail(struct results_in *in, char *err, size_t errlen)
{
    unsigned char t[RESULTS_TAIL_BYTES];
    if (fseek(in->f, 0, SEEK_END) < 0 || (in->size = ftell(in->f)) < 0)
        return head_fail_t(in, err, errlen, T_IO_DAT_NOT_REGULAR);
    if (in->size < RESULTS_HEAD_BYTES + RESULTS_TAIL_BYTES)
        return head_fail_t(in, err, errlen, T_IO_DAT_SHORT);
    if (fseek(in->f, -RESULTS_TAIL_BYTES, SEEK_END) < 0
        || fread(t, 1, sizeof t, in->f) != sizeof t || fseek(in->f, 0, SEEK_SET) < 0)
        return head_fail_t(in, err, errlen, T_IO_DAT_NO_END);
    if (memcmp(t, TAIL_MAGIC, 8))
        return head_fail_t(in, err, errlen, T_IO_DAT_END_MISSING);
    uint64_t count = get_u64(t + 8);
    if (count > (uint64_t)LONG_MAX / 2)
        return head_fail_t(in, err, errlen, T_IO_DAT_COUNT);
    in->count = (long)count;
    in->digest = get_u64(t + 16);
    in->crc_want = get_u32(t + 24);
    return 0;
}

int results_open(struct results_in *in, FILE *f, const char *name, const struct definition *d,
                 enum lang l, char *err, size_t errlen)
{
    memset(in, 0, sizeof *in);
    err[0] = '\0';
    in->lang = l;
    in->f = f;
    in->name = name;
    in->d = d;
    in->div = sample_div(d);
    in->crc = crc32(0L, Z_NULL, 0);
    unsigned char h[RESULTS_HEAD_BYTES];
    size_t got = fread(h, 1, 17, f);   /* what it is, before where it ends */
    if (got == 17 && !memcmp(h, "supplysim-results", 17))
        return head_fail_t(in, err, errlen, T_IO_DAT_TEXT);
    if (got < 8 || memcmp(h, HEAD_MAGIC, 8))
        return head_fail_t(in, err, errlen, T_IO_DAT_MAGIC);
    if (read_tail(in, err, errlen) < 0)
        return -1;
    if (!(in->buf = malloc(READ_AHEAD)))
        return head_fail_t(in, err, errlen, T_CMD_OUT_OF_MEMORY);
    if (take(in, h, sizeof h) < 0) {
        head_fail_t(in, err, errlen, T_IO_DAT_HEADER);
        results_close(in);
        return -1;
    }
    if (check_head(in, h, err, errlen) < 0) {
        results_close(in);
        return -1;
    }
    return 0;
}

void results_close(struct results_in *in)
{
    free(in->buf);
    in->buf = NULL;
}

/* ---- reading: one replication, every value checked ---------------------- */

struct rec {
    struct results_in *in;
    char *err;
    size_t errlen;
    long index;
};

static int bad(struct rec *c, const char *what, double v, const char *expected)
{
    snprintf(c->err, c->errlen, lang_text(c->in->lang, T_IO_DAT_VALUE), c->in->name, c->index,
             what, expected, v);
    return -1;
}

static int truncated(struct rec *c)
{
    snprintf(c->err, c->errlen, lang_text(c->in->lang, T_IO_DAT_TRUNCATED), c->in->name,
             c->index);
    return -1;
}

static int doubles(struct rec *c, double *v, size_t n)
{
    unsigned char b[8];
    for (size_t i = 0; i < n; i++) {
        if (take(c->in, b, 8) < 0)
            return truncated(c);
        v[i] = get_f64(b);
    }
    return 0;
}

/* Minutes since onset: within [0, horizon], or +inf when inf_ok. */
static int minutes(struct rec *c, const char *what, int site, double v, int inf_ok)
{
    double h = c->in->d->run.horizon_min;
    if ((v >= 0 && v <= h) || (inf_ok && v == INFINITY))
        return 0;
    char name[256], expected[128];
    if (site >= 0)
        snprintf(name, sizeof name, lang_text(c->in->lang, T_IO_DAT_OF_SITE), what,
                 c->in->d->sites[site].id);
    else
        snprintf(name, sizeof name, "%s", what);
    snprintf(expected, sizeof expected,
             lang_text(c->in->lang, inf_ok ? T_IO_DAT_MINUTES_INF : T_IO_DAT_MINUTES), h);
    return bad(c, name, v, expected);
}

/* A finite amount in [0, most]. */
static int amount(struct rec *c, const char *what, double v, double most)
{
    char expected[96];
    if (isfinite(most))
        snprintf(expected, sizeof expected, lang_text(c->in->lang, T_IO_DAT_UP_TO), most);
    else
        snprintf(expected, sizeof expected, "%s", lang_text(c->in->lang, T_IO_DAT_FINITE));
    return v >= 0 && v <= most && isfinite(v) ? 0 : bad(c, what, v, expected);
}

static int read_scalars(struct rec *c, struct rep_result *r)
{
    unsigned char b[32];
    double v[5];
    if (take(c->in, b, 32) < 0 || doubles(c, v, 5) < 0)
        return truncated(c);
    uint64_t index = get_u64(b), events = get_u64(b + 8), ships = get_u64(b + 16);
    uint64_t waits = get_u64(b + 24);
    if (index != (uint64_t)c->index)
        return bad(c, lang_text(c->in->lang, T_IO_F_INDEX), (double)index,
                   lang_text(c->in->lang, T_IO_E_ORDER));
    if (events > (uint64_t)LONG_MAX || ships > (uint64_t)INT_MAX || waits > ships)
        return bad(c, lang_text(c->in->lang, T_IO_F_COUNTS),
                   (double)(waits > ships ? waits : ships), lang_text(c->in->lang, T_IO_E_COUNTS));
    r->events = (long)events;
    r->shipments = (int)ships;
    r->bay_waits = (long)waits;
    r->demand_units = v[0], r->unmet_units = v[1], r->bay_wait_sum = v[2];
    r->truck_busy_min = v[3], r->truck_min = v[4];
    return amount(c, "demand_units", v[0], HUGE_VAL) < 0
        || amount(c, "unmet_units", v[1], v[0]) < 0 || amount(c, "bay_wait_sum", v[2], HUGE_VAL) < 0
        || amount(c, "truck_min", v[4], HUGE_VAL) < 0
        || amount(c, "truck_busy_min", v[3], v[4]) < 0 ? -1 : 0;
}

static int read_sites(struct rec *c, struct rep_result *r)
{
    int ns = c->in->d->n_sites;
    if (doubles(c, r->occur, (size_t)ns) < 0 || doubles(c, r->response, (size_t)ns) < 0
        || doubles(c, r->fill, (size_t)ns) < 0 || doubles(c, r->people, (size_t)ns) < 0
        || doubles(c, r->cause, (size_t)ns * CAUSES) < 0)
        return -1;
    for (int k = 0; k < ns; k++) {
        double resp = r->response[k], fill = r->fill[k];
        if (minutes(c, "occurrence", k, r->occur[k], 0) < 0
            || minutes(c, "response", k, resp, 1) < 0 || minutes(c, "fill", k, fill, 1) < 0
            || amount(c, "people", r->people[k], HUGE_VAL) < 0)
            return -1;
        if (isfinite(fill) && !(fill >= resp))
            return bad(c, lang_text(c->in->lang, T_IO_F_FILL), fill,
                       lang_text(c->in->lang, T_IO_E_FILL));
        for (int j = 0; j < CAUSES; j++)
            if (minutes(c, lang_text(c->in->lang, T_IO_F_CAUSE), k,
                        r->cause[(size_t)k * CAUSES + (size_t)j], 0) < 0)
                return -1;
    }
    return 0;
}

static int read_stockouts(struct rec *c, struct rep_result *r)
{
    size_t nfi = (size_t)c->in->d->n_facilities * (size_t)c->in->d->n_items;
    unsigned char b[64];
    for (size_t j = 0; j < nfi; j += 8 * sizeof b) {
        size_t bytes = (nfi - j + 7) / 8 < sizeof b ? (nfi - j + 7) / 8 : sizeof b;
        if (take(c->in, b, bytes) < 0)
            return truncated(c);
        for (size_t i = 0; i < 8 * bytes; i++) {
            int bit = (b[i / 8] >> (i % 8)) & 1;
            if (j + i < nfi)
                r->stockout[j + i] = (unsigned char)bit;
            else if (bit)
                return bad(c, lang_text(c->in->lang, T_IO_F_STOCK_BITS), 1, "0");
        }
    }
    return 0;
}

static int read_series(struct rec *c, const char *what, double *v, int n, uint64_t most)
{
    uint64_t value, len;
    for (int at = 0; at < n;) {
        if (take_var(c->in, &value) < 0 || take_var(c->in, &len) < 0)
            return truncated(c);
        if (value > most)
            return bad(c, what, (double)value / c->in->div, lang_text(c->in->lang, T_IO_E_TRUCKS));
        if (len == 0 || len > (uint64_t)(n - at))
            return bad(c, what, (double)len, lang_text(c->in->lang, T_IO_E_RUNS));
        for (uint64_t i = 0; i < len; i++)
            v[at++] = (double)value / c->in->div;
    }
    return 0;
}

static int read_trace(struct rec *c, struct rep_result *r)
{
    const struct definition *d = c->in->d;
    uint64_t n;
    if (take_var(c->in, &n) < 0)
        return truncated(c);
    if (n > (uint64_t)((c->in->size - c->in->pos) / TRACE_BYTES) || n > INT_MAX / 2)
        return bad(c, "traced shipments", (double)n, "no more than the file holds");
    if ((int)n > r->cap_trace) {
        struct trace_row *t = realloc(r->trace, (size_t)n * sizeof *t);
        if (!t)
            return bad(c, "traced shipments", (double)n, "what memory holds");
        r->trace = t;
        r->cap_trace = (int)n;
    }
    for (int k = 0; k < (int)n; k++) {
        struct trace_row *t = &r->trace[k];
        unsigned char b[16];
        double v[5];
        if (take(c->in, b, 16) < 0 || doubles(c, v, 5) < 0)
            return truncated(c);
        t->id = (int)get_u32(b), t->source = (int)get_u32(b + 4);
        t->site = (int)get_u32(b + 8), t->dest_facility = (int)get_u32(b + 12);
        t->ordered = v[0], t->loaded = v[1], t->arrived = v[2], t->tonnes = v[3], t->m3 = v[4];
        if (t->id < 0 || t->source < 0 || t->source >= d->n_facilities || t->site < -1
            || t->site >= d->n_sites || t->dest_facility < -1 || t->dest_facility >= d->n_facilities
            || (t->site < 0 && t->dest_facility < 0))
            return bad(c, "a traced shipment's store or destination", (double)k,
                       "stores and sites of the configuration");
        if (minutes(c, "a traced shipment's time", -1, v[0], 1) < 0
            || minutes(c, "a traced shipment's time", -1, v[1], 1) < 0
            || minutes(c, "a traced shipment's time", -1, v[2], 1) < 0
            || amount(c, "a traced shipment's tonnes", v[3], HUGE_VAL) < 0
            || amount(c, "a traced shipment's m3", v[4], HUGE_VAL) < 0)
            return -1;
    }
    r->n_trace = (int)n;
    return 0;
}

/* The end: the checksum of every byte before it, and nothing after it. */
static int check_end(struct results_in *in, char *err, size_t errlen)
{
    unsigned char t[RESULTS_TAIL_BYTES - 4];
    long long extra = in->size - RESULTS_TAIL_BYTES - in->pos;
    if (extra > 0) {
        snprintf(err, errlen, lang_text(in->lang, T_IO_DAT_AFTER_END), in->name,
                 in->first + in->count - 1, extra);
        return -1;
    }
    if (fseek(in->f, -RESULTS_TAIL_BYTES, SEEK_END) < 0 || fread(t, 1, sizeof t, in->f) != sizeof t) {
        snprintf(err, errlen, "%s: %s", in->name, lang_text(in->lang, T_IO_DAT_NO_END));
        return -1;
    }
    unsigned long crc = crc32(in->crc, t, (uInt)sizeof t);
    if (crc != in->crc_want) {
        snprintf(err, errlen, lang_text(in->lang, T_IO_DAT_CRC), in->name, in->crc_want, crc);
        return -1;
    }
    return 0;
}

int results_next(struct results_in *in, struct rep_result *r, char *err, size_t errlen)
{
    if (in->next == in->first + in->count)
        return check_end(in, err, errlen) < 0 ? -1 : 0;
    struct rec c = { in, err, errlen, in->next };
    uint64_t most = (uint64_t)total_trucks(in->d) * (uint64_t)in->div;
    if (read_scalars(&c, r) < 0 || read_sites(&c, r) < 0 || read_stockouts(&c, r) < 0
        || read_series(&c, "trucks away", r->trucks_out, r->n_samples, most) < 0
        || read_series(&c, "trucks queueing at the central depot", r->central_queue,
                       r->n_samples, most) < 0
        || read_trace(&c, r) < 0)
        return -1;
    in->next++;
    return 1;
}
