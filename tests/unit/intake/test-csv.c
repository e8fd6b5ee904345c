/* test-csv.c: the CSV reader: encodings, quoting, line numbers, limits. */
#include "tz-test.h"

#include <iconv.h>

#include "base/buf.h"
#include "base/limits.h"
#include "intake/reader.h"

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

static struct tz_reader *open_text(const char *name, const char *text)
{
	struct tz_reader *r = NULL;
	char *path = tz_test_write(dir, name, text);

	assert_int_equal(tz_reader_open(&r, path, NULL), 0);
	free(path);
	return r;
}

static void expect_row(struct tz_reader *r, long line, size_t n, const char *const *cells)
{
	struct tz_row row;

	assert_int_equal(tz_reader_next(r, &row, NULL), 1);
	assert_int_equal(row.line, line);
	assert_int_equal(row.ncells, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(row.cells[i], cells[i]);
		assert_int_equal(row.lens[i], strlen(cells[i]));
	}
}

static void test_quotes_newlines_and_line_numbers(void **state)
{
	struct tz_reader *r;
	struct tz_row row;

	(void)state;
	r = open_text("q.csv", "a,b,c\r\n"
			       "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
			       "\r\n"
			       "1,,3\n"
			       "last,row,no-newline");
	expect_row(r, 1, 3, (const char *[]){ "a", "b", "c" });
	expect_row(r, 2, 3, (const char *[]){ "x, y", "say \"hi\"", "two\nlines" });
	/* The record spanning lines 2-3 and the blank line 4 are skipped. */
	expect_row(r, 5, 3, (const char *[]){ "1", "", "3" });
	expect_row(r, 6, 3, (const char *[]){ "last", "row", "no-newline" });
	assert_int_equal(tz_reader_next(r, &row, NULL), 0);
	tz_reader_close(r);
}

static void test_bom_is_dropped(void **state)
{
	struct tz_reader *r;

	(void)state;
	r = open_text("bom.csv", "\xEF\xBB\xBF项目编号,项目名称\n甲,乙\n");
	expect_row(r, 1, 2, (const char *[]){ "项目编号", "项目名称" });
	expect_row(r, 2, 2, (const char *[]){ "甲", "乙" });
	tz_reader_close(r);
}

/* UTF-8 text converted to GBK by iconv, for writing GBK fixtures. */
static char *to_gbk(const char *utf8)
{
	iconv_t cd = iconv_open("GBK", "UTF-8");
	size_t inleft = strlen(utf8), outleft = inleft * 2 + 1;
	char *out = calloc(1, outleft + 1), *in = (char *)utf8, *o = out;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	return out;
}

static void test_gbk_after_long_ascii_prefix(void **state)
{
	struct tz_buf text = TZ_BUF_INIT;
	struct tz_reader *r;
	struct tz_row row;
	char *gbk = to_gbk("项目编号,所属地区\nP1,鲅鱼圈区\n");
	long lines = 0;

	(void)state;
	text.max = 4 * 1024 * 1024;
	/* 100 KB of ASCII rows first, so the encoding is decided late. */
	for (int i = 0; i < 5000; i++)
		tz_buf_addf(&text, "code%05d,ascii\n", i);
	tz_buf_adds(&text, gbk);
	r = open_text("gbk.csv", text.buf);
	while (tz_reader_next(r, &row, NULL) == 1)
		lines = row.line;
	assert_int_equal(lines, 5002);
	tz_reader_close(r);

	r = open_text("gbk2.csv", gbk);
	expect_row(r, 1, 2, (const char *[]){ "项目编号", "所属地区" });
	expect_row(r, 2, 2, (const char *[]){ "P1", "鲅鱼圈区" });
	tz_reader_close(r);
	tz_buf_release(&text);
	free(gbk);
}

static void test_bad_encoding_names_the_line(void **state)
{
	struct tz_reader *r;
	struct tz_row row;
	struct tz_err err;
	int rc;

	(void)state;
	/* Valid UTF-8 lines, then a lone continuation byte on line 3. */
	r = open_text("bad.csv", "a,b\n项目编号,所属地区\nx,\x80\xff\xfe\n");
	tz_err_clear(&err);
	while ((rc = tz_reader_next(r, &row, &err)) == 1)
		;
	assert_int_equal(rc, TZ_EENCODING);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.file, "bad.csv"));
	tz_reader_close(r);
}

static void test_unclosed_quote_is_capped(void **state)
{
	struct tz_buf text = TZ_BUF_INIT;
	struct tz_reader *r;
	struct tz_row row;
	struct tz_err err;
	int rc;

	(void)state;
	text.max = 8 * 1024 * 1024;
	tz_buf_adds(&text, "a,b\n1,\"never closed\n");
	while (text.len < TZ_LIMIT_RECORD + 4096)
		tz_buf_adds(&text, "filler line that keeps going on and on\n");
	r = open_text("open.csv", text.buf);
	tz_err_clear(&err);
	expect_row(r, 1, 2, (const char *[]){ "a", "b" });
	rc = tz_reader_next(r, &row, &err);
	assert_int_equal(rc, TZ_ETOOBIG);
	assert_int_equal(err.line, 2);
	tz_reader_close(r);
	tz_buf_release(&text);
}

static void test_missing_file(void **state)
{
	struct tz_reader *r = NULL;
	struct tz_err err;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_reader_open(&r, "/nonexistent/x.csv", &err), TZ_EIO);
	assert_null(r);
	assert_non_null(strstr(err.msg, "无法打开"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quotes_newlines_and_line_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bom_is_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gbk_after_long_ascii_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_encoding_names_the_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_quote_is_capped, setup, teardown),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
