#!/bin/bash
# t1829-audit10-sheets.sh: audit 10's spreadsheet findings (session 13).
# S1: a section row (一 / 续建项目, （二）社会事业类) carrying its group's
# sums was stored as a project when the 所属地区 was filled down the
# whole column, headings included: the sums counted twice, exit 0. Such
# rows are headings, skipped and counted; projects numbered 一、二、三
# stay projects. S2: an empty first sheet or a chart sheet before the
# ledger refused the file ("工作表“Sheet1”为空"); the ledger is read and
# the summary names the sheet passed over. S3: a row numbered 1 over rows
# numbered 1.1, 1.2 (a group with their sums, or a project and its parts)
# was stored beside them, the amounts counted twice: the file is refused
# naming both rows; a 序号 of 1.0, 2.0 (a float's tail) is no tier. S4:
# a money heading over 合计 and the sources it is made of (中央资金,
# 地方配套, 自筹) was refused as two 总投资 columns; the 合计 is read, the
# sources are parts; without a 合计 it is still refused.
# Inputs: tests/data/audit10-sheets (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/audit10-sheets"

# S1: the three projects only, the headings skipped and counted.
for f in sec-region-filled.csv sec-region-filled-gbk.csv sec-region-filled.xlsx \
	 sec-category-region.csv sec-paren-region.csv; do
	fresh
	ok "$f: imported" tz import projects --year 2025 "$d/$f"
	contains "$f: two headings skipped and counted" "$TZ_TMP/err" "分类标题2行"
	is "$f: the projects only, no heading stored" "$(ledger_rows)" \
		"东部快速路二期|站前区|30000.00|10000.00 站前污水厂|站前区|50000.00|20000.00 职业技术学院新校区|站前区|40000.00|15000.00"
done

fresh
ok "sec-bare-category.csv: imported" tz import projects --year 2025 "$d/sec-bare-category.csv"
contains "…（一）交通 skipped as a heading" "$TZ_TMP/err" "分类标题1行"
is "…the projects only" "$(ledger_rows)" \
	"东部快速路二期|站前区|30000.00|10000.00 站前污水厂|站前区|50000.00|20000.00 职业技术学院新校区|站前区|60000.00|25000.00"

# Projects numbered with Chinese numerals are projects.
fresh
ok "projects numbered 一、二、三" tz import projects --year 2025 "$d/cn-numbered-projects.csv"
is "…all three stored" "$(ledger_rows)" \
	"东部快速路二期|站前区|30000.00|10000.00 站前污水厂|站前区|50000.00|20000.00 职业技术学院新校区|站前区|40000.00|15000.00"

# S2: the ledger after an empty sheet or a chart sheet is read.
for f in empty-first.xlsx chart-first.xlsx; do
	fresh
	ok "$f: the ledger sheet is read" tz import projects --year 2025 "$d/$f"
	contains "$f: the sheet passed over is named" "$TZ_TMP/err" "跳过“"
	is "$f: both projects" "$(ledger_rows code)" \
		"XM2025141|东部快速路二期|站前区|30000.00|10000.00 XM2025142|港城热电联产|鲅鱼圈区|50000.00|20000.00"
done
fresh
fails "every sheet empty" tz import projects --year 2025 "$d/all-empty.xlsx"
contains "…the first sheet named" "$TZ_TMP/err" "工作表“Sheet1”为空"
is "…nothing stored" "$(stored)" "0"

# S3: a 序号 in tiers refuses the file, with --partial too; nothing stored.
for f in tiers-group.csv tiers-parts.xlsx; do
	for p in "" --partial; do
		fresh
		fails "$f $p: refused" tz import projects --year 2025 $p "$d/$f"
		is "$f $p: nothing stored" "$(stored)" "0"
	done
done
contains "tiers-parts.xlsx: both rows and their 序号 named" "$TZ_TMP/err" \
	"tiers-parts.xlsx:4: 第3行“港城热电联产”的序号是“1”，第4行的序号是“1.1”：序号分级，第3行像是下面几行的分组合计（或含有分项的项目），与下面的行都作为项目导入会把金额重复计算，整个文件未导入"
fresh
fails "tiers-group.csv refused" tz import projects --year 2025 "$d/tiers-group.csv"
contains "…naming the group row and the first row under it" "$TZ_TMP/err" \
	"tiers-group.csv:4: 第3行“站前区项目”的序号是“1”，第4行的序号是“1.1”"
for f in tiers-dash.csv tiers-paren.csv; do
	fresh
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	is "$f: nothing stored" "$(stored)" "0"
done
fresh
fails "tiers-dash.csv" tz import projects --year 2025 "$d/tiers-dash.csv"
contains "…1、 over 1-1 named" "$TZ_TMP/err" "第3行“站前区项目”的序号是“1、”，第4行的序号是“1-1”"
fresh
ok "a heading between 2 and (1) ends the group" tz import projects --year 2025 "$d/tiers-after-heading.csv"
is "…all three stored" "$(ledger_rows)" \
	"东部快速路二期|站前区|30000.00|10000.00 站前污水厂|站前区|50000.00|20000.00 职业技术学院新校区|站前区|40000.00|15000.00"
fresh
ok "序号 1.0, 2.0, 3.0: no tier" tz import projects --year 2025 "$d/seq-float.csv"
is "…all three stored" "$(ledger_rows)" \
	"东部快速路二期|站前区|30000.00|10000.00 站前污水厂|站前区|50000.00|20000.00 职业技术学院新校区|站前区|40000.00|15000.00"

# S4: the 合计 under a money heading is the column, its sources parts.
for f in sources-total.xlsx sources-total.csv sources-plan.xlsx; do
	fresh
	ok "$f: read" tz import projects --year 2025 "$d/$f"
	is "$f: 总投资 and plan from the 合计 columns" "$(ledger_rows code)" \
		"XM2025141|东部快速路二期|站前区|30000.00|10000.00 XM2025142|港城热电联产|鲅鱼圈区|30000.00|10000.00"
done
contains "sources-plan.xlsx: the sources named as not read" "$TZ_TMP/err" \
	"未识别、未导入的列：2025年计划投资（万元）中央投资、2025年计划投资（万元）自筹"
fresh
fails "sources without a 合计: refused" tz import projects --year 2025 "$d/sources-no-total.xlsx"
is "…nothing stored" "$(stored)" "0"

done_testing
