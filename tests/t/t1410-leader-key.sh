#!/bin/bash
# t1410-leader-key.sh: project.leader_key, the 包联领导 without its spaces
# that the web's 包联领导 filter compares through an index. A database of
# the release before it (the index over the replace() expression, no
# column; schema 2) gains the column, filled, and the index over it, when
# init upgrades it to schema 3; imports write it with the 包联领导, and keep it when
# the file has no 包联领导 column. The key is what the expression gave.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/leader-key"
if ! command -v sqlite3 >/dev/null; then
	echo "ok 1 # skip sqlite3 is not installed"
	exit 0
fi
q() { sqlite3 "$TAIZHANG_DB" "$1"; }
expr="replace(replace(leader, ' ', ''), '　', '')"

gzip -dc "$d/taizhang.db.gz" >"$TAIZHANG_DB"
is "the earlier database has no leader_key" \
	"$(q "SELECT count(*) FROM pragma_table_info('project') WHERE name = 'leader_key'")" 0
fails "a command other than init refuses it (schema 2)" tz export projects --out "$TZ_TMP/before.csv"
contains "…and says to run init" "$TZ_TMP/err" "请先运行 taizhang init"
ok "init upgrades it" tz init
contains "…to schema 3" "$TZ_TMP/out" "数据库已从第2版升级到第3版"
ok "a command opens it" tz export projects --out "$TZ_TMP/before.csv"
is "the column is added" \
	"$(q "SELECT count(*) FROM pragma_table_info('project') WHERE name = 'leader_key'")" 1
is "…filled from the 包联领导, spaces removed" \
	"$(q "SELECT group_concat(code || '=' || leader_key, ' ') FROM (SELECT * FROM project ORDER BY code)")" \
	"P1=张三同志 P2=李四 P3=王五"
is "…as the expression gave for every project" \
	"$(q "SELECT count(*) FROM project WHERE leader_key <> $expr")" 0
is "the 包联领导 index is over the column" \
	"$(q "SELECT sql FROM sqlite_master WHERE name = 'project_by_leader'")" \
	"CREATE INDEX project_by_leader ON project(leader_key)"
plan=$(q "EXPLAIN QUERY PLAN SELECT p.id FROM project p CROSS JOIN ledger l
	WHERE l.project_id = p.id AND l.year = 2025
	AND (p.region_id IN (1) OR p.unit_id IN (1) OR p.leader_key IN ('张三', '张三' || '同志'))")
contains_text() { case $1 in *"$2"*) return 0 ;; esac; echo "$1"; return 1; }
ok "the web's scope query reads it through the index" contains_text "$plan" "USING INDEX project_by_leader (leader_key=?)"
ok "opening it again changes nothing" tz export projects --out "$TZ_TMP/after.csv"
ok "…and the ledger reads as before" cmp "$TZ_TMP/before.csv" "$TZ_TMP/after.csv"

ok "a new 包联领导 is imported" tz import projects "$d/projects-new-leader.csv"
is "…with its key" "$(q "SELECT leader_key FROM project WHERE code = 'P1'")" "赵六"
ok "a ledger without the 包联领导 column is imported" tz import projects "$d/projects-no-leader.csv"
is "…keeping the stored 包联领导 and its key" \
	"$(q "SELECT leader || '|' || leader_key FROM project WHERE code = 'P3'")" "王　五|王五"

rm -f "$TAIZHANG_DB"
ok "a new database" tz init
ok "the same ledger imported into it" tz import projects "$d/projects.csv"
is "…gives the same keys" \
	"$(q "SELECT group_concat(code || '=' || leader_key, ' ') FROM (SELECT * FROM project ORDER BY code)")" \
	"P1=张三同志 P2=李四 P3=王五"
is "…as the expression gives" "$(q "SELECT count(*) FROM project WHERE leader_key <> $expr")" 0
done_testing
