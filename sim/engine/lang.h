/*
 * lang.h -- every word supplysim shows people, in English and Chinese, in one
 * table: the charts, report.html and (as they are translated) the text
 * output use these and only these.  A text is named by its id (T_...).  It
 * is either a printf format, whose two versions have the same conversions
 * in the same order so that either takes the same arguments (a literal
 * percent written "%%"), or a plain label never used as a format, which may
 * hold a bare percent ("90% band").  tests/test_lang.c walks the table and
 * checks that every text has both versions and that they agree, and
 * that each is defined once.  Names from a configuration (townships,
 * facilities, scenarios) are not here: lang_name picks the configured
 * Chinese name when there is one.
 *
 * The table is kept in sections, one file each, so that each part of the
 * program keeps its words together: lang.c (charts, report.html, the
 * studies), lang_out.c (the run's text, --check), lang_cmd.c (help and the
 * command line's messages), lang_cfg.c (configuration errors) and
 * lang_gis.c (import-network, GeoPackages).
 *
 * Why a table compiled in and not gettext: the language is chosen per run
 * (--lang, else the locale's variables read as words: lang_from_locale),
 * and a fresh machine has no zh_CN locale installed; a table needs
 * neither.
 */
#ifndef SUPPLYSIM_LANG_H
#define SUPPLYSIM_LANG_H

#include <stddef.h>

enum lang { LANG_EN, LANG_ZH, LANGS };

enum text {
    /* general */
    T_CAUSE_REPORT,
    T_CAUSE_STOCK,
    T_CAUSE_MOBILISE,
    T_CAUSE_TRUCK,
    T_CAUSE_BAY,
    T_CAUSE_LOAD,
    T_CAUSE_TRAVEL,
    T_CAUSE_ROAD,
    T_CAUSE_UNREACHABLE,
    T_CAUSE_DETOUR,
    T_CAUSE_WAIT,
    T_CAUSE_SLOWED,
    T_VERDICT_PASS,
    T_VERDICT_FAIL,
    T_VERDICT_INCONCLUSIVE,
    T_ROAD_EXPRESSWAY,
    T_ROAD_NATIONAL,
    T_ROAD_PROVINCIAL,
    T_ROAD_COUNTY,
    T_ROAD_VILLAGE,
    T_HOURS,
    T_MINUTES,
    T_NEVER,
    /* map marks */
    T_MARK_SEAT,
    T_MARK_VILLAGE,
    T_MARK_POINT,
    T_MARK_SUBCENTRE,
    T_MARK_DEPARTMENT,
    T_MARK_SUPPLIER,
    T_MARK_CENTRAL,
    /* the coverage, response and resources charts */
    T_TIME_PROMISE_SUFFIX,
    T_TIME_ORDER_SUFFIX,
    T_TIME_SITES_90_BAND_P5,
    T_TIME_SITES_MEDIAN,
    T_TIME_PEOPLE_MEDIAN,
    T_TIME_PEOPLE_90_BAND_P5,
    T_TIME_REQUIRED_LEVEL,
    T_TIME_HOW_FAST_RELIEF_REACHES,
    T_TIME_SHARE_REACHED_EACH_HOUR,
    T_TIME_HOURS_SINCE_DISASTER_STRUCK,
    T_TIME_REACHED,
    T_TIME_NOT_IN_BARS,
    T_TIME_HOW_LONG_DISASTER_SITES,
    T_TIME_EVERY_SITE_EACH_SIMULATED,
    T_TIME_MINUTES_DISASTER_FIRST_RELIEF,
    T_TIME_SHARE_SITE_RUNS,
    T_TIME_AFTER_H_UP_TRUCKS,
    T_TIME_TRUCKS_ROAD_QUEUE_CENTRAL,
    T_TIME_MEDIAN_90_BAND_SIMULATED,
    T_TIME_90_BAND_P5_P95,
    T_TIME_MEDIAN,
    T_TIME_TRUCKS_AWAY,
    T_TIME_HOURS_SINCE_ONSET_DISASTER,
    T_TIME_TRUCKS_QUEUEING,
    /* the townships and causes charts */
    T_SITES_GREEN_KEY,
    T_SITES_AMBER_KEY,
    T_SITES_RED_KEY,
    T_SITES_WHICH_DISASTER_SITES_GET,
    T_SITES_PROBABILITY_TIME_95_INTERVAL,
    T_SITES_WORST_SHOWN,
    T_SITES_PROBABILITY_THAT_FIRST_RELIEF,
    T_SITES_95_INTERVAL,
    T_SITES_REQUIRED,
    T_SITES_NO_SITE_WAS_LATE,
    /* the map chart */
    T_MAP_CLOSED_OFTEN,
    T_MAP_CLOSED_SELDOM,
    T_MAP_SLOWED,
    T_MAP_SEAT_GREEN,
    T_MAP_SEAT_AMBER,
    T_MAP_SEAT_RED,
    T_MAP_SEAT_NO_DISASTER_SITE,
    T_MAP_CITY_DASHED_BOX_ENLARGED,
    T_MAP_NAMES_LEFT_OFF,
    T_MAP_ROADS_EACH_TOWNSHIP_CHANCE,
    T_MAP_RED_ROADS_DISASTER_MAY,
    /* report.html */
    T_HTML_KICKER_SCENARIO,
    T_HTML_DOES_PROMISE_HOLD,
    T_HTML_EVERY_SITE_REACHED_WITHIN,
    T_HTML_SHARE_RUNS,
    T_HTML_THE_PROMISE,
    T_HTML_FROM_ORDER,
    T_HTML_ORDER_MEANS,
    T_HTML_SITES_TIME_MEAN_SHARE,
    T_HTML_RESPONSE_TIME_OVER_ALL,
    T_HTML_LONGEST,
    T_HTML_CHART_FAILED,
    T_HTML_CHARTS_SKIPPED,
    T_HTML_NO_GNUPLOT,
    T_HTML_DISASTER_SITES_WORST_FIRST,
    T_HTML_PROBABILITY_TIME_95_INTERVAL,
    T_HTML_SITE_TOWNSHIP,
    T_HTML_ON_TIME,
    T_HTML_MEAN_MIN,
    T_HTML_P95_MIN,
    T_HTML_REACHED_HORIZON,
    T_HTML_MAIN_CAUSE_LATENESS,
    T_HTML_ASSUMPTIONS_BEHIND_THIS_RUN,
    T_HTML_SCENARIO,
    T_HTML_REPLICATIONS,
    T_HTML_SIMULATED,
    T_HTML_SEED,
    T_HTML_SEED_FIRST,
    T_HTML_PROMISE,
    T_HTML_FIRST_RELIEF_EVERY_SITE,
    T_HTML_THRESHOLDS_REPORTED,
    T_HTML_REQUIRED_LEVEL,
    T_HTML_PROMISE_KEPT_LEAST_RUNS,
    T_HTML_HORIZON,
    T_HTML_HOURS_AFTER_ONSET,
    T_HTML_ONSET,
    T_HTML_ALARM,
    T_HTML_EVERY_STORE_CREWS_CALLED,
    T_HTML_CREWS_CALLED_OUT_WHEN,
    T_HTML_DISPATCH_POLICY,
    T_HTML_TIERED_OWN_TOWNSHIP_THEN,
    T_HTML_EARLIEST_STORE_WHOSE_TRUCK,
    T_HTML_SYSTEM,
    T_HTML_TOWNSHIPS_DISASTER_SITES_ROADS,
    T_HTML_VERSION,
    T_HTML_EVERY_OTHER_NUMBER_STOCK,
    T_HTML_MEANING_PASS,
    T_HTML_MEANING_FAIL,
    T_HTML_MEANING_INCONCLUSIVE,
    T_ABOUT_COVERAGE_H,
    T_ABOUT_COVERAGE,
    T_ABOUT_TOWNSHIPS_H,
    T_ABOUT_TOWNSHIPS,
    T_ABOUT_MAP_H,
    T_ABOUT_MAP,
    T_ABOUT_CAUSES_H,
    T_ABOUT_CAUSES,
    T_ABOUT_RESPONSE_H,
    T_ABOUT_RESPONSE,
    T_ABOUT_RESOURCES_H,
    T_ABOUT_RESOURCES,
    T_RESOLUTION_RESPONSE,
    T_RESOLUTION_COVERAGE,
    /* decision studies: compare */
    T_ST_DECISION_BETTER,
    T_ST_DECISION_NONE,
    T_ST_WORSE,
    T_ST_H_VARIANT,
    T_ST_H_KEPT,
    T_ST_H_DIFF,
    T_ST_H_WIDTHS,
    T_ST_H_SITES,
    T_ST_H_VERDICT,
    T_ST_PAIRING,
    T_ST_FOOTER,
    T_ST_COMPARE_TITLE,
    T_ST_COMPARE_SUB,
    T_ST_COMPARE_X,
    T_ST_PAIRED,
    T_ST_UNPAIRED,
    T_ST_HTML_KICKER,
    T_ST_HTML_COMPARE_H,
    T_ST_ABOUT_COMPARE_H,
    T_ST_ABOUT_COMPARE,
    T_ST_HTML_TABLE_H,
    T_ST_HTML_RERUN,
    /* decision studies: roads */
    T_ST_ROADS_DECISION,
    T_ST_ROADS_NONE,
    T_ST_ROADS_TOP,
    T_ST_H_ROAD,
    T_ST_H_TOUCHED,
    T_ST_H_PROTECT,
    T_ST_H_CLOSE,
    T_ST_H_RUNS,
    T_ST_ROADS_SCREEN,
    T_ST_ROADS_ALL,
    T_ST_ROADS_TITLE,
    T_ST_ROADS_SUB,
    T_ST_ROADS_KEY_HIGH,
    T_ST_ROADS_KEY_MID,
    T_ST_ROADS_KEY_LOW,
    T_ST_HTML_ROADS_H,
    T_ST_ABOUT_ROADS_H,
    T_ST_ABOUT_ROADS,
    /* decision studies: sensitivity */
    T_ST_SENS_DECISION_FLIPS,
    T_ST_SENS_DECISION_HOLDS,
    T_ST_SENS_FLIPS_H,
    T_ST_SENS_TABLE_H,
    T_ST_H_ASSUMPTION,
    T_ST_H_LOW,
    T_ST_H_HIGH,
    T_ST_SENS_CORNERS,
    T_ST_TORNADO_TITLE,
    T_ST_TORNADO_SUB,
    T_ST_TORNADO_X,
    T_ST_LOW_END,
    T_ST_HIGH_END,
    T_ST_BASELINE,
    T_ST_HTML_SENS_H,
    T_ST_ABOUT_TORNADO_H,
    T_ST_ABOUT_TORNADO,
    /* decision studies: improve */
    T_IM_DECISION_BUY,
    T_IM_DECISION_NEXT,
    T_IM_DECISION_NONE_UNDER,
    T_IM_DECISION_ALREADY,
    T_IM_DECISION_NO_PLAN,
    T_IM_WITHIN,
    T_IM_NO_LEVER,
    T_IM_A_YEAR,
    T_IM_ONCE,
    T_IM_FOCUS_SITES_H,
    T_IM_FOCUS_ALL_OK,
    T_IM_CAVEAT,
    T_IM_FRONTIER_H,
    T_IM_H_COST,
    T_IM_H_PLAN,
    T_IM_LEVERS_H,
    T_IM_H_LEVER,
    T_IM_H_ALONE,
    T_IM_H_SOURCE,
    T_IM_SEARCH_ALL,
    T_IM_SEARCH_NOSCREEN,
    T_IM_SEARCH_GREEDY,
    T_IM_SEARCH_DROPPED,
    T_IM_SEARCH_BEYOND,
    T_IM_SEARCH_FULL,
    T_IM_PLANS_NOTE,
    T_IM_HTML_H,
    T_IM_HTML_LEVERS_H,
    T_IM_HTML_FRONTIER_H,
    T_IM_FRONTIER_TITLE,
    T_IM_FRONTIER_SUB,
    T_IM_FRONTIER_X,
    T_IM_FRONTIER_Y,
    T_IM_KEY_FRONTIER,
    T_IM_KEY_OTHER,
    T_IM_KEY_EARLY,
    T_IM_KEY_RECOMMENDED,
    T_IM_ABOUT_FRONTIER_H,
    T_IM_ABOUT_FRONTIER,
#define LANG_SECTION_IDS
#include "engine/lang_ids.h"
#undef LANG_SECTION_IDS
    /* charts that cannot be misread, and the one-page brief */
    T_TIME_ALL_SITES,
    T_TIME_ALL_SITES_BAND,
    T_TIME_VERDICT_POINT,
    T_RESOURCES_FLEET_NOTE,
    T_CAUSES_TITLE,
    T_CAUSES_SUB,
    T_CAUSES_WORST_SHOWN,
    T_CAUSES_X,
    T_CAUSES_ALLOWED,
    T_CAUSES_ANY_SITE_LATE,
    T_CAUSES_LATE_WORDS,
    T_CAUSES_LATE_NEVER,
    T_CAUSES_BROKEN_WORDS,
    T_BRIEF_KICKER,
    T_BRIEF_TITLE,
    T_BRIEF_VERDICT,
    T_BRIEF_AT_RISK_H,
    T_BRIEF_LATE,
    T_BRIEF_NONE_AT_RISK,
    T_BRIEF_MEASURES_H,
    T_BRIEF_PROTECT,
    T_BRIEF_NO_ROAD,
    T_BRIEF_SOURCE,
    T_BRIEF_NO_STUDY,
    T_BRIEF_RESTS_H,
    T_BRIEF_OWN,
    T_BRIEF_NO_SENS,
    T_BRIEF_FLIP,
    T_BRIEF_FLIPS_COUNT,
    T_BRIEF_HOLDS,
    T_BRIEF_FOLLOWS,
    T_BRIEF_BAD_EPOCH,
    T_BRIEF_NO_CLOCK,
    TEXTS
};

/* The text in language l; never NULL. */
const char *lang_text(enum lang l, enum text t);

/* "en" or "zh" into *l; 0, or -1 for any other word. */
int lang_parse(const char *word, enum lang *l);

/* The language of a locale, given the values of LC_ALL, LC_MESSAGES and
 * LANG (NULL when unset): the first that is set and not empty decides
 * (POSIX's order), Chinese when it starts with "zh", else English. */
enum lang lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang);

/* How many sections of the table define text t (1 for every text; the
 * test build checks). */
int lang_definitions(enum text t);

/* The HTML language tag: "en" or "zh-CN". */
const char *lang_tag(enum lang l);

/* A configured name in language l: zh when l is Chinese and zh is given and
 * not empty, else en. */
const char *lang_name(enum lang l, const char *en, const char *zh);

/* A duration for people: "2 h" when whole hours, else "90 min" (or
 * "2 小时", "90 分钟"). */
void lang_duration(enum lang l, double min, char *buf, size_t n);

/* The i-th cause of delay, in the model's order of causes (T_CAUSE_REPORT
 * onwards); the i-th verdict (PASS, FAIL, INCONCLUSIVE); the i-th road class
 * (expressway ... village). */
const char *lang_cause(enum lang l, int i);
const char *lang_verdict(enum lang l, int i);
const char *lang_road_class(enum lang l, int i);

/* Why a file could not be read or written (an errno), in language l: the
 * table's words for the usual reasons, else the C library's. */
const char *lang_errno(enum lang l, int errnum);

#endif
