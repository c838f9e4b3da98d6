/*
 * load.c -- files, layering and overrides: the first half of the
 * configuration module (system.c and scenario.c are the second).
 *
 * A configuration is a chain of files: a scenario names its base with
 * `base = "PATH";` (relative to the scenario's folder), the base may name its
 * own, and so on.  The root-most file's tree becomes the layered tree; each
 * file above it is laid over it (groups setting by setting, any other value
 * replaced by one of the same type: "overlay" here, never "merge", which is
 * the word for putting shards of a run together), then its
 * `set = ["PATH=VALUE", ...]` list is applied,
 * then the command line's -D settings.  Every file stays loaded until cfg_free,
 * because libconfig keeps a setting's file name and line there; settings that
 * were copied or overwritten get an entry in the origins table instead, so every
 * error still names the file and line the user wrote.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config/internal.h"
#include "engine/text.h"

#define MAX_CHAIN 8          /* base chains deeper than this are a cycle */
#define CMDLINE(c) lang_text((c)->lang, T_CFG_CMDLINE)   /* the -D settings' "file" */

static const char *type_name(const struct cfg *c, int type)
{
    switch (type) {
    case CONFIG_TYPE_GROUP:  return lang_text(c->lang, T_CFG_TYPE_GROUP);
    case CONFIG_TYPE_INT:    return lang_text(c->lang, T_CFG_TYPE_INT);
    case CONFIG_TYPE_INT64:  return lang_text(c->lang, T_CFG_TYPE_INT);
    case CONFIG_TYPE_FLOAT:  return lang_text(c->lang, T_CFG_TYPE_FLOAT);
    case CONFIG_TYPE_STRING: return lang_text(c->lang, T_CFG_TYPE_STRING);
    case CONFIG_TYPE_BOOL:   return lang_text(c->lang, T_CFG_TYPE_BOOL);
    case CONFIG_TYPE_ARRAY:  return lang_text(c->lang, T_CFG_TYPE_ARRAY_B);
    case CONFIG_TYPE_LIST:   return lang_text(c->lang, T_CFG_TYPE_LIST_B);
    default:                 return lang_text(c->lang, T_CFG_TYPE_NONE);
    }
}

/* "FILE:LINE: PATH: " and text t made with the arguments, into err. */
static void load_error(const struct cfg *c, const char *file, int line, const char *path,
                       char *err, size_t errlen, enum text t, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, t);
    vsnprintf(msg, sizeof msg, lang_text(c->lang, t), ap);
    va_end(ap);
    snprintf(err, errlen, "%s:%d: %s: %s", file, line, path, msg);
}

/* ---- error locations --------------------------------------------------- */

void cfg_where(const struct cfg *c, const config_setting_t *s, const char **file, int *line)
{
    *file = c->path;
    *line = 0;
    for (; s; s = config_setting_parent(s)) {
        for (int i = c->n_origins - 1; i >= 0; i--)
            if (c->origins[i].s == s) {
                *file = c->origins[i].file;
                *line = c->origins[i].line;
                return;
            }
        if (config_setting_source_line(s) > 0) {
            const char *f = config_setting_source_file(s);
            *file = f ? f : c->path;
            *line = config_setting_source_line(s);
            return;
        }
    }
}

/* An element of a list of groups is named by its id when it has one. */
static void path_part(const config_setting_t *s, char *buf, size_t len)
{
    const char *id = NULL;
    if (config_setting_name(s)) {
        snprintf(buf, len, "%s", config_setting_name(s));
    } else if (config_setting_is_group(s)
               && config_setting_lookup_string(s, "id", &id) == CONFIG_TRUE) {
        snprintf(buf, len, "%s", id);
    } else {
        snprintf(buf, len, "[%d]", config_setting_index(s));
    }
}

void cfg_path(const config_setting_t *s, char *buf, size_t len)
{
    if (!s || config_setting_is_root(s)) {
        snprintf(buf, len, "%s", "");
        return;
    }
    char head[512], part[128];
    cfg_path(config_setting_parent(s), head, sizeof head);
    path_part(s, part, sizeof part);
    snprintf(buf, len, "%s%s%s", head, head[0] ? "." : "", part);
}

void cfg_error(const struct cfg *c, const config_setting_t *s, const char *member,
               char *err, size_t errlen, enum text t, ...)
{
    const char *file;
    int line;
    char path[512], msg[4096];
    cfg_where(c, s, &file, &line);
    cfg_path(s, path, sizeof path);
    va_list ap;
    va_start(ap, t);
    vsnprintf(msg, sizeof msg, lang_text(c->lang, t), ap);
    va_end(ap);
    snprintf(err, errlen, "%s:%d: %s%s%s: %s", file, line, path,
             (member && path[0]) ? "." : "", member ? member : "", msg);
}

static int add_origin(struct cfg *c, const config_setting_t *s, const char *file, int line)
{
    if (c->n_origins == c->cap_origins) {
        int cap = c->cap_origins ? 2 * c->cap_origins : 64;
        struct origin *o = realloc(c->origins, (size_t)cap * sizeof *o);
        if (!o)
            return -1;
        c->origins = o;
        c->cap_origins = cap;
    }
    c->origins[c->n_origins++] = (struct origin){ s, file, line };
    return 0;
}

/* ---- copying and merging settings -------------------------------------- */

static int copy_scalar(config_setting_t *dst, const config_setting_t *src)
{
    switch (config_setting_type(src)) {
    case CONFIG_TYPE_INT:    return config_setting_set_int(dst, config_setting_get_int(src));
    case CONFIG_TYPE_INT64:  return config_setting_set_int64(dst, config_setting_get_int64(src));
    case CONFIG_TYPE_FLOAT:  return config_setting_set_float(dst, config_setting_get_float(src));
    case CONFIG_TYPE_STRING: return config_setting_set_string(dst, config_setting_get_string(src));
    case CONFIG_TYPE_BOOL:   return config_setting_set_bool(dst, config_setting_get_bool(src));
    default:                 return CONFIG_TRUE;
    }
}

/* Deep copy of src as a new child of parent, each new setting remembering
 * src's file and line in c's origins (c NULL: a copy that remembers nothing). */
static config_setting_t *copy_setting(struct cfg *c, config_setting_t *parent,
                                      const config_setting_t *src)
{
    const char *name = config_setting_is_group(parent) ? config_setting_name(src) : NULL;
    config_setting_t *d = config_setting_add(parent, name, config_setting_type(src));
    if (!d || copy_scalar(d, src) != CONFIG_TRUE)
        return NULL;
    const char *file = config_setting_source_file(src);
    if (c && add_origin(c, d, file ? file : c->path, config_setting_source_line(src)) < 0)
        return NULL;
    for (int i = 0; i < config_setting_length(src); i++)
        if (config_setting_is_aggregate(src)
            && !copy_setting(c, d, config_setting_get_elem(src, i)))
            return NULL;
    return d;
}

static int is_integer_type(int t) { return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64; }

/* May a value of type src replace one of type dst?  An integer may stand
 * for a number ("2" for "2.0"), never the other way round. */
static int compatible(int dst, int src)
{
    return dst == src || (is_integer_type(dst) && is_integer_type(src))
        || (dst == CONFIG_TYPE_FLOAT && is_integer_type(src));
}

static int replace_value(struct cfg *c, config_setting_t *d, const config_setting_t *s)
{
    int dt = config_setting_type(d), st = config_setting_type(s);
    int ok;
    if (dt == CONFIG_TYPE_FLOAT && is_integer_type(st))
        ok = config_setting_set_float(d, (double)config_setting_get_int64(s));
    else if (dt == CONFIG_TYPE_INT && st == CONFIG_TYPE_INT64)
        ok = config_setting_set_int(d, (int)config_setting_get_int64(s));
    else if (dt == CONFIG_TYPE_INT64 && st == CONFIG_TYPE_INT)
        ok = config_setting_set_int64(d, config_setting_get_int(s));
    else
        ok = copy_scalar(d, s);
    const char *file = config_setting_source_file(s);
    return (ok == CONFIG_TRUE
            && add_origin(c, d, file ? file : c->path, config_setting_source_line(s)) == 0)
        ? 0 : -1;
}

static int overlay_group(struct cfg *c, config_setting_t *dst, const config_setting_t *src,
                       int top, char *err, size_t errlen);

static int overlay_member(struct cfg *c, config_setting_t *dst, const config_setting_t *s,
                        char *err, size_t errlen)
{
    const char *name = config_setting_name(s);
    config_setting_t *d = config_setting_get_member(dst, name);
    int dt = d ? config_setting_type(d) : CONFIG_TYPE_NONE, st = config_setting_type(s);
    if (!d)
        return copy_setting(c, dst, s) ? 0 : -1;
    if (dt == CONFIG_TYPE_GROUP && st == CONFIG_TYPE_GROUP)
        return overlay_group(c, d, s, 0, err, errlen);
    if (!compatible(dt, st)) {
        const char *bf;
        int bl;
        cfg_where(c, d, &bf, &bl);
        /* report at the overriding file's line */
        const char *sf = config_setting_source_file(s);
        char path[512];
        cfg_path(d, path, sizeof path);
        load_error(c, sf ? sf : c->path, config_setting_source_line(s), path, err, errlen,
                   T_CFG_OVERLAY_TYPE, type_name(c, dt), bf, bl, type_name(c, st));
        return -2;
    }
    int widen = dt == CONFIG_TYPE_INT && st == CONFIG_TYPE_INT64
        && (config_setting_get_int64(s) < INT_MIN || config_setting_get_int64(s) > INT_MAX);
    if (config_setting_is_aggregate(s) || widen) {   /* lists, arrays, 64-bit: replace whole;
                                                       * the reader says if 64 bits may stand */
        if (config_setting_remove(dst, name) != CONFIG_TRUE)
            return -1;
        return copy_setting(c, dst, s) ? 0 : -1;
    }
    return replace_value(c, d, s);
}

static int overlay_group(struct cfg *c, config_setting_t *dst, const config_setting_t *src,
                       int top, char *err, size_t errlen)
{
    for (int i = 0; i < config_setting_length(src); i++) {
        const config_setting_t *s = config_setting_get_elem(src, i);
        const char *name = config_setting_name(s);
        if (top && (!strcmp(name, "base") || !strcmp(name, "set")))
            continue;
        int rc = overlay_member(c, dst, s, err, errlen);   /* -1 out of memory, -2 bad value */
        if (rc == -1)
            snprintf(err, errlen, "%s: %s", c->path, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- PATH=VALUE overrides ---------------------------------------------- */

static config_setting_t *find_child(config_setting_t *cur, const char *comp)
{
    if (config_setting_is_group(cur))
        return config_setting_get_member(cur, comp);
    if (!config_setting_is_list(cur) && !config_setting_is_array(cur))
        return NULL;
    char *end;
    if (comp[0] == '[' || isdigit((unsigned char)comp[0])) {
        long i = strtol(comp + (comp[0] == '['), &end, 10);
        if ((comp[0] == '[' ? *end == ']' && end[1] == '\0' : *end == '\0') && i >= 0
            && i < config_setting_length(cur))
            return config_setting_get_elem(cur, (unsigned)i);
        return NULL;
    }
    for (int i = 0; i < config_setting_length(cur); i++) {
        config_setting_t *e = config_setting_get_elem(cur, i);
        const char *id;
        if (config_setting_is_group(e) && config_setting_lookup_string(e, "id", &id)
            && !strcmp(id, comp))
            return e;
    }
    return NULL;
}

/* The names (or ids) of cur's children, for a suggestion; NULL when out of
 * memory.  The caller frees the array, not the names. */
static const char **child_names(const config_setting_t *cur, int *n)
{
    int len = config_setting_is_aggregate(cur) ? config_setting_length(cur) : 0;
    const char **names = malloc(((size_t)len + 1) * sizeof *names);
    *n = 0;
    for (int i = 0; names && i < len; i++) {
        const config_setting_t *e = config_setting_get_elem(cur, (unsigned)i);
        const char *id = NULL;
        if (config_setting_name(e))
            names[(*n)++] = config_setting_name(e);
        else if (config_setting_is_group(e) && config_setting_lookup_string(e, "id", &id))
            names[(*n)++] = id;
    }
    return names;
}

/* Splits "a.b.[2].c" at dots and walks the tree.  When a component is not
 * there, it goes to bad, and the nearest name there (or "") to near. */
static config_setting_t *resolve_path(config_setting_t *root, const char *path,
                                      char *bad, size_t badlen, char *near, size_t nearlen)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", path);
    snprintf(bad, badlen, "%s", path);
    if (nearlen)
        near[0] = '\0';
    config_setting_t *cur = root;
    char *save = NULL;
    for (char *comp = strtok_r(buf, ".", &save); comp; comp = strtok_r(NULL, ".", &save)) {
        config_setting_t *next = find_child(cur, comp);
        if (!next) {
            int n;
            const char **names = child_names(cur, &n);
            const char *pick = names ? cfg_nearest(comp, names, n) : NULL;
            snprintf(bad, badlen, "%s", comp);
            if (pick && nearlen)
                snprintf(near, nearlen, "%s", pick);
            free(names);
            return NULL;
        }
        cur = next;
    }
    return cur == root ? NULL : cur;
}

/* Parses text as the type of d and sets it; returns 0, or -1 if it does not parse. */
static int set_from_text(config_setting_t *d, char *v)
{
    char *end;
    errno = 0;
    switch (config_setting_type(d)) {
    case CONFIG_TYPE_INT: {
        long x = strtol(v, &end, 10);
        if (!*v || *end || errno || x < INT_MIN || x > INT_MAX)
            return -1;
        return config_setting_set_int(d, (int)x) == CONFIG_TRUE ? 0 : -1;
    }
    case CONFIG_TYPE_INT64: {
        long long x = strtoll(v, &end, 10);
        if (!*v || *end || errno)
            return -1;
        return config_setting_set_int64(d, x) == CONFIG_TRUE ? 0 : -1;
    }
    case CONFIG_TYPE_FLOAT: {
        double x = strtod(v, &end);      /* 1e-308 (below the normal range) is taken; */
        if (!*v || *end || !isfinite(x) || (errno && x == 0))   /* 1e-400, 0, is not */
            return -1;
        return config_setting_set_float(d, x) == CONFIG_TRUE ? 0 : -1;
    }
    case CONFIG_TYPE_BOOL:
        if (strcmp(v, "true") && strcmp(v, "false"))
            return -1;
        return config_setting_set_bool(d, !strcmp(v, "true")) == CONFIG_TRUE ? 0 : -1;
    case CONFIG_TYPE_STRING: {
        size_t n = strlen(v);
        if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
            v[n - 1] = '\0';
            v++;
        }
        return config_setting_set_string(d, v) == CONFIG_TRUE ? 0 : -1;
    }
    default:
        return -1;
    }
}

/* A number may become [lo, hi] (a uniform draw) and an array a number:
 * the reader says whether the setting takes a draw. */
static int draw_shape(int old, const config_setting_t *v)
{
    int t = config_setting_type(v);
    int num = t == CONFIG_TYPE_FLOAT || is_integer_type(t);
    return (old == CONFIG_TYPE_ARRAY && num)
        || ((old == CONFIG_TYPE_FLOAT || is_integer_type(old)) && t == CONFIG_TYPE_ARRAY);
}

/* VALUE as libconfig reads it ("[\"a\", \"b\"]", "( { ... } )", "3.5",
 * "\"text\""), in tmp (config_init'ed by the caller, destroyed by it);
 * NULL when it does not parse. */
static config_setting_t *parse_value(config_t *tmp, const char *value)
{
    size_t n = strlen(value) + 8;
    char *text = malloc(n);
    if (!text)
        return NULL;
    snprintf(text, n, "v = %s;", value);
    int ok = config_read_string(tmp, text) == CONFIG_TRUE;
    free(text);
    return ok ? config_lookup(tmp, "v") : NULL;
}

/* Puts the value VALUE, parsed by libconfig, at name under parent, in place of
 * old (NULL: a new setting).  An array, a list or a group is given whole
 * this way ("disaster.protect = [\"G311\"]"); a new setting takes what type the
 * value has, and the reader then refuses names it does not know. */
static int put_parsed(struct cfg *c, config_setting_t *parent, const char *name,
                      config_setting_t *old, const char *value, const char *file, int line,
                      const char *path, char *err, size_t errlen)
{
    config_t tmp;
    config_init(&tmp);
    if (cfg_precheck_value(file, line, path, value, c->lang, err, errlen) < 0) {
        config_destroy(&tmp);
        return -1;
    }
    const config_setting_t *v = parse_value(&tmp, value);
    int rc = -1;
    if (!v)
        load_error(c, file, line, path, err, errlen, T_CFG_SYNTAX_VALUE, value);
    else if (old && !compatible(config_setting_type(old), config_setting_type(v))
             && !draw_shape(config_setting_type(old), v))
        load_error(c, file, line, path, err, errlen, config_setting_is_aggregate(old)
                   ? T_CFG_GIVEN_WHOLE : T_CFG_EXPECTED_FOUND,
                   type_name(c, config_setting_type(old)), type_name(c, config_setting_type(v)));
    else if (old && config_setting_remove(parent, name) != CONFIG_TRUE)
        load_error(c, file, line, path, err, errlen, T_CMD_OUT_OF_MEMORY);
    else {
        /* the copy remembers no line of its own: every part of it is at the
         * -D or set entry (add_origin), found by cfg_where on the way up */
        config_setting_t *d = config_setting_add(parent, name, config_setting_type(v));
        int ok = d && copy_scalar(d, v) == CONFIG_TRUE;
        for (int i = 0; ok && config_setting_is_aggregate(v) && i < config_setting_length(v); i++)
            ok = copy_setting(NULL, d, config_setting_get_elem(v, i)) != NULL;
        rc = (ok && add_origin(c, d, file, line) == 0) ? 0 : -1;
        if (rc < 0)
            load_error(c, file, line, path, err, errlen, T_CMD_OUT_OF_MEMORY);
    }
    config_destroy(&tmp);
    return rc;
}

/* The parent group of path's last component and that component ("a.b.c" ->
 * the setting a.b and "c"); NULL when there is none. */
static config_setting_t *parent_of(config_setting_t *root, char *path, char **last)
{
    char *dot = strrchr(path, '.'), bad[128], near[128];
    *last = dot ? dot + 1 : path;
    if (!**last || **last == '[' || isdigit((unsigned char)**last))
        return NULL;
    if (!dot)
        return root;
    *dot = '\0';
    config_setting_t *p = resolve_path(root, path, bad, sizeof bad, near, sizeof near);
    *dot = '.';
    return p && config_setting_is_group(p) ? p : NULL;
}

int cfg_settable(const config_setting_t *root, const char *path, char *bad, size_t badlen,
                 char *near, size_t nearlen)
{
    char buf[512], *last;
    config_setting_t *top = (config_setting_t *)root;   /* libconfig's lookups take no const */
    snprintf(buf, sizeof buf, "%s", path);
    if (resolve_path(top, buf, bad, badlen, near, nearlen))
        return 1;
    return buf[0] && parent_of(top, buf, &last) != NULL;
}

/* Applies one "PATH=VALUE"; file and line say where it was written.  VALUE
 * replaces a single value of the same type; a value written in
 * configuration syntax replaces an array, list or group whole, or creates a
 * setting the configuration lacks under an existing group. */
static int apply_set(struct cfg *c, const char *expr, const char *file, int line,
                     char *err, size_t errlen)
{
    char buf[1024], bad[128], near[128], hint[256] = "";
    snprintf(buf, sizeof buf, "%s", expr);
    char *eq = strchr(buf, '=');
    if (!eq) {
        load_error(c, file, line, expr, err, errlen, T_CFG_SET_NO_EQ);
        return -1;
    }
    *eq = '\0';
    char *path = text_trim(buf), *value = text_trim(eq + 1), *last;
    config_setting_t *root = config_root_setting(c->root);
    config_setting_t *d = resolve_path(root, path, bad, sizeof bad, near, sizeof near);
    if (!d) {
        config_setting_t *parent = path[0] ? parent_of(root, path, &last) : NULL;
        if (parent)           /* a new setting: the reader refuses a name it does not know,
                               * and suggests the nearest it knows */
            return put_parsed(c, parent, last, NULL, value, file, line, path, err, errlen);
        if (near[0])
            snprintf(hint, sizeof hint, lang_text(c->lang, T_CFG_DID_YOU_MEAN), near);
        load_error(c, file, line, path, err, errlen, T_CFG_NO_SETTING, path[0] ? bad : "", hint);
        return -1;
    }
    if (config_setting_is_aggregate(d) || strchr("[({", value[0])) {
        config_setting_t *parent = config_setting_parent(d);
        if (!config_setting_name(d) || !config_setting_is_group(parent)) {
            load_error(c, file, line, path, err, errlen, T_CFG_SINGLE_VALUE,
                       type_name(c, config_setting_type(d)));
            return -1;
        }
        char name[256];     /* removing d frees its name */
        snprintf(name, sizeof name, "%s", config_setting_name(d));
        return put_parsed(c, parent, name, d, value, file, line, path, err, errlen);
    }
    if (set_from_text(d, value) < 0) {
        load_error(c, file, line, path, err, errlen, T_CFG_EXPECTED_FOUND_Q,
                   type_name(c, config_setting_type(d)), value);
        return -1;
    }
    return add_origin(c, d, file, line);
}

/* Applies a file's own `set = [...]` list (it must hold strings). */
/* The line, from `from` to `to` (both included) of file, of the last string
 * literal that ends there, or `to`.  libconfig gives a list's last scalar the
 * line where its parser met what follows it -- the closing ], which may be
 * lines below -- so the last element of a `set` written one per line is found
 * here instead.  Strings and '#' or '//' comments are told apart; a quote in
 * a block comment is not.  O(the file). */
static int last_string_line(const char *file, int from, int to)
{
    FILE *in = fopen(file, "r");
    int line = 1, found = to, ch, in_str = 0, esc = 0, comment = 0, prev = 0;
    if (!in)
        return to;
    while ((ch = getc(in)) != EOF && line <= to) {
        if (ch == '\n') {             /* a string may go on over lines; a comment ends */
            line++;
            comment = prev = 0;
            continue;
        }
        if (comment)
            continue;
        if (in_str) {
            if (esc)
                esc = 0;
            else if (ch == '\\')
                esc = 1;
            else if (ch == '"') {
                in_str = 0;
                if (line >= from)
                    found = line;
            }
        } else if (ch == '"') {
            in_str = 1;
        } else if (ch == '#' || (ch == '/' && prev == '/')) {
            comment = 1;
        }
        prev = ch;
    }
    fclose(in);
    return found;
}

static int apply_file_sets(struct cfg *c, config_t *f, char *err, size_t errlen)
{
    config_setting_t *set = config_lookup(f, "set");
    if (!set)
        return 0;
    const char *file = config_setting_source_file(set);
    file = file ? file : c->path;
    if (!config_setting_is_array(set) && !config_setting_is_list(set)) {
        load_error(c, file, config_setting_source_line(set), "set", err, errlen,
                   T_CFG_EXPECTED_FOUND, lang_text(c->lang, T_CFG_A_SET_ARRAY),
                   type_name(c, config_setting_type(set)));
        return -1;
    }
    int n = config_setting_length(set), before = (int)config_setting_source_line(set);
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(set, i);
        int line = config_setting_source_line(e) ? (int)config_setting_source_line(e) : before;
        if (i == n - 1 && line > before && config_setting_type(e) == CONFIG_TYPE_STRING)
            line = last_string_line(file, before, line);
        before = line;
        if (config_setting_type(e) != CONFIG_TYPE_STRING) {
            char where[32];
            snprintf(where, sizeof where, "set.[%d]", i);
            load_error(c, file, line, where, err, errlen, T_CFG_EXPECTED_FOUND,
                       lang_text(c->lang, T_CFG_A_SET_STRING), type_name(c, config_setting_type(e)));
            return -1;
        }
        if (apply_set(c, config_setting_get_string(e), file, line, err, errlen) < 0)
            return -1;
    }
    return 0;
}

/* ---- reading the chain of files ---------------------------------------- */

static char *join_dir(const char *file, const char *rel)
{
    const char *slash = strrchr(file, '/');
    size_t dl = (rel[0] == '/' || !slash) ? 0 : (size_t)(slash - file + 1);
    char *p = malloc(dl + strlen(rel) + 1);
    if (p) {
        memcpy(p, file, dl);
        strcpy(p + dl, rel);
    }
    return p;
}

char *cfg_resolve_path(const struct cfg *c, const config_setting_t *s, const char *rel)
{
    const char *file;
    int line;
    cfg_where(c, s, &file, &line);
    return join_dir(strcmp(file, CMDLINE(c)) ? file : "", rel);
}

/* Reads one file of the chain; from and from_line name the base line that
 * names it as rel (from NULL: the file the user named). */
static config_t *read_one(const struct cfg *c, const char *path, const char *from, int from_line,
                          const char *rel, char *err, size_t errlen)
{
    struct stat st;
    FILE *fp = (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) ? NULL : fopen(path, "r");
    if (!fp) {
        int errnum = errno;
        char near[1500];
        cfg_nearest_file(c->lang, path, from ? rel : path, near, sizeof near);
        if (from) {
            snprintf(err, errlen, lang_text(c->lang, T_CFG_NO_BASE_FILE), from, from_line, rel,
                     cfg_unreadable(c->lang, path, errnum), near);
        } else {
            snprintf(err, errlen, lang_text(c->lang, T_CFG_NO_FILE), path,
                     cfg_unreadable(c->lang, path, errnum), near);
        }
        return NULL;
    }
    fclose(fp);
    if (cfg_precheck(path, 0, c->lang, err, errlen) < 0)
        return NULL;
    config_t *f = calloc(1, sizeof *f);
    char *dir = join_dir(path, "");
    if (!f || !dir) {
        free(f);
        free(dir);
        snprintf(err, errlen, "%s: %s", path, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        return NULL;
    }
    config_init(f);
    config_set_include_dir(f, dir[0] ? dir : ".");
    free(dir);
    if (config_read_file(f, path) != CONFIG_TRUE) {
        snprintf(err, errlen, lang_text(c->lang, T_CFG_SYNTAX),
                 config_error_file(f) ? config_error_file(f) : path, config_error_line(f),
                 config_error_text(f));
        config_destroy(f);
        free(f);
        return NULL;
    }
    return f;
}

static int keep_file(struct cfg *c, config_t *f)
{
    config_t **files = realloc(c->files, (size_t)(c->n_files + 1) * sizeof *files);
    if (!files)
        return -1;
    c->files = files;
    c->files[c->n_files++] = f;
    return 0;
}

/* A base's path: not empty, not too long, no control character (it goes
 * into every message about the base). */
static int plain_path(const char *p)
{
    size_t n = strlen(p);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
            return 0;
    return n > 0 && n <= 1024;
}

/* Reads path and, first, the base it names; merges path into the tree.
 * from, from_line: the base line that names path as rel (NULL for the
 * first). */
static int load_chain(struct cfg *c, const char *path, const char *from, int from_line,
                      const char *rel, int depth, char *err, size_t errlen)
{
    if (depth > MAX_CHAIN) {
        snprintf(err, errlen, lang_text(c->lang, T_CFG_CHAIN), path, MAX_CHAIN);
        return -1;
    }
    config_t *f = read_one(c, path, from, from_line, rel, err, errlen);
    if (!f)
        return -1;
    if (keep_file(c, f) < 0) {
        config_destroy(f);
        free(f);
        snprintf(err, errlen, "%s: %s", path, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
        return -1;
    }
    config_setting_t *base = config_lookup(f, "base");
    if (!base) {
        c->root = f;                     /* the root-most file: the tree itself */
    } else {
        const char *rel = config_setting_get_string(base);
        if (!rel) {
            load_error(c, path, config_setting_source_line(base), "base", err, errlen,
                       T_CFG_EXPECTED_FOUND, lang_text(c->lang, T_CFG_A_BASE_PATH),
                       type_name(c, config_setting_type(base)));
            return -1;
        }
        if (!plain_path(rel)) {
            load_error(c, path, config_setting_source_line(base), "base", err, errlen,
                       T_CFG_BASE_PLAIN, rel[0] ? lang_text(c->lang, T_CFG_ANOTHER_STRING)
                                                : "\"\"");
            return -1;
        }
        char *bp = join_dir(path, rel);
        if (!bp) {
            snprintf(err, errlen, "%s: %s", path, lang_text(c->lang, T_CMD_OUT_OF_MEMORY));
            return -1;
        }
        int rc = load_chain(c, bp, path, config_setting_source_line(base), rel, depth + 1, err,
                            errlen);
        free(bp);
        if (rc < 0 || overlay_group(c, config_root_setting(c->root), config_root_setting(f), 1,
                                  err, errlen) < 0)
            return -1;
    }
    return apply_file_sets(c, f, err, errlen);
}

struct cfg *cfg_load(const char *path, const char *const *sets, int n_sets, enum lang lang,
                     char *err, size_t errlen)
{
    struct cfg *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        free(c);
        snprintf(err, errlen, "%s: %s", path, lang_text(lang, T_CMD_OUT_OF_MEMORY));
        return NULL;
    }
    c->lang = lang;
    if (load_chain(c, path, NULL, 0, path, 0, err, errlen) < 0)
        goto fail;
    for (int i = 0; i < n_sets; i++)
        if (apply_set(c, sets[i], CMDLINE(c), i + 1, err, errlen) < 0)
            goto fail;
    config_setting_t *r = config_root_setting(c->root);
    config_setting_remove(r, "base");
    config_setting_remove(r, "set");
    return c;
fail:
    cfg_free(c);
    return NULL;
}

void cfg_free(struct cfg *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n_files; i++) {
        config_destroy(c->files[i]);
        free(c->files[i]);
    }
    free(c->files);
    free(c->origins);
    free(c->path);
    free(c);
}

/* run.NAME of the given type in the tree under root, created (with the
 * group) when missing and replaced when of another type; NULL when run is
 * not a group. */
static config_setting_t *run_member(config_setting_t *root, const char *name, int type)
{
    config_setting_t *run = config_setting_get_member(root, "run");
    if (!run && !(run = config_setting_add(root, "run", CONFIG_TYPE_GROUP)))
        return NULL;
    if (!config_setting_is_group(run))
        return NULL;
    config_setting_t *s = config_setting_get_member(run, name);
    if (s && config_setting_type(s) != type) {
        config_setting_remove(run, name);
        s = NULL;
    }
    return s ? s : config_setting_add(run, name, type);
}

static int set_run(config_setting_t *root, const struct run_override *o)
{
    if (o->is_float) {
        config_setting_t *s = run_member(root, o->name, CONFIG_TYPE_FLOAT);
        return s && config_setting_set_float(s, o->x) == CONFIG_TRUE ? 0 : -1;
    }
    int type = (o->i >= INT_MIN && o->i <= INT_MAX) ? CONFIG_TYPE_INT : CONFIG_TYPE_INT64;
    config_setting_t *s = run_member(root, o->name, type);
    if (!s)
        return -1;
    return (type == CONFIG_TYPE_INT ? config_setting_set_int(s, (int)o->i)
                                    : config_setting_set_int64(s, o->i)) == CONFIG_TRUE ? 0 : -1;
}

/* The copy's `network` folder as an absolute path, since resolved.cfg is
 * written elsewhere than the file that named it. */
static int absolute_network(const struct cfg *c, const config_setting_t *from, config_setting_t *to)
{
    const config_setting_t *s = config_setting_get_member(from, "network");
    config_setting_t *t = config_setting_get_member(to, "network");
    if (!s || !t || config_setting_type(s) != CONFIG_TYPE_STRING)
        return 0;
    char *path = cfg_resolve_path(c, s, config_setting_get_string(s));
    char *abs = path ? realpath(path, NULL) : NULL;
    int rc = path && config_setting_set_string(t, abs ? abs : path) == CONFIG_TRUE ? 0 : -1;
    free(abs);
    free(path);
    return rc;
}

/* A copy of the merged tree takes the overrides and is written; the tree
 * itself stays as it was read and validated. */
int cfg_write_resolved(const struct cfg *c, const struct run_override *ov, int n, FILE *f)
{
    config_t copy;
    config_init(&copy);
    const config_setting_t *from = config_root_setting(c->root);
    config_setting_t *to = config_root_setting(&copy);
    int rc = 0;
    for (int i = 0; i < config_setting_length(from) && rc == 0; i++)
        rc = copy_setting(NULL, to, config_setting_get_elem(from, i)) ? 0 : -1;
    for (int i = 0; i < n && rc == 0; i++)
        rc = set_run(to, &ov[i]);
    if (rc == 0)
        rc = absolute_network(c, from, to);
    if (rc == 0)
        config_write(&copy, f);
    config_destroy(&copy);
    return rc < 0 || ferror(f) ? -1 : 0;
}
