/*
 * outdir.h -- an output folder replaced whole: a run writes every file into
 * a hidden sibling folder (the stage) and puts it in place of the output
 * folder in one step at the end, so the folder is always one run (or one
 * study), whole: the previous one's or this one's, never a mix of the two.
 */
#ifndef SUPPLYSIM_OUTDIR_H
#define SUPPLYSIM_OUTDIR_H

#include <stddef.h>
#include "engine/lang.h"

struct outdir {
    char *final;      /* the output folder as the user named it */
    char *stage;      /* DIR/.NAME.tmp-PID@HOST, where the files are written */
    enum lang lang;   /* of its messages */
};

/* Checks that final may be replaced (missing, empty, or an output folder
 * supplysim wrote: a run's, resolved.cfg and no subfolder; a study's,
 * study.dat and no subfolder but variants/ and plans/), removes the stages and old
 * folders that killed runs of this host left beside it, creates its parent
 * folders and the stage.  0; -2 when final may not be replaced (bad usage,
 * message in err); -1 when the stage cannot be made (message in err). */
int outdir_begin(struct outdir *o, const char *final, enum lang l, char *err, size_t errlen);

/* The same for a folder another command writes, recognised by its file
 * `marker` (import-network: SOURCE.txt) and no subfolder instead of a run's
 * or a study's files (marker NULL: outdir_begin's); `other` is the message
 * when final may not be replaced ("-o %s: ... found %s"). */
int outdir_begin_for(struct outdir *o, const char *final, const char *marker, enum text other,
                     enum lang l, char *err, size_t errlen);

/* Puts the stage in place of the final folder in one step and removes the
 * previous folder.  0, or -1 with a message (the previous folder is then
 * whole and the stage removed). */
int outdir_commit(struct outdir *o, char *err, size_t errlen);

/* Removes the stage and everything in it; the final folder is untouched. */
void outdir_abort(struct outdir *o);

/* Is folder a the same as folder b, or inside it?  (Both must exist.) */
int outdir_within(const char *a, const char *b);

#endif
