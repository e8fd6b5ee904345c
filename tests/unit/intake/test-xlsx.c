/*
 * test-xlsx.c: the XLSX reader against workbooks built here: with
 * libxlsxwriter (shared and inline strings, money, dates, gaps, a title
 * row, many rows), by hand with libzip (inline strings without r=, rich
 * text, a first sheet that is not sheet1.xml, the 1904 date system), and
 * broken files that must fail with a clear message and no crash; the
 * cases handed with issue 7 (hidden first sheet, merged two-row header,
 * formulas without saved values, 2025.10 in a 0.00 cell, a scaled
 * format); and small versions of the hostile workbooks of
 * ../shared/cases/hostile/gen-bombs.py, which must stop at a named cap.
 */
#include "tz-test.h"
#include "tz-xlsx-test.h"
#include "tz-sheet-test.h"

#include <xlsxwriter.h>

#include "intake/import.h"
#include "intake/numfmt.h"
#include "intake/xlsx-internal.h"
#include "store/store.h"

/* ------------------------------------------------------------------ */
/* Building fixtures                                                   */

static lxw_workbook *new_book(const char *path, int constant_memory)
{
	lxw_workbook_options o = { .constant_memory = (uint8_t)constant_memory };
	lxw_workbook *wb = workbook_new_opt(path, &o);

	assert_non_null(wb);
	return wb;
}

static void close_book(lxw_workbook *wb)
{
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* A ZIP package of the given parts ({name, text} pairs, NULL-ended). */
static void write_zip(const char *path, const char *const *parts)
{
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);

	assert_non_null(z);
	for (size_t i = 0; parts[i]; i += 2) {
		zip_source_t *src = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
		assert_non_null(src);
		assert_true(zip_file_add(z, parts[i], src, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
}

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static const char root_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

/* Two sheets; the first in tab order is data.xml behind rId7. */
static const char workbook_1904[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<workbookPr date1904=\"1\"/><sheets>"
	"<sheet name=\"台账\" sheetId=\"2\" r:id=\"rId7\"/>"
	"<sheet name=\"其他\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char workbook_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/styles\" Target=\"styles.xml\"/></Relationships>";

/* cellXfs: 0 General, 1 a date (built-in 14), 2 a custom 年月日 date. */
static const char styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts count=\"1\"><numFmt numFmtId=\"170\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
	"</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/>"
	"</cellXfs></styleSheet>";

static const char other_sheet[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row>"
	"</sheetData></worksheet>";

/* No r= on rows or cells; inline strings, rich text with a phonetic
 * guide, a formula string, booleans, an error, a 1904 date. */
static const char data_sheet[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<x:sheetData>"
	"<x:row><x:c t=\"inlineStr\"><x:is><x:t>项目编号</x:t></x:is></x:c>"
	"<x:c t=\"inlineStr\"><x:is><x:t>项目名称</x:t></x:is></x:c>"
	"<x:c t=\"inlineStr\"><x:is><x:t>总投资</x:t></x:is></x:c></x:row>"
	"<x:row><x:c t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> P001 </x:t></x:is></x:c>"
	"<x:c t=\"inlineStr\"><x:is><x:r><x:t>鲅鱼圈</x:t></x:r><x:r><x:rPr><x:b/></x:rPr>"
	"<x:t>港区</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>ba yu quan</x:t></x:rPh></x:is></x:c>"
	"<x:c><x:v>12345.67</x:v></x:c><x:c><x:v>1234.5600000000001</x:v></x:c></x:row>"
	"<x:row><x:c t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>a&lt;b&amp;c</x:v></x:c>"
	"<x:c t=\"b\"><x:v>1</x:v></x:c><x:c t=\"b\"><x:v>0</x:v></x:c>"
	"<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c s=\"1\"><x:v>0</x:v></x:c>"
	"<x:c s=\"2\"><x:v>45000.5</x:v></x:c></x:row>"
	"<x:row><x:c t=\"inlineStr\"><x:is><x:t>a_x000D_b_x005F_x0041_</x:t></x:is></x:c>"
	"<x:c t=\"s\"/><x:c t=\"inlineStr\"><x:is><x:t><![CDATA[<cdata>]]></x:t></x:is></x:c></x:row>"
	"</x:sheetData></x:worksheet>";

static void write_handmade(const char *path, const char *sheet)
{
	const char *const parts[] = {
		"[Content_Types].xml", content_types,
		"_rels/.rels", root_rels,
		"xl/workbook.xml", workbook_1904,
		"xl/_rels/workbook.xml.rels", workbook_rels,
		"xl/styles.xml", styles,
		"xl/worksheets/sheet1.xml", other_sheet,
		"xl/worksheets/data.xml", sheet,
		NULL,
	};

	write_zip(path, parts);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void check_basic_book(int constant_memory)
{
	char *path = tzt_tmpname(".xlsx");
	lxw_workbook *wb = new_book(path, constant_memory);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
	lxw_format *money = workbook_add_format(wb);
	struct tzt_sheet s;

	format_set_num_format(money, "#,##0.00");
	worksheet_write_string(ws, 0, 0, "2023年重点项目台账", NULL);
	worksheet_write_string(ws, 2, 0, "项目编号", NULL);
	worksheet_write_string(ws, 2, 1, "项目名称", NULL);
	worksheet_write_string(ws, 2, 3, "总投资（万元）", NULL);
	worksheet_write_string(ws, 3, 0, "P001", NULL);
	worksheet_write_string(ws, 3, 1, "港口 \"A&B\" <一期>", NULL);
	worksheet_write_number(ws, 3, 3, 12345.67, money);
	worksheet_write_string(ws, 4, 0, "2025-12", NULL);
	worksheet_write_number(ws, 4, 2, 0.1 + 0.2, NULL);
	worksheet_write_number(ws, 4, 3, 800, money);
	close_book(wb);

	tzt_sheet_shown(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.rows[0], "1:2023年重点项目台账");
	assert_string_equal(s.rows[1], "3:项目编号|项目名称||总投资（万元）");
	/* Numbers come through as their format shows them; General shows
	 * 0.1 + 0.2 with 15 significant digits. */
	assert_string_equal(s.rows[2], "4:P001|港口 \"A&B\" <一期>||12,345.67");
	assert_string_equal(s.rows[3], "5:2025-12||0.3|800.00");
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_shared_strings(void **state)
{
	(void)state;
	check_basic_book(0);
}

static void test_inline_strings(void **state)
{
	(void)state;
	check_basic_book(1);
}

static void test_dates(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	lxw_workbook *wb = new_book(path, 0);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *iso = workbook_add_format(wb), *b14 = workbook_add_format(wb);
	lxw_format *cn = workbook_add_format(wb), *time = workbook_add_format(wb);
	lxw_format *elapsed = workbook_add_format(wb), *money = workbook_add_format(wb);
	lxw_format *month = workbook_add_format(wb), *b27 = workbook_add_format(wb);
	lxw_datetime d = { 2025, 3, 15, 10, 30, 0 };
	struct tzt_sheet s;

	(void)state;
	format_set_num_format(iso, "yyyy-mm-dd");
	format_set_num_format_index(b14, 14);
	format_set_num_format(cn, "yyyy\"年\"m\"月\"d\"日\"");
	format_set_num_format(time, "h:mm");
	format_set_num_format(elapsed, "[h]:mm:ss");
	format_set_num_format(money, "#,##0.00\"万元\"");
	format_set_num_format(month, "yyyy\"年\"m\"月\"");
	format_set_num_format_index(b27, 27);
	worksheet_write_datetime(ws, 0, 0, &d, iso);
	worksheet_write_datetime(ws, 0, 1, &d, b14);
	worksheet_write_datetime(ws, 0, 2, &d, cn);
	worksheet_write_number(ws, 0, 3, 0.5, time);
	worksheet_write_number(ws, 0, 4, 1.25, elapsed);
	worksheet_write_number(ws, 0, 5, 45000, money);
	/* Around the 1900 leap-year bug. */
	worksheet_write_number(ws, 1, 0, 1, iso);
	worksheet_write_number(ws, 1, 1, 59, iso);
	worksheet_write_number(ws, 1, 2, 60, iso);
	worksheet_write_number(ws, 1, 3, 61, iso);
	worksheet_write_number(ws, 1, 4, 2958465, iso);
	worksheet_write_number(ws, 1, 5, -3, iso);
	/* Year-and-month formats: the month people mean. */
	worksheet_write_datetime(ws, 2, 0, &d, month);
	worksheet_write_datetime(ws, 2, 1, &d, b27);
	worksheet_write_number(ws, 2, 2, 60, month);
	close_book(wb);

	tzt_sheet_shown(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 3);
	/* Dates as ISO dates; times and amounts as shown. */
	assert_string_equal(s.rows[0], "1:2025-03-15|2025-03-15|2025-03-15|12:00|30:00:00|45,000.00万元");
	assert_string_equal(s.rows[2], "3:2025-03|2025-03|1900-02");
	assert_string_equal(s.rows[1], "2:1900-01-01|1900-02-28|1900-02-29|1900-03-01|9999-12-31|-3");
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_format_rule(void **state)
{
	static const struct { const char *code; enum tz_numfmt_class cls; } rules[] = {
		{ "yyyy-mm-dd", TZ_NUMFMT_DATE },
		{ "m/d/yy h:mm", TZ_NUMFMT_DATE },
		{ "[Red]dd/mm/yyyy", TZ_NUMFMT_DATE },
		{ "m\"月\"d\"日\"", TZ_NUMFMT_DATE },
		{ "yyyy/m/d h:mm AM/PM", TZ_NUMFMT_DATE },
		{ "[$-804]yyyy\"年\"m\"月\"", TZ_NUMFMT_MONTH },
		{ "mmm-yy", TZ_NUMFMT_MONTH },
		{ "yyyy-mm", TZ_NUMFMT_MONTH },
		{ "General", TZ_NUMFMT_NUMBER },
		{ "#,##0.00", TZ_NUMFMT_NUMBER },
		{ "h:mm:ss", TZ_NUMFMT_TIME },
		{ "[h]:mm", TZ_NUMFMT_TIME },
		{ "mm:ss.0", TZ_NUMFMT_TIME },
		{ "0.00\"万元\"", TZ_NUMFMT_NUMBER },
		{ "#,##0.00_);[Red]\\(#,##0.00\\)", TZ_NUMFMT_NUMBER },
		{ "\"yyyy\"0", TZ_NUMFMT_NUMBER },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		struct tz_numfmt *f = tz_numfmt_new(rules[i].code);

		if (tz_numfmt_classify(f) != rules[i].cls)
			fail_msg("%s: class %d, want %d", rules[i].code, tz_numfmt_classify(f),
				 rules[i].cls);
		tz_numfmt_free(f);
	}
}

static void test_gaps_and_many_rows(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	lxw_workbook *wb = new_book(path, 1);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	struct tzt_sheet s;
	char code[32], want[96];
	const long n = 20000;

	(void)state;
	worksheet_write_string(ws, 0, 0, "a", NULL);
	worksheet_write_string(ws, 0, 2, "c", NULL);
	worksheet_write_string(ws, 0, 27, "AB", NULL);
	for (long i = 1; i <= n; i++) {
		snprintf(code, sizeof(code), "P%06ld", i);
		worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, code, NULL);
		worksheet_write_number(ws, (lxw_row_t)(i + 1), 1, (double)i + 0.25, NULL);
	}
	close_book(wb);

	tzt_sheet_shown(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, n + 1);
	assert_string_equal(s.rows[0], "1:a||c|||||||||||||||||||||||||AB");
	assert_string_equal(s.rows[1], "3:P000001|1.25");
	snprintf(want, sizeof(want), "%ld:P%06ld|%ld.25", n + 2, n, n);
	assert_string_equal(s.rows[n], want);
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_handmade_package(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tzt_sheet s;

	(void)state;
	write_handmade(path, data_sheet);
	tzt_sheet_shown(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.rows[0], "1:项目编号|项目名称|总投资");
	/* General shows 15 significant digits, as Excel does. */
	assert_string_equal(s.rows[1], "2: P001 |鲅鱼圈港区|12345.67|1234.56");
	/* 1904 system: serial 0 is 1904-01-01; 45000.5 is 2027-03-16, shown
	 * by a year-and-month style. An error keeps its text. */
	assert_string_equal(s.rows[2], "3:a<b&c|TRUE|FALSE|#N/A|1904-01-01|2027-03");
	assert_string_equal(s.rows[3], "4:a\rb_x0041_||<cdata>");
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_empty_sheet(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	lxw_workbook *wb = new_book(path, 0);
	struct tzt_sheet s;

	(void)state;
	workbook_add_worksheet(wb, NULL);
	close_book(wb);
	tzt_sheet_shown(path, &s);
	/* TZ_ENOTFOUND: no header here (audit 10, S2). */
	assert_int_equal(s.rc, TZ_ENOTFOUND);
	assert_int_equal(s.n, 0);
	assert_string_equal(s.err.msg, "工作表“Sheet1”为空");
	assert_string_equal(s.err.file, path);
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

/* Open must fail (or the first row must) with `want` in the message. */
static void expect_failure(const char *path, const char *want)
{
	struct tzt_sheet s;

	tzt_sheet_shown(path, &s);
	assert_true(s.rc < 0);
	if (!strstr(s.err.msg, want))
		fail_msg("message \"%s\" lacks \"%s\"", s.err.msg, want);
	assert_string_equal(s.err.file, path);
	tzt_sheet_free(&s);
}

static void write_bytes(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static void test_corrupt_files(void **state)
{
	char *path = tzt_tmpname(".xlsx"), *good = tzt_tmpname(".xlsx");
	static const char junk[] = "PK\x03\x04 this is not really a zip archive at all";
	const char *const not_xlsx[] = { "hello.txt", "hi", NULL };
	FILE *fp;
	char *data;
	long size;

	(void)state;
	write_bytes(path, junk, sizeof(junk) - 1);
	expect_failure(path, "不是有效的XLSX文件");

	write_zip(path, not_xlsx);
	expect_failure(path, "缺少工作簿");

	/* A real workbook cut in half at several points. */
	write_handmade(good, data_sheet);
	fp = fopen(good, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	data = malloc((size_t)size);
	assert_int_equal(fread(data, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	for (long cut = 4; cut < size; cut += size / 7) {
		write_bytes(path, data, (size_t)cut);
		expect_failure(path, "不是有效的XLSX文件");
	}
	/* Flipped bytes inside the compressed data: no crash, an error or
	 * (if the flip hit something unread) a result, never garbage rows
	 * past the first error. */
	for (long at = 40; at < size - 100; at += 97) {
		struct tzt_sheet s;

		data[at] ^= 0x5a;
		write_bytes(path, data, (size_t)size);
		tzt_sheet_shown(path, &s);
		if (s.rc < 0)
			assert_string_equal(s.err.file, path);
		tzt_sheet_free(&s);
		data[at] ^= 0x5a;
	}
	free(data);
	unlink(good);
	unlink(path);
	free(good);
	free(path);
}

static void test_broken_sheet_xml(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	static const char bad_ref[] =
		"<?xml version=\"1.0\"?><worksheet><sheetData>"
		"<row r=\"7\"><c r=\"7A\"><v>1</v></c></row></sheetData></worksheet>";
	static const char bad_sst[] =
		"<?xml version=\"1.0\"?><worksheet><sheetData>"
		"<row r=\"3\"><c r=\"A3\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>";
	static const char backwards[] =
		"<?xml version=\"1.0\"?><worksheet><sheetData>"
		"<row r=\"4\"><c r=\"C4\"><v>1</v></c><c r=\"B4\"><v>2</v></c></row>"
		"</sheetData></worksheet>";
	struct tz_buf broken = TZ_BUF_INIT;
	struct tzt_sheet s;

	(void)state;
	/* Bad XML after many good rows: the rows before it come through
	 * (the parser reads ahead, so not quite all), then an error that
	 * names a row near the damage. */
	tz_buf_adds(&broken, "<?xml version=\"1.0\"?><worksheet><sheetData>");
	for (int i = 1; i <= 5000; i++)
		tz_buf_addf(&broken, "<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c></row>", i, i, i);
	tz_buf_adds(&broken, "<row r=\"5001\"><c r=\"A5001\"><v>2</oops></c></row>"
			     "</sheetData></worksheet>");
	write_handmade(path, broken.buf);
	tz_buf_release(&broken);
	tzt_sheet_shown(path, &s);
	assert_true(s.n > 4000 && s.n <= 5000);
	{
		char want[32];

		snprintf(want, sizeof(want), "%zu:%zu", s.n, s.n);
		assert_string_equal(s.rows[s.n - 1], want);
	}
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "不是有效的XLSX文件"));
	assert_true(s.err.line >= (long)s.n && s.err.line <= 5001);
	assert_string_equal(s.err.file, path);
	tzt_sheet_free(&s);

	write_handmade(path, bad_ref);
	expect_failure(path, "单元格引用“7A”无效");
	write_handmade(path, bad_sst);
	expect_failure(path, "第3行引用了不存在的共享字符串");
	write_handmade(path, backwards);
	expect_failure(path, "第4行第2列的单元格重复或顺序错乱");
	unlink(path);
	free(path);
}

/* A part with a DOCTYPE is refused: no entity is expanded, no file is
 * read, no bomb goes off. */
static void test_hostile_xml(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf xml = TZ_BUF_INIT;
	struct tzt_sheet s;

	(void)state;
	tz_buf_adds(&xml, "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "
			  "\"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">");
	for (char c = 'b'; c <= 'k'; c++)
		tz_buf_addf(&xml, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;\">", c,
			    c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	tz_buf_adds(&xml, "]><worksheet><sheetData><row r=\"1\">"
			  "<c r=\"A1\" t=\"inlineStr\"><is><t>[&x;]</t></is></c>"
			  "<c r=\"B1\" t=\"inlineStr\"><is><t>[&k;]</t></is></c></row>"
			  "</sheetData></worksheet>");
	write_handmade(path, xml.buf);
	tz_buf_release(&xml);
	tzt_sheet_shown(path, &s);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "DOCTYPE"));
	assert_non_null(strstr(s.err.msg, "data.xml"));
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_missing_file(void **state)
{
	struct tz_reader *r = NULL;
	struct tz_err err;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_reader_xlsx.open(&r, "/nonexistent/台账.xlsx", NULL, &err), TZ_EIO);
	assert_null(r);
	assert_string_equal(err.file, "/nonexistent/台账.xlsx");
}

/* ------------------------------------------------------------------ */
/* Through import, as a user's workbook                                */

/* A ledger as people keep it in Excel: a title row, full-width brackets,
 * amounts as formatted numbers, 计划开工时间 as a year-month date, one
 * row with an amount in words. */
static void write_ledger(const char *path)
{
	lxw_workbook *wb = new_book(path, 0);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "2025年重点项目");
	lxw_format *money = workbook_add_format(wb), *month = workbook_add_format(wb);
	static const char *const head[] = { "项目编号", "项目名称", "所属地区", "总投资（万元）",
					    "年度计划投资（万元）", "计划开工时间" };
	lxw_datetime start = { 2025, 4, 1, 0, 0, 0 };

	format_set_num_format(money, "#,##0.00");
	format_set_num_format(month, "yyyy\"年\"m\"月\"");
	worksheet_merge_range(ws, 0, 0, 0, 5, "2025年全市重点项目台账", NULL);
	for (int i = 0; i < 6; i++)
		worksheet_write_string(ws, 2, (lxw_col_t)i, head[i], NULL);
	worksheet_write_string(ws, 3, 0, "P001", NULL);
	worksheet_write_string(ws, 3, 1, "鲅鱼圈港区集装箱码头", NULL);
	worksheet_write_string(ws, 3, 2, "鲅鱼圈区", NULL);
	worksheet_write_number(ws, 3, 3, 12345.67, money);
	worksheet_write_number(ws, 3, 4, 3500, money);
	worksheet_write_datetime(ws, 3, 5, &start, month);
	worksheet_write_string(ws, 4, 0, "P002", NULL);
	worksheet_write_string(ws, 4, 1, "临港产业园", NULL);
	worksheet_write_string(ws, 4, 2, "老边区", NULL);
	worksheet_write_string(ws, 4, 3, "约一亿", NULL);
	worksheet_write_number(ws, 4, 4, 100, money);
	worksheet_write_string(ws, 5, 0, "P003", NULL);
	worksheet_write_string(ws, 5, 1, "城市更新", NULL);
	worksheet_write_string(ws, 5, 2, "站前区", NULL);
	worksheet_write_string(ws, 5, 3, "1.2亿元", NULL);
	worksheet_write_number(ws, 5, 4, 1234.5600000000001, money);
	close_book(wb);
}

struct rejects {
	long lines[8];
	int n;
};

static void on_reject(void *ctx, const struct tz_import_reject *rej)
{
	struct rejects *r = ctx;

	if (r->n < 8)
		r->lines[r->n++] = rej->line;
}

static int check_project(void *ctx, const struct tz_project *p)
{
	int *seen = ctx;

	if (!strcmp(p->code, "P001")) {
		assert_int_equal(p->total, 1234567);
		assert_int_equal(p->annual, 350000);
		assert_int_equal(p->planned_start.year, 2025);
		assert_int_equal(p->planned_start.month, 4);
	} else {
		assert_string_equal(p->code, "P003");
		assert_int_equal(p->total, 1200000);
		assert_int_equal(p->annual, 123456);
	}
	(*seen)++;
	return 0;
}

static void test_import_ledger(void **state)
{
	char *path = tzt_tmpname(".xlsx"), *db = tzt_tmpname(".db");
	struct rejects rej = { { 0 }, 0 };
	struct tz_import_opts opts = { 1, 2025, NULL, on_reject, &rej, 0, NULL, NULL, 0, { 0, 0 } };
	struct tz_import_result res;
	struct tz_store *store = NULL;
	struct tz_err err;
	int seen = 0;

	(void)state;
	write_ledger(path);
	tz_err_clear(&err);
	assert_int_equal(tz_store_open(&store, db, TZ_STORE_CREATE, NULL, &err), 0);
	if (tz_import_file(store, TZ_IMPORT_PROJECTS, path, &opts, &res, &err))
		fail_msg("import: %s", err.msg);
	tz_import_result_release(&res);
	assert_int_equal(res.rows, 3);
	assert_int_equal(res.accepted, 2);
	assert_int_equal(rej.n, 1);
	assert_int_equal(rej.lines[0], 5);  /* the sheet row of P002 */
	assert_int_equal(tz_store_each_project(store, 2025, check_project, &seen, &err), 0);
	assert_int_equal(seen, 2);
	tz_store_close(store);
	unlink(db);
	unlink(path);
	free(db);
	free(path);
}


/* ------------------------------------------------------------------ */
/* Sheets, merged cells, kinds: the handed cases                       */

static void test_case_sheets(void **state)
{
	char *hidden = tzs_data("cases/a03-ledger-hidden.xlsx");
	char *instr = tzs_data("cases/a03-ledger-instructions.xlsx");
	struct tz_reader *r;
	struct tzs_rows s;
	struct tz_err err;
	static const char *const ledger[] = {
		"1:项目编号|项目名称|所属地区|项目类别|总投资(万元)|年度计划投资(万元)",
		"2:XM2025021|港区铁路专用线|高新区|交通|40000{n}|12000{n}",
		"3:XM2025022|老城区雨污分流|老城区|城市建设|9000{n}|3000{n}",
		NULL,
	};

	(void)state;
	/* The first sheet is hidden: the default is the first visible one. */
	r = tzs_open(hidden, NULL);
	assert_int_equal(tz_reader_sheet_count(r), 2);
	assert_string_equal(tz_reader_sheet_info(r, 0)->name, "下拉选项");
	assert_int_equal(tz_reader_sheet_info(r, 0)->state, TZ_SHEET_HIDDEN);
	assert_string_equal(tz_reader_sheet_info(r, 1)->name, "项目台账");
	assert_int_equal(tz_reader_sheet_info(r, 1)->state, TZ_SHEET_VISIBLE);
	assert_int_equal(tz_reader_sheet_index(r), 1);
	assert_string_equal(tz_reader_sheet_name(r), "项目台账");
	tzs_read(r, &s, 1);
	tzs_expect(&s, ledger);
	tzs_rows_free(&s);
	/* The hidden sheet can still be read when asked for. */
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 0, &err), 0);
	assert_string_equal(tz_reader_sheet_name(r), "下拉选项");
	tzs_read(r, &s, 0);
	assert_int_equal(s.rc, 0);
	assert_true(s.n > 0);
	tzs_rows_free(&s);
	tz_reader_close(r);

	/* The first sheet is the instructions: the caller looks for a
	 * header and goes to the next visible sheet. */
	r = tzs_open(instr, NULL);
	assert_string_equal(tz_reader_sheet_name(r), "填报说明");
	tzs_read(r, &s, 0);
	assert_string_equal(s.v[0], "1:填报说明");
	tzs_rows_free(&s);
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, (size_t)tz_reader_find_sheet(r, "项目台账"), &err),
			 0);
	tzs_read(r, &s, 1);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[0], ledger[0]);
	tzs_rows_free(&s);
	tz_reader_close(r);

	/* By name and by number at open; a wrong name lists the sheets. */
	r = tzs_open(instr, "项目台账");
	assert_int_equal(tz_reader_sheet_index(r), 1);
	tz_reader_close(r);
	{
		struct tz_reader_opts o = { NULL, 2 };

		tz_err_clear(&err);
		assert_int_equal(tz_reader_open_opts(&r, hidden, &o, &err), 0);
		assert_string_equal(tz_reader_sheet_name(r), "项目台账");
		tz_reader_close(r);
		o.sheet = "台账";
		assert_int_equal(tz_reader_open_opts(&r, hidden, &o, &err), TZ_ENOTFOUND);
		assert_null(r);
		assert_non_null(strstr(err.msg, "没有名为“台账”的工作表"));
		assert_non_null(strstr(err.msg, "“下拉选项”（隐藏）、“项目台账”"));
		o.sheet = NULL;
		o.sheet_number = 3;
		assert_int_equal(tz_reader_open_opts(&r, hidden, &o, &err), TZ_ENOTFOUND);
		assert_non_null(strstr(err.msg, "没有第3个的工作表"));
	}
	free(hidden);
	free(instr);
}

static void test_case_merged_header(void **state)
{
	char *path = tzs_data("cases/a02-ledger.xlsx");
	char *probe = tzs_data("cases/probe-merged-parent.xlsx");
	struct tz_reader *r = tzs_open(path, NULL);
	struct tzs_rows s;
	struct tz_row row;
	struct tz_err err;
	static const char *const want[] = {
		"1:2025年全县重点项目建设台账[m]|2025年全县重点项目建设台账[c]|2025年全县重点项目建设台账[c]"
		"|2025年全县重点项目建设台账[c]|2025年全县重点项目建设台账[c]|2025年全县重点项目建设台账[c]"
		"|2025年全县重点项目建设台账[c]|2025年全县重点项目建设台账[c]|2025年全县重点项目建设台账[c]",
		"2:序号[m]|项目编号[m]|项目名称[m]|所属地区[m]|项目类别[m]|投资情况（万元）[m]"
		"|投资情况（万元）[c]|投资情况（万元）[c]|计划开工时间[m]",
		"3:序号[c]|项目编号[c]|项目名称[c]|所属地区[c]|项目类别[c]|总投资|年度计划投资"
		"|1-6月完成投资|计划开工时间[c]",
		"4:1{n}|XM2025011|县城供热管网改造|城关镇|城市建设|15000{n}|6000{n}|2100{n}|2025-03",
		"5:2{n}|XM2025012|高标准农田建设|北山乡|农业农村|8000{n}|8000{n}|3500{n}|2025-02",
		"6:3{n}|XM2025013|县医院门诊楼|城关镇|社会事业|26000{n}|9000{n}|4000{n}|2025-04",
		NULL,
	};

	(void)state;
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	/* Which way each range runs. */
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 0, &err), 0);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.flags[0], TZ_READ_MERGED | TZ_READ_MERGE_ACROSS);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.flags[0], TZ_READ_MERGED | TZ_READ_MERGE_DOWN);
	assert_int_equal(row.flags[6],
			 TZ_READ_MERGED | TZ_READ_MERGE_ACROSS | TZ_READ_MERGE_COPY);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.flags[0], TZ_READ_MERGED | TZ_READ_MERGE_DOWN | TZ_READ_MERGE_COPY);
	assert_int_equal(row.flags[5], 0);
	tz_reader_close(r);

	r = tzs_open(probe, NULL);
	tzs_read(r, &s, 1);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[0], "1:项目编号[m]|所属地区[m]|项目名称[m]|投资情况（亿元）[m]|投资情况（亿元）[c]");
	assert_string_equal(s.v[1], "2:项目编号[c]|所属地区[c]|项目名称[c]|总投资|2024年计划投资");
	assert_string_equal(s.v[2], "3:A1|甲县|某项目|1.5{n}|0.3{n}");
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(probe);
	free(path);
}

static void test_case_kinds(void **state)
{
	static const struct { const char *file; const char *const want[8]; } cases[] = {
		/* Formulas saved without their result (<f> with an empty <v>). */
		{ "cases/a17-ledger.xlsx", {
			"1:项目编号|项目名称|所属地区|总投资(万元)|年度计划投资(万元)",
			"2:XM2025151|临港大道亮化|鲅鱼圈区|8000{n}|{f}",
			"3:XM2025152|老旧小区改造|站前区|{f}|{f}", NULL } },
		/* The same sheet with and without saved results. */
		{ "cases/a16-ledger.xlsx", {
			"1:2025年市级重点项目台账[m]|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]"
			"|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]",
			"2:序号|项目编号|项目名称|所属地区|总投资(万元)|年度计划投资(万元)",
			"3:合计[m]|合计[c]|合计[c]|合计[c]|120000{n}|45000{n}",
			"4:一||续建项目（2个）||80000{n}|30000{n}",
			"5:1{n}|XM2025141|东部快速路二期|站前区|30000{n}|10000{n}",
			"6:2{n}|XM2025142|港城热电联产|鲅鱼圈区|50000{n}|20000{n}",
			"7:二||新开工项目（1个）||40000{n}|15000{n}", NULL } },
		{ "cases/a16-ledger-openpyxl.xlsx", {
			"1:2025年市级重点项目台账[m]|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]"
			"|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]|2025年市级重点项目台账[c]",
			"2:序号|项目编号|项目名称|所属地区|总投资(万元)|年度计划投资(万元)",
			"3:合计[m]|合计[c]|合计[c]|合计[c]|{f}|{f}",
			"4:一||续建项目（2个）||{f}|{f}",
			"5:1{n}|XM2025141|东部快速路二期|站前区|30000{n}|10000{n}",
			"6:2{n}|XM2025142|港城热电联产|鲅鱼圈区|50000{n}|20000{n}",
			"7:二||新开工项目（1个）||{f}|{f}", NULL } },
		/* An error cell keeps its text and says it is one. */
		{ "cases/xlsx-error-annual.xlsx", {
			"1:项目编号|项目名称|所属地区|项目类别|项目级别|建设性质|建设单位|包联领导|责任单位"
			"|建设起止年限|总投资(万元)|年度计划投资(万元)|计划开工时间",
			"2:P1|项目|站前区|城市建设|市重点|新开工|公司|张三|发改委|2025-2026|1000{n}|#N/A{e}|2025-01",
			NULL } },
		/* 2025.1 in a 0.00 cell: the period the person typed. */
		{ "cases/xlsx-period-2025.10.xlsx", {
			"1:项目编号|调度期|本期完成投资(万元)|开工状态|形象进度|存在问题",
			"2:P1|2025.10{n}|100{n}|已开工", NULL } },
		/* 0!.0, shows 12345678 as 1234.6 (the sheet's 万元). */
		{ "cases/xlsx-scaled-format.xlsx", {
			"1:项目编号|项目名称|所属地区|项目类别|项目级别|建设性质|建设单位|包联领导|责任单位"
			"|建设起止年限|总投资(万元)|年度计划投资(万元)|计划开工时间",
			"2:P1|项目|站前区|城市建设|市重点|新开工|公司|张三|发改委|2025-2026|1234.6{n}|500.0{n}|2025-01",
			NULL } },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *path = tzs_data(cases[i].file);
		struct tz_reader *r = tzs_open(path, NULL);
		struct tzs_rows s;

		tzs_read(r, &s, 1);
		assert_int_equal(s.rc, 0);
		for (size_t k = 0; cases[i].want[k]; k++) {
			assert_true(k < s.n);
			if (strcmp(s.v[k], cases[i].want[k]))
				fail_msg("%s row %zu:\n  got  %s\n  want %s", cases[i].file, k, s.v[k],
					 cases[i].want[k]);
		}
		tzs_rows_free(&s);
		tz_reader_close(r);
		free(path);
	}
}

/* values[] keep what a format rounds or scales away. */
static void test_values_behind_formats(void **state)
{
	char *path = tzs_data("cases/xlsx-scaled-format.xlsx");
	struct tz_reader *r = tzs_open(path, NULL);
	struct tz_row row;
	struct tz_err err;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_string_equal(row.cells[10], "1234.6");
	assert_string_equal(row.values[10], "12345678");
	assert_int_equal(row.kinds[10], TZ_READ_NUMBER);
	/* The format shows it in thousands: the import must know. */
	assert_int_equal(row.flags[10], TZ_READ_SCALED);
	assert_ptr_equal(row.values[0], row.cells[0]);
	tz_reader_close(r);
	free(path);
	/* 2025.1 in 0.00: shown differently, not scaled. */
	path = tzs_data("cases/xlsx-period-2025.10.xlsx");
	r = tzs_open(path, NULL);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_string_equal(row.cells[1], "2025.10");
	assert_string_equal(row.values[1], "2025.1");
	assert_int_equal(row.flags[1], 0);
	tz_reader_close(r);
	free(path);
}

/* Merged ranges, hidden rows, formula kinds, written by hand. */
static const char merged_sheet[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>地区</t></is></c>"
	"<c r=\"B1\" t=\"inlineStr\"><is><t>项目</t></is></c></row>"
	"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲县</t></is></c>"
	"<c r=\"B2\" t=\"inlineStr\"><is><t>一</t></is></c></row>"
	"<row r=\"3\" hidden=\"1\"><c r=\"A3\"/><c r=\"B3\" t=\"inlineStr\"><is><t>二</t></is></c></row>"
	"<row r=\"4\"><c r=\"B4\" t=\"str\"><f>B2</f></c><c r=\"C4\" t=\"str\"><f>\"\"</f><v></v></c>"
	"<c r=\"D4\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"E4\" t=\"b\"><f>TRUE</f></c></row>"
	"<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>乙县</t></is></c></row>"
	"</sheetData><mergeCells count=\"3\"><mergeCell ref=\"A2:A4\"/><mergeCell ref=\"A6:A7\"/>"
	"<mergeCell ref=\"ZZ9:A9\"/></mergeCells>"
	"<!-- <mergeCell ref=\"B1:C1\"/> is in a comment: counted as written, harmlessly -->"
	"</worksheet>";

static void test_merged_and_hidden(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_reader *r;
	struct tzs_rows s;
	static const char *const want[] = {
		"1:地区|项目[m]|项目[c]",
		"2:甲县[m]|一",
		"3 h:甲县[c]|二",
		/* A formula's string result never saved is no value; a saved
		 * empty string is empty; an error keeps its text. */
		"4:甲县[c]|{f}||#DIV/0!|{f}",
		"6:乙县[m]",
		NULL,
	};

	(void)state;
	write_handmade(path, merged_sheet);
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	tz_reader_close(r);
	unlink(path);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Hostile workbooks, small                                            */

/* A workbook whose sheet (and shared strings) come from buffers. */
static void write_big(const char *path, const struct tz_buf *sheet, const struct tz_buf *sst)
{
	static const char rels_sst[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
	static const char wb[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
		"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
	const char *names[] = { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
				"xl/sharedStrings.xml" };
	const char *data[] = { content_types, root_rels, wb, rels_sst, sheet->buf,
			       sst ? sst->buf : NULL };
	size_t lens[] = { strlen(content_types), strlen(root_rels), strlen(wb), strlen(rels_sst),
			  sheet->len, sst ? sst->len : 0 };

	assert_non_null(z);
	for (size_t i = 0; i < (sst ? 6u : 5u); i++) {
		zip_source_t *src = zip_source_buffer(z, data[i], lens[i], 0);

		assert_non_null(src);
		assert_true(zip_file_add(z, names[i], src, ZIP_FL_ENC_UTF_8) >= 0);
		zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 1);
	}
	assert_int_equal(zip_close(z), 0);
}

static void sheet_begin(struct tz_buf *b)
{
	b->max = 256u * 1024 * 1024;
	tz_buf_adds(b, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		       "<sheetData>");
}

/* Read to the end; the last code and message. */
static void read_all(const char *path, struct tzs_rows *s, size_t limit_cols)
{
	struct tz_reader *r = NULL;
	struct tz_row row;

	memset(s, 0, sizeof(*s));
	tz_err_clear(&s->err);
	if ((s->rc = tz_reader_open(&r, path, &s->err)))
		return;
	if (limit_cols)
		tz_reader_limit_columns(r, limit_cols);
	while ((s->rc = tz_reader_next(r, &row, &s->err)) > 0)
		s->n++;
	tz_reader_close(r);
}

/* A unit of money in a number format's literal text goes with the value
 * (the audit's fmt-lit-yi.xlsx: 12.5 shown "12.50亿元"); quoted, escaped,
 * in the section used; scaled numbers are read as shown. */
static void test_format_units(void **state)
{
	(void)state;
	tzs_audit_cell("fmt-lit-yi.xlsx", 2, 10, "12.50亿元", "12.5亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-escaped-yi.xlsx", 2, 10, "12.50亿", "12.5亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-wan-scaled.xlsx", 2, 10, "1234.6万", "12345678", TZ_READ_SCALED);
	tzs_audit_cell("fmt-lit-sections.xlsx", 3, 3, "3.00亿元", "3亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-sections.xlsx", 3, 4, "20,000万元", "20000万元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-sections.xlsx", 6, 3, "¥1,234.50", "1234.5", 0);
	tzs_audit_cell("fmt-lit-usd.xlsx", 3, 3, "$12.50", "$12.5", TZ_READ_UNIT);
}

/* 16M empty shared strings would take 80 MB and seconds: with the count
 * declared, refused at once; without, at the cap on entries. */
static void test_bomb_shared_strings(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf sheet = TZ_BUF_INIT, sst = TZ_BUF_INIT;
	struct tzs_rows s;

	(void)state;
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>");
	sst.max = 256u * 1024 * 1024;
	tz_buf_addf(&sst, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
			  "uniqueCount=\"%u\"><si/></sst>", TZ_LIMIT_SST_STRINGS + 1);
	write_big(path, &sheet, &sst);
	read_all(path, &s, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "共享字符串超过16777216个"));
	tz_buf_reset(&sst);
	tz_buf_adds(&sst, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
	for (unsigned i = 0; i <= TZ_LIMIT_SST_STRINGS; i++)
		tz_buf_add(&sst, "<si/>", 5);
	tz_buf_adds(&sst, "</sst>");
	write_big(path, &sheet, &sst);
	tz_buf_release(&sst);
	read_all(path, &s, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "共享字符串超过16777216个"));
	tz_buf_release(&sheet);
	unlink(path);
	free(path);
}

/* One cell at XFD in every row: a row costs the cells it holds; with
 * the columns limited to the header's, the far cells are not even kept. */
static void test_bomb_far_right(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf sheet = TZ_BUF_INIT;
	struct tz_reader *r;
	struct tz_row row;
	struct tz_err err;
	long n = 0;

	(void)state;
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>编号</t></is></c>"
			    "<c r=\"B1\" t=\"inlineStr\"><is><t>金额</t></is></c></row>");
	for (int i = 2; i <= 20001; i++)
		tz_buf_addf(&sheet, "<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c><c r=\"XFD%d\"><v>1</v></c></row>",
			    i, i, i, i);
	tz_buf_adds(&sheet, "</sheetData></worksheet>");
	write_big(path, &sheet, NULL);
	tz_buf_release(&sheet);

	r = tzs_open(path, NULL);
	tz_err_clear(&err);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.ncells, 2);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.ncells, 16384);
	assert_string_equal(row.cells[16383], "1");
	assert_string_equal(row.cells[8000], "");
	assert_int_equal(row.kinds[8000], TZ_READ_EMPTY);
	tz_reader_limit_columns(r, 2);
	while (tz_reader_next(r, &row, &err) == 1) {
		assert_int_equal(row.ncells, 1);
		n++;
	}
	assert_int_equal(n, 19999);
	tz_reader_close(r);
	unlink(path);
	free(path);
}

/* Rows without r= past Excel's last row, or a row number repeated: a
 * named error at once instead of minutes of nothing. */
static void test_bomb_empty_rows(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf sheet = TZ_BUF_INIT;
	struct tzs_rows s;

	(void)state;
	sheet_begin(&sheet);
	for (unsigned i = 0; i < TZ_LIMIT_SHEET_ROWS + 10; i++)
		tz_buf_add(&sheet, "<row/>", 6);
	tz_buf_adds(&sheet, "<row><c t=\"inlineStr\"><is><t>项目编号</t></is></c></row>"
			    "</sheetData></worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "行数超过1048576行"));
	assert_non_null(strstr(s.err.msg, "工作表“S”"));

	tz_buf_release(&sheet);
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"5\"><c r=\"A5\"><v>1</v></c></row>");
	for (int i = 0; i < 1000; i++)
		tz_buf_adds(&sheet, "<row r=\"5\"/>");
	tz_buf_adds(&sheet, "</sheetData></worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "第5行重复或顺序错乱"));
	tz_buf_release(&sheet);
	unlink(path);
	free(path);
}

/* The audit's empty-cells.xlsx: 1.4 MB inflating to 20,000 rows of
 * 16,000 <c/> took 90 s and gave nothing. The cells of a sheet are
 * capped, empty ones too, and counted by the first pass over the part:
 * refused at open, before a row is read; with a prefix (<x:c/>) too. A
 * sheet just under the cap is read. */
static void test_bomb_empty_cells(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf sheet = TZ_BUF_INIT, row = TZ_BUF_INIT;
	struct tzs_rows s;
	unsigned rows = TZ_LIMIT_SHEET_CELLS / 16000 + 1;

	(void)state;
	row.max = 1024 * 1024;
	for (int i = 0; i < 16000; i++)
		tz_buf_add(&row, "<c/>", 4);
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目编号</t></is></c></row>");
	for (unsigned i = 2; i <= rows + 1; i++) {
		tz_buf_addf(&sheet, "<row r=\"%u\">", i);
		tz_buf_add(&sheet, row.buf, row.len);
		tz_buf_adds(&sheet, "</row>");
	}
	tz_buf_adds(&sheet, "</sheetData></worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "工作表“S”的单元格超过16777216个"));

	/* The same with a namespace prefix. */
	tz_buf_reset(&sheet);
	tz_buf_adds(&sheet, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
			    "<x:sheetData>");
	for (unsigned i = 1; i <= rows; i++) {
		tz_buf_addf(&sheet, "<x:row r=\"%u\">", i);
		for (int k = 0; k < 16000; k++)
			tz_buf_add(&sheet, "<x:c/>", 6);
		tz_buf_adds(&sheet, "</x:row>");
	}
	tz_buf_adds(&sheet, "</x:sheetData></x:worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "的单元格超过16777216个"));

	/* Under the cap: read, the empty cells costing nothing. */
	tz_buf_reset(&sheet);
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目编号</t></is></c></row>");
	for (unsigned i = 2; i <= 1001; i++) {
		tz_buf_addf(&sheet, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c>", i, i, i);
		tz_buf_add(&sheet, row.buf, row.len / 4);
		tz_buf_adds(&sheet, "</row>");
	}
	tz_buf_adds(&sheet, "</sheetData></worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 1);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 1001);
	tz_buf_release(&sheet);
	tz_buf_release(&row);
	unlink(path);
	free(path);
}

/* A merged range over the whole grid with a value: filling it is capped;
 * with the columns limited it costs nothing. Too many ranges: capped. */
static void test_bomb_merges(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf sheet = TZ_BUF_INIT;
	struct tzs_rows s;

	(void)state;
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
	for (int i = 2; i <= 2000; i++)
		tz_buf_addf(&sheet, "<row r=\"%d\"><c r=\"A%d\"><v>1</v></c></row>", i, i);
	tz_buf_adds(&sheet, "</sheetData><mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"
			    "</worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "合并单元格展开后超过16777216个单元格"));
	assert_true(s.n > 1000 && s.n < 1100);
	read_all(path, &s, 3);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 2000);

	tz_buf_release(&sheet);
	sheet_begin(&sheet);
	tz_buf_adds(&sheet, "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells>");
	for (unsigned i = 0; i <= TZ_LIMIT_MERGES; i++)
		tz_buf_addf(&sheet, "<mergeCell ref=\"A%u:B%u\"/>", i + 2, i + 2);
	tz_buf_adds(&sheet, "</mergeCells></worksheet>");
	write_big(path, &sheet, NULL);
	read_all(path, &s, 0);
	assert_int_equal(s.rc, TZ_ETOOBIG);
	assert_non_null(strstr(s.err.msg, "合并单元格区域超过262144个"));
	tz_buf_release(&sheet);
	unlink(path);
	free(path);
}

/* A relationships part with more entries than any workbook has. */
static void test_bomb_relationships(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_buf rels = TZ_BUF_INIT;

	(void)state;
	rels.max = 64u * 1024 * 1024;
	tz_buf_adds(&rels, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
			   "relationships\">");
	for (unsigned i = 0; i <= TZ_LIMIT_RELS; i++)
		tz_buf_addf(&rels, "<Relationship Id=\"r%u\" Type=\"x\" Target=\"y\"/>", i);
	tz_buf_adds(&rels, "</Relationships>");
	{
		const char *const parts[] = {
			"[Content_Types].xml", content_types, "_rels/.rels", root_rels,
			"xl/workbook.xml", workbook_1904, "xl/_rels/workbook.xml.rels", rels.buf,
			NULL,
		};

		write_zip(path, parts);
	}
	tzs_refused(path, TZ_ETOOBIG, "中的关系超过65536个");
	tz_buf_release(&rels);
	unlink(path);
	free(path);
}

/* A ZIP that is not a workbook is named for what it is. */
static void test_zip_not_workbook(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	const char *const docx[] = { "[Content_Types].xml", content_types, "word/document.xml",
				     "<w:document/>", NULL };
	const char *const ods[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
				    "content.xml", "<office:document-content/>", NULL };
	const char *const xlsb[] = { "[Content_Types].xml", content_types, "xl/workbook.bin", "x",
				     NULL };

	(void)state;
	write_zip(path, docx);
	tzs_refused(path, TZ_EINVAL, "这是Word 文档（.docx），不是电子表格");
	write_zip(path, ods);
	tzs_refused(path, TZ_EINVAL, "OpenDocument 电子表格（.ods）");
	write_zip(path, xlsb);
	tzs_refused(path, TZ_EINVAL, "Excel 二进制工作簿（.xlsb）");
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_strings),
		cmocka_unit_test(test_inline_strings),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_format_rule),
		cmocka_unit_test(test_gaps_and_many_rows),
		cmocka_unit_test(test_handmade_package),
		cmocka_unit_test(test_empty_sheet),
		cmocka_unit_test(test_corrupt_files),
		cmocka_unit_test(test_broken_sheet_xml),
		cmocka_unit_test(test_hostile_xml),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_import_ledger),
		cmocka_unit_test(test_case_sheets),
		cmocka_unit_test(test_case_merged_header),
		cmocka_unit_test(test_case_kinds),
		cmocka_unit_test(test_values_behind_formats),
		cmocka_unit_test(test_merged_and_hidden),
		cmocka_unit_test(test_format_units),
		cmocka_unit_test(test_bomb_shared_strings),
		cmocka_unit_test(test_bomb_far_right),
		cmocka_unit_test(test_bomb_empty_rows),
		cmocka_unit_test(test_bomb_empty_cells),
		cmocka_unit_test(test_bomb_merges),
		cmocka_unit_test(test_bomb_relationships),
		cmocka_unit_test(test_zip_not_workbook),
	};

	return cmocka_run_group_tests_name("intake/xlsx", tests, NULL, NULL);
}
