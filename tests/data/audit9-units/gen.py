# gen.py: our own xlsx inputs for t1798 (python3 gen.py; the auditor's
# xlsx writer mkx.py is the one kept in ../audit2-fmt).
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
from mkx import write
P = ['项目编号', '项目名称', '所属地区', '总投资', '年度计划投资']
def n(v, fmt): return {'v': v, 'fmt': fmt}
# The yuan's sign in a locale bracket under plain headers (W4).
write('own-cny2-plain.xlsx', [{'name': '台账', 'rows': [P,
    ['P1', '甲项目', '甲县', n(12000000, '[$¥-804]#,##0.00'), n(1000000, '[$¥-804]#,##0.00')],
]}])
# The same under 万元 headers: decoration, read as today.
write('own-cny-wan-hdr.xlsx', [{'name': '台账', 'rows': [
    ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)'],
    ['P1', '甲项目', '甲县', n(1200, '"￥"#,##0.00'), n(100, '"￥"#,##0.00')],
]}])
# 0.00"亿元" on one cell, General on another, in the plan column (W3).
write('own-cellfmt-plan.xlsx', [{'name': '台账', 'rows': [P,
    ['P1', '甲项目', '甲县', n(1.2, '0.00"亿元"'), n(0.1, '0.00"亿元"')],
    ['P2', '乙项目', '甲县', n(0.8, '0.00"亿元"'), 0.05],
]}])
# A unit in the sheet's name only, plain headers (W3c).
write('own-sheet-unit.xlsx', [{'name': '台账（单位：亿元）', 'rows': [P,
    ['P1', '甲项目', '甲县', 1.2, 0.1],
]}])
