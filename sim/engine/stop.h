/*
 * stop.h -- stopping a run on SIGINT or SIGTERM.  The handler only records
 * the signal; the worker pool and the command's main thread look at it
 * between replications and between output files, remove what they had
 * begun, and the command exits 128 + the signal (130, 143).
 */
#ifndef SUPPLYSIM_STOP_H
#define SUPPLYSIM_STOP_H

/* Installs the handlers for SIGINT (unless the shell started us with it
 * ignored, as it does for a background job) and SIGTERM. */
void stop_on_signals(void);

/* The signal that asked the run to stop, or 0. */
int stop_requested(void);

#endif
