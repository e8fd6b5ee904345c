#!/bin/bash
# t1803-progress-forms.sh: progress (调度) files in the forms counties
# send them, read for what they mean or refused naming why (audit 9,
# 2026-12-01; the walkthrough's files f15, f19, f20, f30). Inputs in
# tests/data/audit9-progress2 (ORIGIN.md).
#  1. No 调度期 column under a title naming one month: the title's month
#     (said in the summary); a span, several months or none: refused.
#  2. No 项目编号 column, 项目名称 and 所属地区: each row is the ledger's
#     project of that region and (folded) name in the period's year; a
#     region, name or year matching none, or a name matching two, is a
#     row error naming the line and the column.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-progress2

# base: P1 甲项目 甲县, P2 乙项目 乙县, the ledger of 2025.
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# --- 1. The period stated by the title alone --------------------------

base
ok "p-nocol-title: no 调度期 column, title 2025年10月" tz import progress "$d/p-nocol-title.csv"
is "p-nocol-title: stored as 2025-10" "$(reports)" "P1|2025-10|900.00|已开工"
contains "p-nocol-title: the summary says so" "$TZ_TMP/err" "调度期按标题读为2025-10"

base
ok "p-nocol-title-yuefen: title 2025年11月份, a blank row below it" \
	tz import progress "$d/p-nocol-title-yuefen.csv"
is "p-nocol-title-yuefen: stored as 2025-11" "$(reports)" \
	"P1|2025-11|300.00|已开工 P2|2025-11|0.00|未开工"
contains "p-nocol-title-yuefen: the summary says so" "$TZ_TMP/err" "调度期按标题读为2025-11"

for f in p-nocol-title-span.csv p-nocol-title-ljspan.csv p-nocol-notitle.csv \
	 p-nocol-title-nomonth.csv p-nocol-title-two.csv; do
	base
	fails "$f: no month to read, refused" tz import progress "$d/$f"
	contains "$f: says 调度期 is missing" "$TZ_TMP/err" "调度期"
	is "$f: nothing stored" "$(reports)" ""
done

fresh
tz import projects --year 2025 "$d/f01-ledger.csv" >/dev/null 2>&1
ok "f30: the walkthrough's 2025年12月调度表 without 调度期" \
	tz import progress "$d/f30-title-month-nocol.csv"
is "f30: stored as 2025-12" "$(reports)" \
	"QZ2025001|2025-12|410.00|已开工 QZ2025002|2025-12|700.00|已开工"
contains "f30: the summary says so" "$TZ_TMP/err" "调度期按标题读为2025-12"

# --- 2. Projects named by region and name ----------------------------

base
ok "p-nocode: 项目名称 + 所属地区, no 项目编号" tz import progress "$d/p-nocode.csv"
is "p-nocode: booked on P1" "$(reports)" "P1|2025-10|900.00|已开工"
contains "p-nocode: the summary says how" "$TZ_TMP/err" "没有“项目编号”列，各行按所属地区和项目名称对应台账中的项目"

base
ok "p-nocode-two: both projects" tz import progress "$d/p-nocode-two.csv"
is "p-nocode-two: P1 and P2" "$(reports)" "P1|2025-10|900.00|已开工 P2|2025-10|0.00|未开工"

base
ok "p-nocode-title-sections: title month, sections and 合计" \
	tz import progress "$d/p-nocode-title-sections.csv"
is "p-nocode-title-sections: P1 and P2 of 2025-10" "$(reports)" \
	"P1|2025-10|900.00|已开工 P2|2025-10|0.00|未开工"

base
fails "p-nocode-nomatch: names matching no project" tz import progress "$d/p-nocode-nomatch.csv"
contains "p-nocode-nomatch: 丙项目 is no project of 甲县" "$TZ_TMP/err" \
	"p-nocode-nomatch.csv:3: 2025年度的台账中没有甲县的“丙项目”"
contains "p-nocode-nomatch: 甲项目 is no project of 乙县" "$TZ_TMP/err" \
	"p-nocode-nomatch.csv:4: 2025年度的台账中没有乙县的“甲项目”"
contains "p-nocode-nomatch: 丁县 is no region" "$TZ_TMP/err" \
	"p-nocode-nomatch.csv:5: 所属地区“丁县”不是台账中的地区"
is "p-nocode-nomatch: nothing stored" "$(reports)" ""
fails "p-nocode-nomatch --partial: the matching row only (exit status still not 0)" \
	tz import progress --partial "$d/p-nocode-nomatch.csv"
is "p-nocode-nomatch --partial: P1 alone" "$(reports)" "P1|2025-10|900.00|已开工"

base
fails "p-nocode-2024: no 2024 ledger" tz import progress "$d/p-nocode-2024.csv"
contains "p-nocode-2024: says the year" "$TZ_TMP/err" "p-nocode-2024.csv:2: 2024年度的台账中没有甲县的“甲项目”"

base
fails "p-nocode-noregion: a name without a region" tz import progress "$d/p-nocode-noregion.csv"
contains "p-nocode-noregion: lacks 项目编号" "$TZ_TMP/err" "但缺少“项目编号”"

fresh
tz import projects --year 2025 "$d/base-dup.csv" >/dev/null 2>&1
fails "p-nocode-twice: 乙项目 is two projects of 乙县" tz import progress "$d/p-nocode-twice.csv"
contains "p-nocode-twice: names both" "$TZ_TMP/err" \
	"p-nocode-twice.csv:2: 2025年度的台账中乙县有不止一个“乙项目”（项目编号P2、P4）"
is "p-nocode-twice: nothing stored" "$(reports)" ""
ok "p-nocode-width: names folded as the ledger's (甲 项目, Ａ区)" \
	tz import progress "$d/p-nocode-width.csv"
is "p-nocode-width: P1 and P3" "$(reports)" "P1|2025-10|900.00|已开工 P3|2025-10|70.00|已开工"

fresh
tz import projects --year 2025 "$d/f06-list-nocode.csv" >/dev/null 2>&1
ok "f15: the walkthrough's 调度表 without codes" tz import progress "$d/f15-nocode.csv"
is "f15: booked on the list's projects" "$(reports)" \
	"2025-R01-001|2025-10|120.00|已开工 2025-R02-001|2025-10|300.00|已开工 2025-R04-001|2025-10|900.00|已开工"

done_testing
