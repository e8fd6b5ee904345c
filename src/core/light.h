/*
 * light.h: traffic lights (亮灯), computed from a project's yearly ledger
 * row and its monthly history for a period P.
 *
 * web.md "Traffic lights (亮灯)":
 *   - progress: gap = 序时进度(P) − 本年累计完成 / 年度计划 (in points);
 *     green gap ≤ 10, yellow 10 < gap ≤ 30, red gap > 30. No plan: no
 *     progress light.
 *   - start: a project not started by its planned start month is yellow;
 *     three months after it, red.
 *   - memory: a project that was red turns yellow only when its gap comes
 *     back to ≤ 30 and stays there for the period; it turns green only
 *     from yellow.
 *   - the project's light is the worse of the two; counts per light per
 *     node.
 *
 * Decisions the rule book leaves open, taken here:
 *   - 序时进度(P) is month(P)/12 (ledger.md), so the gap is
 *     (5·m·annual − 60·ytd) / (60·annual) of one, compared exactly (128-bit
 *     cross-multiplication); "no plan" is a ledger row without a plan or
 *     with a plan of 0, as the bulletin's lagging rule (ledger.md) reads
 *     it. A yellow or red progress light is exactly the bulletin's 进度滞后.
 *   - Memory is a property of the progress light (it is stated in terms
 *     of the gap): each month from January to P, a red month is followed
 *     by at most yellow, so red → green takes two periods. Applied month
 *     by month it is "red steps down one colour at a time".
 *   - Memory does not cross January: each year's ledger is a new plan
 *     whose schedule restarts at 1/12, and the light of P is computed from
 *     the ledger row and running totals of P's year only. (A red December
 *     does not hold January at yellow; in January no project can be more
 *     than 8.3 points behind schedule.)
 *   - The start light uses the status in force at P (the latest report at
 *     or before P, carried across years): 未开工 or no report yet is "not
 *     started"; 已开工, 已复工, 停工 and 已竣工 are started. From the planned
 *     start month to two months after it: yellow; from three months after:
 *     red; a started project's start light is green; before its planned
 *     start month, or without a planned start, there is no start light.
 *   - The worse of the two: red > yellow > green > none.
 *
 * All arithmetic is integer; a gap shown to people is rounded half up to
 * 1/10000 (core/money.h rates) only for display.
 */
#ifndef TZ_LIGHT_H
#define TZ_LIGHT_H

#include <stddef.h>
#include <stdint.h>

#include "core/period.h"
#include "core/progress.h"

/* Ordered by severity, so the worse of two is the larger. */
enum tz_light {
	TZ_LIGHT_NONE = 0,    /* no light (no plan, nothing due) */
	TZ_LIGHT_GREEN = 1,   /* 绿灯 */
	TZ_LIGHT_YELLOW = 2,  /* 黄灯 */
	TZ_LIGHT_RED = 3,     /* 红灯 */
};
#define TZ_LIGHT_COUNT 4  /* counters of a light tally, indexed by enum tz_light */

/* "绿灯", "黄灯", "红灯", "无灯". */
const char *tz_light_name(enum tz_light l);
/* "green", "yellow", "red", "none" (for CSS classes and JSON). */
const char *tz_light_key(enum tz_light l);

/*
 * The light of a gap given as the exact fraction num/den of one (den > 0):
 * gap ≤ 0.10 green, ≤ 0.30 yellow, above red. A gap of 35 points is
 * (35, 100). A negative gap (ahead of schedule) is green.
 */
enum tz_light tz_light_of_gap(int64_t num, int64_t den);

/*
 * The progress light of month m (1..12) without memory: NONE when there
 * is no plan (has_plan 0 or annual <= 0), else the light of
 * gap = m/12 − ytd/annual.
 */
enum tz_light tz_light_progress_raw(int m, int has_plan, int64_t annual, int64_t ytd);

/*
 * Memory, one month: the light after a month whose light was `prev` and
 * whose own (raw) light is `raw`. A red month is followed by yellow at
 * best: red → yellow when raw is yellow or green; otherwise raw.
 */
enum tz_light tz_light_remember(enum tz_light prev, enum tz_light raw);

/*
 * The gap m/12 − ytd/annual in 1/10000 of one (points × 100), rounded
 * half away from zero, for display; 0 without a plan.
 */
int32_t tz_light_gap(int m, int64_t annual, int64_t ytd);

/* The start light of period p (see the decisions above). */
enum tz_light tz_light_start(struct tz_period p, struct tz_period planned_start,
			     enum tz_status in_force);

/* Why a project has its light, for the page to show next to the colour. */
enum tz_light_why {
	TZ_WHY_NONE = 0,        /* no plan and nothing due to start */
	TZ_WHY_GAP,             /* the gap of P decides */
	TZ_WHY_HELD,            /* red before, the gap is back to ≤ 30: yellow for now */
	TZ_WHY_START_DUE,       /* not started, planned start reached: yellow */
	TZ_WHY_START_LATE,      /* not started three months after the planned start: red */
	TZ_WHY_STARTED,         /* no plan; started: green */
};

/* The whole verdict for one project and period. */
struct tz_light_result {
	enum tz_light light;     /* the project's light: the worse of the two */
	enum tz_light progress;  /* with memory */
	enum tz_light raw;       /* the progress light of P alone */
	enum tz_light start;
	enum tz_light prev;      /* the progress light of P−1 (same year), with memory */
	enum tz_light_why why;
	int has_gap;             /* a plan: gap and ratio mean something */
	int32_t gap;             /* 1/10000 of one, see tz_light_gap */
	int32_t ratio;           /* ytd/annual, 1/10000 */
	int32_t schedule;        /* month/12, 1/10000 */
	int months_late;         /* months since the planned start, not started; else 0 */
};

/*
 * The light of period p for a project whose ledger row for p's year has
 * (has_plan, annual), whose cumulative completion from January is
 * ytd[0 .. month(p)) (ytd[k] up to month k+1; later entries unread), whose
 * planned start is planned_start (year 0: none) and whose status in force
 * at p is `in_force`.
 */
void tz_light_compute(struct tz_period p, int has_plan, int64_t annual, const int64_t *ytd,
		      struct tz_period planned_start, enum tz_status in_force,
		      struct tz_light_result *out);

/*
 * The rule next to the colour, in Chinese, into buf (cap `size`):
 * "落后序时进度38.0个百分点（超过30个百分点为红灯）", "上月红灯，本月落后
 * 序时进度25.0个百分点，回到30个百分点以内，转为黄灯", "计划2025-03开工，
 * 已过3个月仍未开工", … Returns buf.
 */
char *tz_light_explain(const struct tz_light_result *r, struct tz_period planned_start,
		       char *buf, size_t size);

#endif
