#!/bin/sh
# e2e_texts.sh -- every text people read comes from the language table, and
# the calls that use a text as a format pass it as many arguments as it has
# conversions (tests/check_texts.pl, on the sources); the checker itself is
# shown to catch both mistakes on a copy with one of each put in.
E2E=texts
. tests/common.sh

say "the sources: formats from the table, with their arguments"
perl tests/check_texts.pl . >"$tmp/check.out" 2>&1 || fail "check_texts.pl: $(cat "$tmp/check.out")"

say "the checker catches a wrong count and an English literal (on a copy)"
mkdir -p "$tmp/copy"
cp -r sim "$tmp/copy/"
sed -i 's/FAIL(r, cfg_opt(e, "lon"), NULL, T_CFG_LON, n->lon);/FAIL(r, cfg_opt(e, "lon"), NULL, T_CFG_LON, n->lon, 1.0);/' \
    "$tmp/copy/sim/config/system.c"
sed -i 's|^    print_nodes(f, d, l);|    fprintf(f, "Nodes and roads:\\n");\n    print_nodes(f, d, l);|' \
    "$tmp/copy/sim/results/check.c"
if perl tests/check_texts.pl "$tmp/copy" >"$tmp/copy.out" 2>&1; then
    fail "check_texts.pl passed a copy with two mistakes"
fi
grep -q 'system.c:[0-9]*: FAIL with T_CFG_LON: 1 conversions, 2 arguments' "$tmp/copy.out" ||
    fail "the wrong count was not reported: $(cat "$tmp/copy.out")"
grep -q 'check.c:[0-9]*: English words printed outside the language table: "Nodes and roads:' "$tmp/copy.out" ||
    fail "the English literal was not reported: $(cat "$tmp/copy.out")"

echo "e2e_texts: all checks passed"
