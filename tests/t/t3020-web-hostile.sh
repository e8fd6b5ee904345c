#!/bin/bash
# t3020-web-hostile.sh: hostile input against the running server: SQL
# metacharacters and HTML/script in every text field come back escaped
# (pages) or exact (JSON); a 100 MB body is refused without being read; a
# slow client is timed out; malformed requests are refused; the server
# survives all of it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 200

# A project whose every free-text field is hostile, and reports to match.
H='<script>alert("x")</script>'"' OR 1=1;--"
python3 - "$TZ_TMP" "$H" <<'PY'
import csv, sys
d, h = sys.argv[1], sys.argv[2]
with open(d + '/evil.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['年度', '项目编号', '项目名称', '所属地区', '项目类别', '项目级别', '建设性质', '建设单位',
                '包联领导', '责任单位', '建设起止年限', '总投资(万元)', '年度计划投资(万元)', '计划开工时间', '建设阶段'])
    w.writerow(['2025', 'EVIL-1', h + '名称', '鲅鱼圈区', h + '类别', h + '级别', h + '性质', h + '单位',
                '"><img src=x onerror=alert(1)>', '市交通运输局', h + '年限', '100', '50', '2025-01', h + '阶段'])
with open(d + '/evil-progress.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题'])
    w.writerow(['EVIL-1', '2025-12', '10', '已开工', h + '进度', h + '问题'])
PY
ok "import the hostile project" tz --db "$db" import projects "$TZ_TMP/evil.csv"
ok "…and its report" tz --db "$db" import progress "$TZ_TMP/evil-progress.csv"

ok "serve starts, with a short timeout" web_start "$db" --timeout 2 --weak-hashes on
is "the admin signs in" "$(web_login admin)" 303
A="-b $TZ_TMP/jar-admin"

# Pages: every field escaped, nothing executable.
is "the hostile project's page" "$(status "$WEB_URL/projects/EVIL-1" $A)" 200
ok "no script or markup from the data" python3 - "$TZ_TMP/body" <<'PY'
import sys
page = open(sys.argv[1], encoding='utf-8').read()
assert '<script>alert' not in page, 'script'
assert '<img src=x' not in page, 'img'
for field in ['名称', '类别', '级别', '性质', '单位', '年限', '阶段', '进度', '问题']:
    want = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--' + field
    assert want in page, field
assert '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;' in page
PY
is "the list with the hostile project" "$(status "$WEB_URL/projects?q=EVIL" $A)" 200
contains "…escaped in the list" "$TZ_TMP/body" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--名称"
is "a hostile search is only text" "$(status "$WEB_URL/projects" $A -G --data-urlencode "q=$H" --data-urlencode "leader=\"><svg onload=alert(1)>")" 200
contains "…shown back escaped" "$TZ_TMP/body" 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--"'
contains "…as the leader filter too" "$TZ_TMP/body" 'value="&quot;&gt;&lt;svg onload=alert(1)&gt;"'
contains "…and finds nothing" "$TZ_TMP/body" "没有符合条件的项目"
is "a filter naming a category of SQL" "$(status "$WEB_URL/projects" $A -G --data-urlencode "category=' OR '1'='1")" 200
contains "…matches nothing" "$TZ_TMP/body" "共 <b>0</b> 个项目"
is "the API gives the exact text" "$(status "$WEB_URL/api/v1/projects/EVIL-1" $A)" 200
ok "…as JSON strings" python3 - "$TZ_TMP/body" "$H" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); h = sys.argv[2]
assert p['name'] == h + '名称' and p['leader'] == '"><img src=x onerror=alert(1)>'
assert p['reports'][0]['problem'] == h + '问题'
PY
is "the API answers JSON, not HTML" "$(status "$WEB_URL/api/v1/projects/EVIL-1" $A -D "$TZ_TMP/h")" 200
contains "…as application/json" "$TZ_TMP/h" "Content-Type: application/json"

# A sign-in with a hostile login: echoed escaped, recorded escaped.
jar="$TZ_TMP/jar-evil"
csrf=$(curl -s -c "$jar" "$WEB_URL/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
is "a hostile login" "$(status "$WEB_URL/login" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "login=$H" -d password=x)" 401
ok "…comes back escaped" grep -qF 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--"' "$TZ_TMP/body"
fails "…never as markup" grep -qF '<script>alert' "$TZ_TMP/body"
is "a long hostile login" "$(status "$WEB_URL/login" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "login=<b>x</b>'--" -d password=xxxxxxxx)" 401
is "the audit log shows it" "$(status "$WEB_URL/audit?action=login.failed" $A)" 200
contains "…escaped" "$TZ_TMP/body" "<td data-label=\"对象\">用户 &lt;b&gt;x&lt;/b&gt;&#39;--</td>"
fails "…never as markup" grep -qF '<b>x</b>' "$TZ_TMP/body"
is "an audit filter of SQL" "$(status "$WEB_URL/audit" $A -G --data-urlencode "object=%' OR 1=1 --")" 200
contains "…finds nothing" "$TZ_TMP/body" "没有符合条件的记录"

# Users with hostile names, through the admin's form.
C=$(web_csrf admin)
is "a user named with markup" "$(status "$WEB_URL/users" $A --data-urlencode "_csrf=$C" -d login=evil --data-urlencode "name=$H" -d role=reporter -d org=210804 -d password=evil-password)" 303
is "the users page" "$(status "$WEB_URL/users" $A)" 200
contains "…shows the name escaped" "$TZ_TMP/body" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
fails "…never as markup" grep -qF '<script>alert' "$TZ_TMP/body"
is "a login of SQL is refused" "$(status "$WEB_URL/users" $A --data-urlencode "_csrf=$C" --data-urlencode "login=x' OR '1'='1" -d name=x -d role=reporter -d org=210804 -d password=evil-password)" 400
contains "…with the reason" "$TZ_TMP/body" "登录名"

# Malformed requests.
is "a bad escape in the query" "$(status "$WEB_URL/projects?q=%ZZ" $A)" 400
is "a path that is not UTF-8" "$(status "$WEB_URL/projects/%FF%FE" $A)" 400
is "a NUL in the path" "$(status "$WEB_URL/projects/a%00b" $A)" 400
is "dot segments" "$(status "$WEB_URL/static/..%2F..%2Fetc%2Fpasswd" $A)" 400
is "a page number of letters" "$(status "$WEB_URL/projects?page=abc" $A)" 400
is "an unknown project" "$(status "$WEB_URL/projects/%3Cscript%3E" $A)" 404
fails "…not echoed" grep -qF '<script>' "$TZ_TMP/body"
is "a body that is not UTF-8" "$(status "$WEB_URL/users" $A --data-binary $'_csrf=x&name=\xff\xfe' -H 'Content-Type: application/x-www-form-urlencoded')" 400
is "too many fields" "$(status "$WEB_URL/users" $A --data-binary "$(python3 -c "print('&'.join('f%d=1' % i for i in range(1200)))")")" 413
ok "headers far too large are refused" python3 - "$WEB_URL" <<'PY'
import socket, sys
host, port = sys.argv[1].split('//')[1].split(':')
s = socket.create_connection((host, int(port)), timeout=10)
s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 200000 + b'\r\n\r\n')
reply = s.recv(4096)
assert reply.startswith(b'HTTP/1.1 431') or reply.startswith(b'HTTP/1.1 413') or reply == b'', reply[:80]
PY

# A 100 MB body is refused at once, before it is read.
ok "a 100 MB body is refused without being read" python3 - "$WEB_URL" "$TZ_TMP/jar-admin" <<'PY'
import socket, sys, time
host, port = sys.argv[1].split('//')[1].split(':')
s = socket.create_connection((host, int(port)), timeout=10)
t0 = time.time()
s.sendall(b'POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n'
          b'Content-Length: 104857600\r\n\r\n' + b'a' * 65536)
reply = s.recv(4096)
assert reply.startswith(b'HTTP/1.1 413'), reply[:80]
assert time.time() - t0 < 5
PY
head -c 104857600 /dev/zero >"$TZ_TMP/100m"
code=$(curl -s -o "$TZ_TMP/body" -w '%{http_code}' $A -H "X-CSRF-Token: $C" --data-binary @"$TZ_TMP/100m" "$WEB_URL/users")
is "curl sending 100 MB gets 413" "$code" 413
contains "…in Chinese" "$TZ_TMP/body" "请求内容过大"
curl -s -o /dev/null $A -H "Transfer-Encoding: chunked" --data-binary @"$TZ_TMP/100m" "$WEB_URL/users" 2>/dev/null
rc=$?
is "a chunked 100 MB body is cut off" "$([ $rc != 0 ] && echo refused || echo accepted)" refused
rm -f "$TZ_TMP/100m"
is "the server is still there" "$(status "$WEB_URL/healthz")" 200

# A slow client is timed out.
ok "a client slower than the timeout is cut off" python3 - "$WEB_URL" <<'PY'
import socket, sys, time
host, port = sys.argv[1].split('//')[1].split(':')
s = socket.create_connection((host, int(port)), timeout=20)
s.sendall(b'GET /healthz HTTP/1.1\r\n')
t0 = time.time()
closed = False
try:
    for c in b'Host: slow.example\r\n':
        time.sleep(3)                   # each byte later than the 2 s timeout
        s.sendall(bytes([c]))
        s.settimeout(0.2)
        try:
            if s.recv(1) == b'':
                closed = True
                break
        except socket.timeout:
            pass
except (BrokenPipeError, ConnectionResetError):
    closed = True
assert closed, 'still connected'
assert time.time() - t0 < 12
PY
ok "the access log says so" grep -q "end=timeout" "$TZ_TMP/web.access"
is "the server is still there" "$(status "$WEB_URL/healthz")" 200
ok "a clean stop" web_stop
fails "no sanitizer report" grep -q "Sanitizer" "$TZ_TMP/web.err"
done_testing
