#!/bin/bash
# t1812-sheets-leftovers.sh: points issue 7 left open. A hidden column
# of an Excel 97-2003 (.xls) file is named as hidden, as in XLSX (audit 9
# R9), and hidden rows are imported and counted alike in both; a
# duplicate row names both its lines and the project; a region written
# without its suffix (站前 for 站前区) is a suggestion, as 盖州 for 盖州市
# (ledger.md "Organisations"), in ledgers and reports, naming every node
# it may be, and matches only through an alias; a first ledger typed
# wholly in 元 into an empty database is refused when its middle project
# is 100亿元 or more and every amount a whole 亿 (plausible.h,
# TZ_PLAUS_ROUND). Inputs in tests/data/sheets-leftovers (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/sheets-leftovers

# --- 1. Hidden columns and rows in .xls (R9) ---------------------------

fresh
fails "hidden E and visible F both 年度计划投资 in .xls: refused" \
	tz import projects --year 2025 "$d/hidden-col-oldplan.xls"
contains ".xls: names E as hidden" "$TZ_TMP/err" \
	"hidden-col-oldplan.xls:1: 第E列“年度计划投资(万元)”（隐藏列）和第F列“年度计划投资(万元)”都是"
contains ".xls: says what a hidden column is" "$TZ_TMP/err" "其中隐藏列在Excel中看不到"
is ".xls: F not named hidden" "$(grep -c '第F列“年度计划投资(万元)”（隐藏列）' "$TZ_TMP/err")" 0

for f in hidden-rows.xlsx hidden-rows.xls; do
	fresh
	ok "$f: a hidden row and a hidden column: imported" tz import projects --year 2025 "$d/$f"
	contains "$f: the hidden row counted" "$TZ_TMP/err" "其中1行在表格中是隐藏的，也已导入"
	contains "$f: the hidden column not read" "$TZ_TMP/err" "未识别、未导入的列：旧年度计划投资(万元)"
	is "$f: the hidden row's project stored, the visible plan read" "$(ledger_rows code)" \
		"P1|甲项目|甲县|1000.00|300.00 P2|乙项目|乙县|2000.00|400.00 P3|丙项目|甲县|3000.00|500.00"
done

# --- 2. A duplicate row names both lines -------------------------------

fresh
fails "dup-code: refused" tz import projects --year 2025 "$d/dup-code.csv"
contains "dup-code: both lines, the code and the name" "$TZ_TMP/err" \
	"dup-code.csv:5: 项目编号 P1: 项目编号重复：第2行与第5行都是2025年度的项目P1“甲项目”；请删去其中一行"
is "dup-code: nothing stored" "$(stored)" 0

fresh
fails "dup-code-names: refused" tz import projects --year 2025 "$d/dup-code-names.csv"
contains "dup-code-names: both lines, the names differ" "$TZ_TMP/err" \
	"dup-code-names.csv:4: 项目编号 P2: 项目编号重复：第3行与第4行都填了项目编号P2（2025年度），项目名称却不同（本行是“丁项目”）"

fresh
fails "dup-code-yearly: refused" tz import projects "$d/dup-code-yearly.csv"
contains "dup-code-yearly: the 2025 rows, not 2024's" "$TZ_TMP/err" \
	"dup-code-yearly.csv:5: 项目编号 P1: 项目编号重复：第3行与第5行都是2025年度的项目P1“甲项目”"

fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
fails "dup-progress: refused" tz import progress "$d/dup-progress.csv"
contains "dup-progress: both lines and the period" "$TZ_TMP/err" \
	"dup-progress.csv:5: 项目编号 P1: 同一项目同一调度期在本文件中重复：第2行与第5行都是项目编号P1的2025-10调度数据；请删去其中一行"

fresh
fails "dup-noname: refused" tz import projects --year 2025 "$d/dup-noname.csv"
contains "dup-noname: both lines" "$TZ_TMP/err" \
	"dup-noname.csv:4: 同一地区（甲县）的项目“甲项目”在本文件中出现两次（第2行与第4行），无法分辨"
contains "dup-noname: a row typed twice is deleted (walkthrough 10)" "$TZ_TMP/err" \
	"是同一项目重复填写的，请删去其中一行；是两个项目的，请给两个项目加上项目编号或改名"

# --- 3. A region without its suffix ------------------------------------

# tree ORG: a fresh database with the tree ORG.csv.
tree() { fresh; tz org import "$d/$1.csv" >/dev/null; }

tree org-unique
fails "站前 and 盖州 in a ledger, one node each fits: refused" \
	tz import projects --year 2025 "$d/region-short.csv"
contains "站前: suggests 站前区" "$TZ_TMP/err" \
	"region-short.csv:2: 项目编号 P1: 所属地区“站前”不存在，是否为“站前区”？"
contains "盖州: suggests 盖州市, the same rule" "$TZ_TMP/err" \
	"region-short.csv:3: 项目编号 P2: 所属地区“盖州”不存在，是否为“盖州市”？"
tz import projects --year 2025 "$d/region-full.csv" >/dev/null 2>&1
fails "站前 in a report without codes: refused" tz import progress "$d/p-region-short.csv"
contains "report: suggests 站前区" "$TZ_TMP/err" \
	"p-region-short.csv:2: 所属地区“站前”不是台账中的地区，是否为“站前区”？"
contains "report: suggests 盖州市" "$TZ_TMP/err" \
	"p-region-short.csv:3: 所属地区“盖州”不是台账中的地区，是否为“盖州市”？"

tree org-ambiguous
fails "站前 with 站前区 and 站前县: refused" tz import projects --year 2025 "$d/region-short.csv"
contains "ambiguous: both named" "$TZ_TMP/err" \
	"region-short.csv:2: 项目编号 P1: 所属地区“站前”不存在，是否为“站前区”或“站前县”？"
tz import projects --year 2025 "$d/region-full.csv" >/dev/null 2>&1
fails "report, ambiguous: refused" tz import progress "$d/p-region-short.csv"
contains "report, ambiguous: both named" "$TZ_TMP/err" \
	"p-region-short.csv:2: 所属地区“站前”不是台账中的地区，是否为“站前区”或“站前县”？"

tree org-alias
ok "with the aliases 站前 and 盖州: imported" tz import projects --year 2025 "$d/region-short.csv"
is "alias: the nodes' names stored" "$(ledger_rows code)" \
	"P1|甲项目|站前区|1000.00|100.00 P2|乙项目|盖州市|2000.00|200.00"
ok "report with the aliases: imported" tz import progress "$d/p-region-short.csv"
is "report: booked on both" "$(reports)" "P1|2025-10|150.00|已开工 P2|2025-10|1.00|已开工"

# --- 4. A first ledger typed in 元 -------------------------------------

fresh
fails "yuan-first: refused" tz import projects --year 2025 "$d/yuan-first.csv"
contains "yuan-first: the median, the round 亿, what 元 gives" "$TZ_TMP/err" \
	"本表总投资的中位数是4000000.00万元（400.00亿元），在100亿元以上，而各行总投资和年度计划投资都是1亿元（10000万元）的整数倍，像是整列按元填写的（按元是400.00万元）"
contains "yuan-first: says --confirm-large" "$TZ_TMP/err" "--confirm-large"
is "yuan-first: nothing stored" "$(stored)" 0
ok "yuan-first --confirm-large: imported" tz import projects --year 2025 --confirm-large "$d/yuan-first.csv"
is "yuan-first --confirm-large: as written" "$(export_all; field P3 总投资 2025)" "12000000.00"

fresh
fails "yuan-first-noplan: refused" tz import projects --year 2025 "$d/yuan-first-noplan.csv"
contains "yuan-first-noplan: totals only" "$TZ_TMP/err" \
	"本表总投资的中位数是5000000.00万元（500.00亿元），在100亿元以上，而各行总投资都是1亿元（10000万元）的整数倍"

fresh
ok "wan-giant: giant projects with a plan not a whole 亿: imported" \
	tz import projects --year 2025 "$d/wan-giant.csv"
is "wan-giant: as written" "$(export_all; field B1 年度计划投资 2025)" "355000.00"

# --- 5. A supplement typed in 元 (walkthrough 12) ----------------------
# One row added to a stored year: nothing in the file to compare with,
# but whole 亿 in both columns and 100 times the stored 总投资's median.
fresh
ok "supp-base: a small 2026 ledger" tz import projects "$d/supp-base.csv"
fails "yuan-supp: refused" tz import projects "$d/yuan-supp.csv"
contains "yuan-supp: the amount, the stored median, the round 亿, what 元 gives" "$TZ_TMP/err" \
	"本表总投资是3000000.00万元（300.00亿元），是库中本年度其他地区项目总投资中位数（29000.25万元）的103倍，而且总投资和年度计划投资都是1亿元（10000万元）的整数倍，像是按元填写的（按元是300.00万元）"
is "yuan-supp: nothing added" "$(stored)" 3
ok "yuan-supp --confirm-large: imported" tz import projects --confirm-large "$d/yuan-supp.csv"
is "yuan-supp --confirm-large: as written" "$(export_all; field S4 总投资 2026)" "3000000.00"
fresh
ok "supp-base again" tz import projects "$d/supp-base.csv"
ok "wan-supp-giant: real giant projects added: imported" tz import projects "$d/wan-supp-giant.csv"
is "wan-supp-giant: as written" "$(export_all; field S5 年度计划投资 2026)" "355000.00"

done_testing
