# lib.sh: helpers for the black-box scripts in tests/t (after git's
# test-lib). Each check prints "ok N - what" or "not ok N - what"; the
# runner counts those lines. Source it first: . "$(dirname "$0")/lib.sh"

set -u
: "${TZ_BIN:?run through make test (TZ_BIN is not set)}"
: "${TZ_TEST_DATA:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../data" && pwd)}"
TZ_TMP=$(mktemp -d)
export TAIZHANG_DB="$TZ_TMP/test.db"
trap 'rm -rf "$TZ_TMP"' EXIT
tz_n=0
tz_failed=0

tz() { "$TZ_BIN" "$@"; }

# ok "what" command...: passes when the command succeeds.
ok() {
	local what=$1; shift
	tz_n=$((tz_n + 1))
	if "$@" >"$TZ_TMP/out" 2>"$TZ_TMP/err"; then
		echo "ok $tz_n - $what"
	else
		echo "not ok $tz_n - $what"
		sed 's/^/#   /' "$TZ_TMP/out" "$TZ_TMP/err" | head -30
		tz_failed=$((tz_failed + 1))
	fi
}

# fails "what" command...: passes when the command exits non-zero
# (and did not crash: a signal or sanitizer report fails the check).
fails() {
	local what=$1 rc; shift
	tz_n=$((tz_n + 1))
	"$@" >"$TZ_TMP/out" 2>"$TZ_TMP/err"
	rc=$?
	if [ "$rc" != 0 ] && [ "$rc" -lt 128 ] && ! grep -q 'Sanitizer' "$TZ_TMP/err"; then
		echo "ok $tz_n - $what"
	else
		echo "not ok $tz_n - $what (exit $rc)"
		sed 's/^/#   /' "$TZ_TMP/out" "$TZ_TMP/err" | head -30
		tz_failed=$((tz_failed + 1))
	fi
}

# is "what" actual expected
is() {
	tz_n=$((tz_n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $tz_n - $1"
	else
		echo "not ok $tz_n - $1"
		echo "#   expected: $3"
		echo "#   actual:   $2"
		tz_failed=$((tz_failed + 1))
	fi
}

# contains "what" file pattern: grep -F the pattern in the file.
contains() {
	tz_n=$((tz_n + 1))
	if grep -qF -- "$3" "$2"; then
		echo "ok $tz_n - $1"
	else
		echo "not ok $tz_n - $1"
		echo "#   '$3' not found in $2:"
		sed 's/^/#   /' "$2" | head -20
		tz_failed=$((tz_failed + 1))
	fi
}

# lacks "what" file pattern: the pattern (grep -F) is not in the file.
lacks() {
	tz_n=$((tz_n + 1))
	if grep -qF -- "$3" "$2"; then
		echo "not ok $tz_n - $1"
		echo "#   '$3' found in $2:"
		sed 's/^/#   /' "$2" | head -5
		tz_failed=$((tz_failed + 1))
	else
		echo "ok $tz_n - $1"
	fi
}

done_testing() {
	[ "$tz_failed" = 0 ]
}

# hold_db SQL: the sqlite3 shell runs SQL on $TAIZHANG_DB and keeps its
# connection open, as another program would, until release_db [SQL]
# (SELECT 1 unless told) ends it (t1421, t1422).
hold_db() {
	mkfifo "$TZ_TMP/hold"
	sqlite3 "$TAIZHANG_DB" "$1" ".read $TZ_TMP/hold" >/dev/null &
	tz_holder=$!
	# The shell opens the file at its first statement; its -shm file
	# shows the connection is there.
	for _ in $(seq 50); do
		[ -e "$TAIZHANG_DB-shm" ] && break
		sleep 0.1
	done
}
release_db() {
	echo "${1:-SELECT 1;}" >"$TZ_TMP/hold"
	wait "$tz_holder"
	rm -f "$TZ_TMP/hold"
}
