/*
 * class_map.c -- road classes of a GIS layer's values (class_map.h).
 *
 * The OpenStreetMap table follows the wiki's highway key: motorways are
 * expressways; trunk and primary roads national; secondary provincial;
 * tertiary county; unclassified, residential, living streets, service
 * roads, tracks and roads of unknown type village roads; footways, paths,
 * cycleways, steps and the like, and roads proposed, under construction or
 * abandoned, dropped.  Any other value is listed as unknown, never guessed.
 * A --class-map file is read by GDAL's CSV driver (quotes, UTF-8), so no
 * CSV parser is written here.
 */
#include <stdlib.h>
#include <string.h>
#include <gdal.h>
#include <ogr_api.h>
#include "cmd/class_map.h"
#include "config/definition.h"
#include "engine/grow.h"
#include "results/gpkg.h"

static const struct { const char *value; int cls; } osm_table[] = {
    { "motorway", ROAD_EXPRESSWAY }, { "motorway_link", ROAD_EXPRESSWAY },
    { "trunk", ROAD_NATIONAL }, { "trunk_link", ROAD_NATIONAL },
    { "primary", ROAD_NATIONAL }, { "primary_link", ROAD_NATIONAL },
    { "secondary", ROAD_PROVINCIAL }, { "secondary_link", ROAD_PROVINCIAL },
    { "tertiary", ROAD_COUNTY }, { "tertiary_link", ROAD_COUNTY },
    { "unclassified", ROAD_VILLAGE }, { "residential", ROAD_VILLAGE },
    { "living_street", ROAD_VILLAGE }, { "service", ROAD_VILLAGE }, { "track", ROAD_VILLAGE },
    { "road", ROAD_VILLAGE },
    { "footway", CLASS_DROP }, { "path", CLASS_DROP }, { "cycleway", CLASS_DROP },
    { "steps", CLASS_DROP }, { "pedestrian", CLASS_DROP }, { "bridleway", CLASS_DROP },
    { "corridor", CLASS_DROP }, { "elevator", CLASS_DROP }, { "platform", CLASS_DROP },
    { "bus_stop", CLASS_DROP }, { "busway", CLASS_DROP }, { "bus_guideway", CLASS_DROP },
    { "raceway", CLASS_DROP }, { "escape", CLASS_DROP }, { "emergency_bay", CLASS_DROP },
    { "via_ferrata", CLASS_DROP }, { "proposed", CLASS_DROP }, { "construction", CLASS_DROP },
    { "planned", CLASS_DROP }, { "abandoned", CLASS_DROP }, { "disused", CLASS_DROP },
    { "razed", CLASS_DROP }, { "rest_area", CLASS_DROP }, { "services", CLASS_DROP },
};

static const struct { const char *value; int cls; } plain_table[] = {
    { "expressway", ROAD_EXPRESSWAY }, { "national", ROAD_NATIONAL },
    { "provincial", ROAD_PROVINCIAL }, { "county", ROAD_COUNTY }, { "village", ROAD_VILLAGE },
    { "高速公路", ROAD_EXPRESSWAY }, { "国道", ROAD_NATIONAL }, { "省道", ROAD_PROVINCIAL },
    { "县道", ROAD_COUNTY }, { "乡道", ROAD_VILLAGE }, { "村道", ROAD_VILLAGE },
};

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static int set_row(struct class_map *m, const char *value, int cls)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->rows[i].value, value)) {
            m->rows[i].cls = cls;
            return 0;
        }
    if (grow_array(&m->rows, &m->cap, m->n + 1, sizeof *m->rows) < 0)
        return -1;
    char *v = strdup(value);
    if (!v)
        return -1;
    m->rows[m->n++] = (struct class_row){ v, cls, 0, 0 };
    return 0;
}

int class_map_init(struct class_map *m, int osm)
{
    memset(m, 0, sizeof *m);
    m->osm = osm;
    for (int i = 0; osm && i < COUNT(osm_table); i++)
        if (set_row(m, osm_table[i].value, osm_table[i].cls) < 0)
            return -1;
    for (int i = 0; !osm && i < COUNT(plain_table); i++)
        if (set_row(m, plain_table[i].value, plain_table[i].cls) < 0)
            return -1;
    return 0;
}

static int class_named(const char *s)
{
    if (!strcmp(s, "drop"))
        return CLASS_DROP;
    for (int c = 0; c < ROAD_CLASSES; c++)
        if (!strcmp(s, road_class_name((enum road_class)c)))
            return c;
    return -3;
}

int class_map_read(struct class_map *m, const char *path, enum lang l, char *err, size_t errlen)
{
    static const char *const csv[] = { "CSV", NULL };
    gis_init();
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, csv, NULL, NULL);
    OGRLayerH lyr = ds ? GDALDatasetGetLayer(ds, 0) : NULL;
    OGRFeatureDefnH fd = lyr ? OGR_L_GetLayerDefn(lyr) : NULL;
    int iv = fd ? OGR_FD_GetFieldIndex(fd, "value") : -1, ic = fd ? OGR_FD_GetFieldIndex(fd, "class") : -1;
    int rc = 0;
    if (!ds)
        snprintf(err, errlen, lang_text(l, T_GIS_MAP_UNREADABLE), path), rc = -1;
    else if (iv < 0 || ic < 0)
        snprintf(err, errlen, lang_text(l, T_GIS_MAP_COLUMNS), path), rc = -1;
    OGRFeatureH f;
    while (rc == 0 && (f = OGR_L_GetNextFeature(lyr))) {
        const char *v = OGR_F_GetFieldAsString(f, iv), *c = OGR_F_GetFieldAsString(f, ic);
        int cls = class_named(c);
        if (cls == -3)
            snprintf(err, errlen, lang_text(l, T_GIS_MAP_CLASS), path, (long)OGR_F_GetFID(f) + 1, c),
                rc = -1;
        else if (set_row(m, v, cls) < 0)
            snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY)), rc = -1;
        OGR_F_Destroy(f);
    }
    if (ds)
        GDALClose(ds);
    return rc;
}

struct class_row *class_map_row(struct class_map *m, const char *value)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->rows[i].value, value))
            return &m->rows[i];
    return NULL;
}

int class_map_tally(struct class_map *m, const char *value, int lines, double km)
{
    for (int i = 0; i < m->n_unknown; i++)
        if (!strcmp(m->unknown[i].value, value)) {
            m->unknown[i].count += lines;
            m->unknown[i].km += km;
            return 0;
        }
    if (grow_array(&m->unknown, &m->cap_unknown, m->n_unknown + 1, sizeof *m->unknown) < 0)
        return -1;
    char *v = strdup(value);
    if (!v)
        return -1;
    m->unknown[m->n_unknown++] = (struct class_row){ v, CLASS_DROP, lines, km };
    return 0;
}

static int most_lines(const void *a, const void *b)
{
    const struct class_row *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->value, y->value);
}

void class_map_unknown_list(struct class_map *m, enum lang l, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    qsort(m->unknown, (size_t)m->n_unknown, sizeof *m->unknown, most_lines);
    for (int i = 0; i < m->n_unknown && i < 12 && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, lang_text(l, T_GIS_UNKNOWN_VALUE), i ? ", " : "",
                              m->unknown[i].value, m->unknown[i].count, m->unknown[i].km);
    if (m->n_unknown > 12 && k < n)
        snprintf(buf + k, n - k, lang_text(l, T_GIS_UNKNOWN_MORE), m->n_unknown - 12);
}

void class_map_free(struct class_map *m)
{
    for (int i = 0; i < m->n; i++)
        free(m->rows[i].value);
    for (int i = 0; i < m->n_unknown; i++)
        free(m->unknown[i].value);
    free(m->rows);
    free(m->unknown);
    memset(m, 0, sizeof *m);
}
