/*
 * main.c -- the command line: hands the options to cli.c, loads the configuration, and
 * hands over to --check, --export-network, the simulation, `merge`, a study or
 * `import-network`.  Exit status:
 * 0 ran, 1 failed while running, 2 bad usage or configuration.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>          /* mallopt */
#endif
#include "results/check.h"
#include "results/export.h"
#include "config/config.h"
#include "cmd/cli.h"

/* Warns about townships that no facility can reach: a warning, not an error,
 * since a scenario may be about exactly that. */
static void warn_unreached(const struct definition *d, const struct coverage_row *rows,
                           enum lang l)
{
    for (int i = 0; i < d->n_townships; i++)
        if (!rows[i].reached) {
            fprintf(stderr, lang_text(l, T_CHK_WARN_UNREACHED), d->source_file,
                    lang_name(l, d->townships[i].name, d->townships[i].name_zh));
            fputc('\n', stderr);
        }
}

static int run_check(const struct opts *o, const struct definition *d)
{
    struct net *n = coverage_network(d);
    struct coverage_row *rows = calloc((size_t)d->n_townships + 1, sizeof *rows);
    int rc = EXIT_RUN;
    if (!n || !rows || coverage_table(d, n, rows) < 0) {
        fprintf(stderr, "supplysim: %s\n", lang_text(o->lang, T_CMD_OUT_OF_MEMORY));
        goto done;
    }
    warn_unreached(d, rows, o->lang);
    check_warn_snaps(stderr, d, o->lang);
    if (o->format && !strcmp(o->format, "csv"))
        check_print_csv(stdout, d, rows);
    else
        check_print(stdout, d, rows, d->run.promise_min, o->lang);   /* the scenario's promise */
    rc = fflush(stdout) ? EXIT_RUN : 0;
done:
    free(rows);
    net_free(n);
    return rc;
}

/* -n and -s replace the configuration's own values: in the validated
 * settings, and in resolved.cfg through the overrides. */
static void apply_run_opts(const struct opts *o, struct definition *d, struct run_overrides *ov)
{
    if (o->replications) {
        d->run.replications = (int)o->replications;
        overrides_int(ov, "replications", o->replications);
    }
    if (o->have_seed) {
        d->run.seed = o->seed;
        overrides_int(ov, "seed", (long long)o->seed);
    }
}

/* -n, like run.replications, at most ten million: a run streams its
 * replications in bounded memory, but a larger number is a typo or a run of
 * days.  0, or EXIT_USAGE with the message printed. */
static int replications_fit(const struct opts *o, const struct definition *d)
{
    long max = 10000000, reps = d->run.replications;
    if (reps <= max)
        return 0;
    fprintf(stderr, lang_text(o->lang, T_RUN_TOO_MANY), d->source_file,
            o->replications ? "-n" : "run.replications", max, reps);
    fputc('\n', stderr);
    return EXIT_USAGE;
}

/* Allocations of 2 MB and more get pages of their own from the system and
 * give them back when freed.  glibc's threshold starts at 128 KB and rises
 * to the size of each large block freed, so that the blocks a large network
 * frees while it is loaded and set up (the folder cache's arrays, the
 * landmarks' temporaries) stay in the heap below what the replications then
 * take.  Three replications on the 100,000-node grid peaked at 198 MB so
 * (204 MB when the landmarks were made beside a folder cache that was read),
 * 189 MB with this; four of the 200,000-node region on two threads at 311
 * MB, 287-291 MB; the million-node grid at 603 MB, 583-585 MB; the time the
 * same within the noise (in turn).  1 MB went to 182 MB at 100,000 nodes but
 * took 5% longer there, the searches' tables then mapped and unmapped as
 * they grow; 128 KB to 169 MB, for 0.2 s more in the system. */
static void allocator_settings(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 2 << 20);
#endif
}

int main(int argc, char **argv)
{
    allocator_settings();
    if (argc > 1 && !strcmp(argv[1], "merge"))
        return merge_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "compare"))
        return compare_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "roads"))
        return roads_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "sensitivity"))
        return sensitivity_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "improve"))
        return improve_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "import-network"))
        return import_main(argc - 1, argv + 1);
    struct opts o = { .help = T_HELP_RUN };
    int rc = cli_parse(&o, argc, argv, 0);
    if (rc >= 0)
        return rc;
    if (o.n_variants)
        return usage_error(&o, T_CLI_VARIANT_ONLY, o.variants[0]);
    if (o.budget || o.levers)
        return usage_error(&o, T_CLI_IMPROVE_ONLY, o.budget ? o.budget : o.levers);
    char err[2048];
    struct cfg *c = cfg_load(o.file, o.sets, o.n_sets, o.lang, err, sizeof err);
    struct definition *d = c ? cfg_definition(c, err, sizeof err) : NULL;
    if (!d) {
        fprintf(stderr, "%s\n", err);
        cfg_free(c);
        return EXIT_USAGE;
    }
    struct run_overrides ov = { .n = 0 };
    apply_run_opts(&o, d, &ov);
    rc = replications_fit(&o, d);
    if (o.export_dir && export_network(d, o.export_dir, o.lang, err, sizeof err) < 0) {
        fprintf(stderr, "supplysim: %s\n", err);
        rc = EXIT_RUN;
    }
    if (!rc && o.check)
        rc = run_check(&o, d);
    else if (!rc && !o.export_dir)
        rc = run_simulation(&o, c, &ov, d);
    definition_free(d);
    cfg_free(c);
    return rc;
}
