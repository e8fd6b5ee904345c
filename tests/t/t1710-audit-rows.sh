#!/bin/bash
# t1710-audit-rows.sh: rows an audit found stored wrong with exit status 0
# (tests/data/audit-rows, ORIGIN.md): 合计/小计 rows read as projects,
# regions made of a 责任单位 naming several units, codes written with
# full-width digits made second projects.
# Each class is checked on the audit's input and on inputs of our own:
# every value is what the sheet means, or the row is refused with a reason.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"
. "$(dirname "$0")/lib-web.sh"

d="$TZ_TEST_DATA/audit-rows"
# col NAME COLUMN: a column of the project named NAME in the export.
col() {
	python3 - "$TZ_TMP/export.csv" "$1" "$2" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if r["项目名称"] == sys.argv[2]:
        print(next(v for k, v in r.items() if k.startswith(sys.argv[3])))
PY
}
# region REGION: "projects total" of a region in the export.
region() {
	python3 - "$TZ_TMP/export.csv" "$1" <<'PY'
import csv, sys
from decimal import Decimal
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))
        if r["所属地区"] == sys.argv[2]]
print(len(rows), sum(Decimal(r["总投资(万元)"]) for r in rows))
PY
}
# orgs: the names of the organisation tree's nodes, one line.
orgs() { tz org list | sed 's/（.*//; s/^ *//' | tr '\n' ' '; }
# names: every project name in the export, one line.
names() {
	python3 - "$TZ_TMP/export.csv" <<'PY'
import csv, sys
print(" ".join(r["项目名称"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"))))
PY
}

# --- 1. Totals and subtotals, whatever else their row carries ---------

fresh
ok "a subtotal under a region merged over its projects" tz import projects "$d/wrong-subtotal-merged.xlsx"
contains "is skipped and counted" "$TZ_TMP/err" "合计/小计1行"
export_all
is "站前区 holds its two projects, once" "$(region 站前区)" "2 300000.00"
is "鲅鱼圈区 untouched" "$(region 鲅鱼圈区)" "1 400000.00"

fresh
ok "a region merged over a subtotal, in the first column" tz import projects "$d/subtotal-merged-first.xlsx"
contains "小　计 and 合計（1个） skipped" "$TZ_TMP/err" "合计/小计2行"
export_all
is "站前区 once" "$(region 站前区)" "2 300.00"
is "鲅鱼圈区 once" "$(region 鲅鱼圈区)" "1 400.00"
is "综合计量检测中心 is a project" "$(col 综合计量检测中心 总投资)" 200.00

for f in subtotal-spaced.csv subtotal-spaced2.csv subtotal-ideographic-space.csv; do
	fresh
	ok "$f: spaced subtotals" tz import projects "$d/$f"
	export_all
	is "$f: 站前区 once" "$(region 站前区)" "2 300.00"
	is "$f: no 小计 project" "$(names | grep -c 计)" 0
done

fresh
ok "subtotals with codes" tz import projects --year 2025 "$d/subtotal-withcodes.csv"
export_all
is "two projects" "$(region 站前区)" "2 300.00"

fresh
ok "every marker a sheet writes" tz import projects "$d/subtotal-markers.csv"
contains "eight totals skipped" "$TZ_TMP/err" "合计/小计8行，分类标题0行"
contains "one 其中 row a part of its project" "$TZ_TMP/err" "1行为项目的分项（其中…），未作为项目导入"
contains "four projects" "$TZ_TMP/err" "导入4行"
export_all
is "站前区" "$(region 站前区)" "2 300.00"
is "鲅鱼圈区" "$(region 鲅鱼圈区)" "2 450.00"
is "names that hold 合计/汇总/会计 are projects" "$(names)" "临港大道 综合计量检测中心 政务数据汇总平台 会计服务中心"

fresh
ok "a subtotal row carrying a code" tz import projects --year 2025 "$d/subtotal-coded.csv"
contains "is skipped all the same" "$TZ_TMP/err" "合计/小计1行，分类标题1行"
export_all
is "站前区 once" "$(region 站前区)" "2 300.00"
is "no ZQ" "$(col 站前区小计 总投资)" ""

# --- 2. A 责任单位 naming several units -------------------------------

fresh
fails "units of different regions, no region column" tz import projects "$d/region-multi-unit.csv"
contains "asks for the 所属地区 column, naming the value" "$TZ_TMP/err" \
	"region-multi-unit.csv:4: 表中没有地区列，责任单位“市交通运输局、鲅鱼圈区政府”写了2个单位，分属不同地区（市直、鲅鱼圈区），无法确定所属地区；请在表中加“所属地区”列"
is "nothing stored" "$(tz export projects | wc -l)" 1
fails "with --partial" tz import projects --partial "$d/region-multi-unit.csv"
export_all
is "the other row is stored" "$(col 临港大道 所属地区)" 鲅鱼圈区
is "no region named after the joined text" "$(orgs)" "全市 鲅鱼圈区 "

fresh
fails "regions from 责任单位, some naming several" tz import projects --partial "$d/region-from-units.csv"
contains "joined with 和" "$TZ_TMP/err" "region-from-units.csv:6: 表中没有地区列，责任单位“市交通运输局和鲅鱼圈区政府”写了2个单位，分属不同地区（市直、鲅鱼圈区）"
contains "joined with ；" "$TZ_TMP/err" "region-from-units.csv:7: 表中没有地区列，责任单位“盖州市人民政府；鲅鱼圈区政府”写了2个单位，分属不同地区（盖州市、鲅鱼圈区）"
contains "units agreeing on 市直 are still two units" "$TZ_TMP/err" "region-from-units.csv:8: 责任单位“市交通运输局、市发改委”写了2个单位，一个项目只记一个责任单位：请只填牵头单位"
contains "three stored" "$TZ_TMP/err" "导入3行"
export_all
is "a district government" "$(col 临港大道 所属地区)" 鲅鱼圈区
is "a department whose name holds 和 gives 市直" "$(col 保障性住房 所属地区)" 市直
is "and is one unit" "$(col 保障性住房 责任单位)" 市住房和城乡建设局
is "市文化和旅游局 one unit" "$(col 全域旅游 责任单位)" 市文化和旅游局
is "only the named nodes made" "$(orgs)" "全市 鲅鱼圈区 市直 市住房和城乡建设局 市文化和旅游局 "

fresh
fails "region and unit cells naming several" tz import projects --partial --year 2025 "$d/joined-names.csv"
contains "two regions" "$TZ_TMP/err" "joined-names.csv:3: 项目编号 J2: 所属地区“站前区、鲅鱼圈区”写了2个地区，一个项目只属于一个地区：请只填一个"
contains "two units" "$TZ_TMP/err" "joined-names.csv:4: 项目编号 J3: 责任单位“市交通运输局/市发改委”写了2个单位，一个项目只记一个责任单位：请只填牵头单位"
contains "two regions joined with 和" "$TZ_TMP/err" "joined-names.csv:5: 项目编号 J4: 所属地区“站前区和鲅鱼圈区”写了2个地区"
is "never a node of their own" "$(orgs)" "全市 鲅鱼圈区 市交通运输局 站前区 市自然资源和规划局 "
fails "again, against the tree now built" tz import projects --year 2025 "$d/joined-names.csv"
contains "the same reason, not an unknown name" "$TZ_TMP/err" "joined-names.csv:4: 项目编号 J3: 责任单位“市交通运输局/市发改委”写了2个单位"

# --- 3. Codes as typed: full-width, invisible characters -------------

fresh
ok "a ledger" tz import projects --year 2025 "$d/corr-base.csv"
ok "corrected with a full-width code" tz import projects --year 2025 "$d/corr-fullwidth.csv"
contains "is a correction, not a new project" "$TZ_TMP/err" "新增0，更正1，未变1"
contains "and the folded code is counted" "$TZ_TMP/err" "1个项目编号含全角字符，已按半角读取"
export_all
is "two projects, once each" "$(region 站前区)" "2 3000.00"
is "P20250001 corrected" "$(col 临港大道 年度计划投资)" 800.00
is "under its ASCII code" "$(col 临港大道 项目编号)" P20250001
ok "again, every way of typing a code" tz import projects --year 2025 "$d/codes-typed.csv"
contains "corrections only" "$TZ_TMP/err" "新增0，更正2"
contains "invisible characters in the code, name and region counted" "$TZ_TMP/err" "3个单元格含不可见字符"
export_all
is "still two projects" "$(region 站前区)" "2 3000.00"
is "the name without its zero-width space" "$(col 疏港铁路 年度计划投资)" 700.00
ok "reports with codes as typed" tz import progress "$d/reports-typed.csv"
contains "all three rows" "$TZ_TMP/err" "导入3行（新增3"
tz export progress --out "$TZ_TMP/progress.csv"
is "each under its project's code" "$(cut -d, -f1,2 "$TZ_TMP/progress.csv" | tail -n +2 | tr '\n' ' ')" \
	"P20250001,2025-01 P20250002,2025-01 P20250002,2025-02 "

fresh
ok "zero-width characters at the ends of a name and a region" tz import projects --year 2025 "$d/zw-in-region.csv"
contains "are counted" "$TZ_TMP/err" "2个单元格含不可见字符"
export_all
is "and gone" "$(col 项目A 所属地区)" 站前区
ok "inside codes" tz import projects --year 2025 "$d/zw-in-code.csv"
contains "counted" "$TZ_TMP/err" "2个单元格含不可见字符"
fresh
fails "joiners and soft hyphens: the same code three times" tz import projects --year 2025 "$d/zwj-code.csv"
contains "the second" "$TZ_TMP/err" "zwj-code.csv:3: 项目编号 P1: 项目编号重复"
contains "the third" "$TZ_TMP/err" "zwj-code.csv:4: 项目编号 P1: 项目编号重复"
fails "Ｐ１ and P1 in one file" tz import projects --year 2025 "$d/fullwidth-code-dup.csv"
contains "are one code" "$TZ_TMP/err" "fullwidth-code-dup.csv:3: 项目编号 P1: 项目编号重复"
fails "a no-break or ideographic space inside a code" tz import projects --year 2025 "$d/nbsp-code.csv"
contains "is refused, not a code of its own" "$TZ_TMP/err" "nbsp-code.csv:2: 项目编号 P 1: 项目编号“P 1”含空格或过长"
is "nothing stored" "$(tz export projects | wc -l)" 1

# The web application and its API look codes up the same way.
fresh
tz import projects --year 2025 "$d/corr-base.csv" 2>/dev/null
echo pw-audit-rows-1 | tz user add co --role coordinator --org C --password-stdin --weak-hash >/dev/null
token=$(tz token add co 2>/dev/null | head -1)
ok "serve" web_start "$TAIZHANG_DB"
fw=P2025%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%91  # P2025０００１
is "a project by its full-width code" "$(status "$WEB_URL/api/v1/projects/$fw" -H "Authorization: Bearer $token")" 200
contains "is the project of the ASCII code" "$TZ_TMP/body" '"code":"P20250001"'
is "its procedures by ?project=" "$(status "$WEB_URL/api/v1/procedures?project=$fw" -H "Authorization: Bearer $token")" 200
contains "…of that project" "$TZ_TMP/body" '"project":"P20250001"'
is "a report for it" "$(status "$WEB_URL/api/v1/reports" -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/json' \
	-d '{"period":"2025-03","reports":[{"code":"P2025０００１","completed":"10","status":"已开工"}]}')" 200
is "a problem raised on it" "$(status "$WEB_URL/api/v1/problems" -H "Authorization: Bearer $token" \
	--data-urlencode project=Ｐ２０２５０００１ -d kind=用地 -d level=市 --data-urlencode description=用地未落实)" 201
web_stop
tz export progress --out "$TZ_TMP/progress.csv"
is "the report is stored under P20250001" "$(tail -n +2 "$TZ_TMP/progress.csv" | cut -d, -f1,2)" "P20250001,2025-03"

done_testing
