#!/bin/bash
# t3240-web-bulletin.sh: the bulletin page (通报) and its files: any period
# and grouping; the city's coordinator downloads exactly what `taizhang
# bulletin` writes (JSON byte for byte, a valid XLSX workbook, a PDF, CSV),
# under a Chinese file name (RFC 5987); a county's coordinator gets its
# county's bulletin, named so and listing only its projects; a period
# nobody reported is refused with the bulletin's message; files are kept
# in memory until the data changes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 300
ok "serve starts" web_start "$db" --weak-hashes on

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import io, json, os, re, sys, zipfile, urllib.parse
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
coord, gz, rep = User('coordinator'), User('coordinator-gz'), User('reporter-byq')
cli = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))
period = cli['period']

p = coord.get('/bulletin')
eq('the bulletin page', p.status, 200)
t = text_of_html(p.text)
check('with its title and opening paragraph', '重点项目建设情况通报（按所属地区）' in t and
      ('全市%d个重点项目' % cli['totals']['projects']) in t)
check('every region of the bulletin', all(g['key'] in t for g in cli['groups']))
for by in ['category', 'level', 'leader', 'unit']:
    r = coord.get('/bulletin?by=' + by + '&period=' + period)
    check('grouped by %s' % by, r.status == 200 and '（按%s）' % {'category': '项目类别', 'level': '项目级别',
          'leader': '包联领导', 'unit': '责任单位'}[by] in r.text)
eq('an unknown grouping is refused', coord.get('/bulletin?by=color').status, 400)
check('the page links its files', all('format=%s' % f in p.text for f in ['xlsx', 'pdf', 'csv', 'json']))

def export(user, fmt, extra=''):
    return user.get('/bulletin/export?period=%s&format=%s%s' % (period, fmt, extra))

j = export(coord, 'json')
eq('the JSON file is `taizhang bulletin --format json`, byte for byte', j.data,
   tz('--db', db, 'bulletin', '--format', 'json', '--period', period).encode())
x = export(coord, 'xlsx')
eq('XLSX: its type', x.header('Content-Type'),
   'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
try:
    z = zipfile.ZipFile(io.BytesIO(x.data))
    ok_zip = z.testzip() is None and 'xl/workbook.xml' in z.namelist()
    xml = b''.join(z.read(n) for n in z.namelist() if n.endswith('.xml')).decode('utf-8', 'replace')
except zipfile.BadZipFile:
    ok_zip, xml = False, ''
check('XLSX: a valid workbook', ok_zip)
check('XLSX: the bulletin in it', cli['groups'][0]['key'] in xml and '投资完成率' in xml)
cd = x.header('Content-Disposition') or ''
check('a download with an ASCII name', cd.startswith('attachment; filename="bulletin-%s-region.xlsx"' % period), cd)
m = re.search(r"filename\*=UTF-8''(\S+)", cd)
eq('…and the Chinese one (RFC 5987)', urllib.parse.unquote(m.group(1)) if m else None,
   '%s年1-%d月重点项目建设情况通报（按所属地区）.xlsx' % (period[:4], int(period[5:])))
pdf = export(coord, 'pdf')
check('PDF: a PDF', pdf.header('Content-Type') == 'application/pdf' and pdf.data.startswith(b'%PDF-')
      and b'%%EOF' in pdf.data[-64:])
csvf = export(coord, 'csv')
check('CSV: text with the bulletin\'s header', csvf.status == 200 and '投资完成率' in csvf.text and
      cli['groups'][0]['key'] in csvf.text)
eq('HTML: a standalone page', export(coord, 'html').text.startswith('<!DOCTYPE html>') or
   export(coord, 'html').text.lower().startswith('<!doctype html>'), True)
eq('an unknown format is refused', export(coord, 'docx').status, 400)
eq('files are kept in memory', export(coord, 'xlsx').header('X-Taizhang-Cache'), 'hit')
eq('…the same bytes', export(coord, 'xlsx').data, x.data)

# A county's coordinator: its county's bulletin, named so.
grp = [g for g in cli['groups'] if g['key'] == '盖州市'][0]
gj = export(gz, 'json').json()
eq('the county\'s totals are its group\'s in the city\'s bulletin',
   (gj['totals']['projects'], gj['totals']['ytd_completed'], gj['totals']['completion_rate']),
   (grp['projects'], grp['ytd_completed'], grp['completion_rate']))
eq('…and list only its projects', set(l['region'] for l in gj['lagging'] + gj['not_reported']), {'盖州市'})
gp = text_of_html(gz.get('/bulletin').text)
check('its page says 盖州市, not 全市', ('盖州市%d个重点项目' % grp['projects']) in gp and '全市' not in gp.split('说明')[0].split('下载')[1])
gx = export(gz, 'xlsx')
gxml = b''.join(zipfile.ZipFile(io.BytesIO(gx.data)).read(n) for n in zipfile.ZipFile(io.BytesIO(gx.data)).namelist()
                if n.endswith('.xml')).decode('utf-8', 'replace')
check('its XLSX says 盖州市投资完成率 and lists no other county\'s lagging project',
      '盖州市投资完成率' in gxml and all(l['name'] not in gxml for l in cli['lagging']
                                        if l['region'] != '盖州市' and
                                        l['name'] not in [y['name'] for y in gj['lagging']]))
m = re.search(r"filename\*=UTF-8''(\S+)", gx.header('Content-Disposition'))
check('its file name starts with 盖州市', urllib.parse.unquote(m.group(1)).startswith('盖州市'))
rj = export(rep, 'json').json()
eq('a district reporter downloads its district\'s', rj['totals']['projects'],
   [g for g in cli['groups'] if g['key'] == '鲅鱼圈区'][0]['projects'])

# A period nobody reported: refused with the bulletin's words.
r = coord.get('/bulletin?period=2019-03')
check('the page shows the refusal, not a table of zeros', r.status == 200 and '不能生成通报' in r.text
      and 'class="list bulletin"' not in r.text)
r = coord.get('/bulletin/export?period=2019-03&format=xlsx')
check('the file is refused with the reason', r.status == 404 and '不能生成通报' in r.text)
eq('a malformed period is refused', coord.get('/bulletin?period=2019-3x').status, 400)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
