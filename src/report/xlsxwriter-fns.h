/*
 * xlsxwriter-fns.h: the libxlsxwriter functions this program calls, one list for
 * xlsxwriter-load.c (which looks them up) and xlsxwriter-fwd.c (which defines them
 * under their own names). Not for other files: they call the functions
 * by their names, after tz_xlsxwriter_load() (see xlsxwriter-load.h).
 *
 * A function added to the callers is added here, or the link of
 * `taizhang` fails with it undefined. None is variadic.
 */
#ifndef TZ_REPORT_XLSXWRITER_FNS_H
#define TZ_REPORT_XLSXWRITER_FNS_H

#include <xlsxwriter.h>

/* F(return type, name, (parameters), (arguments)); V for void ones. */
#define XLSXWRITER_FUNCTIONS(F, V) \
	F(lxw_chart_series *, chart_add_series, (lxw_chart *chart, const char *categories, const char *values), (chart, categories, values)) \
	V(chart_axis_set_min, (lxw_chart_axis *axis, double min), (axis, min)) \
	V(chart_axis_set_name, (lxw_chart_axis *axis, const char *name), (axis, name)) \
	V(chart_axis_set_num_format, (lxw_chart_axis *axis, const char *num_format), (axis, num_format)) \
	V(chart_legend_set_position, (lxw_chart *chart, uint8_t position), (chart, position)) \
	V(chart_series_set_categories, (lxw_chart_series *series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (series, sheetname, first_row, first_col, last_row, last_col)) \
	V(chart_series_set_fill, (lxw_chart_series *series, lxw_chart_fill *fill), (series, fill)) \
	V(chart_series_set_labels, (lxw_chart_series *series), (series)) \
	V(chart_series_set_labels_num_format, (lxw_chart_series *series, const char *num_format), (series, num_format)) \
	V(chart_series_set_line, (lxw_chart_series *series, lxw_chart_line *line), (series, line)) \
	V(chart_series_set_name, (lxw_chart_series *series, const char *name), (series, name)) \
	V(chart_series_set_values, (lxw_chart_series *series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (series, sheetname, first_row, first_col, last_row, last_col)) \
	V(chart_title_set_name, (lxw_chart *chart, const char *name), (chart, name)) \
	F(lxw_error, chartsheet_set_chart, (lxw_chartsheet *chartsheet, lxw_chart *chart), (chartsheet, chart)) \
	F(lxw_error, chartsheet_set_footer, (lxw_chartsheet *chartsheet, const char *string), (chartsheet, string)) \
	F(lxw_error, chartsheet_set_header, (lxw_chartsheet *chartsheet, const char *string), (chartsheet, string)) \
	V(chartsheet_set_landscape, (lxw_chartsheet *chartsheet), (chartsheet)) \
	V(chartsheet_set_paper, (lxw_chartsheet *chartsheet, uint8_t paper_type), (chartsheet, paper_type)) \
	V(format_set_align, (lxw_format *format, uint8_t alignment), (format, alignment)) \
	V(format_set_bg_color, (lxw_format *format, lxw_color_t color), (format, color)) \
	V(format_set_bold, (lxw_format *format), (format)) \
	V(format_set_border, (lxw_format *format, uint8_t style), (format, style)) \
	V(format_set_font_color, (lxw_format *format, lxw_color_t color), (format, color)) \
	V(format_set_font_size, (lxw_format *format, double size), (format, size)) \
	V(format_set_num_format, (lxw_format *format, const char *num_format), (format, num_format)) \
	V(format_set_text_wrap, (lxw_format *format), (format)) \
	F(char *, lxw_strerror, (lxw_error error_num), (error_num)) \
	F(lxw_chart *, workbook_add_chart, (lxw_workbook *workbook, uint8_t chart_type), (workbook, chart_type)) \
	F(lxw_chartsheet *, workbook_add_chartsheet, (lxw_workbook *workbook, const char *sheetname), (workbook, sheetname)) \
	F(lxw_format *, workbook_add_format, (lxw_workbook *workbook), (workbook)) \
	F(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *workbook, const char *sheetname), (workbook, sheetname)) \
	F(lxw_error, workbook_close, (lxw_workbook *workbook), (workbook)) \
	F(lxw_workbook *, workbook_new_opt, (const char *filename, lxw_workbook_options *options), (filename, options)) \
	F(lxw_error, workbook_set_properties, (lxw_workbook *workbook, lxw_doc_properties *properties), (workbook, properties)) \
	F(lxw_error, worksheet_autofilter, (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (worksheet, first_row, first_col, last_row, last_col)) \
	V(worksheet_center_horizontally, (lxw_worksheet *worksheet), (worksheet)) \
	V(worksheet_fit_to_pages, (lxw_worksheet *worksheet, uint16_t width, uint16_t height), (worksheet, width, height)) \
	V(worksheet_freeze_panes, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col), (worksheet, row, col)) \
	V(worksheet_hide, (lxw_worksheet *worksheet), (worksheet)) \
	F(lxw_error, worksheet_merge_range, (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, const char *string, lxw_format *format), (worksheet, first_row, first_col, last_row, last_col, string, format)) \
	F(lxw_error, worksheet_repeat_rows, (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_row_t last_row), (worksheet, first_row, last_row)) \
	F(lxw_error, worksheet_set_column, (lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format *format), (worksheet, first_col, last_col, width, format)) \
	F(lxw_error, worksheet_set_footer, (lxw_worksheet *worksheet, const char *string), (worksheet, string)) \
	F(lxw_error, worksheet_set_header, (lxw_worksheet *worksheet, const char *string), (worksheet, string)) \
	V(worksheet_set_landscape, (lxw_worksheet *worksheet), (worksheet)) \
	V(worksheet_set_margins, (lxw_worksheet *worksheet, double left, double right, double top, double bottom), (worksheet, left, right, top, bottom)) \
	V(worksheet_set_paper, (lxw_worksheet *worksheet, uint8_t paper_type), (worksheet, paper_type)) \
	F(lxw_error, worksheet_set_row, (lxw_worksheet *worksheet, lxw_row_t row, double height, lxw_format *format), (worksheet, row, height, format)) \
	F(lxw_error, worksheet_write_blank, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format), (worksheet, row, col, format)) \
	F(lxw_error, worksheet_write_number, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format), (worksheet, row, col, number, format)) \
	F(lxw_error, worksheet_write_string, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string, lxw_format *format), (worksheet, row, col, string, format))

/* The library's functions, found by xlsxwriter-load.c: tz_fn_NAME. */
#define XLSXWRITER_POINTER(ret, name, params, args) extern ret(*tz_fn_##name) params;
#define XLSXWRITER_POINTER_V(name, params, args) extern void(*tz_fn_##name) params;
XLSXWRITER_FUNCTIONS(XLSXWRITER_POINTER, XLSXWRITER_POINTER_V)

#endif
