/*
 * checks.c: figures in the text checked against each other.
 *
 * Sums (`sum_mismatch`), in both orders a text writes them:
 *   - "谋划了总投资1555亿元172个…项目库,其中港口基础设施项目7个,总投资
 *     214亿元;临港产业项目109个,总投资916亿元,城市建设项目56个,总投资
 *     425亿元": the whole is the last quantity of each unit in the clause
 *     before 其中 (back to the previous 。 or ;), the parts are the
 *     quantities after it up to the end of the sentence or an opening
 *     bracket;
 *   - "城建方面18件,工业方面13件,…,共计57件" (also 合计, 总计, 总共, and
 *     with a measure word between: "合计完成投资120亿元"): the parts are
 *     the quantities of the sentence before it, after a scope "全市286个
 *     重点项目中," that opens it;
 *   - 其中 opening a sentence ("…296.4亿元。其中,…") or a line: the whole
 *     is in the sentence before (on the line before for a line); 分别为
 *     right after "WHOLE," and "从项目类别看," opening a sentence work
 *     like 其中. When the parts of a unit all carry one label (完成投资),
 *     the whole is the last quantity with that label, not a plan after it.
 * The check runs only when the list is plainly a breakdown of the whole:
 * every part is in a unit of the whole (a part counted in TEU while the
 * whole is in 万吨 means the list is not complete), every unit of the
 * whole that has parts has the same number of them, and there are at
 * least two, and the parts of a class do not carry two different measures
 * (年度计划投资 and 完成投资 of one part). Money is one unit whatever its scale: a whole in 亿元 is
 * summed from parts in 万元. A 其中 right after an opening bracket
 * ("(其中省重点56个,…)") has no clear whole and is not checked.
 * Percentages are not summed.
 *
 * Rates (`rate_mismatch`): every rate the figure reader labels is checked
 * against its parts when it can pair them: 投资完成率 (完成率, 为年度投资
 * 计划的…, 占年度目标的…) against the completed investment and the plan,
 * 开工率 (完成年度计划开工的…) against the projects started and the starts
 * planned. The completed amount is the last one before the rate in its
 * sentence; the plan the nearest one in the sentence, before or after the
 * rate, or else the last one in an earlier sentence of the paragraph when
 * the rate's sentence does not open a sub-group (其中), or else the last
 * one of the line before (blank lines between), of the rate's group and
 * not in a 其中 sentence. Figures in
 * brackets are not parts. A rate holds when it is the ratio rounded, or
 * cut, to the decimals written. All arithmetic is exact (num.c, 128-bit
 * integers).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

#define MAXQ 16

/* A quantity with its unit class: money in any scale is one class. */
struct cq {
	struct dp_qty q;
	const char *cls;         /* "money", or the unit */
	int exp;                 /* money: power of ten of its unit in 万元 */
};

struct qlist {
	struct cq q[MAXQ];
	size_t n;
};

static void classify_qty(struct cq *c)
{
	int e = tz_dp_money_exp(c->q.unit);

	if (e != 99) {
		c->cls = "money";
		c->exp = e;
	} else {
		c->cls = c->q.unit;
		c->exp = 0;
	}
}

/* Quantities in [b, e) of s, skipping %, dates, bracketed text. Returns 0
 * when there are more than MAXQ (no check on such a list). */
static int collect(const char *s, size_t len, size_t b, size_t e, struct qlist *out,
		   int stop_at_bracket)
{
	size_t i = b;
	int depth = 0;

	out->n = 0;
	while (i < e) {
		struct dp_qty q;
		size_t n, qe;

		if (s[i] == '(' || tz_dp_at(s, len, i, "〔") || tz_dp_at(s, len, i, "【")) {
			if (stop_at_bracket)
				return 1;
			depth++;
		} else if (s[i] == ')' || tz_dp_at(s, len, i, "〕") || tz_dp_at(s, len, i, "】")) {
			depth -= depth > 0;
		}
		if (!(s[i] >= '0' && s[i] <= '9')) {
			tz_dp_cp(s, len, i, &n);
			i += n;
			continue;
		}
		qe = tz_dp_qty_at(s, len, i, &q);
		if (!qe) {
			while (i < e && s[i] >= '0' && s[i] <= '9')
				i++;
			continue;
		}
		if (!depth && q.unit && q.ok && strcmp(q.unit, "%") && strcmp(q.unit, "个百分点") &&
		    strcmp(q.unit, "百分点") && strcmp(q.unit, "倍") && !(i && s[i - 1] == '-') &&
		    !(qe < len && (s[qe] == '-' || tz_dp_at(s, len, qe, "—"))) &&
		    !tz_dp_at(s, len, qe, "年") && !tz_dp_at(s, len, qe, "月")) {
			if (out->n == MAXQ)
				return 0;
			out->q[out->n].q = q;
			classify_qty(&out->q[out->n]);
			out->n++;
		}
		i = qe > i ? qe : i + 1;
	}
	return 1;
}

static __int128 pow10i(int k)
{
	__int128 v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

/* The quantity's power of ten: value = mant * 10^(exp - scale). */
static int power(const struct cq *c)
{
	return c->exp - c->q.dec.scale;
}

/* "6000万元+8000万元" */
static void fmt_terms(const struct qlist *parts, const char *cls, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < parts->n; k++) {
		if (strcmp(parts->q[k].cls, cls))
			continue;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s%s",
					len ? "+" : "", parts->q[k].q.value, parts->q[k].q.unit);
		if (len >= size)
			return;
	}
}

/*
 * The label the figure reader gave the quantity starting at norm offset
 * qb of line li (完成投资, 年度计划投资, 项目数, …), or NULL. Figures are
 * recorded line by line, left to right: a binary search.
 */
static const char *qty_label(const struct dp_ctx *c, size_t li, size_t qb)
{
	size_t lo = 0, hi = c->doc->nfigures;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct dp_fig *f = &c->figs[mid];

		if (f->li < li || (f->li == li && f->qb < qb))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->doc->nfigures && c->figs[lo].li == li && c->figs[lo].qb == qb &&
	    !c->doc->figures[lo].rank)
		return c->doc->figures[lo].label;
	return NULL;
}

/* Labels of a list's quantities (wli: the line they are on). */
static void label_list(const struct dp_ctx *c, size_t wli, const struct qlist *l,
		       const char **lab)
{
	for (size_t k = 0; k < l->n; k++)
		lab[k] = qty_label(c, wli, l->q[k].q.b);
}

/*
 * The whole of class `cls`: the last quantity of that class, or, when the
 * parts of the class all carry one label (完成投资) and an earlier whole
 * of the class carries it too, that one: "完成投资300亿元,年度计划投资500
 * 亿元。其中,产业项目完成投资…" sums to 300, not to the plan.
 */
static const struct cq *pick_whole(const struct qlist *whole, const char **wlab,
				   const struct qlist *parts, const char **plab, const char *cls)
{
	const char *label = NULL;
	const struct cq *last = NULL;

	for (size_t k = 0; k < parts->n; k++) {
		if (strcmp(parts->q[k].cls, cls))
			continue;
		if (!plab[k] || (label && strcmp(label, plab[k]))) {
			label = NULL;
			break;
		}
		label = plab[k];
	}
	for (size_t k = whole->n; k-- > 0;) {
		if (strcmp(whole->q[k].cls, cls))
			continue;
		if (!last)
			last = &whole->q[k];
		if (!label || (wlab[k] && !strcmp(wlab[k], label)))
			return &whole->q[k];
	}
	return last;
}

/*
 * 1 when the money parts carry two different measures ("其中省重点
 * 项目年度计划投资200亿元，完成投资96亿元": a plan and an amount done of one
 * part): they are not pieces of one whole and are not summed.
 */
static int mixed_measures(const struct qlist *parts, const char **plab, const char *cls)
{
	const char *seen = NULL;

	/* counts may be complementary measures: 已开工 58 + 未开工 14 */
	if (strcmp(cls, "money"))
		return 0;
	for (size_t k = 0; k < parts->n; k++) {
		if (strcmp(parts->q[k].cls, cls) || !plab[k])
			continue;
		if (seen && strcmp(seen, plab[k]))
			return 1;
		seen = plab[k];
	}
	return 0;
}

/*
 * Check the parts of each class of the whole: one warning per class that
 * does not add up, on line li from `b` (DP_NONE: the whole's quantity) to
 * `e`. The whole's quantities are on line wli.
 */
static void check_parts(struct dp_ctx *c, size_t li, size_t wli, const struct qlist *whole,
			const struct qlist *parts, size_t b, size_t e)
{
	const char *wlab[MAXQ], *plab[MAXQ];
	const char *cls[MAXQ];
	size_t ncls = 0, count = 0;

	if (!whole->n || parts->n < 2)
		return;
	/* Classes of the whole: the last quantity of each. */
	for (size_t k = whole->n; k-- > 0;) {
		size_t u;

		for (u = 0; u < ncls; u++)
			if (!strcmp(cls[u], whole->q[k].cls))
				break;
		if (u == ncls)
			cls[ncls++] = whole->q[k].cls;
	}
	/* Every part in a class of the whole, the same count per class. */
	for (size_t k = 0; k < parts->n; k++) {
		size_t u;

		for (u = 0; u < ncls; u++)
			if (!strcmp(cls[u], parts->q[k].cls))
				break;
		if (u == ncls)
			return;
	}
	for (size_t u = 0; u < ncls; u++) {
		size_t n = 0;

		for (size_t k = 0; k < parts->n; k++)
			n += !strcmp(parts->q[k].cls, cls[u]);
		if (!n)
			continue;
		if (n < 2 || (count && n != count))
			return;
		count = n;
	}
	label_list(c, wli, whole, wlab);
	label_list(c, li, parts, plab);
	for (size_t u = 0; u < ncls; u++) {
		const struct cq *w = pick_whole(whole, wlab, parts, plab, cls[u]);
		int lo;
		__int128 sum = 0, wv;
		size_t n = 0;

		if (mixed_measures(parts, plab, cls[u]))
			continue;
		lo = power(w);
		for (size_t k = 0; k < parts->n; k++)
			if (!strcmp(parts->q[k].cls, cls[u]) && power(&parts->q[k]) < lo)
				lo = power(&parts->q[k]);
		for (size_t k = 0; k < parts->n; k++) {
			if (strcmp(parts->q[k].cls, cls[u]))
				continue;
			if (power(&parts->q[k]) - lo > 18)
				return;
			sum += (__int128)parts->q[k].q.dec.mant * pow10i(power(&parts->q[k]) - lo);
			n++;
		}
		if (!n || power(w) - lo > 18)
			continue;
		wv = (__int128)w->q.dec.mant * pow10i(power(w) - lo);
		if (sum != wv) {
			char terms[200], total[40], detail[360];
			struct dp_dec t;
			int sc = w->exp - lo; /* the sum in the whole's unit */

			fmt_terms(parts, cls[u], terms, sizeof(terms));
			if (sc >= 0 && sc <= 18 && sum < (__int128)INT64_MAX) {
				t.mant = (int64_t)sum;
				t.scale = sc;
				tz_dp_dec_fmt(t, total);
			} else {
				snprintf(total, sizeof(total), "?");
			}
			snprintf(detail, sizeof(detail), "分项之和%s=%s%s，与总数%s%s不符", terms, total,
				 w->q.unit, w->q.value, w->q.unit);
			tz_dp_warn(c, "sum_mismatch", li, b == DP_NONE ? w->q.b : b, e, NULL, detail);
		}
	}
}

/*
 * The sentence before the one [cb, ...) starts (cb just after its 。) on
 * the same line, or, when cb is the line's start, the last sentence of
 * the content line before (not a heading, blank lines between allowed):
 * its line in *wli, its span in [*wb, *we). 0 if there is none.
 */
static int sentence_before(const struct dp_ctx *c, size_t li, size_t cb, size_t *wli, size_t *wb,
			   size_t *we)
{
	const char *s;
	size_t e, q;

	if (cb >= 3 && tz_dp_at(c->lines[li].norm, c->lines[li].norm_len, cb - 3, "。")) {
		*wli = li;
		e = cb - 3;
	} else if (cb == 0) {
		size_t k = li;

		while (k-- > 0 && li - k <= 8 && c->lines[k].cls == DP_BLANK)
			;
		if (k == (size_t)-1 || c->lines[k].cls != DP_CONTENT ||
		    tz_dp_heading_prefix(c->lines[k].norm, c->lines[k].norm_len))
			return 0;
		*wli = k;
		e = c->lines[k].norm_len;
		while (e > 0 && c->lines[k].norm[e - 1] == ' ')
			e--;
		if (tz_dp_ends(c->lines[k].norm, 0, e, "。"))
			e -= 3;
	} else {
		return 0;
	}
	s = c->lines[*wli].norm;
	*we = e;
	*wb = e > 400 ? e - 400 : 0;
	q = tz_dp_rfind(s, *wb, e, "。");
	if (q != DP_NONE)
		*wb = q + 3;
	return *wb < *we;
}

/*
 * WHOLE…其中 A、B、C at `at` (the word `wlen` bytes long: 其中, or 分别为
 * right after a whole: "全市重点项目120个,分别为产业项目30个、…"). When
 * 其中 opens a sentence ("…296.4亿元。其中,省重点项目…", or a line of its
 * own), the whole is in the sentence before.
 */
static void check_qizhong(struct dp_ctx *c, size_t li, size_t at, size_t wlen)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, cb, pe, p, last = 0, wli = li, from = DP_NONE;
	struct qlist whole, parts;

	/* Not after an opening bracket. */
	p = tz_dp_prev(s, at);
	while (p && s[p] == ' ')
		p = tz_dp_prev(s, p);
	if (at && (s[p] == '(' || tz_dp_at(s, len, p, "〔") || tz_dp_at(s, len, p, "【")))
		return;
	/* The clause before: back to 。 or ; (at most 200 bytes). */
	cb = at > 200 ? at - 200 : 0;
	{
		size_t q = tz_dp_rfind(s, cb, at, "。");

		if (q != DP_NONE)
			cb = q + 3;
		q = tz_dp_rfind(s, cb, at, ";");
		if (q != DP_NONE)
			cb = q + 1;
	}
	/* The parts: to the end of the sentence (at most 600 bytes). */
	pe = len < at + 600 ? len : at + 600;
	{
		size_t q = tz_dp_find(s, at, pe, "。");

		if (q != DP_NONE)
			pe = q;
	}
	{
		size_t b = cb, e = at, wb, we;

		tz_dp_trim(s, &b, &e, ",:");
		if (b < e) {
			if (!collect(s, len, cb, at, &whole, 0))
				return;
		} else if (sentence_before(c, li, cb, &wli, &wb, &we)) {
			if (!collect(c->lines[wli].norm, c->lines[wli].norm_len, wb, we, &whole, 0))
				return;
			if (wli != li)
				from = at; /* the warning names the parts' line */
		} else {
			return;
		}
	}
	if (!collect(s, len, at + wlen, pe, &parts, 1))
		return;
	for (size_t k = 0; k < parts.n; k++)
		if (parts.q[k].q.e > last)
			last = parts.q[k].q.e;
	check_parts(c, li, wli, &whole, &parts, from, last);
}

/* "WHOLE,分别为 A、B": 分别为 right after a separator that follows a
 * quantity. */
static int fenbie_after_whole(const char *s, size_t len, size_t at)
{
	size_t p, q;
	struct dp_qty qty;

	if (!at)
		return 0;
	p = tz_dp_prev(s, at);
	if (!(s[p] == ',' || s[p] == ':'))
		return 0;
	/* the quantity right before the separator: its unit ends at p */
	for (q = p > 24 ? p - 24 : 0; q < p; q++)
		if (s[q] >= '0' && s[q] <= '9' && (q == 0 || !(s[q - 1] >= '0' && s[q - 1] <= '9')) &&
		    tz_dp_qty_at(s, len, q, &qty) == p && qty.unit && strcmp(qty.unit, "%"))
			return 1;
	return 0;
}

/*
 * "从项目类别看," / "分领域看," opening a sentence: a breakdown of the
 * sentence before, like 其中. Returns the opener's length (to after 看),
 * or 0.
 */
static size_t breakdown_opener(const char *s, size_t len, size_t i)
{
	static const char *kinds[] = { "类别", "类型", "领域", "行业", "区域", "地区", "层级",
				       "级别", "性质", "板块", "产业", "属地" };
	size_t p = i, n, k;

	if (!tz_dp_at(s, len, i, "从") && !tz_dp_at(s, len, i, "分"))
		return 0;
	if (i) { /* at a sentence's start */
		size_t q = tz_dp_prev(s, i);

		while (q && s[q] == ' ')
			q = tz_dp_prev(s, q);
		if (s[q] != ' ' && !tz_dp_at(s, len, q, "。"))
			return 0;
	}
	p += 3;
	for (k = 0; k < 8 && p < len && !tz_dp_at(s, len, p, "看"); k++) {
		if (!tz_dp_is_han(tz_dp_cp(s, len, p, &n)))
			return 0;
		p += n;
	}
	if (!k || !tz_dp_at(s, len, p, "看"))
		return 0;
	for (size_t w = 0; w < sizeof(kinds) / sizeof(kinds[0]); w++)
		if (tz_dp_ends(s, i + 3, p, kinds[w]))
			return p + 3 - i;
	return 0;
}

size_t tz_dp_breakdown_at(const char *s, size_t len, size_t i)
{
	unsigned char b = (unsigned char)s[i];

	if (b != 0xE4 && b != 0xE5)
		return 0;
	if ((tz_dp_at(s, len, i, "分别为") || tz_dp_at(s, len, i, "分别是")) &&
	    fenbie_after_whole(s, len, i))
		return 9;
	return breakdown_opener(s, len, i);
}

/* A, B, C，共计 WHOLE at `at` (the word), the whole right after it. */
static void check_total_after(struct dp_ctx *c, size_t li, size_t at, size_t wlen)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, p, sb, qe;
	struct qlist whole, parts;
	struct dp_qty q;

	/* after a separator: "…,共计57件", not "共完成投资…" */
	p = tz_dp_prev(s, at);
	if (!at || !(s[p] == ',' || s[p] == ';' || tz_dp_at(s, len, p, "、")))
		return;
	p = at + wlen;
	if (tz_dp_at(s, len, p, "为") || tz_dp_at(s, len, p, "达") || tz_dp_at(s, len, p, "有"))
		p += 3;
	p = tz_dp_skip_sp(s, len, p);
	/* "合计完成投资120亿元": a measure word (Han characters only, at most
	 * ten) between the word and the number */
	for (size_t k = 0; k < 10 && p < len && !(s[p] >= '0' && s[p] <= '9'); k++) {
		size_t n;

		if (!tz_dp_is_han(tz_dp_cp(s, len, p, &n)))
			return;
		p += n;
	}
	qe = tz_dp_qty_at(s, len, p, &q);
	if (!qe || !q.unit || !q.ok)
		return;
	whole.n = 1;
	whole.q[0].q = q;
	classify_qty(&whole.q[0]);
	/* the parts: back to the sentence's start (at most 600 bytes) */
	sb = at > 600 ? at - 600 : 0;
	{
		size_t k = tz_dp_rfind(s, sb, at, "。");

		if (k != DP_NONE)
			sb = k + 3;
	}
	/* "全市286个重点项目中,绿灯项目198个、…,合计286个": the count
	 * before 中, is the scope the list divides, not one of its parts */
	{
		size_t k = tz_dp_find(s, sb, at, "中,");

		if (k != DP_NONE && k >= sb + 3 && !tz_dp_at(s, len, k - 3, "其"))
			for (size_t j = sb; j < k; j++)
				if (s[j] >= '0' && s[j] <= '9') {
					sb = k + 4;
					break;
				}
	}
	if (!collect(s, len, sb, at, &parts, 0) || !parts.n)
		return;
	/* a plain list: every quantity before the total in its class */
	for (size_t k = 0; k < parts.n; k++)
		if (strcmp(parts.q[k].cls, whole.q[0].cls))
			return;
	check_parts(c, li, li, &whole, &parts, parts.q[0].q.b, qe);
}

/* ------------------------------------------------------------------ */
/* Rates                                                               */

/* Where each figure sits: its sentence on the line, whether it is in
 * brackets, whether a 其中 comes before it in its sentence. One pass per
 * line, so the checks stay linear. */
struct where {
	size_t sentence;         /* count of 。 before it on its line */
	int bracket;
	int qizhong;
};

static void locate(const struct dp_ctx *c, struct where *w)
{
	const struct tz_doc *d = c->doc;
	size_t f = 0;

	while (f < d->nfigures) {
		size_t li = c->figs[f].li, i = 0, sent = 0;
		const char *s = c->lines[li].norm;
		size_t len = c->lines[li].norm_len;
		int depth = 0, qz = 0;

		for (; f < d->nfigures && c->figs[f].li == li; f++) {
			size_t to = c->figs[f].qb < len ? c->figs[f].qb : len;

			while (i < to) {
				size_t n;

				if (tz_dp_bracket_open(s, len, i, &n))
					depth++;
				else if (tz_dp_bracket_close(s, len, i, &n))
					depth -= depth > 0;
				else if (tz_dp_at(s, len, i, "。"))
					sent++, qz = 0, n = 3;
				else if (tz_dp_at(s, len, i, "其中"))
					qz = 1, n = 6;
				else
					tz_dp_cp(s, len, i, &n);
				i += n;
			}
			w[f].sentence = sent;
			w[f].bracket = depth > 0;
			w[f].qizhong = qz;
		}
	}
}

static int label_in(const char *label, const char **set, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(label, set[k]))
			return 1;
	return 0;
}

/* Check rate figure r = done / plan (figure indexes). */
static void check_rate(struct dp_ctx *c, size_t r, size_t done, size_t plan)
{
	const struct dp_fig *fr = &c->figs[r], *fx = &c->figs[done], *fp = &c->figs[plan];
	const struct tz_doc_figure *dr = &c->doc->figures[r], *dx = &c->doc->figures[done],
				   *dp = &c->doc->figures[plan];
	int ex, ep, lo;
	__int128 xv, pv, lhs, rhs, diff;

	if (!fx->ok || !fp->ok || !fr->ok)
		return;
	if (fx->dec.scale > 6 || fp->dec.scale > 6 || fr->dec.scale > 4 || fp->dec.mant <= 0)
		return;
	/* money in its scale; counts as they are */
	ex = (tz_dp_money_exp(dx->unit) == 99 ? 0 : tz_dp_money_exp(dx->unit)) - fx->dec.scale;
	ep = (tz_dp_money_exp(dp->unit) == 99 ? 0 : tz_dp_money_exp(dp->unit)) - fp->dec.scale;
	lo = ex < ep ? ex : ep;
	if (ex - lo > 12 || ep - lo > 12)
		return;
	xv = (__int128)fx->dec.mant * pow10i(ex - lo);
	pv = (__int128)fp->dec.mant * pow10i(ep - lo);
	/* rate% = 100 x / p; written R = r.mant / 10^r.scale */
	lhs = xv * 100 * pow10i(fr->dec.scale);
	rhs = (__int128)fr->dec.mant * pv;
	diff = lhs - rhs;
	/* rounded: |diff| <= p/2; cut: 0 <= diff < p */
	if ((diff < 0 ? -diff : diff) * 2 <= pv || (diff >= 0 && diff < pv))
		return;
	{
		char detail[256];
		/* the computed rate to two decimals, for the message */
		__int128 q = (xv * 100 * 100 * 2 + pv) / (pv * 2);
		long long qi = (long long)q;
		size_t b = fx->qb < fp->qb ? fx->qb : fp->qb;
		size_t e = fr->e > fp->e ? fr->e : fp->e;

		if (fp->li != fr->li) { /* the plan on the line before */
			b = fx->qb;
			e = fr->e;
		}

		snprintf(detail, sizeof(detail), "%s÷%s=%lld.%02lld%%，与文中%s%%不符", dx->value,
			 dp->value, qi / 100, qi % 100, dr->value);
		tz_dp_warn(c, "rate_mismatch", fr->li, b, e, NULL, detail);
	}
}

static int same_group(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/*
 * The subject written right before figure k's measure word: the Han
 * characters back to a separator (at most twelve), without a trailing
 * 累计, 实际, 今年, … ("全县重点项目" of "1-6月,全县重点项目累计完成投资…").
 */
static void subject(const struct dp_ctx *c, size_t k, size_t *sb, size_t *se)
{
	static const char *adverbs[] = { "累计", "实际", "共计", "今年", "本年", "全年", "年度", "共",
					 "已", "今", "本" };
	const char *s = c->lines[c->figs[k].li].norm;
	size_t b = c->figs[k].mb, e = b;

	for (int n = 0; n < 12 && b > 0; n++) {
		size_t p = tz_dp_prev(s, b), m;

		if (!tz_dp_is_han(tz_dp_cp(s, e, p, &m)) || tz_dp_at(s, e, p, "。") ||
		    tz_dp_at(s, e, p, "、"))
			break;
		b = p;
	}
	for (size_t a = 0; a < sizeof(adverbs) / sizeof(adverbs[0]); a++)
		if (tz_dp_ends(s, b, e, adverbs[a])) {
			e -= strlen(adverbs[a]);
			a = (size_t)-1; /* again */
		}
	*sb = b;
	*se = e;
}

/* Two figures about the same subject: either names none, or one name
 * ends the other ("月底全县重点项目" and "全县重点项目"); "高新区" and
 * "全市" are two. */
static int same_subject(const struct dp_ctx *c, size_t j, size_t k)
{
	const char *sj = c->lines[c->figs[j].li].norm, *sk = c->lines[c->figs[k].li].norm;
	size_t jb, je, kb, ke, nj, nk;

	subject(c, j, &jb, &je);
	subject(c, k, &kb, &ke);
	nj = je - jb;
	nk = ke - kb;
	if (!nj || !nk)
		return 1;
	if (nj >= nk)
		return !memcmp(sj + je - nk, sk + kb, nk);
	return !memcmp(sk + ke - nj, sj + jb, nj);
}

/*
 * A plan stated on the line before the rate's ("全县重点项目年度计划投资
 * 85.2亿元。" then "1-6月,…完成投资46.9亿元,完成率57.05%"): the last plan
 * figure of the nearest content line above (blank lines between allowed),
 * of the rate's group and about the completed amount's subject (not
 * "全市…计划投资" for "高新区完成投资…"), not in brackets or a 其中
 * sentence. DP_NONE if none.
 */
static size_t plan_line_before(const struct dp_ctx *c, const struct where *w, size_t r,
			       size_t done, size_t from, const char **pset, size_t np)
{
	const struct tz_doc *d = c->doc;
	size_t li = c->figs[r].li, pl = li, plan = DP_NONE;

	/* (bounded: every rate of a line looks back over the same lines) */
	while (pl-- > 0 && li - pl <= 8 && c->lines[pl].cls == DP_BLANK)
		;
	if (pl == (size_t)-1 || c->lines[pl].cls != DP_CONTENT)
		return DP_NONE;
	for (size_t k = from; k < r; k++)
		if (c->figs[k].li == pl && !w[k].bracket && !w[k].qizhong && !d->figures[k].rank &&
		    label_in(d->figures[k].label, pset, np) &&
		    same_group(d->figures[k].group, d->figures[r].group))
			plan = k;
	if (plan != DP_NONE && !same_subject(c, plan, done))
		return DP_NONE;
	return plan;
}

/* How far back and forth a rate looks for its parts (figures). */
#define REACH 48

static void check_rates(struct dp_ctx *c)
{
	static const char *inv_done[] = { "完成投资" }, *inv_plan[] = { "年度计划投资" };
	static const char *start_done[] = { "开工项目数", "新开工项目数" };
	static const char *start_plan[] = { "计划开工项目数", "计划新开工项目数" };
	const struct tz_doc *d = c->doc;
	struct where *w;

	if (!d->nfigures)
		return;
	w = tz_xcalloc(d->nfigures, sizeof(*w));
	locate(c, w);
	for (size_t r = 0; r < d->nfigures; r++) {
		const struct tz_doc_figure *f = &d->figures[r];
		const char **dset, **pset;
		size_t nd, np, done = DP_NONE, plan = DP_NONE, prev_plan = DP_NONE, from, to;

		if (f->rank || !f->unit || strcmp(f->unit, "%"))
			continue;
		if (!strcmp(f->label, "投资完成率")) {
			dset = inv_done, nd = 1, pset = inv_plan, np = 1;
		} else if (!strcmp(f->label, "开工率")) {
			dset = start_done, nd = 2, pset = start_plan, np = 2;
		} else {
			continue;
		}
		from = r > REACH ? r - REACH : 0;
		to = r + REACH < d->nfigures ? r + REACH : d->nfigures;
		for (size_t k = from; k < to; k++) {
			const struct tz_doc_figure *g = &d->figures[k];

			if (k == r || c->figs[k].li != c->figs[r].li || w[k].bracket || g->rank)
				continue;
			if (w[k].sentence == w[r].sentence) {
				if (k < r && label_in(g->label, dset, nd))
					done = k;
				/* the nearest plan before the rate; one after it
				 * only when none is before ("计划开工255个，已开工
				 * 206个，占计划开工项目的80.8%；计划新开工223个":
				 * 255, not 223) */
				if (label_in(g->label, pset, np) &&
				    (plan == DP_NONE || (k < r && (plan > r || k > plan)) ||
				     (k > r && plan > r && k < plan)))
					plan = k;
			} else if (w[k].sentence < w[r].sentence && label_in(g->label, pset, np)) {
				prev_plan = k;
			}
		}
		if (plan == DP_NONE && !w[r].qizhong)
			plan = prev_plan;
		if (plan == DP_NONE && !w[r].qizhong && done != DP_NONE)
			plan = plan_line_before(c, w, r, done, from, pset, np);
		if (done != DP_NONE && plan != DP_NONE)
			check_rate(c, r, done, plan);
	}
	free(w);
}

static void check_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;
	static const char *totals[] = { "共计", "合计", "总计", "总共" };

	while (i < len) {
		size_t n;

		/* 其 共 合 总 start with E5 or E6: test the byte first, this
		 * runs on every character */
		if ((unsigned char)s[i] == 0xE4 || (unsigned char)s[i] == 0xE5) {
			size_t o = tz_dp_breakdown_at(s, len, i);

			if (o) {
				check_qizhong(c, li, i, o);
				i += o;
				continue;
			}
		}
		if ((unsigned char)s[i] == 0xE5 || (unsigned char)s[i] == 0xE6) {
			if (tz_dp_at(s, len, i, "其中")) {
				check_qizhong(c, li, i, 6);
				i += 6;
				continue;
			}
			for (size_t k = 0; k < sizeof(totals) / sizeof(totals[0]); k++)
				if (tz_dp_at(s, len, i, totals[k]))
					check_total_after(c, li, i, 6);
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
}

void tz_dp_checks(struct dp_ctx *c)
{
	for (size_t li = 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT)
			check_line(c, li);
	check_rates(c);
}
