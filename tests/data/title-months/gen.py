# gen.py: the files of title-months that are ours (ORIGIN.md): the .xlsx
# versions of walkthrough 14's q10 and p_yi, two titles naming the same
# month, and a ledger under two titles naming different years.
# Run here: python3 gen.py (needs ../audit2-fmt/mkx.py).
import csv, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'audit2-fmt'))
import mkx

here = os.path.dirname(os.path.abspath(__file__))

def rows_of(name):
    with open(os.path.join(here, name), encoding='utf-8', newline='') as f:
        out = []
        for r in csv.reader(f):
            out.append([float(v) if v.replace('.', '', 1).isdigit() and '.' in v else (v if v else None)
                        for v in r])
        return out

def csv_out(name, rows):
    with open(os.path.join(here, name), 'w', encoding='utf-8', newline='') as f:
        csv.writer(f, lineterminator='\n').writerows(rows)

mkx.write(os.path.join(here, 'q10_two_titles_nocol.xlsx'),
          [dict(name='Sheet1', rows=rows_of('q10_two_titles_nocol.csv'))])
mkx.write(os.path.join(here, 'p_yi.xlsx'), [dict(name='Sheet1', rows=rows_of('p_yi.csv'))])
csv_out('same_month_titles.csv', [
    ['2025年10月重点项目调度表'],
    ['营口市2025年10月份重点项目推进情况'],
    ['项目编号', '本期完成投资(万元)', '开工状态', '形象进度', '存在问题'],
    ['P2025A001', '100.5', '已开工', '主体施工', ''],
])
ledger = rows_of('e_yi_nounit.csv')
csv_out('l_two_years.csv', [['2025年重点项目台账'], ['2024年重点项目台账']] +
        [['' if v is None else (str(v) if not isinstance(v, float) else repr(v)) for v in r]
         for r in ledger[1:]])
