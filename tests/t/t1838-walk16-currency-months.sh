#!/bin/bash
# t1838-walk16-currency-months.sh: walkthrough 16 (2026-12-02) stored
# wrong values with exit 0 in two classes, and worded some refusals
# wrongly.
# B. A foreign currency stated beside the amounts was stored as 人民币: a
# 备注 "总投资为美元", "外资（USD）", "按美元计" (a report), a column
# 外币种类 of 日元, and a 项目概况 "总投资1.2亿美元" beside a 总投资 of 12
# (万元). Each now refuses the file naming the file, the line, the column
# and the currency; figures of something else ("利用外资500万美元") and
# sentences stating no unit stay remarks, as written.
# C. A title's "截至9月底" / "截至9月30日" under a year it names (the
# same row or a row above) is that year's month: --period or a 调度期 of
# another month is refused naming both (it stored "2025年…（截至9月底）"
# in 2025-10); a title naming one month beside a 截至 of another, on one
# row or two, names two months (as "2025年10月份…（截至9月底）" does); a
# span "2025年9-10月" names two months; "（10月）" under "2025年…" is
# October of 2025; a header cell is no title ("1-10月累计完成投资" under
# "2025年1-10月…" is the year so far, read as such).
# Inputs: tests/data/walk16-cur (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/walk16-cur"
# The ledger (YK2025000001, YK2025000002 in 站前区) and their reports of
# 2025-01 … 2025-09 (100 and 200 a month).
base() {
	fresh
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
	tz import progress "$d/base-months.csv" >/dev/null 2>&1
}
base
LEDGER=$(ledger_rows code)
MONTHS=$(reports)
is "the base: two projects" "$(echo "$LEDGER" | wc -w)" "2"
is "the base: nine months each" "$(echo "$MONTHS" | wc -w)" "18"

# refused KIND FILE MESSAGE [args]: refused, the message (after the
# file's name) said, nothing stored.
refused() {
	local kind=$1 f=$2 msg=$3
	shift 3
	base
	fails "$f $*: refused" tz import "$kind" "$@" "$d/$f"
	contains "$f $*: file, line and reason" "$TZ_TMP/err" "$f:$msg"
	if [ "$kind" = projects ]; then
		is "$f $*: nothing stored" "$(ledger_rows code)" "$LEDGER"
	else
		is "$f $*: nothing stored" "$(reports)" "$MONTHS"
	fi
}

# B. Currencies.
refused projects c6.csv '4: 第4行第F列“备注”写的是“总投资为美元”：这段文字写的总投资是美元，不是人民币，而本行的总投资按人民币万元读' --year 2025
refused projects c7.csv '4: 第4行第F列“备注”写的是“外资（USD）”：这一行的金额是USD，不是人民币，无法换算为万元，整个文件未导入' --year 2025
refused projects c16.csv '4: 第4行第F列“外币种类”写的是“日元”：这一行的金额不是人民币，无法换算为万元，整个文件未导入' --year 2025
refused projects c17.csv '4: 第4行第F列“项目概况”写的是“中美合资，总投资1.2亿美元”：这段文字写的总投资是美元，不是人民币' --year 2025
refused progress u7.csv '3: 第3行第D列“备注”写的是“按美元计”：这一行的金额是美元，不是人民币'
refused projects l-remark-two-amounts-hkd.csv '2: 第2行第N列“备注”写的是“总投资、年度计划投资均为港币”：这段文字写的年度计划投资是港币' --year 2025
refused projects l-note-anjiji-yen.csv '2: 第2行第N列“说明”写的是“金额按日元填报”：这一行的金额是日元' --year 2025
refused projects l-remark-label-eur.csv '2: 第2行第N列“备注”写的是“外商投资（EUR）”：这一行的金额是EUR' --year 2025
refused projects l-col-huobi-leixing.csv '2: 第2行第N列“货币类型”写的是“欧元”：这一行的金额不是人民币' --year 2025
refused projects l-col-bizhi.csv '2: 第2行第N列“币制”写的是“港币”：这一行的金额不是人民币' --year 2025
refused projects l-gaikuang-plan-usd.csv '2: 第2行第N列“项目概况”写的是“年度计划投资500万美元，主要用于设备进口”：这段文字写的年度计划投资是美元' --year 2025
refused progress p-remark-yimeiyuan.csv '3: 第3行第D列“备注”写的是“本月完成投资以美元计算”：这一行的金额是美元'
refused progress p-col-jijia.csv '3: 第3行第D列“计价货币”写的是“美元”：这一行的金额不是人民币'
refused projects l-remark-not-converted.csv '2: 第2行第N列“备注”写的是“总投资按美元计，未折算”：这段文字写的总投资是美元' --year 2025
# --partial refuses it too: it is no row's error.
refused projects c16.csv '4: 第4行第F列“外币种类”写的是“日元”' --year 2025 --partial

# Remarks about something else, a figure column of foreign money, a
# sentence saying the amounts were converted, a dollar figure after the
# 人民币 one: read as written.
base
ok "remarks naming currencies but not the amounts': imported" \
	tz import projects --year 2025 "$d/l-remarks16.csv"
is "…as written" "$(ledger_rows code)" \
	"P003|丙港口项目|站前区|300.00|100.00 P004|丁项目|站前区|200.00|50.00 P005|戊项目|站前区|150.00|30.00 P006|己项目|站前区|120.00|20.00 P007|庚项目|站前区|110.00|10.00 $LEDGER"

# C. Title months.
# "2025年…（截至9月底）", one row or two: September of 2025.
for f in q16.csv:1 t07.csv:1 q17.csv:2; do
	IFS=: read -r file line <<<"$f"
	refused progress "$file" "$line: 标题“" --period 2025-10
	contains "$file: the title's month and --period named" "$TZ_TMP/err" \
		"的调度期是2025年9月，--period 是2025-10，不知道是哪个调度期，整个文件未导入"
	# Without --period, or with September's, the title gives 2025-09;
	# over 本期完成投资, which may be the year's so far, that is refused
	# as "截至2025年9月底…" is (issue 7), not as naming no year or month.
	refused progress "$file" "$((line + 1)): 没有“调度期”列，调度期按第${line}行的标题“"
	contains "$file: read as 2025-09" "$TZ_TMP/err" "读为2025-09；但第B列“本期完成投资(万元)”没有写明是本月完成投资还是自年初累计完成投资"
	lacks "$file: not said to name no year and month" "$TZ_TMP/err" "没有写明年月"
	lacks "$file: not said to lack the year" "$TZ_TMP/err" "没有写年份"
done
# …over 本月完成投资: September's report.
base
ok "2025年…（截至9月底） over 本月完成投资" tz import progress "$d/p-jiezhi9-month-col.csv"
contains "…read from the title" "$TZ_TMP/err" "没有“调度期”列，调度期按标题读为2025-09（“2025年重点项目调度表（截至9月底）”"
is "…stored in 2025-09" "$(reports | tr ' ' '\n' | grep -c '2025-09|111.11\|2025-09|222.22')" "2"
refused progress p-jiezhi9-col10.csv '3: 项目编号 YK2025000001: 第1行的标题“2025年重点项目调度表（截至9月底）”写的是到2025年9月为止的情况，调度期列是2025-10'

# "2025年…（截至9月30日）": September's, as "截至2025年10月31日" is October's.
refused progress q18.csv '1: 第1行的标题“2025年重点项目调度表（截至9月30日）”写的是截至2025年9月30日的情况，--period 是2025-10，不知道是哪个调度期' --period 2025-10
refused progress q18.csv '2: 第2行是表头，但没有“调度期”列，第1行的标题“2025年重点项目调度表（截至9月30日）”写的是截至2025年9月30日的情况，日期不当作调度期'
base
ok "…with --period 2025-09" tz import progress --period 2025-09 "$d/q18.csv"
is "…stored in 2025-09" "$(reports | tr ' ' '\n' | grep -c '2025-09|111.11\|2025-09|222.22')" "2"
refused progress p-jiezhi930-col10.csv '3: 项目编号 YK2025000001: 第1行的标题“2025年重点项目调度表（截至9月30日）”写的是截至2025年9月30日的情况，调度期列是2025-10'

# A title naming one month beside a 截至 of another: two months, on two
# rows (q14) as on one (q20, p-month-and-day-one-row).
refused progress q14.csv '1: 第3行是表头，但没有“调度期”列；第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至2025年9月30日）”写了不止一个月份（10月、9月），不能当作调度期'
refused progress q20.csv '1: 第2行是表头，但没有“调度期”列；第1行的标题“2025年10月份重点项目调度表（截至9月底）”写了不止一个月份（10月、9月），不能当作调度期'
refused progress p-month-and-day-one-row.csv '1: 第2行是表头，但没有“调度期”列；第1行的标题“2025年10月重点项目调度表（截至9月30日）”写了不止一个月份（10月、9月）'
refused progress q14.csv '1: 第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至2025年9月30日）”写了不止一个月份（10月、9月），--period 是2025-11' --period 2025-11
base
ok "q14 with --period 2025-09, one of the titles' months" tz import progress --period 2025-09 "$d/q14.csv"
contains "…noted, quoting both rows" "$TZ_TMP/err" \
	"没有“调度期”列，第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至2025年9月30日）”写了不止一个月份（10月、9月），调度期按 --period 读为2025-09。"
# The same month on both: that month (t24: 截至10月25日 under 10月).
base
ok "2025年10月… over （截至10月25日）" tz import progress "$d/t24.csv"
contains "…read as 2025-10" "$TZ_TMP/err" "调度期按标题读为2025-10（“2025年10月重点项目调度表”）"
# A span from January beside a 截至 of another month.
refused progress p-span-and-jiezhi.csv '2: 第1行的标题“2025年1-10月重点项目调度表”写的是到2025年10月为止的情况，第2行的标题“（截至9月30日）”写的是截至2025年9月，两处的月份不同' --period 2025-10

# "2025年9-10月…": two months, said so; a 调度期 outside them refused.
refused progress t23.csv '2: 第2行是表头，但没有“调度期”列，第1行的标题“2025年9-10月重点项目调度表”写的是2025年9-10月（2个月），不是一个月的调度期'
refused progress t23.csv '1: 第1行的标题“2025年9-10月重点项目调度表”写的是2025年9-10月（2个月），--period 是2025-11' --period 2025-11
refused progress p-span-col11.csv '3: 项目编号 YK2025000001: 第1行的标题“2025年9-10月重点项目调度表”写的是2025年9-10月（2个月），调度期列是2025-11'

# "（10月）" under "2025年重点项目调度表": October of 2025.
base
ok "（10月） under 2025年…" tz import progress "$d/q19.csv"
contains "…read as 2025-10" "$TZ_TMP/err" "没有“调度期”列，调度期按标题读为2025-10（“（10月）”）"
refused progress q19.csv '2: 标题“（10月）”的调度期是2025年10月，--period 是2025-09' --period 2025-09

# A header cell is no title: "1-10月累计完成投资" and a plain "累计完成
# 投资" under "2025年1-10月…" are the year so far; 本期 is what they
# add to January-September (900 and 1800).
for f in q01.csv q04.csv; do
	base
	ok "$f: the year so far under 2025年1-10月" tz import progress "$d/$f"
	contains "$f: derived, and said" "$TZ_TMP/err" "本期完成投资按累计数减去此前各月已导入的完成投资算出"
	lacks "$f: the column not called a title" "$TZ_TMP/err" "只写了月份"
	is "$f: October is the year so far less January-September" \
		"$(reports | tr ' ' '\n' | grep 2025-10 | tr '\n' ' ')" \
		"YK2025000001|2025-10|2433.33|已开工 YK2025000002|2025-10|8199.99|已开工 "
done
# Two such columns: none is read, and the refusal names the missing
# completion, not the 调度期 the title gives.
refused progress p-two-ytd.csv '2: 找不到完整的表头：第2行最像表头（识别出“项目编号”、“开工状态”），但缺少本期完成投资列，调度期按标题读'
lacks "…not said to lack 调度期" "$TZ_TMP/err" "调度表至少要有"

done_testing
