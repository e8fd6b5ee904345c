#!/bin/bash
# t3106-web-report-trim.sh: the texts of a report saved through the API or
# the form are stored trimmed, as an import stores a cell's, so the same
# report reads the same whichever way it came and its export reads back
# unchanged (walkthrough 13: a 存在问题 saved with a leading line break
# came back from its own export as a 更正, and "\r\n=开头" gained a
# formula apostrophe that the import kept).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

demo_unreported 300 鲅鱼圈区
A=$(sed -n 1p "$TZ_TMP/missing")
B=$(sed -n 2p "$TZ_TMP/missing")
is "two projects of 鲅鱼圈区 have not reported" "$([ -n "$B" ] && echo yes)" yes

ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add reporter-byq >"$TZ_TMP/token" 2>/dev/null
T="Authorization: Bearer $(head -1 "$TZ_TMP/token")"
body=$(python3 - "$A" "$B" <<'PY'
import json, sys
print(json.dumps({"period": "2025-12", "reports": [
    {"code": sys.argv[1], "completed": "10", "status": "已开工",
     "progress": "  主体施工\n", "problem": "\n资金缺口\r\n征地\r\n"},
    {"code": sys.argv[2], "completed": "20", "status": "已开工",
     "progress": "\t基础施工", "problem": "\r\n=开头"}]}, ensure_ascii=False))
PY
)
is "the API saves both" "$(status "$WEB_URL/api/v1/reports" -H "$T" \
	-H 'Content-Type: application/json' --data-binary "$body")" 200
ok "a clean stop" web_stop

ok "export progress" tz --db "$db" export progress --format csv --out "$TZ_TMP/after.csv"
ok "the texts are stored trimmed, the line breaks inside kept" python3 - "$TZ_TMP/after.csv" "$A" "$B" <<'PY'
import csv, sys
rows = {(r[0], r[1]): r for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))}
a, b = rows[(sys.argv[2], '2025-12')], rows[(sys.argv[3], '2025-12')]
assert a[4] == '主体施工' and a[5] == '资金缺口\r\n征地', a
assert b[4] == '基础施工' and b[5] == "'=开头", b
PY
ok "the export read back" tz --db "$db" import progress "$TZ_TMP/after.csv"
contains "…changes nothing" "$TZ_TMP/err" "更正0"
ok "…and exports the same bytes" tz --db "$db" export progress --format csv --out "$TZ_TMP/again.csv"
ok "…byte for byte" cmp "$TZ_TMP/after.csv" "$TZ_TMP/again.csv"
done_testing
