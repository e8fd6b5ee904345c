#!/bin/bash
# t1795-audit8-html-units.sh: an HTML page saved as .xls states the unit
# of money outside its table (a <p>, heading, <div> of <span>s or the
# <caption> above it, a note after it): that text is read as the rows
# a sheet holds, so the amounts are read in 亿元, or the file refused
# when a note after the table names another unit than the header's; rows
# are numbered as Excel shows the page; footers are not projects.
# Audit 8, 2026-11-30; inputs in tests/data/audit8-html-units (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit8-html-units

yi_html() { # name file: the page means 100亿 / 12.5亿
	fresh
	ok "$1: imports" tz import projects --year 2025 "$d/$2"
	export_all
	is "$1: 总投资 in 亿元" "$(field P1 总投资)" "1000000.00"
	is "$1: 年度计划投资 in 亿元" "$(field P1 年度计划投资)" "125000.00"
}
refused() { # name file text [import args]
	local name=$1 file=$2 text=$3
	shift 3
	fresh
	fails "$name" tz import projects --year 2025 "$@" "$d/$file"
	contains "$name: says why" "$TZ_TMP/err" "$text"
	is "$name: nothing stored" "$(tz export projects | tail -n +2)" ""
}

yi_html "<p>单位：亿元</p> above the table (the audit's)" html-unit-hp-p.xls
yi_html "<caption>2025年重点项目（单位：亿元）</caption> (the audit's)" html-unit-hp-caption.xls
yi_html "<h3> title and a right-aligned <p>单位：亿元 (the audit's)" html-unit-hp-h3.xls
yi_html "<div><span>单位：</span><span>亿元</span></div> (the audit's)" html-unit-hp-div-span.xls
yi_html "<p>单位：个、亿元</p> (the audit's)" html-unit-hp-p-list.xls
# The header states no unit: the note after the table is its only one,
# the page read again in it (walkthrough 6, 2026-12-01, t1810; refused
# before).
yi_html "a note of 亿元 after a plain table (the audit's)" html-unit-hp-after.xls
contains "a note of 亿元 after a plain table: says the unit applied" "$TZ_TMP/err" \
	"第3行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"
refused "<caption>单位：亿元</caption> above 总投资(万元)" my-caption-vs-header.xls \
	"my-caption-vs-header.xls:1: 第1行注明金额单位为亿元，而第2行“总投资(万元)”的单位是万元"
yi_html "a rowspan past the table's end does not hide the note after it" my-rowspan-note.xls
contains "a rowspan past the table's end: the note read" "$TZ_TMP/err" \
	"第3行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"
yi_html "links and a footer after the table are not projects" my-footer.xls

fresh
ok "<h1> naming the year, <br> between two lines of a <p>: no --year" \
	tz import projects "$d/my-h1-year.xls"
contains "the year is the title's" "$TZ_TMP/err" "2025年度（取自标题）"
export_all
is "and the unit the <p>'s second line" "$(field P1 总投资)" "1000000.00"

fresh
ok "注：表中金额单位为万元 after a plain table" tz import projects --year 2025 "$d/my-note-wan.xls"
export_all
is "read in 万元" "$(field P1 总投资)" "100.00"
contains "the note is counted as one" "$TZ_TMP/err" "注释1行"

fresh
ok "<title>单位：亿元</title> is the window's, not the page's" \
	tz import projects --year 2025 "$d/my-title-tag.xls"
export_all
is "read in 万元" "$(field P1 总投资)" "100.00"

refused "a row error names the row as Excel shows the page" my-bad-row.xls \
	"my-bad-row.xls:5: 项目编号 P2: 总投资(万元)“一百”不是有效的金额"

# Two different units of money stated above the header, in two cells of
# one row or in two rows, refuse the file naming both.
refused "单位：万元,,,单位：亿元 in one row (the audit's)" u-two-cells-conflict.csv \
	"第1行注明金额单位为万元、亿元，写了不同的单位"
refused "单位：万元 and 单位：亿元 in two rows" my-two-rows-conflict.csv \
	"第1行和第2行注明金额单位为万元、亿元，写了不同的单位"
refused "a title in 万元 above a unit row in 亿元" my-title-vs-unit-row.csv \
	"第1行的标题“2025年重点项目台账（万元）”和第2行注明金额单位为万元、亿元"
refused "单位：亿元 above, 单位：万元 in the header row" my-header-cell-conflict.csv \
	"第1行和第2行注明金额单位为亿元、万元"
fresh
ok "the same unit in two cells" tz import projects --year 2025 "$d/my-two-cells-same.csv"
export_all
is "read in 亿元" "$(field P1 总投资)" "125000.00"

# A plan header naming its year in brackets or another word order is
# that year's plan.
plan() { # name file [args]: the plan 100 of 2025 is stored
	local name=$1 file=$2
	shift 2
	fresh
	ok "$name" tz import projects "$@" "$d/$file"
	export_all
	is "$name: the plan is read" "$(field P1 年度计划投资)" "100.00"
}
plan "年度计划投资（2025年） (the audit's)" plan-year-in-brackets.csv --year 2025
plan "2025年投资计划(万元) (the audit's), no --year" plan-year-touzijihua.csv
contains "the year is the plan column's" "$TZ_TMP/err" "2025年度（取自计划投资列的表头）"
plan "计划投资（2025年）" my-plan-jihua-bracket.csv --year 2025
plan "年度计划投资(2025)" my-plan-bare-bracket.csv --year 2025
plan "2025年度投资计划" my-plan-niandu-touzijihua.csv --year 2025
plan "2025计划投资, no --year" my-plan-bare-year.csv
plan "2024's and 2025's plan in brackets: the ledger's year chooses" my-plan-two-years.csv --year 2025
contains "the summary names the one not read" "$TZ_TMP/err" "未读取“年度计划投资（2024年）”"
fresh
ok "计划投资（2025年，亿元）: year and unit" tz import projects "$d/my-plan-year-unit.csv"
export_all
is "the plan in 亿元" "$(field P1 年度计划投资)" "10000.00"
fresh
ok "投资计划 without a year stays unknown" tz import projects --year 2025 "$d/my-plan-touzijihua-noyear.csv"
contains "said in the summary" "$TZ_TMP/err" "未识别、未导入的列：投资计划"
fresh
ok "本年完成投资(2025年) is no plan" tz import projects --year 2025 "$d/my-done-year.csv"
contains "said in the summary" "$TZ_TMP/err" "未识别、未导入的列：本年完成投资(2025年)"

done_testing
