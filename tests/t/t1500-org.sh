#!/bin/bash
# t1500-org.sh: the organisation tree: built from the first ledger, names
# matched after folding and by alias, typos refused with a suggestion
# (never a new region), and org list|export|import.
. "$(dirname "$0")/lib.sh"

ok "a new database" tz init
cat > "$TZ_TMP/2025.csv" <<'CSV'
2025年重点项目台账
项目编号,项目名称,所属地区,责任单位,总投资(万元),年度计划投资(万元)
A1,甲,盖州市,市交通运输局,1000,100
A2,乙,鲅鱼圈区,市住建局,1000,100
A3,丙,盖 州 市,市交通运输局,1000,100
A4,丁,营口经济技术开发区,市住建局,1000,100
CSV
ok "the first ledger builds the tree" tz import projects "$TZ_TMP/2025.csv"
contains "the year from the title" "$TZ_TMP/err" "2025年度（取自标题）"
contains "the nodes made are listed" "$TZ_TMP/err" "由本台账建立组织机构5个"
ok "org list" tz org list
contains "the root" "$TZ_TMP/out" "全市（C，市）"
contains "a county-level city" "$TZ_TMP/out" "盖州市（R01，县）"
contains "a zone" "$TZ_TMP/out" "营口经济技术开发区（R03，开发区）"
contains "a department" "$TZ_TMP/out" "市交通运输局（D01，部门）"
is "spaces do not make a region" "$(grep -c '盖' "$TZ_TMP/out")" 1

# Once a tree exists, a typo is a row error with a hint, never a region.
cat > "$TZ_TMP/2026.csv" <<'CSV'
年度,项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)
2026,A1,甲,盖州,1000,100
2026,A2,乙,鲅鱼圈区,1000,100
2026,A5,戊,ＸＹＺ县,1000,100
CSV
fails "an unknown region is refused" tz import projects "$TZ_TMP/2026.csv"
contains "with the nearest node" "$TZ_TMP/err" "所属地区“盖州”不存在，是否为“盖州市”？"
contains "or how to add one" "$TZ_TMP/err" "所属地区“ＸＹＺ县”不在组织机构中"
ok "nothing was written" tz export projects --year 2026
is "no 2026 ledger" "$(tail -n +2 "$TZ_TMP/out" | wc -l)" 0

# Aliases: export the tree, add 盖州 as an alias, import it back.
ok "org export" tz org export --out "$TZ_TMP/org.csv"
contains "the columns" "$TZ_TMP/org.csv" "编码,名称,上级编码,类型,别名"
sed -i 's/^R01,盖州市,C,县,\r$/R01,盖州市,C,县,盖州、盖州区\r/' "$TZ_TMP/org.csv"
printf 'R09,ＸＹＺ县,C,县,\n' >> "$TZ_TMP/org.csv"
ok "org import merges by code" tz org import "$TZ_TMP/org.csv"
contains "what changed" "$TZ_TMP/out" "组织机构新增1个，更新1个"
ok "now the ledger imports" tz import projects "$TZ_TMP/2026.csv"
ok "export 2026" tz export projects --year 2026 --out "$TZ_TMP/2026-out.csv"
contains "the alias became the node's name" "$TZ_TMP/2026-out.csv" "2026,A1,甲,盖州市,"
contains "full-width folded" "$TZ_TMP/2026-out.csv" "2026,A5,戊,ＸＹＺ县,"

# A tree that does not hold together is refused whole.
printf '编码,名称,上级编码,类型,别名\nX1,某区,NOPE,区,\n' > "$TZ_TMP/bad.csv"
fails "a parent that does not exist" tz org import "$TZ_TMP/bad.csv"
contains "is named" "$TZ_TMP/err" "上级编码“NOPE”不存在"
printf '编码,名称,上级编码,类型,别名\nX2,鲅鱼圈区,C,区,\n' > "$TZ_TMP/dup.csv"
fails "a name used twice" tz org import "$TZ_TMP/dup.csv"
contains "is refused" "$TZ_TMP/err" "已用于"
printf '编码,名称,上级编码,类型,别名\nR01,盖州市,C,部门,\n' > "$TZ_TMP/kind.csv"
fails "a region that projects use cannot become a department" tz org import "$TZ_TMP/kind.csv"
contains "says why" "$TZ_TMP/err" "类型不能改为“部门”"

# Who has not reported, for a period with reports.
cat > "$TZ_TMP/r.csv" <<'CSV'
项目编号,调度期,本期完成投资(万元),开工状态,存在问题
A1,2026-03,10,已开工,
A2,2026-03,0,未开工,用地未落实
CSV
ok "reports" tz import progress "$TZ_TMP/r.csv"
ok "missing" tz missing --period 2026-03
contains "the count" "$TZ_TMP/out" "2026-03调度期未报送项目：1个（应报3个，已报2个）"
contains "by region" "$TZ_TMP/out" "ＸＹＺ县（所属地区）：未报送1个"
contains "the project and who answers for it" "$TZ_TMP/out" "A5  戊"
fails "a period nobody reported is refused" tz bulletin --period 2026-04
contains "with a message" "$TZ_TMP/err" "2026-04调度期没有任何项目报送，不能生成通报"
done_testing
