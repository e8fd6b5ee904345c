/*
 * plausible.c: amounts no sheet means (audit 9, W21); see plausible.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "intake/header.h"
#include "intake/plausible.h"
#include "base/banned.h"

static const char *const col_name[TZ_PLAUS_COLS] = { "总投资", "年度计划投资", "本期完成投资" };

void tz_plausible_init(struct tz_plausible *p)
{
	memset(p, 0, sizeof(*p));
	tz_buf_init(&p->codes, (size_t)1 << 30);  /* each 项目编号 once */
	p->seen = tz_hmap_new();
	p->last_line = -1;
}

void tz_plausible_release(struct tz_plausible *p)
{
	for (int c = 0; c < TZ_PLAUS_COLS; c++)
		free(p->vals[c]);
	free(p->notes);
	tz_buf_release(&p->codes);
	tz_hmap_free(p->seen);
	p->seen = NULL;
	free(p->keyed);
	p->keyed = NULL;
	p->nkeyed = 0;
	memset(p->vals, 0, sizeof(p->vals));
	p->notes = NULL;
	p->nnotes = p->anotes = 0;
}

/*
 * The offset of line's 项目编号 in p->codes. Each code is kept once: a
 * report file names each project in many rows (36 months of 100,000
 * projects are 2.3 million rows and 100,000 codes), and a copy a row
 * made the codes the largest part of a progress import's memory.
 * A report's rows of one project mostly follow each other: the code of
 * the row before is tried first. A new code is added to the map in one
 * probe (tz_hmap_add): a ledger's codes are mostly new, and in a large
 * one each probe of the map is a cache miss.
 */
static size_t code_at(struct tz_plausible *p, long line, const char *code)
{
	int64_t at;
	size_t len, off = p->codes.len;

	if (line == p->last_line)
		return p->last_code;
	p->last_line = line;
	if (!code)
		code = "";
	if (p->last_code != SIZE_MAX && p->last_code < off && !strcmp(p->codes.buf + p->last_code, code))
		return p->last_code;
	len = strlen(code);
	if (tz_buf_add(&p->codes, code, len + 1))
		/* Past the cap: a code kept before, or named by its line alone. */
		return p->last_code = tz_hmap_get(p->seen, code, len, &at) ? (size_t)at : SIZE_MAX;
	if (!tz_hmap_add(p->seen, code, len, (int64_t)off, &at)) {
		tz_buf_setlen(&p->codes, off);  /* kept already */
		return p->last_code = (size_t)at;
	}
	return p->last_code = off;
}

/*
 * code_at for a code numbered `key` by the caller (tz_plausible_add_keyed):
 * a key met before with the same code is its offset, found without
 * hashing; a new key's code is appended (codes are kept once per key, as
 * code_at keeps them once per text when keys and codes go together).
 */
static size_t code_at_keyed(struct tz_plausible *p, long line, const char *code, int64_t key)
{
	size_t len, off = p->codes.len;

	if (line == p->last_line)
		return p->last_code;
	if (!code)
		code = "";
	if (key < 1 || key > TZ_PLAUS_KEY_MAX)
		return code_at(p, line, code);
	if ((size_t)key < p->nkeyed && p->keyed[key]) {
		size_t at = p->keyed[key] - 1;

		if (strcmp(p->codes.buf + at, code))
			return code_at(p, line, code);  /* another text of the key */
		p->last_line = line;
		return p->last_code = at;
	}
	len = strlen(code);
	if (tz_buf_add(&p->codes, code, len + 1))
		return code_at(p, line, code);  /* past the cap */
	if ((size_t)key >= p->nkeyed) {
		size_t n = (size_t)key * 2 + 1024;

		p->keyed = tz_xrealloc(p->keyed, tz_st_mult(n, sizeof(*p->keyed)));
		memset(p->keyed + p->nkeyed, 0, (n - p->nkeyed) * sizeof(*p->keyed));
		p->nkeyed = n;
	}
	p->keyed[key] = (uint32_t)off + 1;  /* codes is capped at 2^30 */
	p->last_line = line;
	return p->last_code = off;
}

/* A value at offset `at` of the codes (SIZE_MAX: none). */
static void add_at(struct tz_plausible *p, enum tz_plaus_col col, long line, size_t at, int64_t v)
{
	struct tz_plaus_val *pv;

	TZ_ALLOC_GROW(p->vals[col], p->n[col] + 1, p->alloc[col]);
	pv = &p->vals[col][p->n[col]++];
	pv->line = (uint32_t)line;
	pv->v = v;
	pv->code = at < UINT32_MAX ? (uint32_t)at : UINT32_MAX;  /* codes is capped at 2^30 */
}

/* Whether an amount is judged by the file's median: a line past 2^32 -
 * 1 (a file of some 40 GB) is not; the store's rules (notes) still apply. */
static int judged(enum tz_plaus_col col, long line, int64_t v)
{
	return v > 0 && col >= 0 && col < TZ_PLAUS_COLS && line >= 0 &&
	       (unsigned long)line < UINT32_MAX;
}

void tz_plausible_add(struct tz_plausible *p, enum tz_plaus_col col, long line,
		      const char *code, int64_t v)
{
	if (judged(col, line, v))
		add_at(p, col, line, code_at(p, line, code), v);
}

void tz_plausible_add_keyed(struct tz_plausible *p, enum tz_plaus_col col, long line,
			    const char *code, int64_t key, int64_t v)
{
	if (judged(col, line, v))
		add_at(p, col, line, code_at_keyed(p, line, code, key), v);
}

/*
 * Why an amount is refused, in the order a field's reasons are said:
 * the file's (the ceiling or its median), then the store's. A field
 * has at most one of each.
 */
enum kind {
	K_CEILING,       /* above 1万亿元 */
	K_MEDIAN,        /* ref: twice the median of the file's others */
	K_OWN_PLAN,      /* ledger: a whole-亿 总投资 TZ_PLAUS_LOW times its row's plan (ref) */
	K_OVER_TOTAL,    /* report: 10 times the stored 总投资 (ref), ref2 the plan */
	K_CORRECTED,     /* report: 1000 times the stored report (ref) or 1/1000 */
	K_STORED_TOTAL,  /* ledger: 1000 times the stored 总投资 (ref) */
	K_OVER_PLAN,     /* report: above the year's plan (note: ref the plan,
			  * < 0 none, ref2 the 总投资), and as a finding
			  * TZ_PLAUS_MONTH times the median (ref: twice it,
			  * ref2 the plan, ref3 the 总投资) */
};

static void note(struct tz_plausible *p, long line, const char *code, int col, int kind,
		 int64_t v, int64_t ref, int64_t ref2)
{
	size_t at = code_at(p, line, code);

	TZ_ALLOC_GROW(p->notes, p->nnotes + 1, p->anotes);
	p->notes[p->nnotes++] = (struct tz_plaus_note){ line, at, col, kind, v, ref, ref2 };
}

void tz_plausible_report(struct tz_plausible *p, long line, const char *code, int64_t v,
			 const struct tz_plaus_stored *st)
{
	if (v <= 0)
		return;
	/* The per-row rules, one implementation with the web form's. */
	switch (tz_plaus_report_row(v, st)) {
	case TZ_PLAUS_ROW_OVER_TOTAL:
		note(p, line, code, TZ_PLAUS_DONE, K_OVER_TOTAL, v, st->total, st->annual);
		break;
	case TZ_PLAUS_ROW_CORRECTED:
		note(p, line, code, TZ_PLAUS_DONE, K_CORRECTED, v, st->old, 0);
		break;
	default:
		break;
	}
	/* Above the year's plan, or without one above a tenth of the
	 * 总投资: judged against the file's median by tz_plausible_check
	 * (TZ_PLAUS_MONTH). Rare in real files (none in the bench's). */
	if (st->annual > 0 ? v > st->annual : st->total > 0 && v > st->total / 10)
		note(p, line, code, TZ_PLAUS_DONE, K_OVER_PLAN, v, st->annual, st->total);
}

void tz_plausible_ledger(struct tz_plausible *p, long line, const char *code, int64_t v,
			 int64_t stored)
{
	if (v > 0 && stored > 0 && v / TZ_PLAUS_LOW >= stored)
		note(p, line, code, TZ_PLAUS_TOTAL, K_STORED_TOTAL, v, stored, 0);
}

/* One refused amount. `ref` is by kind (enum kind); `weak`: found by
 * the lower ratio alone (TZ_PLAUS_LOW), which needs the row's other
 * column too. */
struct finding {
	long line;
	size_t code;
	int col, kind, weak;
	int64_t v, ref, ref2, ref3;
};

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	if (x->col != y->col)
		return x->col - y->col;
	return x->kind - y->kind;
}

/* The k-th smallest of a[0..n) (k < n), reordering a (Wirth's
 * selection: Hoare's partition around a[k], linear on average). */
static int64_t kth(int64_t *a, size_t n, size_t k)
{
	ptrdiff_t l = 0, m = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;

	while (l < m) {
		int64_t x = a[kk], t;
		ptrdiff_t i = l, j = m;

		do {
			while (a[i] < x)
				i++;
			while (x < a[j])
				j--;
			if (i <= j) {
				t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		} while (i <= j);
		if (j < kk)
			l = i;
		if (kk < i)
			m = j;
	}
	return a[kk];
}

/* The first index of v in the sorted s[0..n). */
static size_t lower_bound(const int64_t *s, size_t n, int64_t v)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The k-th smallest of s[0..n) without its element at index i. */
static int64_t other(const int64_t *s, size_t i, size_t k)
{
	return k < i ? s[k] : s[k + 1];
}

/* Twice the median of s[0..n) without index i (n >= 3). */
static int64_t median2_without(const int64_t *s, size_t n, size_t i)
{
	size_t m = n - 1;

	if (m % 2)
		return 2 * other(s, i, m / 2);
	return other(s, i, m / 2 - 1) + other(s, i, m / 2);
}

/* Amount in 0.01 万元 read as 元 instead: v / 10000, rounded half up. */
static int64_t as_yuan(int64_t v)
{
	return (v + 5000) / 10000;
}

void tz_plausible_unit(struct tz_plausible *p, enum tz_plaus_col col, int exp)
{
	if (col >= 0 && col < TZ_PLAUS_COLS)
		p->exp[col] = exp;
}

/*
 * The advice after an amount v (0.01 万元) found too large, read in a
 * column of unit 10^exp 万元 other than 万元 (whose advice, 按元填写, its
 * callers say): the unit the amounts look typed in is the next one
 * below the column's that people use — 万元 under any unit above it
 * (亿元: the header should say 万元, or the amounts be divided by
 * 10000), 元 under 千元 —, with what v would be in it; in a 元 column no
 * unit is smaller: the amount or the header's unit is wrong. `whole`:
 * said of the column (its median), not of one amount. Appended to b.
 */
static void advise_unit(struct tz_buf *b, int exp, int64_t v, int whole)
{
	const char *unit = tz_header_unit_name(exp), *typed = exp > 0 ? "万元" : "元";
	int64_t div = 1;
	char y[TZ_MONEY_FMT_MAX];

	if (exp <= -4 || exp > 8) {
		tz_buf_addf(b, "，而表头的单位是%s，金额不会是按更小的单位填写的：请核对%s金额和表头的单位",
			    unit, whole ? "整列" : "");
		return;
	}
	for (int k = exp > 0 ? exp : 4 + exp; k > 0; k--)
		div *= 10;
	tz_money_fmt((v + div / 2) / div, y);
	tz_buf_addf(b, "，%s金额像是按%s填写的，而表头的单位是%s（按%s是%s万元）：如是%s，"
		    "请把表头的单位改为%s，或把金额除以%lld",
		    whole ? "整列" : "", typed, unit, typed, y, typed, typed, (long long)div);
}

/* Say why f is refused; `again`: the field was named by the reason
 * before (the file's), so only the new comparison is said. exp: the
 * unit f's column was read in (tz_plausible_unit). */
static void say(struct tz_buf *b, const struct finding *f, int again, int exp)
{
	char v[TZ_MONEY_FMT_MAX], ref[TZ_MONEY_FMT_MAX], y[TZ_MONEY_FMT_MAX];
	char plan[TZ_MONEY_FMT_MAX];

	tz_money_fmt(f->v, v);
	tz_money_fmt(as_yuan(f->v), y);
	if (f->kind >= K_OVER_TOTAL) {
		if (again)
			tz_buf_adds(b, "也");
		else
			tz_buf_addf(b, "%s%s万元", col_name[f->col], v);
	}
	switch (f->kind) {
	case K_CEILING:
		tz_buf_addf(b, "%s%s万元超过1万亿元，一个项目不会有这么大的金额", col_name[f->col], v);
		if (exp)
			advise_unit(b, exp, f->v, 0);
		else
			tz_buf_addf(b, "，像是按元填写的（按元是%s万元）", y);
		return;
	case K_OVER_TOTAL:
	case K_CORRECTED:
		if (!tz_plaus_report_say(b, f->kind == K_OVER_TOTAL ? TZ_PLAUS_ROW_OVER_TOTAL
								   : TZ_PLAUS_ROW_CORRECTED,
					 f->v, f->ref, f->ref2))
			return;
		break;
	case K_OVER_PLAN:
		tz_money_fmt(f->ref / 2, ref);
		tz_buf_addf(b, "是本表其他各行%s中位数（%s万元）的%lld倍，", col_name[f->col], ref,
			    (long long)(2 * f->v / f->ref));
		if (f->ref2 > 0) {
			tz_money_fmt(f->ref2, plan);
			tz_buf_addf(b, "又超过该项目本年度计划投资（%s万元），一个月完成了全年计划以上",
				    plan);
		} else {
			tz_money_fmt(f->ref3, plan);
			tz_buf_addf(b, "该项目本年度没有计划投资，而本月数超过其总投资（%s万元）的十分之一",
				    plan);
		}
		break;
	case K_STORED_TOTAL:
		tz_money_fmt(f->ref, ref);
		tz_buf_addf(b, "是该项目已入库总投资（%s万元）的%lld倍", ref,
			    (long long)(f->v / f->ref));
		break;
	case K_OWN_PLAN:
		tz_money_fmt(f->ref, plan);
		tz_buf_addf(b, "%s%s万元在100亿元以上，是1亿元的整数倍，又是本行年度计划投资（%s万元）"
			    "的%lld倍", col_name[f->col], v, plan, (long long)(f->v / f->ref));
		if (exp)
			advise_unit(b, exp, f->v, 0);
		else
			tz_buf_addf(b, "，像是按元填写的（按元是%s万元）", y);
		return;
	default:  /* K_MEDIAN; ref2: the row's own plan, when it is what
		   * confirms a 总投资 found by the lower ratio */
		tz_money_fmt(f->ref / 2, ref);
		tz_buf_addf(b, "%s%s万元是本表其他各行%s中位数（%s万元）的%lld倍",
			    col_name[f->col], v, col_name[f->col], ref, (long long)(2 * f->v / f->ref));
		if (f->ref2 > 0) {
			tz_money_fmt(f->ref2, plan);
			tz_buf_addf(b, "，是本行年度计划投资（%s万元）的%lld倍", plan,
				    (long long)(f->v / f->ref2));
		}
		if (exp)
			advise_unit(b, exp, f->v, 0);
		else
			tz_buf_addf(b, "，像是按元填写的（按元是%s万元）", y);
		return;
	}
	if (!again && exp)
		advise_unit(b, exp, f->v, 0);
	else if (!again)
		tz_buf_addf(b, "，像是按元填写的（按元是%s万元）", y);
}

/* Whether amount v of column col, with twice the median of the others
 * med2, is refused by the file's median: 1 by TZ_PLAUS_RATIO, 2 by the
 * lower ratio alone (weak: TZ_PLAUS_LOW, 总投资 from TZ_PLAUS_BIG). */
static int by_median(int col, int64_t v, int64_t med2)
{
	/* No overflow: v is at most the ceiling, and a median too large
	 * to scale is no finding. */
	if (med2 > INT64_MAX / TZ_PLAUS_RATIO)
		return 0;
	if (2 * v >= TZ_PLAUS_RATIO * med2)
		return 1;
	if (col != TZ_PLAUS_DONE && (col != TZ_PLAUS_TOTAL || v >= TZ_PLAUS_BIG) &&
	    2 * v >= TZ_PLAUS_LOW * med2)
		return 2;
	return 0;
}

/* Twice the median of a[0..n) (n >= 1), reordering a. */
static int64_t median2(int64_t *a, size_t n)
{
	int64_t hi = kth(a, n, n / 2), lo = hi;

	if (n % 2 == 0) {
		/* The largest of the lower half. */
		lo = a[0];
		for (size_t i = 1; i < n / 2; i++)
			if (a[i] > lo)
				lo = a[i];
	}
	return lo + hi;
}

/*
 * The round-亿 rule (plausible.h, TZ_PLAUS_ROUND): every 总投资 and
 * 年度计划投资 of the file a whole multiple of TZ_PLAUS_ROUND and their
 * median TZ_PLAUS_BIG or more, and either fewer than 3 stored 总投资 to
 * compare with and at least 3 in the file, or (a supplement to a stored
 * ledger, walkthrough 12: one row of 3000000 for 300万元 beside 8000 and
 * 50000) the median at least TZ_PLAUS_MONTH times the stored 总投资's
 * (of any number: whole 亿 and 100 times together are the evidence): 1
 * and `why` says so; else 0.
 */
static int round_yi(const struct tz_plausible *p, int64_t *const stored[TZ_PLAUS_COLS],
		    const size_t nstored[TZ_PLAUS_COLS], struct tz_buf *why)
{
	size_t n = p->n[TZ_PLAUS_TOTAL];
	int64_t *s, med2, smed2 = 0;
	/* Fewer than 3 stored: a first ledger, judged alone when it has 3
	 * rows or more; otherwise (or a smaller file) against the stored. */
	int first = nstored[TZ_PLAUS_TOTAL] < 3 && n >= 3;
	int supplement = !first && nstored[TZ_PLAUS_TOTAL] >= 1 && stored[TZ_PLAUS_TOTAL];
	char fm[TZ_MONEY_FMT_MAX], y[TZ_MONEY_FMT_MAX], sm[TZ_MONEY_FMT_MAX];

	if (!first && !supplement)
		return 0;
	for (int c = TZ_PLAUS_TOTAL; c <= TZ_PLAUS_PLAN; c++)
		for (size_t i = 0; i < p->n[c]; i++)
			if (p->vals[c][i].v % TZ_PLAUS_ROUND)
				return 0;
	s = tz_xmalloc(tz_st_mult(n, sizeof(*s)));
	for (size_t i = 0; i < n; i++)
		s[i] = p->vals[TZ_PLAUS_TOTAL][i].v;
	med2 = median2(s, n);
	free(s);
	if (med2 / 2 < TZ_PLAUS_BIG)
		return 0;
	if (supplement) {
		smed2 = median2(stored[TZ_PLAUS_TOTAL], nstored[TZ_PLAUS_TOTAL]);
		if (smed2 <= 0 || smed2 > INT64_MAX / TZ_PLAUS_MONTH || med2 < TZ_PLAUS_MONTH * smed2)
			return 0;
	}
	/* as_yuan gives the same digits in 亿元 (10^4 万元) as in 元 read
	 * as 万元: 4000000 万元 is 400亿元, 4000000 元 is 400万元. */
	tz_money_fmt(med2 / 2, fm);
	tz_money_fmt(as_yuan(med2 / 2), y);
	if (supplement) {
		tz_money_fmt(smed2 / 2, sm);
		tz_buf_addf(why, "本表总投资%s是%s万元（%s亿元），是库中本年度其他地区项目总投资中位数"
			    "（%s万元）的%lld倍，而且%s都是1亿元（10000万元）的整数倍，像是按元填写的"
			    "（按元是%s万元）", n > 1 ? "的中位数" : "", fm, y, sm,
			    (long long)(med2 / smed2), p->n[TZ_PLAUS_PLAN] ? "总投资和年度计划投资" : "总投资",
			    y);
		return 1;
	}
	tz_buf_addf(why, "本表总投资的中位数是%s万元（%s亿元），在100亿元以上，而各行总投资%s都是"
		    "1亿元（10000万元）的整数倍，像是整列按元填写的（按元是%s万元）",
		    fm, y, p->n[TZ_PLAUS_PLAN] ? "和年度计划投资" : "", y);
	return 1;
}

int tz_plausible_file(struct tz_plausible *p, int64_t *const stored[TZ_PLAUS_COLS],
		      const size_t nstored[TZ_PLAUS_COLS], struct tz_buf *why)
{
	int found = 0;

	for (int c = 0; c < TZ_PLAUS_COLS; c++) {
		size_t n = p->n[c];
		int64_t *s, fmed2, smed2 = 0;
		int alone = nstored[c] < 3 || !stored[c], ceiling;
		char fm[TZ_MONEY_FMT_MAX], sm[TZ_MONEY_FMT_MAX], y[TZ_MONEY_FMT_MAX];

		if (c == TZ_PLAUS_DONE || !n)
			continue;
		if (!alone) {
			smed2 = median2(stored[c], nstored[c]);
			if (smed2 <= 0 || smed2 > INT64_MAX / TZ_PLAUS_LOW)
				alone = 1;
		}
		s = tz_xmalloc(tz_st_mult(n, sizeof(*s)));
		for (size_t i = 0; i < n; i++)
			s[i] = p->vals[c][i].v;
		fmed2 = median2(s, n);
		free(s);
		/* The ceiling: a year's plan of one project from one amount,
		 * a 总投资 from three (one project may be that large). */
		ceiling = fmed2 / 2 >= TZ_PLAUS_MEDIAN_CEILING && (c == TZ_PLAUS_PLAN || n >= 3);
		/* The comparison with the stored, naming both, comes first. */
		if (!alone && fmed2 >= TZ_PLAUS_LOW * smed2)
			ceiling = 0;
		else if (!ceiling)
			continue;
		/* The first column in full, the next in short (err's 512
		 * bytes hold both). */
		if (found) {
			if (ceiling)
				tz_buf_addf(why, "；%s列也是", col_name[c]);
			else
				tz_buf_addf(why, "；%s列也是（%lld倍）", col_name[c],
					    (long long)(fmed2 / smed2));
			continue;
		}
		tz_money_fmt(fmed2 / 2, fm);
		tz_money_fmt(as_yuan(fmed2 / 2), y);
		if (ceiling && n == 1) {
			tz_buf_addf(why, "本表%s是%s万元，一个项目一年的计划不会在1000亿元以上", col_name[c], fm);
			if (!p->exp[c])
				tz_buf_addf(why, "，可能按元填写（按元是%s万元）", y);
		} else if (ceiling) {
			tz_buf_addf(why, "本表%s的中位数是%s万元，在1000亿元以上，不像一个地区的重点项目",
				    col_name[c], fm);
			if (!p->exp[c])
				tz_buf_addf(why, "，整列可能按元填写（按元是%s万元）", y);
		} else {
			tz_money_fmt(smed2 / 2, sm);
			tz_buf_addf(why, "本表%s的中位数（%s万元）是库中本年度其他地区项目%s中位数（%s万元）的%lld倍",
				    col_name[c], fm, col_name[c], sm, (long long)(fmed2 / smed2));
			if (!p->exp[c])
				tz_buf_addf(why, "，整列可能按元填写（按元是%s万元）", y);
		}
		if (p->exp[c])
			advise_unit(why, p->exp[c], fmed2 / 2, n > 1);
		found = 1;
	}
	if (!found && round_yi(p, stored, nstored, why))
		found = 1;
	return found;
}

/* The row at `line`'s 年度计划投资 (0.01 万元), 0 if it has none: the
 * amounts are added in file order, so the lines are found by halving
 * (a linear search if they are not in order). */
static int64_t plan_by_line(const struct tz_plausible *p, long line)
{
	const struct tz_plaus_val *a = p->vals[TZ_PLAUS_PLAN];
	size_t lo = 0, hi = p->n[TZ_PLAUS_PLAN];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (a[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->n[TZ_PLAUS_PLAN] && a[lo].line == line)
		return a[lo].v;
	for (size_t i = 0; i < p->n[TZ_PLAUS_PLAN]; i++)
		if (a[i].line == line)
			return a[i].v;
	return 0;
}

/* The row at `line`'s 年度计划投资 (0.01 万元), 0 if it has none. */
static int64_t plan_at(const struct tz_plausible *p, long line)
{
	for (size_t i = 0; i < p->n[TZ_PLAUS_PLAN]; i++)
		if (p->vals[TZ_PLAUS_PLAN][i].line == line)
			return p->vals[TZ_PLAUS_PLAN][i].v;
	return 0;
}

size_t tz_plausible_check(struct tz_plausible *p,
			  void (*each)(void *ctx, long line, const char *code, const char *field,
				       const char *reason),
			  void *ctx)
{
	struct finding *fs = NULL;
	size_t nf = 0, af = 0, rows = 0, ndone = 0;
	struct tz_buf why = TZ_BUF_INIT;
	int64_t *done = NULL;  /* the sorted 本期, when a K_OVER_PLAN note needs them */
	int over_plan = 0;

	for (size_t i = 0; i < p->nnotes && !over_plan; i++)
		over_plan = p->notes[i].kind == K_OVER_PLAN;

	for (int c = 0; c < TZ_PLAUS_COLS; c++) {
		size_t n = p->n[c];
		int64_t *s = NULL;

		int64_t floor_ = INT64_MAX;  /* no median of others is below it */

		if (n >= 3) {
			/* Without one amount the middle moves by one place at most:
			 * every median of n-1 others is at least the (n-2)/2-th
			 * smallest. Sorting is needed only when some amount reaches
			 * 10^3 times that; a clean file costs one selection. */
			int64_t max = 0;

			s = tz_xmalloc(tz_st_mult(n, sizeof(*s)));
			for (size_t i = 0; i < n; i++) {
				s[i] = p->vals[c][i].v;
				if (s[i] > max)
					max = s[i];
			}
			floor_ = kth(s, n, (n - 2) / 2);
			/* A report month above its plan (K_OVER_PLAN, rare)
			 * needs the sorted amounts too. */
			if (max / TZ_PLAUS_LOW >= floor_ || (c == TZ_PLAUS_DONE && over_plan))
				qsort(s, n, sizeof(*s), cmp_i64);
			if (max / TZ_PLAUS_LOW < floor_)
				floor_ = INT64_MAX;
		}
		for (size_t i = 0; i < n; i++) {
			const struct tz_plaus_val *pv = &p->vals[c][i];
			int64_t med2 = 0;
			int bad = pv->v > TZ_PLAUS_CEILING ? 1 : 0;

			if (!bad && pv->v / TZ_PLAUS_LOW >= floor_) {
				med2 = median2_without(s, n, lower_bound(s, n, pv->v));
				bad = by_median(c, pv->v, med2);
			}
			if (!bad && c == TZ_PLAUS_TOTAL && pv->v >= TZ_PLAUS_BIG &&
			    pv->v % TZ_PLAUS_ROUND == 0) {
				/* The row's own plan (plausible.h, TZ_PLAUS_OWN). */
				int64_t own = plan_by_line(p, pv->line);

				if (own > 0 && pv->v / TZ_PLAUS_LOW >= own) {
					TZ_ALLOC_GROW(fs, nf + 1, af);
					fs[nf++] = (struct finding){ pv->line,
								     pv->code == UINT32_MAX ? SIZE_MAX
											    : pv->code,
								     c, K_OWN_PLAN, 0, pv->v, own, 0, 0 };
				}
				continue;
			}
			if (!bad)
				continue;
			TZ_ALLOC_GROW(fs, nf + 1, af);
			fs[nf++] = (struct finding){ pv->line,
						     pv->code == UINT32_MAX ? SIZE_MAX : pv->code, c,
						     pv->v > TZ_PLAUS_CEILING ? K_CEILING : K_MEDIAN,
						     bad == 2, pv->v, med2, 0, 0 };
		}
		if (c == TZ_PLAUS_DONE && over_plan && s) {
			done = s;  /* sorted: kept for the K_OVER_PLAN notes */
			ndone = n;
		} else {
			free(s);
		}
	}
	for (size_t i = 0; i < p->nnotes; i++) {
		const struct tz_plaus_note *pn = &p->notes[i];
		int64_t med2 = 0;

		if (pn->kind == K_OVER_PLAN) {
			/* Kept only TZ_PLAUS_MONTH times the median of the file's
			 * other 本期 or more (at least two others), and below
			 * the ratio that refuses it alone (K_MEDIAN names it). */
			if (!done || ndone < 3 || pn->v > TZ_PLAUS_CEILING)
				continue;
			med2 = median2_without(done, ndone, lower_bound(done, ndone, pn->v));
			if (med2 <= 0 || med2 > INT64_MAX / TZ_PLAUS_RATIO ||
			    2 * pn->v < TZ_PLAUS_MONTH * med2 || 2 * pn->v >= TZ_PLAUS_RATIO * med2)
				continue;
		}
		TZ_ALLOC_GROW(fs, nf + 1, af);
		fs[nf++] = pn->kind == K_OVER_PLAN
				   ? (struct finding){ pn->line, pn->code, pn->col, pn->kind, 0,
						       pn->v, med2, pn->ref, pn->ref2 }
				   : (struct finding){ pn->line, pn->code, pn->col, pn->kind, 0,
						       pn->v, pn->ref, pn->ref2, 0 };
	}
	free(done);
	if (nf)  /* qsort(NULL, 0, …) is undefined */
		qsort(fs, nf, sizeof(*fs), cmp_finding);
	for (size_t i = 0; i < nf;) {
		size_t j = i, said = 0;
		int strong = 0, total = 0, plan = 0;
		const char *field = col_name[fs[i].col];

		for (; j < nf && fs[j].line == fs[i].line; j++) {
			strong |= !fs[j].weak;
			total |= fs[j].col == TZ_PLAUS_TOTAL;
			plan |= fs[j].col == TZ_PLAUS_PLAN;
		}
		/* The lower ratio refuses a row only with both its amounts
		 * (TZ_PLAUS_BIG), or a 总投资 with the row's own plan 1/1000 of
		 * it (walkthrough 7: 52000000 beside a plan of 20000, one
		 * amount typed in 元); beside a stronger reason it is not
		 * named. */
		if (!strong && !(total && plan)) {
			int64_t own = total ? plan_at(p, fs[i].line) : 0;

			if (own <= 0 || fs[i].v / TZ_PLAUS_LOW < own) {
				i = j;
				continue;
			}
			fs[i].ref2 = own;
		}
		tz_buf_reset(&why);
		for (size_t k = i; k < j; k++) {
			if (strong && fs[k].weak)
				continue;
			if (!said++)
				field = col_name[fs[k].col];
			else
				tz_buf_adds(&why, "；");
			say(&why, &fs[k], k > i && fs[k].col == fs[k - 1].col &&
					  !(strong && fs[k - 1].weak), p->exp[fs[k].col]);
		}
		tz_buf_adds(&why, "；如确为此数，请核对后以“确认大额”（命令行 --confirm-large）重新导入");
		each(ctx, fs[i].line, fs[i].code == SIZE_MAX ? "" : p->codes.buf + fs[i].code, field, why.buf);
		rows++;
		i = j;
	}
	tz_buf_release(&why);
	free(fs);
	return rows;
}
