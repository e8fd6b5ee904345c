/*
 * test-csv.c: the CSV reader: encodings (UTF-8, GBK, UTF-16 with and
 * without BOM), comma or tab, quoting, line numbers, limits, and the
 * files it must refuse rather than read wrongly: an unclosed quote, a
 * NUL byte; and the records it marks suspect for the import to refuse:
 * a stray quote inside quotes, a count of fields unlike the file's.
 */
#include "tz-test.h"
#include "tz-sheet-test.h"

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

/* A record of white space only still has its line (the fuzzer found a
 * lone form feed numbered line 0). */
static void test_blank_record_line(void **state)
{
	struct tz_reader *r;

	(void)state;
	r = open_text("ff.csv", "\f");
	expect_row(r, 1, 1, (const char *[]){ "\f" });
	tz_reader_close(r);
	r = open_text("ff2.csv", "a\n \f\n");
	expect_row(r, 1, 1, (const char *[]){ "a" });
	expect_row(r, 2, 1, (const char *[]){ "\f" });  /* libcsv drops leading blanks */
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
	assert_non_null(strstr(err.msg, "第2行的引号可能没有闭合"));
	tz_reader_close(r);
	tz_buf_release(&text);
}

#define STRLEN ((size_t)-1)

/* Write `text` (len bytes, or up to its NUL with STRLEN) to a file and
 * read it to its end; rows into s. */
static void read_text(const char *name, const char *text, size_t len, struct tzs_rows *s)
{
	char path[4096];
	struct tz_reader *r;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (len == STRLEN)
		len = strlen(text);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
	r = tzs_open(path, NULL);
	tzs_read(r, s, 1);
	tz_reader_close(r);
}

/* An unclosed quote never swallows the rest of the file in silence: the
 * file is refused, naming the line where the quote opened. */
static void test_unclosed_quote(void **state)
{
	struct tzs_rows s;
	static const char *const before[] = { "1:a|b|c", NULL };
	char *path;
	struct tz_reader *r;

	(void)state;
	/* To the end of the file. */
	read_text("eof.csv", "a,b,c\n1,\"x\n2,3,4\n5,6,7\n", STRLEN, &s);
	tzs_expect(&s, before);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "第2行的引号没有闭合"));
	tzs_rows_free(&s);
	/* Closed by a later quote, with records swallowed in between. */
	read_text("later.csv", "a,b,c\n1,\"x\n2,3,4\n5,\"y\",6\n7,8,9\n", STRLEN, &s);
	tzs_expect(&s, before);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "引号"));
	tzs_rows_free(&s);
	/* In the third cell of a record that starts on line 3, no record
	 * swallowed, no line end at the end. */
	read_text("third.csv", "a,b,c\n\n1,2,\"x\ny\nz", STRLEN, &s);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 3);
	tzs_rows_free(&s);
	read_text("third2.csv", "a,b,c\n1,2,\"x\ny\nz\n", STRLEN, &s);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	tzs_rows_free(&s);
	/* A quote closed on the last line is fine. */
	read_text("closed.csv", "a,b,c\n1,2,\"x\ny\"", STRLEN, &s);
	assert_int_equal(s.rc, 0);
	assert_string_equal(s.v[1], "2:1|2|x\ny");
	tzs_rows_free(&s);
	/* A cell that really holds lines and commas is not that. */
	read_text("multi.csv", "a,b,c\n1,\"multi\nline, text\",3\n4,5,6\n", STRLEN, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[1], "2:1|multi\nline, text|3");
	assert_string_equal(s.v[2], "4:4|5|6");
	tzs_rows_free(&s);
	/* A 形象进度 whose second line lists as many works as the file has
	 * columns is text, not swallowed records: its lines start with a
	 * word where the records start with a code (walkthrough 11). */
	read_text("works.csv", "code,period,amount,status,text,problem\r\n"
		  "PW0001,2025-05,100.00,已开工,\"本月完成：\n土方,基础,主体,装修,绿化,道路\",\r\n"
		  "PW0002,2025-05,50.00,已开工,正常,\r\n", STRLEN, &s);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.v[1], "2:PW0001|2025-05|100.00|已开工|本月完成：\n土方,基础,主体,装修,绿化,道路|");
	assert_string_equal(s.v[2], "4:PW0002|2025-05|50.00|已开工|正常|");
	tzs_rows_free(&s);
	/* The same file with the quote left open: the lines it takes in
	 * start with codes, as records do, and the file is refused. */
	read_text("works-open.csv", "code,period,amount,status,text,problem\r\n"
		  "PW0001,2025-05,100.00,已开工,\"本月完成：土方,\r\n"
		  "PW0002,2025-05,50.00,已开工,正常,\r\n"
		  "PW0003,2025-05,50.00,已开工,\"主体\",\r\n", STRLEN, &s);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "第2行的引号没有闭合"));
	tzs_rows_free(&s);

	/* The two hostile cases handed with the issue. */
	path = tzs_data("cases/progress-unclosed-quote.csv");
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "第2行的引号没有闭合"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
	path = tzs_data("cases/projects-unclosed-quote.csv");
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 3);
	assert_non_null(strstr(s.err.msg, "第3行的引号没有闭合"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

/* A NUL byte would end the cell early in every C string: refused. */
static void test_nul_byte(void **state)
{
	struct tzs_rows s;

	(void)state;
	read_text("nul.csv", "a,b,c\n1,x\0y,3\n", 15, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 2);
	assert_non_null(strstr(s.err.msg, "第2行第2列含有空字符"));
	tzs_rows_free(&s);
	/* In a quoted cell that began on an earlier line. */
	read_text("nul2.csv", "a,b\n\"x\ny\0\",2\n", 13, &s);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_int_equal(s.err.line, 3);
	assert_non_null(strstr(s.err.msg, "第1列"));
	tzs_rows_free(&s);
}

static void test_tab_or_comma(void **state)
{
	struct tzs_rows s;
	static const char *const tsv[] = {
		"1:2025年台账", "2:项目编号|总投资|名称", "3:P1|3,500|a, b", "4:P2|1|c", NULL,
	};
	static const char *const csv[] = { "1:a|b", "2:x\ty|z", "3:1|2", NULL };

	(void)state;
	/* A title line, then tabs; commas inside cells, quoted or not. */
	read_text("t.txt", "2025年台账\n项目编号\t总投资\t名称\nP1\t\"3,500\"\ta, b\nP2\t1\tc\n",
		  STRLEN, &s);
	tzs_expect(&s, tsv);
	tzs_rows_free(&s);
	/* A tab inside a comma-separated cell. */
	read_text("c.csv", "a,b\nx\ty,z\n1,2\n", STRLEN, &s);
	tzs_expect(&s, csv);
	tzs_rows_free(&s);
}

/* The next record's line, number of fields and suspicion. */
static void expect_suspect(struct tz_reader *r, long line, size_t n, unsigned char suspect,
			   size_t width)
{
	struct tz_row row;

	assert_int_equal(tz_reader_next(r, &row, NULL), 1);
	assert_int_equal(row.line, line);
	assert_int_equal(row.ncells, n);
	assert_int_equal(row.suspect, suspect);
	if (suspect == TZ_READ_SUSPECT_WIDTH)
		assert_int_equal(row.width, width);
}

/* A quote typed once too often inside quotes (the audit's
 * q-allquoted-typo.csv): libcsv runs two fields together; the record is
 * marked, the others are not. Also in tab-separated text, and when the
 * stray quote opens a line of a record that began above. */
static void test_stray_quote(void **state)
{
	struct tz_reader *r;
	struct tz_row row;

	(void)state;
	r = open_text("typo.csv", "a,b,c,d,e\n"
				  "\"P1\",\"项目A,\"站前区\",\"100\",\"50\"\n"
				  "\"P2\",\"项目B\",\"站前区\",\"200\",\"60\"\n"
				  "\"P3\",\"项目C\",\"站前区\",\"300\",\"70\"\n");
	expect_suspect(r, 1, 5, 0, 0);
	assert_int_equal(tz_reader_next(r, &row, NULL), 1);
	assert_int_equal(row.line, 2);
	assert_int_equal(row.ncells, 4);
	assert_string_equal(row.cells[1], "项目A,\"站前区");
	assert_int_equal(row.suspect, TZ_READ_SUSPECT_QUOTES);
	expect_suspect(r, 3, 5, 0, 0);
	expect_suspect(r, 4, 5, 0, 0);
	tz_reader_close(r);

	r = open_text("typo2.csv", "a,b,c,d,e\n"
				   "\"P1\",\"项目A\",\"站前区\",\"100\",\"50\n"
				   "\"P2\",\"项目B\",\"站前区\",\"200\",\"60\"\n"
				   "\"P3\",\"项目C\",\"站前区\",\"300\",\"70\"\n");
	expect_suspect(r, 1, 5, 0, 0);
	expect_suspect(r, 2, 9, TZ_READ_SUSPECT_QUOTES, 0);
	expect_suspect(r, 4, 5, 0, 0);
	tz_reader_close(r);

	r = open_text("typo.txt", "a\tb\tc\n\"x\"\t\"y\t\"z\"\t\"1\"\n\"x\"\t\"y\"\t\"1\"\n");
	expect_suspect(r, 1, 3, 0, 0);
	expect_suspect(r, 2, 3, TZ_READ_SUSPECT_QUOTES, 0);
	expect_suspect(r, 3, 3, 0, 0);
	tz_reader_close(r);
}

/* Quotes as Excel and people write them are not suspect: doubled
 * quotes, delimiters and line ends inside quotes, spaces after a closing
 * quote, a quote inside an unquoted field. */
static void test_quotes_not_suspect(void **state)
{
	struct tz_reader *r;

	(void)state;
	r = open_text("ok.csv", "a,b,c\n"
				"x,\"say \"\"hi\"\"\",\"1,200\"\n"
				"\"two\nlines\",\"\"\"\",3\n"
				"\"x\" ,\"y\"\t,z\n"
				"5\"寸,x\"y,\"\"\n");
	expect_suspect(r, 1, 3, 0, 0);
	expect_suspect(r, 2, 3, 0, 0);
	expect_suspect(r, 3, 3, 0, 0);
	expect_suspect(r, 5, 3, 0, 0);
	expect_suspect(r, 6, 3, 0, 0);
	tz_reader_close(r);
}

/* When the first lines agree on a number of fields, a record with more
 * or fewer is marked (an unquoted 1,000; a "," pair missing in a quoted
 * file); records of one field (a title, a note) do not count, and a file
 * whose lines do not agree (trailing empty fields left out) is not
 * checked. */
static void test_width(void **state)
{
	struct tz_reader *r;

	(void)state;
	r = open_text("w.csv", "2025年台账\na,b,c,d\nP1,x,1,2\nP2,y,1,000,2\nP3,\"z,w\",3\n"
			       "P4,v,4,5\n注：单位万元\nP5,u,6,7\nP6,t,8,9\n");
	expect_suspect(r, 1, 1, TZ_READ_SUSPECT_WIDTH, 4);
	expect_suspect(r, 2, 4, 0, 0);
	expect_suspect(r, 3, 4, 0, 0);
	expect_suspect(r, 4, 5, TZ_READ_SUSPECT_WIDTH, 4);
	expect_suspect(r, 5, 3, TZ_READ_SUSPECT_WIDTH, 4);
	expect_suspect(r, 6, 4, 0, 0);
	expect_suspect(r, 7, 1, TZ_READ_SUSPECT_WIDTH, 4);
	expect_suspect(r, 8, 4, 0, 0);
	tz_reader_close(r);

	/* Ragged: 5, 4, 3, 5, 4 fields. */
	r = open_text("ragged.csv", "a,b,c,d,e\nP1,x,1,2,q\nP2,y,1\nP3,z,1,2,q\nP4,w,1,2\n");
	for (long line = 1; line <= 5; line++) {
		struct tz_row row;

		assert_int_equal(tz_reader_next(r, &row, NULL), 1);
		assert_int_equal(row.suspect, 0);
	}
	tz_reader_close(r);

	/* Two records that agree and one that does not: too few to tell. */
	r = open_text("few.csv", "a,b,c\n1,2,3\n1,2\n");
	expect_suspect(r, 1, 3, 0, 0);
	expect_suspect(r, 2, 3, 0, 0);
	expect_suspect(r, 3, 2, 0, 0);
	tz_reader_close(r);
}

/* UTF-8 text as UTF-16 (`enc` for iconv), with the BOM if asked. */
static size_t to_utf16(const char *utf8, const char *enc, int bom, char *out, size_t size)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	char *in = (char *)utf8, *o = out;
	size_t inleft = strlen(utf8), outleft = size;

	assert_true(cd != (iconv_t)-1);
	if (bom) {
		memcpy(o, !strcmp(enc, "UTF-16LE") ? "\xff\xfe" : "\xfe\xff", 2);
		o += 2;
		outleft -= 2;
	}
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	return (size_t)(o - out);
}

/* Excel's "Unicode 文本": UTF-16, tab-separated, whatever the extension. */
static void test_utf16(void **state)
{
	static const char text[] = "项目编号\t项目名称\t总投资(万元)\r\nXM1\t\"西炮台,遗址\"\t3,500\r\n"
				   "XM2\t老边区冷链仓储\t7800\r\n";
	static const char *const want[] = {
		"1:项目编号|项目名称|总投资(万元)", "2:XM1|西炮台,遗址|3,500", "3:XM2|老边区冷链仓储|7800", NULL,
	};
	static const char *const cases[][2] = {
		{ "UTF-16LE", "1" }, { "UTF-16BE", "1" }, { "UTF-16LE", "" }, { "UTF-16BE", "" },
	};
	char buf[1024];
	struct tzs_rows s;
	char *path;
	struct tz_reader *r;

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		size_t n = to_utf16(text, cases[i][0], cases[i][1][0] == '1', buf, sizeof(buf));

		read_text(i % 2 ? "u.csv" : "u.txt", buf, n, &s);
		tzs_expect(&s, want);
		tzs_rows_free(&s);
	}
	/* The handed files: UTF-16LE with BOM as .txt and .csv, GBK with tabs. */
	for (int k = 0; k < 3; k++) {
		static const char *const files[] = { "cases/a14-ledger-unicode.txt",
						     "cases/a14-ledger-unicode.csv",
						     "cases/a14-ledger-tab-gbk.txt" };

		path = tzs_data(files[k]);
		r = tzs_open(path, NULL);
		assert_string_equal(tz_reader_format(r), "CSV 文本");
		tzs_read(r, &s, 1);
		assert_int_equal(s.rc, 0);
		assert_string_equal(s.v[0], "1:项目编号|项目名称|所属地区|总投资(万元)|年度计划投资(万元)");
		if (k < 2) {
			assert_int_equal(s.n, 3);
			assert_string_equal(s.v[1], "2:XM2025131|西炮台遗址公园|西市区|3,500|1200");
			assert_string_equal(s.v[2], "3:XM2025132|老边区冷链仓储|老边区|7800|2600");
		} else {
			assert_int_equal(s.n, 2);
			assert_string_equal(s.v[1], "2:XM2025133|渔人码头|鲅鱼圈区|4000|1000");
		}
		tzs_rows_free(&s);
		tz_reader_close(r);
		free(path);
	}
}

/* Kinds, flags and values of CSV cells; the one sheet. */
static void test_kinds_and_sheet(void **state)
{
	struct tz_reader *r;
	struct tz_row row;
	struct tz_err err;

	(void)state;
	r = open_text("台账.csv", "a,,#N/A,#REF!,#n/a,#VALUE,1.5\n");
	assert_int_equal(tz_reader_sheet_count(r), 1);
	assert_string_equal(tz_reader_sheet_name(r), "台账");
	assert_int_equal(tz_reader_sheet_info(r, 0)->state, TZ_SHEET_VISIBLE);
	assert_int_equal(tz_reader_next(r, &row, NULL), 1);
	assert_int_equal(row.ncells, 7);
	assert_int_equal(row.kinds[0], TZ_READ_TEXT);
	assert_int_equal(row.kinds[1], TZ_READ_EMPTY);
	/* Excel writes an error cell to CSV as its literal. */
	assert_int_equal(row.kinds[2], TZ_READ_ERROR);
	assert_int_equal(row.kinds[3], TZ_READ_ERROR);
	assert_int_equal(row.kinds[4], TZ_READ_TEXT);
	assert_int_equal(row.kinds[5], TZ_READ_TEXT);
	/* CSV holds text, never numbers. */
	assert_int_equal(row.kinds[6], TZ_READ_TEXT);
	for (size_t i = 0; i < row.ncells; i++) {
		assert_int_equal(row.flags[i], 0);
		assert_ptr_equal(row.values[i], row.cells[i]);
	}
	assert_int_equal(row.hidden, 0);
	assert_int_equal(tz_reader_next(r, &row, NULL), 0);
	/* Reading the one sheet again starts over. */
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 0, &err), 0);
	assert_int_equal(tz_reader_next(r, &row, NULL), 1);
	assert_string_equal(row.cells[2], "#N/A");
	assert_int_equal(tz_reader_select_sheet(r, 1, &err), TZ_ENOTFOUND);
	tz_reader_close(r);
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
		cmocka_unit_test_setup_teardown(test_blank_record_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gbk_after_long_ascii_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_encoding_names_the_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_quote_is_capped, setup, teardown),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test_setup_teardown(test_unclosed_quote, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nul_byte, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tab_or_comma, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stray_quote, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quotes_not_suspect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_width, setup, teardown),
		cmocka_unit_test_setup_teardown(test_utf16, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kinds_and_sheet, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
