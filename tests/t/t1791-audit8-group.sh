#!/bin/bash
# t1791-audit8-group.sh: a region's group row carrying its sums (甲县
# spanned or merged across the label columns, 甲县（1个项目）, 甲县 1个,
# 全县) is its subtotal: skipped and counted as 合计/小计, never a
# project and never an organisation node, so the county is not counted
# twice. Audit 8, 2026-11-30; inputs in tests/data/audit8-group (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit8-group

# rows: "名称|地区|总投资|年度计划" of every stored project, sorted.
rows() { ledger_rows; }

group() { # file expected-rows skipped-totals
	fresh
	ok "$1: imported" tz import projects --year 2025 "$d/$1"
	is "$1: projects stored" "$(rows)" "$2"
	contains "$1: the group row counted as a subtotal" "$TZ_TMP/err" "合计/小计$3行"
	is "$1: no node named after the label" \
		"$(tz org export 2>/dev/null | cut -d, -f2 | grep -c '个\|项目\|全县')" "0"
}

two='乙项目|甲县|500.00|100.00 甲项目|甲县|1000.00|300.00'
group sec-colspan-group-with-codes.xls "$two" 1
group sec-merged-group-with-codes.xlsx "$two" 1
group sec-merged-group-with-codes-biff.xls "$two" 1
is "the span's label is no code" "$(field 甲县 项目名称)" ""

jb='丙项目|甲县|200.00|20.00 甲项目|甲县|100.00|10.00'
group sec-region-merged-across.xlsx \
	"丙项目|甲县|200.00|20.00 乙项目|乙县|500.00|50.00 甲项目|甲县|100.00|10.00" 2
group sec-merged-region.xlsx "$jb" 1
group sec-region-label-new-node.xlsx "$jb" 1
group sec-region-xiangmu-merged.xlsx "$jb" 1

ja='乙项目|乙县|200.00|20.00 甲项目|甲县|100.00|10.00'
for f in sec-region-name.csv sec-region-count-xiangmu.csv sec-region-space-count.csv \
	 sec-region-colon-count.csv sec-region-squarebr.csv sec-quanxian.csv; do
	group $f "$ja" 1
done

# Our own: other brackets, 全市 with a count, an ideographic space, a
# code column the span filled.
group own-region-lenticular.csv '丙项目|乙县|200.00|20.00 甲项目|乙县|100.00|10.00' 1
group own-quanshi-count.csv "$jb" 1
group own-ideospace-count.csv "$jb" 1
group own-span-code.csv '丙项目|甲县|200.00|20.00 甲项目|甲县|100.00|10.00' 1

# Names that only begin with the region or 全县 stay projects.
fresh
ok "names after the county stay projects" tz import projects --year 2025 "$d/own-names-stay.csv"
is "five projects" "$(stored)" 5
ok "no row skipped" bash -c "! grep -q 合计/小计 '$TZ_TMP/err'"

done_testing
