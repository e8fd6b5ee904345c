#!/bin/bash
# t3010-web-authz.sh: the authorisation matrix (issue 9, web.md): every
# route of the table the server itself uses (`taizhang serve --routes`) ×
# every role × a project of the user's own node and one of another node,
# by session and, on the API, by token. Allowed requests succeed (2xx or
# 3xx); the others answer 403 or 404 exactly, and no refusal (nor any
# list) names a project the user may not see. A route the table gains
# without an expectation here fails the test. Problems ({id}) are raised
# for the matrix on a project of the user's own node and on another's,
# so every problem route is tried on both.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
leader=$(sed -n 's/.*包联领导 \([^（]*\)（.*/\1/p' "$TZ_TMP/out")
is "the demo has a leader" "$([ -n "$leader" ] && echo yes)" yes

# One account per role and node, and their tokens.
add() {
	echo "matrix-password" | tz --db "$db" user add "$@" --password-stdin --weak-hash
}
ok "admin" add m-admin --role admin --org 210800
ok "city coordinator" add m-coord --role coordinator --org 210800
ok "county coordinator" add m-coord-gz --role coordinator --org 盖州市
ok "district reporter" add m-rep-byq --role reporter --org 鲅鱼圈区
ok "department reporter" add m-rep-jt --role reporter --org 市交通运输局
ok "leader" add m-leader --role leader --org 市直 --leader "$leader 同志"
ok "a user for the admin to act on" add m-victim --role reporter --org 鲅鱼圈区
: >"$TZ_TMP/tokens"
for u in m-admin m-coord m-coord-gz m-rep-byq m-rep-jt m-leader; do
	tz --db "$db" token add $u >"$TZ_TMP/t" 2>/dev/null
	echo "$u $(head -1 "$TZ_TMP/t")" >>"$TZ_TMP/tokens"
done
is "six tokens" "$(grep -c ' tzk_' "$TZ_TMP/tokens")" 6
ok "the route table" tz --db "$db" serve --routes
cp "$TZ_TMP/out" "$TZ_TMP/routes"

ok "serve starts" web_start "$db" --weak-hashes on
python3 - "$WEB_URL" "$TZ_TMP/routes" "$TZ_TMP/tokens" "$leader" <<'PY'
import http.client, json, re, sys, urllib.parse, zipfile, io

url, routes_file, tokens_file, leader_name = sys.argv[1:5]
host, port = url.split('//')[1].split(':')
n = 0
failed = 0

def check(what, cond, detail=''):
    global n, failed
    n += 1
    if cond:
        print('ok %d - %s' % (n, what))
    else:
        failed += 1
        print('not ok %d - %s' % (n, what))
        if detail:
            print('#   ' + str(detail)[:300])

def request(method, path, cookies=None, headers=None, body=None):
    h = dict(headers or {})
    if cookies:
        h['Cookie'] = '; '.join('%s=%s' % kv for kv in cookies.items())
    if isinstance(body, tuple):      # (content type, bytes): JSON, multipart
        h['Content-Type'], body = body
    elif body is not None:
        body = urllib.parse.urlencode(body).encode()
        h['Content-Type'] = 'application/x-www-form-urlencoded'
    c = http.client.HTTPConnection(host, int(port), timeout=60)
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    for k, v in r.getheaders():
        if k.lower() == 'set-cookie' and cookies is not None:
            name, val = v.split(';')[0].split('=', 1)
            if val:
                cookies[name] = val
            else:
                cookies.pop(name, None)
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

def csrf_of(page):
    m = re.search(rb'name="_csrf" value="([^"]+)"', page)
    return m.group(1).decode() if m else ''

def login(name, password='matrix-password'):
    jar = {}
    st, _, page = request('GET', '/login', jar)
    st, _, _ = request('POST', '/login', jar, body={'_csrf': csrf_of(page), 'login': name, 'password': password})
    assert st == 303, (name, st)
    st, _, page = request('GET', '/account', jar)
    jar_csrf = csrf_of(page)
    return jar, jar_csrf

tokens = dict(line.split() for line in open(tokens_file))
routes = [l.rstrip('\n').split('\t') for l in open(routes_file) if l.strip()]

# Who is who, and what each sees by the rules of web.md, written here
# independently of the server: a region reporter its region's projects, a
# department reporter its unit's, a leader its own (市直, none in the demo)
# and those it is the 包联领导 of, coordinators their subtree.
def key(s):
    s = s.replace(' ', '').replace('\u3000', '')
    return s[:-2] if s.endswith('同志') else s
LEADER = key(leader_name)
users = {
    'm-admin':    ('admin',       lambda p: True),
    'm-coord':    ('coordinator', lambda p: True),
    'm-coord-gz': ('coordinator', lambda p: p['region'] == '盖州市'),
    'm-rep-byq':  ('reporter',    lambda p: p['region'] == '鲅鱼圈区'),
    'm-rep-jt':   ('reporter',    lambda p: p['unit'] == '市交通运输局'),
    'm-leader':   ('leader',      lambda p: key(p['leader']) == LEADER or p['region'] == '市直'),
}

st, _, data = request('GET', '/api/v1/projects?per_page=500', headers={'Authorization': 'Bearer ' + tokens['m-admin']})
projects = json.loads(data)['projects']
check('the admin lists every project', st == 200 and len(projects) == 400, st)

def own_other(sees):
    own = next((p for p in projects if sees(p)), None)
    # Another node's project, whose name no project the user sees shares
    # (demo names repeat), so that finding it in a page is a leak.
    seen_names = set(p['name'] for p in projects if sees(p))
    other = next((p for p in projects if not sees(p) and p['name'] not in seen_names), None)
    return own, other

OK = 'ok'
def allow(u, rel): return OK
def obj(u, rel): return OK if rel == 'own' else 404
def roles(*rs): return lambda u, rel: OK if users[u][0] in rs else 403
EXPECT = {
    ('GET', '/'): allow,
    ('GET', '/projects'): allow,
    ('GET', '/projects.xlsx'): allow,
    ('GET', '/projects/{code}'): obj,
    ('GET', '/audit'): roles('admin', 'coordinator'),
    ('GET', '/users'): roles('admin'),
    ('POST', '/users'): roles('admin'),
    ('POST', '/users/{login}/disable'): roles('admin'),
    ('POST', '/users/{login}/enable'): roles('admin'),
    ('POST', '/users/{login}/password'): roles('admin'),
    ('GET', '/account'): allow,
    ('POST', '/account/password'): allow,
    ('GET', '/login'): allow,
    ('POST', '/login'): allow,
    ('POST', '/logout'): allow,
    ('GET', '/api/v1/me'): allow,
    ('GET', '/api/v1/projects'): allow,
    ('GET', '/api/v1/projects/{code}'): obj,
    ('GET', '/api/v1/bulletin'): allow,
    ('GET', '/static/{file}'): allow,
    ('GET', '/healthz'): allow,
}

# Reporting and dispatch (pages-a). A node's dispatch is run by the
# coordinators of its subtree and admins: another node's answers 404 to a
# coordinator who does not see it. Imports: coordinators and admins (a
# county's coordinator imports its own subtree's rows only, t3121).
def node_manage(u, rel):
    if users[u][0] not in ('admin', 'coordinator'):
        return 403
    return 404 if rel == 'other' else OK
importer = roles('admin', 'coordinator')
EXPECT.update({
    ('GET', '/report'): roles('reporter', 'coordinator'),
    ('POST', '/report'): roles('reporter', 'coordinator'),
    ('GET', '/report/{code}/history'): obj,
    ('GET', '/periods'): roles('admin', 'coordinator'),
    ('POST', '/periods'): roles('admin', 'coordinator'),
    ('POST', '/periods/{node}/{period}/deadline'): node_manage,
    ('POST', '/periods/{node}/{period}/close'): node_manage,
    ('GET', '/ontime'): roles('admin', 'coordinator'),
    ('GET', '/ontime.xlsx'): roles('admin', 'coordinator'),
    ('GET', '/import'): importer,
    ('POST', '/import'): importer,
    ('POST', '/import/{token}'): importer,
    ('GET', '/api/v1/periods'): allow,
    ('POST', '/api/v1/reports'): roles('reporter', 'coordinator'),
    ('GET', '/api/v1/ontime'): roles('admin', 'coordinator'),
})
# Pages that list projects: none may name another node's.
NOLEAK = {('GET', '/ontime'), ('GET', '/ontime.xlsx'), ('GET', '/api/v1/ontime'),
          ('POST', '/report'), ('GET', '/api/v1/periods')}
# Each user's own node (from /api/v1/me), a period it opens, the token
# of its import's dry run.
ME = {}
for u in users:
    st, _, data = request('GET', '/api/v1/me', headers={'Authorization': 'Bearer ' + tokens[u]})
    ME[u] = json.loads(data)['org']['code']
ROOT = ME['m-admin']
OPENS = {'m-admin': '2026-01', 'm-coord': '2026-02', 'm-coord-gz': '2026-03'}
IMPORT_TOKEN = {}
# Summaries and tracking (pages-b): summaries are everyone's, of what each
# sees; problems and procedures are changed on objects of one's own node
# only (another node's: 404, it is not even visible), by the roles
# core/access.h names: raise and procedures reporters and coordinators,
# assign and move coordinators and admins, comment leaders and
# coordinators; any other role 403.
def obj_roles(*rs):
    return lambda u, rel: (403 if users[u][0] not in rs else OK if rel in ('own', '-') else 404)
EXPECT.update({
    ('GET', '/bulletin'): allow,
    ('GET', '/bulletin/export'): allow,
    ('GET', '/lights'): allow,
    ('GET', '/problems'): allow,
    ('POST', '/problems'): obj_roles('coordinator', 'reporter'),
    ('GET', '/problems/{id}'): obj,
    ('POST', '/problems/{id}/assign'): obj_roles('admin', 'coordinator'),
    ('POST', '/problems/{id}/move'): obj_roles('admin', 'coordinator'),
    ('POST', '/problems/{id}/comment'): obj_roles('coordinator', 'leader'),
    ('GET', '/procedures'): allow,
    ('POST', '/projects/{code}/procedures'): obj_roles('coordinator', 'reporter'),
    ('POST', '/projects/{code}/procedures/require'): obj_roles('coordinator', 'reporter'),
    ('GET', '/api/v1/dashboard'): allow,
    ('GET', '/api/v1/lights'): allow,
    ('GET', '/api/v1/problems'): allow,
    ('POST', '/api/v1/problems'): obj_roles('coordinator', 'reporter'),
    ('GET', '/api/v1/problems/{id}'): obj,
    ('POST', '/api/v1/problems/{id}/assign'): obj_roles('admin', 'coordinator'),
    ('POST', '/api/v1/problems/{id}/move'): obj_roles('admin', 'coordinator'),
    ('POST', '/api/v1/problems/{id}/comment'): obj_roles('coordinator', 'leader'),
    ('GET', '/api/v1/procedures'): allow,
    ('POST', '/api/v1/projects/{code}/procedures'): obj_roles('coordinator', 'reporter'),
})
# Pages and calls that summarise: checked for names they must not show.
SUMMARIES = {('GET', '/'), ('GET', '/bulletin'), ('GET', '/bulletin/export'), ('GET', '/lights'),
             ('GET', '/problems'), ('GET', '/procedures'), ('GET', '/api/v1/dashboard'),
             ('GET', '/api/v1/lights'), ('GET', '/api/v1/problems'), ('GET', '/api/v1/procedures')}
# Routes whose object, a project, comes in the body.
BODY_PROJECT = {('POST', '/problems'), ('POST', '/api/v1/problems')}

def api(method, path, token, body=None):
    st, _, data = request(method, path, None, {'Authorization': 'Bearer ' + token}, body)
    return st, (json.loads(data) if data else None)

# A problem on each project the matrix tries, raised by the city's coordinator.
problem_of = {}
def problem_on(code):
    if code not in problem_of:
        st, b = api('POST', '/api/v1/problems', tokens['m-coord'],
                    {'project': code, 'kind': '用地', 'level': '市', 'description': '矩阵测试问题'})
        assert st == 201, (code, st, b)
        problem_of[code] = b['problem']['id']
    return problem_of[code]
for method, pattern, flags, action, who in routes:
    check('route %s %s has an expectation' % (method, pattern), (method, pattern) in EXPECT)
    if (method, pattern) not in EXPECT or '{code}' in pattern or '{id}' in pattern or who == '*':
        continue
    # The table's own roles agree with the expectations written here.
    table_roles = set(who.split(','))
    mine = set(users[u][0] for u in users if EXPECT[(method, pattern)](u, '-') == OK)
    check('roles of %s %s agree with the table' % (method, pattern), table_roles == mine, (table_roles, mine))

LISTS = {('GET', '/projects'), ('GET', '/projects.xlsx'), ('GET', '/api/v1/projects'), ('GET', '/api/v1/bulletin'),
         ('GET', '/report')}
new_user = [0]

def multipart(fields, files):
    boundary = 'matrix-boundary-7d1f'
    out = b''
    for k, v in fields.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)).encode()
    for k, (name, data) in files.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                'Content-Type: text/csv\r\n\r\n' % (boundary, k, name)).encode() + data + b'\r\n'
    out += ('--%s--\r\n' % boundary).encode()
    return ('multipart/form-data; boundary=' + boundary, out)

def body_for(method, pattern, u, csrf, how='session', own=None, target=None):
    if method != 'POST':
        return None
    if pattern == '/api/v1/reports':
        return ('application/json', json.dumps({'period': '2025-12', 'reports': []}).encode())
    if pattern == '/import':
        code = own['code'] if own else 'X'
        csv = ('项目编号,调度期,本期完成投资(万元),开工状态\n%s,2025-10,1.5,已开工\n' % code).encode()
        return multipart({'_csrf': csrf, 'kind': 'progress'}, {'file': ('调度.csv', csv)})
    b = {'_csrf': csrf}
    if pattern == '/report':
        b.update(period='2025-12')
    elif pattern == '/periods':
        b.update(period=OPENS.get(u, '2026-04'), node=ME[u])
    elif pattern.endswith('/deadline') and pattern.startswith('/periods'):
        b.update(deadline='2027-01-10 17:00')
    elif (method, pattern) in BODY_PROJECT:
        b.update(project=target['code'], kind='资金', level='县', description='矩阵提出的问题')
    elif pattern.endswith('/assign'):
        b.update(kind='用地', level='省', deadline='2026-06-30')
    elif pattern.endswith('/move'):
        # A move the problem's status allows, whatever earlier runs did.
        st, cur = api('GET', '/api/v1/problems/%d' % problem_on(target['code']), tokens['m-admin'])
        now = cur['problem']['status'] if st == 200 else '待交办'
        b.update(to='待交办' if now == '暂缓' else '暂缓', note='矩阵测试：等待批复')
    elif pattern.endswith('/comment'):
        b.update(text='请抓紧办理', mark='督办')
    elif pattern.endswith('/procedures'):
        b.update(kind='用地预审', status='办理中', date='2025-06-01', doc_no='营发改〔2025〕1号')
    if pattern == '/users':
        new_user[0] += 1
        b.update(login='m-new-%d' % new_user[0], name='新用户', role='reporter', org='210804',
                 password='new-user-password')
    elif pattern.endswith('/password') and pattern.startswith('/users'):
        b.update(password='victim-password')
    elif pattern == '/account/password':
        b.update(old='matrix-password', new='matrix-password', new2='matrix-password')
    return b

def text_of(path, data):
    if '.xlsx' in path or path.startswith('/bulletin/export'):
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            return b''.join(z.read(n) for n in z.namelist() if n.endswith('.xml')).decode('utf-8', 'replace')
        except zipfile.BadZipFile:
            return ''
    return data.decode('utf-8', 'replace')

for u, (role, sees) in users.items():
    own, other = own_other(sees)
    seen_codes = set(p['code'] for p in projects if sees(p))
    jar, csrf = login(u)
    ordered = sorted(routes, key=lambda r: r[1] == '/logout')  # sign out last
    for method, pattern, flags, action, who in ordered:
        if (method, pattern) not in EXPECT:
            continue
        rels = ['own', 'other'] if ('{code}' in pattern or '{node}' in pattern or '{id}' in pattern or
                                    (method, pattern) in BODY_PROJECT) else ['-']
        for rel in rels:
            target = own if rel != 'other' else other
            if rel == 'other' and other is None:
                continue  # sees every project: there is no other node's
            if '{node}' in pattern and rel == 'other' and ME[u] == ROOT:
                continue  # runs the root: there is no other node's dispatch
            path = pattern.replace('{login}', 'm-victim').replace('{file}', 'taizhang.css')
            if '{node}' in pattern:
                path = path.replace('{node}', urllib.parse.quote(ME[u] if rel == 'own' else ROOT)) \
                           .replace('{period}', OPENS.get(u, '2025-12') if rel == 'own' else '2025-12')
            path = path.replace('{token}', IMPORT_TOKEN.get(u, 'A' * 43))
            if '{code}' in path:
                path = path.replace('{code}', urllib.parse.quote(target['code']))
            if '{id}' in path:
                path = path.replace('{id}', str(problem_on(target['code'])))
            if (method, pattern) in LISTS:
                path += '?per_page=500' if 'bulletin' not in path else '?period=2025-12'
            if (method, pattern) in SUMMARIES:
                path += '?period=2025-12&per_page=500'
                if pattern == '/bulletin/export':
                    path += '&format=xlsx'
            want = EXPECT[(method, pattern)](u, rel)
            ways = [('session', jar, {'X-CSRF-Token': csrf} if 'API' in flags and method == 'POST' else {})]
            if 'API' in flags:
                ways.append(('token', None, {'Authorization': 'Bearer ' + tokens[u]}))
            for how, cookies, headers in ways:
                if pattern == '/login' and method == 'POST':
                    cookies = {}
                    st, _, page = request('GET', '/login', cookies)
                    body = {'_csrf': csrf_of(page), 'login': u, 'password': 'matrix-password'}
                else:
                    body = body_for(method, pattern, u, csrf, how, own, target)
                st, hdr, data = request(method, path, cookies, headers, body)
                if (method, pattern) == ('POST', '/import') and st == 200:
                    m = re.search(rb'action="/import/([A-Za-z0-9_-]{43})"', data)
                    check('%s: the dry run of %s gives a token' % (pattern, u), m is not None)
                    if m:
                        IMPORT_TOKEN[u] = m.group(1).decode()
                what = '%s %s as %s (%s, %s)' % (method, path, u, rel, how)
                if want == OK:
                    check(what + ' succeeds', 200 <= st < 400, st)
                else:
                    check(what + ' is refused with %d' % want, st == want, st)
                text = text_of(path, data)
                if other is not None and (want != OK or rel == 'other' or (method, pattern) in LISTS
                                          or (method, pattern) in NOLEAK or (method, pattern) in SUMMARIES):
                    check(what + ' names no other node\'s project',
                          other['name'] not in text and (rel != 'other' or other['code'] not in text))
                if (method, pattern) in LISTS and want == OK and own is not None and \
                        not path.startswith('/api/v1/bulletin'):
                    check(what + ' lists the own project', own['name'] in text)
                if path.startswith('/api/v1/bulletin') and st == 200:
                    b = json.loads(data)
                    listed = set(x['code'] for x in b['lagging'] + b['not_reported'])
                    check(what + ' lists only projects it sees', listed <= seen_codes, listed - seen_codes)
                if pattern == '/logout':
                    jar, csrf = login(u)
    # Changes need the CSRF token, whatever the role.
    for method, pattern, flags, action, who in routes:
        if method != 'POST' or pattern == '/login':
            continue
        path = pattern.replace('{login}', 'm-victim').replace('{id}', str(problem_on(own['code']) if own else 1))
        if '{code}' in path:
            path = path.replace('{code}', urllib.parse.quote((own or projects[0])['code']))
        st, _, _ = request(method, path, jar, {}, {'x': '1'})
        check('%s %s as %s without CSRF is refused' % (method, path, u), st == 403, st)

# Signed out: pages send to the login form, the API says 401, nothing leaks.
anyp = projects[0]
for method, pattern, flags, action, who in routes:
    path = pattern.replace('{code}', urllib.parse.quote(anyp['code'])).replace('{login}', 'm-victim') \
                  .replace('{file}', 'taizhang.css').replace('{id}', '1')
    st, _, data = request(method, path, {}, {}, {} if method == 'POST' else None)
    if 'PUBLIC' in flags:
        check('%s %s signed out: public' % (method, path), st < 500 and st != 401, st)
    else:
        want = 401 if 'API' in flags else 303
        check('%s %s signed out: %d' % (method, path, want), st == want, st)
        check('%s %s signed out: nothing of the project' % (method, path), anyp['name'] not in data.decode('utf-8', 'replace'))
print('# %d checks' % n)
sys.exit(1 if failed else 0)
PY
is "the matrix ran to its end" "$?" 0
ok "a clean stop" web_stop
done_testing
