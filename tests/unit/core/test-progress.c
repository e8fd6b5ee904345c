/* test-progress.c: start statuses and the running totals of a project. */
#include "tz-test.h"

#include "core/money.h"
#include "core/progress.h"

static void test_status_names_and_variants(void **state)
{
	static const struct { const char *text; enum tz_status st; } ok[] = {
		{ "未开工", TZ_STATUS_NOT_STARTED }, { "已开工", TZ_STATUS_STARTED },
		{ "在建", TZ_STATUS_STARTED }, { " 已复工 ", TZ_STATUS_RESUMED },
		{ "停工", TZ_STATUS_STOPPED }, { "已竣工", TZ_STATUS_COMPLETED },
		{ "完工", TZ_STATUS_COMPLETED }, { "前期阶段", TZ_STATUS_NOT_STARTED },
	};
	enum tz_status st;
	struct tz_err err;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(tz_status_parse(ok[i].text, strlen(ok[i].text), &st, NULL), 0);
		assert_int_equal(st, ok[i].st);
	}
	tz_err_clear(&err);
	assert_int_equal(tz_status_parse("快完了", strlen("快完了"), &st, &err), TZ_EINVAL);
	/* The reason reads after the value, which the caller names once. */
	assert_null(strstr(err.msg, "快完了"));
	assert_string_equal(err.msg, "无法识别（应为未开工、已开工、已复工、停工或已竣工）");
	assert_int_equal(tz_status_parse("", 0, &st, NULL), TZ_EINVAL);
	assert_string_equal(tz_status_name(TZ_STATUS_RESUMED), "已复工");
	assert_true(tz_status_counts_started(TZ_STATUS_COMPLETED));
	assert_true(tz_status_counts_started(TZ_STATUS_RESUMED));
	assert_false(tz_status_counts_started(TZ_STATUS_STOPPED));
	assert_false(tz_status_counts_started(TZ_STATUS_NOT_STARTED));
}

struct collected {
	struct tz_running_year years[8];
	int n;
};

static int collect(void *ctx, const struct tz_running_year *ry)
{
	struct collected *c = ctx;

	assert_true(c->n < 8);
	c->years[c->n++] = *ry;
	return 0;
}

static void add(struct tz_report_years *y, int year, int month, int64_t done, enum tz_status st)
{
	char text[32];

	/* Odd months name a problem: "问题M". */
	snprintf(text, sizeof(text), month % 2 ? "问题%d" : "", month);
	tz_report_years_add(y, (struct tz_period){ year, month }, done, st, text);
}

/*
 * Reports in 2023-11, 2024-02 and 2026-03, added out of order: every year
 * from 2023 to 2026 is produced, 2025 empty but carrying 2024's status.
 */
static void test_running_totals_carry_across_years(void **state)
{
	struct tz_report_years y = TZ_REPORT_YEARS_INIT;
	struct collected c = { .n = 0 };

	(void)state;
	add(&y, 2026, 3, 700, TZ_STATUS_RESUMED);
	add(&y, 2023, 11, 100, TZ_STATUS_STARTED);
	add(&y, 2024, 2, 50, TZ_STATUS_STOPPED);
	add(&y, 2023, 12, 25, TZ_STATUS_STARTED);
	assert_int_equal(tz_report_years_each(&y, collect, &c), 0);
	assert_int_equal(c.n, 4);

	assert_int_equal(c.years[0].year, 2023);
	assert_int_equal(c.years[0].ytd[9], 0);
	assert_int_equal(c.years[0].status[9], TZ_STATUS_NONE);
	assert_int_equal(c.years[0].ytd[10], 100);
	assert_int_equal(c.years[0].ytd[11], 125);
	assert_int_equal(c.years[0].status[11], TZ_STATUS_STARTED);

	/* January 2024 has no report: ytd restarts, the status carries. */
	assert_int_equal(c.years[1].year, 2024);
	assert_int_equal(c.years[1].ytd[0], 0);
	assert_int_equal(c.years[1].status[0], TZ_STATUS_STARTED);
	assert_int_equal(c.years[1].ytd[1], 50);
	assert_int_equal(c.years[1].status[1], TZ_STATUS_STOPPED);
	assert_int_equal(c.years[1].ytd[11], 50);

	assert_int_equal(c.years[2].year, 2025);
	for (int m = 0; m < 12; m++) {
		assert_int_equal(c.years[2].ytd[m], 0);
		assert_int_equal(c.years[2].status[m], TZ_STATUS_STOPPED);
	}
	assert_int_equal(c.years[3].year, 2026);
	assert_int_equal(c.years[3].status[1], TZ_STATUS_STOPPED);
	assert_int_equal(c.years[3].ytd[2], 700);
	assert_int_equal(c.years[3].status[2], TZ_STATUS_RESUMED);

	/* Which months have a report, and which name a problem (odd ones
	 * here): for 未报送 and the latest 存在问题. */
	assert_int_equal(c.years[0].reported, (1 << 10) | (1 << 11));
	assert_int_equal(c.years[0].problems, 1 << 10);
	assert_int_equal(c.years[0].problem_month, 11);
	assert_string_equal(c.years[0].problem_text, "问题11");
	assert_int_equal(c.years[1].problem_month, 0);
	assert_string_equal(c.years[1].problem_text, "");
	assert_int_equal(c.years[1].reported, 1 << 1);
	assert_int_equal(c.years[1].problems, 0);
	assert_int_equal(c.years[2].reported, 0);
	assert_int_equal(c.years[3].problems, 1 << 2);

	/* Clearing forgets everything but keeps working. */
	tz_report_years_clear(&y);
	c.n = 0;
	assert_int_equal(tz_report_years_each(&y, collect, &c), 0);
	assert_int_equal(c.n, 0);
	add(&y, 2024, 1, 5, TZ_STATUS_STARTED);
	assert_int_equal(tz_report_years_each(&y, collect, &c), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.years[0].ytd[11], 5);
	tz_report_years_release(&y);
}

static void test_second_report_same_month_replaces(void **state)
{
	struct tz_report_years y = TZ_REPORT_YEARS_INIT;
	struct collected c = { .n = 0 };

	(void)state;
	add(&y, 2025, 5, 100, TZ_STATUS_STARTED);
	tz_report_years_add(&y, (struct tz_period){ 2025, 3 }, 0, TZ_STATUS_STARTED, "早一点的问题");
	tz_report_years_add(&y, (struct tz_period){ 2025, 5 }, 40, TZ_STATUS_STOPPED, "");
	tz_report_years_each(&y, collect, &c);
	assert_int_equal(c.years[0].ytd[11], 40);
	assert_int_equal(c.years[0].status[11], TZ_STATUS_STOPPED);
	/* The correction drops the problem the first report named; March's
	 * text was not the latest when it came, so none is known now (the
	 * mask still says March has one). */
	assert_int_equal(c.years[0].problems, 1 << 2);
	assert_int_equal(c.years[0].problem_month, 0);
	assert_string_equal(c.years[0].problem_text, "");
	tz_report_years_release(&y);
}

static void test_progress_validate(void **state)
{
	struct tz_progress r = { "P1", { 2025, 1 }, 100, TZ_STATUS_STARTED, "", "" };
	struct tz_err err;

	(void)state;
	assert_int_equal(tz_progress_validate(&r, NULL), 0);
	r.completed = -1;
	tz_err_clear(&err);
	assert_int_equal(tz_progress_validate(&r, &err), TZ_EINVAL);
	assert_string_equal(err.field, "本期完成投资(万元)");
	r.completed = 0;
	r.status = TZ_STATUS_NONE;
	assert_int_equal(tz_progress_validate(&r, NULL), TZ_EINVAL);
	r.status = TZ_STATUS_STARTED;
	r.code = "";
	assert_int_equal(tz_progress_validate(&r, NULL), TZ_EINVAL);
	r.code = "P1";
	/* Texts are bounded in characters, however many bytes they take:
	 * 500 pass, 501 do not, in ASCII and in Chinese alike. */
	{
		char *text = calloc(TZ_TEXT_MAX + 1, 3 + 1);

		memset(text, 'x', TZ_TEXT_MAX);
		r.progress_text = text;
		assert_int_equal(tz_progress_validate(&r, NULL), 0);
		text[TZ_TEXT_MAX] = 'x';
		assert_int_equal(tz_progress_validate(&r, &err), TZ_EINVAL);
		assert_string_equal(err.field, "形象进度");
		for (int i = 0; i < TZ_TEXT_MAX; i++)
			memcpy(text + 3 * i, "问", 3);
		text[3 * TZ_TEXT_MAX] = '\0';
		r.progress_text = "";
		r.problem = text;
		assert_int_equal(tz_progress_validate(&r, NULL), 0);
		memcpy(text + 3 * TZ_TEXT_MAX, "问", 3);
		assert_int_equal(tz_progress_validate(&r, &err), TZ_EINVAL);
		assert_string_equal(err.field, "存在问题");
		free(text);
	}
}

static void test_project_validate(void **state)
{
	struct tz_project p = { .code = "P1", .name = "项目", .region = "甲", .category = "",
				.year = 2025, .total = 1000, .has_plan = 1, .annual = 1000 };
	struct tz_err err;
	char *name;

	(void)state;
	assert_int_equal(tz_project_validate(&p, NULL), 0);
	p.annual = 1001;
	tz_err_clear(&err);
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	/* The message gives both values. */
	assert_string_equal(err.msg, "年度计划投资（10.01万元）超过总投资（10.00万元）");
	/* 1000 times the total: the unit is named as the likely mistake
	 * (walkthrough 10), 999 times is the plain message. */
	p.annual = 1000 * 999;
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	assert_null(strstr(err.msg, "单位"));
	p.annual = 1000 * 1000;
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	assert_string_equal(err.msg, "年度计划投资（10000.00万元）超过总投资（10.00万元），是它的1000倍："
			    "像是单位填错了（如把按元计的金额填在了万元列），请核对这两列金额的单位");
	p.annual = 1000;
	/* The ledger's year is part of the row. */
	p.year = 0;
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	assert_string_equal(err.field, "年度");
	p.year = 2025;
	/* Without a plan there is no plan amount. */
	p.has_plan = 0;
	assert_int_equal(tz_project_validate(&p, NULL), TZ_EINTERNAL);
	p.annual = 0;
	assert_int_equal(tz_project_validate(&p, NULL), 0);
	/* Text is bounded in characters: 500 CJK characters pass, 501 do not. */
	name = calloc(TZ_TEXT_MAX + 1, 3 + 1);
	for (int i = 0; i < TZ_TEXT_MAX; i++)
		memcpy(name + 3 * i, "项", 3);
	p.name = name;
	assert_int_equal(tz_project_validate(&p, NULL), 0);
	memcpy(name + 3 * TZ_TEXT_MAX, "项", 3);
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	assert_string_equal(err.field, "项目名称");
	free(name);
	p.name = "项目";
	/* Amounts are bounded so that sums stay exact. */
	p.total = TZ_MONEY_MAX + 1;
	assert_int_equal(tz_project_validate(&p, NULL), TZ_EINVAL);
	p.total = 1000;
	p.has_plan = 1;
	p.annual = 0;
	p.total = 0;
	assert_int_equal(tz_project_validate(&p, NULL), TZ_EINVAL);
	p.total = 10;
	p.code = "P 1";
	assert_int_equal(tz_project_validate(&p, NULL), TZ_EINVAL);
	p.code = "P1";
	p.region = "";
	assert_int_equal(tz_project_validate(&p, &err), TZ_EINVAL);
	assert_string_equal(err.field, "所属地区");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names_and_variants),
		cmocka_unit_test(test_running_totals_carry_across_years),
		cmocka_unit_test(test_second_report_same_month_replaces),
		cmocka_unit_test(test_progress_validate),
		cmocka_unit_test(test_project_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
