#!/bin/bash
# bench/cmp-outputs.sh BIN OUTDIR DATADIR [PROGRESS...]: the outputs to
# compare two builds by (bench/README.md, "Ninth session"). Into a new
# database in OUTDIR: import DATADIR/projects.csv and DATADIR/progress.csv
# (with $PARTIAL, e.g. PARTIAL=--partial), then each PROGRESS file; then
# init, export projects and progress (CSV, and XLSX unzipped without its
# timestamps), and for every fifth period of the reports the bulletin by
# each grouping, its CSV, and missing. Each command's stdout, stderr and
# exit code are kept as OUTDIR/NNN.{cmd,out,err,rc}, paths relative to
# OUTDIR, so `diff -r` of two OUTDIRs compares the builds.
B=$1 O=$2 D=$3; shift 3
rm -rf "$O"; mkdir -p "$O"; cd "$O" || exit 1
db=db; n=0
run() { n=$((n+1)); local f; f=$(printf "%03d" $n); echo "$*" > $f.cmd; "$B" --db "$db" "$@" > $f.out 2> $f.err; echo $? > $f.rc; }
run init
run import projects "$D/projects.csv" $PARTIAL
run import progress "$D/progress.csv" $PARTIAL
for x in "$@"; do run import progress "$x"; done
run init
run export projects
run export progress
run export progress --format xlsx --out p.xlsx
periods=$(awk -F, 'NR>1{print $2}' "$D/progress.csv" | sort -u | awk 'NR%5==1')
for p in $periods; do
  for by in region category level leader unit; do run bulletin --period $p --by $by; done
  run bulletin --period $p --format csv
  run missing --period $p
  run missing --period $p --by unit
done
rm -f db db-wal db-shm
if [ -f p.xlsx ]; then mkdir -p px && (cd px && unzip -q ../p.xlsx && rm -f docProps/core.xml); rm -f p.xlsx; fi
