/* ontime.c: 按时报送率 and 报送率 per node, the ranking of regions and departments, the 未报送 list. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/ontime.h"
#include "core/tally.h"
#include "base/banned.h"

enum { C_EXPECTED, C_ON_TIME, C_LATE, C_MISSING, C_COUNT };

struct tz_ontime {
	const struct tz_org_index *x;
	struct tz_period period;
	struct tz_tally *tally;
	struct tz_arena *strings;
	struct tz_ontime_node *nodes;          /* after finish, tally order */
	struct tz_ontime_node **regions;       /* ranked */
	struct tz_ontime_node **units;
	size_t nregions, nunits;
	struct tz_ontime_missing *missing;
	size_t nmissing, amissing;
};

struct tz_ontime *tz_ontime_new(const struct tz_org_index *x, int64_t root_id, struct tz_period p)
{
	struct tz_tally *t = tz_tally_new(x, root_id, C_COUNT);
	struct tz_ontime *o;

	if (!t)
		return NULL;
	o = tz_xcalloc(1, sizeof(*o));
	o->x = x;
	o->period = p;
	o->tally = t;
	o->strings = tz_arena_new();
	return o;
}

void tz_ontime_free(struct tz_ontime *o)
{
	if (!o)
		return;
	tz_tally_free(o->tally);
	tz_arena_free(o->strings);
	free(o->nodes);
	free(o->regions);
	free(o->units);
	free(o->missing);
	free(o);
}

struct tz_period tz_ontime_period(const struct tz_ontime *o)
{
	return o->period;
}

int tz_ontime_wants(struct tz_ontime *o, int64_t region_id, int64_t unit_id)
{
	return tz_tally_contains(o->tally, region_id, unit_id);
}

static const char *node_name(const struct tz_ontime *o, int64_t id)
{
	const struct tz_org_node *n = id ? tz_org_index_by_id(o->x, id) : NULL;

	return n ? n->name : "";
}

static const char *keep(struct tz_ontime *o, const char *s)
{
	return tz_arena_strdup(o->strings, s ? s : "");
}

void tz_ontime_add(struct tz_ontime *o, const struct tz_ontime_row *row)
{
	int64_t d[C_COUNT] = { 0 };
	struct tz_ontime_missing *m;

	if (!row->expected && !row->reported)
		return;  /* a project that reported is expected: tz_report_due */
	d[C_EXPECTED] = 1;
	if (!row->reported)
		d[C_MISSING] = 1;
	else if (row->late)
		d[C_LATE] = 1;
	else
		d[C_ON_TIME] = 1;
	if (!tz_tally_add(o->tally, row->region_id, row->unit_id, d) || row->reported)
		return;
	TZ_ALLOC_GROW(o->missing, o->nmissing + 1, o->amissing);
	m = &o->missing[o->nmissing++];
	m->code = keep(o, row->code);
	m->name = keep(o, row->name);
	m->leader = keep(o, row->leader);
	m->region = node_name(o, row->region_id);
	m->unit = node_name(o, row->unit_id);
	m->region_id = row->region_id;
	m->unit_id = row->unit_id;
}

int tz_ontime_better(const struct tz_ontime_node *a, const struct tz_ontime_node *b)
{
	if (a->has_rate != b->has_rate)
		return a->has_rate;
	if (!a->has_rate)
		return 0;
	/* a->on_time / a->expected > b->on_time / b->expected */
	return (__int128)a->on_time * b->expected > (__int128)b->on_time * a->expected;
}

static int cmp_rank(const void *pa, const void *pb)
{
	const struct tz_ontime_node *a = *(const struct tz_ontime_node *const *)pa;
	const struct tz_ontime_node *b = *(const struct tz_ontime_node *const *)pb;

	if (tz_ontime_better(a, b))
		return -1;
	if (tz_ontime_better(b, a))
		return 1;
	return strcmp(a->node->code, b->node->code);
}

/* Sort `list` by rate and give ranks; ties share the better rank. */
static void rank(struct tz_ontime_node **list, size_t n)
{
	if (n)
		qsort(list, n, sizeof(*list), cmp_rank);
	for (size_t i = 0; i < n; i++) {
		struct tz_ontime_node *nd = list[i];

		if (!nd->has_rate)
			nd->rank = 0;
		else if (i && !tz_ontime_better(list[i - 1], nd))
			nd->rank = list[i - 1]->rank;
		else
			nd->rank = (int)i + 1;
	}
}

static int cmp_missing(const void *pa, const void *pb)
{
	const struct tz_ontime_missing *a = pa, *b = pb;
	int c = strcmp(a->region, b->region);

	return c ? c : strcmp(a->code, b->code);
}

void tz_ontime_finish(struct tz_ontime *o)
{
	size_t n = tz_tally_count(o->tally);

	o->nodes = tz_xcalloc(n, sizeof(*o->nodes));
	o->regions = tz_xcalloc(n, sizeof(*o->regions));
	o->units = tz_xcalloc(n, sizeof(*o->units));
	for (size_t i = 0; i < n; i++) {
		struct tz_ontime_node *nd = &o->nodes[i];
		const int64_t *c = tz_tally_counters_at(o->tally, i);

		nd->node = tz_tally_node_at(o->tally, i);
		nd->depth = tz_tally_depth_at(o->tally, i);
		nd->expected = c[C_EXPECTED];
		nd->on_time = c[C_ON_TIME];
		nd->late = c[C_LATE];
		nd->missing = c[C_MISSING];
		nd->has_rate = nd->expected > 0;
		if (nd->has_rate) {
			nd->ontime_rate = tz_rate(nd->on_time, nd->expected);
			nd->report_rate = tz_rate(nd->on_time + nd->late, nd->expected);
		}
		if (i == 0)
			continue;
		if (tz_org_kind_is_region(nd->node->kind))
			o->regions[o->nregions++] = nd;
		else if (nd->node->kind == TZ_ORG_DEPARTMENT)
			o->units[o->nunits++] = nd;
	}
	rank(o->regions, o->nregions);
	rank(o->units, o->nunits);
	if (o->nmissing)
		qsort(o->missing, o->nmissing, sizeof(*o->missing), cmp_missing);
}

size_t tz_ontime_node_count(const struct tz_ontime *o)
{
	return o->nodes ? tz_tally_count(o->tally) : 0;
}

const struct tz_ontime_node *tz_ontime_node_at(const struct tz_ontime *o, size_t i)
{
	return i < tz_ontime_node_count(o) ? &o->nodes[i] : NULL;
}

const struct tz_ontime_node *tz_ontime_node_of(const struct tz_ontime *o, int64_t node_id)
{
	for (size_t i = 0; i < tz_ontime_node_count(o); i++)
		if (o->nodes[i].node->id == node_id)
			return &o->nodes[i];
	return NULL;
}

size_t tz_ontime_region_count(const struct tz_ontime *o)
{
	return o->nregions;
}

const struct tz_ontime_node *tz_ontime_region_at(const struct tz_ontime *o, size_t i)
{
	return i < o->nregions ? o->regions[i] : NULL;
}

size_t tz_ontime_unit_count(const struct tz_ontime *o)
{
	return o->nunits;
}

const struct tz_ontime_node *tz_ontime_unit_at(const struct tz_ontime *o, size_t i)
{
	return i < o->nunits ? o->units[i] : NULL;
}

size_t tz_ontime_missing_count(const struct tz_ontime *o)
{
	return o->nmissing;
}

const struct tz_ontime_missing *tz_ontime_missing_at(const struct tz_ontime *o, size_t i)
{
	return i < o->nmissing ? &o->missing[i] : NULL;
}
