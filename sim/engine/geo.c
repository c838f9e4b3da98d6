/*
 * geo.c -- great-circle distances between WGS-84 points (see geo.h).
 */
#include <math.h>
#include "engine/geo.h"

double geo_km(double lon1, double lat1, double lon2, double lat2)
{
    const double rad = M_PI / 180.0, R = 6371.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2)
             + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2.0 * R * atan2(sqrt(a), sqrt(1.0 - a));
}
