#!/bin/bash
# t1822-split-amount.sh: an amount written with an unquoted thousands
# separator (2,100.00) in a CSV ledger or report splits into two fields
# and moves the fields after it right. Wherever the split lands (总投资,
# 年度计划投资 in either order, 本期完成投资 before or after 开工状态,
# 本月 or 自年初累计), whatever columns follow (备注, 存在问题, 形象进度:
# none, empty with their commas, left out, filled), the row is refused
# naming the line, the field and the two pieces, with or without
# --partial, and no wrong amount is stored (walkthrough 11: the row was
# refused for its 开工状态, or 2 was stored for 2100 with exit 0). A row
# left short gets both readings (walkthrough 13).
# Inputs: tests/data/split-amount (gen.py, ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/split-amount"
# A row whose trailing columns were left out (*-short) shows no field too
# many: 2 then 100.00 may be two values, so both readings are given
# (walkthrough 13).
doubt="被千位分隔的逗号拆成了2个字段，也可能金额确实是2；为免存入错误的金额，该行未导入。如果金额是2100.00，请写成 2100.00 或加引号写成 \"2,100.00\"；如果确实是2，"
pieces="的金额被千位分隔逗号拆开了：“2”和“100.00”是没有加引号的“2,100.00”拆成的2个字段，其后各列的值因此错位，该行未导入；请把金额写成 2100.00，或加引号写成 \"2,100.00\""

for f in "$d"/l-*.csv; do
	b=$(basename "$f")
	case $b in
	*-total-*) field="总投资(万元)" ;;
	*) field="年度计划投资(万元)" ;;
	esac
	fresh
	fails "$b: refused" tz import projects --year 2025 "$f"
	case $b in
	*-short.csv) want="第3行$field为“2”，其后一列（" want2="$doubt" ;;
	*) want="第3行$field$pieces" want2="$pieces" ;;
	esac
	contains "$b: names the line, the field and the pieces" "$TZ_TMP/err" "$b:3: 项目编号 P2: $want"
	contains "$b: both readings or the split" "$TZ_TMP/err" "$want2"
	is "$b: nothing stored" "$(ledger_rows)" ""
	fresh
	fails "$b --partial: the row refused" tz import projects --year 2025 --partial "$f"
	contains "$b --partial: says why" "$TZ_TMP/err" "$want"
	is "$b --partial: the other rows, right" "$(ledger_rows)" \
		"丙项目|甲县|5000.00|500.00 甲项目|甲县|12000.00|1200.00"
done

for f in "$d"/p-*.csv; do
	b=$(basename "$f")
	case $b in
	p-ytd-ytd-*) field="自年初累计完成投资(万元)" ;;
	*) field="本期完成投资(万元)" ;;
	esac
	fresh
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
	fails "$b: refused" tz import progress "$f"
	case $b in
	*-short.csv) want="第3行$field为“2”，其后一列（" want2="$doubt" ;;
	*) want="第3行$field$pieces" want2="$pieces" ;;
	esac
	contains "$b: names the line, the field and the pieces" "$TZ_TMP/err" "$b:3: 项目编号 P2: $want"
	contains "$b: both readings or the split" "$TZ_TMP/err" "$want2"
	is "$b: nothing stored" "$(reports)" ""
	fails "$b --partial: the row refused" tz import progress --partial "$f"
	contains "$b --partial: says why" "$TZ_TMP/err" "$want"
	is "$b --partial: the other rows, right" "$(reports)" \
		"P1|2025-01|300.00|已开工 P3|2025-01|500.00|已开工"
done

# Two amounts that only look split are read: no field moved.
fresh
ok "500 and 100.00, nothing after them moved: read" tz import projects --year 2025 "$d/ok-two-amounts.csv"
is "…as written" "$(ledger_rows)" "乙项目|乙县|500.00|100.00 甲项目|甲县|12000.00|1200.00"
done_testing
