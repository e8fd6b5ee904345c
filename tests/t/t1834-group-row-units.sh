#!/bin/bash
# t1834-group-row-units.sh: a row of group headings right above the
# header, not itself a header ("基本情况,,,投资情况（亿元）," over plain
# 总投资 and 年度计划投资). Its unit was passed over and 3 (亿元) stored
# as 3.00万元 with exit 0 (walkthrough 15, fx3's open item; the class of
# the shared case a02). Each money column stating no unit takes the unit
# of the heading over it, as in a two-row header; a column's own unit
# wins; a title's other unit is refused. Inputs: tests/data/group-row-units.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/group-row-units"

for f in l-group-yi.csv l-group-yi-gbk.csv l-title-group-yi.csv l-group-yi-remark.csv; do
	fresh
	ok "$f: 投资情况（亿元） in the row above" tz import projects --year 2025 "$d/$f"
	is "$f: read in 亿元" "$(ledger_rows)" "甲项目|甲县|30000.00|10000.00"
done

fresh
ok "投资情况（万元） over 总投资(亿元) and a plain plan" tz import projects --year 2025 "$d/l-group-wan-own-yi.csv"
is "…the column's own unit wins, the plan takes the heading's" "$(ledger_rows)" "甲项目|甲县|30000.00|1000.00"

fresh
fails "a title's 万元 against the heading's 亿元" tz import projects --year 2025 "$d/l-title-wan-group-yi.csv"
contains "…refused, naming the title" "$TZ_TMP/err" "第1行的标题“2025年重点项目台账（单位：万元）”注明金额单位为万元"
is "…nothing stored" "$(stored)" 0

fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
ok "a report: 本月完成情况（亿元） in the row above" tz import progress "$d/p-group-yi.csv"
is "…0.05 亿元 is 500 万元" "$(reports)" "P1|2025-10|500.00|已开工"

done_testing
