import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mk import mkxlsx
D=os.path.dirname(os.path.abspath(__file__))+'/'
import csv as c, io
def csv(name, rows, enc='utf-8-sig'):
    s=io.StringIO(); c.writer(s,lineterminator='\r\n').writerows(rows); open(D+name,'wb').write(s.getvalue().encode(enc))
T=['2025年重点项目台账']
H=['序号','项目名称','所属地区','总投资(万元)','年度计划投资(万元)']
A=[1,'东部快速路二期','站前区',30000,10000]; B=[2,'站前污水厂','站前区',50000,20000]; C=[3,'职业技术学院新校区','站前区',40000,15000]
# region filled down the whole column, headings included
rows=[T,H,['一','续建项目','站前区',80000,30000],A,B,['二','新开工项目','站前区',40000,15000],C]
csv('sec-region-filled.csv',rows)
csv('sec-region-filled-gbk.csv',rows,'gbk')
mkxlsx(D+'sec-region-filled.xlsx',[dict(name='Sheet1',rows=rows)])
csv('sec-category-region.csv',[T,H,['','续建项目','站前区',80000,30000],A,B,['','（二）社会事业类','站前区',40000,15000],C])
csv('sec-paren-region.csv',[T,H,['（一）','续建项目（2个）','站前区',80000,30000],A,B,['（二）','','站前区',40000,15000],C])
# projects numbered 一、二、三 stay projects
csv('cn-numbered-projects.csv',[T,H,['一']+A[1:],['二']+B[1:],['三']+C[1:]])
HL=['序号','项目编号','项目名称','所属地区','总投资(万元)','年度计划投资(万元)']
L=[[1,'XM2025141','东部快速路二期','站前区',30000,10000],[2,'XM2025142','港城热电联产','鲅鱼圈区',50000,20000]]
mkxlsx(D+'empty-first.xlsx',[dict(name='Sheet1',rows=[]),dict(name='Sheet2',rows=[T,HL]+L)])
mkxlsx(D+'chart-first.xlsx',[dict(name='图表',rows=None,chart=True),dict(name='台账',rows=[T,HL]+L)])
mkxlsx(D+'all-empty.xlsx',[dict(name='Sheet1',rows=[]),dict(name='Sheet2',rows=[])])
# S3: a 序号 in tiers: 1 over 1.1, 1.2 (a group with its rows' sums, or a
# project and its parts)
rows=[T,H,['1','站前区项目','站前区',80000,30000],['1.1']+A[1:],['1.2']+B[1:],['2','老边区项目','老边区',40000,15000],['2.1']+C[1:3]+C[3:]]
csv('tiers-group.csv',rows)
mkxlsx(D+'tiers-parts.xlsx',[dict(name='Sheet1',rows=[T,H,[1,'港城热电联产','鲅鱼圈区',50000,20000],[1.1,'港城热电联产一期','鲅鱼圈区',30000,12000],[1.2,'港城热电联产二期','鲅鱼圈区',20000,8000],[2]+C[1:]])])
# 序号 through pandas (1.0, 2.0, 3.0) is no tier
csv('seq-float.csv',[T,H,['1.0']+A[1:],['2.0']+B[1:],['3.0']+C[1:]])
# S4: a money heading over its total and the sources it is made of
LS=[[1,'XM2025141','东部快速路二期','站前区'],[2,'XM2025142','港城热电联产','鲅鱼圈区']]
H1=['序号','项目编号','项目名称','所属地区','总投资（万元）','','','年度计划投资（万元）']
mkxlsx(D+'sources-total.xlsx',[dict(name='S',rows=[T,H1,['','','','','合计','其中：中央资金','地方配套','']]+[l+[30000,5000,25000,10000] for l in LS],merges=('A2:A3','B2:B3','C2:C3','D2:D3','E2:G2','H2:H3'))])
csv('sources-total.csv',[T,['序号','项目编号','项目名称','所属地区','总投资（万元）','总投资（万元）','总投资（万元）','年度计划投资（万元）'],['','','','','中央预算内','地方政府专项债','小计','']]+[l+[5000,25000,30000,10000] for l in LS])
mkxlsx(D+'sources-plan.xlsx',[dict(name='S',rows=[T,['序号','项目编号','项目名称','所属地区','总投资（万元）','2025年计划投资（万元）','',''],['','','','','','合计','中央投资','自筹']]+[l+[30000,10000,4000,6000] for l in LS],merges=('A2:A3','B2:B3','C2:C3','D2:D3','E2:E3','F2:H2'))])
# no 合计 among them: no column is the total
mkxlsx(D+'sources-no-total.xlsx',[dict(name='S',rows=[T,H1,['','','','','中央资金','地方配套','自筹','']]+[l+[5000,20000,5000,10000] for l in LS],merges=('A2:A3','B2:B3','C2:C3','D2:D3','E2:G2','H2:H3'))])
# S3, other tier forms, and a heading ending the group
csv('tiers-dash.csv',[T,H,['1、','站前区项目','站前区',80000,30000],['1-1']+A[1:],['1-2']+B[1:],['2、']+C[1:]])
csv('tiers-paren.csv',[T,H,['1','站前区项目','站前区',80000,30000],['（1）']+A[1:],['（2）']+B[1:],['2']+C[1:]])
csv('tiers-after-heading.csv',[T,H,['一、续建项目','','','',''],['1']+A[1:],['2']+B[1:],['二、新开工项目','','','',''],['(1)']+C[1:]])
# S1, an enumerator before category words and no 项目/类 (（一）交通)
C2=[3,'职业技术学院新校区','站前区',60000,25000]
csv('sec-bare-category.csv',[T,H,['','（一）交通','站前区',140000,55000],A,B,C2])
