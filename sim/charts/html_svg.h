/*
 * html_svg.h -- a chart's SVG inline in a page, in a section of its own
 * (html_svg.c).
 */
#ifndef SUPPLYSIM_HTML_SVG_H
#define SUPPLYSIM_HTML_SVG_H

#include <stddef.h>
#include <stdio.h>
#include "engine/lang.h"

/* A chart's section: its heading, how to read it (texts of the language
 * table, written as they are), and dir/name.svg inline when drawn (else a
 * note); 0, or -1 with a message. */
int html_chart(FILE *f, const char *dir, const char *name, const char *heading,
               const char *how, int drawn, enum lang lang, char *err, size_t errlen);

/* Writes the SVG document svg inline: from its <svg tag on (no XML
 * prolog), every id and reference to one prefixed with prefix, so that
 * several charts in one page never share an id, and an id defined again
 * numbered (-2, -3, ...).  0; -1 when svg holds no <svg tag; -2 when out of
 * memory. */
int html_svg(FILE *f, const char *svg, const char *prefix);

#endif
