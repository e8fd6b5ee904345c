#!/bin/bash
# t1798-units.sh: money read at the scale the sheet states, or refused.
# A unit written on some money columns of the header only (W2), units
# in some cells of a column whose header states none (W3), a 单位 column
# giving each row's unit (W3b), a unit only in the sheet's or the
# file's name or the printed page header or footer (W3c), a ￥ currency format under a header without
# a unit (W4), a unit statement in a non-money header cell (W8). Audit 9, 2026-12-01; inputs in tests/data/audit9-units
# (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-units

# amounts CODE: "总投资/年度计划投资" of CODE in the 2025 ledger.
amounts() { export_all; echo "$(field "$1" 总投资 2025)/$(field "$1" 年度计划投资 2025)"; }

# refused FILE WHAT PATTERN: a ledger import refused, naming PATTERN, nothing stored.
refused() {
	fresh
	fails "$1: refused ($2)" tz import projects --year 2025 "$d/$1"
	contains "$1: says why" "$TZ_TMP/err" "$3"
	is "$1: nothing stored" "$(stored)" 0
}

# progress FILE: base.csv, then FILE as a progress import.
progress() {
	fresh
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
	"${@:2}" tz import progress "$d/$1"
}

# --- W2. A unit on one money column only ----------------------------
refused mix-yi-plain.csv "plan plain beside 总投资（亿元）" \
	"“年度计划投资”没有写金额单位，而“总投资（亿元）”写的是亿元"
refused mix-plain-yi.csv "总投资 plain beside a plan in 亿元" \
	"“总投资”没有写金额单位，而“年度计划投资（亿元）”写的是亿元"
refused mix-yi-plain-yi.csv "plan plain between two 亿元 columns" \
	"“年度计划投资”没有写金额单位"
refused two-row-partial-unit.csv "（亿元） in the second row under 总投资 only" \
	"“年度计划投资”没有写金额单位，而“总投资”写的是亿元"
refused own-qianwan-plain.csv "千万元 on 总投资 only" "写的是千万元"
refused biff-mix-yi-plain.xls ".xls: plan plain beside 总投资（亿元）" \
	"“年度计划投资”没有写金额单位"
fresh
fails "p-mix-plain-yi.csv: progress refused" progress p-mix-plain-yi.csv
contains "p-mix-plain-yi.csv: names 本期完成投资" "$TZ_TMP/err" \
	"“本期完成投资”没有写金额单位，而“累计完成投资（亿元）”写的是亿元"
# 万元 stated on one column: the plain one is read in 万元 either way.
fresh
ok "own-wan-plain.csv: 总投资(万元) beside a plain plan" tz import projects --year 2025 "$d/own-wan-plain.csv"
is "own-wan-plain.csv: in 万元" "$(amounts P1)" "1200.00/100.00"
fresh
ok "own-two-row-both.csv: （亿元） under each" tz import projects --year 2025 "$d/own-two-row-both.csv"
is "own-two-row-both.csv: in 亿元" "$(amounts P1)" "12000.00/1000.00"

# --- W3. Units in some cells, none in others ------------------------
refused cellunit-mixed-plain.csv "0.5 among 亿 cells" \
	"第4行总投资“0.5”没有写单位，而表头没有写金额单位、同一列第2行写的是“1.2亿”"
refused cellunit-mixed2.csv "1000 among 万元 cells" "第3行年度计划投资“1000”没有写单位"
refused own-cell-wan-bare.csv "800 after 1200万元" "第4行总投资“800”没有写单位"
refused cellfmt-mixed.xlsx "General 0.5 among 0.00\"亿元\" cells" \
	"第3行总投资“0.5”没有写单位，而表头没有写金额单位、同一列第2行写的是“1.2亿元”"
refused biff-cellfmt-mixed.xls ".xls: General among 亿元 formats" "第3行总投资“0.5”没有写单位"
refused own-cellfmt-plan.xlsx "the plan column's General cell" "第3行年度计划投资“0.05”没有写单位"
fresh
fails "p-cellunit-mixed.csv: progress refused" progress p-cellunit-mixed.csv
contains "p-cellunit-mixed.csv: names line and field" "$TZ_TMP/err" "第3行本期完成投资“0.05”没有写单位"
fresh
fails "own-p-cell-wan-bare.csv: progress refused" progress own-p-cell-wan-bare.csv
contains "own-p-cell-wan-bare.csv: names line and field" "$TZ_TMP/err" "第3行本期完成投资“500”没有写单位"
# A zero is 0 in any unit; a header in 万元 gives bare cells their unit.
fresh
ok "own-cell-zero.csv: 0 among 亿 cells" tz import projects --year 2025 "$d/own-cell-zero.csv"
is "own-cell-zero.csv: P2 0.8亿/0" "$(amounts P2)" "8000.00/0.00"
fresh
ok "own-wan-hdr-cell-yi.csv: bare cells under 总投资(万元)" tz import projects --year 2025 "$d/own-wan-hdr-cell-yi.csv"
is "own-wan-hdr-cell-yi.csv: P1 1.2亿" "$(amounts P1)" "12000.00/100.00"
is "own-wan-hdr-cell-yi.csv: P2 in 万元" "$(amounts P2)" "800.00/80.00"

# --- W3b. A column of units -----------------------------------------
refused unit-col.csv "单位 column saying 亿元" "第2行第F列（单位列）写的是亿元"
refused unit-col3.csv "金额单位 column" "第2行第F列（单位列）写的是亿元"
refused unit-col2.csv "计量单位 after each amount" "（单位列）写的是亿元"
fresh
fails "p-unit-col.csv: progress refused" progress p-unit-col.csv
contains "p-unit-col.csv: names the column" "$TZ_TMP/err" "第2行第D列（单位列）写的是亿元"
fresh
ok "own-unit-col-wan.csv: 单位 column saying 万元" tz import projects --year 2025 "$d/own-unit-col-wan.csv"
is "own-unit-col-wan.csv: in 万元" "$(amounts P1)" "1200.00/100.00"
fresh
ok "own-unit-col-agree.csv: 单位 column agreeing with the header" tz import projects --year 2025 "$d/own-unit-col-agree.csv"
is "own-unit-col-agree.csv: in 亿元" "$(amounts P1)" "12000.00/1000.00"
fresh
ok "own-unit-col-org.csv: 单位 column naming a unit of government" tz import projects --year 2025 "$d/own-unit-col-org.csv"
is "own-unit-col-org.csv: in 万元" "$(amounts P1)" "1200.00/100.00"

# --- W4. A ￥ format under a header without a unit ---------------------
refused fmt-cny-plain.xlsx "\"￥\"#,##0.00 under 总投资" "总投资显示为“￥12,000,000.00”（人民币元的货币格式）"
refused own-cny2-plain.xlsx "[\$¥-804] under 总投资" "（人民币元的货币格式），而表头的“总投资”没有写金额单位"
refused x03-yen-plain.xls "XML 2003 ￥ format" "（人民币元的货币格式）"
refused x03-currency-plain.xls "XML 2003 Currency" "（人民币元的货币格式）"
refused biff-fmt-cny-plain.xls ".xls ￥ format" "（人民币元的货币格式）"
# The sign typed as text is the same sign (walkthrough 6, 2026-12-01, t1810).
refused yen-plain.csv "CSV ￥ text, as a ￥ format" "总投资显示为“￥12,000,000.00”（人民币元的货币格式），而表头的“总投资”没有写金额单位"
for f in fmt-cny-wan.xlsx fmt-cny2-wan.xlsx own-cny-wan-hdr.xlsx; do
	fresh
	ok "$f: ￥ under a 万元 header" tz import projects --year 2025 "$d/$f"
done
is "own-cny-wan-hdr.xlsx: decoration" "$(amounts P1)" "1200.00/100.00"

# --- W8. A unit stated in a non-money header cell ---------------------
for f in name-hdr-unit.csv own-code-hdr-unit.csv beizhu-unit.csv; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: in 亿元" "$(amounts P1)" "12000.00/1000.00"
done
fresh
ok "own-region-hdr-wan.csv: 金额单位：万元 in 所属地区's cell" tz import projects --year 2025 "$d/own-region-hdr-wan.csv"
is "own-region-hdr-wan.csv: in 万元" "$(amounts P1)" "1200.00/100.00"
fresh
ok "p-code-hdr-unit.csv: progress imported" progress p-code-hdr-unit.csv
tz export progress --out "$TZ_TMP/export.csv"
is "p-code-hdr-unit.csv: 0.09亿 = 900 万元" "$(field P1 本期完成投资)" "900.00"

# --- W3c. A unit only in the sheet's or the file's name --------------
refused sheetname-unit.xlsx "sheet 重点项目（亿元）" "表头没有写金额单位，而工作表名“重点项目（亿元）”写的是亿元"
refused own-sheet-unit.xlsx "sheet 台账（单位：亿元）" "而工作表名“台账（单位：亿元）”写的是亿元"
refused "2025年重点项目表（单位亿元）.xlsx" "the file's name" "而文件名“2025年重点项目表（单位亿元）”写的是亿元"
refused "own-重点项目（亿元）.csv" "a CSV's name" "而文件名“own-重点项目（亿元）”写的是亿元"
fresh
ok "own-重点项目（万元）.csv: 万元 in the name" tz import projects --year 2025 "$d/own-重点项目（万元）.csv"
is "own-重点项目（万元）.csv: in 万元" "$(amounts P1)" "1200.00/100.00"
fresh
ok "own-hdr-yi-名单（亿元）.csv: the header states the unit" tz import projects --year 2025 "$d/own-hdr-yi-名单（亿元）.csv"
is "own-hdr-yi-名单（亿元）.csv: in 亿元" "$(amounts P1)" "12000.00/1000.00"

# A column the import does not read, named with its own unit, is that
# column's, not the table's (the walkthrough, 2026-12-01).
refused walk-f28-other-money-yi.csv "plain money beside an unread 亿元 column" \
	"“总投资”没有写金额单位，而“签约金额（亿元）”写的是亿元"
fresh
ok "walk-f21: 千元 beside an unread 万美元 column" tz import projects --year 2025 "$d/walk-f21-qianyuan-usd.csv"
is "walk-f21: in 千元" "$(amounts QZ2025801)" "8600.00/3200.00"
fresh
ok "walk-f46: plain plan beside 总投资（万元） and an unread 亿元 column" \
	tz import projects --year 2025 "$d/walk-f46-wan-plain-other-yi.csv"
is "walk-f46: in 万元" "$(amounts QZ2025C01)" "26000.00/9000.00"

# A unit only in the printed page header or footer (W3c).
refused print-header-unit.xlsx "unit in the page header" \
	"表头没有写金额单位，而页眉页脚“单位：亿元 2025年重点项目台账”写的是亿元"
refused own-footer-font-yi.xlsx "unit in the footer, font codes in the header" \
	"页眉页脚“2025年重点项目台账 金额单位：亿元 第 页，共 页”写的是亿元"
for f in own-header-wan.xlsx own-header-no-unit.xlsx; do
	fresh
	ok "$f: 万元 or no unit in the page header" tz import projects --year 2025 "$d/$f"
	is "$f: read in 万元" "$(amounts P1)" "1.20/0.10"
done

done_testing
