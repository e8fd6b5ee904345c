#!/bin/bash
# t3000-web-basic.sh: the web server as a browser and a script use it:
# start and stop, signing in and out, CSRF, forged cookies, throttling,
# keep-alive, the API with and without tokens, and the bulletin API equal
# to `taizhang bulletin --format json`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 300
contains "the demo lists its accounts" "$TZ_TMP/out" "reporter-byq"
ok "the route table prints" tz --db "$db" serve --routes
contains "routes: the project page" "$TZ_TMP/out" "/projects/{code}"
fails "serve refuses a bad address" tz --db "$db" serve --listen "no:such:port"
contains "in Chinese" "$TZ_TMP/err" "监听地址"
fails "serve refuses a missing database" tz --db "$TZ_TMP/none.db" serve --listen 127.0.0.1:0
ok "serve shows its settings" env TZ_TIMEOUT=7 "$TZ_BIN" --db "$db" serve --show-config --threads 3
contains "settings from the environment" "$TZ_TMP/out" "timeout              7"
contains "settings from options" "$TZ_TMP/out" "threads              3"

ok "serve starts" web_start "$db" --trust-proxy on
contains "serve prints its address" "$TZ_TMP/web.out" "$WEB_URL/"
is "health check" "$(status "$WEB_URL/healthz")" 200
is "a static file" "$(status "$WEB_URL/static/taizhang.css")" 200
is "ECharts is served from the build, not a CDN" "$(status "$WEB_URL/static/echarts.min.js")" 200
is "no such static file" "$(status "$WEB_URL/static/nope.js")" 404
is "no such page" "$(status "$WEB_URL/nowhere")" 404
is "HEAD is answered" "$(status "$WEB_URL/healthz" -I)" 200
is "a known path with another method" "$(status "$WEB_URL/projects" -X DELETE)" 405

# Signed out.
is "a page sends to the login form" "$(status "$WEB_URL/projects?year=2025" -D "$TZ_TMP/h")" 303
contains "…keeping where it was going" "$TZ_TMP/h" "Location: /login?next=%2Fprojects%3Fyear%3D2025"
is "a form posted signed out (a session that ended) goes to the login form" \
	"$(status "$WEB_URL/report" -X POST -d 'c.X=1' -D "$TZ_TMP/h")" 303
contains "…back to the form's page, saying the session ended" "$TZ_TMP/h" \
	"Location: /login?expired=1&next=%2Freport"
is "…the login page says so" "$(status "$WEB_URL/login?expired=1&next=%2Freport")" 200
contains "…in words" "$TZ_TMP/body" "登录已过期，刚才提交的内容没有保存"
is "the API answers 401 without credentials" "$(status "$WEB_URL/api/v1/projects" -D "$TZ_TMP/h")" 401
contains "…with a JSON error" "$TZ_TMP/body" '"status":401'
contains "…and says how to authenticate" "$TZ_TMP/h" "WWW-Authenticate: Bearer"
is "the login page" "$(status "$WEB_URL/login" -D "$TZ_TMP/h")" 200
contains "the login page is in Chinese" "$TZ_TMP/body" "登录名"
contains "the demo banner shows" "$TZ_TMP/body" "演示数据库"
contains "pages forbid inline scripts" "$TZ_TMP/h" "script-src 'self'"
contains "pages cannot be framed" "$TZ_TMP/h" "X-Frame-Options: DENY"

# Signing in: CSRF first.
jar="$TZ_TMP/jar-x"
curl -s -c "$jar" "$WEB_URL/login" >/dev/null
is "sign-in without a CSRF token is refused" \
	"$(status "$WEB_URL/login" -b "$jar" --data-urlencode login=reporter-byq --data-urlencode password=demo-taizhang)" 403
is "sign-in with a wrong CSRF token is refused" \
	"$(status "$WEB_URL/login" -b "$jar" -d "_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" -d login=reporter-byq -d password=demo-taizhang)" 403
is "a wrong password" "$(web_login reporter-byq wrong-password)" 401
is "an unknown login, the same answer" "$(web_login nobody demo-taizhang)" 401
is "the right password" "$(web_login reporter-byq)" 303
grep -i 'tz_session' "$TZ_TMP/jar-reporter-byq" >"$TZ_TMP/c" || true
contains "a session cookie" "$TZ_TMP/c" "tz_session"
curl -s -D "$TZ_TMP/h" -o /dev/null -c "$TZ_TMP/j2" -b "$TZ_TMP/j2" "$WEB_URL/login"
csrf=$(curl -s -c "$TZ_TMP/j2" -b "$TZ_TMP/j2" "$WEB_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -D "$TZ_TMP/h" -b "$TZ_TMP/j2" --data-urlencode "_csrf=$csrf" -d login=reporter-gz -d password=demo-taizhang "$WEB_URL/login"
contains "the cookie is HttpOnly and SameSite=Strict" "$TZ_TMP/h" "HttpOnly; SameSite=Strict"
if grep -q "Secure" "$TZ_TMP/h"; then is "no Secure flag over plain HTTP" yes no; else is "no Secure flag over plain HTTP" no no; fi
curl -s -o /dev/null -D "$TZ_TMP/h" -b "$TZ_TMP/j2" -H "X-Forwarded-Proto: https" --data-urlencode "_csrf=$csrf" -d login=reporter-gz -d password=demo-taizhang "$WEB_URL/login"
contains "Secure behind a TLS proxy" "$TZ_TMP/h" "SameSite=Strict; Secure"

# A form sent as multipart/form-data signs in as well; where to go next
# is only ever a path of this site.
jar="$TZ_TMP/jar-multi"
csrf=$(curl -s -c "$jar" "$WEB_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
is "a multipart sign-in" "$(status "$WEB_URL/login" -b "$jar" -F "_csrf=$csrf" -F login=reporter-gz -F password=demo-taizhang -F "next=/projects?year=2025" -D "$TZ_TMP/h")" 303
contains "…goes where it was going" "$TZ_TMP/h" "Location: /projects?year=2025"
csrf=$(curl -s -c "$jar" "$WEB_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
is "a sign-in told to go elsewhere" "$(status "$WEB_URL/login" -b "$jar" -d "_csrf=$csrf" -d login=reporter-gz -d password=demo-taizhang --data-urlencode "next=//evil.example/x" -D "$TZ_TMP/h")" 303
contains "…stays here" "$TZ_TMP/h" "Location: /"$'\r'
echo "file" >"$TZ_TMP/f.txt"
is "a file sent where no page takes one" "$(status "$WEB_URL/login" -b "$jar" -F "_csrf=$csrf" -F login=x -F password=y -F "up=@$TZ_TMP/f.txt")" 400

J="-b $TZ_TMP/jar-reporter-byq"
is "signed in, the project list" "$(status "$WEB_URL/projects" $J)" 200
contains "the list counts" "$TZ_TMP/body" "个项目"
contains "the user is named" "$TZ_TMP/body" "鲅鱼圈区填报员"
is "signed in, no such page" "$(status "$WEB_URL/nowhere" $J)" 404
contains "…still under the user's own header" "$TZ_TMP/body" "鲅鱼圈区填报员"
is "the API with the session" "$(status "$WEB_URL/api/v1/me" $J)" 200
contains "…is the user" "$TZ_TMP/body" '"login":"reporter-byq"'
is "the start page is the dashboard" "$(status "$WEB_URL/" $J)" 200
contains "…" "$TZ_TMP/body" "<h1>工作台"
is "a reporter may not read the audit log" "$(status "$WEB_URL/audit" $J)" 403
is "nor manage users" "$(status "$WEB_URL/users" $J)" 403

# Keep-alive: two requests on one connection.
curl -sv $J -o /dev/null -o /dev/null "$WEB_URL/projects" "$WEB_URL/api/v1/me" 2>"$TZ_TMP/v"
contains "the connection is kept alive" "$TZ_TMP/v" "Re-using existing connection"
curl -sv -o /dev/null -o /dev/null "$WEB_URL/projects" "$WEB_URL/healthz" 2>"$TZ_TMP/v"
contains "also after a redirect to sign in" "$TZ_TMP/v" "Re-using existing connection"

# Forged and stolen-looking cookies.
is "a forged session cookie" \
	"$(status "$WEB_URL/projects" -b "tz_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")" 303
is "a cookie of SQL" "$(status "$WEB_URL/projects" -b "tz_session=' OR '1'='1")" 303
is "a forged cookie on the API" \
	"$(status "$WEB_URL/api/v1/me" -b "tz_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")" 401

# Signing out needs the CSRF token too; then the cookie is worthless.
cp "$TZ_TMP/jar-reporter-byq" "$TZ_TMP/stolen"
is "sign-out without CSRF is refused" "$(status "$WEB_URL/logout" $J -X POST)" 403
is "sign-out from another site is refused" \
	"$(status "$WEB_URL/logout" $J -H "Origin: http://evil.example" -d "_csrf=$(web_csrf reporter-byq)")" 403
is "sign-out with the token" "$(status "$WEB_URL/logout" $J -d "_csrf=$(web_csrf reporter-byq)")" 303
is "the old cookie no longer works" "$(status "$WEB_URL/projects" -b "$TZ_TMP/stolen")" 303

# Throttling: after a few failures even the right password waits.
for i in 1 2 3 4 5; do web_login reporter-jt wrong-password >/dev/null; done
is "the right password is refused while throttled" "$(web_login reporter-jt)" 429
is "another login from here is not" "$(web_login reporter-gz)" 303

# API tokens.
ok "a token for the coordinator" tz --db "$db" token add coordinator --name 测试
token=$(head -1 "$TZ_TMP/out")
ok "a token for a reporter" tz --db "$db" token add reporter-gz
rtoken=$(head -1 "$TZ_TMP/out")
is "the API with a token" "$(status "$WEB_URL/api/v1/me" -H "Authorization: Bearer $token")" 200
contains "…as its user" "$TZ_TMP/body" '"login":"coordinator"'
is "a bad token" "$(status "$WEB_URL/api/v1/me" -H "Authorization: Bearer tzk_nope")" 401
is "a token is not a session for pages" "$(status "$WEB_URL/projects" -H "Authorization: Bearer $token")" 303
is "the project list API" "$(status "$WEB_URL/api/v1/projects?per_page=5&sort=total&order=desc" -H "Authorization: Bearer $token")" 200
ok "…is JSON with a total" python3 -c "
import json,sys; d=json.load(open('$TZ_TMP/body')); assert d['total']==300 and len(d['projects'])==5
t=[float(p['total_investment']) for p in d['projects']]; assert t==sorted(t,reverse=True)"
is "a bad filter is a 400" "$(status "$WEB_URL/api/v1/projects?sort=nope" -H "Authorization: Bearer $token")" 400

# The bulletin API is the CLI's bulletin.
for by in region category; do
	tz --db "$db" bulletin --period 2025-12 --by $by --format json --out "$TZ_TMP/cli-$by.json"
	is "bulletin by $by" "$(status "$WEB_URL/api/v1/bulletin?period=2025-12&by=$by" -H "Authorization: Bearer $token")" 200
	ok "…equals taizhang bulletin --format json" cmp "$TZ_TMP/body" "$TZ_TMP/cli-$by.json"
	is "…again, from memory" "$(status "$WEB_URL/api/v1/bulletin?period=2025-12&by=$by" -H "Authorization: Bearer $token")" 200
	ok "…still equal" cmp "$TZ_TMP/body" "$TZ_TMP/cli-$by.json"
done
is "a reporter's bulletin" "$(status "$WEB_URL/api/v1/bulletin?period=2025-12" -H "Authorization: Bearer $rtoken")" 200
ok "…is its own region's bulletin, listing only its projects" python3 -c "
import json; a=json.load(open('$TZ_TMP/body')); c=json.load(open('$TZ_TMP/cli-region.json'))
assert [g['key'] for g in a['groups']]==['盖州市'] and a['totals']['projects']<c['totals']['projects']
assert a['lagging'] and all(x['region']=='盖州市' for x in a['lagging']+a['not_reported'])
assert len(a['lagging']) < len(c['lagging'])"
is "a period nobody reported" "$(status "$WEB_URL/api/v1/bulletin?period=2021-01" -H "Authorization: Bearer $token")" 404
is "a malformed period" "$(status "$WEB_URL/api/v1/bulletin?period=2025-13" -H "Authorization: Bearer $token")" 400
ok "revoke the token" tz --db "$db" token revoke 1
is "a revoked token" "$(status "$WEB_URL/api/v1/me" -H "Authorization: Bearer $token")" 401

# A disabled user's session ends at once.
is "the coordinator signs in" "$(web_login coordinator)" 303
is "…reads the audit log" "$(status "$WEB_URL/audit?action=login" -b "$TZ_TMP/jar-coordinator")" 200
contains "…which has the sign-ins" "$TZ_TMP/body" "reporter-byq"
contains "…and the refused ones" "$TZ_TMP/body" "登录失败"
ok "disable the coordinator" tz --db "$db" user disable coordinator
is "its session no longer works" "$(status "$WEB_URL/projects" -b "$TZ_TMP/jar-coordinator")" 303
is "nor can it sign in" "$(web_login coordinator)" 401

# The access log: one line per request, apart.
contains "an access log" "$TZ_TMP/web.access" 'method=GET path="/projects" status=200'
contains "…naming the user" "$TZ_TMP/web.access" "user=reporter-byq"
css_bytes=$(wc -c <"$TZ_TOP/src/web/static/taizhang.css")
contains "…and the bytes of a static file" "$TZ_TMP/web.access" "path=\"/static/taizhang.css\" status=200 bytes=$((css_bytes))"

# A clean stop finishes the request in flight.
python3 - "$WEB_URL" "$TZ_TMP/started" >"$TZ_TMP/inflight" 2>&1 <<'PY' &
import socket, sys, time
host, port = sys.argv[1].split('//')[1].split(':')
s = socket.create_connection((host, int(port)))
body = b'login=x&password=' + b'y' * 3000
s.sendall(b'POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n'
          b'Content-Length: %d\r\n\r\n' % len(body))
open(sys.argv[2], 'w').close()       # the request has begun: stop the server now
for i in range(0, len(body), 500):   # slowly, so that the stop comes mid-request
    s.sendall(body[i:i + 500]); time.sleep(0.3)
data = b''
while True:
    chunk = s.recv(65536)
    if not chunk: break
    data += chunk
    if b'</html>' in data: break
print(data.split(b'\r\n')[0].decode())
PY
client=$!
for i in $(seq 1 200); do [ -e "$TZ_TMP/started" ] && break; sleep 0.05; done
sleep 0.2
ok "SIGTERM stops the server cleanly" web_stop
wait $client
contains "the request in flight got its answer" "$TZ_TMP/inflight" "HTTP/1.1 403"
done_testing
