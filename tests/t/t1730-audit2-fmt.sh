#!/bin/bash
# t1730-audit2-fmt.sh: number formats a second audit (2026-11-30) found
# stored with wrong values and exit status 0 (tests/data/audit2-fmt: the
# auditor's files and ours). A literal point among the digit
# placeholders (0!.0000"万元", 0\.0000, 0"."0000) shows yuan as 万元: the
# sheet means the number it shows. A literal % or ‰ in a money cell's
# format (0.00"%", 0.00\%, 0.0‰) shows a rate: refused as a real 0% is.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/audit2-fmt"
export_progress() { tz export progress --out "$TZ_TMP/export.csv"; }

# --- A literal point: the auditor's files ---------------------------------
for f in g-wan4.xlsx g-wan4b.xlsx g-wan4c.xlsx g-wan4d.xlsx g-wan4e.xlsx g-wan4c.xls g-wan4d.xls; do
	fresh
	ok "$f: 12345678 shown 1234.5678 is read as shown" tz import projects --year 2025 "$d/$f"
	contains "$f: and the rounding is counted" "$TZ_TMP/err" "1个金额超过两位小数（万元），已四舍五入到0.01万元"
	export_all
	is "$f: 1234.57 万元, not 12345678" "$(field P1 总投资)" 1234.57
done
fresh
ok "g-wan4f.xlsx: 0!.0,\"万\" as before" tz import projects --year 2025 "$d/g-wan4f.xlsx"
export_all
is "g-wan4f.xlsx: 1234.6 万元" "$(field P1 总投资)" 1234.60
fresh
ok "g-yi8.xlsx: 0!.00000000\"亿元\" shows 12.5 亿元" tz import projects --year 2025 "$d/g-yi8.xlsx"
export_all
is "g-yi8.xlsx: 125000 万元" "$(field P1 总投资)" 125000.00
fresh
ok "f-cond-yi.xlsx: a condition's section shows 12.0000亿元" tz import projects --year 2025 "$d/f-cond-yi.xlsx"
export_all
is "f-cond-yi.xlsx: 120000 万元" "$(field P1 总投资)" 120000.00

# --- A literal point: ours, in XLSX, .xls and XML 2003 ---------------------
for f in litpoint-bs.xlsx litpoint-bs.xls; do
	fresh
	ok "$f: each literal-point format" tz import projects --year 2025 "$d/$f"
	contains "$f: three roundings counted" "$TZ_TMP/err" "3个金额超过两位小数（万元），已四舍五入到0.01万元"
	export_all
	is "$f: 0\\.0000\"万元\"" "$(field L1 总投资)" 1234.57
	is "$f: 0\\.0000 without a unit, in the column's 万元" "$(field L1 年度计划投资)" 1200.00
	is "$f: 0\".\"0000" "$(field L2 总投资)" 5000.00
	is "$f: 0\".\"0000\"万\"" "$(field L2 年度计划投资)" 123.00
	is "$f: #,##0\\.0000\"万元\" (no separators among the digits)" "$(field L3 总投资)" 9876.54
	is "$f: 15000 yuan is 1.5 万元" "$(field L3 年度计划投资)" 1.50
	is "$f: a condition's 亿元 section" "$(field L4 总投资)" 30000.00
	is "$f: 0\\.00000000\"亿元\"" "$(field L4 年度计划投资)" 25000.00
	is "$f: a condition's 万元 section" "$(field L5 总投资)" 765.43
	is "$f: idem" "$(field L5 年度计划投资)" 500.00
done
fresh
# One cell shows ".5000" (5000 元 under #!.0000): read as shown, 0.5 万元,
# never as the 5000 stored (".35" is 0.35: walkthrough 6, 2026-12-01,
# t1810; it was refused before).
ok "litpoint.xlsx: with !. (one cell shows \".5000\")" tz import projects --year 2025 "$d/litpoint.xlsx"
export_all
is "litpoint.xlsx: 0!.0000\"万元\"" "$(field L1 总投资)" 1234.57
is "litpoint.xlsx: 0!.0000" "$(field L1 年度计划投资)" 1200.00
is "litpoint.xlsx: 0\\.0000" "$(field L2 总投资)" 5000.00
is "litpoint.xlsx: .5000 is 0.5 万元, not 5000" "$(field L3 年度计划投资)" 0.50
is "litpoint.xlsx: a condition's 亿元 section" "$(field L4 总投资)" 30000.00
is "litpoint.xlsx: 0!.00000000\"亿元\"" "$(field L4 年度计划投资)" 25000.00
is "litpoint.xlsx: 0!.0000\" 万元\" (spaces in the literal)" "$(field L5 总投资)" 765.43
is "litpoint.xlsx: a condition's 万元 section" "$(field L5 年度计划投资)" 500.00
is "litpoint.xlsx: 0!.0 shows 8000.0" "$(field L6 总投资)" 8000.00
is "litpoint.xlsx: an ordinary 0.00 next to it" "$(field L6 年度计划投资)" 1234.50
fresh
fails "litpoint-xml2003.xls: XML 2003 through the same formats" tz import projects --year 2025 --partial "$d/litpoint-xml2003.xls"
contains "litpoint-xml2003.xls: 0.00\\% refused" "$TZ_TMP/err" "litpoint-xml2003.xls:4: 项目编号 X3: 总投资(万元)“12.5%”不是有效的金额"
export_all
is "litpoint-xml2003.xls: 0!.0000\"万元\"" "$(field X1 总投资)" 1234.57
is "litpoint-xml2003.xls: 0\\.0000" "$(field X1 年度计划投资)" 1200.00
is "litpoint-xml2003.xls: a condition's 亿元 section" "$(field X2 总投资)" 30000.00
is "litpoint-xml2003.xls: 0\".\"0000\"万\"" "$(field X2 年度计划投资)" 123.00

# --- A literal point in a progress file -----------------------------------
for f in pp-wan4.xlsx pp-litpoint.xlsx; do
	fresh
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
	ok "$f: progress read as shown" tz import progress "$d/$f"
	export_progress
	is "$f: P1 123.46 万元, not 1234567" "$(field P1 本期完成投资)" 123.46
done
is "pp-litpoint.xlsx: P2 0\".\"0000" "$(field P2 本期完成投资)" 250.00

# --- A rate as literal text in a money cell -------------------------------
for f in f-pctlit.xlsx f-permille.xlsx; do
	fresh
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	is "$f: nothing stored" "$(stored)" 0
done
fresh
tz import projects --year 2025 "$d/f-pctlit.xlsx" >/dev/null 2>"$TZ_TMP/err"
contains "f-pctlit.xlsx: 0.00\"%\" named with its value" "$TZ_TMP/err" "f-pctlit.xlsx:2: 项目编号 P1: 总投资(万元)“12.5%”不是有效的金额"
tz import projects --year 2025 "$d/f-permille.xlsx" >/dev/null 2>"$TZ_TMP/err"
contains "f-permille.xlsx: 0.0‰ named with its value" "$TZ_TMP/err" "f-permille.xlsx:2: 项目编号 P1: 总投资(万元)“12.5‰”不是有效的金额"
fresh
fails "rate-lit.xlsx: every literal rate refused" tz import projects --year 2025 --partial "$d/rate-lit.xlsx"
contains "0.00\"%\"" "$TZ_TMP/err" "rate-lit.xlsx:2: 项目编号 R1: 总投资(万元)“12.5%”不是有效的金额"
contains "0.00\\%" "$TZ_TMP/err" "rate-lit.xlsx:3: 项目编号 R2: 总投资(万元)“12.5%”不是有效的金额"
contains "0.0‰" "$TZ_TMP/err" "rate-lit.xlsx:4: 项目编号 R3: 总投资(万元)“12.5‰”不是有效的金额"
contains "0.0\"％\" (full width)" "$TZ_TMP/err" "rate-lit.xlsx:5: 项目编号 R4: 总投资(万元)“12.5％”不是有效的金额"
contains "in any money column" "$TZ_TMP/err" "rate-lit.xlsx:6: 项目编号 R5: 年度计划投资(万元)“3%”不是有效的金额"
export_all
is "only the plain row is stored" "$(stored)" 1
is "and read as written" "$(field R6 总投资)" 300.00

done_testing
