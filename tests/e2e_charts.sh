#!/bin/sh
# e2e_charts.sh -- the charts and report.html (README.md, "Charts and report") end to end: every
# chart script runs under gnuplot in the output folder and draws a real PNG
# and SVG; the scripts and their data are the same bytes for the same seed;
# report.html holds the verdict line and every chart inline, and headless
# Chromium prints it to a PDF and screenshots it without a page error; in
# Chinese the charts name the townships in Chinese; without gnuplot the run
# still succeeds with one warning and leaves the scripts; a script gnuplot
# rejects is a warning naming it; --no-plot draws nothing.  Run from the
# repository root:
#   SUPPLYSIM=build/test/supplysim sh tests/e2e_charts.sh
set -eu

FLOOD=scenarios/flood.cfg
CHARTS="coverage townships map causes response resources"
N=40

E2E=charts
. "$(dirname "$0")/common.sh"

# png_ok FILE: a PNG (magic bytes) of at least 10 kB
png_ok() {
    [ -s "$1" ] || fail "$1: missing or empty"
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$1: not a PNG"
    [ "$(wc -c <"$1")" -gt 10000 ] || fail "$1: only $(wc -c <"$1") bytes"
}

svg_ok() {
    [ -s "$1" ] || fail "$1: missing or empty"
    grep -q '<svg' "$1" || fail "$1: not an SVG"
}

# png_colours FILE: "DISTINCT NONWHITE_PERMILLE" over the pixels of an 8-bit RGB(A) PNG
png_colours() {
    python3 - "$1" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat = 8, b''
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
assert depth == 8 and ctype in (2, 6), 'expected 8-bit RGB or RGBA'
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, i, colours, ink = bytearray(stride), 0, set(), 0
for y in range(h):                      # undo the PNG row filters
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 2):  # every second pixel is plenty
        px = bytes(line[x:x + 3])
        colours.add(px)
        ink += px != b'\xff\xff\xff'
    prev = line
print(len(colours), 1000 * ink * 2 // (w * h))
EOF
}

command -v gnuplot >/dev/null 2>&1 || fail "gnuplot is not installed (run scripts/install-deps)"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || fail "no $CHROMIUM (run scripts/install-deps)"
[ -x "$SUPPLYSIM" ] || fail "no executable at SUPPLYSIM=$SUPPLYSIM (run from the repository root)"

# ---- charts in English --------------------------------------------------------

say "a flood run draws every chart as PNG and SVG, with no warning"
en="$tmp/en"
run en -q -n $N -j 2 -o "$en" "$FLOOD"
expect_rc 0 "flood run"
[ ! -s "$tmp/en.err" ] || fail "flood run: expected nothing on stderr, found: $(cat "$tmp/en.err")"
verdict=$(head -n 1 "$tmp/en.out")
for c in $CHARTS; do
    [ -s "$en/$c.gp" ] || fail "$c.gp missing"
    png_ok "$en/$c.png"
    svg_ok "$en/$c.svg"
done
[ -z "$(find "$en" -name '*.tmp.*')" ] || fail "temporary files left: $(find "$en" -name '*.tmp.*')"

say "every script redraws its PNG and SVG with gnuplot run in a copy of the folder"
cp -r "$en" "$tmp/redraw"
for c in $CHARTS; do
    rm -f "$tmp/redraw/$c.png" "$tmp/redraw/$c.svg"
    (cd "$tmp/redraw" && gnuplot "$c.gp") >"$tmp/gp.out" 2>"$tmp/gp.err" || fail "gnuplot $c.gp: $(cat "$tmp/gp.err")"
    [ ! -s "$tmp/gp.err" ] || fail "gnuplot $c.gp warned: $(cat "$tmp/gp.err")"
    png_ok "$tmp/redraw/$c.png"
    svg_ok "$tmp/redraw/$c.svg"
done

say "the scripts name only files in their folder"
for c in $CHARTS; do
    if grep -n "'/\|\"/" "$en/$c.gp" | grep -v '^[0-9]*:#' >"$tmp/abs.txt"; then
        fail "$c.gp names an absolute path: $(cat "$tmp/abs.txt")"
    fi
done

say "same seed, same bytes: scripts and chart data with -j 1 and -j 2"
run en1 -q -n $N -j 1 -o "$tmp/en1" "$FLOOD"
expect_rc 0 "flood run -j 1"
for f in coverage.gp townships.gp townships.csv map.gp map_roads.csv map_points.csv causes.gp \
         causes.csv response.gp response.csv resources.gp; do
    cmp -s "$en/$f" "$tmp/en1/$f" || fail "$f differs between -j 2 and -j 1"
done

say "coverage: the share of runs with every site reached, counted from replications.csv"
# At every 5-minute step t, the runs whose last site was reached by t: each
# run's largest response_* (inf: never), counted here in awk.  replications.csv
# prints responses to 6 digits, so a run whose last response lies within 0.001
# min of t may fall either side: coverage.csv's count k must lie between the
# runs surely within t and those possibly within it, and its share and 95%
# Wilson interval (z = 1.959964) must be k's.  At the promise (120 min) k is
# exactly the runs with kept = 1, and the share summary.json's promise_kept.
awk -F, -v z=1.959964 '
    FNR == 1 && FILENAME ~ /replications/ { for (i = 1; i <= NF; i++) { if ($i ~ /^response_/) r[++nr] = i; if ($i == "kept") kc = i }; next }
    FILENAME ~ /replications/ {
        m = 0; for (i = 1; i <= nr; i++) m = ($r[i] == "inf" || m == "inf") ? "inf" : ($r[i] + 0 > m ? $r[i] + 0 : m)
        last[++n] = m; kept += $kc; next
    }
    FNR == 1 { next }
    {
        t = $1 + 0; sure = 0; maybe = 0
        for (i = 1; i <= n; i++) if (last[i] != "inf") { sure += last[i] < t - 0.001; maybe += last[i] <= t + 0.001 }
        k = int($8 * n + 0.5); p = k / n; c = (p + z * z / (2 * n)) / (1 + z * z / n)
        h = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        lo = (k == 0) ? 0 : c - h; hi = (k == n) ? 1 : c + h
        if (k < sure || k > maybe || (lo - $9) ^ 2 > 1e-8 || (hi - $10) ^ 2 > 1e-8 || (t == 120 && k != kept)) {
            printf "minute %s: every site reached in %d to %d of %d runs (%d kept the promise), coverage.csv says %s [%s, %s]\n", $1, sure, maybe, n, kept, $8, $9, $10
            bad = 1
        }
        if (t == 120) at120 = $8
    }
    END { if (!bad) print "promise " at120; exit bad }' "$en/replications.csv" "$en/coverage.csv" >"$tmp/all.txt" ||
    fail "coverage.csv all_sites: $(head -n 3 "$tmp/all.txt")"
kept=$(sed -n 's/.*"promise_kept": {"est": \([0-9.]*\).*/\1/p' "$en/summary.json")
[ "$(tail -n 1 "$tmp/all.txt")" = "promise $(printf '%.4f' "$kept")" ] ||
    fail "coverage.csv at 120 min: $(tail -n 1 "$tmp/all.txt"), promise_kept $kept"
grep -q "with lines lw 4.5 lc rgb every" "$en/coverage.gp" || fail "coverage.gp does not draw the runs with every site reached"

say "townships and map: colours from each site's interval, as the verdict; no 100% unless all"
# The rule worked here from townships.csv's own interval columns: green (0)
# when lo >= 95 (the flood's required level), red (2) when hi < 80, else
# amber (1); a label reads 100% only when every run was on time.  Each seat
# on the map takes the worst class of its township's sites (names match: one
# site per township in the flood).
awk -F, 'NR > 1 {
    want = ($5 + 0 >= 95) ? 0 : ($6 + 0 < 80) ? 2 : 1
    if ($7 != want) { print "townships.csv: " $3 " [" $5 ", " $6 "] risk " $7 ", want " want; bad = 1 }
    if ($8 ~ /^"100/ && $4 + 0 < 100) { print "townships.csv: " $3 " " $4 "% labelled " $8; bad = 1 }
} END { exit bad }' "$en/townships.csv" >"$tmp/risk.txt" || fail "$(cat "$tmp/risk.txt")"
# (the map names a seat without "Zhen", "Xiang" or "Jiedao": "Cuocheng" for "Cuocheng Zhen")
awk -F, 'FILENAME ~ /townships/ { gsub(/"/, "", $3); if (FNR > 1 && (!($3 in w) || $7 > w[$3])) w[$3] = $7; next }
    FNR > 1 && $3 == "seat" {
        s = $5; gsub(/"/, "", s); want = 3
        for (t in w) if (t == s || t == s " Zhen" || t == s " Xiang" || t == s " Jiedao") want = w[t]
        if ($4 != want) { print "map_points.csv: seat " s " risk " $4 ", want " want; bad = 1 }
    } END { exit bad }' "$en/townships.csv" "$en/map_points.csv" >"$tmp/seat.txt" || fail "$(cat "$tmp/seat.txt")"

say "map: road numbers on their own roads; seats drawn over the facilities' symbols"
# Every point of kind road is a road number (G30, S32, G311 ... among them)
# lying on a segment of map_roads.csv whose corridor name is that number or
# starts with it and a bracket ("G311 (urban section)"): distance from the
# point to the segment under 10 m.
awk -F, 'FILENAME ~ /roads/ { if (FNR > 1) { n++; x1[n] = $1; y1[n] = $2; x2[n] = $3; y2[n] = $4; gsub(/"/, "", $7); name[n] = $7 }; next }
    FNR > 1 && $3 == "road" {
        num = $5; gsub(/"/, "", num); seen[num] = 1; on = 0
        for (i = 1; i <= n; i++) {
            if (name[i] != num && index(name[i], num " (") != 1) continue
            dx = x2[i] - x1[i]; dy = y2[i] - y1[i]; l = dx * dx + dy * dy
            t = l > 0 ? (($1 - x1[i]) * dx + ($2 - y1[i]) * dy) / l : 0; t = t < 0 ? 0 : t > 1 ? 1 : t
            ex = x1[i] + t * dx - $1; ey = y1[i] + t * dy - $2
            if (ex * ex + ey * ey < 1e-4) on = 1
        }
        if (!on) { print "road number " num " at " $1 ", " $2 " is on no road of that name"; bad = 1 }
    }
    END { if (!("G30" in seen) || !("S32" in seen) || !("G311" in seen)) { print "missing G30, S32 or G311"; bad = 1 }; exit bad }' \
    "$en/map_roads.csv" "$en/map_points.csv" >"$tmp/numbers.txt" || fail "map: $(head -n 3 "$tmp/numbers.txt")"
awk "/strcol\\(3\\) eq 'subcentre'/ && !tri { tri = NR } /strcol\\(3\\) eq 'seat'/ && !seat { seat = NR }
    END { exit !(tri && seat > tri) }" "$en/map.gp" || fail "map.gp draws the seats before the sub-centres' symbols"

say "causes: bars are the share of late runs, split by cause, and the top one the promise broken"
# Each site's bar is 100 - its probability on time (townships.csv), its
# main causes add up to it, road delays' parts (detour, wait, slowed) to
# road delays, and the top bar is the runs that did not keep the promise
# (summary.json); no bar is labelled 0% late.
awk -F, 'FILENAME ~ /townships/ { if (FNR > 1) on[$3] = $4; next }
    FNR == 1 { for (i = 1; i <= NF; i++) {
                   if ($i ~ /^(detour|wait|slowed)_pct$/) p[++np] = i
                   else if ($i ~ /_pct$/ && $i != "late_pct") c[++nc] = i
                   if ($i == "road_pct") road = i
               }
               if (np != 3 || !road) { print "no road delays and their three parts"; bad = 1 }
               next }
    {
        sum = 0; for (i = 1; i <= nc; i++) sum += $c[i]
        if ((sum - $3) ^ 2 > 1e-6) { print $2 ": causes add up to " sum ", bar " $3; bad = 1 }
        part = 0; for (i = 1; i <= np; i++) part += $p[i]
        if ((part - $road) ^ 2 > 1e-6) { print $2 ": road delays " $road ", its parts " part; bad = 1 }
        if (FNR == 2) top = $3
        else if (($3 - (100 - on[$2])) ^ 2 > 1e-4) { print $2 ": bar " $3 ", on time " on[$2]; bad = 1 }
        if ($NF ~ /^"0\.0%/) { print $2 ": labelled " $NF; bad = 1 }
    }
    END { print "top " top; exit bad }' "$en/townships.csv" "$en/causes.csv" >"$tmp/causes.txt" ||
    fail "causes.csv: $(head -n 3 "$tmp/causes.txt")"
[ "$(tail -n 1 "$tmp/causes.txt")" = "top $(awk -v k="$kept" 'BEGIN { printf "%.4f", 100 * (1 - k) }')" ] ||
    fail "causes.csv: the promise-broken bar is $(tail -n 1 "$tmp/causes.txt"), promise kept $kept"

say "report.html: the verdict first, every chart inline, nothing loaded from elsewhere"
html="$en/report.html"
[ -s "$html" ] || fail "report.html missing"
grep -qF -- "$verdict" "$html" || fail "report.html lacks the verdict line: $verdict"
[ "$(grep -o '<svg' "$html" | wc -l)" -eq 6 ] || fail "report.html: expected 6 <svg, found $(grep -o '<svg' "$html" | wc -l)"
first_svg=$(grep -n '<svg' "$html" | head -n 1 | cut -d: -f1)
verdict_at=$(grep -nF -- "$verdict" "$html" | head -n 1 | cut -d: -f1)
[ "$verdict_at" -lt "$first_svg" ] || fail "report.html: the verdict comes after the charts"
if grep -qiE '<script|<link|<img|<iframe| src=|href="https?:' "$html"; then
    fail "report.html refers to something outside itself: $(grep -oiE '<script|<link|<img|<iframe| src=|href="https?:' "$html" | head -n 3)"
fi
grep -q '@media print' "$html" || fail "report.html has no print styles"
for c in $CHARTS; do
    grep -q "id=\"$c\"" "$html" || fail "report.html has no section for $c"
done
dup=$(grep -oE " id=(\"[^\"]*\"|'[^']*')" "$html" | sort | uniq -d | head -n 3)
[ -z "$dup" ] || fail "report.html repeats ids: $dup"

say "headless Chromium prints report.html to PDF and screenshots it without a page error"
chrome() {   # chrome NAME ARGS...: Chromium on report.html, stderr in $tmp/NAME.chrome
    cname=$1
    shift
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" "file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")" \
        >/dev/null 2>"$tmp/$cname.chrome" || fail "chromium $cname failed: $(tail -n 5 "$tmp/$cname.chrome")"
    # Chromium logs much about D-Bus and GPUs; what concerns the page is a
    # console message, an uncaught exception or a resource that did not load
    if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$tmp/$cname.chrome" >"$tmp/$cname.bad"; then
        fail "chromium $cname: the page reported errors: $(head -n 5 "$tmp/$cname.bad")"
    fi
}
chrome pdf --print-to-pdf="$tmp/report.pdf" --no-pdf-header-footer
[ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] || fail "report.pdf is not a PDF"
[ "$(wc -c <"$tmp/report.pdf")" -gt 100000 ] || fail "report.pdf: only $(wc -c <"$tmp/report.pdf") bytes"
# Chromium writes each page's dictionary as plain text: the verdict, each of the six
# charts on a page of its own, then the table and the assumptions
pages=$(grep -a -o '/Type /Pages*' "$tmp/report.pdf" | grep -c -v Pages || true)
[ "$pages" -ge 8 ] || fail "report.pdf has $pages pages: expected a page per chart (8 or more)"
chrome shot --screenshot="$tmp/report.png" --window-size=1280,2000
png_ok "$tmp/report.png"
set -- $(png_colours "$tmp/report.png")
[ "$1" -gt 50 ] || fail "report screenshot has only $1 colours: blank?"
[ "$2" -gt 30 ] || fail "report screenshot is $2 per mille ink: blank?"
echo "   PDF $(wc -c <"$tmp/report.pdf") bytes, $pages pages; screenshot $1 colours, $2 per mille not white"

# ---- the brief --------------------------------------------------------------------

say "report.html: the brief first, dated by SOURCE_DATE_EPOCH, otherwise the seed's bytes"
# common.sh sets SOURCE_DATE_EPOCH=1700000000 unless the environment did
when=$(awk -v t="$SOURCE_DATE_EPOCH" 'BEGIN { print strftime("%Y-%m-%d %H:%M UTC", t, 1) }' 2>/dev/null ||
    date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M UTC')
grep -qF "$when" "$html" || fail "report.html lacks the run's date $when"
brief_at=$(grep -n 'class="brief"' "$html" | head -n 1 | cut -d: -f1)
[ -n "$brief_at" ] && [ "$brief_at" -lt "$verdict_at" ] || fail "report.html: the brief is not first"
cmp -s "$html" "$tmp/en1/report.html" || fail "report.html differs between -j 2 and -j 1"
SOURCE_DATE_EPOCH=1726534800 run later -q -n $N -o "$tmp/later" "$FLOOD"
expect_rc 0 "another date"
grep -q '2024-09-17 01:00 UTC' "$tmp/later/report.html" || fail "SOURCE_DATE_EPOCH=1726534800: no 2024-09-17 01:00 UTC"
[ "$(diff "$html" "$tmp/later/report.html" | grep -c '^<')" -eq 1 ] ||
    fail "another date changed more than the brief's first line: $(diff "$html" "$tmp/later/report.html" | head -n 6)"
SOURCE_DATE_EPOCH=yesterday run baddate -q -n $N -o "$tmp/baddate" "$FLOOD"
expect_rc 1 "SOURCE_DATE_EPOCH=yesterday"
grep -q 'SOURCE_DATE_EPOCH: expected' "$tmp/baddate.err" || fail "SOURCE_DATE_EPOCH=yesterday: $(cat "$tmp/baddate.err")"

command -v pdftotext >/dev/null 2>&1 || fail "pdftotext is not installed (poppler-utils; run scripts/install-deps)"
# brief_page NAME DIR LAST NOT_BRIEF: Chromium prints DIR/report.html; page 1
# must hold the brief's last line LAST (the brief is whole on it) and no text
# of the report after it (NOT_BRIEF, from its key numbers), page 2 must start
# with that report (NOT_BRIEF there) and hold no line of the brief's
brief_page() {
    html=$2/report.html
    chrome "$1" --print-to-pdf="$tmp/$1.pdf" --no-pdf-header-footer
    pdftotext -layout -f 1 -l 1 "$tmp/$1.pdf" "$tmp/$1.p1" || fail "pdftotext $1.pdf failed"
    pdftotext -layout -f 2 -l 2 "$tmp/$1.pdf" "$tmp/$1.p2" || fail "pdftotext $1.pdf failed"
    grep -qF "$3" "$tmp/$1.p1" || fail "$1: the brief does not end on page 1: $(tail -n 5 "$tmp/$1.p1")"
    grep -qF "$4" "$tmp/$1.p1" && fail "$1: page 1 goes on past the brief"
    grep -qF "$4" "$tmp/$1.p2" || fail "$1: page 2 is not the report after the brief: $(head -n 5 "$tmp/$1.p2")"
    grep -qF "$3" "$tmp/$1.p2" && fail "$1: the brief runs onto page 2"
    echo "   $1: brief on page 1 ($(wc -l <"$tmp/$1.p1") lines), the report from page 2"
}
EN_LAST="The full report follows"
EN_AFTER="Every site reached within"
ZH_LAST="完整报告见后页"
ZH_AFTER="所有受灾点均在以下时间内送达"

say "printed, the brief is page 1 and whole; without studies it says how to run them"
brief_page brief-en "$tmp/en1" "$EN_LAST" "$EN_AFTER"
grep -q 'supplysim improve scenarios/flood.cfg' "$tmp/en1/report.html" || fail "no study: the brief does not say how to run improve"
grep -q 'supplysim roads scenarios/flood.cfg' "$tmp/en1/report.html" || fail "no study: the brief does not say how to run roads"
grep -q 'supplysim sensitivity scenarios/flood.cfg' "$tmp/en1/report.html" || fail "no study: no word on the sensitivity study"

say "with improve, roads and sensitivity studies next to the run, the brief gives their findings, still on page 1"
# improve on two levers (four plans): its decision, the first line it prints, is the brief's
"$SUPPLYSIM" improve -n 20 -j 2 --no-plot --levers preposition,duty_points -o "$tmp/st-improve" "$FLOOD" 2>"$tmp/st.err" | head -n 1 >"$tmp/st.decision" || fail "improve: $(cat "$tmp/st.err")"
grep -q '^DECISION: ' "$tmp/st.decision" || fail "improve printed no decision first: $(cat "$tmp/st.decision")"
"$SUPPLYSIM" roads -q -n 20 -j 2 --no-plot -o "$tmp/st-roads" "$FLOOD" >/dev/null 2>"$tmp/st.err" || fail "roads: $(cat "$tmp/st.err")"
"$SUPPLYSIM" sensitivity -q -n 20 -j 2 --no-plot -o "$tmp/st-sensitivity" "$FLOOD" >/dev/null 2>"$tmp/st.err" || fail "sensitivity: $(cat "$tmp/st.err")"
run st -q -n $N -j 2 -o "$tmp/st" "$FLOOD"
expect_rc 0 "a run next to its studies"
grep -q '<li>Protect ' "$tmp/st/report.html" || fail "the brief does not list the roads study's roads"
grep -qF "<p class=\"decision\">$(sed "s/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/\"/\&quot;/g; s/'/\&#39;/g" "$tmp/st.decision")</p>" "$tmp/st/report.html" ||
    fail "the brief does not give improve's decision: $(grep -o '<p class="decision">.*' "$tmp/st/report.html")"
grep -q 'improve study in the folder st-improve' "$tmp/st/report.html" || fail "the brief does not say where the decision came from"
grep -q 'roads study in the folder st-roads' "$tmp/st/report.html" || fail "the brief does not say where the roads came from"
grep -q 'sensitivity study in the folder st-sensitivity' "$tmp/st/report.html" || fail "the brief does not use the sensitivity study"
brief_page brief-studies "$tmp/st" "$EN_LAST" "$EN_AFTER"
"$SUPPLYSIM" sensitivity -q -n 20 -j 2 --no-plot -o "$tmp/ep-sensitivity" scenarios/epidemic.cfg >/dev/null 2>"$tmp/st.err" || fail "sensitivity: $(cat "$tmp/st.err")"
cp -r "$tmp/st-roads" "$tmp/stzh-roads"
cp -r "$tmp/st-improve" "$tmp/stzh-improve"
cp -r "$tmp/st-sensitivity" "$tmp/stzh-sensitivity"
run stzh -q -n $N -j 2 --lang zh -o "$tmp/stzh" "$FLOOD"
expect_rc 0 "a Chinese run next to its studies"
brief_page brief-studies-zh "$tmp/stzh" "$ZH_LAST" "$ZH_AFTER"
run ep -q -n 20 -j 2 --lang zh -o "$tmp/ep" scenarios/epidemic.cfg
expect_rc 0 "an epidemic run next to its sensitivity study"
brief_page brief-flips-zh "$tmp/ep" "$ZH_LAST" "$ZH_AFTER"
grep -q '判定变为' "$tmp/ep/report.html" || fail "the epidemic's brief lists no assumption that changes its verdict"

# ---- Chinese ---------------------------------------------------------------------

say "--lang zh draws Chinese titles and township names in the CJK font"
run zh -q -n $N --lang zh -o "$tmp/zh" "$FLOOD"
expect_rc 0 "--lang zh"
[ ! -s "$tmp/zh.err" ] || fail "--lang zh: expected nothing on stderr, found: $(cat "$tmp/zh.err")"
for c in $CHARTS; do
    png_ok "$tmp/zh/$c.png"
    grep -q 'WenQuanYi Micro Hei' "$tmp/zh/$c.gp" || fail "zh $c.gp does not use the CJK font"
done
grep -q '陈集镇' "$tmp/zh/townships.svg" || fail "zh townships.svg lacks 陈集镇"
grep -q '陈集镇' "$tmp/zh/map.svg" || fail "zh map.svg lacks 陈集镇"
grep -q 'lang="zh-CN"' "$tmp/zh/report.html" || fail "zh report.html is not marked Chinese"
grep -qF -- "$(head -n 1 "$tmp/zh.out")" "$tmp/zh/report.html" || fail "zh report.html lacks the verdict line"

# ---- without gnuplot, with a failing gnuplot, with --no-plot ----------------------

say "without gnuplot on the PATH: exit 0, one warning, scripts but no images (stale ones removed)"
mkdir "$tmp/nobin"
rc=0
env PATH="$tmp/nobin" "$SUPPLYSIM" -q -n $N -o "$en" "$FLOOD" >"$tmp/nognu.out" 2>"$tmp/nognu.err" || rc=$?
[ "$rc" -eq 0 ] || fail "no gnuplot: exit status $rc; stderr: $(cat "$tmp/nognu.err")"
[ "$(wc -l <"$tmp/nognu.err")" -eq 1 ] || fail "no gnuplot: expected one line on stderr, found: $(cat "$tmp/nognu.err")"
grep -q 'warning: gnuplot' "$tmp/nognu.err" || fail "no gnuplot: expected a warning about gnuplot, found: $(cat "$tmp/nognu.err")"
[ -z "$(find "$en" -name '*.png' -o -name '*.svg')" ] || fail "no gnuplot: images left: $(find "$en" -name '*.png' -o -name '*.svg')"
for c in $CHARTS; do
    [ -s "$en/$c.gp" ] || fail "no gnuplot: $c.gp missing"
done
grep -q 'not drawn' "$en/report.html" || fail "no gnuplot: report.html does not say the charts were not drawn"
! grep -q '<svg' "$en/report.html" || fail "no gnuplot: report.html holds a chart"
grep -qF -- "$verdict" "$en/report.html" || fail "no gnuplot: report.html lacks the verdict line"

say "gnuplot failing on one script: a warning naming it, the other charts drawn, exit 0"
mkdir "$tmp/fakebin"
real=$(command -v gnuplot)
cat >"$tmp/fakebin/gnuplot" <<EOF
#!/bin/sh
for a in "\$@"; do
    if [ "\$a" = map.gp ]; then echo '"map.gp" line 1: pretend error' >&2; exit 1; fi
done
exec "$real" "\$@"
EOF
chmod +x "$tmp/fakebin/gnuplot"
rc=0
env PATH="$tmp/fakebin:$PATH" "$SUPPLYSIM" -q -n $N -o "$tmp/fake" "$FLOOD" >"$tmp/fake.out" 2>"$tmp/fake.err" || rc=$?
[ "$rc" -eq 0 ] || fail "failing gnuplot: exit status $rc; stderr: $(cat "$tmp/fake.err")"
grep -q 'warning: gnuplot failed on .*map\.gp' "$tmp/fake.err" || fail "failing gnuplot: no warning naming map.gp: $(cat "$tmp/fake.err")"
grep -q 'pretend error' "$tmp/fake.err" || fail "failing gnuplot: gnuplot's message not passed on"
[ ! -e "$tmp/fake/map.png" ] || fail "failing gnuplot: map.png drawn anyway"
png_ok "$tmp/fake/coverage.png"
[ "$(grep -o '<svg' "$tmp/fake/report.html" | wc -l)" -eq 5 ] || fail "failing gnuplot: expected 5 charts in report.html"
grep -q 'map.gp' "$tmp/fake/report.html" || fail "failing gnuplot: report.html does not name map.gp"
[ -z "$(find "$tmp/fake" -name '*.tmp.*')" ] || fail "failing gnuplot: temporary files left"

say "--no-plot: no scripts, no images, and the report says so"
run noplot -q -n $N --no-plot -o "$tmp/noplot" "$FLOOD"
expect_rc 0 "--no-plot"
[ -z "$(find "$tmp/noplot" -name '*.gp' -o -name '*.png')" ] || fail "--no-plot wrote charts"
grep -q 'no-plot' "$tmp/noplot/report.html" || fail "--no-plot: report.html does not say why there are no charts"

say "hundreds of townships: the site charts show the 40 worst, the map names what it can, each saying so"
# A generated region of 90 townships (build/gen-network).  townships.csv
# keeps every site, but the chart's range holds rows n-39 .. n (the worst
# 40, the top of the csv's worst-first order) and a note says "the 40 worst
# of 90"; causes.gp the top bar and the 40 worst late sites; the map's note
# counts the seats map_points.csv names (a label in either view) out of all.
# Yongcheng's flood (above) has room for all: no note, every seat named.
build/gen-network --nodes 2500 --sites 90 -o "$tmp/many" 2>/dev/null || fail "gen-network failed"
run many -q -n 20 -j 2 -o "$tmp/many/out" "$tmp/many/scenario.cfg"
expect_rc 0 "90-township run"
m="$tmp/many/out"
for c in townships causes map; do png_ok "$m/$c.png"; done
n=$(($(wc -l <"$m/townships.csv") - 1))
[ "$n" -eq 90 ] || fail "townships.csv: $n sites, want all 90"
grep -q "^set yrange \[50.4:90.6\]" "$m/townships.gp" || fail "townships.gp: $(grep yrange "$m/townships.gp"), want [50.4:90.6]"
awk -F, 'FNR > 1 && (FNR <= 41) != ($1 > 50) { print "row " FNR " y " $1; bad = 1 } END { exit bad }' \
    "$m/townships.csv" >"$tmp/rows.txt" || fail "townships.csv: the top 40 rows are not the ones in range: $(cat "$tmp/rows.txt")"
grep -q "the 40 worst of 90 sites" "$m/townships.gp" || fail "townships.gp: no note of the 40 worst of 90"
late=$(($(wc -l <"$m/causes.csv") - 2))
[ "$late" -gt 40 ] || fail "causes.csv: only $late late sites, the test needs more than 40"
grep -q "^set yrange \[$((late - 40)).4:$((late + 2)).6\]" "$m/causes.gp" ||
    fail "causes.gp: $(grep yrange "$m/causes.gp"), want [$((late - 40)).4:$((late + 2)).6]"
grep -q "the 40 worst of $late late sites" "$m/causes.gp" || fail "causes.gp: no note of the 40 worst of $late"
named=$(awk -F, '$3 == "seat" && ($8 != "none" || $11 != "none")' "$m/map_points.csv" | wc -l)
seats=$(awk -F, '$3 == "seat"' "$m/map_points.csv" | wc -l)
[ "$named" -lt "$seats" ] || fail "map: all $seats seats named on a crowded map"
grep -q "'$named of $seats seats named" "$m/map.gp" || fail "map.gp: no note of $named of $seats seats named"
# the worst-off seat (townships.csv's first row: one site per township here) keeps its name
worst=$(awk -F, 'FNR == 2 { print $3 }' "$m/townships.csv")
awk -F, -v w="$worst" '$3 == "seat" && $5 == w && ($8 != "none" || $11 != "none") { found = 1 }
    END { exit !found }' "$m/map_points.csv" || fail "map: the worst-off seat $worst is not named"
! grep -q "seats named\|worst of" "$en/map.gp" "$en/townships.gp" "$en/causes.gp" || fail "the flood's charts note names or sites left out"
[ "$(awk -F, '$3 == "seat" && $8 == "none" && $11 == "none"' "$en/map_points.csv" | wc -l)" -eq 0 ] ||
    fail "the flood's map leaves a seat unnamed"

say "a legend of more than three rows lifts the causes chart's foot, by 0.028 of the canvas a row"
# KEY_BELOW leaves 0.23 of the canvas for the x axis's words and a legend of
# three rows of two causes; each further row adds 0.028.  The same region
# with slow depots (one bay, 30-40 min a tonne, crews called out in 100-150
# min, few trucks) and quick reports has seven causes or more: four rows.
# legend_bmargin FILE: the bmargin the causes chart must set last.
legend_bmargin() {
    awk '/with boxxyerror fc rgb/ { n++ } END { r = int((n + 1) / 2); printf "%g\n", (r > 3 ? 0.23 + 0.028 * (r - 3) : 0.23) }' "$1"
}
sed -e '/^  central /,+1{s/bays = 4;/bays = 1;/;s/load_min_per_t = 2.0;/load_min_per_t = 30.0;/;s/mobilise_night_min = 40.0;/mobilise_night_min = 150.0;/;s/trucks = 12;/trucks = 2;/}' \
    -e '/^  subcentre /,+1{s/bays = 2;/bays = 1;/;s/load_min_per_t = 3.0;/load_min_per_t = 30.0;/;s/mobilise_night_min = 50.0;/mobilise_night_min = 150.0;/;s/trucks = 4;/trucks = 1;/}' \
    -e '/^  township /,+1{s/load_min_per_t = 5.0;/load_min_per_t = 40.0;/;s/mobilise_night_min = 60.0;/mobilise_night_min = 100.0;/}' \
    -e '/^  department /,+1{s/mobilise_night_min = 60.0;/mobilise_night_min = 100.0;/}' \
    "$tmp/many/system.cfg" >"$tmp/many/slow.cfg"
sed -e 's/base = "system.cfg";/base = "slow.cfg";/' -e 's/report_min = \[15.0, 45.0\]/report_min = [5.0, 10.0]/g' \
    "$tmp/many/scenario.cfg" >"$tmp/many/slow_scenario.cfg"
run slow -q -n 60 -j 2 -o "$tmp/many/slow" "$tmp/many/slow_scenario.cfg"
expect_rc 0 "slow depots"
used=$(grep -c 'with boxxyerror fc rgb' "$tmp/many/slow/causes.gp")
[ "$used" -ge 7 ] || fail "slow depots: only $used causes, the test needs 7"
for g in "$tmp/many/slow/causes.gp" "$en/causes.gp"; do
    want=$(legend_bmargin "$g")
    got=$(grep '^set bmargin' "$g" | tail -n 1 | awk '{ print $NF + 0 }')
    [ "$got" = "$want" ] || fail "$g: bmargin $got, want $want for $(grep -c 'with boxxyerror fc rgb' "$g") causes"
done
png_ok "$tmp/many/slow/causes.png"

echo "e2e_charts: all checks passed"
