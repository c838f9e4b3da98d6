/*
 * landmark_store.c -- the landmarks' cache beside a network folder
 * (landmark_store.h): what the model asks for, read from and written to
 * config/network_cache.h's blocks.  A file that is missing, stale or
 * damaged, or cannot be written, is no error: the landmarks are then made.
 */
#include "cmd/landmark_store.h"
#include "config/network_cache.h"

static double *load(void *ctx, uint64_t key, size_t size)
{
    return net_cache_blob_read(ctx, LANDMARKS_CACHE_FILE, key, size);
}

static void keep(void *ctx, uint64_t key, const double *mark, size_t size)
{
    (void)net_cache_blob_write(ctx, LANDMARKS_CACHE_FILE, key, mark, size);
}

struct landmark_store landmark_store_for(const struct definition *d, int keeps)
{
    if (!d->network_dir)
        return (struct landmark_store){ NULL, NULL, NULL };
    return (struct landmark_store){ load, keeps ? keep : NULL, d->network_dir };
}
