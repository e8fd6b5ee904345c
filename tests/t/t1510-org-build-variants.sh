#!/bin/bash
# t1510-org-build-variants.sh: while the first ledger builds the
# organisation tree, one place written two ways is refused, not made two
# regions (ledger.md, "Organisations"; audit 9 W19, W22): a government's
# name in 所属地区, the full and short name of one zone, traditional
# characters; a town's government named under its county gives no region.
# Places that differ stay apart, and a county's ledger of towns still reads.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

D="$TZ_TOP/tests/data/audit9-regions"
export TAIZHANG_DB="$TZ_TMP/t.db"

fresh
fails "one county and one zone written five ways" tz import projects --year 2025 "$D/tree-variants2.csv"
contains "a government is not a region" "$TZ_TMP/err" \
	"tree-variants2.csv:3: 项目编号 P3: 所属地区“盖州市人民政府”是政府机关的名称，不是地区：请填地区名称“盖州市”"
contains "a zone's short name" "$TZ_TMP/err" \
	"tree-variants2.csv:5: 项目编号 P5: 所属地区“盖州市开发区”与“盖州市经济开发区”是同一地区的两种写法"
contains "traditional characters" "$TZ_TMP/err" \
	"tree-variants2.csv:6: 项目编号 P6: 所属地区“盖州經濟開發區”与“盖州市经济开发区”是同一地区的两种写法"
is "nothing stored" "$(stored)" 0

fresh
fails "zones of two kinds, one written two ways" tz import projects --year 2025 "$D/own-zones.csv"
contains "鲅鱼圈區 is 鲅鱼圈区" "$TZ_TMP/err" "own-zones.csv:6: 项目编号 Q5: 所属地区“鲅鱼圈区”与“鲅鱼圈區”是同一地区的两种写法"
contains "新城高新技术产业开发区 is 新城高新区" "$TZ_TMP/err" \
	"own-zones.csv:8: 项目编号 Q7: 所属地区“新城高新技术产业开发区”与“新城高新区”是同一地区的两种写法"
cp "$TZ_TMP/err" "$TZ_TMP/zones.err"
ok "a district and a zone of one name are two" bash -c "! grep -q 'Q2' '$TZ_TMP/zones.err'"
ok "an economic and a high-tech zone are two" bash -c "! grep -q 'Q6' '$TZ_TMP/zones.err'"

fresh
fails "a town's government under its county" tz import projects --year 2025 "$D/r-zhen.csv"
contains "says why" "$TZ_TMP/err" \
	"r-zhen.csv:2: 项目编号 P1: 表中没有地区列，责任单位“甲县某某镇人民政府”是县（市）区下的乡镇（街道）政府，无法确定所属地区是县（市）区还是乡镇；请在表中加“所属地区”列"
is "nothing stored" "$(stored)" 0
fails "…also in a county's list of towns" tz import projects --year 2025 "$D/own-towns.csv"
contains "names the row" "$TZ_TMP/err" "own-towns.csv:4: 项目编号 T3:"
fails "a county's list of towns, --partial" tz import projects --year 2025 --partial "$D/own-towns.csv"
export_all
is "城关镇人民政府 gives the town" "$(field T1 所属地区)" "城关镇"
is "北山乡政府 gives the town" "$(field T2 所属地区)" "北山乡"

fresh
ok "a zone's 管委会 gives the zone" tz import projects --year 2025 "$D/r-kfq.csv"
export_all
is "its region" "$(field P1 所属地区)" "甲县经济开发区"
done_testing
