/* period.c: parsing and arithmetic of monthly periods. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/money.h"
#include "core/period.h"
#include "base/banned.h"

static int valid(int year, int month, struct tz_err *err)
{
	if (year < TZ_PERIOD_YEAR_MIN || year > TZ_PERIOD_YEAR_MAX)
		return tz_err_set(err, TZ_EINVAL, "年份%d超出范围", year);
	if (month < 1 || month > 12)
		return tz_err_set(err, TZ_EINVAL, "月份%d不存在", month);
	return 0;
}

/* Whether day does not exist in that month (a February 30th). */
static int day_invalid(int year, int month, int day)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12 || day < 1)
		return 1;
	return day > days[month - 1] || (month == 2 && day == 29 && !leap);
}

/* Read up to `max` ASCII digits at *p; returns the count read. */
static int digits(const char **p, const char *end, int max, int *value)
{
	int n = 0;

	*value = 0;
	while (*p < end && n < max && **p >= '0' && **p <= '9') {
		*value = *value * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

static int skip(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(end - *p) >= n && !memcmp(*p, lit, n)) {
		*p += n;
		return 1;
	}
	return 0;
}

int tz_period_parse(const char *s, size_t len, struct tz_period *out, struct tz_err *err)
{
	char text[64];
	struct tz_buf b = TZ_BUF_INIT;
	const char *p, *end;
	int year, month, nd;

	tz_text_trim(&s, &len);
	if (!len)
		return tz_err_set(err, TZ_EINVAL, "年月为空");
	/* The common case, "2025-12", needs no folding. */
	p = s;
	if (len == 7 && s[4] == '-' && digits(&p, s + 4, 4, &year) == 4 &&
	    (p = s + 5, digits(&p, s + 7, 2, &month) == 2)) {
		if (valid(year, month, err))
			return TZ_EINVAL;
		out->year = year;
		out->month = month;
		return 0;
	}
	if (len >= sizeof(text))
		return tz_err_set(err, TZ_EINVAL, "不是有效的年月（应写作YYYY-MM）");
	/* Fold full-width digits and separators on a stack copy. */
	b.max = sizeof(text) - 1;
	if (tz_text_fold_width(s, len, &b)) {
		tz_buf_release(&b);
		return tz_err_set(err, TZ_EINVAL, "不是有效的年月（应写作YYYY-MM）");
	}
	/* Keep the folded length: a NUL inside is not the end of the text. */
	memcpy(text, b.buf, b.len);
	p = text;
	end = text + b.len;
	tz_buf_release(&b);

	nd = digits(&p, end, 4, &year);
	if (nd != 4)
		goto bad;
	if (p == end - 2 && digits(&p, end, 2, &month) == 2) {
		/* YYYYMM */
	} else if (p == end - 4 && digits(&p, end, 2, &month) == 2) {
		/* YYYYMMDD, as some systems export a date */
		int day;

		if (digits(&p, end, 2, &day) != 2 || day_invalid(year, month, day))
			goto bad;
	} else if (skip(&p, end, "-") || skip(&p, end, "/") || skip(&p, end, ".")) {
		char sep = p[-1];
		int day;

		if (!digits(&p, end, 2, &month))
			goto bad;
		/* A whole date, as a date-formatted cell gives: the month. */
		if (p < end && *p == sep) {
			p++;
			if (!digits(&p, end, 2, &day) || day_invalid(year, month, day))
				goto bad;
		}
		if (p != end)
			goto bad;
	} else if (skip(&p, end, "年")) {
		int day;

		if (!digits(&p, end, 2, &month) || !skip(&p, end, "月"))
			goto bad;
		/* "2025年3月", "2025年3月份", "2025年3月1日" */
		if (!skip(&p, end, "份") && p < end) {
			if (!digits(&p, end, 2, &day) || !(skip(&p, end, "日") || skip(&p, end, "号")) ||
			    day_invalid(year, month, day))
				goto bad;
		}
		if (p != end)
			goto bad;
	} else {
		goto bad;
	}
	if (valid(year, month, err))
		return TZ_EINVAL;
	out->year = year;
	out->month = month;
	return 0;
bad:
	return tz_err_set(err, TZ_EINVAL, "不是有效的年月（应写作YYYY-MM）");
}

char *tz_period_fmt(struct tz_period p, char buf[TZ_PERIOD_FMT_MAX])
{
	snprintf(buf, TZ_PERIOD_FMT_MAX, "%04u-%02u", (unsigned)p.year % 10000u,
		 (unsigned)p.month % 100u);
	return buf;
}

int tz_period_code(struct tz_period p)
{
	return p.year * 100 + p.month;
}

int tz_period_from_code(int code, struct tz_period *out)
{
	if (valid(code / 100, code % 100, NULL))
		return TZ_EINVAL;
	out->year = code / 100;
	out->month = code % 100;
	return 0;
}

int32_t tz_period_schedule(struct tz_period p)
{
	return tz_rate(p.month, 12);
}

int tz_period_cmp(struct tz_period a, struct tz_period b)
{
	int ca = tz_period_code(a), cb = tz_period_code(b);

	return ca < cb ? -1 : ca > cb;
}

int tz_year_parse(const char *s, size_t len, int *out, struct tz_err *err)
{
	struct tz_buf b = TZ_BUF_INIT;
	const char *p, *end;
	int year = 0, rc = 0;

	tz_text_trim(&s, &len);
	/* The 年度 of a ledger row is nearly always four ASCII digits: read
	 * without the width fold's copy (which leaves them as they are). */
	if (len == 4 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	    s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
		year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		if (year < TZ_PERIOD_YEAR_MIN || year > TZ_PERIOD_YEAR_MAX)
			return tz_err_set(err, TZ_EINVAL, "年份%d超出范围", year);
		*out = year;
		return 0;
	}
	b.max = 64;
	if (!len || tz_text_fold_width(s, len, &b)) {
		rc = tz_err_set(err, TZ_EINVAL, "不是有效的年度");
		goto out;
	}
	p = b.buf;
	end = b.buf + b.len;
	if (digits(&p, end, 4, &year) != 4 ||
	    (p < end && !skip(&p, end, "年度") && !skip(&p, end, "年")) || p != end) {
		rc = tz_err_set(err, TZ_EINVAL, "不是有效的年度（应写作2025）");
		goto out;
	}
	if (year < TZ_PERIOD_YEAR_MIN || year > TZ_PERIOD_YEAR_MAX) {
		rc = tz_err_set(err, TZ_EINVAL, "年份%d超出范围", year);
		goto out;
	}
	*out = year;
out:
	tz_buf_release(&b);
	return rc;
}

int tz_year_in_text(const char *s, size_t len)
{
	struct tz_buf b = TZ_BUF_INIT;
	int found = 0;

	if (tz_text_fold_width(s, len, &b))
		goto out;
	for (size_t i = 0; i + 4 < b.len && !found; i++) {
		const char *p = b.buf + i, *end = b.buf + b.len;
		int year;

		if (i && b.buf[i - 1] >= '0' && b.buf[i - 1] <= '9')
			continue;
		if (digits(&p, end, 4, &year) == 4 && skip(&p, end, "年") &&
		    year >= TZ_PERIOD_YEAR_MIN && year <= TZ_PERIOD_YEAR_MAX)
			found = year;
	}
out:
	tz_buf_release(&b);
	return found;
}
