#!/usr/bin/env python3
"""Write the workbooks of this folder that are ours (standard library only).

Run here: python3 gen.py. Each holds one small ledger whose money cells
carry a number format; the expected stored values are in README.md and
tests/t/t1710-audit-sheets.sh. fmt-lit-sections.xls was converted from
fmt-lit-sections.xlsx by LibreOffice 7.4 (soffice --headless
--convert-to xls), not by this script.
"""
import zipfile
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" xmlns:r="{RNS}">'
      '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
          '</Relationships>')
HEADER = ["项目编号", "项目名称", "所属地区", "总投资(万元)", "年度计划投资(万元)"]


def col(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def cell(ref, v, style):
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
    return f'<c r="{ref}" s="{style}"><v>{v!r}</v></c>'


def book(path, formats, rows, header=HEADER):
    """rows: lists of values; a number is (value, format index) or a bare
    number in General."""
    fmts = "".join(f'<numFmt numFmtId="{170 + i}" formatCode="{escape(f, {chr(34): "&quot;"})}"/>'
                   for i, f in enumerate(formats))
    xfs = '<xf numFmtId="0"/>' + "".join(f'<xf numFmtId="{170 + i}" applyNumberFormat="1"/>'
                                         for i in range(len(formats)))
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{NS}">'
              f'<numFmts count="{len(formats)}">{fmts}</numFmts>'
              f'<cellXfs count="{len(formats) + 1}">{xfs}</cellXfs></styleSheet>')
    out = []
    for r, row in enumerate([header] + rows, start=1):
        cells = []
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, tuple):
                cells.append(cell(f"{col(c)}{r}", v[0], v[1] + 1))
            else:
                cells.append(cell(f"{col(c)}{r}", v, 0))
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
             f'<sheetData>{"".join(out)}</sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


# A unit in the literal text of every kind of section.
book("fmt-lit-sections.xlsx",
     ['#,##0.00"亿元"',                              # 0
      '[>=10000]#,##0"万元";0.00"亿元"',             # 1: the second section
      '0.0"千元"',                                   # 2
      'General"万元"',                               # 3
      '"¥"#,##0.00',                                 # 4: decoration
      '0.00"亿元";-0.00"亿元";0"元"',                # 5
      '0.00\\亿',                                    # 6: escaped, 亿 alone
      '"约"0.00" 亿元"'],                            # 7: spaces, words before
     [["L1", "项目一", "站前区", (12.5, 0), (1.5, 0)],
      ["L2", "项目二", "站前区", (3, 1), (20000, 1)],
      ["L3", "项目三", "站前区", (5000, 2), (1000, 2)],
      ["L4", "项目四", "站前区", (88, 3), 8],
      ["L5", "项目五", "站前区", (1234.5, 4), (100, 4)],
      ["L6", "项目六", "站前区", (2.25, 5), (0, 5)],
      ["L7", "项目七", "站前区", (0.5, 6), (0.25, 7)]])

# A currency that is not the yuan, and a price per area: cells refused.
book("fmt-lit-usd.xlsx",
     ['0.00"美元"', '[$$-409]#,##0.00', '0"元/平方米"'],
     [["U1", "项目一", "站前区", (12.5, 0), 1],
      ["U2", "项目二", "站前区", (12.5, 1), 1],
      ["U3", "项目三", "站前区", (5000, 2), 1],
      ["U4", "项目四", "站前区", 100, 10]])

# The unit of a sheet stated in a note below its table.
book("unit-note-bottom.xlsx", [],
     [["N1", "项目一", "站前区", 12.5, 5],
      ["注：本表金额单位为亿元"]])

# Numbers whose format shows no number: a time, a dash for zero. The sheet
# means what it shows: a time is not an amount (the row refused), a dash
# in the plan is no plan (as "—" typed), never the hidden number.
book("fmt-shown.xlsx",
     ['h:mm',                                        # 0: 0.5 shows 12:00
      '[h]:mm:ss',                                   # 1: a duration
      'yyyy"年"m"月"d"日" h"时"mm"分"',               # 2: a date and time
      '0.00;-0.00;"—"',                              # 3: zero shows —
      '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ',  # 4: 会计专用, zero shows -
      '0.00;-0.00;"—"',                              # 5: the same, not zero
      '上午/下午h"时"mm"分"'],                        # 6: a Chinese time
     [["S1", "项目一", "站前区", (0.5, 0), 0.25],
      ["S2", "项目二", "站前区", 1000, (1.75, 1)],
      ["S3", "项目三", "站前区", (45717.5, 2), 10],
      ["S4", "项目四", "站前区", 2000, (0, 3)],
      ["S5", "项目五", "站前区", 3000, (0, 4)],
      ["S6", "项目六", "站前区", 4000, (150, 5)],
      ["S7", "项目七", "站前区", (0.75, 6), 1]])

# The same in a progress sheet: a time is refused; a zero 本月完成投资 (a
# required amount) in 会计专用, shown "-", is the zero it stands for.
book("fmt-shown-progress.xlsx",
     ['h:mm', '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '],
     [["S4", "2025-03", (0, 1), "已开工"],
      ["S4", "2025-04", (12.5, 1), "已开工"],
      ["S6", "2025-03", (0.5, 0), "已开工"]],
     header=["项目编号", "调度期", "本月完成投资(万元)", "开工状态"])
