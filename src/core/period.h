/*
 * period.h: reporting periods (调度期).
 *
 * A period is a month of a year: the unit of dispatch and of the monthly
 * bulletin. Its schedule ratio (序时进度) is month / 12. Weekly and ten-day
 * reports roll up into their month before they reach the ledger.
 */
#ifndef TZ_PERIOD_H
#define TZ_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define TZ_PERIOD_FMT_MAX 8
#define TZ_PERIOD_YEAR_MIN 1990
#define TZ_PERIOD_YEAR_MAX 2100

/* Invariant: TZ_PERIOD_YEAR_MIN <= year <= TZ_PERIOD_YEAR_MAX, 1 <= month <= 12. */
struct tz_period {
	int year;
	int month;
};

/*
 * Parse "YYYY-MM" and the forms people type for it: "YYYY-M", "YYYY/MM",
 * "YYYY.MM", "YYYY年M月", "YYYYMM", with full-width digits and spaces
 * around; a whole date ("2025-03-15" as a date cell reads, "2025/3/1",
 * "2025.3.1", "2025年3月1日", "20250301") gives its month, and a day that
 * does not exist (2月30日) is refused. Returns 0 or TZ_EINVAL with a
 * reason that reads after the value ("月份13不存在").
 */
int tz_period_parse(const char *s, size_t len, struct tz_period *out, struct tz_err *err);

/* "YYYY-MM" into buf; returns buf. */
char *tz_period_fmt(struct tz_period p, char buf[TZ_PERIOD_FMT_MAX]);

/*
 * Parse a ledger year as written in a 年度 cell: "2025", "2025年",
 * "2025年度", full-width digits, spaces around. 0 or TZ_EINVAL with a
 * reason that reads after the value ("不是有效的年度").
 */
int tz_year_parse(const char *s, size_t len, int *out, struct tz_err *err);

/*
 * Find a year named in a title ("2025年重点项目台账", "营口市2025年度…"):
 * the first four digits in range followed by 年. 0 if none.
 */
int tz_year_in_text(const char *s, size_t len);

/* The period as the integer YYYYMM (202512), ordered like the periods. */
int tz_period_code(struct tz_period p);

/* The period of a YYYYMM code; 0 or TZ_EINVAL if the code is not one. */
int tz_period_from_code(int code, struct tz_period *out);

/* Schedule ratio month/12 in 1/10000 (see core/money.h): 2023-06 is 5000. */
int32_t tz_period_schedule(struct tz_period p);

/* -1, 0, 1 as a is before, equal to or after b. */
int tz_period_cmp(struct tz_period a, struct tz_period b);

#endif
