#!/bin/bash
# t1828-title-months.sh: a progress import's title rows (walkthrough 14).
# Two title rows naming different months refuse the file naming both
# lines and quoting both titles, as two different units do; two naming
# the same month pass; a ledger's two titles naming different years are
# noted (the nearer names the year, t1760). A title naming two
# months ("10月份…（截至9月底）") gives no period: without a 调度期
# column the refusal says so and suggests --period, which must be one of
# the title's months (then noted). A "1-10月" title refuses rows of
# another month. A title's unit read into unit-less amounts is noted.
# Inputs: tests/data/title-months (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/title-months"
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# 1. Two titles naming different months: refused, with or without a
# 调度期 column, with --period naming either; nothing stored.
for f in q10_two_titles_nocol.csv q10_two_titles_nocol.xlsx q5_two_titles.csv; do
	base
	fails "$f: two titles naming 10月 and 9月" tz import progress "$d/$f"
	is "$f: the message names both lines, quotes both titles" "$(cat "$TZ_TMP/err")" \
		"taizhang: $d/$f:2: 第1行的标题“2025年10月重点项目调度表”写的是2025年10月，第2行的标题“2025年9月重点项目调度表”写的是2025年9月，两个标题的月份不同，不知道是哪个调度期，整个文件未导入：请删去或改正其中一个标题"
	is "$f: nothing stored" "$(reports)" ""
done
for p in 2025-10 2025-09; do
	base
	fails "q10 with --period $p" tz import progress --period $p "$d/q10_two_titles_nocol.csv"
	contains "q10 --period $p: both titles named, not only line 2's" "$TZ_TMP/err" \
		"q10_two_titles_nocol.csv:2: 第1行的标题“2025年10月重点项目调度表”写的是2025年10月，第2行的标题“2025年9月重点项目调度表”写的是2025年9月，两个标题的月份不同"
	is "q10 --period $p: nothing stored" "$(reports)" ""
done

# Two titles naming the same month: the month is the period.
base
ok "two titles naming the same month" tz import progress "$d/same_month_titles.csv"
contains "…noted from the title" "$TZ_TMP/err" "没有“调度期”列，调度期按标题读为2025-10"
is "…stored in 2025-10" "$(reports)" "P2025A001|2025-10|100.50|已开工"

# A ledger under two titles naming different years: the nearer names
# the year (audit 2's rule, t1760: a notice over its attachment), and
# the notes name both titles.
fresh
ok "a ledger under titles naming 2025 and 2024" tz import projects "$d/l_two_years.csv"
contains "…both titles noted" "$TZ_TMP/err" \
	"第1行的标题“2025年重点项目台账”写的是2025年，第2行的标题“2024年重点项目台账”写的是2024年：年度按离表头最近的标题读。"
contains "…the year the nearer title's" "$TZ_TMP/err" "l_two_years.csv: 2024年度（取自标题）"
export_all
is "…stored in 2024, in 万元 (no unit stated)" "$(field P2025B001 总投资 2024)" "1.20"

# 3. A title naming two months, no 调度期 column.
base
fails "10月份…（截至9月底） without a 调度期 column" tz import progress "$d/q15_jiezhi.csv"
is "…the title's two months named, --period suggested" "$(cat "$TZ_TMP/err")" \
	"taizhang: $d/q15_jiezhi.csv:1: 第2行是表头，但没有“调度期”列；第1行的标题“营口市2025年10月份重点项目调度表（截至9月底）”写了不止一个月份（10月、9月），不能当作调度期，不知道是哪个调度期，整个文件未导入：请加“调度期”列（如2025-10），或把标题改为只写一个月份，命令行导入也可加 --period YYYY-MM（须是标题中的月份之一）"
is "…nothing stored" "$(reports)" ""
fails "…with --period 2025-11, neither of the title's months" \
	tz import progress --period 2025-11 "$d/q15_jiezhi.csv"
is "…both months and --period named" "$(cat "$TZ_TMP/err")" \
	"taizhang: $d/q15_jiezhi.csv:1: 第1行的标题“营口市2025年10月份重点项目调度表（截至9月底）”写了不止一个月份（10月、9月），--period 是2025-11，不是标题中的月份，不知道是哪个调度期，整个文件未导入：请核对标题或 --period"
is "…nothing stored" "$(reports)" ""
ok "…with --period 2025-09, one of them" tz import progress --period 2025-09 "$d/q15_jiezhi.csv"
contains "…noted, quoting the title" "$TZ_TMP/err" \
	"没有“调度期”列，第1行的标题“营口市2025年10月份重点项目调度表（截至9月底）”写了不止一个月份（10月、9月），调度期按 --period 读为2025-09。"
is "…stored in 2025-09" "$(reports)" "P2025A001|2025-09|100.50|已开工"

# A "1-10月" title over rows of 2025-09: the row refused, nothing stored.
base
fails "2025年1-10月 over 调度期 2025-09" tz import progress "$d/p_range.csv"
contains "…the row names the title" "$TZ_TMP/err" \
	"p_range.csv:3: 项目编号 P2025A001: 第1行的标题“2025年1-10月重点项目调度表”写的是到2025年10月为止的情况，调度期列是2025-09：请核对调度期或标题，该行未导入"
is "…nothing stored" "$(reports)" ""

# 2. A title's unit over amounts stating none: converted and said.
for f in p_yi.csv p_yi.xlsx; do
	base
	ok "$f: 亿元 in the title" tz import progress "$d/$f"
	contains "$f: the conversion noted" "$TZ_TMP/err" \
		"第1行的标题“2025年10月重点项目调度表（单位：亿元）”注明金额单位为亿元，表头的金额没有写单位：金额按亿元读。"
	is "$f: 0.01亿元 is 100万元" "$(reports)" "P2025A001|2025-10|100.00|已开工 P2025A002|2025-10|5000.00|已开工"
done
fresh
ok "a ledger under a 亿元 title" tz import projects "$d/e_yi_nounit.csv"
contains "…the conversion noted" "$TZ_TMP/err" \
	"第1行的标题“2025年重点项目台账（单位：亿元）”注明金额单位为亿元，表头的金额没有写单位：金额按亿元读。"
is "…1.2亿元 stored as 12000.00万元" "$(ledger_rows)" \
	"标题单位测试一|盖州市|12000.00|5000.00 标题单位测试二|鲅鱼圈区|3500.00|1000.00"

done_testing
