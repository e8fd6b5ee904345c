/*
 * xlsx-bulletin.c: the bulletin as a workbook people print and circulate.
 *
 * Sheets, each with the bulletin's title and a line with the 调度期 in the
 * rows above its table, printed on A4 landscape, one page wide (as many
 * pages high as it takes), the table's header repeated on every printed
 * page, the title and 调度期 in the page header and "第N页 共M页" in the
 * footer:
 *
 *  - 通报: the shared group table in 亿元 with two decimals (money rounded
 *    half up once, in integers, so a cell holds what it shows), a bold 合计
 *    row, groups below the city average flagged in red, and the opening
 *    paragraphs (summary.c);
 *  - 图表 (a chart sheet: one printed landscape page): 投资完成率 by group
 *    (columns) against 序时进度 (a line on the same axes);
 *  - 滞后项目: every lagging project, worst first, in 万元, with 包联领导,
 *    责任单位 and 存在问题 (wrapped in their columns);
 *  - 未报送项目: every project that did not report, by group, in 万元;
 *  - 图表数据 (hidden): the chart's 序时进度 series, which needs one cell
 *    per group but is no column a reader should see.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/money.h"
#include "dl/xml-load.h"
#include "dl/zip-load.h"
#include "report/summary.h"
#include "report/writer.h"
#include "report/xlsxwriter-load.h"
#include "report/xlsx-internal.h"
#include "base/banned.h"

#define BULLETIN_SHEET "通报"
#define LAG_SHEET "滞后项目"
#define MISSING_SHEET "未报送项目"
#define CHART_SHEET "图表"
#define DATA_SHEET "图表数据"
#define HEAD_ROW 2      /* title, the 调度期 line, then the table's header */
#define KEY_COL 2       /* the group in the shared table */
#define RATE_COL 7      /* 投资完成率 in the shared table */
#define PAPER_A4 9      /* Excel's paper code */
#define FOOTER "&C第 &P 页 共 &N 页"

/* What every sheet of the workbook is built with. */
struct book {
	lxw_workbook *wb;
	const struct tz_bulletin *b;
	struct tz_xlsx_styles st;
	char title[256];
	char period[TZ_PERIOD_FMT_MAX];
	char sched[TZ_RATE_FMT_MAX];
	char header[640];  /* the page header, the same on every sheet */
};

/* ------------------------------------------------------------------ */
/* Page setup and titles                                               */

/* Width of n columns in pixels, as Excel lays them out (7 px per unit). */
static double columns_px(const struct tz_table_column *cols, size_t n)
{
	double px = 0;

	for (size_t i = 0; i < n; i++)
		px += (int)(cols[i].width * 7.0 + 0.5) + 5;
	return px;
}

/*
 * Print setup shared by the visible sheets: A4 landscape, one page wide,
 * the header row repeated, title and 调度期 in the page header, page
 * numbers in the footer, centred.
 */
static lxw_error page_setup(struct book *k, lxw_worksheet *ws)
{
	lxw_error e;

	worksheet_set_paper(ws, PAPER_A4);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.6);
	e = worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW);
	if (!e)
		e = worksheet_set_header(ws, k->header);
	if (!e)
		e = worksheet_set_footer(ws, FOOTER);
	worksheet_freeze_panes(ws, HEAD_ROW + 1, 0);
	return e;
}

/* Rows 0 and 1: the bulletin's title and this sheet's line, across n columns. */
static lxw_error titles(struct book *k, lxw_worksheet *ws, size_t ncols, const char *line)
{
	lxw_error e;

	worksheet_set_row(ws, 0, 28, NULL);
	e = worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(ncols - 1), k->title, k->st.title);
	if (!e)
		e = worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(ncols - 1), line, NULL);
	/* Room for headers that wrap ("年度计划投资(万元)"). */
	if (!e)
		e = worksheet_set_row(ws, HEAD_ROW, 30, NULL);
	return e;
}

/* ------------------------------------------------------------------ */
/* 通报: the group table in 亿元, the paragraphs, the chart              */

static lxw_error group_row(struct book *k, lxw_worksheet *ws, lxw_row_t r,
			   const struct tz_table_column *cols, const struct tz_bulletin_group *g,
			   int bold)
{
	struct tz_cell cells[TZ_BULLETIN_NCOLS];
	char change[16];
	lxw_error e;

	tz_bulletin_group_cells(k->b, g, cells, change);
	e = tz_xlsx_put_row(ws, r, cols, tz_bulletin_table_ncols(k->b), cells, &k->st, bold);
	if (!e)
		e = tz_xlsx_put_cell(ws, r, 1, TZ_CELL_TEXT, &cells[1], k->st.center);
	if (!e && g->below_average)
		e = tz_xlsx_put_cell(ws, r, TZ_BULLETIN_COL_BELOW, TZ_CELL_TEXT,
				     &cells[TZ_BULLETIN_COL_BELOW], k->st.flag);
	return e;
}

/*
 * Display width of text in column units: a CJK character is about two
 * digits wide in Excel's default fonts.
 */
static size_t text_units(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	size_t units = 0;

	while (p < end) {
		int cp = tz_utf8_next(&p, end);

		units += cp >= 0 && cp < 0x80 ? 1 : 2;
	}
	return units;
}

/*
 * The opening paragraphs under the table, one merged, wrapped row each.
 * Excel does not fit the height of merged cells, so it is estimated from
 * the text's width.
 */
static lxw_error paragraphs(struct book *k, lxw_worksheet *ws, lxw_row_t row, double width_units)
{
	struct tz_buf text = TZ_BUF_INIT;
	lxw_error e = LXW_NO_ERROR;
	char *p, *nl;

	if (tz_bulletin_summary(k->b, &text))
		goto out;  /* too long to be a paragraph: leave it out */
	for (p = text.buf; p && !e; p = nl ? nl + 1 : NULL) {
		size_t lines;

		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lines = (size_t)((double)text_units(p) / (width_units * 0.92)) + 1;
		worksheet_set_row(ws, row, 16.0 * (double)lines + 4, k->st.note);
		e = worksheet_merge_range(ws, row, 0, row,
					  (lxw_col_t)(tz_bulletin_table_ncols(k->b) - 1), p, k->st.note);
		row++;
	}
out:
	tz_buf_release(&text);
	return e;
}

/*
 * The chart, on a chart sheet of its own so that it prints as one whole
 * landscape page after the table (under it, it would be cut across pages
 * or printed under a repeated header): 投资完成率 per group as columns,
 * 序时进度 (from the hidden sheet) as a second series that
 * tz_xlsx_chart_to_line() later turns into a line.
 */
static lxw_error chart_sheet(struct book *k)
{
	const char *by = tz_bulletin_by_label(tz_bulletin_by(k->b));
	size_t n = tz_bulletin_group_count(k->b);
	lxw_row_t first = HEAD_ROW + 1, last = (lxw_row_t)(HEAD_ROW + n);
	lxw_chartsheet *cs;
	lxw_chart *ch;
	lxw_chart_line sched = { .color = 0xE8960C, .width = 2.25,
				 .dash_type = LXW_CHART_LINE_DASH_DASH };
	lxw_chart_fill fill = { .color = 0x3B7DD8 };
	lxw_chart_series *s;
	char title[160], months[16];
	lxw_error e;

	if (!n)
		return LXW_NO_ERROR;  /* no groups, nothing to draw */
	cs = workbook_add_chartsheet(k->wb, CHART_SHEET);
	ch = workbook_add_chart(k->wb, LXW_CHART_COLUMN);
	if (!cs || !ch)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, BULLETIN_SHEET, first, KEY_COL, last, KEY_COL);
	chart_series_set_values(s, BULLETIN_SHEET, first, RATE_COL, last, RATE_COL);
	chart_series_set_name(s, "投资完成率");
	chart_series_set_fill(s, &fill);
	chart_series_set_labels(s);
	chart_series_set_labels_num_format(s, "0.0%");
	s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, BULLETIN_SHEET, first, KEY_COL, last, KEY_COL);
	chart_series_set_values(s, DATA_SHEET, 1, 2, (lxw_row_t)n, 2);
	chart_series_set_name(s, "序时进度");
	chart_series_set_line(s, &sched);
	snprintf(title, sizeof(title), "%d年%s各%s投资完成率与序时进度",
		 tz_bulletin_period(k->b).year, tz_bulletin_months(k->b, months, sizeof(months)),
		 by);
	chart_title_set_name(ch, title);
	chart_axis_set_name(ch->x_axis, by);
	chart_axis_set_name(ch->y_axis, "完成率");
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_min(ch->y_axis, 0);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	e = chartsheet_set_chart(cs, ch);
	chartsheet_set_paper(cs, PAPER_A4);
	chartsheet_set_landscape(cs);
	if (!e)
		e = chartsheet_set_header(cs, k->header);
	if (!e)
		e = chartsheet_set_footer(cs, FOOTER);
	return e;
}

static lxw_error summary_sheet(struct book *k)
{
	const struct tz_bulletin_group *t = tz_bulletin_totals(k->b);
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, BULLETIN_SHEET);
	struct tz_table_column cols[TZ_BULLETIN_NCOLS];
	size_t n = tz_bulletin_group_count(k->b), ncols = tz_bulletin_table_ncols(k->b);
	char line[384], rate[TZ_RATE_FMT_MAX];
	lxw_row_t r = HEAD_ROW + 1;
	lxw_error e;

	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	tz_bulletin_table_columns(k->b, cols);
	tz_bulletin_columns_in_yi(cols);
	snprintf(line, sizeof(line), "调度期：%s　序时进度：%s　%s投资完成率：%s　"
		 "金额单位：亿元（四舍五入，分项之和与合计可能有尾差）",
		 k->period, k->sched, tz_bulletin_scope(k->b),
		 tz_rate_fmt_pct(t->completion_rate, 2, rate));
	e = titles(k, ws, ncols, line);
	if (!e)
		e = tz_xlsx_put_header(ws, HEAD_ROW, cols, ncols, &k->st);
	for (size_t i = 0; i < n && !e; i++, r++)
		e = group_row(k, ws, r, cols, tz_bulletin_group_at(k->b, i), 0);
	if (!e)
		e = group_row(k, ws, r, cols, t, 1);
	if (!e)
		e = paragraphs(k, ws, r + 2, columns_px(cols, ncols) / 7.0);
	if (!e)
		e = page_setup(k, ws);
	return e;
}

/* ------------------------------------------------------------------ */
/* The lists, in 万元                                                   */

/* The lagging list's columns, narrower where the text wraps. */
static void lag_columns(struct tz_table_column cols[TZ_LAG_NCOLS])
{
	memcpy(cols, tz_lag_columns, sizeof(tz_lag_columns));
	for (size_t i = 0; i < TZ_LAG_NCOLS; i++) {
		if (cols[i].kind == TZ_CELL_MONEY)
			cols[i].width = 14;
		else if (!strcmp(cols[i].header, "项目名称"))
			cols[i].width = 28;
		else if (!strcmp(cols[i].header, "所属地区"))
			cols[i].width = 14;
	}
}

static lxw_error lag_sheet(struct book *k)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, LAG_SHEET);
	struct tz_table_column cols[TZ_LAG_NCOLS];
	struct tz_cell cells[TZ_LAG_NCOLS];
	size_t n = tz_bulletin_lag_count(k->b);
	char line[320];
	lxw_error e;

	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lag_columns(cols);
	snprintf(line, sizeof(line),
		 "调度期：%s　序时进度：%s　进度滞后项目%zu个（完成比例落后序时进度10个百分点以上，"
		 "按完成比例从低到高排列）　金额单位：万元",
		 k->period, k->sched, n);
	e = titles(k, ws, TZ_LAG_NCOLS, line);
	if (!e)
		e = tz_xlsx_put_header(ws, HEAD_ROW, cols, TZ_LAG_NCOLS, &k->st);
	if (!n && !e)
		e = worksheet_merge_range(ws, HEAD_ROW + 1, 0, HEAD_ROW + 1, TZ_LAG_NCOLS - 1,
					  "本期没有进度滞后的项目", k->st.center);
	for (size_t i = 0; i < n && !e; i++) {
		tz_bulletin_lag_cells(tz_bulletin_lag_at(k->b, i), i + 1, cells);
		e = tz_xlsx_put_row(ws, (lxw_row_t)(HEAD_ROW + 1 + i), cols, TZ_LAG_NCOLS, cells,
				    &k->st, 0);
	}
	if (!e)
		e = page_setup(k, ws);
	return e;
}

/*
 * The 未报送 list, with the group as a last column when the grouping is
 * not already one of the list's columns (所属地区, 责任单位, 包联领导).
 */
static lxw_error missing_sheet(struct book *k)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, MISSING_SHEET);
	enum tz_bulletin_by by = tz_bulletin_by(k->b);
	int with_group = by == TZ_BY_CATEGORY || by == TZ_BY_LEVEL;
	size_t ncols = TZ_MISSING_NCOLS + (size_t)with_group;
	struct tz_table_column cols[TZ_MISSING_NCOLS + 1];
	struct tz_cell cells[TZ_MISSING_NCOLS + 1];
	size_t n = tz_bulletin_missing_count(k->b);
	char line[256];
	lxw_error e;

	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	memcpy(cols, tz_missing_columns, sizeof(tz_missing_columns));
	cols[TZ_MISSING_NCOLS] = (struct tz_table_column){ tz_bulletin_by_label(by), TZ_CELL_TEXT,
							   14 };
	snprintf(line, sizeof(line), "调度期：%s　应报送而未报送调度数据的项目%zu个（按%s排列）",
		 k->period, n, tz_bulletin_by_label(by));
	e = titles(k, ws, ncols, line);
	if (!e)
		e = tz_xlsx_put_header(ws, HEAD_ROW, cols, ncols, &k->st);
	if (!n && !e)
		e = worksheet_merge_range(ws, HEAD_ROW + 1, 0, HEAD_ROW + 1, (lxw_col_t)(ncols - 1),
					  "本期应报送的项目均已报送", k->st.center);
	for (size_t i = 0; i < n && !e; i++) {
		const struct tz_bulletin_missing *m = tz_bulletin_missing_at(k->b, i);

		tz_bulletin_missing_cells(m, i + 1, cells);
		cells[TZ_MISSING_NCOLS] = (struct tz_cell){ .text = m->key };
		e = tz_xlsx_put_row(ws, (lxw_row_t)(HEAD_ROW + 1 + i), cols, ncols, cells, &k->st,
				    0);
	}
	if (!e)
		e = page_setup(k, ws);
	return e;
}

/* The hidden sheet with the chart's schedule series. */
static lxw_error data_sheet(struct book *k)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, DATA_SHEET);
	size_t n = tz_bulletin_group_count(k->b);
	struct tz_cell sched = { .value = tz_bulletin_schedule(k->b) };
	lxw_error e;

	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	worksheet_hide(ws);
	e = worksheet_write_string(ws, 0, 0, tz_bulletin_by_label(tz_bulletin_by(k->b)), NULL);
	if (!e)
		e = worksheet_write_string(ws, 0, 2, "序时进度", NULL);
	for (size_t i = 0; i < n && !e; i++) {
		struct tz_cell key = { .text = tz_bulletin_group_at(k->b, i)->key };

		e = tz_xlsx_put_cell(ws, (lxw_row_t)(i + 1), 0, TZ_CELL_TEXT, &key, NULL);
		if (!e)
			e = tz_xlsx_put_cell(ws, (lxw_row_t)(i + 1), 2, TZ_CELL_RATE, &sched,
					     k->st.kind[0][TZ_CELL_RATE]);
	}
	return e;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                        */

/* Build the workbook at `path`; it is closed (written) in every case. */
static int bulletin_book(const struct tz_bulletin *b, const char *path, struct tz_err *err)
{
	struct book k = { .b = b };
	lxw_error e, ce;

	tz_bulletin_title(b, k.title, sizeof(k.title));
	tz_period_fmt(tz_bulletin_period(b), k.period);
	tz_rate_fmt_pct(tz_bulletin_schedule(b), 2, k.sched);
	/* "&&" is a literal "&" in a page header; the title has none. */
	snprintf(k.header, sizeof(k.header), "&L调度期：%s&C&B%s&B&R序时进度：%s", k.period,
		 k.title, k.sched);
	if (!(k.wb = tz_xlsx_book_new(path, 0, k.title)))
		return tz_err_set(err, TZ_EIO, "无法创建XLSX工作簿");
	tz_xlsx_styles_init(k.wb, &k.st, 1);
	e = summary_sheet(&k);
	if (!e)
		e = chart_sheet(&k);
	if (!e)
		e = lag_sheet(&k);
	if (!e)
		e = missing_sheet(&k);
	if (!e)
		e = data_sheet(&k);
	ce = workbook_close(k.wb);
	return e || ce ? tz_xlsx_fail(err, e ? e : ce) : 0;
}

static int bulletin_xlsx(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	char *tmp = NULL;
	int rc;

	/* The libraries are opened now, not at start-up (xlsxwriter-load.h,
	 * dl/zip-load.h, dl/xml-load.h): the book's parts are rewritten. */
	if ((rc = tz_xlsxwriter_load("生成XLSX", NULL, err)) ||
	    (rc = tz_dl_zip_load("生成XLSX", NULL, err)) ||
	    (rc = tz_dl_xml_load("生成XLSX", NULL, err)))
		return rc;
	if ((rc = tz_xlsx_tmp_make(&tmp, err)))
		return rc;
	rc = bulletin_book(b, tmp, err);
	if (!rc && tz_bulletin_group_count(b))
		rc = tz_xlsx_chart_to_line(tmp, "xl/charts/chart1.xml", 1,
					   tz_bulletin_group_count(b) == 1, err);
	if (!rc)
		rc = tz_xlsx_shortest_numbers(tmp, err);
	if (!rc)
		rc = tz_xlsx_tmp_copy(tmp, fp, err);
	unlink(tmp);
	free(tmp);
	return rc;
}

const struct tz_bulletin_writer_type tz_bulletin_xlsx = { "xlsx", bulletin_xlsx, 1 };
