#!/bin/bash
# t3270-web-bulletin-view.sh: one user, one bulletin. web.md "People and
# permissions": a reporter sees its own projects, a county's coordinator
# its subtree; the bulletin a user gets is that of the projects it sees,
# the same from GET /api/v1/bulletin, from the 通报 page and from every
# download (CSV, JSON). A city-level user gets the city's, exactly
# `taizhang bulletin`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 300
ok "serve starts" web_start "$db" --weak-hashes on
for u in coordinator reporter-gz coordinator-gz reporter-jt; do
	tz --db "$db" token add $u >"$TZ_TMP/tok-$u" 2>/dev/null
done

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import csv, io, json, os, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
cli = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))
period = cli['period']

def csv_groups(text):
    rows = list(csv.reader(io.StringIO(text.lstrip('\ufeff'))))
    head = [i for i, r in enumerate(rows) if r and r[0] == '排名'][0]
    out = []
    for r in rows[head + 1:]:
        if len(r) < 3 or not r[0] and not r[2]:
            break
        if r[2] in ('合计', '全市', ''):
            break
        out.append((r[2], int(r[3])))
    return out

for login in ['coordinator', 'reporter-gz', 'coordinator-gz', 'reporter-jt']:
    t = Token(open('%s/tok-%s' % (tmp, login)).read().split()[0])
    api = t.get('/api/v1/bulletin?period=' + period)
    eq('%s: the API answers' % login, api.status, 200)
    u = User(login)
    j = u.get('/bulletin/export?format=json&period=' + period)
    eq('%s: the JSON download' % login, j.status, 200)
    eq('%s: the API is the JSON download, byte for byte' % login, api.data, j.data)
    a = api.json()
    c = u.get('/bulletin/export?format=csv&period=' + period)
    eq('%s: the CSV download' % login, c.status, 200)
    eq('%s: the CSV has the API\'s groups' % login, csv_groups(c.text),
       [(g['key'], g['projects']) for g in a['groups']])
    page = text_of_html(u.get('/bulletin?period=' + period).text)
    check('%s: the page has the API\'s project count' % login,
          ('%d个重点项目' % a['totals']['projects']) in page, a['totals'])
    if login == 'coordinator':
        eq('the city: the CLI\'s bulletin', a, cli)
    else:
        check('%s: its own projects only, not the city\'s' % login,
              a['totals']['projects'] < cli['totals']['projects'], a['totals'])
    if login.endswith('-gz'):
        eq('%s: the county\'s groups' % login, [g['key'] for g in a['groups']], ['盖州市'])
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
