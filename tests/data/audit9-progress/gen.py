# gen.py: our own workbook inputs for t1799 (python3 gen.py; the
# auditor's xlsx writer mkx.py is the one kept in ../audit2-fmt).
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
from mkx import write
H = ['项目编号', '项目名称', '调度期', '完成投资(万元)', '开工状态']
# A sheet named for a span of months over a plain 完成投资: refused.
write('sheet-1zhi9-generic.xlsx', [{'name': '1至9月完成情况', 'rows': [H,
    ['P1', '甲项目', '2025-09', 4000, '已开工']]}])
# A sheet named for one month over the same header: read.
write('sheet-10yue-generic.xlsx', [{'name': '10月', 'rows': [H,
    ['P1', '甲项目', '2025-10', 900, '已开工']]}])
# 累计 in the sheet's name over a column saying 本月: refused.
write('sheet-cum-month.xlsx', [{'name': '2025年累计', 'rows': [
    ['项目编号', '调度期', '本月完成投资(万元)', '开工状态'],
    ['P1', '2025-10', 900, '已开工']]}])
# A title naming October over rows of September, in a workbook.
write('title-mismatch.xlsx', [{'name': '调度表', 'rows': [
    ['2025年10月重点项目调度表'],
    ['项目编号', '调度期', '本期完成投资(万元)', '开工状态'],
    ['P1', '2025-09', 900, '已开工']]}])
# A name contradicting the ledger's, in a workbook.
write('name-mismatch.xlsx', [{'name': '10月', 'rows': [
    ['项目编号', '项目名称', '调度期', '本期完成投资(万元)', '开工状态'],
    ['P2', '甲项目', '2025-10', 900, '已开工']]}])
