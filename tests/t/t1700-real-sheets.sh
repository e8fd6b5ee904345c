#!/bin/bash
# t1700-real-sheets.sh: ledgers as offices and published lists write them
# (tests/data/sheets-own, one file per class): every value read with the
# unit the sheet means, or the file refused with the reason; rows that are
# not projects skipped and counted; lists without codes identified.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/sheets-own"
export_year() { tz export projects --year "${1:-2025}" --out "$TZ_TMP/export.csv"; }

fresh
ok "a header over two rows" tz import projects "$d/two-row-header.csv"
export_year
is "the group heading's unit applies to the columns under it" "$(field T1 总投资)" 15000.00
is "to each of them" "$(field T1 年度计划投资)" 6000.00
is "the other headers stand above empty cells" "$(field T2 计划开工时间)" 2025-02

fresh
ok "totals, sections and notes" tz import projects --year 2025 "$d/sections.csv"
contains "are skipped and counted" "$TZ_TMP/err" "合计/小计2行，分类标题3行，注释1行"
contains "three projects" "$TZ_TMP/err" "导入3行"
export_year
is "the table's unit (万元)" "$(field S2 总投资)" 50000.00

fresh
ok "千元 and 百万元" tz import projects --year 2025 "$d/units.csv"
export_year
is "千元 converted exactly" "$(field U1 总投资)" 500.00
is "百万元 converted exactly" "$(field U1 年度计划投资)" 100.00
is "scientific notation" "$(field U2 总投资)" 120.00
fails "a unit that cannot be converted" tz import projects --year 2025 "$d/unit-unknown.csv"
contains "names the column and the unit" "$TZ_TMP/err" "“总投资(美元)”的单位“美元”无法换算为万元"

fresh
ok "two plan columns: --year chooses" tz import projects --year 2025 "$d/two-plans.csv"
contains "the other is named as not read" "$TZ_TMP/err" "未识别、未导入的列：2024年度计划投资(万元)"
export_year
is "the 2025 plan" "$(field Y1 年度计划投资)" 100.00
fresh
fails "without a year nothing chooses" tz import projects "$d/two-plans.csv"
contains "and it says so" "$TZ_TMP/err" "两列都是年度计划投资"
fails "the same field twice" tz import projects --year 2025 "$d/two-totals.csv"
contains "names both columns" "$TZ_TMP/err" "第D列“总投资”和第E列“总投资”都是“总投资(万元)”"

fresh
ok "a published list without codes" tz import projects "$d/published.csv"
contains "the year from its title" "$TZ_TMP/err" "2025年度（取自标题）"
contains "regions from 责任单位, and said so" "$TZ_TMP/err" "所属地区取自“责任单位”"
contains "codes given and listed" "$TZ_TMP/err" "新项目编号3个"
contains "a given code" "$TZ_TMP/err" "2025-R01-001  临港大道改造（鲅鱼圈区）"
contains "a plan written — is no plan, and said so" "$TZ_TMP/err" "1个金额单元格写的是“—”或“/”"
contains "unrecognised columns named" "$TZ_TMP/err" "未识别、未导入的列：建设内容及规模"
export_year
is "亿元 from the unit row" "$(field 2025-R01-001 总投资)" 1000000.00
is "the year's plan column" "$(field 2025-R01-001 年度计划投资)" 200000.00
is "— stored as no plan, not 0" "$(field 2025-R02-001 年度计划投资)" ""
is "a district government gives its district" "$(field 2025-R01-001 所属地区)" 鲅鱼圈区
is "a city department gives 市直" "$(field 2025-R02-001 所属地区)" 市直
is "a county-level city's government" "$(field 2025-R03-001 所属地区)" 盖州市
is "牵头区领导 is the 包联领导" "$(field 2025-R01-001 包联领导)" 王某
is "建设阶段 kept as text" "$(field 2025-R01-001 建设阶段)" 加快建设
ok "the same list again" tz import projects "$d/published.csv"
contains "finds the same projects, unchanged" "$TZ_TMP/err" "新增0，更正0，未变3"
if grep -q "新项目编号" "$TZ_TMP/err"; then is "gives no new codes" given none; fi
fresh
fails "one name twice in one region" tz import projects --year 2025 "$d/published-dup.csv"
contains "is a row error, never a silent correction" "$TZ_TMP/err" "同一地区（甲县）的项目“污水处理厂”在本文件中出现两次"

fresh
ok "synonyms, and 所属地区 before 建设地点" tz import projects --year 2025 "$d/places.csv"
export_year
is "所属地区 wins" "$(field P1 所属地区)" 甲县
is "项目业主" "$(field P1 建设单位)" 某公司
is "挂点领导" "$(field P1 包联领导)" 王某
is "牵头协调部门" "$(field P1 责任单位)" 区建设局
contains "建设地点 is named as not read" "$TZ_TMP/err" "未识别、未导入的列：建设地点"
fails "a sheet without 项目名称" tz import projects --year 2025 "$d/no-name.csv"
contains "names what it lacks, not 未找到表头" "$TZ_TMP/err" "缺少必需的列：项目名称"
ok "more than two decimals" tz import projects --year 2025 "$d/rounding.csv"
contains "rounded and counted" "$TZ_TMP/err" "1个金额超过两位小数"
export_year
is "half up" "$(field R1 总投资)" 100.13
is "/ is no plan" "$(field R2 年度计划投资)" ""
done_testing
