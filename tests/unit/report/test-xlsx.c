/*
 * test-xlsx.c: the XLSX writers. Tables and bulletins are written, then
 * read back with the XLSX reader (what `import` would see) and opened
 * with libzip/libxml2 to check what the reader does not see: the frozen
 * panes, number formats, document title and the combined chart.
 */
#include "tz-test.h"
#include "tz-xlsx-test.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "core/money.h"
#include "report/writer.h"
#include "bulletin-fixture.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Write a bulletin with `type` into a new temporary file. */
static char *write_bulletin(const struct tz_bulletin_writer_type *type, struct tz_bulletin *b)
{
	char *path = tzt_tmpname(".xlsx");
	FILE *fp = fopen(path, "wb");
	struct tz_err err;

	assert_non_null(fp);
	tz_err_clear(&err);
	if (type->write(b, fp, &err))
		fail_msg("write failed: %s", err.msg);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* Count the non-overlapping occurrences of `needle` in `s`. */
static size_t count(const char *s, const char *needle)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The chart part, parsed, with the "c" prefix bound for XPath. */
struct chart {
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
};

static void chart_open(struct chart *c, const char *path)
{
	char *xml = tzt_zip_part(path, "xl/charts/chart1.xml");

	assert_non_null(xml);
	c->doc = xmlReadMemory(xml, (int)strlen(xml), "chart1.xml", NULL, XML_PARSE_NONET);
	free(xml);
	assert_non_null(c->doc);
	c->xp = xmlXPathNewContext(c->doc);
	xmlXPathRegisterNs(c->xp, (const xmlChar *)"c",
			   (const xmlChar *)"http://schemas.openxmlformats.org/drawingml/2006/chart");
	xmlXPathRegisterNs(c->xp, (const xmlChar *)"a",
			   (const xmlChar *)"http://schemas.openxmlformats.org/drawingml/2006/main");
}

static char *chart_str(struct chart *c, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, c->xp);
	xmlChar *s = xmlXPathCastToString(o);
	char *out = strdup((const char *)s);

	xmlFree(s);
	xmlXPathFreeObject(o);
	return out;
}

static void chart_expect(struct chart *c, const char *expr, const char *want)
{
	char *got = chart_str(c, expr);

	if (strcmp(got, want))
		fail_msg("%s: \"%s\" != \"%s\"", expr, got, want);
	free(got);
}

static void chart_close(struct chart *c)
{
	xmlXPathFreeContext(c->xp);
	xmlFreeDoc(c->doc);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static const struct tz_table_column cols[] = {
	{ "项目编号", TZ_CELL_TEXT, 14 },
	{ "项目名称", TZ_CELL_TEXT, 30 },
	{ "总投资(万元)", TZ_CELL_MONEY, 16 },
	{ "项目数", TZ_CELL_INT, 8 },
	{ "完成率", TZ_CELL_RATE, 10 },
	{ "计划开工时间", TZ_CELL_TEXT, 12 },
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

static int write_table(const char *path, const char *title, long rows,
		       void (*fill)(long i, struct tz_cell *cells, char *buf), struct tz_err *err)
{
	const struct tz_table_writer_type *type = tz_table_writer_find("xlsx");
	struct tz_table_writer *w = NULL;
	struct tz_cell cells[NCOLS];
	char buf[64];
	FILE *fp = fopen(path, "wb");
	int rc;

	assert_ptr_equal(type, &tz_table_xlsx);
	assert_non_null(fp);
	rc = type->begin(&w, fp, title, cols, NCOLS, err);
	for (long i = 0; !rc && i < rows; i++) {
		fill(i, cells, buf);
		rc = type->row(w, cells, err);
	}
	if (w) {
		int end = type->end(w, err);
		rc = rc ? rc : end;
	}
	fclose(fp);
	return rc;
}

/* Row i of the round-trip table; money spans every magnitude. */
static int64_t money_of(long i)
{
	static const int64_t fixed[] = { 0, 1, 10, 99, 1234567, 100000000, 123456789012345 / 10,
					 TZ_MONEY_MAX - 1, TZ_MONEY_MAX };
	uint64_t x = (uint64_t)i * 6364136223846793005u + 1442695040888963407u;

	if ((size_t)i < sizeof(fixed) / sizeof(fixed[0]))
		return fixed[i];
	return (int64_t)((x >> 11) % (uint64_t)(TZ_MONEY_MAX + 1) >> (x % 40));
}

static void fill_row(long i, struct tz_cell *c, char *buf)
{
	memset(c, 0, sizeof(struct tz_cell) * NCOLS);
	snprintf(buf, 64, "P%06ld", i);
	c[0].text = buf;
	c[1].text = i == 1 ? "港口 \"A&B\" <一期>" : i == 2 ? NULL : "鲅鱼圈区项目";
	if (i == 5)  /* what XML and OOXML escaping must carry through */
		c[1].text = " a_x0041_b\x01c\td\r\ne_x005F_ ";
	c[2].value = money_of(i);
	c[3].value = i;
	c[3].blank = i == 3;
	c[4].value = (int64_t)(i % 10001);
	c[5].text = i % 2 ? "2025-12" : "0012";
}

static void test_table_round_trip(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tzt_sheet s;
	struct tz_err err;
	const long n = 3000;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(write_table(path, "项目台账", n, fill_row, &err), 0);
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, n + 1);
	assert_string_equal(s.rows[0], "1:项目编号|项目名称|总投资(万元)|项目数|完成率|计划开工时间");
	assert_string_equal(s.rows[1], "2:P000000|鲅鱼圈区项目|0|0|0|0012");
	assert_string_equal(s.rows[2], "3:P000001|港口 \"A&B\" <一期>|0.01|1|0.0001|2025-12");
	assert_string_equal(s.rows[3], "4:P000002||0.1|2|0.0002|0012");
	assert_string_equal(s.rows[4], "5:P000003|鲅鱼圈区项目|0.99||0.0003|2025-12");
	assert_string_equal(s.rows[5], "6:P000004|鲅鱼圈区项目|12345.67|4|0.0004|0012");
	assert_string_equal(s.rows[6], "7:P000005| a_x0041_b\x01c\td\r\ne_x005F_ |1000000|5|0.0005|2025-12");
	/* Every amount reads back to exactly what was written. */
	for (long i = 0; i < n; i++) {
		const char *cell = s.rows[i + 1];
		int64_t got = -1;

		for (int k = 0; k < 2; k++)
			cell = strchr(cell, '|') + 1;
		assert_int_equal(tz_money_parse(cell, strcspn(cell, "|"), &got, NULL), 0);
		if (got != money_of(i))
			fail_msg("row %ld: wrote %lld, read \"%.*s\"", i, (long long)money_of(i),
				 (int)strcspn(cell, "|"), cell);
	}
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
}

static void test_table_layout(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	char *sheet, *styles, *book, *core;
	struct tz_err err;

	(void)state;
	assert_int_equal(write_table(path, "项目[台账]:2025/12?", 10, fill_row, &err), 0);
	sheet = tzt_zip_part(path, "xl/worksheets/sheet1.xml");
	styles = tzt_zip_part(path, "xl/styles.xml");
	book = tzt_zip_part(path, "xl/workbook.xml");
	core = tzt_zip_part(path, "docProps/core.xml");
	assert_non_null(sheet);
	assert_non_null(styles);
	assert_non_null(book);
	assert_non_null(core);
	assert_non_null(strstr(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
				      "state=\"frozen\"/>"));
	assert_non_null(strstr(sheet, "<autoFilter ref=\"A1:F11\"/>"));
	assert_non_null(strstr(sheet, "<col min=\"2\" max=\"2\" width=\"30.7109375\""));
	assert_non_null(strstr(styles, "formatCode=\"#,##0.00\""));
	assert_non_null(strstr(styles, "formatCode=\"0.00%\""));
	assert_non_null(strstr(styles, "<b/>"));
	assert_non_null(strstr(book, "<sheet name=\"项目_台账__2025_12_\""));
	assert_non_null(strstr(core, "<dc:title>项目[台账]:2025/12?</dc:title>"));
	free(sheet);
	free(styles);
	free(book);
	free(core);
	unlink(path);
	free(path);
}

static void fill_huge(long i, struct tz_cell *c, char *buf)
{
	static char huge[40000];

	fill_row(i, c, buf);
	if (i == 5) {
		memset(huge, 'x', sizeof(huge) - 1);
		c[1].text = huge;
	}
}

static void test_table_error(void **state)
{
	char *path = tzt_tmpname(".xlsx");
	struct tz_err err;
	FILE *fp;
	long size;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(write_table(path, "t", 10, fill_huge, &err), TZ_ETOOBIG);
	assert_non_null(strstr(err.msg, "32767"));
	fp = fopen(path, "rb");
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fclose(fp);
	assert_int_equal(size, 0);  /* nothing half-written */
	unlink(path);
	free(path);
}

/* ------------------------------------------------------------------ */
/* Bulletins                                                           */

static void test_bulletin_cells(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	struct tzt_sheet s;

	(void)state;
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 8);
	assert_string_equal(s.rows[0], "1:2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_string_equal(s.rows[1], "2:调度期：2025-06　序时进度：50.00%　全市投资完成率：56.19%");
	assert_string_equal(s.rows[2], "3:排名|所属地区|项目数|总投资(万元)|年度计划投资(万元)|"
			    "累计完成投资(万元)|投资完成率|开工项目数|开工率|低于全市平均|序时进度");
	assert_string_equal(s.rows[3], "4:1|鲅鱼圈区|2|66666.66|22222.22|20000|0.9|2|1||0.5");
	assert_string_equal(s.rows[4], "5:2|\"&'|1|6000|2000|1000|0.5|1|1|是|0.5");
	assert_string_equal(s.rows[5], "6:3|" FIX_HOSTILE "|1|3000|1000|100|0.1|1|1|是|0.5");
	assert_string_equal(s.rows[6], "7:3|" FIX_LONG "|150|45000|15000|1500|0.1|150|1|是|0.5");
	assert_string_equal(s.rows[7], "8:|合计|154|120666.66|40222.22|22600|0.5619|154|1||0.5");
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

static void test_bulletin_layout(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	char *sheet = tzt_zip_part(path, "xl/worksheets/sheet1.xml");
	char *lag = tzt_zip_part(path, "xl/worksheets/sheet2.xml");
	char *book = tzt_zip_part(path, "xl/workbook.xml");
	char *styles = tzt_zip_part(path, "xl/styles.xml");
	char *core = tzt_zip_part(path, "docProps/core.xml");

	(void)state;
	assert_non_null(sheet && lag && book && styles && core);
	assert_non_null(strstr(book, "<sheet name=\"通报\" sheetId=\"1\""));
	assert_non_null(strstr(book, "<sheet name=\"滞后项目\" sheetId=\"2\""));
	/* Frozen below the header (row 3), a drawing for the chart. */
	assert_non_null(strstr(sheet, "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" "
				      "state=\"frozen\"/>"));
	assert_non_null(strstr(sheet, "<drawing r:id=\"rId1\"/>"));
	assert_non_null(strstr(sheet, "<mergeCell ref=\"A1:K1\"/>"));
	assert_non_null(strstr(styles, "formatCode=\"#,##0.00\""));
	assert_non_null(strstr(styles, "formatCode=\"0.00%\""));
	assert_non_null(strstr(core, "<dc:title>2025年1-6月重点项目建设情况通报（按所属地区）</dc:title>"));
	/* The lagging sheet: header plus all 151 projects, frozen. */
	assert_int_equal(count(lag, "<row "), 1 + FIX_LONG_N + 1);
	assert_non_null(strstr(lag, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
				    "state=\"frozen\"/>"));
	free(sheet);
	free(lag);
	free(book);
	free(styles);
	free(core);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

static void test_bulletin_chart(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	struct chart c;

	(void)state;
	chart_open(&c, path);
	chart_expect(&c, "string(//c:title//a:t)", "各所属地区投资完成率与序时进度");
	/* Columns: completion rate per group. */
	chart_expect(&c, "count(//c:barChart/c:ser)", "1");
	chart_expect(&c, "string(//c:barChart/c:barDir/@val)", "col");
	chart_expect(&c, "string(//c:barChart/c:ser/c:tx)", "投资完成率");
	chart_expect(&c, "string(//c:barChart/c:ser/c:cat//c:f)", "'通报'!$B$4:$B$7");
	chart_expect(&c, "string(//c:barChart/c:ser/c:val//c:f)", "'通报'!$G$4:$G$7");
	/* A line on the same axes: the schedule. */
	chart_expect(&c, "count(//c:lineChart/c:ser)", "1");
	chart_expect(&c, "string(//c:lineChart/c:ser/c:tx)", "序时进度");
	chart_expect(&c, "string(//c:lineChart/c:ser/c:val//c:f)", "'通报'!$K$4:$K$7");
	chart_expect(&c, "string(//c:lineChart/c:ser/c:marker/c:symbol/@val)", "none");
	chart_expect(&c, "count(//c:lineChart/c:axId)", "2");
	chart_expect(&c, "string(//c:lineChart/c:axId[1]/@val = //c:barChart/c:axId[1]/@val and "
			 "//c:lineChart/c:axId[2]/@val = //c:barChart/c:axId[2]/@val)", "true");
	/* Axis titles and a percent scale. */
	chart_expect(&c, "string(//c:catAx/c:title//a:t)", "所属地区");
	chart_expect(&c, "string(//c:valAx/c:title//a:t)", "完成率");
	chart_expect(&c, "string(//c:valAx/c:numFmt/@formatCode)", "0%");
	chart_close(&c);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

static void test_bulletin_small(void **state)
{
	struct tz_period p = { 2025, 12 };
	struct tz_bulletin *empty = tz_bulletin_new(p, TZ_BY_LEVEL);
	struct tz_bulletin *one = tz_bulletin_new(p, TZ_BY_LEVEL);
	struct tz_bulletin_row row = { "P1", "项目", "营口", "省重点", 500, 100, 100, 1 };
	char *path, *xml;
	struct tzt_sheet s;
	struct chart c;

	(void)state;
	tz_bulletin_finish(empty);
	path = write_bulletin(&tz_bulletin_xlsx, empty);
	xml = tzt_zip_part(path, "xl/charts/chart1.xml");
	assert_null(xml);  /* no groups, no chart */
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	assert_string_equal(s.rows[s.n - 1], "4:|合计|0|0|0|0|0|0|0||1");
	tzt_sheet_free(&s);
	xml = tzt_zip_part(path, "xl/sharedStrings.xml");
	assert_non_null(strstr(xml, "本期没有进度滞后的项目"));
	free(xml);
	unlink(path);
	free(path);

	tz_bulletin_add(one, &row);
	tz_bulletin_finish(one);
	path = write_bulletin(&tz_bulletin_xlsx, one);
	chart_open(&c, path);
	/* One point only: the schedule is drawn as a marker. */
	chart_expect(&c, "string(//c:lineChart/c:ser/c:marker/c:symbol/@val)", "dash");
	chart_expect(&c, "string(//c:catAx/c:title//a:t)", "项目级别");
	chart_close(&c);
	unlink(path);
	free(path);
	tz_bulletin_free(empty);
	tz_bulletin_free(one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_round_trip),
		cmocka_unit_test(test_table_layout),
		cmocka_unit_test(test_table_error),
		cmocka_unit_test(test_bulletin_cells),
		cmocka_unit_test(test_bulletin_layout),
		cmocka_unit_test(test_bulletin_chart),
		cmocka_unit_test(test_bulletin_small),
	};

	return cmocka_run_group_tests_name("report/xlsx", tests, NULL, NULL);
}
