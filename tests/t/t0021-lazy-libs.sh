#!/bin/bash
# t0021-lazy-libs.sh: commands do not load at start-up libxml2 (with
# ICU), libzip (with libcrypto), libxlsxwriter nor GLib and GObject:
# the dynamic loader's work for them was 10 M of the 12 M instructions
# of `taizhang --version` (bench/README.md, "Tenth session: lazy
# libraries"). Each is loaded when a command first needs it
# (src/dl/*-load.c, src/report/xlsxwriter-load.c) and the command
# still does its work: an .xlsx, Excel 2003 XML or HTML-table import
# loads libxml2 (the first libzip too), an .xls import and a PDF
# bulletin GObject, an XLSX export libxlsxwriter, an XLSX bulletin
# libxlsxwriter, libzip and libxml2.
. "$(dirname "$0")/lib.sh"

# glibc's loader lists each library it loads under LD_DEBUG=libs.
lazy='lib(xml2|icuuc|zip|crypto|xlsxwriter|minizip|gobject-2\.0|glib-2\.0)\.so[.0-9]*'
loads() { LD_DEBUG=libs "$TZ_BIN" "$@" 2>&1 >/dev/null | grep -oE "calling init: [^ ]*$lazy" | sed 's|.*/||' | sort -u | tr '\n' ' ' || true; }

is "--version loads none of them" "$(loads --version)" ""
ok "init" tz init
is "nor a CSV import" "$(loads import projects "$TZ_TEST_DATA/leader-key/projects.csv")" ""
is "nor a CSV export" "$(loads export projects)" ""

sheets="$TZ_TEST_DATA/cases/sheets"
ok "a database for the sheets" tz --db "$TZ_TMP/x.db" init
is "an .xlsx import loads libzip and libxml2" \
	"$(loads --db "$TZ_TMP/x.db" import projects --year 2025 "$sheets/a02-two-row-header/ledger.xlsx" | grep -oE 'lib(zip|xml2)\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libxml2.so.2 libzip.so.4 "
ok "…and has read the file" tz --db "$TZ_TMP/x.db" export projects
contains "…its projects" "$TZ_TMP/out" "2025"

ok "a database for Excel 2003 XML" tz --db "$TZ_TMP/m.db" init
is "an Excel 2003 XML import loads libxml2, not libzip" \
	"$(loads --db "$TZ_TMP/m.db" import projects --year 2025 "$sheets/a09-xml2003-and-biff/ledger-xml2003.xls" | grep -oE 'lib(zip|xml2)\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libxml2.so.2 "
ok "…and has read the file" tz --db "$TZ_TMP/m.db" export projects
contains "…its project" "$TZ_TMP/out" "北海新区路网"

ok "a database for an HTML table" tz --db "$TZ_TMP/h.db" init
is "an HTML-table import loads libxml2" \
	"$(loads --db "$TZ_TMP/h.db" import projects --year 2025 "$sheets/a08-html-as-xls/ledger.xls" | grep -oE 'libxml2\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libxml2.so.2 "
ok "…and has read the file" tz --db "$TZ_TMP/h.db" export projects
contains "…its projects" "$TZ_TMP/out" "沿海产业基地标准厂房"

ok "a database for an .xls" tz --db "$TZ_TMP/b.db" init
is "an .xls import loads GObject" \
	"$(loads --db "$TZ_TMP/b.db" import projects --year 2025 "$sheets/a09-xml2003-and-biff/ledger-biff8.xls" | grep -oE 'libgobject-2\.0\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libgobject-2.0.so.0 "
ok "…and has read the file" tz --db "$TZ_TMP/b.db" export projects
contains "…its project" "$TZ_TMP/out" "仙人岛"

is "an XLSX export loads libxlsxwriter, not libzip nor libxml2" \
	"$(loads --db "$TZ_TMP/b.db" export projects --format xlsx --out "$TZ_TMP/p.xlsx" | grep -oE 'lib(zip|xml2|xlsxwriter)\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libxlsxwriter.so.4 "
is "…and writes it" "$(head -c 2 "$TZ_TMP/p.xlsx")" "PK"
is "…which reads back" "$(tz --db "$TZ_TMP/p.db" init >/dev/null 2>&1 && tz --db "$TZ_TMP/p.db" import projects "$TZ_TMP/p.xlsx" >/dev/null 2>&1 && tz --db "$TZ_TMP/p.db" export projects)" \
	"$(tz --db "$TZ_TMP/b.db" export projects)"

ok "a demo city" tz --db "$TZ_TMP/demo.db" demo --projects 30
is "a JSON bulletin loads none" "$(loads --db "$TZ_TMP/demo.db" bulletin --out "$TZ_TMP/b.json")" ""
is "an XLSX bulletin loads libxlsxwriter, libzip and libxml2" \
	"$(loads --db "$TZ_TMP/demo.db" bulletin --format xlsx --out "$TZ_TMP/b.xlsx" | grep -oE 'lib(zip|xml2|xlsxwriter)\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libxlsxwriter.so.4 libxml2.so.2 libzip.so.4 "
is "…and writes it" "$(head -c 2 "$TZ_TMP/b.xlsx")" "PK"
is "a PDF bulletin loads GObject" \
	"$(loads --db "$TZ_TMP/demo.db" bulletin --format pdf --out "$TZ_TMP/b.pdf" | grep -oE 'libgobject-2\.0\.so[.0-9]*' | sort -u | tr '\n' ' ')" \
	"libgobject-2.0.so.0 "
is "…and writes it" "$(head -c 4 "$TZ_TMP/b.pdf")" "%PDF"
done_testing
