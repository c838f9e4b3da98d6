/*
 * internal.h -- what the chart modules share (charts.c, chart_time.c,
 * chart_sites.c, chart_map.c): the run being drawn, the language, the
 * colours a meeting learns once (green / amber / red risk), and the helpers
 * that write a chart's files whole.  report.html (html.c) uses the same
 * words, names and colours, so the page and its charts agree.
 */
#ifndef SUPPLYSIM_CHARTS_INT_H
#define SUPPLYSIM_CHARTS_INT_H

#include <stdio.h>
#include "charts/charts.h"
#include "engine/lang.h"

/* Risk classes use a site's 95% interval, as the verdict uses its own:
 * green when the whole interval is at or above the required level, red when
 * it is wholly below AMBER_LEVEL, amber otherwise (it reaches the band
 * between them). */
#define AMBER_LEVEL 0.8

/* Risk colours, shared by the townships chart, the map and the report. */
#define COLOUR_GOOD  "#1a9850"
#define COLOUR_AMBER "#f39c12"
#define COLOUR_BAD   "#d73027"
#define COLOUR_NONE  "#9e9e9e"

/* A map whose roads the caller colours instead of the hazard (the roads
 * study): state[r] 0 draws road r by its class only, 1 .. n_states - 1 in
 * colour[state] with legend words[state] (later states drawn on top). */
#define PAINT_STATES 5
struct road_paint {
    const int *state;
    int n_states;
    const char *colour[PAINT_STATES];
    char words[PAINT_STATES][96];
    char title[256], subtitle[512];
};

struct chart_ctx {
    const char *dir;
    const struct definition *d;
    const struct summary *s;
    enum lang lang;
    const struct road_paint *paint;   /* NULL: roads coloured by the hazard */
    const int *hazard;        /* the map: each road's state under the hazard (map_layout.h) */
};

/* A township's name in the chart's language (its pinyin when it has no
 * Chinese name). */
const char *chart_township(const struct chart_ctx *c, int township);

/* A site's label: its township's name, and its id when the township has
 * more than one site. */
void chart_site_label(const struct chart_ctx *c, int site, char *buf, size_t n);

/* 0 green (lo >= the required level), 2 red (hi < AMBER_LEVEL), 1 amber
 * otherwise. */
int chart_risk(const struct chart_ctx *c, struct interval on_time);

/* A share (0..1) as a percentage for people: one decimal, more when that
 * would round a share that is not 0 or 1 to "0.0%" or "100.0%" (99.96% is
 * "99.96%", never "100%"). */
void chart_pct(char *buf, size_t n, double share);


/* "Flood" from the scenario name "flood": the start of every title. */
/* The scenario's label for a replication ("flooded nights"), in the chart's language. */
const char *chart_label(const struct chart_ctx *c);
void chart_scenario(const struct chart_ctx *c, char *buf, size_t n);

/* The title and subtitle of a chart, centred at the top of the canvas as
 * labels 90 and 91; the plot starts below them. */
void chart_title(FILE *f, const char *title, const char *subtitle);

/* Writes dir/name through w, whole or not at all; 0, or -1 with a message
 * (w returns -1 when out of memory). */
int chart_file(const struct chart_ctx *c, const char *name,
               int (*w)(FILE *, const struct chart_ctx *), char *err, size_t errlen);

/* Names on the map (chart_labels.c).  A view: the data range shown and its
 * scale; a mark: a symbol drawn (data units, radius in pixels; named: it
 * has a name, here or in another view, so a reader may take a name placed
 * near it for its own); a line: a
 * road drawn, which a name should not hide (weight: how much it matters,
 * 1 for a plain road); a fixed box: something already written there (a road
 * number), in data units; an area to avoid: names may go there, at a cost
 * (the city's box on the county map); a tag: the name of mark `mark`, placed by
 * labels_place at (x, y) with align 1 left, -1 right, 0 centred, its text
 * estimated to fill box (data units). */
struct label_view { double x0, y0, x1, y1, px_per_unit, font_px; };
struct label_mark { double x, y, r_px; int named; };
struct label_line { double x0, y0, x1, y1, weight; };
struct label_rect { double x0, y0, x1, y1; };
struct label_scene {
    const struct label_mark *marks; int n_marks;
    const struct label_line *lines; int n_lines;
    const struct label_rect *fixed; int n_fixed;
    const struct label_rect *avoid; int n_avoid;
};
struct label_tag { int mark; const char *text; double x, y; int align; struct label_rect box; };

/* The part of segment (ax, ay)-(bx, by) inside the rectangle r, as
 * fractions *t0 < *t1 of the segment; 0 when none (Liang-Barsky). */
int labels_clip(double ax, double ay, double bx, double by, const struct label_rect *r, double *t0,
                double *t1);

/* Places tags[0..n_tags) clear of each other, of the scene's marks, lines
 * and fixed boxes and of the view's edges as far as it can, each nearer its
 * own point than any other tag's; 0, or -1 when out of memory. */
int labels_place(const struct label_view *v, const struct label_scene *sc, struct label_tag *tags,
                 int n_tags);

/* labels_place, leaving out the names that would still overprint another:
 * going down the tags by rank (lowest first; ties in their order), a name
 * whose box meets that of a name kept before it is dropped, and the names
 * kept are placed again, as long as that drops some (a few rounds; the last
 * drops without placing again).  Once a placing has had to drop names (the
 * map is crowded), boxes are taken as drawn at most (a tenth wider, and half
 * a gap all round, for the estimate's error), the clear[0..n_clear) boxes
 * (a scale bar, a north arrow) are kept clear like fixed boxes, and a name
 * still meeting one is dropped too.  The tags kept are moved to the
 * front of tags[], in their order, and how many returned: no two of their
 * boxes meet.  A map whose names, placed, overprint none is placed exactly
 * as labels_place places it.  -1 when out of memory. */
int labels_place_clear(const struct label_view *v, const struct label_scene *sc,
                       struct label_tag *tags, const int *rank, int n_tags,
                       const struct label_rect *clear, int n_clear);

/* Each chart's script (and data files), whole or not at all. */
int chart_coverage(const struct chart_ctx *c, char *err, size_t errlen);
int chart_response(const struct chart_ctx *c, char *err, size_t errlen);
int chart_resources(const struct chart_ctx *c, char *err, size_t errlen);
int chart_townships(const struct chart_ctx *c, char *err, size_t errlen);
int chart_causes(const struct chart_ctx *c, char *err, size_t errlen);
int chart_map(const struct chart_ctx *c, char *err, size_t errlen);

#endif
