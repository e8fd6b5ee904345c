/*
 * test-dispatch.c: the rules of a dispatched period (core/dispatch.h),
 * counting over subtrees (core/tally.h) and the on-time rate
 * (core/ontime.h).
 */
#include "tz-test.h"

#include "core/deadline.h"
#include "core/dispatch.h"
#include "core/ontime.h"
#include "core/tally.h"

static const struct tz_period dec = { 2025, 12 };

static void test_who_may_save(void **state)
{
	struct tz_dispatch d = { 1, { 2025, 12 }, 0, TZ_DISPATCH_OPEN, 0, 0, 0, 0 };
	struct tz_err err;

	(void)state;
	d.deadline = tz_deadline_default(dec);
	assert_int_equal(tz_dispatch_validate(&d, NULL), 0);
	assert_int_equal(tz_dispatch_may_save(&d, dec, TZ_SAVER_REPORTER, NULL), 0);
	d.state = TZ_DISPATCH_CLOSED;
	tz_err_clear(&err);
	assert_int_equal(tz_dispatch_may_save(&d, dec, TZ_SAVER_REPORTER, &err), TZ_EINVAL);
	assert_string_equal(err.field, "调度期");
	assert_non_null(strstr(err.msg, "调度期2025-12已关闭"));
	/* Corrections go through the coordinator. */
	assert_int_equal(tz_dispatch_may_save(&d, dec, TZ_SAVER_COORDINATOR, NULL), 0);
	assert_int_equal(tz_dispatch_may_save(&d, dec, TZ_SAVER_IMPORT, NULL), 0);
	/* A period never opened: reporters wait for it. */
	tz_err_clear(&err);
	assert_int_equal(tz_dispatch_may_save(NULL, dec, TZ_SAVER_REPORTER, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "尚未开启"));
	assert_int_equal(tz_dispatch_may_save(NULL, dec, TZ_SAVER_COORDINATOR, NULL), 0);
}

static void test_validate(void **state)
{
	struct tz_dispatch d = { 1, { 2025, 12 }, 0, TZ_DISPATCH_OPEN, 0, 0, 0, 0 };
	struct tz_err err;

	(void)state;
	/* A deadline at the very start of the month is no deadline at all. */
	d.deadline = tz_period_begins(dec);
	tz_err_clear(&err);
	assert_int_equal(tz_dispatch_validate(&d, &err), TZ_EINVAL);
	assert_string_equal(err.field, "报送截止");
	assert_non_null(strstr(err.msg, "早于调度期2025-12开始"));
	d.deadline++;
	assert_int_equal(tz_dispatch_validate(&d, NULL), 0);
	d.node_id = 0;
	assert_int_equal(tz_dispatch_validate(&d, NULL), TZ_EINVAL);
	d.node_id = 1;
	d.state = 3;
	assert_int_equal(tz_dispatch_validate(&d, NULL), TZ_EINVAL);
	assert_string_equal(tz_dispatch_state_name(TZ_DISPATCH_OPEN), "填报中");
	assert_string_equal(tz_saver_name(TZ_SAVER_COORDINATOR), "更正");
}

/* web.md: late when the first save comes after the deadline. */
static void test_late(void **state)
{
	int64_t dl = tz_deadline_default(dec);

	(void)state;
	assert_false(tz_report_late(dl, 0, dl - 3600));
	assert_false(tz_report_late(dl, 0, dl));
	assert_true(tz_report_late(dl, 0, dl + 1));
	assert_false(tz_report_late(0, 0, dl + 86400 * 30));
	/* Opened after its deadline: what was there before is not late,
	 * what came at or after the opening is (walkthrough 12). */
	assert_false(tz_report_late(dl, dl + 7200, dl + 3600));
	assert_true(tz_report_late(dl, dl + 7200, dl + 7200));
	assert_true(tz_report_late(dl, dl + 7200, dl + 9000));
}

/* ledger.md: planned to start by P, already started, or with no planned
 * start; not after the month it was reported 已竣工. */
static void test_expected(void **state)
{
	struct tz_period none = { 0, 0 }, later = { 2026, 3 }, earlier = { 2025, 4 };

	(void)state;
	assert_true(tz_report_expected(dec, none, TZ_STATUS_NONE));
	assert_true(tz_report_expected(dec, earlier, TZ_STATUS_NONE));
	assert_true(tz_report_expected(dec, dec, TZ_STATUS_NOT_STARTED));
	assert_false(tz_report_expected(dec, later, TZ_STATUS_NONE));
	assert_false(tz_report_expected(dec, later, TZ_STATUS_NOT_STARTED));
	assert_true(tz_report_expected(dec, later, TZ_STATUS_STARTED));
	assert_true(tz_report_expected(dec, later, TZ_STATUS_RESUMED));
	assert_true(tz_report_expected(dec, later, TZ_STATUS_STOPPED));
	assert_false(tz_report_expected(dec, earlier, TZ_STATUS_COMPLETED));
	assert_false(tz_report_expected(dec, none, TZ_STATUS_COMPLETED));
	/* Among the reporters: the expected, and whoever reported. */
	assert_true(tz_report_due(dec, later, TZ_STATUS_NOT_STARTED, 1));
	assert_true(tz_report_due(dec, none, TZ_STATUS_COMPLETED, 1));
	assert_false(tz_report_due(dec, later, TZ_STATUS_NOT_STARTED, 0));
	assert_true(tz_report_due(dec, earlier, TZ_STATUS_NONE, 0));
}

/* The form's errors, one a field: field `field` (its header) mentions
 * `mention`, and no other field is at fault. */
static void expect_form_error(const struct tz_report_form *f, const char *field,
			      const char *mention)
{
	struct tz_progress r;
	struct tz_err errs[TZ_RF_COUNT];
	int found = 0;

	assert_int_equal(tz_report_form_parse(f, "P1", dec, &r, errs), TZ_EINVAL);
	for (int k = 0; k < TZ_RF_COUNT; k++) {
		if (!errs[k].code)
			continue;
		if (strcmp(errs[k].field, field))
			fail_msg("field \"%s\" at fault, want only \"%s\" (%s)", errs[k].field, field,
				 errs[k].msg);
		assert_int_equal(errs[k].code, TZ_EINVAL);
		assert_string_equal(tz_progress_columns[k].header, field);
		if (!strstr(errs[k].msg, mention))
			fail_msg("message \"%s\" does not mention \"%s\"", errs[k].msg, mention);
		found++;
	}
	assert_int_equal(found, 1);
}

static void test_form(void **state)
{
	struct tz_report_form f = { " 1,234.5 ", "在建", "主体施工", "" };
	struct tz_progress r;
	char long_text[2000];

	(void)state;
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, NULL), 0);
	assert_int_equal(r.completed, 123450);
	assert_int_equal(r.status, TZ_STATUS_STARTED);
	assert_string_equal(r.code, "P1");
	assert_int_equal(r.period.month, 12);
	f.completed = "1.2亿元";
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, NULL), 0);
	assert_int_equal(r.completed, 1200000);
	f.completed = "约一亿";
	expect_form_error(&f, "本期完成投资(万元)", "本期完成投资“约一亿”不是有效的金额");
	f.completed = "-5";
	expect_form_error(&f, "本期完成投资(万元)", "负数");
	/* Typed finer than 0.01 万元: refused, not rounded to 12.35. */
	f.completed = "12.345";
	expect_form_error(&f, "本期完成投资(万元)", "本期完成投资“12.345”超过两位小数");
	f.completed = "1234元";
	expect_form_error(&f, "本期完成投资(万元)", "超过两位小数");
	f.completed = "12.340";
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, NULL), 0);
	assert_int_equal(r.completed, 1234);
	f.completed = "";
	expect_form_error(&f, "本期完成投资(万元)", "请填写本期完成投资");
	f.status = "未开工";
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, NULL), 0);
	assert_int_equal(r.completed, 0);
	f.status = " ";
	expect_form_error(&f, "开工状态", "请选择开工状态");
	f.status = "快好了";
	expect_form_error(&f, "开工状态", "开工状态“快好了”无法识别");
	f.status = "已开工";
	f.completed = "0";
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	f.problem = long_text;
	expect_form_error(&f, "存在问题", "超过上限");
	f.problem = "\xff\xfe";
	expect_form_error(&f, "存在问题", "无法识别的字符");
}

/* Every field is checked: each one at fault has its own message, the
 * others none; nothing comes out. */
static void test_form_every_field(void **state)
{
	struct tz_report_form f = { "12,3a", "快好了", "主体施工", "" };
	struct tz_progress r = { "untouched", dec, 7, TZ_STATUS_STARTED, "", "" };
	struct tz_err errs[TZ_RF_COUNT];
	char long_text[2000];

	(void)state;
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, errs), TZ_EINVAL);
	assert_string_equal(errs[TZ_RF_COMPLETED].field, "本期完成投资(万元)");
	assert_non_null(strstr(errs[TZ_RF_COMPLETED].msg, "本期完成投资“12,3a”"));
	assert_string_equal(errs[TZ_RF_STATUS].field, "开工状态");
	assert_non_null(strstr(errs[TZ_RF_STATUS].msg, "开工状态“快好了”无法识别"));
	assert_int_equal(errs[TZ_RF_CODE].code, 0);
	assert_int_equal(errs[TZ_RF_PERIOD].code, 0);
	assert_int_equal(errs[TZ_RF_TEXT].code, 0);
	assert_int_equal(errs[TZ_RF_PROBLEM].code, 0);
	assert_string_equal(r.code, "untouched");
	assert_int_equal(r.completed, 7);

	/* A negative amount, a text too long and a problem that is not
	 * UTF-8: three messages, the status fine. */
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	f = (struct tz_report_form){ "-5", "已开工", long_text, "\xff\xfe" };
	assert_int_equal(tz_report_form_parse(&f, "P1", dec, &r, errs), TZ_EINVAL);
	assert_non_null(strstr(errs[TZ_RF_COMPLETED].msg, "负数"));
	assert_non_null(strstr(errs[TZ_RF_TEXT].msg, "超过上限"));
	assert_string_equal(errs[TZ_RF_TEXT].field, "形象进度");
	assert_non_null(strstr(errs[TZ_RF_PROBLEM].msg, "无法识别的字符"));
	assert_int_equal(errs[TZ_RF_STATUS].code, 0);

	/* A blank amount is wrong only for a status that is not 未开工:
	 * with the status itself wrong, only the status is. */
	f = (struct tz_report_form){ "", "快好了", "", "" };
	expect_form_error(&f, "开工状态", "无法识别");
	f.status = "";
	f.progress_text = "主体施工";
	expect_form_error(&f, "开工状态", "请选择开工状态");
	/* A report as a whole: no code. */
	f = (struct tz_report_form){ "1", "已开工", "", "" };
	assert_int_equal(tz_report_form_parse(&f, "", dec, &r, errs), TZ_EINVAL);
	assert_string_equal(errs[TZ_RF_CODE].field, "项目编号");
	assert_int_equal(errs[TZ_RF_COMPLETED].code, 0);
	/* NULL errs: the verdict alone. */
	assert_int_equal(tz_report_form_parse(&f, "", dec, &r, NULL), TZ_EINVAL);
}

/* ------------------------------------------------------------------ */
/* Tallies                                                             */

/*
 *           C (city)
 *     ┌───────┬──┴───┬──────┐
 *     R1      R2     D1     D2 (departments)
 *             │
 *             Z (a zone under the district)
 */
static struct tz_org_index *small_tree(void)
{
	static const struct tz_org_node nodes[] = {
		{ 1, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 2, "R1", "甲县", "C", TZ_ORG_COUNTY, "" },
		{ 3, "R2", "乙区", "C", TZ_ORG_DISTRICT, "" },
		{ 4, "Z", "乙区园区", "R2", TZ_ORG_ZONE, "" },
		{ 5, "D1", "市交通局", "C", TZ_ORG_DEPARTMENT, "" },
		{ 6, "D2", "市住建局", "C", TZ_ORG_DEPARTMENT, "" },
	};
	struct tz_org_index *x = tz_org_index_new();

	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], NULL), 0);
	assert_int_equal(tz_org_index_check(x, NULL), 0);
	return x;
}

static void test_tally_paths(void **state)
{
	struct tz_org_index *x = small_tree();
	struct tz_tally *t = tz_tally_new(x, 0, 2), *sub;
	int64_t one[2] = { 1, 10 };

	(void)state;
	assert_non_null(t);
	assert_null(tz_tally_new(x, 99, 1));
	assert_string_equal(tz_tally_root(t)->code, "C");
	/* A project of the zone with a department as its unit. */
	assert_true(tz_tally_add(t, 4, 5, one));
	/* One of R1 with no unit. */
	assert_true(tz_tally_add(t, 2, 0, one));
	/* The city counts each project once. */
	assert_int_equal(tz_tally_counters_of(t, 1)[0], 2);
	assert_int_equal(tz_tally_counters_of(t, 1)[1], 20);
	assert_int_equal(tz_tally_counters_of(t, 3)[0], 1);
	assert_int_equal(tz_tally_counters_of(t, 4)[0], 1);
	assert_int_equal(tz_tally_counters_of(t, 5)[0], 1);
	assert_int_equal(tz_tally_counters_of(t, 2)[0], 1);
	assert_int_equal(tz_tally_counters_of(t, 6)[0], 0);
	assert_null(tz_tally_counters_of(t, 42));
	assert_int_equal(tz_tally_count(t), 6);
	for (size_t i = 0; i < tz_tally_count(t); i++)
		if (!strcmp(tz_tally_node_at(t, i)->code, "Z"))
			assert_int_equal(tz_tally_depth_at(t, i), 2);
	/* Rooted at the district: only what lies below it. */
	sub = tz_tally_new(x, 3, 1);
	assert_int_equal(tz_tally_count(sub), 2);
	assert_false(tz_tally_add(sub, 2, 5, one));
	assert_true(tz_tally_add(sub, 4, 5, one));
	assert_false(tz_tally_contains(sub, 2, 6));
	assert_true(tz_tally_contains(sub, 2, 4)); /* a unit inside counts too */
	assert_int_equal(tz_tally_counters_of(sub, 3)[0], 1);
	assert_null(tz_tally_counters_of(sub, 5));
	assert_false(tz_tally_add(sub, 0, 0, one));
	tz_tally_free(sub);
	tz_tally_free(t);
	tz_org_index_free(x);
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Random trees and projects against counting with tz_org_index_within. */
static void test_tally_against_model(void **state)
{
	(void)state;
	for (int round = 0; round < 30; round++) {
		struct tz_org_index *x = tz_org_index_new();
		int n = 2 + (int)(next() % 25);
		char codes[32][8], names[32][16];
		int64_t region[300], unit[300];
		struct tz_tally *t;
		int64_t root;

		for (int i = 0; i < n; i++) {
			struct tz_org_node nd = { i + 1, codes[i], names[i], "", TZ_ORG_CITY, "" };

			snprintf(codes[i], sizeof(codes[i]), "N%d", i);
			snprintf(names[i], sizeof(names[i]), "节点%d", i);
			if (i) {
				nd.parent = codes[next() % (uint64_t)i];
				nd.kind = next() % 3 ? TZ_ORG_DISTRICT : TZ_ORG_DEPARTMENT;
			}
			assert_int_equal(tz_org_index_add(x, &nd, NULL), 0);
		}
		assert_int_equal(tz_org_index_check(x, NULL), 0);
		root = 1 + (int64_t)(next() % (uint64_t)n);
		t = tz_tally_new(x, root, 1);
		for (int k = 0; k < 300; k++) {
			int64_t d = 1;
			int in;

			region[k] = 1 + (int64_t)(next() % (uint64_t)n);
			unit[k] = next() % 3 ? 1 + (int64_t)(next() % (uint64_t)n) : 0;
			in = tz_org_index_within(x, region[k], root) ||
			     (unit[k] && tz_org_index_within(x, unit[k], root));
			assert_int_equal(tz_tally_add(t, region[k], unit[k], &d), in);
		}
		for (int id = 1; id <= n; id++) {
			const int64_t *c = tz_tally_counters_of(t, id);
			int64_t want = 0;

			if (!tz_org_index_within(x, id, root)) {
				assert_null(c);
				continue;
			}
			for (int k = 0; k < 300; k++)
				want += tz_org_index_within(x, region[k], id) ||
					(unit[k] && tz_org_index_within(x, unit[k], id));
			assert_non_null(c);
			assert_int_equal(c[0], want);
		}
		tz_tally_free(t);
		tz_org_index_free(x);
	}
}

/* ------------------------------------------------------------------ */
/* On-time rate                                                        */

static void add(struct tz_ontime *o, int64_t region, int64_t unit, int expected, int reported,
		int late, const char *code)
{
	struct tz_ontime_row r = { region, unit, expected, reported, late, code, "项目", "王某" };

	tz_ontime_add(o, &r);
}

static void test_ontime(void **state)
{
	struct tz_org_index *x = small_tree();
	struct tz_ontime *o = tz_ontime_new(x, 0, dec);
	const struct tz_ontime_node *c, *r;
	const struct tz_ontime_missing *m;

	(void)state;
	/* 甲县: 3 expected, 2 on time, 1 late: 66.67% on time, 100% reported. */
	add(o, 2, 0, 1, 1, 0, "A1");
	add(o, 2, 0, 1, 1, 0, "A2");
	add(o, 2, 5, 1, 1, 1, "A3");
	/* 乙区 (through its zone): 3 expected, 2 on time, 1 missing. */
	add(o, 4, 0, 1, 1, 0, "B1");
	add(o, 4, 6, 1, 0, 0, "B3");
	add(o, 3, 0, 1, 1, 0, "B2");
	tz_ontime_finish(o);

	c = tz_ontime_node_of(o, 1);
	assert_int_equal(c->expected, 6);
	assert_int_equal(c->on_time, 4);
	assert_int_equal(c->late, 1);
	assert_int_equal(c->missing, 1);
	assert_int_equal(c->ontime_rate, 6667);
	assert_int_equal(c->report_rate, 8333);
	/* Regions ranked: 甲县 and 乙区 tie at 2/3, the zone's 1/2 is third. */
	assert_int_equal(tz_ontime_region_count(o), 3);
	r = tz_ontime_region_at(o, 0);
	assert_string_equal(r->node->code, "R1");
	assert_int_equal(r->rank, 1);
	assert_int_equal(r->report_rate, 10000);
	r = tz_ontime_region_at(o, 1);
	assert_string_equal(r->node->code, "R2");
	assert_int_equal(r->rank, 1);
	r = tz_ontime_region_at(o, 2);
	assert_string_equal(r->node->code, "Z");
	assert_int_equal(r->rank, 3);
	assert_int_equal(r->ontime_rate, 5000);
	/* Departments: 市交通局 0/1 on time (its one project was late); 市住建局
	 * 0/1 (missing): a tie at 0, both ranked. */
	assert_int_equal(tz_ontime_unit_count(o), 2);
	assert_int_equal(tz_ontime_unit_at(o, 0)->rank, 1);
	assert_int_equal(tz_ontime_unit_at(o, 1)->rank, 1);
	assert_int_equal(tz_ontime_node_of(o, 5)->late, 1);
	assert_int_equal(tz_ontime_node_of(o, 6)->missing, 1);
	/* The 未报送 list names the region and unit. */
	assert_int_equal(tz_ontime_missing_count(o), 1);
	m = tz_ontime_missing_at(o, 0);
	assert_string_equal(m->code, "B3");
	assert_string_equal(m->region, "乙区园区");
	assert_string_equal(m->unit, "市住建局");
	assert_string_equal(m->leader, "王某");
	tz_ontime_free(o);

	/* Reported before it was expected (before its 计划开工): one of the
	 * period's reporters, as the bulletin counts it (tz_report_due). */
	o = tz_ontime_new(x, 0, dec);
	add(o, 2, 0, 1, 1, 0, "A1");
	add(o, 2, 0, 0, 1, 1, "A4");
	add(o, 2, 0, 0, 0, 0, "A5");   /* neither: counts nowhere */
	tz_ontime_finish(o);
	c = tz_ontime_node_of(o, 2);
	assert_int_equal(c->expected, 2);
	assert_int_equal(c->on_time, 1);
	assert_int_equal(c->late, 1);
	assert_int_equal(c->missing, 0);
	assert_int_equal(tz_ontime_missing_count(o), 0);
	tz_ontime_free(o);

	/* Rooted at 乙区, nothing expected: no rate and no rank. */
	o = tz_ontime_new(x, 3, dec);
	add(o, 2, 0, 1, 0, 0, "A9");
	tz_ontime_finish(o);
	assert_int_equal(tz_ontime_missing_count(o), 0);
	c = tz_ontime_node_of(o, 3);
	assert_false(c->has_rate);
	assert_int_equal(tz_ontime_region_count(o), 1);
	assert_int_equal(tz_ontime_region_at(o, 0)->rank, 0);
	assert_null(tz_ontime_node_of(o, 1));
	tz_ontime_free(o);
	tz_org_index_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_who_may_save),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_late),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_form_every_field),
		cmocka_unit_test(test_tally_paths),
		cmocka_unit_test(test_tally_against_model),
		cmocka_unit_test(test_ontime),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
