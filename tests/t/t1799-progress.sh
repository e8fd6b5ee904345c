#!/bin/bash
# t1799-progress.sh: a progress (调度) import never stores a figure for
# the wrong month or the wrong project. A title naming one month over a
# 调度期 column naming another is last month's sheet copied (refused, the
# earlier month kept); a 项目名称 or 所属地区 contradicting the ledger's
# project of the row's 项目编号 is a mistyped code (refused); a completion
# column naming a year (2025年完成投资), or a sheet whose name names a span
# of months (1-10月完成情况) over a plain 完成投资, holds a year-to-date
# figure, never one month's (refused); a header without 项目编号 says so.
# Read as the sheet means: 调度期 `10月` under a title giving the year, `—`
# as a 未开工 project's 本期完成投资 (0), 是否开工 with 是/否.
# Audit 9 (2026-12-01), W5, W6, W7, R19, R4, R15, R6; inputs in
# tests/data/audit9-progress (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-progress

# base: a fresh store with the ledger P1 甲项目 甲县, P2 乙项目 乙县 (2025).
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# reports: "编号|调度期|本期完成投资" of every stored report, sorted.
reports() {
	tz export progress --out "$TZ_TMP/export.csv"
	python3 - "$TZ_TMP/export.csv" <<'PY'
import csv, sys
out = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    done = next(v for k, v in r.items() if k.startswith("本期完成投资"))
    out.append("%s|%s|%s" % (r["项目编号"], r["调度期"], done))
print(" ".join(sorted(out)))
PY
}

# --- W5. The title's month against the 调度期 column ------------------

base
ok "September's report" tz import progress "$d/p-sep.csv"
fails "October's title over rows still saying 2025-09" tz import progress "$d/p-oct-stale-period.csv"
contains "p-oct-stale-period: says which month each names" "$TZ_TMP/err" \
	"p-oct-stale-period.csv:3: 项目编号 P1: 第1行的标题“2025年10月重点项目调度表”写的是2025年10月，调度期列是2025-09：请核对调度期"
is "p-oct-stale-period: September's figures kept" "$(reports)" \
	"P1|2025-09|800.00 P2|2025-09|500.00"

base
fails "p-title-mismatch: a single import, October over 2025-09" tz import progress "$d/p-title-mismatch.csv"
contains "p-title-mismatch: the reason" "$TZ_TMP/err" "第1行的标题“2025年10月重点项目调度表”写的是2025年10月"
is "p-title-mismatch: nothing stored" "$(reports)" ""

base
fails "a full-width title 2025年10月份, one row of September" tz import progress "$d/title-fullwidth-mixed.csv"
contains "title-fullwidth-mixed: the September row named" "$TZ_TMP/err" \
	"title-fullwidth-mixed.csv:4: 项目编号 P2: 第1行的标题“２０２５年１０月份重点项目调度表”写的是2025年10月"
fails "with --partial the October row only (exit status still not 0)" tz import progress --partial "$d/title-fullwidth-mixed.csv"
is "title-fullwidth-mixed: P1 October only" "$(reports)" "P1|2025-10|900.00"

base
fails "a ten-day title (2025年10月上旬) over a row of 2024-10" tz import progress "$d/title-other-year.csv"
contains "title-other-year: the reason" "$TZ_TMP/err" "调度期列是2024-10"

base
fails "a workbook's title over rows of another month" tz import progress "$d/title-mismatch.xlsx"
contains "title-mismatch.xlsx: the reason" "$TZ_TMP/err" "第1行的标题“2025年10月重点项目调度表”写的是2025年10月"

base
ok "a title and rows naming the same month" tz import progress "$d/title-oct-ok.csv"
is "title-oct-ok: both rows stored" "$(reports)" "P1|2025-10|900.00 P2|2025-10|600.00"

base
ok "a date of filling is not the report's month" tz import progress "$d/title-filled-date.csv"
is "title-filled-date: September stored" "$(reports)" "P1|2025-09|800.00"

# --- W6. The report's 项目名称 and 所属地区 against the ledger ---------

base
fails "p-name-mismatch: P1 written 乙项目" tz import progress "$d/p-name-mismatch.csv"
contains "p-name-mismatch: both names" "$TZ_TMP/err" \
	"p-name-mismatch.csv:2: 项目编号 P1: 项目编号P1在台账中是“甲项目”，本行写的是“乙项目”"
is "p-name-mismatch: nothing stored" "$(reports)" ""

base
fails "p-region-mismatch: P1 written 乙县" tz import progress "$d/p-region-mismatch.csv"
contains "p-region-mismatch: both regions" "$TZ_TMP/err" \
	"项目编号P1（甲项目）在台账中属于“甲县”，本行所属地区写的是“乙县”"
is "p-region-mismatch: nothing stored" "$(reports)" ""

base
fails "a region the tree does not know" tz import progress "$d/region-unknown.csv"
contains "region-unknown: the reason" "$TZ_TMP/err" "所属地区“丙县”不是台账中的地区"
contains "region-unknown: …and the ledger's region of the code" "$TZ_TMP/err" "项目编号P1（甲项目）在台账中属于“甲县”"

base
ok "names agreeing after folding (spaces), regions agreeing" tz import progress "$d/names-agree.csv"
is "names-agree: both stored" "$(reports)" "P1|2025-10|900.00 P2|2025-10|100.00"
if grep -qF "未识别" "$TZ_TMP/err"; then is "names-agree: 项目名称 is read, not unread" "unread" "read"
else is "names-agree: 项目名称 is read, not unread" "read" "read"; fi

base
ok "an empty 所属地区 cell is not checked" tz import progress "$d/region-empty-ok.csv"
is "region-empty-ok: both stored" "$(reports)" "P1|2025-10|900.00 P2|2025-10|100.00"

base
fails "--partial: the row naming another project refused, the other stored" \
	tz import progress --partial "$d/names-one-wrong.csv"
contains "names-one-wrong: P2's row refused" "$TZ_TMP/err" \
	"names-one-wrong.csv:3: 项目编号 P2: 项目编号P2在台账中是“乙项目”，本行写的是“甲项目”"
is "names-one-wrong: P1 stored, P2 not" "$(reports)" "P1|2025-10|900.00"

base
fails "a workbook: P2 written 甲项目" tz import progress "$d/name-mismatch.xlsx"
contains "name-mismatch.xlsx: the reason" "$TZ_TMP/err" "项目编号P2在台账中是“乙项目”"

# --- W7. A year's figure is never one month's --------------------------

for f in p-h-2025wc.csv p-h-2025wc.xls h-2025ndwc.csv; do
	base
	fails "$f: a completion column naming a year" tz import progress "$d/$f"
	contains "$f: says it is the year's" "$TZ_TMP/err" "写的是年份，是全年或年初以来的累计完成数，不是一个月的本期完成投资"
	is "$f: nothing stored" "$(reports)" ""
done

base
ok "本月完成投资 beside 2025年完成投资" tz import progress "$d/h-month-beside-year.csv"
is "h-month-beside-year: the month's figure" "$(reports)" "P1|2025-10|900.00"
contains "h-month-beside-year: the year's column not read" "$TZ_TMP/err" "未识别、未导入的列：2025年完成投资(万元)"

base
ok "2025年本月完成投资 names one month" tz import progress "$d/h-2025-bywc.csv"
is "h-2025-bywc: stored" "$(reports)" "P1|2025-10|900.00"

for f in p-sheet-1-10-generic.xlsx sheet-1zhi9-generic.xlsx; do
	base
	fails "$f: a sheet named for a span of months over 完成投资" tz import progress "$d/$f"
	contains "$f: the reason" "$TZ_TMP/err" "写的是几个月，“完成投资(万元)”可能是累计完成数"
	is "$f: nothing stored" "$(reports)" ""
done

for f in p-sheetname-cum.xlsx sheet-cum-month.xlsx; do
	base
	fails "$f: a sheet named 累计 over a month's column" tz import progress "$d/$f"
	contains "$f: the reason" "$TZ_TMP/err" "写的是累计数"
	is "$f: nothing stored" "$(reports)" ""
done

base
ok "a sheet named for one month over 完成投资" tz import progress "$d/sheet-10yue-generic.xlsx"
is "sheet-10yue-generic: stored" "$(reports)" "P1|2025-10|900.00"

# --- R19. The missing key column is named ------------------------------

# p-nocode.csv has 项目名称 and 所属地区: read by region and name since
# (t1803, section 2). Without a region column it is still refused.
for f in nocode-seq.csv; do
	base
	fails "$f: a report without 项目编号" tz import progress "$d/$f"
	contains "$f: names 项目编号 as missing" "$TZ_TMP/err" "但缺少“项目编号”"
done

# --- R4. A 调度期 of a month only, under a title giving the year ---------

for f in p-title-10yue.csv p-date-text-10yue.xlsx; do
	base
	ok "$f: 10月 under a title of 2025年10月" tz import progress "$d/$f"
	is "$f: read as 2025-10" "$(reports)" "P1|2025-10|900.00"
done

base
fails "9月份 and 10月 under a September title" tz import progress --partial "$d/title-month-only.csv"
contains "title-month-only: 10月 is not the title's month" "$TZ_TMP/err" \
	"title-month-only.csv:4: 项目编号 P2: 第1行的标题“2025年9月重点项目调度表”写的是2025年9月，调度期列是2025-10"
is "title-month-only: 9月份 read as 2025-09" "$(reports)" "P1|2025-09|800.00"

base
fails "10月 without a title: no year" tz import progress "$d/month-only-notitle.csv"
contains "month-only-notitle: the reason" "$TZ_TMP/err" "调度期“10月”不是有效的年月"

# --- R15. A project not started has completed nothing -----------------

base
fails "p-blank: — for the 未开工 project, nothing for the started one" \
	tz import progress --partial "$d/p-blank.csv"
contains "p-blank: the started project's empty cell refused" "$TZ_TMP/err" \
	"p-blank.csv:2: 项目编号 P1: 本期完成投资(万元)为空：已开工项目请填写本期完成投资（没有完成投资请填0）"
is "p-blank: the 未开工 project's — read as 0" "$(reports)" "P2|2025-10|0.00"

base
ok "/ and an empty cell for 未开工 projects" tz import progress "$d/notstarted-marks.csv"
is "notstarted-marks: both 0" "$(reports)" "P1|2025-10|0.00 P2|2025-10|0.00"

base
fails "— for a started project" tz import progress "$d/started-dash.csv"
contains "started-dash: says to fill 0" "$TZ_TMP/err" \
	"本期完成投资(万元)写的是“—”：已开工项目请填写本期完成投资（没有完成投资请填0）"

# --- R6. 是否开工 with 是 / 否 ---------------------------------------------

status() {
	tz export progress --out "$TZ_TMP/export.csv"
	python3 - "$TZ_TMP/export.csv" <<'PY'
import csv, sys
print(" ".join(sorted("%s|%s" % (r["项目编号"], r["开工状态"])
                      for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))
PY
}
for f in p-status-yes.csv:已开工 p-status-check.csv:已开工 p-status-no.csv:未开工; do
	base
	ok "${f%%:*}: 是否开工" tz import progress "$d/${f%%:*}"
	is "${f%%:*}: read as ${f#*:}" "$(status)" "P1|${f#*:}"
done

base
ok "是 and × under 是否开工" tz import progress "$d/status-yesno-mixed.csv"
is "status-yesno-mixed: 已开工, 未开工" "$(status)" "P1|已开工 P2|未开工"

base
fails "是 under 开工状态 is no status" tz import progress "$d/status-yes-under-status.csv"
contains "status-yes-under-status: the reason" "$TZ_TMP/err" "开工状态“是”无法识别"

done_testing
