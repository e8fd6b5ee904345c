import sys; sys.path.insert(0,'/tmp'); 
import importlib.util
spec=importlib.util.spec_from_file_location('mkx',__import__('os').environ.get('MKX', 'mkx.py')); mkx=importlib.util.module_from_spec(spec); spec.loader.exec_module(mkx)
H=['所属地区','序号','项目名称','总投资(万元)','年度计划投资(万元)']
rows=[H,
 ['乙县',None,'1、续建项目',60,6],
 [None,1,'1号楼建设项目',10,1],
 [None,2,'A区安置房',20,2],
 [None,3,'老旧小区改造3个项目',30,3],
 [None,None,'〖合计〗',60,6],
 [None,None,'②新建项目',90,9],
 [None,4,'会计服务中心',40,4],
 [None,5,'统计大楼',50,5],
 [None,None,'（小计）',90,9],
 [None,None,'乙县计',90,9],
 [None,None,'以上小结',90,9],
 [None,None,'TOTAL:',90,9],
 [None,None,'Sub-total',90,9],
 [None,None,'乙县共2个项目',90,9],
 [None,None,'乙县 2个项目',90,9],
 [None,None,'Ⅱ、新开工项目（2个）',130,13],
 [None,None,'b)前期项目',130,13],
 [None,6,'Summit大道',60,6],
 [None,7,'设计院改造',70,7],
 [None,None,'共2个',130,13],
]
mkx.write('own-merged.xlsx',[{'name':'S','rows':rows,'merges':['A2:A21']}])
H2=['项目编号','项目名称','所属地区','总投资(万元)','年度计划投资(万元)']
# 总投资 merged over three projects; 年度计划投资 merged over two rows but empty; region merged (each row's)
rows=[H2,['Q1','丙一期','丙县',900,10],['Q2','丙二期',None,None,20],['Q3','丙三期',None,None,None],['Q4','丙四期',None,40,None],['Q5','丙五期',None,50,5]]
mkx.write('own-mg-money.xlsx',[{'name':'S','rows':rows,'merges':['C2:C6','D2:D4','E4:E5']}])
