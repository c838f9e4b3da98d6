#!/bin/sh
# e2e_import.sh -- real road networks from GIS files, end to end:
#   - import-network on a small OpenStreetMap file written here writes a
#     network folder with SOURCE.txt (the ODbL note); a configuration naming
#     it puts its seats and stores given by lon, lat on the nearest node, and
#     --check lists every one with its distance (checked against a haversine
#     in awk), warning beyond assumptions.snap_warn_km; a seat beyond
#     snap_max_km is exit 2;
#   - --export-network of that configuration writes the folder back unchanged
#     (nodes.csv byte for byte; roads.csv but for the minutes, which the
#     import leaves empty and the export fills at the class speeds), and again
#     from the exported folder every file is the same; network.gpkg holds
#     roads, nodes, facilities (with stock per item, the main fleet and a
#     second one, extra_truck, beside it or alone), townships;
#   - a flood on it writes results.gpkg (ogrinfo opens it): sites with their
#     probability on time and interval as sites.csv has them, roads with the
#     chance the hazard closes, slows, damages them and what does it (G311:
#     closed by water with 0.3, slowed by snow with 0.2, so damaged with
#     1 - 0.7 x 0.8 = 0.44, by hand; a rule naming no cause gives none); the
#     same bytes with -j 1 and -j 2; a lever's protect and disaster.protect
#     name a last mile by the id of a seat put on the network (results.gpkg:
#     that road protected); the roads study writes its own
#     results.gpkg with what protecting each road is worth, its first row the
#     first of roads.csv;
#   - bad input exits 2 with a message and writes nothing: a missing file, a
#     file of no GIS format, no line layer, class values without a class
#     (listed, then mapped with --class-map), a bad --class-map row, nothing
#     inside --bbox, a --clip file without polygons, a folder that is not a
#     network folder; in Chinese too.
E2E=import
. "$(dirname "$0")/common.sh"

command -v ogrinfo >/dev/null 2>&1 || fail "ogrinfo not found (gdal-bin: scripts/install-deps)"
here=$(pwd)
SIM="$here/$SUPPLYSIM"
cd "$tmp"

cat >roads.osm <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="e2e_import">
 <node id="1" lat="33.9000000" lon="116.4000000"/>
 <node id="2" lat="33.9000000" lon="116.4200000"/>
 <node id="3" lat="33.9000000" lon="116.4400000"/>
 <node id="4" lat="33.9200000" lon="116.4000000"/>
 <node id="5" lat="33.9200000" lon="116.4200000"/>
 <node id="6" lat="33.9200000" lon="116.4400000"/>
 <node id="7" lat="33.9400000" lon="116.4000000"/>
 <node id="8" lat="33.9400000" lon="116.4200000"/>
 <node id="9" lat="33.9400000" lon="116.4400000"/>
 <node id="10" lat="33.9100000" lon="116.4310000"/>
 <node id="11" lat="33.9500000" lon="116.4500000"/>
 <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="trunk"/><tag k="ref" v="G311"/><tag k="maxspeed" v="60"/></way>
 <way id="101"><nd ref="4"/><nd ref="5"/><nd ref="6"/><tag k="highway" v="tertiary"/><tag k="ref" v="X001"/></way>
 <way id="102"><nd ref="7"/><nd ref="8"/><nd ref="9"/><tag k="highway" v="residential"/><tag k="name" v="Main"/></way>
 <way id="103"><nd ref="1"/><nd ref="4"/><nd ref="7"/><tag k="highway" v="secondary"/><tag k="ref" v="S201"/></way>
 <way id="104"><nd ref="2"/><nd ref="5"/><nd ref="8"/><tag k="highway" v="unclassified"/></way>
 <way id="105"><nd ref="3"/><nd ref="10"/><nd ref="6"/><nd ref="9"/><tag k="highway" v="track"/><tag k="oneway" v="yes"/></way>
 <way id="106"><nd ref="9"/><nd ref="11"/><tag k="highway" v="footway"/></way>
</osm>
EOF

say "import-network writes nodes.csv, roads.csv and SOURCE.txt with the ODbL note"
rc=0
"$SIM" import-network -o net roads.osm >import.out 2>import.err || rc=$?
[ "$rc" -eq 0 ] || fail "import: exit $rc: $(cat import.err)"
[ "$(ls net | tr '\n' ' ')" = "SOURCE.txt nodes.csv roads.csv " ] || fail "net holds: $(ls net)"
[ "$(wc -l <net/nodes.csv)" -eq 10 ] || fail "expected 9 nodes: $(cat net/nodes.csv)"
[ "$(wc -l <net/roads.csv)" -eq 13 ] || fail "expected 12 roads: $(cat net/roads.csv)"
grep -q '^p1164400000_339000000,p1164400000_339200000,.*,village,,$' net/roads.csv ||
    fail "the track through point 10 is not one village road: $(cat net/roads.csv)"
grep -q 'Open Database License (ODbL)' net/SOURCE.txt || fail "SOURCE.txt: no ODbL note"
grep -q 'supplysim import-network -o net roads.osm' net/SOURCE.txt || fail "SOURCE.txt: no command"
grep -q '9 nodes, 12 roads' import.out || fail "summary: $(cat import.out)"
grep -q 'one-way streets taken as two-way.*: 1 ' import.out || fail "summary: no one-way count: $(cat import.out)"

cat >sys.cfg <<'EOF'
name = "osmtiny";
network = "net";
assumptions = { detour_factor = 1.3; stack_height_m = 3.0; usable_share = 0.5; floor_load_t_m2 = 1.0;
                day_start_h = 7.0; night_start_h = 19.0; };
road_classes = {
  expressway = { speed_kmh = 80.0; cv = 0.0; }; national = { speed_kmh = 60.0; cv = 0.0; };
  provincial = { speed_kmh = 50.0; cv = 0.0; }; county = { speed_kmh = 40.0; cv = 0.0; };
  village = { speed_kmh = 25.0; cv = 0.0; };
};
items = ( { id = "quilt"; name = "Quilt"; unit = "piece"; weight_kg = 2.0; volume_m3 = 0.05; },
          { id = "water"; name = "Water"; unit = "case"; weight_kg = 10.0; volume_m3 = 0.02; } );
truck_types = ( { id = "medium"; capacity_t = 8.0; capacity_m3 = 40.0; },
                { id = "boat"; capacity_t = 1.0; capacity_m3 = 5.0; passes = { water = 0.5; }; } );
townships = (
  { id = "west"; name = "West"; name_zh = "西镇"; kind = "town"; lon = 116.4003; lat = 33.9198; population = 1000.0; },
  { id = "mid";  name = "Mid";  name_zh = "中镇"; kind = "town"; lon = 116.4210; lat = 33.9205; population = 2000.0; },
  { id = "east"; name = "East"; name_zh = "东镇"; kind = "town"; node = "p1164400000_339400000"; population = 3000.0; }
);
nodes = ( { id = "depot"; kind = "facility"; name = "Depot"; lon = 116.4199; lat = 33.9003; } );
facility_kinds = {
  central  = { bays = 2; load_setup_min = 10.0; load_min_per_t = 5.0; mobilise_day_min = 20.0;
               mobilise_night_min = 40.0; activation_min = 0.0; };
  township = { bays = 1; load_setup_min = 5.0; load_min_per_t = 5.0; mobilise_day_min = 30.0;
               mobilise_night_min = 60.0; activation_min = 0.0; };
};
facilities = (
  { id = "central"; kind = "central"; name = "Central depot"; node = "depot"; floor_m2 = 100.0;
    stock = { quilt = 1000.0; water = 500.0; }; },
  { id = "pt_west"; kind = "township"; name = "West point"; township = "west"; lon = 116.4080; lat = 33.9190;
    floor_m2 = 50.0; stock = { quilt = 100.0; }; }
);
fleet = ( { id = "central"; truck = "medium"; trucks = 2; }, { id = "pt_west"; truck = "medium"; trucks = 1; } );
EOF

# km LON1 LAT1 LON2 LAT2: great-circle km (haversine, R = 6371), two decimals
km() {
    awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { r = atan2(0, -1) / 180
        s = sin((d - b) * r / 2) ^ 2 + cos(b * r) * cos(d * r) * sin((c - a) * r / 2) ^ 2
        printf "%.2f", 2 * 6371 * atan2(sqrt(s), sqrt(1 - s)) }'
}

say "--check lists every place put on the network with its distance, warning beyond 0.5 km"
rc=0
"$SIM" --check sys.cfg >check.out 2>check.err || rc=$?
[ "$rc" -eq 0 ] || fail "--check: exit $rc: $(cat check.err)"
grep -q "Put on the network's nearest node (4 places; farther than 0.5 km marked)" check.out ||
    fail "no list of snaps: $(cat check.out)"
for row in "West (seat) p1164000000_339200000 $(km 116.4003 33.9198 116.4 33.92)" \
           "Mid (seat) p1164200000_339200000 $(km 116.4210 33.9205 116.42 33.92)" \
           "depot p1164200000_339000000 $(km 116.4199 33.9003 116.42 33.90)" \
           "West point (store) p1164000000_339200000 $(km 116.4080 33.9190 116.40 33.92)"; do
    tr -s ' ' <check.out | grep -q "^ $row" || fail "--check: no row \"$row\": $(cat check.out)"
done
grep -q "warning: West point (store) put on node p1164000000_339200000, $(km 116.4080 33.9190 116.40 33.92) km away" check.err ||
    fail "no warning for the store 0.75 km away: $(cat check.err)"
[ "$(grep -c warning check.err)" -eq 1 ] || fail "expected one warning: $(cat check.err)"

say "a seat farther than snap_max_km from any road: exit 2 naming the file, line and setting"
sed 's/lon = 116.4003; lat = 33.9198/lon = 116.60; lat = 33.9198/' sys.cfg >far.cfg
rc=0
"$SIM" --check far.cfg >far.out 2>far.err || rc=$?
[ "$rc" -eq 2 ] || fail "far seat: exit $rc"
grep -q "^far.cfg:[0-9]*: townships.west.lon: stands $(km 116.60 33.9198 116.44 33.92) km from the nearest node of the network (p1164400000_339200000 at 116.44000, 33.92000); expected at most 5 km" far.err ||
    fail "far seat: $(cat far.err)"

say "--export-network of the configuration writes the folder back unchanged, and network.gpkg"
rc=0
"$SIM" --export-network exp sys.cfg >/dev/null 2>exp.err || rc=$?
[ "$rc" -eq 0 ] || fail "--export-network: exit $rc: $(cat exp.err)"
cmp -s net/nodes.csv exp/nodes.csv || fail "nodes.csv changed: $(diff net/nodes.csv exp/nodes.csv)"
cut -d, -f1-4,6 net/roads.csv >a.csv
cut -d, -f1-4,6 exp/roads.csv >b.csv
cmp -s a.csv b.csv || fail "roads.csv changed: $(diff a.csv b.csv)"
sed 's|^network = "net";|network = "exp";|' sys.cfg >sys2.cfg
"$SIM" --export-network exp2 sys2.cfg >/dev/null 2>exp2.err || fail "export of the export: $(cat exp2.err)"
for f in nodes.csv roads.csv network.geojson network.gpkg; do
    cmp -s "exp/$f" "exp2/$f" || fail "exported again from the exported folder, $f differs"
done
ogrinfo -q exp/network.gpkg >layers.out 2>&1 || fail "ogrinfo cannot open network.gpkg: $(cat layers.out)"
for l in "roads (Line String)" "nodes (Point)" "facilities (Point)" "townships (Point)" "sites (Point)"; do
    grep -q ": $l" layers.out || fail "network.gpkg: no layer $l: $(cat layers.out)"
done
ogrinfo -q exp/network.gpkg facilities -where "id = 'pt_west'" >fac.out 2>&1
for field in "kind (String) = township" "floor_m2 (Real) = 50" "stock_quilt (Real) = 100" \
             "stock_water (Real) = 0" "trucks (Integer64) = 1" "node (String) = p1164000000_339200000"; do
    grep -q "$field" fac.out || fail "network.gpkg facilities: no \"$field\": $(cat fac.out)"
done
# a second fleet (extra_truck, extra_trucks) beside the main one, and alone
"$SIM" --export-network exp3 -D 'facility_kinds.township.extra_truck="boat"' \
    -D facility_kinds.township.extra_trucks=2 sys.cfg >/dev/null 2>exp3.err || fail "export: $(cat exp3.err)"
ogrinfo -q exp3/network.gpkg facilities -where "id = 'pt_west'" >fac3.out 2>&1
for field in "trucks (Integer64) = 1" "truck_type (String) = medium" "extra_trucks (Integer64) = 2" \
             "extra_truck_type (String) = boat"; do
    grep -q "$field\$" fac3.out || fail "network.gpkg facilities with a second fleet: no \"$field\": $(cat fac3.out)"
done
"$SIM" --export-network exp4 -D 'facility_kinds.township.extra_truck="boat"' \
    -D facility_kinds.township.extra_trucks=2 -D fleet.pt_west.trucks=0 sys.cfg >/dev/null 2>exp4.err ||
    fail "export: $(cat exp4.err)"
ogrinfo -q exp4/network.gpkg facilities -where "id = 'pt_west'" >fac4.out 2>&1
for field in "trucks (Integer64) = 0" " truck_type (String) = (null)" "extra_trucks (Integer64) = 2" \
             "extra_truck_type (String) = boat"; do
    grep -q "$field\$" fac4.out || fail "network.gpkg facilities, a second fleet alone: no \"$field\": $(cat fac4.out)"
done

cat >flood.cfg <<'EOF'
base = "sys.cfg";
name = "osmflood";
run = { replications = 60; seed = 3; onset_hour = 1.0; horizon_h = 72.0; };
disaster = {
  kit = { quilt = 1.0; water = 0.5; };
  sites = (
    { township = "west"; village_km = 2.0; occur_min = [0.0, 60.0]; report_min = [15.0, 45.0]; displaced_share = [0.01, 0.02]; },
    { township = "east"; village_km = 3.0; occur_min = [0.0, 60.0]; report_min = [15.0, 45.0]; displaced_share = [0.01, 0.02]; }
  );
  road_damage = (
    { road = "last mile"; probability = 0.5; factor = 0.15; from_min = [20.0, 120.0]; duration_min = [360.0, 1440.0]; },
    { road = "G311"; probability = 0.3; from_min = [0.0, 60.0]; duration_min = [600.0, 1200.0]; cause = "water"; },
    { road = "G311"; probability = 0.2; factor = 0.5; cause = "snow"; },
    { class = "village"; area = [116.43, 33.93, 2.0]; probability = 0.2; }
  );
};
EOF

say "a flood on the imported roads writes results.gpkg: sites as sites.csv has them, damaged roads"
rc=0
"$SIM" -q --no-plot -j 2 -o run2 flood.cfg >/dev/null 2>run.err || rc=$?
[ "$rc" -eq 0 ] || fail "flood: exit $rc: $(cat run.err)"
"$SIM" -q --no-plot -j 1 -o run1 flood.cfg >/dev/null 2>&1 || fail "flood -j 1 failed"
cmp -s run1/results.gpkg run2/results.gpkg || fail "results.gpkg differs between -j 1 and -j 2"
ogrinfo -q run2/results.gpkg >rl.out 2>&1 || fail "ogrinfo cannot open results.gpkg: $(cat rl.out)"
grep -q ": sites (Point)" rl.out && grep -q ": roads (Line String)" rl.out || fail "results.gpkg layers: $(cat rl.out)"
ogrinfo -q run2/results.gpkg sites -where "site = 'site_west'" >site.out 2>&1
want=$(awk -F, '$1 == "site_west" { printf "%s %s %s", $5, $6, $7 }' run2/sites.csv)
got=$(awk '/p_on_time \(Real\)/ { p = $4 } /p_on_time_lo/ { lo = $4 } /p_on_time_hi/ { hi = $4 }
           END { print p, lo, hi }' site.out)
awk -v w="$want" -v g="$got" 'BEGIN { split(w, a, " "); split(g, b, " ")
    for (i = 1; i <= 3; i++) if (a[i] == "" || b[i] == "" || (a[i] - b[i]) ^ 2 > 1e-10) exit 1 }' ||
    fail "site_west in results.gpkg ($got) is not sites.csv's ($want)"
for field in "township (String) = west" "main_cause (String)" "mean_response_min (Real)"; do
    grep -q "$field" site.out || fail "results.gpkg sites: no \"$field\": $(cat site.out)"
done
ogrinfo -q run2/results.gpkg roads -where "name = 'G311'" >g311.out 2>&1
# closed by water with 0.3, slowed by snow with 0.2, independently: damaged with
# 1 - (1 - 0.3)(1 - 0.2) = 0.44, the causes in the order the rules name them
[ "$(grep -c 'p_closed (Real) = 0.3$' g311.out)" -eq 2 ] || fail "the G311 roads are not closed in 30% of runs: $(cat g311.out)"
[ "$(grep -c 'p_slowed (Real) = 0.2$' g311.out)" -eq 2 ] || fail "the G311 roads are not slowed in 20% of runs: $(cat g311.out)"
[ "$(grep -c 'p_damaged (Real) = 0.44$' g311.out)" -eq 2 ] || fail "the G311 roads are not damaged in 44% of runs: $(cat g311.out)"
[ "$(grep -c 'cause (String) = water,snow$' g311.out)" -eq 2 ] || fail "the G311 roads' causes are not water,snow: $(cat g311.out)"
ogrinfo -q run2/results.gpkg roads -where "name = 'last mile'" >lm.out 2>&1
[ "$(grep -c OGRFeature lm.out)" -eq 2 ] && [ "$(grep -c 'cause (String) = (null)$' lm.out)" -eq 2 ] ||
    fail "the two last miles (their rule names no cause) are not there without a cause: $(cat lm.out)"
ogrinfo -q run2/results.gpkg roads -where "name = 'X001'" >x001.out 2>&1
grep -q "OGRFeature" x001.out && fail "a road the hazard never touches is in results.gpkg: $(cat x001.out)"

say "a lever's protect names a last mile by the seat's own id, though the seat was put on the network"
cat >lever.cfg <<'EOF'
base = "flood.cfg";
name = "osmlever";
scenario_levers = (
  { id = "raise_west"; name = "Raise West's last mile"; protect = [ "west-site_west" ];
    cost_yuan = 1000.0; cost_per = "year"; why = "test"; }
);
EOF
rc=0
"$SIM" --check lever.cfg >/dev/null 2>lever.err || rc=$?
[ "$rc" -eq 0 ] || fail "a lever protecting west-site_west: exit $rc: $(cat lever.err)"
# what improve's plan with the lever sets (plans/raise_west.cfg): west's seat stands on
# p1164000000_339200000 (the --check above), so its last mile is that road, protected: the
# hazard never touches it; without the lever the last-mile rule slows it in half the runs
"$SIM" -q --no-plot -n 10 -o raised -D 'disaster.protect=["west-site_west"]' lever.cfg \
    >/dev/null 2>raised.err || fail "the flood with west's last mile protected: $(cat raised.err)"
ogrinfo -q raised/results.gpkg roads -where "road = 'p1164000000_339200000-site_west'" >raised.out 2>&1
grep -q "protected (Integer64) = 1$" raised.out && grep -q "p_damaged (Real) = 0$" raised.out ||
    fail "the lever's road is not west's protected last mile: $(cat raised.out)"
ogrinfo -q run2/results.gpkg roads -where "road = 'p1164000000_339200000-site_west'" >unraised.out 2>&1
grep -q "protected (Integer64) = 0$" unraised.out && grep -q "p_slowed (Real) = 0.5$" unraised.out ||
    fail "west's last mile without the lever: $(cat unraised.out)"

say "the roads study writes results.gpkg with what protecting each road is worth"
rc=0
"$SIM" roads -q --no-plot -n 100 -o study flood.cfg >/dev/null 2>study.err || rc=$?
[ "$rc" -eq 0 ] || fail "roads study: exit $rc: $(cat study.err)"
ogrinfo -q study/results.gpkg roads -where "rank = 1" >r1.out 2>&1 || fail "ogrinfo: $(cat r1.out)"
first=$(awk -F, 'NR == 2 { print $1 }' study/roads.csv)
grep -q "road (String) = $first\$" r1.out || fail "rank 1 in results.gpkg is not roads.csv's first ($first): $(cat r1.out)"
for field in protect_diff protect_diff_lo protect_diff_hi close_diff touched_share runs; do
    grep -q "$field (" r1.out || fail "roads study results.gpkg: no field $field"
done

# bad NAME: the last import-network exited 2, with an error and nothing written
bad() {
    [ "$rc" -eq 2 ] || fail "$1: expected exit status 2, got $rc: $(cat bad.err)"
    grep -q "$2" bad.err || fail "$1: expected \"$2\" in: $(cat bad.err)"
    [ ! -e badnet ] || fail "$1: badnet was written"
    ls -a | grep -q '^\.badnet\.' && fail "$1: a stage was left behind"
    return 0
}
imp() { rc=0; "$SIM" import-network -q -o badnet "$@" >bad.out 2>bad.err || rc=$?; }

say "bad input: exit 2, a message naming the file, nothing written"
imp nothere.osm
bad "missing file" "nothere.osm: cannot be opened: no such file"
echo "just words" >junk.dat
imp junk.dat
bad "unreadable format" "junk.dat: expected a GIS file GDAL reads"
cat >points.geojson <<'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"class": "county"}, "geometry": {"type": "Point", "coordinates": [116.4, 33.9]}}]}
EOF
imp points.geojson
bad "no line layer" "points.geojson: expected a layer of lines (the roads), found none"
cat >classes.geojson <<'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"class": "county", "name": "X1"}, "geometry": {"type": "LineString", "coordinates": [[116.40, 33.90], [116.41, 33.90]]}},
 {"type": "Feature", "properties": {"class": "motorway", "name": "G30"}, "geometry": {"type": "LineString", "coordinates": [[116.41, 33.90], [116.42, 33.90]]}},
 {"type": "Feature", "properties": {"class": "dirt", "name": ""}, "geometry": {"type": "LineString", "coordinates": [[116.42, 33.90], [116.42, 33.91]]}},
 {"type": "Feature", "properties": {"class": "dirt", "name": ""}, "geometry": {"type": "LineString", "coordinates": [[116.42, 33.91], [116.43, 33.91]]}}]}
EOF
imp classes.geojson
bad "unknown classes" 'field class: expected values with a road class, found 2 without one: "dirt" (2 lines, [0-9.]* km), "motorway" (1 lines, [0-9.]* km); give each a class with --class-map'
printf 'value,class\nmotorway,expressway\ndirt,drop\n' >map.csv
rc=0
"$SIM" import-network -q -o mapped --class-map map.csv classes.geojson 2>map.err || rc=$?
[ "$rc" -eq 0 ] || fail "--class-map: exit $rc: $(cat map.err)"
grep -q ',expressway,,G30$' mapped/roads.csv || fail "--class-map: motorway is not an expressway: $(cat mapped/roads.csv)"
[ "$(wc -l <mapped/roads.csv)" -eq 3 ] || fail "--class-map: dirt roads not dropped: $(cat mapped/roads.csv)"
grep -q 'Licence: that of the source data' mapped/SOURCE.txt || fail "SOURCE.txt of non-OSM data: $(cat mapped/SOURCE.txt)"
printf 'value,class\nmotorway,freeway\n' >badmap.csv
imp --class-map badmap.csv classes.geojson
bad "bad class map" 'badmap.csv:2: class: expected one of expressway, national, provincial, county, village, drop, found "freeway"'
imp --bbox 117.0,34.5,117.1,34.6 roads.osm
bad "nothing inside the box" "roads.osm: layer lines: expected roads inside the area (--bbox, --clip), found none of its 7 features, which span longitude 116.4000 to 116.4500"
imp --clip points.geojson roads.osm
bad "a clip file without polygons" "clip points.geojson: expected polygons"
imp --bbox 116.4,34 roads.osm
bad "a malformed box" '\-\-bbox: expected LON0,LAT0,LON1,LAT1'
mkdir badnet && echo keep >badnet/notes.txt
rc=0
"$SIM" import-network -q -o badnet roads.osm >bad.out 2>bad.err || rc=$?
[ "$rc" -eq 2 ] && grep -q "badnet: expected a new or empty folder or a network folder" bad.err ||
    fail "a folder of other files was not refused: $rc $(cat bad.err)"
[ "$(cat badnet/notes.txt)" = keep ] || fail "the folder of other files was touched"
rm -r badnet
imp --lang zh nothere.osm
bad "in Chinese" "nothere.osm：无法打开"

say "a layer in another coordinate system (UTM 50N) imports to the same network"
ogr2ogr -q -f GPKG -t_srs EPSG:32650 utm.gpkg roads.osm lines || fail "ogr2ogr to UTM failed"
"$SIM" import-network -q -o netutm utm.gpkg 2>utm.err || fail "import of the UTM layer: $(cat utm.err)"
cmp -s net/nodes.csv netutm/nodes.csv || fail "UTM: other nodes: $(diff net/nodes.csv netutm/nodes.csv | head)"
awk -F, 'NR == FNR { km[FNR] = $3; next } FNR > 1 && (($3 - km[FNR]) / km[FNR]) ^ 2 > 1e-18 { bad = 1 }
         END { exit bad }' net/roads.csv netutm/roads.csv || fail "UTM: other km"

say "--speed-field gives the minutes column: km at the line's own speed (G311: maxspeed 60)"
"$SIM" import-network -q -o netspeed --speed-field maxspeed roads.osm 2>speed.err || fail "--speed-field: $(cat speed.err)"
awk -F, 'NR > 1 && $6 == "G311" { n++; if (($5 - $3 / 60 * 60) ^ 2 > 1e-20) bad = 1 }
         NR > 1 && $6 != "G311" && $5 != "" { bad = 1 } END { exit bad || n != 2 }' netspeed/roads.csv ||
    fail "--speed-field: $(cat netspeed/roads.csv)"

say "--snap joins points a few centimetres apart that are not the same point"
cat >gap.geojson <<'EOF2'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"class": "county"}, "geometry": {"type": "LineString", "coordinates": [[116.40, 33.90], [116.41, 33.90]]}},
 {"type": "Feature", "properties": {"class": "county"}, "geometry": {"type": "LineString", "coordinates": [[116.410002, 33.90], [116.42, 33.90]]}}]}
EOF2
"$SIM" import-network -q -o gap0 gap.geojson 2>/dev/null || fail "gap without --snap failed"
[ "$(wc -l <gap0/roads.csv)" -eq 2 ] || fail "without --snap, the two lines 0.2 m apart joined: $(cat gap0/roads.csv)"
grep -q "1 pieces not joined to the largest were dropped" gap0/SOURCE.txt || fail "the lone piece is not reported: $(cat gap0/SOURCE.txt)"
"$SIM" import-network -q -o gap1 --snap 1 gap.geojson 2>/dev/null || fail "gap with --snap 1 failed"
[ "$(wc -l <gap1/roads.csv)" -eq 2 ] && grep -q "0 pieces not joined" gap1/SOURCE.txt ||
    fail "with --snap 1, the lines 0.2 m apart are not one road: $(cat gap1/roads.csv)"
awk -F, 'NR == 2 { exit !($3 > 1.8 && $3 < 1.9) }' gap1/roads.csv ||
    fail "with --snap 1, the road is not both lines long (1.85 km): $(cat gap1/roads.csv)"

say "--clip keeps what lies in a polygon"
cat >west.geojson <<'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[116.39, 33.89], [116.43, 33.89], [116.43, 33.95], [116.39, 33.95], [116.39, 33.89]]]}}]}
EOF
"$SIM" import-network -q -o clipped --clip west.geojson roads.osm 2>clip.err || fail "--clip: $(cat clip.err)"
[ "$(wc -l <clipped/nodes.csv)" -eq 7 ] || fail "--clip: expected the 6 western nodes: $(cat clipped/nodes.csv)"
if grep -q '^p11644' clipped/nodes.csv; then fail "--clip kept an eastern node: $(cat clipped/nodes.csv)"; fi

echo "e2e_import: all checks passed"
