/*
 * config_int.h -- what the two halves of the configuration module share:
 * config.c (files, merging, overrides, error locations) and config_read.c
 * (the tree read into a struct def).  Not for use outside config*.c.
 */
#ifndef SUPPLYSIM_CONFIG_INT_H
#define SUPPLYSIM_CONFIG_INT_H

#include <libconfig.h>
#include "config.h"

/* Where a merged setting came from, when it is not where libconfig says
 * (settings copied from a scenario, values set by -D). */
struct origin { const config_setting_t *s; const char *file; int line; };

struct cfg {
    config_t **files;    /* every file read, kept for their line numbers */
    int n_files;
    config_t *root;      /* the merged tree: files[0] after merging */
    char *path;          /* the file the user named */
    struct origin *origins;
    int n_origins, cap_origins;
};

/* Source file and line of a setting in the merged tree. */
void cfg_where(const struct cfg *c, const config_setting_t *s, const char **file, int *line);

/* The setting's path as -D accepts it, e.g. "facilities.central.floor_m2". */
void cfg_path(const config_setting_t *s, char *buf, size_t len);

/* Writes "FILE:LINE: PATH[.member]: message" into err. */
void cfg_error(const struct cfg *c, const config_setting_t *s, const char *member,
               char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
