# gen.py: our own inputs for t1730 (python3 gen.py; mkx.py is the
# auditor's xlsx writer). The .xls copies are LibreOffice's conversion:
#   soffice --headless --convert-to xls litpoint.xlsx
from mkx import write
H = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
def n(v, fmt): return {'v': v, 'fmt': fmt}
# A literal point among the digits: yuan shown as 万元 or 亿元.
cond = '[>=100000000]0!.00000000"亿元";0!.0000"万元"'
write('litpoint.xlsx', [{'name': '台账', 'rows': [H,
    ['L1', '一号', '甲县', n(12345678, '0!.0000"万元"'), n(12000000, '0!.0000')],
    ['L2', '二号', '甲县', n(50000000, '0\\.0000'), n(1230000, '0"."0000"万"')],
    ['L3', '三号', '甲县', n(98765432, '#,##0!.0000"万元"'), n(5000, '#!.0000')],
    ['L4', '四号', '甲县', n(300000000, cond), n(250000000, '0!.00000000"亿元"')],
    ['L5', '五号', '甲县', n(7654321, '0!.0000" 万元"'), n(5000000, cond)],
    ['L6', '六号', '甲县', n(80000, '0!.0'), n(1234.5, '0.00')],
]}])
# A rate written as literal text in a money cell.
write('rate-lit.xlsx', [{'name': '台账', 'rows': [H,
    ['R1', '一号', '甲县', n(12.5, '0.00"%"'), 1],
    ['R2', '二号', '甲县', n(12.5, '0.00\\%'), 1],
    ['R3', '三号', '甲县', n(12.5, '0.0‰'), 1],
    ['R4', '四号', '甲县', n(12.5, '0.0"％"'), 1],
    ['R5', '五号', '甲县', n(12.5, '0.00"万元"'), n(3, '0.0"%"')],
    ['R6', '六号', '甲县', 300, 20],
]}])
# Progress: the monthly amount in 万 through a literal point.
PH = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态']
write('pp-litpoint.xlsx', [{'name': 'S', 'rows': [PH,
    ['P1', '2025-10', n(1234567, '0\\.0000"万元"'), '已开工'],
    ['P2', '2025-10', n(2500000, '0"."0000'), '已开工'],
]}])
# The same with \. and "." only, for the .xls copy: LibreOffice does not
# know Excel's !x escape and writes 0!.0000 as 0\!.0000 (a literal "!"
# and a real point), another format.
condb = '[>=100000000]0\\.00000000"亿元";0"."0000"万元"'
write('litpoint-bs.xlsx', [{'name': '台账', 'rows': [H,
    ['L1', '一号', '甲县', n(12345678, '0\\.0000"万元"'), n(12000000, '0\\.0000')],
    ['L2', '二号', '甲县', n(50000000, '0"."0000'), n(1230000, '0"."0000"万"')],
    ['L3', '三号', '甲县', n(98765432, '#,##0\\.0000"万元"'), n(15000, '0\\.0000')],
    ['L4', '四号', '甲县', n(300000000, condb), n(250000000, '0\\.00000000"亿元"')],
    ['L5', '五号', '甲县', n(7654321, condb), n(5000000, condb)],
]}])
