# gen.py: the CSVs of t1822 (python3 gen.py). An amount written with an
# unquoted thousands separator (2,100.00) splits into two fields and moves
# every field after it right; each file has one such row between two
# right ones, in every money column, with the columns after it (备注,
# 存在问题, 形象进度) present or not, their cells empty (the commas
# written, or not) or filled. Names: l-* ledgers, p-* reports.
import itertools, os

here = os.path.dirname(os.path.abspath(__file__))
for f in os.listdir(here):
    if f.endswith('.csv') and f[:2] in ('l-', 'p-'):
        os.remove(os.path.join(here, f))

def write(name, header, rows):
    with open(os.path.join(here, name), 'w', encoding='utf-8', newline='') as f:
        f.write(','.join(header) + '\n')
        for r in rows:
            f.write(','.join(r) + '\n')

TAILS = {'none': [], 'bz': ['备注'], 'wt': ['存在问题'], 'jd': ['形象进度'],
         'all': ['形象进度', '存在问题', '备注']}
# How a right row and the split row fill the tail: empty cells written
# (Excel's CSV), empty cells left out (a hand-made file), text.
FILLS = ('empty', 'short', 'text')

def tail_cells(tail, fill):
    if fill == 'empty':
        return [''] * len(tail)
    if fill == 'short':
        return []
    return ['正常'] * len(tail)

# Ledgers: 总投资 and 年度计划投资 in either order; the split in each.
L_KEY = ['项目编号', '项目名称', '所属地区']
L_MONEY = {'ta': ['总投资(万元)', '年度计划投资(万元)'], 'at': ['年度计划投资(万元)', '总投资(万元)']}
L_VALUE = {'总投资(万元)': ('12000', '2,100.00'), '年度计划投资(万元)': ('1200', '2,100.00')}
for order, tail, fill in itertools.product(L_MONEY, TAILS, FILLS):
    if tail == 'none' and fill != 'empty':
        continue
    money = L_MONEY[order]
    for split in money:
        def row(code, name, region, amounts):
            return [code, name, region] + amounts + tail_cells(TAILS[tail], fill)
        right = [L_VALUE[c][0] for c in money]
        bad = [L_VALUE[c][1] if c == split else ('30000' if c.startswith('总') else L_VALUE[c][0])
               for c in money]
        write('l-%s-%s-%s-%s.csv' % (order, 'total' if split.startswith('总') else 'plan', tail, fill),
              L_KEY + money + TAILS[tail],
              [row('P1', '甲项目', '甲县', right), row('P2', '乙项目', '乙县', bad),
               row('P3', '丙项目', '甲县', ['5000' if c.startswith('总') else '500'
                                            for c in money])])

# Reports of 2025-01: 本期完成投资 with 开工状态 after it or before it, or
# 本月 beside 自年初累计 (equal in January); the split in each amount.
P_HEADS = {
    'bq-zt': (['项目编号', '调度期', '本期完成投资(万元)', '开工状态'],
              lambda amt: ['2025-01', amt, '已开工']),
    'zt-bq': (['项目编号', '调度期', '开工状态', '本期完成投资(万元)'],
              lambda amt: ['2025-01', '已开工', amt]),
}
for head, tail, fill in itertools.product(P_HEADS, TAILS, FILLS):
    if tail == 'none' and fill != 'empty':
        continue
    h, cells = P_HEADS[head]
    write('p-%s-%s-%s.csv' % (head, tail, fill), h + TAILS[tail],
          [['P1'] + cells('300') + tail_cells(TAILS[tail], fill),
           ['P2'] + cells('2,100.00') + tail_cells(TAILS[tail], fill),
           ['P3'] + cells('500') + tail_cells(TAILS[tail], fill)])
YH = ['项目编号', '调度期', '本月完成投资(万元)', '自年初累计完成投资(万元)', '开工状态']
for split, tail, fill in itertools.product(('month', 'ytd'), TAILS, FILLS):
    if tail == 'none' and fill != 'empty':
        continue
    t = tail_cells(TAILS[tail], fill)
    bad = ['2,100.00', '2100.00'] if split == 'month' else ['2100.00', '2,100.00']
    write('p-ytd-%s-%s-%s.csv' % (split, tail, fill), YH + TAILS[tail],
          [['P1', '2025-01', '300', '300', '已开工'] + t,
           ['P2', '2025-01'] + bad + ['已开工'] + t,
           ['P3', '2025-01', '500', '500', '已开工'] + t])
