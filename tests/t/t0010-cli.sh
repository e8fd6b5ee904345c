#!/bin/bash
# t0010-cli.sh: the command line itself: usage, exit codes, choosing the database.
. "$(dirname "$0")/lib.sh"

fails "no command is a usage error" tz
is "usage exit status is 2" "$(tz >/dev/null 2>&1; echo $?)" 2
ok "--help succeeds" tz --help
contains "help lists the commands in Chinese" "$TZ_TMP/out" "导入年度项目台账"
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

# Every command explains itself, in Chinese, and so do option errors.
for c in init import export bulletin missing org demo doc; do
	ok "$c --help" tz "$c" --help
	contains "$c --help shows its usage" "$TZ_TMP/out" "用法: "
done
ok "help CMD works too" tz help bulletin
contains "help CMD names the options" "$TZ_TMP/out" "--period"
fails "an unknown option" tz bulletin --perod 2025-01
contains "unknown option in Chinese" "$TZ_TMP/err" "未知的选项“--perod”"
fails "a missing value" tz bulletin --period
contains "missing value in Chinese" "$TZ_TMP/err" "需要一个值"
if grep -q "unrecognized\|requires an argument" "$TZ_TMP/err"; then
	is "no English from getopt" leaked none
fi

# Commands that read never create a database; a foreign one is left alone.
fails "bulletin on a mistyped --db" tz --db "$TZ_TMP/typo.db" bulletin
contains "the missing database is named" "$TZ_TMP/err" "数据库文件不存在"
is "no database was created" "$(test -e "$TZ_TMP/typo.db" && echo created || echo none)" none
fails "import into a missing database" tz --db "$TZ_TMP/typo.db" import projects "$TZ_TMP/x.csv"
is "still no database" "$(test -e "$TZ_TMP/typo.db" && echo created || echo none)" none
python3 - "$TZ_TMP/foreign.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("create table t(a)"); c.commit()
PY
before=$(sha256sum < "$TZ_TMP/foreign.db")
fails "a foreign SQLite file is refused" tz --db "$TZ_TMP/foreign.db" bulletin
contains "foreign database message" "$TZ_TMP/err" "不是台账系统的数据库"
is "the foreign file is unchanged" "$(sha256sum < "$TZ_TMP/foreign.db")" "$before"
is "no WAL was switched on" "$(ls "$TZ_TMP"/foreign.db-* 2>/dev/null | wc -l)" 0
fails "init refuses it too" tz --db "$TZ_TMP/foreign.db" init
is "still unchanged" "$(sha256sum < "$TZ_TMP/foreign.db")" "$before"
ok "demo fills an empty database" tz demo --projects 10
fails "demo refuses an existing ledger" tz demo --projects 10
contains "demo says why" "$TZ_TMP/err" "已有数据"
done_testing
