#!/bin/bash
# t1831-column-unit.sh: a unit stated above the header for one column
# ("（总投资单位：亿元）", "（单位：万元，其中总投资单位：亿元）";
# walkthrough 14, item 8). It was taken for the table's unit: applied to
# every column (f11), or ignored after the table's 万元, so 总投资 1.2
# (亿元) was stored as 1.20万元 with exit 0 when no plan stood beside it
# (u15). Now it is accepted only when the header states that unit for
# the column it names; otherwise the file is refused naming the row, the
# column and both units. Inputs: tests/data/column-unit (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/column-unit"

for f in l-mixed-noplan.csv l-mixed-noplan-gbk.csv; do
	fresh
	fails "$f: 其中总投资单位：亿元 over a plain 总投资, no plan" tz import projects "$d/$f"
	contains "$f: the title, the column, both units" "$TZ_TMP/err" \
		"$f:1: 第1行的标题“2025年重点项目台账（单位：万元，其中总投资单位：亿元）”单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读：不知道这一列该按哪个单位读，整个文件未导入"
	is "$f: nothing stored (not 1.20万元)" "$(stored)" 0
done

fresh
fails "总投资单位：亿元 over a plain 总投资" tz import projects "$d/l-total-bare.csv"
contains "…names 总投资 only, not every column" "$TZ_TMP/err" \
	"l-total-bare.csv:1: 第1行的标题“2025年重点项目台账（总投资单位：亿元）”单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读"
is "…not said of 年度计划投资(万元)" "$(grep -c 年度计划投资 "$TZ_TMP/err")" 0
is "…nothing stored" "$(stored)" 0

fresh
fails "a line under the title: 单位：万元　其中总投资单位：亿元" tz import projects "$d/l-mixed-line.csv"
contains "…names its line" "$TZ_TMP/err" \
	"l-mixed-line.csv:2: 第2行单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读"
is "…nothing stored" "$(stored)" 0

fresh
fails "计划投资单位：亿元 over a plain 年度计划投资" tz import projects "$d/l-unread.csv"
# Since session 14 a subject ending a column's name names it (完成投资
# names 本期完成投资); a subject naming no column read: t1837.
contains "…names the column it ends" "$TZ_TMP/err" \
	"单独注明计划投资的单位是亿元，而表头“年度计划投资”的金额会按万元读：不知道这一列该按哪个单位读，整个文件未导入"
is "…nothing stored" "$(stored)" 0

fresh
fails "总投资单位：亿美元" tz import projects "$d/l-foreign.csv"
contains "…a foreign currency" "$TZ_TMP/err" \
	"l-foreign.csv:1: 第1行的标题“2025年重点项目台账（总投资单位：亿美元）”注明总投资的单位是亿美元，无法换算为万元，整个文件未导入"
is "…nothing stored" "$(stored)" 0

fresh
ok "总投资单位：亿元 over 总投资(亿元)" tz import projects "$d/l-agrees.csv"
is "…read as the header says" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"

fresh
ok "单位：万元，其中总投资单位：亿元 over 总投资(亿元) and a plain plan" \
	tz import projects "$d/l-mixed-agrees.csv"
is "…总投资 in 亿元, the plan in the table's 万元" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"

fresh
ok "投资金额单位：万元 is the table's" tz import projects "$d/l-table.csv"
is "…read in 万元" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"

fresh
ok "总投资单位：万元 over a plain 总投资: 万元 as read" tz import projects "$d/l-wan-bare.csv"
is "…read in 万元" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"

for f in l-title-runin.csv l-title-spaced.csv; do
	fresh
	ok "$f: …完成投资情况表单位：亿元 is the table's, not a column's" tz import projects "$d/$f"
	is "$f: read in 亿元, as before" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"
done

fresh
tz import projects --year 2025 "$TZ_TEST_DATA/walk7-progress/base.csv" >/dev/null 2>&1
fails "a report: 本月完成投资单位：亿元 over a plain 本月完成投资" tz import progress "$d/p-bare.csv"
contains "…the title, the column" "$TZ_TMP/err" \
	"p-bare.csv:1: 第1行的标题“2025年10月重点项目调度表（本月完成投资单位：亿元）”单独注明"
is "…nothing stored" "$(reports)" ""
ok "…over 本月完成投资(亿元)" tz import progress "$d/p-agrees.csv"
is "…read in 亿元" "$(reports)" "P1|2025-10|500.00|已开工"

done_testing
