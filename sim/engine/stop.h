/*
 * stop.h -- stopping a run on SIGINT or SIGTERM.  The handler only records
 * the signal; the worker pool and the command's main thread look at it
 * between replications and between output files, a replication every
 * 4,096 events and a GeoPackage every 4,096 features (on a large network
 * each runs for seconds); they remove what they had begun, and the command
 * exits 128 + the signal (130, 143).
 */
#ifndef SUPPLYSIM_STOP_H
#define SUPPLYSIM_STOP_H

/* Installs the handlers for SIGINT (unless the shell started us with it
 * ignored, as it does for a background job) and SIGTERM. */
void stop_on_signals(void);

/* The signal that asked the run to stop, or 0. */
int stop_requested(void);

#endif
