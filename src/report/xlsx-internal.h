/*
 * xlsx-internal.h: what the XLSX writer's files share; not an API for
 * anything outside src/report/xlsx*.c.
 */
#ifndef TZ_REPORT_XLSX_INTERNAL_H
#define TZ_REPORT_XLSX_INTERNAL_H

#include <stdio.h>

#include <xlsxwriter.h>

#include "base/err.h"
#include "report/writer.h"

/*
 * libxlsxwriter writes to a path: a new empty temporary file in $TMPDIR
 * (*out is malloc'd; the caller unlinks and frees it), and the finished
 * workbook copied into the caller's stream. 0 or TZ_EIO with err set.
 */
int tz_xlsx_tmp_make(char **out, struct tz_err *err);
int tz_xlsx_tmp_copy(const char *path, FILE *out, struct tz_err *err);

/* A workbook at `path` titled `title` (document properties), or NULL. */
lxw_workbook *tz_xlsx_book_new(const char *path, int constant_memory, const char *title);

/* Set err from a libxlsxwriter error; returns TZ_ETOOBIG or TZ_EIO. */
int tz_xlsx_fail(struct tz_err *err, lxw_error e);

/*
 * The formats of a workbook: one per cell kind in a plain and a bold
 * (totals) weight, the header, the title, the red below-average flag,
 * centred text, and a wrapped note. With `border` (bulletins) cells are
 * boxed, centred vertically, and text wraps in its column.
 */
struct tz_xlsx_styles {
	lxw_format *header, *title, *flag, *center, *note;
	lxw_format *kind[2][TZ_CELL_KINDS];  /* [bold][enum tz_cell_kind] */
};
void tz_xlsx_styles_init(lxw_workbook *wb, struct tz_xlsx_styles *s, int border);

/*
 * Write one cell as its kind says. Money becomes a double here and only
 * here (see xlsx.c); TZ_CELL_YI is rounded to 0.01 亿元 in integers first.
 * Text is written so that it reads back unchanged.
 */
lxw_error tz_xlsx_put_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, enum tz_cell_kind kind,
			   const struct tz_cell *cell, lxw_format *fmt);
/* A row of n cells, and a header row that also sets the columns' widths. */
lxw_error tz_xlsx_put_row(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			  size_t n, const struct tz_cell *cells, const struct tz_xlsx_styles *s,
			  int bold);
lxw_error tz_xlsx_put_header(lxw_worksheet *ws, lxw_row_t r, const struct tz_table_column *cols,
			     size_t n, const struct tz_xlsx_styles *s);

/*
 * libxlsxwriter 1.1.4 (Debian 12) has no chart_combine(). The bulletin's
 * chart is therefore written as a column chart with two series, and this
 * rewrites the finished package: the series with index `series_idx` of
 * the bar chart in `chart_part` ("xl/charts/chart1.xml") moves into a
 * line chart drawn on the same axes, which is exactly what Excel writes
 * for a combined column/line chart. `xlsx_path` is rewritten in place.
 * Returns 0 or TZ_EIO/TZ_EINTERNAL with err set.
 */
int tz_xlsx_chart_to_line(const char *xlsx_path, const char *chart_part, int series_idx,
			  int with_markers, struct tz_err *err);

/*
 * libxlsxwriter prints every number with "%.16G", so the double nearest a
 * rate of 86.04 % (8604 basis points / 10000) is stored as
 * 0.8604000000000001, which a copied cell, LibreOffice or a script reading
 * the sheet show (walkthrough 8). This rewrites, in place, the value of
 * every number cell of the package's worksheets and every number of its
 * charts' caches in the shortest spelling that reads back as the same
 * double ("0.8604"); text cells and strings are left alone. Returns 0 or
 * TZ_EIO/TZ_EINTERNAL with err set.
 */
int tz_xlsx_shortest_numbers(const char *xlsx_path, struct tz_err *err);

#endif
