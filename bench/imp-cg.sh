#!/bin/bash
# bench/imp-cg.sh BIN LABEL DIR: callgrind instruction counts (Ir) of
# `import projects` then `import progress` of DIR/projects.csv and
# DIR/progress.csv into a fresh database. Deterministic, so two builds
# compare on a shared machine; bench/README.md uses a tenth of the
# yearly 100,000-project ledger (the projects whose code ends in 0).
set -eu
B=$1 L=$2 D=$3
db=$(mktemp -d)/cg.db
"$B" --db "$db" init >/dev/null
for k in projects progress; do
	valgrind --tool=callgrind --callgrind-out-file="/tmp/cg-$L-$k.out" \
		"$B" --db "$db" import $k "$D/$k.csv" >/dev/null 2>"/tmp/cg-$L-$k.err" || true
	echo "$L $k $(grep -o 'Collected : [0-9]*' "/tmp/cg-$L-$k.err" | awk '{printf "%.1f M", $3/1e6}')"
done
rm -rf "$(dirname "$db")"
