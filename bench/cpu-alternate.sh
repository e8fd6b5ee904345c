#!/bin/bash
# bench/cpu-alternate.sh ROUNDS ARGS... -- LABEL=BIN:DB ...: runs `BIN --db DB
# ARGS` for each LABEL in turn, ROUNDS times, each run alone under `perf stat
# -e task-clock`, and prints the minimum, lower quartile and median CPU ms of
# each: on a shared machine the low quantiles of alternated single runs
# move less than the means of `perf stat -r` (bench/README.md, "Tenth
# session: the bulletin's strings").
rounds=$1; shift
args=()
while [ "$1" != -- ]; do args+=("$1"); shift; done; shift
declare -A res
for r in $(seq $rounds); do
	for spec in "$@"; do
		lab=${spec%%=*} rest=${spec#*=} bin=${rest%%:*} db=${rest#*:}
		t=$(perf stat -x, -e task-clock "$bin" --db "$db" "${args[@]}" 2>&1 >/dev/null | grep task-clock | cut -d, -f1)
		res[$lab]+="$t "
	done
done
for spec in "$@"; do
	lab=${spec%%=*}
	echo "$lab ${res[$lab]}" | tr ' ' '\n' | tail -n +2 | grep . | sort -n | awk -v l=$lab '{a[NR]=$1} END{printf "%-6s n=%d min=%.2f p25=%.2f median=%.2f\n", l, NR, a[1], a[int(NR/4)+1], a[int(NR/2)+1]}'
done
