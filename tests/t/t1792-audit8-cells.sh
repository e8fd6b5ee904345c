#!/bin/bash
# t1792-audit8-cells.sh: cells that are not what they seem in a CSV or a
# workbook are refused, never stored as a wrong value (audit 8,
# 2026-11-30, findings 4, 5 and 12; inputs in tests/data/audit8-cells,
# ORIGIN.md): an unquoted thousands comma that splits an amount (a field
# beyond the header, or a money cell 000/050), a 项目编号 Excel cut to 15
# digits (a number cell, or 2.02021E+19 in a CSV), and a CSV period or
# start 2025.1 (January or October).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit8-cells

refused() { # name file message-text...
	local name=$1 file=$2
	shift 2
	fresh
	fails "$name" tz import projects --year 2025 "$d/$file"
	for s in "$@"; do
		contains "$name: says $s" "$TZ_TMP/err" "$s"
	done
	is "$name: nothing stored" "$(stored)" 0
}

refused_progress() { # name file message-text...
	local name=$1 file=$2
	shift 2
	fresh
	tz import projects --year 2025 "$d/base.csv" 2>/dev/null
	fails "$name" tz import progress "$d/$file"
	for s in "$@"; do
		contains "$name: says $s" "$TZ_TMP/err" "$s"
	done
	tz export progress --out "$TZ_TMP/export.csv"
	is "$name: no progress stored" "$(tail -n +2 "$TZ_TMP/export.csv")" ""
}

# Finding 4: unquoted thousands.
refused "12,000 and 1,200 unquoted (the audit's)" csv-unquoted-thousands.csv \
	":2:" "第2行总投资(万元)的金额被千位分隔逗号拆开了：“12”和“000”是没有加引号的“12,000”"
refused "split row with the header's field count (the audit's)" \
	csv-unquoted-thousands-samecount.csv ":2:" "第2行总投资(万元)为“12”，其后一列（年度计划投资(万元)）为“000”，而建设单位为“1200”" \
	"像是没有加引号的“12,000”被千位分隔的逗号拆成了2个字段，也可能金额确实是12"
refused "1,050 split into 1 and 050 under five columns" thousands-050-samecount.csv \
	"第2行总投资(万元)的金额被千位分隔逗号拆开了：“1”、“050”和“100”是没有加引号的“1,050,100”拆成的3个字段（也可能只有前2个是，即“1,050”" \
	"请把金额写成不带逗号的 1050100 或 1050（看它实际是哪个）"
refused "a note beyond the header (the audit's)" csv-extra-field.csv \
	"第6个字段“备注：含征地”不在任何一列下"
refused_progress "progress 1,500 unquoted (the audit's)" p-unquoted-thousands.csv \
	"第2行本期完成投资(万元)的金额被千位分隔逗号拆开了：“1”和“500”"
refused_progress "progress 本期完成 000" p-thousands-000.csv "本期完成投资(万元)“000”以0开头"
fresh
ok "quoted thousands, 0.5 and 0 are read" tz import projects --year 2025 "$d/thousands-quoted.csv"
export_all
is "quoted 12,000" "$(field P1 总投资)" 12000.00
is "quoted 1,200" "$(field P1 年度计划投资)" 1200.00
is "0.5 is not a split group" "$(field P2 总投资)" 0.50
is "0 is not a split group" "$(field P2 年度计划投资)" 0.00
fresh
ok "empty fields beyond the header are nothing" \
	tz import projects --year 2025 "$d/trailing-empty-fields.csv"
export_all
is "their row read" "$(field P1 总投资)" 12000.00

# Finding 5: codes Excel cut to 15 significant digits.
refused "a 20-digit code in a number cell (the audit's)" code-excel-15digits-a.xlsx \
	"项目编号“20202108004801000000”被 Excel 当作数字保存" "请把该列设为文本格式"
fails "its twin file is refused too" tz import projects --year 2025 "$d/code-excel-15digits-b.xlsx"
is "so nothing overwrites anything" "$(stored)" 0
refused "a 16-digit code in a number cell" code-number-16digits.xlsx "被 Excel 当作数字保存"
refused "2.02021E+19 in a CSV (the audit's)" code-sci-csv.csv "项目编号“2.02021E+19”被 Excel 当作数字保存"
fresh
fails "2.0202108E+19 refused, 12E3 (no sign) is a code" \
	tz import projects --year 2025 --partial "$d/code-sci-and-plain.csv"
contains "the E+ row named" "$TZ_TMP/err" ":2:"
export_all
is "12E3 stored as written" "$(field 12E3 总投资)" 100.00
fresh
ok "a 15-digit code in a number cell is whole" \
	tz import projects --year 2025 "$d/code-number-15digits.xlsx"
export_all
is "stored as typed" "$(field 123456789012345 总投资)" 100.00

# Finding 12: 2025.1 in a CSV is what Excel showed: January or October.
refused "计划开工时间 2025.1 in a CSV (the audit's)" start-csv-2025.1.csv \
	"计划开工时间“2025.1”可能是2025年1月，也可能是2025年10月" "请写成“2025-01”或“2025-10”"
refused_progress "调度期 2025.1 in a CSV (the audit's)" p-csv-period-2025.1.csv \
	"调度期“2025.1”可能是2025年1月，也可能是2025年10月"
refused_progress "调度期 2024.1 in a tab-separated text file" p-tab-period-2024.1.txt \
	"请写成“2024-01”或“2024-10”"
fresh
tz import projects --year 2025 "$d/base.csv" 2>/dev/null
ok "调度期 2025.3 in a CSV is March" tz import progress "$d/p-csv-period-2025.3.csv"
tz export progress --out "$TZ_TMP/export.csv"
is "stored 2025-03" "$(field P1 调度期)" 2025-03

# Finding 9: a second code that only looks different is the same project.
for f in code-u2028.csv code-uFE0F.csv code-u3164.csv code-u115F.csv; do
	fresh
	tz import projects --year 2025 "$d/base.csv" 2>/dev/null
	ok "$f: P1 with an invisible character" tz import projects --year 2025 "$d/$f"
	contains "$f: a correction" "$TZ_TMP/err" "更正1"
	contains "$f: said removed" "$TZ_TMP/err" "不可见字符"
	is "$f: still two projects" "$(stored)" 2
	is "$f: P1 corrected" "$(field P1 总投资)" 15000.00
done
for f in code-endash-correction.csv code-u2010-correction.csv code-minus-correction.csv; do
	fresh
	tz import projects --year 2025 "$d/code-dash-first.csv" 2>/dev/null
	ok "$f: the code with other dashes" tz import projects --year 2025 "$d/$f"
	contains "$f: a correction" "$TZ_TMP/err" "更正1"
	is "$f: still one project" "$(stored)" 1
done
is "U+2212 folded to '-'" "$(field 2020-210800-48-01-012345 总投资)" 3000.00

done_testing
