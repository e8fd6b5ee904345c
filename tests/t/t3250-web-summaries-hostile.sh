#!/bin/bash
# t3250-web-summaries-hostile.sh: hostile text in the data and in the
# query of every summary page: a project whose name, leader and 存在问题
# are markup is the worst lagging one, so the dashboard's paragraph, the
# lights, the bulletin and the problems name it — escaped on every page,
# exact in JSON; hostile filters are refused or escaped; nothing crashes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 200
H='<script>alert("x")</script>'"'\"><img src=x onerror=alert(1)>"
period=$(tz --db "$db" bulletin --format json | python3 -c 'import json,sys;print(json.load(sys.stdin)["period"])')
python3 - "$TZ_TMP" "$H" "$period" <<'PY'
import csv, sys
d, h, period = sys.argv[1:4]
with open(d + '/evil.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['年度', '项目编号', '项目名称', '所属地区', '项目类别', '项目级别', '建设性质', '建设单位',
                '包联领导', '责任单位', '建设起止年限', '总投资(万元)', '年度计划投资(万元)', '计划开工时间'])
    w.writerow([period[:4], 'EVIL-9', h + '名称', '鲅鱼圈区', h, h, '续建', h, h + '领导', '市交通运输局',
                '2024-2026', '100000', '90000', period[:4] + '-01'])
with open(d + '/evil-progress.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题'])
    w.writerow(['EVIL-9', period, '0.01', '已开工', h, h + '用地问题'])
PY
ok "import the hostile project" tz --db "$db" import projects "$TZ_TMP/evil.csv"
ok "…and its report" tz --db "$db" import progress "$TZ_TMP/evil-progress.csv"
ok "serve starts" web_start "$db" --weak-hashes on

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$H" "$period" <<'PY'
import json, os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, H, period = sys.argv[1:6]
setup(url, first)
coord = User('coordinator')

# A problem raised from the hostile report, so the problem pages show it too.
r = coord.post('/problems', {'project': 'EVIL-9', 'period': period, 'level': '县'})
eq('a problem from the hostile report', r.status, 303)

def clean(page):
    return '<script>alert' not in page and '<img src=x' not in page

pages = ['/', '/lights', '/lights?light=red', '/bulletin', '/bulletin?by=leader', '/problems',
         '/procedures', '/projects/EVIL-9', '/projects?light=red', '/bulletin/export?format=html']
for path in pages:
    r = coord.get(path)
    check('%s: %d, the hostile text escaped' % (path, r.status), r.status == 200 and clean(r.text))
check('the dashboard\'s paragraph names the project, escaped',
      '&lt;script&gt;alert' in coord.get('/').text)
check('the lights list it, escaped', '&lt;script&gt;alert' in coord.get('/lights?light=red').text)
pid = re.search(r'/problems/(\d+)', r.header('Location') or coord.get('/problems').text).group(1)
check('its problem page escapes the report\'s text', clean(coord.get('/problems/' + pid).text))

# JSON gives the text exactly.
d = coord.get('/api/v1/dashboard').json()
check('the dashboard\'s JSON has it exactly', H + '名称' in d['summary'])
L = coord.get('/api/v1/lights?light=red&per_page=1000').json()
eq('the lights\' JSON too', [p['leader'] for p in L['projects'] if p['code'] == 'EVIL-9'], [H + '领导'])

# Hostile filters: refused, or escaped when echoed.
for path in ['/?period=%3Cscript%3E', '/lights?light=%3Cscript%3E', '/bulletin?by=%3Cscript%3E',
             '/problems?status=%3Cscript%3E', '/procedures?period=%27%3B--',
             '/bulletin/export?format=%3Cscript%3E']:
    r = coord.get(path)
    check('%s is refused' % path, r.status == 400 and '<script>' not in r.text, r.status)
for path in ['/lights?region=%3Cxyz%3E', '/problems?region=%3Cxyz%3E%27', '/problems?project=%3Cxyz%3E',
             '/projects?region=%3Cxyz%3E&light=red']:
    r = coord.get(path)
    check('%s selects nothing, echoes nothing raw' % path, r.status == 200 and '<xyz>' not in r.text
          and ('共 <b>0</b>' in r.text or '没有符合条件' in r.text))
big = 'x' * 5000
eq('a long filter is refused on the list', coord.get('/projects?light=' + big).status, 400)
r = coord.post('/problems', {'project': 'EVIL-9', 'kind': '其他', 'level': '县', 'description': 'y' * 1001})
eq('a description over 1000 characters is refused', r.status, 400)
eq('the server is still up', request('GET', '/healthz').status, 200)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
