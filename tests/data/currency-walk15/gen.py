# gen.py: our inputs of t1832 (python3 gen.py; the .xlsx with the audit's
# mkx.py in ../audit2-fmt). The walkthrough's own files (base.csv, fx_*,
# fxp_*, legit_*) are copied as they were, not written here. cases.txt
# lists every refused file, ours and the walkthrough's, with a part of
# its message, for the test to loop over: kind, file, message.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'audit2-fmt'))
from mkx import write as xlsx

H = ['项目编号', '项目名称', '所属地区', '项目类别', '项目级别', '建设性质', '建设单位', '责任单位',
     '包联领导', '建设起止年限']
ROW = ['P003', '丙港口项目', '甲县', '基础设施', '市级', '新开工', '丙公司', '甲县', '张三', '2025-2026']
WAN = H + ['总投资(万元)', '年度计划投资(万元)', '计划开工时间']
BARE = H + ['总投资', '年度计划投资', '计划开工时间']
PH = ['项目编号', '调度期', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题']
PROW = ['P001', '2025-10', 50, '已开工', '主体施工', '无']


def row(code='P003', name='丙港口项目', total=300, plan=100, *more):
    return [code, name] + ROW[2:] + [total, plan, '2025-04'] + list(more)


# name: (rows, message part; None: imported, the amounts as written)
LEDGERS = {
    # Section 5: a note naming 万美元 said "注明金额单位为单位为万美元".
    'w-note-wanusd': ([WAN, row(), ['注：以上金额单位为万美元']],
                      ':3: 第3行注明金额单位为万美元，无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    # Section 5: over a (万元) header the currency was a conflict of units
    # ("请删去其中一处"); without one, not said to be foreign.
    'w-conflict-hkd': ([['单位：万元（港币）'], WAN, row()],
                       ':1: 第1行注明的表格单位“万元(港币)”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    'w-nohdr-hkd': ([['单位：万元（港币）'], BARE, row()],
                    ':1: 第1行注明的表格单位“万元(港币)”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    # Section 5: 总投资(万元,USD) did not name USD, quoted or cut in two
    # by its comma (CSV written unquoted).
    'w-hdr-usd': ([H + ['总投资（万元，USD）', '年度计划投资(万元)', '计划开工时间'], row()],
                  '“总投资（万元，USD）”的单位“万元,USD”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    # Section 5: cells naming a currency were only "不是有效的金额".
    'w-cell-yingbang': ([WAN, row('P003', '丙港口项目', '300万英磅')],
                        ':2: 项目编号 P003: 总投资(万元)“300万英磅”的单位“英磅”不是人民币，无法换算为万元'),
    'w-cell-yen': ([WAN, row('P003', '丙港口项目', '100万円')],
                   ':2: 项目编号 P003: 总投资(万元)“100万円”的单位“円”不是人民币，无法换算为万元'),
    # The class beyond the walkthrough's spellings.
    'w-unit-gbp-country': ([['单位：万英国镑'], BARE, row()], '注明的表格单位“万英国镑”无法换算为万元'),
    'w-unit-usd-country': ([['单位：万美国元'], BARE, row()], '注明的表格单位“万美国元”无法换算为万元'),
    'w-unit-myr': ([['单位：万元（马来西亚林吉特）'], BARE, row()],
                   '注明的表格单位“马来西亚林吉特”无法换算为万元，整个文件未导入：这是外币'),
    'w-currency-en-fw': ([['Currency：USD'], WAN, row()], '注明的表格单位“Currency：USD”无法换算为万元'),
    'w-remark-jijia': ([WAN + ['备注'], row('P003', '丙港口项目', 300, 100, '本项目以美元计价')],
                       ':2: 第2行第N列“备注”写的是“本项目以美元计价”：这一行的金额是美元，不是人民币'),
    'w-remark-bizhong-gbp': ([WAN + ['说明'], row('P003', '丙港口项目', 300, 100, '英磅')],
                             ':2: 第2行第N列“说明”写的是“英磅”：这一行的金额是英磅，不是人民币'),
    'w-bizhong-col-rows': ([WAN + ['币种'], row('P003', '丙港口项目', 300, 100, '人民币'),
                            row('P004', '丁项目', 200, 50, 'USD')],
                           ':3: 第3行第N列“币种”写的是“USD”：这一行的金额不是人民币'),
    # A group heading in a row of several above the header (not a title)
    # was passed over, the amounts read in 万元 (found while testing).
    'w-group-row-usd': ([['基本情况'] + [''] * 9 + ['投资情况（万美元）', '', ''], BARE, row()],
                        ':1: 第1行注明的表格单位“万美元”无法换算为万元，整个文件未导入：这是外币'),
    # The yuan, however written, and remarks about something else: read.
    'l-bizhong-col-rmb': ([WAN + ['币种'], row('P003', '丙港口项目', 300, 100, '人民币'),
                           row('P004', '丁项目', 200, 50, 'RMB'), row('P005', '戊项目', 150, 30, 'CNY'),
                           row('P006', '己项目', 120, 20, '元'), row('P007', '庚项目', 110, 10, '')], None),
    'l-remarks': ([WAN + ['备注'], row('P003', '丙港口项目', 300, 100, '利用外资500万美元'),
                   row('P004', '丁项目', 200, 50, '外资金额为500万美元'),
                   row('P005', '戊项目', 150, 30, '外资来源币种为美元的部分已折算'),
                   row('P006', '甜美元素文旅小镇', 120, 20, 'PPP'),
                   row('P007', '港币兑换服务中心项目', 110, 10, '美元汇率按7.1折算')], None),
    # A description of the project, not a remark on its amounts.
    'l-content-usd': ([WAN + ['建设内容'], row('P003', '丙港口项目', 300, 100, '以美元计价结算的出口加工项目')],
                      None),
    'l-bizhong-rmb-2sp': ([['币种：人民币  单位：万元'], WAN, row()], None),
    'l-yuan-sign': ([['单位：￥万元'], WAN, row()], None),
    'l-rmb-hdr': ([H + ['总投资(RMB万元)', '年度计划投资(万元人民币)', '计划开工时间'], row()], None),
}
PROGRESS = {
    'pw-remark-usd': ([PH + ['备注'], PROW + ['金额为美元']],
                      ':2: 第2行第G列“备注”写的是“金额为美元”：这一行的金额是美元，不是人民币'),
    'pw-currency-en': ([['Currency: USD'], PH, PROW], '注明的表格单位“Currency：USD”无法换算为万元'),
    'pw-yen': ([['（单位：万円）'], PH, PROW], '注明的表格单位“万円”无法换算为万元'),
    'pl-bizhong-rmb': ([PH + ['币种'], PROW + ['人民币']], None),
}
# Number formats (xlsx): a dollar by its country, the yen, and the yuan's ¥.
FORMATS = {
    'w-fmt-hkd': ('[$HK$-C04]#,##0', ':2: 项目编号 P003: 总投资(万元)“港元300”的单位“港元”不是人民币'),
    'w-fmt-yen-411': ('[$¥-411]#,##0', ':2: 项目编号 P003: 总投资(万元)“日元300”的单位“日元”不是人民币'),
    'w-fmt-pound': ('0.00"万英磅"', ':2: 项目编号 P003: 总投资(万元)“300英磅”的单位“英磅”不是人民币'),
    'l-fmt-yuan-804': ('[$¥-804]#,##0', None),
}


def csv(path, rows, enc='utf-8'):
    with open(path, 'w', encoding=enc, newline='') as f:
        for r in rows:
            f.write(','.join('"%s"' % v if ',' in str(v) else str(v) for v in r) + '\n')


cases = []
for kind, table in (('projects', LEDGERS), ('progress', PROGRESS)):
    for name, (rows, msg) in table.items():
        csv(os.path.join(here, name + '.csv'), rows)
        if msg:
            cases.append('%s\t%s\t%s' % (kind, name + '.csv', msg))
# The walkthrough's unit row in GBK, and 总投资(万元,USD) cut in two.
csv(os.path.join(here, 'w-unit-waihui-gbk.csv'), [['单位：万元（外汇）'], WAN, row()], 'gbk')
cases.append('projects\tw-unit-waihui-gbk.csv\t注明的表格单位“万元(外汇)”无法换算为万元，整个文件未导入：这是外币')
with open(os.path.join(here, 'w-hdr-usd-split.csv'), 'w', encoding='utf-8') as f:
    f.write(','.join(H + ['总投资(万元', 'USD)', '年度计划投资(万元)', '计划开工时间']) + '\n')
    f.write(','.join(str(v) for v in row()) + '\n')
cases.append('projects\tw-hdr-usd-split.csv\t第K列“总投资(万元”和第L列“USD)”像是一个列名“总投资(万元,USD)”被逗号分成了两列（CSV文件中含逗号的列名要加引号）；括号中的单位“万元,USD”是外币，金额不是人民币')
for name, (fmt, msg) in FORMATS.items():
    cell = lambda v: dict(v=v, t='n', fmt=fmt)
    xlsx(os.path.join(here, name + '.xlsx'),
         [{'name': 'Sheet1', 'rows': [WAN, row('P003', '丙港口项目', cell(300), cell(100))]}])
    if msg:
        cases.append('projects\t%s\t%s' % (name + '.xlsx', msg))
# The walkthrough's files (repro/, as they were).
WALK = [
    ('projects', 'fx_beizhu_col.csv', ':2: 第2行第N列“备注”写的是“金额为美元”：这一行的金额是美元，不是人民币'),
    ('projects', 'fx_beizhu_hkd.csv', ':2: 第2行第N列“备注”写的是“以港币计”：这一行的金额是港币，不是人民币'),
    ('projects', 'fx_beizhu_wanusd.csv', ':2: 第2行第N列“备注”写的是“万美元”：这一行的金额是万美元，不是人民币'),
    ('projects', 'fx_bizhong_col.csv', ':2: 第2行第N列“币种”写的是“美元”：这一行的金额不是人民币，无法换算为万元'),
    ('projects', 'fx_currency_en.csv', ':1: 第1行的标题“Currency: USD”注明的表格单位“Currency：USD”无法换算为万元，整个文件未导入：这是外币，金额不是人民币'),
    ('projects', 'fx_group_waihui.csv', ':1: 第1行的标题“投资情况（万元，外汇）”注明的表格单位“万元,外汇”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_title_waihui.csv', ':1: 第1行的标题“2025年重点项目台账（单位：外汇万元）”注明的表格单位“外汇万元”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_unit_dollarsign.csv', ':1: 第1行注明的表格单位“$万”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_unit_taiguozhu.csv', ':1: 第1行注明的表格单位“万元(泰国铢)”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_unit_waihui.csv', ':1: 第1行注明的表格单位“万元(外汇)”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_unit_yen_kanji.csv', ':1: 第1行注明的表格单位“万円”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_unit_yingbang.csv', ':1: 第1行注明的表格单位“万元(英磅)”无法换算为万元，整个文件未导入：这是外币'),
    ('projects', 'fx_numfmt_jpy_411.xlsx', ':2: 项目编号 P003: 总投资(万元)“日元300”的单位“日元”不是人民币'),
    ('projects', 'fx_numfmt_waihui.xlsx', ':2: 项目编号 P003: 总投资(万元)“300外汇”的单位“外汇”不是人民币'),
    ('projects', 'fx_numfmt_wanyen.xlsx', ':2: 项目编号 P003: 总投资(万元)“300円”的单位“円”不是人民币'),
    ('progress', 'fxp_waihui.csv', ':1: 第1行注明的表格单位“万元(外汇)”无法换算为万元，整个文件未导入：这是外币'),
    ('progress', 'fxp_bizhong_col.csv', ':2: 第2行第G列“币种”写的是“美元”：这一行的金额不是人民币'),
]
cases += ['%s\t%s\t%s' % c for c in WALK]
with open(os.path.join(here, 'cases.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(cases) + '\n')
