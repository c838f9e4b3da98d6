/*
 * html_text.c -- HTML escaping (html_text.h).  Below the pages that use it
 * (html.c, brief.c, study_html.c), so that none of them calls another for
 * it.  Invariant: every byte of s is written, the five characters HTML
 * gives a meaning as their entities and every other byte as it is (UTF-8
 * passes through whole).  O(length of s).
 */
#include "charts/html_text.h"

void html_text(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
}
