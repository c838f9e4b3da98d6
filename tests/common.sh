# common.sh -- what the end-to-end scripts (tests/e2e_*.sh) share; sourced,
# never run (run-all.sh runs only tests/e2e_*.sh).  Before sourcing, a script
# sets E2E to its name.  Gives: $SUPPLYSIM (default ./supplysim), a fixed
# SOURCE_DATE_EPOCH (report.html's date), a temporary folder $tmp removed on
# exit, and
#   fail MESSAGE          print FAIL: MESSAGE on stderr and exit 1
#   say MESSAGE           print what is being checked
#   run NAME ARGS...      run supplysim, stdout and stderr in $tmp/NAME.out and
#                         $tmp/NAME.err, exit status in $rc
#   expect_rc N WHAT      fail unless the last run exited N

SUPPLYSIM=${SUPPLYSIM:-./supplysim}

# supplysim speaks the locale's language (LC_ALL, LC_MESSAGES, LANG); the
# scripts read its English unless they ask for another.
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG

# report.html carries the date of its run, from SOURCE_DATE_EPOCH when set
# (the reproducible-builds convention): fixed here, so that the same seed
# gives the same bytes in every output, report.html too
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export SOURCE_DATE_EPOCH

tmp=$(mktemp -d "${TMPDIR:-/tmp}/supplysim_$E2E.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

say() {
    echo "-- $*"
}

run() {
    name=$1
    shift
    rc=0
    "$SUPPLYSIM" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
}

expect_rc() {
    [ "$rc" -eq "$1" ] || fail "$2: expected exit status $1, got $rc; stderr: $(head -c 2000 "$tmp/$name.err")"
}
