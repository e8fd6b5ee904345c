/* deadline.c: China time, dates and the default reporting deadline, in exact integer arithmetic. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/deadline.h"
#include "base/banned.h"

#define DAY_SECONDS 86400

int tz_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && leap);
}

/*
 * Days since 1970-01-01 of a Gregorian date. The year is counted from
 * March so that the leap day falls at the end; 400-year eras of 146097
 * days make the arithmetic exact for any year.
 */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int *year, int *month, int *day)
{
	int64_t era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (*month <= 2));
}

int tz_cst_valid(const struct tz_cst_time *t)
{
	return t->year >= TZ_PERIOD_YEAR_MIN && t->year <= TZ_PERIOD_YEAR_MAX + 1 &&
	       t->month >= 1 && t->month <= 12 && t->day >= 1 &&
	       t->day <= tz_days_in_month(t->year, t->month) && t->hour >= 0 && t->hour <= 23 &&
	       t->minute >= 0 && t->minute <= 59 && t->second >= 0 && t->second <= 59;
}

int64_t tz_cst_to_utc(const struct tz_cst_time *t)
{
	int64_t days = days_from_civil(t->year, t->month, t->day);

	return days * DAY_SECONDS + t->hour * 3600 + t->minute * 60 + t->second - TZ_CST_OFFSET;
}

void tz_cst_from_utc(int64_t utc, struct tz_cst_time *out)
{
	int64_t local = utc + TZ_CST_OFFSET;
	/* Floor division: instants before 1970 have negative seconds. */
	int64_t days = local >= 0 ? local / DAY_SECONDS : -((-local + DAY_SECONDS - 1) / DAY_SECONDS);
	int64_t secs = local - days * DAY_SECONDS;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
}

int64_t tz_deadline_default(struct tz_period p)
{
	struct tz_cst_time t = { p.month == 12 ? p.year + 1 : p.year, p.month % 12 + 1,
				 TZ_DEADLINE_DAY, TZ_DEADLINE_HOUR, 0, 0 };

	return tz_cst_to_utc(&t);
}

int64_t tz_period_begins(struct tz_period p)
{
	struct tz_cst_time t = { p.year, p.month, 1, 0, 0, 0 };

	return tz_cst_to_utc(&t);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */

struct scan {
	const char *p, *end;
};

/* Up to `max` ASCII digits; the count read (0: none). */
static int digits(struct scan *s, int max, int *value)
{
	int n = 0;

	*value = 0;
	while (s->p < s->end && n < max && *s->p >= '0' && *s->p <= '9') {
		*value = *value * 10 + (*s->p - '0');
		s->p++;
		n++;
	}
	return n;
}

static int lit(struct scan *s, const char *text)
{
	size_t n = strlen(text);

	if ((size_t)(s->end - s->p) >= n && !memcmp(s->p, text, n)) {
		s->p += n;
		return 1;
	}
	return 0;
}

static void spaces(struct scan *s)
{
	while (s->p < s->end && *s->p == ' ')
		s->p++;
}

/* A date at s: Y-M-D with "-", "/" or "." (the same twice), Y年M月D日, or
 * YYYYMMDD. Checks the calendar. 0 or -1. */
static int scan_date(struct scan *s, int *y, int *m, int *d)
{
	const char *start = s->p;
	int n = digits(s, 8, y);

	if (n == 8) {
		*d = *y % 100;
		*m = *y / 100 % 100;
		*y /= 10000;
	} else if (n == 4) {
		char sep = s->p < s->end ? *s->p : 0;

		if (sep == '-' || sep == '/' || sep == '.') {
			s->p++;
			if (!digits(s, 2, m) || s->p >= s->end || *s->p != sep)
				return -1;
			s->p++;
			if (!digits(s, 2, d))
				return -1;
		} else if (lit(s, "年")) {
			if (!digits(s, 2, m) || !lit(s, "月") || !digits(s, 2, d))
				return -1;
			if (!lit(s, "日"))
				lit(s, "号");
		} else {
			return -1;
		}
	} else {
		s->p = start;
		return -1;
	}
	if (*y < TZ_PERIOD_YEAR_MIN || *y > TZ_PERIOD_YEAR_MAX + 1 || *m < 1 || *m > 12 ||
	    *d < 1 || *d > tz_days_in_month(*y, *m))
		return -1;
	return 0;
}

/* Fold full-width forms and trim into `b`; 0 or -1 (too long, empty). */
static int fold(const char *s, size_t len, struct tz_buf *b)
{
	tz_text_trim(&s, &len);
	b->max = 64;
	if (!len || len > 64 || tz_text_fold_width(s, len, b))
		return -1;
	return 0;
}

int tz_cst_parse(const char *s, size_t len, int64_t *utc, struct tz_err *err)
{
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_cst_time t = { 0, 0, 0, TZ_DEADLINE_HOUR, 0, 0 };
	struct scan sc;
	int rc = 0;

	if (fold(s, len, &b)) {
		rc = tz_err_set(err, TZ_EINVAL, "不是有效的时间（应写作2026-01-05 17:00）");
		goto out;
	}
	sc.p = b.buf;
	sc.end = b.buf + b.len;
	if (scan_date(&sc, &t.year, &t.month, &t.day))
		goto bad;
	if (sc.p < sc.end) {
		if (*sc.p == 'T')
			sc.p++;
		else
			spaces(&sc);
		if (!digits(&sc, 2, &t.hour) || !(lit(&sc, ":") || lit(&sc, "时") || lit(&sc, "点")))
			goto bad;
		if (!digits(&sc, 2, &t.minute) && sc.p < sc.end)
			goto bad;
		lit(&sc, "分");
		if (lit(&sc, ":") && !digits(&sc, 2, &t.second))
			goto bad;
		if (sc.p != sc.end)
			goto bad;
		/* Shown to the minute: seconds kept would make a save at
		 * "04:19" late against a deadline shown as "04:19"
		 * (walkthrough 12). */
		if (t.second) {
			rc = tz_err_set(err, TZ_EINVAL,
					"不是有效的时间：只写到分钟，秒须为00（应写作2026-01-05 17:00）");
			goto out;
		}
	}
	if (!tz_cst_valid(&t))
		goto bad;
	*utc = tz_cst_to_utc(&t);
	goto out;
bad:
	rc = tz_err_set(err, TZ_EINVAL, "不是有效的时间（应写作2026-01-05 17:00）");
out:
	tz_buf_release(&b);
	return rc;
}

char *tz_cst_fmt(int64_t utc, char buf[TZ_CST_FMT_MAX])
{
	struct tz_cst_time t;

	tz_cst_from_utc(utc, &t);
	snprintf(buf, TZ_CST_FMT_MAX, "%04u-%02u-%02u %02u:%02u", (unsigned)t.year % 10000u,
		 (unsigned)t.month % 100u, (unsigned)t.day % 100u, (unsigned)t.hour % 100u,
		 (unsigned)t.minute % 100u);
	return buf;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

int tz_date_valid(int32_t d)
{
	int y = d / 10000, m = d / 100 % 100, day = d % 100;

	return d > 0 && y >= TZ_PERIOD_YEAR_MIN && y <= TZ_PERIOD_YEAR_MAX + 1 && m >= 1 &&
	       m <= 12 && day >= 1 && day <= tz_days_in_month(y, m);
}

int tz_date_parse(const char *s, size_t len, int32_t *out, struct tz_err *err)
{
	struct tz_buf b = TZ_BUF_INIT;
	struct scan sc;
	int y, m, d, rc = 0;

	if (fold(s, len, &b))
		goto bad;
	sc.p = b.buf;
	sc.end = b.buf + b.len;
	if (scan_date(&sc, &y, &m, &d) || sc.p != sc.end)
		goto bad;
	*out = (int32_t)(y * 10000 + m * 100 + d);
	goto out;
bad:
	rc = tz_err_set(err, TZ_EINVAL, "不是有效的日期（应写作2025-03-15）");
out:
	tz_buf_release(&b);
	return rc;
}

char *tz_date_fmt(int32_t d, char buf[TZ_DATE_FMT_MAX])
{
	if (!d) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, TZ_DATE_FMT_MAX, "%04u-%02u-%02u", (unsigned)(d / 10000) % 10000u,
		 (unsigned)(d / 100 % 100) % 100u, (unsigned)(d % 100) % 100u);
	return buf;
}

int32_t tz_date_of(int64_t utc)
{
	struct tz_cst_time t;

	tz_cst_from_utc(utc, &t);
	return (int32_t)(t.year * 10000 + t.month * 100 + t.day);
}

struct tz_period tz_date_period(int32_t d)
{
	struct tz_period p = { d / 10000, d / 100 % 100 };

	return p;
}
