#!/bin/bash
# t1812-sheets-leftovers.sh: points issue 7 left open. A hidden column
# of an Excel 97-2003 (.xls) file is named as hidden, as in XLSX (audit 9
# R9), and hidden rows are imported and counted alike in both. Inputs in
# tests/data/sheets-leftovers (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/sheets-leftovers

# --- 1. Hidden columns and rows in .xls (R9) ---------------------------

fresh
fails "hidden E and visible F both 年度计划投资 in .xls: refused" \
	tz import projects --year 2025 "$d/hidden-col-oldplan.xls"
contains ".xls: names E as hidden" "$TZ_TMP/err" \
	"hidden-col-oldplan.xls:1: 第E列“年度计划投资(万元)”（隐藏列）和第F列“年度计划投资(万元)”都是"
contains ".xls: says what a hidden column is" "$TZ_TMP/err" "其中隐藏列在Excel中看不到"
is ".xls: F not named hidden" "$(grep -c '第F列“年度计划投资(万元)”（隐藏列）' "$TZ_TMP/err")" 0

for f in hidden-rows.xlsx hidden-rows.xls; do
	fresh
	ok "$f: a hidden row and a hidden column: imported" tz import projects --year 2025 "$d/$f"
	contains "$f: the hidden row counted" "$TZ_TMP/err" "其中1行在表格中是隐藏的，也已导入"
	contains "$f: the hidden column not read" "$TZ_TMP/err" "未识别、未导入的列：旧年度计划投资(万元)"
	is "$f: the hidden row's project stored, the visible plan read" "$(ledger_rows code)" \
		"P1|甲项目|甲县|1000.00|300.00 P2|乙项目|乙县|2000.00|400.00 P3|丙项目|甲县|3000.00|500.00"
done

done_testing
