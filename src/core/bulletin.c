/* bulletin.c: grouping, exact rates, ranks, rank changes, the lagging and 未报送 lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/hmap.h"
#include "base/xalloc.h"
#include "core/bulletin.h"
#include "core/money.h"
#include "base/banned.h"

struct tz_bulletin {
	struct tz_period period;
	enum tz_bulletin_by by;
	int32_t schedule;
	int finished;
	int overflow;               /* a checked sum left the int64 range */
	int64_t reported_prev;      /* reports at P−1 over the whole ledger */
	struct tz_arena *arena;     /* keys and list strings */
	struct tz_hmap *index;      /* key -> index in groups */
	struct tz_bulletin_group *groups;
	size_t ngroups, agroups;
	struct tz_bulletin_group totals;
	struct tz_bulletin_lag *lags;
	size_t nlags, alags;
	int lags_sorted;
	int borrowed;               /* row strings outlive b: keep them as given */
	struct tz_bulletin_missing *missing;
	size_t nmissing, amissing;
	const char *scope;          /* "全市", or the part of it counted (from arena) */
	const char *below;          /* "低于全市平均" likewise */
};

static const char *const by_names[TZ_BY_COUNT] = { "region", "category", "level", "leader", "unit" };
static const char *const by_labels[TZ_BY_COUNT] = { "所属地区", "项目类别", "项目级别", "包联领导",
						    "责任单位" };

const char *tz_bulletin_by_name(enum tz_bulletin_by by)
{
	return by_names[by];
}

const char *tz_bulletin_by_label(enum tz_bulletin_by by)
{
	return by_labels[by];
}

int tz_bulletin_by_parse(const char *s, enum tz_bulletin_by *out)
{
	for (int i = 0; i < TZ_BY_COUNT; i++) {
		if (!strcmp(s, by_names[i]) || !strcmp(s, by_labels[i])) {
			*out = (enum tz_bulletin_by)i;
			return 0;
		}
	}
	return TZ_EINVAL;
}

struct tz_bulletin *tz_bulletin_new(struct tz_period p, enum tz_bulletin_by by)
{
	struct tz_bulletin *b = tz_xcalloc(1, sizeof(*b));

	b->period = p;
	b->by = by;
	b->schedule = tz_period_schedule(p);
	b->arena = tz_arena_new();
	b->index = tz_hmap_new();
	b->totals.key = "合计";
	b->scope = "全市";
	b->below = "低于全市平均";
	return b;
}

void tz_bulletin_set_scope(struct tz_bulletin *b, const char *label)
{
	size_t n;
	char *below;

	if (!label || !*label)
		return;
	b->scope = tz_arena_strdup(b->arena, label);
	n = strlen("低于") + strlen(label) + strlen("平均") + 1;
	below = tz_arena_alloc(b->arena, n);
	snprintf(below, n, "低于%s平均", label);
	b->below = below;
}

const char *tz_bulletin_scope(const struct tz_bulletin *b)
{
	return b->scope;
}

const char *tz_bulletin_below_label(const struct tz_bulletin *b)
{
	return b->below;
}

void tz_bulletin_free(struct tz_bulletin *b)
{
	if (!b)
		return;
	tz_arena_free(b->arena);
	tz_hmap_free(b->index);
	free(b->groups);
	free(b->lags);
	free(b->missing);
	free(b);
}

/* ------------------------------------------------------------------ */
/* Exact ordering                                                      */

/* Compare a/b with c/d exactly (b, d >= 0; x/0 counts as 0). */
static int frac_cmp(int64_t a, int64_t b, int64_t c, int64_t d)
{
	__int128 l, r;

	if (b <= 0)
		a = 0, b = 1;
	if (d <= 0)
		c = 0, d = 1;
	l = (__int128)a * d;
	r = (__int128)c * b;
	return l < r ? -1 : l > r;
}

/*
 * Lagging projects sort by ytd/annual, worst first. The sort key is that
 * ratio in 32.32 fixed point (a lagging ratio is below 1), so most
 * comparisons are one integer compare; equal keys fall back to the exact
 * fraction, then the code.
 */
static uint64_t lag_key(int64_t ytd, int64_t annual)
{
	unsigned __int128 k = ((unsigned __int128)(uint64_t)ytd << 32) / (uint64_t)annual;

	return k > UINT64_MAX ? UINT64_MAX : (uint64_t)k;
}

static int lag_order(const void *x, const void *y)
{
	const struct tz_bulletin_lag *a = x, *b = y;
	int c;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	c = frac_cmp(a->ytd, a->annual, b->ytd, b->annual);
	return c ? c : strcmp(a->code, b->code);
}

/* Groups with a rate by rate, highest first; then those without; then key. */
static int group_order(const void *x, const void *y)
{
	const struct tz_bulletin_group *a = x, *b = y;
	int c;

	if (a->has_rate != b->has_rate)
		return a->has_rate ? -1 : 1;
	c = a->has_rate ? frac_cmp(b->ytd, b->annual, a->ytd, a->annual) : 0;
	return c ? c : strcmp(a->key, b->key);
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */

static void add_checked(int64_t *sum, int64_t v, int *overflow)
{
	if (__builtin_add_overflow(*sum, v, sum))
		*overflow = 1;
}

static void count(struct tz_bulletin *b, struct tz_bulletin_group *g,
		  const struct tz_bulletin_row *row)
{
	g->projects++;
	add_checked(&g->total, row->total, &b->overflow);
	/* A plan of 0 gives no rate (x/0): its completions are kept apart
	 * like those of a project without a plan (audit 9 W20), so they never
	 * lift a group's or the city's rate over the plans of others. */
	if (row->has_plan && row->annual > 0) {
		add_checked(&g->annual, row->annual, &b->overflow);
		add_checked(&g->ytd, row->ytd, &b->overflow);
		add_checked(&g->ytd_prev, row->ytd_prev, &b->overflow);
	} else {
		add_checked(&g->ytd_unplanned, row->ytd, &b->overflow);
	}
	g->started += row->started != 0;
	/* A project that reported is one of P's reporters (tz_report_due). */
	g->reported += row->reported != 0;
	g->not_reported += row->expected && !row->reported;
	g->filed += row->reported != 0;
}

int tz_bulletin_lags(const struct tz_bulletin *b, int has_plan, int64_t annual, int64_t ytd)
{
	return has_plan && annual > 0 &&
	       (__int128)60 * ytd < (__int128)(5 * b->period.month - 6) * annual;
}

/* The group called `key`, created empty if new. */
static struct tz_bulletin_group *group(struct tz_bulletin *b, const char *key)
{
	size_t klen = strlen(key);
	struct tz_bulletin_group *g;
	const char *stored;
	int64_t at;

	if (tz_hmap_get(b->index, key, klen, &at))
		return &b->groups[at];
	at = (int64_t)b->ngroups;
	tz_hmap_put(b->index, key, klen, at, &stored);
	TZ_ALLOC_GROW(b->groups, b->ngroups + 1, b->agroups);
	g = &b->groups[b->ngroups++];
	memset(g, 0, sizeof(*g));
	g->key = stored;
	return g;
}

static const char *keep(struct tz_bulletin *b, const char *s)
{
	if (!s || !*s)
		return "";
	return b->borrowed ? s : tz_arena_strdup(b->arena, s);
}

/* String `i` of lagging entry l as kept (keep()), with its length and
 * plain bit: the row's when it measured them, else measured here. */
static const char *keep_text(struct tz_bulletin *b, const struct tz_bulletin_row *row,
			     struct tz_bulletin_lag *l, enum tz_lag_text i, const char *s)
{
	size_t n;

	if (s && row->measured) {
		n = row->len[i];
		l->plain |= (uint8_t)(row->plain & (1u << i));
	} else {
		n = s ? strlen(s) : 0;
	}
	if (!n) {
		l->len[i] = 0;
		l->plain |= (uint8_t)(1u << i);
		return "";
	}
	l->len[i] = n < TZ_LAG_UNMEASURED ? (uint32_t)n : TZ_LAG_UNMEASURED;
	return b->borrowed ? s : tz_arena_strndup(b->arena, s, n);
}

/* The most entries tz_bulletin_expect reserves (~100 MB of address
 * space, a million projects): past it the list grows as it would. */
#define EXPECT_MAX ((size_t)1 << 20)

void tz_bulletin_expect(struct tz_bulletin *b, size_t nprojects)
{
	if (b->alags || !nprojects)
		return;
	if (nprojects > EXPECT_MAX)
		nprojects = EXPECT_MAX;
	b->lags = tz_xmalloc_large(tz_st_mult(nprojects, sizeof(*b->lags)));
	b->alags = nprojects;
}

void tz_bulletin_borrow(struct tz_bulletin *b, void *owner, void (*release)(void *))
{
	b->borrowed = 1;
	if (release)
		tz_arena_on_release(b->arena, release, owner);
}

static void add_to(struct tz_bulletin *b, struct tz_bulletin_group *g,
		   const struct tz_bulletin_row *row);

void tz_bulletin_add(struct tz_bulletin *b, const struct tz_bulletin_row *row)
{
	add_to(b, group(b, row->key && *row->key ? row->key : TZ_BULLETIN_EMPTY_KEY), row);
}

void tz_bulletin_add_slot(struct tz_bulletin *b, const struct tz_bulletin_row *row,
			  int64_t *slot)
{
	struct tz_bulletin_group *g;

	if (*slot < 0) {
		g = group(b, row->key && *row->key ? row->key : TZ_BULLETIN_EMPTY_KEY);
		*slot = g - b->groups;
	} else {
		g = &b->groups[*slot];
	}
	add_to(b, g, row);
}

static void add_to(struct tz_bulletin *b, struct tz_bulletin_group *g,
		   const struct tz_bulletin_row *row)
{
	count(b, g, row);
	count(b, &b->totals, row);
	b->reported_prev += row->reported_prev != 0;

	if (tz_bulletin_lags(b, row->has_plan, row->annual, row->ytd)) {
		struct tz_bulletin_lag *l;

		b->lags_sorted = 0;
		TZ_ALLOC_GROW(b->lags, b->nlags + 1, b->alags);
		l = &b->lags[b->nlags++];
		if (b->borrowed && row->measured) {
			/* The store's strings and lengths as they are. */
			l->code = row->code;
			l->name = row->name;
			l->region = row->region;
			l->leader = row->leader;
			l->unit = row->unit;
			l->problem = row->problem;
			memcpy(l->len, row->len, sizeof(l->len));
			l->plain = (uint8_t)row->plain;
		} else {
			l->plain = 0;
			l->code = keep_text(b, row, l, TZ_LAG_CODE, row->code);
			l->name = keep_text(b, row, l, TZ_LAG_NAME, row->name);
			l->region = keep_text(b, row, l, TZ_LAG_REGION, row->region);
			l->leader = keep_text(b, row, l, TZ_LAG_LEADER, row->leader);
			l->unit = keep_text(b, row, l, TZ_LAG_UNIT, row->unit);
			l->problem = keep_text(b, row, l, TZ_LAG_PROBLEM, row->problem);
		}
		l->annual = row->annual;
		l->ytd = row->ytd;
		l->ratio = tz_rate(row->ytd, row->annual);
		l->key = lag_key(row->ytd, row->annual);
	}
	if (row->expected && !row->reported) {
		struct tz_bulletin_missing *m;

		TZ_ALLOC_GROW(b->missing, b->nmissing + 1, b->amissing);
		m = &b->missing[b->nmissing++];
		m->code = keep(b, row->code);
		m->name = keep(b, row->name);
		m->region = keep(b, row->region);
		m->unit = keep(b, row->unit);
		m->leader = keep(b, row->leader);
		m->key = g->key;
	}
}

/* ------------------------------------------------------------------ */
/* Parts counted apart                                                 */

static void add_sums(struct tz_bulletin *b, struct tz_bulletin_group *g,
		     const struct tz_bulletin_group *from)
{
	g->projects += from->projects;
	add_checked(&g->total, from->total, &b->overflow);
	add_checked(&g->annual, from->annual, &b->overflow);
	add_checked(&g->ytd, from->ytd, &b->overflow);
	add_checked(&g->ytd_unplanned, from->ytd_unplanned, &b->overflow);
	add_checked(&g->ytd_prev, from->ytd_prev, &b->overflow);
	g->started += from->started;
	g->reported += from->reported;
	g->not_reported += from->not_reported;
	g->filed += from->filed;
}

static void free_arena(void *a)
{
	tz_arena_free(a);
}

/* Merge two sorted lagging lists into b's. */
static void merge_lags(struct tz_bulletin *b, const struct tz_bulletin *part)
{
	struct tz_bulletin_lag *out = tz_xmalloc(tz_st_mult(b->nlags + part->nlags, sizeof(*out)));
	size_t i = 0, j = 0, n = 0;

	while (i < b->nlags && j < part->nlags)
		out[n++] = lag_order(&part->lags[j], &b->lags[i]) < 0 ? part->lags[j++] : b->lags[i++];
	while (i < b->nlags)
		out[n++] = b->lags[i++];
	while (j < part->nlags)
		out[n++] = part->lags[j++];
	free(b->lags);
	b->lags = out;
	b->nlags = b->alags = n;
}

void tz_bulletin_absorb(struct tz_bulletin *b, struct tz_bulletin *part)
{
	int was_empty = b->nlags == 0 && b->ngroups == 0;

	for (size_t i = 0; i < part->ngroups; i++)
		add_sums(b, group(b, part->groups[i].key), &part->groups[i]);
	add_sums(b, &b->totals, &part->totals);
	b->overflow |= part->overflow;
	b->reported_prev += part->reported_prev;
	if (part->lags_sorted && (b->lags_sorted || was_empty)) {
		merge_lags(b, part);
		b->lags_sorted = 1;
	} else if (part->nlags) {
		TZ_ALLOC_GROW(b->lags, b->nlags + part->nlags, b->alags);
		memcpy(b->lags + b->nlags, part->lags, part->nlags * sizeof(*b->lags));
		b->nlags += part->nlags;
		b->lags_sorted = 0;
	}
	TZ_ALLOC_GROW(b->missing, b->nmissing + part->nmissing, b->amissing);
	for (size_t i = 0; i < part->nmissing; i++) {
		b->missing[b->nmissing] = part->missing[i];
		/* Point at b's copy of the group key, which outlives part's. */
		b->missing[b->nmissing++].key = group(b, part->missing[i].key)->key;
	}
	/* The list entries' strings live in the part's arena: keep it. */
	tz_arena_on_release(b->arena, free_arena, part->arena);
	part->arena = NULL;
	tz_bulletin_free(part);
}

/* ------------------------------------------------------------------ */
/* Finishing and reading                                               */

static void rates(struct tz_bulletin_group *g)
{
	g->has_rate = g->annual > 0;
	g->completion_rate = g->has_rate ? tz_rate(g->ytd, g->annual) : 0;
	g->start_rate = tz_rate(g->started, g->projects);
}

/* Ranks at P−1 of the same year: competition ranking of Σytd_prev/Σannual. */
static int prev_order(const void *x, const void *y)
{
	const struct tz_bulletin_group *a = *(const struct tz_bulletin_group *const *)x;
	const struct tz_bulletin_group *b = *(const struct tz_bulletin_group *const *)y;

	return frac_cmp(b->ytd_prev, b->annual, a->ytd_prev, a->annual);
}

static void rank_changes(struct tz_bulletin *b)
{
	struct tz_bulletin_group **ranked;
	size_t n = 0;
	int prev_rank = 0;

	/* No bulletin the month before: January, or nobody reported then. */
	if (b->period.month == 1 || !b->reported_prev)
		return;
	ranked = tz_xmalloc(tz_st_mult(b->ngroups + 1, sizeof(*ranked)));
	for (size_t i = 0; i < b->ngroups; i++)
		if (b->groups[i].has_rate)
			ranked[n++] = &b->groups[i];
	qsort(ranked, n, sizeof(*ranked), prev_order);
	for (size_t i = 0; i < n; i++) {
		if (!i || prev_order(&ranked[i], &ranked[i - 1]))
			prev_rank = (int)i + 1;
		ranked[i]->has_rank_change = 1;
		ranked[i]->rank_change = prev_rank - ranked[i]->rank;
	}
	free(ranked);
}

/* The missing list in the groups' order (ctx: the key index), then by code. */
static int missing_order(const void *x, const void *y, void *ctx)
{
	const struct tz_bulletin_missing *a = x, *b = y;
	const struct tz_hmap *index = ctx;
	int64_t ga = 0, gb = 0;

	tz_hmap_get(index, a->key, strlen(a->key), &ga);
	tz_hmap_get(index, b->key, strlen(b->key), &gb);
	if (ga != gb)
		return ga < gb ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* tz_bulletin_finish and tz_bulletin_finish_missing: `bulletin` refuses a
 * period nobody reported; the missing list refuses only an empty ledger. */
static int finish(struct tz_bulletin *b, int bulletin, struct tz_err *err)
{
	struct tz_bulletin_group *t = &b->totals;
	char period[TZ_PERIOD_FMT_MAX];

	if (b->finished)
		return 0;
	b->finished = 1;
	if (b->overflow)
		return tz_err_set(err, TZ_ETOOBIG, "通报的合计金额超出可计算的范围，请检查台账中的金额");
	if (!bulletin && !t->projects)
		return tz_err_set(err, TZ_ENOTFOUND,
				  "%d年度台账中没有项目，无法列出%s调度期的未报送项目",
				  b->period.year, tz_period_fmt(b->period, period));
	if (bulletin && !t->filed)
		return tz_err_set(err, TZ_ENOTFOUND,
				  "%s调度期%s没有任何项目报送，不能生成通报",
				  tz_period_fmt(b->period, period),
				  t->projects ? "" : "的年度台账中没有项目，也");
	rates(t);
	for (size_t i = 0; i < b->ngroups; i++)
		rates(&b->groups[i]);
	if (b->ngroups)
		qsort(b->groups, b->ngroups, sizeof(*b->groups), group_order);
	for (size_t i = 0; i < b->ngroups; i++) {
		struct tz_bulletin_group *g = &b->groups[i];

		/* The index now points at the sorted places. */
		tz_hmap_put(b->index, g->key, strlen(g->key), (int64_t)i, NULL);
		if (!g->has_rate)
			continue;
		/* Competition ranking: equal rates share a rank (1, 2, 2, 4). */
		if (i && !frac_cmp(g->ytd, g->annual, g[-1].ytd, g[-1].annual))
			g->rank = g[-1].rank;
		else
			g->rank = (int)i + 1;
		g->below_average = t->has_rate && frac_cmp(g->ytd, g->annual, t->ytd, t->annual) < 0;
	}
	rank_changes(b);
	tz_bulletin_sort_lags(b);
	if (b->nmissing)
		qsort_r(b->missing, b->nmissing, sizeof(*b->missing), missing_order, b->index);
	return 0;
}

int tz_bulletin_finish(struct tz_bulletin *b, struct tz_err *err)
{
	return finish(b, 1, err);
}

int tz_bulletin_finish_missing(struct tz_bulletin *b, struct tz_err *err)
{
	return finish(b, 0, err);
}

/* A lagging entry's sort key and place, for sorting without moving the
 * entries until their order is known. */
struct lag_ref {
	uint64_t key;
	uint32_t at;
	uint32_t pad;
};

/* Merge sort (stable) of refs[lo, hi) by lag_order on the entries. */
static void sort_run(const struct tz_bulletin_lag *lags, struct lag_ref *refs,
		     struct lag_ref *tmp, size_t lo, size_t hi)
{
	size_t mid = lo + (hi - lo) / 2, i = lo, j = mid, k = lo;

	if (hi - lo < 2)
		return;
	sort_run(lags, refs, tmp, lo, mid);
	sort_run(lags, refs, tmp, mid, hi);
	while (i < mid && j < hi)
		tmp[k++] = lag_order(&lags[refs[j].at], &lags[refs[i].at]) < 0 ? refs[j++] : refs[i++];
	while (i < mid)
		tmp[k++] = refs[i++];
	while (j < hi)
		tmp[k++] = refs[j++];
	memcpy(refs + lo, tmp + lo, (hi - lo) * sizeof(*refs));
}

/*
 * The same order as a stable sort by lag_order (which the list had when it
 * was sorted with qsort, glibc's being a stable merge sort), ties keeping
 * the order of tz_bulletin_add: an LSD radix sort of the 32.32 keys
 * (stable), then a stable merge sort of each run of equal keys by the
 * exact fraction and the code. Radix passes over a byte every key shares
 * are skipped (lagging keys are below 2^32).
 */
static void sort_lags(struct tz_bulletin *b)
{
	size_t n = b->nlags, count[256];
	struct lag_ref *refs, *tmp;

	if (n < 64 || n > UINT32_MAX) {
		qsort(b->lags, n, sizeof(*b->lags), lag_order);
		return;
	}
	refs = tz_xmalloc(tz_st_mult(n, sizeof(*refs)));
	tmp = tz_xmalloc(tz_st_mult(n, sizeof(*tmp)));
	for (size_t i = 0; i < n; i++) {
		refs[i].key = b->lags[i].key;
		refs[i].at = (uint32_t)i;
		refs[i].pad = 0;
	}
	for (int shift = 0; shift < 64; shift += 8) {
		size_t sum = 0;
		struct lag_ref *swap;

		memset(count, 0, sizeof(count));
		for (size_t i = 0; i < n; i++)
			count[(refs[i].key >> shift) & 0xFF]++;
		if (count[(refs[0].key >> shift) & 0xFF] == n)
			continue;
		for (int d = 0; d < 256; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[count[(refs[i].key >> shift) & 0xFF]++] = refs[i];
		swap = refs, refs = tmp, tmp = swap;
	}
	for (size_t lo = 0, hi; lo < n; lo = hi) {
		for (hi = lo + 1; hi < n && refs[hi].key == refs[lo].key; hi++)
			;
		sort_run(b->lags, refs, tmp, lo, hi);
	}
	/* Entry i goes where refs says, in place: follow each cycle of the
	 * permutation once (pad marks a place done), so no second 3.5 MB list
	 * is allocated and faulted in. */
	for (size_t i = 0; i < n; i++) {
		struct tz_bulletin_lag first;
		size_t j = i;

		if (refs[i].pad)
			continue;
		first = b->lags[i];
		for (;;) {
			size_t from = refs[j].at;

			refs[j].pad = 1;
			if (from == i) {
				b->lags[j] = first;
				break;
			}
			b->lags[j] = b->lags[from];
			j = from;
		}
	}
	free(refs);
	free(tmp);
}

void tz_bulletin_sort_lags(struct tz_bulletin *b)
{
	if (!b->lags_sorted && b->nlags)
		sort_lags(b);
	b->lags_sorted = 1;
}

struct tz_period tz_bulletin_period(const struct tz_bulletin *b) { return b->period; }
enum tz_bulletin_by tz_bulletin_by(const struct tz_bulletin *b) { return b->by; }
int32_t tz_bulletin_schedule(const struct tz_bulletin *b) { return b->schedule; }
size_t tz_bulletin_group_count(const struct tz_bulletin *b) { return b->ngroups; }
size_t tz_bulletin_lag_count(const struct tz_bulletin *b) { return b->nlags; }
size_t tz_bulletin_missing_count(const struct tz_bulletin *b) { return b->nmissing; }

const struct tz_bulletin_group *tz_bulletin_group_at(const struct tz_bulletin *b, size_t i)
{
	return i < b->ngroups ? &b->groups[i] : NULL;
}

const struct tz_bulletin_group *tz_bulletin_totals(const struct tz_bulletin *b)
{
	return &b->totals;
}

const struct tz_bulletin_lag *tz_bulletin_lag_at(const struct tz_bulletin *b, size_t i)
{
	return i < b->nlags ? &b->lags[i] : NULL;
}

const struct tz_bulletin_missing *tz_bulletin_missing_at(const struct tz_bulletin *b, size_t i)
{
	return i < b->nmissing ? &b->missing[i] : NULL;
}

char *tz_bulletin_rate_json(int32_t rate, char buf[16])
{
	tz_bulletin_rate_json_n(rate, buf);
	return buf;
}

size_t tz_bulletin_rate_json_n(int32_t rate, char buf[16])
{
	uint32_t a = rate < 0 ? -(uint32_t)rate : (uint32_t)rate, frac = a % TZ_RATE_ONE;
	size_t n = 0;
	int digits = 4;

	/* tz_rate_fmt's digits without its trailing zeros, written once:
	 * one call per lagging entry (formatting then trimming the text was
	 * 200 instructions of each entry's ~1,200). */
	if (rate < 0)
		buf[n++] = '-';
	n += tz_fmt_int(buf + n, a / TZ_RATE_ONE);
	buf[n++] = '.';
	for (; digits > 1 && frac % 10 == 0; digits--)
		frac /= 10;
	for (int i = digits - 1; i >= 0; i--, frac /= 10)
		buf[n + (size_t)i] = (char)('0' + frac % 10);
	buf[n + (size_t)digits] = '\0';
	return n + (size_t)digits;
}
