#!/bin/bash
# t1000-import-dirty.sh: the generated dirty GBK ledger through the CLI:
# every rejected row reported as FILE:LINE: 项目编号 CODE: reason (a row
# without a code as FILE:LINE: reason), nothing
# written without --partial, and the bulletin equal to truth.json.
. "$(dirname "$0")/lib.sh"

ok "a new database" tz init

d="$TZ_TEST_DATA/ledger-dirty-gbk"
fails "all-or-nothing import refuses the file" tz import projects "$d/projects.csv"
contains "empty code reported" "$TZ_TMP/err" "$d/projects.csv:2024: 项目编号为空"
contains "bad money reported with column and value" "$TZ_TMP/err" \
	"$d/projects.csv:2025: 项目编号 PBAD0000002: 总投资(万元)“约一亿”不是有效的金额"
contains "annual above total reported" "$TZ_TMP/err" \
	"$d/projects.csv:2026: 项目编号 PBAD0000003: 年度计划投资（"
contains "annual above total gives both values" "$TZ_TMP/err" "万元）超过总投资（"
contains "duplicate code reported" "$TZ_TMP/err" \
	"$d/projects.csv:2027: 项目编号 P20230000001: 项目编号重复"
contains "nothing imported" "$TZ_TMP/err" "整个文件未导入"
is "exactly four rows rejected" "$(grep -c '/projects.csv:[0-9]*: ' "$TZ_TMP/err")" 4
fails "no progress can refer to unimported projects" tz import progress "$d/progress.csv"
is "every progress row unknown while projects are absent" \
	"$(grep -c '项目编号不存在' "$TZ_TMP/err")" 22006

fails "--partial still exits non-zero when rows were rejected" \
	tz import projects --partial "$d/projects.csv"
contains "--partial loads the valid rows" "$TZ_TMP/err" "导入2000行"
fails "progress with --partial" tz import progress --partial "$d/progress.csv"
contains "unknown project reported" "$TZ_TMP/err" \
	"$d/progress.csv:22007: 项目编号 PNOSUCH0001: 项目编号不存在"
contains "bad period reported" "$TZ_TMP/err" \
	"$d/progress.csv:22008: 项目编号 P20230000001: 调度期“2023-13”月份13不存在"

ok "bulletin as JSON" tz bulletin --period 2023-12 --by region
cp "$TZ_TMP/out" "$TZ_TMP/bulletin.json"
ok "bulletin equals truth.json per region to the 0.01 万元" python3 - "$TZ_TMP/bulletin.json" "$d/truth.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
t = json.load(open(sys.argv[2]))
want = t["per_region_last_period_year_to_date"]
got = {g["key"]: g for g in b["groups"]}
assert set(got) == set(want), (set(got), set(want))
for k, w in want.items():
    g = got[k]
    assert g["projects"] == w["projects"], k
    assert g["annual_plan"] == "%.2f" % w["annual"], (k, g["annual_plan"], w["annual"])
    assert g["ytd_completed"] == "%.2f" % w["ytd"], (k, g["ytd_completed"], w["ytd"])
assert b["totals"]["projects"] == t["projects"]
assert b["totals"]["annual_plan"] == "%.2f" % t["city_annual_plan"]
assert b["totals"]["total_investment"] == "%.2f" % t["city_total_investment"]
PY
ok "JSON has exactly the documented shape" python3 - "$TZ_TMP/bulletin.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert list(b) == ["period", "year", "schedule", "by", "groups", "totals", "lagging",
                   "not_reported"], list(b)
assert b["period"] == "2023-12" and b["year"] == 2023 and b["schedule"] == 1.0 and b["by"] == "region"
g = b["groups"][0]
assert list(g) == ["key", "projects", "total_investment", "annual_plan", "ytd_completed",
                   "completion_rate", "started", "start_rate", "rank", "rank_change",
                   "below_average", "reported", "not_reported", "ytd_completed_unplanned"], list(g)
assert list(b["totals"]) == ["projects", "total_investment", "annual_plan", "ytd_completed",
                             "completion_rate", "started", "start_rate", "reported",
                             "not_reported", "ytd_completed_unplanned"]
assert list(b["lagging"][0]) == ["code", "name", "region", "annual_plan", "ytd_completed", "ratio",
                                 "leader", "unit", "problem"]
# December: the rank change against November of the same year.
assert all(isinstance(x["rank_change"], int) for x in b["groups"])
assert sum(x["reported"] for x in b["groups"]) == b["totals"]["reported"] > 0
ranks = [x["rank"] for x in b["groups"]]
assert ranks == sorted(ranks) and ranks[0] == 1
rates = [x["ratio"] for x in b["lagging"]]
assert rates == sorted(rates), "lagging must be worst first"
for x in b["groups"]:
    for k in ("total_investment", "annual_plan", "ytd_completed"):
        assert isinstance(x[k], str) and len(x[k].split(".")[1]) == 2
    assert round(x["completion_rate"], 4) == x["completion_rate"]
PY
# A header alone, or only a 合计 row, stores nothing: refused, not "导入0行".
printf '项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n' >"$TZ_TMP/head.csv"
printf '项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n合计,,,1000,100\n' >"$TZ_TMP/sum.csv"
printf '项目编号,调度期,本期完成投资(万元),开工状态\n' >"$TZ_TMP/headp.csv"
fails "a ledger of a header alone" tz import projects --year 2025 "$TZ_TMP/head.csv"
contains "says there is no row" "$TZ_TMP/err" "head.csv: 表头下没有项目行，未导入"
fails "a ledger of a 合计 row alone" tz import projects --year 2025 "$TZ_TMP/sum.csv"
contains "says what it had" "$TZ_TMP/err" "sum.csv: 表头下没有项目行（只有合计、分组标题、说明、填报示例等1行），未导入"
fails "a progress file of a header alone" tz import progress "$TZ_TMP/headp.csv"
contains "says there is no report" "$TZ_TMP/err" "headp.csv: 表头下没有调度数据行，未导入"
done_testing
