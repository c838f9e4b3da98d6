/*
 * cli.c -- the command line's options, as a run and the studies take them:
 * parsed into struct opts (cli.h), each value checked (a bad one is a usage
 * error, exit status 2, with what was expected and what was found, in the
 * language of the run: --lang, else the locale, known before any other
 * option is read so that every message is in it).
 */
#include <getopt.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cli.h"
#include "cmd/version.h"

int usage_error(const struct opts *o, enum text t, ...)
{
    char msg[1024], cmd[64] = "";
    va_list ap;
    va_start(ap, t);
    vsnprintf(msg, sizeof msg, lang_text(o->lang, t), ap);
    va_end(ap);
    if (o->command)
        snprintf(cmd, sizeof cmd, " %s", o->command);
    fprintf(stderr, lang_text(o->lang, T_CMD_USAGE_ERROR), cmd, msg, cmd);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

enum lang cli_lang(int argc, char **argv)
{
    enum lang l = lang_from_locale(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            lang_parse(argv[i + 1], &l);
        else if (!strncmp(argv[i], "--lang=", 7))
            lang_parse(argv[i] + 7, &l);
    }
    return l;
}

static int parse_count(const char *s, long lo, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > INT_MAX)
        return -1;
    *out = v;
    return 0;
}

enum { OPT_FORMAT = 256, OPT_UNTIL, OPT_BREACH, OPT_SHARD, OPT_LANG, OPT_NOPLOT, OPT_CHECK,
       OPT_EXPORT, OPT_VERSION, OPT_VARIANT, OPT_BUDGET, OPT_LEVERS };

static const struct option long_opts[] = {
    { "replications", required_argument, NULL, 'n' }, { "seed", required_argument, NULL, 's' },
    { "jobs", required_argument, NULL, 'j' },         { "out", required_argument, NULL, 'o' },
    { "set", required_argument, NULL, 'D' },          { "format", required_argument, NULL, OPT_FORMAT },
    { "until-decided", no_argument, NULL, OPT_UNTIL }, { "fail-on-breach", no_argument, NULL, OPT_BREACH },
    { "shard", required_argument, NULL, OPT_SHARD },  { "lang", required_argument, NULL, OPT_LANG },
    { "no-plot", no_argument, NULL, OPT_NOPLOT },     { "check", no_argument, NULL, OPT_CHECK },
    { "export-network", required_argument, NULL, OPT_EXPORT },
    { "quiet", no_argument, NULL, 'q' },              { "verbose", no_argument, NULL, 'v' },
    { "version", no_argument, NULL, OPT_VERSION },    { "help", no_argument, NULL, 'h' },
    { "variant", required_argument, NULL, OPT_VARIANT },
    { "budget", required_argument, NULL, OPT_BUDGET }, { "levers", required_argument, NULL, OPT_LEVERS },
    { NULL, 0, NULL, 0 }
};

/* One option; returns -1 to go on, else an exit status. */
static int take_opt(struct opts *o, int c, const char *arg, char **argv)
{
    unsigned long long seed;
    char *end;
    switch (c) {
    case 'n': return parse_count(arg, 1, &o->replications) ? usage_error(o, T_CLI_COUNT, "-n", arg) : -1;
    case 'j': return parse_count(arg, 1, &o->jobs) ? usage_error(o, T_CLI_COUNT, "-j", arg) : -1;
    case 's':
        errno = 0;
        seed = strtoull(arg, &end, 10);
        if (!*arg || *end || errno || arg[0] == '-' || seed > LLONG_MAX)
            return usage_error(o, T_CLI_SEED, arg);
        o->seed = seed;
        o->have_seed = 1;
        return -1;
    case 'o': o->out = arg; return -1;
    case 'D':
        if (o->n_sets == MAX_SETS)
            return usage_error(o, T_CLI_MAX_SETS, MAX_SETS, arg);
        o->sets[o->n_sets++] = arg;
        return -1;
    case OPT_FORMAT:
        if (strcmp(arg, "text") && strcmp(arg, "csv") && strcmp(arg, "json"))
            return usage_error(o, T_CLI_FORMAT, arg);
        o->format = arg;
        return -1;
    case OPT_LANG:
        return lang_parse(arg, &o->lang) ? usage_error(o, T_CLI_LANG, arg) : -1;
    case OPT_SHARD:
        if (sscanf(arg, "%ld/%ld%c", &o->shard_i, &o->shard_n, &(char){ 0 }) != 2
            || o->shard_n < 1 || o->shard_i < 1 || o->shard_i > o->shard_n)
            return usage_error(o, T_CLI_SHARD, arg);
        return -1;
    case OPT_VARIANT:
        if (o->n_variants == MAX_SETS)
            return usage_error(o, T_CLI_MAX_VARIANTS, MAX_SETS, arg);
        o->variants[o->n_variants++] = arg;
        return -1;
    case OPT_BUDGET: o->budget = arg; return -1;     /* checked by improve against the levers */
    case OPT_LEVERS: o->levers = arg; return -1;
    case OPT_UNTIL: o->until_decided = 1; return -1;
    case OPT_BREACH: o->fail_on_breach = 1; return -1;
    case OPT_NOPLOT: o->no_plot = 1; return -1;
    case OPT_CHECK: o->check = 1; return -1;
    case OPT_EXPORT: o->export_dir = arg; return -1;
    case 'q': o->quiet = 1; return -1;
    case 'v': o->verbose = 1; return -1;
    case OPT_VERSION: printf("supplysim %s\n", SUPPLYSIM_VERSION); return 0;
    case 'h':                 /* a command that names no help of its own: the run's */
        fputs(lang_text(o->lang, o->help ? o->help : T_HELP_RUN), stdout);
        return 0;
    default: {
        char opt[3] = { '-', (char)optopt, '\0' };
        return usage_error(o, T_CLI_UNKNOWN, optopt ? opt : argv[optind - 1]);
    }
    }
}

/* "-D trucks = 16": the shell split one PATH=VALUE into words, getopt took
 * "trucks" alone and the rest went among the operands.  Recognised when a
 * -D value has no '=' or ends with one, and the next operands hold the '='
 * ("=", "=16") and, after a trailing '=', the value.  Returns -1 when every
 * -D is one word, else the exit status (the message printed). */
static int split_sets(struct opts *o, int argc, char **argv, int first)
{
    int k = first;
    for (int i = 0; i < o->n_sets; i++) {
        const char *set = o->sets[i], *eq = strchr(set, '=');
        if (eq && eq[1])
            continue;
        if (eq ? k + 1 >= argc : (k >= argc || argv[k][0] != '=')) {
            if (eq)
                continue;            /* "PATH=" before the scenario alone: an empty value */
            return usage_error(o, T_CLI_SET_NO_EQ, set);
        }
        char joined[1024], words[1024];
        snprintf(joined, sizeof joined, "%s", set);
        snprintf(words, sizeof words, "\"%s\"", set);
        for (int take = 2; take > 0 && k < argc; take--) {
            size_t n = strlen(joined);
            if (n && joined[n - 1] != '=' && strchr(joined, '='))
                break;
            snprintf(joined + n, sizeof joined - n, "%s", argv[k]);
            n = strlen(words);
            snprintf(words + n, sizeof words - n, " \"%s\"", argv[k++]);
        }
        return usage_error(o, T_CLI_SET_SPACED, set, words, joined);
    }
    return -1;
}

int cli_parse(struct opts *o, int argc, char **argv, int more)
{
    opterr = 0;
    optind = 1;
    o->lang = cli_lang(argc, argv);
    int c;
    while ((c = getopt_long(argc, argv, ":n:s:j:o:D:qvh", long_opts, NULL)) != -1) {
        if (c == ':') {
            char opt[3] = { '-', (char)optopt, '\0' };
            return usage_error(o, T_CLI_NEEDS_VALUE, optopt ? opt : argv[optind - 1]);
        }
        int rc = take_opt(o, c, optarg, argv);
        if (rc >= 0)
            return rc;
    }
    int rc = split_sets(o, argc, argv, optind);
    if (rc >= 0)
        return rc;
    if (optind == argc)
        return usage_error(o, T_CLI_NO_SCENARIO);
    if (!more && optind != argc - 1)
        return usage_error(o, T_CLI_EXTRA, argv[optind + 1]);
    o->file = argv[optind];
    o->more = argv + optind + 1;
    o->n_more = argc - optind - 1;
    return -1;
}
