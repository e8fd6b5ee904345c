#!/bin/bash
# t2020-missing-unreported.sh: `taizhang missing --period P` when nobody
# has reported for P yet lists every expected project as 未报送 (exit 0):
# on the 6th of the month that is exactly what a coordinator asks
# (walkthrough 8, F6: it refused with the bulletin's "没有任何项目报送，
# 不能生成通报" while `period rate` said 未报 10). The bulletin of such a
# period stays refused (ledger.md "The monthly bulletin"); a year without
# a ledger is refused, naming the year. Inputs: tests/data/walk8.
. "$(dirname "$0")/lib.sh"

d=$TZ_TEST_DATA/walk8
ok "init" tz init
ok "the 2025 ledger" tz import projects "$d/ledger-2025-gbk.csv"

# Nothing reported at all, and the month not even opened.
ok "missing for a month nobody reported" tz missing --period 2025-11
contains "…lists all ten as 未报送" "$TZ_TMP/out" "2025-11调度期未报送项目：10个（应报10个，已报0个）"
contains "…by region" "$TZ_TMP/out" "盖州市（所属地区）：未报送2个，已报送0个"
contains "…each project" "$TZ_TMP/out" "YK2025-005  仙人岛LNG接收站  所属地区：鲅鱼圈区"

# October partly reported; November opened, nobody has reported yet.
ok "four reports of 2025-10" tz import progress --period 2025-10 "$d/prog-2025-10-county-gbk.csv"
ok "November opened" tz period open 2025-11
ok "period rate" tz period rate 2025-11
contains "…says 未报 10" "$TZ_TMP/out" "未报 10"
ok "missing 2025-11" tz missing --period 2025-11
contains "…the same ten" "$TZ_TMP/out" "2025-11调度期未报送项目：10个（应报10个，已报0个）"
is "…one line per project" "$(grep -c '^  YK2025-' "$TZ_TMP/out")" 10
ok "missing 2025-11 by leader" tz missing --period 2025-11 --by leader
contains "…grouped by leader" "$TZ_TMP/out" "张伟（包联领导）：未报送3个，已报送0个"
ok "October still lists its six" tz missing --period 2025-10
contains "…six missing" "$TZ_TMP/out" "2025-10调度期未报送项目：6个（应报10个，已报4个）"

# The bulletin keeps its refusal.
fails "the bulletin of 2025-11 is refused" tz bulletin --period 2025-11
contains "…with its message" "$TZ_TMP/err" "2025-11调度期没有任何项目报送，不能生成通报"

# A year without a ledger: nothing to list.
fails "missing in a year without a ledger" tz missing --period 2024-11
contains "…names the year" "$TZ_TMP/err" "2024年度台账中没有项目，无法列出2024-11调度期的未报送项目"
done_testing
