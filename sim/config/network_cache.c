/*
 * network_cache.c -- the binary cache of a parsed network folder
 * (network_cache.h says when it is used), and the blocks kept beside it
 * (the landmarks' minutes): their format, read and written.
 *
 * The cache: a header (magic, format version, a marker of the byte order,
 * the keys, the counts and lengths, a hash of everything after it), then
 * each array of struct net_image in a fixed order, as the machine holds it.
 * A block: the same stamp (magic, version, marker), its key, its size and
 * its hash, then its bytes.  A file from a machine of the other byte order,
 * or of another format version, fails the stamp and is passed over.
 *
 * Invariant of an image read: every offset lies inside its block, each
 * block of strings ends with a NUL, every id is a string of at least one
 * byte, every index is in range, no road joins a node to itself, and every
 * number is one the CSV reader accepts (network_dir.c): what a file that
 * passes its own hash but was made by something else could break, the
 * folder reader would not.
 */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "config/definition.h"
#include "config/network_cache.h"
#include "config/network_dir.h"
#include "engine/hash.h"

/* Raised whenever what the folder reader parses a file into changes (a
 * field read, a number's parsing, the order of enum node_kind or enum
 * road_class, struct net_image): a cache of another version is passed
 * over.  The counts of kinds and classes are folded in as well. */
#define CACHE_VERSION 1u
#define CACHE_FORMAT (CACHE_VERSION << 16 | (uint32_t)NODE_KINDS << 8 | (uint32_t)ROAD_CLASSES)
#define CACHE_MARKER 0x01020304u
#define NET_MAGIC "SSNETC\0"      /* with the NUL the literal ends with: 8 bytes */
#define BLOB_MAGIC "SSBLOB\0"

/* What every cache file begins with. */
struct stamp { char magic[8]; uint32_t version, marker; };

struct header {
    struct stamp stamp;
    uint64_t key[4];
    int64_t n_nodes, n_roads, n_names, n_ext;
    uint64_t text_len, names_len, check;
};

/* One array of the image: where its pointer is, its element's bytes, its
 * count.  The one list of the arrays, in the file's order: allocating,
 * freeing, hashing, reading and writing all go through it. */
struct section { void **at; size_t size, n; };

enum { SECTIONS = 17 };

static void sections(struct net_image *im, struct section s[SECTIONS])
{
    size_t v = (size_t)im->n_nodes, e = (size_t)im->n_roads;
    struct section all[SECTIONS] = {
        { (void **)&im->text, 1, im->text_len },
        { (void **)&im->id, 4, v }, { (void **)&im->name, 4, v }, { (void **)&im->name_zh, 4, v },
        { (void **)&im->line, 4, v }, { (void **)&im->lon, 8, v }, { (void **)&im->lat, 8, v },
        { (void **)&im->kind, 1, v },
        { (void **)&im->from, 4, e }, { (void **)&im->to, 4, e }, { (void **)&im->road_name, 4, e },
        { (void **)&im->km, 8, e }, { (void **)&im->cls, 1, e },
        { (void **)&im->names, 1, im->names_len }, { (void **)&im->name_at, 4, (size_t)im->n_names },
        { (void **)&im->ext_line, 4, (size_t)im->n_ext }, { (void **)&im->ext_id, 4, (size_t)im->n_ext },
    };
    memcpy(s, all, sizeof all);
}

/* ---- the image ----------------------------------------------------------- */

int net_image_alloc(struct net_image *im, long nodes, long roads, long names, long ext,
                    size_t text_len, size_t names_len)
{
    im->n_nodes = nodes, im->n_roads = roads, im->n_names = names, im->n_ext = ext;
    im->text_len = text_len, im->names_len = names_len;
    struct section s[SECTIONS];
    sections(im, s);
    for (int k = 0; k < SECTIONS; k++)
        if (!(*s[k].at = malloc(s[k].size * s[k].n + 1)))   /* + 1: never 0 bytes */
            return -1;
    return 0;
}

void net_image_free(struct net_image *im)
{
    struct section s[SECTIONS];
    sections(im, s);
    for (int k = 0; k < SECTIONS; k++)
        free(*s[k].at);
    memset(im, 0, sizeof *im);
}

char *network_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    char *p = malloc(dl + strlen(name) + 2);
    if (p)
        sprintf(p, "%s%s%s", dir, dl && dir[dl - 1] != '/' ? "/" : "", name);
    return p;
}

static uint64_t check_of(struct net_image *im)
{
    struct section s[SECTIONS];
    uint64_t h = CACHE_FORMAT;
    sections(im, s);
    for (int k = 0; k < SECTIONS; k++)
        h = hash_mix(h, hash_bytes(*s[k].at, s[k].size * s[k].n));
    return h;
}

/* offsets[0..n) inside a block of len bytes that ends with a NUL */
static int inside(const uint32_t *off, long n, size_t len, const char *block)
{
    if (len == 0 || block[len - 1] != '\0')
        return n == 0;
    for (long i = 0; i < n; i++)
        if (off[i] >= len)
            return 0;
    return 1;
}

/* Every index and number in range (see the top). */
static int sound(const struct net_image *im)
{
    if (!inside(im->id, im->n_nodes, im->text_len, im->text)
        || !inside(im->name, im->n_nodes, im->text_len, im->text)
        || !inside(im->name_zh, im->n_nodes, im->text_len, im->text)
        || !inside(im->name_at, im->n_names, im->names_len, im->names)
        || !inside(im->ext_id, im->n_ext, im->names_len, im->names))
        return 0;
    for (long i = 0; i < im->n_nodes; i++)
        if (im->kind[i] >= NODE_KINDS || im->line[i] < 2 || !(fabs(im->lon[i]) <= 180)
            || !(fabs(im->lat[i]) <= 90) || im->text[im->id[i]] == '\0')
            return 0;
    for (long i = 0; i < im->n_roads; i++)
        if (im->from[i] < -im->n_ext || im->from[i] >= im->n_nodes || im->to[i] < -im->n_ext
            || im->to[i] >= im->n_nodes || im->road_name[i] < 0 || im->road_name[i] >= im->n_names
            || im->cls[i] >= ROAD_CLASSES || !(im->km[i] > 0 && isfinite(im->km[i]))
            || (im->from[i] == im->to[i] && im->from[i] >= 0))
            return 0;
    for (long k = 0; k < im->n_ext; k++)
        if (im->ext_line[k] < 2 || im->names[im->ext_id[k]] == '\0')
            return 0;
    return 1;
}

/* The header's counts, if they describe a file of `size` bytes. */
static int fits(const struct header *h, long long size)
{
    const int64_t big = 1ll << 40;
    if (h->n_nodes < 0 || h->n_roads < 0 || h->n_names < 0 || h->n_ext < 0 || h->n_nodes > INT32_MAX
        || h->n_roads > INT32_MAX || h->n_names > INT32_MAX || h->n_ext > INT32_MAX
        || h->text_len > (uint64_t)big || h->names_len > (uint64_t)big)
        return 0;
    struct net_image counts = { .n_nodes = (long)h->n_nodes, .n_roads = (long)h->n_roads,
                                .n_names = (long)h->n_names, .n_ext = (long)h->n_ext,
                                .text_len = (size_t)h->text_len, .names_len = (size_t)h->names_len };
    struct section s[SECTIONS];
    uint64_t want = sizeof *h;
    sections(&counts, s);
    for (int k = 0; k < SECTIONS; k++)
        want += (uint64_t)s[k].size * s[k].n;
    return want == (uint64_t)size;
}

/* dir/name opened and its header (head_size bytes, a stamp first) read,
 * the stamp's magic, format version and byte order checked; its size in
 * *size.  NULL when any of that fails. */
static FILE *open_cache_file(const char *dir, const char *name, const char *magic, void *head,
                             size_t head_size, long long *size)
{
    struct stat st;
    const struct stamp *s = head;
    char *path = network_path(dir, name);
    int fd = path ? open(path, O_RDONLY | O_NONBLOCK) : -1;   /* a fifo there: no wait */
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    free(path);
    if (fd >= 0 && !f)
        close(fd);
    if (f && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && fread(head, head_size, 1, f) == 1
        && !memcmp(s->magic, magic, sizeof s->magic) && s->version == CACHE_FORMAT
        && s->marker == CACHE_MARKER) {
        *size = (long long)st.st_size;
        return f;
    }
    if (f)
        fclose(f);
    return NULL;
}

int net_cache_read(const char *dir, const uint64_t key[4], struct net_image *im)
{
    struct header h;
    long long size = 0;
    FILE *f = open_cache_file(dir, NETWORK_CACHE_FILE, NET_MAGIC, &h, sizeof h, &size);
    int ok = f && !memcmp(h.key, key, sizeof h.key) && fits(&h, size);
    memset(im, 0, sizeof *im);
    if (ok)
        ok = net_image_alloc(im, (long)h.n_nodes, (long)h.n_roads, (long)h.n_names, (long)h.n_ext,
                             (size_t)h.text_len, (size_t)h.names_len) == 0;
    struct section s[SECTIONS];
    sections(im, s);
    for (int k = 0; ok && k < SECTIONS; k++)
        ok = fread(*s[k].at, s[k].size, s[k].n, f) == s[k].n;
    ok = ok && check_of(im) == h.check && sound(im);
    if (ok)
        memcpy(im->key, key, sizeof im->key);
    else
        net_image_free(im);
    if (f)
        fclose(f);
    return ok ? 0 : -1;
}

/* The permissions of the folder's nodes.csv (read and write bits), for
 * the files beside it: as private as the network itself. */
static mode_t mode_of(const char *dir)
{
    struct stat st;
    char *path = network_path(dir, NETWORK_NODES_FILE);
    mode_t mode = path && stat(path, &st) == 0 ? st.st_mode & 0666 : 0600;
    free(path);
    return mode;
}

/* Removes dir/name's temporary files (name.tmp.XXXXXX) an hour old or
 * more: left by a run killed while it wrote, since writing one takes a
 * second at most.  One being written now is younger, and stays. */
static void sweep_leftovers(const char *dir, const char *name)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t len = strlen(name);
    time_t now = time(NULL);
    while (d && (e = readdir(d)) != NULL) {
        struct stat st;
        char *path;
        if (strncmp(e->d_name, name, len) || strncmp(e->d_name + len, ".tmp.", 5)
            || !(path = network_path(dir, e->d_name)))
            continue;
        if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime >= 3600)
            remove(path);
        free(path);
    }
    if (d)
        closedir(d);
}

/* Writes head (head_size bytes) and then the sections as dir/name, through a
 * temporary file of its own renamed into place, and removes what killed
 * runs left of such files; 0, or -1 (nothing left behind) when it cannot. */
static int put(const char *dir, const char *name, const void *head, size_t head_size,
               const struct section *s, int n)
{
    sweep_leftovers(dir, name);
    static const char suffix[] = ".tmp.XXXXXX";
    char *path = network_path(dir, name), *tmp = NULL;
    size_t len = path ? strlen(path) : 0;
    if (path && (tmp = malloc(len + sizeof suffix))) {
        memcpy(tmp, path, len);
        memcpy(tmp + len, suffix, sizeof suffix);
    }
    int fd = tmp ? mkstemp(tmp) : -1;          /* a name of its own, whoever else writes */
    FILE *f = fd >= 0 && fchmod(fd, mode_of(dir)) == 0 ? fdopen(fd, "wb") : NULL;
    int ok = f && fwrite(head, head_size, 1, f) == 1;
    for (int k = 0; ok && k < n; k++)
        ok = fwrite(*s[k].at, s[k].size, s[k].n, f) == s[k].n;
    if (f ? fclose(f) != 0 : fd >= 0 && close(fd) != 0)
        ok = 0;
    if (fd >= 0 && (!ok || rename(tmp, path) != 0)) {
        remove(tmp);
        ok = 0;
    }
    free(path);
    free(tmp);
    return ok ? 0 : -1;
}

int net_cache_write(const char *dir, const struct net_image *image)
{
    struct net_image *im = (struct net_image *)image;   /* sections() takes no const */
    struct header h = { { NET_MAGIC, CACHE_FORMAT, CACHE_MARKER }, { 0 }, im->n_nodes,
                        im->n_roads, im->n_names, im->n_ext, im->text_len, im->names_len,
                        check_of(im) };
    struct section s[SECTIONS];
    memcpy(h.key, im->key, sizeof h.key);
    sections(im, s);
    return put(dir, NETWORK_CACHE_FILE, &h, sizeof h, s, SECTIONS);
}

/* ---- blocks ---------------------------------------------------------------- */

struct blob_header { struct stamp stamp; uint64_t key, size, check; };

void *net_cache_blob_read(const char *dir, const char *name, uint64_t key, size_t size)
{
    struct blob_header h;
    long long bytes = 0;
    FILE *f = open_cache_file(dir, name, BLOB_MAGIC, &h, sizeof h, &bytes);
    void *buf = f && h.key == key && h.size == size && (uint64_t)bytes == sizeof h + size
                ? malloc(size + 1) : NULL;
    if (buf && !(fread(buf, 1, size, f) == size && hash_bytes(buf, size) == h.check)) {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

int net_cache_blob_write(const char *dir, const char *name, uint64_t key, const void *buf,
                         size_t size)
{
    struct blob_header h = { { BLOB_MAGIC, CACHE_FORMAT, CACHE_MARKER }, key, size,
                             hash_bytes(buf, size) };
    void *bytes = (void *)buf;
    struct section s = { &bytes, 1, size };
    return put(dir, name, &h, sizeof h, &s, 1);
}
