#!/bin/sh
# e2e_sweep.sh -- scripts/sweep end to end: a 2x2 grid of real settings of
# the flood scenario at 20 replications, run locally with GNU Parallel, then
# again (nothing runs), then with one point's row removed (only that point
# runs); each row is checked against a direct supplysim run of its point.  The
# same sweep then runs through scripts/slurm/ by hand (SLURM_ARRAY_TASK_ID set
# in a loop), as shards merged by `supplysim merge`, and over SSH with --hosts
# to a throwaway sshd on 127.0.0.1; every results.csv must be byte for byte the
# local one.  Last, a sweep stopped by SIGTERM must stop its points too.  Run from the repository root:
#   sh tests/e2e_sweep.sh
#
# The sweeps use the release binary ./supplysim (SWEEP_SUPPLYSIM to change
# it), copied once so that a rebuild during the test cannot change it: the
# sanitized build is much slower and the sweep machinery, not the simulation,
# is under test here.  Needs the Debian packages parallel, rsync,
# openssh-server and openssh-client (CI installs them: a missing one is a
# failure, not a skip); gnuplot for the chart, which is checked when present.
set -eu

SWEEP_SUPPLYSIM=${SWEEP_SUPPLYSIM:-./supplysim}
SCENARIO=scenarios/flood.cfg
S1=fleet.central.trucks
S2=facility_kinds.subcentre.bays

tmp=$(mktemp -d "${TMPDIR:-/tmp}/supplysim_sweep.XXXXXX")
sshd_pid=""
finish() {
    if [ -n "$sshd_pid" ]; then
        kill "$sshd_pid" 2>/dev/null || true
        wait "$sshd_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap finish EXIT
trap 'exit 1' HUP INT TERM

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

say() {
    echo "-- $*"
}

lines() {
    wc -l <"$1" | tr -d ' '
}

# need COMMAND PACKAGE: COMMAND is installed, else the test fails naming PACKAGE
need() {
    command -v "$1" >/dev/null 2>&1 ||
        fail "$1 is not installed (Debian package $2; scripts/install-deps installs it)"
}

[ -x scripts/sweep ] || fail "no scripts/sweep (run from the repository root)"
[ -x "$SWEEP_SUPPLYSIM" ] || fail "no executable at SWEEP_SUPPLYSIM=$SWEEP_SUPPLYSIM (run make)"
need parallel parallel
need rsync rsync
need ssh openssh-client
need ssh-keygen openssh-client
[ -x /usr/sbin/sshd ] || need sshd openssh-server
sshd=$(command -v sshd 2>/dev/null || echo /usr/sbin/sshd)

mkdir -p "$tmp/bin"
cp "$SWEEP_SUPPLYSIM" "$tmp/bin/supplysim"
bin=$tmp/bin/supplysim

# sweep NAME ARGS...: scripts/sweep with the test's binary, -n 20 and the 2x2
# grid, into $tmp/NAME; stderr in $tmp/NAME.err; exit status in $rc.
sweep() {
    name=$1
    shift
    rc=0
    scripts/sweep --supplysim "$bin" -n 20 -o "$tmp/$name" "$@" "$SCENARIO" "$S1=4,12" "$S2=1,3" \
        2>"$tmp/$name.err" || rc=$?
}

expect_ok() {
    [ "$rc" -eq 0 ] || fail "$1: exit status $rc; stderr: $(cat "$tmp/$2.err")"
}

# ---- the settings exist -----------------------------------------------------

say "$S1 and $S2 are settings of $SCENARIO"
"$bin" --check -D "$S1=12" -D "$S2=3" "$SCENARIO" >/dev/null 2>"$tmp/check.err" ||
    fail "supplysim --check -D $S1=12 -D $S2=3: $(cat "$tmp/check.err")"

say "a setting that does not exist stops the sweep before any point runs (exit 2)"
rc=0
scripts/sweep --supplysim "$bin" -n 20 -o "$tmp/bad" "$SCENARIO" "$S1=4,12" fleet.central.truckz=1 \
    2>"$tmp/bad.err" || rc=$?
[ "$rc" -eq 2 ] || fail "a misspelt setting: expected exit status 2, got $rc"
grep -q truckz "$tmp/bad.err" || fail "a misspelt setting: stderr does not name it: $(cat "$tmp/bad.err")"
[ ! -d "$tmp/bad/points" ] || fail "a misspelt setting: points were run"

# ---- local ------------------------------------------------------------------

say "a 2x2 sweep at 20 replications, locally with GNU Parallel"
sweep local -j 2
expect_ok "local sweep" local
res=$tmp/local/results.csv
[ -f "$res" ] || fail "no results.csv"
[ "$(lines "$res")" -eq 5 ] || fail "results.csv: expected a header and 4 rows, found $(lines "$res") lines:
$(cat "$res")"
head -n 1 "$res" | grep -q "^$S1,$S2,scenario,runs,seed,promise_min,verdict,promise_kept,promise_kept_lo,promise_kept_hi," ||
    fail "results.csv header: $(head -n 1 "$res")"
order=$(awk -F, 'NR > 1 { printf "%s%s:%s", (NR > 2 ? " " : ""), $1, $2 }' "$res")
[ "$order" = "4:1 4:3 12:1 12:3" ] || fail "results.csv: rows not in grid order (first setting slowest): $order"
awk -F, 'NR > 1 && $4 != 20 { exit 1 }' "$res" || fail "results.csv: not 20 runs at every point"
[ "$(awk -F, 'NR > 1 { print $5 }' "$res" | sort -u | awk 'END { print NR }')" -eq 1 ] ||
    fail "results.csv: the points do not share one seed"
grep -q "point 4/4: $S1=12 $S2=3" "$tmp/local.err" || fail "no progress line \"point 4/4: ...\" on stderr"
grep -q "ran 4 of 4 points (0 done before)" "$tmp/local.err" || fail "the sweep does not report 4 points run: $(cat "$tmp/local.err")"

say "each row is the settings followed by supplysim's own row for that point"
for t in 4 12; do
    for b in 1 3; do
        "$bin" --format csv -q -j 1 --no-plot -n 20 -D "$S1=$t" -D "$S2=$b" -o "$tmp/direct" "$SCENARIO" \
            >"$tmp/direct.csv" 2>"$tmp/direct.err" || fail "supplysim at $t trucks, $b bays: $(cat "$tmp/direct.err")"
        want="$t,$b,$(sed -n 2p "$tmp/direct.csv")"
        grep -qxF "$want" "$res" || fail "results.csv has no row
$want
found
$(cat "$res")"
    done
done

say "each point keeps its outputs under points/"
n=0
for d in "$tmp"/local/points/*/; do
    for f in row.csv summary.txt replications.csv resolved.cfg; do
        [ -s "$d$f" ] || fail "$d: no $f"
    done
    n=$((n + 1))
done
[ "$n" -eq 4 ] || fail "expected 4 point folders, found $n"

if command -v gnuplot >/dev/null 2>&1; then
    say "the chart: sweep.png, sweep.svg and sweep.gp, with the required level"
    [ -s "$tmp/local/sweep.png" ] || fail "no sweep.png"
    [ "$(od -An -tx1 -N 4 "$tmp/local/sweep.png" | tr -d ' \n')" = 89504e47 ] || fail "sweep.png is not a PNG"
    grep -q '<svg' "$tmp/local/sweep.svg" || fail "sweep.svg is not an SVG"
    grep -q '^required = 95$' "$tmp/local/sweep.gp" || fail "sweep.gp does not mark the required level 95%"
    grep -q "$S1" "$tmp/local/sweep.gp" || fail "sweep.gp does not name $S1"
else
    say "(gnuplot not installed: only sweep.gp is checked)"
    [ -s "$tmp/local/sweep.gp" ] || fail "no sweep.gp"
    grep -q "gnuplot is not installed" "$tmp/local.err" || fail "no warning that gnuplot is missing"
fi

say "the exact McNemar (sign) test on hand cases"
# 2 P(X <= min(b, c)), X binomial(b + c, 1/2): (0, 8): 2/256; (2, 8): 2 (1 + 10 + 45)/1024;
# (1, 20): 2 (1 + 21)/2^21; (5, 5) and (0, 0): 1 (at most 1)
for case in "0 8 0.0078125" "2 8 0.109375" "1 20 2.09808e-05" "5 5 1" "0 0 1"; do
    set -- $case
    got=$(scripts/sweep --sign-test "$1" "$2") || fail "--sign-test $1 $2 failed"
    [ "$got" = "$3" ] || fail "--sign-test $1 $2: $got, want $3"
done

say "pairs.csv: every pair of one line or one first setting, counted run by run"
# The four pairs of the 2x2 grid; each row's runs kept at only one of its two
# points counted here from the points' replications.csv, its p-value the
# sign test's, detectable when p < 0.05 / 4.
pairs=$tmp/local/pairs.csv
[ "$(lines "$pairs")" -eq 5 ] || fail "pairs.csv: expected a header and 4 pairs: $(cat "$pairs")"
tail -n +2 "$pairs" | while IFS=, read -r a b as bs diff ao bo p det; do
    da=$(printf '%s' "$as" | sed 's/=/-/g; s/; /+/g'); db=$(printf '%s' "$bs" | sed 's/=/-/g; s/; /+/g')
    counts=$(paste -d, "$tmp/local/points/$da/replications.csv" "$tmp/local/points/$db/replications.csv" |
        awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "kept") c[++n] = i; next }
                 { if ($c[1] == 1 && $c[2] == 0) x++; if ($c[1] == 0 && $c[2] == 1) y++ } END { print x + 0, y + 0 }')
    [ "$counts" = "$ao $bo" ] || fail "pairs.csv $as / $bs: kept at one only $ao, $bo; counted $counts"
    [ "$(scripts/sweep --sign-test "$ao" "$bo" | awk '{ printf "%.4g", $1 }')" = "$p" ] || fail "pairs.csv $as / $bs: p $p"
    [ "$(awk -v p="$p" 'BEGIN { print (p < 0.05 / 4) ? 1 : 0 }')" = "$det" ] || fail "pairs.csv $as / $bs: detectable $det at p $p"
done

say "the chart names its axes by --label, reads 0 to 100%, and speaks Chinese with --lang zh"
sweep labelled -j 2 --lang zh --label "$S1=中心库车辆" --label "$S2=分中心装卸台"
expect_ok "a sweep with --label and --lang zh" labelled
cmp -s "$res" "$tmp/labelled/results.csv" || fail "--label or --lang changed results.csv"
gp=$tmp/labelled/sweep.gp
grep -q 'set xlabel "中心库车辆"' "$gp" || fail "sweep.gp: the x axis is not named by --label: $(grep xlabel "$gp")"
grep -q 'title "分中心装卸台"' "$gp" || fail "sweep.gp: the legend is not named by --label"
grep -q '^set yrange \[0:100\]' "$gp" || fail "sweep.gp: the y axis is not 0 to 100%: $(grep yrange "$gp")"
grep -q 'WenQuanYi Micro Hei' "$gp" || fail "sweep.gp: --lang zh without the CJK font"
grep -q '承诺兑现率' "$gp" || fail "sweep.gp: --lang zh, but no Chinese"
grep -q 'filledcurves' "$gp" && fail "sweep.gp: bands for two lines (they overlap and blur)"
grep -q 'McNemar' "$gp" || fail "sweep.gp: no word on whether the differences are beyond chance"
rc=0
scripts/sweep --supplysim "$bin" -n 20 -o "$tmp/badlabel" --label "fleet.central.truckz=x" "$SCENARIO" "$S1=4,12" \
    2>"$tmp/badlabel.err" || rc=$?
[ "$rc" -eq 2 ] || fail "--label naming no swept setting: exit status $rc, want 2"
grep -q 'not a swept setting' "$tmp/badlabel.err" || fail "--label naming no swept setting: $(cat "$tmp/badlabel.err")"

say "a rerun runs nothing and writes the same results.csv"
cp "$res" "$tmp/results.first"
touch "$tmp/marker"
sleep 1
sweep local -j 2
expect_ok "rerun" local
grep -q "ran 0 of 4 points (4 done before)" "$tmp/local.err" || fail "the rerun ran points: $(cat "$tmp/local.err")"
new=$(find "$tmp/local/points" -newer "$tmp/marker" | head -n 3)
[ -z "$new" ] || fail "the rerun changed point files: $new"
cmp -s "$res" "$tmp/results.first" || fail "the rerun wrote another results.csv"

say "with one point's row removed, a rerun runs that point only"
rm "$tmp/local/points/$S1-12+$S2-1/row.csv"
sweep local -j 2
expect_ok "partial rerun" local
grep -q "ran 1 of 4 points (3 done before)" "$tmp/local.err" || fail "expected 1 point run: $(cat "$tmp/local.err")"
cmp -s "$res" "$tmp/results.first" || fail "the partial rerun wrote another results.csv"

# ---- Slurm, by hand ---------------------------------------------------------

say "Slurm grid: --plan-only, sweep.sbatch per task, merge.sbatch: the same results.csv"
rc=0
n=$(scripts/sweep --supplysim "$bin" --plan-only -n 20 -o "$tmp/slurm" "$SCENARIO" "$S1=4,12" "$S2=1,3" \
    2>"$tmp/slurm.err") || rc=$?
expect_ok "--plan-only" slurm
[ "$n" = 4 ] || fail "--plan-only: expected 4 points on stdout, found \"$n\""
[ ! -d "$tmp/slurm/points" ] || fail "--plan-only ran points"
grep -q -- "--array=1-4" "$tmp/slurm.err" || fail "--plan-only does not show the sbatch command"
i=1
while [ "$i" -le "$n" ]; do
    SLURM_ARRAY_TASK_ID=$i sh scripts/slurm/sweep.sbatch "$tmp/slurm" 2>>"$tmp/slurm.err" ||
        fail "sweep.sbatch task $i: $(cat "$tmp/slurm.err")"
    i=$((i + 1))
done
sh scripts/slurm/merge.sbatch "$tmp/slurm" 2>>"$tmp/slurm.err" || fail "merge.sbatch: $(cat "$tmp/slurm.err")"
cmp -s "$tmp/slurm/results.csv" "$res" || fail "the Slurm grid's results.csv differs from the local one:
$(diff "$res" "$tmp/slurm/results.csv")"

say "Slurm shards: shard.sbatch 1/2 and 2/2, merge.sbatch: the summary of one run"
for i in 1 2; do
    SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=2 SUPPLYSIM=$bin \
        sh scripts/slurm/shard.sbatch "$tmp/shards" "$SCENARIO" -n 20 >/dev/null 2>"$tmp/shard.err" ||
        fail "shard.sbatch task $i: $(cat "$tmp/shard.err")"
    [ -d "$tmp/shards/shard-$i" ] || fail "shard.sbatch task $i wrote no shard-$i"
done
SUPPLYSIM=$bin sh scripts/slurm/merge.sbatch "$tmp/shards" >/dev/null 2>"$tmp/shard.err" ||
    fail "merge.sbatch of shards: $(cat "$tmp/shard.err")"
"$bin" -q --no-plot -n 20 -o "$tmp/whole" "$SCENARIO" >/dev/null 2>&1 || fail "supplysim -n 20 failed"
cmp -s "$tmp/shards/merged/summary.txt" "$tmp/whole/summary.txt" ||
    fail "the merged shards' summary.txt differs from one run's:
$(diff "$tmp/whole/summary.txt" "$tmp/shards/merged/summary.txt" | head -n 20)"

# ---- over SSH ---------------------------------------------------------------

say "over SSH: a throwaway sshd on 127.0.0.1"
mkdir -p "$tmp/ssh"
chmod 700 "$tmp/ssh"
ssh-keygen -q -t ed25519 -N '' -C sweep-host -f "$tmp/ssh/host_key" || fail "ssh-keygen (host key)"
ssh-keygen -q -t ed25519 -N '' -C sweep-client -f "$tmp/ssh/client_key" || fail "ssh-keygen (client key)"
cp "$tmp/ssh/client_key.pub" "$tmp/ssh/authorized_keys"
user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p /run/sshd # privilege separation
fi
port=""
try=0
while [ "$try" -lt 5 ]; do
    try=$((try + 1))
    # SetEnv SHLVL=1: a login shell bash then counts itself nested and does
    # not read ~/.bashrc, so neither a slow nor a chatty start-up file of this
    # machine's account slows the test or corrupts GNU Parallel's rsync
    p=$(awk -v t="$try" -v pid="$$" 'BEGIN { srand(); print 20000 + int(rand() * 40000 + pid * 7 + t * 331) % 40000 }')
    cat >"$tmp/ssh/sshd_config" <<EOF
Port $p
ListenAddress 127.0.0.1
HostKey $tmp/ssh/host_key
PidFile $tmp/ssh/sshd.pid
AuthorizedKeysFile $tmp/ssh/authorized_keys
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PrintMotd no
MaxStartups 100
MaxSessions 100
SetEnv SHLVL=1
EOF
    "$sshd" -D -e -f "$tmp/ssh/sshd_config" >"$tmp/ssh/sshd.log" 2>&1 &
    sshd_pid=$!
    w=0
    while [ "$w" -lt 50 ]; do
        if grep -q "Server listening" "$tmp/ssh/sshd.log"; then
            port=$p
            break 2
        fi
        kill -0 "$sshd_pid" 2>/dev/null || break
        sleep 0.1 2>/dev/null || sleep 1
        w=$((w + 1))
    done
    kill "$sshd_pid" 2>/dev/null || true
    wait "$sshd_pid" 2>/dev/null || true
    sshd_pid=""
done
[ -n "$port" ] || fail "sshd did not start: $(cat "$tmp/ssh/sshd.log")"
cat >"$tmp/ssh/config" <<EOF
Host sweephost
  HostName 127.0.0.1
  Port $port
  User $user
  IdentityFile $tmp/ssh/client_key
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
  BatchMode yes
  ControlMaster no
EOF
ssh -F "$tmp/ssh/config" sweephost true 2>"$tmp/ssh/ssh.err" ||
    fail "ssh to the test sshd: $(cat "$tmp/ssh/ssh.err"); sshd: $(cat "$tmp/ssh/sshd.log")"
echo "4/ssh -F $tmp/ssh/config sweephost" >"$tmp/hosts"

say "the same sweep with --hosts: the points run over SSH, results.csv byte for byte the local one"
touch "$tmp/marker"
sweep remote --hosts "$tmp/hosts" -j 4
expect_ok "--hosts sweep" remote
grep -q "ran 4 of 4 points (0 done before)" "$tmp/remote.err" || fail "--hosts: expected 4 points run: $(cat "$tmp/remote.err")"
cmp -s "$tmp/remote/results.csv" "$res" || fail "the --hosts results.csv differs from the local one:
$(diff "$res" "$tmp/remote/results.csv")"
n=0
for d in "$tmp"/remote/points/*/; do
    { [ -s "${d}summary.txt" ] && [ -s "${d}replications.csv" ]; } || fail "$d: the point's outputs did not come back"
    n=$((n + 1))
done
[ "$n" -eq 4 ] || fail "--hosts: expected 4 point folders back, found $n"
left=$(find "$HOME/.parallel/tmp" -maxdepth 1 -name 'supplysim-sweep-*' -newer "$tmp/marker" 2>/dev/null || true)
[ -z "$left" ] || fail "--hosts left its working folder on the host: $left"

say "SIGTERM to a sweep is passed on: it exits 143 and no point's supplysim goes on"
scripts/sweep --supplysim "$bin" -n 200000 -j 2 -o "$tmp/stopped" "$SCENARIO" "$S1=4,12" \
    >/dev/null 2>"$tmp/stopped.err" &
spid=$!
k=0
until [ -n "$(find "$tmp/stopped/points" -maxdepth 1 -name '.*.tmp-*' 2>/dev/null)" ]; do
    k=$((k + 1))
    [ "$k" -lt 300 ] || fail "SIGTERM: no point started within 30 s: $(cat "$tmp/stopped.err")"
    sleep 0.1
done
sleep 2     # into the replications: GNU Parallel kills a job that is slow to stop
kill -TERM $spid
rc=0
wait $spid || rc=$?
[ "$rc" -eq 143 ] || fail "SIGTERM: expected the sweep to exit 143, got $rc: $(cat "$tmp/stopped.err")"
# each supplysim removes its temporary folder when it stops on the signal;
# give a killed one's exit a moment
k=0
while [ -n "$(find "$tmp/stopped/points" -maxdepth 1 -name '.*.tmp-*')" ]; do
    k=$((k + 1))
    [ "$k" -lt 50 ] || fail "SIGTERM: a point's supplysim is still running or left its folder: $(find "$tmp/stopped/points" -maxdepth 1 -name '.*.tmp-*')"
    sleep 0.1
done
[ ! -e "$tmp/stopped/results.csv" ] || fail "SIGTERM: a results.csv was written"

echo "e2e_sweep: all checks passed"
