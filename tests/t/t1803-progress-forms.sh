#!/bin/bash
# t1803-progress-forms.sh: progress (调度) files in the forms counties
# send them, read for what they mean or refused naming why (audit 9,
# 2026-12-01; the walkthrough's files f15, f19, f20, f30). Inputs in
# tests/data/audit9-progress2 (ORIGIN.md).
#  1. No 调度期 column under a title naming one month: the title's month
#     (said in the summary); a span, several months or none: refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-progress2

# reports: every stored report as CODE|PERIOD|本期|STATUS, sorted, on one line.
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

done_testing
