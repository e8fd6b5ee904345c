#!/bin/bash
# t1720-sheets7.sh: the last classes of issue 7 an audit found
# (tests/data/sheets7: ours for each class, and the auditor's): escaped
# control characters, --sheet on a file without sheets, lists whose
# national 项目代码 is partly empty, instructions sheets before the data,
# parts that inflate to nothing, full-width codes stored by earlier
# versions.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/sheets7"
# exported_field CODE COLUMN: lib-import.sh's field, of a fresh export.
exported_field() { export_all; field "$@"; }

# --- 1. _x0000_ is a NUL: the row refused, as a NUL in a CSV cell ------
# (A NUL byte in a CSV refuses the file: in text it means a file that is
# not text, or is broken; in a workbook the escape marks one cell.)
fresh
fails "a NUL byte in a CSV" tz import projects --year 2025 "$d/nul-byte.csv"
contains "refuses the file naming line, column and field" "$TZ_TMP/err" "nul-byte.csv:2: 第2行第2列（项目名称）含有空字符（字节0），文件可能已损坏或不是文本文件"
# Further down the file (read by the import's reading thread, not the
# header search), the field is named too (walkthrough 11).
fresh
fails "a NUL byte in a later row" tz import projects --year 2025 "$d/nul-later.csv"
contains "names its field" "$TZ_TMP/err" "nul-later.csv:4: 第4行第4列（总投资(万元)）含有空字符（字节0）"
is "nothing stored" "$(stored)" 0
for f in esc-nul-shared.xlsx esc-nul-inline.xlsx esc-nul.xls; do
	fresh
	fails "$f: a NUL in a cell" tz import projects --year 2025 "$d/$f"
	contains "$f: the row is refused naming the field" "$TZ_TMP/err" "$f:2: 项目编号 E1: 项目名称含有空字符（NUL），文件可能已损坏"
	contains "$f: in the code too" "$TZ_TMP/err" "$f:4: 项目编号 E3: 项目编号含有空字符（NUL），文件可能已损坏"
	is "$f: nothing stored" "$(stored)" 0
	fails "$f: --partial reads the others" tz import projects --year 2025 --partial "$d/$f"
	is "$f: only E2" "$(stored)/$(exported_field E2 项目名称)" 1/项目乙
done
fresh
fails "other control characters are kept as a CSV keeps the byte" tz import projects --year 2025 --partial "$d/esc-controls.xlsx"
is "CR LF" "$(exported_field C1 项目名称)" "$(printf '第一行\r\n第二行')"
is "a tab" "$(exported_field C2 项目名称)" "$(printf '项目\t乙')"
is "_x005F_ escapes the escape" "$(exported_field C3 项目名称)" "字面_x0000_"
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
is "is read" "$(exported_field H1 项目名称)" 网页项目

# --- 3. A list of 项目代码 with some empty: region + name, as without codes
fresh
ok "the audit's list: one code empty" tz import projects --year 2025 "$d/natpart.csv"
contains "the code given is listed" "$TZ_TMP/err" "2025-R01-001  项目乙（站前区）"
is "the coded row keeps its code" "$(exported_field 2020-210800-48-01-012345 项目名称)" 项目甲
is "the other is stored under the code given" "$(exported_field 2025-R01-001 总投资)" 2000.00
ok "read again" tz import projects --year 2025 "$d/natpart.csv"
contains "it is the same project: nothing changes" "$TZ_TMP/err" "导入2行（新增0，更正0，未变2）"
fresh
fails "rows without a code that cannot be told apart" tz import projects --year 2025 --partial "$d/natcode-part.csv"
contains "same region and name twice without a code" "$TZ_TMP/err" "natcode-part.csv:6: 同一地区（站前区）的项目“港区三号”在本文件中出现两次（第5行与第6行），无法分辨"
contains "without a code after the same name with one" "$TZ_TMP/err" "natcode-part.csv:8: 同一地区（西市区）的项目“港区四号”在本文件中另有一行（第7行）填了项目代码，无法分辨是否同一项目"
contains "with a code after the same name without" "$TZ_TMP/err" "natcode-part.csv:10: 项目编号 2020-210800-48-01-000006: 同一地区（站前区）的项目“港区六号”在本文件中还有一行（第9行）没有项目代码"
contains "six read" "$TZ_TMP/err" "共9行，导入6行（新增6，更正0，未变0），3行被拒绝"
is "the same name in another region is another project" "$(exported_field 2025-R01-001 项目名称)/$(exported_field 2025-R02-001 项目名称)" 港区二号/港区二号
is "the first of a name without a code is read" "$(exported_field 2025-R01-002 总投资)" 3000.00
is "a row with its code" "$(exported_field 2020-210800-48-01-000004 总投资)" 4000.00
ok "the next year's list, codes still empty" tz import projects --year 2026 "$d/natcode-part-2026.csv"
contains "a known name is the stored project" "$TZ_TMP/err" "新增2，更正0，未变0"
tz export projects --out "$TZ_TMP/export.csv"
is "港区二号 has its 2026 plan under its code" "$(grep -c '^2026,2025-R01-001,港区二号' "$TZ_TMP/export.csv")" 1
is "a new one gets a code of 2026" "$(grep -c '^2026,2026-R01-001,港区五号' "$TZ_TMP/export.csv")" 1
# An office's own 项目编号 left empty is a mistake, not a published list.
fresh
fails "an empty 项目编号" tz import projects --year 2025 "$d/code-part-empty.csv"
contains "is a row error saying why" "$TZ_TMP/err" "code-part-empty.csv:3: 项目编号为空：表中有“项目编号”列，每个项目都要填写本单位的项目编号（没有编号列的名单才按地区和项目名称识别项目）"
is "nothing stored" "$(stored)" 0

# --- 4. An instructions or sample sheet is not the data -----------------
for f in instructions-with-example.xlsx instr-first.xlsx sample-then-instr.xlsx instr-two-kinds.xlsx; do
	fresh
	ok "$f: the data sheet is read" tz import projects --year 2025 "$d/$f"
	contains "$f: no sample row stored" "$TZ_TMP/err" "导入2行（新增2"
	is "$f: the sample's code is not stored" "$(exported_field 示例001 项目名称)" ""
done
contains "the summary says which sheet was read and which were passed over" "$TZ_TMP/err" "读取工作表“台账（2025）”，未读取“指标解释”、“样表”（看名称是填报说明或示例）"
fresh
ok "the auditor's workbook" tz import projects --year 2025 "$d/instructions-with-example.xlsx"
contains "says so" "$TZ_TMP/err" "instructions-with-example.xlsx（工作表“台账”）: 2025年度"
contains "and why" "$TZ_TMP/err" "读取工作表“台账”，未读取“填报说明”（看名称是填报说明或示例）"
fresh
ok "instructions last: the first sheet is read" tz import projects --year 2025 "$d/instr-last.xlsx"
is "its rows" "$(exported_field S1 项目名称)/$(exported_field S2 项目名称)" 项目甲/项目乙
fresh
ok "说明 in passing in a ledger's name is not instructions" tz import projects --year 2025 "$d/instr-word-in-name.xlsx"
contains "its sheet is read" "$TZ_TMP/err" "（工作表“重点项目及说明”）"
fresh
fails "only an instructions sheet" tz import projects --year 2025 "$d/instr-only.xlsx"
contains "is refused saying why" "$TZ_TMP/err" "instr-only.xlsx: 工作表“填报说明”看名称是填报说明或示例，其中的表格不是台账，未读取；没有其他可见的工作表（要导入的工作表请用 --sheet 指定）"
fails "the data sheet hidden" tz import projects --year 2025 "$d/instr-data-hidden.xlsx"
contains "is refused, naming hidden sheets" "$TZ_TMP/err" "没有其他可见的工作表，隐藏的工作表不会自动读取（要导入的工作表请用 --sheet 指定）"
is "nothing stored" "$(stored)" 0
ok "--sheet reads the hidden data sheet" tz import projects --year 2025 --sheet 项目表 "$d/instr-data-hidden.xlsx"
is "its rows" "$(stored)" 2
fresh
ok "--sheet can still choose the instructions sheet" tz import projects --year 2025 --sheet 填报说明 "$d/instr-first.xlsx"
is "its table is read" "$(exported_field 示例001 项目名称)" 某某项目

# --- 5. Parts that inflate to nothing: refused at once, in Chinese ------
fresh
for f in ws-in-tag.xlsx bloat-attr.xlsx bloat-text.xlsx sst-huge-string.xlsx; do
	fails "$f: a tag or text inflating past the cap" tz import projects --year 2025 "$d/$f"
	contains "$f: is refused naming the part and the cap" "$TZ_TMP/err" "中有一个标签或一段文本解压后超过4 MB（Excel 和 WPS 不会这样写，文件可能是恶意构造的），已拒绝"
done
fails "many tags, each under the cap, padded past the average" tz import projects --year 2025 "$d/bloat-many.xlsx"
contains "is refused too" "$TZ_TMP/err" "bloat-many.xlsx: 不是有效的XLSX文件：xl/worksheets/sheet1.xml解压后已超过64 MB，平均每个XML标签超过1024字节"
fails "a tag not closed" tz import projects --year 2025 "$d/xml-mismatch.xlsx"
contains "libxml2's message in Chinese" "$TZ_TMP/err" "xml-mismatch.xlsx:2: 不是有效的XLSX文件：xl/worksheets/sheet1.xml第2行附近损坏（开始标签和结束标签不匹配）"
fails "a part cut short" tz import projects --year 2025 "$d/xml-truncated.xlsx"
contains "idem" "$TZ_TMP/err" "xml-truncated.xlsx:1: 不是有效的XLSX文件：xl/worksheets/sheet1.xml第1行附近损坏（属性值缺少引号）"
fails "a CRC error" tz import projects --year 2025 "$d/zip-crc.xlsx"
contains "libzip's, in Chinese" "$TZ_TMP/err" "zip-crc.xlsx:2: 不是有效的XLSX文件：xl/worksheets/sheet1.xml第2行附近损坏（压缩数据校验（CRC）错误，文件已损坏）"
is "nothing stored" "$(stored)" 0
# A real large sheet is never refused by those caps.
python3 "$d/gen.py" big "$TZ_TMP/big.xlsx"
ok "100,000 rows of 20 columns" tz import projects --year 2025 "$TZ_TMP/big.xlsx"
contains "all read" "$TZ_TMP/err" "共100000行，导入100000行（新增100000"
is "the last row" "$(exported_field B100000 总投资)" 101000.00

# --- 6. Codes stored full-width by earlier versions: folded by init ----
fresh
ok "a ledger" tz import projects --year 2025 "$d/codes-base.csv"
cp "$TAIZHANG_DB" "$TZ_TMP/base.db"
sqlite3 "$TAIZHANG_DB" "UPDATE project SET code = 'P2025０００１' WHERE code = 'P20250001';
	UPDATE project SET code = 'Ｐ２０２５０００３' WHERE code = 'P20250003';"
ok "other commands work on such a database" tz export projects --out "$TZ_TMP/before.csv"
is "and show the codes as stored" "$(grep -c 'P2025０００１' "$TZ_TMP/before.csv")" 1
ok "init folds them" tz init
contains "and says which" "$TZ_TMP/out" "项目编号2个原为全角字符，已统一为半角（导入和查询都按半角识别）：P2025０００１→P20250001、Ｐ２０２５０００３→P20250003"
is "stored folded" "$(sqlite3 "$TAIZHANG_DB" "SELECT group_concat(code, ' ') FROM (SELECT code FROM project ORDER BY code)")" "P20250001 P20250002 P20250003"
is "their ledger rows kept" "$(exported_field P20250003 总投资)" 3000.00
ok "the same ledger again" tz import projects --year 2025 "$d/codes-base.csv"
contains "is the same projects" "$TZ_TMP/err" "导入3行（新增0，更正0，未变3）"
ok "init again" tz init
contains "has nothing to fold" "$TZ_TMP/out" "数据库已就绪"
is "…and says nothing of codes" "$(grep -c 全角 "$TZ_TMP/out")" 0
# Two codes that fold to one: refused, nothing changed.
cp "$TZ_TMP/base.db" "$TAIZHANG_DB"
sqlite3 "$TAIZHANG_DB" "UPDATE project SET code = 'P2025０００１' WHERE code = 'P20250002';
	UPDATE project SET code = 'Ｐ２０２５０００１' WHERE code = 'P20250003';"
fails "init with codes that fold to one" tz init
contains "lists the clashes" "$TZ_TMP/err" "数据库中有2对项目编号只差全角半角（如“Ｐ１”与“P1”），统一为半角后会重复：“P2025０００１”与“P20250001”（都是P20250001）；“P2025０００１”与“Ｐ２０２５０００１”（都是P20250001）；数据库未作任何改动"
is "nothing changed" "$(sqlite3 "$TAIZHANG_DB" "SELECT count(*) FROM project WHERE code GLOB '*[^!-~]*'")" 2
ok "other commands still work" tz export projects --out "$TZ_TMP/after.csv"

done_testing
