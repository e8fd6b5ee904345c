#!/bin/bash
# t1110-reimport.sh: a file sent again is counted for what it is. Every
# import says how many rows are new (新增), corrections (更正) and
# unchanged (未变): an export imported back is all unchanged, says that
# it holds nothing new and changes nothing; one amount changed in it is
# one correction; a row added is one new row.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/ledger-yearly-bom"
ok "a new database" tz init
ok "import projects" tz import projects "$d/projects.csv"
contains "…all new" "$TZ_TMP/err" "共624行，导入624行（新增624，更正0，未变0），0行被拒绝"
ok "import progress" tz import progress "$d/progress.csv"
contains "…all new" "$TZ_TMP/err" "共5994行，导入5994行（新增5994，更正0，未变0），0行被拒绝"
ok "export projects" tz export projects --out "$TZ_TMP/projects.csv"
ok "export progress" tz export progress --out "$TZ_TMP/progress.csv"
ok "export progress as XLSX" tz export progress --format xlsx --out "$TZ_TMP/progress.xlsx"
ok "a bulletin before" tz bulletin --period 2025-09 --out "$TZ_TMP/b1.json"
cp "$TAIZHANG_DB" "$TZ_TMP/before.db"

# The same files again: nothing new, nothing written.
ok "the exported ledger again" tz import projects "$TZ_TMP/projects.csv"
contains "…all unchanged" "$TZ_TMP/err" "共624行，导入624行（新增0，更正0，未变624），0行被拒绝"
contains "…and says the file holds nothing new" "$TZ_TMP/err" "没有新的内容，数据没有变化"
ok "the exported reports again" tz import progress "$TZ_TMP/progress.csv"
contains "…all unchanged" "$TZ_TMP/err" "共5994行，导入5994行（新增0，更正0，未变5994），0行被拒绝"
contains "…nothing new" "$TZ_TMP/err" "没有新的内容"
ok "the reports again, as XLSX" tz import progress "$TZ_TMP/progress.xlsx"
contains "…all unchanged" "$TZ_TMP/err" "（新增0，更正0，未变5994）"
ok "the exports after" bash -c "'$TZ_BIN' export projects --out '$TZ_TMP/projects2.csv' &&
	'$TZ_BIN' export progress --out '$TZ_TMP/progress2.csv'"
ok "…the same ledger" cmp "$TZ_TMP/projects.csv" "$TZ_TMP/projects2.csv"
ok "…the same reports" cmp "$TZ_TMP/progress.csv" "$TZ_TMP/progress2.csv"
ok "a bulletin after" tz bulletin --period 2025-09 --out "$TZ_TMP/b2.json"
ok "…the same bulletin" cmp "$TZ_TMP/b1.json" "$TZ_TMP/b2.json"
# Nothing rewritten: the ledger and report rows still name the import
# that wrote them (sqlite3 reads the file; the store's own SQL is in src/store).
if command -v sqlite3 >/dev/null; then
	q="SELECT (SELECT group_concat(DISTINCT batch) FROM ledger) || '/' ||
		(SELECT group_concat(DISTINCT batch) FROM progress)"
	is "no row rewritten" "$(sqlite3 "$TAIZHANG_DB" "$q")" "$(sqlite3 "$TZ_TMP/before.db" "$q")"
fi

# One amount changed: one correction, the rest unchanged.
python3 - "$TZ_TMP/progress.csv" "$TZ_TMP/one.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
rows[100][2] = "%.2f" % (float(rows[100][2]) + 1)
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
ok "the reports with one amount changed" tz import progress "$TZ_TMP/one.csv"
contains "…one correction" "$TZ_TMP/err" "共5994行，导入5994行（新增0，更正1，未变5993），0行被拒绝"
fails "…not called nothing new" grep -qF "没有新的内容" "$TZ_TMP/err"
ok "a bulletin with it" tz bulletin --period 2025-09 --out "$TZ_TMP/b3.json"
fails "…differs" cmp -s "$TZ_TMP/b1.json" "$TZ_TMP/b3.json"

python3 - "$TZ_TMP/projects.csv" "$TZ_TMP/plan.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
col = rows[0].index("年度计划投资(万元)")
row = next(r for r in rows[1:] if r[col])
row[col] = "%.2f" % (float(row[col]) + 1)
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
ok "the ledger with one plan changed" tz import projects "$TZ_TMP/plan.csv"
contains "…one correction" "$TZ_TMP/err" "共624行，导入624行（新增0，更正1，未变623），0行被拒绝"

# A report for a month nobody reported yet: one new row.
code=$(awk -F, '$1 == 2025 { print $2; exit }' "$TZ_TMP/projects.csv")
{ cat "$TZ_TMP/one.csv"; echo "$code,2025-10,1.00,已开工,,"; } >"$TZ_TMP/more.csv"
ok "the reports with a new month" tz import progress "$TZ_TMP/more.csv"
contains "…one new, the correction now stored" "$TZ_TMP/err" "共5995行，导入5995行（新增1，更正0，未变5994），0行被拒绝"
done_testing
