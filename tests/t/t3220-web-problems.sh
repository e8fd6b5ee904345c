#!/bin/bash
# t3220-web-problems.sh: a problem's life through the pages and the API
# (web.md "Problems"): a reporter raises one by hand and one from a
# report's 存在问题; the coordinator assigns it (level, unit, deadline) and
# moves it through the statuses core/problem.h allows, 暂缓 only with a
# reason, 已解决 for good; a leader comments and marks and changes nothing
# else; every step dated and signed in the history and in the audit log;
# counts in the seeds' words follow; hostile text comes back escaped;
# changes without the CSRF token are refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator >"$TZ_TMP/tok" 2>/dev/null
tz --db "$db" token add reporter-byq >"$TZ_TMP/tok-reporter-byq" 2>/dev/null
tz --db "$db" token add reporter-gz >"$TZ_TMP/tok-reporter-gz" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import json, os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
ctok = Token(open(tmp + '/tok').read().split()[0])
coord, leader = User('coordinator'), User('leader')

def status_of(pid):
    return ctok.get('/api/v1/problems/%d' % pid).json()['problem']['status']

def counts():
    return ctok.get('/api/v1/problems').json()['counts']

before = counts()
# The demo gives its leader problems on the projects it follows, so the
# leader's 问题清单 is not empty the first time it is opened.
lp = leader.get('/api/v1/problems').json()
check('the demo leader has open problems of its own to read',
      lp['counts']['problems'] - lp['counts']['solved'] >= 1, lp['counts'])
# A project the leader follows (包联) in the district or county of one of
# the demo's reporters: that reporter raises, the leader comments, the
# other reporter sees nothing of it.
led = leader.get('/api/v1/projects?per_page=500').json()['projects']
pick = [(p, 'reporter-byq', 'reporter-gz') for p in led if p['region'] == '鲅鱼圈区'] + \
       [(p, 'reporter-gz', 'reporter-byq') for p in led if p['region'] == '盖州市']
check('the leader follows a project of a reporter\'s region', pick)
project, rname, oname = pick[0]
rep, gz = User(rname), User(oname)
code = project['code']
mine = [p for p in ctok.get('/api/v1/projects?per_page=500').json()['projects']
        if p['region'] == project['region']]
rtok = Token(open(tmp + '/tok-' + rname).read().split()[0])
HOSTILE = '<script>alert("x")</script>\' OR 1=1;--'

# Raised by hand by the district's reporter.
r = rep.post('/problems', {'project': code, 'kind': '用地', 'level': '省',
                           'description': HOSTILE + '用地指标未落实'})
eq('the reporter raises a problem', r.status, 303)
m = re.search(r'/problems/(\d+)$', r.header('Location') or '')
check('…and is sent to its page', m, r.header('Location'))
pid = int(m.group(1))
eq('it starts 待交办', status_of(pid), '待交办')
page = rep.get('/problems/%d' % pid).text
check('hostile text is escaped on the page', '<script>alert' not in page and
      '&lt;script&gt;alert' in page)
eq('hostile text is exact in JSON', ctok.get('/api/v1/problems/%d' % pid).json()['problem']['description'],
   HOSTILE + '用地指标未落实')
eq('another county\'s reporter cannot see it', gz.get('/problems/%d' % pid).status, 404)
check('…nor learn the project\'s name from the 404', project['name'] not in gz.get('/problems/%d' % pid).text)
eq('…nor raise on the project', gz.post('/problems', {'project': code, 'kind': '用地', 'level': '省',
                                                       'description': 'x'}).status, 404)
# A mistyped code, or one of another county: the same 404, the form again
# with what was typed (the description is not lost), nothing said of the
# project.
typed = {'project': code + 'X', 'kind': '资金', 'level': '市', 'description': '征迁资金缺口<3000万'}
r = rep.post('/problems', typed)
eq('an unknown code answers 404', r.status, 404)
check('…with the form again and the reason, not echoing the code',
      '项目编号不存在，或不在您的管辖范围内' in r.text and code + 'X' not in r.text, r.text[:2000])
check('…keeping the description (escaped) and the choices',
      '>征迁资金缺口&lt;3000万</textarea>' in r.text and '<option value="资金" selected>' in r.text
      and '<option value="市" selected>' in r.text, r.text[:3000])
h = gz.post('/problems', dict(typed, project=code))
eq('a hidden project answers the same 404', h.status, 404)
check('…with the same words, not the project\'s name',
      '不存在，或不在您的管辖范围内' in h.text and project['name'] not in h.text)
eq('the API answers 404 for an unknown code', rtok.post('/api/v1/problems', typed).status, 404)
eq('a leader may not raise', leader.post('/problems', {'project': code, 'kind': '用地', 'level': '省',
                                                       'description': 'x'}).status, 403)
eq('a problem needs a kind', rep.post('/problems', {'project': code, 'level': '省',
                                                    'description': 'x'}).status, 400)
eq('…and a description', rep.post('/problems', {'project': code, 'kind': '资金', 'level': '省'}).status, 400)

# The reporter may not assign or move it.
eq('the reporter may not assign', rep.post('/problems/%d/assign' % pid, {'level': '市'}).status, 403)
eq('the reporter may not move', rep.post('/problems/%d/move' % pid, {'to': '已交办'}).status, 403)
r = leader.post('/problems/%d/move' % pid, {'to': '已交办'})
eq('a leader may not move', r.status, 403)
check('…and is told what a leader may do', '领导账号可以查看、批注和标记问题' in r.text)
r = User('admin').get('/report')
eq('the administrator does not report', r.status, 403)
check('…and is told it is not the administrator\'s work, not to ask a coordinator',
      '系统管理员账号管理用户' in r.text and '联系本级调度管理员' not in r.text)
r = rep.post('/problems/%d/move' % pid, {'to': '已交办'})
check('a reporter is told to ask its coordinator', '请联系本级调度管理员' in r.text)

# The coordinator assigns: level, unit, deadline.
r = coord.post('/problems/%d/assign' % pid, {'kind': '用地', 'level': '省', 'and_assign': '1'})
eq('交办 without a unit is refused', r.status, 400)
check('…saying why', '责任单位' in r.text)
eq('…and nothing was changed', status_of(pid), '待交办')
r = coord.post('/problems/%d/assign' % pid, {'kind': '用地', 'level': '市', 'unit': '210800-05',
                                            'deadline': '2020-01-31', 'and_assign': '1'})
eq('assigned to 市自然资源局 with a deadline', r.status, 303)
p = ctok.get('/api/v1/problems/%d' % pid).json()['problem']
eq('…now 已交办 at level 市, unit and deadline kept', (p['status'], p['level'], p['unit'], p['deadline']),
   ('已交办', '市', '市自然资源局', '2020-01-31'))
eq('a bad deadline is refused', coord.post('/problems/%d/assign' % pid, {'level': '市',
                                           'deadline': '2025-02-30'}).status, 400)
# An API call may change the deadline alone (walkthrough 16: it was
# answered "请选择解决层级"); what it does not send stays.
r = request('POST', '/api/v1/problems/%d/assign' % pid, None, ctok.h, body={'deadline': '2020-02-29'})
eq('the deadline alone, by API', r.status, 200)
p = ctok.get('/api/v1/problems/%d' % pid).json()['problem']
eq('…changed; level and unit as they were', (p['level'], p['unit'], p['deadline']),
   ('市', '市自然资源局', '2020-02-29'))
r = request('POST', '/api/v1/problems/%d/assign' % pid, None, ctok.h, body={'deadline': '2025-02-30'})
eq('…a bad deadline alone is refused', r.status, 400)
check('…for the deadline, not the level', '期限' in r.json().get('error', '') or
      '日期' in r.json().get('error', ''), r.json())

# Moves: only the allowed ones.
def move(to, note=''):
    return coord.post('/problems/%d/move' % pid, {'to': to, 'note': note})
r = move('已解决', '已协调')
eq('已交办 → 已解决 is refused', r.status, 400)
check('…saying which', '已交办' in r.text and '已解决' in r.text)
eq('→ 办理中', move('办理中').status, 303)
r = move('暂缓')
eq('暂缓 without a reason is refused', r.status, 400)
check('…saying a reason is needed', '原因' in text_of_html(r.text))
eq('暂缓 with a reason', move('暂缓', '等待规划调整').status, 303)
eq('…the reason kept', ctok.get('/api/v1/problems/%d' % pid).json()['problem']['reason'], '等待规划调整')
eq('暂缓 → 办理中', move('办理中', '规划已调整').status, 303)
eq('an unknown status is refused', move('完成').status, 400)

# A leader comments and marks, and changes nothing else.
eq('a leader comments and marks', leader.post('/problems/%d/comment' % pid,
                                              {'text': '请抓紧协调', 'mark': '督办'}).status, 303)
eq('…the status is unchanged', status_of(pid), '办理中')
eq('an unknown mark is refused', leader.post('/problems/%d/comment' % pid, {'mark': '删除'}).status, 400)
eq('an empty comment is refused', leader.post('/problems/%d/comment' % pid, {'text': ''}).status, 400)
eq('a reporter may not comment', rep.post('/problems/%d/comment' % pid, {'text': 'x'}).status, 403)
eq('→ 已解决 with how', move('已解决', '已调整用地指标').status, 303)
eq('已解决 is final', move('办理中').status, 400)

# The history: every step dated and signed.
h = ctok.get('/api/v1/problems/%d' % pid).json()['history']
eq('the history in order', [(e['action'], e['from'], e['to']) for e in h], [
    ('提出', None, '待交办'), ('交办或修改', '待交办', '待交办'), ('变更状态', '待交办', '已交办'),
    ('交办或修改', '已交办', '已交办'), ('变更状态', '已交办', '办理中'), ('变更状态', '办理中', '暂缓'), ('变更状态', '暂缓', '办理中'),
    ('标记', '办理中', '办理中'), ('批示意见', '办理中', '办理中'), ('变更状态', '办理中', '已解决')])
eq('signed by who did each', [e['user'].split('（')[1].rstrip('）') for e in h],
   [rname, 'coordinator', 'coordinator', 'coordinator', 'coordinator', 'coordinator', 'coordinator',
    'leader', 'leader', 'coordinator'])
check('dated', all(re.match(r'\d{4}-\d\d-\d\d \d\d:\d\d$', e['at']) for e in h))
check('the edit says what changed', '责任单位：（无）→市自然资源局' in h[1]['note'] and
      '解决层级：省→市' in h[1]['note'], h[1]['note'])
pg = text_of_html(coord.get('/problems/%d' % pid).text)
check('the page shows the history with names', '办理记录' in pg and '孙振宇' in pg and '批示意见' in pg)
aud = coord.get('/audit?per_page=200').text
check('the audit log has each change, in Chinese', all('<td data-label="操作">%s</td>' % a in aud for a in
      ['提出问题', '交办或修改问题', '变更问题状态', '批示意见', '标记问题']))
aud_table = aud[aud.index('<table class="list audit">'):aud.index('</table>')]
check('…its objects named and linked', '<a href="/problems/%d">问题 #%d</a>' % (pid, pid) in aud_table)
check('…its values without JSON', '{"' not in aud_table and '{&quot;' not in aud_table and
      '&quot;:' not in aud_table and '<li>改为：已解决</li>' in aud_table)

# Counts in the seeds' words follow.
after = counts()
eq('one more problem, solved, at level 市', (after['problems'] - before['problems'],
   after['solved'] - before['solved'], after['upper_problems'] - before['upper_problems'],
   after['upper_solved'] - before['upper_solved']), (1, 1, 1, 1))
check('the sentence reads like the seeds', re.fullmatch(r'\d+个项目需国家、省市解决问题\d+个，已解决\d+个',
                                                       after['sentence']), after['sentence'])
lp = coord.get('/problems').text
check('the list page says it', after['sentence'] in lp)
solved = ctok.get('/api/v1/problems?status=已解决&per_page=500').json()
check('filter by status', solved['total'] == after['by_status']['已解决'] and
      all(p['status'] == '已解决' for p in solved['problems']))
eq('an unknown filter is refused', coord.get('/problems?level=乡').status, 400)
byq = rtok.get('/api/v1/problems?per_page=500').json()
check('the reporter lists only its district\'s problems',
      all(p['project']['code'] in [x['code'] for x in mine] for p in byq['problems']))

# Raised from a report's 存在问题: its text, once per kind.
rep_projects = rtok.get('/api/v1/projects?per_page=500').json()['projects']
src = None
for x in rep_projects:
    for rr in rtok.get('/api/v1/projects/' + x['code']).json()['reports']:
        if rr['problem']:
            src = (x['code'], rr['period'], rr['problem'])
check('a report with a 存在问题 to raise from', src)
r = rtok.post('/api/v1/problems', {'project': src[0], 'period': src[1], 'kind': '其他', 'level': '县'})
eq('raised from the report through the API', r.status, 201)
eq('…with the report\'s text', (r.json()['problem']['description'], r.json()['problem']['from_report']),
   (src[2], src[1]))
r2 = rtok.post('/api/v1/problems', {'project': src[0], 'period': src[1], 'kind': '其他', 'level': '县'})
eq('the same kind from the same report twice is refused', r2.status, 409)
eq('a period without a report is refused', rtok.post('/api/v1/problems', {'project': src[0],
   'period': '2019-01', 'level': '县'}).status, 400)

# Changes need the CSRF token.
eq('no CSRF token: refused', coord.post('/problems/%d/comment' % pid, {'text': 'x'}, csrf=False).status, 403)
eq('a wrong CSRF token: refused', coord.post('/problems/%d/comment' % pid,
                                             {'text': 'x', '_csrf': 'A' * 43}, csrf=False).status, 403)
eq('an API change without a token or CSRF header: refused',
   request('POST', '/api/v1/problems/%d/comment' % pid, coord.jar, body={'text': 'x'}).status, 403)
eq('…with the session\'s X-CSRF-Token header: accepted',
   request('POST', '/api/v1/problems/%d/comment' % pid, coord.jar,
           headers={'X-CSRF-Token': coord.csrf}, body={'text': '经X-CSRF-Token提交'}).status, 200)
# A JSON object's texts are the fields, as a form's (walkthrough 15: a
# comment in JSON was answered "请填写意见或选择标记").
def post_json(path, raw):
    return request('POST', path, None, ctok.h, raw=raw, ctype='application/json; charset=utf-8')
jc = post_json('/api/v1/problems/%d/comment' % pid,
               json.dumps({'text': '以JSON提交的意见'}, ensure_ascii=False).encode())
eq('a comment sent as JSON', jc.status, 200)
check('…kept as sent', ctok.get('/api/v1/problems/%d' % pid).json()['history'][-1]['note'] ==
      '以JSON提交的意见', ctok.get('/api/v1/problems/%d' % pid).json()['history'][-1])
eq('…JSON without the text: the form\'s message',
   post_json('/api/v1/problems/%d/comment' % pid, b'{"note": "x"}').status, 400)
eq('…a NUL inside a text: refused', post_json('/api/v1/problems/%d/comment' % pid,
                                              b'{"text": "a\\u0000b"}').status, 400)
# A body that is not one flat object says what is wrong (walkthrough 16:
# each was answered "请指定项目").
for raw, said in [(b'{"text": ', '不是有效的JSON'),
                  (b'["a", "b"]', '应为一个JSON对象：{"字段": 值, …}，收到的是数组'),
                  (b'{"text": {"a": 1}}', '字段“text”应为文字、整数或 true/false，收到的是对象'),
                  (b'{"text": ["a", "b"]}', '字段“text”应为文字、整数或 true/false，收到的是数组'),
                  (b'{"text": 1.5}', '收到的是小数'),
                  (b'{"text": null}', '收到的是null'),
                  (b'{"text": "a", "text": "b"}', '请求内容有重复的字段')]:
    jr = post_json('/api/v1/problems/%d/comment' % pid, raw)
    eq('JSON %s: refused' % raw.decode(), jr.status, 400)
    check('…saying %s' % said, said in jr.json().get('error', ''), jr.json())
eq('an unknown problem answers 404', coord.get('/problems/999999').status, 404)
eq('…and a malformed id', coord.get('/problems/1x').status, 404)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
