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
static const char *const weak[] = { "累计", "累計", "汇总", "彙總", "匯總" };
/* What a scope before a weak word ends with: a place, 以上, 本页, 全部. */
static const char *const scope_ends[] = { "区", "县", "市", "旗", "镇", "乡", "省", "页", "表",
					  "上", "部", "各" };
/* Characters that make a word with the 合 of 合计: 综合计量 is 综合 + 计量. */
static const char *const he_words[] = { "综", "联", "整", "结", "融", "复", "混", "集", "组",
					"配", "适", "符", "聚", "汇", "契", "闭", "耦", "缝",
					"拼", "化", "回", "场", "巧", "凑", "离", "磨", "切" };
/* What may follow a total, besides ASCII punctuation and digits (after
 * NFKC: 合计：, 合计（3个）, 小计12项). */
static const char *const tail_starts[] = { "、", "【", "〔", "《", "—", "…", "共" };
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

/*
 * Whether s holds one of the characters every marker has (计 計 总 總
 * 其), as memmem would find it. One pass over the cell instead of five
 * searches: every cell of every row is asked, and most hold none. Each
 * is three bytes of UTF-8 and starts with a byte of 0xE0 or more, so
 * only such bytes can start one; an ASCII cell is read once and left.
 */
static int may_mark(const char *s, size_t len)
{
	static const char *const keys[] = { "计", "計", "总", "總", "其" };

	for (size_t i = 0; i + 3 <= len; i++) {
		if ((unsigned char)s[i] < 0xE0)
			continue;
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (s[i] == keys[k][0] && s[i + 1] == keys[k][1] && s[i + 2] == keys[k][2])
				return 1;
	}
	return 0;
}
_Static_assert(sizeof("计") == 4 && sizeof("計") == 4 && sizeof("总") == 4 && sizeof("總") == 4 &&
	       sizeof("其") == 4, "may_mark compares three bytes");

enum tz_row_mark tz_row_mark(const char *s, size_t len)
{
	struct tz_buf f = TZ_BUF_INIT;
	enum tz_row_mark m = TZ_MARK_NONE;

	/* Most cells hold none of the characters every marker has. */
	if (!may_mark(s, len))
		return TZ_MARK_NONE;
	if (tz_org_norm(s, len, &f) || !f.len)
		goto out;
	if (f.len >= strlen("其中") && !memcmp(f.buf, "其中", strlen("其中"))) {
		m = TZ_MARK_BREAKDOWN;
		goto out;
	}
	for (size_t i = 0; i < sizeof(strong) / sizeof(strong[0]) && !m; i++)
		if (total_at(f.buf, f.len, strong[i], 0))
			m = TZ_MARK_TOTAL;
	for (size_t i = 0; i < sizeof(weak) / sizeof(weak[0]) && !m; i++)
		if (total_at(f.buf, f.len, weak[i], 1))
			m = TZ_MARK_TOTAL;
out:
	tz_buf_release(&f);
	return m;
}
