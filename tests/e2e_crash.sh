#!/bin/sh
# e2e_crash.sh -- crash consistency of the output folder: runs are killed at
# random moments, hundreds of times, and after each kill the folder must be
# exactly one complete run, the previous one or the new one, byte for byte,
# never a mix.  Two runs alternate (seed 1 and seed 2, whose every file
# differs), their complete folders made once as references; each kill comes
# at a seeded random offset, half of them in [0, 1.3 x the run's own
# duration], half near its end (0.55 to 0.85 of that span), where the files
# are written, with
# SIGKILL (nothing can clean up) or, one time in four, SIGTERM (the handler
# must clean up and exit 143).  What a SIGKILL leaves beside the folder (at
# most one stage .D.tmp-PID@HOST) must be gone after the next run.  Run from
# the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_crash.sh
set -eu

FLOOD=scenarios/flood.cfg
KILLS=${KILLS:-200}
SEED=${SEED:-20261128}

E2E=crash
. "$(dirname "$0")/common.sh"

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"

args="-q --no-plot -n 6 -j 2"
say "the two complete folders"
"$SUPPLYSIM" $args -s 1 -o "$tmp/R1" "$FLOOD" >/dev/null || fail "reference run 1 failed"
"$SUPPLYSIM" $args -s 2 -o "$tmp/R2" "$FLOOD" >/dev/null || fail "reference run 2 failed"
for f in "$tmp"/R1/*; do
    cmp -s "$f" "$tmp/R2/${f##*/}" && fail "reference runs: ${f##*/} is the same for both seeds"
done

# the run's own duration in microseconds (the kills spread over 1.3 of it)
t0=$(date +%s%N)
"$SUPPLYSIM" $args -s 1 -o "$tmp/timed" "$FLOOD" >/dev/null || fail "timed run failed"
span=$(( ($(date +%s%N) - t0) / 1000 * 13 / 10 ))

say "$KILLS runs killed at random moments (seed $SEED, within $span us)"
cp -R "$tmp/R1" "$tmp/D"
have=1                     # the run the folder holds
awk -v n="$KILLS" -v s="$SEED" -v span="$span" 'BEGIN {
    srand(s)
    for (i = 1; i <= n; i++) {
        at = rand() < 0.5 ? rand() * span : (0.55 + 0.3 * rand()) * span
        printf "%d %s\n", int(at), (rand() < 0.25 ? "TERM" : "KILL")
    }
}' >"$tmp/plan"
i=0 old=0 new=0 staged=0 termed=0
while read -r us sig; do
    i=$((i + 1))
    want=$((3 - have))      # alternate: the run that is not in the folder
    "$SUPPLYSIM" $args -s $want -o "$tmp/D" "$FLOOD" >/dev/null 2>"$tmp/run.err" &
    pid=$!
    sleep "$((us / 1000000)).$(printf %06d $((us % 1000000)))"
    kill -$sig $pid 2>/dev/null || true
    rc=0
    wait $pid 2>/dev/null || rc=$?
    if diff -r -q "$tmp/D" "$tmp/R$have" >/dev/null 2>&1; then
        old=$((old + 1))
    elif diff -r -q "$tmp/D" "$tmp/R$want" >/dev/null 2>&1; then
        new=$((new + 1))
        have=$want
    else
        fail "kill $i ($sig at $us us, exit $rc): the folder is neither run: $(diff -r -q "$tmp/D" "$tmp/R$have" | head -3)"
    fi
    if [ "$sig" = TERM ] && [ "$rc" -ne 0 ]; then
        [ "$rc" -eq 143 ] || fail "kill $i: SIGTERM: expected exit 143, got $rc: $(cat "$tmp/run.err")"
        termed=$((termed + 1))
    fi
    left=$(find "$tmp" -maxdepth 1 -name '.D.*' | wc -l)
    mine=$(find "$tmp" -maxdepth 1 -name ".D.tmp-$pid@*")
    [ "$sig" = KILL ] || [ -z "$mine" ] || fail "kill $i: SIGTERM left its temporary folder $mine"
    [ "$left" -le 1 ] || fail "kill $i: $left temporary folders beside the output folder"
    if [ -n "$mine" ] && [ -n "$(ls -A "$mine")" ]; then
        staged=$((staged + 1))     # killed while writing the files
    fi
done <"$tmp/plan"
say "the folder held the previous run $old times, the new one $new times; $staged kills came while files were being written, $termed runs stopped by SIGTERM exited 143"
[ "$staged" -gt 0 ] || fail "no kill came while the files were being written: the test did not test the window"
[ "$old" -gt 0 ] && [ "$new" -gt 0 ] || fail "every kill had the same outcome: the offsets do not cover the run"

say "the next run cleans up what a killed run left"
"$SUPPLYSIM" $args -s 1 -o "$tmp/D" "$FLOOD" >/dev/null || fail "a run after the kills failed"
diff -r -q "$tmp/D" "$tmp/R1" >/dev/null || fail "the run after the kills: the folder is not run 1"
[ -z "$(find "$tmp" -maxdepth 1 -name '.D.*')" ] || fail "a killed run's temporary folder is still there: $(find "$tmp" -maxdepth 1 -name '.D.*')"
echo "e2e_crash: ok"
