#!/bin/bash
# t1835-subtotals-walk.sh: a wrong 小计 in the middle of a list (`小计
# 99999` over rows summing to 80000) was skipped in silence: only a grand
# total at the end was checked (audit 9's open item; session 14). Every
# 小计/合计 row is now held to a run of the projects around it (the rows
# since the last heading or total, a section's sub-sections, the whole
# list; or, on top of its group, the rows below), the amounts' rounding
# allowed (亿元 with two decimals: half of 0.01 亿元 each); one that is
# none refuses the file, naming line, column, the stated sum and the
# rows' sum. Also the walkthrough-15 messages: a currency in a merged
# group heading, a group heading above the header, （截至9月底） under a
# title naming the year. And a ledger too small for a median whose
# 总投资 was typed in 元 (1.2E7 beside a plan of 1000万元: stored).
# Inputs: tests/data/sub14 (ORIGIN.md, gen.py).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/sub14"

# 1. A wrong 小计 between the projects: CSV (UTF-8, GBK), xlsx, a scope.
for f in mid-wrong.csv mid-wrong-gbk.csv mid-wrong.xlsx; do
	fresh
	fails "$f: 小计 99999 over 80000 refuses the file" tz import projects --year 2025 "$d/$f"
	contains "…naming line, column and both sums" "$TZ_TMP/err" \
		"$f:4: 第4行“小计”是合计/小计行，但它第D列的总投资99999.00万元不等于上面2个项目（第2行至第3行）的总投资之和80000.00万元"
	is "…nothing stored" "$(stored)" 0
done
fresh
fails "站前区小计 wrong" tz import projects --year 2025 "$d/mid-wrong-scope.csv"
contains "…named by its label" "$TZ_TMP/err" "第4行“站前区小计”是合计/小计行"
fresh
fails "a 小计 whose plan alone is wrong" tz import projects --year 2025 "$d/mid-plan-wrong.csv"
contains "…names 年度计划投资 and its column" "$TZ_TMP/err" \
	"第4行“小  计”是合计/小计行，但它第E列的年度计划投资16000.00万元不等于上面2个项目（第2行至第3行）的年度计划投资之和15000.00万元"

# 2. Sections: heading rows with their sums, sub-sections' 小计, a
# section's 小计 over them, a 小计 on top of its section, a grand 合计
# and a breakdown under it (其中：站前区, 西市区小计): all right, imported.
fresh
ok "sections-right: every total a run of rows" tz import projects --year 2025 "$d/sections-right.csv"
is "…the four projects" "$(ledger_rows)" \
	"丁项目|西市区|7000.00|700.00 丙项目|西市区|20000.00|3000.00 乙项目|站前区|30000.00|5000.00 甲项目|站前区|50000.00|10000.00"
fresh
fails "sections-wrong: a section's 小计 90000 over 80000" tz import projects --year 2025 "$d/sections-wrong.csv"
contains "…named" "$TZ_TMP/err" "第5行“小计”是合计/小计行，但它第D列的总投资90000.00万元不等于上面2个项目（第3行至第4行）的总投资之和80000.00万元"
fresh
fails "a 小计 on top of its section, wrong" tz import projects --year 2025 "$d/top-subtotal-wrong.csv"
contains "…against the rows below it" "$TZ_TMP/err" "第3行“小计”是合计/小计行，但它第D列的总投资80000.00万元不等于下面"

# 3. A 小计 with empty cells: nothing to check.
fresh
ok "empty-subtotal: imported" tz import projects --year 2025 "$d/empty-subtotal.csv"
is "…both projects" "$(stored)" 2

# 4. 亿元 with two decimals: 3.70 over 1.23 + 2.46 is rounding; 3.79 is not.
fresh
ok "yi-rounded: 小计 and 合计 within the rounding" tz import projects --year 2025 "$d/yi-rounded.csv"
is "…read in 亿元" "$(ledger_rows)" "丙项目|西市区|5000.00|1000.00 乙项目|站前区|24600.00|3500.00 甲项目|站前区|12300.00|4100.00"
fresh
fails "yi-wrong: 3.79 over 3.69" tz import projects --year 2025 "$d/yi-wrong.csv"
contains "…named in 万元" "$TZ_TMP/err" "总投资37900.00万元不等于上面2个项目（第2行至第3行）的总投资之和36900.00万元"

# 5. Excel's 分类汇总 rows (number cells): right, and one wrong.
fresh
ok "excel-subtotal-right: imported" tz import projects --year 2025 "$d/excel-subtotal-right.xlsx"
is "…three projects" "$(stored)" 3
fresh
fails "excel-subtotal-wrong: 西市区 汇总 210 over 200" tz import projects --year 2025 "$d/excel-subtotal-wrong.xlsx"
contains "…one project named by its line" "$TZ_TMP/err" "不等于上面1个项目（第5行）的总投资之和200.00万元"

# 6. A report's 小计 of 本月完成投资.
fresh
tz import projects --year 2025 "$d/p-base.csv" >/dev/null 2>&1
fails "p-mid-wrong: a report's wrong 小计" tz import progress "$d/p-mid-wrong.csv"
contains "…named" "$TZ_TMP/err" "第4行“小计”是合计/小计行，但它第D列的本期完成投资500.00万元不等于上面2个项目（第2行至第3行）的本期完成投资之和150.00万元"
is "…nothing stored" "$(reports)" ""

# 7. Messages. A currency in the merged heading of the header's own rows.
for f in msg-group-usd.csv msg-group-usd.xlsx; do
	fresh
	fails "$f: 投资情况（万美元） over 总投资" tz import projects --year 2025 "$d/$f"
	contains "…says it is a foreign currency" "$TZ_TMP/err" \
		"“总投资”上方表头的单位“万美元”无法换算为万元，整个文件未导入：这是外币，金额不是人民币；请把金额折算为人民币后重新导入"
done
# A group heading alone above the header is no title.
fresh
fails "msg-group-usd-row: 资金情况（万美元） above the header" tz import projects --year 2025 "$d/msg-group-usd-row.csv"
contains "…called a group heading" "$TZ_TMP/err" "第1行表头上方的分组标题“资金情况（万美元）”"
for f in msg-group-heading.csv msg-group-heading.xlsx; do
	fresh
	fails "$f: a group heading's 亿元 against 总投资(万元)" tz import projects --year 2025 "$d/$f"
	contains "…called a group heading" "$TZ_TMP/err" "第1行表头上方的分组标题“"
	is "…not a title" "$(grep -c '的标题“' "$TZ_TMP/err")" 0
done
fresh
fails "msg-title-stays: a real title is still one" tz import projects --year 2025 "$d/msg-title-stays.csv"
contains "…called a title" "$TZ_TMP/err" "第1行的标题“2025年重点项目台账（单位：亿元）”"
# （截至9月底） under a title naming the year, over 本月完成投资: the
# end of September of that year (walkthrough 16 C, t1838), read as such.
for f in msg-until-month.csv msg-until-month2.csv; do
	fresh
	tz import projects --year 2025 "$d/p-base.csv" >/dev/null 2>&1
	ok "$f: imported" tz import progress "$d/$f"
	contains "…as 2025-09, the title's year" "$TZ_TMP/err" "调度期按标题读为2025-09"
	is "…not said to name no year" "$(grep -c '没有写年份' "$TZ_TMP/err")" 0
done
# A month the title's year does not make a period: refused naming the
# year's title and the row.
for f in msg-until-month3.csv; do
	fresh
	tz import projects --year 2025 "$d/p-base.csv" >/dev/null 2>&1
	fails "$f: refused" tz import progress "$d/$f"
	contains "…naming the year's title" "$TZ_TMP/err" "年份在第1行的标题“2025年"
	contains "…and the row" "$TZ_TMP/err" "第2行“"
	is "…not said to name no year" "$(grep -c '没有写年份' "$TZ_TMP/err")" 0
done

# 8. A small ledger with a 总投资 typed in 元 (audit 9's open item; the
# median rules need three rows): 100亿 or more, whole 亿, 1000 times the
# row's own plan.
for f in own-plan-two.csv own-plan-one.csv own-plan-three.xlsx; do
	fresh
	fails "$f: 1200亿 beside a plan of 1000万 refused" tz import projects --year 2025 "$d/$f"
	contains "…naming the row's own plan" "$TZ_TMP/err" \
		"总投资12000000.00万元在100亿元以上，是1亿元的整数倍，又是本行年度计划投资（1000.00万元）的12000倍，像是按元填写的（按元是1200.00万元）"
	is "…nothing stored" "$(stored)" 0
done
fresh
fails "own-plan-yi: 1200 in a 亿元 column beside 0.1" tz import projects --year 2025 "$d/own-plan-yi.csv"
contains "…advised as typed in 万元" "$TZ_TMP/err" "金额像是按万元填写的，而表头的单位是亿元"
fresh
ok "…--confirm-large reads it as written" tz import projects --year 2025 --confirm-large "$d/own-plan-two.csv"
is "…both rows" "$(stored)" 2
fresh
ok "own-plan-giants: real giant projects, two rows" tz import projects --year 2025 "$d/own-plan-giants.csv"
is "…read" "$(ledger_rows)" "乙县港区|乙县|8000000.00|100000.00 甲县石化基地|甲县|1500000.00|300000.00"

done_testing
