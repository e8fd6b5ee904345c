# t32lib.py: what the summaries-and-tracking scripts (t32*.sh) share on
# the Python side: HTTP with cookie jars, signing in, CSRF tokens, API
# tokens, and TAP lines numbered after the shell's ("ok N - what").
#
#   python3 - "$WEB_URL" "$tz_n" … <<'PY'
#   import sys; sys.path.insert(0, os.environ['T32LIB']); from t32lib import *
import http.client
import json
import os
import re
import subprocess
import sys
import urllib.parse

URL = None
HOST = None
PORT = None
n = 0
failed = 0


def setup(url, first):
    """The server's address and the number of the first check."""
    global URL, HOST, PORT, n
    URL = url
    HOST, PORT = url.split('//')[1].split(':')
    n = int(first)


def check(what, cond, detail=''):
    global n, failed
    n += 1
    if cond:
        print('ok %d - %s' % (n, what))
    else:
        failed += 1
        print('not ok %d - %s' % (n, what))
        if detail != '':
            print('#   ' + str(detail)[:600].replace('\n', '\n#   '))
    return cond


def eq(what, actual, expected):
    return check(what, actual == expected, 'expected %r, got %r' % (expected, actual))


def finish():
    print('# %d checks here' % n)
    sys.stdout.flush()
    sys.exit(1 if failed else 0)


class Resp:
    def __init__(self, status, headers, data):
        self.status = status
        self.headers = headers
        self.data = data

    @property
    def text(self):
        return self.data.decode('utf-8', 'replace')

    def json(self):
        return json.loads(self.data)

    def header(self, name):
        return self.headers.get(name.lower())


def request(method, path, jar=None, headers=None, body=None, raw=None, ctype=None):
    h = dict(headers or {})
    if jar is not None and jar:
        h['Cookie'] = '; '.join('%s=%s' % kv for kv in jar.items())
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body).encode()
        h['Content-Type'] = 'application/x-www-form-urlencoded'
    if raw is not None:
        data = raw
        h['Content-Type'] = ctype
    path = urllib.parse.quote(path, safe="/?=&%:+,;@!$'()*~-._")
    c = http.client.HTTPConnection(HOST, int(PORT), timeout=120)
    c.request(method, path, body=data, headers=h)
    r = c.getresponse()
    out = r.read()
    hdrs = {}
    for k, v in r.getheaders():
        if k.lower() == 'set-cookie' and jar is not None:
            name, val = v.split(';')[0].split('=', 1)
            if val:
                jar[name] = val
            else:
                jar.pop(name, None)
        hdrs[k.lower()] = v
    c.close()
    return Resp(r.status, hdrs, out)


def csrf_of(page):
    m = re.search(r'name="_csrf" value="([^"]+)"', page)
    return m.group(1) if m else ''


class User:
    """A signed-in browser: its cookie jar and CSRF token."""

    def __init__(self, login, password='demo-taizhang'):
        self.login = login
        self.jar = {}
        page = request('GET', '/login', self.jar).text
        r = request('POST', '/login', self.jar,
                    body={'_csrf': csrf_of(page), 'login': login, 'password': password})
        assert r.status == 303, (login, r.status)
        self.csrf = csrf_of(request('GET', '/account', self.jar).text)

    def get(self, path, **kw):
        return request('GET', path, self.jar, **kw)

    def post(self, path, fields, csrf=True, **kw):
        body = dict(fields)
        if csrf:
            body['_csrf'] = self.csrf
        return request('POST', path, self.jar, body=body, **kw)


class Token:
    """An API client with a token."""

    def __init__(self, token):
        self.h = {'Authorization': 'Bearer ' + token}

    def get(self, path):
        return request('GET', path, None, self.h)

    def post(self, path, fields):
        return request('POST', path, None, self.h, body=fields)


def tz(*args):
    """Run the taizhang binary; its stdout."""
    r = subprocess.run([os.environ['TZ_BIN']] + list(args), capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError('taizhang %s: %s' % (' '.join(args), r.stderr))
    return r.stdout


def cli_lights(db, period, node=None):
    """The first line's counts of `taizhang period lights`: {red, yellow, green, none}."""
    args = ['--db', db, 'period', 'lights', period] + (['--node', node] if node else [])
    out = tz(*args).splitlines()
    m = re.search(r'红灯 (\d+)\s+黄灯 (\d+)\s+绿灯 (\d+)\s+无灯 (\d+)', out[1])
    return dict(zip(['red', 'yellow', 'green', 'none'], map(int, m.groups())))


def text_of_html(page):
    return re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', page))
