#!/bin/sh
# e2e_compare.sh -- supplysim compare: paired differences known exactly on
# the hand case, the paired interval narrower than the unpaired one on a real
# change, every variants/*.cfg reproducing its row, the same bytes for any -j
# and for shards merged, and bad input refused with exit 2 and nothing written.
set -eu
E2E=compare
. "$(dirname "$0")/common.sh"
HAND=tests/data/hand.cfg
FLOOD=scenarios/flood.cfg

# field FILE ROW COLUMN: the value of COLUMN in the CSV row whose first field is ROW
field() {
    awk -F, -v row="$2" -v col="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $1 == row { print $c }' "$1"
}

# ---- the hand case: nothing random, every run the same ------------------------
# hand.cfg (its comment works it out): the one site's first relief arrives 90
# minutes after the disaster in every run, within the 120-minute promise.
#   "same" sets the central fleet to the 1 truck it has: nothing changes, so
#     every pair is kept by both (table 100, 0, 0, 0), the difference is 0,
#     and sites_on_time's paired t interval has zero width.  Newcombe's paired
#     interval for 100 agreeing pairs is 0 +- z^2/(n + z^2) = 3.841459/103.841459
#     = 0.036993 (test_paired.c: a margin is empty, phi = 0): agreement in 100
#     runs bounds the difference, it does not prove it is 0.
#   "late": the crews mobilise in 60 minutes instead of 20, so the first truck
#     arrives 40 minutes later, at 130 > 120: the site is late in every run.
#     Table (0, 0, 100, 0): difference -1; lower limit -1; upper limit
#     -1 + sqrt(0 + (1 - 100/103.841459)^2 + (0.036993)^2) = -1 + sqrt(2) x 0.036993
#     = -1 + 0.052317 = -0.947683; sites_on_time 1 -> 0: -1 with zero width; the mean
#     response 90 -> 130: +40 minutes, zero width.
say "hand case: a variant that changes nothing, and one that makes the site always late"
run hand compare -n 100 -j 2 --no-plot --format csv -o "$tmp/hand" "$HAND" \
    --variant 'same: fleet.central.trucks=1' --variant 'late: facilities.central.mobilise_day_min=60.0'
expect_rc 0 "compare on $HAND"
csv="$tmp/hand.out"
cmp -s "$csv" "$tmp/hand/compare.csv" || fail "stdout --format csv differs from compare.csv"
check() {   # check ROW COLUMN WANT
    got=$(field "$csv" "$1" "$2")
    [ "$got" = "$3" ] || fail "$1 $2: expected $3, found '$got'"
}
check baseline promise_kept 1.000000
check same promise_kept 1.000000
check same diff 0.000000
check same diff_lo -0.036993
check same diff_hi 0.036993
check same sites_diff 0.000000
check same sites_diff_lo 0.000000
check same sites_diff_hi 0.000000
check late promise_kept 0.000000
check late diff -1.000000
check late diff_lo -1.000000
check late diff_hi -0.947683
check late sites_on_time 0.000000
check late sites_diff -1.000000
check late sites_diff_lo -1.000000
check late sites_diff_hi -1.000000
check late verdict FAIL
check late response_diff_min 40.000000
check late response_diff_lo 40.000000
check same verdict PASS

# ---- a real change on the flood ---------------------------------------------------
say "flood: the paired interval of a real change is narrower than the unpaired one"
run flood compare -n 200 -j 2 --no-plot -o "$tmp/flood" "$FLOOD" \
    --variant 'faster last mile: disaster.road_damage.[0].factor=0.3; disaster.road_damage.[1].factor=0.3; disaster.road_damage.[2].factor=0.3' \
    --variant '4 trucks: fleet.central.trucks=4'
expect_rc 0 "compare on $FLOOD"
head -1 "$tmp/flood.out" | grep -q '^DECISION: ' || fail "the text output does not start with the decision"
grep -q 'Why pairing matters' "$tmp/flood.out" || fail "the text output does not say why pairing matters"
awk -F, 'NR > 1 && $1 == "faster last mile" {
    paired = $7 - $6; unpaired = $15 - $14; sp = $11 - $10; su = $17 - $16
    if (!($5 > 0 && paired < unpaired && sp < su)) {
        printf "diff %s: paired width %g, unpaired %g; sites paired %g, unpaired %g\n", $5, paired, unpaired, sp, su
        exit 1
    }
}' "$tmp/flood/compare.csv" || fail "the paired intervals are not narrower than the unpaired ones"

say "every variants/*.cfg reruns its row: supplysim -n 200 -s SEED gives the same numbers"
seed=$(sed -n 's/.*-s \([0-9]*\) variants.*/\1/p' "$tmp/flood/variants/baseline.cfg")
for f in "$tmp"/flood/variants/*.cfg; do
    name=$(sed -n 's/^# .* -- variant "\(.*\)" of a .*/\1/p' "$f")
    "$SUPPLYSIM" -q --no-plot --format csv -n 200 -s "$seed" -o "$tmp/rerun" "$f" >"$tmp/rerun.csv"
    kept=$(awk -F, 'NR == 2 { printf "%.6f", $6 }' "$tmp/rerun.csv")
    sites=$(awk -F, 'NR == 2 { printf "%.6f", $9 }' "$tmp/rerun.csv")
    [ "$kept" = "$(field "$tmp/flood/compare.csv" "$name" promise_kept)" ] ||
        fail "$f: promise kept $kept, the study's row says $(field "$tmp/flood/compare.csv" "$name" promise_kept)"
    [ "$sites" = "$(field "$tmp/flood/compare.csv" "$name" sites_on_time)" ] ||
        fail "$f: sites on time $sites, the study's row says $(field "$tmp/flood/compare.csv" "$name" sites_on_time)"
done

say "the same bytes for -j 1 and -j 2"
run j1 compare -n 200 -j 1 --no-plot -o "$tmp/j1" "$FLOOD" \
    --variant 'faster last mile: disaster.road_damage.[0].factor=0.3; disaster.road_damage.[1].factor=0.3; disaster.road_damage.[2].factor=0.3' \
    --variant '4 trucks: fleet.central.trucks=4'
cmp -s "$tmp/j1.out" "$tmp/flood.out" || fail "stdout differs between -j 1 and -j 2"
diff -r "$tmp/j1" "$tmp/flood" >/dev/null || fail "the folders differ between -j 1 and -j 2"

say "three shards merged give the one run's folder"
for i in 1 2 3; do
    run "s$i" compare -n 200 -j 1 --no-plot --shard "$i/3" -o "$tmp/s$i" "$FLOOD" \
        --variant 'faster last mile: disaster.road_damage.[0].factor=0.3; disaster.road_damage.[1].factor=0.3; disaster.road_damage.[2].factor=0.3' \
        --variant '4 trucks: fleet.central.trucks=4'
    expect_rc 0 "shard $i/3"
done
"$SUPPLYSIM" merge --no-plot -o "$tmp/merged" "$tmp/s2" "$tmp/s3" "$tmp/s1" >"$tmp/merged.out"
diff -r "$tmp/merged" "$tmp/flood" || fail "the merged folder differs from the one run's"
cmp -s "$tmp/merged.out" "$tmp/flood.out" || fail "merge printed other words than the one run"
set +e
"$SUPPLYSIM" merge --no-plot -o "$tmp/merged2" "$tmp/s1" "$tmp/s3" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "a missing shard: exit $rc, expected 1"
grep -q "missing" "$tmp/err" || fail "a missing shard: message was $(cat "$tmp/err")"

# ---- bad input ---------------------------------------------------------------------
say "bad input: exit 2, the setting named, nothing written"
run bad1 compare -n 10 -o "$tmp/bad1" "$FLOOD" --variant 'x: fleet.central.no_such=3'
expect_rc 2 "an unknown path in a variant"
grep -q 'fleet.central.no_such' "$tmp/bad1.err" || fail "unknown path: message was $(cat "$tmp/bad1.err")"
[ ! -e "$tmp/bad1" ] || fail "unknown path: something was written"
run bad2 compare -n 10 -o "$tmp/bad2" "$FLOOD" --variant 'no colon here'
expect_rc 2 "--variant without a name"
[ ! -e "$tmp/bad2" ] || fail "--variant without a name: something was written"
run bad3 compare -n 10 -o "$tmp/bad3" "$FLOOD" --variant 'x: disaster.protect=["nowhere"]'
expect_rc 2 "a road that does not exist"
grep -q 'disaster.protect' "$tmp/bad3.err" || fail "unknown road: message was $(cat "$tmp/bad3.err")"
[ ! -e "$tmp/bad3" ] || fail "unknown road: something was written"
run bad4 compare -n 10 -o "$tmp/bad4" "$FLOOD"
expect_rc 2 "no variant"
run bad5 compare -n 10 -o "$tmp/bad5" "$FLOOD" "$HAND"
expect_rc 2 "a variant with other disaster sites"
[ ! -e "$tmp/bad5" ] || fail "other sites: something was written"
echo "e2e_compare: all checks passed"
