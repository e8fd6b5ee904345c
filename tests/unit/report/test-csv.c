/*
 * test-csv.c: the CSV table writer's text cells, byte for byte: a CR, a
 * CRLF, a LF inside a text are written as they are inside the quotes
 * (walkthrough 12), quotes doubled beside them; an apostrophe only before
 * what a spreadsheet could run as a formula, never before a text that
 * merely starts with a line break (the import would keep the apostrophe
 * as part of the text). tests/t/t1244-csv-line-breaks.sh reads a bulletin
 * and an export back against the JSON.
 */
#include "tz-test.h"

#include "base/xalloc.h"
#include "report/writer.h"

/* The one data line the CSV writer makes of a single text cell `text`,
 * without its CRLF line end; caller frees. */
static char *line_of(const char *text)
{
	static const struct tz_table_column col[] = { { "存在问题", TZ_CELL_TEXT, 20 } };
	struct tz_table_writer *w = NULL;
	struct tz_cell cell = { text, 0, 0 };
	struct tz_err err;
	char *buf = NULL, *line;
	size_t len = 0, head;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	tz_err_clear(&err);
	assert_int_equal(tz_table_csv.begin(&w, fp, "t", col, 1, &err), 0);
	assert_int_equal(tz_table_csv.row(w, &cell, &err), 0);
	assert_int_equal(tz_table_csv.end(w, &err), 0);
	fclose(fp);
	/* BOM, header, CRLF; then the line and its CRLF. */
	head = strlen("\xEF\xBB\xBF存在问题\r\n");
	assert_true(len >= head + 2);
	assert_memory_equal(buf + len - 2, "\r\n", 2);
	line = tz_xstrndup(buf + head, len - head - 2);
	free(buf);
	return line;
}

static void expect(const char *text, const char *want)
{
	char *got = line_of(text);

	if (strcmp(got, want))
		fail_msg("text %s: wrote [%s], expected [%s]", text, got, want);
	free(got);
}

static void test_line_breaks_as_they_are(void **state)
{
	(void)state;
	expect("单独回车\r在中间", "\"单独回车\r在中间\"");
	expect("回车换行\r\n在中间", "\"回车换行\r\n在中间\"");
	expect("换行\n在中间", "\"换行\n在中间\"");
	expect("两个\r\r\n倒过来\n\r", "\"两个\r\r\n倒过来\n\r\"");
	expect("引号\"\r\"回车", "\"引号\"\"\r\"\"回车\"");
	expect("带,逗号\r\n", "\"带,逗号\r\n\"");
	expect("没有换行", "没有换行");
}

static void test_line_break_first(void **state)
{
	(void)state;
	/* A web form's text may start with its CRLF: no formula, no apostrophe. */
	expect("\r\n征地未完成", "\"\r\n征地未完成\"");
	expect("\r征地", "\"\r征地\"");
	expect("\n征地", "\"\n征地\"");
	expect("\t征地", "\t征地");
}

static void test_formula_like(void **state)
{
	(void)state;
	expect("=SUM(A1)\r公式", "\"'=SUM(A1)\r公式\"");
	expect("-征地", "\"'-征地\"");
	expect("+1", "\"'+1\"");
	expect("@x", "\"'@x\"");
	/* Behind a tab or CR, even past further white space. */
	expect("\t=1+1", "\"'\t=1+1\"");
	expect("\r\n=1+1", "\"'\r\n=1+1\"");
	expect("\r -1", "\"'\r -1\"");
	/* A formula character later is only text. */
	expect("征地=1", "征地=1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_breaks_as_they_are),
		cmocka_unit_test(test_line_break_first),
		cmocka_unit_test(test_formula_like),
	};

	return cmocka_run_group_tests_name("report/csv", tests, NULL, NULL);
}
