#!/bin/bash
# t3300-web-next-year.sh: next year's ledger imported before its first
# period (the demo runs to 2025-12, still 填报中): the project list opens
# on the year of the current period, or the latest year the user has
# projects in — not on the newest ledger year.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
cat >"$TZ_TMP/2026.csv" <<'EOF2'
年度,项目编号,项目名称,所属地区,项目类别,项目级别,包联领导,责任单位,总投资(万元),年度计划投资(万元),计划开工时间
2026,YK2026000001,盖州市新建项目一,盖州市,城市建设,市重点,何晓东,市工信局,20000,10000,2026-03
2026,YK2026000002,盖州市新建项目二,盖州市,城市建设,市重点,何晓东,市工信局,30000,12000,2026-04
2026,YK2026000003,盖州市新建项目三,盖州市,城市建设,市重点,何晓东,市工信局,40000,15000,2026-05
EOF2
ok "next year's ledger" tz --db "$db" import projects "$TZ_TMP/2026.csv"
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add reporter-byq >"$TZ_TMP/tok-byq" 2>/dev/null
tz --db "$db" token add coordinator >"$TZ_TMP/tok" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
byq = Token(open(tmp + '/tok-byq').read().split()[0])
coord = Token(open(tmp + '/tok').read().split()[0])
ub = User('reporter-byq')

# 1. The list opens on 2025, the year of the open period 2025-12.
n25 = byq.get('/api/v1/projects?year=2025&per_page=1').json()['total']
check('reporter-byq has projects in 2025', n25 > 0, n25)
j = byq.get('/api/v1/projects?per_page=1').json()
eq('the API list opens on 2025 for reporter-byq', (j['year'], j['total']), (2025, n25))
j = coord.get('/api/v1/projects?per_page=1').json()
eq('and on 2025 for the coordinator', j['year'], 2025)
page = text_of_html(ub.get('/projects').text)
check('the page says 2025年度台账', '2025年度台账' in page, page[:400])
check('with reporter-byq\'s projects', ('共 %d 个项目' % n25) in page, page[:600])
check('2026 is still there to choose', 'value="2026"' in ub.get('/projects').text)
eq('?year=2026 still lists 2026 for the coordinator',
   coord.get('/api/v1/projects?year=2026').json()['total'], 3)

# 3. 2026-01 opened (default deadline 2026-02-05, already past) while
# 2025-12 is still 填报中: the coordinator is warned; reporter-byq's form
# opens on 2025-12, where their projects still wait, not on 2026-01.
uc = User('coordinator')
r = uc.post('/periods', {'period': '2026-01', 'deadline': ''})
eq('opening 2026-01', r.status, 303)
page = text_of_html(uc.get(r.header('Location')).text)
check('the coordinator is told 报送截止已过', '报送截止已过' in page, page[:600])
form = ub.get('/report').text
text = text_of_html(form)
check('/report does not say there is nothing to report', '没有需要您报送的项目' not in text,
      text[:600])
check('/report opens on 2025-12', '2025-12' in text and 'value="2025-12"' in form or
      '2025年12月' in text, text[:600])

# 2. The 2026 list has no period of its own yet: not lit, said so, not
# red under the 2025-12 schedule.
j = coord.get('/api/v1/projects?year=2026').json()
eq('2026 in the API: not lit, no month', (j.get('lit'), j['month']), (False, None))
eq('no 2026 project has a light', [p['light'] for p in j['projects']], [None] * 3)
page = text_of_html(uc.get('/projects?year=2026').text)
check('the 2026 list shows no 红灯', '红灯' not in page.split('共 3 个项目', 1)[-1], page[:800])
check('and says 不亮灯', '不亮灯' in page, page[:800])
check('no 亮灯 filter where nothing is lit', 'name="light"' not in uc.get('/projects?year=2026').text)
check('…but there is one for 2025', 'name="light"' in uc.get('/projects?year=2025').text)
check('its heading says no progress yet, not 截至12月', '2026年度台账 · 尚无调度数据' in page
      and '截至12月' not in page, page[:300])
page = text_of_html(uc.get('/projects?year=2025').text)
check('the 2025 list is 截至12月', '2025年度台账 · 截至12月' in page, page[:300])
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
