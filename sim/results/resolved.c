/*
 * resolved.c -- resolved.cfg (see resolved.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "results/outfile.h"
#include "results/resolved.h"

static struct run_override *slot(struct run_overrides *ov, const char *name)
{
    for (int i = 0; i < ov->n; i++)
        if (!strcmp(ov->v[i].name, name))
            return &ov->v[i];
    return ov->n < RUN_OVERRIDES_MAX ? &ov->v[ov->n++] : NULL;
}

void overrides_int(struct run_overrides *ov, const char *name, long long v)
{
    struct run_override *o = slot(ov, name);
    if (o)
        *o = (struct run_override){ name, 0, v, 0 };
}

void overrides_float(struct run_overrides *ov, const char *name, double x)
{
    struct run_override *o = slot(ov, name);
    if (o)
        *o = (struct run_override){ name, 1, 0, x };
}

int resolved_text(const char *version, const struct cfg *c, const struct run_overrides *ov,
                  char **text, size_t *len, enum lang l, char *err, size_t errlen)
{
    *text = NULL;
    FILE *f = open_memstream(text, len);
    if (!f) {
        snprintf(err, errlen, "resolved.cfg: %s", lang_text(l, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    fprintf(f, "# resolved.cfg -- written by supplysim %s: the whole configuration of this\n"
            "# run after its base, `set` lists and -D overrides; `supplysim resolved.cfg`\n"
            "# reproduces the run exactly.\n", version);
    int bad = cfg_write_resolved(c, ov ? ov->v : NULL, ov ? ov->n : 0, f) < 0;
    bad |= ferror(f) != 0;
    if (fclose(f) != 0 || bad) {
        free(*text);
        *text = NULL;
        snprintf(err, errlen, "%s", lang_text(l, T_IO_RESOLVED));
        return -1;
    }
    return 0;
}

int resolved_write(const char *dir, const char *text, size_t len, enum lang l, char *err,
                   size_t errlen)
{
    struct outfile o;
    if (out_open(&o, dir, "resolved.cfg", l, err, errlen) < 0)
        return -1;
    fwrite(text, 1, len, o.f);
    return out_commit(&o, err, errlen);
}
