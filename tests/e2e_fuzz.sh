#!/bin/sh
# e2e_fuzz.sh -- the deterministic mutation pass (tests/fuzz/mutate.c) in the
# sanitizer build: a few thousand seeded mutants of the shipped configurations
# fed to configuration loading, of -D lines fed over tests/data/hand.cfg, and
# of a results.dat fed to its reader; no crash, no sanitizer report, no leak,
# and every refused input says why.  AFL++'s long campaigns are `make fuzz`.
# Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_fuzz.sh
set -eu

MUTATE=${MUTATE:-build/test/fuzz_mutate}
SEED=${SEED:-11}

E2E=fuzz
. "$(dirname "$0")/common.sh"

# libconfig's own leak on some syntax errors (see the file) is not ours
LSAN_OPTIONS=suppressions=$(pwd)/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
export LSAN_OPTIONS

[ -x "$MUTATE" ] || fail "no executable at MUTATE=$MUTATE (make build/test/fuzz_mutate)"
[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM"

# pass MODE COUNT FILE...: COUNT mutants of the FILEs through MODE
pass() {
    mode=$1
    count=$2
    shift 2
    rc=0
    "$MUTATE" "$mode" "$(pwd)" "$tmp/work-$mode" "$count" "$SEED" "$@" >"$tmp/$mode.out" 2>"$tmp/$mode.err" || rc=$?
    [ "$rc" -eq 0 ] || fail "$mode: exit $rc (reproduce: $MUTATE $mode $(pwd) WORKDIR $count $SEED $*): $(tail -c 3000 "$tmp/$mode.err")"
    cat "$tmp/$mode.out"
    grep -q "^mutate: $mode: $count inputs, [0-9]* loaded, [0-9]* refused with a message, 0 without" "$tmp/$mode.out" ||
        fail "$mode: $(cat "$tmp/$mode.out")"
}

say "configuration loading: mutants of config/, scenarios/ and tests/data/"
pass config 6000 config/*.cfg scenarios/*.cfg tests/data/*.cfg

say "-D parsing over tests/data/hand.cfg"
printf 'run.replications=5\nrun.load_cv=0.5\nrun.seed=7\n' >"$tmp/set1"
printf 'disaster.sites.[0].occur_min=[10, 50]\nname="x"\n' >"$tmp/set2"
printf 'fleet.central.trucks=3\nroad_classes.village.cv=0.2\nrun.unload_min=1e-308\n' >"$tmp/set3"
printf 'facilities.central.stock.quilt=100\nrun.dispatch=tiered\nrun.each_site=true\n' >"$tmp/set4"
pass set 3000 "$tmp/set1" "$tmp/set2" "$tmp/set3" "$tmp/set4"

say "the results.dat reader"
"$SUPPLYSIM" -q --no-plot -n 3 -o "$tmp/hand" tests/data/hand.cfg >/dev/null || fail "hand.cfg run failed"
pass results 3000 "$tmp/hand/results.dat"
echo "e2e_fuzz: ok"
