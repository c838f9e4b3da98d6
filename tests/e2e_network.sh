#!/bin/sh
# e2e_network.sh -- network folders end to end: a configuration's network
# exported with --export-network and read back with `network = "DIR";` gives
# the same coverage and the same simulation; a bad row exits 2 with one line
# naming the file, line and column; resolved.cfg names the folder so that it
# reproduces the run from anywhere; the benchmark generator's folder loads and
# runs; a large folder's cache gives the same bytes and is not used once a
# file changes; a network larger than the memory allowed (ulimit -v) stops at load
# with a message saying how much it needs.  Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_network.sh
set -eu

TINY=tests/data/tiny.cfg
E2E=network
. "$(dirname "$0")/common.sh"

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"

# folder_system CFG: the system CFG with its seats given by id (the exported
# nodes.csv holds them), its own nodes and roads taken out, and network = "net"
# instead.  In the townships list, each lon = ..; lat = ..; becomes the
# node = "ID" of the entry whose id came last (entries may span lines).
folder_system() {
    awk '
    /^nodes = \(/ || /^roads = \(/ { skip = 1 }
    skip { if ($0 ~ /^\);/) skip = 0; next }
    /^townships = \(/ { print "network = \"net\";"; towns = 1 }
    towns && /^\);/ { towns = 0 }
    towns && /id = "[a-z_]+"/ { match($0, /id = "[a-z_]+"/); id = substr($0, RSTART + 6, RLENGTH - 7) }
    towns { sub(/lon = [0-9.]+; lat = [0-9.]+;/, "node = \"" id "\";") }
    { print }' "$1"
}

say "an exported network read back as a folder gives the same coverage, by hand"
mkdir -p "$tmp/rt"
run export --export-network "$tmp/rt/net" "$TINY"
expect_rc 0 "--export-network $TINY"
folder_system "$TINY" >"$tmp/rt/tiny_folder.cfg"
grep -q '^network = "net";' "$tmp/rt/tiny_folder.cfg" || fail "could not make tiny_folder.cfg"
grep -q 'node = "island"' "$tmp/rt/tiny_folder.cfg" || fail "could not make tiny_folder.cfg"
if grep -q 'lon = 116.20' "$tmp/rt/tiny_folder.cfg"; then fail "tiny_folder.cfg still has a seat's lon"; fi
run csv_a --check --format csv "$TINY"
run csv_b --check --format csv "$tmp/rt/tiny_folder.cfg"
expect_rc 0 "--check on the folder"
cmp -s "$tmp/csv_a.out" "$tmp/csv_b.out" || fail "coverage differs:
$(cat "$tmp/csv_a.out")
and from the folder:
$(cat "$tmp/csv_b.out")"

say "a flood on the exported Yongcheng network gives the very same results"
mkdir -p "$tmp/yc"
run ycexp --export-network "$tmp/yc/net" config/yongcheng.cfg
expect_rc 0 "--export-network config/yongcheng.cfg"
folder_system config/yongcheng.cfg >"$tmp/yc/yongcheng.cfg"
if awk '/^townships = \(/,/^\);/' "$tmp/yc/yongcheng.cfg" | grep -q ' lon = '; then
    fail "the Yongcheng folder system still has a seat's lon"
fi
sed 's|^base = .*|base = "yongcheng.cfg";|' scenarios/flood.cfg >"$tmp/yc/flood.cfg"
run flood_a -n 60 -j 2 --no-plot -o "$tmp/flood_a" scenarios/flood.cfg
expect_rc 0 "flood"
run flood_b -n 60 -j 2 --no-plot -o "$tmp/flood_b" "$tmp/yc/flood.cfg"
expect_rc 0 "flood on the folder"
for f in replications.csv sites.csv shipments.csv coverage.csv summary.txt; do
    cmp -s "$tmp/flood_a/$f" "$tmp/flood_b/$f" || fail "$f differs between the flood and the flood on the folder"
done

say "resolved.cfg names the folder by its full path and reproduces the run from elsewhere"
grep -q "network = \"/" "$tmp/flood_b/resolved.cfg" || fail "resolved.cfg: network is not a full path: $(grep network "$tmp/flood_b/resolved.cfg")"
here=$(pwd)
(cd / && "$here/$SUPPLYSIM" --no-plot -q -o "$tmp/flood_c" "$tmp/flood_b/resolved.cfg" >/dev/null 2>&1) ||
    fail "resolved.cfg of the folder run does not run from /"
cmp -s "$tmp/flood_b/replications.csv" "$tmp/flood_c/replications.csv" || fail "resolved.cfg does not reproduce the run"

say "a bad row exits 2 with one line naming the file, line and column"
mkdir -p "$tmp/bad/net"
cp "$tmp/rt/net/nodes.csv" "$tmp/bad/net/nodes.csv"
sed '3s/,county,/,motorway,/' "$tmp/rt/net/roads.csv" >"$tmp/bad/net/roads.csv"
cp "$tmp/rt/tiny_folder.cfg" "$tmp/bad/tiny_folder.cfg"
run bad --check "$tmp/bad/tiny_folder.cfg"
expect_rc 2 "a bad road class"
[ "$(wc -l <"$tmp/bad.err")" -eq 1 ] || fail "expected one line on stderr, got: $(cat "$tmp/bad.err")"
grep -qF "$tmp/bad/net/roads.csv:3:4: class: expected one of expressway, national, provincial, county, village, found \"motorway\"" "$tmp/bad.err" ||
    fail "unexpected message: $(cat "$tmp/bad.err")"
[ ! -s "$tmp/bad.out" ] || fail "a bad folder still printed a report"

GEN=build/gen-network
if [ -x "$GEN" ]; then
    say "the generator's folder and flood load and run"
    "$GEN" --nodes 2500 --sites 20 -o "$tmp/gen" 2>/dev/null || fail "gen-network failed"
    run gen_check --check "$tmp/gen/scenario.cfg"
    expect_rc 0 "--check on the generated scenario"
    grep -q "20 townships;" "$tmp/gen/check.out" 2>/dev/null || grep -q "20 townships;" "$tmp/gen_check.out" ||
        fail "the generated system does not have 20 townships"
    run gen_run -n 3 -j 2 --no-plot -q -o "$tmp/gen_out" "$tmp/gen/scenario.cfg"
    expect_rc 0 "running the generated flood"
    "$GEN" --nodes 2500 --sites 20 -o "$tmp/gen2" 2>/dev/null
    for f in network/nodes.csv network/roads.csv system.cfg scenario.cfg; do
        cmp -s "$tmp/gen/$f" "$tmp/gen2/$f" || fail "gen-network: $f differs for the same arguments"
    done

    say "a large folder's caches (the folder's, the landmarks'): written by the first run, read (not written) by the next, the same bytes; not used once roads.csv changes"
    # 6,000 nodes and some 12,000 roads: over the 10,000 lines a folder gets a cache for
    "$GEN" --nodes 6000 --sites 20 -o "$tmp/cached" 2>/dev/null || fail "gen-network 6000 failed"
    cache="$tmp/cached/network/.supplysim-cache"
    [ ! -e "$cache" ] || fail "a cache before any run"
    marks="$tmp/cached/network/.supplysim-landmarks"
    for k in 1 2; do
        [ "$k" -eq 1 ] || was=$(stat -c '%i %Y.%y' "$cache" "$marks")
        run "cache$k" -n 3 --no-plot -q -o "$tmp/c$k" "$tmp/cached/scenario.cfg"
        expect_rc 0 "run $k on the cached folder"
        [ -s "$cache" ] || fail "run $k left no cache"
        [ -s "$marks" ] || fail "run $k kept no landmarks"
    done
    # a cache is written only by a run that did not find it good: run 2 read both
    [ "$(stat -c '%i %Y.%y' "$cache" "$marks")" = "$was" ] || fail "run 2 wrote the caches again"
    diff -r -x report.html -x results.gpkg "$tmp/c1" "$tmp/c2" >/dev/null ||
        fail "the run from the caches differs from the run that parsed the folder"
    # every road half as long: caches of the old files, whose landmarks would then bound
    # too high, must not be used
    awk -F, 'BEGIN { OFS = "," } NR > 1 { $3 = $3 / 2 } { print }' "$tmp/cached/network/roads.csv" \
        >"$tmp/roads2.csv" && mv "$tmp/roads2.csv" "$tmp/cached/network/roads.csv"
    run cache3 -n 3 --no-plot -q -o "$tmp/c3" "$tmp/cached/scenario.cfg"
    expect_rc 0 "the run after roads.csv changed"
    rm "$cache" "$marks"
    run cache4 -n 3 --no-plot -q -o "$tmp/c4" "$tmp/cached/scenario.cfg"
    expect_rc 0 "the run with no caches"
    diff -r -x report.html -x results.gpkg "$tmp/c3" "$tmp/c4" >/dev/null ||
        fail "after roads.csv changed, the run used an old cache"
    if diff -r -x report.html -x results.gpkg "$tmp/c1" "$tmp/c3" >/dev/null; then
        fail "roads half as long changed nothing: the check above proves nothing"
    fi

    say "a network over the memory allowed stops at load saying how much it needs"
    "$GEN" --nodes 250000 --sites 10 -o "$tmp/big" 2>/dev/null || fail "gen-network 250000 failed"
    rc=0
    # 214 MB: enough to load the program and its libraries (GDAL's among them, some 170 MB of
    # address space), not the 268 MB this network needs
    (ulimit -v 220000 && ./supplysim --check "$tmp/big/system.cfg") >"$tmp/mem.out" 2>"$tmp/mem.err" || rc=$?
    [ "$rc" -eq 2 ] || fail "over the memory allowed: expected exit status 2, got $rc: $(cat "$tmp/mem.err")"
    grep -q "network of 250000 nodes and [0-9]* roads needs about [0-9]* MB of memory to load and run on one thread; this process may use at most 214 MB" "$tmp/mem.err" ||
        fail "unexpected message: $(cat "$tmp/mem.err")"
    rc=0
    ./supplysim --check "$tmp/big/system.cfg" >/dev/null 2>&1 || rc=$?
    [ "$rc" -eq 0 ] || fail "the same network without the limit: exit status $rc"
else
    say "($GEN not built: generator checks skipped)"
fi

echo "e2e_network: all checks passed"
