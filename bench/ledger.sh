#!/bin/bash
# ledger.sh: the ledger benchmark (issues 2 and 6), Taizhang side by side
# with the sqlite3 shell doing the same work, in one run on one machine.
#
#   bench/ledger.sh [--projects N] [--months M] [--runs R] [--imports K] [--data DIR]
#
# Generates yearly ledgers (gen_ledger.py --yearly from ../shared/bench
# when it is there, else `taizhang demo` exported to CSV), then times
#   - taizhang import projects + import progress
#       vs  sqlite3 .import --csv of both files into the plain tables of
#           bench/schema_yearly_sqlite.sql, K rounds (3) alternately, each
#           printed, and the median of their totals
#   - taizhang bulletin --period P --by region|category|level, the first
#     run after the import and the median of R runs
#       vs  bench/bulletin_yearly.sql (the plain-SQL bulletin, one pass, as
#           an expert writes it: one script per grouping), first and median
# and prints each pair, their ratio, and the peak memory of each import.
# It checks that both sides agree before printing. Nothing here asserts a
# time. bench/bulletin_yearly.sql and schema_yearly_sqlite.sql are copies
# of ../shared/bench/ (the reference the issue names).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
projects=100000
months=36
runs=5
imports=3
data=
while [ $# -gt 0 ]; do
	case $1 in
	--projects) projects=$2; shift 2 ;;
	--months) months=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--imports) imports=$2; shift 2 ;;
	--data) data=$2; shift 2 ;;
	*) echo "usage: $0 [--projects N] [--months M] [--runs R] [--imports K] [--data DIR]" >&2; exit 2 ;;
	esac
done

bin=${TZ_BENCH_BIN:-$top/build/taizhang}  # TZ_BENCH_BIN: another build to time (a baseline)
[ -x "$bin" ] || make -s all
out=$top/bench/out
rm -rf "$out"
mkdir -p "$out"
gen=$top/../shared/bench/gen_ledger.py
start="$((2026 - (months + 11) / 12))-01"
if [ -n "$data" ]; then
	source="$data (given)"
elif [ -f "$gen" ]; then
	data=$out/data
	source="gen_ledger.py --yearly --projects $projects --months $months --start $start"
	python3 "$gen" --yearly --projects "$projects" --months "$months" --start "$start" \
		--out "$data" >/dev/null
else
	data=$out/data
	mkdir -p "$data"
	source="taizhang demo --projects $projects --months $months (gen_ledger.py not found)"
	"$bin" --db "$out/demo.db" demo --projects "$projects" --months "$months" >/dev/null
	"$bin" --db "$out/demo.db" export projects --out "$data/projects.csv"
	"$bin" --db "$out/demo.db" export progress --out "$data/progress.csv"
fi
period=$(tail -n 1 "$data/progress.csv" | cut -d, -f2)
[ -f "$data/truth.json" ] &&
	period=$(python3 -c "import json;print(json.load(open('$data/truth.json'))['periods'][-1])")
ledger_rows=$(($(wc -l < "$data/projects.csv") - 1))
rows=$(($(wc -l < "$data/progress.csv") - 1))

now() { date +%s%N; }
ms() { echo "scale=1; ($2 - $1) / 1000000" | bc; }

# Run a command, print "ms peak_kb" (wall clock from date, memory from time).
measure() {
	local t0 t1
	t0=$(now)
	/usr/bin/time -f "%M" -o "$out/mem" "$@" >/dev/null 2>"$out/stderr" ||
		{ cat "$out/stderr" >&2; exit 1; }
	t1=$(now)
	echo "$(ms "$t0" "$t1") $(tail -1 "$out/mem")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Wall time in ms of one run of a command.
time_one() {
	local t0 t1
	t0=$(now)
	"$@" >/dev/null
	t1=$(now)
	ms "$t0" "$t1"
}

# Median wall time in ms of $runs runs of a command.
time_runs() {
	for _ in $(seq "$runs"); do time_one "$@"; done | median
}

ratio() { echo "scale=1; $1 / $2" | bc; }

# The projects the data holds (with --data, not the --projects default).
projects=$(python3 -c 'import csv, sys
r = csv.reader(open(sys.argv[1], encoding="utf-8-sig"))
i = next(r).index("项目编号")
print(len(set(row[i] for row in r)))' "$data/projects.csv")
echo "Ledger benchmark: $projects projects, $ledger_rows yearly ledger rows, $rows progress rows, bulletin for $period"
echo "data: $source"
echo "machine: $(nproc) CPUs, $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1), load $(cut -d' ' -f1 /proc/loadavg)"
echo

# The imports: $imports rounds, each a fresh database on each side,
# taizhang's then sqlite3's, alternately, so that both sides meet the
# same moments of a shared host (its speed moved by 40-60 % within an
# hour, bench/README.md). Each round is printed; the target is judged on
# the median of the rounds' totals. The bulletins below read the last
# round's databases.
printf '%-38s %10s %10s %8s\n' "" "taizhang" "sqlite3" "ratio"
mp=0 mr=0 msp=0 msr=0
: > "$out/rounds"
for k in $(seq "$imports"); do
	rm -f "$out"/tz.db* "$out"/raw.db*
	"$bin" --db "$out/tz.db" init >/dev/null
	read -r tp kp < <(measure "$bin" --db "$out/tz.db" import projects "$data/projects.csv")
	read -r tr kr < <(measure "$bin" --db "$out/tz.db" import progress "$data/progress.csv")
	sqlite3 "$out/raw.db" < bench/schema_yearly_sqlite.sql
	read -r sp ksp < <(measure sqlite3 "$out/raw.db" ".import --csv --skip 1 $data/projects.csv projects")
	read -r sr ksr < <(measure sqlite3 "$out/raw.db" ".import --csv --skip 1 $data/progress.csv progress")
	[ "$kp" -gt "$mp" ] && mp=$kp
	[ "$kr" -gt "$mr" ] && mr=$kr
	[ "$ksp" -gt "$msp" ] && msp=$ksp
	[ "$ksr" -gt "$msr" ] && msr=$ksr
	t=$(echo "$tp + $tr" | bc)
	q=$(echo "$sp + $sr" | bc)
	echo "$t $q $tp $sp $tr $sr" >> "$out/rounds"
	printf '%-38s %8s ms %8s ms %7.2fx\n' "import, round $k (load $(cut -d' ' -f1 /proc/loadavg))" "$t" "$q" \
		"$(echo "scale=2; $q / $t" | bc)"
	printf '%-38s %8s ms %8s ms\n' "  of which projects (yearly ledgers)" "$tp" "$sp"
	printf '%-38s %8s ms %8s ms\n' "  of which progress" "$tr" "$sr"
done
col_median() { cut -d' ' -f"$1" "$out/rounds" | median; }
tz_import=$(col_median 1)
sq_import=$(col_median 2)
printf '%-38s %8s ms %8s ms %7.2fx\n' "import projects + progress, median" "$tz_import" "$sq_import" \
	"$(echo "scale=2; $sq_import / $tz_import" | bc)"
printf '%-38s %8s MB %8s MB\n' "  peak memory (projects import)" "$((mp / 1024))" "$((msp / 1024))"
printf '%-38s %8s MB %8s MB\n' "  peak memory (progress import)" "$((mr / 1024))" "$((msr / 1024))"

for by in region category level; do
	sed -e "s/@BY@/$by/g" -e "s/@P@/$period/g" bench/bulletin_yearly.sql > "$out/bulletin-$by.sql"
	# The first bulletin after the import, on each side, then the median.
	# Both print to standard output, which time_one sends to /dev/null:
	# the same work on each side (the sqlite3 shell writes no file).
	f_tz=$(time_one "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by")
	f_sq=$(time_one sqlite3 "$out/raw.db" ".read $out/bulletin-$by.sql")
	t_tz=$(time_runs "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by")
	t_sq=$(time_runs sqlite3 "$out/raw.db" ".read $out/bulletin-$by.sql")
	printf '%-38s %8s ms %8s ms %7.1fx\n' "bulletin --by $by, first run" "$f_tz" "$f_sq" \
		"$(ratio "$f_sq" "$f_tz")"
	printf '%-38s %8s ms %8s ms %7.1fx\n' "bulletin --by $by, median of $runs" "$t_tz" "$t_sq" \
		"$(ratio "$t_sq" "$t_tz")"
	# For the record: the same bulletin written to a file with --out
	# (written whole, flushed to disk with fsync, then renamed into place).
	t_out=$(time_runs "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by" --out "$out/b-$by.json")
	printf '%-38s %8s ms\n' "  to a file (--out), median of $runs" "$t_out"
	# Where the time goes: computing the bulletin, then writing its JSON.
	for _ in $(seq "$runs"); do
		TZ_LOG_LEVEL=info "$bin" --db "$out/tz.db" bulletin --period "$period" --by "$by" \
			--out "$out/b-$by.json" 2>&1 | sed -n 's/.*compute_ms=\([0-9.]*\) write_ms=\([0-9.]*\).*/\1 \2/p'
	done > "$out/split"
	printf '%-38s %8s ms\n' "  of which computing" "$(cut -d' ' -f1 "$out/split" | median)"
	printf '%-38s %8s ms\n' "  of which writing the JSON" "$(cut -d' ' -f2 "$out/split" | median)"
done

# The two sides must agree, or the comparison means nothing; and so must
# every year's bulletin and the generator's truth.json.
sqlite3 -csv "$out/raw.db" ".read $out/bulletin-region.sql" > "$out/sql-region.csv"
python3 - "$out/b-region.json" "$out/sql-region.csv" <<'PY'
import csv, json, sys
b = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
groups = {r[0]: r for r in rows if len(r) == 9}
for g in b["groups"]:
    r = groups[g["key"]]
    assert int(r[1]) == g["projects"], g["key"]
    assert "%.2f" % float(r[3]) == g["annual_plan"], (g["key"], r[3], g["annual_plan"])
    assert "%.2f" % float(r[4]) == g["ytd_completed"], (g["key"], r[4], g["ytd_completed"])
    assert int(r[6]) == g["started"], g["key"]
lagging = [r for r in rows if len(r) == 6]
assert len(lagging) == len(b["lagging"]), (len(lagging), len(b["lagging"]))
print("check: taizhang and plain SQL agree on every group and on %d lagging projects" % len(lagging))
PY
if [ -f "$data/truth.json" ]; then
	for y in $(python3 -c "import json;print(' '.join(json.load(open('$data/truth.json')).get('per_year_region', {})))"); do
		p=$(python3 -c "import json;print(json.load(open('$data/truth.json'))['per_year_region']['$y']['period'])")
		"$bin" --db "$out/tz.db" bulletin --period "$p" --by region --out "$out/y-$y.json"
		python3 - "$out/y-$y.json" "$data/truth.json" "$y" <<'PY'
import json, sys
b, t, y = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
want = t["per_year_region"][y]["regions"]
got = {g["key"]: g for g in b["groups"]}
assert set(got) == set(want), (set(got), set(want))
for k, w in want.items():
    assert got[k]["projects"] == w["projects"], (y, k)
    assert got[k]["annual_plan"] == "%.2f" % w["annual"], (y, k)
    assert got[k]["ytd_completed"] == "%.2f" % w["ytd"], (y, k)
PY
		echo "check: the bulletin of $p matches truth.json's per_year_region for $y to the 0.01 万元"
	done
fi
