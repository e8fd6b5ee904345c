/*
 * dispatch.h: what the reporting and dispatch pages (ui-report.c,
 * ui-periods.c, ui-ontime.c) and their API (api-report.c) share: which
 * period a user works on, the rows of the monthly form with last month
 * beside them, the all-or-nothing check and save of what was posted,
 * and the on-time rate of a node (web.md "Periods, deadlines, on-time
 * rate").
 *
 * Everything allocates from the request's arena (or is freed with it);
 * nothing here writes a response.
 */
#ifndef TZ_WEB_DISPATCH_H
#define TZ_WEB_DISPATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/deadline.h"
#include "core/dispatch.h"
#include "core/ontime.h"
#include "store/store.h"
#include "web/web.h"

/*
 * The period a user's form, rate or list opens on: `arg` ("YYYY-MM")
 * when given; else the newest open period governing the user's node
 * (tz_store_period_current) — but, when several are open (2026-01
 * opened while 2025-12 is still 填报中), the oldest open one in which
 * the user still has projects not reported; else, for a user who runs dispatch, the
 * newest period dispatched on its node's path. 0 and *p (year 0 when
 * there is none at all); TZ_EINVAL when `arg` is malformed (r->err says
 * so); a store error.
 */
int tz_web_period_choose(struct tz_req *r, const char *arg, struct tz_period *p);

/* The dispatch governing node_id for p: 1 and *d, 0 when nobody
 * dispatched p on its path, or a negative store error. */
int tz_web_period_governing(struct tz_req *r, int64_t node_id, struct tz_period p,
			    struct tz_dispatch *d);

/* The period after and before p. */
struct tz_period tz_web_period_next(struct tz_period p);
struct tz_period tz_web_period_prev(struct tz_period p);

/* "还剩2天3小时" / "已超过报送截止1天5小时" for a deadline, from r->arena. */
const char *tz_web_time_left(struct tz_req *r, int64_t deadline);

/* "2026-01-05T17:00:00+08:00" (China time, for the API), from r->arena. */
const char *tz_web_iso_time(struct tz_req *r, int64_t utc);

/* One project of the monthly form (调度填报): what is stored, last
 * month's report, what was posted and what was wrong with it. Strings
 * are from r->arena. */
struct tz_web_report_row {
	struct tz_report_view v;     /* the project and its report for the period
					(v.report when v.reported) */
	int has_prev;
	struct tz_progress prev;     /* last month's report */
	/* What the user sent (tz_web_report_parse). */
	int posted;
	struct tz_report_form in;
	/* What was wrong with it, per field (enum tz_progress_field:
	 * TZ_RF_COMPLETED, TZ_RF_STATUS, TZ_RF_TEXT, TZ_RF_PROBLEM;
	 * TZ_RF_CODE for the row as a whole): the Chinese message that reads
	 * next to the field, or NULL. nerr counts them. */
	const char *err[TZ_RF_COUNT];
	int nerr;
	int changed;                 /* to be saved: new, or different from v.report */
	int confirm_large;           /* the user confirmed a large 本期完成投资 (确认大额,
					the API's "confirm_large"): set by the caller */
	int large;                   /* refused as large (tz_web_report_check): the
					form offers 确认大额 */
	struct tz_progress parsed;
};

/*
 * The rows of the form for period p: every project of the ledger of p's
 * year whose region or unit lies in the subtree of node_id (the user's
 * node: web.md, a region reporter's region, a department reporter's
 * unit, a coordinator's subtree), by code; read through the subtree, so
 * the cost is the node's (tz_store_report_each). Last month's reports
 * come apart (tz_web_report_prev), for the rows a page shows. *rows
 * lives until the request ends (freed with its arena). 0 or a store
 * error.
 */
int tz_web_report_rows(struct tz_req *r, int64_t node_id, struct tz_period p,
		       struct tz_web_report_row **rows, size_t *n);

/*
 * The rows of just these projects (a save needs no others), by code,
 * those in the subtree of node_id only: a code that names no project of
 * the user's, or none in the ledger of p's year, gives no row. `codes`
 * is folded as typed codes are (tz_web_code), sorted and its repeats
 * dropped in place. *rows lives until the request ends. 0 or a store
 * error.
 */
int tz_web_report_rows_of(struct tz_req *r, int64_t node_id, struct tz_period p,
			  const char **codes, size_t ncodes, struct tz_web_report_row **rows,
			  size_t *n);

/*
 * Last month's reports (of the period before p) into rows already read
 * for p (has_prev and prev set where there is one): `rows` points at
 * some of them, in code order, such as those a page shows. They are read
 * by code, so the cost is that of the n rows. 0 or a store error.
 */
int tz_web_report_prev(struct tz_req *r, struct tz_period p, struct tz_web_report_row **rows,
		       size_t n);

/* The row of a code (binary search: rows are by code), or NULL. */
struct tz_web_report_row *tz_web_report_find(struct tz_web_report_row *rows, size_t n,
					     const char *code);

/*
 * Check one posted row (row->in, row->posted, row->confirm_large set by
 * the caller) with tz_report_form_parse: a row whose four fields are all
 * blank is not a report (posted cleared); each field at fault gets its
 * message in row->err (every field is checked, web.md: the message next
 * to the field); a valid row equal to what is stored is left unchanged.
 * A valid new 本期完成投资 is then judged against the store by the file
 * import's per-row rules (core/plausible.h, tz_plaus_report_row: 10
 * times the project's stored 总投资, above it and 10 times the year's
 * plan, 1000 times or 1/1000 of the report it replaces) unless
 * row->confirm_large: refused, row->large is set and the message (the
 * values, "按元是…万元") ends with `how`, the Chinese words saying how
 * to confirm on the caller's page ("勾选“确认大额”后重新提交"). One
 * store read (the project's ledger) per judged row; a store error
 * refuses the row. Returns 1 when the row has any error, else 0.
 */
int tz_web_report_check(struct tz_req *r, struct tz_web_report_row *row, struct tz_period p,
			const char *how);

/* The saver a user's role saves as: coordinators correct, reporters report. */
enum tz_saver tz_web_saver(const struct tz_user *u);

/*
 * Save every changed row for p in one all-or-nothing store save, by the
 * request's user in its role, audited. 0 with *stats; TZ_EINVAL,
 * TZ_ENOTFOUND or TZ_EEXIST when the store refused: then nothing was
 * saved, r->err holds the reason and, when it concerns one row, *bad is
 * that row (else NULL) with the reason in its err[] at the field the
 * store named (TZ_RF_CODE when none of the four); or another store error.
 */
int tz_web_report_save(struct tz_req *r, struct tz_web_report_row *rows, size_t n,
		       struct tz_period p, struct tz_report_save_stats *stats,
		       struct tz_web_report_row **bad);

/*
 * The on-time rate (按时报送率) of period p over the subtree of node_id:
 * counted, finished, freed with the request. 0 and *out, or a store error.
 */
int tz_web_ontime(struct tz_req *r, int64_t node_id, struct tz_period p, struct tz_ontime **out);

#endif
