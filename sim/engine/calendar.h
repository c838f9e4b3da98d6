/*
 * calendar.h -- the event calendar of one replication: a binary min-heap of
 * events ordered by (time, insertion sequence), so that events at the same
 * time come out in the order they were scheduled, on every run and every
 * machine.  The heap array is itself the pool of events: one block that grows
 * by doubling, so scheduling allocates only when it is full (measured faster
 * than a separate pool with a heap of indices; see calendar.c).
 */
#ifndef SUPPLYSIM_CALENDAR_H
#define SUPPLYSIM_CALENDAR_H

#include <stdint.h>

struct event {
    double time;        /* minutes since onset */
    uint64_t seq;       /* insertion sequence: the tie-breaker */
    int type;           /* what happens (the model's enum) */
    int a, b;           /* the model's arguments, e.g. a shipment and a node */
};

struct calendar;

struct calendar *cal_create(int initial_capacity);
void cal_free(struct calendar *c);
/* Empties the calendar (keeps its memory) and restarts the sequence at 0. */
void cal_reset(struct calendar *c);

/* Schedules an event; 0, or -1 if the pool cannot grow. O(log n). */
int cal_schedule(struct calendar *c, double time, int type, int a, int b);

/* Removes the earliest event into *e; 0, or -1 if the calendar is empty. O(log n). */
int cal_pop(struct calendar *c, struct event *e);

int cal_size(const struct calendar *c);
/* Time of the earliest event, INFINITY if none. */
double cal_peek_time(const struct calendar *c);

#endif
