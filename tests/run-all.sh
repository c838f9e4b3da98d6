#!/bin/sh
# run-all.sh -- runs every cmocka test binary given as argument and then every
# end-to-end script tests/e2e_*.sh (against the sanitized binary
# build/test/supplysim), and ends with one line "check: N passed, N failed".
pass=0; fail=0; failed=""
for t in "$@"; do
    if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
for t in tests/e2e_*.sh; do
    [ -e "$t" ] || continue
    echo "== $t"
    if SUPPLYSIM=build/test/supplysim sh "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $t"; fi
done
[ -z "$failed" ] || echo "failed:$failed"
echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
