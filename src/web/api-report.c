/*
 * api-report.c: the dispatch part of the JSON API (docs/api.md):
 *
 *   GET  /api/v1/periods           the periods the caller sees, and the
 *                                   one it reports for now
 *   POST /api/v1/reports           a month's reports, saved all or nothing
 *                                   exactly as the form saves them; field
 *                                   errors answer 422 with every error
 *   GET  /api/v1/ontime?period=    按时报送率 and 报送率 per region and
 *                                   department, and the 未报送 list
 *
 * Same data, same access decision and same rules as the pages (web.md):
 * the save goes through tz_web_report_check and tz_web_report_save, the
 * rate through tz_web_ontime.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/bulletin.h"
#include "core/money.h"
#include "web/dispatch.h"
#include "web/pages.h"
#include "base/banned.h"

static void node_json(struct tz_json *j, const char *key, const struct tz_org_node *n)
{
	tz_json_key(j, key);
	tz_json_object_begin(j);
	tz_json_kv_str(j, "code", n ? n->code : "");
	tz_json_kv_str(j, "name", n ? n->name : "");
	tz_json_object_end(j);
}

static void dispatch_json(struct tz_req *r, struct tz_json *j, const struct tz_dispatch *d)
{
	char per[TZ_PERIOD_FMT_MAX];

	tz_json_kv_str(j, "period", tz_period_fmt(d->period, per));
	node_json(j, "node", tz_org_index_by_id(r->org, d->node_id));
	tz_json_kv_str(j, "state", d->state == TZ_DISPATCH_OPEN ? "open" : "closed");
	tz_json_kv_str(j, "state_name", tz_dispatch_state_name(d->state));
	tz_json_kv_str(j, "deadline", tz_web_iso_time(r, d->deadline));
	tz_json_kv_str(j, "opened_at", tz_web_iso_time(r, d->opened_at));
	tz_json_kv_str(j, "closed_at",
		       d->state == TZ_DISPATCH_CLOSED ? tz_web_iso_time(r, d->closed_at) : NULL);
}

/* ------------------------------------------------------------------ */
/* GET /api/v1/periods                                                 */

struct periods {
	struct tz_req *r;
	struct tz_json *j;
};

static int period_json(void *ctx, const struct tz_dispatch *d)
{
	struct periods *ps = ctx;
	struct tz_req *r = ps->r;
	struct tz_object o = tz_object_node(d->node_id);

	/* Those of nodes the caller sees, and those that govern its node. */
	if (tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) != TZ_ALLOW &&
	    !tz_org_index_within(r->org, r->user->org_id, d->node_id))
		return 0;
	tz_json_object_begin(ps->j);
	dispatch_json(r, ps->j, d);
	tz_json_kv_bool(ps->j, "manage",
			tz_access_decide(r->org, r->user, TZ_ACT_MANAGE, &o) == TZ_ALLOW);
	tz_json_object_end(ps->j);
	return 0;
}

int api_periods(struct tz_req *r)
{
	struct tz_json j;
	struct periods ps = { r, &j };
	struct tz_dispatch d;
	struct tz_err why;
	int rc;

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_key(&j, "current");
	rc = tz_store_period_current(r->store, r->user->org_id, &d, &why);
	if (!rc) {
		tz_json_object_begin(&j);
		dispatch_json(r, &j, &d);
		tz_json_object_end(&j);
	} else if (rc == TZ_ENOTFOUND) {
		tz_json_null(&j);
	} else {
		tz_json_release(&j);
		r->err = why;
		return rc;
	}
	tz_json_key(&j, "periods");
	tz_json_array_begin(&j);
	if ((rc = tz_store_period_each(r->store, 0, period_json, &ps, &r->err))) {
		tz_json_release(&j);
		return rc;
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

/* ------------------------------------------------------------------ */
/* POST /api/v1/reports                                                */

/* The API's name of a form field. */
static const char *field_key(const char *label)
{
	static const char *const keys[][2] = {
		{ "本期完成投资(万元)", "completed" }, { "开工状态", "status" },
		{ "形象进度", "progress" }, { "存在问题", "problem" },
	};

	for (size_t i = 0; label && i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(label, keys[i][0]))
			return keys[i][1];
	return label && *label ? "code" : NULL;
}

/* A text member: a string without NUL, or (completed) a number read to
 * 15 significant digits; NULL for an absent or null member. *bad when it
 * is of another type. */
static const char *member(struct tz_req *r, json_t *o, const char *key, int number_ok, int *bad)
{
	json_t *v = json_object_get(o, key);
	char buf[64];

	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v)) {
		if (strlen(json_string_value(v)) != json_string_length(v)) {
			*bad = 1;
			return NULL;
		}
		return tz_arena_strdup(r->arena, json_string_value(v));
	}
	if (number_ok && json_is_integer(v)) {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return tz_arena_strdup(r->arena, buf);
	}
	if (number_ok && json_is_real(v)) {
		snprintf(buf, sizeof(buf), "%.15g", json_real_value(v));
		return tz_arena_strdup(r->arena, buf);
	}
	*bad = 1;
	return NULL;
}

/* A field error of reports[index]. */
struct api_error {
	size_t index;
	const char *code;
	const char *label;   /* the form's label, "" for the report as a whole */
	const char *msg;
};

/* The form's label of a field (enum tz_progress_field) in error; "" for
 * the report as a whole. */
static const char *label_of(int field)
{
	return field == TZ_RF_CODE || field == TZ_RF_PERIOD ? "" : tz_progress_columns[field].header;
}

/* 422: nothing saved, every error listed (each field of a report at
 * fault is one, in the order of the reports), the reports counted. */
static int unprocessable(struct tz_req *r, const struct api_error *e, size_t n)
{
	struct tz_json j;
	char msg[96];
	size_t reports = 0;

	for (size_t i = 0; i < n; i++)
		reports += !i || e[i].index != e[i - 1].index;
	snprintf(msg, sizeof(msg), "%zu 个报送有误，没有保存任何数据", reports);
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "error", msg);
	tz_json_kv_int(&j, "status", 422);
	tz_json_kv_int(&j, "saved", 0);
	tz_json_key(&j, "errors");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		tz_json_object_begin(&j);
		tz_json_kv_int(&j, "index", (int64_t)e[i].index);
		tz_json_kv_str(&j, "code", e[i].code);
		tz_json_kv_str(&j, "field", field_key(e[i].label));
		tz_json_kv_str(&j, "label", *e[i].label ? e[i].label : NULL);
		tz_json_kv_str(&j, "message", e[i].msg);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, 422, &j);
}

static int blank(const char *s)
{
	return !s || !*s;
}

/* Put reports[] onto the caller's rows: 0 with *errs filled (maybe
 * none), or a response set (*answered: 400, 404) or an error. `confirm`:
 * the request's "confirm_large" is true (确认大额 for every report; a
 * report's own "confirm_large" confirms it alone). */
static int take_reports(struct tz_req *r, json_t *list, struct tz_web_report_row *rows, size_t n,
			struct tz_period p, int confirm, struct tz_web_report_row **at,
			struct api_error *errs, size_t *nerr, int *answered)
{
	char msg[200];

	*nerr = 0;
	*answered = 0;
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *o = json_array_get(list, i);
		int bad_member = 0;
		const char *code = json_is_object(o) ? member(r, o, "code", 0, &bad_member) : NULL;
		struct tz_web_report_row *row;
		struct tz_object obj;

		if (!code || bad_member) {
			*answered = 1;
			snprintf(msg, sizeof(msg), "reports[%zu] 应为含 code 的对象，各字段为字符串", i);
			return tz_resp_error(r, 400, tz_arena_strdup(r->arena, msg));
		}
		/* Not one of the caller's projects: as if it did not exist. */
		code = tz_web_code(r->arena, code);
		if (!(row = tz_web_report_find(rows, n, code))) {
			*answered = 1;
			snprintf(msg, sizeof(msg), "项目编号“%.64s”不存在", code);
			return tz_resp_error(r, 404, tz_arena_strdup(r->arena, msg));
		}
		obj = tz_object_project(row->v.region_id, row->v.unit_id, row->v.leader);
		if (!tz_req_allow(r, TZ_ACT_REPORT, &obj)) {
			*answered = 1;
			return 0;
		}
		at[i] = row;
		if (row->posted) {
			errs[(*nerr)++] = (struct api_error){ i, row->v.code, "",
							      "项目编号在本次报送中重复" };
			continue;
		}
		row->posted = 1;
		row->in.completed = member(r, o, "completed", 1, &bad_member);
		row->in.status = member(r, o, "status", 0, &bad_member);
		row->in.progress_text = member(r, o, "progress", 0, &bad_member);
		row->in.problem = member(r, o, "problem", 0, &bad_member);
		if (bad_member) {
			*answered = 1;
			snprintf(msg, sizeof(msg), "reports[%zu] 的字段应为字符串（completed 也可以是数字）", i);
			return tz_resp_error(r, 400, tz_arena_strdup(r->arena, msg));
		}
		/* An empty report is an error here, not a row left blank. */
		if (blank(row->in.completed) && blank(row->in.status) &&
		    blank(row->in.progress_text) && blank(row->in.problem)) {
			errs[(*nerr)++] = (struct api_error){ i, row->v.code, "开工状态", "请选择开工状态" };
			continue;
		}
		/* "confirm_large": true, on the report or the request. */
		row->confirm_large = confirm || json_is_true(json_object_get(o, "confirm_large"));
		if (!tz_web_report_check(r, row, p,
					 "在该报送中加上 \"confirm_large\": true 后重新提交"))
			continue;
		for (int k = 0; k < TZ_RF_COUNT; k++)
			if (row->err[k])
				errs[(*nerr)++] = (struct api_error){ i, row->v.code, label_of(k),
								      row->err[k] };
	}
	return 0;
}

int api_reports_save(struct tz_req *r)
{
	struct tz_report_save_stats stats;
	struct tz_web_report_row *rows, *bad, **at;
	struct api_error *errs;
	struct tz_json j;
	struct tz_period p;
	json_error_t jerr;
	json_t *doc, *list;
	const char *body, *period;
	char per[TZ_PERIOD_FMT_MAX];
	size_t len, n, count, nerr, unchanged = 0;
	int rc, bad_member = 0, answered;

	body = tz_req_body(r, &len);
	doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return tz_resp_error(r, 400, "请求内容应为 JSON：{\"period\": \"YYYY-MM\", \"reports\": […]}");
	tz_arena_on_release(r->arena, (void (*)(void *))json_decref, doc);
	list = json_object_get(doc, "reports");
	period = json_is_object(doc) ? member(r, doc, "period", 0, &bad_member) : NULL;
	if (!json_is_object(doc) || !json_is_array(list) || bad_member)
		return tz_resp_error(r, 400, "请求应为 {\"period\": \"YYYY-MM\", \"reports\": [{\"code\": …}]}");
	rc = tz_web_period_choose(r, period, &p);
	if (rc)
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	if (!p.year)
		return tz_resp_error(r, 404, "没有正在填报的调度期");
	count = json_array_size(list);
	{
		/* Only the projects named are read: the cost is the request's. */
		const char **codes = tz_arena_calloc(r->arena, count ? count : 1, sizeof(*codes));
		size_t k = 0;

		for (size_t i = 0; i < count; i++) {
			json_t *code = json_object_get(json_array_get(list, i), "code");

			if (json_is_string(code))
				codes[k++] = json_string_value(code);
		}
		if ((rc = tz_web_report_rows_of(r, r->user->org_id, p, codes, k, &rows, &n)))
			return rc;
	}
	at = tz_arena_calloc(r->arena, count ? count : 1, sizeof(*at));
	/* At most one error a field of each report. */
	errs = tz_arena_calloc(r->arena, count ? count * TZ_RF_COUNT : 1, sizeof(*errs));
	if ((rc = take_reports(r, list, rows, n, p,
				 json_is_true(json_object_get(doc, "confirm_large")), at, errs,
				 &nerr, &answered)) || answered)
		return rc;
	if (nerr)
		return unprocessable(r, errs, nerr);
	rc = tz_web_report_save(r, rows, n, p, &stats, &bad);
	if (rc == TZ_EINVAL || rc == TZ_ENOTFOUND || rc == TZ_EEXIST) {
		struct api_error e = { 0, "", "", "" };

		/* The period refusing the caller (closed to reporters): 403. */
		if (!bad)
			return tz_resp_error(r, 403, r->err.msg);
		for (size_t i = 0; i < count; i++)
			if (at[i] == bad)
				e.index = i;
		e.code = bad->v.code;
		for (int k = 0; k < TZ_RF_COUNT; k++)
			if (bad->err[k]) {
				e.label = label_of(k);
				e.msg = bad->err[k];
			}
		return unprocessable(r, &e, 1);
	}
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		unchanged += rows[i].posted && !rows[i].changed;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "period", tz_period_fmt(p, per));
	tz_json_kv_int(&j, "saved", stats.added + stats.changed);
	tz_json_kv_int(&j, "added", stats.added);
	tz_json_kv_int(&j, "changed", stats.changed);
	tz_json_kv_int(&j, "unchanged", (int64_t)unchanged + stats.unchanged);
	tz_json_kv_int(&j, "late", stats.late);
	tz_json_kv_str(&j, "as", tz_saver_name(tz_web_saver(r->user)));
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

/* ------------------------------------------------------------------ */
/* GET /api/v1/ontime                                                  */

static void rate_json(struct tz_json *j, const char *key, int has, int32_t rate)
{
	char buf[16];

	if (has)
		tz_json_kv_number(j, key, tz_bulletin_rate_json(rate, buf));
	else
		tz_json_kv_str(j, key, NULL);
}

static void counts_json(struct tz_json *j, const struct tz_ontime_node *c)
{
	tz_json_kv_int(j, "expected", c->expected);
	tz_json_kv_int(j, "on_time", c->on_time);
	tz_json_kv_int(j, "late", c->late);
	tz_json_kv_int(j, "missing", c->missing);
	rate_json(j, "ontime_rate", c->has_rate, c->ontime_rate);
	rate_json(j, "report_rate", c->has_rate, c->report_rate);
}

static void ranked_json(struct tz_json *j, const char *key, size_t n,
			const struct tz_ontime_node *(*at)(const struct tz_ontime *, size_t),
			const struct tz_ontime *o)
{
	tz_json_key(j, key);
	tz_json_array_begin(j);
	for (size_t i = 0; i < n; i++) {
		const struct tz_ontime_node *c = at(o, i);

		tz_json_object_begin(j);
		tz_json_key(j, "rank");
		if (c->rank)
			tz_json_int(j, c->rank);
		else
			tz_json_null(j);
		tz_json_kv_str(j, "code", c->node->code);
		tz_json_kv_str(j, "name", c->node->name);
		counts_json(j, c);
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
}

int api_ontime(struct tz_req *r)
{
	const char *code = tz_req_query(r, "node");
	const struct tz_org_node *n = code && *code ? tz_org_index_by_code(r->org, code)
						    : tz_org_index_by_id(r->org, r->user->org_id);
	struct tz_ontime *o;
	struct tz_dispatch d;
	struct tz_object obj;
	struct tz_period p;
	struct tz_json j;
	char per[TZ_PERIOD_FMT_MAX];
	int rc, has_d;

	if (!n)
		return tz_resp_error(r, 404, "组织机构不存在");
	obj = tz_object_node(n->id);
	if (!tz_req_allow(r, TZ_ACT_MANAGE, &obj))
		return 0;
	rc = tz_web_period_choose(r, tz_req_query(r, "period"), &p);
	if (rc == TZ_EINVAL)
		return tz_resp_error(r, 400, "period 应为 YYYY-MM");
	if (rc)
		return rc;
	if (!p.year)
		return tz_resp_error(r, 404, "还没有开启过调度期");
	if ((rc = tz_web_ontime(r, n->id, p, &o)))
		return rc;
	if ((has_d = tz_web_period_governing(r, n->id, p, &d)) < 0)
		return has_d;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "period", tz_period_fmt(p, per));
	node_json(&j, "node", n);
	tz_json_key(&j, "dispatch");
	if (has_d) {
		tz_json_object_begin(&j);
		dispatch_json(r, &j, &d);
		tz_json_object_end(&j);
	} else {
		tz_json_null(&j);
	}
	counts_json(&j, tz_ontime_node_at(o, 0));
	ranked_json(&j, "regions", tz_ontime_region_count(o), tz_ontime_region_at, o);
	ranked_json(&j, "units", tz_ontime_unit_count(o), tz_ontime_unit_at, o);
	tz_json_key(&j, "not_reported");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < tz_ontime_missing_count(o); i++) {
		const struct tz_ontime_missing *m = tz_ontime_missing_at(o, i);

		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "code", m->code);
		tz_json_kv_str(&j, "name", m->name);
		tz_json_kv_str(&j, "region", m->region);
		tz_json_kv_str(&j, "unit", m->unit);
		tz_json_kv_str(&j, "leader", m->leader);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}
