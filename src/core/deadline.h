/*
 * deadline.h: China time, dates and the reporting deadline (报送截止).
 *
 * web.md "Periods, deadlines, on-time rate": a coordinator opens a period
 * with a deadline, "default the 5th of the next month, 17:00 China time,
 * Asia/Shanghai". Instants are stored as int64_t seconds since 1970-01-01
 * 00:00 UTC ("UTC seconds"); they are shown and typed in China Standard
 * Time, which is UTC+8 all year (China has kept no daylight saving time
 * since 1991, and no instant before 1990 is accepted). The conversion is
 * exact integer arithmetic on the proleptic Gregorian calendar and never
 * reads the machine's time zone.
 *
 * A date (a problem's deadline, the day a procedure was obtained) is an
 * int32_t YYYYMMDD (20250315), ordered like the dates; 0 means "none".
 */
#ifndef TZ_DEADLINE_H
#define TZ_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/period.h"

/* China Standard Time (UTC+8) in seconds east of UTC. */
#define TZ_CST_OFFSET (8 * 3600)

/* "2026-01-05 17:00" and a NUL; "2026-01-05" and a NUL. */
#define TZ_CST_FMT_MAX 20
#define TZ_DATE_FMT_MAX 11

/* The default deadline's day of the next month and hour, China time. */
#define TZ_DEADLINE_DAY 5
#define TZ_DEADLINE_HOUR 17

/*
 * A wall-clock time in China. Invariant when valid: year within
 * TZ_PERIOD_YEAR_MIN..TZ_PERIOD_YEAR_MAX + 1, month 1..12, day within the
 * month, hour 0..23, minute and second 0..59.
 */
struct tz_cst_time {
	int year;
	int month;
	int day;
	int hour;
	int minute;
	int second;
};

/* Days in a month of the Gregorian calendar; 0 for a month out of range. */
int tz_days_in_month(int year, int month);

/* Whether t satisfies the invariant above. */
int tz_cst_valid(const struct tz_cst_time *t);

/* The UTC seconds of a valid China wall-clock time (exact). */
int64_t tz_cst_to_utc(const struct tz_cst_time *t);

/* The China wall-clock time of UTC seconds (exact, any int64 in the
 * accepted years). */
void tz_cst_from_utc(int64_t utc, struct tz_cst_time *out);

/*
 * The default deadline of period p: 17:00 China time on the 5th of the
 * month after p, as UTC seconds (09:00 UTC that day). web.md.
 */
int64_t tz_deadline_default(struct tz_period p);

/* The first instant of period p: 00:00 China time on its 1st. */
int64_t tz_period_begins(struct tz_period p);

/*
 * Parse a China time as people type it: "2026-01-05 17:00", with
 * seconds ":00" (others refused: times are shown to the minute), "T" for
 * the space, "/" or "." for "-", "2026年1月5日
 * 17:00", full-width digits; a date alone ("2026-01-05") means 17:00 of
 * that day, the hour offices close and the default deadline's hour.
 * 0 and *utc, or TZ_EINVAL with a reason ("不是有效的时间（应写作…）").
 */
int tz_cst_parse(const char *s, size_t len, int64_t *utc, struct tz_err *err);

/* "2026-01-05 17:00" (China time; seconds dropped) into buf; returns buf. */
char *tz_cst_fmt(int64_t utc, char buf[TZ_CST_FMT_MAX]);

/* Whether d is a valid YYYYMMDD within the accepted years. */
int tz_date_valid(int32_t d);

/*
 * Parse a date: "2025-03-15", "2025/3/15", "2025.3.15", "2025年3月15日",
 * "20250315", full-width digits, spaces around. 0 and *out (YYYYMMDD),
 * or TZ_EINVAL with a reason.
 */
int tz_date_parse(const char *s, size_t len, int32_t *out, struct tz_err *err);

/* "2025-03-15" into buf ("" for 0); returns buf. */
char *tz_date_fmt(int32_t d, char buf[TZ_DATE_FMT_MAX]);

/* The China date (YYYYMMDD) of UTC seconds. */
int32_t tz_date_of(int64_t utc);

/* The period (month) a date falls in. d must be valid. */
struct tz_period tz_date_period(int32_t d);

#endif
