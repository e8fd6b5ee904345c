#!/bin/bash
# t3126-web-import-period.sh: the import page's 调度期 field (walkthrough
# 16): reports whose sheet has no 调度期 column and whose title names no
# month could be imported from the command line only (--period), and the
# page's refusal told its user to use the command line. The page now
# takes a 调度期 as the command line does, checks it against the title as
# --period is checked, and its messages name the field, never --period.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "its ledger" tz --db "$db" export projects --format csv --out "$TZ_TMP/projects.csv"
P1=$(awk -F, 'NR == 2 { print $2 }' "$TZ_TMP/projects.csv")
mkdir -p "$TZ_TMP/tmp"
export TMPDIR="$TZ_TMP/tmp"

ok "serve starts" web_start "$db" --weak-hashes on
is "the coordinator signs in" "$(web_login coordinator)" 303
K="-b $TZ_TMP/jar-coordinator"
KC=$(web_csrf coordinator)
# upload FILE KIND PERIOD: the dry run.
upload() {
	status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind="$2" -F "period=$3" \
		-F "file=@$1;filename=$(basename "$1")"
}
token() { sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/body" | head -1; }

is "the import page" "$(status "$WEB_URL/import" $K)" 200
contains "…asks for a 调度期" "$TZ_TMP/body" '<input type="month" name="period"'

cat >"$TZ_TMP/r.csv" <<CSV
重点项目调度表
项目编号,本期完成投资(万元),开工状态
$P1,1234.56,已开工
CSV
is "reports naming no month, no 调度期 given" "$(upload "$TZ_TMP/r.csv" progress "")" 400
contains "…refused: the page's field is named" "$TZ_TMP/body" "也可在导入页填写“调度期”"
fails "…not the command line's option" grep -q -- "--period" "$TZ_TMP/body"

is "the same with 调度期 2025-11" "$(upload "$TZ_TMP/r.csv" progress 2025-11)" 200
contains "…one row to import" "$TZ_TMP/body" "可以导入 <b>1</b> 行"
is "…confirmed" "$(status "$WEB_URL/import/$(token)" $K --data-urlencode "_csrf=$KC")" 200
ok "…stored in 2025-11" sh -c "'$TZ_BIN' --db '$db' export progress --format csv |
	grep -q '^$P1,2025-11,.*1234.56'"

cat >"$TZ_TMP/t.csv" <<CSV
2025年10月重点项目调度表
项目编号,本期完成投资(万元),开工状态
$P1,99,已开工
CSV
is "a title of 2025-10 with 调度期 2025-11" "$(upload "$TZ_TMP/t.csv" progress 2025-11)" 400
contains "…refused, as --period is" "$TZ_TMP/body" "所填的调度期是2025-11"
fails "…in the page's words" grep -q -- "--period" "$TZ_TMP/body"

is "a 调度期 that is no month" "$(upload "$TZ_TMP/r.csv" progress 2025-13)" 400
contains "…refused, saying why" "$TZ_TMP/body" "调度期“2025-13”"
is "a 调度期 for a ledger" "$(upload "$TZ_TMP/projects.csv" projects 2025-11)" 400
contains "…refused" "$TZ_TMP/body" "调度期只用于调度数据"

web_stop
done_testing
