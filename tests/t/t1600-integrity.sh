#!/bin/bash
# t1600-integrity.sh: never a wrong value in silence, never a lost file:
# reports written beside their target and renamed, never over the
# database, never binary to a terminal; invisible characters, NUL bytes,
# overlong text and amounts too small to record each get a decision.
. "$(dirname "$0")/lib.sh"

ok "a new database" tz init
printf '项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\nP\xe2\x80\x8b1,甲,甲区,1000,100\nP2,乙,乙\xef\xbb\xbf区,1000,100\n' > "$TZ_TMP/zw.csv"
ok "zero-width characters are taken out" tz import projects --year 2025 "$TZ_TMP/zw.csv"
contains "and the summary says so" "$TZ_TMP/err" "2个单元格含不可见字符"
printf '项目编号,调度期,本期完成投资(万元),开工状态\nP1,2025-01,10,已开工\nP2,2025-01,10,已开工\n' > "$TZ_TMP/r.csv"
ok "so P1 with a zero-width space is P1" tz import progress "$TZ_TMP/r.csv"
ok "export" tz export projects --year 2025
contains "the code as it shows" "$TZ_TMP/out" "2025,P1,甲,甲区,"
contains "the region as it shows" "$TZ_TMP/out" "2025,P2,乙,乙区,"

# A two-character 包联领导 padded to three characters' width, as name
# lists align them, is the same leader (walkthrough 12: "王 强" and
# "王强" were two leaders in a bulletin by leader); anything else keeps
# its spaces.
printf '项目编号,项目名称,所属地区,包联领导,总投资(万元),年度计划投资(万元)\nL1,包联甲,甲区,王 强,1000,100\nL2,包联乙,甲区,王强,1000,100\nL3,包联丙,甲区,王\xe3\x80\x80强,1000,100\nL4,包联丁,甲区,欧阳 强,1000,100\n' > "$TZ_TMP/lead.csv"
ok "a ledger with padded leaders' names" tz import projects --year 2025 "$TZ_TMP/lead.csv"
ok "export" tz export projects --year 2025
contains "ASCII padding taken out" "$TZ_TMP/out" "2025,L1,包联甲,甲区,,,,,王强,"
contains "ideographic padding taken out" "$TZ_TMP/out" "2025,L3,包联丙,甲区,,,,,王强,"
contains "a three-character name keeps its space" "$TZ_TMP/out" "2025,L4,包联丁,甲区,,,,,欧阳 强,"
printf '项目编号,调度期,本期完成投资(万元),开工状态\nL1,2025-02,10,已开工\n' > "$TZ_TMP/lr.csv"
ok "a report" tz import progress "$TZ_TMP/lr.csv"
ok "a bulletin by leader" tz bulletin --period 2025-02 --by leader
is "王强 is one group of three" "$(python3 -c 'import json,sys; g={x["key"]: x["projects"] for x in json.load(open(sys.argv[1]))["groups"]}; print(g.get("王强"), g.get("欧阳 强"), sum(1 for k in g if "强" in k))' "$TZ_TMP/out")" "3 1 2"

printf '项目编号,项目名称,所属地区,总投资(万元)\nP3,丙\x00X,甲区,1000\n' > "$TZ_TMP/nul.csv"
fails "a NUL byte in a cell is refused" tz import projects --year 2025 "$TZ_TMP/nul.csv"
if ! grep -q "空字符" "$TZ_TMP/err"; then
	contains "naming the problem" "$TZ_TMP/err" "NUL"
fi
python3 - "$TZ_TMP/long.csv" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write(
    "项目编号,项目名称,所属地区,总投资(万元)\nP4," + "长" * 40000 + ",甲区,1000\n")
PY
fails "a 40,000-character name is refused" tz import projects --year 2025 "$TZ_TMP/long.csv"
contains "with its length and the limit" "$TZ_TMP/err" "项目名称长40000个字，超过上限500个字"
ok "XLSX export still works" tz export projects --format xlsx --out "$TZ_TMP/p.xlsx"
printf '项目编号,项目名称,所属地区,总投资(万元)\nP5,戊,甲区,0.004\n' > "$TZ_TMP/tiny.csv"
fails "an amount below 0.01 万元 is refused, not stored as 0" tz import projects --year 2025 "$TZ_TMP/tiny.csv"
contains "saying why" "$TZ_TMP/err" "不足0.01万元"

# Reports: never over the database, never truncated in place.
before=$(sha256sum < "$TAIZHANG_DB")
fails "--out naming the database is refused" tz bulletin --period 2025-01 --out "$TAIZHANG_DB"
contains "with a reason" "$TZ_TMP/err" "这是数据库文件"
fails "and through another path to it" tz bulletin --period 2025-01 --out "$TZ_TMP/./$(basename "$TAIZHANG_DB")"
is "the database is untouched" "$(sha256sum < "$TAIZHANG_DB")" "$before"
# SQLite's journals exist only while it needs them, and a file found
# under such a name is taken for one (a "hot" journal is played back
# into the database, then deleted): refused whether present or not.
for j in -journal -wal -shm; do
	rm -f "$TAIZHANG_DB$j"
	fails "--out naming the database's $j file is refused" \
		tz bulletin --period 2025-01 --out "$TAIZHANG_DB$j"
	contains "with a reason" "$TZ_TMP/err" "日志文件"
	is "and no $j file is made" "$(ls "$TZ_TMP" | grep -c -- "$j")" 0
done
fails "also through another path to the directory" \
	tz bulletin --period 2025-01 --out "$TZ_TMP/../$(basename "$TZ_TMP")/$(basename "$TAIZHANG_DB")-journal"
ln -s "$TAIZHANG_DB" "$TZ_TMP/link.db"
fails "and when the database is opened through a link" \
	tz --db "$TZ_TMP/link.db" bulletin --period 2025-01 --out "$TAIZHANG_DB-journal"
ok "a name that only starts like the database's is fine" \
	tz bulletin --period 2025-01 --out "$TAIZHANG_DB-journal.json"
rm -f "$TAIZHANG_DB-journal.json" "$TZ_TMP/link.db"
is "the database is still untouched" "$(sha256sum < "$TAIZHANG_DB")" "$before"
python3 - "$TZ_TMP/many.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n")
    for i in range(1500):
        f.write("M%04d,某某县城市建设第%d号重点工程项目,甲区,1000,100\n" % (i, i))
PY
ok "a larger ledger" tz import projects --year 2025 "$TZ_TMP/many.csv"
ok "a report" tz export projects --out "$TZ_TMP/b.csv"
cp "$TZ_TMP/b.csv" "$TZ_TMP/b.keep"
ok "of more than 100 KB" test "$(stat -c %s "$TZ_TMP/b.csv")" -gt 100000
# A disk that fills up: no file may grow past 40 KB (EFBIG stands for
# ENOSPC; the database's 32 KB shared-memory file still fits).
fails "a write that fails on a full disk" bash -c "trap '' XFSZ; ulimit -f 40; '$TZ_BIN' export projects --out '$TZ_TMP/b.csv'"
contains "says the write failed and the old file stands" "$TZ_TMP/err" "原有文件未改动"
ok "the earlier report is whole" cmp "$TZ_TMP/b.csv" "$TZ_TMP/b.keep"
is "no temporary file is left behind" "$(ls "$TZ_TMP" | grep -c tmp)" 0

# Binary formats never go to a terminal.
if command -v script >/dev/null; then
	script -qec "'$TZ_BIN' --db '$TAIZHANG_DB' bulletin --period 2025-01 --format xlsx" /dev/null > "$TZ_TMP/tty.out" 2>&1
	contains "XLSX to a terminal is refused" "$TZ_TMP/tty.out" "不能输出到终端"
	script -qec "'$TZ_BIN' --db '$TAIZHANG_DB' export projects --format xlsx" /dev/null > "$TZ_TMP/tty.out" 2>&1
	contains "export too" "$TZ_TMP/tty.out" "不能输出到终端"
fi
done_testing
