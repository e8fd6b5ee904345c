#!/bin/bash
# docparse.sh: throughput of `taizhang doc parse`.
#
#   bench/docparse.sh [BIN] [MB]
#
# 1. A corpus of about MB megabytes (default 100) made by repeating the
#    five seed documents as separate files; `taizhang doc parse` is run on
#    each (one process per document, as a user would) and documents/s,
#    MB/s and the peak memory of any one run are reported; then the same
#    files 1000 to a process (`doc parse FILE...`), the parser's own rate.
# 2. One document of about 50 MB (the seeds repeated inside one file) is
#    parsed once: time and peak memory.
#
# Figures and the machine they were measured on go in bench/docparse.md.
# Nothing here asserts a time: tests never depend on the machine's speed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/build/taizhang}
mb=${2:-100}
seeds="$top/tests/data/seeds"
timebin=/usr/bin/time

if [ ! -x "$bin" ]; then
	echo "docparse.sh: $bin not found; run make first" >&2
	exit 1
fi
if [ ! -x "$timebin" ]; then
	echo "docparse.sh: /usr/bin/time is missing (Debian package time)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- corpus of separate documents -----------------------------------------
want=$((mb * 1024 * 1024))
total=0
n=0
mkdir -p "$work/corpus"
while [ "$total" -lt "$want" ]; do
	for f in "$seeds"/*.txt; do
		d="$work/corpus/$((n / 1000))"
		[ -d "$d" ] || mkdir -p "$d"
		cp "$f" "$d/$n.txt"
		total=$((total + $(stat -c %s "$f")))
		n=$((n + 1))
	done
done
bytes=$(find "$work/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $n documents, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MB"

find "$work/corpus" -type f -name '*.txt' | sort > "$work/list"
"$timebin" -v -o "$work/time1" \
	xargs -a "$work/list" -n 1 "$bin" doc parse > /dev/null
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time1")
secs=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
# Peak memory of one run: time -v around xargs sees only xargs, so measure
# each seed once on its own (every copy of a seed uses the same memory).
rss=0
for f in "$seeds"/*.txt; do
	"$timebin" -f %M -o "$work/rss" "$bin" doc parse "$f" > /dev/null
	r=$(cat "$work/rss")
	[ "$r" -gt "$rss" ] && rss=$r
done
awk -v n="$n" -v b="$bytes" -v s="$secs" -v r="$rss" 'BEGIN {
	printf "separate documents: %.2f s, %.0f documents/s, %.1f MB/s, peak RSS %.1f MB\n",
		s, n / s, b / 1048576 / s, r / 1024 }'

# --- the same documents, many to a process ---------------------------------
# `doc parse FILE...` reads each file in turn (JSON Lines out), so this is
# the parser's own rate, without starting a process per document.
"$timebin" -v -o "$work/time3" \
	xargs -a "$work/list" -n 1000 "$bin" doc parse > /dev/null
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time3")
secs=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
awk -v n="$n" -v b="$bytes" -v s="$secs" 'BEGIN {
	printf "batches of 1000 documents: %.2f s, %.0f documents/s, %.1f MB/s\n",
		s, n / s, b / 1048576 / s }'

# --- one large document ---------------------------------------------------
: > "$work/big.txt"
while [ "$(stat -c %s "$work/big.txt")" -lt $((50 * 1024 * 1024)) ]; do
	for i in $(seq 1 100); do
		cat "$seeds"/*.txt
		echo
	done >> "$work/big.txt"
done
bbytes=$(stat -c %s "$work/big.txt")
"$timebin" -v -o "$work/time2" "$bin" doc parse "$work/big.txt" > "$work/big.json"
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time2")
secs=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time2")
awk -v b="$bbytes" -v s="$secs" -v r="$rss" 'BEGIN {
	printf "one document of %.1f MB: %.2f s, %.1f MB/s, peak RSS %.1f MB\n",
		b / 1048576, s, b / 1048576 / s, r / 1024 }'
