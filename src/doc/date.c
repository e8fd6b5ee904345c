/*
 * date.c: dates, well-formed and garbled.
 *
 * Well-formed: 2022年2月16日, 2024年08月29日, 2023-07-20, 2023/7/20,
 * 2023.07.20, 二〇二二年二月十六日 (zero also written ○, ◯, 零 or a letter
 * O), and a year with a month.
 *
 * Garbled: pages copied badly lose 年, 月 or 日 and the digits run
 * together: 20213月 (2021年3月), 219日 (2月19日), 202331日 (2023年3月1日),
 * a signature line 2023930 (2023年9月30日). The digits are split every way
 * that gives a valid date; exactly one way is a reading, several are
 * ambiguous, none means it was not a date (全年365日, 120日内). Every
 * garbled date is a `garbled_date` warning, with its reading when there is
 * one. Dates written properly (2023年7月5日, 1-8月, 9月中旬, 15日 after
 * 月) are never warned about. Dates that cannot be (9月31日, 2023年2月30日,
 * 2023-02-30) are `invalid_date` warnings.
 */
#include <stdio.h>
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return m >= 1 && m <= 12 ? dm[m - 1] : 0;
}

static int valid_md(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= days_in(y ? y : 2000, m);
}

static int plausible_year(int y)
{
	return y >= 1949 && y <= 2100;
}

/* Read up to max ASCII digits at s[i]; returns the count, value in *v. */
static size_t digits_at(const char *s, size_t len, size_t i, size_t max, int *v)
{
	size_t n = 0;

	*v = 0;
	while (i + n < len && n < max && is_digit(s[i + n])) {
		*v = *v * 10 + (s[i + n] - '0');
		n++;
	}
	return n;
}

/* A year in Chinese digits: 二〇二二. */
static size_t cn_year_at(const char *s, size_t len, size_t i, int *y)
{
	static const char *d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	size_t p = i;
	int n = 0;

	*y = 0;
	while (n < 4) {
		int k;
		size_t w = 3;

		for (k = 0; k < 10; k++)
			if (tz_dp_at(s, len, p, d[k]))
				break;

		if (k == 10 && (tz_dp_at(s, len, p, "零") || tz_dp_at(s, len, p, "○") ||
				tz_dp_at(s, len, p, "◯")))
			k = 0;
		/* 二O二二, 二0二二: a letter O or a digit zero typed for 〇 */
		if (k == 10 && n && p < len && (s[p] == 'O' || s[p] == 'o' || s[p] == '0'))
			k = 0, w = 1;
		if (k == 10)
			return 0;
		*y = *y * 10 + k;
		p += w;
		n++;
	}
	return p - i;
}

size_t tz_dp_date_at(const char *s, size_t len, size_t i, struct dp_date *d)
{
	int y, m, dd;
	size_t n, p;

	memset(d, 0, sizeof(*d));
	if (i < len && is_digit(s[i])) {
		if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.'))
			return 0;
		n = digits_at(s, len, i, 5, &y);
		if (n != 4 || !plausible_year(y))
			return 0;
		p = tz_dp_skip_sp(s, len, i + 4);
		if (tz_dp_at(s, len, p, "年")) {
			p = tz_dp_skip_sp(s, len, p + 3);
			n = digits_at(s, len, p, 3, &m);
			if (!n || n > 2 || m < 1 || m > 12)
				return 0;
			p = tz_dp_skip_sp(s, len, p + n);
			if (!tz_dp_at(s, len, p, "月"))
				return 0;
			p += 3;
			d->y = y;
			d->m = m;
			{
				size_t q = tz_dp_skip_sp(s, len, p);

				n = digits_at(s, len, q, 3, &dd);
				if (n && n <= 2) {
					size_t r = tz_dp_skip_sp(s, len, q + n);

					if ((tz_dp_at(s, len, r, "日") || tz_dp_at(s, len, r, "号")) &&
					    valid_md(y, m, dd)) {
						d->d = dd;
						return r + 3;
					}
				}
			}
			return p;
		}
		if (p == i + 4 && i + 4 < len && (s[p] == '-' || s[p] == '/' || s[p] == '.')) {
			char sep = s[p];

			n = digits_at(s, len, p + 1, 3, &m);
			if (!n || n > 2 || m < 1 || m > 12)
				return 0;
			p += 1 + n;
			d->y = y;
			d->m = m;
			if (p < len && s[p] == sep) {
				n = digits_at(s, len, p + 1, 3, &dd);
				if (n && n <= 2 && valid_md(y, m, dd)) {
					d->d = dd;
					return p + 1 + n;
				}
			}
			if (sep == '.')
				return 0; /* 2023.07 is a number more often than a date */
			return p;
		}
		return 0;
	}
	/* 二〇二二年二月十六日 */
	n = cn_year_at(s, len, i, &y);
	if (!n || !plausible_year(y))
		return 0;
	p = i + n;
	if (!tz_dp_at(s, len, p, "年"))
		return 0;
	p += 3;
	m = tz_dp_cn_num(s, len, p, &n);
	if (!m || m > 12 || !tz_dp_at(s, len, p + n, "月"))
		return 0;
	p += n + 3;
	d->y = y;
	d->m = m;
	dd = tz_dp_cn_num(s, len, p, &n);
	if (dd && valid_md(y, m, dd) && (tz_dp_at(s, len, p + n, "日") || tz_dp_at(s, len, p + n, "号"))) {
		d->d = dd;
		return p + n + 3;
	}
	return p;
}

/*
 * Ways to read the digit string ds (n digits) as [year] month day, with
 * the year present when with_year. Returns the number of valid readings
 * (the last one in *out).
 */
static int readings(const char *ds, size_t n, int with_year, int with_day, struct dp_date *out)
{
	int count = 0, y = 0;
	size_t off = 0;

	if (with_year) {
		if (n < 5)
			return 0;
		for (size_t k = 0; k < 4; k++)
			y = y * 10 + (ds[k] - '0');
		if (!plausible_year(y))
			return 0;
		off = 4;
	}
	if (!with_day) {
		/* year + month: the rest is the month */
		int m = 0;

		if (n - off < 1 || n - off > 2)
			return 0;
		for (size_t k = off; k < n; k++)
			m = m * 10 + (ds[k] - '0');
		if (m < 1 || m > 12)
			return 0;
		out->y = y;
		out->m = m;
		out->d = 0;
		return 1;
	}
	for (size_t ml = 1; ml <= 2; ml++) {
		int m = 0, d = 0;
		size_t dl;

		if (off + ml >= n)
			break;
		dl = n - off - ml;
		if (dl > 2)
			continue;
		for (size_t k = off; k < off + ml; k++)
			m = m * 10 + (ds[k] - '0');
		for (size_t k = off + ml; k < n; k++)
			d = d * 10 + (ds[k] - '0');
		if (valid_md(y, m, d)) {
			count++;
			out->y = y;
			out->m = m;
			out->d = d;
		}
	}
	return count;
}

int tz_dp_date_field(const char *s, size_t b, size_t e, struct dp_date *d,
		     int *garbled, int *ambiguous)
{
	size_t p, n;
	int count;

	*garbled = 0;
	*ambiguous = 0;
	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return 0;
	p = tz_dp_date_at(s, e, b, d);
	if (p && tz_dp_skip_sp(s, e, p) == e)
		return 1;
	for (n = 0; b + n < e && is_digit(s[b + n]); n++)
		;
	if (b + n != e || n < 6 || n > 8)
		return 0;
	if (n == 8) {
		struct dp_date t;

		/* YYYYMMDD: a compact form, not damage */
		if (readings(s + b, 8, 1, 1, &t) && s[b + 4] <= '1') {
			int m = (s[b + 4] - '0') * 10 + (s[b + 5] - '0');
			int dd = (s[b + 6] - '0') * 10 + (s[b + 7] - '0');

			if (valid_md(t.y, m, dd)) {
				d->y = t.y;
				d->m = m;
				d->d = dd;
				return 1;
			}
		}
		return 0;
	}
	count = readings(s + b, n, 1, 1, d);
	if (!count)
		return 0;
	*garbled = 1;
	if (count > 1) {
		*ambiguous = 1;
		memset(d, 0, sizeof(*d));
	}
	return 1;
}

const char *tz_dp_date_str(struct dp_ctx *c, const struct dp_date *d)
{
	char buf[16];

	if (d->y && d->m && d->d)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d->y, d->m, d->d);
	else if (d->y && d->m)
		snprintf(buf, sizeof(buf), "%04d-%02d", d->y, d->m);
	else if (d->m && d->d)
		snprintf(buf, sizeof(buf), "--%02d-%02d", d->m, d->d);
	else
		return NULL;
	return tz_arena_strdup(c->arena, buf);
}

/* Words after a number of days that show it is a duration, not a date. */
static int duration_after(const char *s, size_t len, size_t p)
{
	/* not 前: "112日前完成" is "before 11月2日" or "1月12日" */
	static const char *w[] = { "内", "以内", "之内", "后", "以后", "之后",
				   "左右", "以上", "以下", "天", "之间", "起", "为限", "工作日" };

	for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (tz_dp_at(s, len, p, w[k]))
			return 1;
	return 0;
}

static int duration_before(const char *s, size_t b)
{
	static const char *w[] = { "第", "约", "近", "共", "达", "历时", "用时", "累计",
				   "每", "满", "超过", "不超过", "仅", "需", "提前", "延长" };
	for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		size_t n = strlen(w[k]);

		if (b >= n && !memcmp(s + b - n, w[k], n))
			return 1;
	}
	return 0;
}

static void scan_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;

	while (i < len) {
		size_t b = i, n, p;
		struct dp_date d;
		int count = 0, garbled = 0;
		char prev;

		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		while (i < len && is_digit(s[i]))
			i++;
		n = i - b;
		prev = b ? s[b - 1] : 0;
		/* Part of a code, a decimal, a range or an identifier. */
		if (prev == '.' || prev == '/' || prev == '-' || prev == '#' || prev == ':' ||
		    (prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
		    (i < len && (s[i] == '.' || s[i] == '-' || s[i] == '/')))
			continue;
		p = tz_dp_skip_sp(s, len, i);
		memset(&d, 0, sizeof(d));
		if (tz_dp_at(s, len, p, "月")) {
			if (n < 5 || n > 6)
				continue;
			count = readings(s + b, n, 1, 0, &d);
			if (!count)
				continue;
			garbled = 1;
			/* 20239月30日: take the day too */
			{
				size_t q = tz_dp_skip_sp(s, len, p + 3);
				int dd;
				size_t dn = digits_at(s, len, q, 3, &dd);

				if (dn && dn <= 2 && tz_dp_at(s, len, tz_dp_skip_sp(s, len, q + dn), "日") &&
				    valid_md(d.y, d.m, dd))
					d.d = dd;
			}
			i = p + 3;
		} else if (tz_dp_at(s, len, p, "日")) {
			size_t pb = tz_dp_prev(s, b);

			if (b && tz_dp_at(s, len, pb, "月"))
				continue; /* 9月30日 */
			if (n < 2 || n > 8)
				continue;
			if (n == 2) {
				int v = (s[b] - '0') * 10 + (s[b + 1] - '0');

				if (v <= 31)
					continue; /* 15日: a day of a month named before */
			}
			if (duration_after(s, len, p + 3) || duration_before(s, b))
				continue;
			count = readings(s + b, n, n >= 5, 1, &d);
			if (!count)
				continue;
			garbled = 1;
			i = p + 3;
		} else if (n == 6 || n == 7) {
			/* A date line of bare digits: "2023930" as a signature */
			size_t e = tz_dp_skip_sp(s, len, i);
			size_t lb = tz_dp_skip_sp(s, len, 0);
			int amb;

			if (e != len || lb != b)
				continue;
			if (!tz_dp_date_field(s, b, i, &d, &garbled, &amb) || !garbled)
				continue;
			count = amb ? 2 : 1;
		}
		if (garbled)
			tz_dp_warn(c, "garbled_date", li, b, i, count == 1 ? tz_dp_date_str(c, &d) : NULL,
				   count == 1 ? "日期缺少年/月/日，已按唯一合理的读法读出"
					      : "日期缺少年/月/日，有多种读法，无法确定");
	}
}

/*
 * Dates that cannot be: "9月31日", "2023年2月30日", "2023-02-30", "13月5日".
 * Every "月" (and every YYYY-MM-DD) is looked at once, with a bounded look
 * back for its month and year.
 */
static void scan_impossible(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len;

	for (size_t i = 0; i < len; i++) {
		size_t mb, b, q, dn;
		int m = 0, d, y = 0;

		if (tz_dp_at(s, len, i, "月")) {
			/* the month's digits before it, and a year before them */
			mb = i;
			while (mb > 0 && i - mb < 2 && is_digit(s[mb - 1]))
				mb--;
			if (mb == i || (mb > 0 && is_digit(s[mb - 1])))
				continue;
			for (size_t k = mb; k < i; k++)
				m = m * 10 + (s[k] - '0');
			b = mb;
			if (mb >= 7 && tz_dp_at(s, len, mb - 3, "年") && digits_at(s, len, mb - 7, 4, &y) == 4 &&
			    (mb == 7 || !is_digit(s[mb - 8])) && plausible_year(y))
				b = mb - 7;
			else
				y = 0;
			q = i + 3;
			dn = digits_at(s, len, q, 3, &d);
			if (!dn || dn > 2 || !tz_dp_at(s, len, q + dn, "日"))
				continue;
			if (m >= 1 && m <= 12 && valid_md(y, m, d))
				continue; /* 2月29日 with no year may be a leap year's */
			tz_dp_warn(c, "invalid_date", li, b, q + dn + 3, NULL, "日期不存在（该月没有这一天）");
			i = q + dn + 2;
		} else if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1])) && i + 10 <= len &&
			   digits_at(s, len, i, 5, &y) == 4 && plausible_year(y) &&
			   (s[i + 4] == '-' || s[i + 4] == '/') && digits_at(s, len, i + 5, 3, &m) == 2 &&
			   s[i + 7] == s[i + 4] && digits_at(s, len, i + 8, 3, &d) == 2) {
			if (m < 1 || m > 12 || valid_md(y, m, d)) {
				i += 9;
				continue;
			}
			tz_dp_warn(c, "invalid_date", li, i, i + 10, NULL, "日期不存在（该月没有这一天）");
			i += 9;
		}
	}
}

void tz_dp_scan_dates(struct dp_ctx *c)
{
	for (size_t li = 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT) {
			scan_line(c, li);
			scan_impossible(c, li);
		}
}
