#!/bin/bash
# t1802-national-code.sh: the national 项目代码 (投资项目统一代码,
# YYYY-NNNNNN-NN-NN-NNNNNN). Beside a 项目编号 it is the project's second
# key: stored, exported, and matched — a later list keyed only by 项目代码
# corrects the project, a report keyed by it books on it; two projects
# never share one; a changed one is listed (W14). Under a 项目代码 header a
# cell holding exactly one code written otherwise (`…（备案）`, `项目代码：…`,
# no dashes, `/ . _`) is that code, with a notice; two codes or a wrong
# shape are refused naming line and field (W13). Audit 9 (2026-12-01);
# inputs in tests/data/audit9-natcode (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/audit9-natcode

rows() { ledger_rows code; }
# natcodes: "编号=项目代码" of every stored project, sorted.
natcodes() {
	export_all
	python3 - "$TZ_TMP/export.csv" <<'PY'
import csv, sys
print(" ".join(sorted(r["项目编号"] + "=" + r.get("项目代码", "(none)")
		      for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))
PY
}
# sql STATEMENT: run on the test database (an older version's schema).
sql() {
	python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
		"$TAIZHANG_DB" "$1"
}

both='P1|甲项目|甲县|1000.00|100.00 P2|乙项目|甲县|2000.00|200.00'
nat='P1=2020-210800-48-01-012345 P2=2020-210800-48-01-012346'

# --- W14: 项目代码 beside 项目编号 is kept ----------------------------

fresh
ok "code-both" tz import projects --year 2025 "$d/code-both.csv"
is "code-both: 项目代码 not unread" "$(grep -c 未识别 "$TZ_TMP/err")" 0
is "code-both: stored under 项目编号" "$(rows)" "$both"
is "code-both: 项目代码 stored and exported" "$(natcodes)" "$nat"
ok "a list keyed by 项目代码 only (序号 + 项目代码)" \
	tz import projects --year 2025 "$d/code-both-corr.csv"
contains "corr: a correction of P1" "$TZ_TMP/err" "（新增0，更正1，未变0）"
contains "corr: said" "$TZ_TMP/err" "1行按项目代码对应到已有项目的项目编号"
is "corr: P1 corrected, nothing added" "$(rows)" \
	'P1|甲项目|甲县|1500.00|100.00 P2|乙项目|甲县|2000.00|200.00'
is "corr: codes kept" "$(natcodes)" "$nat"
ok "a report keyed by 项目代码" tz import progress "$d/code-both-p.csv"
contains "report: booked" "$TZ_TMP/err" "导入1行（新增1"
ok "a report keyed by 项目代码 written with dots" tz import progress "$d/code-both-p-dot.csv"
tz export progress --out "$TZ_TMP/export.csv"
is "reports: booked on P1 and P2" \
	"$(tail -n +2 "$TZ_TMP/export.csv" | cut -d, -f1-3 | sort | tr '\n' ' ')" \
	'P1,2025-10,900.00 P2,2025-10,50.00 '

# The export reads back unchanged, CSV and XLSX.
tz export projects --out "$TZ_TMP/round.csv"
ok "round trip CSV" tz import projects "$TZ_TMP/round.csv"
contains "round trip CSV: unchanged" "$TZ_TMP/err" "（新增0，更正0，未变2）"
tz export projects --format xlsx --out "$TZ_TMP/round.xlsx"
ok "round trip XLSX" tz import projects "$TZ_TMP/round.xlsx"
contains "round trip XLSX: unchanged" "$TZ_TMP/err" "（新增0，更正0，未变2）"

# A list without the column, or with empty cells, keeps the codes.
ok "a list without 项目代码" tz import projects --year 2025 "$d/nat-none.csv"
ok "empty and 暂无 项目代码" tz import projects --year 2025 "$d/nat-empty.csv"
is "codes kept" "$(natcodes)" "$nat"
# A changed 项目代码 is a correction, listed.
ok "P1's 项目代码 changed" tz import projects --year 2025 "$d/nat-change.csv"
contains "change: listed" "$TZ_TMP/err" \
	"项目编号P1：项目代码由2020-210800-48-01-012345改为2020-210800-48-01-099999"
is "change: stored" "$(natcodes)" 'P1=2020-210800-48-01-099999 P2=2020-210800-48-01-012346'

# 投资项目统一代码 is the same column.
fresh
ok "投资项目统一代码 beside 项目编号" tz import projects --year 2025 "$d/nat-unified.csv"
is "unified: stored" "$(natcodes)" "$nat"

# Two projects, one 项目代码: refused naming both.
fresh
fails "one 项目代码 for P1 and P2" tz import projects --year 2025 "$d/nat-dup-file.csv"
contains "dup in file: names both" "$TZ_TMP/err" \
	"nat-dup-file.csv:3: 项目编号 P2: 项目代码2020-210800-48-01-012345在本文件中已填给项目编号P1，本行的项目编号是P2"
is "dup in file: nothing stored" "$(rows)" ""
fresh
ok "code-both" tz import projects --year 2025 "$d/code-both.csv"
fails "P1's 项目代码 given to P3" tz import projects --year 2025 "$d/nat-dup-stored.csv"
contains "dup stored: names P1" "$TZ_TMP/err" \
	"nat-dup-stored.csv:2: 项目编号 P3: 项目代码2020-210800-48-01-012345已是项目P1（甲县 甲项目）的项目代码，本行的项目编号是P3"
is "dup stored: unchanged" "$(rows)" "$both"
fresh
ok "nc-a (keyed by 项目代码)" tz import projects --year 2025 "$d/nc-a.csv"
fails "its code as P9's 项目代码" tz import projects --year 2025 "$d/nat-code-of-other.csv"
contains "code of another: names it" "$TZ_TMP/err" \
	"nat-code-of-other.csv:2: 项目编号 P9: 项目代码2020-210800-48-01-012345已是已有项目（甲县 甲项目）的项目编号"

# The second column's cells: decorated read, wrong shapes refused.
fresh
ok "decorated 项目代码 beside 项目编号" tz import projects --year 2025 "$d/nat-decor.csv"
contains "decor: said" "$TZ_TMP/err" "2个项目代码写法不同"
is "decor: read as codes" "$(natcodes)" "$nat"
fresh
fails "a short 项目代码 beside 项目编号" tz import projects --year 2025 "$d/nat-short.csv"
contains "short: says why" "$TZ_TMP/err" \
	"nat-short.csv:2: 项目编号 P1: 项目代码“2020-210800-48-01-01234”不是有效的投资项目统一代码"
fails "a local code as 项目代码" tz import projects --year 2025 "$d/nat-local.csv"
contains "local: says why" "$TZ_TMP/err" "项目代码“ZQ-2020-001”不是有效的投资项目统一代码"

# A database written before project.natcode existed gets the column.
fresh
sql "DROP INDEX project_by_natcode; ALTER TABLE project DROP COLUMN natcode;"
ok "an old database: code-both" tz import projects --year 2025 "$d/code-both.csv"
is "old database: 项目代码 stored" "$(natcodes)" "$nat"

# --- W13: decorated or re-separated codes under a 项目代码 header --------

for f in nc-note.csv nc-pre.csv nc-nodash.csv nc-slash.csv nc-dot.csv nc-underscore.csv \
	nc-bracket.csv; do
	fresh
	ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
	ok "$f: read" tz import projects --year 2025 "$d/$f"
	contains "$f: a correction" "$TZ_TMP/err" "（新增0，更正1，未变0）"
	contains "$f: said" "$TZ_TMP/err" "1个项目代码写法不同"
	is "$f: no full-width notice" "$(grep -c 全角 "$TZ_TMP/err")" 0
	is "$f: one 甲项目, corrected" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1500.00|100.00'
done
fresh
ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
ok "full-width code" tz import projects --year 2025 "$d/nc-fullwidth.csv"
is "full-width: one 甲项目" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1500.00|100.00'

for f in nc-two.csv nc-two-space.csv; do
	fresh
	ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
	fails "$f: two codes refused" tz import projects --year 2025 "$d/$f"
	contains "$f: says why" "$TZ_TMP/err" "$f:2: 项目编号 2020-210800-48-01-012345"
	contains "$f: two codes" "$TZ_TMP/err" "中有两个或更多项目代码，不知道本行是哪一个项目，该行未导入"
	is "$f: unchanged" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1000.00|100.00'
done
for f in nc-short.csv nc-long.csv; do
	fresh
	ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
	fails "$f: wrong shape refused" tz import projects --year 2025 "$d/$f"
	contains "$f: says why" "$TZ_TMP/err" "不是有效的投资项目统一代码（应为24位"
	is "$f: unchanged" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1000.00|100.00'
done
# A space or a line break inside stays refused as before.
for f in nc-space.csv nc-wrap.csv; do
	fresh
	ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
	fails "$f: refused" tz import projects --year 2025 "$d/$f"
	is "$f: unchanged" "$(rows)" '2020-210800-48-01-012345|甲项目|甲县|1000.00|100.00'
done
# A genuinely different code for the same project: the look-alike guard.
fresh
ok "nc-a" tz import projects --year 2025 "$d/nc-a.csv"
fails "another code for 甲项目: refused" tz import projects --year 2025 "$d/nc-other.csv"
contains "other: names the stored code" "$TZ_TMP/err" \
	"与已有项目2020-210800-48-01-012345（甲县 甲项目）名称、地区相同，编号不同"

done_testing
