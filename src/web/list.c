/* list.c: the project list's filters read from a request; see list.h. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/progress.h"
#include "web/list.h"
#include "base/banned.h"

const char *const tz_list_sorts[TZ_PSORT_COUNT] = {
	"code", "name", "region", "total", "annual", "ytd", "rate",
};

/* A text filter: NULL when absent or empty; too long is an error. */
static int text_arg(struct tz_req *r, const char *name, const char **out)
{
	const char *v = tz_req_query(r, name);

	*out = v && *v ? v : NULL;
	if (v && strlen(v) > 400)
		return tz_err_set(&r->err, TZ_EINVAL, "筛选条件“%s”过长", name);
	return 0;
}

/* The ids of a node's subtree, for a region or unit filter. An unknown
 * code selects nothing (never everything). */
static void node_filter(struct tz_req *r, const char *code, const int64_t **ids, size_t *n)
{
	const struct tz_org_node *node = code ? tz_org_index_by_code(r->org, code) : NULL;
	int64_t *v = NULL;
	size_t len = 0, alloc = 0;

	*ids = NULL;
	*n = 0;
	if (!code)
		return;
	if (node)
		tz_org_subtree(r->org, node->id, &v, &len, &alloc);
	*ids = tz_arena_calloc(r->arena, len + 1, sizeof(int64_t));
	if (len)
		memcpy((int64_t *)*ids, v, len * sizeof(*v));
	*n = len;
	free(v);
}

static void unref_blob(void *b)
{
	tz_blob_unref(b);
}

static int count_none(void *ctx, const struct tz_project_row *row)
{
	(void)ctx;
	(void)row;
	return 0;
}

/* How many projects of `year` the user sees (l->q's scope, no filter). */
static int count_year(struct tz_req *r, const struct tz_list *l, int year, long *n)
{
	struct tz_project_query q;

	memset(&q, 0, sizeof(q));
	q.year = year;
	q.month = 12;
	q.scope_all = l->q.scope_all;
	q.scope_nodes = l->q.scope_nodes;
	q.nscope_nodes = l->q.nscope_nodes;
	q.scope_leader = l->q.scope_leader;
	q.limit = 1;
	*n = 0;
	return tz_store_project_list(r->store, &q, count_none, NULL, n, &r->err);
}

/*
 * The year the list opens on without `year=` (web.md "Project list"):
 * that of the current period (the newest open period governing the
 * user's node, else the latest period with reports); when the user has
 * no project in that year's ledger (a next year's ledger imported before
 * its first period, a year the user's node had nothing in), the latest
 * year in which they have projects. Not the newest ledger year as such:
 * a ledger imported ahead must not empty everybody's list. 0 or a store
 * error.
 */
static int default_year(struct tz_req *r, const struct tz_list *l, long *year)
{
	struct tz_dispatch d;
	struct tz_err ignored;
	long n;
	int rc;

	*year = l->facts.last_year ? l->facts.last_year : 2025;
	if (l->empty)
		return 0;
	rc = tz_store_period_current(r->store, r->user->org_id, &d, &ignored);
	if (!rc)
		*year = d.period.year;
	else if (rc != TZ_ENOTFOUND)
		return tz_err_set(&r->err, rc, "%s", ignored.msg);
	else if (l->facts.last.year)
		*year = l->facts.last.year;
	if ((rc = count_year(r, l, (int)*year, &n)))
		return rc;
	if (n)
		return 0;
	for (int y = l->facts.last_year; y >= l->facts.first_year && y > 0; y--) {
		if ((rc = count_year(r, l, y, &n)))
			return rc;
		if (n) {
			*year = y;
			return 0;
		}
	}
	return 0;
}

int tz_list_parse(struct tz_req *r, int paged, struct tz_list *l)
{
	const struct tz_access_scope *scope = tz_req_scope(r);
	struct tz_project_query *q = &l->q;
	const char *order;
	long year, month;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((rc = tz_web_facts(r->web, r->store, r->version, &l->facts, &r->err)))
		return rc;
	l->empty = !l->facts.last_year;
	q->scope_all = scope->all;
	q->scope_nodes = scope->nodes;
	q->nscope_nodes = scope->nnodes;
	q->scope_leader = scope->leader_key;
	year = l->facts.last_year ? l->facts.last_year : 2025;
	if (!tz_req_query(r, "year") || !*tz_req_query(r, "year"))
		if ((rc = default_year(r, l, &year)))
			return rc;
	if (tz_req_int(r, "year", year, TZ_PERIOD_YEAR_MIN, TZ_PERIOD_YEAR_MAX, &year))
		return tz_err_set(&r->err, TZ_EINVAL, "年度无效");
	if (tz_req_int(r, "month", year == l->facts.last.year ? l->facts.last.month : 12, 1, 12,
		       &month))
		return tz_err_set(&r->err, TZ_EINVAL, "月份无效");
	q->year = (int)year;
	q->month = (int)month;

	if ((rc = text_arg(r, "region", &l->region)) || (rc = text_arg(r, "unit", &l->unit)) ||
	    (rc = text_arg(r, "category", &l->category)) || (rc = text_arg(r, "level", &l->level)) ||
	    (rc = text_arg(r, "nature", &l->nature)) || (rc = text_arg(r, "status", &l->status)) ||
	    (rc = text_arg(r, "leader", &l->leader)) || (rc = text_arg(r, "q", &l->text)) ||
	    (rc = text_arg(r, "sort", &l->sort)))
		return rc;
	node_filter(r, l->region, &q->regions, &q->nregions);
	node_filter(r, l->unit, &q->units, &q->nunits);
	q->category = l->category;
	q->level = l->level;
	q->nature = l->nature;
	q->text = l->text;
	if (l->leader) {
		char *key = tz_arena_alloc(r->arena, TZ_LEADER_KEY_MAX);

		q->leader = tz_leader_key(l->leader, key);
	}
	if (l->status) {
		enum tz_status st;

		if (!strcmp(l->status, "未报"))
			q->status = -1;
		else if (!tz_status_parse(l->status, strlen(l->status), &st, NULL))
			q->status = (int)st;
		else
			return tz_err_set(&r->err, TZ_EINVAL, "开工状态“%s”无效", l->status);
	}
	q->sort = TZ_PSORT_CODE;
	if (l->sort) {
		int found = 0;

		for (int i = 0; i < TZ_PSORT_COUNT; i++) {
			if (!strcmp(l->sort, tz_list_sorts[i])) {
				q->sort = (enum tz_project_sort)i;
				found = 1;
			}
		}
		if (!found)
			return tz_err_set(&r->err, TZ_EINVAL, "排序方式“%s”无效", l->sort);
	}
	order = tz_req_query(r, "order");
	if (order && *order && strcmp(order, "asc") && strcmp(order, "desc"))
		return tz_err_set(&r->err, TZ_EINVAL, "order 应为 asc 或 desc");
	q->desc = order && !strcmp(order, "desc");
	if ((rc = text_arg(r, "light", &l->light)))
		return rc;
	if (l->light) {
		for (int k = TZ_LIGHT_NONE; k <= TZ_LIGHT_RED; k++)
			if (!strcmp(l->light, tz_light_key((enum tz_light)k)) ||
			    !strcmp(l->light, tz_light_name((enum tz_light)k)))
				l->light_want = k + 1;
		if (!l->light_want)
			return tz_err_set(&r->err, TZ_EINVAL, "亮灯应为 red、yellow、green 或 none");
	}
	/* A year with no period reported yet (next year's ledger imported
	 * ahead) is not lit: another year's schedule never applies to it
	 * (web.md "Traffic lights"; the project page says the same). */
	l->unlit = !l->empty && (!l->facts.last.year || q->year > l->facts.last.year);
	if (!l->empty && !l->unlit) {
		struct tz_blob *blob;
		struct tz_period p = { q->year, q->month };

		if ((rc = tz_lights_get(r, p, &blob, &l->lights, NULL)))
			return rc;
		tz_arena_on_release(r->arena, unref_blob, blob);
		l->has_lights = 1;
	}
	if (tz_req_int(r, "page", 1, 1, 1000000, &l->page))
		return tz_err_set(&r->err, TZ_EINVAL, "页码无效");
	if (tz_req_int(r, "per_page", 50, 1, 500, &l->per_page))
		return tz_err_set(&r->err, TZ_EINVAL, "每页条数应为1到500");
	if (paged) {
		q->limit = l->per_page;
		q->offset = (l->page - 1) * l->per_page;
	}
	return 0;
}

/* The light filter: every row of the other filters, in order, those of
 * the light kept and the page cut here. */
struct lit_ctx {
	const struct tz_list *l;
	int (*fn)(void *ctx, const struct tz_project_row *row);
	void *ctx;
	long total, skip, take;
};

static int lit_row(void *c, const struct tz_project_row *row)
{
	struct lit_ctx *x = c;
	const struct tz_light_entry *e = tz_lights_find(&x->l->lights, row->p.code);

	if (!e || (int)e->light.light + 1 != x->l->light_want)
		return 0;
	x->total++;
	if (x->skip) {
		x->skip--;
		return 0;
	}
	if (x->take == 0)
		return 0;
	if (x->take > 0)
		x->take--;
	return x->fn(x->ctx, row);
}

static int run_lit(struct tz_req *r, const struct tz_list *l,
		   int (*fn)(void *ctx, const struct tz_project_row *row), void *ctx, long *total)
{
	struct tz_project_query q = l->q;
	struct lit_ctx x = { l, fn, ctx, 0, q.offset, q.limit ? q.limit : -1 };
	int rc;

	q.offset = 0;
	q.limit = 0;
	rc = l->has_lights ? tz_store_project_list(r->store, &q, lit_row, &x, NULL, &r->err) : 0;
	if (total)
		*total = x.total;
	return rc;
}

int tz_list_run(struct tz_req *r, const struct tz_list *l,
		int (*fn)(void *ctx, const struct tz_project_row *row), void *ctx, long *total)
{
	static const char *const counted[] = {
		"year", "month", "region", "unit", "category", "level", "nature", "status", "leader", "q",
		"light",
	};
	struct tz_buf key = TZ_BUF_INIT;
	struct tz_blob *b;
	int rc;

	if (l->light_want)
		return run_lit(r, l, fn, ctx, total);
	if (!total)
		return tz_store_project_list(r->store, &l->q, fn, ctx, NULL, &r->err);
	/* The key: who sees (everything, or this user's scope) and every
	 * parameter that changes the count, as given. */
	tz_buf_addf(&key, "count:%lld", tz_req_scope(r)->all ? 0LL : (long long)r->user->id);
	for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
		const char *v = tz_req_query(r, counted[i]);

		tz_buf_addf(&key, "\x1f%s=", counted[i]);
		tz_buf_adds(&key, v ? v : "");
	}
	b = tz_cache_get(r->web->cache, key.buf, r->version);
	if (b) {
		*total = strtol(b->data, NULL, 10);
		tz_blob_unref(b);
		rc = tz_store_project_list(r->store, &l->q, fn, ctx, NULL, &r->err);
	} else {
		char num[24];

		rc = tz_store_project_list(r->store, &l->q, fn, ctx, total, &r->err);
		if (!rc) {
			snprintf(num, sizeof(num), "%ld", *total);
			b = tz_blob_new(num, strlen(num));
			tz_cache_put(r->web->cache, key.buf, r->version, b);
			tz_blob_unref(b);
		}
	}
	tz_buf_release(&key);
	return rc;
}
