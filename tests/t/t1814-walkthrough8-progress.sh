#!/bin/bash
# t1814-walkthrough8-progress.sh: progress (调度) report points of the
# session-8 walkthrough (/work/walk8-files/REPORT.md, F1, F2, F5, F7,
# F8). Inputs in tests/data/walk8-progress (ORIGIN.md).
#  1. 元 typed into a 万元 column under the project's 总投资: a month at
#     least 100 times the file's median that also exceeds the year's
#     plan (no plan: a tenth of the 总投资) is refused naming both;
#     --confirm-large accepts it; either half alone is not refused.
#  2. 自年初累计 beside 本月 with earlier months not imported: a 累计
#     below the known months plus 本月 is refused naming the figures and
#     the missing months; one above it is imported (本月 stored) and the
#     summary names the difference and the missing months.
#  3. A 累计-only report with earlier months not imported: the refusal
#     shows the 累计, the known months' sum and the missing months, and
#     advises a report of the month itself.
#  4. No 调度期 column and no month in the title: the header was found,
#     the period is missing, and --period YYYY-MM is named.
#  5. A plain 累计完成投资 under "2025年1-10月…" is the year so far (as
#     自年初累计 is); under a single month's title it is not read.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk8-progress

# base: the ledger of 2025 (P1 10000/6000, P2 20000/2400, P3 1200000/
# 150000, P4 500000 with no plan).
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# --- 1. 元 in a 万元 column, under the 总投资 -------------------------------

base
fails "y-subtle: 1000000 beside 1000 and 3000, plan 150000" tz import progress "$d/y-subtle.csv"
contains "y-subtle: names the median, the ratio and the plan" "$TZ_TMP/err" \
	"y-subtle.csv:4: 项目编号 P3: 本期完成投资1000000.00万元是本表其他各行本期完成投资中位数（2000.00万元）的500倍，又超过该项目本年度计划投资（150000.00万元），一个月完成了全年计划以上，像是按元填写的（按元是100.00万元）；如确为此数，请核对后以“确认大额”（命令行 --confirm-large）重新导入"
is "y-subtle: nothing stored" "$(reports)" ""
ok "y-subtle: --confirm-large accepts it" tz import progress --confirm-large "$d/y-subtle.csv"
is "y-subtle: stored as typed" "$(reports | tr ' ' '\n' | grep '^P3')" "P3|2025-10|1000000.00|已开工"

base
ok "y-big-month: 160000 above the plan but 80 times the median" tz import progress "$d/y-big-month.csv"
is "y-big-month: stored" "$(reports | tr ' ' '\n' | grep '^P3')" "P3|2025-10|160000.00|已开工"

base
fails "y-noplan: 400000, no plan, total 500000" tz import progress "$d/y-noplan.csv"
contains "y-noplan: names the total" "$TZ_TMP/err" \
	"本期完成投资400000.00万元是本表其他各行本期完成投资中位数（2000.00万元）的200倍，该项目本年度没有计划投资，而本月数超过其总投资（500000.00万元）的十分之一"
base
ok "y-noplan-ok: 40000, 20 times the median" tz import progress "$d/y-noplan-ok.csv"

# --- 2. 自年初累计 beside 本月, months not imported --------------------------

base
tz import progress "$d/m-sep.csv" >/dev/null 2>&1
fails "m-beside-less: 累计 800 below September 900 + 100" tz import progress "$d/m-beside-less.csv"
contains "m-beside-less: names the figures and the missing months" "$TZ_TMP/err" \
	"m-beside-less.csv:3: 项目编号 P1: 自年初累计完成投资（万元）800.00万元小于2025年1-9月已导入的完成投资合计900.00万元加本月完成投资100.00万元（1000.00万元），而1月、2月、3月、4月、5月、6月、7月、8月没有导入的月份只会使累计数更大"
is "m-beside-less: October not stored" "$(reports)" "P1|2025-09|900.00|已开工"

base
tz import progress "$d/m-sep.csv" >/dev/null 2>&1
ok "m-beside-more: 累计 5000 above 900 + 100, January-August missing" \
	tz import progress "$d/m-beside-more.csv"
is "m-beside-more: 本月 stored" "$(reports)" "P1|2025-09|900.00|已开工 P1|2025-10|100.00|已开工"
cat "$TZ_TMP/out" "$TZ_TMP/err" >"$TZ_TMP/all"
contains "m-beside-more: the summary names the difference and the months" "$TZ_TMP/all" \
	"第3行项目编号P1：自年初累计完成投资（万元）5000.00万元比2025年1-9月已导入的完成投资合计900.00万元加本月完成投资100.00万元多4000.00万元，这4000.00万元属于没有导入的2025年1月、2月、3月、4月、5月、6月、7月、8月"
contains "m-beside-more: and what the bulletin will say" "$TZ_TMP/all" "通报的1-10月累计完成投资按已导入的月份算，为1000.00万元"

base
tz import progress "$d/m-sep.csv" >/dev/null 2>&1
ok "m-beside-equal: 1000 = 900 + 100" tz import progress "$d/m-beside-equal.csv"
cat "$TZ_TMP/out" "$TZ_TMP/err" >"$TZ_TMP/all"
is "m-beside-equal: nothing said" "$(grep -c '不能计入任何月份' "$TZ_TMP/all")" 0

# --- 3. 累计 only, months not imported ----------------------------------

base
tz import progress "$d/m-sep.csv" >/dev/null 2>&1
fails "m-cumonly: 1-10月 累计 with January-August missing" tz import progress "$d/m-cumonly.csv"
contains "m-cumonly: the 累计, the known sum, the months" "$TZ_TMP/err" \
	"m-cumonly.csv:3: 项目编号 P1: 本表只有累计完成投资（本行2025年1-10月累计5000.00万元），要减去此前各月已导入的900.00万元才得出10月的数，但2025年1月、2月、3月、4月、5月、6月、7月、8月没有导入"
contains "m-cumonly: advice that works" "$TZ_TMP/err" \
	"没有这些月份的调度表时，请改用填有10月当月完成投资的表（不要填累计数），年初以来累计从导入的第一个月算起"
is "m-cumonly: not the old advice" "$(grep -c '改填本月完成投资' "$TZ_TMP/err")" 0

# --- 4. No period ----------------------------------------------------------

base
fails "p-noperiod: no 调度期, no month in the title" tz import progress "$d/p-noperiod.csv"
contains "p-noperiod: the header was found, --period named" "$TZ_TMP/err" \
	"p-noperiod.csv:2: 第2行是表头，但没有“调度期”列，标题中也没有写明年月，不知道是哪个调度期，整个文件未导入：请加“调度期”列（如2025-10），或在标题中写明年月（如“2025年10月重点项目调度表”），命令行导入也可加 --period YYYY-MM"
is "p-noperiod: not 找不到完整的表头" "$(grep -c '找不到完整的表头' "$TZ_TMP/err")" 0
ok "p-noperiod: --period 2025-10" tz import progress --period 2025-10 "$d/p-noperiod.csv"
is "p-noperiod: stored" "$(reports)" "P1|2025-10|500.00|已开工"

# --- 5. A plain 累计完成投资 under 2025年1-10月 ---------------------------------

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
ok "l-leiji: 累计完成投资 under 2025年1-10月" tz import progress "$d/l-leiji.csv"
is "l-leiji: 1000 - 900 in 2025-10" "$(reports | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工"

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
fails "l-leiji-beside: 累计 1200 beside 本月 100 under 2025年1-10月" tz import progress "$d/l-leiji-beside.csv"
contains "l-leiji-beside: checked as 自年初累计" "$TZ_TMP/err" \
	"累计完成投资（万元）1200.00万元不等于2025年1-9月已导入的完成投资合计900.00万元加本月完成投资100.00万元（应为1000.00万元）"

base
fails "l-leiji-month: 累计完成投资 under 2025年10月: may be since the start" \
	tz import progress "$d/l-leiji-month.csv"
is "l-leiji-month: nothing stored" "$(reports)" ""

done_testing
