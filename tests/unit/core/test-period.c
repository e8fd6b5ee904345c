/*
 * test-period.c: parsing, formatting and arithmetic of monthly reporting
 * periods (core/period.h).
 */
#include "tz-test.h"

#include "base/err.h"
#include "core/money.h"
#include "core/period.h"

static void expect_period(const char *s, int year, int month)
{
	struct tz_period p = { 0, 0 };
	struct tz_err err;
	int rc;

	tz_err_clear(&err);
	rc = tz_period_parse(s, strlen(s), &p, &err);
	if (rc)
		fail_msg("\"%s\": rejected (%d: %s)", s, rc, err.msg);
	if (p.year != year || p.month != month)
		fail_msg("\"%s\": got %d-%d, want %d-%d", s, p.year, p.month, year, month);
}

/* Rejects s; the message must contain `mention` when it is not NULL. */
static void expect_bad(const char *s, const char *mention)
{
	struct tz_period p = { 1234, 5 };
	struct tz_err err;
	int rc;

	tz_err_clear(&err);
	rc = tz_period_parse(s, strlen(s), &p, &err);
	if (rc != TZ_EINVAL)
		fail_msg("\"%s\": got rc %d (%d-%d), want TZ_EINVAL", s, rc, p.year, p.month);
	assert_int_equal(err.code, TZ_EINVAL);
	assert_true(err.msg[0] != '\0');
	if (mention && !strstr(err.msg, mention))
		fail_msg("\"%s\": message \"%s\" does not mention \"%s\"", s, err.msg, mention);
	/* The output is untouched on failure. */
	assert_int_equal(p.year, 1234);
	assert_int_equal(p.month, 5);
}

static void test_parse_canonical(void **state)
{
	(void)state;
	expect_period("2025-12", 2025, 12);
	expect_period("2025-01", 2025, 1);
	expect_period("1990-01", 1990, 1);
	expect_period("2100-12", 2100, 12);
}

static void test_parse_forms_people_type(void **state)
{
	(void)state;
	expect_period("2025-1", 2025, 1);
	expect_period("2025-9", 2025, 9);
	expect_period("2025/03", 2025, 3);
	expect_period("2025/3", 2025, 3);
	expect_period("2025.03", 2025, 3);
	expect_period("2025.3", 2025, 3);
	expect_period("2025年3月", 2025, 3);
	expect_period("2025年03月", 2025, 3);
	expect_period("2025年12月", 2025, 12);
	expect_period("2025年03月份", 2025, 3);
	expect_period("2025年3月份", 2025, 3);
	expect_period("202503", 2025, 3);
	expect_period("202512", 2025, 12);
	/* A whole date, as a date-formatted cell reads: its month. */
	expect_period("2023-1-1", 2023, 1);
	expect_period("2025-03-15", 2025, 3);
	expect_period("2025/3/31", 2025, 3);
	/* Dates typed as text (ledger.md, "What real sheets hold"). */
	expect_period("2025年3月1日", 2025, 3);
	expect_period("2025年03月31日", 2025, 3);
	expect_period("2025年3月1号", 2025, 3);
	expect_period("20250301", 2025, 3);
	expect_period("2025.3.1", 2025, 3);
	expect_period("2024-02-29", 2024, 2);  /* a leap day */
}

static void test_parse_full_width(void **state)
{
	(void)state;
	/* U+FF0D FULLWIDTH HYPHEN-MINUS folds to '-' (tz_text_fold_width). */
	expect_period("２０２５－０３", 2025, 3);
	expect_period("２０２５／３", 2025, 3);
	expect_period("２０２５．１２", 2025, 12);
	expect_period("２０２５年３月", 2025, 3);
	expect_period("２０２５０３", 2025, 3);
	expect_period("2025－03", 2025, 3);
}

static void test_parse_surrounding_space(void **state)
{
	(void)state;
	expect_period("  2025-12  ", 2025, 12);
	expect_period("\t2025-12\r\n", 2025, 12);
	expect_period("\xE3\x80\x80" "2025年3月" "\xE3\x80\x80", 2025, 3);
	expect_period("\xC2\xA0" "2025-3" "\xC2\xA0", 2025, 3);
	expect_period("\xEF\xBB\xBF" "2025-03", 2025, 3);  /* BOM of a first cell */
}

static void test_parse_rejects_bad_month_naming_it(void **state)
{
	(void)state;
	expect_bad("2023-13", "13");
	expect_bad("2023-00", "0");
	expect_bad("2023年13月", "13");
	expect_bad("202313", "13");
	expect_bad("2023/99", "99");
	expect_bad("２０２３－１３", "13");
}

static void test_parse_rejects_year_out_of_range(void **state)
{
	(void)state;
	expect_bad("1989-12", "1989");
	expect_bad("2101-01", "2101");
	expect_bad("0000-01", NULL);
	expect_bad("9999-01", "9999");
}

static void test_parse_rejects_malformed(void **state)
{
	static const char *bad[] = {
		"", "   ", "\xE3\x80\x80", "23-01", "2023-1-32", "2023-1-0", "2023-1/1", "2023-01-", "abc", "2023", "2023-",
		"-2023-01", "2023--01", "2023-001", "2023-1a", "2023-a1", "2023 -01",
		"2023- 01", "20231", "2023123", "2023年", "2023年3", "2023年3月5", "2023年2月30日", "20230230", "2023-02-29", "2023年3月5时",
		"2023年3月份份", "2023-03-", "2023-03x", "12025-01", "2023:03",
		"2023_03", "2023-+3", "2023-\xFF", "2023\xE5\xB9\xB4", "2023年三月",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_bad(bad[i], NULL);
}

static void test_parse_respects_len(void **state)
{
	struct tz_period p;

	(void)state;
	assert_int_equal(tz_period_parse("2025-12xyz", 7, &p, NULL), 0);
	assert_int_equal(p.year, 2025);
	assert_int_equal(p.month, 12);
	assert_int_equal(tz_period_parse("2025-123", 6, &p, NULL), 0);
	assert_int_equal(p.month, 1);
	assert_int_equal(tz_period_parse("2025-12", 4, &p, NULL), TZ_EINVAL);
	/* A NUL byte inside is not the end of the period. */
	assert_int_equal(tz_period_parse("2025-1\0001", 8, &p, NULL), TZ_EINVAL);
	assert_int_equal(tz_period_parse("202503\0", 7, &p, NULL), TZ_EINVAL);
}

static void test_parse_long_input_rejected(void **state)
{
	char s[200];

	(void)state;
	memset(s, ' ', sizeof(s));
	memcpy(s + 150, "2025-03", 7);
	/* Spaces are trimmed first, so this is fine... */
	{
		struct tz_period p;
		assert_int_equal(tz_period_parse(s, 157, &p, NULL), 0);
		assert_int_equal(p.month, 3);
	}
	/* ...but a long non-space tail is not a period. */
	memset(s, '1', sizeof(s));
	expect_bad("2025年3月份2025年3月份2025年3月份2025年3月份2025年3月份2025年3月份", NULL);
	{
		struct tz_period p;
		assert_int_equal(tz_period_parse(s, sizeof(s), &p, NULL), TZ_EINVAL);
	}
}

static void test_fmt(void **state)
{
	char buf[TZ_PERIOD_FMT_MAX];

	(void)state;
	assert_string_equal(tz_period_fmt((struct tz_period){ 2025, 12 }, buf), "2025-12");
	assert_string_equal(tz_period_fmt((struct tz_period){ 2025, 1 }, buf), "2025-01");
	assert_string_equal(tz_period_fmt((struct tz_period){ 1990, 9 }, buf), "1990-09");
	assert_string_equal(tz_period_fmt((struct tz_period){ 2100, 10 }, buf), "2100-10");
}

static void test_fmt_parse_round_trip(void **state)
{
	char buf[TZ_PERIOD_FMT_MAX];

	(void)state;
	for (int y = TZ_PERIOD_YEAR_MIN; y <= TZ_PERIOD_YEAR_MAX; y++)
		for (int m = 1; m <= 12; m++) {
			struct tz_period p = { y, m }, q = { 0, 0 };

			tz_period_fmt(p, buf);
			assert_int_equal(strlen(buf), 7);
			assert_int_equal(tz_period_parse(buf, 7, &q, NULL), 0);
			assert_int_equal(q.year, y);
			assert_int_equal(q.month, m);
		}
}

static void test_code_round_trip(void **state)
{
	(void)state;
	assert_int_equal(tz_period_code((struct tz_period){ 2025, 12 }), 202512);
	assert_int_equal(tz_period_code((struct tz_period){ 2025, 1 }), 202501);
	for (int y = TZ_PERIOD_YEAR_MIN; y <= TZ_PERIOD_YEAR_MAX; y++)
		for (int m = 1; m <= 12; m++) {
			struct tz_period p = { y, m }, q = { 0, 0 };

			assert_int_equal(tz_period_from_code(tz_period_code(p), &q), 0);
			assert_int_equal(q.year, y);
			assert_int_equal(q.month, m);
		}
}

static void test_from_code_rejects_non_periods(void **state)
{
	static const int bad[] = { 0, 1, 202500, 202513, 202599, 198912, 210101,
				   -202501, 2025, 20250101, INT32_MAX, INT32_MIN };
	struct tz_period q = { 7, 7 };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (tz_period_from_code(bad[i], &q) != TZ_EINVAL)
			fail_msg("code %d accepted", bad[i]);
		assert_int_equal(q.year, 7);
		assert_int_equal(q.month, 7);
	}
}

static void test_code_orders_like_periods(void **state)
{
	struct tz_period prev = { TZ_PERIOD_YEAR_MIN, 1 };

	(void)state;
	for (int y = TZ_PERIOD_YEAR_MIN; y <= TZ_PERIOD_YEAR_MAX; y++)
		for (int m = 1; m <= 12; m++) {
			struct tz_period p = { y, m };

			if (y == TZ_PERIOD_YEAR_MIN && m == 1)
				continue;
			assert_true(tz_period_code(prev) < tz_period_code(p));
			assert_int_equal(tz_period_cmp(prev, p), -1);
			assert_int_equal(tz_period_cmp(p, prev), 1);
			assert_int_equal(tz_period_cmp(p, p), 0);
			prev = p;
		}
}

static void test_cmp(void **state)
{
	struct tz_period a = { 2024, 12 }, b = { 2025, 1 }, c = { 2025, 1 };

	(void)state;
	assert_int_equal(tz_period_cmp(a, b), -1);
	assert_int_equal(tz_period_cmp(b, a), 1);
	assert_int_equal(tz_period_cmp(b, c), 0);
	assert_int_equal(tz_period_cmp((struct tz_period){ 2025, 2 }, b), 1);
}

static void test_schedule(void **state)
{
	static const int32_t want[13] = { 0, 833, 1667, 2500, 3333, 4167, 5000,
					  5833, 6667, 7500, 8333, 9167, 10000 };

	(void)state;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(tz_period_schedule((struct tz_period){ 2023, m }), want[m]);
	assert_int_equal(tz_period_schedule((struct tz_period){ 2023, 6 }), 5000);
	assert_int_equal(tz_period_schedule((struct tz_period){ 2025, 12 }), TZ_RATE_ONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_canonical),
		cmocka_unit_test(test_parse_forms_people_type),
		cmocka_unit_test(test_parse_full_width),
		cmocka_unit_test(test_parse_surrounding_space),
		cmocka_unit_test(test_parse_rejects_bad_month_naming_it),
		cmocka_unit_test(test_parse_rejects_year_out_of_range),
		cmocka_unit_test(test_parse_rejects_malformed),
		cmocka_unit_test(test_parse_respects_len),
		cmocka_unit_test(test_parse_long_input_rejected),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_fmt_parse_round_trip),
		cmocka_unit_test(test_code_round_trip),
		cmocka_unit_test(test_from_code_rejects_non_periods),
		cmocka_unit_test(test_code_orders_like_periods),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_schedule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
