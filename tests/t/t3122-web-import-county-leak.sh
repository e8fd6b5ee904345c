#!/bin/bash
# t3122-web-import-county-leak.sh: a county's bounded import never tells
# the county what lies outside it (web.md, "People and permissions":
# "even the existence of a project elsewhere does not leak"; walkthrough
# 16, section 3). Its refusals name what the row says and the bound only:
# not another county's project names, codes or regions; a report for
# another county's project reads exactly as one for a code nobody holds.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

d="$TZ_TEST_DATA/county-leak"
db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "the city gives a 大石桥市 project its national 项目代码" \
	tz --db "$db" import projects "$d/L_natcode_city.csv"
mkdir -p "$TZ_TMP/tmp"
export TMPDIR="$TZ_TMP/tmp"

ok "serve starts" web_start "$db" --weak-hashes on
is "the county's coordinator signs in" "$(web_login coordinator-gz)" 303
G="-b $TZ_TMP/jar-coordinator-gz"
GC=$(web_csrf coordinator-gz)
upload() { # FILE KIND: the dry run of FILE as coordinator-gz
	status "$WEB_URL/import" $G -F "_csrf=$GC" -F kind="$2" -F "file=@$d/$1;filename=$1"
}
# reason FILE: the reasons of the dry run's rejected rows, one a line.
reason() {
	sed -n 's/.*<td data-label="原因">\([^<]*\)<\/td>.*/\1/p' "$TZ_TMP/body"
}
# leaks: what the county must not learn, in the page's body (the code
# the row gives is its own to see).
leaks() {
	grep -oE 'YK2025001338|泊位一期工程|属于大石桥市|属于“大石桥市”|营口鲅鱼圈热电' \
		"$TZ_TMP/body" | sort -u | tr '\n' ' '
}

is "reports by name in another county: the dry run" "$(upload P_byname.csv progress)" 200
is "…refused for the region the row names" "$(reason)" \
	"所属地区“大石桥市”不在您管辖的盖州市范围内，该行未导入"
is "…not the codes of the projects of that name" "$(grep -oE 'YK2025000012|YK2025001338' \
	"$TZ_TMP/body" | sort -u | tr '\n' ' ')" ""

is "another county's project by code, the row saying 盖州市" "$(upload P_lie.csv progress)" 200
is "…nothing of the project" "$(leaks)" ""
reason >"$TZ_TMP/lie"
is "a code no project holds" "$(upload P_nonexist.csv progress)" 200
reason >"$TZ_TMP/none"
is "…refused in the same words as another county's project" \
	"$(sed 's/YK2099999999/CODE/' "$TZ_TMP/none")" "$(sed 's/YK2025000012/CODE/' "$TZ_TMP/lie")"
contains "…which say what to check" "$TZ_TMP/none" \
	"项目编号 YK2099999999 不是您管辖的盖州市范围内台账中的项目（台账中没有这个编号，或项目不属于盖州市），该行未导入；请核对项目编号"

is "own and another county's reports" "$(upload P_mix.csv progress)" 200
is "…the other one's row tells nothing of it" "$(leaks)" ""
contains "…and is refused" "$TZ_TMP/body" "项目编号 YK2025000012 不是您管辖的盖州市范围内台账中的项目"

is "a ledger row taking another county's code" "$(upload L_steal.csv projects)" 200
is "…refused" "$(reason)" "项目编号 YK2025000012 已被您管辖的盖州市范围以外的项目使用，不能导入；请核对项目编号"
is "…without its name or region" "$(leaks)" ""

is "a ledger row by name in another county" "$(upload L_byname_other.csv projects)" 200
is "…refused for the region it names" "$(reason)" \
	"项目“大石桥市泊位一期工程”的所属地区“大石桥市”不在您管辖的盖州市范围内，不能导入"

is "the county's own project moved to another county" "$(upload L_giveaway.csv projects)" 200
is "…refused naming the region the row gives it" "$(reason)" \
	"项目编号 YK2025000009 的所属地区“大石桥市”不在您管辖的盖州市范围内，不能导入"

is "a new project given that 项目代码" "$(upload L_natcode.csv projects)" 200
is "…refused without naming the project that holds it" "$(reason)" \
	"项目代码2025-210882-30-01-512345已被您管辖的盖州市范围以外的项目使用，本行的项目编号是GZ2025-777：两个项目不能使用同一项目代码；请核对项目代码"
is "…nor its code" "$(grep -c YK2025000007 "$TZ_TMP/body")" 0

web_stop
done_testing
