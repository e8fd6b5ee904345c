#!/bin/bash
# t3210-web-lights.sh: 亮灯 through the pages and the API against
# `taizhang period lights`: the counts of the city and of a district's
# reporter, the red and yellow projects with the rule that lit each, the
# light filter and column of the project list, a project page's light,
# and the rule shown; bad filters refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator >"$TZ_TMP/tok" 2>/dev/null
tz --db "$db" token add reporter-byq >"$TZ_TMP/tok-byq" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import json, os, re, sys
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
coord = Token(open(tmp + '/tok').read().split()[0])
byq = Token(open(tmp + '/tok-byq').read().split()[0])
period = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))['period']
cli = cli_lights(db, period)

r = coord.get('/api/v1/lights?per_page=1000')
eq('GET /api/v1/lights', r.status, 200)
L = r.json()
eq('the city\'s counts are `period lights`\'s', L['counts'], cli)
eq('red and yellow by default, all of them', L['total'], cli['red'] + cli['yellow'])
check('worst first: every red before every yellow',
      [p['light'] for p in L['projects']] == sorted([p['light'] for p in L['projects']],
                                                     key=lambda x: x != 'red'))

# The listed projects and their rules are the command's --list.
listed = {}
for line in tz('--db', db, 'period', 'lights', period, '--list').splitlines():
    m = re.match(r'\s+(红灯|黄灯)\s+(\S+)\s+\S+\s+\S+\s+(.+)$', line)
    if m:
        listed[m.group(2)] = ('red' if m.group(1) == '红灯' else 'yellow', m.group(3))
eq('the same projects as `period lights --list`', sorted(p['code'] for p in L['projects']),
   sorted(listed))
bad = [p['code'] for p in L['projects'] if (p['light'], p['rule']) != listed.get(p['code'])]
eq('each with the same light and the same rule', bad, [])
check('a red progress light says why', any(p['light'] == 'red' and '超过30个百分点' in p['rule']
                                           for p in L['projects']))

red = coord.get('/api/v1/lights?light=red&per_page=1000').json()
eq('light=red: the red ones', (red['total'], set(p['light'] for p in red['projects'])),
   (cli['red'], {'red'}))
green = coord.get('/api/v1/lights?light=green&per_page=7&page=2').json()
eq('light=green, paged', (green['total'], len(green['projects'])), (cli['green'], 7))
eq('an unknown light is refused', coord.get('/api/v1/lights?light=blue').status, 400)
eq('lights are kept in memory', coord.get('/api/v1/lights').header('X-Taizhang-Cache'), 'hit')

# A district's reporter: the district's counts, only its projects.
b = byq.get('/api/v1/lights?per_page=1000').json()
eq('a district\'s counts are `--node 鲅鱼圈区`\'s', b['counts'], cli_lights(db, period, '鲅鱼圈区'))
eq('only its projects', set(p['region'] for p in b['projects']), {'鲅鱼圈区'})

# The project list: the light filter and column, page and API alike.
u = User('coordinator')
p = coord.get('/api/v1/projects?light=red&per_page=500').json()
eq('the project list filtered by light=red', (p['total'], set(x['light'] for x in p['projects'])),
   (cli['red'], {'red'}))
eq('…the same projects as the lights', sorted(x['code'] for x in p['projects']),
   sorted(x['code'] for x in red['projects']))
p2 = coord.get('/api/v1/projects?light=yellow&per_page=20&page=2').json()
eq('yellow, second page', (p2['total'], len(p2['projects'])), (cli['yellow'], 20))
allp = coord.get('/api/v1/projects?per_page=500').json()
eq('every listed project has its light', sum(1 for x in allp['projects'] if x['light']), allp['total'])
page = u.get('/projects?light=red&per_page=500').text
eq('the page lists the red ones', len(re.findall(r'<td data-label="亮灯"><span class="light red">', page)),
   cli['red'])
check('and counts them', '共 <b>%d</b> 个项目' % cli['red'] in page)
eq('an unknown light is refused on the page', u.get('/projects?light=x').status, 400)

# A project's page: its light and the rule.
one = red['projects'][0]
pp = u.get('/projects/' + one['code']).text
check('a red project\'s page shows 红灯 and its rule',
      '<span class="light red">红灯</span>' in pp and one['rule'] in text_of_html(pp))

# The page of lights: the rule, the counts per region, the list.
lp = u.get('/lights').text
check('the page shows the rule', '超过30个百分点为红灯' in lp and '三个月' in lp)
m = re.search(r'<tr class="total" data-node="">(.*?)</tr>', lp)
cells = re.findall(r'data-light="(\w+)"><a [^>]*>(\d+)</a>', m.group(1))
eq('its 合计 row is the city\'s counts', {k: int(v) for k, v in cells}, cli)
m = re.search(r'<tr data-node="210804">(.*?)</tr>', lp)
cells = re.findall(r'data-light="(\w+)"><a [^>]*>(\d+)</a>', m.group(1))
eq('鲅鱼圈区\'s row is `--node 鲅鱼圈区`\'s', {k: int(v) for k, v in cells}, b['counts'])
eq('filtered by region', u.get('/lights?region=210804&light=red').text.count('data-light="red"><td'),
   b['counts']['red'])
check('the district reporter\'s page names no other district\'s project',
      all(x['name'] not in User('reporter-byq').get('/lights?per_page=1000').text
          for x in red['projects'] if x['region'] != '鲅鱼圈区' and
          x['name'] not in [y['name'] for y in b['projects']]))
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
