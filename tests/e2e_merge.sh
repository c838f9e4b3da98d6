#!/bin/sh
# e2e_merge.sh -- shards and merge: a run done as 3 shards (given to merge in
# any order) gives, byte for byte, the folder of one run with the same seed and
# replications, and so does a run on 3 threads; a missing, doubled or foreign
# shard is refused with exit status 2, and so is a results.dat that does not
# belong to its shard or was changed: another seed's copied in, a response
# edited to -50, 9999 (past the horizon) or NaN, bytes added at its end.
# Nothing is written when merge refuses.
set -eu
E2E=merge
. "$(dirname "$0")/common.sh"

say "one run of 30 replications and the same run as 3 shards"
"$SUPPLYSIM" -q --no-plot -n 30 -j 2 -o "$tmp/one" scenarios/flood.cfg >/dev/null
for i in 1 2 3; do
    "$SUPPLYSIM" -q --no-plot -n 30 -j 1 --shard "$i/3" -o "$tmp/s$i" scenarios/flood.cfg >/dev/null
done
say "merge (shards in the order 3 1 2) equals the one run, file by file"
"$SUPPLYSIM" merge -q --no-plot -o "$tmp/merged" "$tmp/s3" "$tmp/s1" "$tmp/s2" >"$tmp/merge.out"
for f in "$tmp"/one/*; do
    b=$(basename "$f")
    cmp -s "$f" "$tmp/merged/$b" || fail "merged $b differs from the one run's"
done
[ "$(ls "$tmp/one" | wc -l)" -eq "$(ls "$tmp/merged" | wc -l)" ] || fail "merged folder has other files"
head -1 "$tmp/merge.out" | grep -Eq '^(PASS|FAIL|INCONCLUSIVE):' || fail "merge printed no verdict"

say "a missing shard is refused (exit 2, names what is missing)"
set +e
"$SUPPLYSIM" merge -q -o "$tmp/bad" "$tmp/s1" "$tmp/s3" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "missing shard: exit $rc, expected 2"
grep -q "expected replications from" "$tmp/err" || fail "missing shard: message was: $(cat "$tmp/err")"

say "a shard of another configuration is refused"
"$SUPPLYSIM" -q --no-plot -n 30 --shard 2/3 -D fleet.central.trucks=3 -o "$tmp/other" scenarios/flood.cfg >/dev/null
set +e
"$SUPPLYSIM" merge -q -o "$tmp/bad2" "$tmp/s1" "$tmp/other" "$tmp/s3" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "foreign shard: exit $rc, expected 2"
grep -q "expected the same configuration" "$tmp/err" || fail "foreign shard: message was: $(cat "$tmp/err")"
say "a run on 3 threads gives the same bytes as on 2"
"$SUPPLYSIM" -q --no-plot -n 30 -j 3 -o "$tmp/three" scenarios/flood.cfg >/dev/null
for f in "$tmp"/one/*; do
    cmp -s "$f" "$tmp/three/$(basename "$f")" || fail "-j 3: $(basename "$f") differs from -j 2"
done

# refused NAME MESSAGE SHARD...: merge exits 2 with MESSAGE on stderr and
# leaves no file in its output folder
refused() {
    name=$1 message=$2
    shift 2
    set +e
    "$SUPPLYSIM" merge -q --no-plot -o "$tmp/out-$name" "$@" 2>"$tmp/err"; rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2; stderr: $(cat "$tmp/err")"
    grep -qF -- "$message" "$tmp/err" || fail "$name: expected \"$message\", found: $(cat "$tmp/err")"
    [ -z "$(ls -A "$tmp/out-$name" 2>/dev/null)" ] || fail "$name: files written: $(ls "$tmp/out-$name")"
    echo "   $(head -c 300 "$tmp/err" | sed "s|$tmp/||g")"
}

# a copy of shard 1 whose results.dat is changed by the commands that follow
copy() {
    rm -rf "$tmp/$1"
    cp -r "$tmp/s1" "$tmp/$1"
}

say "a shard given twice, or overlapping another, is refused"
refused twice "overlap" "$tmp/s1" "$tmp/s2" "$tmp/s2" "$tmp/s3"
"$SUPPLYSIM" -q --no-plot -n 30 -j 1 --shard 1/2 -o "$tmp/h1" scenarios/flood.cfg >/dev/null
refused overlap "found 0 to 14, which overlap" "$tmp/s1" "$tmp/h1" "$tmp/s2" "$tmp/s3"

say "the results.dat of a -s 7 run copied into shard 1 is refused (seed)"
"$SUPPLYSIM" -q --no-plot -n 30 -j 1 --shard 1/3 -s 7 -o "$tmp/seed7" scenarios/flood.cfg >/dev/null
copy s7
cp "$tmp/seed7/results.dat" "$tmp/s7/results.dat"
refused seed "expected seed" "$tmp/s7" "$tmp/s2" "$tmp/s3"

say "the results.dat of another configuration, same seed, is refused (digest)"
"$SUPPLYSIM" -q --no-plot -n 30 -j 1 --shard 1/3 -D fleet.central.trucks=3 -o "$tmp/fleet3" scenarios/flood.cfg >/dev/null
copy sfleet
cp "$tmp/fleet3/results.dat" "$tmp/sfleet/results.dat"
refused digest "found results of another configuration" "$tmp/sfleet" "$tmp/s2" "$tmp/s3"

# put_f64 FILE OFFSET HEXBYTES: writes 8 bytes (little-endian, as octal escapes) at OFFSET
put_f64() {
    printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
# the response of the first site of the first replication: after the 52-byte
# header, the record's 9 scalars (72 bytes) and the sites' occurrences
sites=$(od -An -tu4 -j12 -N4 "$tmp/s1/results.dat" | tr -d ' ')
at=$((52 + 72 + 8 * sites))
site=$(head -1 "$tmp/s1/replications.csv" | cut -d, -f8 | sed 's/^response_//')

say "a response edited to -50, 9999 or NaN is refused, naming the replication and site"
copy neg
put_f64 "$tmp/neg/results.dat" "$at" '\000\000\000\000\000\000\111\300'     # -50.0
refused negative "replication 0: response of site $site: expected 0 to 4320 (the horizon) or inf, found -50" \
    "$tmp/neg" "$tmp/s2" "$tmp/s3"
copy late
put_f64 "$tmp/late/results.dat" "$at" '\000\000\000\000\200\207\303\100'     # 9999.0
refused beyond "response of site $site: expected 0 to 4320 (the horizon) or inf, found 9999" \
    "$tmp/late" "$tmp/s2" "$tmp/s3"
copy nan
put_f64 "$tmp/nan/results.dat" "$at" '\000\000\000\000\000\000\370\177'     # NaN
refused nan "found nan" "$tmp/nan" "$tmp/s2" "$tmp/s3"

say "a value changed within its range is refused by the checksum"
copy crc
put_f64 "$tmp/crc/results.dat" "$at" '\000\000\000\000\000\000\131\100'     # 100.0
refused crc "expected CRC-32" "$tmp/crc" "$tmp/s2" "$tmp/s3"

say "bytes added after the end of results.dat are refused"
copy trailing
printf 'x' >>"$tmp/trailing/results.dat"
refused trailing "expected an end record in its last 28 bytes" "$tmp/trailing" "$tmp/s2" "$tmp/s3"

say "the shards untouched still merge (the copies above changed nothing else)"
"$SUPPLYSIM" merge -q --no-plot -o "$tmp/merged2" "$tmp/s1" "$tmp/s2" "$tmp/s3" >/dev/null
cmp -s "$tmp/merged/results.dat" "$tmp/merged2/results.dat" || fail "merged again: results.dat differs"
echo "e2e_merge: all checks passed"
