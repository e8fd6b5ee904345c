/* bulletin.c: grouping, exact rates, ranks and the lagging list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
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
	struct tz_arena *arena;     /* keys and lagging strings */
	struct tz_hmap *index;      /* key -> index in groups */
	struct tz_bulletin_group *groups;
	size_t ngroups, agroups;
	struct tz_bulletin_group totals;
	struct tz_bulletin_lag *lags;
	size_t nlags, alags;
	int lags_sorted;
};

static const char *const by_names[] = { "region", "category", "level" };
static const char *const by_labels[] = { "所属地区", "项目类别", "项目级别" };

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
	for (int i = 0; i < 3; i++) {
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
	return b;
}

void tz_bulletin_free(struct tz_bulletin *b)
{
	if (!b)
		return;
	tz_arena_free(b->arena);
	tz_hmap_free(b->index);
	free(b->groups);
	free(b->lags);
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

static int group_order(const void *x, const void *y)
{
	const struct tz_bulletin_group *a = x, *b = y;
	int c = frac_cmp(b->ytd, b->annual, a->ytd, a->annual); /* highest first */

	return c ? c : strcmp(a->key, b->key);
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */

static void count(struct tz_bulletin_group *g, const struct tz_bulletin_row *row)
{
	g->projects++;
	g->total += row->total;
	g->annual += row->annual;
	g->ytd += row->ytd;
	g->started += row->started != 0;
}

/*
 * ytd / annual < 0.8 * month / 12, without division:
 * 12 * 10 * ytd < 8 * month * annual, i.e. 15 * ytd < month * annual.
 * A project without an annual plan has nothing to lag behind.
 */
int tz_bulletin_lags(const struct tz_bulletin *b, int64_t annual, int64_t ytd)
{
	return annual > 0 && (__int128)15 * ytd < (__int128)b->period.month * annual;
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

void tz_bulletin_add(struct tz_bulletin *b, const struct tz_bulletin_row *row)
{
	count(group(b, row->key && *row->key ? row->key : TZ_BULLETIN_EMPTY_KEY), row);
	count(&b->totals, row);

	if (tz_bulletin_lags(b, row->annual, row->ytd)) {
		struct tz_bulletin_lag *l;

		b->lags_sorted = 0;
		TZ_ALLOC_GROW(b->lags, b->nlags + 1, b->alags);
		l = &b->lags[b->nlags++];
		l->code = tz_arena_strdup(b->arena, row->code ? row->code : "");
		l->name = tz_arena_strdup(b->arena, row->name ? row->name : "");
		l->region = tz_arena_strdup(b->arena, row->region ? row->region : "");
		l->annual = row->annual;
		l->ytd = row->ytd;
		l->ratio = tz_rate(row->ytd, row->annual);
		l->key = lag_key(row->ytd, row->annual);
	}
}

/* ------------------------------------------------------------------ */
/* Parts counted apart                                                 */

static void add_sums(struct tz_bulletin_group *g, const struct tz_bulletin_group *from)
{
	g->projects += from->projects;
	g->total += from->total;
	g->annual += from->annual;
	g->ytd += from->ytd;
	g->started += from->started;
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
		add_sums(group(b, part->groups[i].key), &part->groups[i]);
	add_sums(&b->totals, &part->totals);
	if (part->lags_sorted && (b->lags_sorted || was_empty)) {
		merge_lags(b, part);
		b->lags_sorted = 1;
	} else {
		TZ_ALLOC_GROW(b->lags, b->nlags + part->nlags, b->alags);
		memcpy(b->lags + b->nlags, part->lags, part->nlags * sizeof(*b->lags));
		b->nlags += part->nlags;
		b->lags_sorted = 0;
	}
	/* The lagging entries' strings live in the part's arena: keep it. */
	tz_arena_on_release(b->arena, free_arena, part->arena);
	part->arena = NULL;
	tz_bulletin_free(part);
}


/* ------------------------------------------------------------------ */
/* Finishing and reading                                               */

static void rates(struct tz_bulletin_group *g)
{
	g->completion_rate = tz_rate(g->ytd, g->annual);
	g->start_rate = tz_rate(g->started, g->projects);
}

void tz_bulletin_finish(struct tz_bulletin *b)
{
	struct tz_bulletin_group *t = &b->totals;

	if (b->finished)
		return;
	b->finished = 1;
	rates(t);
	if (b->ngroups)
		qsort(b->groups, b->ngroups, sizeof(*b->groups), group_order);
	for (size_t i = 0; i < b->ngroups; i++) {
		struct tz_bulletin_group *g = &b->groups[i];

		rates(g);
		/* Competition ranking: equal rates share a rank (1, 2, 2, 4). */
		if (i && !frac_cmp(g->ytd, g->annual, g[-1].ytd, g[-1].annual))
			g->rank = g[-1].rank;
		else
			g->rank = (int)i + 1;
		g->below_average = frac_cmp(g->ytd, g->annual, t->ytd, t->annual) < 0;
	}
	tz_bulletin_sort_lags(b);
}

void tz_bulletin_sort_lags(struct tz_bulletin *b)
{
	if (!b->lags_sorted && b->nlags)
		qsort(b->lags, b->nlags, sizeof(*b->lags), lag_order);
	b->lags_sorted = 1;
}

struct tz_period tz_bulletin_period(const struct tz_bulletin *b) { return b->period; }
enum tz_bulletin_by tz_bulletin_by(const struct tz_bulletin *b) { return b->by; }
int32_t tz_bulletin_schedule(const struct tz_bulletin *b) { return b->schedule; }
size_t tz_bulletin_group_count(const struct tz_bulletin *b) { return b->ngroups; }
size_t tz_bulletin_lag_count(const struct tz_bulletin *b) { return b->nlags; }

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

char *tz_bulletin_rate_json(int32_t rate, char buf[16])
{
	size_t n;

	tz_rate_fmt(rate, buf);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[--n] = '\0';
	return buf;
}
