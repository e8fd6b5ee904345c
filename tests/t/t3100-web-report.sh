#!/bin/bash
# t3100-web-report.sh: the monthly reporting form (调度填报) against the
# running server (issue 9, web.md "Periods, deadlines, on-time rate"): a
# month saved all or nothing (one bad amount: the page again with the
# message at the field, nothing in the store; two bad fields in a row: a
# message next to each; corrected: saved), first saves after the
# deadline marked 迟报, a correction kept in the history, a closed period
# refusing the reporter but not the coordinator, hostile text coming back
# escaped, CSRF refused, another county's project refused without being
# named; the same save through the API with its 422 listing every field
# at fault; the on-time rate page and API equal to `taizhang period rate`.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# Three projects of 鲅鱼圈区 without a 2025-12 report, and one of 盖州市
# (another county).
demo_unreported 300 鲅鱼圈区
A=$(sed -n 1p "$TZ_TMP/missing")
B=$(sed -n 2p "$TZ_TMP/missing")
C=$(sed -n 3p "$TZ_TMP/missing")
OTHER=$(awk -F, '$4 == "盖州市" { print $2; exit }' "$TZ_TMP/projects.csv")
OTHER_NAME=$(awk -F, '$4 == "盖州市" { print $3; exit }' "$TZ_TMP/projects.csv")
is "three projects of 鲅鱼圈区 have not reported" "$([ -n "$C" ] && echo yes)" yes

# reported CODE: the 2025-12 report of CODE as the store holds it ("" none).
reported() {
	tz --db "$db" export progress --format csv | tr -d '\r' | grep "^$1,2025-12," || true
}
is "A has no 2025-12 report" "$(reported "$A")" ""

ok "serve starts" web_start "$db" --weak-hashes on
is "the reporter signs in" "$(web_login reporter-byq)" 303
is "the coordinator signs in" "$(web_login coordinator)" 303
R="-b $TZ_TMP/jar-reporter-byq"
K="-b $TZ_TMP/jar-coordinator"
RC=$(web_csrf reporter-byq)
KC=$(web_csrf coordinator)

# The form.
is "the form" "$(status "$WEB_URL/report" $R)" 200
contains "…for the open period" "$TZ_TMP/body" "调度期 2025-12"
contains "…with its deadline" "$TZ_TMP/body" "<b>报送截止</b> 2026-01-05 17:00"
contains "…with A's fields" "$TZ_TMP/body" "name=\"c.$A\""
contains "…last month beside the amount" "$TZ_TMP/body" '<small class="prev">上月：'
fails "…nothing of 盖州市" grep -qF "$OTHER_NAME" "$TZ_TMP/body"
ok "every project of the form is 鲅鱼圈区's" python3 - "$TZ_TMP/body" "$TZ_TMP/projects.csv" <<'PY'
import csv, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
region = {r['项目编号']: r['所属地区'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig'))}
codes = re.findall(r'name="c\.([^"]+)"', page)
assert codes, 'no rows'
assert all(region[c] == '鲅鱼圈区' for c in codes), [c for c in codes if region[c] != '鲅鱼圈区']
want = sorted(c for c, r in region.items() if r == '鲅鱼圈区')
assert codes == want, (len(codes), len(want))
PY

# The deadline moved into the past: every first save from now on is late.
is "the coordinator moves the deadline to 2025-12-20" \
	"$(status "$WEB_URL/periods/210800/2025-12/deadline" $K --data-urlencode "_csrf=$KC" \
		--data-urlencode "deadline=2025-12-20T17:00")" 303

# One bad amount among two rows: nothing saved, the message at the field.
post() { # post JAR CSRF [curl args…]: POST the form
	local jar=$1 csrf=$2
	shift 2
	status "$WEB_URL/report" -b "$jar" --data-urlencode "_csrf=$csrf" -d period=2025-12 -d page=1 "$@"
}
is "A good, B with a bad amount: the page again" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$A=123.45" \
		--data-urlencode "s.$A=已开工" --data-urlencode "t.$A=主体施工" \
		--data-urlencode "c.$B=约一亿" --data-urlencode "s.$B=已开工")" 200
contains "…B's message next to its amount" "$TZ_TMP/body" \
	"<p class=\"field-error\" id=\"e-c-$B\" role=\"alert\">本期完成投资“约一亿”不是有效的金额</p>"
contains "…the field marked invalid" "$TZ_TMP/body" "aria-describedby=\"e-c-$B\""
contains "…what was typed is kept" "$TZ_TMP/body" 'value="约一亿"'
contains "…A's amount too" "$TZ_TMP/body" 'value="123.45"'
contains "…nothing saved, it says" "$TZ_TMP/body" "本页没有保存任何数据"
is "…and A has no report in the store" "$(reported "$A")" ""
is "…nor B" "$(reported "$B")" ""
is "a status the list does not know" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$A=1" --data-urlencode "s.$A=快好了")" 200
contains "…is named next to the status" "$TZ_TMP/body" "<p class=\"field-error\" id=\"e-s-$A\""
is "…nothing saved" "$(reported "$A")" ""
# Two bad fields in one row: each has its own message, next to it.
is "a bad amount and a status the list does not know, in one row" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$A=12,3a" --data-urlencode "s.$A=快好了" \
		--data-urlencode "t.$A=主体施工")" 200
ok "…both messages, each next to its field" python3 - "$TZ_TMP/body" "$A" <<'PY'
import re, sys
page, code = open(sys.argv[1], encoding='utf-8').read(), sys.argv[2]
row = re.search(r'<tr id="r-%s" class="has-error">.*?</tr>' % re.escape(code), page, re.S).group(0)
cells = dict(re.findall(r'<td data-label="([^"]+)"[^>]*>(.*?)</td>', row, re.S))
amount, status = cells['本期完成投资(万元)'], cells['开工状态']
assert re.search(r'<input name="c\.%s"[^>]*value="12,3a"[^>]* aria-invalid="true" aria-describedby="e-c-%s">'
                 r'<p class="field-error" id="e-c-%s" role="alert">本期完成投资“12,3a”[^<]+</p>'
                 % ((re.escape(code),) * 3), amount), amount
assert re.search(r'<select name="s\.%s"[^>]* aria-invalid="true" aria-describedby="e-s-%s">.*'
                 r'<option selected>快好了</option></select>'
                 r'<p class="field-error" id="e-s-%s" role="alert">开工状态“快好了”无法识别[^<]+</p>'
                 % ((re.escape(code),) * 3), status), status
assert '本期完成投资“12,3a”' not in status and '快好了”无法识别' not in amount
assert row.count('class="field-error"') == 2, row
assert 'value="12,3a"' in row and '主体施工</textarea>' in row
PY
contains "…the page says nothing was saved" "$TZ_TMP/body" "有 1 个项目的数据有误（说明在该项旁边），本页没有保存任何数据"
is "…and nothing is saved" "$(reported "$A")" ""

# Corrected: both saved, late, A with hostile text.
H='<script>alert("x")</script>'"' OR 1=1;--"
is "corrected: saved, back to the form" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$A=123.45" \
		--data-urlencode "s.$A=已开工" --data-urlencode "t.$A=$H进度" --data-urlencode "q.$A=$H问题" \
		--data-urlencode "c.$B=1.2亿元" --data-urlencode "s.$B=已开工" -D "$TZ_TMP/h")" 303
contains "…with the counts" "$TZ_TMP/h" "added=2&changed=0&late=2"
is "A is in the store" "$(reported "$A" | cut -d, -f1-4)" "$A,2025-12,123.45,已开工"
is "B's 1.2亿元 is 12000 万元" "$(reported "$B" | cut -d, -f3)" "12000.00"
is "the form after the save" "$(status "$WEB_URL/report?period=2025-12&added=2&changed=0&late=2" $R)" 200
contains "…says so" "$TZ_TMP/body" "已保存 2 个项目的调度数据（新报送 2 个，修改 0 个）；其中 2 个在报送截止之后首次报送，记为迟报。"
ok "…marks A 迟报, its text escaped" python3 - "$TZ_TMP/body" "$A" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
row = re.search(r'<tr id="r-%s".*?</tr>' % re.escape(sys.argv[2]), page, re.S).group(0)
assert '<span class="tag late">迟报</span>' in row, row[:400]
assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--进度' in row
assert '<script>alert' not in page
PY
ok "…its counts add up: 应报 = 已报送 + 未报送" python3 - "$TZ_TMP/body" <<'PY'
import re, sys
page = re.sub(r'<[^>]+>', '', open(sys.argv[1], encoding='utf-8').read())
m = re.search(r'共 (\d+) 个项目，本期应报 (\d+) 个；已报送 (\d+) 个（迟报 (\d+) 个），未报送 (\d+) 个', page)
n, expected, reported, late, missing = map(int, m.groups())
assert expected == reported + missing and late <= reported and expected <= n, m.group(0)
PY

# A correction by the coordinator: kept in the history, lateness kept.
is "the coordinator corrects A" \
	"$(post "$TZ_TMP/jar-coordinator" "$KC" --data-urlencode "c.$A=150" --data-urlencode "s.$A=已开工" \
		--data-urlencode "t.$A=$H进度" --data-urlencode "q.$A=$H问题" -D "$TZ_TMP/h")" 303
contains "…one changed, none late" "$TZ_TMP/h" "added=0&changed=1&late=0"
is "A's history" "$(status "$WEB_URL/report/$A/history?period=2025-12" $R)" 200
contains "…first the reporter's" "$TZ_TMP/body" "<td data-label=\"操作人\">鲅鱼圈区填报员</td><td data-label=\"方式\">首次报送</td>"
contains "…then the coordinator's correction" "$TZ_TMP/body" "<td data-label=\"方式\">更正</td>"
contains "…with the old amount kept" "$TZ_TMP/body" "<del>123.45</del> → <ins>150.00</ins>"
contains "…text escaped" "$TZ_TMP/body" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; OR 1=1;--问题"
fails "…never as markup" grep -qF '<script>alert' "$TZ_TMP/body"
is "another county's history is not there" "$(status "$WEB_URL/report/$OTHER/history" $R)" 404
is "the form still marks A 迟报" "$(status "$WEB_URL/report" $R)" 200
ok "…its first save kept" python3 - "$TZ_TMP/body" "$A" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
row = re.search(r'<tr id="r-%s".*?</tr>' % re.escape(sys.argv[2]), page, re.S).group(0)
assert '迟报' in row and '已更正' in row and 'value="150.00"' in row, row[:600]
PY

# Refusals: no CSRF, another county's project, a malformed period.
is "a post without the CSRF token" \
	"$(status "$WEB_URL/report" $R -d period=2025-12 --data-urlencode "c.$A=1" --data-urlencode "s.$A=已开工")" 403
is "…changes nothing" "$(reported "$A" | cut -d, -f3)" "150.00"
is "a post naming 盖州市's project" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$OTHER=1" --data-urlencode "s.$OTHER=已开工")" 404
fails "…does not name it" grep -qF "$OTHER_NAME" "$TZ_TMP/body"
is "…nor saves it" "$(reported "$OTHER")" ""
is "a period that is not one" "$(status "$WEB_URL/report?period=2025-13" $R)" 400
is "the leader may not report" "$(web_login leader)" 303
is "…the form is refused" "$(status "$WEB_URL/report" -b "$TZ_TMP/jar-leader")" 403

# The API: the same save, 422 with every field error, nothing saved.
tz --db "$db" token add reporter-byq >"$TZ_TMP/token" 2>/dev/null
T="Authorization: Bearer $(head -1 "$TZ_TMP/token")"
api_post() {
	status "$WEB_URL/api/v1/reports" -H "$T" -H 'Content-Type: application/json' --data-binary "$1"
}
is "the API: one bad amount, one bad status" \
	"$(api_post "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$C\",\"completed\":\"8\",\"status\":\"已开工\"},{\"code\":\"$A\",\"completed\":\"-5\",\"status\":\"已开工\"},{\"code\":\"$B\",\"completed\":1,\"status\":\"在路上\"}]}")" 422
ok "…lists both, by index and field" python3 - "$TZ_TMP/body" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['status'] == 422 and b['saved'] == 0, b
e = b['errors']
assert [x['index'] for x in e] == [1, 2], e
assert e[0]['field'] == 'completed' and e[0]['label'] == '本期完成投资(万元)' and '负' in e[0]['message'], e
assert e[1]['field'] == 'status', e
PY
is "…and saves nothing" "$(reported "$C")" ""
is "the API: one report with two bad fields" \
	"$(api_post "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$C\",\"completed\":\"12,3a\",\"status\":\"快好了\"}]}")" 422
ok "…lists each field, the report counted once" python3 - "$TZ_TMP/body" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['error'].startswith('1 个报送有误') and b['saved'] == 0, b
e = b['errors']
assert [(x['index'], x['field']) for x in e] == [(0, 'completed'), (0, 'status')], e
assert '12,3a' in e[0]['message'] and '快好了' in e[1]['message'], e
PY
is "…and saves nothing" "$(reported "$C")" ""
is "the API: fixed" \
	"$(api_post "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$C\",\"completed\":8.5,\"status\":\"已开工\",\"progress\":\"<b>x</b>\"}]}")" 200
ok "…saved one, late" python3 - "$TZ_TMP/body" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['saved'] == 1 and b['added'] == 1 and b['late'] == 1 and b['as'] == '填报', b
PY
is "…in the store" "$(reported "$C" | cut -d, -f3,5)" "8.50,<b>x</b>"
is "the API: another county's project" \
	"$(api_post "{\"reports\":[{\"code\":\"$OTHER\",\"completed\":\"1\",\"status\":\"已开工\"}]}")" 404
fails "…not named" grep -qF "$OTHER_NAME" "$TZ_TMP/body"
is "the API: not JSON" "$(api_post "c.$A=1")" 400
is "the API without a token" "$(status "$WEB_URL/api/v1/reports" -d '{}')" 401

# A closed period: the reporter is refused, the coordinator corrects.
is "the coordinator closes 2025-12" \
	"$(status "$WEB_URL/periods/210800/2025-12/close" $K --data-urlencode "_csrf=$KC")" 303
is "the reporter's form is read-only" "$(status "$WEB_URL/report" $R)" 200
contains "…it says why" "$TZ_TMP/body" "调度期 2025-12 已关闭：填报员不能再修改"
contains "…its fields disabled" "$TZ_TMP/body" "name=\"c.$A\" inputmode=\"decimal\" autocomplete=\"off\" value=\"150.00\" aria-label"
fails "…and no save button" grep -qF '保存本页' "$TZ_TMP/body"
is "a reporter's post to the closed period" \
	"$(post "$TZ_TMP/jar-reporter-byq" "$RC" --data-urlencode "c.$A=999" --data-urlencode "s.$A=已开工")" 403
contains "…is refused, saying so" "$TZ_TMP/body" "已关闭"
is "…nothing changed" "$(reported "$A" | cut -d, -f3)" "150.00"
is "…nor through the API" \
	"$(api_post "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$A\",\"completed\":\"999\",\"status\":\"已开工\"}]}")" 403
is "the coordinator's correction of the closed period" \
	"$(post "$TZ_TMP/jar-coordinator" "$KC" --data-urlencode "c.$A=160" --data-urlencode "s.$A=已开工" \
		--data-urlencode "t.$A=$H进度" --data-urlencode "q.$A=$H问题")" 303
is "…is saved" "$(reported "$A" | cut -d, -f3)" "160.00"
is "the audit log has the saves" "$(status "$WEB_URL/audit?action=report.save" $K)" 200
contains "…by the reporter and the coordinator, for the period" "$TZ_TMP/body" '<td data-label="对象"><a href="/ontime?period=2025-12">调度期 2025-12</a></td>'
ok "…four of them, in Chinese, with the codes linked" python3 - "$TZ_TMP/body" "$A" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
assert page.count('<td data-label="操作">调度填报</td>') == 4, page.count('调度填报</td>')
table = page[page.index('<table class="list audit">'):page.index('</table>')]
assert '<li>方式：更正</li>' in table and '<li>方式：填报</li>' in table, table
assert re.search(r'<li>新增 \d+ 个、更正 \d+ 个、未变 \d+ 个、迟报 \d+ 个</li>', table), table
assert '<a href="/projects/%s">%s</a>' % (sys.argv[2], sys.argv[2]) in table
assert '{"' not in table and '{&quot;' not in table and '&quot;:' not in table, table
PY

# The on-time rate: the page, the API and `taizhang period rate` agree.
ok "the command's rate" tz --db "$db" period rate 2025-12
cp "$TZ_TMP/out" "$TZ_TMP/rate.txt"
is "the rate page" "$(status "$WEB_URL/ontime?period=2025-12" $K)" 200
cp "$TZ_TMP/body" "$TZ_TMP/ontime.html"
is "the rate API" "$(status "$WEB_URL/api/v1/ontime?period=2025-12" $K)" 200
ok "…all three agree, node by node" python3 - "$TZ_TMP/rate.txt" "$TZ_TMP/ontime.html" "$TZ_TMP/body" <<'PY'
import html, json, re, sys
cli = open(sys.argv[1], encoding='utf-8').read()
page = html.unescape(re.sub(r'<[^>]+>', ' ', open(sys.argv[2], encoding='utf-8').read()))
page = re.sub(r'\s+', ' ', page)
api = json.load(open(sys.argv[3]))
def pct(x): return '—' if x is None else '%.1f%%' % (round(x * 1000 + 1e-9) / 10)
m = re.search(r'应报 (\d+) 个项目，按时 (\d+)，迟报 (\d+)，未报 (\d+)；按时报送率 (\S+)，报送率 (\S+)', cli)
total = [int(m.group(i)) for i in range(1, 5)]
assert total == [api['expected'], api['on_time'], api['late'], api['missing']], (total, api)
assert m.group(5) == pct(api['ontime_rate']) and m.group(6) == pct(api['report_rate'])
assert '应报 %d 个项目，按时 %d ，迟报 %d ，未报送 %d ；按时报送率 %s ，报送率 %s' % (
    total[0], total[1], total[2], total[3], m.group(5), m.group(6)) in page, page[:2000]
rows = re.findall(r'^\s+(\d+|—)\s+(\S+)\s+按时报送率 (\S+)\s+报送率 (\S+)\s+应报 (\d+)\s+按时 (\d+)\s+迟报 (\d+)\s+未报 (\d+)$', cli, re.M)
nodes = api['regions'] + api['units']
assert len(rows) == len(nodes) and rows, (len(rows), len(nodes))
for row, n in zip(rows, nodes):
    rank, name, ontime, report, exp, on, late, miss = row
    assert name == n['name'], (row, n)
    assert (rank == '—' and n['rank'] is None) or int(rank) == n['rank'], (row, n)
    assert [int(exp), int(on), int(late), int(miss)] == [n['expected'], n['on_time'], n['late'], n['missing']], (row, n)
    assert ontime == pct(n['ontime_rate']) and report == pct(n['report_rate']), (row, n)
    cells = '%s %s %s %s %s %s %s %s' % (rank, name, exp, on, late, miss, ontime, report)
    assert cells in page, cells
missing = re.findall(r'^  (\S+)  (\S+)  ', cli.split('未报送项目')[1], re.M)
assert [c for _, c in missing] == [x['code'] for x in api['not_reported']]
for region, code in missing:
    assert code in page
PY
is "the 未报送 list as XLSX" "$(status "$WEB_URL/ontime.xlsx?period=2025-12" $K -D "$TZ_TMP/h")" 200
contains "…as a download" "$TZ_TMP/h" "attachment"
# A client that ignores filename*= (curl -OJ) still saves an .xlsx.
contains "…whose ASCII name keeps the extension" "$TZ_TMP/h" 'filename="download.xlsx"'
ok "…listing the same projects" python3 - "$TZ_TMP/body" "$TZ_TMP/rate.txt" <<'PY'
import io, re, sys, zipfile
z = zipfile.ZipFile(open(sys.argv[1], 'rb'))
text = ''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))
cli = open(sys.argv[2], encoding='utf-8').read()
codes = re.findall(r'^  \S+  (\S+)  ', cli.split('未报送项目')[1], re.M)
assert codes and all(c in text for c in codes), codes
assert '项目编号' in text and '包联领导' in text
PY
is "the county's coordinator" "$(web_login coordinator-gz)" 303
is "…sees its county's rate" "$(status "$WEB_URL/ontime?period=2025-12" -b "$TZ_TMP/jar-coordinator-gz")" 200
fails "…and nothing of 鲅鱼圈区" grep -qF "鲅鱼圈区" "$TZ_TMP/body"
is "…not the city's" "$(status "$WEB_URL/ontime?period=2025-12&node=210800" -b "$TZ_TMP/jar-coordinator-gz")" 404

ok "a clean stop" web_stop
done_testing
