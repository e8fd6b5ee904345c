# lib-web.sh: what the web black-box scripts share, after lib.sh: start
# `taizhang serve` on a free port (and stop it when the script ends, even
# on failure), sign in with curl, read a page's CSRF token.
#   . "$(dirname "$0")/lib.sh"; . "$(dirname "$0")/lib-web.sh"

WEB_PID=
WEB_URL=

# web_stop: SIGTERM, and wait; returns the server's exit status.
web_stop() {
	local rc=0
	if [ -n "$WEB_PID" ]; then
		kill -TERM "$WEB_PID" 2>/dev/null
		wait "$WEB_PID" || rc=$?
		WEB_PID=
	fi
	return $rc
}
trap 'web_stop; rm -rf "$TZ_TMP"' EXIT
trap 'exit 1' INT TERM

# web_start DB [serve options…]: start the server and set WEB_URL. Its
# output goes to $TZ_TMP/web.out and web.err, the access log to
# $TZ_TMP/web.access.
web_start() {
	local db=$1 i
	shift
	: >"$TZ_TMP/web.out"
	"$TZ_BIN" --db "$db" serve --listen 127.0.0.1:0 --access-log "$TZ_TMP/web.access" "$@" \
		>"$TZ_TMP/web.out" 2>"$TZ_TMP/web.err" &
	WEB_PID=$!
	for i in $(seq 1 400); do
		WEB_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TZ_TMP/web.out" | head -1)
		[ -n "$WEB_URL" ] && return 0
		kill -0 "$WEB_PID" 2>/dev/null || break
		sleep 0.05
	done
	echo "# the server did not start:"
	sed 's/^/#   /' "$TZ_TMP/web.err"
	return 1
}

# web_login USER [PASSWORD]: sign in with the cookie jar $TZ_TMP/jar-USER;
# prints the HTTP status of the sign-in (303 when it worked).
web_login() {
	local jar="$TZ_TMP/jar-$1" csrf
	rm -f "$jar"
	csrf=$(curl -s -c "$jar" -b "$jar" "$WEB_URL/login" |
		sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
		--data-urlencode "login=$1" --data-urlencode "password=${2:-demo-taizhang}" \
		"$WEB_URL/login"
}

# web_csrf USER: the CSRF token of USER's session (from a page's form).
web_csrf() {
	curl -s -b "$TZ_TMP/jar-$1" "$WEB_URL/account" |
		sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1
}

# status URL [curl options…]: the HTTP status of a request.
status() {
	local url=$1
	shift
	curl -s -o "$TZ_TMP/body" -w '%{http_code}' "$@" "$url"
}

# demo_unreported N REGION [AWK-CONDITION]: a demo city of N projects in
# $db ($TZ_TMP/demo.db), its ledger and reports exported to
# $TZ_TMP/projects.csv and progress.csv, the codes with a 2025-12 report
# in $TZ_TMP/reported, and in $TZ_TMP/missing those of REGION's projects
# (and the condition's, on the ledger's columns) without one, sorted.
demo_unreported() {
	db="$TZ_TMP/demo.db"
	ok "a demo city" tz --db "$db" demo --projects "$1"
	ok "its ledger" tz --db "$db" export projects --format csv --out "$TZ_TMP/projects.csv"
	ok "its reports" tz --db "$db" export progress --format csv --out "$TZ_TMP/progress.csv"
	grep ',2025-12,' "$TZ_TMP/progress.csv" | cut -d, -f1 | sort >"$TZ_TMP/reported"
	awk -F, -v r="$2" "\$4 == r && (${3:-1}) { print \$2 }" "$TZ_TMP/projects.csv" | sort |
		comm -23 - "$TZ_TMP/reported" >"$TZ_TMP/missing"
}
