/*
 * ui-account.c: the signed-in user's own page: who it is, where it sits,
 * and changing its password (which ends its other sessions).
 */
#include <string.h>

#include "store/store.h"
#include "web/auth.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

static int account_page(struct tz_req *r, int status, const char *msg, int good)
{
	const struct tz_user *u = r->user;
	const struct tz_org_node *n = tz_org_index_by_id(r->org, u->org_id);

	tz_page_begin(r, "我的账号", NULL);
	tz_html_raw(&r->out, "<h1>我的账号</h1>\n");
	if (msg)
		tz_html_f(&r->out, "<p class=\"msg %s\" role=\"status\">%s</p>\n", good ? "good" : "bad",
			  msg);
	tz_html_raw(&r->out, "<dl class=\"facts\">");
	tz_html_f(&r->out, "<div><dt>登录名</dt><dd>%s</dd></div><div><dt>姓名</dt><dd>%s</dd></div>"
			   "<div><dt>角色</dt><dd>%s</dd></div><div><dt>所属机构</dt><dd>%s</dd></div>",
		  u->login, u->name, tz_role_label(u->role), n ? n->name : "—");
	if (u->role == TZ_ROLE_LEADER)
		tz_html_f(&r->out, "<div><dt>包联领导</dt><dd>%s</dd></div>", u->leader_name);
	tz_html_raw(&r->out, "</dl>\n<h2>修改密码</h2>\n"
			     "<form method=\"post\" action=\"/account/password\" class=\"form\">");
	tz_page_csrf_field(r);
	tz_html_raw(&r->out, "<label>当前密码<input type=\"password\" name=\"old\" required"
			     " autocomplete=\"current-password\"></label>"
			     "<label>新密码（至少8个字符）<input type=\"password\" name=\"new\" required"
			     " autocomplete=\"new-password\"></label>"
			     "<label>再次输入新密码<input type=\"password\" name=\"new2\" required"
			     " autocomplete=\"new-password\"></label>"
			     "<button type=\"submit\">修改密码</button></form>\n");
	return tz_page_send(r, status);
}

int ui_account(struct tz_req *r)
{
	const char *done = tz_req_query(r, "changed");

	return account_page(r, 200, done ? "密码已修改。" : NULL, 1);
}

int ui_account_password(struct tz_req *r)
{
	const char *old = tz_req_form(r, "old"), *pw = tz_req_form(r, "new");
	const char *pw2 = tz_req_form(r, "new2");
	char hash[TZ_PWHASH_MAX], *stored = NULL;
	struct tz_user u;
	struct tz_actor who;
	struct tz_err err;
	int ok, rc;

	if ((rc = tz_store_user_get(r->store, NULL, r->user->id, r->arena, &u, &stored, &r->err)))
		return rc;
	sem_wait(&r->web->pw_slots);
	ok = old && tz_password_verify(stored, old);
	sem_post(&r->web->pw_slots);
	if (!ok)
		return account_page(r, 400, "当前密码不正确", 0);
	if (!pw || !pw2 || strcmp(pw, pw2))
		return account_page(r, 400, "两次输入的新密码不一致", 0);
	if (tz_password_check(pw, &err))
		return account_page(r, 400, err.msg, 0);
	sem_wait(&r->web->pw_slots);
	rc = tz_password_hash(pw, r->web->cfg.weak_hashes ? TZ_PW_INTERACTIVE : TZ_PW_MODERATE,
			      hash, &r->err);
	sem_post(&r->web->pw_slots);
	if (rc)
		return rc;
	tz_req_actor(r, &who);
	if ((rc = tz_store_user_set_password(r->store, r->user->id, hash, r->session_hash, &who,
					     &r->err)))
		return rc;
	return tz_resp_redirect(r, "/account?changed=1");
}
