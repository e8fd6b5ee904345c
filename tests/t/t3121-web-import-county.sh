#!/bin/bash
# t3121-web-import-county.sh: a county's coordinator imports its own
# county's data from the web (walkthrough 15, section 3; web.md: a
# coordinator's rights include imports, "never another node's subtree").
# Every row must concern the county: a ledger row's 所属地区 and 责任单位
# (or none, or the unit the project is stored with) in its subtree, a
# project code not stored elsewhere, a report's project stored in it.
# Rows outside are row errors naming file, line, 项目编号 and the region;
# the import is whole or nothing (with `partial` only the own rows), and
# audited. The city's coordinator and the admin import as before.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

d="$TZ_TEST_DATA/county-import"
db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
mkdir -p "$TZ_TMP/tmp"
export TMPDIR="$TZ_TMP/tmp"
snapshot() { tz --db "$db" export "$1" --format csv | sha256sum; }
row() { tz --db "$db" export "$1" --format csv | grep -F "$2"; }
token() { sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/body" | head -1; }

ok "serve starts" web_start "$db" --weak-hashes on
for u in coordinator admin coordinator-gz reporter-gz; do
	is "$u signs in" "$(web_login $u)" 303
done
G="-b $TZ_TMP/jar-coordinator-gz"
GC=$(web_csrf coordinator-gz)
upload() { # FILE KIND [curl options]: the dry run of FILE as coordinator-gz
	local f=$1 kind=$2
	shift 2
	status "$WEB_URL/import" $G -F "_csrf=$GC" -F kind="$kind" "$@" \
		-F "file=@$d/$f;filename=$f"
}
confirm() { # TOKEN [curl options]
	local t=$1
	shift
	status "$WEB_URL/import/$t" $G --data-urlencode "_csrf=$GC" "$@"
}

is "the county's coordinator opens the import page" "$(status "$WEB_URL/import" $G)" 200
contains "…told it imports its county only" "$TZ_TMP/body" "您只能导入盖州市范围内的数据"
is "…and finds it in the menu" "$(status "$WEB_URL/" $G)" 200
contains "…(导入)" "$TZ_TMP/body" '<a href="/import">导入</a>'
is "a reporter still may not import" "$(status "$WEB_URL/import" -b "$TZ_TMP/jar-reporter-gz")" 403

# Its own county's rows: checked, confirmed, stored, audited.
pbefore=$(snapshot projects)
is "own county's ledger: the dry run" "$(upload own-ledger.csv projects)" 200
contains "…all three importable" "$TZ_TMP/body" "检查完毕：可以导入 <b>3</b> 行（新增 1，更正 2，未变 0）"
fails "…no node to be made" grep -qF "将新建的组织机构" "$TZ_TMP/body"
is "…nothing written yet" "$(snapshot projects)" "$pbefore"
is "…confirmed" "$(confirm "$(token)")" 200
contains "…imported" "$TZ_TMP/body" "已导入 <b>3</b> 行（新增 1，更正 2，未变 0）"
ok "…the corrected total is stored" row projects ",YK2025000009,盖州市供热管网项目,盖州市,"
contains "…as the file says" "$TZ_TMP/out" ",市商务局,2025-2029,49460.69,7714.20,"
ok "…the new project too" row projects ",GZ2025-901,盖州市西海污水处理厂提标改造,盖州市,"
ok "…another county's project untouched" row projects ",YK2025000001,站前区文旅康养产业园,站前区,"
contains "…(its total as before)" "$TZ_TMP/out" ",14362.63,4472.56,"

# One row of another county: refused whole, the row named.
pbefore=$(snapshot projects)
is "a ledger with a row of 站前区: the dry run" "$(upload mixed-ledger.csv projects)" 200
contains "…one row in error" "$TZ_TMP/body" "共 3 行，其中 <b>1</b> 行有错误"
contains "…named: file, line, code, column, region" "$TZ_TMP/body" \
	'<td data-label="位置" class="code">mixed-ledger.csv:3</td><td data-label="项目编号" class="code">YK2025000001</td><td data-label="列">所属地区</td><td data-label="原因">项目编号 YK2025000001 的所属地区“站前区”不在您管辖的盖州市范围内，不能导入</td>'
t=$(token)
is "…confirmed all or nothing" "$(confirm "$t")" 400
contains "…nothing imported" "$TZ_TMP/body" "没有导入任何数据"
is "…the ledger as it was" "$(snapshot projects)" "$pbefore"
is "the same file, only the valid rows: the dry run" "$(upload mixed-ledger.csv projects -F partial=1)" 200
is "…confirmed" "$(confirm "$(token)" -d partial=1)" 200
contains "…the two own rows" "$TZ_TMP/body" "已导入 <b>2</b> 行（新增 1，更正 1，未变 0），有错误的行没有导入"
ok "…stored" row projects ",GZ2025-902,盖州市双台子河堤防工程,盖州市,"
ok "…站前区's project untouched" row projects ",YK2025000001,站前区文旅康养产业园,站前区,"
contains "…(its total as before)" "$TZ_TMP/out" ",14362.63,4472.56,"

# Another county's project written as its own; a city department as a
# new project's unit.
pbefore=$(snapshot projects)
is "a ledger moving 站前区's project: the dry run" "$(upload moved-ledger.csv projects)" 200
contains "…two rows in error" "$TZ_TMP/body" "共 3 行，其中 <b>2</b> 行有错误"
contains "…the moved project" "$TZ_TMP/body" \
	'moved-ledger.csv:2</td><td data-label="项目编号" class="code">YK2025000022</td><td data-label="列">项目编号</td><td data-label="原因">项目编号 YK2025000022 已被您管辖的盖州市范围以外的项目使用，不能导入；请核对项目编号</td>'
contains "…the city department as unit" "$TZ_TMP/body" \
	'moved-ledger.csv:3</td><td data-label="项目编号" class="code">GZ2025-903</td><td data-label="列">责任单位</td><td data-label="原因">项目编号 GZ2025-903 的责任单位“市交通运输局”不在您管辖的盖州市范围内，不能导入'
is "…confirmed all or nothing" "$(confirm "$(token)")" 400
is "…the ledger as it was" "$(snapshot projects)" "$pbefore"

# A list without codes: the other county's row named by its name, and
# given no code.
is "a list without codes: the dry run" "$(upload list-no-codes.csv projects -F year=2025)" 200
contains "…the other county's row" "$TZ_TMP/body" \
	'list-no-codes.csv:3</td><td data-label="项目编号" class="code">—</td><td data-label="列">所属地区</td><td data-label="原因">项目“站前区智慧停车场”的所属地区“站前区”不在您管辖的盖州市范围内，不能导入</td>'
contains "…one code given, to the own row" "$TZ_TMP/body" "将给出新项目编号 1 个"
fails "…none to the other" grep -qF "站前区智慧停车场（站前区）" "$TZ_TMP/body"

# Reports: another county's project refused.
rbefore=$(snapshot progress)
is "reports with one of 站前区: the dry run" "$(upload other-progress.csv progress)" 200
contains "…named" "$TZ_TMP/body" \
	'<td data-label="位置" class="code">other-progress.csv:3</td><td data-label="项目编号" class="code">YK2025000001</td><td data-label="列">项目编号</td><td data-label="原因">项目编号 YK2025000001 不是您管辖的盖州市范围内台账中的项目（台账中没有这个编号，或项目不属于盖州市），该行未导入；请核对项目编号</td>'
is "…confirmed all or nothing" "$(confirm "$(token)")" 400
is "…the reports as they were" "$(snapshot progress)" "$rbefore"
is "…only the valid rows: the dry run" "$(upload other-progress.csv progress -F partial=1)" 200
is "…confirmed" "$(confirm "$(token)" -d partial=1)" 200
ok "…盖州市's report stored" row progress "YK2025000009,2025-12,321.45,已开工,管道铺设过半"
fails "…站前区's is not" row progress "盖州市填报的站前区进度"

is "the county's audit log" "$(status "$WEB_URL/audit?action=import." $G)" 200
ok "…has its three imports, not the refused ones" python3 - "$TZ_TMP/body" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
acts = re.findall(r'<td data-label="操作">([^<]*)</td><td data-label="对象">([^<]*)</td>', page)
assert acts == [('导入调度数据', '文件 other-progress.csv'), ('导入项目台账', '文件 mixed-ledger.csv'),
                ('导入项目台账', '文件 own-ledger.csv')], acts
PY

# The city's coordinator and the admin: the whole city, as before.
K="-b $TZ_TMP/jar-coordinator"
KC=$(web_csrf coordinator)
is "the city's coordinator: reports of two counties" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$d/other-progress.csv;filename=p.csv")" 200
contains "…both importable" "$TZ_TMP/body" "检查完毕：可以导入 <b>2</b> 行"
fails "…no notice of a bound" grep -qF "您只能导入" "$TZ_TMP/body"
is "…confirmed" "$(status "$WEB_URL/import/$(token)" $K --data-urlencode "_csrf=$KC")" 200
ok "…站前区's report stored" row progress "YK2025000001,2025-12,999.99,已开工,盖州市填报的站前区进度"
A="-b $TZ_TMP/jar-admin"
AC=$(web_csrf admin)
is "the admin: a ledger moving a project between counties" "$(status "$WEB_URL/import" $A -F "_csrf=$AC" -F kind=projects -F "file=@$d/moved-ledger.csv;filename=m.csv")" 200
contains "…all importable" "$TZ_TMP/body" "检查完毕：可以导入 <b>3</b> 行"
ok "a clean stop" web_stop
done_testing
