#!/bin/bash
# t1824-split-amount-doubt.sh: an unquoted thousands comma in a CSV
# amount whose second piece fills a column the import does not read as an
# amount (联系人, 建设规模, 建设起止年限, 序号, an unnamed trailing column, a
# 备注 taking "100万元"), in a row that shows no field too many: both
# readings are possible (2100, or 2 and 100), so the row is refused with
# both and what makes each unambiguous, plain and with --partial (the
# other rows imported), GBK too. Walkthrough 13: each was stored with 2
# for 2100 (or 100 as 建设起止年限) and exit 0. A row that does show the
# split names every piece (1,234,567), with the shorter reading beside it
# when the width proves only two; 形象进度 100 beside 本期 5 is asked to be
# written 100%, never 5100; 本期 0 beside 形象进度 100 is no split. Two
# amounts side by side, a figure column no field reads, a quoted amount,
# rows all left short: read as written.
# Inputs: tests/data/split-amount/w13-* (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/split-amount"
plan="年度计划投资(万元)"
both() { # amount head, pieces "2,100.00", plain 2100.00
	echo "：这像是没有加引号的“$2”被千位分隔的逗号拆成了2个字段，也可能金额确实是$1；为免存入错误的金额，该行未导入。如果金额是$3，请写成 $3 或加引号写成 \"$2\"；如果确实是$1，"
}

# ledger FILE LINE-MESSAGE... : refused whole, then --partial keeps P1, P3.
ledger() {
	local f=$1 b
	shift
	b=$(basename "$f")
	fresh
	fails "$b: refused" tz import projects --year 2025 "$f"
	for s in "$@"; do
		contains "$b: says $s" "$TZ_TMP/err" "$s"
	done
	is "$b: nothing stored" "$(ledger_rows)" ""
	fresh
	fails "$b --partial: the row refused" tz import projects --year 2025 --partial "$f"
	contains "$b --partial: says why" "$TZ_TMP/err" "$1"
	is "$b --partial: the other rows, right" "$(ledger_rows)" \
		"丙项目|甲县|5000.00|500.00 甲项目|甲县|12000.00|1200.00"
}

# progress FILE OTHERS LINE-MESSAGE...: over base.csv; --partial keeps OTHERS.
progress() {
	local f=$1 others=$2 b
	shift 2
	b=$(basename "$f")
	fresh
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
	fails "$b: refused" tz import progress "$f"
	for s in "$@"; do
		contains "$b: says $s" "$TZ_TMP/err" "$s"
	done
	is "$b: nothing stored" "$(reports)" ""
	fails "$b --partial: the row refused" tz import progress --partial "$f"
	contains "$b --partial: says why" "$TZ_TMP/err" "$1"
	is "$b --partial: the other rows, right" "$(reports)" "$others"
}

ledger "$d/w13-L1-contact-short.csv" \
	"w13-L1-contact-short.csv:3: 项目编号 P2: 第3行$plan为“2”，其后一列（联系人）为“100.00”$(both 2 2,100.00 2100.00)请删去联系人中的“100.00”（该列不导入）"
ledger "$d/w13-L1-contact-short-gbk.csv" \
	"w13-L1-contact-short-gbk.csv:3: 项目编号 P2: 第3行$plan为“2”，其后一列（联系人）为“100.00”$(both 2 2,100.00 2100.00)请删去联系人中的“100.00”（该列不导入）"
ledger "$d/w13-L6-scale-short.csv" \
	"w13-L6-scale-short.csv:3: 项目编号 P2: 第3行$plan为“2”，其后一列（建设规模）为“100”$(both 2 2,100 2100)请删去建设规模中的“100”（该列不导入）"
ledger "$d/w13-L3-years-short.csv" \
	"w13-L3-years-short.csv:3: 项目编号 P2: 第3行$plan为“2”，其后一列（建设起止年限）为“100”$(both 2 2,100 2100)请改写建设起止年限的值"
ledger "$d/w13-L11-seq-after.csv" \
	"w13-L11-seq-after.csv:3: 项目编号 P2: 第3行$plan为“3”，其后一列（序号）为“000”$(both 3 3,000 3000)请改写序号的值"
ledger "$d/w13-L5-trailing-empty-header.csv" \
	"w13-L5-trailing-empty-header.csv:3: 项目编号 P2: 第3行$plan为“1”，其后一列（无列名的一列）为“200”$(both 1 1,200 1200)请删去无列名的一列中的“200”（该列不导入）"
ledger "$d/w13-L9c-unit-short-text.csv" \
	"w13-L9c-unit-short-text.csv:3: 项目编号 P2: 第3行$plan为“2”，其后一列（备注）为“100万元”$(both 2 2,100万元 2100万元)请删去备注中的“100万元”（该列不导入）"
# A field too many: the split is sure; every piece named.
ledger "$d/w13-L8-million-short.csv" \
	"w13-L8-million-short.csv:3: 项目编号 P2: 第3行总投资(万元)的金额被千位分隔逗号拆开了：“1”、“234”和“567”是没有加引号的“1,234,567”拆成的3个字段（也可能只有前2个是，即“1,234”，其后的是下一列的值），其后各列的值因此错位，该行未导入；请把金额写成不带逗号的 1234567 或 1234（看它实际是哪个），或加引号写成 \"1,234,567\" 或 \"1,234\""
ledger "$d/w13-L9b-unit-full.csv" \
	"w13-L9b-unit-full.csv:3: 项目编号 P2: 第3行$plan的金额被千位分隔逗号拆开了：“2”和“100万元”是没有加引号的“2,100万元”拆成的2个字段，其后各列的值因此错位，该行未导入；请把金额写成 2100万元，或加引号写成 \"2,100万元\""

bq="本期完成投资(万元)"
progress "$d/w13-P1-trailing-empty-header.csv" "P1|2025-01|300.00|已开工 P3|2025-01|500.00|已开工" \
	"w13-P1-trailing-empty-header.csv:3: 项目编号 P2: 第3行$bq为“2”，其后一列（无列名的一列）为“100.00”$(both 2 2,100.00 2100.00)请删去无列名的一列中的“100.00”（该列不导入）"
progress "$d/w13-P7-contact-short.csv" "P1|2025-01|300.00|已开工 P3|2025-01|500.00|已开工" \
	"w13-P7-contact-short.csv:3: 项目编号 P2: 第3行$bq为“2”，其后一列（联系人）为“100.00”$(both 2 2,100.00 2100.00)请删去联系人中的“100.00”（该列不导入）"
# 1,500 with the trailing 形象进度 left out on that row alone.
progress "$d/w13-P14-ytd-short.csv" "P1|2025-02|300.00|已开工 P3|2025-02|500.00|已开工" \
	"w13-P14-ytd-short.csv:3: 项目编号 P2: 第3行$bq为“1”，其后一列（自年初累计完成投资(万元)）为“500”$(both 1 1,500 1500)请在该行末尾补写留空各列的逗号（其他行有6个字段，该行只有5个）"
# 形象进度 100 beside 本期 5: never "write 5100" alone.
progress "$d/w13-P2-jd-100.csv" "P2|2025-01|300.00|已开工 P3|2025-01|0.00|未开工" \
	"w13-P2-jd-100.csv:2: 项目编号 P1: 第2行$bq为“5”，其后一列（形象进度）为“100”$(both 5 5,100 5100)请把形象进度写成“100%”"
progress "$d/w13-P3-5-500-100.csv" "P2|2025-03|300.00|已开工 P3|2025-03|0.00|未开工" \
	"w13-P3-5-500-100.csv:2: 项目编号 P1: 第2行$bq为“5”，其后一列（自年初累计完成投资(万元)）为“500.00”，而形象进度为“100”，像是前面的值错位而来$(both 5 5,500.00 5500.00)请把形象进度写成“100%”"

# Read as written.
fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
ok "本期 5 and 形象进度 100%: read" tz import progress "$d/w13-ok-jd-100pct.csv"
is "…as written" "$(reports text)" \
	"P1|2025-01|5.00|已开工|100% P2|2025-01|300.00|已开工|主体施工 P3|2025-01|0.00|未开工|未开工"
fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
ok "本期 0 and 形象进度 100 (no number starts 0,): read" tz import progress "$d/w13-ok-zero-jd-100.csv"
is "…as written" "$(reports text)" \
	"P1|2025-01|0.00|已开工|100 P2|2025-01|300.00|已开工|主体施工 P3|2025-01|0.00|未开工|未开工"
fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
ok "本月 50 and 自年初累计 350, every row short alike: read" tz import progress "$d/w13-ok-ytd-allshort.csv"
is "…as written" "$(reports)" "P1|2025-02|300.00|已开工 P2|2025-02|50.00|已开工 P3|2025-02|500.00|已开工"
fresh
ok "年度计划投资 50 beside an unread 中央资金 100: read" tz import projects --year 2025 "$d/w13-ok-figure-col.csv"
is "…as written" "$(ledger_rows)" \
	"丙项目|甲县|5000.00|500.00 乙项目|乙县|30000.00|50.00 甲项目|甲县|12000.00|1200.00"
fresh
ok "\"2,100\" quoted before an empty 建设规模: read" tz import projects --year 2025 "$d/w13-ok-quoted-short.csv"
is "…as written" "$(ledger_rows)" \
	"丙项目|甲县|5000.00|500.00 乙项目|乙县|30000.00|2100.00 甲项目|甲县|12000.00|1200.00"
done_testing
