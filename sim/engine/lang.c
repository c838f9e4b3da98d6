/*
 * lang.c -- the language module (see lang.h) and its first section of the
 * table: the charts, report.html and the studies' words.  Grouped by where
 * a text is used.  To add a text: an id in lang.h (or lang_ids.h for the
 * other sections), its two versions in one section; the test build refuses
 * a text without both, or defined twice.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "engine/lang.h"
#include "engine/lang_table.h"

static lang_section table = {
    /* ---- general */
    [T_CAUSE_REPORT] = { "reporting", "上报" },
    [T_CAUSE_STOCK] = { "stock-out", "缺货" },
    [T_CAUSE_MOBILISE] = { "mobilisation", "人员集结" },
    [T_CAUSE_TRUCK] = { "truck wait", "等待车辆" },
    [T_CAUSE_BAY] = { "bay queue", "装卸台排队" },
    [T_CAUSE_LOAD] = { "loading", "装车" },
    [T_CAUSE_TRAVEL] = { "travel", "路途" },
    [T_CAUSE_ROAD] = { "road delays", "道路延误" },
    [T_CAUSE_UNREACHABLE] = { "unreachable", "无法到达" },
    [T_CAUSE_DETOUR] = { "detours and turn-backs", "绕行与折返" },
    [T_CAUSE_WAIT] = { "waiting for a road to reopen", "等待道路恢复通行" },
    [T_CAUSE_SLOWED] = { "slowed roads and checkpoints", "道路减速与检查站" },
    [T_VERDICT_PASS] = { "PASS", "通过" },
    [T_VERDICT_FAIL] = { "FAIL", "不通过" },
    [T_VERDICT_INCONCLUSIVE] = { "INCONCLUSIVE", "无定论" },
    [T_ROAD_EXPRESSWAY] = { "expressway", "高速公路" },
    [T_ROAD_NATIONAL] = { "national road", "国道" },
    [T_ROAD_PROVINCIAL] = { "provincial road", "省道" },
    [T_ROAD_COUNTY] = { "county road", "县道" },
    [T_ROAD_VILLAGE] = { "village road", "村道" },
    [T_HOURS] = { "%g h", "%g 小时" },
    [T_MINUTES] = { "%g min", "%g 分钟" },
    [T_NEVER] = { "never", "未送达" },
    /* ---- map marks */
    [T_MARK_SEAT] = { "township seat", "乡镇驻地" },
    [T_MARK_VILLAGE] = { "disaster village", "受灾村" },
    [T_MARK_POINT] = { "stockpile point", "乡镇储备点" },
    [T_MARK_SUBCENTRE] = { "sub-centre", "分中心" },
    [T_MARK_DEPARTMENT] = { "departmental store", "部门储备库" },
    [T_MARK_SUPPLIER] = { "agreement supplier", "协议供应商" },
    [T_MARK_CENTRAL] = { "central depot", "中心库" },
    /* ---- the coverage, response and resources charts */
    [T_TIME_PROMISE_SUFFIX] = { " promise", "承诺" },
    [T_TIME_ORDER_SUFFIX] = { " from order", "（自调令）" },
    [T_TIME_SITES_90_BAND_P5] = { "sites: 90% band (p5–p95)", "受灾点：90% 区间" },
    [T_TIME_SITES_MEDIAN] = { "sites: median", "受灾点：中位数" },
    [T_TIME_PEOPLE_MEDIAN] = { "people: median", "受灾群众：中位数" },
    [T_TIME_PEOPLE_90_BAND_P5] = { "people: 90% band (p5–p95)", "受灾群众：90% 区间" },
    [T_TIME_REQUIRED_LEVEL] = { "required level: %g%% of runs", "要求水平：%g%% 的模拟" },
    [T_TIME_HOW_FAST_RELIEF_REACHES] = {
        "%s: how fast relief reaches the disaster sites",
        "%s 情景：救灾物资多快送达受灾点" },
    [T_TIME_SHARE_REACHED_EACH_HOUR] = {
        "black: share of the %ld simulated %s with every site reached by then; blue, orange: "
        "sites and people reached",
        "黑线：%ld 次模拟（%s）中所有受灾点均已送达的比例；蓝、橙：已送达的受灾点与受灾群众" },
    [T_TIME_HOURS_SINCE_DISASTER_STRUCK] = {
        "hours since the disaster struck the site",
        "灾害到达受灾点后的时间（小时）" },
    [T_TIME_REACHED] = { "reached (%)", "已送达（%）" },
    [T_TIME_NOT_IN_BARS] = {
        "not in the bars:\nlater than %s: %.1f%%\nnever reached within %g h: %.1f%%",
        "图中未显示：\n超过 %s：%.1f%%\n%g 小时内未送达：%.1f%%" },
    [T_TIME_HOW_LONG_DISASTER_SITES] = {
        "%s: how long disaster sites wait for their first relief",
        "%s 情景：受灾点等待首批物资的时间" },
    [T_TIME_EVERY_SITE_EACH_SIMULATED] = {
        "every site in each of %ld simulated %s (%ld site-runs), by %g-minute intervals",
        "%ld 次模拟（%s）中每个受灾点（共 %ld 个），每 %g 分钟一组" },
    [T_TIME_MINUTES_DISASTER_FIRST_RELIEF] = {
        "minutes from the disaster to the first relief",
        "从灾害发生到首批物资送达（分钟）" },
    [T_TIME_SHARE_SITE_RUNS] = { "share of site-runs (%)", "占全部受灾点次数（%）" },
    [T_TIME_AFTER_H_UP_TRUCKS] = {
        "after %g h: up to %g trucks still away (p95)",
        "%g 小时后：仍有至多 %g 辆车在外（p95）" },
    [T_TIME_TRUCKS_ROAD_QUEUE_CENTRAL] = {
        "%s: trucks on the road and the queue at the central depot's loading bays",
        "%s 情景：在途车辆与中心库装卸台排队" },
    [T_TIME_MEDIAN_90_BAND_SIMULATED] = {
        "median and 90%% band of %ld simulated %s",
        "%ld 次模拟（%s）的中位数与 90%% 区间" },
    [T_TIME_90_BAND_P5_P95] = { "90% band (p5–p95)", "90% 区间" },
    [T_TIME_MEDIAN] = { "median", "中位数" },
    [T_TIME_TRUCKS_AWAY] = { "trucks away from\ntheir store (of %d)", "离库车辆\n（共 %d 辆）" },
    [T_TIME_HOURS_SINCE_ONSET_DISASTER] = {
        "hours since the onset of the disaster (the coverage chart counts from when each site "
        "was struck)",
        "灾害开始后的时间（小时；覆盖图则从各受灾点受灾时刻算起）" },
    [T_TIME_TRUCKS_QUEUEING] = {
        "trucks queueing at the\ncentral depot's bays",
        "中心库装卸台\n排队车辆" },
    /* ---- the townships and causes charts */
    [T_SITES_GREEN_KEY] = { "whole interval ≥ %g%%", "整个区间 ≥ %g%%" },
    [T_SITES_AMBER_KEY] = { "interval reaches %g–%g%%", "区间触及 %g–%g%%" },
    [T_SITES_RED_KEY] = { "whole interval < %g%%", "整个区间 < %g%%" },
    [T_SITES_WHICH_DISASTER_SITES_GET] = {
        "%s: which disaster sites get relief within %s",
        "%s 情景：各受灾点在 %s内收到物资的概率" },
    [T_SITES_PROBABILITY_TIME_95_INTERVAL] = {
        "probability on time with its 95%% interval, over %ld simulated %s; worst first",
        "按时送达概率及其 95%% 置信区间，%ld 次模拟（%s）；最差的在上" },
    [T_SITES_WORST_SHOWN] = { "the %d worst of %d sites; townships.csv lists every one",
                              "显示最差的 %d 个受灾点（共 %d 个）；townships.csv 列出全部" },
    [T_SITES_PROBABILITY_THAT_FIRST_RELIEF] = {
        "probability that the first relief arrives within %s (%%)",
        "首批物资在 %s内送达的概率（%%）" },
    [T_SITES_95_INTERVAL] = { "95% interval", "95% 置信区间" },
    [T_SITES_REQUIRED] = { "required %g%%", "要求 %g%%" },
    [T_SITES_NO_SITE_WAS_LATE] = { "No site was late in any run.", "所有模拟中没有受灾点迟到。" },
    /* ---- the map chart */
    [T_MAP_CLOSED_OFTEN] = { "closed in ≥ %g%% of runs", "中断概率 ≥ %g%%" },
    [T_MAP_CLOSED_SELDOM] = { "closed in < %g%% of runs", "中断概率 < %g%%" },
    [T_MAP_SLOWED] = { "slowed", "减速" },
    [T_MAP_SEAT_GREEN] = { "seat: whole CI ≥ %g%%", "乡镇：整个区间 ≥ %g%%" },
    [T_MAP_SEAT_AMBER] = { "seat: CI reaches %g–%g%%", "乡镇：区间触及 %g–%g%%" },
    [T_MAP_SEAT_RED] = { "seat: whole CI < %g%%", "乡镇：整个区间 < %g%%" },
    [T_MAP_SEAT_NO_DISASTER_SITE] = { "seat, no disaster site", "乡镇，无受灾点" },
    [T_MAP_CITY_DASHED_BOX_ENLARGED] = { "the city (dashed box), enlarged", "城区（虚线框）放大" },
    [T_MAP_NAMES_LEFT_OFF] = {
        "%d of %d seats named: the others' names would overprint\n(the worst-off are named "
        "first; map_points.csv lists every seat)",
        "标注名称的乡镇 %d 个（共 %d 个）：其余名称会相互重叠\n（优先标注最差者；"
        "map_points.csv 列出全部乡镇）" },
    [T_MAP_ROADS_EACH_TOWNSHIP_CHANCE] = {
        "%s: the roads and each township's chance of relief within %s",
        "%s 情景：路网与各乡镇在 %s内收到物资的概率" },
    [T_MAP_RED_ROADS_DISASTER_MAY] = {
        "red: roads the disaster may close (pale: seldom); orange: roads it slows; a seat's "
        "colour: its worst site's chance",
        "红色：可能中断的道路（浅色：较少中断）；橙色：可能减速的道路；乡镇颜色：其最差受"
        "灾点的按时概率" },
    /* ---- report.html */
    [T_HTML_KICKER_SCENARIO] = { "scenario ", "情景 " },
    [T_HTML_DOES_PROMISE_HOLD] = { "Does the %s promise hold?", "%s承诺能否兑现？" },
    [T_HTML_EVERY_SITE_REACHED_WITHIN] = {
        "Every site reached within",
        "所有受灾点均在以下时间内送达" },
    [T_HTML_SHARE_RUNS] = { "share of runs", "模拟比例" },
    [T_HTML_THE_PROMISE] = { " (the promise)", "（承诺）" },
    [T_HTML_FROM_ORDER] = { " from the dispatch order", "（自调拨指令起）" },
    [T_HTML_ORDER_MEANS] = {
        "A site's dispatch order is the moment its request reaches the county dispatcher, who "
        "orders its first shipment then; the national guideline's 6 h (county), 8 h (city) and "
        "10 h (province) for the first batch count from it. The 2-hour promise and the other "
        "times count from the disaster at the site.",
        "受灾点的调拨指令时刻，即其物资需求送达县级调度中心、由调度中心随即下达首批调拨指令的"
        "时刻；国家指导意见中首批物资县级 6 小时、市级 8 小时、省级 10 小时的时限自此起算。2 "
        "小时承诺及其他时间均自该点受灾时起算。" },
    [T_HTML_SITES_TIME_MEAN_SHARE] = {
        "Sites on time, mean share per run",
        "每次模拟中按时送达的受灾点平均比例" },
    [T_HTML_RESPONSE_TIME_OVER_ALL] = {
        "Response time over all sites and runs (minutes): median",
        "所有受灾点与模拟的响应时间（分钟）：中位数" },
    [T_HTML_LONGEST] = { "longest", "最长" },
    [T_HTML_CHART_FAILED] = {
        "This chart was not drawn: gnuplot failed on %s.gp (see the warning of the run).",
        "此图未生成：gnuplot 运行 %s.gp 失败（见运行时的警告）。" },
    [T_HTML_CHARTS_SKIPPED] = { "Charts were not drawn (--no-plot).", "未生成图表（--no-plot）。" },
    [T_HTML_NO_GNUPLOT] = {
        "Charts were not drawn: gnuplot is not installed. Their scripts and data are in this "
        "folder; run <code>gnuplot NAME.gp</code> there to draw them.",
        "未生成图表：未安装 gnuplot。图表脚本和数据在本文件夹中，在此运行 <co"
        "de>gnuplot 名称.gp</code> 即可生成。" },
    [T_HTML_DISASTER_SITES_WORST_FIRST] = {
        "The disaster sites, worst first",
        "各受灾点（最差的在前）" },
    [T_HTML_PROBABILITY_TIME_95_INTERVAL] = {
        "Probability on time with its 95% interval; response times in minutes from the "
        "disaster to the first relief (mean over the runs that reached the site); the main "
        "cause of lateness over the late runs.",
        "按时送达概率及其 95% 置信区间；响应时间为从灾害发生到首批物资送达的分钟数（"
        "均值只计已送达的模拟）；主要迟到原因按迟到的模拟统计。" },
    [T_HTML_SITE_TOWNSHIP] = { "Site (township)", "受灾点（乡镇）" },
    [T_HTML_ON_TIME] = { "On time", "按时概率" },
    [T_HTML_MEAN_MIN] = { "Mean min", "平均分钟" },
    [T_HTML_P95_MIN] = { "p95 min", "p95 分钟" },
    [T_HTML_REACHED_HORIZON] = { "Reached by horizon", "时限内送达" },
    [T_HTML_MAIN_CAUSE_LATENESS] = { "Main cause of lateness", "主要迟到原因" },
    [T_HTML_ASSUMPTIONS_BEHIND_THIS_RUN] = { "Assumptions behind this run", "本次运行的假设" },
    [T_HTML_SCENARIO] = { "Scenario", "情景" },
    [T_HTML_REPLICATIONS] = { "Replications", "模拟次数" },
    [T_HTML_SIMULATED] = { "%ld simulated %s", "%ld 次（%s）" },
    [T_HTML_SEED] = { "Seed", "随机种子" },
    [T_HTML_SEED_FIRST] = { "%llu (first replication %ld)", "%llu（首次模拟编号 %ld）" },
    [T_HTML_PROMISE] = { "Promise", "承诺" },
    [T_HTML_FIRST_RELIEF_EVERY_SITE] = {
        "first relief at every site within %g minutes",
        "每个受灾点在 %g 分钟内收到首批物资" },
    [T_HTML_THRESHOLDS_REPORTED] = { "Thresholds reported", "报告的时限" },
    [T_HTML_REQUIRED_LEVEL] = { "Required level", "要求水平" },
    [T_HTML_PROMISE_KEPT_LEAST_RUNS] = {
        "the promise kept in at least %g%% of runs",
        "至少 %g%% 的模拟兑现承诺" },
    [T_HTML_HORIZON] = { "Horizon", "模拟时长" },
    [T_HTML_HOURS_AFTER_ONSET] = { "%g hours after the onset", "灾害开始后 %g 小时" },
    [T_HTML_ONSET] = { "Onset", "灾害开始时刻" },
    [T_HTML_ALARM] = { "Alarm", "警报" },
    [T_HTML_EVERY_STORE_CREWS_CALLED] = {
        "every store's crews called out at the onset",
        "灾害开始时所有仓库人员集结" },
    [T_HTML_CREWS_CALLED_OUT_WHEN] = {
        "crews called out when a request arrives",
        "收到需求时人员才集结" },
    [T_HTML_DISPATCH_POLICY] = { "Dispatch policy", "调度策略" },
    [T_HTML_TIERED_OWN_TOWNSHIP_THEN] = {
        "tiered: own township, then sub-centre, then central depot, then suppliers",
        "分级：本乡镇、分中心、中心库、协议供应商依次调拨" },
    [T_HTML_EARLIEST_STORE_WHOSE_TRUCK] = {
        "earliest: the store whose truck can arrive soonest",
        "最早到达：由能最早送达的仓库调拨" },
    [T_HTML_SYSTEM] = { "System", "系统" },
    [T_HTML_TOWNSHIPS_DISASTER_SITES_ROADS] = {
        "%d townships, %d disaster sites, %d roads, %d facilities, %d trucks",
        "%d 个乡镇，%d 个受灾点，%d 条道路，%d 个设施，%d 辆车" },
    [T_HTML_VERSION] = { "Version", "版本" },
    [T_HTML_EVERY_OTHER_NUMBER_STOCK] = {
        "Every other number (stock, fleets, speeds, delays) is an assumption stated, with "
        "its source, in resolved.cfg beside this report; <code>supplysim resolved.cfg</code> "
        "reproduces this run exactly.",
        "其余数字（库存、车队、车速、延误）均为假设，连同来源写在本报告旁的 resolv"
        "ed.cfg 中；运行 <code>supplysim resolved.cfg"
        "</code> 可完全复现本次结果。" },
    [T_HTML_MEANING_PASS] = {
        "The whole 95%% interval of the share of runs in which every site got its first "
        "relief within %s lies at or above the required %g%%: the promise holds for this "
        "scenario.",
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间整体不低于要"
        "求的 %g%%：此情景下承诺成立。" },
    [T_HTML_MEANING_FAIL] = {
        "The whole 95%% interval of the share of runs in which every site got its first "
        "relief within %s lies below the required %g%%: the promise does not hold for this "
        "scenario.",
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间整体低于要求"
        "的 %g%%：此情景下承诺不成立。" },
    [T_HTML_MEANING_INCONCLUSIVE] = {
        "The 95%% interval of the share of runs in which every site got its first relief "
        "within %s straddles the required %g%%: more replications (--until-decided) would "
        "decide.",
        "所有受灾点均在 %s内收到首批物资的模拟比例，其 95%% 置信区间跨越要求的 "
        "%g%%：需增加模拟次数（--until-decided）才能判定。" },
    [T_ABOUT_COVERAGE_H] = {
        "How fast relief reaches the disaster sites",
        "救灾物资多快送达受灾点" },
    [T_ABOUT_COVERAGE] = {
        "Black: the share of runs in which every site has had its first relief by then, "
        "with its 95% interval (grey) -- the verdict's measure: where it crosses the 2 h line "
        "is the promise kept, and the red line is the level required of it. Blue and orange: "
        "the share of sites and of displaced people reached, median and 90% band across runs "
        "(a median near 100% does not mean the promise holds: one late site breaks it). Hours "
        "count from the moment the disaster struck each site; dashed lines mark the thresholds.",
        "黑线：到该时刻所有受灾点均已收到首批物资的模拟比例及其 95% 置信区间（灰色），即判定"
        "所用指标：它与 2 小时线的交点就是承诺兑现率，红线为对它的要求水平。蓝、橙：已送达的"
        "受灾点与受灾群众比例，各模拟的中位数与 90% 区间（中位数接近 100% 并不表示承诺成立："
        "只要一个受灾点迟到就不成立）。时间从灾害到达各受灾点时算起；虚线为各时限。" },
    [T_ABOUT_TOWNSHIPS_H] = { "Which townships are at risk", "哪些乡镇有风险" },
    [T_ABOUT_TOWNSHIPS] = {
        "The probability that each site gets its first relief within the promise, with its "
        "95% interval, worst first. Colours use the interval, as the verdict does: green when "
        "the whole interval is at or above the required level, red when it is wholly below "
        "80% and amber otherwise (not sure, or close).",
        "各受灾点在承诺时限内收到首批物资的概率及其 95% 置信区间，最差的在上。颜色与判定一样"
        "依据区间：整个区间不低于要求水平为绿色，整个区间低于 80% 为红色，其余为橙色（尚难确"
        "定，或接近要求）。" },
    [T_ABOUT_MAP_H] = { "Where: the roads and the townships", "位置：路网与乡镇" },
    [T_ABOUT_MAP] = {
        "Red roads may be closed by the disaster, orange ones slowed. Each township seat has "
        "the colour of its worst site in the chart above; grey seats have no disaster site.",
        "红色道路可能因灾中断，橙色道路可能减速。乡镇的颜色与上图中其最差受灾点一致；灰色"
        "表示该乡镇无受灾点。" },
    [T_ABOUT_CAUSES_H] = { "Why the promise breaks", "承诺为何未兑现" },
    [T_ABOUT_CAUSES] = {
        "How often each site that was ever late got nothing within the promise (the share "
        "of runs: what the promise depends on), each bar split by what took most of the time "
        "in each of those runs (road delays by their part that took most: detours and "
        "turn-backs, waiting for a road to reopen, slowed roads and checkpoints); beside it, "
        "the median time to its first relief when late. The "
        "top bar is the runs in which any site was late, the promise broken. The dashed line "
        "is the most any one site may be late if the promise is to hold in the required "
        "share of runs.",
        "曾经迟到的各受灾点在承诺时限内未收到物资的频率（模拟比例，承诺取决于此），每个条形按"
        "每次迟到中耗时最多的环节划分（道路延误按其中耗时最多的部分划分：绕行与折返、等待道路"
        "恢复通行、道路减速与检查站）；旁边是迟到时首批物资送达时间的中位数。最上方为任一受灾"
        "点迟到（承诺未兑现）的模拟。虚线为要使承诺在要求比例的模拟中兑现，单个受灾点可迟到的"
        "上限。" },
    [T_ABOUT_RESPONSE_H] = {
        "How long sites wait for their first relief",
        "受灾点等待首批物资的时间" },
    [T_ABOUT_RESPONSE] = {
        "The time from the disaster to a site's first relief, over every site in every run; "
        "dashed lines mark the thresholds. Sites reached later, or never, are counted in the "
        "note.",
        "所有模拟中每个受灾点从灾害发生到收到首批物资的时间分布；虚线为各时限。更晚或未送"
        "达的受灾点列在图中说明里。" },
    [T_ABOUT_RESOURCES_H] = { "Trucks and loading bays over time", "车辆与装卸台随时间的变化" },
    [T_ABOUT_RESOURCES] = {
        "Top: trucks away from their store (on the road, or without a crew); bottom: trucks "
        "waiting for a loading bay at the central depot; median and 90% band across runs. The "
        "peak is what the fleet must cover at once; the text report's \"trucks busy\" is the "
        "same truck time averaged over every truck and the whole horizon, so it is much "
        "smaller. Hours count from the onset of the disaster, one clock for the whole county, "
        "while the coverage chart counts from the moment each site was struck (a site may be "
        "struck hours after the onset).",
        "上：离库在外的车辆（在途或无人员）；下：在中心库排队等待装卸台的车辆；各模拟的中位数"
        "与 90% 区间。峰值是车队同时需要承担的数量；文字报告中的“车辆使用率”是同一车辆时间在"
        "所有车辆和整个模拟时长上的平均，因此小得多。时间从灾害开始算起，全县统一时钟；覆盖图"
        "则从各受灾点受灾时刻算起（受灾点可能在灾害开始数小时后才受灾）。" },
    [T_RESOLUTION_RESPONSE] = {
        "Quantiles of response times are kept to %g min.",
        "响应时间的分位数精确到 %g 分钟。" },
    [T_RESOLUTION_COVERAGE] = {
        "The sites' curves are exact; the people's are kept to %g percentage points.",
        "受灾点曲线为精确值；受灾群众曲线精确到 %g 个百分点。" },
    /* ---- decision studies: compare */
    [T_ST_DECISION_BETTER] = {
        "DECISION: %s keeps the promise more often than the baseline: in %.1f%% of %ld %s "
        "instead of %.1f%%, %+.1f points (paired %g%% CI %+.1f to %+.1f); its verdict: %s",
        "结论：%s 比现状更常兑现承诺：%.1f%%（共 %ld 次%s），现状为 %.1f%%，提高 %+.1f 个百分点"
        "（配对 %g%% 置信区间 %+.1f 至 %+.1f）；其判定：%s" },
    [T_ST_DECISION_NONE] = {
        "DECISION: no option keeps the promise detectably more often than the baseline "
        "(%.1f%% of %ld %s): every paired %g%% interval of the difference reaches 0 or below",
        "结论：没有任何方案能明显比现状（%.1f%%，共 %ld 次%s）更常兑现承诺：每个差值的配对 "
        "%g%% 置信区间都包含 0 或更低" },
    [T_ST_WORSE] = { "Worse than the baseline: %s", "比现状更差：%s" },
    [T_ST_H_VARIANT] = { "option", "方案" },
    [T_ST_H_KEPT] = { "promise kept (95% CI)", "兑现承诺（95% 区间）" },
    [T_ST_H_DIFF] = { "difference, points (paired CI)", "差值，百分点（配对区间）" },
    [T_ST_H_WIDTHS] = { "width: paired / unpaired", "区间宽度：配对 / 非配对" },
    [T_ST_H_SITES] = { "sites on time, difference", "按时受灾点比例，差值" },
    [T_ST_H_VERDICT] = { "verdict", "判定" },
    [T_ST_PAIRING] = {
        "Why pairing matters: every option faced the same %ld %s as the baseline, so the "
        "interval of a difference is on average %.1f times narrower for the promise kept (the "
        "widths above, in points) and %.1f times for the share of sites on time than the "
        "difference of two independent intervals.",
        "为什么配对：每个方案与现状经历完全相同的 %ld 次%s，因此差值的区间比两个独立区间之差"
        "平均窄：承诺兑现率 %.1f 倍（见上表的区间宽度，单位为百分点），按时受灾点比例 %.1f 倍。" },
    [T_ST_FOOTER] = { "%ld replications per option, seed %llu, supplysim %s",
                      "每个方案 %ld 次模拟，随机种子 %llu，supplysim %s" },
    [T_ST_COMPARE_TITLE] = { "%s: how each option changes the promise",
                             "%s 情景：各方案对承诺兑现率的影响" },
    [T_ST_COMPARE_SUB] = {
        "difference from the baseline in the share of %ld %s with every site reached within "
        "%s; %g%% intervals",
        "与现状相比，%ld 次%s中所有受灾点均在 %s 内送达的比例之差；%g%% 置信区间" },
    [T_ST_COMPARE_X] = { "difference in promise kept (percentage points)",
                         "承诺兑现率之差（百分点）" },
    [T_ST_PAIRED] = { "paired: the same disasters", "配对：相同的灾害" },
    [T_ST_UNPAIRED] = { "as if independent runs", "若为独立模拟" },
    [T_ST_HTML_KICKER] = { "supplysim %s · scenario %s", "supplysim %s · 情景 %s" },
    [T_ST_HTML_COMPARE_H] = { "Which option keeps the promise more often?",
                              "哪个方案更常兑现承诺？" },
    [T_ST_ABOUT_COMPARE_H] = { "How each option changes the promise", "各方案对承诺的影响" },
    [T_ST_ABOUT_COMPARE] = {
        "For each option, the difference from the baseline in the share of runs in which every "
        "site got its first relief in time. Every option faced the same disasters as the "
        "baseline, so the difference is measured pair by pair (black); grey shows how wide the "
        "interval would be for runs on different disasters. An interval wholly right of 0 is a "
        "real improvement.",
        "每个方案与现状相比，所有受灾点都按时收到首批物资的模拟所占比例之差。每个方案与现状经"
        "历相同的灾害，因此差值逐次配对计算（黑色）；灰色表示若模拟的灾害不同，区间会有多宽。"
        "区间完全在 0 右侧即为真实改善。" },
    [T_ST_HTML_TABLE_H] = { "The options side by side", "各方案对比" },
    [T_ST_HTML_RERUN] = {
        "Each row can be rerun on its own: variants/NAME.cfg in this folder, with "
        "supplysim -n %ld -s %llu.",
        "每一行都可单独重算：本文件夹中的 variants/NAME.cfg，使用 supplysim -n %ld -s %llu。" },
    /* ---- decision studies: roads */
    [T_ST_ROADS_DECISION] = {
        "DECISION: protect %s (%s) first: it is worth %+.1f points of the promise (%g%% CI "
        "%+.1f to %+.1f), from %.1f%% to %.1f%% of %ld %s",
        "结论：优先保障 %s（%s）：可使承诺兑现率提高 %+.1f 个百分点（%g%% 置信区间 %+.1f 至 "
        "%+.1f），从 %.1f%% 升至 %.1f%%（共 %ld 次%s）" },
    [T_ST_ROADS_NONE] = {
        "DECISION: protecting no single one of the %d roads the hazard can touch changes the "
        "promise detectably (%.1f%% of %ld %s)",
        "结论：灾害可能影响的 %d 条道路中，单独保障任何一条都不能明显改变承诺兑现率（%.1f%%，"
        "共 %ld 次%s）" },
    [T_ST_ROADS_TOP] = {
        "The %d roads most worth protecting, of %d the hazard can close or slow (difference "
        "from the baseline in points of the promise kept, 95%% CI):",
        "最值得保障的 %d 条道路（灾害可能中断或减速的道路共 %d 条；与现状相比承诺兑现率之差，"
        "百分点，95%% 置信区间）：" },
    [T_ST_H_ROAD] = { "road (class, length)", "道路（等级，长度）" },
    [T_ST_H_TOUCHED] = { "hit", "受灾概率" },
    [T_ST_H_PROTECT] = { "if protected", "若保障" },
    [T_ST_H_CLOSE] = { "if closed throughout", "若全程中断" },
    [T_ST_H_RUNS] = { "runs", "模拟次数" },
    [T_ST_ROADS_SCREEN] = {
        "Screening: all %d roads ran the first %ld replications; the %d whose interval (at a "
        "confidence raised for the number of roads) still reached the lowest lower limit of "
        "the %d best ran all %ld.",
        "筛选：全部 %d 条道路先运行前 %ld 次模拟；其中 %d 条道路的区间（按道路数提高置信度）仍"
        "能达到前 %d 名中最低的下限，运行全部 %ld 次。" },
    [T_ST_ROADS_ALL] = { "All %d roads ran all %ld replications (no screening).",
                         "全部 %d 条道路均运行全部 %ld 次模拟（未筛选）。" },
    [T_ST_ROADS_TITLE] = { "%s: which roads the promise depends on",
                           "%s 情景：承诺依赖哪些道路" },
    [T_ST_ROADS_SUB] = {
        "each road the hazard can touch, coloured by what protecting it is worth (points of "
        "the promise kept, paired, %ld %s)",
        "灾害可能影响的道路，按保障该道路的价值着色（承诺兑现率提高的百分点，配对，%ld 次%s）" },
    [T_ST_ROADS_KEY_HIGH] = { "worth %g points or more", "提高 %g 个百分点及以上" },
    [T_ST_ROADS_KEY_MID] = { "worth %g to %g points", "提高 %g 至 %g 个百分点" },
    [T_ST_ROADS_KEY_LOW] = { "worth less than %g points", "提高不足 %g 个百分点" },
    [T_ST_HTML_ROADS_H] = { "Which roads does the promise depend on?", "承诺依赖哪些道路？" },
    [T_ST_ABOUT_ROADS_H] = { "What protecting each road is worth", "保障各条道路的价值" },
    [T_ST_ABOUT_ROADS] = {
        "Each road the disaster can close or slow, coloured by how much more often the promise "
        "would hold if that road alone were protected (hardened, or cleared first), measured on "
        "the same disasters; the townships keep the baseline's colours. The table below gives "
        "the ten best with their intervals, and what closing each road for the whole event would "
        "cost.",
        "灾害可能中断或减速的道路，按单独保障该道路（加固或优先抢通）后承诺兑现率提高多少着色，"
        "在相同的灾害上计算；乡镇颜色与现状一致。下表列出最值得保障的十条道路及其区间，以及若该"
        "道路全程中断的代价。" },
    /* ---- decision studies: sensitivity */
    [T_ST_SENS_DECISION_FLIPS] = {
        "DECISION: the verdict %s (%.1f%% of %ld %s) rests on %d of the %d assumptions; "
        "measure first: %s",
        "结论：判定“%s”（%.1f%%，共 %ld 次%s）取决于 %d 项假设（共 %d 项）；应首先实测：%s" },
    [T_ST_SENS_DECISION_HOLDS] = {
        "DECISION: the verdict %s (%.1f%% of %ld %s) holds at both ends of every one of the "
        "%d assumptions' ranges, taken one at a time",
        "结论：判定“%s”（%.1f%%，共 %ld 次%s）在 %d 项假设各自取值范围的两端均不变（逐项变动）" },
    [T_ST_SENS_FLIPS_H] = { "Assumptions that change the verdict, the ones to measure first:",
                            "会改变判定的假设（应首先实测）：" },
    [T_ST_SENS_TABLE_H] = {
        "Every assumption, largest swing first (promise kept at the low and at the high end "
        "of its range, 95% CI, and the verdict there):",
        "全部假设，按影响幅度从大到小（取值范围低端与高端的承诺兑现率、95% 置信区间及判定）：" },
    [T_ST_H_ASSUMPTION] = { "assumption", "假设" },
    [T_ST_H_LOW] = { "at the low end", "取低端时" },
    [T_ST_H_HIGH] = { "at the high end", "取高端时" },
    [T_ST_SENS_CORNERS] = {
        "Every assumption at its unfavourable end at once: %.1f%% (%s); every one at its "
        "favourable end: %.1f%% (%s).",
        "所有假设同时取不利端：%.1f%%（%s）；同时取有利端：%.1f%%（%s）。" },
    [T_ST_TORNADO_TITLE] = { "%s: does the verdict rest on guesses?", "%s 情景：判定是否取决于假设？" },
    [T_ST_TORNADO_SUB] = {
        "promise kept with each assumption at the low and the high end of its range, %ld %s "
        "each; largest swing on top",
        "各项假设取其范围低端与高端时的承诺兑现率，各 %ld 次%s；影响最大的在上" },
    [T_ST_TORNADO_X] = { "promise kept: every site within the promise (%)",
                         "承诺兑现率：所有受灾点均按时送达（%）" },
    [T_ST_LOW_END] = { "at the low end", "取低端" },
    [T_ST_HIGH_END] = { "at the high end", "取高端" },
    [T_ST_BASELINE] = { "baseline %.1f%%", "现状 %.1f%%" },
    [T_ST_HTML_SENS_H] = { "Does the verdict rest on guesses?", "判定是否取决于未经实测的假设？" },
    [T_ST_ABOUT_TORNADO_H] = { "How far each assumption moves the promise",
                               "各项假设对承诺兑现率的影响" },
    [T_ST_ABOUT_TORNADO] = {
        "Each bar spans the promise kept with one assumption at the low and at the high end of "
        "its plausible range, everything else as in the scenario, on the same disasters. The "
        "solid line is the baseline, the dashed one the required level: a bar that crosses the "
        "dashed line changes the verdict, and that number is the one to measure first.",
        "每个条形表示某一项假设取其合理范围低端和高端时的承诺兑现率，其余与情景相同，灾害相同。"
        "实线为现状，虚线为要求水平：跨越虚线的条形会改变判定，应首先实测该数值。" },
    /* ---- charts that cannot be misread, and the one-page brief */
    [T_TIME_ALL_SITES] = { "runs with every site reached", "所有受灾点均已送达的模拟" },
    [T_TIME_ALL_SITES_BAND] = { "its 95% interval", "其 95% 置信区间" },
    [T_CAUSES_TITLE] = {
        "%s: why the promise breaks – how often each site is late, and what delayed it",
        "%s 情景：承诺为何未兑现——各受灾点迟到的频率及主要原因" },
    [T_CAUSES_SUB] = {
        "share of %ld simulated %s in which a site got nothing within %s, by what took most "
        "time",
        "%ld 次模拟（%s）中受灾点在 %s内未收到物资的比例，按每次迟到中耗时最多的环节划分" },
    [T_CAUSES_WORST_SHOWN] = { "the %d worst of %d late sites; causes.csv lists every one",
                               "显示最差的 %d 个迟到受灾点（共 %d 个）；causes.csv 列出全部" },
    [T_CAUSES_X] = { "share of runs in which the site was late", "受灾点迟到的模拟比例" },
    [T_CAUSES_ALLOWED] = { "%g%%: the most any one site may be late",
                           "%g%%：单个受灾点可迟到的上限" },
    [T_CAUSES_ANY_SITE_LATE] = { "promise broken (any site late)", "承诺未兑现（任一点迟到）" },
    [T_CAUSES_LATE_WORDS] = { "%s late, median %.0f min", "%s 迟到，中位数 %.0f 分钟" },
    [T_CAUSES_LATE_NEVER] = { "%s late, most never reached", "%s 迟到，多数未送达" },
    [T_CAUSES_BROKEN_WORDS] = { "%s of runs", "%s 的模拟" },
    [T_RESOURCES_FLEET_NOTE] = {
        "median peak: %g of %d trucks away (%s), %.1f h after the onset\n"
        "over the whole %g h: %s of truck time (\"trucks busy\")",
        "中位数峰值：%g 辆（共 %d 辆）离库（%s），灾害开始后 %.1f 小时\n"
        "整个 %g 小时：车辆时间的 %s（“车辆使用率”）" },
    [T_BRIEF_KICKER] = { "supplysim %s · scenario %s · seed %llu · %ld runs · %s",
                         "supplysim %s · 情景 %s · 随机种子 %llu · %ld 次模拟 · %s" },
    [T_BRIEF_TITLE] = { "%s: does the %s promise hold?", "%s：%s承诺能否兑现？" },
    [T_BRIEF_VERDICT] = {
        "%s: every disaster site had its first relief within %s in %.1f%% of %ld simulated %s "
        "(%g%% CI %.1f–%.1f%%); %g%% is required.",
        "%s：%s内所有受灾点均收到首批物资的模拟占 %.1f%%（共 %ld 次，%s；%g%% 置信区间 "
        "%.1f–%.1f%%）；要求 %g%%。" },
    [T_BRIEF_AT_RISK_H] = { "Where it breaks: the sites most at risk",
                            "问题出在哪里：风险最高的受灾点" },
    [T_BRIEF_LATE] = { "Late in", "迟到比例" },
    [T_BRIEF_NONE_AT_RISK] = {
        "Every site's whole 95% interval is at or above the required level.",
        "所有受灾点的 95% 置信区间均不低于要求水平。" },
    [T_BRIEF_MEASURES_H] = { "What would help most", "最有效的措施" },
    [T_BRIEF_PROTECT] = {
        "Protect %s (%s, %.1f km): %+.1f points of the promise kept (95%% CI %+.1f to %+.1f)",
        "保障%s（%s，%.1f 公里）：承诺兑现率提高 %+.1f 个百分点（95%% 置信区间 %+.1f 至 "
        "%+.1f）" },
    [T_BRIEF_NO_ROAD] = {
        "Protecting no single road changes the promise detectably.",
        "单独保障任何一条道路都不能明显改变承诺兑现率。" },
    [T_BRIEF_SOURCE] = {
        "From the %s study in the folder %s next to this one (%ld runs; its baseline kept the "
        "promise in %.1f%%).",
        "来自 %s 研究（本文件夹旁的 %s，%ld 次模拟；其现状承诺兑现率 %.1f%%）。" },
    [T_BRIEF_NO_STUDY] = {
        "No study of measures has been run on this scenario: %s finds the cheapest set of "
        "measures that keeps the promise, %s the roads whose protection is worth most; this "
        "brief gives their findings when their folders (where they write by default) are next "
        "to this run's.",
        "尚未对此情景做措施研究：%s 可找出兑现承诺的最省钱措施组合，%s 可找出最值得保障的道路；"
        "其结果文件夹（默认位置）在本次运行文件夹旁时，本页会给出其结论。" },
    [T_BRIEF_RESTS_H] = { "What the result rests on", "结论依据的假设" },
    [T_BRIEF_OWN] = {
        "Onset at %02d:%02d; alarm: %s; dispatch: %s; %d trucks in %d facilities. Every other "
        "number (stock, speeds, delays) is an assumption stated with its source in resolved.cfg.",
        "灾害开始于 %02d:%02d；警报：%s；调度：%s；%d 辆车、%d 个设施。其余数字（库存、车速、延"
        "误）均为假设，连同来源列于 resolved.cfg。" },
    [T_BRIEF_NO_SENS] = {
        "%d of the assumptions have a plausible range in the configuration: %s tells which of "
        "them the verdict rests on.",
        "配置中有 %d 项假设给出了合理范围：%s 可判断结论取决于其中哪些。" },
    [T_BRIEF_FLIP] = {
        "%s (range %s): the verdict becomes %s %s. %s",
        "%s（范围 %s）：判定变为%s（%s）。%s" },
    [T_BRIEF_FLIPS_COUNT] = {
        "%d of the %d assumptions change the verdict at one end of their range: measure them first.",
        "%d 项假设（共 %d 项）在其范围一端会改变判定：应首先实测。" },
    [T_BRIEF_HOLDS] = {
        "The verdict holds at both ends of every one of the %d assumption ranges, taken one at "
        "a time.",
        "%d 项假设逐项取其范围两端时，判定均不变。" },
    [T_BRIEF_FOLLOWS] = {
        "The full report follows: every chart, every site, every assumption.",
        "完整报告见后页：全部图表、全部受灾点、全部假设。" },
    [T_BRIEF_BAD_EPOCH] = {
        "SOURCE_DATE_EPOCH: expected the seconds since 1970-01-01 00:00 UTC (a whole number), "
        "found \"%s\"",
        "SOURCE_DATE_EPOCH：应为自 1970-01-01 00:00 UTC 起的秒数（整数），实为“%s”" },
    [T_BRIEF_NO_CLOCK] = { "report.html: cannot tell the date and time",
                           "report.html：无法读取当前日期和时间" },
    [T_TIME_VERDICT_POINT] = {
        "promise kept: %.1f%% of runs", "承诺兑现：%.1f%% 的模拟" },
    /* ---- decision studies: improve */
    [T_IM_DECISION_BUY] = {
        "DECISION: to keep the %s promise in %g%% of %s: buy %s, %s a year (the promise then "
        "held in %.1f%% of %ld, %g%% CI %.1f–%.1f%%)",
        "结论：要使 %s承诺在 %g%% 的%s中兑现：采取措施 %s，每年 %s（届时承诺兑现率 %.1f%%，"
        "共 %ld 次，%g%% 置信区间 %.1f–%.1f%%）" },
    [T_IM_DECISION_NEXT] = { "; the next cheapest plan is %s, %s a year (%.1f%% of %ld runs)",
                             "；次便宜的方案为 %s，每年 %s（%.1f%%，共 %ld 次）" },
    [T_IM_DECISION_NONE_UNDER] = { "; no plan under %s passes", "；每年低于 %s 的方案均不通过" },
    [T_IM_DECISION_ALREADY] = {
        "DECISION: the %s promise already holds in %g%% of %s without any lever: %.1f%% of %ld "
        "(%g%% CI %.1f–%.1f%%)",
        "结论：无需采取任何措施，%s承诺已在 %g%% 的%s中兑现：%.1f%%（共 %ld 次，%g%% 置信区间 "
        "%.1f–%.1f%%）" },
    [T_IM_DECISION_NO_PLAN] = {
        "DECISION: no combination of the %d levers%s keeps the %s promise in %g%% of %s; the best "
        "is %s, %s a year: %.1f%% of %ld (%g%% CI %.1f–%.1f%%)",
        "结论：%d 项措施的任何组合%s都不能使 %s承诺在 %g%% 的%s中兑现；最好的方案为 %s，每年 "
        "%s：%.1f%%（共 %ld 次，%g%% 置信区间 %.1f–%.1f%%）" },
    [T_IM_WITHIN] = { " within %s a year", "（每年预算 %s 以内）" },
    [T_IM_NO_LEVER] = { "no lever (today)", "不采取措施（现状）" },
    [T_IM_A_YEAR] = { "%s a year", "每年 %s" },
    [T_IM_ONCE] = { "%s once, over %g years, and %s a year to run",
                    "一次性 %s，分摊 %g 年，另每年运行费用 %s" },
    [T_IM_FOCUS_SITES_H] = {
        "Sites still at risk with it, rerun in full (on time in fewer than %g%% of runs; main "
        "cause of lateness):",
        "采用该方案后（完整重算）仍有风险的受灾点（按时率低于 %g%%；迟到的主要原因）：" },
    [T_IM_FOCUS_ALL_OK] = {
        "With it, rerun in full, every site is on time in at least %g%% of runs.",
        "采用该方案后（完整重算），每个受灾点的按时率均不低于 %g%%。" },
    [T_IM_CAVEAT] = {
        "Its verdict is that of its own %g%% interval, as a run of plans/ gives it; picked as "
        "the cheapest of %d plans run in full, its interval at %.4g%% (Bonferroni over them) is "
        "%.1f–%.1f%%.",
        "其判定依据其自身的 %g%% 置信区间（与 plans/ 中方案单独运行的结果相同）；由于是从 %d "
        "个完整运行的方案中选出的最便宜者，按 %.4g%% 置信度（对这些方案做 Bonferroni 校正）其区间为 "
        "%.1f–%.1f%%。" },
    [T_IM_FRONTIER_H] = {
        "The cost–promise frontier (each plan that no cheaper plan beats; * recommended):",
        "费用—承诺前沿（没有更便宜的方案能超过的方案；* 为推荐方案）：" },
    [T_IM_H_COST] = { "cost a year", "每年费用" },
    [T_IM_H_PLAN] = { "plan", "方案" },
    [T_IM_LEVERS_H] = {
        "The levers (cost a year; the promise with each lever alone, its difference from today "
        "in points with the paired 95% CI, and the runs it had):",
        "各项措施（每年费用；单独采取该措施时的承诺兑现率，与现状之差（百分点，配对 95% 置信区间），"
        "及模拟次数）：" },
    [T_IM_H_LEVER] = { "lever", "措施" },
    [T_IM_H_ALONE] = { "alone", "单独采取" },
    [T_IM_H_SOURCE] = { "where the cost comes from", "费用依据" },
    [T_IM_SEARCH_ALL] = {
        "Search: %d levers, %ld combinations within the budget, each run on the first %ld "
        "replications.",
        "搜索：%d 项措施，预算内共 %ld 种组合，每种先运行前 %ld 次模拟。" },
    [T_IM_SEARCH_NOSCREEN] = {
        "Search: %d levers, %ld combinations within the budget, each run %ld times (no "
        "screening).",
        "搜索：%d 项措施，预算内共 %ld 种组合，每种运行 %ld 次（未筛选）。" },
    [T_IM_SEARCH_GREEDY] = {
        "Search: %d levers, more than %d: greedy by gain per yuan, then swaps, on the first %ld "
        "replications (%ld combinations visited; a heuristic: the cheapest plan found is not "
        "proven the cheapest).",
        "搜索：%d 项措施，超过 %d 项：按每元收益贪心选取，再做局部替换，基于前 %ld 次模拟（共考察 "
        "%ld 种组合；此为启发式搜索，所得最便宜方案未经证明为最便宜）。" },
    [T_IM_SEARCH_DROPPED] = {
        "Dropped there: %ld surely beaten by a plan no dearer (paired 95%% intervals made "
        "simultaneous over the %ld comparisons, Bonferroni); %ld whose last lever changed none "
        "of those replications.",
        "在此阶段剔除：%ld 种被不更贵的方案明确超过（配对 95%% 置信区间，对 %ld 次比较做 "
        "Bonferroni 校正使之同时成立）；%ld 种的最后一项措施对这些模拟毫无改变。" },
    [T_IM_SEARCH_BEYOND] = {
        "Not run further: %ld dearer than %s, which passed on all %ld replications.",
        "不再继续运行：%ld 种比 %s 更贵，而后者在全部 %ld 次模拟中已通过。" },
    [T_IM_SEARCH_FULL] = { "The other %d ran all %ld replications.",
                           "其余 %d 种运行全部 %ld 次模拟。" },
    [T_IM_PLANS_NOTE] = {
        "Each frontier plan is a scenario of its own in plans/: supplysim -n %ld -s %llu "
        "plans/NAME.cfg reruns it with the same numbers.",
        "前沿上的每个方案都保存为 plans/ 中的情景文件：supplysim -n %ld -s %llu plans/NAME.cfg "
        "可重算，结果相同。" },
    [T_IM_HTML_H] = { "What is the cheapest set of measures that keeps the promise?",
                      "兑现承诺最省钱的措施组合是什么？" },
    [T_IM_HTML_LEVERS_H] = { "The levers and their costs", "各项措施及其费用" },
    [T_IM_HTML_FRONTIER_H] = { "The cost–promise frontier: the plans no cheaper plan beats",
                               "费用—承诺前沿：没有更便宜的方案能超过的方案" },
    [T_IM_FRONTIER_TITLE] = { "%s: what keeping the promise costs", "%s 情景：兑现承诺的代价" },
    [T_IM_FRONTIER_SUB] = {
        "promise kept against the cost a year of each plan of levers, %ld %s each; %g%% intervals",
        "各措施组合的承诺兑现率与每年费用，各 %ld 次%s；%g%% 置信区间" },
    [T_IM_FRONTIER_X] = { "cost a year (thousand yuan, logarithmic scale)",
                          "每年费用（万元，对数坐标）" },
    [T_IM_FRONTIER_Y] = { "promise kept: every site within the promise (%)",
                          "承诺兑现率：所有受灾点均按时送达（%）" },
    [T_IM_KEY_FRONTIER] = { "frontier: no cheaper plan does better", "前沿：没有更便宜的方案更好" },
    [T_IM_KEY_OTHER] = { "other plans run in full", "其他完整运行的方案" },
    [T_IM_KEY_EARLY] = { "plans dropped after their first %ld runs", "仅运行前 %ld 次即剔除的方案" },
    [T_IM_KEY_RECOMMENDED] = { "recommended: the cheapest that passes", "推荐：通过判定的最便宜方案" },
    [T_IM_ABOUT_FRONTIER_H] = { "What keeping the promise costs", "兑现承诺的代价" },
    [T_IM_ABOUT_FRONTIER] = {
        "Each point is a plan (a combination of levers), at its cost a year (once-only costs "
        "spread over their service life; a logarithmic scale) and the share of runs in which "
        "every site got relief in time: dark grey the plans that ran every replication, light "
        "grey those the search dropped after the first ones (their estimate from those).  The "
        "line joins the frontier, with intervals: the plans no cheaper plan beats.  The dashed "
        "line is the required level; the ringed plan is the cheapest whose whole interval lies "
        "above it.  Every plan faced the same disasters, so their differences are measured pair "
        "by pair.",
        "每个点是一个方案（措施组合），横轴为每年费用（一次性投入按使用年限分摊；对数坐标），纵轴为所有"
        "受灾点均按时收到物资的模拟所占比例：深灰色为运行全部模拟的方案，浅灰色为搜索在前几次模拟后"
        "剔除的方案（按这些模拟估计）。折线连接前沿及其置信区间：没有更便宜的方案能超过的方案。"
        "虚线为要求水平；圈出的方案是整个区间都在要求水平之上的最便宜方案。所有方案经历相同的灾害，"
        "因此方案之间的差异是逐次配对计算的。" },
};

/* Every section of the table; a text is in exactly one. */
static const lang_section *const sections[] = { &table, &lang_out, &lang_cmd, &lang_cfg,
                                                 &lang_gis };
#define SECTIONS (sizeof sections / sizeof sections[0])

const char *lang_text(enum lang l, enum text t)
{
    if (t < 0 || t >= TEXTS || l < 0 || l >= LANGS)
        return "?";
    for (size_t i = 0; i < SECTIONS; i++)
        if ((*sections[i])[t][l])
            return (*sections[i])[t][l];
    return "?";
}

int lang_definitions(enum text t)
{
    int n = 0;
    for (size_t i = 0; t >= 0 && t < TEXTS && i < SECTIONS; i++)
        n += (*sections[i])[t][LANG_EN] || (*sections[i])[t][LANG_ZH];
    return n;
}

enum lang lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *v = (lc_all && *lc_all) ? lc_all : (lc_messages && *lc_messages) ? lc_messages
                                                                                 : lang;
    return (v && !strncmp(v, "zh", 2)) ? LANG_ZH : LANG_EN;
}

int lang_parse(const char *word, enum lang *l)
{
    if (!strcmp(word, "en"))
        *l = LANG_EN;
    else if (!strcmp(word, "zh"))
        *l = LANG_ZH;
    else
        return -1;
    return 0;
}

const char *lang_tag(enum lang l)
{
    return l == LANG_ZH ? "zh-CN" : "en";
}

const char *lang_name(enum lang l, const char *en, const char *zh)
{
    return (l == LANG_ZH && zh && zh[0]) ? zh : en;
}

void lang_duration(enum lang l, double min, char *buf, size_t n)
{
    if (fmod(min, 60.0) == 0)
        snprintf(buf, n, lang_text(l, T_HOURS), min / 60);
    else
        snprintf(buf, n, lang_text(l, T_MINUTES), min);
}

const char *lang_cause(enum lang l, int i)
{
    return i >= 0 && i <= T_CAUSE_SLOWED - T_CAUSE_REPORT ? lang_text(l, T_CAUSE_REPORT + i) : "?";
}

const char *lang_verdict(enum lang l, int i)
{
    return i >= 0 && i <= T_VERDICT_INCONCLUSIVE - T_VERDICT_PASS
        ? lang_text(l, T_VERDICT_PASS + i) : "?";
}

const char *lang_road_class(enum lang l, int i)
{
    return i >= 0 && i <= T_ROAD_VILLAGE - T_ROAD_EXPRESSWAY
        ? lang_text(l, T_ROAD_EXPRESSWAY + i) : "?";
}

const char *lang_errno(enum lang l, int errnum)
{
    switch (errnum) {
    case ENOENT:  return lang_text(l, T_IO_ENOENT);
    case EACCES:
    case EPERM:   return lang_text(l, T_IO_EACCES);
    case ENOSPC:  return lang_text(l, T_IO_ENOSPC);
    case EROFS:   return lang_text(l, T_IO_EROFS);
    case ENOTDIR: return lang_text(l, T_IO_ENOTDIR);
    default:      return strerror(errnum);
    }
}
