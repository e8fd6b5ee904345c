#!/bin/bash
# t1830-progress-year-rows.sh: reports are stored as one progress_year row
# per project and year (schema 3). A file scattering a project's rows
# (several runs, going back in time, across years) stores what the same
# rows grouped store, running totals included; a later sheet without
# 形象进度 and 存在问题 corrects a month (its texts kept), leaves another,
# adds a month to a stored year (texts empty) and a new year, touching
# no other month.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/progress-year"
said() { cat "$TZ_TMP/out" "$TZ_TMP/err" >"$TZ_TMP/said"; }
bulletins() {  # DB OUT: the bulletins and missing lists of the months used
	for p in 2024-10 2024-11 2024-12 2025-01 2025-02; do
		"$TZ_BIN" --db "$1" bulletin --period $p 2>&1
		"$TZ_BIN" --db "$1" missing --period $p 2>&1
	done >"$2"
}
grouped=$TZ_TMP/grouped.db
"$TZ_BIN" --db "$grouped" init >/dev/null
"$TZ_BIN" --db "$grouped" import projects "$d/projects.csv" >/dev/null 2>&1
"$TZ_BIN" --db "$grouped" import progress "$d/grouped.csv" >/dev/null 2>&1

ok "init" tz init
ok "the ledgers" tz import projects "$d/projects.csv"
ok "scattered reports" tz import progress "$d/scattered.csv"
said
contains "…all new" "$TZ_TMP/said" "新增8，更正0，未变0"
ok "export them" tz export progress --out "$TZ_TMP/scattered.csv"
"$TZ_BIN" --db "$grouped" export progress --out "$TZ_TMP/grouped.csv"
ok "…as the same rows grouped store them" cmp "$TZ_TMP/scattered.csv" "$TZ_TMP/grouped.csv"
bulletins "$TAIZHANG_DB" "$TZ_TMP/b-scattered"
bulletins "$grouped" "$TZ_TMP/b-grouped"
ok "…with the same running totals" cmp "$TZ_TMP/b-scattered" "$TZ_TMP/b-grouped"
if command -v sqlite3 >/dev/null; then
	is "one row per project and year" \
		"$(sqlite3 "$TAIZHANG_DB" "SELECT group_concat(p.code || ':' || y.year, ' ')
			FROM progress_year y JOIN project p ON p.id = y.project_id")" \
		"P1:2024 P1:2025 P2:2024 P3:2024 P3:2025"
fi

ok "a sheet without 形象进度 and 存在问题" tz import progress "$d/short.csv"
said
contains "…a correction, an unchanged month, two new" "$TZ_TMP/said" "新增2，更正1，未变1"
ok "export" tz export progress --out "$TZ_TMP/after.csv"
contains "the corrected month keeps its texts" "$TZ_TMP/after.csv" "P1,2024-12,125.00,已开工,主体施工,"
contains "the unchanged month is as it was" "$TZ_TMP/after.csv" "P1,2024-11,100.00,已开工,基础施工,"
contains "a month not in the sheet is untouched" "$TZ_TMP/after.csv" "P1,2024-10,90.00,已开工,基础施工,征地"
contains "…and another project's" "$TZ_TMP/after.csv" "P2,2024-10,200.00,已开工,主体施工,资金不足"
contains "a new month of a stored year has empty texts" "$TZ_TMP/after.csv" "P2,2024-12,220.00,已开工,,"
contains "a new year" "$TZ_TMP/after.csv" "P2,2025-02,230.00,已开工,,"
is "ten reports" "$(($(wc -l < "$TZ_TMP/after.csv") - 1))" 10
if command -v sqlite3 >/dev/null; then
	is "six year rows" "$(sqlite3 "$TAIZHANG_DB" "SELECT count(*) FROM progress_year")" 6
	is "every report through the view has its texts" \
		"$(sqlite3 "$TAIZHANG_DB" "SELECT count(*), count(progress_text), count(problem) FROM progress")" \
		"10|10|10"
fi
# The running totals as a fresh import of the same reports derives them.
fresh=$TZ_TMP/fresh.db
"$TZ_BIN" --db "$fresh" init >/dev/null
"$TZ_BIN" --db "$fresh" import projects "$d/projects.csv" >/dev/null 2>&1
"$TZ_BIN" --db "$fresh" import progress "$TZ_TMP/after.csv" >/dev/null 2>&1
bulletins "$TAIZHANG_DB" "$TZ_TMP/b-after"
bulletins "$fresh" "$TZ_TMP/b-fresh"
ok "the running totals are a fresh import's" cmp "$TZ_TMP/b-after" "$TZ_TMP/b-fresh"
ok "the sheet again" tz import progress "$d/short.csv"
said
contains "…is unchanged" "$TZ_TMP/said" "新增0，更正0，未变4"

# A report two years after the last stored one: the year between gets its
# running totals (the status carried over), as one file of both gives.
gap=$TZ_TMP/gap.db one=$TZ_TMP/one.db
for db in "$gap" "$one"; do
	"$TZ_BIN" --db "$db" init >/dev/null
	"$TZ_BIN" --db "$db" import projects "$d/projects.csv" >/dev/null 2>&1
done
"$TZ_BIN" --db "$gap" import progress "$d/gap-2024.csv" >/dev/null 2>&1
ok "a report two years on" "$TZ_BIN" --db "$gap" import progress "$d/gap-2026.csv"
cat "$d/gap-2024.csv" >"$TZ_TMP/both.csv"
tail -n +2 "$d/gap-2026.csv" >>"$TZ_TMP/both.csv"
"$TZ_BIN" --db "$one" import progress "$TZ_TMP/both.csv" >/dev/null 2>&1
for p in 2025-06 2026-03; do
	"$TZ_BIN" --db "$gap" bulletin --period $p >"$TZ_TMP/gap-$p" 2>&1
	"$TZ_BIN" --db "$one" bulletin --period $p >"$TZ_TMP/one-$p" 2>&1
	ok "the bulletin of $p as one file of both gives" cmp "$TZ_TMP/gap-$p" "$TZ_TMP/one-$p"
done
if command -v sqlite3 >/dev/null; then
	q="SELECT year, st12, ytd12, rep FROM project_year ORDER BY year"
	is "…and the running totals of every year, 2025 between them" \
		"$(sqlite3 "$gap" "$q" | tr '\n' ' ')" "$(sqlite3 "$one" "$q" | tr '\n' ' ')"
	is "…three years" "$(sqlite3 "$gap" "SELECT count(*) FROM project_year")" 3
fi
done_testing
