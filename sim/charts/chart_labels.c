/*
 * chart_labels.c -- where the map's names go.  gnuplot puts every label of
 * a plot at the same offset from its point, so on a map the names of close
 * townships overprint each other, the symbols and the roads.  This places
 * each name at one of sixteen spots around its point (right, left, above,
 * below, the diagonals; near, then a little farther) chosen by a cost: what
 * the name would cover of names already placed (with a small gap, so that
 * two names never touch), of other symbols and of fixed boxes (road
 * numbers), of areas to keep clear (the city's box, enlarged elsewhere),
 * how much road it would hide (a road the scenario may close costs most:
 * the map is there to show it), how far it sticks out of the view, and
 * whether it would sit near another named point, not clearly
 * nearer its own (a reader takes a name for the nearest point's).  Names are placed in turn,
 * each at its best spot; then simulated annealing moves them about, so that
 * a crowd of names can rearrange where moving one at a time cannot; then
 * each is put where it is best once more.  Where names would still
 * overprint (hundreds of townships on one map), labels_place_clear leaves
 * out the later of each pair, by the caller's rank, and places the rest
 * again: a crowded map names fewer seats, each readably.  Text sizes are estimates from
 * the font size (the scripts are written before anything is drawn), so the
 * spots keep a small margin.  Deterministic: the same input gives the same
 * spots.  Cost O(tags x 16 x (marks + the roads near the spot + fixed
 * boxes)) once for each name's cost at each spot -- the roads are bucketed
 * by a grid of the view (line_grid), and each spot sums the roads near it in
 * their order, which is the sum over all roads, since the others add 0 --
 * then O(300 x tags x tags) for the annealing.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "charts/internal.h"
#include "results/outfile.h"

#define GAP_PX 3.0          /* names closer than this count as touching */
#define UNREADABLE 30.0     /* cost per pixel of a name over a name or a road number */
#define ROAD_PX 5.0         /* a road's drawn width, for the area a name hides of it */
#define CELL_PX 48.0        /* the road grid's cells, about a name's size */

struct box { double x0, y0, x1, y1; };   /* pixels, y up */

static double overlap(const struct box *a, const struct box *b)
{
    double w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0);
    double h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);
    return (w > 0 && h > 0) ? w * h : 0;
}

static struct box grown(const struct box *b, double by)
{
    return (struct box){ b->x0 - by, b->y0 - by, b->x1 + by, b->y1 + by };
}

int labels_clip(double ax, double ay, double bx, double by, const struct label_rect *r, double *t0,
                double *t1)
{
    double dx = bx - ax, dy = by - ay;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { ax - r->x0, r->x1 - ax, ay - r->y0, r->y1 - ay };
    *t0 = 0;
    *t1 = 1;
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0)
            *t0 = fmax(*t0, t);
        else
            *t1 = fmin(*t1, t);
    }
    return *t1 > *t0;
}

/* Length (pixels) of the segment (ax, ay)-(bx, by) inside box b. */
static double inside_length(double ax, double ay, double bx, double by, const struct box *b)
{
    struct label_rect r = { b->x0, b->y0, b->x1, b->y1 };
    double t0, t1;
    return labels_clip(ax, ay, bx, by, &r, &t0, &t1) ? (t1 - t0) * hypot(bx - ax, by - ay) : 0;
}

/* Distance from (x, y) to the nearest point of box b (0 inside). */
static double box_distance(const struct box *b, double x, double y)
{
    double dx = fmax(fmax(b->x0 - x, 0), x - b->x1), dy = fmax(fmax(b->y0 - y, 0), y - b->y1);
    return hypot(dx, dy);
}

/* The text's box at spot k (0..15) around a point at (x, y) with radius r;
 * its alignment in *align. */
static struct box spot_box(int k, double x, double y, double r, double w, double h, int *align)
{
    static const struct { int dx, dy; } dir[8] = {
        { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 },
    };
    int d = k % 8;
    double gap = r + 4 + (k >= 8 ? 0.6 * h : 0), diag = 0.75 * gap;
    double dx = dir[d].dx * (dir[d].dy ? diag : gap), dy = dir[d].dy * (dir[d].dx ? diag : gap);
    struct box b;
    *align = dir[d].dx;
    b.x0 = dir[d].dx > 0 ? x + dx : dir[d].dx < 0 ? x + dx - w : x - w / 2;
    b.x1 = b.x0 + w;
    b.y0 = dir[d].dy > 0 ? y + dy : dir[d].dy < 0 ? y + dy - h : y - h / 2;
    b.y1 = b.y0 + h;
    return b;
}

/* A point of the view in pixels. */
static void px(const struct label_view *v, double x, double y, double *pxx, double *pxy)
{
    *pxx = (x - v->x0) * v->px_per_unit;
    *pxy = (y - v->y0) * v->px_per_unit;
}

/* The largest symbol drawn where mark m is.  O(marks). */
static double symbol_radius(const struct label_scene *sc, const struct label_mark *m)
{
    double r = 0;
    for (int k = 0; k < sc->n_marks; k++)
        if (sc->marks[k].x == m->x && sc->marks[k].y == m->y)
            r = fmax(r, sc->marks[k].r_px);
    return r;
}

#define SPOTS 16

/* The scene's roads in pixels, each listed in every cell of a grid over the
 * view that its bounding box meets (what lies beyond the view in the edge
 * cells): a road that passes through a box has a point in it, so it is
 * listed in a cell the box meets. */
struct line_grid {
    double *seg;              /* [4 * line]: its ends in pixels */
    int n, nx, ny;            /* roads; cells across and up */
    int *first, *item;        /* cell c's roads: item[first[c] .. first[c + 1]) */
    unsigned *seen, stamp;    /* per road: the last query that listed it */
    int *cand;
};

/* The cell of pixel coordinate x on an axis of n cells, clamped. */
static int cell_of(double x, int n)
{
    double c = floor(x / CELL_PX);
    return !(c >= 0) ? 0 : c > n - 1 ? n - 1 : (int)c;
}

static void grid_cells(const struct line_grid *g, const double *s, int *cx0, int *cx1, int *cy0,
                       int *cy1)
{
    *cx0 = cell_of(fmin(s[0], s[2]), g->nx);
    *cx1 = cell_of(fmax(s[0], s[2]), g->nx);
    *cy0 = cell_of(fmin(s[1], s[3]), g->ny);
    *cy1 = cell_of(fmax(s[1], s[3]), g->ny);
}

/* Counts, then lists every road in its cells.  0, or -1 when out of memory
 * (what was made is freed by grid_free). */
static int grid_build(struct line_grid *g, const struct label_view *v, const struct label_scene *sc)
{
    int n = sc->n_lines, cx0, cx1, cy0, cy1;
    g->n = n;
    g->nx = cell_of((v->x1 - v->x0) * v->px_per_unit, 1024) + 1;   /* at most 1025 a side */
    g->ny = cell_of((v->y1 - v->y0) * v->px_per_unit, 1024) + 1;
    size_t cells = (size_t)g->nx * (size_t)g->ny;
    g->seg = malloc(((size_t)n * 4 + 1) * sizeof *g->seg);
    g->first = calloc(cells + 1, sizeof *g->first);
    g->seen = calloc((size_t)n + 1, sizeof *g->seen);
    g->cand = malloc(((size_t)n + 1) * sizeof *g->cand);
    if (!g->seg || !g->first || !g->seen || !g->cand)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct label_line *l = &sc->lines[i];
        double *s = &g->seg[4 * (size_t)i];
        px(v, l->x0, l->y0, &s[0], &s[1]);
        px(v, l->x1, l->y1, &s[2], &s[3]);
        grid_cells(g, s, &cx0, &cx1, &cy0, &cy1);
        for (int y = cy0; y <= cy1; y++)
            for (int x = cx0; x <= cx1; x++)
                g->first[(size_t)y * (size_t)g->nx + (size_t)x + 1]++;
    }
    for (size_t c = 0; c < cells; c++)
        g->first[c + 1] += g->first[c];
    int *at = malloc((cells + 1) * sizeof *at);
    g->item = malloc(((size_t)g->first[cells] + 1) * sizeof *g->item);
    if (!at || !g->item) {
        free(at);
        return -1;
    }
    memcpy(at, g->first, cells * sizeof *at);
    for (int i = 0; i < n; i++) {
        grid_cells(g, &g->seg[4 * (size_t)i], &cx0, &cx1, &cy0, &cy1);
        for (int y = cy0; y <= cy1; y++)
            for (int x = cx0; x <= cx1; x++)
                g->item[at[(size_t)y * (size_t)g->nx + (size_t)x]++] = i;
    }
    free(at);
    return 0;
}

static void grid_free(struct line_grid *g)
{
    free(g->seg);
    free(g->first);
    free(g->item);
    free(g->seen);
    free(g->cand);
}

static int by_index(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The roads listed in the cells box b meets, each once and in ascending
 * order, in g->cand; how many. */
static int grid_near(struct line_grid *g, const struct box *b)
{
    if (++g->stamp == 0) {               /* the stamps wrapped: clear them */
        memset(g->seen, 0, (size_t)g->n * sizeof *g->seen);
        g->stamp = 1;
    }
    double corners[4] = { b->x0, b->y0, b->x1, b->y1 };
    int cx0, cx1, cy0, cy1, n = 0;
    grid_cells(g, corners, &cx0, &cx1, &cy0, &cy1);
    for (int y = cy0; y <= cy1; y++)
        for (int x = cx0; x <= cx1; x++) {
            size_t c = (size_t)y * (size_t)g->nx + (size_t)x;
            for (int k = g->first[c]; k < g->first[c + 1]; k++) {
                int i = g->item[k];
                if (g->seen[i] != g->stamp) {
                    g->seen[i] = g->stamp;
                    g->cand[n++] = i;
                }
            }
        }
    qsort(g->cand, (size_t)n, sizeof *g->cand, by_index);
    return n;
}

struct placing {
    const struct label_view *v;
    const struct label_scene *sc;
    struct label_tag *tags;
    int n_tags;
    struct box *placed;       /* each tag's box and spot; valid when set[t] */
    int *set, *spot;
    /* each tag's box, alignment and own cost (badness: all but the other
     * names, which do not move the scene) at each spot, worked out once */
    struct box *box;          /* [t * SPOTS + k] */
    int *align;
    double *own;
    double *mark_r;           /* each mark's symbol_radius */
    struct line_grid grid;
};

/* What box b would cost tag t (see the head comment). */
static double badness(struct placing *p, int t, const struct box *b, int spot)
{
    const struct label_view *v = p->v;
    const struct label_scene *sc = p->sc;
    const struct label_mark *own = &sc->marks[p->tags[t].mark];
    double area = (b->x1 - b->x0) * (b->y1 - b->y0), bad = 0, ox, oy;
    struct box padded = grown(b, GAP_PX);
    /* names on names (total_cost) or on road numbers are the worst: neither
     * can be read */
    for (int i = 0; i < sc->n_fixed; i++) {
        struct box f;
        px(v, sc->fixed[i].x0, sc->fixed[i].y0, &f.x0, &f.y0);
        px(v, sc->fixed[i].x1, sc->fixed[i].y1, &f.x1, &f.y1);
        bad += UNREADABLE * overlap(&padded, &f);
    }
    for (int i = 0; i < sc->n_marks; i++) {
        if (sc->marks[i].x == own->x && sc->marks[i].y == own->y)
            continue;   /* the label's own symbols: spot_box keeps clear of them */
        double mx, my, r = sc->marks[i].r_px;
        px(v, sc->marks[i].x, sc->marks[i].y, &mx, &my);
        struct box m = { mx - r, my - r, mx + r, my + r };
        bad += 3 * overlap(b, &m);
    }
    for (int j = 0, n = grid_near(&p->grid, &padded); j < n; j++) {
        int i = p->grid.cand[j];
        const double *s = &p->grid.seg[4 * (size_t)i];
        bad += sc->lines[i].weight * ROAD_PX * inside_length(s[0], s[1], s[2], s[3], &padded);
    }
    struct box view = { 0, 0, (v->x1 - v->x0) * v->px_per_unit, (v->y1 - v->y0) * v->px_per_unit };
    bad += UNREADABLE * (area - overlap(b, &view));   /* cut off, or over the legend */
    for (int i = 0; i < sc->n_avoid; i++) {
        struct box a;
        px(v, sc->avoid[i].x0, sc->avoid[i].y0, &a.x0, &a.y0);
        px(v, sc->avoid[i].x1, sc->avoid[i].y1, &a.x1, &a.y1);
        bad += 3 * overlap(&padded, &a);
    }
    /* a name is read as the nearest symbol's: where it starts (the point of
     * its box nearest its own symbol) must be clearly nearer, edge to edge,
     * its own symbol than any other named one (else it would be read as
     * that one's); and better the whole name too (else a reader may hesitate) */
    px(v, own->x, own->y, &ox, &oy);
    double r_own = p->mark_r[p->tags[t].mark];
    double sx = fmin(fmax(ox, b->x0), b->x1), sy = fmin(fmax(oy, b->y0), b->y1);
    double start = hypot(sx - ox, sy - oy) - r_own, whole = box_distance(b, ox, oy) - r_own;
    double doubt = 0;
    for (int i = 0; i < sc->n_marks; i++) {
        const struct label_mark *o = &sc->marks[i];
        if (!o->named || (o->x == own->x && o->y == own->y))
            continue;
        double qx, qy, r = p->mark_r[i];
        px(v, o->x, o->y, &qx, &qy);
        if (hypot(sx - qx, sy - qy) - r < start + 8)
            doubt = fmax(doubt, 2 * area);
        else if (box_distance(b, qx, qy) - r < whole + 8)
            doubt = fmax(doubt, 0.5 * area);
    }
    bad += doubt;
    /* the plain spots first: right, left, above, below, near first; a name
     * off a diagonal is less surely its point's */
    return bad + area * (0.01 * (spot % 8) + (spot % 8 >= 4 ? 0.15 : 0) + (spot >= 8 ? 0.08 : 0));
}

/* Tag t's text size and where its point is, in pixels. */
static void tag_geometry(const struct placing *p, int t, double *x, double *y, double *r,
                         double *w, double *h)
{
    const struct label_view *v = p->v;
    const struct label_mark *m = &p->sc->marks[p->tags[t].mark];
    px(v, m->x, m->y, x, y);
    *r = p->mark_r[p->tags[t].mark];
    /* a CJK ideograph (width 2) is about one em wide, a Latin letter half
     * that: 0.55 em a unit keeps a margin for either */
    *w = 0.55 * v->font_px * text_width(p->tags[t].text) + 4;
    *h = 1.25 * v->font_px;
}

/* What tag t's box at spot k does to the whole: its own cost plus, once
 * more, what it covers of the other names (their cost rises by as much). */
static double total_cost(struct placing *p, int t, int k, struct box *b, int *align)
{
    size_t at = (size_t)t * SPOTS + (size_t)k;
    *b = p->box[at];
    *align = p->align[at];
    double bad = p->own[at];
    struct box padded = grown(b, GAP_PX);
    for (int i = 0; i < p->n_tags; i++)
        if (i != t && p->set[i])
            bad += UNREADABLE * overlap(&padded, &p->placed[i]);
    return bad;
}

/* Tag t at spot k. */
static void put(struct placing *p, int t, int k, const struct box *b, int align)
{
    p->spot[t] = k;
    p->placed[t] = *b;
    p->tags[t].align = align;
    p->set[t] = 1;
}

/* The best spot for tag t against the others set so far. */
static void place_best(struct placing *p, int t)
{
    double best = INFINITY;
    for (int k = 0; k < SPOTS; k++) {
        int align;
        struct box b;
        double bad = total_cost(p, t, k, &b, &align);
        if (bad < best) {
            best = bad;
            put(p, t, k, &b, align);
        }
    }
}

/* Simulated annealing from the greedy layout (Christensen, Marks and
 * Shieber, "An empirical study of algorithms for point-feature label
 * placement", ACM TOG 14(3), 1995): move one name to another spot, keep the
 * move when it lowers the total cost, or now and then when it raises it
 * (less often as the temperature falls), so that a crowd of names can
 * rearrange where moving one at a time cannot.  The random numbers are a
 * fixed linear congruential sequence: the same input, the same layout. */
static void anneal(struct placing *p)
{
    int n = p->n_tags, steps = 300 * n;
    unsigned long long lcg = 0x2545F4914F6CDD1DULL;
    double area = 0;
    for (int t = 0; t < n; t++)
        area += (p->placed[t].x1 - p->placed[t].x0) * (p->placed[t].y1 - p->placed[t].y0) / n;
    for (int step = 0; step < steps; step++) {
        double temp = 0.3 * area * (1 - (double)step / steps);
        lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
        int t = (int)((lcg >> 33) % (unsigned long long)n), k = (int)((lcg >> 20) % SPOTS);
        if (k == p->spot[t])
            continue;
        struct box now = p->placed[t], b;
        int align_now = p->tags[t].align, align;
        double before = total_cost(p, t, p->spot[t], &now, &align_now);
        double after = total_cost(p, t, k, &b, &align);
        double u = (double)((lcg >> 11) & 0xFFFFF) / 0x100000;
        if (after < before || (temp > 0 && u < exp((before - after) / temp)))
            put(p, t, k, &b, align);
    }
}

static int meets(const struct label_rect *a, const struct label_rect *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

#define WIDTH_SLACK 0.10    /* text may run this much wider than estimated */

/* A name's box as drawn at most, when `crowded`: wider by WIDTH_SLACK (the
 * estimate is a typical letter's width; digits and capitals run wider) and
 * by half the gap all round, so that two names whose drawn boxes do not meet
 * cannot touch; else the box itself. */
static struct label_rect as_drawn(const struct label_view *v, const struct label_rect *b,
                                  int crowded)
{
    double gx = (b->x1 - b->x0) * WIDTH_SLACK / 2 + GAP_PX / 2 / v->px_per_unit;
    double gy = GAP_PX / 2 / v->px_per_unit;
    if (!crowded)
        return *b;
    return (struct label_rect){ b->x0 - gx, b->y0 - gy, b->x1 + gx, b->y1 + gy };
}

/* Drops the names that meet a name of lower rank kept before them (their
 * boxes as drawn when `crowded`), or, when crowded, one of the n_clear
 * boxes (see labels_place_clear); how many are kept, moved to the front in
 * order.  O(tags^2 + tags x n_clear) box tests. */
static int drop_overprinting(const struct label_view *v, struct label_tag *tags, const int *rank,
                             int *order, char *kept, int n, const struct label_rect *clear,
                             int n_clear, int crowded)
{
    for (int t = 0; t < n; t++) {               /* by rank, stably: insertion sort */
        int j = t;
        for (; j > 0 && rank[tags[order[j - 1]].mark] > rank[tags[t].mark]; j--)
            order[j] = order[j - 1];
        order[j] = t;
    }
    for (int i = 0; i < n; i++) {
        int t = order[i];
        struct label_rect bt = as_drawn(v, &tags[t].box, crowded);
        kept[t] = 1;
        for (int j = 0; j < (crowded ? n_clear : 0) && kept[t]; j++)
            if (meets(&bt, &clear[j]))
                kept[t] = 0;
        for (int j = 0; j < i && kept[t]; j++) {
            struct label_rect bj = as_drawn(v, &tags[order[j]].box, crowded);
            if (kept[order[j]] && meets(&bt, &bj))
                kept[t] = 0;
        }
    }
    int n_kept = 0;
    for (int t = 0; t < n; t++)
        if (kept[t])
            tags[n_kept++] = tags[t];
    return n_kept;
}

#define CLEAR_ROUNDS 4      /* placings of labels_place_clear before its last drop */

int labels_place_clear(const struct label_view *v, const struct label_scene *sc,
                       struct label_tag *tags, const int *rank, int n_tags,
                       const struct label_rect *clear, int n_clear)
{
    int *order = malloc(((size_t)n_tags + 1) * sizeof *order);
    char *kept = malloc((size_t)n_tags + 1);
    size_t n_fixed = (size_t)sc->n_fixed + (size_t)n_clear;
    struct label_rect *fixed = malloc((n_fixed + 1) * sizeof *fixed);
    struct label_scene crowded = *sc;   /* the clear boxes kept clear as fixed ones */
    int n = n_tags, rc = -1;
    if (!order || !kept || !fixed)
        goto done;
    if (sc->n_fixed > 0)
        memcpy(fixed, sc->fixed, (size_t)sc->n_fixed * sizeof *fixed);
    if (n_clear > 0)
        memcpy(fixed + sc->n_fixed, clear, (size_t)n_clear * sizeof *fixed);
    crowded.fixed = fixed;
    crowded.n_fixed = (int)n_fixed;
    for (int round = 0;; round++) {
        if (labels_place(v, round ? &crowded : sc, tags, n) < 0)
            goto done;
        /* the first round looks at the names alone, as estimated: a map
         * where none overprints another keeps them all, wherever they are */
        int n_kept = drop_overprinting(v, tags, rank, order, kept, n, clear, n_clear, round > 0);
        if (n_kept == n || round == CLEAR_ROUNDS) {
            rc = n_kept;
            break;
        }
        n = n_kept;
    }
done:
    free(order);
    free(kept);
    free(fixed);
    return rc;
}

int labels_place(const struct label_view *v, const struct label_scene *sc, struct label_tag *tags,
                 int n_tags)
{
    size_t n = (size_t)n_tags + 1;
    struct placing p = { v, sc, tags, n_tags, malloc(n * sizeof *p.placed), calloc(n, sizeof *p.set),
                         calloc(n, sizeof *p.spot), malloc(n * SPOTS * sizeof *p.box),
                         malloc(n * SPOTS * sizeof *p.align), malloc(n * SPOTS * sizeof *p.own),
                         NULL, { NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL } };
    int rc = -1;
    p.mark_r = malloc(((size_t)sc->n_marks + 1) * sizeof *p.mark_r);
    if (!p.placed || !p.set || !p.spot || !p.box || !p.align || !p.own || !p.mark_r
        || grid_build(&p.grid, v, sc) < 0)
        goto done;
    for (int i = 0; i < sc->n_marks; i++)   /* O(marks^2), once */
        p.mark_r[i] = symbol_radius(sc, &sc->marks[i]);
    for (int t = 0; t < n_tags; t++) {
        double x, y, r, w, h;
        tag_geometry(&p, t, &x, &y, &r, &w, &h);
        for (int k = 0; k < SPOTS; k++) {
            size_t at = (size_t)t * SPOTS + (size_t)k;
            p.box[at] = spot_box(k, x, y, r, w, h, &p.align[at]);
            p.own[at] = badness(&p, t, &p.box[at], k);
        }
    }
    for (int t = 0; t < n_tags; t++)
        place_best(&p, t);
    if (n_tags > 1)
        anneal(&p);
    for (int pass = 0; pass < 2; pass++)   /* then each name where it is best */
        for (int t = 0; t < n_tags; t++)
            place_best(&p, t);
    for (int t = 0; t < n_tags; t++) {
        /* the anchor gnuplot needs: the text's left, right or middle, at mid-height */
        const struct box *c = &p.placed[t];
        double ax = tags[t].align > 0 ? c->x0 : tags[t].align < 0 ? c->x1 : (c->x0 + c->x1) / 2;
        tags[t].x = v->x0 + ax / v->px_per_unit;
        tags[t].y = v->y0 + (c->y0 + c->y1) / 2 / v->px_per_unit;
        tags[t].box = (struct label_rect){ v->x0 + c->x0 / v->px_per_unit,
                                           v->y0 + c->y0 / v->px_per_unit,
                                           v->x0 + c->x1 / v->px_per_unit,
                                           v->y0 + c->y1 / v->px_per_unit };
    }
    rc = 0;
done:
    grid_free(&p.grid);
    free(p.mark_r);
    free(p.placed);
    free(p.set);
    free(p.spot);
    free(p.box);
    free(p.align);
    free(p.own);
    return rc;
}
