/*
 * xlsx.c: the XLSX writers, on libxlsxwriter.
 *
 *  - tz_table_xlsx: an export table (one sheet, bold frozen header,
 *    autofilter) that the XLSX reader and `import` read back unchanged:
 *    TEXT cells are always strings, so "2025-12" stays text; MONEY and
 *    RATE are numbers with a display format, INT plain numbers.
 *  - tz_bulletin_xlsx: the bulletin. Sheet 通报 has a title row, the
 *    shared group table plus a 序时进度 column and a bold 合计 row, frozen
 *    under the header, and a chart of 投资完成率 by group (columns) against
 *    序时进度 (a line on the same axes); sheet 滞后项目 lists the lagging
 *    projects.
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

/* A new empty temporary file for libxlsxwriter; caller unlinks and frees. */
static int tmp_make(char **out, struct tz_err *err)
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

/* Copy the finished workbook into the caller's stream. */
static int tmp_copy(const char *path, FILE *out, struct tz_err *err)
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

static lxw_workbook *book_new(const char *path, int constant_memory, const char *title)
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

static int lxw_fail(struct tz_err *err, lxw_error e)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return tz_err_set(err, TZ_ETOOBIG, "生成XLSX失败：单元格文本超过32767个字符");
	return tz_err_set(err, TZ_EIO, "生成XLSX失败（libxlsxwriter：%s）", lxw_strerror(e));
}

/* ------------------------------------------------------------------ */
/* Formats and cells                                                   */

/* One format per cell kind, in a plain and a bold (totals) weight. */
struct styles {
	lxw_format *header, *title, *flag;
	lxw_format *kind[2][4];  /* [bold][enum tz_cell_kind] */
};

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

static void styles_init(lxw_workbook *wb, struct styles *s, int border)
{
	static const char *const num[4] = { NULL, "#,##0.00", "0", "0.00%" };

	for (int bold = 0; bold < 2; bold++)
		for (int k = 0; k < 4; k++)
			s->kind[bold][k] = new_format(wb, num[k], bold, border);
	s->header = new_format(wb, NULL, 1, 1);
	format_set_bg_color(s->header, 0xDDE4EE);
	format_set_align(s->header, LXW_ALIGN_CENTER);
	format_set_align(s->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(s->header);
	s->title = new_format(wb, NULL, 1, 0);
	format_set_font_size(s->title, 14);
	format_set_align(s->title, LXW_ALIGN_CENTER);
	s->flag = new_format(wb, NULL, 1, border);
	format_set_font_color(s->flag, 0xC9302C);
	format_set_align(s->flag, LXW_ALIGN_CENTER);
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

/* Write one cell as its kind says; see the file comment about money. */
static lxw_error put_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, enum tz_cell_kind kind,
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
	case TZ_CELL_INT:
		return worksheet_write_number(ws, r, c, (double)cell->value, fmt);
	}
	return LXW_NO_ERROR;
}

static lxw_error put_row(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			 size_t n, const struct tz_cell *cells, const struct styles *s, int bold)
{
	lxw_error e = LXW_NO_ERROR;

	for (size_t i = 0; i < n && !e; i++)
		e = put_cell(ws, r, (lxw_col_t)i, cols[i].kind, &cells[i], s->kind[bold][cols[i].kind]);
	return e;
}

static lxw_error put_header(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			    size_t n, const struct styles *s)
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
	struct styles st;
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
	if ((rc = tmp_make(&t->tmp, err)))
		goto fail;
	if (!(t->wb = book_new(t->tmp, 1, title))) {
		rc = tz_err_set(err, TZ_EIO, "无法创建XLSX工作簿");
		goto fail;
	}
	styles_init(t->wb, &t->st, 0);
	name = sheet_name(title);
	if (!(t->ws = workbook_add_worksheet(t->wb, name))) {
		rc = tz_err_set(err, TZ_EINVAL, "XLSX工作表名称“%s”无效", name);
		goto fail;
	}
	if ((e = put_header(t->ws, 0, cols, ncols, &t->st))) {
		rc = lxw_fail(err, e);
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
	e = put_row(t->ws, t->row, t->cols, t->ncols, cells, &t->st, 0);
	if (e)
		return t->failed = lxw_fail(err, e);
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
		rc = lxw_fail(err, e);
	if (!rc)
		rc = tmp_copy(t->tmp, t->out, err);
	table_free(t);
	return rc;
}

const struct tz_table_writer_type tz_table_xlsx = { "xlsx", table_begin, table_row, table_end };

/* ------------------------------------------------------------------ */
/* The bulletin writer                                                 */

#define BULLETIN_SHEET "通报"
#define LAG_SHEET "滞后项目"
#define HEAD_ROW 2                  /* title, subtitle, then the header */
#define SCHED_COL TZ_BULLETIN_NCOLS /* the extra 序时进度 column */
#define RATE_COL 6                  /* 投资完成率 in the shared table */
#define KEY_COL 1

static lxw_error bulletin_titles(lxw_worksheet *ws, const struct tz_bulletin *b,
				 const char *title, const struct styles *s)
{
	const struct tz_bulletin_group *t = tz_bulletin_totals(b);
	char period[TZ_PERIOD_FMT_MAX], sched[TZ_RATE_FMT_MAX], rate[TZ_RATE_FMT_MAX];
	char sub[160];
	lxw_error e;

	tz_period_fmt(tz_bulletin_period(b), period);
	snprintf(sub, sizeof(sub), "调度期：%s　序时进度：%s　全市投资完成率：%s", period,
		 tz_rate_fmt_pct(tz_bulletin_schedule(b), 2, sched),
		 tz_rate_fmt_pct(t->completion_rate, 2, rate));
	worksheet_set_row(ws, 0, 24, NULL);
	e = worksheet_merge_range(ws, 0, 0, 0, SCHED_COL, title, s->title);
	return e ? e : worksheet_merge_range(ws, 1, 0, 1, SCHED_COL, sub, NULL);
}

/* A group or the 合计 row, with the schedule beside it. */
static lxw_error bulletin_row(lxw_worksheet *ws, lxw_row_t r, const struct tz_bulletin *b,
			      const struct tz_table_column *cols, const struct tz_bulletin_group *g,
			      const struct styles *s, int bold)
{
	struct tz_cell cells[TZ_BULLETIN_NCOLS + 1];
	char change[16];
	lxw_error e;

	tz_bulletin_group_cells(b, g, cells, change);
	e = put_row(ws, r, cols, TZ_BULLETIN_NCOLS, cells, s, bold);
	if (!e && g->below_average)
		e = put_cell(ws, r, TZ_BULLETIN_NCOLS - 1, TZ_CELL_TEXT,
			     &cells[TZ_BULLETIN_NCOLS - 1], s->flag);
	cells[SCHED_COL] = (struct tz_cell){ .value = tz_bulletin_schedule(b) };
	if (!e)
		e = put_cell(ws, r, SCHED_COL, TZ_CELL_RATE, &cells[SCHED_COL],
			     s->kind[bold][TZ_CELL_RATE]);
	return e;
}

static lxw_error bulletin_table(lxw_worksheet *ws, const struct tz_bulletin *b,
				const struct styles *s)
{
	struct tz_table_column cols[TZ_BULLETIN_NCOLS + 1];
	size_t n = tz_bulletin_group_count(b);
	lxw_row_t r = HEAD_ROW + 1;
	lxw_error e;

	tz_bulletin_table_columns(b, cols);
	cols[SCHED_COL] = (struct tz_table_column){ "序时进度", TZ_CELL_RATE, 10 };
	e = put_header(ws, HEAD_ROW, cols, TZ_BULLETIN_NCOLS + 1, s);
	for (size_t i = 0; i < n && !e; i++, r++)
		e = bulletin_row(ws, r, b, cols, tz_bulletin_group_at(b, i), s, 0);
	if (!e)
		e = bulletin_row(ws, r, b, cols, tz_bulletin_totals(b), s, 1);
	worksheet_freeze_panes(ws, HEAD_ROW + 1, 0);
	return e;
}

/*
 * The chart below the table: 投资完成率 per group as columns, 序时进度 as
 * a second series that tz_xlsx_chart_to_line() later turns into a line.
 */
static lxw_error bulletin_chart(lxw_workbook *wb, lxw_worksheet *ws, const struct tz_bulletin *b)
{
	const char *by = tz_bulletin_by_label(tz_bulletin_by(b));
	size_t n = tz_bulletin_group_count(b);
	lxw_row_t first = HEAD_ROW + 1, last = (lxw_row_t)(HEAD_ROW + n);
	lxw_chart *ch = n ? workbook_add_chart(wb, LXW_CHART_COLUMN) : NULL;
	lxw_chart_line sched = { .color = 0xE8960C, .width = 2.25,
				 .dash_type = LXW_CHART_LINE_DASH_DASH };
	lxw_chart_fill fill = { .color = 0x3B7DD8 };
	lxw_chart_series *s;
	lxw_chart_options at = { .x_offset = 4, .y_offset = 8, .y_scale = 1.4 };
	char title[96];

	if (!ch)
		return LXW_NO_ERROR;  /* no groups, nothing to draw */
	s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, BULLETIN_SHEET, first, KEY_COL, last, KEY_COL);
	chart_series_set_values(s, BULLETIN_SHEET, first, RATE_COL, last, RATE_COL);
	chart_series_set_name(s, "投资完成率");
	chart_series_set_fill(s, &fill);
	chart_series_set_labels(s);
	chart_series_set_labels_num_format(s, "0.0%");
	s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, BULLETIN_SHEET, first, KEY_COL, last, KEY_COL);
	chart_series_set_values(s, BULLETIN_SHEET, first, SCHED_COL, last, SCHED_COL);
	chart_series_set_name(s, "序时进度");
	chart_series_set_line(s, &sched);
	snprintf(title, sizeof(title), "各%s投资完成率与序时进度", by);
	chart_title_set_name(ch, title);
	chart_axis_set_name(ch->x_axis, by);
	chart_axis_set_name(ch->y_axis, "完成率");
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_min(ch->y_axis, 0);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	at.x_scale = n > 8 ? (160.0 + 60.0 * (double)n) / 480.0 : 1.5;
	if (at.x_scale > 6)
		at.x_scale = 6;
	return worksheet_insert_chart_opt(ws, last + 3, 0, ch, &at);
}

static lxw_error lag_sheet(lxw_workbook *wb, const struct tz_bulletin *b, const struct styles *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, LAG_SHEET);
	struct tz_cell cells[TZ_LAG_NCOLS];
	size_t n = tz_bulletin_lag_count(b);
	lxw_error e;

	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	e = put_header(ws, 0, tz_lag_columns, TZ_LAG_NCOLS, s);
	worksheet_freeze_panes(ws, 1, 0);
	if (!n && !e)
		e = worksheet_merge_range(ws, 1, 0, 1, TZ_LAG_NCOLS - 1, "本期没有进度滞后的项目",
					  NULL);
	for (size_t i = 0; i < n && !e; i++) {
		tz_bulletin_lag_cells(tz_bulletin_lag_at(b, i), i + 1, cells);
		e = put_row(ws, (lxw_row_t)(i + 1), tz_lag_columns, TZ_LAG_NCOLS, cells, s, 0);
	}
	return e;
}

/* Build the workbook at `path`; it is closed (written) in every case. */
static int bulletin_book(const struct tz_bulletin *b, const char *path, struct tz_err *err)
{
	char title[256];
	lxw_workbook *wb = book_new(path, 0, tz_bulletin_title(b, title, sizeof(title)));
	lxw_worksheet *ws;
	struct styles st;
	lxw_error e, ce;

	if (!wb)
		return tz_err_set(err, TZ_EIO, "无法创建XLSX工作簿");
	styles_init(wb, &st, 1);
	ws = workbook_add_worksheet(wb, BULLETIN_SHEET);
	e = ws ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (!e)
		e = bulletin_titles(ws, b, title, &st);
	if (!e)
		e = bulletin_table(ws, b, &st);
	if (!e)
		e = bulletin_chart(wb, ws, b);
	if (!e)
		e = lag_sheet(wb, b, &st);
	ce = workbook_close(wb);
	return e || ce ? lxw_fail(err, e ? e : ce) : 0;
}

static int bulletin_xlsx(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	char *tmp = NULL;
	int rc;

	if ((rc = tmp_make(&tmp, err)))
		return rc;
	rc = bulletin_book(b, tmp, err);
	if (!rc && tz_bulletin_group_count(b))
		rc = tz_xlsx_chart_to_line(tmp, "xl/charts/chart1.xml", 1,
					   tz_bulletin_group_count(b) == 1, err);
	if (!rc)
		rc = tmp_copy(tmp, fp, err);
	unlink(tmp);
	free(tmp);
	return rc;
}

const struct tz_bulletin_writer_type tz_bulletin_xlsx = { "xlsx", bulletin_xlsx, 1 };
