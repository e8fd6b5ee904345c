#!/bin/bash
# t1250-bulletin-unplanned.sh: the completions of projects without a plan
# are shown apart in every table of the bulletin, not only in its JSON and
# its paragraph (walkthrough 17 B2: a ledger without plans read 0.00 in
# every row and 合计 while the paragraph said 累计完成投资313.92亿元), and a
# rank change reads the same in every format: "0" kept, "—" none
# (walkthrough 17 M5).
. "$(dirname "$0")/lib.sh"

D="$TZ_TOP/tests/data/unplanned"
export TAIZHANG_DB="$TZ_TMP/u.db"
ok "the ledger and two months of reports" bash -c "'$TZ_BIN' init && '$TZ_BIN' import projects --year 2025 '$D/unplanned.csv' &&
	'$TZ_BIN' import progress '$D/unplanned-p.csv'"

for f in json csv html xlsx pdf; do
	ok "bulletin $f" tz bulletin --period 2025-10 --format $f --out "$TZ_TMP/b.$f"
done
ok "the JSON: 甲县 and 乙县 kept their ranks, 丙县 has none and 7500 apart" python3 - "$TZ_TMP/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
g = {x['key']: x for x in b['groups']}
assert g['甲县']['rank_change'] == 0 and g['乙县']['rank_change'] == 0, g
assert g['丙县']['rank_change'] is None and g['丙县']['rank'] is None, g
assert g['丙县']['ytd_completed_unplanned'] == '7500.00', g
assert b['totals']['ytd_completed_unplanned'] == '7500.00', b['totals']
PY

# CSV: the column appended last, the older ones where they were.
ok "the CSV's group table" python3 - "$TZ_TMP/b.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head = rows[2]
assert head[:13] == ["排名", "较上月", "所属地区", "项目数", "总投资(万元)", "年度计划投资(万元)",
                     "累计完成投资(万元)", "投资完成率", "开工项目数", "开工率", "已报送", "未报送",
                     "低于全市平均"], head
assert head[13:] == ["未安排计划项目完成投资(万元)"], head
t = {r[2]: r for r in rows[3:7]}
assert t["甲县"][:2] == ["1", "0"] and t["甲县"][13] == "0.00", t["甲县"]
assert t["乙县"][:2] == ["2", "0"], t["乙县"]
assert t["丙县"][:2] == ["", "—"] and t["丙县"][6] == "0.00" and t["丙县"][13] == "7500.00", t["丙县"]
assert t["合计"][:2] == ["", ""] and t["合计"][6] == "900.00" and t["合计"][13] == "7500.00", t["合计"]
PY

ok "the XLSX 通报 sheet" python3 - "$TZ_TMP/b.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ss = [re.sub(r"<[^>]+>", "", si) for si in
      re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
rows = {}
for m in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', z.read("xl/worksheets/sheet1.xml").decode(), re.S):
    col, row, attrs, body = m.groups()
    v = re.search(r"<v>(.*?)</v>", body or "")
    v = v.group(1) if v else ""
    if 't="s"' in attrs:
        v = ss[int(v)]
    rows.setdefault(int(row), {})[col] = v
head = next(r for r in rows.values() if r.get("A") == "排名")
assert head["N"] == "未安排计划项目完成投资(亿元)", head
assert head["M"] == "低于全市平均", head
t = {r.get("C"): r for r in rows.values()}
assert t["甲县"]["B"] == "0" and t["乙县"]["B"] == "0", (t["甲县"], t["乙县"])
assert t["丙县"]["B"] == "—" and float(t["丙县"]["N"]) == 0.75, t["丙县"]
assert float(t["合计"]["N"]) == 0.75 and t["合计"].get("B", "") == "", t["合计"]
PY

ok "the HTML table" python3 - "$TZ_TMP/b.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
table = re.search(r'<table class="groups">(.*?)</table>', page, re.S).group(1)
head = re.findall(r"<th[^>]*>(.*?)</th>", table)
assert head[-1] == "未安排计划项目完成投资(亿元)" and head[-2] == "低于全市平均", head
rows = {}
for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
    rows[cells[2]] = cells
assert rows["甲县"][1] == "0" and rows["乙县"][1] == "0", rows
assert rows["丙县"][1] == "—" and rows["丙县"][-1] == "0.75", rows["丙县"]
assert rows["合计"][1] == "" and rows["合计"][-1] == "0.75", rows["合计"]
PY
contains "the HTML chart labels 丙县 without a rate" "$TZ_TMP/b.html" "<title>丙县：无年度计划</title>"
lacks "…not 0.00%" "$TZ_TMP/b.html" "丙县：0.00%"

ok "PDF text" bash -c "pdftotext -raw '$TZ_TMP/b.pdf' - | tr -d ' \n\f' > '$TZ_TMP/b.pdf.txt'"
contains "the PDF has the column" "$TZ_TMP/b.pdf.txt" "未安排计划项目完成投资"
contains "…丙县's 0.75 in it" "$TZ_TMP/b.pdf.txt" "—丙县10.000.00100.00%00.75"
contains "…甲县's unchanged rank as 0" "$TZ_TMP/b.pdf.txt" "10甲县10.100.0660.00%100.00%00.00"

# A ledger without any plan (an old database upgraded): every row 0.00 in
# 累计完成投资, the completions in the column apart.
cp "$TZ_TOP/tests/data/old-schema-v1/taizhang.db" "$TZ_TMP/old.db"
export TAIZHANG_DB="$TZ_TMP/old.db"
ok "init upgrades the old database" tz init
ok "its bulletin CSV" tz bulletin --period 2024-06 --format csv --out "$TZ_TMP/old.csv"
ok "…合计 has the 3139188.84 万元 the paragraph calls 313.92亿元" python3 - "$TZ_TMP/old.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
total = next(r for r in rows if len(r) > 2 and r[2] == "合计")
assert total[6] == "0.00" and total[13] == "3139188.84", total
PY
ok "its bulletin HTML" tz bulletin --period 2024-06 --format html --out "$TZ_TMP/old.html"
contains "the paragraph" "$TZ_TMP/old.html" "累计完成投资313.92亿元"
contains "…the table's 合计" "$TZ_TMP/old.html" 'data-label="未安排计划项目完成投资(亿元)">313.92</td>'
lacks "no group is drawn at 0.00%" "$TZ_TMP/old.html" "：0.00%</title>"

# A ledger whose every project has a plan (P3 left out) shows no column of
# zeros to people; the CSV, for programs, keeps it as the JSON its field.
grep -v '^P3,' "$D/unplanned.csv" > "$TZ_TMP/planned.csv"
grep -v '^P3,' "$D/unplanned-p.csv" > "$TZ_TMP/planned-p.csv"
export TAIZHANG_DB="$TZ_TMP/planned.db"
ok "a ledger with plans" bash -c "'$TZ_BIN' init && '$TZ_BIN' import projects --year 2025 '$TZ_TMP/planned.csv' >/dev/null &&
	'$TZ_BIN' import progress '$TZ_TMP/planned-p.csv' >/dev/null"
for f in csv html xlsx pdf; do
	ok "its bulletin $f" tz bulletin --period 2025-10 --format $f --out "$TZ_TMP/p.$f"
done
contains "the CSV has the column" "$TZ_TMP/p.csv" ",低于全市平均,未安排计划项目完成投资(万元)"
contains "…of zeros" "$TZ_TMP/p.csv" ",,合计,2,30000.00,3000.00,900.00,30.00%,2,100.00%,2,0,,0.00"
lacks "the HTML has not" "$TZ_TMP/p.html" "未安排计划项目完成投资"
ok "nor the XLSX" python3 - "$TZ_TMP/p.xlsx" <<'PY'
import sys, zipfile
assert "未安排计划项目完成投资" not in zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
PY
ok "nor the PDF" bash -c "! pdftotext -raw '$TZ_TMP/p.pdf' - | tr -d ' \n\f' | grep -q 未安排计划项目完成投资"
contains "the HTML still has 甲县's rank kept" "$TZ_TMP/p.html" '<td class="chg" data-label="较上月">0</td>'
done_testing
