/*
 * num.c: numbers with units, as exact decimals.
 *
 * A quantity is an ASCII number (full-width digits are folded before this
 * runs) with optional thousands commas and one decimal point, followed by
 * a unit from the table below (亿元, 万元, 个, 项, %, 万吨, …; traditional
 * 億 萬 個 項 are already simplified). Values are kept as the decimal
 * string written and as an int64 mantissa with a decimal scale: never a
 * double, so sums and rates are checked exactly.
 */
#include <stdio.h>
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

/* Longest first where one is a prefix of another. */
static const struct dp_lit units[] = {
	DP_LIT("个百分点"), DP_LIT("百分点"), DP_LIT("亿元"), DP_LIT("万元"), DP_LIT("千元"), DP_LIT("元"), DP_LIT("万亿"),
	DP_LIT("万标箱"), DP_LIT("万吨"), DP_LIT("万千瓦"), DP_LIT("万平方米"), DP_LIT("万平米"), DP_LIT("万人次"), DP_LIT("万人"), DP_LIT("万户"),
	DP_LIT("万亩"), DP_LIT("万辆"), DP_LIT("万家"), DP_LIT("万个"), DP_LIT("万套"), DP_LIT("万件"), DP_LIT("万千瓦时"), DP_LIT("亿千瓦时"), DP_LIT("亿吨"),
	DP_LIT("亿"), DP_LIT("万"), DP_LIT("个"), DP_LIT("项"), DP_LIT("家"), DP_LIT("户"), DP_LIT("亩"), DP_LIT("公顷"), DP_LIT("平方公里"), DP_LIT("平方米"), DP_LIT("平米"),
	DP_LIT("公里"), DP_LIT("千米"), DP_LIT("米"), DP_LIT("吨"), DP_LIT("标箱"), DP_LIT("TEU"), DP_LIT("人次"), DP_LIT("人"), DP_LIT("台(套)"), DP_LIT("台"), DP_LIT("套"),
	DP_LIT("辆"), DP_LIT("座"), DP_LIT("条"), DP_LIT("列"), DP_LIT("千瓦"), DP_LIT("兆瓦"), DP_LIT("GW"), DP_LIT("MW"), DP_LIT("kW"), DP_LIT("宗"), DP_LIT("件"), DP_LIT("次"), DP_LIT("场"),
	DP_LIT("倍"), DP_LIT("%"), DP_LIT("‰"), DP_LIT("所"), DP_LIT("栋"), DP_LIT("柜"), DP_LIT("批"), DP_LIT("处"), DP_LIT("名"), DP_LIT("位"), DP_LIT("个月"), DP_LIT("天"), DP_LIT("万元/亩"),
};

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

size_t tz_dp_qty_at(const char *s, size_t len, size_t i, struct dp_qty *q)
{
	size_t p = i, e;
	int seen_dot = 0, nd = 0;
	size_t vl = 0;
	char prev;

	memset(q, 0, sizeof(*q));
	if (i >= len || !is_digit(s[i]))
		return 0;
	prev = i ? s[i - 1] : 0;
	if (is_digit(prev) || prev == '.' || (prev >= 'A' && prev <= 'Z') ||
	    (prev >= 'a' && prev <= 'z'))
		return 0;
	q->ok = 1;
	q->dec.mant = 0;
	q->dec.scale = 0;
	while (p < len) {
		char ch = s[p];

		if (is_digit(ch)) {
			if (nd >= 18)
				q->ok = 0;
			else
				q->dec.mant = q->dec.mant * 10 + (ch - '0');
			nd++;
			if (seen_dot)
				q->dec.scale++;
			if (vl + 1 < sizeof(q->value))
				q->value[vl++] = ch;
			else
				q->ok = 0;
			p++;
			continue;
		}
		if (ch == '.' && !seen_dot && p + 1 < len && is_digit(s[p + 1])) {
			seen_dot = 1;
			if (vl + 1 < sizeof(q->value))
				q->value[vl++] = '.';
			p++;
			continue;
		}
		/*
		 * Thousands separators: 1-3 digits, then ",ddd" groups, then a
		 * decimal point or a unit ("52,398万元"). A comma followed by
		 * anything else separates clauses ("7个,109个").
		 */
		if (ch == ',' && !seen_dot && nd >= 1 && nd <= 3 && p + 3 < len &&
		    is_digit(s[p + 1]) && is_digit(s[p + 2]) && is_digit(s[p + 3])) {
			size_t after = p;
			int ok_end = 0;

			while (after + 3 < len && s[after] == ',' && is_digit(s[after + 1]) &&
			       is_digit(s[after + 2]) && is_digit(s[after + 3]))
				after += 4;
			if (after < len && is_digit(s[after]))
				ok_end = 0;
			else if (after < len && s[after] == '.')
				ok_end = 1;
			else
				ok_end = tz_dp_lit_at(units, sizeof(units) / sizeof(units[0]), s, len,
						      after) >= 0;
			if (ok_end) {
				for (; p < after; p++) {
					if (s[p] == ',')
						continue;
					if (nd >= 18 || vl + 1 >= sizeof(q->value))
						q->ok = 0;
					else {
						q->dec.mant = q->dec.mant * 10 + (s[p] - '0');
						q->value[vl++] = s[p];
					}
					nd++;
				}
				continue;
			}
		}
		break;
	}
	q->value[vl] = '\0';
	q->nb = i;
	q->ne = p;
	q->b = i;
	e = p;
	{
		size_t u = p;

		/* one space between a number and its unit is common */
		if (u < len && s[u] == ' ')
			u++;
		q->unit = tz_dp_unit_at(s, len, u, &e);
		if (!q->unit)
			e = p;
	}
	/* "亿" and "万" as money only with 元 later; keep as written. */
	q->e = e;
	return e;
}

const char *tz_dp_unit_at(const char *s, size_t len, size_t i, size_t *end)
{
	int k;

	if (i >= len)
		return NULL;
	k = tz_dp_lit_at(units, sizeof(units) / sizeof(units[0]), s, len, i);
	if (k < 0)
		return NULL;
	*end = i + units[k].n;
	return units[k].s;
}

int tz_dp_unit_is_money(const char *unit)
{
	return unit && (!strcmp(unit, "亿元") || !strcmp(unit, "万元") || !strcmp(unit, "元") ||
			!strcmp(unit, "千元") || !strcmp(unit, "万亿"));
}

int tz_dp_unit_is_count(const char *unit)
{
	return unit && (!strcmp(unit, "个") || !strcmp(unit, "项") || !strcmp(unit, "家"));
}

int tz_dp_money_exp(const char *unit)
{
	if (!unit)
		return 99;
	if (!strcmp(unit, "万亿"))
		return 8;
	if (!strcmp(unit, "亿元") || !strcmp(unit, "亿"))
		return 4;
	if (!strcmp(unit, "万元") || !strcmp(unit, "万"))
		return 0;
	if (!strcmp(unit, "千元"))
		return -1;
	if (!strcmp(unit, "元"))
		return -4;
	return 99;
}

/* a * 10^k in 128 bits. */
static __int128 scale_up(int64_t a, int k)
{
	__int128 v = a;

	while (k-- > 0)
		v *= 10;
	return v;
}

int tz_dp_dec_cmp(struct dp_dec a, int ea, struct dp_dec b, int eb)
{
	/* a.mant * 10^(ea - a.scale) vs b.mant * 10^(eb - b.scale) */
	int xa = ea - a.scale, xb = eb - b.scale, lo = xa < xb ? xa : xb;
	__int128 va, vb;

	if (xa - lo > 30 || xb - lo > 30)
		return xa > xb ? 1 : -1;
	va = scale_up(a.mant, xa - lo);
	vb = scale_up(b.mant, xb - lo);
	return va < vb ? -1 : va > vb;
}

int tz_dp_dec_add(struct dp_dec a, struct dp_dec b, struct dp_dec *out)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	__int128 v = scale_up(a.mant, s - a.scale) + scale_up(b.mant, s - b.scale);

	if (v > (__int128)INT64_MAX)
		return 0;
	out->mant = (int64_t)v;
	out->scale = s;
	return 1;
}

void tz_dp_dec_fmt(struct dp_dec a, char buf[40])
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%lld", (long long)a.mant);

	if (a.scale <= 0) {
		snprintf(buf, 40, "%s", digits);
		return;
	}
	if (n <= a.scale) {
		{
			char tmp[40];
			int z = a.scale - n, p = 0;

			tmp[p++] = '0';
			tmp[p++] = '.';
			while (z-- > 0 && p < 38)
				tmp[p++] = '0';
			for (int k = 0; k < n && p < 39; k++)
				tmp[p++] = digits[k];
			tmp[p] = '\0';
			memcpy(buf, tmp, (size_t)p + 1);
		}
		return;
	}
	snprintf(buf, 40, "%.*s.%s", n - a.scale, digits, digits + n - a.scale);
}
