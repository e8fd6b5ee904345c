/*
 * xlsx-internal.h: what the XLSX writer's files share; not an API for
 * anything outside src/report/xlsx*.c.
 */
#ifndef TZ_REPORT_XLSX_INTERNAL_H
#define TZ_REPORT_XLSX_INTERNAL_H

#include "base/err.h"

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

#endif
