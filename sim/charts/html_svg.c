/*
 * html_svg.c -- gnuplot's SVG charts written inline into a page (report.html
 * and the study reports): every id prefixed with the chart's name, so that
 * several charts in one page never share one, and each chart in a section
 * with its heading and how to read it.  See html_svg.h.
 */
#include <stdlib.h>
#include <string.h>
#include "charts/html_svg.h"
#include "engine/lang.h"

/* The attribute openings after which gnuplot's SVG names an id: 1 for a
 * definition, 2 for a reference; *n is the opening's length. */
static int id_at(const char *p, size_t *n)
{
    static const char *const pat[] = { " id='", " id=\"", "href='#", "href=\"#", "url(#" };
    for (size_t i = 0; i < sizeof pat / sizeof pat[0]; i++)
        if (!strncmp(p, pat[i], strlen(pat[i]))) {
            *n = strlen(pat[i]);
            return i < 2 ? 1 : 2;
        }
    return 0;
}

/* The ids defined so far, to tell a repeated one (gnuplot repeats
 * gnuplot_plot_N, which nothing refers to) from the first. */
struct seen { const char **id; size_t *len; int n, cap; };

/* How many times id (len bytes) was defined before; -1 when out of memory. */
static int times_seen(struct seen *sn, const char *id, size_t len)
{
    int times = 0;
    for (int i = 0; i < sn->n; i++)
        times += sn->len[i] == len && !memcmp(sn->id[i], id, len);
    if (sn->n == sn->cap) {
        int cap = sn->cap ? 2 * sn->cap : 64;
        const char **ids = realloc(sn->id, (size_t)cap * sizeof *ids);
        if (ids)
            sn->id = ids;
        size_t *lens = ids ? realloc(sn->len, (size_t)cap * sizeof *lens) : NULL;
        if (!lens)
            return -1;
        sn->len = lens;
        sn->cap = cap;
    }
    sn->id[sn->n] = id;
    sn->len[sn->n++] = len;
    return times;
}

int html_svg(FILE *f, const char *svg, const char *prefix)
{
    const char *p = strstr(svg, "<svg");
    struct seen sn = { NULL, NULL, 0, 0 };
    int rc = p ? 0 : -1;
    while (p && *p) {
        size_t n;
        int kind = id_at(p, &n);
        if (!kind) {
            fputc(*p++, f);
            continue;
        }
        fwrite(p, 1, n, f);
        fprintf(f, "%s-", prefix);
        p += n;
        if (kind == 1) {   /* a definition: the id up to its quote, numbered when repeated */
            size_t len = strcspn(p, "'\"");
            int times = times_seen(&sn, p, len);
            if (times < 0) {
                rc = -2;
                break;
            }
            fwrite(p, 1, len, f);
            if (times)
                fprintf(f, "-%d", times + 1);
            p += len;
        }
    }
    free(sn.id);
    free(sn.len);
    return rc;
}

/* The whole of dir/name.svg, NUL-terminated; NULL with a message. */
static char *read_svg(const char *dir, const char *name, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.svg", dir, name);
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long len = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)len + 1)) && fread(buf, 1, (size_t)len, f) == (size_t)len) {
        buf[len] = '\0';
        fclose(f);
        return buf;
    }
    snprintf(err, errlen, "%s: cannot read the chart for report.html", path);
    free(buf);
    if (f)
        fclose(f);
    return NULL;
}

int html_chart(FILE *f, const char *dir, const char *name, const char *heading,
               const char *how, int drawn, enum lang lang, char *err, size_t errlen)
{
    fprintf(f, "<section class=\"chart\" id=\"%s\">\n<h2>%s</h2>\n<p class=\"how\">%s</p>\n",
            name, heading, how);
    if (!drawn) {
        fprintf(f, "<p class=\"note\">");
        fprintf(f, lang_text(lang, T_HTML_CHART_FAILED), name);
        fprintf(f, "</p>\n</section>\n");
        return 0;
    }
    char *svg = read_svg(dir, name, err, errlen);
    if (!svg)
        return -1;
    fprintf(f, "<figure>\n");
    int rc = html_svg(f, svg, name);
    free(svg);
    if (rc < 0) {
        snprintf(err, errlen, "%s/%s.svg: %s", dir, name,
                 rc == -1 ? "not an SVG image" : "out of memory");
        return -1;
    }
    fprintf(f, "</figure>\n</section>\n");
    return 0;
}
