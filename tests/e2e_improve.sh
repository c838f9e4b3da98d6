#!/bin/sh
# e2e_improve.sh -- supplysim improve against brute force: on tests/data/improve.cfg
# (five levers) every one of the 32 combinations is run in full with plain supplysim, the
# cheapest that passes and the cost-promise frontier up to it are worked out here, and
# improve, with its screening, must find the same; the recommended plan rerun from plans/
# gives the numbers of its row; the same bytes for -j 1 and from shards merged; more than
# 12 levers take the heuristic; bad input exits 2 naming the file, line and setting, with
# nothing written.
set -eu
E2E=improve
. "$(dirname "$0")/common.sh"
HAND=tests/data/improve.cfg
N=400
SEED=11

field() {   # field FILE ROW COLUMN: the value in the row whose first field is ROW
    awk -F, -v row="$2" -v col="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $1 == row { print $c }' "$1"
}

say "improve on the hand system"
run hand improve -n "$N" -j 2 --no-plot -o "$tmp/hand" "$HAND"
expect_rc 0 "improve on $HAND"
head -1 "$tmp/hand.out" | grep -q '^DECISION: to keep the 2 h promise in 95% of disasters: buy ' ||
    fail "the text does not start with the decision: $(head -1 "$tmp/hand.out")"
csv="$tmp/hand/improve.csv"
rec=$(awk -F, 'NR > 1 && $NF == 1 { print $1 }' "$csv")
[ -n "$rec" ] || fail "improve recommends no plan"

say "brute force: every combination run in full with plain supplysim"
# The levers of improve.cfg, by bit: 1 duty (100 a year), 2 report (60), 4 boat (250),
# 8 bays (20), 16 road (4000 once over 10 years at 0%: 400).  A plan's name joins the ids
# of its levers with '+' in that order.
: >"$tmp/brute.csv"
mask=0
while [ "$mask" -lt 32 ]; do
    set -- -q --no-plot --format csv -n "$N" -s "$SEED" -o "$tmp/b$mask"
    name="" cost=0
    if [ $((mask & 1)) -ne 0 ]; then set -- "$@" -D facilities.central.mobilise_night_min=10.0; name="$name+duty"; cost=$((cost + 100)); fi
    if [ $((mask & 2)) -ne 0 ]; then set -- "$@" -D disaster.report_factor=0.5; name="$name+report"; cost=$((cost + 60)); fi
    if [ $((mask & 4)) -ne 0 ]; then set -- "$@" -D 'fleet.central.extra_truck="boat"' -D fleet.central.extra_trucks=1; name="$name+boat"; cost=$((cost + 250)); fi
    if [ $((mask & 8)) -ne 0 ]; then set -- "$@" -D facilities.central.bays=2; name="$name+bays"; cost=$((cost + 20)); fi
    if [ $((mask & 16)) -ne 0 ]; then set -- "$@" -D 'disaster.protect=["last mile"]'; name="$name+road"; cost=$((cost + 400)); fi
    name=${name#+}
    [ -n "$name" ] || name=baseline
    row=$("$SUPPLYSIM" "$@" "$HAND" | awk -F, 'NR == 2 { print $5 "," $6 }') ||
        fail "plain run of $name failed"
    echo "$name,$cost,$row" >>"$tmp/brute.csv"
    mask=$((mask + 1))
done
# the cheapest PASS (a tie in cost between two that pass would make the answer ambiguous)
want=$(sort -t, -k2,2n -k4,4nr "$tmp/brute.csv" | awk -F, '$3 == "PASS" { print $1; exit }')
[ -n "$want" ] || fail "brute force: no combination passes, the test system is mis-tuned"
ties=$(awk -F, -v w="$want" '$1 == w { c = $2 } { cost[NR] = $2; v[NR] = $3 }
    END { n = 0; for (i in cost) n += cost[i] == c && v[i] == "PASS"; print n }' "$tmp/brute.csv")
[ "$ties" = 1 ] || fail "brute force: $ties plans that pass cost what $want costs"
[ "$rec" = "$want" ] || fail "improve recommends $rec, brute force finds $want: $(cat "$tmp/brute.csv")"
grep -q '^baseline,0,FAIL' "$tmp/brute.csv" || fail "the baseline passes: the test says nothing"
# the frontier up to it: in cost order, each plan keeping the promise more often than every
# cheaper one (ties in cost: the higher first), the same as improve's
sort -t, -k2,2n -k4,4nr "$tmp/brute.csv" | awk -F, -v w="$want" '
    $4 > top { print $1; top = $4 } $1 == w { exit }' >"$tmp/frontier.want"
awk -F, 'NR > 1 && $9 == 1 { print $1 }' "$csv" >"$tmp/frontier.got"
cmp -s "$tmp/frontier.want" "$tmp/frontier.got" ||
    fail "frontier: brute force $(tr '\n' ' ' <"$tmp/frontier.want"), improve $(tr '\n' ' ' <"$tmp/frontier.got")"
# every plan improve ran in full has the numbers of its plain run
awk -F, 'NR > 1 && $10 == 0 { printf "%s,%.6f\n", $1, $4 }' "$csv" | while IFS=, read -r plan kept; do
    brute=$(awk -F, -v p="$plan" '$1 == p { printf "%.6f", $4 }' "$tmp/brute.csv")
    [ "$brute" = "$kept" ] || fail "$plan: improve $kept, its plain run $brute"
done

say "the recommended plan rerun from plans/ gives its row"
file=$(echo "$rec" | tr '+' '_').cfg
[ -f "$tmp/hand/plans/$file" ] || fail "no plans/$file"
row=$("$SUPPLYSIM" -q --no-plot --format csv -n "$N" -s "$SEED" -o "$tmp/rerun" "$tmp/hand/plans/$file" |
      awk -F, 'NR == 2 { printf "%s,%.6f,%.6f,%.6f", $5, $6, $7, $8 }')
want_row=$(awk -F, -v p="$rec" 'NR > 1 && $1 == p { printf "%s,%.6f,%.6f,%.6f", $8, $4, $5, $6 }' "$csv")
[ "$row" = "$want_row" ] || fail "plans/$file reruns as $row, its row says $want_row"

say "the same bytes for -j 1, and from two shards merged"
run j1 improve -n "$N" -j 1 --no-plot -o "$tmp/j1" "$HAND"
expect_rc 0 "improve -j 1"
diff -r "$tmp/j1" "$tmp/hand" >/dev/null || fail "the folders differ between -j 1 and -j 2"
for i in 1 2; do
    run "s$i" improve -n "$N" -j 2 --no-plot --shard "$i/2" -o "$tmp/s$i" "$HAND"
    expect_rc 0 "shard $i/2"
done
"$SUPPLYSIM" merge --no-plot -o "$tmp/merged" "$tmp/s1" "$tmp/s2" >"$tmp/merged.out"
diff -r "$tmp/merged" "$tmp/hand" || fail "the merged folder differs from the one run's"
cmp -s "$tmp/merged.out" "$tmp/hand.out" || fail "merge printed other words than the one run"

say "in Chinese, and as CSV"
run zh improve -n "$N" --no-plot --lang zh -o "$tmp/zh" "$HAND"
expect_rc 0 "improve --lang zh"
head -1 "$tmp/zh.out" | grep -q '^结论：要使 2 小时承诺在 95% 的' || fail "Chinese decision: $(head -1 "$tmp/zh.out")"
cmp -s "$tmp/zh/improve.csv" "$csv" || fail "improve.csv depends on the language"
# the frontier chart names each plan by its levers' labels (label_zh; else name_zh), joined
# by '+' in the configuration's order: the plans of improve.csv, mapped by hand
run zhc improve -n "$N" --lang zh -o "$tmp/zhc" "$HAND"
expect_rc 0 "improve --lang zh with its chart"
awk -F, 'NR > 1 { print $1 }' "$tmp/zhc/improve.csv" |
    sed 's/^baseline$/不采取措施（现状）/; s/duty/值班/; s/report/快速上报/; s/boat/冲锋舟/; s/bays/增加装卸台/; s/road/抬高村道/' |
    sort >"$tmp/labels.want"
awk -F, 'NR > 1 { gsub(/"/, "", $6); print $6 }' "$tmp/zhc/frontier_all.csv" | sort >"$tmp/labels.got"
cmp -s "$tmp/labels.want" "$tmp/labels.got" ||
    fail "frontier chart labels: $(diff "$tmp/labels.want" "$tmp/labels.got" | head -4)"
run csv improve -n "$N" --no-plot --format csv -o "$tmp/csv" "$HAND"
cmp -s "$tmp/csv.out" "$csv" || fail "--format csv does not print improve.csv"

say "--budget and --levers"
run budget improve -n "$N" --no-plot --budget 200 -o "$tmp/budget" "$HAND"
expect_rc 0 "improve --budget 200"
head -1 "$tmp/budget.out" | grep -q '^DECISION: no combination of the 5 levers within ¥200 a year keeps' ||
    fail "--budget 200: $(head -1 "$tmp/budget.out")"
awk -F, 'NR > 1 && $3 > 200 { exit 1 }' "$tmp/budget/improve.csv" || fail "a plan over the budget"
run some improve -n 100 --no-plot --levers duty,report -o "$tmp/some" "$HAND"
expect_rc 0 "improve --levers duty,report"
[ "$(awk 'END { print NR }' "$tmp/some/improve.csv")" = 5 ] || fail "--levers duty,report: not 4 plans"

say "more than 12 levers: greedy, then swaps"
{
    cat "$HAND"
    echo 'scenario_levers = ('
    k=1
    for set in "facilities.central.stock.quilt = 5001.0" "facilities.central.reorder = { quilt = 1.0; }" \
               "facilities.central.mobilise_day_min = 19.0" "road_classes.expressway.speed_kmh = 90.0" \
               "road_classes.national.speed_kmh = 70.0" "road_classes.provincial.speed_kmh = 55.0" \
               "assumptions.max_spread_km = 250.0" "run.max_replications = 10000" \
               "run.unload_min = 10.0"; do
        echo "  { id = \"idle$k\"; name = \"Idle $k\"; cost_yuan = $k.0; cost_per = \"year\"; why = \"test\";"
        echo "    set = [ \"$(echo "$set" | sed 's/"/\\"/g')\" ]; }$([ "$k" -lt 9 ] && echo ,)"
        k=$((k + 1))
    done
    echo ');'
} >"$tmp/many.cfg"
run many improve -n 200 --no-plot -o "$tmp/many" "$tmp/many.cfg"
expect_rc 0 "improve with 14 levers"
grep -q 'more than 12: greedy by gain per yuan' "$tmp/many.out" || fail "no heuristic: $(cat "$tmp/many.out")"
rec=$(awk -F, 'NR > 1 && $NF == 1 { print $1 }' "$tmp/many/improve.csv")
[ -n "$rec" ] || fail "the heuristic found no plan that passes"
case "+$rec+" in *+idle*) fail "the heuristic kept a lever that does nothing: $rec" ;; esac

say "bad input: exit 2 naming the file, line and setting, nothing written"
bad() {   # bad NAME WHAT PATTERN FILE [ARGS...]: improve on FILE must be refused
    name=$1 what=$2 pattern=$3 file=$4
    shift 4
    run "$name" improve -n 20 --no-plot -o "$tmp/$name" "$@" "$file"
    expect_rc 2 "$what"
    grep -q -- "$pattern" "$tmp/$name.err" || fail "$what: message was $(cat "$tmp/$name.err")"
    [ ! -e "$tmp/$name" ] || fail "$what: something was written"
}
sed 's/"facilities.central.bays = 2"/"facilities.centrl.bays = 2"/' "$HAND" >"$tmp/unknown.cfg"
bad unknown "a lever naming an unknown setting" \
    "unknown.cfg:[0-9]*: levers.bays.set.\[0\]: expected the path of a setting .*'centrl'" \
    "$tmp/unknown.cfg"
sed 's/"facilities.central.bays = 2"/"facilities.central.bayz = 2"/' "$HAND" >"$tmp/unknown2.cfg"
bad unknown2 "a lever adding a setting the configuration does not know" \
    "unknown2.cfg:[0-9]*: levers.bays: facilities.central.bayz: expected one of the settings" \
    "$tmp/unknown2.cfg"
sed 's/cost_yuan = 60.0;/cost_yuan = -60.0;/' "$HAND" >"$tmp/negative.cfg"
bad negative "a negative cost" "negative.cfg:[0-9]*: levers.report.cost_yuan: expected a non-negative number" \
    "$tmp/negative.cfg"
sed 's/{ id = "bays";/{ id = "duty";/' "$HAND" >"$tmp/twice.cfg"
bad twice "two levers with one id" "twice.cfg:[0-9]*: levers.duty.id: expected a unique lever id" \
    "$tmp/twice.cfg"
bad budget_low "a budget below the cheapest lever" \
    "--budget: expected at least the cheapest lever's cost, ¥20 a year (bays, .*improve.cfg:[0-9]*)" \
    "$HAND" --budget 10
bad no_lever "an unknown lever" '--levers: expected ids of the levers of .*, found "nope"' \
    "$HAND" --levers duty,nope
sed 's/"facilities.central.bays = 2"/"facilities.central.bays = 0"/' "$HAND" >"$tmp/badvalue.cfg"
bad badvalue "a lever whose value the model refuses" \
    "badvalue.cfg:[0-9]*: levers.bays: facilities.central.bays: expected an integer from 1" \
    "$tmp/badvalue.cfg"
run notimprove roads -n 20 --budget 5 -o "$tmp/notimprove" "$HAND"
expect_rc 2 "--budget with roads"
say "the brief of a run beside an improve study: its decision; of levers renamed since, nothing (and no leak)"
mkdir -p "$tmp/br"
cp "$HAND" "$tmp/br/hand.cfg"
run brimp improve -q -n 20 -j 2 --no-plot --levers duty,report -o "$tmp/br/out-improve" "$tmp/br/hand.cfg"
expect_rc 0 "improve beside the run"
run brrun -q -n 20 -j 2 --no-plot -o "$tmp/br/out" "$tmp/br/hand.cfg"
expect_rc 0 "a run beside its improve study"
grep -q 'class="decision"' "$tmp/br/out/report.html" || fail "the brief does not give improve's decision"
sed 's/id = "report"/id = "reporting"/' "$HAND" >"$tmp/br/hand.cfg"
run brold -q -n 20 -j 2 --no-plot -o "$tmp/br/out" "$tmp/br/hand.cfg"
expect_rc 0 "a run beside an improve study of levers it no longer has"
[ ! -s "$tmp/brold.err" ] || fail "stderr: $(cat "$tmp/brold.err")"
grep -q 'class="decision"' "$tmp/br/out/report.html" && fail "the brief gives the decision of a study of other levers"
grep -q 'supplysim improve scenarios/' "$tmp/br/out/report.html" || fail "the brief does not say how to run improve"
say "a lever costed otherwise since the study: the brief says nothing of it, merge refuses it"
grep -q '^param costs=duty=100/100/100,report=60/60/60$' "$tmp/br/out-improve/study.dat" ||
    fail "study.dat does not record the levers' costs: $(grep '^param costs' "$tmp/br/out-improve/study.dat")"
sed 's/cost_yuan = 60.0/cost_yuan = 70.0/' "$HAND" >"$tmp/br/hand.cfg"
run brcost -q -n 20 -j 2 --no-plot -o "$tmp/br/out" "$tmp/br/hand.cfg"
expect_rc 0 "a run beside an improve study of levers costed otherwise"
grep -q 'class="decision"' "$tmp/br/out/report.html" && fail "the brief gives a decision made on other costs"
run brmerge merge --no-plot -o "$tmp/br/remerged" "$tmp/br/out-improve"
expect_rc 2 "merge of a study whose levers are costed otherwise now"
grep -q 'lever "report" was costed at ¥60 a year when this improve study was made, and the configuration now costs it at ¥70: run improve again' "$tmp/brmerge.err" ||
    fail "merge's message: $(cat "$tmp/brmerge.err")"
[ ! -e "$tmp/br/remerged" ] || fail "merge wrote a folder after all"
echo "e2e_improve: all checks passed"
