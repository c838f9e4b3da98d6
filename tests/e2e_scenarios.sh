#!/bin/sh
# e2e_scenarios.sh -- the scenario library end to end: every scenarios/*.cfg opens with a
# comment, builds on the Yongcheng definition, has a one-line description, passes --check
# (exit 0) and runs 20 replications (exit 0, first line a verdict); scripts/scenario-table
# makes one table row per scenario and rewrites a README's table between its markers and
# nothing else.  Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_scenarios.sh
set -eu


E2E=scenarios
. "$(dirname "$0")/common.sh"

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"
set -- scenarios/*.cfg
[ -e "$1" ] || fail "no scenarios/*.cfg (run from the repository root)"
n=$#

for f in "$@"; do
    name=$(basename "$f" .cfg)
    say "$f"
    head -n 1 "$f" | grep -q '^#' || fail "$f: does not open with a comment"
    grep -q '^base = "\.\./config/yongcheng\.cfg";' "$f" || fail "$f: does not build on ../config/yongcheng.cfg"
    [ "$(grep -c '^description = ".*";$' "$f")" -eq 1 ] ||
        fail "$f: expected one description = \"...\"; on one line"

    rc=0
    "$SUPPLYSIM" --check "$f" >"$tmp/$name.check" 2>"$tmp/$name.check.err" || rc=$?
    [ "$rc" -eq 0 ] || fail "$f: --check exited $rc: $(cat "$tmp/$name.check.err")"

    rc=0
    "$SUPPLYSIM" -q --no-plot -n 20 -o "$tmp/out/$name" "$f" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
    [ "$rc" -eq 0 ] || fail "$f: -n 20 exited $rc: $(cat "$tmp/$name.err")"
    first=$(head -n 1 "$tmp/$name.out")
    echo "$first" | grep -Eq '^(PASS|FAIL|INCONCLUSIVE): the .* promise held in [0-9.]+% of 20 ' ||
        fail "$f: the first line is not a verdict over 20 replications: $first"
done

say "scripts/scenario-table -n 5: a header, a rule and one row per scenario"
sh scripts/scenario-table -n 5 >"$tmp/table.md" 2>"$tmp/table.err" || fail "scenario-table: $(cat "$tmp/table.err")"
[ "$(wc -l <"$tmp/table.md" | tr -d ' ')" -eq $((n + 2)) ] ||
    fail "scenario-table: expected $((n + 2)) lines, found: $(cat "$tmp/table.md")"
for f in "$@"; do
    name=$(basename "$f" .cfg)
    grep -Eq "^\| \[$name\]\(scenarios/$name\.cfg\) \| [^|]+ \| \*\*(PASS|FAIL|INCONCLUSIVE)\*\* \(5 runs\) \| [0-9.]+% \([0-9.]+–[0-9.]+%\) \| [0-9.]+% \([0-9.]+–[0-9.]+%\) \|$" "$tmp/table.md" ||
        fail "scenario-table: no well-formed row for $name in: $(cat "$tmp/table.md")"
done

say "scenario-table --update-readme replaces the table between the markers and nothing else"
cat >"$tmp/README.md" <<'EOF'
# Title

before
<!-- scenario-table -->
| old | table |
<!-- /scenario-table -->
after
EOF
sh scripts/scenario-table --update-readme --readme "$tmp/README.md" -n 2 scenarios/flood.cfg \
    >/dev/null 2>"$tmp/upd.err" || fail "--update-readme: $(cat "$tmp/upd.err")"
[ "$(sed -n '1,4p' "$tmp/README.md")" = "$(printf '# Title\n\nbefore\n<!-- scenario-table -->')" ] ||
    fail "--update-readme changed what comes before the table: $(cat "$tmp/README.md")"
[ "$(tail -n 2 "$tmp/README.md")" = "$(printf '<!-- /scenario-table -->\nafter')" ] ||
    fail "--update-readme changed what comes after the table: $(cat "$tmp/README.md")"
grep -q '^| \[flood\](scenarios/flood.cfg) |' "$tmp/README.md" || fail "--update-readme: no flood row"
if grep -q '^| old | table |$' "$tmp/README.md"; then fail "--update-readme kept the old table"; fi
[ "$(wc -l <"$tmp/README.md" | tr -d ' ')" -eq 9 ] || fail "--update-readme: expected 9 lines: $(cat "$tmp/README.md")"

say "--update-readme refuses a README without markers (exit 2)"
printf '# no markers\n' >"$tmp/plain.md"
rc=0
sh scripts/scenario-table --update-readme --readme "$tmp/plain.md" -n 2 scenarios/flood.cfg >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "--update-readme without markers: expected exit 2, got $rc"
[ "$(cat "$tmp/plain.md")" = "# no markers" ] || fail "--update-readme changed a README without markers"

echo "e2e_scenarios: all $n scenarios and the table script passed"
