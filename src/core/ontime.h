/*
 * ontime.h: the on-time reporting rate (按时报送率) of a period, per node.
 *
 * web.md "Periods, deadlines, on-time rate": "按时报送率 of a node =
 * projects reported on time / projects expected, over the node's subtree;
 * 报送率 the same with late reports counted. Shown per region, ranked,
 * with the list of 未报送 projects."
 *
 * Counting, per node of the subtree being looked at (core/tally.h: a
 * project counts for the nodes above its region and above its unit):
 *   expected   projects expected to report for P, and those that reported
 *              for P although not yet expected (tz_report_due)
 *   on_time    of these, reported for P, first saved by the deadline (or
 *              with no record of lateness: see below)
 *   late       of these, reported for P, first saved after the deadline
 *   missing    of these, not reported for P (未报送)
 * so on_time + late + missing = expected. A project that reported although
 * it was not expected counts in expected and among the reports alike (so
 * it cannot lift a rate above 100%), as the bulletin counts it 已报送. A report whose arrival was never recorded (imported before the
 * period was dispatched) is on time: nothing shows it late.
 *
 *   ontime_rate  on_time / expected            (按时报送率)
 *   report_rate  (on_time + late) / expected   (报送率)
 * both in 1/10000, rounded half up; none when nothing was expected.
 *
 * Ranking: region nodes (县, 区, 开发区, 市直) of the subtree other than its
 * root are ranked among themselves, departments among themselves: by
 * ontime_rate, highest first, compared exactly; ties share a rank; a node
 * with nothing expected has no rank and comes last.
 */
#ifndef TZ_ONTIME_H
#define TZ_ONTIME_H

#include <stddef.h>
#include <stdint.h>

#include "core/org.h"
#include "core/period.h"

/* One project as the store hands it over. Strings are only read during
 * tz_ontime_add() (copied for the missing list), and only for a missing
 * project: a store may leave them NULL for the others. */
struct tz_ontime_row {
	int64_t region_id;
	int64_t unit_id;
	int expected;
	int reported;
	int late;           /* first saved after the deadline (with reported) */
	const char *code;
	const char *name;
	const char *leader;
};

struct tz_ontime_node {
	const struct tz_org_node *node;
	int depth;             /* below the subtree's root */
	int64_t expected;
	int64_t on_time;
	int64_t late;
	int64_t missing;
	int has_rate;          /* expected > 0 */
	int32_t ontime_rate;   /* 1/10000 */
	int32_t report_rate;   /* 1/10000 */
	int rank;              /* among regions or among departments; 0: none */
};

/* A project expected to report that did not (未报送). */
struct tz_ontime_missing {
	const char *code;
	const char *name;
	const char *leader;
	const char *region;    /* names of its region and unit nodes ("" if none) */
	const char *unit;
	int64_t region_id;
	int64_t unit_id;
};

struct tz_ontime;

/*
 * A new, empty count of period p over the subtree of node root_id of x
 * (0: the whole tree). NULL when root_id names no node. The index must
 * outlive the count. The caller frees with tz_ontime_free().
 */
struct tz_ontime *tz_ontime_new(const struct tz_org_index *x, int64_t root_id, struct tz_period p);
void tz_ontime_free(struct tz_ontime *o);

struct tz_period tz_ontime_period(const struct tz_ontime *o);
/* Whether a project of this region and unit is counted by o at all (the
 * store may skip reading the others). */
int tz_ontime_wants(struct tz_ontime *o, int64_t region_id, int64_t unit_id);

/* Count one project; ignored when outside the subtree. Not after finish. */
void tz_ontime_add(struct tz_ontime *o, const struct tz_ontime_row *row);

/* Compute the rates, the ranks and the order of the lists. Once, after every add. */
void tz_ontime_finish(struct tz_ontime *o);

/* Every node of the subtree, root first (tally order). After finish. */
size_t tz_ontime_node_count(const struct tz_ontime *o);
const struct tz_ontime_node *tz_ontime_node_at(const struct tz_ontime *o, size_t i);
/* The node with this id, or NULL when it is not in the subtree. */
const struct tz_ontime_node *tz_ontime_node_of(const struct tz_ontime *o, int64_t node_id);

/* Region nodes in rank order (unranked last, then by code). */
size_t tz_ontime_region_count(const struct tz_ontime *o);
const struct tz_ontime_node *tz_ontime_region_at(const struct tz_ontime *o, size_t i);
/* Department nodes in rank order. */
size_t tz_ontime_unit_count(const struct tz_ontime *o);
const struct tz_ontime_node *tz_ontime_unit_at(const struct tz_ontime *o, size_t i);

/* 未报送 projects, by region name then code. After finish. */
size_t tz_ontime_missing_count(const struct tz_ontime *o);
const struct tz_ontime_missing *tz_ontime_missing_at(const struct tz_ontime *o, size_t i);

/* Whether a ranks strictly before b: a's rate is higher (exact). */
int tz_ontime_better(const struct tz_ontime_node *a, const struct tz_ontime_node *b);

#endif
