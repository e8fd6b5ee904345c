#!/bin/bash
# t1710-audit-sheets.sh: the classes of sheets an audit (2026-11-30) found
# stored with wrong values and exit status 0 (tests/data/audit: the
# auditor's files and ours for each class): every value is what the sheet
# means, or the row or file is refused with the reason.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/audit"

# --- CSV quotes that look broken, fields that do not line up -----------
fresh
fails "a stray quote in a quoted file" tz import projects --year 2025 "$d/q-allquoted-typo.csv"
contains "is a row error naming the line" "$TZ_TMP/err" "q-allquoted-typo.csv:2: 项目编号 P1: 第2行的引号看起来不成对"
is "nothing stored" "$(stored)" 0
fails "with --partial the others are read (exit status still not 0)" tz import projects --year 2025 --partial "$d/q-allquoted-typo.csv"
export_all
is "P1 is not stored at all" "$(field P1 总投资)" ""
is "P2 as written" "$(field P2 总投资)" 200.00
is "P3 as written" "$(field P3 年度计划投资)" 70.00
is "and no region named 100 was made" "$(tz org list | grep -c '100')" 0
fresh
fails "a quote left open at a line's end" tz import projects --year 2025 "$d/q-allquoted-typo2.csv"
contains "is refused at the line it opened on" "$TZ_TMP/err" "q-allquoted-typo2.csv:2: 项目编号 P1: 第2行的引号看起来不成对"
fails "a stray quote in tab-separated text" tz import projects --year 2025 "$d/q-typo-tab.txt"
contains "idem" "$TZ_TMP/err" "q-typo-tab.txt:2: 项目编号 P1: 第2行的引号看起来不成对"
fails "a stray quote in a file with short rows" tz import projects --year 2025 "$d/q-ragged-typo.csv"
contains "idem" "$TZ_TMP/err" "q-ragged-typo.csv:3: 项目编号 P2: 第3行的引号看起来不成对"
fails "a quoted file missing a \",\" pair" tz import projects --year 2025 "$d/q-missing-pair.csv"
contains "has a field too few" "$TZ_TMP/err" "q-missing-pair.csv:3: 项目编号 P2: 第3行有4个字段，而表头和其他行都是5个"
fails "an unquoted 1,000 in a file Excel wrote" tz import projects --year 2025 "$d/q-unquoted-thousands.csv"
contains "names the amount split and its pieces" "$TZ_TMP/err" "q-unquoted-thousands.csv:4: 项目编号 P2: 第4行总投资(万元)的金额被千位分隔逗号拆开了：“1”和“000”是没有加引号的“1,000”拆成的2个字段"
is "nothing stored" "$(stored)" 0
ok "quotes as Excel writes them" tz import projects --year 2025 "$d/q-legit-quotes.csv"
export_all
is "doubled quotes" "$(field P1 项目名称)" '项目"A"二期'
is "a comma inside quotes" "$(field P2 项目名称)" "项目B,含配套"
is "an amount with a comma inside quotes" "$(field P2 总投资)" 1200.00
is "a quote inside an unquoted field" "$(field P5 项目名称)" '5"寸管道'
is "spaces after a closing quote" "$(field P4 总投资)" 400.00
fresh
ok "a hand-written file leaving out trailing empty fields" tz import projects --year 2025 "$d/q-trailing-omitted.csv"
export_all
is "a short row's missing fields are empty" "$(field P2 年度计划投资)" ""
is "and its others are read" "$(field P2 总投资)" 200.00
is "a full row" "$(field P4 建设单位)" 乙公司

# --- A unit in a number format's literal text ----------------------------
for f in fmt-lit-yi.xlsx fmt-lit-yi.xls fmt-lit-yi-html.xls fmt-escaped-yi.xlsx; do
	fresh
	ok "$f: 12.5 shown as 12.50亿元" tz import projects --year 2025 "$d/$f"
	export_all
	is "$f: stored as 125000 万元" "$(field P1 总投资)" 125000.00
done
fresh
ok "a unit in every kind of section (XLSX)" tz import projects --year 2025 "$d/fmt-lit-sections.xlsx"
export_all
cp "$TZ_TMP/export.csv" "$TZ_TMP/sections-xlsx.csv"
is "#,##0.00\"亿元\"" "$(field L1 总投资)/$(field L1 年度计划投资)" 125000.00/15000.00
is "the section that shows the number" "$(field L2 总投资)/$(field L2 年度计划投资)" 30000.00/20000.00
is "千元" "$(field L3 总投资)/$(field L3 年度计划投资)" 500.00/100.00
is "General\"万元\"" "$(field L4 总投资)" 88.00
is "¥ is decoration" "$(field L5 总投资)" 1234.50
is "positive and zero sections" "$(field L6 总投资)/$(field L6 年度计划投资)" 22500.00/0.00
is "亿 alone, escaped; words and spaces around" "$(field L7 总投资)/$(field L7 年度计划投资)" 5000.00/2500.00
fresh
ok "the same workbook saved by LibreOffice as .xls" tz import projects --year 2025 "$d/fmt-lit-sections.xls"
export_all
is "reads the same" "$(cat "$TZ_TMP/export.csv")" "$(cat "$TZ_TMP/sections-xlsx.csv")"
fresh
ok "XML Spreadsheet 2003" tz import projects --year 2025 "$d/fmt-lit-yi-xml2003.xls"
export_all
is "0.00\"亿元\"" "$(field X1 总投资)" 125000.00
is "0.0\\亿" "$(field X1 年度计划投资)" 5000.00
is "万元, and 元 for zero" "$(field X2 总投资)/$(field X2 年度计划投资)" 2000.00/0.00
fresh
ok "formats that only decorate or scale stay as they were" tz import projects --year 2025 "$d/fmt-lit-wanyuan.xlsx"
export_all
is "#,##0.00\"万元\" in a 万元 column" "$(field P1 总投资)" 1234.50
fresh
ok "a scaled format with 万 is read as shown" tz import projects --year 2025 "$d/fmt-lit-wan-scaled.xlsx"
export_all
is "0!.0,\"万\"" "$(field P1 总投资)" 1234.60
fresh
ok "亿 and 万 by condition" tz import projects --year 2025 "$d/fmt-cond-yi-wan.xlsx"
export_all
is "1.50亿" "$(field P1 总投资)" 15000.00
fresh
fails "美元, \$ and 元/平方米 in a format" tz import projects --year 2025 "$d/fmt-lit-usd.xlsx"
contains "美元 refused" "$TZ_TMP/err" "fmt-lit-usd.xlsx:2: 项目编号 U1: 总投资(万元)“12.5美元”的单位“美元”不是人民币，无法换算为万元"
contains "\$ refused" "$TZ_TMP/err" "fmt-lit-usd.xlsx:3: 项目编号 U2: 总投资(万元)“\$12.5”的单位“\$”不是人民币"
contains "a price refused" "$TZ_TMP/err" "fmt-lit-usd.xlsx:4: 项目编号 U3: 总投资(万元)“5000元/平方米”不是有效的金额"
is "nothing stored" "$(stored)" 0
fails "美元 in XML 2003" tz import projects --year 2025 "$d/fmt-lit-usd-xml2003.xls"
contains "refused" "$TZ_TMP/err" "“10美元”的单位“美元”不是人民币"

# --- A sheet of empty cells ---------------------------------------------
fresh
fails "20,000 rows of 16,000 empty cells (1.4 MB)" tz import projects --year 2025 "$d/empty-cells.xlsx"
contains "refused naming the cap" "$TZ_TMP/err" "工作表“S”的单元格超过16777216个"
is "nothing stored" "$(stored)" 0

# --- Two plan columns, one naming the ledger's year ---------------------
fresh
ok "年度计划投资 beside 2025年计划投资, --year 2025" tz import projects --year 2025 "$d/plan-noyear-and-year.csv"
contains "the summary says which column was read" "$TZ_TMP/err" "本台账是2025年度，年度计划投资读取“2025年计划投资(万元)”，未读取“年度计划投资(万元)”"
export_all
is "the 2025 column is the plan" "$(field P1 年度计划投资)" 200.00
fresh
ok "the same with the year's column first" tz import projects --year 2025 "$d/plan-year-first.csv"
export_all
is "still the 2025 column" "$(field P2 年度计划投资)" 50.00
fresh
fails "without a year nothing chooses" tz import projects "$d/plan-noyear-and-year.csv"
contains "refused naming both columns" "$TZ_TMP/err" "“年度计划投资(万元)”和“2025年计划投资(万元)”两列都是年度计划投资"
fails "nor does a 年度 column alone (rows may be of any year)" tz import projects "$d/plan-two-yearcol.csv"
contains "idem" "$TZ_TMP/err" "请用 --year 指定台账年度"
is "nothing stored" "$(stored)" 0
ok "--year with the 年度 column chooses" tz import projects --year 2025 "$d/plan-two-yearcol.csv"
export_all
is "the 2025 column" "$(field P1 年度计划投资)" 200.00

# --- A plan column naming a year, rows of several years -----------------
fresh
fails "2025年计划投资 on a 2024 row" tz import projects "$d/yearcol-plan-2025.csv"
contains "is a row error naming both years" "$TZ_TMP/err" "yearcol-plan-2025.csv:2: 项目编号 P1: 计划投资列写明是2025年的计划，本行是2024年度"
is "nothing stored" "$(stored)" 0
fails "with --partial the 2025 row is read (exit status still not 0)" tz import projects --partial "$d/yearcol-plan-2025.csv"
export_all
is "with the 2025 plan" "$(field P1 年度计划投资 2025)" 300.00
is "and no 2024 row took it" "$(field P1 年度计划投资 2024)" ""
fresh
ok "a 2024 row with no plan in the 2025 column is fine" tz import projects "$d/yearcol-plan-2025-empty.csv"
export_all
is "2024: no plan" "$(field P1 年度计划投资 2024)" ""
is "2024 with —: no plan" "$(field P2 年度计划投资 2024)" ""
is "2025: its plan" "$(field P1 年度计划投资 2025)" 300.00

# --- A unit stated below the table --------------------------------------
# The header states no unit: a note below the table is its only unit and
# is read, with a notice (walkthrough 6, 2026-12-01; refused before). A
# note between projects may be one section's unit: refused.
fresh
ok "注：本表金额单位为亿元 below a table stating no unit" tz import projects --year 2025 "$d/unit-note-bottom.csv"
contains "says the unit applied" "$TZ_TMP/err" "第3行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"
export_all
is "read in 亿元" "$(field P1 总投资)" 125000.00
fresh
fails "in a workbook whose header states 万元: a conflict" tz import projects --year 2025 "$d/unit-note-bottom.xlsx"
contains "idem" "$TZ_TMP/err" "unit-note-bottom.xlsx:3: 第3行注明金额单位为亿元，与表头的单位不同（总投资、年度计划投资按万元读）"
is "nothing stored" "$(stored)" 0
fresh
fails "in a section row, projects above and below" tz import projects --year 2025 --partial "$d/unit-note-section.csv"
contains "says why" "$TZ_TMP/err" "unit-note-section.csv:3: 第3行注明金额单位为亿元，表头的金额没有写单位；但这一行的上面和下面都有项目，不知道亿元是整个表的单位还是下面几行的单位，整个文件未导入"
is "nothing stored" "$(stored)" 0
fails "a currency that cannot be converted" tz import projects --year 2025 "$d/unit-note-usd.csv"
contains "says so" "$TZ_TMP/err" "第4行注明金额单位为万美元，无法换算为万元"
ok "a note stating the unit applied" tz import projects --year 2025 "$d/unit-note-same.csv"
export_all
is "is fine" "$(field P2 总投资)" 8.00
fresh
ok "金额以亿元为单位 under 亿元 columns" tz import projects --year 2025 "$d/unit-note-same-yi.csv"
export_all
is "is fine" "$(field P1 总投资)" 125000.00
fresh
ok "a note for each column, agreeing with each" tz import projects --year 2025 "$d/unit-note-mixed.csv"
export_all
is "总投资 in 亿元" "$(field P1 总投资)" 125000.00
is "年度计划投资 in 万元" "$(field P1 年度计划投资)" 5000.00
fresh
ok "the same note above the header applies" tz import projects --year 2025 "$d/unit-note-above.csv"
export_all
is "in 亿元" "$(field P1 总投资)" 125000.00
fresh
fails "单位：亿元 above a column headed 总投资(万元)" tz import projects --year 2025 "$d/unit-table-vs-column.csv"
contains "refused, naming both and their lines" "$TZ_TMP/err" "unit-table-vs-column.csv:1: 第1行注明金额单位为亿元，而第2行“总投资(万元)”的单位是万元"
ok "金额单位：万元 above 总投资(万元)" tz import projects --year 2025 "$d/unit-table-same-column.csv"
export_all
is "agree" "$(field P1 总投资)/$(field P1 年度计划投资)" 1000.00/500.00
fresh
ok "填报单位 names no unit of money" tz import projects --year 2025 "$d/unit-fill-unit.csv"
export_all
is "read in 万元" "$(field P1 总投资)" 12.50
# --- A number whose format shows no number: a time, a dash for zero -----
fresh
fails "0.5 shown as 12:00 in 总投资 (the audit's fmt-time.xlsx)" tz import projects --year 2025 "$d/fmt-time.xlsx"
contains "is refused as shown" "$TZ_TMP/err" "fmt-time.xlsx:2: 项目编号 P1: 总投资(万元)“12:00”不是有效的金额"
is "nothing stored" "$(stored)" 0
ok "a zero plan shown as — (the audit's fmt-text-section.xlsx)" tz import projects --year 2025 "$d/fmt-text-section.xlsx"
contains "is counted as a dash" "$TZ_TMP/err" "1个金额单元格写的是“—”或“/”，按空白处理"
export_all
is "and is no plan, as — typed" "$(field P1 年度计划投资)" ""
for f in fmt-shown.xlsx fmt-shown.xls; do
	fresh
	fails "$f: times and dates in money cells" tz import projects --year 2025 "$d/$f"
	contains "$f: h:mm" "$TZ_TMP/err" "$f:2: 项目编号 S1: 总投资(万元)“12:00”不是有效的金额"
	contains "$f: [h]:mm:ss" "$TZ_TMP/err" "$f:3: 项目编号 S2: 年度计划投资(万元)“42:00:00”不是有效的金额"
	contains "$f: a date and time" "$TZ_TMP/err" "$f:4: 项目编号 S3: 总投资(万元)“2025-03-01”不是有效的金额"
	is "$f: nothing stored" "$(stored)" 0
	fails "$f: --partial reads the others" tz import projects --year 2025 --partial "$d/$f"
	export_all
	is "$f: a zero shown — is no plan" "$(field S4 年度计划投资)" ""
	is "$f: a zero in 会计专用, shown -, is no plan" "$(field S5 年度计划投资)" ""
	is "$f: the same format on a number" "$(field S6 年度计划投资)" 150.00
done
contains "LibreOffice's .xls lost 上午/下午h时mm分 (it shows 0.75 too)" "$TZ_TMP/err" \
	"fmt-shown.xls:8: 项目编号 S7: 年度计划投资（1.00万元）超过总投资（0.75万元）"
fresh
fails "the projects" tz import projects --year 2025 --partial "$d/fmt-shown.xlsx"
contains "上午/下午h时mm分 refused in the .xlsx" "$TZ_TMP/err" "fmt-shown.xlsx:8: 项目编号 S7: 总投资(万元)“下午6时00分”不是有效的金额"
fails "progress: a time in 本期完成投资" tz import progress "$d/fmt-shown-progress.xlsx"
contains "refused" "$TZ_TMP/err" "fmt-shown-progress.xlsx:4: 项目编号 S6: 本期完成投资(万元)“12:00”不是有效的金额"
fails "with --partial" tz import progress --partial "$d/fmt-shown-progress.xlsx"
tz export progress --out "$TZ_TMP/progress.csv"
contains "a required zero shown - (会计专用) is the zero" "$TZ_TMP/progress.csv" "S4,2025-03,0.00,已开工"
contains "and the next month as written" "$TZ_TMP/progress.csv" "S4,2025-04,12.50,已开工"
done_testing
