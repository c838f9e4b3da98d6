/*
 * lang_cfg.c -- a section of the language table (lang.h): the messages of
 * the configuration module (sim/config/).  config/ puts "FILE:LINE:
 * SETTING: " in front of each (in both languages, for scripts); most are
 * "expected WHAT, found WHAT" made of a few shapes (T_CFG_EXPECTED_FOUND,
 * T_CFG_MISSING ...) and the phrases for what was expected (T_CFG_A_...)
 * and found (T_CFG_TYPE_...), so that a new check rarely needs a new text.
 */
#include "engine/lang_table.h"

lang_section lang_cfg = {
    [T_CFG_A_NUMBER] = { "a number", "数值" },
    [T_CFG_AN_INTEGER] = { "an integer", "整数" },
    [T_CFG_A_STRING] = { "a string", "字符串" },
    [T_CFG_A_GROUP] = { "a group { ... }", "设置组 { ... }" },
    [T_CFG_A_LIST] = { "a list ( { ... }, ... )", "列表 ( { ... }, ... )" },
    [T_CFG_A_NODE_ARRAY] = { "an array of node ids", "节点 id 的数组" },
    [T_CFG_A_DRAW] = { "a number or [lo, hi]", "数值或 [lo, hi]" },
    [T_CFG_A_KIT] = {
        "a group { item = units per displaced person; ... }",
        "设置组 { 物资 = 每位受灾群众的数量; ... }" },
    [T_CFG_A_KINDS] = { "a group { central = { ... }; ... }", "设置组 { central = { ... }; ... }" },
    [T_CFG_A_AMOUNTS] = { "a group { item = units; ... }", "设置组 { 物资 = 数量; ... }" },
    [T_CFG_A_DISASTER] = {
        "a group { sites = (...); kit = {...}; ... }",
        "设置组 { sites = (...); kit = {...}; ... }" },
    [T_CFG_A_THRESHOLDS] = { "an array of minutes [120.0, 360.0]", "分钟数的数组 [120.0, 360.0]" },
    [T_CFG_THRESHOLDS_FROM] = {
        "expected an array of %d clocks, \"disaster\" or \"order\", one per threshold, found %s",
        "应为 %d 个计时起点（\"disaster\" 或 \"order\"）的数组，每个时限一个，实为%s" },
    [T_CFG_A_BOOL] = { "true or false", "true 或 false" },
    [T_CFG_A_AREA] = { "[lon, lat, km]", "[经度, 纬度, 公里]" },
    [T_CFG_A_BETWEEN] = { "[\"node\", \"node\"]", "[\"节点\", \"节点\"]" },
    [T_CFG_A_ROAD_LIST] = {
        "an array of corridor names or \"FROM-TO\" road segments",
        "通道名称或“起点-终点”路段的数组" },
    [T_CFG_A_RANGE] = {
        "{ path = \"...\"; low = ...; high = ...; why = \"...\"; }",
        "{ path = \"...\"; low = ...; high = ...; why = \"...\"; }" },
    [T_CFG_A_RANGES] = {
        "a list ( { path = ...; low = ...; high = ...; why = ...; }, ... )",
        "列表 ( { path = ...; low = ...; high = ...; why = ...; }, ... )" },
    [T_CFG_A_SET_ARRAY] = { "an array of \"PATH=VALUE\" strings", "“PATH=VALUE”字符串的数组" },
    [T_CFG_A_SET_STRING] = { "a \"PATH=VALUE\" string", "“PATH=VALUE”字符串" },
    [T_CFG_A_BASE_PATH] = { "the path of the base file as a string", "以字符串给出的基础文件路径" },
    [T_CFG_TYPE_GROUP] = { "a group", "设置组" },
    [T_CFG_TYPE_INT] = { "an integer", "整数" },
    [T_CFG_TYPE_INT64] = { "a 64-bit integer (with L)", "64 位整数（带 L）" },
    [T_CFG_TYPE_FLOAT] = { "a number", "数值" },
    [T_CFG_TYPE_STRING] = { "a string", "字符串" },
    [T_CFG_TYPE_BOOL] = { "a boolean", "布尔值" },
    [T_CFG_TYPE_ARRAY] = { "an array", "数组" },
    [T_CFG_TYPE_LIST] = { "a list", "列表" },
    [T_CFG_TYPE_NONE] = { "nothing", "空" },
    [T_CFG_TYPE_ARRAY_B] = { "an array [...]", "数组 [...]" },
    [T_CFG_TYPE_LIST_B] = { "a list (...)", "列表 (...)" },
    [T_CFG_EMPTY_GROUP] = { "an empty group", "空的设置组" },
    [T_CFG_KIND_ITEM] = { "item", "物资" },
    [T_CFG_KIND_TRUCK] = { "truck type", "车型" },
    [T_CFG_KIND_TOWNSHIP] = { "township", "乡镇" },
    [T_CFG_KIND_NODE] = { "node (township or node)", "节点（乡镇或节点）" },
    [T_CFG_KIND_FACILITY] = { "facility", "设施" },
    [T_CFG_KIND_FLEET] = { "fleet", "车队" },
    [T_CFG_EXPECTED_FOUND] = { "expected %s, found %s", "应为%s，实为%s" },
    [T_CFG_EXPECTED_FOUND_Q] = { "expected %s, found \"%s\"", "应为%s，实为“%s”" },
    [T_CFG_MISSING] = {
        "expected %s, found nothing (the setting is missing)",
        "应为%s，实际没有（缺少该设置）" },
    [T_CFG_POSITIVE] = { "expected a positive number, found %g", "应为正数，实为 %g" },
    [T_CFG_NONNEG] = { "expected a non-negative number, found %g", "应为非负数，实为 %g" },
    [T_CFG_ONE_OF] = { "expected one of %s, found \"%s\"%s", "应为 %s 之一，实为“%s”%s" },
    [T_CFG_UNKNOWN_SETTING] = {
        "expected one of the settings %s; found an unknown setting%s",
        "应为以下设置之一：%s；实为未知的设置%s" },
    [T_CFG_DID_YOU_MEAN] = { " (did you mean %s?)", "（是否想写 %s？）" },
    [T_CFG_AT_LEAST_ENTRIES] = {
        "expected at least %d entries, found %d",
        "应至少有 %d 项，实为 %d 项" },
    [T_CFG_DUP_ID] = {
        "expected a unique %s id, found \"%s\" again (first at %s:%d)",
        "%s id 应唯一，实际“%s”重复出现（首次在 %s:%d）" },
    [T_CFG_NOT_AN_ID] = {
        "expected the id of a %s, found \"%s\", which is not one%s%s",
        "应为%s的 id，实为“%s”，不是有效的 id%s%s" },
    [T_CFG_VALID_IDS] = { "; the %s ids: %s", "；可用的%s id：%s" },
    [T_CFG_NAMES_TOO] = {
        "; a township's name or Chinese name will do too (e.g. \"%s\" or \"%s\")",
        "；也可写乡镇的名称或中文名（如“%s”或“%s”）" },
    [T_CFG_ITEM_ID] = {
        "expected the id of an item, found \"%s\", which is not one%s",
        "应为物资的 id，实为“%s”，不是有效的 id%s" },
    [T_CFG_NODE_ID] = {
        "expected the id of a township or node, found \"%s\"%s",
        "应为乡镇或节点的 id，实为“%s”%s" },
    [T_CFG_SUBCENTRE] = {
        "expected the id of a sub-centre, found \"%s\", a facility of kind %s",
        "应为分中心的 id，实为“%s”，是类别为 %s 的设施" },
    [T_CFG_DETOUR] = {
        "expected a factor of at least 1 (a road is never shorter than the straight line), "
        "found %g",
        "应为不小于 1 的系数（道路不会比直线短），实为 %g" },
    [T_CFG_SHARE] = { "expected a share in (0, 1], found %g", "应为 (0, 1] 内的比例，实为 %g" },
    [T_CFG_SHARE01] = { "expected a share in [0, 1], found %g", "应为 [0, 1] 内的比例，实为 %g" },
    [T_CFG_DAY_NIGHT] = {
        "expected day_start_h < night_start_h < 24, found %g and %g",
        "应满足 day_start_h < night_start_h < 24，实为 %g 和 %g" },
    [T_CFG_LON] = {
        "expected a longitude in [-180, 180], found %g",
        "经度应在 [-180, 180] 内，实为 %g" },
    [T_CFG_LAT] = {
        "expected a latitude in [-90, 90], found %g",
        "纬度应在 [-90, 90] 内，实为 %g" },
    [T_CFG_SPREAD] = {
        "expected a coordinate within %g km of the network's median point (%.4f, %.4f), found "
        "(%.5f, %.5f), %.0f km away",
        "应为距路网中位点 %g 公里以内的坐标（中位点为 (%.4f, %.4f)），实为 (%.5f, %.5f)，相距 "
        "%.0f 公里" },
    [T_CFG_VIA] = {
        "expected an array of at least 2 node ids, found %s of %d",
        "应为至少含 2 个节点 id 的数组，实为%s（%d 项）" },
    [T_CFG_KM_TWO] = {
        "expected km only on a road of 2 nodes, found it on one of %d",
        "km 只能用于 2 个节点之间的道路，实际用于 %d 个节点的道路" },
    [T_CFG_SELF_ROAD] = {
        "expected a road between two different nodes, found one from \"%s\" to itself",
        "道路应连接两个不同的节点，实为从“%s”到其自身" },
    [T_CFG_SAME_COORDS] = {
        "expected a node away from \"%s\", found one at the same coordinates (give km)",
        "应为与“%s”位置不同的节点，实际坐标相同（请给出 km）" },
    [T_CFG_FAC_NUM] = {
        "expected a number here or in %s, found nothing",
        "应在此处或 %s 中给出数值，实际都没有" },
    [T_CFG_FITS_M3] = {
        "expected stock that fits the storage, %.1f m3 (floor %g m2 x usable share %g x stack "
        "height %g m), found %.1f m3",
        "库存应能放下：%.1f 立方米（面积 %g 平方米 × 可用比例 %g × 堆高 %g 米），实为 %.1f "
        "立方米" },
    [T_CFG_FITS_T] = {
        "expected stock that the floor bears, %.1f t (floor %g m2 x usable share %g x %g "
        "t/m2), found %.1f t",
        "库存应在地面承重之内：%.1f 吨（面积 %g 平方米 × 可用比例 %g × %g 吨/平方米），实为 "
        "%.1f 吨" },
    [T_CFG_NO_SYSTEM] = {
        "%s:1: base: names no base and defines no system: expected a line base = "
        "\"../config/yongcheng.cfg\"; (the system the scenario builds on) or the system's own "
        "settings (assumptions, townships, roads, facilities), found neither",
        "%s:1: base: 未指明基础配置，本身也未定义系统：应有一行 base = \"../config/yongcheng.cfg\";"
        "（情景所依据的系统），或给出系统本身的设置（assumptions、townships、roads、facilities），"
        "两者都没有" },
    [T_CFG_DRAW_LEN] = {
        "expected a number or [lo, hi], found an array of %d",
        "应为数值或 [lo, hi]，实为含 %d 项的数组" },
    [T_CFG_DRAW_ORDER] = {
        "expected [lo, hi] with lo <= hi, found [%g, %g]",
        "应为 lo <= hi 的 [lo, hi]，实为 [%g, %g]" },
    [T_CFG_CONFIDENCE] = {
        "expected a confidence in (0, 1), found %g",
        "置信度应在 (0, 1) 内，实为 %g" },
    [T_CFG_HORIZON] = {
        "expected a horizon of at most a year (8784 h), found %g h",
        "模拟时长至多一年（8784 小时），实为 %g 小时" },
    [T_CFG_SEED_NEG] = {
        "expected a non-negative seed, found %lld",
        "随机种子应为非负数，实为 %lld" },
    [T_CFG_HOUR] = { "expected an hour in [0, 24), found %g", "时刻应在 [0, 24) 内，实为 %g" },
    [T_CFG_SITE_ID_TAKEN] = {
        "expected an id no node or other site has, found \"%s\" again",
        "id 不能与任何节点或其他受灾点重复，实际“%s”重复" },
    [T_CFG_DISPLACED_BOTH] = {
        "expected a share in (0, 1] and no displaced setting beside it, found both",
        "应为 (0, 1] 内的比例且不同时给出 displaced，实际两者都有" },
    [T_CFG_DISPLACED_ABOVE] = {
        "expected a share in (0, 1] and no displaced setting beside it, found a share above 1",
        "应为 (0, 1] 内的比例且不同时给出 displaced，实际比例大于 1" },
    [T_CFG_DISPLACED_MIN] = {
        "expected at least one displaced person in every draw, found %g people at the low end",
        "每次抽样应至少有一位受灾群众，实际下限为 %g 人" },
    [T_CFG_KIT_FITS] = {
        "expected an item that fits on some truck type, found %s (%g kg, %g m3) larger than "
        "all of them",
        "物资应能装上某种车型，实际 %s（%g 千克，%g 立方米）比所有车型都大" },
    [T_CFG_KIT_NONE] = {
        "expected at least one item with units > 0, found none",
        "应至少有一种物资数量大于 0，实际没有" },
    [T_CFG_WHICH_ROADS] = {
        "expected road, between, class or area to say which roads, found none",
        "应以 road、between、class 或 area 指明哪些道路，实际都没有" },
    [T_CFG_NO_ROAD_SELECTED] = {
        "expected a rule that selects at least one road, found none selected",
        "规则应至少选中一条道路，实际一条也没有" },
    [T_CFG_PER_KM_BOTH] = {
        "expected per_km or probability, found both",
        "应为 per_km 或 probability 之一，实际两者都有" },
    [T_CFG_PROBABILITY] = {
        "expected a probability in [0, 1], found %g",
        "概率应在 [0, 1] 内，实为 %g" },
    [T_CFG_FACTOR] = {
        "expected a speed factor in [0, 1) (0 closes the road), found %g",
        "车速系数应在 [0, 1) 内（0 为道路中断），实为 %g" },
    [T_CFG_EFFECT_GROUP] = {
        "expected a group { %s = ...; from_min = ...; duration_min = ...; }, found %s",
        "应为设置组 { %s = ...; from_min = ...; duration_min = ...; }，实为%s" },
    [T_CFG_LOAD_FACTOR] = {
        "expected a factor of at least 1 on loading times, found %g",
        "装车时间的系数应不小于 1，实为 %g" },
    [T_CFG_ROAD_NAME] = {
        "expected the name of a road or corridor, or FROM-TO of two nodes a road joins, found "
        "\"%s\", which is neither%s",
        "应为道路或通道的名称，或由道路相连的两个节点“起点-终点”，实为“%s”，两者都不是%s" },
    [T_CFG_PROTECT_CLOSE] = {
        "expected roads that are not also protected, found %s-%s in both",
        "中断的道路不能同时受保障，实际 %s-%s 两者都有" },
    [T_CFG_RANGE_PATH] = {
        "expected the path of numbers of the configuration (as -D takes it, '*' for every "
        "element), found none at \"%s\"",
        "应为配置中数值的路径（写法同 -D，“*”代表每个元素），实际“%s”处没有数值" },
    [T_CFG_RANGE_WHOLE] = {
        "expected whole numbers for %s (a count), found %g and %g",
        "%s 是计数，应为整数，实为 %g 和 %g" },
    [T_CFG_LOW_HIGH] = {
        "expected low <= high, found low %g above high %g",
        "应满足 low <= high，实际 low %g 大于 high %g" },
    [T_CFG_FACTOR0] = { "expected a factor of at least 0, found %g", "系数应不小于 0，实为 %g" },
    [T_CFG_RANGE_OVERLAP] = {
        "expected ranges that each set other values, found %s also in entry [%d] (%s)",
        "各范围应设置不同的数值，实际 %s 也在第 [%d] 项（%s）中" },
    [T_CFG_NO_FILE] = {
        "%s: expected a readable configuration file, found %s%s",
        "%s：应为可读取的配置文件，实际%s%s" },
    [T_CFG_NO_BASE_FILE] = {
        "%s:%d: base: expected a readable configuration file at %s, found %s%s",
        "%s:%d: base：%s 应为可读取的配置文件，实际%s%s" },
    [T_CFG_ENOENT] = { "no such file", "没有这个文件" },
    [T_CFG_EACCES] = { "a file it may not read (permission denied)", "无权读取该文件" },
    [T_CFG_EISDIR] = { "a folder", "是一个文件夹" },
    [T_CFG_SYNTAX] = {
        "%s:%d: (syntax): expected valid libconfig syntax, found %s",
        "%s:%d:（语法）：应为有效的 libconfig 语法，实为 %s" },
    [T_CFG_CHAIN] = {
        "%s:0: base: expected a chain of at most %d bases, found a longer one (does a base "
        "name itself?)",
        "%s:0: base：基础配置至多嵌套 %d 层，实际更多（是否有基础配置指向自身？）" },
    [T_CFG_OVERLAY_TYPE] = {
        "expected %s (as in %s:%d), found %s",
        "应为%s（与 %s:%d 一致），实为%s" },
    [T_CFG_SYNTAX_VALUE] = {
        "expected a value in configuration syntax (a number, \"text\", [a, b] or ( ... )), "
        "found \"%s\"",
        "应为配置语法的值（数值、\"文字\"、[a, b] 或 ( ... )），实为“%s”" },
    [T_CFG_GIVEN_WHOLE] = {
        "expected %s given whole (or the path of a single value inside it), found %s",
        "应为完整给出的%s（或其中单个值的路径），实为%s" },
    [T_CFG_SET_NO_EQ] = { "expected PATH=VALUE, found no '='", "应为 PATH=VALUE，实际没有“=”" },
    [T_CFG_NO_SETTING] = {
        "expected a setting of the configuration, found no '%s' there%s",
        "应为配置中已有的设置，实际此处没有“%s”%s" },
    [T_CFG_SINGLE_VALUE] = {
        "expected the path of a single value or of a named setting, found %s",
        "应为单个值或具名设置的路径，实为%s" },
    [T_CFG_CMDLINE] = { "command line", "命令行" },
    /* names the configuration gives what it makes: a site's village */
    [T_CFG_VILLAGE] = { "%s village", "%s受灾村" },
    [T_CFG_VILLAGE_N] = { "%s village %d", "%s受灾村 %d" },
    /* ---- limits on what a configuration may hold, before and after libconfig reads it */
    [T_CFG_INT_RANGE] = {
        "expected an integer from %d to %d, found %d",
        "应为 %d 到 %d 之间的整数，实为 %d" },
    [T_CFG_AT_MOST] = { "expected at most %g%s, found %g", "应至多为 %g%s，实为 %g" },
    [T_CFG_UNIT_KMH] = { " km/h", " 公里/小时" },
    [T_CFG_UNIT_PEOPLE] = { " people (ten million)", " 人（一千万）" },
    [T_CFG_UNIT_KIT] = { " units a person", " 件/人" },
    [T_CFG_CV] = {
        "expected 0 (no variability) or a coefficient of variation from %g to %g, found %g",
        "应为 0（无变异）或 %g 到 %g 之间的变异系数，实为 %g" },
    [T_CFG_AT_MOST_ENTRIES] = {
        "expected at most %d entries, found %d",
        "应至多有 %d 项，实为 %d 项" },
    [T_CFG_TOP_SPEED_MISSING] = {
        "expected the speed no trip exceeds beside a cv above 0, found nothing",
        "cv 大于 0 时应给出任何行程都不会超过的车速，实际没有" },
    [T_CFG_TOP_SPEED_LOW] = {
        "expected a top speed of at least the mean speed_kmh %g, found %g",
        "最高车速应不低于平均车速 speed_kmh %g，实为 %g" },
    [T_CFG_MAX_SEGMENTS] = {
        "expected at most %d road segments in all, found more",
        "道路总段数应至多 %d，实际更多" },
    [T_CFG_MAX_TRUCKS] = {
        "expected at most %d trucks in all, found %lld",
        "车辆总数应至多 %d 辆，实为 %lld 辆" },
    [T_CFG_MAX_TABLE_ITEMS] = {
        "expected at most %.0f facilities x items (every store's stock of every item), found %d "
        "x %d",
        "设施数 × 物资种类数应至多 %.0f（每个仓库每种物资的库存），实为 %d × %d" },
    [T_CFG_NAME_FOLDER] = {
        "expected a name for the output folder out/NAME (1 to 100 bytes, no '/', '\\', control "
        "character or leading '.'), found %s",
        "应为可作输出文件夹 out/名称 的名称（1 到 100 字节，不含“/”“\\”和控制字符，不以“.”开头）"
        "，实为%s" },
    [T_CFG_NAME_EMPTY] = { "an empty name", "空名称" },
    [T_CFG_NAME_LONG] = { "a name longer than 100 bytes", "超过 100 字节的名称" },
    [T_CFG_NAME_DOT] = {
        "a name that starts with '.' (hidden, or . and ..)",
        "以“.”开头的名称（隐藏文件夹，或 . 与 ..）" },
    [T_CFG_NAME_SLASH] = { "a name with '/' or '\\' (a path)", "含“/”或“\\”的名称（是路径）" },
    [T_CFG_NAME_CONTROL] = { "a name with a control character", "含控制字符的名称" },
    [T_CFG_BASE_PLAIN] = {
        "expected the path of the base file (1 to 1024 bytes, no control character), found %s",
        "应为基础文件的路径（1 到 1024 字节，不含控制字符），实为%s" },
    [T_CFG_ANOTHER_STRING] = { "another string", "其他字符串" },
    [T_CFG_PRE_WRAP] = {
        "%s:%d: %s: expected an integer from %d to %d (or, for a larger one, a 64-bit integer "
        "written with L, such as 3000000000L), found %.*s%s, which libconfig would silently wrap",
        "%s:%d: %s: 应为 %d 到 %d 之间的整数（更大的数请写成带 L 的 64 位整数，如 "
        "3000000000L），实为 %.*s%s，libconfig 会悄然截断它" },
    [T_CFG_PRE_INCLUDES] = {
        "%s:%d: @include: expected at most %d nested includes, found more",
        "%s:%d: @include: 嵌套包含应至多 %d 层，实际更多" },
    [T_CFG_PRE_UNCLOSED] = {
        "%s:%d: (syntax): expected %s closed before the end of the file, found none",
        "%s:%d:（语法）：%s 应在文件结束前闭合，实际没有" },
    [T_CFG_PRE_STRING] = { "a string \"...\"", "字符串 \"...\"" },
    [T_CFG_PRE_COMMENT] = { "a comment /* ... */", "注释 /* ... */" },
    [T_CFG_PRE_REGULAR] = {
        "%s: expected a regular file, found one that cannot be read to its end",
        "%s：应为普通文件，实际无法读到其末尾" },
    [T_CFG_PRE_SIZE] = {
        "%s: expected a configuration of at most %d MiB, found %.1f MiB",
        "%s：配置文件应至多 %d MiB，实为 %.1f MiB" },
    [T_CFG_READ_ERROR] = { "a read error", "读取错误" },
    [T_CFG_PRE_LINE] = {
        "%s:%d: (file): expected lines of at most %d bytes, found one of %ld",
        "%s:%d:（文件）：每行应至多 %d 字节，实有一行 %ld 字节" },
    /* ---- network folders: network = "DIR" (config/network_dir.c) */
    [T_CFG_NET_PATH] = {
        "the path of a network folder as a string",
        "以字符串给出的路网文件夹路径" },
    [T_CFG_NET_FILES] = {
        "expected a folder holding %s and %s, found %s: %s",
        "应为含有 %s 和 %s 的文件夹，实为 %s：%s" },
    [T_CFG_NET_READ] = {
        "expected to read %s (%ld bytes), found %s",
        "应能读取 %s（%ld 字节），实为%s" },
    [T_CFG_NET_NO_ROOM] = { "not enough memory to hold it", "内存不足以容纳它" },
    [T_CFG_NET_MEMORY] = {
        "%s: a network of %ld nodes and %ld roads needs about %zu MB of memory to load and run on "
        "one thread; this process may use at most %zu MB (the least of ulimit -v, ulimit -d and "
        "the physical memory): run it on a larger machine or raise the limit",
        "%s：含 %ld 个节点、%ld 条道路的路网在单线程下载入并运行约需 %zu MB 内存；本进程至多可用 "
        "%zu MB（ulimit -v、ulimit -d 与物理内存中最小者）：请在内存更大的机器上运行，或提高限制" },
    [T_CFG_NET_MAX_NODES] = {
        "expected fewer than %d nodes in all, found %ld",
        "节点总数应少于 %d，实为 %ld" },
    [T_CFG_NET_MAX_ROADS] = {
        "expected fewer than %d roads in all, found %ld",
        "道路总数应少于 %d，实为 %ld" },
    [T_CFG_SEAT_BOTH] = {
        "expected a seat given by node or by lon and lat, found both",
        "驻地应由 node 或由 lon 和 lat 给出，实际两者都有" },
    [T_CFG_CSV_MORE_COLUMNS] = { "expected %d columns, found more", "应为 %d 列，实际更多" },
    [T_CFG_CSV_COLUMNS] = {
        "expected %d columns (%s), found %d",
        "应为 %d 列（%s），实为 %d 列" },
    [T_CFG_CSV_NO_CLOSE_QUOTE] = {
        "expected a closing quote, found the end of the file",
        "应有闭合的引号，实际到了文件末尾" },
    [T_CFG_CSV_AFTER_QUOTE] = {
        "expected a comma or the end of the line after a quoted field, found '%c'",
        "带引号的字段之后应为逗号或行尾，实为“%c”" },
    [T_CFG_CSV_HEADER_EMPTY] = {
        "expected the header %s, found an empty file",
        "应为表头 %s，实为空文件" },
    [T_CFG_CSV_HEADER_COLUMN] = {
        "expected the header %s, found column \"%s\"",
        "应为表头 %s，实为列“%s”" },
    [T_CFG_CSV_HEADER_MISSING] = {
        "expected the header %s, found no column %s",
        "应为表头 %s，实际缺少列 %s" },
    [T_CFG_CSV_EMPTY_ID] = { "expected a node id, found an empty field", "应为节点 id，实为空字段" },
    [T_CFG_CSV_MINUTES] = {
        "expected minutes >= 0 or nothing, found \"%s\"",
        "应为不小于 0 的分钟数或空，实为“%s”" },
    /* ---- vehicles, warnings and stock sent ahead, levers */
    [T_CFG_A_PASSES] = { "a group { cause = speed factor; ... }", "设置组 { 致因 = 速度系数; ... }" },
    [T_CFG_PASS_FACTOR] = {
        "expected a speed factor in (0, 1] on a damaged road, found %g",
        "受损道路上的速度系数应在 (0, 1] 内，实为 %g" },
    [T_CFG_A_EXTRA_TRUCKS] = {
        "an integer (with extra_truck: the second fleet's size)",
        "整数（与 extra_truck 一起：第二车队的车辆数）" },
    [T_CFG_AHEAD_WHAT] = {
        "expected either stock = { item = units; ... } or kits = people, found %s",
        "应为 stock = { 物资 = 数量; ... } 或 kits = 人数 之一，实为%s" },
    [T_CFG_WORD_BOTH] = { "both", "两者都有" },
    [T_CFG_WORD_NEITHER] = { "neither", "两者都没有" },
    [T_CFG_AHEAD_NONE] = { "expected at least one unit to send, found none",
                           "应至少预置一件物资，实际没有" },
    [T_CFG_AHEAD_FROM] = {
        "expected a store with vehicles of its own, found \"%s\", which has none",
        "应为有自有车辆的储备库，实为“%s”，它没有车辆" },
    [T_CFG_AHEAD_TO] = {
        "expected \"sites\", a disaster site's id or another store's id, found \"%s\"",
        "应为“sites”、受灾点 id 或另一储备库的 id，实为“%s”" },
    [T_CFG_AHEAD_STOCK] = {
        "expected %s to send no more %s than it holds (%g), found %g in all",
        "%s 预置的 %s 应不超过其库存（%g），实际共 %g" },
    [T_CFG_A_STRINGS] = { "an array of strings [\"...\", ...]", "字符串数组 [\"...\", ...]" },
    [T_CFG_KIND_LEVER] = { "lever", "措施" },
    [T_CFG_LEVER_ID] = {
        "expected an id of letters, digits, '_' and '-', found \"%s\"",
        "id 应由字母、数字、“_”和“-”组成，实为“%s”" },
    [T_CFG_LEVER_EMPTY] = {
        "expected set = [\"PATH=VALUE\", ...] or protect = [roads], found neither",
        "应有 set = [\"PATH=VALUE\", ...] 或 protect = [道路]，实际都没有" },
    [T_CFG_LEVER_NO_EQUALS] = { "expected \"PATH=VALUE\", found no '=' in \"%s\"",
                                "应为“PATH=VALUE”，实际“%s”中没有“=”" },
    [T_CFG_LEVER_PROTECT_SET] = {
        "expected the lever's roads in its protect list (which adds up across levers), found "
        "them set as disaster.protect",
        "措施保障的道路应写在其 protect 列表中（各措施的列表会合并），实际写成了 disaster.protect" },
    [T_CFG_LEVER_PATH] = {
        "expected the path of a setting of the configuration (as -D takes it), found no '%s' "
        "there in \"%s\"%s",
        "应为配置中设置的路径（与 -D 相同），实际没有“%s”（在“%s”中）%s" },
    [T_CFG_LEVER_ONCE_ONLY] = {
        "expected %s only with cost_per = \"once\", found it with a yearly cost",
        "%s 只能与 cost_per = \"once\" 一起使用，实际用于按年计算的费用" },
    [T_CFG_A_COST_RANGE] = { "[low, high] in yuan", "以元计的 [低, 高]" },
    [T_CFG_LEVER_RANGE] = {
        "expected low <= cost_yuan (%g) <= high, found [%g, %g]",
        "应满足 低 <= cost_yuan（%g）<= 高，实为 [%g, %g]" },
    [T_CFG_LEVER_OVERLAP] = {
        "expected levers that each change other settings, found %s also changed by lever "
        "\"%s\" (%s)",
        "各措施应改变不同的设置，实际 %s 也被措施“%s”（%s）改变" },
    [T_CFG_A_LEVER_COSTS] = { "a group { discount_rate = 0.08; }", "设置组 { discount_rate = 0.08; }" },
    [T_CFG_LEVER_NO_RATE] = {
        "expected lever_costs = { discount_rate = ...; } to annualise this once-only cost, found "
        "no lever_costs",
        "应有 lever_costs = { discount_rate = ...; } 以便将该一次性费用折算为年费用，实际没有 "
        "lever_costs" },
    [T_CFG_LEVER_RATE] = { "expected a yearly rate in [0, 1), found %g",
                           "年利率应在 [0, 1) 内，实为 %g" },
};
