#!/bin/bash
# t1794-audit8-formats.sh: a money cell whose number format shows a
# currency other than the yuan (by ISO code, a locale's sign, the yuan's
# sign in a locale of another currency) or a Latin magnitude ("M", "k")
# is refused, never read as 万元; a date whose format shows only its year
# is read as that year, never as January. Audit 8, 2026-11-30; inputs in
# tests/data/audit8-formats (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit8-formats

# refused NAME FILE MESSAGE: the import fails, says MESSAGE, stores nothing.
refused() {
	fresh
	fails "$1: refused" tz import projects --year 2025 "$d/$2"
	contains "$1: says why" "$TZ_TMP/err" "$3"
	is "$1: nothing stored" "$(tz export projects | tail -n +2)" ""
}

# 12. Currencies by ISO code or locale sign (the audit's files).
refused "[\$USD]" fmt-iso-usd.xlsx \
	"fmt-iso-usd.xlsx:2: 项目编号 P1: 年度计划投资(万元)“USD12.5”的单位“USD”不是人民币，无法换算为万元"
refused "[\$EUR]" fmt-iso-eur.xlsx "年度计划投资(万元)“EUR12.5”的单位“EUR”不是人民币"
refused "[\$₩-412]" fmt-krw.xlsx "年度计划投资(万元)“₩12.5”的单位“₩”不是人民币"
refused "[\$₽-419] after the number" fmt-rub.xlsx "年度计划投资(万元)“12.5₽”的单位“₽”不是人民币"
refused "XML 2003 [\$USD]" xml2003-iso-usd.xls \
	"xml2003-iso-usd.xls:2: 项目编号 P1: 年度计划投资(万元)“USD12.5”的单位“USD”不是人民币"
refused "a Latin magnitude \"M\"" fmt-lit-M.xlsx \
	"年度计划投资(万元)“12.5M”的单位“M”无法识别（金额的单位应是元、万元或亿元）"

# ¥ with ja-JP (411) is Excel's yen: read as 元 until walkthrough 15
# (2026-12-02), refused since as 日元 (docs/internals/import.md).
refused "[\$¥-411] is the yen" fmt-jpy-yen.xlsx \
	"fmt-jpy-yen.xlsx:2: 项目编号 P1: 年度计划投资(万元)“日元12.5”的单位“日元”不是人民币"

# Ours: the class, in .xlsx and in LibreOffice's .xls of the same sheet.
for f in currencies.xlsx currencies.xls; do
	fresh
	fails "$f: foreign rows refused" tz import projects --year 2025 --partial "$d/$f"
	contains "$f: [\$CHF]" "$TZ_TMP/err" "$f:2: 项目编号 C1: 年度计划投资(万元)“CHF12.5”的单位“CHF”不是人民币"
	contains "$f: [\$zł-415]" "$TZ_TMP/err" "$f:3: 项目编号 C2: 年度计划投资(万元)“12.5zł”的单位“zł”不是人民币"
	contains "$f: [\$kr.-41D]" "$TZ_TMP/err" "$f:4: 项目编号 C3: 年度计划投资(万元)“12.5kr.”的单位“kr.”无法识别"
	contains "$f: [\$₹-4009]" "$TZ_TMP/err" "$f:5: 项目编号 C4: 年度计划投资(万元)“₹12.5”的单位“₹”不是人民币"
	contains "$f: [\$元-404] is the New Taiwan dollar" "$TZ_TMP/err" \
		"$f:6: 项目编号 C5: 年度计划投资(万元)“TWD12.5”的单位“TWD”不是人民币"
	contains "$f: a literal \"JPY \"" "$TZ_TMP/err" "$f:7: 项目编号 C6: 年度计划投资(万元)“JPY12.5”的单位“JPY”不是人民币"
	contains "$f: [\$лв.-402]" "$TZ_TMP/err" "$f:8: 项目编号 C7: 年度计划投资(万元)“12.5лв.”的单位“лв.”不是人民币"
	contains "$f: [\$USD-409] in 总投资" "$TZ_TMP/err" "$f:9: 项目编号 C8: 总投资(万元)“USD12.5”的单位“USD”不是人民币"
	contains "$f: [\$¥-411] is the yen" "$TZ_TMP/err" "$f:12: 项目编号 Y3: 年度计划投资(万元)“日元32.5”的单位“日元”不是人民币"
	contains "$f: 9 refused" "$TZ_TMP/err" "共14行，导入5行（新增5，更正0，未变0），9行被拒绝"
	is "$f: the yuan's, however written, are read" \
		"$(tz export projects | tail -n +2 | cut -d, -f2,13 | tr '\n' ' ')" \
		"Y1,12.50 Y2,22.50 Y4,42.50 Y5,52.50 Y6,62.50 "
done

fresh
fails "Latin magnitudes refused" tz import projects --year 2025 --partial "$d/magnitudes.xlsx"
for m in 2:M1:k 3:M2:bn 4:M3:w 5:M4:M; do
	IFS=: read -r line code unit <<<"$m"
	contains "\"$unit\" refused" "$TZ_TMP/err" \
		"magnitudes.xlsx:$line: 项目编号 $code: 年度计划投资(万元)“12.5$unit”的单位“$unit”无法识别"
done
is "万元 in the same sheet is read" "$(tz export projects | tail -n +2 | cut -d, -f2,13)" "M5,12.50"

# 13. A date whose format shows only the year (the audit's files).
fresh
fails "计划开工时间 2025-01-01 shown 2025年" tz import projects --year 2025 "$d/start-date-shown-year-only.xlsx"
contains "refused as the text 2025年 is" "$TZ_TMP/err" \
	"start-date-shown-year-only.xlsx:2: 项目编号 P1: 计划开工时间“2025年”不是有效的年月"
is "nothing stored" "$(tz export projects | tail -n +2)" ""
fresh
ok "年度 a date shown 2025 via yyyy" tz import projects "$d/year-date-cell.xlsx"
is "read as the year 2025" "$(tz export projects | tail -n +2 | cut -d, -f1,2)" "2025,P1"

# Ours: yyyy, yy, a month-and-year beside; XML 2003 DateTime; 调度期.
fresh
fails "year-only.xlsx" tz import projects --partial "$d/year-only.xlsx"
contains "计划开工时间 in yyyy" "$TZ_TMP/err" "year-only.xlsx:2: 项目编号 D1: 计划开工时间“2025”不是有效的年月"
contains "年度 in yy says what the sheet shows" "$TZ_TMP/err" "year-only.xlsx:4: 项目编号 D3: 年度“25”不是有效的年度"
is "year and month: read" "$(tz export projects | tail -n +2 | cut -d, -f1,2,14)" "2025,D2,2025-03"
fresh
fails "XML 2003 DateTime shown 2025年" tz import projects --partial "$d/xml2003-year-only.xls"
contains "refused" "$TZ_TMP/err" "xml2003-year-only.xls:2: 项目编号 X1: 计划开工时间“2025年”不是有效的年月"
is "年度 read; the month-format row stored" "$(tz export projects | tail -n +2 | cut -d, -f1,2,14)" "2025,X2,2025-03"
fresh
ok "the ledger" tz import projects --year 2025 "$d/base.csv"
fails "调度期 shown 2025年" tz import progress --partial "$d/p-year-only.xlsx"
contains "refused" "$TZ_TMP/err" "p-year-only.xlsx:2: 项目编号 P1: 调度期“2025年”不是有效的年月"
is "the other row read" "$(tz export progress | tail -n +2 | cut -d, -f1,2)" "P2,2025-10"

done_testing
