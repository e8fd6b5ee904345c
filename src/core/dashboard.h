/*
 * dashboard.h: the figures of the dashboard (工作台) for one user's view
 * and one period, gathered from what the rest of the core computes: a
 * finished bulletin restricted to the projects the user sees (its totals:
 * 开工率, 投资完成率, reported and 未报送), and the root counters of the
 * light, problem and procedure tallies over the same projects.
 *
 * web.md "Pages that summarise": computed once per data change and view,
 * then served from memory; this is the pure part, unit-tested
 * (tests/unit/core/test-dashboard.c), that the page and GET
 * /api/v1/dashboard both print, so the two always agree.
 *
 * Decisions taken here:
 *   - 投资完成率 against 序时进度 is said as the bulletin's opening paragraph
 *     says it (report/summary.h): both as percentages with one decimal
 *     rounded half up from the exact fractions, and the difference of the
 *     two as printed, so a reader who subtracts them gets the same figure.
 *   - 资金到位率 needs the funds that arrived (到位资金), which no ledger,
 *     report or form in the store holds; 按期竣工率 needs a planned
 *     completion date, and the ledger holds only 建设起止年限 as free text
 *     ("2023-2025"), a year without a month, so that "on time" cannot be
 *     judged before the year is over, and a completion is known only as
 *     the first month a report said 已竣工. Neither is computed: the page
 *     says 暂无数据 and why (tz_dashboard_missing_note) rather than invent
 *     them.
 *   - Procedures obtained "1-N月" are those with a date from January 1 of
 *     the period's year to the last day of its month (the seeds' "1-8月，
 *     取得…手续227个").
 *
 * A plain value; nothing to free.
 */
#ifndef TZ_DASHBOARD_H
#define TZ_DASHBOARD_H

#include <stdint.h>

#include "base/buf.h"
#include "core/bulletin.h"
#include "core/light.h"
#include "core/period.h"
#include "core/problem.h"
#include "core/procedure.h"

struct tz_dashboard {
	struct tz_period period;
	int32_t schedule;               /* 序时进度 month/12, 1/10000 */
	int has_data;                   /* a bulletin was added (somebody reported) */
	/* The bulletin's totals over the view. */
	int64_t projects;
	int64_t total;                  /* Σ 总投资, 0.01 万元 */
	int64_t annual;                 /* Σ 年度计划投资 of planned projects */
	int64_t ytd;                    /* 1-N月累计完成投资 of planned projects */
	int64_t ytd_unplanned;
	int64_t started;
	int32_t start_rate;             /* 开工率, 1/10000 */
	int has_rate;                   /* annual > 0 */
	int32_t completion_rate;        /* 投资完成率, 1/10000 */
	int64_t rate_pct1;              /* 投资完成率 in 0.1 % as printed (89.7 % is 897) */
	int64_t schedule_pct1;          /* 序时进度 likewise */
	int vs_schedule;                /* -1 below 序时进度, 0 level, 1 above (as printed) */
	int64_t gap_pct1;               /* |rate_pct1 − schedule_pct1| */
	int64_t reported;               /* reported for the period */
	int64_t not_reported;           /* expected and not reported (未报送) */
	size_t lagging;                 /* 进度滞后 projects */
	/* Lights (亮灯), indexed by enum tz_light. */
	int64_t lights[TZ_LIGHT_COUNT];
	/* Problems (问题清单). */
	struct tz_problem_counts problems_upper;  /* to be solved by 国家、省、市 */
	struct tz_problem_counts problems_all;
	int64_t problem_status[TZ_PROBLEM_STATUS_MAX + 1];  /* by enum tz_problem_status */
	int64_t problems_overdue;       /* unsolved and past their deadline */
	/* Procedures (前期手续). */
	int64_t proc_required;
	int64_t proc_status[TZ_PROC_STATUS_MAX + 1];  /* by enum tz_procedure_status */
	int64_t proc_obtained;          /* obtained 1-N月 of the period's year */
};

/* An empty dashboard of period p. */
void tz_dashboard_init(struct tz_dashboard *d, struct tz_period p);

/* Take the totals of finished bulletin `b` (of d's period). */
void tz_dashboard_bulletin(struct tz_dashboard *d, const struct tz_bulletin *b);
/* Take the root counters of a light tally (TZ_LIGHT_COUNT of them), a
 * problem tally (TZ_PC_COUNT), a procedure tally (TZ_PRC_COUNT). */
void tz_dashboard_lights(struct tz_dashboard *d, const int64_t *counters);
void tz_dashboard_problems(struct tz_dashboard *d, const int64_t *counters);
void tz_dashboard_procedures(struct tz_dashboard *d, const int64_t *counters);

/* The dates (YYYYMMDD, inclusive) of "1-N月" of period p: January 1 to
 * the last day of p's month. */
void tz_dashboard_year_to_date(struct tz_period p, int32_t *from, int32_t *to);

/* num/den in 0.1 % rounded half up from the exact fraction (895 is
 * 89.5 %); 0 when den <= 0 or num < 0. */
int64_t tz_dashboard_pct1(int64_t num, int64_t den);

/*
 * The completion against the schedule, in the bulletin's words, appended
 * to out: "低于序时进度（100.0%）2.0个百分点", "高于序时进度（50.0%）6.2个
 * 百分点", "与序时进度（50.0%）持平"; nothing without a rate. 0 or
 * TZ_ETOOBIG.
 */
int tz_dashboard_schedule_text(const struct tz_dashboard *d, struct tz_buf *out);

/*
 * The seeds' sentences for the view, appended to out: problems
 * ("N个项目需国家、省市解决问题M个，已解决K个", tz_problem_sentence) and
 * procedures ("1-N月，取得立项、备案、施工许可证等手续K个",
 * tz_procedure_sentence; "1月，…" in January). 0 or TZ_ETOOBIG.
 */
int tz_dashboard_problem_sentence(const struct tz_dashboard *d, struct tz_buf *out);
int tz_dashboard_procedure_sentence(const struct tz_dashboard *d, struct tz_buf *out);

/* Why 资金到位率 and 按期竣工率 are not shown (the decision above), for
 * the page's notes and the API. Static text. */
const char *tz_dashboard_missing_note(void);

#endif
