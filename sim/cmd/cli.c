/*
 * cli.c -- the command line's options, as a run and the studies take them:
 * parsed into struct opts (cli.h), each value checked (a bad one is a usage
 * error, exit status 2, with what was expected and what was found).
 */
#include <getopt.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cli.h"
#include "cmd/version.h"

static const char usage[] =
    "usage: supplysim [options] SCENARIO.cfg\n"
    "  -n, --replications N     Monte-Carlo replications (default from the scenario, else 1000)\n"
    "  -s, --seed N             master seed (default from the scenario)\n"
    "  -j, --jobs N             worker threads (default: number of cores); results do not depend on it\n"
    "  -o, --out DIR            output folder (default out/<scenario name>)\n"
    "  -D, --set PATH=VALUE     override any setting, e.g. -D fleet.central.trucks=12 (repeatable)\n"
    "      --format text|csv|json   what goes to stdout\n"
    "      --until-decided      add replications until the verdict is decided (or a cap is reached)\n"
    "      --fail-on-breach     exit 3 when the verdict is not PASS\n"
    "      --shard I/N          run only shard I (1..N) of the replications\n"
    "      --lang en|zh         language of charts and report\n"
    "      --no-plot            skip charts\n"
    "      --check              validate the scenario, print a summary and coverage table, run nothing\n"
    "      --export-network DIR write nodes.csv, roads.csv and network.geojson for GIS tools\n"
    "  -q, --quiet / -v, --verbose / --version / --help\n"
    "\n"
    "supplysim merge -o DIR SHARD_DIR...   recompute every statistic and the verdict from shards\n"
    "supplysim compare SCENARIO.cfg [VARIANT.cfg...] [--variant 'NAME: PATH=VALUE; ...']...\n"
    "                                      options side by side, paired on the same disasters\n"
    "supplysim roads SCENARIO.cfg         which roads the promise depends on (protect / close)\n"
    "supplysim sensitivity SCENARIO.cfg   does the verdict survive the assumptions' ranges?\n"
    "  (the studies take -n -s -j -o -D --shard --lang --no-plot --format -q)\n"
    "\n"
    "Exit status: 0 ran; 1 failed while running; 2 bad usage or configuration;\n"
    "3 (with --fail-on-breach) the verdict is not PASS; 130/143 stopped by SIGINT/SIGTERM.\n";

int bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "supplysim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see supplysim --help)\n");
    return EXIT_USAGE;
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
       OPT_EXPORT, OPT_VERSION, OPT_VARIANT };

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
    { NULL, 0, NULL, 0 }
};

/* One option; returns -1 to go on, else an exit status. */
static int take_opt(struct opts *o, int c, const char *arg, char **argv)
{
    unsigned long long seed;
    char *end;
    switch (c) {
    case 'n': return parse_count(arg, 1, &o->replications) ? bad_usage("-n: expected a positive integer, found \"%s\"", arg) : -1;
    case 'j': return parse_count(arg, 1, &o->jobs) ? bad_usage("-j: expected a positive integer, found \"%s\"", arg) : -1;
    case 's':
        errno = 0;
        seed = strtoull(arg, &end, 10);
        if (!*arg || *end || errno || arg[0] == '-' || seed > LLONG_MAX)
            return bad_usage("-s: expected an integer from 0 to 9223372036854775807, found \"%s\"",
                             arg);
        o->seed = seed;
        o->have_seed = 1;
        return -1;
    case 'o': o->out = arg; return -1;
    case 'D':
        if (o->n_sets == MAX_SETS)
            return bad_usage("-D: at most 256 overrides, found more at \"%s\"", arg);
        o->sets[o->n_sets++] = arg;
        return -1;
    case OPT_FORMAT:
        if (strcmp(arg, "text") && strcmp(arg, "csv") && strcmp(arg, "json"))
            return bad_usage("--format: expected text, csv or json, found \"%s\"", arg);
        o->format = arg;
        return -1;
    case OPT_LANG:
        if (strcmp(arg, "en") && strcmp(arg, "zh"))
            return bad_usage("--lang: expected en or zh, found \"%s\"", arg);
        o->lang = arg;
        return -1;
    case OPT_SHARD:
        if (sscanf(arg, "%ld/%ld%c", &o->shard_i, &o->shard_n, &(char){ 0 }) != 2
            || o->shard_n < 1 || o->shard_i < 1 || o->shard_i > o->shard_n)
            return bad_usage("--shard: expected I/N with 1 <= I <= N, found \"%s\"", arg);
        return -1;
    case OPT_VARIANT:
        if (o->n_variants == MAX_SETS)
            return bad_usage("--variant: at most 256 variants, found more at \"%s\"", arg);
        o->variants[o->n_variants++] = arg;
        return -1;
    case OPT_UNTIL: o->until_decided = 1; return -1;
    case OPT_BREACH: o->fail_on_breach = 1; return -1;
    case OPT_NOPLOT: o->no_plot = 1; return -1;
    case OPT_CHECK: o->check = 1; return -1;
    case OPT_EXPORT: o->export_dir = arg; return -1;
    case 'q': o->quiet = 1; return -1;
    case 'v': o->verbose = 1; return -1;
    case OPT_VERSION: printf("supplysim %s\n", SUPPLYSIM_VERSION); return 0;
    case 'h': fputs(usage, stdout); return 0;
    default: {
        char opt[3] = { '-', (char)optopt, '\0' };
        return bad_usage("unknown option '%s'", optopt ? opt : argv[optind - 1]);
    }
    }
}

int cli_parse(struct opts *o, int argc, char **argv, int more)
{
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":n:s:j:o:D:qvh", long_opts, NULL)) != -1) {
        if (c == ':') {
            char opt[3] = { '-', (char)optopt, '\0' };
            return bad_usage("option '%s' needs a value", optopt ? opt : argv[optind - 1]);
        }
        int rc = take_opt(o, c, optarg, argv);
        if (rc >= 0)
            return rc;
    }
    if (optind == argc || (!more && optind != argc - 1))
        return bad_usage(optind == argc ? "expected one SCENARIO.cfg%s" : "expected one SCENARIO.cfg, found also \"%s\"",
                         optind == argc ? "" : argv[optind + 1]);
    o->file = argv[optind];
    o->more = argv + optind + 1;
    o->n_more = argc - optind - 1;
    return -1;
}

