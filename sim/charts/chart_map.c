/*
 * chart_map.c -- the map chart: the road network by class, the roads the
 * scenario may close (a damage rule with factor 0) in red and those it
 * slows (0 < factor < 1) in orange, the facilities by kind, and each
 * township seat coloured by its sites' probability on time (grey when it
 * has none) and named; the city enlarged in an inset when its seats are too
 * close to name (geometry: map_layout.c, road numbers: map_numbers.c).  Data: map_roads.csv and
 * map_points.csv, in km; the script only styles them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "charts/internal.h"
#include "charts/gplot.h"
#include "charts/map_numbers.h"

static int w_roads(FILE *f, const struct chart_ctx *c)
{
    const struct definition *d = c->d;
    fprintf(f, "x1_km,y1_km,x2_km,y2_km,class,state,name\n");
    for (int r = 0; r < d->n_roads; r++) {
        const struct node *a = &d->nodes[d->roads[r].from], *b = &d->nodes[d->roads[r].to];
        double x1, y1, x2, y2;
        map_project(d, a->lon, a->lat, &x1, &y1);
        map_project(d, b->lon, b->lat, &x2, &y2);
        fprintf(f, "%.3f,%.3f,%.3f,%.3f,%d,%d,", x1, y1, x2, y2, (int)d->roads[r].cls,
                map_road_state(c, r));
        gplot_label(f, d->roads[r].name);
        fprintf(f, "\n");
    }
    return 0;
}

/* The map's layout, then in each view its names and then its road numbers:
 * a name has a few spots around its seat, a number all along its road.
 * 0, or -1 when out of memory (m then holds nothing). */
static int lay_out(const struct chart_ctx *c, struct map_layout *m)
{
    if (map_layout(c, m) < 0)
        return -1;
    for (int v = 0; v < VIEWS; v++)
        if ((v == VIEW_MAIN || m->has_city)
            && (map_name_view(c, m, v) < 0 || map_road_numbers(c, m, v) < 0)) {
            map_layout_free(m);
            return -1;
        }
    return 0;
}

static const char *align_word(int align)
{
    return align > 0 ? "left" : align < 0 ? "right" : "center";
}

static int w_points(FILE *f, const struct chart_ctx *c)
{
    struct map_layout m;
    if (lay_out(c, &m) < 0)
        return -1;
    fprintf(f, "x_km,y_km,kind,risk,name,label_x_km,label_y_km,label_align,inset_label_x_km,"
            "inset_label_y_km,inset_label_align\n");
    for (int i = 0; i < m.n; i++) {
        const struct map_point *p = &m.pts[i];
        fprintf(f, "%.3f,%.3f,%s,%d,", p->x, p->y, p->kind, p->risk);
        gplot_label(f, p->name);
        for (int v = 0; v < VIEWS; v++)
            if (p->named[v])
                fprintf(f, ",%.3f,%.3f,%s", p->lx[v], p->ly[v], align_word(p->align[v]));
            else
                fprintf(f, ",,,none");
        fprintf(f, "\n");
    }
    map_layout_free(&m);
    return 0;
}

/* ---- the script --------------------------------------------------------- */

static const struct { const char *colour; double width; } road_look[] = {
    [ROAD_EXPRESSWAY] = { "#1b4f72", 6.0 },
    [ROAD_NATIONAL] = { "#4d4d4d", 4.5 },
    [ROAD_PROVINCIAL] = { "#6e6e6e", 3.5 },
    [ROAD_COUNTY] = { "#8c8c8c", 2.2 },
    [ROAD_VILLAGE] = { "#b0b0b0", 1.5 },
};

static int has_roads(const struct chart_ctx *c, int cls, int state)
{
    const struct definition *d = c->d;
    for (int r = 0; r < d->n_roads; r++)
        if ((cls < 0 || (int)d->roads[r].cls == cls) && (state < 0 || map_road_state(c, r) == state))
            return 1;
    return 0;
}

static const char *const state_colour[ROAD_STATES] = { NULL, "#ff8c00", "#f4a3a3", "#e31a1c" };

static const char *colour_of(const struct chart_ctx *c, int state)
{
    return c->paint ? c->paint->colour[state] : state_colour[state];
}

/* Roads of each class, open ones first and the scenario's damage over them;
 * only combinations that exist are plotted (a plot of nothing warns). */
static void plot_roads(FILE *f, const struct chart_ctx *c)
{
    for (int st = 0; st < map_road_states(c); st++)
        for (int cls = ROAD_CLASSES - 1; cls >= 0; cls--)
            if (has_roads(c, cls, st))
                fprintf(f, "    'map_roads.csv' skip 1 using (($5 == %d && $6 == %d) ? $1 : NaN)"
                        ":2:($3-$1):($4-$2) with vectors nohead lw %g lc rgb '%s' notitle, \\\n",
                        cls, st, road_look[cls].width + (st ? 1 : 0),
                        st ? colour_of(c, st) : road_look[cls].colour);
}

/* The legend: NaN plots draw nothing but their key entry. */
static void road_keys(FILE *f, const struct chart_ctx *c)
{
    char often[64], rarely[64];
    snprintf(often, sizeof often, lang_text(c->lang, T_MAP_CLOSED_OFTEN),
             100 * OFTEN);
    snprintf(rarely, sizeof rarely, lang_text(c->lang, T_MAP_CLOSED_SELDOM),
             100 * OFTEN);
    const char *words[ROAD_STATES] = { NULL, lang_text(c->lang, T_MAP_SLOWED), rarely, often };
    for (int cls = 0; cls < ROAD_CLASSES; cls++)
        if (has_roads(c, cls, -1)) {
            fprintf(f, "    NaN with lines lw %g lc rgb '%s' title ", road_look[cls].width,
                    road_look[cls].colour);
            gplot_str(f, lang_road_class(c->lang, cls));
            fprintf(f, ", \\\n");
        }
    for (int st = map_road_states(c) - 1; st > ROAD_OPEN; st--)
        if (has_roads(c, -1, st)) {
            fprintf(f, "    NaN with lines lw 4 lc rgb '%s' title ", colour_of(c, st));
            gplot_str(f, c->paint ? c->paint->words[st] : words[st]);
            fprintf(f, ", \\\n");
        }
}

static void seat_keys(FILE *f, const struct chart_ctx *c)
{
    char k[4][128];
    snprintf(k[0], sizeof k[0], lang_text(c->lang, T_MAP_SEAT_GREEN),
             100 * c->s->required);
    snprintf(k[1], sizeof k[1], lang_text(c->lang, T_MAP_SEAT_AMBER),
             100 * AMBER_LEVEL, 100 * c->s->required);
    snprintf(k[2], sizeof k[2], lang_text(c->lang, T_MAP_SEAT_RED),
             100 * AMBER_LEVEL);
    snprintf(k[3], sizeof k[3], "%s", lang_text(c->lang, T_MAP_SEAT_NO_DISASTER_SITE));
    for (int r = 0; r < 4; r++) {
        if (r == 1 && c->s->required <= AMBER_LEVEL)
            continue;   /* no amber band */
        fprintf(f, "    NaN with points pt %d ps %g*pscale lc rgb colour(%d) title ", map_marks[0].pt,
                map_marks[0].ps, r);
        gplot_str(f, k[r]);
        fprintf(f, ", \\\n");
    }
}

static int has_kind(const struct map_layout *m, const char *kind)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->pts[i].kind, kind))
            return 1;
    return 0;
}

/* The road numbers of view v, in shields over the roads. */
static void plot_numbers(FILE *f, int v)
{
    int col = v == VIEW_MAIN ? 6 : 9;
    fprintf(f, "    'map_points.csv' skip 1 using (strcol(3) eq 'road' && strcol(%d) eq 'center' ? "
            "$%d : NaN):%d:5 with labels center boxed bs 2 font ',%d' tc rgb '#1b4f72' notitle, "
            "\\\n", col + 2, col, col + 1, MAP_NUMBER_FONT);
}

/* Every kind of point, the seats (coloured by risk) last so that no
 * facility's symbol hides a seat's colour, then the names of view v. */
static void plot_points(FILE *f, const struct chart_ctx *c, const struct map_layout *m, int v)
{
    for (int k = 1; k < n_map_marks; k++) {
        if (!has_kind(m, map_marks[k].kind))
            continue;
        fprintf(f, "    'map_points.csv' skip 1 using (strcol(3) eq '%s' ? $1 : NaN):2 with points "
                "pt %d ps %g*pscale lw 2 lc rgb '%s' ", map_marks[k].kind, map_marks[k].pt,
                map_marks[k].ps, map_marks[k].colour);
        if (v == VIEW_MAIN) {
            fprintf(f, "title ");
            gplot_str(f, lang_text(c->lang, map_marks[k].words));
        } else {
            fprintf(f, "notitle");
        }
        fprintf(f, ", \\\n");
    }
    fprintf(f, "    'map_points.csv' skip 1 using (strcol(3) eq 'seat' ? $1 : NaN):2:(colour($4)) "
            "with points pt %d ps %g*pscale lc rgb variable notitle, \\\n", map_marks[0].pt,
            map_marks[0].ps);
    int col = v == VIEW_MAIN ? 6 : 9, first = 1;
    for (int a = 0; a < 3; a++)
        if (m->aligns[v][a]) {
            fprintf(f, "%s    'map_points.csv' skip 1 using (strcol(3) ne 'road' && strcol(%d) eq "
                    "'%s' ? $%d : NaN):%d:5 with labels %s font ',%d' boxed notitle",
                    first ? "" : ", \\\n", col + 2,
                    align_word(a - 1), col, col + 1, align_word(a - 1), MAP_LABEL_FONT);
            first = 0;
        }
    fprintf(f, "%s\n", first ? "    NaN notitle" : "");
}

static void scale_bar(FILE *f, const struct scale_bar *b, double dy)
{
    fprintf(f, "set arrow from %g,%g to %g,%g nohead lw 4 lc rgb 'black' front\n"
            "set label '%g km' at %g,%g center front\n", b->x0, b->y, b->x1, b->y, b->len,
            (b->x0 + b->x1) / 2, b->y + dy);
}

static void north_arrow(FILE *f, const struct map_layout *m)
{
    fprintf(f, "set arrow from %g,%g to %g,%g head filled size screen 0.012,30 lw 3 "
            "lc rgb 'black' front\nset label 'N' at %g,%g center front font ',22'\n", m->north_x,
            m->north_y0, m->north_x, m->north_y1, m->north_x,
            m->north_y1 + (m->north_y1 - m->north_y0) / 3);
}

/* The enlarged city: the same layers, no legend, its seats named. */
static void inset(FILE *f, const struct chart_ctx *c, const struct map_layout *m)
{
    const struct extent *e = &m->view[VIEW_CITY];
    fprintf(f, "# the inset: the city enlarged\nunset label\nunset arrow\nunset object 1\n"
            "unset key\nset lmargin at screen %g\nset rmargin at screen %g\n"
            "set bmargin at screen %g\nset tmargin at screen %g\nset xrange [%g:%g]\n"
            "set yrange [%g:%g]\nset border 15 lw 1.5 dt 2 lc rgb '#333333'\n"
            "set object 2 rect from graph 0, graph 0 to graph 1, graph 1 behind "
            "fc rgb 'white' fs solid noborder\nset label 3 ", INSET_X0, INSET_X1, INSET_Y0,
            INSET_Y1, e->x0, e->x1, e->y0, e->y1);
    gplot_str(f, lang_text(c->lang, T_MAP_CITY_DASHED_BOX_ENLARGED));
    fprintf(f, " at graph 0, graph 1 offset 0,0.8 left font ',16'\n");
    scale_bar(f, &m->bar[VIEW_CITY], map_bar_words_dy(m, VIEW_CITY));
    fprintf(f, "plot \\\n");
    plot_roads(f, c);
    plot_numbers(f, VIEW_CITY);
    plot_points(f, c, m, VIEW_CITY);
}

static void map_titles(const struct chart_ctx *c, char *title, char *sub, size_t n)
{
    char scen[128], promise[64];
    chart_scenario(c, scen, sizeof scen);
    lang_duration(c->lang, c->s->promise_min, promise, sizeof promise);
    snprintf(title, n, lang_text(c->lang, T_MAP_ROADS_EACH_TOWNSHIP_CHANCE), scen, promise);
    snprintf(sub, n, "%s", lang_text(c->lang, T_MAP_RED_ROADS_DISASTER_MAY));
    if (c->paint) {
        snprintf(title, n, "%s", c->paint->title);
        snprintf(sub, n, "%s", c->paint->subtitle);
    }
}

/* Under the legend, when some seats' names were left off (map_name_view):
 * how many, and why, so that a reader does not take the map for complete. */
static void unnamed_note(FILE *f, const struct chart_ctx *c, const struct map_layout *m)
{
    int seats = 0, unnamed = 0;
    for (int v = 0; v < VIEWS; v++) {
        seats += m->n_seats[v];
        unnamed += m->n_unnamed[v];
    }
    if (unnamed == 0)
        return;
    char note[512];
    snprintf(note, sizeof note, lang_text(c->lang, T_MAP_NAMES_LEFT_OFF), seats - unnamed, seats);
    fprintf(f, "set label 4 ");
    gplot_str(f, note);
    fprintf(f, " at screen %g, screen %g left font ',13' tc rgb '#444444' front\n",
            MAP_RIGHT + 0.015, NOTE_Y);
}

static void main_view(FILE *f, const struct chart_ctx *c, const struct map_layout *m)
{
    const struct extent *e = &m->view[VIEW_MAIN], *in = &m->view[VIEW_CITY];
    if (m->has_city)
        fprintf(f, "set object 1 rect from %g,%g to %g,%g fs empty border lc rgb '#333333' dt 2 "
                "lw 1.5 front\n", in->x0, in->y0, in->x1, in->y1);
    fprintf(f, "set size ratio -1\nset lmargin at screen %g\nset rmargin at screen %g\n"
            "set bmargin at screen %g\nset tmargin at screen %g\nset xrange [%g:%g]\n"
            "set yrange [%g:%g]\nunset xtics\nunset ytics\nunset border\nset key at screen %g, "
            "screen %g left top vertical Left reverse maxrows %d samplen 2 spacing 1.0 "
            "font ',15'\n", MAP_LEFT, MAP_RIGHT, MAP_BOTTOM, MAP_TOP, e->x0, e->x1, e->y0, e->y1,
            MAP_RIGHT + 0.01, MAP_TOP, KEY_ROWS);
    scale_bar(f, &m->bar[VIEW_MAIN], map_bar_words_dy(m, VIEW_MAIN));
    north_arrow(f, m);
    unnamed_note(f, c, m);
    fprintf(f, "plot \\\n");
    plot_roads(f, c);
    plot_numbers(f, VIEW_MAIN);
    road_keys(f, c);
    seat_keys(f, c);
    plot_points(f, c, m, VIEW_MAIN);
}

static int w_map(FILE *f, const struct chart_ctx *c)
{
    char title[512], sub[512];
    struct map_layout m;
    if (lay_out(c, &m) < 0)
        return -1;
    map_titles(c, title, sub, sizeof sub);
    gplot_begin(f, "map", "map of the road network, the damage the scenario may do, the "
                "facilities and each township's probability of relief on time",
                "map_roads.csv and map_points.csv", c->lang == LANG_ZH);
    fprintf(f, "good = 0x%s; amber = 0x%s; bad = 0x%s; none = 0x%s\n"
            "colour(r) = r == 0 ? good : r == 1 ? amber : r == 2 ? bad : none\n"
            "# names on a translucent white box, readable over the roads\n"
            "set style textbox opaque fc rgb '#40ffffff' noborder margins 1,1\n"
            "# road numbers in a white shield with a thin border\n"
            "set style textbox 2 opaque fc rgb 'white' border lc rgb '#1b4f72' lw 1 margins 2,1\n"
            "set multiplot\n", &COLOUR_GOOD[1], &COLOUR_AMBER[1], &COLOUR_BAD[1],
            &COLOUR_NONE[1]);
    chart_title(f, title, sub);
    main_view(f, c, &m);
    if (m.has_city)
        inset(f, c, &m);
    gplot_end(f);
    map_layout_free(&m);
    return 0;
}

/* The roads' states under the hazard are worked out once here for the
 * three files, unless the caller paints the roads. */
int chart_map(const struct chart_ctx *c, char *err, size_t errlen)
{
    struct chart_ctx m = *c;
    int *hazard = NULL;
    if (!c->paint && !(m.hazard = hazard = map_hazard_states(c->d))) {
        snprintf(err, errlen, "%s/map: %s", c->dir, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    int rc = chart_file(&m, "map_roads.csv", w_roads, err, errlen) < 0
          || chart_file(&m, "map_points.csv", w_points, err, errlen) < 0
          || chart_file(&m, "map.gp", w_map, err, errlen) < 0 ? -1 : 0;
    free(hazard);
    return rc;
}
