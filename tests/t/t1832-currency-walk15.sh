#!/bin/bash
# t1832-currency-walk15.sh: a foreign currency is never stored as 人民币
# (walkthrough 15, 2026-12-02, /work/walk15-files/REPORT.md 1a, 5, 6: unit
# words "万元（外汇）", "外汇万元", "投资情况（万元，外汇）", "英磅", "泰国铢",
# "万円", "$万", a "Currency: USD" line, a 币种 column of 美元, 备注 cells
# "金额为美元" / "万美元" / "以港币计", xlsx formats [$¥-411], "万円",
# "万元外汇", and progress files the same, were all stored with exit 0).
# One rule reads them (tz_money_currency_word): each refusal names the
# file, the line and the currency, and stores nothing. The messages say
# the amounts are not 人民币 and never advise deleting the currency
# (section 5); "币种：人民币 单位：万元" and "总投资(万元CNY)" read as
# 万元 (section 6), as do the yuan's other spellings and remarks about
# something else ("利用外资500万美元"). Inputs: tests/data/currency-walk15
# (the walkthrough's files, and gen.py's; cases.txt, ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/currency-walk15"
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }
BASE="P001|甲工业园项目|甲县|1000.00|500.00 P002|乙物流项目|乙县|2000.00|800.00"

while IFS=$'\t' read -r kind f msg; do
	[ -n "$msg" ] || continue
	base
	if [ "$kind" = projects ]; then
		fails "$f: refused" tz import projects --year 2025 "$d/$f"
		is "$f: nothing stored" "$(ledger_rows code)" "$BASE"
	else
		fails "$f: refused" tz import progress "$d/$f"
		is "$f: nothing stored" "$(reports)" ""
	fi
	contains "$f: the file named" "$TZ_TMP/err" "$f:"
	contains "$f: the line and the currency" "$TZ_TMP/err" "$msg"
	lacks "$f: no advice to delete the currency" "$TZ_TMP/err" "请删去其中一处"
	lacks "$f: no doubled words" "$TZ_TMP/err" "单位为单位为"
done <"$d/cases.txt"

# --partial refuses such a file too: it is no row's error.
base
fails "fx_bizhong_col.csv --partial: refused" tz import projects --year 2025 --partial "$d/fx_bizhong_col.csv"
is "…nothing stored" "$(ledger_rows code)" "$BASE"

# The yuan, however the sheet writes it: read in 万元 (section 6).
for f in legit_bizhong_rmb_then_unit.csv legit_hdr_wanCNY.csv l-bizhong-rmb-2sp.csv l-content-usd.csv \
	l-yuan-sign.csv l-rmb-hdr.csv l-fmt-yuan-804.xlsx; do
	base
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	is "$f: 300 and 100 in 万元" "$(ledger_rows code)" "$BASE P003|丙港口项目|甲县|300.00|100.00"
done

# A 币种 column naming the yuan, or nothing; remarks about something else.
base
ok "币种 人民币, RMB, CNY, 元, blank: imported" tz import projects --year 2025 "$d/l-bizhong-col-rmb.csv"
is "…as written" "$(ledger_rows code)" \
	"$BASE P003|丙港口项目|甲县|300.00|100.00 P004|丁项目|甲县|200.00|50.00 P005|戊项目|甲县|150.00|30.00 P006|己项目|甲县|120.00|20.00 P007|庚项目|甲县|110.00|10.00"
base
ok "备注 利用外资500万美元, 外资金额为500万美元, PPP…: imported" \
	tz import projects --year 2025 "$d/l-remarks.csv"
is "…as written" "$(ledger_rows code)" \
	"$BASE P003|丙港口项目|甲县|300.00|100.00 P004|丁项目|甲县|200.00|50.00 P005|戊项目|甲县|150.00|30.00 P006|甜美元素文旅小镇|甲县|120.00|20.00 P007|港币兑换服务中心项目|甲县|110.00|10.00"
base
ok "a report with 币种 人民币: imported" tz import progress "$d/pl-bizhong-rmb.csv"
is "…本期 50 万元" "$(reports)" "P001|2025-10|50.00|已开工"

done_testing
