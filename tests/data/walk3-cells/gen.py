# gen.py: our own merged-row inputs for t1810 (python3 gen.py; the
# auditor's xlsx writer mkx.py is the one kept in ../audit2-fmt).
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
from mkx import write
H = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
HN = ['序号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
# No codes: the name and every cell merged over three rows, the region
# merged over all the list; one project.
write('merge-3rows-name.xlsx', [{'name': '台账', 'rows': [HN,
    [1, '甲县城区污水处理厂提标改造及配套管网建设项目', '甲县', 3000, 300],
    [None, None, None, None, None],
    [None, None, None, None, None],
    [2, '乙项目', None, 500, 50],
], 'merges': ['A2:A4', 'B2:B4', 'C2:C5', 'D2:D4', 'E2:E4']}])
# The amount merged one row further than the code: the next project's.
write('merge-money-longer.xlsx', [{'name': '台账', 'rows': [H,
    ['P1', '甲项目', '甲县', 1000, 100],
    [None, None, None, None, None],
    ['P2', '乙项目', '甲县', None, 200],
], 'merges': ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D4', 'E2:E3']}])
# The code merged over two rows, the second with a plan of its own.
write('merge-own-value.xlsx', [{'name': '台账', 'rows': [H,
    ['P1', '甲项目', '甲县', 1000, 100],
    [None, None, None, None, 300],
    ['P2', '乙项目', '甲县', 2000, 200],
], 'merges': ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3']}])
