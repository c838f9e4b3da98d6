/*
 * outfile.c -- output files are written to "NAME.tmp.PID" beside their final
 * name and renamed into place only when every byte has been written and the
 * file closed without error: a reader never sees half a file, and a failed
 * run leaves the previous file (if any) untouched.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "results/outfile.h"

int out_mkdirs(const char *dir, enum lang l, char *err, size_t errlen)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0777) < 0 && errno != EEXIST) {
                snprintf(err, errlen, lang_text(l, T_IO_MKDIR), buf, lang_errno(l, errno));
                return -1;
            }
            *p = c;
            if (!c)
                return 0;
        }
    }
}

static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

int out_open(struct outfile *o, const char *dir, const char *name, enum lang l, char *err,
             size_t errlen)
{
    char suffix[32], path[4096];
    o->lang = l;
    snprintf(suffix, sizeof suffix, ".tmp.%ld", (long)getpid());
    o->final = join(dir, name, "");
    o->tmp = join(dir, name, suffix);
    o->f = (o->final && o->tmp) ? fopen(o->tmp, "w") : NULL;
    if (!o->f) {
        snprintf(path, sizeof path, "%s/%s", dir, name);
        snprintf(err, errlen, lang_text(l, T_IO_WRITE), path,
                 o->tmp ? lang_errno(l, errno) : lang_text(l, T_CMD_OUT_OF_MEMORY));
        free(o->final);
        free(o->tmp);
        o->final = o->tmp = NULL;
        return -1;
    }
    return 0;
}

int out_commit(struct outfile *o, char *err, size_t errlen)
{
    int bad = ferror(o->f);
    bad |= fclose(o->f) != 0;
    o->f = NULL;
    if (bad || rename(o->tmp, o->final) < 0) {
        snprintf(err, errlen, lang_text(o->lang, T_IO_WRITE), o->final,
                 lang_errno(o->lang, errno ? errno : EIO));
        out_abort(o);
        return -1;
    }
    free(o->tmp);
    free(o->final);
    o->tmp = o->final = NULL;
    return 0;
}

int out_run_time(enum lang l, time_t *t, int *fixed, char *err, size_t errlen)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    *fixed = epoch && *epoch;
    if (*fixed) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(epoch, &end, 10);
        if (*end || errno || epoch[0] == '-' || (time_t)v < 0 || (unsigned long long)(time_t)v != v) {
            snprintf(err, errlen, lang_text(l, T_BRIEF_BAD_EPOCH), epoch);
            return -1;
        }
        *t = (time_t)v;
        return 0;
    }
    if ((*t = time(NULL)) == (time_t)-1) {
        snprintf(err, errlen, "%s", lang_text(l, T_BRIEF_NO_CLOCK));
        return -1;
    }
    return 0;
}

void out_abort(struct outfile *o)
{
    if (o->f)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->final);
    o->f = NULL;
    o->tmp = o->final = NULL;
}

/* Decodes one UTF-8 sequence; returns its code point and advances *s. */
static unsigned next_cp(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned cp = *p++;
    int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
    cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
    while (extra-- > 0 && (*p & 0xC0) == 0x80)
        cp = (cp << 6) | (*p++ & 0x3F);
    *s = p;
    return cp;
}

int text_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned cp = next_cp(&p);
        /* wide: CJK radicals to Yi, Hangul, CJK compatibility, full-width forms */
        w += ((cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
              || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60)) ? 2 : 1;
    }
    return w;
}

void text_pad(FILE *f, const char *s, int width)
{
    fputs(s, f);
    for (int w = text_width(s); w < width; w++)
        fputc(' ', f);
}

void text_pad_left(FILE *f, const char *s, int width)
{
    for (int w = text_width(s); w < width; w++)
        fputc(' ', f);
    fputs(s, f);
}

void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void csv_double(FILE *f, double v)
{
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, f);
}

void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}
