#!/bin/bash
# t1760-audit2-year.sh: the ledger's year from a sheet's titles (audit
# 2026-11-30, findings 5 and 6; tests/data/audit2-year): a date of filling
# or making is not the ledger's year, a title naming several years names
# none, the title nearest the header wins, a title contradicting --year
# refuses the file.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/audit2-year"
exported() { tz export projects --out "$TZ_TMP/export.csv"; python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    print(r["年度"], r["项目编号"], next(v for k, v in r.items() if k.startswith("年度计划投资")))' "$TZ_TMP/export.csv"; }

# --- a date of filling or making is not the ledger's year ---------------
fresh
ok "fill date, 2025 plan column" tz import projects "$d/y-filldate-plan.csv"
contains "the year from the plan column, named so" "$TZ_TMP/err" "2025年度（取自计划投资列的表头）"
is "stored as the 2025 ledger with its plan" "$(exported)" "2025 P1 10.00"
fresh
fails "fill date alone gives no year" tz import projects "$d/y-filldate.csv"
contains "asks for --year" "$TZ_TMP/err" "标题中也没有年份"
fresh
ok "制表时间 above a 2025 plan column" tz import projects "$d/ours-maketime-plan.csv"
is "stored as 2025 with its plan" "$(exported)" "2025 P1 10.00"
fresh
ok "a bare date row under the title" tz import projects "$d/y-date-row.csv"
is "the title's year" "$(exported)" "2025 P1 10.00"
fresh
ok "a bracketed date of making in the title" tz import projects "$d/y-title-2years.csv"
is "the title's own year" "$(exported)" "2026 P1 10.00"
fresh
ok "no title: year from the plan column" tz import projects "$d/y-plan-and-done.csv"
contains "the summary names the plan column" "$TZ_TMP/err" "2025年度（取自计划投资列的表头）"

# --- titles naming several years ----------------------------------------
for f in y-range-title y-plan-title ours-rolling-title; do
	fresh
	fails "$f: several years in a title" tz import projects "$d/$f.csv"
	contains "$f: names the title" "$TZ_TMP/err" "写了不止一个年份"
done
contains "the title quoted" "$TZ_TMP/err" "标题“2023～2025年三年滚动重点项目”"
fresh
ok "a title naming several years, with --year" tz import projects --year 2025 "$d/y-range-title.csv"
is "stored as --year says" "$(exported)" "2025 P1 10.00"
fresh
ok "two titles: the nearer wins" tz import projects "$d/y-two-titles.csv"
is "2024 from the attachment title" "$(exported)" "2024 P1 10.00"
fresh
ok "two titles (ours): the nearer wins" tz import projects "$d/ours-two-titles.csv"
is "2025 from the nearer title" "$(exported)" "2025 P1 10.00"

# --- a title contradicting --year ---------------------------------------
fresh
fails "title 2024, --year 2025" tz import projects --year 2025 "$d/y-title24.csv"
contains "names both, on the title's line" "$TZ_TMP/err" "y-title24.csv:1: 标题“2024年重点项目台账”写的是2024年，--year 指定的是2025年"
is "nothing stored" "$(exported)" ""

done_testing
