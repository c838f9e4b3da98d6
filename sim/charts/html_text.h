/*
 * html_text.h -- HTML escaping, the one helper every page of supplysim
 * (report.html, its brief, a study's report.html) writes its words through.
 */
#ifndef SUPPLYSIM_HTML_TEXT_H
#define SUPPLYSIM_HTML_TEXT_H

#include <stdio.h>

/* Writes s with &, <, >, " and ' escaped for HTML text and attributes. */
void html_text(FILE *f, const char *s);

#endif
