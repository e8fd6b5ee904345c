#!/bin/bash
# t1900-cases.sh: the real-world cases Taizhang once failed (tests/data/
# cases, a copy of ../shared/cases with their expected results): every
# one must hold.
. "$(dirname "$0")/lib.sh"

python3 "$TZ_TEST_DATA/cases/check.py" "$TZ_BIN" > "$TZ_TMP/cases.out" 2>&1
total=$(tail -n 1 "$TZ_TMP/cases.out" | sed -n 's/^[0-9]*\/\([0-9]*\) cases hold$/\1/p')
is "the cases ran" "$([ -n "$total" ] && [ "$total" -ge 38 ] && echo yes)" yes
while read -r line; do
	case $line in
	*"cases hold") ;;
	*) is "case: ${line%%:*}" "$line" "holds" ;;
	esac
done < "$TZ_TMP/cases.out"
contains "every case holds" "$TZ_TMP/cases.out" "$total/$total cases hold"
done_testing
