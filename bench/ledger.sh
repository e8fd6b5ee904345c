#!/bin/bash
# ledger.sh: the ledger benchmark of issue 2, Taizhang side by side with the
# sqlite3 shell doing the same work, in one run on one machine.
#
#   bench/ledger.sh [--projects N] [--months M] [--runs R]
#
# Generates a ledger (shared/bench/gen_ledger.py when it is there, else
# `taizhang demo` exported to CSV), then times
#   - taizhang import projects + import progress   vs  sqlite3 .import --csv of both
#   - taizhang bulletin --period P --by region|category|level
#                                                   vs  bench/bulletin.sql
# and prints each pair, their ratio, and the peak memory of each import.
# Bulletin times are the median of R runs. Nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
projects=100000
months=36
runs=5
while [ $# -gt 0 ]; do
	case $1 in
	--projects) projects=$2; shift 2 ;;
	--months) months=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) echo "usage: $0 [--projects N] [--months M] [--runs R]" >&2; exit 2 ;;
	esac
done

bin=$top/build/taizhang
[ -x "$bin" ] || make -s all
out=$top/bench/out
rm -rf "$out"
mkdir -p "$out/data"
gen=$top/../shared/bench/gen_ledger.py
period=2025-12
if [ -f "$gen" ]; then
	source="gen_ledger.py --projects $projects --months $months --start $((2026 - (months + 11) / 12))-01"
	python3 "$gen" --projects "$projects" --months "$months" \
		--start "$((2026 - (months + 11) / 12))-01" --out "$out/data" >/dev/null
	period=$(python3 -c "import json;print(json.load(open('$out/data/truth.json'))['periods'][-1])")
else
	source="taizhang demo --projects $projects --months $months (gen_ledger.py not found)"
	"$bin" --db "$out/demo.db" demo --projects "$projects" --months "$months" >/dev/null
	"$bin" --db "$out/demo.db" export projects --out "$out/data/projects.csv"
	"$bin" --db "$out/demo.db" export progress --out "$out/data/progress.csv"
fi
year=${period%-*}
month=$((10#${period#*-}))
rows=$(($(wc -l < "$out/data/progress.csv") - 1))

now() { date +%s%N; }
ms() { echo "scale=1; ($2 - $1) / 1000000" | bc; }

# Run a command, print "seconds peak_kb" (wall clock from date, memory from time).
measure() {
	local t0 t1
	t0=$(now)
	/usr/bin/time -f "%M" -o "$out/mem" "$@" >/dev/null 2>"$out/stderr" ||
		{ cat "$out/stderr" >&2; exit 1; }
	t1=$(now)
	echo "$(ms "$t0" "$t1") $(tail -1 "$out/mem")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Median wall time in ms of $runs runs of a command.
time_runs() {
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		ms "$t0" "$t1"
	done | median
}

echo "Ledger benchmark: $projects projects, $rows progress rows, bulletin for $period"
echo "data: $source"
echo "machine: $(nproc) CPUs, $(uname -sr), $(sqlite3 --version | cut -d' ' -f1)"
echo

read -r tp mp < <(measure "$bin" --db "$out/tz.db" import projects "$out/data/projects.csv")
read -r tr mr < <(measure "$bin" --db "$out/tz.db" import progress "$out/data/progress.csv")
read -r sp msp < <(measure sqlite3 "$out/raw.db" ".import --csv $out/data/projects.csv projects_raw")
read -r sr msr < <(measure sqlite3 "$out/raw.db" ".import --csv $out/data/progress.csv progress_raw")
tz_import=$(echo "$tp + $tr" | bc)
sq_import=$(echo "$sp + $sr" | bc)
printf '%-34s %10s %10s %8s\n' "" "taizhang" "sqlite3" "ratio"
printf '%-34s %8s ms %8s ms %7.2fx\n' "import projects + progress" "$tz_import" "$sq_import" \
	"$(echo "scale=2; $sq_import / $tz_import" | bc)"
printf '%-34s %8s ms %8s ms\n' "  of which projects" "$tp" "$sp"
printf '%-34s %8s ms %8s ms\n' "  of which progress" "$tr" "$sr"
printf '%-34s %8s MB %8s MB\n' "  peak memory (progress import)" "$((mr / 1024))" "$((msr / 1024))"

for by in region category level; do
	case $by in
	region) col=所属地区 ;;
	category) col=项目类别 ;;
	level) col=项目级别 ;;
	esac
	sed -e "s/@BY@/$col/" -e "s/@YEAR@/$year/" -e "s/@PERIOD@/$period/" -e "s/@MONTH@/$month/" \
		bench/bulletin.sql > "$out/bulletin-$by.sql"
	t_tz=$(time_runs "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by" --out "$out/b-$by.json")
	t_sq=$(time_runs sqlite3 "$out/raw.db" ".read $out/bulletin-$by.sql")
	printf '%-34s %8s ms %8s ms %7.1fx\n' "bulletin --by $by" "$t_tz" "$t_sq" \
		"$(echo "scale=1; $t_sq / $t_tz" | bc)"
	# Where the time goes: computing the bulletin, then writing its JSON.
	for _ in $(seq "$runs"); do
		TZ_LOG_LEVEL=info "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by" \
			--out "$out/b-$by.json" 2>&1 | sed -n 's/.*compute_ms=\([0-9.]*\) write_ms=\([0-9.]*\).*/\1 \2/p'
	done > "$out/split"
	printf '%-34s %8s ms\n' "  of which computing" "$(cut -d' ' -f1 "$out/split" | median)"
	printf '%-34s %8s ms\n' "  of which writing the JSON" "$(cut -d' ' -f2 "$out/split" | median)"
done

# The two sides must agree, or the comparison means nothing.
sqlite3 -csv "$out/raw.db" ".read $out/bulletin-region.sql" > "$out/sql-region.csv"
python3 - "$out/b-region.json" "$out/sql-region.csv" <<'PY'
import csv, json, sys
b = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
groups = {r[1]: r for r in rows if len(r) == 10}
for g in b["groups"]:
    r = groups[g["key"]]
    assert int(r[2]) == g["projects"], g["key"]
    assert "%.2f" % float(r[5]) == g["ytd_completed"], (g["key"], r[5], g["ytd_completed"])
    assert int(r[7]) == g["started"], g["key"]
lagging = [r for r in rows if len(r) == 6]
assert len(lagging) == len(b["lagging"]), (len(lagging), len(b["lagging"]))
print("check: taizhang and plain SQL agree on every group and on %d lagging projects" % len(lagging))
PY
