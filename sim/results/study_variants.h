/*
 * study_variants.h -- a study's variants as scenario files,
 * DIR/variants/NAME.cfg (study_variants.c): each reruns its row with
 * `supplysim -n N -s S`.
 */
#ifndef SUPPLYSIM_RESULTS_STUDY_VARIANTS_H
#define SUPPLYSIM_RESULTS_STUDY_VARIANTS_H

#include <stddef.h>
#include "engine/lang.h"
#include "results/study.h"

/* The file name of variant v ("16_trucks.cfg"): its name with what a file
 * name should not hold made '_', and "-V" added when an earlier variant
 * already has that name. */
void study_variant_file(const struct study *s, int v, char *buf, size_t n);

/* Writes dir/variants/NAME.cfg for every variant, each based on its own
 * file or on scenario; 0, or -1 with a message. */
int study_write_variants(const char *dir, const struct study *s, const char *scenario,
                         const char *version, enum lang l, char *err, size_t errlen);

/* Writes dir/sub/NAME.cfg for the variants which[0..n) (all in order when
 * which is NULL); 0, or -1 with a message. */
int study_write_some(const char *dir, const char *sub, const struct study *s, const int *which,
                     int n, const char *scenario, const char *version, enum lang l, char *err,
                     size_t errlen);

/* The scenario variant v of the study in dir builds on, read from its
 * variant file's base line, as a path from here; 0, or -1 with a message. */
int study_variant_base(const char *dir, const struct study *s, int v, char *path, size_t n,
                       enum lang l, char *err, size_t errlen);

#endif
