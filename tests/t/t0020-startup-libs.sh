#!/bin/bash
# t0020-startup-libs.sh: commands do not load at start-up the web
# server's library (libmicrohttpd, and GnuTLS with it), Pango and Cairo
# (PDF bulletins) nor libgsf (.xls files, with GIO): the dynamic
# loader's work for them was 21 M instructions of every run
# (bench/README.md, "After the eighth session"). serve loads the first
# when it starts (src/web/mhd-load.c) and answers; a PDF bulletin loads
# Pango and Cairo (src/report/pdf-load.c); an .xls import libgsf
# (src/intake/xls-load.c).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# glibc's loader lists each library it loads under LD_DEBUG=libs.
loads() { LD_DEBUG=libs "$TZ_BIN" "$@" 2>&1 >/dev/null | grep -E 'calling init: .*lib(microhttpd|gnutls|pango|cairo|harfbuzz|gsf|gio)' || true; }
ok "init" tz init
is "an import loads no web server, PDF or .xls library" \
	"$(loads import projects "$TZ_TEST_DATA/leader-key/projects.csv")" ""
is "an export neither" "$(loads export projects)" ""
is "nor --help" "$(loads --help)" ""


xls="$TZ_TEST_DATA/cases/sheets/a09-xml2003-and-biff/ledger-biff8.xls"
loads_gsf() { loads "$@" | grep -q 'libgsf'; }
ok "a database for an .xls" tz --db "$TZ_TMP/x.db" init
ok "an .xls import loads libgsf then" loads_gsf --db "$TZ_TMP/x.db" import projects --year 2025 "$xls"
ok "…and has read the file" tz --db "$TZ_TMP/x.db" export projects
contains "…its project" "$TZ_TMP/out" "仙人岛"

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
