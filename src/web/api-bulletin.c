/*
 * api-bulletin.c: GET /api/v1/bulletin?period=YYYY-MM&by=region: the
 * monthly bulletin as the JSON of ledger.md, computed once per data
 * change and kept in memory (web.md "Pages that summarise").
 *
 * The groups and totals are the city's whole ranking, the same for
 * everyone. The lists of projects (lagging, not reported) name projects,
 * so a user who does not see the whole city gets only those it may see:
 * its answer is written here with the lists filtered through the access
 * decision; everyone else gets exactly `taizhang bulletin --format json`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bulletin.h"
#include "core/money.h"
#include "report/writer.h"
#include "store/store.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

/* Whether the user sees a listed project, known by its names. */
static int visible(void *ctx, const char *region, const char *unit, const char *leader)
{
	struct tz_req *r = ctx;
	const struct tz_org_node *rn = tz_org_index_find(r->org, region, strlen(region),
							 TZ_ORG_WANT_REGION);
	const struct tz_org_node *un = unit && *unit ? tz_org_index_find(r->org, unit, strlen(unit),
									 TZ_ORG_WANT_UNIT) : NULL;
	struct tz_object o = tz_object_project(rn ? rn->id : 0, un ? un->id : 0, leader);

	return tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) == TZ_ALLOW;
}

/* Compute the bulletin and write it: the CLI's writer for users who see
 * everything, the filtered one for the others. 0 with *out; TZ_ENOTFOUND
 * when nobody reported for the period (r->err says so). */
static int compute(struct tz_req *r, struct tz_period p, enum tz_bulletin_by by, int all,
		   struct tz_blob **out)
{
	struct tz_bulletin *b = tz_bulletin_new(p, by);
	int rc;

	*out = NULL;
	if ((rc = tz_store_bulletin(r->store, b, &r->err)) || (rc = tz_bulletin_finish(b, &r->err)))
		goto out;
	if (all) {
		char *text = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&text, &len);

		if (!fp) {
			rc = tz_err_set(&r->err, TZ_EIO, "open_memstream failed");
			goto out;
		}
		rc = tz_bulletin_json.write(b, fp, &r->err);
		if (fclose(fp) && !rc)
			rc = tz_err_set(&r->err, TZ_EIO, "writing the bulletin failed");
		if (!rc)
			*out = tz_blob_new(text, len);
		free(text);
	} else {
		struct tz_json j;

		tz_json_init(&j, NULL, 0);
		tz_bulletin_json_object(b, &j, visible, r);
		rc = tz_json_finish(&j);
		if (!rc) {
			tz_buf_addch(&j.out, '\n');
			*out = tz_blob_new(j.out.buf, j.out.len);
		}
		tz_json_release(&j);
	}
out:
	tz_bulletin_free(b);
	return rc;
}

int api_bulletin(struct tz_req *r)
{
	const struct tz_access_scope *scope = tz_req_scope(r);
	const char *period_arg = tz_req_query(r, "period"), *by_arg = tz_req_query(r, "by");
	enum tz_bulletin_by by = TZ_BY_REGION;
	struct tz_web_facts facts;
	struct tz_period p;
	struct tz_blob *b;
	char key[96], per[TZ_PERIOD_FMT_MAX];
	int rc;

	if (by_arg && *by_arg && tz_bulletin_by_parse(by_arg, &by))
		return tz_resp_error(r, 400, "by 应为 region、category、level、leader 或 unit");
	if (period_arg && *period_arg) {
		if (tz_period_parse(period_arg, strlen(period_arg), &p, NULL))
			return tz_resp_error(r, 400, "period 应为 YYYY-MM");
	} else {
		if ((rc = tz_web_facts(r->web, r->store, r->version, &facts, &r->err)))
			return rc;
		if (!facts.last.year)
			return tz_resp_error(r, 404, "还没有调度数据");
		p = facts.last;
	}
	/* One answer per period, grouping and (for partial views) user. */
	snprintf(key, sizeof(key), "bulletin:%s:%s:%lld", tz_period_fmt(p, per), tz_bulletin_by_name(by),
		 scope->all ? 0LL : (long long)r->user->id);
	b = tz_cache_get(r->web->cache, key, r->version);
	if (!b) {
		rc = compute(r, p, by, scope->all, &b);
		if (rc == TZ_ENOTFOUND)
			return tz_resp_error(r, 404, r->err.msg);
		if (rc)
			return rc;
		tz_cache_put(r->web->cache, key, r->version, b);
	}
	rc = tz_resp_blob(r, 200, "application/json; charset=utf-8", b);
	tz_blob_unref(b);
	return rc;
}
