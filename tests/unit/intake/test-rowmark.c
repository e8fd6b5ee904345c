/*
 * test-rowmark.c: which cells mark a row as a total or a breakdown
 * (intake/rowmark.h), and which real names that hold the same characters
 * stay projects.
 */
#include "tz-test.h"

#include "intake/rowmark.h"

static enum tz_row_mark mark(const char *s)
{
	return tz_row_mark(s, strlen(s));
}

/* Totals as sheets write them: alone, after a scope, with a count or a
 * colon after them, spaced out, in traditional characters. */
static void test_totals(void **state)
{
	static const char *const totals[] = {
		"合计", "小计", "总计", "共计", "累计", "汇总", "总合计", "全市合计",
		"站前区小计", "鲅鱼圈区重点项目合计", "XX合计", "以上合计", "本页小计",
		"合计（3个）", "合计(3个)", "小计：", "总计：", "总计:", "合计12项", "合计：共5个项目",
		"合計", "小計", "總計", "小  计", "小　计", "合  计", " 合 计 ", "合\xe2\x80\x8b计",
		"全市累计", "站前区汇总", "合计——", "本页合计（万元）", "合计数", "合计金额：",
		"小计投资", "总计总投资(亿元)",
		/* The second audit (2026-11-30): brackets, weak words, English, counts. */
		"【小计】", "〔小计〕", "〖合计〗", "（小计）", "「小计」", "{小计}", "计", "甲县计",
		"小结", "小记", "以上小结", "Subtotal", "Sub-total", "TOTAL:", "Total", "Sum",
		"Grand Total", "甲县共2个", "甲县 2个项目", "共3个项目", "乙县共二个",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(totals) / sizeof(totals[0]); i++) {
		if (mark(totals[i]) != TZ_MARK_TOTAL)
			fail_msg("“%s” should be a total", totals[i]);
	}
}

static void test_breakdowns(void **state)
{
	(void)state;
	assert_int_equal(mark("其中："), TZ_MARK_BREAKDOWN);
	assert_int_equal(mark("其中:"), TZ_MARK_BREAKDOWN);
	assert_int_equal(mark("其中"), TZ_MARK_BREAKDOWN);
	assert_int_equal(mark("其 中：续建项目"), TZ_MARK_BREAKDOWN);
}

/* Real names holding a marker's characters are projects. */
static void test_names_that_are_projects(void **state)
{
	static const char *const names[] = {
		"综合计量检测中心", "市综合计量检测中心", "计量中心综合楼", "总计划投资中心",
		"合计量", "小计算机产业园", "会计服务中心", "统计大楼", "设计院新址",
		"大数据汇总平台", "政务数据汇总", "累计完成工程", "公共计量站",
		"临港大道", "鲅鱼圈区疏港铁路", "", "其他项目", "中其中心", "合计数据中心",
		"小计投资公司", "老旧小区改造3个项目", "Summit大道", "Total体育馆", "设计院改造",
		"甲县计生服务站", "小记者培训中心", "结构加固工程", "两个项目合建", "共建共享中心",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (mark(names[i]) != TZ_MARK_NONE)
			fail_msg("“%s” should be a project", names[i]);
	}
}

/* Headings over a group of projects, and names that look like them. */
static void test_headings(void **state)
{
	static const char *const heads[] = {
		"(1)续建项目", "1.续建项目", "Ⅰ.续建项目", "A.续建项目", "⑴续建项目", "①续建项目",
		"一、续建项目", "（一）新开工项目", "1、计划新开工项目", "b)前期项目",
		"Ⅱ、新开工项目（3个）", "二、产业类", "（二）社会事业类项目", "基础设施类",
	};
	static const char *const names[] = {
		"1号楼建设项目", "A区安置房", "续建项目配套道路", "1.产业园区道路", "A.交通枢纽",
		"重点项目", "产业园", "",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (!tz_row_is_heading(heads[i], strlen(heads[i])))
			fail_msg("“%s” should be a heading", heads[i]);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (tz_row_is_heading(names[i], strlen(names[i])))
			fail_msg("“%s” should be a project", names[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_breakdowns),
		cmocka_unit_test(test_names_that_are_projects),
		cmocka_unit_test(test_headings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
