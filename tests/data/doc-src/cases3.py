# Hand-written documents, batch 3: written after the parser was tuned on
# batches 1-2, as a hold-out; labelled by hand before the first run.
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

C.append(("wp-15-bumen", "txt", "utf-8", """怀化市2024年营商环境优化提升行动实施方案
怀政办发〔2024〕6号
（一）深化“一件事一次办”改革
1．拓展集成服务事项。新增“一件事一次办”事项20项。【牵头部门：市政务服务中心；配合部门：市直有关单位】
2．推进跨省通办。【牵头部门：市政务服务中心；配合部门：市公安局、市人力资源社会保障局】
（二）优化市场准入
1．深化商事制度改革。【牵头部门：市市场监管局】
怀化市人民政府办公室
2024年3月5日
""", {"kind": "work_plan", "title": "怀化市2024年营商环境优化提升行动实施方案",
 "doc_number": "怀政办发〔2024〕6号", "issuer": "怀化市人民政府办公室", "date": "2024-03-05",
 "tasks": [T("(一).1", "拓展集成服务事项", ["市政务服务中心"], ["市直有关单位"]),
           T("(一).2", "推进跨省通办", ["市政务服务中心"], ["市公安局", "市人力资源社会保障局"]),
           T("(二).1", "深化商事制度改革", ["市市场监管局"], [])]}))

C.append(("reply-06-inline-proposer", "txt", "utf-8", """关于政协第十三届永州市委员会第二次会议第2023045号提案办理情况的答复
李英姿委员：您提出的《关于支持县域特色产业集群发展的提案》已收悉，现答复如下：
　　近年来，我市坚持把县域特色产业集群作为县域经济发展的主抓手，全市已培育省级县域特色产业集群6个。
　　下一步，我们将继续加大支持力度。
永州市工业和信息化局
二〇二三年八月十日
联系人：孙敏；联系电话：0746-8221234
""", {"kind": "proposal_reply",
 "title": "关于政协第十三届永州市委员会第二次会议第2023045号提案办理情况的答复",
 "issuer": "永州市工业和信息化局", "date": "2023-08-10",
 "proposal": {"session": "政协第十三届永州市委员会第二次会议", "number": "2023045",
              "proposer": "李英姿委员", "title": "关于支持县域特色产业集群发展的提案"},
 "reply": {"org": "永州市工业和信息化局", "date": "2023-08-10", "handler": "孙敏",
           "phone": "0746-8221234"}}))

C.append(("bulletin-05-county", "txt", "utf-8", """祁阳市重点项目建设情况通报（第5期）
祁阳市重点建设项目事务中心
2023年6月6日
一、总体情况
　　1-5月，全市56个重点项目累计完成投资38650万元，占年度计划投资的42.3%，开复工率91.1%。
二、县区排名
　　按投资完成率，各片区排名依次为：城区片区、经开区、浯溪片区、白水片区。
""", {"kind": "bulletin", "title": "祁阳市重点项目建设情况通报（第5期）",
 "issuer": "祁阳市重点建设项目事务中心", "date": "2023-06-06",
 "figures": [F("56个", "项目数", "56", "个"),
             F("累计完成投资38650万元", "完成投资", "38650", "万元"),
             F("占年度计划投资的42.3%", "投资完成率", "42.3", "%"),
             F("开复工率91.1%", "开复工率", "91.1", "%"),
             {"text": "城区片区", "label": "投资完成率", "group": "城区片区", "rank": 1},
             {"text": "经开区", "label": "投资完成率", "group": "经开区", "rank": 2},
             {"text": "浯溪片区", "label": "投资完成率", "group": "浯溪片区", "rank": 3},
             {"text": "白水片区", "label": "投资完成率", "group": "白水片区", "rank": 4}]}))

C.append(("other-02-jiedu-html", "html", "utf-8", """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政策解读</title>
<link rel="stylesheet" href="/css/main.css"></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策解读</div>
<div class="info">发布时间：2024-04-02 10:21&nbsp;&nbsp;&nbsp;来源：市发展和改革委员会&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">356</span></div>
<h1>《衡阳市促进民间投资高质量发展若干措施》政策解读</h1>
<div class="article">
<p>一、出台背景</p>
<p>为进一步激发民间投资活力，市发展改革委起草了《若干措施》。</p>
<p>二、主要内容</p>
<p>《若干措施》共四个方面18条。</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="foot">主办单位：衡阳市人民政府办公室 | 网站标识码：4304000001 | 湘ICP备05001234号</div>
</body></html>
""", {"kind": "other", "title": "《衡阳市促进民间投资高质量发展若干措施》政策解读",
 "publish_date": "2024-04-02"}))

C.append(("wp-16-parent-units", "txt", "utf-8", """关于印发《张家界市文旅产业项目攻坚行动方案》的通知
张政办发〔2023〕9号
各区县人民政府，市直有关单位：
一、重点任务
（一）推进重大文旅项目建设（牵头单位：市文化旅游广电体育局；责任单位：各区县人民政府）
1．加快大庸古城二期建设。
2．推进七十二奇楼提质改造。
（二）培育文旅消费新业态
1．发展夜间经济。（牵头单位：市商务局；责任单位：永定区人民政府）
2．打造研学旅行品牌。（牵头单位：市教育局；责任单位：市文化旅游广电体育局）
张家界市人民政府办公室
2023年5月16日
""", {"kind": "work_plan", "title": "关于印发《张家界市文旅产业项目攻坚行动方案》的通知",
 "doc_number": "张政办发〔2023〕9号", "issuer": "张家界市人民政府办公室", "date": "2023-05-16",
 "tasks": [T("一.(一)", "推进重大文旅项目建设", ["市文化旅游广电体育局"], ["各区县人民政府"]),
           T("一.(二).1", "发展夜间经济", ["市商务局"], ["永定区人民政府"]),
           T("一.(二).2", "打造研学旅行品牌", ["市教育局"], ["市文化旅游广电体育局"])]}))

C.append(("reply-07-gbk-html", "html", "gbk", """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body>
<table><tr><td>索引号：</td><td>000014349/2023-12345</td><td>文号：</td><td>无</td></tr></table>
<p align="center"><b>关于市政协十二届二次会议第156号提案的答复</b></p>
<p>民建常德市委：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;你们提出的《关于推动常德高新区扩区提质的提案》收悉。经研究，现答复如下：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;高新区现有规划面积22.5平方公里，其中已建成区15.3平方公里、待开发区7.2平方公里。</p>
<p align="right">常德市发展和改革委员会<br>2023年6月28日</p>
</body></html>
""", {"kind": "proposal_reply", "title": "关于市政协十二届二次会议第156号提案的答复",
 "issuer": "常德市发展和改革委员会", "date": "2023-06-28",
 "catalogue": {"index_no": "000014349/2023-12345"},
 "proposal": {"session": "市政协十二届二次会议", "number": "156", "proposer": "民建常德市委",
              "title": "关于推动常德高新区扩区提质的提案"},
 "reply": {"org": "常德市发展和改革委员会", "date": "2023-06-28"}}))
