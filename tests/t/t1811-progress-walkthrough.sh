#!/bin/bash
# t1811-progress-walkthrough.sh: progress (调度) report points left open
# by the session-7 walkthrough (issue 7). Inputs in
# tests/data/walk7-progress (ORIGIN.md).
#  1. A title ending a month ("2025年1-10月…", "截至2025年10月底…") over
#     a completion column that does not say 本月 or 自年初累计: refused
#     saying the period was read from the title and asking the header to
#     say which; a single month's title over it is that month's.
#  2. 自年初累计 beside 本月: when every month before is known (stored,
#     or earlier in the file), 累计 must be their sum plus 本月; a row
#     that differs is refused naming the three; with a month before
#     unknown nothing is checked.
#  3. import progress --period YYYY-MM: the period of a report with no
#     调度期 column and no month in its title; a title or 调度期 naming
#     another month is refused naming both; parsed as bulletin --period.
#  4. An amount refused as too large advises by its column's unit: 元
#     typed into 万元, 万元 into 亿元 (the header should say 万元, or
#     the amounts be divided by 10000), 元 into 千元; in 元, no smaller
#     unit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk7-progress

# base: the ledger of 2025 (P1 甲项目 甲县, P2 乙项目 乙县, …).
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# --- 1. 完成投资 under a title ending a month ----------------------------

ask="请在表头写明，如“本月完成投资（万元）”或“自年初累计完成投资（万元）”"

base
fails "p-span-plain: 2025年1-10月 over 完成投资" tz import progress "$d/p-span-plain.csv"
contains "p-span-plain: the period read from the title, the column named" "$TZ_TMP/err" \
	"p-span-plain.csv:2: 没有“调度期”列，调度期按第1行的标题“2025年1-10月重点项目调度表”读为2025-10；但第C列“完成投资（万元）”没有写明是本月完成投资还是自年初累计完成投资"
contains "p-span-plain: asks which" "$TZ_TMP/err" "$ask"
is "p-span-plain: nothing stored" "$(reports)" ""

base
fails "p-jiezhi-plain: 截至2025年10月底 over 完成投资" tz import progress "$d/p-jiezhi-plain.csv"
contains "p-jiezhi-plain: the period read from the title" "$TZ_TMP/err" \
	"p-jiezhi-plain.csv:2: 没有“调度期”列，调度期按第1行的标题“截至2025年10月底重点项目调度表”读为2025-10；但第C列“完成投资（万元）”"
contains "p-jiezhi-plain: asks which" "$TZ_TMP/err" "$ask"

base
fails "p-jiezhi-plain-col: 截至2025年10月底 over 调度期 and 完成投资" \
	tz import progress "$d/p-jiezhi-plain-col.csv"
contains "p-jiezhi-plain-col: says why" "$TZ_TMP/err" \
	"p-jiezhi-plain-col.csv:1: 标题“截至2025年10月底重点项目调度表”写的是截至2025年10月的情况，第2行第C列“完成投资（万元）”可能是年初以来的累计完成数"
contains "p-jiezhi-plain-col: asks which" "$TZ_TMP/err" "$ask"
is "p-jiezhi-plain-col: nothing stored" "$(reports)" ""

base
ok "p-jiezhi-month-col: 截至2025年10月底 over 调度期 and 10月完成投资" \
	tz import progress "$d/p-jiezhi-month-col.csv"
is "p-jiezhi-month-col: the month's" "$(reports)" "P1|2025-10|500.00|已开工"

base
ok "p-month-plain: 2025年10月 over 完成投资 is the month's" tz import progress "$d/p-month-plain.csv"
is "p-month-plain: stored as 2025-10" "$(reports)" "P1|2025-10|500.00|已开工"
contains "p-month-plain: the summary says so" "$TZ_TMP/err" "调度期按标题读为2025-10"

base
fails "p-span-ytd: 自年初累计 under 2025年1-10月, no months stored" tz import progress "$d/p-span-ytd.csv"
contains "p-span-ytd: the months missing, not 调度期" "$TZ_TMP/err" \
	"p-span-ytd.csv:3: 项目编号 P1: 本表只有累计完成投资"
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
ok "p-span-ytd: after 2025-01..09" tz import progress "$d/p-span-ytd.csv"
is "p-span-ytd: 1000 - 900 in 2025-10" "$(reports | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工"

# --- 2. 自年初累计 beside 本月 ----------------------------------------------

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
ok "p-beside-ok: 1000 = 900 + 100; P2 without September, not checked" \
	tz import progress "$d/p-beside-ok.csv"
is "p-beside-ok: 本月 stored" "$(reports | tr ' ' '\n' | grep '|2025-10|' | tr '\n' ' ')" \
	"P1|2025-10|100.00|已开工 P2|2025-10|50.00|已开工 "

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
fails "p-beside-wrong: 1200 for 900 + 100" tz import progress "$d/p-beside-wrong.csv"
contains "p-beside-wrong: names the three" "$TZ_TMP/err" \
	"p-beside-wrong.csv:2: 项目编号 P1: 自年初累计完成投资（万元）1200.00万元不等于2025年1-9月已导入的完成投资合计900.00万元加本月完成投资100.00万元（应为1000.00万元）：请核对累计数或本月数，该行未导入"
is "p-beside-wrong: October not stored" "$(reports | tr ' ' '\n' | grep -c '|2025-10|')" 0

base
fails "p-beside-file: March's 260 for 250 + 0, the months in the file" tz import progress "$d/p-beside-file.csv"
contains "p-beside-file: names the file's months' sum" "$TZ_TMP/err" \
	"p-beside-file.csv:4: 项目编号 P1: 自年初累计完成投资（万元）260.00万元不等于2025年1-2月已导入的完成投资合计250.00万元加本月完成投资0.00万元（应为250.00万元）"
is "p-beside-file: nothing stored" "$(reports)" ""
ok "p-beside-file-ok: 100, 250, 250" tz import progress "$d/p-beside-file-ok.csv"
is "p-beside-file-ok: 本月 stored" "$(reports)" "P1|2025-01|100.00|已开工 P1|2025-02|150.00|已开工 P1|2025-03|0.00|已开工"

base
fails "p-beside-jan: January's 累计 is its 本月" tz import progress "$d/p-beside-jan.csv"
contains "p-beside-jan: says so" "$TZ_TMP/err" \
	"自年初累计完成投资（万元）120.00万元不等于本月完成投资100.00万元（1月的累计数就是本月数）"

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
ok "p-beside-yi: 0.1亿元 = 900 + 100 万元" tz import progress "$d/p-beside-yi.csv"
is "p-beside-yi: 本月 stored" "$(reports | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工"

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
ok "p-beside-unit-plain: 累计 of no unit beside 本月 in 亿元: not read" \
	tz import progress "$d/p-beside-unit-plain.csv"
is "p-beside-unit-plain: 本月 stored" "$(reports | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工"
contains "p-beside-unit-plain: named as not read" "$TZ_TMP/err" "未识别、未导入的列：自年初累计完成投资"

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
tz import progress "$d/p-beside-ok.csv" >/dev/null 2>&1
ok "p-beside-other-month: 1-10月累计 on a row of 2025-11, not checked" \
	tz import progress "$d/p-beside-other-month.csv"

# --- 3. --period ----------------------------------------------------------

base
fails "p-noperiod: no 调度期, no title, no --period" tz import progress "$d/p-noperiod.csv"
ok "p-noperiod: --period 2025-10" tz import progress --period 2025-10 "$d/p-noperiod.csv"
is "p-noperiod: both rows in 2025-10" "$(reports)" "P1|2025-10|500.00|已开工 P2|2025-10|300.00|已开工"
contains "p-noperiod: the summary says so" "$TZ_TMP/err" "没有“调度期”列，调度期按 --period 读为2025-10"

base
fails "--period 2025-13: refused as bulletin refuses it" tz import progress --period 2025-13 "$d/p-noperiod.csv"
contains "--period 2025-13: says why" "$TZ_TMP/err" "--period “2025-13”月份13不存在"
tz bulletin --period 2025-13 >/dev/null 2>"$TZ_TMP/bulletin-err"
is "--period 2025-13: the same words as bulletin" \
	"$(grep -o -- '--period “2025-13”.*' "$TZ_TMP/err")" "$(grep -o -- '--period “2025-13”.*' "$TZ_TMP/bulletin-err")"
is "--period 2025-13: nothing stored" "$(reports)" ""

base
fails "p-title-oct: title 2025年10月, --period 2025-09" tz import progress --period 2025-09 "$d/p-title-oct.csv"
contains "p-title-oct: names both" "$TZ_TMP/err" \
	"p-title-oct.csv:1: 标题“2025年10月重点项目调度表”的调度期是2025年10月，--period 是2025-09，不知道是哪个调度期，整个文件未导入"
is "p-title-oct: nothing stored" "$(reports)" ""
ok "p-title-oct: --period 2025-10 agrees" tz import progress --period 2025-10 "$d/p-title-oct.csv"
is "p-title-oct: stored in 2025-10" "$(reports)" "P1|2025-10|500.00|已开工"

base
fails "p-span-ytd: title 2025年1-10月, --period 2025-09" tz import progress --period 2025-09 "$d/p-span-ytd.csv"
contains "p-span-ytd: names both" "$TZ_TMP/err" \
	"标题“2025年1-10月重点项目调度表”的调度期是2025年10月，--period 是2025-09"

base
fails "p-col-mixed: a 调度期 of 2025-09 under --period 2025-10" tz import progress --period 2025-10 "$d/p-col-mixed.csv"
contains "p-col-mixed: names both" "$TZ_TMP/err" \
	"p-col-mixed.csv:3: 项目编号 P2: 调度期列是2025-09，--period 是2025-10，不知道是哪个调度期"
is "p-col-mixed: nothing stored" "$(reports)" ""

base
fails "--period on a ledger" tz import projects --period 2025-10 "$d/base.csv"
contains "--period on a ledger: says it is for reports" "$TZ_TMP/err" "--period 只用于调度数据"
tz import progress --help >"$TZ_TMP/help" 2>&1
contains "import --help lists --period" "$TZ_TMP/help" "--period YYYY-MM  调度数据的调度期"

# --- 4. The advice of an amount too large fits its column's unit -------

yi="金额像是按万元填写的，而表头的单位是亿元"
fresh
fails "u-yi-wan: 万元 typed into 亿元" tz import projects --year 2025 "$d/u-yi-wan.csv"
contains "u-yi-wan: says 万元, the header or divide" "$TZ_TMP/err" \
	"u-yi-wan.csv:4: 项目编号 A3: 总投资500000000.00万元超过1万亿元，一个项目不会有这么大的金额，$yi（按万元是50000.00万元）：如是万元，请把表头的单位改为万元，或把金额除以10000"
is "u-yi-wan: not 按元" "$(grep -c 按元 "$TZ_TMP/err")" 0

fresh
fails "u-yi-all: a whole 亿元 column typed in 万元" tz import projects --year 2025 "$d/u-yi-all.csv"
contains "u-yi-all: says so of the column" "$TZ_TMP/err" \
	"本表总投资的中位数是250000000.00万元，在1000亿元以上，不像一个地区的重点项目，整列$yi（按万元是25000.00万元）：如是万元，请把表头的单位改为万元，或把金额除以10000"
is "u-yi-all: not 按元" "$(grep -c 按元 "$TZ_TMP/err")" 0

base
fails "p-yi-wan: a report in 亿元 typed in 万元" tz import progress "$d/p-yi-wan.csv"
contains "p-yi-wan: says 万元" "$TZ_TMP/err" "$yi（按万元是900.00万元）：如是万元，请把表头的单位改为万元，或把金额除以10000"
is "p-yi-wan: not 按元" "$(grep -c 按元 "$TZ_TMP/err")" 0

fresh
fails "u-qian-yuan: 元 typed into 千元" tz import projects --year 2025 "$d/u-qian-yuan.csv"
contains "u-qian-yuan: says 元, the header or divide by 1000" "$TZ_TMP/err" \
	"金额像是按元填写的，而表头的单位是千元（按元是50000.00万元）：如是元，请把表头的单位改为元，或把金额除以1000"

fresh
fails "u-yuan: too large in 元" tz import projects --year 2025 "$d/u-yuan.csv"
contains "u-yuan: no smaller unit" "$TZ_TMP/err" \
	"而表头的单位是元，金额不会是按更小的单位填写的：请核对金额和表头的单位"
is "u-yuan: not 按元" "$(grep -c 按元 "$TZ_TMP/err")" 0

fresh
fails "u-wan-yuan: 元 typed into 万元" tz import projects --year 2025 "$d/u-wan-yuan.csv"
contains "u-wan-yuan: says 按元, as before" "$TZ_TMP/err" "像是按元填写的（按元是50000.00万元）"

done_testing
