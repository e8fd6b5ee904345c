#!/bin/bash
# t1796-audit8-rows.sh: rows that are not projects of their own. A row
# without 序号 (and without code) directly under a numbered project,
# whose amounts are within the project's, is a part of it (其中：一期工程,
# （1）…, ①…): skipped and counted, never a project; parts whose sums
# exceed the project's are refused naming the line. (Codes in another
# case, p1 beside P1, and a 项目代码 given later to a project imported
# without one are audit 8's open findings: not fixed, not tested here;
# their inputs are kept in tests/data/audit8-rows.) Audit 8,
# 2026-11-30; inputs in tests/data/audit8-rows (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit8-rows

# rows: "编号|名称|地区|总投资|年度计划" of every stored project, sorted.
rows() { ledger_rows code; }

# --- 1. Breakdown rows under a project --------------------------------

two='2025-R01-001|甲项目|甲县|1000.00|100.00 2025-R02-001|乙项目|乙县|200.00|20.00'
for f in sub-items-qizhong.csv sub-items-numbered.csv; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: the parts are no projects (甲县 1000/100 once)" "$(rows)" "$two"
	contains "$f: the parts counted" "$TZ_TMP/err" "2行为项目的分项（其中…），未作为项目导入"
done

fresh
ok "parts written 1. 2. and ① ②, and one without a mark" \
	tz import projects --year 2025 "$d/parts-styles.csv"
is "parts-styles: four projects, the parts skipped" "$(rows)" \
	"2025-R01-001|甲项目|甲县|1000.00|100.00 2025-R02-001|乙项目|乙县|200.00|20.00 2025-R02-002|丙项目|乙县|300.00|30.00 2025-R02-003|丁项目|乙县|80.00|8.00"
contains "parts-styles: five parts" "$TZ_TMP/err" "5行为项目的分项"

fresh
fails "parts whose 总投资 exceeds the project's" tz import projects --year 2025 "$d/parts-exceed.csv"
contains "parts-exceed: names the line and the project's" "$TZ_TMP/err" \
	"parts-exceed.csv:4: "
contains "parts-exceed: says why" "$TZ_TMP/err" \
	"第4行没有序号，在第2行的项目之下，像是该项目的分项（其中…），但分项的总投资合计1100.00万元，超过了该项目的1000.00万元"
is "parts-exceed: nothing stored" "$(rows)" ""

fresh
fails "parts whose plan exceeds the project's" tz import projects --year 2025 "$d/parts-plan-exceed.csv"
contains "parts-plan-exceed: says why" "$TZ_TMP/err" \
	"parts-plan-exceed.csv:4: "
contains "parts-plan-exceed: the plan" "$TZ_TMP/err" "年度计划投资合计120.00万元，超过了该项目的100.00万元"

fresh
ok "parts under a coded project" tz import projects --year 2025 "$d/parts-coded.csv"
is "parts-coded: two projects" "$(rows)" "P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|200.00|20.00"
contains "parts-coded: two parts" "$TZ_TMP/err" "2行为项目的分项"

fresh
fails "a project without its 项目编号 is still an error" \
	tz import projects --year 2025 "$d/parts-coded-missing.csv"
contains "parts-coded-missing: 项目编号为空" "$TZ_TMP/err" "parts-coded-missing.csv:3: "
contains "parts-coded-missing: the reason" "$TZ_TMP/err" "项目编号为空"

fresh
ok "parts in a list of 项目代码" tz import projects --year 2025 "$d/parts-national.csv"
is "parts-national: two projects" "$(rows)" \
	"2020-210800-48-01-012345|甲项目|甲县|1000.00|100.00 2025-R02-001|乙项目|乙县|200.00|20.00"

done_testing
