#!/bin/bash
# t1350-cli-messages-walk17.sh: walkthrough 17's messages on the command
# line (M1-M3, tests/data/walk17-cli): an option value refused is echoed
# with the allowed ones; a report file that cannot be created says why;
# `help --help`; an export of a year without a ledger says so; a 年度
# column disagreeing with --year on every row refuses the file once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/walk17-cli"
lines() { wc -l <"$1" | tr -d ' '; }

fresh
tz demo --projects 30 --months 3 >/dev/null 2>&1

# --- M2: option values refused are echoed ------------------------------
fails "bulletin --by foo" tz bulletin --by foo
contains "echoes foo, lists the groupings in Chinese" "$TZ_TMP/err" "--by “foo”不是可用的汇总方式；可用 region（所属地区）"
contains "and 责任单位" "$TZ_TMP/err" "unit（责任单位）"
fails "bulletin --format docx" tz bulletin --format docx
contains "echoes docx" "$TZ_TMP/err" "--format “docx”不是可用的格式"
fails "missing --by foo" tz missing --by foo
contains "missing echoes foo" "$TZ_TMP/err" "--by “foo”"
fails "export --format docx" tz export projects --format docx
contains "export echoes docx" "$TZ_TMP/err" "--format “docx”"
fails "org export --format ods" tz org export --format ods
contains "org echoes ods" "$TZ_TMP/err" "--format “ods”"
fails "audit --limit 0" tz audit --limit 0
contains "audit echoes 0" "$TZ_TMP/err" "--limit “0”"
fails "token add --expires 9999" tz token add --expires 9999
contains "token echoes 9999" "$TZ_TMP/err" "--expires “9999”"
fails "token revoke abc" tz token revoke abc
contains "token revoke echoes abc" "$TZ_TMP/err" "令牌编号“abc”"
fails "period list --user x" tz period list --user x
contains "period echoes x" "$TZ_TMP/err" "--user “x”"
fails "user add --role boss" tz user add u1 --role boss --org 示范县
contains "user echoes boss" "$TZ_TMP/err" "--role “boss”不是可用的角色"
rm -f "$TZ_TMP/d2.db"
fails "demo --months 999" tz --db "$TZ_TMP/d2.db" demo --months 999
contains "demo echoes 999" "$TZ_TMP/err" "--months “999”"

# --- M2: why a report file cannot be created ----------------------------
fails "bulletin --out /proc/x.pdf" tz bulletin --format pdf --out /proc/x.pdf
contains "the directory exists: says it takes no new file" "$TZ_TMP/err" "/proc/x.pdf: 无法写入文件：不能在目录“/proc”中创建文件"
lacks "not called missing" "$TZ_TMP/err" "目录不存在"
fails "bulletin --out into a missing directory" tz bulletin --out "$TZ_TMP/nodir/x.json"
contains "names the missing directory" "$TZ_TMP/err" "目录“$TZ_TMP/nodir”不存在"

# --- M2: help --help ----------------------------------------------------
ok "help --help" tz help --help
contains "help's own usage" "$TZ_TMP/out" "用法: taizhang help [命令]"
lacks "no unknown command" "$TZ_TMP/err" "未知命令"
ok "help bulletin still works" tz help bulletin
contains "bulletin usage" "$TZ_TMP/out" "用法: taizhang bulletin"

# --- M3: an export of a year without a ledger ----------------------------
ok "export projects --year 2022 (no ledger)" tz export projects --year 2022
is "header only" "$(lines "$TZ_TMP/out")" 1
contains "says the year has none and which have" "$TZ_TMP/err" "2022 年度没有项目台账，只输出了表头；有台账的年度："
year=$(tz export projects | sed -n 2p | cut -d, -f1)
contains "lists the demo's year" "$TZ_TMP/err" "$year"
ok "export projects of a ledger year" tz export projects --year "$year"
is "no note then" "$(lines "$TZ_TMP/err")" 0
fresh
ok "export projects of an empty database" tz export projects
contains "says there is no ledger" "$TZ_TMP/err" "数据库中还没有项目台账，只输出了表头"
ok "export progress of an empty database" tz export progress
contains "says there are no reports" "$TZ_TMP/err" "数据库中还没有调度数据，只输出了表头"

# --- M1: a 年度 column against --year ------------------------------------
fresh
fails "every row 2023, --year 2030" tz import projects --year 2030 "$d/all-2023.csv"
is "one line, not one per row" "$(lines "$TZ_TMP/err")" 1
contains "names the column, the rows, the year found and --year" "$TZ_TMP/err" "all-2023.csv:1: “年度”列各行的年度都不是 --year 指定的2030年（40行，年度为2023年）"
is "nothing stored" "$(stored)" 0
fails "--partial changes nothing" tz import projects --partial --year 2030 "$d/all-2023.csv"
is "still one line" "$(lines "$TZ_TMP/err")" 1
is "still nothing stored" "$(stored)" 0
fails "rows of 2023 and 2024, --year 2030" tz import projects --year 2030 "$d/two-years.csv"
is "one line" "$(lines "$TZ_TMP/err")" 1
contains "names both years" "$TZ_TMP/err" "年度为2023、2024年"
fails "two rows of 2023 at the end, --year 2025" tz import projects --year 2025 "$d/last-off.csv"
contains "row errors stay" "$TZ_TMP/err" "last-off.csv:20: 项目编号 P0019: 年度2023与指定的台账年度2025不一致"
is "two row errors and the summary" "$(lines "$TZ_TMP/err")" 3
fails "two rows of 2023 first, --year 2025" tz import projects --year 2025 "$d/first-off.csv"
is "held rows let out in file order" "$(sed -n 1,2p "$TZ_TMP/err" | cut -d: -f2 | tr '\n' ' ')" "2 3 "
lacks "no file-level refusal" "$TZ_TMP/err" "各行的年度都不是"
is "nothing stored" "$(stored)" 0
fails "--partial imports the 18 agreeing rows (exit 1 as ever)" tz import projects --partial --year 2025 "$d/first-off.csv"
is "18 stored" "$(stored)" 18
fresh
ok "without --year the column gives the years" tz import projects "$d/two-years.csv"
is "40 stored" "$(stored)" 40

done_testing
