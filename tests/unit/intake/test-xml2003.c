/*
 * test-xml2003.c: the XML Spreadsheet 2003 reader, on the handed case
 * and on documents written here: hidden and visible worksheets, styles
 * with number formats (named and coded), ss:Index gaps in rows and
 * cells, MergeAcross / MergeDown, every Data type, rich text, comments,
 * formulas without data, hidden rows, the 1904 date system, and broken
 * or hostile documents.
 */
#include "tz-test.h"
#include "tz-sheet-test.h"

static char *dir;

static int setup(void **state)
{
	(void)state;
	dir = tz_test_tmpdir();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tz_test_rmtree(dir);
	dir = NULL;
	return 0;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n" \
	     "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" " \
	     "xmlns:o=\"urn:schemas-microsoft-com:office:office\" " \
	     "xmlns:x=\"urn:schemas-microsoft-com:office:excel\" " \
	     "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\" " \
	     "xmlns:html=\"http://www.w3.org/TR/REC-html40\">\n"

static const char book[] = HEAD
	" <ExcelWorkbook xmlns=\"urn:schemas-microsoft-com:office:excel\"><WindowHeight>9000</WindowHeight>"
	"</ExcelWorkbook>\n"
	" <Styles>\n"
	"  <Style ss:ID=\"Default\" ss:Name=\"Normal\"><Alignment ss:Vertical=\"Center\"/></Style>\n"
	"  <Style ss:ID=\"s21\"><NumberFormat ss:Format=\"0.00\"/></Style>\n"
	"  <Style ss:ID=\"s22\"><NumberFormat ss:Format=\"Percent\"/></Style>\n"
	"  <Style ss:ID=\"s23\"><NumberFormat ss:Format=\"Short Date\"/></Style>\n"
	"  <Style ss:ID=\"s24\" ss:Parent=\"s21\"><Font ss:Bold=\"1\"/></Style>\n"
	"  <Style ss:ID=\"s25\"><NumberFormat ss:Format=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></Style>\n"
	" </Styles>\n"
	" <Worksheet ss:Name=\"说明\">\n  <Table><Row><Cell><Data ss:Type=\"String\">填报说明</Data></Cell></Row></Table>\n"
	"  <WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\"><Visible>SheetHidden</Visible>"
	"</WorksheetOptions>\n </Worksheet>\n"
	" <Worksheet ss:Name=\"台账\">\n  <Table ss:ExpandedColumnCount=\"6\">\n"
	"   <Column ss:Width=\"80\"/>\n"
	"   <Row><Cell ss:MergeAcross=\"2\"><Data ss:Type=\"String\">2025年台账</Data></Cell></Row>\n"
	"   <Row ss:Index=\"3\"><Cell><Data ss:Type=\"String\">项目编号</Data></Cell>"
	"<Cell><Data ss:Type=\"String\">所属地区</Data></Cell><Cell ss:Index=\"4\">"
	"<Data ss:Type=\"String\">总投资</Data></Cell><Cell><Data ss:Type=\"String\">完成率</Data></Cell>"
	"<Cell><Data ss:Type=\"String\">开工</Data></Cell><Cell><Data ss:Type=\"String\">月份</Data></Cell></Row>\n"
	"   <Row><Cell><Data ss:Type=\"String\">P1</Data></Cell>"
	"<Cell ss:MergeDown=\"1\"><Data ss:Type=\"String\">甲县</Data></Cell>"
	"<Cell ss:Index=\"4\" ss:StyleID=\"s21\"><Data ss:Type=\"Number\">2025.1</Data></Cell>"
	"<Cell ss:StyleID=\"s22\"><Data ss:Type=\"Number\">0.125</Data></Cell>"
	"<Cell ss:StyleID=\"s23\"><Data ss:Type=\"DateTime\">2025-03-01T00:00:00.000</Data></Cell>"
	"<Cell ss:StyleID=\"s25\"><Data ss:Type=\"Number\">45717</Data></Cell></Row>\n"
	"   <Row ss:Hidden=\"1\"><Cell><Data ss:Type=\"String\">P2</Data><Comment ss:Author=\"x\">"
	"<ss:Data xmlns=\"http://www.w3.org/TR/REC-html40\"><B>批注</B></ss:Data></Comment></Cell>"
	"<Cell ss:Index=\"4\" ss:StyleID=\"s24\"><Data ss:Type=\"Number\">1234.5</Data></Cell>"
	"<Cell><Data ss:Type=\"Boolean\">1</Data></Cell><Cell><Data ss:Type=\"Error\">#N/A</Data></Cell>"
	"<Cell ss:Formula=\"=D5*2\"/></Row>\n"
	"   <Row><Cell><ss:Data ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\">"
	"<Font html:Color=\"#FF0000\">富</Font>文本</ss:Data></Cell>"
	"<Cell><Data ss:Type=\"Number\">1234.5600000000001</Data></Cell></Row>\n"
	"  </Table>\n </Worksheet>\n"
	" <Worksheet ss:Name=\"空\"/>\n"
	"</Workbook>\n";

static void test_book(void **state)
{
	char *path = tz_test_write(dir, "book.xls", book);
	struct tz_reader *r = tzs_open(path, NULL);
	struct tzs_rows s;
	struct tz_err err;
	static const char *const want[] = {
		"1:2025年台账[m]|2025年台账[c]|2025年台账[c]",
		"3:项目编号|所属地区||总投资|完成率|开工|月份",
		"4:P1|甲县[m]||2025.10{n}|12.50%{n}|2025-03-01{d}|2025-03{d}",
		"5 h:P2|甲县[c]||1234.50{n}|TRUE{b}|#N/A{e}|{f}",
		"6:富文本|1234.56{n}",
		NULL,
	};

	(void)state;
	assert_string_equal(tz_reader_format(r), "Excel 2003 XML 表格");
	assert_int_equal(tz_reader_sheet_count(r), 3);
	assert_int_equal(tz_reader_sheet_info(r, 0)->state, TZ_SHEET_HIDDEN);
	assert_int_equal(tz_reader_sheet_info(r, 1)->state, TZ_SHEET_VISIBLE);
	assert_string_equal(tz_reader_sheet_name(r), "台账");
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 0, &err), 0);
	tzs_read(r, &s, 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0], "1:填报说明");
	tzs_rows_free(&s);
	assert_int_equal(tz_reader_select_sheet(r, 2, &err), 0);
	tzs_read(r, &s, 0);
	/* TZ_ENOTFOUND: no header here (audit 10, S2). */
	assert_int_equal(s.rc, TZ_ENOTFOUND);
	assert_string_equal(s.err.msg, "工作表“空”为空");
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

static void test_case(void **state)
{
	char *path = tzs_data("cases/a09-ledger-xml2003.xls");
	struct tz_reader *r = tzs_open(path, NULL);
	struct tzs_rows s;
	static const char *const want[] = {
		"1:项目编号|项目名称|所属地区|总投资(万元)|年度计划投资(万元)",
		"2:XM2025081|北海新区路网|北海新区|16000{n}|6000{n}",
		NULL,
	};

	(void)state;
	assert_string_equal(tz_reader_sheet_name(r), "项目台账");
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

static void test_1904_and_order(void **state)
{
	char *path;
	struct tz_reader *r;
	struct tzs_rows s;

	(void)state;
	path = tz_test_write(dir, "d.xml", HEAD
		"<ExcelWorkbook xmlns=\"urn:schemas-microsoft-com:office:excel\"><Date1904/></ExcelWorkbook>"
		"<Styles><Style ss:ID=\"d\"><NumberFormat ss:Format=\"yyyy-mm-dd\"/></Style></Styles>"
		"<Worksheet ss:Name=\"S\"><Table><Row><Cell ss:StyleID=\"d\"><Data ss:Type=\"Number\">0</Data>"
		"</Cell></Row><Row ss:Index=\"1\"><Cell><Data ss:Type=\"String\">x</Data></Cell></Row>"
		"</Table></Worksheet></Workbook>");
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 1);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0], "1:1904-01-01{d}");
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "第1行重复或顺序错乱"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

static void test_broken(void **state)
{
	char *path;
	struct tz_reader *r;
	struct tzs_rows s;
	struct tz_err err;

	(void)state;
	/* A DOCTYPE with entities: refused before anything is expanded. */
	path = tz_test_write(dir, "dt.xls", "<?xml version=\"1.0\"?><!DOCTYPE Workbook [<!ENTITY a \"aaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
		"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"S\" "
		"xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Table><Row><Cell><Data>&b;</Data>"
		"</Cell></Row></Table></Worksheet></Workbook>");
	tzs_refused(path, TZ_EINVAL, "DOCTYPE");
	free(path);
	/* Cut in the middle: the rows before, then an error naming a row. */
	path = tz_test_write(dir, "cut.xls", HEAD "<Worksheet ss:Name=\"S\"><Table>"
		"<Row><Cell><Data ss:Type=\"String\">a</Data></Cell></Row>"
		"<Row><Cell><Data ss:Type=\"String\">b</Da");
	tz_err_clear(&err);
	assert_int_equal(tz_reader_open(&r, path, &err), TZ_EINVAL);
	assert_non_null(strstr(err.msg, "不是有效的XML表格文件"));
	free(path);
	/* A far column index is refused, not allocated. */
	path = tz_test_write(dir, "far.xls", HEAD "<Worksheet ss:Name=\"S\"><Table>"
		"<Row><Cell ss:Index=\"99999\"><Data ss:Type=\"String\">a</Data></Cell></Row>"
		"</Table></Worksheet></Workbook>");
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "超出16384列"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_book, setup, teardown),
		cmocka_unit_test(test_case),
		cmocka_unit_test_setup_teardown(test_1904_and_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken, setup, teardown),
	};

	return cmocka_run_group_tests_name("intake/xml2003", tests, NULL, NULL);
}
