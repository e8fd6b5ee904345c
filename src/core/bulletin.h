/*
 * bulletin.h: the monthly bulletin (月通报), computed once from one row per
 * project of the period's yearly ledger and then written by any report
 * writer (ledger.md, "The monthly bulletin").
 *
 * For a period P of year Y, grouped by region, category, level, leader
 * (包联领导) or unit (责任单位):
 *   projects            projects of the group in the ledger of year Y
 *   total               Σ 总投资
 *   annual              Σ 年度计划投资 of the projects that have a plan
 *   ytd                 Σ completed in Y up to and including P, projects
 *                       with a plan above 0 only (1-N月累计完成投资)
 *   ytd_unplanned       the same for projects without a plan or with a
 *                       plan of 0 (no rate: x/0), shown apart
 *   completion_rate     ytd / annual (投资完成率); none when annual is 0
 *   started, start_rate latest report at or before P is 已开工/已复工/已竣工
 *   rank                by completion rate, highest first, ties share;
 *                       a group without a rate has no rank and comes last
 *   rank_change         places gained since P−1 of the same year (none in
 *                       January, nor for a group unranked at P−1, nor when
 *                       nobody reported at P−1)
 *   below_average       rate below the whole city's (投资完成率低于平均)
 *   reported            projects expected to report for P that did
 *                       (every project with a report for P: tz_report_due)
 *   not_reported        projects expected to report for P that did not
 *                       (未报送; who is expected: struct tz_bulletin_row);
 *                       reported + not_reported is the 应报 count of
 *                       ledger.md and of web.md's on-time rate
 *   filed               projects with a report for P, expected or not (a
 *                       bulletin with none is refused)
 * Schedule (序时进度) is month(P)/12. A planned project lags (进度滞后) when
 * ytd/annual is more than 10 points behind it (the yellow and red lights
 * of web.md); lagging projects are listed worst first with their leader,
 * unit and latest problem, and the 未报送 projects are listed by group.
 *
 * All arithmetic is exact: sums are int64 counts of 0.01 万元 with checked
 * additions, rates are rounded half up to 1/10000 only for output, and
 * comparisons (ranks, below average, lagging, order) are made on exact
 * fractions.
 */
#ifndef TZ_BULLETIN_H
#define TZ_BULLETIN_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/period.h"

enum tz_bulletin_by {
	TZ_BY_REGION,
	TZ_BY_CATEGORY,
	TZ_BY_LEVEL,
	TZ_BY_LEADER,
	TZ_BY_UNIT,
};
#define TZ_BY_COUNT 5

/* "region", "category", "level", "leader", "unit" and back. */
const char *tz_bulletin_by_name(enum tz_bulletin_by by);
/* The Chinese column header: 所属地区, 项目类别, 项目级别, 包联领导, 责任单位. */
const char *tz_bulletin_by_label(enum tz_bulletin_by by);
/* Accepts the English name or the Chinese label; 0 or TZ_EINVAL. */
int tz_bulletin_by_parse(const char *s, enum tz_bulletin_by *out);

/* The key under which projects with an empty group field are counted. */
#define TZ_BULLETIN_EMPTY_KEY "未填写"

/*
 * One project of the period's yearly ledger as the bulletin sees it.
 * Strings are only read during tz_bulletin_add(); the bulletin copies what
 * it keeps. code, name, region, unit, leader and problem are read only for
 * a project that lags (tz_bulletin_lags()) or is missing (expected and not
 * reported), so a store may leave them NULL for the others and skip
 * fetching them.
 *
 * Expected to report for P (ledger.md): in the ledger of P's year; planned
 * to start by P, already started, or with no planned start; and not after
 * the month in which it was reported 已竣工. The store decides `expected`
 * (tz_report_due); a project that reported for P counts as expected
 * whatever `expected` says, so it is 已报送, never left out of the counts
 * while its money is in the totals.
 */
/* The strings of a lagging entry, in struct tz_bulletin_lag's order:
 * indexes of the len[] and bits of the plain masks below. */
enum tz_lag_text {
	TZ_LAG_CODE,
	TZ_LAG_NAME,
	TZ_LAG_REGION,
	TZ_LAG_LEADER,
	TZ_LAG_UNIT,
	TZ_LAG_PROBLEM,
	TZ_LAG_NTEXT
};

/* A length in len[] that says "not measured: take strlen". */
#define TZ_LAG_UNMEASURED UINT32_MAX

struct tz_bulletin_row {
	const char *code;
	const char *name;
	const char *region;
	const char *unit;
	const char *leader;
	const char *problem;  /* latest 存在问题 of year(P) up to P, or NULL */
	const char *key;      /* the group's value for this project */
	int64_t total;        /* 0.01 万元 */
	int has_plan;         /* the ledger row has a 年度计划投资 */
	int64_t annual;       /* 0.01 万元; ignored without a plan */
	int64_t ytd;          /* completed in year(P) up to and including P */
	int64_t ytd_prev;     /* completed in year(P) up to P−1; 0 in January */
	int started;          /* latest report at or before P counts as started */
	int reported;         /* has a report for P */
	int reported_prev;    /* has a report for P−1 (same year) */
	int expected;         /* expected to report for P */
	/*
	 * Optional, for a store that keeps them with its strings (the
	 * bulletin base): when `measured`, code, name, region, leader, unit
	 * and problem are not NULL, len[TZ_LAG_*] is each one's byte length
	 * (below TZ_LAG_UNMEASURED), and bit (1 << TZ_LAG_*) of `plain`
	 * says that string goes into JSON as it is (tz_json_plain; a clear
	 * bit says nothing). Read with the strings, only for a lagging
	 * project. Without `measured` the bulletin measures what it keeps
	 * itself and marks nothing plain (the JSON writer then scans).
	 */
	int measured;
	uint32_t len[TZ_LAG_NTEXT];
	unsigned plain;
};

struct tz_bulletin_group {
	const char *key;
	int64_t projects;
	int64_t total;
	int64_t annual;
	int64_t ytd;
	int64_t ytd_unplanned;
	int64_t started;
	int64_t reported;
	int64_t not_reported;
	int64_t filed;
	int64_t ytd_prev;         /* for the rank at P−1 */
	int has_rate;             /* annual > 0: completion_rate and rank mean something */
	int32_t completion_rate;  /* 1/10000; 0 without a rate */
	int32_t start_rate;       /* 1/10000 */
	int rank;                 /* 1 = highest rate; ties share; 0 without a rate */
	int has_rank_change;
	int rank_change;          /* places gained since P−1 (+), lost (−) */
	int below_average;        /* rate below the totals' (never without a rate) */
};

struct tz_bulletin_lag {
	const char *code;
	const char *name;
	const char *region;
	const char *leader;   /* 包联领导, "" if none */
	const char *unit;     /* 责任单位, "" if none */
	const char *problem;  /* latest 存在问题, "" if none */
	int64_t annual;
	int64_t ytd;
	int32_t ratio;  /* ytd / annual, 1/10000 */
	/* Byte lengths of the strings above by enum tz_lag_text
	 * (TZ_LAG_UNMEASURED: one of 4 GB or more, take strlen), and which of
	 * them need no JSON escape (bit 1 << TZ_LAG_*; clear: unknown), for
	 * the JSON writer: no strlen, no scan for a string known plain. */
	uint32_t len[TZ_LAG_NTEXT];
	uint8_t plain;
	uint64_t key;   /* ytd / annual in 32.32 fixed point, for ordering */
};

/* A project expected to report for P that did not (未报送). */
struct tz_bulletin_missing {
	const char *code;
	const char *name;
	const char *region;
	const char *unit;
	const char *leader;
	const char *key;  /* its group */
};

struct tz_bulletin;

/* A new, empty bulletin; the caller frees it with tz_bulletin_free(). */
struct tz_bulletin *tz_bulletin_new(struct tz_period p, enum tz_bulletin_by by);
void tz_bulletin_free(struct tz_bulletin *b);

/*
 * Whether a project with this plan and year-to-date figure lags: planned
 * (has_plan, annual > 0) and ytd/annual < month/12 − 0.10, i.e.
 * 60·ytd < (5·month − 6)·annual, exactly.
 */
int tz_bulletin_lags(const struct tz_bulletin *b, int has_plan, int64_t annual, int64_t ytd);

/* Count one project. Must not be called after tz_bulletin_finish(). */
void tz_bulletin_add(struct tz_bulletin *b, const struct tz_bulletin_row *row);

/*
 * tz_bulletin_add for a caller that meets the same keys again and again
 * (a store reading a dictionary of keys): `*slot` caches the group of
 * row->key. Pass a slot set to -1 for a key not met yet; the same slot
 * must be passed only with the same key (equal strings may have several
 * slots). Same counts as tz_bulletin_add, without hashing the key.
 */
void tz_bulletin_add_slot(struct tz_bulletin *b, const struct tz_bulletin_row *row,
			  int64_t *slot);

/*
 * From now on keep row strings as given instead of copying them: the
 * caller promises they live until tz_bulletin_free(), which then calls
 * release(owner) (release may be NULL). For a store that reads every
 * string into one buffer it hands over (the bulletin base). Call before
 * the first tz_bulletin_add; not for a part given to tz_bulletin_absorb.
 */
void tz_bulletin_borrow(struct tz_bulletin *b, void *owner, void (*release)(void *));

/*
 * Room for the lagging list of up to `nprojects` projects (at most a
 * million: address space, not memory, until used), taken at once
 * (tz_xmalloc_large) instead of grown entry by entry: a store that knows
 * how many rows it will add (the bulletin base) saves the page faults of
 * a list of megabytes. Only a hint; call before the first add.
 */
void tz_bulletin_expect(struct tz_bulletin *b, size_t nprojects);

/*
 * Sort the lagging and missing lists now (tz_bulletin_finish would). A
 * store counting parts in parallel sorts each part in its own thread;
 * absorbing sorted parts then merges instead of sorting again.
 */
void tz_bulletin_sort_lags(struct tz_bulletin *b);

/*
 * Add everything counted in `part` (a bulletin of the same period and
 * grouping, over other projects) to `b`, and free `part`. Lets a store
 * count disjoint sets of projects in parallel. Neither may be finished.
 */
void tz_bulletin_absorb(struct tz_bulletin *b, struct tz_bulletin *part);

/*
 * Compute rates, ranks, rank changes, averages and order. Call once,
 * after every add. Returns 0; TZ_ENOTFOUND when no project of the ledger
 * reported for the period (ledger.md: such a bulletin is refused, not
 * printed as zeros), with a message naming the period; TZ_ETOOBIG when a
 * sum left the int64 range. The bulletin must not be written after an
 * error.
 */
int tz_bulletin_finish(struct tz_bulletin *b, struct tz_err *err);

/*
 * The same for a bulletin read only for its 未报送 list and counts
 * (`taizhang missing`): a period nobody has reported yet is the one
 * where every expected project is missing, so it is not refused (the
 * walkthrough's coordinator on the 6th of the month); only a ledger of
 * P's year without any project is (TZ_ENOTFOUND, naming the year).
 * Rates and ranks are computed as tz_bulletin_finish computes them, over
 * nothing filed; the caller must not print such a bulletin as a 通报.
 */
int tz_bulletin_finish_missing(struct tz_bulletin *b, struct tz_err *err);

/*
 * What the bulletin covers, as its text names it: "全市" (the default: the
 * whole ledger), or the part of it a summary was restricted to ("盖州市",
 * "市交通运输局", "孙振宇同志包联"), so that a bulletin of one county never
 * calls itself the city's. The writers say "全市…" with this label and
 * head the below-average column with tz_bulletin_below_label ("低于全市
 * 平均", "低于盖州市平均"). The label is copied; NULL or "" is ignored.
 */
void tz_bulletin_set_scope(struct tz_bulletin *b, const char *label);
const char *tz_bulletin_scope(const struct tz_bulletin *b);
const char *tz_bulletin_below_label(const struct tz_bulletin *b);

struct tz_period tz_bulletin_period(const struct tz_bulletin *b);
enum tz_bulletin_by tz_bulletin_by(const struct tz_bulletin *b);
/* month(P)/12 in 1/10000. */
int32_t tz_bulletin_schedule(const struct tz_bulletin *b);

/* Groups in rank order, unranked groups last (ties by key), after finish. */
size_t tz_bulletin_group_count(const struct tz_bulletin *b);
const struct tz_bulletin_group *tz_bulletin_group_at(const struct tz_bulletin *b, size_t i);

/* The whole city; rank, rank change and below_average are 0. */
const struct tz_bulletin_group *tz_bulletin_totals(const struct tz_bulletin *b);

/* Lagging projects, worst ratio first (ties by code), after finish. */
size_t tz_bulletin_lag_count(const struct tz_bulletin *b);
const struct tz_bulletin_lag *tz_bulletin_lag_at(const struct tz_bulletin *b, size_t i);

/* 未报送 projects by group (in the groups' order), then code, after finish. */
size_t tz_bulletin_missing_count(const struct tz_bulletin *b);
const struct tz_bulletin_missing *tz_bulletin_missing_at(const struct tz_bulletin *b, size_t i);

/*
 * A rate in 1/10000 as the JSON number the bulletin prints: four decimals
 * at most, trailing zeros dropped but one kept ("0.8757", "0.31", "1.0").
 */
char *tz_bulletin_rate_json(int32_t rate, char buf[16]);
/* The same, returning the text's length. */
size_t tz_bulletin_rate_json_n(int32_t rate, char buf[16]);

#endif
