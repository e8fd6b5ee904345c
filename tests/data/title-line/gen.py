# gen.py: the inputs of t1823 (python3 gen.py; the workbooks with the
# audit's mkx.py in ../audit2-fmt; the .xls files are LibreOffice's
# conversions of the .xlsx ones, made apart: soffice --headless
# --convert-to xls p-span.xlsx l-year.xlsx). Each sheet has its title on
# line 1, a 填报单位 line 2 and its header on line 3: a message about the
# title names line 1.
import html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'audit2-fmt'))
from mkx import write as xlsx

FILLER = '填报单位：甲县发展和改革局'
SHEETS = {
    # Reports: a title ending October (1-10月) or naming it, --period
    # 2025-09 against it.
    'p-span': ['2025年1-10月重点项目进展情况', ['项目编号', '项目名称', '本月完成投资（万元）', '开工状态'],
               ['P1', '甲项目', 500, '已开工']],
    'p-month': ['2025年10月重点项目调度表', ['项目编号', '项目名称', '本月完成投资（万元）', '开工状态'],
                ['P1', '甲项目', 500, '已开工']],
    # A title ending a month, or naming several, over a 调度期 column and
    # a plain 完成投资: the figures may be the year's so far.
    'p-jiezhi-col': ['截至2025年10月底重点项目推进情况', ['项目编号', '调度期', '开工状态', '完成投资（万元）'],
                     ['P1', '2025-10', '已开工', 500]],
    'p-span-col': ['2025年1-10月重点项目完成情况', ['项目编号', '调度期', '开工状态', '完成投资（万元）'],
                   ['P1', '2025-10', '已开工', 500]],
    # A title naming a month but no year over no 调度期 column.
    'p-noyear': ['10月份重点项目调度表', ['项目编号', '项目名称', '本月完成投资（万元）', '开工状态'],
                 ['P1', '甲项目', 500, '已开工']],
    # Ledgers: the title's year against --year, a title naming two
    # years, a unit in the title against the header's.
    'l-year': ['2025年重点项目台账', ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)'],
               ['P1', '甲项目', '甲县', 12000, 1200]],
    'l-several': ['2024-2025年重点项目台账', ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)'],
                  ['P1', '甲项目', '甲县', 12000, 1200]],
    'l-unit': ['重点项目台账（单位：亿元）', ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)'],
               ['P1', '甲项目', '甲县', 12000, 1200]],
}
WORKBOOKS = ('p-span', 'p-month', 'l-year', 'l-unit')

for name, (title, header, row) in SHEETS.items():
    with open(os.path.join(here, name + '.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(title + '\n' + FILLER + '\n' + ','.join(header) + '\n' +
                ','.join(str(v) for v in row) + '\n')
    if name not in WORKBOOKS:
        continue
    xlsx(os.path.join(here, name + '.xlsx'), [{'name': 'Sheet1', 'rows': [[title], [FILLER], header, row]}])
    with open(os.path.join(here, name + '.html'), 'w', encoding='utf-8') as f:
        f.write('<html><head><meta charset="utf-8"></head><body><table>\n')
        for r in ([title], [FILLER], header, row):
            f.write('<tr>' + ''.join('<td>%s</td>' % html.escape(str(v)) for v in r) + '</tr>\n')
        f.write('</table></body></html>\n')
