#!/bin/sh
# e2e_merge.sh -- shards and merge: a run done as 3 shards (given to merge in
# any order) gives, byte for byte, the folder of one run with the same seed and
# replications; a missing or foreign shard is refused with exit status 2.
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
echo "e2e_merge: all checks passed"
