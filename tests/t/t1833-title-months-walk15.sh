#!/bin/bash
# t1833-title-months-walk15.sh: report titles naming a month that the
# import missed, storing the rows in another month with exit 0
# (walkthrough 15, 1b and 5). A title's month is read however it is
# written (Chinese numerals, spaces, 2025.10, a second row "2025年10月"),
# and a 调度期 or --period of another month is refused; a title naming a
# month without a year, a quarter or a 截至 day refuses a 调度期 or
# --period outside it; a date of one day is never the period; two title
# rows naming two months are one title naming both.
# Inputs: tests/data/title-months-walk15 (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/title-months-walk15"
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }
oct="P001|2025-10|50.00|已开工"

# 1. "2025年10月重点项目调度表" over "（截至9月底）": one title naming two
# months, as on one row (t1828): refused without 调度期 or --period.
for f in per_two_titles_10_and_jiezhi9.csv x_two_diff.xlsx; do
	base
	fails "$f: two title rows naming 10月 and 9月, no 调度期" tz import progress "$d/$f"
	is "$f: both rows quoted, both months named" "$(cat "$TZ_TMP/err")" \
		"taizhang: $d/$f:1: 第3行是表头，但没有“调度期”列；第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至9月底）”写了不止一个月份（10月、9月），不能当作调度期，不知道是哪个调度期，整个文件未导入：请加“调度期”列（如2025-10），或把标题改为只写一个月份，命令行导入也可加 --period YYYY-MM（须是标题中的月份之一）"
	is "$f: nothing stored" "$(reports)" ""
done
base
fails "…--period 2025-11, neither of the titles' months" \
	tz import progress --period 2025-11 "$d/per_two_titles_10_and_jiezhi9.csv"
contains "…both titles and --period named" "$TZ_TMP/err" \
	"per_two_titles_10_and_jiezhi9.csv:1: 第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至9月底）”写了不止一个月份（10月、9月），--period 是2025-11，不是标题中的月份"
is "…nothing stored" "$(reports)" ""
ok "…--period 2025-09, one of them" \
	tz import progress --period 2025-09 "$d/per_two_titles_10_and_jiezhi9.csv"
contains "…noted with both titles" "$TZ_TMP/err" \
	"没有“调度期”列，第1行的标题“2025年10月重点项目调度表”和第2行的标题“（截至9月底）”写了不止一个月份（10月、9月），调度期按 --period 读为2025-09。"
is "…stored in 2025-09" "$(reports)" "P001|2025-09|50.00|已开工"

# 2. A title's month written otherwise: the period when nothing else
# gives one, and --period of another month refused naming the title.
for f in per_title_cn_numerals.csv:二〇二五年十月重点项目调度表:1 \
	 per_title_shiyuefen.csv:2025年十月份重点项目调度表:1 \
	 "per_title_spaces.csv:2025 年 10 月重点项目调度表:1" \
	 "per_title_dot.csv:重点项目调度表 2025.10:1" \
	 per_title2_2025nian10yue.csv:2025年10月:2 \
	 x_cn.xlsx:二〇二五年十月重点项目调度表:1 x_b2.xlsx:2025年10月:2; do
	IFS=: read -r file title line <<<"$f"
	base
	fails "$file: --period 2025-09 under “$title”" tz import progress --period 2025-09 "$d/$file"
	is "$file: the title's line, the title and both months named" "$(cat "$TZ_TMP/err")" \
		"taizhang: $d/$file:$line: 标题“$title”的调度期是2025年10月，--period 是2025-09，不知道是哪个调度期，整个文件未导入：请核对标题或 --period"
	is "$file: nothing stored" "$(reports)" ""
	ok "$file: no 调度期, no --period" tz import progress "$d/$file"
	contains "$file: read from the title, and said" "$TZ_TMP/err" \
		"没有“调度期”列，调度期按标题读为2025-10（“$title”）"
	is "$file: stored in 2025-10" "$(reports)" "$oct"
done
# A 调度期 column of another month under such a title: the row refused.
for f in "per_title2_10yue_col09.csv:4:第2行的标题“2025年10月”" \
	 "per_title_cn_col09.csv:3:第1行的标题“二〇二五年十月重点项目调度表”"; do
	IFS=: read -r file line what <<<"$f"
	base
	fails "$file: 调度期 2025-09 under a title naming 2025年10月" tz import progress "$d/$file"
	contains "$file: the row names the title" "$TZ_TMP/err" \
		"$file:$line: 项目编号 P001: ${what}写的是2025年10月，调度期列是2025-09：请核对调度期，该行未导入"
	is "$file: nothing stored" "$(reports)" ""
done

# A row "10月" alone under "2025年重点项目调度表": that year's month.
base
ok "2025年重点项目调度表 over 10月" tz import progress "$d/year_then_month.csv"
contains "…read as 2025-10" "$TZ_TMP/err" "没有“调度期”列，调度期按标题读为2025-10（“10月”）"
is "…stored in 2025-10" "$(reports)" "$oct"
base
fails "…over 调度期 2025-09" tz import progress "$d/year_then_month_col09.csv"
contains "…the row names the title" "$TZ_TMP/err" \
	"year_then_month_col09.csv:4: 项目编号 P001: 第2行的标题“10月”写的是2025年10月，调度期列是2025-09：请核对调度期，该行未导入"
is "…nothing stored" "$(reports)" ""

# 3. "10月重点项目调度表" without a year: --period or a 调度期 of
# another month refused; of October, taken.
base
fails "10月… with --period 2025-09" tz import progress --period 2025-09 "$d/per_title_10yue_noyear.csv"
is "…the title and --period named" "$(cat "$TZ_TMP/err")" \
	"taizhang: $d/per_title_10yue_noyear.csv:1: 第1行的标题“10月重点项目调度表”写的是10月，--period 是2025-09，不知道是哪个调度期，整个文件未导入：请核对标题或 --period"
is "…nothing stored" "$(reports)" ""
ok "10月… with --period 2025-10" tz import progress --period 2025-10 "$d/per_title_10yue_noyear.csv"
is "…stored in 2025-10" "$(reports)" "$oct"
base
fails "10月… over 调度期 2025-09" tz import progress "$d/g_noyear_col09.csv"
contains "…the row names the title" "$TZ_TMP/err" \
	"g_noyear_col09.csv:3: 项目编号 P001: 第1行的标题“10月重点项目调度表”写的是10月，调度期列是2025-09：请核对调度期或标题，该行未导入"
is "…nothing stored" "$(reports)" ""
ok "10月… over 调度期 2025-10" tz import progress "$d/g_noyear_col10.csv"
is "…stored in 2025-10" "$(reports)" "$oct"
base
fails "截至9月底… over 调度期 2025-10" tz import progress "$d/e_jiezhi_col10.csv"
contains "…the row names the title" "$TZ_TMP/err" \
	"e_jiezhi_col10.csv:3: 项目编号 P001: 第1行的标题“截至9月底重点项目进展情况”写的是9月，调度期列是2025-10"
is "…nothing stored" "$(reports)" ""

# 4. A date of one day in a title is not the period.
for f in per_title_filldate.csv x_fill.xlsx; do
	base
	fails "$f: 重点项目调度表（2025年11月5日）, no 调度期" tz import progress "$d/$f"
	contains "$f: the date is said not to be the period" "$TZ_TMP/err" \
		"$f:2: 第2行是表头，但没有“调度期”列，第1行“重点项目调度表（2025年11月5日）”中的2025年11月5日是一个日期（如填报、打印日期），不当作调度期，不知道是哪个调度期，整个文件未导入"
	is "$f: nothing stored (not 2025-11)" "$(reports)" ""
	ok "$f: --period 2025-10" tz import progress --period 2025-10 "$d/$f"
	is "$f: stored in 2025-10" "$(reports)" "$oct"
done
base
ok "the dated title over 调度期 2025-10" tz import progress "$d/j_fill_date_col10.csv"
is "…stored in 2025-10" "$(reports)" "$oct"
base
ok "2025年10月…（2025年11月5日）: the month, not the date" tz import progress "$d/month_and_filldate.csv"
contains "…read from the title" "$TZ_TMP/err" \
	"没有“调度期”列，调度期按标题读为2025-10（“2025年10月重点项目调度表（2025年11月5日）”）"
is "…stored in 2025-10" "$(reports)" "$oct"
base
fails "a row 填报日期：2025年11月3日 under 2025年重点项目调度表" tz import progress "$d/k_fill_row_nocol.csv"
contains "…the message names the date, not a missing year and month" "$TZ_TMP/err" \
	"k_fill_row_nocol.csv:3: 第3行是表头，但没有“调度期”列，第2行“填报日期：2025年11月3日”中的2025年11月3日是一个日期（如填报、打印日期），不当作调度期"

# 5. A quarter: a month inside it, not outside.
base
fails "2025年第三季度… with --period 2025-10" tz import progress --period 2025-10 "$d/per_title_q3.csv"
is "…the quarter named" "$(cat "$TZ_TMP/err")" \
	"taizhang: $d/per_title_q3.csv:1: 第1行的标题“2025年第三季度重点项目调度表”写的是2025年第三季度（7-9月），--period 是2025-10，不知道是哪个调度期，整个文件未导入：请核对标题或 --period"
is "…nothing stored" "$(reports)" ""
ok "…with --period 2025-08" tz import progress --period 2025-08 "$d/per_title_q3.csv"
is "…stored in 2025-08" "$(reports)" "P001|2025-08|50.00|已开工"
base
fails "…without 调度期 or --period" tz import progress "$d/per_title_q3.csv"
contains "…a quarter is no month" "$TZ_TMP/err" \
	"第1行的标题“2025年第三季度重点项目调度表”写的是2025年第三季度（7-9月），不是一个月的调度期"
fails "…over 调度期 2025-10" tz import progress "$d/o_quarter_col10.csv"
contains "…the row names the quarter" "$TZ_TMP/err" \
	"o_quarter_col10.csv:3: 项目编号 P001: 第1行的标题“2025年第三季度重点项目调度表”写的是2025年第三季度（7-9月），调度期列是2025-10"
is "…nothing stored" "$(reports)" ""
ok "…over 调度期 2025-09" tz import progress "$d/o_quarter_col09.csv"
is "…stored in 2025-09" "$(reports)" "P001|2025-09|50.00|已开工"

# 6. "截至2025年10月25日…": October's figures so far; never 2025-09.
base
fails "截至2025年10月25日… with --period 2025-09" \
	tz import progress --period 2025-09 "$d/per_title_jiezhi1025.csv"
is "…the title and --period named" "$(cat "$TZ_TMP/err")" \
	"taizhang: $d/per_title_jiezhi1025.csv:1: 第1行的标题“截至2025年10月25日重点项目进展”写的是截至2025年10月25日的情况，--period 是2025-09，不知道是哪个调度期，整个文件未导入：请核对标题或 --period"
is "…nothing stored" "$(reports)" ""
fails "…without 调度期 or --period" tz import progress "$d/per_title_jiezhi1025.csv"
contains "…a day is not the period" "$TZ_TMP/err" \
	"第2行是表头，但没有“调度期”列，第1行的标题“截至2025年10月25日重点项目进展”写的是截至2025年10月25日的情况，日期不当作调度期"
ok "…with --period 2025-10" tz import progress --period 2025-10 "$d/per_title_jiezhi1025.csv"
is "…stored in 2025-10" "$(reports)" "$oct"
base
fails "…over 调度期 2025-09" tz import progress "$d/l_mid_col09.csv"
contains "…the row names the title" "$TZ_TMP/err" \
	"l_mid_col09.csv:3: 项目编号 P001: 第1行的标题“截至2025年10月25日重点项目进展”写的是截至2025年10月25日的情况，调度期列是2025-09：请核对调度期或标题，该行未导入"
is "…nothing stored" "$(reports)" ""

# 7. A span from January in Chinese numerals over a plain 完成投资: the
# amounts may be the months' sum, refused as "2025年1-10月…" is (audit 8).
base
fails "二〇二五年一至十月…完成情况 over 完成投资" tz import progress "$d/cn_span_plain.csv"
contains "…refused as a span" "$TZ_TMP/err" \
	"cn_span_plain.csv:1: 标题“二〇二五年一至十月重点项目完成情况”写的是几个月，第2行的“完成投资(万元)”可能是累计完成数"
is "…nothing stored" "$(reports)" ""

done_testing
