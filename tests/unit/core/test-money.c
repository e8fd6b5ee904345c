/*
 * test-money.c: parsing, formatting and rate arithmetic of exact money
 * (core/money.h), including the seed document's figures.
 */
#include "tz-test.h"

#include "base/err.h"
#include "core/money.h"

/* Parse s (as a C string) in 万元 and return the code; *v gets the value. */
static int parse(const char *s, int64_t *v, struct tz_err *err)
{
	tz_err_clear(err);
	return tz_money_parse(s, strlen(s), v, err);
}

static void expect_amount(const char *s, int64_t want)
{
	struct tz_err err;
	int64_t v = -12345;
	int rc = parse(s, &v, &err);

	if (rc != 0)
		fail_msg("\"%s\": rejected (%d: %s), want %lld", s, rc, err.msg,
			 (long long)want);
	if (v != want)
		fail_msg("\"%s\": got %lld, want %lld", s, (long long)v, (long long)want);
}

static void expect_rejected(const char *s)
{
	struct tz_err err;
	int64_t v = 777;
	int rc = parse(s, &v, &err);

	if (rc != TZ_EINVAL)
		fail_msg("\"%s\": got rc %d value %lld, want TZ_EINVAL", s, rc,
			 (long long)v);
	assert_int_equal(err.code, TZ_EINVAL);
	if (!err.msg[0])
		fail_msg("\"%s\": rejected without a reason", s);
	/* A rejected amount never leaks a partial value. */
	assert_int_equal(v, 0);
}

/* ------------------------------------------------------------------ */
/* Accepted forms                                                      */

static void test_parse_plain_decimals(void **state)
{
	(void)state;
	expect_amount("0", 0);
	expect_amount("0.5", 50);
	expect_amount("0.05", 5);
	expect_amount("12345.67", 1234567);
	expect_amount("12345", 1234500);
	expect_amount("12345.6", 1234560);
	expect_amount("007", 700);
	expect_amount("0.00", 0);
	expect_amount("+5", 500);
}

static void test_parse_thousands_separators(void **state)
{
	(void)state;
	expect_amount("12,345.67", 1234567);
	expect_amount("  12,345.67 ", 1234567);
	expect_amount("1,234,567", 123456700);
	expect_amount("1,234,567.89", 123456789);
	expect_amount("999,999", 99999900);
}

static void test_parse_full_width(void **state)
{
	(void)state;
	expect_amount("１２３４５．６７", 1234567);
	expect_amount("１２，３４５．６７", 1234567);
	/* U+3000 ideographic spaces around, as pasted from Word. */
	expect_amount("\xE3\x80\x80" "１２３" "\xE3\x80\x80", 12300);
	/* Mixed ASCII and full-width digits. */
	expect_amount("1２.3４", 1234);
}

static void test_parse_surrounding_white_space(void **state)
{
	(void)state;
	expect_amount(" 5 ", 500);
	expect_amount("\t5\r\n", 500);
	expect_amount("\xC2\xA0" "5" "\xC2\xA0", 500);          /* NBSP */
	expect_amount("\xEF\xBB\xBF" "5", 500);                 /* BOM */
}

static void test_parse_units(void **state)
{
	(void)state;
	/* 1.2亿元 = 12000万元 = 1200000 units of 0.01万元. */
	expect_amount("1.2亿元", 1200000);
	expect_amount("1.2亿", 1200000);
	expect_amount("1.2億元", 1200000);
	expect_amount("1.2億", 1200000);
	expect_amount("340.43亿元", 340430000);
	expect_amount("3500万元", 350000);
	expect_amount("3500万", 350000);
	expect_amount("3500萬元", 350000);
	expect_amount("3500 万元", 350000);
	expect_amount("1.2 亿元", 1200000);
	expect_amount("3500\xE3\x80\x80万元", 350000);  /* U+3000 before the unit */
	expect_amount("１．２亿元", 1200000);
	expect_amount("12,000万元", 1200000);
	expect_amount("800元", 8);
	expect_amount("100元", 1);
	expect_amount("0元", 0);
}

/* Units people write, scientific notation, rounding reported, marks of none. */
static void test_parse_ex(void **state)
{
	int64_t v;
	int rounded, e;

	(void)state;
	expect_amount("1.2E+3", 120000);     /* Excel's display of 1200 */
	expect_amount("1.2e3", 120000);
	expect_amount("5E-2", 5);
	expect_amount("1.5E+1亿元", 15000000);
	expect_amount("12千元", 120);       /* 千元 = 0.1 万元 */
	expect_amount("3百万元", 30000);    /* 百万元 = 100 万元 */
	expect_amount("2千万元", 200000);
	expect_amount("0.5万亿元", 5000000000); /* 5000亿元 = 5e7 万元 */
	assert_int_equal(tz_money_parse_ex("12.345", 6, 0, &v, &rounded, NULL), 0);
	assert_int_equal(v, 1235);
	assert_int_equal(rounded, 1);
	assert_int_equal(tz_money_parse_ex("12.340", 6, 0, &v, &rounded, NULL), 0);
	assert_int_equal(rounded, 0);       /* trailing zeros are not a rounding */
	assert_int_equal(tz_money_parse_ex("5000", 4, -1, &v, &rounded, NULL), 0);
	assert_int_equal(v, 50000);         /* a 千元 column: 5000 千元 = 500 万元 */
	assert_int_equal(tz_money_unit_exp("千元", strlen("千元"), &e), 0);
	assert_int_equal(e, -1);
	assert_int_equal(tz_money_unit_exp("百万元", strlen("百万元"), &e), 0);
	assert_int_equal(e, 2);
	assert_int_equal(tz_money_unit_exp(" 亿元 ", strlen(" 亿元 "), &e), 0);
	assert_int_equal(e, 4);
	assert_int_equal(tz_money_unit_exp("美元", strlen("美元"), &e), TZ_EINVAL);
	assert_int_equal(tz_money_unit_exp("千美元", strlen("千美元"), &e), TZ_EINVAL);
	assert_int_equal(tz_money_unit_exp("", 0, &e), TZ_EINVAL);
	/* The ledger's currency named with the unit (audit 9 R7) */
	assert_int_equal(tz_money_unit_exp("万元人民币", strlen("万元人民币"), &e), 0);
	assert_int_equal(e, 0);
	assert_int_equal(tz_money_unit_exp("人民币亿元", strlen("人民币亿元"), &e), 0);
	assert_int_equal(e, 4);
	assert_int_equal(tz_money_unit_exp("人民币", strlen("人民币"), &e), TZ_EINVAL);
	assert_int_equal(tz_money_unit_exp("万美元人民币", strlen("万美元人民币"), &e), TZ_EINVAL);
	assert_true(tz_money_is_blank_mark("—", strlen("—")));
	assert_true(tz_money_is_blank_mark(" / ", 3));
	assert_true(tz_money_is_blank_mark("无", strlen("无")));
	assert_false(tz_money_is_blank_mark("0", 1));
	assert_false(tz_money_is_blank_mark("", 0));
}

static void test_parse_rounds_half_up(void **state)
{
	(void)state;
	/* 1234元 = 0.1234万元 -> 0.12 */
	expect_amount("1234元", 12);
	expect_amount("1249元", 12);
	expect_amount("1250元", 13);   /* exactly half: up */
	expect_amount("1251元", 13);
	expect_rejected("49元");        /* would be 0: refused, never stored as 0 */
	expect_amount("50元", 1);
	expect_amount("0元", 0);        /* a zero written as zero is zero */
	expect_amount("12345.675", 1234568);
	expect_amount("12345.674", 1234567);
	expect_amount("12345.6749999", 1234567);
	expect_amount("0.005", 1);
	expect_rejected("0.0049");
	expect_amount("1.23456亿元", 1234560);   /* 12345.6万元 exact */
	expect_amount("0.000001亿元", 1);        /* 100元 */
	expect_rejected("0.0000004亿元");        /* 40元 */
	expect_amount("0.0000005亿元", 1);       /* 50元: half up */
}

static void test_parse_limits(void **state)
{
	(void)state;
	/* TZ_MONEY_MAX is 1e9 万元, accepted exactly; a cent more is not. */
	expect_amount("1000000000", TZ_MONEY_MAX);
	expect_amount("1,000,000,000.00", TZ_MONEY_MAX);
	expect_amount("100000亿元", TZ_MONEY_MAX);
	expect_rejected("1000000000.01");
	expect_rejected("1000000001");
	expect_rejected("100000.0001亿元");
	expect_rejected("9223372036854775807");
	expect_rejected("99999999999999999999");
	expect_rejected("1234567890123456789012345678901234567890");
	expect_rejected("1234567890123456789012345678901234567890元");
	expect_rejected("0.1234567890123456789012345678901234567890");
	/* A long run of leading zeros is not a large number. */
	expect_amount("0000000000000000000000000000000000000001", 100);
}

/* Walkthrough 6 (2026-12-01): ".35" is 0.35 and "1200." is 1200, as
 * Excel reads them; a leading ¥ or ￥ is the yuan's sign, the amount in
 * the column's unit, and refused beside a unit of the cell's own that
 * is not the column's. */
static void test_parse_bare_point_and_yen(void **state)
{
	struct tz_err err;
	int64_t v;

	(void)state;
	expect_amount(".35", 35);
	expect_amount("1200.", 120000);
	expect_amount("1,200.", 120000);
	expect_amount("１２００．", 120000);
	expect_amount("．５", 50);
	expect_amount("￥1,200.00", 120000);
	expect_amount("¥1200", 120000);
	expect_amount("￥ 1200", 120000);
	expect_amount("￥1200万元", 120000);
	expect_amount("￥.35", 35);
	assert_int_equal(tz_money_parse_in("￥1.2", strlen("￥1.2"), 4, &v, &err), 0);
	assert_int_equal(v, 1200000);
	assert_int_equal(tz_money_parse_in("¥3500000", strlen("¥3500000"), -4, &v, &err), 0);
	assert_int_equal(v, 35000);
	assert_int_equal(tz_money_parse_in("¥3500000元", strlen("¥3500000元"), -4, &v, &err), 0);
	assert_int_equal(v, 35000);
	/* The cell's own unit against the column's: nobody can say which. */
	assert_int_equal(parse("￥1,200.00元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "单位“元”"));
	assert_non_null(strstr(err.msg, "万元不同"));
	assert_int_equal(v, 0);
	assert_int_equal(tz_money_parse_in("￥1200万元", strlen("￥1200万元"), 4, &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "亿元不同"));
	/* Without the sign the cell's own unit is read as before. */
	expect_amount("1,200.00元", 12);
	/* Not a sign of ours, or not leading: refused as before. */
	expect_rejected("12.5¥");
	expect_rejected("1200￥");
	expect_rejected("￥￥1200");
}

static void test_parse_rejects_malformed(void **state)
{
	static const char *bad[] = {
		"", "   ", "\xE3\x80\x80", "约一亿", "一亿", "-1", "-0.5", "－1",
		"1,2", "12,34.5", "1234,567", "1,23", "1,2345", ",123", "1,,234",
		"1,234,", "1.2.3", ".", "..5", "1..2", ".,5", "1.e3", "￥", "¥元", "12a", "a12", "1亿2", "ten",
		"1e", "1e+", "1e1234", "1,000e3", "e5", "0x10", "1 2", "1 000", "++5", "+", "+-5", "5-", "元", "亿元",
		"万", "1.2亿万元", "12.5%", "1,234.5,6", "1.234,5", "NaN", "inf",
		"1\x80", "\xFF", "1_000",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_rejected(bad[i]);
}

static void test_parse_reason_for_negative_and_empty(void **state)
{
	struct tz_err err;
	int64_t v;

	(void)state;
	assert_int_equal(parse("-1", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "负"));
	assert_int_equal(parse("-0.004", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "负"));
	assert_int_equal(parse("-1.2亿元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "负"));
	/* A zero a formula made negative is zero (walkthrough, session 8). */
	v = 7;
	assert_int_equal(parse("-0", &v, &err), 0);
	assert_int_equal(v, 0);
	v = 7;
	assert_int_equal(parse("-0.00万元", &v, &err), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse("  ", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "空"));
	/* err may be NULL. */
	assert_int_equal(tz_money_parse("x", 1, &v, NULL), TZ_EINVAL);
	/* A currency that is not the yuan, as a sheet's format may show it
	 * ("12.5美元", "$12.5"): never read as 万元, and said why. */
	assert_int_equal(parse("12.5美元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“美元”不是人民币，无法换算为万元"));
	assert_int_equal(parse("12.5万美元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“美元”"));
	assert_int_equal(parse("$12.5", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“$”"));
	assert_int_equal(parse("12.5港元", &v, &err), TZ_EINVAL);
	/* Walkthrough 14: these were only "不是有效的金额". */
	assert_int_equal(parse("12.5万澳门元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“澳门元”不是人民币"));
	assert_int_equal(parse("12.5万新台币", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“新台币”不是人民币"));
	assert_int_equal(parse("12.5外币万元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“外币”不是人民币"));
	assert_int_equal(parse("12.5万元", &v, &err), 0);
	assert_int_equal(v, 1250);
	/* ASCII amounts take a shorter path: the same words are found. */
	assert_int_equal(parse("12.5 $", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“$”"));
	assert_int_equal(parse("$12.5美元", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“美元”"));
	assert_int_equal(parse("€12.5", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“€”"));
	assert_int_equal(parse("1,234.50", &v, &err), 0);
	assert_int_equal(v, 123450);
	/* Any currency a format shows by its code or sign, not only those
	 * listed (audit 8: "USD 12.50", "₩12.50", "12.50 ₽" were 万元). */
	assert_int_equal(parse("USD12.5", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“USD”不是人民币，无法换算为万元"));
	assert_int_equal(parse("EUR 12.5", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“EUR”不是人民币"));
	assert_int_equal(parse("₩12.5", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“₩”不是人民币"));
	assert_int_equal(parse("12.5 ₽", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“₽”不是人民币"));
	assert_int_equal(parse("12,5 zł", &v, &err), TZ_EINVAL);
	assert_int_equal(parse("12.5 zł", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“zł”不是人民币"));
	assert_int_equal(parse("12.5 руб.", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "“руб.”不是人民币"));
	/* Latin magnitudes: not a unit of the yuan anyone can read. */
	assert_int_equal(parse("12.5M", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“M”无法识别"));
	assert_int_equal(parse("12.5 k", &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“k”无法识别"));
	/* The yuan's own codes, exponents and other text are as before. */
	assert_int_equal(parse("RMB12.5", &v, &err), TZ_EINVAL);
	assert_null(strstr(err.msg, "单位"));
	assert_int_equal(parse("1.2E+3", &v, &err), 0);
	assert_int_equal(v, 120000);
	assert_int_equal(parse("0x1F", &v, &err), TZ_EINVAL);
	assert_null(strstr(err.msg, "单位"));
	assert_int_equal(parse("12.5¥", &v, &err), TZ_EINVAL);
	assert_null(strstr(err.msg, "单位"));
}

/* One rule for currencies other than the yuan (walkthrough 15). */
static void test_currency_word(void **state)
{
	static const char *const foreign[] = {
		"美元", "外汇", "原币", "円", "万円", "英磅", "泰国铢", "英国镑", "美国元", "新加坡元",
		"马来西亚林吉特", "马来西亚币", "$", "$万", "US$", "€", "万英磅", "日圆",
	};
	static const char *const yuan[] = {
		"万元", "元", "人民币", "人民币万元", "万元人民币", "壹万元", "亿元", "千元", "单元",
		"金额为美元", "磅", "个", "万吨", "",
	};
	struct tz_err err = { 0 };
	const char *at;
	size_t wn = 0;
	int64_t v;

	(void)state;
	for (size_t i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++)
		if (!tz_money_currency_word(foreign[i], strlen(foreign[i])))
			fail_msg("%s: not read as a currency", foreign[i]);
	for (size_t i = 0; i < sizeof(yuan) / sizeof(yuan[0]); i++)
		if (tz_money_currency_word(yuan[i], strlen(yuan[i])))
			fail_msg("%s: read as a currency", yuan[i]);
	/* In text: the name without its scale, the earliest. */
	at = tz_money_currency_in("300万英磅", strlen("300万英磅"), &wn);
	assert_non_null(at);
	assert_int_equal(wn, strlen("英磅"));
	assert_memory_equal(at, "英磅", wn);
	at = tz_money_currency_in("0.00万泰国铢", strlen("0.00万泰国铢"), &wn);
	assert_non_null(at);
	assert_memory_equal(at, "泰国铢", wn);
	at = tz_money_currency_in("HK$300", strlen("HK$300"), &wn);
	assert_non_null(at);
	assert_memory_equal(at, "HK$", wn);
	assert_null(tz_money_currency_in("300万元", strlen("300万元"), &wn));
	assert_null(tz_money_currency_in("￥300", strlen("￥300"), &wn));
	/* Amounts: refused naming the currency, no longer "不是有效的金额". */
	assert_int_equal(tz_money_parse("300万英磅", strlen("300万英磅"), &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“英磅”不是人民币"));
	assert_int_equal(tz_money_parse("100万円", strlen("100万円"), &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“円”不是人民币"));
	assert_int_equal(tz_money_parse("300万元外汇", strlen("300万元外汇"), &v, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "的单位“外汇”不是人民币"));
	/* The yuan's codes beside a unit (walkthrough 15: 总投资(万元CNY)). */
	{
		int e = 9;

		assert_int_equal(tz_money_unit_exp("万元CNY", strlen("万元CNY"), &e), 0);
		assert_int_equal(e, 0);
		assert_int_equal(tz_money_unit_exp("rmb亿元", strlen("rmb亿元"), &e), 0);
		assert_int_equal(e, 4);
		assert_int_equal(tz_money_unit_exp("万元USD", strlen("万元USD"), &e), TZ_EINVAL);
	}
}

static void test_parse_respects_len(void **state)
{
	int64_t v;

	(void)state;
	/* Only the first len bytes are the amount. */
	assert_int_equal(tz_money_parse("123456", 3, &v, NULL), 0);
	assert_int_equal(v, 12300);
	assert_int_equal(tz_money_parse("12亿元", 2, &v, NULL), 0);
	assert_int_equal(v, 1200);
	/* An embedded NUL is not a terminator to hide garbage behind. */
	assert_int_equal(tz_money_parse("12\0x", 4, &v, NULL), TZ_EINVAL);
}

static void test_parse_in_column_unit(void **state)
{
	int64_t v;

	(void)state;
	/* A column headed 总投资(亿元): bare numbers are in 亿元. */
	assert_int_equal(tz_money_parse_in("1.2", 3, 4, &v, NULL), 0);
	assert_int_equal(v, 1200000);
	assert_int_equal(tz_money_parse_in("340.43", 6, 4, &v, NULL), 0);
	assert_int_equal(v, 340430000);
	/* A unit written in the cell wins over the column's. */
	assert_int_equal(tz_money_parse_in("3500万元", strlen("3500万元"), 4, &v, NULL), 0);
	assert_int_equal(v, 350000);
	assert_int_equal(tz_money_parse_in("800元", strlen("800元"), 4, &v, NULL), 0);
	assert_int_equal(v, 8);
	/* A column headed (元). */
	assert_int_equal(tz_money_parse_in("800", 3, -4, &v, NULL), 0);
	assert_int_equal(v, 8);
	assert_int_equal(tz_money_parse_in("1,234", 5, -4, &v, NULL), 0);
	assert_int_equal(v, 12);
	assert_int_equal(tz_money_parse_in("1250", 4, -4, &v, NULL), 0);
	assert_int_equal(v, 13);
	assert_int_equal(tz_money_parse_in("1.2亿", strlen("1.2亿"), -4, &v, NULL), 0);
	assert_int_equal(v, 1200000);
	/* 0 is 万元, like tz_money_parse. */
	assert_int_equal(tz_money_parse_in("12345.67", 8, 0, &v, NULL), 0);
	assert_int_equal(v, 1234567);
	/* The limit applies after scaling. */
	assert_int_equal(tz_money_parse_in("100000", 6, 4, &v, NULL), 0);
	assert_int_equal(v, TZ_MONEY_MAX);
	assert_int_equal(tz_money_parse_in("100001", 6, 4, &v, NULL), TZ_EINVAL);
	assert_int_equal(tz_money_parse_in("-1", 2, -4, &v, NULL), TZ_EINVAL);
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */

static void expect_fmt(int64_t v, const char *want)
{
	char buf[TZ_MONEY_FMT_MAX];

	memset(buf, 'x', sizeof(buf));
	assert_ptr_equal(tz_money_fmt(v, buf), buf);
	assert_string_equal(buf, want);
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(tz_money_fmt_n(v, buf), strlen(want));
	assert_string_equal(buf, want);
}

static void test_fmt(void **state)
{
	(void)state;
	expect_fmt(0, "0.00");
	expect_fmt(1, "0.01");
	expect_fmt(10, "0.10");
	expect_fmt(99, "0.99");
	expect_fmt(100, "1.00");
	expect_fmt(101, "1.01");
	expect_fmt(1234567, "12345.67");
	expect_fmt(-1, "-0.01");
	expect_fmt(-99, "-0.99");
	expect_fmt(-1234567, "-12345.67");
	expect_fmt(TZ_MONEY_MAX, "1000000000.00");
	expect_fmt(INT64_MAX, "92233720368547758.07");
	expect_fmt(INT64_MIN, "-92233720368547758.08");
}

static void test_fmt_round_trips_through_parse(void **state)
{
	static const int64_t vals[] = { 0, 1, 9, 10, 99, 100, 1234567, 380520000,
					TZ_MONEY_MAX - 1, TZ_MONEY_MAX };
	char buf[TZ_MONEY_FMT_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		int64_t v = -1;

		tz_money_fmt(vals[i], buf);
		assert_int_equal(tz_money_parse(buf, strlen(buf), &v, NULL), 0);
		assert_int_equal(v, vals[i]);
	}
}

static void expect_human(int64_t v, const char *want)
{
	char buf[TZ_MONEY_FMT_MAX];

	assert_ptr_equal(tz_money_fmt_human(v, buf), buf);
	if (strcmp(buf, want))
		fail_msg("tz_money_fmt_human(%lld) = \"%s\", want \"%s\"",
			 (long long)v, buf, want);
}

static void test_fmt_human_wan(void **state)
{
	(void)state;
	expect_human(0, "0.00万元");
	expect_human(1, "0.01万元");
	expect_human(350000, "3500.00万元");
	expect_human(999999, "9999.99万元");
	expect_human(-350000, "-3500.00万元");
}

static void test_fmt_human_yi(void **state)
{
	(void)state;
	/* 1 亿元 = 10000 万元 = 1000000 units; two decimals of 亿元. */
	expect_human(1000000, "1.00亿元");
	expect_human(1200000, "1.20亿元");
	expect_human(340430000, "340.43亿元");
	expect_human(380520000, "380.52亿元");
	expect_human(1234500, "1.23亿元");   /* 1.2345亿元 */
	expect_human(1235000, "1.24亿元");   /* 1.235: half up */
	expect_human(1234999, "1.23亿元");
	expect_human(1999999, "2.00亿元");
	expect_human(-340430000, "-340.43亿元");
	expect_human(TZ_MONEY_MAX, "100000.00亿元");
}

static void test_fmt_human_extremes_fit(void **state)
{
	char buf[TZ_MONEY_FMT_MAX];

	(void)state;
	tz_money_fmt_human(INT64_MIN, buf);
	assert_true(strlen(buf) < TZ_MONEY_FMT_MAX);
	assert_int_equal(buf[0], '-');
	tz_money_fmt_human(INT64_MAX, buf);
	assert_true(strlen(buf) < TZ_MONEY_FMT_MAX);
	assert_non_null(strstr(buf, "亿元"));
}

/* ------------------------------------------------------------------ */
/* Rates                                                               */

static void test_rate_rounds_half_up(void **state)
{
	(void)state;
	assert_int_equal(tz_rate(2, 3), 6667);
	assert_int_equal(tz_rate(1, 3), 3333);
	assert_int_equal(tz_rate(1, 8), 1250);
	assert_int_equal(tz_rate(7, 8), 8750);
	assert_int_equal(tz_rate(1, 1), TZ_RATE_ONE);
	assert_int_equal(tz_rate(0, 5), 0);
	assert_int_equal(tz_rate(3, 2), 15000);
	/* Around half of 1/10000: 1/20000 is exactly 0.5 -> 1. */
	assert_int_equal(tz_rate(1, 20000), 1);
	assert_int_equal(tz_rate(1, 20001), 0);
	assert_int_equal(tz_rate(1, 19999), 1);
	assert_int_equal(tz_rate(5, 10000), 5);
	assert_int_equal(tz_rate(5, 100000), 1);       /* 0.5 -> 1 */
	assert_int_equal(tz_rate(4999, 100000000), 0); /* 0.4999 -> 0 */
	assert_int_equal(tz_rate(15, 200000), 1);      /* 0.75 -> 1 */
	assert_int_equal(tz_rate(25, 200000), 1);      /* 1.25 -> 1 */
	assert_int_equal(tz_rate(3, 20000), 2);        /* 1.5 -> 2 */
	assert_int_equal(tz_rate(9999, 10000), 9999);
	assert_int_equal(tz_rate(99995, 100000), 9999 + 1); /* 9999.5 -> 10000 */
}

static void test_rate_bad_denominator_is_zero(void **state)
{
	(void)state;
	assert_int_equal(tz_rate(5, 0), 0);
	assert_int_equal(tz_rate(5, -3), 0);
	assert_int_equal(tz_rate(0, 0), 0);
	assert_int_equal(tz_rate(INT64_MAX, INT64_MIN), 0);
}

static void test_rate_huge_values_do_not_overflow(void **state)
{
	(void)state;
	assert_int_equal(tz_rate(INT64_MAX, INT64_MAX), TZ_RATE_ONE);
	assert_int_equal(tz_rate(INT64_MAX / 2, INT64_MAX), 5000);
	assert_int_equal(tz_rate(INT64_MAX / 3, INT64_MAX), 3333);
	assert_int_equal(tz_rate(TZ_MONEY_MAX, TZ_MONEY_MAX * 3), 3333);
	assert_int_equal(tz_rate(TZ_MONEY_MAX * 2, TZ_MONEY_MAX * 3), 6667);
	assert_int_equal(tz_rate(1, INT64_MAX), 0);
	/* 200000 times over fits an int32 rate exactly. */
	assert_int_equal(tz_rate(TZ_MONEY_MAX, TZ_MONEY_MAX / 200000), 2000000000);
	/* Beyond int32 it saturates rather than wrapping. */
	assert_int_equal(tz_rate(INT64_MAX, 1), INT32_MAX);
	assert_int_equal(tz_rate(INT64_MIN, 1), -INT32_MAX);
	assert_true(tz_rate(INT64_MAX, 2) > 0);
}

static void test_rate_negative_numerator(void **state)
{
	(void)state;
	assert_int_equal(tz_rate(-2, 3), -6667);
	assert_int_equal(tz_rate(-1, 8), -1250);
	assert_int_equal(tz_rate(-1, 3), -3333);
	assert_int_equal(tz_rate(-5, 5), -TZ_RATE_ONE);
	/* Ties round away from zero, symmetric with the positive side. */
	assert_int_equal(tz_rate(-1, 20000), -1);
}

static void expect_rate_fmt(int32_t r, const char *want)
{
	char buf[TZ_RATE_FMT_MAX];

	assert_ptr_equal(tz_rate_fmt(r, buf), buf);
	assert_string_equal(buf, want);
}

static void test_rate_fmt(void **state)
{
	(void)state;
	expect_rate_fmt(0, "0.0000");
	expect_rate_fmt(1, "0.0001");
	expect_rate_fmt(10, "0.0010");
	expect_rate_fmt(8757, "0.8757");
	expect_rate_fmt(5000, "0.5000");
	expect_rate_fmt(10000, "1.0000");
	expect_rate_fmt(15000, "1.5000");
	expect_rate_fmt(-5, "-0.0005");
	expect_rate_fmt(-8757, "-0.8757");
	expect_rate_fmt(INT32_MAX, "214748.3647");
	expect_rate_fmt(INT32_MIN, "-214748.3648");
}

static void expect_pct(int32_t r, int decimals, const char *want)
{
	char buf[TZ_RATE_FMT_MAX];

	assert_ptr_equal(tz_rate_fmt_pct(r, decimals, buf), buf);
	if (strcmp(buf, want))
		fail_msg("tz_rate_fmt_pct(%d, %d) = \"%s\", want \"%s\"", r, decimals,
			 buf, want);
}

static void test_rate_fmt_pct(void **state)
{
	(void)state;
	expect_pct(8757, 0, "88%");
	expect_pct(8757, 1, "87.6%");
	expect_pct(8757, 2, "87.57%");
	expect_pct(0, 0, "0%");
	expect_pct(0, 1, "0.0%");
	expect_pct(0, 2, "0.00%");
	expect_pct(10000, 0, "100%");
	expect_pct(10000, 1, "100.0%");
	expect_pct(10000, 2, "100.00%");
	/* Half up at each precision. */
	expect_pct(8750, 0, "88%");
	expect_pct(8749, 0, "87%");
	expect_pct(8755, 1, "87.6%");
	expect_pct(8754, 1, "87.5%");
	expect_pct(9995, 1, "100.0%");
	expect_pct(9950, 0, "100%");
	expect_pct(5, 1, "0.1%");
	expect_pct(4, 1, "0.0%");
	expect_pct(1, 2, "0.01%");
	expect_pct(-8757, 1, "-87.6%");
	expect_pct(-8757, 2, "-87.57%");
	expect_pct(INT32_MIN, 2, "-21474836.48%");
	expect_pct(INT32_MAX, 0, "21474836%");
}

/* ------------------------------------------------------------------ */
/* The seed document's arithmetic                                      */

static void test_seed_completion_rates(void **state)
{
	int64_t done, plan;
	char buf[TZ_RATE_FMT_MAX];

	(void)state;
	/* 完成投资340.43亿元 of 年计划投资380.52亿元 is 89.5%. */
	assert_int_equal(tz_money_parse("340.43亿元", strlen("340.43亿元"), &done, NULL), 0);
	assert_int_equal(tz_money_parse("380.52亿元", strlen("380.52亿元"), &plan, NULL), 0);
	assert_int_equal(done, 340430000);
	assert_int_equal(plan, 380520000);
	assert_int_equal(tz_rate(done, plan), 8946);
	assert_string_equal(tz_rate_fmt_pct(tz_rate(done, plan), 1, buf), "89.5%");
	assert_string_equal(tz_rate_fmt(tz_rate(done, plan), buf), "0.8946");

	/* 50.64 of 85.7 is 59.1%. */
	assert_int_equal(tz_money_parse("50.64", 5, &done, NULL), 0);
	assert_int_equal(tz_money_parse("85.7", 4, &plan, NULL), 0);
	assert_int_equal(tz_rate(done, plan), 5909);
	assert_string_equal(tz_rate_fmt_pct(tz_rate(done, plan), 1, buf), "59.1%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_plain_decimals),
		cmocka_unit_test(test_parse_thousands_separators),
		cmocka_unit_test(test_parse_full_width),
		cmocka_unit_test(test_parse_surrounding_white_space),
		cmocka_unit_test(test_parse_units),
		cmocka_unit_test(test_currency_word),
		cmocka_unit_test(test_parse_rounds_half_up),
		cmocka_unit_test(test_parse_ex),
		cmocka_unit_test(test_parse_limits),
		cmocka_unit_test(test_parse_bare_point_and_yen),
		cmocka_unit_test(test_parse_rejects_malformed),
		cmocka_unit_test(test_parse_reason_for_negative_and_empty),
		cmocka_unit_test(test_parse_respects_len),
		cmocka_unit_test(test_parse_in_column_unit),
		cmocka_unit_test(test_fmt),
		cmocka_unit_test(test_fmt_round_trips_through_parse),
		cmocka_unit_test(test_fmt_human_wan),
		cmocka_unit_test(test_fmt_human_yi),
		cmocka_unit_test(test_fmt_human_extremes_fit),
		cmocka_unit_test(test_rate_rounds_half_up),
		cmocka_unit_test(test_rate_bad_denominator_is_zero),
		cmocka_unit_test(test_rate_huge_values_do_not_overflow),
		cmocka_unit_test(test_rate_negative_numerator),
		cmocka_unit_test(test_rate_fmt),
		cmocka_unit_test(test_rate_fmt_pct),
		cmocka_unit_test(test_seed_completion_rates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
