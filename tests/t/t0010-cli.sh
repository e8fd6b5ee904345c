#!/bin/bash
# t0010-cli.sh: the command line itself: usage, exit codes, choosing the database.
. "$(dirname "$0")/lib.sh"

fails "no command is a usage error" tz
is "usage exit status is 2" "$(tz >/dev/null 2>&1; echo $?)" 2
ok "--help succeeds" tz --help
contains "help lists the commands in Chinese" "$TZ_TMP/out" "导入项目台账"
fails "unknown command" tz frobnicate
contains "unknown command is named" "$TZ_TMP/err" "未知命令“frobnicate”"

ok "init creates the database named by TAIZHANG_DB" tz init
is "database file exists" "$(test -f "$TAIZHANG_DB" && echo yes)" yes
ok "init on an existing database only checks it" tz init
ok "--db overrides TAIZHANG_DB" tz --db "$TZ_TMP/other.db" init
is "the other database exists" "$(test -f "$TZ_TMP/other.db" && echo yes)" yes

fails "import needs a kind and a file" tz import
is "import usage exits 2" "$(tz import >/dev/null 2>&1; echo $?)" 2
fails "import of a missing file" tz import projects "$TZ_TMP/nope.csv"
contains "missing file is named" "$TZ_TMP/err" "nope.csv"
fails "bulletin with a bad period" tz bulletin --period 2023-13
contains "bad period reason" "$TZ_TMP/err" "月份13不存在"
fails "bulletin on an empty ledger explains" tz bulletin
contains "empty ledger message" "$TZ_TMP/err" "还没有调度数据"
printf 'not a spreadsheet\x00\x01' > "$TZ_TMP/junk.bin"
fails "binary junk is refused cleanly" tz import projects "$TZ_TMP/junk.bin"
printf '\xD0\xCF\x11\xE0rest of an old xls' > "$TZ_TMP/old.xls"
fails "old .xls is refused" tz import projects "$TZ_TMP/old.xls"
contains "old .xls advice" "$TZ_TMP/err" "另存为 .xlsx"
done_testing
