/*
 * api-summary.c: the summaries through the API (docs/api.md):
 *
 *   GET  /api/v1/dashboard?period=                the dashboard's figures
 *   GET  /api/v1/lights?period=&light=&region=     亮灯: counts and lit projects
 *   GET  /api/v1/procedures?period=&project=       前期手续: counts, or a project's
 *   POST /api/v1/projects/{code}/procedures        set one procedure
 *
 * Same view, same figures and same memory as the pages: the dashboard's
 * JSON is computed with its page and kept until the data changes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/dashboard.h"
#include "core/deadline.h"
#include "core/money.h"
#include "core/procedure.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

int api_dashboard(struct tz_req *r)
{
	struct tz_period p;
	struct tz_blob *json = NULL;
	int answered, hit, rc;

	if ((rc = tz_summary_period(r, &p, &answered)) || answered)
		return rc;
	if ((rc = tz_dashboard_blobs(r, p, NULL, &json, &hit)))
		return rc;
	rc = tz_resp_blob(r, 200, "application/json; charset=utf-8", json);
	tz_blob_unref(json);
	/* After the body: choosing a body drops the headers set before. */
	tz_summary_cache_header(r, hit);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Lights                                                              */

static void light_counts(struct tz_json *j, const int64_t *c)
{
	for (int l = TZ_LIGHT_RED; l >= TZ_LIGHT_NONE; l--)
		tz_json_kv_int(j, tz_light_key((enum tz_light)l), c[l]);
}

struct light_ctx {
	struct tz_req *r;
	struct tz_json *j;
	const struct tz_lights *l;
};

static const char *node_name(struct tz_req *r, int64_t id)
{
	const struct tz_org_node *n = id ? tz_org_index_by_id(r->org, id) : NULL;

	return n ? n->name : NULL;
}

static int light_json(void *ctx, const struct tz_light_entry *e)
{
	struct light_ctx *c = ctx;
	struct tz_json *j = c->j;
	char buf[16], per[TZ_PERIOD_FMT_MAX], money[TZ_MONEY_FMT_MAX];

	tz_json_object_begin(j);
	tz_json_kv_str(j, "code", tz_lights_text(c->l, e->code));
	tz_json_kv_str(j, "name", tz_lights_text(c->l, e->name));
	tz_json_kv_str(j, "region", node_name(c->r, e->region_id));
	tz_json_kv_str(j, "unit", node_name(c->r, e->unit_id));
	tz_json_kv_str(j, "leader", tz_lights_text(c->l, e->leader));
	tz_json_kv_str(j, "light", tz_light_key(e->light.light));
	tz_json_kv_str(j, "progress_light", tz_light_key(e->light.progress));
	tz_json_kv_str(j, "start_light", tz_light_key(e->light.start));
	tz_json_kv_str(j, "annual_plan", e->has_plan ? tz_money_fmt(e->annual, money) : NULL);
	tz_json_kv_str(j, "ytd_completed", tz_money_fmt(e->ytd, money));
	if (e->light.has_gap) {
		tz_json_kv_number(j, "ratio", tz_bulletin_rate_json(e->light.ratio, buf));
		tz_json_kv_number(j, "schedule", tz_bulletin_rate_json(e->light.schedule, buf));
		tz_json_kv_number(j, "gap", tz_bulletin_rate_json(e->light.gap, buf));
	} else {
		tz_json_kv_str(j, "ratio", NULL);
		tz_json_kv_str(j, "schedule", NULL);
		tz_json_kv_str(j, "gap", NULL);
	}
	tz_json_kv_str(j, "planned_start",
		       e->planned_start.year ? tz_period_fmt(e->planned_start, per) : NULL);
	tz_json_kv_str(j, "status", e->status ? tz_status_name((enum tz_status)e->status) : NULL);
	tz_json_kv_str(j, "rule", tz_lights_rule(c->r, e));
	tz_json_object_end(j);
	return 0;
}

int api_lights(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	struct tz_light_query q;
	struct tz_blob *blob = NULL;
	struct tz_lights l;
	struct tz_tally *t;
	struct tz_json j;
	struct light_ctx c;
	char per[TZ_PERIOD_FMT_MAX];
	long total = 0;
	int rc, answered, hit;

	if ((rc = tz_light_query_parse(r, &q, &answered)) || answered)
		return rc;
	if (!q.p.year)
		return tz_resp_error(r, 404, "还没有调度数据");
	if ((rc = tz_lights_get(r, q.p, &blob, &l, &hit)))
		return rc;
	tz_summary_cache_header(r, hit);
	if (!(t = tz_lights_tally(r, v, &l))) {
		tz_blob_unref(blob);
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	}
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "period", tz_period_fmt(q.p, per));
	tz_json_kv_str(&j, "view", v->label);
	tz_json_kv_str(&j, "rule", tz_lights_rule_text);
	tz_json_key(&j, "counts");
	tz_json_object_begin(&j);
	light_counts(&j, tz_tally_counters_at(t, 0));
	tz_json_object_end(&j);
	tz_json_key(&j, "nodes");
	tz_json_array_begin(&j);
	for (size_t i = 1; i < tz_tally_count(t); i++) {
		const int64_t *cn = tz_tally_counters_at(t, i);

		if (!(cn[0] + cn[1] + cn[2] + cn[3]))
			continue;
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "code", tz_tally_node_at(t, i)->code);
		tz_json_kv_str(&j, "name", tz_tally_node_at(t, i)->name);
		light_counts(&j, cn);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_tally_free(t);
	tz_json_kv_int(&j, "page", q.page);
	tz_json_kv_int(&j, "per_page", q.per_page);
	tz_json_key(&j, "projects");
	tz_json_array_begin(&j);
	c.r = r;
	c.j = &j;
	c.l = &l;
	rc = tz_lights_select(r, &l, v, &q, light_json, &c, &total);
	tz_blob_unref(blob);
	if (rc) {
		tz_json_release(&j);
		return rc;
	}
	tz_json_array_end(&j);
	tz_json_kv_int(&j, "total", total);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

/* ------------------------------------------------------------------ */
/* Procedures                                                          */

struct proc_ctx {
	struct tz_json *j;
};

static int proc_json(void *ctx, const struct tz_procedure *p)
{
	struct proc_ctx *c = ctx;
	char d[TZ_DATE_FMT_MAX];

	tz_json_object_begin(c->j);
	tz_json_kv_str(c->j, "procedure", p->kind_name);
	tz_json_kv_str(c->j, "status", tz_procedure_status_name(p->status));
	tz_json_kv_str(c->j, "date", p->date ? tz_date_fmt(p->date, d) : NULL);
	tz_json_kv_str(c->j, "doc_no", *p->doc_no ? p->doc_no : NULL);
	tz_json_object_end(c->j);
	return 0;
}

/* One project's procedures. */
static int project_procedures(struct tz_req *r, const char *code)
{
	struct tz_project *rows;
	struct tz_object o;
	struct tz_json j;
	struct proc_ctx c = { &j };
	size_t n;
	int rc;

	rc = tz_store_project_ledger(r->store, code, r->arena, &rows, &n, &r->err);
	if (rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 404, NULL);
	if (rc)
		return rc;
	o = tz_object_project(rows[n - 1].region_id, rows[n - 1].unit_id, rows[n - 1].leader);
	if (!tz_req_allow(r, TZ_ACT_VIEW, &o))
		return 0;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "project", code);
	tz_json_key(&j, "procedures");
	tz_json_array_begin(&j);
	if ((rc = tz_store_procedure_each(r->store, code, proc_json, &c, &r->err))) {
		tz_json_release(&j);
		return rc;
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

static void proc_counts(struct tz_json *j, const int64_t *c)
{
	tz_json_kv_int(j, "required", c[TZ_PRC_REQUIRED]);
	for (int s = 1; s <= TZ_PROC_STATUS_MAX; s++)
		tz_json_kv_int(j, tz_procedure_status_name((enum tz_procedure_status)s),
			       c[TZ_PRC_STATUS(s)]);
	tz_json_kv_int(j, "obtained", c[TZ_PRC_IN_RANGE]);
}

int api_procedures(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	const char *project = tz_web_code(r->arena, tz_req_query(r, "project"));
	struct tz_procedure_kind *kinds;
	struct tz_dashboard d;
	struct tz_tally *t;
	struct tz_period p;
	struct tz_json j;
	struct tz_buf s = TZ_BUF_INIT;
	char per[TZ_PERIOD_FMT_MAX], date[TZ_DATE_FMT_MAX];
	const int64_t *root;
	size_t nk;
	int32_t from, to;
	int rc, answered;

	if (project && *project)
		return project_procedures(r, project);
	if ((rc = tz_summary_period(r, &p, &answered)) || answered)
		return rc;
	if (!p.year)
		return tz_resp_error(r, 404, "还没有调度数据");
	if ((rc = tz_procedure_kinds_load(r, &kinds, &nk)) ||
	    (rc = tz_procedure_counts_view(r, v, p, &t)))
		return rc;
	root = tz_tally_counters_at(t, 0);
	tz_dashboard_init(&d, p);
	tz_dashboard_procedures(&d, root);
	tz_dashboard_procedure_sentence(&d, &s);
	tz_dashboard_year_to_date(p, &from, &to);
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "period", tz_period_fmt(p, per));
	tz_json_kv_str(&j, "view", v->label);
	tz_json_kv_str(&j, "from", tz_date_fmt(from, date));
	tz_json_kv_str(&j, "to", tz_date_fmt(to, date));
	tz_json_kv_str(&j, "sentence", s.buf);
	tz_buf_release(&s);
	proc_counts(&j, root);
	tz_json_key(&j, "nodes");
	tz_json_array_begin(&j);
	for (size_t i = 1; i < tz_tally_count(t); i++) {
		const int64_t *c = tz_tally_counters_at(t, i);

		if (!c[TZ_PRC_REQUIRED])
			continue;
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "code", tz_tally_node_at(t, i)->code);
		tz_json_kv_str(&j, "name", tz_tally_node_at(t, i)->name);
		proc_counts(&j, c);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_key(&j, "kinds");
	tz_json_array_begin(&j);
	for (size_t k = 0; k < nk && k < TZ_PRC_KINDS_MAX; k++) {
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "name", kinds[k].name);
		tz_json_kv_bool(&j, "active", kinds[k].active);
		tz_json_kv_int(&j, "obtained", root[TZ_PRC_KIND(k)]);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	tz_tally_free(t);
	return tz_resp_json(r, 200, &j);
}

int api_procedure_set(struct tz_req *r)
{
	int answered, rc = tz_procedure_do_set(r, &answered);

	if (answered)
		return rc;
	if (rc == TZ_EINVAL || rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 400, r->err.msg);
	if (rc)
		return rc;
	return project_procedures(r, tz_req_param(r, "code"));
}
