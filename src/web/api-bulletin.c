/*
 * api-bulletin.c: GET /api/v1/bulletin?period=YYYY-MM&by=region: the
 * monthly bulletin as the JSON of ledger.md, computed once per data
 * change and kept in memory (web.md "Pages that summarise").
 *
 * The bulletin of the projects the caller sees (web.md "People and
 * permissions": a reporter sees its own projects, a coordinator its
 * subtree, a leader its subtree and 包联 projects; summary.h "the view"),
 * as the 通报 page and its downloads (ui-bulletin.c) give it: for a user
 * who sees the whole city exactly `taizhang bulletin --format json`; for
 * a county's user its county's groups, totals and lists, byte for byte
 * the JSON of GET /bulletin/export?format=json, so that the API, the page
 * and every file of one user say the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bulletin.h"
#include "report/writer.h"
#include "store/store.h"
#include "web/internal.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

/* Compute the view's bulletin and write its JSON with the CLI's writer.
 * 0 with *out; TZ_ENOTFOUND when none of the view's projects reported
 * for the period (r->err says so). */
static int compute(struct tz_req *r, const struct tz_view *v, struct tz_period p,
		   enum tz_bulletin_by by, struct tz_blob **out)
{
	struct tz_bulletin *b = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	*out = NULL;
	if ((rc = tz_summary_bulletin(r, v, p, by, &b)))
		return rc;
	fp = open_memstream(&text, &len);
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
out:
	tz_bulletin_free(b);
	return rc;
}

int api_bulletin(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	const char *period_arg = tz_req_query(r, "period"), *by_arg = tz_req_query(r, "by");
	enum tz_bulletin_by by = TZ_BY_REGION;
	struct tz_web_facts facts;
	struct tz_period p;
	struct tz_blob *b;
	char key[400], per[TZ_PERIOD_FMT_MAX];
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
	/* One answer per period, grouping and view (users who see the same
	 * projects share it). */
	snprintf(key, sizeof(key), "bulletin:%s:%s:%s", tz_period_fmt(p, per), tz_bulletin_by_name(by),
		 v->key);
	b = tz_cache_get(r->web->cache, key, r->version);
	if (!b) {
		rc = compute(r, v, p, by, &b);
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
