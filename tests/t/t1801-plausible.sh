#!/bin/bash
# t1801-plausible.sh: amounts no sheet means, and units stated where
# only some readers looked. 元 typed into a 万元 column (W21): an amount
# above 1万亿元, or 10000 times the median of the same column's other
# amounts in the file, refuses its row naming field, amount, median and
# ratio, unless --confirm-large (确认大额). A unit only in the printed
# page header or footer of an .xls (BIFF HEADER/FOOTER records) or an
# XML Spreadsheet 2003 (<x:Header x:Data=…>) is judged as in an XLSX
# (W3c, t1798). A row of units under a plain header whose header cells
# are merged down over it is read as the columns' units (R23). Audit 9,
# 2026-12-01; inputs
# in tests/data/audit9-plausible (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-plausible

# amounts CODE: "总投资/年度计划投资" of CODE in the 2025 ledger.
amounts() { export_all; echo "$(field "$1" 总投资 2025)/$(field "$1" 年度计划投资 2025)"; }

# refused FILE WHAT PATTERN...: a ledger import refused, the message
# holding each PATTERN, nothing stored.
refused() {
	local f=$1 what=$2
	shift 2
	fresh
	fails "$f: refused ($what)" tz import projects --year 2025 "$d/$f"
	for p in "$@"; do
		contains "$f: says “$p”" "$TZ_TMP/err" "$p"
	done
	is "$f: nothing stored" "$(stored)" 0
}

# --- W21. 元 in a 万元 column -----------------------------------------
refused yuan-in-wan.csv "the auditor's: P2 50000000 beside 1000 and 3000" \
	"yuan-in-wan.csv:3: 项目编号 P2: 总投资50000000.00万元是本表其他各行总投资中位数（2000.00万元）的25000倍，像是按元填写的（按元是5000.00万元）" \
	"年度计划投资2000000.00万元是本表其他各行年度计划投资中位数（200.00万元）的10000倍" \
	"如确为此数，请核对后以“确认大额”（命令行 --confirm-large）重新导入" \
	"共3行，1行有错误，整个文件未导入"
refused own-plan-yuan.csv "the plan alone in 元" \
	"own-plan-yuan.csv:3: 项目编号 P2: 年度计划投资1000000.00万元是本表其他各行年度计划投资中位数（100.00万元）的10000倍"
refused own-ceiling.csv "one row above 1万亿元" \
	"own-ceiling.csv:2: 项目编号 P1: 总投资200000000.00万元超过1万亿元，一个项目不会有这么大的金额，像是按元填写的（按元是20000.00万元）"
refused own-yi-wan.csv "万元 typed into an 亿元 column" \
	"own-yi-wan.csv:3: 项目编号 P2: 总投资50000000.00万元是本表其他各行总投资中位数（2000.00万元）的25000倍"
is "own-yi-wan.csv: its plan (5000 times) is not named" "$(grep -c 年度计划投资 "$TZ_TMP/err")" 0

# --partial cannot leave the row out alone: the whole file is refused.
fresh
fails "yuan-in-wan.csv --partial: refused" tz import projects --year 2025 --partial "$d/yuan-in-wan.csv"
contains "--partial: says why" "$TZ_TMP/err" "1行的金额不合常理（见上），整个文件未导入"
is "--partial: nothing stored" "$(stored)" 0

# 确认大额: read as written.
fresh
ok "yuan-in-wan.csv --confirm-large: imported" \
	tz import projects --year 2025 --confirm-large "$d/yuan-in-wan.csv"
is "--confirm-large: P2 as written" "$(amounts P2)" "50000000.00/2000000.00"
is "--confirm-large: P1" "$(amounts P1)" "1000.00/100.00"

# A wide but real ledger: 10 to 8000000 万元, no amount 10000 times the
# median of the others.
fresh
ok "own-wide-clean.csv: imported" tz import projects --year 2025 "$d/own-wide-clean.csv"
is "own-wide-clean.csv: P4 as written" "$(amounts P4)" "8000000.00/100000.00"
is "own-wide-clean.csv: P1 as written" "$(amounts P1)" "10.00/1.00"

# Reports: 本期完成投资 judged the same way against the file's other rows.
fresh
tz import projects --year 2025 "$d/own-base3.csv" >/dev/null 2>&1
fails "own-p-yuan.csv: progress refused" tz import progress "$d/own-p-yuan.csv"
contains "own-p-yuan.csv: names line, field and ratio" "$TZ_TMP/err" \
	"own-p-yuan.csv:3: 项目编号 P2: 本期完成投资6000000.00万元是本表其他各行本期完成投资中位数（400.00万元）的15000倍"
ok "own-p-yuan.csv --confirm-large: imported" tz import progress --confirm-large "$d/own-p-yuan.csv"

# --- W3c. A unit only in an .xls's or XML 2003's page header -------
refused biff-print-header-unit.xls ".xls: 单位：亿元 in the page header" \
	"表头没有写金额单位，而页眉页脚“单位：亿元 2025年重点项目台账”写的是亿元"
refused own-biff-footer-font-yi.xls ".xls: in the footer, font codes in the header" \
	"页眉页脚“2025年重点项目台账 金额单位：亿元 第 页，共 页”写的是亿元"
refused own-x03-header-yi.xls "XML 2003: 单位：亿元 in <x:Header>" \
	"表头没有写金额单位，而页眉页脚“单位：亿元 2025年重点项目台账”写的是亿元"
refused own-x03-footer-font-yi.xls "XML 2003: in <x:Footer>, a font and size in the header" \
	"页眉页脚“2025年重点项目台账 金额单位：亿元 第 页，共 页”写的是亿元"
for f in own-biff-header-wan.xls own-x03-header-wan.xls own-x03-header-no-unit.xls; do
	fresh
	ok "$f: 万元 or no unit in the page header" tz import projects --year 2025 "$d/$f"
	is "$f: read in 万元" "$(amounts P1)" "1.20/0.10"
done

# --- R23. A unit row under header cells merged down over it ---------
for f in unit-row2-merged.xlsx unit-row2-merged-b.xlsx biff-unit-row2-merged.xls \
	own-unit-row-hdr-merged-down.xlsx; do
	fresh
	ok "$f: （亿元） under a plain header" tz import projects --year 2025 "$d/$f"
	is "$f: read in 亿元" "$(amounts P1)" "12000.00/1000.00"
done
refused own-unit-row-wan-hdr.xlsx "（亿元） under 总投资(万元)" \
	"第2行在“总投资(万元)”下注明单位为亿元，与表头写的单位“万元”不同"

done_testing
