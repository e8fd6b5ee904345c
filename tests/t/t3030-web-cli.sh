#!/bin/bash
# t3030-web-cli.sh: `taizhang user` and `taizhang token`: adding, listing,
# changing and disabling users on the organisation tree, the leaders of
# the ledgers without an account, API tokens; errors in Chinese with the
# usage line, and every change in the audit trail.
. "$(dirname "$0")/lib.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "user list" tz --db "$db" user list
contains "the demo's accounts" "$TZ_TMP/out" "reporter-byq"
contains "with roles in Chinese" "$TZ_TMP/out" "填报员"
contains "marked as demo accounts" "$TZ_TMP/out" "演示账号"
contains "a count" "$TZ_TMP/out" "共 7 个用户"

add() { echo "${PW:-a-good-password}" | tz --db "$db" user add "$@" --password-stdin --weak-hash; }
ok "add a reporter by the node's name" add zhang --role reporter --org 盖州 --name 张三
contains "…says what it did" "$TZ_TMP/out" "已新增用户 zhang（填报员，盖州市）"
# A leader account carries a name the ledgers write (t3035): one of the demo's.
lname=$(tz --db "$db" user leaders | sed -n '2p' | cut -f1)
ok "add a leader: the 包联领导 name defaults to the name" add wang --role leader --org 210800 --name "$lname"
fails "a login taken" add zhang --role reporter --org 210804
contains "…says so" "$TZ_TMP/err" "登录名“zhang”已被使用"
fails "an unknown node" add li --role reporter --org 盖洲市
contains "…suggests the nearest" "$TZ_TMP/err" "是否为“盖州市”"
fails "a bad role" add li --role boss --org 210804
contains "…echoes it and lists the roles" "$TZ_TMP/err" "--role “boss”不是可用的角色；可用 admin（系统管理员）、coordinator（调度管理员）、reporter（填报员）或 leader（领导）"
contains "…and the usage" "$TZ_TMP/err" "用法: taizhang user add"
fails "a login with spaces" add "li si" --role reporter --org 210804
contains "…says why" "$TZ_TMP/err" "登录名“li si”无效"
fails "a leader name for a reporter" add li --role reporter --org 210804 --leader 王建国
PW=short fails "a short password" add li --role reporter --org 210804
contains "…says how long" "$TZ_TMP/err" "密码至少8个字符"
fails "no password on a pipe without --password-stdin" sh -c "echo x | '$TZ_BIN' --db '$db' user add li --role reporter --org 210804"
contains "…says how" "$TZ_TMP/err" "--password-stdin"
fails "no subcommand" tz --db "$db" user
fails "an unknown subcommand" tz --db "$db" user remove zhang
ok "help" tz user --help
contains "help explains the roles" "$TZ_TMP/out" "reporter（填报员）"

ok "change a password" sh -c "echo another-password | '$TZ_BIN' --db '$db' user passwd zhang --password-stdin --weak-hash"
ok "disable" tz --db "$db" user disable zhang
ok "…listed as disabled" tz --db "$db" user list
contains "…" "$TZ_TMP/out" "已停用"
ok "enable" tz --db "$db" user enable zhang
fails "an unknown user" tz --db "$db" user disable nobody
contains "…says so" "$TZ_TMP/err" "用户“nobody”不存在"

ok "the ledgers' leaders" tz --db "$db" user leaders
contains "…with their projects" "$TZ_TMP/out" "包联领导	项目数	领导账号"
contains "…and who has no account" "$TZ_TMP/out" "（无）"
contains "…the demo's leader has one" "$TZ_TMP/out" "	leader"

ok "a token" tz --db "$db" token add zhang --name 测试 --expires 30
is "…printed once" "$(grep -c '^tzk_' "$TZ_TMP/out")" 1
contains "…explained on stderr" "$TZ_TMP/err" "令牌只显示这一次"
ok "token list" tz --db "$db" token list
contains "…lists it" "$TZ_TMP/out" "zhang	测试"
fails "…but never the token" grep -q "tzk_" "$TZ_TMP/out"
ok "revoke it" tz --db "$db" token revoke 1
ok "token list again" tz --db "$db" token list
contains "…revoked" "$TZ_TMP/out" "已撤销"
fails "revoke an unknown token" tz --db "$db" token revoke 99
fails "a token for nobody" tz --db "$db" token add nobody
fails "bad --expires" tz --db "$db" token add zhang --expires 0
fails "a bad token number" tz --db "$db" token revoke abc

ok "the audit trail has every change" sqlite3 "$db" "SELECT action FROM audit ORDER BY id"
for a in user.add user.passwd user.disable user.enable token.add token.revoke; do
	contains "…$a" "$TZ_TMP/out" "$a"
done
ok "…made from the command line" sqlite3 "$db" "SELECT DISTINCT origin FROM audit"
is "…" "$(cat "$TZ_TMP/out")" "cli"
ok "no password or token in the database in clear" sh -c "! sqlite3 '$db' .dump | grep -q -e 'a-good-password' -e 'another-password' -e 'demo-taizhang'"
done_testing
