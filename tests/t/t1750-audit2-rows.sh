#!/bin/bash
# t1750-audit2-rows.sh: rows the second audit (2026-11-30, findings 3 and
# 4; tests/data/audit2-rows, ORIGIN.md) found stored wrong with exit
# status 0: subtotal and heading rows under a region merged down over
# them read as projects, and an amount merged down over several projects
# read into each of them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/audit2-rows"
# summary: "name total annual;" for every exported project, one line.
summary() {
	python3 - "$TZ_TMP/export.csv" <<'PY'
import csv
rows = csv.DictReader(open(__import__("sys").argv[1], encoding="utf-8-sig"))
print(" ".join(f'{r["项目名称"]}={r["总投资(万元)"]}/{r["年度计划投资(万元)"]}' for r in rows))
PY
}

# --- 3. Subtotal and heading rows: two projects of 100 and 200, and a
# row summing them (300/30) that is not a project ---------------------

for f in m-sub1.xlsx m-sub6.xlsx m-sub2.xlsx m-sub3.xlsx m-sub4.xlsx m-sub5.xlsx \
	 m-sub9.xlsx m-sub10.xlsx s-bracket-sub.csv h-hidden-sub.xlsx; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	contains "$f: the subtotal is skipped and counted" "$TZ_TMP/err" "合计/小计1行，分类标题0行"
	contains "$f: two rows" "$TZ_TMP/err" "导入2行"
	export_all
	is "$f: the two projects, once" "$(summary)" "甲项目=100.00/10.00 乙项目=200.00/20.00"
done

for f in m-sec0.xlsx m-sec1.xlsx m-sec2.xlsx m-sec4.xlsx m-sec5.xlsx; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	contains "$f: the heading is skipped and counted" "$TZ_TMP/err" "合计/小计0行，分类标题1行"
	export_all
	is "$f: the two projects, once" "$(summary)" "甲项目=100.00/10.00 乙项目=200.00/20.00"
done

# Ours: every kind of marker and heading under one region merged down
# over them all, each row carrying sums; and projects named like them.
seven="1号楼建设项目=10.00/1.00 A区安置房=20.00/2.00 老旧小区改造3个项目=30.00/3.00 会计服务中心=40.00/4.00 统计大楼=50.00/5.00 Summit大道=60.00/6.00 设计院改造=70.00/7.00"
fresh
ok "own-merged.xlsx: imported" tz import projects --year 2025 "$d/own-merged.xlsx"
contains "own-merged.xlsx: 9 totals and 4 headings skipped" "$TZ_TMP/err" "合计/小计9行，分类标题4行"
contains "own-merged.xlsx: seven projects" "$TZ_TMP/err" "导入7行"
export_all
is "own-merged.xlsx: the seven projects, once; names like headings stay" "$(summary)" "$seven"

fresh
ok "own-rows.csv: imported" tz import projects --year 2025 "$d/own-rows.csv"
contains "own-rows.csv: 10 totals and 5 headings skipped" "$TZ_TMP/err" "合计/小计10行，分类标题5行"
export_all
is "own-rows.csv: the seven projects, once" "$(summary)" "$seven"

# --- 4. An amount merged down over several projects is the group's ------

fails "mg-money.xlsx: refused" tz import projects --year 2025 "$d/mg-money.xlsx"
for l in 2 3; do
	contains "mg-money.xlsx: row $l says why" "$TZ_TMP/err" \
		"mg-money.xlsx:$l: 项目编号 P$((l - 1)): 总投资(万元)“1000”是从第2行起向下合并到多行的单元格，是这几行共同的金额，无法拆分到每个项目，该行未导入；请在每个项目的行中分别填写"
done
fresh
fails "mg-annual.xlsx: refused" tz import projects --year 2025 "$d/mg-annual.xlsx"
for l in 2 3; do
	contains "mg-annual.xlsx: row $l says why" "$TZ_TMP/err" \
		"mg-annual.xlsx:$l: 项目编号 P$((l - 1)): 年度计划投资(万元)“300”是从第2行起向下合并到多行的单元格"
done
export_all
is "mg-annual.xlsx: nothing stored" "$(summary)" ""

# Ours: 总投资 900 merged over Q1..Q3, 年度计划投资 merged empty over Q3
# and Q4 (no amount to share), the region merged over all (each row's).
fresh
fails "own-mg-money.xlsx: --partial stores the others, exit not 0" \
	tz import projects --year 2025 --partial "$d/own-mg-money.xlsx"
for l in 2 3 4; do
	contains "own-mg-money.xlsx: row $l refused" "$TZ_TMP/err" \
		"own-mg-money.xlsx:$l: 项目编号 Q$((l - 1)): 总投资(万元)“900”是从第2行起向下合并到多行的单元格"
done
export_all
is "own-mg-money.xlsx: Q4 and Q5 as written" "$(summary)" "丙四期=40.00/ 丙五期=50.00/5.00"

done_testing
