/*
 * network_cache.h -- a network folder as read, kept beside it in a binary
 * file (NETWORK_CACHE_FILE) so that the next run need not parse the CSV
 * again: a million nodes and two million roads parse in some 0.6 s, and are
 * copied back from the cache in a tenth of that (network_cache.c).
 *
 * The cache is tied to the contents of nodes.csv and roads.csv: it holds a
 * hash (engine/hash.h) and the size of each, and is used only when both match the files as
 * they are (so an edited file is read again, whatever its date says).  It
 * also holds a hash of its own contents, is written to a temporary file and
 * renamed into place, and is only ever an aid: one that is missing, stale,
 * damaged or from another version of the format is passed over and the
 * files are parsed, and one that cannot be written is not written.
 */
#ifndef SUPPLYSIM_NETWORK_CACHE_H
#define SUPPLYSIM_NETWORK_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define NETWORK_CACHE_FILE ".supplysim-cache"

/* A folder's nodes and roads as parsed.  A node's strings are offsets into
 * text (nodes.csv with its fields cut: quotes removed, each field ended by a
 * NUL); a road's ends are folder nodes (0 .. n_nodes-1) or, -1 - k, the k-th
 * end given as an id the folder does not hold (a node of the configuration),
 * ext_line[k] its line in roads.csv and names + ext_id[k] the id; a road's
 * name is names + name_at[road_name]. */
struct net_image {
    uint64_t key[4];          /* hash and size of nodes.csv, of roads.csv */
    long n_nodes, n_roads, n_names, n_ext;
    char *text; size_t text_len;
    uint32_t *id, *name, *name_zh; int32_t *line; double *lon, *lat; uint8_t *kind;
    int32_t *from, *to, *road_name; double *km; uint8_t *cls;
    char *names; size_t names_len; uint32_t *name_at;
    int32_t *ext_line; uint32_t *ext_id;
};

/* The arrays of an image of this many nodes, roads, names and ends, text
 * and names of these lengths, allocated (key and sizes set); -1 when out
 * of memory (what was allocated is freed by net_image_free). */
int net_image_alloc(struct net_image *im, long nodes, long roads, long names, long ext,
                    size_t text_len, size_t names_len);
void net_image_free(struct net_image *im);

/* dir/name, a file in or beside a network folder, with a '/' between them
 * unless dir ends with one (malloc'd); NULL when out of memory. */
char *network_path(const char *dir, const char *name);

/* Reads the cache in dir into im if it is there, whole, of this format and
 * for these keys, and every index and offset in it is in range: 0; else -1
 * (im freed and zeroed).  O(its size). */
int net_cache_read(const char *dir, const uint64_t key[4], struct net_image *im);

/* Writes im as the cache in dir (a temporary file renamed into place); 0,
 * or -1 (nothing left behind) when it cannot. */
int net_cache_write(const char *dir, const struct net_image *im);

/* A block of size bytes kept beside a network folder as dir/name, tied to
 * key (a hash of what its maker made it from; the landmarks' minutes for
 * one network, model/model.c): read into memory of its own (malloc'd, the
 * caller's to free) when the file is there, whole, of this format, key and
 * size, and its own hash holds; else NULL.  Nothing is allocated before the
 * file's header has matched.  Written as the cache is; 0, or -1 when it
 * cannot be. */
void *net_cache_blob_read(const char *dir, const char *name, uint64_t key, size_t size);
int net_cache_blob_write(const char *dir, const char *name, uint64_t key, const void *buf,
                         size_t size);

#endif
