/*
 * network_dir.h -- a network folder: nodes.csv and roads.csv, the one schema
 * that --export-network writes and a configuration's `network = "DIR";`
 * reads (config/README.md documents it; a GIS import writes the same).
 *
 *   nodes.csv  id,name,name_zh,kind,lon,lat
 *              kind: junction, seat, village or facility; lon, lat WGS-84
 *              degrees; name and name_zh may be empty (then the id, the name)
 *   roads.csv  from,to,km,class,minutes,name
 *              from, to: node ids (of the folder or the configuration); km > 0;
 *              class: expressway, national, provincial, county or village;
 *              minutes: free-flow minutes at the class speeds when written,
 *              not read back (the model derives them from km and the class,
 *              so that road_classes settings apply); name: the corridor's
 *              name, which hazard rules select by (may be empty)
 *
 * Fields are comma-separated, RFC 4180 quoting ("" inside quotes), one
 * record a line, the header line first, UTF-8.  An error names the file, the
 * line and the column (the field's number and name).  A folder of 10,000
 * lines or more also gets a binary cache of what it was read into
 * (network_cache.h), which a later run reads instead while the files are
 * unchanged.
 */
#ifndef SUPPLYSIM_NETWORK_DIR_H
#define SUPPLYSIM_NETWORK_DIR_H

#include <stddef.h>
#include "engine/lang.h"

#define NETWORK_NODES_FILE "nodes.csv"
#define NETWORK_ROADS_FILE "roads.csv"
#define NETWORK_NODES_HEADER "id,name,name_zh,kind,lon,lat"
#define NETWORK_ROADS_HEADER "from,to,km,class,minutes,name"

/* Bytes a run on one thread needs for a network of this many nodes and roads
 * whose nodes.csv holds `text` bytes: the definition, the searchable network,
 * the model's tables and the thread's road state and searches (fitted to
 * peaks measured on generated networks; network_dir.c says how). */
size_t network_need_bytes(long nodes, long roads, size_t text);

/* The most memory this process may use: the least of its address-space and
 * data limits (ulimit -v, ulimit -d) and the machine's physical memory. */
size_t network_memory_limit(void);

/* 0 when a network of this size fits in limit bytes; else -1 and, in err,
 * in language l, "DIR: a network of N nodes and M roads needs about X MB of memory to load
 * and run on one thread; this process may use at most Y MB (...)". */
int network_memory_check(enum lang l, const char *dir, long nodes, long roads, size_t text,
                         size_t limit, char *err, size_t errlen);

#endif
