/*
 * lang_out.c -- a section of the language table (lang.h): the words of a
 * run's text output (the verdict line, the tables on stdout and in
 * summary.txt) and of --check.  The verdict line is the same sentence
 * everywhere it appears (stdout, summary.txt, report.html).
 */
#include "engine/lang_table.h"

lang_section lang_out = {
    /* ---- the verdict line */
    [T_OUT_VERDICT] = {
        "%s: the %s promise held in %.1f%% of %ld %s (%g%% CI %.1f–%.1f%%); required %g%%",
        "%s：%s承诺兑现率 %.1f%%（%ld 次%s模拟，%g%% 置信区间 %.1f–%.1f%%）；要求 %g%%" },
    [T_OUT_PROMISE_HOURS] = { "%g-hour", "%g 小时" },
    [T_OUT_PROMISE_MINUTES] = { "%g-minute", "%g 分钟" },
    [T_OUT_LABEL_DEFAULT] = { "disasters", "灾害" },
    /* ---- the sites at risk */
    [T_OUT_SITES_H] = {
        "Sites at risk (on time in fewer than %g%% of runs), worst first; minutes from the "
        "disaster to the first relief, the mean and the time 95%% of runs stay within:",
        "有风险的受灾点（按时送达的模拟不足 %g%%），最差的在前；从灾害发生到首批物资送达的分"
        "钟数：平均值，以及 95%% 的模拟不超过的时间：" },
    [T_OUT_COL_SITE] = { "site (township)", "受灾点（乡镇）" },
    [T_OUT_COL_ON_TIME] = { "on time", "按时率" },
    [T_OUT_COL_CI] = { "95% CI", "95% 置信区间" },
    [T_OUT_COL_MEAN] = { "mean", "平均" },
    [T_OUT_COL_P95] = { "95% within", "95% 不超过" },
    [T_OUT_COL_CAUSE] = { "main cause of lateness", "迟到主因" },
    [T_OUT_SITES_NONE] = {
        "  none: every site was on time in at least %g%% of runs",
        "  无：每个受灾点都在至少 %g%% 的模拟中按时送达" },
    /* ---- thresholds and quantiles */
    [T_OUT_THR_H] = {
        "Every site reached within (share of runs, 95% CI):",
        "所有受灾点均在以下时间内送达的模拟比例（95% 置信区间）：" },
    [T_OUT_THR_ROW] = { "%.0f min (%.1f h)", "%.0f 分钟（%.1f 小时）" },
    [T_OUT_PROMISE] = { "promise", "承诺" },
    [T_OUT_SITES_ON_TIME] = {
        "Sites on time, mean share per run: %.1f%% [%.1f, %.1f]",
        "每次模拟按时送达的受灾点平均比例：%.1f%% [%.1f, %.1f]" },
    [T_OUT_QUANTILES] = {
        "Time to the first relief over all sites and runs (min): median %s, 90%% within %s, "
        "95%% within %s, 99%% within %s, longest %s (quantiles to %g min)",
        "全部受灾点与模拟的首批物资送达时间（分钟）：中位数 %s，90%% 不超过 %s，95%% 不超过 "
        "%s，99%% 不超过 %s，最长 %s（分位数精确到 %g 分钟）" },
    /* ---- causes of lateness */
    [T_OUT_NO_LATE] = { "No site was late in any run.", "所有模拟中均无受灾点迟到。" },
    [T_OUT_CAUSES_H] = {
        "Why late sites are late (mean minutes over %ld late site-runs):",
        "迟到原因（共 %ld 次受灾点迟到，各环节平均分钟数）：" },
    [T_OUT_LIST_SEP] = { ", ", "，" },
    [T_OUT_CAUSE_MIN] = { "%s %.0f", "%s %.0f" },
    [T_OUT_STOCK_NOTE] = {
        "  (stock-out counts only the wait for stock that no store had: a point that ran out "
        "was served in time from another store, and that longer trip counts as travel and "
        "road delays)",
        "  （“缺货”只计所有仓库都无货时的等待：储备点缺货时由其他仓库及时调拨，多走的路程计"
        "入“路途”和“道路延误”）" },
    /* ---- trucks, demand, stock-outs */
    [T_OUT_TRUCKS] = {
        "Trucks in use %.1f%% of the time (all trucks over the %g h); mean wait for a loading "
        "bay %.1f min; %.1f shipments per run.",
        "车辆使用率 %.1f%%（全部车辆在 %g 小时内平均）；等待装卸台平均 %.1f 分钟；每次模拟 "
        "%.1f 车次。" },
    [T_OUT_DEMAND] = {
        "Demand %.0f %s per run (items of every kind counted alike); unmet at the %.0f h "
        "horizon: %.0f %s (%.1f%%).",
        "每次模拟需求 %.0f %s（各类物资合计）；%.0f 小时末仍未满足：%.0f %s（%.1f%%）。" },
    [T_OUT_UNIT_ONE] = { "unit", "件" },
    [T_OUT_UNIT_MANY] = { "units", "件" },
    [T_OUT_STOCKOUTS_H] = {
        "Stock-outs (runs in which a store ran out of an item), most frequent first:",
        "缺货（仓库某种物资用尽的模拟次数），最常见的在前：" },
    [T_OUT_STOCKOUT_RUNS] = { "%ld of %ld runs", "%ld / %ld 次" },
    [T_OUT_STOCKOUTS_MORE] = { "  ... and %d more (stockouts.csv)",
                               "  ……另有 %d 项（见 stockouts.csv）" },
    [T_OUT_FOOTER] = {
        "Scenario %s: %ld runs from replication %ld, seed %llu, dispatch %s; supplysim %s",
        "情景“%s”：%ld 次模拟（自第 %ld 次起），随机种子 %llu，调度方式：%s；supplysim %s" },
    [T_OUT_DISPATCH_EARLIEST] = { "earliest", "最早送达" },
    [T_OUT_DISPATCH_TIERED] = { "tiered", "分级调拨" },
    [T_OUT_OUT_OF_MEMORY_SITES] = {
        "(out of memory listing the sites at risk: see sites.csv)",
        "（内存不足，无法列出有风险的受灾点：见 sites.csv）" },
    /* ---- --check */
    [T_CHK_TITLE] = { "%s: %s", "%s：%s" },
    [T_CHK_COUNTS] = { "Townships: %d. Items: %d. Truck types: %d.",
                       "乡镇 %d 个，物资 %d 种，车型 %d 种。" },
    [T_CHK_NODES] = { "Nodes: %d (", "节点 %d 个（" },
    [T_CHK_NODE_KIND] = { "%d %s", "%d 个%s" },
    [T_CHK_NODE_JUNCTION] = { "junction", "路口" },
    [T_CHK_NODE_SEAT] = { "seat", "乡镇驻地" },
    [T_CHK_NODE_VILLAGE] = { "village", "受灾村" },
    [T_CHK_NODE_FACILITY] = { "facility", "设施" },
    [T_CHK_ROADS] = { "Roads: %d segments, %.1f km", "道路 %d 段，共 %.1f 公里" },
    [T_CHK_COL_CLASS] = { "class", "等级" },
    [T_CHK_COL_ROADS] = { "roads", "段数" },
    [T_CHK_COL_KM] = { "km", "公里" },
    [T_CHK_COL_SPEED] = { "speed km/h", "车速 km/h" },
    [T_CHK_COL_TOP] = { "top km/h", "最高车速 km/h" },
    [T_CHK_COL_CV] = { "delay cv", "延误变异系数" },
    [T_CHK_FACILITIES] = { "Facilities: %d", "设施 %d 个" },
    [T_CHK_COL_KIND] = { "kind", "类别" },
    [T_CHK_COL_COUNT] = { "count", "个数" },
    [T_CHK_COL_FLOOR] = { "floor m2", "面积 m2" },
    [T_CHK_COL_STOCK_T] = { "stock t", "库存 t" },
    [T_CHK_COL_CAP_T] = { "capacity t", "容量 t" },
    [T_CHK_COL_STOCK_M3] = { "stock m3", "库存 m3" },
    [T_CHK_COL_CAP_M3] = { "capacity m3", "容量 m3" },
    [T_CHK_COL_TRUCKS] = { "trucks", "车辆" },
    [T_CHK_KIND_CENTRAL] = { "central", "中心库" },
    [T_CHK_KIND_SUBCENTRE] = { "sub-centre", "分中心" },
    [T_CHK_KIND_TOWNSHIP] = { "township point", "乡镇储备点" },
    [T_CHK_KIND_DEPARTMENT] = { "department", "部门储备库" },
    [T_CHK_KIND_SUPPLIER] = { "supplier", "协议供应商" },
    [T_CHK_STORES_H] = { "Stores other than the township points:",
                         "乡镇储备点以外的仓库：" },
    [T_CHK_COL_STORE] = { "store", "仓库" },
    [T_CHK_COL_FULL] = { "full %", "占用 %" },
    [T_CHK_COL_BAYS] = { "bays", "装卸台" },
    [T_CHK_COL_FLEET] = { "fleet", "车队" },
    [T_CHK_FLEET] = { "%d × %.0f t, %.0f m3", "%d 辆 × %.0f 吨，%.0f 立方米" },
    [T_CHK_FLEET_NONE] = { "none", "无" },
    [T_CHK_COVERAGE_H] = {
        "Free-flow coverage (truck minutes to each township seat, roads open):",
        "道路畅通时的覆盖（车辆到各乡镇驻地的分钟数）：" },
    [T_CHK_COL_TOWNSHIP] = { "township", "乡镇" },
    [T_CHK_COL_CENTRAL] = { "central", "中心库" },
    [T_CHK_COL_SUBCENTRE] = { "nearest sub-centre", "最近的分中心" },
    [T_CHK_COL_MINUTES] = { "minutes", "分钟" },
    [T_CHK_UNREACHABLE] = { "UNREACHABLE", "无法到达" },
    [T_CHK_OVER] = { "over %.0f min", "超过 %.0f 分钟" },
    [T_CHK_TOTALS] = {
        "%d townships; %d over %.0f minutes from every bulk echelon; %d unreachable.",
        "共 %d 个乡镇；%d 个距所有中心库和分中心都超过 %.0f 分钟；%d 个无法到达。" },
    [T_CHK_WARN_UNREACHED] = {
        "%s: warning: township %s cannot be reached from any facility",
        "%s：警告：任何设施都无法到达乡镇“%s”" },
};
