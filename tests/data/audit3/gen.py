# gen.py: our own inputs for t1780 (python3 gen.py; mkx.py is the
# auditor's hand-written xlsx writer in ../audit2-fmt).
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "audit2-fmt"))
from mkx import write
H = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)', '计划开工时间']
def n(v, fmt=None): return {'v': v, 'fmt': fmt} if fmt else {'v': v}
# Two money columns of one field under two names, in a workbook.
write('two-totals.xlsx', [{'name': '台账', 'rows': [
    ['项目编号', '项目名称', '所属地区', '估算总投资', '总投资额', '年度计划投资'],
    ['X1', '一号', '甲县', 500, 480, 100],
]}])
# A period or a start typed as a number: 2025.1 (General) could be
# January or October; 2025.10 in a 0.00 cell and 2025.3 are not ambiguous.
write('start-number.xlsx', [{'name': '台账', 'rows': [H,
    ['S1', '一号', '甲县', 500, 100, n(2025.1)],
    ['S2', '二号', '甲县', 500, 100, n(2025.1, '0.00')],
    ['S3', '三号', '甲县', 500, 100, n(2025.3)],
    ['S4', '四号', '甲县', 500, 100, '2025.1'],
]}])
PH = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态']
write('period-number.xlsx', [{'name': 'S', 'rows': [PH,
    ['S1', n(2025.1), 10, '已开工'],
    ['S2', n(2025.1, '0.00'), 20, '已开工'],
    ['S3', n(2025.3), 30, '已开工'],
    ['S4', '2025.1', 40, '已开工'],
]}])
