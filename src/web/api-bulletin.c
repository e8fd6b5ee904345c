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

static void money(struct tz_json *j, const char *key, int64_t v)
{
	char buf[TZ_MONEY_FMT_MAX];

	tz_json_kv_str(j, key, tz_money_fmt(v, buf));
}

static void rate(struct tz_json *j, const char *key, int has, int32_t v)
{
	char buf[16];

	if (has)
		tz_json_kv_number(j, key, tz_bulletin_rate_json(v, buf));
	else
		tz_json_kv_str(j, key, NULL);
}

static void figures(struct tz_json *j, const struct tz_bulletin_group *g)
{
	tz_json_kv_int(j, "projects", g->projects);
	money(j, "total_investment", g->total);
	money(j, "annual_plan", g->annual);
	money(j, "ytd_completed", g->ytd);
	rate(j, "completion_rate", g->has_rate, g->completion_rate);
	tz_json_kv_int(j, "started", g->started);
	rate(j, "start_rate", 1, g->start_rate);
}

static void reporting(struct tz_json *j, const struct tz_bulletin_group *g)
{
	tz_json_kv_int(j, "reported", g->reported);
	tz_json_kv_int(j, "not_reported", g->not_reported);
	money(j, "ytd_completed_unplanned", g->ytd_unplanned);
}

/* Whether the user sees a listed project, known by its names. */
static int visible(struct tz_req *r, const char *region, const char *unit, const char *leader)
{
	const struct tz_org_node *rn = tz_org_index_find(r->org, region, strlen(region),
							 TZ_ORG_WANT_REGION);
	const struct tz_org_node *un = unit && *unit ? tz_org_index_find(r->org, unit, strlen(unit),
									 TZ_ORG_WANT_UNIT) : NULL;
	struct tz_object o = tz_object_project(rn ? rn->id : 0, un ? un->id : 0, leader);

	return tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) == TZ_ALLOW;
}

/* The bulletin's JSON with the project lists cut to what `r` sees. */
static void write_filtered(struct tz_req *r, const struct tz_bulletin *b, struct tz_json *j)
{
	char period[TZ_PERIOD_FMT_MAX], buf[16];

	tz_json_object_begin(j);
	tz_json_kv_str(j, "period", tz_period_fmt(tz_bulletin_period(b), period));
	tz_json_kv_int(j, "year", tz_bulletin_period(b).year);
	tz_json_kv_number(j, "schedule", tz_bulletin_rate_json(tz_bulletin_schedule(b), buf));
	tz_json_kv_str(j, "by", tz_bulletin_by_name(tz_bulletin_by(b)));
	tz_json_key(j, "groups");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(b, i);

		tz_json_object_begin(j);
		tz_json_kv_str(j, "key", g->key);
		figures(j, g);
		tz_json_key(j, "rank");
		if (g->has_rate)
			tz_json_int(j, g->rank);
		else
			tz_json_null(j);
		tz_json_key(j, "rank_change");
		if (g->has_rank_change)
			tz_json_int(j, g->rank_change);
		else
			tz_json_null(j);
		tz_json_kv_bool(j, "below_average", g->below_average);
		reporting(j, g);
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
	tz_json_key(j, "totals");
	tz_json_object_begin(j);
	figures(j, tz_bulletin_totals(b));
	reporting(j, tz_bulletin_totals(b));
	tz_json_object_end(j);
	tz_json_key(j, "lagging");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++) {
		const struct tz_bulletin_lag *l = tz_bulletin_lag_at(b, i);

		if (!visible(r, l->region, l->unit, l->leader))
			continue;
		tz_json_object_begin(j);
		tz_json_kv_str(j, "code", l->code);
		tz_json_kv_str(j, "name", l->name);
		tz_json_kv_str(j, "region", l->region);
		money(j, "annual_plan", l->annual);
		money(j, "ytd_completed", l->ytd);
		tz_json_kv_number(j, "ratio", tz_bulletin_rate_json(l->ratio, buf));
		tz_json_kv_str(j, "leader", l->leader);
		tz_json_kv_str(j, "unit", l->unit);
		tz_json_kv_str(j, "problem", l->problem);
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
	tz_json_key(j, "not_reported");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_missing_count(b); i++) {
		const struct tz_bulletin_missing *m = tz_bulletin_missing_at(b, i);

		if (!visible(r, m->region, m->unit, m->leader))
			continue;
		tz_json_object_begin(j);
		tz_json_kv_str(j, "code", m->code);
		tz_json_kv_str(j, "name", m->name);
		tz_json_kv_str(j, "region", m->region);
		tz_json_kv_str(j, "unit", m->unit);
		tz_json_kv_str(j, "leader", m->leader);
		tz_json_kv_str(j, "group", m->key);
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
	tz_json_object_end(j);
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
		write_filtered(r, b, &j);
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
