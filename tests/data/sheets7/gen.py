#!/usr/bin/env python3
"""Write the workbooks of this folder (standard library only).

Run here: python3 gen.py. What each holds and what an import makes of it
is in README.md; tests/t/t1720-sheets7.sh asserts it. The .xls files are
LibreOffice's conversions of the .xlsx of the same name (ORIGIN.md).
"""
import sys
import zipfile
from xml.sax.saxutils import escape

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
ODR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ["项目编号", "项目名称", "所属地区", "总投资(万元)", "年度计划投资(万元)"]
ROWS = [["S1", "项目甲", "站前区", 1000, 100], ["S2", "项目乙", "西市区", 2000, 200]]


def col(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


class Book:
    """Sheets in workbook order: (name, rows, state); strings go to the
    shared string table unless inline=True, and are written as given
    (so that "_x0000_" reaches the file as is)."""

    def __init__(self, inline=False):
        self.sheets, self.sst, self.inline = [], [], inline

    def sheet(self, name, rows, state=None):
        self.sheets.append((name, rows, state))
        return self

    def cell(self, ref, v):
        if isinstance(v, str):
            if self.inline:
                return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'
            self.sst.append(v)
            return f'<c r="{ref}" t="s"><v>{len(self.sst) - 1}</v></c>'
        return f'<c r="{ref}"><v>{v!r}</v></c>'

    def save(self, path):
        n = len(self.sheets)
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
              + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(n)) + '</Types>')
        rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
                f'<Relationship Id="rId1" Type="{ODR}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sheets = "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"'
                         + (f' state="{state}"' if state else "") + "/>"
                         for i, (name, _, state) in enumerate(self.sheets))
        wb = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" xmlns:r="{RNS}">'
              f'<sheets>{sheets}</sheets></workbook>')
        wbrels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG}">'
                  + "".join(f'<Relationship Id="rId{i + 1}" Type="{ODR}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                            for i in range(n))
                  + f'<Relationship Id="rId{n + 1}" Type="{ODR}/sharedStrings" Target="sharedStrings.xml"/>'
                  '</Relationships>')
        parts = {}
        for i, (_, rows, _) in enumerate(self.sheets):
            out = []
            for r, row in enumerate(rows, start=1):
                cells = "".join(self.cell(f"{col(c)}{r}", v) for c, v in enumerate(row) if v is not None)
                out.append(f'<row r="{r}">{cells}</row>')
            parts[f"xl/worksheets/sheet{i + 1}.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
                f'<sheetData>{"".join(out)}</sheetData></worksheet>')
        sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in self.sst)
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" '
            f'count="{len(self.sst)}" uniqueCount="{len(self.sst)}">{sst}</sst>')
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", ct)
            z.writestr("_rels/.rels", rels)
            z.writestr("xl/workbook.xml", wb)
            z.writestr("xl/_rels/workbook.xml.rels", wbrels)
            for name, text in parts.items():
                z.writestr(name, text)


def big(path, nrows=100000):
    """A real large sheet: nrows projects of 20 columns (numbers, shared
    strings and inline text), written at test time, not kept here: the
    caps on what a part inflates to must never refuse it."""
    extra = [f"备注{i}" for i in range(15)]
    rows = [HEADER + extra]
    for i in range(1, nrows + 1):
        rows.append([f"B{i:06d}", f"大项目{i}", ("站前区", "西市区")[i % 2], 1000 + i, 100 + i % 900]
                    + [f"说明文字{i % 97}" if k % 3 else i * k for k in range(15)])
    Book().sheet("台账", rows).save(path)


if len(sys.argv) == 3 and sys.argv[1] == "big":
    big(sys.argv[2])
    sys.exit(0)


# --- 1. _xHHHH_ escapes: _x0000_ is a NUL, refused as in a CSV ----------
for inline, path in ((False, "esc-nul-shared.xlsx"), (True, "esc-nul-inline.xlsx")):
    Book(inline).sheet("台账", [HEADER,
                               ["E1", "项目_x0000_甲", "站前区", 1000, 100],
                               ["E2", "项目乙", "站前区", 2000, 200],
                               ["E3_x0000_", "项目丙", "站前区", 3000, 300]]).save(path)
# Other control characters: kept as the character, as a CSV keeps the byte.
Book().sheet("台账", [HEADER,
                     ["C1", "第一行_x000D__x000A_第二行", "站前区", 1000, 100],
                     ["C2", "项目_x0009_乙", "站前区", 2000, 200],
                     ["C3", "字面_x005F_x0000_", "站前区", 3000, 300],
                     ["C4_x0001_", "项目丁", "站前区", 4000, 400]]).save("esc-controls.xlsx")

# --- 4. An instructions or sample sheet before (or after) the data -------
SAMPLE = [["填报说明"], ["1. 金额单位为万元。"], ["示例："], HEADER,
          ["示例001", "某某项目", "某某区", 100, 10]]
DATA = [["2025年重点项目台账"], HEADER] + ROWS
Book().sheet("填报说明", SAMPLE).sheet("项目表", DATA).save("instr-first.xlsx")
Book().sheet("示例", SAMPLE).sheet("填表说明", [["请按下表填写"]]).sheet("Sheet1", DATA).save("sample-then-instr.xlsx")
Book().sheet("项目表", DATA).sheet("填报说明", SAMPLE).save("instr-last.xlsx")
Book().sheet("填报说明", SAMPLE).save("instr-only.xlsx")
Book().sheet("填报说明", SAMPLE).sheet("项目表", DATA, "hidden").save("instr-data-hidden.xlsx")
Book().sheet("指标解释", SAMPLE).sheet("样表", SAMPLE).sheet("台账（2025）", DATA).save("instr-two-kinds.xlsx")
# A sheet named like a ledger that mentions 说明 in passing is read.
Book().sheet("重点项目及说明", DATA).sheet("填报要求", SAMPLE).save("instr-word-in-name.xlsx")
