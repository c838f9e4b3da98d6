/*
 * lang_gis.c -- a section of the language table (lang.h): what GIS files
 * bring -- `supplysim import-network`'s help, messages, summary and
 * SOURCE.txt; writing GeoPackages.  A message names the file (and layer,
 * field) and says what was expected and what was found, as the
 * configuration's do.
 */
#include "engine/lang_table.h"

lang_section lang_gis = {
    [T_HELP_IMPORT] = {
        "usage: supplysim import-network [options] -o NETDIR ROADS_FILE\n"
        "Makes a network folder (NETDIR/nodes.csv, roads.csv and SOURCE.txt, the schema that\n"
        "network = \"NETDIR\"; reads) from a road layer in any format GDAL reads: an OpenStreetMap\n"
        "extract (.osm, .pbf), a GeoPackage, Shapefile, GeoJSON, FlatGeobuf ...  Lines that share a\n"
        "point meet there; the largest connected piece is kept; chains of points are merged into\n"
        "roads whose km is the length of the line.  One-way streets are taken as two-way.\n"
        "  -o, --out NETDIR        the folder to write (replaced whole)\n"
        "      --layer NAME        the layer of roads (default: lines for OpenStreetMap, else the\n"
        "                          file's one layer of lines)\n"
        "      --class-field NAME  the road class (default: highway when there is one, else class)\n"
        "      --class-map FILE    a CSV of rows value,class overriding the default table (class:\n"
        "                          expressway, national, provincial, county, village or drop)\n"
        "      --name-field NAME   the road's name, which damage rules select by (default: ref,\n"
        "                          then name)\n"
        "      --speed-field NAME  km/h for the minutes column (informational; default: none)\n"
        "      --bbox LON0,LAT0,LON1,LAT1   keep what lies in this box (WGS-84 degrees)\n"
        "      --clip FILE         keep what lies in these polygons (the county's outline)\n"
        "      --snap METRES       points this close are one (default 0: equal to 7 decimals)\n"
        "      --lang en|zh        language of the messages and SOURCE.txt\n"
        "  -q, --quiet             no summary\n"
        "Exit status: 0 written; 1 failed while writing; 2 bad usage or input (nothing written).\n",
        "用法：supplysim import-network [选项] -o 路网文件夹 道路文件\n"
        "由 GDAL 能读取的任何格式的道路图层生成路网文件夹（路网文件夹/nodes.csv、roads.csv 和\n"
        "SOURCE.txt，即 network = \"路网文件夹\"; 所读的格式）：OpenStreetMap 数据（.osm、.pbf）、\n"
        "GeoPackage、Shapefile、GeoJSON、FlatGeobuf 等。共用一个点的线在该点相交；保留最大的连通\n"
        "部分；连续的点链合并为一条道路，其公里数为线的长度。单行道按双向处理。\n"
        "  -o, --out 路网文件夹    要写出的文件夹（整体替换）\n"
        "      --layer 名称        道路图层（默认：OpenStreetMap 数据为 lines，否则为文件中唯一的\n"
        "                          线图层）\n"
        "      --class-field 名称  道路等级字段（默认：有 highway 时为 highway，否则为 class）\n"
        "      --class-map 文件    CSV 文件，每行 value,class，覆盖默认对照表（class 为 expressway、\n"
        "                          national、provincial、county、village 或 drop）\n"
        "      --name-field 名称   道路名称字段，灾害规则按名称选取道路（默认：先 ref 后 name）\n"
        "      --speed-field 名称  用于 minutes 列的时速（公里/小时，仅供参考；默认无）\n"
        "      --bbox LON0,LAT0,LON1,LAT1   只保留该范围内的部分（WGS-84 度）\n"
        "      --clip 文件         只保留这些多边形（县界）内的部分\n"
        "      --snap 米           相距不超过此值的点视为同一点（默认 0：小数点后 7 位相同）\n"
        "      --lang en|zh        提示信息和 SOURCE.txt 的语言\n"
        "  -q, --quiet             不打印摘要\n"
        "退出状态：0 已写出；1 写出时出错；2 用法或输入有误（不写出任何文件）。\n" },
    /* ---- the command line */
    [T_GIS_NO_FILE] = { "expected a file of roads (ROADS_FILE)", "缺少道路文件（道路文件）" },
    [T_GIS_NO_OUT] = { "expected -o NETDIR, the network folder to write",
                       "缺少 -o 路网文件夹，即要写出的路网文件夹" },
    [T_GIS_BAD_BBOX] = {
        "--bbox: expected LON0,LAT0,LON1,LAT1 in degrees, LON0 < LON1 and LAT0 < LAT1, found \"%s\"",
        "--bbox：应为 LON0,LAT0,LON1,LAT1（度），且 LON0 < LON1、LAT0 < LAT1，实为“%s”" },
    [T_GIS_BAD_SNAP] = { "--snap: expected metres from 0 to 100, found \"%s\"",
                         "--snap：应为 0 到 100 之间的米数，实为“%s”" },
    [T_GIS_OUT_OTHER] = {
        "-o %s: expected a new or empty folder or a network folder import-network wrote "
        "(SOURCE.txt and no subfolder), found %s; the folder is replaced whole, so name another",
        "-o %s：应为新的或空的文件夹，或 import-network 写出的路网文件夹（含 SOURCE.txt 且无子"
        "文件夹），实为%s；该文件夹会被整体替换，请另选一个" },
    /* ---- reading the file */
    [T_GIS_CANNOT_OPEN] = { "%s: cannot be opened: %s", "%s：无法打开：%s" },
    [T_GIS_UNREADABLE] = {
        "%s: expected a GIS file GDAL reads (OpenStreetMap .osm or .pbf, GeoPackage, Shapefile, "
        "GeoJSON, FlatGeobuf, CSV with WKT ...), found a file of no format it knows",
        "%s：应为 GDAL 能读取的 GIS 文件（OpenStreetMap .osm 或 .pbf、GeoPackage、Shapefile、"
        "GeoJSON、FlatGeobuf、含 WKT 的 CSV 等），实为其无法识别的格式" },
    [T_GIS_NO_LINE_LAYER] = {
        "%s: expected a layer of lines (the roads), found none among its layers: %s",
        "%s：应有一个线图层（道路），但其图层中没有：%s" },
    [T_GIS_MANY_LAYERS] = {
        "%s: expected one layer of lines, found several: %s; name the roads' with --layer",
        "%s：应只有一个线图层，实有多个：%s；请用 --layer 指定道路图层" },
    [T_GIS_NO_LAYER] = { "%s: --layer %s: no such layer; its layers: %s",
                         "%s：--layer %s：没有该图层；其图层为：%s" },
    [T_GIS_NOT_LINES] = { "%s: --layer %s: expected a layer of lines (the roads); its layers: %s",
                          "%s：--layer %s：应为线图层（道路）；其图层为：%s" },
    [T_GIS_NO_FIELD] = {
        "%s: layer %s: expected a field %s, found the fields %s; name another with --class-field, "
        "--name-field or --speed-field",
        "%s：图层 %s：应有字段 %s，实有字段 %s；请用 --class-field、--name-field 或 "
        "--speed-field 指定其他字段" },
    [T_GIS_NO_SRS] = {
        "%s: layer %s: expected a coordinate system, found none and coordinates that are not "
        "degrees (x from %g to %g, y from %g to %g); give it one (ogr2ogr -a_srs EPSG:...)",
        "%s：图层 %s：应有坐标系，实际没有，且坐标不是度（x 从 %g 到 %g，y 从 %g 到 %g）；请为其"
        "指定坐标系（ogr2ogr -a_srs EPSG:...）" },
    [T_GIS_TRANSFORM] = {
        "%s: its coordinates cannot be transformed to WGS-84 longitude and latitude: %s",
        "%s：其坐标无法转换为 WGS-84 经纬度：%s" },
    [T_GIS_NO_POLYGON] = { "--clip %s: expected polygons (the county's outline), found none",
                           "--clip %s：应含多边形（县界），实际没有" },
    /* ---- classes */
    [T_GIS_MAP_UNREADABLE] = {
        "--class-map %s: expected a CSV file of rows value,class, found a file that cannot be "
        "read as one",
        "--class-map %s：应为每行 value,class 的 CSV 文件，实为无法按 CSV 读取的文件" },
    [T_GIS_MAP_COLUMNS] = { "--class-map %s: expected the columns value,class",
                            "--class-map %s：应有 value,class 两列" },
    [T_GIS_MAP_CLASS] = {
        "%s:%ld: class: expected one of expressway, national, provincial, county, village, drop, "
        "found \"%s\"",
        "%s:%ld：class：应为 expressway、national、provincial、county、village、drop 之一，"
        "实为“%s”" },
    [T_GIS_UNKNOWN_CLASSES] = {
        "%s: layer %s: field %s: expected values with a road class, found %d without one: %s; "
        "give each a class with --class-map FILE.csv (rows value,class; class expressway, "
        "national, provincial, county, village or drop)",
        "%s：图层 %s：字段 %s：每个取值都应对应道路等级，实有 %d 个取值没有对应：%s；请用 "
        "--class-map 文件.csv 为其指定等级（每行 value,class；class 为 expressway、national、"
        "provincial、county、village 或 drop）" },
    [T_GIS_UNKNOWN_VALUE] = { "%s\"%s\" (%ld lines, %.1f km)", "%s“%s”（%ld 条线，%.1f 公里）" },
    [T_GIS_UNKNOWN_MORE] = { " and %d more", " 等，另有 %d 个" },
    [T_GIS_EMPTY_AREA] = {
        "%s: layer %s: expected roads inside the area (--bbox, --clip), found none of its %ld "
        "features, which span longitude %.4f to %.4f and latitude %.4f to %.4f",
        "%s：图层 %s：范围（--bbox、--clip）内应有道路，但其 %ld 个要素中没有，这些要素分布在"
        "经度 %.4f 至 %.4f、纬度 %.4f 至 %.4f" },
    [T_GIS_EMPTY] = { "%s: layer %s: expected roads of a class kept, found none among its %ld features",
                      "%s：图层 %s：应有保留等级的道路，但其 %ld 个要素中没有" },
    /* ---- the summary (stdout) */
    [T_GIS_SUM_READ] = { "%s: layer %s (%s): %ld features\n", "%s：图层 %s（%s）：%ld 个要素\n" },
    [T_GIS_SUM_KEPT] = {
        "  roads kept: %ld lines (%.1f km); dropped by class (footways ...): %ld lines "
        "(%.1f km); not roads: %ld; outside the area: %ld\n",
        "  保留的道路：%ld 条线（%.1f 公里）；按等级舍去（步行道等）：%ld 条线（%.1f 公里）；"
        "非道路：%ld；范围外：%ld\n" },
    [T_GIS_SUM_NETWORK] = { "%s: %d nodes, %d roads, %.1f km:\n",
                            "%s：%d 个节点，%d 条道路，%.1f 公里：\n" },
    [T_GIS_SUM_CLASS_KM] = { "%s%s %.1f km", "%s%s %.1f 公里" },
    [T_GIS_SUM_DROPPED] = {
        "  not joined to the largest piece, dropped: %ld pieces, %ld segments, %.1f km\n",
        "  未与最大连通部分相连而舍去：%ld 个部分，%ld 段，%.1f 公里\n" },
    [T_GIS_SUM_ONEWAY] = {
        "  one-way streets taken as two-way (relief convoys may use either direction): %ld "
        "(%.1f km)\n",
        "  按双向处理的单行道（救灾车队可双向通行）：%ld 条（%.1f 公里）\n" },
    [T_GIS_SUM_WGS84] = {
        "  layer %s names no coordinate system: its coordinates taken as WGS-84 degrees\n",
        "  图层 %s 未注明坐标系：其坐标按 WGS-84 经纬度处理\n" },
    /* ---- SOURCE.txt */
    [T_GIS_SOURCE] = {
        "This network folder was made by supplysim %s (import-network).\n"
        "Source: %s (last changed %s), layer %s (read by GDAL's %s driver), road class from "
        "the field %s.\n"
        "Command: %s\n"
        "It holds %d nodes and %d roads, %.1f km; %ld pieces not joined to the largest were "
        "dropped (%.1f km).\n"
        "One-way streets are two-way here: relief convoys may use either direction.\n\n",
        "本路网文件夹由 supplysim %s（import-network）生成。\n"
        "来源：%s（最后修改于 %s），图层 %s（由 GDAL 的 %s 驱动读取），道路等级取自字段 %s。\n"
        "命令：%s\n"
        "共 %d 个节点、%d 条道路、%.1f 公里；舍去了 %ld 个未与最大连通部分相连的部分"
        "（%.1f 公里）。\n"
        "单行道在此按双向处理：救灾车队可双向通行。\n\n" },
    [T_GIS_LICENCE_OSM] = {
        "Licence: contains OpenStreetMap data, (c) OpenStreetMap contributors, available under the "
        "Open Database License (ODbL) 1.0 (https://www.openstreetmap.org/copyright).  This folder "
        "is a derivative database: whoever shares it must share it under the ODbL and keep this "
        "attribution.\n",
        "许可：包含 OpenStreetMap 数据，(c) OpenStreetMap 贡献者，依开放数据库许可协议（ODbL）1.0 "
        "提供（https://www.openstreetmap.org/copyright）。本文件夹属于衍生数据库：分享时须以 "
        "ODbL 分享并保留本署名。\n" },
    [T_GIS_LICENCE_OTHER] = {
        "Licence: that of the source data, set by its publisher; check it before sharing this "
        "folder.\n",
        "许可：以源数据发布者规定的许可为准；分享本文件夹前请先核实。\n" },
    /* ---- places put on the network (config/snap.c; --check) */
    [T_CFG_SNAP_NONE] = { "expected a node with a road to stand on, found no road in the network",
                          "应有一个连有道路的节点可以落脚，但路网中没有道路" },
    [T_CFG_SNAP_FAR] = {
        "stands %.2f km from the nearest node of the network (%s at %.5f, %.5f); expected at most "
        "%g km (assumptions.snap_max_km): is the network folder clipped to the county, or is a "
        "coordinate wrong?",
        "距路网最近的节点 %.2f 公里（%s，位于 %.5f, %.5f）；应不超过 %g 公里"
        "（assumptions.snap_max_km）：路网文件夹是否按本县裁剪？坐标是否有误？" },
    [T_CFG_FAC_NODE_BOTH] = { "expected either node or lon and lat, found both",
                              "应给出 node 或 lon 与 lat 之一，实际两者都有" },
    [T_CHK_SNAPS_H] = { "Put on the network's nearest node (%d places; farther than %g km marked):",
                        "落在路网最近节点上的地点（%d 处；超过 %g 公里的已标出）：" },
    [T_CHK_COL_PLACE] = { "place", "地点" },
    [T_CHK_COL_NODE] = { "node", "节点" },
    [T_CHK_SNAP_SEAT] = { "%s (seat)", "%s（驻地）" },
    [T_CHK_SNAP_FACILITY] = { "%s (store)", "%s（储备库点）" },
    [T_CHK_SNAP_FAR] = { "farther than %g km", "超过 %g 公里" },
    [T_CHK_WARN_SNAP] = {
        "%s: warning: %s put on node %s, %.2f km away (more than assumptions.snap_warn_km, %g km)",
        "%s：警告：%s 落在节点 %s 上，相距 %.2f 公里（超过 assumptions.snap_warn_km，%g 公里）" },
    /* ---- GeoPackages */
    [T_GIS_WRITE] = { "%s: the GeoPackage could not be written: %s", "%s：无法写出 GeoPackage：%s" },
};
