/*
 * map_numbers.c -- road numbers on the map: planners name roads by their
 * numbers (G30, S32, G311 ...), which are the corridor names of the
 * configuration.  Every corridor whose name is a road number -- "G311", or
 * a number followed by words in brackets, "G311 (urban section)", "S201
 * (永砀路)" -- is labelled once, or two or three times when it is long,
 * along its own segments in a view: at a tenth, two tenths ... of a segment,
 * where the number covers fewest symbols, names (placed before: a name has
 * a few spots around its seat, a number all along its road) and other
 * numbers, and stays inside the view (and, on the county map, out of the
 * city's box, which the inset enlarges); where every spot would cover a name
 * or a symbol, the road goes without.  "S32 access" or "county road
 * (inferred)" are not road numbers.  The numbers become points of kind
 * "road" (map_layout.c).  Deterministic; O(roads^2) at most per view.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "charts/map_numbers.h"

#define NUMBER_FONT_PX (MAP_NUMBER_FONT * 4.0 / 3)
#define MAX_PER_ROAD 3

/* The road number a corridor's name is ("G311" of "G311 (urban section)")
 * into out; 0 when the name is not one. */
static int road_number(const char *name, char *out, size_t n)
{
    size_t k = 1;
    if (!name[0] || !strchr("GSXY", name[0]) || !isdigit((unsigned char)name[1]))
        return 0;
    while (isdigit((unsigned char)name[k]))
        k++;
    if ((name[k] && strncmp(name + k, " (", 2)) || k >= n)
        return 0;
    memcpy(out, name, k);
    out[k] = '\0';
    return 1;
}

struct spot { double x, y; };    /* km */

/* A number's box around (x, y) in km. */
static struct label_rect number_box(const char *num, double x, double y, double px_per_km)
{
    double w = (0.62 * NUMBER_FONT_PX * (double)strlen(num) + 10) / px_per_km;
    double h = 1.5 * NUMBER_FONT_PX / px_per_km;
    return (struct label_rect){ x - w / 2, y - h / 2, x + w / 2, y + h / 2 };
}

static double rect_overlap(const struct label_rect *a, const struct label_rect *b)
{
    double w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0), h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);
    return (w > 0 && h > 0) ? w * h : 0;
}

/* What a number's box r would cover (km^2): symbols, numbers already
 * placed, the view's outside, the city's box on the county map. */
static double cost(const struct map_layout *m, int v, const struct label_rect *r, double px_per_km,
                   const struct label_rect *placed, int n_placed)
{
    double bad = 0, area = (r->x1 - r->x0) * (r->y1 - r->y0);
    for (int i = 0; i < m->n; i++) {
        const struct map_point *p = &m->pts[i];
        double rad = map_mark_radius(p->kind) / px_per_km;
        struct label_rect s = { p->x - rad, p->y - rad, p->x + rad, p->y + rad };
        bad += rect_overlap(r, &s);
    }
    for (int i = 0; i < n_placed; i++)    /* names and numbers placed before */
        bad += 4 * rect_overlap(r, &placed[i]);
    const struct extent *e = &m->view[v];
    struct label_rect view = { e->x0, e->y0, e->x1, e->y1 };
    bad += 4 * (area - rect_overlap(r, &view));
    if (v == VIEW_MAIN && m->has_city) {
        const struct extent *c = &m->view[VIEW_CITY];
        struct label_rect city = { c->x0, c->y0, c->x1, c->y1 };
        bad += rect_overlap(r, &city);
    }
    return bad;
}

/* The candidate spots along one number's segments inside view v, and
 * their length there in pixels. */
static int spots_of(const struct chart_ctx *c, const struct map_layout *m, int v,
                    const char *num, double px_per_km, struct spot *s, double *len_px)
{
    const struct definition *d = c->d;
    int n = 0;
    *len_px = 0;
    for (int r = 0; r < d->n_roads; r++) {
        char other[16];
        if (!road_number(d->roads[r].name, other, sizeof other) || strcmp(other, num))
            continue;
        const struct node *a = &d->nodes[d->roads[r].from], *b = &d->nodes[d->roads[r].to];
        double x0, y0, x1, y1, t0, t1;
        map_project(d, a->lon, a->lat, &x0, &y0);
        map_project(d, b->lon, b->lat, &x1, &y1);
        const struct extent *e = &m->view[v];
        struct label_rect view = { e->x0, e->y0, e->x1, e->y1 };
        if (!labels_clip(x0, y0, x1, y1, &view, &t0, &t1))
            continue;
        double seg = (t1 - t0) * hypot(x1 - x0, y1 - y0) * px_per_km;
        *len_px += seg;
        for (int k = 1; seg >= 50 && k < 10; k++) {   /* a tenth of the way on, ... */
            double t = t0 + k / 10.0 * (t1 - t0);
            s[n++] = (struct spot){ x0 + t * (x1 - x0), y0 + t * (y1 - y0) };
        }
    }
    return n;
}

/* Adds a point of kind "road" for num at (x, y), named in view v. */
static int add_number(struct map_layout *m, int v, const char *num, double x, double y)
{
    struct map_point *pts = realloc(m->pts, ((size_t)m->n + 1) * sizeof *pts);
    if (pts)
        m->pts = pts;
    const char *word = pts ? map_keep(m, num, strlen(num)) : NULL;
    if (!word)
        return -1;
    struct map_point *p = &m->pts[m->n++];
    *p = (struct map_point){ .x = x, .y = y, .kind = "road", .risk = 3, .name = word };
    p->named[v] = 1;
    p->lx[v] = x;
    p->ly[v] = y;
    return 0;
}

/* The numbers of one corridor in view v: the cheapest spot, then others at
 * least a fair share of its length away, while they cover little. */
static int label_road(const struct chart_ctx *c, struct map_layout *m, int v, const char *num,
                      double px_per_km, struct label_rect **placed, int *n_placed)
{
    struct spot *s = malloc(((size_t)c->d->n_roads * 9 + 1) * sizeof *s);
    double len;
    int rc = 0;
    if (!s)
        return -1;
    int n = spots_of(c, m, v, num, px_per_km, s, &len);
    int want = len < 120 ? 0 : len < 450 ? 1 : len < 900 ? 2 : MAX_PER_ROAD, got = 0;
    struct spot chosen[MAX_PER_ROAD];
    while (got < want && rc == 0) {
        int best = -1;
        double best_cost = INFINITY;
        for (int i = 0; i < n; i++) {
            int far = 1;
            for (int k = 0; k < got; k++)
                far &= hypot(s[i].x - chosen[k].x, s[i].y - chosen[k].y) * px_per_km
                       >= 0.7 * len / (want + 1);
            struct label_rect r = number_box(num, s[i].x, s[i].y, px_per_km);
            double bad = far ? cost(m, v, &r, px_per_km, *placed, *n_placed) : INFINITY;
            if (bad < best_cost) {
                best_cost = bad;
                best = i;
            }
        }
        struct label_rect r = best >= 0 ? number_box(num, s[best].x, s[best].y, px_per_km)
                                         : (struct label_rect){ 0, 0, 0, 0 };
        /* a number that would cover a name or a symbol is better left out */
        if (best < 0 || best_cost > 0.3 * (r.x1 - r.x0) * (r.y1 - r.y0))
            break;
        struct label_rect *grown = realloc(*placed, ((size_t)*n_placed + 1) * sizeof *grown);
        if (!grown || add_number(m, v, num, s[best].x, s[best].y) < 0) {
            if (grown)
                *placed = grown;
            rc = -1;
            break;
        }
        *placed = grown;
        (*placed)[(*n_placed)++] = r;
        chosen[got++] = s[best];
    }
    free(s);
    return rc;
}

int map_road_numbers(const struct chart_ctx *c, struct map_layout *m, int v)
{
    double px_per_km = m->px_per_km[v];
    const struct definition *d = c->d;
    for (int r = 0; r < d->n_roads; r++) {
        char num[16], earlier[16];
        if (!road_number(d->roads[r].name, num, sizeof num))
            continue;
        int seen = 0;
        for (int q = 0; q < r && !seen; q++)
            seen = road_number(d->roads[q].name, earlier, sizeof earlier) && !strcmp(earlier, num);
        if (!seen && label_road(c, m, v, num, px_per_km, &m->fixed[v], &m->n_fixed[v]) < 0)
            return -1;
    }
    return 0;
}
