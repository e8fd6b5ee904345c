#!/bin/bash
# t1770-import-keeps-absent.sh: a file that has no column for a field says
# nothing of it, so re-importing such a file keeps what is stored (README:
# an import loses nothing). Found by a walkthrough (2026-11-30): a
# progress sheet without 形象进度/存在问题 erased them, and a ledger
# without 包联领导/责任单位/计划开工时间 erased those, as a 更正 with exit 0,
# taking projects out of their leader's view.
. "$(dirname "$0")/lib.sh"

d=$TZ_TMP
printf '%s\n' '年度,项目编号,项目名称,所属地区,项目类别,项目级别,建设性质,包联领导,责任单位,建设起止年限,总投资(万元),年度计划投资(万元),计划开工时间,建设单位' \
	'2025,A001,甲项目,东城区,产业,市重点,新开工,张三,东城区,2025-2027,12345.67,1000,2025-01,甲公司' >"$d/full.csv"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)' \
	'2025,A001,甲项目,东城区,12345.67,1000' >"$d/short.csv"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)' \
	'2025,A001,甲项目,东城区,20000,1000' >"$d/short-corrected.csv"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元)' \
	'2025,A001,甲项目,东城区,20000' >"$d/no-plan.csv"
printf '%s\n' '项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题' \
	'A001,2025-02,100,已开工,主体施工,资金不足' >"$d/report.csv"
printf '%s\n' '项目编号,调度期,本期完成投资(万元),开工状态' \
	'A001,2025-02,500,已开工' >"$d/report-short.csv"

row() { tz export projects | tail -n 1; }

tz init >/dev/null
ok "a full ledger" tz import projects "$d/full.csv"
full=$(row)
ok "the same project from a list without those columns" tz import projects "$d/short.csv"
contains "is unchanged, not a correction" "$TZ_TMP/err" "新增0，更正0，未变1"
is "and every stored field is kept" "$(row)" "$full"
ok "a correction of the total from such a list" tz import projects "$d/short-corrected.csv"
contains "is a correction" "$TZ_TMP/err" "更正1"
is "of the total only" "$(row)" "${full/12345.67/20000.00}"
is "包联领导 kept" "$(tz export projects | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(r[0]["包联领导"], r[0]["责任单位"], r[0]["计划开工时间"])')" "张三 东城区 2025-01"
plan() { tz export projects | python3 -c 'import csv,sys; r=[x for x in csv.DictReader(sys.stdin) if x["项目编号"]==sys.argv[1]]; print(repr(r[0]["年度计划投资(万元)"]), r[0]["包联领导"])' "${1:-A001}"; }
ok "a list without a plan column" tz import projects "$d/no-plan.csv"
contains "says the plan was kept" "$TZ_TMP/err" "文件没有年度计划投资列：1个已有台账行的年度计划投资保留不变"
not_in() { ! grep -q "$2" "$1"; }
ok "and does not call the project unplanned" not_in "$TZ_TMP/err" "没有年度计划投资（不计入"
is "keeps the stored plan, and the rest (audit 8: a correction erased it)" "$(plan)" "'1000.00' 张三"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元)' \
	'2025,A001,甲项目,东城区,900' '2025,A002,乙项目,东城区,800' >"$d/no-plan-below.csv"
fails "a total below the kept plan" tz import projects "$d/no-plan-below.csv"
contains "is a row error naming both" "$TZ_TMP/err" "总投资900.00万元小于已有的2025年度计划投资1000.00万元"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元)' \
	'2025,A002,乙项目,东城区,800' >"$d/no-plan-new.csv"
ok "a new project from a list without a plan column" tz import projects "$d/no-plan-new.csv"
is "has no plan (ledger.md)" "$(plan A002)" "'' "
contains "and is counted as unplanned" "$TZ_TMP/err" "其中1个项目没有年度计划投资"
printf '%s\n' '年度,项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)' \
	'2025,A001,甲项目,东城区,20000,' >"$d/empty-plan.csv"
ok "an empty cell in a plan column" tz import projects "$d/empty-plan.csv"
is "speaks: no plan" "$(plan)" "'' 张三"

ok "a report" tz import progress "$d/report.csv"
ok "corrected from a sheet without 形象进度 and 存在问题" tz import progress "$d/report-short.csv"
contains "a correction" "$TZ_TMP/err" "更正1"
tz export progress >"$d/progress.out"
contains "the amount corrected, the texts kept" "$d/progress.out" "A001,2025-02,500.00,已开工,主体施工,资金不足"
ok "the same sheet again" tz import progress "$d/report-short.csv"
contains "is unchanged" "$TZ_TMP/err" "新增0，更正0，未变1"
tz bulletin --period 2025-02 --format json >"$d/b.json"
is "the bulletin counts the corrected amount (unplanned: the last list had no plan)" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["ytd_completed_unplanned"])' "$d/b.json")" "500.00"
done_testing
