/*
 * rowmark.c: cells that mark a row as a total or a breakdown, decided on
 * the whole folded cell (rowmark.h).
 *
 * A total row carries whatever its sheet put there: a region merged down
 * over its projects, amounts, sometimes a code. Reading it as a project
 * counts its projects twice, so the decision rests on the name alone --
 * and on all of it, since a project's name may hold the same characters
 * (综合计量检测中心, 总计划投资).
 */
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "core/org.h"
#include "intake/rowmark.h"
#include "base/banned.h"

/* Words that are a total wherever the row's scope is written before them. */
static const char *const strong[] = { "合计", "小计", "总计", "共计", "合計", "小計", "總計",
				      "共計" };
/* Words that are a total only alone or after a scope (全市累计, 站前区汇总):
 * after anything else they end a name (数据汇总). */
static const char *const weak[] = { "累计", "累計", "汇总", "彙總", "匯總", "小结", "小結",
				    "小记", "小記", "计", "計" };
/* What a scope before a weak word ends with: a place, 以上, 本页, 全部. */
static const char *const scope_ends[] = { "区", "县", "市", "旗", "镇", "乡", "省", "页", "表",
					  "上", "部", "各" };
/* Characters that make a word with the 合 of 合计: 综合计量 is 综合 + 计量. */
static const char *const he_words[] = { "综", "联", "整", "结", "融", "复", "混", "集", "组",
					"配", "适", "符", "聚", "汇", "契", "闭", "耦", "缝",
					"拼", "化", "回", "场", "巧", "凑", "离", "磨", "切" };
/* What may follow a total, besides ASCII punctuation and digits (after
 * NFKC: 合计：, 合计（3个）, 小计12项). */
static const char *const tail_starts[] = { "、", "【", "〔", "《", "—", "…", "共", "】", "〕", "》",
					   "」", "』", "〗", "〉", "｝" };
/* What a total may name before that: 合计数, 合计金额：, 小计投资. */
static const char *const tail_words[] = { "数", "金额", "总投资", "投资", "总额", "额" };

static int ends_with_any(const char *s, size_t len, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(words[i]);

		if (len >= l && !memcmp(s + len - l, words[i], l))
			return 1;
	}
	return 0;
}

static int tail_ok(const char *s, size_t len)
{
	unsigned char c;

	for (size_t i = 0; i < sizeof(tail_words) / sizeof(tail_words[0]); i++) {
		size_t l = strlen(tail_words[i]);

		if (len >= l && !memcmp(s, tail_words[i], l)) {
			s += l;
			len -= l;
			break;
		}
	}
	c = len ? (unsigned char)s[0] : 0;

	if (!len || (c < 0x80 && ((c >= '0' && c <= '9') || strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c))))
		return 1;
	for (size_t i = 0; i < sizeof(tail_starts) / sizeof(tail_starts[0]); i++) {
		size_t l = strlen(tail_starts[i]);

		if (len >= l && !memcmp(s, tail_starts[i], l))
			return 1;
	}
	return 0;
}

/* Whether `word` occurs in f[0..len) as a total: see rowmark.h. */
static int total_at(const char *f, size_t len, const char *word, int is_weak)
{
	size_t wl = strlen(word);
	const char *p = f, *end = f + len;

	while ((p = memmem(p, (size_t)(end - p), word, wl))) {
		size_t pre = (size_t)(p - f);
		int ok = tail_ok(p + wl, (size_t)(end - p - wl));

		if (ok && is_weak)
			ok = !pre || ends_with_any(f, pre, scope_ends,
						   sizeof(scope_ends) / sizeof(scope_ends[0]));
		if (ok && !is_weak && !memcmp(word, "合", strlen("合")))
			ok = !ends_with_any(f, pre, he_words, sizeof(he_words) / sizeof(he_words[0]));
		if (ok)
			return 1;
		p += wl;
	}
	return 0;
}

/* Whether s[0..len) starts with the lower-case ASCII word w, in any case. */
static int ascii_at(const char *s, size_t len, const char *w)
{
	size_t l = strlen(w);

	if (len < l)
		return 0;
	for (size_t i = 0; i < l; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]) != w[i])
			return 0;
	return 1;
}

static int starts(const char *s, size_t len, const char *w)
{
	size_t l = strlen(w);

	return len >= l && !memcmp(s, w, l);
}

/* Bracket pairs a marker may be written in (after NFKC): 【小计】, 〔小计〕. */
static const char *const brackets[][2] = { { "(", ")" }, { "[", "]" }, { "{", "}" },
					   { "【", "】" }, { "〔", "〕" }, { "〖", "〗" },
					   { "《", "》" }, { "「", "」" }, { "『", "』" },
					   { "〈", "〉" }, { "<", ">" } };

/* f[0..*len) without the bracket pairs written around all of it. */
static const char *unbracket(const char *f, size_t *len)
{
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < sizeof(brackets) / sizeof(brackets[0]); i++) {
			size_t o = strlen(brackets[i][0]), c = strlen(brackets[i][1]);

			if (*len > o + c && starts(f, *len, brackets[i][0]) &&
			    !memcmp(f + *len - c, brackets[i][1], c)) {
				f += o;
				*len -= o + c;
				again = 1;
			}
		}
	}
	return f;
}

/* Length of a count at s: ASCII digits or Chinese numerals; 0 if none. */
static size_t count_len(const char *s, size_t len)
{
	static const char *const cn[] = { "一", "二", "两", "三", "四", "五", "六", "七", "八",
					  "九", "十", "百", "〇", "零" };
	size_t n = 0;

	for (;;) {
		size_t before = n;

		if (n < len && s[n] >= '0' && s[n] <= '9') {
			n++;
			continue;
		}
		for (size_t i = 0; i < sizeof(cn) / sizeof(cn[0]); i++)
			if (starts(s + n, len - n, cn[i])) {
				n += strlen(cn[i]);
				break;
			}
		if (n == before)
			return n;
	}
}

/*
 * A count of the rows above standing for their sum: 甲县共2个, 共3个项目,
 * 甲县2个项目 (the space is folded away). After 共 anything may come
 * before it; without 共 only a scope (甲县, 以上) or nothing, so that
 * 老旧小区改造3个项目, one project of three parts, stays a project.
 */
static int is_count(const char *f, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		int gong = starts(f + i, len - i, "共");
		size_t at = gong ? i + strlen("共") : i, n = count_len(f + at, len - at), rest;
		const char *r;

		if (!n || (!gong && i && !ends_with_any(f, i, scope_ends,
							   sizeof(scope_ends) / sizeof(scope_ends[0]))))
			continue;
		if (!gong && i && count_len(f + i - 1, 1))
			continue;
		r = f + at + n;
		rest = len - at - n;
		if (starts(r, rest, "个") || starts(r, rest, "個") || starts(r, rest, "项") ||
		    starts(r, rest, "項")) {
			r += strlen("个");
			rest -= strlen("个");
		} else {
			continue;
		}
		if (starts(r, rest, "项目") || starts(r, rest, "項目")) {
			r += strlen("项目");
			rest -= strlen("项目");
		} else if (!gong) {
			continue;
		}
		if (tail_ok(r, rest))
			return 1;
	}
	return 0;
}

/* Total, Subtotal, Sub-total, Grand total, Sum: alone or after a scope. */
static int is_english_total(const char *f, size_t len)
{
	static const char *const words[] = { "subtotal", "sub-total", "grandtotal", "total", "sum" };

	for (size_t i = 0; i < len; i++) {
		if (i && !ends_with_any(f, i, scope_ends, sizeof(scope_ends) / sizeof(scope_ends[0])))
			continue;
		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
			size_t l = strlen(words[w]);

			if (ascii_at(f + i, len - i, words[w]) && tail_ok(f + i + l, len - i - l) &&
			    !(i + l < len && ((f[i + l] | 0x20) >= 'a' && (f[i + l] | 0x20) <= 'z')))
				return 1;
		}
		if (i)
			break;
	}
	return 0;
}

/*
 * Whether s holds one of the characters every marker has (计 計 总 總
 * 其 结 結 记 記 个 個, or an English total), as a search would find it.
 * One pass over the cell: every cell of every row is asked, and most
 * hold none. Each of those characters is three bytes of UTF-8 (E0..EF
 * then two), compared as one 24-bit value; other bytes are stepped over
 * a character at a time, and an ASCII byte costs a compare unless it
 * starts "total" or "sum".
 */
static int may_mark(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			/* Total, Subtotal, SUM: an English marker. */
			if (((c | 0x20) == 't' && ascii_at(s + i, len - i, "total")) ||
			    ((c | 0x20) == 's' && ascii_at(s + i, len - i, "sum")))
				return 1;
			continue;
		}
		if (c < 0xE0 || c > 0xEF || len - i < 3)
			continue;
		/* One three-byte character: compared whole, then stepped over. */
		switch ((uint32_t)c << 16 | (uint32_t)(unsigned char)s[i + 1] << 8 |
			(unsigned char)s[i + 2]) {
		case 0xE8AEA1: /* 计 */
		case 0xE8A888: /* 計 */
		case 0xE680BB: /* 总 */
		case 0xE7B8BD: /* 總 */
		case 0xE585B6: /* 其 */
		case 0xE7BB93: /* 结 */
		case 0xE7B590: /* 結 */
		case 0xE8AEB0: /* 记 */
		case 0xE8A898: /* 記 */
		case 0xE4B8AA: /* 个 */
		case 0xE5808B: /* 個 */
			return 1;
		default:
			i += 2;
		}
	}
	return 0;
}

enum tz_row_mark tz_row_mark(const char *s, size_t len)
{
	struct tz_buf f = TZ_BUF_INIT;
	enum tz_row_mark m = TZ_MARK_NONE;
	const char *u;
	size_t ulen;

	/* Most cells hold none of the characters every marker has. */
	if (!may_mark(s, len))
		return TZ_MARK_NONE;
	if (tz_org_norm(s, len, &f) || !f.len)
		goto out;
	if (f.len >= strlen("其中") && !memcmp(f.buf, "其中", strlen("其中"))) {
		m = TZ_MARK_BREAKDOWN;
		goto out;
	}
	ulen = f.len;
	u = unbracket(f.buf, &ulen);
	for (size_t i = 0; i < sizeof(strong) / sizeof(strong[0]) && !m; i++)
		if (total_at(u, ulen, strong[i], 0))
			m = TZ_MARK_TOTAL;
	for (size_t i = 0; i < sizeof(weak) / sizeof(weak[0]) && !m; i++)
		if (total_at(u, ulen, weak[i], 1))
			m = TZ_MARK_TOTAL;
	if (!m && (is_count(u, ulen) || is_english_total(u, ulen)))
		m = TZ_MARK_TOTAL;
out:
	tz_buf_release(&f);
	return m;
}

/* What a heading's category is made of: 续建 + 项目, 社会事业 + 类. */
static const char *const category_words[] = {
	"计划", "新开工", "续建", "新建", "在建", "竣工", "前期", "储备", "预备", "谋划", "拟开工",
	"开工", "重大", "重点", "市级", "省级", "县级", "产业", "工业", "农业", "服务业", "现代服务业",
	"基础设施", "城市基础设施", "城建", "城市建设", "交通", "水利", "能源", "民生", "社会事业",
	"公共服务", "生态环保", "生态环境", "环保", "文化旅游", "文旅", "教育", "卫生", "科技",
	"商贸", "物流", "乡村振兴", "城乡建设", "其他", "其它", "政府投资", "社会投资",
};
/* What ends the category: 续建项目, 产业类, 民生类项目. */
static const char *const category_ends[] = { "类项目", "類項目", "项目", "項目", "类", "類" };

/* Length of an enumerator at f (after NFKC): (1) (一) 1. 1、 I. IV、 A.
 * a) 一、 -- a number, numeral, roman numeral or one letter, in brackets
 * or before a separator; 0 if none. */
static size_t enumerator(const char *f, size_t len)
{
	size_t o = 0, n;
	int open = 0;

	if (starts(f, len, "(")) {
		o = 1;
		open = 1;
	}
	n = count_len(f + o, len - o);
	if (!n) {
		while (o + n < len && f[o + n] && strchr("IVXLCivxlc", f[o + n]))
			n++;
		if (!n && o < len && ((f[o] | 0x20) >= 'a' && (f[o] | 0x20) <= 'z'))
			n = 1;
	}
	if (!n)
		return 0;
	o += n;
	if (open)
		return starts(f + o, len - o, ")") ? o + 1 : 0;
	if (starts(f + o, len - o, ")") || starts(f + o, len - o, ".") ||
	    starts(f + o, len - o, ",") || starts(f + o, len - o, ":"))
		return o + 1;
	if (starts(f + o, len - o, "、"))
		return o + strlen("、");
	/* ① and ⑴ fold to a bare 1: allowed only before the category. */
	return (f[0] >= '0' && f[0] <= '9') ? o : 0;
}

/* tz_row_is_heading, and with `bare` also an enumerator before category
 * words and no ending (（一）交通, 一、基础设施: tz_row_is_bare_heading). */
static int heading(const char *s, size_t len, int bare)
{
	struct tz_buf f = TZ_BUF_INIT;
	int r = 0;
	size_t e, words = 0, rest;
	const char *p;

	if (tz_org_norm(s, len, &f) || !f.len)
		goto out;
	e = enumerator(f.buf, f.len);
	p = f.buf + e;
	rest = f.len - e;
	for (int more = 1; more;) {
		more = 0;
		for (size_t i = 0; i < sizeof(category_words) / sizeof(category_words[0]); i++)
			if (starts(p, rest, category_words[i])) {
				p += strlen(category_words[i]);
				rest -= strlen(category_words[i]);
				words++;
				more = 1;
				break;
			}
	}
	if (!words)
		goto out;
	if (bare && e && tail_ok(p, rest)) {
		r = 1;
		goto out;
	}
	for (size_t i = 0; i < sizeof(category_ends) / sizeof(category_ends[0]); i++)
		if (starts(p, rest, category_ends[i])) {
			size_t l = strlen(category_ends[i]);

			/* Without an enumerator only a 类 names a category. */
			r = (e || strstr(category_ends[i], "类") || strstr(category_ends[i], "類")) &&
			    tail_ok(p + l, rest - l);
			break;
		}
out:
	tz_buf_release(&f);
	return r;
}

int tz_row_is_heading(const char *s, size_t len)
{
	return heading(s, len, 0);
}

int tz_row_is_bare_heading(const char *s, size_t len)
{
	return heading(s, len, 1);
}
