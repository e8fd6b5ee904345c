#!/bin/bash
# t1245-bulletin-base-file.sh: the bulletin base's side file
# (sqlite-bulletin-base.c, docs/internals/bulletin.md). A build writes
# the year's parts to `<database>-base<year>` and its nonce to the
# database; a bulletin maps the parts from the file only when the file
# is that very build's (nonce, stamp, format, part 0's header), and
# otherwise reads them out of SQLite, with the same bytes out either
# way: a file from another database, from an earlier build of this one,
# cut short, missing or never written changes nothing a reader sees.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-base.sh"

db="$TZ_TMP/demo.db"
side="$db-base2025"
ok "a demo city" tz --db "$db" demo --projects 300

# from: where the last bulletin's parts came from (file, db) or sql.
from() {
	sed -n 's/.*event=bulletin_base_count source=\([a-z]*\).*/\1/p' "$TZ_TMP/b.err" | grep . ||
		echo sql
}

# bulletin [DB]: 2025-12 by region into $TZ_TMP/b.json, log in b.err.
bulletin() {
	TZ_LOG_LEVEL=debug "$TZ_BIN" --db "${1:-$db}" bulletin --period 2025-12 --by region \
		--out "$TZ_TMP/b.json" 2>"$TZ_TMP/b.err"
}

bulletin
is "the demo wrote after its import: the first bulletin counts from SQL" "$(from)" sql
ok "…and writes the side file beside the database" test -s "$side"
ok "…with no temporary left" test ! -e "$side.tmp"
bulletin
is "the next bulletin maps its parts from the file" "$(from)" file
cp "$TZ_TMP/b.json" "$TZ_TMP/want.json"
ok "every bulletin from the file is the one counted from SQL" \
	base_same_as_sql "$db" 2025-12 2025-11 2025-06 2025-01
TZ_LOG_LEVEL=debug tz --db "$db" bulletin --period 2025-06 --by unit --format csv \
	--out "$TZ_TMP/u.csv" 2>"$TZ_TMP/b.err"
is "…the file serves every month and grouping" "$(from)" file

# Another database's file of the same year: same layout, another nonce.
other="$TZ_TMP/other.db"
ok "another demo" tz --db "$other" demo --projects 300
bulletin "$other"
ok "…with a side file of its own" test -s "$other-base2025"
cp "$side" "$TZ_TMP/mine"
cp "$other-base2025" "$side"
bulletin
is "another database's file is not used" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"

# An earlier build's file of this very database.
cp "$TZ_TMP/mine" "$side"
bulletin
is "the file back: used again" "$(from)" file
ok "a period closed and reopened (a write: the base is stale)" \
	sh -c "'$TZ_BIN' --db '$db' period close 2025-12 && '$TZ_BIN' --db '$db' period open 2025-12"
bulletin
is "…the next bulletin counts from SQL and rebuilds" "$(from)" sql
ok "…a new file" sh -c "! cmp -s '$side' '$TZ_TMP/mine'"
cp "$TZ_TMP/mine" "$side"
bulletin
is "the earlier build's file is not used" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"

# Cut short, then missing.
ok "a write, and a bulletin that rebuilds" \
	sh -c "'$TZ_BIN' --db '$db' period close 2025-12 && '$TZ_BIN' --db '$db' period open 2025-12"
bulletin
bulletin
is "…the new file is used" "$(from)" file
ok "the file cut short" truncate -s 20000 "$side"
bulletin
is "…is not used" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"
rm -f "$side"
bulletin
is "a missing file: the parts come from the database" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"

# A file that cannot be written: the base is built all the same.
ok "a write" sh -c "'$TZ_BIN' --db '$db' period close 2025-12 && '$TZ_BIN' --db '$db' period open 2025-12"
mkdir "$side.tmp"
bulletin
is "the base cannot get a file: the bulletin counts from SQL" "$(from)" sql
contains "…and says why in its log" "$TZ_TMP/b.err" "event=bulletin_base_file"
ok "…no file" test ! -e "$side"
bulletin
is "…the next bulletin reads the base from the database" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"
rmdir "$side.tmp"

# A copy of the database (a backup) has no file and needs none.
sqlite3 "$db" ".backup '$TZ_TMP/copy.db'"
bulletin "$TZ_TMP/copy.db"
is "a backup copy reads its base from the database" "$(from)" db
ok "…the bulletin is the same" cmp -s "$TZ_TMP/b.json" "$TZ_TMP/want.json"

done_testing
