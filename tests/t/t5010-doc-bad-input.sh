#!/bin/bash
# t5010-doc-bad-input.sh: bad input to `taizhang doc parse` gets a clear
# Chinese error and exit 1, never a crash or a hang: empty, binary, UTF-16,
# broken encodings, a directory, a missing file, a file over the 64 MB limit.
# Also a large (8 MB) document of many pages parses.
. "$(dirname "$0")/lib.sh"

: > "$TZ_TMP/empty.txt"
fails "empty file" tz doc parse "$TZ_TMP/empty.txt"
contains "empty: says so" "$TZ_TMP/err" "文件为空"

printf '\n  \n\t\n' > "$TZ_TMP/blank.txt"
fails "blank file" tz doc parse "$TZ_TMP/blank.txt"

head -c 20000 /dev/urandom > "$TZ_TMP/random.bin"
fails "random bytes" tz doc parse "$TZ_TMP/random.bin"
contains "binary: says it is not text" "$TZ_TMP/err" "不是文本文件"

printf '\xff\xfe\x73\x51\x8e\x4e' > "$TZ_TMP/utf16.txt"
fails "UTF-16" tz doc parse "$TZ_TMP/utf16.txt"
contains "UTF-16: named" "$TZ_TMP/err" "UTF-16"

printf '关于\xff\xff\xff\xff通知\n' > "$TZ_TMP/broken.txt"
fails "broken encoding" tz doc parse "$TZ_TMP/broken.txt"
contains "broken encoding: named" "$TZ_TMP/err" "编码"

fails "a directory" tz doc parse "$TZ_TMP"
fails "a missing file" tz doc parse "$TZ_TMP/nothing.txt"
contains "missing file: says so" "$TZ_TMP/err" "无法打开文件"

head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$TZ_TMP/huge.txt"
fails "a 65 MB file" tz doc parse "$TZ_TMP/huge.txt"
contains "too big: says the limit" "$TZ_TMP/err" "64 MB"
rm -f "$TZ_TMP/huge.txt"

# A long work plan (seed 002 repeated, about 7.5 MB): read whole, and the
# 17 tasks of every copy are there.
for i in $(seq 1 500); do
	cat "$TZ_TEST_DATA"/seeds/002_*.txt
	echo
done > "$TZ_TMP/many.txt"
ok "a 7.5 MB document" tz doc parse "$TZ_TMP/many.txt"
is "tasks of every copy" "$(grep -c '"path":' "$TZ_TMP/out")" $((17 * 500))

done_testing
