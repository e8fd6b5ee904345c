#!/bin/bash
# t3125-web-reimport.sh: the import page counts what a file brings. The
# dry run and the confirmed import say how many rows are new (新增),
# corrections (更正) and unchanged (未变); a file that holds nothing new
# -- the export sent back -- is said to be so, and changes nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "its reports" tz --db "$db" export progress --format csv --out "$TZ_TMP/progress.csv"
ok "its ledger" tz --db "$db" export projects --format xlsx --out "$TZ_TMP/projects.xlsx"
n=$(($(wc -l <"$TZ_TMP/progress.csv") - 1))
np=$(tz --db "$db" export projects --format csv | tail -n +2 | wc -l)
mkdir -p "$TZ_TMP/tmp"
export TMPDIR="$TZ_TMP/tmp"
snapshot() { tz --db "$db" export "$1" --format csv | sha256sum; }

ok "serve starts" web_start "$db" --weak-hashes on
is "the coordinator signs in" "$(web_login coordinator)" 303
K="-b $TZ_TMP/jar-coordinator"
KC=$(web_csrf coordinator)
token() { sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/body" | head -1; }

before=$(snapshot progress)
is "the exported reports sent back: the dry run" \
	"$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/progress.csv;filename=调度.csv")" 200
contains "…says the file holds nothing new" "$TZ_TMP/body" "文件中的 <b>$n</b> 行与已有数据完全相同，没有新的内容"
contains "…counts them unchanged" "$TZ_TMP/body" "新增 0 行，更正 0 行，未变 $n 行"
t=$(token)
is "confirmed" "$(status "$WEB_URL/import/$t" $K --data-urlencode "_csrf=$KC")" 200
contains "…nothing new, nothing changed" "$TZ_TMP/body" "文件中的 <b>$n</b> 行与已有数据完全相同，没有新的内容，数据没有变化"
is "…the reports as they were" "$(snapshot progress)" "$before"

pbefore=$(snapshot projects)
is "the exported ledger (XLSX) sent back" \
	"$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=projects -F "file=@$TZ_TMP/projects.xlsx;filename=台账.xlsx")" 200
contains "…nothing new" "$TZ_TMP/body" "文件中的 <b>$np</b> 行与已有数据完全相同"
t=$(token)
is "confirmed" "$(status "$WEB_URL/import/$t" $K --data-urlencode "_csrf=$KC")" 200
contains "…nothing changed" "$TZ_TMP/body" "没有新的内容，数据没有变化"
is "…the ledger as it was" "$(snapshot projects)" "$pbefore"

# One amount changed: one correction, in the dry run and in the import.
python3 - "$TZ_TMP/progress.csv" "$TZ_TMP/one.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
rows[7][2] = "%.2f" % (float(rows[7][2]) + 1)
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
is "one amount changed: the dry run" \
	"$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/one.csv;filename=调度.csv")" 200
contains "…one correction" "$TZ_TMP/body" "可以导入 <b>$n</b> 行（新增 0，更正 1，未变 $((n - 1))）"
is "…nothing written yet" "$(snapshot progress)" "$before"
t=$(token)
is "confirmed" "$(status "$WEB_URL/import/$t" $K --data-urlencode "_csrf=$KC")" 200
contains "…one correction" "$TZ_TMP/body" "已导入 <b>$n</b> 行（新增 0，更正 1，未变 $((n - 1))）"
fails "…the reports changed" test "$(snapshot progress)" = "$before"

ok "a clean stop" web_stop
done_testing
