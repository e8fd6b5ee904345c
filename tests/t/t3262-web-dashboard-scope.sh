#!/bin/bash
# t3262-web-dashboard-scope.sh: the dashboard's opening paragraphs are
# those of the user's own bulletin, in one scope throughout (web.md
# "People and permissions": a user's summaries count the projects it
# sees). The walkthrough's leader read "3个县（市）区排名上升，5个排名
# 下降，1个排名不变" — rank changes from the city's ranking — beside
# rates and places from its own projects, while its 通报 page said 1/4/4
# and its table agreed. Now the dashboard says exactly what the 通报 page
# of the same user, period and grouping says, and its rank changes are
# those of that bulletin's table; a one-region view does not claim a
# ranking of one "did not change".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city (as make run)" tz --db "$db" demo
ok "serve starts" web_start "$db" --weak-hashes on
for u in leader coordinator-gz reporter-byq coordinator; do
	tz --db "$db" token add $u >"$TZ_TMP/tok-$u" 2>/dev/null
done

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import html, os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)

def lead(page):
    """The paragraphs of a page's <div class="lead">, as text."""
    m = re.search(r'<div class="lead">(.*?)</div>', page, re.S)
    if not m:
        return None
    return '\n'.join(html.unescape(re.sub(r'<[^>]+>', '', p))
                     for p in re.findall(r'<p>(.*?)</p>', m.group(1), re.S))

def moves(para):
    """(up, down, same) said by a paragraph."""
    def n(pat):
        m = re.search(pat, para)
        return int(m.group(1)) if m else 0
    return (n(r'(\d+)[个位][^，。]*排名上升'), n(r'(\d+)[个位][^，。]*排名下降'),
            n(r'(\d+)[个位][^，。]*排名不变'))

for login in ['leader', 'coordinator-gz', 'reporter-byq', 'coordinator']:
    t = Token(open('%s/tok-%s' % (tmp, login)).read().split()[0])
    d = t.get('/api/v1/dashboard').json()
    p = d['period']
    b = t.get('/api/v1/bulletin?period=%s&by=region' % p).json()
    u = User(login)
    page = lead(u.get('/bulletin?period=%s&by=region' % p).text)
    eq('%s: the dashboard says what its 通报 page says' % login, d['summary'], page)
    eq('%s: …and so does the dashboard page' % login, lead(u.get('/?period=' + p).text), page)
    ch = [g['rank_change'] for g in b['groups'] if g['rank_change'] is not None]
    para = d['summary'].split('\n')[1]
    if len(ch) > 1 and any(ch):
        eq('%s: the rank changes said are those of its bulletin\'s table' % login, moves(para),
           (sum(c > 0 for c in ch), sum(c < 0 for c in ch), sum(c == 0 for c in ch)))
    if len(b['groups']) == 1:
        check('%s: a ranking of one region is not said to be unchanged' % login,
              '均无变化' not in para and '排名' not in para, para)
    if login == 'leader':
        check('the leader: the walkthrough\'s case (its ranks move)', len(ch) > 1 and any(ch), ch)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
