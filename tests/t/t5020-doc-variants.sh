#!/bin/bash
# t5020-doc-variants.sh: `taizhang doc parse` on variants of the document
# cases it once failed (nested tasks, grouped and run-together figures,
# rates without 完成率, page chrome, catalogue tables, private numbers,
# HTML after blank lines), written for audit 11 (tests/data/doc-audit11,
# see its ORIGIN.md and docs/audits/doc-audit11.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-doc.sh"

d="$TZ_TEST_DATA/doc-audit11"

# --- b04: a task's sub-points and the units that close the task ---------

parse b04-circled.txt
is "①② points, units on their own line: the task's" \
	"$(tasks b04-circled.txt | sed -n 1p)" \
	"一.(一).1||市应急局、市发改委、各县（市、区）人民政府"
is "units after a comma at the end of the last point: the task's" \
	"$(tasks b04-circled.txt | sed -n 2p)" "一.(一).2||市工信局、市应急局"
is "no task without units" "$(warns b04-circled.txt task_without)" ""
is "the notice's date in 二〇一七年四月十三日" "$(field b04-circled.txt date)" "2017-04-13"
is "the notice's issuer" "$(field b04-circled.txt issuer)" "临汾市人民政府办公室"

parse b04-paren-halfwidth.txt
is "(责任单位:…) right after the last point's full stop" "$(tasks b04-paren-halfwidth.txt)" \
	"一.1|县发改局|县住建局、县自然资源局
一.2||县财政局、县金融办"
is "no task without units (half-width)" "$(warns b04-paren-halfwidth.txt task_without)" ""

parse b04-yishi.txt
is "units separated by a space are two units" "$(tasks b04-yishi.txt | sed -n 1p)" \
	"(一).1|市政务服务局|市发改委、市住建局、市自然资源局"

parse b04-lead-semicolon.txt
is "牵头…；责任单位 on a line, a bracket with a full-width space, points on one line" \
	"$(tasks b04-lead-semicolon.txt)" \
	"一.(一).1|市发改委|市工信局、市商务局、各县（市、区）人民政府
一.(一).2|市发改委|市自然资源局、市生态环境局
一.(一).3||市财政局、市金融办、人行某市中心支行"
is "its date in 二〇二三年三月一日" "$(field b04-lead-semicolon.txt date)" "2023-03-01"

# --- b05: the group of each figure from its section ---------------------

parse b05-yishi.txt
is "一是…/二是… name the groups" "$(figs b05-yishi.txt | awk '{print $1, $4}' | tr '\n' ' ')" \
	"120 市级重点项目 300 市级重点项目 165 市级重点项目 55 市级重点项目 30 省级重点项目 88.6 省级重点项目 50.2 省级重点项目 56.7 省级重点项目 "

parse b05-fangmian.txt
is "…方面， names the groups" "$(figs b05-fangmian.txt | awk '{print $1, $4}' | tr '\n' ' ')" \
	"98 市级重点项目 210 市级重点项目 118.5 市级重点项目 56.4 市级重点项目 21 省级重点项目 96.4 省级重点项目 60.3 省级重点项目 62.6 省级重点项目 "

parse b05-numheading.txt
is "a heading with a count names its group, and is not a second figure" \
	"$(figs b05-numheading.txt | grep -v 市级 | awk '{print $1, $3, $4}')" \
	"30 项目数 省重点项目
12.5 年度计划投资 省重点项目
10.1 完成投资 省重点项目
80.8 投资完成率 省重点项目"

# --- b06: rates without 完成率, planned and actual starts ---------------

parse b06-rates.txt
is "完成年度计划的 and 为年度目标任务的 are completion rates" \
	"$(figs b06-rates.txt | grep ' % ')" "45.2 % 投资完成率 -
48 % 投资完成率 省重点项目"
is "a part's plan and its amount done are not summed" "$(warns b06-rates.txt)" ""
parse b06-rates-wrong-rate.txt
is "both rates checked" "$(warns b06-rates-wrong-rate.txt rate | cut -d' ' -f1,2)" "2 rate_mismatch
2 rate_mismatch"

parse b06-starts.txt
is "列入计划的新开工项目 are planned starts, 已开工 the starts made" \
	"$(figs b06-starts.txt | grep ' 项 ')" "120 项 计划新开工项目数 -
96 项 开工项目数 -"
is "完成全年计划的 and 开工率 hold" "$(warns b06-starts.txt)" ""
parse b06-starts-wrong-rate.txt
is "完成全年计划的 and 开工率 checked" \
	"$(warns b06-starts-wrong-rate.txt rate | sed 's/.*，开工率/开工率/; s/^2 rate_mismatch .*完成全年计划的/完成全年计划的/')" \
	"完成全年计划的70.5%
开工率90%"

parse b06-starts-after.txt
is "新开工项目计划120个: 计划 after the measure word is a plan too" \
	"$(figs b06-starts-after.txt | grep ' 个 ')" "120 个 计划新开工项目数 -
96 个 开工项目数 -"
is "its 开工率 holds (96 / 120)" "$(warns b06-starts-after.txt)" ""

# --- b08: breadcrumbs and page chrome before the title -------------------

for f in b08-crumb-gt.txt b08-crumb-dbl.txt b08-crumb-sep.txt b08-crumb-inline.txt b08-chrome-html.html; do
	parse "$f"
	contains "$f: title without the chrome" "$TZ_TMP/$f.json" '"title": "关于'
	is "$f: no warning" "$(warns "$f")" ""
done
is "breadcrumb on the title's line cut off" "$(field b08-crumb-inline.txt title)" \
	"关于全县重点项目上半年建设情况的通报"
is "publish date after 发布时间 with a clock time" "$(field b08-chrome-html.html publish_date)" "2023-12-20"
is "未开工 is not 开工" "$(figs b08-crumb-sep.txt | sed -n 3p)" "14 个 未开工项目数 -"
is "a 其中 item named by its measure is its own group" "$(figs b08-chrome-html.html | sed -n 3p)" \
	"18 个 新开工项目数 新开工项目"
parse b08-crumb-dbl-wrong-sum.txt
is "the sum warning after >> chrome" "$(warns b08-crumb-dbl-wrong-sum.txt sum | cut -d' ' -f1,2)" "5 sum_mismatch"

# --- b09: catalogue tables ------------------------------------------------

for f in b09-th.html b09-dl.html b09-ideo.html b09-text.txt b09-td-nocolon.html; do
	parse "$f"
	is "$f: index number" "$(field "$f" catalogue.index_no | cut -d/ -f1)" "11510100MB1234567X"
	is "$f: topic" "$(field "$f" catalogue.topic)" "城乡建设、环境保护"
	contains "$f: title without its label" "$TZ_TMP/$f.json" '"title": "关于'
	contains "$f: 文号" "$TZ_TMP/$f.json" '"doc_number": "某'
done
is "b09 dates" "$(field b09-th.html date) $(field b09-th.html publish_date)" "2021-03-05 2021-03-09"

# --- private numbers --------------------------------------------------------

parse pii-more.txt
is "mobile and ID numbers in every disguise, and nothing else" \
	"$(warns pii-more.txt personal | cut -d' ' -f1,2)" \
	"3 personal_phone
4 personal_phone
5 personal_phone
6 personal_phone
7 personal_phone
15 personal_id
16 personal_id
17 personal_phone
21 personal_id
23 personal_phone"

# --- HTML after BOMs, comments, blank lines, in GBK ------------------------

parse html-reference.html
for f in html-bom-comment.html html-bom-blank.html html-gb2312-nohtml.html html-comments-gbk.html; do
	parse "$f"
	is "$f: read as the page without them" \
		"$(field "$f" kind) $(field "$f" title) $(tasks "$f" | tr '\n' ' ')" \
		"$(field html-reference.html kind) $(field html-reference.html title) $(tasks html-reference.html | tr '\n' ' ')"
done

done_testing
