/*
 * text.h -- small string helpers that several layers need and the C library
 * lacks.  Each works in place on a caller's buffer and allocates nothing.
 */
#ifndef SUPPLYSIM_TEXT_H
#define SUPPLYSIM_TEXT_H

/* s without its leading and trailing white space: the trailing is cut off
 * in place (s must be writable), the result points into s. */
char *text_trim(char *s);

#endif
