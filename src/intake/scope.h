/*
 * scope.h: an import bounded to one node's subtree (web.md, "People and
 * permissions": a county's coordinator imports for its own node, "never
 * another node's subtree"; walkthrough 15). Internal to src/intake:
 * import.c asks it of every row when the import is bounded
 * (tz_import_file_scoped) and rejects the rows it refuses like any other
 * (the import commits whole or not at all; with `partial` only the rows it
 * allows). The rule itself is core's (tz_access_import_allows); this
 * keeps the tree and the stored projects it is asked against.
 */
#ifndef TZ_INTAKE_SCOPE_H
#define TZ_INTAKE_SCOPE_H

#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "core/org.h"
#include "core/project.h"
#include "store/store.h"

struct tz_hmap;

struct tz_scope {
	int64_t root;             /* the bounding node; 0: no bound, nothing refused */
	const char *root_name;    /* its name, for the messages (in x) */
	struct tz_org_index *x;   /* the stored tree, owned */
	struct tz_hmap *regions;  /* stored 项目编号, ASCII upper case -> 所属地区 node id */
	struct tz_hmap *units;    /* the same -> 责任单位 node id (0: none) */
	struct tz_buf key;
};

/*
 * Load what a bounded import is checked against: the stored tree and the
 * region and unit of every stored project (read before the import's
 * transaction). `root` 0 loads nothing and allows every row; a root that
 * is not a node of the stored tree allows none. 0 or a store error (err
 * set). tz_scope_release() afterwards, whatever the result.
 */
int tz_scope_load(struct tz_scope *s, struct tz_store *store, int64_t root, struct tz_err *err);
void tz_scope_release(struct tz_scope *s);

/* Whether node `node` (an id of the stored tree) is inside the bound:
 * always when there is none. */
int tz_scope_allows(const struct tz_scope *s, int64_t node);

/*
 * The messages never tell a county what lies outside it (web.md: "even
 * the existence of a project elsewhere does not leak"; walkthrough 16):
 * no other county's name, project name or region. They name only what
 * the row itself says and the bound. One thing cannot be hidden: a
 * ledger row may not take a 项目编号 another county's project holds, so
 * a refusal says that the code is used outside the bound, not where.
 */

/*
 * A ledger row whose 所属地区 is resolved (p->region_id, an id of the
 * store's tree), before it is identified: 0 when the region is a node of
 * the bound's subtree; else TZ_ENOTFOUND with why's field 所属地区 and a
 * Chinese message naming 项目编号 (项目名称 for a row without one, p->code
 * "-"), the row's region and the bound ("项目编号 P3 的所属地区“盖州市”
 * 不在您管辖的鲅鱼圈区范围内，不能导入").
 */
int tz_scope_ledger_region(const struct tz_scope *s, const struct tz_project *p,
			   struct tz_err *why);

/*
 * The same row once its 项目编号 is final (given, or found by name or
 * 项目代码), before it is written: TZ_ENOTFOUND (field 项目编号) when a
 * project is stored under that code (ASCII case aside, as the store
 * matches it) with a 所属地区 outside the subtree (a county may not move or
 * change another's project; the message says the code is used outside
 * the bound, not by what); TZ_ENOTFOUND (field 责任单位) when its
 * 责任单位 is given and is neither a node of the subtree nor the unit the
 * project is stored with (a county project a city department answers
 * for, kept as it is: nothing outside the subtree changes); else 0.
 */
int tz_scope_ledger_project(struct tz_scope *s, const struct tz_project *p, struct tz_err *why);

/*
 * A report row for project `code` (after a 项目代码 gave it): 0 when the
 * project is stored under a region inside the subtree (or there is no
 * bound); else TZ_ENOTFOUND (field 项目编号), one message for a code no
 * project holds and for another county's project, naming the code and
 * the bound only, so that a county cannot tell the two apart. Asked
 * before anything else reads the stored project (its name, region or
 * running totals would be in the messages).
 */
int tz_scope_report(struct tz_scope *s, const char *code, struct tz_err *why);

/*
 * A report row without a 项目编号, found by its 所属地区 and 项目名称:
 * TZ_ENOTFOUND (field 所属地区, naming the cell and the bound) when the
 * tree knows `region` (UTF-8, the cell) as a region outside the
 * subtree, before the ledger is searched by name; 0 otherwise (an
 * unknown region is the name search's to refuse, from the tree alone).
 */
int tz_scope_report_region(const struct tz_scope *s, const char *region, struct tz_err *why);

#endif
