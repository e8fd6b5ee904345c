# gen.py: the inputs of t1826 (python3 gen.py; the workbooks with the
# audit's mkx.py in ../audit2-fmt; the .xls files are LibreOffice's
# conversions of the .xlsx ones, made apart: soffice --headless
# --convert-to xls l-unit.xlsx p-month-col.xlsx). Each sheet has its
# title on line 1, a 填报单位 line 2 and its header on line 3, except
# where its entry says otherwise.
import html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'audit2-fmt'))
from mkx import write as xlsx

FILLER = '填报单位：甲县发展和改革局'
LEDGER = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
BARE = ['项目编号', '项目名称', '所属地区', '总投资', '年度计划投资']
ROW = ['P1', '甲项目', '甲县', 12000, 1200]
SHEETS = {
    # A unit in the title against the header's.
    'l-unit': [['2025年重点项目台账（单位：亿元）'], [FILLER], LEDGER, ROW],
    # A unit in the title the import cannot convert.
    'l-unit-foreign': [['2025年重点项目台账（单位：万美元）'], [FILLER], BARE, ['P1', '甲项目', '甲县', 1.2, 0.12]],
    # Two units in the title.
    'l-unit-two': [['2025年重点项目台账（单位：万元、亿元）'], [FILLER], BARE, ['P1', '甲项目', '甲县', 1.2, 0.12]],
    # A unit in the title, another on the line under it.
    'l-unit-lines': [['2025年重点项目台账（单位：亿元）'], ['单位：万元'], BARE, ['P1', '甲项目', '甲县', 1.2, 0.12]],
    # A unit in the title over a header stating none: read in it.
    'l-unit-bare': [['2025年重点项目台账（单位：亿元）'], [FILLER], BARE, ['P1', '甲项目', '甲县', 1.2, 0.12]],
    # A unit on a line of particulars, no title: not quoted as one.
    'l-unit-label': [['单位：亿元　　填报单位：甲县发展和改革局'], ['2025年重点项目台账'], LEDGER, ROW],
    # A report: a unit in the title against the completion column's.
    'p-unit': [['2025年10月重点项目调度表（单位：亿元）'], [FILLER],
               ['项目编号', '项目名称', '本月完成投资（万元）', '开工状态'], ['P1', '甲项目', 500, '已开工']],
    # A report: the title's month against the 调度期 column's.
    'p-month-col': [['2025年10月重点项目调度表'], [FILLER], ['项目编号', '调度期', '开工状态', '本月完成投资（万元）'],
                    ['P1', '2025-09', '已开工', 500]],
}
WORKBOOKS = ('l-unit', 'p-month-col')

for name, rows in SHEETS.items():
    with open(os.path.join(here, name + '.csv'), 'w', encoding='utf-8', newline='') as f:
        for r in rows:
            f.write(','.join(str(v) for v in r) + '\n')
    if name not in WORKBOOKS:
        continue
    xlsx(os.path.join(here, name + '.xlsx'), [{'name': 'Sheet1', 'rows': rows}])
    with open(os.path.join(here, name + '.html'), 'w', encoding='utf-8') as f:
        f.write('<html><head><meta charset="utf-8"></head><body><table>\n')
        for r in rows:
            f.write('<tr>' + ''.join('<td>%s</td>' % html.escape(str(v)) for v in r) + '</tr>\n')
        f.write('</table></body></html>\n')
