#!/bin/sh
# e2e_sensitivity.sh -- supplysim sensitivity on a hand case whose every
# number is known (tests/data/hand_sens.cfg works them out): the assumption
# that flips the verdict named first, the corners, variants/*.cfg rerunning
# their rows, the same bytes for any -j and from shards merged; bad ranges
# refused with exit 2, the file, line and setting named, nothing written.
set -eu
E2E=sensitivity
. "$(dirname "$0")/common.sh"
HS=tests/data/hand_sens.cfg

field() {   # field FILE ROW COLUMN
    awk -F, -v row="$2" -v col="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $1 == row { print $c }' "$1"
}

# 100 runs, all alike: the baseline keeps the promise in all 100 (Wilson lower
# limit 100/103.841 = 0.963 >= 0.95: PASS).  Crews ready in 60 min: response
# 130, late in every run: 0 of 100, FAIL -- this range flips the verdict.  In
# 10 min: 80, kept.  Loading at 2 or 8 min/t: 85.2 or 94.8, kept: no flip.
# Corners: favourable (10 min, 2 min/t): 75.2, kept; unfavourable (60, 8):
# 134.8, late.
say "hand case: the range that flips the verdict comes first"
run hs sensitivity -n 100 -j 2 --no-plot -o "$tmp/hs" "$HS"
expect_rc 0 "sensitivity on $HS"
head -1 "$tmp/hs.out" | grep -q '^DECISION: the verdict PASS (100.0% of 100 disasters) rests on 1 of the 2 assumptions; measure first: facilities.central.mobilise_day_min$' ||
    fail "decision line: $(head -1 "$tmp/hs.out")"
csv="$tmp/hs/sensitivity.csv"
check() {
    got=$(field "$csv" "$1" "$2")
    [ "$got" = "$3" ] || fail "$1 $2: expected $3, found '$got'"
}
check facilities.central.mobilise_day_min base 20
check facilities.central.mobilise_day_min promise_kept_low 1.000000
check facilities.central.mobilise_day_min promise_kept_high 0.000000
check facilities.central.mobilise_day_min verdict_high FAIL
check facilities.central.mobilise_day_min flips 1
check facilities.central.mobilise_day_min diff_high -1.000000
check facilities.central.load_min_per_t flips 0
check facilities.central.load_min_per_t verdict_low PASS
check facilities.central.load_min_per_t verdict_high PASS
check '(all at once)' promise_kept_low 0.000000
check '(all at once)' promise_kept_high 1.000000
[ "$(sed -n 2p "$csv" | cut -d, -f1)" = facilities.central.mobilise_day_min ] ||
    fail "the largest swing is not first"

say "variants/*.cfg rerun their rows"
for f in "$tmp"/hs/variants/*.cfg; do
    kept=$("$SUPPLYSIM" -q --no-plot --format csv -n 100 -s 1 -o "$tmp/rerun" "$f" | awk -F, 'NR == 2 { printf "%.6f", $6 }')
    case $(basename "$f") in
        *mobilise_day_min_high*|*unfavourable*) want=0.000000 ;;
        *) want=1.000000 ;;
    esac
    [ "$kept" = "$want" ] || fail "$f: promise kept $kept, expected $want"
done

say "the same bytes for -j 1, and from two shards merged"
run j1 sensitivity -n 100 -j 1 --no-plot -o "$tmp/j1" "$HS"
diff -r "$tmp/j1" "$tmp/hs" >/dev/null || fail "the folders differ between -j 1 and -j 2"
for i in 1 2; do
    run "s$i" sensitivity -n 100 -j 1 --no-plot --shard "$i/2" -o "$tmp/s$i" "$HS"
    expect_rc 0 "shard $i/2"
done
"$SUPPLYSIM" merge --no-plot -o "$tmp/merged" "$tmp/s2" "$tmp/s1" >"$tmp/merged.out"
diff -r "$tmp/merged" "$tmp/hs" || fail "the merged folder differs from the one run's"

say "bad ranges: exit 2 naming file, line and setting, nothing written"
bad() {   # bad NAME TEXT WANT: a configuration with TEXT must be refused, saying WANT
    printf 'base = "%s";\n%s\n' "$PWD/tests/data/hand.cfg" "$2" >"$tmp/$1.cfg"
    run "$1" sensitivity -n 10 -o "$tmp/$1.out.d" "$tmp/$1.cfg"
    expect_rc 2 "$1"
    grep -q "$3" "$tmp/$1.err" || fail "$1: message was $(cat "$tmp/$1.err")"
    grep -q "$tmp/$1.cfg:[0-9]" "$tmp/$1.err" || fail "$1: no file and line in $(cat "$tmp/$1.err")"
    [ ! -e "$tmp/$1.out.d" ] || fail "$1: something was written"
}
bad lowhigh 'assumption_ranges = ( { path = "facilities.central.bays"; low = 3.0; high = 1.0; why = "x"; } );' 'low <= high'
bad unknown 'assumption_ranges = ( { path = "facilities.central.no_such"; low = 1.0; high = 2.0; why = "x"; } );' 'facilities.central.no_such'
bad count 'assumption_ranges = ( { path = "facilities.central.bays"; low = 1.5; high = 2.0; why = "x"; } );' 'whole numbers'
bad twice 'assumption_ranges = ( { path = "facilities.central.bays"; low = 1.0; high = 2.0; why = "x"; },
  { path = "facilities.*.bays"; low = 1.0; high = 3.0; why = "y"; } );' 'each set other values'
run none sensitivity -n 10 -o "$tmp/none" tests/data/hand.cfg
expect_rc 2 "no assumption ranges"
echo "e2e_sensitivity: all checks passed"
