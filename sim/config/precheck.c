/*
 * precheck.c -- what a configuration file must pass before libconfig reads
 * it, because libconfig itself would not say:
 *   - its size: at most CFG_MAX_FILE_BYTES (libconfig's tree takes about ten
 *     times the file; 64 MiB is a network of several hundred thousand nodes);
 *   - its lines: at most CFG_MAX_LINE_BYTES each (libconfig's scanner takes
 *     time quadratic in the length of one token, a comment or a string: an
 *     8 MB line took 38 s);
 *   - its integer literals: libconfig 1.5 silently wraps a decimal or hex
 *     integer outside 32 bits written without L (4294967297 reads as 1), and
 *     one outside 64 bits with L; each is an error here, naming the setting.
 * Files named by @include are checked the same way.  One pass over the
 * bytes: O(file size).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config/internal.h"

#define MAX_DEPTH 64          /* nesting of groups and lists the path keeps */
#define MAX_INCLUDES 10       /* libconfig's own limit on nested @include */

/* The setting being read, as a path: a name per group level, [i] per list. */
struct scan {
    const char *file;
    const char *setting;      /* a -D value's setting, or NULL in a file */
    int line;
    char name[128];           /* the last name before '=' or ':' */
    struct { char name[128]; int list, index; } lvl[MAX_DEPTH];
    int depth;
    enum lang lang;           /* of the messages */
};

static void path_of(const struct scan *sc, char *buf, size_t len)
{
    snprintf(buf, len, "%s", sc->setting ? sc->setting : "");
    for (int i = 0; i < sc->depth && i < MAX_DEPTH; i++) {
        size_t n = strlen(buf);
        if (sc->lvl[i].list)
            snprintf(buf + n, len - n, "%s[%d]", n ? "." : "", sc->lvl[i].index);
        else if (sc->lvl[i].name[0])
            snprintf(buf + n, len - n, "%s%s", n ? "." : "", sc->lvl[i].name);
    }
    size_t n = strlen(buf);
    if (sc->name[0])
        snprintf(buf + n, len - n, "%s%s", n ? "." : "", sc->name);
}

static void open_level(struct scan *sc, int list)
{
    if (sc->depth < MAX_DEPTH) {
        snprintf(sc->lvl[sc->depth].name, sizeof sc->lvl[0].name, "%s", sc->name);
        sc->lvl[sc->depth].list = list;
        sc->lvl[sc->depth].index = 0;
    }
    sc->depth++;
    sc->name[0] = '\0';
}

static void close_level(struct scan *sc)
{
    if (sc->depth > 0)
        sc->depth--;
    sc->name[0] = '\0';
}

/* An integer token at p (n bytes, without its L): does libconfig keep it? */
static int integer_fits(const char *p, size_t n, int wide)
{
    char buf[64];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, p, n);
    buf[n] = '\0';
    int hex = strchr(buf, 'x') || strchr(buf, 'X');
    errno = 0;
    if (hex) {
        unsigned long long v = strtoull(buf, NULL, 16);
        return !errno && v <= (wide ? (unsigned long long)LLONG_MAX : (unsigned long long)INT_MAX);
    }
    long long v = strtoll(buf, NULL, 10);
    return !errno && (wide || (v >= INT_MIN && v <= INT_MAX));
}

/* A number starting at s[i]; returns the index after it, or -1 with an
 * error when it is an integer libconfig would wrap. */
static long number(struct scan *sc, const char *s, long i, long end, char *err, size_t errlen)
{
    long start = i;
    if (s[i] == '-' || s[i] == '+')
        i++;
    int hex = s[i] == '0' && i + 1 < end && (s[i + 1] == 'x' || s[i + 1] == 'X');
    if (hex)
        i += 2;
    while (i < end && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i])))
        i++;
    if (!hex && i < end && (s[i] == '.' || s[i] == 'e' || s[i] == 'E')) {   /* a float */
        while (i < end && (isdigit((unsigned char)s[i]) || strchr(".eE+-", s[i])))
            i++;
        return i;
    }
    size_t len = (size_t)(i - start);
    int wide = i < end && s[i] == 'L';
    if (!integer_fits(s + start, len, wide)) {
        char path[512];
        path_of(sc, path, sizeof path);
        snprintf(err, errlen, lang_text(sc->lang, T_CFG_PRE_WRAP), sc->file, sc->line,
                 path[0] ? path : "(integer)", INT_MIN, INT_MAX, (int)(len > 40 ? 40 : len),
                 s + start, wide ? "L" : "");
        return -1;
    }
    while (i < end && s[i] == 'L')
        i++;
    return i;
}

static int check_text(struct scan *sc, const char *s, long end, int depth, char *err,
                      size_t errlen);

/* @include "FILE": the file, relative to the including file's folder. */
static long include(struct scan *sc, const char *s, long i, long end, int depth, char *err,
                    size_t errlen)
{
    long q = i + 8;
    while (q < end && (s[q] == ' ' || s[q] == '\t'))
        q++;
    if (q >= end || s[q] != '"')
        return q;
    long close = q + 1;
    while (close < end && s[close] != '"' && s[close] != '\n')
        close++;
    char rel[1024];
    snprintf(rel, sizeof rel, "%.*s", (int)(close - q - 1), s + q + 1);
    const char *slash = strrchr(sc->file, '/');
    int dl = (rel[0] == '/' || !slash) ? 0 : (int)(slash - sc->file + 1);
    char path[2048];
    snprintf(path, sizeof path, "%.*s%s", dl, sc->file, rel);
    if (depth >= MAX_INCLUDES) {
        snprintf(err, errlen, lang_text(sc->lang, T_CFG_PRE_INCLUDES), sc->file, sc->line,
                 MAX_INCLUDES);
        return -1;
    }
    if (access(path, R_OK) < 0)      /* libconfig says what is wrong with it */
        return close;
    return cfg_precheck(path, depth + 1, sc->lang, err, errlen) < 0 ? -1 : close;
}

/* Skips a comment or a string at s[i]; returns the index after it. */
static long skip(struct scan *sc, const char *s, long i, long end)
{
    if (s[i] == '#' || (s[i] == '/' && i + 1 < end && s[i + 1] == '/')) {
        while (i < end && s[i] != '\n')
            i++;
        return i;
    }
    if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
        for (i += 2; i < end && !(s[i] == '*' && i + 1 < end && s[i + 1] == '/'); i++)
            sc->line += s[i] == '\n';
        return i + 2;
    }
    for (i++; i < end && s[i] != '"'; i++) {      /* a string */
        if (s[i] == '\\' && i + 1 < end)
            i++;
        sc->line += s[i] == '\n';
    }
    return i + 1;
}

/* The tokens that matter: names, numbers, brackets, separators. */
static int check_text(struct scan *scp, const char *s, long end, int depth, char *err,
                      size_t errlen)
{
    struct scan sc = *scp;
    char last[128] = "";
    for (long i = 0; i < end;) {
        char ch = s[i];
        if (ch == '\n') {
            sc.line++;
            i++;
        } else if (ch == '#' || ch == '"' || (ch == '/' && i + 1 < end && (s[i + 1] == '/' || s[i + 1] == '*'))) {
            int at = sc.line;
            i = skip(&sc, s, i, end);
            if (i > end) {       /* libconfig would leak its string buffer, and say less */
                snprintf(err, errlen, lang_text(sc.lang, T_CFG_PRE_UNCLOSED), sc.file, at,
                         lang_text(sc.lang, ch == '"' ? T_CFG_PRE_STRING : T_CFG_PRE_COMMENT));
                return -1;
            }
        } else if (ch == '@' && !strncmp(s + i, "@include", 8)) {
            i = include(&sc, s, i, end, depth, err, errlen);
        } else if (isalpha((unsigned char)ch) || ch == '*') {
            long st = i;
            while (i < end && (isalnum((unsigned char)s[i]) || strchr("-_*", s[i])))
                i++;
            snprintf(last, sizeof last, "%.*s", (int)(i - st > 120 ? 120 : i - st), s + st);
        } else if (isdigit((unsigned char)ch) || ((ch == '-' || ch == '+') && i + 1 < end
                                                  && isdigit((unsigned char)s[i + 1]))) {
            i = number(&sc, s, i, end, err, errlen);
        } else {
            if (ch == '=' || ch == ':')
                snprintf(sc.name, sizeof sc.name, "%s", last);
            else if (ch == '{' || ch == '(' || ch == '[')
                open_level(&sc, ch != '{');
            else if (ch == '}' || ch == ')' || ch == ']')
                close_level(&sc);
            else if (ch == ',' && sc.depth > 0 && sc.depth <= MAX_DEPTH && sc.lvl[sc.depth - 1].list)
                sc.lvl[sc.depth - 1].index++;
            else if (ch == ';' || ch == ',')
                sc.name[0] = '\0';
            i++;
        }
        if (i < 0)
            return -1;
    }
    return 0;
}

/* Longest line, and where it starts. */
static long longest_line(const char *s, long n, int *at)
{
    long best = 0, start = 0;
    int line = 1;
    *at = 1;
    for (long i = 0; i <= n; i++)
        if (i == n || s[i] == '\n') {
            if (i - start > best) {
                best = i - start;
                *at = line;
            }
            start = i + 1;
            line++;
        }
    return best;
}

int cfg_precheck(const char *path, int depth, enum lang l, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, lang_text(l, T_CFG_NO_FILE), path, cfg_unreadable(l, path, errno),
                 "");
        return -1;
    }
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    if (n < 0 || fseek(f, 0, SEEK_SET) != 0) {
        snprintf(err, errlen, lang_text(l, T_CFG_PRE_REGULAR), path);
        fclose(f);
        return -1;
    }
    if (n > CFG_MAX_FILE_BYTES) {
        snprintf(err, errlen, lang_text(l, T_CFG_PRE_SIZE), path, CFG_MAX_FILE_BYTES >> 20,
                 n / 1048576.0);
        fclose(f);
        return -1;
    }
    char *s = malloc((size_t)n + 1);
    int rc = -1;
    if (!s)
        snprintf(err, errlen, "%s: %s", path, lang_text(l, T_CMD_OUT_OF_MEMORY));
    else if (fread(s, 1, (size_t)n, f) != (size_t)n)
        snprintf(err, errlen, lang_text(l, T_CFG_NO_FILE), path, lang_text(l, T_CFG_READ_ERROR),
                 "");
    else {
        int at;
        long longest = longest_line(s, n, &at);
        if (longest > CFG_MAX_LINE_BYTES)
            snprintf(err, errlen, lang_text(l, T_CFG_PRE_LINE), path, at, CFG_MAX_LINE_BYTES,
                     longest);
        else {
            struct scan sc = { .file = path, .line = 1, .lang = l };
            rc = check_text(&sc, s, n, depth, err, errlen);
        }
    }
    free(s);
    fclose(f);
    return rc;
}

int cfg_precheck_value(const char *file, int line, const char *path, const char *text,
                       enum lang l, char *err, size_t errlen)
{
    struct scan sc = { .file = file, .setting = path, .line = line, .lang = l };
    return check_text(&sc, text, (long)strlen(text), MAX_INCLUDES, err, errlen);
}
