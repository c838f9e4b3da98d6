#!/bin/sh
# e2e_bad_input.sh -- inputs a careless user, a fuzzer or a typo give: each is
# refused at load, by a run and by --check alike (so that a sweep point fails
# before it runs), with exit 2 and one line naming the file, the line and the
# setting; and what -D may now do (a setting absent from the file, a [lo, hi]
# range, 1e-308) gives the run it says.  Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_bad_input.sh
set -eu

FLOOD=scenarios/flood.cfg
HAND=tests/data/hand.cfg
TINY=tests/data/tiny.cfg
YONGCHENG=config/yongcheng.cfg

E2E=bad_input
. "$(dirname "$0")/common.sh"

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"

# refused WHAT TEXT ARGS...: a run (into $tmp/never) and --check both exit 2
# with one line on stderr holding TEXT, and the run writes nothing
refused() {
    what=$1
    text=$2
    shift 2
    run refused_run -q -n 3 --no-plot -o "$tmp/never" "$@"
    expect_rc 2 "$what (a run)"
    grep -qF -- "$text" "$tmp/refused_run.err" || fail "$what (a run): expected \"$text\" on stderr, found: $(cat "$tmp/refused_run.err")"
    [ "$(wc -l <"$tmp/refused_run.err")" -eq 1 ] || fail "$what: expected one line on stderr, found: $(cat "$tmp/refused_run.err")"
    [ ! -e "$tmp/never" ] || fail "$what: an output folder was written"
    run refused_check --check "$@"
    expect_rc 2 "$what (--check)"
    grep -qF -- "$text" "$tmp/refused_check.err" || fail "$what (--check): expected \"$text\", found: $(cat "$tmp/refused_check.err")"
}

say "coefficients of variation that made gamma draws NaN are refused, naming the setting"
refused "village cv 1e200" "command line:1: road_classes.village.cv: expected 0 (no variability) or a coefficient of variation from 1e-06 to 1, found 1e+200" \
    -D road_classes.village.cv=1e200 "$FLOOD"
refused "village cv 1e-200" "road_classes.village.cv: expected 0" -D road_classes.village.cv=1e-200 "$FLOOD"
refused "load_cv 1e-300" "command line:1: run.load_cv: expected 0" -D run.load_cv=1e-300 "$HAND"

say "a cv above the range that keeps travel times meaningful is refused"
refused "village cv 3" "road_classes.village.cv: expected 0 (no variability) or a coefficient of variation from 1e-06 to 1, found 3" \
    -D road_classes.village.cv=3 "$FLOOD"
refused "top speed under the mean" "road_classes.village.top_speed_kmh: expected a top speed of at least the mean speed_kmh 25, found 20" \
    -D road_classes.village.top_speed_kmh=20 "$FLOOD"
refused "a cv without a top speed" "road_classes.county.top_speed_kmh: expected the speed no trip exceeds beside a cv above 0" \
    -D road_classes.county.cv=0.2 "$HAND"
refused "load_cv 10" "run.load_cv: expected 0" -D run.load_cv=10 "$FLOOD"

say "road information and the thresholds' clocks: one of the words, one clock per threshold"
refused "road_info typo" "run.road_info: expected one of reported, perfect, found \"reportd\" (did you mean reported?)" \
    -D 'run.road_info="reportd"' "$FLOOD"
refused "a clock too few" "run.thresholds_from: expected an array of 2 clocks, \"disaster\" or \"order\", one per threshold" \
    -D 'run.thresholds_from=["order"]' "$FLOOD"
refused "a clock misspelt" "run.thresholds_from.[1]: expected one of disaster, order, found \"oder\" (did you mean order?)" \
    -D 'run.thresholds_from=["disaster","oder"]' "$FLOOD"
refused "a reporting delay below 0" "road_classes.village.damage_report_min" -D 'road_classes.village.damage_report_min=[-5.0,10.0]' "$FLOOD"

say "the scenario name is a folder name under out/, never a path"
refused "name ../../etc" "name: expected a name for the output folder" -D 'name="../../etc"' "$FLOOD"
refused "name a/b" "found a name with '/'" -D 'name=a/b' "$FLOOD"
refused "empty name" "found an empty name" -D 'name=""' "$FLOOD"
refused "name with a tab" "found a name with a control character" -D "name=a$(printf '\t')b" "$FLOOD"
[ ! -e etc ] && [ ! -e ../etc ] || fail "a name wrote outside out/"

say "counts are bounded: trucks, bays, replications"
refused "99999999 trucks" "command line:1: fleet.central.trucks: expected an integer from 0 to 10000, found 99999999" \
    -D fleet.central.trucks=99999999 "$FLOOD"
refused "2147483647 trucks" "fleet.sc_north.trucks: expected an integer from 0 to 10000" \
    -D fleet.sc_north.trucks=2147483647 "$FLOOD"
refused "2000 bays" "bays: expected an integer from 1 to 1000" -D facility_kinds.subcentre.bays=2000 "$FLOOD"
refused "-n beyond the limit" "-n: expected at most 10000000 replications, found 20000000" -n 20000000 "$FLOOD"
refused "run.replications beyond the limit" "run.replications: expected an integer from 1 to 10000000" \
    -D run.replications=20000000 "$FLOOD"

say "--check adds trucks without overflow: sub-centres 2 + 2 + 2 + 2 + 10000 = 10008"
run trucks --check -D fleet.sc_north.trucks=10000 "$YONGCHENG"
expect_rc 0 "--check with 10000 trucks"
awk '$1 == "sub-centre" && $2 == 5 { found = $NF } END { exit found != 10008 }' "$tmp/trucks.out" ||
    fail "--check: expected 10008 sub-centre trucks, found: $(grep '^  sub-centre' "$tmp/trucks.out")"

say "an integer libconfig would wrap (2^31 and more without L) is refused, naming the setting"
sed 's/^  replications = 100;/  replications = 4294967297;/' "$HAND" >"$tmp/wrap.cfg"
grep -q 4294967297 "$tmp/wrap.cfg" || fail "wrap.cfg: the substitution did not happen"
refused "4294967297 replications" "wrap.cfg:75: run.replications: expected an integer from -2147483648 to 2147483647" "$tmp/wrap.cfg"
sed 's/^  replications = 100;/  replications = 0x80000000;/' "$HAND" >"$tmp/wrap.cfg"
refused "0x80000000 replications" "run.replications: expected an integer from -2147483648" "$tmp/wrap.cfg"
sed 's/^  replications = 100;/  replications = 3000000000L;/' "$HAND" >"$tmp/wide.cfg"
refused "3000000000L replications" "run.replications: expected an integer, found a 64-bit integer" "$tmp/wide.cfg"

say "a line of 8 MB and a file of 70 MB are refused before libconfig reads them"
{ cat "$HAND"; printf '#'; head -c 8000000 /dev/zero | tr '\0' x; echo; } >"$tmp/longline.cfg"
refused "an 8 MB line" "longline.cfg:$(($(wc -l <"$HAND") + 1)): (file): expected lines of at most 65536 bytes, found one of 8000001" "$tmp/longline.cfg"
{ cat "$HAND"; yes '# padding to make the file large' | head -c 70000000; } >"$tmp/large.cfg"
refused "a 70 MB file" "large.cfg: expected a configuration of at most 64 MiB, found 66.8 MiB" "$tmp/large.cfg"
rm -f "$tmp/large.cfg" "$tmp/longline.cfg"

say "an empty road (via = []) is an error, not a sanitizer abort"
sed 's/via = \["depot", "north"\]/via = []/' "$TINY" >"$tmp/empty_via.cfg"
grep -q 'via = \[\]' "$tmp/empty_via.cfg" || fail "empty_via.cfg: the substitution did not happen"
run empty_via --check "$tmp/empty_via.cfg"
expect_rc 2 "via = []"
grep -qF "roads.[0].via: expected an array of at least 2 node ids, found an array of 0" "$tmp/empty_via.err" ||
    fail "via = []: $(cat "$tmp/empty_via.err")"

say "-D sets an optional setting absent from the file: run.load_cv on flood"
grep -q load_cv "$FLOOD" config/yongcheng.cfg && fail "flood now sets load_cv: pick another absent setting"
run lcv -q -n 30 --no-plot -o "$tmp/lcv" -D run.load_cv=0.5 "$FLOOD"
expect_rc 0 "-D run.load_cv=0.5"
grep -q "load_cv = 0.5;" "$tmp/lcv/resolved.cfg" || fail "-D run.load_cv=0.5: not in resolved.cfg"
run lcv0 -q -n 30 --no-plot -o "$tmp/lcv0" "$FLOOD"
cmp -s "$tmp/lcv/replications.csv" "$tmp/lcv0/replications.csv" &&
    fail "-D run.load_cv=0.5: the replications are those of the default 0.25"
run lcv25 -q -n 30 --no-plot -o "$tmp/lcv25" -D run.load_cv=0.25 "$FLOOD"
cmp -s "$tmp/lcv25/replications.csv" "$tmp/lcv0/replications.csv" ||
    fail "-D run.load_cv=0.25 (the default) changed the replications"
refused "-D of a misspelt new setting" "command line:1: run.load_cvv: expected one of the settings" -D run.load_cvv=0.5 "$FLOOD"

say "-D sets a [lo, hi] range where a number was, and back"
run range -q -n 30 --no-plot -o "$tmp/range" -D "disaster.sites.[0].occur_min=[10, 50]" "$FLOOD"
expect_rc 0 "-D occur_min=[10, 50]"
grep -q "occur_min = \[ 10, 50 \];" "$tmp/range/resolved.cfg" || fail "-D [10, 50]: not in resolved.cfg: $(grep -m1 occur_min "$tmp/range/resolved.cfg")"
run range2 -q -n 30 --no-plot -o "$tmp/range2" "$tmp/range/resolved.cfg"
expect_rc 0 "rerun of the range's resolved.cfg"
cmp -s "$tmp/range/replications.csv" "$tmp/range2/replications.csv" || fail "-D [10, 50]: resolved.cfg does not reproduce the run"
refused "-D [50, 10]" "expected [lo, hi] with lo <= hi, found [50, 10]" -D "disaster.sites.[0].occur_min=[50, 10]" "$FLOOD"
refused "-D a range of strings where numbers go" "occur_min.[0]: expected a number, found a string" -D 'disaster.sites.[0].occur_min=["a", "b"]' "$FLOOD"

say "-D takes 1e-308 where the range allows it, refuses 1e-400 (0 in a double)"
run tiny_num -q -n 3 --no-plot -o "$tmp/tiny_num" -D run.unload_min=1e-308 "$HAND"
expect_rc 0 "-D run.unload_min=1e-308"
grep -q "unload_min = 1e-308;" "$tmp/tiny_num/resolved.cfg" || fail "1e-308: not in resolved.cfg: $(grep unload "$tmp/tiny_num/resolved.cfg")"
refused "-D 1e-400" "command line:1: run.unload_min: expected a number, found \"1e-400\"" -D run.unload_min=1e-400 "$HAND"
echo "e2e_bad_input: ok"
