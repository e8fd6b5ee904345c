/*
 * progress.h: a progress report (调度): one project, one period.
 *
 * Like struct tz_project, struct tz_progress is a plain value whose
 * strings are borrowed from whoever filled it.
 */
#ifndef TZ_PROGRESS_H
#define TZ_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/period.h"
#include "core/project.h"

/* 开工状态. The numbers are stored: never renumber. */
enum tz_status {
	TZ_STATUS_NONE = 0,        /* no report */
	TZ_STATUS_NOT_STARTED = 1, /* 未开工 */
	TZ_STATUS_STARTED = 2,     /* 已开工 */
	TZ_STATUS_RESUMED = 3,     /* 已复工 */
	TZ_STATUS_STOPPED = 4,     /* 停工 */
	TZ_STATUS_COMPLETED = 5,   /* 已竣工 */
};
#define TZ_STATUS_MAX TZ_STATUS_COMPLETED

/* The Chinese name ("已开工"); "" for TZ_STATUS_NONE. */
const char *tz_status_name(enum tz_status s);

/*
 * Parse a status as written, with its common variants (开工, 在建, 竣工,
 * 停建, …). Returns 0 or TZ_EINVAL with a reason that reads after the
 * value ("无法识别（应为…）"): the caller names the column and value.
 */
int tz_status_parse(const char *s, size_t len, enum tz_status *out, struct tz_err *err);

/* Whether the status counts as started for 开工率: 已开工, 已复工, 已竣工. */
int tz_status_counts_started(enum tz_status s);

enum tz_progress_field {
	TZ_RF_CODE,       /* 项目编号 */
	TZ_RF_PERIOD,     /* 调度期 */
	TZ_RF_COMPLETED,  /* 本期完成投资(万元) */
	TZ_RF_STATUS,     /* 开工状态 */
	TZ_RF_TEXT,       /* 形象进度 */
	TZ_RF_PROBLEM,    /* 存在问题 */
	TZ_RF_COUNT
};

/* Invariants once validated: code non-empty, period valid, completed >= 0,
 * status not NONE. Optional strings are "" when absent. */
struct tz_progress {
	const char *code;
	struct tz_period period;
	int64_t completed;  /* 0.01 万元 */
	enum tz_status status;
	const char *progress_text;
	const char *problem;
};

/*
 * Check the invariants above: 0, or TZ_EINVAL with a Chinese reason and
 * err->field the column's header (tz_progress_columns). tz_progress_validate
 * stops at the first field at fault; tz_progress_check checks one field
 * (TZ_RF_PERIOD: nothing), so that a form can say what is wrong with each.
 */
int tz_progress_validate(const struct tz_progress *r, struct tz_err *err);
int tz_progress_check(const struct tz_progress *r, enum tz_progress_field f,
		      struct tz_err *err);

extern const struct tz_column tz_progress_columns[TZ_RF_COUNT];

/*
 * Running totals. A bulletin for month m of year Y needs, per project,
 * the investment completed from January to m (1-N月累计) and the status in
 * force at m: the latest report at or before m, carried over from earlier
 * years when the project has not reported since. tz_report_years gathers
 * one project's reports (in any order) and derives both for every year
 * from its first report to its last, empty years in between included.
 */
struct tz_report_year {
	int64_t done[12];          /* completed per month, January first */
	unsigned char status[12];  /* reported status per month, 0 = none */
	uint16_t problems;         /* bit m-1: the report of month m names a 存在问题 */
	int problem_month;         /* the month `problem` is the text of, 0: none */
	char *problem;             /* owned: the latest 存在问题 text seen */
};

struct tz_report_years {
	int first;                 /* year of years[0]; 0 while empty */
	int nyears;
	int alloc;
	struct tz_report_year *years;
};

/* The derived figures of one year. */
struct tz_running_year {
	int year;
	int64_t ytd[12];           /* cumulative from January */
	unsigned char status[12];  /* in force at each month, 0 = none yet */
	uint16_t reported;         /* bit m-1: a report for month m exists */
	uint16_t problems;         /* bit m-1: that report names a 存在问题 */
	int problem_month;         /* the month problem_text is the 存在问题 of, 0: none */
	const char *problem_text;  /* of the latest month with one, when known; "" if not */
};

#define TZ_REPORT_YEARS_INIT { 0, 0, 0, NULL }

/* Forget the reports, keeping the memory (problem texts are freed). */
void tz_report_years_clear(struct tz_report_years *y);
/* Free the memory. */
void tz_report_years_release(struct tz_report_years *y);

/*
 * Record one report; a second report for the same month replaces it.
 * `problem` is its 存在问题 ("" or NULL for none), copied when it is the
 * latest of its year so far, so that a bulletin can list a lagging
 * project's latest problem without reading the reports again.
 */
void tz_report_years_add(struct tz_report_years *y, struct tz_period p, int64_t completed,
			 enum tz_status status, const char *problem);

/*
 * Call fn for each year from the first report's to the last's, in order,
 * with the cumulative investment and the status in force per month. A
 * non-zero return from fn stops and is returned.
 */
int tz_report_years_each(const struct tz_report_years *y,
			 int (*fn)(void *ctx, const struct tz_running_year *ry), void *ctx);

#endif
