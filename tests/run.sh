#!/bin/bash
# run.sh: the test runner behind `make test`.
#
# Runs every cmocka unit binary given as an argument, then every black-box
# script tests/t/t*.sh, and closes with one line "N passed, N failed"
# counting individual test cases. cmocka prints its summary to stderr, so
# each binary's output is captured with 2>&1 and read from there.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export TZ_TEST_DATA="$top/tests/data"
export TZ_TOP="$top"
: "${TZ_BIN:?TZ_BIN must point at the taizhang binary}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$top/tests/lsan.supp:print_suppressions=0}"

passed=0
failed=0
failures=()
logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT

# record NAME LOG PASSED FAILED: add to the totals and say how it went.
record() {
	passed=$(($passed + $3))
	failed=$(($failed + $4))
	if [ "$4" != 0 ]; then
		failures+=("$1")
		echo "FAIL $1"
		sed 's/^/    /' "$2" | tail -40
	else
		echo "ok   $1 ($3)"
	fi
}

for bin in "$@"; do
	name=${bin#"$TZ_BUILD"/}
	log="$logdir/$(echo "$name" | tr / _).log"
	(cd "$top" && "$bin") >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1 # crashed or sanitizer stopped it before cmocka's summary
	fi
	record "$name" "$log" "$p" "$f"
	# A test may report a figure (docparse accuracy): show it.
	grep -h '^[a-z]* accuracy:' "$log" | sed 's/^/     /'
done

for t in "$top"/tests/t/t[0-9]*.sh; do
	[ -e "$t" ] || continue
	name=tests/t/$(basename "$t")
	log="$logdir/$(basename "$t").log"
	(cd "$top" && bash "$t") >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
	fi
	record "$name" "$log" "$p" "$f"
done

# Browser tests: Debian's chromium driven by playwright-core (tests/browser).
for t in "$top"/tests/browser/t[0-9]*.mjs; do
	[ -e "$t" ] || continue
	name=tests/browser/$(basename "$t")
	log="$logdir/$(basename "$t").log"
	(cd "$top" && node "$t") >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
	fi
	record "$name" "$log" "$p" "$f"
done

if [ ${#failures[@]} -gt 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
