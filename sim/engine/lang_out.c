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
    [T_OUT_FROM_ORDER] = { "from the dispatch order", "自调拨指令起" },
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
    [T_OUT_CAUSE_PARTS] = { "%s %.0f (%s)", "%s %.0f（%s）" },
    [T_OUT_CAUSE_PART] = { "%s: %s", "%s：%s" },
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
    /* ---- files a run writes and reads (results/) */
    [T_IO_MKDIR] = { "%s: cannot create folder: %s", "%s：无法创建文件夹：%s" },
    [T_IO_WRITE] = { "%s: cannot write: %s", "%s：无法写入：%s" },
    [T_IO_ENOENT] = { "no such file or folder", "文件或文件夹不存在" },
    [T_IO_EACCES] = { "permission denied", "没有权限" },
    [T_IO_ENOSPC] = { "no space left on the disk", "磁盘空间不足" },
    [T_IO_EROFS] = { "a read-only file system", "只读文件系统" },
    [T_IO_ENOTDIR] = { "a part of the path is not a folder", "路径中有一部分不是文件夹" },
    [T_IO_RESOLVED] = {
        "resolved.cfg: cannot write the configuration",
        "resolved.cfg：无法写出配置" },
    [T_IO_STATS_OOM] = { "out of memory for the statistics", "统计所需内存不足" },
    [T_IO_DAT_ORDER] = {
        "results.dat: replication %ld handed over where %ld was due",
        "results.dat：收到第 %ld 次模拟，应为第 %ld 次" },
    [T_IO_DAT_VERSION] = {
        "expected format version %u, found %u (run the shard again with this supplysim)",
        "格式版本应为 %u，实为 %u（请用本版 supplysim 重新运行该分片）" },
    [T_IO_DAT_SHAPE] = {
        "expected results of its resolved.cfg (%u sites, %u stores, %u items, %u samples, %u "
        "causes, divisor %u), found %u, %u, %u, %u, %u, %u",
        "应为其 resolved.cfg 的结果（%u 个受灾点、%u 个仓库、%u 种物资、%u 个采样、%u "
        "个原因、除数 %u），实为 %u、%u、%u、%u、%u、%u" },
    [T_IO_DAT_FIRST] = {
        "expected a first replication >= 0, found a huge one",
        "起始模拟序号应 >= 0，实际过大" },
    [T_IO_DAT_NOT_REGULAR] = { "cannot read (not a regular file?)", "无法读取（不是普通文件？）" },
    [T_IO_DAT_SHORT] = {
        "expected a header and an end record, found a file too short for them (truncated?)",
        "应有文件头和结束记录，实际文件太短（被截断？）" },
    [T_IO_DAT_NO_END] = { "cannot read its end record", "无法读取结束记录" },
    [T_IO_DAT_END_MISSING] = {
        "expected an end record in its last 28 bytes, found none (a truncated file, or bytes "
        "after its end)",
        "最后 28 字节应为结束记录，实际没有（文件被截断，或结尾后另有字节）" },
    [T_IO_DAT_COUNT] = {
        "expected a count of replications, found a huge one",
        "应为模拟次数，实际过大" },
    [T_IO_DAT_TEXT] = {
        "expected a results.dat of format version 2, found the text format 1 of an older "
        "supplysim (run the shard again with this one)",
        "应为格式版本 2 的 results.dat，实为旧版 supplysim 的文本格式 1（请用本版重新运行该分片）" },
    [T_IO_DAT_MAGIC] = {
        "expected a supplysim results.dat, found other bytes at its start",
        "应为 supplysim 的 results.dat，实际开头是其他内容" },
    [T_IO_DAT_HEADER] = { "expected a header, found a file too short", "应有文件头，实际文件太短" },
    [T_IO_DAT_VALUE] = {
        "%s: replication %ld: %s: expected %s, found %.17g",
        "%s：第 %ld 次模拟：%s：应为 %s，实为 %.17g" },
    [T_IO_DAT_TRUNCATED] = {
        "%s: replication %ld: expected the rest of its record, found the end of the file "
        "(truncated, or its end record is not at the end)",
        "%s：第 %ld 次模拟：记录不完整，已到文件末尾（被截断，或结束记录不在末尾）" },
    [T_IO_DAT_OF_SITE] = { "%s of site %s", "%s（受灾点 %s）" },
    [T_IO_DAT_MINUTES] = { "0 to %g (the horizon)", "0 到 %g（模拟时长）" },
    [T_IO_DAT_MINUTES_INF] = { "0 to %g (the horizon) or inf", "0 到 %g（模拟时长）或 inf" },
    [T_IO_DAT_UP_TO] = { "a number from 0 to %.17g", "0 到 %.17g 之间的数" },
    [T_IO_DAT_FINITE] = { "a finite number >= 0", ">= 0 的有限数" },
    [T_IO_DAT_AFTER_END] = {
        "%s: expected its end record after replication %ld, found %lld more bytes (bytes added, "
        "or a count that does not match)",
        "%s：第 %ld 次模拟之后应为结束记录，实际还有 %lld 字节（添加了字节，或次数不符）" },
    [T_IO_DAT_CRC] = {
        "%s: expected CRC-32 %08lx as its end record says, found %08lx (the file was changed or "
        "damaged)",
        "%s：CRC-32 应为 %08lx（结束记录所载），实为 %08lx（文件被改动或损坏）" },
    [T_IO_STUDY_LINE] = { "%s:%ld: expected %s", "%s:%ld：应为%s" },
    [T_IO_STUDY_MAGIC] = {
        "\"supplysim-study 1\" (is this a study's study.dat?)",
        "“supplysim-study 1”（这是研究的 study.dat 吗？）" },
    [T_IO_STUDY_COMMAND] = { "command NAME", "command 名称" },
    [T_IO_STUDY_NUMBERS] = {
        "the study's replications, screen, seed, sites, confidence, required",
        "研究的 replications、screen、seed、sites、confidence、required 各行" },
    [T_IO_STUDY_PLAN] = {
        "set, param, variant END N_SETS NAME or plan-end",
        "set、param、variant END N_SETS NAME 或 plan-end 行" },
    [T_IO_STUDY_PARAM] = { "param KEY=VALUE", "param KEY=VALUE 行" },
    [T_IO_IMPROVE_LEVERS] = {
        "study.dat: expected between 1 and %d levers of the scenario, found %d in \"%s\"",
        "study.dat：应有 1 到 %d 项情景中的措施，实为 %d 项（“%s”）" },
    [T_IO_IMPROVE_NONE] = { "study.dat: expected the levers of an improve study, found none",
                            "study.dat：应有 improve 研究的措施，实际没有" },
    [T_IO_IMPROVE_PLAN] = {
        "study.dat: plan \"%s\": expected levers of the scenario joined with '+', found another",
        "study.dat：方案“%s”应为用“+”连接的情景措施，实为其他内容" },
    [T_IO_IMPROVE_COSTS] = {
        "study.dat: lever \"%s\" was costed at %s a year when this improve study was made, "
        "and the configuration now costs it at %s: run improve again",
        "study.dat：措施“%s”在本次 improve 研究时按每年 %s 计，配置中现为 %s：请重新运行 improve" },
    [T_IO_STUDY_VSETS] = { "the variant's vset lines", "该方案的 vset 行" },
    [T_IO_STUDY_RUN] = {
        "run V K KEPT ON_TIME RESPONSE or site K BITS",
        "run V K KEPT ON_TIME RESPONSE 或 site K BITS 行" },
    [T_IO_STUDY_BASELINE] = { "a baseline variant first", "首先是现状（baseline）方案" },
    [T_IO_STUDY_NOT_FOLDER] = {
        "%s: cannot read (is %s a study's output folder?)",
        "%s：无法读取（%s 是研究的输出文件夹吗？）" },
    [T_IO_STUDY_DIFFERS] = {
        "%s: replication %ld of variant \"%s\" differs from another shard's (another binary?)",
        "%s：第 %ld 次模拟（方案“%s”）与另一分片不同（不同的程序版本？）" },
    [T_IO_VARIANT_PATH] = {
        "%s: cannot find the way to it from %s",
        "%s：无法从 %s 找到到达它的路径" },
    [T_IO_VARIANT_BASE] = {
        "%s: expected a variant file with a base line",
        "%s：应为含 base 行的方案文件" },
    [T_IO_F_INDEX] = { "its index", "序号" },
    [T_IO_E_ORDER] = { "the replications in order", "按顺序排列的模拟" },
    [T_IO_F_COUNTS] = { "events, shipments or bay waits", "事件、车次或装卸台等待次数" },
    [T_IO_E_COUNTS] = { "counts within bounds (bay waits at most the shipments)", "在范围内的计数（装卸台等待次数不超过车次）" },
    [T_IO_F_FILL] = { "fill time before the response", "早于首批送达的补足时间" },
    [T_IO_E_FILL] = { "a fill time at or after it", "不早于首批送达的补足时间" },
    [T_IO_F_CAUSE] = { "minutes of a cause", "某一原因的分钟数" },
    [T_IO_F_STOCK_BITS] = { "stock-out bits past the last store and item", "超出最后一个仓库和物资的缺货位" },
    [T_IO_E_TRUCKS] = { "no more than every truck", "不超过全部车辆数" },
    [T_IO_E_RUNS] = { "runs that add up to the samples of the horizon", "合计等于模拟时长内采样数的游程" },
    /* ---- the output folder, replaced whole */
    [T_OUTDIR_FILE] = {
        "-o %s: expected an output folder, found a file",
        "-o %s：应为输出文件夹，实为文件" },
    [T_OUTDIR_READ] = { "-o %s: cannot read the folder: %s", "-o %s：无法读取该文件夹：%s" },
    [T_OUTDIR_OTHER] = {
        "-o %s: expected a new or empty folder or one supplysim wrote (a run's: resolved.cfg "
        "and no subfolder; a study's: study.dat), found %s; the output folder is replaced "
        "whole, so name another",
        "-o %s：应为新的或空的文件夹，或 supplysim 写出的文件夹（运行的：含 resolved.cfg "
        "且无子文件夹；研究的：含 study.dat），实为%s；输出文件夹会被整体替换，请另选一个" },
    [T_OUTDIR_SUBFOLDERS] = { "a folder with subfolders", "含子文件夹的文件夹" },
    [T_OUTDIR_OTHER_FILES] = { "a folder with other files", "含其他文件的文件夹" },
    [T_OUTDIR_NAME] = {
        "-o %s: expected the name of a folder (not /, . or ..)",
        "-o %s：应为文件夹名称（不能是 /、. 或 ..）" },
    [T_OUTDIR_STAGE] = {
        "-o %s: cannot create a folder beside it: %s",
        "-o %s：无法在其旁边创建文件夹：%s" },
    [T_OUTDIR_SWAP] = {
        "%s: cannot put the new output folder in place: %s",
        "%s：无法把新的输出文件夹放到位：%s" },
};
