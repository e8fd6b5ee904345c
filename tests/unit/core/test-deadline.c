/*
 * test-deadline.c: China time and dates in exact arithmetic, and the
 * default reporting deadline of web.md (core/deadline.h).
 */
#include "tz-test.h"

#include "core/deadline.h"

/* web.md: "default the 5th of the next month, 17:00 China time". 17:00
 * in Beijing is 09:00 UTC; the instants were computed independently
 * (Python's datetime in UTC). */
static void test_default_deadline(void **state)
{
	char buf[TZ_CST_FMT_MAX];

	(void)state;
	assert_int_equal(tz_deadline_default((struct tz_period){ 2025, 12 }), 1767603600);
	assert_int_equal(tz_deadline_default((struct tz_period){ 2025, 11 }), 1764925200);
	/* A leap year's February lies between. */
	assert_int_equal(tz_deadline_default((struct tz_period){ 2024, 1 }), 1707123600);
	assert_int_equal(tz_deadline_default((struct tz_period){ 2024, 2 }), 1709629200);
	assert_string_equal(tz_cst_fmt(tz_deadline_default((struct tz_period){ 2025, 12 }), buf),
			    "2026-01-05 17:00");
	/* The period begins at midnight Beijing time: 16:00 UTC the day before. */
	assert_int_equal(tz_period_begins((struct tz_period){ 2026, 1 }), 1767196800);
}

/* Every day from 1990 to 2101, counted one by one with the month lengths:
 * midnight in Beijing is 8 hours before midnight UTC, and back again. */
static void test_every_day_against_counting(void **state)
{
	int64_t day = 7305; /* 1990-01-01 is 7305 days after 1970-01-01 */
	int y = 1990, m = 1, d = 1;
	int32_t prev = 19891231;

	(void)state;
	while (y <= 2101) {
		struct tz_cst_time t = { y, m, d, 0, 0, 0 }, back;
		int64_t utc = tz_cst_to_utc(&t);

		if (utc != day * 86400 - 8 * 3600)
			fail_msg("%04d-%02d-%02d: %lld", y, m, d, (long long)utc);
		tz_cst_from_utc(utc + 86399, &back);
		assert_true(back.year == y && back.month == m && back.day == d);
		assert_true(back.hour == 23 && back.minute == 59 && back.second == 59);
		tz_cst_from_utc(utc, &back);
		assert_true(back.day == d && back.hour == 0);
		assert_int_equal(tz_date_of(utc), y * 10000 + m * 100 + d);
		/* The second before midnight belongs to the day before. */
		assert_int_equal(tz_date_of(utc - 1), prev);
		prev = y * 10000 + m * 100 + d;
		day++;
		if (++d > tz_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	assert_int_equal(tz_days_in_month(2000, 2), 29);
	assert_int_equal(tz_days_in_month(2100, 2), 28);
	assert_int_equal(tz_days_in_month(2024, 2), 29);
	assert_int_equal(tz_days_in_month(2025, 13), 0);
}

static void expect_cst(const char *s, const char *want)
{
	char buf[TZ_CST_FMT_MAX];
	struct tz_err err;
	int64_t utc = 0;

	tz_err_clear(&err);
	if (tz_cst_parse(s, strlen(s), &utc, &err))
		fail_msg("\"%s\": rejected: %s", s, err.msg);
	if (strcmp(tz_cst_fmt(utc, buf), want))
		fail_msg("\"%s\": got %s, want %s", s, buf, want);
}

static void expect_cst_bad(const char *s)
{
	struct tz_err err;
	int64_t utc = 42;

	tz_err_clear(&err);
	if (tz_cst_parse(s, strlen(s), &utc, &err) != TZ_EINVAL)
		fail_msg("\"%s\": accepted", s);
	assert_int_equal(utc, 42);
	assert_non_null(strstr(err.msg, "不是有效的时间"));
}

static void test_parse_times(void **state)
{
	int64_t utc;

	(void)state;
	expect_cst("2026-01-05 17:00", "2026-01-05 17:00");
	expect_cst("2026-01-05T08:30", "2026-01-05 08:30");
	expect_cst("2026/1/5 9:05:00", "2026-01-05 09:05");
	/* Seconds that the minute shown would hide (walkthrough 12). */
	expect_cst_bad("2026/1/5 9:05:59");
	expect_cst_bad("2026-12-02 04:19:30");
	expect_cst(" 2026.01.05 23:59 ", "2026-01-05 23:59");
	expect_cst("2026年1月5日 17:00", "2026-01-05 17:00");
	expect_cst("2026年1月5日17时30分", "2026-01-05 17:30");
	expect_cst("２０２６－０１－０５　１７：００", "2026-01-05 17:00");
	/* A date alone is that day's 17:00, the default deadline's hour. */
	expect_cst("2026-01-05", "2026-01-05 17:00");
	expect_cst("20260105", "2026-01-05 17:00");
	assert_int_equal(tz_cst_parse("2026-01-05", 10, &utc, NULL), 0);
	assert_int_equal(utc, tz_deadline_default((struct tz_period){ 2025, 12 }));
	expect_cst_bad("");
	expect_cst_bad("明天");
	expect_cst_bad("2025-02-29 10:00");
	expect_cst_bad("2025-13-01");
	expect_cst_bad("2026-01-05 24:00");
	expect_cst_bad("2026-01-05 17:60");
	expect_cst_bad("2026-01-05 17:00 extra");
	expect_cst_bad("2026-01/05");
	expect_cst_bad("1989-12-31 10:00");
}

static void test_dates(void **state)
{
	char buf[TZ_DATE_FMT_MAX];
	struct tz_err err;
	int32_t d = 0;

	(void)state;
	assert_int_equal(tz_date_parse("2025-03-15", 10, &d, NULL), 0);
	assert_int_equal(d, 20250315);
	assert_int_equal(tz_date_parse("2025年3月5日", strlen("2025年3月5日"), &d, NULL), 0);
	assert_int_equal(d, 20250305);
	assert_int_equal(tz_date_parse("2024/2/29", 9, &d, NULL), 0);
	assert_int_equal(d, 20240229);
	assert_int_equal(tz_date_parse("20241231", 8, &d, NULL), 0);
	assert_int_equal(d, 20241231);
	tz_err_clear(&err);
	assert_int_equal(tz_date_parse("2023-02-29", 10, &d, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "不是有效的日期"));
	assert_int_equal(tz_date_parse("2025-03-15 10:00", 16, &d, NULL), TZ_EINVAL);
	assert_int_equal(tz_date_parse("2025-03", 7, &d, NULL), TZ_EINVAL);
	assert_string_equal(tz_date_fmt(20250315, buf), "2025-03-15");
	assert_string_equal(tz_date_fmt(0, buf), "");
	assert_true(tz_date_valid(20240229));
	assert_false(tz_date_valid(20230229));
	assert_false(tz_date_valid(0));
	assert_false(tz_date_valid(20251301));
	assert_int_equal(tz_date_period(20250315).month, 3);
	/* 01:00 in Beijing on the 6th is 17:00 UTC on the 5th: China's date. */
	assert_int_equal(tz_date_of(1767603600 + 8 * 3600), 20260106);
	assert_int_equal(tz_date_of(1767603600 + 8 * 3600 - 3601), 20260105);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_deadline),
		cmocka_unit_test(test_every_day_against_counting),
		cmocka_unit_test(test_parse_times),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
