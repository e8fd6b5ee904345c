#!/bin/bash
# t3260-web-dashboard-rank.sh: a county's dashboard shows the city's
# ranking by region, the county's row marked, with its move since last
# month; its opening paragraphs are the county's own bulletin's (t3262:
# one scope throughout), which ranks one region, so they never say the
# ranks did not change while the table beside it shows the county moving.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city (a seed whose 盖州市 moves)" tz --db "$db" demo --projects 400 --seed 10
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator-gz >"$TZ_TMP/tok-gz" 2>/dev/null
tz --db "$db" token add reporter-gz >"$TZ_TMP/tok-rgz" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)

for who, login in [('tok-gz', 'coordinator-gz'), ('tok-rgz', 'reporter-gz')]:
    t = Token(open(tmp + '/' + who).read().split()[0])
    d = t.get('/api/v1/dashboard').json()
    mine = [x for x in d['ranking'] if x['in_view']]
    eq('%s: one region of the table is the view\'s' % who, [x['key'] for x in mine], ['盖州市'])
    g = mine[0]
    check('%s: the demo moves the county in the ranking (the case at hand)' % who,
          g['rank_change'] not in (None, 0), g)
    para = d['summary'].split('\n')[1]
    check('%s: never "no change" beside a change' % who,
          '均无变化' not in para and '排名不变' not in para, para)

    # The page's table shows the move, on the county's row.
    h = User(login).get('/').text
    row = re.search(r'<tr class="mine">(.*?)</tr>', h, re.S)
    check('%s: the page marks the county\'s row with its move' % who,
          row and ('↓%d' % -g['rank_change'] if g['rank_change'] < 0
                   else '↑%d' % g['rank_change']) in row.group(1)
          and '均无变化' not in h, row and row.group(1))
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
