#!/bin/sh
# run-afl.sh TARGET SECONDS -- `make fuzz`: builds the AFL++ harness (afl.c,
# with AFL++'s compiler and AddressSanitizer + UBSan), makes the seed corpora
# and runs afl-fuzz for SECONDS on TARGET: config (configuration loading;
# seeds config/, scenarios/, tests/data/), set (-D overrides over
# tests/data/hand.cfg; seeds: override lines), results (the results.dat
# reader; seed: a results.dat of tests/data/hand.cfg) or all (each in turn).
# Everything goes to build/fuzz/; the findings of a target stay in
# build/fuzz/TARGET/findings (a rerun resumes them).  Prints the executions,
# crashes and hangs; exits 1 when AFL++ saved a crash or a hang.
set -eu
[ $# -eq 2 ] || { echo "usage: run-afl.sh config|set|results|all SECONDS" >&2; exit 2; }
target=$1
secs=$2
root=$(pwd)
out=$root/build/fuzz
mkdir -p "$out"
command -v afl-fuzz >/dev/null || { echo "run-afl.sh: no afl-fuzz (scripts/install-deps --fuzz)" >&2; exit 2; }

say() { echo "fuzz: $*"; }
# libconfig's own leak on some syntax errors (tests/fuzz/lsan.supp) is not ours
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:symbolize=0:print_suppressions=0"
# AFL++ wants these when ASAN_OPTIONS is set at all
export ASAN_OPTIONS="abort_on_error=1:symbolize=0:detect_leaks=1"

# ---- the harness --------------------------------------------------------------
src=$(ls sim/*/*.c | grep -v '^sim/cmd/main.c$')
pkgs=${PKGS:-gsl libconfig zlib}      # the Makefile's libraries
if [ ! -x "$out/afl" ] || [ -n "$(find sim tests/fuzz -newer "$out/afl" -name '*.[ch]' | head -1)" ]; then
    say "building the harness with afl-cc (AddressSanitizer + UBSan)"
    # shellcheck disable=SC2086
    AFL_USE_ASAN=1 AFL_USE_UBSAN=1 AFL_QUIET=1 afl-cc -std=c11 -D_DEFAULT_SOURCE -O1 -g \
        -Isim -Itests $(pkg-config --cflags $pkgs) -o "$out/afl.new" \
        $src tests/fuzz/target.c tests/fuzz/afl.c $(pkg-config --libs $pkgs) -lpthread -lm
    mv "$out/afl.new" "$out/afl"
fi

# ---- seed corpora -------------------------------------------------------------
seeds() {
    dir=$out/$1/in
    rm -rf "$dir"
    mkdir -p "$dir"
    case $1 in
    config)
        for f in config/*.cfg scenarios/*.cfg tests/data/*.cfg; do
            cp "$f" "$dir/$(echo "$f" | tr / _)"
        done ;;
    set)
        printf 'run.replications=5\n' >"$dir/one"
        printf 'run.load_cv=0.5\nrun.seed=7\n' >"$dir/absent"
        printf 'disaster.sites.[0].occur_min=[10, 50]\n' >"$dir/range"
        printf 'fleet.central.trucks=3\nroad_classes.village.cv=0.2\nname="x"\n' >"$dir/three"
        printf 'run.unload_min=1e-308\nrun.dispatch=tiered\nrun.each_site=true\n' >"$dir/kinds" ;;
    results)
        ./supplysim -q --no-plot -n 3 -o "$out/results-seed" tests/data/hand.cfg >/dev/null
        cp "$out/results-seed/results.dat" "$dir/hand.dat" ;;
    esac
}

# ---- fuzzing --------------------------------------------------------------------
fuzz() {
    t=$1
    seeds "$t"
    work=$out/$t/work
    mkdir -p "$work"
    resume=-
    [ -d "$out/$t/findings/default/queue" ] || resume=$out/$t/in
    say "$t: afl-fuzz for $secs s (findings in $out/$t/findings)"
    AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    AFL_SKIP_BIN_CHECK=0 AFL_NO_AFFINITY=1 \
        afl-fuzz -i "$resume" -o "$out/$t/findings" -V "$secs" -t 5000 -m none \
        -- "$out/afl" "$t" "$root" "$work" @@ >"$out/$t/afl.log" 2>&1 || {
        tail -20 "$out/$t/afl.log"
        echo "fuzz: $t: afl-fuzz failed (log: $out/$t/afl.log)" >&2
        return 1
    }
    stats=$out/$t/findings/default/fuzzer_stats
    execs=$(awk -F' *: *' '$1 == "execs_done" { print $2 }' "$stats")
    crashes=$(awk -F' *: *' '$1 == "saved_crashes" || $1 == "unique_crashes" { print $2; exit }' "$stats")
    hangs=$(awk -F' *: *' '$1 == "saved_hangs" || $1 == "unique_hangs" { print $2; exit }' "$stats")
    paths=$(awk -F' *: *' '$1 == "corpus_count" || $1 == "paths_total" { print $2; exit }' "$stats")
    say "$t: $execs executions, $paths inputs in the queue, $crashes crashes, $hangs hangs"
    if [ "${crashes:-0}" -gt 0 ] || [ "${hangs:-0}" -gt 0 ]; then
        say "$t: reproduce with: $out/afl $t $root $work FILE  (FILE from $out/$t/findings/default/crashes or hangs)"
        return 1
    fi
}

rc=0
case $target in
all) for t in config set results; do fuzz "$t" || rc=1; done ;;
config | set | results) fuzz "$target" || rc=1 ;;
*) echo "run-afl.sh: unknown target $target (config, set, results or all)" >&2; exit 2 ;;
esac
exit $rc
