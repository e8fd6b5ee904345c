#!/bin/bash
# t1809-messages.sh: messages and suggestions a clerk can act on. A
# region cell naming the whole city (全市) or several places (跨区域)
# says in one sentence what to write, never a garbled repeat nor a new
# region; suggestions for an unknown region rank the place name over the
# generic suffix; a report's header that lacks what matches it to the
# ledger says what to add. Audit 9 (2026-12-01) R9, R12, R16 and the
# session-6 walkthrough (2026-12-01); inputs in tests/data/walk3-messages
# (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk3-messages

# --- 1. Whole city, several places (R12) ------------------------------

fresh
fails "全市 as a region: refused" tz import projects --year 2025 "$d/reg-quanshi.csv"
contains "全市: one sentence saying what to write" "$TZ_TMP/err" \
	"reg-quanshi.csv:3: 项目编号 P2: 所属地区“全市”指全市范围，不是一个地区：全市性的项目请填“市直”，在某一地区建设的请填该地区"
is "全市: not said twice" "$(grep -c '所属地区“全市”：' "$TZ_TMP/err")" "0"
is "全市: no tree built" "$(tz org list 2>&1 | grep -c '（R')" "0"

fresh
fails "跨区域 as a region on a first import: refused" tz import projects --year 2025 "$d/reg-kuaqu.csv"
contains "跨区域: says a project has one region" "$TZ_TMP/err" \
	"reg-kuaqu.csv:3: 项目编号 P2: 所属地区“跨区域”不是一个地区，一个项目只属于一个地区：跨地区的项目请填牵头的地区，市级部门牵头的请填“市直”"
is "跨区域: never a region node" "$(tz org list 2>&1 | grep -c '跨区域')" "0"

fresh
fails "全县, 多个县区: refused" tz import projects --year 2025 "$d/whole-several.csv"
contains "全县: 县直" "$TZ_TMP/err" "所属地区“全县”指全县范围，不是一个地区：全县性的项目请填“县直”"
contains "多个县区: one region" "$TZ_TMP/err" "whole-several.csv:4: 项目编号 P3: 所属地区“多个县区”不是一个地区"

fresh
ok "a tree without 市直" tz import projects --year 2025 "$d/reg-base.csv"
fails "全市 against that tree: refused" tz import projects --year 2025 "$d/reg-quanshi.csv"
contains "全市 with a tree: the place, no 市直 the tree lacks" "$TZ_TMP/err" \
	"项目编号 P2: 所属地区“全市”指全市范围，不是一个地区：请填项目所在的地区"

# --- 2. Suggestions rank the place name over the suffix (R16) ---------

# hint FILE: the row error of FILE imported after reg-base.csv (鲅鱼圈区,
# 新城区, 新城经济开发区, 盖州市).
hint() {
	fresh
	tz import projects --year 2025 "$d/reg-base.csv" >/dev/null 2>&1
	tz import projects --year 2025 "$d/$1" >"$TZ_TMP/out" 2>"$TZ_TMP/err"
	sed -n 's/^[^ ]* 项目编号 P9: //p' "$TZ_TMP/err"
}
is "鲅鱼圈经济开发区: the tree's 鲅鱼圈区, not 新城经济开发区" "$(hint reg-q-鲅鱼圈经济开发区.csv)" \
	"所属地区“鲅鱼圈经济开发区”不存在，是否为“鲅鱼圈区”？"
is "新城开发区: the zone, not 新城区" "$(hint reg-q-新城开发区.csv)" \
	"所属地区“新城开发区”不存在，是否为“新城经济开发区”？"
is "新城: both, the clerk chooses" "$(hint reg-q-新城.csv)" \
	"所属地区“新城”不存在，是否为“新城区”或“新城经济开发区”？"
is "新城高新区 (a high-tech zone is neither): both" "$(hint reg-q-新城高新区.csv)" \
	"所属地区“新城高新区”不存在，是否为“新城区”或“新城经济开发区”？"
is "新城区管委会: the district" "$(hint reg-q-新城区管委会.csv)" \
	"所属地区“新城区管委会”不存在，是否为“新城区”？"
is "鲅鱼圈 without its 区" "$(hint reg-q-鲅鱼圈.csv)" "所属地区“鲅鱼圈”不存在，是否为“鲅鱼圈区”？"

# --- 3. Reports: a region without its suffix (walkthrough p15) --------

# walk: the walkthrough's tree and four of its projects.
walk() {
	fresh
	tz org import "$d/walk-org.csv" >/dev/null &&
	tz import projects "$d/walk-base.csv" >/dev/null 2>&1
}
walk
fails "p15: 鲅鱼圈 for 鲅鱼圈区 in a report without codes: refused" \
	tz import progress "$d/p15_progress_by_name_region_alias.csv"
contains "p15: suggests 鲅鱼圈区" "$TZ_TMP/err" \
	"p15_progress_by_name_region_alias.csv:2: 所属地区“鲅鱼圈”不是台账中的地区，是否为“鲅鱼圈区”？"
is "p15: the other row is read (one error)" "$(grep -c '不是台账中的地区\|台账中没有' "$TZ_TMP/err")" "1"
fails "站前, 鲅鱼圈经济开发区: refused" tz import progress "$d/p-region-short.csv"
contains "站前: suggests 站前区" "$TZ_TMP/err" "所属地区“站前”不是台账中的地区，是否为“站前区”？"
contains "鲅鱼圈经济开发区: suggests 鲅鱼圈区" "$TZ_TMP/err" \
	"所属地区“鲅鱼圈经济开发区”不是台账中的地区，是否为“鲅鱼圈区”？"

# --- 4. A report's header that cannot match rows (walkthrough p24) ----

fails "p24: no 项目编号, no 所属地区: refused" tz import progress "$d/p24_progress_name_only_no_region.csv"
contains "p24: says what is missing and what to add" "$TZ_TMP/err" \
	"但缺少“项目编号”列，也没有“所属地区”列：调度表按项目编号，或按所属地区和项目名称对应台账中的项目；请加“项目编号”列或“所属地区”列"
is "p24: no 调度期 asked for (the title names 2025年10月)" "$(grep -c '调度期' "$TZ_TMP/err")" "0"
fails "no 调度期, no title month: refused" tz import progress "$d/p-noperiod-nocode.csv"
contains "…asks only for 调度期 (region and name are there), names --period" "$TZ_TMP/err" \
	"第1行是表头，但没有“调度期”列，标题中也没有写明年月，不知道是哪个调度期，整个文件未导入：请加“调度期”列（如2025-10），或在标题中写明年月（如“2025年10月重点项目调度表”），命令行导入也可加 --period YYYY-MM"
fails "no 调度期, no region, no code: refused" tz import progress "$d/p-noperiod-noregion.csv"
contains "…asks for both" "$TZ_TMP/err" \
	"请加“项目编号”列或“所属地区”列，并加“调度期”列，或在标题中写明年月"

# --- 5. A hidden column under a visible one's name (R9) ---------------

fresh
fails "hidden E and visible F both 年度计划投资: refused" \
	tz import projects --year 2025 "$d/hidden-col-oldplan.xlsx"
contains "names E as hidden" "$TZ_TMP/err" \
	"第E列“年度计划投资(万元)”（隐藏列）和第F列“年度计划投资(万元)”都是"
contains "says what a hidden column is" "$TZ_TMP/err" "其中隐藏列在Excel中看不到"
is "nothing stored" "$(stored)" "0"

# --- 6. Walkthrough ledgers that read right (f13, f16) ----------------

fresh
ok "f13: national codes only, region column" tz import projects "$d/f13_ledger_national_code_only.csv"
is "f13: stored under the national codes, region 老边区" "$(ledger_rows code)" \
	"2025-210811-50-01-200001|老边区边城镇污水管网|老边区|3200.00|1600.00 2025-210811-50-01-200002|老边区农贸市场|老边区|1200.00|1200.00"
fresh
ok "f16: a 合计（3个） row on top" tz import projects --year 2025 "$d/f16_ledger_soffice_heji_top_count.xlsx"
is "f16: three projects" "$(ledger_rows)" \
	"盖州市双台镇光伏|盖州市|5000.00|1700.00 盖州市沙岗村道路硬化|盖州市|1400.00|1400.00 盖州市青石岭镇葡萄酒庄|盖州市|9000.00|3000.00"


# --- 7. A tree's 类型 镇/乡 (walkthrough f16's note) -------------------

fresh
fails "org import: 类型 镇 refused" tz org import "$d/org-town.csv"
contains "…says the tree has no town kind and what to write" "$TZ_TMP/err" \
	"org-town.csv:3: 类型“镇”无法识别（应为市、县、区、开发区、市直或部门）：组织机构没有乡镇（街道）这一类型；县（市、区）自己的台账以乡镇、街道为所属地区时，类型请填“县”或留空（按名称推定）"

done_testing
