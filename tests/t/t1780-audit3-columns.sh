#!/bin/bash
# t1780-audit3-columns.sh: two columns for one money field under two
# names (项目总投资 beside 总投资) are refused, not one read by the names'
# order; a period typed as the number 2025.1 is not taken for January;
# a title naming another year than the 年度 column is said in the
# summary. Audit 2026-11-30; inputs in tests/data/audit3 (ORIGIN.md).
. "$(dirname "$0")/lib.sh"

d=$TZ_TOP/tests/data/audit3
ledger='项目编号,项目名称,所属地区,总投资,年度计划投资'

refused() { # name file field-text...
	local name=$1 file=$2
	shift 2
	tz init >/dev/null
	fails "$name" tz import projects --year 2025 "$d/$file"
	for s in "$@"; do
		contains "$name: names $s" "$TZ_TMP/err" "$s"
	done
	is "$name: nothing stored" "$(tz export projects | tail -n +2)" ""
}

rm -f "$TAIZHANG_DB"
refused "项目总投资 beside 总投资 (the audit's)" tc-two-totals.csv \
	"第D列“项目总投资”和第E列“总投资”" "整个文件未导入"
rm -f "$TAIZHANG_DB"
refused "计划总投资 beside 总投资, equal amounts" plan-total-beside-total.csv \
	"第D列“计划总投资”和第E列“总投资”"
rm -f "$TAIZHANG_DB"
refused "年度计划投资 beside 计划投资, no year in either" two-plans-no-year.csv \
	"第D列“年度计划投资”和第E列“计划投资”"
rm -f "$TAIZHANG_DB"
refused "估算总投资 beside 总投资额 in a workbook" two-totals.xlsx \
	"第D列“估算总投资”和第E列“总投资额”"
rm -f "$TAIZHANG_DB"
refused "总投资 in 万元 beside 总投资 in 亿元" total-two-units.csv \
	"第D列“总投资(万元)”和第E列“总投资(亿元)”"

rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "所属地区 beside 建设地点: a text field's names keep their order" \
	tz import projects --year 2025 "$d/region-beside-place.csv"
contains "建设地点 listed as not read" "$TZ_TMP/err" "未导入的列：建设地点"
is "the region is 所属地区's" "$(tz export projects | tail -n 1 | cut -d, -f4)" "甲县"

printf '%s\n' "$ledger" 'S1,一,甲县,500,100' 'S2,二,甲县,500,100' 'S3,三,甲县,500,100' \
	'S4,四,甲县,500,100' >"$TZ_TMP/ledger.csv"
ok "a ledger for the reports" tz import projects --year 2025 "$TZ_TMP/ledger.csv"
fails "本月完成投资 beside 完成投资 in a progress file" tz import progress "$d/two-completed.csv"
contains "names both" "$TZ_TMP/err" "第C列“本月完成投资”和第D列“完成投资”"
for f in period-number.xlsx period-number.xls; do
	fails "$f: 调度期 2025.1 as a General number" tz import progress "$d/$f"
	contains "$f: a row error naming January and October" "$TZ_TMP/err" \
		"调度期“2025.1”是数字，可能是2025年1月，也可能是2025年10月"
	rm -f "$TAIZHANG_DB"
	tz init >/dev/null
	tz import projects --year 2025 "$TZ_TMP/ledger.csv" 2>/dev/null
	fails "$f with --partial: the others read (exit status still not 0)" \
		tz import progress --partial "$d/$f"
	is "$f: 2025.10 in 0.00, 2025.3 and the text 2025.1 are read" \
		"$(tz export progress | tail -n +2 | cut -d, -f1-3 | tr '\n' ' ')" \
		"S2,2025-10,20.00 S3,2025-03,30.00 S4,2025-01,40.00 "
done
fails "计划开工时间 2025.1 as a General number" tz import projects --year 2025 "$d/start-number.xlsx"
contains "a row error" "$TZ_TMP/err" "计划开工时间“2025.1”是数字"
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "with --partial: the others read (exit status still not 0)" \
	tz import projects --partial --year 2025 "$d/start-number.xlsx"
is "the others read" "$(tz export projects | tail -n +2 | cut -d, -f2,14 | tr '\n' ' ')" \
	"S2,2025-10 S3,2025-03 S4,2025-01 "

rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "a title of 2025 above rows of 年度 2024 (the audit's)" tz import projects "$d/y-title-vs-yearcol.csv"
contains "the summary says the title names 2025" "$TZ_TMP/err" "标题写的是2025年，各行年度按“年度”列读取"
is "the row is 2024's" "$(tz export projects | tail -n 1 | cut -d, -f1)" "2024"

rm -f "$TAIZHANG_DB"
tz init >/dev/null
printf "%s\n" "$ledger" "P1,一,甲县,500,100" >"$TZ_TMP/p1.csv"
tz import projects --year 2025 "$TZ_TMP/p1.csv" 2>/dev/null
for f in p-title-cumulative.csv p-title-span-fullwidth.csv; do
	fails "$f: a span of months above a plain 完成投资" tz import progress "$d/$f"
	contains "$f: may be the months' sum" "$TZ_TMP/err" "可能是累计完成数，不能当作一个月的本期完成投资"
done
is "nothing stored" "$(tz export progress | tail -n +2)" ""
ok "a span of months above 本月完成投资" tz import progress "$d/p-title-span-monthly.csv"
ok "one month in the title above 完成投资" tz import progress "$d/p-title-one-month.csv"
is "both read as the month's" "$(tz export progress | tail -n +2 | cut -d, -f1-3)" "P1,2025-10,90.00"

rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "a full ledger (audit 8)" tz import projects --year 2025 "$d/reimport-full.csv"
ok "a correction of 总投资 from a list without a plan column" \
	tz import projects --year 2025 "$d/reimport-total-only.csv"
is "P1's total corrected, its plan of 1200 kept; P2 untouched" \
	"$(tz export projects | tail -n +2 | cut -d, -f2,12,13 | tr '\n' ' ')" \
	"P1,11000.00,1200.00 P2,20000.00,2400.00 "

rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "a list without codes, its year in a 年度 column" tz import projects "$d/nocode-yearcol.csv"
is "codes given from the row's year" "$(tz export projects | tail -n +2 | cut -d, -f1-3 | tr '\n' ' ')" \
	"2026,2026-R01-001,甲项目 2026,2026-R02-001,乙项目 "
fails "two years of one project, and a project twice in one year" \
	tz import projects --partial "$d/nocode-yearcol-multi.csv"
contains "the same year twice is a row error" "$TZ_TMP/err" "multi.csv:4:"
is "each year's row is the one project's" \
	"$(tz export projects | tail -n +2 | cut -d, -f1,2,13 | tr '\n' ' ')" \
	"2025,2026-R01-001,100.00 2026,2026-R01-001,300.00 2026,2026-R02-001,200.00 "

# A mid-year adjusted plan beside the original (audit 9, W9): never the
# superseded one read in silence. The adjusted plan is read, the summary
# naming the column left (walkthrough 6, 2026-12-01, t1810; W9 had
# refused the pair); alone, it is the plan.
export TAIZHANG_DB="$TZ_TMP/adj.db"
rm -f "$TAIZHANG_DB"*
tz init >/dev/null
ok "adjusted plan beside the plan" tz import projects --year 2025 "$d/audit9-adj-plan.xlsx"
contains "says which plan was read" "$TZ_TMP/err" \
	"年度计划投资读取调整后的“调整后年度计划投资(万元)”，未读取调整前的“年度计划投资(万元)”"
is "the adjusted plan" "$(tz export projects | tail -n +2 | cut -d, -f2,13)" "P1,300.00"
rm -f "$TAIZHANG_DB"*
tz init >/dev/null
ok "the adjusted plan alone" tz import projects --year 2025 "$d/own-adj-plan-only.csv"
is "is the plan" "$(tz export projects | tail -n +2 | cut -d, -f2,13)" "P1,300.00"

done_testing
