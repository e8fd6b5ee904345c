#!/bin/bash
# t1220-bulletin-early-report.sh: a project that reports for P before its
# 计划开工 month is one of P's reporters. ledger.md's bulletin counts
# reported / not_reported over the projects expected to report; one that
# did report is not 未报送 and is counted 已报送, so that 已报送 covers
# every project whose money is in the totals, and 应报 = 已报送 + 未报送 in
# the bulletin (JSON, CSV, the paragraph) and in the on-time rate alike.
. "$(dirname "$0")/lib.sh"

cat >"$TZ_TMP/projects.csv" <<'EOF2'
年度,项目编号,项目名称,所属地区,项目类别,项目级别,包联领导,责任单位,总投资(万元),年度计划投资(万元),计划开工时间
2025,E1,甲区早开工项目,甲区,工业,市重点,王某,市工信局,20000,10000,2025-09
2025,E2,甲区按期项目,甲区,工业,市重点,王某,市工信局,20000,10000,2025-01
2025,E3,甲区未报项目,甲区,工业,市重点,王某,市工信局,20000,10000,2025-01
2025,E4,乙区后开工项目,乙区,工业,市重点,李某,市工信局,20000,10000,2025-12
EOF2
# E1 starts in May, four months before its planned start; E4, planned
# for December, reports nothing and is not expected.
cat >"$TZ_TMP/progress.csv" <<'EOF2'
项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题
E1,2025-05,1500,已开工,基础施工,
E2,2025-05,2000,已开工,主体施工,
EOF2
export TAIZHANG_DB="$TZ_TMP/early.db"
ok "the ledger and the reports" bash -c "'$TZ_BIN' init && '$TZ_BIN' import projects '$TZ_TMP/projects.csv' &&
	'$TZ_BIN' import progress '$TZ_TMP/progress.csv'"

ok "bulletin JSON" tz bulletin --period 2025-05 --format json
cp "$TZ_TMP/out" "$TZ_TMP/b.json"
ok "its counts" python3 - "$TZ_TMP/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
t = b['totals']
g = {x['key']: x for x in b['groups']}
assert t['ytd_completed'] == '3500.00', t            # E1's money is in the totals…
assert t['reported'] == 2, t                          # …so E1 is 已报送, with E2
assert t['not_reported'] == 1, t                      # E3 only; E4 is not expected
assert [x['code'] for x in b['not_reported']] == ['E3'], b['not_reported']
assert (g['甲区']['reported'], g['甲区']['not_reported']) == (2, 1), g['甲区']
assert (g['乙区']['reported'], g['乙区']['not_reported']) == (0, 0), g['乙区']
assert sum(x['reported'] for x in b['groups']) == t['reported']
PY

ok "bulletin CSV" tz bulletin --period 2025-05 --format csv
cp "$TZ_TMP/out" "$TZ_TMP/b.csv"
ok "the CSV says the same" python3 - "$TZ_TMP/b.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
head = [r for r in rows if r and r[0] == '排名'][0]
jia = [r for r in rows if len(r) > 2 and r[2] == '甲区'][0]
assert jia[head.index('已报送')] == '2' and jia[head.index('未报送')] == '1', (head, jia)
PY

ok "bulletin HTML" tz bulletin --period 2025-05 --format html
contains "the paragraph counts E1 as reported" "$TZ_TMP/out" "本期应报送调度数据的项目3个，已报送2个，未报送1个"

ok "the on-time rate" tz period rate 2025-05
cp "$TZ_TMP/out" "$TZ_TMP/rate.txt"
ok "…counts E1 among the reporters, as the bulletin does" python3 - "$TZ_TMP/rate.txt" <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'应报\D*(\d+)', t)
assert m and m.group(1) == '3', t
PY
done_testing
