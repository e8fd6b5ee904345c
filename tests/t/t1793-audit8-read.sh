#!/bin/bash
# t1793-audit8-read.sh: a workbook with a ledger header on several
# sheets is read from the sheet naming the ledger's year or refused,
# never one sheet read and the others dropped in silence. Audit 8,
# 2026-11-30; inputs in tests/data/audit8-read (ORIGIN.md).
. "$(dirname "$0")/lib.sh"

d=$TZ_TOP/tests/data/audit8-read

# 7. Which sheet.
rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "sheet per year, --year 2025" tz import projects --year 2025 "$d/sheet-per-year.xlsx"
is "the 2025 sheet's plan is stored" "$(tz export projects | tail -n +2 | cut -d, -f1,2,13)" "2025,P1,300.00"
contains "the summary names the sheet read" "$TZ_TMP/err" "按年度2025读取工作表“2025年”"
rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "sheet per year, --year 2024" tz import projects --year 2024 "$d/sheet-per-year.xlsx"
is "the 2024 sheet's plan is stored" "$(tz export projects | tail -n +2 | cut -d, -f1,2,13)" "2024,P1,100.00"
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "sheet per year without --year" tz import projects "$d/sheet-per-year.xlsx"
contains "names both sheets" "$TZ_TMP/err" "工作表“2024年”、“2025年”都有台账表头"
contains "asks for --sheet" "$TZ_TMP/err" "请用 --sheet 指定工作表"
fails "two ledgers, one per level" tz import projects --year 2025 "$d/sheets-two-ledgers.xlsx"
contains "names both sheets" "$TZ_TMP/err" "工作表“省重点”、“市重点”都有台账表头"
is "nothing stored" "$(tz export projects | tail -n +2)" ""
ok "--sheet reads the one asked for" tz import projects --year 2025 --sheet 市重点 "$d/sheets-two-ledgers.xlsx"
is "its two projects" "$(tz export projects | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" "P2 P3 "
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "two sheets naming 2025" tz import projects --year 2025 "$d/sheets-same-year.xlsx"
contains "says why" "$TZ_TMP/err" "名称写着2025年的工作表不止一个"

# 8. Superscript, subscript and struck-through runs are not digits.
for f in xlsx-richtext-sup-footnote.xlsx:12.51 xlsx-richtext-strike.xlsx:10012.5 \
	html-sup-footnote.xls:12.51 html-del-old-value.xls:10012.5 xml2003-richtext-sup.xls:121; do
	rm -f "$TAIZHANG_DB"
	tz init >/dev/null
	fails "${f%%:*}: the mark is not part of the amount" tz import projects --year 2025 "$d/${f%%:*}"
	contains "${f%%:*}: a row error naming the cell" "$TZ_TMP/err" \
		"年度计划投资(万元)“${f#*:}”中有上标、下标或删除线的文字"
	is "${f%%:*}: nothing stored" "$(tz export projects | tail -n +2)" ""
done
for f in html-sup-name.xls xml2003-sup-name.xls; do
	rm -f "$TAIZHANG_DB"
	tz init >/dev/null
	fails "$f: marked amounts refused" tz import projects --partial --year 2025 "$d/$f"
	contains "$f: the struck total named" "$TZ_TMP/err" "总投资(万元)“600500”中有上标"
	is "$f: a name keeps its superscript (m²)" "$(tz export projects | tail -n +2 | cut -d, -f2,3,12,13)" \
		"P1,10000m2厂房,1000.00,12.50"
done

# 13. An XML 2003 formula saved with an empty Data has no value.
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "xml2003 formula with empty Data" tz import projects --year 2025 "$d/xml2003-formula-empty-data.xls"
contains "a row error, not an empty plan" "$TZ_TMP/err" "年度计划投资(万元)是公式，没有保存计算结果"

done_testing
