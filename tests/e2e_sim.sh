#!/bin/sh
# e2e_sim.sh -- simulation runs end to end: the same seed gives the same bytes
# whatever -j; resolved.cfg reproduces a run; -D keeps common random numbers;
# --format csv and json; exit statuses (bad -D, --fail-on-breach, a system
# definition without disaster sites); and a scenario small enough to work out
# by hand (tests/data/hand.cfg) gives the hand response and fill in sites.csv.
# Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_sim.sh
set -eu

FLOOD=scenarios/flood.cfg
HAND=tests/data/hand.cfg
YONGCHENG=config/yongcheng.cfg

E2E=sim
. "$(dirname "$0")/common.sh"

has() {
    grep -qF -- "$2" "$1" || fail "$3: expected \"$2\" in $(basename "$1"), found: $(head -c 2000 "$1")"
}

# verdict FILE: the first word of the first line (PASS, FAIL or INCONCLUSIVE)
verdict() {
    head -n 1 "$1" | awk '$1 ~ /^(PASS|FAIL|INCONCLUSIVE):$/ { sub(/:$/, "", $1); print $1 }'
}

# column FILE NAME: the values of CSV column NAME (by header), one per line;
# the files checked here quote no field that holds a comma.
column() {
    awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i;
                                     if (!c) { print "no column " name > "/dev/stderr"; exit 1 }; next }
                          { print $c }' "$1"
}

# same_files DIR1 DIR2 WHAT: the same file names, every file byte-identical
same_files() {
    (cd "$1" && ls) >"$tmp/ls1"
    (cd "$2" && ls) >"$tmp/ls2"
    cmp -s "$tmp/ls1" "$tmp/ls2" || fail "$3: different files: $(tr '\n' ' ' <"$tmp/ls1") vs $(tr '\n' ' ' <"$tmp/ls2")"
    for f in $(cat "$tmp/ls1"); do
        cmp -s "$1/$f" "$2/$f" || fail "$3: $f differs: $(cmp "$1/$f" "$2/$f" 2>&1 | head -n 1)"
    done
}

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"
[ -r "$FLOOD" ] && [ -r "$HAND" ] || fail "no $FLOOD or $HAND (run from the repository root)"

# ---- the same seed, the same bytes ---------------------------------------------
# (A, B and C draw their charts, so the comparison covers them too; the other
# runs skip them to save time)

say "$FLOOD -n 60 with -j 1 and -j 2: exit 0, a verdict on the first line"
run a -n 60 -j 1 -o "$tmp/A" "$FLOOD"
expect_rc 0 "-j 1"
run b -n 60 -j 2 -o "$tmp/B" "$FLOOD"
expect_rc 0 "-j 2"
for n in a b; do
    v=$(verdict "$tmp/$n.out")
    [ -n "$v" ] || fail "expected the first line of stdout to start with PASS:, FAIL: or INCONCLUSIVE:, found: $(head -n 1 "$tmp/$n.out")"
done
flood_verdict=$(verdict "$tmp/a.out")
echo "   verdict: $(head -n 1 "$tmp/a.out")"

say "every output file is there and no temporary file is left"
for f in summary.txt summary.json sites.csv replications.csv shipments.csv resolved.cfg; do
    [ -s "$tmp/A/$f" ] || fail "expected $f in the output folder, found: $(ls "$tmp/A" | tr '\n' ' ')"
done
left=$(cd "$tmp/A" && ls | grep '\.tmp\.' || true)
[ -z "$left" ] || fail "temporary files left in the output folder: $left"
[ "$(column "$tmp/A/replications.csv" replication | wc -l)" -eq 60 ] || fail "expected 60 rows in replications.csv"

say "-j 1 and -j 2 give byte-identical files"
same_files "$tmp/A" "$tmp/B" "-j 1 vs -j 2"
cmp -s "$tmp/a.out" "$tmp/b.out" || fail "-j 1 vs -j 2: stdout differs"

say "running A/resolved.cfg reproduces A byte for byte"
run c -o "$tmp/C" "$tmp/A/resolved.cfg"
expect_rc 0 "resolved.cfg"
same_files "$tmp/A" "$tmp/C" "resolved.cfg rerun"
cmp -s "$tmp/a.out" "$tmp/c.out" || fail "resolved.cfg rerun: stdout differs"

# ---- common random numbers -----------------------------------------------------

say "-D fleet.central.trucks=2: the same demand in every replication, other results differ"
run d -n 60 -j 2 --no-plot -D fleet.central.trucks=2 -o "$tmp/D" "$FLOOD"
expect_rc 0 "-D fleet.central.trucks=2"
column "$tmp/A/replications.csv" demand_units >"$tmp/demand_a"
column "$tmp/D/replications.csv" demand_units >"$tmp/demand_d"
[ "$(wc -l <"$tmp/demand_a")" -eq 60 ] || fail "expected 60 demand_units values"
cmp -s "$tmp/demand_a" "$tmp/demand_d" ||
    fail "demand_units differs between the fleets (no common random numbers): $(diff "$tmp/demand_a" "$tmp/demand_d" | head -n 4)"
! cmp -s "$tmp/A/replications.csv" "$tmp/D/replications.csv" ||
    fail "2 trucks instead of 12 changed nothing in replications.csv (did -D apply?)"
n12a=$(grep -c 'trucks = 12;' "$tmp/A/resolved.cfg" || true)
n12d=$(grep -c 'trucks = 12;' "$tmp/D/resolved.cfg" || true)
[ "$n12a" -ge 1 ] && [ "$n12d" -eq $((n12a - 1)) ] ||
    fail "-D fleet.central.trucks=2: expected resolved.cfg to hold one \"trucks = 12;\" fewer ($n12a before, $n12d after)"

# ---- stdout formats ------------------------------------------------------------

say "--format csv: a header with the sweep columns and one data row as wide"
run csv -n 20 --no-plot --format csv -o "$tmp/E" "$FLOOD"
expect_rc 0 "--format csv"
[ "$(wc -l <"$tmp/csv.out")" -eq 2 ] || fail "--format csv: expected 2 lines, found: $(cat "$tmp/csv.out")"
header=$(head -n 1 "$tmp/csv.out")
for col in scenario runs seed promise_kept promise_kept_lo promise_kept_hi sites_on_time \
           sites_on_time_lo sites_on_time_hi response_p50 response_p95 response_max bay_wait_mean unmet_end; do
    echo "$header" | tr ',' '\n' | grep -qx "$col" || fail "--format csv: no column $col in: $header"
done
nh=$(head -n 1 "$tmp/csv.out" | awk -F, '{ print NF }')
nd=$(sed -n 2p "$tmp/csv.out" | awk -F, '{ print NF }')
[ "$nh" -eq "$nd" ] || fail "--format csv: $nh header fields, $nd data fields"
[ "$(column "$tmp/csv.out" runs)" = 20 ] || fail "--format csv: expected runs 20"
[ "$(column "$tmp/csv.out" scenario)" = flood ] || fail "--format csv: expected scenario flood"

say "--format json parses"
run json -n 20 --no-plot --format json -o "$tmp/F" "$FLOOD"
expect_rc 0 "--format json"
python3 -m json.tool "$tmp/json.out" >/dev/null 2>"$tmp/json.err2" ||
    fail "--format json: not valid JSON: $(cat "$tmp/json.err2")"
python3 -m json.tool "$tmp/F/summary.json" >/dev/null 2>"$tmp/json.err3" ||
    fail "summary.json: not valid JSON: $(cat "$tmp/json.err3")"

# ---- exit statuses -------------------------------------------------------------

say "a -D naming no setting exits 2 and names it"
run bad1 -n 5 -o "$tmp/G" -D fleet.central.no_such=3 "$FLOOD"
expect_rc 2 "-D fleet.central.no_such=3"
has "$tmp/bad1.err" "fleet.central.no_such" "-D fleet.central.no_such=3"
[ ! -e "$tmp/G" ] || fail "-D fleet.central.no_such=3: expected no output folder"

say "a -D of the wrong type exits 2 and names it"
run bad2 -n 5 -o "$tmp/G" -D fleet.central.trucks=many "$FLOOD"
expect_rc 2 "-D fleet.central.trucks=many"
has "$tmp/bad2.err" "fleet.central.trucks" "-D fleet.central.trucks=many"

say "--fail-on-breach on $FLOOD: exit 3 unless the verdict is PASS (it was $flood_verdict)"
run breach -n 60 -j 2 --no-plot --fail-on-breach -o "$tmp/H" "$FLOOD"
[ "$(verdict "$tmp/breach.out")" = "$flood_verdict" ] || fail "--fail-on-breach changed the verdict"
if [ "$flood_verdict" = PASS ]; then expect_rc 0 "--fail-on-breach, PASS"; else expect_rc 3 "--fail-on-breach, $flood_verdict"; fi

say "--fail-on-breach on $HAND (response 90 in every run, promise 120): PASS, exit 0"
run pass -n 100 --no-plot --fail-on-breach -o "$tmp/I" "$HAND"
expect_rc 0 "--fail-on-breach, PASS"
[ "$(verdict "$tmp/pass.out")" = PASS ] || fail "$HAND: expected PASS (100 of 100 kept, Wilson lower bound 0.963), found: $(head -n 1 "$tmp/pass.out")"

say "--fail-on-breach on $HAND with a 60-minute promise: FAIL, exit 3"
run breach2 -n 100 --no-plot --fail-on-breach -D run.promise_min=60.0 -o "$tmp/J" "$HAND"
expect_rc 3 "--fail-on-breach, FAIL"
[ "$(verdict "$tmp/breach2.out")" = FAIL ] || fail "expected FAIL with a 60-minute promise, found: $(head -n 1 "$tmp/breach2.out")"

say "$YONGCHENG (no disaster sites) without --check exits 2 naming disaster.sites"
run nosites -n 5 -o "$tmp/K" "$YONGCHENG"
expect_rc 2 "$YONGCHENG without --check"
has "$tmp/nosites.err" "disaster.sites" "$YONGCHENG without --check"
[ ! -e "$tmp/K" ] || fail "$YONGCHENG without --check: expected no output folder"

# ---- the hand scenario ---------------------------------------------------------

say "$HAND: sites.csv gives the hand response 90 and fill 196 (see the file's comment)"
sites="$tmp/I/sites.csv"
[ "$(column "$sites" mean_response_min)" = 90 ] ||
    fail "$HAND: expected mean_response_min 90, found $(column "$sites" mean_response_min)"
[ "$(column "$sites" p95_response_min)" = 90 ] ||
    fail "$HAND: expected p95_response_min 90, found $(column "$sites" p95_response_min)"
[ "$(column "$sites" mean_fill_min)" = 196 ] ||
    fail "$HAND: expected mean_fill_min 196, found $(column "$sites" mean_fill_min)"
[ "$(column "$sites" p_on_time)" = 1 ] || fail "$HAND: expected p_on_time 1"
[ "$(column "$sites" mean_people)" = 1000 ] || fail "$HAND: expected mean_people 1000"
# shipments.csv: the traced replications hold the two truckloads, loaded at 78
# and 184, arrived at 120 and 226, 1.6 t and 0.4 t
awk -F, 'NR > 1 && $1 == 0 { printf "%s %s %s %s\n", $7, $8, $9, $10 }' "$tmp/I/shipments.csv" >"$tmp/ships"
printf '78 120 1.6 40\n184 226 0.4 10\n' >"$tmp/ships_want"
cmp -s "$tmp/ships" "$tmp/ships_want" ||
    fail "$HAND: replication 0 in shipments.csv: expected
$(cat "$tmp/ships_want")
found
$(cat "$tmp/ships")"
[ "$(column "$tmp/I/replications.csv" demand_units | sort -u)" = 1000 ] || fail "$HAND: expected demand 1000 in every run"
[ "$(column "$tmp/I/replications.csv" unmet_units | sort -u)" = 0 ] || fail "$HAND: expected nothing unmet"

say "the dispatcher knows a truck is back (tests/data/truck_back.cfg): site B's response is 63"
run T -q --no-plot -n 2 -o "$tmp/T" tests/data/truck_back.cfg
[ "$rc" -eq 0 ] || fail "truck_back.cfg: exit $rc: $(cat "$tmp/T.err")"
b=$(awk -F, '$1 == "siteB" { print $9 }' "$tmp/T/sites.csv")
[ "$b" = 63 ] || fail "truck_back.cfg: site B mean response $b, expected 63 (hand: 410 + 11 + 42 - 400)"

say "a threshold counted from the dispatch order (hand.cfg: response 90, request 10 min after the disaster)"
# From the disaster the first relief takes 90 min in every run, from the request
# (the dispatch order) 80: within 85 min of the order in every run, of the
# disaster in none.
run O -q --no-plot -n 4 -o "$tmp/O" -D 'run.thresholds_min=[85.0,85.0]' \
    -D 'run.thresholds_from=["disaster","order"]' tests/data/hand.cfg
[ "$rc" -eq 0 ] || fail "thresholds_from: exit $rc: $(cat "$tmp/O.err")"
grep -qE '\{"minutes": 85, "all_sites_within": \{"est": 0, [^}]*\}, "from": "disaster"\}' "$tmp/O/summary.json" ||
    fail "85 min from the disaster: $(grep -o '"thresholds".*' "$tmp/O/summary.json" | head -c 300)"
grep -qE '\{"minutes": 85, "all_sites_within": \{"est": 1, [^}]*\}, "from": "order"\}' "$tmp/O/summary.json" ||
    fail "85 min from the order: $(grep -o '"thresholds".*' "$tmp/O/summary.json" | head -c 300)"
grep -q "85 min (1.4 h) from the dispatch order  *100.0%" "$tmp/O/summary.txt" ||
    fail "the text does not say the 85 min count from the dispatch order: $(grep '85 min' "$tmp/O/summary.txt")"

say "a site no store can reach (tests/data/island.cfg) is late as unreachable, not for stock"
run L -q --no-plot -o "$tmp/L" tests/data/island.cfg
[ "$rc" -eq 0 ] || fail "island.cfg: exit $rc: $(cat "$tmp/L.err")"
cause=$(awk -F, '$1 == "site_island" { print $13 }' "$tmp/L/sites.csv")
[ "$cause" = unreachable ] || fail "island.cfg: main cause $cause, expected unreachable"
# its minutes: the horizon (72 h) less the request at 10, in every late run
late=$(column "$tmp/L/sites.csv" late_unreachable_min)
[ "$late" = 4310 ] || fail "island.cfg: $late minutes unreachable, expected 4320 - 10 = 4310"
grep -q "^FAIL: " "$tmp/L.out" || fail "island.cfg: expected FAIL, got $(head -1 "$tmp/L.out")"

say "no trip beats the top speed; the mean trip stays km / speed (hand.cfg with variable times)"
# hand.cfg: depot -> village over A (county 10 km), B (county 10 km) and the last mile
# (village 5 km); with county 40 km/h (top 60) and village 25 km/h (top 40), delay cv 1:
#   mean   = 15 + 15 + 12 = 42 min;
#   least  = 10 + 10 + 7.5 = 27.5 min (km / top speed; the factor never goes below speed/top);
#   each leg's delay over its least has mean 5, 5, 4.5 min and sd = its mean (cv 1), so
#   sd     = sqrt(5^2 + 5^2 + 4.5^2) = sqrt(70.25) = 8.38 min.
# shipments.csv: loaded_min to arrived_min is the drive alone (no road damage in hand.cfg).
run top -q -n 200 --no-plot -o "$tmp/top" -D run.trace_replications=200 \
    -D road_classes.county.cv=1 -D road_classes.county.top_speed_kmh=60 \
    -D road_classes.village.cv=1 -D road_classes.village.top_speed_kmh=40 "$HAND"
expect_rc 0 "hand.cfg with variable travel times"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { t = $c["arrived_min"] - $c["loaded_min"]; n++; s += t; ss += t * t; if (n == 1 || t < min) min = t }
    END {
        m = s / n; sd = sqrt((ss - n * m * m) / (n - 1)); se = sd / sqrt(n)
        printf "   %d trips: mean %.2f min (se %.2f), sd %.2f, fastest %.2f\n", n, m, se, sd, min
        if (n < 300) { print "too few trips"; exit 1 }
        if (min < 27.5 - 1e-6) { print "a trip beat the top speeds"; exit 1 }
        if (m < 42 - 4 * se || m > 42 + 4 * se) { print "the mean is not 42"; exit 1 }
        if (sd < 0.8 * 8.38 || sd > 1.2 * 8.38) { print "the sd is not 8.38"; exit 1 }
        if (min > 35) { print "no trip well under the mean: the times do not vary"; exit 1 }
    }' "$tmp/top/shipments.csv" || fail "travel times with top speeds: see above"

echo "e2e_sim: all checks passed"
