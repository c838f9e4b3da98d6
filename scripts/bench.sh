#!/bin/sh
# bench.sh -- make bench: the flood scenario's speed and memory on 1 and 2
# threads (best of 3 runs of 1000 replications each, from `supplysim -v`); the
# whole process of a 1000-replication run in CPU seconds (user + sys, best of
# 3, /usr/bin/time) and peak memory; the peak memory of a million
# replications on 2 threads (memory must not grow with replications; about 3
# minutes on 2 cores, and 1.6 GB of results.dat in a temporary folder;
# BENCH_QUICK=1 skips it); the three decision studies on the flood (compare
# with two options, roads, sensitivity; -n 1000 -j 2, wall and CPU seconds);
# improve on the flood with the shipped levers and the combinations each of
# its stages ran; routing at scale, on synthetic grids written by
# build/gen-network (scripts/gen_network.c): a replication's CPU at 10,000 and
# 100,000 nodes with 300 sites (the difference between runs of 1 and of 1 + K
# replications, divided by K, so that loading and set-up are left out; both
# are shown; the best of three, so the folder's cache has been written), one
# replication at 1,000,000 nodes and 2,000 sites, twice: with the fresh
# folder parsed and its cache written, then with the cache read (wall time
# too; BENCH_QUICK=1 skips it), and --check at 100,000 nodes and 2,000 sites,
# each in CPU seconds and peak memory; a county's own roads: import-network of
# a synthetic OpenStreetMap file of 200,000 nodes (gen-network --osm), --check
# and 100 replications of its flood on 2 threads (5 with BENCH_QUICK=1); and
# the event calendar's own rate
# (tests/bench_calendar.c: M/M/c and hold models).
# Speed is measured here and only here; no test asserts a time.
# supplysim speaks the locale's language (LC_ALL, LC_MESSAGES, LANG); this script
# reads and records its English.
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
GEN=build/gen-network

# cost NAME ARGS...: runs supplysim, sets $wall $cpu $mb (seconds, seconds, MB)
cost() {
    name=$1
    shift
    /usr/bin/time -o "$out/$name.time" -f "%e %U %S %M" ./supplysim "$@" >/dev/null 2>"$out/$name.err" ||
        { echo "bench: supplysim $* failed: $(tail -3 "$out/$name.err")" >&2; exit 1; }
    read -r wall user sys kb <"$out/$name.time"
    cpu=$(awk "BEGIN { printf \"%.2f\", $user + $sys }")
    mb=$(awk "BEGIN { printf \"%.0f\", $kb / 1024 }")
}

# best3 NAME ARGS...: the least CPU of three runs (in $cpu, with its $mb)
best3() {
    b=""
    for k in 1 2 3; do
        cost "$@"
        if [ -z "$b" ] || awk "BEGIN { exit !($cpu < $b) }"; then b=$cpu; bmb=$mb; fi
    done
    cpu=$b
    mb=$bmb
}

# cpu_mb FILE: "CPU s, peak MB" from /usr/bin/time -f '%U %S %M' output in FILE
cpu_mb() {
    tail -n 1 "$1" | awk '{ printf "%.2f s CPU, peak %.1f MB", $1 + $2, $3 / 1024 }'
}

echo "== flood scenario: 1000 replications (best of 3)"
for j in 1 2; do
    best=""
    for k in 1 2 3; do
        line=$(./supplysim -v -q -n 1000 -j "$j" -o "$out/flood" scenarios/flood.cfg 2>&1 >/dev/null | grep 'replications in')
        secs=$(echo "$line" | sed 's/.* in \([0-9.]*\) s.*/\1/')
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; bestline=$line; fi
    done
    echo "  -j $j: ${bestline#supplysim: }"
done

if [ -x /usr/bin/time ]; then
    echo "== flood, 1000 replications, -j 1 --no-plot, whole process (best of 3)"
    best=""
    for k in 1 2 3; do
        /usr/bin/time -f '%U %S %M' -o "$out/time" \
            ./supplysim -q -n 1000 -j 1 --no-plot -o "$out/whole" scenarios/flood.cfg >/dev/null
        cpu=$(tail -n 1 "$out/time" | awk '{ print $1 + $2 }')
        if [ -z "$best" ] || awk "BEGIN{exit !($cpu < $best)}"; then best=$cpu; cp "$out/time" "$out/best"; fi
    done
    echo "  $(cpu_mb "$out/best")"
    if [ "${BENCH_QUICK:-0}" != 1 ]; then
        echo "== flood, 1,000,000 replications, -j 2 --no-plot (once)"
        /usr/bin/time -f '%U %S %M' -o "$out/time" \
            ./supplysim -q -n 1000000 -j 2 --no-plot -o "$out/million" scenarios/flood.cfg >/dev/null
        echo "  $(cpu_mb "$out/time"), results.dat $(du -m "$out/million/results.dat" | cut -f1) MB"
        rm -rf "$out/million"
    fi
else
    echo "== whole-process rows skipped: no /usr/bin/time (Debian package time)"
fi
# The decision studies on the flood at -n 1000 -j 2, once each: wall and CPU seconds
# (user + system; CPU is the stable one on a shared machine) and peak memory.
for cmd in compare roads sensitivity; do
    [ -x /usr/bin/time ] || break
    case $cmd in
        compare) extra="--variant 'trucks: fleet.central.trucks=24' --variant 'vans: facility_kinds.township.trucks=2'" ;;
        *) extra="" ;;
    esac
    t=$(eval /usr/bin/time -f "'%e %U %S %M'" ./supplysim "$cmd" -q --no-plot -n 1000 -j 2 \
            -o "$out/$cmd" scenarios/flood.cfg "$extra" 2>&1 >/dev/null | tail -1)
    echo "$t" | awk -v c="$cmd" '{ printf "== supplysim %s, flood, -n 1000 -j 2: %.1f s wall, %.1f s CPU (user + sys), peak memory %.1f MB\n", c, $1, $2 + $3, $4 / 1024 }'
done

# improve on the flood with the shipped levers (12: every combination a candidate), -n 1000
# -j 2: wall and CPU seconds, peak memory, and how many combinations each stage ran.
if [ -x /usr/bin/time ]; then
    t=$(/usr/bin/time -f '%e %U %S %M' ./supplysim improve --no-plot -n 1000 -j 2 \
            -o "$out/improve" scenarios/flood.cfg 2>&1 >"$out/improve.txt" | tail -1)
    echo "$t" | awk '{ printf "== supplysim improve, flood, shipped levers, -n 1000 -j 2: %.1f s wall, %.1f s CPU (user + sys), peak memory %.1f MB\n", $1, $2 + $3, $4 / 1024 }'
    grep '^Search: ' "$out/improve.txt" | fold -s -w 100 | sed 's/^/   /'
fi

if [ -x /usr/bin/time ] && [ -x "$GEN" ]; then
    echo "== routing at scale (synthetic grids; CPU seconds and peak memory)"
    "$GEN" --nodes 10000 --sites 300 -o "$out/g10k" 2>/dev/null
    "$GEN" --nodes 100000 --sites 300 -o "$out/g100k" 2>/dev/null
    "$GEN" --nodes 100000 --sites 2000 -o "$out/g100k2k" 2>/dev/null
    echo "| work | CPU s | peak MB |"
    echo "|---|---|---|"
    # per_rep NAME SCENARIO K: one replication's CPU, from -n 1 and -n 1+K
    per_rep() {
        best3 "$1.1" -q -n 1 -j 1 --no-plot -o "$out/o_$1" "$2"
        one=$cpu
        best3 "$1.k" -q -n $(( $3 + 1 )) -j 1 --no-plot -o "$out/o_$1" "$2"
        rep=$(awk "BEGIN { printf \"%.3f\", ($cpu - $one) / $3 }")
    }
    per_rep g10k "$out/g10k/scenario.cfg" 10
    echo "| grid 10,000 nodes, 300 sites: a replication | $rep | $mb |"
    echo "| grid 10,000 nodes, 300 sites: load, set-up and the first replication | $one | |"
    per_rep g100k "$out/g100k/scenario.cfg" 3
    echo "| grid 100,000 nodes, 300 sites: a replication | $rep | $mb |"
    echo "| grid 100,000 nodes, 300 sites: load, set-up and the first replication | $one | |"
    best3 check --check "$out/g100k2k/scenario.cfg"
    echo "| \`--check\`, grid 100,000 nodes, 2,000 sites | $cpu | $mb |"
    if [ "${BENCH_QUICK:-0}" != 1 ]; then
        "$GEN" --nodes 1000000 --sites 2000 -o "$out/g1m" 2>/dev/null
        cost g1m -q -n 1 -j 1 --no-plot -o "$out/g1m_out" "$out/g1m/scenario.cfg"
        echo "| grid 1,000,000 nodes, 2,000 sites: one replication, whole process, the folder parsed and its cache written ($wall s wall) | $cpu | $mb |"
        cost g1m -q -n 1 -j 1 --no-plot -o "$out/g1m_out" "$out/g1m/scenario.cfg"
        echo "| grid 1,000,000 nodes, 2,000 sites: one replication, whole process, the folder's cache read ($wall s wall) | $cpu | $mb |"
    fi
    rm -rf "$out"/g* "$out"/o_*
fi

if [ -x /usr/bin/time ] && [ -x "$GEN" ]; then
    echo "== a county's own roads: a synthetic OpenStreetMap file of 200,000 nodes"
    "$GEN" --nodes 140000 --sites 300 --osm -o "$out/osm" 2>"$out/osm.gen" ||
        { echo "bench: gen-network --osm failed: $(cat "$out/osm.gen")" >&2; exit 1; }
    echo "  $(grep -o '[0-9]* OpenStreetMap nodes, [0-9]* ways' "$out/osm.gen"), $(du -m "$out/osm/network.osm" | cut -f1) MB"
    echo "| work | wall s | CPU s | peak MB |"
    echo "|---|---|---|---|"
    cost import import-network -o "$out/osm/imported" "$out/osm/network.osm"
    echo "| import-network: $(( $(wc -l <"$out/osm/imported/nodes.csv") - 1 )) nodes, $(( $(wc -l <"$out/osm/imported/roads.csv") - 1 )) roads | $wall | $cpu | $mb |"
    cost osmcheck --check "$out/osm/scenario.cfg"
    echo "| \`--check\` (every seat and store put on the network) | $wall | $cpu | $mb |"
    n=100
    [ "${BENCH_QUICK:-0}" != 1 ] || n=5
    cost osmrun -q --no-plot -n $n -j 2 -o "$out/osm/run" "$out/osm/scenario.cfg"
    echo "| the flood, $n replications, \`-j 2 --no-plot\`, whole process | $wall | $cpu | $mb |"
    rm -rf "$out/osm"
fi

for b in "$@"; do
    echo "== $(basename "$b")"
    "$b"
done
