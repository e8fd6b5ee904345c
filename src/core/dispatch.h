/*
 * dispatch.h: the dispatch of a period (调度期): who must report, by when,
 * who may still change a report, and when a report is late (迟报).
 *
 * web.md "Periods, deadlines, on-time rate":
 *   "The coordinator opens a period (调度期, YYYY-MM) with a deadline
 *   (报送截止, default the 5th of the next month, 17:00 China time,
 *   Asia/Shanghai). A report is late (迟报) when its first save comes after
 *   the deadline; later corrections do not change that; after the
 *   coordinator closes the period, reporters can no longer change it
 *   (corrections go through the coordinator, and stay in the history)."
 *   "Expected reporters for a period: as ledger.md defines them (the
 *   bulletin's reported / not_reported)."
 *
 * A period is dispatched by a node (the city, or a county that runs its
 * own dispatch). A project is governed by the dispatch of the nearest node
 * on its region's path to the root that dispatched the period: a county's
 * own dispatch when it has one, else the city's. Only one period need be
 * open at a time, but nothing forbids several (a late month kept open).
 *
 * struct tz_dispatch is a plain value.
 */
#ifndef TZ_DISPATCH_H
#define TZ_DISPATCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/period.h"
#include "core/progress.h"

/* The state of a dispatched period. The numbers are stored: never renumber. */
enum tz_dispatch_state {
	TZ_DISPATCH_OPEN = 1,    /* 填报中: reporters save */
	TZ_DISPATCH_CLOSED = 2,  /* 已关闭: only the coordinator corrects */
};

/* "填报中", "已关闭"; "" otherwise. */
const char *tz_dispatch_state_name(enum tz_dispatch_state s);

/*
 * One node's dispatch of one period. Instants are UTC seconds
 * (core/deadline.h); user ids are the web application's users (0: the
 * system, e.g. the command line or an import). Invariants once valid:
 * node_id > 0, period valid, deadline after the period begins (00:00 of
 * its 1st, China time), state OPEN or CLOSED; closed_at and closed_by are
 * 0 while open.
 */
struct tz_dispatch {
	int64_t node_id;
	struct tz_period period;
	int64_t deadline;
	enum tz_dispatch_state state;
	int64_t opened_at;
	int64_t opened_by;
	int64_t closed_at;
	int64_t closed_by;
};

/* Check the invariants. 0 or TZ_EINVAL with err->field "报送截止" or "调度期". */
int tz_dispatch_validate(const struct tz_dispatch *d, struct tz_err *err);

/*
 * Who saves a report. The numbers are stored in the history: never
 * renumber. The store decides nothing about people: the web application
 * says which role a save is made in (web.md "People and permissions").
 */
enum tz_saver {
	TZ_SAVER_REPORTER = 1,     /* 填报员: only into an open period */
	TZ_SAVER_COORDINATOR = 2,  /* 调度管理员: corrections, whatever the state */
	TZ_SAVER_IMPORT = 3,       /* a spreadsheet import (the coordinator's tool) */
};

/* "填报", "更正", "导入". */
const char *tz_saver_name(enum tz_saver s);

/*
 * Whether a save by `who` may change a report of a project governed by
 * `d` (NULL: the period was never dispatched for it). Reporters need an
 * open period; the coordinator and imports may always (their changes are
 * kept in the history). 0, or TZ_EINVAL with err->field "调度期" and a
 * message naming the period ("调度期2025-12已关闭，…").
 */
int tz_dispatch_may_save(const struct tz_dispatch *d, struct tz_period p, enum tz_saver who,
			 struct tz_err *err);

/*
 * Whether a report first saved at `first_saved` (UTC seconds) is late for
 * the dispatch first opened at `opened_at` with `deadline`: strictly
 * after the deadline (a save at 17:00:00 sharp is on time). deadline 0
 * (no dispatch) is never late, nor is a report that was there before the
 * period was first opened (imported before it was dispatched, perhaps
 * after a deadline set later: nobody had been asked for it yet;
 * walkthrough 12). web.md: only the first save counts; corrections
 * never change lateness.
 */
int tz_report_late(int64_t deadline, int64_t opened_at, int64_t first_saved);

/*
 * Whether a project is expected to report for period p (ledger.md "The
 * monthly bulletin", reported / not_reported), given that it is in the
 * ledger of p's year: planned to start by p, already started (the status
 * in force before p is 已开工, 已复工 or 停工), or with no planned start
 * (planned_start.year 0); and not after the month it was reported 已竣工
 * (before == 已竣工). `before` is the status in force at the month before
 * p (carried over from earlier years). The bulletin and the on-time rate
 * both use this one rule.
 */
int tz_report_expected(struct tz_period p, struct tz_period planned_start, enum tz_status before);

/*
 * Whether a project counts among period p's reporters (应报), the set whose
 * 已报送 and 未报送 the bulletin and the on-time rate count: one expected
 * to report (tz_report_expected), or one that reported for p although it
 * was not yet expected (a start before its 计划开工 month, a report after
 * 已竣工). A project that did report is never 未报送 and always 已报送, so
 * 已报送 covers every project whose completions are in the money totals
 * and 应报 = 已报送 + 未报送 (ledger.md "The monthly bulletin"). reported
 * is 1 when the project has a report for p.
 */
int tz_report_due(struct tz_period p, struct tz_period planned_start, enum tz_status before,
		  int reported);

/*
 * One project's report as a form posts it: text as typed. code and the
 * period come from the page, not the user.
 */
struct tz_report_form {
	const char *completed;      /* 本期完成投资(万元): "1234.5", "1.2亿元", … */
	const char *status;         /* 开工状态: "已开工", "在建", … */
	const char *progress_text;  /* 形象进度 */
	const char *problem;        /* 存在问题 */
};

/*
 * Parse and validate a posted report into `out` (whose strings point
 * into `f`, trimmed of nothing: only checked). Every field is checked,
 * so that the page can say what is wrong next to each: errs[k] (k an
 * enum tz_progress_field) is cleared, then filled for each field at
 * fault with TZ_EINVAL, err.field the column's header as the page labels
 * it ("本期完成投资(万元)", "开工状态", "形象进度", "存在问题"; "项目编号"
 * for the report as a whole) and a Chinese message that reads on its own
 * next to the field ("本期完成投资“约一亿”不是有效的金额"); errs may be
 * NULL when only the verdict matters. Returns 0 (and *out) or TZ_EINVAL
 * when any field is at fault (*out untouched). An empty 本期完成投资 is 0
 * only when the status is 未开工; otherwise it must be filled (said only
 * once the status itself is valid: which status was meant decides it).
 * An amount finer than 0.01 万元 ("12.345", "1234元") is refused, not
 * rounded as a sheet's computed value is: the person typed it.
 */
int tz_report_form_parse(const struct tz_report_form *f, const char *code, struct tz_period p,
			 struct tz_progress *out, struct tz_err errs[TZ_RF_COUNT]);

#endif
