/*
 * test-dashboard.c: the dashboard's figures (core/dashboard.h) from a
 * bulletin and tallies' counters: rates as the bulletin prints them, the
 * schedule sentence, the seeds' sentences, the year-to-date range.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "core/dashboard.h"

static void add(struct tz_bulletin *b, const char *key, int has_plan, int64_t annual, int64_t ytd,
		int started, int reported, int expected)
{
	struct tz_bulletin_row row = {
		.code = "P1", .name = "项目", .region = key, .unit = "", .leader = "", .problem = "",
		.key = key, .total = 100000000, .has_plan = has_plan, .annual = annual, .ytd = ytd,
		.started = started, .reported = reported, .expected = expected,
	};

	tz_bulletin_add(b, &row);
}

static void test_pct1(void **state)
{
	(void)state;
	/* The seeds' arithmetic: 340.43 of 380.52 is 89.5 %; 50.64 of 85.7 is 59.1 %. */
	assert_int_equal(tz_dashboard_pct1(3404300, 3805200), 895);
	assert_int_equal(tz_dashboard_pct1(506400, 857000), 591);
	assert_int_equal(tz_dashboard_pct1(11, 12), 917);
	assert_int_equal(tz_dashboard_pct1(1, 2000), 1);   /* 0.05 % rounds half up */
	assert_int_equal(tz_dashboard_pct1(1, 2001), 0);
	assert_int_equal(tz_dashboard_pct1(5, 0), 0);
	assert_int_equal(tz_dashboard_pct1(INT64_MAX / 2, INT64_MAX / 2), 1000);
}

static void test_from_bulletin(void **state)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 11 }, TZ_BY_REGION);
	struct tz_dashboard d;
	struct tz_buf t = TZ_BUF_INIT;

	(void)state;
	/* 1-11月: schedule 91.7 %. Plan 380.52 亿, done 340.43 亿: 89.5 %, 2.2 below. */
	add(b, "甲区", 1, 3000000000, 2804300000, 1, 1, 1);
	add(b, "乙县", 1, 805200000, 600000000, 0, 0, 1);
	add(b, "乙县", 0, 0, 12300, 1, 1, 1);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	tz_dashboard_init(&d, tz_bulletin_period(b));
	assert_false(d.has_data);
	tz_dashboard_bulletin(&d, b);
	assert_true(d.has_data);
	assert_int_equal(d.projects, 3);
	assert_int_equal(d.annual, 3805200000);
	assert_int_equal(d.ytd, 3404300000);
	assert_int_equal(d.ytd_unplanned, 12300);
	assert_int_equal(d.started, 2);
	assert_int_equal(d.start_rate, 6667);
	assert_true(d.has_rate);
	assert_int_equal(d.rate_pct1, 895);
	assert_int_equal(d.schedule_pct1, 917);
	assert_int_equal(d.vs_schedule, -1);
	assert_int_equal(d.gap_pct1, 22);
	assert_int_equal(d.reported, 2);
	assert_int_equal(d.not_reported, 1);
	assert_int_equal(tz_dashboard_schedule_text(&d, &t), 0);
	assert_string_equal(t.buf, "低于序时进度（91.7%）2.2个百分点");
	tz_buf_release(&t);

	/* Level and above, said as printed. */
	d.rate_pct1 = 917;
	d.vs_schedule = 0;
	assert_int_equal(tz_dashboard_schedule_text(&d, &t), 0);
	assert_string_equal(t.buf, "与序时进度（91.7%）持平");
	tz_buf_release(&t);
	d.has_rate = 0;
	assert_int_equal(tz_dashboard_schedule_text(&d, &t), 0);
	assert_int_equal(t.len, 0);
	tz_buf_release(&t);
	tz_bulletin_free(b);

	b = tz_bulletin_new((struct tz_period){ 2025, 6 }, TZ_BY_REGION);
	add(b, "甲区", 1, 1000, 600, 1, 1, 1);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	tz_dashboard_init(&d, tz_bulletin_period(b));
	tz_dashboard_bulletin(&d, b);
	assert_int_equal(d.vs_schedule, 1);
	assert_int_equal(tz_dashboard_schedule_text(&d, &t), 0);
	assert_string_equal(t.buf, "高于序时进度（50.0%）10.0个百分点");
	tz_buf_release(&t);
	tz_bulletin_free(b);

	/* No plan at all: no rate, nothing said, no gap. */
	b = tz_bulletin_new((struct tz_period){ 2025, 6 }, TZ_BY_REGION);
	add(b, "甲区", 0, 0, 600, 1, 1, 1);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	tz_dashboard_init(&d, tz_bulletin_period(b));
	tz_dashboard_bulletin(&d, b);
	assert_false(d.has_rate);
	assert_int_equal(d.gap_pct1, 0);
	assert_int_equal(d.vs_schedule, 0);
	tz_bulletin_free(b);
}

static void test_counters(void **state)
{
	int64_t lights[TZ_LIGHT_COUNT] = { 60, 138, 139, 63 };
	int64_t pc[TZ_PC_COUNT] = { 0 }, prc[TZ_PRC_COUNT] = { 0 };
	struct tz_dashboard d;
	struct tz_buf t = TZ_BUF_INIT;

	(void)state;
	tz_dashboard_init(&d, (struct tz_period){ 2025, 8 });
	tz_dashboard_lights(&d, lights);
	assert_int_equal(d.lights[TZ_LIGHT_RED], 63);
	assert_int_equal(d.lights[TZ_LIGHT_NONE], 60);

	pc[TZ_PC_UPPER] = 24;
	pc[TZ_PC_UPPER + 1] = 31;
	pc[TZ_PC_UPPER + 2] = 19;
	pc[TZ_PC_ALL] = 30;
	pc[TZ_PC_ALL + 1] = 40;
	pc[TZ_PC_ALL + 2] = 22;
	pc[TZ_PC_STATUS(TZ_PROBLEM_SUSPENDED)] = 3;
	pc[TZ_PC_OVERDUE] = 5;
	tz_dashboard_problems(&d, pc);
	assert_int_equal(d.problems_all.problems, 40);
	assert_int_equal(d.problem_status[TZ_PROBLEM_SUSPENDED], 3);
	assert_int_equal(d.problems_overdue, 5);
	assert_int_equal(tz_dashboard_problem_sentence(&d, &t), 0);
	assert_string_equal(t.buf, "24个项目需国家、省市解决问题31个，已解决19个");
	tz_buf_release(&t);

	prc[TZ_PRC_REQUIRED] = 300;
	prc[TZ_PRC_STATUS(TZ_PROC_OBTAINED)] = 250;
	prc[TZ_PRC_IN_RANGE] = 227;
	tz_dashboard_procedures(&d, prc);
	assert_int_equal(d.proc_required, 300);
	assert_int_equal(d.proc_status[TZ_PROC_OBTAINED], 250);
	assert_int_equal(tz_dashboard_procedure_sentence(&d, &t), 0);
	assert_string_equal(t.buf, "1-8月，取得立项、备案、施工许可证等手续227个");
	tz_buf_release(&t);
	d.period.month = 1;
	assert_int_equal(tz_dashboard_procedure_sentence(&d, &t), 0);
	assert_string_equal(t.buf, "1月，取得立项、备案、施工许可证等手续227个");
	tz_buf_release(&t);
	assert_non_null(strstr(tz_dashboard_missing_note(), "到位资金"));
}

static void test_year_to_date(void **state)
{
	int32_t from, to;

	(void)state;
	tz_dashboard_year_to_date((struct tz_period){ 2024, 2 }, &from, &to);
	assert_int_equal(from, 20240101);
	assert_int_equal(to, 20240229);
	tz_dashboard_year_to_date((struct tz_period){ 2025, 2 }, &from, &to);
	assert_int_equal(to, 20250228);
	tz_dashboard_year_to_date((struct tz_period){ 2025, 12 }, &from, &to);
	assert_int_equal(from, 20250101);
	assert_int_equal(to, 20251231);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct1),
		cmocka_unit_test(test_from_bulletin),
		cmocka_unit_test(test_counters),
		cmocka_unit_test(test_year_to_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
