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
ok "a list without a plan column" tz import projects "$d/no-plan.csv"
is "stores no plan (ledger.md), the rest kept" \
	"$(tz export projects | python3 -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(repr(r[0]["年度计划投资(万元)"]), r[0]["包联领导"])')" "'' 张三"

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
