# lib-import.sh: helpers for the import scripts (t17*), shared so that
# each reads the ledger back the same way. Source it after lib.sh:
#   . "$(dirname "$0")/lib.sh"
#   . "$(dirname "$0")/lib-import.sh"
# The export is always $TZ_TMP/export.csv (UTF-8 with a BOM, headers in
# Chinese with their units: "总投资(万元)").

# fresh: an empty database, initialised.
fresh() { rm -f "$TAIZHANG_DB"*; tz init >/dev/null; }

# export_all: every year's ledger to $TZ_TMP/export.csv.
export_all() { tz export projects --out "$TZ_TMP/export.csv"; }

# stored: how many ledger rows are stored (exports first).
stored() { export_all; python3 -c 'import sys; print(sum(1 for _ in open(sys.argv[1], encoding="utf-8-sig")) - 1)' "$TZ_TMP/export.csv"; }

# field CODE COLUMN [YEAR]: the column whose header starts with COLUMN of
# the project CODE in the last export, of projects or of progress (of the
# year YEAR, when given: a ledger export has 年度, progress has none);
# nothing when there is no such row. Read with newline="" so a value
# keeps the line breaks it was stored with.
field() {
	python3 - "$TZ_TMP/export.csv" "$1" "$2" "${3:-}" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    if r["项目编号"] == sys.argv[2] and (not sys.argv[4] or r["年度"] == sys.argv[4]):
        print(next(v for k, v in r.items() if k.startswith(sys.argv[3])))
PY
}

# reports [text]: every stored progress report as CODE|PERIOD|本期|STATUS
# (…|形象进度 with `text`), sorted, on one line (exports progress to
# $TZ_TMP/progress.csv first).
reports() {
	tz export progress --out "$TZ_TMP/progress.csv" &&
	python3 - "$TZ_TMP/progress.csv" "${1:-}" <<'PY'
import csv, sys
out = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    done = next(v for k, v in r.items() if k.startswith("本期完成投资"))
    row = [r["项目编号"], r["调度期"], done, r["开工状态"]]
    out.append("|".join(row + ([r["形象进度"]] if sys.argv[2] == "text" else [])))
print(" ".join(sorted(out)))
PY
}

# ledger_rows [code]: every stored ledger row as NAME|REGION|TOTAL|PLAN
# (CODE|NAME|… with `code`), sorted, on one line: a whole ledger in one
# `is` (exports first).
ledger_rows() {
	export_all
	python3 - "$TZ_TMP/export.csv" "${1:-}" <<'PY'
import csv, sys
out = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    tot = next(v for k, v in r.items() if k.startswith("总投资"))
    plan = next(v for k, v in r.items() if k.startswith("年度计划投资"))
    row = [r["项目名称"], r["所属地区"], tot, plan]
    out.append("|".join(([r["项目编号"]] if sys.argv[2] == "code" else []) + row))
print(" ".join(sorted(out)))
PY
}
