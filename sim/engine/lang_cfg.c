/*
 * lang_cfg.c -- a section of the language table (lang.h): the messages of
 * the configuration module (sim/config/), each "expected ..., found ..."
 * after the "FILE:LINE: SETTING:" that config/ puts in front.
 */
#include "engine/lang_table.h"

lang_section lang_cfg = {
    [T_CMD_OUT_OF_MEMORY] = { NULL, NULL },
};
