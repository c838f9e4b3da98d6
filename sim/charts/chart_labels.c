/*
 * chart_labels.c -- where the map's names go.  gnuplot puts every label of
 * a plot at the same offset from its point, so on a map the names of close
 * townships overprint each other and the symbols.  This places each name,
 * in turn, at the first of eight spots around its point (right, left,
 * above, below, then the diagonals) that overlaps no name already placed,
 * no drawn point and no edge of the view, or else at the spot that overlaps
 * least.  Text sizes are estimates from the font size (the scripts are
 * written before anything is drawn), so the spots keep a small margin.
 */
#include <math.h>
#include <stdlib.h>
#include "charts/internal.h"
#include "results/outfile.h"

struct box { double x0, y0, x1, y1; };   /* pixels, y up */

static double overlap(const struct box *a, const struct box *b)
{
    double w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0);
    double h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);
    return (w > 0 && h > 0) ? w * h : 0;
}

/* The text's box if anchored at spot k around a point at (x, y) with
 * radius r; its alignment in *align. */
static struct box spot_box(int k, double x, double y, double r, double w, double h, int *align)
{
    static const struct { int dx, dy; } dir[8] = {
        { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, 1 }, { 1, -1 }, { -1, 1 }, { -1, -1 },
    };
    double gap = r + 4, diag = 0.75 * gap;
    double dx = dir[k].dx * (dir[k].dy ? diag : gap), dy = dir[k].dy * (dir[k].dx ? diag : gap);
    struct box b;
    *align = dir[k].dx;
    b.x0 = dir[k].dx > 0 ? x + dx : dir[k].dx < 0 ? x + dx - w : x - w / 2;
    b.x1 = b.x0 + w;
    b.y0 = dir[k].dy > 0 ? y + dy : dir[k].dy < 0 ? y + dy - h : y - h / 2;
    b.y1 = b.y0 + h;
    return b;
}

/* How bad a box is: what it covers of placed names and points, and how
 * far it sticks out of the view (weighted: a cut-off name is worst). */
static double badness(const struct box *b, const struct label_view *v, const struct box *placed,
                      int n_placed, const struct label_mark *marks, int n_marks,
                      const struct label_mark *own)
{
    double bad = 0;
    for (int i = 0; i < n_placed; i++)
        bad += overlap(b, &placed[i]);
    for (int i = 0; i < n_marks; i++) {
        if (marks[i].x == own->x && marks[i].y == own->y)
            continue;   /* the label's own symbols: spot_box keeps clear of them */
        double px = (marks[i].x - v->x0) * v->px_per_unit, py = (marks[i].y - v->y0) * v->px_per_unit;
        struct box m = { px - marks[i].r_px, py - marks[i].r_px, px + marks[i].r_px,
                         py + marks[i].r_px };
        bad += overlap(b, &m);
    }
    struct box view = { 0, 0, (v->x1 - v->x0) * v->px_per_unit, (v->y1 - v->y0) * v->px_per_unit };
    double inside = overlap(b, &view), area = (b->x1 - b->x0) * (b->y1 - b->y0);
    return bad + 4 * (area - inside);
}

/* The largest symbol drawn where mark i is: a name keeps clear of it. */
static double radius_at(const struct label_mark *marks, int n, int i)
{
    double r = 0;
    for (int k = 0; k < n; k++)
        if (marks[k].x == marks[i].x && marks[k].y == marks[i].y)
            r = fmax(r, marks[k].r_px);
    return r;
}

int labels_place(const struct label_view *v, const struct label_mark *marks, int n_marks,
                 struct label_tag *tags, int n_tags)
{
    struct box *placed = malloc(((size_t)n_tags + 1) * sizeof *placed);
    if (!placed)
        return -1;
    for (int t = 0; t < n_tags; t++) {
        const struct label_mark *m = &marks[tags[t].mark];
        double x = (m->x - v->x0) * v->px_per_unit, y = (m->y - v->y0) * v->px_per_unit;
        double r = radius_at(marks, n_marks, tags[t].mark);
        /* CJK ideographs are about one em wide, Latin letters about 0.6 */
        double w = 0.6 * v->font_px * text_width(tags[t].text) + 4, h = 1.25 * v->font_px;
        double best = INFINITY;
        struct box chosen = { 0, 0, 0, 0 };
        /* a sliver of overlap is fine: it beats a name far from its point */
        for (int k = 0; k < 8 && best > 0.03 * w * h; k++) {
            int align;
            struct box b = spot_box(k, x, y, r, w, h, &align);
            double bad = badness(&b, v, placed, t, marks, n_marks, m);
            if (bad < best) {
                best = bad;
                chosen = b;
                tags[t].align = align;
            }
        }
        placed[t] = chosen;
        /* the anchor gnuplot needs: the text's left, right or middle, at mid-height */
        double ax = tags[t].align > 0 ? chosen.x0 : tags[t].align < 0 ? chosen.x1
                                                                      : (chosen.x0 + chosen.x1) / 2;
        tags[t].x = v->x0 + ax / v->px_per_unit;
        tags[t].y = v->y0 + (chosen.y0 + chosen.y1) / 2 / v->px_per_unit;
    }
    free(placed);
    return 0;
}
