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
refused "a note of 亿元 after a plain table (the audit's)" html-unit-hp-after.xls \
	"第3行注明金额单位为亿元，与表头的单位不同"
refused "<caption>单位：亿元</caption> above 总投资(万元)" my-caption-vs-header.xls \
	"表格注明金额单位为亿元，而“总投资(万元)”的单位是万元"
refused "a rowspan past the table's end does not hide the note after it" my-rowspan-note.xls \
	"第3行注明金额单位为亿元"
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
