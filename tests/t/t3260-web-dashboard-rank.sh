#!/bin/bash
# t3260-web-dashboard-rank.sh: a county's dashboard shows the city's
# ranking by region; its opening paragraphs speak of that same ranking
# (ledger.md "The monthly bulletin": rank and rank_change rank the city's
# groups against last month's bulletin), so the paragraph never says the
# ranks did not change while the table beside it shows the county moving.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator-gz >"$TZ_TMP/tok-gz" 2>/dev/null
tz --db "$db" token add reporter-gz >"$TZ_TMP/tok-rgz" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)

def said(summary, g):
    """What the paragraph must say of the county's place in the table."""
    ranked = len([x for x in d['ranking'] if x['rank'] is not None])
    where = '%s投资完成率' % g['key']
    c = g['rank_change']
    move = ('排名上升%d位' % c if c > 0 else '排名下降%d位' % -c if c < 0 else '排名不变')
    return '在%d个县（市）区中排名第%d' % (ranked, g['rank']), '与上月相比，' + move

for who, login in [('tok-gz', 'coordinator-gz'), ('tok-rgz', 'reporter-gz')]:
    t = Token(open(tmp + '/' + who).read().split()[0])
    d = t.get('/api/v1/dashboard').json()
    mine = [x for x in d['ranking'] if x['in_view']]
    eq('%s: one region of the table is the view\'s' % who, [x['key'] for x in mine], ['盖州市'])
    g = mine[0]
    check('%s: the demo moves the county in the ranking (the case at hand)' % who,
          g['rank_change'] not in (None, 0), g)
    para = d['summary'].split('\n')[1]
    place, move = said(d['summary'], g)
    check('%s: the paragraph gives the county\'s rank in the table' % who, place in para, para)
    check('%s: …and the change the table shows' % who, move in para, (move, para))
    check('%s: never "no change" beside a change' % who, '均无变化' not in para, para)

    # The page says it too, beside the table.
    h = User(login).get('/').text
    check('%s: the page shows the same sentence' % who, move in h)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
