#!/bin/bash
# t1400-upgrade.sh: a database of the earlier single-plan schema (written
# by the previous release, tests/data/old-schema-v1) is refused by every
# command but init, which upgrades it to yearly ledgers losing nothing.
. "$(dirname "$0")/lib.sh"

d="$TZ_TEST_DATA/old-schema-v1"
cp "$d/taizhang.db" "$TAIZHANG_DB"
before=$(sha256sum < "$TAIZHANG_DB")
fails "bulletin refuses an old database" tz bulletin --period 2025-06
contains "and says to run init" "$TZ_TMP/err" "请先运行 taizhang init"
fails "export refuses it" tz export projects
fails "import refuses it" tz import progress "$d/progress-v1.csv"
is "the refusals changed nothing" "$(sha256sum < "$TAIZHANG_DB")" "$before"

ok "init upgrades it" tz init
contains "init says what it did" "$TZ_TMP/out" "数据库已从第1版升级到第3版"
contains "projects carried over" "$TZ_TMP/out" "项目 60 个"
contains "ledger rows made" "$TZ_TMP/out" "年度台账 138 行，其中 78 行没有年度计划"
ok "init again only checks" tz init
contains "now at the current schema" "$TZ_TMP/out" "调度记录 1154 条"

# Nothing lost: every report as it was, every project and its one plan.
ok "export the reports" tz export progress --out "$TZ_TMP/progress.csv"
ok "reports unchanged, byte for byte" cmp "$TZ_TMP/progress.csv" "$d/progress-v1.csv"
ok "export the ledgers" tz export projects --out "$TZ_TMP/projects.csv"
ok "each project's fields and its one plan, in the year of its latest report" \
	python3 - "$TZ_TMP/projects.csv" "$d/projects-v1.csv" "$TZ_TMP/progress.csv" <<'PY'
import csv, sys
new = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
old = {r["项目编号"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
last = {}
for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig")):
    last[r["项目编号"]] = max(last.get(r["项目编号"], ""), r["调度期"])
planned = {}
for r in new:
    o = old[r["项目编号"]]
    for k in ("项目名称", "所属地区", "项目类别", "项目级别", "建设性质", "建设单位",
              "包联领导", "责任单位", "建设起止年限", "总投资(万元)", "计划开工时间"):
        assert r[k] == o[k], (r["项目编号"], k, r[k], o[k])
    if r["年度计划投资(万元)"]:
        assert r["项目编号"] not in planned, "two plans for " + r["项目编号"]
        planned[r["项目编号"]] = r
        want = last[r["项目编号"]][:4] if r["项目编号"] in last else o["计划开工时间"][:4]
        assert r["年度"] == want, (r["项目编号"], r["年度"], want)
        assert r["年度计划投资(万元)"] == o["年度计划投资(万元)"]
assert set(planned) == set(old), set(old) - set(planned)
# Every year with reports has a ledger row for the project.
years = {(r["项目编号"], r["年度"]) for r in new}
for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig")):
    assert (r["项目编号"], r["调度期"][:4]) in years, r
PY
ok "the bulletin of the latest year" tz bulletin --period 2025-06
cp "$TZ_TMP/out" "$TZ_TMP/b.json"
ok "equals the previous release's for every group" python3 - "$TZ_TMP/b.json" "$d/bulletin-2025-06-v1.json" <<'PY'
import json, sys
new, old = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for k in ("projects", "total_investment", "annual_plan", "ytd_completed", "completion_rate",
          "started", "start_rate"):
    assert new["totals"][k] == old["totals"][k], k
og = {g["key"]: g for g in old["groups"]}
for g in new["groups"]:
    for k in ("projects", "annual_plan", "ytd_completed", "started", "rank"):
        assert g[k] == og[g["key"]][k], (g["key"], k)
PY
ok "the tree was built from the regions and units" tz org list
contains "a region" "$TZ_TMP/out" "盖州市"
contains "a department" "$TZ_TMP/out" "市发改委"
done_testing
