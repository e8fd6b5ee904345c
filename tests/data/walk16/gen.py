import zipfile, sys
from xml.sax.saxutils import escape
def col(i):
    s=''
    i+=1
    while i: i,r=divmod(i-1,26); s=chr(65+r)+s
    return s
def write(path, rows, merges=(), numfmts=None, sheetname='Sheet1'):
    """rows: list of lists; cell value str/int/float/None or tuple(value, fmtcode)"""
    fmts=[]  # custom format codes
    def fmtid(code):
        if code not in fmts: fmts.append(code)
        return fmts.index(code)+1  # style index (0 = default)
    sd=[]
    for r,row in enumerate(rows):
        cs=[]
        for c,v in enumerate(row):
            s=''
            if isinstance(v,tuple): v,code=v; s=' s="%d"'%fmtid(code)
            if v is None or v=='': continue
            ref=col(c)+str(r+1)
            if isinstance(v,(int,float)): cs.append('<c r="%s"%s><v>%s</v></c>'%(ref,s,repr(v)))
            else: cs.append('<c r="%s" t="inlineStr"%s><is><t>%s</t></is></c>'%(ref,s,escape(v)))
        sd.append('<row r="%d">%s</row>'%(r+1,''.join(cs)))
    mg=''
    if merges: mg='<mergeCells count="%d">%s</mergeCells>'%(len(merges),''.join('<mergeCell ref="%s"/>'%m for m in merges))
    sheet='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>%s</worksheet>'%(''.join(sd),mg)
    nf=''.join('<numFmt numFmtId="%d" formatCode="%s"/>'%(164+i,escape(c,{'"':'&quot;'})) for i,c in enumerate(fmts))
    xfs='<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'+''.join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'%(164+i) for i in range(len(fmts)))
    styles='<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="%d">%s</cellXfs></styleSheet>'%(('<numFmts count="%d">%s</numFmts>'%(len(fmts),nf)) if fmts else '', len(fmts)+1, xfs)
    z=zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr('_rels/.rels','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'%escape(sheetname))
    z.writestr('xl/_rels/workbook.xml.rels','<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml',sheet)
    z.writestr('xl/styles.xml',styles)
    z.close()

# ---- the variants written by us (session 14), beside walkthrough 16's
# files (u1-*, x4, x5, n9, p-u3, p-u5, copied as the walkthrough wrote them).
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
T = '2025年重点项目台账'
H = '项目名称,所属地区,责任单位,总投资,年度计划投资'
R = ['测试甲项目,站前区,市交通运输局,12,5', '测试乙项目,站前区,市住建局,8.5,3']

def csv(name, above, header=H, rows=R, below=(), enc='utf-8'):
    lines = [T] + list(above) + [header] + list(rows) + list(below)
    open(name, 'w', encoding=enc, newline='').write('\r\n'.join(lines) + '\r\n')

# A. a column's unit stated without 单位
csv('v-second-clause.csv', ['（总投资万元，年度计划投资亿元）'])       # the second clause
csv('v-he.csv', ['（总投资和年度计划投资均为亿元）'])
csv('v-tianbao-line.csv', ['单位：万元　年度计划投资按亿元填报'])
csv('v-foreign.csv', ['（总投资：万美元）'])
csv('v-unread.csv', ['（到位资金：亿元）'])
csv('v-agrees.csv', ['（总投资：亿元）'], header='项目名称,所属地区,责任单位,总投资(亿元),年度计划投资(亿元)')
csv('v-size-class.csv', ['2025年总投资亿元以上重点项目'],
    rows=['测试甲项目,站前区,市交通运输局,120000,50000'])
csv('v-note-plan.csv', [], below=['注：年度计划投资为亿元'])
csv('v-note-agrees.csv', [], header='项目名称,所属地区,责任单位,总投资(亿元),年度计划投资(亿元)',
    below=['说明：总投资、年度计划投资为亿元'])
csv('v-note-table-and-column.csv', [], below=['注：单位：亿元，总投资为万元'])
# A. in the brackets of a header cell no money column reads
csv('v-header-remark.csv', [], header=H + ',备注（总投资：亿元）',
    rows=[r + ',' for r in R])
csv('v-name-remark.csv', [], header='项目名称（总投资为亿元）,所属地区,责任单位,总投资,年度计划投资')
# A. outside the sheet: the file's name, the sheet's name
csv('v-name（总投资：亿元）.csv', [])
write('v-sheet.xlsx', [[T], H.split(','), ['测试甲项目', '站前区', '市交通运输局', 12, 5]],
      sheetname='重点项目（总投资：亿元）')
# D. a unit cell above the header
csv('v-units-both.csv', [',,,（亿元）,（亿元）'])
csv('v-unit-last.csv', [',,,,（亿元）'])
csv('v-unit-mixed-row.csv', ['基本情况,,,（亿元）,'])
csv('v-unit-labelled.csv', [',,,,单位：亿元'])
csv('v-unit-first.csv', ['（亿元）'])
csv('v-unit-against.csv', [',,,亿元,'], header='项目名称,所属地区,责任单位,总投资(万元),年度计划投资(万元)')
csv('v-g7-units.csv', ['基本情况,,,总投资（亿元）,年度计划投资（亿元）'], header='项目名称,所属地区,责任单位,,')
write('v-units-merged.xlsx', [[T], [None, None, None, '（亿元）'], H.split(','),
                              ['测试甲项目', '站前区', '市交通运输局', 12, 5]],
      merges=('A1:E1', 'D2:E2'))
write('v-unit-one.xlsx', [[T], [None, None, None, '（亿元）'], H.split(','),
                          ['测试甲项目', '站前区', '市交通运输局', 12, 5]], merges=('A1:E1',))

# reports: the ledger, then units of 本期完成投资 stated without 单位
P = '项目编号,本期完成投资,开工状态'
def pcsv(name, above, below=()):
    lines = ['2025年10月重点项目调度表'] + list(above) + [P, 'YK2025000001,1.5,已开工'] + list(below)
    open(name, 'w', encoding='utf-8', newline='').write('\r\n'.join(lines) + '\r\n')
open('p-base.csv', 'w', encoding='utf-8', newline='').write(
    '2025年重点项目台账\r\n项目编号,项目名称,所属地区,责任单位,总投资,年度计划投资\r\n'
    'YK2025000001,测试甲项目,站前区,市交通运输局,120000,50000\r\n')
pcsv('p-note.csv', [], below=['注：本期完成投资按亿元填报'])
pcsv('p-agrees.csv', ['（本期完成投资：万元）'])
