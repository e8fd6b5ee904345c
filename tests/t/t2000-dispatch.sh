#!/bin/bash
# t2000-dispatch.sh: periods, deadlines, the on-time rate and lights from
# the command line, on the demo city (web.md "Periods, deadlines, on-time
# rate", "Traffic lights", "Demo").
. "$(dirname "$0")/lib.sh"

ok "demo" tz demo --projects 400 --months 12
contains "the demo's open period" "$TZ_TMP/out" "调度期 2025-12 填报中，报送截止 2026-01-05 17:00"
contains "problems in the seeds' words" "$TZ_TMP/out" "个项目需国家、省市解决问题"
contains "procedures in the seeds' words" "$TZ_TMP/out" "取得立项、备案、施工许可证等手续"

ok "list" tz period list
contains "December open, default deadline" "$TZ_TMP/out" "2025-12  营口市  填报中  报送截止 2026-01-05 17:00"
contains "November closed" "$TZ_TMP/out" "2025-11  营口市  已关闭"

fails "opened twice" tz period open 2025-12
contains "says it is open" "$TZ_TMP/err" "调度期2025-12已开启"
ok "close" tz period close 2025-12 --user 3
ok "list after closing" tz period list
contains "closed" "$TZ_TMP/out" "2025-12  营口市  已关闭"
fails "closed twice" tz period close 2025-12
ok "reopen keeps the deadline" tz period open 2025-12
contains "same deadline" "$TZ_TMP/out" "报送截止 2026-01-05 17:00"
fails "a deadline that is not a time" tz period deadline 2025-12 明天
fails "a deadline before the month" tz period deadline 2025-12 "2025-11-30 10:00"
ok "move the deadline" tz period deadline 2025-12 "2026-01-06 12:00"
contains "moved" "$TZ_TMP/out" "报送截止改为 2026-01-06 12:00"
ok "a county's own period" tz period open 2026-01 --node 210881 --deadline 2026-02-04
contains "its deadline, 17:00" "$TZ_TMP/out" "调度期 2026-01（盖州市）已开启，报送截止 2026-02-04 17:00"
ok "by name too" tz period close 2026-01 --node 盖州市
fails "departments do not dispatch" tz period open 2026-01 --node 210800-03
fails "an unknown node" tz period open 2026-01 --node 999999
fails "an unknown action" tz period reopen 2025-12
tz period reopen 2025-12 2>/dev/null
is "usage errors exit 2" "$?" "2"
fails "a bad period" tz period open 2025-13
ok "help" tz period --help
contains "help names the default deadline" "$TZ_TMP/out" "默认报送截止为次月5日17:00"

# The on-time rate adds up and agrees with the bulletin's 未报送.
ok "rate" tz period rate 2025-12
cp "$TZ_TMP/out" "$TZ_TMP/rate.txt"
ok "missing" tz missing --period 2025-12
cp "$TZ_TMP/out" "$TZ_TMP/missing.txt"
ok "on time + late + missing = expected, everywhere; same 未报送 as the bulletin" python3 - "$TZ_TMP/rate.txt" "$TZ_TMP/missing.txt" <<'PY'
import re, sys
rate = open(sys.argv[1]).read()
m = re.search(r"应报 (\d+) 个项目，按时 (\d+)，迟报 (\d+)，未报 (\d+)", rate)
exp, on, late, miss = map(int, m.groups())
assert exp == on + late + miss and late > 0 and miss > 0, m.group(0)
rows = re.findall(r"应报 (\d+)  按时 (\d+)  迟报 (\d+)  未报 (\d+)", rate)
assert len(rows) >= 20
for r in rows:
    e, o, l, x = map(int, r)
    assert e == o + l + x, r
# Regions partition the city's projects.
regions = rate.split("按地区：")[1].split("按部门：")[0]
assert sum(int(r) for r in re.findall(r"应报 (\d+)", regions)) == exp
listed = len(re.findall(r"责任单位：", rate.split("未报送项目")[1]))
assert listed == miss
bulletin = re.search(r"未报送项目：(\d+)个", open(sys.argv[2]).read())
assert int(bulletin.group(1)) == miss, (bulletin.group(0), miss)
PY

# Lights: every project of the year has one; the bulletin's lagging
# projects are all yellow or red.
ok "lights" tz period lights 2025-12
cp "$TZ_TMP/out" "$TZ_TMP/lights.txt"
ok "lights listed" tz period lights 2025-12 --list
cp "$TZ_TMP/out" "$TZ_TMP/list.txt"
ok "bulletin" tz bulletin --period 2025-12 --format json --out "$TZ_TMP/b.json"
ok "lights agree with the ledger and the bulletin" python3 - "$TZ_TMP/lights.txt" "$TZ_TMP/list.txt" "$TZ_TMP/b.json" <<'PY'
import json, re, sys
lights = open(sys.argv[1]).read()
city = re.search(r"营口市  红灯 (\d+)  黄灯 (\d+)  绿灯 (\d+)  无灯 (\d+)", lights)
red, yellow, green, none = map(int, city.groups())
b = json.load(open(sys.argv[3]))
assert red + yellow + green + none == b["totals"]["projects"]
listed = open(sys.argv[2]).read()
codes = set(re.findall(r"^  (?:红灯|黄灯)  (\S+)", listed, re.M))
assert len(codes) == red + yellow
lagging = {l["code"] for l in b["lagging"]}
assert lagging and lagging <= codes, len(lagging - codes)
assert "落后" in listed and "个百分点" in listed
PY
ok "a district's lights" tz period lights 2025-12 --node 210804
contains "only that district" "$TZ_TMP/out" "亮灯 2025-12（鲅鱼圈区）"

# A ledger imported, no period opened: the list says so rather than
# print nothing (walkthrough 10), on stderr, the list itself empty.
export TAIZHANG_DB="$TZ_TMP/fresh.db"
ok "init" tz init
printf '项目编号,项目名称,所属地区,总投资（万元）,年度计划投资（万元）\nP1,甲项目,甲县,1000,100\n' > "$TZ_TMP/l.csv"
ok "a ledger" tz import projects --year 2025 "$TZ_TMP/l.csv"
ok "list with no period opened" tz period list
is "…lists nothing" "$(cat "$TZ_TMP/out")" ""
contains "…and says none is open and how to open one" "$TZ_TMP/err" "还没有开启调度期（用 taizhang period open YYYY-MM 开启"
done_testing
