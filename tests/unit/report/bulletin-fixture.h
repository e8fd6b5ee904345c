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

#endif
