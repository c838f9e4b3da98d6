/*
 * landmark_store.h -- the landmarks' cache beside a network folder, as the
 * commands hand it to the model (model/model.h: struct landmark_store).
 */
#ifndef SUPPLYSIM_LANDMARK_STORE_H
#define SUPPLYSIM_LANDMARK_STORE_H

#include "model/model.h"

#define LANDMARKS_CACHE_FILE ".supplysim-landmarks"

/* A store that reads LANDMARKS_CACHE_FILE in d's network folder and, if
 * keep, writes it: one file, the last network's (config/network_cache.h: a
 * block tied to its key, checked by its own hash, written to a temporary
 * file renamed into place); with no folder, none (every member NULL).  A
 * study keeps only its baseline's: its variants read them when their
 * network is the baseline's and make their own otherwise, so that a study
 * of hundreds of variants that change the roads does not write hundreds of
 * files of 64 MB (a million nodes).  d must outlive it. */
struct landmark_store landmark_store_for(const struct definition *d, int keep);

#endif
