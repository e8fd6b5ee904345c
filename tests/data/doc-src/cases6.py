# Hand-written documents, batch 6 (issue 8, hold-out): written after the
# fixes, in layouts the earlier batches do not use, and labelled before
# the reader ran on them, to see whether the fixes hold as classes.
C = []

def T(path, title, lead, resp, deadline=None, has=True):
    d = {"path": path, "title": title, "lead": lead, "responsible": resp}
    if deadline: d["deadline"] = deadline
    if not has: d["has_units"] = False
    return d

def F(text, label, value, unit, group=None, rank=None):
    d = {"text": text, "label": label, "value": value, "unit": unit}
    if group: d["group"] = group
    if rank: d["rank"] = rank
    return d

def W(kind, text, line, reading=None):
    d = {"kind": kind, "text": text, "line": line}
    if reading: d["reading"] = reading
    return d

# A news item with a headline that holds no title word, in HTML.
C.append(("bulletin-12-news-headline", "html", "utf-8", """<html><head><meta charset="utf-8"><title>醴陵新闻</title></head><body>
<div class="crumb">首页 &gt; 新闻中心 &gt; 部门动态</div>
<h1>醴陵重点项目建设按下“快进键”</h1>
<p>　　今年以来，醴陵市把项目建设作为经济工作的主抓手。截至8月底，全市56个重点项目累计完成投资87.5亿元，占年度计划投资的68.4%，年度计划投资127.9亿元。</p>
<p>　　计划新开工项目18个，已开工15个，开工率83.3%。</p>
</body></html>
""", {"kind": "bulletin", "title": "醴陵重点项目建设按下“快进键”",
 "figures": [F("56个", "项目数", "56", "个"),
             F("累计完成投资87.5亿元", "完成投资", "87.5", "亿元"),
             F("占年度计划投资的68.4%", "投资完成率", "68.4", "%"),
             F("年度计划投资127.9亿元", "年度计划投资", "127.9", "亿元"),
             F("计划新开工项目18个", "计划新开工项目数", "18", "个"),
             F("已开工15个", "开工项目数", "15", "个"),
             F("开工率83.3%", "开工率", "83.3", "%")]}))

# A task table with section rows and a lead cell spanning two rows.
C.append(("wp-34-table-sections", "html", "utf-8", """<html><body>
<h2>攸县2024年重点工作任务分解表</h2>
<table border="1">
<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td colspan="5">一、项目建设</td></tr>
<tr><td>1</td><td><p>推进攸县工业园标准厂房建设</p></td><td rowspan="2">县工信局</td><td>县自然资源局</td><td>2024年9月底前</td></tr>
<tr><td>2</td><td><p>推进园区污水处理厂提标改造</p></td><td>县生态环境局</td><td>2024年12月底前</td></tr>
<tr><td colspan="5">二、民生实事</td></tr>
<tr><td>3</td><td><p>新建城区公办幼儿园2所</p></td><td>县教育局</td><td>县住房和城乡建设局及各镇人民政府</td><td>长期坚持</td></tr>
</table>
<p>攸县人民政府办公室</p>
<p>2024年1月26日</p>
</body></html>
""", {"kind": "work_plan", "title": "攸县2024年重点工作任务分解表",
 "issuer": "攸县人民政府办公室", "date": "2024-01-26",
 "tasks": [T("一.1", "推进攸县工业园标准厂房建设", ["县工信局"], ["县自然资源局"], "2024-09"),
           T("一.2", "推进园区污水处理厂提标改造", ["县工信局"], ["县生态环境局"], "2024-12"),
           T("二.3", "新建城区公办幼儿园2所", ["县教育局"], ["县住房和城乡建设局", "各镇人民政府"], "长期坚持")]}))

# A catalogue whose labels sit in cells of their own (no colons), and a
# reply whose signature is followed by 承办单位 and a bracketed contact.
C.append(("reply-14-th-catalogue", "html", "utf-8", """<html><body>
<table class="xxgk">
<tr><th>索引号</th><td>11430281MB0X12345K/2023-00087</td><th>主题分类</th><td>城乡建设、环境保护</td></tr>
<tr><th>发布机构</th><td>醴陵市住房和城乡建设局</td><th>发布日期</th><td>2023-08-02</td></tr>
<tr><th>标题</th><td colspan="3">关于市政协十届二次会议第62号提案的答复</td></tr>
</table>
<div class="content">
<p>尊敬的易小华委员：</p>
<p>　　您提出的《关于加快老旧小区加装电梯的提案》收悉，现答复如下：</p>
<p>　　2023年，全市计划加装电梯60台，已完成42台。下一步，我局将简化审批流程，加快推进。</p>
<p>醴陵市住房和城乡建设局</p>
<p>2023年7月25日</p>
<p>承办单位：醴陵市住房和城乡建设局房产科</p>
<p>（联系人：谭　伟，联系电话：0731-23412345）</p>
</div></body></html>
""", {"kind": "proposal_reply", "title": "关于市政协十届二次会议第62号提案的答复",
 "issuer": "醴陵市住房和城乡建设局", "date": "2023-07-25", "publish_date": "2023-08-02",
 "catalogue": {"index_no": "11430281MB0X12345K/2023-00087", "publisher": "醴陵市住房和城乡建设局",
               "topic": "城乡建设、环境保护"},
 "proposal": {"session": "市政协十届二次会议", "number": "62", "proposer": "易小华委员",
              "title": "关于加快老旧小区加装电梯的提案"},
 "reply": {"org": "醴陵市住房和城乡建设局", "date": "2023-07-25", "handler": "谭伟",
           "phone": "0731-23412345"}}))
