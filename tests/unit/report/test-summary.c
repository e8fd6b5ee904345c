/*
 * test-summary.c: the bulletin's opening paragraphs, word for word, for
 * the shapes a bulletin takes: ties first and last, January (no rank
 * change), groups without a plan, a city without any plan, one group, no
 * lagging and no missing reports, ranks that moved; and the integer
 * figures under them (亿元 and one-decimal percentages rounded once, from
 * the exact fractions). tests/t/t1210-bulletin-summary.sh checks every
 * number of the paragraphs of demo bulletins against their JSON.
 */
#include "tz-test.h"

#include "core/money.h"
#include "report/summary.h"
#include "report/writer.h"
#include "bulletin-fixture.h"

/* The summary of `b` (finished here if it is not yet); caller frees. */
static char *summary_of(struct tz_bulletin *b)
{
	struct tz_buf out = TZ_BUF_INIT;

	assert_int_equal(tz_bulletin_summary(b, &out), 0);
	return tz_buf_detach(&out, NULL);
}

static void expect_summary(struct tz_bulletin *b, const char *want)
{
	char *got = summary_of(b);

	if (strcmp(got, want))
		fail_msg("summary:\n%s\nexpected:\n%s", got, want);
	free(got);
}

struct proj {
	const char *code, *key;
	int has_plan;
	int64_t annual, ytd, ytd_prev;
	int started, reported, expected;
};

static struct tz_bulletin *bulletin_of(struct tz_period p, enum tz_bulletin_by by,
				       const struct proj *ps, size_t n)
{
	struct tz_bulletin *b = tz_bulletin_new(p, by);

	for (size_t i = 0; i < n; i++) {
		struct tz_bulletin_row row = {
			.code = ps[i].code, .name = ps[i].code, .region = ps[i].key,
			.key = ps[i].key, .total = ps[i].annual * 2, .has_plan = ps[i].has_plan,
			.annual = ps[i].annual, .ytd = ps[i].ytd, .ytd_prev = ps[i].ytd_prev,
			.started = ps[i].started, .reported = ps[i].reported,
			.reported_prev = 1, .expected = ps[i].expected,
		};
		tz_bulletin_add(b, &row);
	}
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	return b;
}

/* ------------------------------------------------------------------ */

static void test_figures(void **state)
{
	char buf[32];

	(void)state;
	/* 亿元: 1 亿元 is 1000000 units of 0.01 万元; half up, once. */
	assert_string_equal(tz_money_fmt_yi(3404300000, buf), "3404.30");
	assert_string_equal(tz_money_fmt_yi(340425000, buf), "340.43");
	assert_string_equal(tz_money_fmt_yi(340424999, buf), "340.42");
	assert_string_equal(tz_money_fmt_yi(4999, buf), "0.00");
	assert_string_equal(tz_money_fmt_yi(5000, buf), "0.01");
	assert_string_equal(tz_money_fmt_yi(0, buf), "0.00");
	assert_string_equal(tz_money_fmt_yi(-5000, buf), "-0.01");
	assert_string_equal(tz_money_fmt_yi(INT64_MAX, buf), "9223372036854.78");
	assert_int_equal(tz_money_yi100(1234567890), 123457);
	/* The seed's arithmetic: 340.43 of 380.52 亿元 is 89.5 %. */
	assert_int_equal(tz_pct1(34043, 38052), 895);
	assert_int_equal(tz_pct1(5064, 8570), 591);
	/* Rounded once from the exact fraction: 0.89446 is 89.4 %, although
	 * the rate rounded to 1/10000 (0.8945) would round up again to 89.5. */
	assert_int_equal(tz_rate(894460, 1000000), 8945);
	assert_int_equal(tz_pct1(894460, 1000000), 894);
	assert_int_equal(tz_pct1(8945, 10000), 895);   /* exactly half: up */
	assert_int_equal(tz_pct1(11, 12), 917);
	assert_int_equal(tz_pct1(1, 12), 83);
	assert_int_equal(tz_pct1(1, 0), 0);
	assert_int_equal(tz_pct1(-1, 8), -125);
	assert_string_equal(tz_pct1_fmt(895, buf), "89.5");
	assert_string_equal(tz_pct1_fmt(1000, buf), "100.0");
	assert_string_equal(tz_pct1_fmt(3, buf), "0.3");
	assert_string_equal(tz_pct1_fmt(-12, buf), "-1.2");
}

/* Hostile names stay as they are (escaping is the format's job); the two
 * groups at 10 % share the last place. */
static void test_fixture(void **state)
{
	struct tz_bulletin *b = fix_bulletin();

	(void)state;
	expect_summary(b,
		"1-6月，全市154个重点项目年度计划投资4.02亿元，累计完成投资2.26亿元，占年度计划的"
		"56.2%，高于序时进度（50.0%）6.2个百分点。已开工项目154个，开工率100.0%。\n"
		"分县（市）区看，1个县（市）区投资完成率高于全市平均水平，3个低于全市平均水平；"
		"鲅鱼圈区以90.0%居首，" FIX_HOSTILE "等2个县（市）区以10.0%并列最后。"
		"与上月相比，各县（市）区排名均无变化。\n"
		"全市落后序时进度10个百分点以上的进度滞后项目151个，其中项目<名称>&完成年度计划的"
		"比例最低，为10.0%。本期应报送调度数据的154个项目均已报送。");
	tz_bulletin_free(b);
}

/* A bulletin restricted to part of the city says so, never "全市" (the
 * dashboard of a county, pages-b). */
static void test_scope(void **state)
{
	struct tz_bulletin *b = fix_bulletin();

	(void)state;
	tz_bulletin_set_scope(b, "盖州市");
	expect_summary(b,
		"1-6月，盖州市154个重点项目年度计划投资4.02亿元，累计完成投资2.26亿元，占年度计划的"
		"56.2%，高于序时进度（50.0%）6.2个百分点。已开工项目154个，开工率100.0%。\n"
		"分县（市）区看，1个县（市）区投资完成率高于盖州市平均水平，3个低于盖州市平均水平；"
		"鲅鱼圈区以90.0%居首，" FIX_HOSTILE "等2个县（市）区以10.0%并列最后。"
		"与上月相比，各县（市）区排名均无变化。\n"
		"盖州市落后序时进度10个百分点以上的进度滞后项目151个，其中项目<名称>&完成年度计划的"
		"比例最低，为10.0%。本期应报送调度数据的154个项目均已报送。");
	assert_string_equal(tz_bulletin_below_label(b), "低于盖州市平均");
	tz_bulletin_set_scope(b, "");
	assert_string_equal(tz_bulletin_scope(b), "盖州市");
	tz_bulletin_free(b);
}

/* January: no rank change, nothing lags yet; a group without a plan has
 * no rank, and its investment is said apart; one project did not report. */
static void test_january_unplanned(void **state)
{
	static const struct proj ps[] = {
		{ "P1", "港口物流", 1, 600000, 100000, 0, 1, 1, 1 },
		{ "P2", "港口物流", 1, 600000, 50000, 0, 0, 1, 1 },
		{ "P3", "先进制造", 1, 1000000, 50000, 0, 1, 0, 1 },
		{ "P4", "民生保障", 0, 0, 30000, 0, 1, 1, 1 },
	};
	struct tz_bulletin *b = bulletin_of((struct tz_period){ 2025, 1 }, TZ_BY_CATEGORY, ps, 4);

	(void)state;
	expect_summary(b,
		"1月，全市4个重点项目年度计划投资2.20亿元，累计完成投资0.20亿元，占年度计划的9.1%，"
		"高于序时进度（8.3%）0.8个百分点。另有未安排年度计划的项目完成投资0.03亿元，"
		"未计入投资完成率。已开工项目3个，开工率75.0%。\n"
		"分类别看，1个类别投资完成率高于全市平均水平，1个低于全市平均水平，1个未安排年度"
		"计划投资，不参与排名；港口物流以12.5%居首，先进制造以5.0%居末。\n"
		"全市没有落后序时进度10个百分点以上的进度滞后项目。本期应报送调度数据的项目4个，"
		"已报送3个，未报送1个，其中先进制造最多（1个）。");
	tz_bulletin_free(b);
}

/* "低于序时进度x个百分点" is the difference of the printed percentages:
 * 91.7 − 89.4 = 2.3, although the exact difference (2.2301) rounds to 2.2.
 * Ranks moved: 甲 was last in October and is first in November, 乙 fell
 * from first to last, 丙 stayed second. */
static void test_difference_as_printed(void **state)
{
	static const struct proj ps[] = {
		{ "P1", "甲", 1, 10000, 9000, 1000, 1, 1, 1 },
		{ "P2", "乙", 1, 10000, 8888, 8000, 1, 1, 1 },
		{ "P3", "丙", 1, 10000, 8943, 7000, 1, 1, 1 },
	};
	struct tz_bulletin *b = bulletin_of((struct tz_period){ 2025, 11 }, TZ_BY_LEADER, ps, 3);
	char *s;

	(void)state;
	s = summary_of(b);
	assert_non_null(strstr(s, "累计完成投资0.03亿元，占年度计划的89.4%，低于序时进度（91.7%）"
				  "2.3个百分点。"));
	assert_non_null(strstr(s, "分包联领导看，1位包联领导投资完成率高于全市平均水平，2位低于"
				  "全市平均水平；甲以90.0%居首，乙以88.9%居末。与上月相比，1位包联"
				  "领导排名上升，1位排名下降，1位排名不变。\n"));
	free(s);
	tz_bulletin_free(b);
}

/* Exactly the schedule, every group level with the city, one group. */
static void test_level(void **state)
{
	static const struct proj two[] = {
		{ "P1", "省重点", 1, 1200, 600, 100, 1, 1, 1 },
		{ "P2", "市重点", 1, 2400, 1200, 200, 1, 1, 1 },
	};
	static const struct proj one[] = {
		{ "P1", "鲅鱼圈区", 1, 1200, 600, 0, 0, 1, 0 },
	};
	struct tz_bulletin *b = bulletin_of((struct tz_period){ 2025, 6 }, TZ_BY_LEVEL, two, 2);
	char *s;

	(void)state;
	s = summary_of(b);
	assert_non_null(strstr(s, "占年度计划的50.0%，与序时进度（50.0%）持平。"));
	/* Both at 50 %: level with the city, and no first or last. */
	assert_non_null(strstr(s, "分级别看，2个级别投资完成率与全市平均水平持平。与上月相比，"
				  "各级别排名均无变化。\n"));
	free(s);
	tz_bulletin_free(b);

	b = bulletin_of((struct tz_period){ 2025, 6 }, TZ_BY_REGION, one, 1);
	s = summary_of(b);
	/* A ranking of one, at rank 1 in May too: nothing to say of ranks
	 * (not "各县（市）区排名均无变化", which the dashboard of a county said
	 * beside the city's table showing it move). */
	assert_non_null(strstr(s, "已开工项目0个，开工率0.0%。\n分县（市）区看，鲅鱼圈区投资完成率"
				  "50.0%。\n"));
	free(s);
	tz_bulletin_free(b);
}

/* No project has a plan: no rate anywhere, nothing ranked. */
static void test_no_plan(void **state)
{
	static const struct proj ps[] = {
		{ "P1", "市交通运输局", 0, 0, 1500000, 0, 1, 1, 1 },
		{ "P2", "市住建局", 0, 0, 500000, 0, 1, 1, 1 },
	};
	struct tz_bulletin *b = bulletin_of((struct tz_period){ 2025, 3 }, TZ_BY_UNIT, ps, 2);

	(void)state;
	expect_summary(b,
		"1-3月，全市2个重点项目均未安排年度计划投资，累计完成投资2.00亿元。已开工项目2个，"
		"开工率100.0%。\n"
		"分责任单位看，2个责任单位未安排年度计划投资，不参与排名。\n"
		"全市没有落后序时进度10个百分点以上的进度滞后项目。本期应报送调度数据的2个项目均已报送。");
	tz_bulletin_free(b);
}

/* Ranks moved, a group without a plan, an amount below 0.01 亿元 said in
 * 万元, and two groups sharing the most missing reports. */
static void test_moves(void **state)
{
	struct tz_bulletin *b = fix_moves();

	(void)state;
	expect_summary(b,
		"1-11月，全市6个重点项目年度计划投资0.04亿元，累计完成投资0.03亿元，占年度计划的"
		"67.1%，低于序时进度（91.7%）24.6个百分点。另有未安排年度计划的项目完成投资"
		"8.00万元，未计入投资完成率。已开工项目4个，开工率66.7%。\n"
		"分县（市）区看，2个县（市）区投资完成率高于全市平均水平，1个低于全市平均水平，"
		"1个未安排年度计划投资，不参与排名；甲区以90.0%居首，乙区以44.4%居末。与上月相比，"
		"1个县（市）区排名上升，2个排名下降。\n"
		"全市落后序时进度10个百分点以上的进度滞后项目1个，其中M3完成年度计划的比例最低，"
		"为0.0%。本期应报送调度数据的项目6个，已报送4个，未报送2个，其中乙区等2个县（市）区"
		"最多，各1个。");
	tz_bulletin_free(b);
}

/* A lagging project without a name is named by its code; too small a
 * buffer fails with TZ_ETOOBIG. */
static void test_edges(void **state)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 12 }, TZ_BY_REGION);
	struct tz_bulletin_row row = { .code = "P9", .key = "老边区", .has_plan = 1,
				       .annual = 1000, .ytd = 0, .reported = 1, .expected = 1 };
	struct tz_buf small = TZ_BUF_INIT;
	char *s;

	(void)state;
	tz_bulletin_add(b, &row);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	s = summary_of(b);
	assert_non_null(strstr(s, "进度滞后项目1个，其中P9完成年度计划的比例最低，为0.0%。"));
	free(s);
	tz_buf_init(&small, 40);
	assert_int_equal(tz_bulletin_summary(b, &small), TZ_ETOOBIG);
	assert_true(small.len <= 40);
	tz_buf_release(&small);
	tz_bulletin_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_january_unplanned),
		cmocka_unit_test(test_difference_as_printed),
		cmocka_unit_test(test_level),
		cmocka_unit_test(test_no_plan),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests_name("report/summary", tests, NULL, NULL);
}
