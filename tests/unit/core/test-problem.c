/*
 * test-problem.c: problems (core/problem.h) and procedures
 * (core/procedure.h): transitions, validation, counting, and the seeds'
 * sentences.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "core/problem.h"
#include "core/procedure.h"

/* web.md: 待交办 → 已交办 → 办理中 → 已解决 (or 暂缓, with a reason). */
static void test_transitions(void **state)
{
	/* allowed[from][to], statuses 1..5 */
	static const int allowed[6][6] = {
		[TZ_PROBLEM_NEW] = { [TZ_PROBLEM_ASSIGNED] = 1, [TZ_PROBLEM_SUSPENDED] = 1 },
		[TZ_PROBLEM_ASSIGNED] = { [TZ_PROBLEM_WORKING] = 1, [TZ_PROBLEM_SUSPENDED] = 1 },
		[TZ_PROBLEM_WORKING] = { [TZ_PROBLEM_SOLVED] = 1, [TZ_PROBLEM_SUSPENDED] = 1 },
		[TZ_PROBLEM_SUSPENDED] = { [TZ_PROBLEM_NEW] = 1, [TZ_PROBLEM_ASSIGNED] = 1,
					   [TZ_PROBLEM_WORKING] = 1 },
	};

	(void)state;
	for (int from = 1; from <= 5; from++)
		for (int to = 1; to <= 5; to++)
			if (tz_problem_may_move(from, to) != allowed[from][to])
				fail_msg("%s → %s", tz_problem_status_name(from),
					 tz_problem_status_name(to));
}

static void test_check_move(void **state)
{
	struct tz_problem p = { .project_code = "P1", .kind = TZ_PROBLEM_LAND,
				.level = TZ_LEVEL_PROVINCE, .unit_text = "",
				.status = TZ_PROBLEM_NEW, .description = "用地指标尚未落实",
				.reason = "", .resolution = "" };
	struct tz_err err;

	(void)state;
	assert_int_equal(tz_problem_validate(&p, NULL), 0);
	/* Assigning needs a unit. */
	tz_err_clear(&err);
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_ASSIGNED, "", &err), TZ_EINVAL);
	assert_string_equal(err.field, "责任单位");
	p.unit_text = "省自然资源厅";
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_ASSIGNED, "", NULL), 0);
	/* Skipping steps is refused, naming both statuses. */
	tz_err_clear(&err);
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_SOLVED, "已批复", &err), TZ_EINVAL);
	assert_string_equal(err.msg, "待交办的问题不能改为已解决");
	/* 暂缓 needs a reason; 已解决 a resolution. */
	tz_err_clear(&err);
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_SUSPENDED, " ", &err), TZ_EINVAL);
	assert_string_equal(err.field, "暂缓原因");
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_SUSPENDED, "等待国家政策", NULL), 0);
	p.status = TZ_PROBLEM_WORKING;
	tz_err_clear(&err);
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_SOLVED, "", &err), TZ_EINVAL);
	assert_string_equal(err.field, "办理结果");
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_SOLVED, "已取得用地批复", NULL), 0);
	tz_err_clear(&err);
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_WORKING, "", &err), TZ_EINVAL);
	assert_string_equal(err.msg, "问题已经是办理中");
	p.status = TZ_PROBLEM_SOLVED;
	assert_int_equal(tz_problem_check_move(&p, TZ_PROBLEM_WORKING, "重新办理", NULL), TZ_EINVAL);
}

static void expect_invalid(const struct tz_problem *p, const char *field)
{
	struct tz_err err;

	tz_err_clear(&err);
	assert_int_equal(tz_problem_validate(p, &err), TZ_EINVAL);
	if (strcmp(err.field, field))
		fail_msg("field \"%s\", want \"%s\" (%s)", err.field, field, err.msg);
}

static void test_validate(void **state)
{
	struct tz_problem ok = { .project_code = "P1", .kind = TZ_PROBLEM_FUNDS,
				 .level = TZ_LEVEL_CITY, .unit_id = 7, .unit_text = "",
				 .deadline = 20251231, .status = TZ_PROBLEM_ASSIGNED,
				 .description = "资金到位不足", .reason = "", .resolution = "" };
	struct tz_problem p;

	(void)state;
	assert_int_equal(tz_problem_validate(&ok, NULL), 0);
	p = ok;
	p.kind = 0;
	expect_invalid(&p, "问题类型");
	p = ok;
	p.level = 9;
	expect_invalid(&p, "解决层级");
	p = ok;
	p.description = "  ";
	expect_invalid(&p, "问题描述");
	p = ok;
	p.deadline = 20250230;
	expect_invalid(&p, "办结时限");
	p = ok;
	p.unit_id = 0;
	expect_invalid(&p, "责任单位");
	p.status = TZ_PROBLEM_NEW;
	assert_int_equal(tz_problem_validate(&p, NULL), 0);
	p = ok;
	p.status = TZ_PROBLEM_SUSPENDED;
	expect_invalid(&p, "暂缓原因");
}

static void test_names_and_guess(void **state)
{
	enum tz_problem_kind k;
	enum tz_problem_level l;
	enum tz_problem_status s;

	(void)state;
	assert_string_equal(tz_problem_kind_name(TZ_PROBLEM_DEMOLITION), "征地拆迁");
	assert_string_equal(tz_problem_level_name(TZ_LEVEL_NATION), "国家");
	assert_string_equal(tz_problem_status_name(TZ_PROBLEM_SUSPENDED), "暂缓");
	assert_string_equal(tz_problem_kind_name(0), "");
	assert_int_equal(tz_problem_kind_parse("水电配套", strlen("水电配套"), &k), 0);
	assert_int_equal(k, TZ_PROBLEM_UTILITIES);
	assert_int_equal(tz_problem_level_parse(" 省级 ", strlen(" 省级 "), &l), 0);
	assert_int_equal(l, TZ_LEVEL_PROVINCE);
	assert_int_equal(tz_problem_status_parse("办理中", strlen("办理中"), &s), 0);
	assert_int_equal(s, TZ_PROBLEM_WORKING);
	assert_int_equal(tz_problem_kind_parse("天气", strlen("天气"), &k), TZ_EINVAL);
	/* The demo's and the seeds' problem texts. */
	assert_int_equal(tz_problem_kind_guess("用地指标尚未落实"), TZ_PROBLEM_LAND);
	assert_int_equal(tz_problem_kind_guess("环评审批未完成"), TZ_PROBLEM_EIA);
	assert_int_equal(tz_problem_kind_guess("能耗指标不足"), TZ_PROBLEM_ENERGY);
	assert_int_equal(tz_problem_kind_guess("资金到位不足"), TZ_PROBLEM_FUNDS);
	assert_int_equal(tz_problem_kind_guess("征地拆迁进展缓慢"), TZ_PROBLEM_DEMOLITION);
	assert_int_equal(tz_problem_kind_guess("施工许可未办结"), TZ_PROBLEM_PERMIT);
	assert_int_equal(tz_problem_kind_guess("水电配套未完成"), TZ_PROBLEM_UTILITIES);
	assert_int_equal(tz_problem_kind_guess("林地审批未批复"), TZ_PROBLEM_LAND);
	assert_int_equal(tz_problem_kind_guess("施工单位人手不足"), TZ_PROBLEM_OTHER);
	assert_int_equal(tz_problem_kind_guess(NULL), TZ_PROBLEM_OTHER);
}

/* Seed 001: "截至8月底，24个项目需国家、省市解决问题31个，已解决19个". */
static void test_problem_sentence(void **state)
{
	struct tz_problem_counts c = { 24, 31, 19 };
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_problem_sentence(&c, &b), 0);
	assert_string_equal(b.buf, "24个项目需国家、省市解决问题31个，已解决19个");
	tz_buf_release(&b);
}

/* A project counts once per level however many problems it has there;
 * 国家, 省 and 市 together make the seeds' figure, 县 stays out of it. */
static void test_counting_per_project(void **state)
{
	struct tz_problem_project pp;
	struct tz_problem_counts c;

	(void)state;
	tz_problem_project_clear(&pp);
	tz_problem_project_add(&pp, TZ_LEVEL_PROVINCE, TZ_PROBLEM_SOLVED, 0, 20250901);
	tz_problem_project_add(&pp, TZ_LEVEL_PROVINCE, TZ_PROBLEM_WORKING, 20250801, 20250901);
	tz_problem_project_add(&pp, TZ_LEVEL_CITY, TZ_PROBLEM_ASSIGNED, 20251001, 20250901);
	tz_problem_project_add(&pp, TZ_LEVEL_COUNTY, TZ_PROBLEM_SOLVED, 0, 20250901);
	tz_problem_project_add(&pp, TZ_LEVEL_COUNTY, TZ_PROBLEM_SUSPENDED, 20250101, 20250901);
	c = tz_problem_counts_at(pp.d, TZ_PC_LEVEL(TZ_LEVEL_PROVINCE));
	assert_true(c.projects == 1 && c.problems == 2 && c.solved == 1);
	c = tz_problem_counts_at(pp.d, TZ_PC_UPPER);
	assert_true(c.projects == 1 && c.problems == 3 && c.solved == 1);
	c = tz_problem_counts_at(pp.d, TZ_PC_ALL);
	assert_true(c.projects == 1 && c.problems == 5 && c.solved == 2);
	c = tz_problem_counts_at(pp.d, TZ_PC_LEVEL(TZ_LEVEL_NATION));
	assert_true(c.projects == 0 && c.problems == 0);
	assert_int_equal(pp.d[TZ_PC_STATUS(TZ_PROBLEM_SOLVED)], 2);
	assert_int_equal(pp.d[TZ_PC_STATUS(TZ_PROBLEM_SUSPENDED)], 1);
	/* Overdue: unsolved, not suspended, deadline passed. */
	assert_int_equal(pp.d[TZ_PC_OVERDUE], 1);
}

static void test_procedures(void **state)
{
	struct tz_procedure p = { .project_code = "P1", .kind_id = 1, .status = TZ_PROC_OBTAINED,
				  .date = 20250310, .doc_no = "营发改审批〔2025〕12号" };
	enum tz_procedure_status s;
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_err err;
	int n = 0;

	(void)state;
	while (tz_procedure_defaults[n])
		n++;
	assert_int_equal(n, 7);
	assert_string_equal(tz_procedure_defaults[0], "立项/备案/核准");
	assert_string_equal(tz_procedure_defaults[6], "施工许可");
	assert_int_equal(tz_procedure_validate(&p, NULL), 0);
	p.date = 0;
	tz_err_clear(&err);
	assert_int_equal(tz_procedure_validate(&p, &err), TZ_EINVAL);
	assert_string_equal(err.field, "取得日期");
	p.status = TZ_PROC_WORKING;
	assert_int_equal(tz_procedure_validate(&p, NULL), 0);
	p.status = TZ_PROC_TODO;
	p.date = 20250101;
	assert_int_equal(tz_procedure_validate(&p, NULL), TZ_EINVAL);
	p.date = 0;
	p.status = 4;
	assert_int_equal(tz_procedure_validate(&p, NULL), TZ_EINVAL);
	assert_int_equal(tz_procedure_kind_validate("", NULL), TZ_EINVAL);
	assert_int_equal(tz_procedure_kind_validate("水土保持方案", NULL), 0);
	assert_int_equal(tz_procedure_status_parse("已办结", strlen("已办结"), &s), 0);
	assert_int_equal(s, TZ_PROC_OBTAINED);
	assert_string_equal(tz_procedure_status_name(TZ_PROC_TODO), "未办");
	/* Seed 001: "1-8月，取得立项、备案、施工许可证等手续227个". */
	assert_int_equal(tz_procedure_sentence(227, &b), 0);
	assert_string_equal(b.buf, "取得立项、备案、施工许可证等手续227个");
	tz_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_check_move),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_names_and_guess),
		cmocka_unit_test(test_problem_sentence),
		cmocka_unit_test(test_counting_per_project),
		cmocka_unit_test(test_procedures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
