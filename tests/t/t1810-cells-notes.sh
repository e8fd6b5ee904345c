#!/bin/bash
# t1810-cells-notes.sh: money cells and unit notes as the session-6
# walkthrough (2026-12-01) and audit 9 (R11) found them. A leading ¥/￥
# is the yuan's sign, the amount in the header's unit (refused beside a
# unit of the cell's own that is not the column's, and under a header
# that states no unit); ".35" is 0.35 and "1200." is 1200. Inputs in
# tests/data/walk3-cells (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk3-cells

# amounts CODE: "总投资/年度计划投资" of CODE in the 2025 ledger.
amounts() { export_all; echo "$(field "$1" 总投资 2025)/$(field "$1" 年度计划投资 2025)"; }

# --- Cells: ¥, a bare point ---------------------------------------------
fresh
ok "cells-wan.csv: imported" tz import projects --year 2025 "$d/cells-wan.csv"
is "cells-wan.csv: ￥1,200.00 and ¥100 under 万元" "$(amounts W-1)" "1200.00/100.00"
is "cells-wan.csv: 1200. and .35" "$(amounts W-2)" "1200.00/0.35"
is "cells-wan.csv: 1,200.00元 (the cell's own unit) and .1万元" "$(amounts W-3)" "0.12/0.10"
is "cells-wan.csv: full-width ￥１２００． and “￥ 300.5”" "$(amounts W-4)" "1200.00/300.50"

fresh
fails "cells-yi.csv: one row refused" tz import projects --year 2025 "$d/cells-yi.csv"
contains "cells-yi.csv: ￥ beside 元 in an 亿元 column refused" "$TZ_TMP/err" \
	"cells-yi.csv:4: 项目编号 Y-3: 总投资(万元)“￥1,200.00元”前有货币符号，又写了单位“元”，与本列金额的单位亿元不同：不知道该按哪个单位读；请删去货币符号或改为本列的单位"
fails "cells-yi.csv --partial: the others imported (status 1 for the refused row)" \
	tz import projects --year 2025 --partial "$d/cells-yi.csv"
is "cells-yi.csv: ￥1.2 and .35 under 亿元" "$(amounts Y-1)" "12000.00/3500.00"
is "cells-yi.csv: 12. under 亿元, 1,200.00万元 its own" "$(amounts Y-2)" "120000.00/1200.00"
is "cells-yi.csv: Y-3 not stored" "$(stored)" 2

fresh
fails "cells-yen-nounit.csv: ￥ under a header with no unit refused" \
	tz import projects --year 2025 "$d/cells-yen-nounit.csv"
contains "cells-yen-nounit.csv: says 元 or 万元 is unknown" "$TZ_TMP/err" \
	"cells-yen-nounit.csv:2: 项目编号 N-1: 总投资显示为“￥1,200.00”（人民币元的货币格式），而表头的“总投资”没有写金额单位：不知道金额是元还是万元"
fails "cells-yen-nounit.csv --partial (status 1 for N-1)" tz import projects --year 2025 --partial "$d/cells-yen-nounit.csv"
is "cells-yen-nounit.csv: N-2 with .5" "$(amounts N-2)" "1200.00/0.50"

# f24 (walkthrough): 3,500.00 with a trailing line break, 12.5万, １.２亿
# read; "3500" Alt+Enter "（含征地）" is an amount with a remark: refused.
fresh
fails "f24: the remark cell refused" tz import projects --year 2025 "$d/f24_ledger_odd_cells.csv"
contains "f24: names line, field, value" "$TZ_TMP/err" \
	"f24_ledger_odd_cells.csv:4: 项目编号 LB25-402: 年度计划投资(万元)“3500"
fails "f24 --partial (status 1 for LB25-402)" tz import projects --year 2025 --partial "$d/f24_ledger_odd_cells.csv"
is "f24: LB25-401" "$(amounts LB25-401)" "3500.00/12.50"

# --- The plan beside its adjustment -------------------------------------
# The adjusted plan supersedes (f20, walkthrough): read, the summary
# naming the column left; two adjusted plans stay refused.
# adjusted FILE CODE PLAN READ LEFT: imported, CODE's plan PLAN, the note.
adjusted() {
	fresh
	ok "$1: imported" tz import projects --year 2025 "$d/$1"
	contains "$1: says which plan was read" "$TZ_TMP/err" \
		"年度计划投资读取调整后的“$4”，未读取调整前的“$5”"
	export_all
	is "$1: $2 has the adjusted plan" "$(field "$2" 年度计划投资 2025)" "$3"
}
adjusted f20_ledger_plan_and_adjusted_plan.csv GZ25-301 1500.00 \
	"调整后年度计划投资（万元）" "年度计划投资（万元）"
is "f20: GZ25-302's adjusted plan (lower)" "$(amounts GZ25-302)" "2000.00/600.00"
adjusted adj-remark.csv A-1 1500.00 "年度计划（调整后）（万元）" "年度计划投资（万元）"
adjusted adj-tiaozheng.csv A-1 1200.00 "调整计划投资（万元）" "年度计划投资（万元）"
adjusted adj-houjihua.csv A-1 800.00 "调整后计划" "年度计划"
fresh
fails "adj-two.csv: two adjusted plans refused" tz import projects --year 2025 "$d/adj-two.csv"
contains "adj-two.csv: names both" "$TZ_TMP/err" \
	"第F列“调整后年度计划（万元）”和第G列“调整计划投资（万元）”都是“年度计划投资(万元)”"
fresh
ok "adj-before.csv: 调整前 is no plan" tz import projects --year 2025 "$d/adj-before.csv"
is "adj-before.csv: the plan" "$(amounts A-1)" "3000.00/1200.00"

# --- A note stating the unit the header does not ------------------------
# The header states no unit: the note is the sheet's only unit, read
# with a notice (f23, walkthrough: at the bottom; ours: under the header,
# with other words). A note contradicting a header's unit stays refused.
fresh
ok "f23 (GBK, note at the bottom): imported" \
	tz import projects --year 2025 "$d/f23_ledger_note_below_unit_yiyuan.csv"
contains "f23: says the unit applied" "$TZ_TMP/err" "第5行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"
is "f23: GZ25-401 in 亿元" "$(amounts GZ25-401)" "26000.00/10000.00"
is "f23: GZ25-402 in 亿元" "$(amounts GZ25-402)" "4500.00/2000.00"
fresh
ok "note-top.csv: imported" tz import projects --year 2025 "$d/note-top.csv"
contains "note-top.csv: says the unit applied" "$TZ_TMP/err" "第3行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"
is "note-top.csv: N-2 in 亿元" "$(amounts N-2)" "4500.00/2000.00"
fresh
ok "note-extra.csv: imported" tz import projects --year 2025 "$d/note-extra.csv"
is "note-extra.csv: N-1 in 亿元" "$(amounts N-1)" "26000.00/10000.00"
fresh
ok "note-title.csv: imported" tz import projects --year 2025 "$d/note-title.csv"
is "note-title.csv: N-1 in 亿元" "$(amounts N-1)" "26000.00/10000.00"
fresh
fails "note-contradicts.csv: refused" tz import projects --year 2025 "$d/note-contradicts.csv"
contains "note-contradicts.csv: says why" "$TZ_TMP/err" \
	"note-contradicts.csv:3: 第3行注明金额单位为亿元，与表头的单位不同（总投资、年度计划投资按万元读）"
is "note-contradicts.csv: nothing stored" "$(stored)" 0
fresh
fails "note-bad-row.csv: refused" tz import projects --year 2025 --partial "$d/note-bad-row.csv"
contains "note-bad-row.csv: says why" "$TZ_TMP/err" \
	"note-bad-row.csv:4: 第4行注明金额单位为亿元，表头的金额没有写单位，金额应按亿元读；但上面有1行有错误"
is "note-bad-row.csv: nothing stored" "$(stored)" 0

# A note offering two units ("亿元或万元", "亿元/万元") says nothing
# certain: refused, whatever the header states; a price (元/平方米) is
# no unit of the amounts.
for f in note-or.csv note-slash.csv note-or-wan.csv; do
	fresh
	fails "$f: refused" tz import projects --year 2025 --partial "$d/$f"
	contains "$f: names the two units" "$TZ_TMP/err" "$f:3: 第3行注明金额单位为“亿元"
	contains "$f: says why" "$TZ_TMP/err" "写了两个单位，不知道金额该按哪个单位读，整个文件未导入"
	is "$f: nothing stored" "$(stored)" 0
done
fresh
ok "note-price.csv: a price is no unit of the amounts" tz import projects --year 2025 "$d/note-price.csv"
is "note-price.csv: read in 万元" "$(amounts P1)" "2.00/1.00"

# --- One project over rows merged down (audit 9, R11) ---------------------
# The code (or name) and every amount merged over the same rows: one
# project, read once. An amount merged past the project's rows, or a
# continuing row with an amount of its own, refuses the file.
fresh
ok "merge-2rows-all.xlsx (the auditor's): imported" \
	tz import projects --year 2025 "$d/merge-2rows-all.xlsx"
is "merge-2rows-all.xlsx: P1 once" "$(amounts P1)" "1000.00/100.00"
is "merge-2rows-all.xlsx: P2" "$(amounts P2)" "2000.00/200.00"
is "merge-2rows-all.xlsx: two projects" "$(stored)" 2
fresh
ok "merge-3rows-name.xlsx: no codes, three rows" tz import projects --year 2025 "$d/merge-3rows-name.xlsx"
is "merge-3rows-name.xlsx: two projects" "$(stored)" 2
is "merge-3rows-name.xlsx: the merged one" \
	"$(tz export projects | grep 配套管网 | cut -d, -f12,13)" "3000.00,300.00"
for f in merge-money-longer.xlsx merge-own-value.xlsx; do
	fresh
	fails "$f: refused" tz import projects --year 2025 --partial "$d/$f"
	contains "$f: says why" "$TZ_TMP/err" \
		"第2行起的项目的单元格向下合并到多行，而金额的合并范围与项目编号的不同，不知道金额属于哪个项目，整个文件未导入"
	is "$f: nothing stored" "$(stored)" 0
done

done_testing
