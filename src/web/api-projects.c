/*
 * api-projects.c: /api/v1/me, /api/v1/projects and /api/v1/projects/{code}
 * (docs/api.md): the same data and the same rules as the pages, as JSON.
 * Money is a decimal string in 万元 ("12345.67"), as in the bulletin.
 */
#include <string.h>

#include "core/money.h"
#include "core/progress.h"
#include "store/store.h"
#include "web/list.h"
#include "web/pages.h"
#include "base/banned.h"

static void money(struct tz_json *j, const char *key, int64_t v)
{
	char buf[TZ_MONEY_FMT_MAX];

	tz_json_kv_str(j, key, tz_money_fmt(v, buf));
}

int api_me(struct tz_req *r)
{
	const struct tz_user *u = r->user;
	const struct tz_org_node *n = tz_org_index_by_id(r->org, u->org_id);
	struct tz_json j;

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "login", u->login);
	tz_json_kv_str(&j, "name", u->name);
	tz_json_kv_str(&j, "role", tz_role_name(u->role));
	tz_json_key(&j, "org");
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "code", n ? n->code : "");
	tz_json_kv_str(&j, "name", n ? n->name : "");
	tz_json_object_end(&j);
	if (u->role == TZ_ROLE_LEADER)
		tz_json_kv_str(&j, "leader_name", u->leader_name);
	tz_json_kv_bool(&j, "token", r->by_token);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

/* The fields of a project every answer shares. */
static void project_fields(struct tz_json *j, const struct tz_project *p)
{
	char start[TZ_PERIOD_FMT_MAX];

	tz_json_kv_str(j, "code", p->code);
	tz_json_kv_str(j, "name", p->name);
	tz_json_kv_str(j, "region", p->region);
	tz_json_kv_str(j, "unit", p->unit);
	tz_json_kv_str(j, "category", p->category);
	tz_json_kv_str(j, "level", p->level);
	tz_json_kv_str(j, "nature", p->nature);
	tz_json_kv_str(j, "owner", p->owner);
	tz_json_kv_str(j, "leader", p->leader);
	tz_json_kv_str(j, "years", p->years);
	money(j, "total_investment", p->total);
	tz_json_kv_str(j, "planned_start",
		       p->planned_start.year ? tz_period_fmt(p->planned_start, start) : NULL);
}

struct list_json {
	struct tz_json *j;
	const struct tz_list *l;
};

static int row_json(void *ctx, const struct tz_project_row *row)
{
	const struct list_json *c = ctx;
	struct tz_json *j = c->j;
	const struct tz_light_entry *e = c->l->has_lights ? tz_lights_find(&c->l->lights, row->p.code)
							   : NULL;
	const struct tz_project *p = &row->p;
	char rate[16];

	tz_json_object_begin(j);
	project_fields(j, p);
	tz_json_kv_int(j, "year", p->year);
	if (p->has_plan)
		money(j, "annual_plan", p->annual);
	else
		tz_json_kv_str(j, "annual_plan", NULL);
	money(j, "ytd_completed", row->ytd);
	if (p->has_plan && p->annual > 0)
		tz_json_kv_number(j, "completion_rate",
				  tz_bulletin_rate_json(tz_rate(row->ytd, p->annual), rate));
	else
		tz_json_kv_str(j, "completion_rate", NULL);
	tz_json_kv_str(j, "status", row->status ? tz_status_name((enum tz_status)row->status) : NULL);
	tz_json_kv_bool(j, "reported", row->reported);
	tz_json_kv_str(j, "light", e ? tz_light_key(e->light.light) : NULL);
	tz_json_object_end(j);
	return 0;
}

int api_projects(struct tz_req *r)
{
	struct tz_list l;
	struct tz_json j;
	struct list_json c = { &j, &l };
	long total = 0;
	int rc;

	if ((rc = tz_list_parse(r, 1, &l)))
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_int(&j, "year", l.q.year);
	if (l.unlit)
		tz_json_kv_str(&j, "month", NULL);
	else
		tz_json_kv_int(&j, "month", l.q.month);
	tz_json_kv_bool(&j, "lit", !l.unlit);
	tz_json_kv_int(&j, "page", l.page);
	tz_json_kv_int(&j, "per_page", l.per_page);
	tz_json_key(&j, "projects");
	tz_json_array_begin(&j);
	rc = tz_list_run(r, &l, row_json, &c, &total);
	if (rc) {
		tz_json_release(&j);
		return rc;
	}
	tz_json_array_end(&j);
	tz_json_kv_int(&j, "total", total);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

int api_project(struct tz_req *r)
{
	const char *code = tz_req_param(r, "code");
	struct tz_project *years;
	struct tz_progress *reps;
	struct tz_object o;
	struct tz_json j;
	size_t ny, nr;
	char per[TZ_PERIOD_FMT_MAX];
	int rc;

	rc = tz_store_project_ledger(r->store, code, r->arena, &years, &ny, &r->err);
	if (rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 404, NULL);
	if (rc)
		return rc;
	o = tz_object_project(years[ny - 1].region_id, years[ny - 1].unit_id, years[ny - 1].leader);
	if (!tz_req_allow(r, TZ_ACT_VIEW, &o))
		return 0;
	if ((rc = tz_store_project_reports(r->store, code, r->arena, &reps, &nr, &r->err)))
		return rc;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	project_fields(&j, &years[ny - 1]);
	tz_json_kv_str(&j, "stage", years[ny - 1].stage);
	tz_json_key(&j, "ledger");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < ny; i++) {
		tz_json_object_begin(&j);
		tz_json_kv_int(&j, "year", years[i].year);
		tz_json_kv_str(&j, "level", years[i].level);
		tz_json_kv_str(&j, "nature", years[i].nature);
		if (years[i].has_plan)
			money(&j, "annual_plan", years[i].annual);
		else
			tz_json_kv_str(&j, "annual_plan", NULL);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_key(&j, "reports");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < nr; i++) {
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "period", tz_period_fmt(reps[i].period, per));
		money(&j, "completed", reps[i].completed);
		tz_json_kv_str(&j, "status", tz_status_name(reps[i].status));
		tz_json_kv_str(&j, "progress", reps[i].progress_text);
		tz_json_kv_str(&j, "problem", reps[i].problem);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}
