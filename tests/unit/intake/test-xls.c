/*
 * test-xls.c: the Excel 97-2003 reader, on workbooks LibreOffice wrote
 * from sources whose content is known (tests/data/sheets/gen: every
 * sheet must read as the .xlsx it came from), on the handed case file,
 * and on BIFF streams built here record by record inside OLE files
 * written with libgsf: shared strings split across CONTINUE records with
 * the character width switching at the split, rich text and phonetic
 * runs, every kind of number and formula result, hidden rows, merged
 * cells, BIFF5 with a Chinese code page, encryption, other OLE files.
 */
#include "tz-test.h"
#include "tz-sheet-test.h"

#include <iconv.h>

#include "base/limits.h"

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

static char *tmp(const char *name)
{
	struct tz_buf b = TZ_BUF_INIT;

	tz_buf_addf(&b, "%s/%s", dir, name);
	return tz_buf_detach(&b, NULL);
}

/* Every sheet of a workbook, "== NAME state" then its rows (marked). */
static char *all_sheets(const char *path)
{
	struct tz_reader *r = tzs_open(path, NULL);
	struct tz_buf out = TZ_BUF_INIT;
	struct tz_err err;

	out.max = 64 * 1024 * 1024;
	for (size_t i = 0; i < tz_reader_sheet_count(r); i++) {
		struct tzs_rows s;

		tz_err_clear(&err);
		assert_int_equal(tz_reader_select_sheet(r, i, &err), 0);
		assert_string_equal(tz_reader_sheet_name(r), tz_reader_sheet_info(r, i)->name);
		tz_buf_addf(&out, "== %s %d\n", tz_reader_sheet_name(r), tz_reader_sheet_info(r, i)->state);
		tzs_read(r, &s, 1);
		assert_int_equal(s.rc, 0);
		for (size_t k = 0; k < s.n; k++)
			tz_buf_addf(&out, "%s\n", s.v[k]);
		tzs_rows_free(&s);
	}
	tz_reader_close(r);
	return tz_buf_detach(&out, NULL);
}

/* ------------------------------------------------------------------ */
/* Files written by LibreOffice                                        */

/* LibreOffice does not know Excel's "!" escape and writes the format
 * 0!.0, as 0"!".0, into the .xls: the only cell the two files show
 * differently, each as its own format says. */
static const char lo_scaled_xlsx[] = "10:格式|1234.6{n}|";
static const char lo_scaled_xls[] = "10:格式|12345!.7{n}|";

static void test_shapes_same_as_source(void **state)
{
	char *xlsx = tzs_data("gen/shapes.xlsx"), *xls = tzs_data("gen/shapes-biff8.xls");
	char *a0 = all_sheets(xlsx), *b = all_sheets(xls), *p;
	struct tz_buf fixed = TZ_BUF_INIT;
	char *a;

	(void)state;
	assert_non_null(p = strstr(a0, lo_scaled_xlsx));
	fixed.max = 64 * 1024 * 1024;
	tz_buf_add(&fixed, a0, (size_t)(p - a0));
	tz_buf_adds(&fixed, lo_scaled_xls);
	tz_buf_adds(&fixed, p + strlen(lo_scaled_xlsx));
	a = tz_buf_detach(&fixed, NULL);
	free(a0);
	if (strcmp(a, b)) {
		size_t i = 0;

		while (a[i] == b[i])
			i++;
		fail_msg("the .xls differs from its source at byte %zu:\n%.200s\n---\n%.200s", i,
			 a + (i > 60 ? i - 60 : 0), b + (i > 60 ? i - 60 : 0));
	}
	free(a);
	free(b);
	free(xlsx);
	free(xls);
}

static void test_shapes_sheets(void **state)
{
	char *path = tzs_data("gen/shapes-biff8.xls");
	struct tz_reader *r = tzs_open(path, NULL);
	static const char *const names[] = { "填报说明", "下拉选项", "台账", "大表", "长文本" };
	struct tz_err err;

	(void)state;
	assert_string_equal(tz_reader_format(r), "Excel 97-2003 工作簿（.xls）");
	assert_int_equal(tz_reader_sheet_count(r), 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(tz_reader_sheet_info(r, i)->name, names[i]);
		assert_int_equal(tz_reader_sheet_info(r, i)->state,
				 i == 1 ? TZ_SHEET_HIDDEN : TZ_SHEET_VISIBLE);
	}
	/* The default is the first visible sheet. */
	assert_int_equal(tz_reader_sheet_index(r), 0);
	assert_string_equal(tz_reader_sheet_name(r), "填报说明");
	assert_int_equal(tz_reader_find_sheet(r, "台账"), 2);
	assert_int_equal(tz_reader_find_sheet(r, "没有"), -1);
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 5, &err), TZ_ENOTFOUND);
	tz_reader_close(r);
	free(path);
}

static void test_shapes_ledger(void **state)
{
	char *path = tzs_data("gen/shapes-biff8.xls");
	struct tz_reader *r = tzs_open(path, "台账");
	struct tzs_rows s;
	static const char *const want[] = {
		"1:2025年重点项目台账[m]|2025年重点项目台账[c]|2025年重点项目台账[c]|2025年重点项目台账[c]"
		"|2025年重点项目台账[c]|2025年重点项目台账[c]|2025年重点项目台账[c]|2025年重点项目台账[c]",
		"2:项目编号[m]|所属地区[m]|投资情况（万元）[m]|投资情况（万元）[c]|调度期[m]|开工时间[m]"
		"|完成率[m]|备注[m]",
		"3:项目编号[c]|所属地区[c]|总投资|年度计划|调度期[c]|开工时间[c]|完成率[c]|备注[c]",
		/* 2025.1 in a 0.00 cell is the period 2025.10; RK integers, decimals */
		"4:P001|鲅鱼圈区[m]|12,345.67{n}|3500{n}|2025.10{n}|2025-03-01{d}|12.50%{n}|RK 整数",
		"5:P002|鲅鱼圈区[c]|1,234.56{n}|-5.5{n}|2025.12{n}|2025-01-01{d}|100.00%{n}|负数",
		"6:P003|鲅鱼圈区[c]|123,456,789,012.00{n}|0{n}|2025.01{n}|2024-01-01{d}|50.00%{n}|大数",
		"7 h:P004|站前区|0.30{n}|100000{n}|2024.90{n}|1900-01-01{d}|0.01%{n}|隐藏行",
		/* Formulas through their saved results. */
		"9:合计||123,456,802,592.53{n}|P001x|TRUE{b}|#DIV/0!{e}|#N/A{e}|TRUE text",
		"10:格式|12345!.7{n}|1,235千{n}|2025-03{d}|10:30{n}|¥1,234.50{n}|¥-1,234.50{n}|3/4{n}",
		NULL,
	};
	struct tz_row row;
	struct tz_err err;

	(void)state;
	assert_string_equal(tz_reader_sheet_name(r), "台账");
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	/* values[] hold the numbers as stored. */
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 2, &err), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_string_equal(row.cells[4], "2025.10");
	assert_string_equal(row.values[4], "2025.1");
	assert_string_equal(row.values[5], "45717");
	assert_int_equal(row.flags[1], TZ_READ_MERGED | TZ_READ_MERGE_DOWN);
	assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_int_equal(row.flags[1], TZ_READ_MERGED | TZ_READ_MERGE_DOWN | TZ_READ_MERGE_COPY);
	/* Percent and thousands formats scale what they show. */
	assert_int_equal(row.flags[6], TZ_READ_SCALED);
	assert_int_equal(row.flags[2], 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(tz_reader_next(r, &row, &err), 1);
	assert_string_equal(row.cells[2], "1,235千");
	assert_string_equal(row.values[2], "1234567");
	assert_int_equal(row.flags[2], TZ_READ_SCALED);
	assert_int_equal(row.flags[5], 0);
	tz_reader_close(r);
	free(path);
}

static void test_shapes_big_and_long(void **state)
{
	char *path = tzs_data("gen/shapes-biff8.xls");
	struct tz_reader *r = tzs_open(path, "大表");
	struct tzs_rows s;
	struct tz_buf want = TZ_BUF_INIT;
	struct tz_err err;

	(void)state;
	tzs_read(r, &s, 0);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 2001);
	assert_string_equal(s.v[0], "1:编号|名称|金额|日期");
	assert_string_equal(s.v[1], "2:X00001|鱼圈区站前老-1|1.25|2024-01-02");
	assert_string_equal(s.v[3], "4:X00003|ascii name 3 xxx|3.75|2024-01-04");
	assert_string_equal(s.v[2000], "2001:X02000|建设县医院-2000|200000|2029-06-23");
	tzs_rows_free(&s);

	/* Strings longer than a record, split in their characters. */
	tz_err_clear(&err);
	assert_int_equal(tz_reader_select_sheet(r, 4, &err), 0);
	tzs_read(r, &s, 0);
	assert_int_equal(s.n, 4);
	tz_buf_adds(&want, "1:");
	for (int i = 0; i < 9000; i++)
		tz_buf_addch(&want, 'A');
	assert_string_equal(s.v[0], want.buf);
	tz_buf_reset(&want);
	tz_buf_adds(&want, "2:");
	for (int i = 0; i < 120; i++)
		tz_buf_adds(&want, "鲅鱼圈区站前老边西市港口产业园城市更新高标准农田建设县医院门诊楼供热管网改造");
	assert_string_equal(s.v[1], want.buf);
	tz_buf_reset(&want);
	tz_buf_adds(&want, "3:");
	for (int i = 0; i < 1500; i++)
		tz_buf_adds(&want, "ab鲅鱼圈");
	assert_string_equal(s.v[2], want.buf);
	assert_string_equal(s.v[3], "4:end");
	tzs_rows_free(&s);
	tz_buf_release(&want);
	tz_reader_close(r);
	free(path);
}

static void test_plain(void **state)
{
	char *path = tzs_data("gen/plain-biff8.xls");
	struct tz_reader *r = tzs_open(path, NULL);
	struct tzs_rows s;
	static const char *const want[] = {
		"1:code|total|start",
		"2:P001|1,000.50{n}|2025-02-01{d}",
		"3:P002|2,001.00{n}|2025-03-04{d}",
		"4:P003|3,001.50{n}|2025-04-04{d}",
		"5:P004|4,002.00{n}|2025-05-05{d}",
		"6:P005|5,002.50{n}|2025-06-05{d}",
		"7:merged note[m]|merged note[c]|merged note[c]",
		NULL,
	};

	(void)state;
	assert_int_equal(tz_reader_sheet_count(r), 2);
	assert_int_equal(tz_reader_sheet_info(r, 1)->state, TZ_SHEET_HIDDEN);
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

/* The case handed with issue 7: the .xls holds the data of src.xlsx. */
static void test_case_biff8(void **state)
{
	char *xls = tzs_data("cases/a09-ledger-biff8.xls"), *xlsx = tzs_data("cases/a09-src.xlsx");
	char *a = all_sheets(xls), *b = all_sheets(xlsx);

	(void)state;
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "2:XM2025082|仙人岛能源化工区道路|仙人岛|25000{n}|8000{n}\n"));
	free(a);
	free(b);
	free(xls);
	free(xlsx);
}

/* ------------------------------------------------------------------ */
/* BIFF streams built here                                             */

struct biff {
	struct tz_buf s;
	size_t sheet_pos_at;  /* where BOUNDSHEET's offset goes */
};

static void bof(struct tz_buf *s, unsigned vers, unsigned dt)
{
	uint8_t d[16] = { 0 };

	put16(d, vers);
	put16(d + 2, dt);
	biff_rec(s, 0x0809, d, vers == 0x0600 ? 16 : 8);
}

static void u16_rec(struct tz_buf *s, uint16_t type, unsigned v)
{
	uint8_t d[2];

	put16(d, v);
	biff_rec(s, type, d, 2);
}

/* An XF record pointing at number format `ifmt`. */
static void xf(struct tz_buf *s, unsigned ifmt)
{
	uint8_t d[20] = { 0 };

	put16(d + 2, ifmt);
	biff_rec(s, 0x00E0, d, sizeof(d));
}

/* BOUNDSHEET (BIFF8) with the name in 16-bit characters; the offset is
 * patched by sheet_start(). */
static void boundsheet(struct biff *b, const char *utf16le, size_t nchars, int state)
{
	uint8_t d[256] = { 0 };

	d[4] = (uint8_t)state;
	d[6] = (uint8_t)nchars;
	d[7] = 1;
	memcpy(d + 8, utf16le, 2 * nchars);
	b->sheet_pos_at = b->s.len + 4;
	biff_rec(&b->s, 0x0085, d, 8 + 2 * nchars);
}

static void sheet_start(struct biff *b)
{
	put32((uint8_t *)b->s.buf + b->sheet_pos_at, (uint32_t)b->s.len);
	bof(&b->s, 0x0600, 0x0010);
}

/* A cell record header: row, col, xf. */
static size_t cell(uint8_t *d, unsigned row, unsigned col, unsigned xfi)
{
	put16(d, row);
	put16(d + 2, col);
	put16(d + 4, xfi);
	return 6;
}

static void labelsst(struct tz_buf *s, unsigned row, unsigned col, uint32_t isst)
{
	uint8_t d[10];

	cell(d, row, col, 0);
	put32(d + 6, isst);
	biff_rec(s, 0x00FD, d, 10);
}

static void number(struct tz_buf *s, unsigned row, unsigned col, unsigned xfi, double v)
{
	uint8_t d[14];

	cell(d, row, col, xfi);
	memcpy(d + 6, &v, 8);
	biff_rec(s, 0x0203, d, 14);
}

static void rk(struct tz_buf *s, unsigned row, unsigned col, uint32_t v)
{
	uint8_t d[10];

	cell(d, row, col, 0);
	put32(d + 6, v);
	biff_rec(s, 0x027E, d, 10);
}

static void boolerr(struct tz_buf *s, unsigned row, unsigned col, unsigned v, unsigned is_err)
{
	uint8_t d[8];

	cell(d, row, col, 0);
	d[6] = (uint8_t)v;
	d[7] = (uint8_t)is_err;
	biff_rec(s, 0x0205, d, 8);
}

/* FORMULA with an 8-byte result. */
static void formula(struct tz_buf *s, unsigned row, unsigned col, const uint8_t res[8])
{
	uint8_t d[22] = { 0 };

	cell(d, row, col, 0);
	memcpy(d + 6, res, 8);
	biff_rec(s, 0x0006, d, sizeof(d));
}

static void row_rec(struct tz_buf *s, unsigned row, unsigned flags)
{
	uint8_t d[16] = { 0 };

	put16(d, row);
	put32(d + 12, flags);
	biff_rec(s, 0x0208, d, sizeof(d));
}

/* Write the stream into an OLE file as "Workbook" (or `name`); returns
 * the file's path (freed by the caller). */
static char *ole_with(const char *file, const char *name, const struct tz_buf *s)
{
	char *path = tmp(file);
	struct ole_stream streams[] = { { name, s->buf, s->len }, { NULL, NULL, 0 } };

	write_ole(path, streams);
	return path;
}

/*
 * The shared strings of the built workbook, as they are laid out in the
 * SST and its CONTINUE records:
 *  0 "项目名称"    16-bit characters
 *  1 "abcdefghij"  8-bit, cut after "abcd": the CONTINUE record goes on
 *                  in 16-bit characters (flags byte 1)
 *  2 "中文abc"     16-bit, cut after "中文": goes on in 8-bit (flags 0)
 *  3 "富文本"      rich text: 2 runs (8 bytes) cut by the next CONTINUE
 *  4 "拼音"        with 10 bytes of phonetic data
 *  5 ""
 *  6 "X"           its header starts a CONTINUE record: no flags byte
 */
static void sst(struct tz_buf *s)
{
	struct tz_buf a = TZ_BUF_INIT, c1 = TZ_BUF_INIT, c2 = TZ_BUF_INIT, c3 = TZ_BUF_INIT;
	uint8_t h[8];

	put32(h, 7);
	put32(h + 4, 7);
	tz_buf_add(&a, h, 8);
	tz_buf_add(&a, "\x04\x00\x01" "\x79\x98\xee\x76\x0d\x54\xf0\x79", 11);  /* 项目名称 */
	tz_buf_add(&a, "\x0a\x00\x00" "abcd", 7);
	/* CONTINUE 1: "efghij" in 16 bits, then "中文" of string 2 */
	tz_buf_add(&c1, "\x01" "e\0f\0g\0h\0i\0j\0", 13);
	tz_buf_add(&c1, "\x05\x00\x01" "\x2d\x4e\x87\x65", 7);
	/* CONTINUE 2: "abc" in 8 bits; string 3 with its runs cut */
	tz_buf_add(&c2, "\x00" "abc", 4);
	tz_buf_add(&c2, "\x03\x00\x09\x02\x00" "\xcc\x5b\x87\x65\x2c\x67" "\x00\x00\x01\x00", 15);
	/* CONTINUE 3: the rest of the runs, strings 4, 5 */
	tz_buf_add(&c3, "\x02\x00\x00\x00", 4);
	tz_buf_add(&c3, "\x02\x00\x05\x0a\x00\x00\x00" "\xfc\x62\xf3\x97" "0123456789", 21);
	tz_buf_add(&c3, "\x00\x00\x00", 3);
	biff_rec(s, 0x00FC, a.buf, a.len);
	biff_rec(s, 0x003C, c1.buf, c1.len);
	biff_rec(s, 0x003C, c2.buf, c2.len);
	biff_rec(s, 0x003C, c3.buf, c3.len);
	/* CONTINUE 4: string 6's header at its very start */
	biff_rec(s, 0x003C, "\x01\x00\x00" "X", 4);
	tz_buf_release(&a);
	tz_buf_release(&c1);
	tz_buf_release(&c2);
	tz_buf_release(&c3);
}

/* Globals: one sheet "表" (hidden when asked), formats 0.00 and a date. */
static void globals(struct biff *b, int hidden, int filepass)
{
	uint8_t fmt[32] = { 0 };

	bof(&b->s, 0x0600, 0x0005);
	if (filepass)
		biff_rec(&b->s, 0x002F, "\x01\x00\x01\x00", 4);
	u16_rec(&b->s, 0x0042, 1200);
	u16_rec(&b->s, 0x0022, 0);
	put16(fmt, 164);
	put16(fmt + 2, 4);
	fmt[4] = 0;
	memcpy(fmt + 5, "0.00", 4);
	biff_rec(&b->s, 0x041E, fmt, 9);
	xf(&b->s, 0);
	xf(&b->s, 164);
	xf(&b->s, 14);
	boundsheet(b, "\x68\x88", 1, hidden);
	sst(&b->s);
	biff_rec(&b->s, 0x000A, NULL, 0);
}

static char *built_book(const char *file)
{
	struct biff b = { TZ_BUF_INIT, 0 };
	uint8_t res[8], d[64];
	double v = 10;
	char *path;

	globals(&b, 0, 0);
	sheet_start(&b);
	row_rec(&b.s, 4, 0x20);
	labelsst(&b.s, 0, 0, 0);
	labelsst(&b.s, 0, 1, 1);
	labelsst(&b.s, 0, 2, 2);
	labelsst(&b.s, 1, 0, 3);
	labelsst(&b.s, 1, 1, 4);
	labelsst(&b.s, 1, 2, 5);
	labelsst(&b.s, 1, 3, 6);
	number(&b.s, 2, 0, 1, 1234.5);
	rk(&b.s, 2, 1, (42u << 2) | 2);          /* an integer */
	rk(&b.s, 2, 2, (123u << 2) | 3);         /* 123 / 100 */
	rk(&b.s, 2, 3, 0x40040000u);             /* the double 2.5 */
	rk(&b.s, 2, 4, 0x40040000u | 1);         /* 2.5 / 100 */
	/* MULRK: columns 5-6, each with its own cell format */
	cell(d, 2, 5, 0);
	put16(d + 4, 0);
	put32(d + 6, (7u << 2) | 2);
	put16(d + 10, 1);
	put32(d + 12, (8u << 2) | 2);
	put16(d + 16, 6);
	biff_rec(&b.s, 0x00BD, d, 18);
	boolerr(&b.s, 2, 7, 1, 0);
	boolerr(&b.s, 2, 8, 0x2A, 1);
	/* Formulas: number, string (+ STRING split by a CONTINUE), bool,
	 * error, empty string. */
	memcpy(res, &v, 8);
	formula(&b.s, 3, 0, res);
	memcpy(res, "\x00\x00\x00\x00\x00\x00\xff\xff", 8);
	formula(&b.s, 3, 1, res);
	biff_rec(&b.s, 0x0207, "\x06\x00\x01" "\xa1\x8b\x97\x7b\xd3\x7e", 9);  /* 计算结 */
	biff_rec(&b.s, 0x003C, "\x00" "abc", 4);  /* …and 3 more in 8 bits */
	memcpy(res, "\x01\x00\x01\x00\x00\x00\xff\xff", 8);
	formula(&b.s, 3, 2, res);
	memcpy(res, "\x02\x00\x07\x00\x00\x00\xff\xff", 8);
	formula(&b.s, 3, 3, res);
	memcpy(res, "\x03\x00\x00\x00\x00\x00\xff\xff", 8);
	formula(&b.s, 3, 4, res);
	number(&b.s, 3, 5, 0, 1);
	number(&b.s, 4, 0, 2, 45717);
	labelsst(&b.s, 5, 1, 0);
	number(&b.s, 6, 0, 0, 6);
	/* MERGEDCELLS: B6:C7 */
	put16(d, 1);
	put16(d + 2, 5);
	put16(d + 4, 6);
	put16(d + 6, 1);
	put16(d + 8, 2);
	biff_rec(&b.s, 0x00E5, d, 10);
	biff_rec(&b.s, 0x000A, NULL, 0);
	path = ole_with(file, "Workbook", &b.s);
	tz_buf_release(&b.s);
	return path;
}

static void test_built_book(void **state)
{
	char *path = built_book("built.xls");
	struct tz_reader *r = tzs_open(path, NULL);
	struct tzs_rows s;
	static const char *const want[] = {
		"1:项目名称|abcdefghij|中文abc",
		"2:富文本|拼音||X",
		"3:1234.50{n}|42{n}|1.23{n}|2.5{n}|0.025{n}|7{n}|8.00{n}|TRUE{b}|#N/A{e}",
		"4:10{n}|计算结abc|TRUE{b}|#DIV/0!{e}||1{n}",
		"5 h:2025-03-01{d}",
		"6:|项目名称[m]|项目名称[c]",
		"7:6{n}|项目名称[c]|项目名称[c]",
		NULL,
	};

	(void)state;
	assert_string_equal(tz_reader_sheet_name(r), "表");
	tzs_read(r, &s, 1);
	tzs_expect(&s, want);
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
}

/* A hidden only sheet is still the default: there is no other. */
static void test_only_sheet_hidden(void **state)
{
	struct biff b = { TZ_BUF_INIT, 0 };
	struct tz_reader *r;
	char *path;

	(void)state;
	globals(&b, 1, 0);
	sheet_start(&b);
	labelsst(&b.s, 0, 0, 0);
	biff_rec(&b.s, 0x000A, NULL, 0);
	path = ole_with("hidden.xls", "Workbook", &b.s);
	r = tzs_open(path, NULL);
	assert_int_equal(tz_reader_sheet_info(r, 0)->state, TZ_SHEET_HIDDEN);
	assert_string_equal(tz_reader_sheet_name(r), "表");
	tz_reader_close(r);
	tz_buf_release(&b.s);
	free(path);
}

/* A unit of money in a FORMAT record's literal text goes with the value
 * (the audit's fmt-lit-yi.xls, and ours converted by LibreOffice). */
static void test_format_units(void **state)
{
	(void)state;
	tzs_audit_cell("fmt-lit-yi.xls", 2, 10, "12.50亿元", "12.5亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-sections.xls", 2, 3, "12.50亿元", "12.5亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-sections.xls", 3, 3, "3.00亿元", "3亿元", TZ_READ_UNIT);
	tzs_audit_cell("fmt-lit-sections.xls", 8, 3, "0.50亿", "0.5亿元", TZ_READ_UNIT);
}

static void test_encrypted_and_other_ole(void **state)
{
	struct biff b = { TZ_BUF_INIT, 0 };
	char *path;
	struct ole_stream word[] = { { "WordDocument", "x", 1 }, { NULL, NULL, 0 } };
	struct ole_stream ppt[] = { { "PowerPoint Document", "x", 1 }, { NULL, NULL, 0 } };
	struct ole_stream ooxml[] = { { "EncryptionInfo", "x", 1 }, { "EncryptedPackage", "y", 1 },
				      { NULL, NULL, 0 } };
	struct ole_stream other[] = { { "Contents", "x", 1 }, { NULL, NULL, 0 } };

	(void)state;
	globals(&b, 0, 1);
	path = ole_with("filepass.xls", "Workbook", &b.s);
	tzs_refused(path, TZ_EINVAL, "设置了密码（已加密）");
	free(path);
	tz_buf_release(&b.s);

	path = tmp("word.xls");
	write_ole(path, word);
	tzs_refused(path, TZ_EINVAL, "这是Word 文档（.doc），不是电子表格");
	free(path);
	path = tmp("ppt.xls");
	write_ole(path, ppt);
	tzs_refused(path, TZ_EINVAL, "PowerPoint 演示文稿（.ppt）");
	free(path);
	path = tmp("secret.xlsx");
	write_ole(path, ooxml);
	tzs_refused(path, TZ_EINVAL, "设置了打开密码（已加密）");
	free(path);
	path = tmp("other.xls");
	write_ole(path, other);
	tzs_refused(path, TZ_EINVAL, "OLE 复合文档");
	free(path);
	/* The OLE signature and nothing after it. */
	path = tz_test_write(dir, "cut.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 cut short");
	tzs_refused(path, TZ_EINVAL, "文件已损坏或不完整");
	free(path);
}

/* Excel 5.0/95: a "Book" stream, byte strings in the code page (936). */
static void test_biff5_codepage(void **state)
{
	struct tz_buf s = TZ_BUF_INIT;
	uint8_t d[64] = { 0 };
	size_t pos_at;
	struct tz_reader *r;
	struct tzs_rows rows;
	static const char *const want[] = { "1:项目|1,234{n}", NULL };
	char *path;

	(void)state;
	bof(&s, 0x0500, 0x0005);
	u16_rec(&s, 0x0042, 936);
	put16(d, 164);
	d[2] = 5;
	memcpy(d + 3, "#,##0", 5);
	biff_rec(&s, 0x041E, d, 8);
	xf(&s, 0);
	xf(&s, 164);
	memset(d, 0, sizeof(d));
	d[6] = 4;
	memcpy(d + 7, "\xcc\xa8\xd5\xcb", 4);  /* 台账 in GBK */
	pos_at = s.len + 4;
	biff_rec(&s, 0x0085, d, 11);
	biff_rec(&s, 0x000A, NULL, 0);
	put32((uint8_t *)s.buf + pos_at, (uint32_t)s.len);
	bof(&s, 0x0500, 0x0010);
	memset(d, 0, sizeof(d));
	cell(d, 0, 0, 0);
	put16(d + 6, 4);
	memcpy(d + 8, "\xcf\xee\xc4\xbf", 4);  /* 项目 */
	biff_rec(&s, 0x0204, d, 12);
	number(&s, 0, 1, 1, 1234.4);
	biff_rec(&s, 0x000A, NULL, 0);
	path = ole_with("biff5.xls", "Book", &s);
	r = tzs_open(path, NULL);
	assert_string_equal(tz_reader_sheet_name(r), "台账");
	tzs_read(r, &rows, 1);
	tzs_expect(&rows, want);
	tzs_rows_free(&rows);
	tz_reader_close(r);
	tz_buf_release(&s);
	free(path);
}

static void test_broken_streams(void **state)
{
	struct biff b = { TZ_BUF_INIT, 0 };
	struct tz_reader *r;
	struct tzs_rows s;
	uint8_t h[8];
	char *path;

	(void)state;
	/* Cells of row 3 after row 5: refused, naming the rows. */
	globals(&b, 0, 0);
	sheet_start(&b);
	number(&b.s, 4, 0, 0, 1);
	number(&b.s, 2, 0, 0, 2);
	biff_rec(&b.s, 0x000A, NULL, 0);
	path = ole_with("order.xls", "Workbook", &b.s);
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "第3行出现在第5行之后"));
	assert_non_null(strstr(s.err.msg, "工作表“表”"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
	tz_buf_reset(&b.s);

	/* A shared string table whose counts are wrong (4 billion; calamine's
	 * gh548 has one too small): the strings there are read, no more, and
	 * nothing is allocated for the claim. */
	bof(&b.s, 0x0600, 0x0005);
	boundsheet(&b, "\x68\x88", 1, 0);
	put32(h, 0xFFFFFFFF);
	put32(h + 4, 0xFFFFFFFF);
	biff_rec(&b.s, 0x00FC, h, 8);
	biff_rec(&b.s, 0x000A, NULL, 0);
	sheet_start(&b);
	labelsst(&b.s, 0, 0, 0);
	biff_rec(&b.s, 0x000A, NULL, 0);
	path = ole_with("sst.xls", "Workbook", &b.s);
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.rc, TZ_EINVAL);
	assert_non_null(strstr(s.err.msg, "不存在的共享字符串"));
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
	tz_buf_reset(&b.s);
	bof(&b.s, 0x0600, 0x0005);
	boundsheet(&b, "\x68\x88", 1, 0);
	put32(h, 1);
	put32(h + 4, 1);
	tz_buf_add(&b.s, "\xfc\x00\x12\x00", 4);  /* SST: 8 + 2 strings of 5 bytes */
	tz_buf_add(&b.s, h, 8);
	tz_buf_add(&b.s, "\x02\x00\x00" "ab" "\x02\x00\x00" "cd", 10);
	biff_rec(&b.s, 0x000A, NULL, 0);
	sheet_start(&b);
	labelsst(&b.s, 0, 0, 1);
	biff_rec(&b.s, 0x000A, NULL, 0);
	path = ole_with("sst1.xls", "Workbook", &b.s);
	r = tzs_open(path, NULL);
	tzs_read(r, &s, 0);
	assert_int_equal(s.rc, 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0], "1:cd");
	tzs_rows_free(&s);
	tz_reader_close(r);
	free(path);
	tz_buf_reset(&b.s);

	/* A record cut short by the end of the stream: the first pass over
	 * the sheet (for merged cells) finds it at open. */
	globals(&b, 0, 0);
	sheet_start(&b);
	biff_rec(&b.s, 0x0203, "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14);
	tz_buf_setlen(&b.s, b.s.len - 5);
	path = ole_with("cut.xls", "Workbook", &b.s);
	tzs_refused(path, TZ_EINVAL, "记录（0x0203）被截断");
	free(path);
	tz_buf_release(&b.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes_same_as_source),
		cmocka_unit_test(test_shapes_sheets),
		cmocka_unit_test(test_shapes_ledger),
		cmocka_unit_test(test_shapes_big_and_long),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_case_biff8),
		cmocka_unit_test(test_format_units),
		cmocka_unit_test_setup_teardown(test_built_book, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_sheet_hidden, setup, teardown),
		cmocka_unit_test_setup_teardown(test_encrypted_and_other_ole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_biff5_codepage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_streams, setup, teardown),
	};

	return cmocka_run_group_tests_name("intake/xls", tests, NULL, NULL);
}
