#!/bin/bash
# t5000-doc-parse.sh: `taizhang doc parse` on the seed documents, as a user
# runs it: JSON and text output, a file or standard input.
. "$(dirname "$0")/lib.sh"

seeds="$TZ_TEST_DATA/seeds"

ok "parses the work plan (seed 002)" tz doc parse "$seeds"/002_*.txt
cp "$TZ_TMP/out" "$TZ_TMP/002.json"
contains "002 is a work plan" "$TZ_TMP/002.json" '"kind": "work_plan"'
contains "002 has its own 文号" "$TZ_TMP/002.json" '"doc_number": "营政办发〔2022〕1号"'
is "002 has 17 tasks" "$(grep -c '"path":' "$TZ_TMP/002.json")" 17
contains "task 三.(三).1 is there" "$TZ_TMP/002.json" '"path": "三.(三).1"'
contains "brackets inside unit names stay whole" "$TZ_TMP/002.json" '"市营商局(市审批局)"'

seed004=$(echo "$seeds"/004_*.txt)
ok "reads standard input" sh -c "\"$TZ_BIN\" doc parse - < \"$seed004\""
cp "$TZ_TMP/out" "$TZ_TMP/004.json"
contains "004 reply contact" "$TZ_TMP/004.json" '"handler": "吴浩"'
is "004 spam found in three places" "$(grep -c '"kind": "injected_text"' "$TZ_TMP/004.json")" 3
contains "004 private mobile flagged" "$TZ_TMP/004.json" '"kind": "personal_phone"'

ok "text format" tz doc parse "$seeds"/004_*.txt --format text
contains "text shows the kind in Chinese" "$TZ_TMP/out" "文件类型：提案/建议答复"
contains "text shows warnings with line numbers" "$TZ_TMP/out" "第7行 疑似篡改插入：买足球的软件"

ok "text format of a work plan" tz doc parse "$seeds"/002_*.txt --format text
contains "text has a task table" "$TZ_TMP/out" "【任务分工】共17项"

ok "reply date read from 2023930" tz doc parse "$seeds"/001_*.txt
contains "001 reply date" "$TZ_TMP/out" '"date": "2023-09-30"'

ok "an HTML document" tz doc parse "$TZ_TEST_DATA/doc/wp-10-html/input.html"
contains "HTML: title from <h1>" "$TZ_TMP/out" '"title": "关于印发《湘潭市2024年扩大有效投资工作方案》的通知"'

ok "a GBK document" tz doc parse "$TZ_TEST_DATA/doc/wp-11-gbk/input.txt"
contains "GBK: read as Chinese" "$TZ_TMP/out" '"issuer": "娄底市人民政府办公室"'

# Deadlines: in the JSON of each task that states one, a column in the
# text table.
ok "a task table (HTML)" tz doc parse "$TZ_TEST_DATA/doc/wp-19-table-html/input.html"
contains "a table row is a task with its deadline" "$TZ_TMP/out" '"deadline": "2025-03"'
contains "a deadline kept as written" "$TZ_TMP/out" '"deadline": "长期坚持"'
ok "text format of a task table" tz doc parse "$TZ_TEST_DATA/doc/wp-19-table-html/input.html" --format text
contains "text: the deadline column" "$TZ_TMP/out" "完成时限"
contains "text: a task's deadline" "$TZ_TMP/out" "	2025-12-31	"
ok "a plan without deadlines" tz doc parse "$TZ_TEST_DATA/doc/wp-03-unlabelled/input.txt"
is "no deadline member when the text states none" "$(grep -c '"deadline"' "$TZ_TMP/out")" 0

# HTML found after 4 KB of blank lines: read as without them.
ok "HTML after blank lines" tz doc parse "$TZ_TEST_DATA/doc/hostile-html-leading-blank/input.html"
cp "$TZ_TMP/out" "$TZ_TMP/blank.json"
sed -e '/[^[:space:]]/,$!d' "$TZ_TEST_DATA/doc/hostile-html-leading-blank/input.html" > "$TZ_TMP/bare.html"
ok "the same page without them" tz doc parse "$TZ_TMP/bare.html"
is "same kind, title and tasks" "$(grep -v '"line"' "$TZ_TMP/blank.json")" "$(grep -v '"line"' "$TZ_TMP/out")"

fails "unknown format is a usage error" tz doc parse "$seeds"/000_*.txt --format xml
contains "usage shown" "$TZ_TMP/err" "用法"
fails "missing file argument" tz doc parse
fails "unknown subcommand" tz doc frobnicate

# Several files: one JSON line each; a bad file is reported, the rest go on.
fails "several files, one missing" tz doc parse "$seeds"/000_*.txt "$TZ_TMP/nope.txt" "$seeds"/002_*.txt
cp "$TZ_TMP/out" "$TZ_TMP/lines.json"
cp "$TZ_TMP/err" "$TZ_TMP/lines.err"
is "one line per file" "$(wc -l < "$TZ_TMP/lines.json")" 3
ok "each line is a JSON object naming its file" python3 - "$TZ_TMP/lines.json" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert lines[0]["file"].endswith("000_c64dfc65cd2a3a85.txt")
assert lines[0]["document"]["kind"] == "proposal_reply"
assert "不存在" in lines[1]["error"] and "document" not in lines[1]
assert lines[2]["document"]["kind"] == "work_plan" and len(lines[2]["document"]["tasks"]) == 17
PY
contains "the missing file named on stderr" "$TZ_TMP/lines.err" "nope.txt"

done_testing
