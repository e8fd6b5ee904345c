#!/bin/bash
# t1421-upgrade-in-use.sh: init does not upgrade a schema-2 database that
# another program has open (walkthrough 11: a server of the release
# before kept running on the upgraded tables and answered every save
# with 500); it says so and changes nothing, and upgrades once the file
# is free. The other program here is the sqlite3 shell holding a
# connection to the file in WAL mode, as a running server does.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/schema2-reports"
gzip -dc "$d/taizhang.db.gz" >"$TAIZHANG_DB"
is "the schema-2 file in WAL mode, as a server leaves it" \
	"$(sqlite3 "$TAIZHANG_DB" "PRAGMA journal_mode=WAL")" "wal"

hold_db "SELECT count(*) FROM project;"
fails "init with another connection open" tz init
contains "…says the file is in use and what to do" "$TZ_TMP/err" \
	"数据库正被其他程序使用（例如正在运行的 taizhang serve），未升级，也未作任何改动；请先停止使用它的程序，再运行 taizhang init"
is "…the schema is still 2" "$(sqlite3 "$TAIZHANG_DB" "PRAGMA user_version")" "2"
is "…and the file is still in WAL mode" "$(sqlite3 "$TAIZHANG_DB" "PRAGMA journal_mode")" "wal"
release_db
ok "init once the other program is gone" tz init
contains "…upgrades" "$TZ_TMP/out" "数据库已从第2版升级到第3版"
is "…to schema 3" "$(sqlite3 "$TAIZHANG_DB" "PRAGMA user_version")" "3"
ok "…every report kept" tz export progress --out "$TZ_TMP/progress.csv"
ok "…byte for byte" cmp "$TZ_TMP/progress.csv" "$d/progress-v2.csv"
done_testing
