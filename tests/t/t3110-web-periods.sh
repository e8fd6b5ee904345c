#!/bin/bash
# t3110-web-periods.sh: periods and deadlines (调度期, 报送截止) from the
# web application (issue 9, web.md "Periods, deadlines, on-time rate"):
# a coordinator opens a period with the default deadline (the 5th of the
# next month, 17:00 China time) or its own, moves it, closes and reopens
# it, each change audited; `taizhang period list` sees the same; refusals
# (a bad time, a department, a period open already, another county's
# dispatch) change nothing; a county runs its own dispatch, which then
# governs its reporter's form.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "serve starts" web_start "$db" --weak-hashes on
is "the coordinator signs in" "$(web_login coordinator)" 303
is "the county's coordinator signs in" "$(web_login coordinator-gz)" 303
is "the county's reporter signs in" "$(web_login reporter-gz)" 303
K="-b $TZ_TMP/jar-coordinator"
G="-b $TZ_TMP/jar-coordinator-gz"
KC=$(web_csrf coordinator)
GC=$(web_csrf coordinator-gz)
list() { tz --db "$db" period list; cat "$TZ_TMP/out"; }

is "the periods page" "$(status "$WEB_URL/periods" $K)" 200
contains "…lists the open period" "$TZ_TMP/body" '<td data-label="调度期">2025-12</td><td data-label="开启机构">营口市</td><td data-label="状态"><span class="tag done">填报中</span></td><td data-label="报送截止">2026-01-05 17:00</td>'
contains "…offers to open the next one" "$TZ_TMP/body" 'name="period" required value="2026-01"'
contains "…at the city by default" "$TZ_TMP/body" '<option value="210800" selected>营口市（市）</option>'
fails "…never at a department" grep -qF '（部门）</option>' "$TZ_TMP/body"

# Open 2025-10 with the default deadline.
is "open 2025-10" "$(status "$WEB_URL/periods" $K --data-urlencode "_csrf=$KC" -d period=2025-10 -d node=210800 -D "$TZ_TMP/h")" 303
contains "…back to the list" "$TZ_TMP/h" "Location: /periods?done=opened"
ok "the command sees it" tz --db "$db" period list
contains "…with the default deadline, 17:00 on the 5th of the next month" "$TZ_TMP/out" "2025-10  营口市  填报中  报送截止 2025-11-05 17:00"
is "opening it again" "$(status "$WEB_URL/periods" $K --data-urlencode "_csrf=$KC" -d period=2025-10 -d node=210800)" 400
contains "…says it is open" "$TZ_TMP/body" "调度期2025-10已开启"

# Move the deadline; bad ones refused.
is "move the deadline" "$(status "$WEB_URL/periods/210800/2025-10/deadline" $K --data-urlencode "_csrf=$KC" --data-urlencode "deadline=2025-11-07T12:30")" 303
ok "the command sees it" tz --db "$db" period list
contains "…moved" "$TZ_TMP/out" "2025-10  营口市  填报中  报送截止 2025-11-07 12:30"
is "a deadline that is not a time" "$(status "$WEB_URL/periods/210800/2025-10/deadline" $K --data-urlencode "_csrf=$KC" --data-urlencode "deadline=下周五")" 400
contains "…says why" "$TZ_TMP/body" "报送截止“下周五”"
is "a deadline before the period begins" "$(status "$WEB_URL/periods/210800/2025-10/deadline" $K --data-urlencode "_csrf=$KC" --data-urlencode "deadline=2025-09-30")" 400
is "no deadline at all" "$(status "$WEB_URL/periods/210800/2025-10/deadline" $K --data-urlencode "_csrf=$KC")" 400
is "a period never opened" "$(status "$WEB_URL/periods/210800/2024-01/close" $K --data-urlencode "_csrf=$KC")" 400
contains "…says so" "$TZ_TMP/body" "调度期2024-01尚未开启"
is "a department may not dispatch" "$(status "$WEB_URL/periods" $K --data-urlencode "_csrf=$KC" -d period=2025-09 -d node=210800-03)" 400
contains "…says so" "$TZ_TMP/body" "只有市、县（市、区）和开发区可以开启调度期"
ok "nothing of that changed the list" tz --db "$db" period list
contains "…2025-10 as it was" "$TZ_TMP/out" "2025-10  营口市  填报中  报送截止 2025-11-07 12:30"
fails "…no 2025-09, no 2024-01" grep -qE "2025-09|2024-01" "$TZ_TMP/out"

# Close, reopen (the deadline kept).
is "close 2025-10" "$(status "$WEB_URL/periods/210800/2025-10/close" $K --data-urlencode "_csrf=$KC")" 303
ok "the command sees it closed" tz --db "$db" period list
contains "…closed" "$TZ_TMP/out" "2025-10  营口市  已关闭  报送截止 2025-11-07 12:30"
is "closing it twice" "$(status "$WEB_URL/periods/210800/2025-10/close" $K --data-urlencode "_csrf=$KC")" 400
is "the list offers to reopen it" "$(status "$WEB_URL/periods" $K)" 200
contains "…so" "$TZ_TMP/body" '<input type="hidden" name="period" value="2025-10"><input type="hidden" name="node" value="210800"><button type="submit">重新开启</button>'
is "reopen 2025-10" "$(status "$WEB_URL/periods" $K --data-urlencode "_csrf=$KC" -d period=2025-10 -d node=210800)" 303
ok "the command sees it open" tz --db "$db" period list
contains "…with its deadline" "$TZ_TMP/out" "2025-10  营口市  填报中  报送截止 2025-11-07 12:30"

# Every change in the audit log, in its words.
is "the audit log" "$(status "$WEB_URL/audit?action=period." $K)" 200
ok "…has open, deadline, close, reopen, newest first" python3 - "$TZ_TMP/body" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
acts = re.findall(r'<td data-label="操作">([^<]*)</td><td data-label="对象">(.*?)</td>', page)
p = '<a href="/ontime?period=2025-10&amp;node=210800">调度期 2025-10（营口市）</a>'
assert acts == [('重新开启调度期', p), ('关闭调度期', p), ('修改报送截止', p), ('开启调度期', p)], acts
table = page[page.index('<table class="list audit">'):page.index('</table>')]
assert '<li>状态：已关闭</li><li>报送截止：2025-11-07 12:30</li>' in table, table
assert '<li>状态：填报中</li><li>报送截止：2025-11-05 17:00</li>' in table, table
assert '{"' not in table and '{&quot;' not in table and '&quot;:' not in table, table
PY

# A county runs its own dispatch; it governs the county's reporter.
is "the county's coordinator opens 2025-12 for 盖州市" \
	"$(status "$WEB_URL/periods" $G --data-urlencode "_csrf=$GC" -d period=2025-12 -d node=210881 --data-urlencode "deadline=2026-01-09 18:00")" 303
is "…its list shows both" "$(status "$WEB_URL/periods" $G)" 200
contains "…its own, to manage" "$TZ_TMP/body" 'action="/periods/210881/2025-12/close"'
contains "…the city's, read only" "$TZ_TMP/body" '由上级开启'
fails "…no form for the city's" grep -qF 'action="/periods/210800/' "$TZ_TMP/body"
is "the county's reporter's form" "$(status "$WEB_URL/report?period=2025-12" -b "$TZ_TMP/jar-reporter-gz")" 200
contains "…has the county's deadline" "$TZ_TMP/body" "<b>报送截止</b> 2026-01-09 18:00"
is "the county's coordinator may not close the city's period" \
	"$(status "$WEB_URL/periods/210800/2025-12/close" $G --data-urlencode "_csrf=$GC")" 404
is "…nor open one at the city" "$(status "$WEB_URL/periods" $G --data-urlencode "_csrf=$GC" -d period=2025-08 -d node=210800)" 404
is "…nor at another county" "$(status "$WEB_URL/periods" $G --data-urlencode "_csrf=$GC" -d period=2025-08 -d node=210804)" 404
ok "the city's 2025-12 is still open" tz --db "$db" period list
contains "…so" "$TZ_TMP/out" "2025-12  营口市  填报中  报送截止 2026-01-05 17:00"
fails "…and there is no 2025-08" grep -qF "2025-08" "$TZ_TMP/out"
is "without the CSRF token" "$(status "$WEB_URL/periods/210800/2025-10/close" $K -d x=1)" 403
ok "…still open" tz --db "$db" period list
contains "…so" "$TZ_TMP/out" "2025-10  营口市  填报中"

# The API lists what the caller sees.
tz --db "$db" token add reporter-gz >"$TZ_TMP/token" 2>/dev/null
is "the periods API" "$(status "$WEB_URL/api/v1/periods" -H "Authorization: Bearer $(head -1 "$TZ_TMP/token")")" 200
ok "…the county's reporter works on its county's 2025-12" python3 - "$TZ_TMP/body" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['current']['period'] == '2025-12' and b['current']['node']['code'] == '210881', b['current']
assert b['current']['deadline'] == '2026-01-09T18:00:00+08:00', b['current']
nodes = set((p['period'], p['node']['code'], p['manage']) for p in b['periods'])
assert ('2025-12', '210800', False) in nodes and ('2025-12', '210881', False) in nodes, nodes
PY

ok "a clean stop" web_stop
done_testing
