#!/bin/bash
# t0020-startup-libs.sh: commands do not load at start-up the web
# server's library (libmicrohttpd, and GnuTLS with it) nor Pango and
# Cairo (PDF bulletins): the dynamic loader's work for each is about 10 M
# instructions of every run (bench/README.md, "After the eighth
# session"). serve loads the first when it starts (src/web/mhd-load.c)
# and answers; a PDF bulletin loads the others (src/report/pdf-load.c).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# glibc's loader lists each library it loads under LD_DEBUG=libs.
loads() { LD_DEBUG=libs "$TZ_BIN" "$@" 2>&1 >/dev/null | grep -E 'calling init: .*lib(microhttpd|gnutls|pango|cairo|harfbuzz)' || true; }
ok "init" tz init
is "an import loads no web server or PDF library" \
	"$(loads import projects "$TZ_TEST_DATA/leader-key/projects.csv")" ""
is "an export neither" "$(loads export projects)" ""
is "nor --help" "$(loads --help)" ""


ok "a demo city" tz --db "$TZ_TMP/demo.db" demo --projects 30
is "a JSON bulletin loads neither" "$(loads --db "$TZ_TMP/demo.db" bulletin --out "$TZ_TMP/b.json")" ""
ok "a PDF bulletin is written" tz --db "$TZ_TMP/demo.db" bulletin --format pdf --out "$TZ_TMP/b.pdf"
is "…a PDF" "$(head -c 4 "$TZ_TMP/b.pdf")" "%PDF"
contains_lib() { loads "$@" | grep -q 'libpangocairo'; }
ok "…loading Pango and Cairo then" contains_lib --db "$TZ_TMP/demo.db" bulletin --format pdf --out "$TZ_TMP/c.pdf"

ok "serve starts" web_start "$TAIZHANG_DB"
is "…and answers" "$(status "$WEB_URL/login")" 200
contains "…with the login page" "$TZ_TMP/body" "登录"
ok "…and stops" web_stop
done_testing
