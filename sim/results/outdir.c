/*
 * outdir.c -- an output folder replaced whole (see outdir.h).
 *
 * The stage is a hidden sibling of the output folder, DIR/.NAME.tmp-PID@HOST:
 * a sibling, so that putting it in place is a rename within one file system;
 * hidden, so that a glob such as `shard-*` never takes it for an output.
 * The invariant: at every instant the output folder's name holds one run's
 * folder, whole (the previous run's until the exchange, this run's after), or,
 * on file systems without an atomic exchange, nothing for the instant between
 * two renames (see outdir_commit).  A run killed at any moment leaves at most
 * its stage (or, in the fallback, the previous folder under .NAME.old-PID@HOST);
 * the next run of the same host into the same folder finds them, sees that
 * their process is gone, and cleans them up.
 *
 * A folder is replaced only when it is missing, empty, or one supplysim
 * wrote: a run's (resolved.cfg and no subfolder) or a study's (study.dat and
 * no subfolder but variants/ and plans/), or a network folder import-network
 * wrote (SOURCE.txt and no subfolder), each of those files saying in its
 * first line that supplysim wrote it: `-o ~` or `-o out` must never delete
 * what a user keeps there, not even beside a file of one of those names.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "results/outdir.h"
#include "results/outfile.h"

/* ---- names --------------------------------------------------------------- */

static void host_name(char *buf, size_t len)
{
    if (gethostname(buf, len) < 0 || !buf[0])
        snprintf(buf, len, "%s", "host");
    buf[len - 1] = '\0';
}

/* final split into its parent folder and its name; -1 when it has no name. */
static int split(const char *final, char **parent, char **base)
{
    char *p = strdup(final);
    if (!p)
        return -1;
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    char *slash = strrchr(p, '/');
    const char *b = slash ? slash + 1 : p;
    if (!*b || !strcmp(b, ".") || !strcmp(b, "..")) {
        free(p);
        return -1;
    }
    *base = strdup(b);
    if (slash)
        slash[slash == p] = '\0';     /* "/x": the parent is "/" */
    *parent = strdup(slash ? p : ".");
    free(p);
    if (!*base || !*parent) {
        free(*base);
        free(*parent);
        return -1;
    }
    return 0;
}

static char *sibling(const char *parent, const char *base, const char *what, long pid,
                     const char *host)
{
    size_t n = strlen(parent) + strlen(base) + strlen(host) + 48;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/.%s.%s-%ld@%s", parent, base, what, pid, host);
    return p;
}

/* ---- removing a folder ---------------------------------------------------- */

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

/* rm -rf path, without following symbolic links: O(files). */
static void remove_tree(const char *path)
{
    nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- what killed runs left ------------------------------------------------ */

/* Is name ".BASE.WHAT-PID@HOST" of a process of this host that is gone? */
static int stale(const char *name, const char *base, const char *what, const char *host)
{
    size_t bl = strlen(base), wl = strlen(what);
    if (name[0] != '.' || strncmp(name + 1, base, bl) || name[1 + bl] != '.'
        || strncmp(name + 2 + bl, what, wl) || name[2 + bl + wl] != '-')
        return 0;
    char *end;
    long pid = strtol(name + 3 + bl + wl, &end, 10);
    if (pid <= 0 || *end != '@' || strcmp(end + 1, host))
        return 0;
    return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* Removes stages of gone runs; puts back a previous folder that a gone run
 * (in the fallback) had moved aside and not yet replaced. */
static void clean_stale(const char *parent, const char *base, const char *final,
                        const char *host)
{
    DIR *dir = opendir(parent);
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir))) {
        int tmp = stale(e->d_name, base, "tmp", host), old = stale(e->d_name, base, "old", host);
        if (!tmp && !old)
            continue;
        size_t n = strlen(parent) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (!path)
            break;
        snprintf(path, n, "%s/%s", parent, e->d_name);
        struct stat st;
        if (old && lstat(final, &st) < 0 && errno == ENOENT && rename(path, final) == 0) {
            free(path);
            continue;
        }
        remove_tree(path);
        free(path);
    }
    closedir(dir);
}

/* ---- may the folder be replaced? ----------------------------------------- */

/* A subfolder a study writes (variants/, plans/)? */
static int study_subfolder(const char *name)
{
    return !strcmp(name, "variants") || !strcmp(name, "plans");
}

/* Does the first line of file name (in the folder dirfd) say that supplysim
 * wrote it?  Every file that marks a folder as supplysim's does:
 * resolved.cfg's comment, study.dat's "supplysim-study", SOURCE.txt's first
 * sentence in either language.  A file that is not a regular one (a FIFO
 * would block the read) says nothing.  Reads at most 256 bytes. */
static int ours_by_first_line(int dirfd, const char *name)
{
    char buf[257];
    struct stat st;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return 0;
    ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf - 1) : -1;
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    return strstr(buf, "supplysim") != NULL;
}

/* 0 when final is missing, empty, or a folder supplysim wrote: with marker
 * NULL an output folder (a run's or a study's), else one holding marker and
 * no subfolder; else -2 with why (message `other`). */
static int replaceable(const char *final, const char *marker, enum text other, enum lang l,
                       char *err, size_t errlen)
{
    struct stat st;
    if (stat(final, &st) < 0)
        return 0;
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, lang_text(l, T_OUTDIR_FILE), final);
        return -2;
    }
    DIR *dir = opendir(final);
    if (!dir) {
        snprintf(err, errlen, lang_text(l, T_OUTDIR_READ), final, lang_errno(l, errno));
        return -2;
    }
    int any = 0, run = 0, study = 0, marked = 0, subfolder = 0, other_subfolder = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        any = 1;
        int named = !strcmp(e->d_name, "resolved.cfg") || !strcmp(e->d_name, "study.dat")
                    || (marker && !strcmp(e->d_name, marker));
        if (named && ours_by_first_line(dirfd(dir), e->d_name)) {
            run |= !strcmp(e->d_name, "resolved.cfg");
            study |= !strcmp(e->d_name, "study.dat");
            marked |= marker && !strcmp(e->d_name, marker);
        }
        if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
            subfolder = 1;
            other_subfolder |= !study_subfolder(e->d_name);
        }
    }
    closedir(dir);
    int ours = marker ? marked && !subfolder : (run && !subfolder) || (study && !other_subfolder);
    int sub = marker ? subfolder : other_subfolder || (run && subfolder);
    if (any && !ours) {
        snprintf(err, errlen, lang_text(l, other), final,
                 lang_text(l, sub ? T_OUTDIR_SUBFOLDERS : T_OUTDIR_OTHER_FILES));
        return -2;
    }
    return 0;
}

/* ---- the stage ------------------------------------------------------------- */

int outdir_begin(struct outdir *o, const char *final, enum lang l, char *err, size_t errlen)
{
    return outdir_begin_for(o, final, NULL, T_OUTDIR_OTHER, l, err, errlen);
}

int outdir_begin_for(struct outdir *o, const char *final, const char *marker, enum text other,
                     enum lang l, char *err, size_t errlen)
{
    char host[256], *parent = NULL, *base = NULL;
    memset(o, 0, sizeof *o);
    o->lang = l;
    host_name(host, sizeof host);
    char *real = NULL;
    struct stat st;
    if (lstat(final, &st) == 0 && S_ISLNK(st.st_mode))
        real = realpath(final, NULL);          /* a link to a folder: replace its target */
    if (split(real ? real : final, &parent, &base) < 0) {
        snprintf(err, errlen, lang_text(l, T_OUTDIR_NAME), final);
        free(real);
        return -2;
    }
    o->final = strdup(real ? real : final);
    free(real);
    int rc = o->final ? replaceable(o->final, marker, other, l, err, errlen) : -1;
    if (rc == 0 && out_mkdirs(parent, l, err, errlen) < 0)
        rc = -2;
    if (rc == 0) {
        clean_stale(parent, base, o->final, host);
        o->stage = sibling(parent, base, "tmp", (long)getpid(), host);
        if (!o->stage || mkdir(o->stage, 0777) < 0) {
            snprintf(err, errlen, lang_text(l, T_OUTDIR_STAGE), final,
                     o->stage ? lang_errno(l, errno) : lang_text(l, T_CMD_OUT_OF_MEMORY));
            rc = -2;
        }
    }
    if (rc < 0 && rc != -2)
        snprintf(err, errlen, "%s", lang_text(l, T_CMD_OUT_OF_MEMORY));
    if (rc < 0) {
        free(o->stage);
        free(o->final);
        o->stage = o->final = NULL;
    }
    free(parent);
    free(base);
    return rc;
}

/* Without renameat2's exchange (older kernels, some network file systems):
 * the previous folder is moved aside to .NAME.old-PID@HOST, the stage takes
 * its name, and the previous folder is removed.  What this guarantees: the
 * name never holds a mix of two runs, but between the two renames it holds
 * nothing; a run killed there leaves the previous folder whole under the
 * .old name, and the next run of this host puts it back. */
static int swap_by_two_renames(struct outdir *o, char *err, size_t errlen)
{
    char host[256], *parent = NULL, *base = NULL;
    host_name(host, sizeof host);
    if (split(o->final, &parent, &base) < 0)
        return -1;
    char *old = sibling(parent, base, "old", (long)getpid(), host);
    free(parent);
    free(base);
    int moved = old && rename(o->final, old) == 0;
    int rc = (old && (moved || errno == ENOENT)) ? rename(o->stage, o->final) : -1;
    if (rc < 0) {
        snprintf(err, errlen, lang_text(o->lang, T_OUTDIR_SWAP), o->final,
                 lang_errno(o->lang, errno));
        if (moved)
            rename(old, o->final);
    } else if (moved) {
        remove_tree(old);
    }
    free(old);
    return rc;
}

int outdir_commit(struct outdir *o, char *err, size_t errlen)
{
    int rc = renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->final, RENAME_NOREPLACE);
    if (rc < 0 && errno == EEXIST) {
        rc = renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->final, RENAME_EXCHANGE);
        if (rc == 0)
            remove_tree(o->stage);         /* the stage's name now holds the previous run */
    }
    if (rc < 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
        rc = swap_by_two_renames(o, err, errlen);
    else if (rc < 0)
        snprintf(err, errlen, lang_text(o->lang, T_OUTDIR_SWAP), o->final,
                 lang_errno(o->lang, errno));
    if (rc < 0)
        outdir_abort(o);
    free(o->stage);
    free(o->final);
    o->stage = o->final = NULL;
    return rc < 0 ? -1 : 0;
}

void outdir_abort(struct outdir *o)
{
    if (o->stage)
        remove_tree(o->stage);
    free(o->stage);
    free(o->final);
    o->stage = o->final = NULL;
}

int outdir_within(const char *a, const char *b)
{
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    size_t n = rb ? strlen(rb) : 0;
    int in = ra && rb && !strncmp(ra, rb, n) && (ra[n] == '\0' || ra[n] == '/' || n == 1);
    free(ra);
    free(rb);
    return in;
}
