#!/bin/sh
# e2e_merge.sh -- shards and merge: a run done as 3 shards (given to merge in
# any order) gives, byte for byte, the folder of one run with the same seed and
# replications; a missing or foreign shard is refused with exit status 2.
set -eu
S=${SUPPLYSIM:-./supplysim}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
fail() { echo "e2e_merge: FAIL: $*" >&2; exit 1; }

echo "-- one run of 30 replications and the same run as 3 shards"
"$S" -q --no-plot -n 30 -j 2 -o "$T/one" scenarios/flood.cfg >/dev/null
for i in 1 2 3; do
    "$S" -q --no-plot -n 30 -j 1 --shard "$i/3" -o "$T/s$i" scenarios/flood.cfg >/dev/null
done
echo "-- merge (shards in the order 3 1 2) equals the one run, file by file"
"$S" merge -q --no-plot -o "$T/merged" "$T/s3" "$T/s1" "$T/s2" >"$T/merge.out"
for f in "$T"/one/*; do
    b=$(basename "$f")
    cmp -s "$f" "$T/merged/$b" || fail "merged $b differs from the one run's"
done
[ "$(ls "$T/one" | wc -l)" -eq "$(ls "$T/merged" | wc -l)" ] || fail "merged folder has other files"
head -1 "$T/merge.out" | grep -Eq '^(PASS|FAIL|INCONCLUSIVE):' || fail "merge printed no verdict"

echo "-- a missing shard is refused (exit 2, names what is missing)"
set +e
"$S" merge -q -o "$T/bad" "$T/s1" "$T/s3" 2>"$T/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "missing shard: exit $rc, expected 2"
grep -q "expected replications from" "$T/err" || fail "missing shard: message was: $(cat "$T/err")"

echo "-- a shard of another configuration is refused"
"$S" -q --no-plot -n 30 --shard 2/3 -D fleet.central.trucks=3 -o "$T/other" scenarios/flood.cfg >/dev/null
set +e
"$S" merge -q -o "$T/bad2" "$T/s1" "$T/other" "$T/s3" 2>"$T/err"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "foreign shard: exit $rc, expected 2"
grep -q "expected the same configuration" "$T/err" || fail "foreign shard: message was: $(cat "$T/err")"
echo "e2e_merge: all checks passed"
