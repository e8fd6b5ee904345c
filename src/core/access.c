/* access.c: the one permission decision; see access.h for the rules. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "core/access.h"
#include "base/banned.h"

static const char *const action_names[TZ_ACT_COUNT] = {
	"view", "report", "raise", "comment", "manage", "audit", "admin",
};

const char *tz_action_name(enum tz_action a)
{
	return (unsigned)a < TZ_ACT_COUNT ? action_names[a] : "";
}

struct tz_object tz_object_project(int64_t region_id, int64_t unit_id, const char *leader)
{
	struct tz_object o = { TZ_OBJ_PROJECT, region_id, unit_id, leader, 0 };
	return o;
}

struct tz_object tz_object_node(int64_t node_id)
{
	struct tz_object o = { TZ_OBJ_NODE, 0, 0, NULL, node_id };
	return o;
}

/* Whether the role may ever do `a`, wherever. */
static int role_may(enum tz_role r, enum tz_action a)
{
	switch (a) {
	case TZ_ACT_VIEW:
		return 1;
	case TZ_ACT_REPORT:
	case TZ_ACT_RAISE:
		return r == TZ_ROLE_REPORTER || r == TZ_ROLE_COORDINATOR;
	case TZ_ACT_COMMENT:
		return r == TZ_ROLE_LEADER || r == TZ_ROLE_COORDINATOR;
	case TZ_ACT_MANAGE:
	case TZ_ACT_AUDIT:
		return r == TZ_ROLE_COORDINATOR || r == TZ_ROLE_ADMIN;
	case TZ_ACT_ADMIN:
		return r == TZ_ROLE_ADMIN;
	}
	return 0;
}

static int within(const struct tz_org_index *x, int64_t id, int64_t root)
{
	return id > 0 && root > 0 && tz_org_index_within(x, id, root);
}

enum tz_access tz_access_decide(const struct tz_org_index *x, const struct tz_user *u,
				enum tz_action a, const struct tz_object *o)
{
	int in_scope, visible;
	char key[TZ_LEADER_KEY_MAX];

	if (!u || u->disabled || u->role < TZ_ROLE_MIN || u->role > TZ_ROLE_MAX ||
	    (unsigned)a >= TZ_ACT_COUNT)
		return TZ_DENY_HIDE;
	if (!o || o->kind == TZ_OBJ_NONE)
		return role_may(u->role, a) ? TZ_ALLOW : TZ_DENY_FORBID;
	if (!x)
		return TZ_DENY_HIDE;

	switch (o->kind) {
	case TZ_OBJ_PROJECT:
		in_scope = within(x, o->region_id, u->org_id) || within(x, o->unit_id, u->org_id);
		visible = u->role == TZ_ROLE_ADMIN || in_scope ||
			  (u->role == TZ_ROLE_LEADER &&
			   tz_leader_match(o->leader, tz_leader_key(u->leader_name, key)));
		break;
	case TZ_OBJ_NODE:
		in_scope = within(x, o->node_id, u->org_id);
		visible = u->role == TZ_ROLE_ADMIN || in_scope;
		break;
	default:
		return TZ_DENY_HIDE;
	}
	if (!visible)
		return TZ_DENY_HIDE;
	if (a == TZ_ACT_VIEW)
		return TZ_ALLOW;
	if (!role_may(u->role, a))
		return TZ_DENY_FORBID;
	/* The role may do it somewhere: here only within its own subtree,
	 * except an admin's rights (everywhere) and a leader's comments
	 * (wherever it sees). */
	if (u->role == TZ_ROLE_ADMIN)
		return TZ_ALLOW;
	if (u->role == TZ_ROLE_LEADER && a == TZ_ACT_COMMENT)
		return TZ_ALLOW;
	return in_scope ? TZ_ALLOW : TZ_DENY_FORBID;
}

int64_t tz_access_import_bound(const struct tz_org_index *x, const struct tz_user *u)
{
	const struct tz_org_node *root = x ? tz_org_index_root(x) : NULL;

	if (tz_access_decide(NULL, u, TZ_ACT_MANAGE, NULL) != TZ_ALLOW)
		return -1;
	if (u->role == TZ_ROLE_ADMIN)
		return 0;
	if (!x || u->org_id <= 0 || !tz_org_index_by_id(x, u->org_id))
		return -1;
	return root && root->id == u->org_id ? 0 : u->org_id;
}

int tz_access_import_allows(const struct tz_org_index *x, int64_t bound, int64_t id)
{
	if (!bound)
		return 1;
	return x && bound > 0 && within(x, id, bound);
}

void tz_org_subtree(const struct tz_org_index *x, int64_t root, int64_t **ids, size_t *n,
		    size_t *alloc)
{
	const struct tz_org_node *r = tz_org_index_by_id(x, root);

	if (!r)
		return;
	TZ_ALLOC_GROW(*ids, *n + 1, *alloc);
	(*ids)[(*n)++] = root;
	for (size_t i = 0; i < tz_org_index_count(x); i++) {
		const struct tz_org_node *nd = tz_org_index_at(x, i);

		if (nd->id != root && tz_org_index_within(x, nd->id, root)) {
			TZ_ALLOC_GROW(*ids, *n + 1, *alloc);
			(*ids)[(*n)++] = nd->id;
		}
	}
}

void tz_access_scope(const struct tz_org_index *x, const struct tz_user *u,
		     struct tz_access_scope *out)
{
	size_t alloc = 0;

	memset(out, 0, sizeof(*out));
	if (!u || u->disabled)
		return;
	/* Every project's region is a node of the tree: the root's subtree
	 * is everything, and a query is faster without a list. */
	if (u->role == TZ_ROLE_ADMIN ||
	    (x && tz_org_index_root(x) && tz_org_index_root(x)->id == u->org_id)) {
		out->all = 1;
		return;
	}
	if (x)
		tz_org_subtree(x, u->org_id, &out->nodes, &out->nnodes, &alloc);
	if (u->role == TZ_ROLE_LEADER)
		tz_leader_key(u->leader_name, out->leader_key);
}

void tz_access_scope_release(struct tz_access_scope *s)
{
	free(s->nodes);
	s->nodes = NULL;
	s->nnodes = 0;
}
