#!/bin/bash
# t1800-rows.sh: rows and cells that are not what they look like (audit
# 9, 2026-12-01). A template's example row (示例, 例, 样例, 填报示例：…,
# …（示例）), the 栏次 row numbering the columns under a form's header
# (1,2,3,4 / 甲,乙,丙,1 / A,B,C,1,1 / 栏次), the header repeated at a
# page break and a （续） title, and a heading written in the 项目编号
# column are skipped and counted, never projects; a ditto mark (同上, 〃,
# 同前, ") and a placeholder name (XX路) are refused with the reason.
# Text an HTML page hides (display:none, visibility:hidden, hidden) is
# not part of its cell; a cell merged across fills its first column only
# (a required or money column it covers is refused as not filled).
# Inputs in tests/data/audit9-rows (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-rows

# rows: "编号|名称|地区|总投资|年度计划" of every stored project, sorted.
rows() { ledger_rows code; }

# --- W10. The template's example row ----------------------------------

base='P1|甲项目|甲县|10000.00|1200.00 P2|乙项目|乙县|20000.00|2400.00'
for f in sample-row.csv sample-row3.csv; do
	fresh
	tz import projects --year 2025 "$d/base.csv" 2>/dev/null
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: the example is no project" "$(rows)" "$base P3|丙项目|甲县|3000.00|300.00"
	contains "$f: counted" "$TZ_TMP/err" "跳过填报示例行1行"
done
for f in sample-row2.csv own-sample-yangli.csv; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: the example (序号 例/样例) is no project" "$(rows)" "2025-R01-001|丙项目|甲县|3000.00|300.00"
	contains "$f: counted" "$TZ_TMP/err" "跳过填报示例行1行"
done
fresh
ok "…【示例】 in a coded row" tz import projects --year 2025 "$d/own-sample-bracket.csv"
is "own-sample-bracket: skipped; 示范区 stays a name" "$(rows)" \
	"P3|丙项目|甲县|3000.00|300.00 P4|示范区道路工程|甲县|800.00|80.00"
fresh
fails "a placeholder name (XX路) in a real row is refused" \
	tz import projects --year 2025 "$d/own-placeholder.csv"
contains "own-placeholder: the line and the reason" "$TZ_TMP/err" \
	"own-placeholder.csv:3: 项目编号 P2: 项目名称“XX路改造工程”中的“XX”是模板的占位符"
is "own-placeholder: only that row (G2XX is a name)" "$(grep -c '占位符' "$TZ_TMP/err")" 1
is "own-placeholder: nothing stored" "$(rows)" ""

# --- W11. Ditto marks ---------------------------------------------------

fresh
fails "region 同上 / 〃 refused" tz import projects --year 2025 "$d/ditto.csv"
contains "ditto: 同上" "$TZ_TMP/err" \
	"ditto.csv:3: 项目编号 P2: 所属地区“同上”是表示“同上一行”的记号，不是所属地区的值"
contains "ditto: 〃" "$TZ_TMP/err" "ditto.csv:4: 项目编号 P3: 所属地区“〃”是表示“同上一行”的记号"
fresh
tz import projects --year 2025 --partial "$d/ditto2.csv" 2>"$TZ_TMP/err"
contains "ditto2 --partial: the row with 同上 left out" "$TZ_TMP/err" "导入1行（新增1，更正0，未变0），1行被拒绝"
is "ditto2: no region 同上, no node 同上" "$(rows)" "P1|甲项目|甲县|1000.00|100.00"
tz org export --out "$TZ_TMP/org.csv" 2>/dev/null
is "ditto2: no org node 同上" "$(grep -c 同上 "$TZ_TMP/org.csv")" 0
fresh
fails "leader, owner, unit 同上 refused" tz import projects --year 2025 "$d/ditto-text.csv"
contains "ditto-text: names the field" "$TZ_TMP/err" "ditto-text.csv:3: 项目编号 P2: "
contains "ditto-text: a ditto mark" "$TZ_TMP/err" "“同上”是表示“同上一行”的记号"
fresh
fails "〃, 同前 and \" in text fields refused" tz import projects --year 2025 "$d/own-ditto-marks.csv"
contains "own-ditto-marks: 〃 leader" "$TZ_TMP/err" "own-ditto-marks.csv:3: 项目编号 P2: 包联领导“〃”是表示“同上一行”的记号"
contains "own-ditto-marks: 同前 unit" "$TZ_TMP/err" "own-ditto-marks.csv:4: 项目编号 P3: 责任单位“同前”是表示“同上一行”的记号"
contains "own-ditto-marks: \" owner" "$TZ_TMP/err" "own-ditto-marks.csv:5: 项目编号 P4: 建设单位“\"”是表示“同上一行”的记号"

# --- W16. The 栏次 row ------------------------------------------------

for f in lc-code.csv colnum-row.csv lc-code-abc.csv own-colnum-lanci-code.csv lc-code.xls; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: one project P1, no project from the 栏次 row" "$(rows | sed 's/|[0-9.]*$//; s/|[0-9.]*$//')" "P1|甲项目|甲县"
	contains "$f: counted" "$TZ_TMP/err" "跳过栏次行1行"
	contains "$f: one region only" "$TZ_TMP/err" "由本台账建立组织机构1个：甲县（R01）"
done
for f in lc-noplan.csv lc-jiayi.csv lc-lanci.csv colnum-row-abc.csv; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: one project 甲项目" "$(rows | sed 's/|[0-9.]*$//; s/|[0-9.]*$//')" "2025-R01-001|甲项目|甲县"
	contains "$f: counted" "$TZ_TMP/err" "跳过栏次行1行"
done
fresh
tz import projects --year 2025 "$d/base.csv" 2>/dev/null
ok "lc-tree.csv after base.csv" tz import projects --year 2025 "$d/lc-tree.csv"
contains "lc-tree: counted" "$TZ_TMP/err" "跳过栏次行1行"
fresh
ok "甲 乙 丙 丁 1 2 over six columns" tz import projects --year 2025 "$d/own-colnum-stems.csv"
is "own-colnum-stems: 1号楼建设项目 stays a project" "$(rows)" \
	"2025-R01-001|甲项目|甲县|1000.00|100.00 2025-R02-001|1号楼建设项目|乙县|200.00|20.00"

# --- R1. The header repeated; R18. headings in the code column ----------

fresh
ok "header repeated mid-sheet" tz import projects --year 2025 "$d/hdr-repeat.csv"
is "hdr-repeat: both projects" "$(rows)" "P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|2000.00|200.00"
contains "hdr-repeat: counted" "$TZ_TMP/err" "跳过重复的表头1行"
fresh
ok "（续） title and header repeated" tz import projects --year 2025 "$d/hdr-repeat-title.csv"
is "hdr-repeat-title: both projects" "$(rows)" "P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|2000.00|200.00"
contains "hdr-repeat-title: counted" "$TZ_TMP/err" "跳过重复的表头2行"
fresh
ok "续表 title, header with and without units" tz import projects --year 2025 "$d/own-hdr-repeat-units.csv"
is "own-hdr-repeat-units: three projects" "$(rows)" \
	"P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|2000.00|200.00 P3|丙项目|乙县|3000.00|300.00"
contains "own-hdr-repeat-units: counted" "$TZ_TMP/err" "跳过重复的表头3行"
fresh
ok "headings in the 项目编号 column" tz import projects --year 2025 "$d/own-section-code.csv"
is "own-section-code: two projects" "$(rows)" "P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|2000.00|200.00"
contains "own-section-code: counted" "$TZ_TMP/err" "分类标题2行"
fresh
fails "bh-c.csv: the headings skipped, the repeated code 1 refused" \
	tz import projects --year 2025 "$d/bh-c.csv"
is "bh-c: no heading refused" "$(grep -c '续建项目\|新开工项目' "$TZ_TMP/err")" 0

# --- W17. HTML-as-xls: text the page hides --------------------------------

fresh
ok "display:none span in an amount" tz import projects --year 2025 "$d/h-display-none-span.xls"
is "h-display-none-span: 总投资 as shown (1000, not 50001000)" "$(rows)" "P1|甲项目|甲县|1000.00|100.00"
fresh
ok "visibility:hidden, hidden attribute, nested hidden markup" \
	tz import projects --year 2025 "$d/own-html-hidden.xls"
is "own-html-hidden: the shown text only" "$(rows)" \
	"P1|甲项目|甲县|1000.00|100.00 P2|乙项目|乙县|2000.00|200.00"

# --- W18. A cell merged across ------------------------------------------

for f in x03-mergeacross.xls own-across-name.xlsx; do
	fresh
	fails "$f: a name merged over the region cell is no region" \
		tz import projects --year 2025 "$d/$f"
	contains "$f: says why" "$TZ_TMP/err" \
		"$f:2: 项目编号 P1: 所属地区是与左边一列合并的单元格（跨列合并）：合并单元格的内容“甲项目”只属于最左一列，本行的所属地区没有填写"
	is "$f: no region node 甲项目" "$(rows)" ""
done
fresh
fails "an amount merged across 总投资 and 年度计划投资" \
	tz import projects --year 2025 "$d/own-across-money.xlsx"
contains "own-across-money: says why" "$TZ_TMP/err" \
	"own-across-money.xlsx:2: 项目编号 P1: 年度计划投资(万元)是与左边一列合并的单元格（跨列合并）：合并单元格的内容“1000”只属于最左一列"
fresh
ok "merged down (region) kept; merged across into an optional column empty" \
	tz import projects --year 2025 "$d/own-across-optional.xlsx"
is "own-across-optional: region for both rows, no leader copied from 建设单位" \
	"$(export_all; field P1 包联领导)|$(field P2 所属地区)|$(field P2 包联领导)" "|甲县|王某"

done_testing
