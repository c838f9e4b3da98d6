#!/bin/sh
# e2e_roads.sh -- supplysim roads: the protected and closed variants of a road
# on a hand case whose differences are known exactly; variants/*.cfg rerun
# their rows; on the flood, the screening stage and shards merged give the
# one run's folder byte for byte; bad input exits 2 with nothing written.
set -eu
E2E=roads
. "$(dirname "$0")/common.sh"
BACK=tests/data/truck_back.cfg
FLOOD=scenarios/flood.cfg

field() {   # field FILE ROW COLUMN
    awk -F, -v row="$2" -v col="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $1 == row { print $c }' "$1"
}

# truck_back.cfg (its comment works it out): site A's last mile t1-siteA is
# closed from 0 to 300, so A is reached only after 300 and is late in every
# run; site B is reached in 63 minutes.  The hazard touches that one road.
#   protected: A's request reaches dispatch at 10, the crews are ready at 30
#     (by day, 20 min), loading 10 + 5 x 0.2 = 11 min, the drive 42 min:
#     arrival 83, on time.  Every run keeps the promise: 0 -> 1, +1; sites on
#     time 1/2 -> 2/2, +0.5 exactly.
#   closed throughout: A is never reached, and the depot's only truck, sent to
#     A, waits at the seat for a road that never reopens, so B's relief comes
#     from the far sub-centre (100 km of county road, 150 min) and is late
#     too: the promise stays 0 (difference 0), sites on time 1/2 -> 0, -0.5.
say "hand case: protecting and closing site A's last mile"
run back roads -n 20 -j 2 --no-plot --format csv -o "$tmp/back" "$BACK"
expect_rc 0 "roads on $BACK"
csv="$tmp/back/roads.csv"
check() {
    got=$(field "$csv" "$1" "$2")
    [ "$got" = "$3" ] || fail "$1 $2: expected $3, found '$got'"
}
check t1-siteA touched_share 1.000000
check t1-siteA protect_diff 1.000000
check t1-siteA protect_sites_diff 0.500000
check t1-siteA protect_sites_diff_lo 0.500000
check t1-siteA close_diff 0.000000
check t1-siteA protect_promise_kept 1.000000
check t1-siteA rank 1
check t1-siteA close_sites_diff -0.500000
check t1-siteA close_sites_diff_hi -0.500000

say "every variants/*.cfg reruns its row"
for f in "$tmp"/back/variants/*.cfg; do
    name=$(sed -n 's/^# .* -- variant "\(.*\)" of a .*/\1/p' "$f")
    kept=$("$SUPPLYSIM" -q --no-plot --format csv -n 20 -s 1 -o "$tmp/rerun" "$f" | awk -F, 'NR == 2 { printf "%.6f", $6 }')
    case $name in
        "protect t1-siteA") [ "$kept" = 1.000000 ] || fail "$f: promise kept $kept, expected 1" ;;
        *) [ "$kept" = 0.000000 ] || fail "$f: promise kept $kept, expected 0" ;;
    esac
done

say "flood: screening, then the same folder from two shards merged as from one run"
run one roads -n 55 -j 2 --no-plot -o "$tmp/one" "$FLOOD"
expect_rc 0 "roads on $FLOOD"
head -1 "$tmp/one.out" | grep -q '^DECISION: ' || fail "the text output does not start with the decision"
grep -q '^Screening: all [0-9]* roads ran the first 50 replications' "$tmp/one.out" ||
    fail "no screening stage reported: $(cat "$tmp/one.out")"
for i in 1 2; do
    run "s$i" roads -n 55 -j 2 --no-plot --shard "$i/2" -o "$tmp/s$i" "$FLOOD"
    expect_rc 0 "shard $i/2"
done
"$SUPPLYSIM" merge --no-plot -o "$tmp/merged" "$tmp/s1" "$tmp/s2" >"$tmp/merged.out"
diff -r "$tmp/merged" "$tmp/one" || fail "the merged folder differs from the one run's"
cmp -s "$tmp/merged.out" "$tmp/one.out" || fail "merge printed other words than the one run"

say "bad input: exit 2, nothing written"
run bad1 roads -n 10 -o "$tmp/bad1" tests/data/hand.cfg
expect_rc 2 "a scenario whose hazard touches no road"
[ ! -e "$tmp/bad1" ] || fail "no hazard: something was written"
run bad2 roads -n 10 -o "$tmp/bad2" -D 'disaster.close=["nowhere-else"]' "$FLOOD"
expect_rc 2 "a closed road that does not exist"
grep -q 'disaster.close' "$tmp/bad2.err" || fail "unknown road: message was $(cat "$tmp/bad2.err")"
[ ! -e "$tmp/bad2" ] || fail "unknown road: something was written"
run bad3 roads -n 10 -o "$tmp/bad3" --variant 'x: run.seed=2' "$FLOOD"
expect_rc 2 "--variant with roads"
echo "e2e_roads: all checks passed"
