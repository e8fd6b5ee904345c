/*
 * norm.c: split the text into lines and give each a normalised
 * spelling for matching, with a map back to what was written.
 *
 * Folding is per code point: full-width ASCII to ASCII, odd spaces to a
 * space, zero-width characters dropped, enclosed and compatibility forms
 * (⑴ ① ㈠, Kangxi radicals, CJK compatibility ideographs, small and
 * vertical forms) through their NFKC decomposition (utf8proc), then
 * traditional characters to simplified ones (t2s.c). Because each
 * output code point comes from exactly one input code point, a span found
 * in the normalised line maps back to a span of the original.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Scanning helpers                                                    */

uint32_t tz_dp_cp(const char *s, size_t len, size_t i, size_t *n)
{
	const char *p = s + i;
	int32_t cp = tz_utf8_next(&p, s + len);

	*n = (size_t)(p - (s + i));
	return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

size_t tz_dp_prev(const char *s, size_t i)
{
	if (!i)
		return 0;
	i--;
	while (i && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

size_t tz_dp_find(const char *s, size_t from, size_t to, const char *lit)
{
	size_t n = strlen(lit);
	const char *p;

	if (from >= to || to - from < n)
		return DP_NONE;
	p = memmem(s + from, to - from, lit, n);
	return p ? (size_t)(p - s) : DP_NONE;
}

size_t tz_dp_rfind(const char *s, size_t from, size_t to, const char *lit)
{
	size_t n = strlen(lit), i;

	if (from >= to || to - from < n)
		return DP_NONE;
	for (i = to - n + 1; i-- > from;)
		if (!memcmp(s + i, lit, n))
			return i;
	return DP_NONE;
}

int tz_dp_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FFFF) || cp == 0x3007;
}

int tz_dp_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

size_t tz_dp_skip_sp(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* 1 if the code point at s[i] is one of the UTF-8 characters in set. */
static int in_set(const char *s, size_t len, size_t i, const char *set, size_t *n)
{
	uint32_t cp = tz_dp_cp(s, len, i, n);
	size_t k = 0, sl = strlen(set), m;

	while (k < sl) {
		if (tz_dp_cp(set, sl, k, &m) == cp)
			return 1;
		k += m;
	}
	return 0;
}

void tz_dp_trim(const char *s, size_t *b, size_t *e, const char *punct)
{
	size_t n;

	for (;;) {
		if (*b < *e && (s[*b] == ' ' || s[*b] == '\t')) {
			(*b)++;
			continue;
		}
		if (*b < *e && punct && in_set(s, *e, *b, punct, &n)) {
			*b += n;
			continue;
		}
		break;
	}
	for (;;) {
		size_t p;

		if (*e > *b && (s[*e - 1] == ' ' || s[*e - 1] == '\t')) {
			(*e)--;
			continue;
		}
		if (*e <= *b)
			break;
		p = tz_dp_prev(s, *e);
		if (p >= *b && punct && in_set(s, *e, p, punct, &n)) {
			*e = p;
			continue;
		}
		break;
	}
}

int tz_dp_cn_num(const char *s, size_t len, size_t i, size_t *np)
{
	static const char *digits[] = { "〇", "一", "二", "三", "四", "五",
					"六", "七", "八", "九" };
	int val = 0, tens = 0, seen = 0;
	size_t p = i;

	for (;;) {
		int d = -1;

		for (int k = 0; k < 10; k++)
			if (tz_dp_at(s, len, p, digits[k])) {
				d = k;
				break;
			}
		if (d >= 0) {
			if (seen && !tens)
				break; /* 二三 is not a numeral here */
			val += d;
			p += 3;
			seen = 1;
			if (tens)
				break;
			continue;
		}
		if (tz_dp_at(s, len, p, "十") && !tens) {
			tens = 1;
			val = (seen ? val : 1) * 10;
			p += 3;
			seen = 1;
			continue;
		}
		break;
	}
	if (!seen || val == 0 || val > 99)
		return 0;
	*np = p - i;
	return val;
}

int tz_dp_is_org(const char *s, size_t b, size_t e)
{
	static const char *suffix[] = {
		"委员会", "政府", "办公室", "办公厅", "管委会", "局", "厅", "委",
		"办", "部", "院", "中心", "所", "站", "处", "公司", "集团",
		"小组", "指挥部", "银行", "分局", "支行", "党组", "社", "会",
		"学校", "大学", "学院", "法院", "检察院", "联合会", "协会",
		"商会", "总队", "支队", "街道", "乡", "镇", "片区", "署", "部门", "单位",
		"室", "工商联", "妇联", "残联", "侨联", "文联", "社科联", "科协",
	};

	for (size_t k = 0; k < sizeof(suffix) / sizeof(suffix[0]); k++) {
		size_t n = strlen(suffix[k]);

		if (e - b >= n + 3 && !memcmp(s + e - n, suffix[k], n))
			return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */

int tz_dp_fold_cp(uint32_t cp, uint32_t out[8])
{
	if (cp < 0x80) {
		out[0] = (cp < 0x20 && cp != '\n' && cp != '\t') ? ' ' : cp;
		return 1;
	}
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		out[0] = cp - 0xFEE0;
		return 1;
	}
	switch (cp) {
	case 0x3000: case 0xA0: case 0x2002: case 0x2003: case 0x2004:
	case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
	case 0x200A: case 0x202F: case 0x205F: case 0x85:
		out[0] = ' ';
		return 1;
	case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0xAD:
	case 0x2060:
		return 0;
	case 0x2013: case 0x2212: case 0xFE63: case 0x2010: case 0x2011:
		out[0] = '-';
		return 1;
	case 0xFF61:
		out[0] = 0x3002; /* ｡ -> 。 */
		return 1;
	case 0xFF64:
		out[0] = 0x3001; /* ､ -> 、 */
		return 1;
	case 0x3014: case 0x3015: /* 〔〕 keep: they mark 文号 and units */
		out[0] = cp;
		return 1;
	}
	/* ①..⑳ are numbering: read as (1)..(20), like ⑴. */
	if (cp >= 0x2460 && cp <= 0x2473) {
		uint32_t v = cp - 0x2460 + 1;
		int n = 0;

		out[n++] = '(';
		if (v >= 10)
			out[n++] = '0' + v / 10;
		out[n++] = '0' + v % 10;
		out[n++] = ')';
		return n;
	}
	if ((cp >= 0x2474 && cp <= 0x24FF) || (cp >= 0x3200 && cp <= 0x32FF) ||
	    (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF65 && cp <= 0xFFEF) ||
	    (cp >= 0x2F800 && cp <= 0x2FA1F)) {
		utf8proc_int32_t dst[8];
		int last = 0;
		utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, 8,
							     UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE,
							     &last);

		if (n > 0 && n <= 8) {
			for (utf8proc_ssize_t k = 0; k < n; k++)
				out[k] = tz_dp_t2s((uint32_t)dst[k]);
			return (int)n;
		}
	}
	out[0] = tz_dp_t2s(cp);
	return 1;
}

/* Normalise one line into the arena. */
static void norm_line(struct dp_ctx *c, struct dp_line *l)
{
	const char *s = l->orig;
	size_t len = l->orig_len, i = 0, k;
	struct tz_buf nb = TZ_BUF_INIT;
	uint32_t *map = NULL;
	size_t map_alloc = 0;
	int changed = 0;

	/* Fast path: pure ASCII without control characters. */
	for (k = 0; k < len; k++)
		if ((unsigned char)s[k] >= 0x80 || (unsigned char)s[k] < 0x20)
			break;
	if (k == len) {
		l->norm = l->orig;
		l->norm_len = len;
		l->map = NULL;
		return;
	}
	tz_buf_init(&nb, TZ_LIMIT_DOC * 2u);
	while (i < len) {
		size_t n;
		uint32_t cp = tz_dp_cp(s, len, i, &n), out[8];
		int m = tz_dp_fold_cp(cp, out);
		size_t before = nb.len;

		if (m != 1 || out[0] != cp)
			changed = 1;
		for (int j = 0; j < m; j++)
			tz_buf_add_utf8(&nb, out[j]);
		TZ_ALLOC_GROW(map, nb.len + 1, map_alloc);
		for (size_t j = before; j < nb.len; j++)
			map[j] = (uint32_t)i;
		i += n;
	}
	if (!changed) {
		l->norm = l->orig;
		l->norm_len = len;
		l->map = NULL;
	} else {
		uint32_t *amap = tz_arena_alloc(c->arena, (nb.len + 1) * sizeof(uint32_t));

		if (nb.len)
			memcpy(amap, map, nb.len * sizeof(uint32_t));
		amap[nb.len] = (uint32_t)len;
		l->norm = tz_arena_strndup(c->arena, nb.buf, nb.len);
		l->norm_len = nb.len;
		l->map = amap;
	}
	free(map);
	tz_buf_release(&nb);
}

void tz_dp_lines(struct dp_ctx *c)
{
	const char *s = c->text, *end = s + c->text_len;
	size_t n = 0, alloc = 0;
	struct dp_line *lines = NULL;

	while (s < end) {
		const char *nl = s;
		struct dp_line *l;

		while (nl < end && *nl != '\n' && *nl != '\r')
			nl++;
		TZ_ALLOC_GROW(lines, n + 1, alloc);
		l = &lines[n++];
		memset(l, 0, sizeof(*l));
		l->orig = s;
		l->orig_len = (size_t)(nl - s);
		l->text_off = (size_t)(s - c->text);
		if (nl < end && *nl == '\r' && nl + 1 < end && nl[1] == '\n')
			nl++;
		s = nl < end ? nl + 1 : nl;
	}
	for (size_t i = 0; i < n; i++)
		norm_line(c, &lines[i]);
	c->lines = lines;
	c->nlines = n;
}

size_t tz_dp_orig_off(const struct dp_line *l, size_t off)
{
	if (!l->map)
		return off;
	if (off > l->norm_len)
		off = l->norm_len;
	return l->map[off];
}

long tz_dp_srcline(const struct dp_ctx *c, size_t li, size_t off)
{
	size_t pos, lo = 0, hi;

	if (!c->html)
		return (long)li + 1;
	pos = c->lines[li].text_off + tz_dp_orig_off(&c->lines[li], off);
	hi = c->nsrc_nl;
	while (lo < hi) { /* count source newlines before pos */
		size_t mid = lo + (hi - lo) / 2;

		if (c->src_nl[mid] <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo + 1;
}

const char *tz_dp_dup(struct dp_ctx *c, size_t li, size_t b, size_t e, int flags)
{
	const struct dp_line *l = &c->lines[li];
	const char *s;
	size_t ob, oe, i;
	struct tz_buf out = TZ_BUF_INIT;
	const char *res = NULL;
	int space = 0;

	if (b >= e)
		return NULL;
	if (flags & DP_DUP_NORM) {
		s = l->norm;
		ob = b;
		oe = e;
	} else {
		s = l->orig;
		ob = tz_dp_orig_off(l, b);
		oe = tz_dp_orig_off(l, e);
	}
	tz_buf_init(&out, TZ_LIMIT_DOC);
	for (i = ob; i < oe;) {
		size_t n;
		uint32_t cp = tz_dp_cp(s, oe, i, &n);

		if (tz_dp_is_space(cp) || cp == 0x2002 || cp == 0x2003 || cp == 0x200B ||
		    cp == 0xFEFF) {
			space = 1;
		} else {
			if (space && out.len && !(flags & DP_DUP_NOSPACE))
				tz_buf_addch(&out, ' ');
			space = 0;
			tz_buf_add(&out, s + i, n);
		}
		i += n;
	}
	if (out.len)
		res = tz_arena_strndup(c->arena, out.buf, out.len);
	tz_buf_release(&out);
	return res;
}
