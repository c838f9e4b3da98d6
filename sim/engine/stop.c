/*
 * stop.c -- the one piece of process-wide mutable state: the signal that
 * asked the run to stop.  A signal handler can reach nothing but a global,
 * so it lives here, written only by the handler (a lock-free atomic store,
 * async-signal-safe in C11) and read by everyone else.
 */
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include "engine/stop.h"

static atomic_int stop_signal;

static void on_signal(int sig)
{
    atomic_store(&stop_signal, sig);
}

static void catch(int sig, int unless_ignored)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (unless_ignored && sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return;
    sigaction(sig, &sa, NULL);
}

void stop_on_signals(void)
{
    catch(SIGINT, 1);
    catch(SIGTERM, 0);
}

int stop_requested(void)
{
    return atomic_load(&stop_signal);
}
