#!/bin/bash
# t1423-readonly-db.sh: a database file the user cannot write (walkthrough
# 11: `bulletin` refused, WAL needs its -shm) answers every command that
# only reads, byte for byte as a writable copy of it does, and every
# command that writes refuses at once, in Chinese, naming the file,
# exit status non-zero, the file unchanged and nothing made beside it.
# A -wal with content beside a file read without its -shm would be
# ignored: refused, saying what to do.
#
# Root writes any file whatever its mode, so under root the commands run
# as nobody (runuser), in directories nobody cannot write; otherwise the
# files and directories are simply made read-only.
. "$(dirname "$0")/lib.sh"
# The read-only directories must be writable again to be removed.
trap 'chmod -R u+w "$TZ_TMP"; rm -rf "$TZ_TMP"' EXIT

chmod 755 "$TZ_TMP"
mkdir "$TZ_TMP/rw" "$TZ_TMP/ro" "$TZ_TMP/ro-nobase" "$TZ_TMP/ro-dir" "$TZ_TMP/wal" \
	"$TZ_TMP/xout"
chmod 777 "$TZ_TMP/xout"
if [ "$(id -u)" = 0 ]; then
	as() { runuser -u nobody -- "$@"; }
else
	as() { "$@"; }
fi
rw="$TZ_TMP/rw/t.db"
ok "a demo city" tz --db "$rw" demo --projects 120 --months 10
# ro-nobase and ro-dir as the demo left them, ro-nobase without the packed
# bulletin base (counted from SQL); ro once a bulletin has built the base
# of 2025, which it then reads (a read-only file never builds one).
cp "$rw" "$TZ_TMP/ro-nobase/t.db"
sqlite3 "$TZ_TMP/ro-nobase/t.db" "DROP TABLE IF EXISTS bulletin_base"
cp "$rw" "$TZ_TMP/ro-dir/t.db"
ok "a bulletin builds the base" tz --db "$rw" bulletin --period 2025-10
cp "$rw" "$TZ_TMP/ro/t.db"
# A copy taken while another program has a commit in the -wal (not yet in
# the file), without its -shm: what a read-only reader could not see.
python3 - "$rw" "$TZ_TMP/wal/t.db" <<'PY'
import shutil, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("UPDATE store_version SET n = n + 1")
c.commit()
shutil.copy(sys.argv[1], sys.argv[2])
shutil.copy(sys.argv[1] + "-wal", sys.argv[2] + "-wal")
c.close()
PY
is "the copy has a -wal with content" "$([ -s "$TZ_TMP/wal/t.db-wal" ] && echo yes)" yes
chmod 444 "$TZ_TMP"/ro*/t.db "$TZ_TMP/wal/t.db" "$TZ_TMP/wal/t.db-wal"
chmod 555 "$TZ_TMP/ro" "$TZ_TMP/ro-nobase" "$TZ_TMP/wal"
# ro-dir: the file read-only, its directory writable (SQLite may make its
# -shm there, read-only as the file).
chmod 777 "$TZ_TMP/ro-dir"
cp "$TZ_TMP/ro/t.db" "$TZ_TMP/ro.orig"
is "the file is not writable for the user running the commands" \
	"$(as test -w "$TZ_TMP/ro/t.db" && echo writable)" ""
is "…nor its directory" "$(as test -w "$TZ_TMP/ro" && echo writable)" ""

# Every reading command: the same bytes as on the writable copy.
n=0
same() {
	local dir=$1; shift
	n=$((n + 1))
	"$TZ_BIN" --db "$rw" "$@" >"$TZ_TMP/want.$n" 2>"$TZ_TMP/want.err" || return 1
	as "$TZ_BIN" --db "$TZ_TMP/$dir/t.db" "$@" >"$TZ_TMP/got.$n" 2>"$TZ_TMP/got.err" || {
		cat "$TZ_TMP/got.err"; return 1; }
	[ -s "$TZ_TMP/want.$n" ] && cmp "$TZ_TMP/want.$n" "$TZ_TMP/got.$n"
}
for dir in ro ro-nobase ro-dir; do
	for p in 2025-10 2025-06; do
		for by in region category; do
			ok "$dir: bulletin JSON $p by $by" same $dir bulletin --period $p --by $by
		done
	done
	ok "$dir: bulletin CSV" same $dir bulletin --period 2025-10 --format csv
	ok "$dir: bulletin HTML" same $dir bulletin --period 2025-10 --format html
done
ok "bulletin without --period (the latest)" same ro bulletin
TZ_LOG_LEVEL=debug as "$TZ_BIN" --db "$TZ_TMP/ro/t.db" bulletin --period 2025-10 \
	>/dev/null 2>"$TZ_TMP/log"
contains "…ro read the base" "$TZ_TMP/log" "event=bulletin_base_count"
ok "bulletin XLSX to a file" as "$TZ_BIN" --db "$TZ_TMP/ro/t.db" bulletin --period 2025-10 \
	--format xlsx --out "$TZ_TMP/xout/b.xlsx"
ok "missing" same ro missing --period 2025-10
ok "export projects" same ro export projects
ok "export progress" same ro export progress
ok "org list" same ro org list
ok "org export" same ro org export
ok "user list" same ro user list
ok "period list" same ro period list
ok "period rate" same ro period rate 2025-10
ok "audit" same ro audit

# 20000 projects and more are read by several connections at once
# (sqlite-bulletin.c, with two CPUs or more): each opened the way the
# store was, immutable too.
mkdir "$TZ_TMP/big"
ok "a city of 20000 projects" tz --db "$TZ_TMP/big/rw.db" demo --projects 20000 --months 2
cp "$TZ_TMP/big/rw.db" "$TZ_TMP/big/t.db"
chmod 444 "$TZ_TMP/big/t.db"
chmod 555 "$TZ_TMP/big"
big() {
	"$TZ_BIN" --db "$TZ_TMP/big/rw.db" bulletin --period 2025-02 >"$TZ_TMP/big.want" &&
	as "$TZ_BIN" --db "$TZ_TMP/big/t.db" bulletin --period 2025-02 >"$TZ_TMP/big.got" &&
	cmp "$TZ_TMP/big.want" "$TZ_TMP/big.got"
}
ok "its bulletin, read in parts, the same" big

# Every writing command: refused before anything, the file unchanged.
refused() {
	local what=$1; shift
	fails "$what is refused" as "$TZ_BIN" --db "$TZ_TMP/ro/t.db" "$@"
	contains "…saying the file is read-only, naming it" "$TZ_TMP/err" \
		"taizhang: $TZ_TMP/ro/t.db: 数据库文件是只读的（当前用户没有写入它的权限），这个命令要写入数据库，未执行，未作任何改动"
}
refused "import projects" import projects "$TZ_TEST_DATA/ledger-yearly-bom/projects.csv"
refused "init" init
refused "period open" period open 2025-11
refused "user add" user add ro-test --role admin --org 210800
fails "init of a new database beside it" as "$TZ_BIN" --db "$TZ_TMP/ro/new.db" init
contains "…says the directory cannot take it, in Chinese" "$TZ_TMP/err" \
	"taizhang: $TZ_TMP/ro/new.db: 无法新建数据库文件：不能在它所在的目录中建立文件（没有权限）"
ok "the file is unchanged" cmp "$TZ_TMP/ro.orig" "$TZ_TMP/ro/t.db"
is "nothing was made beside it" "$(ls "$TZ_TMP/ro")" "t.db"

# A shared directory (1777): a reader that cannot write the file leaves
# nothing beside it, so its owner can still write (walkthrough 13: the
# reader's -shm and -wal, its own, locked the owner out). A -shm and -wal
# another user's SQLite made are named, with what to do.
if [ "$(id -u)" = 0 ]; then
	mkdir "$TZ_TMP/shared"
	chmod 1777 "$TZ_TMP/shared"
	cp "$TZ_TMP/ro.orig" "$TZ_TMP/shared/t.db"
	chown daemon "$TZ_TMP/shared/t.db"
	chmod 644 "$TZ_TMP/shared/t.db"
	owner() { runuser -u daemon -- "$@"; }
	ok "shared: another user reads it" as "$TZ_BIN" --db "$TZ_TMP/shared/t.db" missing --period 2025-10
	is "…leaving nothing beside it" "$(ls "$TZ_TMP/shared")" "t.db"
	ok "…and its owner still writes it" owner "$TZ_BIN" --db "$TZ_TMP/shared/t.db" period open 2025-11
	as sqlite3 -readonly "$TZ_TMP/shared/t.db" "SELECT count(*) FROM project" >/dev/null
	is "another user's sqlite3 leaves its -shm" "$(ls "$TZ_TMP/shared" | tr '\n' ' ')" \
		"t.db t.db-shm t.db-wal "
	cp "$TZ_TMP/shared/t.db" "$TZ_TMP/shared.orig"
	fails "…then the owner's write is refused" \
		owner "$TZ_BIN" --db "$TZ_TMP/shared/t.db" period open 2025-12
	contains "…naming the file that is not the owner's and what to do" "$TZ_TMP/err" \
		"数据库文件旁边的 $TZ_TMP/shared/t.db-wal 是其他用户建立的，当前用户不能写入它"
	contains "…which is safe: the -wal is empty" "$TZ_TMP/err" \
		"中没有未并入的修改：请在没有程序使用该数据库时删除 $TZ_TMP/shared/t.db-wal 和 $TZ_TMP/shared/t.db-shm"
	ok "…the file unchanged" cmp "$TZ_TMP/shared.orig" "$TZ_TMP/shared/t.db"
	ok "…while the owner can still read it" owner "$TZ_BIN" --db "$TZ_TMP/shared/t.db" period list
fi

# Commits only in a -wal the reader cannot index: refused, not ignored.
fails "a bulletin beside a -wal with content" as "$TZ_BIN" --db "$TZ_TMP/wal/t.db" bulletin
contains "…says why and what to do" "$TZ_TMP/err" \
	"旁边的 $TZ_TMP/wal/t.db-wal 中还有"
contains "…naming the command" "$TZ_TMP/err" "taizhang --db $TZ_TMP/wal/t.db init"
done_testing
