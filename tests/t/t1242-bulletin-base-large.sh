#!/bin/bash
# t1242-bulletin-base-large.sh: a year whose bulletin base holds more
# than 16 MB of text (1,000 projects, twelve months, each with a
# 存在问题 of 480 characters: about 17 MB) is still packed and used. With
# the strings capped at tz_buf's default 16 MB, a year of a million
# projects (bench/README.md, "End of the ninth session") was
# "unpackable": its bulletins counted from SQL, each after a failed build.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-base.sh"

db="$TZ_TMP/large.db"
python3 - "$TZ_TMP" <<'PY'
import csv, sys
d = sys.argv[1]
head = ['年度', '项目编号', '项目名称', '所属地区', '项目类别', '项目级别', '包联领导', '责任单位',
        '总投资(万元)', '年度计划投资(万元)', '计划开工时间']
rows = [['2025', 'L%04d' % i, '项目%d' % i, ['甲区', '乙区'][i % 2], '工业', '市重点',
         '领导%d' % (i % 5), '市工信局', '24000', '12000', '2025-01'] for i in range(1, 1001)]
with open(d + '/projects.csv', 'w', encoding='utf-8', newline='') as f:
    csv.writer(f).writerows([head] + rows)
ph = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题']
prog = []
for i in range(1, 1001):
    for m in range(1, 13):
        problem = ('第%d月问题' % m + '征地拆迁协调' * 80)[:480]
        prog.append(['L%04d' % i, '2025-%02d' % m, str(100 + (i * m) % 900), '已开工', '施工',
                     problem])
with open(d + '/progress.csv', 'w', encoding='utf-8', newline='') as f:
    csv.writer(f).writerows([ph] + prog)
PY
ok "a ledger of 1,000 projects" tz --db "$db" init
ok "…imported" tz --db "$db" import projects "$TZ_TMP/projects.csv"
TZ_LOG_LEVEL=info "$TZ_BIN" --db "$db" import progress "$TZ_TMP/progress.csv" \
	>/dev/null 2>"$TZ_TMP/imp.err"
is "twelve months of reports with long problems" "$?" 0
ok "…and the base of 2025 is built" grep -q 'event=bulletin_base year=2025 projects=1000 rc=0' \
	"$TZ_TMP/imp.err"
is "…not skipped as unpackable" "$(grep -c 'skipped=unpackable' "$TZ_TMP/imp.err")" 0
ok "every bulletin checked equals the one counted from SQL" base_same_as_sql "$db" 2025-12 2025-06
is "…and all 20 counted from the base" "$base_used" 20
done_testing
