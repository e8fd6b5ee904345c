#!/bin/bash
# t1805-rows-messages.sh: audit 9's findings on rows and messages
# (docs/audits/audit9-findings.md R8, R10-R13, R16, R20, R21 and the
# second walkthrough's f13, f16, f44, f45). A message quoting a cell
# stays on one line; rows that are Excel's subtotals or a list's totals
# are skipped and counted; a project merged over two rows is one
# project; a Big5 file is named so. Audit 9, 2026-12-01; inputs in
# tests/data/audit9-rows2 (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-rows2

# --- R20: a line break in a quoted cell ---------------------------------
# 1000 Alt+Enter 300 in a money cell is refused; the reason is one line,
# the break written \x0A (as the 项目编号 check writes a control byte).
for f in nl-amount.csv nl-amount.xlsx h-br-amount.xls; do
	fresh
	fails "$f: a two-line amount is refused" tz import projects --year 2025 "$d/$f"
	contains "$f: the reason on one line, the break as \\x0A" "$TZ_TMP/err" \
		"$f:2: 项目编号 P1: 总投资(万元)“1000\\x0A300”不是有效的金额"
	is "$f: every line of the output is a whole message" \
		"$(grep -c '^300' "$TZ_TMP/err")" 0
done

fresh
fails "nl-cells.csv: a two-line date and a CR in an amount are refused" \
	tz import projects --year 2025 "$d/nl-cells.csv"
contains "nl-cells: the date's break shown" "$TZ_TMP/err" \
	"nl-cells.csv:2: 项目编号 P1: 计划开工时间“2025年3月\\x0A2025年4月”不是有效的年月"
contains "nl-cells: the CR shown" "$TZ_TMP/err" \
	"项目编号 P2: 总投资(万元)“200\\x0D300”不是有效的金额"
is "nl-cells: three lines of output (two rows and the summary)" \
	"$(wc -l < "$TZ_TMP/err")" 3

done_testing
