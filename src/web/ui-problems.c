/*
 * ui-problems.c: 问题清单 — the list of problems with filters and counts
 * in the seeds' words, one problem's page with its dated and signed
 * history, and the forms that raise, assign, move, comment on and mark
 * problems (web.md "Problems"); the changes themselves are shared with
 * the API (api-problems.c) through the tz_problem_do_* functions below.
 *
 * Who may do what (core/access.h, decided with the problem's project):
 *   view            everyone who sees the project (404 otherwise)
 *   raise           reporters and coordinators, for projects of their
 *                   subtree (by hand, or from a report's 存在问题)
 *   assign, move    coordinators in their subtree, admins: level, unit,
 *                   deadline; the statuses core/problem.h allows, 暂缓
 *                   with a reason, 已解决 with how
 *   comment, mark   leaders on what they see, coordinators in their
 *                   subtree (web.md: leaders change nothing else)
 * Every change is a POST with the CSRF token, writes a problem event
 * (dated, signed) and an audit row in the same transaction.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/deadline.h"
#include "core/problem.h"
#include "core/tally.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

#define LIST_PER_PAGE 50

/* Marks a leader may put on a problem (web.md "comments and marks"). */
const char *const tz_problem_marks[] = { "重点关注", "督办", "已阅", NULL };

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static int copy_row(void *ctx, const struct tz_problem_row *row)
{
	struct tz_problem_view *v = ctx;
	struct tz_arena *a = v->arena;

	v->p = row->problem;
	v->p.project_code = tz_arena_strdup(a, row->problem.project_code);
	v->p.unit_text = tz_arena_strdup(a, row->problem.unit_text);
	v->p.description = tz_arena_strdup(a, row->problem.description);
	v->p.reason = tz_arena_strdup(a, row->problem.reason);
	v->p.resolution = tz_arena_strdup(a, row->problem.resolution);
	v->project_name = tz_arena_strdup(a, row->project_name);
	v->leader = tz_arena_strdup(a, row->project_leader ? row->project_leader : "");
	v->region_id = row->region_id;
	v->unit_id = row->project_unit_id;
	return 0;
}

int tz_problem_load(struct tz_req *r, const char *id_text, enum tz_action a,
		    struct tz_problem_view *v, int *answered)
{
	struct tz_object o;
	char *end;
	long long id;
	int rc;

	*answered = 0;
	memset(v, 0, sizeof(*v));
	v->arena = r->arena;
	id = id_text ? strtoll(id_text, &end, 10) : 0;
	if (!id_text || !*id_text || *end || id <= 0) {
		*answered = 1;
		return tz_resp_error(r, 404, NULL);
	}
	rc = tz_store_problem_get(r->store, id, copy_row, v, &r->err);
	if (rc == TZ_ENOTFOUND) {
		*answered = 1;
		return tz_resp_error(r, 404, NULL);
	}
	if (rc)
		return rc;
	o = tz_object_project(v->region_id, v->unit_id, v->leader);
	if (!tz_req_allow(r, a, &o))
		*answered = 1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Form fields                                                         */

/* A field's text, "" when absent. */
static const char *field(struct tz_req *r, const char *name)
{
	const char *v = tz_req_form(r, name);

	return v ? v : "";
}

static int parse_kind(struct tz_req *r, const char *s, enum tz_problem_kind *out)
{
	if (!*s) {
		*out = 0;
		return 0;
	}
	if (tz_problem_kind_parse(s, strlen(s), out))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "问题类型", "问题类型“%s”无效", s);
	return 0;
}

static int parse_level(struct tz_req *r, const char *s, enum tz_problem_level *out)
{
	if (tz_problem_level_parse(s, strlen(s), out))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "解决层级",
				     *s ? "解决层级“%s”无效" : "请选择解决层级%s", s);
	return 0;
}

static int parse_deadline(struct tz_req *r, const char *s, int32_t *out)
{
	*out = 0;
	if (!*s)
		return 0;
	if (tz_date_parse(s, strlen(s), out, NULL))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "办结时限",
				     "办结时限“%s”不是有效的日期（应写作2025-09-30）", s);
	return 0;
}

/* The responsible unit: a node by its code (unit), else free text
 * (unit_text). */
static int parse_unit(struct tz_req *r, struct tz_problem *p)
{
	const char *code = field(r, "unit"), *text = field(r, "unit_text");
	const struct tz_org_node *n;

	p->unit_id = 0;
	p->unit_text = "";
	if (*code) {
		if (!(n = tz_org_index_by_code(r->org, code)))
			return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "责任单位", "责任单位不存在");
		p->unit_id = n->id;
	} else if (*text) {
		p->unit_text = text;
	}
	return 0;
}

static void audit_json(struct tz_json *j, const struct tz_problem *p, struct tz_req *r)
{
	char d[TZ_DATE_FMT_MAX];
	const struct tz_org_node *n = p->unit_id ? tz_org_index_by_id(r->org, p->unit_id) : NULL;

	tz_json_init(j, NULL, 0);
	tz_json_object_begin(j);
	if (p->kind)
		tz_json_kv_str(j, "kind", tz_problem_kind_name(p->kind));
	tz_json_kv_str(j, "level", tz_problem_level_name(p->level));
	tz_json_kv_str(j, "unit", n ? n->name : p->unit_text);
	tz_json_kv_str(j, "deadline", tz_date_fmt(p->deadline, d));
	if (p->description && *p->description)
		tz_json_kv_str(j, "description", p->description);
	tz_json_object_end(j);
	tz_json_finish(j);
}

/* Set the audit row of the change about to be made. */
static void audit(struct tz_req *r, const char *action, const char *object, const char *json)
{
	struct tz_actor who;

	tz_req_actor(r, &who);
	tz_store_audit_next(r->store, &who, action, object, NULL, json, NULL);
}

/* ------------------------------------------------------------------ */
/* Changes, shared with the API                                        */

int tz_problem_do_raise(struct tz_req *r, int64_t *id, int *answered)
{
	const char *code = tz_web_code(r->arena, field(r, "project")), *period = field(r, "period");
	struct tz_project *rows;
	struct tz_problem p;
	struct tz_object o;
	struct tz_period from = { 0, 0 };
	struct tz_json j;
	char obj[TZ_CODE_MAX + 16];
	size_t n;
	int rc;

	*answered = 0;
	memset(&p, 0, sizeof(p));
	if (!*code)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "项目编号", "请指定项目");
	rc = tz_store_project_ledger(r->store, code, r->arena, &rows, &n, &r->err);
	if (rc && rc != TZ_ENOTFOUND)
		return rc;
	if (!rc)
		o = tz_object_project(rows[n - 1].region_id, rows[n - 1].unit_id,
				      rows[n - 1].leader);
	/* A code that does not exist and a project the user may not see
	 * are refused alike (web.h: a 404 never tells which). */
	if (rc || tz_access_decide(r->org, r->user, TZ_ACT_RAISE, &o) == TZ_DENY_HIDE) {
		tz_err_clear(&r->err);
		return tz_err_set_at(&r->err, TZ_ENOTFOUND, NULL, 0, "项目编号",
				     "项目编号不存在，或不在您的管辖范围内，请核对后重新填写");
	}
	if (!tz_req_allow(r, TZ_ACT_RAISE, &o)) {
		*answered = 1;
		return 0;
	}
	if (*period && tz_period_parse(period, strlen(period), &from, NULL))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "调度期", "调度期“%s”无效", period);
	p.project_code = code;
	p.status = TZ_PROBLEM_NEW;
	p.description = field(r, "description");
	p.reason = p.resolution = "";
	if ((rc = parse_kind(r, field(r, "kind"), &p.kind)) ||
	    (rc = parse_level(r, field(r, "level"), &p.level)) ||
	    (rc = parse_deadline(r, field(r, "deadline"), &p.deadline)) ||
	    (rc = parse_unit(r, &p)))
		return rc;
	if (!from.year && !p.kind)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "问题类型", "请选择问题类型");
	snprintf(obj, sizeof(obj), "project:%s", code);
	audit_json(&j, &p, r);
	audit(r, from.year ? "problem.raise_from_report" : "problem.raise", obj, j.out.buf);
	tz_json_release(&j);
	if (from.year)
		rc = tz_store_problem_from_report(r->store, code, from, &p, id, r->user->id, r->now,
						  &r->err);
	else
		rc = tz_store_problem_add(r->store, &p, id, r->user->id, r->now, &r->err);
	tz_store_audit_clear(r->store);
	return rc;
}

int tz_problem_do_assign(struct tz_req *r, struct tz_problem_view *v)
{
	struct tz_problem p = v->p;
	struct tz_json j;
	char obj[48];
	const char *desc = field(r, "description");
	int rc, and_assign = !strcmp(field(r, "and_assign"), "1");

	/* A field not sent keeps its value (an API call may change the
	 * deadline alone: walkthrough 16); the page's form sends them all,
	 * and an empty one there is a choice (no deadline, no unit). */
	if ((rc = parse_kind(r, field(r, "kind"), &p.kind)) ||
	    (tz_req_form(r, "level") && (rc = parse_level(r, field(r, "level"), &p.level))) ||
	    (tz_req_form(r, "deadline") &&
	     (rc = parse_deadline(r, field(r, "deadline"), &p.deadline))) ||
	    ((tz_req_form(r, "unit") || tz_req_form(r, "unit_text")) && (rc = parse_unit(r, &p))))
		return rc;
	if (!p.kind)
		p.kind = v->p.kind;
	p.description = *desc ? desc : v->p.description;
	/* 交办 needs the unit first (core/problem.h): check before writing
	 * anything, so that the edit and the move stand or fall together as
	 * far as the rules go. */
	if (and_assign && v->p.status == TZ_PROBLEM_NEW &&
	    (rc = tz_problem_check_move(&p, TZ_PROBLEM_ASSIGNED, "", &r->err)))
		return rc;
	snprintf(obj, sizeof(obj), "problem:%lld", (long long)v->p.id);
	audit_json(&j, &p, r);
	audit(r, "problem.assign", obj, j.out.buf);
	tz_json_release(&j);
	rc = tz_store_problem_update(r->store, &p, r->user->id, r->now, &r->err);
	tz_store_audit_clear(r->store);
	if (rc || !and_assign || v->p.status != TZ_PROBLEM_NEW)
		return rc;
	audit(r, "problem.move", obj, "{\"status\":\"已交办\"}");
	rc = tz_store_problem_move(r->store, v->p.id, TZ_PROBLEM_ASSIGNED, "", r->user->id, r->now,
				   &r->err);
	tz_store_audit_clear(r->store);
	return rc;
}

int tz_problem_do_move(struct tz_req *r, struct tz_problem_view *v)
{
	const char *to_text = field(r, "to"), *note = field(r, "note");
	enum tz_problem_status to;
	struct tz_json j;
	char obj[48];
	int rc;

	if (tz_problem_status_parse(to_text, strlen(to_text), &to))
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "办理状态",
				     *to_text ? "办理状态“%s”无效" : "请选择办理状态%s", to_text);
	if (strlen(note) > 4 * TZ_PROBLEM_TEXT_MAX)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "说明", "说明过长");
	snprintf(obj, sizeof(obj), "problem:%lld", (long long)v->p.id);
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "from", tz_problem_status_name(v->p.status));
	tz_json_kv_str(&j, "to", tz_problem_status_name(to));
	tz_json_kv_str(&j, "note", note);
	tz_json_object_end(&j);
	tz_json_finish(&j);
	audit(r, "problem.move", obj, j.out.buf);
	tz_json_release(&j);
	rc = tz_store_problem_move(r->store, v->p.id, to, note, r->user->id, r->now, &r->err);
	tz_store_audit_clear(r->store);
	return rc;
}

int tz_problem_do_comment(struct tz_req *r, struct tz_problem_view *v)
{
	const char *text = field(r, "text"), *mark = field(r, "mark");
	struct tz_json j;
	char obj[48];
	int rc = 0, known = 0;

	if (!*text && !*mark)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "意见", "请填写意见或选择标记");
	for (size_t i = 0; *mark && tz_problem_marks[i]; i++)
		known |= !strcmp(mark, tz_problem_marks[i]);
	if (*mark && !known)
		return tz_err_set_at(&r->err, TZ_EINVAL, NULL, 0, "标记", "标记“%s”无效", mark);
	snprintf(obj, sizeof(obj), "problem:%lld", (long long)v->p.id);
	if (*mark) {
		tz_json_init(&j, NULL, 0);
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "mark", mark);
		tz_json_object_end(&j);
		tz_json_finish(&j);
		audit(r, "problem.mark", obj, j.out.buf);
		tz_json_release(&j);
		rc = tz_store_problem_note(r->store, v->p.id, TZ_PROBLEM_EV_MARK, mark, r->user->id,
					   r->now, &r->err);
		tz_store_audit_clear(r->store);
	}
	if (!rc && *text) {
		tz_json_init(&j, NULL, 0);
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "comment", text);
		tz_json_object_end(&j);
		tz_json_finish(&j);
		audit(r, "problem.comment", obj, j.out.buf);
		tz_json_release(&j);
		rc = tz_store_problem_note(r->store, v->p.id, TZ_PROBLEM_EV_COMMENT, text, r->user->id,
					   r->now, &r->err);
		tz_store_audit_clear(r->store);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* The list                                                            */

int tz_problem_filter_parse(struct tz_req *r, struct tz_problem_filter *f)
{
	const char *s;

	memset(f, 0, sizeof(*f));
	f->v = tz_view_of(r);
	s = tz_req_query(r, "status");
	if (s && *s && tz_problem_status_parse(s, strlen(s), &f->status))
		return tz_err_set(&r->err, TZ_EINVAL, "办理状态“%s”无效", s);
	s = tz_req_query(r, "level");
	if (s && *s && tz_problem_level_parse(s, strlen(s), &f->level))
		return tz_err_set(&r->err, TZ_EINVAL, "解决层级“%s”无效", s);
	s = tz_req_query(r, "kind");
	if (s && *s && tz_problem_kind_parse(s, strlen(s), &f->kind))
		return tz_err_set(&r->err, TZ_EINVAL, "问题类型“%s”无效", s);
	s = tz_req_query(r, "region");
	if (s && *s) {
		const struct tz_org_node *n = tz_org_index_by_code(r->org, s);

		f->region = s;
		f->region_id = n ? n->id : -1;  /* unknown: selects nothing */
	}
	s = tz_web_code(r->arena, tz_req_query(r, "project"));
	f->project = s && *s ? s : NULL;
	s = tz_req_query(r, "overdue");
	f->overdue = s && !strcmp(s, "1");
	f->today = tz_date_of(r->now);
	if (tz_req_int(r, "page", 1, 1, 1000000, &f->page))
		return tz_err_set(&r->err, TZ_EINVAL, "页码无效");
	if (tz_req_int(r, "per_page", LIST_PER_PAGE, 1, 500, &f->per_page))
		return tz_err_set(&r->err, TZ_EINVAL, "每页条数应为1到500");
	return 0;
}

static int matches(const struct tz_problem_filter *f, struct tz_req *r, const struct tz_problem_row *row)
{
	const struct tz_problem *p = &row->problem;

	if (!tz_view_sees(f->v, row->region_id, row->project_unit_id, row->project_leader))
		return 0;
	if ((f->status && p->status != f->status) || (f->level && p->level != f->level) ||
	    (f->kind && p->kind != f->kind))
		return 0;
	if (f->region && (f->region_id < 0 ||
			  !(tz_org_index_within(r->org, row->region_id, f->region_id) ||
			    tz_org_index_within(r->org, row->project_unit_id, f->region_id))))
		return 0;
	if (f->project && strcmp(f->project, p->project_code))
		return 0;
	if (f->overdue && (p->status == TZ_PROBLEM_SOLVED || !p->deadline || p->deadline >= f->today))
		return 0;
	return 1;
}

struct list_ctx {
	struct tz_req *r;
	const struct tz_problem_filter *f;
	int (*fn)(void *ctx, const struct tz_problem_row *row);
	void *ctx;
	long total, skip, take;
};

static int list_row(void *c, const struct tz_problem_row *row)
{
	struct list_ctx *x = c;

	if (!matches(x->f, x->r, row))
		return 0;
	x->total++;
	if (x->skip) {
		x->skip--;
		return 0;
	}
	if (!x->take)
		return 0;
	x->take--;
	return x->fn(x->ctx, row);
}

int tz_problem_list(struct tz_req *r, const struct tz_problem_filter *f,
		    int (*fn)(void *ctx, const struct tz_problem_row *row), void *ctx, long *total)
{
	struct list_ctx x = { r, f, fn, ctx, 0, (f->page - 1) * f->per_page, f->per_page };
	int rc = tz_store_problem_each(r->store, NULL, 0, list_row, &x, &r->err);

	*total = x.total;
	return rc;
}

/* The responsible unit as people read it. */
const char *tz_problem_unit_name(struct tz_req *r, const struct tz_problem *p)
{
	const struct tz_org_node *n = p->unit_id ? tz_org_index_by_id(r->org, p->unit_id) : NULL;

	return n ? n->name : *p->unit_text ? p->unit_text : "";
}

static int row_html(void *ctx, const struct tz_problem_row *row)
{
	struct tz_req *r = ctx;
	const struct tz_problem *p = &row->problem;
	struct tz_buf *b = &r->out;
	char d[TZ_DATE_FMT_MAX];
	int overdue = p->status != TZ_PROBLEM_SOLVED && p->deadline &&
		      p->deadline < tz_date_of(r->now);

	tz_html_f(b, "<tr><td data-label=\"编号\" class=\"code\"><a href=\"/problems/%lld\">%lld</a></td>",
		  (long long)p->id, (long long)p->id);
	tz_html_raw(b, "<td data-label=\"项目\" class=\"name\"><a href=\"/projects/");
	tz_html_url_arg(b, p->project_code);
	tz_html_f(b, "\">%s</a></td>", row->project_name);
	tz_html_f(b, "<td data-label=\"问题类型\">%s</td><td data-label=\"解决层级\">%s</td>",
		  tz_problem_kind_name(p->kind), tz_problem_level_name(p->level));
	tz_html_f(b, "<td data-label=\"责任单位\">%s</td>", *tz_problem_unit_name(r, p)
		  ? tz_problem_unit_name(r, p) : "—");
	tz_html_f(b, "<td data-label=\"办结时限\" class=\"%s\">%s%s</td>", overdue ? "bad" : "",
		  p->deadline ? tz_date_fmt(p->deadline, d) : "—", overdue ? "（逾期）" : "");
	tz_html_f(b, "<td data-label=\"办理状态\"><span class=\"st st%d\">%s</span></td>",
		  (int)p->status, tz_problem_status_name(p->status));
	tz_html_f(b, "<td data-label=\"问题描述\">%s</td></tr>\n", p->description);
	return 0;
}

static void option(struct tz_buf *b, const char *value, const char *label, const char *current)
{
	tz_html_f(b, "<option value=\"%s\"%s>%s</option>", value,
		  current && !strcmp(current, value) ? " selected" : "", label);
}

/* Regions and departments the user sees, as <option>s by code. */
void tz_problem_node_options(struct tz_req *r, const char *current, int regions, int units)
{
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *n = tz_org_index_at(r->org, i);
		int region = tz_org_kind_is_region(n->kind), unit = n->kind == TZ_ORG_DEPARTMENT;

		if (!((regions && region) || (units && unit)))
			continue;
		option(&r->out, n->code, n->name, current);
	}
}

static void filters(struct tz_req *r, const struct tz_problem_filter *f)
{
	struct tz_buf *b = &r->out;
	const char *cur;

	tz_html_raw(b, "<form class=\"filters\" method=\"get\" action=\"/problems\">\n");
	cur = tz_req_query(r, "status");
	tz_html_raw(b, "<label>办理状态<select name=\"status\"><option value=\"\">全部</option>");
	for (int s = 1; s <= TZ_PROBLEM_STATUS_MAX; s++)
		option(b, tz_problem_status_name((enum tz_problem_status)s),
		       tz_problem_status_name((enum tz_problem_status)s),
		       f->status ? tz_problem_status_name(f->status) : cur);
	tz_html_raw(b, "</select></label>\n<label>解决层级<select name=\"level\"><option value=\"\">全部</option>");
	for (int l = 1; l <= TZ_PROBLEM_LEVEL_MAX; l++)
		option(b, tz_problem_level_name((enum tz_problem_level)l),
		       tz_problem_level_name((enum tz_problem_level)l),
		       f->level ? tz_problem_level_name(f->level) : NULL);
	tz_html_raw(b, "</select></label>\n<label>问题类型<select name=\"kind\"><option value=\"\">全部</option>");
	for (int k = 1; k <= TZ_PROBLEM_KIND_MAX; k++)
		option(b, tz_problem_kind_name((enum tz_problem_kind)k),
		       tz_problem_kind_name((enum tz_problem_kind)k),
		       f->kind ? tz_problem_kind_name(f->kind) : NULL);
	tz_html_raw(b, "</select></label>\n<label>地区或单位<select name=\"region\"><option value=\"\">全部</option>");
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *n = tz_org_index_at(r->org, i);
		struct tz_object o = tz_object_node(n->id);

		if (n->kind == TZ_ORG_CITY ||
		    tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) != TZ_ALLOW)
			continue;
		option(b, n->code, n->name, f->region);
	}
	tz_html_raw(b, "</select></label>\n<label>逾期<select name=\"overdue\"><option value=\"\">全部</option>");
	option(b, "1", "仅逾期未解决", f->overdue ? "1" : NULL);
	tz_html_raw(b, "</select></label>\n<div class=\"actions\"><button type=\"submit\">筛选</button>"
		       " <a href=\"/problems\">清除条件</a></div>\n</form>\n");
}

/* Counts of the view per region and department, in the seeds' words. */
static int counts_html(struct tz_req *r, const struct tz_view *v, struct tz_buf *b, int *hit)
{
	char key[400];
	int32_t today = tz_date_of(r->now);
	struct tz_blob *blob;
	struct tz_tally *t;
	int rc;

	snprintf(key, sizeof(key), "problems:%s:%d", v->key, (int)today);
	blob = tz_cache_get(r->web->cache, key, r->version);
	*hit = blob != NULL;
	if (!blob) {
		struct tz_buf h = TZ_BUF_INIT, s = TZ_BUF_INIT;
		const int64_t *root;
		struct tz_problem_counts upper, all;

		if (!(t = tz_tally_new(r->org, 0, TZ_PC_COUNT)))
			return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
		rc = tz_store_problem_counts_where(r->store, t, today, v->all ? NULL : &v->filter,
						   &r->err);
		if (rc) {
			tz_tally_free(t);
			return rc;
		}
		root = tz_tally_counters_at(t, 0);
		upper = tz_problem_counts_at(root, TZ_PC_UPPER);
		all = tz_problem_counts_at(root, TZ_PC_ALL);
		tz_problem_sentence(&upper, &s);
		tz_html_f(&h, "<p class=\"sentence\" data-k=\"problems\">%s：%s。问题共%" PRId64 "个（涉及%"
			      PRId64 "个项目），已解决%" PRId64 "个，逾期未解决%" PRId64 "个。</p>\n",
			  v->label, s.buf, all.problems, all.projects, all.solved, root[TZ_PC_OVERDUE]);
		tz_html_raw(&h, "<div class=\"table\"><table class=\"list counts\"><thead><tr>"
				"<th>地区或单位</th><th>问题数</th><th>需国家、省市解决</th><th>已解决</th>"
				"<th>未解决</th><th>逾期未解决</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < tz_tally_count(t); i++) {
			const struct tz_org_node *n = tz_tally_node_at(t, i);
			const int64_t *c = tz_tally_counters_at(t, i);
			struct tz_problem_counts a = tz_problem_counts_at(c, TZ_PC_ALL),
						 u = tz_problem_counts_at(c, TZ_PC_UPPER);

			if (!a.problems)
				continue;
			tz_html_raw(&h, i ? "<tr>" : "<tr class=\"total\">");
			tz_html_f(&h, "<td data-label=\"地区或单位\" class=\"name\">%s</td>",
				  i ? n->name : "合计");
			tz_html_f(&h, "<td data-label=\"问题数\" class=\"num\">%" PRId64 "</td>"
				      "<td data-label=\"需国家、省市解决\" class=\"num\">%" PRId64 "</td>"
				      "<td data-label=\"已解决\" class=\"num\">%" PRId64 "</td>"
				      "<td data-label=\"未解决\" class=\"num\">%" PRId64 "</td>"
				      "<td data-label=\"逾期未解决\" class=\"num\">%" PRId64 "</td></tr>\n",
				  a.problems, u.problems, a.solved, a.problems - a.solved,
				  c[TZ_PC_OVERDUE]);
		}
		tz_html_raw(&h, "</tbody></table></div>\n");
		tz_tally_free(t);
		blob = tz_blob_new(h.buf, h.len);
		tz_buf_release(&h);
		tz_buf_release(&s);
		tz_cache_put(r->web->cache, key, r->version, blob);
	}
	tz_buf_add(b, blob->data, blob->len);
	tz_blob_unref(blob);
	return 0;
}

/* The raise form; `again`: open, filled with the posted fields (2:
 * all but the project code). */
static void raise_form(struct tz_req *r, const char *code, const struct tz_period *reports,
		       const char *const *texts, size_t nreports, int again)
{
	struct tz_buf *b = &r->out;
	const char *kind = again ? field(r, "kind") : NULL;
	const char *level = again ? field(r, "level") : NULL;

	tz_html_f(b, "<details class=\"raise\"%s><summary>提出问题</summary>"
		     "<form class=\"form\" method=\"post\" action=\"/problems\">",
		  again ? " open" : "");
	tz_page_csrf_field(r);
	if (code)
		tz_html_f(b, "<input type=\"hidden\" name=\"project\" value=\"%s\">", code);
	else
		tz_html_f(b, "<label>项目编号<input name=\"project\" required value=\"%s\"></label>",
			  again == 1 ? field(r, "project") : "");
	if (nreports) {
		char per[TZ_PERIOD_FMT_MAX];

		tz_html_raw(b, "<label>来源<select name=\"period\"><option value=\"\">手工提出</option>");
		for (size_t i = 0; i < nreports; i++) {
			tz_period_fmt(reports[i], per);
			tz_html_f(b, "<option value=\"%s\">%s调度数据：%s</option>", per, per, texts[i]);
		}
		tz_html_raw(b, "</select></label>");
	}
	tz_html_raw(b, "<label>问题类型<select name=\"kind\">");
	if (nreports)
		tz_html_raw(b, "<option value=\"\">按存在问题判断</option>");
	for (int k = 1; k <= TZ_PROBLEM_KIND_MAX; k++)
		option(b, tz_problem_kind_name((enum tz_problem_kind)k),
		       tz_problem_kind_name((enum tz_problem_kind)k), kind);
	tz_html_raw(b, "</select></label><label>解决层级<select name=\"level\">");
	for (int l = TZ_PROBLEM_LEVEL_MAX; l >= 1; l--)
		option(b, tz_problem_level_name((enum tz_problem_level)l),
		       tz_problem_level_name((enum tz_problem_level)l), level);
	tz_html_f(b, "</select></label><label>问题描述<textarea name=\"description\" rows=\"3\""
		     " maxlength=\"1000\">%s</textarea></label>"
		     "<button type=\"submit\">提出问题</button></form></details>\n",
		  again ? field(r, "description") : "");
}

/* The form that raises a problem (by hand, or from a report's 存在问题
 * when `reports` lists periods): on the list and on a project's page. */
void tz_problem_raise_form(struct tz_req *r, const char *code, const struct tz_period *reports,
			   const char *const *texts, size_t nreports)
{
	raise_form(r, code, reports, texts, nreports, 0);
}

int ui_problems(struct tz_req *r)
{
	static const char *const heads[] = {
		"编号", "项目", "问题类型", "解决层级", "责任单位", "办结时限", "办理状态", "问题描述",
	};
	struct tz_problem_filter f;
	size_t mark;
	long total = 0;
	int rc, hit;

	if ((rc = tz_problem_filter_parse(r, &f)))
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	tz_page_begin(r, "问题清单", "/problems");
	tz_html_f(&r->out, "<h1>问题清单<small>%s</small></h1>\n", f.v->label);
	if ((rc = counts_html(r, f.v, &r->out, &hit)))
		return rc;
	tz_summary_cache_header(r, hit);
	filters(r, &f);
	if (tz_access_decide(r->org, r->user, TZ_ACT_RAISE, NULL) == TZ_ALLOW)
		tz_problem_raise_form(r, NULL, NULL, NULL, 0);
	/* The rows are written after the count that heads them. */
	mark = r->out.len;
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list problems\"><thead><tr>");
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		tz_html_f(&r->out, "<th scope=\"col\">%s</th>", heads[i]);
	tz_html_raw(&r->out, "</tr></thead><tbody>\n");
	if ((rc = tz_problem_list(r, &f, row_html, r, &total)))
		return rc;
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	{
		char count[96];
		struct tz_buf tail = TZ_BUF_INIT;

		snprintf(count, sizeof(count), "<p class=\"count\">共 <b>%ld</b> 个问题</p>\n", total);
		tz_buf_add(&tail, r->out.buf + mark, r->out.len - mark);
		tz_buf_setlen(&r->out, mark);
		tz_html_raw(&r->out, count);
		if (total)
			tz_buf_add(&r->out, tail.buf, tail.len);
		else
			tz_html_raw(&r->out, "<p class=\"msg\">没有符合条件的问题。</p>\n");
		tz_buf_release(&tail);
	}
	if (total > f.per_page) {
		long pages = (total + f.per_page - 1) / f.per_page;
		char num[24];

		tz_html_raw(&r->out, "<nav class=\"pager\" aria-label=\"分页\">");
		if (f.page > 1) {
			snprintf(num, sizeof(num), "%ld", f.page - 1);
			tz_html_raw(&r->out, "<a rel=\"prev\" href=\"");
			tz_page_href(r, "/problems", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">上一页</a>");
		}
		tz_html_f(&r->out, "<span>第 %ld / %ld 页</span>", f.page, pages);
		if (f.page < pages) {
			snprintf(num, sizeof(num), "%ld", f.page + 1);
			tz_html_raw(&r->out, "<a rel=\"next\" href=\"");
			tz_page_href(r, "/problems", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">下一页</a>");
		}
		tz_html_raw(&r->out, "</nav>\n");
	}
	return tz_page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* One problem                                                         */

struct event_ctx {
	struct tz_req *r;
	struct tz_problem_event *e;
	size_t n, alloc;
};

static int collect_event(void *c, const struct tz_problem_event *e)
{
	struct event_ctx *x = c;

	if (x->n == x->alloc) {
		struct tz_problem_event *grown;

		x->alloc = x->alloc ? 2 * x->alloc : 16;
		grown = tz_arena_calloc(x->r->arena, x->alloc, sizeof(*grown));
		if (x->n)
			memcpy(grown, x->e, x->n * sizeof(*grown));
		x->e = grown;
	}
	x->e[x->n] = *e;
	x->e[x->n].note = tz_arena_strdup(x->r->arena, e->note);
	x->n++;
	return 0;
}

int tz_problem_events_load(struct tz_req *r, int64_t id, struct tz_problem_event **out, size_t *n)
{
	struct event_ctx x = { r, NULL, 0, 0 };
	int rc = tz_store_problem_events(r->store, id, collect_event, &x, &r->err);

	*out = x.e;
	*n = x.n;
	return rc;
}

const char *tz_problem_user_name(struct tz_req *r, int64_t id)
{
	struct tz_user u;

	if (!id)
		return "系统";
	if (tz_store_user_get(r->store, NULL, id, r->arena, &u, NULL, NULL))
		return tz_sfmt(r, "用户%lld", (long long)id);
	return tz_sfmt(r, "%s（%s）", u.name, u.login);
}

const char *tz_problem_event_name(int action)
{
	switch (action) {
	case TZ_PROBLEM_EV_RAISED: return "提出";
	case TZ_PROBLEM_EV_MOVED: return "变更状态";
	case TZ_PROBLEM_EV_EDITED: return "交办或修改";
	case TZ_PROBLEM_EV_COMMENT: return "批示意见";
	case TZ_PROBLEM_EV_MARK: return "标记";
	default: return "";
	}
}

static void history(struct tz_req *r, const struct tz_problem_event *e, size_t n)
{
	struct tz_buf *b = &r->out;

	tz_html_raw(b, "<section><h2>办理记录</h2><div class=\"table\"><table class=\"list history\">"
		       "<thead><tr><th>时间</th><th>经办人</th><th>事项</th><th>状态</th><th>说明</th>"
		       "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const char *st = e[i].action == TZ_PROBLEM_EV_MOVED
			? tz_sfmt(r, "%s→%s", tz_problem_status_name(e[i].from_status),
				  tz_problem_status_name(e[i].to_status))
			: tz_problem_status_name(e[i].to_status);

		tz_html_f(b, "<tr data-action=\"%d\"><td data-label=\"时间\" class=\"code\">%s</td>"
			     "<td data-label=\"经办人\">%s</td><td data-label=\"事项\">%s</td>"
			     "<td data-label=\"状态\">%s</td><td data-label=\"说明\">%s</td></tr>\n",
			  e[i].action, tz_fmt_time(r, e[i].at), tz_problem_user_name(r, e[i].user_id),
			  tz_problem_event_name(e[i].action), st, *e[i].note ? e[i].note : "—");
	}
	tz_html_raw(b, "</tbody></table></div></section>\n");
}

static void dl(struct tz_req *r, const char *term, const char *text)
{
	tz_html_f(&r->out, "<div><dt>%s</dt><dd>%s</dd></div>", term, text && *text ? text : "—");
}

static void forms(struct tz_req *r, const struct tz_problem_view *v)
{
	struct tz_object o = tz_object_project(v->region_id, v->unit_id, v->leader);
	const struct tz_problem *p = &v->p;
	struct tz_buf *b = &r->out;
	char d[TZ_DATE_FMT_MAX];
	int manage = tz_access_decide(r->org, r->user, TZ_ACT_MANAGE, &o) == TZ_ALLOW;
	int comment = tz_access_decide(r->org, r->user, TZ_ACT_COMMENT, &o) == TZ_ALLOW;
	const struct tz_org_node *un = p->unit_id ? tz_org_index_by_id(r->org, p->unit_id) : NULL;

	if (manage && p->status != TZ_PROBLEM_SOLVED) {
		tz_html_f(b, "<section class=\"card\"><h2>交办</h2><form class=\"form\" method=\"post\""
			     " action=\"/problems/%lld/assign\">", (long long)p->id);
		tz_page_csrf_field(r);
		tz_html_raw(b, "<label>问题类型<select name=\"kind\">");
		for (int k = 1; k <= TZ_PROBLEM_KIND_MAX; k++)
			option(b, tz_problem_kind_name((enum tz_problem_kind)k),
			       tz_problem_kind_name((enum tz_problem_kind)k), tz_problem_kind_name(p->kind));
		tz_html_raw(b, "</select></label><label>解决层级<select name=\"level\">");
		for (int l = 1; l <= TZ_PROBLEM_LEVEL_MAX; l++)
			option(b, tz_problem_level_name((enum tz_problem_level)l),
			       tz_problem_level_name((enum tz_problem_level)l),
			       tz_problem_level_name(p->level));
		tz_html_raw(b, "</select></label><label>责任单位<select name=\"unit\">"
			       "<option value=\"\">（填写其他单位）</option>");
		tz_problem_node_options(r, un ? un->code : NULL, 1, 1);
		tz_html_f(b, "</select></label><label>其他责任单位<input name=\"unit_text\" value=\"%s\""
			     " placeholder=\"如：国网营口供电公司\"></label>", p->unit_text);
		tz_html_f(b, "<label>办结时限<input type=\"date\" name=\"deadline\" value=\"%s\"></label>",
			  tz_date_fmt(p->deadline, d));
		tz_html_f(b, "<label>问题描述<textarea name=\"description\" rows=\"3\" maxlength=\"1000\">"
			     "%s</textarea></label>", p->description);
		if (p->status == TZ_PROBLEM_NEW)
			tz_html_raw(b, "<label class=\"check\"><input type=\"checkbox\" name=\"and_assign\""
				       " value=\"1\" checked> 保存后交办（状态改为已交办）</label>");
		tz_html_raw(b, "<button type=\"submit\">保存</button></form></section>\n");

		tz_html_f(b, "<section class=\"card\"><h2>办理状态</h2><form class=\"form\" method=\"post\""
			     " action=\"/problems/%lld/move\">", (long long)p->id);
		tz_page_csrf_field(r);
		tz_html_raw(b, "<label>改为<select name=\"to\">");
		for (int s = 1; s <= TZ_PROBLEM_STATUS_MAX; s++)
			if (tz_problem_may_move(p->status, (enum tz_problem_status)s))
				option(b, tz_problem_status_name((enum tz_problem_status)s),
				       tz_problem_status_name((enum tz_problem_status)s), NULL);
		tz_html_raw(b, "</select></label><label>说明<textarea name=\"note\" rows=\"2\""
			       " maxlength=\"1000\" placeholder=\"暂缓须写明原因；已解决须写明解决情况\">"
			       "</textarea></label><button type=\"submit\">变更状态</button></form></section>\n");
	}
	if (comment) {
		tz_html_f(b, "<section class=\"card\"><h2>批示和标记</h2><form class=\"form\" method=\"post\""
			     " action=\"/problems/%lld/comment\">", (long long)p->id);
		tz_page_csrf_field(r);
		tz_html_raw(b, "<label>标记<select name=\"mark\"><option value=\"\">不标记</option>");
		for (size_t i = 0; tz_problem_marks[i]; i++)
			option(b, tz_problem_marks[i], tz_problem_marks[i], NULL);
		tz_html_raw(b, "</select></label><label>意见<textarea name=\"text\" rows=\"3\""
			       " maxlength=\"1000\"></textarea></label><button type=\"submit\">提交</button>"
			       "</form></section>\n");
	}
}

/* The problem's page; `error` (may be NULL) is shown above the forms. */
static int page(struct tz_req *r, struct tz_problem_view *v, const char *error, int status)
{
	const struct tz_problem *p = &v->p;
	struct tz_problem_event *e;
	char d[TZ_DATE_FMT_MAX], per[TZ_PERIOD_FMT_MAX];
	size_t n;
	int rc;

	if ((rc = tz_problem_events_load(r, p->id, &e, &n)))
		return rc;
	tz_page_begin(r, tz_sfmt(r, "问题%lld", (long long)p->id), "/problems");
	tz_html_raw(&r->out, "<p class=\"crumbs\"><a href=\"/problems\">问题清单</a></p>\n");
	tz_html_f(&r->out, "<h1>%s问题<small>编号%lld · <span class=\"st st%d\">%s</span></small></h1>\n",
		  tz_problem_kind_name(p->kind), (long long)p->id, (int)p->status,
		  tz_problem_status_name(p->status));
	if (error)
		tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">%s</p>\n", error);
	tz_html_raw(&r->out, "<section><dl class=\"facts\">");
	tz_html_raw(&r->out, "<div><dt>项目</dt><dd><a href=\"/projects/");
	tz_html_url_arg(&r->out, p->project_code);
	tz_html_f(&r->out, "\">%s</a>（%s）</dd></div>", v->project_name, p->project_code);
	dl(r, "问题类型", tz_problem_kind_name(p->kind));
	dl(r, "解决层级", tz_problem_level_name(p->level));
	dl(r, "责任单位", tz_problem_unit_name(r, p));
	dl(r, "办结时限", tz_date_fmt(p->deadline, d));
	dl(r, "办理状态", tz_problem_status_name(p->status));
	dl(r, "来源", p->period.year ? tz_sfmt(r, "%s调度数据的存在问题", tz_period_fmt(p->period, per))
				     : "手工提出");
	dl(r, "提出", tz_sfmt(r, "%s %s", tz_fmt_time(r, p->raised_at),
			       tz_problem_user_name(r, p->raised_by)));
	tz_html_raw(&r->out, "</dl>");
	tz_html_f(&r->out, "<p class=\"desc\"><b>问题描述：</b>%s</p>", p->description);
	if (*p->reason)
		tz_html_f(&r->out, "<p class=\"desc\"><b>暂缓原因：</b>%s</p>", p->reason);
	if (*p->resolution)
		tz_html_f(&r->out, "<p class=\"desc\"><b>解决情况：</b>%s</p>", p->resolution);
	tz_html_raw(&r->out, "</section>\n");
	history(r, e, n);
	tz_html_raw(&r->out, "<div class=\"cols forms\">\n");
	forms(r, v);
	tz_html_raw(&r->out, "</div>\n");
	return tz_page_send(r, status);
}

int ui_problem(struct tz_req *r)
{
	struct tz_problem_view v;
	int answered, rc = tz_problem_load(r, tz_req_param(r, "id"), TZ_ACT_VIEW, &v, &answered);

	if (rc || answered)
		return rc;
	return page(r, &v, NULL, 200);
}

/* After a change: back to the problem's page; a refused value shows the
 * page again with the reason (400). */
static int after(struct tz_req *r, int64_t id, int rc)
{
	struct tz_problem_view v;
	int answered;

	if (!rc)
		return tz_resp_redirect(r, tz_sfmt(r, "/problems/%lld", (long long)id));
	if (rc != TZ_EINVAL && rc != TZ_ENOTFOUND && rc != TZ_EEXIST)
		return rc;
	{
		const char *msg = tz_arena_strdup(r->arena, r->err.msg);

		tz_err_clear(&r->err);
		if ((rc = tz_problem_load(r, tz_sfmt(r, "%lld", (long long)id), TZ_ACT_VIEW, &v,
					  &answered)) || answered)
			return rc;
		return page(r, &v, msg, 400);
	}
}

/* A refused raise: the form again, with what was typed and the reason
 * above it, so that a mistyped code does not cost the description. An
 * unknown or hidden project answers 404, other refusals 400. */
static int raise_again(struct tz_req *r, int rc)
{
	int status = rc == TZ_ENOTFOUND && !strcmp(r->err.field, "项目编号") ? 404 : 400;
	const char *msg = tz_arena_strdup(r->arena, r->err.msg);

	tz_err_clear(&r->err);
	tz_page_begin(r, "提出问题", "/problems");
	tz_html_raw(&r->out, "<h1>提出问题</h1>\n");
	tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">%s</p>\n", msg);
	/* A refused code is not echoed: the page must not confirm or
	 * repeat another node's project code (t3010). */
	raise_form(r, NULL, NULL, NULL, 0, status == 404 ? 2 : 1);
	tz_html_raw(&r->out, "<p><a href=\"/problems\">返回问题清单</a></p>\n");
	return tz_page_send(r, status);
}

int ui_problem_raise(struct tz_req *r)
{
	int64_t id = 0;
	int answered, rc = tz_problem_do_raise(r, &id, &answered);

	if (answered)
		return rc;
	if (!rc)
		return tz_resp_redirect(r, tz_sfmt(r, "/problems/%lld", (long long)id));
	if (rc == TZ_EINVAL || rc == TZ_ENOTFOUND || rc == TZ_EEXIST)
		return raise_again(r, rc);
	return rc;
}

static int change(struct tz_req *r, enum tz_action a, int (*fn)(struct tz_req *, struct tz_problem_view *))
{
	struct tz_problem_view v;
	int answered, rc = tz_problem_load(r, tz_req_param(r, "id"), a, &v, &answered);

	if (rc || answered)
		return rc;
	return after(r, v.p.id, fn(r, &v));
}

int ui_problem_assign(struct tz_req *r)
{
	return change(r, TZ_ACT_MANAGE, tz_problem_do_assign);
}

int ui_problem_move(struct tz_req *r)
{
	return change(r, TZ_ACT_MANAGE, tz_problem_do_move);
}

int ui_problem_comment(struct tz_req *r)
{
	return change(r, TZ_ACT_COMMENT, tz_problem_do_comment);
}
