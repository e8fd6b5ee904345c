# Hand-written documents, batch 7 (the audit after issue 8). An auditor
# found classes the reader still got wrong and handed over inputs for some
# (copied here as `audit-*`, so the suite runs without them); for each
# class there are documents of our own too, labelled before the fix ran.
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

# ---- 1. A task table whose last row ends with a full date: a row, not the
# signature (an issuer line and a date line after the body).

C.append(("audit-t2-table-last-date", "html", "utf-8", """<html><head><meta charset="utf-8"></head><body>
<p>关于印发《某市2025年重大项目攻坚行动任务分解表》的通知</p>
<table>
<tr><td>序号</td><td>主要任务</td><td>责任领导</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>开工建设东环路快速化改造工程</td><td>张三</td><td rowspan="2">市交通运输局</td><td>市城投集团</td><td>2025年4月</td></tr>
<tr><td>2</td><td>完成港口集疏运铁路前期工作</td><td>李四</td><td>市发展改革委、市自然资源局</td><td>2025年第三季度</td></tr>
<tr><td>3</td><td>推进老旧小区改造120个</td><td>王五</td><td>市住房城乡建设局</td><td>各区人民政府</td><td>2025年11月30日</td></tr>
</table>
</body></html>
""", {"kind": "work_plan",
 "title": "关于印发《某市2025年重大项目攻坚行动任务分解表》的通知",
 "tasks": [T("1", "开工建设东环路快速化改造工程", ["市交通运输局"], ["市城投集团"], "2025-04"),
           T("2", "完成港口集疏运铁路前期工作", ["市交通运输局"], ["市发展改革委", "市自然资源局"], "2025-09"),
           T("3", "推进老旧小区改造120个", ["市住房城乡建设局"], ["各区人民政府"], "2025-11-30")]}))

C.append(("audit-t2c-flat-last-date", "txt", "utf-8", """某市2025年重大项目攻坚行动任务分解表
序号
主要任务
牵头单位
责任单位
完成时限
1
开工建设东环路快速化改造工程
市交通运输局
市城投集团
2025年4月
2
推进老旧小区改造120个
市住房城乡建设局
各区人民政府
2025年11月30日
""", {"kind": "work_plan",
 "title": "某市2025年重大项目攻坚行动任务分解表",
 "tasks": [T("1", "开工建设东环路快速化改造工程", ["市交通运输局"], ["市城投集团"], "2025-04"),
           T("2", "推进老旧小区改造120个", ["市住房城乡建设局"], ["各区人民政府"], "2025-11-30")]}))

C.append(("audit-t2d-tabs-last-date", "txt", "utf-8", """某市2025年重大项目攻坚行动任务分解表
序号	主要任务	牵头单位	责任单位	完成时限
1	开工建设东环路快速化改造工程	市交通运输局	市城投集团	2025年4月
2	推进老旧小区改造120个	市住房城乡建设局	各区人民政府	2025年11月30日
""", {"kind": "work_plan",
 "title": "某市2025年重大项目攻坚行动任务分解表",
 "tasks": [T("1", "开工建设东环路快速化改造工程", ["市交通运输局"], ["市城投集团"], "2025-04"),
           T("2", "推进老旧小区改造120个", ["市住房城乡建设局"], ["各区人民政府"], "2025-11-30")]}))

# An HTML table whose last two rows share a lead cell (rowspan) and end
# with full dates; the real signature follows the table.
C.append(("wp-35-table-date-then-sig", "html", "utf-8", """<html><head><meta charset="utf-8"><title>攸县人民政府</title></head><body>
<h2>攸县2024年民生实事任务分解表</h2>
<table border="1">
<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时间</th></tr>
<tr><td>1</td><td>新建农村公路50公里</td><td>县交通运输局</td><td>各镇人民政府</td><td>2024年10月31日</td></tr>
<tr><td>2</td><td>改造老旧供水管网20公里</td><td rowspan="2">县水利局</td><td>县城投公司</td><td>2024年11月30日</td></tr>
<tr><td>3</td><td>完成6座小型水库除险加固</td><td>县财政局、各镇人民政府</td><td>2024年12月31日</td></tr>
</table>
<p>攸县人民政府办公室</p>
<p>2024年2月1日</p>
</body></html>
""", {"kind": "work_plan", "title": "攸县2024年民生实事任务分解表",
 "issuer": "攸县人民政府办公室", "date": "2024-02-01",
 "tasks": [T("1", "新建农村公路50公里", ["县交通运输局"], ["各镇人民政府"], "2024-10-31"),
           T("2", "改造老旧供水管网20公里", ["县水利局"], ["县城投公司"], "2024-11-30"),
           T("3", "完成6座小型水库除险加固", ["县水利局"], ["县财政局", "各镇人民政府"], "2024-12-31")]}))

# A table flattened to one cell per line, with no lead column, ending with
# a date written with hyphens: nothing after it.
C.append(("wp-36-flat-date-last", "txt", "utf-8", """醴陵市2025年重点民生项目任务清单
序号
工作任务
责任单位
完成时间
1
建成城区停车场3处
市城市管理局
2025年6月30日
2
新增公办学位2000个
市教育局、市住房和城乡建设局
2025-08-31
""", {"kind": "work_plan", "title": "醴陵市2025年重点民生项目任务清单",
 "tasks": [T("1", "建成城区停车场3处", [], ["市城市管理局"], "2025-06-30"),
           T("2", "新增公办学位2000个", [], ["市教育局", "市住房和城乡建设局"], "2025-08-31")]}))

# Tab-separated rows with dotted dates, and a bare date line after the
# table (a date, no issuer).
C.append(("wp-37-tabs-date-bare-date", "txt", "utf-8", """茶陵县2025年项目建设攻坚任务表
序号\t工作任务\t牵头单位\t责任单位\t完成时限
1\t建成工业园标准厂房10万平方米\t县工信局\t县自然资源局、县住建局\t2025.9.30
2\t完成高铁站前广场建设\t县住建局\t县交通运输局\t2025.12.31

2025年1月8日
""", {"kind": "work_plan", "title": "茶陵县2025年项目建设攻坚任务表",
 "date": "2025-01-08",
 "tasks": [T("1", "建成工业园标准厂房10万平方米", ["县工信局"], ["县自然资源局", "县住建局"], "2025-09-30"),
           T("2", "完成高铁站前广场建设", ["县住建局"], ["县交通运输局"], "2025-12-31")]}))

