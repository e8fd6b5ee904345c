/*
 * test-plausible.c: one report amount against the store's
 * (core/plausible.h), the rule the file import and the web form and API
 * share (walkthrough 9: 20490600 typed for 2049.06万元 on the form).
 */
#include "tz-test.h"

#include "base/buf.h"
#include "core/plausible.h"

/* Whole 万元 as 0.01 万元 (amounts with decimals are written in 0.01 万元). */
#define W(x) ((int64_t)(x) * 100)

static void test_walkthrough_values_refused(void **state)
{
	(void)state;
	/* YK2025000703: 20490600 against its 总投资 29069.06. */
	struct tz_plaus_stored st = { (int64_t)2906906, -1, -1 };

	assert_int_equal(tz_plaus_report_row(W(20490600), &st), TZ_PLAUS_ROW_OVER_TOTAL);
	/* YK2025000011: 266109200 against 869434.40. */
	st.total = (int64_t)86943440;
	assert_int_equal(tz_plaus_report_row(W(266109200), &st), TZ_PLAUS_ROW_OVER_TOTAL);
	/* The same months in 万元 pass. */
	st.total = (int64_t)2906906;
	assert_int_equal(tz_plaus_report_row((int64_t)204906, &st), TZ_PLAUS_ROW_OK);
}

static void test_over_total_bounds(void **state)
{
	(void)state;
	struct tz_plaus_stored st = { 1000, -1, -1 };

	assert_int_equal(tz_plaus_report_row(9999, &st), TZ_PLAUS_ROW_OK);
	assert_int_equal(tz_plaus_report_row(10000, &st), TZ_PLAUS_ROW_OVER_TOTAL);
	/* Above the total and 10 times the year's plan (walkthrough 7). */
	st.total = W(90000);
	st.annual = W(30000);
	assert_int_equal(tz_plaus_report_row(W(500000), &st), TZ_PLAUS_ROW_OVER_TOTAL);
	/* 10 times the plan but under the total: a plan set low. */
	st.annual = W(100);
	assert_int_equal(tz_plaus_report_row(W(5000), &st), TZ_PLAUS_ROW_OK);
	/* No total stored: nothing to compare with. */
	st.total = 0;
	assert_int_equal(tz_plaus_report_row(INT64_MAX, &st), TZ_PLAUS_ROW_OK);
	assert_int_equal(tz_plaus_report_row(0, &st), TZ_PLAUS_ROW_OK);
	assert_int_equal(tz_plaus_report_row(-5, &st), TZ_PLAUS_ROW_OK);
}

static void test_replaced_report(void **state)
{
	(void)state;
	struct tz_plaus_stored st = { W(50000), -1, 123 };

	assert_int_equal(tz_plaus_report_row(123000, &st), TZ_PLAUS_ROW_CORRECTED);
	assert_int_equal(tz_plaus_report_row(122999, &st), TZ_PLAUS_ROW_OK);
	st.old = 123000;
	assert_int_equal(tz_plaus_report_row(123, &st), TZ_PLAUS_ROW_CORRECTED);
	assert_int_equal(tz_plaus_report_row(124, &st), TZ_PLAUS_ROW_OK);
	/* Going down from a stored month that broke the total rule: the
	 * correction of a report stored in 元. */
	st.old = W(500000000);
	assert_int_equal(tz_plaus_report_row(W(50000), &st), TZ_PLAUS_ROW_OK);
}

static void test_say(void **state)
{
	(void)state;
	struct tz_buf b = TZ_BUF_INIT;

	assert_int_equal(tz_plaus_report_say(&b, TZ_PLAUS_ROW_OVER_TOTAL, W(20490600), (int64_t)2906906,
					     W(15000)), 1);
	tz_plaus_yuan_advice(&b, W(20490600));
	assert_string_equal(b.buf, "是该项目已入库的总投资（29069.06万元）的704倍、本年度计划投资"
				   "（15000.00万元）的1366倍，像是按元填写的（按元是2049.06万元）");
	tz_buf_reset(&b);
	assert_int_equal(tz_plaus_report_say(&b, TZ_PLAUS_ROW_CORRECTED, 123, 123000, 0), 0);
	assert_string_equal(b.buf, "只有已入库的同一调度期数（1230.00万元）的1000分之一，单位可能填错了");
	tz_buf_reset(&b);
	tz_plaus_yuan_advice(&b, INT64_MAX);  /* no overflow */
	assert_non_null(strstr(b.buf, "按元是"));
	tz_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walkthrough_values_refused),
		cmocka_unit_test(test_over_total_bounds),
		cmocka_unit_test(test_replaced_report),
		cmocka_unit_test(test_say),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
