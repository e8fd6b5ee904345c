#!/bin/bash
# web.sh: the web benchmark of issue 9: `taizhang serve` on the
# 100,000-project demo under wrk, side by side with nginx serving a saved
# static copy of one of its pages, in the same run on the same machine.
#
#   bench/web.sh [--projects N] [--duration S] [--connections C] [--long S]
#
# Prints, for each target, requests/s and latency percentiles (wrk
# --latency), the dashboard's rate as a share of nginx serving a saved
# copy of the same page, then a long run at 256 connections on the
# dashboard with the server's memory sampled every few seconds. Targets are listed in
# `targets` below: a page is one line (name, who, path). Nothing here
# asserts a figure; bench/README.md records them.
#
# wrk and nginx-light are installed with apt-get when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
projects=100000
duration=10
connections=64
long=60
while [ $# -gt 0 ]; do
	case $1 in
	--projects) projects=$2; shift 2 ;;
	--duration) duration=$2; shift 2 ;;
	--connections) connections=$2; shift 2 ;;
	--long) long=$2; shift 2 ;;
	*) echo "usage: $0 [--projects N] [--duration S] [--connections C] [--long S]" >&2; exit 2 ;;
	esac
done

need=""
command -v wrk >/dev/null || need="$need wrk"
[ -x /usr/sbin/nginx ] || need="$need nginx-light"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
	else
		echo "web.sh: missing$need (sudo apt-get install$need)" >&2
		exit 1
	fi
fi

bin=$top/build/taizhang
[ -x "$bin" ] || make -s all
out=$top/bench/out/web
rm -rf "$out"
mkdir -p "$out/nginx/html/static"
db=$out/demo.db
threads=$(nproc)

echo "Web benchmark: $projects projects, wrk $duration s at $connections connections, $threads CPUs"
t0=$(date +%s.%N)
"$bin" --db "$db" demo --projects "$projects" >"$out/demo.txt"
printf 'demo database made in %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"

"$bin" --db "$db" serve --listen 127.0.0.1:0 --access-log off --threads "$threads" \
	>"$out/serve.out" 2>"$out/serve.err" &
server=$!
nginx_pid=
cleanup() {
	kill -TERM $server 2>/dev/null || true
	[ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT
for i in $(seq 1 200); do
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out/serve.out" | head -1 || true)
	[ -n "$url" ] && break
	sleep 0.05
done
[ -n "$url" ] || { cat "$out/serve.err"; exit 1; }

# Sessions for the people the pages are benchmarked as, and an API token.
login() {
	local jar="$out/jar-$1" csrf
	csrf=$(curl -s -c "$jar" "$url/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
		--data-urlencode "login=$1" --data-urlencode "password=demo-taizhang" "$url/login"
	sed -n 's/.*\ttz_session\t\(.*\)$/tz_session=\1/p' "$jar"
}
declare -A cookie
for who in coordinator reporter-byq leader; do
	cookie[$who]=$(login $who)
done
token=$("$bin" --db "$db" token add coordinator --name bench 2>/dev/null)
period=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['period'])" \
	<(curl -s -H "Authorization: Bearer $token" "$url/api/v1/bulletin"))

# The static copies nginx serves: the project list page and the dashboard
# as the coordinator sees them, with the stylesheet and scripts.
curl -s -H "Cookie: ${cookie[coordinator]}" "$url/projects" >"$out/nginx/html/projects.html"
curl -s -H "Cookie: ${cookie[coordinator]}" "$url/" >"$out/nginx/html/dashboard.html"
cp "$top/build/static/"* "$out/nginx/html/static/"
nport=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat >"$out/nginx/nginx.conf" <<EOF
worker_processes $threads;
daemon off;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log;
events { worker_connections 4096; }
http {
	access_log off;
	include /etc/nginx/mime.types;
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$nport;
		root $out/nginx/html;
		location / { try_files \$uri =404; }
	}
}
EOF
/usr/sbin/nginx -c "$out/nginx/nginx.conf" -p "$out/nginx" &
nginx_pid=$!
sleep 0.5

# name | cookie or token | URL
targets=(
	"nginx: static copy of / (dashboard)||http://127.0.0.1:$nport/dashboard.html"
	"/ dashboard (coordinator, 100,000 projects)|cookie:coordinator|$url/"
	"/ dashboard (reporter, one district)|cookie:reporter-byq|$url/"
	"/ dashboard (leader, across regions)|cookie:leader|$url/"
	"/api/v1/dashboard (token)|token|$url/api/v1/dashboard"
	"nginx: static copy of /projects||http://127.0.0.1:$nport/projects.html"
	"/projects (coordinator, 100,000 projects)|cookie:coordinator|$url/projects"
	"/projects (reporter, one district)|cookie:reporter-byq|$url/projects"
	"/projects (leader, across regions)|cookie:leader|$url/projects"
	"/projects?page=1000&sort=total (coordinator)|cookie:coordinator|$url/projects?page=1000&sort=total&order=desc"
	"/api/v1/projects (token)|token|$url/api/v1/projects"
	"/api/v1/bulletin?period=$period&by=region (token)|token|$url/api/v1/bulletin?period=$period&by=region"
	"/static/taizhang.css||$url/static/taizhang.css"
)

# wrk_run NAME AUTH URL CONNECTIONS SECONDS: one line of figures.
wrk_run() {
	local name=$1 auth=$2 target=$3 c=$4 s=$5 hdr=() log
	case $auth in
	cookie:*) hdr=(-H "Cookie: ${cookie[${auth#cookie:}]}") ;;
	token) hdr=(-H "Authorization: Bearer $token") ;;
	esac
	log="$out/wrk-$(echo "$name" | tr -c 'a-zA-Z0-9' '_').txt"
	# Warm whatever the first request fills (caches, pages).
	curl -s -o /dev/null "${hdr[@]}" "$target"
	wrk -t "$threads" -c "$c" -d "${s}s" --latency "${hdr[@]}" "$target" >"$log"
	awk -v name="$name" '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
		/Non-2xx/ { bad = $NF } /Socket errors/ { errs = $0 }
		END { printf "%-52s %10.0f req/s   p50 %8s   p90 %8s   p99 %8s%s%s\n", name, rps, p50, p90, p99,
		      bad ? "   non-2xx " bad : "", errs ? "   " errs : "" }' "$log"
	awk '/Requests\/sec/ { print $2 }' "$log" >"$log.rps"
}

echo
echo "wrk -t $threads -c $connections -d ${duration}s --latency"
for t in "${targets[@]}"; do
	IFS='|' read -r name auth target <<<"$t"
	wrk_run "$name" "$auth" "$target" "$connections" "$duration"
done
nginx_rps=$(cat "$out"/wrk-nginx__static_copy_of__projects_.txt.rps)
list_rps=$(cat "$out"/wrk-_projects__coordinator*.rps)
printf '\n/projects (coordinator) at %.0f%% of nginx serving the same page\n' \
	"$(echo "100 * $list_rps / $nginx_rps" | bc -l)"
nginx_dash=$(cat "$out"/wrk-nginx__static_copy_of____dashboard__.txt.rps)
dash_rps=$(cat "$out"/wrk-__dashboard__coordinator__100_000_projects__.txt.rps)
printf '/ dashboard (coordinator) at %.0f%% of nginx serving the same page (%s bytes)\n' \
	"$(echo "100 * $dash_rps / $nginx_dash" | bc -l)" "$(wc -c <"$out/nginx/html/dashboard.html")"

# Flat memory and no errors: 256 connections for a while, memory sampled.
echo
echo "wrk -c 256 -d ${long}s on / (dashboard, coordinator); server RSS every 5 s:"
rss() { awk '/VmRSS/ { print $2 }' /proc/$server/status; }
(
	for i in $(seq 0 5 "$long"); do
		echo "$(rss)"
		sleep 5
	done
) >"$out/rss.txt" &
sampler=$!
wrk_run "/ dashboard, 256 connections" "cookie:coordinator" "$url/" 256 "$long"
wait $sampler || true
awk '{ v[NR] = $1 } END { printf "RSS (MB):"; for (i = 1; i <= NR; i++) printf " %.0f", v[i] / 1024;
	printf "\n" }' "$out/rss.txt"
kill -TERM $server
wait $server && echo "server stopped cleanly" || echo "server exit status $?"
