#!/bin/bash
# t1200-bulletin-formats.sh: one bulletin, every format, every grouping.
. "$(dirname "$0")/lib.sh"

ok "a new database" tz init

ok "demo ledger" tz demo --projects 300 --months 12
for by in region category level; do
	ok "JSON by $by" tz bulletin --period 2025-08 --by $by --out "$TZ_TMP/b-$by.json"
	ok "groups by $by add up to the totals" python3 - "$TZ_TMP/b-$by.json" <<'PY'
import json, sys
from decimal import Decimal
b = json.load(open(sys.argv[1]))
t = b["totals"]
assert sum(g["projects"] for g in b["groups"]) == t["projects"] == 300
for k in ("total_investment", "annual_plan", "ytd_completed"):
    assert sum(Decimal(g[k]) for g in b["groups"]) == Decimal(t[k]), k
assert abs(b["schedule"] - 0.6667) < 1e-9
PY
done
ok "CSV" tz bulletin --period 2025-08 --format csv --out "$TZ_TMP/b.csv"
contains "CSV title names the months" "$TZ_TMP/b.csv" "2025年1-8月重点项目建设情况通报（按所属地区）"
contains "CSV header" "$TZ_TMP/b.csv" "排名,较上月,所属地区,项目数,总投资(万元),年度计划投资(万元),累计完成投资(万元),投资完成率"
contains "CSV lagging section" "$TZ_TMP/b.csv" "进度滞后项目"
ok "HTML" tz bulletin --period 2025-08 --format html --out "$TZ_TMP/b.html"
contains "HTML is Chinese" "$TZ_TMP/b.html" 'lang="zh-CN"'
contains "HTML has a chart" "$TZ_TMP/b.html" "<svg"
contains "HTML fits a phone" "$TZ_TMP/b.html" 'name="viewport"'
ok "XLSX" tz bulletin --period 2025-08 --format xlsx --out "$TZ_TMP/b.xlsx"
ok "XLSX is a workbook with a chart" python3 - "$TZ_TMP/b.xlsx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
assert "xl/workbook.xml" in names
assert any(n.startswith("xl/charts/chart") for n in names), names
sheet = z.read("xl/worksheets/sheet1.xml").decode()
assert "<pane" in sheet and 'state="frozen"' in sheet
PY
is "XLSX to stdout when redirected" "$(tz bulletin --format xlsx | head -c 2)" "PK"
done_testing
