/*
 * csv.c: CSV writers, for Excel on Chinese Windows: UTF-8 with a BOM (so
 * Excel does not read it as GBK), CRLF line ends, RFC 4180 quoting. Text
 * that Excel would run as a formula (=, +, -, @ first) is prefixed with
 * an apostrophe, which the importer removes again.
 *
 * A line break inside a text (a 存在问题 saved from a web form holds CRLF,
 * one from a sheet LF, sometimes a lone CR) is written as it is, inside
 * the field's quotes: a CSV reader gets back exactly the bytes JSON has
 * (and XLSX, as _x000D_), and the import of an export stores them again.
 * Nothing is translated (walkthrough 12 saw a CR come out as "a plain
 * line break"): a spreadsheet shows the break in the cell (LibreOffice
 * reads CR, CRLF and LF as one; Excel, by published reports, breaks the
 * line at the LF and shows a CR as a small mark, as it does the CR of the
 * XLSX), and turning CR into LF here would make the CSV the one format
 * that changes the text.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "report/writer.h"
#include "base/banned.h"

struct csv_writer {
	FILE *fp;
	const struct tz_table_column *cols;
	size_t ncols;
	struct tz_buf line;
};

static int formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@';
}

/*
 * Whether a spreadsheet could take the text for a formula: it starts with
 * =, +, - or @, or with a tab or CR (which some programs strip before
 * they look; OWASP's CSV injection list) that leads, past any further
 * white space, to one of them. A text that only starts with a line break
 * ("\r\n征地未完成", a web form's) is no formula and is written as it is:
 * an apostrophe there would be kept by the import as part of the text.
 */
static int formula_like(const char *s)
{
	if (formula_start(*s))
		return 1;
	if (*s != '\t' && *s != '\r')
		return 0;
	while (*s == '\t' || *s == '\r' || *s == '\n' || *s == ' ')
		s++;
	return formula_start(*s);
}

/* A text cell: quoted when it holds a comma, a quote or a line break, or
 * starts or ends with a space; a formula-like start behind an apostrophe;
 * quotes doubled. Copied a run at a time (a bulletin has 300,000 cells). */
static void add_text(struct tz_buf *b, const char *s)
{
	size_t len;
	int quote, formula;

	if (!s)
		s = "";
	len = strlen(s);
	formula = formula_like(s);
	quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
		(len && (s[0] == ' ' || s[len - 1] == ' '));
	if (quote)
		tz_buf_addch(b, '"');
	if (formula)
		tz_buf_addch(b, '\'');
	for (const char *p = s, *q; *p; p = q + 1) {
		q = strchr(p, '"');
		if (!q) {
			tz_buf_add(b, p, (size_t)(s + len - p));
			break;
		}
		tz_buf_add(b, p, (size_t)(q - p + 1));
		tz_buf_addch(b, '"'); /* the quote doubled */
	}
	if (quote)
		tz_buf_addch(b, '"');
}

static void add_cell(struct tz_buf *b, enum tz_cell_kind kind, const struct tz_cell *c)
{
	char num[TZ_MONEY_FMT_MAX];

	if (c->blank)
		return;
	switch (kind) {
	case TZ_CELL_TEXT:
		add_text(b, c->text);
		break;
	case TZ_CELL_MONEY:
		tz_buf_adds(b, tz_money_fmt(c->value, num));
		break;
	case TZ_CELL_INT:
		tz_buf_addf(b, "%lld", (long long)c->value);
		break;
	case TZ_CELL_RATE:
		tz_buf_adds(b, tz_rate_fmt_pct((int32_t)c->value, 2, num));
		break;
	case TZ_CELL_YI:
		tz_buf_adds(b, tz_money_fmt_yi(c->value, num));
		break;
	}
}

static int flush_line(struct csv_writer *w, struct tz_err *err)
{
	tz_buf_adds(&w->line, "\r\n");
	if (fwrite(w->line.buf, 1, w->line.len, w->fp) != w->line.len)
		return tz_err_set(err, TZ_EIO, "写入CSV失败");
	tz_buf_reset(&w->line);
	return 0;
}

static int csv_begin(struct tz_table_writer **out, FILE *fp, const char *title,
		     const struct tz_table_column *cols, size_t ncols, struct tz_err *err)
{
	struct csv_writer *w = tz_xcalloc(1, sizeof(*w));

	(void)title; /* a CSV file has no sheet name */
	w->fp = fp;
	w->cols = cols;
	w->ncols = ncols;
	tz_buf_init(&w->line, TZ_LIMIT_RECORD);
	tz_buf_adds(&w->line, "\xEF\xBB\xBF");
	for (size_t i = 0; i < ncols; i++) {
		if (i)
			tz_buf_addch(&w->line, ',');
		add_text(&w->line, cols[i].header);
	}
	*out = (struct tz_table_writer *)w;
	return flush_line(w, err);
}

static int csv_row(struct tz_table_writer *tw, const struct tz_cell *cells, struct tz_err *err)
{
	struct csv_writer *w = (struct csv_writer *)tw;

	for (size_t i = 0; i < w->ncols; i++) {
		if (i)
			tz_buf_addch(&w->line, ',');
		add_cell(&w->line, w->cols[i].kind, &cells[i]);
	}
	return flush_line(w, err);
}

static int csv_end(struct tz_table_writer *tw, struct tz_err *err)
{
	struct csv_writer *w = (struct csv_writer *)tw;
	int rc = 0;

	if (!w)
		return 0;
	if (fflush(w->fp))
		rc = tz_err_set(err, TZ_EIO, "写入CSV失败");
	tz_buf_release(&w->line);
	free(w);
	return rc;
}

const struct tz_table_writer_type tz_table_csv = { "csv", csv_begin, csv_row, csv_end };

/* ------------------------------------------------------------------ */
/* The bulletin as CSV: a title, the group table, then lagging projects. */

static int write_bulletin(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	struct tz_table_column cols[TZ_BULLETIN_NCOLS];
	struct tz_cell cells[TZ_BULLETIN_NCOLS], lag[TZ_LAG_NCOLS], miss[TZ_MISSING_NCOLS];
	char change[16];  /* the rank change, the same text as in every format */
	struct csv_writer w;
	char title[256], pct[TZ_RATE_FMT_MAX];
	int rc;

	memset(&w, 0, sizeof(w));
	w.fp = fp;
	tz_buf_init(&w.line, TZ_LIMIT_RECORD);
	tz_buf_adds(&w.line, "\xEF\xBB\xBF");
	add_text(&w.line, tz_bulletin_title(b, title, sizeof(title)));
	if ((rc = flush_line(&w, err)))
		goto out;
	tz_buf_addf(&w.line, "序时进度,%s", tz_rate_fmt_pct(tz_bulletin_schedule(b), 2, pct));
	if ((rc = flush_line(&w, err)))
		goto out;

	/* Every column, 未安排计划项目完成投资 too (last, so that the older
	 * columns keep their places), as the JSON always has the field. */
	tz_bulletin_table_columns(b, cols);
	w.cols = cols;
	w.ncols = TZ_BULLETIN_NCOLS;
	for (size_t i = 0; i < TZ_BULLETIN_NCOLS; i++) {
		if (i)
			tz_buf_addch(&w.line, ',');
		add_text(&w.line, cols[i].header);
	}
	if ((rc = flush_line(&w, err)))
		goto out;
	for (size_t i = 0; i <= tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *g = i < tz_bulletin_group_count(b)
			? tz_bulletin_group_at(b, i) : tz_bulletin_totals(b);

		tz_bulletin_group_cells(b, g, cells, change);
		if ((rc = csv_row((struct tz_table_writer *)&w, cells, err)))
			goto out;
	}

	if ((rc = flush_line(&w, err)))
		goto out;
	tz_buf_addf(&w.line, "进度滞后项目（落后序时进度10个百分点以上）,%zu个",
		    tz_bulletin_lag_count(b));
	if ((rc = flush_line(&w, err)))
		goto out;
	w.cols = tz_lag_columns;
	w.ncols = TZ_LAG_NCOLS;
	for (size_t i = 0; i < TZ_LAG_NCOLS; i++) {
		if (i)
			tz_buf_addch(&w.line, ',');
		add_text(&w.line, tz_lag_columns[i].header);
	}
	if ((rc = flush_line(&w, err)))
		goto out;
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++) {
		tz_bulletin_lag_cells(tz_bulletin_lag_at(b, i), i + 1, lag);
		if ((rc = csv_row((struct tz_table_writer *)&w, lag, err)))
			goto out;
	}

	if ((rc = flush_line(&w, err)))
		goto out;
	tz_buf_addf(&w.line, "未报送项目,%zu个", tz_bulletin_missing_count(b));
	if ((rc = flush_line(&w, err)))
		goto out;
	w.cols = tz_missing_columns;
	w.ncols = TZ_MISSING_NCOLS;
	for (size_t i = 0; i < TZ_MISSING_NCOLS; i++) {
		if (i)
			tz_buf_addch(&w.line, ',');
		add_text(&w.line, tz_missing_columns[i].header);
	}
	if ((rc = flush_line(&w, err)))
		goto out;
	for (size_t i = 0; i < tz_bulletin_missing_count(b); i++) {
		tz_bulletin_missing_cells(tz_bulletin_missing_at(b, i), i + 1, miss);
		if ((rc = csv_row((struct tz_table_writer *)&w, miss, err)))
			goto out;
	}
	if (fflush(fp))
		rc = tz_err_set(err, TZ_EIO, "写入CSV失败");
out:
	tz_buf_release(&w.line);
	return rc;
}

const struct tz_bulletin_writer_type tz_bulletin_csv = { "csv", write_bulletin, 0 };
