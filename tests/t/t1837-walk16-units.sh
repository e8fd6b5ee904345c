#!/bin/bash
# t1837-walk16-units.sh: units stated above or below the table for some
# columns (walkthrough 16, session 14). Each was a wrong number stored
# with exit 0 on main:
# A. a column's unit stated without the word 单位 ("（总投资：亿元）",
#    "总投资为亿元", "（总投资按亿元填报）", "（总投资亿元，年度计划投资
#    万元）", "（总投资、年度计划投资：亿元）", notes under the table)
#    was no statement at all: 12 (亿元) stored as 12.00万元. Such a clause
#    is now accepted only when the header reads the columns it names in
#    its unit, else the file is refused naming the row, the column and
#    both units (t1831's rule, generalised).
# D. a cell above the header holding only a unit ("（亿元）" over 总投资)
#    is its column's, never the table's or a group heading spread to the
#    columns beside it (5 of 年度计划投资 was stored as 50000.00万元), and
#    `,,,亿元,万元` gives each column its unit as the same row under the
#    header does (12 was stored as 12.00万元).
# Also: a unit clause read as a group heading ("上方表头的单位无法换算"),
# a heading merged down over an empty header cell (refused "缺少必需的
# 列"), and 0.00"万美元" quoted "12美元".
# Inputs: tests/data/walk16 (ORIGIN.md; v-*, p-base, p-note, p-agrees
# written by gen.py).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/walk16"
both_wan="测试乙项目|站前区|85000.00|30000.00 测试甲项目|站前区|120000.00|50000.00"

# A. a column's unit without 单位, above the header: refused, nothing stored.
for f in u1-b1.csv u1-b2.csv u1-b3.csv u1-gbk-b3.csv u1-b4.csv u1-b5.csv u1-b8.csv \
	 u1-b9.csv u1-b10.csv u1-b11.csv u1-b13.csv x4.xlsx x5.xlsx; do
	fresh
	fails "$f: 总投资's 亿元 over a plain 总投资" tz import projects "$d/$f"
	contains "$f: the row, the column, both units" "$TZ_TMP/err" \
		"$f:2: 第2行"
	contains "$f: …单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读" "$TZ_TMP/err" \
		"单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读：不知道这一列该按哪个单位读，整个文件未导入"
	is "$f: nothing stored (not 12.00万元)" "$(stored)" 0
done

fresh
fails "（总投资、年度计划投资：亿元）: two columns named" tz import projects "$d/u1-d12.csv"
contains "…both named, the example one column" "$TZ_TMP/err" \
	"u1-d12.csv:2: 第2行的标题“（总投资、年度计划投资：亿元）”单独注明总投资、年度计划投资的单位是亿元，而表头“总投资”的金额会按万元读：不知道这一列该按哪个单位读，整个文件未导入；请把各列的单位写在表头的列名中（如“总投资(亿元)”）"
is "…nothing stored" "$(stored)" 0

fresh
fails "（总投资万元，年度计划投资亿元）: the second clause is checked too" \
	tz import projects "$d/v-second-clause.csv"
contains "…names 年度计划投资" "$TZ_TMP/err" \
	"单独注明年度计划投资的单位是亿元，而表头“年度计划投资”的金额会按万元读"
is "…nothing stored (not 5.00万元)" "$(stored)" 0

for f in v-he.csv v-tianbao-line.csv; do
	fresh
	fails "$f: 和/均为, 按…填报" tz import projects "$d/$f"
	contains "$f: …refused as a column's unit" "$TZ_TMP/err" "的金额会按万元读：不知道这一列该按哪个单位读"
	is "$f: nothing stored" "$(stored)" 0
done

fresh
fails "（总投资：万美元）: a foreign currency for one column" tz import projects "$d/v-foreign.csv"
contains "…said foreign" "$TZ_TMP/err" \
	"v-foreign.csv:2: 第2行注明总投资的单位是万美元，无法换算为万元，整个文件未导入：这是外币，金额不是人民币"
is "…nothing stored" "$(stored)" 0

fresh
fails "（到位资金：亿元）: no column read by that name" tz import projects "$d/v-unread.csv"
contains "…says which column it cannot find" "$TZ_TMP/err" \
	"v-unread.csv:2: 第2行的标题“（到位资金：亿元）”单独注明到位资金的单位是亿元，而本表读取的金额列中没有“到位资金”：不知道这个单位是哪一列的，整个文件未导入"
is "…nothing stored" "$(stored)" 0

fresh
ok "（总投资：亿元） over 总投资(亿元): as the header says" tz import projects "$d/v-agrees.csv"
is "…read in 亿元" "$(ledger_rows)" "$both_wan"

fresh
ok "a title 总投资亿元以上重点项目: a size class, no unit" tz import projects "$d/v-size-class.csv"
is "…read in 万元" "$(ledger_rows)" "测试甲项目|站前区|120000.00|50000.00"

fresh
fails "单位：万元（总投资：亿元） beside a group row: the clause, not a heading's unit" \
	tz import projects "$d/u1-a4.csv"
contains "…the clause's message, not 上方表头的单位无法换算" "$TZ_TMP/err" \
	"u1-a4.csv:2: 第2行单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读"
is "…nothing stored" "$(stored)" 0

# A. in the brackets of a header cell no money column reads.
for f in v-header-remark.csv v-name-remark.csv; do
	fresh
	fails "$f: 备注（总投资：亿元）, 项目名称（总投资为亿元）" tz import projects "$d/$f"
	contains "$f: …refused as a column's unit" "$TZ_TMP/err" \
		"$f:2: 第2行单独注明总投资的单位是亿元，而表头“总投资”的金额会按万元读"
	is "$f: nothing stored" "$(stored)" 0
done

# A. outside the sheet: a column's unit in the file's or the sheet's name.
fresh
fails "a file named …（总投资：亿元）.csv over a plain header" \
	tz import projects "$d/v-name（总投资：亿元）.csv"
contains "…names where it was found" "$TZ_TMP/err" \
	"表头没有写金额单位，而文件名“v-name（总投资：亿元）”写的是亿元：不知道金额该按哪个单位读，整个文件未导入"
is "…nothing stored" "$(stored)" 0
fresh
fails "a sheet named 重点项目（总投资：亿元）" tz import projects "$d/v-sheet.xlsx"
contains "…names the sheet" "$TZ_TMP/err" "而工作表名“重点项目（总投资：亿元）”写的是亿元"
is "…nothing stored" "$(stored)" 0

# A. below the table: a note naming a column's unit without 单位.
for f in u1-d10.csv u1-d11.csv; do
	fresh
	fails "$f: a note under the table, 总投资为亿元" tz import projects "$d/$f"
	contains "$f: …names the line and both units" "$TZ_TMP/err" \
		"$f:5: 第5行注明总投资单位为亿元，与表头的单位不同（总投资、年度计划投资按万元读）"
	is "$f: nothing stored" "$(stored)" 0
done

fresh
fails "注：年度计划投资为亿元 under the table" tz import projects "$d/v-note-plan.csv"
contains "…the example names the column" "$TZ_TMP/err" \
	"第5行注明年度计划投资单位为亿元，与表头的单位不同（总投资、年度计划投资按万元读）：不知道金额该按哪个单位读，整个文件未导入；请在表头写明单位（如“年度计划投资(亿元)”）"
is "…nothing stored" "$(stored)" 0

fresh
fails "注：单位：亿元，总投资为万元: never read again in 亿元 for every column" \
	tz import projects "$d/v-note-table-and-column.csv"
is "…nothing stored" "$(stored)" 0

fresh
ok "说明：总投资、年度计划投资为亿元 under 总投资(亿元), 年度计划投资(亿元)" \
	tz import projects "$d/v-note-agrees.csv"
is "…read in 亿元" "$(ledger_rows)" "$both_wan"

# D. a cell above the header that is only a unit: its column's.
fresh
ok ",,,亿元,万元 above the header: each its column's" tz import projects "$d/u1-d7.csv"
is "…总投资 in 亿元, the plan in 万元" "$(ledger_rows)" \
	"测试乙项目|站前区|85000.00|3.00 测试甲项目|站前区|120000.00|5.00"

for f in u1-d8.csv v-unit-mixed-row.csv v-unit-one.xlsx; do
	fresh
	fails "$f: （亿元） over 总投资 only" tz import projects "$d/$f"
	contains "$f: …the plan has no unit, as under the header" "$TZ_TMP/err" \
		"“年度计划投资”没有写金额单位，而“总投资”写的是亿元"
	is "$f: nothing stored (not 50000.00万元)" "$(stored)" 0
done

fresh
ok ",,,,（亿元） alone in the top right corner: the table's (audit 2)" \
	tz import projects "$d/v-unit-last.csv"
is "…read in 亿元" "$(ledger_rows)" "$both_wan"

fresh
ok "（亿元） over each money column" tz import projects "$d/v-units-both.csv"
is "…both in 亿元" "$(ledger_rows)" "$both_wan"
fresh
ok "（亿元） merged over both money columns (xlsx)" tz import projects "$d/v-units-merged.xlsx"
is "…both in 亿元" "$(ledger_rows)" "测试甲项目|站前区|120000.00|50000.00"

for f in v-unit-labelled.csv v-unit-first.csv; do
	fresh
	ok "$f: 单位：亿元 over a column, （亿元） in the first: the table's, as before" \
		tz import projects "$d/$f"
	is "$f: read in 亿元" "$(ledger_rows)" "$both_wan"
done

fresh
fails ",,,亿元, over 总投资(万元)" tz import projects "$d/v-unit-against.csv"
contains "…names the row, the column and both units" "$TZ_TMP/err" \
	"v-unit-against.csv:2: 第2行第D列在“总投资(万元)”上方注明单位为亿元，与表头写的单位“万元”不同"
is "…nothing stored" "$(stored)" 0

# A heading merged down over an empty header cell (g7).
fresh
fails "总投资（亿元） over an empty header cell: read, and the plan's unit asked for" \
	tz import projects "$d/u1-g7.csv"
contains "…not 缺少必需的列" "$TZ_TMP/err" \
	"“年度计划投资”没有写金额单位，而“总投资（亿元）”写的是亿元"
is "…nothing stored" "$(stored)" 0
fresh
ok "总投资（亿元）, 年度计划投资（亿元） over empty header cells" tz import projects "$d/v-g7-units.csv"
is "…read in 亿元" "$(ledger_rows)" "$both_wan"

# A number format naming a scaled foreign currency.
fresh
fails '0.00"万美元"' tz import projects "$d/n9.xlsx"
contains "…quoted with its 万" "$TZ_TMP/err" "总投资(万元)“12万美元”的单位“美元”不是人民币"

# Reports.
fresh
tz import projects "$d/p-base.csv" >/dev/null 2>&1
fails "（本期完成投资：亿元） over a plain 本期完成投资" tz import progress "$d/p-u3.csv"
contains "…the title, the column, both units" "$TZ_TMP/err" \
	"p-u3.csv:2: 第2行的标题“（本期完成投资：亿元）”单独注明本期完成投资的单位是亿元，而表头“本期完成投资”的金额会按万元读"
fails "单位：万元（完成投资：亿元）" tz import progress "$d/p-u5.csv"
contains "…完成投资 names 本期完成投资" "$TZ_TMP/err" \
	"p-u5.csv:2: 第2行单独注明完成投资的单位是亿元，而表头“本期完成投资”的金额会按万元读"
fails "注：本期完成投资按亿元填报 under the table" tz import progress "$d/p-note.csv"
contains "…the example names 本期完成投资" "$TZ_TMP/err" \
	"p-note.csv:4: 第4行注明本期完成投资单位为亿元，与表头的单位不同（本期完成投资按万元读）：不知道金额该按哪个单位读，整个文件未导入；请在表头写明单位（如“本期完成投资(亿元)”）"
is "…nothing stored (not 1.50万元)" "$(reports)" ""
ok "（本期完成投资：万元）: as read" tz import progress "$d/p-agrees.csv"
is "…read in 万元" "$(reports)" "YK2025000001|2025-10|1.50|已开工"

done_testing
