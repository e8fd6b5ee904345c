import sys
import os; sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
from mkx import write
# parent 计划投资（万元） over years
write('m1.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','总投资（万元）','计划投资（万元）',None],
 [None,None,None,None,'2025年','2026年'],
 ['M1','一号','甲县',1000,100,200]],
 'merges':['A1:A2','B1:B2','C1:C2','D1:D2','E1:F1']}])
# parent 2025年 over 计划投资 / 1-10月完成投资
write('m2.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','总投资（万元）','2025年（万元）',None],
 [None,None,None,None,'计划投资','1-10月完成投资'],
 ['M1','一号','甲县',1000,100,50]],
 'merges':['A1:A2','B1:B2','C1:C2','D1:D2','E1:F1']}])
# parent 年度计划投资 with children 合计 / 其中：中央预算内
write('m3.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','总投资（万元）','2025年计划投资（万元）',None],
 [None,None,None,None,'合计','其中：中央资金'],
 ['M1','一号','甲县',1000,100,30]],
 'merges':['A1:A2','B1:B2','C1:C2','D1:D2','E1:F1']}])
# parent 总投资 with children 合计/其中政府投资; and plan plain
write('m4.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','总投资（万元）',None,'年度计划投资（万元）'],
 [None,None,None,'小计','其中：财政资金',None],
 ['M1','一号','甲县',1000,300,100]],
 'merges':['A1:A2','B1:B2','C1:C2','D1:E1','F1:F2']}])
# parent 投资情况（亿元） with children, but unit of one child overrides
write('m5.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','投资情况（亿元）',None,None],
 [None,None,None,'总投资','年度计划投资','其中：1-10月完成（万元）'],
 ['M1','一号','甲县',1.2,0.1,500]],
 'merges':['A1:A2','B1:B2','C1:C2','D1:F1']}])
# unmerged children under parent (parent only in first cell, no merge)
write('m6.xlsx',[{'name':'台账','rows':[
 ['项目编号','项目名称','所属地区','投资情况（亿元）',None],
 [None,None,None,'总投资','年度计划投资'],
 ['M1','一号','甲县',1.2,0.1]]}])
