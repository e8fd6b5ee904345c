/*
 * bulletin-fixture.h: a small bulletin for the report writer tests, with
 * hostile group names, a long one, groups above and below the city
 * average, and more lagging projects than the HTML page lists.
 *
 * Period 2025-06: schedule 50%, a project lags below 40%.
 *   鲅鱼圈区        2 projects, 20000.00 of 22222.22 planned → 90.00%
 *   "&'             1 project,   1000.00 of  2000.00        → 50.00%
 *   <script>…       1 project,    100.00 of  1000.00        → 10.00%, lags
 *   长兴岛经济技术开发区 150 projects, 10.00 of 100.00 each  → 10.00%, all lag
 */
#ifndef TZ_BULLETIN_FIXTURE_H
#define TZ_BULLETIN_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "core/bulletin.h"

#define FIX_HOSTILE "<script>alert(1)</script>"
#define FIX_QUOTES "\"&'"
#define FIX_LONG "长兴岛经济技术开发区"
#define FIX_LONG_N 150

static inline void fix_add(struct tz_bulletin *b, const char *code, const char *key,
			   int64_t annual, int64_t ytd)
{
	struct tz_bulletin_row row = {
		.code = code, .name = "项目<名称>&", .region = key, .unit = "市交通运输局",
		.leader = "王<b>某", .problem = "用地“指标”未落实&", .key = key,
		.total = annual * 3, .has_plan = 1, .annual = annual, .ytd = ytd,
		.ytd_prev = ytd / 2, .started = 1, .reported = 1, .reported_prev = 1,
		.expected = 1,
	};

	tz_bulletin_add(b, &row);
}

/* The fixture bulletin; the caller frees it with tz_bulletin_free(). */
static inline struct tz_bulletin *fix_bulletin(void)
{
	struct tz_period p = { 2025, 6 };
	struct tz_bulletin *b = tz_bulletin_new(p, TZ_BY_REGION);
	char code[32];

	fix_add(b, "P001", "鲅鱼圈区", 1111111, 1000000);
	fix_add(b, "P002", "鲅鱼圈区", 1111111, 1000000);
	fix_add(b, "P003", FIX_QUOTES, 200000, 100000);
	fix_add(b, "P004", FIX_HOSTILE, 100000, 10000);
	for (int i = 0; i < FIX_LONG_N; i++) {
		snprintf(code, sizeof(code), "L%04d", i);
		fix_add(b, code, FIX_LONG, 10000, 1000);
	}
	if (tz_bulletin_finish(b, NULL))
		abort();
	return b;
}

/*
 * A bulletin whose ranks moved, with a group without a plan and projects
 * that did not report. Period 2025-11 (schedule 91.67 %), by region:
 *   甲区  90.00 %, was 3rd → 1st (↑2)
 *   丙区  89.43 %, was 1st → 2nd (↓1)
 *   乙区  44.44 %, was 2nd → 3rd (↓1); M3 did not report and lags
 *   丁区  no plan: no rate, no rank; M5 did not report
 */
static inline void fix_add_row(struct tz_bulletin *b, const char *code, const char *key,
			       int has_plan, int64_t annual, int64_t ytd, int64_t ytd_prev,
			       int reported)
{
	struct tz_bulletin_row row = {
		.code = code, .name = code, .region = key, .unit = "市发展改革委",
		.leader = "李某", .problem = "", .key = key, .total = annual * 2 + 1000,
		.has_plan = has_plan, .annual = annual, .ytd = ytd, .ytd_prev = ytd_prev,
		.started = reported, .reported = reported, .reported_prev = 1, .expected = 1,
	};

	tz_bulletin_add(b, &row);
}

static inline struct tz_bulletin *fix_moves(void)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 11 }, TZ_BY_REGION);

	fix_add_row(b, "M1", "甲区", 1, 10000, 9000, 1000, 1);
	fix_add_row(b, "M2", "乙区", 1, 10000, 8888, 8000, 1);
	fix_add_row(b, "M3", "乙区", 1, 10000, 0, 0, 0);
	fix_add_row(b, "M4", "丙区", 1, 10000, 8943, 7000, 1);
	fix_add_row(b, "M5", "丁区", 0, 0, 500, 0, 0);
	fix_add_row(b, "M6", "丁区", 0, 0, 300, 0, 1);
	if (tz_bulletin_finish(b, NULL))
		abort();
	return b;
}

#endif
