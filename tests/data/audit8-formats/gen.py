# gen.py: our own inputs for t1794 (python3 gen.py; the auditor's xlsx
# writer mkx.py is the one kept in ../audit2-fmt). The .xls copy is
# LibreOffice's conversion:
#   soffice --headless --convert-to xls currencies.xlsx
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
from mkx import write
H = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
def n(v, fmt): return {'v': v, 'fmt': fmt}
# Currencies a money cell's format shows: by ISO code, by a locale's
# sign, by the yuan's sign in a locale of another currency, or literal.
write('currencies.xlsx', [{'name': '台账', 'rows': [H,
    ['C1', '一号', '甲县', 1000, n(12.5, '[$CHF] #,##0.00')],
    ['C2', '二号', '甲县', 1000, n(12.5, '#,##0.00 [$zł-415]')],
    ['C3', '三号', '甲县', 1000, n(12.5, '#,##0.00 [$kr.-41D]')],
    ['C4', '四号', '甲县', 1000, n(12.5, '[$₹-4009] #,##0.00')],
    ['C5', '五号', '甲县', 1000, n(12.5, '[$元-404]#,##0.00')],
    ['C6', '六号', '甲县', 1000, n(12.5, '"JPY "0.00')],
    ['C7', '七号', '甲县', 1000, n(12.5, '#,##0.00 [$лв.-402]')],
    ['C8', '八号', '甲县', n(12.5, '[$USD-409] #,##0.00'), 1],
    # The yuan's, however written: read as 万元.
    ['Y1', '九号', '甲县', 1000, n(12.5, '[$¥-804]#,##0.00')],
    ['Y2', '十号', '甲县', 1000, n(22.5, '[$CNY] #,##0.00')],
    # Excel's yen (ja-JP): read as 元 until walkthrough 15, refused since.
    ['Y3', '十一号', '甲县', 1000, n(32.5, '[$¥-411]#,##0.00')],
    ['Y4', '十二号', '甲县', 1000, n(42.5, '"RMB"0.00')],
    ['Y5', '十三号', '甲县', 1000, n(52.5, '[$-804]0.00')],
    ['Y6', '十四号', '甲县', 1000, n(62.5, '[$￥-804]#,##0.00')],
]}])
# Latin magnitudes after the number: no one can tell what they mean.
write('magnitudes.xlsx', [{'name': '台账', 'rows': [H,
    ['M1', '一号', '甲县', 1000, n(12.5, '0.00"k"')],
    ['M2', '二号', '甲县', 1000, n(12.5, '#,##0.0"bn"')],
    ['M3', '三号', '甲县', 1000, n(12.5, '0.00\\w')],
    ['M4', '四号', '甲县', 1000, n(12.5, '0.00 M')],
    ['M5', '五号', '甲县', 1000, n(12.5, '0.00"万元"')],
]}])
# Dates whose format shows only the year: the sheet states no month.
write('year-only.xlsx', [{'name': '台账', 'rows': [
    ['年度', '项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)', '计划开工时间'],
    [n(45658, 'yyyy"年"'), 'D1', '一号', '甲县', 1000, 100, n(45717, 'yyyy')],
    [n(45658, 'yyyy'), 'D2', '二号', '甲县', 1000, 100, n(45717, 'yyyy"年"m"月"')],
    [n(45658, 'yy'), 'D3', '三号', '甲县', 1000, 100, '2025-03'],
]}])
PH = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态']
write('p-year-only.xlsx', [{'name': 'S', 'rows': [PH,
    ['P1', n(45931, 'yyyy"年"'), 100, '已开工'],
    ['P2', n(45931, 'yyyy"年"m"月"'), 100, '已开工'],
]}])
