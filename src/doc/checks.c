/*
 * checks.c: figures in the text checked against each other.
 *
 * Sums (`sum_mismatch`): "谋划了总投资1555亿元172个…项目库,其中港口基础
 * 设施项目7个,总投资214亿元;临港产业项目109个,总投资916亿元,城市建设
 * 项目56个,总投资425亿元". The whole is the last quantity of each unit in
 * the clause before 其中 (back to the previous 。 or ;); the parts are the
 * quantities after it up to the end of the sentence or an opening
 * bracket. The check runs only when the list is plainly a breakdown of
 * the whole: every part is in a unit of the whole (a part counted in TEU
 * while the whole is in 万吨 means the list is not complete), every unit
 * of the whole that has parts has the same number of them, and there are
 * at least two. A 其中 right after an opening bracket ("(其中省重点56个,…)")
 * has no clear whole and is not checked. Percentages are not summed.
 *
 * Rates (`rate_mismatch`): "年计划投资380.52亿元。1-8月,完成投340.43亿元,
 * 投资完成89.5%". A rate after 完成率 / 投资完成 / 完成年度计划的 is checked
 * against the nearest completed investment (a money amount after 完成)
 * and the nearest plan before it (a money amount after 计划) on the same
 * line: it holds when it is the completed / plan ratio rounded, or cut,
 * to the decimals written. Other rates (开工率100%) have no stated base
 * and are not checked. All arithmetic is exact (num.c).
 */
#include <stdio.h>
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

#define MAXQ 16

struct qlist {
	struct dp_qty q[MAXQ];
	size_t n;
};

/* Canonical unit for comparing: money in one class with an exponent. */
static const char *canon(const char *u)
{
	if (!strcmp(u, "亿"))
		return "亿元";
	if (!strcmp(u, "万"))
		return "万元";
	return u;
}

/* Quantities in [b, e) of s, skipping %, dates, bracketed text. */
static void collect(const char *s, size_t len, size_t b, size_t e, struct qlist *out,
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
				return;
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
		    !(qe < len && (s[qe] == '-' || tz_dp_at(s, len, qe, "—")))) {
			if (out->n == MAXQ)
				return;
			q.unit = canon(q.unit);
			out->q[out->n++] = q;
		}
		i = qe > i ? qe : i + 1;
	}
}

static void fmt_sum(const struct qlist *parts, const char *unit, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < parts->n; k++) {
		if (strcmp(parts->q[k].unit, unit))
			continue;
		len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
					len ? "+" : "", parts->q[k].value);
		if (len >= size)
			return;
	}
}

static void check_sum(struct dp_ctx *c, size_t li, size_t at)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, cb, pe, p;
	struct qlist whole, parts;
	const char *units[MAXQ];
	size_t nunits = 0, count = 0, last_part_end = 0;

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
	collect(s, len, cb, at, &whole, 0);
	collect(s, len, at + 6, pe, &parts, 1);
	if (!whole.n || parts.n < 2)
		return;
	/* Units of the whole: the last quantity of each unit. */
	for (size_t k = whole.n; k-- > 0;) {
		size_t u;

		for (u = 0; u < nunits; u++)
			if (!strcmp(units[u], whole.q[k].unit))
				break;
		if (u == nunits)
			units[nunits++] = whole.q[k].unit;
	}
	/* Every part in a unit of the whole, the same count per unit. */
	for (size_t k = 0; k < parts.n; k++) {
		size_t u;

		for (u = 0; u < nunits; u++)
			if (!strcmp(units[u], parts.q[k].unit))
				break;
		if (u == nunits)
			return;
		if (parts.q[k].e > last_part_end)
			last_part_end = parts.q[k].e;
	}
	for (size_t u = 0; u < nunits; u++) {
		size_t n = 0;

		for (size_t k = 0; k < parts.n; k++)
			n += !strcmp(parts.q[k].unit, units[u]);
		if (!n)
			continue;
		if (n < 2 || (count && n != count))
			return;
		count = n;
	}
	for (size_t u = 0; u < nunits; u++) {
		struct dp_dec sum = { 0, 0 };
		const struct dp_qty *w = NULL;
		size_t n = 0;

		for (size_t k = whole.n; k-- > 0 && !w;)
			if (!strcmp(whole.q[k].unit, units[u]))
				w = &whole.q[k];
		for (size_t k = 0; k < parts.n; k++)
			if (!strcmp(parts.q[k].unit, units[u])) {
				if (!tz_dp_dec_add(sum, parts.q[k].dec, &sum))
					return;
				n++;
			}
		if (!n || !w)
			continue;
		if (tz_dp_dec_cmp(sum, 0, w->dec, 0) != 0) {
			char terms[160], total[40], detail[320];

			fmt_sum(&parts, units[u], terms, sizeof(terms));
			tz_dp_dec_fmt(sum, total);
			snprintf(detail, sizeof(detail), "分项之和%s=%s%s，与总数%s%s不符", terms, total,
				 units[u], w->value, units[u]);
			tz_dp_warn(c, "sum_mismatch", li, w->b, last_part_end, NULL, detail);
		}
	}
}

/* The last money quantity in [b, e) whose preceding 15 bytes contain
 * `word`; returns 1 and *out. */
static int money_before(const char *s, size_t len, size_t b, size_t e, const char *word,
			struct dp_qty *out)
{
	struct qlist ql;
	int found = 0;

	collect(s, len, b, e, &ql, 0);
	for (size_t k = 0; k < ql.n; k++) {
		size_t wb = ql.q[k].b > 15 ? ql.q[k].b - 15 : 0;

		if (tz_dp_money_exp(ql.q[k].unit) == 99)
			continue;
		if (wb < b)
			wb = b;
		if (tz_dp_find(s, wb, ql.q[k].b, word) != DP_NONE) {
			*out = ql.q[k];
			found = 1;
		}
	}
	return found;
}

static __int128 pow10i(int k)
{
	__int128 v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

static void check_rate(struct dp_ctx *c, size_t li, const struct dp_qty *r)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, from = r->b > 300 ? r->b - 300 : 0;
	struct dp_qty done, plan;
	int ex, ep, lo;
	__int128 xv, pv, lhs, rhs, diff;

	if (!money_before(s, len, from, r->b, "完成", &done))
		return;
	if (!money_before(s, len, from, done.b, "计划", &plan))
		return;
	if (done.dec.scale > 6 || plan.dec.scale > 6 || r->dec.scale > 4 || plan.dec.mant <= 0)
		return;
	ex = tz_dp_money_exp(done.unit) - done.dec.scale;
	ep = tz_dp_money_exp(plan.unit) - plan.dec.scale;
	lo = ex < ep ? ex : ep;
	if (ex - lo > 12 || ep - lo > 12)
		return;
	xv = (__int128)done.dec.mant * pow10i(ex - lo);
	pv = (__int128)plan.dec.mant * pow10i(ep - lo);
	/* rate% = 100 x / p; written R = r.mant / 10^r.scale */
	lhs = xv * 100 * pow10i(r->dec.scale);
	rhs = (__int128)r->dec.mant * pv;
	diff = lhs - rhs;
	/* rounded: |diff| <= p/2; cut: 0 <= diff < p */
	if ((diff < 0 ? -diff : diff) * 2 <= pv || (diff >= 0 && diff < pv))
		return;
	{
		char detail[256];
		/* the computed rate to two decimals, for the message */
		__int128 q = (xv * 100 * 100 * 2 + pv) / (pv * 2);
		long long qi = (long long)q;

		snprintf(detail, sizeof(detail), "%s÷%s=%lld.%02lld%%，与文中%s%%不符", done.value,
			 plan.value, qi / 100, qi % 100, r->value);
		tz_dp_warn(c, "rate_mismatch", li, plan.b, r->e, NULL, detail);
	}
}

static void check_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;

	while (i < len) {
		size_t n;

		if (tz_dp_at(s, len, i, "其中")) {
			check_sum(c, li, i);
			i += 6;
			continue;
		}
		if (s[i] >= '0' && s[i] <= '9') {
			struct dp_qty q;
			size_t e = tz_dp_qty_at(s, len, i, &q);

			if (!e) {
				while (i < len && s[i] >= '0' && s[i] <= '9')
					i++;
				continue;
			}
			if (q.unit && !strcmp(q.unit, "%") && q.ok) {
				size_t wb = i > 21 ? i - 21 : 0;

				if (tz_dp_find(s, wb, i, "完成率") != DP_NONE ||
				    tz_dp_find(s, wb, i, "投资完成") != DP_NONE ||
				    tz_dp_find(s, wb, i, "完成年度计划的") != DP_NONE ||
				    tz_dp_find(s, wb, i, "完成年度计划") != DP_NONE)
					check_rate(c, li, &q);
			}
			i = e;
			continue;
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
}
