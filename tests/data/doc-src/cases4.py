# Hand-written documents, batch 4: a second hold-out, labelled by hand
# before the first run (see ../doc/README.md for what that run scored).
C = []
def T(path, title, lead, resp, has=True):
    d = {"path": path, "title": title, "lead": lead, "responsible": resp}
    if not has: d["has_units"] = False
    return d
def F(text, label, value, unit, group=None, rank=None):
    d = {"text": text, "label": label, "value": value, "unit": unit}
    if group: d["group"] = group
    if rank: d["rank"] = rank
    return d

C.append(("wp-17-lead-mark", "txt", "utf-8", """益阳市2024年重大项目建设“比学赶超”活动任务分解表
一、项目谋划
1.谋划储备重大项目100个以上。责任单位：市发展改革委（牵头），市财政局、市自然资源和规划局
2.争取中央预算内投资10亿元以上。责任单位：市发展改革委（牵头），各区县（市）人民政府
二、项目建设
1.确保新开工项目80个以上。责任单位：市住房城乡建设局（牵头），市发展改革委
""", {"kind": "work_plan", "title": "益阳市2024年重大项目建设“比学赶超”活动任务分解表",
 "tasks": [T("一.1", "谋划储备重大项目100个以上", ["市发展改革委"], ["市财政局", "市自然资源和规划局"]),
           T("一.2", "争取中央预算内投资10亿元以上", ["市发展改革委"], ["各区县（市）人民政府"]),
           T("二.1", "确保新开工项目80个以上", ["市住房城乡建设局"], ["市发展改革委"])]}))

C.append(("reply-08-daibiao", "txt", "utf-8", """对市十五届人大四次会议第45号代表建议的答复
刘洋等5位代表：
　　你们提出的关于加快老旧小区改造的建议收悉，现答复如下：
　　2023年，全市改造老旧小区86个，惠及居民1.2万户。
　　感谢你们对住房和城乡建设工作的支持。
湘潭市住房和城乡建设局
2024年5月9日
""", {"kind": "proposal_reply", "title": "对市十五届人大四次会议第45号代表建议的答复",
 "issuer": "湘潭市住房和城乡建设局", "date": "2024-05-09",
 "proposal": {"session": "市十五届人大四次会议", "number": "45", "proposer": "刘洋等5位代表",
              "title": "关于加快老旧小区改造的建议"},
 "reply": {"org": "湘潭市住房和城乡建设局", "date": "2024-05-09"}}))

C.append(("wp-18-html-br", "html", "utf-8", """<html><body>
<div class="title">关于印发《衡南县2024年招商引资攻坚行动方案》的通知</div>
<div class="con">
各乡镇人民政府，县直各单位：<br/>
一、重点任务<br/>
（一）开展驻点招商。在粤港澳大湾区设立驻点招商小组。<strong>（牵头单位：县商务局；责任单位：县投资促进中心）</strong><br/>
（二）开展以商招商。<strong>（牵头单位：县工商联；责任单位：各乡镇人民政府）</strong><br/>
<p style="text-align:right">衡南县人民政府办公室<br/>2024年2月2日</p>
</div></body></html>
""", {"kind": "work_plan", "title": "关于印发《衡南县2024年招商引资攻坚行动方案》的通知",
 "issuer": "衡南县人民政府办公室", "date": "2024-02-02",
 "tasks": [T("一.(一)", "开展驻点招商", ["县商务局"], ["县投资促进中心"]),
           T("一.(二)", "开展以商招商", ["县工商联"], ["各乡镇人民政府"])]}))

C.append(("bulletin-06-growth", "txt", "utf-8", """关于2024年1-4月全县固定资产投资和重点项目进展情况的通报
　　1-4月，全县固定资产投资同比增长8.6%。全县36个重点项目完成投资12.45亿元，占年度计划的35.2%；开复工项目33个，开复工率91.7%。
""", {"kind": "bulletin", "title": "关于2024年1-4月全县固定资产投资和重点项目进展情况的通报",
 "figures": [F("同比增长8.6%", "同比增长", "8.6", "%"),
             F("36个", "项目数", "36", "个"),
             F("完成投资12.45亿元", "完成投资", "12.45", "亿元"),
             F("占年度计划的35.2%", "投资完成率", "35.2", "%"),
             F("开复工项目33个", "开复工项目数", "33", "个"),
             F("开复工率91.7%", "开复工率", "91.7", "%")]}))
