#!/bin/bash
# t5030-doc-audit12.sh: `taizhang doc parse` on new variants of the
# document cases written for audit 12 (tests/data/doc-audit12, see its
# ORIGIN.md and docs/audits/doc-audit12.md): three numbering levels and
# wrapped unit brackets, rates that hold the plan's amount, 同比下降, news
# items with a byline, catalogue tables whose 标题 line names the issuer,
# 15-digit ID numbers and 文号 sequences, HTML after comments and late
# charset declarations.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-doc.sh"

d="$TZ_TEST_DATA/doc-audit12"

# --- b04: nested tasks ----------------------------------------------------

parse b04-three-levels.txt
is "一、(一) 1. (1): 牵头/配合 lines, a （…牵头，…配合） bracket, units after a blank line" \
	"$(tasks b04-three-levels.txt)" \
	"一.(一).1|市营商局|市大数据中心、各县（市）区人民政府
一.(一).2|市营商局|市发改委、各县（市）区政府
一.(二).3||市市场监管局、市公安局"
parse b04-three-levels-gbk.txt
is "the same in GBK" "$(tasks b04-three-levels-gbk.txt)" "$(tasks b04-three-levels.txt)"

parse b04-units-before.txt
is "units on the task's line or the line before its sub-points" "$(tasks b04-units-before.txt)" \
	"一.1||市发改委、各县区政府
一.2||市自然资源局、市生态环境局
一.3|市财政局|市金融发展局、人民银行阜新市分行"

parse b04-paren-lead-cooperate.txt
is "（X牵头，Y配合）, with a deadline inside" "$(tasks b04-paren-lead-cooperate.txt)" \
	"一.(一)|市发改委|市自然资源局、市住建局、各县区
一.(二)|市自然资源局|各县区政府
二.(三)||市财政局
二.(四)|市金融局|市财政局、市发改委"

parse b04-deadline-inline.txt
is "a 完成时限 inside the units bracket is no unit" "$(tasks b04-deadline-inline.txt | sed -n 1,2p)" \
	"一.(一).1||市发改委、各县（市）区政府
一.(一).2|市发改委|市自然资源局、市住建局"

parse b04-wrapped-units.txt
is "a bracket closed on the next line: no bracket in the last unit" "$(tasks b04-wrapped-units.txt)" \
	"一.(一).1||市发改委、市工信局、市农业农村局、市交通局、市水利局、市住建局、各县（市）区政府
一.(一).2|市发改委|市财政局、各县（市）区政府"
is "no task without units (wrapped)" "$(warns b04-wrapped-units.txt task_without)" ""

parse b04-role-marks.txt
is "责任单位：X（牵头）、Y; a last sentence X牵头，Y配合。 without label or bracket" \
	"$(tasks b04-role-marks.txt)" \
	"一.1|市发改委|市交通局、鲅鱼圈区政府
一.2|市工信局|各园区管委会
一.3||市自然资源局、市财政局"
is "no task without units (marks)" "$(warns b04-role-marks.txt task_without)" ""
parse b04-prose-mark.txt
is "市发改委牵头制定实施方案，各部门配合抓好落实: prose, no units" "$(tasks b04-prose-mark.txt | sed -n 1p)" "一.1||"
parse b04-prose-bracket.txt
is "the same prose in brackets: no units" "$(tasks b04-prose-bracket.txt | sed -n 1p)" "一.1||"
is "and the task is warned" "$(warns b04-prose-bracket.txt task_without | cut -d' ' -f1,2)" "3 task_without_units"

parse b04-table-cooperate.html
is "a task table with 牵头单位/配合单位/完成时限 columns; — is no unit" "$(tasks b04-table-cooperate.html)" \
	"1|市发改委|市直各有关部门、各县（市）区政府
2|市营商局|市发改委
3|市财政局|"

parse b04-mixed.txt
is "units after a blank line, 【责任单位】 before the points, a lone (1) then units, 责任单位 : with spaces" \
	"$(tasks b04-mixed.txt)" \
	"一.(一).1||市发改委、市财政局、各县（市）区政府
一.(一).2||市发改委、市财政局
一.(一).3||市发改委、各县（市）区政府
一.(二).4|市发改委|"
is "no task without units (mixed)" "$(warns b04-mixed.txt task_without)" ""
parse b04-mixed-colon.txt
is "the same with 责任单位：: task 2 keeps its own units, (一) gets none" "$(tasks b04-mixed-colon.txt)" \
	"一.(一).1||市发改委、市财政局、各县（市）区政府
一.(一).2||市发改委、市财政局
一.(一).3||市发改委、各县（市）区政府
一.(二).4|市发改委|"

parse b04-leaders.txt
is "责任领导/包保领导/督办单位/责任人 are no units; 责任单位：X（牵头），Y" "$(tasks b04-leaders.txt)" \
	"一.1|市工信局、市发改委|市自然资源局、市生态环境局
一.2||市住建局、各镇（街道）
一.3|市营商局|"

# --- b05/b06: bulletins ---------------------------------------------------

parse b05-yiyuan-wanyuan.txt
is "占年度计划投资57.8亿元的78.9%: the rate is read" \
	"$(figs b05-yiyuan-wanyuan.txt | grep 投资完成率)" "78.9 % 投资完成率 -"
is "and holds" "$(warns b05-yiyuan-wanyuan.txt rate)" ""
parse b05-yiyuan-wrong.txt
is "a wrong rate of that form is warned" "$(warns b05-yiyuan-wrong.txt rate | cut -d' ' -f1,2)" \
	"2 rate_mismatch"

parse b05-growth.txt
is "同比下降2.1% is a fall, never a growth" "$(figs b05-growth.txt | grep 同比)" \
	"12.3 % 同比增长 -
2.1 % 同比下降 市级重点项目"
is "（一）省级重点项目。 groups its figures" "$(figs b05-growth.txt | grep -c 省级重点项目)" "3"
is "no warning on the growth bulletin" "$(warns b05-growth.txt)" ""

parse b05-wrong-rate.txt
is "wrong completion and start rates warned" "$(warns b05-wrong-rate.txt rate | cut -d' ' -f1,2)" \
	"3 rate_mismatch
5 rate_mismatch"

parse b05-runtogether.txt
is "86个项目 and 66.0％ read under their sections" \
	"$(figs b05-runtogether.txt | sed -n '1p;9p')" \
	"86 个 项目数 市级重点项目
66.0 % 投资完成率 县级重点项目"

parse b05-subheadings.txt
is "（一）投资完成情况 under 一、市级重点项目 keeps its group" \
	"$(figs b05-subheadings.txt | cut -d' ' -f4 | tr '\n' ' ')" \
	"市级重点项目 市级重点项目 市级重点项目 市级重点项目 市级重点项目 市级重点项目 县级重点项目 县级重点项目 县级重点项目 "

parse b06-share-of-planned.txt
is "占计划开工项目的80.8% is a start rate" "$(figs b06-share-of-planned.txt | grep '^80.8')" "80.8 % 开工率 -"
is "and holds against 206 / 255" "$(warns b06-share-of-planned.txt)" ""
parse b06-share-of-planned-wrong.txt
is "a wrong one is checked against the plan before it, not the 计划新开工 after it" \
	"$(warns b06-share-of-planned-wrong.txt rate | sed -n 2p | cut -d' ' -f1,2)" "5 rate_mismatch"
is "its detail" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["warnings"][1]["detail"])' "$TZ_TMP/b06-share-of-planned-wrong.txt.json")" \
	"206÷255=80.78%，与文中88.8%不符"
parse b06-newstart-rate-wrong.txt
is "a wrong 新开工率 checked against 180 / 223 only" \
	"$(python3 -c 'import json,sys; print([w["detail"] for w in json.load(open(sys.argv[1]))["warnings"]])' "$TZ_TMP/b06-newstart-rate-wrong.txt.json")" \
	"['180÷223=80.72%，与文中95.0%不符']"

parse b05-html-spaces.html
is "&nbsp; around numbers, 1,015.2, full-width digits and ％, <br>, <strong> group names" \
	"$(figs b05-html-spaces.html | tr '\n' '|')" \
	"1015.2 亿元 年度计划投资 -|812.16 亿元 完成投资 -|80.0 % 投资完成率 -|120 个 计划新开工项目数 -|96 个 开工项目数 -|80 % 开工率 -|512.16 亿元 完成投资 产业项目|300 亿元 完成投资 基础设施项目|"
is "its sums and rates hold" "$(warns b05-html-spaces.html)" ""

parse b05-short-sections.txt
is "（一）市级, （二）县级; 三、省级重点项目42个完成投资128.5亿元 names its group" \
	"$(figs b05-short-sections.txt | cut -d' ' -f1,4 | tr '\n' '|')" \
	"58 市级|210 市级|168 市级|80 市级|120 县级|150 县级|105 县级|70 县级|42 省级重点项目|128.5 省级重点项目|150 -|84.3 -|"
parse b05-heading-sentence.txt
is "（一）省重点项目完成投资…: the heading's sentence names the group; （三）全市… none" \
	"$(figs b05-heading-sentence.txt | cut -d' ' -f1,4 | tr '\n' '|')" \
	"128.5 省重点项目|158.2 省重点项目|81.2 省重点项目|228.3 市重点项目|75 市重点项目|356.8 -|"

parse b06-more.txt
# audit 13: the region a line under 分县区 opens with is its group (t5040)
is "占年度计划452.6亿元的78.8%: the plan is a figure; 分县区 names no group, 高新区 does" \
	"$(figs b06-more.txt | grep -E '^(452.6|5.78|78.9) ')" \
	"452.6 亿元 年度计划投资 -
5.78 亿元 年度计划投资 高新区
78.9 % 投资完成率 高新区"
is "no warning (45600万元 of 5.78亿元 is 78.9%)" "$(warns b06-more.txt)" ""
parse b06-more-wrong.txt
is "a wrong share of 年度计划X亿元 is warned" "$(warns b06-more-wrong.txt rate | cut -d' ' -f1,2)" "8 rate_mismatch"

# --- b08: page chrome before the title -------------------------------------

parse b08-sitename-text.txt
is "a headline above its byline and 打印/关闭 bar" "$(field b08-sitename-text.txt title)" \
	"凤城市1-10月重点项目完成投资45.3亿元"
is "the byline's date is the publish date" "$(field b08-sitename-text.txt publish_date)" "2023-11-23"
is "the site's name is no issuer" "$(field b08-sitename-text.txt issuer)" ""

parse b08-dates.txt
is "【发布时间：2023年11月23日 10时22分】【来源：…】" "$(field b08-dates.txt title)|$(field b08-dates.txt publish_date)" \
	"营口市重点项目建设情况通报|2023-11-23"
parse b08-dates2.txt
is "作者：…　来源：…　发布时间：2023/11/23" "$(field b08-dates2.txt title)|$(field b08-dates2.txt publish_date)" \
	"营口市重点项目建设情况通报|2023-11-23"

parse b08-crumb-list.html
is "a breadcrumb one <li> a line, a site name, 【打印】【关闭】" \
	"$(field b08-crumb-list.html title)|$(field b08-crumb-list.html publish_date)|$(warns b08-crumb-list.html)" \
	"关于全市重点项目建设进展情况的通报|2023-11-23|"
parse b08-crumb-list-wrong-sum.html
is "the same with a wrong sum: warned" "$(warns b08-crumb-list-wrong-sum.html sum | cut -d' ' -f1,2)" "14 sum_mismatch"

parse b08-crumbs.txt
is ">> crumbs, 发布时间 with a time" "$(field b08-crumbs.txt publish_date)" "2023-11-23"
is "a news item's headline (…推进会 is a meeting, not an organisation) after a site name and 【打印本页】" \
	"$(field b08-crumbs.txt title)|$(field b08-crumbs.txt issuer)" "丹东市召开2023年重点项目推进会|"
parse b08-guillemet.html
is "» crumbs, 来源：… 时间：…" "$(field b08-guillemet.html publish_date)" "2023-11-23"
is "the <h1> headline under 打印/关闭 links" "$(field b08-guillemet.html title)" "东港市重点项目建设提速"

# --- b09: catalogue tables ------------------------------------------------

parse b09-text-emsp.txt
is "标　　题：X关于…: the issuer without the label" "$(field b09-text-emsp.txt issuer)" \
	"盘锦市发展和改革委员会"
is "two label/value pairs a line" \
	"$(field b09-text-emsp.txt catalogue.index_no) $(field b09-text-emsp.txt catalogue.topic) $(field b09-text-emsp.txt date) $(field b09-text-emsp.txt publish_date) $(field b09-text-emsp.txt doc_number)" \
	"11211100MB0Y12345A/2023-00088 综合政务 2023-10-10 2023-10-12 盘发改发〔2023〕56号"
parse b09-twocol.html
is "a table of two label/value columns, &#12288; in 索引号" \
	"$(field b09-twocol.html issuer)|$(field b09-twocol.html catalogue.index_no)|$(field b09-twocol.html date)|$(field b09-twocol.html publish_date)" \
	"本溪市人民政府办公室|11210500001203881F/2024-00031|2024-02-26|2024-02-28"
parse b09-th.html
is "labels in <th>" \
	"$(field b09-th.html catalogue.index_no)|$(field b09-th.html catalogue.topic)|$(field b09-th.html date)|$(field b09-th.html publish_date)|$(field b09-th.html doc_number)" \
	"000014349/2024-01234|城乡建设、环境保护|2024-03-05|2024-03-07|辽市住建发〔2024〕7号"

parse b09-vertical.html
is "a row of labels over the row of their values" \
	"$(field b09-vertical.html catalogue.index_no)|$(field b09-vertical.html catalogue.publisher)|$(field b09-vertical.html doc_number)|$(field b09-vertical.html date)|$(field b09-vertical.html publish_date)" \
	"11210800MB0123456X/2024-00012|营口市人民政府办公室|营政办发〔2024〕3号|2024-01-15|2024-01-17"
parse b09-placeholder.html
is "GBK, 无 and empty cells are no values, 名　　称 the title" \
	"$(field b09-placeholder.html title)|$(field b09-placeholder.html catalogue.topic)|$(field b09-placeholder.html date)|$(field b09-placeholder.html doc_number)|$(field b09-placeholder.html publish_date)" \
	"营口市2024年第一批重点项目名单||||2024-02-01"

# --- private numbers ---------------------------------------------------------

parse pii-audit12.txt
is "mobiles, the 15-digit ID; not the landlines, the wrong check digit, the link, the 文号, the credit code" \
	"$(warns pii-audit12.txt personal | cut -d' ' -f1,2)" \
	"3 personal_phone
5 personal_phone
6 personal_phone
7 personal_id
13 personal_phone"

parse pii-table.html
is "in a table: the grouped mobile, the 002x and the 15-digit IDs, the mobile in brackets; not the landlines, 12345, 400-, codes, accounts" \
	"$(warns pii-table.html personal | cut -d' ' -f1,2,3)" \
	"4 personal_phone 139-1234-5678
6 personal_id 11010519491231002x
6 personal_id 110105491231002
8 personal_phone 13912345678"
parse pii-more12.txt
# audit 13: the grouped 15-digit ID on line 5 is flagged too (t5040)
is "电话13912345678 and the grouped 15-digit ID; not the landlines with — or 转, wrong dates or check digits, a 文号, a 注册号" \
	"$(warns pii-more12.txt personal | cut -d' ' -f1,2)" "2 personal_phone
5 personal_id"
parse pii-regno.txt
is "the same 15 digits: a 注册号 is no ID, after 身份证 it is" \
	"$(warns pii-regno.txt personal | cut -d' ' -f1,2)" "2 personal_id"

parse pii-masked.txt
is "masked numbers (139****5678, 110105********002X), 尾号, 10 digits: not flagged" \
	"$(warns pii-masked.txt personal | cut -d' ' -f1,2)" "5 personal_phone"

# --- HTML after noise ---------------------------------------------------------

for f in html-comment-first.html html-bom-blank-doctype.html html-gbk-late-meta.html \
	html-gbk-blank-late-meta.html html-gbk-nometa.html html-xml-decl-gbk.html html-upper-gbk.html; do
	parse "$f"
	is "$f: read as the page" "$(field "$f" kind) $(field "$f" title) $(figs "$f" | tr '\n' ' ')" \
		"bulletin 全市重点项目进展情况通报 200 亿元 年度计划投资 - 150 亿元 完成投资 - 75 % 投资完成率 - "
done

done_testing
