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
# 3. Pathological inputs for the scanners, each at two sizes (1x and 4x):
#    the time should grow about four times, never sixteen (the reader is
#    linear in its input). Skipped with PATHOLOGICAL=0.
#
# Figures and the machine they were measured on go in bench/README.md (its document-reading section).
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

# --- pathological inputs ---------------------------------------------------
[ "${PATHOLOGICAL:-1}" = 0 ] && exit 0
# gen NAME SCALE > file: one hostile document per scanner added or
# touched by issue 8 (tables, clause tasks, 下同, units after sub-points,
# rates paired from figures, totals, catalogue labels, breadcrumbs,
# impossible dates, grouped private numbers, nested HTML tables).
gen() {
	python3 - "$1" "$2" <<'PY'
import sys
name, k = sys.argv[1], int(sys.argv[2])
n = 20000 * k
w = sys.stdout.write
if name == "flat-table":
    w("一、重点任务\n序号\n重点任务\n牵头单位\n责任单位\n完成时限\n")
    for i in range(1, n + 1):
        w(f"{i}\n推进第{i}项工作\n市发改委\n市财政局、各县市区政府\n2025年6月底前\n")
elif name == "tab-table":
    w("序号\t任务\t牵头单位\t责任单位\t完成时限\n")
    for i in range(1, n + 1):
        w(f"{i}\t推进第{i}项工作\t市发改委\t市财政局及各县市区政府\t长期坚持\n")
elif name == "clause-tasks":
    w("一、任务\n1.总体。")
    w("推进甲项工作（市发改委牵头，市财政局配合，2025年底前完成）；" * n)
    w("\n")
elif name == "same-below":
    w("一、任务\n（一）甲。（市发改委牵头，市直有关部门按职责分工负责。不再分工，下同）\n")
    for i in range(n):
        w(f"{i + 1}.乙{i}。\n")
elif name == "sub-points":
    w("（一）老旧小区改造\n")
    for i in range(1, n // 4 + 1):
        w(f"{i}.任务{i}\n(1)甲。\n(2)乙。\n(3)丙。\n(责任单位:市住建局、各县市区政府)\n")
elif name == "rates":
    w("全市重点项目进展情况\n")
    w("年度计划投资200亿元，完成投资100亿元，投资完成率50%，计划开工项目40个，已开工30个，开工率75%；" * n)
    w("\n")
elif name == "totals":
    w("城建方面18件，工业方面13件，农业方面6件，共计37件，其中甲类12件、乙类25件；" * n)
    w("\n")
elif name == "catalogue":
    for i in range(n):
        w("索 引 号:\n43090000/2024-01562\n文 号:\n发布日期(2024-07-11)  分类：综合政务\n")
elif name == "breadcrumbs":
    for i in range(n):
        w("您当前的位置:首页 > 信息公开 > 建议提案办理关于政协第六届委员会第一次会议第43号提案的答复\n")
elif name == "dates-pii":
    w("原定于9月31日开工，联系电话+86 139-1234-5678，身份证110105 19491231 002X；" * n)
    w("\n")
elif name == "html-tables":
    w("<html><body>")
    w("<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr><tr><td>1</td><td><p>甲</p>" * n)
    w("</body></html>\n")
PY
}

echo "pathological inputs (1x, then 4x the size):"
for name in flat-table tab-table clause-tasks same-below sub-points rates totals catalogue \
	breadcrumbs dates-pii html-tables; do
	line="  $name:"
	for k in 1 4; do
		gen "$name" "$k" > "$work/p.txt"
		pb=$(stat -c %s "$work/p.txt")
		"$timebin" -f '%e %M' -o "$work/pt" "$bin" doc parse "$work/p.txt" > /dev/null || true
		read -r t m < "$work/pt"
		line="$line $(awk -v b="$pb" -v t="$t" -v m="$m" 'BEGIN {
			printf "%.1f MB %.2f s %.0f MB RSS;", b / 1048576, t, m / 1024 }')"
	done
	echo "$line"
done
