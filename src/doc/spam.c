/*
 * spam.c: find text injected into a published page.
 *
 * Defaced government pages carry gambling, betting, lottery and porn
 * advertising, often replacing a word of the original (seed 004:
 * 买足球的软件 in place of 关于). Two signals, both matched on the
 * normalised (simplified, half-width, lower-cased ASCII) text:
 *
 *  - a lexicon of phrases that never belong in a government document
 *    (买足球, 足球的软件, 博彩, 网赌, 六合彩, 真人视讯, 娱乐城, 彩票app, …),
 *    except right after words that fight them (打击, 整治, 查处, 严禁, …:
 *    a police notice about 网络赌博 is not spam);
 *  - a structural one: weaker words (足球, 彩票, 棋牌, 投注, app, 软件, …)
 *    in the first characters of a quoted proposal title 《…的提案/建议》
 *    (which starts with 关于) or of a numbered heading when most of the
 *    document's headings start with 关于: the place where spam that
 *    replaced 关于 sits.
 *
 * Overlapping matches, and matches at most two characters apart, merge into
 * one span ("买足球" + "足球的软件" = "买足球的软件"; "彩票app" + "下载" +
 * "送彩金"), reported once as `injected_text` and kept
 * in c->spam so that titles and figures can be repaired around it.
 * Matching looks up the terms by their first byte: linear in the text.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

static const char *strong[] = {
	"买足球", "足球的软件", "足彩app", "足球app", "体育投注", "足球投注",
	"篮球投注", "博彩", "网赌", "网上赌场", "线上赌场", "在线赌场", "六合彩",
	"真人视讯", "真人娱乐", "真人荷官", "百家乐", "老虎机", "娱乐城", "彩票app",
	"购彩app", "彩票软件", "购彩平台", "时时彩", "北京赛车", "北京pk10", "幸运飞艇",
	"快乐十分", "新葡京", "葡京娱乐", "威尼斯人娱乐", "皇冠体育", "菠菜网",
	"开元棋牌", "棋牌app", "棋牌软件", "棋牌游戏平台", "注册送彩金", "送彩金", "注册送金",
	"首存送", "电子游艺", "捕鱼游戏", "德州扑克", "炸金花", "斗牛牛",
	"约炮", "裸聊", "成人视频", "色情网站", "黄色网站", "一夜情", "外围女",
	"代开发票", "发票代开", "刷单返利", "贷款秒批", "办证刻章", "赌球", "投注平台",
	"bet365", "开云体育", "乐鱼体育", "必威体育", "威廉希尔", "188bet",
	"金沙娱乐", "银河娱乐", "太阳城集团", "澳门赌场", "网上赌博", "网络博彩",
	"下注软件", "赌博软件", "赌博app", "时时彩票",
};

static const char *weak[] = {
	"足球", "彩票", "棋牌", "投注", "赌", "赛车", "体育app", "app", "软件",
	"下载", "娱乐", "游戏", "平台注册",
};

/* Words that make a following lexicon phrase legitimate. */
static const char *fight[] = {
	"打击", "整治", "查处", "严打", "取缔", "防范", "禁止", "严禁", "非法",
	"涉赌", "反赌", "治理", "抵制", "远离", "侦破", "打掉", "摧毁", "专项",
	"预防", "警惕", "谨防",
};

static void add_span(struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	struct dp_span *last = c->nspam ? &c->spam[c->nspam - 1] : NULL;

	if (last && last->line == li && b <= last->e) {
		if (e > last->e)
			last->e = e;
		return;
	}
	TZ_ALLOC_GROW(c->spam, c->nspam + 1, c->spam_alloc);
	c->spam[c->nspam].line = li;
	c->spam[c->nspam].b = b;
	c->spam[c->nspam].e = e;
	c->nspam++;
}

/* Case-insensitive match of an ASCII-or-UTF-8 literal. */
static int match_ci(const char *s, size_t len, size_t i, const char *lit, size_t n)
{
	if (len - i < n)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char ch = s[i + k];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch + 32);
		if (ch != lit[k])
			return 0;
	}
	return 1;
}

static int fought(const char *s, size_t b)
{
	/* Look back at most 8 characters (24 bytes). */
	size_t from = b > 24 ? b - 24 : 0;

	for (size_t k = 0; k < sizeof(fight) / sizeof(fight[0]); k++)
		if (tz_dp_rfind(s, from, b, fight[k]) != DP_NONE)
			return 1;
	return 0;
}

/*
 * A lexicon ready for matching: term lengths, and a bitmap of the first two
 * bytes of every term (ASCII terms case-folded) so that most positions are
 * rejected with one lookup.
 */
struct lexicon {
	const char **terms;
	size_t n;
	size_t len[128];
	unsigned char first2[65536 / 8];
};

static unsigned pair_key(unsigned char a, unsigned char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (unsigned char)(a + 32);
	if (b >= 'A' && b <= 'Z')
		b = (unsigned char)(b + 32);
	return (unsigned)a << 8 | b;
}

static void lex_init(struct lexicon *lx, const char **terms, size_t n)
{
	memset(lx, 0, sizeof(*lx));
	lx->terms = terms;
	lx->n = n < 128 ? n : 128;
	for (size_t k = 0; k < lx->n; k++) {
		unsigned key;

		lx->len[k] = strlen(terms[k]);
		key = pair_key((unsigned char)terms[k][0], (unsigned char)terms[k][1]);
		lx->first2[key >> 3] |= (unsigned char)(1u << (key & 7));
	}
}

/* Length of the longest lexicon term at s[i], 0 if none. */
static size_t term_at(const struct lexicon *lx, const char *s, size_t len, size_t i)
{
	size_t best = 0;
	unsigned key;

	if (i + 1 >= len)
		return 0;
	key = pair_key((unsigned char)s[i], (unsigned char)s[i + 1]);
	if (!(lx->first2[key >> 3] & (1u << (key & 7))))
		return 0;
	for (size_t k = 0; k < lx->n; k++)
		if (lx->len[k] > best && match_ci(s, len, i, lx->terms[k], lx->len[k]))
			best = lx->len[k];
	return best;
}

void tz_dp_scan_spam(struct dp_ctx *c)
{
	struct lexicon *ls = tz_xmalloc(sizeof(*ls)), *lw = tz_xmalloc(sizeof(*lw));
	size_t li, guanyu_headings = 0, headings = 0;

	lex_init(ls, strong, sizeof(strong) / sizeof(strong[0]));
	lex_init(lw, weak, sizeof(weak) / sizeof(weak[0]));
	/* Do the document's headings start with 关于? (replies: 一、关于…) */
	for (li = 0; li < c->nlines; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t h;

		if (l->cls != DP_CONTENT)
			continue;
		h = tz_dp_heading_prefix(l->norm, l->norm_len);
		if (!h)
			continue;
		headings++;
		if (tz_dp_at(l->norm, l->norm_len, h, "关于"))
			guanyu_headings++;
	}
	for (li = 0; li < c->nlines; li++) {
		const struct dp_line *l = &c->lines[li];
		const char *s = l->norm;
		size_t len = l->norm_len, i, h;
		size_t first_span = c->nspam;

		if (l->cls == DP_BLANK)
			continue;
		for (i = 0; i < len; i++) {
			size_t n = term_at(ls, s, len, i);

			if (n && !fought(s, i))
				add_span(c, li, i, i + n);
		}
		/* Structural: weak words where 关于 belongs. */
		h = tz_dp_heading_prefix(s, len);
		if (h && guanyu_headings >= 1 && guanyu_headings * 2 >= headings) {
			size_t n = 0;

			for (size_t k = h; k < len && k < h + 18 && !n; k++)
				n = term_at(lw, s, len, k) ? k : 0;
			if (n && !tz_dp_at(s, len, h, "关于") &&
			    !tz_dp_in_spam(c, li, h, n + 1)) {
				size_t e = n + term_at(lw, s, len, n);

				add_span(c, li, h, e);
			}
		}
		/* A proposal title in 《》 that does not start with 关于. */
		for (i = 0; i + 3 <= len; i++) {
			size_t n, k;

			if (!tz_dp_at(s, len, i, "《"))
				continue;
			k = tz_dp_find(s, i + 3, len < i + 300 ? len : i + 300, "》");
			if (k == DP_NONE || k < i + 12)
				continue;
			if (!tz_dp_at(s, len, k - 6, "提案") && !tz_dp_at(s, len, k - 6, "建议") &&
			    !tz_dp_at(s, len, k - 6, "议案"))
				continue;
			if (tz_dp_at(s, len, i + 3, "关于") || tz_dp_in_spam(c, li, i + 3, i + 6))
				continue;
			for (size_t j = i + 3; j < i + 3 + 12 && j < k; j++) {
				n = term_at(lw, s, len, j);
				if (n) {
					size_t e = j + n, m;

					/* "足球彩票": run on over further weak words */
					while (e < k && (m = term_at(lw, s, len, e)) > 0)
						e += m;
					add_span(c, li, i + 3, e);
					break;
				}
			}
		}
		/* The spans found on this line, merged, are warnings. */
		if (c->nspam > first_span) {
			/* sort the new spans by start (few per line: insertion sort) */
			for (size_t a = first_span + 1; a < c->nspam; a++) {
				struct dp_span t = c->spam[a];
				size_t b = a;

				while (b > first_span && c->spam[b - 1].b > t.b) {
					c->spam[b] = c->spam[b - 1];
					b--;
				}
				c->spam[b] = t;
			}
			{
				size_t w = first_span;

				for (size_t r = first_span + 1; r < c->nspam; r++) {
					/* two spans at most two characters apart are one
					 * advert ("彩票app下载送彩金") */
					if (c->spam[r].b <= c->spam[w].e + 6) {
						if (c->spam[r].e > c->spam[w].e)
							c->spam[w].e = c->spam[r].e;
					} else {
						c->spam[++w] = c->spam[r];
					}
				}
				c->nspam = w + 1;
			}
			for (size_t r = first_span; r < c->nspam; r++)
				tz_dp_warn(c, "injected_text", li, c->spam[r].b, c->spam[r].e, NULL,
					   "疑似被篡改插入的赌博/色情广告词");
		}
	}
	free(ls);
	free(lw);
}

/* The first spam span on line li (spans are sorted by line, then offset). */
static size_t first_span(const struct dp_ctx *c, size_t li)
{
	size_t lo = 0, hi = c->nspam;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->spam[mid].line < li)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int tz_dp_in_spam(const struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	for (size_t lo = first_span(c, li); lo < c->nspam && c->spam[lo].line == li; lo++)
		if (c->spam[lo].b < e && b < c->spam[lo].e)
			return 1;
	return 0;
}

size_t tz_dp_spam_at(const struct dp_ctx *c, size_t li, size_t b)
{
	for (size_t lo = first_span(c, li); lo < c->nspam && c->spam[lo].line == li; lo++)
		if (c->spam[lo].b == b)
			return c->spam[lo].e;
	return 0;
}
