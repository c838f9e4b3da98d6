/*
 * test_lang.c -- the language table: every text has an English and a Chinese
 * version, and both versions take the same printf arguments (the same
 * conversions in the same order), so that a caller may pass either the same
 * arguments.  The conversions are found by an independent scanner written
 * here from the C standard's grammar of a conversion specification.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "engine/lang.h"

/* Writes the conversions of fmt ("%g", "%.1f", "%ld") into out as one
 * string, each reduced to its length modifier and conversion letter
 * ("g f ld "), the flags, width and precision dropped since they do not
 * change what argument is read (a '*' does, and is kept).  *escaped counts
 * "%%".  Returns the number of bare percents: a '%' followed by a space, a
 * closing bracket or the end, which a plain label (never a format) may hold,
 * as in "90% band"; the table uses no space flag, so this is unambiguous.
 * Returns -1 on a '%' that begins nothing valid. */
static int conversions(const char *fmt, char *out, size_t n, int *escaped)
{
    size_t k = 0;
    int bare = 0;
    out[0] = '\0';
    *escaped = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%') {
            ++*escaped;
            continue;
        }
        if (!*p || *p == ' ' || *p == ')' || !strncmp(p, "）", strlen("）"))) {
            bare++;
            p--;
            continue;
        }
        while (*p && strchr("-+#0", *p))
            p++;
        int star = 0;
        if (*p == '*')
            star++, p++;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            if (*p == '*')
                star++, p++;
            while (*p >= '0' && *p <= '9')
                p++;
        }
        char len[3] = "";
        if (*p == 'h' || *p == 'l') {
            len[0] = *p++;
            if (*p == len[0])
                len[1] = *p++;
        } else if (*p && strchr("Lzjt", *p)) {
            len[0] = *p++;
        }
        if (!*p || !strchr("diouxXeEfFgGaAcsp", *p))
            return -1;
        k += (size_t)snprintf(out + k, n > k ? n - k : 0, "%.*s%s%c ", star, "**", len, *p);
    }
    return bare;
}

/* The scanner itself, on formats whose conversions are known by hand. */
static void scanner_reads_the_grammar(void **state)
{
    (void)state;
    char buf[128];
    int esc;
    assert_int_equal(conversions("%g h", buf, sizeof buf, &esc), 0);
    assert_string_equal(buf, "g ");
    assert_int_equal(conversions("%s: %ld runs, %.1f%% (%5.1f–%-8.3e)", buf, sizeof buf, &esc), 0);
    assert_string_equal(buf, "s ld f f e ");
    assert_int_equal(esc, 1);
    assert_int_equal(conversions("%*d and %llu and 100%%", buf, sizeof buf, &esc), 0);
    assert_string_equal(buf, "*d llu ");
    assert_int_equal(conversions("90% band (%)", buf, sizeof buf, &esc), 2);
    assert_string_equal(buf, "");
    assert_int_equal(conversions("50%q", buf, sizeof buf, &esc), -1);
}

/* Every text: both versions there, not empty, and either both formats with
 * the same conversions, or both plain labels (bare percents, no conversion
 * and no "%%"), never one of each. */
static void every_text_has_both_languages(void **state)
{
    (void)state;
    int checked = 0;
    for (int t = 0; t < TEXTS; t++) {
        const char *en = lang_text(LANG_EN, (enum text)t), *zh = lang_text(LANG_ZH, (enum text)t);
        char ce[256], cz[256];
        int ee, ez;
        if (!en || !zh || !en[0] || !zh[0] || !strcmp(en, "?") || !strcmp(zh, "?"))
            fail_msg("text %d: a version is missing (en \"%s\", zh \"%s\")", t, en ? en : "",
                     zh ? zh : "");
        int be = conversions(en, ce, sizeof ce, &ee), bz = conversions(zh, cz, sizeof cz, &ez);
        if (be < 0 || bz < 0)
            fail_msg("text %d: a '%%' that begins nothing: en \"%s\", zh \"%s\"", t, en, zh);
        if ((be > 0) != (bz > 0))
            fail_msg("text %d: one version is a plain label, the other a format: en \"%s\", "
                     "zh \"%s\"", t, en, zh);
        if (be > 0 && (ce[0] || cz[0] || ee || ez))
            fail_msg("text %d: a plain label (bare %%) with a conversion or %%%%: \"%s\"", t, en);
        if (strcmp(ce, cz))
            fail_msg("text %d: conversions differ: en \"%s\" has [%s], zh \"%s\" has [%s]", t,
                     en, ce, zh, cz);
        if (lang_definitions((enum text)t) != 1)
            fail_msg("text %d (\"%s\"): defined in %d sections of the table, expected 1", t, en,
                     lang_definitions((enum text)t));
        checked++;
    }
    assert_int_equal(checked, TEXTS);
}

/* The helpers built on the table, against hand-written expectations. */
static void helpers(void **state)
{
    (void)state;
    char buf[64];
    enum lang l = LANG_EN;
    lang_duration(LANG_EN, 120, buf, sizeof buf);
    assert_string_equal(buf, "2 h");
    lang_duration(LANG_ZH, 90, buf, sizeof buf);
    assert_string_equal(buf, "90 分钟");
    assert_int_equal(lang_parse("zh", &l), 0);
    assert_int_equal(l, LANG_ZH);
    assert_int_equal(lang_parse("fr", &l), -1);
    assert_string_equal(lang_name(LANG_ZH, "Lizhai", "李寨镇"), "李寨镇");
    assert_string_equal(lang_name(LANG_ZH, "Lizhai", ""), "Lizhai");
    assert_string_equal(lang_name(LANG_EN, "Lizhai", "李寨镇"), "Lizhai");
    assert_string_equal(lang_cause(LANG_EN, 0), "reporting");
    assert_string_equal(lang_cause(LANG_ZH, 7), "道路延误");
    assert_string_equal(lang_cause(LANG_EN, 8), "unreachable");
    assert_string_equal(lang_cause(LANG_ZH, 10), "等待道路恢复通行");
    assert_string_equal(lang_cause(LANG_EN, 12), "?");
    assert_string_equal(lang_verdict(LANG_ZH, 1), "不通过");
    assert_string_equal(lang_road_class(LANG_EN, 4), "village road");
    assert_string_equal(lang_text(LANG_EN, TEXTS), "?");
}

/* The locale's language: the first variable set and not empty decides
 * (POSIX: LC_ALL, then LC_MESSAGES, then LANG), Chinese when it starts
 * with "zh". */
static void language_of_the_locale(void **state)
{
    (void)state;
    assert_int_equal(lang_from_locale(NULL, NULL, NULL), LANG_EN);
    assert_int_equal(lang_from_locale(NULL, NULL, "zh_CN.UTF-8"), LANG_ZH);
    assert_int_equal(lang_from_locale(NULL, NULL, "C"), LANG_EN);
    assert_int_equal(lang_from_locale("", "", "zh_TW"), LANG_ZH);        /* empty: unset */
    assert_int_equal(lang_from_locale("C", NULL, "zh_CN.UTF-8"), LANG_EN);  /* LC_ALL wins */
    assert_int_equal(lang_from_locale(NULL, "zh_CN.UTF-8", "en_GB.UTF-8"), LANG_ZH);
    assert_int_equal(lang_from_locale("en_US.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8"), LANG_EN);
    assert_int_equal(lang_from_locale(NULL, NULL, "z"), LANG_EN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(language_of_the_locale),
        cmocka_unit_test(scanner_reads_the_grammar),
        cmocka_unit_test(every_text_has_both_languages),
        cmocka_unit_test(helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
