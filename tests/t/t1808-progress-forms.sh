#!/bin/bash
# t1808-progress-forms.sh: progress (调度) reports in the forms county
# offices send them, read for what they mean or refused naming what is
# missing (session-6 walkthrough and audit 9 R17, 2026-12-01). Inputs in
# tests/data/walk3-progress (ORIGIN.md).
#  1. 形象进度 / 存在问题 with a remark in brackets: read as the field.
#  2. A two-row completion heading, merged or written once over its
#     sub-columns (本月 / 自年初累计, 金额 / 其中…): 本月 is 本期, in the
#     heading's unit.
#  3. "10月完成投资" beside "1-10月完成投资": 10月 is 本期, and must be
#     the row's month.
#  4. Titles ending a span ("2025年1-10月…", "截至2025年10月底…") over a
#     本月 column give the period; a title naming a month and no year is
#     refused saying the year is missing.
#  5. Only a year-to-date column (audit 9 R17): 本期 = 累计 less the
#     months stored before; refused naming the months missing, or when
#     the result would be negative.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk3-progress

# base: the ledger of 2025 (P1, P2 and the walkthrough's projects).
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# --- 1. 形象进度 with a remark ------------------------------------------

base
ok "p19: 形象进度（简要）" tz import progress "$d/p19_progress_xingxiang_with_note.csv"
is "p19: its text stored" "$(reports text)" "YK25-003|2025-10|400.00|已开工|开工"
is "p19: not listed as unread" "$(grep -c 未识别 "$TZ_TMP/err")" 0

base
ok "p14: 形象进度 Alt+Enter （简要）" tz import progress "$d/p14_progress_header_linebreaks_text_numbers.xlsx"
is "p14: its text stored" "$(reports text)" \
	"BY25-201|2025-10|1050.25|已开工|沥青摊铺 BY25-202|2025-10|88.00|已开工|绿化"

base
ok "p-text-remark: 形象进度（…）, 存在问题（…）" tz import progress "$d/p-text-remark.csv"
tz export progress --out "$TZ_TMP/export.csv"
is "p-text-remark: 形象进度" "$(field P1 形象进度)" "主体完工"
is "p-text-remark: 存在问题" "$(field P1 存在问题)" "用地指标"

# --- 2. Two-row completion headings ----------------------------------

base
ok "p05: 完成投资（万元） merged over 本月 / 自年初累计" \
	tz import progress "$d/p05_progress_tworow_wancheng_touzi_b.xlsx"
is "p05: 本月 stored" "$(reports text)" \
	"LB25-001|2025-10|1500.00|已开工|设备安装 LB25-002|2025-10|450.00|已开工|路基施工"

base
ok "p27: 完成投资（亿元） not merged over 本月 / 1-10月累计" \
	tz import progress "$d/p27_progress_group_header_yiyuan_nomerge.xlsx"
is "p27: 本月 in 亿元" "$(reports text)" \
	"LB25-501|2025-10|1200.00|已开工|支架安装 LB25-502|2025-10|500.00|已开工|路基"

base
ok "p28: 本月完成投资（亿元） over 金额 / 其中：中央资金" \
	tz import progress "$d/p28_progress_group_header_benyue_only.csv"
is "p28: 金额 in 亿元" "$(reports text)" \
	"LB25-501|2025-10|1200.00|已开工|支架安装 LB25-502|2025-10|500.00|已开工|路基"

base
ok "p-group-nomerge: 完成投资（亿元） over 当月 / 自年初累计" \
	tz import progress "$d/p-group-nomerge.csv"
is "p-group-nomerge: 当月 in 亿元" "$(reports text)" "P1|2025-10|900.00|已开工| P2|2025-10|0.00|未开工|"

base
ok "p-group-amount: 本期完成投资（亿元） over 金额 / 其中" tz import progress "$d/p-group-amount.csv"
is "p-group-amount: 金额 in 亿元" "$(reports text)" "P1|2025-10|900.00|已开工|"

# --- 3. Columns named by their months ---------------------------------

base
ok "p12: 1-10月完成投资 beside 10月完成投资" tz import progress "$d/p12_progress_month_named_headers.csv"
is "p12: 10月 stored" "$(reports text)" \
	"GZ25-001|2025-10|500.00|已开工|施工中 GZ25-002|2025-10|1300.00|已开工|主体施工"

base
fails "p-month-header: a row of 2025-11 under 10月完成投资" tz import progress "$d/p-month-header.csv"
contains "p-month-header: says so" "$TZ_TMP/err" \
	"p-month-header.csv:3: 项目编号 P2: 表头“10月完成投资（万元）”写的是10月，该行调度期是2025-11，月份不一致"
is "p-month-header: nothing stored" "$(reports text)" ""

base
fails "p-month-header-title: 10月完成投资 under 2025年11月" tz import progress "$d/p-month-header-title.csv"
contains "p-month-header-title: says so" "$TZ_TMP/err" "写的是10月，该行调度期是2025-11"

# --- 4. The period from a title ending a span ---------------------------

base
ok "p18: 截至2025年10月底 over 本月" tz import progress "$d/p18_progress_title_jiezhi.csv"
is "p18: stored as 2025-10" "$(reports text)" "GZ25-001|2025-10|500.00|已开工|施工中"
contains "p18: the summary says so" "$TZ_TMP/err" "调度期按标题读为2025-10"

base
ok "p16: 2025年1-10月 over 本月" tz import progress "$d/p16_progress_title_1to10_month.csv"
is "p16: stored as 2025-10" "$(reports text)" "YK25-003|2025-10|400.00|已开工|开工"

base
ok "p-title-jiezhi-month: 截止2025年9月底 over 9月完成投资" \
	tz import progress "$d/p-title-jiezhi-month.csv"
is "p-title-jiezhi-month: stored as 2025-09" "$(reports text)" "P1|2025-09|800.00|已开工|"

for f in p17_progress_title_report_date_and_month.csv p-title-jiezhi-day.csv \
	 p-title-jiezhi-benqi.csv; do
	base
	fails "$f: no period to read, refused" tz import progress "$d/$f"
	contains "$f: says 调度期 is missing" "$TZ_TMP/err" "调度期"
	is "$f: nothing stored" "$(reports text)" ""
done

for f in p06_progress_month_no_year_title_b.csv p-title-noyear.csv; do
	base
	fails "$f: a month without a year" tz import progress "$d/$f"
	contains "$f: says the year is missing" "$TZ_TMP/err" "只写了月份，没有写年份，不知道是哪一年的调度期"
	contains "$f: says how to give it" "$TZ_TMP/err" "请在标题中写上年份（如“2025年10月…”），或加一列“调度期”"
	is "$f: nothing stored" "$(reports text)" ""
done

# --- 5. Only the year so far ------------------------------------------

for f in p-h-ljonly.csv p-h-1-10only.csv p-h-jnyl.csv; do
	base
	fails "$f: no months stored before 2025-10" tz import progress "$d/$f"
	contains "$f: names the months missing" "$TZ_TMP/err" \
		"$f:2: 项目编号 P1: 本表只有累计完成投资（本行2025年1-10月累计5000.00万元），要减去此前各月已导入的0.00万元才得出10月的数，但2025年1月、2月、3月、4月、5月、6月、7月、8月、9月没有导入"
	is "$f: nothing stored" "$(reports text)" ""
	tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
	ok "$f: after 2025-01..09" tz import progress "$d/$f"
	is "$f: 本期 = 5000 - 900" "$(reports text | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|4100.00|已开工|"
	contains "$f: the summary says how" "$TZ_TMP/err" "本期完成投资按累计数减去此前各月已导入的完成投资算出"
done

base
ok "p-ytd-jan-feb: three months of 本年累计 in one file" tz import progress "$d/p-ytd-jan-feb.csv"
is "p-ytd-jan-feb: 100, 150, 0" "$(reports text)" \
	"P1|2025-01|100.00|已开工| P1|2025-02|150.00|已开工| P1|2025-03|0.00|已开工|"

base
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
fails "p-ytd-negative: 800 after 900 stored" tz import progress "$d/p-ytd-negative.csv"
contains "p-ytd-negative: says so" "$TZ_TMP/err" \
	"累计完成投资800.00万元小于2025年1-9月已导入的完成投资合计900.00万元，算出的本期完成投资为负数"
ok "p-ytd-group: 完成投资（万元） over 自年初累计" tz import progress "$d/p-ytd-group.csv"
is "p-ytd-group: 1000 - 900" "$(reports text | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工|"
ok "p-ytd-and-since-start: 本年累计 read, 累计 not" tz import progress "$d/p-ytd-and-since-start.csv"
is "p-ytd-and-since-start: 1000 - 900" "$(reports text | tr ' ' '\n' | grep '^P1|2025-10')" "P1|2025-10|100.00|已开工|"
contains "p-ytd-and-since-start: 累计完成投资 unread" "$TZ_TMP/err" "未识别、未导入的列：累计完成投资(万元)"

fresh
tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
tz import progress "$d/p-months-1-9.csv" >/dev/null 2>&1
fails "p08: 自年初累计, no months stored for XS25-101, XS25-102" \
	tz import progress --partial "$d/p08_progress_cumulative_only_wanyuan_b.csv"
contains "p08: XS25-101 has no months stored" "$TZ_TMP/err" "项目编号 XS25-101: 本表只有累计完成投资"

base
fails "p-ytd-month-wrong: 1-10月 on a row of 2025-11" tz import progress "$d/p-ytd-month-wrong.csv"
contains "p-ytd-month-wrong: says so" "$TZ_TMP/err" "写的是1-10月，该行调度期是2025-11"

base
fails "p-since-start-only: 累计完成投资 is not the year's" tz import progress "$d/p-since-start-only.csv"
contains "p-since-start-only: still refused" "$TZ_TMP/err" "缺少必需的列：本期完成投资(万元)"

done_testing
