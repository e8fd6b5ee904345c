/*
 * test-numfmt.c: number formats show what Excel shows. The expected
 * texts were checked against LibreOffice's rendering of the same codes
 * (soffice --convert-to csv with "as shown"), except where Excel and
 * LibreOffice differ, noted at the case: Excel's "!" escape, which
 * LibreOffice does not know, and the minus sign Excel keeps on a number
 * that rounds to zero.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "intake/numfmt.h"
#include "intake/reader.h"

struct fcase {
	const char *code;
	double v;
	const char *want;
};

static void check(const struct fcase *c, size_t n, int want_kind)
{
	for (size_t i = 0; i < n; i++) {
		struct tz_numfmt *f = tz_numfmt_new(c[i].code);
		struct tz_buf b = TZ_BUF_INIT;
		int kind = tz_numfmt_format(f, c[i].v, 0, &b);

		if (strcmp(b.buf, c[i].want) || kind != want_kind)
			fail_msg("format \"%s\" of %.17g: \"%s\" (kind %d), want \"%s\" (kind %d)",
				 c[i].code, c[i].v, b.buf, kind, c[i].want, want_kind);
		tz_buf_release(&b);
		tz_numfmt_free(f);
	}
}

#define CHECK(cases, kind) check(cases, sizeof(cases) / sizeof(cases[0]), kind)

static void test_the_two_cases(void **state)
{
	static const struct fcase cases[] = {
		/* A period typed 2025.10 in a 0.00 cell is stored as 2025.1. */
		{ "0.00", 2025.1, "2025.10" },
		/* 0!.0, scales by a thousand and puts a literal point before the
		 * last digit: 12,345,678 shows 1234.6 (万元 in a 元 sheet). */
		{ "0!.0,", 12345678, "1234.6" },
		{ "0!.0,", 5000000, "500.0" },
		{ "0!.0,", 2025.1, "0.2" },
		{ "0!.0,", 1234567.891, "123.5" },
		/* A literal point alone: 12,345,678 yuan shows 1234.5678 (万元). */
		{ "0!.0000\"万元\"", 12345678, "1234.5678万元" },
		{ "0\\.0000", 12345678, "1234.5678" },
		{ "0\".\"0000", -12345678, "-1234.5678" },
		{ "#!.0000", 123, ".0123" },
		{ "#,##0!.0000", 12345678, "1234.5678" },
		{ "0!.00000000\"亿元\"", 1250000000, "12.50000000亿元" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_decimals_and_separators(void **state)
{
	static const struct fcase cases[] = {
		{ "0", 2025.1, "2025" },
		{ "0", 0.5, "1" },
		{ "0", -0.4, "-0" },            /* Excel keeps the sign (LibreOffice: 0) */
		{ "0.00", 2.675, "2.68" },      /* 15 digits first, then half up */
		{ "0.00", 1.005, "1.01" },
		{ "0.00", 0.1 + 0.2, "0.30" },
		{ "0.00", -12345.678, "-12345.68" },
		{ "#,##0", 12345678, "12,345,678" },
		{ "#,##0", 0, "0" },
		{ "#,##0", -12345.678, "-12,346" },
		{ "#,##0.00", 1234567.891, "1,234,567.89" },
		{ "#,##0.00", 1e15, "1,000,000,000,000,000.00" },
		{ "#,###", 0, "" },
		{ "#.00", 0.5, ".50" },
		{ "0.0#", 1.5, "1.5" },
		{ "0.0#", 1.25, "1.25" },
		{ "?.??", 1.5, "1.5" },
		{ "000-000", 12345.678, "012-346" },
		{ "#", 1234567.891, "1234568" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_scaling_percent_exponent(void **state)
{
	static const struct fcase cases[] = {
		{ "0.0,", 12345678, "12345.7" },
		{ "0.0,,", 12345678, "12.3" },
		{ "#,##0,", 12345678, "12,346" },
		{ "0.000,\"k\"", 12345678, "12345.678k" },
		{ "0%", 0.125, "13%" },
		{ "0.00%", 0.125, "12.50%" },
		{ "0.00%", 2025.1, "202510.00%" },
		{ "0.00%", 0.07, "7.00%" },
		{ "0.00E+00", 12345678, "1.23E+07" },
		{ "0.00E+00", 0.000123, "1.23E-04" },
		{ "0.00E+00", 0, "0.00E+00" },
		{ "0.00E+00", 9.999, "1.00E+01" },
		{ "##0.0E+0", 12345678, "12.3E+6" },
		{ "##0.0E+0", 1234567.891, "1.2E+6" },
		{ "0.0E-0", 1234567.891, "1.2E6" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_fractions(void **state)
{
	static const struct fcase cases[] = {
		{ "# ?/?", 1.25, "1 1/4" },
		{ "# ?/?", 0.5, "1/2" },
		{ "# ?/?", 3, "3" },
		{ "# ?/?", 0, "0" },
		{ "# ?/?", 2025.1, "2025 1/9" },
		{ "# ?\?/?\?", 2025.1, "2025  1/10" },
		{ "# ?\?/?\?", -12345.678, "-12345 40/59" },
		{ "?/4", 0, "0/4" },
		{ "?/4", 1.25, "5/4" },
		{ "# ?/4", 1.3, "1 1/4" },
		/* Past a long, and past any fraction a double holds: as General
		 * (fuzz-reader found the cast's overflow). */
		{ "# ?/?", 1e20, "100000000000000000000" },
		{ "?/?", -1e300, "-1E+300" },
		{ "# ?/?", 1e15, "1000000000000000" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_literals_and_sections(void **state)
{
	static const struct fcase cases[] = {
		{ "#,##0.00\"万元\"", 12345.5, "12,345.50万元" },
		{ "0 \"元\"", 12, "12 元" },
		{ "0万", 12, "12万" },          /* an unquoted CJK literal */
		{ "\\$0.00", 1.5, "$1.50" },
		{ "[$¥-804]#,##0.00", 1234.5, "¥1,234.50" },
		{ "[$-804]0.0", 1.25, "1.3" },
		{ "[Red]0.0", -1.25, "-1.3" },
		{ "[Blue]0.0;[Red]-0.0", -1.25, "-1.3" },
		{ "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", -1234.5, "¥-1,234.50" },
		{ "#,##0.00_);(#,##0.00)", -12345.678, "(12,345.68)" },
		{ "#,##0.00_);(#,##0.00)", 12345.678, "12,345.68" },
		{ "0;-0;\"零\"", 0, "零" },
		{ "0;-0;\"零\"", -3, "-3" },
		{ "0.00;;", -12345.678, "" },
		{ "0_);(0)", -1, "(1)" },
		{ "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", 0, "-" },
		{ "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", -1234, "(1,234)" },
		{ "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)", 0, "-" },
		{ "[>=100]0.0;[<0]\"neg\"0;\"small\"0.00", 2025.1, "2025.1" },
		{ "[>=100]0.0;[<0]\"neg\"0;\"small\"0.00", -1, "neg1" },
		{ "[>=100]0.0;[<0]\"neg\"0;\"small\"0.00", 0.5, "small0.50" },
		{ "General", 1234567.891, "1234567.891" },
		{ "General\"个\"", -12345.678, "-12345.678个" },
		{ "@", -12345.678, "-12345.678" },
		{ "", 0.1 + 0.2, "0.3" },
		{ "0.00;@", 1, "1.00" },
		{ "0.00\"", 1, "1.00" },          /* an unclosed quote: text to the end */
		{ "[", 1, "" },
		{ "0.00;", -1, "" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_times(void **state)
{
	static const struct fcase cases[] = {
		{ "h:mm", 0.4375, "10:30" },
		{ "h:mm", 2025.1, "2:24" },
		{ "hh:mm:ss", 0.5, "12:00:00" },
		{ "[h]:mm:ss", 1.25, "30:00:00" },
		{ "[mm]:ss", 0.5, "720:00" },
		{ "mm:ss.0", 1234567.891, "23:02.4" },
		{ "h:mm AM/PM", 1234567.891, "9:23 PM" },
		{ "h:mm AM/PM", 0, "12:00 AM" },
		{ "h:mm A/P", 0.75, "6:00 P" },
		{ "上午/下午h\"时\"mm\"分\"", 0.75, "下午6时00分" },
		{ "h\"时\"mm\"分\"", 0.4375, "10时30分" },
		/* Excel shows ##### for these: the plain number here. */
		{ "h:mm", -1, "-1" },
		{ "[h]:mm:ss", 1e15, "1000000000000000" },
	};

	(void)state;
	CHECK(cases, TZ_READ_NUMBER);
}

static void test_dates(void **state)
{
	static const struct fcase dates[] = {
		{ "yyyy-mm-dd", 45717, "2025-03-01" },
		{ "yyyy/m/d h:mm", 45658.75, "2025-01-01" },
		{ "m\"月\"d\"日\"", 45717, "2025-03-01" },
		{ "d-mmm-yy", 45717, "2025-03-01" },
		{ "[$-F800]dddd, mmmm dd, yyyy", 45717, "2025-03-01" },
		{ "yyyy\"年\"m\"月\"", 45717, "2025-03" },
		{ "mmm-yy", 45717, "2025-03" },
		{ "yyyy-mm", 60, "1900-02" },
		{ "yyyy-mm-dd", 1, "1900-01-01" },
		{ "yyyy-mm-dd", 59, "1900-02-28" },
		{ "yyyy-mm-dd", 60, "1900-02-29" },  /* Lotus's day */
		{ "yyyy-mm-dd", 61, "1900-03-01" },
		{ "yyyy-mm-dd", 2958465, "9999-12-31" },
		{ "yyyy-mm-dd;@", 45717, "2025-03-01" },
		/* Only the year, as shown: the sheet states no month (audit 8:
		 * 2025-01-01 shown 2025年 was read as 2025-01). */
		{ "yyyy\"年\"", 45658, "2025年" },
		{ "yyyy", 45717, "2025" },
		{ "yy", 45717, "25" },
		{ "[$-804]yyyy\"年度\"", 45717, "2025年度" },
	};
	static const struct fcase not_dates[] = {
		{ "yyyy-mm-dd", -3, "-3" },
		{ "yyyy-mm-dd", 2958466, "2958466" },
		{ "yyyy-mm-dd", 0, "0" },
	};
	struct tz_numfmt *f = tz_numfmt_new("yyyy-mm-dd");
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	CHECK(dates, TZ_READ_DATE);
	CHECK(not_dates, TZ_READ_NUMBER);
	/* The 1904 system: serial 0 is 1904-01-01. */
	assert_int_equal(tz_numfmt_format(f, 0, 1, &b), TZ_READ_DATE);
	assert_string_equal(b.buf, "1904-01-01");
	tz_buf_reset(&b);
	assert_int_equal(tz_numfmt_format(f, 45000.5, 1, &b), TZ_READ_DATE);
	assert_string_equal(b.buf, "2027-03-16");
	tz_buf_release(&b);
	tz_numfmt_free(f);
	/* A date stored as text (XML 2003 DateTime) through such a format. */
	f = tz_numfmt_new("yyyy\"年\"");
	assert_int_equal(tz_numfmt_classify(f), TZ_NUMFMT_YEAR);
	assert_int_equal(tz_numfmt_year(f, "2025-03-01T00:00:00.000", 23, &b), 1);
	assert_string_equal(b.buf, "2025年");
	tz_buf_release(&b);
	tz_numfmt_free(f);
	f = tz_numfmt_new("yyyy-mm-dd");
	assert_int_equal(tz_numfmt_year(f, "2025-03-01", 10, &b), 0);
	assert_int_equal(b.len, 0);
	tz_buf_release(&b);
	tz_numfmt_free(f);
}

static void test_builtins(void **state)
{
	static const struct { unsigned id; double v; const char *want; } cases[] = {
		{ 0, 1234.5600000000001, "1234.56" }, { 1, 2.5, "3" }, { 2, 2025.1, "2025.10" },
		{ 3, 1234567, "1,234,567" }, { 4, -1234.5, "-1,234.50" }, { 5, -1234, "¥-1,234" },
		{ 7, 1234.5, "¥1,234.50" }, { 9, 0.5, "50%" }, { 10, 0.125, "12.50%" },
		{ 11, 12345, "1.23E+04" }, { 12, 1.5, "1 1/2" }, { 13, 0.3, "3/10" },
		{ 14, 45717, "2025-03-01" }, { 20, 0.4375, "10:30" }, { 22, 45717.5, "2025-03-01" },
		{ 27, 45717, "2025-03" }, { 31, 45717, "2025-03-01" }, { 32, 0.4375, "10时30分" },
		{ 37, -1234, "(1,234)" }, { 41, 0, "-" }, { 46, 1.5, "36:00:00" },
		{ 48, 12345, "12.3E+3" }, { 49, 7, "7" }, { 57, 45717, "2025-03" },
		{ 58, 45717, "2025-03-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *code = tz_numfmt_builtin(cases[i].id);
		struct tz_numfmt *f;
		struct tz_buf b = TZ_BUF_INIT;

		assert_non_null(code);
		f = tz_numfmt_new(code);
		tz_numfmt_format(f, cases[i].v, 0, &b);
		if (strcmp(b.buf, cases[i].want))
			fail_msg("built-in %u (%s) of %g: \"%s\", want \"%s\"", cases[i].id, code,
				 cases[i].v, b.buf, cases[i].want);
		tz_buf_release(&b);
		tz_numfmt_free(f);
	}
	assert_null(tz_numfmt_builtin(23));
	assert_null(tz_numfmt_builtin(164));
	assert_null(tz_numfmt_builtin(100000));
}

static void test_general(void **state)
{
	static const struct { double v; const char *want; } cases[] = {
		{ 0, "0" }, { -0.0, "0" }, { 1, "1" }, { -5.5, "-5.5" }, { 0.1 + 0.2, "0.3" },
		{ 1234.5600000000001, "1234.56" }, { 12345678, "12345678" },
		{ 123456789012, "123456789012" }, { 1e15, "1000000000000000" },
		{ 1e20, "100000000000000000000" }, { 1e21, "1E+21" }, { 1.5e25, "1.5E+25" },
		{ 0.000123, "0.000123" }, { 1e-9, "0.000000001" }, { 1e-10, "1E-10" },
		{ 123456789.123456789, "123456789.123457" }, { 2025.1, "2025.1" },
		{ 45717.75, "45717.75" }, { -1e-300, "-1E-300" },
	};
	char out[TZ_NUMFMT_GENERAL_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = tz_numfmt_general(cases[i].v, out);

		if (strcmp(out, cases[i].want) || n != strlen(out))
			fail_msg("General of %.17g: \"%s\", want \"%s\"", cases[i].v, out,
				 cases[i].want);
	}
}

static void test_scale(void **state)
{
	static const struct { const char *code; double v; int scale; } cases[] = {
		{ "0.00", 1, 0 }, { "0!.0,", 1, -4 }, { "#,##0,,", 1, -6 }, { "0.0%", 1, 2 },
		{ "#,##0", 1, 0 }, { "0,;0.00", -1, 0 }, { "0,;0.00", 1, -3 }, { "yyyy-mm-dd", 1, 0 },
		{ "General", 1, 0 }, { "0%%", 1, 4 },
		/* A literal point among the digits (audit 7, 2026-11-30): the
		 * sheet shows yuan as 万元 or 亿元, 10^-k. */
		{ "0!.0000", 1, -4 }, { "0\\.0000\"万\"", 1, -4 }, { "0\".\"0000", 1, -4 },
		{ "#!.0000\"万元\"", 1, -4 }, { "0!.00000000\"亿元\"", 1, -8 },
		{ "[>=10000]0!.0000\"亿元\";0.00\"万元\"", 20000, -4 },
		{ "[>=10000]0!.0000\"亿元\";0.00\"万元\"", 500, 0 },
		{ "#,##0!.0000", 1, -4 }, { "0!.0", 1, -1 }, { "0\" . \"0000", 1, -4 },
		/* Not among the digits: a point before or after them all. */
		{ "0!.", 1, 0 }, { "\".\"0000", 1, 0 }, { "0.00!.", 1, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tz_numfmt *f = tz_numfmt_new(cases[i].code);

		if (tz_numfmt_scale(f, cases[i].v) != cases[i].scale)
			fail_msg("scale of \"%s\" for %g: %d, want %d", cases[i].code, cases[i].v,
				 tz_numfmt_scale(f, cases[i].v), cases[i].scale);
		tz_numfmt_free(f);
	}
}

/* Whatever the code, no crash, no overflow, a NUL-terminated text. */
struct ucase {
	const char *code;
	double v;
	int want;           /* tz_numfmt_unit(): 1, -1 or 0 */
	const char *unit;   /* its text */
	const char *value;  /* tz_numfmt_value() */
	unsigned char flags;
};

/* A unit of money named in a format's literal text, in any section,
 * quoted or escaped, goes with the number the import reads (the audit's
 * fmt-lit-yi.xlsx: 12.5 shown "12.50亿元" is 125000 万元, not 12.5). */
static void test_units_in_literals(void **state)
{
	static const struct ucase cases[] = {
		{ "0.00\"亿元\"", 12.5, 1, "亿元", "12.5亿元", TZ_READ_UNIT },
		{ "0.00\\亿\\元", 12.5, 1, "亿元", "12.5亿元", TZ_READ_UNIT },
		{ "0.00\\亿", 12.5, 1, "亿元", "12.5亿元", TZ_READ_UNIT },
		{ "#,##0.00\"万元\"", 1234.5, 1, "万元", "1234.5万元", TZ_READ_UNIT },
		{ "0\" 元\"", 800, 1, "元", "800元", TZ_READ_UNIT },
		{ "0.0\"千元\"", 12.5, 1, "千元", "12.5千元", TZ_READ_UNIT },
		{ "0.00\"（亿元）\"", 3, 1, "亿元", "3亿元", TZ_READ_UNIT },
		{ "\"约\"0.00\"亿元\"", 3, 1, "亿元", "3亿元", TZ_READ_UNIT },
		{ "[$¥-804]0.00\"万元\"", 3, 1, "万元", "3万元", TZ_READ_UNIT },
		{ "General\"亿元\"", 2.5, 1, "亿元", "2.5亿元", TZ_READ_UNIT },
		/* Each section its own: the one that shows the number. */
		{ "0.00\"亿元\";-0.00\"亿元\";0\"元\"", -2, 1, "亿元", "-2亿元", TZ_READ_UNIT },
		{ "0.00\"亿元\";-0.00\"亿元\";0\"元\"", 0, 1, "元", "0元", TZ_READ_UNIT },
		{ "[>=10000]0.00\"万元\";0\"元\"", 20000, 1, "万元", "20000万元", TZ_READ_UNIT },
		{ "[>=10000]0.00\"万元\";0\"元\"", 800, 1, "元", "800元", TZ_READ_UNIT },
		/* Not of the yuan: the import refuses the cell. */
		{ "0.00\"美元\"", 12.5, -1, "美元", "12.5美元", TZ_READ_UNIT },
		/* With its scale (walkthrough 16: quoted "12美元"). */
		{ "0.00\"万美元\"", 12.5, -1, "万美元", "12.5万美元", TZ_READ_UNIT },
		/* Walkthrough 14: 1.25万元 (its 元), and 人民币万元. */
		{ "0.00\"万澳门元\"", 12.5, -1, "万澳门元", "12.5万澳门元", TZ_READ_UNIT },
		{ "0.00\"万新台币\"", 12.5, -1, "台币", "12.5台币", TZ_READ_UNIT },
		{ "0.00\"外币万元\"", 12.5, -1, "外币", "12.5外币", TZ_READ_UNIT },
		{ "[$$-409]#,##0.00", 12.5, -1, "$", "$12.5", TZ_READ_UNIT },
		{ "0\"元/平方米\"", 5000, -1, "元/平方米", "5000元/平方米", TZ_READ_UNIT },
		{ "\"万元\"0.00\"亿元\"", 1, -1, "万元、亿元", "1万元、亿元", TZ_READ_UNIT },
		/* Any currency but the yuan's, by ISO code or sign, where the
		 * format shows it (audit 8: fmt-iso-usd.xlsx, fmt-krw.xlsx,
		 * fmt-rub.xlsx were read as 万元). */
		{ "[$USD] #,##0.00", 12.5, -1, "USD", "USD12.5", TZ_READ_UNIT },
		{ "[$EUR] #,##0.00", 12.5, -1, "EUR", "EUR12.5", TZ_READ_UNIT },
		{ "[$₩-412]#,##0.00", 12.5, -1, "₩", "₩12.5", TZ_READ_UNIT },
		{ "#,##0.00 [$₽-419]", 12.5, -1, "₽", "12.5₽", TZ_READ_UNIT },
		{ "#,##0.00 [$zł-415]", 12.5, -1, "zł", "12.5zł", TZ_READ_UNIT },
		{ "[$R$-416] #,##0.00", 12.5, -1, "$", "$12.5", TZ_READ_UNIT },
		{ "#,##0.00 \"kr.\"", 12.5, -1, "kr.", "12.5kr.", TZ_READ_UNIT },
		{ "\"USD \"#,##0.00", 12.5, -1, "USD", "USD12.5", TZ_READ_UNIT },
		/* The yuan's symbol in a Chinese locale of another currency. */
		{ "[$元-404]#,##0.00", 12.5, -1, "TWD", "TWD12.5", TZ_READ_UNIT },
		{ "[$¥-C04]#,##0.00", 12.5, -1, "HKD", "HKD12.5", TZ_READ_UNIT },
		/* Walkthrough 15: Excel's Japanese yen (ja-JP), once read as
		 * 元; a dollar named by its country in words, not "$"; the
		 * yen's kanji and 外汇 in a literal. */
		{ "[$¥-411]#,##0.00", 12.5, -1, "日元", "日元12.5", TZ_READ_UNIT },
		{ "[$HK$-C04]#,##0", 12.5, -1, "港元", "港元12.5", TZ_READ_UNIT },
		{ "[$US$-409]#,##0.00", 12.5, -1, "美元", "美元12.5", TZ_READ_UNIT },
		{ "0.00\"万円\"", 12.5, -1, "万円", "12.5万円", TZ_READ_UNIT },
		{ "0.00\"万元外汇\"", 12.5, -1, "外汇", "12.5外汇", TZ_READ_UNIT },
		{ "0.00\"万英磅\"", 12.5, -1, "万英磅", "12.5万英磅", TZ_READ_UNIT },
		{ "0.00\"万泰国铢\"", 12.5, -1, "万泰国铢", "12.5万泰国铢", TZ_READ_UNIT },
		/* Latin magnitudes: unknown units, quoted or not. */
		{ "0.00\"M\"", 12.5, -1, "M", "12.5M", TZ_READ_UNIT },
		{ "0.00\"k\"", 12.5, -1, "k", "12.5k", TZ_READ_UNIT },
		{ "0.00 M", 12.5, -1, "M", "12.5M", TZ_READ_UNIT },
		{ "0.00\\w", 12.5, -1, "w", "12.5w", TZ_READ_UNIT },
		/* No unit: decoration, other words, scaled numbers (read as shown). */
		{ "[$CNY] #,##0.00", 12.5, 0, "", "12.5", 0 },
		{ "\"RMB\"#,##0.00", 12.5, 0, "", "12.5", 0 },
		{ "[$￥-804]#,##0.00", 12.5, 0, "", "12.5", 0 },
		{ "[$-804]#,##0.00", 12.5, 0, "", "12.5", 0 },
		{ "[$¥-804]#,##0.00\"万元\"", 12.5, 1, "万元", "12.5万元", TZ_READ_UNIT },
		{ "\"¥\"#,##0.00", 1234.5, 0, "", "1234.5", 0 },
		{ "[$¥-804]#,##0.00", 1234.5, 0, "", "1234.5", 0 },
		{ "0\"万吨\"", 12, 0, "", "12", 0 },
		{ "0\"个\"", 12, 0, "", "12", 0 },
		{ "0.00", 12.5, 0, "", "12.5", 0 },
		{ "0!.0,\"万\"", 12345678, 1, "万元", "12345678", TZ_READ_SCALED },
		{ "0!.0000\"万元\"", 12345678, 1, "万元", "12345678", TZ_READ_SCALED },
		{ "0!.0000", 12345678, 0, "", "12345678", TZ_READ_SCALED },
		/* A rate written as literal text is refused as a real 0% is. */
		{ "0.00\"%\"", 12.5, -1, "%", "12.5%", TZ_READ_UNIT },
		{ "0.00\\%", 12.5, -1, "%", "12.5%", TZ_READ_UNIT },
		{ "0.0‰", 12.5, -1, "‰", "12.5‰", TZ_READ_UNIT },
		{ "0.0\"％\"", 12.5, -1, "％", "12.5％", TZ_READ_UNIT },
		{ "yyyy\"年\"m\"月\"", 45717, 0, "", "45717", 0 },
		/* Shows no number: the import reads what is shown (the audit's
		 * fmt-time.xlsx: 0.5 shown "12:00" was stored as 0.5 万元). */
		{ "h:mm", 0.5, 0, "", "0.5", TZ_READ_SHOWN },
		{ "[h]:mm:ss", 1.75, 0, "", "1.75", TZ_READ_SHOWN },
		{ "上午/下午h\"时\"mm\"分\"", 0.75, 0, "", "0.75", TZ_READ_SHOWN },
		{ "0.00;-0.00;\"—\"", 0, 0, "", "0", TZ_READ_SHOWN },
		{ "0.00;-0.00;\"—\"", 150, 0, "", "150", 0 },
		{ "_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", 0, 0, "", "0", TZ_READ_SHOWN },
		{ "_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ", 12.5, 0, "", "12.5", 0 },
		{ ";;;", 12.5, 0, "", "12.5", TZ_READ_SHOWN },
		{ "0.00\"亿元\";-0.00\"亿元\";\"—\"", 0, 0, "", "0", TZ_READ_SHOWN },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ucase *c = &cases[i];
		struct tz_numfmt *f = tz_numfmt_new(c->code);
		char unit[TZ_NUMFMT_UNIT_MAX], general[TZ_NUMFMT_GENERAL_MAX],
			value[TZ_NUMFMT_VALUE_MAX];
		size_t glen = tz_numfmt_general(c->v, general), vlen;
		struct tz_buf shown = TZ_BUF_INIT;
		unsigned char flags;
		int u = tz_numfmt_unit(f, c->v, unit);

		assert_true(tz_numfmt_format(f, c->v, 0, &shown) >= 0);
		vlen = tz_numfmt_value(f, c->v, shown.buf, shown.len, general, glen,
				       value, &flags);
		tz_buf_release(&shown);
		if (u != c->want || strcmp(unit, c->unit) || strcmp(value, c->value) ||
		    vlen != strlen(c->value) || flags != c->flags)
			fail_msg("format \"%s\" of %g: unit %d \"%s\", value \"%s\" (flags %d); "
				 "want %d \"%s\", \"%s\" (flags %d)", c->code, c->v, u, unit, value,
				 flags, c->want, c->unit, c->value, c->flags);
		tz_numfmt_free(f);
	}
}

static void test_odd_codes(void **state)
{
	static const char *const codes[] = {
		"", ";", ";;;;;;", "\"", "\\", "!", "_", "*", "[", "[]", "[$", "[$-]", "[<", "[>=",
		"0.0.0.0", ",,,,0,,,,", "%%%%0", "E+", "0E+", "?/", "/", "# ?/", "#/#/#",
		"yyyymmmmmmmmmmddddddhhhhhhsssss", "[hhhhhhhhhhhh]", ".000000", "0.00000000000000000000000000000000000000000",
		"000000000000000000000000000000000000000000000000000000000000000",
		"#,##0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", "0%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%",
		"\xff\xfe\xe4", "AM/PM", "上午/下午", "General General @ @",
	};
	static const double values[] = { 0, -1, 1e308, -1e308, 5e-324, 0.5, 45717, 1e15 };

	(void)state;
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		struct tz_numfmt *f = tz_numfmt_new(codes[i]);

		for (size_t k = 0; k < sizeof(values) / sizeof(values[0]); k++) {
			struct tz_buf b = TZ_BUF_INIT;
			int kind = tz_numfmt_format(f, values[k], 0, &b);

			assert_true(kind == TZ_READ_NUMBER || kind == TZ_READ_DATE);
			assert_int_equal(strlen(b.buf), b.len);
			tz_buf_release(&b);
		}
		tz_numfmt_free(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_two_cases),
		cmocka_unit_test(test_decimals_and_separators),
		cmocka_unit_test(test_scaling_percent_exponent),
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_literals_and_sections),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_builtins),
		cmocka_unit_test(test_general),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_odd_codes),
		cmocka_unit_test(test_units_in_literals),
	};

	return cmocka_run_group_tests_name("intake/numfmt", tests, NULL, NULL);
}
