#!/bin/bash
# t2010-cli-audit.sh: every change made from the command line -- imports,
# the organisation tree, periods -- writes its audit row in the change's
# transaction, as made from the command line (README: every change is
# recorded); a refused change writes none; `taizhang audit` lists the
# rows in Chinese.
. "$(dirname "$0")/lib.sh"

rows() { sqlite3 "$TAIZHANG_DB" "SELECT count(*) FROM audit"; }

ok "a new database" tz init
is "…nothing in the audit trail" "$(rows)" 0
ok "…and taizhang audit says so" tz audit
contains "…with its header" "$TZ_TMP/out" "时间	用户	来源	操作	对象	原值	新值"
contains "…and no row" "$TZ_TMP/out" "共 0 条记录"

cat >"$TZ_TMP/2025.csv" <<'CSV'
2025年重点项目台账
项目编号,项目名称,所属地区,责任单位,总投资(万元),年度计划投资(万元)
A1,港区改造,盖州市,市交通运输局,1000,100
A2,冷链物流园,鲅鱼圈区,市住建局,1000,100
A3,智能仓储中心,盖州市,市交通运输局,1000,100
CSV
ok "import a ledger" tz import projects "$TZ_TMP/2025.csv"
is "…one row" "$(rows)" 1

cat >"$TZ_TMP/bad.csv" <<'CSV'
年度,项目编号,项目名称,所属地区,总投资(万元)
2025,A4,丁,盖州市,约一亿
CSV
fails "a ledger with a bad amount is refused" tz import projects "$TZ_TMP/bad.csv"
is "…and leaves no row" "$(rows)" 1

cat >"$TZ_TMP/r.csv" <<'CSV'
项目编号,调度期,本期完成投资(万元),开工状态,形象进度
A1,2025-11,10,已开工,主体施工
A2,2025-11,约一亿,已开工,进度
CSV
fails "reports with a bad row, all or nothing" tz import progress "$TZ_TMP/r.csv"
is "…no row" "$(rows)" 1
fails "…with --partial: the valid one, still failing" tz import progress "$TZ_TMP/r.csv" --partial
is "…one row for what was imported" "$(rows)" 2

ok "export the tree" tz org export --out "$TZ_TMP/org.csv"
sed 's/^R01,盖州市,C,县,/R01,盖州市,C,县,盖州/' "$TZ_TMP/org.csv" >"$TZ_TMP/org2.csv"
ok "import it with an alias" tz org import "$TZ_TMP/org2.csv"
contains "…one changed" "$TZ_TMP/out" "更新1个"
is "…one row" "$(rows)" 3
printf '编码,名称,上级编码,类型\nC,全市,,部门\n' >"$TZ_TMP/org-bad.csv"
fails "a tree that turns the city into a department is refused" tz org import "$TZ_TMP/org-bad.csv"
is "…no row" "$(rows)" 3

ok "open 2025-12" tz period open 2025-12
ok "move its deadline" tz period deadline 2025-12 "2026-01-06 12:00"
ok "close it" tz period close 2025-12
fails "close it again" tz period close 2025-12
fails "open 2026-01 by a user who does not exist" tz period open 2026-01 --user 99
contains "…says so" "$TZ_TMP/err" "用户编号99不存在"
is "three rows for the three changes" "$(rows)" 6
echo a-good-password | tz user add coord --role coordinator --org C --name 李明 --password-stdin --weak-hash >/dev/null 2>&1
ok "reopen it as that user" tz period open 2025-12 --user 1
is "…one row more, and the user's" "$(rows)" 8

ok "in the store: each action once, from the command line" sqlite3 "$TAIZHANG_DB" \
	"SELECT action || ' ' || origin || ' ' || coalesce(user_id, 0) FROM audit ORDER BY id"
is "…in order" "$(tr '\n' ' ' <"$TZ_TMP/out")" "import.projects cli 0 import.progress cli 0 org.import cli 0 period.open cli 0 period.deadline cli 0 period.close cli 0 user.add cli 0 period.reopen cli 1 "

ok "taizhang audit" tz audit
cp "$TZ_TMP/out" "$TZ_TMP/audit.txt"
contains "…newest first: the reopening, by its user" "$TZ_TMP/audit.txt" "	coord	命令行	重新开启调度期	调度期 2025-12（全市）	状态：已关闭；报送截止：2026-01-06 12:00	状态：填报中；报送截止：2026-01-06 12:00"
contains "…the close" "$TZ_TMP/audit.txt" "	—	命令行	关闭调度期	调度期 2025-12（全市）	状态：填报中；报送截止：2026-01-06 12:00	状态：已关闭；报送截止：2026-01-06 12:00"
contains "…the deadline" "$TZ_TMP/audit.txt" "	修改报送截止	调度期 2025-12（全市）	状态：填报中；报送截止：2026-01-05 17:00	状态：填报中；报送截止：2026-01-06 12:00"
contains "…the opening" "$TZ_TMP/audit.txt" "	开启调度期	调度期 2025-12（全市）	—	状态：填报中；报送截止：2026-01-05 17:00"
contains "…the tree" "$TZ_TMP/audit.txt" "	导入组织机构	文件 $TZ_TMP/org2.csv	—	新增 0 个、更新 1 个、未变 "
contains "…the reports, partly" "$TZ_TMP/audit.txt" "	导入调度数据	文件 $TZ_TMP/r.csv	—	共 2 行、导入 1 行、拒绝 1 行、新建组织机构 0 个、新编项目编号 0 个；导入方式：只导入正确的行"
contains "…the ledger" "$TZ_TMP/audit.txt" "	—	命令行	导入项目台账	文件 $TZ_TMP/2025.csv	—	共 3 行、导入 3 行、拒绝 0 行、新建组织机构 4 个、新编项目编号 0 个；导入方式：全部导入"
contains "…the user, by name" "$TZ_TMP/audit.txt" "	新增用户	用户 coord（李明）	—	登录名：coord；姓名：李明；角色：调度管理员；所属机构：全市"
contains "…counted" "$TZ_TMP/audit.txt" "共 8 条记录"
fails "…no JSON" grep -qF -e '{"' -e '":' "$TZ_TMP/audit.txt"
fails "…no English action" grep -qE 'period\.|import\.|org\.' "$TZ_TMP/audit.txt"

ok "--limit" tz audit --limit 2
is "…two rows and the header" "$(grep -c '命令行' "$TZ_TMP/out")" 2
contains "…says how many there are" "$TZ_TMP/out" "共 8 条记录，显示最近 2 条"
ok "--action" tz audit --action period.
is "…the period's four" "$(grep -c '调度期 2025-12' "$TZ_TMP/out")" 4
# The words the rows show select too: 导入 is the three imports.
ok "--action in the rows' words" tz audit --action 导入
is "…the three imports" "$(grep -c '	导入' "$TZ_TMP/out")" 3
contains "…the tree's among them" "$TZ_TMP/out" "	导入组织机构	"
contains "…counted" "$TZ_TMP/out" "共 3 条记录"
ok "…调度期 as well" tz audit --action 调度期
is "…opened, reopened, closed (修改报送截止 does not say 调度期)" "$(grep -c '调度期 2025-12' "$TZ_TMP/out")" 3
fails "…a word no action has" tz audit --action 删除
contains "…says so" "$TZ_TMP/err" "没有名称含“删除”的操作"
fails "--limit 0" tz audit --limit 0
contains "…says why, echoing the value" "$TZ_TMP/err" "--limit “0”不对：应为1到1000之间的整数"
fails "an argument too many" tz audit period
ok "help" tz audit --help
contains "…says what it lists" "$TZ_TMP/out" "列出审计日志中最近的记录"
done_testing
