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
contains "HTML opens with the paragraphs" "$TZ_TMP/b.html" '<section class="summary"><p>1-8月，全市300个重点项目'
contains "HTML turns tables into cards on a phone" "$TZ_TMP/b.html" "@media (max-width:640px)"
contains "HTML is Chinese" "$TZ_TMP/b.html" 'lang="zh-CN"'
contains "HTML has a chart" "$TZ_TMP/b.html" "<svg"
contains "HTML fits a phone" "$TZ_TMP/b.html" 'name="viewport"'
contains "HTML says the 亿元 table may not add up to its 合计 by rounding" "$TZ_TMP/b.html" "金额按亿元四舍五入，分项之和与合计可能有尾差"
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
ok "XLSX prints on A4 landscape, one page wide, header repeated" python3 - "$TZ_TMP/b.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
sheets = [(m.group(1), 'state="hidden"' in m.group(0))
          for m in re.finditer(r'<sheet name="([^"]+)"[^>]*/>', book)]
assert [n for n, _ in sheets] == ["通报", "图表", "滞后项目", "未报送项目", "图表数据"], sheets
assert [n for n, h in sheets if h] == ["图表数据"], sheets
assert len(re.findall(r'_xlnm\.Print_Titles', book)) == 3, book
for part in ("sheet1", "sheet2", "sheet3"):
    s = z.read(f"xl/worksheets/{part}.xml").decode()
    assert '<pageSetUpPr fitToPage="1"/>' in s, part
    setup = re.search(r"<pageSetup [^>]*>", s).group(0)
    assert 'paperSize="9"' in setup and 'orientation="landscape"' in setup, setup
    assert 'fitToHeight="0"' in setup and "fitToWidth" not in setup, setup
    assert "调度期：2025-08" in re.search(r"<oddHeader>(.*?)</oddHeader>", s).group(1), part
strings = z.read("xl/sharedStrings.xml").decode()
for text in ("总投资(亿元)", "年度计划投资(万元)", "金额单位：亿元", "金额单位：万元", "包联领导",
             "存在问题", "应报送而未报送调度数据的项目"):
    assert text in strings, text
PY
is "XLSX to stdout when redirected" "$(tz bulletin --format xlsx | head -c 2)" "PK"

# PDF: a 通报 whose text can be read back.
ok "PDF" tz bulletin --period 2025-08 --format pdf --out "$TZ_TMP/b.pdf"
is "PDF is a PDF" "$(head -c 4 "$TZ_TMP/b.pdf")" "%PDF"
ok "PDF on A4" bash -c "pdfinfo '$TZ_TMP/b.pdf' | grep -q 'Page size: *595.28 x 841.89 pts (A4)'"
ok "PDF text" bash -c "pdftotext -raw '$TZ_TMP/b.pdf' - | tr -d ' \n\f' > '$TZ_TMP/b.pdf.txt'"
contains "PDF shows the title" "$TZ_TMP/b.pdf.txt" "2025年1-8月重点项目建设情况通报"
contains "PDF shows the 调度期" "$TZ_TMP/b.pdf.txt" "调度期：2025-08"
contains "PDF says the 亿元 table may not add up by rounding" "$TZ_TMP/b.pdf.txt" "分项之和与合计可能有尾差"
contains "PDF numbers its pages" "$TZ_TMP/b.pdf.txt" "第1页共"
ok "PDF shows the opening paragraph of the HTML bulletin" python3 - "$TZ_TMP/b.html" "$TZ_TMP/b.pdf.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
first = html.unescape(re.search(r'<section class="summary"><p>(.*?)</p>', page).group(1))
assert first.startswith("1-8月，全市300个重点项目"), first
assert re.sub(r"\s", "", first) in open(sys.argv[2], encoding="utf-8").read(), first
PY
ok "PDF lists a lagging project by name" python3 - "$TZ_TMP/b-region.json" "$TZ_TMP/b.pdf.txt" <<'PY'
import json, sys
lag = json.load(open(sys.argv[1]))["lagging"]
assert lag
# The shortest name of the list, which no table cell wraps.
name = min((l["name"] for l in lag[:500]), key=len)
assert name in open(sys.argv[2], encoding="utf-8").read(), name
PY
ok "PDF to stdout when redirected" bash -c "'$TZ_BIN' bulletin --period 2025-08 --format pdf | head -c 4 | grep -q '%PDF'"
ok "PDF to a terminal is refused" bash -c "! script -qec \"'$TZ_BIN' bulletin --period 2025-08 --format pdf\" /dev/null > '$TZ_TMP/tty.out' 2>&1"
contains "and says why" "$TZ_TMP/tty.out" "不能输出到终端"
done_testing
