/*
 * lang_cmd.c -- a section of the language table (lang.h): what the command
 * line says -- each command's --help, and its messages on stderr (usage
 * errors, a run's progress and cost, merging shards, the studies' checks).
 * A message names what was expected and what was found, as the
 * configuration's do; a usage error ends with where the help is.
 */
#include <inttypes.h>
#include "engine/lang_table.h"

lang_section lang_cmd = {
    /* ---- help */
    [T_HELP_RUN] = {
        "usage: supplysim [options] SCENARIO.cfg\n"
        "  -n, --replications N     Monte-Carlo replications (default from the scenario, else 1000)\n"
        "  -s, --seed N             master seed (default from the scenario)\n"
        "  -j, --jobs N             worker threads (default: number of cores); results do not depend on it\n"
        "  -o, --out DIR            output folder (default out/<scenario name>)\n"
        "  -D, --set PATH=VALUE     override any setting, e.g. -D fleet.central.trucks=12 (repeatable;\n"
        "                           one word: no spaces around '=')\n"
        "      --format text|csv|json   what goes to stdout\n"
        "      --until-decided      add replications until the verdict is decided (or a cap is reached)\n"
        "      --fail-on-breach     exit 3 when the verdict is not PASS\n"
        "      --shard I/N          run only shard I (1..N) of the replications\n"
        "      --lang en|zh         language of every text (default: from LC_ALL, LC_MESSAGES or LANG;\n"
        "                           zh_CN.UTF-8 and the like give Chinese)\n"
        "      --no-plot            skip charts\n"
        "      --check              validate the scenario, print a summary and coverage table, run nothing\n"
        "      --export-network DIR write nodes.csv, roads.csv (a network folder that network = \"DIR\"\n"
        "                           reads back), network.geojson and network.gpkg for GIS tools\n"
        "  -q, --quiet / -v, --verbose / --version / --help\n"
        "\n"
        "supplysim merge -o DIR SHARD_DIR...   recompute every statistic and the verdict from shards\n"
        "supplysim compare SCENARIO.cfg [VARIANT.cfg...] [--variant 'NAME: PATH=VALUE; ...']...\n"
        "                                      options side by side, paired on the same disasters\n"
        "supplysim roads SCENARIO.cfg         which roads the promise depends on (protect / close)\n"
        "supplysim sensitivity SCENARIO.cfg   does the verdict survive the assumptions' ranges?\n"
        "supplysim improve SCENARIO.cfg [--budget YUAN] [--levers ID,ID,...]\n"
        "                                      the cheapest set of levers that keeps the promise\n"
        "supplysim import-network -o NETDIR ROADS_FILE   a network folder from a GIS road layer\n"
        "                                      (OpenStreetMap, GeoPackage, Shapefile ...)\n"
        "  (supplysim COMMAND --help says more; the studies take -n -s -j -o -D --shard --lang\n"
        "  --no-plot --format -q)\n"
        "\n"
        "Exit status: 0 ran; 1 failed while running; 2 bad usage or configuration;\n"
        "3 (with --fail-on-breach) the verdict is not PASS; 130/143 stopped by SIGINT/SIGTERM.\n",
        "用法：supplysim [选项] 情景.cfg\n"
        "  -n, --replications N     蒙特卡洛模拟次数（默认取情景中的设置，否则为 1000）\n"
        "  -s, --seed N             主随机种子（默认取情景中的设置）\n"
        "  -j, --jobs N             工作线程数（默认为 CPU 核数）；结果与线程数无关\n"
        "  -o, --out DIR            输出文件夹（默认为 out/<情景名>）\n"
        "  -D, --set PATH=VALUE     修改任一设置，如 -D fleet.central.trucks=12（可重复；\n"
        "                           须写成一个词，等号两侧不留空格）\n"
        "      --format text|csv|json   标准输出的格式\n"
        "      --until-decided      不断增加模拟次数，直到判定明确（或达到上限）\n"
        "      --fail-on-breach     判定不是“通过”时以状态 3 退出\n"
        "      --shard I/N          只运行全部模拟中的第 I 份（共 N 份）\n"
        "      --lang en|zh         全部文字的语言（默认由 LC_ALL、LC_MESSAGES 或 LANG 决定，\n"
        "                           zh_CN.UTF-8 等为中文）\n"
        "      --no-plot            不画图\n"
        "      --check              检查情景，打印概况与覆盖表，不运行模拟\n"
        "      --export-network DIR 写出 nodes.csv、roads.csv（即设置 network = \"DIR\" 可读回的路网\n"
        "                           文件夹）和供 GIS 软件使用的 network.geojson、network.gpkg\n"
        "  -q, --quiet（只打印判定）/ -v, --verbose（打印耗时）/ --version / --help\n"
        "\n"
        "supplysim merge -o DIR 分片文件夹...      由各分片的结果重新计算全部统计量和判定\n"
        "supplysim compare 情景.cfg [方案.cfg...] [--variant '名称: PATH=VALUE; ...']...\n"
        "                                      在相同的灾害上配对比较各方案\n"
        "supplysim roads 情景.cfg              承诺依赖哪些道路（保障 / 中断）\n"
        "supplysim sensitivity 情景.cfg        各项假设在其取值范围内变动时，判定是否改变？\n"
        "supplysim improve 情景.cfg [--budget 元] [--levers ID,ID,...]\n"
        "                                      兑现承诺最省钱的措施组合\n"
        "supplysim import-network -o 路网文件夹 道路文件   由 GIS 道路图层生成路网文件夹\n"
        "                                      （OpenStreetMap、GeoPackage、Shapefile 等）\n"
        "  （supplysim 命令 --help 显示该命令的说明；各项研究接受 -n -s -j -o -D --shard\n"
        "  --lang --no-plot --format -q）\n"
        "\n"
        "退出状态：0 运行完成；1 运行中出错；2 用法或配置有误；\n"
        "3（使用 --fail-on-breach 时）判定不是“通过”；130/143 被 SIGINT/SIGTERM 中止。\n" },
    [T_HELP_MERGE] = {
        "usage: supplysim merge -o DIR [--format text|csv|json] [-q] [--fail-on-breach] [--no-plot]\n"
        "                       [--lang en|zh] SHARD_DIR...\n"
        "Puts a run done in shards back together: recomputes every statistic and the verdict\n"
        "from the shards' results.dat (the output folders of supplysim --shard I/N runs of one\n"
        "scenario) and writes every output into DIR, as one run would; or, given the shards of a\n"
        "decision study (each holds study.dat), writes the study's outputs.\n",
        "用法：supplysim merge -o DIR [--format text|csv|json] [-q] [--fail-on-breach] [--no-plot]\n"
        "                       [--lang en|zh] 分片文件夹...\n"
        "合并分片运行的结果：由各分片的 results.dat（同一情景以 supplysim --shard I/N 运行的输出\n"
        "文件夹）重新计算全部统计量和判定，并像一次完整运行那样把全部输出写入 DIR；若给出的是\n"
        "决策研究的分片（各含 study.dat），则写出该研究的输出。\n" },
    [T_HELP_COMPARE] = {
        "usage: supplysim compare [options] SCENARIO.cfg [VARIANT.cfg...]\n"
        "                         [--variant 'NAME: PATH=VALUE; PATH=VALUE']...\n"
        "Runs each option on the same disasters as the scenario itself (the baseline) and says\n"
        "how much more or less often each keeps the promise, with paired 95% intervals.  A\n"
        "VARIANT.cfg is a scenario of its own (usually base = the scenario, and its changes),\n"
        "named by its file name; a --variant is the scenario with those settings, as -D sets them.\n"
        "Writes compare.csv, a chart, report.html, study.dat and variants/ into\n"
        "out/<scenario>-compare (or -o DIR).\n"
        "Options: -n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "         --format text|csv|json -q, as for a run (supplysim --help).\n",
        "用法：supplysim compare [选项] 情景.cfg [方案.cfg...]\n"
        "                         [--variant '名称: PATH=VALUE; PATH=VALUE']...\n"
        "在与情景本身（现状）相同的灾害上运行各方案，给出每个方案使承诺兑现率提高或降低多少，\n"
        "及其配对 95% 置信区间。方案.cfg 是一个独立的情景（通常 base 为该情景，再加上改动），\n"
        "以文件名命名；--variant 为在情景上按 -D 的写法修改若干设置。\n"
        "在 out/<情景名>-compare（或 -o DIR）中写出 compare.csv、图表、report.html、study.dat\n"
        "和 variants/。\n"
        "选项：-n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "      --format text|csv|json -q，与运行情景时相同（见 supplysim --help）。\n" },
    [T_HELP_ROADS] = {
        "usage: supplysim roads [options] SCENARIO.cfg\n"
        "For every road the scenario's hazard can close or slow, runs the scenario with that road\n"
        "protected and with it closed throughout, on the same disasters, and ranks the roads by\n"
        "what protecting each is worth to the promise.  Writes roads.csv, a map, report.html,\n"
        "study.dat and variants/ into out/<scenario>-roads (or -o DIR).\n"
        "Options: -n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "         --format text|csv|json -q, as for a run (supplysim --help).\n",
        "用法：supplysim roads [选项] 情景.cfg\n"
        "对情景中灾害可能中断或减速的每条道路，在相同的灾害上分别运行“保障该道路”和“该道路全程\n"
        "中断”两种情况，并按保障该道路对承诺的价值排序。在 out/<情景名>-roads（或 -o DIR）中\n"
        "写出 roads.csv、地图、report.html、study.dat 和 variants/。\n"
        "选项：-n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "      --format text|csv|json -q，与运行情景时相同（见 supplysim --help）。\n" },
    [T_HELP_SENSITIVITY] = {
        "usage: supplysim sensitivity [options] SCENARIO.cfg\n"
        "Runs the scenario with each assumption of assumption_ranges (config/README.md) at the\n"
        "low and at the high end of its range, one at a time, then with every one at once at its\n"
        "favourable and at its unfavourable end, on the same disasters, and says which\n"
        "assumptions change the verdict: those are what to measure first.  Writes\n"
        "sensitivity.csv, a chart, report.html, study.dat and variants/ into\n"
        "out/<scenario>-sensitivity (or -o DIR).\n"
        "Options: -n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "         --format text|csv|json -q, as for a run (supplysim --help).\n",
        "用法：supplysim sensitivity [选项] 情景.cfg\n"
        "在相同的灾害上，把 assumption_ranges（见 config/README.md）中的每项假设逐一取其范围的\n"
        "低端和高端运行情景，再让全部假设同时取有利端和不利端，指出哪些假设会改变判定：这些\n"
        "数值应首先实测。在 out/<情景名>-sensitivity（或 -o DIR）中写出 sensitivity.csv、图表、\n"
        "report.html、study.dat 和 variants/。\n"
        "选项：-n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "      --format text|csv|json -q，与运行情景时相同（见 supplysim --help）。\n" },
    [T_HELP_IMPROVE] = {
        "usage: supplysim improve [options] [--budget YUAN] [--levers ID,ID,...] SCENARIO.cfg\n"
        "Combines the levers of the configuration (levers and scenario_levers, config/README.md),\n"
        "each a set of settings with a cost, and finds the cheapest combination whose verdict is\n"
        "PASS and the cost-promise frontier, every plan on the same disasters: up to 12 levers\n"
        "every combination within the budget, screened on the first tenth of the replications;\n"
        "beyond, a greedy search.  Writes improve.csv, levers.csv, plans/NAME.cfg (each frontier\n"
        "plan), a chart, report.html and study.dat into out/<scenario>-improve (or -o DIR).\n"
        "  --budget YUAN            only plans costing at most this a year\n"
        "  --levers ID,ID,...       only these levers\n"
        "Options: -n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "         --format text|csv|json -q, as for a run (supplysim --help).\n",
        "用法：supplysim improve [选项] [--budget 元] [--levers ID,ID,...] 情景.cfg\n"
        "组合配置中的措施（levers 和 scenario_levers，见 config/README.md；每项措施是一组设置及其\n"
        "费用），在相同的灾害上找出判定为“通过”的最省钱组合以及费用—承诺前沿：措施不超过 12 项时\n"
        "考察预算内的全部组合，先用前十分之一的模拟筛选；超过 12 项时用贪心搜索。在\n"
        "out/<情景名>-improve（或 -o DIR）中写出 improve.csv、levers.csv、plans/NAME.cfg（前沿上\n"
        "的每个方案）、图表、report.html 和 study.dat。\n"
        "  --budget 元              只考虑每年费用不超过此数的方案\n"
        "  --levers ID,ID,...       只考虑这些措施\n"
        "选项：-n N -s N -j N -o DIR -D PATH=VALUE --shard I/N --lang en|zh --no-plot\n"
        "      --format text|csv|json -q，与运行情景时相同（见 supplysim --help）。\n" },
    /* ---- general */
    [T_CMD_USAGE_ERROR] = { "supplysim%s: %s (see supplysim%s --help)",
                            "supplysim%s: %s（见 supplysim%s --help）" },
    [T_CMD_OUT_OF_MEMORY] = { "out of memory", "内存不足" },
    [T_CMD_STDOUT] = { "cannot write to stdout", "无法写入标准输出" },
    /* ---- options */
    [T_CLI_COUNT] = { "%s: expected a positive integer, found \"%s\"",
                      "%s：应为正整数，实为“%s”" },
    [T_CLI_SEED] = {
        "-s: expected an integer from 0 to 9223372036854775807, found \"%s\"",
        "-s：应为 0 到 9223372036854775807 之间的整数，实为“%s”" },
    [T_CLI_MAX_SETS] = { "-D: expected at most %d settings, found more at \"%s\"",
                         "-D：至多 %d 项设置，在“%s”处超出" },
    [T_CLI_MAX_VARIANTS] = { "--variant: expected at most %d variants, found more at \"%s\"",
                             "--variant：至多 %d 个方案，在“%s”处超出" },
    [T_CLI_FORMAT] = { "--format: expected text, csv or json, found \"%s\"",
                       "--format：应为 text、csv 或 json，实为“%s”" },
    [T_CLI_LANG] = { "--lang: expected en or zh, found \"%s\"", "--lang：应为 en 或 zh，实为“%s”" },
    [T_CLI_SHARD] = { "--shard: expected I/N with 1 <= I <= N, found \"%s\"",
                      "--shard：应为 I/N，且 1 <= I <= N，实为“%s”" },
    [T_CLI_UNKNOWN] = { "unknown option '%s'", "未知选项“%s”" },
    [T_CLI_NEEDS_VALUE] = { "option '%s' needs a value", "选项“%s”需要一个值" },
    [T_CLI_NO_SCENARIO] = { "expected one SCENARIO.cfg, found none",
                            "应给出一个情景文件（.cfg），实际没有" },
    [T_CLI_EXTRA] = { "expected one SCENARIO.cfg, found also \"%s\"",
                      "应只给出一个情景文件（.cfg），实际还有“%s”" },
    [T_CLI_SET_SPACED] = {
        "-D %s: expected PATH=VALUE as one word, found it split by spaces around '=' (%s); "
        "write -D %s",
        "-D %s：PATH=VALUE 应写成一个词，实际在等号两侧有空格（%s）；请写成 -D %s" },
    [T_CLI_SET_NO_EQ] = { "-D %s: expected PATH=VALUE, found no '='",
                          "-D %s：应为 PATH=VALUE，实际没有“=”" },
    [T_CLI_VARIANT_ONLY] = { "--variant: expected only with supplysim compare, found \"%s\"",
                             "--variant：只能用于 supplysim compare，实为“%s”" },
    [T_CLI_IMPROVE_ONLY] = {
        "--budget, --levers: expected only with supplysim improve, found \"%s\"",
        "--budget、--levers：只能用于 supplysim improve，实为“%s”" },
    [T_IMP_TOO_MANY] = {
        "%s: levers: expected at most %d levers at once, found more (choose with --levers "
        "ID,ID,...)",
        "%s: levers：一次至多组合 %d 项措施，实际更多（请用 --levers ID,ID,... 选择）" },
    [T_IMP_UNKNOWN_LEVER] = { "--levers: expected ids of the levers of %s, found \"%.*s\"",
                              "--levers：应为 %s 中措施的 id，实为“%.*s”" },
    [T_IMP_NO_LEVERS] = {
        "%s:0: levers: expected levers to combine (config/README.md, \"Levers\"), found none",
        "%s:0: levers：应有可组合的措施（见 config/README.md“Levers”），实际没有" },
    [T_IMP_BUDGET] = { "--budget: expected yuan a year, a number of at least 0, found \"%s\"",
                       "--budget：应为每年的元数（不小于 0 的数），实为“%s”" },
    [T_IMP_BUDGET_LOW] = {
        "--budget: expected at least the cheapest lever's cost, %s a year (%s, %s), found %s",
        "--budget：应不低于最便宜措施的费用，每年 %s（%s，%s），实为 %s" },
    [T_IMP_PLAN_SETS] = { "plan %s: out of memory, or its roads too many to protect",
                          "方案 %s：内存不足，或要保障的道路过多" },
    [T_IMP_ALL_TOGETHER] = { "the levers all together: %s", "全部措施同时采取时：%s" },
    [T_IMP_LEVER_AT] = { "%s: levers.%s: %s", "%s: levers.%s：%s" },
    [T_IMP_RERUN] = {
        "plan %s rerun kept the promise in %ld runs, in the study %ld: the two must agree (a bug)",
        "方案 %s 重算时兑现承诺 %ld 次，研究中为 %ld 次：两者应相同（程序错误）" },
    [T_CLI_STUDY_OPTS] = {
        "expected the options of a study (-n -s -j -o -D --shard --lang --no-plot --format -q), "
        "found --until-decided, --check, --export-network or --fail-on-breach",
        "应为研究命令的选项（-n -s -j -o -D --shard --lang --no-plot --format -q），实际有 "
        "--until-decided、--check、--export-network 或 --fail-on-breach" },
    /* ---- a run */
    [T_RUN_PROGRESS] = { "%ld/%ld replications", "%ld/%ld 次模拟" },
    [T_RUN_COST] = {
        "%ld replications in %.3f s on %d %s: %.0f replications/s, %.0f events, "
        "%.2f M events/s, peak memory %.1f MB",
        "%ld 次模拟用时 %.3f 秒（%d %s）：每秒 %.0f 次，共 %.0f 个事件，每秒 %.2f 百万个事件，"
        "内存峰值 %.1f MB" },
    [T_RUN_THREAD_ONE] = { "thread", "个线程" },
    [T_RUN_THREAD_MANY] = { "threads", "个线程" },
    [T_RUN_MORE] = { "inconclusive after %ld runs; %ld more", "%ld 次模拟后仍无定论；再运行 %ld 次" },
    [T_RUN_OUT_LONG] = { "-o: expected a folder name of at most %zu bytes, found a longer one",
                         "-o：文件夹名至多 %zu 字节，实际更长" },
    [T_RUN_OOM_SUMMARY] = { "out of memory computing the summary", "计算汇总统计时内存不足" },
    [T_RUN_NO_SITES] = {
        "%s:0: disaster.sites: expected at least one disaster site to simulate, found none "
        "(--check shows what a system definition holds)",
        "%s:0: disaster.sites：应至少有一个受灾点可供模拟，实际没有（--check 可查看系统定义的"
        "内容）" },
    [T_RUN_SHARD_UNTIL] = {
        "--shard %ld/%ld: expected no --until-decided (shards have a fixed share), found both",
        "--shard %ld/%ld：不能与 --until-decided 同用（每个分片的份额固定），实际两者都有" },
    [T_RUN_SHARD_MANY] = {
        "--shard %ld/%ld: expected no more shards than replications (%ld), found more",
        "--shard %ld/%ld：分片数不能多于模拟次数（%ld），实际更多" },
    /* ---- merge */
    [T_MERGE_USAGE] = {
        "expected -o DIR and at least one shard folder, with valid options",
        "应给出 -o DIR 和至少一个分片文件夹，且选项有效" },
    [T_MERGE_CANNOT_READ] = { "%s: cannot read", "%s：无法读取" },
    [T_MERGE_CONFIG_DIFFERS] = {
        "%s: expected the same configuration as %s/resolved.cfg, found a different one",
        "%s：应与 %s/resolved.cfg 为同一配置，实际不同" },
    [T_MERGE_CONFIG_UNREADABLE] = {
        "%s: expected the same configuration as %s/resolved.cfg, found none readable",
        "%s：应与 %s/resolved.cfg 为同一配置，实际无法读取" },
    [T_MERGE_NOT_SHARD] = { "%s: cannot read (is %s a shard's output folder?)",
                            "%s：无法读取（%s 是分片的输出文件夹吗？）" },
    [T_MERGE_SEED] = {
        "%s: expected seed %llu as %s/resolved.cfg says, found seed %llu (results of another run?)",
        "%s：随机种子应为 %llu（%s/resolved.cfg 所载），实为 %llu（是另一次运行的结果？）" },
    [T_MERGE_DIGEST] = {
        "%s: expected results of %s/resolved.cfg (digest %016" PRIx64 "), found results of "
        "another configuration (digest %016" PRIx64 ")",
        "%s：应为 %s/resolved.cfg 的结果（摘要 %016" PRIx64 "），实为另一配置的结果（摘要 %016"
        PRIx64 "）" },
    [T_MERGE_GAP] = {
        "%s: expected replications from %ld, found from %ld (replications %ld to %ld missing: "
        "a shard not given?)",
        "%s：模拟应从第 %ld 次开始，实从第 %ld 次开始（缺少第 %ld 至 %ld 次：漏给了一个分片？）" },
    [T_MERGE_OVERLAP] = {
        "%s: expected replications from %ld, found %ld to %ld, which overlap %s's (a shard "
        "given twice, or a shard of another --shard count?)",
        "%s：模拟应从第 %ld 次开始，实为第 %ld 至 %ld 次，与 %s 重叠（同一分片给了两次，或分片"
        "份数不同？）" },
    [T_MERGE_TOTAL] = {
        "expected shards covering %ld replications as resolved.cfg says, found %ld",
        "各分片应共覆盖 %ld 次模拟（resolved.cfg 所载），实为 %ld 次" },
    /* ---- the studies */
    [T_STUDY_MISSING] = {
        "variant \"%s\": expected replications 0 to %ld, found some missing (a shard not "
        "given?), or out of memory",
        "方案“%s”：应有第 0 至 %ld 次模拟，实际有缺失（漏给了分片？），或内存不足" },
    [T_STUDY_SHARD_DONE] = {
        "shard %ld/%ld of the %s study written to %s: merge the shards with "
        "supplysim merge -o DIR SHARD_DIR...",
        "%ld/%ld 号分片（%s 研究）已写入 %s：请用 supplysim merge -o DIR 分片文件夹... 合并" },
    [T_STUDY_MERGE_OTHER] = {
        "%s/study.dat: expected the same study as %s/study.dat (command, replications, seed, "
        "-D, variants), found another",
        "%s/study.dat：应与 %s/study.dat 为同一研究（命令、模拟次数、随机种子、-D、方案），实际"
        "不同" },
    [T_STUDY_MERGE_COMMAND] = {
        "%s/study.dat: expected compare, roads, sensitivity or improve, found command %s",
        "%s/study.dat：应为 compare、roads、sensitivity 或 improve，实为命令 %s" },
    [T_STUDY_NAME_LINE] = { "variant \"%s\": expected a name on one line",
                            "方案“%s”：名称应在一行之内" },
    [T_STUDY_IN_VARIANT] = { "%s (variant \"%s\")", "%s（方案“%s”）" },
    [T_STUDY_SITES_DIFFER] = {
        "%s:0: disaster.sites: expected the baseline's disaster sites (variant \"%s\" is paired "
        "with it site by site), found others",
        "%s:0: disaster.sites：应与现状的受灾点相同（方案“%s”与现状逐点配对），实际不同" },
    [T_STUDY_PROGRESS] = { "%s: variant %d/%d", "%s：方案 %d/%d" },
    [T_CMP_NO_COLON] = {
        "--variant \"%s\": expected 'NAME: PATH=VALUE; PATH=VALUE', found no name before a ':'",
        "--variant “%s”：应为“名称: PATH=VALUE; PATH=VALUE”，实际冒号前没有名称" },
    [T_CMP_NO_SETTING] = {
        "--variant \"%s\": expected a name and at least one PATH=VALUE, found no setting",
        "--variant “%s”：应有名称和至少一个 PATH=VALUE，实际没有设置" },
    [T_CMP_NO_NAME] = {
        "--variant \"%s\": expected a name and at least one PATH=VALUE, found no name",
        "--variant “%s”：应有名称和至少一个 PATH=VALUE，实际没有名称" },
    [T_CMP_TWICE] = { "variant \"%s\": expected a name no other option has, found it twice",
                      "方案“%s”：名称不能与其他方案重复，实际出现两次" },
    [T_CMP_NONE] = {
        "expected at least one VARIANT.cfg or --variant 'NAME: PATH=VALUE; ...', found none",
        "应至少给出一个方案.cfg 或 --variant '名称: PATH=VALUE; ...'，实际没有" },
    [T_ROADS_LIST_LONG] = { "%s: the scenario's disaster.%s list is too long",
                            "%s：情景中的 disaster.%s 列表过长" },
    [T_ROADS_NO_HAZARD] = {
        "%s:0: disaster.road_damage: expected a hazard that can close or slow some road, found "
        "none",
        "%s:0: disaster.road_damage：应有能中断或减慢道路的灾害，实际没有" },
    [T_ROADS_SEGMENT] = { "%s – %s", "%s—%s" },
    [T_ROADS_LAST_MILES] = { "every site's last mile", "所有受灾点的进村道路" },
    [T_ROADS_LAST_MILE] = { "the last mile to %s", "通往%s的道路" },
    [T_ROADS_WHAT] = { "%s (%s, %.1f km)", "%s（%s，%.1f 公里）" },
    [T_SENS_NO_RANGES] = {
        "%s:0: assumption_ranges: expected the assumptions' ranges (config/README.md), found "
        "none",
        "%s:0: assumption_ranges：应给出各项假设的取值范围（见 config/README.md），实际没有" },
    /* ---- limits, signals, merge's output folder */
    [T_RUN_TOO_MANY] = {
        "%s: %s: expected at most %ld replications, found %ld",
        "%s: %s: 模拟次数应至多 %ld，实为 %ld" },
    [T_RUN_STOPPED] = {
        "stopped by signal %d (%s); the output folder is as it was",
        "被信号 %d（%s）中止；输出文件夹保持原样" },
    [T_RUN_INTERRUPTED] = { "interrupted", "已中断" },
    [T_MERGE_OUT_SHARD] = {
        "-o %s: expected a folder apart from the shards, found %s%s (it would be replaced)",
        "-o %s：应为各分片以外的文件夹，实为 %s%s（它会被替换）" },
    [T_MERGE_SAME_FOLDER] = { ", the same folder", "，同一个文件夹" },
    [T_MERGE_INSIDE] = { " inside it", "，在其内部" },
};
