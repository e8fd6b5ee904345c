#!/bin/bash
# t3085-web-error-banner.sh: web.md "Demo": `serve` shows a banner on
# every page while demo users exist — the 403 and 404 pages too, whether
# the server answers them before any handler runs (an unknown path, a
# role that may never use a page) or a handler does; and a database
# without demo users shows none, on any page.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

banner='演示数据库'
db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "serve starts" web_start "$db" --weak-hashes on
is "sign in as a reporter" "$(web_login reporter-byq)" 303
jar="$TZ_TMP/jar-reporter-byq"

is "a page has the banner" "$(status "$WEB_URL/" -b "$jar")" 200
contains "…the dashboard" "$TZ_TMP/body" "$banner"
is "an unknown path, signed in" "$(status "$WEB_URL/no-such-page" -b "$jar")" 404
contains "…its 404 page has the banner" "$TZ_TMP/body" "$banner"
is "an unknown path, signed out" "$(status "$WEB_URL/no-such-page")" 404
contains "…has it too" "$TZ_TMP/body" "$banner"
is "a page the role may never use" "$(status "$WEB_URL/periods" -b "$jar")" 403
contains "…its 403 page has the banner" "$TZ_TMP/body" "$banner"
is "a project elsewhere" "$(status "$WEB_URL/projects/NO-SUCH-CODE" -b "$jar")" 404
contains "…the handler's 404 has it" "$TZ_TMP/body" "$banner"
is "the menu is still there on an error page" "$(grep -c 'class="nav"' "$TZ_TMP/body")" 1
ok "a clean stop" web_stop

# Without demo users: no banner, error pages included.
plain="$TZ_TMP/plain.db"
ok "a database without demo users" tz --db "$plain" init
ok "serve starts on it" web_start "$plain"
is "an unknown path" "$(status "$WEB_URL/no-such-page")" 404
is "…shows no banner" "$(grep -c "$banner" "$TZ_TMP/body")" 0
is "the sign-in page" "$(status "$WEB_URL/login")" 200
is "…shows none either" "$(grep -c "$banner" "$TZ_TMP/body")" 0
ok "a clean stop" web_stop
done_testing
