# gen.py: the inputs of t1827 (python3 gen.py; the .xlsx files with the
# audit's mkx.py in ../audit2-fmt). l-usd-wan.xls is the walkthrough's
# own file (usd_title_美元万元.xls); p-usd-wan.xls is LibreOffice's
# conversion of p-usd-wan.xlsx, made apart (soffice --headless
# --convert-to xls p-usd-wan.xlsx). cases.txt lists each file refused,
# with a part of its message, for the test to loop over.
import html, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'audit2-fmt'))
from mkx import write as xlsx

BARE = ['项目编号', '项目名称', '所属地区', '总投资', '年度计划投资']
WAN = ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)']
ROW = ['P1', '甲项目', '甲县', 12000, 5000]
T = '2025年重点项目台账'
PT = '2025年10月重点项目调度表'
PH = ['项目编号', '项目名称', '本月完成投资', '开工状态']
PROW = ['P1', '甲项目', 100, '已开工']


def title(t):
    return '%s（%s）' % (T, t)


# name: (rows, the message's part; None: imported)
LEDGERS = {
    # Walkthrough 14's titles, all read as 人民币万元 with exit 0.
    'l-usd-wan': ([[title('单位：美元万元')], BARE, ROW],
                  '第1行的标题“2025年重点项目台账（单位：美元万元）”注明的表格单位“美元万元”无法换算为万元，整个文件未导入'),
    'l-usd-code': ([[title('单位：USD万元')], BARE, ROW], '注明的表格单位“USD万元”无法换算为万元'),
    'l-wan-usd': ([[title('单位：万元 USD')], BARE, ROW], '注明的表格单位“万元USD”无法换算为万元'),
    'l-wan-usd-lower': ([[title('单位：万元　usd')], BARE, ROW], '注明的表格单位“万元usd”无法换算为万元'),
    'l-hkd-wan': ([[title('单位：港币万元')], BARE, ROW], '注明的表格单位“港币万元”无法换算为万元'),
    'l-wan-hkd-paren': ([[title('单位：万元（港币）')], BARE, ROW], '注明的表格单位“万元(港币)”无法换算为万元'),
    'l-mop': ([[title('单位：万澳门元')], BARE, ROW], '注明的表格单位“万澳门元”无法换算为万元'),
    'l-twd': ([[title('单位：万新台币')], BARE, ROW], '注明的表格单位“万新台币”无法换算为万元'),
    'l-waibi': ([[title('单位：外币万元')], BARE, ROW], '注明的表格单位“外币万元”无法换算为万元'),
    'l-bizhong': ([[title('币种：美元，单位：万元')], BARE, ROW],
                  '第1行的标题“2025年重点项目台账（币种：美元，单位：万元）”注明的表格单位“币种：美元”无法换算为万元'),
    'l-wan-bizhong': ([[title('单位：万元，币种：港币')], BARE, ROW], '注明的表格单位“币种：港币”无法换算为万元'),
    # A currency in a column's second bracket: the plan column was left
    # unread in silence (every project without a plan, exit 0), and the
    # total's message advised renaming the column to 总投资(万元).
    'l-col-plan-usd': ([[T], ['项目编号', '项目名称', '所属地区', '总投资(万元)', '年度计划投资(万元)(美元)'], ROW],
                       '第E列“年度计划投资(万元)(美元)”像是年度计划投资，但括号中的“美元”是外币，金额不是人民币，未读取；不读这一列，各项目就没有年度计划投资，整个文件未导入；请折算为人民币后写在“年度计划投资(万元)”列'),
    'l-col-total-hkd': ([[T], ['项目编号', '项目名称', '所属地区', '总投资(万元)(港币)', '年度计划投资(万元)'], ROW],
                        '第D列“总投资(万元)(港币)”像是总投资，但括号中的“港币”是外币，金额不是人民币，未读取；请折算为人民币后写在“总投资(万元)”列'),
    'l-huobi': ([[title('货币：欧元')], WAN, ROW],
                '注明的表格单位“货币：欧元”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    'l-usd-hdr-wan': ([[title('单位：美元万元')], WAN, ROW],
                      '注明的表格单位“美元万元”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    # The same in the other places a unit is stated.
    'l-line2': ([[T], ['币种：美元'], BARE, ROW], ':2: 第2行注明的表格单位“币种：美元”无法换算为万元'),
    'l-note-usd': ([[T], BARE, ROW, ['注：单位：美元万元']], ':4: 第4行注明金额单位为美元万元，无法换算为万元'),
    'l-note-paren': ([[T], BARE, ROW, ['注：单位：万元（港币）']], ':4: 第4行注明金额单位为万元(港币)，无法换算为万元'),
    'l-note-bizhong': ([[T], BARE, ROW, ['注：币种：港币']],
                       ':4: 第4行“注：币种：港币”注明币种：港币，金额不是人民币，无法换算为万元'),
    'l-remark-bizhong': ([[T], BARE + ['备注'], ROW + ['币种：美元']],
                         ':3: 第3行“币种：美元”注明币种：美元，金额不是人民币，无法换算为万元'),
    # Refused before, still refused.
    'l-wanusd': ([[title('单位：万美元')], BARE, ROW], '注明的表格单位“万美元”无法换算为万元'),
    'l-wan-meijin': ([[title('单位：万元美金')], BARE, ROW], '注明的表格单位“万元美金”无法换算为万元'),
    # The yuan named: read as before.
    'l-rmb-bizhong': ([[title('币种：人民币')], BARE, ROW], None),
    'l-rmb-wan': ([[title('单位：人民币万元')], BARE, ROW], None),
    'l-rmb-both': ([[title('单位：万元，币种：人民币')], BARE, ROW], None),
    'l-rmb-yi': ([[title('单位：亿元，币种：人民币')], BARE, ['P1', '甲项目', '甲县', 1.2, 0.5]], None),
    'l-rmb-note': ([[T], BARE, ROW, ['注：单位：万元，币种：人民币']], None),
    # Currency words outside a unit statement: no statement.
    'l-names': ([[title('单位：万元')], BARE + ['备注'],
                 ['P1', '美元汇率监测中心', '甲县', 12000, 5000, '外资来源币种为美元的部分已折算'],
                 ['P2', '港币兑换点改造', '甲县', 100, 50, '']], None),
}
PROGRESS = {
    'p-usd-wan': ([['%s（单位：美元万元）' % PT], PH, PROW],
                  '第1行的标题“2025年10月重点项目调度表（单位：美元万元）”注明的表格单位“美元万元”无法换算为万元，整个文件未导入'),
    'p-usd-code': ([['%s（单位：USD万元）' % PT], PH, PROW], '注明的表格单位“USD万元”无法换算为万元'),
    'p-bizhong': ([['%s（币种：美元，单位：万元）' % PT], PH, PROW], '注明的表格单位“币种：美元”无法换算为万元'),
    'p-rmb': ([['%s（单位：万元，币种：人民币）' % PT], PH, PROW], None),
}
# Number formats naming a currency (xlsx): 0.00"万澳门元" read 12000 as
# 1.20万元, "万新台币" and "外币万元" as 人民币万元.
FORMATS = {
    'f-mop': ('0.00"万澳门元"', '不是人民币，无法换算为万元'),
    'f-twd': ('0.00"万新台币"', '不是人民币，无法换算为万元'),
    'f-waibi': ('0.00"外币万元"', '不是人民币，无法换算为万元'),
    'f-usd-wan': ('0.00"美元万元"', '不是人民币，无法换算为万元'),
    'f-wan': ('0.00"万元"', None),
}
XLSX = ('l-usd-wan', 'l-bizhong', 'l-wan-hkd-paren', 'p-usd-wan', 'p-bizhong')


def csv(path, rows, enc='utf-8'):
    with open(path, 'w', encoding=enc, newline='') as f:
        for r in rows:
            f.write(','.join(str(v) for v in r) + '\n')


cases = []
for kind, table in (('projects', LEDGERS), ('progress', PROGRESS)):
    for name, (rows, msg) in table.items():
        files = [name + '.csv']
        csv(os.path.join(here, name + '.csv'), rows)
        if name in ('l-usd-wan', 'p-usd-wan', 'l-bizhong'):
            csv(os.path.join(here, name + '-gbk.csv'), rows, 'gbk')
            files.append(name + '-gbk.csv')
        if name in XLSX:
            xlsx(os.path.join(here, name + '.xlsx'), [{'name': 'Sheet1', 'rows': rows}])
            files.append(name + '.xlsx')
        if name in ('l-usd-wan', 'p-usd-wan'):
            files.append(name + '.xls')
        if name == 'l-usd-wan':
            # HTML saved as .xls, the title in a <caption>.
            with open(os.path.join(here, name + '.html'), 'w', encoding='utf-8') as f:
                f.write('<html><head><meta charset="utf-8"></head><body><table>\n')
                f.write('<caption>%s</caption>\n' % html.escape(rows[0][0]))
                for r in rows[1:]:
                    f.write('<tr>' + ''.join('<td>%s</td>' % html.escape(str(v)) for v in r) + '</tr>\n')
                f.write('</table></body></html>\n')
            files.append(name + '.html')
        for f in files:
            cases.append('%s\t%s\t%s' % (kind, f, msg or ''))
for name, (fmt, msg) in FORMATS.items():
    cell = lambda v: dict(v=v, t='n', fmt=fmt)
    xlsx(os.path.join(here, name + '.xlsx'),
         [{'name': 'Sheet1', 'rows': [[T], BARE, ['P1', '甲项目', '甲县', cell(12000), cell(5000)]]}])
    cases.append('projects\t%s\t%s' % (name + '.xlsx', msg or ''))
with open(os.path.join(here, 'cases.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(cases) + '\n')
