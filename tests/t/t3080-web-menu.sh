#!/bin/bash
# t3080-web-menu.sh: the navigation offers a user exactly the pages it may
# use: every page the menu shows answers 200 for that user, and every
# page of the navigation that answers 200 is shown (导入 to every
# coordinator, a county's too: it imports its own county's rows, t3121).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "serve starts" web_start "$db" --weak-hashes on

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" <<'PY'
import os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first = sys.argv[1:3]
setup(url, first)
# Every page any role's navigation shows, from the admin's and others'.
pages = {}
users = ['admin', 'coordinator', 'coordinator-gz', 'reporter-byq', 'reporter-gz', 'reporter-jt',
         'leader']
menus = {}
for login in users:
    u = User(login)
    h = u.get('/').text
    nav = re.search(r'<nav class="nav"[^>]*>(.*?)</nav>', h, re.S)
    check('%s: a navigation' % login, nav is not None)
    menus[login] = (u, dict((a, b) for a, b in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>',
                                                            nav.group(1) if nav else '')))
    pages.update(menus[login][1])
for login in users:
    u, menu = menus[login]
    for path, label in sorted(pages.items()):
        st = u.get(path).status
        if path in menu:
            check('%s: %s (%s) is offered and answers 200' % (login, label, path), st == 200, st)
        else:
            check('%s: %s (%s) is not offered, and is refused' % (login, label, path), st != 200, st)
eq('the county\'s coordinator is offered 导入', '/import' in menus['coordinator-gz'][1], True)
eq('the city\'s coordinator is', '/import' in menus['coordinator'][1], True)
eq('…and the admin', '/import' in menus['admin'][1], True)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
