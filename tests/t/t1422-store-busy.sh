#!/bin/bash
# t1422-store-busy.sh: a write that finds the database held by another
# writer past the 10 s it waits says so in Chinese and changes nothing
# (walkthrough 11 saw "数据库错误：database is locked"); once the other
# writer is gone the same import goes through. The other writer is the
# sqlite3 shell holding a write transaction open.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/ledger-yearly-bom"
fresh
hold_db "BEGIN IMMEDIATE; CREATE TABLE held(a);"
fails "an import while another program holds the write lock" tz import projects "$d/projects.csv"
contains "…says the database is held, in Chinese" "$TZ_TMP/err" \
	"数据库正被其他程序写入（例如另一个导入），等待10秒后仍未释放；请稍后再试，未作任何改动"
is "…and not SQLite's English" "$(grep -c "database is locked" "$TZ_TMP/err")" "0"
release_db "ROLLBACK;"
is "…nothing stored" "$(tz export projects | wc -l)" "1"
ok "the same import once the lock is gone" tz import projects "$d/projects.csv"
done_testing
