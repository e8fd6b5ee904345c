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

done_testing
