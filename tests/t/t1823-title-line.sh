#!/bin/bash
# t1823-title-line.sh: a message about a sheet's title row names the
# title's line and quotes the title, not the header's line (walkthrough
# 10: a title contradicting --period was reported on the header's line),
# in CSV, .xlsx, .xls and HTML alike: the title against --period or
# --year, a title naming two years, a unit in the title against the
# header's, a title ending a month over a plain 完成投资. Each sheet has
# its title on line 1, a 填报单位 line 2 and its header on line 3.
# Inputs: tests/data/title-line (gen.py, ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/title-line"
base() { fresh; tz import projects --year 2025 "$TZ_TEST_DATA/walk7-progress/base.csv" >/dev/null 2>&1; }

for f in p-span.csv p-span.xlsx p-span.xls p-span.html; do
	base
	fails "$f: 2025年1-10月 against --period 2025-09" tz import progress --period 2025-09 "$d/$f"
	contains "$f: on the title's line, the title as it is" "$TZ_TMP/err" \
		"$f:1: 标题“2025年1-10月重点项目进展情况”的调度期是2025年10月，--period 是2025-09，不知道是哪个调度期，整个文件未导入"
	is "$f: nothing stored" "$(reports)" ""
	ok "$f: --period 2025-10 agrees" tz import progress --period 2025-10 "$d/$f"
	is "$f: stored in 2025-10" "$(reports)" "P1|2025-10|500.00|已开工"
done

for f in p-month.csv p-month.xlsx p-month.html; do
	base
	fails "$f: 2025年10月 against --period 2025-09" tz import progress --period 2025-09 "$d/$f"
	contains "$f: on the title's line" "$TZ_TMP/err" \
		"$f:1: 标题“2025年10月重点项目调度表”的调度期是2025年10月，--period 是2025-09"
done

base
fails "截至2025年10月底 over 调度期 and 完成投资" tz import progress "$d/p-jiezhi-col.csv"
contains "…on the title's line, the column on the header's" "$TZ_TMP/err" \
	"p-jiezhi-col.csv:1: 标题“截至2025年10月底重点项目推进情况”写的是截至2025年10月的情况，第3行第D列“完成投资（万元）”可能是年初以来的累计完成数"
base
fails "2025年1-10月 over 调度期 and 完成投资" tz import progress "$d/p-span-col.csv"
contains "…on the title's line, the column on the header's" "$TZ_TMP/err" \
	"p-span-col.csv:1: 标题“2025年1-10月重点项目完成情况”写的是几个月，第3行的“完成投资（万元）”可能是累计完成数"
base
fails "10月份 without a year, no 调度期 column" tz import progress "$d/p-noyear.csv"
contains "…on the header's line, naming the title's" "$TZ_TMP/err" \
	"p-noyear.csv:3: 第3行是表头（识别出“项目编号”、“项目名称”、“本月完成投资（万元）”、“开工状态”），但没有“调度期”列；第1行的标题“10月份重点项目调度表”只写了月份"

for f in l-year.csv l-year.xlsx l-year.xls l-year.html; do
	fresh
	fails "$f: title 2025 against --year 2024" tz import projects --year 2024 "$d/$f"
	contains "$f: on the title's line, the title as it is" "$TZ_TMP/err" \
		"$f:1: 标题“2025年重点项目台账”写的是2025年，--year 指定的是2024年，不知道这是哪一年的台账"
	is "$f: nothing stored" "$(stored)" 0
	ok "$f: the title's year without --year" tz import projects "$d/$f"
	is "$f: stored" "$(ledger_rows)" "甲项目|甲县|12000.00|1200.00"
done

fresh
fails "a title naming two years" tz import projects "$d/l-several.csv"
contains "…on the title's line" "$TZ_TMP/err" \
	"l-several.csv:1: 标题“2024-2025年重点项目台账”写了不止一个年份"

for f in l-unit.csv l-unit.xlsx l-unit.html; do
	fresh
	fails "$f: 单位：亿元 in the title over 总投资(万元)" tz import projects --year 2025 "$d/$f"
	contains "$f: on the title's line, the title quoted, naming the header's" "$TZ_TMP/err" \
		"$f:1: 第1行的标题“重点项目台账（单位：亿元）”注明金额单位为亿元，而第3行“总投资(万元)”的单位是万元"
	is "$f: nothing stored" "$(stored)" 0
done
done_testing
