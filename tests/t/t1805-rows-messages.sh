#!/bin/bash
# t1805-rows-messages.sh: audit 9's findings on rows and messages
# (docs/audits/audit9-findings.md R8, R10, R13, R20, R21). A message
# quoting a cell stays on one line; rows that are Excel's subtotals or a
# list's top totals are skipped and counted (the top one only when its
# amounts are the sums below); a Big5 file is named so; 2千万 and
# 1亿2000万 are read exactly. Audit 9, 2026-12-01; inputs in
# tests/data/audit9-rows2 (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-rows2

# --- R20: a line break in a quoted cell ---------------------------------
# 1000 Alt+Enter 300 in a money cell is refused; the reason is one line,
# the break written \x0A (as the 项目编号 check writes a control byte).
for f in nl-amount.csv nl-amount.xlsx h-br-amount.xls; do
	fresh
	fails "$f: a two-line amount is refused" tz import projects --year 2025 "$d/$f"
	contains "$f: the reason on one line, the break as \\x0A" "$TZ_TMP/err" \
		"$f:2: 项目编号 P1: 总投资(万元)“1000\\x0A300”不是有效的金额"
	is "$f: every line of the output is a whole message" \
		"$(grep -c '^300' "$TZ_TMP/err")" 0
done

fresh
fails "nl-cells.csv: a two-line date and a CR in an amount are refused" \
	tz import projects --year 2025 "$d/nl-cells.csv"
contains "nl-cells: the date's break shown" "$TZ_TMP/err" \
	"nl-cells.csv:2: 项目编号 P1: 计划开工时间“2025年3月\\x0A2025年4月”不是有效的年月"
contains "nl-cells: the CR shown" "$TZ_TMP/err" \
	"项目编号 P2: 总投资(万元)“200\\x0D300”不是有效的金额"
is "nl-cells: three lines of output (two rows and the summary)" \
	"$(wc -l < "$TZ_TMP/err")" 3

# --- R13: Excel's 分类汇总 rows -----------------------------------------
# "交通 汇总" (or "水利 计数") alone in the grouped column, the name
# empty, SUBTOTAL amounts beside it: Excel's subtotal, skipped and counted.
fresh
ok "subtotal-cat-nocode.xlsx: imported" tz import projects --year 2025 "$d/subtotal-cat-nocode.xlsx"
is "subtotal-cat-nocode: the two projects" "$(ledger_rows)" "乙项目|乙县|2000.00|200.00 甲项目|甲县|1000.00|100.00"
contains "subtotal-cat-nocode: counted as totals" "$TZ_TMP/err" "合计/小计3行"

fresh
ok "subtotal-csv.csv: imported" tz import projects --year 2025 "$d/subtotal-csv.csv"
is "subtotal-csv: 汇总 and 计数 skipped, a project named 数据 汇总 kept" "$(ledger_rows)" \
	"丙项目|乙县|500.00|50.00 乙项目|乙县|2000.00|200.00 数据 汇总|甲县|80.00|8.00 甲项目|甲县|1000.00|100.00"
contains "subtotal-csv: three totals" "$TZ_TMP/err" "合计/小计3行"

# --- R21: the list's totals row at the top ------------------------------
two='乙项目|甲县|2000.00|200.00 甲项目|甲县|1000.00|100.00'
for n in 全部项目 所有项目 重点项目 全县重点项目 市级重点项目 甲县重点项目; do
	fresh
	ok "top-$n.csv: imported" tz import projects --year 2025 "$d/top-$n.csv"
	is "top-$n: the two projects" "$(ledger_rows)" "$two"
	contains "top-$n: the top row counted as a total" "$TZ_TMP/err" "合计/小计1行"
done

fresh
ok "top-noseq.csv: 2025年重点项目 over a list without 序号" \
	tz import projects --year 2025 "$d/top-noseq.csv"
is "top-noseq: the two projects" "$(ledger_rows)" "乙项目|乙县|2000.00|200.00 甲项目|甲县|1000.00|100.00"

fresh
fails "top-mismatch.csv: a top row that is not the sum" tz import projects --year 2025 "$d/top-mismatch.csv"
contains "top-mismatch: says why, naming the line" "$TZ_TMP/err" \
	"top-mismatch.csv:2: 第2行“全部项目”没有序号和所属地区，像是全表的合计行，但它的总投资3000.00万元不等于下面各项目之和2500.00万元"
is "top-mismatch: nothing stored" "$(ledger_rows)" ""

fresh
fails "top-plan-mismatch.csv: the plans are not the sum" \
	tz import projects --year 2025 "$d/top-plan-mismatch.csv"
contains "top-plan-mismatch: says why" "$TZ_TMP/err" \
	"它的年度计划投资300.00万元不等于下面各项目之和350.00万元"

fresh
fails "top-row-bad.csv: a project below is refused" tz import projects --year 2025 "$d/top-row-bad.csv"
contains "top-row-bad: the project's error" "$TZ_TMP/err" "top-row-bad.csv:4: 所属地区为空"
contains "top-row-bad: the top row unchecked" "$TZ_TMP/err" \
	"第2行“全县重点项目”没有序号和所属地区，像是全表的合计行，但下面有的行有错误"

fresh
ok "top-real-project.csv: 甲县重点项目 with 序号 and region is a project" \
	tz import projects --year 2025 "$d/top-real-project.csv"
is "top-real-project: both stored" "$(ledger_rows)" \
	"甲县重点项目|甲县|3000.00|300.00 甲项目|甲县|1000.00|100.00"

# --- R8: a Big5 CSV -----------------------------------------------------
# Big5 bytes read as GBK are nonsense: say the encoding, not "no header".
for f in enc-big5.csv big5-own.csv; do
	fresh
	fails "$f: a Big5 file is refused" tz import projects --year 2025 "$d/$f"
	contains "$f: says it is Big5" "$TZ_TMP/err" \
		"文件看起来是繁体中文的Big5编码（港澳台常用），不是UTF-8或GBK"
	is "$f: not blamed on the header" "$(grep -c 未找到表头 "$TZ_TMP/err")" 0
done
fresh
printf 'a,b,c\n1,2,3\n' > "$TZ_TMP/plain.csv"
fails "a file that is no ledger" tz import projects --year 2025 "$TZ_TMP/plain.csv"
contains "…is still 未找到表头" "$TZ_TMP/err" "未找到表头"

# --- R10: 2千万 and 1亿2000万 -------------------------------------------
fresh
ok "a-qianwan.csv: 2千万 read" tz import projects --year 2025 "$d/a-qianwan.csv"
is "a-qianwan: 2000万元" "$(ledger_rows code)" "P1|甲项目|甲县|2000.00|100.00"
fresh
ok "a-yi-wan.csv: 1亿2000万 read" tz import projects --year 2025 "$d/a-yi-wan.csv"
is "a-yi-wan: 12000万元" "$(ledger_rows code)" "P1|甲项目|甲县|12000.00|100.00"
fresh
ok "a-units-ok.csv: 1.2千万元, 3百万, 2亿500万元, 1億2000萬" \
	tz import projects --year 2025 "$d/a-units-ok.csv"
is "a-units-ok: exact" "$(ledger_rows code)" \
	"P1|甲项目|甲县|1200.00|300.00 P2|乙项目|甲县|20500.00|15000.00 P3|丙项目|甲县|12000.00|12000.00"
fresh
fails "a-units-bad.csv: 1.5亿2000万, 1亿12000万, 1亿2000 refused" \
	tz import projects --year 2025 "$d/a-units-bad.csv"
contains "a-units-bad: 1.5亿2000万" "$TZ_TMP/err" \
	"a-units-bad.csv:2: 项目编号 P1: 总投资(万元)“1.5亿2000万”不是有效的金额（亿和万混写时亿前应是整数"
contains "a-units-bad: 1亿12000万" "$TZ_TMP/err" \
	"项目编号 P2: 总投资(万元)“1亿12000万”不是有效的金额（亿和万混写时应写成如1亿2000万，万前不超过9999"
contains "a-units-bad: 1亿2000" "$TZ_TMP/err" "项目编号 P3: 总投资(万元)“1亿2000”不是有效的金额"
is "a-units-bad: nothing stored" "$(ledger_rows)" ""

done_testing
