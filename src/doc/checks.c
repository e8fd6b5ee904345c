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
 *   - "城建方面18件,工业方面13件,…,共计57件" (also 合计, 总计, 总共): the
 *     parts are the quantities of the sentence before it.
 * The check runs only when the list is plainly a breakdown of the whole:
 * every part is in a unit of the whole (a part counted in TEU while the
 * whole is in 万吨 means the list is not complete), every unit of the
 * whole that has parts has the same number of them, and there are at
 * least two. Money is one unit whatever its scale: a whole in 亿元 is
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
 * the rate's sentence does not open a sub-group (其中). Figures in
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
 * Check the parts of each class of the whole: one warning per class that
 * does not add up, on line li from `b` (DP_NONE: the whole's quantity) to
 * `e`.
 */
static void check_parts(struct dp_ctx *c, size_t li, const struct qlist *whole,
			const struct qlist *parts, size_t b, size_t e)
{
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
	for (size_t u = 0; u < ncls; u++) {
		const struct cq *w = NULL;
		int lo;
		__int128 sum = 0, wv;
		size_t n = 0;

		for (size_t k = whole->n; k-- > 0 && !w;)
			if (!strcmp(whole->q[k].cls, cls[u]))
				w = &whole->q[k];
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

/* WHOLE…其中 A、B、C at `at`. */
static void check_qizhong(struct dp_ctx *c, size_t li, size_t at)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, cb, pe, p, last = 0;
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
	if (!collect(s, len, cb, at, &whole, 0) || !collect(s, len, at + 6, pe, &parts, 1))
		return;
	for (size_t k = 0; k < parts.n; k++)
		if (parts.q[k].q.e > last)
			last = parts.q[k].q.e;
	check_parts(c, li, &whole, &parts, DP_NONE, last);
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
	if (!collect(s, len, sb, at, &parts, 0) || !parts.n)
		return;
	/* a plain list: every quantity before the total in its class */
	for (size_t k = 0; k < parts.n; k++)
		if (strcmp(parts.q[k].cls, whole.q[0].cls))
			return;
	check_parts(c, li, &whole, &parts, parts.q[0].q.b, qe);
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

		snprintf(detail, sizeof(detail), "%s÷%s=%lld.%02lld%%，与文中%s%%不符", dx->value,
			 dp->value, qi / 100, qi % 100, dr->value);
		tz_dp_warn(c, "rate_mismatch", fr->li, b, e, NULL, detail);
	}
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
				if (label_in(g->label, pset, np) &&
				    (plan == DP_NONE || (k < r ? r - k : k - r) < (plan < r ? r - plan : plan - r)))
					plan = k;
			} else if (w[k].sentence < w[r].sentence && label_in(g->label, pset, np)) {
				prev_plan = k;
			}
		}
		if (plan == DP_NONE && !w[r].qizhong)
			plan = prev_plan;
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
		if ((unsigned char)s[i] == 0xE5 || (unsigned char)s[i] == 0xE6) {
			if (tz_dp_at(s, len, i, "其中")) {
				check_qizhong(c, li, i);
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
