/*
 * xlsx.c: the XLSX table writer, on libxlsxwriter, and what the bulletin
 * workbook (xlsx-bulletin.c) shares with it: temporary files, formats and
 * cells.
 *
 * tz_table_xlsx writes an export table (one sheet, bold frozen header,
 * autofilter) that the XLSX reader and `import` read back unchanged: TEXT
 * cells are always strings, so "2025-12" stays text; MONEY and RATE are
 * numbers with a display format, INT plain numbers.
 *
 * libxlsxwriter writes to a path, so each writer works on a temporary file
 * made with mkstemps in $TMPDIR, copies it into the caller's FILE and
 * removes it. Exports use libxlsxwriter's constant-memory mode, so memory
 * does not grow with the number of rows.
 *
 * Money is an int64 count of 0.01 万元 everywhere in Taizhang; put_cell()
 * is the one place it becomes a double, as libxlsxwriter needs. value/100.0
 * is the double nearest the exact amount, and libxlsxwriter prints it with
 * 16 significant digits, so amounts below 10^13 万元 read back exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "report/writer.h"
#include "report/xlsxwriter-load.h"
#include "report/xlsx-internal.h"
#include "base/banned.h"

#define SHEET_NAME_MAX 31  /* Excel's limit, in characters */

/* ------------------------------------------------------------------ */
/* Temporary files                                                     */

static const char *tmp_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d && *d ? d : "/tmp";
}

int tz_xlsx_tmp_make(char **out, struct tz_err *err)
{
	struct tz_buf b = TZ_BUF_INIT;
	int fd;

	tz_buf_addf(&b, "%s/taizhang-XXXXXX.xlsx", tmp_dir());
	fd = mkstemps(b.buf, 5);
	if (fd < 0) {
		tz_buf_release(&b);
		*out = NULL;
		return tz_err_set(err, TZ_EIO, "无法在%s创建临时文件", tmp_dir());
	}
	close(fd);
	*out = tz_buf_detach(&b, NULL);
	return 0;
}

int tz_xlsx_tmp_copy(const char *path, FILE *out, struct tz_err *err)
{
	FILE *in = fopen(path, "rb");
	char chunk[64 * 1024];
	size_t n;
	int rc = 0;

	if (!in)
		return tz_err_set(err, TZ_EIO, "无法读取临时文件%s", path);
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		if (fwrite(chunk, 1, n, out) != n)
			break;
	if (ferror(in) || ferror(out) || fflush(out))
		rc = tz_err_set(err, TZ_EIO, "写入XLSX文件失败");
	fclose(in);
	return rc;
}

lxw_workbook *tz_xlsx_book_new(const char *path, int constant_memory, const char *title)
{
	lxw_workbook_options o = { .constant_memory = (uint8_t)constant_memory,
				   .tmpdir = (char *)tmp_dir() };
	lxw_doc_properties props = { .title = (char *)title,
				     .subject = (char *)"重点项目台账",
				     .comments = (char *)"由台账系统生成" };
	lxw_workbook *wb = workbook_new_opt(path, &o);

	if (wb)
		workbook_set_properties(wb, &props);
	return wb;
}

int tz_xlsx_fail(struct tz_err *err, lxw_error e)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return tz_err_set(err, TZ_ETOOBIG, "生成XLSX失败：单元格文本超过32767个字符");
	return tz_err_set(err, TZ_EIO, "生成XLSX失败（libxlsxwriter：%s）", lxw_strerror(e));
}

/* ------------------------------------------------------------------ */
/* Formats and cells                                                   */

static lxw_format *new_format(lxw_workbook *wb, const char *num, int bold, int border)
{
	lxw_format *f = workbook_add_format(wb);

	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

void tz_xlsx_styles_init(lxw_workbook *wb, struct tz_xlsx_styles *s, int border)
{
	static const char *const num[TZ_CELL_KINDS] = {
		[TZ_CELL_TEXT] = NULL, [TZ_CELL_MONEY] = "#,##0.00", [TZ_CELL_INT] = "0",
		[TZ_CELL_RATE] = "0.00%", [TZ_CELL_YI] = "#,##0.00",
	};

	for (int bold = 0; bold < 2; bold++) {
		for (int k = 0; k < TZ_CELL_KINDS; k++) {
			s->kind[bold][k] = new_format(wb, num[k], bold, border);
			if (border)
				format_set_align(s->kind[bold][k], LXW_ALIGN_VERTICAL_CENTER);
		}
		/* Bulletin text wraps inside its column (names, problems). */
		if (border)
			format_set_text_wrap(s->kind[bold][TZ_CELL_TEXT]);
	}
	s->header = new_format(wb, NULL, 1, 1);
	format_set_bg_color(s->header, 0xDDE4EE);
	format_set_align(s->header, LXW_ALIGN_CENTER);
	format_set_align(s->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(s->header);
	s->title = new_format(wb, NULL, 1, 0);
	format_set_font_size(s->title, 14);
	format_set_align(s->title, LXW_ALIGN_CENTER);
	format_set_align(s->title, LXW_ALIGN_VERTICAL_CENTER);
	s->flag = new_format(wb, NULL, 1, border);
	format_set_font_color(s->flag, 0xC9302C);
	format_set_align(s->flag, LXW_ALIGN_CENTER);
	format_set_align(s->flag, LXW_ALIGN_VERTICAL_CENTER);
	s->center = new_format(wb, NULL, 0, border);
	format_set_align(s->center, LXW_ALIGN_CENTER);
	format_set_align(s->center, LXW_ALIGN_VERTICAL_CENTER);
	s->note = new_format(wb, NULL, 0, 0);
	format_set_text_wrap(s->note);
	format_set_align(s->note, LXW_ALIGN_VERTICAL_TOP);
}

/* "_xHHHH_" at p, which readers take for an escaped character. */
static int looks_escaped(const char *p)
{
	if (p[0] != '_' || p[1] != 'x')
		return 0;
	for (int i = 2; i < 6; i++)
		if (!p[i] || !strchr("0123456789abcdefABCDEF", p[i]))
			return 0;
	return p[6] == '_';
}

/*
 * Text as is. libxlsxwriter escapes control characters as "_xHHHH_" but
 * not a literal "_xHHHH_" already in the text, which Excel and our reader
 * would then decode; escape its underscore ("_x005F_") as Excel does, so
 * that every string reads back unchanged.
 */
static lxw_error put_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
			  lxw_format *fmt)
{
	struct tz_buf b = TZ_BUF_INIT;
	lxw_error e = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;

	if (!strstr(s, "_x"))
		return worksheet_write_string(ws, r, c, s, fmt);
	tz_buf_init(&b, TZ_LIMIT_FIELD * 2);
	for (const char *p = s; *p; p++)
		if ((looks_escaped(p) && tz_buf_adds(&b, "_x005F")) || tz_buf_addch(&b, *p))
			goto out;
	e = worksheet_write_string(ws, r, c, b.buf, fmt);
out:
	tz_buf_release(&b);
	return e;
}

lxw_error tz_xlsx_put_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, enum tz_cell_kind kind,
			  const struct tz_cell *cell, lxw_format *fmt)
{
	if (cell->blank || (kind == TZ_CELL_TEXT && !(cell->text && *cell->text)))
		return worksheet_write_blank(ws, r, c, fmt);
	switch (kind) {
	case TZ_CELL_TEXT:
		return put_text(ws, r, c, cell->text, fmt);
	case TZ_CELL_MONEY:
		return worksheet_write_number(ws, r, c, (double)cell->value / 100.0, fmt);
	case TZ_CELL_RATE:
		return worksheet_write_number(ws, r, c, (double)cell->value / TZ_RATE_ONE, fmt);
	case TZ_CELL_YI:
		/* Rounded to 0.01 亿元 in integers first: the cell holds what it shows. */
		return worksheet_write_number(ws, r, c, (double)tz_money_yi100(cell->value) / 100.0,
					      fmt);
	case TZ_CELL_INT:
		return worksheet_write_number(ws, r, c, (double)cell->value, fmt);
	}
	return LXW_NO_ERROR;
}

lxw_error tz_xlsx_put_row(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			  size_t n, const struct tz_cell *cells, const struct tz_xlsx_styles *s, int bold)
{
	lxw_error e = LXW_NO_ERROR;

	for (size_t i = 0; i < n && !e; i++)
		e = tz_xlsx_put_cell(ws, r, (lxw_col_t)i, cols[i].kind, &cells[i],
				     s->kind[bold][cols[i].kind]);
	return e;
}

lxw_error tz_xlsx_put_header(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			     size_t n, const struct tz_xlsx_styles *s)
{
	lxw_error e = LXW_NO_ERROR;

	for (size_t i = 0; i < n && !e; i++) {
		e = worksheet_write_string(ws, r, (lxw_col_t)i, cols[i].header, s->header);
		if (!e)
			e = worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
						 cols[i].width > 0 ? cols[i].width : 10, NULL);
	}
	return e;
}

/*
 * A valid sheet name from a title: at most 31 characters, none of
 * []:*?/\ and no apostrophe at either end. Caller frees.
 */
static char *sheet_name(const char *title)
{
	struct tz_buf b = TZ_BUF_INIT;
	const char *p = title ? title : "", *end = p + strlen(p);
	size_t chars = 0;

	while (p < end && chars < SHEET_NAME_MAX) {
		const char *q = p;

		if (tz_utf8_next(&p, end) < 0)
			continue;
		if (strchr("[]:*?/\\", *q) && p == q + 1)
			tz_buf_addch(&b, '_');
		else
			tz_buf_add(&b, q, (size_t)(p - q));
		chars++;
	}
	while (b.len && b.buf[b.len - 1] == '\'')
		tz_buf_setlen(&b, b.len - 1);
	if (b.buf[0] == '\'')
		b.buf[0] = '_';
	if (!b.len)
		tz_buf_adds(&b, "数据");
	return tz_buf_detach(&b, NULL);
}

/* ------------------------------------------------------------------ */
/* The table writer                                                    */

struct xlsx_table {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct tz_xlsx_styles st;
	char *tmp;
	FILE *out;
	const struct tz_table_column *cols;
	size_t ncols;
	lxw_row_t row;   /* next row to write */
	int failed;      /* the code of the first error, or 0 */
};

static void table_free(struct xlsx_table *t)
{
	if (t->tmp) {
		unlink(t->tmp);
		free(t->tmp);
	}
	free(t);
}

static int table_begin(struct tz_table_writer **out, FILE *fp, const char *title,
		       const struct tz_table_column *cols, size_t ncols, struct tz_err *err)
{
	struct xlsx_table *t = tz_xcalloc(1, sizeof(*t));
	char *name = NULL;
	lxw_error e;
	int rc;

	*out = NULL;
	t->out = fp;
	t->cols = cols;
	t->ncols = ncols;
	/* libxlsxwriter is opened now, not at start-up (xlsxwriter-load.h). */
	if ((rc = tz_xlsxwriter_load("生成XLSX", NULL, err)))
		goto fail;
	if ((rc = tz_xlsx_tmp_make(&t->tmp, err)))
		goto fail;
	if (!(t->wb = tz_xlsx_book_new(t->tmp, 1, title))) {
		rc = tz_err_set(err, TZ_EIO, "无法创建XLSX工作簿");
		goto fail;
	}
	tz_xlsx_styles_init(t->wb, &t->st, 0);
	name = sheet_name(title);
	if (!(t->ws = workbook_add_worksheet(t->wb, name))) {
		rc = tz_err_set(err, TZ_EINVAL, "XLSX工作表名称“%s”无效", name);
		goto fail;
	}
	if ((e = tz_xlsx_put_header(t->ws, 0, cols, ncols, &t->st))) {
		rc = tz_xlsx_fail(err, e);
		goto fail;
	}
	worksheet_freeze_panes(t->ws, 1, 0);
	t->row = 1;
	free(name);
	*out = (struct tz_table_writer *)t;
	return 0;
fail:
	free(name);
	if (t->wb)
		workbook_close(t->wb);
	table_free(t);
	return rc;
}

static int table_row(struct tz_table_writer *w, const struct tz_cell *cells, struct tz_err *err)
{
	struct xlsx_table *t = (struct xlsx_table *)w;
	lxw_error e;

	if (t->failed)
		return t->failed;
	if (t->row >= LXW_ROW_MAX)
		return t->failed = tz_err_set(err, TZ_ETOOBIG,
					      "超过XLSX工作表的最大行数%d，请改用CSV格式导出",
					      LXW_ROW_MAX);
	e = tz_xlsx_put_row(t->ws, t->row, t->cols, t->ncols, cells, &t->st, 0);
	if (e)
		return t->failed = tz_xlsx_fail(err, e);
	t->row++;
	return 0;
}

static int table_end(struct tz_table_writer *w, struct tz_err *err)
{
	struct xlsx_table *t = (struct xlsx_table *)w;
	lxw_error e;
	int rc = t->failed;

	if (t->ncols)
		worksheet_autofilter(t->ws, 0, 0, t->row - 1, (lxw_col_t)(t->ncols - 1));
	e = workbook_close(t->wb);
	if (!rc && e)
		rc = tz_xlsx_fail(err, e);
	if (!rc)
		rc = tz_xlsx_tmp_copy(t->tmp, t->out, err);
	table_free(t);
	return rc;
}

const struct tz_table_writer_type tz_table_xlsx = { "xlsx", table_begin, table_row, table_end };
