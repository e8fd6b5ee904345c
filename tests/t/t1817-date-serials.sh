#!/bin/bash
# t1817-date-serials.sh: an Excel date serial that a cell without a date
# format shows as a plain number (45717 for 2025-03-01) is a date, in
# the workbook's 1900 or 1904 system (ledger.md, "What real sheets
# hold"), in 计划开工时间 and in 调度期, from XLSX, .xls and CSV; a
# four-digit year or number is not one, nor a five-digit number outside
# 1990-2100 (20253, 2025-3 mistyped): they stay refused as typed. Inputs in
# tests/data/serial-dates (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/serial-dates

for f in serial.xlsx serial.xls serial1904.xlsx; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	export_all
	is "$f: P1's 45717 (44255 from 1904) is 2025-03" "$(field P1 计划开工时间)" 2025-03
	is "$f: P2's 45748 (44286 from 1904) is 2025-04" "$(field P2 计划开工时间)" 2025-04
done

fresh
ok "report-serial.xlsx: the ledger" tz import projects --year 2025 "$d/serial.xlsx"
ok "report-serial.xlsx: 调度期 45930 imported" tz import progress "$d/report-serial.xlsx"
is "report-serial.xlsx: 45930 is 2025-09" "$(reports)" "P1|2025-09|50.00|已开工"

for f in serial-year.csv serial-short.csv serial-typo.csv; do
	fresh
	fails "$f: not a date serial: refused" \
		tz import projects --year 2025 "$d/$f"
	contains "$f: names the line and the field" "$TZ_TMP/err" "$f:3"
	contains "$f: says what a month is" "$TZ_TMP/err" "不是有效的年月"
done

done_testing
