#!/bin/bash
# t1806-header-qualified.sh: a two-row header whose lower cells qualify
# the money column above them (合计/小计, 其中…, a year) is read as the
# sheet means: the 合计 column is the field, 其中 columns are parts not
# read, a year under a plan heading is that year's plan (the ledger's year
# chooses). The class of cases/sheets/a02-two-row-header; inputs in
# tests/data/join-qualified (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/join-qualified

# reads FILE CODE TOTAL ANNUAL [NOTE]: imported, amounts as given.
reads() {
	fresh
	ok "$1: imported" tz import projects --year 2025 "$d/$1"
	export_all
	is "$1: 总投资" "$(field "$2" 总投资 2025)" "$3"
	is "$1: 年度计划投资" "$(field "$2" 年度计划投资 2025)" "$4"
	[ -z "${5:-}" ] || contains "$1: summary" "$TZ_TMP/err" "$5"
}

reads m1.xlsx M1 1000.00 100.00 '年度计划投资读取“2025年计划投资（万元）”'
reads m3.xlsx M1 1000.00 100.00 '2025年计划投资（万元）其中：中央资金'
reads m4.xlsx M1 1000.00 100.00 '总投资（万元）其中：财政资金'
reads y9.csv Y1 1000.00 100.00 '未读取“2026年计划投资(万元)”'
reads y10.csv Y1 1000.00 100.00 '年度计划投资读取“2025年度计划投资(万元)”'

# The 2026 ledger of the same sheet reads the other year's column.
fresh
ok "m1.xlsx --year 2026: imported" tz import projects --year 2026 "$d/m1.xlsx"
export_all
is "m1.xlsx --year 2026: 年度计划投资" "$(field M1 年度计划投资 2026)" 200.00

# A 合计 row right under the header is still a total row, not a header.
fresh
printf '项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n合计,,,3000,300\nA1,一号,甲县,1000,100\nA2,二号,甲县,2000,200\n' >"$TZ_TMP/total.csv"
ok "total row under the header: imported" tz import projects --year 2025 "$TZ_TMP/total.csv"
is "total row under the header: two projects" "$(stored)" 2

done_testing
