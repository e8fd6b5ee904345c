#!/bin/bash
# t1825-xls-damaged.sh: a damaged .xls (an OLE2 file whose root entry is
# not marked as such, found by fuzzing) is refused in Chinese only:
# libgsf's own English warnings go to the debug log, not the terminal.
. "$(dirname "$0")/lib.sh"

# libgsf leaks a directory entry opening this file (tests/fuzz/lsan-fuzz.supp):
# a sanitizer build (make test SANITIZE=1) suppresses that leak, with the
# full stacks it needs to see the library's frame, for these commands only.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/../fuzz" && pwd)/lsan-fuzz.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:fast_unwind_on_malloc=0"

ok "a database" tz init
fails "the damaged .xls is refused" tz import projects "$TZ_TEST_DATA/xls-damaged/root-not-marked.xls"
contains "…saying it is no Excel workbook" "$TZ_TMP/err" "无法导入：这是OLE 复合文档，不是 Excel 工作簿"
is "…with no English warning from the library" "$(grep -c 'WARNING\|libgsf' "$TZ_TMP/err")" 0
TZ_LOG_LEVEL=debug "$TZ_BIN" import projects \
	"$TZ_TEST_DATA/xls-damaged/root-not-marked.xls" >/dev/null 2>"$TZ_TMP/log"
contains "the warning is in the debug log" "$TZ_TMP/log" "lib=libgsf:msole message=\"Root directory is not marked as such.\""
done_testing
