/*
 * gplot.c -- running gnuplot on the chart scripts, and the lines every
 * script shares.
 *
 * Each script draws into out.png and out.svg, where `out` is the script's
 * own name unless set on gnuplot's command line: supplysim sets it to a
 * temporary name and renames both images into place only when gnuplot has
 * exited 0 and both are non-empty, so an image is whole or absent, while
 * `gnuplot coverage.gp` typed in the output folder redraws coverage.png.
 * The scripts run in parallel (they are independent); gnuplot's messages go
 * to an anonymous temporary file and are shown when a script fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "charts/gplot.h"

int gplot_find(char *path, size_t n)
{
    const char *p = getenv("PATH");
    char def[1024], cwd[PATH_MAX];
    if (!p) {       /* as execvp does when PATH is unset */
        if (!confstr(_CS_PATH, def, sizeof def))
            return -1;
        p = def;
    }
    for (;;) {
        size_t len = strcspn(p, ":");
        /* an absolute path, since gnuplot is started in the output folder: a
         * relative PATH entry (empty means ".") is taken from here */
        int rel = !len || p[0] != '/';
        int w = (rel && !getcwd(cwd, sizeof cwd)) ? -1
                : snprintf(path, n, "%s%s%.*s/gnuplot", rel ? cwd : "", rel ? "/" : "",
                           (int)len, len ? p : ".");
        struct stat st;
        if (w > 0 && (size_t)w < n && stat(path, &st) == 0 && S_ISREG(st.st_mode)
            && access(path, X_OK) == 0)
            return 0;
        if (!p[len])
            return -1;
        p += len + 1;
    }
}

void gplot_str(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("''", f);
        else if (*s == '\n')
            fputs("'.\"\\n\".'", f);
        else if ((unsigned char)*s >= 0x20)
            fputc(*s, f);
    }
    fputc('\'', f);
}

void gplot_label(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++)
        fputc(*s == '"' ? '\'' : (unsigned char)*s < 0x20 ? ' ' : *s, f);
    fputc('"', f);
}

void gplot_begin(FILE *f, const char *name, const char *what, const char *reads, int zh)
{
    /* svg names a generic family a browser knows; cairo asks fontconfig */
    const char *png_font = zh ? "WenQuanYi Micro Hei" : "Sans";
    const char *svg_font = zh ? "WenQuanYi Micro Hei" : "sans-serif";
    fprintf(f, "# %s.gp -- %s\n"
            "# Written by supplysim from the run in this folder; reads %s.\n"
            "# Restyle it and redraw with `gnuplot %s.gp` run in this folder: it writes\n"
            "# %s.png (for slides) and %s.svg (for print and the HTML report).\n"
            "if (!exists(\"out\")) out = \"%s\"\n"
            "do for [fmt in \"png svg\"] {\n"
            "reset\n"
            "set encoding utf8\n"
            "# the svg canvas is 3/4 of the png's, so that its text (in px, not pt) has the\n"
            "# same size relative to the chart; there its points come out twice as large\n"
            "# (pscale) and its lines a third thicker (linewidth 1.5)\n"
            "if (fmt eq \"png\") {\n"
            "    set terminal pngcairo size 1600,900 font \"%s,20\" noenhanced linewidth 2\n"
            "    pscale = 1\n"
            "} else {\n"
            "    set terminal svg size 1200,675 font \"%s,20\" noenhanced linewidth 1.5 "
            "background \"white\"\n"
            "    pscale = 0.45\n"
            "}\n"
            "set output out.\".\".fmt\n"
            "set datafile separator comma\n",
            name, what, reads, name, name, name, name, png_font, svg_font);
}

void gplot_end(FILE *f)
{
    fprintf(f, "unset multiplot\nunset output\n}\n");
}

/* ---- running gnuplot ---------------------------------------------------- */

struct job {
    pid_t pid;
    FILE *err;                /* what gnuplot printed on stderr */
    char tmp[256];            /* the images' temporary base name */
};

/* Starts gnuplot on dir/name.gp; job->pid 0 when it could not start. */
static void start(const char *gnuplot, const char *dir, const char *name, int devnull,
                  struct job *j)
{
    char arg[300], script[300];
    snprintf(j->tmp, sizeof j->tmp, "%s.tmp.%ld", name, (long)getpid());
    snprintf(arg, sizeof arg, "out='%s'", j->tmp);
    snprintf(script, sizeof script, "%s.gp", name);
    char *const argv[] = { "gnuplot", "-e", arg, script, NULL };
    j->pid = 0;
    j->err = tmpfile();
    int errfd = j->err ? fileno(j->err) : -1;
    if (errfd < 0)
        return;
    pid_t pid = fork();
    if (pid == 0) {   /* only async-signal-safe calls until exec */
        if (chdir(dir) < 0 || dup2(devnull, 0) < 0 || dup2(devnull, 1) < 0
            || dup2(errfd, 2) < 0)
            _exit(126);
        execv(gnuplot, argv);
        _exit(127);
    }
    j->pid = pid > 0 ? pid : 0;
}

/* How a child ended, in words; "" when it exited 0. */
static void ended(pid_t pid, char *why, size_t n)
{
    int st = 0;
    pid_t r;
    while ((r = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
        continue;
    if (r < 0)
        snprintf(why, n, "lost track of it: %s", strerror(errno));
    else if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
        why[0] = '\0';
    else if (WIFEXITED(st))
        snprintf(why, n, "exit status %d", WEXITSTATUS(st));
    else
        snprintf(why, n, "killed by signal %d", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* Passes on what gnuplot printed, indented, at most 2000 bytes. */
static void relay(FILE *err)
{
    char line[512];
    size_t shown = 0;
    rewind(err);
    while (shown < 2000 && fgets(line, sizeof line, err)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[strspn(line, " \t^")]) {
            fprintf(stderr, "  gnuplot: %s\n", line);
            shown += strlen(line);
        }
    }
}

static int nonempty(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

/* Renames dir/tmp.EXT to dir/name.EXT for png and svg, or removes both
 * temporary and final images when either is missing; 0 when placed. */
static int place(const char *dir, const char *name, const char *tmp, int ok, char *why, size_t n)
{
    static const char *const ext[2] = { "png", "svg" };
    char from[2][4096], to[2][4096];
    for (int e = 0; e < 2; e++) {
        snprintf(from[e], sizeof from[e], "%s/%s.%s", dir, tmp, ext[e]);
        snprintf(to[e], sizeof to[e], "%s/%s.%s", dir, name, ext[e]);
        if (ok && !nonempty(from[e])) {
            snprintf(why, n, "it wrote no %s.%s", name, ext[e]);
            ok = 0;
        }
    }
    for (int e = 0; e < 2 && ok; e++)
        if (rename(from[e], to[e]) < 0) {
            snprintf(why, n, "cannot rename %s.%s into place: %s", tmp, ext[e], strerror(errno));
            ok = 0;
        }
    for (int e = 0; e < 2 && !ok; e++) {
        unlink(from[e]);
        unlink(to[e]);
    }
    return ok ? 0 : -1;
}

static int finish(const char *dir, const char *name, struct job *j, int verbose)
{
    char why[512] = "it could not be started";
    if (j->pid)
        ended(j->pid, why, sizeof why);
    int ok = place(dir, name, j->tmp, j->pid && !why[0], why, sizeof why) == 0;
    if (!ok)
        fprintf(stderr, "supplysim: warning: gnuplot failed on %s/%s.gp (%s); %s.png and "
                "%s.svg not drawn\n", dir, name, why, name, name);
    if (j->err && (!ok || verbose))
        relay(j->err);
    if (j->err)
        fclose(j->err);
    return ok;
}

void gplot_forget(const char *dir, const char *const *names, int n)
{
    char path[4096];
    for (int i = 0; i < n; i++)
        for (int e = 0; e < 2; e++) {
            snprintf(path, sizeof path, "%s/%s.%s", dir, names[i], e ? "svg" : "png");
            unlink(path);
        }
}

void gplot_draw(const char *gnuplot, const char *dir, const char *const *names, int n,
                int *drawn, int verbose)
{
    struct job jobs[GPLOT_MAX];
    int devnull = open("/dev/null", O_RDWR);
    for (int i = 0; i < n; i++)
        drawn[i] = 0;
    if (n > GPLOT_MAX)
        n = GPLOT_MAX;
    for (int i = 0; i < n; i++) {
        jobs[i].pid = 0;
        jobs[i].err = NULL;
        snprintf(jobs[i].tmp, sizeof jobs[i].tmp, "%s.tmp.%ld", names[i], (long)getpid());
        if (devnull >= 0)
            start(gnuplot, dir, names[i], devnull, &jobs[i]);
    }
    if (devnull >= 0)
        close(devnull);
    for (int i = 0; i < n; i++)
        drawn[i] = finish(dir, names[i], &jobs[i], verbose);
}
