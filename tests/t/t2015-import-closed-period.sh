#!/bin/bash
# t2015-import-closed-period.sh: an import that adds or corrects reports
# of a closed 调度期 is allowed -- after closing, corrections go through
# the coordinator and stay in the history (web.md "Periods, deadlines,
# on-time rate") -- but the summary says so, with the count and the
# period. Found by the audit of 2026-11-30 (it said nothing). A county's
# own open dispatch under a closed city one governs its projects.
. "$(dirname "$0")/lib.sh"

ok "demo" tz demo --projects 200 --months 12
ok "the demo's November is closed" tz period list
contains "closed" "$TZ_TMP/out" "2025-11  营口市  已关闭"

tz export progress >"$TZ_TMP/all.csv"
head -n 1 "$TZ_TMP/all.csv" >"$TZ_TMP/nov.csv"
grep ',2025-11,' "$TZ_TMP/all.csv" | head -n 3 >>"$TZ_TMP/nov.csv"
cp "$TZ_TMP/nov.csv" "$TZ_TMP/nov-same.csv"
# Correct the amounts of the three reports.
python3 - "$TZ_TMP/nov.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
for r in rows[1:]:
    r[2] = '%.2f' % (float(r[2]) + 1)
csv.writer(open(sys.argv[1], 'w', encoding='utf-8', newline='')).writerows(rows)
PY

ok "the same reports again" tz import progress "$TZ_TMP/nov-same.csv"
not_contains() { ! grep -q "$2" "$1"; }
ok "unchanged: nothing said of the closed period" not_contains "$TZ_TMP/err" "已关闭的调度期"
ok "corrections of a closed period are imported" tz import progress "$TZ_TMP/nov.csv"
contains "and the summary says so, with the count and the period" "$TZ_TMP/err" \
	"注意：其中3条报送属于已关闭的调度期（如2025-11），已作为协调员的更正写入，并记入修改记录"

head -n 1 "$TZ_TMP/all.csv" >"$TZ_TMP/dec.csv"
grep ',2025-12,' "$TZ_TMP/all.csv" | head -n 2 | sed 's/,\([0-9]*\)\.\([0-9]*\),/,\1.9\2,/' >>"$TZ_TMP/dec.csv"
ok "corrections of the open December" tz import progress "$TZ_TMP/dec.csv"
contains "are corrections" "$TZ_TMP/err" "更正2"
ok "say nothing of a closed period" not_contains "$TZ_TMP/err" "已关闭的调度期"

# December closed for the city, open for 盖州市's own dispatch: only the
# reports of projects outside 盖州市 are in a closed period.
ok "close December" tz period close 2025-12
ok "盖州市 runs its own December" tz period open 2025-12 --node 盖州市 --deadline 2026-01-20
ok "the codes of two projects, one of 盖州市" python3 - "$TAIZHANG_DB" "$TZ_TMP/two.csv" "$TZ_TMP/all.csv" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
gz = {c for (c,) in db.execute("SELECT p.code FROM project p JOIN org o ON o.id = p.region_id"
                                " WHERE o.name = '盖州市'")}
rows = list(csv.reader(open(sys.argv[3], encoding='utf-8-sig')))
dec = [r for r in rows[1:] if r[1] == '2025-12']
out = [rows[0], next(r for r in dec if r[0] in gz), next(r for r in dec if r[0] not in gz)]
for r in out[1:]:
    r[2] = '%.2f' % (float(r[2]) + 7)
csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline='')).writerows(out)
PY
ok "both corrected" tz import progress "$TZ_TMP/two.csv"
contains "one in a closed period: the one outside 盖州市" "$TZ_TMP/err" \
	"注意：其中1条报送属于已关闭的调度期（如2025-12）"

done_testing
