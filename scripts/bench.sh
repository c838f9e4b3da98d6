#!/bin/sh
# bench.sh -- make bench: the flood scenario's speed and memory on 1 and 2
# threads (best of 3 runs of 1000 replications each, from `supplysim -v`), and
# the event calendar's own rate (tests/bench_calendar.c: M/M/c and hold models).
# Speed is measured here and only here; no test asserts a time.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM

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

for b in "$@"; do
    echo "== $(basename "$b")"
    "$b"
done
