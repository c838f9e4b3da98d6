#!/bin/sh
# e2e_check.sh -- the command line end to end: --help, --version, usage and
# configuration errors (exit 2, one clear line on stderr), --check (text and
# CSV), and --export-network, whose roads.csv is fed to an independent
# shortest-path computation (Bellman-Ford in awk) that must give the coverage
# CSV's central_min values.  Run from the repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_check.sh
set -eu

TINY=tests/data/tiny.cfg
YONGCHENG=config/yongcheng.cfg

E2E=check
. "$(dirname "$0")/common.sh"

lines() {
    wc -l <"$1" | tr -d ' '
}

expect_one_line_err() {
    n=$(lines "$tmp/$name.err")
    [ "$n" -eq 1 ] || fail "$1: expected one line on stderr, got $n: $(cat "$tmp/$name.err")"
}

# has FILE TEXT WHAT: FILE holds TEXT (a fixed string)
has() {
    grep -qF -- "$2" "$1" || fail "$3: expected \"$2\" in $(basename "$1"), found: $(cat "$1")"
}

hasnt() {
    if grep -qF -- "$2" "$1"; then fail "$3: did not expect \"$2\" in $(basename "$1")"; fi
}

[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"
[ -r "$TINY" ] || fail "no $TINY (run from the repository root)"

# ---- options ---------------------------------------------------------------

say "--help and --version exit 0"
run help --help
expect_rc 0 "--help"
has "$tmp/help.out" "usage: supplysim" "--help"
run version --version
expect_rc 0 "--version"
grep -q '^supplysim [0-9]' "$tmp/version.out" || fail "--version: expected \"supplysim N...\", found: $(cat "$tmp/version.out")"

say "an unknown option exits 2 with one line on stderr"
run unknown --no-such-option "$TINY"
expect_rc 2 "unknown option"
expect_one_line_err "unknown option"
has "$tmp/unknown.err" "--no-such-option" "unknown option"
[ ! -s "$tmp/unknown.out" ] || fail "unknown option: expected nothing on stdout"

say "a missing file exits 2 with one line naming the file"
run missing --check "$tmp/no-such-file.cfg"
expect_rc 2 "missing file"
expect_one_line_err "missing file"
has "$tmp/missing.err" "$tmp/no-such-file.cfg" "missing file"

# ---- --check ---------------------------------------------------------------

say "--check $TINY exits 0 and lists the four townships"
run check --check "$TINY"
expect_rc 0 "--check $TINY"
for t in North East South Island; do
    has "$tmp/check.out" "$t" "--check $TINY"
done
has "$tmp/check.out" "4 townships;" "--check $TINY"

say "the warning about Island goes to stderr, not stdout"
has "$tmp/check.err" "warning: township Island" "--check $TINY stderr"
[ "$(lines "$tmp/check.err")" -eq 1 ] || fail "--check $TINY: expected one warning line, got: $(cat "$tmp/check.err")"
hasnt "$tmp/check.out" "warning" "--check $TINY stdout"

say "--check flags townships slower than the scenario's own promise (20 min: North 30, South 24)"
# best echelon by hand: North min(30, 30) = 30 > 20, East min(30, 0) = 0, South min(54, 24) = 24 > 20
printf 'base = "%s";\nrun = { promise_min = 20.0; };\n' "$(pwd)/$TINY" >"$tmp/promise20.cfg"
run check20 --check "$tmp/promise20.cfg"
expect_rc 0 "--check with run.promise_min = 20 over $TINY"
has "$tmp/check20.out" "2 over 20 minutes" "--check with a 20-minute promise"

say "--check --format csv prints the coverage worked out by hand"
# central at depot: north N1 30, east C1 30, south min(P1 60, C1+V1 30+24) = 54;
# sub-centre at east: north min(E1 30, C1+N1 60) = 30, east 0, south V1 24;
# island has no road.
cat >"$tmp/tiny_expected.csv" <<'EOF'
township,central_min,subcentre,subcentre_min
north,30.00,sc_east,30.00
east,30.00,sc_east,0.00
south,54.00,sc_east,24.00
island,,,
EOF
run csv --check --format csv "$TINY"
expect_rc 0 "--check --format csv"
cmp -s "$tmp/csv.out" "$tmp/tiny_expected.csv" ||
    fail "--check --format csv: expected
$(cat "$tmp/tiny_expected.csv")
found
$(cat "$tmp/csv.out")"

# ---- configuration errors --------------------------------------------------

say "a syntax error on line 10 exits 2 and names the file and line 10"
bad="$tmp/syntax.cfg"
sed '10s/usable_share = 0.5;/usable_share = ;/' "$TINY" >"$bad"
grep -q '^  usable_share = ;$' "$bad" || fail "could not make $bad (has $TINY changed?)"
[ "$(grep -n 'usable_share = ;' "$bad" | cut -d: -f1)" = 10 ] || fail "the edit in $bad is not on line 10"
run syntax --check "$bad"
expect_rc 2 "syntax error"
expect_one_line_err "syntax error"
has "$tmp/syntax.err" "$bad:10:" "syntax error"

say "stock too large for its store exits 2 and names the setting and the capacity"
big="$tmp/big.cfg"
sed 's/quilt = 1000.0;/quilt = 3000.0;/' "$TINY" >"$big"
grep -q 'quilt = 3000.0;' "$big" || fail "could not make $big (has $TINY changed?)"
run big --check "$big"
expect_rc 2 "stock too large"
expect_one_line_err "stock too large"
line=$(grep -n 'quilt = 3000.0;' "$big" | cut -d: -f1)
has "$tmp/big.err" "$big:$line: facilities.central.stock:" "stock too large"
has "$tmp/big.err" "150.0 m3" "stock too large"

say "a -D of the wrong type exits 2 and names the setting"
run dbad --check -D fleet.central.trucks=abc "$TINY"
expect_rc 2 "-D wrong type"
expect_one_line_err "-D wrong type"
has "$tmp/dbad.err" "fleet.central.trucks" "-D wrong type"

say "a -D override changes the coverage (village roads at 12.5 km/h: south 60 and 48)"
run dset --check --format csv -D road_classes.village.speed_kmh=12.5 "$TINY"
expect_rc 0 "-D speed"
has "$tmp/dset.out" "south,60.00,sc_east,48.00" "-D speed"

# ---- --export-network ------------------------------------------------------

# central_nodes CFG: the node of every facility of kind "central" in a
# libconfig file -- a small tokenizer that tracks { } depth, so that a
# facility group may span lines and hold nested groups (stock = { ... }).
central_nodes() {
    awk '
    function tok(t) { toks[++nt] = t }
    {
        line = $0; n = length(line); i = 1
        while (i <= n) {
            c = substr(line, i, 1)
            if (c == "\"") {                      # string literal
                j = i + 1; s = ""
                while (j <= n && substr(line, j, 1) != "\"") {
                    if (substr(line, j, 1) == "\\") j++
                    s = s substr(line, j, 1); j++
                }
                tok("\"" s); i = j + 1; continue
            }
            if (c == "#" || substr(line, i, 2) == "//") break   # comment
            if (c ~ /[A-Za-z_]/) {
                j = i
                while (j <= n && substr(line, j, 1) ~ /[A-Za-z0-9_-]/) j++
                tok(substr(line, i, j - i)); i = j; continue
            }
            if (c ~ /[{}=:]/) tok(c)
            i++
        }
    }
    END {
        depth = 0
        for (k = 1; k <= nt; k++) {
            t = toks[k]
            if (t == "{") { depth++; central[depth] = 0; node[depth] = ""; continue }
            if (t == "}") {
                if (depth > 0 && central[depth] && node[depth] != "") print node[depth]
                depth--; continue
            }
            if ((toks[k + 1] == "=" || toks[k + 1] == ":") && substr(toks[k + 2], 1, 1) == "\"") {
                v = substr(toks[k + 2], 2)
                if (t == "kind" && v == "central") central[depth] = 1
                if (t == "node") node[depth] = v
            }
        }
    }' "$1"
}

# shortest CFG EXPORT_DIR COVERAGE_CSV: Bellman-Ford over EXPORT_DIR/roads.csv
# (undirected, minutes column) from every central depot's node; every
# township's central_min in COVERAGE_CSV must match to 0.01, and a township the
# CSV leaves blank must be unreachable.
shortest() {
    srcs=$(central_nodes "$1" | tr '\n' ' ' | sed 's/ $//')
    [ -n "$srcs" ] || fail "$1: found no facility of kind \"central\""
    awk -F, -v srcs="$srcs" -v what="$1" '
    function bad(msg) { print "FAIL: " what ": " msg > "/dev/stderr"; failed = 1 }
    BEGIN { ns = split(srcs, s, " ") }
    FNR == 1 {
        f++
        if (f == 1 && $0 != "id,name,name_zh,kind,lon,lat") bad("nodes.csv header is " $0)
        if (f == 2 && $0 != "from,to,km,class,minutes,name") bad("roads.csv header is " $0)
        if (f == 3 && $0 != "township,central_min,subcentre,subcentre_min") bad("coverage header is " $0)
        next
    }
    f == 1 { known[$1] = 1; nn++; next }
    f == 2 {
        if (NF != 6) bad("roads.csv line " FNR " has " NF " fields")
        if (!($1 in known) || !($2 in known)) bad("roads.csv line " FNR " joins an unknown node")
        if (!($5 + 0 > 0)) bad("roads.csv line " FNR " has minutes " $5)
        m++; a[m] = $1; b[m] = $2; w[m] = $5 + 0; next
    }
    f == 3 { k++; town[k] = $1; cmin[k] = $2; next }
    END {
        for (i = 1; i <= ns; i++) {
            if (!(s[i] in known)) bad("central depot node " s[i] " is not in nodes.csv")
            dist[s[i]] = 0
        }
        for (it = 0; it <= nn; it++) {          # at most |V| - 1 rounds are needed
            changed = 0
            for (j = 1; j <= m; j++) {
                if ((a[j] in dist) && (!(b[j] in dist) || dist[a[j]] + w[j] < dist[b[j]])) {
                    dist[b[j]] = dist[a[j]] + w[j]; changed = 1
                }
                if ((b[j] in dist) && (!(a[j] in dist) || dist[b[j]] + w[j] < dist[a[j]])) {
                    dist[a[j]] = dist[b[j]] + w[j]; changed = 1
                }
            }
            if (!changed) break
        }
        if (changed) bad("Bellman-Ford did not settle")
        if (k == 0) bad("the coverage CSV has no townships")
        for (i = 1; i <= k; i++) {
            t = town[i]
            if (cmin[i] == "") {
                if (t in dist) bad(t ": the CSV says unreachable, Bellman-Ford finds " dist[t])
            } else if (!(t in dist)) {
                bad(t ": the CSV says " cmin[i] ", Bellman-Ford finds it unreachable")
            } else {
                d = dist[t] - cmin[i]
                if (d < 0) d = -d
                if (d > 0.01) bad(t ": the CSV says " cmin[i] ", Bellman-Ford finds " dist[t])
            }
        }
        if (!failed)
            printf "   %d townships, %d roads, from %s: every central_min agrees\n", k, m, srcs
        exit failed
    }' "$2/nodes.csv" "$2/roads.csv" "$3" || fail "$1: shortest paths over roads.csv disagree with --check --format csv"
}

# count_geometry FILE: "POINTS LINESTRINGS" of a GeoJSON FeatureCollection
count_geometry() {
    python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    g = json.load(f)
assert g["type"] == "FeatureCollection", "not a FeatureCollection"
kinds = [ft["geometry"]["type"] for ft in g["features"]]
assert all(ft["type"] == "Feature" for ft in g["features"]), "an element is not a Feature"
print(kinds.count("Point"), kinds.count("LineString"))
' "$1"
}

say "central depot nodes of $TINY are found by the tokenizer"
[ "$(central_nodes "$TINY")" = depot ] || fail "central_nodes $TINY: expected depot, found $(central_nodes "$TINY")"

say "--export-network writes nodes.csv, roads.csv and network.geojson"
exp="$tmp/export/tiny"
run export --export-network "$exp" "$TINY"
expect_rc 0 "--export-network"
for f in nodes.csv roads.csv network.geojson; do
    [ -s "$exp/$f" ] || fail "--export-network: $exp/$f missing or empty"
done
[ "$(lines "$exp/nodes.csv")" -eq 6 ] || fail "nodes.csv: expected a header and 5 nodes, found $(lines "$exp/nodes.csv") lines"
[ "$(lines "$exp/roads.csv")" -eq 6 ] || fail "roads.csv: expected a header and 5 roads, found $(lines "$exp/roads.csv") lines"

say "roads.csv minutes are km / class speed x 60"
awk -F, 'NR > 1 {
    split("expressway 80 national 60 provincial 50 county 40 village 25", v, " ")
    for (i = 1; i < 10; i += 2) speed[v[i]] = v[i + 1]
    if (!($4 in speed)) { print "unknown class " $4; bad = 1; next }
    want = $3 / speed[$4] * 60; d = $5 - want; if (d < 0) d = -d
    if (d > 0.0001) { print $1 "-" $2 ": minutes " $5 ", expected " want; bad = 1 }
} END { exit bad }' "$exp/roads.csv" || fail "roads.csv: minutes do not match km and class speeds"

say "Bellman-Ford over roads.csv gives the coverage CSV's central_min"
shortest "$TINY" "$exp" "$tmp/csv.out"

say "network.geojson parses and has 5 Point and 5 LineString features"
python3 -m json.tool "$exp/network.geojson" >/dev/null || fail "network.geojson does not parse as JSON"
geom=$(count_geometry "$exp/network.geojson") || fail "network.geojson is not a FeatureCollection of Features"
[ "$geom" = "5 5" ] || fail "network.geojson: expected 5 Point and 5 LineString features, found $geom"

say "no temporary files are left in the export folder"
left=$(find "$tmp/export" -name '*.tmp.*')
[ -z "$left" ] || fail "temporary files left: $left"

say "exporting again over existing files replaces them"
run export2 --export-network "$exp" "$TINY"
expect_rc 0 "--export-network again"
[ -z "$(find "$tmp/export" -name '*.tmp.*')" ] || fail "temporary files left after a second export"
[ "$(lines "$exp/roads.csv")" -eq 6 ] || fail "roads.csv changed on a second export"

# ---- the Yongcheng definition ----------------------------------------------

if [ -e "$YONGCHENG" ]; then
    say "--check $YONGCHENG exits 0 and lists 31 townships"
    run yc --check "$YONGCHENG"
    expect_rc 0 "--check $YONGCHENG"
    has "$tmp/yc.out" "Townships: 31." "--check $YONGCHENG"
    has "$tmp/yc.out" "31 townships;" "--check $YONGCHENG"
    run yccsv --check --format csv "$YONGCHENG"
    expect_rc 0 "--check --format csv $YONGCHENG"
    n=$(($(lines "$tmp/yccsv.out") - 1))
    [ "$n" -eq 31 ] || fail "--check --format csv $YONGCHENG: expected 31 townships, found $n"

    say "Bellman-Ford over Yongcheng's roads.csv gives its central_min"
    run ycexp --export-network "$tmp/export/yongcheng" "$YONGCHENG"
    expect_rc 0 "--export-network $YONGCHENG"
    shortest "$YONGCHENG" "$tmp/export/yongcheng" "$tmp/yccsv.out"
    python3 -m json.tool "$tmp/export/yongcheng/network.geojson" >/dev/null ||
        fail "$YONGCHENG: network.geojson does not parse as JSON"
    nodes=$(($(lines "$tmp/export/yongcheng/nodes.csv") - 1))
    roads=$(($(lines "$tmp/export/yongcheng/roads.csv") - 1))
    [ "$(count_geometry "$tmp/export/yongcheng/network.geojson")" = "$nodes $roads" ] ||
        fail "$YONGCHENG: network.geojson does not hold one Point per node and one LineString per road"
    [ -z "$(find "$tmp/export" -name '*.tmp.*')" ] || fail "temporary files left in the Yongcheng export"
else
    say "($YONGCHENG not present: skipped)"
fi

echo "e2e_check: all checks passed"
