/*
 * bulletin.h: the monthly bulletin (月通报), computed once from one row per
 * project and then written by any report writer.
 *
 * For a period P of year Y, grouped by region, category or level: project
 * count, Σ 总投资, Σ 年度计划投资, Σ completed investment of year Y up to
 * P (1-N月累计完成投资), 投资完成率 = ytd / annual plan, started projects
 * (latest report at or before P is 已开工/已复工/已竣工), 开工率, rank by
 * completion rate, and whether the group is below the city average. A
 * project lags (进度滞后) when its own ytd / annual < 0.8 × schedule,
 * schedule being month(P) / 12; lagging projects are listed worst first.
 *
 * All arithmetic is exact: sums are int64 counts of 0.01 万元, rates are
 * rounded half up to 1/10000 only for output, and comparisons (ranks,
 * below average, lagging, order) are made on exact fractions.
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
};

/* "region", "category", "level" and back. */
const char *tz_bulletin_by_name(enum tz_bulletin_by by);
/* The Chinese column header: 所属地区, 项目类别, 项目级别. */
const char *tz_bulletin_by_label(enum tz_bulletin_by by);
int tz_bulletin_by_parse(const char *s, enum tz_bulletin_by *out);

/* The key under which projects with an empty group field are counted. */
#define TZ_BULLETIN_EMPTY_KEY "未填写"

/*
 * One project as the bulletin sees it. Strings are only read during
 * tz_bulletin_add(); the bulletin copies what it keeps. code, name and
 * region are read only for a project that lags (tz_bulletin_lags()), so
 * a store may leave them NULL for the others and skip fetching them.
 */
struct tz_bulletin_row {
	const char *code;
	const char *name;
	const char *region;
	const char *key;      /* the group: region, category or level */
	int64_t total;
	int64_t annual;
	int64_t ytd;          /* completed in year(P) up to and including P */
	int started;          /* latest report at or before P counts as started */
};

struct tz_bulletin_group {
	const char *key;
	int64_t projects;
	int64_t total;
	int64_t annual;
	int64_t ytd;
	int64_t started;
	int32_t completion_rate;  /* 1/10000 */
	int32_t start_rate;       /* 1/10000 */
	int rank;                 /* 1 = highest completion rate; ties share */
	int below_average;        /* completion rate below the totals' */
};

struct tz_bulletin_lag {
	const char *code;
	const char *name;
	const char *region;
	int64_t annual;
	int64_t ytd;
	int32_t ratio;  /* ytd / annual, 1/10000 */
	uint64_t key;   /* ytd / annual in 32.32 fixed point, for ordering */
};

struct tz_bulletin;

/* A new, empty bulletin; the caller frees it with tz_bulletin_free(). */
struct tz_bulletin *tz_bulletin_new(struct tz_period p, enum tz_bulletin_by by);
void tz_bulletin_free(struct tz_bulletin *b);

/* Whether a project with this plan and year-to-date figure lags. */
int tz_bulletin_lags(const struct tz_bulletin *b, int64_t annual, int64_t ytd);

/* Count one project. Must not be called after tz_bulletin_finish(). */
void tz_bulletin_add(struct tz_bulletin *b, const struct tz_bulletin_row *row);

/*
 * Sort the lagging list now (tz_bulletin_finish would). A store counting
 * parts in parallel sorts each part in its own thread; absorbing sorted
 * parts then merges instead of sorting again.
 */
void tz_bulletin_sort_lags(struct tz_bulletin *b);

/*
 * Add everything counted in `part` (a bulletin of the same period and
 * grouping, over other projects) to `b`, and free `part`. Lets a store
 * count disjoint sets of projects in parallel. Neither may be finished.
 */
void tz_bulletin_absorb(struct tz_bulletin *b, struct tz_bulletin *part);

/* Compute rates, ranks, averages and order. Call once, after every add. */
void tz_bulletin_finish(struct tz_bulletin *b);

struct tz_period tz_bulletin_period(const struct tz_bulletin *b);
enum tz_bulletin_by tz_bulletin_by(const struct tz_bulletin *b);
/* month(P)/12 in 1/10000. */
int32_t tz_bulletin_schedule(const struct tz_bulletin *b);

/* Groups in rank order (ties by key), after finish. */
size_t tz_bulletin_group_count(const struct tz_bulletin *b);
const struct tz_bulletin_group *tz_bulletin_group_at(const struct tz_bulletin *b, size_t i);

/* The whole city; rank and below_average are 0. */
const struct tz_bulletin_group *tz_bulletin_totals(const struct tz_bulletin *b);

/* Lagging projects, worst ratio first (ties by code), after finish. */
size_t tz_bulletin_lag_count(const struct tz_bulletin *b);
const struct tz_bulletin_lag *tz_bulletin_lag_at(const struct tz_bulletin *b, size_t i);

/*
 * A rate in 1/10000 as the JSON number the bulletin prints: four decimals
 * at most, trailing zeros dropped but one kept ("0.8757", "0.31", "1.0").
 */
char *tz_bulletin_rate_json(int32_t rate, char buf[16]);

#endif
