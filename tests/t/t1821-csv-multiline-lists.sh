#!/bin/bash
# t1821-csv-multiline-lists.sh: a quoted cell whose later line lists as
# many items as the file has columns is text, not records swallowed by
# an open quote, and what export writes import reads back unchanged
# (tests/data/csv-multiline/ORIGIN.md, walkthrough 11). A quote left
# open over lines that start with codes is still refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d="$TZ_TEST_DATA/csv-multiline"

fresh
ok "the ledger" tz import projects "$d/projects.csv"
ok "reports whose texts list six works on their second line" tz import progress "$d/progress.csv"
contains "…both rows read" "$TZ_TMP/err" "共2行，导入2行（新增2，更正0，未变0），0行被拒绝"
ok "export them" tz export progress --out "$TZ_TMP/p.csv"
ok "…the texts whole" python3 - "$TZ_TMP/p.csv" <<'PY'
import csv, sys
rows = {r["项目编号"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""))}
assert rows["PW0001"]["形象进度"] == "本月完成：\n土方,基础,主体,装修,绿化,道路", rows["PW0001"]
assert rows["PW0002"]["存在问题"] == "征地：\n一,二,三,四,五,六", rows["PW0002"]
assert rows["PW0001"]["本期完成投资(万元)"] == "100.00", rows["PW0001"]
PY
ok "the export imported again" tz import progress "$TZ_TMP/p.csv"
contains "…is unchanged" "$TZ_TMP/err" "共2行，导入2行（新增0，更正0，未变2），0行被拒绝"
fails "a quote left open over lines that start with codes" tz import progress "$d/progress-open.csv"
contains "…names the line it opened on" "$TZ_TMP/err" "progress-open.csv:2: 第2行的引号没有闭合"
is "…nothing of it stored" "$(reports)" "PW0001|2025-05|100.00|已开工 PW0002|2025-05|50.00|已开工"
done_testing
