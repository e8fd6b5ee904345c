/*
 * ui-periods.c: periods and deadlines (调度期, 报送截止) for the people
 * who run the dispatch (web.md "Periods, deadlines, on-time rate"): the
 * list of dispatched periods with their state and deadline per node; open
 * one (default deadline the 5th of the next month, 17:00 China time),
 * move a deadline, close a period, reopen it. Every change is a POST with
 * the CSRF token, checked against the node (tz_req_allow, TZ_ACT_MANAGE:
 * a coordinator runs its own subtree's dispatch, never another's), and
 * audited in the same transaction (tz_store_period_change).
 */
#include <stdio.h>
#include <string.h>

#include "web/dispatch.h"
#include "web/pages.h"
#include "base/banned.h"

/* Whether a node of this kind may run a dispatch: the city, a county, a
 * district or a zone (store: departments and 市直 do not). */
static int dispatches(const struct tz_org_node *n)
{
	return n->kind != TZ_ORG_DEPARTMENT && n->kind != TZ_ORG_DIRECT;
}

static int may_manage(struct tz_req *r, int64_t node_id)
{
	struct tz_object o = tz_object_node(node_id);

	return tz_access_decide(r->org, r->user, TZ_ACT_MANAGE, &o) == TZ_ALLOW;
}

/* "2026-01-05T17:00", as a datetime-local input holds it. */
static const char *local_input(struct tz_req *r, int64_t utc)
{
	struct tz_cst_time t;
	char buf[24];

	tz_cst_from_utc(utc, &t);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour,
		 t.minute);
	return tz_arena_strdup(r->arena, buf);
}

struct listing {
	struct tz_req *r;
	long shown;
	struct tz_period newest;     /* of the user's own node's dispatches */
};

/* One dispatch, if the user sees its node or is governed by it. */
static int period_row(void *ctx, const struct tz_dispatch *d)
{
	struct listing *l = ctx;
	struct tz_req *r = l->r;
	struct tz_buf *b = &r->out;
	const struct tz_org_node *n = tz_org_index_by_id(r->org, d->node_id);
	struct tz_object o = tz_object_node(d->node_id);
	char per[TZ_PERIOD_FMT_MAX], dl[TZ_CST_FMT_MAX];
	int mine = n && may_manage(r, d->node_id);

	if (!n || (tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) != TZ_ALLOW &&
		   !tz_org_index_within(r->org, r->user->org_id, d->node_id)))
		return 0;
	if (d->node_id == r->user->org_id && tz_period_cmp(d->period, l->newest) > 0)
		l->newest = d->period;
	l->shown++;
	tz_period_fmt(d->period, per);
	tz_html_f(b, "<tr><td data-label=\"调度期\">%s</td><td data-label=\"开启机构\">%s</td>"
		     "<td data-label=\"状态\"><span class=\"tag %s\">%s</span></td>"
		     "<td data-label=\"报送截止\">%s</td><td data-label=\"开启时间\">%s</td>"
		     "<td data-label=\"关闭时间\">%s</td><td data-label=\"查看\">",
		  per, n->name, d->state == TZ_DISPATCH_OPEN ? "done" : "", tz_dispatch_state_name(d->state),
		  tz_cst_fmt(d->deadline, dl), tz_fmt_time(r, d->opened_at),
		  d->state == TZ_DISPATCH_CLOSED ? tz_fmt_time(r, d->closed_at) : "—");
	tz_html_f(b, "<a href=\"/report?period=%s\">填报</a> · ", per);
	tz_html_raw(b, "<a href=\"/ontime?period=");
	tz_html_url_arg(b, per);
	tz_html_raw(b, "&amp;node=");
	tz_html_url_arg(b, n->code);
	tz_html_raw(b, "\">按时报送率</a></td><td data-label=\"操作\" class=\"ops\">");
	if (!mine) {
		tz_html_raw(b, "由上级开启</td></tr>\n");
		return 0;
	}
	/* Move the deadline. */
	tz_html_raw(b, "<form method=\"post\" class=\"inline\" action=\"/periods/");
	tz_html_url_arg(b, n->code);
	tz_html_f(b, "/%s/deadline\">", per);
	tz_page_csrf_field(r);
	tz_html_f(b, "<input type=\"datetime-local\" name=\"deadline\" required value=\"%s\""
		     " aria-label=\"%s %s 报送截止\"><button type=\"submit\">修改截止</button></form>",
		  local_input(r, d->deadline), per, n->name);
	if (d->state == TZ_DISPATCH_OPEN) {
		tz_html_raw(b, "<form method=\"post\" action=\"/periods/");
		tz_html_url_arg(b, n->code);
		tz_html_f(b, "/%s/close\" data-confirm=\"关闭后填报员不能再修改调度期 %s 的数据（更正由调度管理员进行），"
			     "确定关闭？\">", per, per);
		tz_page_csrf_field(r);
		tz_html_raw(b, "<button type=\"submit\">关闭</button></form>");
	} else {
		tz_html_raw(b, "<form method=\"post\" action=\"/periods\">");
		tz_page_csrf_field(r);
		tz_html_f(b, "<input type=\"hidden\" name=\"period\" value=\"%s\">"
			     "<input type=\"hidden\" name=\"node\" value=\"%s\">"
			     "<button type=\"submit\">重新开启</button></form>", per, n->code);
	}
	tz_html_raw(b, "</td></tr>\n");
	return 0;
}

static const char *done_message(const char *done)
{
	static const char *const words[][2] = {
		{ "opened", "调度期已开启，填报员现在可以报送。" },
		{ "opened-late", "调度期已开启，但报送截止已过：此后的报送都记为迟报。如非有意，请修改报送截止时间。" },
		{ "deadline", "报送截止时间已修改：迟报按新的截止时间认定。" },
		{ "closed", "调度期已关闭：填报员不能再修改，更正由调度管理员进行并留有记录。" },
	};

	for (size_t i = 0; done && i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(done, words[i][0]))
			return words[i][1];
	return NULL;
}

/* The month before the one `now` falls in, China time: the month whose
 * progress is usually dispatched next. */
static struct tz_period last_month(int64_t now)
{
	struct tz_cst_time t;
	struct tz_period p;

	tz_cst_from_utc(now, &t);
	p.year = t.year;
	p.month = t.month;
	return tz_web_period_prev(p);
}

static int periods_page(struct tz_req *r, int status, const char *msg, int good)
{
	struct listing l = { r, 0, { 0, 0 } };
	struct tz_buf *b = &r->out;
	struct tz_period next;
	char per[TZ_PERIOD_FMT_MAX];
	const char *form_period = tz_req_form(r, "period"), *form_node = tz_req_form(r, "node");
	const char *form_deadline = tz_req_form(r, "deadline");
	int rc;

	tz_page_begin(r, "调度期", "/periods");
	tz_html_raw(b, "<h1>调度期<small>开启、报送截止、关闭</small></h1>\n");
	if (msg)
		tz_html_f(b, "<p class=\"msg %s\" role=\"%s\">%s</p>\n", good ? "good" : "bad",
			  good ? "status" : "alert", msg);
	tz_html_raw(b, "<div class=\"table\"><table class=\"list periods\"><thead><tr><th>调度期</th>"
		       "<th>开启机构</th><th>状态</th><th>报送截止</th><th>开启时间</th><th>关闭时间</th>"
		       "<th>查看</th><th>操作</th></tr></thead><tbody>\n");
	if ((rc = tz_store_period_each(r->store, 0, period_row, &l, &r->err)))
		return rc;
	tz_html_raw(b, "</tbody></table></div>\n");
	if (!l.shown)
		tz_html_raw(b, "<p class=\"msg\">还没有开启过调度期。</p>\n");

	/* Open a period: the nodes the user runs that may dispatch. */
	next = l.newest.year ? tz_web_period_next(l.newest) : last_month(r->now);
	tz_html_raw(b, "<h2>开启调度期</h2>\n<form method=\"post\" action=\"/periods\" class=\"form\">");
	tz_page_csrf_field(r);
	tz_html_f(b, "<label>调度期<input type=\"month\" name=\"period\" required value=\"%s\"></label>",
		  !good && form_period ? form_period : tz_period_fmt(next, per));
	tz_html_raw(b, "<label>开启机构<select name=\"node\">");
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *n = tz_org_index_at(r->org, i);
		int sel = form_node ? !strcmp(form_node, n->code) : n->id == r->user->org_id;

		if (!dispatches(n) || !may_manage(r, n->id))
			continue;
		tz_html_f(b, "<option value=\"%s\"%s>%s（%s）</option>", n->code, sel ? " selected" : "",
			  n->name, tz_org_kind_name(n->kind));
	}
	tz_html_raw(b, "</select></label>");
	tz_html_f(b, "<label>报送截止（北京时间；留空为次月5日 17:00）<input type=\"datetime-local\""
		     " name=\"deadline\" value=\"%s\"></label>",
		  !good && form_deadline ? form_deadline : "");
	tz_html_raw(b, "<p class=\"count\">县（市、区）开启本地区的调度期后，本地区的项目按本地区的报送截止时间报送。"
		       "已关闭的调度期再次开启时保留原截止时间。</p>"
		       "<button type=\"submit\">开启调度期</button></form>\n");
	return tz_page_send(r, status);
}

int ui_periods(struct tz_req *r)
{
	return periods_page(r, 200, done_message(tz_req_query(r, "done")), 1);
}

/* The node of a change (path or form `code`, default the user's own),
 * checked: 0 with *n, or 0 with a response set (*n NULL). */
static int target_node(struct tz_req *r, const char *code, const struct tz_org_node **n)
{
	struct tz_object o;

	*n = code && *code ? tz_org_index_by_code(r->org, code)
			   : tz_org_index_by_id(r->org, r->user->org_id);
	if (!*n)
		return tz_resp_error(r, 404, NULL);
	o = tz_object_node((*n)->id);
	if (!tz_req_allow(r, TZ_ACT_MANAGE, &o)) {
		*n = NULL;
		return 0;
	}
	return 0;
}

/* Make a change and answer: back to the list with a notice, or the list
 * with the store's reason (400). */
static int change(struct tz_req *r, enum tz_period_change op, const char *node_code,
		  const char *period_text, const char *deadline_text, const char *done)
{
	const struct tz_org_node *n;
	struct tz_period p;
	struct tz_actor who;
	struct tz_err err;
	int64_t deadline = 0;
	char buf[64];
	int rc;

	if ((rc = target_node(r, node_code, &n)) || !n)
		return rc;
	if (!period_text || tz_period_parse(period_text, strlen(period_text), &p, NULL))
		return periods_page(r, 400, "调度期应为 YYYY-MM，如 2025-12", 0);
	tz_err_clear(&err);
	if (deadline_text && *deadline_text &&
	    tz_cst_parse(deadline_text, strlen(deadline_text), &deadline, &err)) {
		char msg[600];

		snprintf(msg, sizeof(msg), "报送截止“%s”%s", deadline_text, err.msg);
		return periods_page(r, 400, tz_arena_strdup(r->arena, msg), 0);
	}
	if (op == TZ_PERIOD_DEADLINE && !deadline)
		return periods_page(r, 400, "请填写新的报送截止时间", 0);
	tz_req_actor(r, &who);
	rc = tz_store_period_change(r->store, op, n->id, p, deadline, &who, &r->err);
	if (rc == TZ_EINVAL || rc == TZ_EEXIST || rc == TZ_ENOTFOUND)
		return periods_page(r, 400, r->err.msg, 0);
	if (rc)
		return rc;
	/* Opening a period whose deadline (the default one unless given) is
	 * already past makes every report late: say so (报送截止已过). */
	if (op == TZ_PERIOD_OPEN && (deadline ? deadline : tz_deadline_default(p)) <= r->now)
		done = "opened-late";
	snprintf(buf, sizeof(buf), "/periods?done=%s", done);
	return tz_resp_redirect(r, buf);
}

int ui_period_open(struct tz_req *r)
{
	return change(r, TZ_PERIOD_OPEN, tz_req_form(r, "node"), tz_req_form(r, "period"),
		      tz_req_form(r, "deadline"), "opened");
}

int ui_period_deadline(struct tz_req *r)
{
	return change(r, TZ_PERIOD_DEADLINE, tz_req_param(r, "node"), tz_req_param(r, "period"),
		      tz_req_form(r, "deadline"), "deadline");
}

int ui_period_close(struct tz_req *r)
{
	return change(r, TZ_PERIOD_CLOSE, tz_req_param(r, "node"), tz_req_param(r, "period"), NULL,
		      "closed");
}
