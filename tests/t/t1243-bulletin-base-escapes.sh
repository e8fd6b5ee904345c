#!/bin/bash
# t1243-bulletin-base-escapes.sh: the bulletin base keeps each string's
# length and whether JSON takes it as it is (put_text in
# src/store/sqlite-bulletin-base.c), and the JSON writer copies a string
# said plain without scanning it. Names, leaders, units, regions and
# 存在问题 that need escapes (quotes, backslashes, a tab, a newline,
# U+0001, U+2028, U+2029) or only start like one (an em dash: 0xE2)
# must come out of the base exactly as counted from SQL, escaped, in the
# lagging list and in 未报送, for every grouping and several periods. A
# base of another format (BASE_FORMAT, bumped for the headers) whose
# stamp is current is rebuilt by the next bulletin, not left unused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-base.sh"

data="$TZ_TEST_DATA/bulletin-escapes"
db="$TZ_TMP/esc.db"
ok "init" tz --db "$db" init
ok "a ledger whose texts need escapes" tz --db "$db" import projects "$data/projects.csv"
TZ_LOG_LEVEL=info "$TZ_BIN" --db "$db" import progress "$data/progress.csv" \
	>/dev/null 2>"$TZ_TMP/imp.err"
is "import progress succeeds" "$?" 0
ok "…and builds the base of 2025" \
	grep -q 'event=bulletin_base year=2025 projects=24 rc=0' "$TZ_TMP/imp.err"

same_as_sql() {
	base_same_as_sql "$db" 2025-12 2025-10 2025-07 2025-04 2025-01 || return 1
	[ "$base_used" = 50 ] || { echo "from the base: $base_used of 50"; return 1; }
}
ok "every bulletin counts from the base, the same as from SQL" same_as_sql

# What the lists say, read back by a JSON parser: each text as imported.
for p in 04 07 10 12; do
	"$TZ_BIN" --db "$db" bulletin --period 2025-$p --by leader --out "$TZ_TMP/b$p.json" ||
		bad="$bad $p"
done
is "bulletins of 2025-04, -07, -10 and -12" "${bad:-none}" none
check() {
	python3 - "$TZ_TMP"/b[01][0-9].json <<'PY'
import json, sys
raw, texts = '', set()
for f in sys.argv[1:]:
    text = open(f, encoding='utf-8').read()
    raw += text
    for l in json.loads(text)['lagging']:
        texts.update((l['name'], l['leader'], l['unit'], l['region'], l['problem']))
want = ['道路"提质"工程1', 'C:\\管网\\改造2', '污水\t处理厂3', '产业园\u2028二期4',
        '物流园\u2029三期5', '新区—滨海大道6', '尾部反斜杠\\8', '王"强"', '李\\明',
        '赵\u2028六', '市"交通"局', '市水务\\局', '甲"区"', '丙\\县', '控制\x01字符',
        '多行\n问题', '第一项—第二项']
missing = [w for w in want if w not in texts]
# Escaped as the general writer escapes (tz_json_quote), never raw.
for esc in ['\\u2028', '\\u2029', '\\t', '\\n', '\\u0001', '\\"', '\\\\']:
    if esc not in raw:
        missing.append('escape ' + esc)
for bad in ['\u2028', '\u2029', '\t', '\x01']:
    if bad in raw:
        missing.append('raw %r' % bad)
if '—' not in raw:
    missing.append('the em dash as it is')
print(' '.join(repr(m) for m in missing) or 'all')
PY
}
is "the lagging list holds every text, escaped" "$(check)" all

# A current base of format 1 (what the build before the headers wrote):
# the bulletin counts from SQL, then rebuilds it for the next one.
used() { grep -q 'event=bulletin_base_count' "$TZ_TMP/b.err" && echo base || echo sql; }
bulletin() {
	TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$db" bulletin --period 2025-12 --out "$TZ_TMP/b.json" \
		2>"$TZ_TMP/b.err"
}
ok "part 0 says format 1" sqlite3 "$db" "UPDATE bulletin_base SET data = substr(data, 1, 4) ||
	x'01000000' || substr(data, 9) WHERE id = 2025 * 16"
bulletin
is "a base of another format is not used" "$(used)" sql
bulletin
is "…the bulletin rebuilt it: the next one uses it" "$(used)" base
ok "…and it is right" same_as_sql
done_testing
