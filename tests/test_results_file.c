/*
 * test_results_file.c -- results.dat (results/results_file.h): what is
 * written reads back to the bit, in the byte order the layout states, and
 * whatever is wrong with a file is refused with a message naming the file,
 * the replication and the value: a response of -50, 9999 minutes (past the
 * 72 h horizon) or NaN, a byte changed (checksum), bytes added after the
 * end, a file cut short, the text format of an older supplysim, results of
 * another configuration.
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

#include "config/config.h"
#include "model/experiment.h"
#include "results/results_file.h"

#define ERRLEN 2048
#define REPS 12
#define DIGEST 0x0123456789abcdefull

struct world {
    struct cfg *c;
    struct definition *d;
    struct rep_result res[REPS];
    long n;
    struct results_out w;
    unsigned char *bytes;     /* the file written */
    size_t len;
};

static struct world W;

static int keep(void *arg, long index, const struct rep_result *r, char *err, size_t errlen)
{
    struct world *w = arg;
    struct rep_result *to = &w->res[w->n++];
    if (result_init(to, w->d) < 0 || result_copy(to, r, w->d) < 0)
        return -1;
    return results_put(&w->w, index, r, LANG_EN, err, errlen);
}

/* Flood, replications 1 to 12 (1 and 2 traced: run.trace_replications is
 * 3), written to memory. */
static int setup(void **state)
{
    (void)state;
    char err[ERRLEN] = "";
    W.c = cfg_load("scenarios/flood.cfg", NULL, 0, LANG_EN, err, sizeof err);
    W.d = W.c ? cfg_definition(W.c, err, sizeof err) : NULL;
    if (!W.d) {
        fprintf(stderr, "scenarios/flood.cfg: %s\n", err);
        return -1;
    }
    FILE *f = open_memstream((char **)&W.bytes, &W.len);
    struct experiment x;
    if (!f || results_begin(&W.w, f, W.d, 1) < 0 || experiment_init(&x, W.d, 1, err, sizeof err) < 0
        || experiment_run(&x, REPS, 2, keep, &W, NULL, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "writing: %s\n", err);
        return -1;
    }
    experiment_free(&x);
    results_end(&W.w, DIGEST);
    return fclose(f);
}

static int teardown(void **state)
{
    (void)state;
    for (long i = 0; i < W.n; i++)
        result_free(&W.res[i]);
    free(W.bytes);
    definition_free(W.d);
    cfg_free(W.c);
    return 0;
}

/* Reads bytes[0..len) as a results.dat of d; returns what results_next
 * said last (0: all read and checked), err holding the message. */
static int read_all(const unsigned char *bytes, size_t len, const struct definition *d,
                    struct results_in *in, struct rep_result *got, long cap, char *err)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    rewind(f);
    err[0] = '\0';
    int rc = results_open(in, f, "T/results.dat", d, LANG_EN, err, ERRLEN);
    for (long i = 0; rc == 0; i++) {
        struct rep_result scratch;
        struct rep_result *r = i < cap ? &got[i] : &scratch;
        assert_int_equal(result_init(r, d), 0);
        rc = results_next(in, r, err, ERRLEN);
        if (r == &scratch || rc != 1)
            result_free(r);
        if (rc == 1)
            rc = 0;
        else
            break;
    }
    results_close(in);
    fclose(f);
    return rc;
}

static void same_doubles(const double *a, const double *b, size_t n)
{
    assert_memory_equal(a, b, n * sizeof(double));     /* to the bit: inf and all */
}

static void round_trip(void **state)
{
    (void)state;
    const struct definition *d = W.d;
    struct results_in in;
    struct rep_result got[REPS];
    char err[ERRLEN];
    assert_int_equal(read_all(W.bytes, W.len, d, &in, got, REPS, err), 0);
    assert_true(in.first == 1 && in.count == REPS && in.seed == d->run.seed);
    assert_true(in.digest == DIGEST);
    size_t ns = (size_t)d->n_sites;
    long traced = 0;
    for (long i = 0; i < REPS; i++) {
        const struct rep_result *a = &W.res[i], *b = &got[i];
        same_doubles(a->occur, b->occur, ns);
        same_doubles(a->response, b->response, ns);
        same_doubles(a->fill, b->fill, ns);
        same_doubles(a->people, b->people, ns);
        same_doubles(a->cause, b->cause, ns * CAUSES);
        same_doubles(a->trucks_out, b->trucks_out, (size_t)a->n_samples);
        same_doubles(a->central_queue, b->central_queue, (size_t)a->n_samples);
        assert_memory_equal(a->stockout, b->stockout, (size_t)d->n_facilities * d->n_items);
        double sa[] = { a->demand_units, a->unmet_units, a->bay_wait_sum, a->truck_busy_min,
                        a->truck_min };
        double sb[] = { b->demand_units, b->unmet_units, b->bay_wait_sum, b->truck_busy_min,
                        b->truck_min };
        same_doubles(sa, sb, 5);
        assert_true(a->events == b->events && a->shipments == b->shipments
                    && a->bay_waits == b->bay_waits && a->n_trace == b->n_trace);
        for (int k = 0; k < a->n_trace; k++) {
            const struct trace_row *x = &a->trace[k], *y = &b->trace[k];
            assert_true(x->id == y->id && x->source == y->source && x->site == y->site
                        && x->dest_facility == y->dest_facility);
            double va[] = { x->ordered, x->loaded, x->arrived, x->tonnes, x->m3 };
            double vb[] = { y->ordered, y->loaded, y->arrived, y->tonnes, y->m3 };
            same_doubles(va, vb, 5);
        }
        traced += a->n_trace > 0;
        result_free(&got[i]);
    }
    assert_int_equal(traced, 2);       /* replications 1 and 2 (run.trace_replications 3) */
}

/* The header, byte by byte: signature, version 3 little-endian, the number
 * of sites, the seed and the first replication in little-endian order. */
static void byte_order(void **state)
{
    (void)state;
    const unsigned char *h = W.bytes;
    static const unsigned char sig[8] = { 0x89, 'S', 'S', 'R', '\r', '\n', 0x1a, '\n' };
    assert_memory_equal(h, sig, 8);
    assert_true(h[8] == 3 && h[9] == 0 && h[10] == 0 && h[11] == 0);
    assert_int_equal(h[12] | h[13] << 8, W.d->n_sites);
    uint64_t seed = 0, first = 0;
    for (int i = 7; i >= 0; i--) {
        seed = seed << 8 | h[36 + i];
        first = first << 8 | h[44 + i];
    }
    assert_true(seed == W.d->run.seed && first == 1);
    /* the first record starts with its index, 1, and its response of site 0
     * sits after 9 scalars and the sites' occurrences */
    assert_true(h[RESULTS_HEAD_BYTES] == 1);
    double r0;
    uint64_t u = 0;
    for (int i = 7; i >= 0; i--)
        u = u << 8 | h[RESULTS_HEAD_BYTES + 72 + 8 * W.d->n_sites + i];
    memcpy(&r0, &u, sizeof r0);
    assert_true(r0 == W.res[0].response[0]);
}

/* A copy of the file with the response of site 0 in the first record set
 * to v (little-endian), as an editor or a bug would leave it. */
static unsigned char *with_response(double v)
{
    unsigned char *b = malloc(W.len);
    assert_non_null(b);
    memcpy(b, W.bytes, W.len);
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    for (int i = 0; i < 8; i++)
        b[RESULTS_HEAD_BYTES + 72 + 8 * W.d->n_sites + i] = (unsigned char)(u >> (8 * i));
    return b;
}

static void expect_refused(const unsigned char *b, size_t len, const struct definition *d,
                           const char *message)
{
    struct results_in in;
    char err[ERRLEN];
    assert_int_equal(read_all(b, len, d, &in, NULL, 0, err), -1);
    if (!strstr(err, message))
        fail_msg("expected a message with \"%s\", got \"%s\"", message, err);
    assert_non_null(strstr(err, "T/results.dat"));
}

static void bad_responses(void **state)
{
    (void)state;
    char want[256];
    const char *site = W.d->sites[0].id;
    unsigned char *b = with_response(-50);
    snprintf(want, sizeof want, "replication 1: response of site %s: expected 0 to 4320 (the "
             "horizon) or inf, found -50", site);
    expect_refused(b, W.len, W.d, want);
    free(b);
    b = with_response(9999);
    snprintf(want, sizeof want, "response of site %s: expected 0 to 4320 (the horizon) or inf, "
             "found 9999", site);
    expect_refused(b, W.len, W.d, want);
    free(b);
    b = with_response(NAN);
    expect_refused(b, W.len, W.d, "found nan");
    free(b);
    b = with_response(-INFINITY);
    expect_refused(b, W.len, W.d, "found -inf");
    free(b);
    /* a value still in range, but not the one written: the checksum */
    b = with_response(W.res[0].response[0] + 1);
    expect_refused(b, W.len, W.d, "expected CRC-32");
    free(b);
}

static void bad_files(void **state)
{
    (void)state;
    unsigned char *b = malloc(W.len + 100);
    assert_non_null(b);
    memcpy(b, W.bytes, W.len);
    b[W.len] = '\n';                  /* one byte after the end */
    expect_refused(b, W.len + 1, W.d, "expected an end record in its last 28 bytes");
    memcpy(b + W.len, b + W.len - RESULTS_TAIL_BYTES, RESULTS_TAIL_BYTES);   /* a second end */
    expect_refused(b, W.len + RESULTS_TAIL_BYTES, W.d, "more bytes");
    /* cut in the middle of the records, the end record kept */
    size_t cut = W.len / 2;
    memmove(b + cut, W.bytes + W.len - RESULTS_TAIL_BYTES, RESULTS_TAIL_BYTES);
    expect_refused(b, cut + RESULTS_TAIL_BYTES, W.d, "found the end of the file");
    expect_refused(W.bytes, 40, W.d, "too short");
    free(b);
}

/* The text results.dat of an older supplysim, and results of another
 * configuration (each_township's 31 sites read as flood's 14). */
static void other_files(void **state)
{
    (void)state;
    static const char old[] = "supplysim-results 1 14 60 8 433 8 0 1\nreplication 0 0\n"
                              "scalars 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20\n";
    expect_refused((const unsigned char *)old, sizeof old - 1, W.d, "text format 1");
    static const char zip[] = "PK\3\4 a zip file, not results, long enough to hold a header "
                              "and an end record";
    expect_refused((const unsigned char *)zip, sizeof zip - 1, W.d,
                   "expected a supplysim results.dat");
    char err[ERRLEN] = "";
    struct cfg *c = cfg_load("scenarios/each_township.cfg", NULL, 0, LANG_EN, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    if (!d)
        fail_msg("each_township: %s", err);
    expect_refused(W.bytes, W.len, d, "expected results of its resolved.cfg (31 sites");
    definition_free(d);
    cfg_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(byte_order),
        cmocka_unit_test(bad_responses),
        cmocka_unit_test(bad_files),
        cmocka_unit_test(other_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
