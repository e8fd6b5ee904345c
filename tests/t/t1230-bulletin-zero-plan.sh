#!/bin/bash
# t1230-bulletin-zero-plan.sh: a project whose 年度计划投资 is 0 has no
# completion rate (x/0); its completions are shown apart as
# ytd_completed_unplanned, as for a project without a plan (ledger.md, "A
# ledger without a 年度计划投资 column…"), and never lift the city's rate
# over the groups that have plans (audit 9 W20).
. "$(dirname "$0")/lib.sh"

D="$TZ_TOP/tests/data/audit9-zero-plan"
export TAIZHANG_DB="$TZ_TMP/zero.db"
ok "the ledger and the reports" bash -c "'$TZ_BIN' init && '$TZ_BIN' import projects --year 2025 '$D/zero-plan.csv' &&
	'$TZ_BIN' import progress '$D/zero-plan-p.csv'"
ok "bulletin JSON" tz bulletin --period 2025-10 --format json
cp "$TZ_TMP/out" "$TZ_TMP/b.json"
ok "the plan-0 project's 900 is apart, the city rate is 100/2400" python3 - "$TZ_TMP/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
t = b['totals']
g = {x['key']: x for x in b['groups']}
assert t['ytd_completed'] == '100.00', t
assert t['ytd_completed_unplanned'] == '900.00', t
assert t['completion_rate'] == 0.0417, t
assert g['甲县']['completion_rate'] is None and g['甲县']['ytd_completed'] == '0.00', g['甲县']
assert g['甲县']['ytd_completed_unplanned'] == '900.00', g['甲县']
assert g['乙县']['below_average'] is False, g['乙县']
PY
ok "bulletin HTML" tz bulletin --period 2025-10 --format html
contains "the paragraph names the completions kept apart" "$TZ_TMP/out" "另有未安排年度计划的项目完成投资0.09亿元，未计入投资完成率"
contains "…and the county without a rate" "$TZ_TMP/out" "乙县投资完成率4.2%，另有1个县（市）区未安排年度计划投资，不参与排名"
done_testing
