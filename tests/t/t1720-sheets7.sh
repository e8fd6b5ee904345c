#!/bin/bash
# t1720-sheets7.sh: the last classes of issue 7 an audit found
# (tests/data/sheets7: ours for each class, and the auditor's): escaped
# control characters, --sheet on a file without sheets, lists whose
# national 项目代码 is partly empty, instructions sheets before the data,
# parts that inflate to nothing, full-width codes stored by earlier
# versions.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/sheets7"
fresh() { rm -f "$TAIZHANG_DB"*; tz init >/dev/null; }
stored() {
	tz export projects --out "$TZ_TMP/export.csv"
	python3 -c 'import sys; print(sum(1 for _ in open(sys.argv[1], encoding="utf-8-sig")) - 1)' "$TZ_TMP/export.csv"
}
# field CODE COLUMN: a column of the ledger export.
field() {
	tz export projects --out "$TZ_TMP/export.csv"
	python3 - "$TZ_TMP/export.csv" "$1" "$2" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    if r["项目编号"] == sys.argv[2]:
        print(next(v for k, v in r.items() if k.startswith(sys.argv[3])))
PY
}

# --- 1. _x0000_ is a NUL: the row refused, as a NUL in a CSV cell ------
# (A NUL byte in a CSV refuses the file: in text it means a file that is
# not text, or is broken; in a workbook the escape marks one cell.)
fresh
fails "a NUL byte in a CSV" tz import projects --year 2025 "$d/nul-byte.csv"
contains "refuses the file naming line and column" "$TZ_TMP/err" "nul-byte.csv:2: 第2行第2列含有空字符（字节0），文件可能已损坏或不是文本文件"
for f in esc-nul-shared.xlsx esc-nul-inline.xlsx esc-nul.xls; do
	fresh
	fails "$f: a NUL in a cell" tz import projects --year 2025 "$d/$f"
	contains "$f: the row is refused naming the field" "$TZ_TMP/err" "$f:2: 项目编号 E1: 项目名称含有空字符（NUL），文件可能已损坏"
	contains "$f: in the code too" "$TZ_TMP/err" "$f:4: 项目编号 E3: 项目编号含有空字符（NUL），文件可能已损坏"
	is "$f: nothing stored" "$(stored)" 0
	fails "$f: --partial reads the others" tz import projects --year 2025 --partial "$d/$f"
	is "$f: only E2" "$(stored)/$(field E2 项目名称)" 1/项目乙
done
fresh
fails "other control characters are kept as a CSV keeps the byte" tz import projects --year 2025 --partial "$d/esc-controls.xlsx"
is "CR LF" "$(field C1 项目名称)" "$(printf '第一行\r\n第二行')"
is "a tab" "$(field C2 项目名称)" "$(printf '项目\t乙')"
is "_x005F_ escapes the escape" "$(field C3 项目名称)" "字面_x0000_"
contains "a control character in a code is named" "$TZ_TMP/err" "项目编号“C4\\x01”含控制字符0x01（不可见，这里写作\\x01）"

# --- 2. --sheet on a file without sheets -------------------------------
fresh
for what in projects progress; do
	y=; [ $what = projects ] && y="--year 2025"
	fails "$what: --sheet on a CSV" tz import $what $y --sheet 项目表 "$d/plain.csv"
	contains "$what: refused naming the file and what it is" "$TZ_TMP/err" "plain.csv: 这是CSV文件，没有工作表，不能使用 --sheet（指定的是“项目表”）；请去掉 --sheet 再导入"
	fails "$what: on tab-separated text (GBK)" tz import $what $y --sheet Sheet1 "$d/gbk.tsv"
	contains "$what: idem" "$TZ_TMP/err" "gbk.tsv: 这是制表符分隔的文本文件，没有工作表，不能使用 --sheet（指定的是“Sheet1”）"
	fails "$what: on UTF-16 text" tz import $what $y --sheet Sheet1 "$d/u16le-bom.txt"
	contains "$what: idem" "$TZ_TMP/err" "u16le-bom.txt: 这是Unicode文本文件（UTF-16），没有工作表，不能使用 --sheet"
done
fails "on standard input" sh -c "cat '$d/plain.csv' | '$TZ_BIN' import projects --year 2025 --sheet x -"
contains "idem" "$TZ_TMP/err" "-: 这是CSV文件，没有工作表"
is "nothing stored" "$(stored)" 0
ok "without --sheet the CSV is read" tz import projects --year 2025 "$d/plain.csv"
# An HTML table saved as .xls is one sheet, named by Excel's <x:Name>.
fresh
fails "an HTML table: another sheet's name" tz import projects --year 2025 --sheet Sheet1 "$d/named-sheet-html.xls"
contains "is refused with the name there is" "$TZ_TMP/err" "named-sheet-html.xls: 没有名为“Sheet1”的工作表（文件中有：“项目表”）"
is "nothing stored" "$(stored)" 0
ok "its own name" tz import projects --year 2025 --sheet 项目表 "$d/named-sheet-html.xls"
is "is read" "$(field H1 项目名称)" 网页项目

done_testing
