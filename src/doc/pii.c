/*
 * pii.c: personal data that must not be published.
 *
 * `personal_phone`: a mainland mobile number, 1[3-9] and nine more digits,
 * written together or as 3-4-4 with spaces or hyphens, not part of a
 * longer run of digits (an index number, an amount). Office landlines
 * (0335-3032123, 8-digit local numbers) belong to units and are not
 * flagged.
 *
 * `personal_id`: an 18-character resident ID number (17 digits and a digit
 * or X) whose birth date is valid and whose ISO 7064 check character
 * matches, so that long codes and amounts are not mistaken for one.
 */
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Read a mobile number at s[i]: 11 digits, optionally grouped 3-4-4 by
 * one space or hyphen. Returns the end offset or 0. */
static size_t mobile_at(const char *s, size_t len, size_t i)
{
	size_t p = i, nd = 0;

	if (i + 11 > len || s[i] != '1' || s[i + 1] < '3' || s[i + 1] > '9')
		return 0;
	while (p < len && nd < 11) {
		if (is_digit(s[p])) {
			nd++;
			p++;
		} else if ((s[p] == ' ' || s[p] == '-') && (nd == 3 || nd == 7) && p + 1 < len &&
			   is_digit(s[p + 1])) {
			p++;
		} else {
			break;
		}
	}
	if (nd != 11 || (p < len && (is_digit(s[p]) || s[p] == '.')))
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

static void scan_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;

	while (i < len) {
		size_t b = i, e, n;

		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		if (b > 0 && (is_digit(s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '-' ||
			      (s[b - 1] >= 'A' && s[b - 1] <= 'Z') ||
			      (s[b - 1] >= 'a' && s[b - 1] <= 'z'))) {
			while (i < len && is_digit(s[i]))
				i++;
			continue;
		}
		e = mobile_at(s, len, b);
		if (e) {
			tz_dp_warn(c, "personal_phone", li, b, e, NULL,
				   "私人手机号码，公开前应删除或隐去");
			i = e;
			continue;
		}
		for (n = 0; b + n < len && is_digit(s[b + n]); n++)
			;
		if (n == 18 || (n == 17 && b + 17 < len && (s[b + 17] == 'X' || s[b + 17] == 'x'))) {
			e = b + 18;
			if ((e >= len || !is_digit(s[e])) && id_valid(s + b))
				tz_dp_warn(c, "personal_id", li, b, e, NULL,
					   "居民身份证号码，公开前应删除或隐去");
		}
		i = b + n;
	}
}

void tz_dp_scan_pii(struct dp_ctx *c)
{
	for (size_t li = 0; li < c->nlines; li++)
		if (c->lines[li].cls != DP_BLANK && c->lines[li].cls != DP_NOISE)
			scan_line(c, li);
}
