#!/bin/bash
# dispatch.sh: the dispatch benchmark: traffic lights and the on-time rate
# of a whole city for one period, each one ordered scan of the year's
# ledger and running totals (docs/internals/dispatch.md), next to the
# bulletin of the same period on the same database for scale.
#
#   bench/dispatch.sh [--projects N] [--runs R]
#
# Makes `taizhang demo --projects N --months 12` (its last month open,
# most reports saved by the deadline, some late, some missing), then runs
# each command R times and prints the medians of: the store's own wall
# and CPU time (TZ_LOG_LEVEL=info, event=lights / event=ontime), the whole
# command's wall time, and its CPU time (user + system). On a shared
# machine the CPU times are the ones to compare. Nothing here asserts a
# time.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
projects=100000
runs=9
while [ $# -gt 0 ]; do
	case $1 in
	--projects) projects=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) echo "usage: $0 [--projects N] [--runs R]" >&2; exit 2 ;;
	esac
done

bin=$top/build/taizhang
[ -x "$bin" ] || make -s all
out=$top/bench/out/dispatch
rm -rf "$out"
mkdir -p "$out"
db=$out/demo.db
period=2025-12

t0=$(date +%s%N)
"$bin" --db "$db" demo --projects "$projects" --months 12 > "$out/demo.txt"
t1=$(date +%s%N)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run NAME EVENT CMD...: medians of the store's wall and CPU ms for EVENT
# (or -), and the wall and CPU ms of CMD.
run() {
	local name=$1 event=$2
	shift 2
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%e %U %S" -o "$out/time" env TZ_LOG_LEVEL=info "$@" \
			>/dev/null 2>"$out/log"
		local store="- -"
		if [ "$event" != - ]; then
			store=$(sed -n "s/.*event=$event.* ms=\([0-9.]*\) cpu_ms=\([0-9.]*\).*/\1 \2/p" \
				"$out/log" | tail -1)
		fi
		awk -v s="$store" '{printf "%s %.0f %.0f\n", s, $1 * 1000, ($2 + $3) * 1000}' "$out/time"
	done > "$out/runs"
	printf '%-36s %9s %9s %9s %9s\n' "$name" \
		"$(cut -d' ' -f1 "$out/runs" | median)" "$(cut -d' ' -f2 "$out/runs" | median)" \
		"$(cut -d' ' -f3 "$out/runs" | median)" "$(cut -d' ' -f4 "$out/runs" | median)"
}

echo "Dispatch benchmark: $projects projects, lights and on-time rate for $period"
echo "data: taizhang demo --projects $projects --months 12 ($(( (t1 - t0) / 1000000 )) ms)"
sed -n 's/^  调度期/  调度期/p' "$out/demo.txt"
echo "machine: $(nproc) CPUs, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-36s %9s %9s %9s %9s\n' "(medians of $runs runs, ms)" "store" "store cpu" \
	"command" "cmd cpu"
run "period lights (counts per node)" lights "$bin" --db "$db" period lights "$period"
run "period lights --list (every project)" lights "$bin" --db "$db" period lights "$period" --list
run "period rate (ranks, missing list)" ontime "$bin" --db "$db" period rate "$period"
run "bulletin --by region (for scale)" - "$bin" --db "$db" bulletin --period "$period" \
	--out "$out/b.json"
