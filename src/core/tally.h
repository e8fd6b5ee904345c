/*
 * tally.h: counts per organisation node over its subtree.
 *
 * web.md: a node's figures (按时报送率, lights, problems, procedures) are
 * "over the node's subtree"; "A region node's projects are those whose
 * 所属地区 is that node; a department node's are those whose 责任单位 is
 * that node. A project of region X with 责任单位 Y belongs to both: … it
 * counts for X in the regions' ranking and for Y in the departments'."
 *
 * So a project counts for every node on the path from its region up to the
 * root, and for every node on the path from its unit up to the root, once
 * per node even where the paths meet (the city counts it once). A tally
 * keeps `ncounters` int64 counters per node of one subtree (its root and
 * everything below); a project outside that subtree counts nowhere.
 *
 * The tally reads the index it was made from (core/org.h) for as long as
 * it lives; the caller keeps the index alive and unchanged meanwhile.
 */
#ifndef TZ_TALLY_H
#define TZ_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "core/org.h"

struct tz_tally;

/*
 * A tally of `ncounters` (1..64) counters, all 0, for the subtree of node
 * `root_id` of `x` (0: the tree's root). Returns NULL when root_id names
 * no node of x. The caller frees it with tz_tally_free().
 */
struct tz_tally *tz_tally_new(const struct tz_org_index *x, int64_t root_id, int ncounters);
void tz_tally_free(struct tz_tally *t);

/*
 * Add deltas[0 .. ncounters) to every node the project of region
 * `region_id` and unit `unit_id` (0: none) counts for. Returns 1 if the
 * project lies in the tally's subtree (through either path), 0 if it
 * counted nowhere. Ids that name no node count nowhere.
 */
int tz_tally_add(struct tz_tally *t, int64_t region_id, int64_t unit_id, const int64_t *deltas);

/* Whether a project of this region and unit lies in the tally's subtree. */
int tz_tally_contains(struct tz_tally *t, int64_t region_id, int64_t unit_id);

int tz_tally_ncounters(const struct tz_tally *t);
/* The root node of the tally. */
const struct tz_org_node *tz_tally_root(const struct tz_tally *t);

/* Nodes of the subtree, root first, then in the index's order. */
size_t tz_tally_count(const struct tz_tally *t);
const struct tz_org_node *tz_tally_node_at(const struct tz_tally *t, size_t i);
/* The counters of node i (ncounters of them). */
const int64_t *tz_tally_counters_at(const struct tz_tally *t, size_t i);
/* The counters of the node with this id, or NULL when it is not in the subtree. */
const int64_t *tz_tally_counters_of(const struct tz_tally *t, int64_t node_id);
/* Its depth below the tally's root (0 for the root), for indenting. */
int tz_tally_depth_at(const struct tz_tally *t, size_t i);

#endif
