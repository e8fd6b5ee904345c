/*
 * pages.h: the handlers the route table (routes.c) lists, one group per
 * ui-*.c or api-*.c file. A handler is `int fn(struct tz_req *r)` (web.h).
 */
#ifndef TZ_WEB_PAGES_H
#define TZ_WEB_PAGES_H

#include "web/web.h"

/* ui-home.c: health check, static files */
tz_handler_fn ui_health, ui_static;
/* ui-login.c */
tz_handler_fn ui_login_form, ui_login, ui_logout;
/* ui-projects.c: the list and its XLSX export */
tz_handler_fn ui_projects, ui_projects_xlsx;
/* ui-project.c: one project */
tz_handler_fn ui_project;
/* ui-account.c: the signed-in user */
tz_handler_fn ui_account, ui_account_password;
/* ui-admin.c: users (admins) and the audit log (coordinators, admins) */
tz_handler_fn ui_users, ui_user_add, ui_user_disable, ui_user_enable, ui_user_password, ui_audit;
/* Reporting and dispatch (pages-a). ui-report.c: the monthly form
 * (调度填报) and a report's history */
tz_handler_fn ui_report_form, ui_report_save, ui_report_history;
/* ui-periods.c: periods and deadlines (调度期, 报送截止) */
tz_handler_fn ui_periods, ui_period_open, ui_period_deadline, ui_period_close;
/* ui-ontime.c: the on-time rate (按时报送率) and the 未报送 list, as XLSX too */
tz_handler_fn ui_ontime, ui_ontime_xlsx;
/* ui-import.c: upload, dry run, confirm */
tz_handler_fn ui_import_form, ui_import_upload, ui_import_commit;
/* api-report.c */
tz_handler_fn api_periods, api_reports_save, api_ontime;

/* Summaries and tracking (pages-b): ui-dashboard.c, ui-lights.c, ui-problems.c,
 * ui-procedures.c, ui-bulletin.c, api-summary.c */
tz_handler_fn ui_dashboard, ui_lights, ui_problems, ui_problem, ui_problem_raise, ui_problem_assign,
	ui_problem_move, ui_problem_comment, ui_procedures, ui_procedure_set, ui_procedure_require,
	ui_bulletin, ui_bulletin_export, api_dashboard, api_lights, api_problems, api_problem,
	api_problem_raise, api_problem_assign, api_problem_move, api_problem_comment, api_procedures,
	api_procedure_set;
/* api-*.c */
tz_handler_fn api_me, api_projects, api_project, api_bulletin;

#endif
