/*
 * lang_table.h -- the sections of the language table, for lang.c and the
 * files that hold them (engine only; everyone else calls lang_text).  A
 * section is indexed by every text id and holds only its own texts, the
 * others NULL; lang.c looks a text up in each section in turn.
 */
#ifndef SUPPLYSIM_LANG_TABLE_H
#define SUPPLYSIM_LANG_TABLE_H

#include "engine/lang.h"

typedef const char *const lang_section[TEXTS][LANGS];

extern lang_section lang_out;   /* lang_out.c: the run's text output and --check */
extern lang_section lang_cmd;   /* lang_cmd.c: help, the command line's messages */
extern lang_section lang_cfg;   /* lang_cfg.c: configuration errors */
extern lang_section lang_gis;   /* lang_gis.c: import-network, GeoPackages */

#endif
