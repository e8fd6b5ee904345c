#!/bin/bash
# t1807-plausible-stored.sh: 元 typed into a 万元 column where the file
# alone does not show it (W21 continued; session-6 walkthrough,
# 2026-12-01). Amounts are judged against what the store already holds:
# a report's 本期完成投资 10 times its project's stored 总投资, a report
# or a 总投资 1000 times the stored one it replaces, a ledger whose
# median is 1000 times the stored ledger's of the other regions; within a file, a row whose 总投资 (>= 100亿元) and
# plan are both 1000 times the others' medians. All are refused unless
# --confirm-large (确认大额). Inputs in tests/data/walk3-plausible
# (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk3-plausible

# base: a fresh database holding the walkthrough's city ledger (47
# projects of six regions, amounts in 万元) and its org tree.
base() {
	fresh
	tz org import "$d/org.csv" >/dev/null 2>&1
	tz import projects --year 2025 "$d/base.csv" >/dev/null 2>&1
}

# amounts CODE: "总投资/年度计划投资" of CODE in the 2025 ledger.
amounts() { export_all; echo "$(field "$1" 总投资 2025)/$(field "$1" 年度计划投资 2025)"; }

# done_of CODE PERIOD: the stored 本期完成投资 of CODE for PERIOD.
done_of() {
	tz export progress --out "$TZ_TMP/progress.csv"
	python3 - "$TZ_TMP/progress.csv" "$1" "$2" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    if r["项目编号"] == sys.argv[2] and r["调度期"] == sys.argv[3]:
        print(next(v for k, v in r.items() if k.startswith("本期完成投资")))
PY
}

base
n0=$(stored)  # lines of the export (one name holds a line break)
ok "base: the walkthrough's ledger stored" test "$n0" -gt 47

# --- Within a file: one row in 元 at 1000-10000 times ---------------
base
fails "f05: refused (one row 2000 times the median)" \
	tz import projects --year 2025 "$d/f05_ledger_yuan_typed_in_wanyuan.csv"
contains "f05: names line, code, both amounts, medians, ratios" "$TZ_TMP/err" \
	"f05_ledger_yuan_typed_in_wanyuan.csv:4: 项目编号 ZQ25-003: 总投资8600000.00万元是本表其他各行总投资中位数（4300.00万元）的2000倍，像是按元填写的（按元是860.00万元）；年度计划投资3000000.00万元是本表其他各行年度计划投资中位数（2000.00万元）的1500倍，像是按元填写的（按元是300.00万元）；如确为此数"
is "f05: ZQ25-003 not stored" "$(amounts ZQ25-003)" "/"
fresh
fails "own-row-yuan.csv: refused in an empty database too" \
	tz import projects --year 2025 "$d/own-row-yuan.csv"
contains "own-row-yuan.csv: names Q3" "$TZ_TMP/err" \
	"own-row-yuan.csv:4: 项目编号 Q3: 总投资56000000.00万元是本表其他各行总投资中位数（3200.00万元）的17500倍"
fresh
ok "own-big-real.csv: a 650亿元 project whose plan is like the others' is read" \
	tz import projects --year 2025 "$d/own-big-real.csv"
is "own-big-real.csv: Q3 as written" "$(amounts Q3)" "6500000.00/300000.00"
base
ok "f05 --confirm-large: read as written" \
	tz import projects --year 2025 --confirm-large "$d/f05_ledger_yuan_typed_in_wanyuan.csv"
is "f05 --confirm-large: ZQ25-003" "$(amounts ZQ25-003)" "8600000.00/3000000.00"
# The correction of a 总投资 stored in 元 goes down 10000 times: read.
ok "own-f05-fixed.csv: the correction is read" \
	tz import projects --year 2025 "$d/own-f05-fixed.csv"
is "own-f05-fixed.csv: ZQ25-003 corrected" "$(amounts ZQ25-003)" "860.00/300.00"

# --- A whole county sheet in 元, beside the stored ledger ------------
for f in f11_ledger_whole_column_yuan_in_wanyuan.csv f12_ledger_whole_county_yuan_small_projects.csv \
	 own-county-yuan.csv; do
	base
	fails "$f: refused (the whole sheet in 元)" tz import projects --year 2025 "$d/$f"
	contains "$f: names the columns' medians" "$TZ_TMP/err" "整列可能按元填写"
	contains "$f: whole file" "$TZ_TMP/err" "整个文件未导入"
	is "$f: nothing stored" "$(stored)" "$n0"
done
contains "own-county-yuan.csv: the two medians and the ratio" "$TZ_TMP/err" \
	"own-county-yuan.csv: 本表总投资的中位数（15800000.00万元）是库中本年度其他地区项目总投资中位数（8000.00万元）的1975倍，整列可能按元填写（按元是1580.00万元）；年度计划投资列也是（1666倍）"
contains "own-county-yuan.csv: --confirm-large named" "$TZ_TMP/err" "--confirm-large"
base
fails "f12 --partial: still refused" tz import projects --year 2025 --partial \
	"$d/f12_ledger_whole_county_yuan_small_projects.csv"
is "f12 --partial: nothing stored" "$(stored)" "$n0"
base
ok "f12 --confirm-large: read as written" tz import projects --year 2025 --confirm-large \
	"$d/f12_ledger_whole_county_yuan_small_projects.csv"
is "f12 --confirm-large: DS25-301" "$(amounts DS25-301)" "52000000.00/20000000.00"

# --- A stored project's 总投资 1000 times over ------------------------
base
fails "own-stored-1000x.csv: refused" tz import projects --year 2025 "$d/own-stored-1000x.csv"
contains "own-stored-1000x.csv: names the stored 总投资" "$TZ_TMP/err" \
	"own-stored-1000x.csv:2: 项目编号 ZQ25-001: 总投资6200000.00万元是该项目已入库总投资（6200.00万元）的1000倍，像是按元填写的（按元是620.00万元）"
is "own-stored-1000x.csv: ZQ25-001 kept" "$(amounts ZQ25-001)" "6200.00/3100.00"

# --- Reports beside the stored ledger ---------------------------------
base
fails "p11: refused (one month 51 times the whole 总投资)" \
	tz import progress "$d/p11_progress_yuan_small_row.csv"
contains "p11: names line, field, stored 总投资 and plan, 元" "$TZ_TMP/err" \
	"p11_progress_yuan_small_row.csv:4: 项目编号 LB25-002: 本期完成投资450000.00万元是该项目已入库的总投资（8750.00万元）的51倍、本年度计划投资（4000.00万元）的112倍，像是按元填写的（按元是45.00万元）"
is "p11: nothing stored" "$(done_of LB25-001 2025-10)" ""
fails "p25: refused (the whole sheet in 元)" tz import progress "$d/p25_progress_whole_sheet_yuan.csv"
contains "p25: first row" "$TZ_TMP/err" \
	"p25_progress_whole_sheet_yuan.csv:3: 项目编号 2025-R04-001: 本期完成投资3000000.00万元是该项目已入库的总投资（123500.00万元）的24倍、本年度计划投资（35000.00万元）的85倍"
contains "p25: every row" "$TZ_TMP/err" "共3行，3行有错误，整个文件未导入"
# p07_b's outlier is also 10000 times the file's median (t1801's rule):
# both comparisons are said, the store's in short.
fails "p07_b: refused" tz import progress "$d/p07_progress_yuan_in_wanyuan_b.csv"
contains "p07_b: names ZQ25-004, the file's median and the stored 总投资" "$TZ_TMP/err" \
	"p07_progress_yuan_in_wanyuan_b.csv:5: 项目编号 ZQ25-004: 本期完成投资2500000.00万元是本表其他各行本期完成投资中位数（210.00万元）的11904倍，像是按元填写的（按元是250.00万元）；也是该项目已入库的总投资（4300.00万元）的581倍、本年度计划投资（2000.00万元）的1250倍；如确为此数"
fails "p07_b --partial: still refused" tz import progress --partial "$d/p07_progress_yuan_in_wanyuan_b.csv"
is "p07_b: nothing stored" "$(done_of ZQ25-001 2025-10)" ""
ok "own-p-big-month.csv: a month above 总投资, one 10 times the plan: read" \
	tz import progress "$d/own-p-big-month.csv"
is "own-p-big-month.csv: ZQ25-004" "$(done_of ZQ25-004 2025-10)" "4400.00"
is "own-p-big-month.csv: XS25-203" "$(done_of XS25-203 2025-10)" "3500.00"

# A correction 1000 times the stored report, up or down.
ok "own-p-sep.csv: September stored" tz import progress "$d/own-p-sep.csv"
fails "own-p-up.csv: refused (1000 times the stored report)" tz import progress "$d/own-p-up.csv"
contains "own-p-up.csv: names the stored amount" "$TZ_TMP/err" \
	"own-p-up.csv:2: 项目编号 2025-R04-001: 本期完成投资30000.00万元是已入库的同一调度期数（30.00万元）的1000倍，像是按元填写的（按元是3.00万元）"
fails "own-p-down.csv: refused (1/1000 of the stored report)" tz import progress "$d/own-p-down.csv"
contains "own-p-down.csv: names the stored amount" "$TZ_TMP/err" \
	"own-p-down.csv:3: 项目编号 ZQ25-001: 本期完成投资3.00万元只有已入库的同一调度期数（3000.00万元）的1000分之一，单位可能填错了"
is "own-p-*: September kept" "$(done_of 2025-R04-001 2025-09)/$(done_of ZQ25-001 2025-09)" "30.00/3000.00"

# 确认大额: as written; the report stored in 元 is then corrected down.
ok "p07_b --confirm-large: read" tz import progress --confirm-large "$d/p07_progress_yuan_in_wanyuan_b.csv"
is "p07_b --confirm-large: ZQ25-004" "$(done_of ZQ25-004 2025-10)" "2500000.00"
ok "own-p-fixed.csv: the correction of a report stored in 元 is read" \
	tz import progress "$d/own-p-fixed.csv"
is "own-p-fixed.csv: ZQ25-004 corrected" "$(done_of ZQ25-004 2025-10)" "2500.00"
ok "p11 --confirm-large: read" tz import progress --confirm-large "$d/p11_progress_yuan_small_row.csv"
is "p11 --confirm-large: LB25-002" "$(done_of LB25-002 2025-10)" "450000.00"

# --- Session-7 walkthrough: 元 the rules above still let through --------
fresh
fails "w7-one-project-yuan.csv: a plan of 1000亿 on an empty database" \
	tz import projects --year 2025 "$d/w7-one-project-yuan.csv"
contains "w7-one-project-yuan.csv: says why" "$TZ_TMP/err" \
	"本表年度计划投资是10000000.00万元，一个项目一年的计划不会在1000亿元以上，可能按元填写（按元是1000.00万元）"
is "w7-one-project-yuan.csv: nothing stored" "$(stored)" 0
base
fails "w7-one-project-yuan.csv: beside a stored ledger (430 times its median)" \
	tz import projects --year 2025 "$d/w7-one-project-yuan.csv"
fresh
fails "w7-total-only-yuan.csv: one 总投资 in 元" tz import projects --year 2025 "$d/w7-total-only-yuan.csv"
contains "w7-total-only-yuan.csv: names the median and the row's plan" "$TZ_TMP/err" \
	"w7-total-only-yuan.csv:4: 项目编号 T3: 总投资52000000.00万元是本表其他各行总投资中位数（11500.00万元）的4521倍，是本行年度计划投资（20000.00万元）的2600倍，像是按元填写的（按元是5200.00万元）"
is "w7-total-only-yuan.csv: nothing stored" "$(stored)" 0
ok "w7-big-real.csv: a real 150亿 project is read" tz import projects --year 2025 "$d/w7-big-real.csv"
is "w7-big-real.csv: B1" "$(amounts B1)" "1500000.00/300000.00"
base
fails "w7-month-over-total.csv: a month above the whole 总投资 and 22 times the plan" \
	tz import progress "$d/w7-month-over-total.csv"
contains "w7-month-over-total.csv: says why" "$TZ_TMP/err" \
	"w7-month-over-total.csv:3: 项目编号 YK25-002: 本期完成投资150000.00万元超过该项目已入库的总投资（18500.00万元）、本年度计划投资（6800.00万元）的22倍，像是按元填写的（按元是15.00万元）"
ok "w7-month-big-real.csv: a big month below the total is read" \
	tz import progress "$d/w7-month-big-real.csv"
is "w7-month-big-real.csv: stored" "$(done_of YK25-002 2025-11)" "6000.00"

done_testing
