/*
 * ui-admin.c: managing users (admins: add, disable, enable, reset a
 * password) and reading the audit trail (coordinators for the users of
 * their subtree, admins for everything), filtered by user, action,
 * object and dates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "store/store.h"
#include "web/audit.h"
#include "web/auth.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Users                                                               */

static const char *done_message(const char *done)
{
	static const char *const words[][2] = {
		{ "added", "已新增用户。" }, { "disabled", "已停用该用户，其登录会话已结束。" },
		{ "enabled", "已启用该用户。" }, { "password", "已重置该用户的密码，其登录会话已结束。" },
	};

	for (size_t i = 0; done && i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(done, words[i][0]))
			return words[i][1];
	return NULL;
}

static void role_options(struct tz_req *r, const char *current)
{
	for (int role = TZ_ROLE_MIN; role <= TZ_ROLE_MAX; role++)
		tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", tz_role_name((enum tz_role)role),
			  current && !strcmp(current, tz_role_name((enum tz_role)role)) ? " selected" : "",
			  tz_role_label((enum tz_role)role));
}

static void org_options(struct tz_req *r, const char *current)
{
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *n = tz_org_index_at(r->org, i);

		tz_html_f(&r->out, "<option value=\"%s\"%s>%s（%s）</option>", n->code,
			  current && !strcmp(current, n->code) ? " selected" : "", n->name,
			  tz_org_kind_name(n->kind));
	}
}

static void user_row(struct tz_req *r, const struct tz_user *u)
{
	const struct tz_org_node *n = tz_org_index_by_id(r->org, u->org_id);
	struct tz_buf *b = &r->out;

	tz_html_f(b, "<tr><td data-label=\"登录名\">%s</td><td data-label=\"姓名\">%s</td>"
		     "<td data-label=\"角色\">%s</td><td data-label=\"所属机构\">%s</td>"
		     "<td data-label=\"包联领导\">%s</td><td data-label=\"状态\">%s%s</td>"
		     "<td data-label=\"创建时间\">%s</td><td data-label=\"操作\" class=\"ops\">",
		  u->login, u->name, tz_role_label(u->role), n ? n->name : "—",
		  *u->leader_name ? u->leader_name : "—", u->disabled ? "已停用" : "正常",
		  u->demo ? "（演示账号）" : "", tz_fmt_time(r, u->created));
	if (u->id != r->user->id) {
		tz_html_raw(b, "<form method=\"post\" action=\"/users/");
		tz_html_url_arg(b, u->login);
		tz_html_raw(b, u->disabled ? "/enable\">" : "/disable\" data-confirm=\"确定停用该用户？\">");
		tz_page_csrf_field(r);
		tz_html_raw(b, u->disabled ? "<button type=\"submit\">启用</button></form>"
					   : "<button type=\"submit\">停用</button></form>");
	}
	tz_html_raw(b, "<form method=\"post\" action=\"/users/");
	tz_html_url_arg(b, u->login);
	tz_html_raw(b, "/password\" class=\"inline\">");
	tz_page_csrf_field(r);
	tz_html_raw(b, "<input type=\"password\" name=\"password\" placeholder=\"新密码\" required"
		       " autocomplete=\"new-password\" aria-label=\"新密码\">"
		       "<button type=\"submit\">重置密码</button></form></td></tr>\n");
}

static int users_page(struct tz_req *r, int status, const char *msg, int good)
{
	struct tz_user *users;
	size_t n;
	int rc;

	if ((rc = tz_store_user_list(r->store, r->arena, &users, &n, &r->err)))
		return rc;
	tz_page_begin(r, "用户", "/users");
	tz_html_f(&r->out, "<h1>用户<small>共 %zu 个</small></h1>\n", n);
	if (msg)
		tz_html_f(&r->out, "<p class=\"msg %s\" role=\"status\">%s</p>\n", good ? "good" : "bad",
			  msg);
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list\"><thead><tr><th>登录名</th>"
			     "<th>姓名</th><th>角色</th><th>所属机构</th><th>包联领导</th><th>状态</th>"
			     "<th>创建时间</th><th>操作</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++)
		user_row(r, &users[i]);
	tz_html_raw(&r->out, "</tbody></table></div>\n<h2>新增用户</h2>\n"
			     "<form method=\"post\" action=\"/users\" class=\"form\">");
	tz_page_csrf_field(r);
	tz_html_f(&r->out, "<label>登录名<input name=\"login\" required value=\"%s\""
			   " autocapitalize=\"none\"></label>", msg && !good && tz_req_form(r, "login")
			   ? tz_req_form(r, "login") : "");
	tz_html_f(&r->out, "<label>姓名<input name=\"name\" required value=\"%s\"></label>",
		  msg && !good && tz_req_form(r, "name") ? tz_req_form(r, "name") : "");
	tz_html_raw(&r->out, "<label>角色<select name=\"role\">");
	role_options(r, tz_req_form(r, "role"));
	tz_html_raw(&r->out, "</select></label><label>所属机构<select name=\"org\">");
	org_options(r, tz_req_form(r, "org"));
	tz_html_raw(&r->out, "</select></label>"
			     "<label>包联领导（仅领导账号，填写台账中的姓名）<input name=\"leader_name\"></label>"
			     "<label>初始密码（至少8个字符）<input type=\"password\" name=\"password\" required"
			     " autocomplete=\"new-password\"></label>"
			     "<button type=\"submit\">新增用户</button></form>\n");
	return tz_page_send(r, status);
}

int ui_users(struct tz_req *r)
{
	return users_page(r, 200, done_message(tz_req_query(r, "done")), 1);
}

/* Hash a new password, at most two Argon2id at a time. */
static int hash_password(struct tz_req *r, const char *pw, char out[TZ_PWHASH_MAX])
{
	int rc;

	sem_wait(&r->web->pw_slots);
	rc = tz_password_hash(pw, r->web->cfg.weak_hashes ? TZ_PW_INTERACTIVE : TZ_PW_MODERATE,
			      out, &r->err);
	sem_post(&r->web->pw_slots);
	return rc;
}

int ui_user_add(struct tz_req *r)
{
	const char *org = tz_req_form(r, "org"), *role = tz_req_form(r, "role");
	const char *pw = tz_req_form(r, "password"), *leader = tz_req_form(r, "leader_name");
	const struct tz_org_node *node = org ? tz_org_index_by_code(r->org, org) : NULL;
	struct tz_user u = { 0 };
	struct tz_actor who;
	struct tz_err err;
	char hash[TZ_PWHASH_MAX];
	int rc;

	u.login = tz_req_form(r, "login");
	u.name = tz_req_form(r, "name");
	u.leader_name = leader ? leader : "";
	u.created = r->now;
	if (!role || tz_role_parse(role, &u.role))
		return users_page(r, 400, "请选择角色", 0);
	if (!node)
		return users_page(r, 400, "请选择所属机构", 0);
	u.org_id = node->id;
	if (u.role != TZ_ROLE_LEADER)
		u.leader_name = "";
	if (tz_user_validate(&u, &err) || tz_password_check(pw, &err))
		return users_page(r, 400, err.msg, 0);
	/* A leader account is bound to a name some ledger writes. */
	if (u.role == TZ_ROLE_LEADER) {
		rc = tz_store_leader_check(r->store, u.leader_name, &err);
		if (rc == TZ_ENOTFOUND)
			return users_page(r, 400, err.msg, 0);
		if (rc) {
			r->err = err;
			return rc;
		}
	}
	if ((rc = hash_password(r, pw, hash)))
		return rc;
	tz_req_actor(r, &who);
	rc = tz_store_user_add(r->store, &u, hash, &who, NULL, &r->err);
	if (rc == TZ_EEXIST || rc == TZ_EINVAL || rc == TZ_ENOTFOUND)
		return users_page(r, 400, r->err.msg, 0);
	if (rc)
		return rc;
	return tz_resp_redirect(r, "/users?done=added");
}

/* The user named in the path, checked against the admin's rights on its
 * node; 0 with *shown 0 when an error response is set. */
static int target(struct tz_req *r, struct tz_user *u, int *shown)
{
	struct tz_object o;
	int rc = tz_store_user_get(r->store, tz_req_param(r, "login"), 0, r->arena, u, NULL, &r->err);

	*shown = 0;
	if (rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 404, NULL);
	if (rc)
		return rc;
	o = tz_object_node(u->org_id);
	if (!tz_req_allow(r, TZ_ACT_ADMIN, &o))
		return 0;
	*shown = 1;
	return 0;
}

static int set_disabled(struct tz_req *r, int disabled)
{
	struct tz_user u;
	struct tz_actor who;
	int shown, rc = target(r, &u, &shown);

	if (rc || !shown)
		return rc;
	if (u.id == r->user->id)
		return users_page(r, 400, "不能停用自己的账号", 0);
	tz_req_actor(r, &who);
	if ((rc = tz_store_user_set_disabled(r->store, u.id, disabled, &who, &r->err)))
		return rc;
	return tz_resp_redirect(r, disabled ? "/users?done=disabled" : "/users?done=enabled");
}

int ui_user_disable(struct tz_req *r)
{
	return set_disabled(r, 1);
}

int ui_user_enable(struct tz_req *r)
{
	return set_disabled(r, 0);
}

int ui_user_password(struct tz_req *r)
{
	const char *pw = tz_req_form(r, "password");
	char hash[TZ_PWHASH_MAX];
	struct tz_user u;
	struct tz_actor who;
	struct tz_err err;
	int shown, rc = target(r, &u, &shown);

	if (rc || !shown)
		return rc;
	if (tz_password_check(pw, &err))
		return users_page(r, 400, err.msg, 0);
	if ((rc = hash_password(r, pw, hash)))
		return rc;
	tz_req_actor(r, &who);
	if ((rc = tz_store_user_set_password(r->store, u.id, hash,
					     u.id == r->user->id ? r->session_hash : NULL, &who,
					     &r->err)))
		return rc;
	return tz_resp_redirect(r, "/users?done=password");
}

/* ------------------------------------------------------------------ */
/* The audit trail                                                     */

/*
 * What the rows name, looked up once a page: projects (their names, when
 * the reader may see them) and users (their 姓名), for audit.c.
 */
struct names {
	struct tz_req *r;
	struct tz_audit_names_cache c;
};

static const char *project_name(void *ctx, const char *code)
{
	struct names *x = ctx;
	struct tz_req *r = x->r;
	struct tz_project *rows;
	struct tz_object o;
	const char *name = NULL;
	size_t n;
	int rc;

	if (tz_audit_names_cache_find(&x->c, code, &name))
		return name;
	rc = tz_store_project_ledger(r->store, code, r->arena, &rows, &n, &r->err);
	if (!rc && n) {
		o = tz_object_project(rows[n - 1].region_id, rows[n - 1].unit_id, rows[n - 1].leader);
		if (tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) == TZ_ALLOW)
			name = rows[n - 1].name;
	} else if (rc && rc != TZ_ENOTFOUND) {
		tz_log(TZ_LOG_WARN, "event=audit_names project=%s error=\"%s\"", code, r->err.msg);
	}
	tz_err_clear(&r->err);
	return tz_audit_names_cache_keep(&x->c, code, name);
}

static const char *user_name(void *ctx, const char *login)
{
	struct names *x = ctx;
	const char *name;

	if (tz_audit_names_cache_user(&x->c, x->r->store, login, &name, &x->r->err)) {
		tz_log(TZ_LOG_WARN, "event=audit_names users error=\"%s\"", x->r->err.msg);
		tz_err_clear(&x->r->err);
	}
	return name;
}

/* "YYYY-MM-DD" in China time as unix seconds at its midnight; 0 if empty;
 * -1 if malformed. */
static int64_t day(const char *s)
{
	struct tm tm;
	char *end;

	if (!s || !*s)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d", &tm);
	if (!end || *end)
		return -1;
	return (int64_t)timegm(&tm) - 8 * 3600;
}

int ui_audit(struct tz_req *r)
{
	const struct tz_access_scope *scope = tz_req_scope(r);
	struct tz_audit_query q = { 0 };
	struct tz_audit_entry *e;
	struct names x = { r, { r->arena, NULL, NULL, 0, 0, NULL, 0, 0 } };
	struct tz_audit_names nm = { r->org, project_name, user_name, &x };
	const char *since = tz_req_query(r, "since"), *until = tz_req_query(r, "until");
	size_t n;
	long total, page, pages;
	int rc;

	q.all = scope->all;
	q.org_ids = scope->nodes;
	q.norg_ids = scope->nnodes;
	q.login = tz_req_query(r, "user");
	q.action = tz_req_query(r, "action");
	q.object = tz_req_query(r, "object");
	q.since = day(since);
	q.until = day(until);
	if (q.since < 0 || q.until < 0)
		return tz_resp_error(r, 400, "日期应为 YYYY-MM-DD");
	if (q.until)
		q.until += 24 * 3600;  /* to the end of that day */
	if (tz_req_int(r, "page", 1, 1, 1000000, &page))
		return tz_resp_error(r, 400, "页码无效");
	q.limit = 100;
	q.offset = (page - 1) * q.limit;
	if ((rc = tz_store_audit_list(r->store, &q, r->arena, &e, &n, &total, &r->err)))
		return rc;
	tz_page_begin(r, "审计日志", "/audit");
	tz_html_f(&r->out, "<h1>审计日志<small>共 %ld 条</small></h1>\n", total);
	tz_html_raw(&r->out, "<form class=\"filters\" method=\"get\" action=\"/audit\">");
	tz_html_f(&r->out, "<label>用户<input name=\"user\" value=\"%s\"></label>",
		  q.login ? q.login : "");
	tz_html_f(&r->out, "<label>操作<input name=\"action\" value=\"%s\" placeholder=\"如 user.\""
			   " list=\"audit-actions\"></label>", q.action ? q.action : "");
	tz_html_raw(&r->out, "<datalist id=\"audit-actions\">");
	for (size_t i = 0; i < tz_audit_action_count(); i++) {
		const char *key, *label;

		tz_audit_action_at(i, &key, &label);
		tz_html_f(&r->out, "<option value=\"%s\">%s</option>", key, label);
	}
	tz_html_raw(&r->out, "</datalist>");
	tz_html_f(&r->out, "<label>对象<input name=\"object\" value=\"%s\"></label>",
		  q.object ? q.object : "");
	tz_html_f(&r->out, "<label>起始日期<input type=\"date\" name=\"since\" value=\"%s\"></label>",
		  since ? since : "");
	tz_html_f(&r->out, "<label>截止日期<input type=\"date\" name=\"until\" value=\"%s\"></label>",
		  until ? until : "");
	tz_html_raw(&r->out, "<div class=\"actions\"><button type=\"submit\">筛选</button>"
			     " <a href=\"/audit\">清除条件</a></div></form>\n");
	if (!n) {
		tz_html_raw(&r->out, "<p class=\"msg\">没有符合条件的记录。</p>\n");
		return tz_page_send(r, 200);
	}
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list audit\"><thead><tr><th>时间</th>"
			     "<th>用户</th><th>来源</th><th>操作</th><th>对象</th><th>原值</th>"
			     "<th>新值</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		tz_html_f(&r->out, "<tr><td data-label=\"时间\">%s</td><td data-label=\"用户\">%s</td>"
				   "<td data-label=\"来源\">%s</td><td data-label=\"操作\">%s</td>"
				   "<td data-label=\"对象\">",
			  tz_fmt_time(r, e[i].at), *e[i].login ? e[i].login : "—",
			  tz_audit_origin_label(e[i].origin), tz_audit_action_label(e[i].action));
		tz_audit_object_html(&r->out, e[i].object, &nm);
		tz_html_raw(&r->out, "</td><td data-label=\"原值\">");
		tz_audit_value_html(&r->out, e[i].action, e[i].old_value, &nm);
		tz_html_raw(&r->out, "</td><td data-label=\"新值\">");
		tz_audit_value_html(&r->out, e[i].action, e[i].new_value, &nm);
		tz_html_raw(&r->out, "</td></tr>\n");
	}
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	pages = (total + q.limit - 1) / q.limit;
	if (pages > 1) {
		char num[24];

		tz_html_raw(&r->out, "<nav class=\"pager\" aria-label=\"分页\">");
		if (page > 1) {
			snprintf(num, sizeof(num), "%ld", page - 1);
			tz_html_raw(&r->out, "<a rel=\"prev\" href=\"");
			tz_page_href(r, "/audit", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">上一页</a>");
		}
		tz_html_f(&r->out, "<span>第 %ld / %ld 页</span>", page, pages);
		if (page < pages) {
			snprintf(num, sizeof(num), "%ld", page + 1);
			tz_html_raw(&r->out, "<a rel=\"next\" href=\"");
			tz_page_href(r, "/audit", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">下一页</a>");
		}
		tz_html_raw(&r->out, "</nav>\n");
	}
	return tz_page_send(r, 200);
}
