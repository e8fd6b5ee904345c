# lib-base.sh: checks of the bulletin base (docs/internals/bulletin.md)
# shared by t1240 and t1241. Source after lib.sh.

# base_same_as_sql DB PERIOD...: for each period, every grouping in json
# and csv, and `missing`: what DB gives (from its base when the base is
# current) is byte for byte what a copy of DB without the base gives
# (counted from SQL), exit status included. base_used is then the number
# of those bulletins that counted from the base (their debug event). The
# copy's base is dropped before each of its bulletins: one counted from
# SQL builds a base of its year, which the next would count from.
base_same_as_sql() {
	local db=$1 p by f bad=
	shift
	base_used=0
	rm -f "$TZ_TMP/ref.db"*
	sqlite3 "$db" ".backup '$TZ_TMP/ref.db'" || return 1
	for p in "$@"; do
		for by in region unit leader category level; do
			for f in json csv; do
				TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$db" bulletin --period "$p" --by "$by" \
					--format "$f" --out "$TZ_TMP/b.$f" 2>"$TZ_TMP/b.err"
				echo "exit=$?" >>"$TZ_TMP/b.$f"
				grep -q 'event=bulletin_base_count' "$TZ_TMP/b.err" && base_used=$((base_used + 1))
				sqlite3 "$TZ_TMP/ref.db" "DROP TABLE IF EXISTS bulletin_base" || return 1
				TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$TZ_TMP/ref.db" bulletin --period "$p" \
					--by "$by" --format "$f" --out "$TZ_TMP/r.$f" 2>"$TZ_TMP/r.err"
				echo "exit=$?" >>"$TZ_TMP/r.$f"
				grep -q 'event=bulletin_base_count' "$TZ_TMP/r.err" && bad="$bad $p/$by/$f(ref-base)"
				cmp -s "$TZ_TMP/b.$f" "$TZ_TMP/r.$f" || bad="$bad $p/$by/$f"
			done
		done
		"$TZ_BIN" --db "$db" missing --period "$p" >"$TZ_TMP/m1" 2>&1
		sqlite3 "$TZ_TMP/ref.db" "DROP TABLE IF EXISTS bulletin_base" || return 1
		"$TZ_BIN" --db "$TZ_TMP/ref.db" missing --period "$p" >"$TZ_TMP/m2" 2>&1
		cmp -s "$TZ_TMP/m1" "$TZ_TMP/m2" || bad="$bad $p/missing"
	done
	[ -z "$bad" ] || { echo "different:$bad"; return 1; }
}
