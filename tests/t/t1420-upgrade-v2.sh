#!/bin/bash
# t1420-upgrade-v2.sh: a schema-2 database (one progress row per report,
# written by the release before schema 3, tests/data/schema2-reports) is
# refused by every command but init, which moves its reports into one
# progress_year row per project and year, losing none: the exports,
# bulletins and running totals read as that release's did.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/schema2-reports"
gzip -dc "$d/taizhang.db.gz" >"$TAIZHANG_DB"
before=$(sha256sum < "$TAIZHANG_DB")
fails "export refuses a schema-2 database" tz export progress
contains "…and says to run init" "$TZ_TMP/err" "请先运行 taizhang init"
fails "import refuses it" tz import progress "$d/progress-fix.csv"
fails "bulletin refuses it" tz bulletin --period 2025-06
is "the refusals changed nothing" "$(sha256sum < "$TAIZHANG_DB")" "$before"
if command -v sqlite3 >/dev/null; then
	sqlite3 "$TAIZHANG_DB" "SELECT * FROM project_year ORDER BY year, project_id" >"$TZ_TMP/years-before"
	sqlite3 "$TAIZHANG_DB" "SELECT * FROM progress ORDER BY project_id, period" >"$TZ_TMP/reports-before"
fi

ok "init upgrades it" tz init
contains "init says what it did" "$TZ_TMP/out" "数据库已从第2版升级到第3版"
contains "…and what it moved" "$TZ_TMP/out" "调度记录 1047 条改为按项目和年度存放；项目 30 个、年度台账 90 行不变"
ok "init again only checks" tz init
contains "every report is there" "$TZ_TMP/out" "调度记录 1047 条"

ok "export the reports" tz export progress --out "$TZ_TMP/progress.csv"
ok "every report as it was, byte for byte" cmp "$TZ_TMP/progress.csv" "$d/progress-v2.csv"
ok "export the ledgers" tz export projects --out "$TZ_TMP/projects.csv"
ok "the ledgers as they were" cmp "$TZ_TMP/projects.csv" "$d/projects-v2.csv"
for p in 2023-12 2024-06 2025-12; do
	ok "the bulletin of $p" tz bulletin --period $p
	cp "$TZ_TMP/out" "$TZ_TMP/b.json"
	ok "…is the earlier release's" cmp "$TZ_TMP/b.json" "$d/bulletin-$p-v2.json"
done
ok "who did not report" tz missing --period 2025-06
cp "$TZ_TMP/out" "$TZ_TMP/missing.txt"
ok "…as before" cmp "$TZ_TMP/missing.txt" "$d/missing-2025-06-v2.txt"
if command -v sqlite3 >/dev/null; then
	is "the schema is 3" "$(sqlite3 "$TAIZHANG_DB" "PRAGMA user_version")" 3
	is "the per-report table is gone" \
		"$(sqlite3 "$TAIZHANG_DB" "SELECT type FROM sqlite_master WHERE name = 'progress'")" view
	is "one row per project and year" \
		"$(sqlite3 "$TAIZHANG_DB" "SELECT count(*) FROM progress_year")" \
		"$(cut -d'|' -f1,2 "$TZ_TMP/reports-before" | awk -F'|' '{print $1 "|" int($2 / 100)}' | sort -u | wc -l)"
	sqlite3 "$TAIZHANG_DB" "SELECT * FROM project_year ORDER BY year, project_id" >"$TZ_TMP/years-after"
	ok "the running totals are unchanged" cmp "$TZ_TMP/years-before" "$TZ_TMP/years-after"
	sqlite3 "$TAIZHANG_DB" "SELECT * FROM progress ORDER BY project_id, period" >"$TZ_TMP/reports-after"
	ok "every report keeps its fields and import batch (the view)" \
		cmp "$TZ_TMP/reports-before" "$TZ_TMP/reports-after"
fi
ok "the corrections imported again are unchanged" tz import progress "$d/progress-fix.csv"
cat "$TZ_TMP/out" "$TZ_TMP/err" >"$TZ_TMP/said"
contains "…every one of them" "$TZ_TMP/said" "新增0，更正0，未变150"
done_testing
