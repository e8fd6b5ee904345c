/*
 * pii.c: personal data that must not be published.
 *
 * `personal_phone`: a mainland mobile number, 1[3-9] and nine more digits,
 * written together or as 3-4-4 with spaces, hyphens, dots, middle dots or
 * dashes (139.1234.5678, 139·1234·5678, 139—1234—5678), with or without a
 * country code (+86, 0086, 86-), in full-width digits too (folded before
 * this runs), not part of a longer run of digits (an index number, an
 * amount), of a link or file name (…/13912345678.html), nor a quantity
 * (15800001111万元). Office landlines (0335-3032123, 8-digit local
 * numbers) belong to units and are not flagged.
 *
 * Every line is scanned, page chrome included: "微信：13912345678" is
 * dropped as a share widget's line for the rest of the reader, but it is
 * published all the same.
 *
 * `personal_id`: an 18-character resident ID number (17 digits and a digit
 * or X), written together or grouped 6-8-4 or 6-4-4-4 by spaces or
 * hyphens, whose
 * birth date is valid and whose ISO 7064 check character matches, so that
 * long codes and amounts are not mistaken for one; or a first-generation
 * 15-digit one (no check digit: a province code and a birth date that
 * exists, old_id_valid), written together or grouped 6-6-3 by spaces or
 * hyphens ("110105 491231 002", old_id_at), not after a code's label
 * (注册号, 账号, 账户, 卡号…) nor as a 文号's sequence ("〔2023〕…号").
 *
 * Either kind may be broken over two lines where a page wraps it
 * ("手机：139" / "1234 5678", "身份证号：110105 491231" / "002"): a line
 * that ends in the start of a number is read on into the digits that open
 * the next line; the warning names the first line.
 */
#include <stdio.h>
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* A separator inside a grouped number ("139-1234-5678", "139 1234 5678",
 * "139.1234.5678", "139—1234—5678"): its length, or 0. */
static size_t group_sep(const char *s, size_t len, size_t p)
{
	if (p < len && (s[p] == ' ' || s[p] == '-' || s[p] == '.'))
		return 1;
	if (tz_dp_at(s, len, p, "·")) /* U+00B7 */
		return 2;
	if (tz_dp_at(s, len, p, "—") || tz_dp_at(s, len, p, "•") || tz_dp_at(s, len, p, "・"))
		return 3;
	return 0;
}

static int is_alpha(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* What follows a number at p makes it no phone: a letter, a path or a
 * file name ("….html", "/…"), a unit ("万元", "个"). */
static int not_phone_after(const char *s, size_t len, size_t p)
{
	size_t end;

	if (p >= len)
		return 0;
	/* "13912345678/0871-6312345" lists a second number: no path */
	if (s[p] == '/' && !(p + 1 < len && (is_digit(s[p + 1]) || (unsigned char)s[p + 1] >= 0x80)))
		return 1;
	if (is_alpha(s[p]) || s[p] == '_' ||
	    (s[p] == '.' && p + 1 < len && is_alpha(s[p + 1])))
		return 1;
	return tz_dp_unit_at(s, len, p, &end) != NULL;
}

/* Read a mobile number at s[i]: 11 digits, optionally grouped 3-4-4 by one
 * separator. Returns the end offset or 0. */
static size_t mobile_at(const char *s, size_t len, size_t i)
{
	size_t p = i, nd = 0, n;

	if (i + 11 > len || s[i] != '1' || s[i + 1] < '3' || s[i + 1] > '9')
		return 0;
	while (p < len && nd < 11) {
		if (is_digit(s[p])) {
			nd++;
			p++;
		} else if ((nd == 3 || nd == 7) && (n = group_sep(s, len, p)) && p + n < len &&
			   is_digit(s[p + n])) {
			p += n;
		} else {
			break;
		}
	}
	if (nd != 11 || (p < len && is_digit(s[p])) ||
	    (p + 1 < len && s[p] == '.' && is_digit(s[p + 1])) || not_phone_after(s, len, p))
		return 0;
	return p;
}

/* A country code before a mobile number: "+86", "+86 ", "+86-", "0086 ",
 * "86-": where the number starts, or 0. */
static size_t country_code(const char *s, size_t len, size_t i)
{
	size_t p = i;

	if (p < len && s[p] == '+')
		p++;
	else if (tz_dp_at(s, len, p, "00"))
		p += 2;
	if (!tz_dp_at(s, len, p, "86"))
		return 0;
	p += 2;
	if (p < len && (s[p] == ' ' || s[p] == '-'))
		p++;
	else if (s[i] != '+' && !tz_dp_at(s, len, i, "00"))
		return 0; /* "86" alone needs a separator: 8613… is a longer number */
	return p < len && s[p] == '1' ? p : 0;
}

/* Read an ID number at s[i]: 17 digits and a digit or X, written together
 * or grouped 6-8-4 or 6-4-4-4 by spaces or hyphens. Copies the 18 characters to id
 * and returns the end offset, or 0. */
static size_t id_at(const char *s, size_t len, size_t i, char id[19])
{
	size_t p = i, nd = 0;

	while (p < len && nd < 18) {
		if (is_digit(s[p]) || (nd == 17 && (s[p] == 'X' || s[p] == 'x'))) {
			id[nd++] = s[p++];
		} else if ((nd == 6 || nd == 10 || nd == 14) && (s[p] == ' ' || s[p] == '-') &&
			   p + 1 < len &&
			   is_digit(s[p + 1])) {
			p++;
		} else {
			break;
		}
	}
	id[nd] = '\0';
	if (nd != 18 || (p < len && (is_digit(s[p]) || s[p] == 'X' || s[p] == 'x')))
		return 0;
	return p;
}

static int id_valid(const char *s)
{
	static const int w[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	int sum = 0, y, m, d;

	for (int k = 0; k < 17; k++)
		sum += (s[k] - '0') * w[k];
	if (check[sum % 11] != (s[17] == 'x' ? 'X' : s[17]))
		return 0;
	y = (s[6] - '0') * 1000 + (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
	m = (s[10] - '0') * 10 + (s[11] - '0');
	d = (s[12] - '0') * 10 + (s[13] - '0');
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A 15-digit ID number of the first generation (before 1999): a province
 * code (11–82), six digits of area, a birth date YYMMDD that exists in
 * 19YY, three of sequence; it has no check digit, so the province and the
 * date are all that keep other 15-digit runs out. */
static int old_id_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	static const int prov[] = { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
				    41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
				    65, 71, 81, 82 };
	int p = (s[0] - '0') * 10 + (s[1] - '0'), y, m, d, known = 0;

	for (size_t k = 0; k < sizeof(prov) / sizeof(prov[0]); k++)
		known |= prov[k] == p;
	y = 1900 + (s[6] - '0') * 10 + (s[7] - '0');
	m = (s[8] - '0') * 10 + (s[9] - '0');
	d = (s[10] - '0') * 10 + (s[11] - '0');
	if (!known || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return !(m == 2 && d == 29 && (y % 4 || y == 1900));
}

/* Read a first-generation ID number at s[i]: 15 digits written together
 * or grouped 6-6-3 by one kind of separator, a space or a hyphen
 * ("110105 491231 002", "110105-491231-002"). Copies the 15 digits to id
 * and returns the end offset, or 0. A grouped one must be the whole run of
 * groups: "6222 110105 491231 002" or "110105 491231 002 17" is a longer
 * number (a bank card, an account) whose groups only look like one. */
static size_t old_id_at(const char *s, size_t len, size_t i, char id[16])
{
	size_t p = i, nd = 0;
	char sep = 0;

	while (p < len && nd < 15) {
		if (is_digit(s[p])) {
			id[nd++] = s[p++];
		} else if ((nd == 6 || nd == 12) && (s[p] == ' ' || s[p] == '-') &&
			   (!sep || s[p] == sep) && p + 1 < len && is_digit(s[p + 1])) {
			if (nd == 12 && !sep)
				break; /* 6+6 together then a group: 12 digits, not 6-6 */
			sep = s[p++];
		} else {
			break;
		}
	}
	id[nd] = '\0';
	if (nd != 15)
		return 0;
	if (p < len && (is_digit(s[p]) || s[p] == 'X' || s[p] == 'x' || s[p] == '.'))
		return 0;
	if (sep) {
		/* both separators, or none: "110105 491231002" is no grouping */
		size_t seps = 0;

		for (size_t k = i; k < p; k++)
			seps += !is_digit(s[k]);
		if (seps != 2)
			return 0;
		if (i >= 2 && s[i - 1] == sep && is_digit(s[i - 2]))
			return 0;
		if (p + 1 < len && s[p] == sep && is_digit(s[p + 1]))
			return 0;
	}
	return p;
}

/* A 15-digit business registration number or another code right after
 * its label ("注册号：210800196506012", "编号", "代码", "账号"): not an
 * old ID number, whose digits it may look like. */
static int code_label_before(const char *s, size_t b)
{
	static const char *labels[] = { "注册号", "编号", "代码", "账号", "编码", "账户", "卡号" };
	size_t from = b > 24 ? b - 24 : 0;

	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
		if (tz_dp_find(s, from, b, labels[k]) != DP_NONE)
			return 1;
	return 0;
}

/* A 文号's sequence: "〔2023〕…号" or "[2023]…号" around s[b..e). */
static int wenhao_seq(const char *s, size_t len, size_t b, size_t e)
{
	return tz_dp_at(s, len, e, "号") &&
	       ((b >= 3 && tz_dp_at(s, len, b - 3, "〕")) || (b > 0 && s[b - 1] == ']'));
}

static void scan_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;

	while (i < len) {
		size_t b = i, e, n, m;
		char id[19];

		if (!is_digit(s[i]) && s[i] != '+') {
			i++;
			continue;
		}
		if (b > 0 && (is_digit(s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '-' ||
			      is_alpha(s[b - 1]) || s[b - 1] == '/' || s[b - 1] == '_' ||
			      s[b - 1] == '=')) {
			i++;
			while (i < len && is_digit(s[i]))
				i++;
			continue;
		}
		/* +86 139…, 0086 139…, 86-139-… */
		m = country_code(s, len, b);
		if (m && (e = mobile_at(s, len, m)) != 0) {
			tz_dp_warn(c, "personal_phone", li, b, e, NULL,
				   "私人手机号码，公开前应删除或隐去");
			i = e;
			continue;
		}
		if (s[i] == '+') {
			i++;
			continue;
		}
		e = mobile_at(s, len, b);
		/* a 文号's sequence ("〔2023〕13912345678号") is no phone */
		if (e && wenhao_seq(s, len, b, e))
			e = 0;
		if (e) {
			tz_dp_warn(c, "personal_phone", li, b, e, NULL,
				   "私人手机号码，公开前应删除或隐去");
			i = e;
			continue;
		}
		e = id_at(s, len, b, id);
		if (e && id_valid(id)) {
			tz_dp_warn(c, "personal_id", li, b, e, NULL,
				   "居民身份证号码，公开前应删除或隐去");
			i = e;
			continue;
		}
		for (n = 0; b + n < len && is_digit(s[b + n]); n++)
			;
		/* a first-generation one, together or grouped 6-6-3 */
		e = old_id_at(s, len, b, id);
		if (e && old_id_valid(id) && !not_phone_after(s, len, e) &&
		    !code_label_before(s, b) && !wenhao_seq(s, len, b, e)) {
			tz_dp_warn(c, "personal_id", li, b, e, NULL,
				   "居民身份证号码，公开前应删除或隐去");
			i = e;
			continue;
		}
		i = b + n;
	}
}

static int is_grouping(char ch)
{
	return ch == ' ' || ch == '-' || ch == '.';
}

/* A number wrapped over lines li and the next non-blank one: the digits
 * (and group separators) that end li, joined to those that open the next
 * line, read as a whole mobile or ID number. */
static void scan_wrap(struct dp_ctx *c, size_t li, size_t next)
{
	const struct dp_line *a = &c->lines[li], *z = &c->lines[next];
	size_t b = a->norm_len, nd = 0, hn = 0, e;
	char buf[64], shown[72], id[19];
	size_t n, cut;

	while (b > 0 && a->norm[b - 1] == ' ')
		b--;
	if (b == 0 || !is_digit(a->norm[b - 1]))
		return;
	while (b > 0 && (is_digit(a->norm[b - 1]) || is_grouping(a->norm[b - 1]))) {
		nd += is_digit(a->norm[b - 1]);
		b--;
	}
	while (b < a->norm_len && !is_digit(a->norm[b]))
		b++; /* start at a digit */
	if (nd < 3 || nd > 15 || (b > 0 && (is_alpha(a->norm[b - 1]) || a->norm[b - 1] == '/' ||
					     a->norm[b - 1] == '_' || a->norm[b - 1] == '=')))
		return;
	while (hn < z->norm_len && z->norm[hn] == ' ')
		hn++;
	if (hn >= z->norm_len || !is_digit(z->norm[hn]))
		return;
	n = 0;
	for (size_t k = b; k < a->norm_len && n < sizeof buf - 1; k++)
		if (a->norm[k] != ' ' || (k + 1 < a->norm_len && a->norm[k + 1] != ' '))
			buf[n++] = a->norm[k];
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	cut = n;
	for (size_t k = hn; k < z->norm_len && n < sizeof buf - 1 &&
	     (is_digit(z->norm[k]) || is_grouping(z->norm[k]) || z->norm[k] == 'X' ||
	      z->norm[k] == 'x'); k++)
		buf[n++] = z->norm[k];
	while (n > 0 && is_grouping(buf[n - 1]))
		n--;
	buf[n] = '\0';
	/* the warning shows where the line broke: "139 1234 5678" */
	snprintf(shown, sizeof shown, "%.*s %s", (int)cut, buf, buf + cut);
	/* mobile_at and id_at refuse a number followed by a further digit, so
	 * the joined run must be the number and nothing more */
	e = mobile_at(buf, n, 0);
	if (e == n) {
		tz_dp_warn_text(c, "personal_phone", li, b, tz_arena_strdup(c->arena, shown), NULL,
				"私人手机号码，公开前应删除或隐去");
		return;
	}
	e = id_at(buf, n, 0, id);
	if (e == n && id_valid(id)) {
		tz_dp_warn_text(c, "personal_id", li, b, tz_arena_strdup(c->arena, shown), NULL,
				"居民身份证号码，公开前应删除或隐去");
		return;
	}
	/* a first-generation one: the line break stands for the separator
	 * its other groups use ("110105 491231" / "002", "110105" / "491231
	 * 002") */
	{
		char joined[72], sep = 0;
		size_t jn = 0;

		for (size_t k = 0; k < n; k++)
			if (!is_digit(buf[k]) && !sep)
				sep = buf[k];
		for (size_t k = 0; k < n && jn < sizeof joined - 2; k++) {
			if (k == cut && sep && cut > 0 && is_digit(buf[cut - 1]) && is_digit(buf[k]))
				joined[jn++] = sep;
			joined[jn++] = buf[k];
		}
		joined[jn] = '\0';
		e = old_id_at(joined, jn, 0, id);
		if (e == jn && old_id_valid(id) && !code_label_before(a->norm, b) &&
		    !not_phone_after(z->norm, z->norm_len, hn + (n - cut)))
			tz_dp_warn_text(c, "personal_id", li, b, tz_arena_strdup(c->arena, shown),
					NULL, "居民身份证号码，公开前应删除或隐去");
	}
}

void tz_dp_scan_pii(struct dp_ctx *c)
{
	/* chrome and catalogue lines too: they are published with the page */
	for (size_t li = 0; li < c->nlines; li++) {
		if (c->lines[li].cls == DP_BLANK)
			continue;
		scan_line(c, li);
		if (li + 1 < c->nlines && c->lines[li + 1].cls != DP_BLANK)
			scan_wrap(c, li, li + 1);
	}
}
