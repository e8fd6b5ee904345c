/* tally.c: counters per organisation node, a project counted once for each node above its region and unit. */
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "base/xalloc.h"
#include "core/tally.h"
#include "base/banned.h"

struct tz_tally {
	const struct tz_org_index *x;
	int ncounters;
	size_t n;
	const struct tz_org_node **nodes;  /* the subtree, root first */
	int *parent;                       /* dense index of the parent; -1 above the root */
	int *depth;
	uint64_t *stamp;                   /* the last project counted at each node */
	uint64_t seq;
	int64_t *counters;                 /* n * ncounters */
	struct tz_hmap *by_id;             /* node id -> dense index */
	int64_t memo_id[2];                /* the last region and unit looked up */
	int memo_at[2];
};

static int lookup(const struct tz_tally *t, int64_t id)
{
	int64_t at;

	if (id <= 0 || !tz_hmap_get(t->by_id, (const char *)&id, sizeof(id), &at))
		return -1;
	return (int)at;
}

struct tz_tally *tz_tally_new(const struct tz_org_index *x, int64_t root_id, int ncounters)
{
	const struct tz_org_node *root = root_id ? tz_org_index_by_id(x, root_id)
						 : tz_org_index_root(x);
	size_t total = tz_org_index_count(x);
	struct tz_tally *t;

	if (!root || ncounters < 1 || ncounters > 64)
		return NULL;
	t = tz_xcalloc(1, sizeof(*t));
	t->x = x;
	t->ncounters = ncounters;
	t->nodes = tz_xcalloc(total + 1, sizeof(*t->nodes));
	t->by_id = tz_hmap_new();
	t->nodes[t->n++] = root;
	tz_hmap_put(t->by_id, (const char *)&root->id, sizeof(root->id), 0, NULL);
	for (size_t i = 0; i < total; i++) {
		const struct tz_org_node *nd = tz_org_index_at(x, i);

		if (nd == root || !tz_org_index_within(x, nd->id, root->id))
			continue;
		tz_hmap_put(t->by_id, (const char *)&nd->id, sizeof(nd->id), (int64_t)t->n, NULL);
		t->nodes[t->n++] = nd;
	}
	t->parent = tz_xcalloc(t->n, sizeof(*t->parent));
	t->depth = tz_xcalloc(t->n, sizeof(*t->depth));
	t->stamp = tz_xcalloc(t->n, sizeof(*t->stamp));
	t->counters = tz_xcalloc(tz_st_mult(t->n, (size_t)ncounters), sizeof(*t->counters));
	for (size_t i = 0; i < t->n; i++) {
		const struct tz_org_node *p = i ? tz_org_index_by_code(x, t->nodes[i]->parent) : NULL;

		t->parent[i] = p ? lookup(t, p->id) : -1;
	}
	for (size_t i = 0; i < t->n; i++)
		for (int at = t->parent[i]; at >= 0; at = t->parent[at])
			t->depth[i]++;
	t->memo_id[0] = t->memo_id[1] = -1;
	return t;
}

void tz_tally_free(struct tz_tally *t)
{
	if (!t)
		return;
	free(t->nodes);
	free(t->parent);
	free(t->depth);
	free(t->stamp);
	free(t->counters);
	tz_hmap_free(t->by_id);
	free(t);
}

/* Dense index of a region (which = 0) or unit (1), remembering the last. */
static int memo_lookup(struct tz_tally *t, int which, int64_t id)
{
	if (t->memo_id[which] != id) {
		t->memo_id[which] = id;
		t->memo_at[which] = lookup(t, id);
	}
	return t->memo_at[which];
}

int tz_tally_add(struct tz_tally *t, int64_t region_id, int64_t unit_id, const int64_t *deltas)
{
	int start[2] = { memo_lookup(t, 0, region_id), memo_lookup(t, 1, unit_id) };
	int counted = 0;

	t->seq++;
	for (int w = 0; w < 2; w++) {
		for (int i = start[w]; i >= 0; i = t->parent[i]) {
			int64_t *c;

			if (t->stamp[i] == t->seq)
				break; /* the rest of the path is counted already */
			t->stamp[i] = t->seq;
			c = t->counters + (size_t)i * (size_t)t->ncounters;
			for (int k = 0; k < t->ncounters; k++)
				c[k] += deltas[k];
			counted = 1;
		}
	}
	return counted;
}

int tz_tally_contains(struct tz_tally *t, int64_t region_id, int64_t unit_id)
{
	return memo_lookup(t, 0, region_id) >= 0 || memo_lookup(t, 1, unit_id) >= 0;
}

int tz_tally_ncounters(const struct tz_tally *t)
{
	return t->ncounters;
}

const struct tz_org_node *tz_tally_root(const struct tz_tally *t)
{
	return t->nodes[0];
}

size_t tz_tally_count(const struct tz_tally *t)
{
	return t->n;
}

const struct tz_org_node *tz_tally_node_at(const struct tz_tally *t, size_t i)
{
	return i < t->n ? t->nodes[i] : NULL;
}

const int64_t *tz_tally_counters_at(const struct tz_tally *t, size_t i)
{
	return i < t->n ? t->counters + i * (size_t)t->ncounters : NULL;
}

const int64_t *tz_tally_counters_of(const struct tz_tally *t, int64_t node_id)
{
	int at = lookup(t, node_id);

	return at < 0 ? NULL : t->counters + (size_t)at * (size_t)t->ncounters;
}

int tz_tally_depth_at(const struct tz_tally *t, size_t i)
{
	return i < t->n ? t->depth[i] : 0;
}
