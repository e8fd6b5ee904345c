#!/bin/bash
# t1819-csv-reader-chunks.sh: what the CSV reader finds once per 64 KB
# chunk rather than line by line (a NUL, the next quote), what the
# import borrows from the reader rather than copies (trimmed cells),
# and the codes it folds with a word-at-a-time test (code_plain) are
# read as they were (tests/data/csv-read/ORIGIN.md). The lines and
# columns named are those of the file, past its first chunk too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/csv-read"

fresh
ok "250 projects" tz import projects "$d/projects.csv"
ok "codes and cells to fold or trim" tz import projects "$d/codes.csv"
contains "…four codes upper-cased" "$TZ_TMP/err" "4个项目编号含小写字母，已按大写读取"
contains "…a full-width code folded" "$TZ_TMP/err" "1个项目编号含全角字符，已按半角读取"
contains "…a zero-width space removed" "$TZ_TMP/err" "1个单元格含不可见字符"
is "…each code as code_tidy and the fold read it" \
	"$(ledger_rows code | tr ' ' '\n' | cut -d'|' -f1 | grep -v '^P20250000[0-2]' | LC_ALL=C sort | tr '\n' ' ')" \
	"20250000307 ABCDEFGH P20250000301 P20250000305 P20250000306 P20250000308 P20250000309 P2025000030A P20250000310 P202500B0303 "
is "…a name's trailing U+3000 trimmed" "$(field P20250000309 项目名称)" "尾部全角空格"
is "…a leading U+00A0 trimmed" "$(field P20250000310 项目名称)" "前面不换行空格"
is "…the export's formula apostrophe taken off (and put back on export)" "$(field P20250000309 建设单位)" "'=建设单位"
is "…a trailing U+200B removed" "$(field P20250000310 建设单位)" "建设单位"
is "…an untouched name borrowed whole" "$(field P20250000250 项目名称)" "项目250号工程"

fails "a NUL in the fifth chunk refuses the file" tz import progress "$d/nul-late.csv"
contains "…naming its line, column and field" "$TZ_TMP/err" \
	"nul-late.csv:2502: 第2502行第5列（形象进度）含有空字符（字节0），文件可能已损坏或不是文本文件"
is "…nothing stored" "$(reports)" ""

fails "a stray quote after 2,900 lines without one" tz import progress "$d/quotes-late.csv"
contains "…is the row it is on" "$TZ_TMP/err" \
	"quotes-late.csv:2903: 项目编号 P20250000151: 第2903行的引号看起来不成对"
contains "…and the file is refused whole" "$TZ_TMP/err" "共3000行，1行有错误，整个文件未导入"
fails "with --partial the other rows are read (the exit says one was not)" \
	tz import progress --partial "$d/quotes-late.csv"
contains "…all 2,999" "$TZ_TMP/err" "共3000行，导入2999行（新增2999，更正0，未变0），1行被拒绝"
ok "export them" tz export progress --out "$TZ_TMP/progress.csv"
ok "…quoted cells read whole, quotes doubled and a line break kept" python3 - "$TZ_TMP/progress.csv" <<'PY'
import csv, sys
rows = {(r["项目编号"], r["调度期"]): r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""))}
assert len(rows) == 2999, len(rows)
assert rows[("P20250000201", "2025-11")]["形象进度"] == '主体完工，"样板段"验收', rows[("P20250000201", "2025-11")]
assert rows[("P20250000051", "2025-12")]["存在问题"] == "用地手续，\n跨行办理中", rows[("P20250000051", "2025-12")]
assert ("P20250000151", "2025-12") not in rows
r = rows[("P20250000250", "2025-12")]
assert r["形象进度"] == "第2999行主体结构施工中，" + "形" * (2999 % 13), r
assert r["本期完成投资(万元)"] == "30.50", r
PY
done_testing
