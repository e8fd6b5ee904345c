/*
 * layout.c: the page skeleton every page shares (Chinese, one stylesheet,
 * one small script, usable at 390 px and printable), the navigation for
 * the user's role taken from the route table, the demo banner, error
 * pages, and number formats for people.
 *
 * Everything goes through base/html.h: text is escaped by default, and the
 * few tz_html_raw calls below write markup of our own.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/html.h"
#include "core/money.h"
#include "store/store.h"
#include "web/internal.h"
#include "base/banned.h"

const char *tz_static_url(struct tz_req *r, const char *file)
{
	const char *href = tz_static_href(r->web->statics, file);

	if (href)
		return href;
	return tz_arena_strdup(r->arena, "/static/missing");
}

static void nav(struct tz_req *r, const char *active)
{
	struct tz_buf *b = &r->out;

	tz_html_raw(b, "<nav class=\"nav\" aria-label=\"导航\">");
	for (const struct tz_route *rt = tz_routes; rt->method; rt++) {
		if (!rt->nav || strcmp(rt->method, "GET") || !tz_route_permits(r->org, r->user, rt))
			continue;
		tz_html_f(b, "<a href=\"%s\"", rt->pattern);
		if (active && !strcmp(active, rt->pattern))
			tz_html_raw(b, " class=\"on\" aria-current=\"page\"");
		tz_html_f(b, ">%s</a>", rt->nav);
	}
	tz_html_raw(b, "</nav>");
}

/*
 * Whether the store has demo users (web.md "Demo": a banner on every
 * page while they exist). A page the server answers before any handler
 * ran (a 403 or 404 of its own, an unknown path) has no store yet: borrow
 * one, so that error pages carry the banner like every other, and load
 * the tree the navigation decides on (tz_route_permits) while at it.
 */
static int page_demo(struct tz_req *r)
{
	struct tz_store *s = r->store;
	int64_t version = r->version;
	struct tz_err err;
	int demo = 0;

	if (!r->web)
		return 0;
	if (!s) {
		s = tz_web_store_take(r->web);
		if (tz_store_version(s, &version, &err))
			goto out;
	}
	demo = tz_web_demo(r->web, s, version);
	if (r->user && !r->org && !r->priv->org_ref)
		tz_web_org(r->web, s, version, &r->priv->org_ref, &r->org, &err);
out:
	if (s != r->store)
		tz_web_store_give(r->web, s);
	return demo;
}

void tz_page_begin(struct tz_req *r, const char *title, const char *active)
{
	struct tz_buf *b = &r->out;

	tz_buf_reset(b);
	tz_html_raw(b, "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	tz_html_f(b, "<title>%s · 台账</title>\n", title);
	tz_html_f(b, "<link rel=\"stylesheet\" href=\"%s\">\n", tz_static_url(r, "taizhang.css"));
	tz_html_f(b, "<link rel=\"icon\" href=\"%s\" type=\"image/svg+xml\">\n",
		  tz_static_url(r, "favicon.svg"));
	tz_html_raw(b, "</head>\n<body>\n");
	if (page_demo(r))
		tz_html_raw(b, "<div class=\"demo\" role=\"note\">演示数据库：数据为虚构，演示账号的密码都是"
			       " <b>demo-taizhang</b>，请勿用于实际工作。</div>\n");
	tz_html_raw(b, "<header class=\"top\">\n<a class=\"brand\" href=\"/\">台账<small>重点项目调度</small></a>\n");
	if (r->user) {
		nav(r, active);
		tz_html_f(b, "<div class=\"me\"><a href=\"/account\">%s<small>%s</small></a>",
			  r->user->name, tz_role_label(r->user->role));
		if (r->csrf) {
			tz_html_raw(b, "<form method=\"post\" action=\"/logout\">");
			tz_page_csrf_field(r);
			tz_html_raw(b, "<button type=\"submit\" class=\"link\">退出</button></form>");
		}
		tz_html_raw(b, "</div>\n");
	}
	tz_html_raw(b, "</header>\n<main>\n");
}

void tz_page_script(struct tz_req *r, const char *file)
{
	struct tz_req_private *p = r->priv;

	for (size_t i = 0; i < p->nscripts; i++)
		if (!strcmp(p->scripts[i], file))
			return;
	if (p->nscripts < sizeof(p->scripts) / sizeof(p->scripts[0]))
		p->scripts[p->nscripts++] = tz_arena_strdup(r->arena, file);
}

int tz_page_send(struct tz_req *r, int status)
{
	struct tz_buf *b = &r->out;

	tz_html_raw(b, "</main>\n<footer class=\"foot\">台账 · 重点项目台账与调度系统</footer>\n");
	/* Deferred scripts run in document order: the page's own first,
	 * taizhang.js (which uses them) last. */
	for (size_t i = 0; i < r->priv->nscripts; i++)
		tz_html_f(b, "<script src=\"%s\" defer></script>\n", tz_static_url(r, r->priv->scripts[i]));
	tz_html_f(b, "<script src=\"%s\" defer></script>\n", tz_static_url(r, "taizhang.js"));
	tz_html_raw(b, "</body>\n</html>\n");
	return tz_resp_html(r, status);
}

void tz_page_csrf_field(struct tz_req *r)
{
	const char *token = r->csrf;

	if (!token && !r->user)
		token = tz_csrf_prelogin(r);
	tz_html_f(&r->out, "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">", token ? token : "");
}

/* ------------------------------------------------------------------ */
/* Links that keep a page's filters                                    */

void tz_page_href(struct tz_req *r, const char *path, const char *const *set)
{
	size_t n;
	const struct tz_kv *kv = tz_req_query_all(r, &n);
	struct tz_buf *b = &r->out;
	int first = 1;

	tz_html_attr(b, path);
	for (size_t i = 0; i < n; i++) {
		int replaced = 0;

		for (const char *const *s = set; s && *s; s += 2)
			replaced |= !strcmp(kv[i].key, s[0]);
		if (replaced || !*kv[i].value)
			continue;
		tz_buf_addch(b, first ? '?' : '&');
		tz_html_url_arg(b, kv[i].key);
		tz_buf_addch(b, '=');
		tz_html_url_arg(b, kv[i].value);
		first = 0;
	}
	for (const char *const *s = set; s && *s; s += 2) {
		if (!s[1] || !*s[1])
			continue;
		tz_buf_addch(b, first ? '?' : '&');
		tz_html_url_arg(b, s[0]);
		tz_buf_addch(b, '=');
		tz_html_url_arg(b, s[1]);
		first = 0;
	}
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

static const char *status_words(int status)
{
	switch (status) {
	case 400: return "请求无效";
	case 401: return "需要登录";
	case 403: return "没有权限";
	case 404: return "页面不存在";
	case 405: return "不支持的请求方法";
	case 413: return "请求内容过大";
	case 429: return "尝试次数过多";
	case 500: return "服务器内部错误";
	case 503: return "服务暂不可用";
	default: return "出错了";
	}
}

/* What a 403 tells each role (web.md "Roles"): who could give the right,
 * or that the role does not do this kind of work at all. */
static const char *forbidden_hint(const struct tz_user *u)
{
	switch (u ? u->role : 0) {
	case TZ_ROLE_ADMIN:
		return "系统管理员账号管理用户、组织机构和系统设置，不填报或修改调度数据。"
		       "请用调度管理员或填报员账号操作。";
	case TZ_ROLE_LEADER:
		return "领导账号可以查看、批注和标记问题，不能修改数据。";
	case TZ_ROLE_COORDINATOR:
		return "您的账号不能进行这项操作（可能超出本级的管辖范围）。如需权限，请联系系统管理员。";
	default:
		return "您的账号不能进行这项操作。如需权限，请联系本级调度管理员。";
	}
}

static const char *status_hint(const struct tz_req *r, int status)
{
	switch (status) {
	case 403: return forbidden_hint(r->user);
	case 404: return "您要找的页面不存在，或您的账号无权查看。";
	case 500: return "请稍后重试；如果问题持续，请联系系统管理员。";
	default: return "";
	}
}

int tz_resp_error(struct tz_req *r, int status, const char *msg)
{
	int api = (r->route && (r->route->flags & TZ_ROUTE_API)) ||
		  !strncmp(r->path, "/api/", 5);

	tz_buf_reset(&r->out);
	if (api) {
		struct tz_json j;

		tz_json_init(&j, NULL, 0);
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "error", msg ? msg : status_words(status));
		tz_json_kv_int(&j, "status", status);
		tz_json_object_end(&j);
		return tz_resp_json(r, status, &j);
	}
	tz_page_begin(r, status_words(status), NULL);
	tz_html_f(&r->out, "<section class=\"error\"><h1>%s</h1><p>%s</p>", status_words(status),
		  msg ? msg : status_hint(r, status));
	tz_html_raw(&r->out, r->user ? "<p><a href=\"/\">返回首页</a></p></section>\n"
				     : "<p><a href=\"/login\">登录</a></p></section>\n");
	return tz_page_send(r, status);
}

/* ------------------------------------------------------------------ */
/* Numbers for people                                                  */

const char *tz_fmt_money(struct tz_req *r, int64_t v)
{
	char plain[TZ_MONEY_FMT_MAX], out[TZ_MONEY_FMT_MAX + 16];
	const char *dot, *p = tz_money_fmt(v, plain);
	size_t k = 0, digits;

	if (*p == '-')
		out[k++] = *p++;
	dot = strchr(p, '.');
	digits = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = p[i];
	}
	snprintf(out + k, sizeof(out) - k, "%s", p + digits);
	return tz_arena_strdup(r->arena, out);
}

const char *tz_fmt_rate(struct tz_req *r, int32_t rate)
{
	char buf[TZ_RATE_FMT_MAX];

	return tz_arena_strdup(r->arena, tz_rate_fmt_pct(rate, 1, buf));
}

const char *tz_fmt_time(struct tz_req *r, int64_t t)
{
	/* China keeps one time, UTC+8, without summer time. */
	time_t at = (time_t)(t + 8 * 3600);
	struct tm tm;
	char buf[32];

	gmtime_r(&at, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
	return tz_arena_strdup(r->arena, buf);
}
