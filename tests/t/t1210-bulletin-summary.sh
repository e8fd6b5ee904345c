#!/bin/bash
# t1210-bulletin-summary.sh: every number of the bulletin's opening
# paragraphs agrees with the bulletin's JSON (t1210-summary-check.py), for
# a demo city in several months and groupings and for a small ledger with
# ties, a region without a plan, a digit in a project's name and a project
# that did not report; changing any number of the text is caught; the PDF
# carries the same paragraphs.
. "$(dirname "$0")/lib.sh"

check="$(dirname "$0")/t1210-summary-check.py"

# bulletin NAME ARGS...: the JSON and HTML bulletins of one kind.
bulletin() {
	local name=$1; shift
	tz bulletin "$@" --out "$TZ_TMP/$name.json" &&
		tz bulletin "$@" --format html --out "$TZ_TMP/$name.html"
}

ok "a new database" tz init
ok "demo city" tz demo --projects 300 --months 12
for case in "2025-01 region" "2025-06 category" "2025-11 region" "2025-12 level" \
	"2025-09 leader" "2025-04 unit"; do
	set -- $case
	ok "bulletin $1 by $2" bulletin "demo-$1-$2" --period "$1" --by "$2"
	ok "every number of the paragraphs checked ($1 by $2)" \
		python3 "$check" "$TZ_TMP/demo-$1-$2.json" "$TZ_TMP/demo-$1-$2.html"
done
contains "January: no rank change to speak of" "$TZ_TMP/demo-2025-01-region.html" "1月，全市"
ok "every changed number is caught (2025-11 by region)" \
	python3 "$check" --mutants "$TZ_TMP/demo-2025-11-region.json" "$TZ_TMP/demo-2025-11-region.html"

# A small ledger with the shapes the demo does not have.
cat >"$TZ_TMP/projects.csv" <<'EOF'
年度,项目编号,项目名称,所属地区,项目类别,项目级别,包联领导,责任单位,总投资(万元),年度计划投资(万元),计划开工时间
2025,T1,甲区港口一期,甲区,港口,市重点,王某,市交通局,20000,10000,2025-01
2025,T2,甲区物流园,甲区,港口,市重点,王某,市交通局,20000,10000,2025-01
2025,T3,乙区化工园,乙区,工业,省重点,李某,市工信局,50000,20000,2025-01
2025,T4,丙区民生项目,丙区,民生,市重点,张某,市住建局,8000,,2025-01
2025,T5,丁区2号路,丁区,交通,市重点,赵某,市交通局,30000,10000,2025-01
EOF
cat >"$TZ_TMP/progress.csv" <<'EOF'
项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题
T1,2025-05,2000,已开工,基础施工,
T3,2025-05,8000,已开工,主体施工,
T1,2025-06,3000,已开工,主体施工,
T2,2025-06,5000,已开工,基础施工,
T3,2025-06,2000,已开工,主体施工,
T4,2025-06,300,已开工,主体施工,
EOF
export TAIZHANG_DB="$TZ_TMP/small.db"
ok "small ledger" bash -c "'$TZ_BIN' init && '$TZ_BIN' import projects '$TZ_TMP/projects.csv' &&
	'$TZ_BIN' import progress '$TZ_TMP/progress.csv'"
for by in region level unit; do
	ok "small bulletin by $by" bulletin "small-$by" --period 2025-06 --by $by
	ok "every number of the paragraphs checked (small, by $by)" \
		python3 "$check" "$TZ_TMP/small-$by.json" "$TZ_TMP/small-$by.html"
done
contains "ties said as ties" "$TZ_TMP/small-region.html" "乙区等2个县（市）区以50.0%并列第一，丁区以0.0%居末"
contains "a region without a plan is not ranked" "$TZ_TMP/small-region.html" "1个未安排年度计划投资，不参与排名；"
contains "its investment is said apart" "$TZ_TMP/small-region.html" "另有未安排年度计划的项目完成投资0.03亿元"
ok "every changed number is caught (small, by region)" \
	python3 "$check" --mutants "$TZ_TMP/small-region.json" "$TZ_TMP/small-region.html"

# The PDF says the same: its text holds each paragraph of the HTML.
ok "PDF bulletin" tz bulletin --period 2025-06 --format pdf --out "$TZ_TMP/small.pdf"
ok "the PDF's paragraphs are the checked ones" python3 - "$TZ_TMP/small-region.html" "$TZ_TMP/small.pdf" <<'PY'
import html, re, subprocess, sys
page = open(sys.argv[1], encoding="utf-8").read()
paras = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>",
         re.search(r'<section class="summary">(.*?)</section>', page, re.S).group(1))]
text = subprocess.run(["pdftotext", "-raw", sys.argv[2], "-"], capture_output=True, text=True,
                      check=True).stdout
flat = re.sub(r"\s+", "", text)
assert len(paras) == 3
for p in paras:
    assert re.sub(r"\s+", "", p) in flat, p
PY
done_testing
