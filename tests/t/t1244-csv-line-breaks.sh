#!/bin/bash
# t1244-csv-line-breaks.sh: a CR, a CRLF or a LF inside a 存在问题 or a
# 形象进度 (walkthrough 12: "a carriage return comes out of the CSV
# bulletin as a plain line break") is written into the CSV as it is,
# inside the field's quotes (RFC 4180), so that a CSV reader gets back
# exactly the string JSON has, byte for byte; the only difference is the
# apostrophe before a formula-like start (= + - @), which our import
# takes off again. The progress export keeps the same bytes, and its
# import into another database stores them unchanged.
. "$(dirname "$0")/lib.sh"

data="$TZ_TEST_DATA/csv-line-breaks"
ok "init" tz init
ok "a ledger" tz import projects "$data/projects.csv"
ok "reports whose texts hold CR, CRLF, LF and quotes" tz import progress "$data/progress.csv"
# The import built the base of 2025; without it the first bulletin
# counts from SQL (and builds it again), the next ones read it.
sqlite3 "$TAIZHANG_DB" "DROP TABLE bulletin_base"
ok "bulletin JSON (from SQL)" tz bulletin --period 2025-10 --out "$TZ_TMP/sql.json"
ok "bulletin JSON (from the base)" tz bulletin --period 2025-10 --out "$TZ_TMP/b.json"
ok "bulletin CSV" tz bulletin --period 2025-10 --format csv --out "$TZ_TMP/b.csv"
ok "the two JSON bulletins are the same" cmp "$TZ_TMP/sql.json" "$TZ_TMP/b.json"

# The input's texts, read by a CSV reader that keeps every byte.
is "each CSV 存在问题 is the JSON string (behind an apostrophe if formula-like)" "$(
python3 - "$data/progress.csv" "$TZ_TMP/b.json" "$TZ_TMP/b.csv" <<'PY'
import csv, json, sys
sent = {r["项目编号"]: r["存在问题"]
        for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
lag = {l["code"]: l["problem"] for l in json.load(open(sys.argv[2], encoding="utf-8"))["lagging"]}
bad = []
if set(lag) != set(sent):
    bad.append("lagging %s" % sorted(lag))
head = None
seen = 0
for r in csv.reader(open(sys.argv[3], encoding="utf-8-sig", newline="")):
    if "存在问题" in r:
        head = r
        continue
    if not head or len(r) != len(head) or r[head.index("项目编号")] not in lag:
        continue
    code, got = r[head.index("项目编号")], r[head.index("存在问题")]
    want = lag[code]
    if want != sent[code]:
        bad.append("%s JSON %r, sent %r" % (code, want, sent[code]))
    if want[:1] in ("=", "+", "-", "@"):
        want = "'" + want
    if got != want:
        bad.append("%s CSV %r, JSON %r" % (code, got, want))
    seen += 1
if seen != len(sent):
    bad.append("%d rows in the CSV's lagging list" % seen)
# Each break as it was, not translated: a lone CR is still a lone CR.
raw = open(sys.argv[3], "rb").read()
for b in ("单独回车\r在中间", "两个回车\r\r\n一个换行\n\r倒过来", "引号在回车前\"\"\r\"\"在回车后"):
    if b.encode() not in raw:
        bad.append("bytes %r" % b)
print(" ".join(bad) or "all")
PY
)" all

# The progress export: 形象进度 and 存在问题 as sent; its import elsewhere
# stores the same bytes (exported again: the same file).
ok "export progress" tz export progress --out "$TZ_TMP/p.csv"
is "each exported 形象进度 and 存在问题 is the text sent" "$(
python3 - "$data/progress.csv" "$TZ_TMP/p.csv" <<'PY'
import csv, sys
sent = {r["项目编号"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))}
bad = []
n = 0
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")):
    s = sent.get(r["项目编号"])
    if not s:
        continue
    n += 1
    for k in ("形象进度", "存在问题"):
        want = s[k]
        if want[:1] in ("=", "+", "-", "@"):
            want = "'" + want
        if r[k] != want:
            bad.append("%s %s %r, sent %r" % (r["项目编号"], k, r[k], s[k]))
if n != len(sent):
    bad.append("%d rows" % n)
print(" ".join(bad) or "all")
PY
)" all
db2="$TZ_TMP/again.db"
ok "another database" tz --db "$db2" init
ok "…the ledger" tz --db "$db2" import projects "$data/projects.csv"
ok "…the progress export imported" tz --db "$db2" import progress "$TZ_TMP/p.csv"
ok "…exported again, the same bytes" sh -c \
	'"$1" --db "$2" export progress >"$3" && cmp "$3" "$4"' sh "$TZ_BIN" "$db2" "$TZ_TMP/p2.csv" \
	"$TZ_TMP/p.csv"
ok "…and its bulletin the same" sh -c \
	'"$1" --db "$2" bulletin --period 2025-10 >"$3" && cmp "$3" "$4"' sh "$TZ_BIN" "$db2" \
	"$TZ_TMP/b2.json" "$TZ_TMP/b.json"
done_testing
