#!/usr/bin/env python3
"""Write the spreadsheet fixtures of tests/data/sheets/gen (standard library only).

  python3 gen-sheets.py OUTDIR          # the .xlsx sources
  then, with LibreOffice (not needed by the tests, which read the results):
  soffice --headless --convert-to xls:"MS Excel 97" --outdir OUTDIR OUTDIR/*.xlsx
  (see gen.sh, which does all of it)

Each workbook is written by hand as SpreadsheetML so that its content is
exactly known: cached formula results, number formats, merged ranges,
hidden rows and sheets. LibreOffice 7.4 converts them to Excel 97-2003
(BIFF8) and HTML (it can no longer write Excel 95 or XML Spreadsheet
2003; the tests build those themselves); the tests read every conversion
and expect the same cells as from the source.
"""
import os, sys, zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NSR = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def col(n):  # 0-based -> "A"
    s = ''
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    def __init__(self, name, state='visible'):
        self.name, self.state = name, state
        self.cells = {}      # (row, col) -> xml of the <c> body and attrs
        self.merges = []
        self.hidden = set()  # 1-based rows

    def put(self, r, c, value, fmt=None, formula=None):
        """value: str, int/float, bool, ('e', '#N/A'); r, c 0-based."""
        self.cells[(r, c)] = (value, fmt, formula)

    def merge(self, ref):
        self.merges.append(ref)


class Book:
    def __init__(self):
        self.sheets = []
        self.fmts = {}  # code -> numFmtId

    def sheet(self, name, state='visible'):
        s = Sheet(name, state)
        self.sheets.append(s)
        return s

    def style(self, fmt):
        if fmt is None:
            return 0
        if isinstance(fmt, int):  # a built-in id
            key = ('builtin', fmt)
        else:
            key = fmt
        if key not in self.fmts:
            self.fmts[key] = len(self.fmts) + 1
        return self.fmts[key]

    def cell_xml(self, r, c, value, fmt, formula):
        ref = f'{col(c)}{r + 1}'
        s = self.style(fmt)
        sa = f' s="{s}"' if s else ''
        f = f'<f>{escape(formula)}</f>' if formula else ''
        if isinstance(value, tuple):  # an error
            return f'<c r="{ref}"{sa} t="e">{f}<v>{value[1]}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{sa} t="b">{f}<v>{int(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"{sa}>{f}<v>{value!r}</v></c>'
        if formula:
            return f'<c r="{ref}"{sa} t="str">{f}<v>{escape(value)}</v></c>'
        return f'<c r="{ref}"{sa} t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'

    def sheet_xml(self, sh):
        rows = {}
        for (r, c), v in sorted(sh.cells.items()):
            rows.setdefault(r, []).append(self.cell_xml(r, c, *v))
        out = [f'<worksheet {NS}><sheetData>']
        for r in sorted(set(rows) | {h - 1 for h in sh.hidden}):
            hid = ' hidden="1"' if r + 1 in sh.hidden else ''
            out.append(f'<row r="{r + 1}"{hid}>' + ''.join(rows.get(r, [])) + '</row>')
        out.append('</sheetData>')
        if sh.merges:
            out.append(f'<mergeCells count="{len(sh.merges)}">' +
                       ''.join(f'<mergeCell ref="{m}"/>' for m in sh.merges) + '</mergeCells>')
        out.append('</worksheet>')
        return ''.join(out)

    def save(self, path):
        sheets_xml = ''.join(self.sheet_xml(s) for s in self.sheets)  # assigns styles
        numfmts, xfs = [], ['<xf numFmtId="0"/>']
        for key, idx in sorted(self.fmts.items(), key=lambda kv: kv[1]):
            if isinstance(key, tuple):
                fid = key[1]
            else:
                fid = 163 + idx
                numfmts.append(f'<numFmt numFmtId="{fid}" formatCode="{escape(key, {chr(34): "&quot;"})}"/>')
            xfs.append(f'<xf numFmtId="{fid}" applyNumberFormat="1"/>')
        styles = (f'<styleSheet {NS}><numFmts count="{len(numfmts)}">{"".join(numfmts)}</numFmts>'
                  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
                  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                  f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs></styleSheet>')
        ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
        rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
        wb = [f'<workbook {NS} {NSR}><sheets>']
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            for i, sh in enumerate(self.sheets, 1):
                z.writestr(f'xl/worksheets/sheet{i}.xml', self.sheet_xml(sh))
                ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
                rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
                st = '' if sh.state == 'visible' else f' state="{sh.state}"'
                wb.append(f'<sheet name="{escape(sh.name)}" sheetId="{i}"{st} r:id="rId{i}"/>')
            wb.append('</sheets></workbook>')
            z.writestr('[Content_Types].xml', ''.join(ct) + '</Types>')
            z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr('xl/workbook.xml', ''.join(wb))
            z.writestr('xl/_rels/workbook.xml.rels', ''.join(rels) + '</Relationships>')
            z.writestr('xl/styles.xml', styles)


CJK = '鲅鱼圈区站前老边西市港口产业园城市更新高标准农田建设县医院门诊楼供热管网改造'


def shapes(out):
    """Sheets of every kind a ledger comes in."""
    b = Book()
    s = b.sheet('填报说明')
    s.put(0, 0, '填报说明')
    s.put(1, 0, '1. 金额单位为万元。')
    b.sheet('下拉选项', 'hidden').put(0, 0, '城市建设')
    s = b.sheet('台账')
    s.put(0, 0, '2025年重点项目台账')
    s.merge('A1:H1')
    for c, h in enumerate(['项目编号', '所属地区', '投资情况（万元）', None, '调度期', '开工时间', '完成率', '备注']):
        if h:
            s.put(1, c, h)
    s.put(2, 2, '总投资')
    s.put(2, 3, '年度计划')
    for m in ('A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3'):
        s.merge(m)
    rows = [
        ('P001', '鲅鱼圈区', 12345.67, 3500, 2025.1, 45717, 0.125, 'RK 整数'),
        ('P002', None, 1234.5600000000001, -5.5, 2025.12, 45658.75, 1, '负数'),
        ('P003', None, 123456789012, 0, 2025.01, 45292, 0.5, '大数'),
        ('P004', '站前区', 0.1 + 0.2, 100000, 2024.9, 1, 0.0001, '隐藏行'),
    ]
    for i, (code, region, total, plan, period, date, rate, note) in enumerate(rows):
        r = 3 + i
        s.put(r, 0, code)
        if region:
            s.put(r, 1, region)
        s.put(r, 2, total, '#,##0.00')
        s.put(r, 3, plan)
        s.put(r, 4, period, '0.00')
        s.put(r, 5, date, 'yyyy-mm-dd')
        s.put(r, 6, rate, '0.00%')
        s.put(r, 7, note)
    s.merge('B4:B6')  # a region written once for three projects
    s.hidden.add(7)
    # Formulas with their saved results, and more formats.
    r = 8
    s.put(r, 0, '合计')
    s.put(r, 2, 12345.67 + 1234.56 + 123456789012 + 0.3, '#,##0.00', 'SUM(C4:C7)')
    s.put(r, 3, 'P001x', None, 'A4&"x"')
    s.put(r, 4, True, None, 'C4>0')
    s.put(r, 5, ('e', '#DIV/0!'), None, '1/0')
    s.put(r, 6, ('e', '#N/A'), None, 'NA()')
    s.put(r, 7, 'TRUE text')
    r = 9
    s.put(r, 0, '格式')
    s.put(r, 1, 12345678, '0!.0,')
    s.put(r, 2, 1234567, '#,##0,"千"')
    s.put(r, 3, 45717, 'yyyy"年"m"月"')
    s.put(r, 4, 0.4375, 'h:mm')
    s.put(r, 5, 1234.5, '"¥"#,##0.00;"¥"\\-#,##0.00')
    s.put(r, 6, -1234.5, '"¥"#,##0.00;"¥"\\-#,##0.00')
    s.put(r, 7, 0.75, '# ?/?')
    # Many rows, many distinct strings: a shared string table far past
    # one record (8224 bytes), strings cut by CONTINUE records.
    s = b.sheet('大表')
    s.put(0, 0, '编号')
    s.put(0, 1, '名称')
    s.put(0, 2, '金额')
    s.put(0, 3, '日期')
    for i in range(1, 2001):
        s.put(i, 0, f'X{i:05d}')
        name = CJK[i % len(CJK):] + CJK[:i % len(CJK)]
        s.put(i, 1, f'{name[: 5 + i % 20]}-{i}' if i % 3 else f'ascii name {i} ' + 'x' * (i % 40))
        s.put(i, 2, i * 1.25 if i % 2 else i * 100)
        s.put(i, 3, 45292 + i, 'yyyy-mm-dd')
    # Strings longer than a record: split inside the characters, in
    # compressed (Latin-1) and in 16-bit form.
    s = b.sheet('长文本')
    s.put(0, 0, 'A' * 9000)
    s.put(1, 0, ''.join(CJK) * 120)
    s.put(2, 0, ('ab' + CJK[:3]) * 1500)
    s.put(3, 0, 'end')
    b.save(os.path.join(out, 'shapes.xlsx'))


def plain(out):
    """A small workbook: ASCII, numbers, dates, a merged row, a hidden sheet."""
    b = Book()
    s = b.sheet('Ledger')
    s.put(0, 0, 'code')
    s.put(0, 1, 'total')
    s.put(0, 2, 'start')
    for i in range(1, 6):
        s.put(i, 0, f'P{i:03d}')
        s.put(i, 1, i * 1000.5, '#,##0.00')
        s.put(i, 2, 45658 + 31 * i, 'yyyy-mm-dd')
    s.merge('A7:C7')
    s.put(6, 0, 'merged note')
    b.sheet('Hidden', 'hidden').put(0, 0, 'x')
    b.save(os.path.join(out, 'plain.xlsx'))


if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else '.'
    shapes(out)
    plain(out)
