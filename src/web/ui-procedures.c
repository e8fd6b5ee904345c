/*
 * ui-procedures.c: 前期手续 — the overview of the view's procedures (how
 * many are required, 未办, 办理中, 已取得, and those obtained 1-N月 in the
 * seeds' words, per region and department and per kind), the section of a
 * project's page that lists its procedures, and the forms that set one
 * (status, date, 文号) or require the active kinds for a project.
 *
 * web.md "Procedures": "Per project, the required procedures from a
 * configurable list, each with status (未办/办理中/已取得), date and
 * document number." Who sets them: the coordinator of the project's
 * subtree or its reporter (TZ_ACT_REPORT on the project: core/access.h);
 * every change is a POST with the CSRF token and writes an audit row with
 * the change.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dashboard.h"
#include "core/deadline.h"
#include "core/procedure.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Kinds                                                               */

struct kinds {
	struct tz_req *r;
	struct tz_procedure_kind *k;
	size_t n, alloc;
};

static int add_kind(void *ctx, const struct tz_procedure_kind *k)
{
	struct kinds *x = ctx;

	if (x->n == x->alloc) {
		struct tz_procedure_kind *grown;

		x->alloc = x->alloc ? 2 * x->alloc : 16;
		grown = tz_arena_calloc(x->r->arena, x->alloc, sizeof(*grown));
		if (x->n)
			memcpy(grown, x->k, x->n * sizeof(*grown));
		x->k = grown;
	}
	x->k[x->n] = *k;
	x->k[x->n].name = tz_arena_strdup(x->r->arena, k->name);
	x->n++;
	return 0;
}

int tz_procedure_kinds_load(struct tz_req *r, struct tz_procedure_kind **out, size_t *n)
{
	struct kinds x = { r, NULL, 0, 0 };
	int rc = tz_store_procedure_kinds(r->store, add_kind, &x, &r->err);

	*out = x.k;
	*n = x.n;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Changes, shared with the API                                        */

/* The project of the route's {code}, checked for action a. */
static int project_allowed(struct tz_req *r, enum tz_action a, int *answered)
{
	const char *code = tz_req_param(r, "code");
	struct tz_project *rows;
	struct tz_object o;
	size_t n;
	int rc;

	*answered = 0;
	rc = tz_store_project_ledger(r->store, code, r->arena, &rows, &n, &r->err);
	if (rc == TZ_ENOTFOUND) {
		*answered = 1;
		return tz_resp_error(r, 404, NULL);
	}
	if (rc)
		return rc;
	o = tz_object_project(rows[n - 1].region_id, rows[n - 1].unit_id, rows[n - 1].leader);
	if (!tz_req_allow(r, a, &o))
		*answered = 1;
	return 0;
}

static void audit(struct tz_req *r, const char *action, const char *code, const char *json)
{
	struct tz_actor who;
	char obj[TZ_CODE_MAX + 16];

	tz_req_actor(r, &who);
	snprintf(obj, sizeof(obj), "project:%s", code);
	tz_store_audit_next(r->store, &who, action, obj, NULL, json, NULL);
}

int tz_procedure_do_set(struct tz_req *r, int *answered)
{
	const char *code = tz_req_param(r, "code");
	const char *kind = tz_req_form(r, "kind"), *status = tz_req_form(r, "status");
	const char *date = tz_req_form(r, "date"), *doc = tz_req_form(r, "doc_no");
	struct tz_procedure_kind *kinds;
	struct tz_procedure p;
	struct tz_json j;
	char d[TZ_DATE_FMT_MAX];
	size_t nk;
	int rc;

	if ((rc = project_allowed(r, TZ_ACT_REPORT, answered)) || *answered)
		return rc;
	memset(&p, 0, sizeof(p));
	p.project_code = code;
	p.doc_no = doc ? doc : "";
	if ((rc = tz_procedure_kinds_load(r, &kinds, &nk)))
		return rc;
	for (size_t i = 0; kind && i < nk; i++)
		if (!strcmp(kind, kinds[i].name) || !strcmp(kind, tz_sfmt(r, "%lld", (long long)kinds[i].id)))
			p.kind_id = kinds[i].id, p.kind_name = kinds[i].name;
	if (!p.kind_id)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "手续名称", "手续“%s”不存在",
				     kind ? kind : "");
	if (!status || tz_procedure_status_parse(status, strlen(status), &p.status))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "办理状态", "请选择办理状态");
	if (date && *date && tz_date_parse(date, strlen(date), &p.date, NULL))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "取得日期",
				     "日期“%s”无效（应写作2025-03-15）", date);
	/* A 未办 procedure has no date: what a form left in the field goes. */
	if (p.status == TZ_PROC_TODO)
		p.date = 0;
	if ((rc = tz_procedure_validate(&p, &r->err)))
		return rc;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "procedure", p.kind_name);
	tz_json_kv_str(&j, "status", tz_procedure_status_name(p.status));
	tz_json_kv_str(&j, "date", tz_date_fmt(p.date, d));
	tz_json_kv_str(&j, "doc_no", p.doc_no);
	tz_json_object_end(&j);
	tz_json_finish(&j);
	audit(r, "procedure.set", code, j.out.buf);
	tz_json_release(&j);
	rc = tz_store_procedure_set(r->store, &p, r->user->id, r->now, &r->err);
	tz_store_audit_clear(r->store);
	return rc;
}

static int do_require(struct tz_req *r, int *answered)
{
	const char *code = tz_req_param(r, "code");
	long added = 0;
	int rc;

	if ((rc = project_allowed(r, TZ_ACT_REPORT, answered)) || *answered)
		return rc;
	audit(r, "procedure.require", code, NULL);
	rc = tz_store_procedure_require(r->store, code, &added, r->user->id, r->now, &r->err);
	tz_store_audit_clear(r->store);
	return rc;
}

static int back(struct tz_req *r, int rc)
{
	if (!rc) {
		struct tz_buf to = TZ_BUF_INIT;
		const char *path;

		tz_buf_adds(&to, "/projects/");
		tz_html_url_arg(&to, tz_req_param(r, "code"));
		tz_buf_adds(&to, "#procedures");
		path = tz_arena_strdup(r->arena, to.buf);
		tz_buf_release(&to);
		return tz_resp_redirect(r, path);
	}
	if (rc == TZ_EINVAL || rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 400, r->err.msg);
	return rc;
}

int ui_procedure_set(struct tz_req *r)
{
	int answered, rc = tz_procedure_do_set(r, &answered);

	return answered ? rc : back(r, rc);
}

int ui_procedure_require(struct tz_req *r)
{
	int answered, rc = do_require(r, &answered);

	return answered ? rc : back(r, rc);
}

/* ------------------------------------------------------------------ */
/* A project's section                                                 */

struct section_ctx {
	struct tz_req *r;
	int editable;
	size_t n;
};

static void status_options(struct tz_buf *b, enum tz_procedure_status cur)
{
	for (int s = 1; s <= TZ_PROC_STATUS_MAX; s++)
		tz_html_f(b, "<option value=\"%s\"%s>%s</option>",
			  tz_procedure_status_name((enum tz_procedure_status)s),
			  (int)cur == s ? " selected" : "",
			  tz_procedure_status_name((enum tz_procedure_status)s));
}

static int section_row(void *ctx, const struct tz_procedure *p)
{
	struct section_ctx *c = ctx;
	struct tz_req *r = c->r;
	struct tz_buf *b = &r->out;
	char d[TZ_DATE_FMT_MAX];

	c->n++;
	tz_html_f(b, "<tr data-kind=\"%s\"><td data-label=\"手续\" class=\"name\">%s</td>", p->kind_name,
		  p->kind_name);
	if (!c->editable) {
		tz_html_f(b, "<td data-label=\"办理状态\"><span class=\"ps ps%d\">%s</span></td>"
			     "<td data-label=\"日期\">%s</td><td data-label=\"文号\">%s</td></tr>\n",
			  (int)p->status, tz_procedure_status_name(p->status),
			  p->date ? tz_date_fmt(p->date, d) : "—", *p->doc_no ? p->doc_no : "—");
		return 0;
	}
	tz_html_raw(b, "<td data-label=\"办理\" colspan=\"3\"><form class=\"inline proc\" method=\"post\""
		       " action=\"/projects/");
	tz_html_url_arg(b, p->project_code);
	tz_html_raw(b, "/procedures\">");
	tz_page_csrf_field(r);
	tz_html_f(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\">", p->kind_name);
	tz_html_raw(b, "<select name=\"status\" aria-label=\"办理状态\">");
	status_options(b, p->status);
	tz_html_f(b, "</select><input type=\"date\" name=\"date\" value=\"%s\" aria-label=\"日期\">"
		     "<input name=\"doc_no\" value=\"%s\" placeholder=\"文号\" aria-label=\"文号\""
		     " maxlength=\"100\"><button type=\"submit\">保存</button></form></td></tr>\n",
		  tz_date_fmt(p->date, d), p->doc_no);
	return 0;
}

int tz_procedures_section(struct tz_req *r, const char *code, const struct tz_object *o)
{
	struct section_ctx c = { r, 0, 0 };
	size_t mark;
	int rc;

	c.editable = tz_access_decide(r->org, r->user, TZ_ACT_REPORT, o) == TZ_ALLOW;
	tz_html_raw(&r->out, "<section id=\"procedures\"><h2>前期手续</h2>\n");
	mark = r->out.len;
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list procs\"><thead><tr><th>手续</th>");
	tz_html_raw(&r->out, c.editable ? "<th colspan=\"3\">办理状态、日期、文号</th>"
					: "<th>办理状态</th><th>日期</th><th>文号</th>");
	tz_html_raw(&r->out, "</tr></thead><tbody>\n");
	rc = tz_store_procedure_each(r->store, code, section_row, &c, &r->err);
	if (rc)
		return rc;
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	if (!c.n) {
		tz_buf_setlen(&r->out, mark);
		tz_html_raw(&r->out, "<p class=\"msg\">尚未登记须办的前期手续。</p>\n");
	}
	if (c.editable) {
		tz_html_raw(&r->out, "<form class=\"inline\" method=\"post\" action=\"/projects/");
		tz_html_url_arg(&r->out, code);
		tz_html_raw(&r->out, "/procedures/require\">");
		tz_page_csrf_field(r);
		tz_html_raw(&r->out, "<button type=\"submit\" class=\"secondary\">按手续清单补齐须办手续</button>"
				     "</form>\n");
	}
	tz_html_raw(&r->out, "</section>\n");
	return 0;
}

/* ------------------------------------------------------------------ */
/* The overview                                                        */

int tz_procedure_counts_view(struct tz_req *r, const struct tz_view *v, struct tz_period p,
			     struct tz_tally **out)
{
	int32_t from, to;
	struct tz_tally *t = tz_tally_new(r->org, 0, TZ_PRC_COUNT);
	int rc;

	*out = NULL;
	if (!t)
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	tz_dashboard_year_to_date(p, &from, &to);
	rc = tz_store_procedure_counts_where(r->store, t, from, to, v->all ? NULL : &v->filter,
					     &r->err);
	if (rc) {
		tz_tally_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static int overview(struct tz_req *r, const struct tz_view *v, struct tz_period p,
		    struct tz_buf *h)
{
	struct tz_procedure_kind *kinds;
	struct tz_dashboard d;
	struct tz_tally *t;
	struct tz_buf s = TZ_BUF_INIT;
	const int64_t *root;
	size_t nk;
	int rc;

	if ((rc = tz_procedure_kinds_load(r, &kinds, &nk)) ||
	    (rc = tz_procedure_counts_view(r, v, p, &t)))
		return rc;
	root = tz_tally_counters_at(t, 0);
	tz_dashboard_init(&d, p);
	tz_dashboard_procedures(&d, root);
	tz_dashboard_procedure_sentence(&d, &s);
	tz_html_f(h, "<p class=\"sentence\" data-k=\"procedures\">%s：%s。须办手续%" PRId64 "项，其中未办%"
		     PRId64 "项、办理中%" PRId64 "项、已取得%" PRId64 "项。</p>\n", v->label, s.buf,
		  d.proc_required, d.proc_status[TZ_PROC_TODO], d.proc_status[TZ_PROC_WORKING],
		  d.proc_status[TZ_PROC_OBTAINED]);
	tz_buf_release(&s);
	tz_html_raw(h, "<h2>分地区、单位</h2><div class=\"table\"><table class=\"list counts\"><thead><tr>"
		       "<th>地区或单位</th><th>须办</th><th>未办</th><th>办理中</th><th>已取得</th>");
	tz_html_f(h, "<th>%s取得</th></tr></thead><tbody>\n",
		  p.month > 1 ? tz_sfmt(r, "1-%d月", p.month) : "1月");
	for (size_t i = 0; i < tz_tally_count(t); i++) {
		const struct tz_org_node *n = tz_tally_node_at(t, i);
		const int64_t *c = tz_tally_counters_at(t, i);

		if (!c[TZ_PRC_REQUIRED])
			continue;
		tz_html_raw(h, i ? "<tr>" : "<tr class=\"total\">");
		tz_html_f(h, "<td data-label=\"地区或单位\" class=\"name\">%s</td>", i ? n->name : "合计");
		tz_html_f(h, "<td data-label=\"须办\" class=\"num\">%" PRId64 "</td>"
			     "<td data-label=\"未办\" class=\"num\">%" PRId64 "</td>"
			     "<td data-label=\"办理中\" class=\"num\">%" PRId64 "</td>"
			     "<td data-label=\"已取得\" class=\"num\">%" PRId64 "</td>"
			     "<td data-label=\"本年取得\" class=\"num\">%" PRId64 "</td></tr>\n",
			  c[TZ_PRC_REQUIRED], c[TZ_PRC_STATUS(TZ_PROC_TODO)],
			  c[TZ_PRC_STATUS(TZ_PROC_WORKING)], c[TZ_PRC_STATUS(TZ_PROC_OBTAINED)],
			  c[TZ_PRC_IN_RANGE]);
	}
	tz_html_raw(h, "</tbody></table></div>\n");
	tz_html_f(h, "<h2>分手续</h2><div class=\"table\"><table class=\"list counts\"><thead><tr>"
		     "<th>手续</th><th>%s取得</th></tr></thead><tbody>\n",
		  p.month > 1 ? tz_sfmt(r, "1-%d月", p.month) : "1月");
	for (size_t k = 0; k < nk && k < TZ_PRC_KINDS_MAX; k++)
		tz_html_f(h, "<tr data-kind=\"%s\"><td data-label=\"手续\" class=\"name\">%s%s</td>"
			     "<td data-label=\"本年取得\" class=\"num\">%" PRId64 "</td></tr>\n",
			  kinds[k].name, kinds[k].name, kinds[k].active ? "" : "（已停用）",
			  root[TZ_PRC_KIND(k)]);
	tz_html_raw(h, "</tbody></table></div>\n");
	tz_tally_free(t);
	return 0;
}

int ui_procedures(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	char key[400], per[TZ_PERIOD_FMT_MAX];
	struct tz_blob *blob;
	struct tz_period p;
	int rc, answered;

	if ((rc = tz_summary_period(r, &p, &answered)) || answered)
		return rc;
	if (!p.year) {
		struct tz_web_facts facts;

		if ((rc = tz_web_facts(r->web, r->store, r->version, &facts, &r->err)))
			return rc;
		p.year = facts.last_year ? facts.last_year : tz_date_of(r->now) / 10000;
		p.month = 12;
	}
	tz_period_fmt(p, per);
	snprintf(key, sizeof(key), "procedures:%s:%s", per, v->key);
	blob = tz_cache_get(r->web->cache, key, r->version);
	tz_summary_cache_header(r, blob != NULL);
	if (!blob) {
		struct tz_buf h = TZ_BUF_INIT;

		if ((rc = overview(r, v, p, &h))) {
			tz_buf_release(&h);
			return rc;
		}
		blob = tz_blob_new(h.buf, h.len);
		tz_buf_release(&h);
		tz_cache_put(r->web->cache, key, r->version, blob);
	}
	tz_page_begin(r, "前期手续", "/procedures");
	tz_html_f(&r->out, "<h1>前期手续<small>%s · %d年</small></h1>\n", v->label, p.year);
	tz_html_f(&r->out, "<form class=\"filters bar\" method=\"get\" action=\"/procedures\">"
			   "<label>截至调度期<input name=\"period\" value=\"%s\" pattern=\"[0-9]{4}-[0-9]{2}\">"
			   "</label><div class=\"actions\"><button type=\"submit\">查看</button></div></form>\n",
		  per);
	tz_buf_add(&r->out, blob->data, blob->len);
	tz_blob_unref(blob);
	tz_html_raw(&r->out, "<p class=\"notes\">每个项目须办的手续在项目页面的“前期手续”一栏登记和更新；"
			     "本年取得指取得日期在所选调度期所在年度1月1日至该月末的手续。</p>\n");
	return tz_page_send(r, 200);
}
