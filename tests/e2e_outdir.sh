#!/bin/sh
# e2e_outdir.sh -- the output folder is replaced whole: a rerun leaves no file
# of the previous run (a --no-plot run after one with charts leaves no old
# chart), a folder that is not a run's output is refused before anything runs
# (a file named resolved.cfg or study.dat that supplysim did not write does not
# make it one), as is one that cannot be created, a full disk (here a file-size limit) gives
# exit 1 and the previous folder as it was, SIGINT and SIGTERM stop a run with
# exit 130 and 143 and remove its temporary folder, a temporary folder that a
# killed run left is removed by the next run, and `supplysim merge` refuses an
# output folder that is one of its shards or holds one; a decision study's
# folder is replaced whole in the same way.  Run from the
# repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_outdir.sh
set -eu

FLOOD=scenarios/flood.cfg

E2E=outdir
. "$(dirname "$0")/common.sh"

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"

# same_files A B: the folders hold the same files, byte for byte
same_files() {
    diff -r -q "$1" "$2" >/dev/null || fail "$3: $(diff -r -q "$1" "$2" | head -3)"
}

say "a --no-plot run into a folder with charts leaves no chart of the old run"
run charts -q -n 8 -o "$tmp/D" "$FLOOD"
expect_rc 0 "run with charts"
[ -f "$tmp/D/map.png" ] && [ -f "$tmp/D/map.gp" ] || fail "run with charts: no map.png or map.gp"
run noplot -q -n 8 --no-plot -o "$tmp/D" "$FLOOD"
expect_rc 0 "--no-plot rerun"
run fresh -q -n 8 --no-plot -o "$tmp/fresh" "$FLOOD"
same_files "$tmp/D" "$tmp/fresh" "--no-plot rerun: expected the files of a run into a new folder"
[ -z "$(find "$tmp" -maxdepth 1 -name '.D.*')" ] || fail "a temporary folder is left beside D"

say "a folder that is not a run's output is refused, exit 2, before anything runs"
mkdir "$tmp/mine"
echo "notes" >"$tmp/mine/notes.txt"
run foreign -q -n 1000000 -o "$tmp/mine" "$FLOOD"
expect_rc 2 "-o a folder of other files"
grep -q "mine: expected a new or empty folder or one supplysim wrote" "$tmp/foreign.err" || fail "foreign folder: $(cat "$tmp/foreign.err")"
[ "$(cat "$tmp/mine/notes.txt")" = notes ] || fail "foreign folder: notes.txt changed"
mkdir "$tmp/namesake"
echo "my own notes" >"$tmp/namesake/resolved.cfg"
run namesake -q -n 1000000 -o "$tmp/namesake" "$FLOOD"
expect_rc 2 "-o a folder whose resolved.cfg supplysim did not write"
[ "$(cat "$tmp/namesake/resolved.cfg")" = "my own notes" ] || fail "namesake: resolved.cfg changed"
mv "$tmp/namesake/resolved.cfg" "$tmp/namesake/study.dat"
run stnamesake roads -q -n 1000000 -o "$tmp/namesake" "$FLOOD"
expect_rc 2 "roads -o a folder whose study.dat supplysim did not write"
[ "$(cat "$tmp/namesake/study.dat")" = "my own notes" ] || fail "namesake: study.dat changed"
mkdir "$tmp/fifo"
mkfifo "$tmp/fifo/resolved.cfg"       # opening it to read would wait for a writer
rc=0
timeout -s KILL 60 "$SUPPLYSIM" -q -n 1000000 -o "$tmp/fifo" "$FLOOD" >/dev/null 2>"$tmp/fifo.err" || rc=$?
[ "$rc" -eq 2 ] || fail "-o a folder whose resolved.cfg is a FIFO: expected exit 2, got $rc (137: it hung)"
[ -p "$tmp/fifo/resolved.cfg" ] || fail "fifo: resolved.cfg was replaced"
run parent -q -n 1000000 -o "$tmp" "$FLOOD"
expect_rc 2 "-o a folder holding output folders"
grep -q "subfolders" "$tmp/parent.err" || fail "parent folder: $(cat "$tmp/parent.err")"
run dot -q -n 5 -o . "$FLOOD"
expect_rc 2 "-o ."

say "an -o that cannot be created is reported at once, exit 2 (-n 1000000 would run for minutes)"
: >"$tmp/afile"
run unwritable -q -n 1000000 -o "$tmp/afile/out" "$FLOOD"
expect_rc 2 "-o under a file"
grep -q "afile" "$tmp/unwritable.err" || fail "unwritable -o: $(cat "$tmp/unwritable.err")"

say "a full disk (a file-size limit) gives exit 1 and leaves the previous folder as it was"
cp -R "$tmp/D" "$tmp/before"
rc=0
(trap '' XFSZ; ulimit -f 16; exec "$SUPPLYSIM" -q -n 200 -o "$tmp/D" "$FLOOD") >"$tmp/full.out" 2>"$tmp/full.err" || rc=$?
[ "$rc" -eq 1 ] || fail "full disk: expected exit 1, got $rc: $(cat "$tmp/full.err")"
grep -q "cannot write" "$tmp/full.err" || fail "full disk: expected \"cannot write\", found: $(cat "$tmp/full.err")"
same_files "$tmp/D" "$tmp/before" "full disk: the previous folder changed"
[ -z "$(find "$tmp" -maxdepth 1 -name '.D.*')" ] || fail "full disk: a temporary folder is left"

# staged NAME PID WHAT: waits until process PID has made its temporary
# folder for $tmp/NAME (at most 30 s), and a little more
staged() {
    k=0
    until [ -n "$(find "$tmp" -maxdepth 1 -name ".$1.tmp-$2@*")" ]; do
        k=$((k + 1))
        [ "$k" -lt 300 ] || fail "$3: no temporary folder after 30 s"
        sleep 0.1
    done
    sleep 0.3
}

# stop SIG STATUS: a long run into D is stopped by SIG once its temporary
# folder exists; it must exit STATUS, leave D as it was and nothing beside it
stop() {
    env --default-signal=INT "$SUPPLYSIM" -q -n 20000 -j 2 -o "$tmp/D" "$FLOOD" >/dev/null 2>"$tmp/stop.err" &
    pid=$!
    staged D $pid "$1"
    kill -"$1" $pid
    rc=0
    wait $pid || rc=$?
    [ "$rc" -eq "$2" ] || fail "$1: expected exit $2, got $rc: $(cat "$tmp/stop.err")"
    grep -q "stopped by signal" "$tmp/stop.err" || fail "$1: $(cat "$tmp/stop.err")"
    same_files "$tmp/D" "$tmp/before" "$1: the previous folder changed"
    [ -z "$(find "$tmp" -maxdepth 1 -name '.D.*')" ] || fail "$1: a temporary folder is left"
}
say "SIGINT stops a run: exit 130, the folder as it was, no temporary left"
stop INT 130
say "SIGTERM stops a run: exit 143, the folder as it was, no temporary left"
stop TERM 143

say "a temporary folder that a killed run left is removed by the next run"
"$SUPPLYSIM" -q -n 20000 -o "$tmp/D" "$FLOOD" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -KILL $pid
wait $pid 2>/dev/null || true
[ -n "$(find "$tmp" -maxdepth 1 -name ".D.tmp-$pid@*")" ] || fail "SIGKILL: expected the killed run's temporary folder"
same_files "$tmp/D" "$tmp/before" "SIGKILL: the previous folder changed"
run next -q -n 8 --no-plot -o "$tmp/D" "$FLOOD"
expect_rc 0 "run after a killed one"
[ -z "$(find "$tmp" -maxdepth 1 -name '.D.*')" ] || fail "the killed run's temporary folder is still there"

say "merge refuses an output folder that is a shard or holds one, exit 2, shards untouched"
for i in 1 2; do
    run shard$i -q --no-plot -n 10 --shard $i/2 -o "$tmp/S$i" "$FLOOD"
    expect_rc 0 "shard $i"
done
cp -R "$tmp/S1" "$tmp/S1.copy"
run mergeself merge -q -o "$tmp/S1" "$tmp/S1" "$tmp/S2"
expect_rc 2 "merge -o S1 S1 S2"
grep -q "expected a folder apart from the shards" "$tmp/mergeself.err" || fail "merge -o S1: $(cat "$tmp/mergeself.err")"
same_files "$tmp/S1" "$tmp/S1.copy" "merge -o S1 S1 S2: shard S1 changed"
mkdir "$tmp/all"
cp -R "$tmp/S1" "$tmp/S2" "$tmp/all/"
run mergeparent merge -q -o "$tmp/all" "$tmp/all/S1" "$tmp/all/S2"
expect_rc 2 "merge -o DIR DIR/S1 DIR/S2"
run merged merge -q --no-plot -o "$tmp/M" "$tmp/S1" "$tmp/S2"
expect_rc 0 "merge into a new folder"
# ---- decision studies: their folders are replaced whole too -------------------

say "a study rerun into its folder: the new study's files only, none of the old"
COMPARE="compare -q -n 20 -j 2 --no-plot"
run st1 $COMPARE -o "$tmp/ST" "$FLOOD" --variant 'more: fleet.central.trucks=20' --variant 'fewer: fleet.central.trucks=4'
expect_rc 0 "compare with two options"
[ -f "$tmp/ST/variants/fewer.cfg" ] || fail "compare: no variants/fewer.cfg"
run st2 $COMPARE -o "$tmp/ST" "$FLOOD" --variant 'more: fleet.central.trucks=20'
expect_rc 0 "compare rerun with one option"
run st3 $COMPARE -o "$tmp/STfresh" "$FLOOD" --variant 'more: fleet.central.trucks=20'
expect_rc 0 "compare into a new folder"
same_files "$tmp/ST" "$tmp/STfresh" "compare rerun: expected the files of a study into a new folder (variants/fewer.cfg left?)"
[ -z "$(find "$tmp" -maxdepth 1 -name '.ST.*')" ] || fail "a temporary folder is left beside ST"

say "a study into a folder of other files is refused, exit 2, before anything runs"
run stmine roads -q -n 1000000 -o "$tmp/mine" "$FLOOD"
expect_rc 2 "roads -o a folder of other files"
grep -q "mine: expected a new or empty folder or one supplysim wrote" "$tmp/stmine.err" || fail "roads into a foreign folder: $(cat "$tmp/stmine.err")"
[ "$(cat "$tmp/mine/notes.txt")" = notes ] || fail "roads into a foreign folder: notes.txt changed"
# improve refuses it at its first stage's replications (100 runs: a screening stage)
run imine improve -q -n 100 -j 2 --no-plot -o "$tmp/mine" "$FLOOD"
expect_rc 2 "improve -o a folder of other files"
grep -q "^supplysim: -o .*mine: expected a new or empty folder" "$tmp/imine.err" || fail "improve into a foreign folder: $(cat "$tmp/imine.err")"

say "a study with bad input writes nothing, not even its folder's parent"
run stbad $COMPARE -o "$tmp/newparent/ST" "$FLOOD" --variant 'more: fleet.central.truks=20'
expect_rc 2 "compare with a misspelt setting"
[ ! -e "$tmp/newparent" ] || fail "compare with bad input created $tmp/newparent"

say "SIGTERM stops a study: exit 143, its folder as it was, no temporary left"
cp -R "$tmp/ST" "$tmp/STbefore"
"$SUPPLYSIM" roads -q -n 20000 -j 2 --no-plot -o "$tmp/ST" "$FLOOD" >/dev/null 2>"$tmp/ststop.err" &
pid=$!
staged ST $pid roads
kill -TERM $pid
rc=0
wait $pid || rc=$?
[ "$rc" -eq 143 ] || fail "roads stopped by SIGTERM: expected exit 143, got $rc: $(cat "$tmp/ststop.err")"
grep -q "stopped by signal" "$tmp/ststop.err" || fail "roads stopped: $(cat "$tmp/ststop.err")"
same_files "$tmp/ST" "$tmp/STbefore" "roads stopped: the previous study's folder changed"
[ -z "$(find "$tmp" -maxdepth 1 -name '.ST.*')" ] || fail "roads stopped: a temporary folder is left"

say "study shards merge into a folder replaced whole"
for i in 1 2; do
    run sts$i $COMPARE --shard $i/2 -o "$tmp/SS$i" "$FLOOD" --variant 'more: fleet.central.trucks=20'
    expect_rc 0 "compare shard $i"
done
run stm merge -q --no-plot -o "$tmp/ST" "$tmp/SS1" "$tmp/SS2"
expect_rc 0 "merge of compare shards over a study's folder"
same_files "$tmp/ST" "$tmp/STfresh" "merged compare shards: expected the files of the study run whole"
echo "e2e_outdir: ok"
