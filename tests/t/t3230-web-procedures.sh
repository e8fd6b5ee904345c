#!/bin/bash
# t3230-web-procedures.sh: 前期手续 through the pages and the API: a
# project's reporter requires the list's procedures and sets one with its
# date and 文号; the rules are kept (已取得 needs a date; 未办 none); only
# the coordinator and the project's own reporters change them; the counts
# per region and per kind follow, in the seeds' words; hostile text comes
# back escaped; changes without the CSRF token are refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 300
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator >"$TZ_TMP/tok" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import json, os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
ctok = Token(open(tmp + '/tok').read().split()[0])
rep, gz, leader, coord = User('reporter-byq'), User('reporter-gz'), User('leader'), User('coordinator')

period = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))['period']
year, month = period.split('-')
projects = ctok.get('/api/v1/projects?region=210804&per_page=500').json()['projects']
code = None
for p in projects:
    if not ctok.get('/api/v1/procedures?project=' + p['code']).json()['procedures']:
        code = p['code']
        break
check('a district project with no procedures yet', code)
before = ctok.get('/api/v1/procedures?period=' + period).json()

r = rep.post('/projects/%s/procedures/require' % code, {})
eq('its reporter requires the list\'s procedures', r.status, 303)
eq('…back to the project\'s procedures', r.header('Location'), '/projects/%s#procedures' % code)
procs = ctok.get('/api/v1/procedures?project=' + code).json()['procedures']
eq('the seven of web.md, 未办', [(p['procedure'], p['status']) for p in procs],
   [(k, '未办') for k in ['立项/备案/核准', '用地预审', '规划许可', '环评批复', '能评', '稳评', '施工许可']])
eq('requiring again adds nothing', (rep.post('/projects/%s/procedures/require' % code, {}).status,
   len(ctok.get('/api/v1/procedures?project=' + code).json()['procedures'])), (303, 7))

H = '<b>营发改审批〔%s〕12号</b>"\'' % year
def setp(user, fields):
    return user.post('/projects/%s/procedures' % code, fields)
r = setp(rep, {'kind': '用地预审', 'status': '已取得', 'date': '', 'doc_no': 'x'})
eq('已取得 without a date is refused', r.status, 400)
check('…saying the date is needed', '取得日期' in r.text)
eq('an unknown procedure is refused', setp(rep, {'kind': '拆迁许可', 'status': '办理中'}).status, 400)
eq('a bad date is refused', setp(rep, {'kind': '用地预审', 'status': '已取得', 'date': '2025-13-01'}).status, 400)
r = setp(rep, {'kind': '用地预审', 'status': '已取得', 'date': '%s-%s-01' % (year, month), 'doc_no': H})
eq('obtained, with its date and 文号', r.status, 303)
got = {p['procedure']: p for p in ctok.get('/api/v1/procedures?project=' + code).json()['procedures']}
eq('kept as set', (got['用地预审']['status'], got['用地预审']['date'], got['用地预审']['doc_no']),
   ('已取得', '%s-%s-01' % (year, month), H))
eq('未办 drops a date a form left', (setp(rep, {'kind': '能评', 'status': '未办', 'date': '2025-01-01'}).status,
   {p['procedure']: p for p in ctok.get('/api/v1/procedures?project=' + code).json()['procedures']}['能评']['date']),
   (303, None))
page = rep.get('/projects/' + code).text
check('the project page lists them, the 文号 escaped', '前期手续' in page and '<b>营发改' not in page and
      '&lt;b&gt;营发改审批' in page)
check('with a form for the reporter', 'action="/projects/%s/procedures"' % code in page)
check('a leader sees no form', 'action="/projects/%s/procedures"' % code not in
      leader.get('/projects/' + code).text)

# Who may change them.
eq('another county\'s reporter: 404', setp(gz, {'kind': '稳评', 'status': '办理中'}).status, 404)
eq('a leader: 403', setp(leader, {'kind': '稳评', 'status': '办理中'}).status, 403)
eq('the coordinator may', setp(coord, {'kind': '稳评', 'status': '办理中', 'date': '2025-03-01'}).status, 303)
eq('no CSRF token: refused', rep.post('/projects/%s/procedures' % code,
   {'kind': '稳评', 'status': '未办'}, csrf=False).status, 403)
eq('through the API with a token', ctok.post('/api/v1/projects/%s/procedures' % code,
   {'kind': '施工许可', 'status': '办理中'}).status, 200)

# Counts follow, per region and per kind.
after = ctok.get('/api/v1/procedures?period=' + period).json()
eq('7 more required, one more obtained this year', (after['required'] - before['required'],
   after['obtained'] - before['obtained']), (7, 1))
kind = lambda d, k: [x for x in d['kinds'] if x['name'] == k][0]['obtained']
eq('…counted as 用地预审', kind(after, '用地预审') - kind(before, '用地预审'), 1)
node = lambda d, c: ([x for x in d['nodes'] if x['code'] == c] or [{'obtained': 0}])[0]['obtained']
eq('…for 鲅鱼圈区', node(after, '210804') - node(before, '210804'), 1)
eq('the seeds\' words', after['sentence'],
   '1-%d月，取得立项、备案、施工许可证等手续%d个' % (int(month), after['obtained']))
op = coord.get('/procedures?period=' + period).text
check('the overview page says it', after['sentence'] in op)
check('with the counts per region and per kind', '鲅鱼圈区' in op and '用地预审' in op)
eq('the overview is kept in memory', coord.get('/procedures?period=' + period).header('X-Taizhang-Cache'), 'hit')
r = request('GET', '/api/v1/procedures?period=' + period, rep.jar)
rn = {x['code']: x for x in r.json()['nodes']}
check('a reporter counts its district only (and the departments its projects have)',
      r.json()['view'] == '鲅鱼圈区' and rn['210804']['required'] == r.json()['required'] and
      all(c == '210804' or c.startswith('210800-') for c in rn) and
      r.json()['required'] < after['required'], sorted(rn))
eq('another county\'s project\'s procedures: 404', request('GET', '/api/v1/procedures?project=' + code,
   gz.jar).status, 404)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
