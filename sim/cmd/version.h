/* version.h -- the program's version, printed by --version and written into outputs. */
#ifndef SUPPLYSIM_VERSION_H
#define SUPPLYSIM_VERSION_H
#define SUPPLYSIM_VERSION "0.1.0"
#endif
