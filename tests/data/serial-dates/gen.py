# gen.py: Excel date serials shown as plain numbers in 计划开工时间 and
# 调度期 (python3 gen.py; uses ../audit2-fmt/mkx.py).
import sys
sys.path.insert(0, '../audit2-fmt')
import mkx
head = ['项目编号', '项目名称', '所属地区', '总投资（万元）', '年度计划投资（万元）', '计划开工时间']
# 45717 is 2025-03-01 counted from 1900; 44255 the same day from 1904.
mkx.write('serial.xlsx', [dict(name='台账', rows=[head,
    ['P1', '甲项目', '甲县', 1000, 100, 45717],
    ['P2', '乙项目', '甲县', 2000, 200, '45748']])])
mkx.write('serial1904.xlsx', [dict(name='台账', rows=[head,
    ['P1', '甲项目', '甲县', 1000, 100, 44255],
    ['P2', '乙项目', '甲县', 2000, 200, 44286]])], date1904=True)
mkx.write('report-serial.xlsx', [dict(name='调度', rows=[
    ['项目编号', '调度期', '本期完成投资（万元）', '开工状态'],
    ['P1', 45930, 50, '已开工']])])
