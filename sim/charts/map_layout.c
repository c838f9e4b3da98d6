/*
 * map_layout.c -- the map's geometry (see map_layout.h).  The projection is
 * equirectangular about the central depot: longitude scaled by the cosine
 * of the latitude, so `set size ratio -1` keeps distances true in every
 * direction over a county.  The urban subdistricts' seats lie a few km
 * apart, too close to name on a county-wide map; when they form such a
 * cluster they are named in an enlarged inset instead.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "charts/map_layout.h"

#define EARTH_KM 6371.0
#define DEG (3.14159265358979323846 / 180)
#define PX_PER_PS 5.0           /* a symbol's radius in pixels per unit of gnuplot's pointsize */
#define SCREEN_W 1600.0
#define SCREEN_H 900.0

const struct map_mark map_marks[] = {
    { "seat", 7, 2.4, NULL, T_MARK_SEAT },
    { "village", 2, 1.6, "#1f5fa8", T_MARK_VILLAGE },
    { "point", 6, 3.2, "#000000", T_MARK_POINT },
    { "subcentre", 8, 4.6, "#000000", T_MARK_SUBCENTRE },
    { "department", 13, 2.0, "#6a3d9a", T_MARK_DEPARTMENT },
    { "supplier", 15, 2.0, "#8c510a", T_MARK_SUPPLIER },
    { "central", 5, 3.0, "#000000", T_MARK_CENTRAL },
};
const int n_map_marks = sizeof map_marks / sizeof map_marks[0];

/* map_points.csv's word for each facility kind */
static const char *const fac_word[FAC_KINDS] = { "central", "subcentre", "point", "department",
                                                 "supplier" };

void map_project(const struct definition *d, double lon, double lat, double *x, double *y)
{
    double lon0 = 0, lat0 = 0;
    int found = 0;
    for (int f = 0; f < d->n_facilities && !found; f++)
        if (d->facilities[f].kind == FAC_CENTRAL) {
            lon0 = d->nodes[d->facilities[f].node].lon;
            lat0 = d->nodes[d->facilities[f].node].lat;
            found = 1;
        }
    for (int i = 0; !found && i < d->n_nodes; i++) {   /* no depot: the nodes' mean */
        lon0 += d->nodes[i].lon / d->n_nodes;
        lat0 += d->nodes[i].lat / d->n_nodes;
    }
    *x = EARTH_KM * (lon - lon0) * DEG * cos(lat0 * DEG);
    *y = EARTH_KM * (lat - lat0) * DEG;
}

const char *map_keep(struct map_layout *m, const char *s, size_t len)
{
    char **words = realloc(m->words, ((size_t)m->n_words + 1) * sizeof *words);
    char *w = malloc(len + 1);
    if (words)
        m->words = words;
    if (!words || !w) {
        free(w);
        return NULL;
    }
    memcpy(w, s, len);
    w[len] = '\0';
    return m->words[m->n_words++] = w;
}

/* A township's name on the map: in English, without the administrative
 * word a pinyin name ends with ("Cuocheng" for "Cuocheng Zhen": the legend
 * says they are township seats, and the county map has no room to spare);
 * Chinese names are short and kept whole.  NULL when out of memory. */
static const char *seat_name(const struct chart_ctx *c, struct map_layout *m, int t)
{
    static const char *const suffix[] = { " Zhen", " Xiang", " Jiedao", " Town", " Township",
                                          " Subdistrict" };
    const char *name = chart_township(c, t);
    size_t len = strlen(name);
    for (size_t k = 0; k < sizeof suffix / sizeof suffix[0]; k++) {
        size_t n = strlen(suffix[k]);
        if (len > n && !strcmp(name + len - n, suffix[k]))
            return map_keep(m, name, len - n);
    }
    return name;
}

double map_mark_radius(const char *kind)
{
    for (int i = 0; i < n_map_marks; i++)
        if (!strcmp(map_marks[i].kind, kind))
            return PX_PER_PS * map_marks[i].ps;
    return 0;
}

/* Closed often (bright red), slowed more often than closed (orange), closed
 * now and then (pale red), or untouched: the rules combined as independent. */
static enum road_state road_state(const struct definition *d, int road, double close, double slow)
{
    if ((d->road_closed && d->road_closed[road]) || close >= OFTEN)
        return ROAD_CLOSED;
    if (slow > 0 && slow >= close)
        return ROAD_SLOWED;
    return close > 0 ? ROAD_CLOSED_RARELY : ROAD_OPEN;
}

int *map_hazard_states(const struct definition *d)
{
    size_t n = (size_t)d->n_roads + 1;
    int *state = malloc(n * sizeof *state);
    double *close = malloc(n * sizeof *close), *slow = malloc(n * sizeof *slow);
    if (state && close && slow) {
        damage_all_chances(d, close, slow);
        for (int r = 0; r < d->n_roads; r++)
            state[r] = (int)road_state(d, r, close[r], slow[r]);
    } else {
        free(state);
        state = NULL;
    }
    free(close);
    free(slow);
    return state;
}

int map_road_state(const struct chart_ctx *c, int road)
{
    return c->paint ? c->paint->state[road] : c->hazard[road];
}

int map_road_states(const struct chart_ctx *c)
{
    return c->paint ? c->paint->n_states : ROAD_STATES;
}

/* The worst risk class of a township's sites (chart_risk), 3 when it has
 * none; and in *worst the least share on time of them, 2 when none. */
static int township_risk(const struct chart_ctx *c, int t, double *worst)
{
    int r = -1;
    *worst = 2;
    for (int k = 0; k < c->d->n_sites; k++)
        if (c->d->sites[k].township == t) {
            int rk = chart_risk(c, c->s->sites[k].on_time);
            r = rk > r ? rk : r;
            *worst = fmin(*worst, c->s->sites[k].on_time.est);
        }
    return r < 0 ? 3 : r;
}

static void add(struct map_layout *m, const struct definition *d, int node, const char *kind,
                int risk,
                const char *name)
{
    struct map_point *p = &m->pts[m->n++];
    memset(p, 0, sizeof *p);
    map_project(d, d->nodes[node].lon, d->nodes[node].lat, &p->x, &p->y);
    p->kind = kind;
    p->risk = risk;
    p->name = name;
}

/* Disaster villages, township seats, then facilities (drawn in this order). */
static int points(const struct chart_ctx *c, struct map_layout *m)
{
    const struct definition *d = c->d;
    m->pts = malloc(((size_t)d->n_sites + (size_t)d->n_townships + (size_t)d->n_facilities + 1)
                    * sizeof *m->pts);
    if (!m->pts)
        return -1;
    for (int k = 0; k < d->n_sites; k++)
        add(m, d, d->sites[k].node, "village", 3, d->sites[k].id);
    for (int t = 0; t < d->n_townships; t++) {
        const char *name = seat_name(c, m, t);
        if (!name)
            return -1;
        double worst;
        int risk = township_risk(c, t, &worst);
        add(m, d, d->townships[t].node, "seat", risk, name);
        m->pts[m->n - 1].worst = worst;
    }
    for (int i = 0; i < d->n_facilities; i++) {
        const struct facility *fa = &d->facilities[i];
        add(m, d, fa->node, fac_word[fa->kind], 3,
            lang_name(c->lang, fa->name, fa->name_zh));
    }
    return 0;
}

static struct extent main_view(const struct map_layout *m)
{
    struct extent e = { INFINITY, -INFINITY, INFINITY, -INFINITY };
    for (int i = 0; i < m->n; i++) {
        e.x0 = fmin(e.x0, m->pts[i].x);
        e.x1 = fmax(e.x1, m->pts[i].x);
        e.y0 = fmin(e.y0, m->pts[i].y);
        e.y1 = fmax(e.y1, m->pts[i].y);
    }
    if (!(e.x0 <= e.x1))
        e = (struct extent){ -1, 1, -1, 1 };
    double span = fmax(e.x1 - e.x0, e.y1 - e.y0);
    /* room for the symbols, the scale bar below and the names either side */
    return (struct extent){ floor(e.x0 - 0.10 * span), ceil(e.x1 + 0.15 * span),
                            floor(e.y0 - 0.08 * span), ceil(e.y1 + 0.04 * span) };
}

static int in(const struct extent *e, double x, double y)
{
    return x > e->x0 && x < e->x1 && y > e->y0 && y < e->y1;
}

/* The urban subdistricts' seats with 2 km around, shaped like the inset's
 * place on the canvas; 0 when they are fewer than two or not a cluster. */
static int city_view(const struct chart_ctx *c, const struct extent *whole, struct extent *e)
{
    const struct definition *d = c->d;
    int n = 0;
    *e = (struct extent){ INFINITY, -INFINITY, INFINITY, -INFINITY };
    for (int t = 0; t < d->n_townships; t++)
        if (d->townships[t].kind == TOWNSHIP_SUBDISTRICT) {
            double x, y;
            map_project(d, d->nodes[d->townships[t].node].lon, d->nodes[d->townships[t].node].lat,
                        &x, &y);
            *e = (struct extent){ fmin(e->x0, x - 2), fmax(e->x1, x + 2), fmin(e->y0, y - 2),
                                  fmax(e->y1, y + 2) };
            n++;
        }
    double w = e->x1 - e->x0, h = e->y1 - e->y0;
    double aspect = (INSET_X1 - INSET_X0) * SCREEN_W / ((INSET_Y1 - INSET_Y0) * SCREEN_H);
    if (n < 2 || fmax(w, h) > 0.35 * fmax(whole->x1 - whole->x0, whole->y1 - whole->y0))
        return 0;
    double cx = (e->x0 + e->x1) / 2, cy = (e->y0 + e->y1) / 2;
    w = fmax(w, h * aspect);
    h = w / aspect;
    *e = (struct extent){ cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2 };
    return 1;
}

/* Pixels per km of a view drawn with `set size ratio -1` in a screen box. */
static double scale(const struct extent *e, double sx0, double sx1, double sy0, double sy1)
{
    return fmin((sx1 - sx0) * SCREEN_W / (e->x1 - e->x0), (sy1 - sy0) * SCREEN_H / (e->y1 - e->y0));
}

/* The scale bar at the bottom right of a view, and the north arrow. */
static void furniture(struct map_layout *m)
{
    for (int v = 0; v < VIEWS; v++) {
        const struct extent *e = &m->view[v];
        double w = e->x1 - e->x0, len = w > 60 ? 20 : w > 20 ? 10 : w > 8 ? 2 : 1;
        m->bar[v] = (struct scale_bar){ e->x1 - w / 40 - len, e->x1 - w / 40,
                                        e->y0 + (e->y1 - e->y0) / 25, len };
    }
    const struct extent *e = &m->view[VIEW_MAIN];
    m->north_x = e->x0 + (e->x1 - e->x0) / 30;
    m->north_y0 = e->y1 - (e->y1 - e->y0) / 7.5;
    m->north_y1 = e->y1 - (e->y1 - e->y0) / 20;
}

double map_bar_words_dy(const struct map_layout *m, int v)
{
    return (m->view[v].y1 - m->view[v].y0) / (v == VIEW_MAIN ? 30 : 25);
}

/* The scale bar and north arrow of view v as marks names keep clear of. */
static int furniture_marks(const struct map_layout *m, int v, double px_per_km,
                           struct label_mark *marks)
{
    const struct scale_bar *b = &m->bar[v];
    double r = 0.6 * (b->x1 - b->x0) * px_per_km;   /* the bar and its words above */
    int n = 0;
    marks[n++] = (struct label_mark){ (b->x0 + b->x1) / 2, b->y, r, 0 };
    if (v == VIEW_MAIN)
        marks[n++] = (struct label_mark){ m->north_x, (m->north_y0 + m->north_y1) / 2,
                                          0.7 * (m->north_y1 - m->north_y0) * px_per_km, 0 };
    return n;
}

/* The boxes (km) of view v's scale bar with its words and of the north
 * arrow with its N, which a crowded map's names must not meet
 * (labels_place_clear); how many. */
static int furniture_boxes(const struct map_layout *m, int v, double px_per_km,
                           struct label_rect *boxes)
{
    const struct scale_bar *b = &m->bar[v];
    double px = 1 / px_per_km, dy = map_bar_words_dy(m, v);
    int n = 0;
    boxes[n++] = (struct label_rect){ b->x0, b->y - 6 * px, b->x1, b->y + dy + 14 * px };
    if (v == VIEW_MAIN) {
        double top = m->north_y1 + (m->north_y1 - m->north_y0) / 3;
        boxes[n++] = (struct label_rect){ m->north_x - 14 * px, m->north_y0, m->north_x + 14 * px,
                                          top + 16 * px };
    }
    return n;
}

/* How much hiding a road costs a name: most for a road the scenario may
 * close (or the caller paints), least for an untouched one. */
static double road_weight(const struct chart_ctx *c, int road)
{
    int st = map_road_state(c, road);
    if (c->paint)
        return st ? 2.5 : 0.5;
    return st == ROAD_CLOSED ? 3 : st == ROAD_OPEN ? 0.5 : 1.5;
}

/* The roads as lines names keep off, and on the county map the city's
 * dashed box, which a name must not cross; NULL when out of memory. */
static struct label_line *lines_of(const struct chart_ctx *c, const struct map_layout *m, int v,
                                   int *n)
{
    const struct definition *d = c->d;
    struct label_line *l = malloc(((size_t)d->n_roads + 5) * sizeof *l);
    *n = 0;
    if (!l)
        return NULL;
    for (int r = 0; r < d->n_roads; r++) {
        const struct node *a = &d->nodes[d->roads[r].from], *b = &d->nodes[d->roads[r].to];
        struct label_line *x = &l[(*n)++];
        map_project(d, a->lon, a->lat, &x->x0, &x->y0);
        map_project(d, b->lon, b->lat, &x->x1, &x->y1);
        x->weight = road_weight(c, r);
    }
    if (v == VIEW_MAIN && m->has_city) {
        const struct extent *e = &m->view[VIEW_CITY];
        const double cx[5] = { e->x0, e->x1, e->x1, e->x0, e->x0 };
        const double cy[5] = { e->y0, e->y0, e->y1, e->y1, e->y0 };
        for (int k = 0; k < 4; k++)
            l[(*n)++] = (struct label_line){ cx[k], cy[k], cx[k + 1], cy[k + 1], 2 };
    }
    return l;
}

struct seat_rank { double worst; int i; };

static int by_worst(const void *pa, const void *pb)
{
    const struct seat_rank *a = pa, *b = pb;
    if (a->worst != b->worst)
        return a->worst < b->worst ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* rank[i] for every point i: the seats 0, 1, ... from the least share on
 * time of their sites up (seats without a site last; ties by index), the
 * other points after them.  0, or -1 when out of memory. */
static int seat_ranks(const struct map_layout *m, int *rank)
{
    struct seat_rank *s = malloc(((size_t)m->n + 1) * sizeof *s);
    int n = 0;
    if (!s)
        return -1;
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->pts[i].kind, "seat"))
            s[n++] = (struct seat_rank){ m->pts[i].worst, i };
    qsort(s, (size_t)n, sizeof *s, by_worst);
    for (int i = 0; i < m->n; i++)
        rank[i] = m->n;
    for (int j = 0; j < n; j++)
        rank[s[j].i] = j;
    free(s);
    return 0;
}

/* Names the seats of view v: those with a site first, so that they get the
 * best spots.  Where names would still overprint (a network of hundreds of
 * townships), the worst-off seats keep theirs: a name is kept by the rank
 * of its seat's least share on time (seat_ranks).  Their boxes go to
 * m->fixed[v]. */
int map_name_view(const struct chart_ctx *c, struct map_layout *m, int v)
{
    double px_per_km = m->px_per_km[v];
    struct label_mark *marks = malloc(((size_t)m->n + 3) * sizeof *marks);
    struct label_tag *tags = malloc(((size_t)m->n + 1) * sizeof *tags);
    int *rank = malloc(((size_t)m->n + 1) * sizeof *rank);
    struct label_line *lines = NULL;
    int n_tags = 0, n_marks = m->n, n_lines = 0, rc = -1;
    if (!marks || !tags || !rank || seat_ranks(m, rank) < 0
        || !(lines = lines_of(c, m, v, &n_lines)))
        goto done;
    for (int i = 0; i < m->n; i++)
        marks[i] = (struct label_mark){ m->pts[i].x, m->pts[i].y, map_mark_radius(m->pts[i].kind),
                                        !strcmp(m->pts[i].kind, "seat") };
    n_marks += furniture_marks(m, v, px_per_km, marks + m->n);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < m->n; i++)
            if (!strcmp(m->pts[i].kind, "seat") && m->pts[i].named[v]
                && (m->pts[i].risk == 3) == pass)
                tags[n_tags++] = (struct label_tag){ i, m->pts[i].name, 0, 0, 1, { 0, 0, 0, 0 } };
    const struct extent *e = &m->view[v];
    struct label_view lv = { e->x0, e->y0, e->x1, e->y1, px_per_km, MAP_LABEL_FONT * 4.0 / 3 };
    const struct extent *ce = &m->view[VIEW_CITY];
    struct label_rect city = { ce->x0, ce->y0, ce->x1, ce->y1 };
    struct label_scene sc = { marks, n_marks, lines, n_lines, m->fixed[v], m->n_fixed[v], &city,
                              v == VIEW_MAIN && m->has_city };
    struct label_rect clear[2];
    int n_clear = furniture_boxes(m, v, px_per_km, clear);
    int n_shown = labels_place_clear(&lv, &sc, tags, rank, n_tags, clear, n_clear);
    if (n_shown < 0)
        goto done;
    m->n_seats[v] = n_tags;
    m->n_unnamed[v] = n_tags - n_shown;
    for (int i = 0; i < m->n; i++)           /* named again below, if kept */
        if (!strcmp(m->pts[i].kind, "seat"))
            m->pts[i].named[v] = 0;
    n_tags = n_shown;
    /* the names' boxes: the road numbers keep clear of them */
    struct label_rect *boxes = realloc(m->fixed[v], ((size_t)m->n_fixed[v] + (size_t)n_tags + 1)
                                                    * sizeof *boxes);
    if (!boxes)
        goto done;
    m->fixed[v] = boxes;
    for (int t = 0; t < n_tags; t++) {
        struct map_point *p = &m->pts[tags[t].mark];
        p->named[v] = 1;
        p->lx[v] = tags[t].x;
        p->ly[v] = tags[t].y;
        p->align[v] = tags[t].align;
        m->aligns[v][tags[t].align + 1]++;
        boxes[m->n_fixed[v]++] = tags[t].box;
    }
    rc = 0;
done:
    free(marks);
    free(rank);
    free(tags);
    free(lines);
    return rc;
}

int map_layout(const struct chart_ctx *c, struct map_layout *m)
{
    memset(m, 0, sizeof *m);
    if (points(c, m) < 0) {
        map_layout_free(m);
        return -1;
    }
    m->view[VIEW_MAIN] = main_view(m);
    m->has_city = city_view(c, &m->view[VIEW_MAIN], &m->view[VIEW_CITY]);
    furniture(m);
    for (int i = 0; i < m->n; i++) {
        int seat = !strcmp(m->pts[i].kind, "seat");
        int city = m->has_city && in(&m->view[VIEW_CITY], m->pts[i].x, m->pts[i].y);
        m->pts[i].named[VIEW_MAIN] = seat && !city;
        m->pts[i].named[VIEW_CITY] = seat && city;
    }
    m->px_per_km[VIEW_MAIN] = scale(&m->view[VIEW_MAIN], MAP_LEFT, MAP_RIGHT, MAP_BOTTOM, MAP_TOP);
    if (m->has_city)
        m->px_per_km[VIEW_CITY] = scale(&m->view[VIEW_CITY], INSET_X0, INSET_X1, INSET_Y0,
                                        INSET_Y1);
    return 0;
}

void map_layout_free(struct map_layout *m)
{
    free(m->pts);
    for (int i = 0; i < m->n_words; i++)
        free(m->words[i]);
    free(m->words);
    for (int v = 0; v < VIEWS; v++)
        free(m->fixed[v]);
    memset(m, 0, sizeof *m);
}
