#!/bin/bash
# t1826-title-messages.sh: the two title messages walkthrough 13 found
# short of the others (t1823). A unit of money stated in a title row is
# named with the title's line and the title quoted, whatever the message
# (against a column's unit, a unit that cannot be converted, two units in
# the title, another unit on the next line), in CSV, .xlsx, .xls and HTML,
# for ledgers and reports; a unit on a line of particulars (单位：… 填报单位：…)
# is no title and keeps its message. A 调度期 column naming another month
# than the title names the title's line as well as quoting it. Nothing
# read or refused changes. Inputs: tests/data/title-messages (gen.py,
# ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/title-messages"
base() { fresh; tz import projects --year 2025 "$TZ_TEST_DATA/walk7-progress/base.csv" >/dev/null 2>&1; }

for f in l-unit.csv l-unit.xlsx l-unit.xls l-unit.html; do
	fresh
	fails "$f: 单位：亿元 in the title over 总投资(万元)" tz import projects --year 2025 "$d/$f"
	contains "$f: the title's line, the title quoted, the header's line" "$TZ_TMP/err" \
		"$f:1: 第1行的标题“2025年重点项目台账（单位：亿元）”注明金额单位为亿元，而第3行“总投资(万元)”的单位是万元：不知道金额该按哪个单位读，整个文件未导入"
	is "$f: nothing stored" "$(stored)" 0
done

fresh
fails "万美元 in the title" tz import projects --year 2025 "$d/l-unit-foreign.csv"
contains "…the title quoted" "$TZ_TMP/err" \
	"l-unit-foreign.csv:1: 第1行的标题“2025年重点项目台账（单位：万美元）”注明的表格单位“万美元”无法换算为万元，整个文件未导入"
is "…nothing stored" "$(stored)" 0

fresh
fails "万元、亿元 in the title" tz import projects --year 2025 "$d/l-unit-two.csv"
contains "…the title quoted" "$TZ_TMP/err" \
	"l-unit-two.csv:1: 第1行的标题“2025年重点项目台账（单位：万元、亿元）”注明金额单位为万元、亿元，写了不同的单位，不知道金额该按哪个单位读，整个文件未导入"
is "…nothing stored" "$(stored)" 0

fresh
fails "亿元 in the title, 单位：万元 under it" tz import projects --year 2025 "$d/l-unit-lines.csv"
contains "…the title quoted, the unit's line named" "$TZ_TMP/err" \
	"l-unit-lines.csv:2: 第1行的标题“2025年重点项目台账（单位：亿元）”和第2行注明金额单位为亿元、万元，写了不同的单位"
is "…nothing stored" "$(stored)" 0

fresh
fails "单位：亿元　填报单位：… over 总投资(万元)" tz import projects --year 2025 "$d/l-unit-label.csv"
contains "…no title: the line only, as before" "$TZ_TMP/err" \
	"l-unit-label.csv:1: 第1行注明金额单位为亿元，而第3行“总投资(万元)”的单位是万元"
is "…not called a title" "$(grep -c 标题 "$TZ_TMP/err")" 0

fresh
ok "亿元 in the title over a header stating none" tz import projects --year 2025 "$d/l-unit-bare.csv"
is "…read in 亿元" "$(ledger_rows)" "甲项目|甲县|12000.00|1200.00"

base
fails "a report: 亿元 in the title over 本月完成投资（万元）" tz import progress "$d/p-unit.csv"
contains "…the title quoted" "$TZ_TMP/err" \
	"p-unit.csv:1: 第1行的标题“2025年10月重点项目调度表（单位：亿元）”注明金额单位为亿元，而第3行“本月完成投资（万元）”的单位是万元"
is "…nothing stored" "$(reports)" ""

for f in p-month-col.csv p-month-col.xlsx p-month-col.xls p-month-col.html; do
	base
	fails "$f: 调度期 2025-09 under 2025年10月…" tz import progress "$d/$f"
	contains "$f: the row's line, the title's line and the title" "$TZ_TMP/err" \
		"$f:4: 项目编号 P1: 第1行的标题“2025年10月重点项目调度表”写的是2025年10月，调度期列是2025-09：请核对调度期，该行未导入"
	is "$f: nothing stored" "$(reports)" ""
done
done_testing
