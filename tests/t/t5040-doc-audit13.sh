#!/bin/bash
# t5040-doc-audit13.sh: `taizhang doc parse` on new variants of the
# document cases written for audit 13 (tests/data/doc-audit13, see its
# ORIGIN.md and docs/audits/doc-audit13.md): 15-digit ID numbers grouped
# 6-6-3, figures under a 分县区/分领域 breakdown heading, short 牵头：/配合：
# labels and leaders inside unit brackets, a total after a scope, replies
# to proposals and 建议 of 人大 deputies, implementation opinions, task
# tables and catalogue metadata.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-doc.sh"

d="$TZ_TEST_DATA/doc-audit13"

# groups: "line value group" of each figure
groups() {
	figs "$1" >/dev/null
	python3 - "$TZ_TMP/$1.json" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1], encoding="utf-8")).get("figures") or []:
    print(f["line"], f["value"], f.get("group") or "-")
PY
}

# --- doc-pii: grouped first-generation ID numbers -------------------------

parse p01-grouped-ids.txt
is "15-digit IDs grouped 6-6-3 by spaces or hyphens are flagged; accounts, cards, 文号, codes, phones are not" \
	"$(warns p01-grouped-ids.txt personal | cut -d' ' -f1,2,3-)" \
	"2 personal_id 110105 491231 002
3 personal_id 110105-491231-002
4 personal_id 110105 19491231 002X
5 personal_id 110105-1949-1231-002X"
parse p02-id-table.html
is "grouped, hyphenated and plain IDs in table cells" \
	"$(warns p02-id-table.html personal | cut -d' ' -f1,2)" \
	"5 personal_id
6 personal_id
7 personal_id"

parse p03-wrapped-ids.txt
is "a 15-digit ID wrapped over two lines; not after 账户/编码, nor with more digits after it" \
	"$(warns p03-wrapped-ids.txt personal)" \
	"2 personal_id 110105 491231 002
4 personal_id 110105491231 002
14 personal_id 110105 491231 002"

# --- b05/b06: figures under a breakdown heading ---------------------------

b06="$TZ_TEST_DATA/doc-audit12"
d="$b06" parse b06-more.txt
is "audit 12's 分县区 lines: each region is its figures' group" \
	"$(groups b06-more.txt | sed -n '10,14p')" \
	"8 45600 高新区
8 5.78 高新区
8 78.9 高新区
9 3.2 老边区
9 64 老边区"

parse b01-county-cities.txt
is "分县（市）区: county-level cities and districts" \
	"$(groups b01-county-cities.txt | cut -d' ' -f1,3 | uniq)" \
	"4 -
7 大石桥市
8 盖州市
9 鲅鱼圈区
10 老边区"

parse b02-citywide-clause.txt
is "a clause opening with 全市 names no region" \
	"$(groups b02-citywide-clause.txt | sed -n '4,9p')" \
	"7 76.5 -
8 45.6 高新区
8 82.1 高新区
8 38.2 -
9 8.6 站前区
9 214.3 -"

parse b03-two-regions-line.txt
is "two regions on one line, each its clause" \
	"$(groups b03-two-regions-line.txt | sed -n '3,8p' | cut -d' ' -f3 | tr '\n' ' ')" \
	"东港市 东港市 凤城市 凤城市 宽甸县 宽甸县 "

parse b04-sector-breakdown.txt
is "分领域: the kind of projects a line opens with" \
	"$(groups b04-sector-breakdown.txt | sed -n '4,9p' | cut -d' ' -f3 | tr '\n' ' ')" \
	"产业项目 产业项目 基础设施项目 基础设施项目 社会民生项目 社会民生项目 "

parse b05-region-ranking.txt
is "region lines and a ranking under 分县区" \
	"$(groups b05-region-ranking.txt | cut -d' ' -f3 | tr '\n' ' ')" \
	"高新区 高新区 老边区 老边区 高新区 鲅鱼圈区 站前区 "

parse b06-region-subheading.txt
is "（一）高新区 sub-headings under 分县区 (held)" \
	"$(groups b06-region-subheading.txt | sed -n '3,7p' | cut -d' ' -f3 | tr '\n' ' ')" \
	"高新区 高新区 高新区 老边区 老边区 "

parse b07-region-colon-units.txt
is "高新区：… and 全市：… lines keep their own label (held)" \
	"$(groups b07-region-colon-units.txt | cut -d' ' -f3 | uniq | tr '\n' ' ')" \
	"高新区 老边区 全市 "

parse b08-region-wrong-rate.txt
is "a region's wrong rate is warned, its figures grouped" \
	"$(warns b08-region-wrong-rate.txt rate | cut -d' ' -f1,2)|$(groups b08-region-wrong-rate.txt | cut -d' ' -f3 | uniq | tr '\n' ' ')" \
	"4 rate_mismatch|大石桥市 盖州市 "

parse b09-region-projects.txt
is "鲅鱼圈区共有重点项目48个" \
	"$(groups b09-region-projects.txt | cut -d' ' -f3 | uniq | tr '\n' ' ')" "鲅鱼圈区 西市区 "

parse b10-qizhong-under-region.txt
is "a 其中 list inside a region's line keeps its items' groups" \
	"$(groups b10-qizhong-under-region.txt | cut -d' ' -f3 | tr '\n' ' ')" \
	"高新区 产业项目 基础设施项目 老边区 "

parse b11-city-level.txt
is "市本级, a long 开发区 name, 高新区重点项目" \
	"$(groups b11-city-level.txt | cut -d' ' -f3 | tr '\n' ' ')" \
	"市本级 市本级 营口经济技术开发区 营口经济技术开发区 高新区 "

parse b12-lights.txt
is "全市286个重点项目中，…，合计286个: no false sum warning" "$(warns b12-lights.txt sum)" ""
is "高新区亮红灯项目5个: the region" \
	"$(groups b12-lights.txt | sed -n '5,6p' | cut -d' ' -f3 | tr '\n' ' ')" "高新区 老边区 "
parse b12-lights-wrong.txt
is "the same list with a wrong part is warned" "$(warns b12-lights-wrong.txt sum | cut -d' ' -f1,2)" \
	"4 sum_mismatch"

parse b13-region-city-figure.txt
is "a city-wide clause on a region's line names no region" \
	"$(groups b13-region-city-figure.txt | cut -d' ' -f3 | tr '\n' ' ')" "高新区 老边区 - "

parse b14-region-html.html
is "HTML: a region in <strong>, &nbsp; before one; a region under 存在问题 is no breakdown" \
	"$(groups b14-region-html.html | cut -d' ' -f3 | tr '\n' ' ')" "- - - 高新区 高新区 老边区 老边区 - "
parse b15-breakdown-then-total.txt
is "从全市看，… and 各县区平均… name no region" \
	"$(groups b15-breakdown-then-total.txt | cut -d' ' -f3 | tr '\n' ' ')" "高新区 高新区 - - "

# --- b04: tasks -----------------------------------------------------------

parse i01-opinion-tail-units.txt
is "实施意见: （责任单位：…；完成时限：…） at a paragraph's end (held)" \
	"$(tasks i01-opinion-tail-units.txt)" \
	"一.(一)||市发改委、各县（市）区政府
一.(二)|市发改委|市自然资源局、市生态环境局
二.(三)||市自然资源局
二.(四)||市财政局、市发改委"
is "its 文号, issuer and date" \
	"$(field i01-opinion-tail-units.txt doc_number)|$(field i01-opinion-tail-units.txt issuer)|$(field i01-opinion-tail-units.txt date)" \
	"营政办发〔2024〕5号|营口市人民政府办公室|2024-03-08"

parse i02-comma-units.txt
is "units separated by ，; 牵头单位：X　责任单位：Y (held)" "$(tasks i02-comma-units.txt)" \
	"一.1||市营商局、市住建局、市自然资源局
一.2||市营商局、各县（市）区政府
二.3|市发改委|各县（市）区政府"

parse i03-short-labels.txt
is "（牵头：X；配合：Y、Z）: 配合 is responsible" "$(tasks i03-short-labels.txt)" \
	"一.(一)|市商务局|市发改委、各园区管委会
一.(二)|市发改委|各县区政府
一.(三)|市工信局|"

parse i04-deadline-first.txt
is "（时间：…；责任单位：…） (held)" "$(tasks i04-deadline-first.txt)" \
	"一.(一)||市住建局、市城管局
一.(二)||市住建局
一.(三)|市住建局|市水利局"

parse i05-notice-attachment.txt
is "a notice with the plan after it (held)" \
	"$(field i05-notice-attachment.txt doc_number)|$(tasks i05-notice-attachment.txt | tr '\n' ' ')" \
	"葫政办发〔2024〕12号|二.(一)||市发改委、各县（市）区政府 二.(二)||市发改委、市政府督查室 "

parse t01-tab-table.txt
is "a tab-separated task table (held)" "$(tasks t01-tab-table.txt)" \
	"1|市发改委|各县（市）区政府
2|市发改委|市直有关部门、各县（市）区政府
3|市自然资源局|各县（市）区政府"

parse t02-html-rowspan.html
is "a 牵头单位 cell spanning two rows (held)" "$(tasks t02-html-rowspan.html)" \
	"1|市发改委|各县区政府
2|市发改委|市直有关部门
3|市财政局|市发改委"

parse t03-lead-comma.txt
is "责任单位：X（牵头），Y (held)" "$(tasks t03-lead-comma.txt)" \
	"一.1|市发改委|市统计局、各县（市）区政府
一.2|市发改委|市住建局、市自然资源局
一.3||市委组织部、市考核办"

parse t04-lead-leader.txt
is "a 牵头领导 line names a person, no lead unit" "$(tasks t04-lead-leader.txt)" \
	"一.(一)|市发改委|沈抚示范区管委会、市工信局
一.(二)|市交通局|市自然资源局、相关县区政府"

parse t05-leader-in-bracket.txt
is "牵头领导/包保领导 inside the units bracket" "$(tasks t05-leader-in-bracket.txt)" \
	"一.(一)|市交通局|鲅鱼圈区政府
一.(二)|市工信局|"
is "no task without units (leaders)" "$(warns t05-leader-in-bracket.txt task_without)" ""

parse t06-fuze-tail.txt
is "（X负责）, （X、Y按职责分工负责）, （X牵头，Y配合） (held)" "$(tasks t06-fuze-tail.txt)" \
	"一.(一)||市自然资源局
一.(二)||市财政局、市发改委
一.(三)|市发改委|国网营口供电公司"

parse i06-lead-resp-paren.txt
is "（X牵头，Y、Z负责）, （X、Y负责，每季度开展一次） (held)" "$(tasks i06-lead-resp-paren.txt)" \
	"一.(一)|市营商局|市直有关部门、各县（市）区政府
一.(二)||市政府督查室、市发改委"

# --- replies to proposals and 建议 ----------------------------------------

reply() {
	local f=$1
	echo "$(field "$f" kind)|$(field "$f" proposal.session)|$(field "$f" proposal.number)|$(field "$f" proposal.proposer)|$(field "$f" proposal.title)|$(field "$f" reply.org)|$(field "$f" reply.date)|$(field "$f" reply.handler)|$(field "$f" reply.phone)"
}
parse r01-renda-jianyi.txt
is "a deputy's 建议 with 《》 title (held)" "$(reply r01-renda-jianyi.txt)" \
	"proposal_reply|市十七届人大三次会议|0215|张伟代表|关于加快老旧小区改造项目建设的建议|营口市住房和城乡建设局|2024-06-18|刘明|0417-2345678"
parse r02-class-cn-date.txt
is "（A类）, 尊敬的…委员：, a date in Chinese numerals (held)" "$(reply r02-class-cn-date.txt)|$(field r02-class-cn-date.txt reply.official)" \
	"proposal_reply|市政协十四届三次会议|123|李华委员|关于加快重点项目前期工作的提案|盘锦市发展和改革委员会|2024-05-20|孙丽|0427-2821234|周建国"
parse r03-joint-proposers.txt
is "王芳等5位委员, a bracketed contact line (held)" "$(reply r03-joint-proposers.txt)" \
	"proposal_reply|市政协十五届二次会议|86|王芳等5位委员|关于推动县域重点产业项目落地的提案|丹东市发展和改革委员会|2024-07-02|陈晓东|0415-3125678"
parse r04-cc-after-sign.txt
is "抄送 after the signature (held)" "$(reply r04-cc-after-sign.txt)" \
	"proposal_reply|市十七届人大二次会议|56|赵敏代表|关于加快推进城市更新重点项目建设的建议|鞍山市住房和城乡建设局|2024-04-26||"
parse r05-html-reply.html
is "an HTML reply under a catalogue table (held)" "$(reply r05-html-reply.html)|$(field r05-html-reply.html catalogue.index_no)" \
	"proposal_reply|市政协十四届二次会议|203|民盟辽阳市委|关于加强重点项目环评服务的提案|辽阳市生态环境局|2023-08-10|高峰|0419-3128899|112110000012345678/2023-00456"
parse r06-iso-sign-date.txt
is "…提案答复的函, 特此函复, a signature date 2024-06-12 (held)" "$(reply r06-iso-sign-date.txt)" \
	"proposal_reply|市政协十四届三次会议|57|刘洋委员|关于优化营商环境促进项目落地的提案|铁岭市营商环境建设局|2024-06-12|马骏|024-72612345"
parse r07-gbk-reply.txt
is "a GBK 建议 reply (held)" "$(reply r07-gbk-reply.txt)" \
	"proposal_reply|市十七届人大三次会议|0322|孙强代表|关于加快推进农村公路重点项目建设的建议|本溪市交通运输局|2024-06-05|钱进|024-42812345"
parse r08-sign-header-date.txt
is "the org above the title, a reply 文号 (held)" "$(reply r08-sign-header-date.txt)|$(field r08-sign-header-date.txt doc_number)" \
	"proposal_reply|市政协十四届三次会议|201|民建盘锦市委|关于加快重点项目前期工作的提案|盘锦市发展和改革委员会|2024-06-28|||盘发改提复〔2024〕15号"

parse r09-title-proposer.txt
is "the proposer in the title's brackets (held)" "$(reply r09-title-proposer.txt)" \
	"proposal_reply|市政协十四届三次会议|88|张明委员|关于加快建设城市停车场项目的提案|锦州市住房和城乡建设局|2024-05-30||"

# --- b09: catalogue metadata ----------------------------------------------

cat_of() {
	local f=$1
	echo "$(field "$f" catalogue.index_no)|$(field "$f" catalogue.publisher)|$(field "$f" doc_number)|$(field "$f" date)|$(field "$f" publish_date)|$(field "$f" title)"
}
parse c01-credit-index.html
is "an index number opening with a credit code, 有 效 性, 文　　号 (held)" "$(cat_of c01-credit-index.html)" \
	"11210800MB1234567X/2024-00012|营口市发展和改革委员会|营发改发〔2024〕15号|2024-03-05|2024-03-08|营口市发展和改革委员会关于做好2024年重点项目调度工作的通知"
parse c02-text-catalogue.txt
is "信息索取号 is the index number" "$(cat_of c02-text-catalogue.txt)" \
	"000014349/2024-00321|锦州市人民政府办公室|锦政办发〔2024〕8号|2024-05-10|2024-05-14|锦州市人民政府办公室关于调整市重点项目建设领导小组成员的通知"
parse c03-dl-catalogue.html
is "<dl><dt>…</dt><dd>…</dd></dl> pairs (held)" "$(cat_of c03-dl-catalogue.html)" \
	"11211000001234567K/2024-01234|辽阳市人民政府|辽市政发〔2024〕6号|2024-02-26|2024-02-28|辽阳市人民政府关于下达2024年市重点项目计划的通知"
parse c04-dates-slash.txt
is "two pairs a line, dates 2024/04/11 (held)" "$(cat_of c04-dates-slash.txt)" \
	"LN-0231-2024-000876|朝阳市发展和改革委员会|朝发改〔2024〕43号|2024-04-11|2024-04-15|朝阳市发展和改革委员会关于公布2024年市重点项目名单的通知"

done_testing
