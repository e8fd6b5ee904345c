/*
 * ui-login.c: signing in and out.
 *
 * A sign-in is throttled per login and address (and per address alone)
 * before any password is checked; a wrong login and a wrong password get
 * the same answer in the same time (unknown logins are checked against a
 * dummy hash); every refusal is recorded in the audit trail. Argon2id
 * runs at most two at a time, since each takes tens of megabytes.
 */
#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "web/auth.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

/* Where to go after signing in: a local path only. */
static const char *next_path(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strpbrk(next, "\r\n"))
		return "/";
	return next;
}

static int login_page(struct tz_req *r, int status, const char *login, const char *msg)
{
	const char *next = tz_req_arg(r, "next");

	tz_page_begin(r, "登录", NULL);
	tz_html_raw(&r->out, "<section class=\"login\">\n<h1>重点项目台账与调度系统</h1>\n");
	if (!msg && tz_req_arg(r, "expired"))
		msg = "登录已过期，刚才提交的内容没有保存，请重新登录。"
		      "调度填报页上未保存的填写内容暂存在本浏览器中，登录后回到该页即可恢复。";
	if (msg)
		tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">%s</p>\n", msg);
	tz_html_raw(&r->out, "<form method=\"post\" action=\"/login\" class=\"form\">\n");
	tz_page_csrf_field(r);
	tz_html_f(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n", next_path(next));
	tz_html_f(&r->out, "<label>登录名<input name=\"login\" value=\"%s\" autocomplete=\"username\""
			   " autocapitalize=\"none\" required></label>\n", login ? login : "");
	tz_html_raw(&r->out, "<label>密码<input type=\"password\" name=\"password\""
			     " autocomplete=\"current-password\" required></label>\n"
			     "<button type=\"submit\">登录</button>\n</form>\n</section>\n");
	return tz_page_send(r, status);
}

int ui_login_form(struct tz_req *r)
{
	return login_page(r, 200, NULL, NULL);
}

/* Argon2id, at most two at a time. */
static int verify(struct tz_req *r, const char *hash, const char *password)
{
	int ok;

	sem_wait(&r->web->pw_slots);
	ok = tz_password_verify(hash, password);
	sem_post(&r->web->pw_slots);
	return ok;
}

int ui_login(struct tz_req *r)
{
	const char *login = tz_req_form(r, "login"), *password = tz_req_form(r, "password");
	struct tz_user *u = tz_arena_calloc(r->arena, 1, sizeof(*u));
	struct tz_actor who;
	char *hash = NULL, object[TZ_LOGIN_MAX + 16], msg[160];
	int64_t wait;
	int known, ok, rc;

	if (!login || !*login || !password || strlen(login) > TZ_LOGIN_MAX ||
	    strlen(password) > TZ_PASSWORD_MAX)
		return login_page(r, 400, login && strlen(login) <= TZ_LOGIN_MAX ? login : NULL,
				  "请输入登录名和密码");
	wait = tz_throttle_wait(r->web->throttle, login, r->client, r->now);
	if (wait > 0) {
		char secs[24];

		snprintf(secs, sizeof(secs), "%lld", (long long)wait);
		tz_resp_header(r, "Retry-After", secs);
		snprintf(msg, sizeof(msg), "登录尝试过多，请%lld秒后再试", (long long)wait);
		return login_page(r, 429, login, msg);
	}
	rc = tz_store_user_get(r->store, login, 0, r->arena, u, &hash, &r->err);
	if (rc && rc != TZ_ENOTFOUND)
		return rc;
	known = !rc;
	ok = verify(r, known ? hash : r->web->dummy_hash, password) && known && !u->disabled;
	if (!ok) {
		tz_throttle_failed(r->web->throttle, login, r->client, r->now);
		tz_req_actor(r, &who);
		snprintf(object, sizeof(object), "user:%s", login);
		if ((rc = tz_store_audit_add(r->store, &who, "login.failed", object, NULL, NULL, &r->err)))
			return rc;
		return login_page(r, 401, login, "登录名或密码不正确，或账号已停用");
	}
	tz_throttle_passed(r->web->throttle, login, r->client);
	if ((rc = tz_session_start(r, u)))
		return rc;
	return tz_resp_redirect(r, next_path(tz_req_form(r, "next")));
}

int ui_logout(struct tz_req *r)
{
	int rc = tz_session_end(r);

	if (rc)
		return rc;
	return tz_resp_redirect(r, "/login");
}
