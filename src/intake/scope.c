/* scope.c: an import bounded to one node's subtree; see scope.h. */
#include <string.h>

#include "base/hmap.h"
#include "core/access.h"
#include "intake/scope.h"
#include "base/banned.h"

/* The key of a code as the store's import matches it (ASCII case aside). */
static void code_key(struct tz_buf *key, const char *code)
{
	tz_buf_reset(key);
	tz_buf_adds(key, code);
	for (size_t i = 0; i < key->len; i++)
		if (key->buf[i] >= 'a' && key->buf[i] <= 'z')
			key->buf[i] = (char)(key->buf[i] - 'a' + 'A');
}

static int learn(void *ctx, const struct tz_project *p)
{
	struct tz_scope *s = ctx;

	code_key(&s->key, p->code);
	tz_hmap_put(s->regions, s->key.buf, s->key.len, p->region_id, NULL);
	tz_hmap_put(s->units, s->key.buf, s->key.len, p->unit_id, NULL);
	return 0;
}

int tz_scope_load(struct tz_scope *s, struct tz_store *store, int64_t root, struct tz_err *err)
{
	const struct tz_org_node *n;
	int rc;

	memset(s, 0, sizeof(*s));
	tz_buf_init(&s->key, 0);
	s->root = root;
	s->root_name = "";
	if (!root)
		return 0;
	s->x = tz_org_index_new();
	s->regions = tz_hmap_new();
	s->units = tz_hmap_new();
	if ((rc = tz_store_org_load(store, s->x, err)))
		return rc;
	if ((n = tz_org_index_by_id(s->x, root)))
		s->root_name = n->name;
	return tz_store_each_project(store, 0, learn, s, err);
}

void tz_scope_release(struct tz_scope *s)
{
	tz_org_index_free(s->x);
	tz_hmap_free(s->regions);
	tz_hmap_free(s->units);
	tz_buf_release(&s->key);
	memset(s, 0, sizeof(*s));
}

/* A node's name for a message; "？" for one the tree does not hold. */
static const char *node_name(const struct tz_scope *s, int64_t id)
{
	const struct tz_org_node *n = tz_org_index_by_id(s->x, id);

	return n ? n->name : "？";
}

/* Whether a row names its project by a code ("-": not yet, a list
 * without codes). */
static int coded(const struct tz_project *p)
{
	return p->code && *p->code && strcmp(p->code, "-");
}

int tz_scope_ledger_region(const struct tz_scope *s, const struct tz_project *p,
			   struct tz_err *why)
{
	if (!s->root || tz_access_import_allows(s->x, s->root, p->region_id))
		return 0;
	if (coded(p))
		return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "所属地区",
				     "项目编号 %s 属于%s，不在您管辖的%s范围内，不能导入", p->code,
				     node_name(s, p->region_id), s->root_name);
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "所属地区",
			     "项目“%s”属于%s，不在您管辖的%s范围内，不能导入", p->name,
			     node_name(s, p->region_id), s->root_name);
}

int tz_scope_ledger_project(struct tz_scope *s, const struct tz_project *p, struct tz_err *why)
{
	int64_t unit = 0;
	int rc, stored = 0;

	if (!s->root)
		return 0;
	if (coded(p)) {
		if ((rc = tz_scope_report(s, p->code, why)))
			return rc;
		code_key(&s->key, p->code);
		stored = tz_hmap_get(s->units, s->key.buf, s->key.len, &unit);
	}
	if (!p->unit_id || tz_access_import_allows(s->x, s->root, p->unit_id) ||
	    (stored && unit == p->unit_id))
		return 0;
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "责任单位",
			     "项目编号 %s 的责任单位“%s”不在您管辖的%s范围内，不能导入："
			     "责任单位应为%s范围内的单位、该项目原有的责任单位，或留空",
			     coded(p) ? p->code : "（未编号）", node_name(s, p->unit_id),
			     s->root_name, s->root_name);
}

int tz_scope_report(struct tz_scope *s, const char *code, struct tz_err *why)
{
	int64_t region;

	if (!s->root)
		return 0;
	code_key(&s->key, code);
	if (!tz_hmap_get(s->regions, s->key.buf, s->key.len, &region) ||
	    tz_access_import_allows(s->x, s->root, region))
		return 0;
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "项目编号",
			     "项目编号 %s 属于%s，不在您管辖的%s范围内，不能导入", code,
			     node_name(s, region), s->root_name);
}
