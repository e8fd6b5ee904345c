/*
 * pages.h: the handlers the route table (routes.c) lists, one group per
 * ui-*.c or api-*.c file. A handler is `int fn(struct tz_req *r)` (web.h).
 */
#ifndef TZ_WEB_PAGES_H
#define TZ_WEB_PAGES_H

#include "web/web.h"

/* ui-home.c: the start page, health check, static files */
tz_handler_fn ui_home, ui_health, ui_static;
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
/* api-*.c */
tz_handler_fn api_me, api_projects, api_project, api_bulletin;

#endif
