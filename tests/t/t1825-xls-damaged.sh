#!/bin/bash
# t1825-xls-damaged.sh: a damaged .xls (an OLE2 file whose root entry is
# not marked as such, found by fuzzing) is refused in Chinese only:
# libgsf's own English warnings go to the debug log, not the terminal.
. "$(dirname "$0")/lib.sh"

ok "a database" tz init
fails "the damaged .xls is refused" tz import projects "$TZ_TEST_DATA/xls-damaged/root-not-marked.xls"
contains "…saying it is no Excel workbook" "$TZ_TMP/err" "无法导入：这是OLE 复合文档，不是 Excel 工作簿"
is "…with no English warning from the library" "$(grep -c 'WARNING\|libgsf' "$TZ_TMP/err")" 0
TZ_LOG_LEVEL=debug "$TZ_BIN" import projects \
	"$TZ_TEST_DATA/xls-damaged/root-not-marked.xls" >/dev/null 2>"$TZ_TMP/log"
contains "the warning is in the debug log" "$TZ_TMP/log" "lib=libgsf:msole message=\"Root directory is not marked as such.\""
done_testing
