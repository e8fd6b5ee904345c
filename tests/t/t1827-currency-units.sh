#!/bin/bash
# t1827-currency-units.sh: a statement of the amounts' unit naming a
# currency other than the yuan, anywhere in it, is refused, never read as
# 人民币万元 (walkthrough 14, 2026-12-02: titles "（单位：美元万元）",
# "（单位：USD万元）", "（单位：万元（港币））", "（单位：万澳门元）",
# "（币种：美元，单位：万元）"… stored 12000 as 12000.00万元 with exit 0).
# Titles, a line under the title, notes under the table, a 备注 cell, the
# header and xlsx number formats; ledgers and reports; UTF-8 and GBK CSV,
# .xlsx, .xls and HTML. Each refusal names the file and line, quotes what was
# written, and stores nothing. Statements naming the yuan (币种：人民币,
# 人民币万元) and currency words outside a statement (a project named
# 美元汇率监测中心) are read as before. Inputs: tests/data/currency-title
# (gen.py, cases.txt, ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/currency-title"
base() { fresh; tz import projects --year 2025 "$TZ_TEST_DATA/walk7-progress/base.csv" >/dev/null 2>&1; }

while IFS=$'\t' read -r kind f msg; do
	[ -n "$msg" ] || continue
	if [ "$kind" = projects ]; then
		fresh
		fails "$f: refused" tz import projects "$d/$f"
		is "$f: nothing stored" "$(stored)" 0
	else
		base
		fails "$f: refused" tz import progress "$d/$f"
		is "$f: nothing stored" "$(reports)" ""
	fi
	contains "$f: the file named" "$TZ_TMP/err" "$f:"
	contains "$f: the message" "$TZ_TMP/err" "$msg"
done <"$d/cases.txt"

# The yuan named, in the title or in a note: read as before.
for f in l-rmb-bizhong.csv l-rmb-wan.csv l-rmb-both.csv l-rmb-note.csv f-wan.xlsx; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: read in 万元" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"
done
fresh
ok "（单位：亿元，币种：人民币）: imported" tz import projects "$d/l-rmb-yi.csv"
is "…read in 亿元" "$(ledger_rows)" "甲项目|甲县|12000.00|5000.00"

# Currency words in names and remarks: no statement of a unit.
fresh
ok "美元汇率监测中心, 港币兑换点改造: imported" tz import projects "$d/l-names.csv"
is "…as written" "$(ledger_rows)" \
	"港币兑换点改造|甲县|100.00|50.00 美元汇率监测中心|甲县|12000.00|5000.00"

base
ok "a report （单位：万元，币种：人民币）: imported" tz import progress "$d/p-rmb.csv"
is "…本期 in 万元" "$(reports)" "P1|2025-10|100.00|已开工"

done_testing
