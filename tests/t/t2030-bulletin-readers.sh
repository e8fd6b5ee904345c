#!/bin/bash
# t2030-bulletin-readers.sh: what a reader of the files sees, from the
# walkthrough-8 lesser points. Inputs: tests/data/walk8.
#  1. XLSX bulletin: a rate of 86.04 % is stored as 0.8604, not
#     libxlsxwriter's 0.8604000000000001 (the same double, shortest
#     spelling), in the sheets and the chart's cache; text stays text.
#  2. CSV bulletin: 较上月 of a rank that did not move is 0 (ledger.md
#     rank_change: places gained or lost; the JSON's 0), not a bare "—"
#     only the PDF's note explains.
#  3. The import summary's notes end with "。", not "；".
. "$(dirname "$0")/lib.sh"

d=$TZ_TEST_DATA/walk8
ok "init" tz init
ok "the 2025 ledger" tz import projects "$d/ledger-2025-gbk.csv"
ok "September" tz import progress "$d/prog-2025-09-month-bom.csv"
ok "October" tz import progress "$d/prog-2025-10-city.xlsx"
is "3. the notes end the sentence" "$(tail -1 "$TZ_TMP/err")" \
	"  没有“调度期”列，调度期按标题读为2025-10（“截至2025年10月底”，“本月完成投资”为当月数）；第2行注明金额单位为亿元，表头的金额没有写单位：金额按亿元读。"
ok "json" tz bulletin --period 2025-10 --format json --out "$TZ_TMP/b.json"
ok "xlsx" tz bulletin --period 2025-10 --format xlsx --out "$TZ_TMP/b.xlsx"
ok "csv" tz bulletin --period 2025-10 --format csv --out "$TZ_TMP/b.csv"

ok "1. the XLSX holds the intended decimals" python3 - "$TZ_TMP/b.xlsx" "$TZ_TMP/b.json" <<'PY'
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
b = json.load(open(sys.argv[2]))
sheet = z.read('xl/worksheets/sheet1.xml').decode()
chart = z.read('xl/charts/chart1.xml').decode()
nums = re.findall(r'<c r="[A-Z]+\d+"(?: s="\d+")?><v>([^<]*)</v>', sheet)
nums += re.findall(r'<c:v>([^<]*)</c:v>', chart.split('<c:numCache>', 1)[1])
noisy = [v for v in nums if re.fullmatch(r'[-0-9.E+]+', v) and len(v.replace('-', '').replace('.', '').lstrip('0')) > 15]
assert not noisy, noisy
for g in b['groups']:
    r = '%.4f' % g['completion_rate']
    r = r.rstrip('0').rstrip('.')
    assert '<v>%s</v>' % r in sheet, (g['key'], r)
    assert '<c:v>%s</c:v>' % r in chart, (g['key'], r)
assert '<v>0.8604</v>' in sheet
# The shared strings are untouched: group names are still text cells.
assert '鲅鱼圈区' in z.read('xl/sharedStrings.xml').decode()
PY

ok "2. the CSV says an unchanged rank" python3 - "$TZ_TMP/b.csv" "$TZ_TMP/b.json" <<'PY'
import csv, io, json, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding='utf-8-sig').read())))
b = json.load(open(sys.argv[2]))
head = [i for i, r in enumerate(rows) if r and r[0] == '排名'][0]
assert rows[head][1] == '较上月'
change = {r[2]: r[1] for r in rows[head + 1:head + 1 + len(b['groups'])]}
for g in b['groups']:
    c = g['rank_change']
    want = '' if c is None else '0' if c == 0 else ('↑%d' % c if c > 0 else '↓%d' % -c)
    assert change[g['key']] == want, (g['key'], change[g['key']], want)
assert any(g['rank_change'] == 0 for g in b['groups'])
assert '—' not in ''.join(change.values())
PY
done_testing
