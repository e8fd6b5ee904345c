/*
 * test-xlsx.c: the XLSX writers. Tables and bulletins are written, then
 * read back with the XLSX reader (what `import` would see) and opened
 * with libzip/libxml2 to check what the reader does not see: the frozen
 * panes, number formats, document title, the bulletin's print setup
 * (A4 landscape, one page wide, repeated header, page header and footer),
 * its sheets and units, and the combined chart.
 */
#include "tz-test.h"
#include "tz-xlsx-test.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "core/money.h"
#include "report/summary.h"
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
	static const int64_t fixed[] = { 0, 1, 10, 99, 1234567, 100000000, 12345678901,
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

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* A package part parsed, with "s" bound to the spreadsheet namespace. */
struct part {
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
};

static void part_open(struct part *p, const char *path, const char *name)
{
	char *xml = tzt_zip_part(path, name);

	if (!xml)
		fail_msg("no part %s", name);
	p->doc = xmlReadMemory(xml, (int)strlen(xml), name, NULL, XML_PARSE_NONET);
	free(xml);
	assert_non_null(p->doc);
	p->xp = xmlXPathNewContext(p->doc);
	xmlXPathRegisterNs(p->xp, (const xmlChar *)"s", (const xmlChar *)NS_MAIN);
}

static void part_close(struct part *p)
{
	xmlXPathFreeContext(p->xp);
	xmlFreeDoc(p->doc);
}

/* The string value of an XPath expression in the part; caller frees. */
static char *part_str(struct part *p, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	xmlChar *v;
	char *out;

	if (!o)
		fail_msg("bad XPath %s", expr);
	v = xmlXPathCastToString(o);
	out = strdup((const char *)v);
	xmlFree(v);
	xmlXPathFreeObject(o);
	return out;
}

static void part_expect(struct part *p, const char *expr, const char *want)
{
	char *got = part_str(p, expr);

	if (strcmp(got, want))
		fail_msg("%s: \"%s\" != \"%s\"", expr, got, want);
	free(got);
}

/* The text a reader sees in cell `ref` of worksheet part `sheet` (shared
 * strings resolved, numbers as stored, "" when empty); caller frees. */
static char *cell_text(const char *path, const char *sheet, const char *ref)
{
	struct part ws, sst;
	char expr[160], *type, *v;

	part_open(&ws, path, sheet);
	snprintf(expr, sizeof(expr), "string(//s:c[@r='%s']/@t)", ref);
	type = part_str(&ws, expr);
	snprintf(expr, sizeof(expr), "string(//s:c[@r='%s']/s:v)", ref);
	v = part_str(&ws, expr);
	part_close(&ws);
	if (strcmp(type, "s")) {
		free(type);
		return v;
	}
	part_open(&sst, path, "xl/sharedStrings.xml");
	snprintf(expr, sizeof(expr), "string(//s:si[%d])", atoi(v) + 1);
	free(v);
	free(type);
	v = part_str(&sst, expr);
	part_close(&sst);
	return v;
}

static void cell_expect(const char *path, const char *sheet, const char *ref, const char *want)
{
	char *got = cell_text(path, sheet, ref);

	if (strcmp(got, want))
		fail_msg("%s!%s: \"%s\" != \"%s\"", sheet, ref, got, want);
	free(got);
}

#define SUMMARY_PART "xl/worksheets/sheet1.xml"
#define LAG_PART "xl/worksheets/sheet2.xml"
#define MISSING_PART "xl/worksheets/sheet3.xml"
#define DATA_PART "xl/worksheets/sheet4.xml"
#define CHARTSHEET_PART "xl/chartsheets/sheet1.xml"

/*
 * The 通报 sheet as a reader sees it: title, 调度期, header, groups in 亿元
 * with two decimals (6666666 units are 6.67 亿元), rank changes, 合计, and
 * the opening paragraphs under the table. No 序时进度 column.
 */
static void test_bulletin_cells(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	struct tz_buf text = TZ_BUF_INIT;
	struct tzt_sheet s;
	char row[1024], *para;

	(void)state;
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 11);
	assert_string_equal(s.rows[0], "1:2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_string_equal(s.rows[1], "2:调度期：2025-06　序时进度：50.00%　全市投资完成率：56.19%"
				       "　金额单位：亿元（四舍五入，分项之和与合计可能有尾差）");
	assert_string_equal(s.rows[2], "3:排名|较上月|所属地区|项目数|总投资(亿元)|年度计划投资(亿元)|"
			    "累计完成投资(亿元)|投资完成率|开工项目数|开工率|已报送|未报送|低于全市平均");
	assert_string_equal(s.rows[3], "4:1|0|鲅鱼圈区|2|6.67|2.22|2|0.9|2|1|2|0");
	assert_string_equal(s.rows[4], "5:2|0|\"&'|1|0.6|0.2|0.1|0.5|1|1|1|0|是");
	assert_string_equal(s.rows[5], "6:3|0|" FIX_HOSTILE "|1|0.3|0.1|0.01|0.1|1|1|1|0|是");
	assert_string_equal(s.rows[6], "7:3|0|" FIX_LONG "|150|4.5|1.5|0.15|0.1|150|1|150|0|是");
	assert_string_equal(s.rows[7], "8:||合计|154|12.07|4.02|2.26|0.5619|154|1|154|0");
	/* The paragraphs, one merged row each, after a blank row. */
	assert_int_equal(tz_bulletin_summary(b, &text), 0);
	para = text.buf;
	for (int i = 0; i < 3; i++) {
		char *nl = strchr(para, '\n');

		if (nl)
			*nl = '\0';
		snprintf(row, sizeof(row), "%d:%s", 10 + i, para); /* a merged row: its first cell */
		assert_string_equal(s.rows[8 + i], row);
		para = nl ? nl + 1 : para + strlen(para);
	}
	assert_int_equal(*para, '\0');
	tz_buf_release(&text);
	tzt_sheet_free(&s);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/* Ranks that moved (↑2, ↓1), and a group without a plan: no rank, no
 * rate, blank rather than 0 %. */
static void test_bulletin_moves(void **state)
{
	struct tz_bulletin *b = fix_moves();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	struct tzt_sheet s;

	(void)state;
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	/* 丁区's 8.00 万元 without a plan add the column (0.00 亿元). */
	assert_string_equal(s.rows[2], "3:排名|较上月|所属地区|项目数|总投资(亿元)|年度计划投资(亿元)|"
			    "累计完成投资(亿元)|投资完成率|开工项目数|开工率|已报送|未报送|低于全市平均|"
			    "未安排计划项目完成投资(亿元)");
	assert_string_equal(s.rows[3], "4:1|↑2|甲区|1|0.02|0.01|0.01|0.9|1|1|1|0||0");
	assert_string_equal(s.rows[4], "5:2|↓1|丙区|1|0.02|0.01|0.01|0.8943|1|1|1|0||0");
	assert_string_equal(s.rows[5], "6:3|↓1|乙区|2|0.04|0.02|0.01|0.4444|1|0.5|1|1|是|0");
	assert_string_equal(s.rows[6], "7:|—|丁区|2|0|0|0||1|0.5|1|1||0");
	assert_string_equal(s.rows[7], "8:||合计|6|0.09|0.04|0.03|0.6708|4|0.6667|4|2||0");
	tzt_sheet_free(&s);
	/* The cells hold what they show: 0.09, not 0.0904. */
	cell_expect(path, SUMMARY_PART, "E8", "0.09");
	/* The 未报送 sheet: both missing projects, in the groups' order. */
	cell_expect(path, MISSING_PART, "A1", "2025年1-11月重点项目建设情况通报（按所属地区）");
	cell_expect(path, MISSING_PART, "A2", "调度期：2025-11　应报送而未报送调度数据的项目2个（按所属地区排列）");
	cell_expect(path, MISSING_PART, "C3", "项目名称");
	cell_expect(path, MISSING_PART, "B4", "M3");
	cell_expect(path, MISSING_PART, "D4", "乙区");
	cell_expect(path, MISSING_PART, "B5", "M5");
	cell_expect(path, MISSING_PART, "D5", "丁区");
	cell_expect(path, MISSING_PART, "B6", "");
	/* Grouped by region: no extra group column. */
	cell_expect(path, MISSING_PART, "G3", "");
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/*
 * Printing: every visible sheet on A4 (paper 9) landscape, one page wide
 * (fitToPage, fitToHeight 0 and fitToWidth absent, i.e. 1), the header
 * row repeated (a Print_Titles name per sheet), the title and 调度期 in
 * the page header and page numbers in the footer; the chart's sheet too.
 */
static void test_bulletin_print(void **state)
{
	static const char *const sheets[] = { SUMMARY_PART, LAG_PART, MISSING_PART };
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	struct part p;

	(void)state;
	part_open(&p, path, "xl/workbook.xml");
	part_expect(&p, "count(//s:sheet)", "5");
	part_expect(&p, "string(//s:sheet[1]/@name)", "通报");
	part_expect(&p, "string(//s:sheet[2]/@name)", "图表");
	part_expect(&p, "string(//s:sheet[3]/@name)", "滞后项目");
	part_expect(&p, "string(//s:sheet[4]/@name)", "未报送项目");
	part_expect(&p, "string(//s:sheet[5]/@name)", "图表数据");
	part_expect(&p, "count(//s:sheet[@state='hidden'])", "1");
	part_expect(&p, "string(//s:sheet[5]/@state)", "hidden");
	part_expect(&p, "count(//s:definedName[@name='_xlnm.Print_Titles'])", "3");
	part_expect(&p, "string(//s:definedName[@name='_xlnm.Print_Titles'][@localSheetId='0'])",
		    "'通报'!$3:$3");
	part_expect(&p, "string(//s:definedName[@name='_xlnm.Print_Titles'][@localSheetId='2'])",
		    "'滞后项目'!$3:$3");
	part_expect(&p, "string(//s:definedName[@name='_xlnm.Print_Titles'][@localSheetId='3'])",
		    "'未报送项目'!$3:$3");
	part_close(&p);
	for (size_t i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
		part_open(&p, path, sheets[i]);
		part_expect(&p, "string(//s:pageSetup/@paperSize)", "9");
		part_expect(&p, "string(//s:pageSetup/@orientation)", "landscape");
		part_expect(&p, "string(//s:sheetPr/s:pageSetUpPr/@fitToPage)", "1");
		part_expect(&p, "string(//s:pageSetup/@fitToHeight)", "0");
		part_expect(&p, "string(//s:pageSetup/@fitToWidth)", "");
		part_expect(&p, "string(//s:pane/@ySplit)", "3");
		part_expect(&p, "string(//s:oddHeader)",
			    "&L调度期：2025-06&C&B2025年1-6月重点项目建设情况通报（按所属地区）&B"
			    "&R序时进度：50.00%");
		part_expect(&p, "string(//s:oddFooter)", "&C第 &P 页 共 &N 页");
		/* The title and the 调度期 line above the table. */
		part_expect(&p, "string(//s:mergeCell[1]/@ref)",
			    i == 0 ? "A1:M1" : i == 1 ? "A1:J1" : "A1:F1");
		part_expect(&p, "string(//s:row[@r='3']/@ht)", "30");
		part_close(&p);
	}
	cell_expect(path, LAG_PART, "A1", "2025年1-6月重点项目建设情况通报（按所属地区）");
	part_open(&p, path, CHARTSHEET_PART);
	part_expect(&p, "string(//s:pageSetup/@paperSize)", "9");
	part_expect(&p, "string(//s:pageSetup/@orientation)", "landscape");
	part_expect(&p, "string(//s:oddFooter)", "&C第 &P 页 共 &N 页");
	part_close(&p);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/*
 * Units: 亿元 in the summary, 万元 kept in the detail sheets; the helper
 * series is on the hidden sheet and nowhere on the summary sheet.
 */
static void test_bulletin_units(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_bulletin(&tz_bulletin_xlsx, b);
	char *lag = tzt_zip_part(path, LAG_PART);
	char *styles = tzt_zip_part(path, "xl/styles.xml");
	char *core = tzt_zip_part(path, "docProps/core.xml");
	struct part p;

	(void)state;
	assert_non_null(lag && styles && core);
	cell_expect(path, SUMMARY_PART, "F3", "年度计划投资(亿元)");
	cell_expect(path, SUMMARY_PART, "F4", "2.22");
	/* Lagging list, worst first (ties by code): L0000 plans 100.00 万元. */
	cell_expect(path, LAG_PART, "A2", "调度期：2025-06　序时进度：50.00%　进度滞后项目151个（完成比例"
					   "落后序时进度10个百分点以上，按完成比例从低到高排列）　金额单位：万元");
	cell_expect(path, LAG_PART, "E3", "年度计划投资(万元)");
	cell_expect(path, LAG_PART, "B4", "L0000");
	cell_expect(path, LAG_PART, "E4", "100");
	cell_expect(path, LAG_PART, "F4", "10");
	cell_expect(path, LAG_PART, "H4", "王<b>某");
	cell_expect(path, LAG_PART, "I4", "市交通运输局");
	cell_expect(path, LAG_PART, "J4", "用地“指标”未落实&");
	cell_expect(path, LAG_PART, "B154", "P004");
	cell_expect(path, LAG_PART, "E154", "1000");
	assert_int_equal(count(lag, "<row "), 3 + FIX_LONG_N + 1);
	/* Nobody missing: the sheet says so. */
	cell_expect(path, MISSING_PART, "A4", "本期应报送的项目均已报送");
	assert_non_null(strstr(styles, "formatCode=\"#,##0.00\""));
	assert_non_null(strstr(styles, "formatCode=\"0.00%\""));
	assert_non_null(strstr(core, "<dc:title>2025年1-6月重点项目建设情况通报（按所属地区）</dc:title>"));
	/* The summary has 13 columns (A:M) and no schedule column. */
	part_open(&p, path, SUMMARY_PART);
	part_expect(&p, "string(//s:dimension/@ref)", "A1:M12");
	part_expect(&p, "count(//s:c[starts-with(@r,'N')])", "0");
	part_close(&p);
	/* The hidden sheet: one schedule cell per group. */
	cell_expect(path, DATA_PART, "C1", "序时进度");
	cell_expect(path, DATA_PART, "A2", "鲅鱼圈区");
	cell_expect(path, DATA_PART, "C2", "0.5");
	cell_expect(path, DATA_PART, "C5", "0.5");
	cell_expect(path, DATA_PART, "C6", "");
	free(lag);
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
	chart_expect(&c, "string(//c:title//a:t)", "2025年1-6月各所属地区投资完成率与序时进度");
	/* Columns: completion rate per group, from the summary sheet. */
	chart_expect(&c, "count(//c:barChart/c:ser)", "1");
	chart_expect(&c, "string(//c:barChart/c:barDir/@val)", "col");
	chart_expect(&c, "string(//c:barChart/c:ser/c:tx)", "投资完成率");
	chart_expect(&c, "string(//c:barChart/c:ser/c:cat//c:f)", "'通报'!$C$4:$C$7");
	chart_expect(&c, "string(//c:barChart/c:ser/c:val//c:f)", "'通报'!$H$4:$H$7");
	/* A line on the same axes: the schedule, from the hidden sheet. */
	chart_expect(&c, "count(//c:lineChart/c:ser)", "1");
	chart_expect(&c, "string(//c:lineChart/c:ser/c:tx)", "序时进度");
	chart_expect(&c, "string(//c:lineChart/c:ser/c:val//c:f)", "'图表数据'!$C$2:$C$5");
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
	struct tz_bulletin_row row = { .code = "P1", .name = "项目", .region = "营口",
				       .key = "省重点", .total = 500, .has_plan = 1, .annual = 100,
				       .ytd = 100, .started = 1, .reported = 1, .expected = 1 };
	char *path, *xml;
	struct tzt_sheet s;
	struct chart c;

	(void)state;
	/* Refused by finish (nobody reported), but a writer given it anyway
	 * must not crash. */
	assert_int_equal(tz_bulletin_finish(empty, NULL), TZ_ENOTFOUND);
	path = write_bulletin(&tz_bulletin_xlsx, empty);
	xml = tzt_zip_part(path, "xl/charts/chart1.xml");
	assert_null(xml);  /* no groups, no chart */
	xml = tzt_zip_part(path, CHARTSHEET_PART);
	assert_null(xml);
	tzt_sheet_read(path, &s);
	assert_int_equal(s.rc, 0);
	assert_string_equal(s.rows[3], "4:||合计|0|0|0|0||0|0|0|0");
	tzt_sheet_free(&s);
	xml = tzt_zip_part(path, "xl/sharedStrings.xml");
	assert_non_null(strstr(xml, "本期没有进度滞后的项目"));
	free(xml);
	unlink(path);
	free(path);

	tz_bulletin_add(one, &row);
	assert_int_equal(tz_bulletin_finish(one, NULL), 0);
	path = write_bulletin(&tz_bulletin_xlsx, one);
	chart_open(&c, path);
	/* One point only: the schedule is drawn as a marker. */
	chart_expect(&c, "string(//c:lineChart/c:ser/c:marker/c:symbol/@val)", "dash");
	chart_expect(&c, "string(//c:catAx/c:title//a:t)", "项目级别");
	chart_close(&c);
	/* Grouped by level, the 未报送 sheet names each project's level. */
	cell_expect(path, MISSING_PART, "G3", "项目级别");
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
		cmocka_unit_test(test_bulletin_moves),
		cmocka_unit_test(test_bulletin_print),
		cmocka_unit_test(test_bulletin_units),
		cmocka_unit_test(test_bulletin_chart),
		cmocka_unit_test(test_bulletin_small),
	};

	return cmocka_run_group_tests_name("report/xlsx", tests, NULL, NULL);
}
