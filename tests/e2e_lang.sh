#!/bin/sh
# e2e_lang.sh -- every text in the user's language: chosen by --lang, else by
# the locale (LC_ALL, then LC_MESSAGES, then LANG; "zh..." is Chinese); the
# verdict, the tables, summary.txt, --check, --help and the errors the
# bureau met, each in both languages; places named, never by id.
set -eu
E2E=lang
. "$(dirname "$0")/common.sh"

FLOOD=scenarios/flood.cfg
N="-n 40 -j 2 --no-plot"

# has FILE TEXT WHAT / hasnt FILE TEXT WHAT: a fixed string in a file, or not
has() {
    grep -qF -- "$2" "$1" || fail "$3: expected \"$2\" in $(basename "$1"), found: $(head -c 3000 "$1")"
}
hasnt() {
    ! grep -qF -- "$2" "$1" || fail "$3: expected no \"$2\" in $(basename "$1"): $(grep -F -- "$2" "$1" | head -3)"
}
first_line() {
    head -n 1 "$tmp/$1.out"
}

say "the verdict in the locale's language, --lang above it"
LANG=zh_CN.UTF-8 run zh $N -o "$tmp/o_zh" "$FLOOD"
expect_rc 0 "LANG=zh_CN.UTF-8"
case "$(first_line zh)" in
    不通过：2\ 小时承诺兑现率*次洪涝之夜模拟，95%\ 置信区间*要求\ 95%) ;;
    *) fail "LANG=zh_CN.UTF-8: expected the verdict in Chinese, found: $(first_line zh)" ;;
esac
LANG=C run c $N -o "$tmp/o_c" "$FLOOD"
case "$(first_line c)" in
    "FAIL: the 2-hour promise held in "*" of 40 flooded nights (95% CI "*"); required 95%") ;;
    *) fail "LANG=C: expected the verdict in English, found: $(first_line c)" ;;
esac
LANG=zh_CN.UTF-8 run en $N --lang en -o "$tmp/o_en" "$FLOOD"
case "$(first_line en)" in FAIL:*) ;; *) fail "--lang en under LANG=zh: $(first_line en)" ;; esac
LC_ALL=C LANG=zh_CN.UTF-8 run lcall $N -o "$tmp/o_lcall" "$FLOOD"
case "$(first_line lcall)" in FAIL:*) ;; *) fail "LC_ALL=C beats LANG: $(first_line lcall)" ;; esac
LC_MESSAGES=zh_CN.UTF-8 LANG=C run lcm $N -o "$tmp/o_lcm" "$FLOOD"
case "$(first_line lcm)" in 不通过*) ;; *) fail "LC_MESSAGES=zh beats LANG=C: $(first_line lcm)" ;; esac
run zh2 $N --lang zh -o "$tmp/o_zh2" "$FLOOD"
cmp -s "$tmp/zh.out" "$tmp/zh2.out" || fail "--lang zh and LANG=zh_CN.UTF-8 differ"

say "the tables: places and stores by name, no ids, the stock-out note, units"
for l in zh c; do
    hasnt "$tmp/$l.out" "pt_" "stdout ($l)"
    hasnt "$tmp/$l.out" "site_" "stdout ($l)"
    hasnt "$tmp/$l.out" " 1 units" "stdout ($l)"
    hasnt "$tmp/$l.out" "inf" "stdout ($l)"
done
has "$tmp/c.out" "Maqiao Zhen " "English sites"
has "$tmp/c.out" "Chongfasi Jiedao stockpile point" "English stock-outs"
has "$tmp/c.out" "stock-out counts only the wait for stock that no store had" "the stock-out note"
has "$tmp/c.out" "95% within" "the 95th percentile in words"
hasnt "$tmp/c.out" "p95" "English stdout"
has "$tmp/zh.out" "马桥镇" "Chinese sites"
has "$tmp/zh.out" "崇法寺街道应急物资储备点" "Chinese stock-outs"
has "$tmp/zh.out" "“缺货”只计所有仓库都无货时的等待" "the Chinese stock-out note"
has "$tmp/zh.out" "情景“洪涝”" "the scenario's Chinese name"
hasnt "$tmp/zh.out" "Maqiao" "Chinese stdout"
hasnt "$tmp/zh.out" "p95" "Chinese stdout"
cmp -s "$tmp/zh.out" "$tmp/o_zh/summary.txt" || fail "summary.txt is not the Chinese stdout"
cmp -s "$tmp/c.out" "$tmp/o_c/summary.txt" || fail "summary.txt is not the English stdout"
cmp -s "$tmp/o_zh/sites.csv" "$tmp/o_c/sites.csv" || fail "sites.csv differs with the language"
cmp -s "$tmp/o_zh/summary.json" "$tmp/o_c/summary.json" || fail "summary.json differs with the language"

say "report.html: one verdict line, in the page's language"
run html -n 40 -j 2 --lang zh -o "$tmp/o_html" --no-plot "$FLOOD"
has "$tmp/o_html/report.html" "$(first_line zh)" "report.html (zh)"
hasnt "$tmp/o_html/report.html" "FAIL: the" "report.html (zh)"

say "--check and --help in both languages"
LANG=zh_CN.UTF-8 run check_zh --check "$FLOOD"
expect_rc 0 "--check in Chinese"
has "$tmp/check_zh.out" "夜间极端降雨引发洪涝" "description_zh"
has "$tmp/check_zh.out" "救灾物资储备分中心(茴村)" "sub-centres by name"
hasnt "$tmp/check_zh.out" "sc_east" "--check (zh)"
run check_en --check "$FLOOD"
has "$tmp/check_en.out" "East sub-centre (Huicun)" "sub-centres by name"
for cmd in "" merge compare roads sensitivity; do
    LANG=zh_CN.UTF-8 run help_zh $cmd --help
    expect_rc 0 "supplysim $cmd --help (zh)"
    has "$tmp/help_zh.out" "用法：supplysim $cmd" "supplysim $cmd --help (zh)"
    run help_en $cmd --help
    has "$tmp/help_en.out" "usage: supplysim $cmd" "supplysim $cmd --help (en)"
done

# err_is NAME LANG EXPECTED...: the run failed with exit 2 and one line on stderr holding
# each expected fixed string
err_is() {
    what=$1
    shift
    expect_rc 2 "$what"
    [ "$(wc -l <"$tmp/$name.err")" -eq 1 ] || fail "$what: expected one line on stderr: $(cat "$tmp/$name.err")"
    for want in "$@"; do
        has "$tmp/$name.err" "$want" "$what"
    done
}

say "a missing scenario file: no ':0: (file)', the nearest file suggested"
run nofile scenarios/flod.cfg
err_is "missing file" "scenarios/flod.cfg: expected a readable configuration file, found no such file (did you mean scenarios/flood.cfg?)"
hasnt "$tmp/nofile.err" ":0:" "missing file"
run nofile --lang zh scenarios/flod.cfg
err_is "missing file (zh)" "scenarios/flod.cfg：应为可读取的配置文件，实际没有这个文件（是否想写 scenarios/flood.cfg？）"

say "a scenario without its base line"
grep -v '^base = ' "$FLOOD" >"$tmp/nobase.cfg"
run nobase "$tmp/nobase.cfg"
err_is "no base" "$tmp/nobase.cfg:1: base: names no base and defines no system" 'base = "../config/yongcheng.cfg";'
run nobase --lang zh "$tmp/nobase.cfg"
err_is "no base (zh)" "$tmp/nobase.cfg:1: base: 未指明基础配置，本身也未定义系统"

say "-D fleet.central.truks=16: the nearest name"
run truks -D fleet.central.truks=16 "$FLOOD"
err_is "-D truks" "command line:1: fleet.central.truks: " "(did you mean trucks?)"
run truks --lang zh -D fleet.central.truks=16 "$FLOOD"
err_is "-D truks (zh)" "命令行:1: fleet.central.truks: " "（是否想写 trucks？）"

say "an unknown township: the ids listed; its name or Chinese name accepted"
run town -D 'disaster.sites.[0].township=tuobn' "$FLOOD"
err_is "unknown township" "disaster.sites.[0].township: expected the id of a township, found \"tuobn\"" \
    "(did you mean tuobin?)" "the township ids: chenguanzhuang, chenji, " ", yanji;"
run town --lang zh -D 'disaster.sites.[0].township=tuobn' "$FLOOD"
err_is "unknown township (zh)" "应为乡镇的 id，实为“tuobn”" "（是否想写 tuobin？）" "可用的乡镇 id：chenguanzhuang"
run by_id -q $N -o "$tmp/o_id" -D 'disaster.sites.[0].township=maqiao' "$FLOOD"
run by_name -q $N -o "$tmp/o_name" -D 'disaster.sites.[0].township=Maqiao Zhen' "$FLOOD"
run by_zh -q $N -o "$tmp/o_zhname" -D 'disaster.sites.[0].township=马桥镇' "$FLOOD"
expect_rc 0 "a township by its Chinese name"
cmp -s "$tmp/o_id/sites.csv" "$tmp/o_name/sites.csv" || fail "a township by name is not the same as by id"
cmp -s "$tmp/o_id/sites.csv" "$tmp/o_zhname/sites.csv" || fail "a township by Chinese name is not the same as by id"

say "-D trucks = 16: the spaces recognised"
run spaced -D trucks = 16 "$FLOOD"
err_is "-D with spaces" "-D trucks: expected PATH=VALUE as one word" 'write -D trucks=16'
hasnt "$tmp/spaced.err" "found also" "-D with spaces"
run spaced --lang zh -D fleet.central.trucks= 16 "$FLOOD"
err_is "-D with spaces (zh)" "等号两侧有空格" "请写成 -D fleet.central.trucks=16"

say "the limits and the output folder's checks speak Chinese too"
run big --lang zh -D fleet.sc_north.trucks=20000 "$FLOOD"
err_is "a fleet beyond the limit (zh)" "命令行:1: fleet.sc_north.trucks: 应为 0 到 10000 之间的整数，实为 20000"
: >"$tmp/a_file"
run ofile --lang zh -n 5 -o "$tmp/a_file" "$FLOOD"
err_is "-o a file (zh)" "-o $tmp/a_file：应为输出文件夹，实为文件"

echo "e2e_lang: all checks passed"
