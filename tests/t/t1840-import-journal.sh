#!/bin/bash
# t1840-import-journal.sh: the journal of an import (issue 6; docs/
# internals/store.md, "The journal of an import"). An import alone on the
# file runs in a rollback journal and leaves the file in WAL; with
# `taizhang serve` open on the same database it stays in WAL, succeeds
# without waiting, imports what it imports alone, and the server keeps
# answering; an import killed inside its transaction leaves the file as
# it was, and the next open puts a file left in rollback mode back into
# WAL. The inputs are a demo city's own exports (made here).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

if ! command -v sqlite3 >/dev/null; then
	echo "ok 1 # skip sqlite3 is not installed"
	exit 0
fi
mode() { sqlite3 "$1" "PRAGMA journal_mode"; }
ms() { date +%s%3N; }

demo="$TZ_TMP/demo.db"
ok "a demo city of 3000 projects" tz --db "$demo" demo --projects 3000
ok "its ledger" tz --db "$demo" export projects --out "$TZ_TMP/p.csv"
ok "its reports" tz --db "$demo" export progress --out "$TZ_TMP/r.csv"
# The first 2,000 rows of reports, then the rest.
head -n 2001 "$TZ_TMP/r.csv" >"$TZ_TMP/r1.csv"

# Alone on the file.
db="$TZ_TMP/alone.db"
ok "init" tz --db "$db" init
ok "import projects alone" tz --db "$db" import projects "$TZ_TMP/p.csv"
is "…leaves the file in WAL" "$(mode "$db")" wal
ok "import progress alone" tz --db "$db" import progress "$TZ_TMP/r.csv" --confirm-large
cp "$TZ_TMP/out" "$TZ_TMP/alone.out"
is "…leaves the file in WAL" "$(mode "$db")" wal
ok "export" tz --db "$db" export progress --out "$TZ_TMP/alone-progress.csv"

# While an import reads its rows (from a pipe held open), the file is in
# a rollback journal: kill it there.
db="$TZ_TMP/killed.db"
ok "init" tz --db "$db" init
ok "import projects" tz --db "$db" import projects "$TZ_TMP/p.csv"
ok "a first month's reports" tz --db "$db" import progress "$TZ_TMP/r1.csv" --confirm-large
ok "export before" tz --db "$db" export progress --out "$TZ_TMP/before.csv"
mkfifo "$TZ_TMP/pipe"
"$TZ_BIN" --db "$db" import progress - --confirm-large <"$TZ_TMP/pipe" >/dev/null 2>&1 &
pid=$!
exec 3>"$TZ_TMP/pipe"
head -c 400000 "$TZ_TMP/r.csv" >&3
for i in $(seq 1 200); do
	[ -e "$db-journal" ] && break
	sleep 0.05
done
is "an import alone writes a rollback journal" "$([ -e "$db-journal" ] && echo yes)" yes
is "…and no WAL" "$([ -e "$db-wal" ] && echo yes)" ""
kill -KILL "$pid"
wait "$pid" 2>/dev/null
exec 3>&-
ok "a database whose import was killed opens" tz --db "$db" export progress --out "$TZ_TMP/after.csv"
is "…holding what it held before" "$(cmp "$TZ_TMP/before.csv" "$TZ_TMP/after.csv" && echo same)" same
is "…in WAL again" "$(mode "$db")" wal
is "…the rollback journal gone" "$([ -e "$db-journal" ] && echo yes)" ""
ok "the whole file imports" tz --db "$db" import progress "$TZ_TMP/r.csv" --confirm-large
ok "export" tz --db "$db" export progress --out "$TZ_TMP/killed-progress.csv"
is "…as alone" "$(cmp "$TZ_TMP/alone-progress.csv" "$TZ_TMP/killed-progress.csv" && echo same)" same

# A file left in rollback mode (an import killed between its commit and
# its return to WAL) is put back into WAL by the next open.
db="$TZ_TMP/left.db"
cp "$TZ_TMP/alone.db" "$db"
is "a file switched to a rollback journal" "$(mode "$db"; sqlite3 "$db" "PRAGMA journal_mode=DELETE")" "wal
delete"
ok "opens" tz --db "$db" export progress --out "$TZ_TMP/left-progress.csv"
is "…in WAL again" "$(mode "$db")" wal
is "…holding what it held" "$(cmp "$TZ_TMP/alone-progress.csv" "$TZ_TMP/left-progress.csv" && echo same)" same

# With the server open on the file (a coordinator signed in): the
# ledger first, then the reports, each into a copy of the file too.
db="$TZ_TMP/served.db"
ok "init" tz --db "$db" init
ok "import projects" tz --db "$db" import projects "$TZ_TMP/p.csv"
ok "a coordinator" sh -c "echo a-good-password | '$TZ_BIN' --db '$db' user add boss --role coordinator --org C --password-stdin --weak-hash"
cp "$db" "$TZ_TMP/copy.db"
ok "serve starts" web_start "$db" --weak-hashes on
is "the coordinator signs in" "$(web_login boss a-good-password)" 303
K="-b $TZ_TMP/jar-boss"
is "…sees the projects" "$(status "$WEB_URL/projects" $K)" 200
ok "import progress into the copy" tz --db "$TZ_TMP/copy.db" import progress "$TZ_TMP/r.csv" --confirm-large
cp "$TZ_TMP/out" "$TZ_TMP/copy.out"
t0=$(ms)
ok "import progress while the server runs" tz --db "$db" import progress "$TZ_TMP/r.csv" --confirm-large
t1=$(ms)
is "…says what it says on the copy" "$(cmp "$TZ_TMP/out" "$TZ_TMP/copy.out" && echo same)" same
is "…without waiting for the server's connections" "$([ $((t1 - t0)) -lt 8000 ] && echo fast)" fast
ok "import projects again while the server runs" tz --db "$db" import projects "$TZ_TMP/p.csv"
contains "…all unchanged" "$TZ_TMP/err" "未变3000）"
is "…the file still in WAL" "$(mode "$db")" wal
is "the server answers" "$(status "$WEB_URL/projects" $K)" 200
ok "export" tz --db "$db" export progress --out "$TZ_TMP/served-progress.csv"
is "…the reports imported alone" "$(cmp "$TZ_TMP/alone-progress.csv" "$TZ_TMP/served-progress.csv" && echo same)" same
ok "the server stops cleanly" web_stop

done_testing
