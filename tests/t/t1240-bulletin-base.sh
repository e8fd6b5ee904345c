#!/bin/bash
# t1240-bulletin-base.sh: the bulletin base (docs/internals/bulletin.md,
# issue 6) is used and stays right whatever writes: after each writer
# (import progress, import projects changing a plan, a report saved
# through the web form and through POST /api/v1/reports, an organisation
# renamed, a period closed and reopened) every bulletin checked here is
# byte for byte the one counted from SQL on a copy of the database
# without the base, and a bulletin counts from the base when its stamp is
# current (the import refreshes it) and from SQL when a write made it
# stale (the next one uses the base again).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"
. "$(dirname "$0")/lib-base.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 300

# used: whether the last bulletin counted from the base (its debug event).
used() { grep -q 'event=bulletin_base_count' "$TZ_TMP/b.err" && echo base || echo sql; }

# bulletin P BY FORMAT: into $TZ_TMP/b.FORMAT, the log in $TZ_TMP/b.err.
bulletin() {
	TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$db" bulletin --period "$1" --by "$2" --format "$3" \
		--out "$TZ_TMP/b.$3" 2>"$TZ_TMP/b.err"
}

# same_as_sql: the periods checked after each writer (lib-base.sh).
same_as_sql() { base_same_as_sql "$db" 2025-12 2025-11 2025-06 2025-01; }

bulletin 2025-12 region json
is "the demo wrote after its import: the first bulletin counts from SQL" "$(used)" sql
bulletin 2025-12 region json
is "…and leaves a base the next one uses" "$(used)" base
ok "every bulletin checked is the one counted from SQL" same_as_sql

# import progress: a corrected amount of 2025-12.
tz --db "$db" export progress --out "$TZ_TMP/progress.csv"
python3 - "$TZ_TMP/progress.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
head, body = rows[0], rows[1:]
p, c = head.index('调度期'), head.index('本期完成投资(万元)') if '本期完成投资(万元)' in head else None
if c is None:
    c = next(i for i, h in enumerate(head) if h.startswith('本期完成投资'))
done = 0
for r in body:
    if r[p] == '2025-12' and done < 3:
        r[c] = str(round(float(r[c] or 0) + 12.34, 2))
        done += 1
csv.writer(open(sys.argv[1], 'w', encoding='utf-8-sig', newline='')).writerows([head] + body)
PY
ok "import progress corrects three reports" tz --db "$db" import progress --confirm-large "$TZ_TMP/progress.csv"
bulletin 2025-12 region json
is "…the import refreshed the base: used" "$(used)" base
ok "…and right" same_as_sql

# import projects: a ledger re-import that changes a plan.
tz --db "$db" export projects --out "$TZ_TMP/projects.csv"
python3 - "$TZ_TMP/projects.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
head, body = rows[0], rows[1:]
a = next(i for i, h in enumerate(head) if h.startswith('年度计划投资'))
for r in body[:5]:
    r[a] = str(round(float(r[a] or 0) / 2 + 1, 2))
csv.writer(open(sys.argv[1], 'w', encoding='utf-8-sig', newline='')).writerows([head] + body)
PY
ok "import projects changes five plans" tz --db "$db" import projects "$TZ_TMP/projects.csv"
bulletin 2025-12 level json
is "…the base is current again: used" "$(used)" base
ok "…and right" same_as_sql

# An organisation renamed (org import merges by code): group keys change.
tz --db "$db" org export --out "$TZ_TMP/org.csv"
sed -i 's/,鲅鱼圈区,/,鲅鱼圈经济区,/' "$TZ_TMP/org.csv"
ok "a county renamed" tz --db "$db" org import "$TZ_TMP/org.csv"
bulletin 2025-12 region json
is "…the stale base is not used" "$(used)" sql
contains "…the bulletin has the new name" "$TZ_TMP/b.json" '"key":"鲅鱼圈经济区"'
bulletin 2025-12 region json
is "…the next bulletin uses the base it left" "$(used)" base
contains "…with the new name" "$TZ_TMP/b.json" '"key":"鲅鱼圈经济区"'
ok "…and right" same_as_sql

# A period closed and reopened.
ok "2025-12 closed" tz --db "$db" period close 2025-12
ok "…and reopened" tz --db "$db" period open 2025-12
ok "…bulletins still right" same_as_sql

# The web form and the API.
tz --db "$db" export progress --out "$TZ_TMP/progress.csv"
tz --db "$db" export projects --out "$TZ_TMP/projects.csv"
A=$(python3 - "$TZ_TMP/projects.csv" "$TZ_TMP/progress.csv" <<'PY'
import csv, sys
proj = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
done = {r['项目编号'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig'))
        if r['调度期'] == '2025-12'}
print([r['项目编号'] for r in proj
       if r['所属地区'] == '鲅鱼圈经济区' and r['项目编号'] not in done][0])
PY
)
ok "serve starts" web_start "$db" --weak-hashes on
is "the reporter signs in" "$(web_login reporter-byq)" 303
is "…saves a report on the form" "$(status "$WEB_URL/report" -b "$TZ_TMP/jar-reporter-byq" \
	--data-urlencode "_csrf=$(web_csrf reporter-byq)" -d period=2025-12 -d page=1 \
	--data-urlencode "c.$A=4321.5" --data-urlencode "s.$A=已开工")" 303
ok "…bulletins right after the form's save" same_as_sql
tz --db "$db" token add reporter-byq >"$TZ_TMP/token" 2>/dev/null
is "…and one through the API" "$(status "$WEB_URL/api/v1/reports" \
	-H "Authorization: Bearer $(head -1 "$TZ_TMP/token")" -H 'Content-Type: application/json' \
	--data-binary "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$A\",\"completed\":\"99.5\",\"status\":\"已开工\"}]}")" 200
bulletin 2025-12 region json
is "…the stale base is not used" "$(used)" sql
ok "…bulletins right after the API's save" same_as_sql
is "the web bulletin API answers" "$(status "$WEB_URL/api/v1/bulletin?period=2025-12" \
	-H "Authorization: Bearer $(head -1 "$TZ_TMP/token")")" 200
ok "…with the reporter's county only, as counted from SQL" python3 - "$TZ_TMP/body" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert [g['key'] for g in b['groups']] == ['鲅鱼圈经济区'], b['groups']
PY
web_stop

done_testing
