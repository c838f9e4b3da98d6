/*
 * test_charts.c -- the pieces of the charts and the report that must be
 * exactly right because text from a configuration passes through them:
 * gnuplot string literals (no shell substitution can reach gnuplot), labels
 * in gnuplot's data files, HTML escaping, inline SVG with prefixed and
 * de-duplicated ids, the map's name placement (no two names overprint
 * when there is room, a name stays nearer its own point than another, off
 * closed roads and road numbers), the risk colours (from the interval, as the verdict)
 * and percentages that never round a share to 100% or 0%.  The charts as drawn are tested end to end by
 * e2e_charts.sh.
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

#include "charts/internal.h"
#include "charts/gplot.h"
#include "charts/html.h"

/* What fn writes for s, as a string the test frees. */
static char *written(void (*fn)(FILE *, const char *), const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(f, s);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void expect_written(void (*fn)(FILE *, const char *), const char *in, const char *want)
{
    char *got = written(fn, in);
    if (strcmp(got, want))
        fail_msg("for [%s] got [%s], want [%s]", in, got, want);
    free(got);
}

/* ---- gnuplot ------------------------------------------------------------ */

/* Single quotes: backquotes and @macros stay text; a quote is doubled; a
 * newline leaves the literal for a "\n" joined with dots; control bytes go. */
static void gnuplot_strings(void **state)
{
    (void)state;
    expect_written(gplot_str, "plain", "'plain'");
    expect_written(gplot_str, "it's", "'it''s'");
    expect_written(gplot_str, "`rm -rf /` @macro $HOME \"x\"", "'`rm -rf /` @macro $HOME \"x\"'");
    expect_written(gplot_str, "a\nb", "'a'.\"\\n\".'b'");
    expect_written(gplot_str, "tab\there\r", "'tabhere'");
    expect_written(gplot_str, "陈集镇", "'陈集镇'");
}

/* A data label is always quoted; a double quote inside becomes a single one. */
static void gnuplot_labels(void **state)
{
    (void)state;
    expect_written(gplot_label, "Chenji Zhen", "\"Chenji Zhen\"");
    expect_written(gplot_label, "a, \"b\"", "\"a, 'b'\"");
    expect_written(gplot_label, "line\nbreak", "\"line break\"");
}

/* ---- HTML --------------------------------------------------------------- */

static void html_escapes(void **state)
{
    (void)state;
    expect_written(html_text, "<script>alert('x') & \"y\"</script>",
                   "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    expect_written(html_text, "95% CI 14.2–30.0%", "95% CI 14.2–30.0%");
}

static char *inline_svg(const char *svg, const char *prefix, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    *rc = html_svg(f, svg, prefix);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* The prolog goes; definitions and references get the prefix; an id
 * defined twice gets -2 the second time, and references keep the first. */
static void svg_inline_ids(void **state)
{
    (void)state;
    const char *svg =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"1\">"
        "<g id=\"gnuplot_canvas\"><circle id='gpPt5' r='1'/>"
        "<use xlink:href='#gpPt5'/><path clip-path=\"url(#clip1)\"/>"
        "<g id=\"gnuplot_plot_1\"></g><g id=\"gnuplot_plot_1\"></g></g></svg>";
    int rc;
    char *out = inline_svg(svg, "map", &rc);
    assert_int_equal(rc, 0);
    const char *want =
        "<svg width=\"1\"><g id=\"map-gnuplot_canvas\"><circle id='map-gpPt5' r='1'/>"
        "<use xlink:href='#map-gpPt5'/><path clip-path=\"url(#map-clip1)\"/>"
        "<g id=\"map-gnuplot_plot_1\"></g><g id=\"map-gnuplot_plot_1-2\"></g></g></svg>";
    if (strcmp(out, want))
        fail_msg("got\n%s\nwant\n%s", out, want);
    free(out);
}

static void svg_inline_refuses_non_svg(void **state)
{
    (void)state;
    int rc;
    char *out = inline_svg("<html>not a chart</html>", "x", &rc);
    assert_int_equal(rc, -1);
    assert_string_equal(out, "");
    free(out);
}

/* ---- risk colours and percentages ---------------------------------------- */

/* The colour rule against intervals, at the flood's required 95% and the
 * amber threshold 80%: the two cases of the issue that the point estimate
 * got wrong (Riyuehu 94.3% [92.7, 95.6]: amber; Cuocheng 95.9% [94.5,
 * 97.0]: amber too, its interval reaches below 95%), a site whose estimate
 * is under 80% but whose interval reaches 80% (amber, not red), and the
 * edges: lo exactly 95% is green, hi exactly 80% is amber. */
static void risk_uses_the_interval(void **state)
{
    (void)state;
    struct summary s = { 0 };
    s.required = 0.95;
    struct chart_ctx c = { NULL, NULL, &s, LANG_EN, NULL, NULL };
    static const struct { double est, lo, hi; int risk; } cases[] = {
        { 0.943, 0.927, 0.956, 1 },  { 0.959, 0.945, 0.970, 1 },  { 0.969, 0.956, 0.978, 0 },
        { 0.791, 0.765, 0.815, 1 },  { 0.734, 0.706, 0.761, 2 },  { 0.970, 0.950, 0.990, 0 },
        { 0.750, 0.700, 0.800, 1 },  { 0.750, 0.700, 0.7999, 2 }, { 1.0, 0.9963, 1.0, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct interval in = { cases[i].est, cases[i].lo, cases[i].hi };
        if (chart_risk(&c, in) != cases[i].risk)
            fail_msg("%g [%g, %g]: risk %d, want %d", in.est, in.lo, in.hi, chart_risk(&c, in),
                     cases[i].risk);
    }
}

/* One decimal, more only where one would show a share that is not 0 or 1
 * as 0.0% or 100.0%. */
static void percentages_never_round_to_all_or_none(void **state)
{
    (void)state;
    static const struct { double share; const char *want; } cases[] = {
        { 0.995, "99.5%" },   { 0.9996, "99.96%" }, { 0.99996, "99.996%" }, { 1.0, "100.0%" },
        { 0.0, "0.0%" },      { 0.0004, "0.04%" },  { 0.216, "21.6%" },    { 0.99999999, "99.9999%" },
        { 0.7, "70.0%" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        chart_pct(buf, sizeof buf, cases[i].share);
        if (strcmp(buf, cases[i].want))
            fail_msg("%.10g: [%s], want [%s]", cases[i].share, buf, cases[i].want);
    }
}

/* ---- names on the map --------------------------------------------------- */

/* The edge-to-edge distance in units from a tag's box to a mark of radius
 * r_px at 10 px a unit. */
static double gap_to(const struct label_tag *t, const struct label_mark *m)
{
    double dx = fmax(fmax(t->box.x0 - m->x, 0), m->x - t->box.x1);
    double dy = fmax(fmax(t->box.y0 - m->y, 0), m->y - t->box.y1);
    return sqrt(dx * dx + dy * dy) - m->r_px / 10;
}

static int boxes_overlap(const struct label_rect *a, const struct label_rect *b)
{
    return a->x0 < b->x1 - 1e-9 && b->x0 < a->x1 - 1e-9 && a->y0 < b->y1 - 1e-9
           && b->y0 < a->y1 - 1e-9;
}

/* Three points in a row 30 px apart, each named with a 10-letter word at
 * 15 px: the names cannot all sit to the right, and placed they must not
 * overlap each other nor stray from their points (within a name's width,
 * 0.55 em a letter as estimated, of it). */
static void names_do_not_overprint(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };   /* 10 px per unit: 1000 px square */
    struct label_mark marks[3] = { { 40, 50, 6, 1 }, { 43, 50, 6, 1 }, { 46, 50, 6, 1 } };
    struct label_tag tags[3] = {
        { 0, "AAAAAAAAAA", 0, 0, 1, { 0, 0, 0, 0 } }, { 1, "BBBBBBBBBB", 0, 0, 1, { 0, 0, 0, 0 } },
        { 2, "CCCCCCCCCC", 0, 0, 1, { 0, 0, 0, 0 } },
    };
    struct label_scene sc = { marks, 3, NULL, 0, NULL, 0, NULL, 0 };
    assert_int_equal(labels_place(&v, &sc, tags, 3), 0);
    double w = (0.55 * 15 * 10 + 4) / 10;   /* a name's width in units */
    for (int i = 0; i < 3; i++) {
        assert_true(fabs(tags[i].box.x1 - tags[i].box.x0 - w) < 1e-9);
        for (int j = i + 1; j < 3; j++)
            if (boxes_overlap(&tags[i].box, &tags[j].box))
                fail_msg("names %d and %d overlap", i, j);
        double dx = tags[i].x - marks[i].x, dy = tags[i].y - marks[i].y;
        if (dx * dx + dy * dy > (w + 1) * (w + 1))
            fail_msg("name %d is %.1f, %.1f units from its point", i, dx, dy);
    }
}

/* Two named points (symbols of 8 px radius): B 75 px right of A and 22 px
 * up.  A's name to the right of A (its first choice, 70 px long) would cover
 * no symbol, but would end 5 px from B's symbol and 4 px from A's: a reader
 * could take it for B's.  Each name must end up clearly nearer its own
 * symbol, edge to edge: by 8 px (0.8 units) at least. */
static void a_name_stays_nearer_its_own_point(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };
    struct label_mark marks[2] = { { 40, 50, 8, 1 }, { 47.5, 52.2, 8, 1 } };
    struct label_tag tags[2] = { { 0, "AAAAAAAA", 0, 0, 1, { 0, 0, 0, 0 } },
                                 { 1, "BBBBBBBB", 0, 0, 1, { 0, 0, 0, 0 } } };
    struct label_scene sc = { marks, 2, NULL, 0, NULL, 0, NULL, 0 };
    assert_int_equal(labels_place(&v, &sc, tags, 2), 0);
    for (int i = 0; i < 2; i++)
        if (!(gap_to(&tags[i], &marks[i]) + 0.8 <= gap_to(&tags[i], &marks[1 - i])))
            fail_msg("name %d: %.2f units from its point, %.2f from the other's", i,
                     gap_to(&tags[i], &marks[i]), gap_to(&tags[i], &marks[1 - i]));
}

/* A road the scenario may close (weight 3) runs from the point to the right
 * and another straight up, and a road number's box sits left of the point:
 * the name, which has room all round, must cover none of them (without the
 * roads it would take the first spot, right; without the number, the
 * second, left). */
static void a_name_keeps_off_closed_roads_and_numbers(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };
    struct label_mark marks[1] = { { 50, 50, 6, 1 } };
    struct label_line roads[2] = { { 50, 50, 90, 50, 3 }, { 50, 50, 50, 90, 3 } };
    struct label_rect number[1] = { { 38, 48, 49, 52 } };
    struct label_tag tag = { 0, "Chenji", 0, 0, 1, { 0, 0, 0, 0 } };
    struct label_scene sc = { marks, 1, roads, 2, number, 1, NULL, 0 };
    assert_int_equal(labels_place(&v, &sc, &tag, 1), 0);
    const struct label_rect *b = &tag.box;
    if (b->y0 < 50 && b->y1 > 50 && b->x1 > 50)
        fail_msg("the name [%g, %g]-[%g, %g] covers the road to the right", b->x0, b->y0, b->x1,
                 b->y1);
    if (b->x0 < 50 && b->x1 > 50 && b->y1 > 50)
        fail_msg("the name [%g, %g]-[%g, %g] covers the road up", b->x0, b->y0, b->x1, b->y1);
    if (boxes_overlap(b, &number[0]))
        fail_msg("the name [%g, %g]-[%g, %g] covers the road number", b->x0, b->y0, b->x1, b->y1);
}

/* Two roads the scenario may close cross the whole view and run far beyond
 * it, just right of and just above the point (their ends 1000 units out, in
 * no cell of the view but the edge ones): the name must still keep off both
 * -- only a diagonal spot does (the first, right, would lie on the one, up
 * on the other) -- so a road is counted by where it passes, not where it
 * ends. */
static void a_road_from_beyond_the_view_counts(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };
    struct label_mark marks[1] = { { 50, 50, 6, 1 } };
    struct label_line roads[2] = { { -1000, 50.5, 1000, 50.5, 3 }, { 50.3, -1000, 50.3, 1000, 3 } };
    struct label_tag tag = { 0, "Chenji", 0, 0, 1, { 0, 0, 0, 0 } };
    struct label_scene sc = { marks, 1, roads, 2, NULL, 0, NULL, 0 };
    assert_int_equal(labels_place(&v, &sc, &tag, 1), 0);
    const struct label_rect *b = &tag.box;
    if (b->y0 < 50.5 && b->y1 > 50.5)
        fail_msg("the name [%g, %g]-[%g, %g] covers the long road across", b->x0, b->y0, b->x1,
                 b->y1);
    if (b->x0 < 50.3 && b->x1 > 50.3)
        fail_msg("the name [%g, %g]-[%g, %g] covers the long road up", b->x0, b->y0, b->x1, b->y1);
}

/* A crowd: 40 seats 0.5 units (5 px) apart in a 8 x 5 block, each named with
 * a 10-letter word (86 px): no placing can name them all.  Ranks 1-3, but
 * seat 17 is the worst off (rank 0). */
#define CROWD 40
static void crowd(struct label_mark *marks, struct label_tag *tags, int *rank)
{
    static const char *const word[4] = { "AAAAAAAAAA", "BBBBBBBBBB", "CCCCCCCCCC", "DDDDDDDDDD" };
    for (int i = 0; i < CROWD; i++) {
        marks[i] = (struct label_mark){ 40 + 0.5 * (i % 8), 40 + 0.5 * (i / 8), 4, 1 };
        tags[i] = (struct label_tag){ i, word[i % 4], 0, 0, 1, { 0, 0, 0, 0 } };
        rank[i] = i == 17 ? 0 : 1 + i % 3;
    }
}

/* The names kept, checked pair by pair against each other (and against a
 * clear box, when given): none meets another; they keep the callers' order;
 * without a clear box, the worst-off seat keeps its name (it comes first in
 * every round). */
static void check_kept(const struct label_tag *tags, int n, const struct label_rect *clear)
{
    int worst = 0;
    assert_true(n >= 1 && n < CROWD);
    for (int i = 0; i < n; i++) {
        worst |= tags[i].mark == 17;
        if (i > 0 && !(tags[i - 1].mark < tags[i].mark))
            fail_msg("kept names out of order: seat %d after %d", tags[i].mark, tags[i - 1].mark);
        if (clear && boxes_overlap(&tags[i].box, clear))
            fail_msg("seat %d's name meets the clear box", tags[i].mark);
        /* at least the gap apart (3 px: 0.3 units here), as well as the
         * estimate's slack: a tenth of the width */
        for (int j = i + 1; j < n; j++) {
            const struct label_rect *a = &tags[i].box, *b = &tags[j].box;
            double sa = 0.05 * (a->x1 - a->x0) + 0.15, sb = 0.05 * (b->x1 - b->x0) + 0.15;
            struct label_rect ga = { a->x0 - sa, a->y0 - 0.15, a->x1 + sa, a->y1 + 0.15 };
            struct label_rect gb = { b->x0 - sb, b->y0 - 0.15, b->x1 + sb, b->y1 + 0.15 };
            if (boxes_overlap(&ga, &gb))
                fail_msg("kept names of seats %d and %d overprint or touch", tags[i].mark,
                         tags[j].mark);
        }
    }
    if (!worst && !clear)        /* with a clear box, its name may be one that meets it */
        fail_msg("the worst-off seat lost its name");
}

static void a_crowd_keeps_the_names_that_fit(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };
    struct label_mark marks[CROWD];
    struct label_tag tags[CROWD];
    int rank[CROWD];
    crowd(marks, tags, rank);
    struct label_scene sc = { marks, CROWD, NULL, 0, NULL, 0, NULL, 0 };
    int n = labels_place_clear(&v, &sc, tags, rank, CROWD, NULL, 0);
    check_kept(tags, n, NULL);
    /* and a box to keep clear over the crowd's lower half: once crowded, no
     * name may meet it */
    struct label_rect bar = { 30, 30, 55, 41 };
    crowd(marks, tags, rank);
    n = labels_place_clear(&v, &sc, tags, rank, CROWD, &bar, 1);
    check_kept(tags, n, &bar);
}

/* Three seats far apart: nothing overprints, so labels_place_clear keeps all
 * three exactly where labels_place puts them -- even the name that meets the
 * clear box (only a crowded map gives up names for it). */
static void room_for_all_places_as_before(void **state)
{
    (void)state;
    struct label_view v = { 0, 0, 100, 100, 10, 15 };
    struct label_mark marks[3] = { { 20, 20, 6, 1 }, { 50, 70, 6, 1 }, { 80, 30, 6, 1 } };
    struct label_tag a[3] = {
        { 0, "Chenji", 0, 0, 1, { 0, 0, 0, 0 } }, { 1, "Mangshan", 0, 0, 1, { 0, 0, 0, 0 } },
        { 2, "Xueji", 0, 0, 1, { 0, 0, 0, 0 } },
    };
    struct label_tag b[3];
    int rank[3] = { 2, 0, 1 };
    memcpy(b, a, sizeof b);
    struct label_scene sc = { marks, 3, NULL, 0, NULL, 0, NULL, 0 };
    assert_int_equal(labels_place(&v, &sc, a, 3), 0);
    struct label_rect clear = a[1].box;          /* right where Mangshan's name goes */
    assert_int_equal(labels_place_clear(&v, &sc, b, rank, 3, &clear, 1), 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(b[i].mark, i);
        assert_true(a[i].x == b[i].x && a[i].y == b[i].y && a[i].align == b[i].align);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gnuplot_strings),
        cmocka_unit_test(gnuplot_labels),
        cmocka_unit_test(html_escapes),
        cmocka_unit_test(svg_inline_ids),
        cmocka_unit_test(svg_inline_refuses_non_svg),
        cmocka_unit_test(names_do_not_overprint),
        cmocka_unit_test(a_name_stays_nearer_its_own_point),
        cmocka_unit_test(a_name_keeps_off_closed_roads_and_numbers),
        cmocka_unit_test(a_road_from_beyond_the_view_counts),
        cmocka_unit_test(a_crowd_keeps_the_names_that_fit),
        cmocka_unit_test(room_for_all_places_as_before),
        cmocka_unit_test(risk_uses_the_interval),
        cmocka_unit_test(percentages_never_round_to_all_or_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
