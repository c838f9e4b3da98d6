/*
 * compare.c -- `supplysim compare SCENARIO.cfg [VARIANT.cfg...]
 * [--variant 'NAME: PATH=VALUE; PATH=VALUE']...`: options side by side,
 * each run on the same replications as the baseline (the scenario as it
 * is), with its own promise kept and the paired difference from the
 * baseline.  A VARIANT.cfg is a scenario of its own (usually `base =` the
 * scenario plus its changes), named by its file name; a --variant is the
 * scenario with those settings, as -D would set them.
 */
#include <string.h>
#include "cmd/study_cmd.h"
#include "engine/text.h"

#define MAX_VSETS 64

/* 'NAME: PATH=VALUE; PATH=VALUE' into the study; 0, -2, -1. */
static int add_defined(struct study *s, const struct opts *o, const struct definition *base,
                       const char *def, char *err, size_t errlen)
{
    char buf[4096];
    const char *sets[MAX_VSETS];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", def);
    char *colon = strchr(buf, ':');
    if (!colon || colon == buf) {
        snprintf(err, errlen, lang_text(o->lang, T_CMP_NO_COLON), def);
        return -2;
    }
    *colon = '\0';
    char *name = text_trim(buf), *save = NULL;
    for (char *p = strtok_r(colon + 1, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
        p = text_trim(p);
        if (*p && n < MAX_VSETS)
            sets[n++] = p;
    }
    if (n == 0 || !*name) {
        snprintf(err, errlen, lang_text(o->lang, *name ? T_CMP_NO_SETTING : T_CMP_NO_NAME), def);
        return -2;
    }
    int rc = study_variant(s, o, base, name, NULL, sets, n, err, errlen);
    return rc < 0 ? rc : 0;
}

/* A VARIANT.cfg, named by its file name without the folder and ".cfg". */
static int add_file(struct study *s, const struct opts *o, const struct definition *base,
                    const char *file, char *err, size_t errlen)
{
    const char *slash = strrchr(file, '/');
    char name[256];
    snprintf(name, sizeof name, "%s", slash ? slash + 1 : file);
    size_t len = strlen(name);
    if (len > 4 && !strcmp(name + len - 4, ".cfg"))
        name[len - 4] = '\0';
    int rc = study_variant(s, o, base, name, file, NULL, 0, err, errlen);
    return rc < 0 ? rc : 0;
}

static int unique_names(const struct study *s, enum lang l, char *err, size_t errlen)
{
    for (int v = 1; v < s->n_v; v++)
        for (int u = 0; u < v; u++)
            if (!strcmp(s->v[u].name, s->v[v].name)) {
                snprintf(err, errlen, lang_text(l, T_CMP_TWICE), s->v[v].name);
                return -2;
            }
    return 0;
}

static int compare_run(struct study *s, const struct opts *o, const struct definition *base,
                       char *err, size_t errlen)
{
    int rc = 0;
    for (int i = 0; i < o->n_more && rc == 0; i++)
        rc = add_file(s, o, base, o->more[i], err, errlen);
    for (int i = 0; i < o->n_variants && rc == 0; i++)
        rc = add_defined(s, o, base, o->variants[i], err, errlen);
    if (rc == 0 && s->n_v < 2) {
        snprintf(err, errlen, "supplysim compare: %s", lang_text(o->lang, T_CMP_NONE));
        rc = -2;
    }
    if (rc == 0)
        rc = unique_names(s, o->lang, err, errlen);
    if (rc == 0)
        rc = study_run(s, o, NULL, 0, 0, s->n, 1, err, errlen);
    return rc;
}

static int compare_files(const char *dir, const struct study_view *w, const struct opts *o,
                         struct study_charts *done, char *err, size_t errlen)
{
    if (study_file_out(dir, "compare.csv", w, compare_csv, err, errlen) < 0)
        return -1;
    return compare_charts(dir, w, o->no_plot, o->verbose, done, err, errlen);
}

const struct study_cmd compare_cmd = {
    "compare", 1, compare_run, compare_files, compare_decision, compare_text, compare_csv,
    compare_json, compare_html_table, T_ST_HTML_COMPARE_H, T_HELP_COMPARE, 0, NULL, NULL
};

int compare_main(int argc, char **argv)
{
    return study_main(&compare_cmd, argc, argv);
}
