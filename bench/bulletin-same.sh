#!/bin/bash
# bulletin-same.sh: every bulletin of a build byte for byte against another
# build's (issue 6: a faster bulletin must print exactly what it printed).
#
#   bench/bulletin-same.sh OLD_BIN NEW_BIN DATA_DIR... [-- FORMATS]
#
# For each DATA_DIR (projects.csv + progress.csv): imports it (--partial,
# so dirty ledgers load their good rows) with each
# binary into its own database, then for every month of every year that
# has reports, every --by and every format (json csv html by default; xlsx
# too when asked, compared as unzipped parts but for the creation time in docProps/core.xml), runs `bulletin` and
# `missing`, the new binary twice (the first run of a year may count from
# SQL and build the base, the second uses the base), and compares output
# and exit status with the old binary's. Also compares the exports. Prints
# one line per data set; exits 1 at the first difference.
set -uo pipefail
old=$1 new=$2
shift 2
dirs=()
formats="json csv html"
while [ $# -gt 0 ]; do
	if [ "$1" = -- ]; then formats=$2; break; fi
	dirs+=("$1"); shift
done
work=$(mktemp -d /tmp/bulletin-same.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "DIFFERENT: $*"; exit 1; }

# Run one side: stdout+stderr to $out, status appended.
run() {
	local bin=$1 db=$2 out=$3
	shift 3
	"$bin" --db "$db" "$@" > "$out" 2>&1
	echo "exit=$?" >> "$out"
}

same_file() {
	cmp -s "$1" "$2" && return 0
	if [ "${1##*.}" = xlsx ]; then
		rm -rf "$work/xa" "$work/xb"
		mkdir -p "$work/xa" "$work/xb"
		(cd "$work/xa" && unzip -q "$1") && (cd "$work/xb" && unzip -q "$2") &&
			diff -r -x core.xml "$work/xa" "$work/xb" >/dev/null
	else
		return 1
	fi
}

for d in "${dirs[@]}"; do
	a=$work/old.db b=$work/new.db
	rm -f "$a"* "$b"*
	n=0
	for side in old new; do
		bin=$old db=$a
		[ $side = new ] && bin=$new db=$b
		"$bin" --db "$db" init >/dev/null
		run "$bin" "$db" "$work/$side-ip" import projects --partial "$d/projects.csv"
		run "$bin" "$db" "$work/$side-ig" import progress --partial "$d/progress.csv"
	done
	cmp -s "$work/old-ip" "$work/new-ip" && cmp -s "$work/old-ig" "$work/new-ig" ||
		fail "$d: import messages"
	periods=$(sqlite3 "$a" "SELECT DISTINCT period FROM progress ORDER BY period" |
		sed 's/\(....\)\(..\)/\1-\2/')
	years=$(sqlite3 "$a" "SELECT DISTINCT year FROM ledger ORDER BY year")
	# Months without reports too: the refusal must be the same.
	for y in $years; do
		for m in 01 02 03 04 05 06 07 08 09 10 11 12; do periods="$periods $y-$m"; done
	done
	periods=$(echo $periods | tr ' ' '\n' | sort -u)
	for p in $periods; do
		for by in region category level leader unit; do
			for f in $formats; do
				ext=$f
				for side in old new new2; do
					bin=$new db=$b
					[ $side = old ] && bin=$old db=$a
					run "$bin" "$db" "$work/$side.log" bulletin --period "$p" --by "$by" \
						--format "$f" --out "$work/$side.$ext"
					[ -f "$work/$side.$ext" ] || touch "$work/$side.$ext"
				done
				for side in new new2; do
					cmp -s "$work/old.log" "$work/$side.log" ||
						fail "$d bulletin $p $by $f ($side): messages or status"
					same_file "$work/old.$ext" "$work/$side.$ext" ||
						fail "$d bulletin $p $by $f ($side)"
				done
				rm -f "$work"/old.$ext "$work"/new.$ext "$work"/new2.$ext
				n=$((n + 1))
			done
			run "$old" "$a" "$work/old.m" missing --period "$p" --by "$by"
			run "$new" "$b" "$work/new.m" missing --period "$p" --by "$by"
			cmp -s "$work/old.m" "$work/new.m" || fail "$d missing $p $by"
			n=$((n + 1))
		done
	done
	for y in $years; do
		for what in projects progress; do
			run "$old" "$a" "$work/old.e" export "$what" --year "$y"
			run "$new" "$b" "$work/new.e" export "$what" --year "$y"
			cmp -s "$work/old.e" "$work/new.e" || fail "$d export $what $y"
			n=$((n + 1))
		done
	done
	echo "same: $d ($n outputs compared, bulletins twice on the new side)"
done
