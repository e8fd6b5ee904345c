#!/bin/bash
# t1241-bulletin-base-chunks.sh: the import's refresh of the bulletin base
# reads the year's project_year rows in chunks of 4,096 ledger records,
# with two connections (docs/internals/bulletin.md "Who builds it"). With
# 9,000 projects (three chunks), problems in several months (texts looked
# up in progress) on both sides of each chunk boundary, ledger projects
# without any report, statuses carried over from the year before, and
# projects of 2024 that are not in 2025's ledger, the base the import
# builds gives every bulletin and `missing` checked here byte for byte as
# counted from SQL on a copy of the database without the base. A later
# correction of a few amounts rewrites only the part that changed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-base.sh"

db="$TZ_TMP/chunks.db"
python3 - "$TZ_TMP" <<'PY'
import csv, sys
d = sys.argv[1]
head = ['年度', '项目编号', '项目名称', '所属地区', '项目类别', '项目级别', '包联领导', '责任单位',
        '总投资(万元)', '年度计划投资(万元)', '计划开工时间']
regions = ['甲区', '乙区', '丙县']
rows = []
for i in range(1, 9201):
    code = 'C%05d' % i
    row = [code, '项目%d' % i, regions[i % 3], ['工业', '基础设施', '民生'][i % 3 == 0],
           ['市重点', '省重点'][i % 2], '领导%d' % (i % 7), '市工信局', '2000', '',
           '2025-%02d' % (1 + i % 12)]
    if i <= 9000:                       # 2025's ledger: the first 9,000
        r = ['2025'] + row
        r[9] = '' if i % 11 == 0 else str(100 + i % 50)   # some without a plan
        rows.append(r)
    if i % 5 == 0 or i > 9000:          # 2024's ledger: a fifth, and 200 dropped in 2025
        r = ['2024'] + row
        r[9] = '50'
        r[10] = '2024-03'
        rows.append(r)
with open(d + '/projects.csv', 'w', encoding='utf-8', newline='') as f:
    csv.writer(f).writerows([head] + rows)
ph = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题']
prog = []
for i in range(1, 9201):
    code = 'C%05d' % i
    if i % 5 == 0 or i > 9000:
        prog.append([code, '2024-06', '10', '已开工', '施工', ''])
        if i % 15 == 0:
            prog.append([code, '2024-12', '5', '已竣工', '完工', ''])
    if i > 9000 or i % 13 == 0:
        continue                        # no report in 2025
    near = any(abs(i - b) < 40 for b in (4096, 8192))
    for m in range(1, 13):
        if (i + m) % 4 == 0 and not near:
            continue
        problem = ''
        if near or (i + m) % 9 == 0:
            problem = '问题%d-%d' % (i, m)
        amount = '1' if near else str((i * m) % 37)   # those by a boundary lag
        prog.append([code, '2025-%02d' % m, amount, '已开工', '施工', problem])
with open(d + '/progress.csv', 'w', encoding='utf-8', newline='') as f:
    csv.writer(f).writerows([ph] + prog)
PY
ok "a ledger of 9,000 projects in 2025" tz --db "$db" init
ok "…imported" tz --db "$db" import projects "$TZ_TMP/projects.csv"
TZ_LOG_LEVEL=info "$TZ_BIN" --db "$db" import progress --confirm-large "$TZ_TMP/progress.csv" \
	>/dev/null 2>"$TZ_TMP/imp.err"
is "import progress succeeds" "$?" 0
ok "…and builds the base of 2025 for its 9,000 projects" \
	grep -q 'event=bulletin_base year=2025 projects=9000 rc=0' "$TZ_TMP/imp.err"

# same_as_sql: every bulletin checked counts from the base and equals the
# one counted from SQL on a copy of the database without the base.
same_as_sql() {
	base_same_as_sql "$db" 2025-12 2025-07 2025-02 2025-01 || return 1
	[ "$base_used" = 40 ] || { echo "from the base: $base_used of 40"; return 1; }
}
ok "every bulletin counts from the base, the same as from SQL" same_as_sql

# The problem texts of both sides of a chunk boundary reach the lists.
TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$db" bulletin --period 2025-12 --out "$TZ_TMP/b.json" 2>/dev/null
for i in 4094 4097 8191 8193; do
	grep -q "\"问题$i-12\"" "$TZ_TMP/b.json" || bad="$bad $i"
done
is "lagging projects by a boundary keep their latest problems" "${bad:-none}" none

# A correction of three amounts of 2025-12: only month 12's running
# totals change, so the refresh restamps the other 13 parts (their bytes
# compared in its write transaction) and rewrites that one.
python3 - "$TZ_TMP" <<'PY'
import csv, sys
d = sys.argv[1]
rows = list(csv.reader(open(d + '/progress.csv', encoding='utf-8')))
fix = [r for r in rows[1:] if r[1] == '2025-12' and not r[5]][:3]
for r in fix:
    r[2] = str(int(r[2]) + 3)
csv.writer(open(d + '/fix.csv', 'w', encoding='utf-8', newline='')).writerows([rows[0]] + fix)
PY
TZ_LOG_LEVEL=debug "$TZ_BIN" --db "$db" import progress "$TZ_TMP/fix.csv" >/dev/null 2>"$TZ_TMP/imp.err"
is "a correction of three reports of 2025-12" "$?" 0
ok "…restamps 13 unchanged parts of the base and rewrites one" \
	grep -q 'event=bulletin_base_build.* kept=13 ' "$TZ_TMP/imp.err"
ok "…and every bulletin is still the one counted from SQL" same_as_sql
done_testing
