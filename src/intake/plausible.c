/*
 * plausible.c: amounts no sheet means (audit 9, W21); see plausible.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "core/money.h"
#include "intake/plausible.h"
#include "base/banned.h"

static const char *const col_name[TZ_PLAUS_COLS] = { "总投资", "年度计划投资", "本期完成投资" };

void tz_plausible_init(struct tz_plausible *p)
{
	memset(p, 0, sizeof(*p));
	tz_buf_init(&p->codes, (size_t)1 << 30);  /* the codes of every row */
	p->last_line = -1;
}

void tz_plausible_release(struct tz_plausible *p)
{
	for (int c = 0; c < TZ_PLAUS_COLS; c++)
		free(p->vals[c]);
	tz_buf_release(&p->codes);
	memset(p->vals, 0, sizeof(p->vals));
}

void tz_plausible_add(struct tz_plausible *p, enum tz_plaus_col col, long line,
		      const char *code, int64_t v)
{
	struct tz_plaus_val *pv;

	if (v <= 0 || col < 0 || col >= TZ_PLAUS_COLS)
		return;
	if (line != p->last_line) {
		p->last_code = p->codes.len;
		if (tz_buf_add(&p->codes, code ? code : "", code ? strlen(code) + 1 : 1))
			p->last_code = SIZE_MAX;  /* past the cap: named by its line alone */
		p->last_line = line;
	}
	TZ_ALLOC_GROW(p->vals[col], p->n[col] + 1, p->alloc[col]);
	pv = &p->vals[col][p->n[col]++];
	pv->line = line;
	pv->v = v;
	pv->code = p->last_code;
}

/* One refused amount. `med2` is twice the median of the others (0: the
 * ceiling refused it). */
struct finding {
	long line;
	size_t code;
	int col;
	int64_t v, med2;
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
	return x->col - y->col;
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

static void say(struct tz_buf *b, const struct finding *f)
{
	char v[TZ_MONEY_FMT_MAX], med[TZ_MONEY_FMT_MAX], y[TZ_MONEY_FMT_MAX];

	tz_money_fmt(f->v, v);
	tz_money_fmt(as_yuan(f->v), y);
	if (!f->med2) {
		tz_buf_addf(b, "%s%s万元超过1万亿元，一个项目不会有这么大的金额，像是按元填写的（按元是%s万元）",
			    col_name[f->col], v, y);
		return;
	}
	tz_money_fmt(f->med2 / 2, med);
	tz_buf_addf(b, "%s%s万元是本表其他各行%s中位数（%s万元）的%lld倍，像是按元填写的（按元是%s万元）",
		    col_name[f->col], v, col_name[f->col], med, (long long)(2 * f->v / f->med2), y);
}

size_t tz_plausible_check(struct tz_plausible *p,
			  void (*each)(void *ctx, long line, const char *code, const char *field,
				       const char *reason),
			  void *ctx)
{
	struct finding *fs = NULL;
	size_t nf = 0, af = 0, rows = 0;
	struct tz_buf why = TZ_BUF_INIT;

	for (int c = 0; c < TZ_PLAUS_COLS; c++) {
		size_t n = p->n[c];
		int64_t *s = NULL;

		int64_t floor_ = INT64_MAX;  /* no median of others is below it */

		if (n >= 3) {
			/* Without one amount the middle moves by one place at most:
			 * every median of n-1 others is at least the (n-2)/2-th
			 * smallest. Sorting is needed only when some amount reaches
			 * 10^4 times that; a clean file costs one selection. */
			int64_t max = 0;

			s = tz_xmalloc(tz_st_mult(n, sizeof(*s)));
			for (size_t i = 0; i < n; i++) {
				s[i] = p->vals[c][i].v;
				if (s[i] > max)
					max = s[i];
			}
			floor_ = kth(s, n, (n - 2) / 2);
			if (max / TZ_PLAUS_RATIO >= floor_)
				qsort(s, n, sizeof(*s), cmp_i64);
			else
				floor_ = INT64_MAX;
		}
		for (size_t i = 0; i < n; i++) {
			const struct tz_plaus_val *pv = &p->vals[c][i];
			int64_t med2 = 0;
			int bad = pv->v > TZ_PLAUS_CEILING;

			if (!bad && pv->v / TZ_PLAUS_RATIO >= floor_) {
				med2 = median2_without(s, n, lower_bound(s, n, pv->v));
				/* No overflow: pv->v is at most the ceiling, and a
				 * median too large to scale is no finding. */
				bad = med2 <= INT64_MAX / TZ_PLAUS_RATIO &&
				      2 * pv->v >= TZ_PLAUS_RATIO * med2;
				if (!bad)
					med2 = 0;
			}
			if (!bad)
				continue;
			TZ_ALLOC_GROW(fs, nf + 1, af);
			fs[nf++] = (struct finding){ pv->line, pv->code, c, pv->v,
						     pv->v > TZ_PLAUS_CEILING ? 0 : med2 };
		}
		free(s);
	}
	if (nf)  /* qsort(NULL, 0, …) is undefined */
		qsort(fs, nf, sizeof(*fs), cmp_finding);
	for (size_t i = 0; i < nf;) {
		size_t j = i;

		tz_buf_reset(&why);
		for (; j < nf && fs[j].line == fs[i].line; j++) {
			if (j > i)
				tz_buf_adds(&why, "；");
			say(&why, &fs[j]);
		}
		tz_buf_adds(&why, "；如确为此数，请核对后以“确认大额”（命令行 --confirm-large）重新导入");
		each(ctx, fs[i].line, fs[i].code == SIZE_MAX ? "" : p->codes.buf + fs[i].code, col_name[fs[i].col], why.buf);
		rows++;
		i = j;
	}
	tz_buf_release(&why);
	free(fs);
	return rows;
}
