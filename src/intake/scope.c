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

int tz_scope_allows(const struct tz_scope *s, int64_t node)
{
	return !s->root || tz_access_import_allows(s->x, s->root, node);
}

int tz_scope_ledger_region(const struct tz_scope *s, const struct tz_project *p,
			   struct tz_err *why)
{
	if (tz_scope_allows(s, p->region_id))
		return 0;
	if (coded(p))
		return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "所属地区",
				     "项目编号 %s 的所属地区“%s”不在您管辖的%s范围内，不能导入",
				     p->code, node_name(s, p->region_id), s->root_name);
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "所属地区",
			     "项目“%s”的所属地区“%s”不在您管辖的%s范围内，不能导入", p->name,
			     node_name(s, p->region_id), s->root_name);
}

/* The stored 所属地区 of project `code`: 1 and *region, or 0 when no
 * project is stored under it. */
static int stored_region(struct tz_scope *s, const char *code, int64_t *region)
{
	code_key(&s->key, code);
	return tz_hmap_get(s->regions, s->key.buf, s->key.len, region);
}

int tz_scope_ledger_project(struct tz_scope *s, const struct tz_project *p, struct tz_err *why)
{
	int64_t unit = 0, region;
	int stored = 0;

	if (!s->root)
		return 0;
	if (coded(p)) {
		if (stored_region(s, p->code, &region) && !tz_scope_allows(s, region))
			return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "项目编号",
					     "项目编号 %s 已被您管辖的%s范围以外的项目使用，不能导入；"
					     "请核对项目编号", p->code, s->root_name);
		code_key(&s->key, p->code);
		stored = tz_hmap_get(s->units, s->key.buf, s->key.len, &unit);
	}
	if (!p->unit_id || tz_scope_allows(s, p->unit_id) || (stored && unit == p->unit_id))
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

	if (!s->root || (stored_region(s, code, &region) && tz_scope_allows(s, region)))
		return 0;
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "项目编号",
			     "项目编号 %s 不是您管辖的%s范围内台账中的项目（台账中没有这个编号，"
			     "或项目不属于%s），该行未导入；请核对项目编号",
			     code, s->root_name, s->root_name);
}

int tz_scope_report_region(const struct tz_scope *s, const char *region, struct tz_err *why)
{
	const struct tz_org_node *n;

	if (!s->root || !region || !*region)
		return 0;
	n = tz_org_index_find(s->x, region, strlen(region), TZ_ORG_WANT_REGION);
	if (!n || tz_scope_allows(s, n->id))
		return 0;
	return tz_err_set_at(why, TZ_ENOTFOUND, NULL, 0, "所属地区",
			     "所属地区“%.100s”不在您管辖的%s范围内，该行未导入", region,
			     s->root_name);
}
