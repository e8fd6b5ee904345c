#!/bin/bash
# t3200-web-dashboard.sh: the dashboard (工作台) against the command line:
# its figures are `taizhang bulletin --format json`'s and `taizhang period
# lights`'s for the same view and period (the city for its coordinator, a
# county for the county's); it is served from memory until a save or an
# import changes the data (X-Taizhang-Cache: hit, then miss after the
# change, with the changed figure); a period nobody reported shows the
# bulletin's refusal, not zeros; 资金到位率 and 按期竣工率 say 暂无数据.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 400
cp "$TZ_TMP/out" "$TZ_TMP/demo.txt"
ok "serve starts" web_start "$db" --weak-hashes on
tz --db "$db" token add coordinator >"$TZ_TMP/tok" 2>/dev/null
tz --db "$db" token add coordinator-gz >"$TZ_TMP/tok-gz" 2>/dev/null

T32LIB=$(dirname "$0") python3 - "$WEB_URL" "$tz_n" "$db" "$TZ_TMP" <<'PY'
import json, os, re, sys, csv
sys.path.insert(0, os.environ['T32LIB'])
from t32lib import *

url, first, db, tmp = sys.argv[1:5]
setup(url, first)
coord = Token(open(tmp + '/tok').read().split()[0])
gz = Token(open(tmp + '/tok-gz').read().split()[0])

# The city: the dashboard's totals are the bulletin's, to the digit.
cli = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))
period = cli['period']
r = coord.get('/api/v1/dashboard')
eq('GET /api/v1/dashboard', r.status, 200)
d = r.json()
eq('of the latest period reported', d['period'], period)
eq('the city sees the city', d['view']['all'], True)
for k in ['projects', 'total_investment', 'annual_plan', 'ytd_completed', 'completion_rate',
          'started', 'start_rate', 'reported', 'not_reported', 'ytd_completed_unplanned']:
    eq('%s is the bulletin\'s' % k, d['totals'][k], cli['totals'][k])
eq('lagging is the bulletin\'s count', d['totals']['lagging'], len(cli['lagging']))
eq('the schedule is the bulletin\'s', d['schedule'], cli['schedule'])
eq('the ranking is the bulletin\'s groups, in order',
   [(g['key'], g['rank'], g['rank_change'], g['completion_rate']) for g in d['ranking']],
   [(g['key'], g['rank'], g['rank_change'], g['completion_rate']) for g in cli['groups']])
eq('the lights are `period lights`\'s', d['lights'], cli_lights(db, period))
eq('资金到位率 has no data', d['funds_rate'], None)
eq('按期竣工率 has no data', d['on_time_completion_rate'], None)
check('and the reason is given', '到位资金' in d['missing_note'] and '建设起止年限' in d['missing_note'])

# The seeds' sentences, as the demo itself counted them when it was made.
demo = open(tmp + '/demo.txt', encoding='utf-8').read()
m = re.search(r'问题清单 \d+ 个：(\d+个项目需国家、省市解决问题\d+个，已解决\d+个)', demo)
eq('problems in the seeds\' words, as the demo counted them', d['problems']['sentence'], m.group(1))
m = re.search(r'1-(\d+)月取得立项、备案、施工许可证等手续(\d+)个', demo)
eq('procedures likewise', d['procedures']['sentence'],
   '1-%s月，取得立项、备案、施工许可证等手续%s个' % (m.group(1), m.group(2)))
check('an open period is named', d['open_period'] and d['open_period']['period'] == period,
      d['open_period'])

# The page says the same.
u = User('coordinator')
page = u.get('/')
eq('the start page is the dashboard', page.status, 200)
h = page.text
def figure(k):
    m = re.search(r'data-k="%s"><span class="k">[^<]*</span><b class="v[^"]*">([^<]*)</b>' % k, h)
    return m.group(1) if m else None
eq('the page shows the projects', figure('projects'), str(cli['totals']['projects']))
eq('the page shows the completion rate as the bulletin rounds it',
   figure('completion_rate'), re.search(r'占年度计划的([\d.]+%)', d['summary']).group(1))
eq('the page shows 未报送', figure('not_reported'), str(cli['totals']['not_reported']))
eq('资金到位率 暂无数据 on the page', figure('funds_rate'), '暂无数据')
eq('按期竣工率 暂无数据 on the page', figure('on_time_completion_rate'), '暂无数据')
check('the opening paragraph is the bulletin\'s', d['summary'].split('\n')[0] in h)
check('a chart of completion against the schedule', 'data-chart="' in h and 'ranking' in h)
check('ECharts is loaded from this server', '/static/echarts.min.js' in h)

# From memory until the data changes.
r1 = coord.get('/api/v1/dashboard')
eq('asked again: from memory', r1.header('X-Taizhang-Cache'), 'hit')
eq('…the same bytes', r1.data, r.data)
eq('the page too', u.get('/').header('X-Taizhang-Cache'), 'hit')

# A report imported for one project changes the data: computed again.
code = json.loads(coord.get('/api/v1/projects?per_page=1&status=已开工').data)['projects'][0]['code']
with open(tmp + '/one.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题'])
    w.writerow([code, period, '12345.67', '已开工', '主体施工', ''])
tz('--db', db, 'import', 'progress', tmp + '/one.csv')
r2 = coord.get('/api/v1/dashboard')
eq('after an import: computed again', r2.header('X-Taizhang-Cache'), 'miss')
cli2 = json.loads(tz('--db', db, 'bulletin', '--format', 'json'))
check('the figure changed', r2.json()['totals']['ytd_completed'] != d['totals']['ytd_completed'],
      r2.json()['totals']['ytd_completed'])
eq('…to the bulletin\'s new figure', r2.json()['totals']['ytd_completed'], cli2['totals']['ytd_completed'])
before = figure('ytd_completed')
page2 = u.get('/')
h = page2.text
check('the page, computed with the JSON, shows the new figure', figure('ytd_completed') != before,
      (before, figure('ytd_completed')))
eq('…and is kept', u.get('/').header('X-Taizhang-Cache'), 'hit')

# A county's coordinator: the county's figures, the city's ranking.
g = gz.get('/api/v1/dashboard').json()
grp = [x for x in cli2['groups'] if x['key'] == '盖州市'][0]
eq('a county sees the county', g['view']['label'], '盖州市')
for k in ['projects', 'total_investment', 'annual_plan', 'ytd_completed', 'completion_rate',
          'started', 'start_rate', 'reported', 'not_reported']:
    eq('the county\'s %s is its bulletin group\'s' % k, g['totals'][k], grp[k])
eq('its lights are `period lights --node 盖州市`\'s', g['lights'], cli_lights(db, period, '盖州市'))
eq('its ranking is the city\'s', [x['key'] for x in g['ranking']], [x['key'] for x in cli2['groups']])
eq('with its own region marked', [x['key'] for x in g['ranking'] if x['in_view']], ['盖州市'])
check('its paragraph names the county, not the city', g['summary'].startswith('1-') and
      '盖州市%d个重点项目' % grp['projects'] in g['summary'] and '全市' not in g['summary'], g['summary'])
eq('county and city views are kept apart', gz.get('/api/v1/dashboard').header('X-Taizhang-Cache'), 'hit')

# Another period: the bulletin of that period.
cli6 = json.loads(tz('--db', db, 'bulletin', '--format', 'json', '--period', period[:5] + '06'))
d6 = coord.get('/api/v1/dashboard?period=' + period[:5] + '06').json()
eq('?period=: that period\'s figures', d6['totals']['ytd_completed'], cli6['totals']['ytd_completed'])
eq('…and its lights', d6['lights'], cli_lights(db, period[:5] + '06'))

# A period nobody reported: the refusal, not zeros.
r = coord.get('/api/v1/dashboard?period=2019-06')
eq('a period nobody reported answers', r.status, 200)
check('…with the bulletin\'s refusal and no totals',
      r.json()['totals'] is None and '不能生成通报' in r.json()['refusal'], r.json()['refusal'])
p = u.get('/?period=2019-06').text
check('the page says so', '不能生成通报' in p and 'data-k="projects"' not in p)
eq('a malformed period is refused', u.get('/?period=2025-13').status, 400)
eq('…by the API too', coord.get('/api/v1/dashboard?period=x').status, 400)

# A leader at 390 px reads it: no sideways table (checked in a browser by
# t0321); here: its view is its 包联 projects.
ld = User('leader').get('/').text
check('a leader\'s dashboard names its 包联 view', '孙振宇同志包联' in ld)
finish()
PY
is "the checks ran to their end" "$?" 0
ok "a clean stop" web_stop
done_testing
