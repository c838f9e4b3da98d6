/*
 * suggest.c -- "did you mean ...?": the name nearest to a mistyped one
 * among those that exist, by the optimal-string-alignment distance
 * (Damerau-Levenshtein where no substring is edited twice: insertions,
 * deletions, substitutions and transpositions of neighbours each cost 1;
 * ASCII letters compared without case).  A name is suggested only when it
 * is near enough to be a slip of the fingers: at most 1 edit for words of
 * up to 4 characters, 2 up to 8, 3 beyond.  O(len_a x len_b) per pair.
 * Also what to say of a file that cannot be read: why, and the file of its
 * folder whose name is nearest.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config/internal.h"

#define MAX_WORD 128

static int lower(int c) { return tolower((unsigned char)c); }

int cfg_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n >= MAX_WORD || m >= MAX_WORD)
        return MAX_WORD;
    int d[3][MAX_WORD];        /* rows i - 2, i - 1, i of the table, by i mod 3 */
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int *cur = d[i % 3], *prev = d[(i - 1) % 3], *prev2 = d[(i + 1) % 3];
        cur[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cost = lower(a[i - 1]) != lower(b[j - 1]);
            int v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (prev[j - 1] + cost < v)
                v = prev[j - 1] + cost;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2])
                && lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
        }
    }
    return d[n % 3][m];
}

const char *cfg_nearest(const char *word, const char *const *names, int n)
{
    size_t len = strlen(word);
    int allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3, best = allowed + 1;
    const char *pick = NULL;
    for (int i = 0; i < n; i++) {
        if (!names[i] || !strcmp(names[i], word))
            continue;
        int dist = cfg_distance(word, names[i]);
        if (dist < best) {
            best = dist;
            pick = names[i];
        }
    }
    return pick;
}

/* " (did you mean DIR/NAME?)" for the entry of path's folder nearest to its
 * file name, into buf; "" when none is near.  DIR is the folder as `shown`
 * (the path as the user wrote it) names it.  O(entries). */
void cfg_nearest_file(enum lang l, const char *path, const char *shown, char *buf, size_t len)
{
    const char *slash = strrchr(path, '/');
    char dir[1024];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path)
        snprintf(dir, sizeof dir, "/");
    buf[0] = '\0';
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    const char *want = slash ? slash + 1 : path, *pick = NULL;
    char best[256] = "";
    int best_d = -1;
    for (struct dirent *e; (e = readdir(dp));) {
        const char *one[1] = { e->d_name };
        if (e->d_name[0] == '.' || !cfg_nearest(want, one, 1))
            continue;
        int dist = cfg_distance(want, e->d_name);
        if (best_d < 0 || dist < best_d || (dist == best_d && strcmp(e->d_name, best) < 0)) {
            best_d = dist;                 /* the smallest distance, then the first by name */
            snprintf(best, sizeof best, "%s", e->d_name);
            pick = best;
        }
    }
    closedir(dp);
    if (pick) {
        char near[1400];
        const char *shown_slash = strrchr(shown, '/');
        snprintf(near, sizeof near, "%.*s%s", shown_slash ? (int)(shown_slash - shown + 1) : 0,
                 shown, pick);
        snprintf(buf, len, lang_text(l, T_CFG_DID_YOU_MEAN), near);
    }
}

/* Why path cannot be read as a file, in words (errno from its fopen, 0
 * when it opened). */
const char *cfg_unreadable(enum lang l, const char *path, int errnum)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return lang_text(l, T_CFG_EISDIR);
    if (errnum == ENOENT || errnum == ENOTDIR)
        return lang_text(l, T_CFG_ENOENT);
    if (errnum == EACCES)
        return lang_text(l, T_CFG_EACCES);
    return strerror(errnum);
}
