#!/bin/bash
# t1836-html-tables.sh: HTML ".xls" pages as web systems write them
# (session 14). Two tables in one page, each with its own title and
# header (续建项目 then 新开工项目): read as one ledger when the second
# header is the first's, and said; a 填报说明 table after the data, or a
# sample under it, is not read and named; a second table of another
# year, with its columns in another order, or in another unit refuses
# the file. A data table inside a layout table's cell is found. Then
# the variants of the class: <thead>/<tbody>/<tfoot>, <th>, rowspan and
# colspan, <br>, &nbsp; and numeric entities, encodings, comments and
# scripts, uppercase tags, unclosed cells. Inputs in tests/data/html14
# (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/html14

reads() { # name file rows: imports with --year 2025 and stores exactly rows
	local name=$1 file=$2 want=$3
	fresh
	ok "$name: imports" tz import projects --year 2025 "$d/$file"
	is "$name: the ledger stored" "$(ledger_rows code)" "$want"
}
refused() { # name file text
	fresh
	fails "$1" tz import projects --year 2025 "$d/$2"
	contains "$1: says why" "$TZ_TMP/err" "$3"
	is "$1: nothing stored" "$(tz export projects | tail -n +2)" ""
}

# 1. Two tables in one page.
reads "two tables, titles in their first rows" two-titles-in.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|2000.00|300.00 P3|丙项目|乙县|500.00|100.00"
contains "two tables: the second named in the summary" "$TZ_TMP/err" \
	"第2个表格（第5行起，“2025年新开工项目表”）的表头与第1个表格相同，一并导入"
fresh
ok "two tables: the title's year read, no --year" tz import projects "$d/two-titles-in.xls"
is "two tables: three projects of 2025" "$(stored)" "3"
reads "two tables, <h3> titles outside them" two-titles-out.xls \
	"P1|甲项目|甲县|1000.00|200.00 P3|丙项目|乙县|500.00|100.00"
contains "<h3> titles: the second table named" "$TZ_TMP/err" \
	"第2个表格（第4行起，“二、新开工项目（单位：万元）”）的表头与第1个表格相同"
reads "two tables, each with its own 合计" two-sub.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|3000.00|400.00 P3|丙项目|乙县|500.00|100.00 P4|丁项目|乙县|700.00|100.00"
refused "the second table's 合计 wrong" two-sub-bad.xls \
	"第11行“合计”是合计/小计行，但它第D列的总投资1300.00万元不等于上面2个项目（第9行至第10行）的总投资之和1200.00万元"
reads "a 填报说明 table after the data" two-instructions.xls "P1|甲项目|甲县|1000.00|200.00"
contains "填报说明: named, not read" "$TZ_TMP/err" "第2个表格（第3-5行，“填报说明”）是填报说明或示例，未导入"
# Before: the sample XM001 was stored as a project, exit 0.
reads "a 填报说明 with a sample table under the header" two-instructions-sample.xls \
	"P1|甲项目|甲县|1000.00|200.00"
contains "the sample table: named, not read" "$TZ_TMP/err" "是填报说明或示例，未导入"
reads "a second table without a header: read under the first's columns, said" \
	two-no-header.xls "P1|甲项目|甲县|1000.00|200.00 P2|乙项目|乙县|500.00|100.00"
contains "no header: said" "$TZ_TMP/err" "第2个表格（第3行起）没有表头，按第1个表格的列读取"
refused "a second table of 2024" two-other-year.xls \
	"two-other-year.xls:4: 第2个表格的标题“2024年重点项目表”是2024年的，而台账按2025年度导入"
refused "a second table with 总投资 and 年度计划投资 swapped" two-columns-swapped.xls \
	"第2个表格的表头（第4行）与第1个表格的表头（第1行）不同：第D列是“年度计划投资（万元）”，第1个表格是“总投资（万元）”"
refused "a second table in 亿元 under a plain header" two-unit-yi.xls "第3行注明金额单位为亿元"
refused "a second table's header in 亿元" two-header-yi.xls \
	"two-header-yi.xls:4: 第2个表格的表头（第4行）“总投资（亿元）”写的单位与第1个表格的总投资(万元)不同"
reads "two tables, each with a two-row header (投资情况（万元） over 总投资)" two-two-row-headers.xls \
	"P1|甲项目|甲县|1000.00|200.00 P3|丙项目|乙县|500.00|100.00"
contains "two-row headers: the second table named" "$TZ_TMP/err" \
	"第2个表格（第5行起，“2025年新开工项目”）的表头与第1个表格相同，一并导入"
refused "the second two-row header over 亿元" two-two-row-yi.xls \
	"two-two-row-yi.xls:6: 第2个表格的表头（第6行）“投资情况（亿元）”写的单位与第1个表格的总投资(万元)不同"
refused "a second table whose <caption> names 2024" two-caption-year.xls \
	"two-caption-year.xls:4: 第2个表格的标题“2024年新开工项目”是2024年的"
fresh
tz import projects --year 2025 "$d/two-titles-in.xls" >/dev/null 2>&1
ok "a report of two tables (续建 and 新开工 调度表)" tz import progress "$d/two-progress.xls"
is "both tables' reports stored" "$(reports)" "P1|2025-10|50.00|已开工 P3|2025-10|20.00|已开工"
contains "the report's second table named" "$TZ_TMP/err" "第2个表格（第4行起，“2025年10月新开工项目调度表”）的表头与第1个表格相同"

# 2. A data table inside a layout table's cell.
reads "the data table in a layout table's cell" nested-layout.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|2000.00|300.00"
fresh
ok "the layout cell's <h3> is the title: its year" tz import projects "$d/nested-layout.xls"
contains "the year from the title" "$TZ_TMP/err" "2025年度（取自标题）"
reads "a layout with a menu beside the data table" nested-sidebar.xls "P1|甲项目|甲县|1000.00|200.00"
reads "a second table inside a layout, its title before the layout" two-second-in-layout.xls \
	"P1|甲项目|甲县|1000.00|200.00 P3|丙项目|乙县|500.00|100.00"
contains "the second table in a layout: named with its title" "$TZ_TMP/err" \
	"第2个表格（第4行起，“二、新开工项目（单位：万元）”）的表头与第1个表格相同，一并导入"
reads "a table in a data cell stays that cell's text" nested-in-cell.xls \
	"P1|甲项目 一期|甲县|1000.00|200.00"

# 3. Variants of the class.
# An Excel number format writing 亿元 after the number (a class in the
# page's <style>, or inline): Excel shows 12.50亿元. Before: 12.50万元
# stored, exit 0.
reads "mso-number-format 0.00\"亿元\" by class" v-mso-format.xls "P1|甲项目|甲县|125000.00|15000.00"
reads "mso-number-format 0.00\"亿元\" inline" v-mso-inline.xls "P1|甲项目|甲县|125000.00|15000.00"
reads "mso-number-format #,##0.00\"万元\" under 万元, text format on the code" v-mso-wan.xls \
	"P1|甲项目|甲县|1000.00|200.00"
# Held (read right before and after; kept so that they stay so).
reads "<thead>, <tfoot> 合计 before <tbody>, <th> cells" v-thead-tfoot.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|2000.00|300.00"
contains "<tfoot>: the 合计 skipped" "$TZ_TMP/err" "合计/小计1行"
reads "a region's rowspan filled down, a two-row <th> header" v-rowspan-region.xls \
	"2025-R01-001|甲项目|甲县|1000.00|200.00 2025-R01-002|乙项目|甲县|2000.00|300.00 2025-R01-003|丙项目|甲县|3000.00|400.00 2025-R02-001|丁项目|乙县|4000.00|500.00"
reads "<br> in header cells, &nbsp; around values, numeric entities" v-br-nbsp-entities.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|1500.50|200.00"
reads "uppercase tags, <td> and <tr> never closed" v-upper-unclosed.xls \
	"P1|甲项目|甲县|1000.00|200.00 P2|乙项目|甲县|2000.00|300.00"
reads "rows in comments, <script> and <style> are no rows; <noscript>'s is" v-script-comment.xls \
	"P1|甲项目|甲县|1000.00|200.00 P4|无脚本|甲县|4.00|4.00"
reads "GBK without a meta charset" v-gbk-nometa.xls "P1|甲项目|甲县|1000.00|200.00"
reads "a UTF-8 BOM under a gb2312 meta" v-bom-gbkmeta.xls "P1|甲项目|甲县|1000.00|200.00"
refused "an amount's colspan over the plan" v-colspan-data.xls "是与左边一列合并的单元格（跨列合并）"
refused "a 总投资 rowspan over two projects" v-rowspan-money.xls "是从第2行起向下合并到多行的单元格"
refused "a hidden 总投资 <td> beside the shown one" v-hidden-col.xls \
	"第D列“总投资（万元）”和第E列“总投资（万元）”都是“总投资(万元)”"

done_testing
