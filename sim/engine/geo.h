/*
 * geo.h -- distances on the earth: what turns coordinates into road lengths,
 * site positions and map scales.  A sphere of radius 6371 km is close enough
 * for a county (the error is under 0.5%).
 */
#ifndef SUPPLYSIM_GEO_H
#define SUPPLYSIM_GEO_H

/* Great-circle distance in km between two WGS-84 points (haversine). */
double geo_km(double lon1, double lat1, double lon2, double lat2);

#endif
