#!/bin/bash
# t1797-codes.sh: one project, one code. A project written with its code
# in another form — p1 for P1, 2025001.0 for 2025001, '001234 for
# 001234 — is the same project; a new code whose region and name equal a
# stored project's (stripped zeros, a 项目代码 given to
# a project that had a code made up for it, a name with marks * ★ or
# quotes) is refused naming that project (a decorated 项目代码 is read as
# the code: t1802), never a second project; a
# column headed 编号 holding row numbers 1, 2, 3 … is refused as codes; a
# correction that makes a code another project (name and region both
# changed) is refused, a change of name or region alone listed in the
# summary. Audit 8 (code-later, lower case) and audit 9 W1, W12, W13, W15
# (2026-11-30/12-01); inputs in tests/data/audit9-codes and
# tests/data/audit8-rows (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-codes
d8=$TZ_TOP/tests/data/audit8-rows

# rows: "编号|名称|地区|总投资|年度计划" of every stored project, sorted.
rows() { ledger_rows code; }

# sql STATEMENT: run on the test database (an older version's data).
sql() {
	python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' \
		"$TAIZHANG_DB" "$1"
}

base='P1|甲项目|甲县|10000.00|1200.00 P2|乙项目|乙县|20000.00|2400.00'

# --- 1. Lower case: p1 is P1 -------------------------------------------

fresh
ok "audit 8 base" tz import projects --year 2025 "$d8/base.csv"
ok "p1 corrects P1" tz import projects --year 2025 "$d8/code-lowercase-correction.csv"
contains "p1: a correction" "$TZ_TMP/err" "（新增0，更正1，未变0）"
contains "p1: said" "$TZ_TMP/err" "1个项目编号含小写字母，已按大写读取（如“p1”即“P1”）"
is "p1: one 甲项目, corrected" "$(rows)" \
	'P1|甲项目|甲县|15000.00|1500.00 P2|乙项目|乙县|20000.00|2400.00'

fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
ok "the list again in lower case" tz import projects --year 2025 "$d/lower-all.csv"
contains "lower case again: unchanged" "$TZ_TMP/err" "（新增0，更正0，未变2）"
ok "a progress report keyed p1" tz import progress "$d/lower-progress.csv"
contains "progress p1: booked on P1" "$TZ_TMP/err" "导入1行（新增1"

# A database written before codes were folded holds p1.
fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
sql "UPDATE project SET code = 'p1' WHERE code = 'P1'"
ok "P1 against a stored p1" tz import projects --year 2025 "$d8/code-lowercase-correction.csv"
contains "stored p1: a correction" "$TZ_TMP/err" "（新增0，更正1，未变0）"
is "stored p1: still two projects" "$(stored)" 2
ok "a report keyed P1 against a stored p1" tz import progress "$d/lower-progress.csv"

# Both p1 and P1 stored (the old bug's result): which one is meant?
fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
ok "third" tz import projects --year 2025 "$d/third.csv"
sql "UPDATE project SET code = 'p2' WHERE code = 'P2'"
sql "UPDATE project SET code = 'P2' WHERE code = 'P3'"
fails "p2 beside P2 stored: refused" tz import projects --year 2025 "$d/lower-all.csv"
contains "p2 beside P2: says why" "$TZ_TMP/err" \
	"lower-all.csv:2: 项目编号 P2: 已有两个项目编号与“P2”只差字母大小写，无法分辨是哪一个"

# --- 2. A code given later to a project with a made-up code ----------

fresh
ok "list without codes" tz import projects --year 2025 "$d8/code-later-1-nocode.csv"
fails "the same list with 项目代码: refused" tz import projects --year 2025 "$d8/code-later-2-with-code.csv"
contains "code-later: names the project" "$TZ_TMP/err" \
	"code-later-2-with-code.csv:2: 项目编号 2020-210800-48-01-012345: 与已有项目2025-R01-001（甲县 甲项目）名称、地区相同，编号不同：请核对编号"
is "code-later: 甲项目 once" "$(rows)" \
	'2020-210800-48-01-012346|乙项目|乙县|2000.00|200.00 2025-R01-001|甲项目|甲县|1000.00|100.00'

# --- 3. 编号 holding row numbers (W1) ---------------------------------

for f in bh-a.csv "hx-编 号.csv" hx-项目编码.csv bh-sections.csv; do
	fresh
	fails "$f: 编号 1, 2 … refused" tz import projects --year 2025 "$d/$f"
	contains "$f: says why" "$TZ_TMP/err" \
		"$f:1: 编号列的值是各行的序号（1、2、3…），不是项目编号；整个文件未导入。请把该列的表头改为“序号”"
	is "$f: nothing stored" "$(rows)" ""
done

fresh
ok "编号 holding real codes" tz import projects --year 2025 "$d/bh-real-codes.csv"
is "real codes under 编号 stored" "$(rows)" \
	'JX-1001|甲项目|甲县|1000.00|100.00 JX-1002|乙项目|乙县|2000.00|200.00'
fresh
ok "编号 holding numbers that are not 1..n" tz import projects --year 2025 "$d/bh-numeric-codes.csv"
is "numbers not 1..n under 编号 are codes" "$(rows)" \
	'3|甲项目|甲县|1000.00|100.00 7|乙项目|乙县|2000.00|200.00'

# Name and region both changed: another project, not a correction.
fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
fails "P1 made 丙项目 of 乙县: refused" tz import projects --year 2025 "$d/rename.csv"
contains "rename: names both" "$TZ_TMP/err" \
	"rename.csv:2: 项目编号 P1: 项目编号P1已是甲县的“甲项目”，本行写的是乙县的“丙项目”：名称和地区都不同，不像是同一项目的更正"
is "rename: P1 unchanged" "$(rows)" "$base"
ok "P1 renamed only" tz import projects --year 2025 "$d/rename-name.csv"
contains "rename-name: listed" "$TZ_TMP/err" "项目编号P1：名称由甲项目改为丙项目"
fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
ok "P1 moved to 乙县 only" tz import projects --year 2025 "$d/rename-region.csv"
contains "rename-region: listed" "$TZ_TMP/err" "项目编号P1：地区由甲县改为乙县"
ok "the same list again" tz import projects --year 2025 "$d/rename-region.csv"
contains "again: unchanged, nothing listed" "$TZ_TMP/err" "（新增0，更正0，未变1）"
is "again: no rename listed" "$(grep -c 地区由 "$TZ_TMP/err")" 0

# --- 4. Float tails, stripped zeros, text prefix (W12) ----------------

fresh
ok "code0-a" tz import projects --year 2025 "$d/code0-a.csv"
ok "2025001.0 corrects 2025001" tz import projects --year 2025 "$d/code0-b.csv"
contains "2025001.0: said" "$TZ_TMP/err" "1个项目编号带有小数尾“.0”（数字单元格导出所致），已去掉"
is "2025001.0: one project" "$(rows)" '2025001|甲项目|甲县|1500.00|150.00'

fresh
ok "a number cell 2025001" tz import projects --year 2025 "$d/code-num-a.xlsx"
ok "a text cell 2025001.0" tz import projects --year 2025 "$d/code-float-b.xlsx"
is "xlsx 2025001.0: one project" "$(rows)" '2025001|甲项目|甲县|1500.00|150.00'

fresh
ok "2025002.0 and 2025003.00 read as codes" tz import projects --year 2025 "$d/code0-mixed.csv"
is "code0-mixed: tail folded" "$(rows)" \
	'2025001|甲项目|甲县|1000.00|100.00 2025002|乙项目|甲县|1500.00|150.00'
fresh
ok "float-forms" tz import projects --year 2025 "$d/float-forms.csv"
is "float-forms: .00 folded; not on a code with letters" "$(rows)" \
	'2025003|丙项目|甲县|1000.00|100.00 20250A.0|丁项目|甲县|1000.00|100.00'

fresh
ok "cq-a" tz import projects --year 2025 "$d/cq-a.csv"
ok "'001234 corrects 001234" tz import projects --year 2025 "$d/cq-apos.csv"
contains "'001234: said" "$TZ_TMP/err" "1个项目编号前有文本标记“'”，已去掉"
is "'001234: one project" "$(rows)" '001234|甲项目|甲县|1500.00|100.00'
fails "1234 beside 001234: refused" tz import projects --year 2025 "$d/cq-strip.csv"
contains "1234: names 001234" "$TZ_TMP/err" \
	"cq-strip.csv:2: 项目编号 1234: 与已有项目001234（甲县 甲项目）名称、地区相同，编号不同：请核对编号"

# The guard in general: another code for 甲项目 of 甲县.
fresh
ok "base" tz import projects --year 2025 "$d/base9.csv"
for f in other-code.csv other-code-marked.csv other-code-quoted.csv; do
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	contains "$f: names P1" "$TZ_TMP/err" \
		"$f:2: 项目编号 P9: 与已有项目P1（甲县 甲项目）名称、地区相同，编号不同：请核对编号"
done
is "guard: nothing added" "$(rows)" "$base"
ok "the base again" tz import projects --year 2025 "$d/base9.csv"
contains "re-import: unchanged" "$TZ_TMP/err" "（新增0，更正0，未变2）"
ok "another year's ledger may give 甲项目 another code" tz import projects --year 2026 "$d/other-year.csv"

# --- 5. Decorated national codes (W13) --------------------------------
# Under a 项目代码 header a cell holding one code written otherwise is
# that code (the audit's meaning for W13; t1802 has every form): the
# same project corrected, never a second one.

for f in nc-note.csv nc-nodash.csv nc-slash.csv; do
	fresh
	ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
	ok "$f: read as the stored code" tz import projects --year 2025 "$d/$f"
	contains "$f: a correction" "$TZ_TMP/err" "（新增0，更正1，未变0）"
	is "$f: one 甲项目" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1500.00|100.00'
done

# --- 6. Names with marks in lists without codes (W15) -----------------

for f in nm-f.csv nm-e.csv; do
	fresh
	ok "nm-a" tz import projects --year 2025 "$d/nm-a.csv"
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	contains "$f: names the project" "$TZ_TMP/err" \
		"与已有项目2025-R01-001（甲县）只差名称前后的标记符号或引号，无法确定是否同一项目"
	is "$f: one project" "$(rows | grep -c '|甲县|')" 1
done
fresh
ok "nl-base" tz import projects --year 2025 "$d/nl-base.csv"
fails "※甲项目△: refused" tz import projects --year 2025 "$d/nl-marked.csv"
contains "nl-marked: says why" "$TZ_TMP/err" \
	"nl-marked.csv:2: “※甲项目△”与已有项目2025-R01-001（甲县）只差名称前后的标记符号或引号"

done_testing
