#!/bin/bash
# t1811-progress-walkthrough.sh: progress (调度) report points left open
# by the session-7 walkthrough (issue 7). Inputs in
# tests/data/walk7-progress (ORIGIN.md).
#  1. A title ending a month ("2025年1-10月…", "截至2025年10月底…") over
#     a completion column that does not say 本月 or 自年初累计: refused
#     saying the period was read from the title and asking the header to
#     say which; a single month's title over it is that month's.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk7-progress

# reports: every stored report as CODE|PERIOD|本期|STATUS, sorted, on
# one line.
reports() {
	tz export progress --out "$TZ_TMP/progress.csv" &&
	python3 - "$TZ_TMP/progress.csv" <<'PY'
import csv, sys
out = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    done = next(v for k, v in r.items() if k.startswith("本期完成投资"))
    out.append("|".join([r["项目编号"], r["调度期"], done, r["开工状态"]]))
print(" ".join(sorted(out)))
PY
}

# base: the ledger of 2025 (P1 甲项目 甲县, P2 乙项目 乙县, …).
base() { fresh; tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1; }

# --- 1. 完成投资 under a title ending a month ----------------------------

ask="请在表头写明，如“本月完成投资（万元）”或“自年初累计完成投资（万元）”"

base
fails "p-span-plain: 2025年1-10月 over 完成投资" tz import progress "$d/p-span-plain.csv"
contains "p-span-plain: the period read from the title, the column named" "$TZ_TMP/err" \
	"p-span-plain.csv:2: 没有“调度期”列，调度期按标题“2025年1-10月重点项目调度表”读为2025-10；但第C列“完成投资（万元）”没有写明是本月完成投资还是自年初累计完成投资"
contains "p-span-plain: asks which" "$TZ_TMP/err" "$ask"
is "p-span-plain: nothing stored" "$(reports)" ""

base
fails "p-jiezhi-plain: 截至2025年10月底 over 完成投资" tz import progress "$d/p-jiezhi-plain.csv"
contains "p-jiezhi-plain: the period read from the title" "$TZ_TMP/err" \
	"p-jiezhi-plain.csv:2: 没有“调度期”列，调度期按标题“截至2025年10月底重点项目调度表”读为2025-10；但第C列“完成投资（万元）”"
contains "p-jiezhi-plain: asks which" "$TZ_TMP/err" "$ask"

base
fails "p-jiezhi-plain-col: 截至2025年10月底 over 调度期 and 完成投资" \
	tz import progress "$d/p-jiezhi-plain-col.csv"
contains "p-jiezhi-plain-col: says why" "$TZ_TMP/err" \
	"p-jiezhi-plain-col.csv:2: 标题“截至2025年10月底重点项目调度表”写的是截至2025年10月的情况，第C列“完成投资（万元）”可能是年初以来的累计完成数"
contains "p-jiezhi-plain-col: asks which" "$TZ_TMP/err" "$ask"
is "p-jiezhi-plain-col: nothing stored" "$(reports)" ""

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

done_testing
