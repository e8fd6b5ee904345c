#!/bin/bash
# t3035-user-leader.sh: a leader account is bound to a 包联领导 name the
# ledgers write (web.md "People and permissions": the account carries the
# name ledgers write for that leader). A name no project of any ledger
# has is refused, by `taizhang user add` and by the admin's user form
# alike, with a Chinese message naming it and suggesting the nearest
# names; a name the ledgers write (spaces and 同志 aside) is accepted.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# A database with no accounts yet lists none (walkthrough 12: they said
# "数据库错误（users）：not an error" and exited 1).
ok "a new database" tz --db "$TZ_TMP/empty.db" init
ok "user list of no users" tz --db "$TZ_TMP/empty.db" user list
contains "…says there are none" "$TZ_TMP/out" "共 0 个用户"
ok "user leaders of no users" tz --db "$TZ_TMP/empty.db" user leaders
contains "…says there are none" "$TZ_TMP/out" "共 0 位包联领导"
ok "token list of no tokens" tz --db "$TZ_TMP/empty.db" token list

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "the ledgers' leaders" tz --db "$db" user leaders
leader=$(sed -n '2p' "$TZ_TMP/out" | cut -f1)
is "the demo has leaders" "$([ -n "$leader" ] && echo yes)" yes
# One character changed: a typo of a name the ledgers write.
typo="${leader%?}彧"
other="欧阳不存在者"

add() { echo "a-good-password" | tz --db "$db" user add "$@" --password-stdin --weak-hash; }
fails "a typo of a ledger's leader is refused" add lt --role leader --org 210800 --leader "$typo"
contains "…naming the name" "$TZ_TMP/err" "包联领导“$typo”不在任何台账中"
contains "…and suggesting the ledger's" "$TZ_TMP/err" "是否为“$leader”"
fails "a name far from any is refused" add lo --role leader --org 210800 --name "$other"
contains "…naming it, without a guess" "$TZ_TMP/err" "包联领导“$other”不在任何台账中（"
tz --db "$db" user list >"$TZ_TMP/users"
is "…and neither account exists" "$(grep -c -E '^(lt|lo)	' "$TZ_TMP/users")" 0
ok "the ledger's name, written with 同志, is accepted" add lg --role leader --org 210800 --leader "$leader 同志"

ok "serve starts" web_start "$db" --weak-hashes on
T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$leader" "$typo" <<'PY'
import html, os, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, leader, typo = sys.argv[1:5]
setup(url, first)
admin = User('admin')
form = {'login': 'web-lt', 'name': typo, 'role': 'leader', 'org': '210800',
        'leader_name': typo, 'password': 'a-good-password'}
r = admin.post('/users', form)
eq('the form refuses a leader no ledger has', r.status, 400)
t = html.unescape(r.text)
check('…naming it', '包联领导“%s”不在任何台账中' % typo in t, t[-2000:])
check('…and suggesting the ledger\'s', '是否为' in t and '“%s”' % leader in t)
check('…and adds nobody', 'web-lt' not in html.unescape(admin.get('/users').text).replace('value="web-lt"', ''))
form.update({'login': 'web-lg', 'leader_name': leader})
r = admin.post('/users', form)
check('the ledger\'s name is accepted', r.status in (302, 303), r.status)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
