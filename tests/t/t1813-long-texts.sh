#!/bin/bash
# t1813-long-texts.sh: files of valid rows with long texts fill the
# import's chunk (about 1 MB of strings) before its 512 rows; the row
# that does not fit goes whole into the next chunk. Before, it kept the
# strings copied so far and NULL for the rest, and the import crashed
# (exit 139, nothing said) on 800 reports with 400-character 形象进度 and
# 存在问题 -- texts county reports do write -- or 700 projects with long
# names (tests/data/long-texts/ORIGIN.md).
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/long-texts"
gzip -dc "$d/projects.csv.gz" >"$TZ_TMP/projects.csv"
gzip -dc "$d/progress.csv.gz" >"$TZ_TMP/progress.csv"
gzip -dc "$d/projects-long.csv.gz" >"$TZ_TMP/projects-long.csv"

ok "init" tz init
ok "400 projects" tz import projects "$TZ_TMP/projects.csv"
ok "800 reports with 400-character texts are imported" tz import progress "$TZ_TMP/progress.csv"
contains "…every one" "$TZ_TMP/err" "共800行，导入800行（新增800，更正0，未变0），0行被拒绝"
ok "export them" tz export progress --out "$TZ_TMP/out.csv"
ok "…each report as the file wrote it, texts whole" python3 - "$TZ_TMP/progress.csv" "$TZ_TMP/out.csv" <<'PY'
import csv, sys
src = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
out = {(r["项目编号"], r["调度期"]): r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
assert len(out) == len(src) == 800, (len(out), len(src))
for r in src:
    o = out[(r["项目编号"], r["调度期"])]
    for k in ("形象进度", "存在问题"):
        assert o[k] == r[k], (r["项目编号"], k)
    assert o["本期完成投资(万元)"] == r["本期完成投资(万元)"]
PY

rm -f "$TAIZHANG_DB"
ok "a new database" tz init
ok "700 projects with long names are imported" tz import projects "$TZ_TMP/projects-long.csv"
contains "…every one" "$TZ_TMP/err" "共700行，导入700行（新增700，更正0，未变0），0行被拒绝"
ok "export them" tz export projects --out "$TZ_TMP/out.csv"
ok "…each name whole" python3 - "$TZ_TMP/projects-long.csv" "$TZ_TMP/out.csv" <<'PY'
import csv, sys
src = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
out = {r["项目编号"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
assert len(out) == len(src) == 700, (len(out), len(src))
for r in src:
    for k in ("项目名称", "项目类别", "建设单位", "包联领导"):
        assert out[r["项目编号"]][k] == r[k], (r["项目编号"], k)
PY
done_testing
