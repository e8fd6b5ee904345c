/*
 * access.h: the one permission decision (web.md "People and
 * permissions"): may this user do this to this object?
 *
 * Every page and API call goes through tz_access_decide(): the web
 * server asks it once per route with no object ("may this role ever do
 * this?"), and handlers ask it again with the object they loaded. It is
 * pure: it reads the user, the object and the organisation tree, and
 * nothing else, so it is tested without HTTP (tests/unit/core/
 * test-access.c) and the listing queries of the store are written to
 * select exactly the projects it lets a user see (tz_access_scope).
 *
 * Who sees what:
 *   admin        everything
 *   coordinator  the projects of its subtree
 *   reporter     the projects of its subtree (a region node: those whose
 *                所属地区 lies in it; a department: those whose 责任单位
 *                does)
 *   leader       the projects of its subtree, and those whose 包联领导
 *                text names it (tz_leader_match), wherever they are
 * where "the projects of a subtree" are those whose region or unit is a
 * node of it. Who changes what:
 *   TZ_ACT_REPORT, TZ_ACT_RAISE   reporters and coordinators, for the
 *                                 projects of their subtree
 *   TZ_ACT_COMMENT                leaders (what they see) and coordinators
 *   TZ_ACT_MANAGE, TZ_ACT_AUDIT   coordinators in their subtree; admins
 *   TZ_ACT_ADMIN                  admins
 * Anything not visible is TZ_DENY_HIDE (answer 404: even its existence
 * does not leak); a visible object the user may not change is
 * TZ_DENY_FORBID (403).
 */
#ifndef TZ_ACCESS_H
#define TZ_ACCESS_H

#include <stdint.h>

#include "core/org.h"
#include "core/user.h"

/* What a user wants to do. The route table names one per route. */
enum tz_action {
	TZ_ACT_VIEW = 0,   /* read it */
	TZ_ACT_REPORT,     /* save a project's progress report (月度填报) */
	TZ_ACT_RAISE,      /* raise a problem (问题) on a project */
	TZ_ACT_COMMENT,    /* comment on or mark a problem */
	TZ_ACT_MANAGE,     /* run a node's dispatch: periods, imports, problems' assignment, bulletins */
	TZ_ACT_AUDIT,      /* read a node's audit log */
	TZ_ACT_ADMIN,      /* users, the organisation tree, settings */
};
#define TZ_ACT_COUNT 7

/* "view", "report", "raise", "comment", "manage", "audit", "admin". */
const char *tz_action_name(enum tz_action a);

enum tz_access {
	TZ_ALLOW = 0,
	TZ_DENY_HIDE = 1,    /* not visible: 404, nothing about it leaks */
	TZ_DENY_FORBID = 2,  /* visible, but not this action: 403 */
};

enum tz_object_kind {
	TZ_OBJ_NONE = 0,  /* no object: may the role ever do the action? */
	TZ_OBJ_PROJECT,   /* a project (and what hangs off it: reports, problems…) */
	TZ_OBJ_NODE,      /* an organisation node (its dispatch, its audit log, its users) */
};

/* The object of a decision: a plain value; strings borrowed. */
struct tz_object {
	enum tz_object_kind kind;
	int64_t region_id;   /* project: 所属地区 node */
	int64_t unit_id;     /* project: 责任单位 node; 0 when none */
	const char *leader;  /* project: 包联领导 text as stored; NULL or "" when none */
	int64_t node_id;     /* node */
};

/*
 * The decision, from the user's role, node and leader name, the object,
 * and the tree `x` (for subtree checks; may be NULL only for TZ_OBJ_NONE).
 * A disabled user, or one whose node is not in `x`, sees nothing but
 * what the leader rule gives. Never fails.
 */
enum tz_access tz_access_decide(const struct tz_org_index *x, const struct tz_user *u,
				enum tz_action a, const struct tz_object *o);

/* Shorthands filling a struct tz_object. */
struct tz_object tz_object_project(int64_t region_id, int64_t unit_id, const char *leader);
struct tz_object tz_object_node(int64_t node_id);

/*
 * What a user sees, as a query can use it: all (admins), or the projects
 * whose region or unit is one of `nodes` (the user's subtree, `nodes`
 * allocated by the function, the caller frees it), plus, for a leader,
 * those whose 包联领导 matches `leader_key` ("" otherwise). Exactly the
 * projects tz_access_decide() lets the user VIEW.
 */
struct tz_access_scope {
	int all;
	int64_t *nodes;
	size_t nnodes;
	char leader_key[TZ_LEADER_KEY_MAX];
};
void tz_access_scope(const struct tz_org_index *x, const struct tz_user *u,
		     struct tz_access_scope *out);
void tz_access_scope_release(struct tz_access_scope *s);

/*
 * The node whose subtree bounds what user `u` may import (web.md, "People
 * and permissions": a coordinator runs imports for "the city or county
 * node whose dispatch it runs … never another node's subtree"). Returns
 *   0            no bound: an administrator, or a coordinator of the
 *                tree's root (every project lies in its subtree);
 *   u->org_id    any other coordinator: every row of its imports must
 *                concern that node's subtree (tz_access_import_allows);
 *   -1           a user who may not import at all (another role, a
 *                disabled user, a coordinator whose node is not in `x`).
 * Pure; `x` may be NULL (then only an administrator gets 0).
 */
int64_t tz_access_import_bound(const struct tz_org_index *x, const struct tz_user *u);

/*
 * Whether an import bounded by `bound` (tz_access_import_bound) may write
 * a row naming node `id` (a project's 所属地区 or 责任单位, or the region a
 * project is stored under): bound 0 allows every id; a positive bound
 * allows the nodes of its subtree (itself included) and nothing else (no
 * id 0, no node outside `x`). 1 or 0. Pure.
 */
int tz_access_import_allows(const struct tz_org_index *x, int64_t bound, int64_t id);

/*
 * Every node of the subtree of `root` (itself first), appended to *ids
 * (a malloc'd array of *n elements, *alloc allocated; the caller frees).
 */
void tz_org_subtree(const struct tz_org_index *x, int64_t root, int64_t **ids, size_t *n,
		    size_t *alloc);

#endif
