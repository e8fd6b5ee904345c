/*
 * test-light.c: the traffic lights of web.md (core/light.h): the
 * walk-through web.md asks for, verbatim; exact thresholds; the start
 * light; memory inside a year and across January; agreement with the
 * bulletin's lagging rule.
 */
#include "tz-test.h"

#include "core/bulletin.h"
#include "core/light.h"

/* Lights of a run of monthly gaps in points, with memory. */
static void walk(const int *gaps, int n, enum tz_light *out)
{
	enum tz_light state = TZ_LIGHT_NONE;

	for (int i = 0; i < n; i++) {
		state = tz_light_remember(state, tz_light_of_gap(gaps[i], 100));
		out[i] = state;
	}
}

/*
 * web.md: "a test walks one project through months: red in March (gap
 * 35), back to a gap of 25 in April (yellow), 8 in May (green, from
 * yellow); and one that jumps from red to a gap of 5 in one month (yellow
 * that month, green the next)."
 */
static void test_walk_through_verbatim(void **state)
{
	/* January to June. */
	static const int first[] = { 5, 8, 35, 25, 8, 8 };
	static const enum tz_light first_want[] = {
		TZ_LIGHT_GREEN, TZ_LIGHT_GREEN, TZ_LIGHT_RED, TZ_LIGHT_YELLOW, TZ_LIGHT_GREEN,
		TZ_LIGHT_GREEN,
	};
	static const int second[] = { 5, 8, 35, 5, 5 };
	static const enum tz_light second_want[] = {
		TZ_LIGHT_GREEN, TZ_LIGHT_GREEN, TZ_LIGHT_RED, TZ_LIGHT_YELLOW, TZ_LIGHT_GREEN,
	};
	enum tz_light got[6];

	(void)state;
	walk(first, 6, got);
	for (int i = 0; i < 6; i++)
		if (got[i] != first_want[i])
			fail_msg("first project, month %d: %s, want %s", i + 1, tz_light_name(got[i]),
				 tz_light_name(first_want[i]));
	walk(second, 5, got);
	for (int i = 0; i < 5; i++)
		if (got[i] != second_want[i])
			fail_msg("second project, month %d: %s, want %s", i + 1,
				 tz_light_name(got[i]), tz_light_name(second_want[i]));
}

/* Memory's other paths: red stays red above 30; yellow from the gap alone
 * goes green at once; red → yellow → red again. */
static void test_memory_paths(void **state)
{
	static const int gaps[] = { 35, 31, 30, 12, 31, 25, 20, 10 };
	static const enum tz_light want[] = {
		TZ_LIGHT_RED, TZ_LIGHT_RED, TZ_LIGHT_YELLOW, TZ_LIGHT_YELLOW, TZ_LIGHT_RED,
		TZ_LIGHT_YELLOW, TZ_LIGHT_YELLOW, TZ_LIGHT_GREEN,
	};
	static const int plain[] = { 20, 9 };
	enum tz_light got[8];

	(void)state;
	walk(gaps, 8, got);
	for (int i = 0; i < 8; i++)
		assert_int_equal(got[i], want[i]);
	walk(plain, 2, got);
	assert_int_equal(got[0], TZ_LIGHT_YELLOW);
	assert_int_equal(got[1], TZ_LIGHT_GREEN);
	/* A month with no light (no plan) after red: nothing to remember. */
	assert_int_equal(tz_light_remember(TZ_LIGHT_RED, TZ_LIGHT_NONE), TZ_LIGHT_NONE);
	assert_int_equal(tz_light_remember(TZ_LIGHT_YELLOW, TZ_LIGHT_RED), TZ_LIGHT_RED);
}

/* Boundaries are exact: 10 points is green, 30 is yellow, anything
 * above is the next colour, however large the amounts. */
static void test_exact_thresholds(void **state)
{
	(void)state;
	assert_int_equal(tz_light_of_gap(10, 100), TZ_LIGHT_GREEN);
	assert_int_equal(tz_light_of_gap(1001, 10000), TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_of_gap(30, 100), TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_of_gap(3001, 10000), TZ_LIGHT_RED);
	assert_int_equal(tz_light_of_gap(-50, 100), TZ_LIGHT_GREEN);
	/* June: schedule 50%. 40% done is exactly 10 behind. */
	assert_int_equal(tz_light_progress_raw(6, 1, 1000, 400), TZ_LIGHT_GREEN);
	assert_int_equal(tz_light_progress_raw(6, 1, 1000, 399), TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_progress_raw(6, 1, 1000, 200), TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_progress_raw(6, 1, 1000, 199), TZ_LIGHT_RED);
	/* April: schedule 1/3, a repeating decimal. 7/30 done is exactly 10
	 * points behind, at the largest amounts a ledger holds. */
	assert_int_equal(tz_light_progress_raw(4, 1, 30000000000, 7000000000), TZ_LIGHT_GREEN);
	assert_int_equal(tz_light_progress_raw(4, 1, 30000000000, 6999999999), TZ_LIGHT_YELLOW);
	/* 1/30 done is exactly 30 behind; 0.01 万元 less is red. */
	assert_int_equal(tz_light_progress_raw(4, 1, 30000000000, 1000000000), TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_progress_raw(4, 1, 30000000000, 999999999), TZ_LIGHT_RED);
	assert_int_equal(tz_light_progress_raw(4, 1, 100000000000, 3333333333), TZ_LIGHT_RED);
	/* No plan, or a plan of 0: no progress light. */
	assert_int_equal(tz_light_progress_raw(6, 0, 0, 500), TZ_LIGHT_NONE);
	assert_int_equal(tz_light_progress_raw(6, 1, 0, 500), TZ_LIGHT_NONE);
	/* Gaps for display, in 1/10000 of one. */
	assert_int_equal(tz_light_gap(6, 1000, 120), 3800);
	assert_int_equal(tz_light_gap(12, 1000, 1100), -1000);
	assert_int_equal(tz_light_gap(1, 3, 0), 833);
}

/* Not a light that differs from the bulletin's 进度滞后: yellow or red
 * exactly when the bulletin lists the project as lagging. */
static void test_agrees_with_bulletin_lagging(void **state)
{
	uint64_t s = 12345;

	(void)state;
	for (int m = 1; m <= 12; m++) {
		struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, m }, TZ_BY_REGION);

		for (int i = 0; i < 20000; i++) {
			int64_t annual, ytd;

			s = s * 6364136223846793005ULL + 1442695040888963407ULL;
			annual = (int64_t)(s >> 33) % 5000 + 1;
			ytd = (int64_t)(s >> 13) % (annual * 2);
			assert_int_equal(tz_light_progress_raw(m, 1, annual, ytd) >= TZ_LIGHT_YELLOW,
					 tz_bulletin_lags(b, 1, annual, ytd));
		}
		tz_bulletin_free(b);
	}
}

static void test_start_light(void **state)
{
	struct tz_period start = { 2025, 3 };

	(void)state;
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 2 }, start, TZ_STATUS_NONE),
			 TZ_LIGHT_NONE);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 3 }, start, TZ_STATUS_NOT_STARTED),
			 TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 5 }, start, TZ_STATUS_NONE),
			 TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 6 }, start, TZ_STATUS_NOT_STARTED),
			 TZ_LIGHT_RED);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 6 }, start, TZ_STATUS_STARTED),
			 TZ_LIGHT_GREEN);
	/* Stopped or finished projects have started. */
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 9 }, start, TZ_STATUS_STOPPED),
			 TZ_LIGHT_GREEN);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 9 }, start, TZ_STATUS_COMPLETED),
			 TZ_LIGHT_GREEN);
	/* No planned start: nothing is due. */
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 9 }, (struct tz_period){ 0, 0 },
					TZ_STATUS_NOT_STARTED),
			 TZ_LIGHT_NONE);
	/* Across the year: planned for November, not started in February. */
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 1 }, (struct tz_period){ 2024, 11 },
					TZ_STATUS_NOT_STARTED),
			 TZ_LIGHT_YELLOW);
	assert_int_equal(tz_light_start((struct tz_period){ 2025, 2 }, (struct tz_period){ 2024, 11 },
					TZ_STATUS_NOT_STARTED),
			 TZ_LIGHT_RED);
}

/* ytd of a plan of 1,200.00 万元 month by month, from ratios in percent. */
static void ytd_of(const int *pct, int n, int64_t *ytd)
{
	for (int i = 0; i < n; i++)
		ytd[i] = 120000 * pct[i] / 100;
}

/*
 * The walk-through on real figures. A gap of 35 cannot happen in March
 * (the schedule is 25%), so the same story is told later in the year,
 * after a slow spring:
 * July 20% done (58.3% due, 38.3 behind: red), August 40% (66.7% due,
 * 26.7 behind: yellow, from red), September 68% (75% due, 7 behind:
 * green, from yellow); and a project that jumps from red in July to 62%
 * in August (4.7 behind: yellow that month) and 70% in September (green).
 */
static void test_walk_through_on_figures(void **state)
{
	static const int a[] = { 0, 5, 5, 5, 6, 10, 20, 40, 68 };
	static const int b[] = { 0, 5, 5, 5, 6, 10, 20, 62, 70 };
	struct tz_period none = { 0, 0 };
	struct tz_light_result r;
	int64_t ya[9], yb[9];
	char why[400];

	(void)state;
	ytd_of(a, 9, ya);
	ytd_of(b, 9, yb);
	/* Already red in May (41.7% due, 6% done) and June. */
	tz_light_compute((struct tz_period){ 2025, 7 }, 1, 120000, ya, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_RED);
	assert_int_equal(r.why, TZ_WHY_GAP);
	assert_int_equal(r.gap, 3833);
	tz_light_explain(&r, none, why, sizeof(why));
	assert_non_null(strstr(why, "落后38.3个百分点"));
	assert_non_null(strstr(why, "超过30个百分点为红灯"));

	tz_light_compute((struct tz_period){ 2025, 8 }, 1, 120000, ya, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_YELLOW);
	assert_int_equal(r.raw, TZ_LIGHT_YELLOW);
	assert_int_equal(r.prev, TZ_LIGHT_RED);
	assert_int_equal(r.why, TZ_WHY_HELD);
	tz_light_compute((struct tz_period){ 2025, 9 }, 1, 120000, ya, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_GREEN);
	assert_int_equal(r.prev, TZ_LIGHT_YELLOW);

	tz_light_compute((struct tz_period){ 2025, 8 }, 1, 120000, yb, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.raw, TZ_LIGHT_GREEN);
	assert_int_equal(r.light, TZ_LIGHT_YELLOW);
	assert_int_equal(r.why, TZ_WHY_HELD);
	tz_light_explain(&r, none, why, sizeof(why));
	assert_non_null(strstr(why, "上月红灯"));
	assert_non_null(strstr(why, "转为黄灯"));
	tz_light_compute((struct tz_period){ 2025, 9 }, 1, 120000, yb, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_GREEN);
	assert_int_equal(r.why, TZ_WHY_GAP);
}

/* Red in July, then ahead of schedule in August: held at yellow, and
 * its text does not call it behind (walkthrough 17: "完成139.5%，落后39.5个
 * 百分点"). */
static void test_held_ahead(void **state)
{
	static const int64_t ytd[12] = { 1000, 2000, 3000, 4000, 5000, 6000, 7000, 150000 };
	static const struct tz_period none = { 0, 0 };
	struct tz_light_result r;
	char why[400];

	(void)state;
	tz_light_compute((struct tz_period){ 2025, 8 }, 1, 120000, ytd, none, TZ_STATUS_STARTED, &r);
	assert_int_equal(r.prev, TZ_LIGHT_RED);
	assert_int_equal(r.raw, TZ_LIGHT_GREEN);
	assert_int_equal(r.light, TZ_LIGHT_YELLOW);
	assert_int_equal(r.why, TZ_WHY_HELD);
	assert_true(r.gap < 0);
	tz_light_explain(&r, none, why, sizeof(why));
	assert_non_null(strstr(why, "上月红灯"));
	assert_non_null(strstr(why, "完成125.0%，达到序时进度"));
	assert_null(strstr(why, "落后"));
	assert_non_null(strstr(why, "转为黄灯"));
}

/* The project's light is the worse of the two. */
static void test_worse_of_two(void **state)
{
	static const int64_t ahead[12] = { 20000, 40000, 60000, 80000, 100000, 120000 };
	struct tz_light_result r;
	char why[400];

	(void)state;
	/* Ahead of plan on its preliminary spending, but planned to start in
	 * March and still 未开工 in June: red by the start rule. */
	tz_light_compute((struct tz_period){ 2025, 6 }, 1, 120000, ahead, (struct tz_period){ 2025, 3 },
			 TZ_STATUS_NOT_STARTED, &r);
	assert_int_equal(r.progress, TZ_LIGHT_GREEN);
	assert_int_equal(r.start, TZ_LIGHT_RED);
	assert_int_equal(r.light, TZ_LIGHT_RED);
	assert_int_equal(r.why, TZ_WHY_START_LATE);
	assert_int_equal(r.months_late, 3);
	tz_light_explain(&r, (struct tz_period){ 2025, 3 }, why, sizeof(why));
	assert_non_null(strstr(why, "计划2025-03开工，已过3个月仍未开工"));
	/* No plan, started: green from the start light alone. */
	tz_light_compute((struct tz_period){ 2025, 6 }, 0, 0, ahead, (struct tz_period){ 2025, 3 },
			 TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_GREEN);
	assert_int_equal(r.why, TZ_WHY_STARTED);
	assert_false(r.has_gap);
	/* No plan, not due: no light. */
	tz_light_compute((struct tz_period){ 2025, 2 }, 0, 0, ahead, (struct tz_period){ 2025, 3 },
			 TZ_STATUS_NOT_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_NONE);
	assert_int_equal(r.why, TZ_WHY_NONE);
}

/*
 * Memory does not cross January (core/light.h): the light of January is
 * computed from the new year's ledger row alone. A project red all
 * autumn starts the year green, since no project can be more than 8.3
 * points behind a January schedule.
 */
static void test_january_starts_afresh(void **state)
{
	int64_t last_year[12] = { 0 }, this_year[12] = { 0 };
	struct tz_light_result r;

	(void)state;
	tz_light_compute((struct tz_period){ 2024, 12 }, 1, 120000, last_year, (struct tz_period){ 0, 0 },
			 TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_RED);
	tz_light_compute((struct tz_period){ 2025, 1 }, 1, 120000, this_year, (struct tz_period){ 0, 0 },
			 TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_GREEN);
	assert_int_equal(r.prev, TZ_LIGHT_NONE);
	assert_int_equal(r.gap, 833);
	/* February, nothing done: 16.7 behind, yellow (never red before April). */
	tz_light_compute((struct tz_period){ 2025, 2 }, 1, 120000, this_year, (struct tz_period){ 0, 0 },
			 TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_YELLOW);
	tz_light_compute((struct tz_period){ 2025, 4 }, 1, 120000, this_year, (struct tz_period){ 0, 0 },
			 TZ_STATUS_STARTED, &r);
	assert_int_equal(r.light, TZ_LIGHT_RED);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(tz_light_name(TZ_LIGHT_RED), "红灯");
	assert_string_equal(tz_light_name(TZ_LIGHT_YELLOW), "黄灯");
	assert_string_equal(tz_light_name(TZ_LIGHT_GREEN), "绿灯");
	assert_string_equal(tz_light_name(TZ_LIGHT_NONE), "无灯");
	assert_string_equal(tz_light_key(TZ_LIGHT_RED), "red");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_through_verbatim),
		cmocka_unit_test(test_memory_paths),
		cmocka_unit_test(test_exact_thresholds),
		cmocka_unit_test(test_agrees_with_bulletin_lagging),
		cmocka_unit_test(test_start_light),
		cmocka_unit_test(test_walk_through_on_figures),
		cmocka_unit_test(test_held_ahead),
		cmocka_unit_test(test_worse_of_two),
		cmocka_unit_test(test_january_starts_afresh),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
