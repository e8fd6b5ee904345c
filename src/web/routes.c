/*
 * routes.c: the one route table of the web application and its matcher.
 *
 * Each route says who may reach it (AUTH or PUBLIC), whether it changes
 * state (CSRF), whether it is JSON (API), whether it takes uploads, and
 * the action (core/access.h) the user's role must be able to do at all;
 * the server checks all of that before the handler runs, and the
 * authorisation test (tests/t/t3010-web-authz.sh) walks this same table,
 * printed by `taizhang serve --routes`. A page with a `nav` label shows
 * in the navigation, in table order, to the roles that may use it.
 */
#include <stdio.h>
#include <string.h>

#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

#define AUTH TZ_ROUTE_AUTH
#define PUBLIC TZ_ROUTE_PUBLIC
#define CSRF TZ_ROUTE_CSRF
#define API TZ_ROUTE_API
#define UPLOAD TZ_ROUTE_UPLOAD
#define JSON TZ_ROUTE_JSON

const struct tz_route tz_routes[] = {
	/* Pages, in the navigation's order. */
	{ "GET", "/", ui_dashboard, AUTH, TZ_ACT_VIEW, "工作台" },
	{ "GET", "/projects", ui_projects, AUTH, TZ_ACT_VIEW, "项目" },
	{ "GET", "/projects.xlsx", ui_projects_xlsx, AUTH, TZ_ACT_VIEW, NULL },
	{ "GET", "/projects/{code}", ui_project, AUTH, TZ_ACT_VIEW, NULL },

	/* Reporting and dispatch (pages-a): the monthly form, periods and
	 * deadlines, the on-time rate, imports, and their API. */
	{ "GET", "/report", ui_report_form, AUTH, TZ_ACT_REPORT, "调度填报" },
	{ "POST", "/report", ui_report_save, AUTH | CSRF, TZ_ACT_REPORT, NULL },
	{ "GET", "/report/{code}/history", ui_report_history, AUTH, TZ_ACT_VIEW, NULL },
	{ "GET", "/periods", ui_periods, AUTH, TZ_ACT_MANAGE, "调度期" },
	{ "POST", "/periods", ui_period_open, AUTH | CSRF, TZ_ACT_MANAGE, NULL },
	{ "POST", "/periods/{node}/{period}/deadline", ui_period_deadline, AUTH | CSRF,
	  TZ_ACT_MANAGE, NULL },
	{ "POST", "/periods/{node}/{period}/close", ui_period_close, AUTH | CSRF, TZ_ACT_MANAGE,
	  NULL },
	{ "GET", "/ontime", ui_ontime, AUTH, TZ_ACT_MANAGE, "按时报送率" },
	{ "GET", "/ontime.xlsx", ui_ontime_xlsx, AUTH, TZ_ACT_MANAGE, NULL },
	{ "GET", "/import", ui_import_form, AUTH, TZ_ACT_MANAGE, "导入" },
	{ "POST", "/import", ui_import_upload, AUTH | CSRF | UPLOAD, TZ_ACT_MANAGE, NULL },
	{ "POST", "/import/{token}", ui_import_commit, AUTH | CSRF, TZ_ACT_MANAGE, NULL },
	{ "GET", "/api/v1/periods", api_periods, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "POST", "/api/v1/reports", api_reports_save, AUTH | API | CSRF | JSON, TZ_ACT_REPORT,
	  NULL },
	{ "GET", "/api/v1/ontime", api_ontime, AUTH | API, TZ_ACT_MANAGE, NULL },

	/* Summaries and tracking (pages-b): the bulletin, lights, problems and
	 * procedures, pages and API. The dashboard is "/" above. */
	{ "GET", "/bulletin", ui_bulletin, AUTH, TZ_ACT_VIEW, "通报" },
	{ "GET", "/bulletin/export", ui_bulletin_export, AUTH, TZ_ACT_VIEW, NULL },
	{ "GET", "/lights", ui_lights, AUTH, TZ_ACT_VIEW, "亮灯" },
	{ "GET", "/problems", ui_problems, AUTH, TZ_ACT_VIEW, "问题清单" },
	{ "POST", "/problems", ui_problem_raise, AUTH | CSRF, TZ_ACT_RAISE, NULL },
	{ "GET", "/problems/{id}", ui_problem, AUTH, TZ_ACT_VIEW, NULL },
	{ "POST", "/problems/{id}/assign", ui_problem_assign, AUTH | CSRF, TZ_ACT_MANAGE, NULL },
	{ "POST", "/problems/{id}/move", ui_problem_move, AUTH | CSRF, TZ_ACT_MANAGE, NULL },
	{ "POST", "/problems/{id}/comment", ui_problem_comment, AUTH | CSRF, TZ_ACT_COMMENT, NULL },
	{ "GET", "/procedures", ui_procedures, AUTH, TZ_ACT_VIEW, "前期手续" },
	{ "POST", "/projects/{code}/procedures", ui_procedure_set, AUTH | CSRF, TZ_ACT_REPORT, NULL },
	{ "POST", "/projects/{code}/procedures/require", ui_procedure_require, AUTH | CSRF,
	  TZ_ACT_REPORT, NULL },
	{ "GET", "/api/v1/dashboard", api_dashboard, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "GET", "/api/v1/lights", api_lights, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "GET", "/api/v1/problems", api_problems, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "POST", "/api/v1/problems", api_problem_raise, AUTH | API | CSRF, TZ_ACT_RAISE, NULL },
	{ "GET", "/api/v1/problems/{id}", api_problem, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "POST", "/api/v1/problems/{id}/assign", api_problem_assign, AUTH | API | CSRF,
	  TZ_ACT_MANAGE, NULL },
	{ "POST", "/api/v1/problems/{id}/move", api_problem_move, AUTH | API | CSRF, TZ_ACT_MANAGE,
	  NULL },
	{ "POST", "/api/v1/problems/{id}/comment", api_problem_comment, AUTH | API | CSRF,
	  TZ_ACT_COMMENT, NULL },
	{ "GET", "/api/v1/procedures", api_procedures, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "POST", "/api/v1/projects/{code}/procedures", api_procedure_set, AUTH | API | CSRF,
	  TZ_ACT_REPORT, NULL },
	/* End of summaries and tracking (pages-b). */

	{ "GET", "/audit", ui_audit, AUTH, TZ_ACT_AUDIT, "审计日志" },
	{ "GET", "/users", ui_users, AUTH, TZ_ACT_ADMIN, "用户" },
	{ "POST", "/users", ui_user_add, AUTH | CSRF, TZ_ACT_ADMIN, NULL },
	{ "POST", "/users/{login}/disable", ui_user_disable, AUTH | CSRF, TZ_ACT_ADMIN, NULL },
	{ "POST", "/users/{login}/enable", ui_user_enable, AUTH | CSRF, TZ_ACT_ADMIN, NULL },
	{ "POST", "/users/{login}/password", ui_user_password, AUTH | CSRF, TZ_ACT_ADMIN, NULL },
	{ "GET", "/account", ui_account, AUTH, TZ_ACT_VIEW, NULL },
	{ "POST", "/account/password", ui_account_password, AUTH | CSRF, TZ_ACT_VIEW, NULL },

	/* Signing in and out. */
	{ "GET", "/login", ui_login_form, PUBLIC, TZ_ACT_VIEW, NULL },
	{ "POST", "/login", ui_login, PUBLIC | CSRF, TZ_ACT_VIEW, NULL },
	{ "POST", "/logout", ui_logout, AUTH | CSRF, TZ_ACT_VIEW, NULL },

	/* The API (docs/api.md). */
	{ "GET", "/api/v1/me", api_me, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "GET", "/api/v1/projects", api_projects, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "GET", "/api/v1/projects/{code}", api_project, AUTH | API, TZ_ACT_VIEW, NULL },
	{ "GET", "/api/v1/bulletin", api_bulletin, AUTH | API, TZ_ACT_VIEW, NULL },

	/* The server's own. */
	{ "GET", "/static/{file}", ui_static, PUBLIC, TZ_ACT_VIEW, NULL },
	{ "GET", "/healthz", ui_health, PUBLIC, TZ_ACT_VIEW, NULL },
	{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
};

/*
 * Match `path` against `pattern` segment by segment; {name} takes one
 * non-empty segment. Params point into `a`.
 */
static int match(const char *pattern, const char *path, struct tz_arena *a,
		 struct tz_kv params[TZ_ROUTE_PARAMS_MAX], size_t *n)
{
	const char *p = pattern, *s = path;

	*n = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}'), *end = strchr(s, '/');
			size_t len = end ? (size_t)(end - s) : strlen(s);

			if (!close || !len || *n == TZ_ROUTE_PARAMS_MAX)
				return 0;
			params[*n].key = tz_arena_strndup(a, p + 1, (size_t)(close - p - 1));
			params[*n].value = tz_arena_strndup(a, s, len);
			/* {code} is a 项目编号: folded as imports fold codes. */
			if (!strcmp(params[*n].key, "code"))
				params[*n].value = tz_web_code(a, params[*n].value);
			(*n)++;
			p = close + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return !*p && !*s;
}

const struct tz_route *tz_route_match(const struct tz_route *table, const char *method,
				      const char *path, struct tz_arena *a,
				      struct tz_kv params[TZ_ROUTE_PARAMS_MAX], size_t *nparams,
				      int *other_method)
{
	int head = !strcmp(method, "HEAD");

	*other_method = 0;
	*nparams = 0;
	for (const struct tz_route *rt = table; rt->method; rt++) {
		if (!match(rt->pattern, path, a, params, nparams))
			continue;
		if (!strcmp(rt->method, method) || (head && !strcmp(rt->method, "GET")))
			return rt;
		*other_method = 1;
	}
	*nparams = 0;
	return NULL;
}

int tz_routes_check(const struct tz_route *table, struct tz_err *err)
{
	for (const struct tz_route *rt = table; rt->method; rt++) {
		int auth = !!(rt->flags & TZ_ROUTE_AUTH), pub = !!(rt->flags & TZ_ROUTE_PUBLIC);
		int depth = 0;

		if (auth + pub != 1)
			return tz_err_set(err, TZ_EINTERNAL, "route %s %s: exactly one of AUTH, PUBLIC",
					  rt->method, rt->pattern);
		if (strcmp(rt->method, "GET") && !(rt->flags & TZ_ROUTE_CSRF))
			return tz_err_set(err, TZ_EINTERNAL, "route %s %s: changes state without CSRF",
					  rt->method, rt->pattern);
		if (strcmp(rt->method, "GET") && strcmp(rt->method, "POST"))
			return tz_err_set(err, TZ_EINTERNAL, "route %s %s: GET or POST",
					  rt->method, rt->pattern);
		if (rt->pattern[0] != '/' || !rt->handler || (unsigned)rt->action >= TZ_ACT_COUNT)
			return tz_err_set(err, TZ_EINTERNAL, "route %s %s: malformed",
					  rt->method, rt->pattern);
		for (const char *c = rt->pattern; *c; c++) {
			depth += *c == '{' ? 1 : *c == '}' ? -1 : 0;
			if (depth < 0 || depth > 1)
				return tz_err_set(err, TZ_EINTERNAL, "route %s %s: braces",
						  rt->method, rt->pattern);
		}
		if (depth)
			return tz_err_set(err, TZ_EINTERNAL, "route %s %s: braces", rt->method,
					  rt->pattern);
		for (const struct tz_route *o = table; o < rt; o++)
			if (!strcmp(o->method, rt->method) && !strcmp(o->pattern, rt->pattern))
				return tz_err_set(err, TZ_EINTERNAL, "route %s %s: twice", rt->method,
						  rt->pattern);
	}
	return 0;
}

int tz_route_permits(const struct tz_org_index *x, const struct tz_user *u,
		     const struct tz_route *rt)
{
	(void)x;
	return u && tz_access_decide(NULL, u, rt->action, NULL) == TZ_ALLOW;
}

const char *tz_route_flags_text(unsigned flags, char *buf, size_t size)
{
	static const struct { unsigned flag; const char *name; } names[] = {
		{ TZ_ROUTE_AUTH, "AUTH" }, { TZ_ROUTE_PUBLIC, "PUBLIC" }, { TZ_ROUTE_CSRF, "CSRF" },
		{ TZ_ROUTE_API, "API" }, { TZ_ROUTE_UPLOAD, "UPLOAD" },
	};
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].flag))
			continue;
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? "|" : "",
				      names[i].name);
	}
	return buf;
}

void tz_web_print_routes(FILE *fp)
{
	char flags[64];

	for (const struct tz_route *rt = tz_routes; rt->method; rt++) {
		fprintf(fp, "%s\t%s\t%s\t%s\t", rt->method, rt->pattern,
			tz_route_flags_text(rt->flags, flags, sizeof(flags)), tz_action_name(rt->action));
		if (rt->flags & TZ_ROUTE_PUBLIC) {
			fputs("*", fp);
		} else {
			int first = 1;

			for (int role = TZ_ROLE_MIN; role <= TZ_ROLE_MAX; role++) {
				struct tz_user u = { 0 };

				u.role = (enum tz_role)role;
				u.leader_name = "";
				if (tz_access_decide(NULL, &u, rt->action, NULL) != TZ_ALLOW)
					continue;
				fprintf(fp, "%s%s", first ? "" : ",", tz_role_name(u.role));
				first = 0;
			}
		}
		fputc('\n', fp);
	}
}
