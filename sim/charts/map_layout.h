/*
 * map_layout.h -- the geometry of the map chart, worked out before the
 * script is written: the projection (km east and north of the central
 * depot), the main view and the city inset, the points drawn with their
 * symbols, and where each township's name goes in each view.  The road
 * numbers (map_numbers.h) are placed on this layout after the names;
 * chart_map.c calls the two in turn, view by view, and writes the data and
 * the script from the result.
 */
#ifndef SUPPLYSIM_MAP_LAYOUT_H
#define SUPPLYSIM_MAP_LAYOUT_H

#include "charts/internal.h"

/* Where the parts sit on the 1600x900 canvas (screen fractions). */
#define MAP_LEFT 0.01
#define MAP_RIGHT 0.53          /* the main map; the legend and the inset to its right */
#define MAP_BOTTOM 0.02
#define MAP_TOP 0.84
#define KEY_ROWS 10             /* the legend in columns of this many entries */
#define NOTE_Y 0.585            /* a note under the legend, above the inset's title */
#define INSET_X0 0.56
#define INSET_X1 0.98
#define INSET_Y0 0.03
#define INSET_Y1 0.46
#define MAP_LABEL_FONT 14       /* points, for the towns' names */
#define MAP_NUMBER_FONT 12      /* points, for the road numbers */

/* The symbol of each kind of point: gnuplot point type, size, colour and
 * legend words.  "seat" is coloured by risk instead. */
struct map_mark { const char *kind; int pt; double ps; const char *colour; enum text words; };
extern const struct map_mark map_marks[];
extern const int n_map_marks;

struct extent { double x0, x1, y0, y1; };

/* What the scenario may do to a road, in the order drawn (worst on top). */
enum road_state { ROAD_OPEN, ROAD_SLOWED, ROAD_CLOSED_RARELY, ROAD_CLOSED, ROAD_STATES };

#define OFTEN 0.25    /* a road closed in at least this share of runs is drawn bright red */

/* Every road's enum road_state under the hazard (malloc'd, n_roads long;
 * NULL when out of memory), for chart_ctx.hazard.  O(roads + the damage
 * rules' roads). */
int *map_hazard_states(const struct definition *d);

/* The road's state as drawn: the caller's paint (chart_ctx.paint), else the
 * hazard's (chart_ctx.hazard, which must then be set); and how many states
 * there are. */
int map_road_state(const struct chart_ctx *c, int road);
int map_road_states(const struct chart_ctx *c);

enum map_view { VIEW_MAIN, VIEW_CITY, VIEWS };

struct map_point {
    double x, y;                /* km */
    const char *kind;           /* a map_marks kind */
    int risk;                   /* seats: chart_risk, 3 when no site; others 3 */
    double worst;               /* seats: the least share on time of its sites; 2 when none */
    const char *name;
    int named[VIEWS];           /* its name is shown in that view */
    double lx[VIEWS], ly[VIEWS];
    int align[VIEWS];           /* 1 left, -1 right, 0 centred */
};

/* A scale bar from (x0, y) to (x1, y), len km long, its words above it. */
struct scale_bar { double x0, x1, y, len; };

struct map_layout {
    struct extent view[VIEWS];
    struct scale_bar bar[VIEWS];      /* bottom right of each view */
    double north_x, north_y0, north_y1;   /* the north arrow, top left of the main view */
    int has_city;               /* the urban subdistricts are enlarged in an inset */
    double px_per_km[VIEWS];    /* each view's scale on the canvas (0: no inset) */
    struct map_point *pts;      /* villages, seats, facilities, then road numbers ("road") */
    int n;
    int aligns[VIEWS][3];       /* names of each alignment (align + 1) in each view */
    int n_seats[VIEWS];         /* seats to be named in each view ... */
    int n_unnamed[VIEWS];       /* ... and of them, left unnamed: they would overprint */
    char **words;               /* names the layout made (short names, road numbers) */
    int n_words;
    struct label_rect *fixed[VIEWS];  /* the names' then the road numbers' boxes (km) */
    int n_fixed[VIEWS];
};

/* A copy of s[0..len) owned by m (freed with it); NULL when out of memory. */
const char *map_keep(struct map_layout *m, const char *s, size_t len);

/* How far (km) above view v's scale bar its words are written. */
double map_bar_words_dy(const struct map_layout *m, int v);

/* The radius in pixels of a kind of point's symbol (0 for "road"). */
double map_mark_radius(const char *kind);

/* km east and north of the central depot (or the nodes' mean). */
void map_project(const struct definition *d, double lon, double lat, double *x, double *y);

/* The points, the views with their scale bars and north arrow, and which
 * view names each seat; no name placed yet (map_name_view).  0, or -1 when
 * out of memory (m then holds nothing). */
int map_layout(const struct chart_ctx *c, struct map_layout *m);

/* Places the names of the seats view v names, those with a site first, and
 * adds their boxes to m->fixed[v]; 0, or -1 when out of memory. */
int map_name_view(const struct chart_ctx *c, struct map_layout *m, int v);
void map_layout_free(struct map_layout *m);

#endif
