#!/bin/bash
# t0020-startup-libs.sh: commands other than serve do not load the web
# server's library (libmicrohttpd, and GnuTLS with it) at start-up: the
# dynamic loader's work for them is about 10 M instructions of every run
# (bench/README.md, "After the eighth session"). serve loads it when it
# starts (src/web/mhd-load.c) and answers.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# glibc's loader lists each library it loads under LD_DEBUG=libs.
loads() { LD_DEBUG=libs "$TZ_BIN" "$@" 2>&1 >/dev/null | grep -E 'calling init: .*lib(microhttpd|gnutls)' || true; }
ok "init" tz init
is "an import loads no web server library" \
	"$(loads import projects "$TZ_TEST_DATA/leader-key/projects.csv")" ""
is "an export neither" "$(loads export projects)" ""
is "nor --help" "$(loads --help)" ""

ok "serve starts" web_start "$TAIZHANG_DB"
is "…and answers" "$(status "$WEB_URL/login")" 200
contains "…with the login page" "$TZ_TMP/body" "登录"
ok "…and stops" web_stop
done_testing
