#!/bin/bash
# t1804-header-forms.sh: header forms real sheets write that were read
# wrong or not at all — the plan under the words of 下达计划 lists
# (年度投资任务, 年度投资目标, 下达年度计划, 年度计划投资额: the plan was
# silently absent, exit 0); 投资总额 and 总投资（估算） as 总投资; a
# footnote mark or a remark on a money header (总投资（亿元）*,
# 总投资（亿元）（含征地）); headers over three rows; a hidden column
# beside a visible one of the same name. Audit 9 (R5, R14, R22, R2, R9),
# 2026-12-01; inputs in tests/data/audit9-headers (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-headers

# reads FILE EXPECTED [ARGS…]: imported with --year 2025, every stored
# row (NAME|REGION|TOTAL|PLAN, sorted) as expected.
reads() {
	local f=$1 want=$2
	shift 2
	fresh
	ok "$f: imported" tz import projects --year 2025 "$@" "$d/$f"
	is "$f: stored" "$(ledger_rows)" "$want"
}

# refused FILE TEXT…: refused, nothing stored, the message holds each TEXT.
refused() {
	local f=$1
	shift
	fresh
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	for s in "$@"; do
		contains "$f: says $s" "$TZ_TMP/err" "$s"
	done
	is "$f: nothing stored" "$(stored)" 0
}

# --- R5: the plan as 下达计划 lists name it ----------------------------

for f in h-ndrw.csv h-ndtzmb.csv h-xiadajh.csv; do
	reads "$f" '甲项目|甲县|1000.00|300.00'
	not_contains=$(grep -c '没有年度计划投资' "$TZ_TMP/err")
	is "$f: no project said to lack a plan" "$not_contains" 0
done
reads plan-e-wan.csv '乙项目|乙县|2000.00|450.50 甲项目|甲县|1000.00|300.00'
reads plan-xiada-yi.csv '乙项目|乙县|8000.00|1000.00 甲项目|甲县|12000.00|3500.00'
reads plan-task-year.csv '甲项目|甲县|1000.00|300.00'
fresh
ok "plan-task-year.csv: the year from the title" tz import projects "$d/plan-task-year.csv"
is "plan-task-year.csv: 2025年度投资任务 is the 2025 plan" "$(ledger_rows)" '甲项目|甲县|1000.00|300.00'
# 年度计划投资额 without a unit beside 总投资额（亿元）: now read as the plan,
# its unit is unknown — refused (W2's rule), no longer silently absent.
refused hdr-jine-yi.csv "“年度计划投资额”没有写金额单位，而“总投资额（亿元）”写的是亿元"

# --- R14: 投资总额, 总投资（估算） are 总投资 ----------------------------

reads amb-tzze.csv '甲项目|甲县|1000.00|'
reads amb-ztz-gusuan.csv '甲项目|甲县|1000.00|'
reads tzze-yi.csv '乙项目|乙县|500.00|100.00 甲项目|甲县|12000.00|1000.00'
refused tzze-beside-ztz.csv "第D列“项目投资总额（万元）”和第E列“总投资（万元）”都是“总投资(万元)”"
# Words that may be any amount stay refused: 投资额, 金额.
refused amb-tze.csv "缺少必需的列：总投资(万元)"
refused amb-jine.csv "缺少必需的列：总投资(万元)"

# --- R22: footnote marks and remarks on money headers -------------------

for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
	reads "fn-$n.csv" '甲项目|甲县|12000.00|1000.00'
	contains "fn-$n.csv: the summary says how the header was read" "$TZ_TMP/err" \
		"读作“总投资(亿元)”"
done
reads fn-own-marks.csv '甲项目|甲县|1200.00|300.00'
contains "fn-own-marks.csv: 总投资（概算）（千元） in 千元" "$TZ_TMP/err" \
	"表头“总投资（概算）（千元）”读作“总投资(千元)”"
contains "fn-own-marks.csv: the plan's mark said too" "$TZ_TMP/err" \
	"表头“年度计划投资（千元）※”读作“年度计划投资(千元)”"
reads fn-own-plan-remark.csv '甲项目|甲县|20000.00|1500.00'
reads fn-own-circled.csv '甲项目|甲县|2000.00|500.00'
refused fn-own-near-total.csv "缺少必需的列：总投资(万元)" \
	"第D列“总投资（亿元）（待定）”像是总投资，但括号中的“待定”不知道是什么意思"
refused fn-own-near-plan.csv \
	"第E列“年度计划投资（万元）（1-6月）”像是年度计划投资，但括号中的“1-6月”不知道是什么意思" \
	"整个文件未导入"
refused fn-own-two-totals.csv "第D列“总投资（亿元）”和第E列“总投资（含征地，亿元）”"
fresh
tz import projects --year 2025 "$d/base.csv" 2>/dev/null
ok "fn-own-progress.csv: 本月完成投资（万元）* read" tz import progress "$d/fn-own-progress.csv"
tz export progress --out "$TZ_TMP/export.csv"
is "fn-own-progress.csv: 90 stored for 2025-10" "$(field P1 本期完成投资)" "90.00"

# --- R2: headers over three rows ------------------------------------------

# 投资情况（万元） / 总投资, 其中 / 年度计划投资 (merged; the audit's): the
# plan under 其中 was read as no column and every project had no plan.
reads hdr-three-rows.xlsx '甲项目|甲县|1000.00|100.00'
# 投资情况 / （亿元） merged across / 总投资, 年度计划投资 (the audit's).
reads hdr-three-rows-unit-mid.xlsx '甲项目|甲县|12000.00|1000.00'
reads three-rows.csv '乙项目|乙县|5000.00|500.00 甲项目|甲县|12000.00|3000.00'
reads three-rows-unit-mid.csv '甲项目|甲县|12000.00|3000.00'
refused three-rows-two-units.csv "表头“年度计划投资”上方的两层表头写了不同的金额单位"

done_testing
