#!/bin/bash
# form.sh: the monthly reporting form (调度填报) of issue 9, "a monthly form
# for 200 projects saved in under 100 ms": `taizhang serve` on a demo
# city of N projects (default 10,000: the district reporter has ~900),
# signed in as reporter-byq, POSTs page 1 of its form — 200 projects,
# every one changed, so each save writes 200 reports, their arrivals,
# their history rows and running totals and an audit row — R times.
#
#   bench/form.sh [--projects N] [--runs R]
#
# Prints, per run, the request's time seen by the client (keep-alive,
# one connection) and by the server (access log ms=), then min, median
# and max; and the same for GET of the 200-project page for scale; then
# the server's CPU time per request (from /proc, steadier than the times
# on a shared machine) and the load average.
# Nothing here asserts a time; bench/README.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
projects=10000
runs=15
while [ $# -gt 0 ]; do
	case $1 in
	--projects) projects=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	*) echo "usage: $0 [--projects N] [--runs R]" >&2; exit 2 ;;
	esac
done

bin=$top/build/taizhang
[ -x "$bin" ] || make -s all
out=$top/bench/out/form
rm -rf "$out"
mkdir -p "$out"
db=$out/demo.db

echo "Form benchmark: $projects projects, $runs saves of a 200-project page, $(nproc) CPUs"
"$bin" --db "$db" demo --projects "$projects" >"$out/demo.txt"
"$bin" --db "$db" serve --listen 127.0.0.1:0 --access-log "$out/access.log" --weak-hashes on \
	>"$out/serve.out" 2>"$out/serve.err" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait 2>/dev/null || true' EXIT
url=
for _ in $(seq 1 200); do
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out/serve.out" | head -1 || true)
	[ -n "$url" ] && break
	sleep 0.05
done
[ -n "$url" ] || { cat "$out/serve.err"; exit 1; }

python3 - "$url" "$runs" "$out/access.log" "$server" <<'PY'
import http.client, os, re, statistics, sys, time, urllib.parse

url, runs, access, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
host, port = url.split('//')[1].split(':')
conn = http.client.HTTPConnection(host, int(port), timeout=120)
cookies = {}

def request(method, path, body=None, ctype=None):
    h = {'Cookie': '; '.join('%s=%s' % kv for kv in cookies.items())} if cookies else {}
    if ctype:
        h['Content-Type'] = ctype
    t0 = time.perf_counter()
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    ms = (time.perf_counter() - t0) * 1000
    for k, v in r.getheaders():
        if k.lower() == 'set-cookie':
            name, val = v.split(';')[0].split('=', 1)
            cookies[name] = val
    return r.status, data, ms

def form(fields):
    return urllib.parse.urlencode(fields).encode(), 'application/x-www-form-urlencoded'

def cpu_ms():
    # The server's user + system CPU time so far: on a shared machine
    # it moves much less with the load than the time a request takes.
    f = open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / os.sysconf('SC_CLK_TCK')

def server_ms(method, n):
    time.sleep(0.3)  # the access log's line is written when a request completes
    lines = [l for l in open(access).read().splitlines()
             if ' method=%s path="/report"' % method in l][-n:]
    return [float(re.search(r' ms=([0-9.]+)', l).group(1)) for l in lines]

st, page, _ = request('GET', '/login')
csrf = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
st, _, _ = request('POST', '/login', *form({'_csrf': csrf, 'login': 'reporter-byq', 'password': 'demo-taizhang'}))
assert st == 303, st
st, page, get_ms = request('GET', '/report')
assert st == 200, st
csrf = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
period = re.search(rb'name="period" value="([^"]+)"', page).group(1).decode()
codes = re.findall(rb'name="c\.([^"]+)"', page)
codes = [c.decode() for c in codes]
print('reporter-byq: page 1 of its form holds %d projects (period %s)' % (len(codes), period))
assert len(codes) == 200, len(codes)

client, gets = [], []
cpu0 = cpu_ms()
for run in range(runs):
    fields = {'_csrf': csrf, 'period': period, 'page': '1'}
    for i, c in enumerate(codes):
        fields['c.' + c] = '%d.%02d' % (100 + run, i % 100)      # every amount changes every run
        fields['s.' + c] = '已开工'
        fields['t.' + c] = '主体施工，完成第%d层' % (run + 1)
        fields['q.' + c] = '' if i % 3 else '用地指标尚未落实'
    st, data, ms = request('POST', '/report', *form(fields))
    assert st == 303, (st, data[:300])
    client.append(ms)
    time.sleep(0.05)
cpu_post = (cpu_ms() - cpu0) / runs
srv = server_ms('POST', runs)
cpu0 = cpu_ms()
for k in range(runs):
    st, _, ms = request('GET', '/report')
    gets.append(ms)
cpu_get = (cpu_ms() - cpu0) / runs
srv_get = server_ms('GET', runs)

def line(name, xs):
    print('%-46s min %7.1f   median %7.1f   max %7.1f ms' % (name, min(xs), statistics.median(xs), max(xs)))
print()
line('POST /report, 200 projects (client)', client)
line('POST /report, 200 projects (server ms=)', srv)
line('GET /report, 200 projects (client)', gets)
line('GET /report, 200 projects (server ms=)', srv_get)
print('server CPU time per request (user + system)  POST %7.1f   GET %7.1f ms' % (cpu_post, cpu_get))
print('load average at the end: %s' % ' '.join(open('/proc/loadavg').read().split()[:3]))
PY
"$bin" --db "$db" period rate 2025-12 --node 鲅鱼圈区 | sed -n 2p
